"""normalize(): a cleaned copy for the model and an exact map back to the original."""

from __future__ import annotations

import html
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iec_nlp.text import normalize

# Pieces a filing may be made of: prose, every kind of line end, invisible and
# control characters, markup, entities and layout lines.
_JUNK_FRAGMENTS = [
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x01",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9f",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u200f",
    "\u202e",
    "\U0001f600",
    "\U0001f4b0",
    "\ud800",
    "\udfff",
    "$",
    "(",
    ")",
    "$14.0",
    "million",
    "<p>",
    "</p>",
    "<br>",
    "<PAGE>",
    "<TEXT>",
    "</DOCUMENT>",
    "&amp;",
    "&eacute;",
    "&#13;",
    "&#9;",
    "&#0;",
    "&#x200b;",
    "&nbsp;",
    "&bogus;",
    "\nPage 3 of 6\n",
    "\n- 3 -\n",
    "\n[GRAPHIC LOGO OMITTED]\n",
    "IEC Electronics Corp.",
    "W. Barry Gilbert, CEO",
]
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:'-"

filings = st.lists(
    st.one_of(
        st.sampled_from(_JUNK_FRAGMENTS),
        st.text(alphabet=_WORD_CHARS, min_size=1, max_size=70),
    ),
    max_size=60,
).map("".join)

_BLANKS = (" ", "\n")
_HIDDEN = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f"}


def _is_decoded_entity(original: str, offset: int) -> bool:
    return original[offset] == "&"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(filings)
def test_map_back_is_exact(original: str) -> None:
    norm = normalize(original)
    text, offsets = norm.text, norm.to_original
    assert norm.original is original
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(original)
    assert all(a <= b for a, b in itertools.pairwise(offsets)), "offsets go backwards"
    assert all(0 <= off < len(original) for off in offsets[:-1])
    for ch, off in zip(text, offsets):
        if ch in _BLANKS or _is_decoded_entity(original, off):
            continue
        assert ch == original[off], (ch, off, original[max(0, off - 10) : off + 10])
    # Text characters (not decoded entities) keep their order one to one.
    plain = [
        off for ch, off in zip(text, offsets[:-1]) if ch not in _BLANKS and original[off] != "&"
    ]
    assert all(a < b for a, b in itertools.pairwise(plain))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(filings, st.data())
def test_original_span_stays_inside(original: str, data: st.DataObject) -> None:
    norm = normalize(original)
    n = len(norm.text)
    if n == 0:
        assert norm.text == ""
        return
    i = data.draw(st.integers(0, n - 1), label="start")
    j = data.draw(st.integers(i + 1, n), label="end")
    start, end = norm.original_span(i, j)
    assert 0 <= start < end <= len(original)
    assert start == norm.to_original[i]
    assert end > norm.to_original[j - 1]
    # Every single character maps to a span holding it (or the entity decoding to it).
    for k, ch in enumerate(norm.text):
        s, e = norm.original_span(k, k + 1)
        piece = original[s:e]
        if ch in _BLANKS:
            continue
        assert ch in html.unescape(piece).replace("\u00a0", " ") or piece == ch, (ch, piece)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(filings)
def test_model_text_is_clean(original: str) -> None:
    text = normalize(original).text
    assert "\r" not in text
    assert not any(ord(c) < 32 and c != "\n" for c in text), "control character left"
    assert not any(0x7F <= ord(c) < 0xA0 for c in text)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text), "lone surrogate left"
    assert not _HIDDEN.intersection(text)
    assert text == text.strip(" \n")
    assert "  " not in text and "\n\n\n" not in text
    assert " \n" not in text and "\n " not in text
    for tag in ("<p>", "</p>", "<br>", "<PAGE>", "<TEXT>", "</DOCUMENT>"):
        assert tag not in text
    text.encode("utf-8")  # encodable: nothing the model cannot read


# --- unit tests ---------------------------------------------------------------


def _word_spans(norm):
    for m in re.finditer(r"\S+", norm.text):
        yield m.group(), norm.original_span(m.start(), m.end())


