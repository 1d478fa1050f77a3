"""Text as filed -> text the model reads, with an exact way back.

Releases arrive with hard line wraps, runs of spaces, page markers, CR line
ends, control characters, HTML or an EDGAR SGML envelope. The model reads a
cleaned copy; every character of the copy remembers the offset of the
original character it came from, so any span found in the copy maps back to
the caller's own string exactly.

The cleaning is deliberately conservative: it only removes or replaces
characters that carry no content (markup, layout, invisible characters). It
never rewrites words, so a span's text in the original is what the annotator
would have marked.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A blank line (spaces or tabs allowed on it) ends a paragraph; the relation
# rules read a release's paragraphs by it.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A sentence ends between two spans: a stop, a capital after it ("... as
# CEO. Mr. Roe ...", "... $5 million. Revenue ..."), or a blank line. The
# relation rules search it between the spans they would pair.
SENTENCE_END = re.compile(r"[.!?][\"\u201d]?\s+[A-Z]|\n\s*\n")

# Markup appears as HTML (<p>, <br>, <td>, entities) or as the EDGAR SGML
# envelope (<DOCUMENT>, <TYPE>, <TEXT>, <PAGE>). Plain-text releases contain
# neither, and "<" alone (as in "< $1 million") must stay text.
_MARKUP_HINT = re.compile(
    r"<\s*/?\s*(html|body|p|br|div|table|tr|td|font|span|document|text|type|page|sequence|filename|description|b|i|center|hr)\b",
    re.IGNORECASE,
)
_TAG = re.compile(r"<!--.*?-->|<[A-Za-z/!][^<>]{0,2000}>", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(p|br|div|tr|table|li|h\d|document|text|page|hr|center)\b", re.IGNORECASE
)
_SGML_HEADER_LINE = re.compile(
    r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[^\n]*$", re.IGNORECASE | re.MULTILINE
)
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")

# Layout lines that are no part of the release's prose. Lines may end in LF,
# CRLF or a bare CR (the CRs are only turned into line ends later), a marker
# never runs over more than one line, and what surrounds it on its line may
# be any space (a form feed follows the page number in EDGAR text filings) or
# markup tags (`<p align="center">- 3 -</p>` in an HTML filing).
_LINE_EDGE = r"(?:[^\S\r\n]|<[A-Za-z/!][^<>\r\n]{0,200}>)*"
_PAGE_MARKER = re.compile(
    rf"(?:^|(?<=\r)){_LINE_EDGE}"
    r"(page[^\S\r\n]+\d+[^\S\r\n]+of[^\S\r\n]+\d+|-?[ \t]*\d{1,3}[ \t]*-|\[?graphic[^\r\n]{0,40}omitted\]?)"
    rf"{_LINE_EDGE}(?=\r|$)",
    re.IGNORECASE | re.MULTILINE,
)

# Invisible or control characters: zero-width ones are dropped, the others
# become a space so that words on either side stay apart.
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f"}
# Blank runs `_unwrap_lines` may change: a lone space between two words is
# kept as it is, so only longer runs, line breaks and a space at either end
# of the text are visited (a release has a space between every two words).
_BLANK_RUN_TO_FOLD = re.compile(r"[ \n]{2,}|\n|\A | \Z")
# Characters `_clean_char` handles: CR, invisible and layout characters,
# controls, lone surrogates; with markup, also the start of an entity.
_SPECIAL_CLASS = (
    r"[\r\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u00a0\u2007\u202f"
    r"\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
)
_SPECIAL = re.compile(_SPECIAL_CLASS)
_SPECIAL_WITH_ENTITIES = re.compile(_SPECIAL_CLASS + "|&")
_SPACE_LIKE = {"\u00a0", "\u2007", "\u202f", "\t", "\x0b", "\x0c"}


@dataclass(frozen=True)
class NormalizedText:
    """A cleaned copy of `original` and the way back to it.

    `to_original[i]` is the offset in `original` of the character `text[i]`;
    the extra last entry is `len(original)`.
    """

    original: str
    text: str
    to_original: array

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the span `text[start:end]` (non-empty) to original offsets."""
        last = self.to_original[end - 1]
        stop = last + 1
        # A character decoded from an HTML entity maps to the entity's "&";
        # a span ending on it ends after the whole entity ("Jos&eacute;"),
        # not after the "&". It is one if the next character lies beyond.
        if self.original[last] == "&" and self.to_original[end] > stop:
            entity = _ENTITY.match(self.original, last)
            if entity:
                stop = entity.end()
        return self.to_original[start], stop

    @cached_property
    def _is_markup(self) -> bool:
        return bool(_HTML_LAYOUT.search(self.original))

    def layout(self, start: int, end: int) -> tuple[str, bytes] | None:
        """The original of `text[start:end]` with its lines and spacing, and
        where each of its characters lies there; None for markup.

        The model reads folded text, where a table's rows run together and its
        columns are single spaces; the table reader reads the rows and columns
        from this instead. Returned as (text, offsets): `offsets` holds int32s,
        one per character of `text[start:end]` and one for its end, counted
        from the start of the returned text (bytes, so a Doc can carry it in
        its user_data through DocBin and worker processes). Line ends are
        LF, as in `text`; a CR keeps its place as a space or a line end.
        """
        if end <= start or self._is_markup:
            return None
        base = self.to_original[start]
        stop = self.to_original[end - 1] + 1
        original = self.original[base:stop].replace("\r\n", " \n").replace("\r", "\n")
        offsets = numpy.frombuffer(self.to_original, dtype=numpy.int64)[start:end] - base
        offsets = numpy.append(offsets, stop - base).astype(numpy.int32)
        return original, offsets.tobytes()


