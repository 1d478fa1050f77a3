"""Compare pipelines side by side on the test split: P/R/F1 per label and words/s.

Both models are scored in the same run, on the same releases, with the same
code; speed is `extract_many` (one process) over the corpus releases repeated
to a fixed number of words. Run it where the transformer extra is installed:

    python training/compare_variants.py models/iec_cnn path/to/iec_trf [--words 50000]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench import workload  # the benchmark's fixed workload (same folder)

import iec_nlp
from iec_nlp.corpus.splits import split_documents

REPO = Path(__file__).resolve().parent.parent


def words_per_second(nlp, texts: list[str]) -> float:
    list(iec_nlp.extract_many(texts[:5], model=nlp))  # warm up
    start = time.perf_counter()
    for result in iec_nlp.extract_many(texts, model=nlp):
        len(result.figures) + len(result.people)
    return sum(len(t.split()) for t in texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("models", nargs="+")
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    test = split_documents(REPO / "corpora")[0]["test"]
    texts = workload(args.words)
    rows = {}
    for model in args.models:
        nlp = iec_nlp.load(model)
        report = iec_nlp.evaluate(nlp, test)
        rows[Path(model).name] = {
            "report": report.to_dict(),
            "words_per_second": words_per_second(nlp, texts),
        }
    names = list(rows)
    print(f"{'':<22}" + "".join(f"{n:>24}" for n in names))
    for kind in ("entities", "relations"):
        labels = list(rows[names[0]]["report"][kind]["per_label"]) + ["micro", "macro"]
        for label in labels:
            cells = []
            for n in names:
                table = rows[n]["report"][kind]
                s = table["per_label"][label] if label in table["per_label"] else table[label]
                cells.append(f"{s['p']:.3f}/{s['r']:.3f}/{s['f']:.3f}")
            print(f"{kind[:3]} {label:<18}" + "".join(f"{c:>24}" for c in cells))
    print(
        f"{'words/s (extract_many)':<22}"
        + "".join(f"{rows[n]['words_per_second']:>24,.0f}" for n in names)
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
