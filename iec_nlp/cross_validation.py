"""Cross-validation by company over the train and dev releases, for design decisions.

Dev holds 11 releases; two trainings that differ in nothing that matters can
differ there by 0.01 F1. A choice between two configurations is made here
instead: the train and dev releases are cut into k folds by company (IEC
releases one by one, as in the committed split), each fold is scored by a
model trained on the others, and the pooled micro F1 over all held-out
releases is reported.

The test split never takes part: each fold trains on a corpus that holds
only the train and dev releases, with a split file that lists every one of
them (a release missing from a split file would be placed by hash, and a test
release could then land in training or in the held-out fold).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, cast

from .corpus.records import AnnotatedDocument, write_jsonl
from .corpus.splits import (
    ANNOTATION_DIR,
    PER_DOCUMENT_COMPANIES,
    SPLIT_FILE,
    company_key,
    split_documents,
)
from .scoring import prf


def folds_of(doc_ids: list[str], k: int) -> list[list[str]]:
    """k folds of about equal size; a company's releases stay in one fold."""
    groups: dict[str, list[str]] = {}
    for doc_id in sorted(doc_ids):
        company = company_key(doc_id)
        groups.setdefault(doc_id if company in PER_DOCUMENT_COMPANIES else company, []).append(
            doc_id
        )
    # Largest groups first, each to the smallest fold; ties broken by a hash
    # so the assignment is fixed but not alphabetical.
    order = sorted(groups, key=lambda g: (-len(groups[g]), hashlib.sha1(g.encode()).hexdigest()))
    folds: list[list[str]] = [[] for _ in range(k)]
    for group in order:
        min(folds, key=len).extend(groups[group])
    return [sorted(f) for f in folds]


def write_fold_corpus(documents: list[AnnotatedDocument], held_out: list[str], dest: Path) -> Path:
    """A corpus of `documents` only: `held_out` is its dev split, the rest its train, test empty."""
    held = set(held_out)
    (dest / ANNOTATION_DIR).mkdir(parents=True)
    write_jsonl(documents, dest / ANNOTATION_DIR / "documents.jsonl")
    split = {
        "train": sorted(d.id for d in documents if d.id not in held),
        "dev": sorted(d.id for d in documents if d.id in held),
        "test": [],
    }
    (dest / SPLIT_FILE).write_text(json.dumps(split))
    return dest


def _counts(table: dict) -> tuple[int, int, int]:
    """tp, fp, fn back from a micro row (P, R and support are exact enough)."""
    micro = table["micro"]
    tp = round(micro["r"] * micro["support"])
    predicted = round(tp / micro["p"]) if micro["p"] else 0
    return tp, predicted - tp, micro["support"] - tp


def _f1(counts: list[int] | tuple[int, int, int]) -> float:
    return round(prf(*counts)[2], 4)


def cross_validate(
    corpus: str | Path,
    *,
    folds: int = 4,
    config: str | Path,
    overrides: dict[str, Any] | None = None,
    checkpoint: str | None = None,
    keep: str | Path | None = None,
    on_fold: Any = None,
) -> dict[str, Any]:
    """Pooled held-out entity and relation F1 of `config` over train + dev.

    Each fold is a full `train_model` run without the refit; the held-out fold
    does the job dev has in a normal run: it chooses the relation threshold,
    and the checkpoint too when the recipe keeps the best one (then the
    scores are optimistic; with "last" they are not). With `keep`, each
    fold's model is saved to `keep/fold-<i>` with its held-out ids.
    """
    from .training import train_model

    grouped, _ = split_documents(corpus)
    documents = grouped["train"] + grouped["dev"]
    totals = {"entities": [0, 0, 0], "relations": [0, 0, 0]}
    per_fold = []
    for i, held_out in enumerate(folds_of([d.id for d in documents], folds)):
        with tempfile.TemporaryDirectory() as tmp:
            fold_corpus = write_fold_corpus(documents, held_out, Path(tmp) / "corpus")
            meta = train_model(
                fold_corpus,
                Path(tmp) / "model",
                config=config,
                overrides=overrides,
                checkpoint=checkpoint,
                refit=False,  # the held-out fold must stay out of training
            )
            sizes = meta["iec_nlp"]["split_sizes"]
            if sizes != {"train": len(documents) - len(held_out), "dev": len(held_out), "test": 0}:
                raise RuntimeError(f"fold {i} was not trained on the intended split: {sizes}")
            if keep:
                kept = Path(keep) / f"fold-{i}"
                if kept.exists():
                    shutil.rmtree(kept)
                shutil.copytree(Path(tmp) / "model", kept)
                (kept / "held_out.json").write_text(json.dumps(held_out))
        scores = meta["iec_nlp"]["scores"]["dev"]
        fold: dict[str, Any] = {"fold": i, "releases": len(held_out)}
        for part in totals:
            counts = _counts(scores[part])
            totals[part] = [a + b for a, b in zip(totals[part], counts)]
            fold[part] = _f1(counts)
        per_fold.append(fold)
        if on_fold:
            on_fold(fold)
    return {
        "folds": folds,
        "releases": len(documents),
        "entities_f": _f1(totals["entities"]),
        "relations_f": _f1(totals["relations"]),
        "per_fold": per_fold,
    }


def rescore(
    corpus: str | Path, kept: str | Path, *, threshold: float | None = None
) -> dict[str, Any]:
    """Pooled held-out F1 of the fold models saved by `cross_validate(keep=...)`,
    scored with the code as it is now.

    The rules run at scoring time, so a change to them is measured on the
    same weights in seconds, without training again. `threshold` overrides
    each fold's relation threshold (for a pooled sweep).
    """
    from .components.relation_extractor import RelationExtractor
    from .evaluation import evaluate
    from .pipeline import load_pipeline

    grouped, _ = split_documents(corpus)
    by_id = {d.id: d for d in grouped["train"] + grouped["dev"]}
    totals = {"entities": [0, 0, 0], "relations": [0, 0, 0]}
    fold_dirs = sorted(Path(kept).glob("fold-*"))
    if not fold_dirs:
        raise FileNotFoundError(f"no fold-<i> models in {kept}")
    releases = 0
    for fold_dir in fold_dirs:
        nlp = load_pipeline(fold_dir)
        if threshold is not None:
            cast(RelationExtractor, nlp.get_pipe("iec_relation_extractor")).threshold = threshold
        held_out = json.loads((fold_dir / "held_out.json").read_text())
        releases += len(held_out)
        report = evaluate(nlp, [by_id[i] for i in held_out], gold_entities=False).to_dict()
        for part in totals:
            totals[part] = [a + b for a, b in zip(totals[part], _counts(report[part]))]
    return {
        "folds": len(fold_dirs),
        "releases": releases,
        "entities_f": _f1(totals["entities"]),
        "relations_f": _f1(totals["relations"]),
    }
