"""Results sections of randomised trials of any specialty: number forms, outcomes outside
the oncology vocabulary ("other", words kept), headings with figures, arms in order."""

from __future__ import annotations

import pytest

from pipeline import clean_text
from pipeline.data import read_json_file
from pipeline.evidence import analyse
from pipeline.nlp.cohorts.clauses import drug_groups
from pipeline.nlp.cohorts.records import LinkSettings
from pipeline.nlp.words import reading
from pipeline.settings import MODELS_DIR


def _rows(nlp, text: str) -> set[tuple]:
    rows = analyse(clean_text(text), nlp=nlp).rows
    return {(r.row_type, r.cohort_size, r.drug, r.drug_status, r.outcome, r.outcome_mention,
             r.event_count) for r in rows if r.row_type == "outcome"}


def test_subject_of_an_event_frame_is_an_other_outcome(nlp) -> None:
    rows = _rows(nlp, "Adults with otitis media were assigned to cefdinir (n = 70) or "
                      "amoxicillin (n = 72). Treatment failure was recorded in 52 of 70 (74%) "
                      "vs 49 of 72 (68%).")
    assert rows == {("outcome", 70, "cefdinir", "received", "other", "Treatment failure", 52),
                    ("outcome", 72, "amoxicillin", "received", "other", "Treatment failure", 49)}


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


@pytest.mark.parametrize("sizes", ["(101, 99 and 100 patients, respectively)",
                                   "(n = 101, 99 and 100, respectively)"])
def test_sizes_listed_after_three_options_make_the_arms(nlp, sizes: str) -> None:
    rows = _rows(nlp, "A total of 300 adults with chronic spontaneous urticaria underwent "
                      "randomization to remibrutinib 25 mg, remibrutinib 50 mg or placebo twice "
                      f"daily {sizes}. Complete control of hives was observed in 33, 41 and 9 "
                      "patients, respectively. Adverse events occurred in 6 patients in the 50-mg "
                      "group.")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (101, "received", "other", 33), (99, "received", "other", 41),
        (100, "not_received", "other", 9), (99, "received", "adverse_event", 6)}


def test_respectively_after_the_treated_parts_of_the_arms_counts_harms_over_them(nlp) -> None:
    # 22 (7.4%) is a share of the 296 treated, not of the 300 randomized (7.3%).
    rows = _rows(nlp, "Adults with lupus were randomized to anifrolumab (n = 300) or placebo "
                      "(n = 298). The safety population comprised the 296 patients in the "
                      "anifrolumab group and the 297 patients in the placebo group who received "
                      "at least one dose. Herpes zoster occurred in 22 (7.4%) and 6 (2.0%) "
                      "patients, respectively.")
    assert {(r[1], r[3], r[6]) for r in rows} == {(296, "received", 22), (297, "not_received", 6)}


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
    # the drugs counted: "the same two drugs", "the two medicines"
    ("Sunitinib has long been standard, and the trial tested cabozantinib plus atezolizumab "
     "against sunitinib. In an earlier pilot study, 22 patients received the same two drugs; "
     "9 of the 22 responded.",
     {"atezolizumab + cabozantinib"}),
    ("Children with uveitis usually take methotrexate; in this trial they were randomised to "
     "adalimumab plus methotrexate or to methotrexate alone. Among 40 children who took the "
     "two medicines for a year, 31 were in remission.", {"adalimumab + methotrexate"}),
])
def test_the_combination_named_again_by_a_word(nlp, text: str, drugs: set[str]) -> None:
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {r.drug for r in rows if r.row_type == "outcome"} == drugs


def test_a_defined_short_form_names_its_combination_at_every_use(nlp) -> None:
    doc = nlp("Sacubitril plus valsartan (SV) was compared with enalapril. In all, 412 received "
              "SV and 409 received enalapril; 40 patients on SV died.")
    ids = [e.id_ for e in doc.ents if e.text.rstrip(".") == "SV"]
    assert len(ids) == 3 and set(ids) == {"sacubitril + valsartan"}


@pytest.mark.parametrize(("text", "arms"), [
    # the options of the Methods sized in the Results: "N were randomised, M to each arm"
    ("Adults were randomized to tenecteplase or alteplase. Randomization was stratified by "
     "age. Between 2021 and 2023, 600 adults were randomized, 300 to each arm.",
     {(300, "tenecteplase", "received"), (300, "alteplase", "received")}),
    # a physician's choice of agents is one arm, no drug (corpora/README)
    ("Women were randomized to mirvetuximab or to the investigator's choice of paclitaxel, "
     "topotecan or doxorubicin. Enrolment ended early. In total, 452 women were randomized, "
     "226 to each group.",
     {(226, "mirvetuximab soravtansine", "received"), (226, None, None)}),
])
def test_each_arm_of_options_compared_sentences_before(nlp, text: str, arms: set) -> None:
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert arms <= {(r.cohort_size, r.drug, r.drug_status) for r in rows}


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


# Counts of patients as results sections state them (branch num): the noun of a count in
# any number ("one participant", "3 recipients"), event frames with a verb of need.


def _counts(nlp, text: str) -> set[tuple]:
    rows = analyse(clean_text(text), nlp=nlp).rows
    return {(r.cohort_size, r.drug_status, r.outcome, r.event_count)
            for r in rows if r.row_type == "outcome"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Children with malaria were assigned to artesunate (n = 150) or quinine (n = 148). "
     "Hypoglycaemia was diagnosed in 4 artesunate recipients and 11 quinine recipients.",
     {(150, "received", "adverse_event", 4), (148, "received", "adverse_event", 11)}),
    ("A total of 96 adults with gout received febuxostat. Gout flares were reported by one "
     "participant in the first month.", {(96, "received", "other", 1)}),
    ("We enrolled 64 women with preeclampsia who received nifedipine. A caesarean delivery "
     "was needed in 21 women.", {(64, "received", "other", 21)}),
    ("Patients with septic shock were randomized to vasopressin (n = 200) or norepinephrine "
     "(n = 204). Renal replacement therapy was required in 25 and 38 patients, respectively.",
     {(200, "received", "other", 25), (204, "received", "other", 38)}),
])
def test_counts_with_any_patient_noun_and_a_verb_of_need(nlp, text: str, expected: set) -> None:
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # sizes written as one token, counts as shares of the column's arm
    ("Adults with psoriasis were randomized to secukinumab or placebo.\n\n"
     "Outcome | Secukinumab (n=88) | Placebo N=90\nPASI 90 response | 50.0% | 4.4%",
     {(88, "response", 44), (90, "response", 4)}),
    # a header whose label cell is empty counts what the title above it names
    ("Adults with gout were randomized to colchicine or naproxen.\n\nTable 2. Outcomes at "
     "day 7\n | Colchicine, n = 200 | Naproxen, n = 199\nPain resolution | 120 (60.0) | 111 "
     "(55.8)", {(200, "other", 120), (199, "other", 111)}),
    # sizes as 'N patients' in brackets; a measure row (larger than the arm) gives no count
    ("Infants with bronchiolitis were assigned to nebulised saline or salbutamol.\n\n"
     "Outcome | Saline (64 patients) | Salbutamol (66 patients)\nHigh-flow oxygen started "
     "| 5 (7.8) | 9 (13.6)\nLength of stay, hours | 72 | 80",
     {(64, "other", 5), (66, "other", 9)}),
])
def test_table_headers_and_cells_in_other_forms(nlp, text: str, expected: set) -> None:
    assert {(r[0], r[2], r[3]) for r in _counts(nlp, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Adults with panic disorder were randomized to escitalopram (n = 110) or placebo "
     "(n = 108). Response, defined as a fall of at least 40% in the PDSS score, occurred in "
     "52 patients (47.3%) in the escitalopram group and in 31 (28.7%) in the placebo group.",
     {(110, "received", "response", 52), (108, "not_received", "response", 31)}),
    ("Patients with heart failure were randomized to sacubitril (n = 300) or enalapril "
     "(n = 302). The primary end point, a composite of cardiovascular hospitalisation or "
     "an urgent visit, occurred in 41 patients (13.7%) in the sacubitril group and 58 "
     "patients (19.2%) in the enalapril group.",
     {(300, "received", "other", 41), (302, "received", "other", 58)}),
])
def test_a_subject_with_an_apposition_before_its_event_frame(nlp, text: str, expected: set) -> None:
    assert _counts(nlp, text) == expected


_GOUT = ("Adults with gout were randomized to allopurinol (n = 160) or febuxostat (n = 158). ")


@pytest.mark.parametrize(("text", "expected"), [
    # a number right after an event frame's preposition counts patients
    (_GOUT + "A rise in serum creatinine occurred in 14 vs 6 patients.",
     {(160, "received", "other", 14), (158, "received", "other", 6)}),
    # counts in brackets after a statement that names the outcome
    (_GOUT + "Remission was more frequent with allopurinol than with febuxostat (44 [27.5%] "
     "vs 30 [19.0%]).", {(160, "received", "remission", 44), (158, "received", "remission", 30)}),
    # the subject of a share names what it is the rate of
    (_GOUT + "The incidence of tophus resolution was 25.0% with allopurinol and 19.0% with "
     "febuxostat.", {(160, "received", "other", 40), (158, "received", "other", 30)}),
    # a share said again after the count, or its count given as 'n =': one row each
    (_GOUT + "Thirty-two allopurinol recipients relapsed (20.0%), as did twenty febuxostat "
     "recipients (12.7%).", {(160, "received", "recurrence", 32), (158, "received", "recurrence", 20)}),
    (_GOUT + "Skin rash occurred in 5.0% of allopurinol patients (n = 8) and 1.9% of "
     "febuxostat patients (n = 3).",
     {(160, "received", "adverse_event", 8), (158, "received", "adverse_event", 3)}),
])
def test_counts_around_frames_brackets_and_rates(nlp, text: str, expected: set) -> None:
    assert _counts(nlp, text) == expected


def test_a_table_row_of_shares_counts_from_the_columns_sizes(nlp) -> None:
    text = ("Adults with plaque psoriasis were randomized to bimekizumab or ustekinumab.\n\n"
            "Outcome | Bimekizumab (n = 320) | Ustekinumab (n = 160)\n"
            "PASI 100 response rate, % (95% CI) | 61.3 (55.9-66.5) | 48.1 (40.3-56.0)\n"
            "Serious infections, n (%) | 5 (1.6) | 2 (1.3)\n"
            "Mean change in DLQI score | 10.0 | 8.0")
    assert {(r[0], r[2], r[3]) for r in _counts(nlp, text)} == {
        (320, "response", 196), (160, "response", 77),
        (320, "adverse_event", 5), (160, "adverse_event", 2)}


def test_an_outcome_with_its_verb_understood_after_a_semicolon(nlp) -> None:
    rows = _counts(nlp, "Adults with myasthenia gravis were randomized to efgartigimod (n = 84) "
                        "or placebo (n = 83). Clinical responses were seen in 57 of 84 patients "
                        "with efgartigimod and 25 of 83 with placebo; complete remissions in 9 "
                        "and 2, respectively.")
    assert {(r[0], r[2], r[3]) for r in rows} == {
        (84, "response", 57), (83, "response", 25), (84, "remission", 9), (83, "remission", 2)}


def test_a_second_header_row_splits_each_arms_column(nlp) -> None:
    text = ("Adults with lupus nephritis were randomized to voclosporin or placebo.\n\n"
            "Adverse event | Voclosporin (n = 178) | Placebo (n = 176)\n"
            " | Any grade | Grade 3 or 4 | Any grade | Grade 3 or 4\n"
            "Hypertension | 34 (19.1) | 5 (2.8) | 16 (9.0) | 2 (1.1)")
    assert {(r[0], r[1], r[3]) for r in _counts(nlp, text)} == {
        (178, "received", 34), (178, "received", 5), (176, "not_received", 16),
        (176, "not_received", 2)}


@pytest.mark.parametrize(("text", "expected"), [
    ("A total of 140 men with prostate cancer received apalutamide. Biochemical "
     "recurrences were recorded for 18 men (12.9%), and progressions for 9 (6.4%).",
     {(140, "received", "recurrence", 18), (140, "received", "progression", 9)}),
    ("A total of 140 men with prostate cancer received apalutamide. Eleven men's cancer "
     "progressed within 12 months.", {(140, "received", "progression", 11)}),
])
def test_counts_recorded_for_patients_and_a_possessive_subject(nlp, text: str, expected: set) -> None:
    assert _counts(nlp, text) == expected


def test_a_table_whose_columns_are_outcomes_and_rows_are_arms(nlp) -> None:
    text = ("The study enrolled 150 adults with hepatitis C in two arms of sofosbuvir.\n\n"
            "Arm | Sustained virological response, n (%) | Relapse, n (%)\n"
            "8 weeks (n = 75) | 66 (88.0) | 7 (9.3)\n"
            "12 weeks (n = 75) | 72 (96.0) | 2 (2.7)\n"
            "Subgroup | Patients, n | Relapse, n (%)\n"
            "Cirrhosis | 30 | 4 (13.3)")
    assert {(r[0], r[2], r[3]) for r in _counts(nlp, text)} == {
        (75, "response", 66), (75, "recurrence", 7), (75, "response", 72), (75, "recurrence", 2),
        (30, "recurrence", 4)}


@pytest.mark.parametrize(("text", "expected"), [
    # hospitalisation named as an end point is an event of its own ('other'); patients
    # who "were hospitalized" for a harm of treatment had an adverse event
    ("Adults with COPD were randomized to roflumilast (n = 210) or placebo (n = 205). "
     "Hospitalisation occurred in 14 and 25 patients, respectively.",
     {(210, "other", 14), (205, "other", 25)}),
    ("A total of 90 children with leukaemia received blinatumomab. Eight were hospitalized "
     "for neutropenic fever.", {(90, "adverse_event", 8)}),
])
def test_hospitalisation_as_an_end_point_or_as_a_harm(nlp, text: str, expected: set) -> None:
    assert {(r[0], r[2], r[3]) for r in _counts(nlp, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Adults with epilepsy were randomized to cenobamate (n = 113) or placebo (n = 108). No "
     "patient in the cenobamate group died, whereas two participants in the placebo group "
     "died.", {(113, "received", "death", 0), (108, "not_received", "death", 2)}),
    ("A total of 64 adults with lupus received anifrolumab. No patients treated with "
     "anifrolumab developed tuberculosis.", {(64, "received", "other", 0)}),
])
def test_no_patient_with_an_outcome_is_a_count_of_zero(nlp, text: str, expected: set) -> None:
    assert _counts(nlp, text) == expected


def test_no_patients_without_an_outcome_make_no_group(nlp) -> None:
    rows = analyse(clean_text("A total of 64 adults with lupus received anifrolumab. No "
                              "patients were lost to follow-up."), nlp=nlp).rows
    assert {r.cohort_size for r in rows} == {64}


@pytest.mark.parametrize(("text", "expected"), [
    ("Adults with bronchiectasis were randomized to brensocatib (n = 256) or placebo "
     "(n = 250). Ninety patients receiving brensocatib had at least one exacerbation, as did "
     "121 receiving placebo.", {(256, "received", "other", 90), (250, "not_received", "other", 121)}),
    ("A total of 75 children with asthma received mepolizumab. Twelve experienced one or "
     "more severe attacks.", {(75, "received", "other", 12)}),
])
def test_an_event_counted_once_per_patient_at_least_one(nlp, text: str, expected: set) -> None:
    assert _counts(nlp, text) == expected


def test_a_list_of_harms_with_counts_in_brackets(nlp) -> None:
    rows = _counts(nlp, "A total of 120 adults with narcolepsy received pitolisant. The most "
                        "frequent adverse events were dysgeusia (18 patients [15.0%]), "
                        "irritability (9 [7.5%]) and anxiety (6 [5.0%]).")
    assert rows == {(120, "received", "adverse_event", 18), (120, "received", "adverse_event", 9),
                    (120, "received", "adverse_event", 6)}


def test_a_group_and_its_size_in_brackets_is_no_event(nlp) -> None:
    rows = analyse(clean_text("Patients with gout were randomized to Arm A (62 patients) or "
                              "Arm B (60 patients)."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size) for r in rows} == {("cohort", 62), ("cohort", 60)}


def test_events_said_to_exist_in_each_group(nlp) -> None:
    rows = _counts(nlp, "Adults with schizophrenia were randomized to brexpiprazole (n = 180) or "
                        "placebo (n = 178). There were 6 psychiatric admissions in the "
                        "brexpiprazole group and 15 in the placebo group.")
    assert rows == {(180, "received", "other", 6), (178, "not_received", "other", 15)}


