"""Cross-validation on train + dev, for design decisions (see iec_nlp.cross_validation).

    python training/cross_validate.py --folds 4 --name base
    python training/cross_validate.py --folds 4 --name x \
        --override 'training.annotating_components=["sentencizer"]' --keep /tmp/cv/x
    python training/cross_validate.py --name x-new-rules --rescore /tmp/cv/x

The test split is never read. Results are appended to
training/cross_validation.jsonl with the commit they were measured at (the
rules run at scoring time, so the code matters as well as the config).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import time

from iec_nlp.cross_validation import cross_validate, rescore
from iec_nlp.training import DEFAULT_CONFIGS


def _commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--name", required=True, help="a label for this configuration in the results"
    )
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--corpus", default="corpora")
    parser.add_argument("--config", default=str(DEFAULT_CONFIGS["cnn"]))
    parser.add_argument("--override", action="append", default=[], help="section.key=JSON value")
    parser.add_argument(
        "--checkpoint", choices=["best", "last"], help="default: the config's [iec_nlp] section"
    )
    parser.add_argument(
        "--keep", help="save each fold's model to KEEP/fold-<i> with its held-out ids"
    )
    parser.add_argument(
        "--rescore",
        metavar="KEPT",
        help="no training: score the fold models kept in KEPT with the code as it is now",
    )
    parser.add_argument(
        "--threshold", type=float, help="with --rescore: this relation threshold for every fold"
    )
    parser.add_argument("--note", default="", help="what this configuration is, for the record")
    parser.add_argument("--out", default="training/cross_validation.jsonl")
    args = parser.parse_args()
    overrides = {}
    for item in args.override:
        key, value = item.split("=", 1)
        overrides[key] = json.loads(value)

    started = time.time()
    if args.rescore:
        scores = rescore(args.corpus, args.rescore, threshold=args.threshold)
        setting = {"rescored": args.rescore, "threshold": args.threshold}
    else:
        scores = cross_validate(
            args.corpus,
            folds=args.folds,
            config=args.config,
            overrides=overrides,
            checkpoint=args.checkpoint,
            keep=args.keep,
            on_fold=lambda fold: print(json.dumps(fold), flush=True),
        )
        setting = {"config": args.config, "overrides": overrides, "checkpoint": args.checkpoint}
    result = {
        "name": args.name,
        "commit": _commit(),
        **setting,
        **scores,
        "minutes": round((time.time() - started) / 60, 1),
        "note": args.note,
    }
    print(json.dumps(result))
    with open(args.out, "a", encoding="utf-8") as out:
        out.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