# Where a chunk's Doc carries its `NormalizedText.layout` (user_data).
LAYOUT_KEY = "iec_layout"


@dataclass(frozen=True)
class FiledLine:
    """A line of the text as filed, with its offsets (its line break excluded)."""

    start: int
    end: int
    text: str


def filed_lines(text: str) -> list[FiledLine]:
    """The lines of `text`, each with where it starts and ends."""
    lines, start = [], 0
    for piece in text.split("\n"):
        lines.append(FiledLine(start, start + len(piece), piece))
        start += len(piece) + 1
    return lines


# Cells of a line as filed (contacts set side by side, a table converted
# from HTML): a tab or a run of three spaces or more parts them.
COLUMN_GAP = re.compile(r"[ ]{3,}|\t+")


def line_cells(line: str) -> list[tuple[int, int]]:
    """The offsets of a line's cells: its text between column gaps, without
    the spaces around it."""
    cells, start = [], 0
    for gap in [*COLUMN_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        piece = line[start:end]
        if piece.strip():
            cells.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
        start = gap.end() if gap else len(line)
    return cells


# Markup whose source lines say nothing of the rendered layout (an SGML
# envelope or a <PAGE> marker in a text filing does not count, nor the
# <TABLE>, <CAPTION>, <S> and <C> tags around a text filing's tables, whose
# rows and columns are its lines and spaces: an HTML table has <tr> and <td>).
_HTML_LAYOUT = re.compile(r"<\s*(?:td|tr|p|br|div)\b", re.IGNORECASE)


def normalize(original: str) -> NormalizedText:
    """Clean `original` for the model, keeping a map to its offsets."""
    # Text is copied in runs between the few characters that need handling,
    # so the cost is a handful of regex scans, not a Python step per
    # character (this runs on every release, up to millions of characters).
    pieces: list[str] = []
    offsets = array("q")
    removed = _removed_ranges(original)
    replacements = _entity_replacements(original) if removed else {}
    special = _SPECIAL_WITH_ENTITIES if replacements else _SPECIAL
    n = len(original)
    position = 0
    for start, end, keep_break in [*removed, (n, n, False)]:
        _clean_segment(original, position, start, special, replacements, pieces, offsets)
        if keep_break:
            pieces.append("\n")
            offsets.append(start)
        position = max(position, end)
    text, offsets = _unwrap_lines("".join(pieces), offsets)
    offsets.append(n)
    return NormalizedText(original, text, offsets)


def _clean_segment(
    original: str,
    start: int,
    end: int,
    special: re.Pattern[str],
    replacements: dict[int, tuple[str, int]],
    pieces: list[str],
    offsets: array,
) -> None:
    """Copy original[start:end], cleaning the characters `special` finds."""
    position = start
    for match in special.finditer(original, start, end):
        i = match.start()
        if i < position:
            continue  # inside a replaced entity
        pieces.append(original[position:i])
        _extend_range(offsets, position, i)
        if i in replacements:
            decoded, length = replacements[i]
            for ch in decoded:
                cleaned = _clean_char(original, i, ch)
                if cleaned:
                    pieces.append(cleaned)
                    offsets.append(i)
            position = i + length
            continue
        cleaned = _clean_char(original, i, original[i])
        if cleaned:
            pieces.append(cleaned)
            offsets.append(i)
        position = i + 1
    pieces.append(original[position:end])
    _extend_range(offsets, position, end)


def _extend_range(offsets: array, start: int, end: int) -> None:
    """offsets.extend(range(start, end)), copied as one block of memory
    rather than one Python int at a time (a release is mostly such runs)."""
    if end > start:
        offsets.frombytes(numpy.arange(start, end, dtype=numpy.int64).tobytes())


def _clean_char(original: str, i: int, ch: str) -> str:
    """What one special character becomes: nothing, a line break or a space."""
    if ch in _ZERO_WIDTH:
        return ""
    if ch == "\r":
        # CRLF and bare CR are line ends; the LF of a CRLF follows.
        return "" if original[i + 1 : i + 2] == "\n" else "\n"
    if _is_blank_like(ch):
        return " "
    return ch


def _is_blank_like(ch: str) -> bool:
    """Layout spaces, control characters and lone surrogates (which cannot be
    encoded and are no text): each stands for a space."""
    code = ord(ch)
    return (
        ch in _SPACE_LIKE
        or (code < 32 and ch != "\n")
        or 0x7F <= code < 0xA0
        or 0xD800 <= code <= 0xDFFF
    )


def _removed_ranges(original: str) -> list[tuple[int, int, bool]]:
    """Ranges of `original` to drop: markup tags and page-marker lines.

    Each range is (start, end, keep_line_break); a block-level tag leaves a
    line break behind so that paragraphs stay apart.
    """
    ranges: list[tuple[int, int, bool]] = []
    if _MARKUP_HINT.search(original):
        for m in _SGML_HEADER_LINE.finditer(original):
            ranges.append((m.start(), m.end(), True))
        for m in _TAG.finditer(original):
            ranges.append((m.start(), m.end(), bool(_BLOCK_TAG.match(m.group()))))
    for m in _PAGE_MARKER.finditer(original):
        ranges.append((m.start(), m.end(), True))
    ranges.sort()
    merged: list[tuple[int, int, bool]] = []
    for start, end, brk in ranges:
        if merged and start < merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], end), prev[2] or brk)
        else:
            merged.append((start, end, brk))
    return merged


