"""Loading pipelines and running them over the caller's text.

`extract(text)` normalizes the text, runs the spaCy pipeline on the clean
copy and maps every entity back to offsets in the caller's own string. A
text longer than one chunk is cut at paragraph or sentence ends into chunks
the pipeline can take, so a 2,000,000-character filing is processed in
bounded memory and no entity is cut by a chunk boundary.
"""

from __future__ import annotations

import bisect
import importlib.util
import itertools
import logging
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import augment, components, tokenizer  # noqa: F401  (registers with spaCy)
from .components.name_propagation import NameForms, name_forms, propagate_known_names
from .components.relation_extractor import get_relations
from .customer_decision import CustomerModel, decide_labels
from .extraction import Entity, Extraction, Issuer, Relation
from .loaded import remember_pipeline
from .organizations import display_name
from .text import LAYOUT_KEY, NormalizedText, doc_text, normalize, remember_text

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "iec_cnn"
# The default model as its own distribution (built by training/package_model.py
# with `spacy package`): spaCy names it after the language and the model.
DEFAULT_PACKAGE = f"en_{DEFAULT_MODEL}"
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
# Chunks stay far below spaCy's max_length and keep the relation window
# (60 tokens) intact except across a paragraph break.
CHUNK_CHARS = 10_000
# A batch of chunks holds at most this many characters. The token encoder's
# working memory grows with the tokens in a batch (10-20 kB a token, by its
# width; a token every 5 characters): 32 full chunks of a 2,000,000-character
# text took 850 MB even with a width-64 encoder, while with this bound a
# width-96 one stays near 370 MB. Releases of average length (2,700
# characters) still go 18 to a batch, which costs no speed.
BATCH_CHARS = 50_000
# spaCy's tokenizer strips prefixes and suffixes off a whitespace-free run one
# at a time, searching the rest of the run again each time: a run of n
# punctuation characters ("$$$$((((....))))" repeated) costs O(n^2), about a
# minute for 16,000 characters. Longer runs are tokenized in pieces of this
# size (the longest run in the corpus releases is an 80-dash rule).
MAX_RUN_CHARS = 100
_REQUIRED_FILES = ("config.cfg", "meta.json")


class ModelNotFoundError(FileNotFoundError):
    """A model name or path that does not lead to a usable pipeline."""


# One line, because it is what a new user sees first (the CLI prints only this).
HOW_TO_INSTALL = (
    f"no iec_nlp model installed: pip install the model package {DEFAULT_PACKAGE} "
    f"(a wheel built by `make dist` in a clone of iec_nlp: pip install dist/{DEFAULT_PACKAGE}-*.whl), "
    "or pass a model path"
)


def _checkout_model(name: str) -> Path | None:
    path = MODELS_DIR / name
    return path if (path / "meta.json").is_file() else None


def _is_installed(package: str) -> bool:
    # find_spec imports nothing: a model package loads only when asked for.
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_path(name_or_path: str | os.PathLike[str] | None) -> Path | str:
    """Where a model lives: a directory `Path`, or the name of an installed package.

    With no name (and no `IEC_NLP_MODEL` in the environment) it is the default
    model: the installed package `en_iec_cnn` first, a checkout's
    `models/iec_cnn` second; with neither, ModelNotFoundError says how to
    install it. A name is a path, else a model under `models/`, else an
    installed package (`iec_cnn` also finds `en_iec_cnn`).
    """
    if name_or_path is None:
        name_or_path = os.environ.get("IEC_NLP_MODEL")
    if name_or_path is None:
        if _is_installed(DEFAULT_PACKAGE):
            return DEFAULT_PACKAGE
        checkout = _checkout_model(DEFAULT_MODEL)
        if checkout is None:
            raise ModelNotFoundError(HOW_TO_INSTALL)
        return checkout
    path = Path(name_or_path)
    if path.exists():
        return path
    name = str(name_or_path)
    checkout = _checkout_model(name) if path.name == name else None
    if checkout is not None:
        return checkout
    if name == DEFAULT_MODEL:
        if _is_installed(DEFAULT_PACKAGE):
            return DEFAULT_PACKAGE
        raise ModelNotFoundError(HOW_TO_INSTALL)
    return name


