"""`iec.Tokenizer.v1`: spaCy's English tokenizer, also splitting the glue of
datelines and footnote markers.

Wire datelines write "N.Y.--(BUSINESS WIRE)--March 19" and "(2003)—MSL";
tables write "Cash EPS(1)". spaCy's defaults keep such runs as one token, so
the organization inside can't be an entity. Splitting on dash runs, em/en
dashes, slashes and inner parentheses fixes that without touching words.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

EXTRA_INFIXES = [r"-{2,}", r"[\u2014\u2013]", r"[()\[\]]", r"/"]
EXTRA_PREFIXES = [r"-{2,}", r"[\u2014\u2013]"]
# v2 also splits a leading slash: "2020 /PRNewswire/ --" gave the token
# "/PRNewswire", so the wire service could not be an entity of its own.
EXTRA_PREFIXES_V2 = [*EXTRA_PREFIXES, r"/"]


def _tokenizer_factory(extra_prefixes: list[str]) -> Callable[[Language], Tokenizer]:
    def create(nlp: Language) -> Tokenizer:
        # spaCy's own factory (spacy.Tokenizer.v1), with our affixes given
        # at construction: setting them afterwards reloads the special cases
        # each time, which costs cold start.
        defaults = nlp.Defaults
        prefixes = extra_prefixes + list(defaults.prefixes or [])
        infixes = EXTRA_INFIXES + list(defaults.infixes or [])
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(defaults.suffixes).search
            if defaults.suffixes
            else None,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return create


@registry.tokenizers("iec.Tokenizer.v1")
def make_tokenizer() -> Callable[[Language], Tokenizer]:
    return _tokenizer_factory(EXTRA_PREFIXES)


@registry.tokenizers("iec.Tokenizer.v2")
def make_tokenizer_v2() -> Callable[[Language], Tokenizer]:
    return _tokenizer_factory(EXTRA_PREFIXES_V2)


def blank_pipeline() -> Language:
    """A blank English pipeline with the iec tokenizer (for conversion and tests)."""
    import spacy

    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "iec.Tokenizer.v2"}}})
