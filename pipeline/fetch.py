"""Fetching one page over HTTP(S) with a real client (httpx).

A deliberately small first version: descriptive User-Agent, timeouts, a redirect limit,
a body-size cap (also on decompressed bytes), a content-type check, http/https only.
Every failure is a FetchError whose message becomes the reject reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from .errors import FetchError
from .settings import PIPELINE_VERSION

USER_AGENT = f"onco-evidence/{PIPELINE_VERSION} (+oncology evidence text-mining; polite crawler)"
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_S = 20.0
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, the final URL after redirects, and its media type."""

    url: str
    final_url: str
    content: bytes
    media_type: str
    encoding: str | None


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in {"http", "https"}


def fetch(url: str, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES) -> Page:
    """GET a page, or raise FetchError saying why not."""
    if not is_url(url):
        raise FetchError(f"not an http(s) URL: {url}")
    own = client is None
    client = client or httpx.Client(
        headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT_S, follow_redirects=True,
        max_redirects=MAX_REDIRECTS)
    try:
        with client.stream("GET", url) as response:
            if response.status_code != 200:
                raise FetchError(f"HTTP {response.status_code} for {url}")
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if media_type and media_type not in _ACCEPTED_TYPES:
                raise FetchError(f"unsupported content type {media_type!r} for {url}")
            body = bytearray()
            for chunk in response.iter_bytes():  # decompressed bytes: caps gzip bombs too
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"body larger than {max_bytes} bytes for {url}")
            return Page(url=url, final_url=str(response.url), content=bytes(body),
                        media_type=media_type or "text/html", encoding=response.charset_encoding)
    except httpx.TooManyRedirects as e:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects for {url}") from e
    except httpx.HTTPError as e:
        raise FetchError(f"{type(e).__name__} for {url}: {e}") from e
    finally:
        if own:
            client.close()
