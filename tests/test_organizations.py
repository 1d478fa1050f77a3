"""The issuer, customers decided per organization, and the views built on them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iec_nlp.corpus.splits import split_documents
from iec_nlp.customer_training import fit_customer_model
from iec_nlp.extraction import Entity, Extraction, Issuer, Relation
from iec_nlp.name_swap import swap_organization_names
from iec_nlp.organizations import (
    CustomerModel,
    decide_labels,
    find_issuer,
    group_organizations,
    organization_key,
    same_organization,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpora"


def _orgs(text: str, *names: str, label: str = "ORG") -> list[Entity]:
    """Every mention of the names, longest names first (no overlaps)."""
    found: list[Entity] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(e.start < m.end() and m.start() < e.end for e in found):
                found.append(Entity(m.start(), m.end(), label, name))
    return sorted(found, key=lambda e: e.start)


@pytest.fixture(scope="module")
def customer_model() -> CustomerModel:
    grouped, _ = split_documents(CORPUS)
    return fit_customer_model(grouped["train"], threshold=0.6)


def test_names_of_one_organization_are_grouped():
    assert organization_key("Motorola, Inc.'s") == "motorola"
    assert same_organization("IEC", "IEC Electronics Corp.")
    assert same_organization("SAIC", "Science Applications International Corporation")
    assert not same_organization("Acme", "Beta Industries")
    text = "Science Applications International Corporation (SAIC) said. IEC Electronics Corp. and IEC's plant."
    entities = _orgs(text, "Science Applications International Corporation", "SAIC", "IEC Electronics Corp.", "IEC")
    groups = group_organizations(entities, text)
    assert [[entities[i].text for i in g] for g in groups] == [
        ["Science Applications International Corporation", "SAIC"],
        ["IEC Electronics Corp.", "IEC"],
    ]


def test_the_issuer_is_the_organization_that_announces_with_its_ticker():
    text = (
        "Beta Systems Wins Order\n\nDALLAS, May 1, 2024 -- Acme Corp. (NYSE: ACM) today announced an "
        "order from Beta Systems (Nasdaq: BETA). Acme will ship in June.\n\nAbout Acme\nAcme makes things."
    )
    entities = _orgs(text, "Beta Systems", "Acme Corp.", "Acme")
    issuer = find_issuer(text, entities)
    assert issuer is not None and issuer.name == "Acme Corp."
    assert {entities[i].text for i in issuer.mentions} == {"Acme Corp.", "Acme"}


def test_no_issuer_when_the_text_names_none():
    text = "Item 5.02 Departure of Directors.\n\nOn May 1, 2024, the Company entered into an agreement."
    assert find_issuer(text, []) is None


@pytest.mark.parametrize(
    "sentence, name, expected",
    [
        # The decision follows the role the release gives the organization, not its name.
        ("today announced an order from Keysight Technologies, a new customer, for test systems.", "Keysight Technologies", "CUSTOMER"),
        ("today announced an order from Teradyne, a new customer, for test systems.", "Teradyne", "CUSTOMER"),
        ("today announced a joint development program with Motorola. Motorola is a partner, not a customer.", "Motorola", "ORG"),
    ],
)
def test_customer_is_decided_from_the_release(customer_model, sentence, name, expected):
    text = f"Acme Corp. (Nasdaq: ACME) {sentence}"
    entities = _orgs(text, "Acme Corp.", name)
    labels, issuer = decide_labels(text, entities, [], customer_model)
    assert issuer is not None and issuer.name == "Acme Corp."
    assert {label for e, label in zip(entities, labels) if e.text == name} == {expected}
    assert [label for e, label in zip(entities, labels) if e.text == "Acme Corp."] == ["ORG"]


def test_without_a_model_the_recognizer_decides_but_never_for_the_issuer():
    text = "Acme Corp. (Nasdaq: ACME) today announced an order from Beta. Acme thanks Beta."
    found = _orgs(text, "Acme Corp.", "Acme", "Beta")
    # The recognizer called the issuer and the first Beta customers, the rest ORG.
    entities = [Entity(e.start, e.end, label, e.text) for e, label in zip(found, ["CUSTOMER", "CUSTOMER", "ORG", "ORG"])]
    assert [e.text for e in entities] == ["Acme Corp.", "Beta", "Acme", "Beta"]
    labels, _ = decide_labels(text, entities, [], None)
    assert labels == ["ORG", "CUSTOMER", "ORG", "CUSTOMER"]


def test_customers_view_gives_evidence_and_amounts():
    text = (
        "Acme Corp. (NYSE: ACM) today announced a $4.7 million order from the U.S. Navy. "
        "Revenue was $9 million. The Navy order ships in June."
    )
    spans = [("Acme Corp.", "ORG"), ("$4.7 million", "MONEY"), ("order", "METRIC"), ("U.S. Navy", "CUSTOMER"),
             ("$9 million", "MONEY"), ("Navy", "CUSTOMER")]
    entities, cursor = [], 0
    for surface, label in spans:
        start = text.index(surface, cursor)
        entities.append(Entity(start, start + len(surface), label, surface))
        cursor = start + len(surface)
    result = Extraction(text, tuple(entities), (Relation(1, 2, "VALUE_OF"),), Issuer("Acme Corp.", (0,)))
    (customer,) = result.customers
    assert customer.name == "U.S. Navy" and customer.mentions == (3, 5)
    assert [e.text for e in customer.evidence] == [
        "Acme Corp. (NYSE: ACM) today announced a $4.7 million order from the U.S. Navy.",
        "The Navy order ships in June.",
    ]
    assert all(text[e.start : e.end] == e.text for e in customer.evidence)
    assert [(a.text, a.metric) for a in customer.amounts] == [("$4.7 million", "order")]
    assert result.to_dict()["issuer"] == {"name": "Acme Corp.", "mentions": [0]}


def test_a_role_without_organization_implies_the_issuer():
    text = "Acme Corp. named Jane Doe Chief Financial Officer."
    entities = (
        Entity(0, 10, "ORG", "Acme Corp."),
        Entity(17, 25, "PERSON", "Jane Doe"),
        Entity(26, 49, "ROLE", "Chief Financial Officer"),
    )
    result = Extraction(text, entities, (Relation(1, 2, "HAS_ROLE"),), Issuer("Acme Corp.", (0,)))
    (role,) = result.people[0].roles
    assert role.organizations == () and role.implied_organization == "Acme Corp."
    assert Extraction(text, entities, (Relation(1, 2, "HAS_ROLE"),)).people[0].roles[0].implied_organization is None


def test_name_swap_renames_organizations_consistently_and_moves_offsets():
    grouped, _ = split_documents(CORPUS)
    doc = next(d for d in grouped["test"] if any(s.label == "CUSTOMER" for s in d.spans))
    swapped = swap_organization_names(doc)
    assert swapped.text != doc.text
    for old, new in zip(doc.spans, swapped.spans):
        assert swapped.text[new.start : new.end] == new.text and new.label == old.label
        if old.label not in ("ORG", "CUSTOMER"):
            assert new.text == old.text
    renamed = {}
    for old, new in zip(doc.spans, swapped.spans):
        if old.label in ("ORG", "CUSTOMER"):
            assert renamed.setdefault(old.text, new.text) == new.text  # one name, one new name
    assert any(old != new for old, new in renamed.items())


def test_the_shipped_model_finds_issuer_and_customer_of_a_real_release():
    import iec_nlp

    nlp = iec_nlp.load()
    assert nlp.meta["iec_organizations"]["weights"]  # the customer model travels in the meta
    text = (CORPUS / "releases" / "cpi-aerostructures_2019-10-17_boeing-a10-idiq.txt").read_text(encoding="utf-8")
    result = iec_nlp.extract(text)
    assert result.issuer is not None and result.issuer.name == "CPI Aerostructures, Inc."
    boeing = next(c for c in result.customers if c.name == "Boeing")
    assert all(result.entities[i].label == "CUSTOMER" for i in boeing.mentions)
    assert any("$48 million" in e.text for e in boeing.evidence)
    assert "CPI Aerostructures, Inc." not in {c.name for c in result.customers}
