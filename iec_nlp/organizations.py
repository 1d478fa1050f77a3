"""Organizations of a release: who issued it, and which ones are its customers.

SCHEMA.md makes CUSTOMER a role an organization plays in the whole release,
not a property of its name: "an order from Keysight Technologies, a new
customer" makes Keysight a customer; "Motorola is a partner, not a customer"
does not make Motorola one. So the decision is taken once per organization
and with the whole release in view, after the recognizer has found the
organization mentions (as ORG or CUSTOMER):

1. mentions are grouped into organizations (`IEC Electronics Corp.`, `IEC`,
   `IEC's`, `IEC ELECTRONICS`; `Science Applications International
   Corporation (SAIC)` and `SAIC`): this module, with the names and
   sentences the other steps read;
2. the issuer is the organization the release presents as its author
   (letterhead, "X (Nasdaq: XYZ) today announced", "About X"); it is never
   a customer (`iec_nlp.issuer`);
3. every other organization gets a customer probability from a logistic
   model over what the release says around its mentions (orders or contracts
   from it, sales to it, "our customer", partners, lenders, employers...:
   `iec_nlp.customer_cues`), and all its mentions take CUSTOMER or ORG
   together (`iec_nlp.customer_decision`).

The model's weights are a handful of numbers stored in the pipeline's
meta.json (`iec_organizations`), learned by `iec_nlp.customer_training` from
the gold corpus; without them the recognizer's own labels are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

_SUFFIX = re.compile(
    r"(?:[,\s]+(?:(?:and|&)\s+co|inc|corp|corporation|co|company|ltd|limited|llc|plc|l\.?p|n\.?v|ag|gmbh|s\.?a|"
    r"incorporated)\.?)+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
ORG_LABELS = ("ORG", "CUSTOMER")


class EntityLike(Protocol):
    # Read-only: the organization functions only read a mention, and a
    # frozen `Entity` must satisfy the protocol too.
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...


# Names repeat within and across releases, and grouping compares every pair:
# both functions are pure, so their answers are kept.
@lru_cache(maxsize=65536)
def organization_key(name: str) -> str:
    """A comparable form of an organization name: `Motorola, Inc.'s` -> `motorola`."""
    # A curly apostrophe ("America’s") is the same name as a straight one.
    key = " ".join(_PARENTHETICAL.sub("", name.replace("\u2019", "'")).split())
    key = _POSSESSIVE.sub("", key)
    key = re.sub(r"^the\s+", "", key, flags=re.IGNORECASE)
    key = _SUFFIX.sub("", key)
    return key.strip(" ,.").lower()


def _acronym(name: str) -> str:
    """`science applications international corporation` -> `saic`; with the
    small words too (`american science and engineering` -> `asae`) a
    second form is tried by the caller."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return "".join(w[0] for w in words if w not in ("of", "and", "the", "for"))


_NATIONAL_QUALIFIERS = ("u.s.", "us", "united states", "u.s. government's", "federal")
# "the City of Harrow Bay" and "Harrow Bay", "the State of New Jersey" and
# "New Jersey": a public body named by its place, with or without its form.
# Only the whole rest: "New Jersey Transit" is another body.
_PUBLIC_BODY_FORM = re.compile(
    r"^(?:city|state|county|town|township|village|borough|commonwealth|province|government)\s+of\s+(?:the\s+)?"
)


def company_name_forms(company: str) -> list[str]:
    """The forms a release may name a company of the corpus meta by: the
    whole name, the name before its first comma, and any short form in
    parentheses ("Electro Scientific Industries, Inc. (ESI)")."""
    return [company, company.split(",")[0]] + re.findall(r"\(([^)]+)\)", company)


