"""Build a probe set's annotations from its marked-up sources.

    python tests/data/build_probes.py tests/data/customer_probes

A probe set's `src/probes_*.txt` hold invented releases, one block each:

    ### id|Company Name|YYYY-MM-DD[|kind]
    {o1:ORG:Acme Corp.} named {p1:PERSON:Jane Roe} ...
    @@
    p1 HAS_ROLE r1

`{key:LABEL:text}` marks a span; after the line `@@`, each line names a
relation by its spans' keys. `src/probe.json` gives the set's default kind
and where it comes from. The build writes `annotations/ID.jsonl` (the
corpus format) and `splits.json` (every release under "test").
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"\{([^:{}]+):([A-Z]+):([^{}]+)\}")


def read_block(block: str, defaults: dict[str, str]) -> dict:
    """One release of a source file (the text after its `### `) as a corpus record."""
    head, rest = block.split("\n", 1)
    doc_id, company, date, *kind = head.strip().split("|")
    body, relation_lines = rest.split("\n@@\n")
    body = body.strip("\n") + "\n"
    text, spans, keys, pos = "", [], {}, 0
    for mark in MARK.finditer(body):
        text += body[pos : mark.start()]
        start = len(text)
        text += mark.group(3)
        if mark.group(1) in keys:
            raise ValueError(f"{doc_id}: span key {mark.group(1)!r} used twice")
        keys[mark.group(1)] = len(spans)
        spans.append(
            {
                "id": len(spans),
                "start": start,
                "end": len(text),
                "label": mark.group(2),
                "text": mark.group(3),
            }
        )
        pos = mark.end()
    text += body[pos:]
    relations = []
    for line in relation_lines.strip().splitlines():
        head_key, label, child_key = line.split()
        relations.append({"head": keys[head_key], "child": keys[child_key], "label": label})
    meta = {
        "company": company,
        "date": date,
        "kind": kind[0] if kind else defaults["kind"],
        "source": defaults["source"],
    }
    return {"id": doc_id, "text": text, "meta": meta, "spans": spans, "relations": relations}


def build(probe_set: Path, out: Path | None = None) -> list[dict]:
    """Write the set's annotations and split under `out` (default: the set itself)."""
    out = probe_set if out is None else out
    defaults = json.loads((probe_set / "src" / "probe.json").read_text(encoding="utf-8"))
    records = [
        read_block(block, defaults)
        for source in sorted((probe_set / "src").glob("probes_*.txt"))
        for block in source.read_text(encoding="utf-8").split("### ")[1:]
    ]
    (out / "annotations").mkdir(parents=True, exist_ok=True)
    for record in records:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        (out / "annotations" / f"{record['id']}.jsonl").write_text(line, encoding="utf-8")
    split = {"train": [], "dev": [], "test": [r["id"] for r in records]}
    (out / "splits.json").write_text(json.dumps(split, indent=1), encoding="utf-8")
    return records


if __name__ == "__main__":
    for record in build(Path(sys.argv[1])):
        print(
            record["id"],
            len(record["text"].split()),
            "words",
            len(record["spans"]),
            "spans",
            len(record["relations"]),
            "relations",
        )
