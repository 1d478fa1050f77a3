"""Batch runs of `iec-nlp extract`: inputs, records, tidy outputs, long runs.

Workloads are a few short corpus releases and the real EDGAR submissions in
tests/data/filings, so the whole module runs in about a minute.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from iec_nlp import batch
from iec_nlp.batch import InProcessExecutor, discover, run_batch
from iec_nlp.batch_output import CsvWriter, JsonlWriter, JsonWriter, ParquetWriter, open_writer
from iec_nlp.cli import app
from iec_nlp.filings import read_documents, record_text

ROOT = Path(__file__).resolve().parent.parent
RELEASES = sorted((ROOT / "corpora" / "releases").glob("*.txt"))
FILINGS = Path(__file__).resolve().parent / "data" / "filings"
IEC_NLP = Path(sys.executable).with_name("iec-nlp")
runner = CliRunner()


@pytest.fixture(scope="module")
def model_args():
    model = os.environ.get("IEC_NLP_TEST_MODEL")
    return ["--model", model] if model else []


def copy_releases(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for source in RELEASES[start : start + count]:
        copies.append(folder / source.name)
        shutil.copy(source, copies[-1])
    return copies


def invoke(*args: str):
    result = runner.invoke(app, ["extract", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def canonical(records: list[dict]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in records)


# --- inputs ------------------------------------------------------------------


def test_inputs_are_files_folders_globs_and_stdin(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in (
        "a/one.txt",
        "a/deep/two.htm",
        "a/deep/three.txt.gz",
        "a/notes.md",
        "a/.hidden.txt",
        "b.html",
    ):
        (tmp_path / name).write_text("x")
    found, ignored = discover(
        [
            str(tmp_path / "a"),
            str(tmp_path / "*.html"),
            "-",
            str(tmp_path / "nope.txt"),
            str(tmp_path / "*.xml"),
        ]
    )
    names = [Path(i.name).relative_to(tmp_path).as_posix() if i.path else i.name for i in found]
    assert names == [
        "a/deep/three.txt.gz",
        "a/deep/two.htm",
        "a/one.txt",
        "b.html",
        "-",
        str(tmp_path / "nope.txt"),
        str(tmp_path / "*.xml"),
    ]
    assert [i.problem for i in found[-2:]] == [
        "no such file or folder",
        "no file matches this pattern",
    ]
    assert ignored == 2  # notes.md and the hidden file


def test_a_folder_with_a_corrupt_file_in_the_middle(tmp_path, model_args):
    inbox = tmp_path / "inbox"
    first, last = copy_releases(inbox, 2)
    first.rename(inbox / f"01-{first.name}")
    last.rename(inbox / f"06-{last.name}")
    whole = gzip.compress(RELEASES[5].read_bytes())
    (inbox / "02-corrupt.txt.gz").write_bytes(whole[: len(whole) // 2])
    (inbox / "03-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    shutil.copy(FILINGS / "sears_0000891092-04-003383.txt.gz", inbox / "04-sears.txt.gz")
    (inbox / "05-release.htm").write_text(
        "<html><body><p>ACME Corp. named Jane Roe Chief Financial Officer.</p>"
        "<table><tr><td>Net sales</td><td>$51,204</td></tr></table></body></html>",
        encoding="utf-8",
    )
    (inbox / "readme.md").write_text("not an input")
    out = tmp_path / "out.jsonl"
    result = invoke(str(inbox), "--output", str(out), "--format", "jsonl", *model_args)
    assert result.exit_code == 1, result.output
    records = read_jsonl(out)
    by_source = {}
    for record in records:
        by_source.setdefault(Path(record["source"]).name, []).append(record)
    assert sorted(by_source) == [
        "01-" + RELEASES[0].name,
        "02-corrupt.txt.gz",
        "03-image.txt",
        "04-sears.txt.gz",
        "05-release.htm",
        "06-" + RELEASES[1].name,
    ]
    assert by_source["02-corrupt.txt.gz"][0]["error"].startswith(
        "UnreadableInputError: corrupt gzip"
    )
    assert "binary" in by_source["03-image.txt"][0]["error"]
    assert [r["document"]["type"] for r in by_source["04-sears.txt.gz"]] == ["8-K", "EX-99"]
    good = [r for r in records if r["error"] is None]
    assert len(good) == 5 and all(r["entities"] for r in good)
    html = by_source["05-release.htm"][0]
    assert html["markup"] == "html"
    assert not [e for e in html["entities"] if "sales" in e["text"] and "$" in e["text"]]
    # Every record carries every field of Extraction.to_dict(), also a failed one.
    assert (
        set(records[1])
        == set(good[0])
        >= {
            "source",
            "document",
            "entities",
            "relations",
            "issuer",
            "people",
            "customers",
            "figures",
            "error",
        }
    )
    assert "2 failed" in result.stderr and "1 file(s) in folders left alone" in result.stderr
    assert "words/s" in result.stderr and "failed: " in result.stderr


def test_every_entity_text_is_recovered_from_the_file_crlf_included(tmp_path, model_args):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # An old-style release: CRLF line ends, cp1252 curly quotes.
    release = next(
        t
        for t in (p.read_text(encoding="utf-8") for p in RELEASES)
        if "\u2019" in t and len(t) < 4000
    )
    (inbox / "crlf-release.txt").write_bytes(
        release.replace("\n", "\r\n").encode("cp1252", "replace")
    )
    sears = gzip.decompress((FILINGS / "sears_0000891092-04-003383.txt.gz").read_bytes())
    (inbox / "crlf-sears.txt").write_bytes(sears.replace(b"\n", b"\r\n"))
    shutil.copy(FILINGS / "oracle_0001193125-19-191922.txt.gz", inbox / "oracle.txt.gz")
    out = tmp_path / "out.jsonl"
    result = invoke(str(inbox), "-o", str(out), *model_args)
    assert result.exit_code == 0, result.output
    records = read_jsonl(out)
    assert len(records) == 5
    for record in records:
        assert record["entities"]
        if record["markup"] == "text":
            # Text documents: offsets index the file as stored, decoded with
            # the recorded encoding, line endings untouched.
            with open(record["source"], encoding=record["encoding"], newline="") as f:
                stored = f.read()
            assert "\r\n" in stored
            for e in record["entities"]:
                assert (
                    stored[record["offset"] + e["start"] : record["offset"] + e["end"]] == e["text"]
                )
        else:
            text = record_text(record)
            (document,) = [
                d for d in read_documents(record["source"]) if d.id == record["document"]["id"]
            ]
            raw = gzip.decompress(Path(record["source"]).read_bytes()).decode(record["encoding"])
            for e in record["entities"]:
                assert text[e["start"] : e["end"]] == e["text"]
                start, end = document.source_span(e["start"], e["end"])
                assert raw[start:end].split()[0].startswith(e["text"].split()[0][:3])
    plain = next(r for r in records if r["source"].endswith("crlf-release.txt"))
    assert plain["document"] is None and plain["offset"] == 0 and plain["encoding"] == "cp1252"


def test_stdin_takes_a_submission(model_args):
    data = (FILINGS / "rock-of-ages_0000084581-00-500009.txt.gz").read_bytes()
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl", *model_args], input=data)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["document"]["type"]) for r in records] == [("-", "8-K"), ("-", "EX-99")]
    assert any(p["name"].endswith("Swenson") for r in records for p in r["people"])


# --- outputs -----------------------------------------------------------------


def test_csv_and_parquet_are_tidy_tables_keyed_by_source_and_document(tmp_path, model_args):
    inbox = tmp_path / "inbox"
    copy_releases(inbox, 2, start=40)
    shutil.copy(FILINGS / "southern-co_0000092122-07-000008.txt.gz", inbox / "southern.txt.gz")
    assert invoke(str(inbox), "-o", str(tmp_path / "out.jsonl"), *model_args).exit_code == 0
    records = read_jsonl(tmp_path / "out.jsonl")
    assert len(records) == 9
    assert (
        invoke(str(inbox), "-o", str(tmp_path / "csv"), "--format", "csv", *model_args).exit_code
        == 0
    )
    assert invoke(str(inbox), "-o", str(tmp_path / "out.parquet"), *model_args).exit_code == 0

    expected = {
        "documents": len(records),
        "entities": sum(len(r["entities"]) for r in records),
        "relations": sum(len(r["relations"]) for r in records),
        "figures": sum(len(r["figures"]) for r in records),
        "people": sum(max(1, len(p["roles"])) for r in records for p in r["people"]),
        "customers": sum(len(r["customers"]) for r in records),
    }
    assert expected["figures"] and expected["relations"] and expected["people"]
    keys = {batch.record_key(r) for r in records}
    for table, count in expected.items():
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == count, table
        assert {(row["source"], row["document"]) for row in rows} <= keys
        parquet = pq.read_table(tmp_path / "out.parquet" / table)
        assert parquet.num_rows == count, table
        assert parquet.column_names == list(rows[0]) if rows else True
    entities = pq.read_table(tmp_path / "out.parquet" / "entities").to_pylist()
    assert {(e["source"], e["document"]) for e in entities} == {
        batch.record_key(r) for r in records if r["entities"]
    }
    first = records[0]
    assert [
        (e["start"], e["end"], e["label"], e["text"])
        for e in entities
        if (e["source"], e["document"]) == batch.record_key(first)
    ] == [(e["start"], e["end"], e["label"], e["text"]) for e in first["entities"]]
    relations = pq.read_table(tmp_path / "out.parquet" / "relations").to_pylist()
    by_key = {batch.record_key(r): r for r in records}
    for relation in relations:
        record = by_key[(relation["source"], relation["document"])]
        assert relation["head_text"] == record["entities"][relation["head"]]["text"]
    documents = pq.read_table(tmp_path / "out.parquet" / "documents").to_pylist()
    southern = [d for d in documents if d["company"] == "SOUTHERN CO"]
    assert sorted(d["type"] for d in southern) == ["8-K"] + [f"EX-99.0{n}" for n in range(1, 7)]
    assert {d["accession_number"] for d in southern} == {"0000092122-07-000008"}


def test_an_existing_output_needs_resume_or_overwrite(tmp_path, model_args):
    copy_releases(tmp_path / "in", 1)
    out = tmp_path / "out.json"
    assert invoke(str(tmp_path / "in"), "-o", str(out), *model_args).exit_code == 0
    result = invoke(str(tmp_path / "in"), "-o", str(out), *model_args)
    assert result.exit_code == 2 and "--resume" in result.output and "--overwrite" in result.output
    assert invoke(str(tmp_path / "in"), "-o", str(out), "--overwrite", *model_args).exit_code == 0
    assert len(json.loads(out.read_text())) == 1


# --- long runs ---------------------------------------------------------------


class StopAfter(InProcessExecutor):
    """Stops a run after `batches` batches: by a real SIGINT (the first Ctrl-C)
    or by a KeyboardInterrupt in the middle of the next batch (the second)."""

    def __init__(self, batches: int, how: str) -> None:
        super().__init__(os.environ.get("IEC_NLP_TEST_MODEL"), batch_size=2)
        self.batches = batches
        self.how = how

    def run(self, batches):
        for count, (batch_, outcomes) in enumerate(super().run(batches), 1):
            if count > self.batches and self.how == "keyboard-interrupt":
                raise KeyboardInterrupt
            yield batch_, outcomes
            if count == self.batches and self.how == "sigint":
                os.kill(os.getpid(), signal.SIGINT)


def valid_records(output: Path, output_format: str) -> list[dict] | dict[str, list[dict]]:
    """What an output holds, read as a user would; fails if it is not valid."""
    if output_format == "jsonl":
        return read_jsonl(output)
    if output_format == "json":
        return json.loads(output.read_text(encoding="utf-8"))
    if output_format == "csv":
        tables = {}
        for path in sorted(output.glob("*.csv")):
            with open(path, encoding="utf-8", newline="") as f:
                tables[path.stem] = sorted(
                    csv.DictReader(f), key=lambda row: json.dumps(row, sort_keys=True)
                )
        committed = {(d["source"], d["document"]) for d in tables["documents"]}
        for rows in tables.values():
            assert {(r["source"], r["document"]) for r in rows} <= committed
        return tables
    return {
        path.name: sorted(
            pq.read_table(path).to_pylist(),
            key=lambda row: json.dumps(row, sort_keys=True, default=str),
        )
        for path in sorted(output.iterdir())
    }


@pytest.mark.parametrize(
    ("output_format", "how"),
    [
        ("jsonl", "sigint"),
        ("json", "keyboard-interrupt"),
        ("csv", "sigint"),
        ("parquet", "keyboard-interrupt"),
    ],
)
def test_resume_after_an_interrupted_run(tmp_path, model_args, output_format, how):
    copy_releases(tmp_path / "in", 5, start=10)
    suffix = {"jsonl": ".jsonl", "json": ".json", "csv": "", "parquet": ""}[output_format]
    whole, part = tmp_path / f"whole{suffix}", tmp_path / f"part{suffix}"
    args = ["--format", output_format, "--batch-size", "2", *model_args]
    assert invoke(str(tmp_path / "in"), "-o", str(whole), *args).exit_code == 0

    writer = open_writer(part, output_format)
    summary = run_batch([str(tmp_path / "in")], writer, StopAfter(1, how), batch_size=2)
    assert summary.interrupted and summary.exit_code == 130
    # What Ctrl-C leaves is valid and holds the finished documents only.
    interrupted = valid_records(part, output_format)
    if output_format in ("jsonl", "json"):
        assert len(interrupted) == 2
    else:
        assert len(interrupted["documents"]) == 2

    result = invoke(str(tmp_path / "in"), "-o", str(part), "--resume", *args)
    assert result.exit_code == 0, result.output
    assert "2 already in the output" in result.stderr
    resumed, complete = valid_records(part, output_format), valid_records(whole, output_format)
    if output_format in ("jsonl", "json"):
        assert canonical(resumed) == canonical(complete)
    else:
        assert resumed == complete


def test_ctrl_c_in_a_terminal_run_leaves_a_valid_file_and_resume_finishes_it(tmp_path, model_args):
    copy_releases(tmp_path / "in", 24)
    out = tmp_path / "out.jsonl"
    command = [
        str(IEC_NLP),
        "extract",
        str(tmp_path / "in"),
        "-o",
        str(out),
        "--batch-size",
        "1",
        *model_args,
    ]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 2):
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: to the whole process group
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "--resume" in stderr
    done = read_jsonl(out)
    assert 2 <= len(done) < 24
    result = invoke(str(tmp_path / "in"), "-o", str(out), "--resume", *model_args)
    assert result.exit_code == 0, result.output
    records = read_jsonl(out)
    assert len(records) == 24 and len({r["source"] for r in records}) == 24


def test_outputs_cut_short_by_a_killed_process_are_repaired_on_resume(tmp_path):
    def record(name: str) -> dict:
        return {"source": name, "document": None, **batch.empty_extraction(), "error": None}

    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(
        json.dumps(record("a")) + "\n" + json.dumps(record("b"))[:20], encoding="utf-8"
    )
    writer = JsonlWriter(jsonl, resume=True)
    assert writer.existing_keys() == {("a", "")}
    writer.write(record("c"))
    writer.close()
    assert [r["source"] for r in read_jsonl(jsonl)] == ["a", "c"]

    array = tmp_path / "out.json"
    array.write_text(
        "[\n" + json.dumps(record("a")) + ",\n" + json.dumps(record("b"))[:15], encoding="utf-8"
    )
    writer = JsonWriter(array, resume=True)
    assert writer.existing_keys() == {("a", "")}
    writer.write(record("c"))
    writer.close()
    assert [r["source"] for r in json.loads(array.read_text())] == ["a", "c"]

    tables = tmp_path / "csv"
    writer = CsvWriter(tables)
    writer.write({**record("a"), "entities": [{"start": 0, "end": 1, "label": "ORG", "text": "A"}]})
    writer.close()
    with open(tables / "entities.csv", "a", encoding="utf-8", newline="") as f:
        f.write("b,,0,0,1,ORG,B\r\n")  # rows of a document whose documents row never came
    writer = CsvWriter(tables, resume=True)
    assert writer.existing_keys() == {("a", "")}
    writer.close()
    assert (tables / "entities.csv").read_text().count("\n") == 2

    parquet = tmp_path / "parquet"
    writer = ParquetWriter(parquet)
    writer.write(record("a"))
    writer.close()
    (parquet / "entities" / "part-00001.parquet").write_bytes(b"PAR1 cut short")
    writer = ParquetWriter(parquet, resume=True)
    assert writer.existing_keys() == {("a", "")}
    assert not (parquet / "entities" / "part-00001.parquet").exists()
    writer.write(record("b"))
    writer.close()
    assert sorted(pq.read_table(parquet / "documents").column("source").to_pylist()) == ["a", "b"]


def test_results_stream_to_the_output_as_they_are_made(tmp_path):
    copy_releases(tmp_path / "in", 4, start=20)
    out = tmp_path / "out.jsonl"
    seen = []

    class Watching(InProcessExecutor):
        def run(self, batches):
            for batch_, outcomes in super().run(batches):
                yield batch_, outcomes
                # Back here, the main loop has written this batch: it is on disk.
                seen.append(len(out.read_text().splitlines()))

    summary = run_batch(
        [str(tmp_path / "in")],
        open_writer(out, "jsonl"),
        Watching(os.environ.get("IEC_NLP_TEST_MODEL"), 1),
        batch_size=1,
    )
    assert summary.exit_code == 0
    assert seen == [1, 2, 3, 4]


def test_a_document_that_fails_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch, model_args):
    import iec_nlp.pipeline

    real_many, real_one = iec_nlp.pipeline.extract_many, iec_nlp.pipeline.extract

    def fragile_many(texts, **kwargs):
        for text in texts:
            if "EXPLODE" in text:
                raise RuntimeError("the pipeline broke on this text")
        return real_many(texts, **kwargs)

    def fragile_one(text, **kwargs):
        if "EXPLODE" in text:
            raise RuntimeError("the pipeline broke on this text")
        return real_one(text, **kwargs)

    monkeypatch.setattr(iec_nlp.pipeline, "extract_many", fragile_many)
    monkeypatch.setattr(iec_nlp.pipeline, "extract", fragile_one)
    inbox = tmp_path / "in"
    copy_releases(inbox, 2, start=30)
    (inbox / "b-explode.txt").write_text("ACME Corp. EXPLODE", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke(str(inbox), "-o", str(out), "--batch-size", "3", *model_args)
    assert result.exit_code == 1
    records = {Path(r["source"]).name: r for r in read_jsonl(out)}
    assert records["b-explode.txt"]["error"] == "RuntimeError: the pipeline broke on this text"
    assert all(
        r["entities"] and r["error"] is None
        for name, r in records.items()
        if name != "b-explode.txt"
    )


def test_progress_on_a_terminal_and_quiet(tmp_path, model_args):
    stream = StringIO()
    copy_releases(tmp_path / "in", 2, start=50)
    run_batch(
        [str(tmp_path / "in")],
        open_writer(tmp_path / "o.jsonl", "jsonl"),
        InProcessExecutor(os.environ.get("IEC_NLP_TEST_MODEL")),
        progress=stream,
    )
    line = stream.getvalue().strip().split("\r")[-1]
    assert "2/2 files, 2 documents" in line and "documents/s" in line and "ETA 00:00:00" in line
    # The CLI draws it when standard error is a terminal, and not with --quiet.
    leader, follower = pty.openpty()
    process = subprocess.run(
        [
            str(IEC_NLP),
            "extract",
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "tty.jsonl"),
            *model_args,
        ],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.returncode == 0
    assert b"\r[" in shown and b"ETA" in shown and b"words/s" in shown
    result = invoke(
        str(tmp_path / "in"), "-o", str(tmp_path / "quiet.jsonl"), "--quiet", *model_args
    )
    assert result.exit_code == 0 and result.stderr == ""


def test_two_local_processes_give_the_single_process_records(tmp_path, model_args):
    inbox = tmp_path / "in"
    copy_releases(inbox, 3, start=60)
    shutil.copy(FILINGS / "oracle_0001193125-19-191922.txt.gz", inbox)
    assert invoke(str(inbox), "-o", str(tmp_path / "one.jsonl"), *model_args).exit_code == 0
    result = invoke(
        str(inbox),
        "-o",
        str(tmp_path / "two.jsonl"),
        "--processes",
        "2",
        "--batch-size",
        "2",
        *model_args,
    )
    assert result.exit_code == 0, result.output
    one, two = read_jsonl(tmp_path / "one.jsonl"), read_jsonl(tmp_path / "two.jsonl")
    # Local processes keep the input order.
    assert len(one) == 5 and one == two


def test_fields_that_extractions_gain_later_reach_every_output(tmp_path):
    # Extraction.to_dict() grows; outputs carry what it gives without being told.
    base = {"source": "a.txt", "document": None, **batch.empty_extraction(), "error": None}
    figure = {
        "entity": 0,
        "text": "$1",
        "value": 1.0,
        "currency": "USD",
        "per_share": False,
        "metric": None,
    }
    later = {
        **base,
        "source": "b.txt",
        "figures": [{**figure, "growth": True}],
        "events": [{"kind": "merger", "date": "2004-01-02"}],
        "sentiment": 0.5,
    }
    writer = ParquetWriter(tmp_path / "parquet", flush_documents=1)
    writer.write(base)
    writer.write(later)
    writer.close()
    figures = pq.read_table(tmp_path / "parquet" / "figures")
    assert figures.column("growth").to_pylist() == ["true"]  # as JSON text
    documents = pq.read_table(tmp_path / "parquet" / "documents").to_pylist()
    assert [d["sentiment"] for d in sorted(documents, key=lambda d: d["source"])] == [None, "0.5"]
    assert pq.read_table(tmp_path / "parquet" / "events").to_pylist()[0]["kind"] == "merger"
    writer = CsvWriter(tmp_path / "csv")
    writer.write(later)
    writer.close()
    with open(tmp_path / "csv" / "figures.csv", encoding="utf-8", newline="") as f:
        assert next(csv.DictReader(f))["growth"] == "True"
    assert (tmp_path / "csv" / "events.csv").exists()
