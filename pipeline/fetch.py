"""Fetching pages politely over HTTP(S) (issue #3).

A ``Fetcher`` (one per batch, thread-safe) owns one httpx client and the politeness state:
robots.txt rules per site (RFC 9309), a minimum interval between two requests to a host
(raised by the site's Crawl-delay), and retries with exponential backoff on transient
failures that honour Retry-After. Redirects are followed by hand so that every hop is
checked: http(s) only, no loopback or private addresses, robots.txt. Bodies are capped on
their decompressed size while they stream in, so a gzip bomb stops at the cap.

Every failure is a ``FetchError`` subclass whose message is the reject reason;
``TransientFetchError`` marks the ones a later run should retry.
"""

from __future__ import annotations

import atexit
import email.utils
import ipaddress
import math
import os
import socket
import threading
import time
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Protocol, overload
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from .encoding import decode
from .errors import (
    BlockedAddressError,
    FetchError,
    HTTPStatusError,
    RedirectLoopError,
    RobotsDisallowedError,
    TooLargeError,
    TooManyRedirectsError,
    TransientFetchError,
    UnsupportedContentError,
    UnsupportedURLError,
)
from .redaction import redacting_logger
from .settings import PIPELINE_VERSION

log = redacting_logger(__name__)

USER_AGENT = f"onco-evidence/{PIPELINE_VERSION} (+oncology evidence text-mining; polite crawler)"
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_S = 20.0
#: What articles come as.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})
#: What feeds and sitemaps come as (gzipped sitemaps are often served as octet-stream).
XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
                       "application/rdf+xml", "application/gzip", "application/x-gzip",
                       "application/octet-stream"})
#: Set to 1 to let fetches reach loopback and private addresses (tests, local demos).
ALLOW_PRIVATE_ENV = "ONCO_EVIDENCE_ALLOW_PRIVATE"