@lru_cache(maxsize=65536)
def same_organization(a: str, b: str) -> bool:
    """Whether two names plausibly name one organization: equal keys, one the
    leading words of the other (`IEC` / `IEC Electronics`), or an acronym
    (`SAIC` / `Science Applications International`)."""
    ka, kb = organization_key(a), organization_key(b)
    if not ka or not kb:
        return False
    if ka == kb or _PUBLIC_BODY_FORM.sub("", ka) == _PUBLIC_BODY_FORM.sub("", kb):
        return True
    short, long_ = sorted((ka, kb), key=len)
    # "Sears" of "Sears, Roebuck and Co.": a comma may end the leading words.
    if long_.startswith((short + " ", short + "-", short + ",")):
        return True
    # "Navy" for "U.S. Navy": a national qualifier in front.
    for qualifier in _NATIONAL_QUALIFIERS:
        rest = long_[len(qualifier) :]
        if long_.startswith(qualifier) and rest[:1].isspace() and rest.lstrip() == short:
            return True
    compact = re.sub(r"[\s.&-]", "", short)
    if len(compact) >= 2 and " " not in short:
        full = " ".join(
            _PARENTHETICAL.sub("", b if organization_key(b) == long_ else a).lower().split()
        )
        if compact in (_acronym(long_), _acronym(full), _acronym(long_.replace("&", " and "))):
            return True
    short_words, long_words = short.split(), long_.split()
    # "Pecan Creek ISD" for "Pecan Creek Independent School District",
    # "Lakeshore FCU" for "Lakeshore Federal Credit Union": the same first
    # words, then the initials of the rest.
    lead = len(short_words) - 1
    if lead >= 1 and short_words[:lead] == long_words[:lead] and len(short_words[-1]) >= 2:
        if short_words[-1] == _acronym(" ".join(long_words[lead:])) and len(long_words) - lead >= 2:
            return True
    # "CPI Aero" for "CPI Aerostructures": each word the start of the other's word.
    return (
        len(short_words) >= 2
        and len(short_words) <= len(long_words)
        and all(lw.startswith(sw) for sw, lw in zip(short_words, long_words))
    )


@dataclass(frozen=True)
class Organization:
    """One organization of a release: its name and the indices of its mentions."""

    name: str
    mentions: tuple[int, ...]


_ALIAS_GAP = re.compile(r"^\s*\(\s*(?:the\s+)?[\"\u201c\u2018']?\s*$", re.IGNORECASE)


def group_organizations(entities: Sequence[EntityLike], text: str | None = None) -> list[list[int]]:
    """Entity indices of ORG/CUSTOMER mentions, grouped by organization.

    Longer names come first, so a short form joins the full name it
    abbreviates (`IEC` joins `IEC Electronics Corp.`); a short form that fits
    two different organizations joins the one mentioned first. With the
    text, a name defined in parentheses right after another (`American
    Science and Engineering, Inc. (AS&E)`, `Acme Corp. ("Acme Aero")`) is
    the same organization.
    """
    indices = [i for i, e in enumerate(entities) if e.label in ORG_LABELS]
    aliases: dict[str, str] = {}
    if text is not None:
        for a, b in zip(indices, indices[1:]):
            gap = text[entities[a].end : entities[b].start]
            if _ALIAS_GAP.match(gap):
                aliases[organization_key(entities[b].text)] = organization_key(entities[a].text)
        # A company's ticker used as its short name: "American Superconductor
        # Corporation (NASDAQ: AMSC)", then "AMSC" (not "AMSC Windtec").
        for i in indices:
            ticker = _TICKER_SYMBOL.match(text, entities[i].end)
            if ticker:
                aliases.setdefault(ticker.group(1).lower(), organization_key(entities[i].text))
    by_key: dict[str, list[int]] = {}
    for i in indices:
        key = organization_key(entities[i].text)
        if key:
            by_key.setdefault(key, []).append(i)
    # A name written with its legal form ("Caterpillar Inc.") is a company's
    # full name: it anchors its group, so that its short form ("Caterpillar")
    # stays with it and a longer name built on it ("Caterpillar Financial
    # Services") joins it as one of its units, rather than the company
    # joining the unit. Otherwise longer names first.
    full = {
        k
        for k, members in by_key.items()
        if any(_has_legal_form(entities[i].text) for i in members)
    }
    # A name written only as an acronym ("APR") that is a whole word of a
    # longer name of the release ("New APR Energy") is its short form.
    acronyms = {
        k
        for k, members in by_key.items()
        if all(_ACRONYM.fullmatch(_POSSESSIVE.sub("", entities[i].text.strip())) for i in members)
    }
    keys = sorted(by_key, key=lambda k: (k not in full, -len(k), by_key[k][0]))
    groups: list[tuple[str, list[int], set[str]]] = []
    for key in keys:
        home = next(
            (
                g
                for g in sorted(groups, key=lambda g: g[1][0])
                if aliases.get(key) == g[0]
                # Two full names are two companies ("Caterpillar Inc.",
                # "Caterpillar Financial Services Corporation").
                or (same_organization(g[0], key) and not (key in full and g[0] in full))
                or (key in acronyms and key in g[0].split())
                # "Army" after "U.S. Army" joined "U.S. Army Contracting
                # Command": the short form of a name the group already holds.
                or (key not in full and any(same_organization(k, key) for k in g[2]))
            ),
            None,
        )
        if home is None:
            groups.append((key, list(by_key[key]), {key}))
        else:
            home[1].extend(by_key[key])
            home[2].add(key)
    return sorted((sorted(members) for _, members, _ in groups), key=lambda m: m[0])


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


