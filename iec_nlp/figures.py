"""Monetary amounts and reporting periods as data.

`parse_money("($3.8) million")` gives -3,800,000 USD; `resolve_period("same
quarter a year ago", context)` gives `Q2 FY2003` when the release is about
the second quarter of fiscal 2004. The release's own period comes from its
headline and first paragraphs (`ReleaseContext.from_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .currencies import CURRENCY_OF_SIGN as _CURRENCIES

_SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mm": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12,
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}  # fmt: skip
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
# A scale word, or its abbreviation glued to the number ("$16.4M", "$250k").
_SCALE = re.compile(
    r"\b(thousand|million|mm|billion|bn|trillion|crores?|lakhs?)\b|(?<=\d)(mm|mn|bn|m|b|k)\b",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(
    r"^\W{0,3}\s*(?:per|a)\s+(?:basic\s+|diluted\s+|fully\s+diluted\s+|common\s+|basic\s+and\s+diluted\s+)?share",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoneyValue:
    value: float | None
    currency: str | None


def parse_money(text: str) -> MoneyValue:
    """The value of a MONEY span: scale words applied, parentheses negative."""
    currency = next((code for sign, code in _CURRENCIES if sign in text), None)
    if currency is None and re.search(r"\bdollars?\b", text, re.IGNORECASE):
        currency = "USD"
    match = _NUMBER.search(text)
    if not match:
        return MoneyValue(None, currency)
    value = float(match.group().replace(",", ""))
    scale = _SCALE.search(text)
    if scale:
        # Rounded: 8.2 x 1e6 is 8199999.999999999 in binary floating point.
        value = round(value * _SCALES[(scale.group(1) or scale.group(2)).lower()], 6)
    if "(" in text and ")" in text or text.strip().startswith("-"):
        value = -value
    return MoneyValue(value, currency)


def has_scale_word(text: str) -> bool:
    return bool(_SCALE.search(text))


def is_per_share(text_after: str, metric: str | None, text: str = "") -> bool:
    """Whether an amount is per share: "$0.29 per diluted share", or an EPS metric.

    A whole-dollar amount of thousands, or one with a scale word ("$1.2
    million"), is never per share, whatever its metric says.
    """
    if text:
        money = parse_money(text)
        if has_scale_word(text) or (money.value is not None and abs(money.value) >= 1000):
            return False
    if _PER_SHARE.match(text_after):
        return True
    if metric:
        m = metric.lower()
        return "per share" in m or "eps" in m.split() or "earnings per" in m
    return False


# "(in thousands, except per share data)", "($ in millions)", "(Dollars in
# thousands)", "(Millions of dollars)": the unit of a table's sign-only cells.
_UNIT_STATEMENT = re.compile(
    r"\(\s*(?:\$|U\.S\.\s*\$|dollars|amounts)?\s*(?:in\s+)?(thousands|millions|billions)(?:\s+of\s+(?:U\.S\.\s+)?dollars)?\b"
    r"|\(\s*(thousands|millions|billions)\s+of\s+(?:U\.S\.\s+)?dollars\b",
    re.IGNORECASE,
)
_UNIT_VALUES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# How far a stated unit reaches: a table below its heading, not the release.
_UNIT_REACH = 6000


@dataclass(frozen=True)
class StatedUnit:
    start: int
    multiplier: float
    # "(in thousands, except per share data)": cents-precise amounts of the
    # table are per-share figures, in dollars.
    except_per_share: bool


def stated_units(text: str) -> list[StatedUnit]:
    """Each unit statement of the text, in order."""
    return [
        StatedUnit(
            m.start(),
            _UNIT_VALUES[(m.group(1) or m.group(2)).lower()],
            bool(
                re.match(r"[^)]{0,40}per[\s-]+share", text[m.end() : m.end() + 60], re.IGNORECASE)
            ),
        )
        for m in _UNIT_STATEMENT.finditer(text)
    ]


def unit_at(units: list[StatedUnit], offset: int, amount: str = "") -> float | None:
    """The multiplier in force at `offset` for `amount`: the last unit stated
    before it, within reach; none for a per-share amount its statement excepts."""
    before = [u for u in units if u.start <= offset]
    if not before or offset - before[-1].start > _UNIT_REACH:
        return None
    unit = before[-1]
    if unit.except_per_share and re.search(r"\.\d{2}\b", amount):
        return None
    return unit.multiplier


# A guidance range's tolerance is no level either: "revenue of $220 million,
# plus or minus $8 million".
_CHANGE = re.compile(
    r"(?:\bplus\s+or\s+minus|\u00b1"
    r"|\b(?:by|of|up|down)(?:\s+(?:approximately|about|nearly|over))?"
    r"|\b(?:increased?|decreased?|increasing|decreasing|grew|declined|fell|rose|improved|reduced|"
    r"reduction|increase|decrease|improvement|decline)(?:\s+of)?(?:\s+approximately)?)$",
    re.IGNORECASE,
)
_CHANGE_VERB = re.compile(
    r"\b(?:increased?|decreased?|increasing|decreasing|reduce|reduces|reducing|raise|raises|raising|raised|lowers|lowering|lowered|"
    r"grew|declined|fell|rose|improved|reduced|reduction|increase|decrease|"
    r"improvement|decline|up|down|lower|higher)\b",
    re.IGNORECASE,
)


# The verbs that state a measure's level, as "was" does: "Realized oil prices
# averaged $94.12 per barrel", "Lease operating expenses decreased to $9.85",
# "net income rose 21% to $10.6 million" (the amount after "to" is the new
# level), also after the change ("increased $1.9 million, or 3.1%, to $63.4
# million", "grew 7.2% during 2011 to $612.0 million").
LEVEL_VERBS = (
    r"averaged|reached|(?:increased|decreased|rose|fell|grew|declined|climbed|jumped|dropped|improved)"
    r"(?:\s+[\d.]+%(?:\s+during\s+(?:fiscal\s+)?(?:19|20)\d\d)?"
    r"|\s+\$[\d.,]+(?:\s+(?:thousand|million|billion))?,?(?:\s+or\s+[\d.]+%,?)?)?\s+to"
)


_COMPARED_LEVEL = re.compile(
    r"\b(?:over|from|versus|vs\.?|compared\s+(?:to|with))\s+(?:[\w'\u2019-]+\s+){1,5}of(?:\s+(?:approximately|about|nearly|over))?$",
    re.IGNORECASE,
)


def is_change(text_before: str) -> bool:
    """Whether the words before an amount make it an amount of change:
    "reduced long-term debt by $2.5 million", "an increase of $3 million",
    "revenue grew $4 million", not "revenue of $9 million"."""
    tail = " ".join(text_before.split())
    if not _CHANGE.search(tail):
        return False
    # "of" and "by" alone ("revenue of $9 million") need a change word before them.
    if re.search(r"\b(?:of|by)(?:\s+(?:approximately|about|nearly|over))?$", tail, re.IGNORECASE):
        # Not when the level compared against comes between: "a 22% increase
        # over net sales of $34.1 million", "up 8% from sales of $4.6 million".
        if _COMPARED_LEVEL.search(tail):
            return False
        return bool(_CHANGE_VERB.search(tail))
    return True


_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_QUARTER = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+(?:of\s+)?(fiscal\s+(?:year\s+)?)?['\u2019]?(\d{4}|\d{2})\b)?"
    r"|\bQ([1-4])\s*(?:of\s+)?(fiscal\s+|FY\s?)?['\u2019]?(\d{4}|\d{2})?\b"
    # "3Q24", "4Q 2023": the quarter's number before the Q.
    r"|\b([1-4])Q\s?['\u2019]?(\d{4}|\d{2})\b",
    re.IGNORECASE,
)
# "1H24", "H1 2024", "2H 2023": a half year.
_HALF = re.compile(r"\b(?:([12])H|H([12]))\s?['\u2019]?(\d{4}|\d{2})\b", re.IGNORECASE)
_FISCAL_YEAR = re.compile(r"\b(fiscal(?:\s+year)?|FY)\s*['\u2019]?(\d{4}|\d{2})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_MONTHS = (
    "january february march april may june july august september october november december".split()
)
_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4})\b", re.IGNORECASE)
_PRIOR = re.compile(
    r"\b(a\s+year\s+ago|prior[\s-]+year|last\s+year|previous\s+year|year[\s-]+earlier|preceding\s+year|same\s+(?:quarter|period)\s+(?:of\s+|in\s+)?(?:the\s+)?(?:prior|last|previous)|comparable)\b",
    re.IGNORECASE,
)
# "the prior quarter", "the linked quarter" (banks): the quarter before the
# release's own, not the same quarter a year ago. "the last quarter of 2024"
# is that year's fourth.
_QUARTER_BEFORE = re.compile(
    r"\b(?:prior|previous|preceding|last|linked|sequential|trailing)\s+quarter\b(?!\s+of\b)",
    re.IGNORECASE,
)
_LAST_QUARTER_OF = re.compile(r"\b(?:last|final)\s+quarter\s+of\b", re.IGNORECASE)
_MONTHS_SPAN = re.compile(r"\b(six|nine|twelve|three|6|9|12|3)\s+months\b", re.IGNORECASE)
_MONTH_COUNT = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12}


def _quarter_of(match: re.Match) -> tuple[int, str | None, bool]:
    """The quarter number, year text and fiscal flag of a `_QUARTER` match."""
    quarter = _ORDINALS.get((match.group(1) or "").lower()) or int(
        match.group(4) or match.group(7) or 0
    )
    return (
        quarter,
        match.group(3) or match.group(6) or match.group(8),
        bool(match.group(2) or match.group(5)),
    )


def _full_year(two_or_four: str) -> int:
    year = int(two_or_four)
    return year + 2000 if year < 100 else year


@dataclass(frozen=True)
class ReleaseContext:
    """The period a release reports on, read from its own text."""

    quarter: int | None = None
    year: int | None = None
    fiscal: bool = False

    @classmethod
    def from_text(cls, text: str, head_chars: int = 1500) -> ReleaseContext:
        head = text[:head_chars]
        match = _QUARTER.search(head)
        if match:
            quarter, year_text, fiscal = _quarter_of(match)
            if not year_text:
                fy = _FISCAL_YEAR.search(head[match.end() : match.end() + 80])
                if fy:
                    year_text, fiscal = fy.group(2), True
            if not year_text:
                year = _YEAR.search(head)
                year_text = year.group(1) if year else None
            return cls(quarter or None, _full_year(year_text) if year_text else None, fiscal)
        fy = _FISCAL_YEAR.search(head)
        if fy:
            return cls(None, _full_year(fy.group(2)), True)
        return cls()


def _label(quarter: int | None, year: int | None, fiscal: bool) -> str | None:
    if year is None:
        return None
    prefix = "FY" if fiscal else ""
    return f"Q{quarter} {prefix}{year}" if quarter else f"{prefix or 'FY'}{year}"


# What a sentence reports on, for a period phrase that does not say
# ("compared to $8.3 million in the prior-year period").
_QUARTER_SCOPE = re.compile(r"\b(?:quarter|three[ -]months)\b", re.IGNORECASE)
_YEAR_SCOPE = re.compile(
    r"\b(?:(?:year|twelve[ -]months|fiscal[ ]year)[ ]ended|full[ -]year|for[ ]the[ ](?:fiscal[ ])?year|annual)\b",
    re.IGNORECASE,
)


def sentence_scope(sentence: str) -> str | None:
    """ "quarter" or "year": what a sentence's amounts are reported for, when it says."""
    if _QUARTER_SCOPE.search(sentence):
        return "quarter"
    return "year" if _YEAR_SCOPE.search(sentence) else None


def resolve_period(text: str, context: ReleaseContext, scope: str | None = None) -> str | None:
    """A canonical period label (`Q2 FY2004`, `FY2003`, `2004-09-30`), or None
    when neither the phrase nor the release says enough. A phrase that names
    neither a quarter nor a year ("the prior-year period") is the release's
    quarter, unless its sentence's `scope` is "year"."""
    phrase = " ".join(text.split())
    date = _DATE.search(phrase)
    if date and not re.search(r"\b(ended|ending)\b", phrase, re.IGNORECASE):
        month = _MONTHS.index(date.group(1).lower()) + 1
        return f"{int(date.group(3)):04d}-{month:02d}-{int(date.group(2)):02d}"
    prior = bool(_PRIOR.search(phrase))
    quarter_match = _QUARTER.search(phrase)
    quarter, quarter_year, quarter_fiscal = (
        _quarter_of(quarter_match) if quarter_match else (0, None, False)
    )
    fiscal_match = _FISCAL_YEAR.search(phrase)
    half = _HALF.search(phrase)
    months = _MONTHS_SPAN.search(phrase)
    fiscal = context.fiscal or bool(fiscal_match) or quarter_fiscal
    year = context.year
    explicit_year = None
    if quarter_year:
        explicit_year = _full_year(quarter_year)
    elif half:
        explicit_year = _full_year(half.group(3))
    elif fiscal_match:
        explicit_year = _full_year(fiscal_match.group(2))
    elif year_match := _YEAR.search(phrase):
        explicit_year = int(year_match.group(1))
    if explicit_year is not None:
        year = explicit_year
    elif prior and year is not None:
        year -= 1
    if months:
        count = _MONTH_COUNT[months.group(1).lower()]
        if count == 3 and context.quarter and explicit_year is None:
            return _label(context.quarter, year, fiscal)
        label = _label(None, year, fiscal)
        return f"{count}M {label}" if label else None
    if quarter_match:
        return _label(quarter, year, fiscal)
    if _LAST_QUARTER_OF.search(phrase):
        return _label(4, year, fiscal)
    if (
        _QUARTER_BEFORE.search(phrase)
        and explicit_year is None
        and context.quarter
        and context.year
    ):
        if context.quarter == 1:
            return _label(4, context.year - 1, fiscal)
        return _label(context.quarter - 1, context.year, fiscal)
    if half:
        label = _label(None, year, fiscal)
        # The first half is the first six months, as "first six months" reads.
        return (
            (f"6M {label}" if (half.group(1) or half.group(2)) == "1" else f"H2 {label}")
            if label
            else None
        )
    if re.search(r"\bquarter(ly)?\b", phrase, re.IGNORECASE):
        return _label(context.quarter, year, fiscal) if context.quarter else None
    # A period with a year of its own is that year ("the period ended in
    # fiscal 2003"), below; one without is the release's quarter.
    if re.search(r"\bperiod\b", phrase, re.IGNORECASE) and explicit_year is None:
        return _label(context.quarter if scope != "year" else None, year, fiscal)
    if re.search(r"\b(year|fiscal)\b", phrase, re.IGNORECASE) or explicit_year:
        return _label(None, year, fiscal or context.fiscal)
    return None
