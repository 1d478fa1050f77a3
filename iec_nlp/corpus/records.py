"""Annotated releases in the native JSON Lines format of SCHEMA.md section 1.

Reading never stops at the first bad record: every record is parsed and
checked on its own, good ones are returned, and each bad one comes back as a
`Problem` that names the file, the line, the record id and what is wrong.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..schema import (
    ENTITY_LABELS,
    RELATION_LABELS,
    RELATION_TYPES,
    REQUIRES_INCOMING,
    SINGLE_VALUED_FROM_MONEY,
)

logger = logging.getLogger(__name__)

# Characters a span may end with although they are punctuation (SCHEMA.md 1):
# the period of `Corp.`/`Inc.`/`Jr.` and the parenthesis of a negative MONEY.
# A MONEY may also start with "(" or a currency sign.
_EDGE_PUNCT_ALLOWED_END = {".", ")"}


class CorpusFormatError(ValueError):
    """A record that cannot be read as an annotated release."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record, located as `file:line: id: message`."""

    path: str
    line: int
    doc_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.doc_id}: {self.message}"


@dataclass(frozen=True)
class SpanAnnotation:
    id: int
    start: int
    end: int
    label: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
        }


@dataclass(frozen=True)
class RelationAnnotation:
    head: int
    child: int
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"head": self.head, "child": self.child, "label": self.label}


@dataclass
class AnnotatedDocument:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanAnnotation] = field(default_factory=list)
    relations: list[RelationAnnotation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "meta": dict(self.meta),
            "spans": [s.to_dict() for s in self.spans],
            "relations": [r.to_dict() for r in self.relations],
        }

    def span_by_id(self) -> dict[int, SpanAnnotation]:
        return {s.id: s for s in self.spans}

    @classmethod
    def from_dict(cls, raw: Any) -> AnnotatedDocument:
        """Build a document from parsed JSON, checking types only.

        Raises CorpusFormatError naming the first field of the wrong shape.
        Semantic checks (offsets, overlaps, type pairs) are `validate_document`.
        """
        if not isinstance(raw, dict):
            raise CorpusFormatError(f"record is a {type(raw).__name__}, expected an object")
        doc_id = raw.get("id")
        text = raw.get("text")
        if not isinstance(doc_id, str) or not doc_id:
            raise CorpusFormatError("'id' must be a non-empty string")
        if not isinstance(text, str):
            raise CorpusFormatError(f"'text' must be a string, got {type(text).__name__}")
        meta = raw.get("meta", {})
        if not isinstance(meta, dict):
            raise CorpusFormatError(f"'meta' must be an object, got {type(meta).__name__}")
        spans = [_span_from_dict(s, i) for i, s in enumerate(_list_field(raw, "spans"))]
        relations = [_relation_from_dict(r, i) for i, r in enumerate(_list_field(raw, "relations"))]
        return cls(id=doc_id, text=text, meta=meta, spans=spans, relations=relations)


def _list_field(raw: dict[str, Any], name: str) -> list[Any]:
    value = raw.get(name, [])
    if not isinstance(value, list):
        raise CorpusFormatError(f"'{name}' must be a list, got {type(value).__name__}")
    return value


def _int_field(raw: dict[str, Any], name: str, where: str) -> int:
    value = raw.get(name)
    # bool is an int subclass in Python; `true` is not an offset.
    if not isinstance(value, int) or isinstance(value, bool):
        raise CorpusFormatError(f"{where}: '{name}' must be an integer, got {value!r}")
    return value


def _str_field(raw: dict[str, Any], name: str, where: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str):
        raise CorpusFormatError(f"{where}: '{name}' must be a string, got {value!r}")
    return value


def _span_from_dict(raw: Any, index: int) -> SpanAnnotation:
    where = f"spans[{index}]"
    if not isinstance(raw, dict):
        raise CorpusFormatError(f"{where} must be an object")
    return SpanAnnotation(
        id=_int_field(raw, "id", where),
        start=_int_field(raw, "start", where),
        end=_int_field(raw, "end", where),
        label=_str_field(raw, "label", where),
        text=_str_field(raw, "text", where),
    )


def _relation_from_dict(raw: Any, index: int) -> RelationAnnotation:
    where = f"relations[{index}]"
    if not isinstance(raw, dict):
        raise CorpusFormatError(f"{where} must be an object")
    return RelationAnnotation(
        head=_int_field(raw, "head", where),
        child=_int_field(raw, "child", where),
        label=_str_field(raw, "label", where),
    )