_SCHEMES = frozenset({"http", "https"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
# Asked for explicitly: these are the codings we inflate ourselves under the size cap.
_ACCEPT_ENCODING = "gzip, deflate"
# Failures worth another attempt: the network, not the request, was at fault.
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError,
                     httpx.ProxyError)


def _allow_private_from_env() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in {"1", "true", "yes"}


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how far a Fetcher goes; every limit in one place."""

    user_agent: str = USER_AGENT
    timeout: float = TIMEOUT_S  # seconds to wait for each read (and write, and a pooled connection)
    connect_timeout: float = 10.0
    # A whole body must arrive within this: a server that trickles bytes never trips `timeout`.
    max_duration: float = 120.0
    max_bytes: int = MAX_BYTES  # on the decompressed body
    max_redirects: int = MAX_REDIRECTS
    retries: int = 3  # further attempts after the first, on 5xx, 429 and network errors
    backoff_base: float = 0.5  # seconds before the first retry; doubles for each further one
    backoff_cap: float = 30.0
    max_retry_after: float = 60.0  # a server asking for a longer wait gets a TransientFetchError
    min_interval: float = 1.0  # seconds between two requests to one host; Crawl-delay raises it
    respect_robots: bool = True
    robots_ttl: float = 24 * 3600.0  # RFC 9309 2.4: a cached robots.txt is good for a day
    allow_private: bool = field(default_factory=_allow_private_from_env)
    # Networks reachable even when allow_private is off, e.g. ("10.20.0.0/16",) for an intranet.
    allowed_networks: tuple[str, ...] = ()
    accepted_types: frozenset[str] = PAGE_TYPES

    def __post_init__(self) -> None:
        for name in ("timeout", "connect_timeout", "max_duration", "backoff_base", "backoff_cap",
                     "max_retry_after", "min_interval", "robots_ttl"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchSettings.{name} must be >= 0, not {getattr(self, name)}")
        for name in ("max_redirects", "retries"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchSettings.{name} must be >= 0, not {getattr(self, name)}")
        if self.max_bytes <= 0:
            raise ValueError(f"FetchSettings.max_bytes must be > 0, not {self.max_bytes}")
        for network in self.allowed_networks:
            ipaddress.ip_network(network, strict=False)  # ValueError names the bad entry


class Clock(Protocol):
    """Where a Fetcher reads the time and sleeps; tests pass a fake one."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...  # wall clock, for Retry-After given as an HTTP date

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, media type and charset, the URL it ended at, its validators."""

    url: str
    final_url: str
    content: bytes
    media_type: str
    encoding: str | None  # the charset the text is decoded with (see ``decode``)
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None

    def text(self) -> str:
        """The body as text."""
        return decode(self.content, declared=self.encoding, media_type=self.media_type)[0]


@dataclass(frozen=True)
class NotModified:
    """The answer to a conditional fetch when the page has not changed since (HTTP 304)."""

    url: str
    final_url: str


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL (anything else is a local path)."""
    return urlsplit(text).scheme in _SCHEMES


# --- addresses -----------------------------------------------------------------------------

def is_public_address(address: str) -> bool:
    """Whether an IP address is public unicast (not loopback, private, link-local, reserved...).

    IPv4 addresses embedded in IPv6 ones (mapped, 6to4, Teredo) are judged as themselves.
    """
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            ip = embedded
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _resolve(host: str, port: int, url: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        if e.errno == socket.EAI_AGAIN:
            raise TransientFetchError(f"cannot resolve {host} for {url} ({e.strerror})") from e
        raise FetchError(f"cannot resolve {host} for {url} ({e.strerror})") from e
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# --- bodies --------------------------------------------------------------------------------

class _Inflater:
    """Undoes a Content-Encoding chunk by chunk, never producing more than it is asked for."""

    def __init__(self, coding: str, url: str) -> None:
        self.coding = coding
        self.url = url
        self._raw_deflate = False
        self._started = False
        self._zlib = self._new()

    @classmethod
    def for_header(cls, header: str, url: str) -> _Inflater:
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if not codings:
            return cls("identity", url)
        if len(codings) > 1 or codings[0] not in {"gzip", "x-gzip", "deflate"}:
            raise UnsupportedContentError(f"unsupported content encoding {header!r} for {url}")
        return cls(codings[0], url)

    def _new(self) -> zlib._Decompress | None:
        if self.coding == "identity":
            return None
        if self.coding == "deflate":
            # "deflate" should be zlib-wrapped; some servers send raw deflate (httpx does the same).
            return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate ``data``; returns at most ``room`` bytes (exactly ``room`` if there is more)."""
        if self._zlib is None:
            return data
        out = bytearray()
        while data and len(out) < room:
            try:
                out += self._zlib.decompress(data, room - len(out))
            except zlib.error as e:
                if self.coding == "deflate" and not self._started and not self._raw_deflate:
                    self._raw_deflate = True
                    self._zlib = self._new()
                    continue
                raise UnsupportedContentError(f"corrupt {self.coding} body for {self.url}: {e}") from e
            self._started = True
            if self._zlib.eof:
                data = self._zlib.unused_data
                if not data.startswith(b"\x1f\x8b"):
                    break  # trailing bytes after the stream (padding), not another gzip member
                self._zlib = self._new()
            else:
                data = self._zlib.unconsumed_tail
        return bytes(out)


def gunzip(data: bytes, *, max_bytes: int, source: str) -> bytes:
    """Inflate gzip ``data`` (a ``.xml.gz`` sitemap), refusing to grow past ``max_bytes``."""
    out = _Inflater("gzip", source).feed(data, max_bytes + 1)
    if len(out) > max_bytes:
        raise TooLargeError(f"body larger than {max_bytes} bytes once decompressed for {source}")
    return out


# --- politeness state ----------------------------------------------------------------------

class _HostPacer:
    """Spaces requests to each host; a request reserves its start time, then sleeps until it."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._last: dict[str, float] = {}  # start of the latest request reserved per host
        self._hold: dict[str, float] = {}  # no request before this (backoff, Retry-After)
        self._lock = threading.Lock()

    def wait(self, host: str, interval: float) -> None:
        """Sleep until ``interval`` seconds after the previous request to ``host``."""
        with self._lock:  # reserve under the lock, sleep outside it
            now = self._clock.monotonic()
            start = max(now, self._last.get(host, -math.inf) + interval, self._hold.get(host, now))
            self._last[host] = start
        if start > now:
            self._clock.sleep(start - now)

    def defer(self, host: str, delay: float) -> None:
        """Hold every request to ``host`` back for ``delay`` seconds from now."""
        with self._lock:
            now = self._clock.monotonic()
            self._hold[host] = max(self._hold.get(host, now), now + delay)


@dataclass(frozen=True)
class _Robots:
    """One site's robots.txt: its rules, or why there are none (all allowed) or it is unreachable."""

    parser: RobotFileParser | None
    loaded_at: float
    unreachable: str | None = None  # set: RFC 9309 2.3.1.4, nothing may be fetched

    def allows(self, url: str, agent: str) -> bool:
        if self.unreachable is not None:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float:
        delay = self.parser.crawl_delay(agent) if self.parser is not None else None
        return float(delay or 0)


@dataclass(frozen=True)
class _Reply:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""
    media_type: str = ""
    charset: str | None = None  # as declared in Content-Type


# --- the fetcher ---------------------------------------------------------------------------

class Fetcher:
    """Fetches pages politely: robots.txt, per-host intervals, retries, checked redirects.

    Use one per batch (``with Fetcher() as fetcher: ...``); it is safe to share between threads.
    """

    def __init__(self, settings: FetchSettings | None = None, *, clock: Clock | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._clock = clock or SystemClock()
        self._agent = self.settings.user_agent.split("/")[0].strip()  # robots.txt product token
        self._allowed = tuple(ipaddress.ip_network(n, strict=False) for n in self.settings.allowed_networks)
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent, "Accept-Encoding": _ACCEPT_ENCODING},
            timeout=httpx.Timeout(self.settings.timeout, connect=self.settings.connect_timeout),
            follow_redirects=False)
        self._pacer = _HostPacer(self._clock)
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client and its connections."""
        self._client.close()

    @overload
    def fetch(self, url: str, *, etag: None = None, last_modified: None = None,
              accept: Collection[str] | None = None, min_interval: float | None = None) -> Page: ...

    @overload
    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: Collection[str] | None = None,
              min_interval: float | None = None) -> Page | NotModified: ...

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: Collection[str] | None = None,
              min_interval: float | None = None) -> Page | NotModified:
        """GET a page, or raise a FetchError saying why not.

        With ``etag``/``last_modified`` (stored from an earlier Page) the request is conditional
        and an unchanged page gives ``NotModified``. ``accept`` replaces the accepted media types
        (feeds and sitemaps pass ``XML_TYPES``); ``min_interval`` replaces the per-host interval
        for this request (a site's Crawl-delay still applies).
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        accepted = self.settings.accepted_types if accept is None else frozenset(accept)
        reply = self._follow(url, headers=headers, accept=accepted, min_interval=min_interval,
                             check_robots=self.settings.respect_robots, truncate=False)
        if reply.status == 304 and headers:
            return NotModified(url=url, final_url=reply.url)
        if reply.status != 200:
            raise HTTPStatusError(f"HTTP {reply.status} for {reply.url}{_via(url, reply.url)}")
        media_type = reply.media_type or "text/html"
        encoding = (decode(reply.body, declared=reply.charset, media_type=media_type)[1]
                    if media_type in PAGE_TYPES else reply.charset)
        return Page(url=url, final_url=reply.url, content=reply.body, media_type=media_type,
                    encoding=encoding, status=reply.status, etag=reply.headers.get("etag"),
                    last_modified=reply.headers.get("last-modified"))

    def allowed_by_robots(self, url: str) -> bool:
        """Whether the site's robots.txt lets us fetch ``url`` (fetching robots.txt if needed)."""
        return self._robots_for(url).allows(url, self.settings.user_agent)

    # --- one request, redirects, retries ---------------------------------------------------

    def _follow(self, url: str, *, headers: dict[str, str], accept: frozenset[str] | None,
                min_interval: float | None, check_robots: bool, truncate: bool,
                paced: bool = True) -> _Reply:
        current = _checked_url(url, url)
        seen = {current}
        for hop in range(self.settings.max_redirects + 1):
            self._check_address(current, url)
            interval = self.settings.min_interval if min_interval is None else min_interval
            if check_robots:
                robots = self._robots_for(current)
                if not robots.allows(current, self.settings.user_agent):
                    log.info("robots.txt refuses %s", current)
                    if robots.unreachable is not None:
                        raise RobotsDisallowedError(
                            f"robots.txt of {_origin(current)} is unreachable ({robots.unreachable}), "
                            f"so nothing there may be fetched (RFC 9309): {current}")
                    raise RobotsDisallowedError(f"robots.txt disallows {current} for {self._agent}")
                interval = max(interval, robots.crawl_delay(self.settings.user_agent))
            reply = self._request(current, headers=headers, accept=accept, truncate=truncate,
                                  interval=interval if paced else None)
            if reply.status not in _REDIRECTS:
                return reply
            location = reply.headers.get("location")
            if not location:
                raise HTTPStatusError(f"HTTP {reply.status} without a Location header for {url}")
            target = _checked_url(urljoin(current, location.strip()), url)
            if target in seen:
                raise RedirectLoopError(f"redirect loop for {url}: {current} redirects back to {target}")
            if hop == self.settings.max_redirects:
                break
            log.debug("redirect %s -> %s", current, target)
            seen.add(target)
            current = target
        raise TooManyRedirectsError(f"more than {self.settings.max_redirects} redirects for {url}")

    def _request(self, url: str, *, headers: dict[str, str], accept: frozenset[str] | None,
                 truncate: bool, interval: float | None) -> _Reply:
        """One GET with retries; ``interval`` None means unpaced (robots.txt)."""
        host = urlsplit(url).hostname or ""
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            if interval is not None:
                self._pacer.wait(host, interval)
            log.debug("GET %s (attempt %d)", url, attempt)
            cause: Exception | None = None
            retry_after: float | None = None
            try:
                reply = self._attempt(url, headers=headers, accept=accept, truncate=truncate)
            except _RETRYABLE_ERRORS as e:
                cause = e
                failure = _describe(e)
            except httpx.InvalidURL as e:
                raise UnsupportedURLError(f"invalid URL {url}: {e}") from e
            except httpx.HTTPError as e:
                raise FetchError(f"{_describe(e)} for {url}") from e
            else:
                if reply.status != 429 and reply.status < 500:
                    return reply
                failure = f"HTTP {reply.status}"
                retry_after = _retry_after(reply.headers.get("retry-after"), self._clock.time())
            if retry_after is not None and retry_after > self.settings.max_retry_after:
                raise TransientFetchError(
                    f"{failure} for {url}: the server asks to wait {retry_after:.0f} s, more than "
                    f"max_retry_after ({self.settings.max_retry_after:.0f} s)") from cause
            if attempt == attempts:
                break
            delay = max(retry_after or 0.0, self._backoff(attempt))
            log.info("%s for %s; retry %d of %d in %.1f s", failure, url, attempt,
                     self.settings.retries, delay)
            if interval is None:
                self._clock.sleep(delay)
            else:
                self._pacer.defer(host, delay)
        log.info("%s for %s; giving up after %d attempts", failure, url, attempts)
        noun = "attempt" if attempts == 1 else "attempts"
        raise TransientFetchError(f"{failure} after {attempts} {noun} for {url}") from cause

    def _backoff(self, attempt: int) -> float:
        return min(self.settings.backoff_cap, self.settings.backoff_base * 2 ** (attempt - 1))

    def _attempt(self, url: str, *, headers: dict[str, str], accept: frozenset[str] | None,
                 truncate: bool) -> _Reply:
        with self._client.stream("GET", url, headers=headers) as response:
            if response.status_code != 200:
                return _Reply(url, response.status_code, response.headers)
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if accept is not None and media_type and media_type not in accept:
                raise UnsupportedContentError(f"unsupported content type {media_type!r} for {url}")
            body = self._read_body(response, url, truncate=truncate)
            return _Reply(url, 200, response.headers, body, media_type, response.charset_encoding)

    def _read_body(self, response: httpx.Response, url: str, *, truncate: bool) -> bytes:
        limit = self.settings.max_bytes
        coding = response.headers.get("content-encoding", "")
        inflater = _Inflater.for_header(coding, url)
        declared = response.headers.get("content-length", "")
        if not truncate and inflater.coding == "identity" and declared.isdigit() and int(declared) > limit:
            raise TooLargeError(f"body of {declared} bytes is larger than {limit} bytes for {url}")
        deadline = self._clock.monotonic() + self.settings.max_duration
        body = bytearray()
        for raw in response.iter_raw(_CHUNK):
            body += inflater.feed(raw, limit - len(body) + 1)
            if len(body) > limit:
                if truncate:
                    return bytes(body[:limit])
                raise TooLargeError(f"body larger than {limit} bytes"
                                    f"{' once decompressed' if coding else ''} for {url}")
            if self._clock.monotonic() > deadline:
                raise TransientFetchError(f"body took longer than {self.settings.max_duration:.0f} s "
                                          f"to arrive for {url}")
        return bytes(body)

    # --- checks --------------------------------------------------------------------------

    def _check_address(self, url: str, original: str) -> None:
        if self.settings.allow_private:
            return
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        for address in _resolve(host, port, url):
            if is_public_address(address):
                continue
            ip = ipaddress.ip_address(address.split("%")[0])
            if any(ip in network for network in self._allowed):
                continue
            shown = address if address == host else f"{address} (from {host})"
            log.info("refusing private address %s for %s", shown, url)
            raise BlockedAddressError(f"refusing private address {shown} for {url}{_via(original, url)} "
                                      f"(set allow_private to allow)")

    def _robots_for(self, url: str) -> _Robots:
        origin = _origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch of robots.txt per site, even with many threads
            robots = self._robots.get(origin)
            if robots is None or self._clock.monotonic() - robots.loaded_at > self.settings.robots_ttl:
                robots = self._load_robots(origin)
                self._robots[origin] = robots
            return robots

    def _load_robots(self, origin: str) -> _Robots:
        """Fetch and parse robots.txt the RFC 9309 way (2.3.1: 4xx allows all, 5xx disallows all)."""
        now = self._clock.monotonic()
        try:
            reply = self._follow(f"{origin}/robots.txt", headers={}, accept=None, min_interval=None,
                                 check_robots=False, truncate=True, paced=False)
        except (TooManyRedirectsError, RedirectLoopError) as e:
            log.info("robots.txt of %s: %s; treated as absent", origin, e.reason)
            return _Robots(None, now)
        except FetchError as e:
            log.warning("robots.txt of %s unreachable: %s", origin, e.reason)
            return _Robots(None, now, unreachable=e.reason)
        if reply.status != 200:
            log.debug("robots.txt of %s: HTTP %d, no rules", origin, reply.status)
            return _Robots(None, now)
        parser = RobotFileParser()
        parser.parse(reply.body.decode("utf-8", "replace").splitlines())
        parser.modified()  # can_fetch() refuses everything until the parser has a timestamp
        return _Robots(parser, now)


def _checked_url(url: str, original: str) -> str:
    """The URL without its fragment, if it is one we may fetch."""
    parts = urlsplit(url.strip())
    if parts.scheme not in _SCHEMES:
        raise UnsupportedURLError(f"not an http(s) URL: {url}{_via(original, url)}")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port range only when it is read
    except ValueError as e:
        raise UnsupportedURLError(f"bad port in URL {url}{_via(original, url)}") from e
    if not parts.hostname:
        raise UnsupportedURLError(f"no host in URL {url}{_via(original, url)}")
    return urlunsplit(parts._replace(fragment="", path=parts.path or "/"))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2].lower()}"


