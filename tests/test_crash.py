"""A run killed hard in the middle (SIGKILL, no cleanup) and then re-run ends with exactly
the outputs of an uninterrupted run: no duplicates, nothing missing, the store intact."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from pipeline import load_evidence
from pipeline.settings import CORPORA_DIR

from .test_cli import EXE, run_cli


def stored_rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM rows").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def temporaries(out: Path) -> list[Path]:
    return list(out.glob(".*.tmp")) if out.exists() else []


@pytest.mark.parametrize("phase", ["extraction", "export"])
def test_a_run_killed_hard_then_rerun_loses_and_duplicates_nothing(
        tmp_path: Path, prefect_env: dict, phase: str) -> None:
    db, out = tmp_path / "store.sqlite", tmp_path / "out"
    args = [EXE, "run", str(CORPORA_DIR), "--out", str(out), "--db", str(db), "--quiet"]
    process = subprocess.Popen(args, env=prefect_env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    # extraction: as soon as the first batch is stored; export: while an output is being
    # written to its temporary file.
    caught = (lambda: stored_rows(db) > 0) if phase == "extraction" else (
        lambda: bool(temporaries(out)))
    deadline = time.monotonic() + 300
    while not caught() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    os.killpg(process.pid, signal.SIGKILL)  # the flow and Prefect's temporary server with it
    process.wait()
    assert process.returncode == -signal.SIGKILL, f"the run ended before the {phase} was caught"
    partial = stored_rows(db)
    assert partial > 0
    if phase == "extraction":
        assert not (out / "evidence.csv").exists()  # killed before the export
    elif (out / "evidence.csv").exists():  # written whole before the kill, never in part
        load_evidence(out / "evidence.csv")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    rerun = run_cli("run", str(CORPORA_DIR), "--out", str(out), "--db", str(db), env=prefect_env,
                    cwd=tmp_path, timeout=600)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert temporaries(out) == []  # what the killed writer left behind is gone
    direct = run_cli("extract", str(CORPORA_DIR), "--out", str(tmp_path / "direct"), "--quiet")
    assert direct.returncode == 0, direct.stderr

    resumed = load_evidence(out / "evidence.csv")  # validates: unique row ids, the contract
    expected = load_evidence(tmp_path / "direct" / "evidence.csv")
    assert len(resumed) == len(expected) >= partial
    key = ["row_id"]
    assert resumed.drop(columns="extracted_at").sort_values(key).reset_index(drop=True).equals(
        expected.drop(columns="extracted_at").sort_values(key).reset_index(drop=True))
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM rows").fetchone()[0] == len(expected)


def test_a_second_run_on_a_busy_store_is_refused_clearly(tmp_path: Path, prefect_env: dict) -> None:
    from pipeline.locking import exclusive_run

    db = tmp_path / "store.sqlite"
    with exclusive_run(db):  # as a run in progress holds it
        busy = run_cli("run", str(CORPORA_DIR / "seed"), "--out", str(tmp_path / "out"), "--db",
                       str(db), env=prefect_env, cwd=tmp_path, timeout=600)
    assert busy.returncode == 3, busy.stdout + busy.stderr
    assert f"another run (pid {os.getpid()}) is writing {db}" in busy.stderr
    assert not (tmp_path / "out").exists()
    after = run_cli("run", str(CORPORA_DIR / "seed"), "--out", str(tmp_path / "out"), "--db",
                    str(db), env=prefect_env, cwd=tmp_path, timeout=600)
    assert after.returncode == 0, after.stdout + after.stderr  # the lock went with its holder


def test_a_run_killed_after_fetching_then_rerun_loses_and_duplicates_nothing(
        tmp_path: Path, prefect_env: dict) -> None:
    """Pages from a live server: killed once some pages were fetched and none stored."""
    from .http_fixtures import Reply, serve

    pages = sorted((CORPORA_DIR / "dev" / "tune").glob("*.html")) + [
        CORPORA_DIR / "seed" / "gist-imatinib-surgery.html"]
    with serve() as server:
        urls = []
        for page in pages:
            server.route(f"/{page.name}", Reply(body=page.read_bytes()))
            urls.append(server.url(f"/{page.name}"))
        db, out = tmp_path / "store.sqlite", tmp_path / "out"
        process = subprocess.Popen([EXE, "run", *urls, "--out", str(out), "--db", str(db), "--quiet"],
                                   env=prefect_env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        fetched = lambda: sum(len(server.hits(f"/{p.name}")) for p in pages)  # noqa: E731
        deadline = time.monotonic() + 300
        while fetched() < 2 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGKILL)  # pages are one second apart: mid-fetch
        process.wait()
        assert process.returncode == -signal.SIGKILL and 2 <= fetched() < len(pages)
        assert stored_rows(db) == 0

        rerun = run_cli("run", *urls, "--out", str(out), "--db", str(db), env=prefect_env,
                        cwd=tmp_path, timeout=600)
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        direct = run_cli("extract", *urls, "--out", str(tmp_path / "direct"), "--quiet")
        assert direct.returncode == 0, direct.stderr

    resumed = load_evidence(out / "evidence.csv")
    expected = load_evidence(tmp_path / "direct" / "evidence.csv")
    assert len(resumed) == len(expected) > 0
    key = ["row_id"]
    assert resumed.drop(columns="extracted_at").sort_values(key).reset_index(drop=True).equals(
        expected.drop(columns="extracted_at").sort_values(key).reset_index(drop=True))
