"""Reading releases as users hold them: EDGAR submissions, HTML, gzip, old encodings.

`read_documents(path)` turns one input file into the documents to extract
from:

- a plain text release is one document;
- an EDGAR full submission (`<SEC-DOCUMENT>`, the SEC header, one
  `<DOCUMENT>` block per file of the filing) gives one document per block of
  type 8-K, 8-K/A, EX-99 or EX-99.* (EX-99.1, EX-99.01, ...), with the
  submission's metadata; other blocks (GRAPHIC, EX-101.*, XML, ZIP, ...) are
  skipped and counted. The SEC header is never read as text, and the cover
  page of an 8-K (registrant, commission file number, check boxes) is left
  out of its text;
- an HTML file (or an HTML block of a submission) is rendered to text: tags,
  scripts, styles and hidden inline-XBRL data out, entities decoded, block
  elements as line breaks, each table row on one line with its cells
  separated by tabs;
- any of these may be gzipped (recognized by content, not by name).

Bytes are decoded as UTF-8, else as the charset an HTML file declares, else
as cp1252, else as latin-1; `Document.encoding` names the codec used.

What offsets index. Every `start`/`end` of an extraction indexes
`Document.text`. For a text document that text is a slice of the decoded
file, line endings exactly as stored (CRLF stays CRLF), beginning at
`Document.offset`; so for a plain text release (offset 0)

    open(path, encoding=document.encoding, newline="").read()[start:end]

is the entity's text. For an HTML document the text is its rendering, and
`Document.source_span(start, end)` gives the span of the decoded file it was
rendered from. `read_documents` renders the same way every time, so reading
the file again recovers every entity's text (`record_text`).
"""

from __future__ import annotations

import codecs
import gzip
import html
import re
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Document types of a submission that hold the release text.
_EXTRACTED_TYPE = re.compile(r"^(8-K|8-K/A|EX-99(\.[\w.-]*)?)$", re.IGNORECASE)
HTML_SUFFIXES = (".htm", ".html", ".xhtml")


class UnreadableInputError(ValueError):
    """An input that is not text this module can read (binary, corrupt gzip)."""


@dataclass(frozen=True)
class Document:
    """One document to extract from, and where its text comes from."""

    source: str
    # None for a file that is one document; in a submission, the document's
    # file name (or `document-N`, N its position, when it has none).
    id: str | None
    text: str
    encoding: str
    markup: str  # "text" or "html"
    # Where `text` begins in the decoded file (text documents); None for HTML.
    offset: int | None
    # The submission's metadata for this document; None outside a submission.
    metadata: dict[str, Any] | None = None
    _starts: array | None = field(default=None, repr=False, compare=False)
    _ends: array | None = field(default=None, repr=False, compare=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the decoded file that `text[start:end]` comes from."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} is not a non-empty span of the text")
        if self._starts is None or self._ends is None:
            assert self.offset is not None
            return self.offset + start, self.offset + end
        return self._starts[start], self._ends[end - 1]


@dataclass(frozen=True)
class SkippedDocument:
    """A block of a submission that holds no release (an image, XBRL, ...)."""

    source: str
    type: str
    filename: str | None


@dataclass(frozen=True)
class SourceContents:
    """What one input file holds."""

    documents: list[Document]
    skipped: list[SkippedDocument]


# --- bytes -> str ------------------------------------------------------------

_DECLARED_CHARSET = re.compile(
    rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Filings that declare latin-1 (or ASCII) are, in practice, written in cp1252,
# which is latin-1 plus the printable characters in 0x80-0x9f; browsers read
# them the same way.
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}


