"""`iec_table_reader`: the metric and period of each amount in a text table.

Full releases end with their financial statements, filed as text tables:

    (in millions)                        2004     2003      2004     2003
    NET INCOME/ (LOSS)                  $  53   $  309   $  (806)  $   501

A cell is the value of its row's label and belongs to its column's period
(SCHEMA.md 3a, Tables). The relation extractor reads at most 60 tokens
around an amount, and a column header is often hundreds of characters above
its cells, so these links are read from the layout instead: the row label
is the text before the first cell, the period is the header cell above the
amount's column. Only amounts without a metric (or period) of their own get
one here, so what the extractor found in running text stays; a metric it
found inside a row label is widened to the whole label. Where the header
names change columns after its periods ("$ Change"), the row's columns are
known: its cells take the header's periods, and its change cells no links.

The reader reads the chunk as filed (`iec_nlp.text.NormalizedText.layout`,
carried in the Doc's user_data by `extract`): the model's text folds runs of
spaces and joins a table's rows, and with them its columns. Where the header
line and a row have as many cells, set apart by column gaps (tables converted
from HTML, whose columns are not aligned), a cell belongs to the header cell
of its own rank; a column whose header is no period ("Sales Volume",
"$ Change", "Currency") holds no level of the row's measure, and its cells
get no links. Otherwise a cell belongs to the period header nearest above
it on the page (fixed-width text tables). A Doc without a layout is read
from its own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..schema import REQUIRES_INCOMING
from ..text import COLUMN_GAP, doc_text
from ..text import FiledLayout as _Layout
from ..text import FiledLine as _Line
from ..text import filed_lines as _lines
from .name_shapes import _MONTH
from .relation_extractor import RELATIONS_ATTR, get_relations

# Column gaps: cells of a text table are set apart by runs of spaces or tabs.
_COLUMN_GAP = re.compile(r"(?:[ ]{2,}|\t)")
# A row label's trailer is no word of the measure: footnote marks, leader
# dots, a colon, and the unit its cells are stated in ("Net income (millions)",
# "Revenues (in thousands)").
_UNIT_OF_CELLS = r"\((?:in[ ]+)?(?:\$[ ]*)?(?:thousands|millions|billions)(?:[ ]+of[ ]+dollars)?\)"
# A footnote's marker is no part of the label: "(1)", "(a)", "(iv)", "*";
# nor is the basis of the figures: "Adjusted EBITDA (non-GAAP)", nor a
# pointer to the notes: "Basic Earnings Per Share - (See Notes)".
_BASIS_OF_CELLS = r"\((?:non-GAAP|GAAP|unaudited|(?:see[ ]+)?notes?(?:[ ]+\d{1,2})?)\)"
_LABEL_TRAILER = re.compile(
    rf"(?:\s*(?:\(\d{{1,2}}\)|\([a-z]\)|\((?:i|ii|iii|iv|v|vi)\)|{_UNIT_OF_CELLS}|{_BASIS_OF_CELLS}|\*+|\d(?=\s*$)|[.:\u2026]+|-+))+\s*$",
    re.IGNORECASE,
)
_PERIOD_CELL = re.compile(
    r"(?:(?:Three|Six|Nine|Twelve|Thirteen|Twenty-six|\d{1,2})[ -](?:Months|Weeks)\s+Ended"
    # The day one space after its month: "3 Months Ended December          12
    # Months Ended December" heads two columns, not a date.
    r"(?:\s+[A-Z][a-z]+\.?[ ]\d{1,2},?(?:\s+\d{4})?)?"
    r"|(?:Fiscal|FY)\s*'?\d{2,4}|Q[1-4](?:\s+(?:FY)?'?\d{2,4})?"
    # A quarter's code with its number first: "3Q 2022", "1Q23", "4Q'22".
    r"|(?<![\w])[1-4]Q[ ]?'?\d{2}(?:\d{2})?(?![\w])"
    r"|(?:First|Second|Third|Fourth)\s+Quarter(?:\s+\d{4})?"
    r"|(?:Year|Quarter)\s+Ended(?:\s+[A-Z][a-z]+\.?[ ]\d{1,2},?(?:\s+\d{4})?)?"
    # The second line of a header cell wrapped after its length: "For the 13 Weeks / Ended July 3, 2004".
    r"|\bEnded\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
    rf"|{_MONTH}\s+\d{{1,2}},\s+\d{{4}}"
    # "11/30/96   11/30/95", "3/31/2004": a date written in figures.
    r"|(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])"
    r"|(?<![\d,.$])(?:19|20)\d{2}(?![\d,.%]))",
    re.IGNORECASE,
)
# A table titled with its one period ("Segment detail for the 13 weeks ended
# June 28, 2003", "Balance sheet data as of December 31, 2023"): its columns
# are no periods, and every cell falls in the title's.
_TABLE_TITLE = re.compile(r"\b(?:for|as\s+of|at)\s+(?:the\s+)?\S", re.IGNORECASE)
_RUNNING_TEXT = re.compile(r"[a-z]{4,}\s+[a-z]{4,}\s+[a-z]{4,}")
# A row of sign-less cells is no running text, however long its label
# ("Proceeds from disposals of leased assets and property, plant and
# equipment   269   33   241   (5)   2"): it ends in a cell after a column gap.
_ROW_OF_CELLS = re.compile(r"(?:[ ]{2,}|\t)(?:\(?-?[\d,.]+\)?%?|[-\u2013\u2014])[ \t]*$")
# How far above a row its column headers may be, in lines as filed (blank
# lines count: a statement of operations runs some 60 of them).
_HEADER_SEARCH_LINES = 80
_RELATION_SCORE = 0.9
_NAME_LABELS = ("PERSON", "ORG", "CUSTOMER")
# A gap between two cells of one line, which no period holds ("2004       2005"
# of a header row); a period wrapped over lines keeps its indent ("Three Months\n   Ended").
_CELL_GAP = re.compile(r"\S(?:[ ]{3,}|\t+)\S")
# A name holds no column gap either (three spaces: typed prose puts two
# inside names, "W. Barry  Gilbert").
_GAPS_NOT_CROSSED = {**{label: COLUMN_GAP for label in _NAME_LABELS}, "PERIOD": _CELL_GAP}


def _unlinked_targets(ents: list[Span], relations: list[list]) -> set[tuple[int, int]]:
    """The METRIC and PERIOD entities no relation of their kind points to."""
    linked = {(r[2], r[3], r[4]) for r in relations}
    return {
        (e.start_char, e.end_char)
        for e in ents
        if e.label_ in REQUIRES_INCOMING
        and (e.start_char, e.end_char, REQUIRES_INCOMING[e.label_]) not in linked
    }


@Language.factory(
    "iec_table_reader", assigns=["doc.ents", "doc._.iec_relations"], requires=["doc.ents"]
)
def make_table_reader(nlp: Language, name: str) -> TableReader:
    return TableReader(name)


@dataclass(frozen=True)
class _Cell:
    """An amount of a table, at its layout offsets."""

    start_char: int
    end_char: int
    span: Span


# Between two amounts of a row: nothing, or empty cells ("$7,771 $ - $ 100"),
# whatever the spacing (the model reads runs of spaces as one).
_EMPTY_CELLS = re.compile(r"[\s$\-\u2013\u2014]*")


def _is_table_row(line: _Line, cells: list[_Cell]) -> bool:
    """Amounts set apart by column gaps, after a label or another cell."""
    if len(cells) >= 2:
        gaps = [
            line.text[a.end_char - line.start : b.start_char - line.start]
            for a, b in zip(cells, cells[1:])
        ]
        return all(_COLUMN_GAP.search(g) or _EMPTY_CELLS.fullmatch(g) for g in gaps) and all(
            not re.search(r"[a-z]{3}", g) for g in gaps
        )
    before = line.text[: cells[0].start_char - line.start]
    return bool(before.strip()) and bool(re.search(r"(?:[ ]{3,}|\t)$", before))


# A long row label wraps: its first line holds no cell and the lines below
# go on in lower case ("Earnings per share before / cumulative effect of
# change in / accounting principle  $ 0.25"). At most this many lines above.
_LABEL_CONTINUATION_LINES = 5
# Rows whose cells have no currency sign may share the line with this row
# ("Goodwill 943 945 943 Other assets 545 1,268 708 Total assets $21,927";
# a dash is an empty cell):
# the label starts after the last run of such cells.
_SIGNLESS_CELLS = re.compile(r"(?:(?<=\s)|^)(?:(?:\(?-?\d[\d,.]*\)?%?|[-\u2013\u2014])[ \t]+){2,}")
# A label line that ends in a word that cannot end it goes on below, in any
# case: "Negative carry related to / Credit legacy debt  $19".
_OPEN_LABEL_END = re.compile(r"\b(?:and|of|to|in|for|from|on|before|after|the)[ \t]*$")
# Empty cells between a label and its first amount: "$ -", a dash.
_EMPTY_CELLS_AFTER_LABEL = re.compile(
    r"(?:[ ]{2,}|\t)(?:[$][ \t]*)?[-\u2013\u2014](?:[ \t]+(?:[$][ \t]*)?[-\u2013\u2014])*[ \t]*(?:[$][ \t]*)?$"
)
# Dashes or a bullet that indent a row under its heading ("-LIFO", "-- Financial
# Products", "• Services") mark the row, they are no word of its label.
_LABEL_LEADER = re.compile(r"[ \t]*(?:[-\u2013\u2014\u2022*]+[ \t]*(?=[A-Za-z(]))?")
_LABEL_LINE = re.compile(r"[ \t]*[A-Za-z][^$\d]{0,80}")
# Footnote marks one space after a row label ("TOTAL REVENUES (3) (4)   $11,320")
# are the label's, neither sign-less cells ("(3)" reads as minus 3) nor a
# column: counted as a cell, they put every cell of the row one rank off its
# header ("2014 GAAP   Adj.   2014 Non-GAAP ..."). The gold of train, dev
# and the probe sets leaves the marks out of all 9 such labels (2 releases).
_FOOTNOTE_MARK = r"(?:\((?:\d{1,2}|[a-z]|i|ii|iii|iv|v|vi)\)|\*+)"
_FOOTNOTE_MARKS = re.compile(rf"{_FOOTNOTE_MARK}(?:[ ]{_FOOTNOTE_MARK})*")
_FOOTNOTES_AFTER_LABEL = re.compile(rf"(?<=[A-Za-z])[ ]{_FOOTNOTE_MARKS.pattern}[ \t]*$")


# A dash glued to the first word of a row label ("-LIFO   $4,945"): the
# tokenizer keeps "-LIFO" as one token, so the label could take no span.
_GLUED_LEADER = re.compile(r"[-\u2013\u2014]+(?=[A-Za-z])")


# Where such a leader may begin (every dash of a run: a token may start at any).
_GLUED_LEADER_START = re.compile(r"(?=[-\u2013\u2014]+[A-Za-z])")


def _split_glued_leaders(doc: Doc, layout: _Layout) -> None:
    """Split the leader off the first token of each line that holds an
    amount, so the row's label can be an entity of its own."""
    splits = []
    # The text's dashes before a letter, not every token: a release has few.
    for position in (m.start() for m in _GLUED_LEADER_START.finditer(doc_text(doc))):
        span = doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None or span[0].idx != position:
            continue
        token = span[0]
        leader = _GLUED_LEADER.match(token.text)
        if leader is None or len(token.text) == leader.end() or token.ent_type_:
            continue
        start, end = layout.of_doc(token.idx, token.idx + len(token.text))
        line_start = layout.text.rfind("\n", 0, start) + 1
        line_end = layout.text.find("\n", end)
        line_end = len(layout.text) if line_end < 0 else line_end
        if not layout.text[line_start:start].strip() and "$" in layout.text[end:line_end]:
            splits.append((token, leader.end()))
    if not splits:
        return
    with doc.retokenize() as retokenizer:
        for token, cut in splits:
            retokenizer.split(
                token, [token.text[:cut], token.text[cut:]], heads=[(token, 1), (token, 1)]
            )


