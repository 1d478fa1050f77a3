"""Issuer finder errors on the train and dev releases.

`find_issuer` (iec_nlp/issuer.py) names the organization that issued
a release. This script measures it two ways, on train + dev only (never on
test: the test split is for the final report, not for tuning):

(a) gold: on the annotation's own entities, so only the finder's errors show;
(b) predicted: on the entities the default model recognizes, as
    `iec_nlp.extract(text).issuer` does end to end.

A release counts as right exactly as `iec_nlp.evaluation.evaluate` counts it:
`issuer_matches` against the meta `company`, or no issuer when the text never
names the company (`gold_issuer_name`). Each miss is printed with the gold
company, the predicted issuer and the first 300 characters of the text.

Running the model takes about a minute, so its output (the clean text and
the entities the finder reads) is cached; `--refresh` runs it again (needed
after retraining the model, not after changing the finder: the finder is
always run afresh on the cached entities).

    nice -n 19 .venv/bin/python training/issuer_errors.py [--refresh] [--quiet] [--only gold|predicted]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
CACHE = Path("/tmp/iec_issuer_errors_predicted.pkl")
SPLITS = ("train", "dev")


def _clean_entities(document):
    """The gold entities as the pipeline sees them: in the normalized text the
    finder reads (normalization joins wrapped lines, drops junk characters)."""
    from iec_nlp.extraction import Entity
    from iec_nlp.text import normalize

    norm = normalize(document.text)
    start_of: dict[int, int] = {}
    end_of: dict[int, int] = {}
    for i in range(len(norm.text)):
        start_of.setdefault(norm.to_original[i], i)
        end_of[norm.to_original[i] + 1] = i + 1
    entities = []
    for span in sorted(document.spans, key=lambda s: s.start):
        start, end = start_of.get(span.start), end_of.get(span.end)
        if start is None or end is None or end <= start:
            continue
        entities.append(Entity(start, end, span.label, norm.text[start:end]))
    return norm.text, entities


def _predicted_inputs(documents, refresh: bool):
    """(clean text, recognized entities) per release, as the pipeline passes
    them to `decide_labels` (which calls `find_issuer`)."""
    ids = [d.id for d in documents]
    if CACHE.exists() and not refresh:
        cached = pickle.loads(CACHE.read_bytes())
        if all(i in cached for i in ids):
            return [cached[i] for i in ids]
    import iec_nlp.pipeline as pipeline

    captured = []
    original = pipeline.decide_labels

    def recording(text, entities, relations, model):
        captured.append((text, list(entities)))
        return original(text, entities, relations, model)

    pipeline.decide_labels = recording
    try:
        nlp = pipeline.get_pipeline(None)
        for document in documents:
            pipeline.extract(document.text, model=nlp)
    finally:
        pipeline.decide_labels = original
    CACHE.write_bytes(pickle.dumps(dict(zip(ids, captured))))
    return captured


def measure(documents, inputs, title: str, quiet: bool) -> float:
    from iec_nlp.evaluation import _gold_extraction, gold_issuer_name, issuer_matches
    from iec_nlp.issuer import find_issuer

    right = 0
    by_split: dict[str, list[int]] = {}
    misses = []
    for document, (text, entities) in zip(documents, inputs):
        gold_company = gold_issuer_name(document, _gold_extraction(document))
        issuer = find_issuer(text, entities)
        found = SimpleNamespace(issuer=issuer, entities=entities)
        ok = issuer is None if gold_company is None else issuer_matches(found, gold_company)
        counts = by_split.setdefault(document.split, [0, 0])
        counts[0] += ok
        counts[1] += 1
        right += ok
        if not ok:
            misses.append((document, gold_company, issuer.name if issuer else None, text))
    print(
        f"== {title}: {right}/{len(documents)} = {right / len(documents):.3f}  "
        + "  ".join(f"{s} {c[0]}/{c[1]} = {c[0] / c[1]:.3f}" for s, c in by_split.items())
    )
    if not quiet:
        for document, gold_company, predicted, text in misses:
            head = " ".join(text[:300].split())
            print(
                f"-- [{document.split}] {document.id}\n   gold: {gold_company!r}  predicted: {predicted!r}\n   {head}"
            )
    return right / len(documents)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--refresh", action="store_true", help="run the model again instead of using the cache"
    )
    parser.add_argument("--quiet", action="store_true", help="accuracies only, no list of misses")
    parser.add_argument("--only", choices=("gold", "predicted"), help="one of the two measures")
    args = parser.parse_args(argv)

    from iec_nlp.corpus.splits import split_documents

    grouped, _ = split_documents(CORPUS)
    documents = []
    for split in SPLITS:
        for document in grouped[split]:
            document.split = split  # only for the printout
            documents.append(document)
    if args.only != "predicted":
        measure(documents, [_clean_entities(d) for d in documents], "gold entities", args.quiet)
    if args.only != "gold":
        measure(
            documents, _predicted_inputs(documents, args.refresh), "predicted entities", args.quiet
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
