"""The bench scripts keep working: a small smoke run of each (no timing assertions)."""

from __future__ import annotations

import subprocess
import sys

from pipeline.settings import PROJECT_ROOT


def run_bench(*args: str, env: dict | None = None) -> str:
    result = subprocess.run([sys.executable, *args], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=900, stdin=subprocess.DEVNULL, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_scale_bench_smoke() -> None:
    out = run_bench("bench/scale.py", "--articles", "20")
    for line in ("generated 20 pages", "cleaning, ours", "cleaning, trafilatura", "NLP, one core",
                 "where one process spends its time", "extract, 2 worker(s)", "peak RSS"):
        assert line in out


def test_throughput_bench_smoke() -> None:
    out = run_bench("bench/throughput.py", "--copies", "1")
    assert "tokens/s" in out


def test_cleaning_bench_smoke() -> None:
    out = run_bench("bench/cleaning.py", "--repeat", "1")
    assert "onco-evidence   zyte" in out and "trafilatura     dev" in out


def test_flow_overhead_bench_smoke(prefect_env: dict) -> None:
    out = run_bench("bench/flow_overhead.py", "--articles", "20", env=prefect_env)
    assert "ratio flow / loop" in out
