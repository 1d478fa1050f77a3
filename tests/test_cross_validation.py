"""Cross-validation folds: by company, and never a test release anywhere."""

from __future__ import annotations

import json

import pytest

from iec_nlp.corpus.splits import company_key, make_split, split_documents
from iec_nlp.cross_validation import folds_of, write_fold_corpus


@pytest.fixture(scope="module")
def committed():
    grouped, _ = split_documents("corpora")
    return grouped


def test_folds_keep_each_company_together_and_cover_every_release(committed):
    ids = [d.id for d in committed["train"] + committed["dev"]]
    folds = folds_of(ids, 4)
    assert sorted(i for fold in folds for i in fold) == sorted(ids)
    assert max(map(len, folds)) - min(map(len, folds)) <= 2
    for company in {company_key(i) for i in ids} - {"iec-electronics"}:
        holding = [
            n for n, fold in enumerate(folds) if any(company_key(i) == company for i in fold)
        ]
        assert len(holding) == 1, company


def test_fold_corpus_holds_only_train_and_dev_releases_in_the_intended_split(committed, tmp_path):
    documents = committed["train"] + committed["dev"]
    held_out = folds_of([d.id for d in documents], 4)[0]
    grouped, problems = split_documents(write_fold_corpus(documents, held_out, tmp_path / "fold"))
    assert problems == []
    assert [d.id for d in grouped["dev"]] == held_out
    assert {d.id for d in grouped["train"]} == {d.id for d in documents} - set(held_out)
    assert grouped["test"] == []
    test_ids = {d.id for d in committed["test"]}
    assert not test_ids & {d.id for docs in grouped.values() for d in docs}


def test_a_release_listed_in_two_splits_is_an_error():
    # This once let held-out releases be silently moved to "test".
    with pytest.raises(ValueError, match="'b' in both 'dev' and 'test'"):
        make_split(["a", "b"], {"train": ["a"], "dev": ["b"], "test": ["b"]})


def test_committed_split_file_lists_each_release_once():
    split = json.loads(open("corpora/splits.json").read())
    ids = [i for names in split.values() for i in names]
    assert len(ids) == len(set(ids))


def test_rescore_pools_the_held_out_scores_of_kept_fold_models(committed, tmp_path):
    import shutil

    from iec_nlp.cross_validation import rescore
    from iec_nlp.evaluation import evaluate

    held_out = [d.id for d in committed["dev"][:2]]
    fold = tmp_path / "kept" / "fold-0"
    shutil.copytree("models/iec_cnn", fold)
    (fold / "held_out.json").write_text(json.dumps(held_out))
    pooled = rescore("corpora", tmp_path / "kept")
    direct = evaluate(str(fold), committed["dev"][:2], gold_entities=False)
    assert pooled["releases"] == 2
    assert pooled["entities_f"] == pytest.approx(direct.entities.micro.f, abs=1e-3)
    assert pooled["relations_f"] == pytest.approx(direct.relations.micro.f, abs=1e-3)
