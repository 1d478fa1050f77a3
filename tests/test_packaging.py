"""Install outside a clone: `make dist`'s two wheels in a fresh venv, then
`iec_nlp.extract(text)` with no model path (issue 18).

The venv is made in a temporary folder, and every command runs there, so
nothing of the checkout (its `models/`, its source) can be found by accident.
pip reuses its cache, so the install takes about half a minute.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "ROCHESTER, N.Y., May 7, 2004 - IEC Electronics Corp. (IECE.OB) today announced the "
    "addition of Jeffrey Schlarbaum as Vice President of Sales and Marketing. Revenue for "
    "the quarter was $7.3 million."
)
pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "IEC_NLP_MODEL")
    }
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(
            f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The wheels, built by the script `make dist` runs."""
    out = tmp_path_factory.mktemp("dist")
    _run(
        [
            sys.executable,
            str(ROOT / "training" / "package_model.py"),
            "--with-library",
            "--dist",
            str(out),
        ],
        cwd=ROOT,
    )
    return out


def test_make_dist_builds_both_wheels_with_the_packaging_script():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^dist:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "no dist target"
    assert "training/package_model.py --with-library --dist dist" in recipe.group(1)


def test_model_wheel_carries_name_version_library_range_scores_and_card(dist):
    (wheel,) = dist.glob("en_iec_cnn-*.whl")
    model_meta = json.loads((ROOT / "models" / "iec_cnn" / "meta.json").read_text())
    assert wheel.name == f"en_iec_cnn-{model_meta['version']}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (meta_name,) = [n for n in names if n.endswith("/meta.json") and n.count("/") == 2]
        meta = json.loads(archive.read(meta_name))
        metadata = archive.read(
            next(n for n in names if n.endswith(".dist-info/METADATA"))
        ).decode()
        card = archive.read(next(n for n in names if n.endswith("/README.md"))).decode()
    assert meta["name"] == "iec_cnn" and meta["lang"] == "en"
    assert meta["requirements"][0].startswith("iec-nlp>=")
    assert "Requires-Dist: iec-nlp<" in metadata
    # the scores and provenance of models/iec_cnn, end to end
    assert (
        meta["performance"]["ents_f"]
        == model_meta["iec_nlp"]["scores"]["test"]["entities"]["micro"]["f"]
    )
    assert meta["iec_nlp"]["corpus_hash"] == model_meta["iec_nlp"]["corpus_hash"]
    assert "## Scores on the test split" in card and "| PERSON |" in card
    (library,) = dist.glob("iec_nlp-*.whl")
    with zipfile.ZipFile(library) as archive:
        assert not [n for n in archive.namelist() if n.startswith("models/")], (
            "the library wheel ships no model"
        )


def test_fresh_venv_outside_the_repository_extracts_with_no_model_path(dist, tmp_path):
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python, cli = str(venv / "bin" / "python"), str(venv / "bin" / "iec-nlp")
    (library,) = dist.glob("iec_nlp-*.whl")
    (model,) = dist.glob("en_iec_cnn-*.whl")
    release = tmp_path / "release.txt"
    release.write_text(TEXT, encoding="utf-8")

    # The library alone: the error says in one line how to install the model.
    _run([python, "-m", "pip", "install", "--quiet", str(library)], cwd=tmp_path)
    result = _run([cli, "extract", str(release)], cwd=tmp_path, check=False)
    assert result.returncode != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert "pip install" in message and "en_iec_cnn" in message

    # The model package too: extract() finds it with no path given.
    _run([python, "-m", "pip", "install", "--quiet", str(model)], cwd=tmp_path)
    script = (
        "import importlib.util, json, sys, iec_nlp, iec_nlp.pipeline as p\n"
        "result = iec_nlp.extract(sys.stdin.read())\n"
        "doc = iec_nlp.extract_doc(result.text)\n"
        "print(json.dumps({'location': str(p.resolve_model_path(None)), 'result': result.to_dict(),\n"
        "  'doc_relations': [(h.text, c.text, label) for h, c, label, _ in doc._.relations],\n"
        "  'train_only': [m for m in ('sklearn', 'datasets', 'pandas') if importlib.util.find_spec(m)]}))\n"
    )
    out = json.loads(
        subprocess.run(
            [python, "-c", script],
            cwd=tmp_path,
            input=TEXT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert out["location"] == "en_iec_cnn"
    entities = {(e["label"], e["text"]) for e in out["result"]["entities"]}
    assert ("PERSON", "Jeffrey Schlarbaum") in entities
    assert any(p["name"] == "Jeffrey Schlarbaum" for p in out["result"]["people"])
    assert ["Jeffrey Schlarbaum", "Vice President of Sales and Marketing", "HAS_ROLE"] in out[
        "doc_relations"
    ]
    assert out["train_only"] == [], "a lean install brings no training-only packages"
    result = _run([cli, "extract", str(release)], cwd=tmp_path)
    assert "Jeffrey Schlarbaum" in result.stdout
    # Annotation tasks need no more; training says in one line what it needs.
    _run(
        [
            cli,
            "corpus",
            "tasks",
            str(release),
            "--to",
            "labelstudio",
            "--pre-annotate",
            "-o",
            "tasks.json",
        ],
        cwd=tmp_path,
    )
    assert json.loads((tmp_path / "tasks.json").read_text())[0]["predictions"]
    result = _run([cli, "train", "--output", "mine"], cwd=tmp_path, check=False)
    assert (
        result.returncode == 1
        and result.stderr.strip()
        == "error: train needs the training extra: pip install 'iec-nlp[train]'"
    )
