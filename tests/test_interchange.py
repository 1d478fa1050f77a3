"""Round trips through Prodigy, doccano, Label Studio and brat, and bad-record reporting."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from iec_nlp.corpus import AnnotatedDocument, ReadResult, read_jsonl, validate_document
from iec_nlp.corpus.interchange import FORMATS, convert, export_documents, import_documents
from iec_nlp.corpus.records import RelationAnnotation, SpanAnnotation

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpora" / "annotations"
FOREIGN_FORMATS = ("prodigy", "doccano", "labelstudio", "brat")


@pytest.fixture(scope="module")
def corpus() -> list[AnnotatedDocument]:
    files = sorted(CORPUS_DIR.glob("*.jsonl"))
    docs = []
    for path in files:
        result = read_jsonl(path)
        assert result.ok, [str(p) for p in result.problems]
        docs.extend(result.documents)
    assert len(docs) == len(files) > 0  # one release per file
    return docs


def _target(tmp_path: Path, fmt: str) -> Path:
    """Where a format is written: brat takes a directory, the others one file."""
    return tmp_path / ("brat" if fmt == "brat" else f"corpus.{fmt}.json")


def _essence(doc: AnnotatedDocument) -> dict[str, Any]:
    """What a round trip must keep; relations by span offsets so renumbering can't hide a swap."""
    spans = doc.span_by_id()
    return {
        "text": doc.text,
        "meta": doc.meta,
        "spans": sorted((s.start, s.end, s.label, s.text) for s in doc.spans),
        "relations": [
            (
                (spans[r.head].start, spans[r.head].end),
                (spans[r.child].start, spans[r.child].end),
                r.label,
            )
            for r in doc.relations
        ],
    }


@pytest.mark.parametrize("fmt", FOREIGN_FORMATS)
def test_round_trip_of_the_real_corpus_is_exact(
    corpus: list[AnnotatedDocument], fmt: str, tmp_path: Path
) -> None:
    target = _target(tmp_path, fmt)
    export_documents(corpus, fmt, target)
    result = import_documents(target, fmt)

    assert result.problems == []
    imported = {d.id: d for d in result.documents}
    assert len(imported) == len(result.documents)
    assert set(imported) == {d.id for d in corpus}
    for original in corpus:
        back = imported[original.id]
        assert _essence(back) == _essence(original), original.id
        ordered = sorted(back.spans, key=lambda s: s.start)
        assert [s.id for s in ordered] == list(range(len(back.spans)))


def test_corpus_has_multiline_spans_that_brat_writes_as_fragments(
    corpus: list[AnnotatedDocument], tmp_path: Path
) -> None:
    multiline = [(d, s) for d in corpus for s in d.spans if "\n" in s.text]
    assert multiline, "the corpus should exercise discontinuous brat fragments"
    export_documents(corpus, "brat", tmp_path)

    doc, span = multiline[0]
    assert (tmp_path / f"{doc.id}.txt").read_bytes() == doc.text.encode("utf-8")
    ann_lines = (tmp_path / f"{doc.id}.ann").read_text(encoding="utf-8").splitlines()
    columns = [line.split("\t") for line in ann_lines if line.startswith("T")]
    (offsets, surface), *others = [
        (label_offsets.split(" ", 1)[1], surface)
        for _, label_offsets, surface in columns
        if label_offsets.split(" ")[1] == str(span.start)
    ]
    assert others == []
    fragments = [tuple(map(int, pair.split())) for pair in offsets.split(";")]
    assert len(fragments) > 1
    assert (fragments[0][0], fragments[-1][1]) == (span.start, span.end)
    assert all("\n" not in doc.text[start:end] for start, end in fragments)
    assert surface == re.sub(r"\n+", " ", span.text)
    assert json.loads((tmp_path / f"{doc.id}.meta.json").read_text()) == doc.meta
    assert "[relations]" in (tmp_path / "annotation.conf").read_text()


def test_prodigy_token_indices_match_the_spans(
    corpus: list[AnnotatedDocument], tmp_path: Path
) -> None:
    target = tmp_path / "prodigy.jsonl"
    export_documents(corpus[:5], "prodigy", target)
    for line in target.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        tokens = task["tokens"]
        for span in task["spans"]:
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]
        for rel in task["relations"]:
            assert rel["head"] == rel["head_span"]["token_end"]
            assert rel["child"] == rel["child_span"]["token_end"]
        assert "id" in task["meta"] and "_input_hash" not in task


