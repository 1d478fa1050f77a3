"""Cross-validation on train + dev, for design decisions.

Dev holds 11 releases; two trainings that differ in nothing that matters can
differ there by 0.01 F1. A choice between two configurations is made here
instead: the train and dev releases are cut into k folds by company (IEC
releases one by one, as in the committed split), each fold is scored by a
model trained on the others, and the pooled micro F1 over all held-out
releases is reported. The test split is never read.

    python training/cross_validate.py --folds 4 --name base
    python training/cross_validate.py --folds 4 --name x \
        --override 'training.annotating_components=["sentencizer"]'

Each fold is a full `train_model` run without the refit; the held-out fold
does the job dev has in a normal run: it chooses the relation threshold,
and the checkpoint too when the recipe keeps the best one (then the fold's
scores are optimistic; with "last" they are not).
Results are appended to training/cross_validation.jsonl.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from iec_nlp.corpus.splits import (
    ANNOTATION_DIR,
    PER_DOCUMENT_COMPANIES,
    SPLIT_FILE,
    company_key,
    split_documents,
)
from iec_nlp.training import DEFAULT_CONFIGS, train_model


def folds_of(doc_ids: list[str], k: int) -> list[list[str]]:
    """k folds of about equal size; a company's releases stay in one fold."""
    groups: dict[str, list[str]] = {}
    for doc_id in sorted(doc_ids):
        company = company_key(doc_id)
        groups.setdefault(doc_id if company in PER_DOCUMENT_COMPANIES else company, []).append(doc_id)
    # Largest groups first, each to the smallest fold; ties broken by a hash
    # so the assignment is fixed but not alphabetical.
    order = sorted(groups, key=lambda g: (-len(groups[g]), hashlib.sha1(g.encode()).hexdigest()))
    folds: list[list[str]] = [[] for _ in range(k)]
    for group in order:
        min(folds, key=len).extend(groups[group])
    return [sorted(f) for f in folds]


def _counts(table: dict) -> tuple[int, int, int]:
    """tp, fp, fn back from a micro row (P, R and support are exact enough)."""
    micro = table["micro"]
    tp = round(micro["r"] * micro["support"])
    predicted = round(tp / micro["p"]) if micro["p"] else 0
    return tp, predicted - tp, micro["support"] - tp


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _commit() -> str | None:
    """The code this was measured with (rules run at scoring time, so it matters)."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--name", required=True, help="a label for this configuration in the results")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--corpus", default="corpora")
    parser.add_argument("--config", default=str(DEFAULT_CONFIGS["cnn"]))
    parser.add_argument("--override", action="append", default=[], help="section.key=JSON value")
    parser.add_argument("--checkpoint", choices=["best", "last"], help="default: the config's [iec_nlp] section")
    parser.add_argument("--out", default="training/cross_validation.jsonl")
    parser.add_argument(
        "--keep", help="save each fold's model to KEEP/fold-<i> (with its held-out ids), to study its errors later"
    )
    args = parser.parse_args()
    overrides = {}
    for item in args.override:
        key, value = item.split("=", 1)
        overrides[key] = json.loads(value)

    grouped, _ = split_documents(args.corpus)
    doc_ids = [d.id for d in grouped["train"] + grouped["dev"]]
    annotations = (Path(args.corpus) / ANNOTATION_DIR).resolve()
    totals = {"entities": [0, 0, 0], "relations": [0, 0, 0]}
    per_fold = []
    started = time.time()
    for i, held_out in enumerate(folds_of(doc_ids, args.folds)):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            (corpus / ANNOTATION_DIR).symlink_to(annotations)
            split = {"train": [d for d in doc_ids if d not in held_out], "dev": held_out, "test": held_out}
            (corpus / SPLIT_FILE).write_text(json.dumps(split))
            meta = train_model(
                corpus, Path(tmp) / "model", config=args.config, overrides=overrides, checkpoint=args.checkpoint,
                refit=False,  # the held-out fold must stay out of training
            )
            if args.keep:
                kept = Path(args.keep) / f"fold-{i}"
                if kept.exists():
                    shutil.rmtree(kept)
                shutil.copytree(Path(tmp) / "model", kept)
                (kept / "held_out.json").write_text(json.dumps(held_out))
        scores = meta["iec_nlp"]["scores"]["dev"]
        fold = {"fold": i, "releases": len(held_out)}
        for part in totals:
            counts = _counts(scores[part])
            totals[part] = [a + b for a, b in zip(totals[part], counts)]
            fold[part] = round(_f1(*counts), 4)
        per_fold.append(fold)
        print(json.dumps(fold), flush=True)
    result = {
        "name": args.name,
        "commit": _commit(),
        "config": args.config,
        "overrides": overrides,
        "checkpoint": args.checkpoint,
        "folds": args.folds,
        "entities_f": round(_f1(*totals["entities"]), 4),
        "relations_f": round(_f1(*totals["relations"]), 4),
        "per_fold": per_fold,
        "minutes": round((time.time() - started) / 60, 1),
    }
    print(json.dumps(result))
    with open(args.out, "a", encoding="utf-8") as out:
        out.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