def _entity_replacements(original: str) -> dict[int, tuple[str, int]]:
    out = {}
    for m in _ENTITY.finditer(original):
        decoded = html.unescape(m.group())
        if decoded != m.group():
            # What an entity decodes to is cleaned like a literal character:
            # "&#13;" or "&#9;" is a space, "&#x200b;" nothing.
            cleaned = "".join(
                " " if _is_blank_like(ch) else ch for ch in decoded if ch not in _ZERO_WIDTH
            )
            out[m.start()] = (cleaned, m.end() - m.start())
    return out


def _unwrap_lines(text: str, offsets: array) -> tuple[str, array]:
    """Join hard-wrapped lines and fold runs of spaces.

    A line break after a long line is a hard wrap of prose and becomes a
    space: the model then sees "$14.0 million" where the filing has
    "$14.0\nmillion". A line break after a short line (a letterhead, a
    headline, a name stacked over a title in a contact block) carries
    structure and stays; a blank line stays one paragraph break. Runs of
    spaces become one space, and spaces at line edges go.
    """
    wrap_breaks = _hard_wrap_positions(text)
    pieces: list[str] = []
    out_offsets = array("q")
    position = 0
    for run in _BLANK_RUN_TO_FOLD.finditer(text):
        start, end = run.span()
        pieces.append(text[position:start])
        out_offsets.extend(offsets[position:start])
        position = end
        if start == 0 or end == len(text):
            continue  # blanks at the edges of the text go
        breaks = sum(1 for i in range(start, end) if text[i] == "\n" and i not in wrap_breaks)
        pieces.append("\n" if breaks else " ")
        out_offsets.append(offsets[start])
        if breaks >= 2:
            pieces.append("\n")
            out_offsets.append(offsets[start])
    pieces.append(text[position:])
    out_offsets.extend(offsets[position:])
    return "".join(pieces), out_offsets