def decode(data: bytes) -> tuple[str, str]:
    """(text, codec name): UTF-8, a BOM's encoding, a declared charset, cp1252
    or latin-1, the first that decodes the bytes without error."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as err:
                raise UnreadableInputError(
                    f"starts with a {codec} byte order mark but is not {codec}: {err}"
                ) from err
    if b"\x00" in data[:65536]:
        raise UnreadableInputError("binary data, not text (NUL bytes)")
    candidates = ["utf-8"]
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            name = None
        if name and name not in _AS_CP1252 and not name.startswith("utf"):
            candidates.append(name)
    candidates += ["cp1252", "latin-1"]
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, decompressed if it is gzip (by content, not name)."""
    data = Path(path).read_bytes()
    return gunzip_if_compressed(data)


def gunzip_if_compressed(data: bytes) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as err:
        raise UnreadableInputError(f"corrupt gzip data: {err}") from err


# --- one input -> documents --------------------------------------------------

_SUBMISSION_HINT = re.compile(r"<(SEC-DOCUMENT|SEC-HEADER|IMS-HEADER|SUBMISSION)>", re.IGNORECASE)
_DOCUMENT_OPEN = re.compile(r"^<DOCUMENT>[^\S\r\n]*\r?$", re.IGNORECASE | re.MULTILINE)
_HTML_HINT = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<xbrl>|<p[\s>]|<div[\s>]|<font[\s>]", re.IGNORECASE
)
_HTML_START = re.compile(r"\A\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def read_documents(path: str | Path, *, source: str | None = None) -> list[Document]:
    """The documents of one input file; see the module docstring."""
    return read_source(path, source=source).documents


def read_source(
    path: str | Path, *, source: str | None = None, data: bytes | None = None
) -> SourceContents:
    """Documents and skipped blocks of one input (a path, or `data` already read).

    Raises OSError or UnreadableInputError when the input cannot be read.
    """
    name = source if source is not None else str(path)
    raw = gunzip_if_compressed(data) if data is not None else read_bytes(path)
    text, encoding = decode(raw)
    suffix = _suffix(str(path))
    head = text[:20000]
    if _SUBMISSION_HINT.search(head) or (_DOCUMENT_OPEN.search(head) and "<TYPE>" in head.upper()):
        return _read_submission(name, text, encoding)
    if suffix in HTML_SUFFIXES or _HTML_START.match(head):
        return SourceContents([_html_document(name, None, text, 0, len(text), encoding, None)], [])
    return SourceContents([Document(name, None, text, encoding, "text", 0)], [])


def _suffix(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    return Path(lowered).suffix


def record_text(record: dict[str, Any]) -> str:
    """The text a record's offsets index, read again from its source file."""
    document = record.get("document") or {}
    for candidate in read_documents(record["source"]):
        if candidate.id == document.get("id"):
            return candidate.text
    raise LookupError(f"{record['source']}: no document {document.get('id')!r}")


# --- EDGAR submissions -------------------------------------------------------

_HEADER = re.compile(r"<(SEC-HEADER|IMS-HEADER)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_HEADER_FIELD = re.compile(
    r"^[ \t]*([A-Z][A-Z0-9 ()/-]*?):[ \t]*(\S[^\r\n]*?)?[ \t]*\r?$", re.MULTILINE
)
# The dissemination ("nc") form of a submission tags its header fields.
_TAGGED_FIELD = re.compile(
    r"^<(ACCESSION-NUMBER|TYPE|FILING-DATE|CONFORMED-NAME|CIK)>[ \t]*([^\r\n<]+)",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_KEYS = {
    "ACCESSION NUMBER": "accession_number",
    "ACCESSION-NUMBER": "accession_number",
    "CONFORMED SUBMISSION TYPE": "form_type",
    "TYPE": "form_type",
    "FILED AS OF DATE": "filing_date",
    "FILING-DATE": "filing_date",
    "COMPANY CONFORMED NAME": "company",
    "CONFORMED-NAME": "company",
    "CENTRAL INDEX KEY": "cik",
    "CIK": "cik",
}
_DOCUMENT_FIELD = re.compile(
    r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\r\n]*?)[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE,
)
_TEXT_OPEN = re.compile(r"<TEXT>[^\S\r\n]*(\r\n|\r|\n)?", re.IGNORECASE)
_TEXT_CLOSE = re.compile(r"</TEXT>", re.IGNORECASE)
_DOCUMENT_CLOSE = re.compile(r"</DOCUMENT>", re.IGNORECASE)


def parse_header(text: str) -> dict[str, str | None]:
    """Company, CIK, form type, filing date and accession number of a submission.

    With several filers (a parent filing for its subsidiaries), company and
    CIK are the first filer's.
    """
    found: dict[str, str | None] = dict.fromkeys(
        ("company", "cik", "form_type", "filing_date", "accession_number")
    )
    header = _HEADER.search(text)
    if header:
        pairs = ((m.group(1).strip(), m.group(2)) for m in _HEADER_FIELD.finditer(header.group(2)))
    else:
        # Only the part before the first document holds submission fields.
        first = _DOCUMENT_OPEN.search(text)
        pairs = (
            (m.group(1).upper(), m.group(2))
            for m in _TAGGED_FIELD.finditer(text, 0, first.start() if first else len(text))
        )
    for key, value in pairs:
        name = _HEADER_KEYS.get(key.upper())
        if name and found[name] is None and value and value.strip():
            found[name] = value.strip()
    date = found["filing_date"]
    if date and re.fullmatch(r"\d{8}", date):
        found["filing_date"] = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return found


def _read_submission(source: str, text: str, encoding: str) -> SourceContents:
    header = parse_header(text)
    documents: list[Document] = []
    skipped: list[SkippedDocument] = []
    opens = [m.end() for m in _DOCUMENT_OPEN.finditer(text)]
    for position, start in enumerate(opens, 1):
        stop = opens[position] if position < len(opens) else len(text)
        close = _DOCUMENT_CLOSE.search(text, start, stop)
        end = close.start() if close else stop
        text_open = _TEXT_OPEN.search(text, start, end)
        fields_end = text_open.start() if text_open else end
        fields: dict[str, str] = {}
        for m in _DOCUMENT_FIELD.finditer(text, start, fields_end):
            fields.setdefault(m.group(1).upper(), m.group(2))
        doc_type = fields.get("TYPE", "").strip()
        filename = fields.get("FILENAME") or None
        if not _EXTRACTED_TYPE.match(doc_type) or text_open is None:
            skipped.append(SkippedDocument(source, doc_type or "(no type)", filename))
            continue
        body_start = text_open.end()
        text_close = _TEXT_CLOSE.search(text, body_start, end)
        body_end = text_close.start() if text_close else end
        sequence = fields.get("SEQUENCE", "").strip()
        doc_id = filename or f"document-{position}"
        metadata = {
            "id": doc_id,
            "type": doc_type.upper(),
            "sequence": int(sequence) if sequence.isdigit() else None,
            "filename": filename,
            "description": fields.get("DESCRIPTION") or None,
            **header,
        }
        suffix = _suffix(filename) if filename else ""
        if suffix in HTML_SUFFIXES or suffix == ".txt":
            is_html = suffix != ".txt"
        else:
            is_html = bool(_HTML_HINT.search(text, body_start, min(body_end, body_start + 5000)))
        cover = doc_type.upper().startswith("8-K")
        if is_html:
            documents.append(
                _html_document(
                    source, metadata, text, body_start, body_end, encoding, doc_id, cover
                )
            )
        else:
            skip = cover_page_end(text[body_start:body_end]) if cover else 0
            documents.append(
                Document(
                    source,
                    doc_id,
                    text[body_start + skip : body_end],
                    encoding,
                    "text",
                    body_start + skip,
                    metadata,
                )
            )
    return SourceContents(documents, skipped)


def _html_document(
    source: str,
    metadata: dict[str, Any] | None,
    text: str,
    start: int,
    end: int,
    encoding: str,
    doc_id: str | None,
    cover: bool = False,
) -> Document:
    rendered, starts, ends = render_html(text, start, end)
    skip = cover_page_end(rendered) if cover else 0
    if skip:
        rendered, starts, ends = rendered[skip:], starts[skip:], ends[skip:]
    return Document(source, doc_id, rendered, encoding, "html", None, metadata, starts, ends)


# --- the 8-K cover page ------------------------------------------------------

_COVER_TITLE = re.compile(
    r"FORM[ \t\xa0]+8-K|CURRENT[ \t\xa0]+REPORT|SECURITIES[ \t\xa0]+AND[ \t\xa0]+EXCHANGE[ \t\xa0]+COMMISSION",
    re.IGNORECASE,
)
_ITEM_HEADING = re.compile(
    r"^[ \t\xa0>]*ITEM[ \t\xa0]+\d{1,2}(\.\d{1,2})?\b", re.IGNORECASE | re.MULTILINE
)
# Lines only a cover page has; the last of them ends it when no item heading
# follows (an 8-K that goes straight to its text).
_COVER_LINE = re.compile(
    r"^.*(registrant'?s telephone number|former name or former address|rule 13e-4\(c\)"
    r"|emerging growth company|commission file number|exact name of registrant"
    r"|securities registered pursuant to section 12\(b\)|name of each exchange on which registered).*$",
    re.IGNORECASE | re.MULTILINE,
)
_COVER_SPAN = 20000


def cover_page_end(text: str) -> int:
    """Where the cover page of an 8-K ends in `text` (0 if it has none).

    The cover is what precedes the first item heading (`Item 2.02`, `Item 5.
    Other Events`) once the form's title has appeared; without an item
    heading, it ends after its last boilerplate line.
    """
    title = _COVER_TITLE.search(text, 0, _COVER_SPAN)
    if not title:
        return 0
    item = _ITEM_HEADING.search(text, title.end())
    if item and item.start() < _COVER_SPAN:
        return item.start() + len(item.group()) - len(item.group().lstrip(" \t\xa0>"))
    lines = list(_COVER_LINE.finditer(text, title.end(), _COVER_SPAN))
    if not lines:
        return 0
    end = lines[-1].end()
    while end < len(text) and text[end] in "\r\n \t\xa0":
        end += 1
    return end


# --- HTML -> text ------------------------------------------------------------

_HTML_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))"
    r"|(?P<decl><[!?][^>]*>)"
    # Quoted attribute values may hold ">", never "<"; a lone quote is a character.
    r"|<(?P<close>/?)(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\"[^\"<]*\"|'[^'<]*'|[^<>])*)>"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)"
    r"|(?P<text>[^<&]+|[<&])",
    re.DOTALL,
)
_WHITESPACE = re.compile(r"\s+")
# Elements whose content is not text of the document.
_SKIPPED_ELEMENTS = {
    "script",
    "style",
    "head",
    "title",
    "ix:header",
    "xbrli:context",
    "noscript",
    "template",
}
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_VOID_ELEMENTS = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "col",
    "area",
    "base",
    "wbr",
    "param",
    "source",
    "page",
}
_PARAGRAPH_ELEMENTS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ul", "ol", "dl", "center",
    "pre", "section", "article", "header", "footer", "address", "form", "fieldset", "page", "body", "caption",
}  # fmt: skip
_LINE_ELEMENTS = {"br", "li", "dt", "dd", "hr", "tr"}
_CURRENCY_CELL = {"$", "us$", "c$", "a$", "€", "£", "¥"}
_SPACE, _TAB, _LINE, _PARAGRAPH = 1, 2, 3, 4
_SEPARATOR = {_SPACE: " ", _TAB: "\t", _LINE: "\n", _PARAGRAPH: "\n\n"}
_LEVEL = {text: level for level, text in _SEPARATOR.items()}
_SOURCE, _DECODED, _BREAK = 0, 1, 2
# A table cell this long, or holding a paragraph break, is page layout, not data.
_LAYOUT_CELL_CHARS = 400


