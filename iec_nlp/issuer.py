"""The issuer: which organization a release is from.

The release names its author in a few fixed places: the letterhead, the
name with its ticker ("Acme Corp. (NASDAQ: ACME)"), the dateline's
"X today announced", "About X", an 8-K's signature ("ACME CORP. By: /s/
..."). `find_issuer` scores every organization of the release by those
cues and by how often it is named, and returns the best one, or `None`
where the text names none (an 8-K item text may name its filer nowhere).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .organizations import (
    _EXCHANGES,
    EntityLike,
    Organization,
    display_name,
    group_organizations,
    same_organization,
)

# ", Monroeville, PA" or ", Boston, Mass.": the place some releases write
# between the issuer's name and its ticker or verb ("Acme Corp., Boston,
# Mass. (NASDAQ: ACME) announced"). The state must look like one (two
# capitals, or a short abbreviation), so that in "orders from Boeing,
# Lockheed Martin, Raytheon (NYSE: RTX)" Boeing does not take the ticker.
_PLACE = (
    r"(?:,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3},\s*"
    r"(?!(?:Inc|Corp|Co|Ltd|Bros|Mfg)\.)(?:[A-Z]{2}\b|[A-Z][a-z]{1,5}\.|(?:[A-Z]\.){2,3}))?"
)

_TICKER = re.compile(
    r"^(?:['\u2019]s?)?" + _PLACE + r"\s*,?\s*(?:\([^()]{0,40}\)\s*)?"
    # "Acme common stock (OTC Bulletin Board: ACME)": the stock named with it.
    r"(?:common\s+(?:stock|shares)\s*)?"
    r"(?:\(\s*(?:the\s+\W?company\W?\s*;?\s*)?" + _EXCHANGES + r"[^)]{0,40}\)"
    # "(IECE.OB)": an over-the-counter symbol written with its market suffix.
    r"|\(\s*[A-Z]{2,5}\.(?:OB|PK)\s*\))",
    re.IGNORECASE,
)

# "Larchmont National Bank, as Trustee of the Westmarch Royalty Trust (the
# "Trust"), today declared": a trustee or general partner announces for the
# trust or partnership, which files the release.
_ACTS_FOR = r"(?:trustee|general\s+partner|manager|administrator)\b"

_ANNOUNCES = re.compile(
    r"^" + _PLACE + r"\s*(?:,\s*)?(?:\([^)]{0,60}\)\s*){0,3}"
    r"(?:,(?!\s*as\s+(?:the\s+)?"
    + _ACTS_FOR
    + r")[^,]{0,120},\s*|,\s*(?=today\b))?(?:today\s+|also\s+)?"
    r"(?:announced|announces|reported|reports|today said|(?:is|are)\s+(?:pleased|proud|happy|delighted)\s+to\s+announce"
    # "Acme Tooling Company said today it shipped", "Acme said Tuesday".
    r"|said\s+(?:on\s+)?(?:today|monday|tuesday|wednesday|thursday|friday)"
    # A trust or a fund declares its distribution: "Acme Royalty Trust today declared".
    r"|today\s+declared"
    # An 8-K item on the release it furnishes: "Acme Inc. issued a press release".
    r"|issued\s+(?:a|its)\s+(?:press|news)\s+release)\b",
    re.IGNORECASE,
)

# Names that never issue the release they appear in, nor buy from its
# issuer: wire services ("Business Wire", "GLOBE NEWSWIRE", "Marketwired",
# "NewMediaWire", "EIN Presswire"), exchanges, the regulator. A wire
# service's name ends in "wire" after a word of the trade, so an issuer or
# customer like "Acme Wire and Cable Inc." or "Beta Wireless" is not ruled out.
_NOT_AN_ISSUER = re.compile(
    r"(?:(?:news|media|press|market|access|business|\bpr)\s*wired?s?\b|\bcnw\b|stock exchange|\bnasdaq\b|"
    r"\bnyse\b|\bamex\b|securities and exchange commission|^sec$)",
    re.IGNORECASE,
)

_ABOUT = re.compile(r"(?:^|\n)\s*about\s+(?:the\s+)?$", re.IGNORECASE)

# Every 8-K ends with its signature block: "... the registrant has duly
# caused this report to be signed on its behalf by the undersigned hereunto
# duly authorized.", the registrant's name on its own line, then (after a
# date line, or co-registrants' names) its officer's signature, "By: /s/
# Jane Doe". Only the filer signs its report.
_SIGNED_FOR = re.compile(r"duly\s+authori[sz]ed\.?\s*$", re.IGNORECASE)

_SIGNS = re.compile(r"^[ \t]*\n(?:[^\n]*\n){0,4}?[^\n]*?\bBy:?\s*/s/", re.IGNORECASE)

# `Acme Corp. ("Acme" or the "Company")`, `Acme Group plc (the "Group")`,
# `Acme, Inc. ("we," "us")`: the release defines its author's short name.
# A counterparty is defined by its role instead ("the Lender", "the Buyer"),
# or with the author ("Beta Bank (together with the Company, the Parties)").
# A master limited partnership or a royalty trust is "the Partnership" or
# "the Trust" (its trustee, "the Trustee", is not).
# An 8-K writes its filer's state of incorporation between the name and the
# definition: `Acme Inc., a Delaware corporation (the "Company")`.
_DEFINED_AS_AUTHOR = re.compile(
    r"^(?:['\u2019]s?)?\s*,?\s*(?:an?\s+[^(),\n]{1,60}?,?\s*)?(?:\([^()]{0,40}\)\s*){0,2}\([^()]{0,80}?"
    r"(?:(?<!with )\bthe\s+[\"\u201c\u2018']?(?:company|group|corporation|registrant|partnership|trust)\b"
    r"|[\"\u201c\u2018']we\b)[^()]{0,80}\)",
    re.IGNORECASE,
)

# An 8-K item text ("Item 5.02 Departure of Directors ...") speaks of its
# filer as "the Company" or "we"; the organizations it names are the other
# parties (the lender, the merger partner, the research center).
_ITEM_TEXT = re.compile(r"^\s*(?:exhibit[^\n]{0,40}\n\s*)?item\s+\d+\.\d+", re.IGNORECASE)

# "TORONTO, May 1, 2024 (GLOBE NEWSWIRE) -- (TSX: ACM, OTC: ACMEF) Acme
# Buses Inc., a subsidiary of Acme Group Inc. (ACM), today announced": a
# ticker written before any name, right after the dateline, is the issuer's.
_LEADING_TICKER = re.compile(
    r"(?:\d{4}|\))\s*(?:[-\u2013\u2014]+|/)\s*\(\s*(" + _EXCHANGES + r"\s*:[^()]{1,80})\)",
    re.IGNORECASE,
)

_SYMBOL = re.compile(r":\s*([A-Z][A-Z0-9]{0,5})\b")

# "DALLAS, May 1, 2024 --", "Aug. 5, 2019 /PRNewswire/ --", "(BUSINESS WIRE) --".
_DATELINE = re.compile(
    r"(?:\d{4}|\))\s*(?:[-\u2013\u2014]+|/)\s*(?:\(?[A-Z][\w .]*(?:WIRE|Wire|wire)[\w-]*\)?/?\s*[-\u2013\u2014]*\s*)?$"
)


def _counts_for_issuer(entity: EntityLike) -> bool:
    """Whether a mention can speak for the issuer: "NYSE" in "Acme Corp.
    (NYSE: ACM)" is read as Acme's alias by the grouping, but it is the
    exchange, and says nothing about who issued the release."""
    return not _NOT_AN_ISSUER.search(entity.text)


def _leading_ticker_symbols(text: str) -> list[str]:
    """Symbols of a ticker written right after the dateline, before any name."""
    found = _LEADING_TICKER.search(text[:1500])
    return _SYMBOL.findall(found.group(1)) if found else []


def _issuer_score(
    text: str,
    entities: Sequence[EntityLike],
    members: Sequence[int],
    cue_rank: dict[str, dict[int, int]],
    first_of_all: int,
    symbols: Sequence[str] = (),
) -> float:
    """How strongly the release presents this organization as its author.

    The first organization written with its ticker ("Acme Corp. (NYSE:
    ACME)"), or the first that "today announced", is the issuer in nearly
    every release; a customer named later with its own ticker is not.
    `cue_rank` orders the mentions that carry each cue (0 = first);
    `symbols` are those of a ticker written before any name.
    """
    members = [i for i in members if _counts_for_issuer(entities[i])]
    if not members:
        return 0.0
    score = 0.0
    first = min(entities[i].start for i in members)
    for i in members:
        e = entities[i]
        before = text[max(0, e.start - 80) : e.start]
        if i in cue_rank["ticker"]:
            score += 5.0 if cue_rank["ticker"][i] == 0 else 1.0
        if i in cue_rank["announces"]:
            score += 2.5 if cue_rank["announces"][i] == 0 else 0.5
        if i in cue_rank["defined"]:
            score += 3.0 if cue_rank["defined"][i] == 0 else 0.5
        if i in cue_rank["signature"]:
            score += 5.0 if cue_rank["signature"][i] == 0 else 0.5
        if i in cue_rank["about"]:
            # The "About Acme" boilerplate describes the author: the first one
            # outweighs a customer's ticker in the first lines. A second one
            # ("About Beta") is the partner's or customer's.
            score += 8.0 if cue_rank["about"][i] == 0 else 2.0
        if _DATELINE.search(before):
            score += 1.5
            # "DALLAS, May 1, 2024 -- Acme Corp. (NYSE: ACM) today announced":
            # the dateline opens the author's own sentence; a customer named
            # with its ticker in the headline above does not take its place.
            if i in cue_rank["ticker"] or i in cue_rank["announces"]:
                score += 3.0
    if any(same_organization(symbol, entities[i].text) for symbol in symbols for i in members):
        score += 5.0
    score += min(len(members), 8) * 0.4
    # Letterhead and headline come first.
    score += 1.0 * max(0.0, 1.0 - first / 600)
    if first == first_of_all:
        score += 1.5
    return score


def _has_author_cue(members: Sequence[int], cue_rank: dict[str, dict[int, int]]) -> bool:
    """Whether the text itself presents the organization as its author
    (ticker, "announced", "the Company", "About X"), not only by position."""
    return any(i in ranks for ranks in cue_rank.values() for i in members)


def _cue_ranks(
    text: str, entities: Sequence[EntityLike], groups: list[list[int]]
) -> dict[str, dict[int, int]]:
    """For each cue, the mentions that carry it, ranked in text order (0 =
    first): a ticker or "today announced" after the name, a definition as
    "the Company", an "About" heading before it, an 8-K's signature around it."""
    mentions = sorted(i for g in groups for i in g if _counts_for_issuer(entities[i]))
    cue_rank = {}
    for cue, pattern in (
        ("ticker", _TICKER),
        ("announces", _ANNOUNCES),
        ("defined", _DEFINED_AS_AUTHOR),
    ):
        cued = [i for i in mentions if pattern.match(text[entities[i].end : entities[i].end + 200])]
        cue_rank[cue] = {i: n for n, i in enumerate(cued)}
    about = [
        i
        for i in mentions
        if _ABOUT.search(text[max(0, entities[i].start - 80) : entities[i].start])
    ]
    # "DALLAS -- Acme Corp. today announced that Beta Bank selected ...":
    # when the release describes its customer first ("About Beta Bank"), the
    # "About" of the organization whose own sentence opens after the dateline
    # is still the author's.
    author = next(
        (
            g
            for g in groups
            for i in g
            if cue_rank["announces"].get(i) == 0
            and _DATELINE.search(text[max(0, entities[i].start - 80) : entities[i].start])
        ),
        (),
    )
    about.sort(key=lambda i: i not in author)
    cue_rank["about"] = {i: n for n, i in enumerate(about)}
    signed = [
        i
        for i in mentions
        if _SIGNED_FOR.search(text[max(0, entities[i].start - 80) : entities[i].start])
        or _SIGNS.match(text[entities[i].end : entities[i].end + 200])
    ]
    cue_rank["signature"] = {i: n for n, i in enumerate(signed)}
    return cue_rank


def find_issuer(
    text: str, entities: Sequence[EntityLike], groups: list[list[int]] | None = None
) -> Organization | None:
    """The organization that issued the release, or None when the text does not say."""
    groups = group_organizations(entities, text) if groups is None else groups
    if not groups:
        return None
    cue_rank = _cue_ranks(text, entities, groups)
    first_of_all = min(entities[g[0]].start for g in groups)
    symbols = _leading_ticker_symbols(text)
    scored = [
        (_issuer_score(text, entities, g, cue_rank, first_of_all, symbols), -g[0], g)
        for g in groups
    ]
    score, _, best = max(scored)
    if score < 2.0:
        return None
    if _ITEM_TEXT.match(text) and not _has_author_cue(best, cue_rank):
        # An 8-K item names its filer only where it says so; otherwise the
        # best-placed organization is a party to what the item reports.
        return None
    # Without the exchange the grouping took for an alias ("NYSE" of "Acme
    # Corp. (NYSE: ACM)"): only the issuer's own mentions.
    mentions = tuple(i for i in best if _counts_for_issuer(entities[i])) or tuple(best)
    return Organization(display_name(entities, mentions), mentions)
