"""Titles the text gives to a person or an organization, applied to the
relation extractor's output (HAS_ROLE, ROLE_AT): the successor in "X will
succeed Mr. Y as CEO", the subject of "X ... has served as President", the
organization right after a title ("CEO of Acme", "the controller position
at Acme"), the titles after an organization or its possessive ("Acme's
President and CEO"), a contact block of one name, its titles and its
company, contacts set side by side in columns (read as filed), "our CFO,
Jane Roe", "CFO Jane Roe" (not the name before the title), a title stated
once for a list of names, titles joined by "and" (also across a career's
years), "Zeta, where she was CFO", the object of "named X, <apposition>, as CFO",
and the subject of "has been appointed CFO" or "is a former CFO".
Some links the extractor gives are taken back: ROLE_AT from a title "of the
Company", which takes no span, or to an organization written after another
person's name ("Al Bo, Chairman, and Cy Do, President of Acme"), and
HAS_ROLE from a name to a title in a later sentence whose subject is a
pronoun ("She served as CFO"), and ROLE_AT to the organization that
announces an appointment ("ACME NAMES JANE ROE CFO"), to an organization
stated with a later title past a verb, or to a name taken for an
organization ("Jane Roe, 51, the Company's President"). The extractor scores each pair on its own,
by its words and distance; these links are stated by the shape of the
sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from ..text import (
    COLUMN_GAP,
    PARAGRAPH_BREAK,
    SENTENCE_END,
    FiledLayout,
    doc_text,
    filed_lines,
    line_cells,
)
from .name_shapes import PHONE_NUMBER

# The score of every link these rules state.
_RULE_SCORE = 0.9


def _entities(doc: Doc, entities: Sequence[Span] | None) -> Sequence[Span]:
    """The chunk's entities: as given by the caller that runs all the rules
    (read once), else the Doc's."""
    return doc.ents if entities is None else entities


def _with_links(relations: list[list[Any]], links: list[list[Any]]) -> list[list[Any]]:
    """The relations with each link [head start, head end, child start,
    child end, label] the extractor did not already give, at `_RULE_SCORE`."""
    have = {tuple(r[:5]) for r in relations}
    added = [[*link, _RULE_SCORE] for link in links if tuple(link) not in have]
    if not added:
        return relations
    return sorted(relations + added, key=lambda r: (r[0], r[1], r[2], r[3], r[4]))


# "Jane Roe, 52, our CFO, will succeed Mr. Doe as Chief Executive Officer":
# the text gives the title to the successor, the subject of "succeed" or
# "replace", whom the extractor, reading pairs by distance, tends to miss
# (the person after the verb held the title: that link stays).
# Capitalized in a headline: "Jane Roe to Succeed John Doe as CEO".
_SUCCESSION_BEFORE = re.compile(
    r"\b(?:[Ss]ucceed|[Ss]ucceeds|[Ss]ucceeding|[Rr]eplace|[Rr]eplaces|[Rr]eplacing)\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$"
)
_SUCCESSION_WORD = re.compile(r"[Ss]ucceed|[Rr]eplac")
_AS_BEFORE_TITLE = re.compile(r"\s+as\s+(?:the\s+)?$")
_TITLE_AND = re.compile(r"\s*(?:,\s*and|,|and)\s+$")
_SUCCESSION_REACH = 200


def link_successor_roles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the successor to the titles of "X ... succeed(s)/
    replace(s) [Mr.] Y as TITLE [and TITLE]"."""
    text = doc_text(doc)
    if _SUCCESSION_WORD.search(text) is None:
        return relations  # the common case: one search of the text
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE")]
    links = []
    for n, old in enumerate(ents[:-1]):
        if old.label_ != "PERSON":
            continue
        verb = _SUCCESSION_BEFORE.search(text, max(0, old.start_char - 30), old.start_char)
        title = ents[n + 1]
        if (
            verb is None
            or title.label_ != "ROLE"
            or not _AS_BEFORE_TITLE.fullmatch(text, old.end_char, title.start_char)
        ):
            continue
        titles = [title]
        for following in ents[n + 2 :]:
            if following.label_ != "ROLE" or not _TITLE_AND.fullmatch(
                text, titles[-1].end_char, following.start_char
            ):
                break
            titles.append(following)
        # The successor: the nearest person before the verb, in the same sentence.
        new = next((e for e in reversed(ents[:n]) if e.label_ == "PERSON"), None)
        if new is None or verb.start() - new.end_char > _SUCCESSION_REACH:
            continue
        if SENTENCE_END.search(text, new.end_char, verb.start()):
            continue
        for t in titles:
            links.append([new.start_char, new.end_char, t.start_char, t.end_char, "HAS_ROLE"])
    return _with_links(relations, links)


# "Mr. Foate joined Acme in 1984 and has served as Acme's President and CEO
# since 2002": a sentence whose subject is a named person states the titles
# it gives that person "as" (GUIDELINE: a possessive in the person's own
# clause is no pronoun subject; "he served as" takes no relation).
_AS_TITLE_BEFORE = re.compile(
    r"\bas\s+(?:(?:our|the|its|his|her|a|an)\s+|(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['\u2019]s?\s+)?$"
)
# The subject may follow a short opening phrase ("Until his departure,
# Dodson will continue in his role as CFO", "In 2019, Ms. Roe was named CFO").
# An 8-K item's paragraph may open with its letter and a dated phrase: "(b)
# On June 14, 2022, Jane Roe notified the Board of her decision to resign as
# President".
_SUBJECT_BEFORE = re.compile(
    r"^\W*(?:\(?[a-z0-9]{1,4}\)\s*)?(?:[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,6}(?:,\s+(?:19|20)\d\d)?,\s+)?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$"
)
_PRONOUN = re.compile(r"\b(?:he|she|they|him|them|He|She|They)\b")
_SUBJECT_REACH = 250
# "Mr. Roe stepped down from the Acting CEO role", "resigned from the role
# of Co-Chief Executive Officer": "role" names the title as "as" does.
_ROLE_OF_BEFORE = re.compile(r"\b(?:the|his|her|their)\s+(?:role|position)\s+of\s+(?:the\s+)?$")
_THE_BEFORE = re.compile(r"\b(?:the|his|her|their)\s+$")
_ROLE_AFTER = re.compile(r"\s+(?:role|position)\b")
# "Jane Roe, who was Executive Vice President and CFO of Zeta until 2019",
# "Ms. Roe, 44, was most recently Corporate Controller at Zeta": the verb
# "be" of the person's own clause gives the title as "as" does.
# A status before the title is no part of it (SCHEMA: "former"): "Mr.
# Wexler, a director since 2007, is the retired President and Chief
# Executive Officer of Ozark Gas".
_BE_BEFORE = re.compile(
    r"\b(?:who\s+)?(?:is|was|has\s+been|had\s+been|will\s+be|remains)\s+"
    r"(?:(?:also|currently|previously|formerly|most\s+recently)\s+)?"
    r"(?:(?:a|an|the|our|its|(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['\u2019]s?)\s+)?"
    r"(?:(?:retired|former)\s+)?$"
)
# "Jane Roe has been appointed Chief Financial Officer", "Mr. Roe, 61, is a
# former Vice President of Zeta", "Jane Roe, who left to become CFO of Zeta",
# "Mr. Roe will remain a director", "Mr. Roe co-founded Zeta in 1989 and was
# its CEO until 2003": verbs that give the title with no "as".
_NAMING_VERB_BEFORE = re.compile(
    r"\b(?:(?:(?:has|have|had)\s+been|was|were|is|will\s+be)\s+(?:appointed|named|elected|promoted\s+to)"
    r"|(?:to|will|would)\s+(?:become|remain)|became|remains|(?:is|was)\s+(?:also\s+)?a\s+former"
    r"|and\s+(?:was|is|has\s+been|had\s+been|later\s+became))\s+"
    r"(?:(?:a|an|the|our|its|(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['\u2019]s?)\s+)?$"
)
# "Acme today announced that Jane Roe has been appointed CFO": the clause
# after "that" opens with its subject as a sentence does.
_THAT_BEFORE = re.compile(r"\bthat\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$")
# "..., Jane Roe, who resigned as Co-CEO": a relative clause on a name has
# that name for its subject (GUIDELINE), also after the person's age ("Jane
# Roe, age 49, who has served as the Company's COO").
_WHO_AFTER = re.compile(r"(?:,\s+(?:age\s+)?\d{2})?,?\s+who\b")


