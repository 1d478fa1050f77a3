"""Annotated releases -> spaCy `Doc`s (and `DocBin` files) for training.

The model reads normalized text (see `iec_nlp.text`), so gold spans are moved
from the filed text onto the normalized copy before they meet the tokenizer.
A span whose edges fall inside a token cannot be learned as it is; it is
never dropped quietly: each one is counted and reported with its context,
and it is kept, widened to the enclosing tokens, unless that would collide
with another span.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from ..components.relation_extractor import RELATIONS_ATTR
from ..text import NormalizedText, normalize
from .records import AnnotatedDocument

logger = logging.getLogger(__name__)


@dataclass
class AlignmentReport:
    """What could not be carried over exactly from the gold to the tokens."""

    spans: int = 0
    misaligned: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def merge(self, other: AlignmentReport) -> None:
        self.spans += other.spans
        self.misaligned.extend(other.misaligned)
        self.dropped.extend(other.dropped)

    def summary(self, examples: int = 5) -> str:
        lines = [
            f"{self.spans} spans, {len(self.misaligned)} not on token boundaries "
            f"(widened), {len(self.dropped)} dropped"
        ]
        lines.extend(f"  misaligned: {m}" for m in self.misaligned[:examples])
        lines.extend(f"  dropped: {d}" for d in self.dropped[:examples])
        return "\n".join(lines)


def to_normalized_offsets(norm: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """Map an original-text span onto the normalized text."""
    return bisect_left(norm.to_original, start), bisect_left(norm.to_original, end)


def annotated_to_doc(nlp: Language, record: AnnotatedDocument) -> tuple[Doc, AlignmentReport]:
    """The gold `Doc` of one release: normalized text, entities, relations."""
    norm = normalize(record.text)
    doc = nlp.make_doc(norm.text)
    report = AlignmentReport()
    spans: dict[int, Span] = {}
    taken: set[int] = set()
    for gold in sorted(record.spans, key=lambda s: s.start):
        report.spans += 1
        start, end = to_normalized_offsets(norm, gold.start, gold.end)
        span = doc.char_span(start, end, label=gold.label)
        where = f"{record.id}: {gold.label} {gold.text!r} at {gold.start}"
        if span is None:
            span = doc.char_span(start, end, label=gold.label, alignment_mode="expand")
            report.misaligned.append(f"{where} -> {span.text if span is not None else None!r}")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            report.dropped.append(where)
            continue
        taken.update(range(span.start, span.end))
        spans[gold.id] = span
    doc.set_ents(sorted(spans.values(), key=lambda s: s.start), default="outside")
    relations = []
    for rel in record.relations:
        head, child = spans.get(rel.head), spans.get(rel.child)
        if head is None or child is None:
            continue
        relations.append(
            [head.start_char, head.end_char, child.start_char, child.end_char, rel.label, 1.0]
        )
    setattr(doc._, RELATIONS_ATTR, relations)
    doc.user_data["iec_id"] = record.id
    return doc, report


def annotated_to_docs(
    nlp: Language, records: Iterable[AnnotatedDocument]
) -> tuple[list[Doc], AlignmentReport]:
    report = AlignmentReport()
    docs = []
    for record in records:
        doc, doc_report = annotated_to_doc(nlp, record)
        docs.append(doc)
        report.merge(doc_report)
    return docs, report


def write_docbin(docs: Iterable[Doc], path: str | Path) -> None:
    DocBin(docs=docs, store_user_data=True).to_disk(path)
