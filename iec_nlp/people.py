"""Person mentions merged into people, and job titles in a canonical form.

A release names a person in full once ("W. Barry Gilbert") and then by parts
("Barry Gilbert", "Gilbert", "Mr. Gilbert"; "Jeffrey Schlarbaum", "Jeff").
Mentions are merged when they share the surname, or when a lone first name
is the (short) first name of exactly one person already known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_ABBREVIATIONS = {
    "ceo": "Chief Executive Officer",
    "cfo": "Chief Financial Officer",
    "coo": "Chief Operating Officer",
    "cto": "Chief Technology Officer",
    "cio": "Chief Information Officer",
    "cao": "Chief Accounting Officer",
    "vp": "Vice President",
    "evp": "Executive Vice President",
    "svp": "Senior Vice President",
    "chairman of the board": "Chairman",
    "chairman of the board of directors": "Chairman",
    "chair": "Chairman",
    "president & ceo": "President and Chief Executive Officer",
}
_WORD_ABBREVIATIONS = {
    "vp": "Vice President",
    "sr.": "Senior",
    "sr": "Senior",
    "exec.": "Executive",
    "ceo": "Chief Executive Officer",
    "cfo": "Chief Financial Officer",
    "coo": "Chief Operating Officer",
    "cto": "Chief Technology Officer",
}
_SMALL_WORDS = {"of", "and", "the", "for", "at", "in", "to", "-", "&"}


def canonical_role(title: str) -> str:
    """`CEO` -> `Chief Executive Officer`, `Chief Operating officer` ->
    `Chief Operating Officer`, `VICE PRESIDENT OF SALES` -> `Vice President
    of Sales`."""
    text = " ".join(title.split())
    lowered = text.lower()
    if lowered in _ABBREVIATIONS:
        return _ABBREVIATIONS[lowered]
    words = []
    for word in text.split(" "):
        low = word.lower()
        if low in _WORD_ABBREVIATIONS:
            words.append(_WORD_ABBREVIATIONS[low])
        elif low in _SMALL_WORDS and words:
            words.append(low)
        elif word.isupper() and len(word) <= 3 and not word.isalpha():
            words.append(word)
        else:
            words.append(
                word[:1].upper() + word[1:].lower() if word.isupper() or word.islower() else word
            )
    return " ".join(words)


def _name_parts(name: str) -> list[str]:
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    return [p for p in parts if p.lower().strip(",") not in _SUFFIXES]


def surname(name: str) -> str:
    parts = _name_parts(name)
    return parts[-1].strip(",").lower() if parts else ""


def group_person_mentions(names: Sequence[str]) -> list[int]:
    """A person index for each mention (same index = same person)."""
    person_of: list[int] = [-1] * len(names)
    by_surname: dict[str, int] = {}
    full_names: dict[int, list[str]] = {}
    # Multi-word names first: they define the people single words refer to.
    order = sorted(range(len(names)), key=lambda i: -len(_name_parts(names[i])))
    next_id = 0
    for i in order:
        parts = _name_parts(names[i])
        if len(parts) >= 2:
            key = surname(names[i])
            if key not in by_surname:
                by_surname[key] = next_id
                full_names[next_id] = parts
                next_id += 1
            person_of[i] = by_surname[key]
    for i in order:
        if person_of[i] >= 0:
            continue
        word = " ".join(_name_parts(names[i])).lower()
        if word in by_surname:
            person_of[i] = by_surname[word]
            continue
        firsts = [
            pid
            for pid, parts in full_names.items()
            if any(
                p.lower().startswith(word) or word.startswith(p.lower())
                for p in parts[:-1]
                if len(p) > 2
            )
        ]
        if len(firsts) == 1:
            person_of[i] = firsts[0]
        else:
            by_surname[word] = next_id
            full_names[next_id] = [word]
            person_of[i] = next_id
            next_id += 1
    return person_of
