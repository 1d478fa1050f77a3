"""Print the Markdown score tables of a trained model (from its meta.json),
as pasted in the README: `python training/report_tables.py models/iec_cnn`."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def table(scores: dict, title: str) -> str:
    lines = [f"**{title}**", "", "| label | P | R | F1 | support |", "|---|---:|---:|---:|---:|"]
    for label, s in scores["per_label"].items():
        lines.append(f"| {label} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['support']} |")
    for name in ("micro", "macro"):
        s = scores[name]
        lines.append(
            f"| **{name}** | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['support']} |"
        )
    return "\n".join(lines)


def main(model: str, split: str = "test") -> None:
    info = json.loads((Path(model) / "meta.json").read_text())["iec_nlp"]
    scores = info["scores"][split]
    print(table(scores["entities"], f"Entities ({split}, strict, end to end)"))
    print()
    print(table(scores["relations"], f"Relations ({split}, end to end on predicted entities)"))
    print()
    gold = scores["relations_gold_entities"]["micro"]
    print(
        f"Relations on gold entities ({split}): P {gold['p']:.3f} R {gold['r']:.3f} F1 {gold['f']:.3f}"
    )
    facts = scores["facts"]
    print()
    print("| document-level fact | P | R | F1 | support |\n|---|---:|---:|---:|---:|")
    for name, s in facts.items():
        print(f"| {name} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['support']} |")


if __name__ == "__main__":
    main(*sys.argv[1:])