def _via(original: str, url: str) -> str:
    return f" (redirected from {original})" if original != url else ""


def _describe(error: Exception) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), if it parses."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


# --- the module-level convenience ----------------------------------------------------------

_default: Fetcher | None = None
_default_lock = threading.Lock()


def default_fetcher() -> Fetcher:
    """The process-wide Fetcher behind ``fetch()``: one robots.txt cache and pacing per process."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Fetcher()
            atexit.register(_default.close)
        return _default


@overload
def fetch(url: str, *, settings: FetchSettings | None = None, etag: None = None,
          last_modified: None = None, accept: Collection[str] | None = None,
          min_interval: float | None = None) -> Page: ...


@overload
def fetch(url: str, *, settings: FetchSettings | None = None, etag: str | None = None,
          last_modified: str | None = None, accept: Collection[str] | None = None,
          min_interval: float | None = None) -> Page | NotModified: ...


def fetch(url: str, *, settings: FetchSettings | None = None, etag: str | None = None,
          last_modified: str | None = None, accept: Collection[str] | None = None,
          min_interval: float | None = None) -> Page | NotModified:
    """GET one page with the process-wide Fetcher (or a one-off one built from ``settings``)."""
    if settings is None:
        return default_fetcher().fetch(url, etag=etag, last_modified=last_modified, accept=accept,
                                       min_interval=min_interval)
    with Fetcher(settings) as fetcher:
        return fetcher.fetch(url, etag=etag, last_modified=last_modified, accept=accept,
                             min_interval=min_interval)
