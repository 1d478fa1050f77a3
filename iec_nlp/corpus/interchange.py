"""Annotated releases to and from other annotation tools' formats.

Formats (`FORMATS`):

- `native`: our JSON Lines (SCHEMA.md section 1), read with `read_jsonl` as is.
- `prodigy`: Prodigy JSONL with `tokens`, `spans` and `relations` (rel.manual style).
- `doccano`: doccano JSONL of a relation-extraction project.
- `labelstudio`: a Label Studio JSON array of tasks with `labels` and `relation` results.
- `brat`: a directory of `<id>.txt` + `<id>.ann` standoff files.

Every format carries the document id, text, spans, relations and meta, so
native -> X -> native gives the same documents back. Where a format has no
place for the id or meta, they travel in extra keys the tool keeps
(Prodigy `meta["id"]`, doccano `doc_id`/`meta`, Label Studio `data`) or, for
brat, in a `<id>.meta.json` sidecar next to the `.txt` (brat ignores it).

Exports of projects that were started from plain texts have no such id. A
document then takes its id from the file it was uploaded as (Label Studio's
`file_upload`, without the prefix Label Studio adds; a `filename` key of
doccano; Prodigy `meta["file"]`), else from a hash of its text
(`text-<12 hex digits>`), so the same release gets the same id in every
export. Two documents that would get the same derived id are told apart by
their text hash rather than one being dropped; other keys of a Label Studio
task's `data` are kept in meta.

Offsets are Python string offsets (code points) in every format. Prodigy,
doccano and brat count the same way; Label Studio counts in UTF-16 units in
the browser, which differs only for characters outside the BMP (none in our
corpus). Label Studio regions also carry their text, so a shifted region is
reported on import instead of being read silently at the wrong place.

Importing never stops at one bad record: each record (a line, a Label Studio
task, a brat document) is converted and validated on its own. Good documents
come back with span ids 0..n-1 in start order and span texts cut from the
document text; each bad record becomes a `Problem` naming its file and line
(the 0-based task index for Label Studio, the `.ann` line for brat, 0 where
no single line is to blame).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import count, pairwise
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..schema import ENTITY_LABELS, RELATION_TYPES
from .records import (
    AnnotatedDocument,
    CorpusFormatError,
    Problem,
    ReadResult,
    RelationAnnotation,
    SpanAnnotation,
    iter_lines,
    read_jsonl,
    validate_document,
    write_jsonl,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FORMATS = ("native", "prodigy", "doccano", "labelstudio", "brat")


# --------------------------------------------------------------------------- API


def export_documents(docs: list[AnnotatedDocument], fmt: str, path: str | Path) -> None:
    """Write `docs` in format `fmt` to `path` (a directory for brat, a file otherwise)."""
    _check_format(fmt)
    _EXPORTERS[fmt](docs, Path(path))


def import_documents(path: str | Path, fmt: str) -> ReadResult:
    """Read documents in format `fmt` from `path`, keeping every good record.

    Raises only for an unknown format or a missing file/directory; anything
    wrong inside the data comes back as a `Problem`.
    """
    _check_format(fmt)
    return _IMPORTERS[fmt](Path(path))


def convert(src: Path, src_fmt: str, dst: Path, dst_fmt: str) -> ReadResult:
    """Convert `src` to `dst`, writing the good documents even if some records were bad.

    The returned ReadResult says what was left out, so the caller decides
    whether a partial conversion is acceptable.
    """
    _check_format(src_fmt)
    _check_format(dst_fmt)  # before reading, so a typo fails fast
    result = import_documents(src, src_fmt)
    export_documents(result.documents, dst_fmt, dst)
    return result


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


# ------------------------------------------------------------ shared import logic


@dataclass(frozen=True)
class _RawSpan:
    """A span as the source format has it: `key` is how its relations name it."""

    key: Hashable
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class _RawRelation:
    head: Hashable
    child: Hashable
    label: str


def _assemble(
    doc_id: str,
    text: str,
    meta: dict[str, Any],
    spans: Iterable[_RawSpan],
    relations: Iterable[_RawRelation],
) -> AnnotatedDocument:
    """Build a native document: span ids 0..n-1 in start order, span text cut
    from `text` (never trusted from the source), relations mapped by span key."""
    new_ids: dict[Hashable, int] = {}
    built_spans = []
    for new_id, raw in enumerate(sorted(spans, key=lambda s: (s.start, s.end))):
        if raw.key in new_ids:
            raise CorpusFormatError(f"two spans are named {raw.key!r}")
        new_ids[raw.key] = new_id
        surface = text[raw.start : raw.end]
        built_spans.append(SpanAnnotation(new_id, raw.start, raw.end, raw.label, surface))
    built_relations = []
    for rel in relations:
        for key in (rel.head, rel.child):
            if key not in new_ids:
                raise CorpusFormatError(
                    f"relation {rel.label} names span {key!r}, which does not exist"
                )
        built_relations.append(RelationAnnotation(new_ids[rel.head], new_ids[rel.child], rel.label))
    return AnnotatedDocument(doc_id, text, dict(meta), built_spans, built_relations)


_REQUIRED = object()


def _get(
    raw: Any, name: str, kind: type | tuple[type, ...], where: str, default: Any = _REQUIRED
) -> Any:
    """`raw[name]` if `raw` is an object and the value has type `kind`, else CorpusFormatError."""
    if not isinstance(raw, dict):
        raise CorpusFormatError(f"{where} must be an object, got {type(raw).__name__}")
    if name not in raw:
        if default is _REQUIRED:
            raise CorpusFormatError(f"{where}: missing '{name}'")
        return default
    value = raw[name]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # bool is an int subclass in Python; `true` is not an offset or an id.
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        expected = " or ".join(k.__name__ for k in kinds)
        raise CorpusFormatError(f"{where}: '{name}' must be {expected}, got {value!r}")
    return value


def _get_id(raw: Any, name: str, where: str) -> str:
    doc_id = _get(raw, name, str, where)
    if not doc_id:
        raise CorpusFormatError(f"{where}: '{name}' (the document id) is empty")
    return doc_id


# Label Studio stores an uploaded file as "<8 hex digits>-<original name>".
_UPLOAD_PREFIX = re.compile(r"^[0-9a-f]{8}-")


class _DerivedId(str):
    """A document id made up on import (from a file name or the text hash),
    which may be changed to keep ids unique."""


def text_hash_id(text: str) -> str:
    """The id of a document known only by its text: stable across exports."""
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _derived_id(text: str, file_name: Any = None) -> _DerivedId:
    """An id for a record without one: the stem of the file it came from, else the text hash."""
    if isinstance(file_name, str) and file_name.strip():
        stem = PurePosixPath(file_name.strip().replace("\\", "/")).name
        stem = _UPLOAD_PREFIX.sub("", stem)
        stem = stem.rsplit(".", 1)[0] if "." in stem[1:] else stem
        stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.")
        if stem:
            return _DerivedId(stem)
    return _DerivedId(text_hash_id(text))


def _id_hint(record: Any, keys: tuple[str, ...]) -> str:
    """The document id at `keys` inside `record` if there is one, for naming problems."""
    value = record
    for key in keys:
        if not isinstance(value, dict):
            return "?"
        value = value.get(key)
    return value if isinstance(value, str) and value else "?"


class _Collector:
    """Documents and problems of one import, with the checks every format shares:
    unique document ids and `validate_document`."""

    def __init__(self) -> None:
        self.documents: list[AnnotatedDocument] = []
        self.problems: list[Problem] = []
        self._first_seen: dict[str, str] = {}

    def reject(self, path: Path | str, line: int, doc_id: str, message: str) -> None:
        self.problems.append(Problem(str(path), line, doc_id, message))

    def accept(self, doc: AnnotatedDocument, path: Path | str, line: int) -> None:
        if isinstance(doc.id, _DerivedId):
            # A made-up id never costs a document: on a clash the text hash tells them apart.
            doc_id = str(doc.id)
            if doc_id in self._first_seen:
                doc_id = f"{doc_id}-{text_hash_id(doc.text)[5:]}"
            doc.id = doc_id
        if doc.id in self._first_seen:
            self.reject(path, line, doc.id, f"duplicate id (first at {self._first_seen[doc.id]})")
            return
        self._first_seen[doc.id] = f"{path}:{line}"
        errors = validate_document(doc)
        if errors:
            self.problems.extend(Problem(str(path), line, doc.id, e) for e in errors)
            return
        self.documents.append(doc)

    def result(self) -> ReadResult:
        return ReadResult(self.documents, self.problems)


def _import_records(
    path: Path,
    numbered_records: Iterable[tuple[int, Any]],
    to_document: Callable[[Any], AnnotatedDocument],
    id_keys: tuple[str, ...],
    collector: _Collector,
) -> None:
    """Convert each (line, record) on its own, so one bad record costs only itself."""
    for line, record in numbered_records:
        try:
            doc = to_document(record)
        except CorpusFormatError as err:
            collector.reject(path, line, _id_hint(record, id_keys), str(err))
            continue
        collector.accept(doc, path, line)


def _json_lines(path: Path, collector: _Collector) -> Iterator[tuple[int, Any]]:
    """(line number, parsed record) for each non-blank line; undecodable lines become problems."""
    for number, raw in iter_lines(path):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as err:
            collector.reject(path, number, "?", f"invalid UTF-8 at byte {err.start}")
        except json.JSONDecodeError as err:
            collector.reject(path, number, "?", f"invalid JSON at column {err.colno}: {err.msg}")


def _read_json_lines(
    path: Path, to_document: Callable[[Any], AnnotatedDocument], id_keys: tuple[str, ...]
) -> ReadResult:
    collector = _Collector()
    _import_records(path, _json_lines(path, collector), to_document, id_keys, collector)
    return collector.result()


def _write_json_lines(records: Iterable[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------ native


def _export_native(docs: list[AnnotatedDocument], path: Path) -> None:
    write_jsonl(docs, path)


def _import_native(path: Path) -> ReadResult:
    # Native ids are the corpus's own, so they are kept, not renumbered.
    return read_jsonl(path)


# ----------------------------------------------------------------------- Prodigy


@lru_cache(maxsize=1)
def _prodigy_pipeline() -> Language:
    # Imported here: spaCy takes a moment to load and only Prodigy needs tokens.
    from ..tokenizer import blank_pipeline

    return blank_pipeline()


def _export_prodigy(docs: list[AnnotatedDocument], path: Path) -> None:
    _write_json_lines((_prodigy_task(doc) for doc in docs), path)


def _prodigy_task(doc: AnnotatedDocument) -> dict[str, Any]:
    """One rel.manual-style task.

    Tokens come from the project tokenizer, which the training data also
    uses, so spans line up with them. `_input_hash`/`_task_hash` are left
    out: Prodigy computes its own on `db-in`, and made-up ones would clash.
    """
    if "id" in doc.meta:
        raise ValueError(
            f"{doc.id}: meta already has an 'id', which the Prodigy export needs for the doc id"
        )
    tokens = _prodigy_pipeline().make_doc(doc.text)
    spans = {span.id: _prodigy_span(span, tokens) for span in doc.spans}
    relations = [
        {
            # Prodigy points a relation at the last token of each span.
            "head": spans[rel.head]["token_end"],
            "child": spans[rel.child]["token_end"],
            "head_span": spans[rel.head],
            "child_span": spans[rel.child],
            "label": rel.label,
        }
        for rel in doc.relations
    ]
    return {
        "text": doc.text,
        "meta": {**doc.meta, "id": doc.id},
        "tokens": [
            {
                "text": token.text,
                "start": token.idx,
                "end": token.idx + len(token.text),
                "id": token.i,
                "ws": bool(token.whitespace_),
            }
            for token in tokens
        ],
        "spans": list(spans.values()),
        "relations": relations,
        "answer": "accept",
    }


def _prodigy_span(span: SpanAnnotation, tokens: Doc) -> dict[str, Any]:
    # "expand" gives the covering tokens even where a span edge falls inside a
    # token; import reads char offsets only, so the round trip stays exact.
    covering = tokens.char_span(span.start, span.end, alignment_mode="expand")
    if covering is None:
        raise ValueError(f"span {span.id} [{span.start}:{span.end}] covers no token")
    return {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "token_start": covering.start,
        "token_end": covering.end - 1,
    }


def _import_prodigy(path: Path) -> ReadResult:
    return _read_json_lines(path, _document_from_prodigy, ("meta", "id"))


def _document_from_prodigy(task: Any) -> AnnotatedDocument:
    answer = _get(task, "answer", str, "task", default="accept")
    if answer != "accept":
        # db-out also holds rejected and ignored tasks; they are not gold.
        raise CorpusFormatError(f"answer is {answer!r}; only accepted tasks are imported")
    text = _get(task, "text", str, "task")
    meta = dict(_get(task, "meta", dict, "task", default={}))
    if "id" in meta:
        doc_id: str = _get_id(meta, "id", "meta")
        del meta["id"]
    else:
        doc_id = _derived_id(text, meta.get("file") or meta.get("filename"))
    # 'spans' and 'relations' are required: a task without them is more likely
    # another recipe's output than a release with nothing in it.
    spans = [
        _prodigy_raw_span(raw, f"spans[{i}]")
        for i, raw in enumerate(_get(task, "spans", list, "task"))
    ]
    relations = [
        _prodigy_raw_relation(raw, f"relations[{i}]")
        for i, raw in enumerate(_get(task, "relations", list, "task"))
    ]
    return _assemble(doc_id, text, meta, spans, relations)


def _prodigy_raw_span(raw: Any, where: str) -> _RawSpan:
    # Spans are keyed by char offsets: relations find them through the offsets
    # of head_span/child_span, not token indices, which depend on the tokenizer.
    offsets = _char_offsets(raw, where)
    return _RawSpan(offsets, *offsets, _get(raw, "label", str, where))


def _prodigy_raw_relation(raw: Any, where: str) -> _RawRelation:
    return _RawRelation(
        head=_char_offsets(_get(raw, "head_span", dict, where), f"{where}.head_span"),
        child=_char_offsets(_get(raw, "child_span", dict, where), f"{where}.child_span"),
        label=_get(raw, "label", str, where),
    )


def _char_offsets(raw: Any, where: str) -> tuple[int, int]:
    return _get(raw, "start", int, where), _get(raw, "end", int, where)


# ----------------------------------------------------------------------- doccano


def _export_doccano(docs: list[AnnotatedDocument], path: Path) -> None:
    _write_json_lines(_doccano_records(docs), path)


def _doccano_records(docs: list[AnnotatedDocument]) -> Iterator[dict[str, Any]]:
    # doccano's entity and relation ids are database ids, unique across the
    # project, so they run on across documents rather than restart per record.
    entity_ids, relation_ids = count(1), count(1)
    for number, doc in enumerate(docs, start=1):
        ids = {span.id: next(entity_ids) for span in doc.spans}
        yield {
            "id": number,
            "text": doc.text,
            "entities": [
                {"id": ids[s.id], "label": s.label, "start_offset": s.start, "end_offset": s.end}
                for s in doc.spans
            ],
            "relations": [
                {
                    "id": next(relation_ids),
                    "from_id": ids[r.head],
                    "to_id": ids[r.child],
                    "type": r.label,
                }
                for r in doc.relations
            ],
            # Extra keys: doccano keeps them as the example's metadata.
            "doc_id": doc.id,
            "meta": doc.meta,
        }


def _import_doccano(path: Path) -> ReadResult:
    return _read_json_lines(path, _document_from_doccano, ("doc_id",))


def _document_from_doccano(record: Any) -> AnnotatedDocument:
    text = _get(record, "text", str, "record")
    if isinstance(record, dict) and "doc_id" in record:
        doc_id: str = _get_id(record, "doc_id", "record")
    else:
        doc_id = _derived_id(text, record.get("filename") if isinstance(record, dict) else None)
    meta = _get(record, "meta", dict, "record", default={})
    if "entities" not in record and "label" in record:
        # A sequence-labeling project: "label": [[start, end, label], ...], no relations.
        return _assemble(doc_id, text, meta, _doccano_label_spans(record["label"]), [])
    spans = []
    for i, raw in enumerate(_get(record, "entities", list, "record")):
        where = f"entities[{i}]"
        spans.append(
            _RawSpan(
                key=_get(raw, "id", (int, str), where),
                start=_get(raw, "start_offset", int, where),
                end=_get(raw, "end_offset", int, where),
                label=_get(raw, "label", str, where),
            )
        )
    relations = []
    for i, raw in enumerate(_get(record, "relations", list, "record")):
        where = f"relations[{i}]"
        relations.append(
            _RawRelation(
                head=_get(raw, "from_id", (int, str), where),
                child=_get(raw, "to_id", (int, str), where),
                label=_get(raw, "type", str, where),
            )
        )
    return _assemble(doc_id, text, meta, spans, relations)


def _doccano_label_spans(labels: Any) -> list[_RawSpan]:
    if not isinstance(labels, list):
        raise CorpusFormatError(f"record: 'label' must be a list, got {labels!r}")
    spans = []
    for i, raw in enumerate(labels):
        if not (
            isinstance(raw, list)
            and len(raw) == 3
            and all(isinstance(v, int) and not isinstance(v, bool) for v in raw[:2])
            and isinstance(raw[2], str)
        ):
            raise CorpusFormatError(f"label[{i}]: expected [start, end, label], got {raw!r}")
        spans.append(_RawSpan(i, raw[0], raw[1], raw[2]))
    return spans


# ------------------------------------------------------------------ Label Studio

# Names of the labeling config this export fits:
# <Text name="text" value="$text"/> <Labels name="label" toName="text">...</Labels> <Relations>
_LS_FROM_NAME, _LS_TO_NAME = "label", "text"


def _export_labelstudio(docs: list[AnnotatedDocument], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        json.dump([_labelstudio_task(doc) for doc in docs], handle, ensure_ascii=False)


def _labelstudio_task(doc: AnnotatedDocument) -> dict[str, Any]:
    regions = [
        {
            "id": str(span.id),
            "from_name": _LS_FROM_NAME,
            "to_name": _LS_TO_NAME,
            "type": "labels",
            "value": {
                "start": span.start,
                "end": span.end,
                "text": span.text,
                "labels": [span.label],
            },
        }
        for span in doc.spans
    ]
    relations = [
        {
            "from_id": str(rel.head),
            "to_id": str(rel.child),
            "type": "relation",
            "direction": "right",
            "labels": [rel.label],
        }
        for rel in doc.relations
    ]
    return {
        "data": {"text": doc.text, "doc_id": doc.id, "meta": doc.meta},
        "annotations": [{"result": regions + relations}],
    }


def _import_labelstudio(path: Path) -> ReadResult:
    collector = _Collector()
    try:
        tasks = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as err:
        collector.reject(path, 0, "?", f"invalid UTF-8 at byte {err.start}")
        return collector.result()
    except json.JSONDecodeError as err:
        collector.reject(path, err.lineno, "?", f"invalid JSON at column {err.colno}: {err.msg}")
        return collector.result()
    if not isinstance(tasks, list):
        collector.reject(
            path, 0, "?", f"expected a JSON array of tasks, got {type(tasks).__name__}"
        )
        return collector.result()
    # The "line" of a task is its 0-based index in the array.
    _import_records(
        path, enumerate(tasks), _document_from_labelstudio, ("data", "doc_id"), collector
    )
    return collector.result()


def _document_from_labelstudio(task: Any) -> AnnotatedDocument:
    data = _get(task, "data", dict, "task")
    text = _labelstudio_text(data)
    meta = dict(_get(data, "meta", dict, "data", default={}))
    if "doc_id" in data:
        doc_id: str = _get_id(data, "doc_id", "data")
    else:
        # A project made from plain texts: the id comes from the uploaded file or the text.
        doc_id = _derived_id(text, task.get("file_upload"))
        for key, value in data.items():
            if key not in ("text", "meta") and value is not text:
                meta.setdefault(key, value)
    spans, relations = [], []
    for i, item in enumerate(_labelstudio_result(task)):
        where = f"result[{i}]"
        kind = _get(item, "type", str, where)
        if kind == "labels":
            spans.append(_labelstudio_span(item, text, where))
        elif kind == "relation":
            relations.append(_labelstudio_relation(item, where))
        else:
            # Choices, text areas etc. have no place in our format; dropping them
            # quietly would lose annotation work.
            raise CorpusFormatError(f"{where}: unsupported result type {kind!r}")
    return _assemble(doc_id, text, meta, spans, relations)


def _labelstudio_text(data: dict[str, Any]) -> str:
    """The task's text: `data["text"]`, or the one string value of a project
    whose labeling config names its text field otherwise."""
    if "text" in data:
        return _get(data, "text", str, "data")
    strings = [v for k, v in data.items() if isinstance(v, str) and k != "doc_id"]
    if len(strings) != 1:
        raise CorpusFormatError("data: missing 'text' (and not exactly one other text field)")
    return strings[0]


def _labelstudio_result(task: dict[str, Any]) -> list[Any]:
    """The result list of the task's one completed annotation.

    Several annotators' versions of a task cannot be merged into one gold
    document without adjudication, so that is a problem, not a choice made here.
    """
    annotations = _get(task, "annotations", list, "task")
    completed = [a for a in annotations if not (isinstance(a, dict) and a.get("was_cancelled"))]
    if len(completed) != 1:
        raise CorpusFormatError(
            f"expected exactly one completed annotation, found {len(completed)}"
        )
    return _get(completed[0], "result", list, "annotations[0]")


def _labelstudio_span(item: dict[str, Any], text: str, where: str) -> _RawSpan:
    value = _get(item, "value", dict, where)
    start = _get(value, "start", int, f"{where}.value")
    end = _get(value, "end", int, f"{where}.value")
    labels = _get(value, "labels", list, f"{where}.value")
    if len(labels) != 1 or not isinstance(labels[0], str):
        raise CorpusFormatError(f"{where}: expected exactly one label, got {labels!r}")
    # The region text guards against offsets counted differently (UTF-16
    # units in the browser); whitespace is compared loosely because
    # selections may render line breaks as spaces.
    surface = _get(value, "text", str, f"{where}.value", default=None)
    if surface is not None and surface.split() != text[start:end].split():
        raise CorpusFormatError(
            f"{where}: region text {surface!r} but offsets {start}:{end} cover {text[start:end]!r}"
        )
    return _RawSpan(_get(item, "id", str, where), start, end, labels[0])


def _labelstudio_relation(item: dict[str, Any], where: str) -> _RawRelation:
    labels = _get(item, "labels", list, where)
    if len(labels) != 1 or not isinstance(labels[0], str):
        raise CorpusFormatError(f"{where}: expected exactly one relation label, got {labels!r}")
    source = _get(item, "from_id", str, where)
    target = _get(item, "to_id", str, where)
    direction = _get(item, "direction", str, where, default="right")
    if direction == "right":
        return _RawRelation(source, target, labels[0])
    if direction == "left":
        return _RawRelation(target, source, labels[0])
    raise CorpusFormatError(f"{where}: direction {direction!r}; our relations are directed")


# -------------------------------------------------------------------------- brat

# brat splits .ann files with str.splitlines(), which also breaks at these
# characters, and uses tabs as column separators: none may be in a surface.
_ANN_UNSAFE = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_LINE_BREAKS = re.compile(r"[\r\n]+")
_TEXTBOUND = re.compile(r"(T\S*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t.*)?")
_RELATION = re.compile(r"(R\S*)\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*")


def _export_brat(docs: list[AnnotatedDocument], directory: Path) -> None:
    """One `.txt` (exact text), `.ann` and `.meta.json` per document, plus an
    `annotation.conf` so brat can open the directory with our labels."""
    stems = [_brat_stem(doc.id) for doc in docs]
    if len(set(stems)) != len(stems):
        raise ValueError("duplicate document ids would overwrite each other's brat files")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "annotation.conf").write_text(_brat_config(), encoding="utf-8")
    for stem, doc in zip(stems, docs):
        # newline="" keeps "\r" and "\n" as they are, so offsets stay exact.
        (directory / f"{stem}.txt").write_text(doc.text, encoding="utf-8", newline="")
        (directory / f"{stem}.ann").write_text(_brat_ann(doc), encoding="utf-8", newline="")
        (directory / f"{stem}.meta.json").write_text(
            json.dumps(doc.meta, ensure_ascii=False), encoding="utf-8"
        )


def _brat_stem(doc_id: str) -> str:
    if not doc_id or doc_id.startswith(".") or any(c in doc_id for c in "/\\\0"):
        raise ValueError(f"document id {doc_id!r} cannot be a brat file name")
    return doc_id


def _brat_config() -> str:
    lines = ["[entities]", *ENTITY_LABELS, "", "[relations]"]
    for label, pairs in RELATION_TYPES.items():
        # Each relation's pairs are a full head x child product in our schema;
        # validate_document checks the pairs exactly on import anyway.
        heads = "|".join(sorted({head for head, _ in pairs}))
        children = "|".join(sorted({child for _, child in pairs}))
        lines.append(f"{label}\tArg1:{heads}, Arg2:{children}")
    lines += ["", "[events]", "", "[attributes]", ""]
    return "\n".join(lines)


def _brat_ann(doc: AnnotatedDocument) -> str:
    brat_ids = {span.id: f"T{n}" for n, span in enumerate(doc.spans, start=1)}
    lines = []
    for span in doc.spans:
        fragments = _brat_fragments(doc.text, span.start, span.end)
        offsets = ";".join(f"{start} {end}" for start, end in fragments)
        surface = " ".join(doc.text[start:end] for start, end in fragments)
        lines.append(
            f"{brat_ids[span.id]}\t{span.label} {offsets}\t{_ANN_UNSAFE.sub(' ', surface)}"
        )
    for n, rel in enumerate(doc.relations, start=1):
        lines.append(f"R{n}\t{rel.label} Arg1:{brat_ids[rel.head]} Arg2:{brat_ids[rel.child]}")
    return "".join(line + "\n" for line in lines)


def _brat_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split at line breaks: brat draws spans line by line and
    cannot show a text-bound annotation across one except as fragments."""
    fragments = []
    cursor = start
    for line_break in _LINE_BREAKS.finditer(text, start, end):
        fragments.append((cursor, line_break.start()))
        cursor = line_break.end()
    fragments.append((cursor, end))
    return [(a, b) for a, b in fragments if a < b]