class _Builder:
    """Text under construction: pieces with the source offsets of each, and
    the separator owed before the next piece (kept only between pieces)."""

    def __init__(self) -> None:
        # (text, start, end, kind): a _SOURCE piece maps text[i] to
        # (start + i, start + i + 1), a _DECODED one (an entity) maps every
        # character to (start, end), a _BREAK is a separator at `start`.
        self.items: list[tuple[str, int, int, int]] = []
        self.pending = 0
        self.pending_at = 0
        self.chars = 0

    def separate(self, level: int, at: int) -> None:
        if level > self.pending:
            self.pending, self.pending_at = level, at

    def add(self, text: str, start: int, end: int, kind: int) -> None:
        if self.pending and self.items:
            sep = _SEPARATOR[self.pending]
            self.items.append((sep, self.pending_at, self.pending_at, _BREAK))
            self.chars += len(sep)
        self.pending = 0
        self.items.append((text, start, end, kind))
        self.chars += len(text)

    def add_run(self, text: str, start: int) -> None:
        """Text of the source at `start`, its whitespace runs folded to separators."""
        position = 0
        for m in _WHITESPACE.finditer(text):
            if m.start() > position:
                self.add(text[position : m.start()], start + position, start + m.start(), _SOURCE)
            self.separate(_SPACE, start + m.start())
            position = m.end()
        if position < len(text):
            self.add(text[position:], start + position, start + len(text), _SOURCE)

    def extend(self, other: _Builder, flatten: bool) -> None:
        """Append `other`'s pieces; `flatten` turns its line breaks into spaces."""
        for text, start, end, kind in other.items:
            if kind == _BREAK:
                self.separate(_SPACE if flatten else _LEVEL[text], start)
            else:
                self.add(text, start, end, kind)

    def text(self) -> str:
        return "".join(item[0] for item in self.items)

    def has_paragraph(self) -> bool:
        return any(kind == _BREAK and t == "\n\n" for t, _, _, kind in self.items)

    def build(self) -> tuple[str, array, array]:
        starts, ends = array("q"), array("q")
        for text, start, end, kind in self.items:
            if kind == _SOURCE:
                starts.extend(range(start, start + len(text)))
                ends.extend(range(start + 1, start + len(text) + 1))
            else:
                starts.extend([start] * len(text))
                ends.extend([end] * len(text))
        return self.text(), starts, ends


