"""onco_numbers: find numbers written in digits or words and give them a value.

"141", "5,000", "12.5", "five", "Twenty-four", "one hundred and forty-one", "3/40" (a
fraction: two values). The words come from models/rules/numbers.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import srsly
from spacy.attrs import IDX, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..data import check_keys, read_json_file
from .extensions import register_extensions

SPANS_KEY = "onco_numbers"
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_GROUP_SIZE = re.compile(r"^[nN]=(\d+)$")  # "n=360" kept whole by the tokenizer


@dataclass(frozen=True)
class NumberWords:
    """Number words and unit lists, as read from models/rules/numbers.json."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    measure_units: frozenset[str]
    time_units_in_months: dict[str, float]
    currency_marks: frozenset[str] = frozenset()  # "£240,000": an amount of money, no number

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NumberWords:
        check_keys(data, set(cls.__dataclass_fields__) | {"_comment"}, "numbers.json")
        return cls(
            units=dict(data["units"]),
            tens=dict(data["tens"]),
            scales=dict(data["scales"]),
            measure_units=frozenset(u.lower() for u in data["measure_units"]),
            time_units_in_months=dict(data["time_units_in_months"]),
            currency_marks=frozenset(data["currency_marks"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"units": self.units, "tens": self.tens, "scales": self.scales,
                "measure_units": sorted(self.measure_units),
                "time_units_in_months": self.time_units_in_months,
                "currency_marks": sorted(self.currency_marks)}

    def is_word(self, word: str) -> bool:
        return word in self.units or word in self.tens or word in self.scales


def parse_words(words: list[str], table: NumberWords) -> int | None:
    """Value of a sequence of number words ("one", "hundred", "forty", "one") or None."""
    total = current = 0
    seen = False
    for word in words:
        if word in table.units:
            current += table.units[word]
        elif word in table.tens:
            current += table.tens[word]
        elif word in table.scales:
            current = max(current, 1) * table.scales[word]
            if table.scales[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


_AND = get_string_id("and")


@dataclass(frozen=True)
class NumberWord:
    """What a word is as a number: a value written in digits ("5,000", "n=360"), or number
    words ("twenty-four" -> ["twenty", "four"]), or neither."""

    value: float | None
    parts: list[str] | None

    @classmethod
    def read(cls, word: str, table: NumberWords) -> NumberWord:
        if _DIGITS.match(word):
            return cls(float(word.replace(",", "")), None)
        if group := _GROUP_SIZE.match(word):
            return cls(float(group.group(1)), None)
        return cls(None, _number_parts(word, table))


def find_numbers(doc: Doc, table: NumberWords,
                 known: dict[int, NumberWord] | None = None) -> list[tuple[int, int, float]]:
    """(start, end, value) of every number in the doc, longest first at each position.

    ``known``: word id -> what the word is as a number, kept across documents by the caller.
    """
    # Words read as ids, each distinct word tested once ("twenty-four" -> ["twenty", "four"],
    # "the" -> nothing); then only the few words that can start a number are looked at
    # (a loop over every word's strings was most of this component's time).
    orths, lowers = doc.to_array(ORTH).tolist(), doc.to_array(LOWER).tolist()
    known = {} if known is None else known
    strings = doc.vocab.strings
    for word in set(orths).union(lowers).difference(known):
        known[word] = NumberWord.read(strings[word], table)
    starts = [i for i, (orth, lower) in enumerate(zip(orths, lowers, strict=True))
              if known[orth].value is not None or known[lower].parts]
    if table.currency_marks:  # ("a £240,000 grant", "$1.2 million": money, no count)
        money = {strings.add(mark) for mark in table.currency_marks}
        starts = [i for i in starts if not (i and orths[i - 1] in money)]
    found: list[tuple[int, int, float]] = []
    size, done = len(orths), 0  # done: the end of the number found last
    for i in starts:
        if i < done:
            continue
        digits = known[orths[i]].value  # "141", "5,000", "12.5", "n=360"
        if digits is not None:
            found.append((i, i + 1, digits))
            done = i + 1
            continue
        end, words = i, []
        while end < size:
            parts = known[lowers[end]].parts
            if parts:
                words.extend(parts)
                end += 1
            elif (lowers[end] == _AND and words and words[-1] in table.scales
                  and end + 1 < size and table.is_word(strings[lowers[end + 1]].split("-")[0])):
                end += 1  # "one hundred and forty-one"
            else:
                break
        value = parse_words(words, table) if words else None
        # (a scale alone is no number, "thousands", but "a dozen" is twelve)
        if value is not None and not (len(words) == 1 and words[0] in table.scales
                                      and table.scales[words[0]] >= 100):
            found.append((i, end, float(value)))
            done = end
    return found


def _number_parts(word: str, table: NumberWords) -> list[str] | None:
    """The number words of a word ("twenty-four" -> ["twenty", "four"]), or None."""
    parts = [p for p in word.split("-") if p]
    return parts if parts and all(table.is_word(p) for p in parts) else None


def is_group_size(text: str) -> bool:
    """'n=360' written as one token."""
    return bool(_GROUP_SIZE.match(text))


def fraction_parts(text: str) -> tuple[int, int] | None:
    """(part, whole) of a "3/40" token."""
    match = _FRACTION.match(text)
    if match and 0 < int(match.group(2)) and int(match.group(1)) <= int(match.group(2)):
        return int(match.group(1)), int(match.group(2))
    return None


class NumberFinder:
    """Marks number spans in ``doc.spans["onco_numbers"]`` and their value on ``token._.num_value``."""

    def __init__(self, nlp: Language, name: str, *, words_path: str | None) -> None:
        register_extensions()
        self.name = name
        self.table = (NumberWords.from_dict(read_json_file(words_path))
                      if words_path else None)
        self._known: dict[int, NumberWord] = {}  # word id -> number; bounded by the vocabulary

    def __call__(self, doc: Doc) -> Doc:
        found = find_numbers(doc, self.words, self._known)
        # token._.num_value, stored where spaCy's Underscore stores a token's value (in
        # doc.user_data under ("._.", name, token.idx, None); the extension has no setter):
        # a Token and an Underscore object per word of a number were a fifth of this component.
        idx = doc.to_array(IDX).tolist() if found else []
        for start, end, value in found:
            for i in range(start, end):
                doc.user_data[("._.", "num_value", idx[i], None)] = value
        doc.spans[SPANS_KEY] = [Span(doc, start, end, label="NUMBER") for start, end, _ in found]
        return doc

    @property
    def words(self) -> NumberWords:
        if self.table is None:
            raise ValueError(f"{self.name}: no number words loaded (words_path or from_disk)")
        return self.table

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "numbers.json", self.words.to_dict())

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> NumberFinder:
        self.table = NumberWords.from_dict(read_json_file(Path(path) / "numbers.json"))
        self._known = {}
        return self


@Language.factory("onco_numbers", assigns=["token._.num_value", "doc.spans"],
                  default_config={"words_path": None})
def make_numbers(nlp: Language, name: str, words_path: str | None) -> NumberFinder:
    return NumberFinder(nlp, name, words_path=words_path)
