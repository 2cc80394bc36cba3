"""The article's condition outside oncology, from the phrase that defines the population."""

from __future__ import annotations

import pytest

from pipeline import clean_text
from pipeline.data import read_json_file
from pipeline.evidence import analyse
from pipeline.nlp.conditions import ConditionRules, find_condition
from pipeline.settings import MODELS_DIR

RULES = ConditionRules.from_dict(read_json_file(MODELS_DIR / "rules" / "conditions.json"))


@pytest.mark.parametrize(("text", "condition"), [
    ("We studied 88 adults with type 2 diabetes who were on metformin.", "type 2 diabetes"),
    ("Children with asthma and their parents were interviewed. Children with asthma did well.",
     "asthma"),
    ("Patients with newly diagnosed atrial fibrillation were enrolled.", "atrial fibrillation"),
    ("Patients with moderate-to-severe ulcerative colitis (n = 40) entered the study.",
     "ulcerative colitis"),
    ("Patients with at least two prior hospital admissions were excluded.", None),
    ("Patients with a history of stroke were enrolled.", None),
    ("Participants with 3 or more visits were counted.", None),
])
def test_condition_after_population_noun(nlp, text: str, condition: str | None) -> None:
    assert find_condition(nlp(text), RULES) == condition


def test_a_named_cancer_wins_over_the_population_phrase(nlp) -> None:
    result = analyse(clean_text(
        "Patients with anaemia and metastatic melanoma (n = 60) received nivolumab."), nlp=nlp)
    assert result.record.disease == "melanoma"


def test_condition_is_the_disease_of_a_non_cancer_trial(nlp) -> None:
    result = analyse(clean_text(
        "In total, 310 patients with chronic kidney disease were randomly assigned to "
        "finerenone or placebo."), nlp=nlp)
    assert result.record.disease == "chronic kidney disease"


def test_the_subtype_named_once_wins_over_the_organ_named_often(nlp) -> None:
    result = analyse(clean_text(
        "Ovarian cancer is common. In this trial of maintenance therapy, 120 women with "
        "high-grade serous ovarian cancer received rucaparib; ovarian cancer relapses were "
        "counted."), nlp=nlp)
    assert result.record.disease == "high-grade serous ovarian cancer"
