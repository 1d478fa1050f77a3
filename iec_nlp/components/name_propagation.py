"""A release names the same entity many times: once a name is recognized,
its other mentions are the same entity (`Nortech Systems Incorporated` ->
`Nortech Systems`, `Nortech`, `NORTECH`; `W. Barry Gilbert` -> `Gilbert`).
A longer known name wins over a shorter guess inside it, a short mention
takes the kind of its full name, and an organization's names also reach
the release's later chunks (`name_forms`, `propagate_known_names`)."""

from __future__ import annotations

import re

from spacy.attrs import IDX, IS_SPACE, LOWER
from spacy.tokens import Doc, Span, Token

from ..text import doc_text
from .name_plausibility import (
    _ACRONYM_NAME,
    _ACT_AFTER_NAME,
    _AFTER_COMPOUND_PART,
    _AFTER_SLASH_OR_PERCENT,
    _COUNTRIES,
    _DEMONYMS,
    _FACILITY_AFTER,
    _FOLLOWED_BY_STATE,
    _IN_COMPOUND,
    _MARKED_BEFORE_WORD,
    _OPENS_TRADEMARKED_NAME,
    _PRODUCT_CODE,
    _SITE_WORD_AFTER,
    _STANDARD_NUMBER_AFTER,
    _TABLE_ROW_AFTER,
    _WEB_PAGE_AFTER,
    _in_ticker_notation,
    _is_counted,
    _is_declared_mark,
    _names_a_product,
    _names_an_index_or_event,
    _opens_document_name,
    _reads_as_running_text,
    in_dateline_city,
)
from .name_shapes import (
    _LEGAL_FORM,
    _LOWER_CASE_WORD,
    _NAME_LABELS,
    _STATE_NAME,
    COMPANY_KIND_WORDS,
    JOB_TITLE,
)

_NAME_SUFFIX = re.compile(rf",?\s+{_LEGAL_FORM}$")
_COMPANY_KIND_AT_END = re.compile(
    r"[ ](?:Bancorp|Bancshares|Holdings|Partners|Group|Technologies|Systems|Industries|Enterprises|Brands|Financial)$"
)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?[ ]$")
# Words that never stand for the name they open: "U.S." of "U.S. Bank National
# Association" is the country in "U.S. hospitals".
_STOP = {
    "the",
    "company",
    "inc",
    "corp",
    "group",
    "and",
    "of",
    "mr",
    "ms",
    "dr",
    "jr",
    "sr",
    "u.s.",
    "u.s",
}


