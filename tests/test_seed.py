"""The client's seed article, as a text dump and as the HTML page: exactly the DESIGN.md rows."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline import clean_html, clean_text, extract
from pipeline.evidence import analyse, stable_id
from pipeline.settings import PIPELINE_VERSION

from .conftest import CHROME_SNIPPETS, SEED_HTML, SEED_TXT, load_gold

CANONICAL = ("https://news.cancerconnect.example/gist/"
             "surgery-during-gleevec-therapy-may-benefit-patients-with-advanced-gist")


def seed_article(kind: str):
    if kind == "txt":
        return clean_text(SEED_TXT.read_text(encoding="utf-8"), source=SEED_TXT.as_posix())
    return clean_html(SEED_HTML.read_bytes(), source=SEED_HTML.as_posix())


def row_identity(row: dict) -> tuple:
    return (row["row_type"], row["cohort_size"], row["outcome"], row["event_count"], row["arm"])


# The three outcome rows and four cohort rows of DESIGN.md, written out here as well as in
# the gold files, so that a wrong gold file cannot make this test pass.
DESIGN_ROWS = {
    ("outcome", 5, "recurrence", 4, "Group 1, first five"): ("discontinued", "surgery",
                                                             "5 discontinued imatinib, 4 recurrences"),
    ("outcome", 19, "recurrence", 1, "Group 1, next 19"): ("continued", "surgery",
                                                          "19 continued imatinib, 1 recurrence"),
    ("outcome", 8, "progression", 5, "Group 2 (salvage)"): ("continued", "surgery",
                                                           "8 continued imatinib, 5 progressions"),
    ("cohort", 141, None, None, None): ("received", None, "141 received imatinib"),
    ("cohort", 32, None, None, None): ("received", "surgery", "32 received imatinib and had surgery"),
    ("cohort", 24, None, None, "Group 1"): ("received", "surgery",
                                            "24 received imatinib and had surgery"),
    ("cohort", 8, None, None, "Group 2 (salvage)"): ("received", "surgery",
                                                     "8 received imatinib and had surgery"),
}


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_seed_yields_exactly_the_design_rows(kind: str, nlp) -> None:
    rows = [r.model_dump() for r in extract(seed_article(kind), nlp=nlp)]
    assert sorted(map(row_identity, rows), key=str) == sorted(DESIGN_ROWS, key=str)
    for row in rows:
        status, procedure, summary = DESIGN_ROWS[row_identity(row)]
        assert (row["drug_status"], row["procedure"], row["summary"]) == (status, procedure, summary)
        assert row["drug"] == "imatinib"
        assert row["drug_mention"] == "Gleevec"
        assert row["disease"] == "gastrointestinal stromal tumor"
        assert row["country"] == "Poland"
        assert row["followup_months"] == 12.0


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_seed_rows_match_gold_in_every_field(kind: str, nlp) -> None:
    gold = load_gold(SEED_TXT.with_name(f"{SEED_TXT.stem}.{kind}.gold.json"))
    article = seed_article(kind)
    found = {row_identity(r.model_dump()): r.model_dump() for r in extract(article, nlp=nlp)}
    assert len(found) == len(gold.rows) == 7
    for gold_row in gold.rows:
        expected = gold_row.model_dump()
        actual = found[row_identity(expected)]
        for field, value in expected.items():
            assert actual[field] == value, (field, row_identity(expected))


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_seed_run_fields(kind: str, nlp) -> None:
    """The fields a run decides: ids, provenance, confidence, timestamp, version."""
    article = seed_article(kind)
    stamp = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    result = analyse(article, nlp=nlp, extracted_at=stamp)
    expected_article_id = stable_id(CANONICAL if kind == "html" else SEED_TXT.as_posix())
    text = article.text
    for row in result.rows:
        assert row.article_id == expected_article_id
        assert row.source == (SEED_HTML if kind == "html" else SEED_TXT).as_posix()
        assert text[row.char_start:row.char_end] == row.sentence
        assert row.extracted_at == stamp
        assert row.pipeline_version == PIPELINE_VERSION
        assert 0.5 <= row.confidence <= 1.0
        assert len(row.row_id) == 16
    assert len({r.row_id for r in result.rows}) == 7
    # Re-running gives the same ids: rows are never duplicated by a re-run.
    again = analyse(seed_article(kind), nlp=nlp)
    assert [r.row_id for r in again.rows] == [r.row_id for r in result.rows]
    # A fraction ("four of the five") links more firmly than a bare "only one".
    by_count = {r.event_count: r.confidence for r in result.rows if r.row_type == "outcome"}
    assert by_count[4] > by_count[1]


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_seed_article_facts_and_citation(kind: str, nlp) -> None:
    gold = load_gold(SEED_TXT.with_name(f"{SEED_TXT.stem}.{kind}.gold.json"))
    record = analyse(seed_article(kind), nlp=nlp).record
    assert record.status == "ok"
    assert (record.n_outcome_rows, record.n_cohort_rows) == (3, 4)
    actual = record.model_dump()
    for field, value in gold.article.model_dump().items():
        assert actual[field] == value, field
    assert record.citation_journal == "Journal of Surgical Oncology"
    assert (record.citation_year, record.citation_volume, record.citation_pages) == (
        2006, "93", "304-311")
    assert record.citation_authors == "Rutkowski P; Nowecki Z; Nyckowski P"


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_no_teaser_or_chrome_text_reaches_nlp_or_output(kind: str, nlp) -> None:
    article = seed_article(kind)
    result = analyse(article, nlp=nlp)
    cells = " ".join(str(v) for r in result.rows for v in r.model_dump().values())
    cells += " ".join(str(v) for v in result.record.model_dump().values())
    for snippet in CHROME_SNIPPETS:
        assert snippet not in article.text, snippet
        assert snippet not in cells, snippet


def test_both_seed_inputs_clean_to_the_same_text() -> None:
    assert seed_article("txt").text == seed_article("html").text
    assert seed_article("txt").paragraphs[0].startswith("According to a study published")
