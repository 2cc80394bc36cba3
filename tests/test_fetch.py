"""pipeline.fetch against a real HTTP server on 127.0.0.1 (tests/http_fixtures.py).

Backoff and rate limits are checked with a fake clock (what the Fetcher would have slept),
except one test that measures the spacing of real requests on the server side.
"""

from __future__ import annotations

import email.utils
import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest

from pipeline.encoding import decode
from pipeline.errors import (
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
from pipeline.fetch import (
    ALLOW_PRIVATE_ENV,
    XML_TYPES,
    Fetcher,
    FetchSettings,
    NotModified,
    Page,
    fetch,
    gunzip,
    is_public_address,
    is_url,
)

from .http_fixtures import Reply, Request, Server, serve

HTML = b"<html><head><title>T</title></head><body><p>Imatinib was continued.</p></body></html>"
TEXT = ("It\u2019s the patients\u2019 choice \u2013 \u201ccontinue\u201d or \u201cstop\u201d imatinib "
        "\u2013 and the caf\u00e9\u2019s na\u00efve r\u00e9sum\u00e9 of the trial. ")


class FakeClock:
    """Time that passes only when the Fetcher sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.wall = 1_700_000_000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.wall + self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def settings(**overrides: object) -> FetchSettings:
    """Test defaults: the server is on 127.0.0.1, and no pacing unless a test asks for it."""
    values: dict[str, object] = {"allow_private": True, "min_interval": 0.0, "timeout": 5.0}
    return FetchSettings(**(values | overrides))  # type: ignore[arg-type]


@pytest.fixture()
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


def page_hits(server: Server, path: str) -> int:
    return len(server.hits(path))


# --- the basics ----------------------------------------------------------------------------

def test_a_page_comes_with_its_metadata_and_validators(server: Server) -> None:
    server.route("/a.html", Reply(body=HTML, headers={
        "ETag": '"v1"', "Last-Modified": "Wed, 01 May 2024 10:00:00 GMT"}))
    with Fetcher(settings()) as fetcher:
        page = fetcher.fetch(server.url("/a.html"))
    assert isinstance(page, Page)
    assert (page.status, page.media_type, page.encoding) == (200, "text/html", "utf-8")
    assert page.content == HTML and page.final_url == page.url == server.url("/a.html")
    assert (page.etag, page.last_modified) == ('"v1"', "Wed, 01 May 2024 10:00:00 GMT")
    [request] = server.hits("/a.html")
    assert request.headers["user-agent"].startswith("onco-evidence/")
    assert page_hits(server, "/robots.txt") == 1  # robots.txt was asked first (404: no rules)


def test_module_fetch_keeps_the_old_contract(server: Server) -> None:
    server.route("/a.txt", Reply(body=TEXT.encode(), headers={"Content-Type": "text/plain; charset=utf-8"}))
    page = fetch(server.url("/a.txt"), settings=settings())
    assert isinstance(page, Page)
    assert page.media_type == "text/plain"
    assert page.content.decode(page.encoding or "utf-8") == TEXT  # what process.load_article does
    assert is_url(server.url("/a.txt")) and not is_url("corpora/seed")


def test_http_404_is_a_permanent_error_without_retries(server: Server) -> None:
    with Fetcher(settings()) as fetcher, pytest.raises(HTTPStatusError, match=r"HTTP 404 for http://"):
        fetcher.fetch(server.url("/missing.html"))
    assert page_hits(server, "/missing.html") == 1


# --- robots.txt ----------------------------------------------------------------------------

def test_robots_txt_disallow_is_obeyed_and_fetched_once(server: Server) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n",
                                      headers={"Content-Type": "text/plain"}))
    server.route("/private/a.html", Reply(body=HTML))
    server.route("/public.html", Reply(body=HTML))
    with Fetcher(settings()) as fetcher:
        with pytest.raises(RobotsDisallowedError,
                           match=r"robots.txt disallows http://\S+/private/a.html for onco-evidence"):
            fetcher.fetch(server.url("/private/a.html"))
        fetcher.fetch(server.url("/public.html"))
        fetcher.fetch(server.url("/public.html"))
    assert page_hits(server, "/private/a.html") == 0
    assert page_hits(server, "/public.html") == 2
    assert page_hits(server, "/robots.txt") == 1


def test_robots_group_for_our_agent_applies_to_us_only(server: Server) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: onco-evidence\nDisallow: /\n\n"
                                           b"User-agent: *\nAllow: /\n"))
    server.route("/a.html", Reply(body=HTML))
    with Fetcher(settings()) as fetcher, pytest.raises(RobotsDisallowedError):
        fetcher.fetch(server.url("/a.html"))
    with Fetcher(settings(user_agent="otherbot/1.0")) as fetcher:
        assert fetcher.fetch(server.url("/a.html")).status == 200


def test_robots_404_allows_everything(server: Server) -> None:
    server.route("/a.html", Reply(body=HTML))
    with Fetcher(settings()) as fetcher:
        assert fetcher.allowed_by_robots(server.url("/anything"))
        assert fetcher.fetch(server.url("/a.html")).content == HTML
    assert page_hits(server, "/robots.txt") == 1


def test_robots_500_disallows_the_whole_site(server: Server) -> None:
    server.route("/robots.txt", Reply(500))
    server.route("/a.html", Reply(body=HTML))
    clock = FakeClock()
    with Fetcher(settings(retries=1), clock=clock) as fetcher:
        for _ in range(2):
            with pytest.raises(RobotsDisallowedError, match=r"unreachable \(HTTP 500 after 2 attempts"):
                fetcher.fetch(server.url("/a.html"))
    assert page_hits(server, "/a.html") == 0
    assert page_hits(server, "/robots.txt") == 2  # one attempt and one retry, then cached
    assert clock.sleeps == [0.5]


def test_robots_can_be_ignored_on_purpose(server: Server) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\n"))
    server.route("/a.html", Reply(body=HTML))
    with Fetcher(settings(respect_robots=False)) as fetcher:
        assert fetcher.fetch(server.url("/a.html")).status == 200
    assert page_hits(server, "/robots.txt") == 0


def test_crawl_delay_and_min_interval_space_requests(server: Server) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: *\nCrawl-delay: 3\n"))
    for name in "abc":
        server.route(f"/{name}.html", Reply(body=HTML))
    clock = FakeClock()
    with Fetcher(settings(min_interval=0.5), clock=clock) as fetcher:
        fetcher.fetch(server.url("/a.html"))
        fetcher.fetch(server.url("/b.html"))  # Crawl-delay 3 beats min_interval 0.5
        fetcher.fetch(server.url("/c.html"), min_interval=5.0)  # a source's own interval
    assert clock.sleeps == [3.0, 5.0]


# --- conditional requests ------------------------------------------------------------------

def test_unchanged_page_gives_not_modified_by_etag_and_by_date(server: Server) -> None:
    stamp = "Wed, 01 May 2024 10:00:00 GMT"

    def conditional(request: Request) -> Reply:
        headers = request.headers
        if headers.get("if-none-match") == '"v1"' or headers.get("if-modified-since") == stamp:
            return Reply(304)
        return Reply(body=HTML, headers={"ETag": '"v1"', "Last-Modified": stamp})

    server.route("/a.html", conditional)
    url = server.url("/a.html")
    with Fetcher(settings()) as fetcher:
        first = fetcher.fetch(url)
        assert isinstance(first, Page)
        assert fetcher.fetch(url, etag=first.etag) == NotModified(url=url, final_url=url)
        assert fetcher.fetch(url, last_modified=first.last_modified) == NotModified(url=url, final_url=url)
        changed = fetcher.fetch(url, etag='"v0"')
    assert isinstance(changed, Page) and changed.content == HTML
    sent = [(r.headers.get("if-none-match"), r.headers.get("if-modified-since"))
            for r in server.hits("/a.html")]
    assert sent == [(None, None), ('"v1"', None), (None, stamp), ('"v0"', None)]


# --- retries -------------------------------------------------------------------------------

def test_429_with_retry_after_seconds_then_success(server: Server) -> None:
    server.route("/a.html", lambda r: Reply(429, headers={"Retry-After": "2"}) if r.n == 1
                 else Reply(body=HTML))
    clock = FakeClock()
    with Fetcher(settings(), clock=clock) as fetcher:
        assert fetcher.fetch(server.url("/a.html")).content == HTML
    assert page_hits(server, "/a.html") == 2
    assert clock.sleeps == [2.0]  # Retry-After beats the 0.5 s backoff


def test_429_with_retry_after_http_date(server: Server) -> None:
    clock = FakeClock()
    when = email.utils.formatdate(clock.time() + 7, usegmt=True)
    server.route("/a.html", lambda r: Reply(429, headers={"Retry-After": when}) if r.n == 1
                 else Reply(body=HTML))
    with Fetcher(settings(), clock=clock) as fetcher:
        assert fetcher.fetch(server.url("/a.html")).status == 200
    assert clock.sleeps == [pytest.approx(7.0, abs=1.0)]


def test_retry_after_beyond_the_cap_gives_up_at_once(server: Server) -> None:
    server.route("/a.html", Reply(429, headers={"Retry-After": "3600"}))
    clock = FakeClock()
    with Fetcher(settings(max_retry_after=60), clock=clock) as fetcher:
        with pytest.raises(TransientFetchError, match=r"HTTP 429 for \S+: the server asks to wait 3600 s"):
            fetcher.fetch(server.url("/a.html"))
    assert page_hits(server, "/a.html") == 1 and clock.sleeps == []


def test_500_then_success(server: Server) -> None:
    server.route("/a.html", lambda r: Reply(500) if r.n <= 2 else Reply(body=HTML))
    clock = FakeClock()
    with Fetcher(settings(), clock=clock) as fetcher:
        assert fetcher.fetch(server.url("/a.html")).content == HTML
    assert page_hits(server, "/a.html") == 3
    assert clock.sleeps == [0.5, 1.0]


@pytest.mark.parametrize(("retries", "cap", "sleeps"), [(3, 30.0, [0.5, 1.0, 2.0]),
                                                        (4, 1.5, [0.5, 1.0, 1.5, 1.5]),
                                                        (0, 30.0, [])])
def test_500_forever_is_transient_after_every_attempt(server: Server, retries: int, cap: float,
                                                      sleeps: list[float]) -> None:
    server.route("/down.html", Reply(503))
    clock = FakeClock()
    with Fetcher(settings(retries=retries, backoff_cap=cap), clock=clock) as fetcher:
        with pytest.raises(TransientFetchError,
                           match=rf"HTTP 503 after {retries + 1} attempts? for http://\S+/down.html"):
            fetcher.fetch(server.url("/down.html"))
    assert page_hits(server, "/down.html") == retries + 1
    assert clock.sleeps == sleeps


def test_timeout_is_transient(server: Server) -> None:
    server.route("/slow.html", Reply(body=HTML, delay=1.0))
    started = time.monotonic()
    with Fetcher(settings(timeout=0.2, retries=0)) as fetcher:
        with pytest.raises(TransientFetchError, match=r"ReadTimeout.* after 1 attempt for"):
            fetcher.fetch(server.url("/slow.html"))
    assert time.monotonic() - started < 0.9


def test_connection_reset_is_retried(server: Server) -> None:
    server.route("/a.html", lambda r: Reply(reset=True) if r.n == 1 else Reply(body=HTML))
    server.route("/b.html", Reply(reset=True))
    clock = FakeClock()
    with Fetcher(settings(retries=1), clock=clock) as fetcher:
        assert fetcher.fetch(server.url("/a.html")).content == HTML
        with pytest.raises(TransientFetchError, match=r"(ReadError|RemoteProtocolError).* after 2 attempts"):
            fetcher.fetch(server.url("/b.html"))
    assert page_hits(server, "/a.html") == 2 and page_hits(server, "/b.html") == 2


def test_connection_refused_is_transient() -> None:
    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Fetcher(settings(retries=0, respect_robots=False)) as fetcher:
        with pytest.raises(TransientFetchError, match=r"ConnectError"):
            fetcher.fetch(f"http://127.0.0.1:{port}/a.html")


# --- redirects and addresses ---------------------------------------------------------------

def test_redirects_are_followed_to_the_final_url(server: Server) -> None:
    server.route("/old", Reply(301, headers={"Location": "/middle"}))
    server.route("/middle", Reply(307, headers={"Location": server.url("/new.html#top")}))
    server.route("/new.html", Reply(body=HTML))
    with Fetcher(settings()) as fetcher:
        page = fetcher.fetch(server.url("/old"))
    assert page.url == server.url("/old") and page.final_url == server.url("/new.html")


def test_redirect_loop(server: Server) -> None:
    server.route("/a", Reply(302, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": "/a"}))
    with Fetcher(settings()) as fetcher, pytest.raises(RedirectLoopError, match=r"redirect loop for \S+/a"):
        fetcher.fetch(server.url("/a"))
    assert page_hits(server, "/a") == 1 and page_hits(server, "/b") == 1


def test_too_many_redirects(server: Server) -> None:
    for n in range(10):
        server.route(f"/r{n}", Reply(302, headers={"Location": f"/r{n + 1}"}))
    with Fetcher(settings(max_redirects=2)) as fetcher:
        with pytest.raises(TooManyRedirectsError, match=r"more than 2 redirects for \S+/r0"):
            fetcher.fetch(server.url("/r0"))
    assert [page_hits(server, f"/r{n}") for n in range(4)] == [1, 1, 1, 0]


@pytest.mark.parametrize("url", ["ftp://example.org/a.html", "file:///etc/passwd", "javascript:alert(1)",
                                 "http:///no-host", "http://example.org:99999/"])
def test_non_http_urls_are_refused(url: str) -> None:
    with Fetcher(settings()) as fetcher, pytest.raises(UnsupportedURLError):
        fetcher.fetch(url)


def test_redirect_to_another_scheme_is_refused(server: Server) -> None:
    server.route("/a", Reply(302, headers={"Location": "file:///etc/passwd"}))
    with Fetcher(settings()) as fetcher:
        with pytest.raises(UnsupportedURLError,
                           match=r"not an http\(s\) URL: file:///etc/passwd \(redirected"):
            fetcher.fetch(server.url("/a"))


def test_loopback_is_refused_by_default(server: Server) -> None:
    server.route("/a.html", Reply(body=HTML))
    port = server.base.rsplit(":", 1)[1]
    with Fetcher(settings(allow_private=False)) as fetcher:
        with pytest.raises(BlockedAddressError,
                           match=r"refusing private address 127\.0\.0\.1 for \S+ "
                                 r"\(set allow_private to allow\)"):
            fetcher.fetch(server.url("/a.html"))
        with pytest.raises(BlockedAddressError, match=r"refusing private address (127\.0\.0\.1|::1) \(from "
                                                      r"localhost\)"):
            fetcher.fetch(f"http://localhost:{port}/a.html")
    assert server.requests == []  # refused before connecting, robots.txt included


def test_redirect_to_a_private_address_is_refused(server: Server) -> None:
    # The server's own address is let through so that the redirect can be seen being refused.
    port = server.base.rsplit(":", 1)[1]
    server.route("/jump", Reply(302, headers={"Location": f"http://127.0.0.2:{port}/internal"}))
    with Fetcher(settings(allow_private=False, allowed_networks=("127.0.0.1/32",))) as fetcher:
        with pytest.raises(BlockedAddressError,
                           match=r"refusing private address 127\.0\.0\.2 for \S+/internal \(redirected from"):
            fetcher.fetch(server.url("/jump"))
    assert page_hits(server, "/jump") == 1 and page_hits(server, "/internal") == 0


def test_allow_private_defaults_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    assert FetchSettings().allow_private
    monkeypatch.delenv(ALLOW_PRIVATE_ENV)
    assert not FetchSettings().allow_private
    assert FetchSettings(allow_private=True).allow_private


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.215.14", True), ("2606:4700:4700::1111", True), ("::ffff:8.8.8.8", True),
    ("127.0.0.1", False), ("127.5.5.5", False), ("10.1.2.3", False), ("172.16.0.1", False),
    ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("224.0.0.1", False), ("240.0.0.1", False), ("255.255.255.255", False), ("::1", False), ("::", False),
    ("fe80::1%eth0", False), ("fc00::1", False), ("ff02::1", False), ("::ffff:127.0.0.1", False),
    ("::ffff:10.0.0.1", False), ("2002:7f00:1::", False), ("not-an-address", False)])
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


# --- bodies --------------------------------------------------------------------------------

def test_oversized_body_is_refused_with_or_without_content_length(server: Server) -> None:
    server.route("/big.html", Reply(body=b"x" * 5000))
    server.route("/big-stream.html", Reply(body=b"x" * 5000, content_length=False))
    with Fetcher(settings(max_bytes=1000)) as fetcher:
        with pytest.raises(TooLargeError, match=r"body of 5000 bytes is larger than 1000 bytes"):
            fetcher.fetch(server.url("/big.html"))
        with pytest.raises(TooLargeError, match=r"body larger than 1000 bytes for"):
            fetcher.fetch(server.url("/big-stream.html"))
        server.route("/fits.html", Reply(body=b"x" * 1000, content_length=False))
        assert len(fetcher.fetch(server.url("/fits.html")).content) == 1000


def test_gzip_bomb_stops_at_the_cap(server: Server) -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 30_000
    server.route("/bomb.html", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    with Fetcher(settings(max_bytes=1024 * 1024)) as fetcher:
        with pytest.raises(TooLargeError, match=r"larger than 1048576 bytes once decompressed"):
            fetcher.fetch(server.url("/bomb.html"))


def test_gunzip_never_holds_more_than_the_cap() -> None:
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError, match="larger than 1048576 bytes once decompressed for b.xml.gz"):
            gunzip(bomb, max_bytes=1024 * 1024, source="b.xml.gz")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024  # inflating it whole would take 50 MB
    assert gunzip(gzip.compress(b"ok") + gzip.compress(b"!"), max_bytes=10, source="x") == b"ok!"


@pytest.mark.parametrize(("coding", "compress"), [
    ("gzip", gzip.compress), ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4])])  # raw deflate, as some servers send
def test_compressed_bodies_are_inflated(server: Server, coding: str, compress) -> None:
    server.route("/a.html", Reply(body=compress(HTML), headers={"Content-Encoding": coding}))
    with Fetcher(settings()) as fetcher:
        assert fetcher.fetch(server.url("/a.html")).content == HTML
    assert server.hits("/a.html")[0].headers["accept-encoding"] == "gzip, deflate"


def test_unknown_content_encoding_is_refused(server: Server) -> None:
    server.route("/a.html", Reply(body=b"\x00\x01", headers={"Content-Encoding": "br"}))
    with Fetcher(settings()) as fetcher:
        with pytest.raises(UnsupportedContentError, match="content encoding 'br'"):
            fetcher.fetch(server.url("/a.html"))


def test_wrong_content_type_is_refused_unless_accepted(server: Server) -> None:
    server.route("/paper.pdf", Reply(body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"}))
    server.route("/feed.xml", Reply(body=b"<rss/>", headers={"Content-Type": "application/rss+xml"}))
    with Fetcher(settings()) as fetcher:
        with pytest.raises(UnsupportedContentError, match=r"unsupported content type 'application/pdf' for"):
            fetcher.fetch(server.url("/paper.pdf"))
        with pytest.raises(UnsupportedContentError):
            fetcher.fetch(server.url("/feed.xml"))
        assert fetcher.fetch(server.url("/feed.xml"), accept=XML_TYPES).content == b"<rss/>"


def test_fetch_errors_are_all_fetch_errors() -> None:
    for error in (BlockedAddressError, HTTPStatusError, RedirectLoopError, RobotsDisallowedError,
                  TooLargeError, TooManyRedirectsError, TransientFetchError, UnsupportedContentError,
                  UnsupportedURLError):
        assert issubclass(error, FetchError) and error.code != FetchError.code
        assert str(error("why")).startswith(f"[{error.code}] why")


# --- charsets ------------------------------------------------------------------------------

def test_header_saying_utf8_over_cp1252_bytes_is_overruled(server: Server) -> None:
    body = f"<html><body><p>{TEXT}</p></body></html>".encode("cp1252")
    server.route("/a.html", Reply(body=body, headers={"Content-Type": "text/html; charset=utf-8"}))
    with Fetcher(settings()) as fetcher:
        page = fetcher.fetch(server.url("/a.html"))
    assert page.encoding == "cp1252"
    assert TEXT in page.text() and "\ufffd" not in page.text()


@pytest.mark.parametrize("meta", [
    '<meta charset="windows-1251">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'])
def test_meta_charset_without_a_header_charset(server: Server, meta: str) -> None:
    words = "Пациенты продолжили"
    body = f"<html><head>{meta}</head><body><p>{words}</p></body></html>".encode("cp1251")
    server.route("/a.html", Reply(body=body, headers={"Content-Type": "text/html"}))
    with Fetcher(settings()) as fetcher:
        page = fetcher.fetch(server.url("/a.html"))
    assert page.encoding == "cp1251" and words in page.text()


@pytest.mark.parametrize(("data", "declared", "media_type", "text", "charset"), [
    (b"\xef\xbb\xbfcaf\xc3\xa9", "iso-8859-1", "text/plain", "caf\u00e9", "utf-8-sig"),  # BOM wins
    ("caf\u00e9 na\u00efve".encode(), "iso-8859-1", "text/plain", "caf\u00e9 na\u00efve", "utf-8"),
    (b"caf\xe9", "iso-8859-1", "text/plain", "caf\u00e9", "cp1252"),
    (b"\x93quoted\x94", None, "text/plain", "\u201cquoted\u201d", "cp1252"),
    (b"plain ascii", None, "text/html", "plain ascii", "utf-8"),
    (b"<meta charset='utf-16'>caf\xc3\xa9", None, "text/html", "<meta charset='utf-16'>caf\u00e9", "utf-8"),
    (b"x\x81\x8d", "no-such-charset", "text/plain", None, None),
])
def test_decode(data: bytes, declared: str | None, media_type: str, text: str | None,
                charset: str | None) -> None:
    decoded, used = decode(data, declared=declared, media_type=media_type)
    if text is not None:
        assert decoded == text
    if charset is not None:
        assert used == charset
    assert isinstance(decoded, str)


# --- pacing --------------------------------------------------------------------------------

def test_requests_to_one_host_are_spaced_even_from_threads(server: Server) -> None:
    for n in range(4):
        server.route(f"/p{n}.html", Reply(body=HTML))
    with Fetcher(settings(min_interval=0.25)) as fetcher:
        urls = [server.url(f"/p{n}.html") for n in range(4)]
        threads = [threading.Thread(target=fetcher.fetch, args=(url,)) for url in urls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    arrivals = sorted(r.at for r in server.requests if r.path.startswith("/p"))
    assert len(arrivals) == 4
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
    assert min(gaps) >= 0.2, gaps  # 0.25 s apart at the client; some slack for scheduling
    assert page_hits(server, "/robots.txt") == 1  # one robots.txt fetch despite four threads
