"""Chrome rules: the data in models/rules/chrome.json, read once into a frozen object, and
optional per-site profiles in models/rules/sites/*.json that add to it for one site's pages."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from ..data import check_keys, read_json, read_json_file
from ..errors import ModelError
from ..settings import MODELS_DIR

RULES_FILE = "rules/chrome.json"
SITES_DIR = "rules/sites"


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
    article_paragraph_words: int


@dataclass(frozen=True)
class RegionMarkers:
    """Elements found only in chrome regions: form controls, copyright notices, home links."""

    tags: frozenset[str]
    texts: tuple[str, ...]
    home_link: bool


@dataclass(frozen=True)
class BoilerplateSection:
    """A trailing section of a press release ("About <Company>", "Forward-Looking Statements")."""

    heading: re.Pattern[str]
    first_sentence: re.Pattern[str] | None = None


@dataclass(frozen=True)
class LayoutTables:
    """When a <table> lays out the page rather than holding data."""

    block_tags: frozenset[str]
    max_cell_words: int


@dataclass(frozen=True)
class ChromeRules:
    """Which tags, class tokens and lines are site chrome rather than article."""

    drop_tags: frozenset[str]
    chrome_tags: frozenset[str]
    class_tokens: frozenset[str]
    guard: ChromeGuard
    region_markers: RegionMarkers
    layout_tables: LayoutTables
    chrome_lines: frozenset[str]
    drop_xpaths: tuple[str, ...]
    chrome_line_patterns: tuple[re.Pattern[str], ...]
    chrome_line_pattern_max_words: int
    chrome_paragraph_patterns: tuple[re.Pattern[str], ...]
    boilerplate_sections: tuple[BoilerplateSection, ...]
    teaser_block_headings: frozenset[str]
    reference_prefixes: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    corporate_suffixes: frozenset[str]
    teaser: TeaserShape

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChromeRules:
        fields = {"drop_tags", "chrome_tags", "class_tokens", "guard", "region_markers",
                  "layout_tables", "chrome_lines", "chrome_line_patterns",
                  "chrome_line_pattern_max_words", "chrome_paragraph_patterns",
                  "boilerplate_sections", "teaser_block_headings", "reference_prefixes",
                  "authors", "teaser"}
        check_keys(data, fields | {"_comment"}, RULES_FILE)
        teaser = dict(data["teaser"])
        check_keys(teaser, set(TeaserShape.__dataclass_fields__), f"{RULES_FILE} teaser")
        guard = dict(data["guard"])
        check_keys(guard, set(ChromeGuard.__dataclass_fields__), f"{RULES_FILE} guard")
        authors = dict(data["authors"])
        check_keys(authors, {"byline_prefixes", "corporate_suffixes", "_comment"},
                   f"{RULES_FILE} authors")
        layout = dict(data["layout_tables"])
        check_keys(layout, {"block_tags", "max_cell_words", "_comment"}, f"{RULES_FILE} layout_tables")
        for section in data["boilerplate_sections"]:
            check_keys(section, {"heading", "first_sentence"}, f"{RULES_FILE} boilerplate_sections")
        markers = dict(data["region_markers"])
        check_keys(markers, set(RegionMarkers.__dataclass_fields__) | {"_comment"},
                   f"{RULES_FILE} region_markers")
        return cls(
            drop_tags=frozenset(t.lower() for t in data["drop_tags"]),
            chrome_tags=frozenset(t.lower() for t in data["chrome_tags"]),
            class_tokens=frozenset(t.lower() for t in data["class_tokens"]),
            guard=ChromeGuard(**guard),
            region_markers=RegionMarkers(
                tags=frozenset(t.lower() for t in markers["tags"]),
                texts=tuple(t.lower() for t in markers["texts"]),
                home_link=bool(markers["home_link"])),
            chrome_lines=frozenset(normalize_line(t) for t in data["chrome_lines"]),
            drop_xpaths=(),
            chrome_line_patterns=tuple(re.compile(p) for p in data["chrome_line_patterns"]),
            chrome_line_pattern_max_words=int(data["chrome_line_pattern_max_words"]),
            chrome_paragraph_patterns=tuple(re.compile(p) for p in data["chrome_paragraph_patterns"]),
            boilerplate_sections=tuple(
                BoilerplateSection(re.compile(b["heading"]),
                                   re.compile(b["first_sentence"]) if b.get("first_sentence") else None)
                for b in data["boilerplate_sections"]),
            layout_tables=LayoutTables(frozenset(t.lower() for t in layout["block_tags"]),
                                       int(layout["max_cell_words"])),
            teaser_block_headings=frozenset(normalize_line(t) for t in data["teaser_block_headings"]),
            # Longest first, so "study reference" wins over "reference".
            reference_prefixes=tuple(sorted((p.lower() for p in data["reference_prefixes"]),
                                            key=len, reverse=True)),
            # Longest first, so "view all posts by" wins over "by".
            byline_prefixes=tuple(sorted((p.lower() + " " for p in authors["byline_prefixes"]),
                                         key=len, reverse=True)),
            corporate_suffixes=frozenset(s.lower() for s in authors["corporate_suffixes"]),
            teaser=TeaserShape(**teaser),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "drop_tags": sorted(self.drop_tags),
            "chrome_tags": sorted(self.chrome_tags),
            "class_tokens": sorted(self.class_tokens),
            "guard": asdict(self.guard),
            "region_markers": {"tags": sorted(self.region_markers.tags),
                               "texts": list(self.region_markers.texts),
                               "home_link": self.region_markers.home_link},
            "chrome_lines": sorted(self.chrome_lines),
            "chrome_line_patterns": [p.pattern for p in self.chrome_line_patterns],
            "chrome_line_pattern_max_words": self.chrome_line_pattern_max_words,
            "chrome_paragraph_patterns": [p.pattern for p in self.chrome_paragraph_patterns],
            "boilerplate_sections": [
                {"heading": b.heading.pattern,
                 **({"first_sentence": b.first_sentence.pattern} if b.first_sentence else {})}
                for b in self.boilerplate_sections],
            "layout_tables": {"block_tags": sorted(self.layout_tables.block_tags),
                              "max_cell_words": self.layout_tables.max_cell_words},
            "teaser_block_headings": sorted(self.teaser_block_headings),
            "reference_prefixes": list(self.reference_prefixes),
            "authors": {"byline_prefixes": [p.strip() for p in self.byline_prefixes],
                        "corporate_suffixes": sorted(self.corporate_suffixes)},
            "teaser": asdict(self.teaser),
        }

    def is_chrome_line(self, text: str) -> bool:
        if normalize_line(text) in self.chrome_lines:
            return True
        lowered = " ".join(text.lower().split())
        if any(p.search(lowered) for p in self.chrome_paragraph_patterns):
            return True
        if len(text.split()) > self.chrome_line_pattern_max_words:
            return False
        return any(p.search(lowered) for p in self.chrome_line_patterns)

    def boilerplate_section(self, heading: str, first_sentence: str) -> bool:
        """Whether a section with this heading and opening sentence is boilerplate."""
        heading = " ".join(heading.lower().split()).rstrip(":")
        return any(b.heading.search(heading)
                   and (b.first_sentence is None or b.first_sentence.search(first_sentence.lower()))
                   for b in self.boilerplate_sections)

    def for_url(self, url: str | None) -> ChromeRules:
        """These rules plus the site profile (models/rules/sites/) for the URL's host, if any."""
        host = (urlsplit(url).hostname or "").lower() if url else ""
        profile = load_site_profiles().get(host.removeprefix("www."))
        if profile is None:
            return self
        return replace(
            self,
            class_tokens=self.class_tokens | profile.class_tokens,
            chrome_lines=self.chrome_lines | profile.chrome_lines,
            drop_xpaths=self.drop_xpaths + profile.drop_xpaths,
        )

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


