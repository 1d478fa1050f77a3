"""displaCy HTML for one release: entities highlighted, relations listed."""

from __future__ import annotations

import html as html_lib
from typing import Any

from .extraction import Extraction

_COLORS = {
    "PERSON": "#aa9cfc",
    "ROLE": "#fc9ce7",
    "ORG": "#7aecec",
    "CUSTOMER": "#feca74",
    "MONEY": "#e4e7d2",
    "METRIC": "#bfe1d9",
    "PERIOD": "#bfeeb7",
}


def render(text_or_extraction: str | Extraction, *, model: Any = None, page: bool = True) -> str:
    """HTML of the release with its entities marked, and a table of relations."""
    from spacy import displacy

    from .pipeline import extract

    result = (
        text_or_extraction
        if isinstance(text_or_extraction, Extraction)
        else extract(text_or_extraction, model=model)
    )
    ents = [{"start": e.start, "end": e.end, "label": e.label} for e in result.entities]
    body = displacy.render(
        {"text": result.text, "ents": ents, "title": None},
        style="ent",
        manual=True,
        page=False,
        jupyter=False,  # always return the HTML, also inside a notebook
        options={"colors": _COLORS},
    )
    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            html_lib.escape(" ".join(result.entities[r.head].text.split())),
            r.label,
            html_lib.escape(" ".join(result.entities[r.child].text.split())),
        )
        for r in result.relations
    )
    table = f"<table><tr><th>head</th><th>relation</th><th>child</th></tr>{rows}</table>"
    content = body + table
    if not page:
        return content
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>iec_nlp</title></head><body>{content}</body></html>"
