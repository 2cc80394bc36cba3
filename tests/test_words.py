"""The document's word lists (pipeline/nlp/words.py) are the Token attributes they stand for."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp.words import Words

LISTS = ["text", "lower", "is_punct", "is_alpha", "is_lower", "is_digit", "like_num",
         "is_space"]


@pytest.mark.parametrize("text", [
    "Of 212 Patients, forty-one (19.3%) stopped IMBRUVICA; 7 had grade 3/4 neutropenia.\n\n"
    "Median follow-up: 14 months.",
    "THE   Placebo arm (n = 98) — twelve deaths — vs. 5 on Tafinlar® plus trametinib.",
])
def test_word_lists_are_the_token_attributes(nlp, text: str) -> None:
    doc = nlp(text)
    words = Words(doc)
    for name in LISTS:
        expected = [getattr(t, name + "_" if name == "lower" else name) for t in doc]
        assert getattr(words, name) == expected, name


def test_each_vocabulary_reads_its_own_lexemes(nlp) -> None:
    """A word reads as a number in English, not in a blank multi-language pipeline: the
    flags kept for one vocabulary are not another's."""
    english = Words(nlp("Twelve patients"))
    other = Words(spacy.blank("xx")("Twelve patients"))
    assert english.like_num[0] is True
    assert other.like_num[0] is False
    assert Words(nlp("twelve")).like_num == [True]
