"""Number words and digits."""

from __future__ import annotations

import pytest

from pipeline.nlp.numbers import SPANS_KEY


@pytest.mark.parametrize(("text", "values"), [
    ("Twenty-four patients and eight patients", [24, 8]),
    ("one hundred and forty-one women", [141]),
    ("5,000 individuals, 12.5 months, 141", [5000, 12.5, 141]),
    ("four of the five patients; only one", [4, 5, 1]),
    ("none of the 79 patients", [0, 79]),
    ("no numbers here", []),
])
def test_numbers_found_with_values(nlp, text: str, values: list[float]) -> None:
    doc = nlp(text)
    assert [span[0]._.num_value for span in doc.spans[SPANS_KEY]] == values
