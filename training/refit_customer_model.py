"""Learn a trained pipeline's customer model again, from the corpus's train + dev gold, by the code as it is.

    python training/refit_customer_model.py [--model models/iec_cnn] [--corpus corpora]

The per-organization customer model (`iec_nlp.customer_decision`) is a few dozen
numbers in the pipeline's meta, learned in seconds from gold mentions
(`iec_nlp.customer_training`); the recognizer's weights are not touched.
Training learns it the same way from the same releases (its last step), so
after a change to the customer features this writes what `make train` would
write for that part, without the twenty minutes of training. The meta's
`iec_nlp.customer_model` records the refit; the scores recorded at training
time stay as they were (training/test_report.json holds the current test
figures).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import srsly

from iec_nlp import __version__
from iec_nlp.corpus.splits import split_documents
from iec_nlp.customer_training import fit_customer_model

ROOT = Path(__file__).resolve().parent.parent


def refit(model_dir: Path, corpus: Path) -> dict:
    grouped, _ = split_documents(corpus)
    documents = grouped["train"] + grouped["dev"]
    model = fit_customer_model(documents)
    meta_path = model_dir / "meta.json"
    meta = srsly.read_json(meta_path)
    meta["iec_organizations"] = model.to_dict()
    meta["iec_nlp"]["customer_model"] = {
        "trained_on": len(documents),
        "threshold": model.threshold,
        "refit": {"by": "training/refit_customer_model.py", "library_version": __version__},
    }
    srsly.write_json(meta_path, meta)  # as spaCy writes it
    return meta["iec_organizations"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "iec_cnn")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpora")
    args = parser.parse_args()
    weights = refit(args.model, args.corpus)["weights"]
    print(f"customer model refit: {len(weights)} weights written to {args.model / 'meta.json'}")


if __name__ == "__main__":
    main()
