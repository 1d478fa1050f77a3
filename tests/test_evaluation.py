"""The scorer on a hand-built case with known P/R/F1."""

from __future__ import annotations

import pytest

from iec_nlp.evaluation import prf, score_keyed


def test_strict_entity_scores_match_hand_counts():
    gold = {
        ("d", 0, 5): "PERSON",
        ("d", 10, 15): "ROLE",
        ("d", 20, 28): "MONEY",
        ("d", 30, 35): "ORG",
    }
    pred = {
        ("d", 0, 5): "PERSON",  # hit
        ("d", 10, 14): "ROLE",  # mis-bounded: one FP and one FN
        ("d", 20, 28): "METRIC",  # wrong label: FP METRIC, FN MONEY
        ("d", 40, 44): "ORG",  # spurious
    }
    per_label, micro, macro = score_keyed(gold, pred, ["PERSON", "ROLE", "MONEY", "METRIC", "ORG"])
    # tp=1, fp=3 (ROLE, METRIC, ORG), fn=3 (ROLE, MONEY, ORG)
    assert micro.p == pytest.approx(1 / 4)
    assert micro.r == pytest.approx(1 / 4)
    assert micro.f == pytest.approx(1 / 4)
    assert per_label["PERSON"].f == 1.0
    assert per_label["ROLE"].p == 0.0 and per_label["ROLE"].support == 1
    assert per_label["MONEY"].r == 0.0
    assert macro.f == pytest.approx((1.0 + 0 + 0 + 0 + 0) / 5)


def test_relation_with_misbounded_argument_counts_as_error():
    gold = {("d", 0, 18, 29, 51): "HAS_ROLE", ("d", 60, 68, 70, 80): "VALUE_OF"}
    pred = {("d", 0, 18, 29, 45): "HAS_ROLE", ("d", 60, 68, 70, 80): "VALUE_OF"}  # ROLE cut short
    per_label, micro, _ = score_keyed(gold, pred, ["HAS_ROLE", "VALUE_OF"])
    assert per_label["HAS_ROLE"].p == 0.0 and per_label["HAS_ROLE"].r == 0.0
    assert per_label["VALUE_OF"].f == 1.0
    assert micro.p == pytest.approx(0.5) and micro.r == pytest.approx(0.5)


def test_prf_handles_empty_counts():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(3, 1, 2) == pytest.approx((0.75, 0.6, 2 * 0.75 * 0.6 / 1.35))


def test_entity_errors_are_sorted_by_kind():
    from iec_nlp.evaluation import entity_error_kinds
    from iec_nlp.extraction import Entity, Extraction

    text = "Acme Corp. named Jane Doe CFO for $5 in 2024."
    gold = Extraction(
        text,
        (
            Entity(0, 10, "ORG", "Acme Corp."),
            Entity(17, 25, "PERSON", "Jane Doe"),
            Entity(26, 29, "ROLE", "CFO"),
            Entity(34, 36, "MONEY", "$5"),
        ),
        (),
    )
    pred = Extraction(
        text,
        (
            Entity(0, 4, "ORG", "Acme"),
            Entity(17, 25, "ORG", "Jane Doe"),
            Entity(40, 44, "PERIOD", "2024"),
        ),
        (),
    )
    kinds = entity_error_kinds(gold, pred)
    assert kinds["ORG"]["boundary"] == 1
    assert kinds["PERSON"]["label"] == 1
    assert kinds["ROLE"]["missed"] == 1 and kinds["MONEY"]["missed"] == 1
    assert kinds["PERIOD"]["spurious"] == 1
    assert (
        "spurious" not in kinds["ORG"]
    )  # Acme overlaps the gold ORG: a boundary error, not spurious


def test_relation_errors_list_each_pair_only_one_side_links_with_its_arguments_text():
    from iec_nlp.evaluation import relation_errors
    from iec_nlp.extraction import Entity, Extraction, Relation

    text = "Jane Doe, CFO, said revenue was $5 in 2024."
    ents = (
        Entity(0, 8, "PERSON", "Jane Doe"),
        Entity(10, 13, "ROLE", "CFO"),
        Entity(20, 27, "METRIC", "revenue"),
        Entity(32, 34, "MONEY", "$5"),
        Entity(38, 42, "PERIOD", "2024"),
    )
    gold = Extraction(
        text,
        ents,
        (Relation(0, 1, "HAS_ROLE"), Relation(3, 2, "VALUE_OF"), Relation(3, 4, "IN_PERIOD")),
    )
    pred = Extraction(text, ents, (Relation(0, 1, "HAS_ROLE"), Relation(3, 4, "VALUE_OF")))
    errors = relation_errors(gold, pred, "d")
    assert {(e["head"], e["child"], e["gold"], e["pred"]) for e in errors} == {
        ("$5", "revenue", "VALUE_OF", "O"),  # missed
        ("$5", "2024", "IN_PERIOD", "VALUE_OF"),  # the right pair, the wrong label
    }
    assert relation_errors(gold, gold, "d") == []


def test_evaluating_nothing_is_a_clear_error_and_a_release_without_entities_scores(nlp):
    from iec_nlp.corpus.records import AnnotatedDocument
    from iec_nlp.evaluation import evaluate

    with pytest.raises(ValueError, match="holds no releases"):
        evaluate(nlp, [], gold_entities=False)
    empty = AnnotatedDocument.from_dict(
        {"id": "blank", "text": "   \n", "spans": [], "relations": []}
    )
    report = evaluate(nlp, [empty], gold_entities=False)
    assert report.n_documents == 1 and report.confusion["ORG"]["ORG"] == 0
