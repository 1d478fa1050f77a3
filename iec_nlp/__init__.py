"""iec_nlp: information extraction from corporate press releases.

    >>> import iec_nlp
    >>> result = iec_nlp.extract(text)
    >>> result.people, result.customers, result.figures
    >>> doc = iec_nlp.extract_doc(text)  # the same, as a spaCy Doc
    >>> doc.ents, doc._.relations, doc._.people

Importing the package loads no model: the default pipeline is loaded on the
first call that needs it, and kept.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Registers the Doc extensions (doc._.relations, doc._.people, ...), which are
# there as soon as iec_nlp is imported.
from .spacy_doc import SpanRelation, extract_doc, extract_docs

__version__ = "0.1.0"

# The rest of the public API is imported on first use: what serves only the
# running of a pipeline (the pipeline module, the corpus package) costs no
# import time to a caller that does not ask for it.
_LAZY: dict[str, tuple[str, str | None]] = {
    "Customer": ("extraction", "Customer"),
    "Entity": ("extraction", "Entity"),
    "Extraction": ("extraction", "Extraction"),
    "MoneyAmount": ("extraction", "MoneyAmount"),
    "Person": ("extraction", "Person"),
    "Relation": ("extraction", "Relation"),
    "RoleHeld": ("extraction", "RoleHeld"),
    "ModelNotFoundError": ("pipeline", "ModelNotFoundError"),
    "extract": ("pipeline", "extract"),
    "extract_many": ("pipeline", "extract_many"),
    "load": ("pipeline", "load_pipeline"),
    "corpus": ("corpus", None),
}

if TYPE_CHECKING:
    from . import corpus
    from .extraction import Customer, Entity, Extraction, MoneyAmount, Person, Relation, RoleHeld
    from .pipeline import ModelNotFoundError, extract, extract_many
    from .pipeline import load_pipeline as load


def __getattr__(name: str) -> Any:  # noqa: ANN401  (any public object)
    if name in _LAZY:
        module_name, attribute = _LAZY[name]
        module = importlib.import_module(f".{module_name}", __name__)
        value = module if attribute is None else getattr(module, attribute)
    elif not name.startswith("__"):
        # A submodule (iec_nlp.pipeline, iec_nlp.text, ...), as after an
        # import of the whole package.
        try:
            value = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
