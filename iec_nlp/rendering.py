"""displaCy HTML for one release: entities highlighted, relations drawn as arcs.

The release is shown with displaCy's entity style; below it, each group of
related entities (those linked directly or through other relations) is drawn
with displaCy's dependency style: the entities as words, tagged with their
label, the text between them shortened, and one labelled arc per relation
from head to child. A table lists the relations too, for copying.
"""

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
# Text between two entities of a diagram longer than this is cut in the middle
# (entities at twice this), so that a diagram stays readable.
_GAP_CHARS = 30
_ARC_OPTIONS = {"compact": True, "offset_x": 40, "word_spacing": 30}
# displaCy spaces words evenly: the spacing follows the longest word, in pixels
# per character of its compact font.
_PX_PER_CHAR = 8


def render(
    text_or_extraction: Any, *, model: Any = None, page: bool = True, arcs: bool = True
) -> str:
    """HTML of a release (its text, an `Extraction` or a Doc of `extract_doc`)
    with its entities marked and its relations drawn as arcs and listed."""
    from spacy import displacy
    from spacy.tokens import Doc

    from .pipeline import extract

    if isinstance(text_or_extraction, Extraction):
        result = text_or_extraction
    elif isinstance(text_or_extraction, Doc):
        result = text_or_extraction._.extraction
    else:
        result = extract(text_or_extraction, model=model)
    ents = [{"start": e.start, "end": e.end, "label": e.label} for e in result.entities]
    body = displacy.render(
        {"text": result.text, "ents": ents, "title": None},
        style="ent",
        manual=True,
        page=False,
        jupyter=False,  # always return the HTML, also inside a notebook
        options={"colors": _COLORS},
    )
    diagrams = ""
    if arcs:
        svgs = []
        for parsed in relation_diagrams(result):
            longest = max(len(word["text"]) for word in parsed["words"])
            options = {**_ARC_OPTIONS, "distance": max(100, _PX_PER_CHAR * longest + 20)}
            svgs.append(
                displacy.render(
                    parsed, style="dep", manual=True, page=False, jupyter=False, options=options
                )
            )
        if svgs:
            diagrams = f"<div class='iec-relations' style='overflow-x:auto'>{''.join(svgs)}</div>"
    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            html_lib.escape(" ".join(result.entities[r.head].text.split())),
            r.label,
            html_lib.escape(" ".join(result.entities[r.child].text.split())),
        )
        for r in result.relations
    )
    table = f"<table><tr><th>head</th><th>relation</th><th>child</th></tr>{rows}</table>"
    content = body + diagrams + table
    if not page:
        return content
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>iec_nlp</title></head><body>{content}</body></html>"


def relation_diagrams(result: Extraction) -> list[dict[str, Any]]:
    """displaCy's manual dependency input, one diagram per group of related
    entities, in the order of the text."""
    groups = _related_groups(result)
    diagrams = []
    for members in groups:
        words: list[dict[str, str]] = []
        position: dict[int, int] = {}
        previous_end = None
        for index in members:
            entity = result.entities[index]
            if previous_end is not None:
                gap = " ".join(result.text[previous_end : entity.start].split())
                if gap:
                    words.append({"text": _shorten(gap, _GAP_CHARS), "tag": ""})
            position[index] = len(words)
            words.append(
                {
                    "text": _shorten(" ".join(entity.text.split()), 2 * _GAP_CHARS),
                    "tag": entity.label,
                }
            )
            previous_end = entity.end
        member_set = set(members)
        arcs = []
        for r in result.relations:
            if r.head not in member_set:
                continue
            head, child = position[r.head], position[r.child]
            arcs.append(
                {
                    "start": min(head, child),
                    "end": max(head, child),
                    "label": r.label,
                    "dir": "right" if head < child else "left",
                }
            )
        diagrams.append({"words": words, "arcs": arcs})
    return diagrams


def _related_groups(result: Extraction) -> list[list[int]]:
    """Entity indices linked by relations, each group sorted by position."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in result.relations:
        parent[find(r.head)] = find(r.child)
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    ordered = [sorted(g, key=lambda i: result.entities[i].start) for g in groups.values()]
    return sorted(ordered, key=lambda g: result.entities[g[0]].start)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}\u2026{text[-half:]}"
