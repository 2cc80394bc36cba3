"""The ingestion flow: discover inputs -> clean + extract in batches -> store -> export.

Run it with ``onco-evidence run`` (Prefect's local mode: a temporary API server with its
SQLite database under PREFECT_HOME) or schedule it against a Prefect server. Evidence is
kept in the SQLite store (pipeline.store); the outputs are exported from it, so a re-run
over unchanged pages changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from pipeline.evidence import ArticleResult, now_utc
from pipeline.export import write_outputs
from pipeline.process import discover_inputs, discover_sources, process_inputs, rejected
from pipeline.settings import CORPORA_DIR, STORE_PATH
from pipeline.store import IngestCounts, Store

#: Articles per task: per-task overhead is tens of milliseconds, an article a few.
BATCH_SIZE = 50


@task(name="discover inputs", cache_policy=NO_CACHE)
def discover(inputs: list[str], sources: str | None) -> tuple[list[str], list[tuple[str, str]]]:
    items = discover_inputs(inputs)
    if sources is None:
        return items, []
    named, failed = discover_sources(sources)
    return list(dict.fromkeys([*items, *named])), failed


@task(name="clean and extract", cache_policy=NO_CACHE)
def extract_batch(items: list[str], extracted_at: dt.datetime) -> list[ArticleResult]:
    # The spaCy pipeline is loaded once per worker process (pipeline.nlp.load_pipeline).
    return process_inputs(items, extracted_at=extracted_at)


@task(name="store results", cache_policy=NO_CACHE)
def store_results(results: list[ArticleResult], db: str, run_id: str) -> IngestCounts:
    with Store(db) as store:
        return store.ingest(run_id, results)


@task(name="export outputs", cache_policy=NO_CACHE)
def export(db: str, run_id: str, out_dir: str, jsonl: bool) -> dict[str, str]:
    with Store(db) as store:
        outputs = write_outputs(store.rows(), store.articles(), Path(out_dir),
                                rejects=store.rejects(run_id=run_id), jsonl=jsonl)
    return {name: str(path) for name, path in outputs.items()}


@flow(name="onco-evidence-ingest")
def ingest(inputs: list[str] | None = None, out_dir: str = "out", db: str | None = None,
           batch_size: int = BATCH_SIZE, jsonl: bool = False,
           sources: str | None = None) -> dict[str, object]:
    """Extract evidence from the inputs and the pages a sources file names (default: the
    bundled corpus) into the store and export the store's current evidence to ``out_dir``."""
    logger = get_run_logger()
    db = db or str(STORE_PATH)
    with Store(db) as store:
        run_id = store.start_run()
    default = [] if sources else [str(CORPORA_DIR)]
    items, failed_sources = discover(inputs or default, sources)
    extracted_at = now_utc()
    counts = IngestCounts()
    results: list[ArticleResult] = []
    if failed_sources:
        failures = [rejected(name, reason, extracted_at) for name, reason in failed_sources]
        counts += store_results(failures, db, run_id)
        results += failures
    for start in range(0, len(items), batch_size):
        batch = extract_batch(items[start: start + batch_size], extracted_at)
        counts += store_results(batch, db, run_id)
        results += batch
    with Store(db) as store:
        store.finish_run(run_id, counts)
    outputs = export(db, run_id, out_dir, jsonl)
    for result in results:
        if result.record.status == "rejected":
            logger.warning("rejected %s: %s", result.record.source, result.record.reject_reason)
    summary = {"run_id": run_id, "inputs": len(items), **asdict(counts)}
    logger.info("ingested %s", summary)
    return {**summary, "outputs": outputs}
