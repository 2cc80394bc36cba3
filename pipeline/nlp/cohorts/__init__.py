"""onco_cohorts: groups of patients, how many of them had an outcome, and what they received.

Reads the numbers (onco_numbers), the entities (DRUG, ...) and the cues (OUTCOME,
PROCEDURE, STATUS, ARM, ...) of a document and links them, clause by clause:

- a *count* is a number before a patient noun ("Twenty-four patients"), before an
  assignment ("106 were assigned to placebo", "121 to TCH") or a bare number before an
  event verb ("only one experienced ...");
- a *fraction* is "X of (the) Y" or "X/Y": Y names a cohort, X a part of it;
- a count whose predicate is an outcome ("had a cancer recurrence", "recurrence occurred
  in four of the five") is an *event* of a cohort; any other count in a study clause
  *defines* a cohort;
- "All patients ..." and "Of these, ..." refer back to the last cohort;
- a clause that compares ("..., compared with 47 of the 106", "and in 14 (13%)") takes
  the outcome of the clause before it;
- a placebo or control arm is the experimental drug, not received.

Cohorts and events are stored as plain dicts on ``doc._.onco_cohorts`` and
``doc._.onco_events``; pipeline.evidence turns them into rows. The word lists and windows
live in models/rules/linking.json.

The modules, by pattern family: ``records`` (settings and plain records), ``clauses``
(clauses and what they state), ``mentions`` (counts, fractions, percentages), ``outcomes``
(the outcome a count is of), ``groups`` (cohort memory), ``arms`` (trial arms, options,
"respectively"), ``tables`` (flattened tables) and ``linking`` (the document walk).
"""

from __future__ import annotations

from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ...data import read_json_file
from ..extensions import register_extensions
from ..words import reading
from .linking import link_document
from .records import CUES_KEY, Cohort, Event, LinkSettings


class CohortLinker:
    """Finds cohorts and outcome counts; stores them as plain dicts on the Doc."""

    def __init__(self, nlp: Language, name: str, *, settings_path: str | None,
                 numbers_path: str | None) -> None:
        register_extensions()
        self.name = name
        self.settings = (LinkSettings.from_dict(read_json_file(settings_path))
                         if settings_path else None)
        self.units = (frozenset(u.lower() for u in read_json_file(numbers_path)["measure_units"])
                      if numbers_path else frozenset())

    def __call__(self, doc: Doc) -> Doc:
        if self.settings is None:
            raise ValueError(f"{self.name}: no linking settings loaded")
        with reading(doc):  # one reading of the words for every helper of the linker
            cohorts, events = link_document(doc, self.settings, self.units)
        # Every field is a plain value, so a shallow copy is the dict asdict() would build
        # (without its recursive deep copies, ~10% of this component's time).
        doc._.onco_cohorts = [dict(vars(c)) for c in cohorts]
        doc._.onco_events = [dict(vars(e)) for e in events]
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.settings:
            srsly.write_json(path / "linking.json", self.settings.to_dict())
        srsly.write_json(path / "units.json", sorted(self.units))

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> CohortLinker:
        path = Path(path)
        self.settings = LinkSettings.from_dict(read_json_file(path / "linking.json"))
        self.units = frozenset(read_json_file(path / "units.json"))
        return self


@Language.factory(
    "onco_cohorts",
    requires=["doc.ents", "doc.spans", "token.is_sent_start"],
    assigns=["doc._.onco_cohorts", "doc._.onco_events"],
    default_config={"settings_path": None, "numbers_path": None},
)
def make_cohorts(nlp: Language, name: str, settings_path: str | None,
                 numbers_path: str | None) -> CohortLinker:
    return CohortLinker(nlp, name, settings_path=settings_path, numbers_path=numbers_path)


__all__ = ["CUES_KEY", "Cohort", "CohortLinker", "Event", "LinkSettings", "link_document", "make_cohorts"]