def test_a_share_of_a_group_of_n_is_a_part_of_that_group(nlp) -> None:
    rows = _counts(nlp, "Adults with ulcerative colitis were randomized to etrasimod or placebo. "
                        "Clinical remission rates were 27.5% (n = 80) with etrasimod and 7.5% "
                        "(n = 40) with placebo.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(80, "remission", 22), (40, "remission", 3)}


def test_the_subject_of_a_copula_names_the_event_not_its_class(nlp) -> None:
    rows = _counts(nlp, "Patients with thyroid cancer were randomized to cabozantinib (n = 125) "
                        "or placebo (n = 62). Partial response was the best overall response in "
                        "19 (15.2%) and 0 patients, respectively.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(125, "partial_response", 19),
                                                  (62, "partial_response", 0)}


def test_a_participle_of_treatment_is_no_verb_of_its_clause(nlp) -> None:
    rows = _counts(nlp, "Adults with alopecia areata were randomized to baricitinib (n = 150) or "
                        "placebo (n = 100). By week 36, 58 patients treated with baricitinib "
                        "(38.7%) and 6 patients receiving placebo (6.0%) relapsed.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(150, "recurrence", 58), (100, "recurrence", 6)}


def test_a_stop_because_of_a_named_harm_counts_that_harm_in_each_arm(nlp) -> None:
    # corpora/README (settled 2026-11-27): stopping because of an adverse event in a group
    # of known size is an adverse_event row of that group.
    rows = analyse(clean_text("Adults with psoriasis were randomized to apremilast (n = 140) or "
                              "placebo (n = 70). Nine patients taking apremilast and 2 taking "
                              "placebo stopped treatment because of diarrhoea."), nlp=nlp).rows
    assert {(r.cohort_size, r.outcome, r.event_count) for r in rows
            if r.row_type == "outcome"} == {(140, "adverse_event", 9), (70, "adverse_event", 2)}


@pytest.mark.parametrize(("text", "expected"), [
    ("The study enrolled 90 women with endometriosis who took relugolix. Pain relief was reported in 54 "
     "out of 90 women.", {(90, "received", "other", 54)}),
    ("The study enrolled 90 women with endometriosis who took relugolix. Three (3.3 per cent) "
     "died.", {(90, "received", "death", 3)}),
])
def test_out_of_and_per_cent_in_news_wording(nlp, text: str, expected: set) -> None:
    assert _counts(nlp, text) == expected


def test_reference_numbers_in_brackets_are_no_counts(nlp) -> None:
    rows = analyse(clean_text("A study of 120 adults with obesity tested semaglutide. Protein "
                              "raises levels of peptide YY, a hormone that curbs appetite (35). "
                              "More research is needed (38, 39)."), nlp=nlp).rows
    assert not [r for r in rows if r.row_type == "outcome"]


def test_a_subgroup_table_with_count_columns_of_other_outcomes(nlp) -> None:
    text = ("A total of 210 adults with hepatitis B received entecavir.\n\n"
            "Table 2. Outcomes by baseline viral load\n"
            "Viral load | Patients, n | Seroconversion, n (%) | Breakthrough, n\n"
            "High | 90 | 51 (56.7) | 4\n"
            "Low | 120 | 88 (73.3) | 2")
    assert _counts(nlp, text) == {
        (90, "received", "other", 51), (90, "received", "other", 4),
        (120, "received", "other", 88), (120, "received", "other", 2)}


def test_a_subject_that_counts_at_least_one_event(nlp) -> None:
    rows = _counts(nlp, "Adults with asthma were randomized to tezepelumab (n = 528) or placebo "
                        "(n = 531). At least one severe asthma attack occurred in 120 patients in "
                        "the tezepelumab group and in 206 in the placebo group.")
    assert rows == {(528, "received", "other", 120), (531, "not_received", "other", 206)}


def test_shares_of_harms_after_a_count_of_harms_are_of_the_same_group(nlp) -> None:
    rows = _counts(nlp, "A total of 300 adults with hepatitis C received glecaprevir. Of the 20 "
                        "patients with cirrhosis, 18 had a response. Adverse events occurred in "
                        "150 patients (50.0%); the most common were headache (10.0%) and "
                        "fatigue (8.0%).")
    assert {(r[0], r[3]) for r in rows if r[2] == "adverse_event"} == {
        (300, 150), (300, 30), (300, 24)}


def test_fractures_are_an_end_point_not_a_harm_by_their_name(nlp) -> None:
    rows = _counts(nlp, "Women with osteoporosis were randomized to denosumab (n = 600) or "
                        "placebo (n = 598). New hip fractures occurred in 7 of 600 women (1.2%) "
                        "with denosumab versus 15 of 598 (2.5%) with placebo.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(600, "other", 7), (598, "other", 15)}


def test_a_share_said_again_in_brackets_after_a_count(nlp) -> None:
    rows = _counts(nlp, "The trial gave sotorasib to 126 adults with lung cancer. Tumours shrank "
                        "in 46 of the 126 patients (that's 36.5%).")
    assert rows == {(126, "received", "response", 46)}


def test_an_outcome_phrase_may_open_with_a_hyphenated_word(nlp) -> None:
    rows = _counts(nlp, "Adults with bipolar depression were randomized to lumateperone (n = 188) "
                        "or placebo (n = 189). Treatment-emergent mania was recorded in 2 "
                        "participants in the lumateperone group and 3 in the placebo group.")
    assert rows == {(188, "received", "other", 2), (189, "not_received", "other", 3)}


def test_the_event_before_a_time_complement_is_the_outcome(nlp) -> None:
    rows = _counts(nlp, "Adults with Crohn's disease were randomized to risankizumab (n = 141) or "
                        "placebo (n = 140). By week 52, relapse after remission had occurred in 9 "
                        "of the 60 remitters in the risankizumab group and 21 of the 45 in the "
                        "placebo group.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(60, "recurrence", 9), (45, "recurrence", 21)}


def _sized(nlp, text: str) -> set[tuple]:
    rows = analyse(clean_text(text), nlp=nlp).rows
    return {(r.row_type, r.cohort_size, r.arm, r.event_count) for r in rows}


@pytest.mark.parametrize(("design", "label"), [
    ("Of 312 adults with lupus nephritis, 104 were randomised to Arm A, 105 to Arm B and "
     "103 to Arm C.", "Arm"),
    ("A total of 240 children were randomly assigned: 81 to Group 1, 80 to Group 2 and 79 "
     "to Group 3.", "Group"),
])
def test_sizes_assigned_to_labelled_arms_are_the_arms_of_a_later_list(nlp, design: str,
                                                                       label: str) -> None:
    first, second, third = ("A", "B", "C") if label == "Arm" else ("1", "2", "3")
    rows = _sized(nlp, f"The trial tested voclosporin. {design} Complete renal response was "
                       "achieved in 30 (28.8%), 41 (39.0%) and 22 (21.4%) patients, respectively."
                  if label == "Arm" else
                  f"The trial tested palivizumab. {design} Hospitalisation occurred in 4 (4.9%) "
                  "vs 9 (11.3%) vs 12 (15.2%).")
    sizes = (104, 105, 103) if label == "Arm" else (81, 80, 79)
    counts = (30, 41, 22) if label == "Arm" else (4, 9, 12)
    assert {(r[1], r[2], r[3]) for r in rows if r[0] == "outcome"} == {
        (size, f"{label} {name}", count)
        for size, name, count in zip(sizes, (first, second, third), counts, strict=True)}
    assert {(r[1], r[2]) for r in rows if r[0] == "cohort" and r[2]} == {
        (size, f"{label} {name}") for size, name in zip(sizes, (first, second, third), strict=True)}


@pytest.mark.parametrize(("subject", "verb", "outcome"), [
    # (a fall past a percentage defines responders: a response, corpora/README)
    ("A fall of at least 30% in daily pain scores", "was achieved by", "response"),
    ("An improvement of at least 4 points in the symptom score", "was reported by", "other"),
    ("The primary composite end point (dialysis, transplantation or renal death)", "occurred in",
     "other"),
    ("A major adverse limb event (amputation or urgent revascularisation)", "occurred in",
     "other"),
])
def test_a_subject_with_a_threshold_or_a_definition_in_brackets_names_the_event(
        nlp, subject: str, verb: str, outcome: str) -> None:
    rows = _rows(nlp, "Adults were randomly assigned: 150 to Group 1 and 149 to Group 2. "
                      f"{subject} {verb} 45 participants (30.0%) in Group 1 and 31 (20.8%) in "
                      "Group 2.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(150, outcome, 45), (149, outcome, 31)}


@pytest.mark.parametrize("sites", ["At 42 dermatology centres in Canada",
                                   "At 17 asthma clinics", "Across 23 epilepsy sites"])
def test_a_number_of_centres_named_by_a_specialty_word_counts_no_patients(nlp, sites: str) -> None:
    rows = _sized(nlp, f"{sites}, 300 adults were randomised: 150 to Group 1 (dupilumab) and "
                       "150 to Group 2 (placebo).")
    assert all(r[0] == "cohort" for r in rows)
    assert {r[1] for r in rows} == {300, 150}


@pytest.mark.parametrize(("arm", "drug"), [
    ("capecitabine 1000 mg/m2 twice daily plus oxaliplatin 130 mg/m2", "capecitabine + oxaliplatin"),
    ("gemcitabine 1000 mg/m2 on days 1 and 8 plus cisplatin 25 mg/m2", "cisplatin + gemcitabine"),
    ("nivolumab at 3 mg/kg every 2 weeks with ipilimumab", "ipilimumab + nivolumab"),
])
def test_doses_between_the_drugs_of_one_arm_keep_them_one_treatment(nlp, arm: str, drug: str) -> None:
    rows = analyse(clean_text(f"Patients were assigned to Group A ({arm}) or Group B (placebo). "
                              "A total of 120 were randomised: 61 to Group A and 59 to Group B."),
                   nlp=nlp).rows
    assert {(r.cohort_size, r.drug) for r in rows if r.arm == "Group A"} == {(61, drug)}


def test_a_comma_after_a_dose_ends_the_treatment(nlp) -> None:
    """What follows a dose after a comma is no part of the arm's treatment."""
    rows = analyse(clean_text(
        "Patients were assigned to Group A (tacrolimus 0.1 mg/kg per day, with prednisone "
        "allowed for flares) or Group B (placebo). A total of 120 were randomised: 61 to "
        "Group A and 59 to Group B."), nlp=nlp).rows
    assert {(r.cohort_size, r.drug) for r in rows if r.arm == "Group A"} == {(61, "tacrolimus")}


def test_a_count_s_share_picks_the_group_whose_size_gives_it_as_written(nlp) -> None:
    rows = _rows(nlp, "Of the 1,640 adults randomised, 821 were assigned to tirzepatide and 819 "
                      "to placebo. The safety population comprised 818 patients in the "
                      "tirzepatide group and 815 in the placebo group. Nausea occurred in 205 "
                      "patients (25.0%) in the tirzepatide group.")
    assert {(r[1], r[6]) for r in rows} == {(821, 205)}


@pytest.mark.parametrize("subgroup", [
    "Among participants with prior biologic use (n = 64 in the guselkumab group; n = 61 in the "
    "placebo group), clinical remission occurred in 20 and 7 participants, respectively.",
    "Among patients with ileal disease (64 in the guselkumab group and 61 in the placebo group), "
    "20 and 7 had clinical remission, respectively.",
])
def test_a_list_after_a_subgroup_of_each_arm_is_of_the_whole_arms_again(nlp, subgroup: str) -> None:
    rows = _sized(nlp, "A total of 360 adults with Crohn's disease were randomised: 181 to "
                       f"guselkumab and 179 to placebo. {subgroup} Serious infections occurred in "
                       "3.9% and 2.8% of the participants, respectively.")
    outcomes = {(r[1], r[3]) for r in rows if r[0] == "outcome"}
    assert {(64, 20), (61, 7)} <= outcomes
    assert {(181, 7), (179, 5)} <= outcomes


@pytest.mark.parametrize(("share", "size", "count"), [
    ("41.5% with tenecteplase (n = 200)", 200, 83),
    ("25.0% in the tenecteplase group (n = 120)", 120, 30),
])
def test_a_share_followed_by_its_group_and_that_group_s_size(nlp, share: str, size: int,
                                                               count: int) -> None:
    rows = _rows(nlp, "Adults with ischaemic stroke were randomised to tenecteplase or alteplase. "
                      f"Among those treated within 3 hours, mortality was {share}.")
    assert {(r[1], r[2], r[6]) for r in rows} == {(size, "tenecteplase", count)}


@pytest.mark.parametrize("sentence", [
    "Sustained remission occurred in 88 of 120 patients (73.3%; 95% CI, 64.5 to 81.0).",
    "Sustained remission occurred in 88 of 120 patients (73.3%, 90% confidence interval 66 to 80).",
])
def test_the_level_of_a_confidence_interval_is_no_share_of_patients(nlp, sentence: str) -> None:
    rows = _rows(nlp, f"Adults with lupus received anifrolumab. {sentence}")
    assert {(r[1], r[6]) for r in rows} == {(120, 88)}


@pytest.mark.parametrize("tally", [
    "The total number of hospital admissions, including repeat admissions, was 311 in the "
    "sotagliflozin group and 402 in the placebo group.",
    "The number of urgent visits was 75 in the sotagliflozin group and 98 in the placebo group.",
])
def test_a_tally_of_events_is_no_group_of_patients(nlp, tally: str) -> None:
    rows = analyse(clean_text("Overall, 608 patients were assigned to sotagliflozin and 614 to "
                              f"placebo. {tally} Hypotension occurred in 6.0% of the patients in "
                              "the sotagliflozin group and 4.0% of those in the placebo group."),
                   nlp=nlp).rows
    assert {r.cohort_size for r in rows} == {608, 614}


@pytest.mark.parametrize("opener", ["Between June 2019 and April 2021,", "From January 2018 to May 2020,",
                                    "In 2022,"])
def test_a_year_before_a_count_is_no_group(nlp, opener: str) -> None:
    rows = analyse(clean_text(f"{opener} 64 patients with myeloma received teclistamab."),
                   nlp=nlp).rows
    assert {r.cohort_size for r in rows} == {64}


def test_two_lists_of_one_sentence_each_go_round_the_arms(nlp) -> None:
    rows = _rows(nlp, "Overall, 410 adults were assigned to tezepelumab and 408 to placebo. "
                      "Pharyngitis occurred in 31 and 18 patients, respectively, and sinusitis in "
                      "12 and 20.")
    assert {(r[1], r[6]) for r in rows} == {(410, 31), (408, 18), (410, 12), (408, 20)}


def test_a_list_with_shares_goes_to_the_groups_whose_sizes_give_them(nlp) -> None:
    rows = _rows(nlp, "In total, 950 children were assigned to the vaccine and 948 to placebo. "
                      "The safety population comprised 941 children in the vaccine group and "
                      "944 in the placebo group. Fever occurred in 102 (10.7%) and 61 (6.4%) "
                      "children, respectively.")
    assert {(r[1], r[6]) for r in rows} == {(950, 102), (948, 61)}


def test_counts_after_fractions_in_one_sentence_are_of_the_fractions_groups(nlp) -> None:
    rows = _rows(nlp, "Overall, 1,210 adults were assigned to nirmatrelvir and 1,205 to "
                      "placebo. Hospitalisation occurred in 8/1180 (0.7%) versus 66/1175 (5.6%) "
                      "participants, and admission to intensive care in three versus 14.")
    assert {(r[1], r[6]) for r in rows} >= {(1180, 8), (1175, 66), (1180, 3), (1175, 14)}


def test_a_group_named_by_its_treatment_is_the_arm_not_those_who_stopped(nlp) -> None:
    rows = _rows(nlp, "Overall, 140 adults chose to take ruxolitinib and 90 chose observation. "
                      "Twenty-two patients stopped ruxolitinib early. Six patients in the "
                      "ruxolitinib group and 9 in the observation group had died.")
    assert (140, 6) in {(r[1], r[6]) for r in rows}


@pytest.mark.parametrize("event", ["Forty patients (25.0%) achieved remission",
                                   "Remission was achieved in 40 patients (25.0%)"])
def test_of_these_after_an_event_is_of_those_who_had_it(nlp, event: str) -> None:
    rows = _rows(nlp, f"A total of 160 adults with lupus nephritis received obinutuzumab. {event}. "
                      "Of these, 14 later relapsed.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(160, "remission", 40), (40, "recurrence", 14)}


@pytest.mark.parametrize("result", [
    "Remission rates were 45% in Group 2, 30% in Group 1 and 15% in Group 3.",
    "Remission was achieved by 45 patients in Group 2 (45%), 30 in Group 1 (30%) and 15 in "
    "Group 3 (15%).",
])
def test_counts_that_name_their_arm_keep_it_whatever_the_order(nlp, result: str) -> None:
    rows = _sized(nlp, "The trial tested upadacitinib in colitis. A total of 300 adults were "
                       f"randomised: 100 to Group 1, 100 to Group 2 and 100 to Group 3. {result}")
    assert {(r[2], r[3]) for r in rows if r[0] == "outcome"} == {
        ("Group 2", 45), ("Group 1", 30), ("Group 3", 15)}


@pytest.mark.parametrize(("later", "expected"), [
    ("Among current smokers, the corresponding rates were 40.0% (n = 50) and 25.0% (n = 48).",
     {(50, 20), (48, 12)}),
    ("In patients older than 75 years, the respective figures were 21 of 35 and 11 of 33.",
     {(35, 21), (33, 11)}),
])
def test_the_corresponding_rates_are_of_the_outcome_named_before(nlp, later: str,
                                                                 expected: set) -> None:
    rows = _rows(nlp, "Overall, 250 adults were assigned to tiotropium and 246 to placebo. "
                      "Clinical remission occurred in 110 of 250 (44.0%) and 80 of 246 (32.5%). "
                      f"{later}")
    assert expected <= {(r[1], r[6]) for r in rows if r[4] == "remission"}


def test_rates_for_an_event_name_it(nlp) -> None:
    rows = _rows(nlp, "Overall, 500 adults were assigned to semaglutide and 500 to placebo. "
                      "The rates for gallbladder disease were 2.4% and 1.0%, respectively.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(500, "other", 12), (500, "other", 5)}


@pytest.mark.parametrize("sentence", [
    "In a subgroup of 150 HLA-B27 carriers, 45 (30.0%) had uveitis.",
    "Uveitis was seen in 45 (30.0%) of the 150 HLA-B27 carriers tested.",
])
def test_a_count_s_share_finds_its_group_among_the_sentence_s_numbers(nlp, sentence: str) -> None:
    rows = _rows(nlp, f"Overall, 600 adults with spondylitis received secukinumab. {sentence}")
    assert {(r[1], r[6]) for r in rows} == {(150, 45)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The primary efficacy outcome of myocardial infarction or coronary revascularisation occurred "
     "in 52 patients in Group 1 (13.0%) and 75 patients in Group 2 (18.8%).",
     {(400, "other", 52), (400, "other", 75)}),
    ("Dry cough affected 44 patients in Group 1 and 12 in Group 2.",
     {(400, "adverse_event", 44), (400, "adverse_event", 12)}),
    # (a symptom, like the dry cough above: a harm, whatever lists name it)
    ("Ankle swelling troubled 30 people in Group 1 (7.5%) against 9 (2.3%) in Group 2.",
     {(400, "adverse_event", 30), (400, "adverse_event", 9)}),
])
def test_events_framed_by_a_long_subject_or_an_affecting_verb(nlp, sentence: str,
                                                              expected: set) -> None:
    rows = _rows(nlp, "Adults with hypertension were randomly assigned: 400 to Group 1 "
                      f"(sacubitril) and 400 to Group 2 (valsartan). {sentence}")
    assert {(r[1], r[4], r[6]) for r in rows} == expected


@pytest.mark.parametrize("subgroup", [
    "Among participants with obesity (70 in Arm A and 66 in Arm B), 35 and 20 responded, "
    "respectively.",
    "In the subgroup with prior surgery (n = 70 in Arm A, n = 66 in Arm B), response occurred in "
    "35 and 20 participants, respectively.",
])
def test_bracketed_sizes_of_a_subgroup_in_each_arm_take_its_list(nlp, subgroup: str) -> None:
    rows = _sized(nlp, "The trial tested guselkumab in psoriatic arthritis. A total of 380 adults "
                       f"were randomised: 190 to Arm A and 190 to Arm B. {subgroup} Death occurred "
                       "in 2 and 3 participants, respectively.")
    assert {(r[1], r[3]) for r in rows if r[0] == "outcome"} == {(70, 35), (66, 20), (190, 2),
                                                                 (190, 3)}


def test_a_breakdown_of_an_event_count_in_brackets_is_no_group(nlp) -> None:
    rows = _rows(nlp, "Overall, 190 were assigned to guselkumab and 190 to placebo. Serious "
                      "infections (9 in the guselkumab group and 4 in the placebo group) were "
                      "uncommon.")
    assert {(r[1], r[6]) for r in rows} == {(190, 9), (190, 4)}


@pytest.mark.parametrize("verb", ["resolved", "cleared"])
def test_verbs_that_end_a_condition_frame_an_event(nlp, verb: str) -> None:
    rows = _rows(nlp, f"Adults with impetigo received ozenoxacin. The skin lesions {verb} in 88 of "
                      "the 120 patients.")
    assert {(r[1], r[6]) for r in rows} == {(120, 88)}


@pytest.mark.parametrize("part", ["three of these eight died", "three of those eight died",
                                  "three of them died"])
def test_a_part_of_a_group_named_with_its_size(nlp, part: str) -> None:
    rows = _rows(nlp, "A total of 150 adults received teplizumab. Teplizumab was stopped early "
                      f"in eight patients with liver injury, and {part}.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(8, "death", 3)}


@pytest.mark.parametrize("sentence", [
    "Alopecia developed in 41 patients (34.2%), and nail changes in 22 (18.3%).",
    "Alopecia was reported in 41 patients (34.2%), and nail changes in 22 (18.3%).",
])
def test_a_second_event_with_its_verb_said_once_is_counted(nlp, sentence: str) -> None:
    rows = _rows(nlp, f"A total of 120 women received sacituzumab govitecan. {sentence}")
    assert {(r[1], r[6]) for r in rows} == {(120, 41), (120, 22)}


def test_a_clause_that_says_what_led_to_what_is_no_event_name(nlp) -> None:
    rows = _rows(nlp, "A total of 120 women received sacituzumab govitecan. Serious adverse events "
                      "were reported in 30 patients (25.0%), and led to discontinuation in 6.")
    assert (120, "other", 6) not in {(r[1], r[4], r[6]) for r in rows}


def test_two_shares_of_the_group_a_clause_names_are_no_list_across_arms(nlp) -> None:
    rows = _rows(nlp, "Overall, 200 received cabozantinib and 100 received placebo. Diarrhoea was "
                      "the most common adverse event, reported in 64.0% of patients receiving "
                      "cabozantinib (grade 3 or higher in 11.0%).")
    assert {(r[1], r[6]) for r in rows} == {(200, 128), (200, 22)}


@pytest.mark.parametrize("label", ["Median time to remission, days", "Mean change in score",
                                   "Duration of response, weeks"])
def test_a_table_row_of_measures_gives_no_counts(nlp, label: str) -> None:
    rows = _rows(nlp, "Adults with psoriasis were randomised to bimekizumab or placebo.\n\n"
                      "Outcome | Bimekizumab (n = 150) | Placebo (n = 148)\n"
                      "Remission, n (%) | 90 (60.0) | 30 (20.3)\n"
                      f"{label} | 42 | 84\n"
                      "Remission at 16 weeks | 80 (53.3) | 20 (13.5)")
    assert {(r[1], r[6]) for r in rows} == {(150, 90), (148, 30), (150, 80), (148, 20)}


@pytest.mark.parametrize("flow", [
    "Of 900 patients screened, 612 underwent randomisation: 306 were assigned to risankizumab "
    "and 304 to placebo.",
    "Of 900 adults assessed, 612 were randomly assigned (306 to risankizumab and 304 to placebo).",
])
def test_the_totals_of_a_consort_flow_are_no_arms(nlp, flow: str) -> None:
    rows = _rows(nlp, f"{flow} Endoscopic response was observed in 40.2% and 21.7% of patients, "
                      "respectively.")
    assert {(r[1], r[3], r[6]) for r in rows} == {(306, "received", 123), (304, "not_received", 66)}


def test_counts_before_a_shared_verb_take_its_object(nlp) -> None:
    rows = _rows(nlp, "Overall, 900 adults were assigned to inclisiran and 900 to placebo. The "
                      "investigators reported that 61 patients in the inclisiran group and 88 in "
                      "the placebo group had a major adverse limb event.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(900, "other", 61), (900, "other", 88)}


@pytest.mark.parametrize("control", ["usual care", "observation", "standard care"])
def test_a_size_assigned_to_a_control_named_by_what_it_got_instead(nlp, control: str) -> None:
    rows = analyse(clean_text(f"We enrolled 330 adults: 166 were randomly assigned to romosozumab "
                              f"and 164 to {control}."), nlp=nlp).rows
    assert {(r.cohort_size, r.drug_status) for r in rows if r.row_type == "cohort"} >= {
        (166, "received"), (164, "not_received")}


def test_every_item_after_a_heading_colon_counts_its_event(nlp) -> None:
    rows = _rows(nlp, "Patients were randomly assigned to tirzepatide 5 mg (n = 240), tirzepatide "
                      "15 mg (n = 238) or placebo (n = 239). Constipation: 5-mg group, 17/240; "
                      "15-mg group, 29/238; placebo, 8/239.")
    assert {(r[1], r[6]) for r in rows} == {(240, 17), (238, 29), (239, 8)}


def test_shares_reported_by_groups_are_no_change(nlp) -> None:
    rows = _rows(nlp, "Patients were randomly assigned to tirzepatide 5 mg (n = 240), tirzepatide "
                      "15 mg (n = 238) or placebo (n = 239). Dyspepsia was reported by 10.0%, "
                      "15.1% and 2.9% of the 5-mg, 15-mg and placebo groups.")
    assert {(r[1], r[6]) for r in rows} == {(240, 24), (238, 36), (239, 7)}


def test_a_share_after_the_group_of_a_count_is_that_count_s(nlp) -> None:
    rows = _rows(nlp, "Overall, 700 were randomized: 351 to risankizumab and 349 to placebo. Of the "
                      "330 risankizumab patients who could be evaluated, 150 remained in the trial. "
                      "Headache was reported in 21 patients in the risankizumab group (6.0%).")
    assert {(r[1], r[6]) for r in rows} == {(351, 21)}


def test_a_small_excluded_group_is_no_arm(nlp) -> None:
    rows = _rows(nlp, "After the exclusion of 9 patients who were found to be ineligible, the "
                      "analysis included 402 patients in the vitamin D group and 399 in the placebo "
                      "group. Fractures occurred in 5.0% and 7.0% of the patients, respectively.")
    assert {(r[1], r[6]) for r in rows} == {(402, 20), (399, 28)}


def test_items_of_a_listing_of_harms_with_n_are_counts(nlp) -> None:
    rows = _rows(nlp, "A total of 240 adults received ruxolitinib. Adverse events occurred in 96 "
                      "patients (40.0%); the most frequent were somnolence (n = 24), abnormal "
                      "dreams (n = 12) and sleep paralysis (n = 5).")
    assert {(r[1], r[6]) for r in rows} == {(240, 96), (240, 24), (240, 12), (240, 5)}


@pytest.mark.parametrize("sentence", ["In each group, three patients had a stroke.",
                                      "In each arm, three patients had a stroke."])
def test_a_count_after_in_each_group_holds_for_every_arm(nlp, sentence: str) -> None:
    rows = _rows(nlp, "Patients were randomly assigned to ticagrelor (n = 410) or placebo "
                      f"(n = 405). {sentence}")
    assert {(r[1], r[6]) for r in rows} == {(410, 3), (405, 3)}


@pytest.mark.parametrize(("first", "second"), [
    ("the oral arm", "the infusion arm"),
    ("the combination group", "the monotherapy group"),
    ("the high-dose cohort", "the other cohort"),
])
def test_a_count_before_and_shares_the_event_verb_at_the_end(nlp, first: str, second: str) -> None:
    rows = _counts(nlp, "Adults with lupus nephritis were randomized to voclosporin (n = 90) or "
                        f"belimumab (n = 88). At the final analysis, 14 patients (15.6%) in {first} and "
                        f"21 (23.9%) in {second} had died.")
    assert {(r[2], r[3]) for r in rows} == {("death", 14), ("death", 21)}


@pytest.mark.parametrize(("subject", "outcome"), [
    ("The key secondary end point (a composite of stroke, myocardial infarction or death)", "other"),
    ("Serious infections (mostly pneumonia and cellulitis)", "adverse_event"),
    ("Tingling in the fingers and toes (peripheral neuropathy)", "adverse_event"),
    ("The primary efficacy outcome of a need for revascularisation", "other"),
])
def test_a_subject_glossed_in_brackets_names_the_event(nlp, subject: str, outcome: str) -> None:
    rows = _counts(nlp, "Patients undergoing knee replacement were randomized to rivaroxaban "
                        f"(n = 410) or enoxaparin (n = 406). {subject} occurred in 12 patients "
                        "(2.9%) in the rivaroxaban group and in 19 (4.7%) in the enoxaparin group.")
    assert rows == {(410, "received", outcome, 12), (406, "received", outcome, 19)}


@pytest.mark.parametrize("stop", [
    "stopped treatment because of side effects",
    "discontinued the study drug due to adverse events",
    "quit because of toxicity",
    "withdrew from treatment owing to an adverse event",
])
def test_stopping_because_of_a_harm_is_an_adverse_event(nlp, stop: str) -> None:
    rows = analyse(clean_text(
        "Adults with plaque psoriasis were randomized to deucravacitinib (n = 332) or "
        f"apremilast (n = 168). Eleven patients taking deucravacitinib and 9 taking "
        f"apremilast {stop}."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size, r.outcome, r.event_count) for r in rows
            if r.event_count is not None or r.cohort_size in {11, 9}} == {
        ("outcome", 332, "adverse_event", 11), ("outcome", 168, "adverse_event", 9)}


@pytest.mark.parametrize("lead", [
    "Adverse events led to discontinuation of the trial regimen",
    "Side effects leading to permanent discontinuation",
])
def test_a_harm_that_led_to_stopping_is_an_adverse_event(nlp, lead: str) -> None:
    rows = _counts(nlp, "Adults with gout were randomized to febuxostat (n = 310) or "
                        f"allopurinol (n = 305). {lead} occurred in 14 patients taking febuxostat "
                        "and 8 taking allopurinol.")
    assert rows == {(310, "received", "adverse_event", 14), (305, "received", "adverse_event", 8)}


@pytest.mark.parametrize("reason", ["because of disease progression",
                                    "early, most often because of rash"])
def test_stopping_for_another_or_a_listed_reason_stays_a_cohort(nlp, reason: str) -> None:
    rows = analyse(clean_text(
        f"In total, 140 adults with myeloma received daratumumab. Twenty patients stopped "
        f"daratumumab {reason}."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size, r.drug_status) for r in rows} == {
        ("cohort", 140, "received"), ("cohort", 20, "discontinued")}


@pytest.mark.parametrize("screening", [
    "Of 2,310 patients screened at 140 sites, 1,204 underwent randomization",
    "Of 2,310 patients who were screened, 1,204 underwent randomization",
    "A total of 2,310 adults with gout were screened at 140 sites, and 1,204 underwent "
    "randomization",
    "Of 2,310 adults assessed for eligibility, 1,106 were excluded and 1,204 underwent "
    "randomization",
])
def test_people_screened_or_excluded_are_no_cohort(nlp, screening: str) -> None:
    rows = analyse(clean_text(f"{screening}; 600 were assigned to febuxostat and 604 to "
                              "allopurinol. Gout flares occurred in 90 patients taking "
                              "febuxostat and 110 taking allopurinol."), nlp=nlp).rows
    sizes = {r.cohort_size for r in rows}
    assert 2310 not in sizes and 1106 not in sizes
    assert {(r.cohort_size, r.event_count) for r in rows if r.row_type == "outcome"} == {
        (600, 90), (604, 110)}


@pytest.mark.parametrize(("event", "outcome"), [
    ("Grade 3 or higher lipase increase", "adverse_event"),
    ("Erectile dysfunction", "adverse_event"),
    ("Skin problems", "adverse_event"),
    ("Creatine kinase elevation", "adverse_event"),
    ("Freedom from migraine attacks", "other"),
    ("Relief of pain", "other"),
])
def test_an_event_named_by_its_kind_or_grade_is_a_harm_but_an_absence_is_not(
        nlp, event: str, outcome: str) -> None:
    rows = _counts(nlp, "Adults with chronic prostatitis were randomized to tamsulosin (n = 120) "
                        f"or placebo (n = 118). {event} was reported in 14 patients in the "
                        "tamsulosin group and 6 in the placebo group.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(120, outcome, 14), (118, outcome, 6)}


@pytest.mark.parametrize(("phrase", "outcome"), [
    ("lost their complete response", "recurrence"),
    ("had a loss of remission", "recurrence"),
    ("had serious adverse events leading to death", "death"),
    ("had toxic effects resulting in death", "death"),
])
def test_losing_a_response_is_a_relapse_and_a_harm_leading_to_death_a_death(
        nlp, phrase: str, outcome: str) -> None:
    rows = _counts(nlp, f"In all, 64 adults with ulcerative colitis received mirikizumab. "
                        f"Within a year, 9 patients {phrase}.")
    assert rows == {(64, "received", outcome, 9)}


def test_a_clause_opened_by_whereas_takes_the_verb_after_it(nlp) -> None:
    rows = _counts(nlp, "Adults with glioma were randomized to tovorafenib (n = 120) or placebo "
                        "(n = 118). Partial response was the best response in 40 patients given "
                        "tovorafenib and 12 given placebo, whereas 18 and 51, respectively, had "
                        "progressive disease at the first scan.")
    assert {(r[0], r[2], r[3]) for r in rows if r[2] == "progression"} == {
        (120, "progression", 18), (118, "progression", 51)}


@pytest.mark.parametrize("definition", ["defined as one requiring admission or causing death",
                                        "i.e. one that led to admission or death"])
def test_outcomes_named_in_a_definition_are_not_the_event_counted(nlp, definition: str) -> None:
    rows = _counts(nlp, "Adults with bronchiectasis were randomized to brensocatib (n = 250) or "
                        f"placebo (n = 252). At least one severe flare, {definition}, occurred "
                        "in 20 patients in the brensocatib group and 31 in the placebo group.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(250, "other", 20), (252, "other", 31)}


def test_a_share_after_a_baseline_statistic_is_no_event(nlp) -> None:
    rows = _counts(nlp, "In total, 210 adults with cirrhosis received terlipressin. Median age "
                        "was 61 years and 42% had hepatitis C infection.")
    assert rows == set()


@pytest.mark.parametrize(("first", "second", "outcome"), [
    ("Biochemical control was achieved", "normal IGF-1 levels", "other"),
    ("Insomnia was reported", "night sweats", "adverse_event"),
    ("Rash occurred", "hand-foot syndrome", "adverse_event"),
])
def test_a_second_event_whose_verb_is_said_once_is_counted(nlp, first: str, second: str,
                                                           outcome: str) -> None:
    rows = _counts(nlp, f"In all, 84 adults with acromegaly received paltusotine. {first} in "
                        f"11 patients (13%) and {second} in 7 (8%).")
    assert (84, "received", outcome, 7) in rows and len(rows) == 2


@pytest.mark.parametrize("verb", ["was adjudicated", "happened"])
def test_more_verbs_that_state_an_event(nlp, verb: str) -> None:
    rows = _counts(nlp, "Adults with atrial fibrillation were randomized to abelacimab (n = 600) "
                        f"or rivaroxaban (n = 602). Intracranial haemorrhage {verb} in 3 "
                        "patients in the abelacimab group and 9 in the rivaroxaban group.")
    assert {(r[0], r[3]) for r in rows} == {(600, 3), (602, 9)}


@pytest.mark.parametrize("opener", ["Among patients who had received prior biologics",
                                    "In those who were treated before enrolment"])
def test_a_verb_in_a_fronted_phrase_does_not_stop_a_count_sharing_the_verb(nlp, opener: str) -> None:
    rows = _counts(nlp, "Adults with Crohn's disease were randomized to guselkumab (n = 300) or "
                        f"placebo (n = 150). {opener}, 40 of 95 guselkumab recipients and 9 of 48 "
                        "placebo recipients had a clinical response.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(95, "response", 40), (48, "response", 9)}


def test_a_target_reached_by_a_share_of_each_arm(nlp) -> None:
    rows = _counts(nlp, "Adults with hypertension were randomized to zilebesiran (n = 200) or "
                        "placebo (n = 198). A systolic pressure below 130 mm Hg was reached by 88 "
                        "of 200 patients in the zilebesiran group and 41 of 198 in the placebo group.")
    assert rows == {(200, "received", "other", 88), (198, "not_received", "other", 41)}


def test_a_long_subject_of_an_event_frame_is_read_whole(nlp) -> None:
    rows = _counts(nlp, "Adults with cystic fibrosis were randomized to vanzacaftor (n = 310) or "
                        "placebo (n = 305). Pulmonary exacerbations needing intravenous antibiotics "
                        "or an unplanned hospital stay occurred in 21 and 48 patients, respectively.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(310, "other", 21), (305, "other", 48)}


def test_an_event_coordinated_with_a_harm_is_a_harm(nlp) -> None:
    rows = _counts(nlp, "In all, 140 adults with myeloma received teclistamab. Neutropenia was "
                        "reported in 40% of patients, and gum swelling serious enough to need "
                        "surgery occurred in 6 patients.")
    assert (140, "received", "adverse_event", 6) in rows


@pytest.mark.parametrize("sentence", [
    "The rate of major bleeding was 1.9% per year with edoxaban and 3.1% per year with warfarin.",
    "Overall survival data were immature, with 31.5% of the required events observed.",
    "The mean eGFR was 48 ml per minute, and 412 patients (34.3%) were receiving insulin at baseline.",
    "Media: Jane Roe, +1 617 555 0142",
])
def test_rates_over_time_data_baseline_shares_and_contacts_are_no_rows(nlp, sentence: str) -> None:
    rows = analyse(clean_text("Adults with atrial fibrillation were randomized to edoxaban "
                              f"(n = 1200) or warfarin (n = 1201). {sentence}"), nlp=nlp).rows
    assert {r.cohort_size for r in rows} == {1200, 1201}
    assert all(r.row_type == "cohort" for r in rows)


@pytest.mark.parametrize(("statement", "size"), [
    ("Of the 140 patients who started mitotane, 96 completed the planned two years", 96),
    ("After counselling, 57 chose to take tamoxifen, while the others declined", 57),
    ("In the end 38 elected to receive letrozole", 38),
])
def test_groups_that_completed_or_chose_a_treatment_are_cohorts(nlp, statement: str,
                                                                 size: int) -> None:
    rows = analyse(clean_text("In total, 140 women with adrenal or breast tumours were seen at "
                              f"the clinic. {statement}."), nlp=nlp).rows
    assert size in {r.cohort_size for r in rows if r.row_type == "cohort"}


@pytest.mark.parametrize("event", ["were hospitalised", "were hospitalized",
                                   "Hospitalization for heart failure occurred in"])
def test_hospitalisation_is_an_event_outside_the_vocabulary(nlp, event: str) -> None:
    if event.startswith("Hospitalization"):
        text = f"{event} 8 patients in the ensitrelvir group and 19 in the placebo group."
    else:
        text = f"By day 28, 8 patients in the ensitrelvir group and 19 in the placebo group {event}."
    rows = _counts(nlp, "Adults with COVID-19 were randomized to ensitrelvir (n = 600) or placebo "
                        f"(n = 604). {text}")
    assert {(r[0], r[2], r[3]) for r in rows} == {(600, "other", 8), (604, "other", 19)}


@pytest.mark.parametrize(("statement", "outcome"), [
    ("Nine patients were free of relapse at one year.", "disease_free_survival"),
    ("Eight patients went into remission.", "remission"),
    ("Six patients were readmitted within 30 days.", "other"),
    ("Eleven patients needed dialysis.", "other"),
    ("Twelve patients required a blood transfusion.", "other"),
])
def test_outcome_words_as_verbs_adjectives_and_objects(nlp, statement: str, outcome: str) -> None:
    rows = _counts(nlp, f"In all, 60 adults with lupus nephritis received obinutuzumab. {statement}")
    assert {(r[0], r[2]) for r in rows} == {(60, outcome)}


@pytest.mark.parametrize("joint", [":", ","])
def test_a_population_that_comprised_its_arms(nlp, joint: str) -> None:
    rows = analyse(clean_text("Adults with myelofibrosis were studied. The safety population "
                              f"comprised 455 patients{joint} 228 in the momelotinib group and 227 "
                              "in the placebo group."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size, r.drug_status) for r in rows} == {
        ("cohort", 455, None), ("cohort", 228, "received"), ("cohort", 227, "not_received")}


def test_a_share_that_fits_two_groups_counts_the_group_the_sentence_names(nlp) -> None:
    rows = _counts(nlp, "Adults with myelofibrosis were randomized to momelotinib (n = 120) or "
                        "danazol (n = 119). Of the 120 patients, 40 (33%) had a complete response "
                        "and 30 (25%) a partial response.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(120, "complete_response", 40),
                                                  (120, "partial_response", 30)}


def test_an_outcome_that_picks_a_group_is_not_its_event(nlp) -> None:
    rows = _counts(nlp, "In all, 150 women with breast cancer received neoadjuvant durvalumab, "
                        "and 140 had surgery. So far 11 women have relapsed after surgery, "
                        "eight of the 60 without a complete response and three of the "
                        "80 with a complete response.")
    assert {(r[0], r[2], r[3]) for r in rows if r[0] in {60, 80}} == {
        (60, "recurrence", 8), (80, "recurrence", 3)}


def test_responders_named_as_a_group_share_the_event_after_them(nlp) -> None:
    rows = _counts(nlp, "Adults with panic disorder were randomized to vortioxetine (cohort A, "
                        "n = 150) or placebo (cohort B, n = 148). After the taper, 12 of the 80 "
                        "responders in cohort A and 15 of the 50 in cohort B relapsed within 8 "
                        "weeks of stopping.")
    assert {(r[0], r[2], r[3]) for r in rows} == {(80, "recurrence", 12), (50, "recurrence", 15)}


# --- Event counts and group sizes (the numbers of a row) ---------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("In this single-arm study, pneumonitis was reported in 8% of the 150 patients treated "
     "with durvalumab.", (150, "adverse_event", 12)),
    ("A sustained virologic response was achieved by 95% of the 320 participants given "
     "glecaprevir.", (320, "response", 304)),
    ("Neutropenia occurred in 25% of the 48 children who received dinutuximab.",
     (48, "adverse_event", 12)),
])
def test_a_share_of_a_group_whose_size_follows_it(nlp, text: str, expected: tuple) -> None:
    # "N% of the M patients": the count is N% of M, the group the M patients.
    assert {(r[1], r[4], r[6]) for r in _rows(nlp, text)} == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Overall, 210 patients received vemurafenib. Twenty patients progressed, and eight of "
     "them died.", (20, "death", 8)),
    ("In total, 64 adults were given ruxolitinib. Eleven patients stopped ruxolitinib because "
     "of anaemia, and four of them had a response later.", (11, "response", 4)),
    ("Overall, 90 women received olaparib. Thirty of the women in remission had surgery, and "
     "only three of them relapsed.", (30, "recurrence", 3)),
])
def test_a_part_of_those_who_had_an_event_counts_over_them(nlp, text: str, expected: tuple) -> None:
    # "and four of them ...": the people counted by the event just named are the group.
    assert expected in {(r[1], r[4], r[6]) for r in _rows(nlp, text)}


def test_a_finer_response_of_the_responders_counts_over_the_whole_group(nlp) -> None:
    rows = _rows(nlp, "Overall, 120 patients received selinexor; 40 had a response, and 10 of "
                      "them had a complete response.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(120, "response", 40),
                                                  (120, "complete_response", 10)}


@pytest.mark.parametrize(("text", "expected"), [
    ("A total of 398 adults were randomly assigned to tezepelumab (n = 200) or placebo "
     "(n = 198). Among the 180 and 175 patients with eosinophilia at baseline, respectively, "
     "exacerbations occurred in 30 (16.7%) and 60 (34.3%) patients.",
     {(180, "received", 30), (175, "not_received", 60)}),
    ("The trial randomly assigned 300 adults to ozanimod 0.5 mg (n = 100), ozanimod 1 mg "
     "(n = 101) or placebo (n = 99). Among the 95, 96 and 94 participants who started "
     "treatment, nausea occurred in 10 (10.5%), 20 (20.8%) and 5 (5.3%), respectively.",
     {(95, "received", 10), (96, "received", 20), (94, "not_received", 5)}),
    ("Participants were assigned to lithium (cohort A, n = 90), quetiapine (cohort B, n = 92) "
     "or placebo (cohort C, n = 91). Among participants with anxiety (40 in cohort A and 44 in "
     "cohort B), 20 and 15 responded, respectively.",
     {(40, "received", 20), (44, "received", 15)}),
])
def test_counts_of_the_groups_a_sentence_opens_with_sizing(nlp, text: str, expected: set) -> None:
    # "Among the 95, 96 and 94 patients who ..., X occurred in 10, 20 and 5": one group per
    # arm, sized first; the counts go to them in order (not to the arms, not to one group).
    assert {(r[1], r[3], r[6]) for r in _rows(nlp, text)} == expected


def test_a_list_of_these_counts_the_groups_named_just_before(nlp) -> None:
    rows = _rows(nlp, "Patients were randomized to cemiplimab plus chemotherapy (n = 160) or "
                      "placebo plus chemotherapy (n = 158). Among 120 and 118 patients with "
                      "measurable disease, respectively, objective responses were observed in "
                      "60 (50.0%) and 40 (33.9%) patients. Complete responses were seen in 12 "
                      "and 5 of these patients.")
    assert {(r[1], r[4], r[6]) for r in rows} == {
        (120, "response", 60), (118, "response", 40),
        (120, "complete_response", 12), (118, "complete_response", 5)}


def test_a_small_group_before_the_arms_does_not_make_an_arm_a_total(nlp) -> None:
    rows = _rows(nlp, "Adults were randomly assigned to etrasimod (n = 305) or placebo (n = 155). "
                      "Five participants did not receive any dose and were excluded, so the "
                      "analysis comprised 300 participants in the etrasimod group and 155 in the "
                      "placebo group. Pneumonia occurred in six participants receiving etrasimod "
                      "and two receiving placebo.")
    assert {(r[1], r[3], r[6]) for r in rows} == {(300, "received", 6), (155, "not_received", 2)}


def test_shares_of_each_arm_in_brackets_after_an_outcome(nlp) -> None:
    rows = _rows(nlp, "Patients were randomized to brivaracetam (n = 200) or placebo (n = 100). "
                      "The most common adverse events were headache (10.0% vs 4.0%) and "
                      "dizziness (6.0% vs 2.0%).")
    assert {(r[1], r[4], r[6]) for r in rows} == {
        (200, "adverse_event", 20), (100, "adverse_event", 4),
        (200, "adverse_event", 12), (100, "adverse_event", 2)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Participants were randomized to finerenone (n = 400) or placebo (n = 398). In "
     "participants without type 1 diabetes (n = 150 in the finerenone group; n = 148 in the "
     "placebo group), the primary outcome occurred in 15 and 30 participants, respectively.",
     {(150, 15), (148, 30)}),
    ("In all, 240 patients were randomized to aripiprazole (N = 120) or placebo (N = 120). "
     "Among adolescents aged 13 to 17 years (N = 60; N = 30 for the LAI and N = 30 for "
     "placebo), relapse rates were 10.0% and 30.0%, respectively.",
     {(30, 3), (30, 9)}),
])
def test_sizes_in_brackets_after_a_subgroup_take_its_counts(nlp, text: str, expected: set) -> None:
    # "without type 1 diabetes (n = 150 ...)" picks a group: no count of diabetes; "aged 13
    # to 17 years (N = 60; ...)" holds no count before the brackets.
    assert {(r[1], r[6]) for r in _rows(nlp, text)} == expected


@pytest.mark.parametrize("threshold", ["50% or more", "50% or greater", "30% or higher"])
def test_a_share_before_or_more_is_a_threshold(nlp, threshold: str) -> None:
    rows = _rows(nlp, "Patients were randomized to cenobamate (n = 110) or placebo (n = 108). A "
                      f"reduction in seizure frequency of {threshold} occurred in 44 of 110 "
                      "patients with cenobamate.")
    assert {(r[1], r[6]) for r in rows} == {(110, 44)}


_SUBGROUP_ARMS = ("A total of 600 adults were randomly assigned: 300 to tirzepatide and 300 to "
                  "placebo. {middle} Pancreatitis occurred in 12 participants in the tirzepatide "
                  "group and 6 in the placebo group.")


@pytest.mark.parametrize(("middle", "sizes"), [
    # A subgroup's arms hold for the sentences that refer back to them, then the whole arms.
    ("The 180 participants with diabetes comprised 110 given tirzepatide and 70 given "
     "placebo. In this group, 30 participants receiving tirzepatide and 10 receiving placebo "
     "had a remission.", {300}),
    # The arms restated as those treated are what later harms are counted over.
    ("The safety population comprised 296 participants in the tirzepatide group and 298 in "
     "the placebo group. The mean age was 52 years.", {296, 298}),
])
def test_the_arms_a_later_count_of_each_arm_goes_to(nlp, middle: str, sizes: set) -> None:
    rows = _rows(nlp, _SUBGROUP_ARMS.format(middle=middle))
    assert {r[1] for r in rows if r[5] == "Pancreatitis"} == sizes


def test_harms_of_each_arm_go_to_those_treated_deaths_to_those_randomized(nlp) -> None:
    rows = _rows(nlp, "A total of 200 patients were randomly assigned: 100 to Arm A and 100 to "
                      "Arm B. Four did not start treatment, so 196 patients received at least one "
                      "dose (96 in Arm A and 100 in Arm B). By the cut-off, 30 patients in Arm A "
                      "and 40 in Arm B had died. Rash occurred in 20 patients in Arm A and 10 in "
                      "Arm B.")
    assert {(r[1], r[4], r[6]) for r in rows} == {
        (100, "death", 30), (100, "death", 40), (96, "adverse_event", 20),
        (100, "adverse_event", 10)}


def test_an_arm_restated_with_its_size_is_one_of_the_treated_groups(nlp) -> None:
    rows = _rows(nlp, "A total of 612 patients were randomized: 205 to Arm A, 204 to Arm B and "
                      "203 to Arm C. A total of 608 patients received at least one dose of study "
                      "treatment: 204 in Arm A, 204 in Arm B and 200 in Arm C. Any-grade nausea "
                      "occurred in 82.4%, 86.3% and 60.6% of them.")
    assert {(r[1], r[6]) for r in rows} == {(204, 168), (204, 176), (200, 121)}


def test_efficacy_over_the_arms_randomized_harms_over_the_safety_population(nlp) -> None:
    rows = _rows(nlp, "Of the 1,000 adults randomised, 500 were assigned to semaglutide and 500 "
                      "to placebo. The safety population comprised 496 patients in the "
                      "semaglutide group and 498 in the placebo group. The primary outcome "
                      "occurred in 40 and 60 patients, respectively. Vomiting occurred in 50 and "
                      "10 patients, respectively.")
    assert {(r[1], r[4], r[6]) for r in rows} == {
        (500, "other", 40), (500, "other", 60), (496, "adverse_event", 50),
        (498, "adverse_event", 10)}


@pytest.mark.parametrize("item", ["an increase of 20 points in the total score",
                                  "emergency visits"])
def test_shares_compared_in_brackets_are_of_each_arm_whatever_names_them(nlp, item: str) -> None:
    # "X (5.0% vs 12.0%)": no count's share is compared with another; one per arm.
    rows = _rows(nlp, "Patients were randomized to lurasidone (n = 200) or placebo (n = 100). "
                      f"The most frequent relapse events were {item} (5.0% vs 12.0%).")
    assert {(r[1], r[6]) for r in rows} == {(200, 10), (100, 12)}


def test_fractions_listed_in_brackets_count_what_the_statement_names(nlp) -> None:
    # "(Arm A 2/120, 1.7%; Arm B 18/118, 15.3%; ...)": one count per item, no share of a
    # count read as a new count, no item read as a subgroup.
    rows = _rows(nlp, "Patients were randomized to Arm A (placebo; n = 120), Arm B (olaparib; "
                      "n = 118) or Arm C (olaparib plus cediranib; n = 119). Grade 3 anaemia was "
                      "more frequent with olaparib (Arm A 2/120, 1.7%; Arm B 18/118, 15.3%; "
                      "Arm C 30/119, 25.2%).")
    assert {(r[1], r[4], r[6]) for r in rows} == {
        (120, "adverse_event", 2), (118, "adverse_event", 18), (119, "adverse_event", 30)}


@pytest.mark.parametrize(("clause", "outcome"), [
    ("Twelve patients who stopped ibrutinib early died.", "death"),
    ("Twelve patients who had a response later relapsed.", "recurrence"),
    ("Twelve patients who had surgery have relapsed.", "recurrence"),
])
def test_the_predicate_after_a_relative_clause_names_the_event(nlp, clause: str,
                                                                outcome: str) -> None:
    rows = _rows(nlp, f"A total of 150 patients received ibrutinib. {clause}")
    assert {(r[4], r[6]) for r in rows} == {(outcome, 12)}


def test_reasons_after_a_relative_clause_are_no_event(nlp) -> None:
    rows = _rows(nlp, "A total of 150 patients received ibrutinib. The 20 patients who were not "
                      "treated either progressed or declined.")
    assert rows == set()


@pytest.mark.parametrize("text", [
    "Adults were randomized to lebrikizumab (n = 280) or placebo (n = 140). An EASI 75 "
    "response was achieved by 140 patients (50.0%) with lebrikizumab and 25 (17.9%) with "
    "placebo.",
    "Patients were assigned to upadacitinib (n = 300) or placebo (n = 150). An ACR 50 response "
    "occurred in 140 of 300 and 25 of 150.",
])
def test_the_number_of_a_named_score_is_no_count(nlp, text: str) -> None:
    assert {r[6] for r in _rows(nlp, text)} == {140, 25}


@pytest.mark.parametrize("share", ["10% to 15%", "10% - 15%", "10%–15%"])
def test_the_bounds_of_a_range_of_shares_are_no_count(nlp, share: str) -> None:
    rows = _rows(nlp, "A total of 300 patients received dostarlimab. Brain metastases developed "
                      f"in {share} of patients.")
    assert rows == set()


def test_a_later_count_of_an_arm_is_not_of_an_older_subgroup_of_it(nlp) -> None:
    rows = _rows(nlp, "Patients were randomized to tezepelumab (n = 300) or placebo (n = 150). "
                      "Among patients taking oral steroids, 40 of 90 in the tezepelumab group and "
                      "10 of 45 in the placebo group stopped them. Exacerbations occurred in 60 "
                      "patients in the tezepelumab group and 70 in the placebo group. One patient "
                      "in the placebo group died.")
    assert (150, "death", 1) in {(r[1], r[4], r[6]) for r in rows}


@pytest.mark.parametrize(("sentence", "count"), [
    ("No participant in either group developed pancreatitis.", 0),
    ("Two participants died, one in each group.", 1),
])
def test_a_count_said_of_each_arm_is_one_row_per_arm(nlp, sentence: str, count: int) -> None:
    rows = _rows(nlp, "Adults were randomly assigned to tirzepatide (n = 300) or placebo "
                      f"(n = 298). {sentence}")
    assert {(r[1], r[6]) for r in rows} == {(300, count), (298, count)}


def test_a_subgroup_named_sentences_ago_is_not_the_arm_of_a_later_count(nlp) -> None:
    rows = _rows(nlp, "Patients were randomized to tezepelumab (n = 300) or placebo (n = 150). Of "
                      "the 90 patients taking oral steroids in the tezepelumab group, 40 stopped "
                      "them. The mean age was 51 years. Lung function improved by 120 mL. One "
                      "patient in the tezepelumab group died.")
    assert {(r[1], r[6]) for r in rows} == {(300, 1)}


@pytest.mark.parametrize(("between", "size"), [
    ("", 112),  # the group the sentence before named
    (" The median age was 49 years.", 118),  # sentences later: the study population
])
def test_a_count_without_a_group_in_a_single_arm_study(nlp, between: str, size: int) -> None:
    rows = _rows(nlp, "A total of 118 women received pembrolizumab. Of those 118, 112 went on to "
                      f"surgery.{between} Four women progressed during treatment.")
    assert {(r[1], r[6]) for r in rows} == {(size, 4)}


@pytest.mark.parametrize("predicate", ["have since had a response", "has already had a response",
                                       "had a response"])
def test_a_perfect_before_the_event_keeps_it_the_count_s_predicate(nlp, predicate: str) -> None:
    rows = _rows(nlp, "A total of 27 patients crossed over to nirogacestat. Ten of them "
                      f"{predicate}.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(27, "response", 10)}


@pytest.mark.parametrize("verb", ["numbered", "totalled", "totaled"])
def test_an_event_that_numbered_counts_each_arm(nlp, verb: str) -> None:
    rows = _rows(nlp, "Patients were randomized: 200 to Arm A, 198 to Arm B and 201 to Arm C. "
                      f"Complete responses {verb} 12 (6.0%), 14 (7.1%) and 7 (3.5%), respectively.")
    assert {(r[1], r[4], r[6]) for r in rows} == {
        (200, "complete_response", 12), (198, "complete_response", 14),
        (201, "complete_response", 7)}


@pytest.mark.parametrize(("text", "expected"), [
    # "Two out of three ... (68.1%)": a paraphrase of the share; the count is 68.1% of the arm.
    ("Patients were randomly assigned to nivolumab (n = 210) or placebo (n = 208). Two out of "
     "three patients in the nivolumab group (68.1%) had a response.", {(210, 143)}),
    # "Three of the four patients (75%)": a count of a small group, as written.
    ("Four patients received nivolumab. Three of the four patients (75%) had a response.",
     {(4, 3)}),
])
def test_a_paraphrased_share_with_a_stated_percent(nlp, text: str, expected: set) -> None:
    assert {(r[1], r[6]) for r in _rows(nlp, text)} == expected


def _outcome_kinds(nlp, text: str) -> set[tuple]:
    rows = analyse(clean_text(text), nlp=nlp).rows
    return {(r.cohort_size, r.outcome, r.event_count) for r in rows if r.row_type == "outcome"}


@pytest.mark.parametrize(("text", "mention"), [
    ("Adults with focal epilepsy were randomised to lacosamide (n = 150) or placebo (n = 150). "
     "Seizure freedom during maintenance was achieved in 21 of 150 patients given lacosamide "
     "and 4 of 150 given placebo.", "seizure freedom"),
    ("Children with absence epilepsy were randomised to ethosuximide (n = 90) or placebo "
     "(n = 90). A reduction in seizure frequency was seen in 40 of 90 and 12 of 90 children, "
     "respectively.", "seizure frequency"),
    ("Adults with haemophilia A were randomised to emicizumab (n = 80) or no prophylaxis "
     "(n = 80). A bleeding score of zero was achieved by 30 of 80 patients given emicizumab "
     "and 5 of 80 without prophylaxis.", "bleeding score"),
])
def test_an_outcome_word_that_qualifies_a_measure_is_no_harm(nlp, text: str,
                                                             mention: str) -> None:
    rows = analyse(clean_text(text), nlp=nlp).rows
    events = [r for r in rows if r.row_type == "outcome"]
    assert events and all(r.outcome == "other" for r in events)
    assert all(mention in (r.outcome_mention or "").lower() for r in events)


@pytest.mark.parametrize(("text", "harm"), [
    ("Patients with psoriasis were randomised to secukinumab (n = 200) or placebo (n = 200). "
     "Nasopharyngitis was reported in 30 and 25 patients, respectively. Oral thrush occurred "
     "in 9 and 2 patients, respectively.", (200, "adverse_event", 9)),
    ("Adults with gout were randomised to pegloticase (n = 120) or placebo (n = 120). "
     "The safety profile was as expected. Facial flushing occurred in 14 and 3 patients, "
     "respectively.", (120, "adverse_event", 14)),
    ("Patients with asthma were randomised to tezepelumab (n = 300) or placebo (n = 300). "
     "Serious adverse events occurred in 30 and 41 patients; gallbladder sludge was found "
     "in 4 and 1 patients, respectively.", (300, "adverse_event", 4)),
])
def test_an_event_named_while_harms_are_reported_is_a_harm(nlp, text: str, harm: tuple) -> None:
    assert harm in _outcome_kinds(nlp, text)


def test_the_trials_own_end_point_after_harms_stays_other(nlp) -> None:
    rows = _outcome_kinds(nlp, "Patients with chronic kidney disease were randomised to "
                               "finerenone (n = 400) or placebo (n = 400). Hyperkalaemia "
                               "occurred in 20 and 8 patients. Among those with diabetes, the "
                               "primary outcome occurred in 33 of 200 and 45 of 198.")
    assert (200, "other", 33) in rows and (198, "other", 45) in rows


@pytest.mark.parametrize("words", ["Leukaemic transformation was reported",
                                   "Richter transformation was seen",
                                   "The disease progressed to acute myeloid leukemia"])
def test_transformation_of_the_disease_is_progression(nlp, words: str) -> None:
    rows = _outcome_kinds(nlp, "Patients with myelodysplasia were randomised to luspatercept "
                               f"(n = 150) or placebo (n = 150). {words} in 6 patients in the "
                               "luspatercept group and 5 in the placebo group.")
    assert rows == {(150, "progression", 6), (150, "progression", 5)}


@pytest.mark.parametrize(("words", "mention"), [
    ("were migraine-free", "migraine-free"),
    ("remained seizure-free", "seizure-free"),
])
def test_a_state_free_of_something_is_an_end_point(nlp, words: str, mention: str) -> None:
    rows = analyse(clean_text(
        "Adults were randomised to galcanezumab (n = 120) or placebo (n = 118). By month 6, 30 "
        f"patients in the galcanezumab group and 9 in the placebo group {words}."), nlp=nlp).rows
    events = {(r.cohort_size, r.outcome, r.event_count, r.outcome_mention)
              for r in rows if r.row_type == "outcome"}
    assert events == {(120, "other", 30, mention), (118, "other", 9, mention)}


@pytest.mark.parametrize("when", ["By month 3", "At year 2", "At hour 48"])
def test_a_time_point_before_the_counts_is_no_count(nlp, when: str) -> None:
    rows = _outcome_kinds(nlp, "Adults were randomised to tirzepatide (n = 200) or placebo "
                               f"(n = 200). {when}, 12 patients in the tirzepatide group and "
                               "25 in the placebo group had been hospitalised.")
    assert rows == {(200, "other", 12), (200, "other", 25)}


def test_becoming_free_of_something_is_an_end_point(nlp) -> None:
    rows = _outcome_kinds(nlp, "Adults were randomised to lasmiditan (n = 150) or placebo "
                               "(n = 150). In the lasmiditan group, 48 of 150 patients became "
                               "pain free within two hours.")
    assert rows == {(150, "other", 48)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("By day 42, 150 children in the pyronaridine group and 141 in the mefloquine group were "
     "cured.", {(160, "response", 150), (160, "response", 141)}),
    ("Recrudescence was confirmed by genotyping in 4 and 12 children, respectively.",
     {(160, "recurrence", 4), (160, "recurrence", 12)}),
    ("EASI-90 was reached by 40 and 11 children, respectively.",
     {(160, "response", 40), (160, "response", 11)}),
])
def test_cure_relapse_and_index_thresholds_in_any_specialty(nlp, sentence: str,
                                                            expected: set) -> None:
    rows = _outcome_kinds(nlp, "Children were randomised to pyronaridine (n = 160) or "
                               f"mefloquine (n = 160). {sentence}")
    assert rows == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the eradication of an infection is its cure (corpora/README: a cure is a response)
    ("In the per-protocol analysis, eradication rates were 91.0% (131 of 144) and 83.6% "
     "(122 of 146), respectively.", {(144, "response", 131), (146, "response", 122)}),
    ("Eradication was confirmed in 128 of 150 patients given rifabutin and in 112 of 150 given "
     "clarithromycin.", {(150, "response", 128), (150, "response", 112)}),
])
def test_eradication_of_an_infection_is_a_response(nlp, sentence: str, expected: set) -> None:
    rows = _outcome_kinds(nlp, "Adults with Helicobacter pylori infection were randomised to "
                               f"rifabutin (n = 150) or clarithromycin (n = 150). {sentence}")
    assert rows == expected


@pytest.mark.parametrize("trial", ["In the sepsis trial", "For this influenza study"])
def test_an_outcome_word_naming_the_trial_is_no_event(nlp, trial: str) -> None:
    rows = analyse(clean_text(
        f"{trial}, 420 adults were randomised to anakinra (n = 210) or placebo (n = 210). "
        "Clinical cure was achieved in 150 and 131 patients, respectively."), nlp=nlp).rows
    assert {(r.row_type, r.cohort_size, r.outcome, r.event_count) for r in rows} == {
        ("cohort", 420, None, None), ("cohort", 210, None, None),
        ("outcome", 210, "response", 150), ("outcome", 210, "response", 131)}


@pytest.mark.parametrize(("sentence", "mention"), [
    ("PASI 75 was achieved by 150 and 12 patients, respectively.", "PASI 75"),
    ("An ACR50 at week 24 was reached by 150 and 12 patients, respectively.", "ACR50"),
    ("EASI-75 occurred in 150 and 12 patients, respectively.", "EASI-75"),
    ("SVR12 was achieved by 150 and 12 patients, respectively.", "SVR12"),
])
def test_a_responder_threshold_of_an_index_is_a_response(nlp, sentence: str,
                                                         mention: str) -> None:
    rows = analyse(clean_text("Adults were randomised to tildrakizumab (n = 200) or placebo "
                              f"(n = 100). {sentence}"), nlp=nlp).rows
    events = {(r.cohort_size, r.outcome, r.event_count) for r in rows if r.row_type == "outcome"}
    assert events == {(200, "response", 150), (100, "response", 12)}
    assert all(mention in r.outcome_mention for r in rows if r.row_type == "outcome")


def test_a_table_row_named_by_an_index_threshold_is_a_response(nlp) -> None:
    rows = _outcome_kinds(nlp, "Adults with plaque psoriasis were randomised to ixekizumab "
                               "(n = 250) or placebo (n = 125).\n\nOutcome | Ixekizumab "
                               "(n = 250) | Placebo (n = 125)\nPASI 100 | 90 (36.0) | 1 (0.8)\n"
                               "Headache | 20 (8.0) | 9 (7.2)\n")
    assert {(250, "response", 90), (125, "response", 1)} <= rows


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hypokalaemia was reported in 40 and 12 patients. Hospitalisation for hypokalaemia "
     "occurred in 5 and 1 patients, respectively.", (250, "adverse_event", 5)),
    ("Nine patients in the spironolactone group were admitted to hospital because of "
     "hypotension.", (250, "adverse_event", 9)),
    ("Hospitalisation for worsening heart failure occurred in 30 and 45 patients, "
     "respectively.", (250, "other", 30)),
])
def test_a_hospital_stay_caused_by_a_harm_is_the_harm(nlp, sentence: str,
                                                      expected: tuple) -> None:
    rows = _outcome_kinds(nlp, "Adults with heart failure were randomised to spironolactone "
                               f"(n = 250) or placebo (n = 250). {sentence}")
    assert expected in rows


