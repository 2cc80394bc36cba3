"""The cue ruler finds exactly the spans spaCy's span_ruler finds, trying token patterns
only around their anchors."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import SpanRuler

from pipeline.nlp.cues import CueRuler, find_anchors, pattern_length
from pipeline.nlp.lexicons import cue_patterns
from pipeline.process import discover_inputs, load_article
from pipeline.settings import CORPORA_DIR, MODELS_DIR


@pytest.mark.parametrize(("pattern", "length"), [
    ([{"LOWER": "a"}, {"LOWER": "b"}], 2),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], 2),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "{0,6}"}, {"LOWER": "c"}], 8),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "{3}"}], 4),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}], None),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}], None),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "{2,}"}], None),
])
def test_pattern_length(pattern, length) -> None:
    assert pattern_length(pattern) == length


def test_anchors_are_the_listed_tokens_before_any_optional_one() -> None:
    regex_first = [{"TEXT": {"REGEX": "^[a-z]+$"}}, {"LOWER": {"IN": ["group", "arm"]}},
                   {"LOWER": "x", "OP": "?"}, {"LOWER": "y"}]
    anchors = find_anchors(regex_first)
    assert [(a.offset, a.words) for a in anchors] == [(1, ("group", "arm"))]
    assert find_anchors([{"LOWER": "all"}, {"LOWER": "of", "OP": "*"}]) == []  # unbounded
    assert find_anchors([{"IS_DIGIT": True}, {"LOWER": {"NOT_IN": ["a"]}}]) == []


PATTERNS = [
    {"label": "ARM_NAME", "id": "arm_name", "pattern": [
        {"TEXT": {"REGEX": "^[A-Za-z][A-Za-z0-9-]*$"}, "LOWER": {"NOT_IN": ["the", "each"]}},
        {"LOWER": {"IN": ["group", "arm"]}}]},
    {"label": "STATUS", "id": "discontinued", "pattern": [
        {"LOWER": {"IN": ["did", "had"]}}, {"LOWER": {"IN": ["not", "never"]}},
        {"LOWER": {"IN": ["continue", "resume"]}}]},
    {"label": "UNIVERSAL", "id": "all", "pattern": [
        {"LOWER": {"IN": ["all", "each"]}}, {"LOWER": {"IN": ["of", "the"]}, "OP": "{0,3}"},
        {"LOWER": {"IN": ["patients", "them"]}}]},
    {"label": "UNIVERSAL", "id": "all", "pattern": [  # unbounded: scanned as span_ruler does
        {"LOWER": "every"}, {"LOWER": "enrolled", "OP": "*"}, {"LOWER": "patient"}]},
    {"label": "OUTCOME", "id": "complete_response", "pattern": [{"TEXT": {"IN": ["CR", "pCR"]}}]},
    {"label": "OUTCOME", "id": "death", "pattern": "died"},
]


def _rulers(nlp, patterns):
    rulers = []
    for cls in (SpanRuler, CueRuler):
        ruler = cls(nlp, "cues", spans_key="cues", phrase_matcher_attr="LOWER", overwrite=True)
        ruler.add_patterns(patterns)
        rulers.append(ruler)
    return rulers


def _spans(ruler, doc) -> list[tuple]:
    return [(s.start, s.end, s.label_, s.id_) for s in ruler(doc).spans["cues"]]


@pytest.mark.parametrize("text", [
    "All of the patients in the placebo group did not continue; each of them had never resumed.",
    "Every enrolled enrolled patient died. CR in 4 (pCR 2). The arm group arm group.",
    "group arm all the the the patients all of of of of patients",  # anchors at the edges
    "All patients",
    "",
])
def test_same_spans_as_span_ruler(text: str) -> None:
    nlp = spacy.blank("en")
    span_ruler, cue_ruler = _rulers(nlp, PATTERNS)
    assert _spans(cue_ruler, nlp(text)) == _spans(span_ruler, nlp(text))


def test_same_spans_as_span_ruler_on_the_bundled_corpus(nlp) -> None:
    rules = MODELS_DIR / "rules"
    span_ruler, cue_ruler = _rulers(nlp, cue_patterns(rules / "cues.json",
                                                      rules / "token_patterns.jsonl"))
    texts = [load_article(p).text for p in discover_inputs([CORPORA_DIR])]
    found = 0
    with nlp.select_pipes(disable=["onco_cues", "onco_cohorts"]):
        for doc in nlp.pipe(texts):
            expected = _spans(span_ruler, doc)
            assert _spans(cue_ruler, doc) == expected
            found += sum(1 for s in expected if s[2] in {"ARM_NAME", "STATUS", "UNIVERSAL"})
    assert found > 100  # the token patterns did match: the comparison means something


def test_removing_a_label_removes_its_anchored_patterns_too() -> None:
    nlp = spacy.blank("en")
    span_ruler, cue_ruler = _rulers(nlp, PATTERNS)
    for ruler in (span_ruler, cue_ruler):
        ruler.remove("STATUS")
        ruler.remove_by_id("complete_response")
    doc = nlp("They did not continue. CR in 4. All of the patients died.")
    assert _spans(cue_ruler, doc) == _spans(span_ruler, doc)
    assert {s[2] for s in _spans(cue_ruler, doc)} == {"UNIVERSAL", "OUTCOME"}
    with pytest.raises(ValueError):
        cue_ruler.remove("STATUS")