@dataclass
class _Table:
    parent: _Builder
    row: list[_Builder] | None = None
    cell: _Builder | None = None


def render_html(source: str, start: int = 0, end: int | None = None) -> tuple[str, array, array]:
    """Text of the HTML in `source[start:end]`, and for each character of it
    the start and end offsets in `source` of what it was rendered from."""
    end = len(source) if end is None else end
    root = _Builder()
    tables: list[_Table] = []
    skip_name: str | None = None
    skip_depth = 0
    pre_depth = 0

    def current() -> _Builder:
        if not tables:
            return root
        return tables[-1].cell if tables[-1].cell is not None else tables[-1].parent

    def close_cell(table: _Table) -> None:
        if table.cell is not None:
            if table.row is None:
                table.row = []
            table.row.append(table.cell)
            table.cell = None

    def close_row(table: _Table, at: int) -> None:
        close_cell(table)
        if table.row:
            _emit_row(table.parent, table.row, at)
        table.row = None

    for m in _HTML_TOKEN.finditer(source, start, end):
        kind = "name" if m.group("name") else m.lastgroup
        if skip_name is not None:
            # Inside a skipped element: only its own nesting counts.
            if kind != "name":
                continue
            name = m.group("name").lower()
            if name == skip_name:
                if m.group("close"):
                    skip_depth -= 1
                elif not m.group("attrs").rstrip().endswith("/"):
                    skip_depth += 1
                if skip_depth == 0:
                    skip_name = None
                continue
            if not (skip_name == "head" and name == "body"):
                continue
            skip_name = None  # a head left open ends where the body begins
        if kind == "text":
            if pre_depth:
                _add_pre(current(), m.group(), m.start())
            else:
                current().add_run(m.group(), m.start())
        elif kind == "entity":
            decoded = html.unescape(m.group())
            if decoded == m.group():
                current().add_run(decoded, m.start())
            elif decoded.isspace() or decoded == "\xa0":
                current().separate(_SPACE, m.start())
            else:
                current().add(decoded, m.start(), m.end(), _DECODED)
        elif kind == "name":
            name = m.group("name").lower()
            closing = bool(m.group("close"))
            attrs = m.group("attrs")
            self_closing = attrs.rstrip().endswith("/")
            if (
                not closing
                and not self_closing
                and name not in _VOID_ELEMENTS
                and (name in _SKIPPED_ELEMENTS or _HIDDEN.search(attrs))
            ):
                skip_name, skip_depth = name, 1
                continue
            if name == "table":
                if closing:
                    if tables:
                        table = tables.pop()
                        close_row(table, m.start())
                        table.parent.separate(_PARAGRAPH, m.start())
                else:
                    builder = current()
                    builder.separate(_PARAGRAPH, m.start())
                    tables.append(_Table(builder))
            elif name in ("td", "th") and tables:
                table = tables[-1]
                close_cell(table)
                if not closing:
                    table.cell = _Builder()
            elif name == "tr" and tables:
                close_row(tables[-1], m.start())
            elif name == "pre":
                pre_depth = max(0, pre_depth + (-1 if closing else 1))
                current().separate(_PARAGRAPH, m.start())
            elif name in _PARAGRAPH_ELEMENTS:
                current().separate(_PARAGRAPH, m.start())
            elif name in _LINE_ELEMENTS:
                current().separate(_LINE, m.start())
    while tables:
        table = tables.pop()
        close_row(table, end)
    return root.build()


