"""Inter-annotator agreement between two annotations of the same releases.

Agreement is the F1 of one pass against the other (symmetric for F1), per
label, strict: same offsets and same label; relations by their two spans'
offsets and label.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..evaluation import ScoreTable, score_keyed
from ..schema import ENTITY_LABELS, RELATION_LABELS
from .records import AnnotatedDocument
from .splits import read_corpus_dir


def _keys(doc: AnnotatedDocument) -> tuple[dict[Any, str], dict[Any, str]]:
    spans = doc.span_by_id()
    ents = {(doc.id, s.start, s.end): s.label for s in doc.spans}
    rels = {
        (
            doc.id,
            spans[r.head].start,
            spans[r.head].end,
            spans[r.child].start,
            spans[r.child].end,
        ): r.label
        for r in doc.relations
    }
    return ents, rels


def agreement(
    first: list[AnnotatedDocument], second: list[AnnotatedDocument]
) -> dict[str, ScoreTable]:
    """Entity and relation agreement on the releases both passes annotated."""
    by_id = {d.id: d for d in first}
    ents_a: dict[Any, str] = {}
    ents_b: dict[Any, str] = {}
    rels_a: dict[Any, str] = {}
    rels_b: dict[Any, str] = {}
    for doc in second:
        if doc.id not in by_id:
            continue
        ea, ra = _keys(by_id[doc.id])
        eb, rb = _keys(doc)
        ents_a.update(ea)
        ents_b.update(eb)
        rels_a.update(ra)
        rels_b.update(rb)
    return {
        "entities": ScoreTable(*score_keyed(ents_a, ents_b, ENTITY_LABELS)),
        "relations": ScoreTable(*score_keyed(rels_a, rels_b, RELATION_LABELS)),
    }


def agreement_between(first: str | Path, second: str | Path) -> dict[str, ScoreTable]:
    return agreement(read_corpus_dir(first)[0], read_corpus_dir(second)[0])
