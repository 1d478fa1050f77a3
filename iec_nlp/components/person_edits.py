"""People's names: what the recognizer found, mended.

Fragments of a name are joined ("W. Barry" + "Gilbert"), a one-word name
the release never supports is dropped, a surname is widened over the given
names before it, a name listed with people is a person, and a mention the
recognizer called an organization becomes a person where the text says so
(an honorific, an age, a title in apposition, a person's slot: "said X",
"appointed X", a contact line, a signature, a committee's members).
Part of `iec_entity_rules` (`entity_rules`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

from spacy.tokens import Doc, Span

from .contact_columns import _AGENCY_WORD, _CONTACT_TITLE_WORDS
from .name_plausibility import (
    _BODY_WORDS,
    _RESOURCE_PLAY,
    _TITLE_WORDS,
    _is_plausible,
    _is_title,
    _written_in_lower_case,
)
from .name_shapes import (
    _HEADLINE_VERB,
    _LIST_SEPARATOR,
    _LOWER,
    _LOWER_CASE_WORD,
    _NAME_LABELS,
    _PERSON_NAME_SHAPE,
    _UPPER,
    HOLDS_LEGAL_FORM,
    JOB_TITLE,
    PHONE_NUMBER,
    _folded,
    _matches_if_any,
)
from .span_edits import _add_or_widen, _placed, _relabel_or_add
from .title_edits import _ENDS_IN_FUNCTION

_TITLE_WORDS_BEFORE_A_NAME = frozenset(
    "Officer Director Chair Chairperson Partner Head Manager Counsel Founder Executive Vice Chief Member "
    "Trustee Analyst Editor Spokesman Spokeswoman Spokesperson".split()
)


def _stands_before_a_name(word: str) -> bool:
    """A capitalized word that is no given name before a surname: an
    honorific, a rank, a month, a weekday or a title ("Director Ann Lee")."""
    return (
        word in _WORDS_BEFORE_A_NAME
        or word in _TITLE_WORDS_BEFORE_A_NAME
        or bool(JOB_TITLE.fullmatch(word))
    )


_EDGE_FUNCTION_WORDS = frozenset("and or of the a an for at to by with in on".split())

# Not "Beyond", "Under", "Like": "Beyond Meat", "Under Armour" are names.
_OPENING_WORDS = frozenset(
    "Before After During Following Since Until Unlike Besides Despite Including Excluding Previously Earlier Currently".split()
)

_NOT_NAME_STARTS = _EDGE_FUNCTION_WORDS | _OPENING_WORDS


# "Cheddar's Scratch Kitchen", "SFAS No. 123R, Share-Based Payment": in
# running text, one capitalized word right after another that no entity
# holds is the last word of a longer name or title, which the recognizer
# did not take whole. Not after a sentence's start, a title or rank ("said
# Admiral Smith"), a given name (a name cut short is the recognizer's to
# mend), a month or a weekday ("in May Zorbex signed").
_FRAGMENT_NAME = re.compile(r"[A-Z][a-z][\w'\u2019-]*")

_CAPITALIZED_BEFORE_NAME = re.compile(
    r"(?<![.!?:;\"\u201c\u2018(]\s)(?<![.!?:;\"\u201c\u2018(])\b([A-Z][a-z]+)[ ]$"
)

# Ranks and offices written before a surname ("Admiral Quill", "Senator
# Warner"): they also support a one-word PERSON (below).
_RANKS_BEFORE_A_SURNAME = (
    "Sir Dame Lord Lady Captain Admiral General Colonel Major Lieutenant Sergeant Commander Judge Justice "
    "Coach Father Reverend Rabbi Professor Senator Governor Mayor Representative Congressman "
    "Congresswoman Ambassador Secretary President Chairman Chairwoman Director"
).split()

_WORDS_BEFORE_A_NAME = frozenset(
    _RANKS_BEFORE_A_SURNAME
    + "Mr Mrs Ms Dr Sister Saint Dean King Queen Prince Treasurer Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday January February March April May June July August September October November December".split()
)


def _without_name_fragments(text: str, ents: list[Span], given_names: frozenset[str]) -> list[Span]:
    result = []
    for ent in ents:
        name = text[ent.start_char : ent.end_char]
        if ent.label_ in _NAME_LABELS and _FRAGMENT_NAME.fullmatch(name):
            before = _CAPITALIZED_BEFORE_NAME.search(
                text, max(0, ent.start_char - 25), ent.start_char
            )
            line_start = text.rfind("\n", 0, ent.start_char) + 1
            if (
                before
                and before.group(1) not in _WORDS_BEFORE_A_NAME
                and before.group(1) not in given_names
                and not JOB_TITLE.fullmatch(before.group(1))
                and not any(e.start_char <= before.start(1) < e.end_char for e in ents)
                and _LOWER_CASE_WORD.search(text, line_start, before.start(1))
            ):
                continue
        result.append(ent)
    return result


# "Charter of the Corporate Governance Committee", "Java": a release names a
# person in full before it shortens the name ("Rona A. Fairhead" ...
# "Fairhead") or writes the one word after an honorific ("Mr. Schaefer",
# "Messrs. Thomas, Schlater and Duesenberg"), a rank or office ("Admiral
# Quill", "Senator Warner") or as a known given name ("Andy will assume the
# role"). A one-word PERSON with none of these supports is a capitalized
# word the recognizer took for a surname. In the 158 train and dev releases
# every gold one-word PERSON has one of them. (The ranks are those of
# `_WORDS_BEFORE_A_NAME` above.)
_HONORIFIC_LIST_BEFORE = re.compile(
    rf"\b(?:(?:Mr|Ms|Mrs|Dr|Messrs|Mmes)\.?|{'|'.join(_RANKS_BEFORE_A_SURNAME)})"
    r"\s+(?:[A-Z][\w'\u2019-]*(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$"
)


def _starts_a_word_of(word: str, name: str) -> bool:
    # A word of the full name or a short form of one ("Rich" of "Richard
    # Fitzgerald", twice in the corpus); "Ann" inside "Joanne Smith" is neither.
    return re.search(rf"(?<!\w){re.escape(word)}", name) is not None


_SHORT_NAME_DEFINED_AFTER = re.compile(r"[ ]*\((?:the[ ]+)?[\"\u201c]([A-Z][\w&.-]*)[\"\u201d]\)")


def _without_unsupported_one_word_persons(
    text: str, ents: list[Span], given_names: frozenset[str]
) -> list[Span]:
    longer_names = [
        text[e.start_char : e.end_char].lower() for e in ents if e.label_ == "PERSON" and len(e) > 1
    ]
    # 'Shenzhen Luxin Mobile Communications Co., Ltd. ("Luxin")', then "Our two
    # largest customers, Luxin and ...": a word the release defines as an
    # organization's short name is that organization, unless an honorific
    # says otherwise ("Mr. Quarrington" of 'Quarrington Hydraulics, LLC
    # ("Quarrington")'): no other support counts (a "Luxin Smartphone" of the
    # headline taken for a person).
    short_names = {}
    for e in ents:
        if e.label_ in ("ORG", "CUSTOMER") and (
            defined := _SHORT_NAME_DEFINED_AFTER.match(text, e.end_char)
        ):
            short_names[defined.group(1)] = e.label_
    result = []
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) == 1:
            word = text[ent.start_char : ent.end_char]
            honored = _HONORIFIC_LIST_BEFORE.search(
                text, max(0, ent.start_char - 120), ent.start_char
            )
            if word in short_names and not honored:
                result.append(Span(ent.doc, ent.start, ent.end, label=short_names[word]))
                continue
            supported = (
                word in given_names
                or word.capitalize() in given_names
                or any(_starts_a_word_of(word.lower(), name) for name in longer_names)
                or honored
            )
            if not supported:
                continue
        result.append(ent)
    return result


# "Lydia" + "Moreno-Castillo", "Georgette Abernathy" + "-Lowe": the recognizer
# cuts a name at the hyphen of a double surname. A given name alone one
# space before another name is that person's (names side by side in a
# contact block's columns are full names, and the text read has their runs
# of spaces folded to one), and a name never ends before a hyphen and a
# capitalized word: such pieces are one person.
_PERSON_GAP = re.compile(r"[ ]")

_GIVEN_NAME_WORD = re.compile(r"[A-Z][a-z]+")

_HYPHENATED_SURNAME_REST = re.compile(r"-[A-Z][a-z]+(?:['\u2019][A-Z][a-z]+)?\b(?!-)")


def _is_given_name_piece(previous: Span | None, ent: Span, text: str) -> bool:
    """Whether `previous` is one word right before the person `ent`: a given
    name, also one the recognizer took for an organization before a surname
    it did find ("Anika" | "Voss-Merrill")."""
    if previous is None or ent.label_ != "PERSON" or len(previous) != 1:
        return False
    if not _PERSON_GAP.fullmatch(text, previous.end_char, ent.start_char):
        return False
    if previous.label_ == "PERSON":
        return True
    surname = text[ent.start_char : ent.end_char]
    # Capitals only in a headline in capitals: "DR. ANIKA VOSS-MERRILL", not "IBM Smith".
    given_name_shape = _GIVEN_NAME_WORD.fullmatch(previous.text) or (
        previous.text.isupper() and surname.isupper()
    )
    return previous.label_ in ("ORG", "CUSTOMER") and " " not in surname and bool(given_name_shape)


_SURNAME_PARTICLES = r"(?:van|von|de|der|den|ter|te|la|le|da|di|du|del|della|dos|das|ten|zu)"

_ENDS_WITH_PARTICLE = re.compile(rf"[ ]{_SURNAME_PARTICLES}$")

_STARTS_WITH_PARTICLE = re.compile(rf"{_SURNAME_PARTICLES}[ ][A-Z]")


# "Celeste Navarro-Quist", "Adaeze Ekwueme-Lund": the recognizer may take
# the surname alone where it does not know the given name. A one-word
# person right after a capitalized word on its line is the rest of a name
# (no one-word person of the annotated releases follows such a word but
# "Under Bud's", whose "Under" the release also writes in lower case).
_WORD_BEFORE_SURNAME = re.compile(rf"(?<![\w.,'\u2019&-])[{_UPPER}][{_LOWER}]+[ ]$")


_HEADLINE_VERB_WORD = re.compile(_HEADLINE_VERB)


def _widen_surnames_over_given_names(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for ent in [e for e in ents if e.label_ == "PERSON" and " " not in e.text]:
        word = _WORD_BEFORE_SURNAME.search(text, max(0, ent.start_char - 30), ent.start_char)
        if word is None:
            continue
        given = word.group().rstrip()
        if (
            given in _NOT_NAME_STARTS
            or _stands_before_a_name(given)
            or _HEADLINE_VERB_WORD.fullmatch(given)
            or _written_in_lower_case(given, text)
            or _RESOURCE_PLAY.fullmatch(
                text, word.start(), ent.end_char
            )  # "the Eagle Ford": a shale play
        ):
            continue
        ents = _add_or_widen(doc, ents, word.start(), ent.end_char, "PERSON", widens=("PERSON",))
    return ents


def _join_person_fragments(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    ents = sorted(ents, key=lambda e: e.start)
    result: list[Span] = []
    for ent in ents:
        previous = result[-1] if result else None
        if _is_given_name_piece(previous, ent, text):
            assert previous is not None  # a piece of a name follows one
            result[-1] = Span(doc, previous.start, ent.end, label="PERSON")
        else:
            result.append(ent)
    # "Pieter van" + "der Linden": a surname's particle joins the pieces.
    joined: list[Span] = []
    for ent in result:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label_ == ent.label_ == "PERSON"
            and text[previous.end_char : ent.start_char] == " "
            and (_ENDS_WITH_PARTICLE.search(previous.text) or _STARTS_WITH_PARTICLE.match(ent.text))
        ):
            joined[-1] = Span(doc, previous.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    result = joined
    for i, ent in enumerate(result):
        if ent.label_ == "PERSON" and (rest := _HYPHENATED_SURNAME_REST.match(text, ent.end_char)):
            widened = doc.char_span(ent.start_char, rest.end(), label="PERSON")
            if widened is not None and not any(
                e.start < widened.end and e.end > ent.end for e in result
            ):
                result[i] = widened
    return result


# "elected Jane O. Doe, Ronan T. Kell and Lucius Penhallow to serve as
# directors": a list names things of one kind. A name of a person's shape
# that the recognizer took for an organization is a person where it is listed
# with two or more people.
def _as_people_listed_with_people(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    ents = sorted(ents, key=lambda e: e.start)
    result = list(ents)
    for chain in _name_lists(text, ents):
        if sum(ents[i].label_ == "PERSON" for i in chain) < 2:
            continue
        for i in chain:
            name = text[ents[i].start_char : ents[i].end_char]
            if (
                ents[i].label_ in ("ORG", "CUSTOMER")
                and _PERSON_NAME_SHAPE.fullmatch(name)
                and not HOLDS_LEGAL_FORM.search(name)
            ):
                result[i] = Span(doc, ents[i].start, ents[i].end, label="PERSON")
    return result


def _name_lists(text: str, ents: list[Span]) -> list[list[int]]:
    """Indexes of the runs of names (sorted `ents`) written as one list: "A, B and C"."""
    chains: list[list[int]] = []
    for i, ent in enumerate(ents):
        joined = (
            i > 0
            and ents[i - 1].label_ in _NAME_LABELS
            and _LIST_SEPARATOR.fullmatch(text, ents[i - 1].end_char, ent.start_char)
        )
        if joined and ent.label_ in _NAME_LABELS:
            chains[-1].append(i)
        else:
            chains.append([i])
    return [chain for chain in chains if len(chain) >= 3]


# '"Helena and Victor bring deep experience," said the Chair': a quote calls
# the people the release named in full by their given names, alone or listed
# ("Carla, Devin and Imogen"). Such a name, or list of names, that the
# recognizer took for an organization or for one person is each of them.
_GIVEN_NAME_LIST = re.compile(r"[A-Z][a-z]+(?:(?:,[ ]|,?[ ]and[ ])[A-Z][a-z]+)*")


def _as_given_names_of_people(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    given = {
        e[0].text
        for e in ents
        if e.label_ == "PERSON" and len(e) > 1 and not e[0].text.endswith(".")
    }
    # Not a word that opens a company's name with a legal form: "Nimbrook" of
    # "Nimbrook Cloud Systems, Inc.", whose product "Nimbrook Ledger" the
    # recognizer read as a person.
    given -= {
        e[0].text
        for e in ents
        if e.label_ in ("ORG", "CUSTOMER") and len(e) > 1 and HOLDS_LEGAL_FORM.search(e.text)
    }
    result: list[Span] = []
    for ent in ents:
        name = text[ent.start_char : ent.end_char]
        names = _LIST_SEPARATOR.split(name)
        listed = len(names) > 1 or ent.label_ != "PERSON"
        if (
            ent.label_ in _NAME_LABELS
            and listed
            and _GIVEN_NAME_LIST.fullmatch(name)
            and set(names) <= given
        ):
            starts = [ent.start_char + m.end() for m in _LIST_SEPARATOR.finditer(name)]
            people = [
                doc.char_span(s, s + len(n), label="PERSON")
                for s, n in zip([ent.start_char, *starts], names)
            ]
            if all(people):
                result.extend(cast("list[Span]", people))  # all(): none is None
                continue
        result.append(ent)
    return result


# "JOHN R. McCALLUM RETIRES AS CHAIRMAN" over "John R. McCallum retired":
# a name in capitals that the release writes as a person's in running text
# is that person's (no organization of the annotated releases shares a
# person's name). Only from capitals to mixed case: a person the recognizer
# took once for a company's name ("Marlowe Aerospace") would pass its error on.
def _in_capitals(name: str) -> bool:
    """Written in capitals, "Mc" and the like aside ("JOHN R. McCALLUM")."""
    return sum(c.isupper() for c in name) > 2 * sum(c.islower() for c in name)


def _as_people_named_so_elsewhere(doc: Doc, ents: list[Span]) -> list[Span]:
    people = {e.text.casefold() for e in ents if e.label_ == "PERSON" and not _in_capitals(e.text)}
    if not people:
        return ents
    result = []
    for ent in ents:
        if (
            ent.label_ in ("ORG", "CUSTOMER")
            and _in_capitals(ent.text)
            and " " in ent.text
            and ent.text.casefold() in people
        ):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        result.append(ent)
    return result


def _add_if_plausible(
    doc: Doc,
    ents: list[Span],
    start: int,
    end: int,
    text: str,
    terms: frozenset[str],
    label: str = "ORG",
) -> list[Span]:
    """Add an organization (or `label`) where nothing was found, if it can be one (`_is_plausible`)."""
    span, overlapping = _placed(doc, ents, start, end, label)
    return (
        [*ents, span]
        if span is not None and not overlapping and _is_plausible(span, text, terms)
        else ents
    )


# "Brett Chouinard, our President and Chief Operating Officer": what a
# possessive title follows in apposition is a person.
_TITLE_APPOSITION = re.compile(r",[ ](?:our|its|the[ ]Company['\u2019]s)[ ]")

_CAPITALIZED_NAME = re.compile(r"[A-Z][a-z]+(?:[ ][A-Z]\.)?(?:[ ][A-Z][a-z'\u2019-]+){1,2}")


def _as_person_if_named_with_title(ent: Span, text: str) -> Span:
    """A ROLE of two or three capitalized words, no title among them, that a
    title follows in apposition ("Brett Chouinard, our President") is a PERSON."""
    if ent.label_ != "ROLE" or not _TITLE_APPOSITION.match(text, ent.end_char):
        return ent
    name = text[ent.start_char : ent.end_char]
    if not _CAPITALIZED_NAME.fullmatch(name) or JOB_TITLE.search(name):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="PERSON")


# "said Helena Strand-Iversen, Chair of the Board": what "said" introduces
# with a title in apposition after it is a person who is quoted, even when
# the recognizer took the unfamiliar name (or its first part, before the
# hyphen of a double surname) for an organization.
_SAID_BEFORE = re.compile(r"\bsaid[ ]$")

_HYPHENATED_REST_BEFORE_TITLE = re.compile(
    r"(-[A-Z][a-z]+)?,[ ](?:(?:currently|now|our|its|the)[ ])?"
    r"(?:Chief|President|Vice|Chair|Chairman|Chairwoman|Director|Executive|Senior|Founder|Co-[Ff]ounder|"
    r"General|Managing|Head|Partner|Treasurer|Secretary|Controller|C[EFOTIA]O)\b"
)


# "the Board appointed Corinne Abernathy-Loy, 51, ..." then "Ms. Abernathy-Loy
# joined": a release writes a person's surname after an honorific, gives a
# director's or officer's age in apposition or their title in parentheses
# ("Khalil Barrage (Chairperson)" in a table of committees), and says they
# were named to a title or joined as one ("Imogen Russo-Blake has been named
# General Counsel", "Renata Bockholt has joined the company as Senior Vice
# President"); no organization is written so. A name of a person's shape that
# the recognizer, never having seen it, took for an organization is a person
# where the release says so in one of these ways, at any of the name's
# mentions (also one in a headline's capitals).
_AGE_AFTER_NAME = re.compile(r",[ ](?:age[ ])?[2-9]\d(?:,|[ ]years[ ]old\b)")

_PARENTHESIZED_AFTER_NAME = re.compile(r"[ ]*\(([^()\n]{1,40})\)")

_GIVEN_A_TITLE_AFTER_NAME = re.compile(
    r"[ ]+(?:(?:has[ ]been|was|is|will[ ]be)[ ]+(?:named|appointed|promoted|elected)(?:[ ]+(?:as|to))?"
    r"|(?:has[ ]+)?join(?:s|ed)[ ][^.\n]{0,40}?[ ]as)[ ]+(?:(?:the|its|our)[ ]+)?(?=[A-Z])"
)


_MENTION_START = re.compile(r"(?<![\w-])")

_DOUBLE_SURNAME_REST = re.compile(r"(?:-[A-Z][a-z]+)?\b", re.IGNORECASE)


def _mentions_in_any_case(name: str, text: str) -> Iterator[tuple[int, int]]:
    r"""The spans of `rf"(?<![\w-]){re.escape(name)}(?:-[A-Z][a-z]+)?\b"`
    (re.IGNORECASE) in `text`, as re.finditer finds them: a mention of
    `name` in any case, its double surname completed."""
    if not name.isascii():
        pattern = rf"(?<![\w-]){re.escape(name)}(?:-[A-Z][a-z]+)?\b"
        yield from (m.span() for m in re.finditer(pattern, text, re.IGNORECASE))
        return
    key, folded = name.lower(), _folded(text)
    start = folded.find(key)
    while start >= 0:
        rest = (
            _DOUBLE_SURNAME_REST.match(text, start + len(key))
            if _MENTION_START.match(text, start)
            else None
        )
        if rest is None:
            start = folded.find(key, start + 1)
        else:
            yield start, rest.end()
            start = folded.find(key, rest.end())  # the next match starts after this one


# "The Board elected Alisha Banerjee as an independent director": a name a
# naming verb appoints "as" a title.
_NAMING_VERB_BEFORE_NAME = re.compile(
    r"\b(?:appointed|named|elected|promoted|hired|appoints|names|elects|promotes|hires)[ ]+(?:(?:Mr|Ms|Mrs|Dr)\.?[ ]+)?$"
)

_AS_BEFORE_TITLE = re.compile(
    r"[ ]+as[ ]+(?:(?:the|a|an|its|our|their)[ ]+)?(?:(?:new|interim|acting|independent|non-employee)[ ]+)?"
)


def _titled_after(text: str, end: int) -> bool:
    """Whether "as" and a title follow the name ending at `end`."""
    as_ = _AS_BEFORE_TITLE.match(text, end)
    if as_ is None:
        return False
    first_word = _FIRST_WORD.match(text, as_.end())
    return JOB_TITLE.match(text, as_.end()) is not None or (
        first_word is not None and first_word.group().lower() in _TITLE_WORDS
    )


def _said_to_be_a_person(name: str, text: str) -> bool:
    """Whether a mention of `name` (its double surname completed) is
    followed by a person's age, title in parentheses, or appointment to a title."""
    for start, end in _mentions_in_any_case(name, text):
        if _AGE_AFTER_NAME.match(text, end):
            return True
        parenthesized = _PARENTHESIZED_AFTER_NAME.match(text, end)
        if parenthesized is not None and _is_title(parenthesized.group(1)):
            return True
        given = _GIVEN_A_TITLE_AFTER_NAME.match(text, end)
        if given is not None and JOB_TITLE.match(text, given.end()):
            return True
        if _NAMING_VERB_BEFORE_NAME.search(text, max(0, start - 30), start) and _titled_after(
            text, end
        ):
            return True
        if _stacked_over_a_title(text, start, end):
            return True
    return False