@pytest.mark.parametrize("verb", ["persisted", "appeared", "emerged"])
def test_frames_of_an_event_with_other_verbs(nlp, verb: str) -> None:
    rows = _outcome_kinds(nlp, "Adults with relapsing multiple sclerosis were randomised to "
                               "ozanimod (n = 300) or interferon (n = 300). New T2 lesions "
                               f"{verb} in 90 and 140 patients, respectively.")
    assert rows == {(300, "other", 90), (300, "other", 140)}


@pytest.mark.parametrize("unit", ["5.5 mmol/L", "50 copies/mL", "1.5 x 10^9/L", "7.0 g/dL"])
def test_a_sentence_that_ends_in_a_unit_ends_there(nlp, unit: str) -> None:
    rows = _outcome_kinds(nlp, "Adults were randomised: 120 to patiromer and 118 to placebo. "
                               f"Baseline values were below {unit}. Remission was achieved in "
                               "60 and 31 patients, respectively.")
    assert rows == {(120, "remission", 60), (118, "remission", 31)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tumours had shrunk in 40 of the 60 people.", (60, "response", 40)),
    ("In four patients the tumour grew during treatment.", (60, "progression", 4)),
    ("Three patients had their tumours disappear completely.", (60, "complete_response", 3)),
    ("Rash was the main problem: 20 developed it, and 5 stopped durvalumab because of it.",
     (60, "adverse_event", 5)),
    ("Durvalumab was discontinued in four patients because of hepatitis.",
     (60, "adverse_event", 4)),
])
def test_outcomes_in_plain_words(nlp, sentence: str, expected: tuple) -> None:
    rows = _outcome_kinds(nlp, "Sixty people with bladder cancer were treated with durvalumab "
                               f"in the trial. {sentence}")
    assert expected in rows


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ten of them have since had a response.", (40, "response", 10)),
    ("In the removed tissue, no cancer remained in 12 of the 40 patients.",
     (40, "complete_response", 12)),
])
def test_later_events_and_plain_words_for_a_complete_response(nlp, sentence: str,
                                                             expected: tuple) -> None:
    rows = _outcome_kinds(nlp, "Forty patients with rectal cancer were treated with "
                               f"dostarlimab. {sentence}")
    assert expected in rows


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Fatal or disabling stroke occurred in 4 and 11 patients, respectively.",
     {(300, "other", 4), (300, "other", 11)}),
    ("Normoglycaemia was restored in 60 and 21 patients, respectively.",
     {(300, "other", 60), (300, "other", 21)}),
    ("Clinical remission was seen early, at week 2, when it was reported by 40/300 and 12/300 "
     "patients.", {(300, "remission", 40), (300, "remission", 12)}),
])
def test_modifiers_normal_values_and_pronouns_name_the_event(nlp, sentence: str,
                                                             expected: set) -> None:
    rows = _outcome_kinds(nlp, "Adults were randomised to tirzepatide (n = 300) or placebo "
                               f"(n = 300). {sentence}")
    assert rows == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Pain improved by at least 30% in 70 and 41 patients, respectively.",
     {(150, "other", 70), (150, "other", 41)}),
    ("The target blood pressure was met by 90 and 62 patients, respectively.",
     {(150, "other", 90), (150, "other", 62)}),
    ("Serious adverse events occurred in 20 and 18 patients. Overall, 9 and 4 patients needed "
     "intravenous antibiotics.", {(150, "adverse_event", 20), (150, "adverse_event", 18),
                      (150, "other", 9), (150, "other", 4)}),
])
def test_frames_of_improvement_and_needs_after_harms(nlp, sentence: str, expected: set) -> None:
    rows = _outcome_kinds(nlp, "Adults were randomised to duloxetine (n = 150) or placebo "
                               f"(n = 150). {sentence}")
    assert rows == expected


