"""The cleaned article: what the NLP stage reads, plus the page's metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from ..schema import Citation

BlockKind = Literal["heading", "paragraph", "item", "row"]

#: Paragraphs are joined with a blank line; the sentence splitter treats it as a hard break.
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of the article body."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class CleanArticle:
    """An article with the site chrome removed. ``text`` is exactly what the NLP stage sees."""

    source: str | None
    blocks: tuple[Block, ...]
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    citation: Citation | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.blocks)

    @property
    def text(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)

    @property
    def content_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (``onco-evidence clean --format json``)."""
        return {
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "authors": list(self.authors),
            "site_name": self.site_name,
            "paragraphs": [{"kind": b.kind, "text": b.text} for b in self.blocks],
            "citation": self.citation.model_dump(mode="json") if self.citation else None,
            "text": self.text,
        }
