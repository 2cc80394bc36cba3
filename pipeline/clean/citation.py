"""Parse a study reference line ("Reference: Rutkowski P, ... J Surg Oncol. 2006;93:304-311.").

Follows the Vancouver/NLM shape used by news sites and journals:
``Authors. Title. Journal. Year[ Mon];Volume(Issue):Pages. doi:... PMID: ...``
"""

from __future__ import annotations

import re

from ..schema import Citation

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s;,]+)", re.IGNORECASE)
_PMID = re.compile(r"\bPMID:?\s*(\d{5,9})\b", re.IGNORECASE)
_LOCATOR = re.compile(
    r"(?P<year>(?:19|20)\d{2})[a-z]?"
    r"(?:\s+[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?"  # optional month (and day)
    r"\s*;\s*(?P<volume>\d+)"
    r"(?:\s*\((?P<issue>[^)]+)\))?"
    r"(?:\s*:\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?))?"
)
_YEAR_ONLY = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
# A segment boundary is a period followed by space, except after an initial ("P.") which
# belongs to an author list.
_SEGMENT_END = re.compile(r"(?<!\b[A-Z])\.\s+")
_AUTHOR = re.compile(r"^[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)*\s[A-Z]{1,3}$")
_ET_AL = re.compile(r",?\s*et\s+al\.?$", re.IGNORECASE)


def parse_citation(raw: str) -> Citation:
    """Split a reference line into authors, title, journal, year, volume, issue, pages, ids."""
    text = " ".join(raw.split())
    doi = _DOI.search(text)
    pmid = _PMID.search(text)
    locator = _LOCATOR.search(text)
    head = text[: locator.start()] if locator else text
    if doi:
        head = head.replace(doi.group(0), "")
    segments = [s.strip(" .") for s in _SEGMENT_END.split(head) if s.strip(" .")]
    segments = [s for s in segments if not s.lower().startswith(("doi", "pmid"))]

    authors: tuple[str, ...] = ()
    if segments and _looks_like_authors(segments[0]):
        authors = _split_authors(segments.pop(0))
    journal = segments.pop() if locator and segments else None
    title = ". ".join(segments) or None

    year = int(locator.group("year")) if locator else None
    if year is None and (match := _YEAR_ONLY.search(text)):
        year = int(match.group("year"))
    return Citation(
        raw=text,
        authors=authors,
        title=title,
        journal=journal,
        year=year,
        volume=locator.group("volume") if locator else None,
        issue=locator.group("issue") if locator else None,
        pages=_pages(locator.group("pages")) if locator and locator.group("pages") else None,
        doi=doi.group(1).rstrip(".") if doi else None,
        pmid=pmid.group(1) if pmid else None,
    )


def _looks_like_authors(segment: str) -> bool:
    names = [n.strip() for n in _ET_AL.sub("", segment).split(",") if n.strip()]
    return bool(names) and all(_AUTHOR.match(n) for n in names)


def _split_authors(segment: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in _ET_AL.sub("", segment).split(",") if n.strip())


def _pages(pages: str) -> str:
    return re.sub(r"\s*[-\u2013]\s*", "-", pages)
