"""Normalised wording: the one-line summary of each evidence row.

The words come from models/rules/summaries.json, so wording is changed there, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .data import check_keys, read_json
from .schema import DRUG_STATUSES, OUTCOMES

SUMMARIES_FILE = "rules/summaries.json"


@dataclass(frozen=True)
class SummaryWords:
    status_verbs: dict[str, str]
    outcome_nouns: dict[str, tuple[str, str]]
    patients: tuple[str, str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummaryWords:
        check_keys(data, {"status_verbs", "outcome_nouns", "patients", "_comment"}, SUMMARIES_FILE)
        words = cls(
            status_verbs=dict(data["status_verbs"]),
            outcome_nouns={k: (v[0], v[1]) for k, v in data["outcome_nouns"].items()},
            patients=(data["patients"][0], data["patients"][1]),
        )
        check_keys(words.status_verbs, set(DRUG_STATUSES), f"{SUMMARIES_FILE} status_verbs")
        check_keys(words.outcome_nouns, set(OUTCOMES), f"{SUMMARIES_FILE} outcome_nouns")
        return words


@cache
def summary_words() -> SummaryWords:
    return SummaryWords.from_dict(read_json(SUMMARIES_FILE))


def _plural(count: int | None, forms: tuple[str, str]) -> str:
    return forms[0] if count == 1 else forms[1]


def summarize(*, cohort_size: int | None, drug: str | None, drug_status: str | None,
              procedure: str | None = None, outcome: str | None = None,
              event_count: int | None = None, event_percent: float | None = None) -> str:
    """'19 continued imatinib, 1 recurrence'; '141 received imatinib' for cohort rows."""
    words = summary_words()
    verb = words.status_verbs.get(drug_status or "received", "received")
    size = "" if cohort_size is None else f"{cohort_size} "
    if drug:
        head = f"{size}{verb} {drug}".strip()
        if procedure and outcome is None:
            head += f" and had {procedure}"
    elif procedure:
        head = f"{size}had {procedure}".strip()
    else:
        head = f"{size}{_plural(cohort_size, words.patients)}".strip()
    if outcome is None:
        return head
    nouns = words.outcome_nouns[outcome]
    if event_count is not None:
        tail = f"{event_count} {_plural(event_count, nouns)}"
    elif event_percent is not None:
        tail = f"{event_percent:g}% {nouns[1]}"
    else:
        tail = nouns[1]
    return f"{head}, {tail}"
