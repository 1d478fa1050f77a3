"""Span editing shared by the entity rules (`entity_rules`) and the measure
and period rules (`figure_terms`): a rule's span placed on token boundaries,
then added where nothing was found, widened over an organization the
recognizer cut short, or relabelled."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def _overlapping(ents: list[Span], start: int, end: int) -> list[Span]:
    return [e for e in ents if e.start < end and start < e.end]


def _in_place_of_overlapping(ents: list[Span], span: Span) -> list[Span]:
    """The entities with `span` in place of those it overlaps."""
    replaced = _overlapping(ents, span.start, span.end)
    return [e for e in ents if e not in replaced] + [span]


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="contract")


def _placed(
    doc: Doc, ents: list[Span], start: int, end: int, label: str
) -> tuple[Span | None, list[Span]]:
    """The rule's span on token boundaries, and the entities it overlaps."""
    span = _span(doc, start, end, label)
    if span is None or len(span) == 0:
        return None, []
    return span, _overlapping(ents, span.start, span.end)


def _add(doc: Doc, ents: list[Span], start: int, end: int, label: str) -> list[Span]:
    """Add the span where nothing was found."""
    span, overlapping = _placed(doc, ents, start, end, label)
    return ents + [span] if span is not None and not overlapping else ents


def _add_or_widen(
    doc: Doc,
    ents: list[Span],
    start: int,
    end: int,
    label: str,
    *,
    widens: tuple[str, ...] = ("ORG", "CUSTOMER"),
) -> list[Span]:
    """Add the span, or widen an organization the recognizer cut short
    ("Plexus" of "Plexus Corp."), or an entity of the `widens` labels
    ("Navarro-Quist" of "Celeste Navarro-Quist")."""
    span, overlapping = _placed(doc, ents, start, end, label)
    if span is None:
        return ents
    if not overlapping:
        return ents + [span]
    inside = all(span.start <= e.start and e.end <= span.end for e in overlapping)
    if inside and all(e.label_ in widens for e in overlapping):
        widened = Span(doc, span.start, span.end, label=overlapping[0].label_)
        return [e for e in ents if e not in overlapping] + [widened]
    return ents


def _relabel_or_add(
    doc: Doc, ents: list[Span], start: int, end: int, label: str, *, from_label: str
) -> list[Span]:
    """Add the span, or relabel an entity of exactly its extent from `from_label`."""
    span, overlapping = _placed(doc, ents, start, end, label)
    if span is None:
        return ents
    if not overlapping:
        return ents + [span]
    if len(overlapping) == 1 and overlapping[0].label_ == from_label:
        old = overlapping[0]
        if (old.start, old.end) == (span.start, span.end):
            return [e for e in ents if e is not old] + [span]
    return ents
