"""Build the default model's distribution (and the library's) as wheels.

    python training/package_model.py                      # dist/en_iec_cnn-<version>-py3-none-any.whl
    python training/package_model.py --with-library       # and dist/iec_nlp-<version>-py3-none-any.whl (`make dist`)

The model is a package of its own, built with `spacy package` from whatever
`models/iec_cnn` holds at build time, read from its `meta.json`: its name
(`en_iec_cnn`), its version, the range of iec-nlp versions it works with
(the minor release it was trained with), its end-to-end scores (`performance`)
and a model card (the package's README: training data, scores, use, limits).
Nothing is written into `models/`: the model is copied to a temporary folder
and its meta and README are written there.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LICENSE = "MIT"


def compatible_range(library_version: str) -> str:
    """The iec-nlp versions a model trained with `library_version` works with:
    the same minor release (components keep their behaviour within it)."""
    major, minor = (int(part) for part in library_version.split(".")[:2])
    return f">={library_version},<{major}.{minor + 1}.0"


def _score_source(info: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    scores = info.get("scores", {})
    for split in ("test", "dev"):
        if split in scores:
            return split, scores[split]
    return "", {}


def performance(info: dict[str, Any]) -> dict[str, Any]:
    """spaCy's `performance` block from our end-to-end scores (test, else dev)."""
    _, scores = _score_source(info)
    if not scores:
        return {}
    ents, rels = scores["entities"], scores["relations"]
    out: dict[str, Any] = {
        "ents_p": ents["micro"]["p"],
        "ents_r": ents["micro"]["r"],
        "ents_f": ents["micro"]["f"],
        "ents_per_type": {
            label: {k: row[k] for k in ("p", "r", "f")}
            for label, row in ents["per_label"].items()
            if row["support"]
        },
        "rel_micro_p": rels["micro"]["p"],
        "rel_micro_r": rels["micro"]["r"],
        "rel_micro_f": rels["micro"]["f"],
    }
    return out


def package_meta(meta: dict[str, Any], version: str | None = None) -> dict[str, Any]:
    """The meta of the model package: name, version, requirements, scores, provenance."""
    info = meta.get("iec_nlp", {})
    library_version = info.get("library_version") or meta.get("version", "0.1.0")
    requirement = f"iec-nlp{compatible_range(library_version)}"
    split, _ = _score_source(info)
    packaged = dict(meta)
    packaged.update(
        {
            "lang": meta.get("lang", "en"),
            "name": "iec_cnn",
            "version": version or meta.get("version", library_version),
            "description": (
                "iec_nlp's default pipeline: people and their roles, customers and reported "
                "monetary figures in corporate press releases (CNN encoder, entity recognizer, "
                "relation extractor and rules)."
            ),
            "author": meta.get("author") or "iec_nlp",
            "license": meta.get("license") or LICENSE,
            "requirements": [requirement],
            "performance": performance(info),
            "sources": [
                {
                    "name": "iec_nlp press-release corpus",
                    "description": (
                        f"{sum(info.get('split_sizes', {}).values())} annotated 8-K Exhibit 99.1 releases, "
                        f"split {info.get('split_sizes')}; corpus hash {info.get('corpus_hash')}"
                    ),
                }
            ],
        }
    )
    packaged["iec_nlp"] = {**info, "compatible_library": requirement, "performance_split": split}
    return packaged


