"""pipeline.sources: the sources file, and discovery from feeds, sitemaps, URL lists and folders
(feeds and sitemaps served by a real HTTP server on 127.0.0.1, tests/http_fixtures.py)."""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.errors import DiscoveryError, HTTPStatusError, OncoEvidenceError, SourcesError, TooLargeError
from pipeline.fetch import Fetcher, FetchSettings
from pipeline.settings import CORPORA_DIR
from pipeline.sources import Discovered, Source, discover, discover_all, load_sources, parse_date

from .http_fixtures import Reply, Server, serve

UTC = dt.UTC


@pytest.fixture()
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchSettings(allow_private=True, min_interval=0.0, retries=0, max_bytes=200_000)) as f:
        yield f


def locations(found: list[Discovered]) -> list[str]:
    return [d.location for d in found]


# --- the sources file ----------------------------------------------------------------------

TOML = """
[[source]]
name = "oncnews"
kind = "feed"
location = "https://example.org/oncology/rss.xml"
include = ["/oncology/"]
exclude = ["re:/video/\\\\d+"]
limit = 200
min_interval = 2.0

[[source]]
name = "local"
kind = "folder"
location = "articles"
"""

YAML = """
source:
  - name: oncnews
    kind: feed
    location: https://example.org/oncology/rss.xml
    include: ["/oncology/"]
    exclude: ['re:/video/\\d+']
    limit: 200
    min_interval: 2.0
  - {name: local, kind: folder, location: articles}
"""


@pytest.mark.parametrize(("name", "content"), [("sources.toml", TOML), ("sources.yaml", YAML)])
def test_sources_file_loads_with_relative_paths_resolved(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    news, local = load_sources(path)
    assert news == Source(name="oncnews", kind="feed", location="https://example.org/oncology/rss.xml",
                          include=("/oncology/",), exclude=(r"re:/video/\d+",), limit=200, min_interval=2.0)
    assert local.kind == "folder" and local.location == str(tmp_path / "articles")
    assert news.matches("https://example.org/oncology/a.html")
    assert not news.matches("https://example.org/oncology/video/12/a.html")
    assert news.matches("https://example.org/oncology/video/about.html")  # the regex wants digits
    assert not news.matches("https://example.org/cardiology/a.html")


GOOD = '[[source]]\nname = "x"\nkind = "feed"\nlocation = "https://example.org/rss.xml"\n'


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("s.toml", GOOD + "limt = 5\n", ["s.toml", "source 'x' (#1)", "field 'limt'", "unknown key"]),
    ("s.toml", GOOD.replace('"feed"', '"podcast"'), ["source 'x' (#1)", "field 'kind'", "'feed'"]),
    ("s.toml", GOOD + "limit = 0\n", ["field 'limit'", "greater than 0"]),
    ("s.toml", GOOD + 'include = ["re:("]\n', ["field 'include'", "bad regular expression 're:('"]),
    ("s.toml", GOOD.replace('"feed"', '"url"').replace("https://example.org/rss.xml", "pages/a.html"),
     ["source 'x' (#1)", "needs an http(s) URL"]),
    ("s.toml", GOOD + "\n" + GOOD, ["duplicate source name 'x'"]),
    ("s.toml", '[[source]]\nkind = "url"\nlocation = "https://e.org/"\n', ["source #1", "field 'name'",
                                                                          "Field required"]),
    ("s.toml", GOOD + "[other]\n", ["field 'other'", "unknown key"]),
    ("s.toml", "[[source]\nname=", ["s.toml", "invalid TOML"]),
    ("s.toml", "", ["no sources"]),
    ("s.yaml", "source:\n  - name: [unclosed\n", ["s.yaml", "invalid YAML"]),
    ("s.yaml", "- just a list\n", ["expected a table"]),
    ("s.json", "{}", ["TOML (.toml) or YAML"]),
])
def test_bad_sources_files_say_where_and_what(tmp_path: Path, name: str, content: str,
                                              expected: list[str]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    for text in expected:
        assert text in str(caught.value)
    assert str(caught.value).startswith("[E015] ")


def test_missing_sources_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="no such file"):
        load_sources(tmp_path / "nope.toml")


