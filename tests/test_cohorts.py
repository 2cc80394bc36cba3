"""Cohort and outcome linking on phrasings other than the seed's.

These pin behaviour that must keep working while issue #4 widens the rules; each case is
a different construction (anaphora, outcome-first, fractions, zero counts, brand names,
regimens, population statistics that are not cohorts).
"""

from __future__ import annotations

import pytest

from pipeline import clean_text
from pipeline.evidence import analyse

CASES = [
    ("In the phase 3 trial, 120 patients with advanced melanoma were randomized to receive "
     "Opdivo. Of these, 53 responded.",
     {"120 received nivolumab", "120 received nivolumab, 53 responses"}),
    ("Researchers enrolled 80 patients with non-small cell lung cancer who received "
     "osimertinib (Tagrisso). Twelve patients died during follow-up.",
     {"80 received osimertinib", "80 received osimertinib, 12 deaths"}),
    ("A total of 45 women with HER2-positive breast cancer were treated with trastuzumab. "
     "Complete responses occurred in 9 of the 45 women.",
     {"45 received trastuzumab", "45 received trastuzumab, 9 complete responses"}),
    ("The study included 60 patients treated with FOLFOX. None of the 60 patients "
     "experienced a recurrence.",
     {"60 received fluorouracil + leucovorin + oxaliplatin",
      "60 received fluorouracil + leucovorin + oxaliplatin, 0 recurrences"}),
    ("Approximately 50,000 people are diagnosed annually with melanoma in the United States.",
     set()),
]


@pytest.mark.parametrize(("text", "summaries"), CASES)
def test_summaries(nlp, text: str, summaries: set[str]) -> None:
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {r.summary for r in rows} == summaries


def test_disease_abbreviation_and_brand_normalisation(nlp) -> None:
    result = analyse(clean_text(
        "Patients with chronic myeloid leukemia (CML) received Glivec (STI571). "
        "In CML, 30 patients treated with STI571 were followed."), nlp=nlp)
    assert result.record.disease == "chronic myeloid leukemia"
    assert result.record.drugs == "imatinib"


def test_negated_continuation_is_discontinued(nlp) -> None:
    rows = analyse(clean_text(
        "Ten patients did not continue Keytruda after the first year, and three of the ten "
        "patients had a relapse."), nlp=nlp).rows
    assert [(r.drug, r.drug_status, r.cohort_size, r.event_count, r.outcome) for r in rows] == [
        ("pembrolizumab", "discontinued", 10, 3, "recurrence")]