def _table(rows: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["| label | P | R | F1 | support |", "|---|---:|---:|---:|---:|"]
    for label, row in rows.items():
        lines.append(
            f"| {label} | {row['p']:.3f} | {row['r']:.3f} | {row['f']:.3f} | {row['support']} |"
        )
    return lines


def model_card(meta: dict[str, Any]) -> str:
    """The README of the model package."""
    info = meta.get("iec_nlp", {})
    name = f"{meta['lang']}_{meta['name']}"
    lines = [
        f"# {name} {meta['version']}",
        "",
        meta["description"],
        "",
        f"- needs: `{meta['requirements'][0]}` (the library; `pip install` brings it from the same index) and spaCy `{meta.get('spacy_version', '')}`",
        f"- pipeline: {', '.join(meta.get('pipeline', []))}",
        f"- trained on: {info.get('split_sizes')} releases (corpus hash `{info.get('corpus_hash')}`, "
        f"seed {info.get('seed')}, recipe `{info.get('config')}`"
        + (", refit on train + dev" if "refit" in info else "")
        + ")",
        f"- relation threshold: {info.get('relation_threshold', {}).get('value')}",
        f"- license: {meta['license']}",
        "",
        "## Use",
        "",
        "```python",
        "import iec_nlp",
        "result = iec_nlp.extract(text)        # finds this package by itself",
        "doc = iec_nlp.extract_doc(text)       # the same as a spaCy Doc: doc.ents, doc._.relations, doc._.people",
        "```",
        "",
        f'`spacy.load("{name}")` loads the pipeline as well (`nlp(text)` sees the text as given,',
        "without iec_nlp's cleaning; see the iec_nlp README).",
        "",
    ]
    for split in ("test", "dev"):
        scores = info.get("scores", {}).get(split)
        if not scores:
            continue
        note = " (first run, trained on train only)" if split == "dev" and "refit" in info else ""
        lines += [
            f"## Scores on the {split} split{note}",
            "",
            "Strict, end to end from raw text.",
            "",
        ]
        lines += ["**Entities**", "", *_table(scores["entities"]["per_label"])]
        lines.append(
            f"| **micro** | {scores['entities']['micro']['p']:.3f} | {scores['entities']['micro']['r']:.3f} | "
            f"{scores['entities']['micro']['f']:.3f} | {scores['entities']['micro']['support']} |"
        )
        lines += [
            "",
            "**Relations** (on predicted entities)",
            "",
            *_table(scores["relations"]["per_label"]),
        ]
        lines.append(
            f"| **micro** | {scores['relations']['micro']['p']:.3f} | {scores['relations']['micro']['r']:.3f} | "
            f"{scores['relations']['micro']['f']:.3f} | {scores['relations']['micro']['support']} |"
        )
        lines.append("")
    lines += [
        "## Limits",
        "",
        "English press releases of US-listed companies; a small training corpus, so names of kinds",
        "the releases never show are missed more often, and CUSTOMER is rare in the data. Retrain on",
        "your own releases with `iec-nlp train --base default` (see the iec_nlp README).",
        "",
    ]
    return "\n".join(lines)


def build_model_wheel(model: Path, dist: Path, version: str | None = None) -> Path:
    """`spacy package` of a copy of `model` with the package meta and card; the wheel in `dist`."""
    meta = package_meta(json.loads((model / "meta.json").read_text(encoding="utf-8")), version)
    dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "iec_cnn"
        shutil.copytree(model, staged, ignore=shutil.ignore_patterns(".*"))
        (staged / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        (staged / "README.md").write_text(model_card(meta), encoding="utf-8")
        out = Path(tmp) / "package"
        out.mkdir()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "spacy",
                "package",
                str(staged),
                str(out),
                "--build",
                "wheel",
                "--force",
            ],
            check=True,
        )
        wheels = sorted(out.glob("*/dist/*.whl"))
        if len(wheels) != 1:
            raise RuntimeError(f"spacy package made {len(wheels)} wheels: {wheels}")
        target = dist / wheels[0].name
        shutil.copy2(wheels[0], target)
    return target


def build_library_wheel(dist: Path) -> Path:
    """The iec-nlp wheel (no model inside) in `dist`."""
    dist.mkdir(parents=True, exist_ok=True)
    before = set(dist.glob("iec_nlp-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)], check=True
    )
    made = sorted(set(dist.glob("iec_nlp-*.whl")) - before) or sorted(dist.glob("iec_nlp-*.whl"))
    return made[-1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--model", type=Path, default=ROOT / "models" / "iec_cnn", help="the trained model folder"
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the wheels go")
    parser.add_argument("--version", help="the model package's version; default: the model's meta")
    parser.add_argument("--with-library", action="store_true", help="also build the iec-nlp wheel")
    args = parser.parse_args()
    if args.with_library:
        print(build_library_wheel(args.dist))
    print(build_model_wheel(args.model, args.dist, args.version))


if __name__ == "__main__":
    main()
