"""Training augmenters: upper-cased copies and swapped names."""

from __future__ import annotations

import random

from spacy.training import Example

from iec_nlp.augment import name_swap, release_augmenter
from iec_nlp.components.relation_extractor import RELATIONS_ATTR, get_relations
from iec_nlp.tokenizer import blank_pipeline

NLP = blank_pipeline()
TEXT = (
    "Nortech Systems Incorporated named Jeffrey Schlarbaum Vice President of Sales. "
    "Schlarbaum joins NORTECH from Plexus Corp. Nortech reported revenue of $7.3 million."
)
ENTITIES = [
    ("Nortech Systems Incorporated", "ORG"),
    ("Jeffrey Schlarbaum", "PERSON"),
    ("Vice President of Sales", "ROLE"),
    ("Schlarbaum", "PERSON"),
    ("NORTECH", "ORG"),
    ("Plexus Corp.", "ORG"),
    ("Nortech", "ORG"),
    ("revenue", "METRIC"),
    ("$7.3 million", "MONEY"),
]


def _example() -> Example:
    reference = NLP.make_doc(TEXT)
    spans, cursor = [], 0
    for surface, label in ENTITIES:
        start = TEXT.index(surface, cursor)
        cursor = start + len(surface)
        spans.append(reference.char_span(start, cursor, label=label))
    reference.set_ents(spans)
    by_text = {s.text: s for s in spans}
    relations = [
        (by_text["Jeffrey Schlarbaum"], by_text["Vice President of Sales"], "HAS_ROLE"),
        (by_text["$7.3 million"], by_text["revenue"], "VALUE_OF"),
    ]
    setattr(
        reference._,
        RELATIONS_ATTR,
        [
            [h.start_char, h.end_char, c.start_char, c.end_char, label, 1.0]
            for h, c, label in relations
        ],
    )
    return Example(NLP.make_doc(TEXT), reference)


def test_name_swap_renames_consistently_and_moves_offsets():
    swapped = name_swap(NLP, _example(), random.Random(3))
    assert swapped is not None
    ents = [(e.text, e.label_) for e in swapped.reference.ents]
    assert [label for _, label in ents] == [label for _, label in ENTITIES]
    new = dict(zip([s for s, _ in ENTITIES], [t for t, _ in ents]))
    # Names changed, generic words and non-name entities did not.
    assert new["Nortech Systems Incorporated"].endswith(" Systems Incorporated")
    assert not new["Nortech Systems Incorporated"].startswith("Nortech")
    company = new["Nortech Systems Incorporated"].split()[0]
    assert new["Nortech"] == company and new["NORTECH"] == company.upper()
    assert new["Schlarbaum"] == new["Jeffrey Schlarbaum"].split()[-1] != "Schlarbaum"
    assert new["Plexus Corp."].endswith(" Corp.")
    assert new["Vice President of Sales"] == "Vice President of Sales"
    assert new["$7.3 million"] == "$7.3 million"
    # Relations point at the same entities in the new text.
    text = swapped.reference.text
    pairs = {(text[r[0] : r[1]], r[4], text[r[2] : r[3]]) for r in get_relations(swapped.reference)}
    assert pairs == {
        (new["Jeffrey Schlarbaum"], "HAS_ROLE", "Vice President of Sales"),
        ("$7.3 million", "VALUE_OF", "revenue"),
    }
    assert swapped.predicted.text == text


def test_release_augmenter_yields_the_original_first_and_copies_by_level():
    example = _example()
    random.seed(0)
    none = list(release_augmenter(NLP, example, upper_case_level=0.0, name_swap_level=0.0))
    assert none == [example]
    both = list(release_augmenter(NLP, example, upper_case_level=1.0, name_swap_level=1.0))
    assert both[0] is example and len(both) == 3
    assert both[1].reference.text == TEXT.upper()
    assert both[2].reference.text != TEXT


def test_relabel_maps_gold_labels_and_keeps_spans_and_relations():
    example = _example()
    plexus = example.reference.ents[5]
    plexus_reference = example.reference.copy()
    plexus_reference.set_ents(
        [
            e
            if e.text != "Plexus Corp."
            else plexus_reference.char_span(plexus.start_char, plexus.end_char, "CUSTOMER")
            for e in plexus_reference.ents
        ]
    )
    setattr(plexus_reference._, RELATIONS_ATTR, get_relations(example.reference))
    copies = list(
        release_augmenter(
            NLP,
            Example(example.predicted, plexus_reference),
            upper_case_level=0.0,
            name_swap_level=0.0,
            relabel={"CUSTOMER": "ORG"},
        )
    )
    assert len(copies) == 1
    ents = copies[0].reference.ents
    assert [(e.start_char, e.end_char) for e in ents] == [
        (e.start_char, e.end_char) for e in plexus_reference.ents
    ]
    assert "CUSTOMER" not in {e.label_ for e in ents}
    assert next(e.label_ for e in ents if e.text == "Plexus Corp.") == "ORG"
    assert get_relations(copies[0].reference) == get_relations(example.reference)
    # The original is untouched (the relation extractor and scoring read it).
    assert "CUSTOMER" in {e.label_ for e in plexus_reference.ents}


def test_entity_tags_give_each_gold_token_its_biluo_tag():
    example = _example()
    (tagged,) = release_augmenter(
        NLP, example, upper_case_level=0.0, name_swap_level=0.0, entity_tags=True
    )
    tags = [(t.text, t.tag_) for t in tagged.reference]
    assert tags[:4] == [
        ("Nortech", "B-ORG"),
        ("Systems", "I-ORG"),
        ("Incorporated", "L-ORG"),
        ("named", "O"),
    ]
    assert ("NORTECH", "U-ORG") in tags
    assert [t.tag_ for t in tagged.reference if t.text == "million"] == ["L-MONEY"]
