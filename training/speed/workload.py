"""What every configuration processes, and how its words are counted.

The workload is the texts of corpora/releases/*.txt, sorted by file name,
repeated in that order until they hold at least the words asked for. Words
are whitespace-separated words of the texts as given, for iec_nlp and the
reference alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
RELEASES_DIR = REPO / "corpora" / "releases"


def release_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(RELEASES_DIR.glob("*.txt"))]


def count_words(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


def workload(min_words: int) -> list[str]:
    """The corpus releases, in name order, repeated until >= min_words words."""
    texts: list[str] = []
    words = 0
    for text in cycle(release_texts()):
        if words >= min_words:
            break
        texts.append(text)
        words += len(text.split())
    return texts


def releases(count: int) -> Iterator[str]:
    """`count` releases: the corpus in name order, repeated (a stream)."""
    corpus = release_texts()
    for i in range(count):
        yield corpus[i % len(corpus)]


def text_of_size(n_chars: int) -> str:
    """One "release" of exactly n_chars: the whole corpus, repeated and cut."""
    corpus = "\n\n".join(release_texts()) + "\n\n"
    return (corpus * (n_chars // len(corpus) + 1))[:n_chars]


def touch(result: Any) -> int:
    """Use everything `extract` promises, so the lazy views are computed too."""
    return (
        len(result.entities)
        + len(result.relations)
        + len(result.figures)
        + len(result.people)
        + len(result.customers)
    )