def _named_as_title(text: str, title: Span) -> bool:
    """Whether the words around a title give it "as", "the role of", "the
    ... role", "who was" or a naming verb ("has been appointed")."""
    start = max(0, title.start_char - 40)
    return bool(
        _AS_TITLE_BEFORE.search(text, start, title.start_char)
        or _ROLE_OF_BEFORE.search(text, start, title.start_char)
        or _BE_BEFORE.search(text, start, title.start_char)
        or _NAMING_VERB_BEFORE.search(text, start, title.start_char)
        or (
            _THE_BEFORE.search(text, start, title.start_char)
            and _ROLE_AFTER.match(text, title.end_char)
        )
    )


def link_subject_roles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the person who opens a sentence, or whose name a
    relative clause "who ..." follows, to each title it is given "as" in
    that sentence, with no other person or pronoun between."""
    if not doc.has_annotation("SENT_START"):
        return relations
    text = doc_text(doc)
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE")]
    links = []
    for n, title in enumerate(ents):
        if title.label_ != "ROLE" or n == 0:
            continue
        if not _named_as_title(text, title):
            # The second of coordinated titles: "as President and CEO".
            first = ents[n - 1]
            if first.label_ != "ROLE" or not _TITLE_AND.fullmatch(
                text, first.end_char, title.start_char
            ):
                continue
            if not _named_as_title(text, first):
                continue
        subject = next((e for e in reversed(ents[:n]) if e.label_ == "PERSON"), None)
        if subject is None or title.start_char - subject.end_char > _SUBJECT_REACH:
            continue
        sentence_start = title.sent.start_char
        if subject.start_char < sentence_start:
            continue
        opens = _SUBJECT_BEFORE.match(
            text[sentence_start : subject.start_char]
        ) or _THAT_BEFORE.search(
            text, max(sentence_start, subject.start_char - 20), subject.start_char
        )
        if not opens and not _WHO_AFTER.match(text, subject.end_char):
            continue
        if _PRONOUN.search(text, subject.end_char, title.start_char):
            continue
        links.append(
            [subject.start_char, subject.end_char, title.start_char, title.end_char, "HAS_ROLE"]
        )
    return _with_links(relations, links)


# "The Board named Jane Roe, Zeta's Chairman since 1993, as Interim CEO",
# "appointed Otto Lind, our CTO, to the additional position of Chief Digital
# Officer", "selected Ilse Marr, a director since 2004, to succeed him as
# Chairman": the object of the naming verb holds the titles given after its
# apposition (the extractor, reading pairs by distance, takes the nearer
# title of the apposition only).
# So after the naming noun: "announced the appointment of Jane Roe as CFO".
_NAMING_VERB_BEFORE_OBJECT = re.compile(
    r"\b(?:appointed|named|elected|selected|promoted|hired|designated|chosen|appoint|name|elect|promote"
    r"|(?:appointment|election|promotion|hiring|selection)\s+of)\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$"
)
# A degree after the name is an apposition too: "appointed Helen Marsh, Ph.D., as".
_DEGREE = r"(?:Ph\.D|M\.D|J\.D|M\.B\.A|Pharm\.D|D\.Phil|Sc\.D)\."
_TITLE_AFTER_APPOSITION = re.compile(
    rf"(?:,\s+(?:[^,;.!?\n]{{1,80}}|{_DEGREE})){{1,2}},\s+(?:to\s+(?:(?:succeed|replace)\s+(?:him|her)\s+as|serve\s+as"
    r"|(?:the|a|an)\s+(?:[a-z]+\s+)?(?:position|role|office)\s+of)|as)\s+(?:(?:the|its|our|a|an)\s+)?"
)

# "Acme named Kwame Osei-Bonsu its new Treasurer", "elected Jane Roe
# Chairman": the title right after the person appointed, with no "as".
_TITLE_RIGHT_AFTER_OBJECT = re.compile(
    r"\s+(?:as\s+)?(?:(?:the|its|our|their|a|an)\s+)?(?:new\s+)?"
)


def link_appointed_objects(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the person a naming verb appoints, after an apposition,
    to the titles given "as" or "to the position of", or to the title right
    after the person."""
    text = doc_text(doc)
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE")]
    links = []
    for n, person in enumerate(ents):
        if person.label_ != "PERSON":
            continue
        if not _NAMING_VERB_BEFORE_OBJECT.search(
            text, max(0, person.start_char - 40), person.start_char
        ):
            continue
        # The first title after the apposition, with no other person before it.
        for m, title in enumerate(ents[n + 1 :], start=n + 1):
            if title.label_ == "PERSON" or title.start_char - person.end_char > _SUCCESSION_REACH:
                break
            if _TITLE_AFTER_APPOSITION.fullmatch(text, person.end_char, title.start_char) or (
                m == n + 1
                and _TITLE_RIGHT_AFTER_OBJECT.fullmatch(text, person.end_char, title.start_char)
            ):
                titles = [title]
                for following in ents[m + 1 :]:
                    if following.label_ != "ROLE" or not _TITLE_AND.fullmatch(
                        text, titles[-1].end_char, following.start_char
                    ):
                        break
                    titles.append(following)
                links += [
                    [person.start_char, person.end_char, t.start_char, t.end_char, "HAS_ROLE"]
                    for t in titles
                ]
                break
    return _with_links(relations, links)


# "As Chief Financial Officer, Mr. Roe will oversee ...", "In her role as
# Executive Vice President of Zeta, Ms. Roe serves as ...": a sentence that
# opens with the titles it gives "as" states them of the name right after
# the opening phrase's comma (GUIDELINE: the person's own clause). The
# extractor, reading pairs by distance, misses the title before the name.
_OPENING_AS = re.compile(
    r"\W*(?:\(?\w{1,4}\)\s*)?"  # an 8-K item's "(ii) As ..."
    r"(?:In\s+(?:his|her|their)\s+(?:new\s+|current\s+)?(?:role|capacity|position)s?\s+as|As)\s+"
    r"(?:(?:a|an|the|our|its|the\s+[Cc]ompany['\u2019]s|(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['\u2019]s?)\s+)?"
)
_NAME_AFTER_OPENING = re.compile(r"[^,.;:!?\n]*,\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?")
_OPENING_REACH = 150


def link_opening_titles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the name after an opening "As TITLE [and TITLE] [of
    ORG]," to those titles."""
    if not doc.has_annotation("SENT_START"):
        return relations
    text = doc_text(doc)
    ents = [
        e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE", "ORG", "CUSTOMER")
    ]
    links = []
    for n, first in enumerate(ents):
        if first.label_ != "ROLE" or not _OPENING_AS.fullmatch(
            text, first.sent.start_char, first.start_char
        ):
            continue
        titles = [first]
        for following in ents[n + 1 :]:
            if following.label_ == "PERSON":
                last = titles[-1]
                if (
                    following.start_char - first.start_char <= _OPENING_REACH
                    and _NAME_AFTER_OPENING.fullmatch(text, last.end_char, following.start_char)
                ):
                    links += [
                        [
                            following.start_char,
                            following.end_char,
                            t.start_char,
                            t.end_char,
                            "HAS_ROLE",
                        ]
                        for t in titles
                        if t.label_ == "ROLE"
                    ]
                break
            titles.append(following)  # a coordinated title or the title's organization
    return _with_links(relations, links)