def _surface_forms(span: Span) -> list[tuple[str, ...]]:
    """Token sequences (lower-cased) that name the same entity as `span`.

    Forms are token sequences because propagation matches tokens:
    "Giga-tronics" is three tokens, not one word.
    """
    tokens = [t for t in span if not t.is_space]
    words = [t.text for t in tokens]
    forms = [tuple(w.lower() for w in words)]
    if span.label_ == "PERSON" and len(words) >= 2:
        last = (
            words[-1]
            if words[-1].rstrip(".").lower() not in {"jr", "sr", "ii", "iii"}
            else words[-2]
        )
        forms.append((last.lower(),))
        # A hyphenated surname is three tokens: "Velasquez-Holt" of "Adrian K.
        # Velasquez-Holt" (not "Holt" alone, which the form above gives).
        if (
            len(words) >= 4
            and words[-2] == "-"
            and last == words[-1]
            and not tokens[-3].whitespace_
            and not tokens[-2].whitespace_
        ):
            forms.append(tuple(w.lower() for w in words[-3:]))
        # The given name after any initials: "Rick" of "N. E. Rick Strandlund".
        first = next((w for w in words[:-1] if not w.endswith(".")), words[0])
        if len(first) > 2 and not first.endswith("."):
            forms.append((first.lower(),))
            forms.append((first.lower(), last.lower()))
    if span.label_ in ("ORG", "CUSTOMER"):
        stripped = _NAME_SUFFIX.sub("", span.text)
        if len(stripped) < len(span.text) and stripped.split():
            # "Nortech Systems" of "Nortech Systems Incorporated", and the
            # company's short name, its first word: "IEC" of "IEC
            # Electronics Corp.", "Giga-tronics" of "Giga-tronics Incorporated".
            forms.append(_tokens_before(tokens, span.start_char + len(stripped)))
            first_word = stripped.split()[0]
            # Not a country, state or people: "Israel" of "Israel Electric
            # Corporation" stays the place of "YOKNEAM, Israel".
            if (
                first_word[0].isupper()
                and first_word.lower() not in _STOP
                and not _names_a_place(first_word)
            ):
                forms.extend(_leading_words(tokens, span.start_char, stripped))
                forms.append(
                    _tokens_before(
                        tokens, span.start_char + stripped.index(first_word) + len(first_word)
                    )
                )
            # A partnership's short name keeps both partners: "Babcock & Wilcox"
            # of "Babcock & Wilcox Enterprises, Inc." (longer forms match first).
            partners = _PARTNERS_FIRST.match(stripped)
            if partners:
                forms.append(_tokens_before(tokens, span.start_char + partners.end()))
        elif (
            institution := _INSTITUTION_AFTER_FIRST_WORD.match(span.text)
        ) and not _cannot_stand_for_institution(institution.group(1), doc_text(span.doc)):
            forms.append(_tokens_before(tokens, span.start_char + institution.end(1)))
        elif (
            company := _COMPANY_AFTER_FIRST_WORD.fullmatch(span.text)
        ) and not _cannot_stand_for_institution(company.group(1), doc_text(span.doc)):
            forms.append(_tokens_before(tokens, span.start_char + company.end(1)))
        elif (body := _MEMBER_BODY.fullmatch(span.text)) and not _cannot_stand_for_body(
            body.group(1), doc_text(span.doc)
        ):
            forms.append(_tokens_before(tokens, span.start_char + body.end(1)))
        # "Quorvex Energy" of "Quorvex Energy Partners": a company is called by
        # its name without the word of its kind (two words at least are left).
        if (kind := _COMPANY_KIND_AT_END.search(stripped)) and len(
            stripped[: kind.start()].split()
        ) >= 2:
            forms.append(_tokens_before(tokens, span.start_char + kind.start()))
    return [f for f in forms if f and not (len(f) == 1 and (f[0] in _STOP or len(f[0]) < 2))]


# A university or hospital is called by its first word once named in full:
# "Erasmus" of "Erasmus University Medical Center Rotterdam", "Mayo" of "Mayo
# Clinic", a hyphenated name too ("Hollins-Ashby" of "Hollins-Ashby
# University"). Not a word that describes the institution ("State College",
# "National University", "Children's Hospital"), nor one the release also
# writes as a place ("Boston University" ... "offices in Boston").
_INSTITUTION_KIND = r"(?:University|College|Hospital|Clinic|Medical[ ]Center|Institute)\b"
_INSTITUTION_AFTER_FIRST_WORD = re.compile(
    rf"([A-Z][a-z]{{2,}}(?:-[A-Z][a-z]{{2,}})?)[ ]{_INSTITUTION_KIND}"
)
_DESCRIPTIVE_FIRST_WORDS = frozenset(
    "North South East West Central Western Eastern Northern Southern Midwest Pacific Atlantic National State "
    "Federal Community Technical International Memorial General Regional City County Veterans Public "
    "Catholic Christian Methodist Baptist Lutheran Royal Imperial Polytechnic Military Naval Medical".split()
)


