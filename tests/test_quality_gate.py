"""The quality gate: extraction scores on the gold corpora stay above the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.clean import clean_html
from pipeline.clean.scoring import load_body_benchmark
from pipeline.errors import OncoEvidenceError
from pipeline.evaluate import evaluate
from pipeline.evidence import analyse
from pipeline.settings import PROJECT_ROOT

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
HARD_NEGATIVES = "bench/data/zyte-aeb"
SPLITS = [name for name in FLOORS if not name.startswith("_") and name != HARD_NEGATIVES]


@pytest.mark.parametrize("split", SPLITS)
def test_scores_stay_above_their_floors(nlp, split: str) -> None:
    result = evaluate(PROJECT_ROOT / split, nlp=nlp)
    assert result.articles + result.cases >= 1
    scores = {"rows_f1": result.rows.f1, "numbers_f1": result.numbers.f1,
              "drug_recall": result.drugs.recall, "disease_recall": result.diseases.recall}
    floors = FLOORS[split]
    below = {k: (round(scores[k], 4), floor) for k, floor in floors.items() if scores[k] < floor}
    assert not below, f"{split}: below the floor (score, floor): {below}"


def test_dev_corpus_is_large_enough_and_split() -> None:
    tune = list((PROJECT_ROOT / "corpora/dev/tune").glob("*.gold.json"))
    holdout = list((PROJECT_ROOT / "corpora/dev/holdout").glob("*.gold.json"))
    sealed = list((PROJECT_ROOT / "corpora/dev/sealed").glob("*.gold.json"))
    assert len(tune) + len(holdout) >= 40
    assert len(holdout) >= 10 and len(sealed) >= 10
    names = [{p.name for p in split} for split in (tune, holdout, sealed)]
    assert not (names[0] & names[1] or names[0] & names[2] or names[1] & names[2])


def test_missed_rows_are_counted_by_reason() -> None:
    from pipeline.evaluate import Evaluation, _score_fields

    def row(size, count, drug="imatinib", outcome="recurrence", row_type="outcome"):
        return {"row_type": row_type, "cohort_size": size, "event_count": count,
                "outcome": outcome, "drug": drug}

    gold = [row(19, 1), row(19, 2, drug="imatinib + sunitinib"), row(40, 3), row(8, 5),
            row(60, 7)]
    found = [row(19, 1), row(19, 2, drug="sunitinib"), row(40, 3, drug=None), row(8, 4),
             row(70, 7)]
    result = Evaluation()
    _score_fields(result, gold, found)
    assert result.field_total == 1
    assert result.misses == {
        "outcome: numbers right, drug wrong (part of a combination)": 1,
        "outcome: numbers right, drug wrong (no drug found)": 1,
        "outcome: size right, count wrong": 1,
        "outcome: count right, size wrong": 1,
    }


def test_pages_that_report_no_study_give_almost_no_rows(nlp) -> None:
    """Real pages nobody wrote for us: news, blogs, recipes, shops. Their "N people", "1 Red",
    "$70,000 bond" are no study results."""
    rows = 0
    for _, data, _ in load_body_benchmark(PROJECT_ROOT / HARD_NEGATIVES):
        try:
            article = clean_html(data)
        except OncoEvidenceError:
            continue  # a page the cleaner rejects gives no rows either
        rows += len(analyse(article, nlp=nlp).rows)
    assert rows <= FLOORS[HARD_NEGATIVES]["max_rows"]