# "Senior Advisor at Zeta", "President and CEO of Zeta Corp.", "director of
# sales for Zeta's Sensors Division": an organization written right after a
# title states ROLE_AT, from each coordinated title, to it and to a unit
# named after its possessive (GUIDELINE: a unit of a larger one, to each).
# "held the corporate controller position at Zeta": the noun "position" or
# "role" between the title and its organization still attaches them.
# A unit of "the Company", which takes no span, is the title's organization
# ("General Manager of the company's Optics Division").
_ORG_AFTER_TITLE = re.compile(
    r"\s+(?:(?:position|role)\s+)?(?:of|at|for|with)\s+(?:the\s+(?:[Cc]ompany['\u2019]s\s+)?)?"
)
_UNIT_AFTER_POSSESSIVE = re.compile(r"['\u2019]s?\s+")
_ORGANIZATIONS = ("ORG", "CUSTOMER")
# Only a plain "and" joins titles to the same organization ("CEO and a
# Founding Partner of Acme"): in "COO and EVP, and President of Acme" the
# list ends before "President".
_TITLES_AND = re.compile(r"\s+and\s+(?:a\s+|an\s+)?")


def _joined_titles(text: str, ents: list[Span], n: int, *, backward: bool) -> list[Span]:
    """The title `ents[n]` and the titles joined to it by a plain "and",
    those written before it (`backward`) or after it."""
    titles = [ents[n]]
    for other in reversed(ents[:n]) if backward else ents[n + 1 :]:
        left, right = (other, titles[-1]) if backward else (titles[-1], other)
        if other.label_ != "ROLE" or not _TITLES_AND.fullmatch(
            text, left.end_char, right.start_char
        ):
            break
        titles.append(other)
    return titles


# A word in lower case may stand between "and the" and the name ("and the
# flagship Optics Division"), not right after "and", where it is a verb
# ("Credit Officer at Zeta Bank and joined Omega in 2001": Omega is not where
# the title was held).
_ORGANIZATIONS_AND = re.compile(r"\s+and\s+(?:the\s+(?:[a-z]+\s+)?)?")


def link_title_organizations(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """ROLE_AT from titles to the organization written right after them."""
    text = doc_text(doc)
    ents = list(_entities(doc, entities))
    links = []
    for n, title in enumerate(ents[:-1]):
        organization = ents[n + 1]
        if title.label_ != "ROLE" or organization.label_ not in _ORGANIZATIONS:
            continue
        if not _ORG_AFTER_TITLE.fullmatch(text, title.end_char, organization.start_char):
            continue
        titles = _joined_titles(text, ents, n, backward=True)
        organizations = [organization]
        if n + 2 < len(ents) and ents[n + 2].label_ in _ORGANIZATIONS:
            if _UNIT_AFTER_POSSESSIVE.fullmatch(
                text, organization.end_char, ents[n + 2].start_char
            ):
                organizations.append(ents[n + 2])
        # "member of the boards of Zeta and Omega Corp.", "General Manager of
        # Zeta's Sensors Division and the flagship Optics Division": each.
        following = n + 1 + len(organizations)
        if following < len(ents) and ents[following].label_ in _ORGANIZATIONS:
            if _ORGANIZATIONS_AND.fullmatch(
                text, organizations[-1].end_char, ents[following].start_char
            ):
                organizations.append(ents[following])
        links += [
            [t.start_char, t.end_char, o.start_char, o.end_char, "ROLE_AT"]
            for t in titles
            for o in organizations
        ]
    return _with_links(relations, links)


# "joins from Zeta Corp., where she was Vice President of Sales", "spent 30
# years at Zeta, where he most recently served as CFO": the relative clause
# "where" attaches the titles it gives to the organization it follows
# (GUIDELINE: ROLE_AT to McDonald's Corporation in "Babrowski spent 30 years
# at McDonald's Corporation, where she was ..."), and to the larger one of
# "Zeta, a division of Omega Inc., where ..." (a unit: ROLE_AT to each). A
# frame around a list ("where he held positions including ...") gives no
# title right after its verb and takes none.
_WHERE_TITLE = re.compile(
    r",\s+where\s+(?:(?:he|she|they)|(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w'\u2019-]+)\s+"
    r"(?:(?:most\s+recently|previously|also|last|ultimately|then|later)\s+)?"
    r"(?:was|is|were|had\s+been|has\s+been|served\s+as|serves\s+as|worked\s+as|became)\s+"
    r"(?:(?:a|an|the|its)\s+)?"
)
_UNIT_OF = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:division|unit|subsidiary|affiliate|business)\s+of\s+(?:the\s+)?"
)


def _titles_right_after_organizations(ents: list[Span]) -> Iterator[tuple[int, Span, Span]]:
    """(n, organization, title) for each organization `ents[n]` whose next entity is a title."""
    for n, organization in enumerate(ents[:-1]):
        if organization.label_ in _ORGANIZATIONS and ents[n + 1].label_ == "ROLE":
            yield n, organization, ents[n + 1]


def link_where_titles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """ROLE_AT from the titles of "ORG, where he was TITLE [and TITLE]" to
    ORG (and to the organization ORG is a unit of)."""
    text = doc_text(doc)
    if ", where " not in text:
        return relations  # the common case: one search of the text
    ents = list(_entities(doc, entities))
    links = []
    for n, organization, title in _titles_right_after_organizations(ents):
        if not _WHERE_TITLE.fullmatch(text, organization.end_char, title.start_char):
            continue
        titles = _joined_titles(text, ents, n + 1, backward=False)
        organizations = [organization]
        if (
            n >= 1
            and ents[n - 1].label_ in _ORGANIZATIONS
            and _UNIT_OF.fullmatch(text, ents[n - 1].end_char, organization.start_char)
        ):
            organizations.append(ents[n - 1])
        links += [
            [t.start_char, t.end_char, o.start_char, o.end_char, "ROLE_AT"]
            for t in titles
            for o in organizations
        ]
    return _with_links(relations, links)


# "Mr. Hale joined Northwind in 2005 as Corporate Controller", "joining
# SMTC as President": the organization joined is where the title it was
# joined as is held (in the annotated releases, 3 of 3 such titles).
_JOIN_BEFORE = re.compile(r"\bjoin(?:ed|s|ing)?\s+(?:the\s+)?$", re.IGNORECASE)
_JOIN_WORD = re.compile("join", re.IGNORECASE)
_JOINED_AS = re.compile(
    r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4})?,?\s+as\s+(?:(?:its|the|a|an|our)\s+)?(?:new\s+)?"
)