# A contact's label: "Contact:", "Investor Relations:", "Media (Europe):".
_CONTACT_LABEL = (
    r"[ \t]*/?(?:investors?|media|press|(?:investor|media|press|company)[ \t]+(?:contacts?|relations)|contacts?)"
    r"(?:[ \t]+\([A-Za-z][\w .&-]{0,20}\))?[ \t]*:"
)
# A contact block set with a hanging indent ("CONTACT: Westbrook Paper
# Company, Portland" over "         Ellen R. Samuels, Vice President"):
# its lines are stacked, not wrapped, up to the next blank line.
_CONTACT_LABEL_LINE = re.compile(_CONTACT_LABEL + r"[ \t]*\S", re.IGNORECASE)
_INDENTED = re.compile(r"[ \t]{4,}\S")
# A line that opens with a contact's label starts an entry of its own, however
# long the line above: "Investors: Marcus Tiedemann, ..., ir@acme.com" over
# "Media (Europe): Bettina Krauss, ...".
_LABELLED_CONTACT_LINE = re.compile(_CONTACT_LABEL, re.IGNORECASE)
_LABEL_ALONE = re.compile(_CONTACT_LABEL + r"[ \t]*", re.IGNORECASE)


def _hard_wrap_positions(text: str) -> set[int]:
    """Positions of line breaks that wrap a long line of running prose."""
    lines = text.split("\n")
    longest = max((len(line.strip()) for line in lines), default=0)
    threshold = max(30, min(60, int(longest * 0.6)))
    positions = set()
    pos = 0
    in_contact_block = False
    under_label = label_above = False
    for index, line in enumerate(lines[:-1]):
        pos += len(line)
        following = lines[index + 1].strip()
        if not line.strip():
            # A blank line right under the label ("Contacts:\n\nCyprian Keane") opens the block.
            in_contact_block = False
            under_label = under_label and label_above
        elif _CONTACT_LABEL_LINE.match(line):
            in_contact_block = True
            label_above = False
        elif _LABEL_ALONE.fullmatch(line):
            under_label = label_above = True
        else:
            label_above = False
        # Under a label alone on its line ("Contact:"), the block's lines are
        # stacked however long: "Vice President, Corporate Development and
        # Investor Relations" over the company's line.
        stacked = under_label or (
            in_contact_block and _INDENTED.match(lines[index + 1]) is not None
        )
        labelled = _LABELLED_CONTACT_LINE.match(lines[index + 1]) is not None
        if len(line.strip()) >= threshold and following and not stacked and not labelled:
            positions.add(pos)
        pos += 1
    return positions


# The rules keep what they find once per chunk's text (its job titles, its
# folded copy) in caches of this many texts. Each component of a pipeline
# reads a whole batch of chunks before the next one starts, and
# `iec_entity_rules` runs both before and after the recognizer: a cache
# smaller than a batch has let go of a chunk's text by the time the second
# run asks for it again (extract_many's batches hold up to 32 chunks,
# spaCy's nlp.pipe 64 by default).
TEXTS_PER_BATCH = 64

# spaCy rebuilds Doc.text from its tokens on every access (a Python step per
# token); several components read it per chunk. A Doc's text never changes
# (re-tokenizing keeps it), so it is kept once known, for as long as the Doc lives.
_DOC_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


class FiledLayout:
    """The chunk as filed and the way between its offsets and the Doc's."""

    def __init__(self, doc: Doc) -> None:
        stored = doc.user_data.get(LAYOUT_KEY)
        if stored is None:
            self.text, self._offsets = doc_text(doc), None
        else:
            self.text, self._offsets = stored[0], numpy.frombuffer(stored[1], dtype=numpy.int32)

    @property
    def is_folded_text(self) -> bool:
        """No layout was given: the Doc's own text stands for it."""
        return self._offsets is None

    def of_doc(self, start: int, end: int) -> tuple[int, int]:
        """The layout offsets of the Doc's characters start:end (non-empty)."""
        if self._offsets is None:
            return start, end
        return int(self._offsets[start]), int(self._offsets[end - 1]) + 1

    def filed(self, start: int, end: int) -> str:
        """The Doc's characters start:end (non-empty) as filed, lines and spacing kept."""
        return self.text[slice(*self.of_doc(start, end))]

    def between(self, end: int, start: int) -> str:
        """The text as filed between the Doc's character end - 1 and its
        character start (end <= start): what the model read as the gap
        between two spans, with the line breaks and spacing it folded."""
        if self._offsets is None:
            return self.text[end:start]
        return self.text[int(self._offsets[end - 1]) + 1 : int(self._offsets[start])]

    def to_doc(self, start: int, end: int) -> tuple[int, int]:
        """The Doc's characters of the layout's start:end (those the model kept)."""
        if self._offsets is None:
            return start, end
        return int(numpy.searchsorted(self._offsets, start)), int(
            numpy.searchsorted(self._offsets, end)
        )


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc."""
    text = _DOC_TEXTS.get(doc)
    if text is None:
        text = _DOC_TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record `text` as the text of `doc`, which its tokenizer made from it."""
    _DOC_TEXTS[doc] = text
    return doc
