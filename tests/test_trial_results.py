"""Results sections of randomised trials of any specialty: number forms, outcomes outside
the oncology vocabulary ("other", words kept), headings with figures, arms in order."""

from __future__ import annotations

import pytest

from pipeline import clean_text
from pipeline.evidence import analyse


def _rows(nlp, text: str) -> set[tuple]:
    rows = analyse(clean_text(text), nlp=nlp).rows
    return {(r.row_type, r.cohort_size, r.drug, r.drug_status, r.outcome, r.outcome_mention,
             r.event_count) for r in rows if r.row_type == "outcome"}


def test_subject_of_an_event_frame_is_an_other_outcome(nlp) -> None:
    rows = _rows(nlp, "Adults with otitis media were assigned to cefdinir (n = 70) or "
                      "amoxicillin (n = 72). Clinical cure was achieved in 52 of 70 (74%) "
                      "vs 49 of 72 (68%).")
    assert rows == {("outcome", 70, "cefdinir", "received", "other", "Clinical cure", 52),
                    ("outcome", 72, "amoxicillin", "received", "other", "Clinical cure", 49)}


def test_object_of_an_event_verb_is_an_other_outcome(nlp) -> None:
    rows = _rows(nlp, "In the rosuvastatin group, 11 of 250 participants had a stroke, "
                      "compared with 19 of 248 in the placebo group.")
    assert {(r[1], r[4], r[5], r[6]) for r in rows} == {(250, "other", "stroke", 11),
                                                         (248, "other", "stroke", 19)}


def test_a_cue_inside_the_frame_wins_over_other(nlp) -> None:
    rows = _rows(nlp, "Overall, 90 patients received zibotinib. Disease progression had "
                      "been documented in 31 patients.")
    assert {(r[4], r[6]) for r in rows} == {("progression", 31)}


def test_heading_names_the_outcome_of_verbless_figures(nlp) -> None:
    rows = _rows(nlp, "The trial randomly assigned 100 adults to dapagliflozin (N = 51) or "
                      "placebo (N = 49). Gout flares: 4 (7.8%) vs 9 (18.4%).")
    assert {(r[1], r[3], r[4], r[5], r[6]) for r in rows} == {
        (51, "received", "other", "Gout flares", 4),
        (49, "not_received", "other", "Gout flares", 9)}


@pytest.mark.parametrize("text", [
    "Of 200 adults who received lisinopril, 64% had an elevated blood pressure at baseline.",
    "Baseline characteristics did not differ between groups: 40 (40%) were women.",
    "doi: 10.1000/abc-123. PMID: 30000001. A total of 80 patients received metformin.",
])
def test_baseline_features_and_references_give_no_outcome(nlp, text: str) -> None:
    assert _rows(nlp, text) == set()


def test_respectively_keeps_counts_whose_share_names_another_group(nlp) -> None:
    # The last arms defined (a subgroup of 30 and 30) cannot hold 70 (46.7%) and 90 (60.0%):
    # the stated shares point at the arms of 150.
    rows = _rows(nlp, "In all, 300 adults were randomized: 150 to bempedoic acid and 150 to "
                      "placebo. In the diabetic subgroup, 30 were assigned to bempedoic acid "
                      "and 30 to placebo. Myalgia was reported in 70 (46.7%) and 90 (60.0%) "
                      "patients, respectively.")
    assert {(r[1], r[6]) for r in rows} == {(150, 70), (150, 90)}


def test_respectively_gives_counts_to_the_arms_in_order(nlp) -> None:
    rows = _rows(nlp, "We randomly assigned 96 children to budesonide (n = 48) or placebo "
                      "(n = 48). Exacerbations occurred in 7 and 15 children, respectively.")
    assert {(r[1], r[3], r[6]) for r in rows} == {(48, "received", 7), (48, "not_received", 15)}


