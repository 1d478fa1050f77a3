"""Rebuild a pipeline from an annotated corpus: convert, train, record.

`train_model()` is what `iec-nlp train` runs: it reads the corpus (native
JSONL or any supported interchange format), takes the committed split,
writes DocBins, runs spaCy's training loop on a config from `training/`,
tunes the relation threshold on dev, scores dev and test end to end, and
writes the model with a `meta.json` that records the library version, the
corpus hash and every score.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path
from typing import Any

from . import __version__, augment, components  # noqa: F401  (registers with spaCy)
from .corpus.docbin import AlignmentReport, annotated_to_docs, write_docbin
from .corpus.records import AnnotatedDocument
from .corpus.splits import split_documents
from .tokenizer import blank_pipeline

logger = logging.getLogger(__name__)

DEFAULT_CONFIGS = {"cnn": Path("training/iec_cnn.cfg"), "trf": Path("training/iec_trf.cfg")}


def corpus_hash(documents: list[AnnotatedDocument]) -> str:
    """A digest of the exact training data, recorded in the model's meta."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.id):
        digest.update(json.dumps(doc.to_dict(), sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def prepare_corpus(
    corpus: str | Path, work_dir: str | Path, *, train_fraction: float = 1.0, seed: int = 0
) -> tuple[dict[str, list[AnnotatedDocument]], AlignmentReport]:
    """Write train.spacy / dev.spacy / test.spacy for the committed split."""
    import random

    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    grouped, problems = split_documents(corpus)
    for problem in problems:
        logger.warning("skipped bad record: %s", problem)
    if train_fraction < 1.0:
        rng = random.Random(seed)
        train = sorted(grouped["train"], key=lambda d: d.id)
        rng.shuffle(train)
        grouped["train"] = train[: max(1, round(len(train) * train_fraction))]
    nlp = blank_pipeline()
    report = AlignmentReport()
    for name, documents in grouped.items():
        docs, split_report = annotated_to_docs(nlp, documents)
        report.merge(split_report)
        write_docbin(docs, work_dir / f"{name}.spacy")
    return grouped, report


def _with_frozen_components_sourced(config_path: Path, work_dir: Path) -> Path:
    """spaCy does not initialize frozen components: it expects to source them
    from a saved pipeline. For a frozen pretrained encoder (the trf variant)
    that pipeline is built here once, from the config's own block, and the
    config is rewritten to source it. Other configs pass through unchanged."""
    import spacy

    config = spacy.util.load_config(config_path)
    frozen = [
        name
        for name in config["training"].get("frozen_components", [])
        if "factory" in config["components"].get(name, {})
    ]
    if not frozen:
        return config_path
    base = spacy.blank(config["nlp"]["lang"])
    for name in frozen:
        base.add_pipe(config["components"][name]["factory"], name=name, config={
            k: v for k, v in config["components"][name].items() if k != "factory"
        })
    base.initialize()
    base_dir = work_dir / "frozen_base"
    base.to_disk(base_dir)
    for name in frozen:
        config["components"][name] = {"source": str(base_dir.resolve())}
    sourced = work_dir / "config_sourced.cfg"
    config.to_disk(sourced)
    return sourced


def train_model(
    corpus: str | Path,
    output: str | Path,
    *,
    config: str | Path = DEFAULT_CONFIGS["cnn"],
    work_dir: str | Path | None = None,
    seed: int = 0,
    train_fraction: float = 1.0,
    overrides: dict[str, Any] | None = None,
    tune_threshold: bool = True,
    checkpoint: str | None = None,
    refit: bool | None = None,
) -> dict[str, Any]:
    """Train a pipeline on `corpus` and save it to `output`. Returns its meta.

    `checkpoint` is "best" (the step that scored best on dev) or "last" (the
    weights after the last step). With `refit`, training runs twice: the
    first run learns on train, and dev chooses its relation threshold and
    gives the dev scores; the second run learns on train + dev with the same
    settings, keeps its last checkpoint and the first run's threshold, and is
    the model saved and scored on test.

    Both default to the config's `[iec_nlp]` section (else "best", no
    refit), so a config file is the whole recipe.
    """
    import spacy

    recipe = spacy.util.load_config(config).get("iec_nlp", {})
    checkpoint = checkpoint or recipe.get("checkpoint", "best")
    refit = recipe.get("refit", False) if refit is None else refit
    if checkpoint not in ("best", "last"):
        raise ValueError(f"checkpoint must be 'best' or 'last', not {checkpoint!r}")
    if refit and checkpoint != "last":
        raise ValueError("refit keeps the last checkpoint of the second run: use checkpoint='last' in the first too")
    from spacy.cli.train import train as spacy_train

    from .evaluation import evaluate, threshold_sweep
    from .pipeline import load_pipeline

    output = Path(output)
    work_dir = Path(work_dir) if work_dir else output.parent / f".{output.name}-work"
    grouped, report = prepare_corpus(corpus, work_dir, train_fraction=train_fraction, seed=seed)
    logger.info("corpus alignment: %s", report.summary())
    settings = {
        "paths.train": str(work_dir / "train.spacy"),
        "paths.dev": str(work_dir / "dev.spacy"),
        "system.seed": seed,
        **(overrides or {}),
    }
    config = _with_frozen_components_sourced(Path(config), work_dir)
    spacy_train(config, work_dir / "out", overrides=settings, use_gpu=-1)
    nlp = load_pipeline(work_dir / "out" / f"model-{checkpoint}")
    meta: dict[str, Any] = {}
    threshold = None
    if tune_threshold and "iec_relation_extractor" in nlp.pipe_names:
        sweep = threshold_sweep(nlp, grouped["dev"])
        threshold = max(sweep, key=lambda row: (row["f"], -row["threshold"]))["threshold"]
        nlp.get_pipe("iec_relation_extractor").threshold = threshold
        meta["relation_threshold"] = {"chosen_on": "dev", "value": threshold, "sweep": sweep}
    scores = {"dev": evaluate(nlp, grouped["dev"]).to_dict()}
    if refit:
        nlp = _refit_on_train_and_dev(config, work_dir, settings)
        if threshold is not None:
            nlp.get_pipe("iec_relation_extractor").threshold = threshold
        meta["refit"] = {
            "trained_on": ["train", "dev"],
            "checkpoint": "last",
            "dev_scores_from": "the first run, trained on train only",
        }
    if grouped["test"]:  # a corpus may keep no test split (cross-validation folds do not)
        scores["test"] = evaluate(nlp, grouped["test"]).to_dict()

    if output.exists():
        shutil.rmtree(output)
    nlp.meta.update(
        {
            "name": output.name.replace("-", "_"),
            "version": __version__,
            "description": "iec_nlp pipeline for press-release information extraction",
            "requirements": [f"iec-nlp>={__version__}"],
            "iec_nlp": {
                "library_version": __version__,
                "config": str(config),
                "seed": seed,
                "checkpoint": checkpoint,
                "corpus": str(corpus),
                "corpus_hash": corpus_hash([d for docs in grouped.values() for d in docs]),
                "split_sizes": {k: len(v) for k, v in grouped.items()},
                "train_fraction": train_fraction,
                "alignment": {
                    "spans": report.spans,
                    "misaligned": len(report.misaligned),
                    "dropped": len(report.dropped),
                },
                "scores": scores,
                **meta,
            },
        }
    )
    nlp.to_disk(output)
    return nlp.meta


def _refit_on_train_and_dev(config: Path, work_dir: Path, settings: dict[str, Any]) -> Any:
    """The second run of `train_model(refit=True)`: train + dev, last checkpoint."""
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    from .pipeline import load_pipeline

    both = DocBin(store_user_data=True)
    for name in ("train", "dev"):
        both.merge(DocBin(store_user_data=True).from_disk(work_dir / f"{name}.spacy"))
    both.to_disk(work_dir / "train_dev.spacy")
    # spaCy's loop still wants a dev set to log; dev is in training now, so
    # its scores there mean nothing and the last checkpoint is kept.
    overrides = {**settings, "paths.train": str(work_dir / "train_dev.spacy")}
    spacy_train(config, work_dir / "refit", overrides=overrides, use_gpu=-1)
    return load_pipeline(work_dir / "refit" / "model-last")
