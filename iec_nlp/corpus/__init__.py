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

__all__ = [
    "AnnotatedDocument",
    "CorpusFormatError",
    "Problem",
    "ReadResult",
    "RelationAnnotation",
    "SpanAnnotation",
    "read_jsonl",
    "validate_document",
    "write_jsonl",
]