def test_a_part_of_a_combination_named_again_is_no_alternative(nlp) -> None:
    rows = analyse(clean_text(
        "Arm A (80 patients) received zanubrutinib plus venetoclax for 12 cycles after a "
        "two-cycle zanubrutinib lead-in; Arm B (79 patients) received bendamustine. "
        "Progression occurred in 5 patients in Arm A and 17 in Arm B."), nlp=nlp).rows
    assert {(r.cohort_size, r.drug, r.event_count) for r in rows if r.row_type == "outcome"} == {
        (80, "venetoclax + zanubrutinib", 5), (79, "bendamustine", 17)}


def test_table_cells_that_give_their_own_denominator(nlp) -> None:
    text = ("In total, 180 adults were randomly assigned to tirzepatide (n = 90) or placebo "
            "(n = 90).\n\n"
            "Subgroup and end point | Tirzepatide | Placebo\n"
            "obese, remission | 14/40 (35.0%) | 4/41 (9.8%)\n")
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {(r.cohort_size, r.drug, r.drug_status, r.outcome, r.event_count) for r in rows
            if r.row_type == "outcome"} == {(40, "tirzepatide", "received", "remission", 14),
                                            (41, "tirzepatide", "not_received", "remission", 4)}


def test_lower_case_table_row_is_not_joined_to_the_header() -> None:
    text = clean_text("Group | Drug | Placebo\nmen, death | 3/40 | 9/41\n").text
    assert "Placebo men" not in text


def test_rows_of_an_outcome_table_count_events_in_their_own_words(nlp) -> None:
    text = ("Outcome | Edoxaban (n = 300) | Warfarin (n = 296)\n"
            "Systemic embolism | 6 (2.0%) | 11 (3.7%)\n"
            "Hazard ratio (95% CI) | 0.54 (0.20-1.46) | 1 (reference)\n")
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {(r.cohort_size, r.drug, r.outcome, r.outcome_mention, r.event_count) for r in rows
            if r.row_type == "outcome"} == {(300, "edoxaban", "other", "Systemic embolism", 6),
                                            (296, "warfarin", "other", "Systemic embolism", 11)}


def test_rows_of_a_baseline_table_count_nothing(nlp) -> None:
    text = ("Characteristic | Edoxaban (n = 300) | Warfarin (n = 296)\n"
            "Current smoker | 61 (20.3%) | 57 (19.3%)\n")
    assert not [r for r in analyse(clean_text(text), nlp=nlp).rows if r.row_type == "outcome"]


def test_a_bracketed_count_of_patients_sizes_the_arm_named_before_it(nlp) -> None:
    rows = analyse(clean_text(
        "The trial randomized 300 adults 2:1 to ticagrelor (200 patients) or placebo "
        "(100 patients). Bleeding occurred in 12 patients (6.0%) in the ticagrelor group and "
        "in 3 (3.0%) in the placebo group."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size, r.drug_status, r.event_count) for r in rows} >= {
        ("cohort", 200, "received", None), ("cohort", 100, "not_received", None),
        ("outcome", 200, "received", 12), ("outcome", 100, "not_received", 3)}


def test_counts_after_a_label_list_and_range_bounds(nlp) -> None:
    rows = analyse(clean_text(
        "Adults with a frailty score of 40 to 60 were randomly assigned to Group 1 or Group 2. "
        "In total, 120 patients were enrolled, 61 in Group 1 and 59 in Group 2. "
        "At 6 months, 20 patients (32.8%) in Group 1 and 9 (15.3%) in Group 2 were admitted "
        "to hospital, and one patient in Group 2 died."), nlp=nlp).rows
    found = {(r.row_type, r.cohort_size, r.outcome, r.event_count) for r in rows}
    assert {r.cohort_size for r in rows} >= {120, 61, 59}
    assert ("outcome", 59, "death", 1) in found
    assert not any(r.cohort_size in (40, 60) for r in rows)


