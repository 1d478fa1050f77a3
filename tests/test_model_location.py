"""Where the default model is found: the installed package first, a checkout's
models/iec_cnn second, else a one-line error saying how to install it."""

from __future__ import annotations

from pathlib import Path

import pytest

import iec_nlp
from iec_nlp import pipeline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_env_model(monkeypatch):
    monkeypatch.delenv("IEC_NLP_MODEL", raising=False)


def test_installed_package_comes_first(monkeypatch, no_env_model):
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: name == "en_iec_cnn")
    assert pipeline.resolve_model_path(None) == "en_iec_cnn"
    # a name under models/ is still that folder
    assert pipeline.resolve_model_path("iec_cnn") == ROOT / "models" / "iec_cnn"


def test_checkout_model_comes_second(monkeypatch, no_env_model):
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)
    assert pipeline.resolve_model_path(None) == ROOT / "models" / "iec_cnn"


def test_neither_gives_one_line_saying_how_to_install(monkeypatch, tmp_path, no_env_model):
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)
    monkeypatch.setattr(pipeline, "MODELS_DIR", tmp_path)
    for name in (None, "iec_cnn"):
        with pytest.raises(iec_nlp.ModelNotFoundError) as info:
            pipeline.resolve_model_path(name)
        message = str(info.value)
        assert "\n" not in message
        assert "pip install" in message and "en_iec_cnn" in message and "make dist" in message


def test_environment_variable_still_names_the_model(monkeypatch):
    monkeypatch.setenv("IEC_NLP_MODEL", str(ROOT / "models" / "iec_cnn"))
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: True)
    assert pipeline.resolve_model_path(None) == ROOT / "models" / "iec_cnn"