def test_patients_still_on_treatment_are_a_cohort(nlp) -> None:
    rows = analyse(clean_text("In the registry, 900 patients were treated with osimertinib. "
                              "After two years, 410 patients were still on treatment."),
                   nlp=nlp).rows
    assert ("cohort", 410, "osimertinib", "continued") in {
        (r.row_type, r.cohort_size, r.drug, r.drug_status) for r in rows}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("CR/CRi was achieved in 41 of the 70 patients.", (70, "remission", 41)),
    ("Of the 20 retreated patients, 17 regained MMR.", (20, "response", 17)),
])
def test_abbreviated_remissions_and_responses_of_leukaemia(nlp, sentence: str,
                                                          expected: tuple) -> None:
    rows = _outcome_kinds(nlp, "Seventy patients with leukaemia were treated with asciminib. "
                               f"{sentence}")
    assert expected in rows


@pytest.mark.parametrize("verb", ["led", "caused", "forced"])
def test_a_harm_that_made_a_count_stop_is_counted(nlp, verb: str) -> None:
    rows = _outcome_kinds(nlp, "Patients were randomised to tenecteplase (n = 300) or alteplase "
                               f"(n = 300). Adverse events {verb} 11 patients in the "
                               "tenecteplase group and 9 in the alteplase group to stop "
                               "treatment.")
    assert rows == {(300, "adverse_event", 11), (300, "adverse_event", 9)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Weight loss of 10% or more occurred in 120 and 15 participants, respectively.",
     {(400, "other", 120), (400, "other", 15)}),
    ("Fever had resolved by day 3 in 300 and 250 participants, respectively.",
     {(400, "other", 300), (400, "other", 250)}),
    ("Mechanical ventilation was used in 40 and 52 participants, respectively.",
     {(400, "other", 40), (400, "other", 52)}),
    ("Serious adverse events occurred in 30 and 28 participants. A serum sodium level below "
     "130 mmol/L was recorded at least once in 12 and 5 participants, respectively.",
     {(400, "adverse_event", 30), (400, "adverse_event", 28), (400, "other", 12),
      (400, "other", 5)}),
])
def test_thresholds_times_and_adverbs_in_event_frames(nlp, sentence: str, expected: set) -> None:
    rows = _outcome_kinds(nlp, "Adults were randomised to survodutide (n = 400) or placebo "
                               f"(n = 400). {sentence}")
    assert rows == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # (clear or almost clear skin: the IGA 0/1 responder threshold, a response, corpora/README)
    ("Skin infections occurred in 6 and 14 patients. Clear or almost clear skin was achieved by "
     "45 and 10 patients.", {(120, "adverse_event", 6), (120, "adverse_event", 14),
                             (120, "response", 45), (120, "response", 10)}),
    ("Conjunctivitis occurred in 9 and 2 patients. Early treatment failure occurred in 3 and 11 "
     "patients.", {(120, "adverse_event", 9), (120, "adverse_event", 2), (120, "other", 3),
                   (120, "other", 11)}),
    ("No evidence of disease activity was achieved by 50 and 21 patients.",
     {(120, "other", 50), (120, "other", 21)}),
])
def test_end_points_among_harms_stay_end_points(nlp, sentence: str, expected: set) -> None:
    rows = _outcome_kinds(nlp, "Patients were randomised to tralokinumab (n = 120) or placebo "
                               f"(n = 120). {sentence}")
    assert rows == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("At two years, 40 were alive without their cancer getting worse.",
     (80, "progression_free_survival", 40)),
    ("At two years, 44 were alive without the disease coming back.",
     (80, "disease_free_survival", 44)),
    ("Thirty had not progressed at one year.", (80, "progression_free_survival", 30)),
    ("Twelve saw their tumours shrink by half.", (80, "response", 12)),
    ("Twenty-five had died or progressed.", (80, "progression", 25)),
])
def test_survival_and_progression_in_plain_words(nlp, sentence: str, expected: tuple) -> None:
    rows = _outcome_kinds(nlp, "In the study, 80 patients with liver cancer took Lenvima. "
                               f"{sentence}")
    assert expected in rows


@pytest.mark.parametrize(("words", "status"), [
    ("were lost to follow-up", "discontinued"),
    ("dropped out", "discontinued"),
    ("completed the study", "continued"),
])
def test_withdrawals_and_completions_are_cohorts(nlp, words: str, status: str) -> None:
    rows = analyse(clean_text("Overall, 300 adults were randomised to ozanimod (n = 150) or "
                              "placebo (n = 150). Of the 150 patients given ozanimod, 12 "
                              f"{words}."), nlp=nlp).rows
    assert ("cohort", 12, status) in {(r.row_type, r.cohort_size, r.drug_status) for r in rows}
    assert not any(r.row_type == "outcome" and r.event_count == 12 for r in rows)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Serious side effects struck 30 of them.", (150, "adverse_event", 30)),
    ("Another 20 needed a lower dose.", (150, "adverse_event", 20)),
    ("Eleven had to stop taking the pill because of side effects.", (150, "adverse_event", 11)),
    ("In 60 people the disease stayed stable.", (150, "stable_disease", 60)),
    ("Hair loss affected 25 of them.", (150, "adverse_event", 25)),
])
def test_news_words_for_harms_and_stable_disease(nlp, sentence: str, expected: tuple) -> None:
    rows = _outcome_kinds(nlp, "In the trial, 150 people with bowel cancer took Lonsurf. "
                               f"{sentence}")
    assert expected in rows


@pytest.mark.parametrize("opener", ["After confirmed progression", "Following disease relapse",
                                    "At the time of progression"])
def test_an_opening_time_phrase_names_no_event_of_the_count(nlp, opener: str) -> None:
    rows = analyse(clean_text("Patients were randomised to Arm A (cabozantinib; n = 90) or Arm B "
                              f"(placebo; n = 88). {opener}, 40 patients in Arm B crossed over "
                              "to open-label cabozantinib."), nlp=nlp).rows
    assert not any(r.row_type == "outcome" and r.event_count == 40 for r in rows)
    assert 40 in {r.cohort_size for r in rows if r.row_type == "cohort"}


@pytest.mark.parametrize("state", ["relapsed or refractory", "relapsed/refractory",
                                   "progressive, treatment-resistant"])
def test_a_disease_state_that_picks_a_population_is_no_event(nlp, state: str) -> None:
    rows = analyse(clean_text("In total, 120 patients received teclistamab. Of these, 70 had "
                              f"newly diagnosed disease and 50 had {state} disease."),
                   nlp=nlp).rows
    assert not any(r.row_type == "outcome" for r in rows)


@pytest.mark.parametrize("figure", ["the figure was", "the rate was", "the numbers were"])
def test_the_figure_of_another_group_refers_to_the_outcome_before(nlp, figure: str) -> None:
    rows = _outcome_kinds(nlp, "Patients with brain metastases were treated with tucatinib in "
                               "cohort 1 (n = 40) and cohort 2 (n = 60). In cohort 1, tumours "
                               f"shrank in 18 of the 40 patients. In cohort 2 {figure} 25 of the "
                               "60.")
    assert rows == {(40, "response", 18), (60, "response", 25)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Adults with ulcerative colitis were randomized to mirikizumab (n = 100) or placebo "
     "(n = 99). 30 and 9 achieved clinical remission.", {(100, 30), (99, 9)}),
    ("Adults with ulcerative colitis were randomized to mirikizumab (n = 100) or placebo "
     "(n = 99). 30 and 9, respectively, achieved clinical remission.", {(100, 30), (99, 9)}),
    ("Patients with myelofibrosis were randomized to ruxolitinib (n = 180) or placebo "
     "(n = 178). By day 28, 12 and 19 had died.", {(180, 12), (178, 19)}),
    ("Adults were randomized to upadacitinib 15 mg (n = 100), upadacitinib 30 mg (n = 101) or "
     "placebo (n = 99). At week 8, 30, 41 and 9 were in remission, respectively.",
     {(100, 30), (101, 41), (99, 9)}),
])
def test_a_list_of_bare_counts_before_the_verb_counts_each_arm(nlp, text: str,
                                                               expected: set) -> None:
    # One number per arm, the patient noun understood, even after an opening "By day 28,".
    assert {(r[1], r[6]) for r in _rows(nlp, text)} == expected


