"""`iec_money_ruler`: monetary amounts found by their written shape.

Money in releases has a closed set of shapes (`$7.3 million`, `($3.8)
million`, `$(0.02)`, `$.26`, `$ 256,000`, `$2.7 million dollars`), and a
pattern finds them in any company's release, also in forms a statistical
model saw too rarely to learn (`$(0.02)`). The ruler runs before the entity
recognizer, which then labels around the amounts it set.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..currencies import CURRENCY as _CURRENCY
from ..currencies import CURRENCY_CODE as _CODE
from ..text import doc_text

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
# A scale word after the number, or its abbreviation glued to it or joined
# by a hyphen ("$16.4M", "$250k", "$1.5MM", "$7.3-million"): the scale is
# part of the amount (SCHEMA.md), whichever way it is written.
_SCALE = (
    # India's crore (ten million) and lakh (a hundred thousand).
    r"(?:\s{0,4}(?:million|billion|thousand|trillion|mm|bn|crores?|lakhs?)\b"
    r"|(?-i:[MBK]{1,2}|[mbk]|mn|bn)\b"
    r"|-(?:million|billion|thousand)\b)"
)
_TAIL = rf"{_SCALE}?(?:\s?\+)?(?:\s+dollars?\b)?"
MONEY_PATTERN = re.compile(
    rf"""
    \({_CURRENCY}\s{{0,4}}{_NUMBER}{_SCALE}\)(?:\s+dollars?\b)?  # ($130 million): negative, its scale inside
    | \({_CURRENCY}\s{{0,4}}{_NUMBER}\){_TAIL}             # ($3.8) million, ($0.50)
    | {_CURRENCY}\s{{0,6}}\(\s?{_NUMBER}\s?\){_TAIL}      # $(0.02), $    (.29)
    | {_CURRENCY}\s{{0,4}}{_NUMBER}(?:\+)?{_TAIL}          # $7.3 million, $.26, $ 256,000
    """,
    re.VERBOSE | re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
# Every amount has a currency sign among its first 7 characters ("(U.S. $"
# is the longest lead-in); a case-insensitive pattern would otherwise be
# tried at every "a", "c" and "u" of the text.
_CURRENCY_SIGN = re.compile(rf"[$€£¥₹]|{_CODE}")
_LEAD_IN = 6
# "RMB 0.71 (US$0.11) per diluted ADS": an amount in parentheses right after
# another (nothing, a space or a line break between) is the same amount in a
# second currency, not a negative one.
_TRANSLATION_GAPS = ("", " ", "\n")
# An amount in cents has no currency sign: "less than 1 cent", "8 cents per
# share" (the recognizer learned the plural, rarely the singular).
# "5 per cent" is a rate: a digit must stand right before the word.
_CENTS = re.compile(r"(?<![\w.,$])\d{1,3}(?:\.\d+)?[ ]?cents?\b")


def find_money(text: str) -> list[tuple[int, int]]:
    """Character spans of the monetary amounts in `text`.

    The same matches as `MONEY_PATTERN.finditer(text)`, searched for only
    from just before each currency sign: no match can start further back;
    then the amounts in cents (`_CENTS`), which have no sign.
    """
    found: list[tuple[int, int]] = []
    position = 0
    for sign in _CURRENCY_SIGN.finditer(text):
        if sign.start() < position:
            continue  # inside the last match
        match = MONEY_PATTERN.search(text, max(position, sign.start() - _LEAD_IN))
        if match is None:
            break
        position = match.end()
        if not _HAS_DIGIT.search(match.group()):
            continue
        start, end = match.start(), match.end()
        if (
            found
            and text[start] == "("
            and text[end - 1] == ")"
            and text[found[-1][1] : start] in _TRANSLATION_GAPS
        ):
            start, end = start + 1, end - 1
        found.append((start, end))
    if "cent" in text:
        found += [m.span() for m in _CENTS.finditer(text)]
        found.sort()
    return found


@Language.factory("iec_money_ruler", assigns=["doc.ents"], default_config={"label": "MONEY"})
def make_money_ruler(nlp: Language, name: str, *, label: str) -> MoneyRuler:
    return MoneyRuler(name, label=label)


class MoneyRuler:
    def __init__(self, name: str = "iec_money_ruler", *, label: str = "MONEY") -> None:
        self.name = name
        self.label = label

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for start, end in find_money(doc_text(doc)):
            span = doc.char_span(start, end, label=self.label, alignment_mode="expand")
            if span is not None:
                found.append(span)
        if found:
            # Amounts win over whatever overlapped them before.
            kept = [e for e in doc.ents if not any(_overlaps(e, s) for s in found)]
            doc.set_ents(filter_spans(kept + found), default="outside")
        return doc


def _overlaps(a, b) -> bool:  # noqa: ANN001
    return a.start < b.end and b.start < a.end