# A company named without its legal form is also called by its first word:
# "Ardent" of "Ardent Medical Systems", "Kell" of "Kell Instruments"; under
# the same conditions as an institution ("Pacific Medical Systems" is not
# "Pacific"): a name of one or two words and the word that says what the
# company does.
# Not a firm named after its founder, whose first word is the founder's
# surname as well: "Ashcombe" of "Ashcombe Partners" is Devin Ashcombe.
_FOUNDERS_FIRM = r"(?!(?:Partners|Capital|Advisors|Financial|Insurance|Bancorp|Lines|Enterprises|Brands|Cooperative)\b)"
_COMPANY_AFTER_FIRST_WORD = re.compile(
    rf"([A-Z][a-z]{{2,}})(?:[ ][A-Z][a-z]+)?[ ]{_FOUNDERS_FIRM}{COMPANY_KIND_WORDS}"
)


# A cooperative, credit union, health system or district is called by the
# words before its kind once named in full: "Great Plains" of "Great Plains
# Electric Cooperative", "Pine Hollow" of "Pine Hollow Federal Credit Union",
# "Tri-County" of "Tri-County Electric Cooperative". Not words that name a
# place or describe the body ("New York City Transit Authority" is not "New
# York City"; "Metropolitan Transportation Authority" is not "Metropolitan").
_MEMBER_BODY = re.compile(
    r"((?:St\.[ ])?[A-Z][\w'\u2019-]+(?:[ ][A-Z][\w'\u2019-]+)?)[ ]"
    r"(?:(?:Electric|Rural[ ]Electric|Telephone|Water|Power|Federal|Community)[ ])?"
    r"(?:Cooperative|Co-op|Membership[ ]Corporation|Credit[ ]Union|Health[ ]System|Health[ ]Plan|"
    r"(?:Utility|School|Water|Irrigation)[ ]District)"
)
_PLACE_OR_KIND_LAST_WORDS = frozenset(
    "City County State Transportation Transit Regional Area Metropolitan Public Health Medical".split()
)


def _cannot_stand_for_body(words: str, text: str) -> bool:
    """Whether the words before a body's kind cannot name it alone: a place
    or a describing word, and one word only as `_cannot_stand_for_institution`
    allows ("Western Plains" may, "Western" may not)."""
    if words.split()[-1] in _PLACE_OR_KIND_LAST_WORDS or len(words) < 4:
        return True
    return _cannot_stand_for_institution(words, text)


def _names_a_place(word: str) -> bool:
    return word in _DEMONYMS or bool(_STATE_NAME.fullmatch(word) or re.fullmatch(_COUNTRIES, word))


def _cannot_stand_for_institution(word: str, text: str) -> bool:
    if word in _DESCRIPTIVE_FIRST_WORDS or _names_a_place(word):
        return True
    # Written as a place ("offices in Boston"), not as the first word of a
    # longer name ("an order from Vantor Rail Systems", "Boston University").
    # Not a modifier in a compound: "a write-down of Anselmo-specific inventory".
    return re.search(rf"\b(?:in|near|from|of)[ ]{word}\b(?![ ]+[A-Z])(?!-)", text) is not None


_PARTNERS_FIRST = re.compile(r"\s*[A-Z][\w'\u2019-]*[ ]&[ ][A-Z][\w'\u2019-]*(?=[ ])")


# "Marlowe Ridge" of "Marlowe Ridge Bancorp, Inc.": a company goes by its
# first words as well as its first word, each a form of its own so that
# "joined Marlowe Ridge" is not cut to "Marlowe" (longer forms match first).
# Not a form that ends in a joining word ("Bank of").
_LEADING_WORDS = re.compile(r"(?<=\S)[ ](?=[A-Z])")
_JOINING_WORD_END = re.compile(r"(?:\b(?:of|and|for|the)|[ ]&)$", re.IGNORECASE)


def _leading_words(tokens: list[Token], start_char: int, stripped: str) -> list[tuple[str, ...]]:
    """The forms of two words or more that open `stripped` and end before a capital."""
    ends = [
        m.start() for m in _LEADING_WORDS.finditer(stripped.strip(), stripped.strip().find(" ") + 1)
    ]
    return [
        _tokens_before(tokens, start_char + end)
        for end in ends
        if not _JOINING_WORD_END.search(stripped, 0, end)
    ]


