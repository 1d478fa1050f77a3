"""Averaging the weights of training runs that start from the same weights.

A training run on a corpus of a hundred releases is noisy: the same recipe
with another seed moved relation F1 by 0.02-0.03 on a held-out set (README,
Retraining). Runs that start from the same initial weights and differ only
in data order and dropout end close enough to average their weights ("model
soup"): the average scores like the mean run or better, and costs nothing at
run time (README, "And this step").

`[iec_nlp] average_runs = N` in a recipe trains N such runs (the first one
is the plain run; run k is reseeded with `seed + k` at its first update,
after the weights were initialized with `seed`) and keeps the average of
their last checkpoints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import numpy
from spacy.util import registry
from thinc.api import fix_random_seed


@registry.callbacks("iec.reseed_at_first_update.v1")
def make_reseed_at_first_update(seed: int) -> Any:
    """A `[training] before_update` callback: reseed the random generators
    once, before the first update, so the run shares the initial weights of
    the plain run (drawn before) and draws its own batches and dropout."""
    reseeded: list[bool] = []

    def reseed(nlp: Any, info: dict[str, Any]) -> None:
        if not reseeded:
            fix_random_seed(seed)
            reseeded.append(True)

    return reseed


def reseed_override(seed: int) -> dict[str, Any]:
    """The config override that makes a training run reseed at its first update."""
    return {"training.before_update": {"@callbacks": "iec.reseed_at_first_update.v1", "seed": seed}}


def average_pipelines(
    paths: Sequence[str | Path], output: str | Path, components: Sequence[str]
) -> None:
    """Save to `output` the first pipeline with the weights of `components`
    (those that learn) replaced by their mean over all `paths` (same
    architecture)."""
    from spacy.pipeline import TrainablePipe

    from .pipeline import load_pipeline

    pipelines = [load_pipeline(path) for path in paths]
    for name in components:
        if name not in pipelines[0].pipe_names:
            continue
        models = [cast(TrainablePipe, nlp.get_pipe(name)).model for nlp in pipelines]
        for nodes in zip(*(model.walk() for model in models)):
            for param in nodes[0].param_names:
                if nodes[0].has_param(param):
                    arrays = [node.get_param(param) for node in nodes]
                    nodes[0].set_param(param, numpy.mean(arrays, axis=0).astype(arrays[0].dtype))
    pipelines[0].to_disk(output)
