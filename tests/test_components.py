"""Overfitting tests for the trainable components (spaCy's way): a tiny
pipeline learns two releases by heart, predicts them exactly, and predicts
identically after a save and reload."""

from __future__ import annotations

import spacy
from spacy.training import Example

import iec_nlp.components  # noqa: F401  (registers the factories)
from iec_nlp.components.relation_extractor import RELATIONS_ATTR, get_relations
from iec_nlp.tokenizer import blank_pipeline


def _release(text, entities, relations):
    """Gold for one text from surface strings: (surface, label) entities and
    (head surface, child surface, label) relations."""
    offsets = {}
    for surface, _ in entities:
        start = text.index(surface)
        offsets[surface] = (start, start + len(surface))
    ents = sorted((*offsets[s], label) for s, label in entities)
    rels = [(offsets[h], offsets[c], label) for h, c, label in relations]
    return text, ents, rels


TRAIN = [
    _release(
        "Jeffrey Schlarbaum was named Vice President of Sales at Plexus Corporation.",
        [
            ("Jeffrey Schlarbaum", "PERSON"),
            ("Vice President of Sales", "ROLE"),
            ("Plexus Corporation", "ORG"),
        ],
        [
            ("Jeffrey Schlarbaum", "Vice President of Sales", "HAS_ROLE"),
            ("Vice President of Sales", "Plexus Corporation", "ROLE_AT"),
        ],
    ),
    _release(
        "Net income was $124,000 for the quarter, on revenue of $7.3 million.",
        [
            ("Net income", "METRIC"),
            ("$124,000", "MONEY"),
            ("quarter", "PERIOD"),
            ("revenue", "METRIC"),
            ("$7.3 million", "MONEY"),
        ],
        # Both amounts fall in the sentence's one period (GUIDELINE on IN_PERIOD).
        [
            ("$124,000", "Net income", "VALUE_OF"),
            ("$124,000", "quarter", "IN_PERIOD"),
            ("$7.3 million", "revenue", "VALUE_OF"),
            ("$7.3 million", "quarter", "IN_PERIOD"),
        ],
    ),
]

_TOK2VEC = {
    "@architectures": "spacy.HashEmbedCNN.v2",
    "width": 32,
    "depth": 2,
    "embed_size": 500,
    "window_size": 1,
    "maxout_pieces": 3,
    "subword_features": True,
    "pretrained_vectors": None,
}


def _pipeline():
    nlp = blank_pipeline()
    nlp.add_pipe("ner")
    nlp.add_pipe(
        "iec_relation_extractor",
        config={
            "threshold": 0.5,
            "prune_unlinked": False,
            "model": {
                "@architectures": "iec.RelationModel.v1",
                "width": 32,
                "hidden_width": 32,
                "dropout": 0.0,
                "tok2vec": _TOK2VEC,
                "get_candidates": {"@misc": "iec.candidate_pairs.v1", "max_tokens": 60},
            },
        },
    )
    return nlp


def _examples(nlp):
    examples = []
    for text, ents, rels in TRAIN:
        reference = nlp.make_doc(text)
        reference.ents = [reference.char_span(s, e, label=label) for s, e, label in ents]
        setattr(reference._, RELATIONS_ATTR, [[*h, *c, label, 1.0] for h, c, label in rels])
        examples.append(Example(nlp.make_doc(text), reference))
    return examples


def _predictions(nlp):
    out = []
    for doc in nlp.pipe([t for t, _, _ in TRAIN]):
        out.append(
            (
                [(e.start_char, e.end_char, e.label_) for e in doc.ents],
                sorted((r[0], r[1], r[2], r[3], r[4]) for r in get_relations(doc)),
            )
        )
    return out


def test_ner_and_relation_extractor_overfit_and_survive_save_and_load(tmp_path):
    nlp = _pipeline()
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(150):
        losses = {}
        nlp.update(examples, sgd=optimizer, losses=losses)
    assert losses["iec_relation_extractor"] < 0.05

    predictions = _predictions(nlp)
    for (ents, rels), (_, gold_ents, gold_rels) in zip(predictions, TRAIN):
        assert ents == gold_ents
        assert rels == sorted((*h, *c, label) for h, c, label in gold_rels)

    nlp.to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    assert _predictions(reloaded) == predictions
    scores_before = [r[5] for doc in nlp.pipe([t for t, _, _ in TRAIN]) for r in get_relations(doc)]
    scores_after = [
        r[5] for doc in reloaded.pipe([t for t, _, _ in TRAIN]) for r in get_relations(doc)
    ]
    assert scores_before == scores_after


def test_relation_extractor_respects_one_value_per_money():
    nlp = _pipeline()
    examples = _examples(nlp)
    nlp.initialize(lambda: examples)
    relation_pipe = nlp.get_pipe("iec_relation_extractor")
    relation_pipe.threshold = 0.0  # every candidate passes: only the constraints decide
    doc = nlp.make_doc(TRAIN[1][0])
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in TRAIN[1][1]]
    doc = relation_pipe(doc)
    heads = [(r[0], r[1], r[4]) for r in get_relations(doc)]
    assert len(heads) == len(set(heads)), "a MONEY got two relations of one label"
    assert {r[4] for r in get_relations(doc)} <= {"VALUE_OF", "IN_PERIOD"}


def test_unlinked_metric_and_period_are_pruned():
    nlp = _pipeline()
    examples = _examples(nlp)
    nlp.initialize(lambda: examples)
    relation_pipe = nlp.get_pipe("iec_relation_extractor")
    relation_pipe.cfg["prune_unlinked"] = True
    relation_pipe.threshold = 1.1  # nothing is linked
    doc = nlp.make_doc(TRAIN[1][0])
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in TRAIN[1][1]]
    doc = relation_pipe(doc)
    assert {e.label_ for e in doc.ents} == {"MONEY"}


def test_training_is_reproducible_with_a_fixed_seed():
    from thinc.api import fix_random_seed

    def train_once():
        fix_random_seed(0)
        nlp = _pipeline()
        examples = _examples(nlp)
        optimizer = nlp.initialize(lambda: examples)
        for _ in range(20):
            nlp.update(examples, sgd=optimizer)
        return nlp

    first, second = train_once(), train_once()
    for name in ("ner", "iec_relation_extractor"):
        assert first.get_pipe(name).model.to_bytes() == second.get_pipe(name).model.to_bytes()
    assert _predictions(first) == _predictions(second)
