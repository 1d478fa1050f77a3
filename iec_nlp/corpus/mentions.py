"""Names a release annotates in one place and leaves bare in another.

SCHEMA.md asks for every mention. A name labelled PERSON, ORG or CUSTOMER
somewhere in a release and written again, whole, where no span covers it is
either a missed mention (a segment's name in a table row, a short name in a
later paragraph) or a use of the string that is no mention (a ticker, a
product or an agreement named after the company, a street or a place). Only
a reader can tell the two apart, so this lists them and decides nothing:
`iec-nlp corpus mentions FILE...` prints the list for review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .records import AnnotatedDocument, read_jsonl

NAME_LABELS = ("PERSON", "ORG", "CUSTOMER")

# Characters around the repeat shown to the reader.
_CONTEXT = 50


@dataclass(frozen=True)
class BareRepeat:
    """One place where a name annotated elsewhere in the release has no span."""

    path: str
    line: int
    doc_id: str
    start: int
    end: int
    label: str
    context: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.doc_id}: offset {self.start}-{self.end}: "
            f"{self.label} elsewhere, no span here: ...{self.context}..."
        )


def _whole(name: str) -> re.Pattern[str]:
    # Whole words only: "IEC" is not repeated in "IECE.OB" nor "Acme" in
    # "Acme-branded"; a possessive ("Acme's") still counts.
    return re.compile(r"(?<![\w&.-])" + re.escape(name) + r"(?![\w&-]|\.\w)")


def bare_repeats(doc: AnnotatedDocument) -> list[tuple[int, int, str]]:
    """(start, end, label) of each repeat of an annotated name that no span covers."""
    covered = sorted((s.start, s.end) for s in doc.spans)
    first_label: dict[str, str] = {}
    for span in sorted(doc.spans, key=lambda s: s.start):
        if span.label in NAME_LABELS and len(span.text) > 1:
            first_label.setdefault(span.text, span.label)
    found = set()
    for name, label in first_label.items():
        for match in _whole(name).finditer(doc.text):
            if not any(a < match.end() and match.start() < b for a, b in covered):
                found.add((match.start(), match.end(), label))
    # A repeat of a longer name ("Energy & Transportation" inside a bare
    # "Machinery, Energy & Transportation") is reported once, as the longer one.
    return sorted(
        (start, end, label)
        for start, end, label in found
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in found)
    )


def check_files(paths: Sequence[str | Path]) -> list[BareRepeat]:
    """Every bare repeat in the valid records of the files (see `iec-nlp corpus validate`
    for the records that are not)."""
    repeats: list[BareRepeat] = []
    for path in paths:
        result = read_jsonl(path)
        for doc in result.documents:
            for start, end, label in bare_repeats(doc):
                context = doc.text[max(0, start - _CONTEXT) : end + _CONTEXT]
                repeats.append(
                    BareRepeat(
                        str(path),
                        result.lines[doc.id],
                        doc.id,
                        start,
                        end,
                        label,
                        " ".join(context.split()),
                    )
                )
    return repeats