def _rebuilt_parts(location: Path) -> list[str]:
    """Parts of a saved pipeline that its config rebuilds exactly, so that
    reading their saved copy is work done twice.

    Our tokenizer (`iec.Tokenizer.v*`) is made whole by its factory: spaCy's
    English rules and our affixes, which the saved copy repeats. Reading it
    again compiles its affix patterns and loads its 2,700 special cases twice
    more (0.15 s of a cold start). `tests/test_models.py` checks that both
    ways tokenize the corpus the same.
    """
    config = (location / "config.cfg").read_text(encoding="utf-8")
    return (
        ["tokenizer"]
        if re.search(r'^@tokenizers = "iec\.Tokenizer\.v\d+"', config, re.MULTILINE)
        else []
    )


def load_pipeline(name_or_path: str | os.PathLike[str] | None = None) -> Language:
    """Load a spaCy pipeline, with an error that names what is missing.

    Loading reads spaCy's own formats (config, msgpack weights); nothing is
    unpickled. See `resolve_model_path` for where a name is looked for.
    """
    location = resolve_model_path(name_or_path)
    if isinstance(location, Path):
        missing = [f for f in _REQUIRED_FILES if not (location / f).is_file()]
        if not location.is_dir() or missing:
            raise ModelNotFoundError(
                f"{location} is not an iec_nlp model: missing {', '.join(missing) or 'directory'}"
            )
        try:
            return remember_pipeline(spacy.load(location, exclude=_rebuilt_parts(location)))
        except Exception as err:  # spaCy raises many types for a broken model
            raise ModelNotFoundError(f"{location}: the model could not be loaded: {err}") from err
    try:
        return remember_pipeline(spacy.load(location))
    except OSError as err:
        raise ModelNotFoundError(
            f"no model {location!r}: not a path, not in {MODELS_DIR}, not an installed package"
        ) from err


@lru_cache(maxsize=4)
def _cached_pipeline(key: str | None) -> Language:
    return load_pipeline(key)


def get_pipeline(model: str | os.PathLike[str] | Language | None = None) -> Language:
    """A loaded pipeline; the default one is loaded once, on first use."""
    if isinstance(model, Language):
        return model
    return _cached_pipeline(None if model is None else str(model))


