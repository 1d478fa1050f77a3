"""The relation model: candidate pairs -> pair features -> one score per pair.

Registered as `iec.RelationModel.v1`. It is built from small pieces:

- `candidate_pairs` lists the entity pairs that may hold a relation: only the
  type pairs SCHEMA.md allows (so a pair's type decides its label) and only
  within `max_tokens` of each other;
- `iec.PairFeatures.v1` turns each pair into the mean token vector of the
  head, of the child and of the tokens between them, plus a few structural
  features (type pair, distance, order, entities in between, line breaks);
- a small feed-forward scorer maps that to one logit per pair.

Pairs are keyed by their spans' character offsets, never by token indices,
so a relation survives re-tokenization and maps back to the caller's text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy
from scipy import sparse
from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Linear, Model, Relu, chain
from thinc.types import Floats2d

from ..schema import RELATION_FOR_TYPES

TYPE_PAIRS: tuple[tuple[str, str], ...] = tuple(sorted(RELATION_FOR_TYPES))
_DISTANCE_BUCKETS = (0, 1, 2, 3, 5, 8, 13, 21, 34)


@dataclass(frozen=True)
class Candidate:
    """An ordered (head, child) pair of entities that may be related."""

    head: Span
    child: Span

    @property
    def label(self) -> str:
        return RELATION_FOR_TYPES[(self.head.label_, self.child.label_)]

    @property
    def key(self) -> tuple[int, int, int, int]:
        return (
            self.head.start_char,
            self.head.end_char,
            self.child.start_char,
            self.child.end_char,
        )


def candidate_pairs(doc: Doc, max_tokens: int) -> list[Candidate]:
    """Every allowed (head, child) pair of `doc.ents` within `max_tokens`."""
    ents = list(doc.ents)
    candidates = []
    for i, first in enumerate(ents):
        for second in ents[i + 1 :]:
            if second.start - first.end > max_tokens:
                break
            for head, child in ((first, second), (second, first)):
                if (head.label_, child.label_) in RELATION_FOR_TYPES:
                    candidates.append(Candidate(head, child))
    return candidates


N_STRUCTURAL_FEATURES = len(TYPE_PAIRS) + 1 + len(_DISTANCE_BUCKETS) + 3 + 4 + 3 + 3 + 2


def structural_features(doc: Doc, candidates: Sequence[Candidate]) -> numpy.ndarray:
    """Features of each pair that token vectors cannot see: how far apart the
    two entities are, in which order, and what stands between them.

    Computed for all pairs at once with numpy: this runs on every candidate
    of every document, and a per-pair Python loop was a visible share of the
    pipeline's time.
    """
    n = len(candidates)
    feats = numpy.zeros((n, N_STRUCTURAL_FEATURES), dtype="f")
    if not n:
        return feats
    rows = numpy.arange(n)
    head_start = numpy.fromiter((c.head.start for c in candidates), dtype="i8", count=n)
    head_end = numpy.fromiter((c.head.end for c in candidates), dtype="i8", count=n)
    child_start = numpy.fromiter((c.child.start for c in candidates), dtype="i8", count=n)
    child_end = numpy.fromiter((c.child.end for c in candidates), dtype="i8", count=n)
    head_first = head_start < child_start
    left_end = numpy.where(head_first, head_end, child_end)
    right_start = numpy.where(head_first, child_start, head_start)

    type_index = {pair: i for i, pair in enumerate(TYPE_PAIRS)}
    types = numpy.fromiter(
        (type_index[(c.head.label_, c.child.label_)] for c in candidates), dtype="i8", count=n
    )
    feats[rows, types] = 1.0
    col = len(TYPE_PAIRS)
    feats[:, col] = head_first
    col += 1
    gap = numpy.maximum(0, right_start - left_end)
    bucket = numpy.searchsorted(_DISTANCE_BUCKETS, gap, side="right") - 1
    feats[rows, col + bucket] = 1.0
    col += len(_DISTANCE_BUCKETS)
    # Line-break tokens between the two: structure (a contact block, a table
    # row) separates what running text joins.
    # spaCy keeps line breaks in whitespace tokens (a token's trailing
    # whitespace is at most one space), so only those tokens are looked at.
    is_break = numpy.zeros(len(doc), dtype="i8")
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)):
        is_break[i] = "\n" in doc[int(i)].text
    breaks_before = numpy.concatenate([[0], numpy.cumsum(is_break)])
    breaks = breaks_before[right_start] - breaks_before[left_end]
    feats[rows, col + numpy.minimum(breaks, 2)] = 1.0
    col += 3
    ents = list(doc.ents)
    ent_starts = numpy.asarray([e.start for e in ents], dtype="i8")
    between = _count_between(ent_starts, left_end, right_start)
    feats[rows, col + numpy.minimum(between, 3)] = 1.0
    col += 4
    starts_by_label: dict[str, numpy.ndarray] = {}
    for e in ents:
        starts_by_label.setdefault(e.label_, []).append(e.start)  # type: ignore[arg-type]
    starts_by_label = {k: numpy.asarray(v, dtype="i8") for k, v in starts_by_label.items()}
    for side in ("child", "head"):
        counts = numpy.zeros(n, dtype="i8")
        labels = [getattr(c, side).label_ for c in candidates]
        for label in set(labels):
            mask = numpy.asarray([lab == label for lab in labels])
            counts[mask] = _count_between(starts_by_label[label], left_end[mask], right_start[mask])
        feats[rows, col + numpy.minimum(counts, 2)] = 1.0
        col += 3
    # Same sentence: no sentence-final punctuation between the two. Read off
    # the tokens rather than a sentencizer's boundaries, so the feature is
    # the same in training (where no upstream component has run) and use.
    ends_before = numpy.concatenate([[0], numpy.cumsum(_sentence_ends(doc))])
    feats[:, col] = (ends_before[right_start] - ends_before[left_end]) == 0
    feats[:, col + 1] = gap == 0
    return feats


_SENTENCE_END = frozenset({".", "!", "?"})


def _sentence_ends(doc: Doc) -> numpy.ndarray:
    """1 for each token that ends a sentence: a full stop, ! or ? on its own
    (the tokenizer keeps the period of "Corp." and "$7.3" inside the token)."""
    ends = [doc.vocab.strings[mark] for mark in _SENTENCE_END]
    return numpy.isin(doc.to_array(ORTH), ends).astype("i8")


def _structural_by_source(doc: Doc, candidates: list[Candidate]) -> list[numpy.ndarray]:
    """Structural features of `candidates`, each run of pairs computed on the
    doc its spans belong to. In training, one doc's pairs come from two
    copies of it (gold and predicted entities, see the relation extractor),
    and "entities in between" must count the entities of the pair's own copy.
    """
    if not candidates:
        return [structural_features(doc, candidates)]
    runs: list[numpy.ndarray] = []
    start = 0
    for end in range(1, len(candidates) + 1):
        if end == len(candidates) or candidates[end].head.doc is not candidates[start].head.doc:
            run = candidates[start:end]
            runs.append(structural_features(run[0].head.doc, run))
            start = end
    return runs


def _count_between(sorted_starts: numpy.ndarray, lo: numpy.ndarray, hi: numpy.ndarray) -> numpy.ndarray:
    """How many of `sorted_starts` fall in [lo, hi), element-wise."""
    left = numpy.searchsorted(sorted_starts, lo, side="left")
    right = numpy.searchsorted(sorted_starts, hi, side="left")
    return numpy.maximum(0, right - left)


@registry.misc("iec.candidate_pairs.v1")
def make_candidate_generator(max_tokens: int = 60) -> Callable[[Doc], list[Candidate]]:
    def generate(doc: Doc) -> list[Candidate]:
        return candidate_pairs(doc, max_tokens)

    return generate


@registry.architectures("iec.PairFeatures.v1")
def make_pair_features(
    tok2vec: Model[list[Doc], list[Floats2d]],
    get_candidates: Callable[[Doc], list[Candidate]],
) -> Model[list[Doc], Floats2d]:
    return Model(
        "iec_pair_features",
        _pair_features_forward,
        init=_pair_features_init,
        refs={"tok2vec": tok2vec},
        layers=[tok2vec],
        attrs={"get_candidates": get_candidates},
    )


def _pair_features_init(model: Model, X: list[Doc] | None = None, Y: object = None) -> Model:
    # A custom layer must initialize its children itself; a listener ignores
    # this, an own token encoder needs sample docs to size its tables.
    model.get_ref("tok2vec").initialize(X=X)
    return model


def _pooling_matrix(spans: list[tuple[int, int]], n_tokens: int) -> sparse.csr_matrix:
    """A sparse matrix whose row k averages the token rows of spans[k]."""
    bounds = numpy.asarray(spans, dtype="i8").reshape(-1, 2)
    widths = numpy.maximum(bounds[:, 1] - bounds[:, 0], 0)
    rows = numpy.repeat(numpy.arange(len(bounds)), widths)
    # Column indices: each span's start, counted up within the span.
    offsets = numpy.arange(widths.sum()) - numpy.repeat(numpy.cumsum(widths) - widths, widths)
    cols = numpy.repeat(bounds[:, 0], widths) + offsets
    vals = numpy.repeat(1.0 / numpy.maximum(widths, 1), widths).astype("f")
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(bounds), n_tokens))


def _pair_features_forward(model: Model, docs: list[Doc], is_train: bool):
    tok2vec = model.get_ref("tok2vec")
    get_candidates = model.attrs["get_candidates"]
    precomputed = model.attrs.get("precomputed", {})
    tokvecs, backprop_tok2vec = tok2vec(docs, is_train)
    ops = model.ops
    all_vecs = ops.flatten(tokvecs) if tokvecs else ops.alloc2f(0, 0)
    all_vecs = ops.to_numpy(all_vecs)
    n_tokens = all_vecs.shape[0]
    heads, children, betweens, structural = [], [], [], []
    offset = 0
    for doc in docs:
        candidates = precomputed[id(doc)] if id(doc) in precomputed else get_candidates(doc)
        for cand in candidates:
            left, right = sorted((cand.head, cand.child), key=lambda s: s.start)
            heads.append((offset + cand.head.start, offset + cand.head.end))
            children.append((offset + cand.child.start, offset + cand.child.end))
            betweens.append((offset + left.end, offset + max(left.end, right.start)))
        structural.extend(_structural_by_source(doc, candidates))
        offset += len(doc)
    pools = [_pooling_matrix(spans, n_tokens) for spans in (heads, children, betweens)]
    width = all_vecs.shape[1] if all_vecs.ndim == 2 else 0
    struct = (
        numpy.concatenate(structural)
        if structural
        else numpy.zeros((0, N_STRUCTURAL_FEATURES), dtype="f")
    )
    if len(heads):
        pooled = [pool @ all_vecs for pool in pools]
    else:
        pooled = [numpy.zeros((0, width), dtype="f") for _ in pools]
    output = numpy.hstack(pooled + [struct]).astype("f")

    def backprop(d_output: Floats2d) -> list[Floats2d]:
        d_output = ops.to_numpy(d_output)
        d_all = numpy.zeros((n_tokens, width), dtype="f")
        for k, pool in enumerate(pools):
            if pool.shape[0]:
                d_all += pool.T @ d_output[:, k * width : (k + 1) * width]
        lengths = ops.asarray1i([len(doc) for doc in docs])
        d_tokvecs = ops.unflatten(ops.asarray2f(d_all), lengths)
        return backprop_tok2vec(d_tokvecs)

    return ops.asarray2f(output), backprop


@registry.architectures("iec.RelationModel.v1")
def make_relation_model(
    tok2vec: Model[list[Doc], list[Floats2d]],
    get_candidates: Callable[[Doc], list[Candidate]],
    width: int,
    hidden_width: int = 64,
    dropout: float = 0.2,
) -> Model[list[Doc], Floats2d]:
    """Docs -> one logit per candidate pair, in `get_candidates` order."""
    n_inputs = 3 * width + N_STRUCTURAL_FEATURES
    pair_features = make_pair_features(tok2vec, get_candidates)
    scorer = chain(
        Relu(nO=hidden_width, nI=n_inputs, dropout=dropout),
        Linear(nO=1, nI=hidden_width),
    )
    model = chain(pair_features, scorer)
    model.attrs["get_candidates"] = get_candidates
    return model
