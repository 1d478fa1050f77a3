"""The table reader reads tables as filed: rows, column gaps and headers."""

from __future__ import annotations

from spacy.tokens import Doc

import iec_nlp
from iec_nlp.components.relation_extractor import RELATIONS_ATTR, get_relations
from iec_nlp.components.table_reader import TableReader
from iec_nlp.text import LAYOUT_KEY, normalize
from iec_nlp.tokenizer import blank_pipeline

NLP = blank_pipeline()

# A table as converted from HTML: cells three spaces apart, columns not aligned.
CONVERTED = (
    "Sales by Segment\n"
    "(Millions of dollars)   First Quarter 2021   Sales Volume   Currency   First Quarter 2022   $ Change   % Change\n"
    "Construction Industries   $5,459   $325   $(101)   $6,115   $656   12%\n"
    "Resource Industries   2,178   527   (34)   2,830   652   30%\n"
)


def _read(
    filed: str,
    money: list[str],
    others: tuple[tuple[str, str], ...] = (),
    links: tuple[tuple[str, str, str], ...] = (),
) -> tuple[Doc, list[tuple[str, str, str]]]:
    """The table reader's output on `filed` as `extract` gives it: the model's
    folded text, with the layout as filed; MONEY at each listed amount, the
    `others` (surface, label) and the extractor's `links` (head, label, child)."""
    norm = normalize(filed)
    doc = NLP.make_doc(norm.text)
    doc.user_data[LAYOUT_KEY] = norm.layout(0, len(norm.text))
    spans, position = [], 0
    for amount in money:
        start = norm.text.index(amount, position)
        spans.append(doc.char_span(start, start + len(amount), label="MONEY"))
        position = start + len(amount)
    for surface, label in others:
        start = norm.text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.set_ents(sorted(spans, key=lambda span: span.start))
    where = {span.text: (span.start_char, span.end_char) for span in spans}
    setattr(
        doc._,
        RELATIONS_ATTR,
        [[*where[head], *where[child], label, 0.9] for head, label, child in links],
    )
    doc = TableReader()(doc)
    text = doc.text
    return doc, sorted((text[r[0] : r[1]], r[4], text[r[2] : r[3]]) for r in get_relations(doc))


def test_the_model_reads_a_table_folded_and_the_reader_reads_it_as_filed():
    norm = normalize(CONVERTED)
    assert "   " not in norm.text  # the columns are gone from what the model reads
    original, _ = norm.layout(0, len(norm.text))
    assert original == CONVERTED.rstrip("\n")


def test_a_cell_takes_the_header_cell_of_its_rank_and_other_columns_get_no_links():
    _, relations = _read(CONVERTED, ["$5,459", "$325", "$(101)", "$6,115", "$656"])
    assert relations == [
        ("$5,459", "IN_PERIOD", "First Quarter 2021"),
        ("$5,459", "VALUE_OF", "Construction Industries"),
        ("$6,115", "IN_PERIOD", "First Quarter 2022"),
        ("$6,115", "VALUE_OF", "Construction Industries"),
    ]


def test_fixed_width_columns_are_read_from_their_place_on_the_page():
    filed = (
        "                                   2004      2003\n"
        "Net sales                      $  8,700  $  8,851\n"
        "Cost of sales                     6,282     6,402\n"
        "Basic earnings per share\n"
        "  before accounting change    $    -    $   0.25\n"
    )
    # The model reads "Net sales $ 8,700 $ 8,851 Cost of sales 6,282 6,402 Basic ...".
    _, relations = _read(filed, ["$ 8,700", "$ 8,851", "$ 0.25"])
    assert relations == [
        ("$ 0.25", "IN_PERIOD", "2003"),
        ("$ 0.25", "VALUE_OF", "Basic earnings per share\nbefore accounting change"),
        ("$ 8,700", "IN_PERIOD", "2004"),
        ("$ 8,700", "VALUE_OF", "Net sales"),
        ("$ 8,851", "IN_PERIOD", "2003"),
        ("$ 8,851", "VALUE_OF", "Net sales"),
    ]


