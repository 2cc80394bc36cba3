"""Block-level cleaning shared by HTML pages and plain-text page dumps.

Both kinds of input are first flattened to a list of blocks (headings, paragraphs, list
items, table rows); this module then drops chrome lines, inline teaser blocks
("Recommended Articles" + cards) and pulls the study reference out of the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..schema import Citation
from .article import Block
from .citation import parse_citation
from .rules import ChromeRules, normalize_line

_SENTENCE_END = (".", ";", ":", "!")
_HEADING_WORDS = 8


def drop_chrome(blocks: Sequence[Block], rules: ChromeRules) -> list[Block]:
    """Remove chrome lines, teaser blocks and boilerplate sections, keeping the article."""
    kept: list[Block] = []
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        if rules.is_chrome_line(text):
            i += 1
        elif rules.is_teaser_heading(text):
            i = _end_of_teasers(blocks, i + 1, rules)
        elif _is_heading_like(blocks[i]) and rules.boilerplate_section(
                text, blocks[i + 1].text if i + 1 < len(blocks) else ""):
            i += 1
            while i < len(blocks) and not _is_heading_like(blocks[i]):
                i += 1
        else:
            kept.append(blocks[i])
            i += 1
    return kept


def _is_heading_like(block: Block) -> bool:
    """A heading, or a short line with no sentence end (press releases bold a <p>)."""
    if block.kind == "heading":
        return True
    text = block.text.rstrip()
    return (block.kind == "paragraph" and len(text.split()) <= _HEADING_WORDS
            and not text.endswith(_SENTENCE_END))


def _end_of_teasers(blocks: Sequence[Block], start: int, rules: ChromeRules) -> int:
    """Index of the first block after a run of teaser cards.

    A card flattens to an optional image line, a headline (a short line with no sentence
    punctuation at its end) and at most one short blurb (a few words at least, so that a
    section heading such as "Results" is not mistaken for one) right after the headline. The run
    ends at the first block that fits none of these: the article resumes there.
    """
    shape = rules.teaser
    cards = 0
    after_headline = False
    i = start
    while i < len(blocks):
        text = blocks[i].text
        words = len(text.split())
        if rules.is_chrome_line(text):
            i += 1
        elif (shape.min_headline_words <= words <= shape.max_headline_words
              and not text.rstrip().endswith(_SENTENCE_END) and cards < shape.max_cards):
            cards += 1
            after_headline = True
            i += 1
        elif after_headline and shape.min_blurb_words <= words <= shape.max_blurb_words:
            after_headline = False
            i += 1
        else:
            break
    return i


def split_reference(
    blocks: Sequence[Block], rules: ChromeRules
) -> tuple[list[Block], Citation | None]:
    """Take the study reference line ("Reference: ...") out of the body and parse it."""
    body: list[Block] = []
    citation: Citation | None = None
    pending_heading = False
    for block in blocks:
        prefix, rest = _reference_prefix(block.text, rules)
        if prefix and rest:
            citation = citation or parse_citation(rest)
        elif prefix and not rest:  # a "References" heading: the next block is the reference
            pending_heading = True
        elif pending_heading:
            citation = citation or parse_citation(block.text)
            pending_heading = False
        else:
            body.append(block)
    return body, citation


def _reference_prefix(text: str, rules: ChromeRules) -> tuple[str | None, str]:
    head, sep, rest = text.partition(":")
    if sep and normalize_line(head) in rules.reference_prefixes:
        return head, rest.strip()
    if normalize_line(text) in rules.reference_prefixes:
        return text, ""
    return None, text
