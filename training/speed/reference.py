"""The reference: a plain spaCy CNN NER, as `spacy init config -p ner -o
efficiency` makes it (tok2vec + ner), with our 7 labels.

It is initialized on two labelled sentences, so its weights are untrained:
that does not change what it costs. The NER's actions come from its labels,
so it has as many as ours.
"""

from __future__ import annotations

from pathlib import Path

LABELS = ("PERSON", "ROLE", "ORG", "CUSTOMER", "MONEY", "METRIC", "PERIOD")

_SENTENCES = (
    (
        "John Smith, chief executive officer of IEC Electronics, said revenue from "
        "Lockheed Martin was $12.3 million in the fourth quarter.",
        (
            ("John Smith", "PERSON"),
            ("chief executive officer", "ROLE"),
            ("IEC Electronics", "ORG"),
            ("revenue", "METRIC"),
            ("Lockheed Martin", "CUSTOMER"),
            ("$12.3 million", "MONEY"),
            ("the fourth quarter", "PERIOD"),
        ),
    ),
    (
        "Net sales for fiscal 2008 were $51.0 million, said Jane Doe, vice president of Acme Corp.",
        (
            ("Net sales", "METRIC"),
            ("fiscal 2008", "PERIOD"),
            ("$51.0 million", "MONEY"),
            ("Jane Doe", "PERSON"),
            ("vice president", "ROLE"),
            ("Acme Corp.", "ORG"),
        ),
    ),
)


def build_reference(path: Path) -> None:
    """Save the reference pipeline to `path`."""
    from spacy.cli.init_config import init_config
    from spacy.training import Example
    from spacy.util import load_model_from_config

    config = init_config(lang="en", pipeline=["ner"], optimize="efficiency")
    nlp = load_model_from_config(config, auto_fill=True)
    examples = []
    for text, spans in _SENTENCES:
        entities = [(text.index(s), text.index(s) + len(s), label) for s, label in spans]
        examples.append(Example.from_dict(nlp.make_doc(text), {"entities": entities}))
    nlp.initialize(lambda: examples)
    missing = set(LABELS) - set(nlp.get_pipe("ner").labels)
    assert not missing, f"reference NER lacks labels {missing}"
    nlp.to_disk(path)


def describe(path: Path) -> dict[str, object]:
    """The reference's architecture, as saved (for the report)."""
    import spacy

    nlp = spacy.load(path)
    return {
        "pipeline": nlp.pipe_names,
        "tok2vec_width": nlp.get_pipe("tok2vec").model.get_dim("nO"),
        "ner_hidden_width": nlp.get_pipe("ner").model.get_ref("lower").get_dim("nO"),
    }
