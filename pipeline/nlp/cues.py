"""onco_cue_ruler: spaCy's span_ruler for the cue phrases and token patterns in models/rules.

spaCy's Matcher tries every token pattern at every token, and a token written as a set
(``{"LOWER": {"IN": [...]}}``) or a regular expression calls Python for each of them: the
ten hand-written token patterns cost five times the 6,000 cue phrases. Here a token
pattern of bounded length is tried only where it can start: at each place its *anchor*
stands (its first token whose words are listed, found for the whole document at once from
the token ids), on a window as long as the pattern can be. Every match of the full scan
starts at such a place and fits its window, and a match inside a window is a match in the
document, so the spans are span_ruler's (tested against it). Patterns without an anchor or
without a bound are matched over the whole document as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LOWER, NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

# Token attributes an anchor may be written with, and the column of Doc.to_array they read.
_ANCHOR_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "NORM": NORM}
_TABLE_ATTRS = [LOWER, ORTH, NORM]
_COLUMN = {attr: n for n, attr in enumerate(_TABLE_ATTRS)}
_BOUNDED_OP = re.compile(r"^\{(\d*),?(\d*)\}$")


@dataclass(frozen=True)
class Anchor:
    """A token of fixed position whose words are listed: ``offset`` tokens into the pattern."""

    attr: int
    words: tuple[str, ...]
    offset: int


def find_anchors(pattern: list[dict[str, Any]]) -> list[Anchor]:
    """The pattern's tokens of fixed position whose words are listed, if it is bounded.

    A match is looked for around whichever anchor is rarest in the document at hand
    ("continue" rather than "did" in "did not continue").
    """
    if pattern_length(pattern) is None:
        return []
    anchors = []
    for offset, spec in enumerate(pattern):
        if "OP" in spec:
            break  # tokens after an optional one have no fixed offset
        words = _listed_words(spec)
        if words is not None:
            anchors.append(Anchor(_ANCHOR_ATTRS[next(iter(spec)).upper()], words, offset))
    return anchors


def pattern_length(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens the pattern can match, or None when a token may repeat without end."""
    total = 0
    for spec in pattern:
        op = spec.get("OP")
        if op in (None, "!", "?", "1"):
            total += 1
        elif op in ("*", "+"):
            return None
        else:
            bounded = _BOUNDED_OP.match(str(op))
            if bounded is None or not (bounded.group(2) or "," not in op):
                return None  # "{2,}": unbounded
            total += int(bounded.group(2) or bounded.group(1))
    return total


def _listed_words(spec: dict[str, Any]) -> tuple[str, ...] | None:
    if len(spec) != 1:
        return None
    (name, value), = spec.items()
    if name.upper() not in _ANCHOR_ATTRS:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict) and list(value) == ["IN"] and value["IN"]:
        return tuple(value["IN"])
    return None


@dataclass(frozen=True)
class _Anchored:
    """A token pattern tried only around its anchors, with its own Matcher."""

    anchors: tuple[tuple[Anchor, tuple[int, ...]], ...]  # each with its words' ids
    length: int
    matcher: Matcher


