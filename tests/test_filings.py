"""Reading inputs as users hold them: EDGAR submissions, HTML, gzip, encodings.

No model is needed here: these tests check what text the extractor is given.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from iec_nlp.filings import (
    UnreadableInputError,
    cover_page_end,
    decode,
    parse_header,
    read_documents,
    read_source,
    render_html,
)

FILINGS = Path(__file__).resolve().parent / "data" / "filings"

# What each real submission holds: the documents to extract (id, type) and
# the other blocks, skipped and counted by type.
EXPECTED = {
    "atrinsic_0001144204-16-096273.txt.gz": (
        [("v437868_8k.htm", "8-K"), ("v437868_ex99-1.htm", "EX-99.1"), ("v437868_ex99-2.htm", "EX-99.2"), ("v437868_ex99-3.htm", "EX-99.3")],
        {},
    ),
    "caterpillar_0000018230-22-000107.txt.gz": (
        [("cat-20220428.htm", "8-K"), ("ex991toformcat1q2022earnin.htm", "EX-99.1"), ("ex992toformcat1q2022retail.htm", "EX-99.2")],
        {"EX-101.SCH": 1, "EX-101.DEF": 1, "EX-101.LAB": 1, "EX-101.PRE": 1, "GRAPHIC": 3, "XML": 5, "EXCEL": 1, "JSON": 1, "ZIP": 1},
    ),
    "oracle_0001193125-19-191922.txt.gz": (
        [("d776427d8k.htm", "8-K"), ("d776427dex991.htm", "EX-99.1")],
        {"GRAPHIC": 1},
    ),
    "rock-of-ages_0000084581-00-500009.txt.gz": (
        [("formacqui.htm", "8-K"), ("pressacqui.htm", "EX-99")],
        {},
    ),
    "sears_0000891092-04-003383.txt.gz": (
        [("e18506_8k.txt", "8-K"), ("e18506ex_99.txt", "EX-99")],
        {},
    ),
    "southern-co_0000092122-07-000008.txt.gz": (
        [("form8kearnings8k.htm", "8-K")] + [(f"x990{n}.{'htm' if n == 1 else 'txt'}", f"EX-99.0{n}") for n in range(1, 7)],
        {"GRAPHIC": 1},
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_real_submission_gives_exactly_its_8k_and_ex99_documents(name):
    documents, skipped = EXPECTED[name]
    contents = read_source(FILINGS / name)
    assert [(d.id, d.metadata["type"]) for d in contents.documents] == documents
    assert Counter(s.type for s in contents.skipped) == Counter(skipped)
    for document in contents.documents:
        assert document.source == str(FILINGS / name)
        assert document.encoding == "utf-8"
        assert len(document.text.split()) > 50


def test_submission_metadata_comes_from_the_sec_header():
    documents = read_documents(FILINGS / "southern-co_0000092122-07-000008.txt.gz")
    exhibit = documents[1]
    assert exhibit.metadata == {
        "id": "x9901.htm",
        "type": "EX-99.01",
        "sequence": 3,
        "filename": "x9901.htm",
        "description": exhibit.metadata["description"],
        # Six companies file this 8-K together: the first filer is the issuer.
        "company": "SOUTHERN CO",
        "cik": "0000092122",
        "form_type": "8-K",
        "filing_date": "2007-01-25",
        "accession_number": "0000092122-07-000008",
    }
    assert [d.markup for d in documents] == ["html", "html", "text", "text", "text", "text", "text"]
    header = parse_header(
        gzip.decompress(
            (FILINGS / "rock-of-ages_0000084581-00-500009.txt.gz").read_bytes()
        ).decode()
    )
    assert header == {
        "company": "ROCK OF AGES CORP",
        "cik": "0000084581",
        "form_type": "8-K",
        "filing_date": "2000-09-27",
        "accession_number": "0000084581-00-500009",
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_document_holds_the_sec_header_or_the_8k_cover_page(name):
    for document in read_documents(FILINGS / name):
        assert "ACCESSION NUMBER" not in document.text and "SEC-HEADER" not in document.text
        assert "<TYPE>" not in document.text and "<DOCUMENT>" not in document.text
        if document.metadata["type"] == "8-K":
            # What the registrant's cover says (name, state, file number,
            # check boxes) is boilerplate: the text starts at the first item.
            for boilerplate in (
                "Commission File Number",
                "Exact name of registrant",
                "Check the appropriate box",
                "Rule 14a-12",
            ):
                assert boilerplate.lower() not in document.text.lower(), boilerplate
            assert document.text.lstrip().lower().startswith("item"), document.text[:80]


def test_html_tables_keep_rows_as_lines_and_cells_apart():
    html = (
        "<html><head><title>Q1</title><style>td {color: red}</style></head><body>"
        "<p>Net&nbsp;sales rose at AT&amp;T&#8217;s unit.</p>"
        "<div style='display:none'><ix:header>0000018230 false</ix:header></div>"
        "<table><tr><td>Net sales</td><td>$</td><td>51,204</td><td>(1,234</td><td>)</td><td>12</td><td>%</td></tr>"
        "<tr><th>Three Months<br>Ended</th><td><p>$48,000</p></td></tr></table>"
        "<script>var x = '<p>not text</p>';</script><p>Contact: Jane Roe</p></body></html>"
    )
    text, starts, ends = render_html(html)
    assert text.split("\n") == [
        "Net sales rose at AT&T\u2019s unit.",
        "",
        "Net sales\t$ 51,204\t(1,234)\t12%",
        "Three Months Ended\t$48,000",
        "",
        "Contact: Jane Roe",
    ]
    assert "sales</td>" not in text and "0000018230" not in text and "not text" not in text
    # Every rendered character knows where in the HTML it came from.
    position = text.index("51,204")
    assert html[starts[position] : ends[position + 5]] == "51,204"
    amp = text.index("&")
    assert html[starts[amp] : ends[amp]] == "&amp;"


def test_html_rendering_maps_spans_back_to_the_file():
    path = FILINGS / "caterpillar_0000018230-22-000107.txt.gz"
    raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    release = read_documents(path)[1]
    assert release.markup == "html" and release.offset is None
    for phrase in ("Jim Umpleby", "DEERFIELD, Ill.", "$13.589 billion", "Construction Industries"):
        start = release.text.index(phrase)
        source_start, source_end = release.source_span(start, start + len(phrase))
        source = raw[source_start:source_end]
        # The same words, with at most markup and entities between them.
        assert source.startswith(phrase.split()[0]) and source.endswith(phrase.split()[-1])
    # Table rows of the results are lines with tab-separated cells.
    assert "Construction Industries\t$ 5,459\t$ 325\t" in release.text


def test_text_documents_are_slices_of_the_file_with_line_ends_as_stored(tmp_path):
    raw = gzip.decompress((FILINGS / "sears_0000891092-04-003383.txt.gz").read_bytes()).decode(
        "utf-8"
    )
    crlf = raw.replace("\n", "\r\n")
    path = tmp_path / "sears-crlf.txt"
    path.write_bytes(crlf.encode("utf-8"))
    for document in read_documents(path):
        assert document.markup == "text"
        assert crlf[document.offset : document.offset + len(document.text)] == document.text
        assert "\r\n" in document.text
        start = document.text.index(
            "Registrant" if document.metadata["type"] == "8-K" else "Alan J. Lacy"
        )
        assert document.source_span(start, start + 5) == (
            document.offset + start,
            document.offset + start + 5,
        )
    release = tmp_path / "release.txt"
    release.write_bytes(b"ACME Corp.\r\nJohn Smith, CEO\r\n")
    (document,) = read_documents(release)
    assert (
        document.text == "ACME Corp.\r\nJohn Smith, CEO\r\n"
        and document.offset == 0
        and document.metadata is None
    )


def test_gzip_is_recognized_by_content_and_html_by_name(tmp_path):
    page = "<html><body><p>Jane Roe</p><p>Chief Executive Officer</p></body></html>"
    (tmp_path / "a.htm.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "b.txt").write_bytes(gzip.compress(b"plain release text"))
    (html_document,) = read_documents(tmp_path / "a.htm.gz")
    assert (
        html_document.markup == "html"
        and html_document.text == "Jane Roe\n\nChief Executive Officer"
    )
    (text_document,) = read_documents(tmp_path / "b.txt")
    assert text_document.text == "plain release text"


def test_encodings_are_detected_and_named():
    assert decode("Caf\u00e9 \u2013 $5".encode()) == ("Caf\u00e9 \u2013 $5", "utf-8")
    # Old filings: cp1252 curly quotes and dashes.
    assert decode(b"\x93Acme\x94 \x96 caf\xe9") == ("\u201cAcme\u201d \u2013 caf\u00e9", "cp1252")
    # 0x81 has no character in cp1252: latin-1 reads anything.
    assert decode(b"caf\xe9 \x81")[1] == "latin-1"
    assert decode(b"\xef\xbb\xbfhello") == ("hello", "utf-8-sig")
    assert decode("\u00a3100".encode("utf-16")) == ("\u00a3100", "utf-16")
    declared = '<html><head><meta charset="iso-8859-7"></head><body>\u0391\u03b8\u03ae\u03bd\u03b1</body></html>'
    assert decode(declared.encode("iso-8859-7")) == (declared, "iso8859-7")
    with pytest.raises(UnreadableInputError, match="binary"):
        decode(b"%PDF-1.4\x00\x00\x01")


def test_an_unreadable_input_raises_a_clear_error(tmp_path):
    corrupt = tmp_path / "bad.txt.gz"
    whole = gzip.compress(bytes(range(256)) * 40)
    corrupt.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UnreadableInputError, match="gzip"):
        read_source(corrupt)
    with pytest.raises(OSError):
        read_source(tmp_path / "missing.txt")


def test_the_cover_page_ends_at_the_first_item_or_after_its_boilerplate():
    cover = (
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nCURRENT REPORT\n"
        "ACME CORP\n(Exact name of registrant as specified in its charter)\n"
        "(Registrant's telephone number, including area code)\n"
    )
    assert (
        cover_page_end(cover + "  Item 5.02 Departure of Directors\nJohn Smith resigned.")
        == len(cover) + 2
    )
    assert cover_page_end(cover + "\nJohn Smith resigned.") == len(cover) + 1
    # A release, or an 8-K without a cover, keeps all of its text.
    assert cover_page_end("ACME Corp. names John Smith CEO.\nItem 1 of the agenda") == 0
