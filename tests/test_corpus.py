"""Corpus format, validator, splits and DocBin conversion."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iec_nlp.cli import app
from iec_nlp.corpus import read_jsonl
from iec_nlp.corpus.docbin import annotated_to_docs
from iec_nlp.corpus.splits import load, make_split, read_corpus_dir, split_documents
from iec_nlp.tokenizer import blank_pipeline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
TEXT = "IEC named Jeffrey Schlarbaum Vice President. Net income was $124,000 for the quarter."


def _record(doc_id, spans, relations):
    return {"id": doc_id, "text": TEXT, "meta": {}, "spans": spans, "relations": relations}


def _span(i, surface, label, start=None):
    start = TEXT.index(surface) if start is None else start
    return {"id": i, "start": start, "end": start + len(surface), "label": label, "text": surface}


GOOD = _record(
    "good",
    [
        _span(0, "Jeffrey Schlarbaum", "PERSON"),
        _span(1, "Vice President", "ROLE"),
        _span(2, "Net income", "METRIC"),
        _span(3, "$124,000", "MONEY"),
        _span(4, "quarter", "PERIOD"),
    ],
    [
        {"head": 0, "child": 1, "label": "HAS_ROLE"},
        {"head": 3, "child": 2, "label": "VALUE_OF"},
        {"head": 3, "child": 4, "label": "IN_PERIOD"},
    ],
)


def _write(tmp_path, records):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_injected_errors_are_each_named_and_good_records_kept(tmp_path):
    bad_offsets = _record(
        "bad-offsets", [{**_span(0, "Jeffrey Schlarbaum", "PERSON"), "start": 11}], []
    )
    overlap = _record(
        "overlap", [_span(0, "Jeffrey Schlarbaum", "PERSON"), _span(1, "Schlarbaum", "PERSON")], []
    )
    unknown = _record("unknown-label", [_span(0, "IEC", "COMPANY")], [])
    dangling = _record(
        "dangling",
        [_span(0, "Jeffrey Schlarbaum", "PERSON")],
        [{"head": 0, "child": 7, "label": "HAS_ROLE"}],
    )
    unlinked = _record("unlinked-metric", [_span(0, "Net income", "METRIC")], [])
    path = _write(tmp_path, [GOOD, bad_offsets, overlap, unknown, dangling, unlinked])
    result = read_jsonl(path)
    assert [d.id for d in result.documents] == ["good"]
    messages = {p.doc_id: (p.line, p.message) for p in result.problems}
    assert messages["bad-offsets"][0] == 2 and "offsets cover" in messages["bad-offsets"][1]
    assert "overlaps" in messages["overlap"][1]
    assert "unknown label 'COMPANY'" in messages["unknown-label"][1]
    assert "names span 7, which does not exist" in messages["dangling"][1]
    assert "no MONEY is linked" in messages["unlinked-metric"][1]
    assert all(str(p).startswith(f"{path}:{p.line}: {p.doc_id}: ") for p in result.problems)


def test_cli_validate_exits_nonzero_on_errors_and_zero_on_clean(tmp_path):
    runner = CliRunner()
    bad = _write(tmp_path, [GOOD, _record("x", [_span(0, "IEC", "COMPANY")], [])])
    result = runner.invoke(app, ["corpus", "validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2: x: span 0" in result.output
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(GOOD) + "\n")
    assert runner.invoke(app, ["corpus", "validate", str(good)]).exit_code == 0


def test_whitespace_and_punctuation_edges_are_rejected(tmp_path):
    start = TEXT.index("Vice President")
    edge = _record(
        "edge",
        [
            {
                "id": 0,
                "start": start - 1,
                "end": start + 14,
                "label": "ROLE",
                "text": TEXT[start - 1 : start + 14],
            }
        ],
        [],
    )
    result = read_jsonl(_write(tmp_path, [edge]))
    assert not result.documents
    assert "whitespace" in result.problems[0].message


def test_schema_copy_matches_the_shared_contract():
    # The repository stands alone with its own copy of the contract; where the
    # team's shared folder is beside the clone, the copy must be the same text.
    shared = ROOT.parent / "shared" / "SCHEMA.md"
    copy = CORPUS / "SCHEMA.md"
    assert copy.read_text(encoding="utf-8").startswith("# iec_nlp annotation schema")
    if not shared.exists():
        pytest.skip("no ../shared/SCHEMA.md beside this clone")
    assert copy.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def test_the_committed_corpus_is_valid():
    documents, problems = read_corpus_dir(CORPUS)
    assert not problems
    # Every release of SOURCES.tsv is annotated, except those left out with a reason.
    with (CORPUS / "SOURCES.tsv").open(encoding="utf-8", newline="") as handle:
        sources = {
            row["file"].removesuffix(".txt") for row in csv.DictReader(handle, delimiter="\t")
        }
    left_out = set(json.loads((CORPUS / "left_out.json").read_text()))
    assert {d.id for d in documents} == sources - left_out
    assert len(documents) >= 190


def test_annotated_texts_are_the_release_files_unchanged():
    documents, _ = read_corpus_dir(CORPUS)
    for doc in documents:
        with open(CORPUS / "releases" / f"{doc.id}.txt", encoding="utf-8", newline="") as handle:
            assert doc.text == handle.read(), doc.id


def test_dev_and_test_each_hold_a_fifth_of_customers_and_recent_releases():
    grouped, _ = split_documents(CORPUS)
    totals = {"customer": 0, "recent": 0}
    share = {}
    for name, docs in grouped.items():
        customers = sum(s.label == "CUSTOMER" for d in docs for s in d.spans)
        recent = sum(int(d.meta["date"][:4]) >= 2015 for d in docs)
        share[name] = {"customer": customers, "recent": recent}
        totals["customer"] += customers
        totals["recent"] += recent
    for name in ("dev", "test"):
        for key in totals:
            assert share[name][key] >= 0.2 * totals[key], (name, key, share[name][key], totals[key])
    assert share["test"]["customer"] >= 30


def test_split_is_committed_by_company_and_loads_as_datasetdict():
    dataset = load(CORPUS)
    assert set(dataset) == {"train", "dev", "test"}
    committed = json.loads((CORPUS / "splits.json").read_text())
    for name in ("train", "dev", "test"):
        assert sorted(dataset[name]["id"]) == sorted(committed[name])
    company = lambda doc_id: doc_id.split("_")[0]  # noqa: E731
    train_companies = {company(i) for i in committed["train"]} - {"iec-electronics"}
    held_out = {company(i) for i in committed["dev"] + committed["test"]} - {"iec-electronics"}
    assert not train_companies & held_out
    assert any(i.startswith("iec-electronics") for i in committed["test"])


def test_adding_documents_keeps_every_existing_assignment():
    committed = json.loads((CORPUS / "splits.json").read_text())
    ids = [i for ids in committed.values() for i in ids] + [
        "newco_2021-01-01_results",
        "iec-electronics_2021-01-01_x",
    ]
    grown = make_split(ids, committed)
    for name, members in committed.items():
        assert set(members) <= set(grown[name])


def test_conversion_to_docs_reports_alignment_and_keeps_relations():
    grouped, _ = split_documents(CORPUS)
    docs, report = annotated_to_docs(blank_pipeline(), grouped["dev"])
    assert report.spans == sum(len(d.spans) for d in grouped["dev"])
    assert not report.dropped
    assert sum(len(d.ents) for d in docs) == report.spans
    assert sum(len(d._.iec_relations) for d in docs) == sum(
        len(d.relations) for d in grouped["dev"]
    )