def _tokens_before(tokens: list[Token], end_char: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in tokens if t.idx + len(t) <= end_char)


# Token forms (lower-cased) of a release's names, with their labels.
NameForms = dict[tuple[str, ...], str]


def name_forms(ents: list[Span]) -> NameForms:
    """The forms under which the people and organizations among `ents` may be
    mentioned again (full names and their short forms), longer names first."""
    forms: NameForms = {}
    for ent in sorted(ents, key=lambda e: -len(e)):
        if ent.label_ in _NAME_LABELS:
            for form in _surface_forms(ent):
                forms.setdefault(form, ent.label_)
    return forms


def propagate_known_names(doc: Doc, known: NameForms) -> list[Span]:
    """`doc`'s entities with the mentions of names that an earlier chunk of
    the same release found, under the chunk's own propagation rules; a
    shorter guess inside such a mention ("Acme" of "Acme Widget") gives way
    to it, as within a chunk.

    Propagation runs per chunk of the pipeline; a long release names a
    company in full at the top and by its short name pages later, in a
    chunk where nothing says it is a name (pipeline._ExtractionBuilder).
    """
    return sorted(
        _propagate(doc, doc_text(doc), list(doc.ents), known=known), key=lambda e: e.start
    )


def _propagate(
    doc: Doc,
    text: str,
    ents: list[Span],
    short_names: list[Span] | None = None,
    known: NameForms | None = None,
) -> list[Span]:
    """Label the other mentions of every recognized person and organization
    (and of the `known` names of earlier chunks)."""
    forms: NameForms = {}
    # Forms taken from a longer name ("Gromer" of "Juergen W. Gromer"), or
    # defined as its short form ("James River" of 'James River Group
    # Holdings, Ltd. ("James River")'): these also decide between person and
    # organization for a mention the recognizer labeled the other way.
    from_full_name: set[tuple[str, ...]] = set()
    for short in short_names or ():
        form = tuple(t.lower_ for t in short if not t.is_space)
        forms.setdefault(form, short.label_)
        from_full_name.add(form)
    for ent in sorted(ents, key=lambda e: -len(e)):
        if ent.label_ in _NAME_LABELS:
            for form in _surface_forms(ent):
                if form not in forms:
                    forms[form] = ent.label_
                    if len(form) < len([t for t in ent if not t.is_space]):
                        from_full_name.add(form)
    for form, label in (known or {}).items():
        forms.setdefault(form, label)
    if not forms:
        return ents
    # Forms by their first word, longest first: only tokens that can start a
    # form are looked at, which keeps this linear and cheap on long texts.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form)
    owner = {i: e for e in ents for i in range(e.start, e.end)}
    # Token attributes as arrays: making a Token object per word costs more
    # than the whole search.
    # Read as Python lists once: indexing the array per token (numpy scalars)
    # costs more than the lookups themselves.
    is_space, lower, idx = doc.to_array([IS_SPACE, LOWER, IDX]).T.tolist()
    positions = [i for i, space in enumerate(is_space) if not space]
    strings = doc.vocab.strings
    lowered = [strings[lower[i]] for i in positions]
    # The words a form starts with, where a name can start: with a capital or
    # a digit ("3D Systems"), not a letter in lower case.
    form_starts = [
        k
        for k, word in enumerate(lowered)
        if word in by_first and not text[idx[positions[k]]].islower()
    ]
    replaced: set[Span] = set()
    added = []
    free = 0  # the first word after the mentions labeled so far
    for i in form_starts:
        if i < free:
            continue
        for form in by_first[lowered[i]]:
            n = len(form)
            if tuple(lowered[i : i + n]) != form:
                continue
            start, end = positions[i], positions[i + n - 1] + 1
            inside = {owner[j] for j in range(start, end) if j in owner}
            # A longer known name wins over a shorter guess within it
            # ("Giga" taken for a PERSON inside "Giga-tronics"); any other
            # overlap means this mention was already decided.
            if any(e.start < start or e.end > end for e in inside):
                opened = _opened_by_known_name(doc, inside, start, end, forms[form])
                if opened is not None:
                    replaced |= inside
                    added.append(opened)
                    owner.update((j, opened) for j in range(opened.start, opened.end))
                    free = i + n
                    break
                continue
            same = next((e for e in inside if (e.start, e.end) == (start, end)), None)
            if same is not None:
                # Already labeled: kept, unless a full name of the release says
                # person where the recognizer said organization, or the reverse,
                # or a name the release gives an organization was taken for a
                # title ("a General Motors Supplier of the Year").
                other_kind = (same.label_ == "PERSON") != (forms[form] == "PERSON")
                title_for_name = (
                    same.label_ == "ROLE"
                    and forms[form] != "PERSON"
                    and not JOB_TITLE.fullmatch(
                        text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
                    )
                )
                if not (form in from_full_name and other_kind) and not title_for_name:
                    continue
            start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            if _in_ticker_notation(text, start_char, end_char):
                continue
            if _opens_document_name(text, start_char, end_char) or _IN_COMPOUND.match(
                text, end_char
            ):
                continue  # "the Greenfield CIC Agreement", "Sears-branded stores": no mention of the name
            if _AFTER_COMPOUND_PART.search(
                text, max(0, start_char - 12), start_char
            ) or _AFTER_SLASH_OR_PERCENT.search(text, max(0, start_char - 2), start_char):
                continue  # "Safety-Sponge System", "Asia/Pacific"
            if (
                _FOLLOWED_BY_STATE.match(text, end_char)
                or _FACILITY_AFTER.match(text, end_char)
                or _SITE_WORD_AFTER.match(text, end_char)
            ):
                continue  # "FRANKLIN, Tenn.", "the Sears Tower", "the Blue Heron Solar Project": places, not companies
            if forms[form] != "PERSON" and in_dateline_city(text, start_char, end_char):
                continue  # "GRAND" of "GRAND RAPIDS, Mich., Nov. 1" (Grand Meridian Health named later): the dateline's city
            if _ACT_AFTER_NAME.match(text, end_char):
                continue  # "American" of "the American Recovery and Reinvestment Act": a law's name
            if forms[form] != "PERSON" and _WEB_PAGE_AFTER.match(text, end_char):
                continue  # "SEC" of "clicking on SEC Filings": a page of a website
            if forms[form] != "PERSON" and _HONORIFIC_BEFORE.search(
                text, max(0, start_char - 6), start_char
            ):
                continue  # "said Mr. Brennagh" of Brennagh Logistics: the founder, not the company
            if forms[form] != "PERSON" and _TABLE_ROW_AFTER.match(text, end_char):
                continue  # "Energy & Transportation 4,507 333": a table row's label, not a nominee's
            if forms[form] != "PERSON" and (
                _MARKED_BEFORE_WORD.match(text, end_char)
                or _OPENS_TRADEMARKED_NAME.match(text, end_char)
                or _names_a_product(text[start_char:end_char], text, end_char)
                or _is_declared_mark(text[start_char:end_char], text, start_char)
                or _names_an_index_or_event(text[start_char:end_char], text, end_char)
                or _PRODUCT_CODE.fullmatch(text, start_char, end_char)
                or _is_counted(text[start_char:end_char], text, start_char)
                or (
                    _ACRONYM_NAME.fullmatch(text, start_char, end_char)
                    and _STANDARD_NUMBER_AFTER.match(text, end_char)
                )
            ):
                continue  # "HORIZON(R) batteries", "SurgiCount products", "Quillon Atlas" (a declared mark), "ISO 9001": a product or standard
            if (
                form in from_full_name
                and forms[form] != "PERSON"
                and _opens_brand_name(text, end_char)
            ):
                continue  # "Lakemont Classic soups", "Ridgeway Select hotels": the company's brand, not the company
            if _reads_as_running_text(text[start_char:end_char], forms[form], end - start, text):
                continue  # "Special charges", "System" are no mentions of "Special Charges", "Sponge System"
            if forms[form] != "PERSON" and (longer := _inside_longer_name(text, start_char)):
                # "APR" in "the AMA with New APR Energy" is a word of a longer
                # name: the mention is that name, if no other entity holds it.
                words_after = _NAME_WORDS_AFTER.match(text, end_char)
                assert words_after is not None  # zero words match too: never None
                widened = doc.char_span(longer, end_char + words_after.end() - end_char)
                if widened is None or any(
                    j in owner and owner[j] not in inside for j in range(widened.start, widened.end)
                ):
                    continue
                start, end, start_char, end_char = (
                    widened.start,
                    widened.end,
                    widened.start_char,
                    widened.end_char,
                )
            replaced |= inside
            span = Span(doc, start, end, label=forms[form])
            added.append(span)
            owner.update((j, span) for j in range(start, end))
            free = i + n
            break
    return [e for e in ents if e not in replaced] + added


