"""Outputs written from batches (issue #9): the same files as a one-shot write, memory held
to a chunk, the report paged, nothing half-written after a failure."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline import load_evidence
from pipeline.evidence import ArticleResult
from pipeline.export import OutputWriter, export_store, write_outputs, write_rows
from pipeline.process import discover_inputs, process_inputs, rejected
from pipeline.report import ReportWriter, texts_of
from pipeline.settings import CORPORA_DIR
from pipeline.store import Store


@pytest.fixture(scope="module")
def results(nlp) -> list[ArticleResult]:
    items = discover_inputs([CORPORA_DIR / "seed", CORPORA_DIR / "dev" / "tune"])[:12]
    found = process_inputs(items, nlp=nlp)
    return [*found, rejected("missing.html", "no such file or folder: missing.html",
                             found[0].record.extracted_at)]


def _without_clock(page: str) -> str:
    return re.sub(r"Generated [^<]*", "", page)


def test_streamed_outputs_equal_a_one_shot_write(results: list[ArticleResult], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [row for r in results for row in r.rows]
    write_outputs(rows, [r.record for r in results], tmp_path / "once", jsonl=True,
                  texts=texts_of(results))
    monkeypatch.setattr(OutputWriter, "CHUNK_ROWS", 7)  # many chunks, some mid-article
    monkeypatch.setattr(OutputWriter, "CHUNK_RECORDS", 2)
    with OutputWriter(tmp_path / "streamed", jsonl=True) as out:
        for result in results:
            out.add(result.rows, [result.record], texts_of([result]))
            assert len(out._rows) < 7 + len(result.rows)  # noqa: SLF001 - held: one chunk
    assert out.n_rows == len(rows) > 50
    assert out.n_records == len(results)
    for name in ("evidence.csv", "articles.csv", "rejects.csv", "evidence.jsonl"):
        assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "once" / name).read_bytes()
    once = pd.read_parquet(tmp_path / "once" / "evidence.parquet")
    streamed = pd.read_parquet(tmp_path / "streamed" / "evidence.parquet")
    pd.testing.assert_frame_equal(streamed, once)  # values and pandas dtypes
    assert str(streamed["cohort_size"].dtype) == "Int64"
    report = (tmp_path / "streamed" / "report.html").read_text(encoding="utf-8")
    assert _without_clock(report) == _without_clock(
        (tmp_path / "once" / "report.html").read_text(encoding="utf-8"))
    assert "missing.html" in (tmp_path / "streamed" / "rejects.csv").read_text(encoding="utf-8")


def test_an_empty_run_writes_headers_and_an_empty_parquet(tmp_path: Path) -> None:
    with OutputWriter(tmp_path) as out:
        pass
    assert (tmp_path / "evidence.csv").read_text(encoding="utf-8").startswith("row_id,row_type,")
    assert len(pd.read_parquet(tmp_path / "evidence.parquet")) == 0
    assert set(out.outputs) == {"evidence.csv", "evidence.parquet", "articles.csv",
                                "rejects.csv", "report.html"}


def test_a_failure_mid_run_leaves_the_previous_outputs(results: list[ArticleResult],
                                                       tmp_path: Path) -> None:
    write_outputs([row for r in results for row in r.rows], [r.record for r in results],
                  tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(RuntimeError, match="worker died"), OutputWriter(tmp_path) as out:
        out.add(results[0].rows, [results[0].record], texts_of(results[:1]))
        raise RuntimeError("worker died")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temporaries


def test_outputs_get_the_users_usual_file_mode(results: list[ArticleResult],
                                               tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    with OutputWriter(tmp_path) as out:
        out.add(results[0].rows, [results[0].record])
    for path in out.outputs.values():
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask, path  # not mkstemp's 0600


def test_the_report_is_paged_and_every_page_links_the_others(results: list[ArticleResult],
                                                            tmp_path: Path) -> None:
    (tmp_path / "report-9.html").write_text("a page of an earlier, longer run")
    ok = [r for r in results if r.record.status == "ok"]
    report = ReportWriter(tmp_path / "report.html", page_size=5)
    for result in results:
        report.add([result.record], result.rows, texts_of([result]))
    pages = report.close([])
    assert [p.name for p in pages] == ["report.html", "report-2.html", "report-3.html"]
    assert not (tmp_path / "report-9.html").exists()
    seen: list[str] = []
    for n, page in enumerate(pages):
        body = page.read_text(encoding="utf-8")
        sections = re.findall(r"<section class='article' id='a-([0-9a-f]+)'", body)
        assert len(sections) == (5 if n < 2 else len(ok) - 10)
        seen += sections
        data = json.loads(re.search(r"id='report-data'>(.*?)</script>", body, re.S).group(1))
        assert set(data["articles"]) == set(sections)
        assert {row["article_id"] for row in data["rows"].values()} <= set(sections)
        assert f"<td id='n-articles'>{len(ok)}</td>" in body  # the whole run's overview
        others = [p.name for p in pages if p != page]
        assert all(f"<a href='{name}'>" in body for name in others)
        # the by-source list points at the page each article is on
        first_elsewhere = ok[5 if n == 0 else 0].record.article_id
        assert f"href='{pages[1 if n == 0 else 0].name}#a-{first_elsewhere}'" in body
    assert seen == [r.record.article_id for r in ok]


def test_store_batches_stream_what_rows_and_articles_return(results: list[ArticleResult],
                                                            tmp_path: Path) -> None:
    with Store(tmp_path / "store.sqlite") as store:
        store.ingest(store.start_run(), results)
        batches = list(store.export_batches(size=3))
        assert len(batches) == -(-len(results) // 3)
        assert [r for records, _, _ in batches for r in records] == store.articles()
        assert [row for _, rows, _ in batches for row in rows] == store.rows()
        assert list(store.iter_rows()) == store.rows()
        texts = {k: v for _, _, t in batches for k, v in t.items()}
        assert texts == store.article_texts()
        for fmt in ("csv", "parquet", "jsonl"):
            assert write_rows(store.iter_rows(), tmp_path / f"e.{fmt}", fmt) == len(store.rows())
        n_rows = len(store.rows())
    for fmt in ("csv", "parquet", "jsonl"):
        assert len(load_evidence(tmp_path / f"e.{fmt}")) == n_rows


def test_an_unchanged_store_is_not_exported_again(results: list[ArticleResult], nlp,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tmp_path / "store.sqlite") as store:
        store.ingest(store.start_run(), results[:4])
        first = export_store(store, out)
        stamps = {name: path.stat().st_mtime_ns for name, path in first.items()}
        run_id = store.start_run()
        store.ingest(run_id, results[:4])  # the same articles again: nothing changes
        assert export_store(store, out, run_id=run_id) == first
        assert {name: path.stat().st_mtime_ns for name, path in first.items()} == stamps
        (out / "report.html").unlink()  # a missing output is written again
        assert export_store(store, out, run_id=run_id)["report.html"].exists()
        store.ingest(store.start_run(), results[4:6])  # new articles: a new export
        again = export_store(store, out)
        assert again["evidence.csv"].stat().st_mtime_ns != stamps["evidence.csv"]
        assert len(load_evidence(again["evidence.csv"])) == len(store.rows())
