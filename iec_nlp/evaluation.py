"""Scoring: strict entity and relation P/R/F1, end to end.

A relation is correct only when its label and both argument spans match the
gold exactly (character offsets), so a relation between mis-bounded entities
counts as an error, as it would for a user reading the output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, cast

from spacy.training import Example

from .components.relation_extractor import RelationExtractor, get_relations
from .organizations import organization_key
from .schema import RELATION_LABELS
from .scoring import prf, relation_keys  # noqa: F401  (re-exported: part of this module's API)
from .scoring import relation_prf as _relation_prf


def relation_prf(examples: Iterable[Example]) -> dict[str, Any]:
    """Micro and per-label relation scores of predicted vs. reference docs."""
    return _relation_prf(
        (get_relations(eg.predicted), get_relations(eg.reference)) for eg in examples
    )


# ---------------------------------------------------------------------------
# The full report: `evaluate(model, corpus_or_split)`.
# ---------------------------------------------------------------------------

from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

from .schema import ENTITY_LABELS  # noqa: E402

_NONE = "O"


@dataclass
class LabelScore:
    p: float
    r: float
    f: float
    support: int

    def to_dict(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f": round(self.f, 4),
            "support": self.support,
        }


def score_keyed(
    gold: dict[Any, str], pred: dict[Any, str], labels: Iterable[str]
) -> tuple[dict[str, LabelScore], LabelScore, LabelScore]:
    """Strict scores of keyed predictions: a key (e.g. a span) with the right
    label is a hit; a wrong or missing label is an error on both sides.

    Returns per-label scores, micro and macro averages (scikit-learn).
    """
    from sklearn.metrics import precision_recall_fscore_support

    labels = list(labels)
    keys = sorted(set(gold) | set(pred), key=repr)
    y_true = [gold.get(k, _NONE) for k in keys]
    y_pred = [pred.get(k, _NONE) for k in keys]
    per_label: dict[str, LabelScore] = {}
    if not keys:
        zero = LabelScore(0.0, 0.0, 0.0, 0)
        return {label: zero for label in labels}, zero, zero
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    for i, label in enumerate(labels):
        per_label[label] = LabelScore(float(p[i]), float(r[i]), float(f[i]), int(s[i]))
    support = sum(int(x) for x in s)
    # A label absent from both gold and predictions (CUSTOMER in a split
    # without customers) has no score to average: macro skips it.
    present = [label for label in labels if label in set(y_true) | set(y_pred)] or labels
    averages = []
    for average in ("micro", "macro"):
        ap, ar, af, _ = precision_recall_fscore_support(
            y_true,
            y_pred,
            labels=labels if average == "micro" else present,
            average=average,
            zero_division=0,
        )
        averages.append(LabelScore(float(ap), float(ar), float(af), support))
    return per_label, averages[0], averages[1]


@dataclass
class ScoreTable:
    per_label: dict[str, LabelScore]
    micro: LabelScore
    macro: LabelScore

    def to_dict(self) -> dict[str, Any]:
        return {
            "micro": self.micro.to_dict(),
            "macro": self.macro.to_dict(),
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
        }

    def format(self, title: str) -> str:
        lines = [title, f"{'label':<12} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
        rows = list(self.per_label.items()) + [("micro", self.micro), ("macro", self.macro)]
        for name, s in rows:
            lines.append(f"{name:<12} {s.p:>6.3f} {s.r:>6.3f} {s.f:>6.3f} {s.support:>8}")
        return "\n".join(lines)


@dataclass
class Report:
    """Every score of one model on one set of releases."""

    n_documents: int
    entities: ScoreTable
    entities_partial: ScoreTable
    relations: ScoreTable
    relations_gold_entities: ScoreTable | None
    facts: dict[str, LabelScore]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list, repr=False)
    # Releases whose issuer was found, of those whose gold (meta "company") names one.
    issuer_correct: int = 0
    issuer_total: int = 0
    issuer_misses: list[dict[str, Any]] = field(default_factory=list, repr=False)
    # Entity errors by kind (missed, spurious, boundary, label), per label.
    error_kinds: dict[str, dict[str, int]] = field(default_factory=dict)
    # Each relation the gold and the prediction disagree on (`relation_errors`).
    relation_errors: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @property
    def issuer_accuracy(self) -> float:
        return self.issuer_correct / self.issuer_total if self.issuer_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_documents": self.n_documents,
            "entities": self.entities.to_dict(),
            "entities_partial": self.entities_partial.to_dict(),
            "relations": self.relations.to_dict(),
            "relations_gold_entities": (
                self.relations_gold_entities.to_dict() if self.relations_gold_entities else None
            ),
            "facts": {k: v.to_dict() for k, v in self.facts.items()},
            "issuer": {
                "accuracy": round(self.issuer_accuracy, 4),
                "correct": self.issuer_correct,
                "total": self.issuer_total,
            },
            "confusion": self.confusion,
            "error_kinds": self.error_kinds,
        }

    def __str__(self) -> str:
        parts = [
            f"{self.n_documents} releases",
            self.entities.format("Entities (strict, end to end)"),
            self.entities_partial.format("Entities (overlap with the same label)"),
            self.relations.format("Relations (end to end, on predicted entities)"),
        ]
        if self.relations_gold_entities:
            parts.append(self.relations_gold_entities.format("Relations (on gold entities)"))
        facts = ["Document-level facts", f"{'fact':<12} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
        for name, s in self.facts.items():
            facts.append(f"{name:<12} {s.p:>6.3f} {s.r:>6.3f} {s.f:>6.3f} {s.support:>8}")
        parts.append("\n".join(facts))
        if self.error_kinds:
            kinds = [
                "Entity errors by kind",
                f"{'label':<12} " + " ".join(f"{k:>9}" for k in ERROR_KINDS),
            ]
            for label, c in self.error_kinds.items():
                kinds.append(f"{label:<12} " + " ".join(f"{c.get(k, 0):>9}" for k in ERROR_KINDS))
            parts.append("\n".join(kinds))
        parts.append(
            f"Issuer: {self.issuer_correct} of {self.issuer_total} releases correct"
            f" (accuracy {self.issuer_accuracy:.3f})"
        )
        return "\n\n".join(parts)


def _documents(corpus_or_split: Any) -> list[Any]:
    """Accept AnnotatedDocuments, a datasets split, or a corpus path."""
    from .corpus.records import AnnotatedDocument
    from .corpus.splits import documents_from_dataset, read_corpus_dir

    if isinstance(corpus_or_split, (str, Path)):
        return read_corpus_dir(corpus_or_split)[0]
    items = list(corpus_or_split)
    if items and not isinstance(items[0], AnnotatedDocument):
        return documents_from_dataset(items)
    return items


def _gold_extraction(doc: Any) -> Any:
    from .extraction import Entity, Extraction
    from .extraction import Relation as Rel

    order = sorted(doc.spans, key=lambda s: s.start)
    index = {s.id: i for i, s in enumerate(order)}
    entities = tuple(Entity(s.start, s.end, s.label, s.text) for s in order)
    relations = tuple(Rel(index[r.head], index[r.child], r.label) for r in doc.relations)
    return Extraction(doc.text, entities, relations)


def _entity_map(extraction: Any, doc_id: str) -> dict[Any, str]:
    return {(doc_id, e.start, e.end): e.label for e in extraction.entities}


def _relation_map(extraction: Any, doc_id: str) -> dict[Any, str]:
    ents = extraction.entities
    return {
        (
            doc_id,
            ents[r.head].start,
            ents[r.head].end,
            ents[r.child].start,
            ents[r.child].end,
        ): r.label
        for r in extraction.relations
    }


def relation_errors(gold: Any, pred: Any, doc_id: str) -> list[dict[str, Any]]:
    """The relations of one release that only the gold or only the prediction
    holds (strict: both arguments' offsets), each with its arguments' text:
    `gold` is the label the gold gives the pair, or "O" when it gives none,
    and `pred` the same for the prediction."""
    return _relation_differences(
        _relation_map(gold, doc_id), _relation_map(pred, doc_id), gold.text
    )


def _relation_differences(
    gold_map: dict[Any, str], pred_map: dict[Any, str], text: str
) -> list[dict[str, Any]]:
    """The keyed relations (`_relation_map`) on which the two maps disagree."""
    return [
        {
            "doc": key[0],
            "head": text[key[1] : key[2]],
            "head_start": key[1],
            "child": text[key[3] : key[4]],
            "child_start": key[3],
            "gold": gold_map.get(key, _NONE),
            "pred": pred_map.get(key, _NONE),
        }
        for key in sorted(set(gold_map) | set(pred_map))
        if gold_map.get(key) != pred_map.get(key)
    ]


def _partial_matches(gold: Any, pred: Any) -> tuple[dict[Any, str], dict[Any, str]]:
    """Re-key predictions that overlap a gold span of the same label onto it."""
    gold_map, pred_map = {}, {}
    for g in gold.entities:
        gold_map[(g.start, g.end)] = g.label
    used = set()
    for p in pred.entities:
        match = next(
            (
                (g.start, g.end)
                for g in gold.entities
                if g.label == p.label
                and g.start < p.end
                and p.start < g.end
                and (g.start, g.end) not in used
            ),
            None,
        )
        if match:
            used.add(match)
            pred_map[match] = p.label
        else:
            pred_map[(p.start, p.end)] = p.label
    return gold_map, pred_map


def _facts(extraction: Any) -> dict[str, set[Any]]:
    people_roles = {
        (person.name.split()[-1].lower(), role.canonical.lower())
        for person in extraction.people
        for role in person.roles
    }
    customers = {organization_key(c.name) for c in extraction.customers}
    figures = {
        (
            " ".join((f.metric or "").lower().split()),
            f.value,
            (f.period_resolved or f.period or "").lower(),
        )
        for f in extraction.figures
        if f.metric
    }
    return {"person_role": people_roles, "customer": customers, "figure": figures}


def evaluate(model: Any, corpus_or_split: Any, *, gold_entities: bool = True) -> Report:
    """Score `model` (a pipeline, a path or a model name) on gold releases.

    Everything is end to end: the model reads each release as filed, and its
    output is compared with the gold in the release's own offsets.
    """
    from sklearn.metrics import confusion_matrix

    from .pipeline import extract_many, get_pipeline

    nlp = get_pipeline(model)
    documents = _documents(corpus_or_split)
    if not documents:
        raise ValueError("nothing to evaluate: the corpus or split given holds no releases")
    golds = [_gold_extraction(d) for d in documents]
    preds = list(extract_many([d.text for d in documents], model=nlp))
    ent_gold: dict[Any, str] = {}
    ent_pred: dict[Any, str] = {}
    part_gold: dict[Any, str] = {}
    part_pred: dict[Any, str] = {}
    rel_gold: dict[Any, str] = {}
    rel_pred: dict[Any, str] = {}
    fact_counts: dict[str, Counter[str]] = {
        name: Counter() for name in ("person_role", "customer", "figure")
    }
    errors: list[dict[str, Any]] = []
    relation_misses: list[dict[str, Any]] = []
    issuer_correct, issuer_total, issuer_misses = 0, 0, []
    kinds: dict[str, Counter] = {}
    for doc, gold, pred in zip(documents, golds, preds):
        for label, c in entity_error_kinds(gold, pred).items():
            kinds.setdefault(label, Counter()).update(c)
        gold_issuer = gold_issuer_name(doc, gold)
        issuer_total += 1
        right = pred.issuer is None if gold_issuer is None else issuer_matches(pred, gold_issuer)
        if right:
            issuer_correct += 1
        else:
            issuer_misses.append(
                {
                    "doc": doc.id,
                    "gold": gold_issuer,
                    "pred": pred.issuer.name if pred.issuer else None,
                }
            )
        g, p = _entity_map(gold, doc.id), _entity_map(pred, doc.id)
        ent_gold.update(g)
        ent_pred.update(p)
        for key in set(g) | set(p):
            if g.get(key) != p.get(key):
                errors.append(
                    {
                        "doc": doc.id,
                        "start": key[1],
                        "end": key[2],
                        "text": doc.text[key[1] : key[2]],
                        "gold": g.get(key, _NONE),
                        "pred": p.get(key, _NONE),
                    }
                )
        pg, pp = _partial_matches(gold, pred)
        part_gold.update({(doc.id, *k): v for k, v in pg.items()})
        part_pred.update({(doc.id, *k): v for k, v in pp.items()})
        gold_relations, pred_relations = _relation_map(gold, doc.id), _relation_map(pred, doc.id)
        rel_gold.update(gold_relations)
        rel_pred.update(pred_relations)
        relation_misses.extend(_relation_differences(gold_relations, pred_relations, doc.text))
        gold_facts, pred_facts = _facts(gold), _facts(pred)
        for name in fact_counts:
            fact_counts[name]["tp"] += len(gold_facts[name] & pred_facts[name])
            fact_counts[name]["fp"] += len(pred_facts[name] - gold_facts[name])
            fact_counts[name]["fn"] += len(gold_facts[name] - pred_facts[name])
    entities = ScoreTable(*score_keyed(ent_gold, ent_pred, ENTITY_LABELS))
    partial = ScoreTable(*score_keyed(part_gold, part_pred, ENTITY_LABELS))
    relations = ScoreTable(*score_keyed(rel_gold, rel_pred, RELATION_LABELS))
    facts = {}
    for name, c in fact_counts.items():
        precision, recall, f_score = prf(c["tp"], c["fp"], c["fn"])
        facts[name] = LabelScore(precision, recall, f_score, c["tp"] + c["fn"])
    keys = sorted(set(ent_gold) | set(ent_pred), key=repr)
    all_labels = list(ENTITY_LABELS) + [_NONE]
    # Releases with no entity, gold or predicted, give an empty matrix
    # (scikit-learn refuses to count nothing).
    matrix = (
        confusion_matrix(
            [ent_gold.get(k, _NONE) for k in keys],
            [ent_pred.get(k, _NONE) for k in keys],
            labels=all_labels,
        )
        if keys
        else [[0] * len(all_labels) for _ in all_labels]
    )
    confusion = {
        gold_label: {pred_label: int(matrix[i][j]) for j, pred_label in enumerate(all_labels)}
        for i, gold_label in enumerate(all_labels)
    }
    gold_ent_table = None
    if gold_entities and "iec_relation_extractor" in nlp.pipe_names:
        gold_ent_table = _relations_on_gold_entities(nlp, documents, rel_gold)
    return Report(
        len(documents),
        entities,
        partial,
        relations,
        gold_ent_table,
        facts,
        confusion,
        errors,
        issuer_correct,
        issuer_total,
        issuer_misses,
        {
            label: {k: kinds.get(label, Counter())[k] for k in ERROR_KINDS}
            for label in ENTITY_LABELS
        },
        relation_misses,
    )


def gold_issuer_name(doc: Any, gold: Any) -> str | None:
    """The release's issuer per its meta (`company`), or None when the text
    never names it (8-K item texts that say only "the Company")."""
    from .organizations import company_name_forms, same_organization

    company = doc.meta.get("company")
    if not company:
        return None
    forms = company_name_forms(company)
    named = any(
        same_organization(e.text, form)
        for e in gold.entities
        if e.label in ("ORG", "CUSTOMER")
        for form in forms
    )
    return company if named else None


ERROR_KINDS = ("missed", "spurious", "boundary", "label")


def entity_error_kinds(gold: Any, pred: Any) -> dict[str, Counter]:
    """Entity errors of one release by kind, per gold (or predicted) label.

    `label`: same offsets, other label; `boundary`: overlapping, same label,
    other offsets; `missed`: a gold entity nothing predicted overlaps;
    `spurious`: a prediction no gold entity overlaps. An overlap with another
    label and other offsets counts as a missed gold and a spurious prediction.
    """
    counts: dict[str, Counter] = {}
    predicted = {(e.start, e.end): e.label for e in pred.entities}
    golds = {(e.start, e.end): e.label for e in gold.entities}

    def overlapping(span: tuple[int, int], others: dict) -> list[tuple[tuple[int, int], str]]:
        return [(o, lab) for o, lab in others.items() if o[0] < span[1] and span[0] < o[1]]

    for span, label in golds.items():
        if predicted.get(span) == label:
            continue
        kind = "missed"
        if span in predicted:
            kind = "label"
        elif any(lab == label for _, lab in overlapping(span, predicted)):
            kind = "boundary"
        counts.setdefault(label, Counter())[kind] += 1
    for span, label in predicted.items():
        if span in golds:
            continue
        near = overlapping(span, golds)
        if not any(lab == label for _, lab in near):
            counts.setdefault(label, Counter())["spurious"] += 1
    return counts


def issuer_matches(extraction: Any, gold_company: str) -> bool:
    """Whether the extraction's issuer is the gold company (by name, after
    normalization: `IEC` or `IEC Electronics` for `IEC Electronics Corp.`)."""
    from .organizations import company_name_forms, same_organization

    issuer = extraction.issuer
    if issuer is None:
        return False
    names = [issuer.name] + [extraction.entities[i].text for i in issuer.mentions]
    golds = company_name_forms(gold_company)
    return any(same_organization(n, g) for n in names for g in golds)


def _relations_on_gold_entities(
    nlp: Any, documents: list[Any], rel_gold: dict[Any, str]
) -> ScoreTable:
    """Relation scores when the relation extractor is given the gold entities,
    which separates its own errors from those of the entity recognizer."""
    from .corpus.docbin import annotated_to_doc
    from .pipeline import _build
    from .text import normalize

    rel_pred: dict[Any, str] = {}
    relation_pipe = nlp.get_pipe("iec_relation_extractor")
    for document in documents:
        doc, _ = annotated_to_doc(nlp, document)
        for name, proc in nlp.pipeline:
            if name in ("sentencizer", "tok2vec", "transformer"):
                doc = proc(doc)
        doc = relation_pipe(doc)
        rel_pred.update(_relation_map(_build(normalize(document.text), [(0, doc)]), document.id))
    return ScoreTable(*score_keyed(rel_gold, rel_pred, RELATION_LABELS))


def threshold_sweep(
    model: Any, corpus_or_split: Any, thresholds: Iterable[float] | None = None
) -> list[dict[str, float]]:
    """End-to-end relation P/R/F1 at each decision threshold (choose on dev)."""
    from .pipeline import get_pipeline

    nlp = get_pipeline(model)
    documents = _documents(corpus_or_split)
    relation_pipe = cast(RelationExtractor, nlp.get_pipe("iec_relation_extractor"))
    original = relation_pipe.threshold
    rows = []
    try:
        for threshold in thresholds or [round(0.1 * i, 2) for i in range(1, 10)]:
            relation_pipe.threshold = threshold
            table = evaluate(nlp, documents, gold_entities=False).relations
            rows.append(
                {
                    "threshold": threshold,
                    "p": round(table.micro.p, 4),
                    "r": round(table.micro.r, 4),
                    "f": round(table.micro.f, 4),
                }
            )
    finally:
        relation_pipe.threshold = original
    return rows


def patterns_baseline() -> Any:
    """The no-learning baseline pipeline (see `iec_nlp.baseline`)."""
    from .baseline import patterns_baseline as build

    return build()
