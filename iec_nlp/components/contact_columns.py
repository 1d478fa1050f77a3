"""Contact blocks: the agency a contact's name stands under, and contacts
set side by side in columns.

A release's contact block names people, their titles, departments and
firms line by line. Two shapes need the text as filed: an agency's or
department's heading above a contact's name ("Investor Relations:" over
"Jane Roe, Acme IR") says what the capitalized line is, and contacts set in
columns ("Jane Roe      John Doe" over "Acme Corp.      Beta IR") are read
cell by cell, which the flowed text has run together. Part of
`iec_entity_rules` (`entity_rules`).
"""

from __future__ import annotations

import re
from typing import cast

from spacy.tokens import Doc, Span

from ..text import COLUMN_GAP, FiledLayout, filed_lines, line_cells
from .name_shapes import _PERSON_NAME_SHAPE, HOLDS_LEGAL_FORM, JOB_TITLE, PHONE_NUMBER
from .span_edits import _in_place_of_overlapping

_AGENCY_WORD = (
    r"\b(?:Communications|Relations|Group|Partners|Associates|Advisors|Consulting|Agency)\b"
)

_CONTACT_TITLE_WORDS = r"Director|Manager|Officer|President|Head|Chief|Treasurer|Controller|Counsel|Secretary|C[EF]O|VP"


# A contact block names the investor relations agency on the line under its
# contact's name: "Warren Djerf\nBrookside Communications Group\n(612)
# ...", "Kirsten Chapman\nLippert/Heilshorn & Associates". The line is the
# agency's name, whatever the recognizer took of it (a title, a piece); a
# department ("Corporate Communications", "Investor Relations") is the
# contact's title.
_AGENCY_LINE = re.compile(
    r"\n[ \t]*(?:The[ ])?((?!(?:Corporate|Investor|Public|Media|Marketing|External|Internal|Global|Strategic|Financial)\b)"
    r"[A-Z][\w'\u2019.&/-]*(?:[ ](?:[A-Z][\w'\u2019.&/-]*|&)){0,4}[ ](?:Communications|Group|Partners|Associates|Advisors|"
    # (a telephone number the reader joined to the line may follow)
    rf"Consulting|Agency|IR|Relations)(?:,?[ ](?:Inc|LLC|Ltd)\.?)?)[ \t]*(?=\n|$|{PHONE_NUMBER})"
)


# A company's own department in a contact block, as a heading or a cell:
# "Investor Relations", "Shareholder Relations", "Public Affairs".
_DEPARTMENT = r"(?:Investor|Shareholder|Media|Public|Corporate|Financial)[ ](?:Relations|Communications|Affairs)"
_DEPARTMENT_NAME = re.compile(_DEPARTMENT)

# A contact block's heading above its first name, after a blank line:
# "\n\nInvestor Relations\nTorin Farrelly, Vice President" (a department,
# no one's title), "\n\nBrightgate Investor Relations\nKevin Lam" (the agency).
# (Or after an "or" line between two contacts: "...\nor\nCobbold Investor Relations\nDominic Sarafian".)
_HEADING_LINE_ABOVE = re.compile(
    r"(?:^|\n[ \t]*\n|\n[ \t]*or[ \t]*\n)[ \t]*([^\n]+?)[ \t]*\n[ \t]*$"
)


