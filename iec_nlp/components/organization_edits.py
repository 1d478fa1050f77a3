"""Organization names mended: boundaries, splits and labels.

The recognizer's organizations are cut or joined where the text's shape
decides it: a company's own body is cut off ("Acme Board"), a unit and its
owner are two names ("VSE's International Group"), a legal form or an
institution's rest completes a name ("... Limited", "International
Organization for Standardization"), two names joined by "and" are split,
a state's possessive is kept ("Florida's Turnpike Enterprise"), a name
ends at a sentence's end or a headline's verb, and what is no
organization here (a product, a month, a deal verb) is dropped or
relabeled. Part of `iec_entity_rules` (`entity_rules`).
"""

from __future__ import annotations

import re
from typing import cast

from spacy.tokens import Doc, Span

from ..organizations import same_organization
from ..text import doc_text
from .figure_terms import METRIC_TERM
from .name_plausibility import _EVENT_WORDS, _RESOURCE_SITE_AFTER, _names_an_index_or_event
from .name_propagation import _NAME_SUFFIX
from .name_shapes import (
    _EPONYM_INSTITUTION_WORDS,
    _HEADLINE_VERB,
    _LEGAL_FORM,
    _LOWER_CASE_WORD,
    _POSSESSIVE_NAME_REST,
    _STATE_NAME,
    COMPANY_KIND_WORDS,
    GOVERNMENT_BODY,
    HOLDS_LEGAL_FORM,
)
from .person_edits import _in_capitals
from .span_edits import _add_or_widen, _overlapping

# "the Plexus Board", "the Nephros Investor Relations page", "Oracle
# Corporate Communications" in a contact block: a company's board or its
# investor, media or press office is no part of its name (the company is
# named before it elsewhere). An investor relations firm ("Brightgate
# Investor Relations") is a name whole: its first words name nothing else.
_OWN_BODIES = (
    ("Board",),
    ("Investor",),
    ("Investors",),
    ("Investor", "Relations"),
    ("Corporate", "Communications"),
    ("Media", "Relations"),
    ("Public", "Relations"),
)


def _own_body_length(ent: Span) -> int:
    """How many of `ent`'s last tokens name a body of its own (0 if none)."""
    words = tuple(t.text for t in ent)
    return max(
        (len(b) for b in _OWN_BODIES if len(words) > len(b) and words[-len(b) :] == b), default=0
    )


def _without_own_bodies(text: str, ents: list[Span]) -> list[Span]:
    names = [
        text[e.start_char : e.end_char]
        for e in ents
        if e.label_ in ("ORG", "CUSTOMER") and not _own_body_length(e)
    ]
    result = []
    for ent in ents:
        body = _own_body_length(ent) if ent.label_ in ("ORG", "CUSTOMER") else 0
        if body:
            owner = text[ent.start_char : ent[-body - 1].idx + len(ent[-body - 1])]
            if any(n == owner or n.startswith((owner + " ", owner + ",")) for n in names):
                ent = Span(ent.doc, ent.start, ent.end - body, label=ent.label_)
        result.append(ent)
    return result


# "Orbit International’s Electronics Group", "VSE’s International Group": a
# company and its unit are two organizations (SCHEMA.md 1: no possessive
# inside a span). Only before a word naming a unit: "America’s Car-Mart" is one name.
_OWNED_UNIT = re.compile(
    r"(?P<owner>.+?)['\u2019]s\s+(?P<unit>(?:[A-Z][\w&-]*\s+){0,4}(?:Group|Division|Segment|Unit|Sector|Subsidiary))"
)


# "the Industrial Controls Division of Brightholm Industries Ltd.": a unit
# and the company it belongs to are two organizations (SCHEMA.md 2: "the
# Microswitch Division of Honeywell Inc."), as in "<company>'s <unit>".
_UNIT_OF_COMPANY = re.compile(
    r"(?P<unit>(?:[A-Z][\w&-]*\s+){1,4}(?:Division|Segment|Unit|Sector|Subsidiary))\s+of\s+(?P<owner>[A-Z].*)"
)


# A "Group" of a company with its legal form too: "the Pump Group of
# Ingersoll-Rand Company" (not "the Chemical Commodity Group of Worldwide
# Purchasing", a buyer's office named whole).
_GROUP_OF_COMPANY = re.compile(r"(?P<unit>(?:[A-Z][\w&-]*\s+){1,4}Group)\s+of\s+(?P<owner>[A-Z].*)")

# A school of a university named with "of" as with "at": "Kellogg Graduate
# School of Management of Northwestern University" is two organizations, as
# all 9 schools named before their university are in the gold of train, dev
# and the probe sets.
_SCHOOL_OF_UNIVERSITY = re.compile(
    r"(?P<unit>(?:[A-Z][\w&-]*\s+){0,3}(?:School|College)\s+of\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)"
    r"\s+(?:of|at)\s+(?:the\s+)?(?P<owner>(?:[A-Z][\w&.-]*\s+){1,3}University|University\s+of\s+[A-Z].*)"
)


def _split_owned_units(doc: Doc, ents: list[Span]) -> list[Span]:
    """Each organization named "<company>'s <unit>" or "<unit> of <company>"
    (a school "of" or "at" its university) as its company and its unit."""
    result = []
    for ent in ents:
        match = None
        if ent.label_ in ("ORG", "CUSTOMER"):
            match = (
                _OWNED_UNIT.fullmatch(ent.text)
                or _UNIT_OF_COMPANY.fullmatch(ent.text)
                or _SCHOOL_OF_UNIVERSITY.fullmatch(ent.text)
            )
            if (
                match is None
                and (group := _GROUP_OF_COMPANY.fullmatch(ent.text))
                and HOLDS_LEGAL_FORM.search(group["owner"])
            ):
                match = group
        owner = match and _part_of(doc, ent, match, "owner")
        unit = match and _part_of(doc, ent, match, "unit")
        result.extend([owner, unit] if owner and unit else [ent])
    return result


def _part_of(doc: Doc, ent: Span, match: re.Match, group: str) -> Span | None:
    """The span of a group of `match`, a match on `ent`'s text, with `ent`'s label."""
    return doc.char_span(
        ent.start_char + match.start(group), ent.start_char + match.end(group), label=ent.label_
    )


# "Whitcombe Ferrand & Co., LLP", "Fallbrook National Bank, N.A.": a legal
# form after a comma ends the name before it, also a second one or a bank's
# "N.A." (national association), which the legal-form pattern does not list.
# After "& Co." the comma may be left out: "Sutter Vance & Co. LLP", "& Co., P.C.".
_TRAILING_LEGAL_FORM = re.compile(
    r"(?:,|(?<=&[ ]Co\.))[ ]{1,2}(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|L\.P\.|N\.A\.|Inc\.|Ltd\.|P\.C\.|PLLC|National[ ]Association"
    # A bank's or a carrier's branch: "China Telecom Corporation Limited, Jiangsu Branch",
    # "Natixis, New York Branch".
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ]Branch)(?![\w.])"
)