@pytest.mark.parametrize("second", ["20, 15 and 11 patients had died",
                                    "20, 15 and 11 patients, respectively, had died"])
def test_two_lists_of_one_count_per_arm_each_take_their_own_predicate(nlp, second: str) -> None:
    rows = _rows(nlp, "Adults with glioblastoma were randomised: 60 to Group A, 62 to Group B "
                      "and 61 to Group C. In Group C, 50 of the 61 patients started maintenance. "
                      f"At two years, progression occurred in 31, 24 and 28 patients and {second} "
                      "in Groups A, B and C.")
    assert {(r[1], r[4], r[6]) for r in rows} == {
        (60, "progression", 31), (62, "progression", 24), (61, "progression", 28),
        (60, "death", 20), (62, "death", 15), (61, "death", 11)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Patients with migraine were randomized to erenumab (n = 202) or placebo (n = 200). "
     "Headache and dizziness were the most common adverse events, occurring in 40 (20.0%) and "
     "30 (15.0%) of the 200 patients given erenumab, and in 20 (10.1%) and 12 (6.1%) of the 198 "
     "given placebo, respectively.", {(200, 40), (200, 30), (198, 20), (198, 12)}),
    ("A total of 150 adults received dupilumab. Conjunctivitis and injection-site reactions "
     "occurred in 18 and 11 of the 148 patients with a follow-up visit.", {(148, 18), (148, 11)}),
])
def test_counts_listed_before_one_whole_are_all_of_that_whole(nlp, text: str, expected: set) -> None:
    assert {(r[1], r[6]) for r in _rows(nlp, text)} == expected


def test_a_safety_population_of_the_same_size_in_each_group_keeps_efficacy_with_the_arms(nlp) -> None:
    rows = _rows(nlp, "In total, 481 adults with nasal polyps were randomly assigned: 241 to "
                      "tezepelumab and 240 to placebo. Two patients assigned to tezepelumab "
                      "received no dose, so the safety population comprised 239 patients in each "
                      "group. Complete polyp clearance was achieved in 12% of patients given "
                      "tezepelumab and 30% of those given placebo.")
    assert {(r[1], r[3], r[6]) for r in rows} == {(241, "received", 29), (240, "not_received", 72)}


@pytest.mark.parametrize(("text", "expected"), [
    ("In total, 150 patients were treated with erdafitinib. The most common TEAEs were dry "
     "skin changes (30%), nail discolouration (12%) and stomatitis (40%).",
     {(150, "adverse_event", 45), (150, "adverse_event", 18), (150, "adverse_event", 60)}),
    ("In total, 150 patients were treated with erdafitinib. Eight patients (5.3%) discontinued "
     "erdafitinib due to TRAEs.", {(150, "adverse_event", 8)}),
])
def test_shares_of_a_listing_of_harms_and_their_abbreviations(nlp, text: str, expected: set) -> None:
    assert {(r[1], r[4], r[6]) for r in _rows(nlp, text)} == expected


def test_a_share_after_a_treatment_in_brackets_is_no_listed_harm(nlp) -> None:
    rows = _rows(nlp, "In total, 150 patients were treated with erdafitinib. Dry mouth was "
                      "common with the tablets (40%).")
    assert {(r[1], r[6]) for r in rows} <= {(150, 60)}


def test_harms_after_fractions_of_the_treated_are_counted_over_those_treated(nlp) -> None:
    rows = _rows(nlp, "A total of 300 adults were randomly assigned to mitapivat (n=151) or "
                      "placebo (n=149). Treatment-emergent adverse events occurred in 120 (81%) of "
                      "148 participants in the mitapivat group and 110 (74%) of 149 in the placebo "
                      "group. The most frequent were headache (30 [20%] vs 18 [12%]) and nausea "
                      "(15 [10%] vs nine [6%]).")
    assert {(r[1], r[3], r[6]) for r in rows if r[6] in {30, 18, 15, 9}} == {
        (148, "received", 30), (149, "not_received", 18), (148, "received", 15),
        (149, "not_received", 9)}


@pytest.mark.parametrize("second", ["3 (4%)", "3 (4.2%)"])
def test_versus_counts_whose_shares_fit_either_arm_follow_the_arms_order(nlp, second: str) -> None:
    rows = _rows(nlp, "Patients were randomized to Group A (eribulin plus gemcitabine; n = 75) or "
                      "Group B (gemcitabine; n = 72). Grade 3 neutropenia occurred in 11 (15%) "
                      f"versus {second}.")
    assert {(r[1], r[6]) for r in rows if r[0] == "outcome"} == {(75, 11), (72, 3)}


@pytest.mark.parametrize(("share", "second"), [
    ("40 percent", "5 percent"), ("40 per cent", "5 per cent"), ("40.0 percent", "5.0 percent")])
def test_a_share_spelt_out_in_words_is_a_share_of_the_arm(nlp, share: str, second: str) -> None:
    rows = _rows(nlp, "Adults with chronic urticaria were randomly assigned to remibrutinib "
                      "(n = 150) or placebo (n = 148). Hives cleared completely in "
                      f"{share} of patients on remibrutinib and in {second} of those on placebo.")
    assert {(r[1], r[3], r[6]) for r in rows} == {(150, "received", 60),
                                                   (148, "not_received", 7)}


@pytest.mark.parametrize("change", ["40 percent fewer", "40% fewer", "25 per cent more"])
def test_a_share_before_a_comparative_is_a_relative_change(nlp, change: str) -> None:
    rows = _rows(nlp, "Adults with asthma were randomly assigned to tezepelumab (n = 200) or "
                      f"placebo (n = 196). \"We saw {change} children wheezing at night,\" the "
                      "lead author said.")
    assert rows == set()


@pytest.mark.parametrize(("subject", "verb", "outcome"), [
    ("One participant in the placebo group (0.7%)", "died of sepsis on day 30", "death"),
    ("Three patients in the placebo group (2.0%)", "died", "death"),
    ("Three patients in the placebo group (2 per cent)", "had a stroke", "other")])
def test_a_share_in_brackets_after_the_group_leaves_the_predicate_its_count(
        nlp, subject: str, verb: str, outcome: str) -> None:
    rows = _rows(nlp, "Adults with gout were randomly assigned to tigulixostat (n = 200) or "
                      f"placebo (n = 150). {subject} {verb}.")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (150, "not_received", outcome, int(subject.split()[0] == "One") or 3)}


@pytest.mark.parametrize("zero", ["No participant died.", "No child developed inhibitory antibodies.",
                                  "The mean QT interval rose by 4.2 ms, and no patient had a "
                                  "QTc above 480 ms."])
def test_a_trial_wide_zero_that_names_no_group_gives_no_row(nlp, zero: str) -> None:
    rows = _rows(nlp, "Children with haemophilia A were randomly assigned to efanesoctocog "
                      f"(n = 80) or standard factor VIII (n = 78). {zero}")
    assert rows == set()


@pytest.mark.parametrize("zero", ["no patient in the placebo group died",
                                  "no patient receiving placebo died"])
def test_a_zero_said_of_a_named_group_keeps_its_row(nlp, zero: str) -> None:
    rows = _rows(nlp, "Adults with sepsis were randomly assigned to landiolol (n = 120) or "
                      f"placebo (n = 118). Four patients in the landiolol group died, and {zero}.")
    assert (118, "not_received", "death", 0) in {(r[1], r[3], r[4], r[6]) for r in rows}


@pytest.mark.parametrize(("threshold", "verb"), [
    ("A reduction of at least 50%", "was achieved by"),
    ("An improvement of at least 30%", "was reported by"),
    ("A fall of at least 75%", "occurred in")])
def test_a_responder_threshold_that_ends_the_subject_is_the_end_point(
        nlp, threshold: str, verb: str) -> None:
    # those past the threshold are the responders: a response (corpora/README; the majority
    # of tune's gold, tune-110, 159, 179, 183, against tune-86)
    rows = _rows(nlp, "Patients were randomly assigned to Arm A (fremanezumab 225 mg, n = 88) or "
                      f"Arm B (placebo, n = 86). {threshold} {verb} 30 of 88 in Arm A and 12 of 86 "
                      "in Arm B.")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (88, "received", "response", 30), (86, "not_received", "response", 12)}


@pytest.mark.parametrize(("heading", "outcome"), [
    ("Serious infections were rare:", "adverse_event"),
    ("Complete responses were uncommon:", "complete_response"),
    ("Deaths were infrequent:", "death")])
def test_a_heading_that_rates_how_often_an_outcome_occurred_names_the_counts_after_it(
        nlp, heading: str, outcome: str) -> None:
    rows = _rows(nlp, "Adults with lupus nephritis were randomly assigned to obinutuzumab "
                      f"(n = 135) or placebo (n = 136). {heading} 4 (3.0%) with obinutuzumab "
                      "and 2 with placebo.")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (135, "received", outcome, 4), (136, "not_received", outcome, 2)}


@pytest.mark.parametrize("kinds", ["(one sepsis, two pneumonitis)", "(two pneumonia and one stroke)",
                                   "(one cardiac arrest, one sepsis, one hepatic failure)"])
def test_brackets_that_break_a_count_of_events_down_by_kind_give_no_rows(nlp, kinds: str) -> None:
    rows = _rows(nlp, "Adults with lymphoma were randomly assigned to tafasitamab (n = 200) or "
                      f"placebo (n = 150). Three treatment-related deaths {kinds} occurred in the "
                      "tafasitamab group and none in the placebo group.")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (200, "received", "death", 3), (150, "not_received", "death", 0)}


@pytest.mark.parametrize(("predicate", "outcome"), [
    ("38 rapidly progressed", "progression"), ("38 subsequently relapsed", "recurrence"),
    ("38 remained in remission", "remission"), ("38 stayed in remission", "remission"),
    ("38 maintained the response", "response"), ("38 retained a complete response",
                                                 "complete_response")])
def test_an_adverb_or_a_verb_of_keeping_before_the_outcome_of_a_predicate(
        nlp, predicate: str, outcome: str) -> None:
    rows = _rows(nlp, "Adults with myeloma were randomly assigned to teclistamab (n = 110) or "
                      "carfilzomib (n = 108). Of the 52 patients who responded to teclistamab, "
                      f"{predicate} by month 24.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(52, outcome, 38)}


@pytest.mark.parametrize("context", ["Side effects were mostly mild.",
                                     "Treatment-related reactions were mostly mild."])
def test_an_unlisted_event_right_after_words_about_harms_is_a_harm(nlp, context: str) -> None:
    rows = _rows(nlp, "Adults with gout were randomly assigned to febuxostat (n = 120) or placebo "
                      f"(n = 60). {context} Itching of the scalp was reported in 25% of patients "
                      "given febuxostat and in 10% of those given placebo.")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (120, "received", "adverse_event", 30), (60, "not_received", "adverse_event", 6)}


@pytest.mark.parametrize(("first", "then", "outcome"), [
    ("Four patients in the apixaban group had a major bleed", "all four died", "death"),
    ("Apixaban was stopped in four patients because of bleeding", "all four survived",
     "survival")])
def test_all_n_after_a_count_of_n_is_the_group_that_count_counted(nlp, first: str, then: str,
                                                                  outcome: str) -> None:
    rows = _rows(nlp, "Adults with atrial fibrillation were randomly assigned to apixaban "
                      f"(n = 150) or warfarin (n = 148). {first}; {then}.")
    assert (4, "apixaban", outcome, 4) in {(r[1], r[2], r[4], r[6]) for r in rows}


@pytest.mark.parametrize(("rated", "group"), [
    ("Grade 3 anaemia was rare", "in the ruxolitinib group"),
    ("Dizziness was more common", "with ruxolitinib"),
    ("Nausea was reported more often", "with ruxolitinib")])
def test_an_outcome_rated_by_how_often_it_occurred_counts_the_bracketed_count_after_the_group(
        nlp, rated: str, group: str) -> None:
    rows = _rows(nlp, "Adults with myelofibrosis were randomly assigned to ruxolitinib (n = 150) "
                      f"or best available therapy (n = 75). {rated} {group} (6 patients, 4.0%).")
    assert {(r[1], r[2], r[4], r[6]) for r in rows} == {(150, "ruxolitinib", "adverse_event", 6)}


@pytest.mark.parametrize("best", ["The best overall response was", "Best responses were"])
def test_the_kinds_of_a_best_response_list_are_the_events(nlp, best: str) -> None:
    rows = _rows(nlp, "A total of 80 adults with relapsed sarcoma received catequentinib. "
                      f"{best} a complete response in 2 patients, a partial response in 14, "
                      "stable disease in 40 and progressive disease in 24.")
    assert {(r[4], r[6]) for r in rows} == {("complete_response", 2), ("partial_response", 14),
                                            ("stable_disease", 40), ("progression", 24)}


@pytest.mark.parametrize(("event", "outcome"), [
    ("Injection-site erythema", "adverse_event"), ("Muscle cramps", "adverse_event"),
    ("Conjunctivitis", "adverse_event"), ("Hyperkalaemia", "adverse_event"),
    ("A reduction in joint pain of at least 50%", "response"),
    ("Normoglycaemia at week 36", "other")])
def test_an_unlisted_symptom_or_a_word_of_harm_form_is_a_harm(nlp, event: str,
                                                               outcome: str) -> None:
    rows = _rows(nlp, "Adults with knee osteoarthritis were randomly assigned to lorecivivint "
                      f"(n = 200) or placebo (n = 100). {event} was reported in 30 of 200 "
                      "patients in the lorecivivint group and 9 of 100 in the placebo group.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(200, outcome, 30), (100, outcome, 9)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("None of the 14 patients with a KRAS mutation responded to the drug.", (14, "response", 0)),
    ("Of the 40 patients with liver metastases, 9 with a response at week 12 progressed by "
     "week 52.", (40, "progression", 9)),
    ("No responses were observed among the 14 patients with a KRAS mutation.",
     (14, "response", 0)),
    ("No deaths occurred among the 60 patients who had a dose reduction.", (60, "death", 0))])
def test_a_group_picked_by_with_or_denied_an_outcome_before_it(nlp, sentence: str,
                                                               expected: tuple) -> None:
    rows = _rows(nlp, f"A total of 120 adults with colorectal cancer received fruquintinib. {sentence}")
    assert expected in {(r[1], r[4], r[6]) for r in rows}


@pytest.mark.parametrize("label", ["Elevated alanine aminotransferase", "Increased lipase",
                                   "Decreased neutrophil count"])
def test_a_laboratory_change_in_a_row_of_an_adverse_event_table_is_a_harm(nlp, label: str) -> None:
    rows = _rows(nlp, "Adults with heart failure were randomly assigned to omecamtiv (n = 150) or "
                      "placebo (n = 150).\nTable 3. Adverse events\nEvent | Omecamtiv (n = 150) | "
                      f"Placebo (n = 150)\n{label} | 9 (6.0) | 3 (2.0)\n")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (150, "received", "adverse_event", 9), (150, "not_received", "adverse_event", 3)}


@pytest.mark.parametrize(("sentence", "count"), [
    ("One case of acute pancreatitis was confirmed, in the dulaglutide group.", 1),
    ("Three cases of severe hypoglycaemia were reported in the dulaglutide group.", 3)])
def test_cases_of_an_event_count_it(nlp, sentence: str, count: int) -> None:
    rows = _rows(nlp, "Adults with type 2 diabetes were randomly assigned to dulaglutide "
                      f"(n = 240) or sitagliptin (n = 238). {sentence}")
    assert {(r[1], r[2], r[4], r[6]) for r in rows} == {(240, "dulaglutide", "adverse_event", count)}


@pytest.mark.parametrize("pronoun", ["it", "them"])
def test_a_pronoun_object_is_the_event_named_before_it(nlp, pronoun: str) -> None:
    rows = _rows(nlp, "Adults with asthma were randomly assigned to tezepelumab (n = 160) or "
                      "placebo (n = 160). Oral candidiasis was the main complaint: 24 of "
                      f"the 160 patients given tezepelumab developed {pronoun}.")
    assert {(r[1], r[4], r[5], r[6]) for r in rows} == {
        (160, "adverse_event", "Oral candidiasis", 24)}


@pytest.mark.parametrize(("event", "outcome"), [
    ("At least one new BILAG grade A flare", "other"),
    ("A new flare of BILAG grade B", "other"),
    ("Grade 3 transaminase elevation", "adverse_event"),
    ("Transaminase elevation of grade 3 or higher", "adverse_event")])
