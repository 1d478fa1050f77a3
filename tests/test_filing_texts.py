"""SCHEMA v1.1 on real 8-K texts: item headings and quoted defined terms are no names,
and each document of a real filing is issued by its filer.

Runs the default model on every corpus release that has an 8-K item heading
("Item 5.02 Departure of Directors or Certain Officers; ...") or a defined
term in quotes (the "Effective Date", the "Credit Agreement", the "Company").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import iec_nlp

RELEASES = Path(__file__).resolve().parent.parent / "corpora" / "releases"
ITEM_HEADING = re.compile(r"(?m)^[ \t]*Item\s+\d{1,2}\.\d{2}\b.*$")
DEFINED_TERM = re.compile(r"\bthe\s+[\"\u201c]([^\"\u201d\n]{2,60})[\"\u201d]")
NAME_LABELS = ("PERSON", "ORG", "CUSTOMER")


def _releases_with_filing_language() -> list[Path]:
    found = []
    for path in sorted(RELEASES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if ITEM_HEADING.search(text) or DEFINED_TERM.search(text):
            found.append(path)
    return found


RELEASES_WITH_FILING_LANGUAGE = _releases_with_filing_language()


def test_the_corpus_has_such_releases():
    assert len(RELEASES_WITH_FILING_LANGUAGE) >= 10


@pytest.mark.parametrize("path", RELEASES_WITH_FILING_LANGUAGE, ids=lambda p: p.stem)
def test_no_name_on_item_headings_or_quoted_defined_terms(path):
    text = path.read_text(encoding="utf-8")
    result = iec_nlp.extract(text)
    headings = [(m.start(), m.end()) for m in ITEM_HEADING.finditer(text)]
    defined = {(m.start(1), m.end(1)) for m in DEFINED_TERM.finditer(text)}
    for e in result.entities:
        if e.label not in NAME_LABELS:
            continue
        assert not any(a <= e.start < b for a, b in headings), (
            f"{e.label} {e.text!r} in an item heading"
        )
        assert (e.start, e.end) not in defined, f"{e.label} {e.text!r} is a quoted defined term"


FILINGS = Path(__file__).resolve().parent / "data" / "filings"


@pytest.mark.parametrize("name", sorted(p.name for p in FILINGS.glob("*.txt.gz")))
def test_the_issuer_of_each_document_of_a_real_filing_is_its_filer(name):
    # The SEC header names the filer; the 8-K says it where it furnishes the
    # release or signs, the exhibits in their dateline and "About" section.
    from iec_nlp.filings import read_documents
    from iec_nlp.organizations import same_organization

    for document in read_documents(FILINGS / name):
        issuer = iec_nlp.extract(document.text).issuer
        filer = document.metadata["company"]
        assert issuer is not None and same_organization(issuer.name, filer), (
            document.id,
            issuer,
            filer,
        )
