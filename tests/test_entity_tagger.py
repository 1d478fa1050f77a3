"""The entity tagger: BILUO tags decoded under the scheme's constraints,
around preset entities."""

from __future__ import annotations

import numpy
import pytest

from iec_nlp.components.entity_tagger import BiluoScheme, EntityTagger

TAGS = ["B-PERIOD", "I-PERIOD", "L-PERIOD", "O", "U-ORG", "U-PERIOD", "B-ORG", "L-ORG"]
COLUMN = {tag: n for n, tag in enumerate(TAGS)}


def decode_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """The spans of a valid BILUO tag sequence, each tag given a clear lead."""
    columns = {tag: n for n, tag in enumerate(sorted(set(tags) | {"O"}))}
    scores = numpy.full((len(tags), len(columns)), -10.0, dtype="f")
    for t, tag in enumerate(tags):
        scores[t, columns[tag]] = 10.0
    return BiluoScheme(columns).decode(scores)


def _scores(*rows: dict[str, float]) -> numpy.ndarray:
    scores = numpy.full((len(rows), len(TAGS)), -5.0, dtype="f")
    for t, row in enumerate(rows):
        for tag, value in row.items():
            scores[t, COLUMN[tag]] = value
    return scores


def test_valid_sequences_decode_to_their_spans():
    tags = ["B-ORG", "L-ORG", "O", "U-PERIOD", "B-PERIOD", "I-PERIOD", "L-PERIOD", "O"]
    assert decode_tags(tags) == [(0, 2, "ORG"), (3, 4, "PERIOD"), (4, 7, "PERIOD")]
    assert decode_tags(["O", "O"]) == []
    assert decode_tags([]) == []


def test_a_span_cut_short_by_one_likely_O_is_completed():
    # Best tag per token: B I O L O, which BILUO forbids ("same period in 1996"
    # read as "same period"); the best valid path keeps the four tokens.
    scores = _scores(
        {"B-PERIOD": 5}, {"I-PERIOD": 5}, {"O": 3, "I-PERIOD": 1}, {"L-PERIOD": 2, "O": 1}, {"O": 9}
    )
    assert BiluoScheme(TAGS).decode(scores) == [(0, 4, "PERIOD")]


def test_an_entity_is_never_left_open_at_the_end():
    scores = _scores({"O": 1}, {"B-ORG": 4, "U-ORG": 3})
    assert BiluoScheme(TAGS).decode(scores) == [(1, 2, "ORG")]


def test_tokens_where_O_clearly_wins_split_the_search_without_changing_it():
    rows = [{"O": 9}, {"U-ORG": 6}, {"O": 9}, {"B-PERIOD": 3}, {"L-PERIOD": 3}, {"O": 9}]
    assert BiluoScheme(TAGS).decode(_scores(*rows)) == [(1, 2, "ORG"), (3, 5, "PERIOD")]


@pytest.fixture(scope="module")
def tagger_pipeline():
    import spacy
    from spacy.training import Example

    from iec_nlp.augment import with_entity_tags

    nlp = spacy.blank("en")
    nlp.add_pipe("iec_entity_tagger", name="ner")
    text = "Acme Corp reported results for the third quarter ."
    reference = nlp.make_doc(text)
    reference.set_ents([reference.char_span(0, 9, "ORG"), reference.char_span(31, 48, "PERIOD")])
    examples = [with_entity_tags(Example(nlp.make_doc(text), reference))]
    nlp.initialize(lambda: examples)
    return nlp


def test_the_component_writes_entities_and_keeps_preset_ones(tagger_pipeline):
    nlp = tagger_pipeline
    tagger = nlp.get_pipe("ner")
    assert isinstance(tagger, EntityTagger)
    assert set(tagger.labels) >= {"B-ORG", "L-ORG", "O"}
    doc = nlp.make_doc("Acme Corp reported results for the third quarter .")
    doc.set_ents([doc.char_span(0, 4, "PERSON")])  # a preset entity (a rule's)
    labels = numpy.full((len(doc), len(tagger.labels)), -5.0, dtype="f")
    columns = {tag: n for n, tag in enumerate(tagger.labels)}
    for t, tag in enumerate(
        ["B-ORG", "L-ORG", "O", "O", "O", "B-PERIOD", "I-PERIOD", "L-PERIOD", "O"]
    ):
        labels[t, columns[tag]] = 5.0
    tagger.set_annotations([doc], [labels])
    # "Acme Corp" overlaps the preset "Acme": dropped; the period is added.
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Acme", "PERSON"),
        ("the third quarter", "PERIOD"),
    ]


def test_the_component_runs_on_empty_and_odd_text(tagger_pipeline):
    for text in ("", " ", "\n\n", "$$$ ---"):
        doc = tagger_pipeline(text)
        assert all(e.label_ in ("ORG", "PERIOD") for e in doc.ents)
