"""The embedded store: SQLite (WAL) holding articles, evidence rows, row history, rejects, runs.

- An article whose cleaned text and pipeline version are unchanged is left as it is: its
  rows, their ids and their ``extracted_at`` do not move.
- A changed article has its rows replaced in one transaction; the old rows go to
  ``row_history`` with the run that superseded them.
- A reject is recorded for its run and never removes the rows an article already has.

Each article is ingested in its own transaction, so a crash mid-run loses nothing that was
committed and a re-run finishes the rest without duplicating anything.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

from .evidence import ArticleResult, now_utc
from .report import ArticleText
from .schema import ArticleRecord, EvidenceRow, RejectRecord
from .settings import PIPELINE_VERSION

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    pipeline_version TEXT NOT NULL,
    counts_json TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    content_sha256 TEXT,
    pipeline_version TEXT NOT NULL,
    record_json TEXT NOT NULL,
    first_run TEXT NOT NULL,
    last_run TEXT NOT NULL,
    changed_run TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS rows (
    row_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id),
    run_id TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    row_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rows_article ON rows(article_id);
CREATE INDEX IF NOT EXISTS rows_extracted_at ON rows(extracted_at);
CREATE TABLE IF NOT EXISTS row_history (
    row_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    added_run TEXT NOT NULL,
    superseded_run TEXT NOT NULL,
    row_json TEXT NOT NULL,
    PRIMARY KEY (row_id, superseded_run)
);
CREATE TABLE IF NOT EXISTS pages (
    source TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_run TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rejects (
    source TEXT NOT NULL,
    run_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    PRIMARY KEY (source, run_id)
);
-- The cleaned text and highlights of each article's current rows, for the review report.
CREATE TABLE IF NOT EXISTS article_texts (
    article_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    highlights_json TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class IngestCounts:
    """What one ingest did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0  # as stored: not re-extracted (a 304, or the same cleaned text)
    not_modified: int = 0  # of those, a 304 or a file's same bytes: not even cleaned
    rejected: int = 0
    rows_added: int = 0
    rows_superseded: int = 0

    def __add__(self, other: IngestCounts) -> IngestCounts:
        return IngestCounts(**{k: v + getattr(other, k) for k, v in asdict(self).items()})