def test_a_period_on_a_line_of_its_own_titles_the_rows_below_it():
    filed = (
        "(Millions of dollars)   North America   EAME   Total\n"
        "First Quarter 2022\n"
        "Construction Industries   $2,720   $1,277   $6,115\n"
    )
    _, relations = _read(filed, ["$2,720", "$1,277", "$6,115"])
    assert {(a, p) for a, label, p in relations if label == "IN_PERIOD"} == {
        ("$2,720", "First Quarter 2022"),
        ("$1,277", "First Quarter 2022"),
        ("$6,115", "First Quarter 2022"),
    }


def test_markup_has_no_layout_and_the_reader_reads_the_model_text():
    norm = normalize("<table><tr><td>Net sales</td><td>$5</td></tr></table>")
    assert norm.layout(0, len(norm.text)) is None


def test_extract_passes_the_layout_to_the_table_reader():
    extraction = iec_nlp.extract("Acme Corp. reported results.\n\n" + CONVERTED)
    figures = {(f.text, f.metric, f.period) for f in extraction.figures}
    assert ("$5,459", "Construction Industries", "First Quarter 2021") in figures
    assert ("$6,115", "Construction Industries", "First Quarter 2022") in figures
    assert not any(f.text in ("$325", "$(101)", "$656") and f.metric for f in extraction.figures)


def test_a_period_in_the_words_of_a_row_label_is_part_of_the_measure():
    filed = (
        "                                                         2022       2021\n"
        "Cash, cash equivalents and restricted cash at end of period   $6,532   $5,667\n"
    )
    others = (("cash equivalents and restricted cash", "METRIC"), ("end of period", "PERIOD"))
    _, relations = _read(
        filed, ["$6,532", "$5,667"], others, (("$6,532", "IN_PERIOD", "end of period"),)
    )
    label = "Cash, cash equivalents and restricted cash at end of period"
    assert relations == [
        ("$5,667", "IN_PERIOD", "2021"),
        ("$5,667", "VALUE_OF", label),
        ("$6,532", "IN_PERIOD", "2022"),
        ("$6,532", "VALUE_OF", label),
    ]


def test_a_name_over_a_column_gap_is_two_cells_not_a_name():
    filed = (
        "W. Barry  Gilbert joined the board.\n"
        "                 Domestic        Sears Canada      Consolidated\n"
    )
    others = (("W. Barry Gilbert", "PERSON"), ("Domestic Sears Canada", "ORG"))
    doc, _ = _read(filed, [], others)
    assert [(e.text, e.label_) for e in doc.ents] == [("W. Barry Gilbert", "PERSON")]


def test_a_period_over_a_column_gap_is_header_cells_each_the_period_of_its_column():
    filed = (
        "                          Fourth Quarter      Fiscal Year\n"
        "                          2005       2004       2005       2004\n"
        "Total revenues            $64,300    $58,800    $251,700   $229,000\n"
    )
    amounts = ["$64,300", "$58,800", "$251,700", "$229,000"]
    others = (("Total revenues", "METRIC"), ("2004 2005 2004", "PERIOD"))
    doc, relations = _read(
        filed, amounts, others, links=(("$58,800", "IN_PERIOD", "2004 2005 2004"),)
    )
    assert [r for r in relations if r[1] == "IN_PERIOD"] == [
        ("$229,000", "IN_PERIOD", "2004"),
        ("$251,700", "IN_PERIOD", "2005"),
        ("$58,800", "IN_PERIOD", "2004"),
        ("$64,300", "IN_PERIOD", "2005"),
    ]
    assert "2004 2005 2004" not in [e.text for e in doc.ents]


