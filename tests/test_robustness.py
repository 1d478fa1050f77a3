"""extract() on anything a caller may pass: junk, markup, huge or broken input.

All tests run the real trained pipeline (the session fixture `nlp`, see
conftest.py). Whatever the input, the output contract of SCHEMA.md section 4
must hold: entity offsets index the caller's own string, relations index
existing entities.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iec_nlp
import iec_nlp.pipeline
from iec_nlp.corpus import read_jsonl
from iec_nlp.pipeline import chunk_bounds
from iec_nlp.schema import ENTITY_LABELS, RELATION_LABELS, RELATION_TYPES
from iec_nlp.text import normalize

RELEASES_DIR = Path(__file__).resolve().parent.parent / "corpora" / "releases"
RELEASE_FILES = sorted(RELEASES_DIR.glob("*.txt"))
# The longest release, hard-wrapped with indented paragraphs; the model finds
# ~70 entities and ~40 relations in it. And a short single-line-paragraph one.
MAIN_RELEASE = "iec-electronics_2003-05-05_q2-fy2003-results.txt"
SHORT_RELEASES = [
    "iec-electronics_2008-04-23_military-order.txt",
    "iec-electronics_2006-01-27_director-zimmerman.txt",
    "sigmatron_2011-07-13_fy2011-results.txt",
]


def _read(name: str) -> str:
    return (RELEASES_DIR / name).read_text(encoding="utf-8")


def check_contract(result: iec_nlp.Extraction, text: str) -> None:
    """The output contract, checked on every result of this module."""
    assert isinstance(result, iec_nlp.Extraction)
    assert result.text is text
    previous_end = 0
    for e in result.entities:
        assert e.label in ENTITY_LABELS, e
        assert 0 <= e.start < e.end <= len(text), e
        assert text[e.start : e.end] == e.text, e
        assert e.text == e.text.strip() and e.text.strip(), f"entity with blank edges: {e}"
        assert e.start >= previous_end, f"entities overlap or are out of order at {e}"
        previous_end = e.end
    n = len(result.entities)
    for r in result.relations:
        assert 0 <= r.head < n and 0 <= r.child < n and r.head != r.child, r
        assert r.label in RELATION_LABELS, r
        pair = (result.entities[r.head].label, result.entities[r.child].label)
        assert pair in RELATION_TYPES[r.label], (r, pair)
    # The derived views never fail and serialize, whatever the text.
    as_dict = result.to_dict()
    assert [e["start"] for e in as_dict["entities"]] == [e.start for e in result.entities]
    assert len(as_dict["relations"]) == len(result.relations)
    json.dumps(as_dict)


def run(nlp, text: str) -> iec_nlp.Extraction:
    result = iec_nlp.extract(text, model=nlp)
    check_contract(result, text)
    return result


def surface(text: str) -> str:
    """An entity's text as the model read it: cleaned, entities decoded, spaces folded."""
    return " ".join(html.unescape(normalize(text).text).split())


def keys(result: iec_nlp.Extraction) -> list[tuple[str, str]]:
    return [(e.label, surface(e.text)) for e in result.entities]


def relation_keys(result: iec_nlp.Extraction) -> list[tuple[int, int, str]]:
    return [(r.head, r.child, r.label) for r in result.relations]


def assert_same_extraction(noisy: iec_nlp.Extraction, clean: iec_nlp.Extraction) -> None:
    assert keys(noisy) == keys(clean)
    assert relation_keys(noisy) == relation_keys(clean)


@pytest.fixture(scope="module")
def main_release() -> str:
    return _read(MAIN_RELEASE)


@pytest.fixture(scope="module")
def main_clean(nlp, main_release):
    result = run(nlp, main_release)
    # The rest of the module is only meaningful if the model finds something.
    labels = {e.label for e in result.entities}
    assert {"PERSON", "ORG", "MONEY"} <= labels, labels
    assert result.relations
    return result


# --- empty input, wrong types ------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n \r ", "\u200b\ufeff\u200f", "\x00\x01"])
def test_empty_and_blank_text(nlp, text: str) -> None:
    result = run(nlp, text)
    assert result.entities == () and result.relations == ()
    assert result.people == () and result.customers == () and result.figures == ()


