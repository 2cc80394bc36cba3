"""Article facts: the study's country and design."""

from __future__ import annotations

import pytest

from pipeline import clean_text
from pipeline.evidence import analyse


@pytest.mark.parametrize(("text", "country"), [
    # a country named in the sentence that counts the patients
    ("Between 2019 and 2022, 240 adults with gout were randomised at 31 sites in Spain to "
     "febuxostat or allopurinol.", "Spain"),
    # a demonym before a common noun describes the study's country
    ("At 12 Norwegian hospitals, 96 patients with melanoma received nivolumab; 30 relapsed.",
     "Norway"),
    ("In a Brazilian registry study, 410 patients with myeloma received lenalidomide "
     "maintenance.", "Brazil"),
    # several countries in that sentence, the most named first
    ("Researchers in Denmark enrolled 300 patients with lupus at 40 centres in Denmark and "
     "Sweden; 150 received anifrolumab.", "Denmark; Sweden"),
    # a demonym in a name ("the American Society of ...") describes no study
    ("At the American Society of Hematology meeting, researchers reported that 88 patients "
     "with myelofibrosis received ruxolitinib.", None),
])
def test_the_country_of_the_study(nlp, text: str, country: str | None) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.country == country


@pytest.mark.parametrize(("text", "design"), [
    ("Of 512 patients screened, 400 underwent randomization; 200 received tofacitinib.",
     "randomized_trial"),
    ("Patients were randomly allocated to dupilumab (n = 120) or placebo (n = 118).",
     "randomized_trial"),
    ("In this non-randomised phase 2 study, 64 patients with glioma received vorasidenib.",
     "nonrandomized_trial"),
    ("A real-world study of 310 patients with myeloma who received daratumumab found that "
     "41 relapsed.", "retrospective_cohort"),
])
def test_the_design_of_the_study(nlp, text: str, design: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.study_design == design