def _assert_words_map_back(norm) -> None:
    """Every word of the cleaned text is found at its mapped original span."""
    for word, (start, end) in _word_spans(norm):
        assert html.unescape(norm.original[start:end]).replace("\u00a0", " ") == word


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize(
    "marker", ["Page 3 of 6", "  - 3 -  ", "[GRAPHIC LOGO OMITTED]", "[GRAPHIC OMITTED]"]
)
def test_layout_lines_are_removed(eol: str, marker: str) -> None:
    original = eol.join(["IEC Electronics Corp. reported sales.", marker, "Net income rose."])
    norm = normalize(original)
    assert norm.text == "IEC Electronics Corp. reported sales.\n\nNet income rose."
    _assert_words_map_back(norm)
    start = norm.text.index("Net")
    assert norm.original_span(start, start + 3) == (
        original.index("Net"),
        original.index("Net") + 3,
    )


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_page_marker_with_form_feed(eol: str) -> None:
    # EDGAR text filings put a form feed after the page number.
    original = eol.join(
        ["Net sales rose.", "", "  Page\t2\u00a0of 6\x0c", "\x0c- 3 -", "Net income fell."]
    )
    assert normalize(original).text == "Net sales rose.\n\nNet income fell."


def test_page_footer_in_html() -> None:
    original = '<p>Net sales rose.</p>\n<p align="center"> - 3 - </p>\n<P>Page 3 of 6<BR>\n<p>Net income fell.</p>'
    norm = normalize(original)
    assert norm.text == "Net sales rose.\n\nNet income fell."
    _assert_words_map_back(norm)


def test_page_number_inside_prose_is_kept() -> None:
    original = "Sales were $3 million for page 3 of 6 segments.\n- 3 - is a dash."
    assert normalize(original).text.startswith("Sales were $3 million for page 3 of 6 segments.")
    assert "- 3 - is a dash." in normalize(original).text
    assert (
        normalize("<p>See <b>Page 3 of 6</b> of the report.</p>").text
        == "See Page 3 of 6 of the report."
    )


RELEASE = (
    "IEC Electronics Corp. (IECE.OB) today reported net sales of $14.0 million\n"
    "for the quarter ended March 31, 2008.\n\n"
    "W. Barry Gilbert, Chairman and CEO, said the results were strong.\n"
)


def test_html_is_stripped_and_maps_back() -> None:
    body = "".join(f'<p class="x">{html.escape(p)}</p>\n' for p in RELEASE.split("\n\n"))
    original = f"<html><head><title>PR</title></head><body>\n{body}<br/></body></html>"
    norm = normalize(original)
    assert "<" not in norm.text and ">" not in norm.text
    assert "W. Barry Gilbert, Chairman and CEO" in norm.text
    assert "IEC Electronics Corp." in norm.text
    assert "Gilbert" in norm.text and "\n" in norm.text  # paragraphs stay apart
    _assert_words_map_back(norm)
    i = norm.text.index("$14.0")
    s, e = norm.original_span(i, i + len("$14.0 million"))
    assert original[s:e].split() == ["$14.0", "million"]


def test_html_entities_map_to_the_whole_entity() -> None:
    original = "<p>AT&amp;T named Jos&eacute; Ruiz, Jos&eacute;, and Caf&eacute;&nbsp;Inc.</p>"
    norm = normalize(original)
    assert "AT&T named José Ruiz, José, and Café Inc." == norm.text
    for word in ("AT&T", "José", "Café"):
        i = norm.text.index(word)
        s, e = norm.original_span(i, i + len(word))
        assert html.unescape(original[s:e]) == word, original[s:e]
    i = norm.text.index("José,")
    s, e = norm.original_span(i, i + 4)
    assert original[s:e] == "Jos&eacute;"


def test_decoded_entities_are_cleaned_too() -> None:
    # Entities decode to the characters they name; those get the same cleaning
    # as literal ones: control characters become a space, invisible ones go.
    norm = normalize("<p>a&#13;b&#0;c&#x200b;d&#9;e&#x202f;f</p>")
    assert norm.text == "a b\ufffdcd e f"


def test_plain_text_keeps_ampersands_and_angle_brackets() -> None:
    original = "R&D spending < $1 million &amp; falling; AT&T"
    assert normalize(original).text == original


EDGAR = (
    "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>x.txt\n<DESCRIPTION>PRESS RELEASE\n"
    "<TEXT>\n{release}\n</TEXT>\n</DOCUMENT>\n"
)


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_edgar_envelope_is_stripped(eol: str) -> None:
    original = EDGAR.format(release=RELEASE).replace("\n", eol)
    norm = normalize(original)
    for junk in ("EX-99.1", "x.txt", "SEQUENCE", "PRESS RELEASE", "<", ">"):
        assert junk not in norm.text
    assert norm.text.startswith("IEC Electronics Corp. (IECE.OB)")
    assert norm.text.endswith("the results were strong.")
    _assert_words_map_back(norm)
    i = norm.text.index("W. Barry Gilbert")
    s, e = norm.original_span(i, i + len("W. Barry Gilbert"))
    assert original[s:e] == "W. Barry Gilbert" and s == original.index("W. Barry Gilbert")


