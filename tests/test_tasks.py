"""From raw releases of one's own to a retrained model (issue 18):

raw .txt -> `corpus tasks --pre-annotate` -> (simulated) Label Studio export
of a project made from plain texts, without doc_id -> `corpus convert` ->
`train --base default --output X` -> `evaluate`, on 5 releases, with the
warnings a tiny corpus must give; and the parts of that path on their own.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iec_nlp.cli import app
from iec_nlp.corpus.interchange import _labelstudio_task, text_hash_id
from iec_nlp.corpus.records import read_jsonl
from iec_nlp.corpus.splits import split_documents
from iec_nlp.training import MIN_STEPS, REFERENCE_PASSES, TrainingError, plan_splits, scaled_steps

ROOT = Path(__file__).resolve().parent.parent
RELEASES = [
    "servisfirst-bancshares_2019-01-22_q4-2018-results",
    "mynaric_2022-06-14_northrop-grumman-sole-supplier",
    "rli-corp_2020-01-22_q4-2019-results",
    "celestica_2002-01-08_nec-strategic-outsourcing-relationship",
    "huntington-ingalls-industries_2023-05-08_army-research-lab-contract",
]
runner = CliRunner()


def _invoke(args: list[str]):
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _models_snapshot() -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in (ROOT / "models").rglob("*")}


def _simulated_labelstudio_export(tasks_path: Path) -> list[dict]:
    """What Label Studio exports for these tasks in a project made from the
    plain-text files: no doc_id, the uploaded file's name (with Label Studio's
    prefix) for all but one, and each task annotated: the pre-annotation
    accepted as it was where it is right, else corrected (to the gold)."""
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    export = []
    for number, task in enumerate(tasks):
        doc_id = task["data"].pop("doc_id")
        task["data"].pop("meta")
        gold = read_jsonl(ROOT / "corpora" / "annotations" / f"{doc_id}.jsonl").documents[0]
        accepted = number == 1
        result = (
            task["predictions"][0]["result"]
            if accepted
            else _labelstudio_task(gold)["annotations"][0]["result"]
        )
        exported = {
            "id": 100 + number,
            "data": task["data"],
            "annotations": [
                {"id": 500 + number, "completed_by": 1, "was_cancelled": False, "result": result}
            ],
            "predictions": task["predictions"],
        }
        if number != 4:
            exported["file_upload"] = f"{number:08x}-{doc_id}.txt"
        export.append(exported)
    return export


@pytest.fixture(scope="module")
def flow(tmp_path_factory):
    """The whole path, run once; the tests below check its parts."""
    tmp = tmp_path_factory.mktemp("flow")
    raw = tmp / "raw"
    raw.mkdir()
    for name in RELEASES:
        shutil.copy(ROOT / "corpora" / "releases" / f"{name}.txt", raw)
    models_before = _models_snapshot()
    # train's temporary work folder goes here, where no other run puts one
    scratch = tmp / "tmp"
    scratch.mkdir()
    saved_tempdir, tempfile.tempdir = tempfile.tempdir, str(scratch)

    tasks = _invoke(
        ["corpus", "tasks", raw, "--to", "labelstudio", "--pre-annotate", "-o", tmp / "tasks.json"]
    )
    export = tmp / "export.json"
    export.write_text(
        json.dumps(_simulated_labelstudio_export(tmp / "tasks.json")), encoding="utf-8"
    )
    corpus = tmp / "mine"
    (corpus / "annotations").mkdir(parents=True)
    convert = _invoke(
        [
            "corpus",
            "convert",
            export,
            corpus / "annotations" / "mine.jsonl",
            "--from",
            "labelstudio",
            "--to",
            "native",
        ]
    )
    model = tmp / "model"
    try:
        train = _invoke(
            ["train", "--corpus", corpus, "--base", "default", "--output", model, "--max-steps", 6]
        )
    finally:
        tempfile.tempdir = saved_tempdir
    evaluate = _invoke(["evaluate", "--model", model, "--corpus", corpus, "--split", "all"])
    return {
        "tmp": tmp,
        "tasks": tasks,
        "convert": convert,
        "train": train,
        "evaluate": evaluate,
        "corpus": corpus,
        "model": model,
        "models_before": models_before,
        "scratch": scratch,
    }


def test_tasks_are_written_pre_annotated_with_a_labeling_config(flow):
    assert flow["tasks"].exit_code == 0, flow["tasks"].output
    tasks = json.loads((flow["tmp"] / "tasks.json").read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == sorted(RELEASES)
    kinds = set()
    for task in tasks:
        text = task["data"]["text"]
        (prediction,) = task["predictions"]
        regions = [r for r in prediction["result"] if r["type"] == "labels"]
        assert regions
        assert all(
            text[r["value"]["start"] : r["value"]["end"]] == r["value"]["text"] for r in regions
        )
        kinds |= {r["type"] for r in prediction["result"]}
    assert kinds == {"labels", "relation"}
    config = (flow["tmp"] / "tasks.labeling-config.xml").read_text(encoding="utf-8")
    assert '<Label value="PERSON"/>' in config and '<Relation value="HAS_ROLE"/>' in config


def test_export_without_doc_id_converts_with_ids_from_file_names_and_text(flow):
    assert flow["convert"].exit_code == 0, flow["convert"].output
    documents = read_jsonl(flow["corpus"] / "annotations" / "mine.jsonl").documents
    texts = {
        name: (ROOT / "corpora" / "releases" / f"{name}.txt").read_text(encoding="utf-8")
        for name in RELEASES
    }
    unnamed = sorted(RELEASES)[4]
    assert sorted(d.id for d in documents) == sorted(
        [*(n for n in RELEASES if n != unnamed), text_hash_id(texts[unnamed])]
    )
    gold = read_jsonl(ROOT / "corpora" / "annotations" / f"{sorted(RELEASES)[0]}.jsonl").documents[
        0
    ]
    converted = next(d for d in documents if d.id == gold.id)
    assert [(s.start, s.end, s.label) for s in converted.spans] == [
        (s.start, s.end, s.label) for s in gold.spans
    ]
    assert len(converted.relations) == len(gold.relations)


def test_train_warns_about_tiny_splits_and_writes_only_its_output(flow):
    result = flow["train"]
    assert result.exit_code == 0, result.output
    grouped, _ = split_documents(flow["corpus"])
    sizes = {name: len(docs) for name, docs in grouped.items()}
    assert sum(sizes.values()) == 5
    log = result.stderr
    for split in ("dev", "test"):
        if sizes[split] == 0:
            assert f"WARNING: the {split} split is empty" in log
        elif sizes[split] < 3:
            assert f"WARNING: the {split} split has only {sizes[split]} release(s)" in log
    assert "starting from" in log and "training 6 steps" in log
    # every line once
    lines = [line for line in log.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), log
    meta = json.loads((flow["model"] / "meta.json").read_text())
    info = meta["iec_nlp"]
    assert info["split_sizes"] == sizes
    assert (
        info["base"]["corpus_hash"]
        == json.loads((ROOT / "models" / "iec_cnn" / "meta.json").read_text())["iec_nlp"][
            "corpus_hash"
        ]
    )
    assert info["warnings"]
    # models/ untouched, no work folder left behind
    assert _models_snapshot() == flow["models_before"]
    assert f"{flow['scratch']}/iec-nlp-train-" in result.stdout  # where spaCy saved the checkpoints
    assert list(flow["scratch"].iterdir()) == []
    assert not list(flow["tmp"].glob(".*work*"))


def test_evaluate_scores_the_new_model_and_an_empty_split_in_one_line(flow):
    assert flow["evaluate"].exit_code == 0, flow["evaluate"].output
    assert "relations" in flow["evaluate"].stdout.lower() and "micro" in flow["evaluate"].stdout
    grouped, _ = split_documents(flow["corpus"])
    empty = [name for name, docs in grouped.items() if not docs]
    assert empty, "these 5 releases leave one split empty"
    result = _invoke(
        ["evaluate", "--model", flow["model"], "--corpus", flow["corpus"], "--split", empty[0]]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
    assert f"the {empty[0]} split" in result.stderr and "empty" in result.stderr


def test_train_needs_an_output_and_never_defaults_into_models(tmp_path):
    before = _models_snapshot()
    result = runner.invoke(app, ["train", "--corpus", str(tmp_path)])
    assert result.exit_code != 0 and "--output" in result.output
    assert _models_snapshot() == before


def test_train_refuses_to_replace_a_folder_that_is_not_a_model(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine")
    result = runner.invoke(
        app, ["train", "--corpus", str(ROOT / "corpora"), "--output", str(tmp_path / "notes")]
    )
    assert result.exit_code == 1
    assert "not a model folder" in result.stderr
    assert (tmp_path / "notes" / "keep.txt").read_text() == "mine"


def test_split_plan_says_what_happens_instead():
    plan = plan_splits({"train": 3, "dev": 0, "test": 2}, refit=True)
    assert not plan.tune_on_dev and not plan.refit and plan.score_test
    assert any("dev split is empty" in w and "no refit" in w for w in plan.warnings)
    assert any("test split has only 2" in w for w in plan.warnings)
    plan = plan_splits({"train": 40, "dev": 11, "test": 14}, refit=True)
    assert plan.refit and plan.warnings == ()
    plan = plan_splits({"train": 4, "dev": 1, "test": 0}, refit=False)
    assert not plan.score_test and any("test split is empty" in w for w in plan.warnings)
    with pytest.raises(TrainingError, match="train split is empty"):
        plan_splits({"train": 0, "dev": 2, "test": 2}, refit=True)


def test_steps_scale_with_the_corpus_up_to_the_config(tmp_path):
    import spacy
    from spacy.tokens import Doc, DocBin

    config = spacy.util.load_config(ROOT / "training" / "iec_cnn.cfg")
    vocab = spacy.blank("en").vocab

    def docbin(n_docs: int) -> Path:
        path = tmp_path / f"{n_docs}.spacy"
        DocBin(docs=[Doc(vocab, words=["word"] * 600) for _ in range(n_docs)]).to_disk(path)
        return path

    # One release is one batch while batches are small: 50 passes, 5 releases.
    assert scaled_steps(docbin(5), config) == REFERENCE_PASSES * 5
    assert (
        scaled_steps(docbin(40), config) == config["training"]["max_steps"]
    )  # the recipe's corpus
    assert scaled_steps(docbin(200), config) == config["training"]["max_steps"]  # never more
    assert scaled_steps(docbin(1), config) == MIN_STEPS


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "labelstudio"])
def test_tasks_of_each_tool_come_back_through_convert_with_their_ids(fmt, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in RELEASES[:2]:
        shutil.copy(ROOT / "corpora" / "releases" / f"{name}.txt", raw)
    (raw / "crlf.txt").write_bytes(b"Acme Corp.\r\nnamed Jane Roe CFO.\r\n")
    tasks = tmp_path / f"tasks.{fmt}"
    result = _invoke(["corpus", "tasks", raw, "--to", fmt, "-o", tasks])
    assert result.exit_code == 0, result.output
    assert "3 task(s) written" in result.stderr
    if fmt != "labelstudio":
        records = [json.loads(line) for line in tasks.read_text(encoding="utf-8").splitlines()]
        assert all("answer" not in r and "id" not in r for r in records)
    # exported as they were (nothing annotated yet, or all accepted) and converted back
    if fmt == "labelstudio":
        exported = json.loads(tasks.read_text(encoding="utf-8"))
        for task in exported:
            task["annotations"] = [{"result": []}]
        tasks.write_text(json.dumps(exported), encoding="utf-8")
    out = tmp_path / "native.jsonl"
    result = _invoke(["corpus", "convert", tasks, out, "--from", fmt])
    assert result.exit_code == 0, result.output
    back = {d.id: d for d in read_jsonl(out).documents}
    assert set(back) == {*RELEASES[:2], "crlf"}
    assert back["crlf"].text == "Acme Corp.\r\nnamed Jane Roe CFO.\r\n"


def test_base_sources_the_trained_components_and_skips_reinitialization(tmp_path):
    import spacy

    from iec_nlp.training import TRAINED_COMPONENTS, _prepared_config, resolve_base

    base = resolve_base("default")
    prepared = spacy.util.load_config(
        _prepared_config(ROOT / "training" / "iec_cnn.cfg", tmp_path, base)
    )
    for name in TRAINED_COMPONENTS:
        assert prepared["components"][name] == {"source": base}
    assert prepared["initialize"].get("after_init") is None
    # without a base the recipe runs as written (a copy, immune to edits during the run)
    as_written = spacy.util.load_config(
        _prepared_config(ROOT / "training" / "iec_cnn.cfg", tmp_path, None)
    )
    assert as_written["components"]["ner"].get("factory") == "iec_entity_tagger"
