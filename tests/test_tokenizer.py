"""The rule tokenizer: RememberingTokenizer gives spaCy's tokens and remembers every chunk."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from pipeline.nlp.tokenizer import MAX_CACHED_CHUNKS, RememberingTokenizer, create_tokenizer


def _tokenizers() -> tuple[RememberingTokenizer, Tokenizer]:
    """Ours, and a plain spaCy Tokenizer with the same rules and affixes."""
    ours = create_tokenizer()(spacy.blank("en"))
    plain = Tokenizer(spacy.blank("en").vocab, ours.rules, prefix_search=ours.prefix_search,
                      suffix_search=ours.suffix_search, infix_finditer=ours.infix_finditer,
                      token_match=ours.token_match, url_match=ours.url_match)
    return ours, plain


@pytest.mark.parametrize("text", [
    "Dr. Smith said 45 patients (n = 12) had relapse.",
    "Title\nAfter a line break, (abc1), 5-FU/leucovorin and HER2-positive disease.",
    "It cannot be—notably—said: 12 of 40 (30%) in the nivolumab+ipilimumab arm, 5.5 mmol/L.",
    "e.g. 3 vs. 4 ;) patients' outcomes, Inc. and al., U.S.-based\t\tsites\xa0here",
])
def test_same_tokens_as_spacy_twice(text: str) -> None:
    ours, plain = _tokenizers()
    for _ in range(2):  # the second time from the caches
        assert [(t.text, t.whitespace_, t.norm_) for t in ours(text)] == \
            [(t.text, t.whitespace_, t.norm_) for t in plain(text)]


def test_chunks_after_a_special_case_are_remembered() -> None:
    ours, _ = _tokenizers()
    assert ours.max_cache_size == MAX_CACHED_CHUNKS
    ours("Dr. Smith treated (abc1), patients")  # "Dr." is a special case, first in the text
    assert {"(abc1),", "patients", "Dr."} <= ours.seen
    ours.forget()
    assert not ours.seen


def _recording_suffix_tries(tokenizer: Tokenizer) -> list[str]:
    """Make ``tokenizer`` record every string its suffix rule is tried on."""
    tried: list[str] = []
    search = tokenizer.suffix_search

    def recording(text: str) -> object:
        tried.append(text)
        return search(text)

    tokenizer.suffix_search = recording
    return tried


def test_a_new_chunk_goes_through_the_affix_rules_once() -> None:
    ours, plain = _tokenizers()
    ours_tried, plain_tried = _recording_suffix_tries(ours), _recording_suffix_tries(plain)
    text = "Title\nAfter the line break, (abc1), 12 of 40 patients (30%) relapsed."
    ours(text)
    plain(text)
    # the first time, as much affix work as spaCy's (not once in the text and once alone)
    assert plain_tried
    assert sorted(ours_tried) == sorted(plain_tried)
    ours_tried.clear()
    plain_tried.clear()
    ours(text)
    plain(text)
    # the second time, every chunk from the cache: spaCy stopped caching at the line break
    assert ours_tried == []
    assert "(abc1)," in plain_tried and "patients" in plain_tried
