"""Rebuild a pipeline from an annotated corpus: convert, train, record.

`train_model()` is what `iec-nlp train` runs: it reads the corpus (native
JSONL or any supported interchange format), takes the committed split,
writes DocBins to a work folder, runs spaCy's training loop on a config from
`training/`, tunes the relation threshold on dev, scores dev and test end to
end, and writes the model with a `meta.json` that records the library
version, the corpus hash, the split sizes and every score. The work folder
is a temporary one, removed at the end, unless the caller names one.

Built for small corpora too (a user's own 20-50 releases):

- the split is checked first: an empty or tiny dev or test split is logged
  as a warning that says what happens instead (no threshold tuning and no
  refit without dev; no test scores without test);
- the number of steps follows the corpus: the recipe's 2,000 steps are 50
  passes over its 40 training releases, so a smaller corpus gets 50 passes
  (`REFERENCE_PASSES`), never more steps than the config says;
- `base` starts from a trained pipeline's weights (the token encoder, the
  recognizer and the relation extractor are sourced from it) instead of
  from random ones, so a few releases of a new kind adjust the shipped model
  rather than replace it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from . import __version__, augment, components, pretrained, weight_averaging  # noqa: F401  (registers with spaCy)
from .corpus.docbin import AlignmentReport, annotated_to_docs, write_docbin
from .corpus.records import AnnotatedDocument
from .corpus.splits import split_documents
from .tokenizer import blank_pipeline

logger = logging.getLogger(__name__)

DEFAULT_CONFIGS = {"cnn": Path("training/iec_cnn.cfg"), "trf": Path("training/iec_trf.cfg")}
_CHECKOUT = Path(__file__).resolve().parent.parent
# The recipe's 2,000 steps over its 40 training releases (one batch each: a
# release is longer than the first batch sizes) are 50 passes over the data.
REFERENCE_PASSES = 50
MIN_STEPS = 50
# Fewer releases than this in dev or test give scores too noisy to rely on.
MIN_SPLIT_RELEASES = 3
# The components that learn; with a base model they start from its weights.
TRAINED_COMPONENTS = ("tok2vec", "ner", "iec_relation_extractor")
BASE_DEFAULT = "default"
# Initialization callbacks that set the trained components' weights: with a
# base model they are skipped.
_REINITIALIZING_CALLBACKS = frozenset({"iec.init_from_pipeline.v1"})


class TrainingError(ValueError):
    """A corpus or setting that training cannot run with, said in one line."""


@dataclass(frozen=True)
class SplitPlan:
    """What training does with the splits it was given."""

    tune_on_dev: bool
    refit: bool
    score_test: bool
    warnings: tuple[str, ...]


def plan_splits(sizes: dict[str, int], *, refit: bool) -> SplitPlan:
    """Check the split sizes; say what is done instead where a split is empty or tiny."""
    if sizes.get("train", 0) == 0:
        raise TrainingError(
            "the train split is empty: put releases in train (splits.json) or add releases "
            "of more companies (a release goes to a split by a hash of its company)"
        )
    warnings = []
    dev, test = sizes.get("dev", 0), sizes.get("test", 0)
    if dev == 0:
        warnings.append(
            "the dev split is empty: the relation threshold is not tuned (it keeps the "
            "config's or the base model's value), no dev scores are recorded, and training "
            "runs once, on train" + (" (no refit on train + dev)" if refit else "")
        )
    elif dev < MIN_SPLIT_RELEASES:
        warnings.append(
            f"the dev split has only {dev} release(s): the relation threshold chosen on it and "
            "its scores are noisy; list more releases under dev in splits.json"
        )
    if test == 0:
        warnings.append(
            "the test split is empty: no test scores are recorded; score the model on "
            "releases it has not seen with `iec-nlp evaluate --model OUTPUT --corpus FOLDER`"
        )
    elif test < MIN_SPLIT_RELEASES:
        warnings.append(
            f"the test split has only {test} release(s): its scores are a very small sample"
        )
    return SplitPlan(
        tune_on_dev=dev > 0, refit=refit and dev > 0, score_test=test > 0, warnings=tuple(warnings)
    )


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


def scaled_steps(docbin_path: Path, config: Any, *, passes: float = REFERENCE_PASSES) -> int:
    """Steps for `passes` passes over the DocBin, batched as the config batches,
    at most the config's `max_steps`."""
    from spacy.tokens import DocBin
    from spacy.util import registry

    lengths = [len(doc) for doc in DocBin().from_disk(docbin_path).get_docs(blank_pipeline().vocab)]
    batcher = registry.resolve({"batcher": config["training"]["batcher"]})["batcher"]
    per_pass = sum(1 for _ in batcher([range(n) for n in lengths]))
    ceiling = int(config["training"]["max_steps"]) or 10**9
    return max(1, min(ceiling, max(MIN_STEPS, round(passes * per_pass))))