def _agencies_under_contact_names(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    for person in [e for e in ents if e.label_ == "PERSON"]:
        line_start = text.rfind("\n", 0, person.start_char) + 1
        above = (
            _HEADING_LINE_ABOVE.search(text, max(0, line_start - 80), line_start)
            if line_start
            else None
        )
        if above is None or text[line_start : person.start_char].strip():
            continue
        start, end = above.span(1)
        if _DEPARTMENT_NAME.fullmatch(above.group(1)):
            ents = [
                e
                for e in ents
                if not (e.label_ == "ROLE" and (e.start_char, e.end_char) == (start, end))
            ]
        elif (agency := _AGENCY_LINE.fullmatch("\n" + above.group(1))) and not JOB_TITLE.search(
            agency.group(1)
        ):
            span = doc.char_span(
                start + agency.start(1) - 1, start + agency.end(1) - 1, label="ORG"
            )
            if span is not None:
                ents = _in_place_of_overlapping(ents, span)
    for contact in [e for e in ents if e.label_ in ("PERSON", "ORG")]:
        line_start = text.rfind("\n", 0, contact.start_char) + 1
        if text[line_start : contact.start_char].strip():
            continue
        agency = _AGENCY_LINE.match(text, contact.end_char)
        if agency is None or JOB_TITLE.search(agency.group(1)):
            continue
        name = text[contact.start_char : contact.end_char]
        if contact.label_ == "ORG":
            # "Ilan Friedlander\nCardo Hill Partners": a name of a person's
            # shape over the agency is its contact, whom the recognizer took for a company.
            if (
                not _PERSON_NAME_SHAPE.fullmatch(name)
                or HOLDS_LEGAL_FORM.search(name)
                or re.search(_AGENCY_WORD, name)
            ):
                continue
            ents = [e for e in ents if e is not contact] + [
                Span(doc, contact.start, contact.end, label="PERSON")
            ]
        span = doc.char_span(*agency.span(1), label="ORG")
        if span is not None:
            ents = _in_place_of_overlapping(ents, span)
    return ents


# Two contacts side by side, as filed ("Contacts:" over "Monica Jurado
# Brett Kowalski" over "Chief Financial Officer     Investor Relations" over
# "Polwarth Thermal Systems, Inc.     Bridgewell Communications"): the
# model's text runs the columns together, so the block is read from the
# layout. A line of two or more cells, each a name of a person's shape (a
# "Contact:" label may open it), over a line of as many cells, each a title
# or a company, is such a block; down to a blank line, a cell is one title
# (with its scope after a comma: "Vice President, Investor Relations"), a
# department in the title slot ("Investor Relations"), the company's own
# department ("Oracle Investor Relations": ORG "Oracle", ROLE "Investor
# Relations") or a company or agency ("Addo Investor Relations"). A cell of
# two titles ("President and CEO") is left as the recognizer read it.
_CONTACT_LABEL_CELL = re.compile(
    r"(?:CONTACTS?|(?:Investor|Media|Press)[ ]Contacts?|Contacts?|Investors|Media)[ \t]*:[ \t]*"
)


_TITLE_WITH_SCOPE_CELL = re.compile(
    rf"(?:[A-Z][\w-]*[ ]){{0,3}}(?:Director|Manager|Officer|President|Head|Treasurer|Controller|Secretary|Counsel),[ ]{_DEPARTMENT}"
)

_OWN_DEPARTMENT_CELL = re.compile(
    rf"([A-Z][\w&.'\u2019-]*(?:[ ][A-Z][\w&.'\u2019-]*){{0,2}})[ ]({_DEPARTMENT})"
)

_COMPANY_CELL = re.compile(r"[A-Z][\w&.,'\u2019-]*(?:[ ][A-Z&][\w&.,'\u2019-]*){0,5}")

# A cell holding a title word (those of a contact's title line, `_TITLE_LINE`,
# but for "Relations": a cell that holds it and no company is no title).
_TITLES_CELL = re.compile(rf"[^\n]*\b(?:{_CONTACT_TITLE_WORDS})\b[^\n]*")


def _contact_cell(cell: str, names_elsewhere: set[str]) -> list[tuple[int, int, str]] | None:
    """The entities of one cell under a contact's name (offsets in the cell);
    none for titles left as the recognizer read them ("President and CEO", a
    title wrapped over two lines); None for a cell of no contact block."""
    if (
        JOB_TITLE.fullmatch(cell)
        or _TITLE_WITH_SCOPE_CELL.fullmatch(cell)
        or _DEPARTMENT_NAME.fullmatch(cell)
    ):
        return [(0, len(cell), "ROLE")]
    own = _OWN_DEPARTMENT_CELL.fullmatch(cell)
    if own and any(
        n == own.group(1) or n.startswith((own.group(1) + " ", own.group(1) + ","))
        for n in names_elsewhere
    ):
        return [(*own.span(1), "ORG"), (*own.span(2), "ROLE")]
    if (
        own or HOLDS_LEGAL_FORM.search(cell) or re.search(_AGENCY_WORD, cell)
    ) and _COMPANY_CELL.fullmatch(cell):
        return [(0, len(cell), "ORG")]
    if _TITLES_CELL.fullmatch(cell):
        return []
    return None


def _is_contact_name(line: str, start: int, end: int) -> bool:
    """A cell holding a name of a person's shape, no title or company."""
    cell = line[start:end]
    return bool(_PERSON_NAME_SHAPE.fullmatch(cell)) and _contact_cell(cell, set()) is None


def _contacts_in_columns(filed: str, names_elsewhere: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) in the filed text of each name, title and company
    of the contact blocks set in columns."""
    found: list[tuple[int, int, str]] = []
    filed_by_line = filed_lines(filed)
    lines = [line.text for line in filed_by_line]
    starts = [line.start for line in filed_by_line]
    block_end = 0
    for n, line in enumerate(lines[:-1]):
        if n < block_end or not COLUMN_GAP.search(line.strip()):
            continue
        names: list[tuple[int, int]] = []
        for a, b in line_cells(line):
            if not names and (label := _CONTACT_LABEL_CELL.match(line, a, b)):
                a = label.end()
            if a < b:
                names.append((a, b))
        if len(names) < 2 or not all(_is_contact_name(line, a, b) for a, b in names):
            continue
        block: list[tuple[int, int, str]] = [
            (starts[n] + a, starts[n] + b, "PERSON") for a, b in names
        ]
        for below in range(n + 1, min(n + 4, len(lines))):
            cells = line_cells(lines[below])
            read = [_contact_cell(lines[below][a:b], names_elsewhere) for a, b in cells]
            if len(cells) != len(names) or any(cell is None for cell in read):
                if below == n + 1:
                    block = []
                break
            # No cell read here is None: the check above breaks on one.
            contacts = cast("list[list[tuple[int, int, str]]]", read)
            block += [
                (starts[below] + a + x, starts[below] + a + y, label)
                for (a, _), cell in zip(cells, contacts)
                for x, y, label in cell
            ]
            block_end = below + 1
        found += block
    return found


def _contacts_set_in_columns(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    layout = FiledLayout(doc)
    if layout.is_folded_text or not COLUMN_GAP.search(layout.text):
        return ents
    names_elsewhere = {e.text for e in ents if e.label_ in ("ORG", "CUSTOMER")}
    for filed_start, filed_end, label in _contacts_in_columns(layout.text, names_elsewhere):
        start, end = layout.to_doc(filed_start, filed_end)
        span = doc.char_span(start, end, label=label)
        if span is not None:
            ents = _in_place_of_overlapping(ents, span)
    return ents