def test_a_metric_read_from_the_header_line_into_a_row_label_becomes_the_label():
    # The model reads "$ Change % Change Construction Industries" as one
    # phrase: the lines are joined in its text, not as filed.
    others = (("Change % Change Construction Industries", "METRIC"),)
    links = (("$5,459", "VALUE_OF", "Change % Change Construction Industries"),)
    doc, relations = _read(CONVERTED, ["$5,459", "$325", "$(101)", "$6,115", "$656"], others, links)
    assert [e.text for e in doc.ents if e.label_ == "METRIC"] == ["Construction Industries"]
    assert ("$5,459", "VALUE_OF", "Construction Industries") in relations
    assert ("$6,115", "VALUE_OF", "Construction Industries") in relations


def test_dashes_that_indent_a_row_are_no_part_of_its_label():
    filed = (
        "                          2004      2003\n"
        "Inventories:\n"
        "     -LIFO              $4,945    $4,881\n"
        "     -- FIFO            $5,526    $5,507\n"
    )
    doc, relations = _read(filed, ["$4,945", "$4,881", "$5,526", "$5,507"])
    assert {(a, m) for a, label, m in relations if label == "VALUE_OF"} == {
        ("$4,945", "LIFO"),
        ("$4,881", "LIFO"),
        ("$5,526", "FIFO"),
        ("$5,507", "FIFO"),
    }
    # "-LIFO" was one token: the dash glued to the label is split off.
    assert [e.text for e in doc.ents if e.label_ == "METRIC"] == ["LIFO", "FIFO"]


def test_the_unit_a_row_is_stated_in_is_no_part_of_its_label():
    filed = (
        "                               2004       2003\n"
        "Operating revenues (millions)  $ 338.6    $ 322.0\n"
        "Net income (in thousands)      $24,812    $27,301\n"
    )
    doc, relations = _read(filed, ["$ 338.6", "$ 322.0", "$24,812", "$27,301"])
    assert {(a, m) for a, label, m in relations if label == "VALUE_OF"} == {
        ("$ 338.6", "Operating revenues"),
        ("$ 322.0", "Operating revenues"),
        ("$24,812", "Net income"),
        ("$27,301", "Net income"),
    }


def test_a_long_row_of_cells_is_no_running_text_above_the_rows_below_it():
    filed = (
        "For the Three Months Ended March 31, 2022\n"
        "                                     Consolidated   Machinery   Financial Products\n"
        "Proceeds from disposals of leased assets and property, plant and equipment   269   33   241\n"
        "Cash and restricted cash at end of period   $6,532   $5,667   $865\n"
    )
    others = (("restricted cash", "METRIC"), ("end of period", "PERIOD"))
    links = (("$6,532", "IN_PERIOD", "end of period"),)
    _, relations = _read(filed, ["$6,532", "$5,667", "$865"], others, links)
    # The title's period is every cell's, also the one the extractor linked to the label's words.
    assert {(a, p) for a, label, p in relations if label == "IN_PERIOD"} == {
        ("$6,532", "Three Months Ended March 31, 2022"),
        ("$5,667", "Three Months Ended March 31, 2022"),
        ("$865", "Three Months Ended March 31, 2022"),
    }


def test_cells_beside_empty_cells_take_the_period_above_them_not_the_one_of_their_rank():
    filed = (
        "                           For the 13 Weeks     For the 13 Weeks\n"
        "                          Ended July 3, 2004   Ended June 28, 2003\n"
        "                          Pretax   Per Share   Pretax    Per Share\n"
        "Negative carry             $19      $0.05     $   -      $    -\n"
    )
    _, relations = _read(filed, ["$19", "$0.05"])
    assert {(a, p) for a, label, p in relations if label == "IN_PERIOD"} == {
        ("$19", "Ended July 3, 2004"),
        ("$0.05", "Ended July 3, 2004"),
    }


