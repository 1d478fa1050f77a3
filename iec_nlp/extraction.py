"""What `extract()` returns: immutable results with offsets into the caller's text.

`Extraction.entities` and `Extraction.relations` are the two lists of the
output contract (SCHEMA.md section 4). The views `people`, `customers` and
`figures` are derived from them on first access and never replace them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .components.customer_consistency import organization_key
from .figures import ReleaseContext, is_per_share, parse_money, resolve_period
from .people import canonical_role, group_person_mentions


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


@dataclass(frozen=True)
class Relation:
    head: int  # index into Extraction.entities
    child: int
    label: str
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"head": self.head, "child": self.child, "label": self.label, "score": self.score}


@dataclass(frozen=True)
class RoleHeld:
    title: str
    canonical: str
    organizations: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "canonical": self.canonical,
            "organizations": list(self.organizations),
        }


@dataclass(frozen=True)
class Person:
    name: str
    mentions: tuple[int, ...]  # entity indices
    roles: tuple[RoleHeld, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mentions": list(self.mentions),
            "roles": [r.to_dict() for r in self.roles],
        }


@dataclass(frozen=True)
class Customer:
    name: str
    mentions: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": list(self.mentions)}


@dataclass(frozen=True)
class MoneyAmount:
    entity: int
    text: str
    value: float | None
    currency: str | None
    per_share: bool
    metric: str | None
    period: str | None
    period_resolved: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "text": self.text,
            "value": self.value,
            "currency": self.currency,
            "per_share": self.per_share,
            "metric": self.metric,
            "period": self.period,
            "period_resolved": self.period_resolved,
        }


@dataclass(frozen=True)
class Extraction:
    """Entities and relations found in `text`, with derived views."""

    text: str = field(repr=False)
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "people": [p.to_dict() for p in self.people],
            "customers": [c.to_dict() for c in self.customers],
            "figures": [f.to_dict() for f in self.figures],
        }

    @cached_property
    def _children(self) -> dict[tuple[int, str], list[int]]:
        # Built once, so the views cost linear time in the number of relations.
        children: dict[tuple[int, str], list[int]] = {}
        for r in self.relations:
            children.setdefault((r.head, r.label), []).append(r.child)
        return children

    def _targets(self, head: int, label: str) -> list[int]:
        return self._children.get((head, label), [])

    @cached_property
    def people(self) -> tuple[Person, ...]:
        person_idx = [i for i, e in enumerate(self.entities) if e.label == "PERSON"]
        groups = group_person_mentions([self.entities[i].text for i in person_idx])
        members: dict[int, list[int]] = {}
        for entity_index, group in zip(person_idx, groups):
            members.setdefault(group, []).append(entity_index)
        people = []
        for indices in members.values():
            name = max((" ".join(self.entities[i].text.split()) for i in indices), key=len)
            roles: dict[str, RoleHeld] = {}
            for i in indices:
                for role_index in self._targets(i, "HAS_ROLE"):
                    title = " ".join(self.entities[role_index].text.split())
                    orgs = tuple(
                        " ".join(self.entities[o].text.split())
                        for o in self._targets(role_index, "ROLE_AT")
                    )
                    canonical = canonical_role(title)
                    known = roles.get(canonical)
                    merged = tuple(dict.fromkeys((known.organizations if known else ()) + orgs))
                    roles[canonical] = RoleHeld(title, canonical, merged)
            people.append(Person(name, tuple(indices), tuple(roles.values())))
        return tuple(people)

    @cached_property
    def customers(self) -> tuple[Customer, ...]:
        groups: dict[str, list[int]] = {}
        for i, e in enumerate(self.entities):
            if e.label == "CUSTOMER":
                groups.setdefault(organization_key(e.text), []).append(i)
        return tuple(
            Customer(max((" ".join(self.entities[i].text.split()) for i in idx), key=len), tuple(idx))
            for idx in groups.values()
        )

    @cached_property
    def figures(self) -> tuple[MoneyAmount, ...]:
        context = ReleaseContext.from_text(self.text)
        out = []
        for i, e in enumerate(self.entities):
            if e.label != "MONEY":
                continue
            metric_idx = self._targets(i, "VALUE_OF")
            period_idx = self._targets(i, "IN_PERIOD")
            metric = " ".join(self.entities[metric_idx[0]].text.split()) if metric_idx else None
            period = " ".join(self.entities[period_idx[0]].text.split()) if period_idx else None
            money = parse_money(e.text)
            out.append(
                MoneyAmount(
                    entity=i,
                    text=e.text,
                    value=money.value,
                    currency=money.currency,
                    per_share=is_per_share(self.text[e.end : e.end + 40], metric),
                    metric=metric,
                    period=period,
                    period_resolved=resolve_period(period, context) if period else None,
                )
            )
        return tuple(out)