def test_a_drug_given_alone_is_that_drug(nlp) -> None:
    rows = analyse(clean_text(
        "Cohort 1 (n = 40) received relatlimab plus nivolumab; Cohort 2 (n = 38) received "
        "nivolumab alone. Responses occurred in 18 patients in Cohort 1 and 9 in Cohort 2."),
        nlp=nlp).rows
    assert {(r.cohort_size, r.drug, r.event_count) for r in rows if r.row_type == "outcome"} == {
        (40, "nivolumab + relatlimab", 18), (38, "nivolumab", 9)}


@pytest.mark.parametrize(("text", "drugs"), [
    ("Patients with pulmonary arterial hypertension received sotatercept plus bosentan in an "
     "open-label extension. Of the 90 patients who started the combination, 12 developed "
     "anaemia.", {"bosentan + sotatercept"}),
    ("Arm A (60 patients) received dapagliflozin plus finerenone; Arm B (58 patients) got the "
     "same doublet with semaglutide added. Hyperkalaemia occurred in 7 patients in Arm A and "
     "9 in Arm B.", {"dapagliflozin + finerenone", "dapagliflozin + finerenone + semaglutide"}),
])
def test_the_combination_named_again_by_a_word(nlp, text: str, drugs: set[str]) -> None:
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {r.drug for r in rows if r.row_type == "outcome"} == drugs


def test_a_defined_short_form_names_its_combination_at_every_use(nlp) -> None:
    doc = nlp("Sacubitril plus valsartan (SV) was compared with enalapril. In all, 412 received "
              "SV and 409 received enalapril; 40 patients on SV died.")
    ids = [e.id_ for e in doc.ents if e.text.rstrip(".") == "SV"]
    assert len(ids) == 3 and set(ids) == {"sacubitril + valsartan"}


def test_in_each_group(nlp) -> None:
    rows = analyse(clean_text(
        "Of 300 eligible adults, 160 received apixaban and 140 received enoxaparin. After "
        "matching, 120 patients remained in each group. Major bleeding occurred in four "
        "patients in each group."), nlp=nlp).rows
    found = {(r.row_type, r.cohort_size, r.drug, r.outcome, r.event_count) for r in rows}
    assert ("cohort", 120, "apixaban", None, None) in found
    assert ("cohort", 120, "enoxaparin", None, None) in found
    assert {f for f in found if f[0] == "outcome"} == {
        ("outcome", 120, "apixaban", "adverse_event", 4),
        ("outcome", 120, "enoxaparin", "adverse_event", 4)}


def test_harms_in_a_later_sentence_count_over_everyone_treated(nlp) -> None:
    rows = analyse(clean_text(
        "A total of 90 adults with gonorrhoea received zoliflodacin. Of those 90, 80 completed the planned "
        "course and were followed up. Two patients had a serious adverse event."), nlp=nlp).rows
    events = {(r.cohort_size, r.outcome, r.event_count) for r in rows if r.row_type == "outcome"}
    assert events == {(90, "adverse_event", 2)}


@pytest.mark.parametrize(("text", "expected"), [
    ("In the trial, 81 children were assigned to dexamethasone (n = 40) or placebo (n = 41). "
     "Treatment failure: 12 of 40 (30%) vs 20 of 41 (49%).",
     {(40, "other", "Treatment failure", 12), (41, "other", "Treatment failure", 20)}),
    ("In all, 220 adults were randomised to erenumab or placebo; N = 110 for erenumab and "
     "N = 110 for placebo. A 50% reduction in migraine days was achieved by 44 (40.0%) and "
     "22 (20.0%) participants, respectively.",
     {(110, "other", "50% reduction in migraine days", 44),
      (110, "other", "50% reduction in migraine days", 22)}),
])
def test_outcome_phrases_keep_their_complements(nlp, text: str, expected: set) -> None:
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {(r.cohort_size, r.outcome, r.outcome_mention, r.event_count) for r in rows
            if r.row_type == "outcome"} == expected


def test_predicate_after_respectively(nlp) -> None:
    rows = analyse(clean_text(
        "We randomly assigned 160 adults with sepsis to vasopressin (n = 80) or norepinephrine "
        "(n = 80). By day 28, 12 and 19 patients, respectively, had died."), nlp=nlp).rows
    assert {(r.drug, r.outcome, r.event_count) for r in rows if r.row_type == "outcome"} == {
        ("vasopressin", "death", 12), ("norepinephrine", "death", 19)}