# Folded, "$ 5,464 Current portion of long-term debt" reads as a phrase, and
# the extractor took the next row's "long-term debt" for the cell's measure.
_NEXT_ROW_METRIC = (
    "                                    2004      2003\n"
    "Short-term borrowings            $   770   $ 5,464\n"
    "Current portion of long-term debt     678     5,012\n"
)


def _read_next_row_metric():
    others = (("long-term debt", "METRIC"),)
    links = (("$ 5,464", "VALUE_OF", "long-term debt"),)
    return _read(_NEXT_ROW_METRIC, ["$ 770", "$ 5,464"], others, links)


def test_a_metric_on_the_next_row_is_not_the_measure_of_this_rows_cells():
    _, relations = _read_next_row_metric()
    assert {(a, m) for a, label, m in relations if label == "VALUE_OF"} == {
        ("$ 770", "Short-term borrowings"),
        ("$ 5,464", "Short-term borrowings"),
    }


def test_a_metric_whose_only_link_went_to_the_row_label_is_no_entity():
    # The next row's "long-term debt" was the measure only through the link
    # the reader moves to this row's label (SCHEMA.md 2: no METRIC unlinked).
    doc, _ = _read_next_row_metric()
    assert [e.text for e in doc.ents if e.label_ == "METRIC"] == ["Short-term borrowings"]


def test_a_metric_in_the_column_headers_is_not_the_measure_of_a_labelled_row():
    filed = (
        "North America   EAME   Total Sales and Revenues\n"
        "First Quarter 2022\n"
        "Construction Industries   $2,720   $1,277   $6,115\n"
    )
    others = (("Total Sales and Revenues", "METRIC"),)
    links = (("$2,720", "VALUE_OF", "Total Sales and Revenues"),)
    _, relations = _read(filed, ["$2,720", "$1,277", "$6,115"], others, links)
    assert {(a, m) for a, label, m in relations if label == "VALUE_OF"} == {
        ("$2,720", "Construction Industries"),
        ("$1,277", "Construction Industries"),
        ("$6,115", "Construction Industries"),
    }


def test_a_row_label_that_opens_with_the_measure_keeps_the_segment_it_names():
    filed = (
        "                                                  2022      2021\n"
        "Sales of Machinery, Energy & Transportation   $12,886   $11,191\n"
    )
    others = (("Sales", "METRIC"), ("Machinery, Energy & Transportation", "ORG"))
    links = (("$12,886", "VALUE_OF", "Sales"),)
    doc, relations = _read(filed, ["$12,886", "$11,191"], others, links)
    label = "Sales of Machinery, Energy & Transportation"
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("METRIC", "ORG")] == [
        (label, "METRIC")
    ]
    assert {(a, m) for a, kind, m in relations if kind == "VALUE_OF"} == {
        ("$12,886", label),
        ("$11,191", label),
    }


# A transposed table (a non-GAAP reconciliation): columns are measures, rows open with their period.
TRANSPOSED = (
    "Reconciliations of adjusted results are as follows:\n"
    "(Dollars in millions)   Operating Profit   Operating Margin   Net Income   Earnings per Share\n"
    "Six Months Ended June 30, 2024 - GAAP   $1,855   13.7%   $1,537   $2.86\n"
    "Restructuring costs   13   0.1%   11   $0.02\n"
    "Six Months Ended June 30, 2023 - Adjusted   $1,878   15.8%   $1,584   $2.87\n"
)


