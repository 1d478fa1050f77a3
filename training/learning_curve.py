"""Learning curve: test F1 when training on 25/50/75/100% of the train split.

Answers "would more annotated releases pay?". Each point is a full training
run (same config and seed, a seeded subset of the train split); results go to
training/learning_curve.json, which the evaluation notebook plots.

    python training/learning_curve.py --fractions 0.25 0.5 0.75 --full-model models/iec_cnn

With --full-model, the 100% point is read from that model's meta (it was
trained on the whole train split with the same config and seed) instead of
training it again.
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
    parser.add_argument("--full-model", help="read the 100%% point from this trained model's meta")
    args = parser.parse_args()
    points = []
    for fraction in args.fractions:
        with tempfile.TemporaryDirectory() as tmp:
            meta = train_model(args.corpus, Path(tmp) / "model", config=DEFAULT_CONFIGS["cnn"], train_fraction=fraction)
        points.append(curve_point(meta["iec_nlp"]))
        print(json.dumps(points[-1]))
    if args.full_model:
        meta = json.loads((Path(args.full_model) / "meta.json").read_text())
        points.append(curve_point(meta["iec_nlp"]))
    Path(args.out).write_text(json.dumps({"config": str(DEFAULT_CONFIGS["cnn"]), "points": points}, indent=2))


def curve_point(info: dict) -> dict:
    test = info["scores"]["test"]
    return {
        "train_fraction": info["train_fraction"],
        "train_releases": info["split_sizes"]["train"],
        "test_entities_f": test["entities"]["micro"]["f"],
        "test_relations_f": test["relations"]["micro"]["f"],
    }


if __name__ == "__main__":
    main()
