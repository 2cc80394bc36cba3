"""Where articles come from: a sources file naming feeds, sitemaps, URL lists and folders (issue #3).

1. ``load_sources`` reads a sources file (TOML or YAML) and validates it: unknown keys are
   errors, and relative locations are resolved against the file's folder.
2. ``discover`` lists the pages one source names (RSS/Atom items, sitemap URLs, lines of a
   URL list, article files of a folder), deduplicated, filtered and cut to the source's limit.
3. ``discover_all`` does every source; a source that fails is recorded with its error and
   the others go on.

Feeds and sitemaps are parsed with lxml without resolving entities, loading DTDs or touching
the network, so a hostile feed cannot expand entities ("billion laughs") or read local files.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urldefrag, urljoin

import yaml
from lxml import etree
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import DiscoveryError, OncoEvidenceError, SourcesError
from .fetch import PAGE_TYPES, XML_TYPES, Fetcher, decode, gunzip, is_url
from .redaction import redacting_logger

log = redacting_logger(__name__)

SourceKind = Literal["feed", "sitemap", "urls", "folder", "url"]
#: The files a folder source lists (README files and hidden folders are skipped).
ARTICLE_SUFFIXES = frozenset({".html", ".htm", ".txt", ".md"})
#: How deep sitemap indexes may nest (an index of indexes of indexes of sitemaps).
MAX_SITEMAP_DEPTH = 3
#: Include/exclude patterns starting with this are regular expressions; others are substrings.
REGEX_PREFIX = "re:"

# Feeds and sitemaps that come as text/html or text/plain are misconfigured, not wrong.
_DISCOVERY_TYPES = XML_TYPES | PAGE_TYPES
_GZIP_MAGIC = b"\x1f\x8b"
# Child elements holding an entry's date, best first: a change matters more than first publication.
_DATE_TAGS = ("updated", "modified", "pubDate", "published", "date", "issued")


class Source(BaseModel):
    """One source of articles, as the sources file declares it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    kind: SourceKind
    location: str = Field(min_length=1)  # a URL, or a path (relative to the sources file)
    include: tuple[str, ...] = ()  # keep only locations matching one of these
    exclude: tuple[str, ...] = ()  # then drop locations matching one of these
    limit: int | None = Field(default=None, gt=0)
    min_interval: float | None = Field(default=None, ge=0)  # seconds between requests to a host

    @field_validator("include", "exclude")
    @classmethod
    def _patterns_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            if pattern.startswith(REGEX_PREFIX):
                try:
                    re.compile(pattern.removeprefix(REGEX_PREFIX))
                except re.error as e:
                    raise ValueError(f"bad regular expression {pattern!r}: {e}") from e
            elif not pattern:
                raise ValueError("empty pattern")
        return patterns

    @model_validator(mode="after")
    def _location_fits_kind(self) -> Source:
        if self.kind == "url" and not is_url(self.location):
            raise ValueError(f"a 'url' source needs an http(s) URL, not {self.location!r}")
        if self.kind == "folder" and is_url(self.location):
            raise ValueError(f"a 'folder' source needs a local folder, not {self.location!r}")
        return self

    def matches(self, location: str) -> bool:
        """Whether ``location`` passes the source's include and exclude patterns."""
        if self.include and not any(_matches(p, location) for p in self.include):
            return False
        return not any(_matches(p, location) for p in self.exclude)


class _SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_unique(self) -> _SourcesFile:
        seen: set[str] = set()
        for source in self.source:
            if source.name in seen:
                raise ValueError(f"duplicate source name {source.name!r}")
            seen.add(source.name)
        return self


@dataclass(frozen=True)
class Discovered:
    """A page a source names: a URL or a local path, the source's name, and its date if known."""

    location: str
    source: str
    date: dt.datetime | None = None  # sitemap lastmod, feed updated/pubDate, file mtime (UTC)
    min_interval: float | None = None  # the source's politeness override, for fetching the page

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


def _matches(pattern: str, location: str) -> bool:
    if pattern.startswith(REGEX_PREFIX):
        return re.search(pattern.removeprefix(REGEX_PREFIX), location) is not None
    return pattern in location


# --- the sources file ----------------------------------------------------------------------