def test_a_transposed_table_takes_measures_from_its_columns_and_periods_from_its_rows():
    money = ["$1,855", "$1,537", "$2.86", "$0.02", "$1,878", "$1,584", "$2.87"]
    # The model's guesses: the row's qualifier as the measure of its cells.
    doc, relations = _read(
        TRANSPOSED, money, others=(("GAAP", "METRIC"),), links=(("$1,855", "VALUE_OF", "GAAP"),)
    )
    read = {(amount, label): target for amount, label, target in relations}
    assert read[("$1,855", "VALUE_OF")] == "Operating Profit"
    assert read[("$1,537", "VALUE_OF")] == "Net Income"
    assert read[("$2.86", "VALUE_OF")] == "Earnings per Share"
    assert read[("$1,855", "IN_PERIOD")] == "Six Months Ended June 30, 2024"
    assert read[("$2.87", "IN_PERIOD")] == "Six Months Ended June 30, 2023"
    assert read[("$1,584", "VALUE_OF")] == "Net Income"
    # The qualifier measures nothing; a row whose label is a measure is read as usual.
    assert ("GAAP", "METRIC") not in {(e.text, e.label_) for e in doc.ents}
    assert ("$1,855", "VALUE_OF", "GAAP") not in relations
    # An adjustment row falls in the period of the row it adjusts, above it.
    assert read[("$0.02", "IN_PERIOD")] == "Six Months Ended June 30, 2024"


def test_a_header_date_with_an_abbreviated_month_is_one_period_even_where_the_recognizer_cut_it():
    filed = (
        "                          Sept. 30, 2024      Dec. 31, 2023\n"
        "Total deposits            $1,204              $1,150\n"
    )
    # The recognizer found only the year of the first date.
    others = (("Total deposits", "METRIC"), ("2024", "PERIOD"))
    doc, relations = _read(filed, ["$1,204", "$1,150"], others)
    assert [r for r in relations if r[1] == "IN_PERIOD"] == [
        ("$1,150", "IN_PERIOD", "Dec. 31, 2023"),
        ("$1,204", "IN_PERIOD", "Sept. 30, 2024"),
    ]
    assert [e.text for e in doc.ents if e.label_ == "PERIOD"] == ["Sept. 30, 2024", "Dec. 31, 2023"]


def test_a_header_date_written_in_figures_is_the_period_of_its_column():
    filed = (
        "                          First Quarter Ended\n"
        "                          11/30/96        11/30/95\n"
        "Net sales                 $12,204         $11,150\n"
    )
    others = (("Net sales", "METRIC"),)
    doc, relations = _read(filed, ["$12,204", "$11,150"], others)
    assert [r for r in relations if r[1] == "IN_PERIOD"] == [
        ("$11,150", "IN_PERIOD", "11/30/95"),
        ("$12,204", "IN_PERIOD", "11/30/96"),
    ]


def test_a_footnote_marker_in_letters_is_no_part_of_a_row_label():
    filed = (
        "                                   2024        2023\n"
        "Adjusted EBITDA (a)             $  12,400   $  10,100\n"
        "Free cash flow (iv)             $   4,200   $   3,900\n"
    )
    _, relations = _read(filed, ["$ 12,400", "$ 4,200"])
    assert ("$ 12,400", "VALUE_OF", "Adjusted EBITDA") in relations
    assert ("$ 4,200", "VALUE_OF", "Free cash flow") in relations


def test_the_basis_of_a_rows_figures_is_no_part_of_its_label():
    filed = (
        "                                   2024        2023\n"
        "Adjusted EBITDA (non-GAAP)      $  12,400   $  10,100\n"
        "Net income (GAAP)               $   4,200   $   3,900\n"
    )
    _, relations = _read(filed, ["$ 12,400", "$ 4,200"])
    assert ("$ 12,400", "VALUE_OF", "Adjusted EBITDA") in relations
    assert ("$ 4,200", "VALUE_OF", "Net income") in relations


def test_a_quarters_code_with_its_number_first_heads_a_column():
    filed = (
        "                               3Q 2022     2Q 2022\n"
        "Net premiums earned           $  112.4    $  108.9\n"
    )
    _, relations = _read(filed, ["$ 112.4", "$ 108.9"])
    assert ("$ 112.4", "IN_PERIOD", "3Q 2022") in relations and (
        "$ 108.9",
        "IN_PERIOD",
        "2Q 2022",
    ) in relations


