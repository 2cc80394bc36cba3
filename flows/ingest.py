"""The ingestion flow: discover inputs -> clean + extract in batches -> write outputs.

Run it with ``onco-evidence run`` (Prefect's local mode: a temporary API server with its
SQLite database under PREFECT_HOME) or schedule it against a Prefect server.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from pipeline.evidence import ArticleResult, now_utc
from pipeline.export import write_outputs
from pipeline.process import discover_inputs, process_inputs
from pipeline.settings import CORPORA_DIR

#: Articles per task: per-task overhead is tens of milliseconds, an article a few.
BATCH_SIZE = 50


@task(name="discover inputs", cache_policy=NO_CACHE)
def discover(inputs: list[str]) -> list[str]:
    return discover_inputs(inputs)


@task(name="clean and extract", cache_policy=NO_CACHE)
def extract_batch(items: list[str], extracted_at: dt.datetime) -> list[ArticleResult]:
    # The spaCy pipeline is loaded once per worker process (pipeline.nlp.load_pipeline).
    return process_inputs(items, extracted_at=extracted_at)


@task(name="write outputs", cache_policy=NO_CACHE)
def write(results: list[ArticleResult], out_dir: str) -> dict[str, str]:
    rows = [row for result in results for row in result.rows]
    outputs = write_outputs(rows, [r.record for r in results], Path(out_dir))
    return {name: str(path) for name, path in outputs.items()}


@flow(name="onco-evidence-ingest")
def ingest(inputs: list[str] | None = None, out_dir: str = "out",
           batch_size: int = BATCH_SIZE) -> dict[str, object]:
    """Extract evidence from the inputs (default: the bundled corpus) into ``out_dir``."""
    logger = get_run_logger()
    items = discover(inputs or [str(CORPORA_DIR)])
    extracted_at = now_utc()
    results: list[ArticleResult] = []
    for start in range(0, len(items), batch_size):
        results += extract_batch(items[start: start + batch_size], extracted_at)
    outputs = write(results, out_dir)
    counts = {
        "inputs": len(items),
        "articles": sum(r.record.status == "ok" for r in results),
        "rejected": sum(r.record.status == "rejected" for r in results),
        "rows": sum(len(r.rows) for r in results),
    }
    for result in results:
        if result.record.status == "rejected":
            logger.warning("rejected %s: %s", result.record.source, result.record.reject_reason)
    logger.info("ingested %s", counts)
    return {**counts, "outputs": outputs}
