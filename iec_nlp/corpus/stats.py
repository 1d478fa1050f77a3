"""Label counts of a corpus, per split (for `iec-nlp corpus stats` and the README)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..schema import ENTITY_LABELS, RELATION_LABELS
from .records import AnnotatedDocument
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


# The kinds of release the statistics are reported by (SOURCES.tsv `kind`).
KIND_GROUPS = {
    "earnings": "results",
    "management": "management",
    "compensation": "compensation",
    "customer": "customer/contract",
    "contract": "customer/contract",
}


def release_kind(doc: AnnotatedDocument) -> str:
    """results, management, compensation, customer/contract or other.

    An `agreement` release counts as customer/contract when it names a
    customer (a supply agreement), else as other (a credit agreement).
    """
    kind = str(doc.meta.get("kind", ""))
    if kind == "agreement":
        return "customer/contract" if any(s.label == "CUSTOMER" for s in doc.spans) else "other"
    return KIND_GROUPS.get(kind, "other")


def release_decade(doc: AnnotatedDocument) -> str:
    year = str(doc.meta.get("date", ""))[:4]
    return f"{year[:3]}0s" if year.isdigit() else "unknown"


def grouped_counts_table(corpus: str | Path, by: str) -> str:
    """A Markdown table of label counts per decade (`by="decade"`) or kind (`by="kind"`)."""
    key = {"decade": release_decade, "kind": release_kind}[by]
    grouped, _ = split_documents(corpus)
    counts: dict[str, Counter] = {}
    for docs in grouped.values():
        for doc in docs:
            c = counts.setdefault(key(doc), Counter())
            c["releases"] += 1
            c.update(s.label for s in doc.spans)
            c.update(r.label for r in doc.relations)
    groups = sorted(counts)
    rows = [f"| {by} | " + " | ".join(groups) + " |", "|---|" + "---:|" * len(groups)]
    for label in ("releases", *ENTITY_LABELS, *RELATION_LABELS):
        rows.append(f"| {label} | " + " | ".join(str(counts[g][label]) for g in groups) + " |")
    return "\n".join(rows)


def label_counts_table(corpus: str | Path) -> str:
    """A Markdown table: one row per label, one column per split."""
    counts = label_counts(corpus)
    rows = ["| label | " + " | ".join(SPLITS) + " | total |", "|---|" + "---:|" * (len(SPLITS) + 1)]
    for label in ("releases", *ENTITY_LABELS, *RELATION_LABELS):
        values = [counts[s][label] for s in SPLITS]
        rows.append(f"| {label} | " + " | ".join(map(str, values)) + f" | {sum(values)} |")
    return "\n".join(rows)
