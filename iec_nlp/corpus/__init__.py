"""Reading, validating, converting and splitting annotated releases."""

from .records import (
    AnnotatedDocument,
    CorpusFormatError,
    Problem,
    ReadResult,
    RelationAnnotation,
    SpanAnnotation,
    read_jsonl,
    validate_document,
    write_jsonl,
)
from .splits import load

__all__ = [
    "AnnotatedDocument",
    "CorpusFormatError",
    "Problem",
    "ReadResult",
    "RelationAnnotation",
    "SpanAnnotation",
    "load",
    "read_jsonl",
    "validate_document",
    "write_jsonl",
]