def test_example_sources_file_lists_the_bundled_corpus(fetcher: Fetcher) -> None:
    [corpus] = load_sources(CORPORA_DIR / "sources.example.toml")
    assert corpus.kind == "folder" and Path(corpus.location) == CORPORA_DIR.resolve()
    found = locations(discover(corpus, fetcher))
    assert (CORPORA_DIR.resolve() / "seed" / "gist-imatinib-surgery.html").as_posix() in found
    assert not any(loc.endswith((".json", "README.md")) for loc in found)


# --- feeds ---------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Onc news</title><link>https://example.org/</link>
<lastBuildDate>Fri, 03 May 2024 00:00:00 GMT</lastBuildDate>
<item><title>A</title><link>https://example.org/oncology/a.html</link>
  <pubDate>Wed, 01 May 2024 10:00:00 +0200</pubDate></item>
<item><title>B</title><link>https://example.org/oncology/video/b.html</link></item>
<item><title>C</title><link>https://example.org/cardiology/c.html</link></item>
<item><title>A again</title><link>https://example.org/oncology/a.html#comments</link></item>
<item><title>D</title><link>/oncology/d.html</link></item>
<item><title>E</title><guid isPermaLink="true">https://example.org/oncology/e.html</guid></item>
<item><title>no link</title><description>x</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Journal</title>
<link rel="self" href="https://example.org/feed.atom"/>
<entry><title>A</title><link rel="enclosure" href="https://example.org/a.mp3"/>
  <link rel="alternate" type="text/html" href="https://example.org/articles/a"/>
  <published>2024-04-01T00:00:00Z</published><updated>2024-05-02T08:30:00Z</updated></entry>
<entry><title>B</title><link href="https://example.org/articles/b"/>
  <published>2024-05-03T00:00:00+02:00</published></entry>
