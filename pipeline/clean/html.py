"""HTML pages to a CleanArticle: metadata, main content, chrome removal, blocks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from dateutil import parser as dateparser

from ..errors import EmptyArticleError
from .article import Block, BlockKind, CleanArticle
from .blocks import drop_chrome, split_reference
from .rules import ChromeRules, load_chrome_rules

_BLOCK_KINDS: dict[str, BlockKind] = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "p": "paragraph", "blockquote": "paragraph", "pre": "paragraph", "dd": "paragraph",
    "dt": "paragraph", "caption": "paragraph", "figcaption": "paragraph",
    "li": "item", "tr": "row",
}
_INLINE = {"a", "abbr", "b", "bdi", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
           "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
           "br", "wbr", "font"}
# Tags that make an inline element (a card wrapped in <a>) a container to walk into.
_CONTAINERS = [*_BLOCK_KINDS, "div", "section", "article", "ul", "ol", "table", "dl"]
# Where the article body usually is, best first (schema.org markup, HTML5, common ids).
_MAIN_SELECTORS = ('[itemprop="articleBody"]', "article", "main", '[role="main"]',
                   "#content", ".content")
# An element holding more than this share of the body's text is never chrome, whatever its
# class says (guards against wrappers named "content-with-sidebar" and the like).
_MAX_CHROME_SHARE = 0.5
# A main-content candidate needs at least this much text to beat the next selector.
_MIN_MAIN_CHARS = 200


def clean_html(html: str | bytes, *, url: str | None = None,
               source: str | None = None) -> CleanArticle:
    """Clean an HTML page: strip site chrome and return the article with its metadata."""
    rules = load_chrome_rules()
    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    published = _published(soup)
    authors = _authors(soup)
    canonical = _canonical(soup) or url
    site_name = _meta(soup, "og:site_name")

    root = _main_content(soup)
    _strip_chrome(root, rules)
    blocks = drop_chrome(list(_blocks(root)), rules)
    body, citation = split_reference(blocks, rules)
    if body and body[0].kind == "heading" and title and body[0].text == title:
        body.pop(0)
    if not any(b.kind != "heading" for b in body):
        raise EmptyArticleError(f"no article text left after cleaning {source or url or 'page'}")
    return CleanArticle(source=source or url, blocks=tuple(body), url=canonical, title=title,
                        published=published, authors=authors, site_name=site_name,
                        citation=citation)


def _main_content(soup: BeautifulSoup) -> Tag:
    for selector in _MAIN_SELECTORS:
        candidates = soup.select(selector)
        if candidates:
            best = max(candidates, key=lambda el: len(el.get_text(" ", strip=True)))
            if len(best.get_text(" ", strip=True)) >= _MIN_MAIN_CHARS:
                return best
    return soup.body or soup


def _strip_chrome(root: Tag, rules: ChromeRules) -> None:
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for el in root.find_all(True):
        if el.decomposed:
            continue
        if el.name in rules.drop_tags or _hidden(el):
            el.decompose()
    total = len(root.get_text(" ", strip=True)) or 1
    for el in root.find_all(True):
        if el.decomposed:
            continue
        names = list(el.get("class") or []) + [el.get("id") or ""]
        if rules.has_chrome_class(names):
            if len(el.get_text(" ", strip=True)) / total <= _MAX_CHROME_SHARE:
                el.decompose()


def _hidden(el: Tag) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (el.has_attr("hidden") or el.get("aria-hidden") == "true"
            or "display:none" in style or "visibility:hidden" in style)


def _blocks(root: Tag) -> Iterator[Block]:
    """Flatten the content tree to blocks, in document order."""
    inline: list[str] = []

    def flush() -> Iterator[Block]:
        text = " ".join("".join(inline).split())
        inline.clear()
        if text:
            yield Block("paragraph", text)

    for child in root.children:
        if isinstance(child, NavigableString):
            inline.append(str(child))
        elif not isinstance(child, Tag):
            continue
        elif child.name in _BLOCK_KINDS:
            yield from flush()
            kind = _BLOCK_KINDS[child.name]
            if kind == "row":
                cells = [" ".join(c.get_text(" ").split()) for c in child.find_all(["td", "th"])]
                text = " | ".join(c for c in cells if c)
            else:
                text = " ".join(child.get_text("").split())
            if text:
                yield Block(kind, text)
        elif child.name in _INLINE and not child.find(_CONTAINERS):
            inline.append(" " if child.name == "br" else child.get_text(""))
        else:
            yield from flush()
            yield from _blocks(child)
    yield from flush()


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content", "").strip():
            return " ".join(tag["content"].split())
    return None


def _json_ld(soup: BeautifulSoup) -> Iterator[dict]:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError:
            continue  # broken JSON-LD is common; the other metadata sources still apply
        items = data if isinstance(data, list) else data.get("@graph", [data])
        yield from (item for item in items if isinstance(item, dict))


def _title(soup: BeautifulSoup) -> str | None:
    title = _meta(soup, "og:title", "citation_title", "twitter:title")
    if not title and (h1 := soup.find("h1")):
        title = " ".join(h1.get_text(" ").split()) or None
    if not title and soup.title and soup.title.string:
        title = soup.title.string.split(" | ")[0].strip() or None
    return title


def _published(soup: BeautifulSoup) -> dt.date | None:
    candidates = [_meta(soup, "article:published_time", "citation_publication_date",
                        "citation_date", "dc.date", "date", "pubdate")]
    candidates += [item.get("datePublished") for item in _json_ld(soup)]
    itemprop = soup.find(attrs={"itemprop": "datePublished"})
    if itemprop:
        candidates.append(itemprop.get("content") or itemprop.get("datetime"))
    time = soup.find("time", attrs={"datetime": True})
    if time:
        candidates.append(time["datetime"])
    for value in candidates:
        if isinstance(value, str) and value.strip():
            try:
                return dateparser.parse(value.strip()).date()
            except (ValueError, OverflowError):
                continue
    return None


def _authors(soup: BeautifulSoup) -> tuple[str, ...]:
    names = [m["content"].strip() for m in soup.find_all("meta", attrs={"name": "citation_author"})]
    if not names and (author := _meta(soup, "author", "article:author")):
        names = [author]
    if not names:
        for item in _json_ld(soup):
            author = item.get("author")
            for a in author if isinstance(author, list) else [author]:
                if isinstance(a, dict) and a.get("name"):
                    names.append(a["name"])
    if not names:
        for el in soup.select('[rel="author"], [itemprop="author"]'):
            names.append(" ".join(el.get_text(" ").split()))
    cleaned = []
    for name in names:
        name = name.removeprefix("By ").removeprefix("by ").strip()
        if name and name not in cleaned:
            cleaned.append(name)
    return tuple(cleaned)


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    if link and link.get("href", "").startswith(("http://", "https://")):
        return link["href"].strip()
    return _meta(soup, "og:url")
