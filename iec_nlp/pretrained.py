"""`iec.init_from_pipeline.v1`: start training from a pretrained English NER.

Our corpus teaches what a role, a metric or a customer is, but a few hundred
releases are little to learn what a name looks like. A pretrained English
pipeline's recognizer has learned names (people, organizations, money) from
a large corpus; its token encoder and the lower layers of its recognizer are
copied into our pipeline before training, and everything is then trained on
our releases. Our pipeline keeps one shared encoder (the relation extractor
listens to it too), so this costs no speed at run time.

The source pipeline is needed only when training (`[initialize.after_init]`
in the config); the trained model carries the weights and loads without it.
Only layers of identical shape are copied; the recognizer's output layer
(our labels) is learned anew.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

from spacy.language import Language
from spacy.util import registry

logger = logging.getLogger(__name__)


@registry.callbacks("iec.init_from_pipeline.v1")
def create_init_from_pipeline(
    source: str, component: str = "ner"
) -> Callable[[Language], Language]:
    def init_from_pipeline(nlp: Language) -> Language:
        copied = copy_recognizer_weights(nlp, source, component)
        logger.info(
            "initialized from %s's %s: %s", source, component, ", ".join(copied) or "nothing"
        )
        return nlp

    return init_from_pipeline


def _copy(target: Any, origin: Any) -> bool:
    """Copy `origin`'s parameters into `target` when every shape matches."""
    pairs = list(zip(target.walk(), origin.walk()))
    if len(list(target.walk())) != len(list(origin.walk())):
        return False
    for ours, theirs in pairs:
        if ours.name != theirs.name:
            return False
        for name in theirs.param_names:
            if not ours.has_param(name) or not theirs.has_param(name):
                continue
            if ours.get_param(name).shape != theirs.get_param(name).shape:
                return False
    for ours, theirs in pairs:
        for name in theirs.param_names:
            if ours.has_param(name) and theirs.has_param(name):
                ours.set_param(name, theirs.get_param(name).copy())
        # A hash embedding's seed decides which row a word lands in: the
        # copied table is only right with the seed it was trained with.
        if "seed" in theirs.attrs and "seed" in ours.attrs:
            ours.attrs["seed"] = theirs.attrs["seed"]
    return True


def copy_recognizer_weights(nlp: Language, source: str, component: str = "ner") -> list[str]:
    """Copy the source recognizer's encoder (into our shared `tok2vec`) and,
    when our `ner` is a transition-based recognizer too, its projection and
    lower layer. Returns what was copied."""
    import spacy
    from spacy.pipeline import Tok2Vec, TrainablePipe

    origin = cast(TrainablePipe, spacy.load(source).get_pipe(component)).model
    copied = []
    origin_encoder, _, origin_projection = origin.get_ref("tok2vec").layers
    if _copy(cast(Tok2Vec, nlp.get_pipe("tok2vec")).model, origin_encoder):
        copied.append("encoder")
    # spaCy's recognizer or ours (iec_nlp.components.entity_tagger).
    ours = cast(TrainablePipe, nlp.get_pipe("ner")).model
    if not ours.has_ref("lower"):
        # Entities from a tagger (iec_nlp.components.entity_tagger): only
        # the encoder has a counterpart in the source.
        return copied
    if _copy(ours.get_ref("tok2vec").layers[-1], origin_projection):
        copied.append("projection")
    if _copy(ours.get_ref("lower"), origin.get_ref("lower")):
        copied.append("lower layer")
    return copied