def _row_label(lines: list[_Line], row_index: int, first_cell: _Cell) -> tuple[int, int] | None:
    """Offsets of the row's label: the text before its first cell, without
    leaders, colons and footnote marks, with the lines it wraps from."""
    line = lines[row_index]
    raw = line.text[: first_cell.start_char - line.start]
    if footnotes := _FOOTNOTES_AFTER_LABEL.search(raw):
        raw = raw[
            : footnotes.start()
        ]  # "(3) (4)" of "TOTAL REVENUES (3) (4)" are no sign-less cells
    if cells_before := list(_SIGNLESS_CELLS.finditer(raw)):
        raw = " " * cells_before[-1].end() + raw[cells_before[-1].end() :]  # blanked, offsets kept
    if empty_cells := _EMPTY_CELLS_AFTER_LABEL.search(raw):
        raw = raw[: empty_cells.start()]  # "accounting principle    $    -   $ (3.86)"
    label = _LABEL_TRAILER.sub("", raw.rstrip())
    leader = _LABEL_LEADER.match(label)
    assert leader is not None  # an empty leader matches too: never None
    stripped = label[leader.end() :]
    if not re.search(r"[A-Za-z]{2}", stripped) or len(stripped) > 90:
        return None
    start = line.start + len(label) - len(stripped)
    for above in lines[max(0, row_index - _LABEL_CONTINUATION_LINES) : row_index][::-1]:
        piece = above.text
        # Rows of cells without a currency sign may run on the line before the
        # label's last piece: "... equity 5,701 6,232 Total liabilities and".
        cells_on_line = (
            None if _LABEL_LINE.fullmatch(piece) else list(_SIGNLESS_CELLS.finditer(piece))
        )
        if cells_on_line:
            piece = piece[cells_on_line[-1].end() :]
        if not _LABEL_LINE.fullmatch(piece):
            break
        if not stripped[:1].islower() and not _OPEN_LABEL_END.search(piece):
            break
        stripped = piece.lstrip(" \t")
        start = above.end - len(stripped)
        if cells_on_line:
            break
    return start, line.start + len(label)


