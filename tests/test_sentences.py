"""onco_sentencizer gives the sentences spaCy's rule sentencizer gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import Sentencizer

from pipeline.nlp import load_pipeline
from pipeline.nlp.sentences import ListSentencizer


@pytest.mark.parametrize("text", [
    "",
    "No end punctuation at all",
    "One. Two! Three?! \"Four.\" (Five.) Six",
    "Response was 30% (12 of 40). Median OS: 14.2 months... Grade 3/4 events occurred.",
    "Ends with a period.",
    "?",
])
def test_same_sentences_as_spacy(text: str) -> None:
    nlp = spacy.blank("en")
    ours, spacys = ListSentencizer(), Sentencizer()
    for sentencizer in (ours, spacys):
        assert sentencizer.punct_chars == set(Sentencizer.default_punct_chars)
    got = [t.is_sent_start for t in ours(nlp(text))]
    expected = [t.is_sent_start for t in spacys(nlp(text))]
    assert got == expected
    if text == "One. Two! Three?! \"Four.\" (Five.) Six":
        assert [s.text for s in ours(nlp(text)).sents][:3] == ["One.", "Two!", "Three?! \""]


def test_the_pipeline_uses_it() -> None:
    assert isinstance(load_pipeline().get_pipe("sentencizer"), ListSentencizer)
