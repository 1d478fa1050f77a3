"""Two learned second stages over the held-out sets' own predictions (measured, not kept).

Both read the output of `training/rule_sets.py build DIR` (the dev, F and G
models, each of which never saw its set) and learn from where those models
were wrong on releases they had not seen:

- `verifier`: a logistic regression over each predicted span (label, its
  words, first and last word, shape, three words on each side, its line's
  length and case, quotes, parentheses, repeats in the release) that says
  whether the span is exactly right; spans below a probability are dropped
  (with their relations). Dev and F have few errors left (their rules were
  found on them), so it is learned and scored by a company-grouped 4-fold
  cross-validation inside G: G's labels train it, never the rules.
- `customers`: the per-organization customer model learned from the
  organizations the dev and F models predicted (labelled by overlap with a
  gold CUSTOMER) instead of, or beside, the gold organizations of G's
  training releases; scored on G end to end.

    python training/stacking_checks.py DIR verifier
    python training/stacking_checks.py DIR customers
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from iec_nlp.corpus.splits import split_documents
from iec_nlp.customer_decision import release_organization_features
from iec_nlp.customer_training import customer_model_from_examples, organization_examples
from iec_nlp.evaluation import _gold_extraction, evaluate, score_keyed
from iec_nlp.extraction import Entity, Relation
from iec_nlp.pipeline import extract_many, load_pipeline
from iec_nlp.schema import ENTITY_LABELS, RELATION_LABELS

THRESHOLD = 0.8  # the relation threshold every held-out set is scored at
QUOTES = ('"', "\u201c", "\u201d")
WORD = re.compile(r"[A-Za-z0-9$%&.'-]+|[^\sA-Za-z0-9]")


def predictions(out: Path, name: str) -> list[dict[str, Any]]:
    """Gold and predicted entities and relations (as offsets) of set `name`."""
    grouped, _ = split_documents(out / f"corpus_{name}")
    nlp = load_pipeline(out / f"model_{name}")
    nlp.meta["iec_organizations"] = customer_model_from_examples(
        *organization_examples(grouped["train"])[:2]
    ).to_dict()
    nlp.get_pipe("iec_relation_extractor").threshold = THRESHOLD
    rows = []
    for doc, pred in zip(grouped["dev"], extract_many([d.text for d in grouped["dev"]], model=nlp)):
        rows.append(
            {
                "id": doc.id,
                "text": doc.text,
                "gold": _offsets(_gold_extraction(doc)),
                "pred": _offsets(pred),
            }
        )
    return rows


def _offsets(extraction: Any) -> dict[str, list[tuple]]:
    ents = extraction.entities
    return {
        "entities": [(e.start, e.end, e.label) for e in ents],
        "relations": [
            (ents[r.head].start, ents[r.head].end, ents[r.child].start, ents[r.child].end, r.label)
            for r in extraction.relations
        ],
    }


def _shape(word: str) -> str:
    s = re.sub(r"[0-9]", "d", re.sub(r"[a-z]", "x", re.sub(r"[A-Z]", "X", word)))
    return re.sub(r"(.)\1+", r"\1\1", s)


def span_features(text: str, entities: list[tuple], i: int) -> dict[str, float]:
    start, end, label = entities[i]
    surface = text[start:end]
    words = WORD.findall(surface)
    before = WORD.findall(text[max(0, start - 60) : start])[-3:]
    after = WORD.findall(text[end : end + 60])[:3]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) % (len(text) + 1)
    line = text[line_start:line_end]
    keys = ["bias", f"n={min(len(words), 6)}", *(f"w={w.lower()}" for w in words)]
    if words:
        keys += [
            f"first={words[0].lower()}",
            f"last={words[-1].lower()}",
            "shape=" + " ".join(map(_shape, words[:4])),
        ]
    keys += [f"b{k}={w.lower()}" for k, w in enumerate(reversed(before))]
    keys += [f"a{k}={w.lower()}" for k, w in enumerate(after)]
    keys += [
        f"line_length={min(len(line) // 20, 5)}",
        f"line_start={not text[line_start:start].strip()}",
        f"line_upper={line.isupper()}",
        f"quoted={text[max(0, start - 1) : start] in QUOTES or text[end : end + 1] in QUOTES}",
        f"parenthesis={text[max(0, start - 1) : start] == '('}",
        f"repeats={min(sum(1 for s, e, lab in entities if lab == label and text[s:e] == surface), 4)}",
    ]
    return {"label": label, **{f"{label}|{k}": 1.0 for k in keys}}


def _score(rows: list[dict], dropped: set) -> tuple[float, float]:
    """Entity and relation micro F1, strict, as `iec_nlp.evaluate` keys
    them, with the `dropped` spans (and their relations) taken out."""
    ent_gold, ent_pred, rel_gold, rel_pred = {}, {}, {}, {}
    for r in rows:
        kept = [e for e in r["pred"]["entities"] if (r["id"], e) not in dropped]
        spans = {e[:2] for e in kept}
        ent_gold.update({(r["id"], s, e): label for s, e, label in r["gold"]["entities"]})
        ent_pred.update({(r["id"], s, e): label for s, e, label in kept})
        rel_gold.update({(r["id"], *x[:4]): x[4] for x in r["gold"]["relations"]})
        rel_pred.update(
            {
                (r["id"], *x[:4]): x[4]
                for x in r["pred"]["relations"]
                if x[:2] in spans and x[2:4] in spans
            }
        )
    entities = score_keyed(ent_gold, ent_pred, ENTITY_LABELS)[1]
    relations = score_keyed(rel_gold, rel_pred, RELATION_LABELS)[1]
    return entities.f, relations.f


def verifier(out: Path, folds: int = 4, thresholds: tuple[float, ...] = (0.2, 0.3, 0.4)) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = predictions(out, "G")
    companies = sorted({r["id"].split("_")[0] for r in rows})
    fold_of = {c: k % folds for k, c in enumerate(companies)}

    def examples(part: list[dict]) -> tuple[list, list, list]:
        x, y, where = [], [], []
        for r in part:
            gold = set(r["gold"]["entities"])
            for i, ent in enumerate(r["pred"]["entities"]):
                if ent[2] != "MONEY":
                    x.append(span_features(r["text"], r["pred"]["entities"], i))
                    y.append(ent in gold)
                    where.append((r["id"], ent))
        return x, y, where

    entities, relations = _score(rows, set())
    print(f"no verifier: entities {entities:.4f} relations {relations:.4f}")
    for c in (0.1, 0.3, 1.0):
        dropped = {t: set() for t in thresholds}
        for k in range(folds):
            x, y, _ = examples([r for r in rows if fold_of[r["id"].split("_")[0]] != k])
            xt, _, where = examples([r for r in rows if fold_of[r["id"].split("_")[0]] == k])
            vectorizer = DictVectorizer()
            model = LogisticRegression(C=c, max_iter=2000).fit(vectorizer.fit_transform(x), y)
            for p, w in zip(model.predict_proba(vectorizer.transform(xt))[:, 1], where):
                for t in thresholds:
                    if p < t:
                        dropped[t].add(w)
        for t in thresholds:
            e, r = _score(rows, dropped[t])
            print(
                f"C {c} threshold {t}: dropped {len(dropped[t])} spans, entities {e:.4f} relations {r:.4f}"
            )


def predicted_organizations(rows: list[dict]) -> tuple[list[dict], list[int]]:
    """Customer examples from predicted organizations (customers as ORG, as
    the decision sees them), labelled by overlap with a gold CUSTOMER."""
    features, labels = [], []
    for r in rows:
        ents = [
            Entity(s, e, "ORG" if lab == "CUSTOMER" else lab, r["text"][s:e])
            for s, e, lab in r["pred"]["entities"]
        ]
        index = {(e.start, e.end): i for i, e in enumerate(ents)}
        rels = [
            Relation(index[x[:2]], index[x[2:4]], x[4])
            for x in r["pred"]["relations"]
            if x[:2] in index and x[2:4] in index
        ]
        customers = [(s, e) for s, e, lab in r["gold"]["entities"] if lab == "CUSTOMER"]
        groups, _, feats = release_organization_features(r["text"], ents, rels)
        for members, f in zip(groups, feats):
            features.append(f)
            labels.append(
                int(
                    any(
                        s < ents[i].end and ents[i].start < e for i in members for s, e in customers
                    )
                )
            )
    return features, labels


def customers(out: Path) -> None:
    grouped, _ = split_documents(out / "corpus_G")
    gold = organization_examples(grouped["train"])[:2]
    predicted = predicted_organizations(predictions(out, "dev") + predictions(out, "F"))
    nlp = load_pipeline(out / "model_G")
    nlp.get_pipe("iec_relation_extractor").threshold = THRESHOLD
    for name, (features, labels) in {
        "gold organizations (the recipe)": gold,
        "predicted organizations": predicted,
        "both": (gold[0] + predicted[0], gold[1] + predicted[1]),
    }.items():
        nlp.meta["iec_organizations"] = customer_model_from_examples(features, labels).to_dict()
        report = evaluate(nlp, grouped["dev"], gold_entities=False)
        print(
            f"{name}: G entities {report.entities.micro.f:.4f} relations {report.relations.micro.f:.4f}"
            f" CUSTOMER {report.entities.per_label['CUSTOMER'].f:.3f}"
            f" customers per release {report.facts['customer'].f:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="a `rule_sets.py build` folder")
    parser.add_argument("check", choices=("verifier", "customers"))
    args = parser.parse_args()
    verifier(args.dir) if args.check == "verifier" else customers(args.dir)


if __name__ == "__main__":
    main()