# A row of a schedule, labelled with its period and holding figures without a
# currency sign ("Fiscal 2019   508" of future amortization, by year): no
# header of the rows below it ("Total intangible assets, net   $6,137"). The
# 8 such rows on train, dev and the probe sets (one release) head no column
# in the gold; the row below them takes the period its table is stated at.
_SIGNLESS_FIGURE = re.compile(r"\(?-?\d[\d,.]*\)?%?")


# Cached: the header search of each row asks it of the same lines above.
@lru_cache(maxsize=1024)
def _is_period_labelled_row(text: str) -> bool:
    """Whether a line's text is a row of figures whose label is a period (its
    figures no periods themselves: "2024   2023" heads columns)."""
    cells = [m.group() for m in _GAP_CELL.finditer(text)]
    label, figures = (cells[0], cells[1:]) if cells else ("", [])
    return (
        bool(figures)
        and bool(_PERIOD_CELL.fullmatch(label))
        and all(_SIGNLESS_FIGURE.fullmatch(f) and not _PERIOD_CELL.fullmatch(f) for f in figures)
    )


def _header(
    lines: list[_Line], row_index: int, money_lines: set[int]
) -> tuple[_Line, list[tuple[int, int]]] | None:
    """The nearest line above a row that heads its columns with periods, and
    the offsets of those periods."""
    for i in range(row_index - 1, max(-1, row_index - _HEADER_SEARCH_LINES), -1):
        if i in money_lines or _is_period_labelled_row(lines[i].text):
            continue
        line = lines[i]
        # Running text, even where it names two years ("between the first
        # quarter of 2021 (at left) and the first quarter of 2022"): the table
        # (if any) started below it.
        if (
            len(line.text) > 100
            and _RUNNING_TEXT.search(line.text)
            and not _ROW_OF_CELLS.search(line.text)
        ):
            return None
        cells = [
            (line.start + m.start(), line.start + m.end()) for m in _PERIOD_CELL.finditer(line.text)
        ]
        if len(cells) >= 2 or (cells and _COLUMN_GAP.search(line.text)):
            return line, cells
        # A table titled with its one period: every cell falls in it.
        if len(cells) == 1 and (
            _TABLE_TITLE.search(line.text) or _PERIOD_CELL.fullmatch(line.text.strip())
        ):
            return line, cells
    return None


