"""Learning curve: test F1 when training on 25/50/75/100% of the train split.

Answers "would more annotated releases pay?". Each point is a full training
run (same config and seed, a seeded subset of the train split); results go to
training/learning_curve.json, which the evaluation notebook plots.

    python training/learning_curve.py [--fractions 0.25 0.5 0.75 1.0]
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
            meta = train_model(args.corpus, Path(tmp) / "model", config=DEFAULT_CONFIGS["cnn"], train_fraction=fraction)
        info = meta["iec_nlp"]
        test = info["scores"]["test"]
        points.append(
            {
                "train_fraction": fraction,
                "train_releases": info["split_sizes"]["train"],
                "test_entities_f": test["entities"]["micro"]["f"],
                "test_relations_f": test["relations"]["micro"]["f"],
            }
        )
        print(json.dumps(points[-1]))
    Path(args.out).write_text(json.dumps({"config": str(DEFAULT_CONFIGS["cnn"]), "points": points}, indent=2))


if __name__ == "__main__":
    main()