def test_a_grade_is_of_the_toxicity_scale_only_with_a_number(nlp, event: str, outcome: str) -> None:
    rows = _rows(nlp, "Adults with lupus were randomly assigned to litifilimab (n = 200) or "
                      f"placebo (n = 100). {event} occurred in 24 of 200 patients in the "
                      "litifilimab group and 25 of 100 in the placebo group.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(200, outcome, 24), (100, outcome, 25)}


@pytest.mark.parametrize("kinds", ["(two sepsis, one stroke)", "(pneumonia)",
                                   "(one cardiac arrest and two sepsis)"])
def test_kinds_in_brackets_after_a_group_give_no_count_of_their_own(nlp, kinds: str) -> None:
    rows = _rows(nlp, "Adults with lymphoma were randomly assigned to tafasitamab (n = 200) or "
                      "rituximab (n = 150). Treatment-related deaths occurred in three patients "
                      f"in the tafasitamab group {kinds} and two in the rituximab group.")
    assert {(r[1], r[2], r[4], r[6]) for r in rows} == {
        (200, "tafasitamab", "death", 3), (150, "rituximab", "death", 2)}


@pytest.mark.parametrize(("row", "outcome"), [("Partial response | 14 (35.0%)", "partial_response"),
                                              ("Stable disease | 14 (35.0%)", "stable_disease"),
                                              ("Fatigue | 14 (35.0%)", "adverse_event")])
def test_a_single_arm_table_with_one_sized_column(nlp, row: str, outcome: str) -> None:
    rows = _rows(nlp, "A total of 40 adults with desmoid tumours received nirogacestat 150 mg "
                      f"twice daily.\nEvent | Nirogacestat (n = 40)\n{row}\n")
    assert {(r[1], r[4], r[6]) for r in rows} == {(40, outcome, 14)}


@pytest.mark.parametrize(("words", "outcome"), [
    ("had no evidence of disease on MRI", "complete_response"),
    ("had no detectable disease after six cycles", "complete_response"),
    ("remained alive and their tumours neither grew nor shrank", "survival")])
def test_lay_words_for_a_complete_response_or_stable_disease(nlp, words: str, outcome) -> None:
    rows = _rows(nlp, "A total of 50 children with low-grade glioma received tovorafenib. "
                      f"Of the 50 children, 12 {words}.")
    assert (50, outcome, 12) in {(r[1], r[4], r[6]) for r in rows}


def test_tumours_that_neither_grew_nor_shrank_are_stable_disease(nlp) -> None:
    rows = _rows(nlp, "A total of 50 children with low-grade glioma received tovorafenib. In 12 "
                      "of the 50 children the tumours neither grew nor shrank.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(50, "stable_disease", 12)}


def test_no_evidence_of_disease_activity_is_an_end_point_not_a_complete_response(nlp) -> None:
    rows = _rows(nlp, "Adults with relapsing multiple sclerosis were randomly assigned to "
                      "tolebrutinib (n = 200) or teriflunomide (n = 200). No evidence of disease "
                      "activity was observed in 80 and 52 patients, respectively.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(200, "other", 80), (200, "other", 52)}


def test_a_pronoun_subject_is_the_outcome_named_before_it_not_one_that_picks_a_group(nlp) -> None:
    rows = _rows(nlp, "Adults with myeloma were randomly assigned to belantamab (n = 150) or "
                      "daratumumab (n = 150). Blurred vision of any grade was the commonest event "
                      "with belantamab; it was reported in 90 and 6 patients, respectively.")
    assert {(r[1], r[2], r[4], r[6]) for r in rows} == {
        (150, "belantamab mafodotin", "adverse_event", 90),
        (150, "daratumumab", "adverse_event", 6)}


@pytest.mark.parametrize("frame", ["were seen on MRI in", "were recorded during the first month in",
                                   "were reported at week 12 in"])
def test_a_phrase_of_place_or_time_between_the_frame_verb_and_the_count(nlp, frame: str) -> None:
    rows = _rows(nlp, "A total of 150 adults with multiple sclerosis received tolebrutinib. "
                      f"New lesions {frame} 23 patients.")
    assert {(r[1], r[4], r[5], r[6]) for r in rows} == {(150, "other", "New lesions", 23)}


@pytest.mark.parametrize("people", ["responders", "survivors"])
def test_the_people_noun_of_a_fraction_names_the_whole_not_the_event(nlp, people: str) -> None:
    rows = _rows(nlp, "A total of 120 adults with myeloma received linvoseltamab. Of the 120, "
                      f"60 had a response. Relapse later occurred in 14 of the 60 {people}.")
    assert (60, "recurrence", 14) in {(r[1], r[4], r[6]) for r in rows}


@pytest.mark.parametrize("pro", ["did", "did so", "did too"])
def test_a_verb_that_stands_for_the_one_before_takes_its_outcome(nlp, pro: str) -> None:
    rows = _rows(nlp, "This phase 2 study enrolled 90 adults into two cohorts: cohort A received "
                      "sacituzumab alone and cohort B sacituzumab plus pembrolizumab. In cohort A, "
                      f"12 of 44 patients had a complete response; in cohort B, 19 of 46 {pro}.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(44, "complete_response", 12),
                                                  (46, "complete_response", 19)}


@pytest.mark.parametrize("verb", ["suffered", "experienced"])
def test_an_event_suffered_by_a_group_in_the_passive(nlp, verb: str) -> None:
    rows = _rows(nlp, "A total of 300 adults were randomly assigned to inclisiran (n = 150) or "
                      f"placebo (n = 150). A stroke was {verb} by 6 participants assigned to "
                      "inclisiran and by 11 of those given placebo.")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {
        (150, "received", "other", 6), (150, "not_received", "other", 11)}


@pytest.mark.parametrize(("event", "outcome"), [
    ("had at least a 75% improvement in their EASI score", "response"),
    ("had at least a 90% improvement in the PASI", "response"),
    # (a threshold of improvement defines responders whatever it measures, corpora/README and
    # linking.json's responder_changes; body weight is no such measure)
    ("had at least a 30% improvement in itch", "response"),
    ("had at least a 10% reduction in body weight", "other")])
def test_a_threshold_of_an_index_named_after_the_share_is_a_response(nlp, event: str,
                                                                      outcome: str) -> None:
    rows = _rows(nlp, "Adults with atopic dermatitis were randomly assigned to lebrikizumab "
                      f"(n = 200) or placebo (n = 100). At week 16, 110 of the 200 patients given "
                      f"lebrikizumab {event}.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(200, outcome, 110)}


@pytest.mark.parametrize("gloss", ["(IGA score 0 or 1)", "(vIGA-AD 0/1)"])
def test_an_end_point_glossed_by_an_index_threshold_is_a_response(nlp, gloss: str) -> None:
    rows = _rows(nlp, "Adults with atopic dermatitis were randomly assigned to lebrikizumab "
                      f"(n = 200) or placebo (n = 100). Clear or almost clear skin {gloss} was "
                      "reached by 40.0% and 12.0% of the patients, respectively.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(200, "response", 80), (100, "response", 12)}


@pytest.mark.parametrize("part", ["4 of whom had symptoms such as fever", "4 of them had chills"])
def test_a_part_of_a_group_counted_for_a_harm_has_the_harm_it_names(nlp, part: str) -> None:
    rows = _rows(nlp, "A total of 178 adults with early Alzheimer's disease received donanemab "
                      f"infusions. Infusion reactions occurred in 23 patients, {part}.")
    assert (23, "adverse_event", 4) in {(r[1], r[4], r[6]) for r in rows}


def test_symptoms_relieved_are_an_end_point_not_a_harm(nlp) -> None:
    rows = _rows(nlp, "Adults with influenza were randomly assigned to baloxavir (n = 200) or "
                      "oseltamivir (n = 200). By day 3, symptoms had been alleviated in 110 and "
                      "104 patients, respectively.")
    assert {r[4] for r in rows} == {"other"}


@pytest.mark.parametrize(("words", "outcome", "count"), [
    ("all but nine of the 64 patients remained free of recurrence", "disease_free_survival", 55),
    ("all but 3 of the 64 patients were alive", "survival", 61),
    ("all but two of the 64 patients had a response", "response", 62)])
def test_all_but_n_of_the_whole_counts_the_rest(nlp, words: str, outcome: str, count: int) -> None:
    rows = _rows(nlp, "A total of 64 adults with resected melanoma received nivolumab after "
                      f"surgery. Two years on, {words}.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(64, outcome, count)}


@pytest.mark.parametrize("part", ["(complete response, 36%)", "(complete response in 36%)"])
def test_an_outcome_in_brackets_after_a_share_is_a_part_not_the_share_s_outcome(nlp,
                                                                                 part: str) -> None:
    rows = _rows(nlp, "A total of 150 adults with marginal zone lymphoma received zanubrutinib "
                      "plus obinutuzumab. The overall response rate was 80% with zanubrutinib "
                      f"plus obinutuzumab {part}.")
    assert (150, "response", 120) in {(r[1], r[4], r[6]) for r in rows}


_SAFETY_SET = ("In total, 420 adults with asthma were randomized to tezepelumab (n = 212) or placebo "
               "(n = 208). The safety population comprised 209 patients in the tezepelumab group "
               "and 205 in the placebo group who received at least one dose. ")


@pytest.mark.parametrize(("deaths", "sizes"), [
    # the sentence weighs whether the drug caused the deaths: harms, over those treated
    ("Three deaths in the tezepelumab group and one in the placebo group were judged to be "
     "related to the trial drug.", {209, 205}),
    ("Two treatment-related deaths occurred in the tezepelumab group and one in the placebo group.",
     {209, 205}),
    ("Four patients in the tezepelumab group and 2 in the placebo group died; none of the "
     "deaths was considered attributable to treatment.", {209, 205}),
    # no causality judged: deaths as an end point, over everyone randomized
    ("By the data cut-off, 12 patients in the tezepelumab group and 15 in the placebo group "
     "had died.", {212, 208}),
])
def test_deaths_judged_against_the_treatment_count_over_the_treated(nlp, deaths, sizes) -> None:
    rows = _rows(nlp, _SAFETY_SET + deaths)
    assert {r[1] for r in rows if r[4] == "death"} == sizes


_TREATED_THEN_COMPLETED = (
    "Adults with migraine were randomized to atogepant (n = 260) or placebo (n = 262). Of "
    "these, 251 and 250 patients, respectively, received at least one dose. The 52-week "
    "period was completed by 220 patients in the atogepant group and 231 in the placebo group. ")


@pytest.mark.parametrize("harms", [
    "Rash was reported in 25 (10.0%) and 12 (4.8%) patients.",
    "Nausea occurred in 40 patients (15.9%) and 21 patients (8.4%), respectively.",
    "Dizziness occurred in 18 (7.2%) versus 9 (3.6%).",
])
def test_counts_whose_shares_fit_both_arms_go_to_the_arms_in_order(nlp, harms) -> None:
    # 25 is 10.0% of 251 and of 250 alike: the list's order, not the latest group, decides
    rows = _rows(nlp, _TREATED_THEN_COMPLETED + harms)
    sizes = [(r[1], r[3]) for r in sorted(rows, key=lambda r: -r[6]) if r[4] == "adverse_event"]
    assert sizes == [(251, "received"), (250, "not_received")]


@pytest.mark.parametrize("parts", [
    "The 52-week period was completed by 220 patients in the atogepant group and 231 in the "
    "placebo group.",
    "Overall, 30 patients in the atogepant group and 21 in the placebo group withdrew before "
    "week 12.",
])
@pytest.mark.parametrize(("counts", "of_parts"), [
    ("Three patients who received atogepant and 5 who received placebo died.", False),
    ("Serious adverse events occurred in 14 and 11 patients, respectively.", False),
    ("Of these, 10 and 8 had a response, respectively.", True),
])
def test_completers_and_withdrawals_are_no_arms_of_later_counts(nlp, parts, counts,
                                                                of_parts) -> None:
    # corpora/README: completions and withdrawals are cohort rows; the next counts are of
    # the arms as randomized, unless they refer back to those groups ("Of these")
    rows = _rows(nlp, "Adults with migraine were randomized to atogepant (n = 260) or placebo "
                      f"(n = 262). {parts} {counts}")
    sizes = {r[1] for r in rows}
    assert (sizes != {260, 262}) == of_parts and len(sizes) == 2


def test_wholes_of_several_harms_each_are_the_groups_later_harm_shares_are_of(nlp) -> None:
    rows = _rows(nlp, "Patients were randomized to tislelizumab plus chemotherapy (n = 300) or "
                      "placebo plus chemotherapy (n = 299). Diarrhoea and nausea were the most "
                      "common adverse events, occurring in 120 (40.3%) and 90 (30.2%) of the 298 "
                      "patients who received at least one dose of tislelizumab, and in 60 "
                      "(20.3%) and 70 (23.7%) of the 295 patients who received placebo, "
                      "respectively. Serious adverse events were reported in 30.0% of "
                      "tislelizumab-treated patients and 25.0% of placebo-treated patients.")
    # 30.0% of the 298 treated, 25.0% of the 295 treated (not of the 300 and 299 randomized)
    assert {(r[1], r[6]) for r in rows if r[5] == "Serious adverse events"} == {(298, 89), (295, 74)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Clinical remission was more frequent with mirikizumab (24.0%) than with placebo (13.3%).",
     {(300, "received", "remission", 72), (150, "not_received", "remission", 20)}),
    ("Herpes zoster was more common in the mirikizumab group (2.0%) than in the placebo group "
     "(0.7%).",
     {(300, "received", "adverse_event", 6), (150, "not_received", "adverse_event", 1)}),
    # the share of a count said before it is no second count
    ("Clinical remission occurred in 72 patients in the mirikizumab group (24.0%) and 20 in "
     "the placebo group (13.3%).",
     {(300, "received", "remission", 72), (150, "not_received", "remission", 20)}),
])
def test_a_lone_share_after_the_group_it_is_of(nlp, sentence, expected) -> None:
    rows = _rows(nlp, "Adults with ulcerative colitis were randomized to mirikizumab (n = 300) "
                      f"or placebo (n = 150). {sentence}")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == expected


_THREE_ARMS = ("In the trial, 450 adults with migraine were randomly assigned to eptinezumab "
               "100 mg (n = 150), eptinezumab 300 mg (n = 151) or placebo (n = 149). ")


@pytest.mark.parametrize(("sentence", "expected"), [
    # a share before the noun of an end point is its threshold, no count
    ("A 75% responder rate was achieved by 30.0%, 33.1% and 15.4% of patients, respectively.",
     {(150, 45), (151, 50), (149, 23)}),
    ("In the 300-mg group, 50 of 151 patients had a 75% response, compared with 23 of 149 in "
     "the placebo group.", {(151, 50), (149, 23)}),
    # a number before a plural arm noun counts groups, not patients
    ("Adverse events were reported in 48 (32.0%), 52 (34.4%) and 45 (30.2%) patients in the "
     "three groups.", {(150, 48), (151, 52), (149, 45)}),
])
def test_thresholds_and_numbers_of_groups_are_no_counts(nlp, sentence, expected) -> None:
    assert {(r[1], r[6]) for r in _rows(nlp, _THREE_ARMS + sentence)} == expected


def test_a_listing_of_harms_with_a_drug_is_of_the_group_just_counted(nlp) -> None:
    # not of the subgroup given the drug that an older sentence named last
    rows = _rows(nlp, "Of 400 adults screened, 90 were excluded, and 310 were randomised: 156 "
                      "to vortioxetine and 154 to placebo. By week 24, relapse after remission "
                      "had occurred in 10 of the 62 remitters given vortioxetine. Adverse events "
                      "were reported by 110 participants (70.5%) taking vortioxetine and 80 "
                      "(51.9%) receiving placebo; the most frequent with vortioxetine were nausea "
                      "(n = 35), headache (n = 20) and dizziness (n = 12).")
    assert {(r[1], r[5], r[6]) for r in rows if r[5] in {"nausea", "headache", "dizziness"}} == {
        (156, "nausea", 35), (156, "headache", 20), (156, "dizziness", 12)}


def test_treated_parts_listed_respectively_size_the_later_harm_shares(nlp) -> None:
    # 205 and 198 are one part of each arm, not a total and its part
    rows = _rows(nlp, "A total of 420 adults with COPD were randomly assigned to ensifentrine "
                      "(n = 210) or placebo (n = 210). Of these, 205 and 198 participants, "
                      "respectively, received at least one dose and formed the safety "
                      "population. Serious adverse events occurred in 8.0% vs 10.1% of treated "
                      "participants.")
    assert {(r[1], r[6]) for r in rows if r[4] == "adverse_event"} == {(205, 16), (198, 20)}


@pytest.mark.parametrize(("text", "combination", "added", "sizes"), [
    ("Patients with biliary tract cancer were randomly assigned (1:1) to gemcitabine "
     "(1000 mg/m2) and cisplatin (25 mg/m2) on days 1 and 8 every 3 weeks with durvalumab "
     "(1500 mg every 3 weeks), followed by durvalumab maintenance, or to gemcitabine and "
     "cisplatin alone. Disease progression occurred in 30 of 101 patients receiving durvalumab "
     "and in 45 of 99 receiving gemcitabine and cisplatin alone.",
     "cisplatin + durvalumab + gemcitabine", "durvalumab", (101, 99)),
    ("Adults with type 2 diabetes were randomized to metformin (1000 mg twice daily) and "
     "sitagliptin (100 mg daily) for 52 weeks with tirzepatide (5 mg weekly), then tirzepatide "
     "monotherapy in the extension, or to metformin and sitagliptin alone. Severe hypoglycaemia "
     "was reported in 12 of 156 participants given tirzepatide and in 5 of 154 given metformin "
     "and sitagliptin alone.",
     "metformin + sitagliptin + tirzepatide", "tirzepatide", (156, 154)),
])
def test_an_add_on_option_written_in_pieces_is_one_arm(nlp, text, combination, added,
                                                       sizes) -> None:
    # Doses and schedules between the drugs of one option, and the added drug named again,
    # make no options of their own: the backbone given alone is the add-on's control.
    rows = {(r[1], r[2], r[3]) for r in _rows(nlp, text)}
    assert rows == {(sizes[0], combination, "received"), (sizes[1], added, "not_received")}


def test_arms_sized_one_by_one_are_no_option_in_pieces(nlp) -> None:
    rows = {(r.cohort_size, r.drug, r.drug_status) for r in analyse(clean_text(
        "In all, 330 adults were randomized to alpelisib 300 mg daily plus fulvestrant "
        "(n = 110), alpelisib 300 mg daily as monotherapy (n = 111) or fulvestrant alone "
        "(n = 109).\n\nThe safety population comprised 321 patients: combination, "
        "n = 108; alpelisib monotherapy, n = 107; fulvestrant alone, n = 106."),
        nlp=nlp).rows}
    assert (107, "alpelisib", "received") in rows and (106, "alpelisib", "not_received") in rows


def test_arms_that_each_add_their_drug_to_one_backbone_stay_apart() -> None:
    from pipeline.nlp.cohorts.arms import joined_add_on
    pieces = [("carboplatin", False), ("paclitaxel + ramucirumab", False),
              ("ramucirumab", False), ("carboplatin + paclitaxel", True)]
    assert joined_add_on(pieces) == [("carboplatin + paclitaxel + ramucirumab", False),
                                     ("carboplatin + paclitaxel", True)]
    two_arms = [("bevacizumab + folfox", False), ("cetuximab + folfox", False), ("folfox", True)]
    assert joined_add_on(two_arms) is None


@pytest.mark.parametrize(("text", "drug"), [
    ("Adults with episodic migraine who had not responded to topiramate or propranolol were "
     "randomized at 40 sites (N = 201 for ABX221 and N = 199 for placebo). Freedom from pain at "
     "2 hours occurred in 60 of 201 in the ABX221 group and in 30 of 199 in the placebo group.",
     "abx221"),
    ("Between 2021 and 2023, 410 adults cured of cellulitis with cefazolin or clindamycin were "
     "randomized (N = 206 for lefamulin and N = 204 for placebo). Recurrence occurred in 18 of "
     "206 in the lefamulin group and in 35 of 204 in the placebo group.", "lefamulin"),
])
def test_the_placebo_arm_lacks_the_drug_sized_beside_it(nlp, text, drug) -> None:
    # Drugs named earlier in the sentence (what the patients had before) are not what the
    # placebo stands in for.
    rows = _rows(nlp, text)
    assert {(r[2], r[3]) for r in rows} == {(drug, "received"), (drug, "not_received")}


def test_a_placebo_listed_after_two_sized_arms_lacks_the_first(nlp) -> None:
    rows = _rows(nlp, "Adults with chronic cough who had failed gabapentin were randomized "
                      "(N = 90 for morphine, N = 91 for morphine plus pregabalin, and "
                      "N = 89 for placebo). Response occurred in 40 of 90, 48 of 91 and 22 "
                      "of 89 participants, respectively.")
    assert {(r[1], r[2], r[3]) for r in rows} == {
        (90, "morphine", "received"), (91, "morphine + pregabalin", "received"),
        (89, "morphine", "not_received")}


def test_options_listed_with_a_comma_before_or_are_each_an_arm(nlp) -> None:
    # "A plus chemotherapy, A plus B and chemotherapy, or C plus chemotherapy": three options
    # (the comma before "or" ends a list, as it does without the comma).
    rows = _rows(nlp, "Adults with gastric cancer were randomly assigned to zolbetuximab plus "
                      "chemotherapy, zolbetuximab plus nivolumab and chemotherapy, or nivolumab "
                      "plus chemotherapy. Objective responses occurred in 60 of 120 patients "
                      "given zolbetuximab plus chemotherapy, 70 of 121 given zolbetuximab plus "
                      "nivolumab and chemotherapy, and 50 of 119 given nivolumab plus "
                      "chemotherapy.")
    assert {(r[1], r[2]) for r in rows} == {(120, "zolbetuximab"),
                                            (121, "nivolumab + zolbetuximab"),
                                            (119, "nivolumab")}


@pytest.mark.parametrize(("group", "drug"), [
    ("the durvalumab-chemotherapy group", "durvalumab"),
    ("the Keytruda-chemo arm", "pembrolizumab"),
])
def test_a_drug_hyphenated_to_chemotherapy_names_its_arm(nlp, group, drug) -> None:
    rows = _rows(nlp, f"Death occurred in 40 of 150 patients in {group} and in 55 of 148 in "
                      "the chemotherapy-alone group.")
    assert {(r[1], r[2], r[3]) for r in rows} == {(150, drug, "received"),
                                                  (148, drug, "not_received")}


@pytest.mark.parametrize(("first", "second"), [("Maintenance", "Observation"),
                                                ("Observation", "Maintenance")])
def test_table_columns_of_arms_of_one_size_are_each_their_own_arm(nlp, first, second) -> None:
    # A column named by no treatment takes the arm the named column left.
    text = ("After induction, 180 adults in remission were randomly assigned to maintenance "
            "with mirikizumab every 4 weeks (maintenance group, n = 90) or to observation "
            "(observation group, n = 90).\n\nTable 2. Outcomes\n"
            f"Outcome | {first} (n = 90) | {second} (n = 90)\n"
            "Relapse | 12 (13.3) | 30 (33.3)\n")
    rows = _rows(nlp, text)
    relapse = {(r[3], r[6]) for r in rows}
    expected = {("received", 12), ("not_received", 30)} if first == "Maintenance" \
        else {("not_received", 12), ("received", 30)}
    assert relapse == expected


LINK_SETTINGS = LinkSettings.from_dict(read_json_file(MODELS_DIR / "rules" / "linking.json"))


@pytest.mark.parametrize(("text", "groups"), [
    ("A trial compared cabozantinib plus atezolizumab with sunitinib in kidney cancer.",
     ["atezolizumab + cabozantinib", "sunitinib"]),
    ("The study compares durvalumab plus tremelimumab to sorafenib in liver cancer.",
     ["durvalumab + tremelimumab", "sorafenib"]),
])
def test_a_combination_compared_with_a_drug_stays_apart_from_it(nlp, text, groups) -> None:
    doc = nlp(text)
    with reading(doc):
        found = drug_groups(doc, [e for e in doc.ents if e.label_ == "DRUG"], LINK_SETTINGS)
    assert [g[0] for g in found] == groups


@pytest.mark.parametrize("comparison", ["comparing sotorasib with docetaxel",
                                        "that compared sotorasib to docetaxel",
                                        "comparing sotorasib and the older drug docetaxel",
                                        "comparing sotorasib with docetaxel plus nintedanib"])
def test_a_comparison_with_joins_no_combination(nlp, comparison) -> None:
    rows = _rows(nlp, f"In this single-arm study, 40 of 75 patients given sotorasib had a "
                      f"response. A randomised trial {comparison} is planned.")
    assert {(r[2], r[6]) for r in rows} == {("sotorasib", 40)}


def test_a_labelled_placebo_arm_lacks_what_the_active_arm_defined_beside_it_had(nlp) -> None:
    # A later sentence that names the background drug last does not make it the tested one.
    rows = _rows(nlp, "Adults were randomly assigned 1:1 to Group 1, tezspilimab 210 mg every "
                      "4 weeks plus metformin, or Group 2, matching placebo plus metformin. "
                      "Metformin was continued at a stable dose throughout. In all, 300 "
                      "participants were randomized: 151 to Group 1 and 149 to Group 2. "
                      "Severe hypoglycaemia occurred in 6 patients in Group 1 and 4 in Group 2.")
    assert {(r[1], r[2], r[3]) for r in rows} == {(151, "metformin + tezspilimab", "received"),
                                                  (149, "tezspilimab", "not_received")}


@pytest.mark.parametrize("name", ["(the vopratelimab group)", "(vopratelimab group)"])
def test_an_option_named_by_its_added_drug_in_brackets_is_the_whole_option(nlp, name) -> None:
    rows = _rows(nlp, "Patients were randomly assigned to vopratelimab 240 mg plus nivolumab "
                      f"480 mg every 4 weeks {name} or to placebo plus nivolumab (the control "
                      "group). In all, 212 patients were randomized: 106 to the vopratelimab "
                      "group and 106 to the control group. Death occurred in 30 patients in "
                      "the vopratelimab group and 41 in the control group.")
    assert {(r[2], r[3], r[6]) for r in rows} == {("nivolumab + vopratelimab", "received", 30),
                                                  ("vopratelimab", "not_received", 41)}


@pytest.mark.parametrize("named", ["the zongertinib regimen", "the zongertinib combination"])
def test_a_drug_before_regimen_names_its_combination(nlp, named) -> None:
    rows = _rows(nlp, "The trial tested zongertinib in combination with trastuzumab and "
                      "docetaxel. A response was seen in 70 of 120 patients given "
                      f"{named} versus 40 of 118 given placebo with trastuzumab and docetaxel.")
    assert ("outcome", 120, "docetaxel + trastuzumab + zongertinib", "received", "response",
            "response", 70) in rows
@pytest.mark.parametrize(("sentence", "mention"), [
    ("Recurrent stroke occurred in 14 patients in the cilostazol group and 25 in the aspirin "
     "group.", "Recurrent stroke"),
    ("Recurrent venous thromboembolism was recorded in 14 patients in the cilostazol group and "
     "25 in the aspirin group.", "Recurrent venous thromboembolism"),
    ("Recurrent nonfatal myocardial infarction occurred in 14 patients in the cilostazol group "
     "and 25 in the aspirin group.", "Recurrent nonfatal myocardial infarction")])
def test_an_end_point_said_to_recur_is_a_recurrence(nlp, sentence, mention) -> None:
    rows = _rows(nlp, "A total of 600 patients were randomly assigned to cilostazol (n = 300) or "
                      f"aspirin (n = 300). {sentence}")
    assert {(r[1], r[4], r[5], r[6]) for r in rows} == {(300, "recurrence", mention, 14),
                                                         (300, "recurrence", mention, 25)}


def test_a_harm_said_to_recur_stays_a_harm(nlp) -> None:
    rows = _rows(nlp, "A total of 400 patients were randomly assigned to cefepime (n = 200) or "
                      "meropenem (n = 200). Adverse events included recurrent urinary tract "
                      "infections in 9 patients in the cefepime group.")
    assert all(r[4] != "recurrence" for r in rows)


@pytest.mark.parametrize(("subject", "mention"), [
    ("Death or dependency at 90 days", "Death or dependency"),
    ("Death or severe disability", "Death or severe disability"),
    ("Admission to intensive care or death", "Admission to intensive care or death")])
def test_death_in_a_composite_with_an_event_outside_the_vocabulary_is_other(
        nlp, subject, mention) -> None:
    rows = _rows(nlp, "A total of 500 adults were randomly assigned to tocilizumab (n = 250) or "
                      f"placebo (n = 250). {subject} occurred in 61 patients in the tocilizumab "
                      "group and 84 in the placebo group.")
    assert {(r[3], r[4], r[5], r[6]) for r in rows} == {
        ("received", "other", mention, 61), ("not_received", "other", mention, 84)}


def test_death_or_an_event_of_the_vocabulary_keeps_that_event(nlp) -> None:
    rows = _rows(nlp, "A total of 500 adults were randomly assigned to olaparib (n = 250) or "
                      "placebo (n = 250). Death or progression occurred in 61 patients in the "
                      "olaparib group and 84 in the placebo group.")
    assert {r[4] for r in rows} == {"progression"}


def test_a_second_header_row_keeps_the_harm_its_table_title_names(nlp) -> None:
    rows = _rows(nlp, "A total of 125 children were randomly assigned to selumetinib or "
                      "placebo.\n\nTable 3. Adverse events, n (%)\nEvent | Selumetinib | Placebo\n"
                      " | n = 64 | n = 61\nParonychia | 20 (31.3) | 2 (3.3)\nDecreased left "
                      "ventricular ejection fraction | 4 (6.3) | 1 (1.6)\nElevated creatine "
                      "phosphokinase | 15 (23.4) | 3 (4.9)\n")
    assert {(r[1], r[4], r[6]) for r in rows if r[5] != "Paronychia"} == {
        (64, "adverse_event", 4), (61, "adverse_event", 1),
        (64, "adverse_event", 15), (61, "adverse_event", 3)}


@pytest.mark.parametrize("sentence", [
    "Reasons for switching were insufficient response in 29 patients and relapse in 8.",
    "Treatment was stopped early by 30 patients in the ozanimod group; the reasons were lack "
    "of efficacy in 12 patients and disease progression in 8.",
    "The most common reasons for screening failure were a haemoglobin level below 9 g/dL "
    "(21 patients) and an abnormal electrocardiogram (14 patients)."])
def test_events_given_as_reasons_for_stopping_are_no_outcome_counts(nlp, sentence) -> None:
    rows = _rows(nlp, "A total of 300 patients were randomly assigned to ozanimod (n = 200) or "
                      f"placebo (n = 100). {sentence}")
    assert rows == set()


@pytest.mark.parametrize(("sentence", "mention"), [
    ("Resolution of dactylitis occurred in 40 of 70 patients in the velarimab group and 18 of 68 "
     "in the placebo group.", "Resolution of dactylitis"),
    ("Improvement in fatigue was reported by 40 of 70 patients in the velarimab group and 18 of "
     "68 in the placebo group.", "Improvement in fatigue")])
def test_the_resolution_of_a_symptom_is_an_end_point_not_a_harm(nlp, sentence, mention) -> None:
    rows = _rows(nlp, "A total of 138 adults with psoriatic arthritis were randomly assigned to "
                      f"velarimab (n = 70) or placebo (n = 68). {sentence}")
    assert {(r[1], r[4], r[5], r[6]) for r in rows} == {(70, "other", mention, 40),
                                                         (68, "other", mention, 18)}


@pytest.mark.parametrize("events", ["major adverse cardiovascular events",
                                    "severe asthma attacks", "acute gout flares"])
def test_a_count_that_had_events_without_an_article_counts_them(nlp, events) -> None:
    rows = _rows(nlp, "A total of 400 adults were randomly assigned to velarimab (n = 200) or "
                      f"placebo (n = 200). Nine patients in the placebo group had {events}.")
    assert {(r[1], r[3], r[5], r[6]) for r in rows} == {(200, "not_received", events, 9)}


@pytest.mark.parametrize("breakdown", ["one of sepsis and one of a stroke",
                                       "one from sepsis and one from a pulmonary embolism"])
def test_a_count_broken_down_by_cause_gives_no_rows_for_its_parts(nlp, breakdown) -> None:
    rows = _rows(nlp, "Seventy-eight children were randomly assigned to obinutuzumab (n = 40) or "
                      "placebo (n = 38). Two deaths occurred in the placebo group, "
                      f"{breakdown}.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(38, "death", 2)}


def test_a_count_of_a_group_named_after_from_is_still_a_count(nlp) -> None:
    rows = _rows(nlp, "Seventy-eight children were randomly assigned to obinutuzumab (n = 40) or "
                      "placebo (n = 38). Relapse occurred in 12 children, 3 from the obinutuzumab "
                      "group and 9 from the placebo group.")
    assert {(r[1], r[6]) for r in rows if r[4] == "recurrence"} >= {(40, 3), (38, 9)}


def test_a_dose_reduction_is_no_harm_of_its_own(nlp) -> None:
    rows = _rows(nlp, "Forty patients with lymphoma received pirtobrutinib. Eight of the 40 "
                      "patients required dose reductions.")
    assert rows == set()


@pytest.mark.parametrize(("apposition", "outcome"), [
    ("relapse of infection within 30 days", "recurrence"),
    ("complete remission at week 24", "remission"),
    ("a composite of death or hospitalisation for heart failure", "other")])
def test_an_apposition_after_the_primary_end_point_names_the_event(nlp, apposition,
                                                                   outcome) -> None:
    rows = _rows(nlp, "A total of 300 patients were randomly assigned to fidaxomicin (n = 150) or "
                      f"vancomycin (n = 150). The primary end point, {apposition}, occurred in "
                      "20 patients in the fidaxomicin group and 35 in the vancomycin group.")
    assert {(r[1], r[2], r[4], r[6]) for r in rows} == {
        (150, "fidaxomicin", outcome, 20), (150, "vancomycin", outcome, 35)}


@pytest.mark.parametrize("judgement", [
    "none of which was considered related to the trial drug",
    "none judged to be related to treatment",
    "and the committee considered none of them to be related to the study drug"])
def test_a_none_that_weighs_the_cause_of_the_events_is_no_zero(nlp, judgement) -> None:
    rows = _rows(nlp, "A total of 300 adults were randomly assigned to sotatercept (n = 150) or "
                      "placebo (n = 150). Serious adverse events occurred in 12 patients in the "
                      f"sotatercept group and 9 in the placebo group, {judgement}.")
    assert {r[6] for r in rows} == {12, 9}


def test_a_none_for_a_named_group_is_still_a_zero(nlp) -> None:
    rows = _rows(nlp, "A total of 300 adults were randomly assigned to sotatercept (n = 150) or "
                      "placebo (n = 150). Epistaxis occurred in 12 patients in the sotatercept "
                      "group and in none in the placebo group.")
    assert (150, 0) in {(r[1], r[6]) for r in rows}


@pytest.mark.parametrize("index", ["Eczema Area and Severity Index", "EASI score"])
def test_a_share_of_improvement_in_an_index_named_in_full_is_a_response(nlp, index) -> None:
    rows = _rows(nlp, "A total of 180 adults were randomly assigned to lebrikizumab (n = 121) or "
                      f"placebo (n = 59). A 75% improvement in the {index} was reached by 58 of "
                      "121 receiving lebrikizumab and 6 of 59 receiving placebo.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(121, "response", 58), (59, "response", 6)}


def test_counts_that_form_an_analysis_population_are_no_events(nlp) -> None:
    rows = _rows(nlp, "A total of 300 children were randomly assigned to artesunate (n = 150) or "
                      "quinine (n = 150). Of these, 141 in the artesunate group and 139 in the "
                      "quinine group had malaria confirmed by microscopy and formed the per-protocol "
                      "population.")
    assert rows == set()


def test_becoming_infected_is_an_event_of_a_prevention_trial(nlp) -> None:
    rows = _rows(nlp, "A total of 2000 adults were randomly assigned to cabotegravir (n = 1000) or "
                      "tenofovir (n = 1000). Three participants in the cabotegravir group and 12 in "
                      "the tenofovir group became infected with HIV.")
    assert {(r[2], r[4], r[6]) for r in rows} == {("cabotegravir", "other", 3),
                                                  ("tenofovir", "other", 12)}
@pytest.mark.parametrize(("text", "expected"), [
    ("Of 430 adults with chronic migraine, 216 were randomly assigned to eptinezumab and 214 "
     "to placebo, and 389 completed the trial: 190 of 216 in the eptinezumab group and 199 of "
     "214 in the placebo group. A 50% responder rate was reached by 120 of 216 "
     "participants with eptinezumab and 71 of 214 with placebo. Among the 180 participants "
     "with medication overuse at baseline, a response occurred in 49 of 92 with eptinezumab "
     "and 26 of 88 with placebo. Nasopharyngitis occurred in 21 participants (9.7%) in the "
     "eptinezumab group and 15 (7.0%) in the placebo group. There were 3 deaths in the "
     "eptinezumab group and 2 in the placebo group.",
     {(216, "death", 3), (214, "death", 2)}),
    ("A total of 602 patients with atrial fibrillation were enrolled at 40 centres. In all, "
     "301 chose apixaban and 301 chose warfarin. Stroke occurred in 8 of the 301 patients on "
     "apixaban and 14 of the 301 on warfarin. Among the 120 patients older than 80 years, "
     "stroke occurred in 3 of 61 on apixaban and 7 of 59 on warfarin. Major bleeding "
     "occurred in 9 patients in the apixaban group and 18 in the warfarin group.",
     {(301, "adverse_event", 9), (301, "adverse_event", 18)}),
])
def test_a_group_named_by_its_treatment_after_a_subgroup_is_the_arm(nlp, text, expected) -> None:
    # The wholes of a subgroup's fractions ("49 of 92 with X") were that sentence's groups;
    # a later "in the X group" without a size is the arm, not the latest part of it.
    rows = {(r[1], r[4], r[6]) for r in _rows(nlp, text)}
    assert expected <= rows


def test_harm_wholes_in_the_arms_order_size_later_judged_deaths(nlp) -> None:
    # "35/61" and "40/60" name no treatment: their place in the list of the arms does, and
    # the deaths the sentence after judges against the treatment are of those treated.
    rows = _rows(nlp, "In this randomised trial of velotinib, 190 patients with gastric "
                      "cancer were assigned: 64 to the 20 mg group, 63 to the 40 mg group "
                      "and 63 to the docetaxel group. Grade 3 or higher adverse events occurred "
                      "in 30/64 (46.9%), 35/61 (57.4%) and 40/60 (66.7%) patients in the "
                      "safety population. Treatment-related deaths occurred in one patient "
                      "in the 20 mg group, two in the 40 mg group and three in the docetaxel "
                      "group.")
    assert {(r[1], r[6]) for r in rows if r[4] == "death"} == {(64, 1), (61, 2), (60, 3)}


@pytest.mark.parametrize("subgroup", [
    "Among the 150 patients older than 75 years, 76 on tirzepatide and 74 on placebo, "
    "remission of diabetes occurred in 50 percent and 25 percent, respectively.",
    "In the 150 patients older than 75 years (76 in the tirzepatide group and 74 in the "
    "placebo group), the target was reached in 50% versus 25%.",
])
def test_counts_naming_each_arm_before_shares_size_the_parts_the_shares_are_of(nlp,
                                                                            subgroup) -> None:
    rows = _rows(nlp, "A total of 620 adults with obesity were randomly assigned to "
                      "tirzepatide (n = 311) or placebo (n = 309). " + subgroup)
    assert {(r[1], r[3], r[6]) for r in rows} == {(76, "received", 38), (74, "not_received", 18)}


def test_counts_of_an_outcome_named_before_them_stay_counts_before_other_shares(nlp) -> None:
    rows = _rows(nlp, "A total of 620 adults with obesity were randomly assigned to "
                      "tirzepatide (n = 311) or placebo (n = 309). Grade 3 nausea occurred in "
                      "49 patients on tirzepatide and 18 on placebo, while vomiting was more "
                      "common with tirzepatide (12.1% vs. 5.2%).")
    assert {(49, 311), (18, 309)} <= {(r[6], r[1]) for r in rows}


def test_those_assessed_for_one_measure_are_not_the_arms_of_later_shares(nlp) -> None:
    # 151 of 160 and 149 of 158 (94%) had the week-24 scan: a group of that measure, not an
    # analysis population that later counts of the arms are of.
    rows = _rows(nlp, "We randomly assigned 318 adults with psoriatic arthritis to bimekizumab "
                      "(n = 160) or placebo (n = 158). Radiographic progression at week 24 was "
                      "seen in 20 of 151 patients (13.2%) in the bimekizumab group and 41 of "
                      "149 (27.5%) in the placebo group. An ACR50 response occurred in 45.0% "
                      "and 10.1% of the patients, respectively.")
    assert {(r[1], r[6]) for r in rows if r[4] == "response"} == {(160, 72), (158, 16)}


@pytest.mark.parametrize("counts", ["61 and 22 of them, respectively",
                                    "61 and 22 of these patients, respectively"])
def test_a_list_of_them_respectively_counts_the_groups_just_sized(nlp, counts) -> None:
    rows = _rows(nlp, "A total of 400 adults with asthma were randomly assigned to tezepelumab "
                      "(n = 200) or placebo (n = 200). Spirometry of adequate quality was "
                      "available for 300 participants (152 in the tezepelumab group and 148 in "
                      f"the placebo group). A response was seen in {counts}.")
    assert {(r[1], r[3], r[6]) for r in rows} == {(152, "received", 61),
                                                  (148, "not_received", 22)}


def test_a_safety_population_listing_a_whole_arm_still_sizes_the_harms(nlp) -> None:
    # "238 and 120": the placebo arm was treated whole, yet the list is of those treated.
    rows = _rows(nlp, "We randomly assigned 360 adults with gastroparesis to receive "
                      "relamorelin (240 patients) or placebo (120 patients). Two patients in "
                      "the relamorelin group did not receive any trial drug, whereas all 120 "
                      "patients assigned to placebo received at least one dose; the safety "
                      "population therefore included 238 and 120 patients, respectively. A "
                      "total of 41 patients in the relamorelin group and 25 in the placebo "
                      "group discontinued the trial regimen. Adverse events were the reason "
                      "for discontinuation in 9 patients who received relamorelin and in 3 "
                      "who received placebo.")
    assert {(r[1], r[6]) for r in rows if r[4] == "adverse_event"} == {(238, 9), (120, 3)}


@pytest.mark.parametrize(("frame", "count"), [
    ("Of the 37 patients who needed steroids at baseline, 14 achieved remission.", 14),
    ("Among the 40 participants with a baseline eGFR below 60, 9 had a relapse.", 9),
])
def test_baseline_inside_the_opening_group_is_who_they_are(nlp, frame, count) -> None:
    rows = _rows(nlp, "We enrolled 300 adults with ulcerative colitis who received "
                      "mirikizumab. " + frame)
    assert {r[6] for r in rows} == {count}


@pytest.mark.parametrize("predicate", ["were in clinical remission",
                                       "were also in deep remission",
                                       "remained in complete remission"])
def test_a_state_in_a_modified_outcome_is_the_count_s_outcome(nlp, predicate) -> None:
    rows = _rows(nlp, "We enrolled 300 adults with Crohn disease who received guselkumab. Of "
                      f"the 151 patients who had an endoscopic response, 118 {predicate} at "
                      "week 48.")
    assert {(r[1], r[4], r[6]) for r in rows} == {(151, "remission", 118)}


@pytest.mark.parametrize("code", ["KT-1022", "AB-4410"])
def test_a_stop_of_a_drug_named_by_its_code_because_of_harms_is_a_harm(nlp, code) -> None:
    rows = _rows(nlp, f"Tumours shrank in 80 of the 210 patients treated with ravotecan ({code}) "
                      f"and in 35 of the 205 who received topotecan. Seventeen people stopped "
                      f"{code} because of side effects, compared with 10 who stopped topotecan.")
    assert {(r[1], r[6]) for r in rows if r[4] == "adverse_event"} == {(210, 17), (205, 10)}


def test_harms_of_a_sentence_stay_with_the_treated_group_it_counted_first(nlp) -> None:
    rows = _rows(nlp, "Between 2023 and 2025, 64 patients were enrolled to receive zongertinib "
                      "120 mg daily. Sixty-one of them received at least one dose and were "
                      "included in the safety analysis. Rash occurred in 40 of the 61 treated "
                      "patients; three patients discontinued zongertinib because of adverse "
                      "events.")
    assert {(r[1], r[6]) for r in rows if r[4] == "adverse_event"} == {(61, 40), (61, 3)}


def test_pairs_of_shares_that_fit_both_arms_start_each_pair_at_the_first_arm(nlp) -> None:
    # 4/240 and 4/239 are both 1.7%: the order of the pair says which arm each count is of.
    rows = _rows(nlp, "Among 479 randomized participants, 240 were assigned to deucravacitinib "
                      "and 239 to placebo, and 430 (89.8%) completed the trial: 214 of 240 in "
                      "the deucravacitinib group and 216 of 239 in the placebo group. Serious "
                      "adverse events were "
                      "reported in 10 (4.2%) vs 8 (3.3%) participants, herpes zoster in 4 "
                      "(1.7%) vs 1 (0.4%), and adverse events leading to discontinuation in 12 "
                      "(5.0%) vs 6 (2.5%).")
    assert {(r[1], r[6]) for r in rows if r[4] == "adverse_event"} == {
        (240, 10), (239, 8), (240, 4), (239, 1), (240, 12), (239, 6)}


@pytest.mark.parametrize(("definition", "later", "drug"), [
    ("to accelerated titration of sacubitril-valsartan plus spironolactone (n=151) or to "
     "conventional titration of sacubitril-valsartan (n=150)", "the conventional group",
     "sacubitril + valsartan"),
    ("to extended anticoagulation with apixaban plus aspirin (n=151) or to short-course "
     "apixaban (n=150)", "the short-course group", "apixaban"),
    ("to short-course apixaban (n=150) or to extended anticoagulation with apixaban plus "
     "aspirin (n=151)", "the extended group", "apixaban + aspirin"),
])
def test_an_arm_named_later_by_a_word_of_its_own_definition(nlp, definition: str, later: str,
                                                            drug: str) -> None:
    text = (f"In all, 301 adults were randomly assigned {definition}.\n\nBleeding occurred in "
            f"12 participants in {later}.")
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert [r.drug for r in rows if r.row_type == "outcome"] == [drug]


@pytest.mark.parametrize(("first", "second"), [
    ("Group 1 (n = 90) received tirzepatide plus metformin", "Group 2 (n = 88) received placebo "
     "plus metformin"),
    ("Cohort A (64 patients) was given upadacitinib with methotrexate", "Cohort B (61 patients) "
     "was given placebo with methotrexate"),
])
def test_a_label_sized_in_brackets_is_defined_by_the_treatment_after(nlp, first: str,
                                                                     second: str) -> None:
    label_a, label_b = first.split(" (")[0], second.split(" (")[0]
    text = f"{first} and {second}. Remission was seen in 30 patients in {label_a} and 12 in {label_b}."
    rows = analyse(clean_text(text), nlp=nlp).rows
    got = {(r.event_count, r.drug_status) for r in rows if r.row_type == "outcome"}
    assert got == {(30, "received"), (12, "not_received")}


@pytest.mark.parametrize("verb", ["maintained", "sustained"])
def test_an_end_point_kept_by_a_count_is_an_outcome(nlp, verb: str) -> None:
    text = ("We randomly assigned 120 smokers to cytisine (n = 60) or placebo (n = 60). "
            f"Continuous abstinence was {verb} by 17 participants in the cytisine group and "
            "6 in the placebo group.")
    rows = _rows(nlp, text)
    assert {(r[1], r[3], r[4], r[5], r[6]) for r in rows} == {
        (60, "received", "other", "Continuous abstinence", 17),
        (60, "not_received", "other", "Continuous abstinence", 6)}


def test_a_heading_opened_by_a_participle_before_its_outcome(nlp) -> None:
    rows = _rows(nlp, "Adults with psoriasis were randomised to bimekizumab (n = 70) or placebo "
                      "(n = 68). Maintained response at week 52: 51 (72.9%) vs 9 (13.2%).")
    assert {(r[1], r[3], r[4], r[6]) for r in rows} == {(70, "received", "response", 51),
                                                        (68, "not_received", "response", 9)}


def test_a_header_with_an_empty_label_cell_names_the_arms_of_its_columns(nlp) -> None:
    text = ("We randomly assigned 180 adults with gout to febuxostat (n = 90) or allopurinol "
            "(n = 90).\n\nTable 2. Outcomes at 12 months\n | Febuxostat | Allopurinol\n"
            "Gout flare | 21 (23.3) | 30 (33.3)")
    rows = _rows(nlp, text)
    assert {(r[1], r[2], r[4], r[6]) for r in rows} == {(90, "febuxostat", "other", 21),
                                                        (90, "allopurinol", "other", 30)}


def test_an_unlabelled_header_without_an_outcome_title_counts_nothing(nlp) -> None:
    text = ("We randomly assigned 180 adults with gout to febuxostat (n = 90) or allopurinol "
            "(n = 90).\n\nTable 1. Baseline characteristics\n | Febuxostat | Allopurinol\n"
            "Women | 21 (23.3) | 30 (33.3)")
    assert _rows(nlp, text) == set()


def test_a_column_named_by_the_backbone_alone_is_the_control_arm(nlp) -> None:
    text = ("Adults with myeloma were randomly assigned to isatuximab plus dexamethasone "
            "(n = 80) or dexamethasone alone (n = 78).\n\nTable 2. Outcomes\n"
            " | Isatuximab plus dexamethasone | Dexamethasone\n"
            "Very good partial response | 28 (35.0) | 12 (15.4)")
    rows = _rows(nlp, text)
    assert {(r[1], r[2], r[3], r[6]) for r in rows} == {
        (80, "dexamethasone + isatuximab", "received", 28),
        (78, "isatuximab", "not_received", 12)}


def test_a_column_named_by_a_procedure_backbone_is_the_control_arm(nlp) -> None:
    text = ("Women were randomly assigned to olaparib with radiotherapy (n = 60) or "
            "radiotherapy alone (n = 61).\n\nTable 2. Outcomes\n"
            " | Olaparib with radiotherapy | Radiotherapy\nLocal recurrence | 3 (5.0) | 9 (14.8)")
    rows = _rows(nlp, text)
    assert {(r[1], r[3], r[6]) for r in rows} == {(60, "received", 3), (61, "not_received", 9)}


@pytest.mark.parametrize("rating", ["less frequent", "rarer", "less common"])
def test_an_end_point_rated_as_less_frequent_is_the_copulas_subject(nlp, rating: str) -> None:
    text = ("Smokers were randomised to varenicline (n = 90) or nicotine patch (n = 88). "
            f"Return to daily smoking was {rating} with varenicline (21 of 90) than with the "
            "patch (35 of 88).")
    rows = _rows(nlp, text)
    assert {(r[1], r[4], r[5], r[6]) for r in rows} == {
        (90, "other", "Return to daily smoking", 21), (88, "other", "Return to daily smoking", 35)}


@pytest.mark.parametrize("verb", ["were confirmed", "were reported"])
def test_cases_of_a_disease_that_arose_are_an_outcome(nlp, verb: str) -> None:
    text = ("Older adults were randomised to zoster vaccine (n = 900) or placebo (n = 900). "
            f"In all, 9 cases of shingles {verb} in the vaccine group and 41 in the "
            "placebo group.")
    rows = _rows(nlp, text)
    assert {(r[1], r[3], r[4], r[5], r[6]) for r in rows} == {
        (900, "received", "other", "shingles", 9),
        (900, "not_received", "other", "shingles", 41)}


def test_cases_of_a_disease_that_were_treated_are_patients(nlp) -> None:
    assert _rows(nlp, "We reviewed 38 cases of uveal melanoma that were treated with "
                      "tebentafusp.") == set()


def test_a_column_named_by_the_words_before_a_groups_size_is_that_group(nlp) -> None:
    text = ("In a factorial design, 600 adults were randomly assigned to losartan (n = 150), "
            "amlodipine (n = 150), both (n = 150) or placebo (n = 150).\n\n"
            "Table 2. Outcomes\nOutcome | Losartan | Amlodipine | Both | Placebo\n"
            "Kidney failure | 14 (9.3) | 16 (10.7) | 9 (6.0) | 25 (16.7)")
    rows = _rows(nlp, text)
    assert {(r[1], r[6]) for r in rows} == {(150, 14), (150, 16), (150, 9), (150, 25)}


@pytest.mark.parametrize(("text", "sizes"), [
    ("Adults with episodic migraine were randomly assigned to erenumab or placebo. The "
     "per-protocol population included 301 participants who had received erenumab and 298 who "
     "had received placebo. In the per-protocol population, a response occurred in 150 "
     "participants in the erenumab group and 90 in the placebo group.",
     {("erenumab", "received", 150, 301), ("erenumab", "not_received", 90, 298)}),
    ("Patients with previously treated lung cancer were randomly assigned to tislelizumab or "
     "docetaxel. The safety analysis covered 250 patients who had been given tislelizumab and "
     "247 who had been given docetaxel. Serious adverse events occurred in 60 patients in the "
     "tislelizumab group and 80 in the docetaxel group.",
     {("tislelizumab", "received", 60, 250), ("docetaxel", "received", 80, 247)}),
])
def test_a_group_named_by_what_it_had_received_in_a_perfect_relative_clause(
        nlp, text: str, sizes: set) -> None:
    # "1,869 who had received placebo": the group an arm's later counts are over.
    rows = _rows(nlp, text)
    assert {(r[2], r[3], r[6], r[1]) for r in rows} == sizes


@pytest.mark.parametrize(("text", "sizes"), [
    ("Between 2021 and 2023, 300 patients with ovarian cancer were randomly assigned: 100 to "
     "olaparib, 100 to rucaparib, and 100 to the combination.\n\nIn the safety population "
     "(olaparib n = 98, rucaparib n = 97, combination n = 99), grade 3 or worse adverse events "
     "occurred in 40 (41%), 52 (54%), and 60 (61%) patients, respectively. Anaemia of grade 3 "
     "occurred in 20 (20%), 25 (26%), and 30 (30%) patients.",
     {(40, 98), (52, 97), (60, 99), (20, 98), (25, 97), (30, 99)}),
    ("Adults with moderate asthma were randomized to tezepelumab (n = 150) or placebo "
     "(n = 150). Exacerbations occurred in 30 and 55 patients, respectively.\n\nAmong the "
     "per-protocol population (tezepelumab, n = 141; placebo, n = 139), 28 and 50 patients, "
     "respectively, had an exacerbation. Hospitalization was needed by 3 and 9 patients.",
     {(30, 150), (55, 150), (28, 141), (50, 139), (3, 141), (9, 139)}),
])
def test_an_opening_population_with_its_sizes_in_brackets_holds_for_its_paragraph(
        nlp, text: str, sizes: set) -> None:
    # the counts after the opening, in that sentence and the next, are of its groups
    rows = _rows(nlp, text)
    assert {(r[6], r[1]) for r in rows} == sizes


_PER_PROTOCOL = ("From 2020 to 2022, {total} adults were randomly assigned to two doses of the "
                 "{vaccine} (RZV) or placebo. The per-protocol population included {a} "
                 "participants who had received RZV and {b} who had received placebo. A total "
                 "of 300 participants in the per-protocol population were taking methotrexate. "
                 "Before the end of the study, 30 participants in the vaccine group and 35 in "
                 "the placebo group withdrew consent; 800 participants completed the final "
                 "visit.\n\nIn the per-protocol population, {event} in {x} participants in "
                 "the vaccine group and {y} in the placebo group.")


@pytest.mark.parametrize(("text", "sizes"), [
    (_PER_PROTOCOL.format(total=900, vaccine="adjuvanted recombinant zoster vaccine", a=420,
                          b=415, event="herpes zoster occurred", x=4, y=30),
     {(4, 420), (30, 415)}),
    (_PER_PROTOCOL.format(total="1,000", vaccine="recombinant adjuvanted zoster vaccine", a=480,
                          b=470, event="shingles was confirmed", x=6, y=41),
     {(6, 480), (41, 470)}),
])
def test_a_population_defined_by_its_arms_wins_over_a_part_of_it_named_after(
        nlp, text: str, sizes: set) -> None:
    # "In the per-protocol population": the groups of each arm it was defined with ("420 who
    # had received RZV"), not "300 participants in the per-protocol population" nor the
    # withdrawals stated after them
    rows = _rows(nlp, text)
    assert {(r[6], r[1]) for r in rows} == sizes


@pytest.mark.parametrize("frame", [
    "Of the 81 patients in the rifaximin group and the 104 in the lactulose group who had a "
    "breakthrough episode, 36 and 53, respectively, required rescue therapy.",
    "Among the 81 patients in the rifaximin group and 104 patients in the lactulose group who "
    "had an episode, 36 and 53, respectively, were admitted to hospital.",
])
def test_an_opening_frame_that_names_a_group_of_each_arm_sizes_the_counts_respectively(
        nlp, frame: str) -> None:
    rows = _rows(nlp, "Adults with cirrhosis were randomly assigned to rifaximin (n = 160) or "
                      "lactulose (n = 158). " + frame)
    assert {(r[2], r[6], r[1]) for r in rows} == {("rifaximin", 36, 81), ("lactulose", 53, 104)}


@pytest.mark.parametrize(("text", "sizes"), [
    ("Adults with hypertension were randomly assigned to lorundrostat 50 mg (n = 163), "
     "lorundrostat 100 mg (n = 161) or placebo (n = 162). Ambulatory monitoring of adequate "
     "quality was available at both baseline and week 12 for 398 participants (134 in the "
     "50-mg group, 131 in the 100-mg group, and 133 in the placebo group). An ambulatory "
     "response was seen in 61, 72, and 21 of them, respectively.",
     {(61, 134), (72, 131), (21, 133)}),
    ("Adults with resistant hypertension were randomized to baxdrostat 1 mg (n = 120), "
     "baxdrostat 2 mg (n = 122) or placebo (n = 118). Home readings of adequate quality were "
     "available at both baseline and week 8 for 300 participants (101 in the 1-mg group, 99 in "
     "the 2-mg group, and 100 in the placebo group). A response was seen in 40, 52, and 15 of "
     "them, respectively.",
     {(40, 101), (52, 99), (15, 100)}),
])
def test_counts_of_them_after_a_breakdown_by_arm_are_of_its_parts(nlp, text: str,
                                                                   sizes: set) -> None:
    # "... for 398 participants (134 in the 50-mg group, ...). ... in 61, 72, and 21 of them"
    rows = _rows(nlp, text)
    assert {(r[6], r[1]) for r in rows} == sizes


@pytest.mark.parametrize("grew", ["the tumour had grown again in", "the cancer grew again in",
                                  "the disease began growing again in"])
def test_a_cancer_that_grew_again_is_a_progression(nlp, grew: str) -> None:
    rows = _rows(nlp, "Overall, 90 patients with sarcoma were randomly assigned, 45 to "
                      "eribulin and 45 to dacarbazine. After a year of follow-up, "
                      f"{grew} 19 of the 45 given eribulin and 27 of the 45 given dacarbazine.")
    assert {(r[1], r[2], r[4], r[6]) for r in rows} == {(45, "eribulin", "progression", 19),
                                                       (45, "dacarbazine", "progression", 27)}


# The outcome word across specialties (corpora/README: the vocabulary holds in every
# specialty; "other" only for what it has no word for). Cure and treatment success are
# responses (tune's gold: "microbiological cure", "treatment success"); disease control and
# clinical benefit, which count stable disease too, are not.

_TWO_ARMS = ("Adults were randomly assigned to cefiderocol (n = 140) or meropenem (n = 138). ")


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Mycological cure at the end of therapy was achieved in 97 of 140 and 88 of 138 "
     "patients.", "response"),
    ("By day 21, 101 patients in the cefiderocol group and 92 in the meropenem group were "
     "clinically cured.", "response"),
    ("Bacteriological cure was documented in 97 and 88 patients, respectively.", "response"),
    ("Treatment success, defined as no fever and a negative culture at day 14, occurred in 97 "
     "of 140 and 88 of 138 patients.", "response"),
    ("In all, 97 and 88 patients, respectively, rated their symptoms as much or very much "
     "improved.", "response"),
    ("Eradication rates were 69% (97 of 140) and 64% (88 of 138), respectively.", "response"),
    ("The infection was eradicated in 97 of 140 and 88 of 138 patients.", "response"),
    ("By the test-of-cure visit the pneumonia was cured in 97 of 140 and 88 of 138.",
     "response"),
    ("Clear or almost clear skin was achieved by 97 of 140 and 88 of 138 patients.",
     "response"),
    ("By week 8, sputum culture conversion had occurred in 97 of 140 and 88 of 138 patients.",
     "response"),
    ("Hospital admission for any reason occurred in 97 of 140 and 88 of 138 patients.",
     "other"),
    ("Adverse events were reported in 97 and 88 patients; admission to hospital was needed by "
     "31 of 140 and 28 of 138.", None),
    ("Disease control was achieved in 97 of 140 and 88 of 138 patients.", "other"),
    ("Three stillbirths occurred in the cefiderocol group and five in the meropenem group.",
     "death"),
    ("Of the 140 given cefiderocol, 9 passed away before day 28, as did 14 of the 138 given "
     "meropenem.", "death"),
])
def test_outcome_words_of_other_specialties(nlp, sentence: str, outcome: str | None) -> None:
    rows = _outcome_kinds(nlp, _TWO_ARMS + sentence)
    if outcome is None:  # a harm, then an admission to hospital ('other', corpora/README)
        assert {r[1] for r in rows if r[2] in {31, 28}} == {"other"}
        return
    assert rows and {r[1] for r in rows} == {outcome}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two years on, 41 of the 70 were alive with no sign that their lymphoma had progressed.",
     (70, "progression_free_survival", 41)),
    ("At three years, 52 of the 70 were alive with no evidence of progression.",
     (70, "progression_free_survival", 52)),
    ("At five years, 38 of the 70 remained alive and free from relapse.",
     (70, "disease_free_survival", 38)),
])
def test_alive_and_free_of_an_event_is_that_survival(nlp, sentence: str,
                                                      expected: tuple) -> None:
    rows = _outcome_kinds(nlp, "In the study, 70 adults with follicular lymphoma received "
                               f"mosunetuzumab. {sentence}")
    assert expected in rows and (expected[0], "survival", expected[2]) not in rows