# A cell of a line: the text between column gaps.
_GAP_CELL = re.compile(r"\S+(?:[ ]\S+)*")
_CURRENCY_ONLY = re.compile(r"[$\u20ac\u00a3]")


def _is_label_footnote(
    cell: re.Match, label_end: int, row_start: int, amounts: list[_Cell]
) -> bool:
    """Whether a row's first gap cell is the label's footnote marks: one
    space at most after the label, before the row's first amount."""
    return (
        cell.start() - label_end <= 1
        and row_start + cell.end() <= amounts[0].start_char
        and bool(_FOOTNOTE_MARKS.fullmatch(cell.group()))
    )


def _header_columns(
    header: _Line, row: _Line, label_end: int, cells: list[_Cell]
) -> list[tuple[int, int, bool]] | None:
    """Each amount's header cell (offsets, and whether it is a period), when
    the header line has a cell for each of the row's cells (besides one
    over the row labels); None when it does not."""
    if not _COLUMN_GAP.search(header.text):
        return None
    columns: list[tuple[int, int, bool]] = []
    for m in _GAP_CELL.finditer(header.text):
        periods = list(_PERIOD_CELL.finditer(header.text, m.start(), m.end()))
        if periods and not _PERIOD_CELL.sub("", m.group()).strip():
            columns += [(header.start + p.start(), header.start + p.end(), True) for p in periods]
        elif periods:
            columns.append(
                (header.start + periods[0].start(), header.start + periods[0].end(), True)
            )
        else:
            columns.append((header.start + m.start(), header.start + m.end(), False))
    row_cells: list[tuple[int, int]] = []
    currency_start = None
    for m in _GAP_CELL.finditer(row.text, label_end - row.start):
        if not row_cells and _is_label_footnote(m, label_end - row.start, row.start, cells):
            continue
        if _CURRENCY_ONLY.fullmatch(m.group()):
            currency_start = m.start()  # "$     53": the sign and its amount are one cell
            continue
        start = m.start() if currency_start is None else currency_start
        row_cells.append((row.start + start, row.start + m.end()))
        currency_start = None
    if len(columns) == len(row_cells) + 1 and not columns[0][2]:
        columns = columns[1:]  # "(Millions of dollars)" above the row labels
    if len(columns) != len(row_cells):
        return None
    found = []
    for cell in cells:
        rank = next((k for k, (a, b) in enumerate(row_cells) if a <= cell.start_char < b), None)
        if rank is None:
            return None
        found.append(columns[rank])
    return found


def _columns_by_rank(
    header: _Line, row: _Line, label_end: int, cells: list[_Cell]
) -> list[tuple[int, int] | None] | None:
    """Each amount's period header, or None where its column's header is no
    period, when the header line has a column for each cell and one of them
    is a period; None otherwise."""
    columns = _header_columns(header, row, label_end, cells)
    if columns is None or not any(is_period for _, _, is_period in columns):
        return None
    return [(start, end) if is_period else None for start, end, is_period in columns]


# A transposed table: its columns are measures and each row's label opens with
# its period ("Three Months Ended March 31, 2022 - U.S. GAAP   $1,855   13.7%
# $1,999", under "Operating Profit   Operating Profit Margin   Profit Before
# Taxes"), as non-GAAP reconciliations are often laid out.
_MEASURE_HEADER = re.compile(r"[A-Za-z][A-Za-z()&/,.' -]*[A-Za-z)]")
# The header is just above the table's rows: blank lines and other rows
# between are passed over, for this many lines.
_MEASURE_HEADER_SEARCH_LINES = 10
# A row label opening with a bare year ("2022 Adjusted ...") is too weak a
# sign of a period row: the period must be a phrase ("Three Months Ended ...").
_MIN_ROW_PERIOD_CHARS = 6


def _measure_header(lines: list[_Line], row_index: int, money_lines: set[int]) -> _Line | None:
    """The nearest line above a row, past the table's other rows, that heads
    its columns with words and no period."""
    for i in range(row_index - 1, max(-1, row_index - _MEASURE_HEADER_SEARCH_LINES), -1):
        line = lines[i]
        if i in money_lines or not line.text.strip():
            continue
        if _PERIOD_CELL.search(line.text) or len(_COLUMN_GAP.findall(line.text.strip())) < 2:
            return None
        return line
    return None