@pytest.mark.parametrize(
    "value", [None, 42, 3.5, b"IEC Electronics Corp.", bytearray(b"x"), ["text"]]
)
def test_non_str_is_a_type_error_naming_the_type(nlp, value) -> None:
    with pytest.raises(TypeError) as info:
        iec_nlp.extract(value, model=nlp)
    assert type(value).__name__ in str(info.value)
    if isinstance(value, (bytes, bytearray)):
        assert "decode" in str(info.value)  # bytes are not guessed at, the caller decodes


def test_extract_many_rejects_non_str_items(nlp) -> None:
    with pytest.raises(TypeError, match="bytes"):
        list(iec_nlp.extract_many(["IEC Electronics Corp.", b"IEC"], model=nlp))


# --- line ends, control, invisible and unencodable characters ----------------


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_ends(nlp, main_release, main_clean, eol: str) -> None:
    text = main_release.replace("\n", eol)
    result = run(nlp, text)
    assert_same_extraction(result, main_clean)
    assert not any("\n" in e.text and "\r" not in e.text for e in result.entities)


def _replace_every_other_space(text: str, junk: list[str]) -> str:
    parts = text.split(" ")
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append(junk[i % len(junk)] if i % 2 else " ")
        out.append(part)
    return "".join(out)


@pytest.mark.parametrize(
    "junk",
    [
        pytest.param(["\x00", "\x07", "\x1b", "\x0b", "\x0c", "\x7f", "\x85"], id="control"),
        pytest.param(["\ud800", "\udfff", " \udc00 "], id="lone-surrogates"),
        pytest.param(["\t", "\u00a0", "\u2007", "\u202f"], id="odd-spaces"),
    ],
)
def test_junk_between_words_changes_nothing(nlp, main_release, main_clean, junk) -> None:
    # The junk goes between the words of the prose, and before and after it;
    # the release's last line is a page marker ("Page 1 of 1") and stays as is.
    body, last_line = main_release.rsplit("\n", 1)
    assert last_line.strip() == "Page 1 of 1"
    edge = "".join(junk)
    text = edge + "\n" + _replace_every_other_space(body, junk) + "\n" + last_line + "\n" + edge
    assert normalize(text).text == normalize(main_release).text
    result = run(nlp, text)
    assert_same_extraction(result, main_clean)
    # Offsets follow the noisy string: entities whose text holds junk map to it.
    assert any(set(e.text) & set("".join(junk)) for e in result.entities)


def test_zero_width_characters_inside_words(nlp, main_release, main_clean) -> None:
    text = "\ufeff" + re.sub(r"(\w)(\w)", "\\1\u200b\\2", main_release, count=400)
    text = text.replace(". ", ".\u200f ").replace("IEC", "I\u200dE\u200bC")
    result = run(nlp, text)
    assert_same_extraction(result, main_clean)
    assert any("\u200b" in e.text for e in result.entities)
    assert not any(e.text[0] in "\u200b\u200d\u200f\ufeff" for e in result.entities)


def test_emoji_and_rtl_marks(nlp, main_release, main_clean) -> None:
    text = main_release.replace(".\n", ". \U0001f680\U0001f4b0\n").replace(
        " the ", " \u202ethe\u202c "
    )
    text = "\U0001f600\u200f" + text
    result = run(nlp, text)
    # The model reads different text now; most of what it found stays found.
    found = set(keys(result))
    expected = set(keys(main_clean))
    assert len(found & expected) >= 0.9 * len(expected)
    assert any(e.label == "MONEY" for e in result.entities)


# --- markup -------------------------------------------------------------------


def _as_html(release: str, head: str = "") -> str:
    paragraphs = release.split("\n\n")
    body = "\n".join(f'<p style="margin:0">{html.escape(p, quote=False)}</p>' for p in paragraphs)
    return f'<html>{head}<body bgcolor="white">\n{body}\n<br/><hr/>\n</body></html>\n'


EDGAR_HEAD = (
    "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>x.txt\n"
    "<DESCRIPTION>PRESS RELEASE DATED MAY 5, 2003\n<TEXT>\n"
)
EDGAR_TAIL = "\n</TEXT>\n</DOCUMENT>\n"