@pytest.mark.parametrize("sentence", [
    "The clinical benefit rate, which counted stable disease as well, was 62% (31 of 50).",
    "Disease control lasting at least 16 weeks was reported in 31 of the 50 patients.",
])
def test_clinical_benefit_and_disease_control_are_no_response(nlp, sentence: str) -> None:
    rows = _outcome_kinds(nlp, f"In the study, 50 adults with chondrosarcoma took ivosidenib. "
                               f"{sentence}")
    assert rows == {(50, "other", 31)}


@pytest.mark.parametrize("sentence", [
    "The response rate was similar in the two groups.",
    "Median progression-free survival was 11 months with cefiderocol and 9 months with "
    "meropenem.",
    "Cure rates did not differ between the groups.",
])
def test_outcome_words_without_a_count_give_no_row(nlp, sentence: str) -> None:
    assert _outcome_kinds(nlp, _TWO_ARMS + sentence) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("By month 18, 21 of the 150 given riluzole had died or needed tracheostomy ventilation.",
     (150, "other", 21)),
    ("Twelve patients died or required a liver transplant within a year.", (150, "other", 12)),
    ("Twelve patients died or progressed within a year.", (150, "progression", 12)),
])
def test_death_or_a_needed_intervention_is_a_composite(nlp, sentence: str,
                                                       expected: tuple) -> None:
    rows = _outcome_kinds(nlp, f"In the study, 150 adults took riluzole. {sentence}")
    assert rows == {expected}


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Three-year failure-free survival was 81% (97 of 120).", "disease_free_survival"),
    ("At five years, distant metastasis-free survival was 70% (84 of 120).",
     "disease_free_survival"),
    ("Grade 3 or higher treatment-related events occurred in 31 of the 120 patients.",
     "adverse_event"),
    ("A blood clot in a leg vein was diagnosed in 4 of the 120 patients.", "adverse_event"),
])
def test_survival_and_harm_words_of_other_genres(nlp, sentence: str, outcome: str) -> None:
    rows = _outcome_kinds(nlp, "In the study, 120 adults with nasopharyngeal carcinoma "
                               f"received capecitabine after chemoradiotherapy. {sentence}")
    assert {r[1] for r in rows} == {outcome}


