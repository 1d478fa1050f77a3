"""Three sets for measuring rules and the customer decision, without the test split.

The rules after the recognizer, the relation rules and the per-organization
customer decision run after the trained pipeline, so a change to them is
measured on the same weights in seconds. But a set on which a rule was found
overstates it (dev went 0.848 -> 0.915 with one round of rules, the test
split 0.853 -> 0.857). So there are three sets, each scored end to end by a
model that never saw it, with the customer model learned again, by the code
as it is, from that model's training releases:

- dev: the dev split, by a model trained on train;
- F: half of the train releases (by company, `training/rule_sets.json`), by a
  model trained on dev and the other half;
- G: that other half, by a model trained on dev and F.

And a fourth, of real filing documents no model trained on:

- H: `tests/data/filings_gold` (14 documents of the six EDGAR submissions in
  `tests/data/filings`), by the default model, as users read filings. Read
  from the thirty-first step on (its first read is in its README).

Find rules on dev and F (and, from the thirtieth step on, G: `errors` lists what
a set's model gets wrong); confirm them on a set they were not found on.

Every set is scored at one relation threshold: the default model's (chosen
on dev by its recipe), or `--threshold`. Tuning it on each set, as a model's
own training run would, chose it on F and G themselves, and a model built
with older rules kept a threshold those rules had chosen (G's was 0.1 while
the default's was 0.8: with the same weights and rules, G relations 0.739 at 0.8 against 0.708 at 0.1).

    python training/rule_sets.py build DIR     # the corpora and three models (about 12 minutes here)
    python training/rule_sets.py build DIR --seed 1 [--config training/iec_cnn_vectors.cfg] [--sets G]
    python training/rule_sets.py score DIR [--sets dev F G H] [--json OUT] [--threshold T]
    python training/rule_sets.py errors DIR --sets G     # each entity and relation a set's model gets wrong
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from iec_nlp.corpus.splits import split_documents
from iec_nlp.customer_training import fit_customer_model
from iec_nlp.evaluation import evaluate
from iec_nlp.pipeline import load_pipeline
from iec_nlp.training import recipe_config, train_model

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
HALVES = Path(__file__).with_name("rule_sets.json")
SETS = ("dev", "F", "G", "H")
FILINGS_GOLD = ROOT / "tests" / "data" / "filings_gold"


def _splits() -> dict[str, dict[str, list[str]]]:
    committed = json.loads((CORPUS / "splits.json").read_text())
    halves = json.loads(HALVES.read_text())
    dev = sorted(committed["dev"])
    return {
        "dev": {"train": sorted(committed["train"]), "dev": dev, "test": []},
        "F": {"train": sorted(dev + halves["G"]), "dev": halves["F"], "test": []},
        "G": {"train": sorted(dev + halves["F"]), "dev": halves["G"], "test": []},
    }


def build(out: Path, sets: list[str], config: Path | None = None, seed: int = 0) -> None:
    """One corpus per set, holding only train and dev releases (a release a
    split file does not list would be placed by its company's hash), and a
    model trained on its train split without the refit on dev."""
    for name, split in _splits().items():
        if name not in sets:
            continue
        corpus = out / f"corpus_{name}"
        (corpus / "annotations").mkdir(parents=True, exist_ok=True)
        for doc_id in split["train"] + split["dev"]:
            shutil.copy(CORPUS / "annotations" / f"{doc_id}.jsonl", corpus / "annotations")
        for item in ("releases", "SCHEMA.md", "SOURCES.tsv", "left_out.json"):
            target = corpus / item
            if not target.exists():
                target.symlink_to(CORPUS / item)
        (corpus / "splits.json").write_text(json.dumps(split, indent=1))
        recipe = config or recipe_config()
        train_model(
            corpus,
            out / f"model_{name}",
            config=recipe,
            refit=False,
            tune_threshold=False,
            seed=seed,
        )


def default_threshold() -> float:
    """The relation threshold the default model was shipped with."""
    return float(
        load_pipeline(ROOT / "models" / "iec_cnn").get_pipe("iec_relation_extractor").threshold
    )


def _held_out_report(out: Path, name: str, threshold: float):
    """A set's releases read by its model, with the customer model learned
    again by the code as it is from that model's training releases (H: the
    default model as shipped)."""
    if name == "H":
        nlp = load_pipeline(ROOT / "models" / "iec_cnn")
        nlp.get_pipe("iec_relation_extractor").threshold = threshold
        return evaluate(nlp, split_documents(FILINGS_GOLD)[0]["test"], gold_entities=False)
    grouped, _ = split_documents(out / f"corpus_{name}")
    nlp = load_pipeline(out / f"model_{name}")
    nlp.meta["iec_organizations"] = fit_customer_model(grouped["train"]).to_dict()
    nlp.get_pipe("iec_relation_extractor").threshold = threshold
    return evaluate(nlp, grouped["dev"], gold_entities=False)


def score(out: Path, sets: list[str], threshold: float | None = None) -> dict[str, dict]:
    threshold = default_threshold() if threshold is None else threshold
    results = {}
    for name in sets:
        report = _held_out_report(out, name, threshold)
        results[name] = {
            "releases": report.n_documents,
            "entities": round(report.entities.micro.f, 4),
            "relations": round(report.relations.micro.f, 4),
            # A label with no gold mention (H names no customer) has no score.
            "per_label": {
                k: round(v.f, 4) for k, v in report.entities.per_label.items() if v.support
            },
            "customer_facts": round(report.facts["customer"].f, 4)
            if report.facts["customer"].support
            else None,
            "issuer": f"{report.issuer_correct}/{report.issuer_total}",
            "relation_threshold": threshold,
        }
        labels = " ".join(f"{k} {v:.3f}" for k, v in results[name]["per_label"].items())
        facts = results[name]["customer_facts"]
        print(
            f"{name}: entities {report.entities.micro.f:.4f} relations {report.relations.micro.f:.4f} | {labels}"
            f" | customers per release {'-' if facts is None else f'{facts:.3f}'} | issuer {results[name]['issuer']}"
        )
    return results


def errors(out: Path, sets: list[str], threshold: float | None = None) -> None:
    """Print every entity and relation a set's model gets wrong, one a line:
    `<release> E <start> <gold> <pred> <text>` and
    `<release> R <gold> <pred> <head> -> <child>` ("O": no label)."""
    threshold = default_threshold() if threshold is None else threshold
    for name in sets:
        report = _held_out_report(out, name, threshold)
        for e in sorted(report.errors, key=lambda e: (e["doc"], e["start"], e["end"], e["gold"])):
            print(f"{e['doc']} E {e['start']} {e['gold']} {e['pred']} {e['text']!r}")
        for r in report.relation_errors:
            print(f"{r['doc']} R {r['gold']} {r['pred']} {r['head']!r} -> {r['child']!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "score", "errors"))
    parser.add_argument("dir", type=Path)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--threshold", type=float, help="relation threshold (default: the default model's)"
    )
    parser.add_argument(
        "--config", type=Path, help="build: the recipe to train (default: the checkout's)"
    )
    parser.add_argument("--seed", type=int, default=0, help="build: the training seed")
    args = parser.parse_args()
    if args.command == "build":
        build(args.dir, args.sets, args.config, args.seed)
    elif args.command == "errors":
        errors(args.dir, args.sets, args.threshold)
    else:
        results = score(args.dir, args.sets, args.threshold)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
