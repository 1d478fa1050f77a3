"""Which pipeline a Doc came from.

A Doc knows only its vocab, and its views (`iec_nlp.spacy_doc`) need its
pipeline's customer model (in the pipeline's meta). Pipelines are
remembered here by their vocab when iec_nlp loads them and when one of our
trained components is created, so a plain `spacy.load()` of an iec_nlp model
finds its customer model too.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_LOADED: dict[int, weakref.ref[Language]] = {}


def remember_pipeline(nlp: Language) -> Language:
    """Let Docs of `nlp` find it again (`pipeline_of(doc.vocab)`)."""
    for key in [k for k, ref in _LOADED.items() if ref() is None]:
        del _LOADED[key]
    _LOADED[id(nlp.vocab)] = weakref.ref(nlp)
    return nlp


def pipeline_of(vocab: object) -> Language | None:
    """The pipeline remembered here whose vocab this is, if any."""
    ref = _LOADED.get(id(vocab))
    nlp = ref() if ref is not None else None
    return nlp if nlp is not None and nlp.vocab is vocab else None
