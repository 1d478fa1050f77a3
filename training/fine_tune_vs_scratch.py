"""Retraining on a few releases of a new kind: from the shipped model's weights
(`iec-nlp train --base default`) or from scratch?

    python training/fine_tune_vs_scratch.py --base /path/to/shipped_model --out training/fine_tune_vs_scratch.json

The releases of one kind (default: customer/contract, of which the shipped
model's 65 training-corpus releases hold 2) that are not in `--exclude-corpus-of`
the base model's training data are cut by company, in the order of a hash of the
company name, into test (at least `--test` releases), dev (at least `--dev`) and
train (the next `--train`). Then the base model as it is, a model fine-tuned
from it and a model trained from scratch, both with `train_model`'s defaults
(steps scaled to the corpus, threshold on dev, refit on train + dev), are
scored end to end on that test split, and on `--old-test` (the base model's own
test releases, to see what fine-tuning costs on what it knew).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from iec_nlp.corpus.records import read_jsonl
from iec_nlp.corpus.splits import company_key
from iec_nlp.corpus.stats import release_kind
from iec_nlp.evaluation import evaluate
from iec_nlp.pipeline import load_pipeline
from iec_nlp.training import DEFAULT_CONFIGS, train_model

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(folder: Path, split: dict[str, list[str]], annotations: Path) -> Path:
    (folder / "annotations").mkdir(parents=True)
    for ids in split.values():
        for doc_id in ids:
            shutil.copy(annotations / f"{doc_id}.jsonl", folder / "annotations")
    (folder / "splits.json").write_text(json.dumps(split, indent=1))
    return folder


def scores(nlp, docs) -> dict[str, float]:
    report = evaluate(nlp, docs).to_dict()
    return {part: report[part]["micro"]["f"] for part in ("entities", "relations")}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", required=True, help="the base model (a copy of the shipped one)")
    parser.add_argument("--kind", default="customer/contract")
    parser.add_argument(
        "--known",
        type=int,
        default=65,
        help="the first N rows of SOURCES.tsv are the base's corpus",
    )
    parser.add_argument("--test", type=int, default=16)
    parser.add_argument("--dev", type=int, default=5)
    parser.add_argument("--train", type=int, nargs="+", default=[30])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--out", type=Path, default=ROOT / "training" / "fine_tune_vs_scratch.json")
    parser.add_argument(
        "--config", type=Path, default=ROOT / DEFAULT_CONFIGS["cnn"], help="the training recipe"
    )
    args = parser.parse_args()

    annotations = ROOT / "corpora" / "annotations"
    rows = list(
        csv.DictReader((ROOT / "corpora" / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t")
    )
    known = {row["file"].removesuffix(".txt") for row in rows[: args.known]}
    docs = {p.stem: read_jsonl(p).documents[0] for p in sorted(annotations.glob("*.jsonl"))}
    pool = [i for i, d in docs.items() if i not in known and release_kind(d) == args.kind]
    by_company: dict[str, list[str]] = defaultdict(list)
    for doc_id in pool:
        by_company[company_key(doc_id)].append(doc_id)
    test: list[str] = []
    dev: list[str] = []
    rest: list[str] = []
    for company in sorted(by_company, key=lambda c: hashlib.sha1(c.encode()).hexdigest()):
        (test if len(test) < args.test else dev if len(dev) < args.dev else rest).extend(
            by_company[company]
        )
    old_test = json.loads((ROOT / "corpora" / "splits.json").read_text())["test"]
    old_test = [i for i in old_test if i in known]

    base = load_pipeline(args.base)
    results = {
        "kind": args.kind,
        "pool": len(pool),
        "test_releases": len(test),
        "dev_releases": len(dev),
        "old_test_releases": len(old_test),
        "base": args.base,
        "config": str(args.config),
        "config_sha1": hashlib.sha1(args.config.read_bytes()).hexdigest(),
        "base_corpus_hash": base.meta.get("iec_nlp", {}).get("corpus_hash"),
        "runs": [
            {
                "model": "base as it is",
                "train_releases": 0,
                "new_test": scores(base, [docs[i] for i in test]),
                "old_test": scores(base, [docs[i] for i in old_test]),
            }
        ],
    }
    print(json.dumps(results["runs"][0]), flush=True)
    for n_train in args.train:
        train = rest[:n_train]
        for seed in args.seeds:
            for start in ("base", "scratch"):
                with tempfile.TemporaryDirectory() as tmp:
                    corpus = write_corpus(
                        Path(tmp) / "corpus",
                        {"train": train, "dev": dev, "test": test},
                        annotations,
                    )
                    began = time.time()
                    meta = train_model(
                        corpus,
                        Path(tmp) / "model",
                        config=args.config,
                        seed=seed,
                        base=args.base if start == "base" else None,
                    )
                    nlp = load_pipeline(Path(tmp) / "model")
                    run = {
                        "model": "fine-tuned from base" if start == "base" else "from scratch",
                        "train_releases": len(train),
                        "seed": seed,
                        "steps": meta["iec_nlp"]["steps"],
                        "minutes": round((time.time() - began) / 60, 1),
                        "new_test": scores(nlp, [docs[i] for i in test]),
                        "old_test": scores(nlp, [docs[i] for i in old_test]),
                    }
                results["runs"].append(run)
                print(json.dumps(run), flush=True)
                args.out.write_text(json.dumps(results, indent=2))
    args.out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