@pytest.mark.parametrize("harm", ["Anaphylaxis", "Suicidal ideation", "Hot flushes", "Dehydration",
                                  "Nasal congestion", "Dyskinesia", "Hyperkalaemia", "Side-effects",
                                  "ARIA-H on MRI"])
def test_named_side_effects_of_other_specialties_are_harms(nlp, harm: str) -> None:
    rows = _outcome_kinds(nlp, "Adults with Parkinson disease were randomly assigned to "
                               "opicapone (n = 210) or placebo (n = 208). "
                               f"{harm} occurred in 19 and 6 patients, respectively.")
    assert rows == {(210, "adverse_event", 19), (208, "adverse_event", 6)}


def test_disability_worsening_is_a_progression(nlp) -> None:
    rows = _outcome_kinds(nlp, "Adults with multiple sclerosis were randomly assigned to "
                               "tolebrutinib (n = 300) or teriflunomide (n = 298). Disability "
                               "worsening confirmed at 24 weeks occurred in 33 and 51 patients, "
                               "respectively.")
    assert {r[1] for r in rows} == {"progression"}


@pytest.mark.parametrize("sentence", [
    "No anaphylaxis attributed to omalizumab was reported.",
    "No hepatotoxicity related to omalizumab occurred.",
])
def test_a_zero_of_harms_caused_by_the_drug_names_no_group(nlp, sentence: str) -> None:
    # corpora/README: a trial-wide zero gives no row; the drug is named as the cause
    rows = _outcome_kinds(nlp, "Adults with urticaria were randomly assigned to omalizumab "
                               f"(n = 150) or placebo (n = 152). {sentence}")
    assert rows == set()


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("A reduction of at least 50% in weekly itch episodes was reported by 44 and 18 patients, "
     "respectively.", "response"),
    ("A fall of more than 30% in the pain score occurred in 44 and 18 patients, respectively.",
     "response"),
    ("A reduction in body weight of 5% or more occurred in 44 and 18 patients, respectively.",
     "other"),
])
def test_a_fall_past_a_threshold_defines_responders(nlp, sentence: str, outcome: str) -> None:
    # corpora/README: a response whatever the disease; a fall in body weight is no response
    rows = _outcome_kinds(nlp, "Adults with prurigo nodularis were randomly assigned to "
                               f"nemolizumab (n = 120) or placebo (n = 118). {sentence}")
    assert rows == {(120, outcome, 44), (118, outcome, 18)}


@pytest.mark.parametrize("rated", [
    "rated their itch as much or very much improved",
    "described their nausea as much improved",
])
def test_a_rating_states_the_outcome_after_as(nlp, rated: str) -> None:
    rows = _outcome_kinds(nlp, "Adults with cholestatic pruritus were randomly assigned to "
                               "maralixibat (n = 90) or placebo (n = 88). At week 8, 40 of the 90 "
                               f"patients given maralixibat {rated}, as did 21 of the 88 given "
                               "placebo.")
    assert rows == {(90, "response", 40), (88, "response", 21)}


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Scans showed no remaining tumour in 6 of the 48 patients.", "complete_response"),
    ("In 19 of the 48 patients the cancer stayed the same.", "stable_disease"),
    ("Eleven of the 48 patients developed new metastases within a year.", "progression"),
    ("Three years on, 30 of the 48 patients were still living.", "survival"),
])
def test_plain_words_of_news_stories_for_the_vocabulary(nlp, sentence: str,
                                                        outcome: str) -> None:
    rows = _outcome_kinds(nlp, "In the pilot study, 48 people with bile duct cancer took "
                               f"futibatinib every day. {sentence}")
    assert {r[1] for r in rows} == {outcome}


@pytest.mark.parametrize(("event", "outcome"), [
    ("Peripheral neuropathy of grade 2 or higher", "adverse_event"),
    ("Grade 3 or 4 peripheral neuropathy", "adverse_event"),
    ("Peripheral neuropathy", "other"),
])
def test_a_harm_named_as_an_end_point_stays_a_harm_when_graded(nlp, event: str,
                                                              outcome: str) -> None:
    # corpora/README: an end point of the trial is 'other', a harm reported as one is an
    # adverse event; a toxicity grade says the text reports it as a harm
    grade = event.lower() if event != "Peripheral neuropathy" else "peripheral neuropathy"
    rows = _outcome_kinds(nlp, "Children with Hodgkin lymphoma were randomly assigned to "
                               "brentuximab vedotin (n = 300) or vincristine (n = 297). The "
                               f"secondary end points were event-free survival and {grade}. "
                               f"{event} occurred in 30 and 12 patients, respectively.")
    assert rows == {(300, outcome, 30), (297, outcome, 12)}


@pytest.mark.parametrize("apposition", [
    "defined as a new focal deficit or a seizure",
    "the key secondary end point",
])
def test_a_harm_word_defined_as_an_end_point_is_the_end_point(nlp, apposition: str) -> None:
    rows = _outcome_kinds(nlp, "Adults with cryptococcal meningitis were randomly assigned to "
                               "flucytosine (n = 180) or fluconazole (n = 178). New neurological "
                               f"events, {apposition}, occurred in 21 and 35 patients, "
                               "respectively.")
    assert rows == {(180, "other", 21), (178, "other", 35)}


@pytest.mark.parametrize("harm", ["immune-related side effects", "immune-mediated toxicities",
                                  "drug-related side effects"])
def test_harms_qualified_by_their_cause_are_harms(nlp, harm: str) -> None:
    rows = _outcome_kinds(nlp, "In the study, 75 people with kidney cancer received "
                               f"nivolumab. Fourteen of them had serious {harm}.")
    assert rows == {(75, "adverse_event", 14)}


@pytest.mark.parametrize(("sentence", "harm"), [
    ("Sharp drops in infection-fighting white cells occurred in 31 and 4 patients, "
     "respectively.", True),
    ("A fall in platelets to below 50,000 was seen in 31 and 4 patients, respectively.", True),
    ("Low neutrophil counts were found in 31 and 4 patients, respectively.", True),
    ("A drop in systolic blood pressure of at least 10 mm Hg was seen in 31 and 4 patients, "
     "respectively.", False),
])
def test_falling_blood_counts_in_plain_words_are_harms(nlp, sentence: str, harm: bool) -> None:
    rows = _outcome_kinds(nlp, "Adults with myelofibrosis were randomly assigned to "
                               f"navtemadlin (n = 120) or placebo (n = 118). {sentence}")
    assert rows and all((r[1] == "adverse_event") == harm for r in rows)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("In all, 14 people on lemborexant reported headache, compared with 6 on placebo.",
     {(100, "adverse_event", 14), (98, "adverse_event", 6)}),
    ("Nineteen of the 100 patients given lemborexant reported nightmares.",
     {(100, "adverse_event", 19)}),
    ("Of those on placebo, 9 reported dizziness.", {(98, "adverse_event", 9)}),
])
def test_a_count_that_reported_an_event_is_a_count_of_it(nlp, sentence: str,
                                                          expected: set) -> None:
    # "N reported X" like "N developed X": the object is the event (no cohort row of N)
    rows = analyse(clean_text("Adults with insomnia were randomised to lemborexant (n = 100) "
                              f"or placebo (n = 98). {sentence}"), nlp=nlp).rows
    assert expected <= {(r.cohort_size, r.outcome, r.event_count) for r in rows
                        if r.row_type == "outcome"}
    assert not [r for r in rows if r.row_type == "cohort" and r.cohort_size not in {100, 98}]


_SLEEP_ARMS = ("A trial randomly assigned 120 adults with narcolepsy to modafinil (n = 60) or "
               "placebo (n = 60). ")


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Twenty-two of the 60 people on modafinil reached an Epworth score of 10 or less, "
     "against 6 of the 60 on placebo.", "response"),
    ("By week 16, a symptom score below 3 had been achieved by 22 of the 60 patients given "
     "modafinil and 6 of the 60 given placebo.", "response"),
    ("At week 24, 22 of the 60 on modafinil and 6 of the 60 on placebo attained a sleepiness "
     "score of 0 or 1.", "response"),
    ("The primary end point, an Epworth score of 10 or less at week 12, was met by 22 of the "
     "60 patients on modafinil and 6 of the 60 on placebo.", "response"),
    ("The main goal, a sleepiness score below 8, was achieved by 22 of the 60 on modafinil "
     "and 6 of the 60 on placebo.", "response"),
    # a score the patients merely had is no threshold they reached (tune-187's gold)
    ("At week 8, 22 of the 60 on modafinil had an itch score of 2 or less, as did 6 of the 60 "
     "on placebo.", "other"),
])
def test_a_score_threshold_reached_is_a_response(nlp, sentence: str, outcome: str) -> None:
    rows = _outcome_kinds(nlp, _SLEEP_ARMS + sentence)
    assert (60, outcome, 22) in rows and (60, outcome, 6) in rows
    assert {r[1] for r in rows if r[2] in {22, 6}} == {outcome}


@pytest.mark.parametrize("sentence", [
    "At week 24, 22 of the 60 on modafinil and 6 of the 60 on placebo reached a SALT score of "
    "20 or less.",
    "Twenty-two of the 60 people on modafinil achieved a sleepiness score of 8 or lower, "
    "against 6 of the 60 on placebo.",
])
def test_the_number_of_a_score_threshold_is_no_count(nlp, sentence: str) -> None:
    rows = _outcome_kinds(nlp, _SLEEP_ARMS + sentence)
    assert {r[2] for r in rows} == {22, 6}


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("At 12 weeks, 20 of the 45 patients on galcanezumab had at least a 50% reduction in "
     "monthly migraine days, compared with 9 of the 45 on placebo.", "response"),
    ("At 12 weeks, 20 of the 45 patients on galcanezumab had a drop of more than 50% in "
     "monthly migraine days, as did 9 of the 45 on placebo.", "response"),
    # a fall in a measure that is no responder threshold (not_responder_measures)
    ("At 12 weeks, 20 of the 45 patients on galcanezumab had at least a 10% reduction in body "
     "weight, compared with 9 of the 45 on placebo.", "other"),
])
def test_a_threshold_of_improvement_after_the_count_defines_responders(
        nlp, sentence: str, outcome: str) -> None:
    rows = _outcome_kinds(nlp, "In the study, 90 adults with migraine were randomised to "
                               f"galcanezumab (n = 45) or placebo (n = 45). {sentence}")
    assert (45, outcome, 20) in rows and (45, outcome, 9) in rows


@pytest.mark.parametrize(("before", "outcome"), [
    ("Complete remission occurred in 58 of the 100 given dupilumab and 32 of the 100 given "
     "placebo.", "remission"),
    ("By week 16, 58 of the 100 given dupilumab and 32 of the 100 given placebo had a "
     "response.", "response"),
])
@pytest.mark.parametrize("similar", [
    "The results were similar in the per-protocol population (52 of 89 vs. 24 of 74).",
    "Outcomes were comparable in the subgroup with severe disease (52 of 89 vs 24 of 74).",
])
def test_results_said_to_be_similar_count_the_outcome_counted_before(
        nlp, before: str, outcome: str, similar: str) -> None:
    rows = _outcome_kinds(nlp, "In the trial, 200 patients with bullous pemphigoid were "
                               f"assigned to dupilumab (n = 100) or placebo (n = 100). {before} "
                               f"{similar}")
    assert {r for r in rows if r[0] in {89, 74}} == {(89, outcome, 52), (74, outcome, 24)}


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Eleven of the 28 patients had a response, and the disease remained stable in another "
     "nine.", "stable_disease"),
    ("Four of the 28 patients had a complete response, and the disease progressed in another "
     "nine.", "progression"),
])
def test_another_count_takes_the_event_named_before_it(nlp, sentence: str, outcome: str) -> None:
    rows = _outcome_kinds(nlp, "In the study, 28 patients with oesophageal cancer received "
                               f"pembrolizumab. {sentence}")
    assert (28, outcome, 9) in rows


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("A serum potassium level above 6.0 mmol/L, confirmed on repeat testing, occurred in 3 of "
     "the 100 patients given finerenone and 1 of the 100 given placebo.", "adverse_event"),
    ("Alanine aminotransferase above 3 times the upper limit of normal was recorded in 3 of the "
     "100 patients given finerenone and 1 of the 100 given placebo.", "adverse_event"),
    # a value below a threshold may be what the drug aims at: an end point
    ("A serum urate level below 6 mg/dL was recorded in 3 of the 100 patients given finerenone "
     "and 1 of the 100 given placebo.", "other"),
])
def test_a_laboratory_value_above_a_threshold_is_a_harm(nlp, sentence: str, outcome: str) -> None:
    rows = _outcome_kinds(nlp, "In the trial, 200 adults with kidney disease were assigned to "
                               f"finerenone (n = 100) or placebo (n = 100). {sentence}")
    assert rows == {(100, outcome, 3), (100, outcome, 1)}


@pytest.mark.parametrize("sentence", [
    "Eosinophil counts rose transiently in 12 of the 100 patients receiving dupilumab and 2 of "
    "the 100 given placebo.",
    "Transient rises in the liver enzyme ALT occurred in 12 of the 100 patients given dupilumab "
    "and 2 of the 100 given placebo.",
    "Bilirubin levels increased in 12 of the 100 patients given dupilumab and 2 of the 100 "
    "given placebo.",
])
def test_a_rise_in_a_blood_value_is_a_harm(nlp, sentence: str) -> None:
    rows = _outcome_kinds(nlp, "In the trial, 200 adults with asthma were assigned to dupilumab "
                               f"(n = 100) or placebo (n = 100). {sentence}")
    assert rows == {(100, "adverse_event", 12), (100, "adverse_event", 2)}
