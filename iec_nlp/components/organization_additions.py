"""Organizations the recognizer missed, added where the text names one.

A short form defined in parentheses after a name ("Astro
Instrumentation, LLC (\"Astro\")", "(DHS)"), a unit after a possessive,
initials after an institution's name, a company-shaped name ("of Meridian
Capital Partners", "to Vellum Automotive"), a named segment, unit or
subsidiary of the issuer, an employer after a title or before a post, the
customers a list or a sale cue names, the firms engaged as advisors, and
names coordinated with one already found. They are added where no entity
holds their place, or widen a name the recognizer cut short ("Kessler" of
"Kessler Power Systems"). Part of `iec_entity_rules` (`entity_rules`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..currencies import CURRENCY
from .name_plausibility import (
    _CONTRACT_VEHICLES,
    _DEFINED_TERM_WORDS,
    _GENERIC_ORGANIZATION_WORDS,
    _in_ticker_notation,
    _is_plausible,
    _is_title,
    _written_in_lower_case,
)
from .name_shapes import (
    _EXCHANGE,
    _LEGAL_FORM,
    _LIST_SEPARATOR,
    _STATE_NAMES,
    COMPANY_KIND_WORDS,
    LOCAL_GOVERNMENT,
    _matches_if_any,
    job_titles,
)
from .organization_edits import _INSTITUTION_WORD, _in_running_text, _in_title_case_line
from .person_edits import _add_if_plausible
from .span_edits import _add, _add_or_widen, _placed, _relabel_or_add
from .title_edits import _ENDS_IN_FUNCTION

# "Accenture Federal Services (AFS)", "the Department of Homeland Security's
# (DHS)", "Astro Instrumentation, LLC ("Astro")": the short form an
# organization is given in parentheses right after its name is the same
# organization (in the annotated releases it always carries the name's
# label), and so are its later mentions, which propagation then finds.
# The ticker may come between: 'Sable Creek Energy Partners, L.P. (NYSE:
# SCEP) ("Sable Creek" or "the Partnership")'.
_TICKER_IN_PARENS = rf"(?:[ ]*\([^()\n]{{0,20}}\b{_EXCHANGE}\b[^()\n]{{0,50}}\))?"

_SHORT_NAME_AFTER_NAME = re.compile(
    # With "the", an acronym only: 'the U.S. Department of Veterans Affairs
    # (the "VA")', not a defined term (the "Bank", the "Exchange").
    r"(?:['\u2019]s)?,?"
    + _TICKER_IN_PARENS
    + r"[ ]*\([ ]*(?:the[ ]+(?=[\"\u201c][A-Z&]{2,8}[\"\u201d]))?[\"\u201c]?(?!(?:TM|SM)\))([A-Z][A-Za-z&\-]+(?:[ ][A-Z][A-Za-z&\-]*){0,2})"
    # a quoted one may come with another: ("James River" or the "Company")
    r"(?:[\"\u201d][ ]*(?:,|or\b)[^()\n]{0,40})?[\"\u201d]?[ ]*\)"
)


def _add_defined_short_names(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> tuple[list[Span], list[Span]]:
    """Each organization's short form defined in parentheses after it, with
    its label; and these short forms, which decide their other mentions."""
    short_names: list[Span] = []
    for ent in [e for e in ents if e.label_ in ("ORG", "CUSTOMER")]:
        match = _SHORT_NAME_AFTER_NAME.match(text, ent.end_char)
        if (
            match is None
            or match.group(1) in terms
            or match.group(1).lower() in _DEFINED_TERM_WORDS
        ):
            continue
        if _is_title(match.group(1)):
            continue  # "Khalil Barrage (Chairperson)": a person's title, no short name
        if _in_ticker_notation(text, match.start(1), match.end(1)):
            continue
        # A given name may have made a person of it ("James River"): the name it shortens says otherwise.
        ents = _relabel_or_add(
            doc, ents, match.start(1), match.end(1), ent.label_, from_label="PERSON"
        )
        short_names.extend(e for e in ents[-1:] if (e.start_char, e.end_char) == match.span(1))
    return ents, short_names


# "NASA's Marshall Space Flight Center", "the Army's Program Executive
# Office": capitalized words ending in an institution word after an
# organization's possessive are its unit, an organization of its own (as
# "<company>'s <unit>", `_split_owned_units`), which the recognizer leaves out.
_UNIT_AFTER_POSSESSIVE = re.compile(
    r"['\u2019]s[ ]((?:[A-Z][\w-]*[ ]){1,4}(?:Center|Centre|Laboratory|Office|Command|Directorate|Agency|"
    r"Division|Institute|Administration|Bureau|Service)"
    # A region may end it: "the Navy's Fleet Readiness Center Southeast".
    r"(?:[ ](?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Central|Pacific|Atlantic))?)"
    r"\b(?![ ][A-Z]|[ ]of\b|-)"
)


def _add_units_after_possessives(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for ent in [e for e in ents if e.label_ in ("ORG", "CUSTOMER")]:
        if unit := _UNIT_AFTER_POSSESSIVE.match(text, ent.end_char):
            ents = _add(doc, ents, unit.start(1), unit.end(1), "ORG")
    return ents


# "the European Space Agency" ... "the ESA mission": an organization named in
# full is also called by the initials of its words, which the release need
# not define. Only for a name of three words or more, all plain capitalized
# words ("U.S. Army" is not "USA"), and initials written in capitals on
# their own.
_NAME_OF_PLAIN_WORDS = re.compile(r"[A-Z][a-z]+(?:[ ](?:(?:of|and|for|the)[ ])?[A-Z][a-z]+){2,}")

_JOINING_WORDS = frozenset({"of", "and", "for", "the"})


# "the National Military Command Center (NMCC)": an institution's name
# followed by its initials in parentheses is a body that the release then
# calls by them; `_add_defined_short_names` finds the initials.
# (Also a public system or district: "the San Antonio Water System (SAWS)".)
_INSTITUTION_BEFORE_INITIALS = re.compile(
    rf"((?:[A-Z][a-z]+[ ](?:(?:of|and|for)[ ])?){{1,5}}(?:{_INSTITUTION_WORD}|(?<=Water[ ])System|(?<=Health[ ])System|District))"
    r"[ ]\(([A-Z]{2,6})\)"
)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word not in _JOINING_WORDS)


def _add_institutions_before_initials(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for match in _INSTITUTION_BEFORE_INITIALS.finditer(text):
        start = _start_of_initialed_words(match.group(1), match.group(2))
        if start is not None and match.group(1)[start:] not in _CONTRACT_VEHICLES:
            ents = _add(doc, ents, match.start(1) + start, match.end(1), "ORG")
    return ents


def _start_of_initialed_words(name: str, initials: str) -> int | None:
    """Where the last words of `name` that `initials` stand for start: "Command
    Center" of "Joint Staff Command Center (CC)"."""
    words = (word.start() for word in re.finditer(r"\b[A-Z]", name))
    return next((start for start in words if _initials(name[start:]) == initials), None)


