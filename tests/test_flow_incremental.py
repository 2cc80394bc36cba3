"""The ingestion flow against a real local HTTP server serving a feed and corpus pages:
first run ingests everything, a second run ingests nothing new (conditional requests get
304s), a changed page has only its own rows replaced, a page that keeps failing is retried
and then recorded as a reject, and the run publishes its artifacts."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.settings import CORPORA_DIR
from pipeline.store import Store

from .conftest import SEED_HTML
from .http_fixtures import Reply, Request, Server, serve

SECOND_PAGE = CORPORA_DIR / "dev" / "tune" / "tune-06-myeloma-lenalidomide-news.html"
ORIGINAL = "only one experienced a cancer recurrence"
CHANGED = "two experienced a cancer recurrence"


@pytest.fixture(scope="module")
def prefect_harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


class Site:
    """Pages with ETags: a 304 when the client already has the current version."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.pages = {"/news/gist.html": SEED_HTML.read_bytes(),
                      "/news/myeloma.html": SECOND_PAGE.read_bytes()}
        for path in self.pages:
            server.route(path, self.reply(path))
        server.route("/news/broken.html", Reply(500, b"boom"))
        items = "".join(f"<item><link>{server.url(p)}</link></item>"
                        for p in [*self.pages, "/news/broken.html"])
        server.route("/feed.xml", Reply(body=f'<?xml version="1.0"?><rss version="2.0"><channel>'
                                             f"{items}</channel></rss>".encode(),
                                        headers={"Content-Type": "application/rss+xml"}))

    def reply(self, path: str):  # noqa: ANN201 - a Route
        def answer(request: Request) -> Reply:
            body = self.pages[path]
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if request.headers.get("if-none-match") == etag:
                return Reply(304, headers={"ETag": etag})
            return Reply(body=body, headers={"ETag": etag})
        return answer


def test_incremental_runs_against_a_live_site(tmp_path: Path, prefect_harness: None) -> None:
    from prefect.client.orchestration import get_client

    from flows.ingest import ingest

    with serve() as server:
        site = Site(server)
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[source]]\nname = "site"\nkind = "feed"\n'
                           f'location = "{server.url("/feed.xml")}"\n', encoding="utf-8")
        db, out = str(tmp_path / "store.sqlite"), str(tmp_path / "out")
        gist, myeloma = server.url("/news/gist.html"), server.url("/news/myeloma.html")

        first = ingest(sources=str(sources), db=db, out_dir=out)
        assert (first["discovered"], first["new"], first["rejected"]) == (3, 2, 1)
        assert first["rows_added"] > 7
        assert len(server.hits("/news/broken.html")) == 4  # the first try and 3 retries
        with Store(db) as store:
            rejects = {r.source: r.reason for r in store.rejects(run_id=str(first["run_id"]))}
            rows_before = {r.row_id: r for r in store.rows()}
        assert "HTTP 500 after 4 attempts" in rejects[server.url("/news/broken.html")]

        second = ingest(sources=str(sources), db=db, out_dir=out)
        assert (second["new"], second["changed"], second["not_modified"], second["rows_added"]) == (
            0, 0, 2, 0)
        assert all("if-none-match" in hit.headers for hit in server.hits("/news/gist.html")[1:])
        with Store(db) as store:
            assert {r.row_id for r in store.rows()} == set(rows_before)

        site.pages["/news/gist.html"] = site.pages["/news/gist.html"].replace(
            ORIGINAL.encode(), CHANGED.encode())
        third = ingest(sources=str(sources), db=db, out_dir=out)
        assert (third["changed"], third["not_modified"], third["new"]) == (1, 1, 0)
        with Store(db) as store:
            rows_after = {r.row_id: r for r in store.rows()}
        untouched = {i for i, r in rows_before.items() if r.source == myeloma}
        assert untouched and untouched <= set(rows_after)  # the other article kept its rows
        gist_sentences = {r.sentence for r in rows_after.values() if r.source == gist}
        assert any(CHANGED in s for s in gist_sentences)
        assert not any(ORIGINAL in s for s in gist_sentences)
        assert len(rows_after) == len({(r.source, r.row_id) for r in rows_after.values()})

    async def artifacts() -> list:
        async with get_client() as client:
            return await client.read_artifacts()

    async def logs() -> list[str]:
        async with get_client() as client:
            return [f"{log.name}: {log.message}" for log in await client.read_logs()]

    # The library's own logs (here the fetcher's retries) reach the flow run's logs.
    assert any(line.startswith("pipeline.fetch: HTTP 500") and "retry 1 of 3" in line
               for line in asyncio.run(logs()))

    published = sorted(asyncio.run(artifacts()), key=lambda a: a.created)
    summaries = [a.data for a in published if a.key == "onco-evidence-run-summary"]
    tables = [a.data for a in published if a.key == "onco-evidence-new-rows"]
    assert len(summaries) >= 3 and len(tables) >= 3
    # discovered | fetched | not modified | unchanged | new | changed | rejected
    assert "| 3 | 2 | 1 | 1 | 0 | 1 | 1 |" in summaries[-1]
    assert "## Rejects" in summaries[-1] and "HTTP 500" in summaries[-1]
    assert "report.html" in summaries[-1]
    assert gist in tables[-1] and myeloma not in tables[-1]