def _assert_no_markup(result) -> None:
    """No tag in any entity, and each entity covers exactly what the model read:
    its text, tags dropped and entities decoded, is a piece of the cleaned text
    (an entity cut inside "&eacute;" would not be)."""
    model_text = " ".join(normalize(result.text).text.split())
    for e in result.entities:
        assert not re.search(r"<[^>]*>|[<>]", e.text), e
        assert surface(e.text) in model_text, e


def test_release_wrapped_in_html(nlp, main_release, main_clean) -> None:
    text = _as_html(main_release)
    # Tags, and the page footer in its <p>, are gone: the model reads the same.
    assert normalize(text).text == normalize(main_release).text
    result = run(nlp, text)
    _assert_no_markup(result)
    assert_same_extraction(result, main_clean)
    # Offsets point into the HTML, after the opening tags.
    assert result.entities[0].start > text.index("<p")


def test_html_entities_in_entity_text(nlp) -> None:
    text = (
        "<html><body><p>Newark, NY - IEC Electronics Corp. today announced that "
        "Jos&eacute; Mart&iacute;nez has been appointed Vice President of Sales. "
        "&ldquo;We welcome Jos&eacute;,&rdquo; said W. Barry Gilbert, Chief Executive "
        "Officer of IEC Electronics Corp. Revenue was $14.0&nbsp;million.</p></body></html>"
    )
    result = run(nlp, text)
    _assert_no_markup(result)
    assert {"PERSON", "MONEY"} <= {e.label for e in result.entities}
    assert not any(re.search(r"&[#\w]*$", e.text) for e in result.entities)


def test_release_in_edgar_envelope(nlp, main_release, main_clean) -> None:
    text = EDGAR_HEAD + main_release + EDGAR_TAIL
    result = run(nlp, text)
    _assert_no_markup(result)
    assert_same_extraction(result, main_clean)
    shift = len(EDGAR_HEAD)
    assert [(e.start - shift, e.end - shift, e.label) for e in result.entities] == [
        (e.start, e.end, e.label) for e in main_clean.entities
    ]


def test_html_release_in_edgar_envelope_with_crlf_and_pages(nlp, main_release) -> None:
    release = main_release.replace("\n\n", "\n\n<PAGE>\n\n", 2)
    head = "<head><title>Press Release</title></head>\n<div><b>EXHIBIT 99.1</b></div>\n"
    text = (EDGAR_HEAD + _as_html(release, head) + EDGAR_TAIL).replace("\n", "\r\n")
    result = run(nlp, text)
    _assert_no_markup(result)
    assert {"PERSON", "ORG", "MONEY"} <= {e.label for e in result.entities}
    assert not any(e.text in ("EX-99.1", "x.txt", "PAGE") for e in result.entities)


# --- pathological lengths and punctuation ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a" * 100_000, id="100k-letters"),
        pytest.param("1" * 100_000, id="100k-digits"),
        pytest.param("$1" * 50_000, id="100k-dollar-ones"),
        pytest.param("$$$$((((....))))" * 1_000, id="dollar-paren-dot-runs"),
        pytest.param("-----" * 5_000, id="dash-run"),
        pytest.param("((((" * 2_500 + "))))" * 2_500, id="paren-run"),
        pytest.param(("$(" * 3 + ") " * 2 + "...!?") * 2_000, id="spaced-punctuation"),
        # Names in capitals, long words with and without a legal form: a name
        # rule's pattern that could split a word in many ways once took
        # exponential time on such a name ("ZORBEXABCDEFGHIJKLMNOPQR CORPORATION").
        pytest.param(
            "ZORBEXABCDEFGHIJKLMNOPQR CORPORATION REPORTS RESULTS. " * 200, id="capital-names"
        ),
        pytest.param(
            "Zorbexabcdefghijklmnopqrstuvwx-based Qwertyuiopasdfghjkl Inc. said. " * 200,
            id="based-names",
        ),
    ],
)
def test_pathological_runs(nlp, text: str) -> None:
    started = time.perf_counter()
    result = run(nlp, text)
    # Linear work: a few seconds. spaCy's tokenizer alone once took minutes on
    # long whitespace-free punctuation runs (quadratic affix splitting).
    assert time.perf_counter() - started < 30
    assert all(len(e.text) <= 200 for e in result.entities)