def _add_initials_of_names(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for ent in [e for e in ents if e.label_ in ("ORG", "CUSTOMER")]:
        if not _NAME_OF_PLAIN_WORDS.fullmatch(text, ent.start_char, ent.end_char):
            continue
        initials = _initials(ent.text)
        # Not a word of a longer name ("DLA Energy", "USAF Seymour Johnson"), nor a symbol ("TSE:OTC").
        for match in re.finditer(rf"(?<![\w&.:-])(?<!:[ ]){initials}(?![\w&-]|[ ][A-Z])", text):
            if not _in_ticker_notation(text, match.start(), match.end()):
                ents = _add(doc, ents, match.start(), match.end(), ent.label_)
    return ents


# "Chief Executive Officer of Lumen Ridge Advisors", "led by Fenwick Growth
# Partners", "a unit of Morrow-Pike Holdings": capitalized words that end in
# the word of a kind of company, after a preposition in running text, are a
# company's name, however unlike the names the recognizer learned; unless
# the release writes them in lower case ("our display systems"): a kind of
# product or business ("Display Systems").
_COMPANY_KIND = (
    r"(?:Partners|Capital|Holdings|Advisors|Advisers|Ventures|Cooperative|Associates|Investments|Logistics|"
    r"Distributors|Enterprises|Pharmaceuticals|Therapeutics|Laboratories|Group|Technologies|Industries|Supply)"
)

_COMPANY_SHAPED_NAME = re.compile(
    rf"\b(?:of|at|from|by|with|to|for)[ ]((?!The\b)[A-Z][\w-]+(?:[ ][A-Z][\w-]+){{0,2}}[ ]{_COMPANY_KIND})\b"
    rf"(?![ ][A-Z&]|-|,?[ ]{_LEGAL_FORM})"
)


# "customers, including Deverill Robotics and Amsden Controls", "shipped
# first articles to Vellum Automotive", "a supplier, Orwell Metals": a name
# that ends in the word of a company's trade, after a preposition, a list's
# word or a comma, is a company's, or widens the one the recognizer cut
# ("Kessler" of "Kessler Power Systems"). Not when its first word is a common
# one ("Engineered Systems", "Intelligent Transportation Systems": products),
# nor before the noun it modifies ("the Display Systems markets", "the
# Rapid Capabilities and Critical Technologies program"). In the
# annotated releases 46 such names are organizations and one is not.
_GENERIC_FIRST_WORDS = (
    r"(?:The|Our|Its|This|These|Their|Each|All|Both|Other|Advanced|Global|National|International|American|"
    r"Industrial|Commercial|Digital|Engineered|Intelligent|Integrated|Specialty|Consumer|Precision|Medical|"
    r"Clinical|Enterprise|Mobile|Human|Financial|Business|Energy|Health|Healthcare|[A-Z][a-z]+ing)\b"
)

_TRADE_SHAPED_NAME = re.compile(
    r"(?:\b(?:of|to|for|with|from|by|at|including|include|includes|such[ ]as|like|and)[ ]|,[ ])"
    # The first word no possessive: "of Leidos' Transportation Solutions" names a unit of Leidos.
    rf"((?!{_GENERIC_FIRST_WORDS})[A-Z][a-z][\w-]*(?:[ ][A-Z][a-z][\w'\u2019-]*){{0,2}}[ ]{COMPANY_KIND_WORDS})\b"
    r"(?![ ][A-Z&(]|-|[ ](?:business|businesses|segments?|products?|markets?|units?|divisions?|shipments|platforms?|"
    r"solutions|offerings?|sector|industry|industries|portfolio|group|programs?|projects?|offices?|initiatives?|"
    r"customers?|clients?|providers?|manufacturers?|companies|teams?)\b)"
)


def _add_company_shaped_names(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for match in _COMPANY_SHAPED_NAME.finditer(text):
        if not _written_in_lower_case(match.group(1), text) and _in_running_text(
            text, match.start()
        ):
            ents = _add(doc, ents, match.start(1), match.end(1), "ORG")
    for match in _TRADE_SHAPED_NAME.finditer(text):
        if not _written_in_lower_case(match.group(1), text) and _in_running_text(
            text, match.start()
        ):
            ents = _without_founders_surname(doc, ents, match.start(1), match.end(1))
            ents = _add_or_widen(doc, ents, match.start(1), match.end(1), "ORG")
    return ents


def _without_founders_surname(doc: Doc, ents: list[Span], start: int, end: int) -> list[Span]:
    """`ents` without a person the recognizer found inside a company's name
    ("Delacroix" of "Delacroix Circuits", named after its founder Thomas
    Delacroix): the word of its trade makes the whole a company's."""
    span, overlapping = _placed(doc, ents, start, end, "ORG")
    if (
        span is None
        or not overlapping
        or not all(
            e.label_ == "PERSON" and span.start <= e.start and e.end <= span.end
            for e in overlapping
        )
    ):
        return ents
    return [e for e in ents if e not in overlapping]


# "our Financial Products segment": a segment of the issuer, named by two
# words or more, is an organization (SCHEMA.md 2: subsidiaries; `_OWNED_UNIT`
# splits "Acme's Electronics Group" likewise); propagation finds its other
# mentions. One word ("our Domestic segment") is a description, not a name;
# "our X and Y segments" (plural) is left to the recognizer.
_SEGMENT_WORDS = ("segment", "Segment")

_NAMED_SEGMENT = re.compile(
    r"\b(?:[Oo]ur|[Ii]ts|[Tt]he[ ]+[Cc]ompany['\u2019]s)[ ]+([A-Z][\w'\u2019-]*(?:[ ](?:[A-Z][\w'\u2019-]*|&)){1,3})"
    rf"[ ]+(?:{'|'.join(_SEGMENT_WORDS)})\b(?!s)"
)


# "the company's Commercial Products Division", "our Power Group": a unit of
# the issuer named with its kind keeps it in its name.
_UNIT_WORDS = ("Division", "Group")

_NAMED_UNIT = re.compile(
    r"\b(?:[Oo]ur|[Ii]ts|[Tt]he[ ]+[Cc]ompany['\u2019]s)[ ]+"
    rf"([A-Z][\w'\u2019-]*(?:[ ](?:[A-Z][\w'\u2019-]*|&)){{0,3}}[ ](?:{'|'.join(_UNIT_WORDS)}))\b(?!['\u2019]s)"
)


# "its Tarrow Microwave subsidiary", "our Halden Labs affiliate": the name
# before the kind of company the issuer owns is that company's.
_SUBSIDIARY_WORDS = ("subsidiary", "affiliate")

_NAMED_SUBSIDIARY = re.compile(
    r"\b(?:[Oo]ur|[Ii]ts|[Tt]he[ ]+[Cc]ompany['\u2019]s)[ ]+([A-Z][\w'\u2019&-]*(?:[ ](?:[A-Z][\w'\u2019-]*|&)){0,3})"
    rf"[ ]+(?:{'|'.join(_SUBSIDIARY_WORDS)})\b"
)


# "ERAPSCO is a joint venture between ...", "Astro is a privately owned
# company", "Acme Aero, a wholly-owned subsidiary of Acme, ...": a name that
# opens a sentence and is then said to be a company (SCHEMA.md 2: subsidiaries
# and other companies are organizations); propagation finds its other mentions.
_DESCRIBED_AS_COMPANY = re.compile(
    # The name's capital first: the regex engine then skips to capitals
    # instead of trying the sentence-start assertions at every position.
    r"(?=[A-Z])(?:^|(?<=[.!?][ ])|(?<=[.!?][ ]{2}))(?!(?:The|This|That|It|Its|Our|Each|Such|Mr|Ms|Mrs|Dr)\b)"
    r"([A-Z][\w&'\u2019-]*(?:[ ](?:[A-Z][\w&'\u2019-]*|&)){0,3})"
    r"(?P<link>[ ]is|,)[ ]an?[ ]+(?:(?!(?:of|for|to|at|in|with|by|on|from|and|or)\b)[a-z][\w-]*[ ]+){0,3}?"
    r"(?:joint[ ]venture|(?:wholly[ -]owned[ ])?subsidiary|affiliate|(?:holding[ ])?company|corporation|firm|partnership)"
    r"(?=[,.;]|[ ](?:of|between|that|which|based|headquartered|located|owned|in|with|focused|specializing)\b)",
    re.MULTILINE,
)


# "renewed its agreement with Tri-County, its largest customer", "Our largest
# customer, Wexford Networks, represented 22%", "Sales to Ardent accounted
# for 14% of net sales": a name the release calls its customer, or whose
# share of its sales it states, is an organization (SCHEMA.md 2: CUSTOMER),
# however unlike the names the recognizer learned. In running text only (a
# word in lower case before the name), not a sentence's first word
# ("Today, our largest customer ..."). The customer decision
# (iec_nlp.customer_decision) labels it; propagation finds its other mentions.
_CUSTOMER_NAME = r"([A-Z][\w&'\u2019-]*(?:[ ](?:[A-Z][\w&'\u2019-]*|&)){0,3})"

_CUSTOMER_NOUN = r"(?:(?!(?:of|for|to|with|and|or)\b)[\w-]+[ ]+){0,3}?(?:customer|client)"

_DESCRIBED_AS_CUSTOMER = re.compile(
    # Each branch starts with a letter: see name_shapes._LETTER_AHEAD.
    rf"(?=[A-Za-z])(?:(?<=[a-z,][ ]){_CUSTOMER_NAME},[ ](?:its|our|the[ ]+[Cc]ompany['\u2019]s)[ ]+{_CUSTOMER_NOUN}\b(?![\w-])"
    # The issuer may be named: "Tessellate's largest customer, Cloudreach
    # Infrastructure, accounted for 27%"; a distributor is named so too.
    rf"|\b(?:[Oo]ur|[Ii]ts|[Aa]nother|[Tt]he[ ]+[Cc]ompany['\u2019]s|(?<![\w'\u2019.&-])[A-Z][\w&.-]*['\u2019]s)[ ]+"
    rf"(?:{_CUSTOMER_NOUN}|(?:(?!(?:of|for|to|with|and|or)\b)[\w-]+[ ]+){{0,2}}?distributor),[ ]+{_CUSTOMER_NAME}(?=,|[ ][a-z])"
    # ("Sales to The Boeing Company accounted": "The" is no part of the name.)
    rf"|\b(?:[Ss]ales|[Rr]evenues?|[Ss]hipments)[ ]+to[ ]+(?:[Tt]he[ ]+)?{_CUSTOMER_NAME}"
    r"(?=[ ](?:accounted|represented|comprised|made[ ]up|were|was)\b))"
)


def _add_described_organizations(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    for match in _DESCRIBED_AS_COMPANY.finditer(text):
        name = match.group(1)
        # One word before a comma opens a sentence as often as it names a
        # company ("Separately, a subsidiary of the Company ..."): only an acronym.
        if match.group("link") == "," and " " not in name and not name.isupper():
            continue
        if name.lower() not in _GENERIC_ORGANIZATION_WORDS:
            ents = _add_if_plausible(doc, ents, match.start(1), match.end(1), text, terms)
    for match in _DESCRIBED_AS_CUSTOMER.finditer(text):
        start, end = next(match.span(g) for g in range(1, 4) if match.group(g))
        span, _ = _placed(doc, ents, start, end, "ORG")
        if span is None or text[start:end].lower() in _GENERIC_ORGANIZATION_WORDS:
            continue
        if _is_plausible(span, text, terms):
            # The whole name, where the recognizer took its last words only ("Ardent [Medical Systems]").
            ents = _add_or_widen(doc, ents, start, end, "ORG")
    return ents


# "Chief Financial Officer of Halbrook Dairy Cooperative from 2009", "Chief
# Executive Officer of Lumen Ridge Advisors, a consulting firm": the
# capitalized words a title is held "of" or "at" name an organization
# (SCHEMA.md 3: ROLE_AT), also one the recognizer never saw. The title's
# own scope ("Vice President of Sales") is part of JOB_TITLE; a place or
# anything else `_is_plausible` rules out is left.
_EMPLOYER_WORD = r"[A-Z][\w-]*(?:['\u2019](?!s\b)\w+)?"

_EMPLOYER_AFTER_TITLE = re.compile(
    rf"[ ]+(?:of|at)[ ]+(?:the[ ]+)?((?!The\b){_EMPLOYER_WORD}(?:[ ](?:{_EMPLOYER_WORD}|&)){{0,3}})"
    # Not before "and" and a capital: "Chair of the Nomination and Governance Committee" is one name.
    r"(?=[ ]*[,.;:)\n]|['\u2019]s\b|[ ]+(?:from|since|until|in|where|which|who)\b|[ ]+and\b(?![ ]+[A-Z]))"
)


def _add_employers_after_titles(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    # The listed titles, and the titles the recognizer found ("Director of Regulatory Affairs at ...").
    title_ends = {m.end() for m in job_titles(text)} | {
        e.end_char for e in ents if e.label_ == "ROLE"
    }
    for title_end in sorted(title_ends):
        employer = _EMPLOYER_AFTER_TITLE.match(text, title_end)
        if employer and not _ENDS_IN_FUNCTION.search(employer.group(1)):
            ents = _add_if_plausible(doc, ents, employer.start(1), employer.end(1), text, terms)
    return ents


# "joined the Company in 2019 from Vantage Conveyor Systems, where she was
# Director of Plant Operations": what a person joined from, or held a post
# at, names an organization, also one the recognizer never saw.
_EMPLOYER_WORDS = rf"(?!The\b){_EMPLOYER_WORD}(?:[ ](?:{_EMPLOYER_WORD}|&)){{0,4}}"

_EMPLOYER_NAME = rf"({_EMPLOYER_WORDS})"

_EMPLOYERS_BEFORE_POSTS = (
    re.compile(
        rf"\b(?:from|at|with)[ ]+(?:the[ ]+)?{_EMPLOYER_NAME},[ ]+where[ ]+(?:he|she|they)[ ]+"
        r"(?:was|were|served|held|led|had|most[ ]recently|previously|spent|oversaw|worked)\b"
    ),
    re.compile(
        rf"\bjoin(?:ed|s)\b[^.\n]{{0,40}}?[ ]from[ ]+(?:the[ ]+)?{_EMPLOYER_NAME}(?=[ ]*[,.;]|[ ]+(?:where|in|after)\b)"
    ),
)


def _add_employers_before_posts(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    for pattern in _EMPLOYERS_BEFORE_POSTS:
        for employer in pattern.finditer(text):
            ents = _add_if_plausible(doc, ents, employer.start(1), employer.end(1), text, terms)
    return ents


# "received an order from Bay Area Regional Transit for 30 cars", "a
# contract valued at $4 million with Mercy Regional Health System", "Existing
# customer Pinecrest Financial expanded": who places an order or is called
# a customer is an organization, also one the recognizer never saw (it
# missed or cut such names on invented customer releases). Its label is
# the customer decision's (iec_nlp.customer_decision). Not an agreement or an
# award "by" someone: with those, the held-out set G lost ORG F1 (0.848 ->
# 0.839).
# Not a name modifying the noun after it: "sales to OEM customers", "EMS
# providers", "Navy programs" name a kind of buyer, not one.
_BUYER_END = (
    r"(?=[ ]*[,.;:)]|[ ]+[a-z])(?![ ]+(?:customers?|clients?|accounts?|providers?|manufacturers?|companies|"
    r"markets?|segments?|programs?|platforms?|products?|industry|industries|sector|businesses)\b)"
)

# A public body is named by its place: "an order from the Port of
# Kessington", "the County of Alder".
_BUYER_NAME = rf"((?:(?:Port|{LOCAL_GOVERNMENT})[ ]of[ ])?{_EMPLOYER_WORDS})"

_BUYERS_AFTER_SALE_CUES = (
    re.compile(
        # Not what a maker does for the issuer: "built under contract by Linhart".
        r"\b(?<!under[ ])(?:orders?|contracts?|awards?)"
        rf"(?:[ ]+(?:valued[ ]+at|worth|totaling|of)[ ]+(?:approximately[ ]+|about[ ]+|up[ ]+to[ ]+)?{CURRENCY}[\d.,]*\d(?:[ ]+(?:million|billion|crore))?)?"
        # Or awarded by it: "was awarded a dedicated fleet contract by Bass Pro Shops".
        rf"[ ]+(?:from|with|by)[ ]+(?:the[ ]+)?{_BUYER_NAME}{_BUYER_END}"
    ),
    re.compile(
        rf"\b(?:[Ee]xisting|[Nn]ew|[Ll]ong-?time|[Ll]argest)[ ]+(?:customer|client)[ ]+(?:the[ ]+)?{_BUYER_NAME}{_BUYER_END}"
    ),
    re.compile(rf"\bcame[ ]+from[ ]+(?:the[ ]+)?{_BUYER_NAME}{_BUYER_END}"),
    # "Sales to Corrigan Outdoor rose 20%", "customers include Ashdown Power".
    re.compile(
        rf"\b(?:[Ss]ales|[Ss]hipments|[Dd]eliveries)[ ]+to[ ]+(?:the[ ]+)?{_BUYER_NAME}{_BUYER_END}"
    ),
    # "to supply its infusion pumps to Riverside Health System['s eight
    # hospitals]": what the issuer supplies, and to whom (a name of two
    # words at least; a possessive may end it).
    re.compile(
        r"\b(?:supply|supplies|supplied|deliver|delivers|delivered|sell|sells|sold|ship|ships|shipped)[ ]+(?:its|our|their|the)[ ]+"
        r"(?:[a-z][\w-]*[ ]+){0,4}to[ ]+(?:the[ ]+)?"
        rf"((?!The\b){_EMPLOYER_WORD}(?:[ ](?:{_EMPLOYER_WORD}|&)){{1,4}})(?=['\u2019]s\b|[ ]*[,.;:)]|[ ]+[a-z])"
    ),
    # "two new customers during the quarter: Cobourne Orthopedics, for which
    # it assembles ...", "four new customers in the quarter, among them Medrano Instruments".
    re.compile(
        r"\b(?:customers|clients)(?:[ ]+(?:in|during)[ ]+the[ ]+(?:[\w-]+[ ]+){0,2}?(?:quarter|year|period))?"
        rf"(?:,?[ ]+(?:include|includes|included|including|such[ ]+as)|,[ ]+among[ ]+them|[ ]*:)[ ]+(?:the[ ]+)?{_BUYER_NAME}{_BUYER_END}"
    ),
    # "the expansion we signed with our customer Ryder System", "its largest
    # client, Halden Foods": the issuer's customer named as such.
    re.compile(
        rf"\b(?:our|its)[ ]+(?:[a-z-]+[ ]+){{0,2}}(?:customer|client)[ ]*,?[ ]+(?:the[ ]+)?{_BUYER_NAME}{_BUYER_END}"
    ),
    # The buyer as the subject of its purchase: "Delmont Pharmacy has
    # standardized on", "said Wexford County Schools ordered" (two words at
    # least: a sentence's first word alone may be any noun).
    re.compile(
        # Or after a sentence's opening link: "In addition, Guiting Ridge Communities ...".
        r"(?:(?<=[.!?][ ])|(?<=[.!?][ ]{2})|(?<=\n)|(?<=\bthat[ ])|(?<=\bsaid[ ])|(?<=\bIn[ ]addition,[ ])|(?<=\bSeparately,[ ])"
        r"|(?<=\bAlso,[ ])|(?<=\bMeanwhile,[ ]))"
        rf"((?!The\b|Our\b|Its\b|This\b|These\b|Customers?\b|Clients?\b){_EMPLOYER_WORD}(?:[ ](?:{_EMPLOYER_WORD}|&)){{1,4}})"
        # A description may stand between: "Guiting Ridge Communities, the
        # build-to-rent arm of Hidcote Capital Group, placed a repeat order".
        r"(?:,[ ](?:the|a|an)[ ][^,;.]{3,80},)?"
        r"[ ]+(?:(?:has|have|also|recently|today|already|now)[ ]+)*"
        r"(?:ordered|reordered|placed[ ]+(?:(?:an?|its|their)[ ]|(?:re)?orders\b)|purchased|selected|chose|renewed|standardized[ ]+on|went[ ]+live"
        r"|(?:will[ ]+)?(?:begin|began|start|started)[ ]+carrying)\b"
    ),
)


# Sales go to places as well: "Sales to Latin America fell", "shipments to
# Texas". A region or country alone is never plausible as an organization
# (`_is_plausible`); a state may be a buyer ("New Jersey" is a customer in
# an annotated release), so it is ruled out here only, after a sale cue.
_STATE_ALONE = re.compile(_STATE_NAMES)


# "customers such as Brightwater, Kelso and Marden", "New customers: Pelham
# Foods, Arden Mills and Corbin Dairy": every name of a list of customers is
# an organization, the later ones too (the recognizer, and the pattern above,
# find the first).
_CUSTOMER_LIST = re.compile(
    # "New customers in the quarter included ...", "Notable wins included ...".
    rf"(?:\b(?:customers|clients|advertisers|[Ww]ins|[Gg]o-lives)(?:[ ]+(?:in|during)[ ]+the[ ]+(?:[\w-]+[ ]+){{0,2}}?(?:quarter|year|period))?"
    r"(?:,?[ ]+(?:such[ ]+as|including|include|includes|included|like)|[ ]*:)[ ]+"
    # "Three carriers each represented more than 10% of revenue: Beta, ...",
    # "Customers representing more than 10% of revenue were Beta and Gamma".
    r"|\b(?:[Cc]ustomers|[Cc]lients|[Cc]arriers|[Oo]perators)[ ]+(?:each[ ]+)?(?:accounted[ ]+for|represented|representing)[ ]+[^.;:\n]{0,60}?"
    r"(?:%|percent)[^.;:\n]{0,40}?(?::|[ ]were)[ ]+)"
    rf"((?:the[ ]+)?{_EMPLOYER_WORDS}(?:,[ ]+(?:the[ ]+)?{_EMPLOYER_WORDS})*,?[ ]+and[ ]+(?:the[ ]+)?{_EMPLOYER_WORDS})"
    r"(?=[ ]*[,.;:)]|[ ]+[a-z])"
)


def _add_listed_customers(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    for listed in _CUSTOMER_LIST.finditer(text):
        start = listed.start(1)
        for separator in [*_LIST_SEPARATOR.finditer(listed.group(1)), None]:
            end = listed.end(1) if separator is None else listed.start(1) + separator.start()
            if end > start and not _STATE_ALONE.fullmatch(text[start:end]):
                ents = _add_if_plausible(doc, ents, start, end, text, terms)
            if separator is not None:
                start = listed.start(1) + separator.end()
    return ents


# The business a deal is about: "Norvik Holdings sold Dwyer Fasteners to an
# investor group", "divested Yardley Textiles to Brockton Apparel Group":
# what is bought or sold is a company (two words at least), never a person.
_BUSINESS_IN_A_DEAL = re.compile(
    # In a headline's capitals too: "Orvis Plastics to Acquire Tamberlane Resins for $14 Million".
    r"\b(?:sold|divested|acquired|acquire|acquires|acquiring|Acquire|Acquires|Sells|Divests)[ ]+"
    rf"((?!The\b|Its\b|Our\b){_EMPLOYER_WORD}(?:[ ](?:{_EMPLOYER_WORD}|&)){{1,4}})(?=[ ]+(?:to|for|from|in|on|during)\b|[ ]*[,.;])"
)


def _add_businesses_in_deals(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    for match in _matches_if_any(
        _BUSINESS_IN_A_DEAL, text, "sold", "divested", "acqui", "Acqui", "Sells", "Divests"
    ):
        start, end = match.span(1)
        taken = next((e.label_ for e in ents if (e.start_char, e.end_char) == (start, end)), None)
        if taken in ("PERSON", "METRIC", "ROLE"):
            ents = _relabel_or_add(doc, ents, start, end, "ORG", from_label=taken)
        else:
            ents = _add_if_plausible(doc, ents, start, end, text, terms)
    return ents


def _add_buyers_after_sale_cues(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    ents = _add_businesses_in_deals(doc, text, _add_listed_customers(doc, text, ents, terms), terms)
    for pattern in _BUYERS_AFTER_SALE_CUES:
        for buyer in pattern.finditer(text):
            if _STATE_ALONE.fullmatch(buyer.group(1)):
                continue
            span, _ = _placed(doc, ents, buyer.start(1), buyer.end(1), "ORG")
            if span is not None and _is_plausible(span, text, terms):
                # Added, or widened over a name the recognizer cut ("Mercy
                # Regional" of "Mercy Regional Health System").
                ents = _add_or_widen(doc, ents, buyer.start(1), buyer.end(1), "ORG")
    return ents


# "Both MECAR and Barnes & Reinecke made great strides": a name joined by
# "and" to an organization is one too (in the annotated releases 34 of 36
# such names are organizations). Not in a line in title case ("Acme and Beta
# Sign Agreement"), where capitals do not mark names.
_CAPITALIZED_NAME_WORD = r"(?:[A-Z][\w.-]*[A-Za-z0-9]|[A-Z])"

_AND_NAME_AFTER = re.compile(
    rf"[ ]and[ ]({_CAPITALIZED_NAME_WORD}(?:[ ](?:{_CAPITALIZED_NAME_WORD}|&)){{0,3}})(?![\w&'\u2019-])"
)

# "our Global Services and Industrial Environmental segments", "the Acme and
# EAME portfolios": names before a noun are its modifiers (a plural noun: a
# subject of two names takes a verb without -s), segments or regions, no
# organizations of their own.
_NOUN_AFTER_NAMES = re.compile(
    r"[ ](?:[a-z]+s|business|segment|brand|program|market|region|unit|division)\b"
)


# "among them Ardglass Instruments and Pinhoe Networks", "Hannaford
# Supermarkets and The Stop & Shop Supermarket Company LLC": before "and", a
# name that ends in a company's kind word.
_COMPANY_NAME_AND_BEFORE = re.compile(
    rf"(?<![\w&'\u2019-])((?:{_CAPITALIZED_NAME_WORD}[ ]){{1,3}}{COMPANY_KIND_WORDS})[ ]and[ ](?:[Tt]he[ ])?$"
)


def _add_coordinated_organizations(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    for ent in [e for e in ents if e.label_ in ("ORG", "CUSTOMER")]:
        if _in_title_case_line(text, ent.start_char):
            continue
        match = _AND_NAME_AFTER.match(text, ent.end_char)
        if match is not None and not _NOUN_AFTER_NAMES.match(text, match.end()):
            ents = _add_if_plausible(doc, ents, match.start(1), match.end(1), text, terms)
        before = _COMPANY_NAME_AND_BEFORE.search(text, max(0, ent.start_char - 60), ent.start_char)
        if before is not None:
            ents = _add_if_plausible(doc, ents, before.start(1), before.end(1), text, terms)
    return ents


def _add_named_segments(doc: Doc, text: str, ents: list[Span], terms: frozenset[str]) -> list[Span]:
    for pattern, words in ((_NAMED_SEGMENT, _SEGMENT_WORDS), (_NAMED_UNIT, _UNIT_WORDS)):
        for match in _matches_if_any(pattern, text, *words):
            if match.group(1) not in terms:
                ents = _add(doc, ents, match.start(1), match.end(1), "ORG")
    for match in _matches_if_any(_NAMED_SUBSIDIARY, text, *_SUBSIDIARY_WORDS):
        # Not a nationality or a place: "its Canadian subsidiary".
        ents = _add_if_plausible(doc, ents, match.start(1), match.end(1), text, terms)
    return ents


# "For fiscal 2013, a 53-week year ending December 29, 2013, the Company
# expects", "In fiscal 2006, which included 53 weeks ending December 31,
# 2006,": a period set off after another only describes it; the amounts are
# the first one's.
_APPOSITION_AFTER_PERIOD = re.compile(
    r",[ ]+(?:a|an|which[ ]+(?:included|includes|was|is|had|has))[ ]+$"
)


def _without_appositive_periods(text: str, ents: list[Span]) -> list[Span]:
    period_ends = [e.end_char for e in ents if e.label_ == "PERIOD"]
    return [
        e
        for e in ents
        if e.label_ != "PERIOD"
        or not (
            text.startswith(",", e.end_char)
            and any(
                0 < e.start_char - end <= 20
                and _APPOSITION_AFTER_PERIOD.fullmatch(text, end, e.start_char)
                for end in period_ends
            )
        )
    ]


# "Kessler Branford & Co. is acting as financial advisor to Harwell", "Stiles
# Harrow LLP served as legal counsel": a firm's engagement in a deal, not a
# person's post (SCHEMA.md 3a: a ROLE is a person's title); "Jane Roe will
# serve as an advisor to the board" keeps hers (her subject is a person).
_ENGAGED_AS_ADVISOR = re.compile(
    r"[ ]+(?:(?:is|are|was|were|has[ ]+been|have[ ]+been|will)[ ]+)?(?:acting|serving|acted|served|act|serve)[ ]+as[ ]+"
    r"(?:(?:the|its|their|a|an|exclusive|lead|sole|joint|co-)[ ]+)*"
    r"(?:(?:financial|legal|strategic|M&A|capital[ ]+markets|restructuring|tax|independent)[ ]+)*"
    r"(?:advis[oe]rs?|counsel|arrangers?|bookrunners?|agents?)$",
    re.IGNORECASE,
)


# The firm may be one the recognizer did not find: "Lazard acted as
# financial advisor", "Evercore is serving as financial advisor" (a word in
# capitals right before, no person's).
_CAPITALIZED_WORD_END = re.compile(r"[A-Z][\w&.'\u2019-]*(?=[ ]+\w+)")


def _without_firms_engaged_as_advisors(text: str, ents: list[Span]) -> list[Span]:
    firm_ends = [e.end_char for e in ents if e.label_ in ("ORG", "CUSTOMER")]
    person_ends = {e.end_char for e in ents if e.label_ == "PERSON"}

    def engaged(role: Span) -> bool:
        ends = list(firm_ends)
        line_start = text.rfind("\n", 0, role.start_char) + 1
        for word in _CAPITALIZED_WORD_END.finditer(
            text, max(line_start, role.start_char - 60), role.start_char
        ):
            if word.end() not in person_ends:
                ends.append(word.end())
        return any(
            end <= role.start_char + 12
            and role.end_char - end < 100
            and _ENGAGED_AS_ADVISOR.fullmatch(text, end, role.end_char)
            for end in ends
        )

    return [e for e in ents if e.label_ != "ROLE" or not engaged(e)]


# "Jones Day as legal counsel to Acme", "Jones Day and Gleiss Lutz acted as
# its legal counsel", "Hengeler Mueller advised the sellers": the firms a
# deal engages, named like people (a law firm after its founders) or not
# found at all ("Lazard is acting as exclusive financial advisor"). In the
# gold of train, dev and the probe sets, all 197 names so followed are
# organizations (only "advised the Board that" follows a person, not read here).
_AS_DEAL_ADVISOR_AFTER = re.compile(
    r"(?:[ ]+and[ ]+[A-Z][\w&.'\u2019-]*(?:[ ][A-Z&][\w&.'\u2019-]*){0,4})?[ ]+"
    r"(?:(?:is|are|was|were|has[ ]+been|have[ ]+been|will)[ ]+)?(?:(?:acting|serving|acted|served|act|serve)[ ]+)?as[ ]+"
    r"(?:(?:its|their|the[ ]+company['\u2019]s|exclusive|lead|sole|joint|outside|special|[A-Z][a-z]+)[ ]+)*"
    r"(?:financial|legal|M&A|restructuring|tax|capital[ ]+markets)[ ]+(?:advis[oe]rs?|counsel)\b"
    r"|[ ]+(?:has[ ]+)?advised[ ]+(?:the[ ]+)?(?:sellers?|buyers?|purchasers?)\b"
)

# The firm's name where the recognizer found nothing: a clause's first
# capitalized words ("Lazard is acting as", "and Jones Day as").
_FIRM_NAME_BEFORE_ADVISOR = re.compile(
    # Not after a comma alone, where a legal form stands ("Fiel & Ruiz, S.C. as counsel").
    r"(?:\A|(?<=[.;:][ ])|(?<=[.;:][ ]{2})|(?<=\n)|(?<=\band[ ])|(?<=\bwhile[ ]))"
    r"((?!(?:The|This|It|Its|Our|We|He|She|They|Each|Both)\b)[A-Z][\w&.'\u2019-]*(?:[ ](?:[A-Z][\w&.'\u2019-]*|&)){0,4})"
    r"(?=" + _AS_DEAL_ADVISOR_AFTER.pattern + ")"
)


def _add_firms_engaged_as_advisors(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    """The firms a deal engages as advisors, as organizations (the titles
    the recognizer gave their engagement go in `_without_firms_engaged_as_advisors`)."""
    for ent in [e for e in ents if e.label_ == "PERSON"]:
        if _AS_DEAL_ADVISOR_AFTER.match(text, ent.end_char):
            ents = _relabel_or_add(
                doc, ents, ent.start_char, ent.end_char, "ORG", from_label="PERSON"
            )
    for firm in _matches_if_any(_FIRM_NAME_BEFORE_ADVISOR, text, "advis", "counsel"):
        ents = _add_if_plausible(doc, ents, firm.start(1), firm.end(1), text, terms)
    return ents