def _widen_over_trailing_legal_forms(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    spans = {(e.start_char, e.end_char) for e in ents}
    result, taken = [], set()
    for ent in ents:
        form = (
            _TRAILING_LEGAL_FORM.match(text, ent.end_char)
            if ent.label_ in ("ORG", "CUSTOMER")
            else None
        )
        if form is None:
            result.append(ent)
            continue
        inside = {s for s in spans if ent.end_char < s[0] < form.end()}
        # A branch the recognizer took for a name of its own is the name's ("Sichuan Branch").
        if inside <= {(form.end() - len(form.group().lstrip(", ")), form.end())}:
            ent = doc.char_span(ent.start_char, form.end(), label=ent.label_) or ent
            taken |= inside
        result.append(ent)
    return [e for e in result if (e.start_char, e.end_char) not in taken]


# "American Axle & Manufacturing", "National Tire & Battery": a name goes on
# over "&" (in the annotated releases no organization is followed by "& Name").
_AMPERSAND_CONTINUATION = re.compile(r"[ ]?&[ ]?[A-Z][\w'\u2019-]*(?:[ ][A-Z][\w'\u2019-]*){0,2}")


_LOWER_CASE_NAME_WORD = re.compile(r"[ ](?:for|of|and)[ ]")


def _join_ampersand_names(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    """Each organization widened over an "& Name" that follows it, where no
    other entity is, or only the rest of the name, taken for an organization
    of its own ("Centers for Medicare" & "Medicaid Services")."""
    result, joined = [], set()
    for ent in ents:
        if ent in joined:
            continue
        rest = (
            _AMPERSAND_CONTINUATION.match(text, ent.end_char)
            if ent.label_ in ("ORG", "CUSTOMER")
            else None
        )
        widened = rest and doc.char_span(ent.start_char, rest.end(), label=ent.label_)
        inside = _overlapping(ents, ent.end, widened.end) if widened else []
        # Only a name that reads as a phrase goes on over another name
        # ("Centers for Medicare & Medicaid Services"); "Ford & GM" are two.
        # (`inside` is empty unless `widened` is a span.)
        rest_of_name = not inside or (
            _LOWER_CASE_NAME_WORD.search(ent.text) is not None
            and all(
                e.label_ in ("ORG", "CUSTOMER") and e.end <= cast(Span, widened).end for e in inside
            )
        )
        if widened and rest_of_name:
            ent = widened
            joined.update(inside)
        elif ent.label_ in ("ORG", "CUSTOMER") and (
            bank := _BANK_FORM_AFTER_AND.match(text, ent.end_char)
        ):
            # "Harris Trust" + " and Savings Bank of Chicago": one bank's name,
            # which the recognizer read as two.
            bank_pieces = [
                e
                for e in ents
                if ent.end_char < e.start_char < bank.end() and e.label_ in ("ORG", "CUSTOMER")
            ]
            widened = doc.char_span(
                ent.start_char,
                max([bank.end(), *(e.end_char for e in bank_pieces)]),
                label=ent.label_,
            )
            if widened and all(e in bank_pieces for e in _overlapping(ents, ent.end, widened.end)):
                ent = widened
                joined.update(bank_pieces)
        result.append(ent)
    return [e for e in result if e not in joined]


_BANK_FORM_AFTER_AND = re.compile(
    r"(?<=\bTrust)[ ]and[ ]Savings[ ]Bank\b|(?<=\bBank)[ ]and[ ]Trust(?:[ ]Company)?\b|(?<=\bSavings)[ ]and[ ]Loan(?:[ ]Association)?\b"
)


def _join_state_possessives(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    result = []
    joined: list[Span] = []
    for ent in ents:
        if ent in joined:
            continue
        rest = None
        if ent.label_ in ("ORG", "CUSTOMER") and _STATE_NAME.fullmatch(
            text, ent.start_char, ent.end_char
        ):
            rest = _POSSESSIVE_NAME_REST.match(text, ent.end_char)
        widened = rest and doc.char_span(ent.start_char, rest.end(), label=ent.label_)
        inside = _overlapping(ents, ent.end, widened.end) if widened else []
        if widened and all(
            o.label_ in ("ORG", "CUSTOMER") and o.end <= widened.end for o in inside
        ):
            # The label of the body, where the recognizer found it.
            label = inside[0].label_ if inside else ent.label_
            ent = Span(doc, widened.start, widened.end, label=label)
            joined.extend(inside)
        result.append(ent)
    return [e for e in result if e not in joined]


# An institution is named by what it serves or where it is: "International
# Organization for Standardization", "Metropolitan Transit Authority of Harris
# County", "U.S. Court of Federal Claims". The recognizer often stops at the
# institution word, or before the last words of the name.
_INSTITUTION_WORD = (
    r"(?:University|College|Institute|School|Academy|Center|Centre|Court|Department|Ministry|Office|"
    r"Agency|Authority|Administration|Commission|Bureau|Council|Association|Society|Organization|"
    r"Organisation|Federation|Foundation|Bank|Hospital|Command|Group|Corps|Comptroller)"
)

# Where a name ends in its institution word, "of"/"for" must follow ("American
# Accounting Association" stops before "Seminal Contribution"); where it ends
# in "of", or inside "Court of Federal", capitalized words do.
_ENDS_IN_INSTITUTION = re.compile(rf"\b{_INSTITUTION_WORD}$")

_ENDS_INSIDE_INSTITUTION_OF = re.compile(
    rf"(?:\b{_INSTITUTION_WORD}[ ](?:of|for)(?:[ ][A-Z][\w&'\u2019-]*)+|[ ](?:of|for))$"
)

_INSTITUTION_AFTER = re.compile(
    r"[ ](?:University|College|Institute|Center|Centre|Hospital|Foundation|Association|Society|Council|"
    r"Agency|Authority|Administration|Commission|Bureau|Command|Laboratory|Laboratories)\b"
)

_COMPANY_WORD_AFTER = re.compile(rf"[ ]{COMPANY_KIND_WORDS}\b(?![ ][A-Z&]|-)")

_UNIT_AFTER = re.compile(
    r"(?:[ ][A-Z][a-z]+){1,2}[ ](?:Department|Division|Office|Center|Centre|Institute|Laboratory|Laboratories|"
    r"Agency|Administration|Commission|Bureau|Command)\b"
)

# The rest stops before the event the institution holds: "the American
# College of Rheumatology Annual Meeting".
_CAPITALIZED_REST = rf"(?:[ ](?!The\b)(?!{_EVENT_WORDS}\b)[A-Z][\w&-]*)+"

# "of"/"for" and the rest, or the one place the institution is in ("Erasmus
# University Medical Center Rotterdam").
# A second "of" may follow: "the United States District Court for the District of Delaware".
_OF_NAME_REST = re.compile(
    rf"[ ](?:of|for)(?:[ ]the)?{_CAPITALIZED_REST}(?:[ ]of(?:[ ]the)?{_CAPITALIZED_REST})?|[ ](?!The\b)[A-Z][a-z]+\b(?![ ][A-Z&]|-)"
)

_NAME_REST = re.compile(_CAPITALIZED_REST)


# An institution named after a person starts with the person's name: "the
# William E. Simon Graduate School of Business" (`_NAMED_AFTER_PERSON` keeps
# the name from being a person of its own).
_EPONYM_BEFORE = re.compile(
    r"\bthe[ ]((?:[A-Z][a-z]+|[A-Z]\.)(?:[ ](?:[A-Z][a-z]+|[A-Z]\.)){1,3})[ ]$"
)

_INSTITUTION_NAMED_AFTER_PERSON = re.compile(
    rf"(?:[ ][A-Z][a-z]+){{0,2}}[ ](?:{_EPONYM_INSTITUTION_WORDS})\b"
)

_PLACE_BEFORE_UNIVERSITY = re.compile(
    r"(?<![\w.-])(?!(?:The|In|At|From|With|For|And|Of|To|By|On|As|Its|Our|His|Her|State)\b)[A-Z][a-z]+[ ]$"
)

_OPENS_WITH_INSTITUTION = re.compile(
    r"(?:Graduate|School|University|College|Institute|Foundation|Center|Centre|Hospital)\b"
)


# "the City of Harrow Bay", "the State of New Jersey": a public body named by
# its place keeps its form, which the recognizer leaves out when it takes
# the place's name for the body's.
_PUBLIC_BODY_FORM_BEFORE = re.compile(
    r"\b(?:City|State|County|Town|Township|Village|Borough|Commonwealth)[ ]of[ ](?:the[ ])?$"
)


# Not a name that holds its form already: "the Secretary of State of the"
# + "State of Delaware".
_OPENS_WITH_PUBLIC_BODY_FORM = re.compile(
    r"(?:City|State|County|Town|Township|Village|Borough|Commonwealth)[ ]of[ ]"
)


def _with_public_body_form(doc: Doc, text: str, ents: list[Span], ent: Span) -> Span:
    if _OPENS_WITH_PUBLIC_BODY_FORM.match(text, ent.start_char):
        return ent
    form = _PUBLIC_BODY_FORM_BEFORE.search(text, max(0, ent.start_char - 25), ent.start_char)
    widened = form and doc.char_span(form.start(), ent.end_char, label=ent.label_)
    return widened if widened and not _overlapping(ents, widened.start, ent.start) else ent


def _complete_institution_names(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    """Each organization widened over the institution word right after it,
    and, when it ends in an institution word (or in "of"), over the rest of
    its name: "of"/"for" and capitalized words, on its line; and back over
    the name of the person it is named after, or over its form ("City of")."""
    result = []
    for ent in ents:
        if ent.label_ == "PERSON" and (
            named_after := _INSTITUTION_NAMED_AFTER_PERSON.match(text, ent.end_char)
        ):
            # "the George C. Marshall Space Flight Center": the person the recognizer
            # found is the eponym of the institution named after it.
            widened = doc.char_span(ent.start_char, named_after.end(), label="ORG")
            ent = widened if widened and not _overlapping(ents, ent.end, widened.end) else ent
        if ent.label_ not in ("ORG", "CUSTOMER"):
            result.append(ent)
            continue
        ent = _with_public_body_form(doc, text, ents, ent)
        if text.startswith("University of", ent.start_char) and (
            place := _PLACE_BEFORE_UNIVERSITY.search(
                text, max(0, ent.start_char - 25), ent.start_char
            )
        ):
            # "Delft University of Technology": the university's place opens its name.
            widened = doc.char_span(place.start(), ent.end_char, label=ent.label_)
            if widened and not _overlapping(ents, widened.start, ent.start):
                ent = widened
        if _OPENS_WITH_INSTITUTION.match(text, ent.start_char) and (
            eponym := _EPONYM_BEFORE.search(text, max(0, ent.start_char - 40), ent.start_char)
        ):
            widened = doc.char_span(eponym.start(1), ent.end_char, label=ent.label_)
            if widened and not _overlapping(ents, widened.start, ent.start):
                ent = widened
        # "Naval Air Warfare" + " Center": the institution word itself was left out;
        # in running text, with the words before it ("the Nasdaq" + " Listing
        # Qualifications Department").
        head = _INSTITUTION_AFTER.match(text, ent.end_char)
        if head is None and _LOWER_CASE_WORD.search(
            text, text.rfind("\n", 0, ent.start_char) + 1, ent.start_char
        ):
            # "Duos" + " Energy", "SurgiCount" + " Medical": a company word ends the name.
            head = _UNIT_AFTER.match(text, ent.end_char) or _COMPANY_WORD_AFTER.match(
                text, ent.end_char
            )
        widened = head and doc.char_span(ent.start_char, head.end(), label=ent.label_)
        if widened and not _overlapping(ents, ent.end, widened.end):
            ent = widened
        rest = None
        if _ENDS_IN_INSTITUTION.search(text, ent.start_char, ent.end_char):
            rest = _OF_NAME_REST.match(text, ent.end_char)
        elif _ENDS_INSIDE_INSTITUTION_OF.search(text, ent.start_char, ent.end_char):
            rest = _NAME_REST.match(text, ent.end_char)
        widened = rest and doc.char_span(ent.start_char, rest.end(), label=ent.label_)
        if widened and not _overlapping(ents, ent.end, widened.end):
            ent = widened
        if not _names_an_index_or_event(ent.text, text, ent.end_char):
            result.append(
                ent
            )  # not the host of an event: "the American College of Rheumatology Annual Meeting"
    return result


# "National Institute of Allergy" + " and Infectious Diseases", "Center for
# Devices and Radiological Health", "Port Authority of New York and New
# Jersey": an institution's field or place of two parts, which the
# recognizer cut at "and". Not where what follows is a name of its own
# elsewhere in the release ("the University of Rochester and Xerox").
_INSTITUTION_OF_FIELD = re.compile(
    rf"\b{_INSTITUTION_WORD}[ ](?:of|for)[ ](?:the[ ])?[A-Z][\w'\u2019-]*(?:[ ][A-Z][\w'\u2019-]*)*$"
)

_AND_FIELD_AFTER = re.compile(
    r"[ ]and[ ]((?:New[ ])?[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)(?![ ]*[A-Z&(]|[\w'\u2019-])"
)


def _join_institution_names_over_and(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    result, joined = [], set()
    for ent in ents:
        if ent in joined:
            continue
        rest = None
        if ent.label_ in ("ORG", "CUSTOMER") and _INSTITUTION_OF_FIELD.search(
            text, ent.start_char, ent.end_char
        ):
            rest = _AND_FIELD_AFTER.match(text, ent.end_char)
        if rest is not None and not re.search(
            rf"(?<![\w-]){re.escape(rest.group(1))}(?![\w-])",
            text[: rest.start(1)] + text[rest.end(1) :],
        ):
            widened = doc.char_span(ent.start_char, rest.end(), label=ent.label_)
            inside = _overlapping(ents, ent.end, widened.end) if widened else []
            if widened and all(e.label_ in ("ORG", "CUSTOMER") for e in inside):
                ent = widened
                joined.update(inside)
        result.append(ent)
    return [e for e in result if e not in joined]


# Words that open a name and that the recognizer left out: an ordinal ("1st
# Source Bank"), the first word of a state ("South" of "South Carolina
# Coordinating Council"), an institution's word with "for" or "of" ("the
# Center for" + "Digital Health Outcomes").
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,-])\d{1,3}(?:st|nd|rd|th)[ ]$")

_STATE_FIRST_WORD_BEFORE = re.compile(r"(?<![\w-])(?:North|South|West|New|Rhode)[ ]$")

_INSTITUTION_FOR_BEFORE = re.compile(
    rf"(?<![\w-])(?:[A-Z][a-z]+[ ]){{0,2}}{_INSTITUTION_WORD}[ ](?:for|of)[ ]$"
)


# A hospital's place or founder before a generic first word: "a supply
# agreement with Pootatuck" + "Memorial Hospital in Danbury".
_GENERIC_HOSPITAL = re.compile(
    r"(?:Memorial|Regional|General|Community|Methodist|Baptist|Presbyterian|Lutheran)[ ](?:[A-Z][a-z]+[ ])?"
    r"(?:Hospital|Medical[ ]Center|Health[ ]System|Healthcare)$"
)

_PLACE_WORD_BEFORE = re.compile(r"(?<=[a-z,][ ])(?!(?:The|With|At|From|For|And)\b)[A-Z][a-z]+[ ]$")


# A capitalized word between a word in lower case and the name, in running
# text, opens the name: "notified Lyndmere" + "Lodging Trust", "that the
# Carrollton" + "Department of Revenue" (11 such names in the gold of train,
# dev and the probe sets, 1 where the word was no part of it). A headline
# capitalizes every word ("Healthcare to Acquire Sorrelfield Medical"), so
# the line must read as running text before it: a word of four letters or more
# in lower case. Not a month ("in May Acme ...").
_NAME_WORD_IN_RUNNING_TEXT = re.compile(
    r"(?<![\w.'\u2019-])[a-z]+[ ]"
    r"((?!(?:The|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+)[ ]$"
)


# A plural's apostrophe inside a name: "California State Teachers'
# Retirement System", "Colorado Public Employees' Retirement Association"
# (the recognizer ended the name at the apostrophe, SCHEMA.md 1 taking it
# for a possessive).
_PLURAL_POSSESSIVE_REST = re.compile(
    r"['\u2019][ ]+(?:[A-Z][a-z]+[ ]+){0,3}(?:System|Association|Fund|Bank|Union|Compensation)\b"
)

# So does an irregular plural's "'s": "the Tennessee Department of Children's
# Services", "Nationwide Children's Hospital".
_IRREGULAR_PLURAL = re.compile(r"(?:Children|Women|Men|People)$")

_IRREGULAR_PLURAL_REST = re.compile(
    r"['\u2019]s[ ]+(?:[A-Z][a-z]+[ ]+){0,3}?(?:Services|Hospitals?|Health|Center|Centre|System|Association|Fund)\b"
)


def _join_plural_possessives(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    result = list(ents)
    for ent in ents:
        if ent.label_ in ("ORG", "CUSTOMER") and ent in result:
            rest = (
                _PLURAL_POSSESSIVE_REST.match(text, ent.end_char)
                if ent.text.endswith("s")
                else _IRREGULAR_PLURAL.search(ent.text)
                and _IRREGULAR_PLURAL_REST.match(text, ent.end_char)
            )
            widened = rest and doc.char_span(ent.start_char, rest.end(), label=ent.label_)
            if widened:
                inside = [
                    o
                    for o in result
                    if o is not ent and widened.start <= o.start and o.end <= widened.end
                ]
                if all(o.label_ in ("ORG", "CUSTOMER") for o in inside) and not _overlapping(
                    [o for o in result if o not in inside and o is not ent],
                    widened.start,
                    widened.end,
                ):
                    result = [o for o in result if o is not ent and o not in inside] + [widened]
    return result


def _widen_over_opening_words(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    result = []
    for ent in ents:
        if ent.label_ in ("ORG", "CUSTOMER"):
            window = max(0, ent.start_char - 60)
            opening = _ORDINAL_BEFORE.search(
                text, window, ent.start_char
            ) or _INSTITUTION_FOR_BEFORE.search(text, window, ent.start_char)
            if opening is None and _GENERIC_HOSPITAL.fullmatch(ent.text):
                opening = _PLACE_WORD_BEFORE.search(text, window, ent.start_char)
            state = _STATE_FIRST_WORD_BEFORE.search(text, window, ent.start_char)
            if opening is None and state and _STATE_NAME.match(text, state.start()):
                opening = state
            start = opening.start() if opening else None
            if start is None and (
                word := _NAME_WORD_IN_RUNNING_TEXT.search(text, window, ent.start_char)
            ):
                if _LOWER_CASE_WORD.search(
                    text, text.rfind("\n", 0, word.start(1)) + 1, word.start(1)
                ):
                    start = word.start(1)
            widened = start is not None and doc.char_span(start, ent.end_char, label=ent.label_)
            if widened and not _overlapping(ents, widened.start, ent.start):
                ent = widened
        result.append(ent)
    return result


# "delivered to Tri-County Fuel Distributors", "NASA's Goddard Space Flight
# Center", "the U.S. Army TACOM Life Cycle Management Command": capitalized
# words that end in a word only an organization's name ends in go on the
# name before them, which the recognizer or propagation (a short form found
# later, "Tri-County", "Goddard") cut; a body found inside the rest
# ("Life Cycle Management Command") is part of it. So does the one company
# word after a name ("Cardinal Health and SurgiCount" + " Medical have"),
# as before propagation (`_complete_institution_names`). In running text
# only, on either side of the name: a headline capitalizes every word.
_ORGANIZATION_NAME_REST = re.compile(
    r"(?:[ ](?!The\b)[A-Z][\w&-]*){0,4}[ ](?:Center|Centre|Institute|Laborator(?:y|ies)|Agency|Administration|"
    r"Authority|Command|Distributors|Distribution|Lines|Systems|Technologies|Industries|Holdings|Partners|"
    # "Mercy Regional Health System", "Amazon Web Services", "Coreline
    # Electric Utility": cut at their first words by the recognizer.
    r"System|Services|Utility|Utilities|Hospital|Group|Network|Foundry|"
    # "Calvin B. Taylor Bank": a bank named after its founder, cut at the person's name.
    r"Bank|"
    # A health insurer: "Suncoast Dental Plans", "Omnicare Health Plans".
    r"(?:Health|Dental|Medical|Vision)[ ]Plans?|"
    rf"{_LEGAL_FORM})(?![\w-]|[ ][A-Z&])"
)

# Also in a headline in capitals: "OWYHEE BANCSHARES AND OWYHEE FARMERS STATE BANK".
_AND_BETWEEN_NAMES_ANY_CASE = re.compile(r"\s+(?:and|AND)\s+")


_LIST_OPENING_BEFORE = re.compile(r"\b(?:including|include|includes|included|such[ ]as|namely)[ ]$")


# "between Fennwick and The Kroger Co.": "The" capitalized after "and"
# opens a second name (GUIDELINE.md: a leading "The" stays out of it).
_AND_THE = re.compile(r"[ ]and[ ]The[ ](?=[A-Z])")


def _split_at(doc: Doc, ent: Span, joint: re.Match) -> list[Span] | None:
    """The two names `ent` holds on either side of `joint` (a match in its
    text), or None where either side is no run of whole tokens."""
    first = doc.char_span(ent.start_char, ent.start_char + joint.start(), label=ent.label_)
    second = doc.char_span(ent.start_char + joint.end(), ent.end_char, label=ent.label_)
    return [first, second] if first is not None and second is not None else None


def _split_at_and_the(doc: Doc, ent: Span) -> list[Span] | None:
    joint = _AND_THE.search(ent.text)
    return _split_at(doc, ent, joint) if joint else None


def _split_joined_organizations(doc: Doc, ents: list[Span]) -> list[Span]:
    names = {e.text for e in ents if e.label_ in ("ORG", "CUSTOMER")}
    # "customers, including Rumsey Medical, Sedgefield Diagnostics and
    # Hawksmoor Instruments": the last item of a list of organizations.
    listed_after = {e.end_char + 2 for e in ents if e.label_ in ("ORG", "CUSTOMER")}
    text = doc_text(doc)
    result = []
    for ent in ents:
        parts = None
        if ent.label_ in ("ORG", "CUSTOMER"):
            last_of_list = (
                ent.start_char in listed_after and text[ent.start_char - 2 : ent.start_char] == ", "
            ) or bool(
                # "14 new customers, including Tamsett Aerostructures and Pickerel Lake Brewing Co.".
                _LIST_OPENING_BEFORE.search(text, max(0, ent.start_char - 16), ent.start_char)
            )
            parts = _split_at_and_the(doc, ent) or _named_apart(
                doc, ent, names - {ent.text}, last_of_list=last_of_list
            )
        result.extend(parts or [ent])
    return result


# "Ridgewater Savings Bank and Pinecrest Credit Union", "Brookfield Dairy
# Cooperative and Sunmeadow Juice Company": each side ends in the word of a
# kind of organization, so each is a name (not "Farmers Bank and Trust").
_KIND_BEFORE_AND = re.compile(
    r"(?:Bank|Credit[ ]Union|Cooperative|Company|Corporation|Corp\.|Inc\.|Hospital|Authority)$"
)

_TWO_WORDS_AND_FORM = re.compile(
    rf"^[A-Z][\w&'\u2019-]*(?:[ ][A-Z][\w&'\u2019-]*)+,?[ ]{_LEGAL_FORM}$"
)

_KIND_AT_END = re.compile(
    r"^(?!Trust\b)[A-Z].*[ ](?:Bank|Credit[ ]Union|Cooperative|Company|Corporation|Corp\.|Inc\.|Hospital|Authority|"
    r"Center|Clinic|System|Systems|Group|Utilities|District)$"
)


# "Roth Capital Partners and Craig-Hallum Capital Group LLC", "Rothschild
# and Freshfields Bruckhaus Deringer LLP": banks and firms named together in
# an offering's or a deal's advisers. A firm's name ends in a word of its
# trade, and a law firm's partners are joined by "&", not "and" (no name of
# the annotated releases ends in a partnership's form and holds "and").
_FIRM_BEFORE_AND = re.compile(
    r"[ ](?:Partners|Securities|Capital[ ]Markets|Advisors|Advisers|Associates)$"
)

# Not the firm's own "and Company LLC": "Crowe Chizek and Company LLC".
_PARTNERSHIP_AFTER_AND = re.compile(
    r"^(?!(?:Company|Co\.),?[ ])[A-Z][^,]*[ ](?:LLP|L\.L\.P\.|PLLC|P\.C\.|LLC|L\.L\.C\.)$"
)


_BANK_OF_PLACE = re.compile(r"^(?:Bank|Banco|Banque)[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?$")

_ONE_CAPITALIZED_WORD = re.compile(r"[A-Z][\w&.'\u2019-]+")

_TWO_CAPITALIZED_WORDS = re.compile(r"[A-Z][\w&.'\u2019-]*(?:[ ][A-Z][\w&.'\u2019-]*)+$")


def _defined_in_quotes(text: str, name: str) -> bool:
    """Whether the release defines `name` as a short name: '("Luxin")', '(the "VA")'."""
    return bool(name) and any(
        f"({q}{name}{p})" in text or f"(the {q}{name}{p})" in text
        for q, p in (('"', '"'), ("\u201c", "\u201d"))
    )


def _firms_named_together(left: str, right: str) -> bool:
    # Not a body named after its field: "Securities and Exchange Commission".
    return bool(
        left[:1].isupper()
        and right[:1].isupper()
        and (_FIRM_BEFORE_AND.search(left) or _PARTNERSHIP_AFTER_AND.match(right))
        and not GOVERNMENT_BODY.fullmatch(right)
    )


# Pairs of words a single name joins by "and": "Petco Health and Wellness
# Company, Inc.", "Southern Oil and Gas Company".
_COLLOCATION_AND = re.compile(
    r"\b(?:Health[ ]and[ ](?:Wellness|Fitness|Human)|Food[ ]and[ ]Drug|Oil[ ]and[ ]Gas|Gas[ ]and[ ]Electric|"
    r"Power[ ]and[ ]Light|Light[ ]and[ ]Power|Bath[ ]and[ ]Body|Arts[ ]and[ ]Sciences|Home[ ]and[ ]Garden)\b"
)


def _named_apart(
    doc: Doc, ent: Span, other_names: set[str], *, last_of_list: bool = False
) -> list[Span] | None:
    """The two organizations `ent` joins by "and", where each is named apart,
    each ends in a kind of organization, they are firms named together, or
    (the last item of a list of organizations) each is a name of two words or more."""
    for joint in _AND_BETWEEN_NAMES_ANY_CASE.finditer(ent.text):
        left, right = ent.text[: joint.start()], ent.text[joint.end() :]
        if _COLLOCATION_AND.search(
            ent.text, max(0, joint.start() - 12), min(len(ent.text), joint.end() + 12)
        ):
            continue  # "Petco Health and Wellness Company, Inc.": one name over a common pair
        kinds = bool(_KIND_BEFORE_AND.search(left) and " " in left and _KIND_AT_END.match(right))
        # "Pinehollow Behavioral Health and Lumiveth Diagnostics, Inc.": a company's
        # kind word ends the first name, a legal form the second.
        kinds = kinds or bool(
            _ENDS_IN_COMPANY_KIND.search(left) and " " in left and _TWO_WORDS_AND_FORM.match(right)
        )
        kinds = kinds or _firms_named_together(left, right)
        # "Bank of Ireland and PNC Bank, National Association": a bank named
        # after its place, then a second bank's name with its kind or form.
        kinds = kinds or bool(
            _BANK_OF_PLACE.match(left)
            and (_KIND_AT_END.match(right) or _TWO_WORDS_AND_FORM.match(right))
        )
        # The last of a list of customers: "Keady Telephone Company, Windstream
        # and Greystead Telephone Cooperative" (one word, then a name of its kind).
        kinds = kinds or bool(
            last_of_list
            and _ONE_CAPITALIZED_WORD.fullmatch(left)
            and _KIND_AT_END.match(right)
            and " " in right
        )
        kinds = kinds or bool(
            # Not one body's name: "U.S. Customs and Border Protection".
            last_of_list
            and all(_TWO_CAPITALIZED_WORDS.match(part) for part in (left, right))
            and (GOVERNMENT_BODY.fullmatch(right) or not GOVERNMENT_BODY.fullmatch(ent.text))
        )
        if not kinds and not all(
            any(same_organization(part, name) for name in other_names) for part in (left, right)
        ):
            continue
        if parts := _split_at(doc, ent, joint):
            return parts
    return None


# "C.H. Robinson Worldwide, Inc.", "J.P. Morgan Securities", "St. Jude
# Medical": initials or a saint's "St." open the name (the recognizer cut
# them off). Not "U.S." or "U.K." before a body, which stand apart in the
# annotated releases ("the U.S. Sears").
_ABBREVIATION_BEFORE_NAME = re.compile(r"(?<![\w.])(?:St\.|(?!U\.S\.|U\.K\.)(?:[A-Z]\.){2,3})[ ]$")


def _widen_over_leading_abbreviations(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for ent in [e for e in ents if e.label_ in ("ORG", "CUSTOMER")]:
        if lead := _ABBREVIATION_BEFORE_NAME.search(
            text, max(0, ent.start_char - 8), ent.start_char
        ):
            ents = _add_or_widen(doc, ents, lead.start(), ent.end_char, ent.label_)
    return ents


# "a trademark of Keystone Foods Corp. Keystone Foods Corp. is not
# affiliated": a name ends at its legal form's stop where a sentence
# follows; the recognizer ran on into the next sentence's name.
_LEGAL_FORM_STOP = r"\b(?:Corp|Inc|Co|Ltd|LLC|Corporation|Company|Incorporated)\."

# Not a second legal form: "Sutter Vance & Co. LLP".
_SENTENCE_AFTER_LEGAL_FORM = re.compile(
    _LEGAL_FORM_STOP
    + r"(?=[ ]+[A-Z])(?![ ]+(?:LLP|LLC|PLLC|L\.L\.P\.|L\.L\.C\.|L\.P\.|P\.C\.|Incorporated|KG)(?![\w.]))"
)

_ENDS_AT_LEGAL_FORM_STOP = re.compile(_LEGAL_FORM_STOP + "$")


# "revenues earned from ME&T.\n2\tElimination of ...": a footnote's or a
# list's number opens the next line, and the recognizer ran on into it. No
# annotated name ends in a number after a stop.
_NUMBER_AFTER_STOP = re.compile(r"\.\s+\d{1,3}$")


def _cut_at_sentence_ends(doc: Doc, ents: list[Span]) -> list[Span]:
    result = []
    for ent in ents:
        end = None
        if ent.label_ in ("ORG", "CUSTOMER") and (
            stop := _SENTENCE_AFTER_LEGAL_FORM.search(ent.text)
        ):
            end = stop.end()
        elif ent.label_ in ("ORG", "CUSTOMER", "PERSON") and (
            number := _NUMBER_AFTER_STOP.search(ent.text)
        ):
            end = number.start()
            # The stop stays with a legal form ("Acme Co.") or a token that holds it ("ME&T.").
            if (
                _ENDS_AT_LEGAL_FORM_STOP.search(ent.text, 0, end + 1)
                or doc.char_span(ent.start_char, ent.start_char + end) is None
            ):
                end += 1
        if end is not None:
            cut = doc.char_span(ent.start_char, ent.start_char + end, label=ent.label_)
            ent = cut if cut is not None else ent
        result.append(ent)
    return result


# "Kessick Photonics", "Pell Diagnostics": a surname and the word of a
# company's trade are a company's name, not a person's (no person of the
# annotated releases ends in one); so is a group's, in Italian, Spanish or
# French ("Gruppo Zanardelli").
_COMPANY_KIND_AFTER = re.compile(
    rf"[ ]{COMPANY_KIND_WORDS}(?:[ ](?:Services|Group))?\b(?![ ]+[A-Z])"
)

_ENDS_IN_COMPANY_KIND = re.compile(rf"[ ]{COMPANY_KIND_WORDS}$|^(?i:Gruppo|Grupo|Groupe)[ ]")


def _as_companies_by_their_kind_word(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    result = []
    for e in ents:
        if e.label_ == "PERSON" and _ENDS_IN_COMPANY_KIND.search(e.text):
            e = Span(doc, e.start, e.end, label="ORG")
        elif e.label_ == "PERSON" and (kind := _COMPANY_KIND_AFTER.match(text, e.end_char)):
            # "Lockheed Martin Aeronautical Systems was the second largest
            # customer": the recognizer took the words before the kind for a
            # person; the company's name runs over the capitalized word
            # before them and over the kind.
            start = (
                e.start - 1
                if e.start > 0 and doc[e.start - 1].text[:1].isupper() and doc[e.start - 1].is_alpha
                else e.start
            )
            widened = doc.char_span(doc[start].idx, kind.end(), label="ORG")
            if widened is not None and all(
                o is e for o in _overlapping(ents, widened.start, widened.end)
            ):
                e = widened
        result.append(e)
    return result


# "HALBERD SYSTEMS AWARDED $8.7 MILLION CONTRACT" over "Halberd Systems
# (Nasdaq: HLBD) today announced": a headline's name in capitals that the
# recognizer took for a measure is the organization the text names so.
def _as_organizations_named_so_elsewhere(doc: Doc, ents: list[Span]) -> list[Span]:
    organizations = {
        e.text.casefold(): e.label_
        for e in ents
        if e.label_ in ("ORG", "CUSTOMER") and not _in_capitals(e.text)
    }
    if not organizations:
        return ents
    return [
        Span(doc, e.start, e.end, label=organizations[e.text.casefold()])
        if e.label_ == "METRIC" and _in_capitals(e.text) and e.text.casefold() in organizations
        else e
        for e in ents
    ]


# "ACME NAMES MARY O'NEILL PRESIDENT": a headline's verb in capitals, alone, is no name.
_HEADLINE_VERB_ALONE = re.compile(_HEADLINE_VERB, re.IGNORECASE)


# "SAWTOOTH VALLEY BANCORP TO ACQUIRE OWYHEE BANCSHARES AND OWYHEE FARMERS
# STATE BANK": in a headline in capitals the recognizer may run a name on
# from the deal's verb; the name is what follows it.
_OPENING_DEAL_VERB = re.compile(
    r"^(?:TO[ ])?(?:ACQUIRES?|ACQUIRED|BUYS?|MERGES?[ ]WITH|ACQUISITION[ ]OF)[ ]+(?=[A-Z])"
)


# "Caddanby Cabin Technologies to Retrofit Tramontana Airways' A320 Fleet":
# in a title-case headline, the verb after "to" that the recognizer ran into
# the name of the buyer after it.
_OPENING_INFINITIVE = re.compile(
    r"(?:Acquire|Supply|Provide|Build|Deliver|Retrofit|Upgrade|Equip|Support|Manufacture|Install|Power|Serve|"
    r"Modernize|Outfit|Refurbish|Overhaul|Maintain|Operate|Develop|Produce|Ship|Manage|Join)[ ]+(?=[A-Z])"
)


# "and in July Foxhall Instruments awarded the Company": the month of the
# event opens no company's name (not "May", which may: "May Department
# Stores"). Looked at last: propagation may widen a known name over it.
_MONTHS_BEFORE_A_NAME = frozenset(
    "January February March April June July August September October November December".split()
)


# "Sir Roderick Claverley": a knighthood is an honorific, outside the name as "Mr." is.
_KNIGHTHOODS = frozenset(("Sir", "Dame"))


def _without_leading_months_and_knighthoods(ents: list[Span]) -> list[Span]:
    return [
        Span(e.doc, e.start + 1, e.end, label=e.label_)
        if (
            e.label_ in ("ORG", "CUSTOMER")
            and len(e) > 1
            and e[0].text in _MONTHS_BEFORE_A_NAME
            and e[1].text[:1].isupper()
        )
        or (e.label_ == "PERSON" and len(e) > 1 and e[0].text in _KNIGHTHOODS)
        else e
        for e in ents
    ]


def _without_opening_deal_verbs(text: str, ents: list[Span]) -> list[Span]:
    result = []
    for ent in ents:
        verb = (
            _OPENING_DEAL_VERB.match(ent.text)
            if ent.label_ in ("ORG", "CUSTOMER") and ent.text.isupper()
            else None
        )
        if (
            ent.label_ in ("ORG", "CUSTOMER")
            and verb is None
            and text[max(0, ent.start_char - 3) : ent.start_char] == "to "
        ):
            verb = _OPENING_INFINITIVE.match(ent.text)
        rest = (
            ent.doc.char_span(ent.start_char + verb.end(), ent.end_char, label=ent.label_)
            if verb
            else None
        )
        result.append(rest if rest is not None else ent)
    return result


def _without_headline_verbs(ents: list[Span]) -> list[Span]:
    return [
        _cut_before_headline_verb(e)
        for e in ents
        if not (
            e.label_ in ("ORG", "CUSTOMER")
            and e.text.isupper()
            and _HEADLINE_VERB_ALONE.fullmatch(e.text)
        )
    ]


# "City of Marlow Springs Goes Live on Tessaro Cloud", "Alder & Finch
# Insurance Group Taps Quillon", "Brantley County Sheriff's Office Selects
# Kavora": a title-case headline's verb and what follows it are no part of
# the buyer's name the recognizer ran on over them. Not a name that ends in
# a legal form ("Vital Signs Inc.").
# Not the verbs that are also words of names ("Signs", "Partners", "Awards",
# "Orders").
_VERB_IN_HEADLINE_NAME = re.compile(
    r"[ ](?:Goes|Taps|Chooses|Selects|Deploys|Adopts|Moves|Picks|Renews|Extends|Expands|Launches|"
    r"Converts|Receives|Joins|Standardizes|Implements|Places|Adds|Wins|Secures|Earns|Achieves|Completes|Obtains|Gains|"
    r"Unveils|Strengthens|Bolsters|Broadens|Deepens|Enhances|Names|Appoints|Promotes|Elects|Hires|Welcomes)(?:[ ](?=[A-Z$\d])|$)"
)


# "Wins Defense Logistics Agency Contract", "Department of Veterans Affairs
# Order": the headline's noun after a public body is what it awarded.
_CONTRACT_NOUN_AT_END = re.compile(r"[ ](?:Contracts?|Orders?|Awards?|Task[ ]Orders?)$")


def _cut_before_headline_verb(ent: Span) -> Span:
    if ent.label_ not in ("ORG", "CUSTOMER") or "\n" in ent.text:
        return ent
    noun = _CONTRACT_NOUN_AT_END.search(ent.text)
    # (The body's pattern may run on over the noun: "Affairs Order".)
    if noun is not None and any(
        body.end() in (noun.start(), len(ent.text)) for body in GOVERNMENT_BODY.finditer(ent.text)
    ):
        return _first_chars(ent, noun.start())
    verb = _VERB_IN_HEADLINE_NAME.search(ent.text)
    if verb is None or HOLDS_LEGAL_FORM.search(ent.text[verb.end() :]):
        return ent
    return _first_chars(ent, verb.start())


def _first_chars(ent: Span, length: int) -> Span:
    """`ent` cut to its first `length` characters, or as it is where that is no token boundary."""
    cut = ent.doc.char_span(ent.start_char, ent.start_char + length, label=ent.label_)
    return cut if cut is not None else ent


# "HORIZON C2M technology", "C2M production batteries", "Windows Media
# software": a name written only before what is made or sold under it is a
# product or brand, no organization. A company's name is written on its own
# somewhere ("GM models" beside "GM said"), and keeps its spans.
# The words between are the product's own ("C2M maintenance-free
# batteries"), not a preposition: "an order from Northrop Grumman for radar
# modules" names the buyer of the modules; nor a verb: "Calder Power
# Systems Inc. delivered modules" (a name with its legal form is a company's).
_PRODUCT_AFTER = re.compile(
    # Nor a determiner: "Cleveland Clinic signed a system-wide agreement", "the
    # Texas Department of Transportation extended our platform" name the product's buyer.
    r"(?:[ ](?!(?:for|to|from|with|of|by|on|at|in|and|or|a|an|the|our|its|their|his|her|"
    r"delivered|shipped|sold|sells|ships|delivers|supplies|supplied|"
    r"makes|made|builds|built|launched|launches|introduced|introduces|offers|offered)\b)[a-z][\w-]*){0,2}[ ](?:technology|technologies|batter(?:y|ies)|units?|platforms?|software|products?|devices?|"
    r"brands?|models?|series|modules?|chips?|engines?|systems?|solutions?|tools?|sensors?|kits?|packs?)(?![\w-])"
)


_OWNER_BEFORE_PRODUCT = re.compile(r"\b(?:the[ ]Company['\u2019]s|[Ii]ts|[Oo]ur)[ ]$")

_RESOURCE_SITE_WORD = re.compile(r"\b(?:mine|deposit|project|farm|field|plant|facility|property)\b")


def _without_product_names(text: str, ents: list[Span]) -> list[Span]:
    """Without the names written only before what is made or sold under them
    (products, brands), and the names the release gives a mine or an energy
    project in any mention ("the Hawk Ridge wind project ... Hawk Ridge
    produced 400 GWh": every mention is the site's, none a person's or a
    company's). One scan of the text per name serves both."""
    # Most releases name no mine or project: people's names are read only where one may be.
    site_words = _RESOURCE_SITE_WORD.search(text) is not None
    names = {
        e.text
        for e in ents
        if e.label_ in ("ORG", "CUSTOMER") or (site_words and e.label_ == "PERSON")
    }
    products, sites = set(), set()
    for name in names:
        ends = [m.end() for m in re.finditer(rf"(?<![\w&.-]){re.escape(name)}(?![\w&-])", text)]
        if not ends or _NAME_SUFFIX.search(name):
            continue
        before_products = [end for end in ends if _PRODUCT_AFTER.match(text, end)]
        if len(before_products) == len(ends):
            products.add(name)
        elif any(
            _OWNER_BEFORE_PRODUCT.search(text, max(0, end - len(name) - 16), end - len(name))
            for end in before_products
        ):
            # "the Company's SpineTrak navigation system": the issuer's own
            # product, also where the release writes it alone ("SpineTrak
            # received 510(k) clearance").
            products.add(name)
        if site_words and any(_RESOURCE_SITE_AFTER.match(text, end) for end in ends):
            sites.add(name)
    return [
        e
        for e in ents
        if not (e.label_ in ("ORG", "CUSTOMER") and e.text in products)
        and not (e.label_ in ("PERSON", "ORG", "CUSTOMER") and e.text in sites)
    ]


_INSURER_KIND_AT_END = re.compile(r"[ ](?:Health|Dental|Medical|Vision)$")

_PLAN_AFTER = re.compile(r"[ ]Plans?(?![\w-]|[ ][A-Z&])")


# A reinsurer is named "... Re": "Bexley Re", "Dunmore Re" (the recognizer
# reads a person or a title there).
_REINSURER = re.compile(r"[A-Z][\w-]*(?:[ ][A-Z][\w-]*){0,2}[ ]Re")

# An insurer's name goes on with its country: "Brixham Fire Insurance Company of North America".
_OF_AMERICA_AFTER = re.compile(r"[ ]of[ ](?:North[ ])?America\b")

_INSURER_END = re.compile(r"(?:Company|Corporation|Insurance|Assurance|Casualty)$")


def _as_reinsurers(doc: Doc, ents: list[Span]) -> list[Span]:
    return [
        Span(doc, e.start, e.end, label="ORG")
        if e.label_ in ("PERSON", "ROLE") and _REINSURER.fullmatch(e.text)
        else e
        for e in ents
    ]


def _complete_organization_names(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for ent in [e for e in ents if e.label_ in ("ORG", "CUSTOMER")]:
        if not _in_running_text(text, ent.start_char) or _ENDS_AT_LEGAL_FORM_STOP.search(ent.text):
            continue  # "... Technology Corp." + " Keystone Foods Technology Corp. is": the next sentence's name
        rest = _ORGANIZATION_NAME_REST.match(text, ent.end_char) or _COMPANY_WORD_AFTER.match(
            text, ent.end_char
        )
        if rest is None and _INSURER_END.search(ent.text):
            rest = _OF_AMERICA_AFTER.match(text, ent.end_char)
        if rest is None and _INSURER_KIND_AT_END.search(ent.text):
            rest = _PLAN_AFTER.match(
                text, ent.end_char
            )  # "Halloway Health" + " Plan, a regional health plan"
        if rest:
            ents = _add_or_widen(doc, ents, ent.start_char, rest.end(), ent.label_)
    return ents


_LINE_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")


def _in_running_text(text: str, position: int) -> bool:
    """Not in a headline: a word in lower case before `position` on its line,
    or a line not in title case (a quote may open the line with a name)."""
    line_start = text.rfind("\n", 0, position) + 1
    return _LOWER_CASE_WORD.search(
        text, line_start, position
    ) is not None or not _in_title_case_line(text, position)


def _in_title_case_line(text: str, position: int) -> bool:
    line_start, line_end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    words = _LINE_WORD.findall(text, line_start, len(text) if line_end < 0 else line_end)
    return sum(word[0].isupper() for word in words) * 2 >= len(words)


# "the former Credit and Financial Products business", "its Complex Machining
# and Turbine Engine Components business segments": a business line named by
# two capitalized parts joined by "and" before "business" or "segment"
# (singular: one business); the part after "and" is half of that name, no
# organization (SCHEMA.md 2).
_CAPITALIZED_PART_AND_BEFORE = re.compile(
    r"(?<![.!?:][ ])(?<![.!?:])\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+)*[ ]and\s+$"
)

_BUSINESS_NOUN_AFTER = re.compile(
    # One business ("the Credit and Financial Products business"), or another
    # one after it in a list ("Credit and Financial Products and NTB
    # businesses"); "the Credit and NTB businesses" are two businesses.
    r"(?:\s+and\s+[A-Z][\w&'\u2019-]*(?:\s+(?:[A-Z][\w&'\u2019-]*|&)){0,3}(?:\s+\([A-Z]{2,6}\))?"
    r"\s+(?:businesses|segments)|\s+(?:business|segment))\b"
)


def _without_halves_of_business_names(text: str, ents: list[Span]) -> list[Span]:
    taken = {i for e in ents for i in range(e.start_char, e.end_char)}
    result = []
    for ent in ents:
        before = _CAPITALIZED_PART_AND_BEFORE.search(
            text, max(0, ent.start_char - 40), ent.start_char
        )
        if (
            ent.label_ in ("ORG", "CUSTOMER")
            and before is not None
            and before.start() not in taken
            and _BUSINESS_NOUN_AFTER.match(text, ent.end_char)
        ):
            continue
        result.append(ent)
    return result


_OPENING_PARENTHESIS = re.compile(r"\s*\([\"\u201c]?$")

_CLOSING_PARENTHESIS = re.compile(r"[\"\u201d]?\)")


def _without_restated_abbreviations(text: str, ents: list[Span]) -> list[Span]:
    """Without the abbreviation a measure is given in parentheses: in
    "diluted earnings per share (EPS) of $.41", "Selling, general and
    administrative expense (SG&A) ... was $5.6 million" the measure is the
    phrase (SCHEMA.md 2, METRIC); a METRIC on the abbreviation would take
    the amount from it. Where the recognizer found only the abbreviation
    ('diluted earnings per common share ("EPS") of $0.71'), the METRIC
    moves to the phrase before it, if it is a known measure."""
    metric_ends = {e.end_char for e in ents if e.label_ == "METRIC"}
    result = []
    for e in ents:
        opening = (
            e.label_ == "METRIC"
            and _CLOSING_PARENTHESIS.match(text, e.end_char)
            and _OPENING_PARENTHESIS.search(text, max(0, e.start_char - 4), e.start_char)
        )
        if not opening:
            result.append(e)
        elif opening.start() not in metric_ends:
            window = max(0, opening.start() - 80)
            phrase = next(
                (
                    m
                    for m in METRIC_TERM.finditer(text, window, opening.start())
                    if m.end() == opening.start()
                ),
                None,
            )
            span = phrase and e.doc.char_span(phrase.start(), phrase.end(), label="METRIC")
            free = span is not None and not any(
                o.start < span.end and span.start < o.end for o in ents
            )
            result.append(cast(Span, span) if free else e)  # free: `span` is a span
    return result


# Three capitals at least: "JD Vance" is a person written with initials.
_ACRONYM = re.compile(r"[A-Z]{3,}\d*")

_LOWER_CASE_LETTER = re.compile(r"[a-z]")


def _as_organization_if_acronym(ent: Span, text: str) -> Span:
    """A PERSON that starts with an acronym ("AMSC", "AMSC Windtec") outside
    a heading in capitals is an organization: people's names are written in
    capitals only where the whole line is ("ELECTS DONA D. YOUNG AS LEAD
    DIRECTOR")."""
    if ent.label_ != "PERSON":
        return ent
    words = ent.text.split()
    if not _ACRONYM.fullmatch(words[0]):
        return ent
    if len(words) == 1:
        around = (
            text[max(0, ent.start_char - 30) : ent.start_char]
            + text[ent.end_char : ent.end_char + 30]
        )
        in_heading = not _LOWER_CASE_LETTER.search(around)
    else:
        in_heading = not _LOWER_CASE_LETTER.search(ent.text)
    return ent if in_heading else Span(ent.doc, ent.start, ent.end, label="ORG")
