"""Summaries: one readable sentence per row, across outcomes and statuses."""

from __future__ import annotations

import pytest

from pipeline.normalize import summarize
from pipeline.schema import DRUG_STATUSES, OUTCOMES


@pytest.mark.parametrize(("fields", "expected"), [
    ({"cohort_size": 19, "drug": "imatinib", "drug_status": "continued",
      "outcome": "recurrence", "event_count": 1}, "19 continued imatinib, 1 recurrence"),
    ({"cohort_size": 5, "drug": "imatinib", "drug_status": "discontinued",
      "outcome": "recurrence", "event_count": 4}, "5 discontinued imatinib, 4 recurrences"),
    ({"cohort_size": 80, "drug": "nivolumab", "drug_status": "received",
      "outcome": "response", "event_count": 53}, "80 received nivolumab, 53 responses"),
    ({"cohort_size": 118, "drug": "nivolumab", "drug_status": "not_received",
      "outcome": "progression", "event_count": 40}, "118 did not receive nivolumab, 40 progressions"),
    ({"cohort_size": 60, "drug": "fluorouracil + leucovorin + oxaliplatin",
      "drug_status": "received", "outcome": "recurrence", "event_count": 0},
     "60 received fluorouracil + leucovorin + oxaliplatin, 0 recurrences"),
    ({"cohort_size": 120, "drug": "pembrolizumab", "drug_status": "received",
      "outcome": "complete_response", "event_percent": 12.5},
     "120 received pembrolizumab, 12.5% complete responses"),
    ({"cohort_size": 40, "drug": None, "drug_status": None, "outcome": "death",
      "event_count": 1}, "40 patients, 1 death"),
    ({"cohort_size": 141, "drug": "imatinib", "drug_status": "received"}, "141 received imatinib"),
    ({"cohort_size": 32, "drug": "imatinib", "drug_status": "received", "procedure": "surgery"},
     "32 received imatinib and had surgery"),
    ({"cohort_size": 32, "drug": None, "drug_status": None, "procedure": "surgery"},
     "32 had surgery"),
    ({"cohort_size": 1, "drug": None, "drug_status": None}, "1 patient"),
])
def test_summaries(fields: dict, expected: str) -> None:
    assert summarize(**fields) == expected


@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize("status", DRUG_STATUSES)
def test_every_outcome_and_status_has_wording(outcome: str, status: str) -> None:
    one = summarize(cohort_size=10, drug="x", drug_status=status, outcome=outcome, event_count=1)
    many = summarize(cohort_size=10, drug="x", drug_status=status, outcome=outcome, event_count=2)
    assert one.startswith("10 ") and ", 1 " in one and ", 2 " in many
    assert "_" not in one  # vocabulary ids never leak into the prose
