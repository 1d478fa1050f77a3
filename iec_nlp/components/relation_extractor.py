"""`iec_relation_extractor`: the trainable relation component.

It scores every candidate pair of entities (see `relation_model`) and keeps
the pairs above `threshold`, under the schema's own constraints: a MONEY has
at most one VALUE_OF and one IN_PERIOD, a ROLE mention belongs to at most one
PERSON and one organization. METRIC and PERIOD exist only as the target of a
MONEY relation (SCHEMA.md 2), so with `prune_unlinked` the ones left without
any are removed from `doc.ents`. What the text itself settles and the pair
scores alone miss is applied after decoding: SCHEMA.md's conventions on
amounts (`amount_rules`: changes, parts, comparisons, measures the
sentence states, per-share companions, ranges, periods) and titles stated by the shape of a sentence
(`role_rules`: successions, contact blocks, name lists).

Relations live in `doc._.iec_relations` as lists
`[head_start, head_end, child_start, child_end, label, score]` of character
offsets, so they survive serialization (DocBin) and re-tokenization.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, cast

import numpy
from spacy.attrs import ENT_TYPE
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_get_examples
from spacy.vocab import Vocab
from thinc.api import Model, Optimizer
from thinc.types import Floats2d

from ..loaded import remember_pipeline
from ..schema import RELATION_LABELS, REQUIRES_INCOMING
from ..scoring import relation_prf
from ..text import FiledLayout, doc_text
from .amount_rules import (
    link_bracketed_comparatives,
    link_change_period,
    link_change_to_level_period,
    link_clause_period,
    link_companions,
    link_comparisons_of_new_levels,
    link_contract_values,
    link_levels_after_rates,
    link_list_period,
    link_measures_after,
    link_opening_period,
    link_period_after,
    link_range_ends,
    link_sentence_period,
    link_sized_measures,
    link_stated_measures,
    pair_respectively,
    revise_value_of,
    unlink_compared_period,
    unlink_heading_periods,
    unlink_highlights_heading_periods,
    unlink_measures_of_other_list_items,
    unlink_periods_of_later_lines,
    unlink_periods_of_other_list_items,
    unlink_periods_of_other_pay_items,
    unlink_periods_of_rates_of_change,
)
from .relation_model import Candidate
from .role_rules import (
    link_appointed_objects,
    link_apposed_title_chains,
    link_column_contact_blocks,
    link_company_lines_over_names,
    link_contact_blocks,
    link_joined_organizations,
    link_opening_titles,
    link_parenthesized_titles,
    link_possessive_titles,
    link_signature_titles,
    link_subject_roles,
    link_successor_roles,
    link_title_organizations,
    link_titles_before_names,
    link_titles_of_name_lists,
    link_titles_right_before_names,
    link_where_titles,
    share_coordinated_titles,
    unlink_announcers,
    unlink_holders_taken_for_organizations,
    unlink_organizations_before_holders,
    unlink_titles_across_names,
    unlink_titles_before_clauses,
    unlink_titles_of_former_employers,
    unlink_titles_of_pronoun_sentences,
    unlink_titles_of_the_company,
    unlink_titles_served,
)

RELATIONS_ATTR = "iec_relations"
if not Doc.has_extension(RELATIONS_ATTR):
    Doc.set_extension(RELATIONS_ATTR, default=None)

# Which end of a relation may take part in one relation of that label only.
_ONE_PER = {
    "VALUE_OF": "head",  # a MONEY is the value of one METRIC
    "IN_PERIOD": "head",  # and falls in one PERIOD
    "HAS_ROLE": "child",  # a ROLE mention is held by one PERSON
    "ROLE_AT": "head",  # and is at one organization
}


@dataclass
class PairScores:
    """What `predict` hands to `set_annotations`: each doc's candidate pairs
    and one probability per pair, in that order."""

    candidates: list[list[Candidate]]
    scores: numpy.ndarray


def get_relations(doc: Doc) -> list[list[Any]]:
    return getattr(doc._, RELATIONS_ATTR) or []


@Language.factory(
    "iec_relation_extractor",
    assigns=["doc._.iec_relations", "doc.ents"],
    requires=["doc.ents"],
    default_config={"threshold": 0.5, "prune_unlinked": True},
    default_score_weights={"rel_micro_f": 1.0, "rel_micro_p": None, "rel_micro_r": None},
)
def make_relation_extractor(
    nlp: Language,
    name: str,
    model: Model[list[Doc], Floats2d],
    *,
    threshold: float,
    prune_unlinked: bool,
) -> RelationExtractor:
    # Docs of this pipeline find it (and its customer model) by their vocab,
    # also when it was loaded with a plain spacy.load().
    remember_pipeline(nlp)
    return RelationExtractor(
        nlp.vocab, model, name, threshold=threshold, prune_unlinked=prune_unlinked
    )


class RelationExtractor(TrainablePipe):
    def __init__(
        self,
        vocab: Vocab,
        model: Model[list[Doc], Floats2d],
        name: str = "iec_relation_extractor",
        *,
        threshold: float = 0.5,
        prune_unlinked: bool = True,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg: dict[str, Any] = {
            "labels": list(RELATION_LABELS),
            "threshold": threshold,
            "prune_unlinked": prune_unlinked,
        }

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def threshold(self) -> float:
        return float(self.cfg["threshold"])

    @threshold.setter
    def threshold(self, value: float) -> None:
        self.cfg["threshold"] = float(value)

    def _candidates(self, doc: Doc) -> list[Candidate]:
        return self.model.attrs["get_candidates"](doc)

    def predict(self, docs: Iterable[Doc]) -> PairScores:
        docs = list(docs)
        candidates = [self._candidates(doc) for doc in docs]
        if not any(candidates):
            return PairScores(candidates, numpy.zeros((0,), dtype="f"))
        logits, _ = self._run_model(docs, candidates, is_train=False)
        return PairScores(candidates, _sigmoid(self.model.ops.to_numpy(logits).ravel()))

    def _run_model(
        self, docs: list[Doc], candidates: list[list[Candidate]], *, is_train: bool
    ) -> tuple[Floats2d, Callable]:
        """The model's logits for `docs`; its pair-feature layer reuses the
        candidates already generated instead of generating them again."""
        features = self.model.layers[0]
        features.attrs["precomputed"] = {id(doc): c for doc, c in zip(docs, candidates)}
        try:
            if is_train:
                return self.model.begin_update(docs)
            return self.model.predict(docs), lambda d_logits: d_logits
        finally:
            features.attrs.pop("precomputed", None)

    def set_annotations(self, docs: Iterable[Doc], scores: PairScores) -> None:
        offset = 0
        for doc, candidates in zip(docs, scores.candidates):
            doc_scores = scores.scores[offset : offset + len(candidates)]
            offset += len(candidates)
            kept = _decode(candidates, doc_scores, self.threshold)
            relations = [[*c.key, c.label, round(float(s), 4)] for c, s in kept]
            # What the text settles after decoding: titles stated by the shape
            # of a sentence, and SCHEMA.md's conventions on amounts. Each set
            # runs only where its entities are (most chunks have no title).
            # The rules change links, not entities: the entities are read
            # once (doc.ents walks every token of the chunk each time it is read).
            ents = doc.ents
            labels = {e.label_ for e in ents}
            if "ROLE" in labels:
                relations = _apply_role_rules(doc, relations, ents)
            if "MONEY" in labels:
                relations = _apply_amount_rules(doc, relations, ents)
            setattr(doc._, RELATIONS_ATTR, relations)
            if self.cfg["prune_unlinked"]:
                _prune_unlinked(doc, ents)

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Optimizer | None = None,
        losses: dict[str, float] | None = None,
    ) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_get_examples(lambda: examples, "RelationExtractor.update")
        docs = [_with_gold_entities(eg) for eg in examples]
        candidates = [
            _training_candidates(self._candidates(doc), self._candidates(eg.predicted))
            for doc, eg in zip(docs, examples)
        ]
        if not any(candidates):
            return losses
        logits, backprop = self._run_model(docs, candidates, is_train=True)
        probs = _sigmoid(self.model.ops.to_numpy(logits).ravel())
        loss, d_logits = self.get_loss(examples, PairScores(candidates, probs))
        backprop(self.model.ops.asarray2f(cast(Floats2d, d_logits.reshape(-1, 1))))
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(
        self, examples: Iterable[Example], scores: PairScores
    ) -> tuple[float, numpy.ndarray]:
        """Binary cross-entropy of the pair probabilities against the gold
        relations, and its gradient with respect to the logits."""
        truths = numpy.concatenate(
            [_gold_vector(c, eg.reference) for c, eg in zip(scores.candidates, examples)]
            or [numpy.zeros((0,), dtype="f")]
        )
        probs = scores.scores
        eps = 1e-7
        loss = -numpy.sum(
            truths * numpy.log(probs + eps) + (1 - truths) * numpy.log(1 - probs + eps)
        )
        return float(loss), (probs - truths).astype("f")

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        labels: list[str] | None = None,
    ) -> None:
        validate_get_examples(get_examples, "RelationExtractor.initialize")
        sample = [eg.predicted for eg in islice(get_examples(), 10)]
        self.model.initialize(X=sample)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return relation_prf(
            (get_relations(eg.predicted), get_relations(eg.reference)) for eg in examples
        )


def _apply_role_rules(
    doc: Doc, relations: list[list[Any]], ents: Sequence[Span]
) -> list[list[Any]]:
    for rule in (
        link_successor_roles,
        link_subject_roles,
        link_appointed_objects,
        link_opening_titles,
        link_title_organizations,
        link_possessive_titles,
        link_where_titles,
        link_joined_organizations,
        link_contact_blocks,
        link_company_lines_over_names,
        link_signature_titles,
        link_column_contact_blocks,
        link_titles_before_names,
        link_apposed_title_chains,
        link_parenthesized_titles,
        link_titles_right_before_names,
        link_titles_of_name_lists,
        share_coordinated_titles,
        unlink_titles_of_the_company,
        unlink_titles_of_former_employers,
        unlink_titles_across_names,
        unlink_titles_before_clauses,
        unlink_organizations_before_holders,
        unlink_titles_of_pronoun_sentences,
        unlink_announcers,
        unlink_holders_taken_for_organizations,
        unlink_titles_served,
    ):
        relations = rule(doc, relations, ents)
    return relations


def _apply_amount_rules(
    doc: Doc, relations: list[list[Any]], ents: Sequence[Span]
) -> list[list[Any]]:
    relations = pair_respectively(doc, relations)
    if not relations:
        return relations
    text = doc_text(doc)
    money: list[tuple[int, int]] = []
    metrics: list[tuple[int, int]] = []
    periods: list[tuple[int, int]] = []
    by_label = {"MONEY": money, "METRIC": metrics, "PERIOD": periods}
    for e in ents:
        if e.label_ in by_label:
            by_label[e.label_].append((e.start_char, e.end_char))
    relations = revise_value_of(text, money, metrics, relations)
    layout = FiledLayout(doc)
    relations = unlink_measures_of_other_list_items(layout, relations)
    relations = link_levels_after_rates(
        text, money, metrics, link_stated_measures(text, money, metrics, relations)
    )
    relations = link_measures_after(text, money, metrics, relations)
    relations = link_contract_values(text, money, metrics, relations)
    relations = link_sized_measures(text, money, metrics, relations)
    relations = link_comparisons_of_new_levels(text, money, metrics, relations)
    relations = unlink_periods_of_other_list_items(
        layout, unlink_periods_of_later_lines(layout, relations)
    )
    relations = unlink_periods_of_rates_of_change(text, relations)
    relations = link_period_after(text, money, periods, relations)
    relations = link_companions(text, money, relations)
    relations = link_range_ends(text, money, relations)
    relations = link_bracketed_comparatives(text, money, periods, relations)
    relations = link_change_period(text, money, relations)
    relations = link_change_to_level_period(text, money, relations)
    # A list's items first: the model's text may join two items into one
    # sentence, and the period of one is no period of the other.
    relations = link_list_period(text, money, periods, relations)
    relations = link_sentence_period(text, money, periods, relations)
    relations = link_clause_period(text, money, periods, relations)
    relations = link_opening_period(text, money, periods, relations)
    relations = unlink_highlights_heading_periods(layout, unlink_heading_periods(text, relations))
    # Again after the rules that link an amount to its sentence's one period:
    # a table has no sentence ends, the next section's heading may be it, and
    # the items of a list with no bullet the sentence rules know are one sentence.
    relations = unlink_periods_of_other_list_items(
        layout, unlink_periods_of_later_lines(layout, relations)
    )
    # Again too for the period a rate of change is measured from: the
    # sentence's amounts may have taken it as their sentence's one period.
    relations = unlink_periods_of_rates_of_change(text, relations)
    return unlink_periods_of_other_pay_items(
        text, metrics, unlink_compared_period(text, money, relations)
    )


def _sigmoid(x: numpy.ndarray) -> numpy.ndarray:
    return 1.0 / (1.0 + numpy.exp(-numpy.clip(x, -30, 30)))


def _with_gold_entities(example: Example) -> Doc:
    """A copy of the predicted doc, carrying the reference entities."""
    doc = example.predicted.copy()
    ents = []
    for ent in example.reference.ents:
        span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_)
        if span is not None:
            ents.append(span)
    doc.set_ents(ents, default="outside")
    return doc


def _training_candidates(
    on_gold: list[Candidate], on_predicted: list[Candidate]
) -> list[Candidate]:
    """The pairs the relation component learns from: all pairs of the gold
    entities, plus the pairs of the entities the pipeline predicted that are
    not among them (a wrong entity, or a right one paired with a wrong one).

    With the entity components listed in `[training] annotating_components`,
    the predicted docs carry what the pipeline upstream finds, mistakes
    included, so the component also learns not to link a wrong or mis-bounded
    entity, which it meets at run time. Without them this is the gold pairs.
    Both docs share one tokenization, so their spans index the same token
    vectors.
    """
    seen = {(*c.key, c.label) for c in on_gold}
    return on_gold + [c for c in on_predicted if (*c.key, c.label) not in seen]


def _gold_vector(candidates: list[Candidate], reference: Doc) -> numpy.ndarray:
    gold = {tuple(r[:5]) for r in get_relations(reference)}
    return numpy.asarray([float((*c.key, c.label) in gold) for c in candidates], dtype="f")


def _decode(
    candidates: list[Candidate], scores: numpy.ndarray, threshold: float
) -> list[tuple[Candidate, float]]:
    """Keep pairs above threshold, best first, within the one-per constraints."""
    order = numpy.argsort(-scores, kind="stable")
    taken: set[tuple[str, str, int, int]] = set()
    kept = []
    for index in order:
        score = float(scores[index])
        if score < threshold:
            break
        cand = candidates[index]
        end = cand.head if _ONE_PER[cand.label] == "head" else cand.child
        slot = (cand.label, _ONE_PER[cand.label], end.start_char, end.end_char)
        if slot in taken:
            continue
        taken.add(slot)
        kept.append((cand, score))
    kept.sort(key=lambda item: item[0].key)
    return kept


_REQUIRES_INCOMING_IDS = [get_string_id(label) for label in REQUIRES_INCOMING]


def _prune_unlinked(doc: Doc, ents: Sequence[Span]) -> None:
    # Most chunks have no METRIC or PERIOD: a look at the token labels
    # spares building their entity spans.
    types = doc.to_array(ENT_TYPE)
    if not any((types == label).any() for label in _REQUIRES_INCOMING_IDS):
        return
    linked = {(r[2], r[3], r[4]) for r in get_relations(doc)}
    kept = [
        ent
        for ent in ents
        if ent.label_ not in REQUIRES_INCOMING
        or (ent.start_char, ent.end_char, REQUIRES_INCOMING[ent.label_]) in linked
    ]
    if len(kept) != len(ents):
        doc.set_ents(kept, default="outside")
