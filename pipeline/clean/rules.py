"""Chrome rules: the data in models/rules/chrome.json, read once into a frozen object."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from ..data import check_keys, read_json

RULES_FILE = "rules/chrome.json"


@dataclass(frozen=True)
class TeaserShape:
    """How a teaser card in a "Recommended Articles" block looks once flattened to lines."""

    min_headline_words: int
    max_headline_words: int
    min_blurb_words: int
    max_blurb_words: int
    max_cards: int


@dataclass(frozen=True)
class ChromeGuard:
    """When an element tagged or classed as chrome is small enough to be chrome.

    Shares are of the page's text; link density is the share of the element's text that
    is link text (navigation and teaser lists are mostly links, article wrappers are not).
    """

    max_share: float
    link_heavy_max_share: float
    link_density: float


@dataclass(frozen=True)
class ChromeRules:
    """Which tags, class tokens and lines are site chrome rather than article."""

    drop_tags: frozenset[str]
    chrome_tags: frozenset[str]
    class_tokens: frozenset[str]
    guard: ChromeGuard
    chrome_lines: frozenset[str]
    teaser_block_headings: frozenset[str]
    reference_prefixes: tuple[str, ...]
    teaser: TeaserShape

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChromeRules:
        fields = {"drop_tags", "chrome_tags", "class_tokens", "guard", "chrome_lines",
                  "teaser_block_headings", "reference_prefixes", "teaser"}
        check_keys(data, fields | {"_comment"}, RULES_FILE)
        teaser = dict(data["teaser"])
        check_keys(teaser, set(TeaserShape.__dataclass_fields__), f"{RULES_FILE} teaser")
        guard = dict(data["guard"])
        check_keys(guard, set(ChromeGuard.__dataclass_fields__), f"{RULES_FILE} guard")
        return cls(
            drop_tags=frozenset(t.lower() for t in data["drop_tags"]),
            chrome_tags=frozenset(t.lower() for t in data["chrome_tags"]),
            class_tokens=frozenset(t.lower() for t in data["class_tokens"]),
            guard=ChromeGuard(**guard),
            chrome_lines=frozenset(normalize_line(t) for t in data["chrome_lines"]),
            teaser_block_headings=frozenset(normalize_line(t) for t in data["teaser_block_headings"]),
            # Longest first, so "study reference" wins over "reference".
            reference_prefixes=tuple(sorted((p.lower() for p in data["reference_prefixes"]),
                                            key=len, reverse=True)),
            teaser=TeaserShape(**teaser),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "drop_tags": sorted(self.drop_tags),
            "chrome_tags": sorted(self.chrome_tags),
            "class_tokens": sorted(self.class_tokens),
            "guard": asdict(self.guard),
            "chrome_lines": sorted(self.chrome_lines),
            "teaser_block_headings": sorted(self.teaser_block_headings),
            "reference_prefixes": list(self.reference_prefixes),
            "teaser": asdict(self.teaser),
        }

    def is_chrome_line(self, text: str) -> bool:
        return normalize_line(text) in self.chrome_lines

    def is_teaser_heading(self, text: str) -> bool:
        return normalize_line(text) in self.teaser_block_headings

    def has_chrome_class(self, classes: list[str]) -> bool:
        tokens = {t for c in classes for t in _CLASS_SPLIT.split(c.lower()) if t}
        return not tokens.isdisjoint(self.class_tokens)


_CLASS_SPLIT = re.compile(r"[-_\s]+")
_NOT_WORD = re.compile(r"[^\w+]+")


def normalize_line(text: str) -> str:
    """Lowercase, with punctuation and runs of space folded, for whole-line comparisons."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


@cache
def load_chrome_rules() -> ChromeRules:
    """The chrome rules from models/, parsed once per process."""
    return ChromeRules.from_dict(read_json(RULES_FILE))
