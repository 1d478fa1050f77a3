"""`iec_entity_tagger`: entities as BILUO token tags, decoded under the
scheme's constraints.

spaCy's transition-based recognizer decides token by token in a loop whose
cost grows with the number of labels; on our releases it took about as long
as the token encoder it listens to. Tagging every token with its BILUO tag
(`B-ORG`, `I-ORG`, `L-ORG`, `U-PERSON`, `O`) is one matrix product per batch
instead: this component is spaCy's `tagger` (same training, same loss), over
a model that sees each token's neighbours through a hidden layer
(`iec.EntityTagger.v1`), and it writes entities rather than tags.

Decoding: per token the best tag alone can give sequences BILUO forbids
(`B-PERIOD I-PERIOD O`: a period cut short), so the tags are read with the
Viterbi algorithm under the scheme's constraints (after `B-X` or `I-X` only
`I-X` or `L-X`; `I-X`, `L-X` only after them). Stretches where `O` clearly
wins are not searched: they split the text into short independent pieces,
which keeps decoding a small part of the cost.

Entities already present (money amounts, name patterns placed by the rules
before it) are kept; a tagged span overlapping one of them is dropped, as
spaCy's recognizer labels around preset entities.

Gold tags for training come from the gold entities (`iec.release_augmenter.v1`
with `entity_tags = true`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Config, Maxout, Model, chain, expand_window, with_array
from thinc.layers import Softmax_v2
from thinc.types import Floats2d

# A token is left out of the search when its O score beats every other tag
# by this much (logits): the search would label it O anyway.
CLEAR_OUTSIDE_MARGIN = 4.0

_DEFAULT_MODEL = """
[model]
@architectures = "iec.EntityTagger.v1"
hidden_width = 64
window_size = 1
nO = null

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""


