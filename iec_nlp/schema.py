"""The label schema of SCHEMA.md (v1): entity labels, relation labels and the
entity types each relation may join. Every other module takes its labels from
here, so the contract is written down once."""

from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = (
    "PERSON",
    "ROLE",
    "ORG",
    "CUSTOMER",
    "MONEY",
    "METRIC",
    "PERIOD",
)

RELATION_LABELS: tuple[str, ...] = ("HAS_ROLE", "ROLE_AT", "VALUE_OF", "IN_PERIOD")

# relation label -> allowed (head label, child label) pairs
RELATION_TYPES: dict[str, frozenset[tuple[str, str]]] = {
    "HAS_ROLE": frozenset({("PERSON", "ROLE")}),
    "ROLE_AT": frozenset({("ROLE", "ORG"), ("ROLE", "CUSTOMER")}),
    "VALUE_OF": frozenset({("MONEY", "METRIC")}),
    "IN_PERIOD": frozenset({("MONEY", "PERIOD")}),
}

# (head label, child label) -> the one relation label that pair can carry.
# The schema is built so that a type pair determines the relation label.
RELATION_FOR_TYPES: dict[tuple[str, str], str] = {
    pair: label for label, pairs in RELATION_TYPES.items() for pair in pairs
}

# Relations a MONEY may have at most one of (SCHEMA.md section 3).
SINGLE_VALUED_FROM_MONEY: frozenset[str] = frozenset({"VALUE_OF", "IN_PERIOD"})

# METRIC and PERIOD exist only as the target of a MONEY relation.
REQUIRES_INCOMING: dict[str, str] = {"METRIC": "VALUE_OF", "PERIOD": "IN_PERIOD"}
