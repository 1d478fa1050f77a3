"""A patterns-only baseline: the same task with no learning at all.

It is reported beside the trained pipeline so that the value of training is
measured, not assumed. Entities come from the rule components the trained
pipeline also uses, plus small metric and period patterns; relations link
each amount to the nearest metric and period of its sentence, and each title
to the nearest name and to an organization joined by "of/at/for" or "'s".
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import components  # noqa: F401  (registers the rule components)
from .components.relation_extractor import RELATIONS_ATTR
from .tokenizer import blank_pipeline

METRIC_PATTERN = re.compile(
    r"\b(?:(?:net|gross|operating|total|pre-tax)\s+)?(?:income|loss|revenues?|sales|profit|earnings|margin|"
    r"backlog|EBITDA|cash|debt|orders?|charges?|expenses?)\b(?:\s+per\s+(?:diluted\s+)?share)?",
    re.IGNORECASE,
)
PERIOD_PATTERN = re.compile(
    r"\b(?:(?:first|second|third|fourth)\s+quarter(?:\s+of)?(?:\s+fiscal)?(?:\s+(?:year\s+)?\d{4})?|"
    r"(?:three|six|nine|twelve)\s+months\s+ended\s+\w+\s+\d{1,2},?\s+\d{4}|"
    r"fiscal(?:\s+year)?\s+\d{4}|same\s+(?:quarter|period)\s+(?:a\s+year\s+ago|last\s+year|of\s+the\s+prior\s+year)|"
    r"prior\s+year(?:\s+period)?|quarter)\b",
    re.IGNORECASE,
)


@Language.factory("iec_pattern_entities", assigns=["doc.ents"])
def make_pattern_entities(nlp: Language, name: str) -> PatternEntities:
    return PatternEntities()


class PatternEntities:
    """METRIC and PERIOD phrases by pattern, where nothing else was found."""

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        for pattern, label in ((METRIC_PATTERN, "METRIC"), (PERIOD_PATTERN, "PERIOD")):
            for match in pattern.finditer(doc.text):
                span = doc.char_span(
                    match.start(), match.end(), label=label, alignment_mode="contract"
                )
                if (
                    span is not None
                    and len(span)
                    and not any(i in taken for i in range(span.start, span.end))
                ):
                    ents.append(span)
                    taken.update(range(span.start, span.end))
        doc.set_ents(sorted(ents, key=lambda e: e.start), default="outside")
        return doc


@Language.factory("iec_nearest_relations", assigns=["doc._.iec_relations"])
def make_nearest_relations(nlp: Language, name: str) -> NearestRelations:
    return NearestRelations()


class NearestRelations:
    """Relations by proximity within a sentence."""

    def __call__(self, doc: Doc) -> Doc:
        relations = []
        for sent in doc.sents:
            ents = [e for e in doc.ents if sent.start <= e.start < sent.end]
            for ent in ents:
                if ent.label_ == "MONEY":
                    for label, target in (("VALUE_OF", "METRIC"), ("IN_PERIOD", "PERIOD")):
                        nearest = _nearest(ent, [e for e in ents if e.label_ == target])
                        if nearest is not None:
                            relations.append(_relation(ent, nearest, label))
                elif ent.label_ == "ROLE":
                    person = _nearest(ent, [e for e in ents if e.label_ == "PERSON"], max_gap=4)
                    if person is not None:
                        relations.append(_relation(person, ent, "HAS_ROLE"))
                    org = _attached_org(doc, ent, ents)
                    if org is not None:
                        relations.append(_relation(ent, org, "ROLE_AT"))
        setattr(doc._, RELATIONS_ATTR, relations)
        # METRIC and PERIOD exist only as the target of a MONEY relation.
        linked = {(r[2], r[3]) for r in relations}
        doc.set_ents(
            [
                e
                for e in doc.ents
                if e.label_ not in ("METRIC", "PERIOD") or (e.start_char, e.end_char) in linked
            ],
            default="outside",
        )
        return doc


def _relation(head: Span, child: Span, label: str) -> list:
    return [head.start_char, head.end_char, child.start_char, child.end_char, label, 1.0]


def _nearest(anchor: Span, candidates: list[Span], max_gap: int | None = None) -> Span | None:
    def gap(e: Span) -> int:
        return anchor.start - e.end if e.end <= anchor.start else e.start - anchor.end

    scored = [
        (gap(e), e.start > anchor.start, e)
        for e in candidates
        if max_gap is None or gap(e) <= max_gap
    ]
    return min(scored, key=lambda item: (item[0], item[1]))[2] if scored else None


def _attached_org(doc: Doc, role: Span, ents: list[Span]) -> Span | None:
    for org in ents:
        if org.label_ not in ("ORG", "CUSTOMER"):
            continue
        between = doc[role.end : org.start].text.strip().lower() if org.start >= role.end else ""
        before = doc[org.end : role.start].text.strip().lower() if org.end <= role.start else None
        if between in ("of", "at", "for", "of the", "with") or before in ("'s", "\u2019s"):
            return org
    return None


def patterns_baseline() -> Language:
    """A pipeline with the same tokenizer and rules, and no trained weights."""
    nlp = blank_pipeline()
    for name in (
        "sentencizer",
        "iec_money_ruler",
        "iec_entity_rules",
        "iec_pattern_entities",
        "iec_customer_consistency",
        "iec_nearest_relations",
    ):
        nlp.add_pipe(name)
    return nlp
