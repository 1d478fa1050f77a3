"""`train_model`, end to end on a tiny corpus: what `iec-nlp train` runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy
import pytest
import spacy

from iec_nlp.pipeline import load_pipeline
from iec_nlp.training import DEFAULT_CONFIGS, train_model

ROOT = Path(__file__).resolve().parent.parent
SPLIT = {
    "train": [
        "iec-electronics_2004-05-07_vp-sales-appointment",
        "iec-electronics_2008-04-23_military-order",
    ],
    "dev": ["sparton_2004-10-15_special-meeting-results"],
    "test": ["iec-electronics_2009-06-08_nyse-amex-listing"],
}
# A few epochs only: this checks the plumbing, not the accuracy.
QUICK = {"training.max_epochs": 2, "training.eval_frequency": 5}


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "annotations").mkdir()
    for ids in SPLIT.values():
        for doc_id in ids:
            shutil.copy(
                ROOT / "corpora" / "annotations" / f"{doc_id}.jsonl", corpus / "annotations"
            )
    (corpus / "splits.json").write_text(json.dumps(SPLIT))
    return corpus


def test_train_model_with_refit_saves_the_second_run_and_records_both(tiny_corpus, tmp_path):
    output = tmp_path / "model"
    work = tmp_path / ".model-work"  # named, so kept for the comparison below
    meta = train_model(
        tiny_corpus,
        output,
        config=ROOT / DEFAULT_CONFIGS["cnn"],
        overrides=QUICK,
        checkpoint="last",
        refit=True,
        work_dir=work,
    )
    info = meta["iec_nlp"]
    assert info["refit"]["trained_on"] == ["train", "dev"]
    assert info["split_sizes"] == {"train": 2, "dev": 1, "test": 1}
    assert set(info["scores"]) == {"dev", "test"}
    assert (work / "refit" / "model-last").is_dir()
    # The saved weights are the second run's, with the first run's threshold.
    saved = load_pipeline(output)
    refit = load_pipeline(work / "refit" / "model-last")
    # (Weights, not to_bytes: the recognizer also serializes a set of unseen
    # actions, whose order varies.)
    for name in ("tok2vec", "ner", "iec_relation_extractor"):
        assert _weights(saved.get_pipe(name).model) == _weights(refit.get_pipe(name).model), name
    assert saved.get_pipe("iec_relation_extractor").threshold == info["relation_threshold"]["value"]
    # The recipe fixes the threshold; dev's own choice is recorded beside it.
    recipe = spacy.util.load_config(ROOT / DEFAULT_CONFIGS["cnn"])["iec_nlp"]
    assert info["relation_threshold"]["chosen_on"] == "recipe"
    assert info["relation_threshold"]["value"] == recipe["relation_threshold"]
    assert "dev_choice" in info["relation_threshold"] and info["relation_threshold"]["sweep"]


def _weights(model) -> list[bytes]:
    return [param.tobytes() for param in _params(model)]


def test_average_runs_keeps_the_mean_of_runs_from_the_same_initial_weights(tiny_corpus, tmp_path):
    config = spacy.util.load_config(ROOT / DEFAULT_CONFIGS["cnn"])
    config["iec_nlp"]["average_runs"] = 2
    config["iec_nlp"]["refit"] = False
    config.to_disk(tmp_path / "averaged.cfg")
    work = tmp_path / ".work"
    meta = train_model(
        tiny_corpus,
        tmp_path / "model",
        config=tmp_path / "averaged.cfg",
        overrides=QUICK,
        work_dir=work,
    )
    assert meta["iec_nlp"]["average_runs"] == 2
    runs = [load_pipeline(work / "out" / f"run-{k}" / "model-last") for k in range(2)]
    saved = load_pipeline(tmp_path / "model")
    for name in ("tok2vec", "ner", "iec_relation_extractor"):
        first, second = (_params(nlp.get_pipe(name).model) for nlp in runs)
        # The second run drew other batches and dropout, so its weights differ ...
        assert any(not numpy.array_equal(a, b) for a, b in zip(first, second)), name
        # ... and the saved model holds their mean.
        for kept, a, b in zip(_params(saved.get_pipe(name).model), first, second):
            assert numpy.allclose(kept, (a + b) / 2, atol=1e-6), name


def _params(model) -> list:
    return [
        node.get_param(name)
        for node in model.walk()
        for name in node.param_names
        if node.has_param(name)
    ]


def test_train_model_rejects_a_recipe_threshold_outside_0_1(tiny_corpus, tmp_path):
    config = spacy.util.load_config(ROOT / DEFAULT_CONFIGS["cnn"])
    config["iec_nlp"]["relation_threshold"] = 1.5
    config.to_disk(tmp_path / "bad.cfg")
    with pytest.raises(ValueError, match="relation_threshold"):
        train_model(tiny_corpus, tmp_path / "model", config=tmp_path / "bad.cfg")


def test_train_model_rejects_an_unknown_checkpoint(tiny_corpus, tmp_path):
    with pytest.raises(ValueError, match="checkpoint"):
        train_model(tiny_corpus, tmp_path / "model", checkpoint="middle")


def test_the_rule_sets_halves_split_train_by_company_and_leave_dev_and_test_out():
    # training/rule_sets.py scores each half with a model trained on dev and
    # the other half: the halves must partition train, company by company.
    from iec_nlp.corpus.splits import company_key

    committed = json.loads((ROOT / "corpora" / "splits.json").read_text())
    halves = json.loads((ROOT / "training" / "rule_sets.json").read_text())
    assert sorted(halves["F"] + halves["G"]) == sorted(committed["train"])
    assert not {company_key(d) for d in halves["F"]} & {company_key(d) for d in halves["G"]}
