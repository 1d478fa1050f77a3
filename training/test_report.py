"""The default model's report on a split, as the README gives it.

    python training/test_report.py [--model models/iec_cnn] [--split test] [--json out.json]

Scores the split end to end (strict), then the same split restricted to the
releases dated 2015 or later, then the split with every organization renamed
(`iec_nlp.name_swap`), which shows whether customers are found from what the
release says or from the names the model saw in training.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from iec_nlp.corpus.splits import split_documents
from iec_nlp.evaluation import evaluate
from iec_nlp.name_swap import swap_organization_names
from iec_nlp.pipeline import load_pipeline


def summary(report) -> dict:  # noqa: ANN001
    d = report.to_dict()
    return {
        "releases": d["n_documents"],
        "entities": d["entities"]["micro"],
        "relations": d["relations"]["micro"],
        "entities_per_label": d["entities"]["per_label"],
        "relations_per_label": d["relations"]["per_label"],
        "facts": d["facts"],
        "issuer": d["issuer"],
        "error_kinds": d["error_kinds"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/iec_cnn")
    parser.add_argument("--corpus", default="corpora")
    parser.add_argument("--split", default="test")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    nlp = load_pipeline(args.model)
    documents = split_documents(args.corpus)[0][args.split]
    full = evaluate(nlp, documents)
    recent = [d for d in documents if int(str(d.meta.get("date", "0"))[:4] or 0) >= 2015]
    swapped = [swap_organization_names(d) for d in documents]
    result = {
        "model": args.model,
        "split": args.split,
        "all": summary(full),
        "relations_on_gold_entities": full.to_dict()["relations_gold_entities"]["micro"],
        "since_2015": summary(evaluate(nlp, recent, gold_entities=False)),
        "organizations_renamed": summary(evaluate(nlp, swapped, gold_entities=False)),
    }
    print(full)
    for key in ("since_2015", "organizations_renamed"):
        part = result[key]
        print(
            f"\n{key}: {part['releases']} releases, entities F1 {part['entities']['f']:.3f}, "
            f"relations F1 {part['relations']['f']:.3f}, CUSTOMER F1 {part['entities_per_label']['CUSTOMER']['f']:.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