def validate_document(doc: AnnotatedDocument) -> list[str]:
    """Every way `doc` breaks SCHEMA.md sections 1-3, as readable messages."""
    errors: list[str] = []
    text = doc.text
    seen_ids: set[int] = set()
    for span in doc.spans:
        where = f"span {span.id} [{span.start}:{span.end}] {span.label}"
        if span.id in seen_ids:
            errors.append(f"{where}: duplicate span id {span.id}")
        seen_ids.add(span.id)
        if span.label not in ENTITY_LABELS:
            errors.append(f"{where}: unknown label {span.label!r}")
        if not 0 <= span.start < span.end <= len(text):
            errors.append(f"{where}: offsets outside the text (length {len(text)}) or empty")
            continue
        actual = text[span.start : span.end]
        if actual != span.text:
            errors.append(f"{where}: text {span.text!r} but the offsets cover {actual!r}")
        errors.extend(f"{where}: {e}" for e in _edge_errors(actual, span.label))
    errors.extend(_overlap_errors(doc.spans))

    spans = doc.span_by_id()
    incoming: dict[int, set[str]] = {}
    outgoing: dict[tuple[int, str], int] = {}
    seen_relations: set[tuple[int, int, str]] = set()
    for rel in doc.relations:
        where = f"relation {rel.head}->{rel.child} {rel.label}"
        key = (rel.head, rel.child, rel.label)
        if key in seen_relations:
            errors.append(f"{where}: duplicate relation")
        seen_relations.add(key)
        if rel.label not in RELATION_LABELS:
            errors.append(f"{where}: unknown relation label {rel.label!r}")
            continue
        head, child = spans.get(rel.head), spans.get(rel.child)
        if head is None or child is None:
            missing = rel.head if head is None else rel.child
            errors.append(f"{where}: names span {missing}, which does not exist")
            continue
        if (head.label, child.label) not in RELATION_TYPES[rel.label]:
            errors.append(f"{where}: {rel.label} cannot join {head.label} -> {child.label}")
        incoming.setdefault(rel.child, set()).add(rel.label)
        count_key = (rel.head, rel.label)
        outgoing[count_key] = outgoing.get(count_key, 0) + 1
        if rel.label in SINGLE_VALUED_FROM_MONEY and outgoing[count_key] == 2:
            errors.append(f"span {rel.head}: MONEY has more than one {rel.label}")

    for span in doc.spans:
        needed = REQUIRES_INCOMING.get(span.label)
        if needed and needed not in incoming.get(span.id, set()):
            errors.append(
                f"span {span.id} [{span.start}:{span.end}] {span.label} {span.text!r}: "
                f"no MONEY is linked to it by {needed}"
            )
    return errors


def _edge_errors(surface: str, label: str) -> list[str]:
    errors = []
    if surface != surface.strip():
        errors.append("starts or ends with whitespace")
    if not surface:
        return errors
    first, last = surface[0], surface[-1]
    money_start = label == "MONEY" and (first == "(" or unicodedata.category(first) == "Sc")
    if _is_edge_punct(first) and not money_start:
        errors.append(f"starts with punctuation {first!r}")
    if _is_edge_punct(last) and last not in _EDGE_PUNCT_ALLOWED_END:
        errors.append(f"ends with punctuation {last!r}")
    if last == ")" and label != "MONEY" and "(" not in surface:
        errors.append("ends with an unmatched ')'")
    return errors


def _is_edge_punct(char: str) -> bool:
    return not char.isalnum() and not char.isspace()


def _overlap_errors(spans: Iterable[SpanAnnotation]) -> list[str]:
    errors = []
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for prev, cur in zip(ordered, ordered[1:]):
        if cur.start < prev.end:
            errors.append(
                f"span {cur.id} [{cur.start}:{cur.end}] overlaps span {prev.id} "
                f"[{prev.start}:{prev.end}]"
            )
    return errors


@dataclass
class ReadResult:
    """The good documents of a file and a Problem for every bad record; with
    `lines`, the line each good document was read from (native JSONL)."""

    documents: list[AnnotatedDocument]
    problems: list[Problem]
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def iter_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as handle:
        yield from enumerate(handle, start=1)


def read_jsonl(path: str | Path, *, validate: bool = True) -> ReadResult:
    """Read a native JSONL corpus file, keeping every good record.

    Each line is decoded, parsed and validated on its own, so one truncated
    line, one invalid UTF-8 byte or one bad offset costs only that record.
    """
    path = Path(path)
    documents: list[AnnotatedDocument] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, raw in iter_lines(path):
        if not raw.strip():
            continue
        doc_id = "?"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            problems.append(
                Problem(str(path), number, doc_id, f"invalid UTF-8 at byte {err.start}")
            )
            continue
        try:
            parsed = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(
                Problem(str(path), number, doc_id, f"invalid JSON at column {err.colno}: {err.msg}")
            )
            continue
        if isinstance(parsed, dict) and isinstance(parsed.get("id"), str):
            doc_id = parsed["id"]
        try:
            doc = AnnotatedDocument.from_dict(parsed)
        except CorpusFormatError as err:
            problems.append(Problem(str(path), number, doc_id, str(err)))
            continue
        if doc.id in seen:
            problems.append(
                Problem(str(path), number, doc_id, f"duplicate id (first on line {seen[doc.id]})")
            )
            continue
        seen[doc.id] = number
        errors = validate_document(doc) if validate else []
        if errors:
            problems.extend(Problem(str(path), number, doc.id, e) for e in errors)
            continue
        documents.append(doc)
    for problem in problems:
        logger.debug("%s", problem)
    return ReadResult(documents, problems, {doc.id: seen[doc.id] for doc in documents})


def write_jsonl(documents: Iterable[AnnotatedDocument], path: str | Path) -> None:
    with Path(path).open("w", encoding="utf-8") as handle:
        for doc in documents:
            handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
