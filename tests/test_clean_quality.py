"""The cleaning quality gate: scores on our page corpus and on the Zyte benchmark stay above
the floors pinned in tests/cleaning_floors.json (bench/cleaning.py prints them beside
trafilatura's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.clean import clean_html
from pipeline.clean.scoring import load_body_benchmark, score_bodies, score_snippets, snippet_files
from pipeline.errors import OncoEvidenceError
from pipeline.schema import SnippetFile
from pipeline.settings import CORPORA_DIR, PROJECT_ROOT

FLOORS = json.loads((Path(__file__).parent / "cleaning_floors.json").read_text(encoding="utf-8"))


def ours(data: bytes):
    try:
        return clean_html(data)
    except OncoEvidenceError:
        return ""  # a page rejected as empty scores as empty output


@pytest.fixture(scope="module")
def dev_score():
    return score_snippets(CORPORA_DIR, ours)


def test_the_page_corpus_covers_enough_site_templates() -> None:
    floors = FLOORS["dev_pages"]
    files = snippet_files(CORPORA_DIR)
    templates = {SnippetFile.model_validate_json(f.read_text(encoding="utf-8")).template
                 for f in files}
    assert len(files) >= floors["min_pages"]
    assert len(templates) >= floors["min_templates"]


def test_no_chrome_leaks_and_article_text_kept(dev_score) -> None:
    floors = FLOORS["dev_pages"]
    assert len(dev_score.leaked) <= floors["max_leaks"], dev_score.leaked
    assert dev_score.recall >= floors["recall"], dev_score.missed
    assert dev_score.precision >= floors["precision"]


def test_page_metadata_accuracy(dev_score) -> None:
    floors = FLOORS["dev_pages"]
    accuracy = dev_score.metadata_accuracy()
    below = {k: round(v, 3) for k, v in accuracy.items() if v < floors[k]}
    assert not below, f"metadata accuracy below its floor: {below}"


def test_zyte_benchmark_scores_stay_above_their_floors() -> None:
    pages = load_body_benchmark(PROJECT_ROOT / "bench" / "data" / "zyte-aeb")
    assert len(pages) == 181
    score = score_bodies(pages, ours)
    floors = FLOORS["zyte"]
    scores = {"f1": score.f1, "precision": score.precision, "recall": score.recall}
    below = {k: round(scores[k], 4) for k, floor in floors.items() if scores[k] < floor}
    assert not below, f"Zyte benchmark below its floor: {below}"
