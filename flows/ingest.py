"""The ingestion flow: discover -> fetch + clean + extract in batches -> store -> export.

Run it with ``onco-evidence run`` (Prefect's local mode: a temporary API server with its
SQLite database under PREFECT_HOME), serve it on its schedule with ``onco-evidence serve``
(flows/prefect.yaml), or deploy it to a work pool. Evidence is kept in the SQLite store
(pipeline.store); the outputs are exported from it.

Incremental: the store remembers each page's HTTP validators (for a file, the hash of its
bytes) and the hash of its cleaned text, so a re-run fetches with conditional requests
(unchanged pages cost a 304), passes unchanged files by without cleaning them, skips pages
whose text did not change, extracts only new or changed articles, and leaves the outputs
as they are when the store did not change.

Operational policy only lives here: batching, task names, artifacts, the task runner. The
fetcher retries transient errors itself (5xx, 429, timeouts; pipeline.fetch); anything that
still fails becomes a recorded reject, so the tasks have no retries of their own.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from pipeline.evidence import ArticleResult, now_utc
from pipeline.export import export_store
from pipeline.locking import exclusive_run
from pipeline.process import (
    discover_inputs,
    discover_sources,
    not_modified,
    process_inputs,
    rejected,
    unchanged_files,
)
from pipeline.redaction import public, redact
from pipeline.schema import ArticleRecord, EvidenceRow
from pipeline.settings import CORPORA_DIR, STORE_PATH
from pipeline.store import IngestCounts, KnownPage, Store


def _forward_library_logs() -> None:
    """Send the library's logs ("pipeline.*": fetch retries, refusals, rejects) to the run's
    logs in Prefect, as PREFECT_LOGGING_EXTRA_LOGGERS would had it been set before Prefect
    configured logging in this process."""
    library = logging.getLogger("pipeline")
    handlers = logging.getLogger("prefect.extra").handlers
    for handler in handlers:
        if handler not in library.handlers:
            library.addHandler(handler)
    if handlers:
        library.propagate = False  # the root's console handler would print each line twice
    if library.level == logging.NOTSET:
        library.setLevel(logging.INFO)


_forward_library_logs()

#: Articles per task: per-task overhead is tens of milliseconds, an article a few.
BATCH_SIZE = 50
#: New rows shown in the run's table artifact (the CSV has them all).
ARTIFACT_ROWS = 500
_ARTIFACT_COLUMNS = ("source", "arm", "drug", "drug_status", "outcome", "cohort_size",
                     "event_count", "summary", "confidence")


@task(name="discover inputs", cache_policy=NO_CACHE)
def discover(inputs: list[str], sources: str | None) -> tuple[list[str], list[tuple[str, str]]]:
    items = discover_inputs(inputs)
    if sources is None:
        return items, []
    named, failed = discover_sources(sources)
    return list(dict.fromkeys([*items, *named])), failed


@task(name="pass unchanged files by", cache_policy=NO_CACHE)
def pass_unchanged(items: list[str], known: dict[str, KnownPage]) -> list[str]:
    # One task for a re-run's unchanged files rather than a batch task for every 50 of them.
    return unchanged_files(items, known)


@task(name="fetch, clean and extract", cache_policy=NO_CACHE)
def extract_batch(items: list[str], extracted_at: dt.datetime,
                  known: dict[str, KnownPage]) -> list[ArticleResult]:
    # The spaCy pipeline is loaded once per worker process (pipeline.nlp.load_pipeline).
    return process_inputs(items, extracted_at=extracted_at, known=known)


@task(name="store results", cache_policy=NO_CACHE)
def store_results(results: list[ArticleResult], db: str, run_id: str) -> IngestCounts:
    with Store(db) as store:
        return store.ingest(run_id, results)


@task(name="export outputs", cache_policy=NO_CACHE)
def export(db: str, run_id: str, out_dir: str, jsonl: bool) -> dict[str, str]:
    with Store(db) as store:
        outputs = export_store(store, out_dir, run_id=run_id, jsonl=jsonl)
    return {name: str(path) for name, path in outputs.items()}


# One worker thread by default: the spaCy pipeline is shared within a process and is not
# meant for concurrent calls. Scale out with DaskTaskRunner processes (flows/runners.py).
@flow(name="onco-evidence-ingest", task_runner=ThreadPoolTaskRunner(max_workers=1))
def ingest(inputs: list[str] | None = None, out_dir: str = "out", db: str | None = None,
           batch_size: int = BATCH_SIZE, jsonl: bool = False,
           sources: str | None = None) -> dict[str, object]:
    """Extract evidence from the inputs and the pages a sources file names (default: the
    bundled corpus) into the store and export the store's current evidence to ``out_dir``."""
    logger = get_run_logger()
    db = db or str(STORE_PATH)
    with exclusive_run(db):  # a second run on the same store is refused, not interleaved
        return _ingest(logger, inputs, out_dir, db, batch_size, jsonl, sources)


