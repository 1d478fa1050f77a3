"""iec_nlp: information extraction from corporate press releases.

    >>> import iec_nlp
    >>> result = iec_nlp.extract(text)
    >>> result.people, result.customers, result.figures
    >>> doc = iec_nlp.extract_doc(text)  # the same, as a spaCy Doc
    >>> doc.ents, doc._.relations, doc._.people

Importing the package loads no model: the default pipeline is loaded on the
first call that needs it, and kept.
"""

__version__ = "0.1.0"

from . import corpus
from .extraction import Customer, Entity, Extraction, MoneyAmount, Person, Relation, RoleHeld
from .pipeline import ModelNotFoundError, extract, extract_many
from .pipeline import load_pipeline as load
from .spacy_doc import SpanRelation, extract_doc, extract_docs


def evaluate(model, corpus_or_split, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """Score a model on gold releases; see `iec_nlp.evaluation.evaluate`."""
    from .evaluation import evaluate as _evaluate

    return _evaluate(model, corpus_or_split, **kwargs)


def render(text_or_extraction, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """displaCy HTML of one release's entities and relations."""
    from .rendering import render as _render

    return _render(text_or_extraction, **kwargs)


__all__ = [
    "Customer",
    "Entity",
    "Extraction",
    "ModelNotFoundError",
    "MoneyAmount",
    "Person",
    "Relation",
    "RoleHeld",
    "SpanRelation",
    "__version__",
    "corpus",
    "evaluate",
    "extract",
    "extract_doc",
    "extract_docs",
    "extract_many",
    "load",
    "render",
]