def test_long_token_before_a_release(nlp, main_release, main_clean) -> None:
    junk = "X" * 100_000 + "\n\n"
    result = run(nlp, junk + main_release)
    real = [e for e in result.entities if e.start >= len(junk)]
    assert [(e.start - len(junk), e.end - len(junk), e.label) for e in real] == [
        (e.start, e.end, e.label) for e in main_clean.entities
    ]


# --- long documents in chunks ---------------------------------------------------


def test_long_document_is_processed_in_chunks(nlp, main_release, main_clean, monkeypatch) -> None:
    limit = 3_000
    monkeypatch.setattr(iec_nlp.pipeline, "CHUNK_CHARS", limit)
    seen_bounds = []
    original_chunk_bounds = iec_nlp.pipeline.chunk_bounds

    def spy(text, *args, **kwargs):
        bounds = original_chunk_bounds(text, *args, **kwargs)
        seen_bounds.append((text, bounds))
        return bounds

    monkeypatch.setattr(iec_nlp.pipeline, "chunk_bounds", spy)

    separator = "\n\n"
    copies = 300_000 // (len(main_release) + len(separator)) + 1
    text = separator.join([main_release] * copies)
    assert len(text) >= 300_000
    result = run(nlp, text)

    # Many chunks of the configured size, and chunks cut copies in the middle.
    ((normalized, bounds),) = seen_bounds
    assert len(bounds) >= len(normalized) // limit
    assert all(end - start <= limit for start, end in bounds)
    norm = normalize(text)
    cuts = [norm.to_original[end] for _, end in bounds[:-1]]
    assert any(cut % (len(main_release) + 2) > 100 for cut in cuts)
    for e in result.entities:
        assert not any(e.start < cut < e.end for cut in cuts), f"{e} cut at a chunk boundary"

    # Every copy yields what the release alone yields, at its own offsets.
    # Customer or not is decided once per organization over the whole text
    # (iec_nlp.organizations), and 60 copies of a release are one text in
    # which each organization is named 60 times: that decision may differ,
    # so ORG and CUSTOMER are compared as one kind here.
    def kind(label: str) -> str:
        return "ORG" if label == "CUSTOMER" else label

    expected = [(e.start, e.end, kind(e.label), e.text) for e in main_clean.entities]
    expected_relations = {
        (main_clean.entities[r.head].start, main_clean.entities[r.child].start, r.label)
        for r in main_clean.relations
    }
    assert len(result.entities) == copies * len(expected)
    for copy in range(copies):
        offset = copy * (len(main_release) + len(separator))
        in_copy = [e for e in result.entities if offset <= e.start < offset + len(main_release)]
        got = [(e.start - offset, e.end - offset, kind(e.label), e.text) for e in in_copy]
        assert got == expected, f"copy {copy} at offset {offset}"
        got_relations = {
            (
                result.entities[r.head].start - offset,
                result.entities[r.child].start - offset,
                r.label,
            )
            for r in result.relations
            if offset <= result.entities[r.head].start < offset + len(main_release)
        }
        assert got_relations == expected_relations, f"copy {copy} at offset {offset}"


@functools.cache
def _chunking_text(kind: str) -> str:
    if kind == "release-x40":
        return normalize("\n\n".join([_read(MAIN_RELEASE)] * 40)).text
    return {
        "no-space": "a" * 20_000,
        "sentences-no-newline": "Sales rose. Net income fell! Why? " * 500,
        "short": "IEC Electronics Corp.",
        "empty": "",
        "blank-lines": "\n" * 5_000,
    }[kind]


@pytest.mark.parametrize("limit", [1, 2, 7, 100, 3_000])
@pytest.mark.parametrize(
    "kind", ["release-x40", "no-space", "sentences-no-newline", "short", "empty", "blank-lines"]
)
def test_chunk_bounds(kind: str, limit: int) -> None:
    text = _chunking_text(kind)
    bounds = chunk_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds)), "bounds not contiguous"
    assert all(0 < end - start <= limit for start, end in bounds) or text == ""
    if len(text) <= limit:
        assert bounds == [(0, len(text))]
    if kind in ("release-x40", "sentences-no-newline") and limit >= 100:
        # Cut after whitespace (paragraph, line, sentence end, space), never in a word.
        assert all(text[end - 1].isspace() for _, end in bounds[:-1])
    if kind == "release-x40" and limit == 3_000:
        assert all(text[end - 1] == "\n" for _, end in bounds[:-1])