# ------------------------------------------------------------- bad records


def _good_document() -> AnnotatedDocument:
    text = "Jane Doe, CEO of Acme Corp., said revenue was $5\nmillion.\n"
    spans = [
        SpanAnnotation(0, 0, 8, "PERSON", "Jane Doe"),
        SpanAnnotation(1, 10, 13, "ROLE", "CEO"),
        SpanAnnotation(2, 17, 27, "ORG", "Acme Corp."),
        SpanAnnotation(3, 34, 41, "METRIC", "revenue"),
        SpanAnnotation(4, 46, 56, "MONEY", "$5\nmillion"),
    ]
    relations = [
        RelationAnnotation(0, 1, "HAS_ROLE"),
        RelationAnnotation(1, 2, "ROLE_AT"),
        RelationAnnotation(4, 3, "VALUE_OF"),
    ]
    doc = AnnotatedDocument("good-release", text, {"company": "Acme"}, spans, relations)
    assert validate_document(doc) == []
    return doc


def _assert_only_good_loaded(result: ReadResult, bad_path: Path, line: int, message: str) -> None:
    assert [d.id for d in result.documents] == ["good-release"]
    assert _essence(result.documents[0]) == _essence(_good_document())
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    problem = result.problems[0]
    assert (Path(problem.path), problem.line) == (bad_path, line)
    assert message in problem.message
    assert str(problem).startswith(f"{bad_path}:{line}: ")


def _append_line(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ('{"text": "truncated', "invalid JSON"),
        (json.dumps({"meta": {"id": "bad"}, "spans": [], "relations": []}), "missing 'text'"),
        (
            json.dumps(
                {
                    "text": "Acme and Bolt",
                    "meta": {"id": "bad"},
                    "spans": [{"start": 0, "end": 4, "label": "ORG"}],
                    "relations": [
                        {
                            "head": 0,
                            "child": 2,
                            "label": "ROLE_AT",
                            "head_span": {"start": 0, "end": 4, "label": "ORG"},
                            "child_span": {"start": 9, "end": 13, "label": "ORG"},
                        }
                    ],
                }
            ),
            "which does not exist",
        ),
        (
            json.dumps(
                {
                    "text": "x",
                    "meta": {"id": "bad"},
                    "spans": [],
                    "relations": [],
                    "answer": "reject",
                }
            ),
            "only accepted tasks",
        ),
    ],
)
def test_prodigy_bad_record_is_reported_with_its_line(
    broken: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.jsonl"
    export_documents([_good_document()], "prodigy", path)
    _append_line(path, broken)
    _assert_only_good_loaded(import_documents(path, "prodigy"), path, 2, message)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("not json at all", "invalid JSON"),
        (json.dumps({"id": 9, "doc_id": "bad", "entities": [], "relations": []}), "missing 'text'"),
        (
            json.dumps(
                {
                    "id": 9,
                    "doc_id": "bad",
                    "text": "Acme",
                    "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 4}],
                    "relations": [{"id": 1, "from_id": 1, "to_id": 77, "type": "ROLE_AT"}],
                }
            ),
            "names span 77, which does not exist",
        ),
        (  # well-formed, but the schema has no such label: validate_document's job
            json.dumps(
                {
                    "id": 9,
                    "doc_id": "bad",
                    "text": "Acme",
                    "entities": [{"id": 1, "label": "COMPANY", "start_offset": 0, "end_offset": 4}],
                    "relations": [],
                }
            ),
            "unknown label 'COMPANY'",
        ),
    ],
)
def test_doccano_bad_record_is_reported_with_its_line(
    broken: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "doccano.jsonl"
    export_documents([_good_document()], "doccano", path)
    _append_line(path, broken)
    _assert_only_good_loaded(import_documents(path, "doccano"), path, 2, message)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ({"data": {"doc_id": "bad"}, "annotations": [{"result": []}]}, "missing 'text'"),
        (
            {
                "data": {"text": "Acme", "doc_id": "bad"},
                "annotations": [
                    {
                        "result": [
                            {
                                "id": "a",
                                "type": "labels",
                                "from_name": "label",
                                "to_name": "text",
                                "value": {"start": 0, "end": 4, "text": "Acme", "labels": ["ORG"]},
                            },
                            {
                                "from_id": "a",
                                "to_id": "zz",
                                "type": "relation",
                                "direction": "right",
                                "labels": ["ROLE_AT"],
                            },
                        ]
                    }
                ],
            },
            "names span 'zz', which does not exist",
        ),
        (
            {
                "data": {"text": "Acme", "doc_id": "bad"},
                "annotations": [
                    {
                        "result": [
                            {
                                "id": "a",
                                "type": "labels",
                                "from_name": "label",
                                "to_name": "text",
                                "value": {"start": 1, "end": 4, "text": "Acme", "labels": ["ORG"]},
                            },
                        ]
                    }
                ],
            },
            "region text 'Acme' but offsets 1:4",
        ),
    ],
)
def test_labelstudio_bad_task_is_reported_with_its_index(
    broken: dict[str, Any], message: str, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    export_documents([_good_document()], "labelstudio", path)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps([*tasks, broken]), encoding="utf-8")
    _assert_only_good_loaded(import_documents(path, "labelstudio"), path, 1, message)


