"""Precision, recall and F1 from summed counts, shared by the extraction and cleaning scores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Score:
    """True positives, false positives and false negatives, summed over articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable[Hashable], found: Iterable[Hashable]) -> None:
        g, f = Counter(gold), Counter(found)
        matched = sum((g & f).values())
        self.tp += matched
        self.fp += sum(f.values()) - matched
        self.fn += sum(g.values()) - matched

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)
