"""Learning curve: test F1 when training on 25/50/75/100% of the train split.

Answers "would more annotated releases pay?". Each point is a full training
run (same config and seed, a seeded subset of the train split, no refit on
dev); results go to training/learning_curve.json, which the evaluation
notebook plots against the number of training releases.

    python training/learning_curve.py --full-model models/iec_cnn

With --full-model, one more point is read from that model's meta: the
shipped model, which the same recipe trained on train + dev.
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
    parser.add_argument("--full-model", help="add the point of this trained model (read from its meta)")
    args = parser.parse_args()
    points = []
    for fraction in args.fractions:
        with tempfile.TemporaryDirectory() as tmp:
            meta = train_model(
                args.corpus, Path(tmp) / "model", config=DEFAULT_CONFIGS["cnn"], train_fraction=fraction, refit=False
            )
        points.append(curve_point(meta["iec_nlp"]))
        print(json.dumps(points[-1]))
    if args.full_model:
        meta = json.loads((Path(args.full_model) / "meta.json").read_text())
        points.append(curve_point(meta["iec_nlp"]))
    Path(args.out).write_text(json.dumps({"config": str(DEFAULT_CONFIGS["cnn"]), "points": points}, indent=2))


def curve_point(info: dict) -> dict:
    test = info["scores"]["test"]
    sizes = info["split_sizes"]
    refit = "refit" in info
    return {
        "train_fraction": info["train_fraction"],
        "train_releases": sizes["train"] + (sizes["dev"] if refit else 0),
        "trained_on": "train + dev" if refit else "train",
        "test_entities_f": test["entities"]["micro"]["f"],
        "test_relations_f": test["relations"]["micro"]["f"],
    }


if __name__ == "__main__":
    main()
