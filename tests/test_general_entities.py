"""A general recognizer's entities as input features of the entity tagger:
moved out of `doc.ents` into `doc.spans`, then one-hot per token."""

from __future__ import annotations

import numpy
import spacy
from spacy.tokens import Span

from iec_nlp.components.entity_tagger import build_entity_tagger_with_features
from iec_nlp.components.general_entities import (
    FEATURE_WIDTH,
    GENERAL_LABELS,
    SPANS_KEY,
    general_entities_as_spans,
    general_entity_feature_layer,
    general_entity_features,
)


def _doc_with_general_entities():
    nlp = spacy.blank("en")
    doc = nlp("Orders from Lockheed Martin Corp. rose in 2003 .")
    doc.set_ents([Span(doc, 2, 5, label="ORG"), Span(doc, 7, 8, label="DATE")])
    return doc


def test_entities_move_to_spans_and_leave_ents_empty():
    doc = general_entities_as_spans(_doc_with_general_entities())
    assert list(doc.ents) == []
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [
        ("Lockheed Martin Corp.", "ORG"),
        ("2003", "DATE"),
    ]


def test_features_mark_label_start_and_end_of_each_entity():
    doc = general_entities_as_spans(_doc_with_general_entities())
    features = general_entity_features(doc)
    assert features.shape == (len(doc), FEATURE_WIDTH)
    org = GENERAL_LABELS.index("ORG")
    opens, closes = len(GENERAL_LABELS), len(GENERAL_LABELS) + 1
    assert features[2:5, org].tolist() == [1.0, 1.0, 1.0]
    assert features[[2, 7], opens].tolist() == [1.0, 1.0]
    assert features[[4, 7], closes].tolist() == [1.0, 1.0]
    assert features[3, opens] == 0.0 and features[3, closes] == 0.0
    # Outside every entity, and a doc without the spans: all zeros.
    assert not features[[0, 1, 5, 6, 8]].any()
    assert not general_entity_features(spacy.blank("en")("no spans here")).any()


def test_the_tagger_reads_the_features_next_to_the_encoder():
    doc = general_entities_as_spans(_doc_with_general_entities())
    width = 8

    def fake_encoder_forward(model, docs, is_train):
        return [model.ops.alloc2f(len(d), width) for d in docs], lambda d: []

    from thinc.api import Model

    encoder = Model("fake", fake_encoder_forward, dims={"nO": width})
    tagger = build_entity_tagger_with_features(encoder, general_entity_feature_layer(), nO=5)
    tagger.initialize(X=[doc])
    # The output layer starts at zeros (every score equal): give it weights.
    softmax = tagger.get_ref("softmax")
    softmax.set_param("W", numpy.random.default_rng(0).normal(size=softmax.get_param("W").shape).astype("f"))
    (scores,) = tagger.predict([doc])
    assert scores.shape == (len(doc), 5)
    # The entity tokens' features reach the scores: they differ from the outside tokens'.
    assert not numpy.allclose(scores[3], scores[0])