@dataclass(frozen=True)
class KnownPage:
    """A source as the store last extracted it."""

    record: ArticleRecord
    content_sha256: str | None
    pipeline_version: str
    etag: str | None
    last_modified: str | None


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """The SQLite store. Use as a context manager; one connection per process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(_SCHEMA)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ----------------------------------------------------------------- runs

    def start_run(self) -> str:
        run_id = f"{_iso(now_utc())}-{uuid.uuid4().hex[:8]}"
        self.conn.execute("INSERT INTO runs (run_id, started_at, pipeline_version) VALUES (?, ?, ?)",
                          (run_id, _iso(now_utc()), PIPELINE_VERSION))
        return run_id

    def finish_run(self, run_id: str, counts: IngestCounts) -> None:
        self.conn.execute("UPDATE runs SET finished_at = ?, counts_json = ? WHERE run_id = ?",
                          (_iso(now_utc()), json.dumps(asdict(counts)), run_id))

    # ----------------------------------------------------------------- ingest

    def ingest(self, run_id: str, results: Iterable[ArticleResult]) -> IngestCounts:
        """Store a batch of results, one transaction per article."""
        total = IngestCounts()
        for result in results:
            total += self._ingest_one(run_id, result)
        return total

    def _ingest_one(self, run_id: str, result: ArticleResult) -> IngestCounts:
        record = result.record
        with self._transaction() as cur:
            if result.unchanged:
                cur.execute("UPDATE articles SET last_run = ? WHERE article_id = ?",
                            (run_id, record.article_id))
                # The text is as stored; the page's validators may still be new (a server
                # that changed its ETag but not the article): keep them for next time.
                cur.execute("UPDATE pages SET last_run = ?, etag = coalesce(?, etag), "
                            "last_modified = coalesce(?, last_modified) WHERE source = ?",
                            (run_id, result.etag, result.last_modified, record.source))
                return IngestCounts(unchanged=1, not_modified=int(result.unchanged == "not-modified"))
            if record.status == "rejected":
                cur.execute(
                    "INSERT OR REPLACE INTO rejects VALUES (?, ?, ?, ?, ?, ?)",
                    (record.source, run_id, record.article_id, record.reject_reason or "",
                     _iso(record.extracted_at), record.pipeline_version))
                cur.execute(
                    "INSERT OR IGNORE INTO articles VALUES (?, ?, 'rejected', NULL, ?, ?, ?, ?, ?)",
                    (record.article_id, record.source, record.pipeline_version,
                     record.model_dump_json(), run_id, run_id, run_id))
                return IngestCounts(rejected=1)

            # A source that failed before and now works: its reject entry is replaced.
            cur.execute("DELETE FROM articles WHERE source = ? AND status = 'rejected'",
                        (record.source,))
            cur.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?)",
                        (record.source, record.article_id, result.etag, result.last_modified,
                         run_id))
            row = cur.execute("SELECT content_sha256, pipeline_version FROM articles "
                              "WHERE article_id = ?", (record.article_id,)).fetchone()
            if row and (row[0], row[1]) == (record.content_sha256, record.pipeline_version):
                cur.execute("UPDATE articles SET last_run = ? WHERE article_id = ?",
                            (run_id, record.article_id))
                # The same text: fills in a store made before texts were kept.
                self._store_text(cur, result, replace=False)
                return IngestCounts(unchanged=1)

            superseded = 0
            if row:
                superseded = cur.execute(
                    "INSERT INTO row_history SELECT row_id, article_id, run_id, ?, row_json "
                    "FROM rows WHERE article_id = ?", (run_id, record.article_id)).rowcount
                cur.execute("DELETE FROM rows WHERE article_id = ?", (record.article_id,))
                cur.execute("UPDATE articles SET source = ?, status = 'ok', content_sha256 = ?, "
                            "pipeline_version = ?, record_json = ?, last_run = ?, changed_run = ? "
                            "WHERE article_id = ?",
                            (record.source, record.content_sha256, record.pipeline_version,
                             record.model_dump_json(), run_id, run_id, record.article_id))
            else:
                cur.execute("INSERT INTO articles VALUES (?, ?, 'ok', ?, ?, ?, ?, ?, ?)",
                            (record.article_id, record.source, record.content_sha256,
                             record.pipeline_version, record.model_dump_json(), run_id, run_id,
                             run_id))
            cur.executemany(
                "INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?, ?)",
                [(r.row_id, r.article_id, run_id, _iso(r.extracted_at), r.model_dump_json())
                 for r in result.rows])
            self._store_text(cur, result, replace=True)
            if row:
                return IngestCounts(changed=1, rows_added=len(result.rows),
                                    rows_superseded=superseded)
            return IngestCounts(new=1, rows_added=len(result.rows))

    @staticmethod
    def _store_text(cur: sqlite3.Cursor, result: ArticleResult, *, replace: bool) -> None:
        if not result.text:
            return
        cur.execute(f"INSERT OR {'REPLACE' if replace else 'IGNORE'} INTO article_texts "
                    "VALUES (?, ?, ?)", (result.record.article_id, result.text,
                                         json.dumps([list(h) for h in result.highlights])))

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    # ----------------------------------------------------------------- reading

    def known_pages(self) -> dict[str, KnownPage]:
        """What the store holds for each source it has extracted: the article's record, the
        hash of its cleaned text, the pipeline version, and the page's HTTP validators."""
        query = ("SELECT p.source, a.record_json, a.content_sha256, a.pipeline_version, p.etag, "
                 "p.last_modified FROM pages p JOIN articles a ON a.article_id = p.article_id "
                 "WHERE a.status = 'ok'")
        return {source: KnownPage(ArticleRecord.model_validate_json(record), sha, version, etag,
                                  modified)
                for source, record, sha, version, etag, modified in self.conn.execute(query)}

    def rows(self, *, since: dt.datetime | None = None) -> list[EvidenceRow]:
        """Current evidence rows (extracted at or after ``since``), in article order."""
        return list(self.iter_rows(since=since))

    def iter_rows(self, *, since: dt.datetime | None = None) -> Iterator[EvidenceRow]:
        """``rows``, one article's rows in memory at a time."""
        for _, rows in self._rows_by_article(since=since):
            yield from rows

    def articles(self) -> list[ArticleRecord]:
        return [ArticleRecord.model_validate_json(r[0]) for r in self.conn.execute(
            "SELECT record_json FROM articles ORDER BY source, article_id")]

    def article_texts(self) -> dict[str, ArticleText]:
        """The cleaned text and highlights of each extracted article, by article id."""
        return self._texts("SELECT article_id, text, highlights_json FROM article_texts", ())

    def fingerprint(self) -> list[object]:
        """Changes whenever what an export writes would: articles added, changed or
        re-recorded, rows added or replaced."""
        return list(self.conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT max(changed_run) FROM articles), "
            "(SELECT total(length(record_json)) FROM articles), (SELECT count(*) FROM rows), "
            "(SELECT max(rowid) FROM rows), (SELECT count(*) FROM article_texts)").fetchone())

    def export_batches(self, size: int = 500) -> Iterator[
            tuple[list[ArticleRecord], list[EvidenceRow], dict[str, ArticleText]]]:
        """Every article with its current rows and text, ``size`` articles at a time, in the
        order of ``articles()`` and ``rows()``: what an export streams through OutputWriter."""
        cursor = self.conn.execute("SELECT article_id, record_json FROM articles "
                                   "ORDER BY source, article_id")
        while batch := cursor.fetchmany(size):
            ids = [article_id for article_id, _ in batch]
            marks = ",".join("?" * len(ids))
            by_article = dict(self._rows_by_article(where=f"r.article_id IN ({marks})",
                                                    params=ids))
            records = [ArticleRecord.model_validate_json(j) for _, j in batch]
            texts = self._texts("SELECT article_id, text, highlights_json FROM article_texts "
                                f"WHERE article_id IN ({marks})", ids)
            yield records, [row for i in ids for row in by_article.get(i, [])], texts

    def _rows_by_article(self, *, since: dt.datetime | None = None, where: str = "1=1",
                         params: Sequence[str] = ()) -> Iterator[tuple[str, list[EvidenceRow]]]:
        """Rows grouped by article, articles by source, rows by place in the text."""
        query = (f"SELECT r.article_id, r.row_json FROM rows r JOIN articles a "
                 f"ON a.article_id = r.article_id WHERE {where}")
        params = list(params)
        if since is not None:
            query += " AND r.extracted_at >= ?"
            params.append(_iso(since))
        cursor = self.conn.execute(query + " ORDER BY a.source, r.article_id", params)
        for article_id, group in itertools.groupby(cursor, key=lambda r: r[0]):
            rows = [EvidenceRow.model_validate_json(j) for _, j in group]
            yield article_id, sorted(rows, key=lambda r: (r.source, r.char_start, r.row_type,
                                                          r.row_id))

    def _texts(self, query: str, params: Sequence[str]) -> dict[str, ArticleText]:
        return {article_id: ArticleText(text, tuple((s, e, label)
                                                    for s, e, label in json.loads(spans)))
                for article_id, text, spans in self.conn.execute(query, params)}

    def rejects(self, *, run_id: str | None = None,
                since: dt.datetime | None = None) -> list[RejectRecord]:
        query = ("SELECT source, article_id, reason, run_id, rejected_at, pipeline_version "
                 "FROM rejects WHERE 1=1")
        params: list[str] = []
        if run_id is not None:
            query += " AND run_id = ?"
            params.append(run_id)
        if since is not None:
            query += " AND rejected_at >= ?"
            params.append(_iso(since))
        return [RejectRecord(source=s, article_id=a, reason=r, run_id=run, rejected_at=at,
                             pipeline_version=v)
                for s, a, r, run, at, v in self.conn.execute(query + " ORDER BY source", params)]

    def history(self, article_id: str) -> list[tuple[EvidenceRow, str, str]]:
        """Superseded rows of an article with the run that added and the run that replaced them."""
        return [(EvidenceRow.model_validate_json(j), added, superseded)
                for j, added, superseded in self.conn.execute(
                    "SELECT row_json, added_run, superseded_run FROM row_history "
                    "WHERE article_id = ? ORDER BY superseded_run", (article_id,))]

    def run_counts(self, run_id: str) -> IngestCounts | None:
        found = self.conn.execute("SELECT counts_json FROM runs WHERE run_id = ?",
                                  (run_id,)).fetchone()
        return IngestCounts(**json.loads(found[0])) if found and found[0] else None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Cursor:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn.cursor()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