def test_labelstudio_file_that_is_not_json_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text('[{"data": \n', encoding="utf-8")
    result = import_documents(path, "labelstudio")
    assert result.documents == []
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 2)]


@pytest.mark.parametrize(
    ("ann", "line", "message"),
    [
        ("T1\tORG 0 4\tAcme\nR1\tROLE_AT Arg1:T1 Arg2:T9\n", 2, "names T9, which is not defined"),
        ("T1\tORG 0 4\tAcme\n\nT2\tORG 9 to 13\tBolt\n", 3, "expected 'T<n>"),
        ("T1\tORG 0 4;9 13\tAcme Bolt\n", 1, "apart by more than whitespace"),
        ("T1\tORG 0 4\tAcme\nA1\tNegated T1\n", 2, "unsupported annotation 'A1'"),
    ],
)
def test_brat_bad_document_is_reported_with_its_ann_line(
    ann: str, line: int, message: str, tmp_path: Path
) -> None:
    export_documents([_good_document()], "brat", tmp_path)
    (tmp_path / "broken.txt").write_text("Acme and Bolt", encoding="utf-8")
    (tmp_path / "broken.ann").write_text(ann, encoding="utf-8")
    result = import_documents(tmp_path, "brat")
    _assert_only_good_loaded(result, tmp_path / "broken.ann", line, message)
    assert result.problems[0].doc_id == "broken"


def test_brat_without_meta_sidecar_reads_empty_meta(tmp_path: Path) -> None:
    export_documents([_good_document()], "brat", tmp_path)
    (tmp_path / "good-release.meta.json").unlink()
    (doc,) = import_documents(tmp_path, "brat").documents
    assert doc.meta == {}
    assert _essence(doc) == {**_essence(_good_document()), "meta": {}}


# --------------------------------------------------------------- the rest of the API


def test_import_renumbers_spans_in_start_order(tmp_path: Path) -> None:
    good = _good_document()
    export_documents([good], "doccano", tmp_path / "d.jsonl")
    record = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8"))
    # Shuffle the entities and give them ids that say nothing about order.
    for entity in record["entities"]:
        entity["id"] = 1000 - entity["id"]
    for relation in record["relations"]:
        relation["from_id"], relation["to_id"] = (
            1000 - relation["from_id"],
            1000 - relation["to_id"],
        )
    record["entities"].reverse()
    (tmp_path / "d.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")

    (doc,) = import_documents(tmp_path / "d.jsonl", "doccano").documents
    assert doc.to_dict() == good.to_dict()


def test_convert_writes_the_good_documents_and_returns_the_problems(tmp_path: Path) -> None:
    source = tmp_path / "native.jsonl"
    export_documents([_good_document()], "native", source)
    _append_line(source, '{"id": "broken"')
    result = convert(source, "native", tmp_path / "out", "brat")
    assert [p.line for p in result.problems] == [2]
    assert [d.id for d in result.documents] == ["good-release"]
    (back,) = import_documents(tmp_path / "out", "brat").documents
    assert back.to_dict() == _good_document().to_dict()