_BREAK = re.compile(r"\n\n|\n|(?<=[.!?])\s+(?=[A-Z\"\u201c(])")


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into pieces of at most `limit` characters, at the latest
    paragraph break, else line break, else sentence end, else space."""
    bounds = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = -1
        for pattern in ("\n\n", "\n"):
            pos = window.rfind(pattern, limit // 2)
            if pos > 0:
                cut = pos + len(pattern)
                break
        if cut < 0:
            sentence_ends = [m.end() for m in _BREAK.finditer(window, limit // 2)]
            cut = sentence_ends[-1] if sentence_ends else window.rfind(" ", limit // 2) + 1
        if cut <= 0:
            cut = limit  # no break at all: a 100k-character token run
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, n))
    return bounds


_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def _make_doc(nlp: Language, text: str) -> str | Doc:
    """`text` itself, or a Doc of it if a long run had to be tokenized in pieces.

    The Doc's text is exactly `text`, so character offsets are unchanged.
    """
    cuts = [
        cut
        for run in _LONG_RUN.finditer(text)
        for cut in range(run.start() + MAX_RUN_CHARS, run.end(), MAX_RUN_CHARS)
    ]
    if not cuts:
        return text
    edges = [0, *cuts, len(text)]
    pieces = [nlp.make_doc(text[a:b]) for a, b in itertools.pairwise(edges)]
    return Doc.from_docs(pieces, ensure_whitespace=False)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"extract() takes str, got {type(text).__name__}"
            + (
                "; decode bytes first, e.g. data.decode('utf-8')"
                if isinstance(text, (bytes, bytearray))
                else ""
            )
        )
    return text


class _ExtractionBuilder:
    """Collects one release's entities and relations chunk by chunk.

    Each processed chunk is turned into offsets at once and its Doc let go,
    so memory stays bounded by a batch of chunks, not by the release.
    """

    def __init__(self, norm: NormalizedText, customer_model: CustomerModel | None = None) -> None:
        self.norm = norm
        self.customer_model = customer_model
        self.entities: list[Entity] = []
        # The same entities in the clean text the pipeline read: the release-
        # level decisions read that text, so junk in the original (control
        # characters, markup) cannot change them.
        self.clean_entities: list[Entity] = []
        self.relations: list[Relation] = []
        # Names found in the chunks so far: their later mentions, in a chunk
        # that does not name them in full, are labeled too.
        self.known_names: NameForms = {}

    def add(self, offset: int, doc: Doc, more_chunks: bool = False) -> None:
        """Take one processed chunk; `more_chunks` when chunks of the same
        release follow (they get the names this one found)."""
        norm = self.norm
        index_of: dict[tuple[int, int], int] = {}
        propagated = bool(self.known_names)
        ents = propagate_known_names(doc, self.known_names) if propagated else list(doc.ents)
        if more_chunks:
            for form, label in name_forms(ents).items():
                # Organizations only: with people's names too, set G lost PERSON
                # F1 (0.885 -> 0.882); a surname alone, pages later, may be another person.
                if label != "PERSON":
                    self.known_names.setdefault(form, label)
        for ent in ents:
            start, end = norm.original_span(offset + ent.start_char, offset + ent.end_char)
            # The recognizer may take a line-break token into a span on odd
            # text; an entity never starts or ends with whitespace.
            surface = norm.original[start:end]
            start += len(surface) - len(surface.lstrip())
            end -= len(surface) - len(surface.rstrip())
            if end <= start:
                continue
            index_of[(ent.start_char, ent.end_char)] = len(self.entities)
            self.entities.append(Entity(start, end, ent.label_, norm.original[start:end]))
            clean_start, clean_end = offset + ent.start_char, offset + ent.end_char
            self.clean_entities.append(
                Entity(clean_start, clean_end, ent.label_, norm.text[clean_start:clean_end])
            )
        # A relation's entity may have given way to a longer name found by
        # an earlier chunk (propagate_known_names): it is that name's now.
        spans = sorted(index_of) if propagated else []

        def index(start: int, end: int) -> int | None:
            if (start, end) in index_of:
                return index_of[(start, end)]
            around = bisect.bisect_right(spans, (start, end)) - 1
            if around >= 0 and spans[around][0] <= start and end <= spans[around][1]:
                return index_of[spans[around]]
            return None

        for hs, he, cs, ce, label, score in get_relations(doc):
            head = index(hs, he)
            child = index(cs, ce)
            if head is not None and child is not None:
                self.relations.append(Relation(head, child, label, float(score)))

    def build(self) -> Extraction:
        # Customer or not is decided once per organization over the whole
        # release (all chunks), and the issuer found (iec_nlp.customer_decision, iec_nlp.issuer).
        text = self.norm.original
        labels, issuer = decide_labels(
            self.norm.text, self.clean_entities, self.relations, self.customer_model
        )
        entities = tuple(
            e if e.label == label else Entity(e.start, e.end, label, e.text)
            for e, label in zip(self.entities, labels)
        )
        found = Issuer(display_name(entities, issuer.mentions), issuer.mentions) if issuer else None
        return Extraction(text, entities, tuple(self.relations), found)


def customer_model(nlp: Language) -> CustomerModel | None:
    """The per-organization customer model a pipeline carries in its meta, if any."""
    data = nlp.meta.get("iec_organizations")
    return CustomerModel.from_dict(data) if data else None


def _build(
    norm: NormalizedText, docs: list[tuple[int, Doc]], model: CustomerModel | None = None
) -> Extraction:
    """The Extraction of a release from its processed chunks (offset, doc)."""
    builder = _ExtractionBuilder(norm, model)
    for i, (offset, doc) in enumerate(docs):
        builder.add(offset, doc, more_chunks=i < len(docs) - 1)
    return builder.build()


def extract(text: str, *, model: str | os.PathLike[str] | Language | None = None) -> Extraction:
    """Extract entities, relations and views from one release."""
    return next(iter(extract_many([_check_text(text)], model=model)))


def extract_many(
    texts: Iterable[str],
    *,
    model: str | os.PathLike[str] | Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Extraction]:
    """Stream extractions over many releases (spaCy's `nlp.pipe` underneath).

    Results come in input order. `n_process > 1` runs several worker
    processes, each loading its own copy of the model once and extracting
    groups of `batch_size` releases (with a loaded `Language` as `model`,
    spaCy's own multiprocessing, which sends every Doc back and scales less
    well). In one process a batch holds at most `batch_size` chunks and
    `BATCH_CHARS` characters, so memory does not grow with the length of a
    text.
    """
    if n_process > 1 and not isinstance(model, Language):
        yield from _extract_in_processes(texts, model, batch_size, n_process)
        return
    nlp = get_pipeline(model)

    def pieces() -> Iterator[tuple[Doc, tuple[int, int, int, int]]]:
        for doc_index, text in enumerate(texts):
            norm = normalize(_check_text(text))
            normalized[doc_index] = norm
            # CHUNK_CHARS is read here, not bound as chunk_bounds' default when
            # the module loads, so that it can be changed (tests make it small).
            bounds = chunk_bounds(norm.text, CHUNK_CHARS)
            for chunk_index, (start, end) in enumerate(bounds):
                doc = _chunk_doc(nlp, norm.text[start:end], norm.layout(start, end))
                yield doc, (doc_index, chunk_index, len(bounds), start)

    normalized: dict[int, NormalizedText] = {}
    organizations = customer_model(nlp)
    if n_process == 1:
        processed = _pipe_in_batches(nlp, pieces(), batch_size)
    else:
        # Worker processes are sent the chunks' Docs (tokens, text, layout).
        processed = nlp.pipe(
            pieces(),
            as_tuples=True,
            batch_size=batch_size,
            n_process=n_process,
        )
    builder: _ExtractionBuilder | None = None
    for doc, (doc_index, chunk_index, n_chunks, offset) in processed:
        if chunk_index == 0:
            builder = _ExtractionBuilder(normalized.pop(doc_index), organizations)
        assert builder is not None
        builder.add(offset, doc, more_chunks=chunk_index < n_chunks - 1)
        if chunk_index == n_chunks - 1:
            yield builder.build()


def _extract_in_processes(
    texts: Iterable[str], model: str | os.PathLike[str] | None, batch_size: int, n_process: int
) -> Iterator[Extraction]:
    """`extract_many` in `n_process` worker processes: groups of `batch_size`
    releases go out (at most two per worker in flight, so memory stays
    bounded), Extractions come back, in input order."""
    from .processes import results_in_order, start_pool

    name = None if model is None else str(model)
    remaining = iter(texts)
    groups = iter(lambda: list(itertools.islice(remaining, batch_size)), [])
    pool = start_pool(n_process, _load_in_worker, name)
    try:
        calls = ((None, _extract_group, (group, name, batch_size)) for group in groups)
        for _, extractions in results_in_order(pool, n_process, calls):
            yield from extractions
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _load_in_worker(model: str | None) -> None:
    get_pipeline(model)  # kept by the worker for its tasks (returned, it would be pickled)


def _extract_group(texts: list[str], model: str | None, batch_size: int) -> list[Extraction]:
    """One worker task: the group's extractions, with the worker's one copy of the model."""
    return list(extract_many(texts, model=model, batch_size=batch_size))


def _chunk_doc(nlp: Language, text: str, layout: tuple[str, bytes] | None) -> Doc:
    """The Doc the pipeline reads for one chunk, with the chunk's layout as
    filed (`NormalizedText.layout`) for the table reader."""
    doc = _make_doc(nlp, text)
    doc = nlp.make_doc(doc) if isinstance(doc, str) else doc
    if layout is not None:
        doc.user_data[LAYOUT_KEY] = layout
    # The components read the chunk's text (iec_nlp.text.doc_text); it is at hand here.
    return remember_text(doc, text)


def _pipe_in_batches(
    nlp: Language, pieces: Iterable[tuple[Doc, tuple[int, int, int, int]]], batch_size: int
) -> Iterator[tuple[Doc, tuple[int, int, int, int]]]:
    """`nlp.pipe` over (chunk Doc, context) pairs, one batch of at most
    `batch_size` chunks and `BATCH_CHARS` characters at a time."""
    batch: list[tuple[Doc, tuple[int, int, int, int]]] = []
    chars = 0
    for doc, context in pieces:
        length = len(doc_text(doc))
        if batch and (len(batch) >= batch_size or chars + length > BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, chars = [], 0
        batch.append((doc, context))
        chars += length
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
