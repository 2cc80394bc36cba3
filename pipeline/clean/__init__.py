"""Cleaning: HTML pages and text dumps to the article text the NLP stage reads."""

from .article import Block, CleanArticle
from .citation import parse_citation
from .html import clean_html
from .text import clean_text

__all__ = ["Block", "CleanArticle", "clean_html", "clean_text", "parse_citation"]