def test_unknown_format_names_the_allowed_ones(tmp_path: Path) -> None:
    for call in (
        lambda: export_documents([], "conll", tmp_path / "x"),
        lambda: import_documents(tmp_path / "x", "conll"),
        lambda: convert(tmp_path / "x", "native", tmp_path / "y", "conll"),
    ):
        with pytest.raises(ValueError, match="conll") as info:
            call()
        assert all(fmt in str(info.value) for fmt in FORMATS)


# --- exports of projects made from plain texts (no doc_id) ------------------------


def _without_ids(fmt: str, path: Path) -> None:
    """Strip the id our exports carry, as a project made from plain texts has none."""
    if fmt == "labelstudio":
        tasks = json.loads(path.read_text(encoding="utf-8"))
        for number, task in enumerate(tasks):
            del task["data"]["doc_id"]
            if number == 0:  # uploaded as a file: Label Studio keeps its name, prefixed
                task["file_upload"] = "0f3a9b2c-acme_2024-01-02_results.txt"
        path.write_text(json.dumps(tasks), encoding="utf-8")
        return
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for number, record in enumerate(records):
        if fmt == "doccano":
            del record["doc_id"]
            if number == 0:
                record["filename"] = "acme_2024-01-02_results.txt"
        else:
            del record["meta"]["id"]
            if number == 0:
                record["meta"]["file"] = "acme_2024-01-02_results.txt"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "prodigy"])
def test_exports_without_doc_id_import_with_ids_from_file_or_text(
    corpus: list[AnnotatedDocument], fmt: str, tmp_path: Path
) -> None:
    from iec_nlp.corpus.interchange import text_hash_id

    docs = corpus[:4]
    target = tmp_path / f"export.{fmt}.json"
    export_documents(docs, fmt, target)
    _without_ids(fmt, target)
    result = import_documents(target, fmt)
    assert result.problems == []
    ids = [d.id for d in result.documents]
    assert ids == ["acme_2024-01-02_results", *(text_hash_id(d.text) for d in docs[1:])]
    # Nothing lost: text, spans, relations and meta all come through (Prodigy's
    # meta also keeps the file name the id came from).
    for original, back in zip(docs, result.documents):
        back.meta.pop("file", None)
        assert _essence(back) == _essence(original)
    # The same export gives the same ids again.
    assert [d.id for d in import_documents(target, fmt).documents] == ids


def test_same_derived_id_twice_keeps_both_documents(tmp_path: Path) -> None:
    first = _good_document()
    second = AnnotatedDocument("other", "Acme Corp. announced.", {}, [], [])
    path = tmp_path / "tasks.json"
    export_documents([first, second], "labelstudio", path)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    for task in tasks:
        del task["data"]["doc_id"]
        task["file_upload"] = "1234abcd-release.txt"  # one name uploaded twice
    path.write_text(json.dumps(tasks), encoding="utf-8")
    result = import_documents(path, "labelstudio")
    assert result.problems == []
    assert [d.id for d in result.documents][0] == "release"
    assert result.documents[1].id.startswith("release-") and len(result.documents) == 2


def test_labelstudio_plain_text_task_keeps_its_other_data_fields(tmp_path: Path) -> None:
    task = {
        "id": 17,
        "data": {"text": "Acme Corp. announced.", "source_url": "https://example.com/r.htm"},
        "annotations": [
            {
                "result": [
                    {
                        "id": "x1",
                        "type": "labels",
                        "from_name": "label",
                        "to_name": "text",
                        "value": {"start": 0, "end": 10, "text": "Acme Corp.", "labels": ["ORG"]},
                    }
                ]
            }
        ],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    (doc,) = import_documents(path, "labelstudio").documents
    assert doc.meta == {"source_url": "https://example.com/r.htm"}
    assert [(s.start, s.end, s.label) for s in doc.spans] == [(0, 10, "ORG")]


def test_doccano_sequence_labeling_export_imports_its_spans(tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    record = {"id": 3, "text": "Acme Corp. announced.", "label": [[0, 10, "ORG"]], "Comments": []}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = import_documents(path, "doccano").documents
    assert doc.id.startswith("text-")
    assert [(s.start, s.end, s.label, s.text) for s in doc.spans] == [(0, 10, "ORG", "Acme Corp.")]