def _opened_by_known_name(
    doc: Doc, inside: set[Span], start: int, end: int, label: str
) -> Span | None:
    """The organization a known name opens where the recognizer took only its
    end: "ROCK OF AGES CORPORATION" read as "AGES CORPORATION" in a release
    that names "Rock of Ages" (a capitals line cut at its "OF"). The known
    name runs into the organization's first words, so they are one name."""
    if len(inside) != 1 or label not in ("ORG", "CUSTOMER"):
        return None
    ent = next(iter(inside))
    if ent.label_ not in ("ORG", "CUSTOMER") or not start < ent.start < end <= ent.end:
        return None
    return Span(doc, start, ent.end, label=ent.label_)


# A company's short name opens the names of its brands and programs:
# "Lakemont Classic soups", "the Copperline Visa card", "Cobalt Card
# members". Read where the capitalized words go on to a noun in lower case
# in running text; not a title ("Acme Chairman said"), nor the company's
# own board or investors ("the Acme Board of Directors").
_BRAND_WORDS_AFTER = re.compile(
    r"[ ](?!(?:Board|Investors?|Shareholders|Stockholders|Annual|Common|Stock)\b)[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ]"
    r"(?!(?:of|and|or|to|in|for|on|at|with|as|by|from|is|are|was|were|has|have|had|will|would|said|says|added|"
    r"noted|announced|the|a|an)\b)[a-z]{3,}"
)


