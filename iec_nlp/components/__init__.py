"""iec_nlp's spaCy components. Importing this package registers them (and
the architectures they use) with spaCy; installed, the entry points in
pyproject.toml do the same for `spacy.load()`."""

from . import (
    customer_consistency,
    entity_rules,
    entity_tagger,
    money_ruler,
    relation_extractor,
    relation_model,
    table_reader,
)

__all__ = [
    "customer_consistency",
    "entity_rules",
    "entity_tagger",
    "money_ruler",
    "relation_extractor",
    "relation_model",
    "table_reader",
]
