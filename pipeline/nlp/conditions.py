"""The condition a trial outside oncology studies: "adults with type 2 diabetes".

The disease lexicon names cancers. A cardiology or infection trial names its condition in
the phrase that defines its population ("patients with heart failure", "children with
asthma"), so when no lexicon disease is found, the most frequent such phrase is the
article's disease. Word lists live in models/rules/conditions.json.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from spacy.attrs import LOWER
from spacy.tokens import Doc

from ..data import check_keys


@dataclass(frozen=True)
class ConditionRules:
    """The word lists of models/rules/conditions.json."""

    population_nouns: frozenset[str]
    with_words: frozenset[str]
    participles: frozenset[str]
    leading_words: frozenset[str]
    stop_words: frozenset[str]
    not_conditions: frozenset[str]
    number_words: frozenset[str]
    max_words: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConditionRules:
        check_keys(data, set(cls.__dataclass_fields__) | {"_comment"}, "conditions.json")
        return cls(**{k: frozenset(w.lower() for w in v) if isinstance(v, list) else v
                      for k, v in data.items() if k != "_comment"})

    def to_dict(self) -> dict[str, Any]:
        return {k: sorted(v) if isinstance(v, frozenset) else v for k, v in asdict(self).items()}


def find_condition(doc: Doc, rules: ConditionRules) -> str | None:
    """The most frequent condition named after '<population> with', as written first."""
    found: Counter[str] = Counter()
    written: dict[str, str] = {}
    strings = doc.vocab.strings
    lowers = [strings[w] for w in doc.to_array(LOWER).tolist()]  # no Token objects: cheaper
    for i in range(len(lowers) - 2):
        if lowers[i] not in rules.population_nouns:
            continue
        after = i + 1
        if lowers[after] in rules.participles and after + 2 < len(lowers):
            after += 1  # "patients hospitalized with COVID-19", "people living with HIV"
        if lowers[after] not in rules.with_words:
            continue
        phrase = condition_after(doc, after + 1, rules)
        if phrase:
            key = phrase.lower()
            found[key] += 1
            written.setdefault(key, phrase)
    if not found:
        return None
    best = max(found.values())
    return next(written[k] for k in written if found[k] == best)  # first of the most frequent


def condition_after(doc: Doc, i: int, rules: ConditionRules) -> str | None:
    """The noun phrase of a condition starting at token ``i``, or None."""
    sent_end = doc[i].sent.end if i < len(doc) else len(doc)
    while i < sent_end and doc[i].lower_ in rules.leading_words:
        i += 1
    j = i
    while j < sent_end and not _ends_phrase(doc, j, i, rules):
        j += 1
    words = doc[i:j]
    if not len(words) or len(words) > rules.max_words or words[0].lower_ in rules.not_conditions:
        return None
    if words[0].like_num or not any(sum(c.isalpha() for c in t.text) > 2 for t in words):
        # (a word of three letters at least: "COVID-19" and "SARS-CoV-2" count)
        return None
    if any(t.ent_type_ in {"DRUG", "DRUG_CLASS"} for t in words):
        return None
    return words.text


def _ends_phrase(doc: Doc, j: int, start: int, rules: ConditionRules) -> bool:
    token = doc[j]
    if token.lower_ in rules.stop_words:
        return True
    if token.is_punct and token.text not in {"-", "'", "’"}:
        return True
    # "type 2 diabetes" keeps its number; "with 3 or more ..." starts with one (rejected).
    return token.like_num and j > start and doc[j - 1].lower_ not in rules.number_words
