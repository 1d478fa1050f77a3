"""spaCy `pretrain` of the token encoder on unlabeled release text, and a
recipe that starts from it (issue 15: pretrained knowledge, measured side by
side before it is kept).

The default recipe copies its encoder from spaCy's small English recognizer
(trained on OntoNotes). This script continues training that encoder on our
own kind of text with spaCy's character objective (predict each word's
first and last four characters from its context), then writes a training
config that loads the result instead of copying the small pipeline's
encoder:

    python training/pretrain_encoder.py --corpus DIR --splits train dev --filings ../shared/filings --out OUT
    python training/rule_sets.py build RS --sets G --config OUT/train.cfg

The unlabeled text is the releases of the named splits of a corpus (never a
split that is scored: for the held-out set G, the corpus of G with its
`train` split, which holds dev and F) and, with `--filings`, the documents of
EDGAR submission files. Measured on G and not kept (training/EXPERIMENTS.md):
G 0.898 / 0.828 -> 0.889 / 0.821.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from thinc.api import Config

from iec_nlp.corpus.splits import split_documents
from iec_nlp.filings import read_documents
from iec_nlp.training import recipe_config

ROOT = Path(__file__).resolve().parent.parent
# Shorter pieces than a release: spaCy's pretraining reader skips texts over
# `max_length` words, and a release's paragraphs are its natural units.
MIN_PARAGRAPH_CHARACTERS = 40


def unlabeled_paragraphs(corpus: Path, splits: list[str], filings: Path | None) -> list[str]:
    grouped, _ = split_documents(corpus)
    texts = [doc.text for split in splits for doc in grouped.get(split, [])]
    if filings is not None:
        for path in sorted(filings.glob("*.txt")):
            texts.extend(document.text for document in read_documents(path))
    return [
        part.strip()
        for text in texts
        for part in text.split("\n\n")
        if len(part.strip()) > MIN_PARAGRAPH_CHARACTERS
    ]


def pretraining_config(base: Path, raw_text: Path, epochs: int, learn_rate: float) -> Config:
    """The recipe with spaCy's default [pretraining] section, reading `raw_text`."""
    import spacy

    config = Config().from_disk(base, interpolate=False)
    defaults = Config().from_disk(
        Path(spacy.__file__).parent / "default_config_pretraining.cfg", interpolate=False
    )
    config["pretraining"] = defaults["pretraining"]
    config["pretraining"]["max_epochs"] = epochs
    config["pretraining"]["optimizer"]["learn_rate"] = learn_rate
    config["corpora"]["pretrain"] = defaults["corpora"]["pretrain"]
    config["paths"]["raw_text"] = str(raw_text)
    return config


def training_config(pretraining: Config, weights: Path) -> Config:
    """The recipe starting from the pretrained encoder: spaCy loads it with
    `init_tok2vec` during initialization, before `after_init` runs, so the
    copy from the small English pipeline is switched off (it would overwrite it)."""
    config = pretraining.copy()  # a deep copy: the pretraining config stays as it was
    config["paths"]["init_tok2vec"] = str(weights)
    config["initialize"]["after_init"] = None
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpora")
    parser.add_argument(
        "--splits", nargs="+", default=["train", "dev"], help="never the split you score"
    )
    parser.add_argument("--filings", type=Path, help="a folder of EDGAR submission files (*.txt)")
    parser.add_argument("--config", type=Path, default=recipe_config())
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    from spacy.training.pretrain import pretrain

    import iec_nlp.training  # noqa: F401  (registers the pipeline's components with spaCy)

    if "test" in args.splits:
        parser.error("the test split is scored: keep its text out of pretraining")
    args.out.mkdir(parents=True, exist_ok=True)
    raw_text = args.out / "raw_text.jsonl"
    paragraphs = unlabeled_paragraphs(args.corpus, args.splits, args.filings)
    raw_text.write_text("".join(json.dumps({"text": p}) + "\n" for p in paragraphs))
    print(
        f"{len(paragraphs)} paragraphs, {sum(len(p.split()) for p in paragraphs)} words -> {raw_text}"
    )
    config = pretraining_config(args.config, raw_text, args.epochs, args.learn_rate)
    (args.out / "weights").mkdir(exist_ok=True)
    pretrain(config.interpolate(), args.out / "weights", silent=False)
    training_config(config, args.out / "weights" / "model-last.bin").to_disk(args.out / "train.cfg")
    print(f"training config: {args.out / 'train.cfg'}")


if __name__ == "__main__":
    main()
