"""Conventions of SCHEMA.md on amounts, applied to the relation extractor's
output.

Measures (VALUE_OF):

- amounts of change ("a $1 million reduction", "reduced EPS $0.07",
  "retired $600 million of debt") and parts of a larger amount ("net income
  includes ... $2 million", "included in the earnings were charges of $2
  million", "of this loss, $2 million", "of which $2 million", "contributed
  $2 million to net income", "includes $1 million in revenue"), with their
  per-share companions and the next part of their list, link to no measure;
- comparison amounts (also a list of them joined by "and", also after "from
  the" or "compared to previous guidance of") link to the measure of their
  clause's level of the same kind (aggregate or per share), not to one
  named after them;
- an amount with no measure takes the one its sentence states for it: a
  measure opening its clause and stated by "was", "were" or "totaled" ("R&D
  expenses for the quarter were $2 million"), a measure named right after
  it ("a $2.4 million contract", "$38 million and $39 million in unrealized
  losses"), a contract or order whose value it is ("a purchase order ... for
  approximately $858,000", "an award estimated at $7.2 million"); a measure
  written right against the amount wins over one before it ("the award of a
  new $2.4 million contract");
- a per-share amount written as the companion of another ("$2.1 million, or
  $0.12 per share") shares its measure and period, and so do the total it
  comes to ("a dividend of $1.00 per share, representing $44.9 million") and
  the two ends of a range ("between $80 million and $82 million").

Periods (IN_PERIOD):

- an amount followed by "for the <period>" (also after its per-share words:
  "$5 million or $0.33 per share in the prior year") falls in that period,
  and a period stated after a companion only is its amount's too;
- a change right after a level falls in the level's period;
- an amount with no period falls in the one period of its sentence (where
  the sentence's other amounts fall in it), of its clause (clauses parted by
  "compared with"), or of the line that introduces its list;
- a clause that pairs amounts with periods by "respectively" decides them;
- the period after a comparison amount ("$5 million, compared to $6 million
  in the prior year") is not the period of the level before it, and a
  period named only in a heading above a paragraph is not its amounts'.

"Revenue increased $5 million to $55 million, compared with $50 million a
year ago": $55 million is the level of revenue (VALUE_OF), $5 million is an
amount of change (no VALUE_OF, GUIDELINE "Changes"), and $50 million is a
comparison amount, also a level of revenue (GUIDELINE "Comparison
amounts"). The extractor scores each pair on its own and often links the
change, or leaves the comparison, written far from the measure, unlinked.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from ..currencies import CURRENCY
from ..figures import LEVEL_VERBS, is_change
from ..text import PARAGRAPH_BREAK, SENTENCE_END, FiledLayout, doc_text
from .figure_terms import BRACKETED_COMPARATIVE, CHANGED_BY_AMOUNT_TO

# "compared to previous guidance of $160 million": the guided level of the measure.
# "an increase of 14% over $33.9 million": a rate of change, then the level it is measured from.
_COMPARED = re.compile(
    r"(?:compared\s+(?:with|to)|versus|vs\.?|from|%\s+over)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:negative\s+|net\s+loss\s+of\s+|loss\s+of\s+|(?:(?:previous|prior|earlier)\s+)?guidance\s+of\s+)?"
    r"(?:approximately\s+|about\s+)?$",
    re.IGNORECASE,
)
# How far back the compared level may be: a clause, not a paragraph.
_REACH = 250
# An amount named as a change by the word after it: "a $1.4 million
# reduction in depreciation", "$26.4 million lower revenue".
_CHANGE_AFTER = re.compile(
    r"\s+(?:net\s+)?(?:increases?|decreases?|reductions?|declines?|improvements?|lower|higher|less|more)\b",
    re.IGNORECASE,
)
# The next amount of a list of compared levels, and how far it may follow the previous one.
_NEXT_IN_LIST = re.compile(r",?\s+and\s+(?:approximately\s+|about\s+)?$")
_LIST_REACH = 80


# A part of a larger amount is no level of it (GUIDELINE "Parts of a larger
# amount"): "Net income for 2007 includes the impact of the settlement of
# $7.5 million", "the settlement contributed $2.1 million to net income".
_INCLUDES = re.compile(r"\binclud(?:es?|ed)\b")
# "This includes $0.9 million in revenue recognized ...", "the extra week
# contributed $189 million in sales": the measure after the part is the whole.
_CONTRIBUTED = re.compile(
    r"\b(?:contribut(?:ed|es|ing)|includ(?:es|ed|ing))\s+(?:approximately\s+|about\s+|an\s+estimated\s+)?$"
)


_WHOLE_AFTER_PART = re.compile(r"\s+(?:to|in)\s+")
_NEXT_PART = re.compile(r"\s+and\s+(?:approximately\s+|about\s+)?")


# "Included in the 1998 earnings were charges of $6.9 million", "Of this loss,
# $3.6 million ... is related to", "$40 million in revenue, of which $18
# million": the whole is named before its part.
# The whole ends before its verb: in "Included in the 1998 earnings were
# charges of $6.9 million" the charges are the amount's own measure.
_INCLUDED_IN = re.compile(
    r"\b(?:included\s+in\s+(?:the\s+)?(?:(?!\b(?:were|was|are|is)\b)[^.;$]){0,30}|of\s+(?:this|that)\s+)$",
    re.IGNORECASE,
)
_OF_WHICH = re.compile(r"\bof\s+which\s+(?:approximately\s+|about\s+)?$")
# "total consideration of $612 million, including $410 million in cash",
# "£41 million, consisting of £26 million in cash": the whole stated, then
# its parts (a part named before the amount, "Revenue, including services,
# was $5 million", keeps its level).
_PART_AFTER_WHOLE = re.compile(
    rf"{CURRENCY}[\d.,]*\d(?:\s+(?:million|billion|thousand))?,?\s+"
    r"(?:including|consisting\s+of|comprised\s+of|comprising|made\s+up\s+of)\s+(?:approximately\s+|about\s+)?$",
    re.IGNORECASE,
)


# "a retention opportunity equal to $3,500,000 in the aggregate, with
# $2,400,000 of such amount payable on ...", "$2.0 million of the purchase
# price will be held in escrow": the part points back to its whole.
_PART_OF_NAMED_AMOUNT = re.compile(
    r"\s+of\s+(?:such|this|that|the)\s+(?:amount|payment|award|bonus|sum|total|purchase\s+price|(?:merger\s+)?consideration)\b"
)


def _is_part_of(text: str, amount: tuple[int, int], metric: tuple[int, int]) -> bool:
    if _PART_OF_NAMED_AMOUNT.match(text, amount[1]):
        return True
    if metric[1] <= amount[0]:
        return amount[0] - metric[1] <= _REACH and bool(
            _INCLUDES.search(text, metric[1], amount[0])
            or _INCLUDED_IN.search(text, max(0, metric[0] - 45), metric[0])
            or _OF_WHICH.search(text, max(0, amount[0] - 30), amount[0])
            or _PART_AFTER_WHOLE.search(text, max(metric[1], amount[0] - 60), amount[0])
        )
    return (
        _WHOLE_AFTER_PART.fullmatch(text, amount[1], metric[0]) is not None
        and _CONTRIBUTED.search(text, max(0, amount[0] - 40), amount[0]) is not None
    )


_PER_SHARE_VALUE = re.compile(r"[(-]?\$\s?[(-]?\d{0,2}\.\d{2}\)?")


def _is_per_share(text: str, amount: tuple[int, int]) -> bool:
    """A per-share amount: per-share words after it, or cents with no scale ("$0.71", "$(1.25)")."""
    return bool(
        _PER_SHARE_AFTER.match(text, amount[1])
        or _PER_SHARE_VALUE.fullmatch(text, amount[0], amount[1])
    )


def _is_companion(text: str, gap_start: int, amount: tuple[int, int]) -> bool:
    return bool(
        _COMPANION_GAP.fullmatch(text, gap_start, amount[0])
        and _PER_SHARE_AFTER.match(text, amount[1])
    )


def _parts_named_in_whole(
    text: str, money: list[tuple[int, int]], metrics: list[tuple[int, int]]
) -> set:
    """The amounts that are parts of the measure named right after them
    ("contributed $2.1 million to net income", "includes $0.9 million in
    revenue"), with their per-share companions ("..., or $0.11 per share")
    and the next part of their list ("... in sales and $0.07 of earnings per
    share")."""
    metric_at = {m[0]: m for m in metrics}
    parts = set()
    for n, amount in enumerate(money):
        whole = _WHOLE_AFTER_PART.match(text, amount[1])
        metric = metric_at.get(whole.end()) if whole else None
        if metric is None or not _is_part_of(text, amount, metric):
            continue
        parts.add(amount)
        if n + 1 < len(money):
            following = money[n + 1]
            if _is_companion(text, metric[1], following) or _NEXT_PART.fullmatch(
                text, metric[1], following[0]
            ):
                parts.add(following)
    return parts


# An amount by which a verb changes the measure before it is a change: "reduced
# EPS $0.07", "will reduce stockholders' equity by approximately $3 million",
# "retired $600 million of debt" (GUIDELINE: "reduced debt by $800,000").
# The frequency of a payment may stand between: "raised the quarterly dividend by 2 cents".
_VERB_BEFORE_MEASURE = re.compile(
    r"\b(?:reduc|increas|decreas|lower|rais|improv|cut)\w*\s+(?:the\s+|its\s+|our\s+)?"
    r"(?:(?:quarterly|monthly|annual|semi-annual)\s+)?$",
    re.IGNORECASE,
)
# A bound or an increment of the change may follow "by": "reduced our total long-term
# debt by more than $800,000", "increase the award by an additional $3
# million", "increase commitments by up to $50 million" (none of the 3 such
# amounts on train, dev and the probe sets is a level of the measure).
_MEASURE_CHANGED_BY = re.compile(
    r"\s+(?:by\s+)?(?:approximately\s+|about\s+|an\s+additional\s+|more\s+than\s+|over\s+|nearly\s+|up\s+to\s+)?"
)
_PAID_DOWN = re.compile(
    r"\b(?:retired|repaid|paid\s+down)\s+(?:approximately\s+|about\s+|an\s+additional\s+)?$"
)


def _changes_measure(text: str, amount: tuple[int, int], metric: tuple[int, int]) -> bool:
    if metric[1] <= amount[0]:
        return bool(
            _MEASURE_CHANGED_BY.fullmatch(text, metric[1], amount[0])
            and _VERB_BEFORE_MEASURE.search(text, max(0, metric[0] - 30), metric[0])
        )
    return bool(_PAID_DOWN.search(text, max(0, amount[0] - 40), amount[0]))


def revise_value_of(
    text: str,
    money: list[tuple[int, int]],
    metrics: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """The relations with VALUE_OF removed from amounts of change and added
    to comparison amounts. `money` and `metrics` are (start, end) character
    offsets in `text`, sorted; relations are [head start, head end, child
    start, child end, label, score] in the same offsets."""
    value_of = {(r[0], r[1]): r for r in relations if r[4] == "VALUE_OF"}
    dropped = {
        key
        for key, r in value_of.items()
        if is_change(text[max(0, key[0] - 40) : key[0]])
        or _CHANGE_AFTER.match(text, key[1])
        or _is_part_of(text, key, (r[2], r[3]))
        or _changes_measure(text, key, (r[2], r[3]))
    }
    # The per-share companion of a change is one too: "an increase of $2
    # million, or $0.10 per share".
    for first, second in zip(money, money[1:]):
        if first in dropped and second in value_of and _is_companion(text, first[1], second):
            dropped.add(second)
    dropped |= _parts_named_in_whole(text, money, metrics) & set(value_of)
    added = []
    # Comparison amounts and their VALUE_OF: a list of them goes on with "and".
    compared: dict[tuple[int, int], list[Any]] = {}
    relinked = set()
    for n, (start, end) in enumerate(money):
        if (start, end) in value_of:
            link = value_of[(start, end)]
            if not _COMPARED.search(text, max(0, start - 40), start) or (start, end) in dropped:
                continue
            if link[2] < end:
                compared[(start, end)] = link
                continue
            # "compared to $21,384 in the prior year quarter, resulting in a
            # 28% margin on sales": a measure named after the comparison is
            # another's; the comparison is a level of its clause's measure.
            relinked.add((start, end))
        if is_change(text[max(0, start - 40) : start]):
            continue
        if not _COMPARED.search(text, max(0, start - 40), start):
            # "compared to $40.2 million for the first quarter and $38.3
            # million for the second quarter a year ago": the list's next
            # item; a per-share companion may stand between ("$4.8 million, or
            # $0.57 per diluted share, for the linked quarter and $3.9 million").
            if n and _NEXT_IN_LIST.search(text, max(0, start - 40), start):
                kind = _is_per_share(text, (start, end))
                prev_start, prev_end = next(
                    (m for m in reversed(money[:n]) if _is_per_share(text, m) == kind), money[n - 1]
                )
                level = compared.get((prev_start, prev_end))
                if (
                    level is not None
                    and start - prev_end <= _LIST_REACH
                    and not SENTENCE_END.search(text, prev_end, start)
                    and not any(prev_end <= m_start < start for m_start, _ in metrics)
                ):
                    link = [start, end, level[2], level[3], "VALUE_OF", level[5]]
                    added.append(link)
                    compared[(start, end)] = link
            continue
        # The nearest earlier level of a measure in the same clause, with no
        # other measure named in between; a per-share level is passed over,
        # with its measure, by an aggregate amount and the other way round
        # ("net income of $19.1 million and EPS of $0.71 compared to $17.0
        # million and EPS of $0.63").
        kind = _is_per_share(text, (start, end))
        passed_over: set[int] = set()
        for prev_start, prev_end in reversed(money[:n]):
            if start - prev_end > _REACH or SENTENCE_END.search(text, prev_end, start):
                break
            level = value_of.get((prev_start, prev_end))
            if level is None or (prev_start, prev_end) in dropped:
                continue
            if _is_per_share(text, (prev_start, prev_end)) != kind:
                passed_over.add(level[2])
                continue
            if any(
                prev_end <= m_start < start and m_start not in passed_over for m_start, _ in metrics
            ):
                break
            link = [start, end, level[2], level[3], "VALUE_OF", level[5]]
            added.append(link)
            compared[(start, end)] = link
            break
        if (start, end) not in compared:
            relinked.discard((start, end))  # no level before it: the extractor's link stays
    if not dropped and not added:
        return relations
    dropped |= relinked
    kept = [r for r in relations if not (r[4] == "VALUE_OF" and (r[0], r[1]) in dropped)]
    return sorted(kept + added, key=lambda r: (r[0], r[1], r[2], r[3], r[4]))


def link_comparisons_of_new_levels(
    text: str,
    money: list[tuple[int, int]],
    metrics: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """The comparison amounts of the levels the rules after `revise_value_of`
    linked take their measure where they have none: "Cost of goods sold for
    the quarter ..., was $1.4 million, compared with $1.5 million" (the level's
    link came from its verb, after the comparisons were read)."""
    linked = {(r[0], r[1]) for r in relations if r[4] == "VALUE_OF"}
    revised = revise_value_of(text, money, metrics, relations)
    return _with(
        relations, [r for r in revised if r[4] == "VALUE_OF" and (r[0], r[1]) not in linked]
    )


# "Research and development expenses for the quarter were $0.2 million",
# "income tax expense for the year totaled $1.9 million", "Accounts
# receivable increased by $22 million during the quarter to $231 million": a
# measure that opens its clause and the amount its verb states (the extractor
# loses the pair when a period phrase stands between them).
# An aside may stand between them: "Gross profit (defined as revenue less
# ...) was", "Write-offs, net of recoveries, were", "Our adjusted loss per
# share, which excludes ... integration costs, and spin-off costs, was" (a
# relative clause, commas and all). A guided or estimated level is stated
# the same way ("earnings per diluted share for the 13-week period ... are
# expected to be in the range of $0.26 to $0.28", "Annual savings ... are
# estimated to be $4.1 million"): the outlook is the level the release
# gives for the measure, not a change of it. A footnote mark may follow the
# measure: "Operating income*, which excludes ..., was", "Adjusted EBITDA(1) was";
# so may the end of its short form: 'Adjusted FFO ("AFFO"), which excludes'.
# The aside may also be written with no commas, "Net Income including the
# tax benefit was $8.5 million", "Net income after tax benefit was", "Sales
# excluding the RPM business were": on train, dev and the probe sets the
# amount so stated is the measure's before the aside, 3 of 3.
# The measure may be scoped by "under" or "on a ... basis" as by "for":
# "Borrowings under the line of credit were $6.2 million", "Net loss under
# Generally Accepted Accounting Principles (GAAP) for the third quarter was",
# "Net interest income on a tax-equivalent basis was" (on train, dev and the
# probe sets each of the 66 amounts so stated is the value of the measure
# that opens the clause: the word before "under" or "on" in 55, a span
# running through it in 5, "Assets under management").
# A loss stated as the measure's level ("Adjusted net income for the quarter
# was a loss of $0.2 million") is the measure's too, not the loss's: 2 of 2.
_STATED_AS = re.compile(
    r"(?:\*+|\(\d{1,2}\)|[\"\u201d]\))?"
    r"(?:\s*\([^()$]{0,150}\))?(?:,\s+[^,.;:$\n]{0,40},|(?P<relative>,\s+(?:which|defined\s+as|excluding|including)\s+(?:[^.;:\n]|\.(?=\d)){0,250}?,)"
    r"|(?P<aside>\s+(?:including|excluding|without|after)\s+(?:the\s+)?[^,.;:$\n]{0,60}?))?"
    rf"(?:\s+(?:for|in|during|of|under|on\s+an?)\s+[^.;:$\n]{{0,100}}?)?,?\s+(?:was|were|totaled|totalled|amounted\s+to|{LEVEL_VERBS}|{CHANGED_BY_AMOUNT_TO}|"
    r"(?:was|were)\s+a\s+(?:net\s+)?loss\s+of|"
    r"(?:is|are)\s+(?:now\s+)?(?:expected|estimated|projected|anticipated|forecast)\s+to\s+(?:be|total)"
    r"(?:\s+in\s+the\s+range\s+of|\s+between)?)\s+"
    r"(?:approximately\s+|about\s+)?"
)
# The measure opens its clause, maybe after its owner or an article: "Energy
# & Transportation's profit", "The Company's income tax expense".
# A list item opens a clause after its bullet, a dash included ("- Net
# premiums earned of $268.4 million"), and there the measure is stated by
# "of" its amount as by "was".
_CLAUSE_OPENING = re.compile(
    r"(?:^|[.;:!?,\n]\s*|\u2022\s*|(?<=\s)[\u00b7\u25cf\u25aa*\u2013-]\s+)"
    r"(?:(?:[Tt]he|[Oo]ur|[Ii]ts|[A-Z][\w&.-]*(?:['\u2019]s)?|&)\s+){0,4}$"
)
_ITEM_OPENING = re.compile(r"(?:^|\n|\u2022|(?<=\s)[\u00b7\u25cf\u25aa*\u2013-])\s*$")
_STATED_OF = re.compile(r"\s+of\s+(?:approximately\s+|about\s+)?")
_CLAUSE_OPENING_REACH = 60


def link_stated_measures(
    text: str,
    money: list[tuple[int, int]],
    metrics: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount with no measure, stated by "was"/"were"/"totaled" or a verb
    of its level ("averaged", "decreased to") after a measure that opens its
    sentence, or by "of" after a measure that opens a list item or a line,
    is the value of that measure."""
    linked = {(r[0], r[1]): (r[2], r[3]) for r in relations if r[4] == "VALUE_OF"}
    metric_starts = [m[0] for m in metrics]
    added, replaced = [], set()
    for start, end in money:
        # "were $0.01 higher than ...": an amount of change is no level.
        if _CHANGE_AFTER.match(text, end):
            continue
        # An amount linked to a measure named in an aside before it is
        # stated for the measure the aside is about: "Adjusted EBITDA, which
        # excludes a litigation charge of $1.5 million, was $3.2 million".
        link = linked.get((start, end))
        if link is not None and not any(m[1] <= link[0] and link[1] <= start for m in metrics):
            continue
        # The nearest measure before the amount, or one before a measure
        # named in an aside ("Gross profit (defined as revenue less ...) was"),
        # the farthest first when a relative clause stands between (its own
        # list of measures may look like clauses: "..., which excludes
        # losses, acquisition costs, and transaction costs, was").
        k = bisect_left(metric_starts, start)
        candidates = metrics[max(0, k - 3) : k]
        relative = [
            m
            for m in candidates
            if (stated := _STATED_AS.fullmatch(text, m[1], start))
            and (stated.group("relative") or stated.group("aside"))
        ]
        for metric in relative[-1:] or reversed(candidates):
            if metric[1] > start:
                continue
            stated_of = _STATED_OF.fullmatch(text, metric[1], start) and _ITEM_OPENING.search(
                text, max(0, metric[0] - 4), metric[0]
            )
            if not (stated_of or _STATED_AS.fullmatch(text, metric[1], start)):
                continue
            opening = text[max(0, metric[0] - _CLAUSE_OPENING_REACH) : metric[0]]
            if _CLAUSE_OPENING.search(opening) and (link is None or metric[1] <= link[0]):
                added.append([start, end, *metric, "VALUE_OF", _PAIRED_SCORE])
                if link is not None:
                    replaced.add((start, end))
                    # The amounts compared with it ("up from $0.34") had taken
                    # the same measure; `link_comparisons_of_new_levels` gives them its new one.
                    replaced.update(_compared_after(text, relations, end, link))
            break
    kept = [r for r in relations if not (r[4] == "VALUE_OF" and (r[0], r[1]) in replaced)]
    return _with(kept, added)


def _compared_after(
    text: str, relations: list[list[Any]], end: int, metric: tuple[int, int]
) -> set:
    """The amounts after `end` in its sentence, each after a comparison
    word, that are the value of `metric`."""
    return {
        (r[0], r[1])
        for r in relations
        if r[4] == "VALUE_OF"
        and (r[2], r[3]) == metric
        and r[0] > end
        and not SENTENCE_END.search(text, end, r[0])
        and _COMPARED.search(text, max(0, r[0] - 40), r[0])
    }


# "Selling, general and administrative expense as a percentage of home sales
# revenue was 9.6%, or $71.3 million": the amount after the rate is the
# level of the measure the rate is of, not of the measure it is a share of.
_AS_A_SHARE_OF = re.compile(r"\s+as\s+a\s+(?:percent|percentage|%)\s+of\s")
_RATE_OR_AMOUNT = re.compile(r"\d(?:%|\s+percent),?\s+or\s+(?:approximately\s+|about\s+)?$")
_SHARE_REACH = 200


def link_levels_after_rates(
    text: str,
    money: list[tuple[int, int]],
    metrics: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount written after the rate of a measure "as a percentage of"
    another is the value of the first measure."""
    added, replaced = [], set()
    for amount in money:
        if not _RATE_OR_AMOUNT.search(text, max(0, amount[0] - 20), amount[0]):
            continue
        rated = [
            m
            for m in metrics
            if 0 < amount[0] - m[1] <= _SHARE_REACH
            and _AS_A_SHARE_OF.match(text, m[1])
            and not SENTENCE_END.search(text, m[1], amount[0])
        ]
        if rated:
            replaced.add(amount)
            added.append([*amount, *rated[-1], "VALUE_OF", _PAIRED_SCORE])
    if not added:
        return relations
    kept = [r for r in relations if not (r[4] == "VALUE_OF" and (r[0], r[1]) in replaced)]
    return _with(kept, added)


# The measure named right after an amount: "a $2.4 million contract",
# "$750,000 in aggregate repurchase price", "$2,927,000 ($.07 per share) for
# an impairment charge", "$38 million and $39 million in unrealized losses".
# The per-share companion may say on what basis it is given: "$18.5 million
# ($0.68 per share after tax) of catastrophe and storm losses" (on train, dev
# and the probe sets both amounts so written, and their companions, are the
# value of the measure after them).
_MEASURE_AFTER = re.compile(
    r"(?:\s*\([^()$]{0,5}\$[\d.,]+\s+(?:a|per)\s+(?:[\w-]+\s+){0,2}share"
    r"(?:,?\s+(?:after|before|net\s+of)\s+(?:income\s+)?tax(?:es)?)?\))?"
    r"(?:\s+(?:in|of|for\s+(?:an?|the))\s+|[ ]+(?=\S))"
)
_AMOUNT_LIST = re.compile(r",?\s+(?:and|or)\s+(?:approximately\s+|about\s+)?")
_AND_BEFORE = re.compile(r"\band\s+$")
_UNDER_FACILITY = re.compile(
    r"\s+(?:drawn|outstanding|borrowed|available)\s+under\s+(?:its|the|our|their)\s+"
)
# A noun compound written after an amount names its measure by its last
# words: "a $249 million cost-plus award fee contract option modification",
# "$20.2 Million Record Net Income". The compound is the run of words after
# the amount up to a function word, a verb or punctuation.
_COMPOUND_WORD = re.compile(
    r"[ ]+(?!(?:the|a|an|our|its|their|this|that|of|in|for|from|to|on|at|by|with|as|and|or|per|"
    r"was|were|is|are|will|has|have|had)\b)[A-Za-z][\w-]*"
)
_COMPOUND_REACH = 6


def _measure_ending_compound(
    text: str, end: int, metrics: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The measure that ends the noun compound written right after `end`, if any."""
    word_starts: list[int] = []
    position = end
    while len(word_starts) < _COMPOUND_REACH and (word := _COMPOUND_WORD.match(text, position)):
        word_starts.append(word.end() - len(word.group().lstrip(" ")))
        position = word.end()
    return next((m for m in metrics if m[1] == position and m[0] in word_starts), None)


def link_measures_after(
    text: str,
    money: list[tuple[int, int]],
    metrics: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount with no measure, followed by one ("$2 million contract",
    "$2 million in revenue"), is its value; so is each amount of a list
    joined by "and" before it. Not an amount of change."""
    value_of = {(r[0], r[1]): r for r in relations if r[4] == "VALUE_OF"}
    linked = set(value_of) | _parts_named_in_whole(text, money, metrics)
    metric_at = {m[0]: m for m in metrics}
    added, replaced = [], set()
    for n, (start, end) in enumerate(money):
        after = _MEASURE_AFTER.match(text, end)
        metric = metric_at.get(after.end()) if after else None
        if metric is None:
            metric = _measure_ending_compound(text, end, metrics)
        if (
            metric is None
            and _UNDER_FACILITY.match(text, end)
            and (start, end) in value_of
            and value_of[(start, end)][3] <= start
            and _AND_BEFORE.search(text, max(0, start - 8), start)
        ):
            # "cash of $12.5 million and $150.0 million drawn under its
            # revolving credit facility": a balance of another kind than the
            # measure of the clause, which takes no VALUE_OF (as annotated).
            replaced.add((start, end))
            continue
        if metric is None:
            continue
        # "the award of a new $2.4 million contract": the measure written
        # right against the amount names it, over one named before it.
        link = value_of.get((start, end))
        # (In lower case: a table row's label after the last cell of the row above is no such measure.)
        # A comparison amount keeps its clause's measure: "a discrete tax benefit of
        # $12 million ..., compared with a $43 million benefit in the first quarter of 2021".
        if (
            link is not None
            and link[3] <= start
            and text[end : metric[0]] == " "
            and text[metric[0]].islower()
            and not _COMPARED.search(text, max(0, start - 40), start)
        ):
            replaced.add((start, end))
            linked.discard((start, end))
        # The amount and the amounts listed before it: "$38 million and $39 million in ...".
        listed = [(start, end)]
        for prev in reversed(money[:n]):
            if not _AMOUNT_LIST.fullmatch(text, prev[1], listed[-1][0]):
                break
            listed.append(prev)
        for amount in listed:
            before = text[max(0, amount[0] - 40) : amount[0]]
            if (
                amount not in linked
                and not is_change(before)
                and not _changes_measure(text, amount, metric)
            ):
                added.append([*amount, *metric, "VALUE_OF", _PAIRED_SCORE])
    kept = [r for r in relations if not (r[4] == "VALUE_OF" and (r[0], r[1]) in replaced)]
    return _with(kept, added)


# The size of an item is stated right after it in an 8-K's terms: "a
# severance payment in an amount equal to $300,000", "relocation expenses up
# to $20,000", "a retention opportunity equal to $3,500,000", "a signing
# bonus in the amount of $75,000".
_SIZE_AFTER_MEASURE = re.compile(
    r"\s+(?:in\s+(?:the|an)\s+(?:aggregate\s+|total\s+)?(?:principal\s+)?amount\s+(?:of|equal\s+to)|"
    r"(?:of\s+)?(?:equal\s+to|up\s+to|not\s+to\s+exceed))\s+(?:approximately\s+|about\s+)?"
)

# A change named before its measure: "an increase in revenue of ...".
_CHANGE_IN_BEFORE = re.compile(
    r"\b(?:increases?|decreases?|reductions?|declines?|improvements?|growth|rises?|drops?)\s+in\s+"
    r"(?:the\s+|its\s+|our\s+)?$",
    re.IGNORECASE,
)


def link_sized_measures(
    text: str,
    money: list[tuple[int, int]],
    metrics: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount with no measure, stated as the size of the measure right
    before it ("in the amount of", "equal to", "up to"), is its value."""
    linked = {(r[0], r[1]) for r in relations if r[4] == "VALUE_OF"}
    money_at = {m[0]: m for m in money}
    added = []
    for metric in metrics:
        size = _SIZE_AFTER_MEASURE.match(text, metric[1])
        amount = money_at.get(size.end()) if size else None
        if (
            amount is None
            or amount in linked
            or is_change(text[max(0, amount[0] - 40) : amount[0]])
        ):
            continue
        if _CHANGE_IN_BEFORE.search(text, max(0, metric[0] - 30), metric[0]) or _changes_measure(
            text, amount, metric
        ):
            continue  # "an increase in revenue of up to $5 million": a change of the measure
        added.append([*amount, *metric, "VALUE_OF", _PAIRED_SCORE])
    return _with(relations, added)


# SCHEMA.md 3a: the noun that names a contract or order is the measure of
# the value the sentence gives it: "received a purchase order from a prime
# contractor for approximately $858,000", "an award estimated at $7.2
# million", "an order ... that is worth approximately $70 million".
_CONTRACT_NOUN = re.compile(
    r"(?:orders?|contracts?|subcontracts?|awards?|modifications?)$", re.IGNORECASE
)
_VALUE_WORDS_BEFORE = re.compile(
    r"\b(?:valued\s+at|worth|estimated\s+at|for|totaling|totalling|of)\s+"
    r"(?:up\s+to\s+|approximately\s+|about\s+|an\s+estimated\s+)?$"
)
_CONTRACT_REACH = 150
# The value stated right after the noun: "a delivery order valued at $6.2
# million", "an award worth $3 million", "The agreement is valued at $21
# million". Nothing else is that amount's measure, whatever the extractor
# chose ("... valued at $6.2 million was issued at award").
_VALUE_RIGHT_AFTER = re.compile(
    r"\s+(?:(?:is|was|has\s+been|will\s+be)\s+)?(?:valued\s+at|worth|estimated\s+at)\s+"
    r"(?:up\s+to\s+|approximately\s+|about\s+|an\s+estimated\s+)?"
)


def link_contract_values(
    text: str,
    money: list[tuple[int, int]],
    metrics: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """The first amount after a contract noun, in its sentence and stated as
    its value, is the contract's value where the amount has no measure, or
    whatever its measure where the value follows the noun right away."""
    linked = {(r[0], r[1]) for r in relations if r[4] == "VALUE_OF"}
    money_starts = [m[0] for m in money]
    metric_starts = [m[0] for m in metrics]
    added, replaced = [], set()
    for metric in metrics:
        if not _CONTRACT_NOUN.search(text, metric[0], metric[1]):
            continue
        k = bisect_left(money_starts, metric[1])
        if k == len(money):
            continue
        amount = money[k]
        if _VALUE_RIGHT_AFTER.fullmatch(text, metric[1], amount[0]):
            replaced.add(amount)
            added.append([*amount, *metric, "VALUE_OF", _PAIRED_SCORE])
            continue
        if amount in linked or amount[0] - metric[1] > _CONTRACT_REACH:
            continue
        if SENTENCE_END.search(text, metric[1], amount[0]):
            continue
        if metric_starts[
            bisect_right(metric_starts, metric[0]) : bisect_left(metric_starts, amount[0])
        ]:
            continue  # another measure stands between them
        if _VALUE_WORDS_BEFORE.search(text, max(0, amount[0] - 30), amount[0]):
            added.append([*amount, *metric, "VALUE_OF", _PAIRED_SCORE])
    kept = [r for r in relations if not (r[4] == "VALUE_OF" and (r[0], r[1]) in replaced)]
    return _with(kept, added)


# "$2.1 million, or $0.12 per share", "$2.1 million or $0.12 per share",
# "$2.1 million ($0.12 per share)",
# "$20.5 million -- $0.67 per diluted share", "$66,816,000 or $1.63 ($1.60
# diluted) per share" (the diluted figure stated between the basic one and its words).
_COMPANION_GAP = re.compile(r"\s*(?:,?\s*or|\(|--|\u2014|,)\s*")
_PER_SHARE_AFTER = re.compile(
    r"\s*(?:\(\$?[\d.]+\s+(?:basic|diluted)\)\s*)?(?:a|per)\s+(?:\w+\s+){0,2}(?:share|ADS|unit)",
    re.IGNORECASE,
)


# The total a per-share amount comes to: "a special dividend of $1.00 per
# share, representing $44.9 million".
_RESTATED_TOTAL = re.compile(
    r"\s*(?:a|per)\s+(?:\w+\s+){0,2}(?:share|ADS|unit),?\s+(?:representing|totaling|totalling)\s+"
    r"(?:approximately\s+|about\s+|an\s+aggregate\s+of\s+)?",
    re.IGNORECASE,
)


def link_companions(
    text: str, money: list[tuple[int, int]], relations: list[list[Any]]
) -> list[list[Any]]:
    """A per-share amount right after another amount, or the total right
    after a per-share amount, takes that amount's VALUE_OF and IN_PERIOD
    where the extractor gave it none."""
    links = {(r[0], r[1], r[4]): r for r in relations if r[4] in ("VALUE_OF", "IN_PERIOD")}
    added = []
    for (start, end), (next_start, next_end) in zip(money, money[1:]):
        per_share = _COMPANION_GAP.fullmatch(text, end, next_start) and _PER_SHARE_AFTER.match(
            text, next_end
        )
        if not per_share and not _RESTATED_TOTAL.fullmatch(text, end, next_start):
            continue
        for label in ("VALUE_OF", "IN_PERIOD"):
            first = links.get((start, end, label))
            if first is not None and (next_start, next_end, label) not in links:
                added.append([next_start, next_end, first[2], first[3], label, first[5]])
        # The period may be stated after the companion only: "$4.4 million,
        # or $0.14 per share, in the same quarter a year ago".
        second = links.get((next_start, next_end, "IN_PERIOD"))
        if second is not None and (start, end, "IN_PERIOD") not in links:
            added.append([start, end, second[2], second[3], "IN_PERIOD", second[5]])
    return _with(relations, added)


# "$13.6 billion, an increase of $1.7 billion": the change right after a
# level is measured over the level's period.
_CHANGE_AFTER_LEVEL = re.compile(
    r",\s+(?:an?\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:of\s+|by\s+)?(?:approximately\s+)?"
)


def link_change_period(
    text: str, money: list[tuple[int, int]], relations: list[list[Any]]
) -> list[list[Any]]:
    """An amount of change right after a level, with no period of its own,
    falls in the level's period (GUIDELINE: every amount of a clause)."""
    in_period = {(r[0], r[1]): r for r in relations if r[4] == "IN_PERIOD"}
    added = []
    for level, change in zip(money, money[1:]):
        if change in in_period or level not in in_period:
            continue
        if _CHANGE_AFTER_LEVEL.fullmatch(text, level[1], change[0]) and is_change(
            text[level[1] : change[0]]
        ):
            link = in_period[level]
            added.append([*change, link[2], link[3], "IN_PERIOD", link[5]])
    return _with(relations, added)


# "Total deposits increased by $32.2 million to $720.7 million at December
# 31, 2024": a change stated before the level it leads to is measured over
# the level's period (GUIDELINE: every amount of a clause), not over a period
# the sentence named before it ("Driven by ... throughout the year, deposits
# increased by ...").
_CHANGE_BY = re.compile(r"\bby\s+(?:approximately\s+|about\s+)?$")
_TO_LEVEL = re.compile(r"\s+to\s+(?:approximately\s+|about\s+)?")


def link_change_to_level_period(
    text: str, money: list[tuple[int, int]], relations: list[list[Any]]
) -> list[list[Any]]:
    """The change of "by $X to $Y" falls in $Y's period, unless a period
    of its own follows it."""
    in_period = {(r[0], r[1]): r for r in relations if r[4] == "IN_PERIOD"}
    moved, added = set(), []
    for change, level in zip(money, money[1:]):
        link = in_period.get(level)
        own = in_period.get(change)
        if link is None or (own is not None and (own[2] >= change[1] or own[2:4] == link[2:4])):
            continue
        if _TO_LEVEL.fullmatch(text, change[1], level[0]) and _CHANGE_BY.search(
            text, max(0, change[0] - 20), change[0]
        ):
            if own is not None:
                moved.add(change)
            added.append([*change, link[2], link[3], "IN_PERIOD", link[5]])
    if not added:
        return relations
    kept = [r for r in relations if not (r[4] == "IN_PERIOD" and (r[0], r[1]) in moved)]
    return _with(kept, added)


# The two ends of a range: "between $80 million and $82 million",
# "$0.26 to $0.28 per share" (but not "increased by $2 million to $9
# million", a change and a level).
_RANGE_GAP = re.compile(r"\s*(?:to|-|\u2013)\s*")
_BETWEEN_AND_GAP = re.compile(r"\s*and\s*")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:approximately\s+|about\s+)?$", re.IGNORECASE)
# A measure's level at two dates: "grew from $210 million in 2004 to $640 million".
_DATED_RANGE_GAP = re.compile(
    r"\s+(?:in|at|as\s+of|for)\s+[^$;.]{1,40}?\s+to\s+(?:approximately\s+|about\s+)?"
)
_GREW_FROM = re.compile(
    r"\b(?:grew|rose|increased|climbed|decreased|declined|fell|dropped|expanded)\s+from\s+(?:approximately\s+|about\s+)?$",
    re.IGNORECASE,
)


def link_bracketed_comparatives(
    text: str,
    money: list[tuple[int, int]],
    periods: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """The comparative in parentheses after a level ("£52.3 million (2023:
    £49.1 million)") is in the period of its label and a level of the
    level's measure."""
    if "(" not in text:
        return relations
    period_at = {p[0]: p for p in periods}
    value_of = {(r[0], r[1]): r for r in relations if r[4] == "VALUE_OF"}
    replaced, added = set(), []
    for match in BRACKETED_COMPARATIVE.finditer(text):
        period = period_at.get(match.start("period"))
        amount = next(
            (m for m in money if match.start("amount") <= m[0] < match.end("amount")), None
        )
        if period is None or amount is None:
            continue
        replaced.add((*amount, "IN_PERIOD"))
        added.append([*amount, *period, "IN_PERIOD", _PAIRED_SCORE])
        level = next(
            (
                m
                for m in reversed(money)
                if m[1] <= match.start() and not text[m[1] : match.start()].strip()
            ),
            None,
        )
        if level is not None and level in value_of:
            replaced.add((*amount, "VALUE_OF"))
            added.append(
                [*amount, value_of[level][2], value_of[level][3], "VALUE_OF", _PAIRED_SCORE]
            )
    kept = [r for r in relations if (r[0], r[1], r[4]) not in replaced]
    return _with(kept, added)


# "her annual base salary will be $350,000, and her target bonus for fiscal
# 2023 will be $175,000": a period written right after one pay item ("bonus
# for fiscal 2023") is that item's, not the other pay items' of the sentence.
_PAY_ITEM = re.compile(
    r"salar(?:y|ies)|bonus(?:es)?|fees?|stipend|retainer|severance|payments?|awards?|grants?",
    re.IGNORECASE,
)
_FOR_THE_PERIOD = re.compile(
    r"\s+(?:for|in\s+respect\s+of)\s+(?:the\s+)?(?:company['\u2019]s\s+)?$", re.IGNORECASE
)


def unlink_periods_of_other_pay_items(
    text: str, metrics: list[tuple[int, int]], relations: list[list[Any]]
) -> list[list[Any]]:
    """No IN_PERIOD from a pay item's amount to a period written for another pay item."""
    if not metrics:
        return relations
    metric_ending = {end: (start, end) for start, end in metrics}
    value_of = {(r[0], r[1]): (r[2], r[3]) for r in relations if r[4] == "VALUE_OF"}
    owner_of_period: dict[tuple[int, int], tuple[int, int]] = {}
    for r in relations:
        if r[4] != "IN_PERIOD" or (r[2], r[3]) in owner_of_period:
            continue
        gap = _FOR_THE_PERIOD.search(text, max(0, r[2] - 40), r[2])
        metric = metric_ending.get(gap.start()) if gap else None
        if metric is not None and _PAY_ITEM.search(text, metric[0], metric[1]):
            owner_of_period[(r[2], r[3])] = metric
    if not owner_of_period:
        return relations
    kept = []
    for r in relations:
        owner = owner_of_period.get((r[2], r[3])) if r[4] == "IN_PERIOD" else None
        measure = value_of.get((r[0], r[1]))
        if (
            owner is not None
            and measure is not None
            and measure != owner
            and _PAY_ITEM.search(text, measure[0], measure[1])
        ):
            continue
        kept.append(r)
    return kept


def link_range_ends(
    text: str, money: list[tuple[int, int]], relations: list[list[Any]]
) -> list[list[Any]]:
    """Both ends of a range of amounts are values of one measure in one
    period: the second end takes the first's VALUE_OF (the measure is named
    before the range; a measure found only for the second end, after it, is
    as often what the range buys as what it measures; one before the range
    is the first end's too) and an end with no IN_PERIOD takes the other's.
    "from $5 million to $6 million" shares the measure only: two levels."""
    links = {(r[0], r[1], r[4]): r for r in relations if r[4] in ("VALUE_OF", "IN_PERIOD")}
    replaced, added = set(), []
    for first, second in zip(money, money[1:]):
        before = text[max(0, first[0] - 40) : first[0]]
        gap = text[first[1] : second[0]]
        if _BETWEEN_AND_GAP.fullmatch(gap):
            if not _BETWEEN.search(before):
                continue
        elif _DATED_RANGE_GAP.fullmatch(gap) and _GREW_FROM.search(before):
            pass  # "Total deposits grew from $210 million in 2004 to $640 million at December 31, 2009": two dated levels
        elif not _RANGE_GAP.fullmatch(gap) or is_change(before):
            continue
        labels = ("VALUE_OF",) if _FROM.search(before) else ("VALUE_OF", "IN_PERIOD")
        for label in labels:
            one, two = links.get((*first, label)), links.get((*second, label))
            if one is not None and (two is None or (label == "VALUE_OF" and two[2:4] != one[2:4])):
                if two is not None:
                    replaced.add((*second, label))
                added.append([*second, one[2], one[3], label, one[5]])
            elif (
                two is not None
                and one is None
                and (label == "IN_PERIOD" or (two[3] <= first[0] and not _CHANGE_BY.search(before)))
            ):
                # A measure named before the range is the first end's too
                # (not that of a change: "reduce equity by $3 million to $4 million").
                added.append([*first, two[2], two[3], label, two[5]])
    if not added:
        return relations
    kept = [r for r in relations if (r[0], r[1], r[4]) not in replaced]
    return _with(kept, added)


def _amounts_without_period(
    money: list[tuple[int, int]], relations: list[list[Any]]
) -> list[tuple[int, int]]:
    """The amounts no IN_PERIOD link starts from."""
    linked = {(r[0], r[1]) for r in relations if r[4] == "IN_PERIOD"}
    return [m for m in money if m not in linked]


def link_sentence_period(
    text: str,
    money: list[tuple[int, int]],
    periods: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount with no period falls in its sentence's period when the
    sentence names one period only and another of its amounts falls in it.
    A sentence reaches at most `_SENTENCE_REACH` characters either side of
    the amount: a table, which has no sentence ends, is read as its nearby
    lines."""
    in_period = {(r[0], r[1]): r for r in relations if r[4] == "IN_PERIOD"}
    unlinked = [m for m in money if m not in in_period]
    if not unlinked or not in_period:
        return relations
    # Sentence starts, found once; amounts, periods and links are placed by bisection.
    starts = _sentence_starts(text)
    period_starts = [p[0] for p in periods]
    links = sorted(in_period.values())
    link_starts = [r[0] for r in links]
    added = []
    for start, end in unlinked:
        low, high = _sentence_around(starts, start)
        inside = periods[bisect_left(period_starts, low) : bisect_left(period_starts, high)]
        linked = links[bisect_left(link_starts, low) : bisect_left(link_starts, high)]
        if len(inside) == 1 and linked and all((r[2], r[3]) == inside[0] for r in linked):
            added.append([start, end, *inside[0], "IN_PERIOD", linked[0][5]])
    return _with(relations, added)


# An amount and the period right after it: "revenue of $25.2 million for
# the quarter", "cash of $3 million at September 30, 2024" (SCHEMA.md 3a: the
# period phrase in the amount's own clause scopes it most closely).
# The period may also follow the amount's per-share words: "$0.14 per
# diluted share in the comparable quarter", "$2.9 million ($.37 per share)
# last year" (a period that opens with "last", "prior", "same" needs no "in"),
# also set off by a comma: "$7.4 million, or $0.98 per diluted share, for the
# third quarter of 2023".
_PER_SHARE_TAIL = (
    r"(?:\s*\(?\s*(?:a|per)\s+(?:[\w-]+\s+){0,2}(?:shares?|ADSs?|units?)\)?(?=[\s,]),?)?"
)
# So may its share of a total: "Nonperforming assets were $9.6 million, or
# 0.33% of total assets, at June 30, 2024".
_SHARE_ASIDE = r"(?:,\s+or\s+\d[\d.]*\s*(?:%|percent)\s+of\s+(?:[\w-]+\s+){0,3}?[\w-]+,)?"
_PERIOD_AFTER = re.compile(
    _PER_SHARE_TAIL
    + _SHARE_ASIDE
    + r"(?:\s+(?:for|in|during|at|as\s+of)(?:\s+the)?\s+|\s+(?=(?:last|prior|previous|same)\b))"
)
_RESPECTIVELY_AFTER = 200


def link_period_after(
    text: str,
    money: list[tuple[int, int]],
    periods: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """Each amount followed by "for the <period>" (or "in", "during", "at",
    "as of") falls in that period, whatever the extractor chose; not in a
    clause that pairs amounts and periods with "respectively"."""
    period_at = {p[0]: p for p in periods}
    links = {(r[0], r[1]): r for r in relations if r[4] == "IN_PERIOD"}
    moved, added = set(), []
    # The period an amount was moved from, where it opens the sentence ("For
    # the quarter ended March 26, 2010 the Company reported revenue of $25.2
    # million for the quarter, net income of $1.0 million"): it still scopes
    # the sentence's amounts that have no period of their own.
    opening: dict[tuple[int, int], tuple[int, int]] = {}
    own = set()
    for n, (start, end) in enumerate(money):
        # "$4.4 million or $0.14 per share in the same quarter": the period
        # after a per-share companion is the amount's own too.
        companion = money[n + 1] if n + 1 < len(money) else None
        if companion is None or not _COMPANION_GAP.fullmatch(text, end, companion[0]):
            companion = None
        after = _PERIOD_AFTER.match(text, companion[1] if companion else end)
        if companion and not (after and _PER_SHARE_AFTER.match(text, companion[1])):
            after = _PERIOD_AFTER.match(text, end)
        period = period_at.get(after.end()) if after else None
        if period is None:
            continue
        own.add((start, end))
        link = links.get((start, end))
        if link is not None and (link[2], link[3]) == period:
            continue
        if _RESPECTIVELY in text[period[1] : period[1] + _RESPECTIVELY_AFTER]:
            continue
        if link is not None:
            moved.add((start, end))
            if link[3] <= start and not SENTENCE_END.search(text, link[3], start):
                opening[period] = (link[2], link[3])
        added.append(
            [start, end, *period, "IN_PERIOD", link[5] if link is not None else _PAIRED_SCORE]
        )
    for (start, end), link in links.items():
        scope = opening.get((link[2], link[3]))
        if (
            scope
            and (start, end) not in own
            and start > link[3]
            and not SENTENCE_END.search(text, link[3], start)
        ):
            moved.add((start, end))
            added.append([start, end, *scope, "IN_PERIOD", link[5]])
    if not added:
        return relations
    kept = [r for r in relations if not (r[4] == "IN_PERIOD" and (r[0], r[1]) in moved)]
    return _with(kept, added)


# A period that opens a later line is that line's, not the period of an
# amount that ends its own: the rows of a table under a period heading
# ("First Quarter 2022" / rows / "First Quarter 2021" / rows), or list items
# that each open with their period ("● First-quarter 2022 sales ... to $13.6
# billion" / "● First-quarter 2022 profit per share of $2.86"). The model
# reads the folded text, where the next line's period follows the amount as
# closely as "for the quarter" would; on the page it heads the line below.
# Only cells (numbers, percentages, dashes) may follow the amount on its
# line, only blank lines and a bullet may come before the period.
# So may its rate of change, as highlights state it: "Adjusted Diluted EPS of
# $0.63, up 2%" / "2016 Diluted EPS Guidance Updated to ..." (neither of the 2
# such amounts on train, dev and the probe sets falls in the next line's period).
_ROW_TO_NEXT_LINE_OPENING = re.compile(
    r"(?:,?[ \t]+(?:up|down)[ \t]+\d[\d.]*[ \t]?(?:%|percent))?"
    r"[^A-Za-z\n]*\n(?:[ \t]*\n)*[ \t]*(?:[\u2022\u00b7\u25cf\u25aa*\u2013-][ \t]*)?"
)


def unlink_periods_of_later_lines(
    layout: FiledLayout, relations: list[list[Any]]
) -> list[list[Any]]:
    """No IN_PERIOD from an amount that ends its line to a period that opens
    a later line (read in the text as filed: the model's text joins lines)."""
    return [
        r
        for r in relations
        if not (
            r[4] == "IN_PERIOD"
            and r[2] >= r[1]
            and _ROW_TO_NEXT_LINE_OPENING.fullmatch(layout.between(r[1], r[2]))
        )
    ]


# "GAAP earnings per share were $2.38, up 5% compared to last year": the
# period a rate of change is measured from is the compared level's, which the
# sentence leaves unstated, not the amount's (on train, dev and the probe sets
# none of 36 amounts so followed falls in that period in the gold).
_RATE_OF_CHANGE_FROM = re.compile(
    r",?\s+(?:an?\s+)?(?:up|down|increased?|decreased?|increase|decrease|growth|rise|decline)(?:\s+of)?"
    r"\s+\d[\d.]*\s?(?:%|percent)\s+(?:from|over|compared\s+(?:to|with)|versus|vs\.?)\s+(?:the\s+|a\s+)?",
    re.IGNORECASE,
)


def unlink_periods_of_rates_of_change(text: str, relations: list[list[Any]]) -> list[list[Any]]:
    """No IN_PERIOD from an amount to the period its rate of change right
    after it is measured from ("$2.38, up 5% compared to last year")."""
    return [
        r
        for r in relations
        if not (
            r[4] == "IN_PERIOD"
            and r[2] >= r[1]
            and _RATE_OF_CHANGE_FROM.fullmatch(text, r[1], r[2])
        )
    ]


# "Net loss was $5.2 million, compared to $6.0 million in the same period
# last year": the period after the compared amount is the compared amount's
# (GUIDELINE "Comparison amounts": each takes its own period), not the level's.
# So is a period named after the comparison word before the compared amount
# ("Adjusted Sales were $189.5 million versus adjusted sales in 2015 of
# $194.9 million"): on train, dev and the probe sets none of 6 amounts
# followed by a comparison word and then a period falls in that period.
_COMPARISON_BETWEEN = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.|from)\b", re.IGNORECASE)


def unlink_compared_period(
    text: str, money: list[tuple[int, int]], relations: list[list[Any]]
) -> list[list[Any]]:
    """No IN_PERIOD from an amount to a period that follows a comparison
    amount after it ("$X compared to $Y in <period>"), or a comparison word
    ("$X versus sales in <period> of $Y")."""
    starts = [m[0] for m in money]
    dropped = set()
    for r in relations:
        if r[4] != "IN_PERIOD" or r[2] < r[1]:
            continue
        if _RESPECTIVELY in text[r[3] : r[3] + _RESPECTIVELY_AFTER] or SENTENCE_END.search(
            text, r[1], r[2]
        ):
            continue
        # The amounts between this one and its period, each after a comparison word.
        between = money[bisect_right(starts, r[0]) : bisect_left(starts, r[2])]
        # (The comparison words are those that part a sentence's clauses, _CLAUSE_BREAK.)
        if any(
            _COMPARISON_BETWEEN.search(text, r[1], c[0]) for c in between
        ) or _CLAUSE_BREAK.search(text, r[1], r[2]):
            dropped.add((r[0], r[1], r[2], r[3]))
    if not dropped:
        return relations
    return [
        r for r in relations if not (r[4] == "IN_PERIOD" and (r[0], r[1], r[2], r[3]) in dropped)
    ]


# "reported net income of $53 million, or $0.24 per share ..., for the second
# quarter ended July 3, 2004, compared with net income of $309 million ... in
# the second quarter of 2003": "compared with" parts a sentence into the
# clause of the levels and the clause of the compared amounts, and an amount
# falls in the one period of its clause (SCHEMA.md 3a: two period phrases
# in one sentence).
# A new clause also starts at "while", "whereas", a semicolon, or "and a"
# ("... for the prior year period and a net loss of $2.1 million").
_CLAUSE_BREAK = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.)\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\b(?:while|whereas|and\s+an?)\s|;", re.IGNORECASE)


def link_clause_period(
    text: str,
    money: list[tuple[int, int]],
    periods: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount with no period falls in the one period named in its clause,
    the clauses of a sentence being parted by "compared with"."""
    return _link_period_in_sentence(text, money, periods, relations, _period_of_clause)


def _period_of_clause(
    text: str, amount_start: int, sentence: tuple[int, int], periods_between: _PeriodsBetween
) -> tuple[int, int] | None:
    """The one period of the amount's clause, in a sentence of more than one."""
    low, high = sentence
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, low, high)]
    if not breaks:
        return None  # one clause: link_sentence_period's case
    breaks += [m.start() for m in _CLAUSE_END.finditer(text, low, high)]
    clause_low = max([b for b in breaks if b < amount_start], default=low)
    clause_high = min([b for b in breaks if b > amount_start], default=high)
    inside = periods_between(clause_low, clause_high)
    return inside[0] if len(inside) == 1 else None


# A sentence that opens with its period scopes every amount of it: "Third
# quarter 2018 results include a $585 thousand gain and a $3.5 million
# settlement", "The results for the quarter reflect ..., which contributed
# $2.1 million", "For the full year ..., the Company reported ... a net loss
# of $2.1 million". An amount with a period phrase of its own was linked to it
# before; a comparison amount ("compared to $1.2 million") is another period's.
# Headlines joined by semicolons and the lines of a table ("First Quarter /
# Sales  $13.6") are no such sentence.
_OTHER_CLAUSE = re.compile(r"[;\n]")
# The period may also close the sentence's subject, the measure it reports:
# "Total revenue for the first six months of 2025 represents ... $105,000 of
# ... and $10.59 million of ...", "Net income for the quarter increased 45% to
# $0.9 million ..., while earnings per share increased 47% to $0.05". A
# balance-sheet date opens it the same way: "As of September 30, 2018, the
# Company had cash of $18.3 million and long-term debt of $142.0 million".
_OPENING_PERIOD_LEAD = re.compile(
    # ("At March 31, 2018, Coyote Mesa had $27.4 million of cash")
    r"[\s\u2022\u00b7\u25cf\u25aa*-]*(?:(?:[A-Za-z][\w&'\u2019-]*\s+){0,5}(?:for|in|during|as\s+of|at)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)


# A longer opening phrase ends with the period and a comma: "Including
# anticipated charges for a major new restructuring initiative in the
# quarter, PEMSTAR expects a loss of ($0.28) to ($0.30) per share".
_OPENING_PHRASE_LEAD = re.compile(
    r"[\s\u2022\u00b7\u25cf\u25aa*-]*(?:[A-Za-z][\w&'\u2019-]*\s+){1,10}(?:for|in|during)\s+(?:the\s+)?",
    re.IGNORECASE,
)


# The subject's verb of reporting may lead to the period too, which then names
# what it reports: "SMTEK also reported fiscal year 2003 revenue ... of $70.7
# million and a net loss of $4.6 million" (on train, dev and the probe sets 21
# of 22 amounts after "reported <period>", no other period or comparison
# between, fall in that period). A comparison ("as compared to revenue ... of
# $64.6 million") opens a clause of another period.
_REPORTING_LEAD = re.compile(
    r"[\s\u2022\u00b7\u25cf\u25aa*-]*(?:[A-Za-z][\w&'\u2019-]*\s+){0,5}"
    r"(?:reported|posted|recorded|announced|achieved|delivered)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _reported_before(
    text: str, sentence_start: int, period: tuple[int, int], amount_start: int
) -> bool:
    """Whether `period` follows the sentence's verb of reporting, with no
    comparison between it and the amount."""
    return bool(
        _REPORTING_LEAD.fullmatch(text, sentence_start, period[0])
    ) and not _CLAUSE_BREAK.search(text, period[1], amount_start)


def _opens_sentence(text: str, sentence_start: int, period: tuple[int, int]) -> bool:
    """Whether `period` opens the sentence, closes its subject, or ends its
    opening phrase."""
    if _OPENING_PERIOD_LEAD.fullmatch(text, sentence_start, period[0]):
        return True
    return text.startswith(",", period[1]) and bool(
        _OPENING_PHRASE_LEAD.fullmatch(text, sentence_start, period[0])
    )


def link_opening_period(
    text: str,
    money: list[tuple[int, int]],
    periods: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount with no period falls in the period that opens its sentence."""
    return _link_period_in_sentence(text, money, periods, relations, _opening_period)


def _opening_period(
    text: str, amount_start: int, sentence: tuple[int, int], periods_between: _PeriodsBetween
) -> tuple[int, int] | None:
    """The period that opens the amount's sentence (or follows its verb of
    reporting), unless a comparison or another clause comes between it and
    the amount."""
    low = sentence[0]
    inside = periods_between(low, amount_start)
    if not inside or not (
        _opens_sentence(text, low, inside[0])
        or _reported_before(text, low, inside[0], amount_start)
    ):
        return None
    if _COMPARED.search(text, max(low, amount_start - 60), amount_start) or _OTHER_CLAUSE.search(
        text, inside[0][1], amount_start
    ):
        return None
    return inside[0]


# GUIDELINE "Highlights under a heading": a period named only in a heading
# ("Six Month 2025 Financial Results", a blank line, then the text) is not
# the period phrase of the sentences below it. (A table cell left with no
# period gets its column's from the table reader, which runs after.)


def unlink_heading_periods(text: str, relations: list[list[Any]]) -> list[list[Any]]:
    """No IN_PERIOD from an amount in running text to a period in a heading
    above its paragraph."""
    kept = []
    for r in relations:
        gap = (
            PARAGRAPH_BREAK.search(text, r[3], r[0])
            if r[4] == "IN_PERIOD" and r[3] <= r[0]
            else None
        )
        # A line that ends with a colon introduces what follows ("Highlights
        # for the quarter included:"): its period is theirs.
        if gap and ":" not in text[r[3] : gap.start()]:
            continue
        kept.append(r)
    return kept


# "First Quarter Fiscal 2026 Financial Highlights:", "Fourth Quarter 2023
# Highlights", "Second Quarter Fiscal 2018 Financial Summary", "Second
# quarter summary:": a heading, colon or none, not a sentence that
# introduces the list below it ("Highlights for the quarter included:" is
# one): its period is no period of the amounts under it (GUIDELINE, highlights).
_HIGHLIGHTS_HEADING_END = re.compile(
    r"\b(?:[Hh]ighlights|HIGHLIGHTS|[Ss]ummary|SUMMARY|Results|RESULTS|[Kk]ey[ ][Mm]etrics|KEY[ ]METRICS|[Oo]verview|OVERVIEW"
    # "Full-Year 2024 Outlook", "2023 Guidance:": the forecast's own sentence says its period.
    r"|Outlook|OUTLOOK|Guidance|GUIDANCE)"
    r"[ \t]*:?[ \t]*$"
)


# "Third Quarter 2022 Compared to Third Quarter 2021": a heading of two
# periods set against each other, with no verb and no full stop.
_COMPARISON_HEADING = re.compile(
    r"[ \t]*[A-Z][^\n.;:$]{0,60}?[ ](?:[Cc]ompared[ ](?:[Tt]o|[Ww]ith)|COMPARED[ ](?:TO|WITH)|[Vv]ersus|VERSUS|vs\.?)"
    r"[ ][^\n.;:$]{0,60}?[ \t]*"
)


def unlink_highlights_heading_periods(
    layout: FiledLayout, relations: list[list[Any]]
) -> list[list[Any]]:
    """No IN_PERIOD from an amount to a period in a highlights or comparison
    heading on a line above it, read as filed (the model's text may join the lines)."""
    kept = []
    for r in relations:
        if r[4] == "IN_PERIOD" and r[3] <= r[0]:
            period_start, period_end = layout.of_doc(r[2], r[3])
            line_end = layout.text.find("\n", period_end)
            amount_start, _ = layout.of_doc(r[0], r[1])
            if 0 <= line_end < amount_start and (
                _HIGHLIGHTS_HEADING_END.search(layout.text, period_end, line_end)
                or _COMPARISON_HEADING.fullmatch(
                    layout.text, layout.text.rfind("\n", 0, period_start) + 1, line_end
                )
            ):
                continue
        kept.append(r)
    return kept


# A list's items start with a bullet; the sentence that introduces the list
# ends its line with a colon: "Highlights for the quarter included:" / "· Net
# income of $5 million" (GUIDELINE, highlights: the introducing sentence is
# the items' sentence; a heading with no colon is not).
_LIST_ITEM = re.compile(r"[ \t]*[\u00b7\u2022\u25cf\u25aa*\u2013-][ \t]")
_LIST_ITEMS_REACH = 2000


# A list item that starts a line between an amount and a measure: each item
# of a list is a sentence of its own, so they are not the same item's.
_NEXT_LIST_ITEM = re.compile(r"\n" + _LIST_ITEM.pattern)


def _across_list_items(layout: FiledLayout, relation: list[Any]) -> bool:
    """Whether a list item starts a line between the relation's two ends, as filed."""
    first_end, second_start = (
        (relation[3], relation[0]) if relation[3] <= relation[0] else (relation[1], relation[2])
    )
    return bool(_NEXT_LIST_ITEM.search(layout.between(first_end, second_start)))


def _in_list_item(layout: FiledLayout, start: int, end: int) -> bool:
    """Whether the Doc's characters start:end are on a line that opens with a bullet, as filed."""
    filed_start, _ = layout.of_doc(start, end)
    return bool(_LIST_ITEM.match(layout.text, layout.text.rfind("\n", 0, filed_start) + 1))


def unlink_measures_of_other_list_items(
    layout: FiledLayout, relations: list[list[Any]]
) -> list[list[Any]]:
    """No VALUE_OF between an amount and a measure in two items of a list
    ("● Adjusted profit per share of $2.88 / ● Returned $1.4 billion to
    shareholders": $1.4 billion is no level of profit per share), read as
    filed: the model's text joins the items into one line."""
    return [r for r in relations if not (r[4] == "VALUE_OF" and _across_list_items(layout, r))]


def unlink_periods_of_other_list_items(
    layout: FiledLayout, relations: list[list[Any]]
) -> list[list[Any]]:
    """No IN_PERIOD between an amount and a period in two items of a list
    ("- Subscription revenue ... in the second quarter of 2020. / - GAAP net
    loss was $(6.3) million": each item is a sentence of its own). The line
    that introduces the list is no item: its period scopes them (link_list_period)."""
    return [
        r
        for r in relations
        if not (
            r[4] == "IN_PERIOD"
            and _in_list_item(layout, *((r[2], r[3]) if r[2] < r[0] else (r[0], r[1])))
            and _across_list_items(layout, r)
        )
    ]


def link_list_period(
    text: str,
    money: list[tuple[int, int]],
    periods: list[tuple[int, int]],
    relations: list[list[Any]],
) -> list[list[Any]]:
    """An amount with no period, in an item of a list, falls in the one
    period named by the line that introduces the list. Where that line sets
    two periods against each other ("Highlights for the second quarter of
    2016 compared to the second quarter of 2015:"), a compared amount ("to
    $118.3 million from $109.7 million", "compared to $5.1 million") and its
    per-share companion fall in the second, the item's other amounts in the first."""
    unlinked = _amounts_without_period(money, relations)
    if not unlinked or not periods:
        return relations
    period_starts = [p[0] for p in periods]
    added, compared_before = [], None
    for start, end in unlinked:
        inside = _periods_introducing_list(text, start, periods, period_starts)
        if len(inside) == 2 and _COMPARISON_BETWEEN.search(text, inside[0][1], inside[1][0]):
            compared = _COMPARED.search(text, max(0, start - 40), start) or (
                compared_before is not None
                and _is_companion(text, compared_before[1], (start, end))
            )
            compared_before = (start, end) if compared else None
            inside = [inside[1] if compared else inside[0]]
        if len(inside) == 1:
            added.append([start, end, *inside[0], "IN_PERIOD", _PAIRED_SCORE])
    return _with(relations, added)


def _periods_introducing_list(
    text: str, start: int, periods: list[tuple[int, int]], period_starts: list[int]
) -> list[tuple[int, int]]:
    """The periods named by the line ending in a colon that introduces the
    list item the amount at `start` is in; none if it is in no such list."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _LIST_ITEM.match(text, line_start):
        return []
    # Up over the list's other items and blank lines to the line before them.
    while line_start > 0 and start - line_start < _LIST_ITEMS_REACH:
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        line_start = above
        if line.strip() and not _LIST_ITEM.match(line):
            break
    else:
        return []
    line_end = text.find("\n", line_start)
    line = text[line_start:line_end].rstrip()
    if not line.endswith(":") or _HIGHLIGHTS_HEADING_END.search(line):
        return []
    return periods[bisect_left(period_starts, line_start) : bisect_left(period_starts, line_end)]


# A sentence ends at a full stop, a blank line, or a bullet: each item of a
# list is a sentence of its own, stop or none (the model's text joins the
# items into one line: "... to $13.6 billion ● First-quarter 2022 profit
# per share of $2.86; adjusted profit per share of $2.88 ● Returned ...").
# So does a heading on the line above ("2020 Outlook", "Fiscal 2025
# Guidance:"): its year is no period of the sentence under it.
_SENTENCE_START = re.compile(
    r"[.!?][\"\u201d]?\s+(?=[A-Z])|\n\s*\n|\s(?=[\u00b7\u2022\u25cf\u25aa][ \t])"
    r"|\b(?:Outlook|OUTLOOK|Guidance|GUIDANCE|Highlights|HIGHLIGHTS|Summary|SUMMARY|Overview|OVERVIEW)[ \t]*:?[ \t]*\n(?=[ \t]*[A-Z])"
)
_SENTENCE_REACH = 400


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence of `text` starts, after 0 and before a bound past
    its end: found once per text, then looked up by `_sentence_around`."""
    return [0] + [m.end() for m in _SENTENCE_START.finditer(text)] + [len(text) + 1]


def _sentence_around(starts: list[int], offset: int) -> tuple[int, int]:
    """The sentence holding `offset`, cut at `_SENTENCE_REACH` characters
    either side of it (a table has no sentence ends)."""
    k = bisect_right(starts, offset)
    return max(starts[k - 1], offset - _SENTENCE_REACH), min(starts[k], offset + _SENTENCE_REACH)


def _with(relations: list[list[Any]], added: list[list[Any]]) -> list[list[Any]]:
    if not added:
        return relations
    return sorted(relations + added, key=lambda r: (r[0], r[1], r[2], r[3], r[4]))


# The periods that start between two offsets, in order.
_PeriodsBetween = Callable[[int, int], list[tuple[int, int]]]


def _link_period_in_sentence(
    text: str,
    money: list[tuple[int, int]],
    periods: list[tuple[int, int]],
    relations: list[list[Any]],
    period_of: Callable[[str, int, tuple[int, int], _PeriodsBetween], tuple[int, int] | None],
) -> list[list[Any]]:
    """Link each amount with no period to the period `period_of` finds for it
    in its sentence: the rules that read an amount's sentence for its period
    differ only in which period they take."""
    unlinked = _amounts_without_period(money, relations)
    if not unlinked or not periods:
        return relations
    # Sentence starts and period starts, found once; each amount's are placed by bisection.
    starts = _sentence_starts(text)
    period_starts = [p[0] for p in periods]

    def periods_between(low: int, high: int) -> list[tuple[int, int]]:
        return periods[bisect_left(period_starts, low) : bisect_left(period_starts, high)]

    added = []
    for start, end in unlinked:
        period = period_of(text, start, _sentence_around(starts, start), periods_between)
        if period is not None:
            added.append([start, end, *period, "IN_PERIOD", _PAIRED_SCORE])
    return _with(relations, added)


# "$0.30 and $0.43 for the three months ended June 30, 2025 and 2024,
# respectively": the text itself pairs the amounts with the periods, in order.
_RESPECTIVELY = "respectively"
_PAIRED_SCORE = 0.9


def pair_respectively(doc: Doc, relations: list[list[Any]]) -> list[list[Any]]:
    """Each amount of a "..., respectively" clause in the period of its rank,
    where the clause names as many periods after its amounts as amounts; and
    the value of the measure of its rank, where the sentence names as many
    measures before its amounts as amounts ("Revenue and net income were $X
    and $Y, respectively")."""
    text = doc_text(doc)
    at = text.find(_RESPECTIVELY)
    if at < 0:
        return relations  # the common case: one search of the text
    ents = doc.ents
    has_sentences = doc.has_annotation("SENT_START")
    paired: dict[tuple[int, int], tuple[int, int]] = {}
    valued: dict[tuple[int, int], tuple[int, int]] = {}
    while at >= 0:
        word = doc.char_span(at, at + len(_RESPECTIVELY), alignment_mode="expand")
        if word is not None:
            sentence_start = word[0].sent.start_char if has_sentences else 0
            before = [e for e in ents if sentence_start <= e.start_char and e.end_char <= at]
            amounts = [e for e in before if e.label_ == "MONEY"]
            periods = [
                e
                for e in before
                if e.label_ == "PERIOD" and amounts and e.start_char > amounts[-1].end_char
            ]
            if len(amounts) >= 2 and len(amounts) == len(periods):
                for amount, period in zip(amounts, periods):
                    paired[(amount.start_char, amount.end_char)] = (
                        period.start_char,
                        period.end_char,
                    )
            measures = [
                e
                for e in before
                if e.label_ == "METRIC" and amounts and e.end_char <= amounts[0].start_char
            ]
            if len(amounts) >= 2 and len(amounts) == len(measures):
                for amount, measure in zip(amounts, measures):
                    valued[(amount.start_char, amount.end_char)] = (
                        measure.start_char,
                        measure.end_char,
                    )
        at = text.find(_RESPECTIVELY, at + len(_RESPECTIVELY))
    if not paired and not valued:
        return relations
    kept = [
        r
        for r in relations
        if not (r[4] == "IN_PERIOD" and (r[0], r[1]) in paired)
        and not (r[4] == "VALUE_OF" and (r[0], r[1]) in valued)
    ]
    return (
        kept
        + [[*amount, *period, "IN_PERIOD", _PAIRED_SCORE] for amount, period in paired.items()]
        + [[*amount, *measure, "VALUE_OF", _PAIRED_SCORE] for amount, measure in valued.items()]
    )
