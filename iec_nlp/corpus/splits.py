"""Train / dev / test splits of a corpus, by company, as a `datasets.DatasetDict`.

Dev and test must measure what users meet: releases of companies the model
never saw. So every company's releases go to one split together. The one
exception is the issuer the product started from (IEC Electronics): it is
most of the corpus, and its own later releases are a real use case, so its
releases are split one by one.

The assignment is a hash of the company (or, for IEC, of the release id), so
adding documents never moves an existing one; the result is committed as
`splits.json` next to the annotations and read back from there.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from .records import AnnotatedDocument, Problem, read_jsonl

logger = logging.getLogger(__name__)

SPLITS = ("train", "dev", "test")
SPLIT_FILE = "splits.json"
ANNOTATION_DIR = "annotations"
# Issuers whose releases are split one by one rather than as a company.
PER_DOCUMENT_COMPANIES = frozenset({"iec-electronics"})
# Cumulative shares of the hash space: 70% train, 15% dev, 15% test.
_BOUNDS = ((70, "train"), (85, "dev"), (100, "test"))


def company_key(doc_id: str) -> str:
    """The company part of a release id: `sparton_2003-08-29_q4` -> `sparton`."""
    return doc_id.split("_", 1)[0]


def assign_split(doc_id: str) -> str:
    company = company_key(doc_id)
    key = doc_id if company in PER_DOCUMENT_COMPANIES else company
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 100
    return next(name for bound, name in _BOUNDS if bucket < bound)


def make_split(doc_ids: list[str], existing: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Assign ids to splits, keeping every assignment `existing` already made."""
    placed: dict[str, str] = {}
    for name, ids in (existing or {}).items():
        for doc_id in ids:
            if placed.setdefault(doc_id, name) != name:
                raise ValueError(f"split file puts {doc_id!r} in both {placed[doc_id]!r} and {name!r}")
    split: dict[str, list[str]] = {name: [] for name in SPLITS}
    for doc_id in sorted(set(doc_ids)):
        split[placed.get(doc_id) or assign_split(doc_id)].append(doc_id)
    return split


def read_corpus_dir(path: str | Path) -> tuple[list[AnnotatedDocument], list[Problem]]:
    """All good documents of a corpus (a JSONL file or a folder of them)."""
    path = Path(path)
    if path.is_dir():
        folder = path / ANNOTATION_DIR if (path / ANNOTATION_DIR).is_dir() else path
        files = sorted(folder.glob("*.jsonl"))
    else:
        files = [path]
    if not files:
        raise FileNotFoundError(f"no .jsonl corpus files in {path}")
    documents: list[AnnotatedDocument] = []
    problems: list[Problem] = []
    for file in files:
        result = read_jsonl(file)
        documents.extend(result.documents)
        problems.extend(result.problems)
    return documents, problems


def split_documents(
    path: str | Path,
) -> tuple[dict[str, list[AnnotatedDocument]], list[Problem]]:
    """Documents of the corpus at `path` grouped by the committed split."""
    documents, problems = read_corpus_dir(path)
    split_path = (Path(path) if Path(path).is_dir() else Path(path).parent) / SPLIT_FILE
    existing = json.loads(split_path.read_text()) if split_path.exists() else None
    split = make_split([d.id for d in documents], existing)
    by_id = {d.id: d for d in documents}
    grouped = {name: [by_id[i] for i in ids if i in by_id] for name, ids in split.items()}
    return grouped, problems


def load(path: str | Path) -> Any:
    """The corpus at `path` as a `datasets.DatasetDict` with train/dev/test.

    Reads local files only. Bad records are left out and logged; use
    `iec-nlp corpus validate` to see them.
    """
    import datasets

    grouped, problems = split_documents(path)
    for problem in problems:
        logger.warning("%s", problem)
    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "text": datasets.Value("string"),
            "meta": datasets.Value("string"),
            "spans": datasets.List(
                {
                    "id": datasets.Value("int32"),
                    "start": datasets.Value("int32"),
                    "end": datasets.Value("int32"),
                    "label": datasets.Value("string"),
                    "text": datasets.Value("string"),
                }
            ),
            "relations": datasets.List(
                {
                    "head": datasets.Value("int32"),
                    "child": datasets.Value("int32"),
                    "label": datasets.Value("string"),
                }
            ),
        }
    )

    def rows(docs: list[AnnotatedDocument]) -> list[dict[str, Any]]:
        # meta varies by source, so it travels as a JSON string.
        return [{**d.to_dict(), "meta": json.dumps(d.meta)} for d in docs]

    return datasets.DatasetDict(
        {
            name: datasets.Dataset.from_list(rows(docs), features=features)
            for name, docs in grouped.items()
        }
    )


def documents_from_dataset(dataset: Any) -> list[AnnotatedDocument]:
    """Turn rows of a `load()` split back into AnnotatedDocument objects."""
    out = []
    for row in dataset:
        raw = dict(row)
        raw["meta"] = json.loads(raw["meta"]) if isinstance(raw["meta"], str) else raw["meta"]
        out.append(AnnotatedDocument.from_dict(raw))
    return out
