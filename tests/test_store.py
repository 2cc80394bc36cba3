"""The SQLite store: idempotent re-runs, replacement of changed articles, history, rejects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import clean_text
from pipeline.evidence import ArticleResult, analyse
from pipeline.process import rejected
from pipeline.store import Store

from .conftest import SEED_TXT

SOURCE = SEED_TXT.as_posix()


def seed_result(nlp, text: str | None = None, at: dt.datetime | None = None) -> ArticleResult:
    text = text if text is not None else SEED_TXT.read_text(encoding="utf-8")
    return analyse(clean_text(text, source=SOURCE), nlp=nlp, extracted_at=at)


def other_result(nlp) -> ArticleResult:
    text = ("Researchers enrolled 80 patients with non-small cell lung cancer who received "
            "osimertinib. Twelve patients died during follow-up.")
    return analyse(clean_text(text, source="other.txt"), nlp=nlp)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "state" / "store.sqlite") as s:
        yield s


def test_wal_mode(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rerun_of_unchanged_article_changes_nothing(nlp, store: Store) -> None:
    first = store.start_run()
    counts = store.ingest(first, [seed_result(nlp, at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))])
    assert (counts.new, counts.rows_added) == (1, 7)
    before = store.rows()
    second = store.start_run()
    counts = store.ingest(second, [seed_result(nlp)])
    assert (counts.new, counts.changed, counts.unchanged, counts.rows_added) == (0, 0, 1, 0)
    after = store.rows()
    assert after == before  # same ids, same extracted_at: nothing moved
    assert len({r.row_id for r in after}) == 7


def test_changed_article_replaces_its_rows_and_keeps_history(nlp, store: Store) -> None:
    first = store.start_run()
    store.ingest(first, [seed_result(nlp), other_result(nlp)])
    old_ids = {r.row_id for r in store.rows() if r.source == SOURCE}
    changed_text = SEED_TXT.read_text(encoding="utf-8").replace(
        "only one experienced", "three experienced")
    second = store.start_run()
    counts = store.ingest(second, [seed_result(nlp, changed_text), other_result(nlp)])
    assert (counts.changed, counts.unchanged, counts.rows_superseded) == (1, 1, 7)
    current = [r for r in store.rows() if r.source == SOURCE]
    assert len(current) == 7
    assert "19 continued imatinib, 3 recurrences" in {r.summary for r in current}
    assert "19 continued imatinib, 1 recurrence" not in {r.summary for r in current}
    # Unchanged statements keep their ids; the changed one gets a new id.
    assert len(old_ids & {r.row_id for r in current}) == 6
    history = store.history(current[0].article_id)
    assert len(history) == 7 and {h[2] for h in history} == {second}
    assert {h[1] for h in history} == {first}
    # The other article was untouched.
    assert len([r for r in store.rows() if r.source == "other.txt"]) == 2


def test_reject_never_removes_existing_rows(nlp, store: Store) -> None:
    store.ingest(store.start_run(), [seed_result(nlp)])
    run = store.start_run()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    counts = store.ingest(run, [rejected(SOURCE, "HTTP 503 for the page", now)])
    assert counts.rejected == 1
    assert len(store.rows()) == 7
    assert [(r.source, r.reason) for r in store.rejects(run_id=run)] == [
        (SOURCE, "HTTP 503 for the page")]
    assert [a.status for a in store.articles()] == ["ok"]


def test_crash_mid_batch_then_rerun_gives_the_same_final_state(nlp, tmp_path: Path) -> None:
    results = [seed_result(nlp), other_result(nlp)]

    def crashing() -> Iterator[ArticleResult]:
        yield results[0]
        raise RuntimeError("worker died")

    with Store(tmp_path / "crash.sqlite") as store:
        with pytest.raises(RuntimeError):
            store.ingest(store.start_run(), crashing())
        assert len(store.rows()) == 7  # the first article was committed
        counts = store.ingest(store.start_run(), results)
        assert (counts.unchanged, counts.new) == (1, 1)
        crashed = store.rows()
    with Store(tmp_path / "clean.sqlite") as store:
        store.ingest(store.start_run(), results)
        clean = store.rows()
    assert crashed == clean


def test_rows_since(nlp, store: Store) -> None:
    store.ingest(store.start_run(), [seed_result(nlp, at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))])
    store.ingest(store.start_run(), [other_result(nlp)])
    assert len(store.rows()) == 9
    assert len(store.rows(since=dt.datetime(2026, 6, 1, tzinfo=dt.UTC))) == 2


def test_an_unchanged_file_is_not_cleaned_again(nlp, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import process

    page = tmp_path / "article.txt"
    page.write_text(SEED_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with Store(tmp_path / "store.sqlite") as store:
        first = process.process_one(page.as_posix(), nlp=nlp, extracted_at=at)
        assert first.etag and first.etag.startswith('"sha256:') and first.rows
        store.ingest(store.start_run(), [first])
        known = store.known_pages()[page.as_posix()]
        cleaned: list[str] = []
        monkeypatch.setattr(process, "clean_text",
                            lambda text, source: cleaned.append(source) or clean_text(text))
        again = process.process_one(page.as_posix(), nlp=nlp, extracted_at=at, known=known)
        assert (again.unchanged, again.rows, cleaned) == ("not-modified", (), [])
        page.write_text(page.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
        same_text = process.process_one(page.as_posix(), nlp=nlp, extracted_at=at, known=known)
        assert (same_text.unchanged, len(cleaned)) == ("same-text", 1)
        assert same_text.etag != first.etag  # the new bytes' validator is kept