def _opens_brand_name(text: str, end: int) -> bool:
    """Whether the name ending at `end` opens a brand's name, in running text."""
    if not _BRAND_WORDS_AFTER.match(text, end) or JOB_TITLE.match(text, end + 1):
        return False
    line_start = text.rfind("\n", 0, end) + 1
    return bool(_LOWER_CASE_WORD.search(text, line_start, end))


# A capitalized word between a word in lower case and the name, in running
# text: "with New APR", "to Old Dominion". A short form ("APR") found there
# is part of a longer name. In a headline every word is capitalized ("Proposals
# and Increases AS&E's Award"), so the line must read as running text before:
# a word in lower case of four letters or more.
_WORD_BEFORE_NAME = re.compile(r"\b[a-z]+[ ]((?!The\b)[A-Z][a-z]+)[ ]$")
# The capitalized words that go on after it: "New APR Energy".
_NAME_WORDS_AFTER = re.compile(r"(?:[ ][A-Z][a-z]+\b(?!['\u2019]))*")


def _inside_longer_name(text: str, start: int) -> int | None:
    """Where the longer name that a name at `start` ends begins, if one does."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _WORD_BEFORE_NAME.search(text, max(line_start, start - 40), start)
    if before and _LOWER_CASE_WORD.search(text, line_start, before.start()):
        return before.start(1)
    return None