@registry.architectures("iec.EntityTagger.v1")
def build_entity_tagger(
    tok2vec: Model[list[Doc], list[Floats2d]],
    hidden_width: int = 64,
    window_size: int = 1,
    nO: int | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """Token vectors -> BILUO tag scores, through the vectors of
    `window_size` neighbours on each side and one maxout layer."""
    output_layer = Softmax_v2(nO, hidden_width, normalize_outputs=False)
    head: Model[Floats2d, Floats2d] = chain(
        expand_window(window_size=window_size),
        Maxout(nO=hidden_width, nP=2, normalize=True, dropout=0.0),
        output_layer,
    )
    model: Model[list[Doc], list[Floats2d]] = chain(tok2vec, with_array(head))
    # The references spaCy's tagger looks for (to size the output layer).
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("softmax", output_layer)
    model.set_ref("output_layer", output_layer)
    return model


@Language.factory(
    "iec_entity_tagger",
    assigns=["doc.ents"],
    default_config={
        "model": Config().from_str(_DEFAULT_MODEL)["model"],
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
        "label_smoothing": 0.0,
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_entity_tagger(
    nlp: Language, name: str, model: Model, scorer: Callable | None, label_smoothing: float
) -> EntityTagger:
    return EntityTagger(nlp.vocab, model, name, scorer=scorer, label_smoothing=label_smoothing)


class EntityTagger(Tagger):
    """spaCy's tagger over BILUO entity tags, setting `doc.ents`."""

    def predict(self, docs: Iterable[Doc]) -> list[numpy.ndarray]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((len(doc), len(self.labels)), dtype="f") for doc in docs]
        return [self.model.ops.to_numpy(scores) for scores in self.model.predict(docs)]

    def set_annotations(self, docs: Iterable[Doc], batch_scores: list[numpy.ndarray]) -> None:
        scheme = _scheme(self.labels)
        for doc, scores in zip(docs, batch_scores):
            preset = list(doc.ents)
            taken = numpy.zeros(len(doc) + 1, dtype=bool)
            for ent in preset:
                taken[ent.start : ent.end] = True
            added = [
                Span(doc, start, end, label=label)
                for start, end, label in scheme.decode(scores)
                if not taken[start:end].any()
            ]
            doc.set_ents(sorted(preset + added, key=lambda s: s.start), default="outside")


@lru_cache(maxsize=8)
def _scheme(tags: tuple[str, ...]) -> BiluoScheme:
    """The scheme of a tag set, made once (its columns are looked up by name)."""
    return BiluoScheme(tags)


class BiluoScheme:
    """The tag columns of a BILUO tag set, and constrained decoding over them."""

    def __init__(self, tags: Iterable[str]) -> None:
        tags = list(tags)
        self.outside = tags.index("O") if "O" in tags else None
        self.labels = sorted({t.split("-", 1)[1] for t in tags if "-" in t})
        # Column of each (move, label), or -1 when the tag never occurred.
        self.columns = {
            label: [
                tags.index(f"{move}-{label}") if f"{move}-{label}" in tags else -1
                for move in "BILU"
            ]
            for label in self.labels
        }

    def decode(self, scores: numpy.ndarray) -> list[tuple[int, int, str]]:
        """(start, end, label) token spans of the best BILUO-valid sequence."""
        if len(scores) == 0 or self.outside is None or not self.labels:
            return []
        scores = numpy.asarray(scores, dtype="f")
        others = numpy.delete(scores, self.outside, axis=1)
        clear = scores[:, self.outside] - others.max(axis=1) > CLEAR_OUTSIDE_MARGIN
        spans: list[tuple[int, int, str]] = []
        searched = numpy.flatnonzero(~clear)
        if len(searched) == 0:
            return spans
        # Runs of consecutive searched tokens, each decoded on its own.
        breaks = numpy.flatnonzero(numpy.diff(searched) > 1)
        starts = numpy.concatenate(([searched[0]], searched[breaks + 1]))
        ends = numpy.concatenate((searched[breaks], [searched[-1]])) + 1
        for start, end in zip(starts.tolist(), ends.tolist()):
            for a, b, label in self._viterbi(scores[start:end].tolist()):
                spans.append((start + a, start + b, label))
        return spans

    def _viterbi(self, rows: list[list[float]]) -> list[tuple[int, int, str]]:
        """Best valid tag path over `rows` (one score list per token), which
        starts and ends outside an entity."""
        neg = float("-inf")
        o = self.outside
        assert o is not None  # decode() searches only a tag set with O
        labels = self.labels
        cols = [self.columns[label] for label in labels]
        # State scores: outside (O, L-x or U-x just ended) and, per label,
        # "inside" (B-x or I-x: the entity goes on).
        out_score = 0.0
        inside = [neg] * len(labels)
        back: list[tuple[tuple, list]] = []  # per token: how each state was reached
        best_out_from: tuple[str] | tuple[str, int]
        for row in rows:
            o_here = out_score + row[o]
            best_out, best_out_from = o_here, ("O",)
            new_inside = [neg] * len(labels)
            inside_from: list = [None] * len(labels)
            for k, (b, i, last, u) in enumerate(cols):
                if u >= 0 and out_score + row[u] > best_out:
                    best_out, best_out_from = out_score + row[u], ("U", k)
                if last >= 0 and inside[k] + row[last] > best_out:
                    best_out, best_out_from = inside[k] + row[last], ("L", k)
                begin = out_score + row[b] if b >= 0 else neg
                go_on = inside[k] + row[i] if i >= 0 else neg
                if begin >= go_on:
                    new_inside[k], inside_from[k] = begin, "B"
                else:
                    new_inside[k], inside_from[k] = go_on, "I"
            back.append((best_out_from, inside_from))
            out_score, inside = best_out, new_inside
        # Walk back from "outside" after the last token.
        spans: list[tuple[int, int, str]] = []
        state: tuple = ("out",)
        end = None
        for t in range(len(rows) - 1, -1, -1):
            out_from, inside_from = back[t]
            if state[0] == "out":
                if out_from[0] == "O":
                    continue
                k = out_from[1]
                if out_from[0] == "U":
                    spans.append((t, t + 1, labels[k]))
                    continue
                end, state = t + 1, ("in", k)  # L-x: the entity ends here
            else:
                k = state[1]
                if inside_from[k] == "B":
                    assert end is not None  # set by the L-x that entered this state
                    spans.append((t, end, labels[k]))
                    state = ("out",)
        spans.reverse()
        return spans
