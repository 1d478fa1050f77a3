"""Annotation tasks from raw releases, ready to import into an annotation tool.

`write_tasks(files, destination, fmt)` turns plain-text releases into Label
Studio, doccano or Prodigy tasks, each carrying its document id (the file
name without `.txt`) so that the tool's export comes back through
`iec-nlp corpus convert` under the same id. With `pre_annotate`, each task
is pre-filled with what the model finds (entities and relations), so the
annotator corrects rather than starts from nothing:

- Label Studio: as `predictions` (the tool shows them as a draft to accept or
  correct); a labeling config with our labels and relations is written next
  to the tasks, to paste into the project's settings;
- doccano: as the `entities` and `relations` of a relation-extraction import;
- Prodigy: as the `spans` and `relations` of `rel.manual` tasks.

The text of each task is the file's text exactly (bytes decoded as UTF-8,
line ends kept), so offsets stay valid in every direction.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..schema import ENTITY_LABELS, RELATION_LABELS
from .interchange import _doccano_records, _labelstudio_task, _prodigy_task, _write_json_lines
from .records import AnnotatedDocument, RelationAnnotation, SpanAnnotation, validate_document

logger = logging.getLogger(__name__)

TASK_FORMATS = ("labelstudio", "doccano", "prodigy")


@dataclass
class TaskReport:
    """What `write_tasks` wrote."""

    tasks: int = 0
    entities: int = 0
    relations: int = 0
    # Pre-annotations that break the schema (an annotator fixes them; an
    # export that keeps them is reported on import).
    schema_problems: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def release_files(paths: Iterable[str | Path]) -> list[Path]:
    """The `.txt` files named, with the `.txt` files of named folders, sorted per folder."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(path.glob("*.txt")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    if not files:
        raise FileNotFoundError("no .txt releases in " + ", ".join(map(str, paths)))
    stems = [f.stem for f in files]
    duplicates = sorted({s for s in stems if stems.count(s) > 1})
    if duplicates:
        raise ValueError(f"two files would give the same document id: {', '.join(duplicates)}")
    return files


def read_release(path: Path) -> str:
    # Bytes decoded by hand: text mode would turn "\r\n" into "\n" and shift offsets.
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not UTF-8 text (byte {err.start})") from None


def pre_annotated(doc_id: str, text: str, extraction: Any) -> AnnotatedDocument:
    """An annotated document holding what the model found in `text`."""
    spans = [
        SpanAnnotation(i, e.start, e.end, e.label, e.text)
        for i, e in enumerate(extraction.entities)
    ]
    relations = [RelationAnnotation(r.head, r.child, r.label) for r in extraction.relations]
    return AnnotatedDocument(doc_id, text, {}, spans, relations)


def labelstudio_config() -> str:
    """The Label Studio labeling config our tasks and exports fit."""
    labels = "\n".join(f'    <Label value="{label}"/>' for label in ENTITY_LABELS)
    relations = "\n".join(f'    <Relation value="{label}"/>' for label in RELATION_LABELS)
    return (
        "<View>\n"
        "  <Relations>\n"
        f"{relations}\n"
        "  </Relations>\n"
        '  <Labels name="label" toName="text">\n'
        f"{labels}\n"
        "  </Labels>\n"
        '  <Text name="text" value="$text"/>\n'
        "</View>\n"
    )


def write_tasks(
    files: Sequence[str | Path],
    destination: str | Path,
    fmt: str,
    *,
    pre_annotate: bool = False,
    model: Any = None,
) -> TaskReport:
    """Write one task per release to `destination` in format `fmt`."""
    if fmt not in TASK_FORMATS:
        raise ValueError(f"unknown task format {fmt!r}; expected one of {', '.join(TASK_FORMATS)}")
    paths = release_files(files)
    texts = [read_release(p) for p in paths]
    destination = Path(destination)
    report = TaskReport(tasks=len(paths))
    if pre_annotate:
        from ..pipeline import extract_many, get_pipeline

        nlp = get_pipeline(model)
        version = f"{nlp.meta.get('name', 'iec_nlp')} {nlp.meta.get('version', '')}".strip()
        docs = [
            pre_annotated(p.stem, text, extraction)
            for p, text, extraction in zip(paths, texts, extract_many(texts, model=nlp))
        ]
        for doc in docs:
            report.entities += len(doc.spans)
            report.relations += len(doc.relations)
            report.schema_problems += [f"{doc.id}: {e}" for e in validate_document(doc)]
    else:
        version = None
        docs = [AnnotatedDocument(p.stem, text, {}, [], []) for p, text in zip(paths, texts)]
    if fmt == "labelstudio":
        tasks = [_labelstudio_prediction_task(doc, version) for doc in docs]
        destination.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
        config = destination.with_name(destination.stem + ".labeling-config.xml")
        config.write_text(labelstudio_config(), encoding="utf-8")
        report.files = [destination, config]
    else:
        # The exports' bookkeeping keys (doccano's running "id", Prodigy's
        # "answer") are the tool's to set on its side, not an input's.
        drop = "id" if fmt == "doccano" else "answer"
        records = _doccano_records(docs) if fmt == "doccano" else map(_prodigy_task, docs)
        _write_json_lines(({k: v for k, v in r.items() if k != drop} for r in records), destination)
        report.files = [destination]
    return report


def _labelstudio_prediction_task(
    doc: AnnotatedDocument, model_version: str | None
) -> dict[str, Any]:
    """A task to import: the text and id, and the model's findings as a prediction."""
    task = _labelstudio_task(doc)
    result = task.pop("annotations")[0]["result"]
    if model_version is not None:
        task["predictions"] = [{"model_version": model_version, "result": result}]
    return task
