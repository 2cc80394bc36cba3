"""Rows come only from text about a treatment or a disease, and only for counts of a group."""

from __future__ import annotations

from pipeline import clean_text
from pipeline.evidence import analyse


def test_a_page_naming_no_drug_or_disease_gives_no_rows(nlp) -> None:
    text = ("More than 15,000 people registered for the rally, and 46 of the 120 teachers "
            "who marched were from rural districts. Three of the 12 buses arrived late.")
    result = analyse(clean_text(text), nlp=nlp)
    assert result.rows == ()
    assert result.record.status == "ok"  # the article is kept, with no rows


def test_the_same_counts_about_a_treatment_give_rows(nlp) -> None:
    text = ("Of the 120 patients with psoriasis who received bimekizumab, 46 had a complete "
            "response at week 16.")
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert [(r.cohort_size, r.event_count, r.drug) for r in rows if r.row_type == "outcome"] \
        == [(120, 46, "bimekizumab")]


def test_a_count_out_of_no_known_group_gives_no_row(nlp) -> None:
    text = ("Imatinib is widely used. Between 2009 and 2018 there were 26 cases of the "
            "disease and 11 deaths.")
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert all(r.cohort_size is not None for r in rows if r.row_type == "outcome")
    assert not any(r.event_count == 11 and r.cohort_size is None for r in rows)
