"""Plain-text page dumps (a page saved as text, chrome lines included) to a CleanArticle."""

from __future__ import annotations

import re

from ..encoding import check_text
from ..errors import EmptyArticleError
from .article import Block, CleanArticle
from .blocks import drop_chrome, split_reference
from .rules import load_chrome_rules

_BULLET = re.compile(r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u2023\u2043*]|[-\u2013]\s)\s*")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_SENTENCE_END = (".", "!", "?", ":", ";", "\u201d", '"', ")")


def clean_text(text: str, *, source: str | None = None) -> CleanArticle:
    """Clean a plain-text page dump: drop chrome lines and teaser blocks, keep the article."""
    check_text(text, source)
    rules = load_chrome_rules()
    blocks = drop_chrome(text_to_blocks(text), rules)
    body, citation = split_reference(blocks, rules)
    title = None
    if body and body[0].kind == "heading":
        title = body.pop(0).text
    if not body:
        raise EmptyArticleError(f"no article text left after cleaning {source or 'text'}")
    return CleanArticle(source=source, blocks=tuple(body), title=title, citation=citation)


#: Cell separator of flattened table rows, as the HTML cleaner writes them.
_TABLE_CELL = " | "


def text_to_blocks(text: str) -> list[Block]:
    """One block per line; bullets become items, Markdown '#' lines headings.

    A line that continues a hard-wrapped paragraph (the previous line has no sentence end
    and this one starts in lower case) is joined to it; rows of a flattened table
    ("dMMR, progression | 12/53 | 31/51") never are, nor is a line joined to one.
    """
    blocks: list[Block] = []
    previous_blank = True
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            previous_blank = True
            continue
        if _MD_HEADING.match(line):
            blocks.append(Block("heading", _MD_HEADING.sub("", line)))
        elif _BULLET.match(line):
            blocks.append(Block("item", _BULLET.sub("", line)))
        elif (blocks and not previous_blank and line[0].islower()
              and not blocks[-1].text.endswith(_SENTENCE_END)
              and _TABLE_CELL not in line and _TABLE_CELL not in blocks[-1].text):
            blocks[-1] = Block(blocks[-1].kind, f"{blocks[-1].text} {line}")
        else:
            blocks.append(Block("paragraph", line))
        previous_blank = False
    return blocks
