"""The learned row confidence: training writes a valid model, the shipped one fits the code,
and its probabilities rank and drop rows as they should."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline import clean_text
from pipeline.evaluate import evaluate
from pipeline.evidence import article_facts, build_rows, reports_a_study, row_drafts
from pipeline.learn import row_confidence as learn
from pipeline.row_confidence import RowModel, feature_names, row_features, row_model
from pipeline.settings import CORPORA_DIR

TUNE = CORPORA_DIR / "dev" / "tune"


def _copy_articles(names: list[str], to: Path) -> None:
    for gold in names:
        data = json.loads((TUNE / gold).read_text(encoding="utf-8"))
        shutil.copy(TUNE / gold, to / gold)
        shutil.copy(TUNE / data["input"], to / data["input"])


def test_training_on_a_few_tune_articles_writes_a_valid_and_repeatable_model(
        nlp, tmp_path: Path) -> None:
    golds = sorted(p.name for p in TUNE.glob("*.gold.json"))[:10]
    corpus = tmp_path / "tune"
    corpus.mkdir()
    _copy_articles(golds, corpus)
    first = learn.train(corpus, nlp=nlp, report=False)
    learn.main([str(corpus), "--out", str(tmp_path / "model.json")])
    written = RowModel.from_dict(json.loads((tmp_path / "model.json").read_text()))
    assert written.features == feature_names()
    assert len(written.weights) == len(written.features)
    assert any(w != 0 for w in written.weights)
    assert 0.0 <= written.threshold < 1.0
    assert written.provenance["articles"] == 10
    assert written.provenance["rows"] > written.provenance["right_rows"] > 0
    cv = written.provenance["cv"]
    for scored in ("rows", "numbers"):  # the same gold rows both ways
        assert cv["rules_alone"][scored]["tp"] + cv["rules_alone"][scored]["fn"] == \
            cv["with_drop"][scored]["tp"] + cv["with_drop"][scored]["fn"]
    assert not written.drop  # only with --drop
    # Rules alone, summed over the held-out folds, is what the evaluator scores on them.
    scored = evaluate(corpus, nlp=nlp).rows
    assert (cv["rules_alone"]["rows"]["tp"], cv["rules_alone"]["rows"]["fp"],
            cv["rules_alone"]["rows"]["fn"]) == (scored.tp, scored.fp, scored.fn)
    # The same corpus gives the same weights and threshold.
    assert (written.weights, written.bias, written.threshold) == \
        (first.weights, first.bias, first.threshold)


def test_shipped_model_fits_the_code() -> None:
    model = row_model()
    assert model.features == feature_names()
    assert model.provenance["corpus"] == "corpora/dev/tune"
    assert model.provenance["articles"] == len(list(TUNE.glob("*.gold.json")))
    assert 0.0 <= model.threshold < 1.0


def _stamp():
    import datetime as dt
    return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _with_drop(model: RowModel, drop: bool) -> RowModel:
    return RowModel(features=model.features, weights=model.weights, bias=model.bias,
                    threshold=model.threshold, drop=drop, provenance={})


@pytest.mark.parametrize("name", ["tune-01-nsclc-osimertinib-news.txt",
                                  "tune-07-crc-folfox-bevacizumab-cetuximab-abstract.txt",
                                  "tune-100-mds-imetelstat-news.txt"])
def test_confidences_are_probabilities_and_a_drop_leaves_out_those_under_the_threshold(
        nlp, name: str) -> None:
    article = clean_text((TUNE / name).read_text(encoding="utf-8"))
    doc = nlp(article.text)
    facts = article_facts(doc)
    assert reports_a_study(doc, facts)
    drafts = row_drafts(doc, facts)
    shipped = row_model()
    confidences = [shipped.probability(f)
                   for f in row_features(doc, drafts, disease=facts.disease)]
    assert all(0.0 <= p <= 1.0 for p in confidences)

    def shown(rows: list) -> list[tuple]:
        return [(r.row_type, r.cohort_size, r.event_count, r.outcome, r.drug, r.confidence)
                for r in rows]

    def expected(keep) -> list[tuple]:
        return [(d["row_type"], d["cohort_size"], d["event_count"], d["outcome"], d["drug"],
                 round(p, 3)) for d, p in zip(drafts, confidences, strict=True) if keep(p)]

    kept = build_rows(doc, article, facts, _stamp(), model=_with_drop(shipped, True))
    assert shown(kept) == expected(lambda p: p >= shipped.threshold)
    every = build_rows(doc, article, facts, _stamp(), model=_with_drop(shipped, False))
    assert shown(every) == expected(lambda p: True)
    if not shipped.drop:
        assert shown(build_rows(doc, article, facts, _stamp())) == shown(every)


def test_a_count_stated_with_its_group_is_surer_than_one_linked_across_paragraphs(nlp) -> None:
    """The same 30 responses of the same 120 patients: in the group's sentence, and three
    paragraphs after the group was counted."""
    near = ("A phase 2 trial tested osimertinib in lung cancer.\n\n"
            "Of the 120 patients who received osimertinib, 30 had a response.\n\n"
            "The drug was well tolerated, the researchers said.\n")
    far = ("A phase 2 trial enrolled 120 patients with lung cancer who received osimertinib.\n\n"
           "The drug was well tolerated, the researchers said.\n\n"
           "They plan a larger study next year.\n\n"
           "Researchers also measured quality of life.\n\n"
           "Thirty patients had a response.\n")
    found = {}
    for label, text in (("near", near), ("far", far)):
        article = clean_text(text)
        doc = nlp(article.text)
        facts = article_facts(doc)
        drafts = row_drafts(doc, facts)
        features = row_features(doc, drafts, disease=facts.disease)
        found[label] = [row_model().probability(f) for d, f in zip(drafts, features, strict=True)
                        if d["row_type"] == "outcome" and d["event_count"] == 30
                        and d["cohort_size"] == 120 and d["outcome"] == "response"]
    assert len(found["near"]) == 1 and len(found["far"]) == 1
    assert found["near"][0] > found["far"][0] + 0.02