def _step_overrides(steps: int, config: Any) -> dict[str, Any]:
    warmup = config["training"]["optimizer"]["learn_rate"].get("warmup_steps")
    eval_frequency = int(config["training"]["eval_frequency"])
    overrides: dict[str, Any] = {
        "training.max_steps": steps,
        # A few log lines per run whatever its length.
        "training.eval_frequency": max(1, min(eval_frequency, steps // 4)),
    }
    if isinstance(warmup, int):
        overrides["training.optimizer.learn_rate.warmup_steps"] = min(warmup, steps // 8)
    return overrides


def recipe_config(variant: str = "cnn") -> Path:
    """The training config of a variant: `training/iec_<variant>.cfg` of this
    checkout; outside one (an installed library), for the default variant, the
    config the default model was trained with (spaCy saves it with the model)."""
    checkout = _CHECKOUT / DEFAULT_CONFIGS[variant]
    if checkout.is_file():
        return checkout
    if variant == "cnn":
        location = resolve_base(BASE_DEFAULT)
        if Path(location).is_dir():
            return Path(location) / "config.cfg"
        import spacy

        package_dir = spacy.util.get_package_path(location)
        found = sorted(package_dir.glob("*/config.cfg"))
        if found:
            return found[0]
    raise TrainingError(f"no training config for the {variant} variant here: pass --config")


def resolve_base(base: str | Path) -> str:
    """The pipeline a `base` names: "default" is the default model, as `extract()` finds it."""
    from .pipeline import resolve_model_path

    location = resolve_model_path(None if str(base) == BASE_DEFAULT else base)
    return str(Path(location).resolve()) if isinstance(location, Path) else location


def _prepared_config(config_path: Path, work_dir: Path, base: str | None) -> Path:
    """The config as run, copied into the work folder (so an edit of the file
    during a run changes nothing): trained components sourced from `base` if
    given, a frozen pretrained encoder (the trf variant) built and sourced."""
    import spacy

    config = spacy.util.load_config(config_path)
    if base is not None:
        source = spacy.load(base)
        for name in TRAINED_COMPONENTS:
            if name in config["components"]:
                if name not in source.pipe_names:
                    raise TrainingError(
                        f"the base model {base} has no component {name!r} to start from"
                    )
                config["components"][name] = {"source": base}
        after_init = config["initialize"].get("after_init")
        if (
            isinstance(after_init, dict)
            and after_init.get("@callbacks") in _REINITIALIZING_CALLBACKS
        ):
            # It would overwrite the base's weights with the ones it starts from.
            config["initialize"]["after_init"] = None
            logger.info(
                "the base model's weights are kept: %s is not run", after_init["@callbacks"]
            )
    frozen = [
        name
        for name in config["training"].get("frozen_components", [])
        if "factory" in config["components"].get(name, {})
    ]
    if frozen:
        # spaCy does not initialize frozen components: it expects to source
        # them from a saved pipeline, built here once from the config's block.
        blank = spacy.blank(config["nlp"]["lang"])
        for name in frozen:
            blank.add_pipe(
                config["components"][name]["factory"],
                name=name,
                config={k: v for k, v in config["components"][name].items() if k != "factory"},
            )
        blank.initialize()
        base_dir = work_dir / "frozen_base"
        blank.to_disk(base_dir)
        for name in frozen:
            config["components"][name] = {"source": str(base_dir.resolve())}
    prepared = work_dir / "config_prepared.cfg"
    config.to_disk(prepared)
    return prepared


@contextmanager
def _work_folder(work_dir: str | Path | None) -> Iterator[Path]:
    """The caller's work folder, kept; or a temporary one, removed after use."""
    if work_dir is not None:
        path = Path(work_dir)
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    path = Path(tempfile.mkdtemp(prefix="iec-nlp-train-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _check_output(output: Path) -> None:
    if output.exists() and (
        not output.is_dir() or (any(output.iterdir()) and not (output / "meta.json").exists())
    ):
        raise TrainingError(f"{output} exists and is not a model folder: choose another --output")


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
    base: str | Path | None = None,
    max_steps: int | None = None,
) -> dict[str, Any]:
    """Train a pipeline on `corpus` and save it to `output`. Returns its meta.

    `checkpoint` is "best" (the step that scored best on dev) or "last" (the
    weights after the last step). With `refit`, training runs twice: the
    first run learns on train, and dev chooses its relation threshold and
    gives the dev scores; the second run learns on train + dev with the same
    settings, keeps its last checkpoint and the first run's threshold, and is
    the model saved and scored on test.

    Both default to the config's `[iec_nlp]` section (else "best", no
    refit), so a config file is the whole recipe. Its `relation_threshold`,
    if set, is used instead of dev's choice (which is still recorded); its
    `average_runs`, if more than 1, trains that many runs from the same
    initial weights and keeps the average of their weights
    (`iec_nlp.weight_averaging`).

    `base` ("default", a model path or package name) starts the trained
    components from that model's weights. Steps: `max_steps` if given, else
    `REFERENCE_PASSES` passes over the training data, at most the config's
    `max_steps` (`overrides` of `training.max_steps` win over both).
    `work_dir` keeps the DocBins and checkpoints there; without it they go
    to a temporary folder that is removed.
    """
    import spacy

    recipe = spacy.util.load_config(config).get("iec_nlp", {})
    checkpoint = checkpoint or recipe.get("checkpoint", "best")
    average_runs = int(recipe.get("average_runs", 1))
    if average_runs < 1 or (average_runs > 1 and checkpoint != "last"):
        raise ValueError(
            f"[iec_nlp] average_runs must be 1, or more with checkpoint 'last', not {average_runs!r}"
        )
    fixed_threshold = recipe.get("relation_threshold")
    if fixed_threshold is not None and not 0.0 < float(fixed_threshold) < 1.0:
        raise ValueError(
            f"[iec_nlp] relation_threshold must be between 0 and 1, not {fixed_threshold!r}"
        )
    refit = recipe.get("refit", False) if refit is None else refit
    if checkpoint not in ("best", "last"):
        raise ValueError(f"checkpoint must be 'best' or 'last', not {checkpoint!r}")
    if refit and checkpoint != "last":
        raise ValueError(
            "refit keeps the last checkpoint of the second run: use checkpoint='last' in the first too"
        )
    output = Path(output)
    _check_output(output)
    base_location = resolve_base(base) if base is not None else None
    with _work_folder(work_dir) as work:
        meta = _train_in(
            corpus,
            output,
            Path(config),
            work,
            seed=seed,
            train_fraction=train_fraction,
            overrides=overrides or {},
            tune_threshold=tune_threshold,
            fixed_threshold=None if fixed_threshold is None else float(fixed_threshold),
            average_runs=average_runs,
            checkpoint=checkpoint,
            refit=refit,
            base=base_location,
            max_steps=max_steps,
        )
    return meta


def _train_in(
    corpus: str | Path,
    output: Path,
    config_path: Path,
    work_dir: Path,
    *,
    seed: int,
    train_fraction: float,
    overrides: dict[str, Any],
    tune_threshold: bool,
    fixed_threshold: float | None,
    average_runs: int,
    checkpoint: str,
    refit: bool,
    base: str | None,
    max_steps: int | None,
) -> dict[str, Any]:
    import spacy

    from .components.relation_extractor import RelationExtractor
    from .evaluation import evaluate, threshold_sweep
    from .pipeline import load_pipeline

    grouped, report = prepare_corpus(corpus, work_dir, train_fraction=train_fraction, seed=seed)
    sizes = {k: len(v) for k, v in grouped.items()}
    plan = plan_splits(sizes, refit=refit)
    logger.info(
        "corpus %s: %s; alignment: %s",
        corpus,
        ", ".join(f"{k} {v}" for k, v in sizes.items()),
        report.summary(),
    )
    for warning in plan.warnings:
        logger.warning("%s", warning)
    if not plan.tune_on_dev:
        # spaCy's loop wants a dev set to log scores on; the last checkpoint is kept.
        checkpoint = "last"
    dev_path = work_dir / ("dev.spacy" if plan.tune_on_dev else "train.spacy")
    config_file = _prepared_config(config_path, work_dir, base)
    config = spacy.util.load_config(config_file)
    steps_given = max_steps or overrides.get("training.max_steps")
    steps = int(steps_given) if steps_given else scaled_steps(work_dir / "train.spacy", config)
    settings = {
        "paths.train": str(work_dir / "train.spacy"),
        "paths.dev": str(dev_path),
        "system.seed": seed,
        **_step_overrides(steps, config),
        **overrides,
    }
    logger.info(
        "training %s steps%s", steps, f", starting from {base}" if base else " from scratch"
    )
    _run_training(config_file, work_dir / "out", settings, runs=average_runs, seed=seed)
    nlp = load_pipeline(work_dir / "out" / f"model-{checkpoint}")
    meta: dict[str, Any] = {"steps": {"first_run": steps}}
    if average_runs > 1:
        meta["average_runs"] = average_runs
    threshold = None
    if "iec_relation_extractor" in nlp.pipe_names:
        relation_pipe = cast(RelationExtractor, nlp.get_pipe("iec_relation_extractor"))
        threshold = relation_pipe.threshold
        meta["relation_threshold"] = {"chosen_on": None, "value": threshold}
        if tune_threshold and plan.tune_on_dev:
            sweep = threshold_sweep(nlp, grouped["dev"])
            threshold = max(sweep, key=lambda row: (row["f"], -row["threshold"]))["threshold"]
            meta["relation_threshold"] = {"chosen_on": "dev", "value": threshold, "sweep": sweep}
        if fixed_threshold is not None:
            # The recipe's value was chosen on more releases than dev alone
            # (README, Retraining); dev's own choice stays in the meta beside it.
            tuned = meta["relation_threshold"]
            meta["relation_threshold"] = {"chosen_on": "recipe", "value": fixed_threshold}
            if tuned["chosen_on"] == "dev":
                meta["relation_threshold"].update(dev_choice=tuned["value"], sweep=tuned["sweep"])
            threshold = fixed_threshold
        relation_pipe.threshold = threshold
    base_meta = spacy.load(base).meta if base is not None else {}
    _add_customer_model(nlp, grouped["train"], meta)
    _keep_base_customer_model(nlp, base_meta, meta)
    scores = {}
    if plan.tune_on_dev:
        scores["dev"] = evaluate(nlp, grouped["dev"]).to_dict()
    if plan.refit:
        refit_steps = (
            int(steps_given) if steps_given else scaled_steps(_merged_docbin(work_dir), config)
        )
        logger.info("training again on train + dev: %s steps", refit_steps)
        nlp = _refit_on_train_and_dev(
            config_file,
            work_dir,
            {**settings, **_step_overrides(refit_steps, config), **overrides},
            runs=average_runs,
            seed=seed,
        )
        if threshold is not None:
            nlp.get_pipe("iec_relation_extractor").threshold = threshold
        _add_customer_model(nlp, grouped["train"] + grouped["dev"], meta)
        _keep_base_customer_model(nlp, base_meta, meta)
        meta["steps"]["refit"] = refit_steps
        meta["refit"] = {
            "trained_on": ["train", "dev"],
            "checkpoint": "last",
            "dev_scores_from": "the first run, trained on train only",
        }
    if plan.score_test:
        scores["test"] = evaluate(nlp, grouped["test"]).to_dict()
    if base is not None:
        meta["base"] = {
            "model": base,
            "name": base_meta.get("name"),
            "version": base_meta.get("version"),
            "corpus_hash": base_meta.get("iec_nlp", {}).get("corpus_hash"),
        }

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
                "config": str(config_path),
                "seed": seed,
                "checkpoint": checkpoint,
                "corpus": str(corpus),
                "corpus_hash": corpus_hash([d for docs in grouped.values() for d in docs]),
                "split_sizes": sizes,
                "train_fraction": train_fraction,
                "alignment": {
                    "spans": report.spans,
                    "misaligned": len(report.misaligned),
                    "dropped": len(report.dropped),
                },
                "scores": scores,
                "warnings": list(plan.warnings),
                **meta,
            },
        }
    )
    nlp.to_disk(output)
    return nlp.meta


def _merged_docbin(work_dir: Path) -> Path:
    from spacy.tokens import DocBin

    path = work_dir / "train_dev.spacy"
    if not path.exists():
        both = DocBin(store_user_data=True)
        for name in ("train", "dev"):
            both.merge(DocBin(store_user_data=True).from_disk(work_dir / f"{name}.spacy"))
        both.to_disk(path)
    return path


def _add_customer_model(nlp: Any, documents: list[AnnotatedDocument], meta: dict[str, Any]) -> None:
    """Learn the per-organization customer model (iec_nlp.customer_decision) from
    the gold releases the recognizer learned from, and put it in the pipeline's
    meta, where extraction finds it."""
    from .customer_training import fit_customer_model

    try:
        model = fit_customer_model(documents)
    except ValueError as err:  # a corpus without customers: the recognizer decides
        logger.warning("no customer model: %s", err)
        nlp.meta.pop("iec_organizations", None)
        return
    nlp.meta["iec_organizations"] = model.to_dict()
    meta["customer_model"] = {"trained_on": len(documents), "threshold": model.threshold}


def _keep_base_customer_model(nlp: Any, base_meta: dict[str, Any], meta: dict[str, Any]) -> None:
    """A corpus too small to learn a customer model from keeps the base model's."""
    if "iec_organizations" not in nlp.meta and base_meta.get("iec_organizations"):
        nlp.meta["iec_organizations"] = base_meta["iec_organizations"]
        meta["customer_model"] = {"from_base": True}
        logger.info("the customer model is the base model's")


def _refit_on_train_and_dev(
    config: Path, work_dir: Path, settings: dict[str, Any], *, runs: int = 1, seed: int = 0
) -> Any:
    """The second run of `train_model(refit=True)`: train + dev, last checkpoint."""
    from .pipeline import load_pipeline

    # spaCy's loop still wants a dev set to log; dev is in training now, so
    # its scores there mean nothing and the last checkpoint is kept.
    overrides = {**settings, "paths.train": str(_merged_docbin(work_dir))}
    _run_training(config, work_dir / "refit", overrides, runs=runs, seed=seed)
    return load_pipeline(work_dir / "refit" / "model-last")


def _run_training(
    config: Path, out: Path, overrides: dict[str, Any], *, runs: int, seed: int
) -> None:
    """spaCy's training loop into `out`; with `runs` > 1, that many runs from
    the same initial weights (`iec_nlp.weight_averaging`), whose last
    checkpoints are averaged into `out / "model-last"`."""
    from spacy.cli.train import train as spacy_train

    if runs == 1:
        spacy_train(config, out, overrides=overrides, use_gpu=-1)
        return
    members = []
    for k in range(runs):
        member = out / f"run-{k}"
        reseed = weight_averaging.reseed_override(seed + k) if k else {}
        # `out` names the training (out, refit), so each line of the log is unique.
        logger.info("%s: run %s of %s, averaged at the end", out.name, k + 1, runs)
        spacy_train(config, member, overrides={**overrides, **reseed}, use_gpu=-1)
        members.append(member / "model-last")
    weight_averaging.average_pipelines(members, out / "model-last", TRAINED_COMPONENTS)
