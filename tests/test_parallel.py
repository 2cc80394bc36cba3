"""Extraction spread over worker processes gives the same results, in the same order, as
one process."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.evidence import now_utc
from pipeline.process import MIN_PARALLEL, process_inputs
from pipeline.settings import CORPORA_DIR


def test_two_workers_give_the_single_process_results(tmp_path: Path, nlp) -> None:
    sources = sorted((CORPORA_DIR / "dev" / "tune").glob("*.txt"))
    items = []
    for n in range(MIN_PARALLEL):
        copy = tmp_path / f"{n:04d}-{sources[n % len(sources)].name}"
        shutil.copyfile(sources[n % len(sources)], copy)
        items.append(copy.as_posix())
    items.append((tmp_path / "missing.txt").as_posix())  # a reject among them
    extracted_at = now_utc()
    single = process_inputs(items, nlp=nlp, extracted_at=extracted_at, workers=1)
    seen = []
    parallel = process_inputs(items, extracted_at=extracted_at, workers=2,
                              progress=lambda done, total, item, result: seen.append(item))
    assert seen == items  # progress reported in input order
    assert [r.record for r in parallel] == [r.record for r in single]
    assert [r.rows for r in parallel] == [r.rows for r in single]
    assert sum(len(r.rows) for r in single) > MIN_PARALLEL
    assert parallel[-1].record.status == "rejected"