# "Mr. Strand", "MS. STRAND": an honorific, in any case, and the spaces
# after it, which end where a surname starts (found once per text).
_HONORIFICS_BEFORE_SURNAMES = ("Mr", "Ms", "Mrs", "Dr")

_HONORIFIC_BEFORE_SURNAME = re.compile(
    rf"\b(?:{'|'.join(_HONORIFICS_BEFORE_SURNAMES)})\.?[ ]+", re.IGNORECASE
)

_SURNAME_END = re.compile(r"\b(?!-)")


@lru_cache(maxsize=16)
def _after_honorifics(text: str) -> tuple[int, ...]:
    words = map(_folded, _HONORIFICS_BEFORE_SURNAMES)  # as the pattern, in any case
    honorifics = _matches_if_any(_HONORIFIC_BEFORE_SURNAME, text, *words, folded=True)
    return tuple(m.end() for m in honorifics)


def _honored(surname: str, text: str) -> bool:
    r"""Whether `rf"\b(?:Mr|Ms|Mrs|Dr)\.?[ ]+{re.escape(surname)}\b(?!-)"`
    (re.IGNORECASE) matches in `text`. A surname starts with no space."""
    if not surname.isascii():
        pattern = rf"\b(?:Mr|Ms|Mrs|Dr)\.?[ ]+{re.escape(surname)}\b(?!-)"
        return re.search(pattern, text, re.IGNORECASE) is not None
    key, folded = surname.lower(), _folded(text)
    return any(
        folded.startswith(key, start) and _SURNAME_END.match(text, start + len(key)) is not None
        for start in _after_honorifics(text)
    )


