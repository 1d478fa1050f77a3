"""extract() with the default model: the output contract and the facts the
founding releases must yield (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import iec_nlp

RELEASES = Path(__file__).resolve().parent.parent / "corpora" / "releases"


def _release(name: str) -> str:
    return (RELEASES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def founding(nlp):
    names = [
        "iec-electronics_2004-05-07_vp-sales-appointment",
        "iec-electronics_2004-04-22_q2-fy2004-results",
        "iec-electronics_2003-05-05_q2-fy2003-results",
        "iec-electronics_2003-10-28_q4-fy2003-results",
        "iec-electronics_2002-06-06_ceo-cfo-departure",
    ]
    return {name: iec_nlp.extract(_release(name), model=nlp) for name in names}


def _roles(result, surname):
    return {
        role.canonical
        for person in result.people
        if person.name.split()[-1] == surname
        for role in person.roles
    }


def test_output_contract_offsets_and_indices(founding):
    for name, result in founding.items():
        text = _release(name)
        payload = result.to_dict()
        json.dumps(payload)  # JSON-serializable
        assert payload["entities"], name
        for e in payload["entities"]:
            assert text[e["start"] : e["end"]] == e["text"]
        for r in payload["relations"]:
            assert 0 <= r["head"] < len(payload["entities"])
            assert 0 <= r["child"] < len(payload["entities"])


def test_schlarbaum_is_vice_president_of_sales_and_marketing(founding):
    result = founding["iec-electronics_2004-05-07_vp-sales-appointment"]
    assert "Vice President of Sales and Marketing" in _roles(result, "Schlarbaum")
    person = next(p for p in result.people if p.name.endswith("Schlarbaum"))
    mentions = {" ".join(result.entities[i].text.split()) for i in person.mentions}
    assert {"Jeffrey Schlarbaum", "Jeff"} <= mentions


def test_gilbert_is_ceo_and_chairman(founding):
    result = founding["iec-electronics_2004-05-07_vp-sales-appointment"]
    roles = _roles(result, "Gilbert")
    assert "Chief Executive Officer" in roles
    assert "Chairman" in roles


def test_motorola_and_teradyne_are_customers(founding):
    result = founding["iec-electronics_2004-04-22_q2-fy2004-results"]
    customers = {c.name for c in result.customers}
    assert {"Motorola", "Teradyne"} <= customers


def test_q2_fy2004_net_income_and_revenue(founding):
    result = founding["iec-electronics_2004-04-22_q2-fy2004-results"]
    facts = {(f.text, f.value, f.metric, f.period_resolved) for f in result.figures}
    assert ("$124,000", 124000.0, "net income", "Q2 FY2004") in facts
    assert ("$7.3\nmillion", 7.3e6, "revenue", "Q2 FY2004") in facts
    per_share = next(f for f in result.figures if f.text == "$0.01")
    assert per_share.per_share and per_share.metric == "net income"


def test_results_are_immutable(founding):
    result = next(iter(founding.values()))
    with pytest.raises(AttributeError):
        result.entities = ()


def test_import_loads_no_model():
    import subprocess
    import sys

    code = "import sys, iec_nlp; print('spacy.lang.en' in sys.modules, iec_nlp.pipeline._cached_pipeline.cache_info().currsize)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[1] == "0"


def test_render_marks_entities_and_lists_relations(nlp):
    html = iec_nlp.render(_release("iec-electronics_2004-05-07_vp-sales-appointment"), model=nlp)
    assert "Schlarbaum" in html and "HAS_ROLE" in html and "<mark" in html
