"""Two conventions of SCHEMA.md on VALUE_OF, applied to the relation
extractor's output: amounts of change link to no measure, and comparison
amounts link to the measure of their clause.

"Revenue increased $5 million to $55 million, compared with $50 million a
year ago": $55 million is the level of revenue (VALUE_OF), $5 million is an
amount of change (no VALUE_OF, GUIDELINE "Changes"), and $50 million is a
comparison amount, also a level of revenue (GUIDELINE "Comparison
amounts"). The extractor scores each pair on its own and often links the
change, or leaves the comparison, written far from the measure, unlinked.
"""

from __future__ import annotations

import re
from typing import Any

from ..figures import is_change

# The words between a measure's level and the amount it is compared with.
_COMPARED = re.compile(
    r"(?:compared\s+(?:with|to)|versus|vs\.?|from)\s+(?:a\s+|an\s+)?(?:negative\s+|net\s+loss\s+of\s+|loss\s+of\s+)?"
    r"(?:approximately\s+|about\s+)?$",
    re.IGNORECASE,
)
# A sentence ends between two amounts ("... $5 million. Revenue ...").
_SENTENCE_END = re.compile(r"[.!?][\"\u201d]?\s+[A-Z]|\n\s*\n")
# How far back the compared level may be: a clause, not a paragraph.
_REACH = 250


def revise_value_of(text: str, money: list[tuple[int, int]], metrics: list[tuple[int, int]], relations: list[list[Any]]) -> list[list[Any]]:
    """The relations with VALUE_OF removed from amounts of change and added
    to comparison amounts. `money` and `metrics` are (start, end) character
    offsets in `text`, sorted; relations are [head start, head end, child
    start, child end, label, score] in the same offsets."""
    value_of = {(r[0], r[1]): r for r in relations if r[4] == "VALUE_OF"}
    dropped = {
        key for key in value_of if is_change(text[max(0, key[0] - 40) : key[0]])
    }
    added = []
    for n, (start, end) in enumerate(money):
        if (start, end) in value_of or not _COMPARED.search(text, max(0, start - 40), start):
            continue
        if is_change(text[max(0, start - 40) : start]):
            continue
        # The nearest earlier level of a measure in the same clause, with no
        # other measure named in between.
        for prev_start, prev_end in reversed(money[:n]):
            if start - prev_end > _REACH or _SENTENCE_END.search(text, prev_end, start):
                break
            level = value_of.get((prev_start, prev_end))
            if level is None or (prev_start, prev_end) in dropped:
                continue
            if any(prev_end <= m_start < start for m_start, _ in metrics):
                break
            added.append([start, end, level[2], level[3], "VALUE_OF", level[5]])
            break
    if not dropped and not added:
        return relations
    kept = [r for r in relations if not (r[4] == "VALUE_OF" and (r[0], r[1]) in dropped)]
    return sorted(kept + added, key=lambda r: (r[0], r[1], r[2], r[3], r[4]))
