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
from typing import cast

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Linear, Model, Relu, chain
from thinc.types import Floats2d

from ..schema import RELATION_FOR_TYPES

TYPE_PAIRS: tuple[tuple[str, str], ...] = tuple(sorted(RELATION_FOR_TYPES))
_DISTANCE_BUCKETS = (0, 1, 2, 3, 5, 8, 13, 21, 34)
# The same tables keyed by label ids (`Span.label`): reading a span's label id
# is a field access, its string a string-store lookup.
_TYPE_INDEX = {
    (get_string_id(head), get_string_id(child)): i for i, (head, child) in enumerate(TYPE_PAIRS)
}
_ALLOWED_IDS = frozenset(_TYPE_INDEX)


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
    ents = doc.ents
    if len(ents) < 2:
        return []
    starts = [e.start for e in ents]
    ends = [e.end for e in ents]
    labels = [e.label for e in ents]
    allowed = _ALLOWED_IDS
    candidates = []
    for i, first in enumerate(ents):
        end, label = ends[i], labels[i]
        for j in range(i + 1, len(ents)):
            if starts[j] - end > max_tokens:
                break
            if (label, labels[j]) in allowed:
                candidates.append(Candidate(first, ents[j]))
            if (labels[j], label) in allowed:
                candidates.append(Candidate(ents[j], first))
    return candidates


N_STRUCTURAL_FEATURES = len(TYPE_PAIRS) + 1 + len(_DISTANCE_BUCKETS) + 3 + 4 + 3 + 3 + 2


def structural_features(doc: Doc, candidates: Sequence[Candidate]) -> numpy.ndarray:
    """Features of each pair that token vectors cannot see: how far apart the
    two entities are, in which order, and what stands between them.

    Computed for all pairs at once with numpy: this runs on every candidate
    of every document, and a per-pair Python loop was a visible share of the
    pipeline's time.
    """
    return _structural(doc, candidates, _token_bounds(candidates))


def _token_bounds(candidates: Sequence[Candidate]) -> numpy.ndarray:
    """(n, 4) token offsets of each pair: head start, head end, child start, child end."""
    bounds = [(c.head.start, c.head.end, c.child.start, c.child.end) for c in candidates]
    return numpy.asarray(bounds, dtype="i8").reshape(len(candidates), 4)


