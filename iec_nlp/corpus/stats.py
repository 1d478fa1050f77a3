"""Label counts of a corpus, per split (for `iec-nlp corpus stats` and the README)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..schema import ENTITY_LABELS, RELATION_LABELS
from .splits import SPLITS, split_documents


def label_counts(corpus: str | Path) -> dict[str, Counter]:
    grouped, _ = split_documents(corpus)
    counts: dict[str, Counter] = {}
    for name in SPLITS:
        c: Counter = Counter()
        c["releases"] = len(grouped[name])
        for doc in grouped[name]:
            c.update(s.label for s in doc.spans)
            c.update(r.label for r in doc.relations)
        counts[name] = c
    return counts


def label_counts_table(corpus: str | Path) -> str:
    """A Markdown table: one row per label, one column per split."""
    counts = label_counts(corpus)
    rows = ["| label | " + " | ".join(SPLITS) + " | total |", "|---|" + "---:|" * (len(SPLITS) + 1)]
    for label in ("releases", *ENTITY_LABELS, *RELATION_LABELS):
        values = [counts[s][label] for s in SPLITS]
        rows.append(f"| {label} | " + " | ".join(map(str, values)) + f" | {sum(values)} |")
    return "\n".join(rows)
