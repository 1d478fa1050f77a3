"""Learning curve: dev F1 when training on parts of the train split.

Answers "would more annotated releases pay?". Each point is a full training
run (same config and seed, a seeded subset of the train split, no refit on
dev), scored on dev end to end; results go to training/learning_curve.json,
which the evaluation notebook plots against the number of training releases.
The test split plays no part: pass a corpus without it (a folder whose
annotations/ holds only the train and dev releases and whose splits.json
lists no test), or `train` scores it at every point.

    python training/learning_curve.py --corpus CORPUS --fractions 0.085 0.21 0.43 0.855 1.0
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from iec_nlp.training import DEFAULT_CONFIGS, train_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 0.75, 1.0])
    parser.add_argument("--corpus", default="corpora")
    parser.add_argument("--out", default="training/learning_curve.json")
    args = parser.parse_args()
    points = []
    for fraction in args.fractions:
        with tempfile.TemporaryDirectory() as tmp:
            meta = train_model(
                args.corpus,
                Path(tmp) / "model",
                config=DEFAULT_CONFIGS["cnn"],
                train_fraction=fraction,
                refit=False,
            )
        points.append(curve_point(meta["iec_nlp"]))
        print(json.dumps(points[-1]))
    Path(args.out).write_text(
        json.dumps({"config": str(DEFAULT_CONFIGS["cnn"]), "points": points}, indent=2)
    )


def curve_point(info: dict) -> dict:
    dev = info["scores"]["dev"]
    return {
        "train_fraction": info["train_fraction"],
        "train_releases": info["split_sizes"]["train"],
        "trained_on": "train",
        "scored_on": "dev",
        "entities_f": dev["entities"]["micro"]["f"],
        "relations_f": dev["relations"]["micro"]["f"],
        "customer_f": dev["entities"]["per_label"].get("CUSTOMER", {}).get("f"),
    }


if __name__ == "__main__":
    main()
