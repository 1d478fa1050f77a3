"""What `extract()` returns: immutable results with offsets into the caller's text.

`Extraction.entities` and `Extraction.relations` are the two lists of the
output contract (SCHEMA.md section 4). The views `people`, `customers` and
`figures` are derived from them on first access and never replace them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .organizations import (
    display_name,
    group_organizations,
    sentence_bounds,
    sentence_of,
)

# "$900,000 order from the", "$4 million contract with": the words between an
# amount and the customer it is the value of.
_ORDER_FROM_AFTER_AMOUNT = re.compile(
    r"[^$.;]{0,60}?\b(?:from|by|with|to|for)\s+(?:the\s+)?", re.IGNORECASE
)

# The views' own modules (`figures`, `people`) are imported when a view is
# first asked for: `import iec_nlp` does not pay for their patterns.


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
    # For a role the text states with no organization: the issuer, as the
    # organization the release implies. Never counted as a ROLE_AT.
    implied_organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "canonical": self.canonical,
            "organizations": list(self.organizations),
            "implied_organization": self.implied_organization,
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
class Evidence:
    """A sentence of the release that shows a customer relationship."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Customer:
    name: str
    mentions: tuple[int, ...]  # entity indices
    evidence: tuple[Evidence, ...] = ()
    amounts: tuple[MoneyAmount, ...] = ()  # amounts stated in the evidence sentences

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mentions": list(self.mentions),
            "evidence": [e.to_dict() for e in self.evidence],
            "amounts": [a.to_dict() for a in self.amounts],
        }


@dataclass(frozen=True)
class Issuer:
    """The organization that issued the release."""

    name: str
    mentions: tuple[int, ...]  # entity indices

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
    # "reduced long-term debt by $2.5 million": an amount of change, reported
    # with no metric (it is not the metric's level).
    change: bool = False

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
            "change": self.change,
        }


@dataclass(frozen=True)
class Extraction:
    """Entities and relations found in `text`, with derived views."""

    text: str = field(repr=False)
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    # Who issued the release (None when the text does not say), decided by
    # `iec_nlp.issuer` when the pipeline builds the result.
    issuer: Issuer | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "issuer": self.issuer.to_dict() if self.issuer else None,
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

    def _sentence_scope(
        self, bounds: list[tuple[int, int]], amount: Entity, period: str
    ) -> str | None:
        """Whether the amount's sentence reports a quarter or a year, read only
        for a period phrase that does not say ("the prior-year period")."""
        from .figures import sentence_scope

        if "period" not in period.lower():
            return None
        start, end = sentence_of(bounds, amount.start)
        return sentence_scope(self.text[start:end])

    def _targets(self, head: int, label: str) -> list[int]:
        return self._children.get((head, label), [])

    @cached_property
    def people(self) -> tuple[Person, ...]:
        from .people import canonical_role, group_person_mentions

        person_idx = [i for i, e in enumerate(self.entities) if e.label == "PERSON"]
        groups = group_person_mentions([self.entities[i].text for i in person_idx])
        members: dict[int, list[int]] = {}
        for entity_index, group in zip(person_idx, groups):
            members.setdefault(group, []).append(entity_index)
        people = []
        for indices in members.values():
            # The fullest name, written as in running text rather than in a
            # headline's capitals ("Laura M. Pettigrew", not "LAURA M. PETTIGREW").
            name = max(
                (" ".join(self.entities[i].text.split()) for i in indices),
                key=lambda n: (not n.isupper(), len(n)),
            )
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
                    implied = None if merged or self.issuer is None else self.issuer.name
                    roles[canonical] = RoleHeld(title, canonical, merged, implied)
            people.append(Person(name, tuple(indices), tuple(roles.values())))
        return tuple(people)

    @cached_property
    def customers(self) -> tuple[Customer, ...]:
        """One entry per customer organization, with the sentences that show
        it as a customer and the amounts stated in them."""
        bounds = sentence_bounds(self.text)
        figures_by_entity = {f.entity: f for f in self.figures}
        groups = [
            g
            for g in group_organizations(self.entities, self.text)
            if self.entities[g[0]].label == "CUSTOMER"
        ]
        # A sentence may name several customers ("a $2.8 million order from
        # Beta and a $900,000 order from Gamma"): each amount is stated for
        # the customer its order comes from, else for the one named nearest.
        customer_of = {i: n for n, g in enumerate(groups) for i in g}
        stated_for: dict[int, int] = {}  # amount index -> customer group
        for i, e in enumerate(self.entities):
            if e.label != "MONEY":
                continue
            a, b = sentence_of(bounds, e.start)
            named = [j for j in customer_of if a <= self.entities[j].start < b]
            if not named:
                continue
            after = [j for j in named if self.entities[j].start > e.end]
            source = min(after, key=lambda j: self.entities[j].start, default=None)
            if source is None or not _ORDER_FROM_AFTER_AMOUNT.fullmatch(
                self.text, e.end, self.entities[source].start
            ):
                source = min(named, key=lambda j: abs(self.entities[j].start - e.start))
            stated_for[i] = customer_of[source]
        customers = []
        for n, members in enumerate(groups):
            name = display_name(self.entities, members)
            sentences = sorted({sentence_of(bounds, self.entities[i].start) for i in members})
            evidence = tuple(Evidence(a, b, self.text[a:b]) for a, b in sentences)
            amounts = tuple(figures_by_entity[i] for i, group in stated_for.items() if group == n)
            customers.append(Customer(name, tuple(members), evidence, amounts))
        return tuple(customers)

    @cached_property
    def figures(self) -> tuple[MoneyAmount, ...]:
        from .figures import (
            ReleaseContext,
            has_scale_word,
            is_change,
            is_per_share,
            parse_money,
            resolve_period,
            stated_units,
            unit_at,
        )

        context = ReleaseContext.from_text(self.text)
        units = stated_units(self.text)
        bounds = sentence_bounds(self.text)
        out = []
        for i, e in enumerate(self.entities):
            if e.label != "MONEY":
                continue
            metric_idx = self._targets(i, "VALUE_OF")
            period_idx = self._targets(i, "IN_PERIOD")
            metric = " ".join(self.entities[metric_idx[0]].text.split()) if metric_idx else None
            period = " ".join(self.entities[period_idx[0]].text.split()) if period_idx else None
            money = parse_money(e.text)
            per_share = is_per_share(self.text[e.end : e.end + 40], metric, e.text)
            value = money.value
            # "(in thousands)" above a table: "$ 7,312" is $7,312,000; per-share
            # amounts of the same table ("except per share data") are not scaled.
            scale = unit_at(units, e.start, e.text)
            if value is not None and scale and not per_share and not has_scale_word(e.text):
                value *= scale
            change = is_change(self.text[max(0, e.start - 40) : e.start])
            out.append(
                MoneyAmount(
                    entity=i,
                    text=e.text,
                    value=value,
                    currency=money.currency,
                    per_share=per_share,
                    # An amount of change is not the metric's level.
                    metric=None if change else metric,
                    period=period,
                    period_resolved=resolve_period(
                        period, context, self._sentence_scope(bounds, e, period)
                    )
                    if period
                    else None,
                    change=change,
                )
            )
        return tuple(out)
