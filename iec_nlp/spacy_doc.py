"""What `extract()` finds, on spaCy Docs: `doc._.relations`, `doc._.people` and the rest.

Two ways to a Doc, and how they differ:

- `extract_doc(text)` / `extract_docs(texts)` run `extract()` and return a
  Doc of the caller's own text (`doc.text == text`) whose `doc.ents` and
  extensions are exactly `extract()`'s result: the text is cleaned and cut
  into chunks for the model, and everything is mapped back.
- `nlp(text)` / `nlp.pipe(texts)` on a loaded pipeline are spaCy's usual
  call, and the pipeline sees the text as given: no cleaning (markup, page
  markers and hard line wraps stay in, and cost accuracy), no chunking (a
  text is limited by `nlp.max_length`), and `doc.ents` keep the
  recognizer's labels (organizations as ORG) while the views decide
  customer or not per organization with the pipeline's customer model (from
  its meta; `iec_nlp.load()` and `spacy.load()` alike). On clean text
  the views and relations are those of `extract()` (a test holds them to it).

The extensions, set on every Doc once `iec_nlp` is imported (spaCy imports
it when it loads an iec_nlp pipeline):

- `doc._.relations`: `SpanRelation(head, child, label, score)` tuples, `head`
  and `child` being entity Spans of `doc.ents`;
- `doc._.people`, `doc._.customers`, `doc._.figures`, `doc._.issuer`: the
  views of `Extraction`; their entity indices index `doc.ents`;
- `doc._.extraction`: the `Extraction` itself (`to_dict()` gives the JSON of
  `iec-nlp extract`).

Views are computed on first access and kept until `doc.ents` or the
relations change.
"""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, cast
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components.relation_extractor import RELATIONS_ATTR, get_relations
from .customer_decision import decide_labels
from .extraction import Entity, Extraction, Issuer, Relation


class SpanRelation(NamedTuple):
    """One relation between two entity Spans of a Doc."""

    head: Span
    child: Span
    label: str
    score: float


_Signature = tuple[tuple[tuple[int, int, str], ...], tuple[tuple[Any, ...], ...]]
# Docs cannot hold a Python object in user_data without breaking DocBin and
# multi-process pipes, so the Extraction of a Doc is kept beside it.
_EXTRACTIONS: WeakKeyDictionary[Doc, tuple[_Signature, Extraction]] = WeakKeyDictionary()


def _signature(doc: Doc) -> _Signature:
    ents = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)
    return ents, tuple(tuple(r) for r in get_relations(doc))


def doc_extraction(doc: Doc) -> Extraction:
    """The Extraction of a Doc: `extract()`'s own for a Doc of `extract_doc`,
    else built from `doc.ents` and the relation extractor's output."""
    signature = _signature(doc)
    known = _EXTRACTIONS.get(doc)
    if known is not None and known[0] == signature:
        return known[1]
    extraction = _from_pipeline_doc(doc)
    _EXTRACTIONS[doc] = (signature, extraction)
    return extraction


def _from_pipeline_doc(doc: Doc) -> Extraction:
    entities = [Entity(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
    index_of = {(e.start, e.end): i for i, e in enumerate(entities)}
    relations = []
    for hs, he, cs, ce, label, score in get_relations(doc):
        head, child = index_of.get((hs, he)), index_of.get((cs, ce))
        if head is not None and child is not None:
            relations.append(Relation(head, child, label, float(score)))
    from .loaded import pipeline_of
    from .pipeline import customer_model

    nlp = pipeline_of(doc.vocab)
    labels, issuer = decide_labels(
        doc.text, entities, relations, customer_model(nlp) if nlp else None
    )
    decided = tuple(
        e if e.label == label else Entity(e.start, e.end, label, e.text)
        for e, label in zip(entities, labels)
    )
    found = Issuer(issuer.name, issuer.mentions) if issuer else None
    return Extraction(doc.text, decided, tuple(relations), found)


def span_relations(doc: Doc) -> tuple[SpanRelation, ...]:
    """`doc._.relations`: the relations as pairs of entity Spans."""
    ents = {(e.start_char, e.end_char): e for e in doc.ents}
    out = []
    for hs, he, cs, ce, label, score in get_relations(doc):
        head = ents.get((hs, he)) or doc.char_span(hs, he)
        child = ents.get((cs, ce)) or doc.char_span(cs, ce)
        if head is not None and child is not None:
            out.append(SpanRelation(head, child, label, float(score)))
    return tuple(out)


def _register_extensions() -> None:
    getters = {
        "relations": span_relations,
        "extraction": doc_extraction,
        "people": lambda doc: doc_extraction(doc).people,
        "customers": lambda doc: doc_extraction(doc).customers,
        "figures": lambda doc: doc_extraction(doc).figures,
        "issuer": lambda doc: doc_extraction(doc).issuer,
    }
    for name, getter in getters.items():
        Doc.set_extension(name, getter=getter, force=True)


_register_extensions()


def as_doc(nlp: Language, extraction: Extraction) -> Doc:
    """A Doc of `extraction.text` carrying the extraction: tokens of the
    pipeline's tokenizer, split where an entity edge falls inside one,
    sentences from the pipeline's sentencizer, entities and relations."""
    from .pipeline import _make_doc

    text = extraction.text
    tokens = _make_doc(nlp, text)
    tokens = nlp.make_doc(tokens) if isinstance(tokens, str) else tokens
    edges = sorted({e.start for e in extraction.entities} | {e.end for e in extraction.entities})
    words: list[str] = []
    spaces: list[bool] = []
    for token in tokens:
        start, end = token.idx, token.idx + len(token.text)
        inner = edges[bisect.bisect_right(edges, start) : bisect.bisect_left(edges, end)]
        for a, b in itertools.pairwise([start, *inner, end]):
            words.append(text[a:b])
            spaces.append(False)
        spaces[-1] = bool(token.whitespace_)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if "sentencizer" in nlp.pipe_names:
        doc = nlp.get_pipe("sentencizer")(doc)
    spans = [doc.char_span(e.start, e.end, label=e.label) for e in extraction.entities]
    if any(span is None for span in spans):  # every edge is a token edge by construction
        raise AssertionError("an entity does not align with the Doc's tokens")
    doc.ents = cast("list[Span]", spans)  # no None past the check above
    entities = extraction.entities
    setattr(
        doc._,
        RELATIONS_ATTR,
        [
            [
                entities[r.head].start,
                entities[r.head].end,
                entities[r.child].start,
                entities[r.child].end,
                r.label,
                r.score,
            ]
            for r in extraction.relations
        ],
    )
    _EXTRACTIONS[doc] = (_signature(doc), extraction)
    return doc


def extract_doc(text: str, *, model: str | os.PathLike[str] | Language | None = None) -> Doc:
    """`extract(text)` as a spaCy Doc of `text` (see the module docstring)."""
    from .loaded import remember_pipeline
    from .pipeline import extract, get_pipeline

    nlp = remember_pipeline(get_pipeline(model))
    return as_doc(nlp, extract(text, model=nlp))


def extract_docs(
    texts: Iterable[str],
    *,
    model: str | os.PathLike[str] | Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """`extract_many(texts)` as spaCy Docs, in input order."""
    from .loaded import remember_pipeline
    from .pipeline import extract_many, get_pipeline

    nlp = remember_pipeline(get_pipeline(model))
    for extraction in extract_many(texts, model=nlp, batch_size=batch_size, n_process=n_process):
        yield as_doc(nlp, extraction)