<entry><title>no page</title><link rel="self" href="https://example.org/entries/c"/></entry>
</feed>"""


def test_rss_feed_items_filtered_deduplicated_and_limited(server: Server, fetcher: Fetcher) -> None:
    server.route("/rss.xml", Reply(body=RSS, headers={"Content-Type": "application/rss+xml"}))
    source = Source(name="news", kind="feed", location=server.url("/rss.xml"), include=["/oncology/"],
                    exclude=["/video/"], min_interval=0.0)
    found = discover(source, fetcher)
    assert locations(found) == ["https://example.org/oncology/a.html", server.url("/oncology/d.html"),
                                "https://example.org/oncology/e.html"]
    assert found[0].date == dt.datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    assert found[0].source == "news" and found[0].min_interval == 0.0 and found[1].date is None
    limited = discover(source.model_copy(update={"limit": 2}), fetcher)
    assert locations(limited) == locations(found)[:2]


def test_atom_feed_entries_use_the_alternate_link(server: Server, fetcher: Fetcher) -> None:
    server.route("/feed.atom", Reply(body=ATOM, headers={"Content-Type": "application/atom+xml"}))
    found = discover(Source(name="journal", kind="feed", location=server.url("/feed.atom")), fetcher)
    assert [(d.location, d.date) for d in found] == [
        ("https://example.org/articles/a", dt.datetime(2024, 5, 2, 8, 30, tzinfo=UTC)),
        ("https://example.org/articles/b", dt.datetime(2024, 5, 2, 22, 0, tzinfo=UTC))]


def test_a_page_that_is_not_a_feed(server: Server, fetcher: Fetcher) -> None:
    server.route("/page.xml", Reply(body=b"<html><body/></html>", headers={"Content-Type": "text/xml"}))
    server.route("/page.html", Reply(body=b"<html><body><p>hello</body></html>"))
    with pytest.raises(DiscoveryError, match=r"not an RSS or Atom feed \(root element <html>"):
        discover(Source(name="x", kind="feed", location=server.url("/page.xml")), fetcher)
    with pytest.raises(DiscoveryError, match="not well-formed XML"):
        discover(Source(name="x", kind="feed", location=server.url("/page.html")), fetcher)


@pytest.mark.parametrize("levels", [2, 9])
def test_feed_entities_are_never_expanded(tmp_path: Path, fetcher: Fetcher, levels: int) -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, levels + 1))
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}'
            f'<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
            f"<rss><channel><item><link>https://example.org/&l{levels};</link></item>"
            f"<item><link>&secret;</link></item></channel></rss>")
    path = tmp_path / "laughs.xml"
    path.write_text(feed, encoding="utf-8")
    source = Source(name="x", kind="feed", location=str(path))
    if levels > 3:  # libxml2 refuses a billion laughs outright
        with pytest.raises(DiscoveryError, match="not well-formed XML"):
            discover(source, fetcher)
    else:  # a few laughs parse, but the entities stay unexpanded and the file unread
        assert locations(discover(source, fetcher)) == ["https://example.org/"]


# --- sitemaps ------------------------------------------------------------------------------

def urlset(*urls: tuple[str, str | None]) -> bytes:
    entries = "".join(f"<url><loc>{loc}</loc>{f'<lastmod>{mod}</lastmod>' if mod else ''}</url>"
                      for loc, mod in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9">{entries}</urlset>').encode()


def sitemapindex(*locs: str) -> bytes:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9">{entries}</sitemapindex>').encode()


def test_sitemap_index_to_gzipped_child_to_urls(server: Server, fetcher: Fetcher) -> None:
    server.route("/sitemap_index.xml", Reply(body=sitemapindex(
        server.url("/sitemap-news.xml.gz"), server.url("/sitemap-gone.xml"), "/sitemap-pages.xml"),
        headers={"Content-Type": "application/xml"}))
    news = urlset(("https://example.org/news/1", "2024-05-01"),
                  ("https://example.org/news/2", "2024-05-02T10:00:00+02:00"))
    server.route("/sitemap-news.xml.gz", Reply(body=gzip.compress(news),
                                               headers={"Content-Type": "application/x-gzip"}))
    server.route("/sitemap-pages.xml", Reply(body=gzip.compress(urlset(("https://example.org/about", None))),
                                             headers={"Content-Type": "application/xml",
                                                      "Content-Encoding": "gzip"}))
    source = Source(name="site", kind="sitemap", location=server.url("/sitemap_index.xml"))
    problems: list[OncoEvidenceError] = []
    found = discover(source, fetcher, problems=problems)
    assert [(d.location, d.date) for d in found] == [
        ("https://example.org/news/1", dt.datetime(2024, 5, 1, tzinfo=UTC)),
        ("https://example.org/news/2", dt.datetime(2024, 5, 2, 8, 0, tzinfo=UTC)),
        ("https://example.org/about", None)]
    [problem] = problems  # the missing child is recorded; its siblings still count
    assert isinstance(problem, HTTPStatusError) and "HTTP 404" in problem.reason
    with pytest.raises(HTTPStatusError):  # without a problems list, a broken child raises
        discover(source, fetcher)


def test_sitemap_limit_stops_fetching_child_sitemaps(server: Server, fetcher: Fetcher) -> None:
    server.route("/index.xml", Reply(body=sitemapindex("/one.xml", "/two.xml")))
    server.route("/one.xml", Reply(body=urlset(("https://example.org/1", None),
                                               ("https://example.org/2", None))))
    server.route("/two.xml", Reply(body=urlset(("https://example.org/3", None))))
    found = discover(Source(name="s", kind="sitemap", location=server.url("/index.xml"), limit=2), fetcher)
    assert locations(found) == ["https://example.org/1", "https://example.org/2"]
    assert server.hits("/two.xml") == []


def test_sitemap_indexes_nest_at_most_three_deep(server: Server, fetcher: Fetcher) -> None:
    for n in range(5):
        server.route(f"/i{n}.xml", Reply(body=sitemapindex(f"/i{n + 1}.xml", f"/u{n}.xml")))
        server.route(f"/u{n}.xml", Reply(body=urlset((f"https://example.org/{n}", None))))
    problems: list[OncoEvidenceError] = []
    found = discover(Source(name="s", kind="sitemap", location=server.url("/i0.xml")), fetcher,
                     problems=problems)
    assert locations(found) == [f"https://example.org/{n}" for n in (2, 1, 0)]
    assert [type(p) for p in problems] == [DiscoveryError]
    assert "nested deeper than 3 levels" in problems[0].reason
    assert server.hits("/i4.xml") == []


def test_gzipped_sitemap_bomb_is_capped(server: Server, fetcher: Fetcher) -> None:
    server.route("/bomb.xml.gz", Reply(body=gzip.compress(b" " * 5_000_000),
                                       headers={"Content-Type": "application/gzip"}))
    with pytest.raises(TooLargeError, match="larger than 200000 bytes once decompressed"):
        discover(Source(name="s", kind="sitemap", location=server.url("/bomb.xml.gz")), fetcher)


# --- URL lists, folders, single URLs, and all together -------------------------------------

def test_url_list_skips_comments_and_records_bad_lines(tmp_path: Path, fetcher: Fetcher) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# curated list\n\nhttps://example.org/a\n  https://example.org/b  \nnot a url\n"
                    "https://example.org/a\n", encoding="utf-8")
    source = Source(name="list", kind="urls", location=str(path))
    problems: list[OncoEvidenceError] = []
    assert locations(discover(source, fetcher, problems=problems)) == ["https://example.org/a",
                                                                       "https://example.org/b"]
    assert len(problems) == 1 and "line 5: not an http(s) URL: 'not a url'" in problems[0].reason


def test_folder_lists_article_files_sorted(tmp_path: Path, fetcher: Fetcher) -> None:
    for name in ["b.html", "a.txt", "c.md", "sub/d.htm", "README.md", ".hidden/e.html", "notes.json",
                 "paper.pdf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    source = Source(name="dir", kind="folder", location=str(tmp_path))
    found = discover(source, fetcher)
    assert locations(found) == [(tmp_path / n).as_posix() for n in ["a.txt", "b.html", "c.md", "sub/d.htm"]]
    assert all(d.date is not None and d.date.tzinfo is not None for d in found)
    assert len(discover(source.model_copy(update={"exclude": ("/sub/",)}), fetcher)) == 3


def test_discover_all_records_failing_sources_and_goes_on(server: Server, fetcher: Fetcher,
                                                         tmp_path: Path) -> None:
    server.route("/rss.xml", Reply(body=RSS, headers={"Content-Type": "application/rss+xml"}))
    (tmp_path / "urls.txt").write_text("https://example.org/oncology/a.html\nhttps://example.org/x\n")
    sources = [Source(name="news", kind="feed", location=server.url("/rss.xml"), limit=1),
               Source(name="broken", kind="feed", location=server.url("/gone.xml")),
               Source(name="nowhere", kind="folder", location=str(tmp_path / "missing")),
               Source(name="list", kind="urls", location=str(tmp_path / "urls.txt")),
               Source(name="one", kind="url", location="https://example.org/y")]
    found, errors = discover_all(sources, fetcher)
    assert [(d.location, d.source) for d in found] == [
        ("https://example.org/oncology/a.html", "news"),  # the first source to name a page keeps it
        ("https://example.org/x", "list"), ("https://example.org/y", "one")]
    assert [(name, type(error)) for name, error in errors] == [("broken", HTTPStatusError),
                                                               ("nowhere", DiscoveryError)]
    assert "no such folder" in errors[1][1].reason


@pytest.mark.parametrize(("text", "expected"), [
    ("Wed, 01 May 2024 10:00:00 GMT", dt.datetime(2024, 5, 1, 10, tzinfo=UTC)),
    ("2024-05-01", dt.datetime(2024, 5, 1, tzinfo=UTC)),
    ("2024-05-01T12:00:00+02:00", dt.datetime(2024, 5, 1, 10, tzinfo=UTC)),
    ("2024-05-01T10:00:00Z", dt.datetime(2024, 5, 1, 10, tzinfo=UTC)),
    ("yesterday", None), ("", None), (None, None)])
def test_parse_date(text: str | None, expected: dt.datetime | None) -> None:
    assert parse_date(text) == expected
