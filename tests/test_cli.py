"""The iec-nlp command line."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iec_nlp.cli import app

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "corpora" / "releases" / "iec-electronics_2004-05-07_vp-sales-appointment.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def model_option():
    model = os.environ.get("IEC_NLP_TEST_MODEL")
    return ["--model", model] if model else []


def test_help_everywhere():
    for args in ([], ["extract"], ["corpus"], ["corpus", "validate"], ["corpus", "convert"], ["train"], ["evaluate"]):
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
    result = runner.invoke(app, ["extract", str(RELEASE), str(RELEASE), "--format", "csv", *model_option])
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
    source = ROOT / "corpora" / "annotations" / "iec-electronics_2004-05-07_vp-sales-appointment.jsonl"
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["corpus", "convert", str(source), str(out), "--to", "doccano"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text().splitlines()[0])["entities"]
    result = runner.invoke(app, ["corpus", "convert", str(source), str(tmp_path / "x.spacy"), "--to", "spacy"])
    assert result.exit_code == 0 and (tmp_path / "x.spacy").stat().st_size > 0