def _ingest(logger: logging.Logger | logging.LoggerAdapter, inputs: list[str] | None, out_dir: str,
            db: str, batch_size: int, jsonl: bool, sources: str | None) -> dict[str, object]:
    with Store(db) as store:
        run_id = store.start_run()
        known = store.known_pages()
    default = [] if sources else [str(CORPORA_DIR)]
    items, failed_sources = discover(inputs or default, sources)
    extracted_at = now_utc()
    counts = IngestCounts()
    # Only what the artifacts show is kept, not every result: memory stays flat however
    # many articles a run takes.
    rejects: list[ArticleRecord] = []
    new_rows: list[EvidenceRow] = []
    if failed_sources:
        failures = [rejected(name, reason, extracted_at) for name, reason in failed_sources]
        counts += store_results(quote(failures), db, run_id)
        rejects += [r.record for r in failures]
    same = set(pass_unchanged(items, quote({i: known[i] for i in items if i in known})))
    if same:
        counts += store_results(quote([not_modified(i, known[i]) for i in items if i in same]),
                                db, run_id)
    todo = [i for i in items if i not in same]
    batches = [todo[start: start + batch_size] for start in range(0, len(todo), batch_size)]
    futures = [extract_batch.submit(batch, extracted_at, {i: known[i] for i in batch if i in known})
               for batch in batches]
    done = 0
    for n, future in enumerate(futures):  # stored in order by one writer, an article a transaction
        batch_results = future.result()
        futures[n] = None  # let the batch's results go once stored
        # quote(): Prefect would otherwise walk every row of the batch looking for futures
        # (a third of the flow's overhead). Only for calls in this process: task runners
        # such as Dask's hand a quoted argument over still quoted.
        counts += store_results(quote(batch_results), db, run_id)
        rejects += [r.record for r in batch_results if r.record.status == "rejected"]
        for result in batch_results:
            if not result.unchanged and len(new_rows) < ARTIFACT_ROWS:
                new_rows += result.rows[:ARTIFACT_ROWS - len(new_rows)]
        done += len(batch_results)
        logger.info("stored %d of %d inputs to extract", done, len(todo))
    with Store(db) as store:
        store.finish_run(run_id, counts)
    outputs = export(db, run_id, out_dir, jsonl)
    for record in rejects:
        logger.warning("rejected %s: %s", redact(record.source), record.reject_reason)
    summary = {"run_id": run_id, "discovered": len(items),
               "fetched": len(items) - counts.not_modified, **asdict(counts)}
    logger.info("ingested %s", summary)
    _publish_artifacts(summary, new_rows, rejects, outputs)
    return {**summary, "outputs": outputs}


def _publish_artifacts(summary: dict[str, object], new_rows: list[EvidenceRow],
                       rejects: list[ArticleRecord], outputs: dict[str, str]) -> None:
    """A markdown summary of the run and a table of the rows it added, in Prefect's UI."""
    added = int(summary["rows_added"])  # type: ignore[call-overload]
    create_table_artifact(
        key="onco-evidence-new-rows",
        table=[{c: getattr(row, c) for c in _ARTIFACT_COLUMNS} for row in map(public, new_rows)],
        description=f"Evidence rows added by run {summary['run_id']}"
                    + (f" (first {len(new_rows)} of {added})" if added > len(new_rows)
                       else f" ({added})"))
    lines = [f"# onco-evidence run {summary['run_id']}", "",
             "| discovered | fetched | not modified | unchanged | new | changed | rejected "
             "| rows added | rows superseded |", "|---|---|---|---|---|---|---|---|---|",
             "| {discovered} | {fetched} | {not_modified} | {unchanged} | {new} | {changed} "
             "| {rejected} | {rows_added} | {rows_superseded} |".format(**summary), ""]
    report = outputs.get("report.html")
    if report:
        lines += [f"Review the rows in their sentences: [report.html]"
                  f"({Path(report).resolve().as_uri()})", ""]
    lines += [f"Evidence CSV: `{Path(outputs['evidence.csv']).resolve()}`", ""]
    if rejects:
        lines += ["## Rejects", "", "| input | reason |", "|---|---|"]
        lines += [f"| {_cell(redact(r.source))} | {_cell(r.reject_reason or '')} |" for r in rejects]
    else:
        lines.append("No rejects.")
    create_markdown_artifact(key="onco-evidence-run-summary", markdown="\n".join(lines),
                             description=f"Counts and rejects of run {summary['run_id']}")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
