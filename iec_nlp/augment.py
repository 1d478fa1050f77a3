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
from spacy.training import Example
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
    example_dict["token_annotation"]["ORTH"] = [t.upper() for t in example_dict["token_annotation"]["ORTH"]]
    augmented = Example.from_dict(nlp.make_doc(upper), example_dict)
    setattr(augmented.reference._, RELATIONS_ATTR, getattr(example.reference._, RELATIONS_ATTR))
    yield augmented
