"""spaCy-native access: `extract_doc`, `nlp(text)`, `doc._.relations` and the
views, and relation arcs in `render()` (issue 18)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc, DocBin, Span

import iec_nlp
from iec_nlp.text import normalize

ROOT = Path(__file__).resolve().parent.parent
RELEASES = sorted((ROOT / "corpora" / "releases").glob("iec-electronics_*.txt"))[:12]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in RELEASES]


def test_extract_doc_is_extract_as_a_doc_of_the_callers_text(nlp):
    texts = _texts()
    docs = list(iec_nlp.extract_docs(texts, model=nlp))
    for text, doc in zip(texts, docs):
        result = iec_nlp.extract(text, model=nlp)
        assert doc.text == text
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
            (e.start, e.end, e.label) for e in result.entities
        ]
        assert doc._.extraction.to_dict() == result.to_dict()
        assert doc._.people == result.people
        assert doc._.customers == result.customers
        assert doc._.figures == result.figures
        assert doc._.issuer == result.issuer
        relations = doc._.relations
        assert len(relations) == len(result.relations)
        for (head, child, label, score), r in zip(relations, result.relations):
            assert isinstance(head, Span) and isinstance(child, Span)
            assert head == doc.ents[r.head] and child == doc.ents[r.child]
            assert (label, score) == (r.label, r.score)
    assert sum(len(d._.relations) for d in docs) > 20
    single = iec_nlp.extract_doc(texts[0], model=nlp)
    assert single._.extraction.to_dict() == docs[0]._.extraction.to_dict()


def test_person_mentions_index_doc_ents(nlp):
    doc = iec_nlp.extract_doc(RELEASES[0].read_text(encoding="utf-8"), model=nlp)
    for person in doc._.people:
        assert all(doc.ents[i].label_ == "PERSON" for i in person.mentions)


def test_nlp_call_and_pipe_match_extract_on_clean_text(nlp):
    """The documented difference is the cleaning: on text that needs none,
    the pipeline called directly gives what extract() gives."""
    clean = []
    for text in _texts():
        norm = normalize(text).text
        if normalize(norm).text == norm and len(norm) < 10_000:
            clean.append(norm)
    assert len(clean) >= 5
    piped = list(nlp.pipe(clean))
    for text, doc in zip(clean, piped):
        expected = iec_nlp.extract(text, model=nlp).to_dict()
        assert doc._.extraction.to_dict() == expected
        assert nlp(text)._.extraction.to_dict() == expected
        assert [(h.start_char, c.start_char, label) for h, c, label, _ in doc._.relations] == [
            (
                expected["entities"][r["head"]]["start"],
                expected["entities"][r["child"]]["start"],
                r["label"],
            )
            for r in expected["relations"]
        ]


def test_views_follow_changes_to_the_entities(nlp):
    doc = nlp("Jeffrey Schlarbaum was named Vice President of Sales at Plexus Corporation.")
    assert doc._.people and doc._.relations
    doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]
    assert doc._.people == ()
    assert all(h.label_ != "PERSON" for h, _, _, _ in doc._.relations)


def test_doc_survives_docbin_and_keeps_its_relations(nlp):
    doc = iec_nlp.extract_doc(RELEASES[1].read_text(encoding="utf-8"), model=nlp)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert back.text == doc.text
    assert [(h.text, c.text, label) for h, c, label, _ in back._.relations] == [
        (h.text, c.text, label) for h, c, label, _ in doc._.relations
    ]
    assert back._.people == doc._.people


def test_plain_spacy_load_gives_the_extensions_without_importing_iec_nlp():
    code = (
        "import json, spacy, sys\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp('Jeffrey Schlarbaum was named Vice President of Sales at Plexus Corporation.')\n"
        "print(json.dumps([[h.text, c.text, label] for h, c, label, _ in doc._.relations]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "models" / "iec_cnn")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ["Jeffrey Schlarbaum", "Vice President of Sales", "HAS_ROLE"] in json.loads(out)


def test_plain_spacy_load_decides_customers_with_the_models_customer_model(tmp_path):
    """The recognizer labels organizations ORG; the views decide customers
    with the model in the pipeline's meta, also after a plain spacy.load."""
    code = (
        "import json, spacy, sys\n"
        "import iec_nlp\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "for path in sys.argv[2:]:\n"
        "    text = open(path, encoding='utf-8').read()\n"
        "    doc = nlp(text)\n"
        "    print(json.dumps([doc._.extraction.to_dict(), iec_nlp.extract(text).to_dict(),\n"
        "                      sorted({e.label_ for e in doc.ents})]))\n"
    )
    # Customer releases, cleaned as extract() cleans them (so nlp(text) sees
    # what extract() sees).
    releases = []
    for path in sorted((ROOT / "corpora" / "releases").glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8")).text
        if _is_clean(text) and " order" in text and len(releases) < 6:
            releases.append(tmp_path / path.name)
            releases[-1].write_text(text, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "models" / "iec_cnn"), *map(str, releases)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == len(releases) >= 3
    for from_doc, from_extract, doc_labels in results:
        assert "CUSTOMER" not in doc_labels
        assert from_doc == from_extract
    assert any(from_extract["customers"] for _, from_extract, _ in results)


def _is_clean(text: str) -> bool:
    return normalize(text).text == text and len(text) < 10_000


def test_render_draws_relation_arcs(nlp):
    text = (
        ROOT / "corpora" / "releases" / "iec-electronics_2004-04-22_q2-fy2004-results.txt"
    ).read_text(encoding="utf-8")
    result = iec_nlp.extract(text, model=nlp)
    html = iec_nlp.render(result)
    arcs = html[html.index("iec-relations") :]
    assert arcs.count("<svg") >= 2
    assert arcs.count("displacy-arc") >= len(result.relations)
    for label in {r.label for r in result.relations}:
        assert f">{label}<" in arcs.replace("</textPath>", "<")
    same = iec_nlp.render(iec_nlp.extract_doc(text, model=nlp))
    assert re.sub("[0-9a-f]{32}", "ID", html) == re.sub(
        "[0-9a-f]{32}", "ID", same
    )  # displaCy's ids are random
    assert "iec-relations" not in iec_nlp.render(result, arcs=False)


def test_relation_diagrams_put_each_relation_between_its_entities(nlp):
    from iec_nlp.rendering import relation_diagrams

    text = "Jeffrey Schlarbaum was named Vice President of Sales at Plexus Corporation, a long sentence here."
    result = iec_nlp.extract(text, model=nlp)
    (diagram,) = relation_diagrams(result)
    words = [w["text"] for w in diagram["words"]]
    assert words[0] == "Jeffrey Schlarbaum" and "Plexus Corporation" in words
    arcs = {(words[a["start"]], words[a["end"]], a["label"], a["dir"]) for a in diagram["arcs"]}
    assert ("Jeffrey Schlarbaum", "Vice President of Sales", "HAS_ROLE", "right") in arcs


@pytest.mark.parametrize(
    "name", ["relations", "people", "customers", "figures", "issuer", "extraction"]
)
def test_extensions_are_registered(name):
    assert Doc.has_extension(name)