class CueRuler(SpanRuler):
    """A span_ruler whose bounded token patterns are tried only where an anchor stands."""

    def clear(self) -> None:
        super().clear()
        self._anchored: list[_Anchored] = []
        self._anchor_words: dict[int, numpy.ndarray] = {}
        self._span_keys: dict[int, tuple[int, int]] = {}  # match id -> its spans' label, id

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        plain = []
        strings = self.nlp.vocab.strings
        for entry in patterns:
            pattern = entry["pattern"]
            anchors = find_anchors(pattern) if isinstance(pattern, list) else []
            if not anchors:
                plain.append(entry)
                continue
            label = repr((entry["label"], entry.get("id", "")))
            self._match_label_id_map[strings.add(label)] = {
                "label": entry["label"], "id": entry.get("id", "")}
            matcher = Matcher(self.nlp.vocab, validate=self.validate)
            matcher.add(label, [pattern])
            ids = tuple((a, tuple(strings.add(w) for w in a.words)) for a in anchors)
            self._anchored.append(_Anchored(ids, pattern_length(pattern) or 0, matcher))
            self._patterns.append(entry)
        super().add_patterns(plain)
        words: dict[int, set[int]] = {}
        for anchored in self._anchored:
            for anchor, ids in anchored.anchors:
                words.setdefault(anchor.attr, set()).update(ids)
        self._anchor_words = {attr: numpy.array(sorted(w), dtype="uint64")
                              for attr, w in words.items()}
        self._span_keys = {key: (strings.add(value["label"]), strings.add(value["id"]))
                           for key, value in self._match_label_id_map.items()}

    def remove(self, label: str) -> None:
        """Remove a label's patterns (the others are added again: anchored ones have matchers
        of their own, which span_ruler's removal does not know)."""
        self._keep_only(lambda p: p["label"] != label, f"no patterns with label {label!r}")

    def remove_by_id(self, pattern_id: str) -> None:
        self._keep_only(lambda p: p.get("id") != pattern_id, f"no patterns with id {pattern_id!r}")

    def _keep_only(self, keep: Any, missing: str) -> None:
        patterns = self.patterns
        kept = [p for p in patterns if keep(p)]
        if len(kept) == len(patterns):
            raise ValueError(missing)
        self.clear()
        self.add_patterns(kept)

    def match(self, doc: Doc) -> list[Span]:
        if not self._anchored or not len(doc):
            return super().match(doc)
        matches = list(self.phrase_matcher(doc))
        if len(self.matcher):  # token patterns without an anchor, over the whole document
            matches += self.matcher(doc)
        table = doc.to_array(_TABLE_ATTRS)
        where: dict[int, dict[int, list[int]]] = {}  # attribute -> word id -> positions
        for attr, words in self._anchor_words.items():
            column = table[:, _COLUMN[attr]]
            hits = _listed(column, words)
            where[attr] = positions = {}
            for i, word in zip(hits.tolist(), column[hits].tolist(), strict=True):
                positions.setdefault(word, []).append(i)
        for anchored in self._anchored:
            candidates = [[i - anchor.offset for w in ids for i in where[anchor.attr].get(w, ())]
                          for anchor, ids in anchored.anchors]
            for start, end in _windows(sorted(min(candidates, key=len)), anchored.length,
                                       len(doc)):
                matches += [(match_id, start + s, start + e)
                            for match_id, s, e in anchored.matcher(doc[start:end])]
        # span_ruler's spans: one per distinct match, in the order Spans sort in (start, end,
        # label, id: token and character offsets rise together). Sorted as plain tuples, not
        # as Span objects: comparing Spans was a third of this component's time.
        found = sorted({(start, end, *self._span_keys[match_id])
                        for match_id, start, end in matches if start != end})
        return [Span(doc, start, end, label=label, span_id=span_id)
                for start, end, label, span_id in found]


def _listed(column: numpy.ndarray, words: numpy.ndarray) -> numpy.ndarray:
    """Positions in ``column`` of the ids in ``words`` (sorted): numpy.isin, by bisection
    (isin sorts both arrays again at every call, 5x slower on a document)."""
    if not len(words):
        return numpy.flatnonzero(numpy.zeros(len(column), dtype=bool))
    at = numpy.minimum(numpy.searchsorted(words, column), len(words) - 1)
    return numpy.flatnonzero(words[at] == column)


def _windows(starts: list[int], length: int, size: int) -> list[tuple[int, int]]:
    """[start, start + length) for each start, clipped to the document, overlaps merged."""
    merged: list[list[int]] = []
    for start in starts:
        if start < 0:
            continue
        end = min(start + length, size)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


@Language.factory(
    "onco_cue_ruler",
    assigns=["doc.spans"],
    default_config={"spans_key": "onco_cues", "phrase_matcher_attr": "LOWER",
                    "validate": False, "overwrite": True},
)
def make_cue_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str,
                   validate: bool, overwrite: bool) -> CueRuler:
    return CueRuler(nlp, name, spans_key=spans_key, annotate_ents=False,
                    phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                    overwrite=overwrite)
