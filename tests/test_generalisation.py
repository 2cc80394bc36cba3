"""Invented Results passages in forms real randomised trials use (any specialty): counts
with their arm in the same clause, three-arm lists with a serial comma, "the remaining N",
counts of a subgroup named again ("Of the 98, 54 ...")."""

from __future__ import annotations

import pytest

from pipeline import clean_text
from pipeline.evidence import analyse


def _outcomes(nlp, text: str) -> set[tuple]:
    rows = analyse(clean_text(text), nlp=nlp).rows
    return {(r.cohort_size, r.drug, r.drug_status, r.outcome, r.event_count)
            for r in rows if r.row_type == "outcome"}


def test_counts_of_two_arms_named_in_one_sentence(nlp) -> None:
    rows = _outcomes(nlp, "Patients with chronic migraine were randomly assigned to erenumab "
                          "(n = 120) or placebo (n = 118). Adverse events occurred in 45 of "
                          "120 patients (37.5%) in the erenumab group and 52 of 118 (44.1%) "
                          "in the placebo group.")
    assert rows == {(120, "erenumab", "received", "adverse_event", 45),
                    (118, "erenumab", "not_received", "adverse_event", 52)}


def test_three_arm_list_with_a_serial_comma_goes_to_the_arms_in_order(nlp) -> None:
    rows = _outcomes(nlp, "Patients with rheumatoid arthritis were randomized to tofacitinib "
                          "plus methotrexate (n = 100), tofacitinib alone (n = 101), or "
                          "methotrexate alone (n = 99). Remission occurred in 30, 22, and 15 "
                          "patients, respectively.")
    assert {(r[0], r[1], r[4]) for r in rows} == {
        (100, "methotrexate + tofacitinib", 30), (101, "tofacitinib", 22),
        (99, "methotrexate", 15)}


def test_a_serial_comma_list_makes_no_cohort_of_its_last_number(nlp) -> None:
    rows = analyse(clean_text(
        "Patients were randomized to tofacitinib (n = 101), methotrexate (n = 99), or "
        "adalimumab (n = 98). Remission occurred in 22, 15, and 19 patients, respectively."),
        nlp=nlp).rows
    assert {r.cohort_size for r in rows if r.row_type == "cohort"} == {101, 99, 98}


def test_the_remaining_patients_of_a_group(nlp) -> None:
    rows = _outcomes(nlp, "In total, 80 patients with sepsis received hydrocortisone. Death "
                          "occurred in 12 patients; the remaining 68 survived.")
    assert {(r[0], r[3], r[4]) for r in rows} == {(80, "death", 12), (80, "survival", 68)}


def test_a_subgroup_named_again_by_its_size(nlp) -> None:
    rows = _outcomes(nlp, "Of 210 patients with atrial fibrillation, 98 received apixaban. "
                          "Of the 98, 54 developed bleeding.")
    assert {(r[0], r[1], r[4]) for r in rows} == {(98, "apixaban", 54)}


def test_a_listing_of_harms_with_shares_counts_the_arm(nlp) -> None:
    rows = _outcomes(nlp, "A total of 150 patients with myelofibrosis received ruxolitinib. "
                          "The most common adverse events were anemia (24%), "
                          "thrombocytopenia (19%), and diarrhea (12%).")
    assert {(r[0], r[3], r[4]) for r in rows} == {
        (150, "adverse_event", 36), (150, "adverse_event", 28), (150, "adverse_event", 18)}


def test_shares_of_harms_with_the_drug_named_count_the_whole_arm_not_a_subgroup(nlp) -> None:
    rows = _outcomes(nlp, "In all, 300 adults with asthma were randomized to tezepelumab "
                          "(200 patients) or placebo (100 patients). Among the 80 patients "
                          "with high eosinophil counts, 50 received tezepelumab and 30 "
                          "received placebo. The most frequent adverse events with "
                          "tezepelumab were headache (10%) and nausea (5%).")
    assert {(r[0], r[1], r[2], r[4]) for r in rows} == {
        (200, "tezepelumab", "received", 20), (200, "tezepelumab", "received", 10)}


def test_a_count_in_each_group_with_a_verb_after_it_is_an_event_per_arm(nlp) -> None:
    rows = _outcomes(nlp, "We enrolled 90 adults with pneumonia; 45 received ceftriaxone and "
                          "45 received levofloxacin. Treatment failure occurred in 6 and 9 "
                          "patients, respectively, and 2 patients in each group died.")
    assert {(r[0], r[1], r[3], r[4]) for r in rows} == {
        (45, "ceftriaxone", "other", 6), (45, "levofloxacin", "other", 9),
        (45, "ceftriaxone", "death", 2), (45, "levofloxacin", "death", 2)}


def test_a_size_per_group_after_the_options_compared_makes_one_arm_per_option(nlp) -> None:
    rows = analyse(clean_text(
        "A total of 240 patients with COPD were randomly assigned to roflumilast or placebo "
        "(120 patients per group). Exacerbations occurred in 30 and 45 patients, "
        "respectively."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size, r.drug, r.drug_status, r.event_count) for r in rows
            if r.cohort_size == 120} == {
        ("cohort", 120, "roflumilast", "received", None),
        ("cohort", 120, "roflumilast", "not_received", None),
        ("outcome", 120, "roflumilast", "received", 30),
        ("outcome", 120, "roflumilast", "not_received", 45)}


@pytest.mark.parametrize(("text", "disease"), [
    ("We enrolled 400 patients hospitalized with COVID-19 and assigned 200 to remdesivir.",
     "COVID-19"),
    ("A total of 300 people living with HIV were enrolled; 150 received cabotegravir.",
     "HIV infection"),
    ("A total of 300 patients presenting with acute appendicitis underwent randomization; "
     "150 received ertapenem.", "acute appendicitis"),
    ("We enrolled 300 patients with a diagnosis of Parkinson's disease; 150 received "
     "levodopa.", "Parkinson's disease"),
])
def test_the_condition_after_a_participle_or_a_diagnosis_of(nlp, text: str, disease: str) -> None:
    result = analyse(clean_text(text), nlp=nlp)
    assert result.record.disease == disease
    assert {r.disease for r in result.rows} <= {disease}


def test_the_object_of_an_event_verb_after_the_group_of_the_count(nlp) -> None:
    rows = _outcomes(nlp, "Of 500 randomized patients, 251 received colchicine and 249 "
                          "received placebo. During follow-up, 28 patients in the placebo "
                          "group (11.2%) had a stroke.")
    assert {(r[0], r[2], r[3], r[4]) for r in rows} == {(249, "not_received", "other", 28)}


def test_the_primary_outcome_as_the_subject_of_an_event_frame_is_an_outcome(nlp) -> None:
    rows = _outcomes(nlp, "A total of 412 patients underwent randomization: 206 were assigned "
                          "to tranexamic acid and 206 to placebo. The primary outcome occurred "
                          "in 36 patients (17.5%) in the tranexamic acid group and in 52 "
                          "patients (25.2%) in the placebo group.")
    assert {(r[0], r[2], r[3], r[4]) for r in rows} == {(206, "received", "other", 36),
                                                         (206, "not_received", "other", 52)}
    cohorts = analyse(clean_text("The trial randomly assigned 100 adults to dapagliflozin "
                                 "(N = 51) or placebo (N = 49). Primary end point: 4 (7.8%) "
                                 "vs 9 (18.4%)."), nlp=nlp).rows
    assert not [r for r in cohorts if r.row_type == "outcome"]  # a heading names no event