# A contact block stacks a person's name over their title: "Media Contact:\n
# Jane Roe\nDirector of Corporate Communications\n414-555-0137".
_LINE_BREAK_AFTER_NAME = re.compile(r"[^\S\n]*\n[^\S\n]*")

_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _stacked_over_a_title(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`-`end` fills its line and a title opens the next."""
    line_start = text.rfind("\n", 0, start) + 1
    below = _LINE_BREAK_AFTER_NAME.match(text, end)
    if text[line_start:start].strip() or below is None:
        return False
    first_word = _FIRST_WORD.match(text, below.end())
    return JOB_TITLE.match(text, below.end()) is not None or (
        first_word is not None and first_word.group().lower() in _TITLE_WORDS
    )


def _as_person_if_honored_aged_or_titled(ent: Span, text: str) -> Span:
    if ent.label_ not in ("ORG", "CUSTOMER", "ROLE"):
        return ent
    name = text[ent.start_char : ent.end_char]
    if not _PERSON_NAME_SHAPE.fullmatch(name.title() if name.isupper() else name):
        return ent
    # "the Board appointed Priya Raman as Chief Financial Officer", then "Ms.
    # Raman": an unseen name in the slot of an appointment can be taken for
    # the title; a title has a title's words, a name has none.
    if ent.label_ == "ROLE" and (
        JOB_TITLE.search(name)
        or any(_is_title(w) or w.title() in _TITLE_WORDS_BEFORE_A_NAME for w in name.split())
    ):
        return ent
    if HOLDS_LEGAL_FORM.search(name) or any(w.lower() in _BODY_WORDS for w in name.split()):
        return ent
    if not _honored(name.split()[-1], text) and not _said_to_be_a_person(name, text):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="PERSON")


# Slots only a person fills: the speaker of a quote with a title in
# apposition ("said Ann-Marie Colwell, Chair of the Board") and the one a
# new officer succeeds ("succeeds Marcus Feld, who is leaving"). A name of a
# person's shape there (a hyphenated given name too) that the recognizer
# missed is a PERSON.
_FULL_NAME = (
    rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?(?:[ ][A-Z]\.)?"
    rf"(?:[ ][{_UPPER}][{_LOWER}]*(?:['\u2019-][{_UPPER}]?[{_LOWER}]+)*){{1,2}}"
)

# A contact block's label at a line's start, and the words of an agency a
# contact line may give instead of a person ("Media: Acme Communications").
_CONTACT_LINE_LABEL = (
    r"(?m)^[ \t]*(?:CONTACTS?|(?:Investor|Media|Press)[ ]Contacts?|Contacts?|Investors|Media|(?:Investor|Media)[ ]Relations)"
    # A region after the label: "Media (Europe): Bettina Krauss, ...".
    r"(?:[ ]\([A-Z][\w .&-]{0,20}\))?"
)

_PERSON_SLOTS = (
    re.compile(rf"\bsaid[ ]({_FULL_NAME})(?={_HYPHENATED_REST_BEFORE_TITLE.pattern})"),
    # A contact line: "CONTACT: Bjorn Ahlquist, CFO, 612-555-0133",
    # "Investor Relations: Marisa Quellhorst, (918) 555-0150"; not an agency.
    re.compile(
        rf"{_CONTACT_LINE_LABEL}:[ \t]*(?![^,\n]*{_AGENCY_WORD})({_FULL_NAME})(?=,|[ \t]*$)"
    ),
    re.compile(rf"\b(?:succeeds|succeeding|succeeded)[ ]({_FULL_NAME})(?=[,.;]|[ ](?:who|as)\b)"),
)


# A signature block's signer: "By: /s/ Halvard Ostby", "/s/ Halvard Ostby" and
# "Name: Halvard Ostby", also where the block's lines were joined into one
# ("Date: March 3, 2025 By: /s/ Halvard Ostby Name: Halvard Ostby Title: ...").
_SIGNER = re.compile(
    rf"(?m)(?:^|(?<=[ \t]))(?:(?:By:[ \t]*)?/s/|Name:)[ \t]*({_FULL_NAME})(?=[ \t]*(?:$|(?:Name|Title|Date):))"
)


# "In connection with the Merger, Imogen Faraday-Lusk, the co-founder and
# Chief Executive Officer of Sorrento, joined the Company": a name that "the"
# (or "our", "its", "the Company's") and a title follow in apposition is a
# person's, a slot too. The name's capital first: see name_shapes._LETTER_AHEAD.
# Or a company's possessive: "Tomasz Okeke, Glasswing's Senior Vice President".
_NAME_BEFORE_APPOSITION = re.compile(
    rf"(?=[A-Z])(?:^|(?<=,[ ])|(?<=\n)|(?<=[a-z][ ]))({_FULL_NAME}),[ ](?:(?:the|our|its)[ ]"
    r"(?:(?:Company|Bank|Corporation|Partnership)['\u2019]s[ ])?|[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){0,3}['\u2019]s[ ])"
)

_FOUNDER = re.compile(r"(?:[Cc]o-)?[Ff]ounder\b")


# "Anneliese Varga-Morrow, President and Chief Executive Officer, and ...":
# a name opening its sentence with a bare title in apposition, closed by a
# comma, "and" or "of" (not "Acme Widgets, Chief Executive Officer Jane Doe
# said", where the title heads the next name).
# So after "currently" ("Ansel Kovacevic, currently Vice President of
# Finance, will succeed"), as the second of two names ("Tobias
# Achebe-Grant and Priyanka Oduya-Lindgren, Chief Financial Officer, will"),
# after "by" (a signer: "executed on behalf of Feldmark by Lorcan Mulrooney,
# Executive Vice President, Operations, and") or "that" ("announces that
# Nigel Pendarves, Group Finance Director, will"),
# after a comma or a verb naming people ("In the press release, Dorian
# Pellegrini, President and Chief Executive Officer of Gaskell Ridge,
# said", "quoted Janelle Okafor-Brandt, Vice President, Global Sourcing of").
_NAME_BEFORE_BARE_TITLE = re.compile(
    rf"(?:^|(?<=[.!?][ ])|(?<=[.!?][ ]{{2}})|(?<=\n)|(?<=,[ ]and[ ])|(?<=\w[ ]and[ ])|(?<=,[ ])"
    rf"|(?<=\bquoted[ ])|(?<=\bincluding[ ])|(?<=\bthanked[ ])|(?<=\bwelcomed[ ])|(?<=\bby[ ])|(?<=\bthat[ ]))({_FULL_NAME}),[ ]"
    r"(?:(?:currently|now|formerly)[ ])?(?=[A-Z])"
)

_AFTER_APPOSED_TITLE = re.compile(r",|[ ](?:and|of)[ ]")

# "Severin Achterhof, a Managing Director at Vantberg, said": a name that a
# capitalized title after "a" follows in apposition, held at an organization.
_NAME_BEFORE_TITLE_AT = re.compile(rf"(?<![\w&.'\u2019-])({_FULL_NAME}),[ ](?:a|an)[ ](?=[A-Z])")

_AT_AFTER_TITLE = re.compile(r"[ ](?:at|of|with)[ ]+(?:the[ ]+)?[A-Z]")


# "the Board appointed Tomasz Welling-Ortiz as Chief Financial Officer",
# "named Eli Marsh, currently Corvin's Chief Scientific Officer, as
# President": who is appointed to a title is a person. So who is elected
# "to serve as a director" or "to the Board" (an 8-K's item 5.02).
_APPOINTED_NAME = re.compile(
    rf"\b(?:appointed|appoints|appoint|named|names|elected|elects|promoted|promotes|hired|hires)[ ]({_FULL_NAME})"
    r"(?:[ ]as[ ](?:(?:the|its|our|a|an|interim|acting|new)[ ])*"
    r"|[ ]to[ ]serve[ ]as[ ](?:(?:an?[ ])?(?:director|member)\b|(?:(?:the|its|our|a|an|interim|acting)[ ])*)"
    r"|[ ]to[ ](?:the|its|our)[ ](?:Company['\u2019]s[ ])?Board\b"
    r"|,[ ](?:currently|formerly|previously|most[ ]recently|who|age[ ]\d|\d{2},))"
)


# "Noor Al-Haddad joined Orvella as Chief Financial Officer": who opens a
# sentence (or a bullet) by joining as a title is a person.
_JOINED_AS_NAME = re.compile(
    rf"(?:^|(?<=[.!?][ ])|(?<=[.!?][ ]{{2}})|(?<=\n)|(?<=[\n.][-\u2022*][ ])|(?<=[.!?][ ][-\u2022*][ ]))({_FULL_NAME})[ ]+(?:has[ ]+)?joined[ ]"
    r"[^.\n]{0,40}?[ ]as[ ](?:(?:the|its|our|a|an|interim|acting|new)[ ])*"
)

# A contact block whose label stands on its own line: "Contact:\nLayla
# Morcombe\nDirector, Investor Relations" (the name's line, then a title's).
_NAME_UNDER_CONTACT_LABEL = (
    rf"{_CONTACT_LINE_LABEL}:?[ \t]*\n[ \t]*(?![^\n]*{_AGENCY_WORD})({_FULL_NAME})"
)

_CONTACT_NAME_LINE = re.compile(rf"{_NAME_UNDER_CONTACT_LABEL}[ \t]*\n[ \t]*")

# Or with a telephone number after it: "Media:\nIngrid Solheim-Park, 612-555-0174".
_CONTACT_NAME_PHONE = re.compile(rf"{_NAME_UNDER_CONTACT_LABEL},?[ \t]+{PHONE_NUMBER}\b")

# Or the line under the name gives an address to write to or the agency
# that speaks for the company: "Media:\nJonah Featherstone\npress@acme.com",
# "Investor Contact:\nHannelore Pelletreau\nKeel Street Communications".
_CONTACT_DETAIL_LINE = re.compile(
    rf"[^\s@]+@[^\s@]+\.[a-z]{{2,}}[ \t]*(?:\n|$)|[^\n]*{_AGENCY_WORD}[ \t]*(?:\n|$)"
)

_TITLE_LINE = re.compile(rf"[^\n]*\b(?:{_CONTACT_TITLE_WORDS}|Relations)\b")


def _people_with_apposed_titles(text: str) -> list[tuple[int, int]]:
    found = [
        match.span(1)
        for match in _NAME_BEFORE_APPOSITION.finditer(text)
        if JOB_TITLE.match(text, match.end()) or _FOUNDER.match(text, match.end())
    ]
    for match in _matches_if_any(_APPOINTED_NAME, text, "ppoint", "name", "elect", "romot", "hire"):
        if (
            match.group().endswith(",")
            or not match.group().endswith(" ")
            or JOB_TITLE.match(text, match.end())
        ):
            found.append(match.span(1))
    for match in _NAME_BEFORE_BARE_TITLE.finditer(text):
        title = JOB_TITLE.match(text, match.end())
        # A function in a list of titles is no name: "Senior Vice President,
        # General Counsel, Human Resources, Corporate Secretary and ...".
        if (
            title
            and _AFTER_APPOSED_TITLE.match(text, title.end())
            and not _ENDS_IN_FUNCTION.search(match.group(1))
        ):
            found.append(match.span(1))
    for match in _NAME_BEFORE_TITLE_AT.finditer(text):
        title = JOB_TITLE.match(text, match.end())
        if title and _AT_AFTER_TITLE.match(text, title.end()):
            found.append(match.span(1))
    for match in _matches_if_any(_JOINED_AS_NAME, text, "joined"):
        if JOB_TITLE.match(text, match.end()):
            found.append(match.span(1))
    found.extend(
        match.span(1)
        for match in _CONTACT_NAME_LINE.finditer(text)
        if _TITLE_LINE.match(text, match.end()) or _CONTACT_DETAIL_LINE.match(text, match.end())
    )
    found.extend(match.span(1) for match in _CONTACT_NAME_PHONE.finditer(text))
    return found


# "Audit Committee: Walter Henninger (Chair), Denise Okafor, Paul Lindgren":
# a committee's line lists its members.
_COMMITTEE_NAME_WORD = r"(?:[A-Z][\w&-]*|and|of|&)"

_COMMITTEE_LINE = re.compile(
    rf"(?m)^[ \t]*(?:{_COMMITTEE_NAME_WORD}[ ]){{0,6}}Committees?:[ \t]*([^\n]+)$"
)

# The next committee's name, where the text reads the lines of a list as one
# ("... Rosalind Achebe-Frost Nominating and Governance Committee: ..."):
# its first word is no part of the member's name before it.
_NEXT_COMMITTEE = re.compile(rf"(?:[ ]{_COMMITTEE_NAME_WORD}){{0,6}}[ ]Committees?:")

_MEMBER = re.compile(
    rf"(?:^|(?<=,[ ])|(?<=[ ]and[ ])|(?<=Committee:[ ])|(?<=Committees:[ ]))({_FULL_NAME}(?:,?[ ](?:Jr\.|Sr\.|III|II|IV))?)"
    rf"(?=[ ]*(?:\([^()\n]{{1,30}}\))?[ ]*(?:,|[ ]and[ ]|$)|{_NEXT_COMMITTEE.pattern})"
)


def _committee_members(text: str) -> list[tuple[int, int]]:
    members = []
    for line in _matches_if_any(_COMMITTEE_LINE, text, "Committee"):
        for member in _MEMBER.finditer(line.group(1)):
            start, end = line.start(1) + member.start(1), line.start(1) + member.end(1)
            last_word = text.rfind(" ", start, end)
            if last_word > start and _NEXT_COMMITTEE.match(text, last_word):
                end = last_word
            members.append((start, end))
    return members


def _add_people_in_person_slots(
    doc: Doc, text: str, ents: list[Span], terms: frozenset[str]
) -> list[Span]:
    slots = [
        match.span(1) for slot in _PERSON_SLOTS for match in slot.finditer(text)
    ] + _committee_members(text)
    for start, end in slots:
        if HOLDS_LEGAL_FORM.search(text[start:end]):
            continue
        # A piece of the name the recognizer took alone ("Anil" of "said Anil
        # Deshpande-Rowe, President") gives way to the whole.
        ents = [
            e
            for e in ents
            if not (e.label_ == "PERSON" and start <= e.start_char and e.end_char < end)
        ]
        if any((e.start_char, e.end_char, e.label_) == (start, end, "ORG") for e in ents):
            # "Investor Relations: Natasha Greer, Director of Investor Relations":
            # the slot is a person's, whatever the recognizer said.
            ents = _relabel_or_add(doc, ents, start, end, "PERSON", from_label="ORG")
        else:
            ents = _add_if_plausible(doc, ents, start, end, text, terms, label="PERSON")
    # A name with a title in apposition, or a signer, is a person's even where
    # the recognizer took it for a company ("Beatrix Holloway, the Company's
    # Chief Executive Officer"; a signer whose given name it does not know).
    signers = [match.span(1) for match in _SIGNER.finditer(text)]
    for start, end in _people_with_apposed_titles(text) + signers:
        if HOLDS_LEGAL_FORM.search(text[start:end]):
            continue
        # A piece of the name the recognizer took for a company ("Anneliese
        # Varga" of "Anneliese Varga-Morrow", "Ince-Kovacs" of "Bartholomew
        # Ince-Kovacs", and the given name it then took alone) gives way to the whole.
        ents = [
            e
            for e in ents
            if not (
                e.label_ in ("ORG", "PERSON")
                and start <= e.start_char
                and e.end_char <= end
                and e.end_char - e.start_char < end - start
            )
        ]
        # "said Percival Harkness, Helmstead's chief executive officer": the
        # recognizer ran the name on over the comma into the company's; the
        # company is what follows the comma.
        for e in [
            e
            for e in ents
            if e.label_ in ("ORG", "CUSTOMER") and e.start_char == start and e.end_char > end + 2
        ]:
            if (
                text.startswith(", ", end)
                and (rest := doc.char_span(end + 2, e.end_char, label=e.label_)) is not None
            ):
                ents = [o for o in ents if o is not e] + [rest]
        if any((e.start_char, e.end_char, e.label_) == (start, end, "ORG") for e in ents):
            ents = _relabel_or_add(doc, ents, start, end, "PERSON", from_label="ORG")
        else:
            ents = _add_if_plausible(doc, ents, start, end, text, terms, label="PERSON")
    return ents


def _as_person_if_said_with_title(ent: Span, text: str) -> Span:
    if ent.label_ not in ("ORG", "CUSTOMER") or not _SAID_BEFORE.search(
        text, max(0, ent.start_char - 5), ent.start_char
    ):
        return ent
    after = _HYPHENATED_REST_BEFORE_TITLE.match(text, ent.end_char)
    if after is None:
        return ent
    end = ent.end_char + len(after.group(1) or "")
    if not _PERSON_NAME_SHAPE.fullmatch(text, ent.start_char, end) or HOLDS_LEGAL_FORM.search(
        text[ent.start_char : end]
    ):
        return ent
    person = ent.doc.char_span(ent.start_char, end, label="PERSON")
    return ent if person is None else person