def _import_brat(directory: Path) -> ReadResult:
    if not directory.is_dir():
        raise NotADirectoryError(f"brat corpus {directory} is not a directory")
    collector = _Collector()
    texts = sorted(directory.glob("*.txt"))
    stems = {path.stem for path in texts}
    for ann in sorted(directory.glob("*.ann")):
        if ann.stem not in stems:
            collector.reject(ann, 0, ann.stem, "no .txt file with the same name")
    for txt in texts:
        _import_brat_document(txt, collector)
    return collector.result()


class _AnnError(CorpusFormatError):
    """A bad `.ann` line, with its 1-based line number."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _import_brat_document(txt: Path, collector: _Collector) -> None:
    doc_id = txt.stem
    ann = txt.with_suffix(".ann")
    if not ann.exists():
        collector.reject(txt, 0, doc_id, "no .ann file with the same name")
        return
    try:
        text = _read_utf8(txt)
        meta = _read_brat_meta(txt.with_name(f"{doc_id}.meta.json"))
    except CorpusFormatError as err:
        collector.reject(txt, 0, doc_id, str(err))
        return
    try:
        spans, relations = _parse_ann(_read_utf8(ann), text)
        doc = _assemble(doc_id, text, meta, spans, relations)
    except _AnnError as err:
        collector.reject(ann, err.line, doc_id, str(err))
        return
    except CorpusFormatError as err:
        collector.reject(ann, 0, doc_id, str(err))
        return
    collector.accept(doc, ann, 0)


def _read_utf8(path: Path) -> str:
    # Bytes decoded by hand: text mode would turn "\r\n" into "\n" and shift offsets.
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusFormatError(f"{path.name}: invalid UTF-8 at byte {err.start}") from None


def _read_brat_meta(path: Path) -> dict[str, Any]:
    """The sidecar meta; brat data from elsewhere has none, which means empty meta."""
    if not path.exists():
        return {}
    try:
        meta = json.loads(_read_utf8(path))
    except json.JSONDecodeError as err:
        raise CorpusFormatError(
            f"{path.name}: invalid JSON at line {err.lineno}: {err.msg}"
        ) from err
    if not isinstance(meta, dict):
        raise CorpusFormatError(f"{path.name}: meta must be an object")
    return meta


def _parse_ann(content: str, text: str) -> tuple[list[_RawSpan], list[_RawRelation]]:
    spans: dict[str, _RawSpan] = {}
    relations: list[tuple[int, _RawRelation]] = []
    # Split on "\n" only, as written; a stray "\r" of a Windows editor is dropped.
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue  # '#' lines are annotator notes: comments, no annotation
        try:
            if line.startswith("T"):
                span = _parse_textbound(line, text)
                brat_id = str(span.key)
                if brat_id in spans:
                    raise CorpusFormatError(f"{brat_id} is defined twice")
                spans[brat_id] = span
            elif line.startswith("R"):
                relations.append((number, _parse_relation(line)))
            else:
                kind = line.split("\t", 1)[0]
                raise CorpusFormatError(f"unsupported annotation {kind!r}: only T and R lines")
        except CorpusFormatError as err:
            raise _AnnError(number, str(err)) from None
    # References are checked after all lines are read: an R may precede its Ts.
    for number, rel in relations:
        for referenced_id in (rel.head, rel.child):
            if referenced_id not in spans:
                raise _AnnError(
                    number, f"relation {rel.label} names {referenced_id}, which is not defined"
                )
    return list(spans.values()), [rel for _, rel in relations]


def _parse_textbound(line: str, text: str) -> _RawSpan:
    """A T line; fragments become one span, which is only faithful when
    nothing but whitespace (the line breaks of the export) lies between them."""
    match = _TEXTBOUND.fullmatch(line)
    if match is None:
        raise CorpusFormatError("expected 'T<n>\\tLABEL START END[;START END...]\\tsurface'")
    brat_id, label, offsets = match.groups()
    fragments = [tuple(map(int, pair.split(" "))) for pair in offsets.split(";")]
    for (_, prev_end), (next_start, _) in pairwise(fragments):
        if next_start < prev_end or text[prev_end:next_start].strip():
            raise CorpusFormatError(
                f"{brat_id}: fragments are apart by more than whitespace at {prev_end}-{next_start}; "
                "a discontinuous span has no native form"
            )
    return _RawSpan(brat_id, fragments[0][0], fragments[-1][1], label)


def _parse_relation(line: str) -> _RawRelation:
    match = _RELATION.fullmatch(line)
    if match is None:
        raise CorpusFormatError("expected 'R<n>\\tLABEL Arg1:T<i> Arg2:T<j>'")
    _, label, head, child = match.groups()
    return _RawRelation(head, child, label)


_EXPORTERS: dict[str, Callable[[list[AnnotatedDocument], Path], None]] = {
    "native": _export_native,
    "prodigy": _export_prodigy,
    "doccano": _export_doccano,
    "labelstudio": _export_labelstudio,
    "brat": _export_brat,
}

_IMPORTERS: dict[str, Callable[[Path], ReadResult]] = {
    "native": _import_native,
    "prodigy": _import_prodigy,
    "doccano": _import_doccano,
    "labelstudio": _import_labelstudio,
    "brat": _import_brat,
}
