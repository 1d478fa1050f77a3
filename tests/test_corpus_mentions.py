"""The review list of names annotated once and repeated bare elsewhere in a release."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from iec_nlp.cli import app
from iec_nlp.corpus.mentions import bare_repeats, check_files
from iec_nlp.corpus.records import AnnotatedDocument

TEXT = (
    "Acme Corp. (Nasdaq: ACME) named Ann Lee President of Beta Lee Industries. "
    "Acme Corp. shipped Acme-branded units; ACME rose. Lee said the Acme Corp. Plan helps."
)


def _doc(spans: list[tuple[str, str, int]]) -> AnnotatedDocument:
    """A release of TEXT with the n-th occurrence of each surface annotated."""
    records = []
    for i, (surface, label, nth) in enumerate(spans):
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(surface, start + 1)
        records.append(
            {"id": i, "start": start, "end": start + len(surface), "label": label, "text": surface}
        )
    records.sort(key=lambda s: s["start"])
    for i, s in enumerate(records):
        s["id"] = i
    return AnnotatedDocument.from_dict(
        {"id": "r1", "text": TEXT, "meta": {}, "spans": records, "relations": []}
    )


def test_a_name_repeated_without_a_span_is_listed_at_its_offset():
    doc = _doc([("Acme Corp.", "ORG", 0), ("Ann Lee", "PERSON", 0), ("Acme Corp.", "ORG", 2)])
    second = TEXT.index("Acme Corp.", 1)
    assert bare_repeats(doc) == [(second, second + len("Acme Corp."), "ORG")]


def test_a_repeat_inside_another_span_or_another_word_is_not_listed():
    # "Lee" inside the ORG "Beta Lee Industries" is covered; "ACME" (ticker)
    # and "Acme-branded" are other strings; both "Acme Corp." repeats have spans.
    doc = _doc(
        [
            ("Acme Corp.", "ORG", 0),
            ("Ann Lee", "PERSON", 0),
            ("Beta Lee Industries", "ORG", 0),
            ("Lee", "PERSON", 2),
            ("Acme Corp.", "ORG", 1),
            ("Acme Corp.", "ORG", 2),
        ]
    )
    assert bare_repeats(doc) == []


def test_a_bare_longer_name_is_listed_once_not_with_the_shorter_one_inside_it():
    text = "Beta Industries and Gamma Beta Industries Ltd. merged. Gamma Beta Industries Ltd. grew."
    spans = [
        {"id": 0, "start": 0, "end": 15, "label": "ORG", "text": "Beta Industries"},
        {"id": 1, "start": 20, "end": 46, "label": "ORG", "text": "Gamma Beta Industries Ltd."},
    ]
    doc = AnnotatedDocument.from_dict(
        {"id": "r2", "text": text, "meta": {}, "spans": spans, "relations": []}
    )
    start = text.index("Gamma", 30)
    assert bare_repeats(doc) == [(start, start + 26, "ORG")]


def test_the_command_names_file_line_and_offset_and_keeps_going_past_a_bad_record(tmp_path):
    doc = _doc([("Acme Corp.", "ORG", 0)])
    path = tmp_path / "c.jsonl"
    path.write_text("{not json\n" + json.dumps(doc.to_dict()) + "\n", encoding="utf-8")
    listed = check_files([path])
    assert [(r.line, r.doc_id, r.label) for r in listed] == [(2, "r1", "ORG"), (2, "r1", "ORG")]
    result = CliRunner().invoke(app, ["corpus", "mentions", str(path)])
    assert result.exit_code == 0
    second = TEXT.index("Acme Corp.", 1)
    assert f"{path}:2: r1: offset {second}-{second + 10}: ORG" in result.output
    assert "2 bare repeat(s) of annotated names in 1 record(s)" in result.output


def test_the_committed_corpus_has_no_bare_repeat_of_a_segment_it_names():
    # The sweep of the thirty-third step: Caterpillar's segments were ORG in
    # its text and some of its tables and bare in others; all are now spans.
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "annotations"
    listed = check_files([corpus / "caterpillar_2022-04-28_q1-2022-results.jsonl"])
    assert listed == []