_PRE_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n)?")


def _add_pre(builder: _Builder, text: str, start: int) -> None:
    """Preformatted text: lines kept, spaces inside a line folded."""
    for line in _PRE_LINE.finditer(text):
        if line.group(1):
            builder.add_run(line.group(1), start + line.start())
        if line.group(2):
            builder.separate(_LINE, start + line.start(2))


def _emit_row(parent: _Builder, cells: list[_Builder], at: int) -> None:
    """A table row as one line of tab-separated cells, or, if it is page
    layout (one cell, or long cells with paragraphs), as paragraphs."""
    filled = [cell for cell in cells if cell.items]
    if not filled:
        return
    layout = len(filled) == 1 or any(
        cell.chars > _LAYOUT_CELL_CHARS or cell.has_paragraph() for cell in filled
    )
    if layout:
        previous = ""
        for cell in filled:
            # A bullet or a list number in a cell of its own stays with its text.
            level = _SPACE if 0 < len(previous) <= 4 else _PARAGRAPH
            parent.separate(level, cell.items[0][1])
            parent.extend(cell, flatten=False)
            previous = cell.text().strip()
        parent.separate(_PARAGRAPH, at)
        return
    parent.separate(_LINE, filled[0].items[0][1])
    previous = ""
    for index, cell in enumerate(filled):
        text = cell.text()
        if index:
            if text[:1] in (")", "%"):
                pass  # "(1,234" ")" and "12" "%" are one value split over cells
            elif previous.strip().lower() in _CURRENCY_CELL:
                parent.separate(_SPACE, cell.items[0][1])
            else:
                parent.separate(_TAB, cell.items[0][1])
        parent.extend(cell, flatten=True)
        previous = text
    parent.separate(_LINE, at)
