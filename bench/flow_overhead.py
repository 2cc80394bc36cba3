"""What the Prefect flow costs over a plain loop of the same library calls.

    .venv/bin/python bench/flow_overhead.py [--articles 1000]

Builds a corpus of N distinct plain-text articles from the bundled corpus (each cleaned
article written out once per copy, so every copy is its own source), then times:

- the plain loop: ``process_inputs`` in batches + ``Store.ingest`` + ``export_store``;
- the flow (``flows.ingest.ingest``, Prefect's local mode) on the same inputs, into its own
  store, after a warm-up run on one article has started Prefect's temporary server (its
  ~12 s start is paid once per process and is printed separately);
- the flow again on the unchanged corpus (target: at least 20x faster than the first run).

Prints both times, articles/second and the ratio (target: the flow within 1.3x). The NLP
pipeline is loaded before either is timed.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
if os.environ.get("PREFECT_HOME"):  # Prefect creates the folder but not its parents
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


def build_corpus(folder: Path, n: int) -> list[str]:
    from pipeline.process import discover_inputs, load_article
    from pipeline.settings import CORPORA_DIR

    texts = [load_article(p).text for p in discover_inputs([CORPORA_DIR])]
    paths = []
    for i in range(n):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(f"Copy {i}.\n\n{texts[i % len(texts)]}\n", encoding="utf-8")
        paths.append(path.as_posix())
    return paths


def plain_loop(items: list[str], db: Path, out: Path, batch_size: int) -> float:
    from pipeline.evidence import now_utc
    from pipeline.export import export_store
    from pipeline.process import process_inputs
    from pipeline.store import Store

    t0 = time.perf_counter()
    extracted_at = now_utc()
    with Store(db) as store:
        run_id = store.start_run()
        for start in range(0, len(items), batch_size):
            store.ingest(run_id, process_inputs(items[start: start + batch_size],
                                                extracted_at=extracted_at))
        export_store(store, out, run_id=run_id)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()

    from flows.ingest import BATCH_SIZE, ingest
    from pipeline.nlp import load_pipeline

    load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "corpus").mkdir()
        items = build_corpus(tmp_path / "corpus", args.articles)

        loop_s = plain_loop(items, tmp_path / "loop.sqlite", tmp_path / "loop-out", BATCH_SIZE)

        t0 = time.perf_counter()
        ingest(inputs=items[:1], db=str(tmp_path / "warm.sqlite"), out_dir=str(tmp_path / "warm"))
        warmup_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = ingest(inputs=[str(tmp_path / "corpus")], db=str(tmp_path / "flow.sqlite"),
                        out_dir=str(tmp_path / "flow-out"))
        flow_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = ingest(inputs=[str(tmp_path / "corpus")], db=str(tmp_path / "flow.sqlite"),
                       out_dir=str(tmp_path / "flow-out"))
        rerun_s = time.perf_counter() - t0

    n = args.articles
    print(f"articles: {n} (new in both: {result['new']}), batch size {BATCH_SIZE}")
    print(f"plain loop : {loop_s:7.1f} s  {n / loop_s:6.1f} articles/s")
    print(f"flow       : {flow_s:7.1f} s  {n / flow_s:6.1f} articles/s"
          f"   (+ {warmup_s:.1f} s once per process: Prefect's temporary server and a 1-article run)")
    print(f"ratio flow / loop: {flow_s / loop_s:.2f}  (target <= 1.3)")
    print(f"re-run, unchanged corpus: {rerun_s:7.1f} s ({again['unchanged']} unchanged, "
          f"{again['new']} new): {flow_s / rerun_s:.0f}x faster than the first run "
          f"(target >= 20x)")


if __name__ == "__main__":
    main()