def _transposed_columns(
    lines: list[_Line],
    row_index: int,
    money_lines: set[int],
    label: tuple[int, int],
    text: str,
    cells: list[_Cell],
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """For a row of a transposed table: the period its label opens with, and
    each cell's measure (its column's header cell)."""
    # From the line's first word: the label proper may start after the period
    # ("Three Months Ended March 31, 2022 - U.S. GAAP" reads as cells "31,", "2022").
    line = lines[row_index]
    first_word = line.start + len(line.text) - len(line.text.lstrip())
    period = _PERIOD_CELL.match(text, first_word, label[1])
    if period is None or period.end() - period.start() < _MIN_ROW_PERIOD_CHARS:
        return None
    header = _measure_header(lines, row_index, money_lines)
    if header is None:
        return None
    columns = _header_columns(header, lines[row_index], label[1], cells)
    if columns is None or any(is_period for _, _, is_period in columns):
        return None
    measures = []
    for start, end, _ in columns:
        words = _MEASURE_HEADER.search(text, start, end)
        if words is None:
            return None
        measures.append((words.start(), words.end()))
    return (period.start(), period.end()), measures


# Columns of change after the period columns: "First Quarter 2022  First
# Quarter 2021  $ Change  % Change". A "$ Change" cell is an amount of change
# (no VALUE_OF, no period, GUIDELINE "Changes"); "% Change" holds no amount.
_CHANGE_COLUMN = re.compile(
    r"(?<!%)(?<!%\s)\b(?:Increase\s*/?\s*\(?Decrease\)?|Change|Chg\.?|Variance|Increase|Decrease)\b",
    re.IGNORECASE,
)


def _change_columns(
    text: str, headers: list[tuple[int, int]] | None, cells: list[_Cell]
) -> list[_Cell]:
    """The row's cells under change columns: those after one cell per period,
    when the header names as many change columns after its periods."""
    if not headers or len(cells) <= len(headers):
        return []
    line_end = text.find("\n", headers[-1][1])
    tail = text[headers[-1][1] : line_end if line_end >= 0 else len(text)]
    if len(_CHANGE_COLUMN.findall(tail)) != len(cells) - len(headers):
        return []
    return cells[len(headers) :]


def _change_cells_by_place(header: _Line, row: _Line, cells: list[_Cell]) -> list[_Cell]:
    """The row's cells under a change column of a fixed-width header whose
    change columns stand between its periods ("2006   2005   Change   2006
    2005   Change"): those whose nearest header cell on the page names a change."""
    columns = [
        (
            (m.start() + m.end()) / 2,
            bool(_CHANGE_COLUMN.search(m.group())) and not _PERIOD_CELL.search(m.group()),
        )
        for m in _GAP_CELL.finditer(header.text)
    ]
    if not any(is_change for _, is_change in columns):
        return []
    found = []
    for cell in cells:
        center = (cell.start_char + cell.end_char) / 2 - row.start
        if min(columns, key=lambda column: abs(column[0] - center))[1]:
            found.append(cell)
    return found


# An empty cell after a row's first amount: a dash after a column gap, maybe after its sign.
_EMPTY_CELL = re.compile(r"(?:[ ]{2,}|\t)(?:[$][ \t]*)?[-\u2013\u2014](?=[ \t]|$)")


def _periods_by_place(
    cells: list[_Cell], row: _Line, header: _Line | None, periods: list[tuple[int, int]] | None
) -> list[tuple[int, int] | None]:
    """The period header of each cell by its place on the page: one cell per
    period in order, else the period nearest above the cell's column."""
    if not periods or header is None:
        return [None] * len(cells)
    # Empty cells ("$   -") hold columns too: then the count tells nothing.
    if len(periods) == len(cells) and not _EMPTY_CELL.search(
        row.text, cells[0].start_char - row.start
    ):
        return list(periods)
    found: list[tuple[int, int] | None] = []
    for cell in cells:
        center = (cell.start_char + cell.end_char) / 2 - row.start
        found.append(min(periods, key=lambda p: abs((p[0] + p[1]) / 2 - header.start - center)))
    return found


def _period_of_row_above(
    row_index: int, row_periods: dict[int, tuple[int, int]], money_lines: set[int]
) -> tuple[int, int] | None:
    """The period of the transposed row above a row with no period header,
    rows of amounts only between: in a reconciliation, "Three Months Ended
    March 31, 2022 - U.S. GAAP  $1,855 ... $2.86" over "Restructuring costs
    13 ... $0.02", the adjustment falls in the period of the row it adjusts."""
    i = row_index - 1
    while i in money_lines:
        if i in row_periods:
            return row_periods[i]
        i -= 1
    return None


@dataclass
class _TableLinks:
    """The Doc's entities and links, as the reader revises them row by row."""

    doc: Doc
    layout: _Layout
    lines: list[_Line]
    money_lines: set[int]
    ents: list[Span]
    relations: list[list]
    # (amount start, amount end, relation) of the links the amounts have: a
    # cell the extractor linked already gets no link of that kind here.
    has: set[tuple[int, int, str]]
    # The METRIC and PERIOD entities that had no link before the reader ran:
    # only those it leaves without one go.
    unlinked_before: set[tuple[int, int]]
    new_relations: list[list] = field(default_factory=list)
    changed: bool = False
    row_periods: dict[int, tuple[int, int]] = field(
        default_factory=dict
    )  # the transposed rows' periods, by line

    @classmethod
    def of(
        cls, doc: Doc, layout: _Layout, lines: list[_Line], money_lines: set[int]
    ) -> _TableLinks:
        """The Doc's entities and links as the extractor left them."""
        relations = get_relations(doc)
        ents = list(doc.ents)
        return cls(
            doc=doc,
            layout=layout,
            lines=lines,
            money_lines=money_lines,
            ents=ents,
            relations=relations,
            has={(r[0], r[1], r[4]) for r in relations},
            unlinked_before=_unlinked_targets(ents, relations),
        )


def _cells_by_line(
    layout: _Layout, lines: list[_Line], money: list[Span]
) -> dict[int, list[_Cell]]:
    """The amounts at their layout offsets, by the index of their line as filed."""
    rows: dict[int, list[_Cell]] = {}
    index = 0
    for span in money:
        cell = _Cell(*layout.of_doc(span.start_char, span.end_char), span)
        while lines[index].end < cell.start_char:
            index += 1
        rows.setdefault(index, []).append(cell)
    return rows


def _key(cell: _Cell) -> tuple[int, int]:
    """The cell's amount as relations name it: its offsets in the Doc."""
    return cell.span.start_char, cell.span.end_char


class TableReader:
    def __init__(self, name: str = "iec_table_reader") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Link the amounts of the Doc's text tables to their row's label and column's period."""
        layout = _Layout(doc)
        self._drop_spans_across_cells(doc, layout)
        _split_glued_leaders(doc, layout)
        money = [e for e in doc.ents if e.label_ == "MONEY"]
        if len(money) < 2:
            return doc
        lines = _lines(layout.text)
        rows = _cells_by_line(layout, lines, money)
        links = _TableLinks.of(doc, layout, lines, set(rows))
        for i, cells in rows.items():
            if _is_table_row(lines[i], cells):
                self._read_row(links, i, cells)
        self._write_links(doc, links)
        return doc

    def _read_row(self, links: _TableLinks, i: int, cells: list[_Cell]) -> None:
        """Link the cells of the table row on line `i` to its label and its periods."""
        layout_label = _row_label(links.lines, i, cells[0])
        transposed = layout_label and _transposed_columns(
            links.lines, i, links.money_lines, layout_label, links.layout.text, cells
        )
        if transposed:
            assert layout_label is not None  # only a row with a label is read as transposed
            self._read_transposed_row(links, i, cells, layout_label, *transposed)
            return
        label = links.layout.to_doc(*layout_label) if layout_label else None
        header, headers = _header(links.lines, i, links.money_lines) or (None, None)
        if label:
            self._widen_label_metric(links, label)
        if layout_label:
            self._unlink_metrics_off_the_row(links, links.lines[i], layout_label, cells)
        # A header with a cell per column names each cell's column; else the
        # cells' places under the header's periods decide.
        columns = None
        if header is not None and layout_label:
            columns = _columns_by_rank(header, links.lines[i], layout_label[1], cells)
        if columns is not None:
            self._unlink_by_columns(links, cells, columns)
            cells_periods: list[tuple[_Cell, tuple[int, int] | None]] = [
                (c, column) for c, column in zip(cells, columns) if column is not None
            ]
        else:
            cells = self._unlink_change_cells(links, cells, headers, header, links.lines[i])
            cells_periods = self._cell_periods_by_place(links, i, cells, header, headers)
        self._link_cells(links, cells_periods, label)

    def _read_transposed_row(
        self,
        links: _TableLinks,
        i: int,
        cells: list[_Cell],
        layout_label: tuple[int, int],
        period: tuple[int, int],
        measures: list[tuple[int, int]],
    ) -> None:
        """Link a transposed row's cells to their column's measure and the row's period."""
        # The column headers are the measures and the row's period is each
        # cell's: the extractor's links for these cells give way.
        links.row_periods[i] = period
        # What the row's label says besides its period ("U.S. GAAP",
        # "Adjusted") qualifies the row; it measures nothing.
        label_start, label_end = links.layout.to_doc(links.lines[i].start, layout_label[1])
        links.ents = [
            e
            for e in links.ents
            if not (e.label_ == "METRIC" and label_start <= e.start_char < label_end)
        ]
        keys = {_key(c) for c in cells}
        links.relations = [r for r in links.relations if (r[0], r[1]) not in keys]
        links.has -= {(*key, label) for key in keys for label in ("VALUE_OF", "IN_PERIOD")}
        links.changed = True
        for cell, measure in zip(cells, measures):
            for offsets, kind, relation in (
                (measure, "METRIC", "VALUE_OF"),
                (period, "PERIOD", "IN_PERIOD"),
            ):
                self._link(links, _key(cell), links.layout.to_doc(*offsets), kind, relation)

    def _widen_label_metric(self, links: _TableLinks, label: tuple[int, int]) -> None:
        """Make the whole row label the METRIC, moving the links to a piece of it."""
        # Also where the extractor linked the cells already: it may have
        # linked them to a piece of the label.
        links.ents, moved = self._widen_metrics(links.doc, links.layout, links.ents, label)
        if not moved:
            return
        # A period in the label's words ("... at end of period") goes with its
        # links: the cells take their column's instead.
        gone = [r for r in links.relations if moved.get((r[2], r[3]), True) is None]
        links.has -= {(r[0], r[1], r[4]) for r in gone}
        links.relations = [
            [*r[:2], *moved_to, *r[4:]]
            for r in links.relations
            if (moved_to := moved.get((r[2], r[3]), (r[2], r[3]))) is not None
        ]
        links.changed = True

    def _unlink_metrics_off_the_row(
        self, links: _TableLinks, row: _Line, layout_label: tuple[int, int], cells: list[_Cell]
    ) -> None:
        """Drop the cells' VALUE_OF links to a METRIC off the row: the row's label is their measure."""
        off_row = self._metrics_off_the_row(links.layout, row, layout_label, cells, links.relations)
        if not off_row:
            return
        links.relations = [r for r in links.relations if id(r) not in off_row]
        links.has -= {(*_key(c), "VALUE_OF") for c in cells}
        links.has |= {(r[0], r[1], r[4]) for r in links.relations}
        links.changed = True

    @staticmethod
    def _unlink_by_columns(
        links: _TableLinks, cells: list[_Cell], columns: list[tuple[int, int] | None]
    ) -> None:
        """Drop the cells' IN_PERIOD links, and the VALUE_OF of those under no period column."""
        # Each cell's column is known: a period column's header gives its
        # period (the extractor's gives way), any other column holds no
        # level of the measure.
        keys = {_key(c): column for c, column in zip(cells, columns)}
        links.relations = [
            r
            for r in links.relations
            if not ((r[0], r[1]) in keys and r[4] == "IN_PERIOD")
            and not (keys.get((r[0], r[1]), ()) is None and r[4] == "VALUE_OF")
        ]
        links.has -= {(*key, "IN_PERIOD") for key in keys}
        links.changed = True

    @staticmethod
    def _unlink_change_cells(
        links: _TableLinks,
        cells: list[_Cell],
        headers: list[tuple[int, int]] | None,
        header: _Line | None,
        row: _Line,
    ) -> list[_Cell]:
        """The row's cells under period columns, once the links of its change cells are dropped."""
        change_cells = _change_columns(links.layout.text, headers, cells)
        if change_cells:
            assert headers is not None  # change columns come after the header's periods
            # The columns are known: one per period, then the changes. The
            # extractor's periods for this row give way to the header's.
            kept = cells[: len(headers)]
            row_keys = {_key(c) for c in kept}
        elif (
            headers
            and header is not None
            and (change_cells := _change_cells_by_place(header, row, cells))
        ):
            kept = [c for c in cells if c not in change_cells]
            row_keys = set()
        else:
            return cells
        change_keys = {_key(c) for c in change_cells}
        links.relations = [
            r
            for r in links.relations
            if not ((r[0], r[1]) in change_keys and r[4] in ("VALUE_OF", "IN_PERIOD"))
            and not ((r[0], r[1]) in row_keys and r[4] == "IN_PERIOD")
        ]
        links.has -= {(*key, "IN_PERIOD") for key in row_keys}
        links.changed = True
        return kept

    @staticmethod
    def _cell_periods_by_place(
        links: _TableLinks,
        i: int,
        cells: list[_Cell],
        header: _Line | None,
        headers: list[tuple[int, int]] | None,
    ) -> list[tuple[_Cell, tuple[int, int] | None]]:
        """The period of each cell: the transposed row's above, else the header's by place."""
        if header is None and (
            above := _period_of_row_above(i, links.row_periods, links.money_lines)
        ):
            return [(cell, above) for cell in cells]
        return list(zip(cells, _periods_by_place(cells, links.lines[i], header, headers)))

    def _link_cells(
        self,
        links: _TableLinks,
        cells_periods: list[tuple[_Cell, tuple[int, int] | None]],
        label: tuple[int, int] | None,
    ) -> None:
        """Link each cell to the row label and its period, where it has no such link yet."""
        for cell, period in cells_periods:
            key = _key(cell)
            if label and (*key, "VALUE_OF") not in links.has:
                self._link(links, key, label, "METRIC", "VALUE_OF")
            if period and (*key, "IN_PERIOD") not in links.has:
                self._link(links, key, links.layout.to_doc(*period), "PERIOD", "IN_PERIOD")

    def _link(
        self,
        links: _TableLinks,
        key: tuple[int, int],
        offsets: tuple[int, int],
        kind: str,
        relation: str,
    ) -> None:
        """Link the amount at `key` to the `kind` entity at `offsets`, added if the place is free."""
        target = self._entity(links.doc, links.ents, offsets, kind)
        if target is not None:
            links.ents = target[1]
            links.new_relations.append(
                [*key, target[0].start_char, target[0].end_char, relation, _RELATION_SCORE]
            )

    @staticmethod
    def _write_links(doc: Doc, links: _TableLinks) -> None:
        """Set the revised entities and links on the Doc, if the reader changed any."""
        if not (links.new_relations or links.changed):
            return
        ents = filter_spans(links.ents)
        kept = {(e.start_char, e.end_char) for e in ents}
        relations = links.relations + [
            r for r in links.new_relations if (r[0], r[1]) in kept and (r[2], r[3]) in kept
        ]
        # A METRIC or PERIOD exists only as the target of a MONEY link
        # (SCHEMA.md 2): one whose links the layout moved elsewhere (a
        # column header, "$ Change", the next row's label) goes too.
        orphans = _unlinked_targets(ents, relations) - links.unlinked_before
        doc.set_ents(
            [e for e in ents if (e.start_char, e.end_char) not in orphans], default="outside"
        )
        setattr(doc._, RELATIONS_ATTR, relations)

    @staticmethod
    def _metrics_off_the_row(
        layout: _Layout,
        row: _Line,
        label: tuple[int, int],
        cells: list[_Cell],
        relations: list[list],
    ) -> set[int]:
        """The VALUE_OF links (by id) from the row's cells to a METRIC off the
        row: below it (the extractor reads the folded text, where the next
        row's label, "... $ 1,033 Current portion of long-term debt", follows
        the cells as closely as their own does) or above its label (a column
        header, "Total Sales and Revenues", or a title). On the page it is
        another row's or column's words, and the row's own label is its
        cells' measure (SCHEMA.md 3a, Tables)."""
        keys = {(c.span.start_char, c.span.end_char) for c in cells}
        off_row = set()
        for r in relations:
            if r[4] != "VALUE_OF" or (r[0], r[1]) not in keys:
                continue
            metric_start, metric_end = layout.of_doc(r[2], r[3])
            if metric_start > row.end or metric_end <= label[0]:
                off_row.add(id(r))
        return off_row

    @staticmethod
    def _drop_spans_across_cells(doc: Doc, layout: _Layout) -> None:
        """A name or period that runs over a column gap is the model reading
        cells of a table header as one ("Consolidated   Machinery", "Domestic
        Sears Canada" of "Domestic        Sears Canada      Consolidated",
        "2004       2005       2004"): the folded text shows them as one
        phrase. Such spans go, with their links; the rows take their column's
        period cell instead."""
        if layout.is_folded_text:
            return
        across = {
            (e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ in _GAPS_NOT_CROSSED
            and _GAPS_NOT_CROSSED[e.label_].search(
                layout.text, *layout.of_doc(e.start_char, e.end_char)
            )
        }
        if not across:
            return
        doc.set_ents(
            [e for e in doc.ents if (e.start_char, e.end_char) not in across], default="outside"
        )
        setattr(
            doc._,
            RELATIONS_ATTR,
            [
                r
                for r in get_relations(doc)
                if (r[0], r[1]) not in across and (r[2], r[3]) not in across
            ],
        )

    @staticmethod
    def _widen_metrics(
        doc: Doc, layout: _Layout, ents: list[Span], label: tuple[int, int]
    ) -> tuple[list[Span], dict[tuple[int, int], tuple[int, int] | None]]:
        """The row label is the metric: a METRIC found inside it ("sales" in
        "Merchandise sales and services") becomes the whole label, also one
        that began on a line above it, a heading ("Basic / Earnings per share")
        or the column header the model read into the label ("$ Change  %
        Change / Construction Industries": the model's text joins the lines,
        so the line break is looked for as filed), or one with a period in its
        words ("Cash ... at end of period"), whose links then go (the moved
        key of that period is None)."""
        start, end = label
        inside = [e for e in ents if e.start_char < end and start < e.end_char]
        # "Sales of Machinery, Energy & Transportation", "Revenues of Financial
        # Products": a label that opens with the measure names whose it is;
        # the organization or segment in its words is part of the line item.
        measure_first = any(e.label_ == "METRIC" and e.start_char == start for e in inside)
        if (
            not any(e.label_ == "METRIC" for e in inside)
            or any(e.label_ not in ("METRIC", "PERIOD") and not measure_first for e in inside)
            or (len(inside) == 1 and (inside[0].start_char, inside[0].end_char) == label)
        ):
            return ents, {}
        if any(e.end_char > end for e in inside):
            return ents, {}
        if any(
            e.start_char < start and "\n" not in layout.filed(e.start_char, start) for e in inside
        ):
            return ents, {}
        span = doc.char_span(start, end, label="METRIC", alignment_mode="contract")
        if span is None:
            return ents, {}
        moved = {
            (e.start_char, e.end_char): (span.start_char, span.end_char)
            if e.label_ == "METRIC"
            else None
            for e in inside
        }
        return [e for e in ents if e not in inside] + [span], moved

    @staticmethod
    def _entity(
        doc: Doc, ents: list[Span], offsets: tuple[int, int], label: str
    ) -> tuple[Span, list[Span]] | None:
        """The entity of `label` at `offsets`, added if the place is free."""
        start, end = offsets
        overlapping = [e for e in ents if e.start_char < end and start < e.end_char]
        if overlapping:
            same = [e for e in overlapping if e.label_ == label]
            # A header cell's period the recognizer cut short ("2024" of "Sept.
            # 30, 2024") is the whole cell.
            cut_period = (
                label == "PERIOD"
                and len(same) == len(overlapping)
                and all(start <= e.start_char and e.end_char <= end for e in overlapping)
            )
            if not cut_period:
                return (same[0], ents) if same else None
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
            if span is None or (span.start_char, span.end_char) == (
                same[0].start_char,
                same[0].end_char,
            ):
                return same[0], ents
            return span, [*(e for e in ents if e not in overlapping), span]
        span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None or not span.text.strip():
            return None
        return span, [*ents, span]
