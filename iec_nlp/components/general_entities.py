"""A general-English recognizer's entities as an input of our entity tagger.

Our tagger learns names from 160 releases; spaCy's small English recognizer
learned them from OntoNotes 5 (news, broadcasts, the web: about 1.5 million
words, 18 labels). Its encoder is already copied into ours before training,
but training moves it: what it knew of names it has never seen in our
releases fades. Kept frozen beside our pipeline, its decisions stay what
OntoNotes made them, and our tagger reads them as one more input for each
token: which of the 18 labels covers it, and whether it opens or closes
that entity.

Two parts: `iec_general_entities_as_spans`, placed right after the sourced
(frozen) recognizer, moves its entities from `doc.ents` (which our own
components fill) to `doc.spans[SPANS_KEY]`; and the layer
`iec.general_entity_features.v1` turns those spans into the per-token
features `iec.EntityTaggerWithFeatures.v1` puts next to the encoder's
vectors.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model
from thinc.types import Floats2d

SPANS_KEY = "general_entities"

# The labels of OntoNotes 5, as spaCy's English recognizers use them.
GENERAL_LABELS = (
    "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY",
    "NORP", "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME",
    "WORK_OF_ART",
)  # fmt: skip
_COLUMN = {label: i for i, label in enumerate(GENERAL_LABELS)}
# One column per label, then "opens an entity" and "closes an entity".
FEATURE_WIDTH = len(GENERAL_LABELS) + 2


@Language.component("iec_general_entities_as_spans", assigns=["doc.spans"])
def general_entities_as_spans(doc: Doc) -> Doc:
    """Move the entities set so far (the general recognizer's) to
    `doc.spans[SPANS_KEY]`, leaving `doc.ents` empty for our components."""
    doc.spans[SPANS_KEY] = list(doc.ents)
    doc.set_ents([], default="outside")
    return doc


def general_entity_features(doc: Doc) -> numpy.ndarray:
    """(tokens, FEATURE_WIDTH) one-hot label of the general entity over
    each token, with its first and last token marked; zeros outside."""
    features = numpy.zeros((len(doc), FEATURE_WIDTH), dtype="f")
    for span in doc.spans.get(SPANS_KEY, []):
        column = _COLUMN.get(span.label_)
        if column is None:
            continue
        features[span.start : span.end, column] = 1.0
        features[span.start, len(GENERAL_LABELS)] = 1.0
        features[span.end - 1, len(GENERAL_LABELS) + 1] = 1.0
    return features


@registry.layers("iec.general_entity_features.v1")
def general_entity_feature_layer() -> Model[list[Doc], list[Floats2d]]:
    """A layer with no weights: `general_entity_features` of each doc."""

    def forward(model: Model, docs: list[Doc], is_train: bool):  # noqa: ANN202
        outputs = [model.ops.asarray2f(general_entity_features(doc)) for doc in docs]
        return outputs, lambda d_outputs: []

    return Model("general_entity_features", forward, dims={"nO": FEATURE_WIDTH})