def _structural(doc: Doc, candidates: Sequence[Candidate], bounds: numpy.ndarray) -> numpy.ndarray:
    n = len(candidates)
    feats = numpy.zeros((n, N_STRUCTURAL_FEATURES), dtype="f")
    if not n:
        return feats
    rows = numpy.arange(n)
    head_start, head_end, child_start, child_end = bounds.T
    head_first = head_start < child_start
    left_end = numpy.where(head_first, head_end, child_end)
    right_start = numpy.where(head_first, child_start, head_start)

    head_labels = [c.head.label for c in candidates]
    child_labels = [c.child.label for c in candidates]
    types = numpy.fromiter(
        (_TYPE_INDEX[pair] for pair in zip(head_labels, child_labels)), dtype="i8", count=n
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
    tokens = doc.to_array([ORTH, IS_SPACE, ENT_IOB, ENT_TYPE])
    orths = tokens[:, 0]
    breaks_before = numpy.concatenate([[0], numpy.cumsum(_line_breaks(doc, tokens))])
    breaks = breaks_before[right_start] - breaks_before[left_end]
    feats[rows, col + numpy.minimum(breaks, 2)] = 1.0
    col += 3
    # Where doc.ents start, and their labels, read off the token arrays: a
    # token starts an entity if it is tagged B with a label (Doc.ents' rule).
    ent_starts = numpy.flatnonzero((tokens[:, 2] == 3) & (tokens[:, 3] != 0))
    ent_labels = tokens[ent_starts, 3]
    between = _count_between(ent_starts, left_end, right_start)
    feats[rows, col + numpy.minimum(between, 3)] = 1.0
    col += 4
    for labels in (child_labels, head_labels):
        side = numpy.asarray(labels, dtype="u8")
        counts = numpy.zeros(n, dtype="i8")
        for label in set(labels):
            mask = side == label
            same = ent_starts[ent_labels == label]
            counts[mask] = _count_between(same, left_end[mask], right_start[mask])
        feats[rows, col + numpy.minimum(counts, 2)] = 1.0
        col += 3
    # Same sentence: no sentence-final punctuation between the two. Read off
    # the tokens rather than a sentencizer's boundaries, so the feature is
    # the same in training (where no upstream component has run) and use.
    ends_before = numpy.concatenate([[0], numpy.cumsum(_sentence_ends(doc, orths))])
    feats[:, col] = (ends_before[right_start] - ends_before[left_end]) == 0
    feats[:, col + 1] = gap == 0
    return feats


def _line_breaks(doc: Doc, tokens: numpy.ndarray) -> numpy.ndarray:
    """1 for each token holding a line break. spaCy keeps line breaks in
    whitespace tokens (a token's trailing whitespace is at most one space),
    so only those are looked at, each distinct string once."""
    is_break = numpy.zeros(len(doc), dtype="i8")
    spaces = numpy.flatnonzero(tokens[:, 1])
    if len(spaces):
        orths = tokens[spaces, 0]
        strings = doc.vocab.strings
        for orth in numpy.unique(orths):
            if "\n" in strings[int(orth)]:
                is_break[spaces[orths == orth]] = 1
    return is_break


_SENTENCE_END = frozenset({".", "!", "?"})
_SENTENCE_END_IDS = [get_string_id(mark) for mark in sorted(_SENTENCE_END)]


def _sentence_ends(doc: Doc, orths: numpy.ndarray | None = None) -> numpy.ndarray:
    """1 for each token that ends a sentence: a full stop, ! or ? on its own
    (the tokenizer keeps the period of "Corp." and "$7.3" inside the token)."""
    if orths is None:
        orths = doc.to_array(ORTH)
    ends = numpy.zeros(len(orths), dtype="i8")
    for mark in _SENTENCE_END_IDS:
        ends[orths == mark] = 1
    return ends


def _structural_by_source(
    doc: Doc, candidates: list[Candidate], bounds: numpy.ndarray | None = None
) -> list[numpy.ndarray]:
    """Structural features of `candidates`, each run of pairs computed on the
    doc its spans belong to. In training, one doc's pairs come from two
    copies of it (gold and predicted entities, see the relation extractor),
    and "entities in between" must count the entities of the pair's own copy.
    """
    if bounds is None:
        bounds = _token_bounds(candidates)
    if not candidates:
        return [_structural(doc, candidates, bounds)]
    sources = [c.head.doc for c in candidates]
    runs: list[numpy.ndarray] = []
    start = 0
    for end in range(1, len(candidates) + 1):
        if end == len(candidates) or sources[end] is not sources[start]:
            runs.append(_structural(sources[start], candidates[start:end], bounds[start:end]))
            start = end
    return runs


def _count_between(
    sorted_starts: numpy.ndarray, lo: numpy.ndarray, hi: numpy.ndarray
) -> numpy.ndarray:
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


def _pooling_matrix(bounds: numpy.ndarray, n_tokens: int):  # noqa: ANN202  (scipy is imported late)
    """A sparse matrix whose row k averages the token rows bounds[k, 0]:bounds[k, 1]."""
    # scipy costs a tenth of a second to import: not before the first pair is scored.
    from scipy import sparse

    bounds = bounds.reshape(-1, 2)
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
    spans, structural = [], []
    offset = 0
    for doc in docs:
        candidates = precomputed[id(doc)] if id(doc) in precomputed else get_candidates(doc)
        bounds = _token_bounds(candidates)
        head_start, head_end, child_start, child_end = bounds.T
        # The tokens between the two: from the end of the one that comes
        # first (the head when both start together) to the other's start.
        head_left = head_start <= child_start
        left_end = numpy.where(head_left, head_end, child_end)
        right_start = numpy.where(head_left, child_start, head_start)
        spans.append(
            numpy.stack(
                [
                    head_start,
                    head_end,
                    child_start,
                    child_end,
                    left_end,
                    numpy.maximum(left_end, right_start),
                ],
                axis=1,
            )
            + offset
        )
        structural.extend(_structural_by_source(doc, candidates, bounds))
        offset += len(doc)
    spans_all = numpy.concatenate(spans) if spans else numpy.zeros((0, 6), dtype="i8")
    pools = [_pooling_matrix(spans_all[:, k : k + 2], n_tokens) for k in (0, 2, 4)]
    width = all_vecs.shape[1] if all_vecs.ndim == 2 else 0
    struct = (
        numpy.concatenate(structural)
        if structural
        else numpy.zeros((0, N_STRUCTURAL_FEATURES), dtype="f")
    )
    if len(spans_all):
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
        d_tokvecs = ops.unflatten(ops.asarray2f(cast(Floats2d, d_all)), lengths)
        return backprop_tok2vec(d_tokvecs)

    return ops.asarray2f(cast(Floats2d, output)), backprop


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
    scorer: Model[Floats2d, Floats2d] = chain(
        Relu(nO=hidden_width, nI=n_inputs, dropout=dropout),
        Linear(nO=1, nI=hidden_width),
    )
    model: Model[list[Doc], Floats2d] = chain(pair_features, scorer)
    model.attrs["get_candidates"] = get_candidates
    return model