def load_sources(path: str | Path) -> list[Source]:
    """Read and validate a sources file (``.toml``, ``.yaml`` or ``.yml``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".toml", ".yaml", ".yml"}:
        raise SourcesError(f"{path}: a sources file is TOML (.toml) or YAML (.yaml, .yml), not {suffix!r}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise SourcesError(f"{path}: no such file") from e
    except (OSError, UnicodeDecodeError) as e:
        raise SourcesError(f"{path}: cannot read it ({e})") from e
    try:
        data = tomllib.loads(text) if suffix == ".toml" else yaml.safe_load(text)
    except tomllib.TOMLDecodeError as e:
        raise SourcesError(f"{path}: invalid TOML: {e}") from e
    except yaml.YAMLError as e:
        raise SourcesError(f"{path}: invalid YAML: {e}") from e
    if data is None or data == {}:
        raise SourcesError(f"{path}: no sources (add a [[source]] table / a 'source:' list)")
    if not isinstance(data, dict):
        raise SourcesError(f"{path}: expected a table with a 'source' list, got {type(data).__name__}")
    try:
        parsed = _SourcesFile.model_validate(data)
    except ValidationError as e:
        raise SourcesError(f"{path}: {_explain(e, data)}") from e
    return [_resolved(source, path.parent) for source in parsed.source]


def _explain(error: ValidationError, data: dict[str, Any]) -> str:
    """Pydantic's errors as 'source 'name' (#n), field 'x': problem', one per problem."""
    entries = data.get("source") if isinstance(data.get("source"), list) else []
    problems = []
    for item in error.errors():
        loc = item["loc"]
        where = []
        if len(loc) >= 2 and loc[0] == "source" and isinstance(loc[1], int):
            entry = entries[loc[1]] if loc[1] < len(entries) else None
            name = entry.get("name") if isinstance(entry, dict) else None
            where.append(f"source {name!r} (#{loc[1] + 1})" if name else f"source #{loc[1] + 1}")
            loc = loc[2:]
        if loc:
            where.append(f"field {'.'.join(str(part) for part in loc)!r}")
        message = "unknown key" if item["type"] == "extra_forbidden" else item["msg"]
        message = message.removeprefix("Value error, ")
        problems.append(f"{', '.join(where)}: {message}" if where else message)
    return "; ".join(problems)


def _resolved(source: Source, folder: Path) -> Source:
    if is_url(source.location) or Path(source.location).is_absolute():
        return source
    return source.model_copy(update={"location": str((folder / source.location).resolve())})


# --- discovery -----------------------------------------------------------------------------

_Report = Callable[[OncoEvidenceError], None]


def discover(source: Source, fetcher: Fetcher, *,
             problems: list[OncoEvidenceError] | None = None) -> list[Discovered]:
    """The pages a source names, deduplicated, filtered by include/exclude, cut to its limit.

    Raises the error that keeps the whole source from loading (a FetchError, DiscoveryError).
    Errors that spoil only part of it (a child sitemap that fails, a bad line in a URL list)
    are appended to ``problems`` when it is given, and raised otherwise.
    """
    def report(error: OncoEvidenceError) -> None:
        if problems is None:
            raise error
        log.warning("source %r: %s", source.name, error.reason)
        problems.append(error)

    found = _DISCOVERERS[source.kind](source, fetcher, report)
    return list(_select(found, source))


def discover_all(sources: Sequence[Source], fetcher: Fetcher
                 ) -> tuple[list[Discovered], list[tuple[str, OncoEvidenceError]]]:
    """Discover every source; returns the pages (each location once) and (source name, error)s."""
    found: dict[str, Discovered] = {}
    errors: list[tuple[str, OncoEvidenceError]] = []
    for source in sources:
        problems: list[OncoEvidenceError] = []
        try:
            items = discover(source, fetcher, problems=problems)
        except OncoEvidenceError as e:
            log.warning("source %r failed: %s", source.name, e.reason)
            items = []
            problems.append(e)
        except Exception as e:  # noqa: BLE001 - the batch boundary: one bad source never stops it
            log.exception("unexpected error discovering source %r", source.name)
            items = []
            problems.append(DiscoveryError(f"internal error on source {source.name!r}: "
                                           f"{type(e).__name__}: {e}"))
        errors.extend((source.name, problem) for problem in problems)
        for item in items:
            found.setdefault(item.location, item)  # the first source to name a page keeps it
    return list(found.values()), errors


def _select(found: Iterable[Discovered], source: Source) -> Iterator[Discovered]:
    """Deduplicate, filter and limit; stops pulling (and fetching child sitemaps) at the limit."""
    seen: set[str] = set()
    n = 0
    for item in found:
        if item.location in seen or not source.matches(item.location):
            continue
        seen.add(item.location)
        yield item
        n += 1
        if source.limit is not None and n >= source.limit:
            return


def _discovered(location: str, source: Source, date: dt.datetime | None = None) -> Discovered:
    if is_url(location):
        location = urldefrag(location).url  # "#comments" is the same page
    return Discovered(location=location, source=source.name, date=date, min_interval=source.min_interval)


def _read(location: str, source: Source, fetcher: Fetcher) -> tuple[bytes, str]:
    """The bytes at a URL (through the fetcher) or a local file, and the base for relative links."""
    if is_url(location):
        page = fetcher.fetch(location, accept=_DISCOVERY_TYPES, min_interval=source.min_interval)
        return page.content, page.final_url
    path = Path(location)
    try:
        if path.stat().st_size > fetcher.settings.max_bytes:
            raise DiscoveryError(f"{location} is larger than {fetcher.settings.max_bytes} bytes "
                                 f"(source {source.name!r})")
        return path.read_bytes(), str(path)
    except FileNotFoundError as e:
        raise DiscoveryError(f"no such file {location} (source {source.name!r})") from e
    except OSError as e:
        raise DiscoveryError(f"cannot read {location} (source {source.name!r}): {e}") from e


def _join(base: str, reference: str) -> str:
    if is_url(base) or is_url(reference):
        return urljoin(base, reference)
    return str(Path(base).parent / reference)


def _parse_xml(data: bytes, location: str, source: Source) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        raise DiscoveryError(f"{location} is not well-formed XML (source {source.name!r}): {e}") from e
    return root


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in element if _local(child) == name)


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in _children(element, name):
        if child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_date(text: str | None) -> dt.datetime | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, sitemaps) date as an aware UTC datetime, if it parses."""
    if not text:
        return None
    text = text.strip()
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            when = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC)


# --- one function per kind -----------------------------------------------------------------

def _feed(source: Source, fetcher: Fetcher, report: _Report) -> Iterator[Discovered]:
    """RSS 2.0 / RSS 1.0 items and Atom entries: their page link and date."""
    data, base = _read(source.location, source, fetcher)
    root = _parse_xml(data, source.location, source)
    if _local(root) not in {"rss", "RDF", "feed"}:
        raise DiscoveryError(f"{source.location} is not an RSS or Atom feed (root element "
                             f"<{_local(root)}>, source {source.name!r})")
    for entry in root.iter():
        if _local(entry) in {"item", "entry"} and (link := _entry_link(entry)):
            date = next((d for tag in _DATE_TAGS if (d := parse_date(_child_text(entry, tag)))), None)
            location = _join(base, link)
            if is_url(location):
                yield _discovered(location, source, date)


def _entry_link(entry: etree._Element) -> str | None:
    for link in _children(entry, "link"):
        href = link.get("href")
        if href is not None:  # Atom: the alternate link is the page (not self, enclosure...)
            if link.get("rel", "alternate") == "alternate" and href.strip():
                return href.strip()
        elif link.text and link.text.strip():  # RSS
            return link.text.strip()
    for guid in _children(entry, "guid"):  # RSS items without <link>: a permalink guid
        if guid.get("isPermaLink", "true") == "true" and guid.text and is_url(guid.text.strip()):
            return guid.text.strip()
    return None


def _sitemap(source: Source, fetcher: Fetcher, report: _Report) -> Iterator[Discovered]:
    yield from _sitemap_urls(source.location, source, fetcher, report, depth=0, seen=set())


def _sitemap_urls(location: str, source: Source, fetcher: Fetcher, report: _Report, *,
                  depth: int, seen: set[str]) -> Iterator[Discovered]:
    """A <urlset>'s URLs, or (recursively) those of a <sitemapindex>'s sitemaps."""
    seen.add(location)
    data, base = _read(location, source, fetcher)
    if data.startswith(_GZIP_MAGIC):  # .xml.gz (a Content-Encoding was already undone)
        data = gunzip(data, max_bytes=fetcher.settings.max_bytes, source=location)
    root = _parse_xml(data, location, source)
    kind = _local(root)
    if kind == "urlset":
        for url in _children(root, "url"):
            loc = _child_text(url, "loc")
            if loc and is_url(page := _join(base, loc)):
                yield _discovered(page, source, parse_date(_child_text(url, "lastmod")))
    elif kind == "sitemapindex":
        if depth >= MAX_SITEMAP_DEPTH:
            report(DiscoveryError(f"sitemap index {location} is nested deeper than {MAX_SITEMAP_DEPTH} "
                                  f"levels; not followed (source {source.name!r})"))
            return
        for sitemap in _children(root, "sitemap"):
            loc = _child_text(sitemap, "loc")
            child = _join(base, loc) if loc else None
            if child is None or child in seen:
                continue
            try:
                yield from _sitemap_urls(child, source, fetcher, report, depth=depth + 1, seen=seen)
            except OncoEvidenceError as e:
                report(e)  # one broken child sitemap does not lose the others
    else:
        raise DiscoveryError(f"{location} is not a sitemap (root element <{kind}>, source {source.name!r})")


def _urls(source: Source, fetcher: Fetcher, report: _Report) -> Iterator[Discovered]:
    """One URL per line; blank lines and lines starting with # are skipped."""
    data, _ = _read(source.location, source, fetcher)
    text = decode(data, media_type="text/plain")[0]
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            report(DiscoveryError(f"{source.location} line {n}: not an http(s) URL: {line!r} "
                                  f"(source {source.name!r})"))
            continue
        yield _discovered(line, source)


def _folder(source: Source, fetcher: Fetcher, report: _Report) -> Iterator[Discovered]:
    """The article files under a folder, sorted (README files and hidden folders skipped)."""
    root = Path(source.location)
    if not root.is_dir():
        raise DiscoveryError(f"no such folder {source.location} (source {source.name!r})")
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if (path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()
                and not path.stem.upper().startswith("README")
                and not any(part.startswith(".") for part in relative.parts)):
            mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
            yield _discovered(path.as_posix(), source, mtime)


def _url(source: Source, fetcher: Fetcher, report: _Report) -> Iterator[Discovered]:
    yield _discovered(source.location, source)


_DISCOVERERS: dict[str, Callable[[Source, Fetcher, _Report], Iterator[Discovered]]] = {
    "feed": _feed, "sitemap": _sitemap, "urls": _urls, "folder": _folder, "url": _url}