@dataclass(frozen=True)
class SiteProfile:
    """Extra chrome rules for one site, added to the generic ones for its pages."""

    name: str
    hosts: tuple[str, ...]
    drop_xpaths: tuple[str, ...]
    class_tokens: frozenset[str]
    chrome_lines: frozenset[str]

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any]) -> SiteProfile:
        where = f"{SITES_DIR}/{name}.json"
        check_keys(data, {"_comment", "hosts", "drop_xpaths", "class_tokens", "chrome_lines"}, where)
        if not data.get("hosts"):
            raise ModelError(f"{where}: a site profile needs at least one host")
        for xpath in data.get("drop_xpaths", []):
            try:
                etree.XPath(xpath)
            except etree.XPathSyntaxError as e:
                raise ModelError(f"{where}: bad XPath {xpath!r}: {e}") from e
        return cls(
            name=name,
            hosts=tuple(h.lower().removeprefix("www.") for h in data["hosts"]),
            drop_xpaths=tuple(data.get("drop_xpaths", [])),
            class_tokens=frozenset(t.lower() for t in data.get("class_tokens", [])),
            chrome_lines=frozenset(normalize_line(t) for t in data.get("chrome_lines", [])),
        )


@cache
def load_site_profiles() -> dict[str, SiteProfile]:
    """Site profiles by host (without "www."), from models/rules/sites/*.json."""
    folder = MODELS_DIR / SITES_DIR
    profiles: dict[str, SiteProfile] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        profile = SiteProfile.from_dict(path.stem, read_json_file(path))
        for host in profile.hosts:
            profiles[host] = profile
    return profiles


@cache
def load_chrome_rules() -> ChromeRules:
    """The chrome rules from models/, parsed once per process."""
    return ChromeRules.from_dict(read_json(RULES_FILE))