def test_page_tag_inside_edgar_text() -> None:
    release = RELEASE.replace("\n\n", "\n\n<PAGE>\n\n")
    norm = normalize(EDGAR.format(release=release))
    assert "PAGE" not in norm.text
    assert "March 31, 2008.\n\nW. Barry Gilbert" in norm.text


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_ends(eol: str) -> None:
    original = RELEASE.replace("\n", eol)
    norm = normalize(original)
    assert norm.text == normalize(RELEASE).text
    assert "\r" not in norm.text
    _assert_words_map_back(norm)


def test_hard_wrap_is_joined_and_short_lines_stay() -> None:
    original = (
        "IEC Electronics Corp. today reported that net sales for the quarter were $14.0\n"
        "million, compared with $12.1 million in the same quarter of the prior year.\n"
        "\n"
        "Contact:\n"
        "W. Barry Gilbert\n"
        "Chief Executive Officer\n"
    )
    norm = normalize(original)
    assert "$14.0 million, compared" in norm.text
    assert "Contact:\nW. Barry Gilbert\nChief Executive Officer" in norm.text
    i = norm.text.index("$14.0 million")
    s, e = norm.original_span(i, i + len("$14.0 million"))
    assert original[s:e] == "$14.0\nmillion"


def test_invisible_and_control_characters() -> None:
    original = (
        "\ufeffW. Barry Gil\u200bbert\x00said\u200f \ud800 sales\x07rose\t\t$4.7\u00a0million."
    )
    norm = normalize(original)
    assert norm.text == "W. Barry Gilbert said sales rose $4.7 million."
    i = norm.text.index("Gilbert")
    s, e = norm.original_span(i, i + len("Gilbert"))
    assert original[s:e] == "Gil\u200bbert"
    for word, (s, e) in _word_spans(norm):
        assert original[s:e].replace("\u200b", "").replace("\u00a0", " ") == word


@pytest.mark.parametrize(
    "original", ["", " ", "\n\r\n\t", "\u200b\ufeff", "<p></p>", "Page 1 of 2"]
)
def test_empty_results(original: str) -> None:
    norm = normalize(original)
    assert norm.text == ""
    assert list(norm.to_original) == [len(original)]


def test_emoji_and_rtl_are_kept_as_text() -> None:
    original = "Sales \U0001f600 rose \u202eto $3 million"
    norm = normalize(original)
    assert norm.text == original
    assert list(norm.to_original) == list(range(len(original) + 1))


def test_a_contact_block_with_a_hanging_indent_keeps_its_lines() -> None:
    original = (
        "Westbrook Paper Company today reported that net sales for the quarter were $14.0\n"
        "million, compared with $12.1 million in the same quarter of the prior year.\n"
        "\n"
        "CONTACT: Westbrook Paper Company, Portland\n"
        "         Ellen R. Samuels, Vice President-Finance and Treasurer\n"
        "         207/555-0123\n"
    )
    text = normalize(original).text
    assert "$14.0 million, compared" in text
    assert (
        "CONTACT: Westbrook Paper Company, Portland\nEllen R. Samuels, Vice President-Finance and Treasurer\n207"
        in text
    )


def test_a_line_opening_with_a_contacts_label_is_never_joined_to_the_long_line_above() -> None:
    text = (
        "Investors: Marcus Tiedemann, Director, Investor Relations, +1 248-555-0171, ir@stenbury.com\n"
        "Media (Europe): Bettina Krauss, Stenbury Drive Systems GmbH, +49 89 555 0142\n"
    )
    assert normalize(text).text.splitlines()[1].startswith("Media (Europe): Bettina Krauss")


def test_the_lines_under_a_contact_label_alone_are_stacked_however_long() -> None:
    text = (
        "Contact:\nLeona Brackett\nVice President, Corporate Development and Investor Relations\n"
        "Brennholt Defense Technologies, Inc.\n(571) 555-0166\n"
    )
    assert normalize(text).text.splitlines()[3] == "Brennholt Defense Technologies, Inc."


def test_a_blank_line_under_a_contact_label_alone_still_opens_its_stacked_block() -> None:
    text = (
        "Contacts:\n\nCyprian Keane\nSenior Vice President, Investor Relations\n"
        "Sablewood Industrial Realty, Inc.\nir@sablewoodreit.com\n"
    )
    assert normalize(text).text.splitlines()[4] == "Sablewood Industrial Realty, Inc."
