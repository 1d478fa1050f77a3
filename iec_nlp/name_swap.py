"""Gold releases with every organization renamed: does the model read roles or names?

Whether an organization is a customer is a fact about its role in the
release, not about its name. To check that a model decides it from the
release, every organization name of a gold release is replaced by a name it
cannot have seen, the same way throughout the release (`Motorola`,
`Motorola, Inc.`, `MOTOROLA` stay one organization under one new name), and
the model is scored again on the renamed releases.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from .corpus.records import AnnotatedDocument, SpanAnnotation

_ORGANIZATION_LABELS = ("ORG", "CUSTOMER")
# Words that say "organization" whatever its name; they stay, as they are
# what a reader (and a model) may rightly use.
_KEEP = frozenset(
    """inc incorporated corp corporation co company ltd limited llc plc ag gmbh group holdings
    international systems technologies technology industries services solutions electronics
    department agency administration authority command office division of and the for
    u.s us united states national federal army navy air force""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&'\u2019-]*")
_POSSESSIVE = re.compile(r"['\u2019]s$")  # "Motorola's" is renamed as "Motorola"
_ONSETS = "b br c cl d dr f fl g gr h j k kr l m n p pl r s st t tr v w z".split()
_VOWELS = "a e i o u ai ea io".split()
_ENDINGS = ["", "n", "r", "x", "l", "ton", "ex", "ia", "o", "um", "ar"]


def _new_word(rng: random.Random, used: set[str]) -> str:
    while True:
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
        word = (word + rng.choice(_ENDINGS)).capitalize()
        if word.lower() not in used:
            used.add(word.lower())
            return word


def _cased_like(word: str, model: str) -> str:
    return word.upper() if model.isupper() and len(model) > 1 else word


def swap_organization_names(doc: AnnotatedDocument, seed: int = 0) -> AnnotatedDocument:
    """A copy of `doc` whose ORG and CUSTOMER names are made-up words,
    consistently within the release; offsets of every span move with the text."""
    rng = random.Random(f"{seed}:{doc.id}")
    used: set[str] = set()
    mapping: dict[str, str] = {}
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the original text
    for span in doc.spans:
        if span.label not in _ORGANIZATION_LABELS:
            continue
        for word in _WORD.finditer(span.text):
            surface = word.group()
            core = _POSSESSIVE.sub("", surface)
            key = core.lower()
            if key in _KEEP or len(core) < 2:
                continue
            if key not in mapping:
                mapping[key] = _new_word(rng, used)
            start = span.start + word.start()
            edits.append((start, start + len(core), _cased_like(mapping[key], core)))
    if not edits:
        return doc
    edits.sort()
    pieces, shift_points, cursor = [], [], 0
    for start, end, new in edits:
        pieces.append(doc.text[cursor:start])
        pieces.append(new)
        shift_points.append((end, len(new) - (end - start)))
        cursor = end
    pieces.append(doc.text[cursor:])
    text = "".join(pieces)

    def moved(offset: int) -> int:
        return offset + sum(delta for end, delta in shift_points if end <= offset)

    spans = []
    for span in doc.spans:
        start, end = moved(span.start), moved(span.end)
        spans.append(SpanAnnotation(span.id, start, end, span.label, text[start:end]))
    meta = dict(doc.meta)
    if meta.get("company"):
        meta["company"] = _renamed_issuer(meta["company"], mapping, doc.spans, spans)
    return replace(doc, text=text, spans=spans, meta=meta)


def _renamed_issuer(
    company: str,
    mapping: dict[str, str],
    old_spans: list[SpanAnnotation],
    new_spans: list[SpanAnnotation],
) -> str:
    """The issuer's gold name (meta `company`) renamed as its mentions are,
    or the renamed release would score every issuer found as wrong. A
    release that calls it only by a short form of its own ("HII" for
    Huntington Ingalls Industries) leaves no word of the name to rename:
    the issuer is then that mention's new name."""
    from .organizations import company_name_forms, same_organization

    renamed = _renamed(company, mapping)
    if renamed != company:
        return renamed
    forms = company_name_forms(company)
    for old, new in zip(old_spans, new_spans):
        if old.label in _ORGANIZATION_LABELS and any(same_organization(old.text, f) for f in forms):
            return new.text
    return company


def _renamed(name: str, mapping: dict[str, str]) -> str:
    """`name` with each word the release's mapping renames replaced (a
    possessive `'s` kept), other words as they are."""

    def rename(word: re.Match) -> str:
        surface = word.group()
        core = _POSSESSIVE.sub("", surface)
        new = mapping.get(core.lower())
        return surface if new is None else _cased_like(new, core) + surface[len(core) :]

    return _WORD.sub(rename, name)
