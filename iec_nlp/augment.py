"""`iec.upper_case.v1`: training copies of releases in capitals.

Headlines are often set in capitals ("IEC ANNOUNCES ADDITION OF VICE
PRESIDENT OF SALES"), and every mention in them is annotated, but capitals
are rare in the running text the model mostly learns from. An upper-cased
copy of some training releases teaches the recognizer that case alone does
not make a name.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from functools import partial

from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import registry

from .components.relation_extractor import RELATIONS_ATTR


@registry.augmenters("iec.upper_case.v1")
def create_upper_case_augmenter(level: float) -> Callable[[Language, Example], Iterator[Example]]:
    return partial(upper_case_augmenter, level=level)


def upper_case_augmenter(nlp: Language, example: Example, *, level: float) -> Iterator[Example]:
    yield example
    text = example.text
    upper = text.upper()
    # Some characters change length when upper-cased ("ß" -> "SS"); the gold
    # character offsets would no longer fit, so such releases are skipped.
    if random.random() >= level or len(upper) != len(text):
        return
    example_dict = example.to_dict()
    example_dict["token_annotation"]["ORTH"] = [
        t.upper() for t in example_dict["token_annotation"]["ORTH"]
    ]
    augmented = Example.from_dict(nlp.make_doc(upper), example_dict)
    setattr(augmented.reference._, RELATIONS_ATTR, getattr(example.reference._, RELATIONS_ATTR))
    yield augmented


# ---------------------------------------------------------------------------
# `iec.release_augmenter.v1`: capitals and swapped names.
# ---------------------------------------------------------------------------

# Words of organization names that say "organization" whatever the company:
# they stay, so the recognizer keeps learning from them.
_GENERIC_NAME_WORDS = frozenset(
    """inc incorporated corp corporation co company ltd limited llc plc group holdings
    electronics electronic systems technologies technology solutions industries international
    manufacturing services products instruments communications research securities exchange
    commission association department division university college school institute bank capital
    market stock global wire business newswire news of and the for de""".split()
)
_ONSETS = "b br c ch cr d dr f g gr h j k kl l m n p pr r s st t tr v w z".split()
_VOWELS = "a e i o u ar er or an en on".split()
_CODAS = ["", "", "n", "r", "s", "x", "l", "k", "ton", "son", "ex", "ix", "co"]


def _pseudo_word(rng: random.Random) -> str:
    """A pronounceable made-up name: "Kelvorex", "Tranis", "Bromer"."""
    syllables = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 2)))
    return (syllables + rng.choice(_CODAS)).capitalize()


def _in_case_of(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word


def name_swap(nlp: Language, example: Example, rng: random.Random) -> Example | None:
    """A copy of `example` whose people and organizations have other names.

    Every name word is replaced the same way throughout the release, so
    `Nortech Systems Incorporated`, `Nortech` and `NORTECH` stay one
    company under a new name, and `Jeffrey Schlarbaum` / `Schlarbaum` one
    person. Generic words (`Systems`, `Corp.`, `of`) and initials stay.
    Offsets of entities and relations move with the text. Returns None if
    the new text does not tokenize into the same entity boundaries.
    """
    from .components.name_shapes import first_names

    reference = example.reference
    given = first_names()
    mapping: dict[str, str] = {}
    replaced: dict[int, str] = {}
    for ent in reference.ents:
        if ent.label_ not in ("PERSON", "ORG", "CUSTOMER"):
            continue
        for position, token in enumerate(ent):
            word = token.text
            key = word.lower()
            if not token.is_alpha or len(word) < 2 or key in _GENERIC_NAME_WORDS:
                continue
            if key not in mapping:
                first_of_person = ent.label_ == "PERSON" and position == 0 and len(ent) > 1
                mapping[key] = rng.choice(given) if first_of_person else _pseudo_word(rng)
            replaced[token.i] = _in_case_of(mapping[key], word)
    if not replaced:
        return None
    pieces: list[str] = []
    new_start: dict[int, int] = {}
    new_end: dict[int, int] = {}
    length = 0
    for token in reference:
        text = replaced.get(token.i, token.text)
        new_start[token.idx] = length
        new_end[token.idx + len(token)] = length + len(text)
        pieces.append(text + token.whitespace_)
        length += len(text) + len(token.whitespace_)
    new_text = "".join(pieces)
    new_reference = nlp.make_doc(new_text)
    spans = []
    for ent in reference.ents:
        span = new_reference.char_span(
            new_start[ent.start_char], new_end[ent.end_char], label=ent.label_
        )
        if span is None:
            return None
        spans.append(span)
    new_reference.set_ents(spans, default="outside")
    relations = [
        [new_start[r[0]], new_end[r[1]], new_start[r[2]], new_end[r[3]], *r[4:]]
        for r in getattr(reference._, RELATIONS_ATTR) or []
    ]
    setattr(new_reference._, RELATIONS_ATTR, relations)
    return Example(nlp.make_doc(new_text), new_reference)


@registry.augmenters("iec.release_augmenter.v1")
def create_release_augmenter(
    upper_case_level: float,
    name_swap_level: float,
    relabel: dict[str, str] | None = None,
    entity_tags: bool = False,
) -> Callable[[Language, Example], Iterator[Example]]:
    """Each release as it is, plus (with these probabilities) an upper-cased
    copy (`iec.upper_case.v1`) and a copy with swapped names.

    The swapped copy is there because the releases users send come from
    other companies: with a few dozen releases the recognizer can learn the
    names themselves ("Plexus", "Schlarbaum") instead of the contexts that
    make a name ("... Corporation", "named ... Vice President").

    `relabel` maps gold labels to the ones the pipeline learns, e.g.
    {"CUSTOMER": "ORG"}: whether an organization is a customer is decided
    per organization after the pipeline (`iec_nlp.customer_decision`), so the
    recognizer need not learn it, and each label fewer makes it faster.

    With `entity_tags`, each gold token also gets its entity's BILUO tag as
    its `tag_` (`B-ORG`, `O`, ...), which the entity tagger learns
    (`iec_nlp.components.entity_tagger`).
    """
    return partial(
        release_augmenter,
        upper_case_level=upper_case_level,
        name_swap_level=name_swap_level,
        relabel=dict(relabel or {}),
        entity_tags=entity_tags,
    )


def release_augmenter(
    nlp: Language,
    example: Example,
    *,
    upper_case_level: float,
    name_swap_level: float,
    relabel: dict[str, str] | None = None,
    entity_tags: bool = False,
) -> Iterator[Example]:
    copies = list(upper_case_augmenter(nlp, example, level=upper_case_level))
    if random.random() < name_swap_level:
        swapped = name_swap(nlp, example, random.Random(random.random()))
        if swapped is not None:
            copies.append(swapped)
    for copy in copies:
        if relabel:
            copy = relabeled(copy, relabel)
        yield with_entity_tags(copy) if entity_tags else copy


def with_entity_tags(example: Example) -> Example:
    """`example` whose gold tokens carry their BILUO entity tags as `tag_`."""
    reference = example.reference.copy()
    offsets = [(e.start_char, e.end_char, e.label_) for e in reference.ents]
    for token, tag in zip(reference, offsets_to_biluo_tags(reference, offsets)):
        token.tag_ = tag
    return Example(example.predicted, reference)


def relabeled(example: Example, relabel: dict[str, str]) -> Example:
    """`example` with its gold entities' labels mapped by `relabel` (spans,
    relations and the text unchanged: `Doc.copy` copies the relations, which
    live in `user_data`)."""
    reference = example.reference
    if not any(ent.label_ in relabel for ent in reference.ents):
        return example
    new_reference = reference.copy()
    new_reference.set_ents(
        [
            Span(new_reference, e.start, e.end, label=relabel.get(e.label_, e.label_))
            for e in reference.ents
        ],
        default="outside",
    )
    return Example(example.predicted, new_reference)