def test_footnote_marks_after_a_row_label_are_no_cells_of_the_row():
    filed = (
        "                        2024 GAAP   Adj.   2024 Non-GAAP   2023 GAAP   Adj.   2023 Non-GAAP\n"
        "TOTAL SALES (2) (3)   $5,210   $4   $5,214   $4,980   $7   $4,987\n"
    )
    _, relations = _read(filed, ["$5,210", "$4", "$5,214", "$4,980", "$7", "$4,987"])
    assert ("$5,210", "VALUE_OF", "TOTAL SALES") in relations
    assert ("$5,214", "IN_PERIOD", "2024") in relations
    assert ("$4,987", "VALUE_OF", "TOTAL SALES") in relations
    assert ("$4,980", "IN_PERIOD", "2023") in relations
    # The adjustments column is headed by no period: its cells are no level of the row's measure.
    assert not [r for r in relations if r[0] in ("$4", "$7")]


def test_a_schedule_row_labelled_with_its_period_heads_no_rows_below_it():
    filed = (
        "Future annual amortization expense is as follows:\n"
        "\n"
        "Fiscal 2032   $2,410\n"
        "Fiscal 2033   1,118\n"
        "Fiscal 2034   702\n"
        "Total intangible assets, net   $4,230\n"
    )
    _, relations = _read(filed, ["$2,410", "$4,230"])
    assert ("$4,230", "VALUE_OF", "Total intangible assets, net") in relations
    assert not [r for r in relations if r[0] == "$4,230" and r[1] == "IN_PERIOD"]


# A fixed-width table of an EDGAR text filing, with the filing's <TABLE>,
# <S> and <C> tags and a change column after each pair of years.
TAGGED = (
    "<TABLE>\n<CAPTION>\n"
    "                          3 Months Ended December        12 Months Ended December\n"
    "                          2006      2005    Change       2006      2005    Change\n"
    "<S>                       <C>       <C>     <C>          <C>       <C>     <C>\n"
    "Retail Revenue            $2,505    $2,669  $ (164)      $11,801   $11,165  $ 636\n"
    "</TABLE>\n"
)


def test_a_text_filings_table_tags_keep_its_layout_and_html_does_not():
    norm = normalize(TAGGED)
    assert "<S>" not in norm.text
    original, _ = norm.layout(0, len(norm.text))
    assert "2006      2005    Change" in original
    assert normalize("<table><tr><td>Revenue</td><td>$5</td></tr></table>").layout(0, 5) is None


def test_a_change_column_between_periods_holds_no_level_and_no_period():
    _, relations = _read(TAGGED, ["$2,505", "$2,669", "$ (164)", "$11,801", "$11,165", "$ 636"])
    assert relations == sorted(
        [
            (amount, "VALUE_OF", "Retail Revenue")
            for amount in ("$2,505", "$2,669", "$11,801", "$11,165")
        ]
        + [
            ("$2,505", "IN_PERIOD", "2006"),
            ("$2,669", "IN_PERIOD", "2005"),
            ("$11,801", "IN_PERIOD", "2006"),
            ("$11,165", "IN_PERIOD", "2005"),
        ]
    )


def test_a_column_gap_ends_a_period_header_cell():
    from iec_nlp.components.table_reader import _PERIOD_CELL

    header = "3 Months Ended December          12 Months Ended December"
    assert [m.group() for m in _PERIOD_CELL.finditer(header)] == [
        "3 Months Ended",
        "12 Months Ended",
    ]
    assert _PERIOD_CELL.fullmatch("Three Months Ended March 31, 2022")


def test_a_pointer_to_the_notes_is_no_word_of_a_row_label():
    filed = (
        "                                   2006       2005\n"
        "Basic Earnings Per Share - (See Notes)    $ 0.25     $ 0.21\n"
    )
    _, relations = _read(filed, ["$ 0.25", "$ 0.21"])
    assert ("$ 0.25", "VALUE_OF", "Basic Earnings Per Share") in relations