# --- many texts ------------------------------------------------------------------


@pytest.fixture(scope="module")
def short_texts() -> list[str]:
    texts = [_read(name) for name in SHORT_RELEASES]
    # CRLF, an empty text, and a long punctuation run (tokenized in pieces,
    # which hands spaCy a Doc instead of a str) among the releases.
    return [texts[0], texts[1].replace("\n", "\r\n"), "", "$(((" * 100 + "\n\n" + texts[2]]


@pytest.fixture(scope="module")
def short_expected(nlp, short_texts):
    return [run(nlp, t).to_dict() for t in short_texts]


@pytest.mark.parametrize("options", [{"batch_size": 2}, {"batch_size": 2, "n_process": 2}])
def test_extract_many_matches_extract(nlp, short_texts, short_expected, options) -> None:
    results = list(iec_nlp.extract_many(iter(short_texts), model=nlp, **options))
    assert len(results) == len(short_texts)
    for text, result, expected in zip(short_texts, results, short_expected):
        check_contract(result, text)
        assert result.to_dict() == expected
    assert any(expected["relations"] for expected in short_expected)


# --- the offset invariant on generated text -------------------------------------

_RELEASE_TEXTS = [p.read_text(encoding="utf-8") for p in RELEASE_FILES]
_JUNK = [
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "\x00",
    "\x0c",
    "\x7f",
    "\u200b",
    "\ufeff",
    "\u200f",
    "\u202e",
    "\U0001f600",
    "\ud800",
    "$",
    "$$$((",
    "))",
    "(",
    "<p>",
    "</p>",
    "<PAGE>",
    "&amp;",
    "&eacute;",
    "\nPage 3 of 6\n",
    "\n- 2 -\n",
    "[GRAPHIC LOGO OMITTED]",
    "-" * 300,
    "x" * 250,
    " ",
]
release_fragments = st.builds(
    lambda text, start, size: text[start % len(text) :][:size],
    st.sampled_from(_RELEASE_TEXTS),
    st.integers(0, 10**6),
    st.integers(1, 600),
)
mixed_texts = st.lists(
    st.one_of(release_fragments, st.sampled_from(_JUNK)), min_size=1, max_size=12
).map("".join)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(mixed_texts)
def test_offset_invariant_on_generated_text(nlp, text: str) -> None:
    run(nlp, text)


def test_generated_text_finds_entities(nlp) -> None:
    # Guard against the property test passing vacuously (a model finding nothing).
    text = "".join(t[:600] for t in _RELEASE_TEXTS[:5]) + "\x00\u200b<p>&amp;"
    assert run(nlp, text).entities


# --- models ---------------------------------------------------------------------


def test_missing_model_path(tmp_path) -> None:
    missing = tmp_path / "no_model_here"
    with pytest.raises(iec_nlp.ModelNotFoundError) as info:
        iec_nlp.load(missing)
    assert "no_model_here" in str(info.value)
    assert isinstance(info.value, FileNotFoundError)


def test_missing_model_name() -> None:
    with pytest.raises(iec_nlp.ModelNotFoundError, match="iec_no_such_model_xyz"):
        iec_nlp.load("iec_no_such_model_xyz")


def test_extract_with_missing_model(tmp_path) -> None:
    with pytest.raises(iec_nlp.ModelNotFoundError, match="gone_model"):
        iec_nlp.extract("IEC Electronics Corp.", model=tmp_path / "gone_model")


