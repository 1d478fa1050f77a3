"""Precision, recall and F1 of keyed predictions: the arithmetic every scorer shares.

This module sits below the spaCy components and the evaluation report, and
imports neither: the relation component's training-time score and the full
report (`iec_nlp.evaluation`) both count with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .schema import RELATION_LABELS

RelationKey = tuple[int, int, int, int, str]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def relation_keys(doc_relations: Iterable[list[Any]]) -> set[RelationKey]:
    """Relations as (head start, head end, child start, child end, label)."""
    return {(r[0], r[1], r[2], r[3], r[4]) for r in doc_relations}


def relation_prf(
    pairs: Iterable[tuple[Iterable[list[Any]], Iterable[list[Any]]]],
) -> dict[str, Any]:
    """Micro and per-label relation scores over (predicted, gold) relation lists,
    one pair per document.

    This is the score spaCy's training loop reports for the relation
    extractor; the full report (`iec_nlp.evaluation.evaluate`) adds more views.
    """
    counts: dict[str, Counter] = {label: Counter() for label in RELATION_LABELS}
    for predicted, reference in pairs:
        pred = relation_keys(predicted)
        gold = relation_keys(reference)
        for key in pred & gold:
            counts[key[4]]["tp"] += 1
        for key in pred - gold:
            counts[key[4]]["fp"] += 1
        for key in gold - pred:
            counts[key[4]]["fn"] += 1
    total = sum(counts.values(), Counter())
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    per_type = {}
    for label, c in counts.items():
        lp, lr, lf = prf(c["tp"], c["fp"], c["fn"])
        per_type[label] = {"p": lp, "r": lr, "f": lf}
    return {"rel_micro_p": p, "rel_micro_r": r, "rel_micro_f": f, "rel_per_type": per_type}