def test_fractions_right_after_the_options_follow_their_order(nlp) -> None:
    rows = analyse(clean_text(
        "Patients with bronchiectasis were randomized to azithromycin or placebo. "
        "Exacerbations occurred in 3/40 vs 9/41 patients."), nlp=nlp).rows
    assert {(r.cohort_size, r.drug, r.drug_status, r.event_count) for r in rows
            if r.row_type == "outcome"} == {(40, "azithromycin", "received", 3),
                                            (41, "azithromycin", "not_received", 9)}


def test_a_count_whose_predicate_is_a_status_verb_is_a_subgroup(nlp) -> None:
    rows = analyse(clean_text(
        "Overall, 300 adults were randomized to tofacitinib (n = 150) or methotrexate "
        "(n = 150). Nausea was common, and 17 taking methotrexate stopped treatment early."),
        nlp=nlp).rows
    assert ("cohort", 17, "methotrexate", "discontinued") in {
        (r.row_type, r.cohort_size, r.drug, r.drug_status) for r in rows}


def test_groups_given_respectively_take_the_arms_in_order(nlp) -> None:
    rows = analyse(clean_text(
        "In total, 300 adults were randomized to semaglutide (n = 150) or placebo (n = 150). "
        "In all, 148 and 145 patients, respectively, received at least one dose."), nlp=nlp).rows
    found = {(r.cohort_size, r.drug, r.drug_status) for r in rows if r.row_type == "cohort"}
    assert {(148, "semaglutide", "received"), (145, "semaglutide", "not_received")} <= found


def test_counts_compared_with_versus_share_the_later_predicate(nlp) -> None:
    rows = analyse(clean_text(
        "Overall, 240 adults were randomized to baricitinib (n = 120) or placebo (n = 120). "
        "Twenty patients in the baricitinib group and 31 in the placebo group needed "
        "mechanical ventilation, and 9 versus 17 died."), nlp=nlp).rows
    deaths = {(r.drug_status, r.event_count) for r in rows if r.outcome == "death"}
    assert deaths == {("received", 9), ("not_received", 17)}


def test_secondary_outcomes_are_outcomes_but_headings_are_not(nlp) -> None:
    rows = analyse(clean_text(
        "A total of 62 adults with tuberculosis received rifapentine. Secondary resection was possible in 7 "
        "(11.3%) patients. Secondary end point: 40 of 62."), nlp=nlp).rows
    assert {(r.outcome, r.outcome_mention, r.event_count) for r in rows
            if r.row_type == "outcome"} == {("other", "Secondary resection", 7)}


def test_baseline_statistics_silence_what_follows_them_only(nlp) -> None:
    rows = analyse(clean_text(
        "Eighty adults with hypercholesterolaemia received inclisiran at six centres, with a "
        "median age of 66 years and 40 (50%) with diabetes."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size) for r in rows} == {("cohort", 80)}


def test_of_those_n_comma_then_a_subgroup(nlp) -> None:
    rows = analyse(clean_text(
        "We followed 140 adults who received tezepelumab. Of those 140, 131 completed the "
        "planned course."), nlp=nlp).rows
    assert ("cohort", 131, "tezepelumab") in {(r.row_type, r.cohort_size, r.drug) for r in rows}


def test_subgroup_table_with_a_size_column_and_a_count_column(nlp) -> None:
    text = ("A total of 150 adults received dupilumab.\n\n"
            "Subgroup | Patients, n | Remission, n (%)\n"
            "Age < 40 years | 64 | 30 (46.9)\n"
            "Age >= 40 years | 86 | 25 (29.1)\n")
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {(r.cohort_size, r.outcome, r.event_count, r.drug) for r in rows
            if r.row_type == "outcome"} == {(64, "remission", 30, "dupilumab"),
                                            (86, "remission", 25, "dupilumab")}
