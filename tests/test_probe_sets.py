"""The probe sets under tests/data: invented releases annotated per SCHEMA.md.

Each was written and annotated before any model ran on it (README,
"Probe sets"); scored with `iec-nlp evaluate --corpus tests/data/NAME
--split test`. Here: every record passes the validator, the split lists
exactly the set's releases, and the annotations are what
`tests/data/build_probes.py` builds from the set's marked-up sources.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

import pytest

from iec_nlp.corpus.validate import validate_files

DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def _build_probes():
    """`tests/data/build_probes.py`, a script beside the data, as a module."""
    spec = importlib.util.spec_from_file_location("build_probes", DATA / "build_probes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PROBE_SETS = sorted(p for p in DATA.glob("*probes*") if (p / "annotations").is_dir())


def test_there_are_probe_sets():
    assert {"role_probes", "customer_probes"} <= {p.name for p in PROBE_SETS}


@pytest.mark.parametrize("probe_set", PROBE_SETS, ids=lambda p: p.name)
def test_a_probe_set_is_valid_and_its_split_lists_its_releases(probe_set):
    files = sorted((probe_set / "annotations").glob("*.jsonl"))
    good, problems = validate_files(files)
    assert problems == [] and good == len(files) > 0
    split = json.loads((probe_set / "splits.json").read_text())
    assert sorted(split["test"]) == [f.stem for f in files]
    assert split["train"] == split["dev"] == []


@pytest.mark.parametrize("probe_set", PROBE_SETS, ids=lambda p: p.name)
def test_a_probe_sets_annotations_are_built_from_its_sources(probe_set, tmp_path):
    _build_probes().build(probe_set, tmp_path)
    for built in sorted((tmp_path / "annotations").glob("*.jsonl")):
        assert built.read_text(encoding="utf-8") == (
            probe_set / "annotations" / built.name
        ).read_text(encoding="utf-8")
    assert len(list((tmp_path / "annotations").iterdir())) == len(
        list((probe_set / "annotations").iterdir())
    )


# The held-out gold of real filing documents (tests/data/filings_gold/README.md).
FILINGS_GOLD = DATA / "filings_gold"
_FILING_OF = {
    "atrinsic": "atrinsic_0001144204-16-096273.txt.gz",
    "caterpillar": "caterpillar_0000018230-22-000107.txt.gz",
    "oracle": "oracle_0001193125-19-191922.txt.gz",
    "rock-of-ages": "rock-of-ages_0000084581-00-500009.txt.gz",
    "sears-roebuck": "sears_0000891092-04-003383.txt.gz",
    "southern-company": "southern-co_0000092122-07-000008.txt.gz",
}


def test_the_filings_gold_is_valid_and_built_from_its_sources(tmp_path):
    test_a_probe_set_is_valid_and_its_split_lists_its_releases(FILINGS_GOLD)
    test_a_probe_sets_annotations_are_built_from_its_sources(FILINGS_GOLD, tmp_path)
    good, problems = validate_files(sorted((FILINGS_GOLD / "second_pass").glob("*.jsonl")))
    assert problems == [] and good == 4


def test_the_filings_gold_texts_are_the_documents_as_read_from_the_filings():
    from iec_nlp.filings import read_documents

    records = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((FILINGS_GOLD / "annotations").glob("*.jsonl"))
    ]
    assert len(records) == 14
    for record in records:
        company, _, tag = record["id"].split("_")
        documents = read_documents(DATA / "filings" / _FILING_OF[company])
        document = documents[0 if tag == "8k" else int(tag.removeprefix("ex"))]
        assert record["text"] == document.text.strip("\n") + "\n", record["id"]
