"""Every custom attribute our components set, in one table. Values are plain data."""

from __future__ import annotations

from spacy.tokens import Doc, Token

#: (class, name) -> default. Mutable values are set per document by the components.
EXTENSIONS: dict[tuple[type, str], object] = {
    (Token, "num_value"): None,  # float value of a number, on every token of the number span
    (Doc, "onco_cohorts"): None,  # list[dict]: cohorts found, see pipeline.nlp.cohorts.Cohort
    (Doc, "onco_events"): None,  # list[dict]: outcome counts, see pipeline.nlp.cohorts.Event
}


def register_extensions() -> None:
    """Register the table once per process (idempotent)."""
    for (cls, name), default in EXTENSIONS.items():
        if not cls.has_extension(name):
            cls.set_extension(name, default=default)