def _model_dir(tmp_path: Path, nlp, files: dict[str, str | bytes | None]) -> Path:
    path = tmp_path / "broken_model"
    path.mkdir()
    defaults = {"config.cfg": nlp.config.to_str(), "meta.json": json.dumps(nlp.meta)}
    for name, content in {**defaults, **files}.items():
        if content is None:
            continue
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path / name, mode) as handle:
            handle.write(content)
    return path


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({"config.cfg": ""}, id="empty-config"),
        pytest.param({"config.cfg": "[nlp\nlang = ??? garbage\x00"}, id="garbage-config"),
        pytest.param({"config.cfg": b"\xff\xfe\x00garbage"}, id="binary-config"),
        pytest.param({"meta.json": None}, id="missing-meta"),
        pytest.param({"config.cfg": None}, id="missing-config"),
        pytest.param({"meta.json": "{not json"}, id="garbage-meta"),
        pytest.param({}, id="config-and-meta-but-no-weights"),
    ],
)
def test_corrupted_model_dir(tmp_path, nlp, files) -> None:
    path = _model_dir(tmp_path, nlp, files)
    with pytest.raises(iec_nlp.ModelNotFoundError) as info:
        iec_nlp.load(path)
    assert str(path) in str(info.value)


def test_model_path_is_a_file(tmp_path) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(b"\x00" * 10)
    with pytest.raises(iec_nlp.ModelNotFoundError) as info:
        iec_nlp.load(path)
    assert str(path) in str(info.value)


# --- corpus files -----------------------------------------------------------------


def _good_record(doc_id: str) -> dict:
    text = "W. Barry Gilbert is Chief Executive Officer of IEC Electronics Corp."
    return {
        "id": doc_id,
        "text": text,
        "meta": {},
        "spans": [
            {"id": 0, "start": 0, "end": 16, "label": "PERSON", "text": "W. Barry Gilbert"},
            {"id": 1, "start": 20, "end": 43, "label": "ROLE", "text": "Chief Executive Officer"},
            {"id": 2, "start": 47, "end": 68, "label": "ORG", "text": "IEC Electronics Corp."},
        ],
        "relations": [
            {"head": 0, "child": 1, "label": "HAS_ROLE"},
            {"head": 1, "child": 2, "label": "ROLE_AT"},
        ],
    }


def test_corpus_file_with_bad_records(tmp_path) -> None:
    wrong_type = _good_record("wrong-type")
    wrong_type["spans"][0]["start"] = "0"
    missing_span = _good_record("missing-span")
    missing_span["relations"].append({"head": 1, "child": 7, "label": "ROLE_AT"})
    bad_utf8 = json.dumps(_good_record("bad-utf8")).encode().replace(b"Gilbert", b"Gilb\xff\xfert")
    lines = [
        json.dumps(_good_record("good-1")).encode(),  # 1
        json.dumps(_good_record("truncated")).encode()[:80],  # 2
        json.dumps(wrong_type).encode(),  # 3
        b"",  # 4 (blank lines are skipped but still counted)
        bad_utf8,  # 5
        json.dumps(_good_record("good-1")).encode(),  # 6 duplicate id
        json.dumps(missing_span).encode(),  # 7
        json.dumps(_good_record("good-2"), ensure_ascii=False).encode(),  # 8
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = read_jsonl(path)

    assert [d.id for d in result.documents] == ["good-1", "good-2"]
    assert result.documents[1].spans[0].text == "W. Barry Gilbert"
    assert not result.ok
    by_line = {}
    for problem in result.problems:
        assert str(problem).startswith(f"{path}:{problem.line}: ")
        by_line.setdefault(problem.line, []).append(str(problem))
    assert sorted(by_line) == [2, 3, 5, 6, 7]
    assert "JSON" in by_line[2][0]
    assert "wrong-type" in by_line[3][0] and "start" in by_line[3][0]
    assert "UTF-8" in by_line[5][0]
    assert "good-1" in by_line[6][0] and "duplicate" in by_line[6][0] and "line 1" in by_line[6][0]
    assert any("missing-span" in p and "7" in p and "does not exist" in p for p in by_line[7])


def test_extract_many_in_worker_processes_matches_extract(nlp, short_texts, short_expected) -> None:
    # With a model named (not a loaded Language), n_process > 1 runs a pool
    # of worker processes that each load it once; same results, same order.
    model = os.environ.get("IEC_NLP_TEST_MODEL") or "iec_cnn"  # the model of the `nlp` fixture
    results = list(
        iec_nlp.extract_many(iter(short_texts * 3), model=model, batch_size=2, n_process=2)
    )
    assert [r.to_dict() for r in results] == short_expected * 3
