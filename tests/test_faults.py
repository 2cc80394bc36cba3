"""Network faults a scheduled run meets on the open web, against a real local server: each
becomes a typed error with a reason (a reject at the batch boundary), never a crash."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

from pipeline.errors import EmptyArticleError, FetchError, TransientFetchError
from pipeline.evidence import now_utc
from pipeline.fetch import Fetcher, FetchSettings
from pipeline.process import process_inputs

from .http_fixtures import Reply, Server, serve

PAGE = (b"<html><body><article><p>Of the 40 patients randomised, 20 received imatinib and 20 "
        b"received placebo; 12 of the 20 given imatinib responded.</p></article></body></html>")


def settings(**overrides: object) -> FetchSettings:
    values: dict[str, object] = {"allow_private": True, "min_interval": 0.0, "timeout": 2.0,
                                 "backoff_base": 0.01, "retries": 2}
    return FetchSettings(**(values | overrides))  # type: ignore[arg-type]


@pytest.fixture()
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


def test_a_truncated_body_is_transient_and_retried(server: Server) -> None:
    server.route("/cut.html", Reply(body=PAGE, truncate=30))
    with Fetcher(settings()) as fetcher, pytest.raises(TransientFetchError, match="after 3 attempts"):
        fetcher.fetch(server.url("/cut.html"))
    assert len(server.hits("/cut.html")) == 3


def test_a_truncated_body_that_recovers_is_fetched_whole(server: Server) -> None:
    server.route("/flaky.html", lambda r: Reply(body=PAGE, truncate=30 if r.n == 1 else None))
    with Fetcher(settings()) as fetcher:
        assert fetcher.fetch(server.url("/flaky.html")).content == PAGE


def test_a_slow_drip_server_is_cut_off(server: Server) -> None:
    # Each chunk arrives well within the read timeout, but the whole body never would.
    server.route("/drip.html", Reply(body=PAGE * 20, drip=0.05))
    with Fetcher(settings(max_duration=0.5, retries=0)) as fetcher, pytest.raises(
            TransientFetchError, match="longer than"):
        fetcher.fetch(server.url("/drip.html"))


def test_a_5xx_storm_ends_in_a_reject_and_the_batch_goes_on(server: Server) -> None:
    for n in range(5):
        server.route(f"/storm{n}.html", Reply(503, b"busy"))
    server.route("/fine.html", Reply(body=PAGE))
    server.route("/empty.html", Reply(body=b""))
    server.route("/binary.html", Reply(body=bytes(range(256)) * 50))
    server.route("/scripts.html", Reply(body=b"<html><head><script>var x = 1;</script></head>"
                                            b"<body><script>document.write('hi')</script></body></html>"))
    items = [server.url(f"/storm{n}.html") for n in range(5)] + [
        server.url(p) for p in ("/fine.html", "/empty.html", "/binary.html", "/scripts.html")]
    results = process_inputs(items, extracted_at=now_utc())
    reasons = {r.record.source: r.record.reject_reason for r in results}
    assert all("HTTP 503 after" in reasons[server.url(f"/storm{n}.html")] for n in range(5))
    assert reasons[server.url("/fine.html")] is None
    assert [r for r in results if r.record.source == server.url("/fine.html")][0].rows
    assert "empty page" in reasons[server.url("/empty.html")]
    assert "is not text" in reasons[server.url("/binary.html")]
    assert "no article text" in reasons[server.url("/scripts.html")]


def test_every_fault_is_a_fetch_error_with_a_reason(server: Server) -> None:
    faults = {"/reset": Reply(reset=True), "/slow": Reply(body=PAGE, delay=3.0),
              "/pdf": Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}),
              "/loop": Reply(302, headers={"Location": "/loop"}),
              "/big": Reply(body=b"x" * 2_000_000)}
    for path, reply in faults.items():
        server.route(path, reply)
    with Fetcher(settings(retries=0, timeout=1.0, max_bytes=1_000_000)) as fetcher:
        for path in faults:
            with pytest.raises(FetchError) as caught:
                fetcher.fetch(server.url(path))
            assert server.url(path) in caught.value.reason


def test_an_empty_200_is_an_empty_article() -> None:
    from pipeline.clean import clean_html

    with pytest.raises(EmptyArticleError):
        clean_html(b"")


def test_credentials_in_a_url_never_reach_logs_or_reasons(server: Server,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    server.route("/private.html", Reply(503, b"busy"))
    url = server.url("/private.html").replace("http://", "http://curator:s3cr3t-token@")
    caplog.set_level("DEBUG", logger="pipeline")
    with Fetcher(settings(retries=1)) as fetcher, pytest.raises(TransientFetchError) as caught:
        fetcher.fetch(url)
    assert "s3cr3t-token" not in caught.value.reason
    assert "s3cr3t-token" not in caplog.text
    assert "/private.html" in caught.value.reason  # the page is still named


def test_credentials_in_a_url_never_reach_the_output_files(server: Server, tmp_path) -> None:
    from pipeline.process import extract_paths

    server.route("/private.html", Reply(body=PAGE, headers={"Content-Type": "text/html"}))
    server.route("/gone.html", Reply(404, b"gone"))
    secret = "curator:s3cr3t-token@"
    urls = [server.url(p).replace("http://", f"http://{secret}")
            for p in ("/private.html", "/gone.html")]
    summary = extract_paths(urls, tmp_path, jsonl=True)
    assert summary.n_rows >= 1 and summary.n_rejected == 1
    for path in summary.outputs.values():
        if path.suffix == ".parquet":
            text = "\n".join(pd.read_parquet(path)["source"])
        else:
            text = path.read_text(encoding="utf-8")
        assert "s3cr3t-token" not in text, path.name
        assert "http://***@127.0.0.1" in text, path.name  # the page is still named
