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
from typing import Any

from spacy.language import Language
from spacy.util import registry

logger = logging.getLogger(__name__)


@registry.callbacks("iec.init_from_pipeline.v1")
def create_init_from_pipeline(source: str, component: str = "ner") -> Callable[[Language], Language]:
    def init_from_pipeline(nlp: Language) -> Language:
        copied = copy_recognizer_weights(nlp, source, component)
        logger.info("initialized from %s's %s: %s", source, component, ", ".join(copied) or "nothing")
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


def _residual_blocks(encoder: Any) -> list[Any]:
    """The convolution blocks of a `spacy.Tok2Vec.v2` encoder, in order."""
    # With depth > 1 the blocks are chained, and the chain's name starts
    # like a block's ("residual(...)>>residual(...)"): keep single blocks.
    return [node for node in encoder.walk() if node.name.startswith("residual(") and ")>>" not in node.name]


def _copy_encoder(ours: Any, origin: Any) -> list[str]:
    """Copy the source encoder into ours: whole when the shapes match, else
    its embedding and its first convolution blocks into a shallower encoder
    of the same width (each block refines the one before, so the first ones
    are a sound start for fewer)."""
    if _copy(ours, origin):
        return ["encoder"]
    if not _copy(ours.layers[0], origin.layers[0]):
        return []
    ours_blocks, origin_blocks = _residual_blocks(ours), _residual_blocks(origin)
    copied = 0
    for block, origin_block in zip(ours_blocks, origin_blocks):
        if not _copy(block, origin_block):
            break
        copied += 1
    return ["embedding", f"{copied} of {len(origin_blocks)} encoder blocks"]


def copy_recognizer_weights(nlp: Language, source: str, component: str = "ner") -> list[str]:
    """Copy the source recognizer's encoder (into our shared `tok2vec`), its
    projection and its lower layer (into our `ner`). Returns what was copied."""
    import spacy

    origin = spacy.load(source).get_pipe(component).model
    copied = []
    origin_encoder, _, origin_projection = origin.get_ref("tok2vec").layers
    copied += _copy_encoder(nlp.get_pipe("tok2vec").model, origin_encoder)
    ours = nlp.get_pipe("ner").model
    if not ours.has_ref("lower"):
        # Entities from a tagger (iec_nlp.components.entity_tagger): only
        # the encoder has a counterpart in the source.
        return copied
    if _copy(ours.get_ref("tok2vec").layers[-1], origin_projection):
        copied.append("projection")
    if _copy(ours.get_ref("lower"), origin.get_ref("lower")):
        copied.append("lower layer")
    return copied