def link_joined_organizations(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """ROLE_AT from the titles of "joined ORG [in YEAR] as TITLE [and TITLE]" to ORG."""
    text = doc_text(doc)
    if not _JOIN_WORD.search(
        text
    ):  # as _JOIN_BEFORE reads it, in any case ("JOINED ACME in 2005 as")
        return relations
    ents = list(_entities(doc, entities))
    links = []
    for n, organization, title in _titles_right_after_organizations(ents):
        if not _JOIN_BEFORE.search(
            text, max(0, organization.start_char - 12), organization.start_char
        ):
            continue
        if not _JOINED_AS.fullmatch(text, organization.end_char, title.start_char):
            continue
        titles = _joined_titles(text, ents, n + 1, backward=False)
        links += [
            [t.start_char, t.end_char, organization.start_char, organization.end_char, "ROLE_AT"]
            for t in titles
        ]
    return _with_links(relations, links)


# "Swoboda, Zeta's President and CEO", "Zeta's former Chief Operating Officer
# and Executive Vice President": an organization's possessive owns the title
# after it and the titles joined to that one by "and" (GUIDELINE: "Acme's
# CEO" states ROLE_AT); the extractor, reading pairs by distance, misses the
# later titles.
_OWNER_POSSESSIVE = re.compile(r"['\u2019]s?\s+(?:(?:former|new|current)\s+)?")


def link_possessive_titles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """ROLE_AT from the titles after an organization's possessive to it."""
    text = doc_text(doc)
    ents = list(_entities(doc, entities))
    links: list[list[Any]] = []
    for n, owner in enumerate(ents[:-1]):
        title = ents[n + 1]
        if owner.label_ not in _ORGANIZATIONS or title.label_ != "ROLE":
            continue
        if not _OWNER_POSSESSIVE.fullmatch(text, owner.end_char, title.start_char):
            continue
        titles = _joined_titles(text, ents, n + 1, backward=False)
        links += [
            [t.start_char, t.end_char, owner.start_char, owner.end_char, "ROLE_AT"] for t in titles
        ]
    # The title's link goes to the owner it is written with, not to another
    # mention of the same organization elsewhere in the release.
    owners = {(link[0], link[1]): (link[2], link[3]) for link in links}
    names = {(e.start_char, e.end_char): e.text.lower() for e in ents if e.label_ in _ORGANIZATIONS}
    kept = [
        r
        for r in relations
        if r[4] != "ROLE_AT"
        or (r[0], r[1]) not in owners
        or (r[2], r[3]) == owners[(r[0], r[1])]
        or names.get((r[2], r[3])) != names.get(owners[(r[0], r[1])])
    ]
    return _with_links(kept, links)


# A contact block stacks a name, its titles and a company on lines of their
# own ("Jane Roe\nSenior Vice President and\nChief Financial Officer\nPhone:
# ...\nAcme Corp."): GUIDELINE, the name states HAS_ROLE to each title and
# the company line ROLE_AT from each title.
_TITLE_LINE_JOINER = re.compile(r"[\s,&.:]*(?:and)?[\s,&.:]*")
_BLOCK_LINES = 8
# A line may end in the contact's telephone number or e-mail address:
# "Teresa M. Gandolfo, 704-555-0138\nVice President and CFO".
_PHONE_OR_MAIL_AFTER = re.compile(
    rf",?[ \t]*(?:{PHONE_NUMBER}|[^\s@,]+@[^\s@,]+\.[a-z]{{2,}})[ \t]*"
)


def _stacked_lines(text: str, ents: list[Any]) -> list[str] | None:
    """The label of each line of a block, or None unless every line that
    holds an entity holds nothing else (titles with their joiners)."""
    labels = []
    for ent in ents:
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        line_end = text.find("\n", ent.end_char)
        line_end = len(text) if line_end < 0 else line_end
        labels.append((line_start, line_end, ent))
    by_line: dict[int, list[Any]] = {}
    ends = {}
    for line_start, line_end, ent in labels:
        by_line.setdefault(line_start, []).append(ent)
        ends[line_start] = line_end
    kinds = []
    for line_start, line_ents in by_line.items():
        kinds_here = {e.label_ for e in line_ents}
        if len(kinds_here) != 1:
            return None
        cursor = line_start
        for e in line_ents:
            if not _TITLE_LINE_JOINER.fullmatch(text, cursor, e.start_char):
                return None
            cursor = e.end_char
        if not (
            _TITLE_LINE_JOINER.fullmatch(text, cursor, ends[line_start])
            or _PHONE_OR_MAIL_AFTER.fullmatch(text, cursor, ends[line_start])
        ):
            return None
        kinds.append(kinds_here.pop())
    return kinds


def link_contact_blocks(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE and ROLE_AT within a block of one name, its titles and one company."""
    text = doc_text(doc)
    ents = [
        e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE", "ORG", "CUSTOMER")
    ]
    if not ents:
        return relations
    breaks = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    blocks: dict[int, list[Any]] = {}
    for ent in ents:
        blocks.setdefault(bisect_right(breaks, ent.start_char), []).append(ent)
    links = []
    for index, block in blocks.items():
        persons = [e for e in block if e.label_ == "PERSON"]
        titles = [e for e in block if e.label_ == "ROLE"]
        organizations = [e for e in block if e.label_ in _ORGANIZATIONS]
        if len(persons) != 1 or not titles or len(organizations) > 1:
            continue
        start = breaks[index - 1]
        end = breaks[index] if index < len(breaks) else len(text)
        if (
            text.count("\n", start, end) > _BLOCK_LINES
            or persons[0].start_char > titles[0].start_char
        ):
            continue
        if _stacked_lines(text, block) is None:
            continue
        person = persons[0]
        links += [
            [person.start_char, person.end_char, t.start_char, t.end_char, "HAS_ROLE"]
            for t in titles
        ]
        for o in organizations:
            links += [
                [t.start_char, t.end_char, o.start_char, o.end_char, "ROLE_AT"] for t in titles
            ]
    return _with_links(relations, links)


# Two contacts side by side, each a column of a name, its titles and its
# company ("Contact:   Ken Bond   Deborah Hellinger" over "Oracle Investor
# Relations   Oracle Corporate Communications"), as in the text converted
# from an HTML table, where a tab or a run of spaces parts the columns. The
# model's text folds the columns into one line of words, so the block is
# read as filed (`FiledLayout`): each line's cells, by their rank from the
# right (a "Contact:" label may open the name line only), or, in fixed-width
# text, under the name whose column starts nearest.
_CONTACT_BLOCK_LINES = 5


def _column_of_cells(
    line: str, cells: list[tuple[int, int]], name_starts: list[int]
) -> list[int] | None:
    """The name column of each cell of a line below the names, or None if
    the line cannot be read as that many columns."""
    k = len(name_starts)
    if len(cells) == k:
        return list(range(k))
    if "\t" in line or not cells or len(cells) > k:
        return None
    return [min(range(k), key=lambda j: abs(name_starts[j] - cell[0])) for cell in cells]


def link_column_contact_blocks(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE and ROLE_AT within each column of contacts set side by side."""
    layout = FiledLayout(doc)
    filed = layout.text
    if not COLUMN_GAP.search(filed):
        return relations
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE", *_ORGANIZATIONS)]
    filed_by_line = filed_lines(filed)
    lines = [line.text for line in filed_by_line]
    line_starts = [line.start for line in filed_by_line]
    by_line: dict[int, list[tuple[int, int, Any]]] = {}
    for e in ents:
        start, end = layout.of_doc(e.start_char, e.end_char)
        n = bisect_right(line_starts, start) - 1
        by_line.setdefault(n, []).append((start - line_starts[n], end - line_starts[n], e))
    links: list[list[Any]] = []
    dropped: set[tuple[int, int, int, int]] = set()
    for n, placed in sorted(by_line.items()):
        line = lines[n]
        cells = line_cells(line)
        persons = [(a, b, e) for a, b, e in placed if e.label_ == "PERSON"]
        if len(persons) < 2 or len(cells) < len(persons):
            continue
        # Each name ends a cell of its own, the last cells of the line.
        name_cells = cells[-len(persons) :]
        if any(not (ca <= a and b == cb) for (a, b, _), (ca, cb) in zip(persons, name_cells)):
            continue
        if any(e.label_ != "PERSON" and a >= name_cells[0][0] for a, _, e in placed):
            continue
        name_starts = [a for a, _, _ in persons]
        columns: list[list[Any]] = [[] for _ in persons]
        for below in range(n + 1, min(n + 1 + _CONTACT_BLOCK_LINES, len(lines))):
            text_below = lines[below]
            if not text_below.strip():
                break
            below_cells = line_cells(text_below)
            ranks = _column_of_cells(text_below, below_cells, name_starts)
            if ranks is None:
                break
            for a, b, e in by_line.get(below, []):
                cell = next(
                    (j for j, (ca, cb) in enumerate(below_cells) if ca <= a and b <= cb), None
                )
                if cell is not None:
                    columns[ranks[cell]].append(e)
        for j, (_, _, person) in enumerate(persons):
            titles = [e for e in columns[j] if e.label_ == "ROLE"]
            organizations = [e for e in columns[j] if e.label_ in _ORGANIZATIONS]
            others = [e for k, column in enumerate(columns) if k != j for e in column]
            links += [
                [person.start_char, person.end_char, t.start_char, t.end_char, "HAS_ROLE"]
                for t in titles
            ]
            dropped |= {
                (person.start_char, person.end_char, t.start_char, t.end_char)
                for t in others
                if t.label_ == "ROLE"
            }
            if len(organizations) == 1:
                o = organizations[0]
                links += [
                    [t.start_char, t.end_char, o.start_char, o.end_char, "ROLE_AT"] for t in titles
                ]
            dropped |= {
                (t.start_char, t.end_char, o.start_char, o.end_char) for t in titles for o in others
            }
    if not links and not dropped:
        return relations
    kept = [r for r in relations if tuple(r[:4]) not in dropped]
    return _with_links(kept, links)


# "Meade Instruments Corp.\nJohn Elwood, CFO\n(949) 451-1450": a company line
# over one or more lines of a name and its titles (GUIDELINE: a company line
# stacked with them). Each title of those lines is at that company, up to
# the block's end or the next company line; each name holds its titles.
_NAME_THEN_TITLES = re.compile(r"\s*,\s*")
_LINE_INDENT = re.compile(r"[ \t]*")
# The company line may carry the block's label and its town: "CONTACT:
# Westbrook Paper Company, Portland".
_CONTACT_LABEL = re.compile(r"(?i:(?:investor\s+|media\s+|press\s+)?contacts?)\s*:\s*")
_TOWN_AFTER = re.compile(r",\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:,\s*[A-Z][a-z.]+)?")


def _alone_on_its_line(text: str, ent: Any, line_start: int, line_end: int) -> bool:
    """Whether an organization stands alone on its line, but for a contact
    label before it and a comma or a town after it."""
    before = text[line_start : ent.start_char]
    if before.strip() and not _CONTACT_LABEL.fullmatch(before.strip()):
        return False
    after = text[ent.end_char : line_end].rstrip()
    return not after or after == "," or bool(_TOWN_AFTER.fullmatch(after))


def _titles_on_line(
    text: str, ents: list[Any], first: int, line_start: int, opening: re.Pattern
) -> list[Any]:
    """The titles from `ents[first]` on that form the rest of the line that
    starts at `line_start` (the first after `opening`, the others after a joiner)."""
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    return _title_chain(text, ents, first, line_start, opening, _TITLE_LINE_JOINER, line_end)


def _title_chain(
    text: str,
    ents: list[Any],
    first: int,
    cursor: int,
    opening: re.Pattern,
    joiner: re.Pattern,
    limit: int,
) -> list[Any]:
    """The titles from `ents[first]` on that follow `cursor` one after
    another before `limit`: the first after `opening`, each other after `joiner`."""
    titles: list[Any] = []
    for title in ents[first:]:
        if title.start_char >= limit or title.label_ != "ROLE":
            break
        between = text[cursor : title.start_char]
        if not (opening if not titles else joiner).fullmatch(between):
            break
        titles.append(title)
        cursor = title.end_char
    return titles


def link_company_lines_over_names(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """ROLE_AT from the titles of "Name, Title" lines to the company line above them."""
    text = doc_text(doc)
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE", *_ORGANIZATIONS)]
    links: list[list[Any]] = []
    company = None
    for n, ent in enumerate(ents):
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        line_end = text.find("\n", ent.end_char)
        line_end = len(text) if line_end < 0 else line_end
        if ent.label_ in _ORGANIZATIONS:
            # A company alone on its line (a comma after it allowed) opens a block.
            company = (
                (ent, line_end) if _alone_on_its_line(text, ent, line_start, line_end) else None
            )
            continue
        if company is None or PARAGRAPH_BREAK.search(text, company[1], ent.start_char):
            company = None
            continue
        if ent.label_ != "PERSON" or text[line_start : ent.start_char].strip():
            continue
        # The name opens its line; the titles follow it on that line, after a
        # comma, or fill the next line ("Gary N. Holtz\nChief Financial Officer").
        titles = _titles_on_line(text, ents, n + 1, ent.end_char, _NAME_THEN_TITLES)
        if not titles and not text[ent.end_char : line_end].strip() and line_end < len(text):
            titles = _titles_on_line(text, ents, n + 1, line_end + 1, _LINE_INDENT)
        organization = company[0]
        for title in titles:
            links.append(
                [ent.start_char, ent.end_char, title.start_char, title.end_char, "HAS_ROLE"]
            )
            links.append(
                [
                    title.start_char,
                    title.end_char,
                    organization.start_char,
                    organization.end_char,
                    "ROLE_AT",
                ]
            )
    return _with_links(relations, links)


# The signature of an 8-K names the signer and the signer's titles on two
# labeled lines ("Name: Jane Roe" / "Title: Senior Vice President, General
# Counsel and Secretary"): the name states HAS_ROLE to each title of the
# next line (its own contact block, but with labels the block rule reads as words).
# A signature rendered from a filing's HTML table has blank lines between
# its lines ("Name: Brian S. Higgins\n\nTitle: Vice President, ...").
_SIGNATURE_LINES = re.compile(r"Name:[ \t]*([^\n]+)\n(?:[ \t]*\n)*[ \t]*Title:[ \t]*([^\n]+)")


def link_signature_titles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the name on a signature's "Name:" line to the titles on its "Title:" line."""
    text = doc_text(doc)
    ents = _entities(doc, entities)
    links = []
    for lines in _SIGNATURE_LINES.finditer(text):
        persons = [
            e
            for e in ents
            if e.label_ == "PERSON" and lines.start(1) <= e.start_char < lines.end(1)
        ]
        titles = [
            e for e in ents if e.label_ == "ROLE" and lines.start(2) <= e.start_char < lines.end(2)
        ]
        if len(persons) == 1:
            person = persons[0]
            links += [
                [person.start_char, person.end_char, t.start_char, t.end_char, "HAS_ROLE"]
                for t in titles
            ]
    return _with_links(relations, links)


# "its Co-CEO, Jane Roe", "our Treasurer, Mr. Doe", "the Company's Executive
# Chairman, Mr. Roe", "Zeta's CFO, Jane Roe": a title owned by a possessive
# and followed by a name in apposition is that person's.
_OWNER_BEFORE_TITLE = re.compile(
    r"(?:\b(?:our|its|my|their)|\bthe\s+[Cc]ompany['\u2019]s|\b[A-Z][\w&.-]*['\u2019]s?)\s+$"
)
_NAME_IN_APPOSITION = re.compile(r",\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$")


def link_titles_before_names(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the name written in apposition after "our/its TITLE,"."""
    text = doc_text(doc)
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE")]
    links = []
    for title, person in zip(ents, ents[1:]):
        if title.label_ != "ROLE" or person.label_ != "PERSON":
            continue
        if not _NAME_IN_APPOSITION.fullmatch(text, title.end_char, person.start_char):
            continue
        if not _OWNER_BEFORE_TITLE.search(text, max(0, title.start_char - 40), title.start_char):
            continue
        links.append(
            [person.start_char, person.end_char, title.start_char, title.end_char, "HAS_ROLE"]
        )
    return _with_links(relations, links)


# "Marcus Bell, EVP, Chief Financial Officer and Treasurer, said": every
# title of a chain in apposition right after a name is that name's, however
# many there are (the extractor, reading pairs by distance, drops the far
# ones). The chain ends before a title that heads the next name ("Jane Roe,
# CFO, and Treasurer Ann Lee") and at anything but a title.
# A degree may stand between ("said Rachel Imbert-Yoon, Ph.D., President and
# Chief Executive Officer of Ambrose Lane"), and the chain may end at the
# organization its titles are held at.
_APPOSED_TITLE_OPENING = re.compile(rf",[ \t]+(?:{_DEGREE},[ \t]+)?")
_TITLE_CHAIN_JOINER = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)")
_CHAIN_END = re.compile(
    r"[ \t]*(?:[,.;:\n)]|[ \t]+(?:said|says|stated|added|commented|noted|explained)\b|[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?[A-Z])"
)


def link_apposed_title_chains(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from a name to each title of the chain in apposition after it."""
    text = doc_text(doc)
    ents = list(_entities(doc, entities))
    links = []
    for n, person in enumerate(ents):
        if person.label_ != "PERSON" or n + 2 >= len(ents):
            continue
        chain = _title_chain(
            text,
            ents,
            n + 1,
            person.end_char,
            _APPOSED_TITLE_OPENING,
            _TITLE_CHAIN_JOINER,
            len(text),
        )
        if len(chain) >= 2 and _CHAIN_END.match(text, chain[-1].end_char):
            links += [
                [person.start_char, person.end_char, t.start_char, t.end_char, "HAS_ROLE"]
                for t in chain
            ]
    return _with_links(relations, links)


# "Compensation Committee: Denise Okafor (Chair), Harold B. Wexler": a
# title in parentheses right after a name is that name's.
_PARENTHESIZED_TITLE = re.compile(r"[ \t]*\([ \t]*")
_CLOSING_PARENTHESIS = re.compile(r"[ \t]{0,2}\)")


def link_parenthesized_titles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from a name to the title in parentheses right after it, and
    from no other name ("Harold B. Wexler (Chair), Paul Lindgren")."""
    text = doc_text(doc)
    ents = list(_entities(doc, entities))
    links = [
        [person.start_char, person.end_char, title.start_char, title.end_char, "HAS_ROLE"]
        for person, title in zip(ents, ents[1:])
        if person.label_ == "PERSON"
        and title.label_ == "ROLE"
        and _PARENTHESIZED_TITLE.fullmatch(text, person.end_char, title.start_char)
        and _CLOSING_PARENTHESIS.match(text, title.end_char)
    ]
    holder = {(link[2], link[3]): (link[0], link[1]) for link in links}
    kept = [
        r
        for r in relations
        if not (
            r[4] == "HAS_ROLE" and (r[2], r[3]) in holder and (r[0], r[1]) != holder[(r[2], r[3])]
        )
    ]
    return _with_links(kept, links)


# "Chief Executive Officer Al Bo and Chief Financial Officer Cy Do have left":
# a title written right before a name on the same line is that name's
# (GUIDELINE: "Y X"), not the name's before it, which the extractor, reading
# pairs by distance, may give it. A title over a name on the next line (a
# headline, a contact block) is left to the other rules.
# So is each title of a chain written right before a name ("Chairman and
# Acting CEO W. Barry Gilbert said", "Chairman, President and CEO David
# Payne"): on train, dev and the probe sets all 24 such chains are their
# name's titles, every one of them.
_NAME_RIGHT_AFTER_TITLE = re.compile(r"[ \t]+(?:(?:Mr|Ms|Mrs|Dr)\.[ \t]+)?")


def _chain_ending_at(text: str, ents: list[Span], last: int) -> list[Span]:
    """The titles joined by commas, "and" or "&" that end with ents[last]."""
    first = last
    while (
        first > 0
        and ents[first - 1].label_ == "ROLE"
        and _TITLE_CHAIN_JOINER.fullmatch(text, ents[first - 1].end_char, ents[first].start_char)
    ):
        first -= 1
    return ents[first : last + 1]


def _titles_right_before_names(text: str, ents: list[Span]) -> Iterator[tuple[int, Span, Span]]:
    """(index, title, person) of each title in `ents` (people and titles in
    text order) written right before a name."""
    for n, (title, person) in enumerate(zip(ents, ents[1:])):
        if (
            title.label_ == "ROLE"
            and person.label_ == "PERSON"
            and _NAME_RIGHT_AFTER_TITLE.fullmatch(text, title.end_char, person.start_char)
        ):
            yield n, title, person


def link_titles_right_before_names(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the name right after a title (and each title of the
    chain it ends), and none to them from a name before it."""
    text = doc_text(doc)
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE")]
    links = []
    titles: set[tuple[int, int]] = set()
    for n, _, person in _titles_right_before_names(text, ents):
        for chained in _chain_ending_at(text, ents, n):
            titles.add((chained.start_char, chained.end_char))
            links.append(
                [
                    person.start_char,
                    person.end_char,
                    chained.start_char,
                    chained.end_char,
                    "HAS_ROLE",
                ]
            )
    kept = [
        r for r in relations if not (r[4] == "HAS_ROLE" and (r[2], r[3]) in titles and r[1] <= r[2])
    ]
    return _with_links(kept, links)


# "current directors Mr. Al Bo, Mr. Cy Do and Dr. Ed Fu were re-elected",
# "Al Bo and Cy Do were named Co-CEOs", "elected Al Bo, Cy Do and Ed Fu to
# serve as directors": a title stated once for a list of names is each one's.
_HONORIFIC = r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
_AGE = r"(?:,\s+\d{2})?"
_LIST_GAP = re.compile(rf"{_AGE}\s*(?:,\s*(?:and\s+)?|\s+and\s+){_HONORIFIC}")
_TITLE_BEFORE_LIST = re.compile(rf",?\s+{_HONORIFIC}")
_NAMED_AFTER_LIST = re.compile(
    rf"{_AGE},?\s+(?:(?:were|are|have[ ]been|will[ ]be)\s+)?(?:[Nn]amed|[Aa]ppointed|[Ee]lected)\s+(?:as\s+)?(?:the\s+)?"
    rf"|{_AGE},\s+"
    rf"|{_AGE},?\s+(?:to\s+serve\s+)?as\s+(?:the\s+)?"
)


def link_titles_of_name_lists(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from each name of a list of two or more to the title before or after it."""
    text = doc_text(doc)
    ents = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE")]
    links = []
    n = 0
    while n < len(ents):
        if ents[n].label_ != "PERSON":
            n += 1
            continue
        names = [ents[n]]
        m = n + 1
        while (
            m < len(ents)
            and ents[m].label_ == "PERSON"
            and _LIST_GAP.fullmatch(text, names[-1].end_char, ents[m].start_char)
        ):
            names.append(ents[m])
            m += 1
        titles = []
        if len(names) >= 2:
            before = ents[n - 1] if n > 0 else None
            if (
                before is not None
                and before.label_ == "ROLE"
                and _TITLE_BEFORE_LIST.fullmatch(text, before.end_char, names[0].start_char)
            ):
                titles.append(before)
            after = ents[m] if m < len(ents) else None
            if (
                after is not None
                and after.label_ == "ROLE"
                and _NAMED_AFTER_LIST.fullmatch(text, names[-1].end_char, after.start_char)
            ):
                titles.append(after)
        links += [
            [name.start_char, name.end_char, t.start_char, t.end_char, "HAS_ROLE"]
            for t in titles
            for name in names
        ]
        n = m
    return _with_links(relations, links)


# "Jane Roe, our Chief Executive Officer and Chairman, Otto Doe, our
# President": titles joined by "and" after a name are both that name's; the
# name after the second title's comma starts the next item of the list.
# "a director since 2010 and the former President of Delta Bank": the time
# since when the first is held, and the status of the second, may stand between.
# So may the first's organization and the years it was held, in a career:
# "served as Vice President of the Precision Products division from 1991 to
# 1999 and Chief Engineer of the Company from 1980 to 1991".
_HELD_AT = r"(?:\s+(?:of|at|with|for)\s+(?:(?!\.\s+[A-Z]|\band\b)[^,;\n]){1,60}?)?"
_YEARS_HELD = r"\s+(?:since|from)\s+(?:[A-Z][a-z]+\s+)?\d{4}(?:\s+(?:to|through|until)\s+(?:[A-Z][a-z]+\s+)?\d{4})?"
_COORDINATED_TITLES = re.compile(
    rf"(?:{_HELD_AT}{_YEARS_HELD},?)?\s+and\s+(?:as\s+)?(?:a\s+|an\s+|the\s+|its\s+)?(?:former\s+)?"
)


def share_coordinated_titles(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """HAS_ROLE from the holder written before "T1 and T2" to T2 as to T1."""
    text = doc_text(doc)
    people_and_titles = [e for e in _entities(doc, entities) if e.label_ in ("PERSON", "ROLE")]
    titles = [e for e in people_and_titles if e.label_ == "ROLE"]
    # "... from 2001 to 2005, and President Jane Roe said": a title right
    # before a name is that name's.
    before_names = {title for _, title, _ in _titles_right_before_names(text, people_and_titles)}
    holders: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in relations:
        if r[4] == "HAS_ROLE":
            holders.setdefault((r[2], r[3]), []).append((r[0], r[1]))
    removed: set[tuple[int, int, int, int]] = set()
    links = []
    for first, second in zip(titles, titles[1:]):
        if not _COORDINATED_TITLES.fullmatch(text, first.end_char, second.start_char):
            continue
        if second in before_names:
            continue
        before = holders.get((first.start_char, first.end_char), [])
        if not before or any(end > first.start_char for _, end in before):
            continue
        after = [
            h
            for h in holders.get((second.start_char, second.end_char), [])
            if h[0] >= second.end_char
        ]
        removed |= {(*h, second.start_char, second.end_char) for h in after}
        known = set(holders.get((second.start_char, second.end_char), []))
        links += [
            [*h, second.start_char, second.end_char, "HAS_ROLE"] for h in before if h not in known
        ]
    if not links and not removed:
        return relations
    kept = [r for r in relations if not (r[4] == "HAS_ROLE" and tuple(r[:4]) in removed)]
    return _with_links(kept, links)


# "Vice President and Chief Commercial Officer of the Company", "a director
# of the company": the organization written with these titles is "the
# Company", which takes no span, so they take no ROLE_AT (GUIDELINE); the
# extractor, reading pairs by distance, links them to a name of the issuer
# elsewhere. An organization named after "the Company and" keeps its link.
_THE_COMPANY_AFTER_TITLE = re.compile(r"\s+(?:of|for|at|with)\s+the\s+[Cc]ompany\b(?!['\u2019])")
_AND_AFTER_THE_COMPANY = re.compile(r"\s+and\s+(?:the\s+)?")


def unlink_titles_of_the_company(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No ROLE_AT from titles written "of/for/at the Company"."""
    text = doc_text(doc)
    if "ompany" not in text:
        return relations
    ents = list(_entities(doc, entities))
    unlinked: dict[tuple[int, int], int] = {}  # title -> where "the Company" ends
    for n, title in enumerate(ents):
        if title.label_ != "ROLE":
            continue
        company = _THE_COMPANY_AFTER_TITLE.match(text, title.end_char)
        following = ents[n + 1].start_char if n + 1 < len(ents) else len(text)
        if company is None or company.end() > following:
            continue
        for t in _joined_titles(text, ents, n, backward=True):
            unlinked[(t.start_char, t.end_char)] = company.end()
    if not unlinked:
        return relations
    kept = []
    for r in relations:
        end = unlinked.get((r[0], r[1]))
        if (
            r[4] == "ROLE_AT"
            and end is not None
            and not _AND_AFTER_THE_COMPANY.fullmatch(text, end, r[2])
        ):
            continue
        kept.append(r)
    return kept


# "named Paul Nakamura, a former Intel Corporation executive, as Chief
# Operating Officer", "Rick Dale, formerly of General Electric, as COO": the
# organization of the appointee's past, in apposition, is not where the new
# title is held.
# So is an employer after a past title: "Mark Ellery, formerly Senior Vice
# President of Laboratory Services at Carolina Coast Healthcare, as our COO",
# "previously Controller at Belford Pharmacy Services".
# And the employer the appointee holds a post at now, in the same place:
# "appointed Ruth Adeyemi, Executive Vice President of Loxley Bank, as Chief
# Risk Officer", "named Eli Marsh, currently Corvin's Chief Scientific
# Officer, as President" (GUIDELINE: ROLE_AT needs the organization
# attached to the title).
_FORMER_BEFORE_ORGANIZATION = re.compile(
    r"\b(?:formerly\s+(?:of|with|at)|(?:a|an)\s+former"
    r"|(?:formerly|previously|most\s+recently)\s+(?:[\w,&'\u2019-]+\s+){1,8}?(?:of|with|at))\s+(?:the\s+)?$"
    r"|,\s+(?:currently|now|presently)\s+(?:(?:[\w&'\u2019-]+\s+){0,8}?(?:of|with|at)\s+)?(?:the\s+)?$"
    r"|,\s+(?:(?:Senior|Executive|Group|Chief|Vice|President|General|Managing|Director|Head|Partner|Officer|"
    r"Operating|Financial|Technology|Counsel|Manager|Controller|Treasurer)\s+){1,6}(?:of|at|with)\s+(?:the\s+)?$"
)
# Open at the end: "former" is also the start of "formerly".
_PAST_WORD = re.compile(r"\b(?:former|previously|most\s+recently)|,\s+as\s")
_APPOSITION_THEN_AS = re.compile(
    r"[^.;,]{0,30},\s+(?:as|to\s+serve\s+as|to\s+the\s+(?:role|position)\s+of)\s+(?:its\s+|the\s+|our\s+)?(?:new\s+)?"
)


def unlink_titles_of_former_employers(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No ROLE_AT from a title to the organization that an apposition
    before it names as the appointee's former employer."""
    text = doc_text(doc)
    if not _PAST_WORD.search(text):
        return relations
    kept = []
    for r in relations:
        if (
            r[4] == "ROLE_AT"
            and r[3] <= r[0]
            and _FORMER_BEFORE_ORGANIZATION.search(text, max(0, r[2] - 90), r[2])
            and _APPOSITION_THEN_AS.fullmatch(text, r[3], r[0])
        ):
            continue
        kept.append(r)
    return kept


# "Mr. Rooke will serve as a special advisor to the Chief Executive
# Officer", "reporting to the CFO": the title served or reported to is
# another's, no title of the person named.
_SERVED_TITLE_BEFORE = re.compile(
    r"\b(?:advisor|adviser|assistant|consultant|counsel|report|reports|reporting|reported)\s+to\s+(?:the\s+|our\s+|its\s+)?$",
    re.IGNORECASE,
)


def unlink_titles_served(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No HAS_ROLE from a name before it to a title written after "advisor
    to" or "reporting to"."""
    text = doc_text(doc)
    if " to " not in text:
        return relations
    # The name after the title holds it ("reporting to President and CEO Samuel Achebe").
    return [
        r
        for r in relations
        if not (
            r[4] == "HAS_ROLE"
            and r[1] <= r[2]
            and _SERVED_TITLE_BEFORE.search(text, max(0, r[2] - 40), r[2])
        )
    ]


# "Al Bo, Chairman, and Cy Do, President of Zeta": the organization after a
# later name's title is that title's, not the earlier one's (GUIDELINE:
# ROLE_AT needs the organization attached to the title). The extractor,
# reading pairs by distance, links across the name; a contact block, whose
# company stands on a line of its own below the names, keeps its links.
def unlink_titles_across_names(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No ROLE_AT from a title to an organization after another person's
    name on the same line."""
    text = doc_text(doc)
    # The title's own holder written right after it ("CEO Al Bo of Zeta")
    # does not part the title from the organization.
    return _without_role_at_across_people(
        text,
        _people(doc, entities),
        relations,
        organization_after=True,
        parts=lambda title_end, start, end: (
            not _NAME_RIGHT_AFTER_TITLE.fullmatch(text, title_end, start)
        ),
    )


# "Prior to joining Meade, Mr. Elwood held the corporate controller position
# at DDi Corp.", "3D Systems' Executive Vice President, Andrew Johnson to
# Serve as Interim Chief Financial Officer": an organization before a
# person's name is not where a title the person's own clause gives "held
# the", "to serve as" is held (GUIDELINE: ROLE_AT needs the organization
# attached to the title; the company that announces takes none). A title
# set after the name by a comma or a line break, as in a contact block
# ("Acme Corp. / Jane Roe, President"), keeps it.
_LOWER_CASE_WORD = re.compile(r"\b[a-z]{2,}\b")


def unlink_organizations_before_holders(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No ROLE_AT from a title to an organization before a person's name
    when words in lower case join the name to the title."""
    text = doc_text(doc)
    return _without_role_at_across_people(
        text,
        _people(doc, entities),
        relations,
        organization_after=False,
        parts=lambda title_start, start, end: bool(_LOWER_CASE_WORD.search(text, end, title_start)),
    )


def _people(doc: Doc, entities: Sequence[Span] | None) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in _entities(doc, entities) if e.label_ == "PERSON"]


def _without_role_at_across_people(
    text: str,
    people: list[tuple[int, int]],
    relations: list[list[Any]],
    *,
    organization_after: bool,
    parts: Callable[[int, int, int], bool],
) -> list[list[Any]]:
    """`relations` without the ROLE_AT links that cross a person's name on
    one line, from a title to an organization after it (or before it), where
    `parts(title's edge facing the organization, name start, name end)` says
    the name parts them."""
    kept = []
    for r in relations:
        if r[4] == "ROLE_AT":
            low, high = (r[1], r[2]) if organization_after else (r[3], r[0])
            if low <= high and "\n" not in text[low:high]:
                title_edge = r[1] if organization_after else r[0]
                if any(
                    low <= start and end <= high and parts(title_edge, start, end)
                    for start, end in people
                ):
                    continue
        kept.append(r)
    return kept


# "Ms. Roe joined Zeta in 2019. She previously served as Treasurer": the
# sentence that gives the title has a pronoun for its subject, so no named
# person holds it there (GUIDELINE: pronouns take no span and no relation).
# The extractor, reading pairs by distance, links the name of the sentence
# before.
_PRONOUN_SUBJECT = re.compile(r"\W*(?:He|She|They)\b")


def unlink_titles_of_pronoun_sentences(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No HAS_ROLE from a name before the sentence to a title in a sentence
    whose subject is "He/She/They"."""
    if not doc.has_annotation("SENT_START"):
        return relations
    text = doc_text(doc)
    sentence_of = {
        (e.start_char, e.end_char): e.sent.start_char
        for e in _entities(doc, entities)
        if e.label_ == "ROLE"
    }
    kept = []
    for r in relations:
        if r[4] == "HAS_ROLE" and (r[2], r[3]) in sentence_of:
            start = sentence_of[(r[2], r[3])]
            if r[1] <= start and _PRONOUN_SUBJECT.match(text, start):
                continue
        kept.append(r)
    return kept


# "ACME NAMES JANE ROE CHIEF FINANCIAL OFFICER", "Acme Appoints Jane Roe as
# CFO": the organization that announces an appointment takes no ROLE_AT
# (GUIDELINE: "IEC announced the addition of X as VP" takes none), and the
# object of the naming verb, written between the verb and the title, is the
# person who holds it, never the title's organization.
_ANNOUNCING_VERB = (
    r"(?:names|named|appoints|appointed|elects|elected|promotes|promoted|hires|hired|welcomes|taps|selects|"
    r"announces\s+(?:the\s+)?(?:appointment|election|promotion|hiring)\s+of)"
)
_VERB_AFTER_ANNOUNCER = re.compile(rf"\s+{_ANNOUNCING_VERB}\s", re.IGNORECASE)
_VERB_BEFORE_OBJECT = re.compile(
    rf"\b{_ANNOUNCING_VERB}\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$", re.IGNORECASE
)
_OBJECT_BEFORE_TITLE = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:as|to)[ \t]+(?:(?:the|its)[ \t]+)?)?", re.IGNORECASE
)


def unlink_announcers(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No ROLE_AT from a title to the organization that "names/appoints" a
    person to it in the same line, nor to the naming verb's object."""
    text = doc_text(doc)
    kept = []
    for r in relations:
        if (
            r[4] == "ROLE_AT"
            and r[3] <= r[0]
            and "\n" not in text[r[3] : r[0]]
            and "." not in text[r[3] : r[0]].rstrip(".")
        ):
            if _VERB_AFTER_ANNOUNCER.match(text, r[3]):
                continue
            if _OBJECT_BEFORE_TITLE.fullmatch(text, r[3], r[0]) and _VERB_BEFORE_OBJECT.search(
                text, max(0, r[2] - 60), r[2]
            ):
                continue
        kept.append(r)
    return kept


# "Jane Roe, the Bank's Chief Lending Officer, will become President of Zeta
# Bancorp": the organization is stated with the title of the later clause,
# not with the title before its verb, which the extractor, reading pairs by
# distance, also links to it.
_VERB_BETWEEN_TITLES = re.compile(
    r"\b(?:will|would|shall|is|was|has|had|become|becomes|became|join|joins|joined|named|appointed|elected|"
    r"serve|serves|served|remain|remains|who|to)\b"
)
# The later title's organization: "President of both Zeta Bancorp and the Bank".
_ORG_AFTER_TITLE_BOTH = re.compile(
    r"\s+(?:(?:position|role)\s+)?(?:of|at|for|with)\s+(?:both\s+)?(?:the\s+)?"
)


def unlink_titles_before_clauses(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No ROLE_AT from a title to an organization written after another
    title when a verb parts the two titles on one line."""
    text = doc_text(doc)
    titles = [(e.start_char, e.end_char) for e in _entities(doc, entities) if e.label_ == "ROLE"]
    kept = []
    for r in relations:
        if r[4] == "ROLE_AT" and r[1] <= r[2] and "\n" not in text[r[1] : r[2]]:
            if any(
                r[1] <= start
                and end <= r[2]
                and _VERB_BETWEEN_TITLES.search(text, r[1], start)
                and _ORG_AFTER_TITLE_BOTH.fullmatch(text, end, r[2])
                for start, end in titles
            ):
                continue
        kept.append(r)
    return kept


# "Jane Roe, 51, the Company's President", "Jane Roe has been named General
# Counsel": a name with an age, or the subject of a naming verb, holds the
# title (HAS_ROLE); an organization is never written so, and where the
# recognizer takes such a name for one, the title is not held at it.
_HOLDER_BEFORE_TITLE = re.compile(
    r",\s+(?:age\s+)?\d{2},\s+(?:(?:the|its|our|a|an)\s+)?(?:[Cc]ompany['\u2019]s\s+)?(?:(?:former|new|current)\s+)?"
    r"|\s+(?:has\s+been|have\s+been|was|were|is|will\s+be)\s+(?:named|appointed|elected|promoted\s+to)\s+(?:(?:the|a|an)\s+)?"
)


def unlink_holders_taken_for_organizations(
    doc: Doc, relations: list[list[Any]], entities: Sequence[Span] | None = None
) -> list[list[Any]]:
    """No ROLE_AT from a title to an "organization" written as its holder:
    with an age before the title, or as the subject of "has been named"."""
    text = doc_text(doc)
    titles = {(e.start_char, e.end_char) for e in _entities(doc, entities) if e.label_ == "ROLE"}
    ordered = sorted(titles)
    kept = []
    for r in relations:
        if r[4] == "ROLE_AT" and r[3] <= r[0]:
            # The first title after the organization, and the titles joined to it.
            n = bisect_right(ordered, (r[3], r[3]))
            first = ordered[n] if n < len(ordered) else None
            if first is not None and _HOLDER_BEFORE_TITLE.fullmatch(text, r[3], first[0]):
                chain = [first]
                for following in ordered[n + 1 :]:
                    if not _TITLE_AND.fullmatch(
                        text, chain[-1][1], following[0]
                    ) and not _TITLES_AND.fullmatch(text, chain[-1][1], following[0]):
                        break
                    chain.append(following)
                if (r[0], r[1]) in chain:
                    continue
        kept.append(r)
    return kept
