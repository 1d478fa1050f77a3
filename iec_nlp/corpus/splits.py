"""Train / dev / test splits of a corpus, by company, as a `datasets.DatasetDict`.

Dev and test must measure what users meet: releases of companies the model
never saw. So every company's releases go to one split together. The one
exception is the issuer the product started from (IEC Electronics): it is
most of the corpus, and its own later releases are a real use case, so its
releases are split one by one.

Once committed in `splits.json`, an assignment never moves. A release of a
company already placed goes where its company is. A new company is placed by
a hash of its name (IEC: of the release id), so adding documents never moves
an existing one. When the corpus grows by many companies at once,
`balance_new_companies` places them instead so that dev and test each get
their share of what must be measured there (customer mentions, recent
filings, releases); its result is committed and kept from then on.
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


def _placed(existing: dict[str, list[str]] | None) -> tuple[dict[str, str], dict[str, str]]:
    """Split of every id `existing` lists, and of every company it holds."""
    placed: dict[str, str] = {}
    companies: dict[str, str] = {}
    for name, ids in (existing or {}).items():
        for doc_id in ids:
            if placed.setdefault(doc_id, name) != name:
                raise ValueError(
                    f"split file puts {doc_id!r} in both {placed[doc_id]!r} and {name!r}"
                )
            company = company_key(doc_id)
            if company not in PER_DOCUMENT_COMPANIES:
                companies.setdefault(company, name)
    return placed, companies


def make_split(
    doc_ids: list[str], existing: dict[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """Assign ids to splits, keeping every assignment `existing` already made.

    A new release of a company `existing` already holds joins that company.
    """
    placed, companies = _placed(existing)
    split: dict[str, list[str]] = {name: [] for name in SPLITS}
    for doc_id in sorted(set(doc_ids)):
        name = placed.get(doc_id) or companies.get(company_key(doc_id)) or assign_split(doc_id)
        split[name].append(doc_id)
    return split


# What dev and test must each hold a share of, and the share aimed at: enough
# customer mentions and recent (2015+) releases to measure them, and about a
# fifth of the releases.
BALANCE_SHARES = {"train": 0.56, "dev": 0.22, "test": 0.22}


def balance_quantities(doc: AnnotatedDocument) -> dict[str, float]:
    """What a release adds to each quantity the balanced split evens out."""
    year = str(doc.meta.get("date", ""))[:4]
    return {
        "releases": 1.0,
        "customer_mentions": float(sum(s.label == "CUSTOMER" for s in doc.spans)),
        "recent_releases": float(year.isdigit() and int(year) >= 2015),
    }


def balance_new_companies(
    documents: list[AnnotatedDocument],
    existing: dict[str, list[str]] | None = None,
    shares: dict[str, float] | None = None,
) -> dict[str, list[str]]:
    """Place the companies `existing` does not hold so that each split gets
    close to its share of releases, customer mentions and recent releases.

    Existing assignments stay. Companies are taken in the order of a hash of
    their name (so the result does not depend on file order) and each goes to
    the split furthest below its share, summed over the quantities; a company
    is never divided. IEC releases new to the split keep their per-release hash.
    """
    shares = shares or BALANCE_SHARES
    placed, companies = _placed(existing)
    totals: dict[str, float] = {}
    current = {
        name: dict.fromkeys(("releases", "customer_mentions", "recent_releases"), 0.0)
        for name in SPLITS
    }
    new_by_company: dict[str, list[AnnotatedDocument]] = {}
    split: dict[str, list[str]] = {name: [] for name in SPLITS}
    for doc in documents:
        quantities = balance_quantities(doc)
        for key, value in quantities.items():
            totals[key] = totals.get(key, 0.0) + value
        company = company_key(doc.id)
        name = placed.get(doc.id) or companies.get(company)
        if name is None and company in PER_DOCUMENT_COMPANIES:
            name = assign_split(doc.id)
        if name is None:
            new_by_company.setdefault(company, []).append(doc)
            continue
        split[name].append(doc.id)
        for key, value in quantities.items():
            current[name][key] += value

    def deficit(name: str) -> float:
        return sum(
            (shares[name] * total - current[name][key]) / total
            for key, total in totals.items()
            if total
        )

    order = sorted(new_by_company, key=lambda c: hashlib.sha1(c.encode("utf-8")).hexdigest())
    for company in order:
        name = max(SPLITS, key=deficit)
        for doc in new_by_company[company]:
            split[name].append(doc.id)
            for key, value in balance_quantities(doc).items():
                current[name][key] += value
    return {name: sorted(ids) for name, ids in split.items()}


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
    try:
        import datasets
    except ImportError as err:
        raise ImportError(
            "iec_nlp.corpus.load needs the datasets package: pip install 'iec-nlp[train]'"
        ) from err

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
