"""How well a cleaner keeps the article and drops the chrome.

Two kinds of gold, scored the way their public harnesses score them
(``../shared/benchmarks/evaluate_cleaning.py``):

- snippets (our ``corpora/pages``): a ``must`` snippet found in the output is a true
  positive, missing a false negative; a ``must_not`` snippet found is a false positive (a
  leak). Counts are summed over pages (micro average), as trafilatura's evaluation does.
- article bodies (the Zyte article-extraction benchmark): output and gold are cut into
  word 4-gram shingles; per page, precision and recall of the shingle multisets; the
  overall scores are the means over pages, F1 the harmonic mean of the two means.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..schema import SnippetFile
from ..scores import Score, f1_of
from .article import CleanArticle

#: A cleaner under test: page bytes in, article text (or our CleanArticle) out.
Cleaner = Callable[[bytes], "str | CleanArticle"]

_WORD = re.compile(r"\w+")
SHINGLE = 4


@dataclass
class SnippetScore(Score):
    """Snippet counts summed over pages (tp: must found, fn: must missed, fp: must-not
    leaked, tn: must-not absent), plus the metadata our cleaner reports."""

    pages: int = 0
    tn: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)
    leaked: list[tuple[str, str]] = field(default_factory=list)
    metadata_hits: Counter[str] = field(default_factory=Counter)
    metadata_total: int = 0

    def metadata_accuracy(self) -> dict[str, float]:
        total = self.metadata_total or 1
        return {k: self.metadata_hits[k] / total for k in ("title", "published", "authors")}


def snippet_files(folder: str | Path) -> list[Path]:
    return sorted(Path(folder).rglob("*.snippets.json"))


def score_snippets(folder: str | Path, clean: Cleaner) -> SnippetScore:
    """Run ``clean`` on every page that has a snippets file under ``folder`` and score it."""
    score = SnippetScore()
    for path in snippet_files(folder):
        gold = SnippetFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
        page = path.parent / gold.input
        result = clean(page.read_bytes())
        text = _normalise(result.text if isinstance(result, CleanArticle) else result)
        score.pages += 1
        for snippet in gold.must:
            if _normalise(snippet) in text:
                score.tp += 1
            else:
                score.fn += 1
                score.missed.append((page.name, snippet))
        for snippet in gold.must_not:
            if _normalise(snippet) in text:
                score.fp += 1
                score.leaked.append((page.name, snippet))
            else:
                score.tn += 1
        if isinstance(result, CleanArticle):
            score.metadata_total += 1
            score.metadata_hits["title"] += result.title == gold.title
            score.metadata_hits["published"] += result.published == gold.published
            score.metadata_hits["authors"] += tuple(result.authors) == gold.authors
    return score


@dataclass
class BodyScore:
    """Per-page shingle overlaps against gold article bodies."""

    triples: list[tuple[float, float, float]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        values = [tp / (tp + fp) for tp, fp, _ in self.triples if tp + fp > 0]
        return sum(values) / len(values) if values else 0.0

    @property
    def recall(self) -> float:
        values = [tp / (tp + fn) for tp, _, fn in self.triples if tp + fn > 0]
        return sum(values) / len(values) if values else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)


def body_overlap(gold: str, output: str, *, n: int = SHINGLE) -> tuple[float, float, float]:
    """True positive, false positive and false negative shingle shares of one page."""
    g, o = _shingles(gold, n), _shingles(output, n)
    tp = sum((g & o).values())
    fp = sum(o.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def load_body_benchmark(folder: str | Path) -> list[tuple[str, bytes, str]]:
    """The Zyte benchmark's pages: (id, HTML bytes, gold article body), sorted by id."""
    folder = Path(folder)
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid, item in sorted(gold.items()):
        path = folder / "html" / f"{pid}.html.gz"
        data = gzip.decompress(path.read_bytes()) if path.exists() else (
            folder / "html" / f"{pid}.html").read_bytes()
        pages.append((pid, data, item.get("articleBody") or ""))
    return pages


def score_bodies(pages: list[tuple[str, bytes, str]], clean: Cleaner) -> BodyScore:
    score = BodyScore()
    for _, data, body in pages:
        result = clean(data)
        text = result.text if isinstance(result, CleanArticle) else result
        score.triples.append(body_overlap(body, text))
    return score


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