def _has_legal_form(name: str) -> bool:
    return bool(_SUFFIX.search(_POSSESSIVE.sub("", name.strip())))


def display_name(entities: Sequence[EntityLike], members: Sequence[int]) -> str:
    """The fullest written form: mixed case (the body's "Ornell Aerospace",
    not the headline's "ORNELL AEROSPACE, INC."), then a name with its legal
    form, then the longest preferred ("Caterpillar Inc.", not its unit
    "Caterpillar Power Finance" of the same group)."""
    names = [_POSSESSIVE.sub("", " ".join(entities[i].text.split())) for i in members]
    return max(names, key=lambda n: (not n.isupper(), _has_legal_form(n), len(n)))


# The exchanges a ticker is written with (the grouping reads a ticker as a
# short name; `issuer` reads it as the author's mark).
_EXCHANGES = (
    r"(?:nyse|nasdaq|amex|otc|tsx|nyse american|nyse mkt|nyse arca|otcqb|otcqx|otcbb|asx|lse|aim|ticker|symbol|cboe|nasd|"
    # Exchanges abroad where a US filer or its parent is also listed.
    r"euronext|cse|tase|hkex|xetra)"
)
# "(NASDAQ: AMSC)", "(NYSE American: ACME.B)" right after a name: the symbol.
_TICKER_SYMBOL = re.compile(
    r"\s*\(\s*" + _EXCHANGES + r"[\w ]{0,20}:\s*([A-Z][A-Z.]{1,6}?)\.?\s*\)", re.IGNORECASE
)


# Sentences, for what is said around a mention (`extraction`, `customer_decision`).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d]?\s+(?=[A-Z\"\u201c(])|\n\s*\n")


_ABBREVIATIONS = frozenset(
    "corp inc co ltd mr ms mrs dr jr sr no st vs etc jan feb mar apr jun jul aug sep sept oct nov dec "
    "gov sen rep gen col capt lt dept assn bros mfg intl".split()
)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of a release: a cheap split at sentence
    ends and blank lines (not after `Corp.`, `U.S.`, `Mr.` or an initial),
    enough to find what is said around a mention."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().strip() == "" and "\n\n" not in m.group():
            word = re.search(
                r"([A-Za-z.]+)\.[\"\u201d]?$", text[max(0, m.start() - 20) : m.start()]
            )
            if word and (
                word.group(1).lower() in _ABBREVIATIONS
                or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word.group(1))
            ):
                continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def sentence_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if bounds[mid][0] <= position:
            lo = mid
        else:
            hi = mid - 1
    return bounds[lo]
