"""The iec-nlp command line."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iec_nlp.cli import app, default_corpus

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "corpora" / "releases" / "iec-electronics_2004-05-07_vp-sales-appointment.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def model_option():
    model = os.environ.get("IEC_NLP_TEST_MODEL")
    return ["--model", model] if model else []


def test_help_everywhere():
    for args in (
        [],
        ["extract"],
        ["corpus"],
        ["corpus", "validate"],
        ["corpus", "convert"],
        ["train"],
        ["evaluate"],
    ):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0, args
        assert "Usage" in result.output


def test_extract_json_and_html(tmp_path, model_option):
    html = tmp_path / "out.html"
    result = runner.invoke(app, ["extract", str(RELEASE), "--html", str(html), *model_option])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    text = RELEASE.read_text(encoding="utf-8")
    assert all(text[e["start"] : e["end"]] == e["text"] for e in payload["entities"])
    assert any(p["name"] == "Jeffrey Schlarbaum" for p in payload["people"])
    assert "Schlarbaum" in html.read_text(encoding="utf-8")


def test_extract_stdin_jsonl_and_csv(model_option):
    text = RELEASE.read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl", *model_option], input=text)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0]["file"] == "-"
    result = runner.invoke(
        app, ["extract", str(RELEASE), str(RELEASE), "--format", "csv", *model_option]
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {row["file"] for row in rows} == {str(RELEASE)}
    assert len(rows) == 2 * len(lines[0]["entities"])


def test_extract_missing_file_is_a_clear_error():
    result = runner.invoke(app, ["extract", "no-such-release.txt"])
    assert result.exit_code != 0
    assert "no-such-release.txt" in result.output


def test_corpus_stats_and_convert(tmp_path):
    result = runner.invoke(app, ["corpus", "stats", str(ROOT / "corpora")])
    assert result.exit_code == 0 and "| PERSON |" in result.stdout
    source = (
        ROOT / "corpora" / "annotations" / "iec-electronics_2004-05-07_vp-sales-appointment.jsonl"
    )
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["corpus", "convert", str(source), str(out), "--to", "doccano"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text().splitlines()[0])["entities"]
    result = runner.invoke(
        app, ["corpus", "convert", str(source), str(tmp_path / "x.spacy"), "--to", "spacy"]
    )
    assert result.exit_code == 0 and (tmp_path / "x.spacy").stat().st_size > 0


# --- defaults that work from any folder, and a missing corpus in one line ----


def _run_cli(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`iec-nlp ARGS` as a user runs it, from `cwd`, without the corpus variable
    of the environment the tests run in (unless given in `env`)."""
    environment = {k: v for k, v in os.environ.items() if k != "IEC_NLP_CORPUS"} | env
    return subprocess.run(
        [sys.executable, "-m", "iec_nlp.cli", *args],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_evaluate_from_another_folder_finds_the_checkout_corpus_and_model(tmp_path, model_option):
    # No corpora/ or models/ in tmp_path: both defaults must come from the checkout.
    result = _run_cli(
        ["evaluate", "--split", "dev", "--json", "report.json", *model_option], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    dev_size = len(json.loads((ROOT / "corpora" / "splits.json").read_text())["dev"])
    assert report["n_documents"] == dev_size
    assert 0.0 < report["entities"]["micro"]["f"] <= 1.0
    assert "PERSON" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", "--corpus", "no-such-corpus"],
        ["train", "--output", "model-out", "--corpus", "no-such-corpus"],
        ["corpus", "stats", "no-such-corpus"],
    ],
    ids=["evaluate", "train", "stats"],
)
def test_missing_corpus_is_one_line_and_exit_code_2(tmp_path, args):
    result = _run_cli(args, tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: corpus not found: ")
    assert str(tmp_path / "no-such-corpus") in lines[0]
    assert not (tmp_path / "model-out").exists()


def test_corpus_without_annotations_and_a_wrong_corpus_variable(tmp_path):
    (tmp_path / "empty" / "annotations").mkdir(parents=True)
    result = _run_cli(["evaluate", "--corpus", "empty"], tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"error: no annotations in corpus {tmp_path / 'empty'} (expected annotations/*.jsonl in it); "
        "pass --corpus PATH"
    )
    # The default taken from IEC_NLP_CORPUS: the message says where the path came from.
    result = _run_cli(["evaluate"], tmp_path, IEC_NLP_CORPUS=str(tmp_path / "gone"))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert f"corpus not found: {tmp_path / 'gone'}" in result.stderr
    assert "$IEC_NLP_CORPUS" in result.stderr


def test_default_corpus(tmp_path, monkeypatch):
    monkeypatch.delenv("IEC_NLP_CORPUS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_corpus() == ROOT / "corpora"
    monkeypatch.setenv("IEC_NLP_CORPUS", "elsewhere/mine")
    assert default_corpus() == Path("elsewhere/mine")


def test_train_with_a_missing_config_is_one_line_and_exit_code_2(tmp_path):
    result = _run_cli(["train", "--output", "model-out", "--config", "no-such.cfg"], tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        == f"error: config not found: {tmp_path / 'no-such.cfg'}; pass --config PATH"
    )
    assert not (tmp_path / "model-out").exists()
