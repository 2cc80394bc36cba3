"""`onco-evidence serve` against a real `prefect server start` (isolated PREFECT_HOME): the
deployment from prefect.yaml registers with its cron schedule, a triggered run completes
and publishes its artifacts, the flow on a local Dask cluster (two worker processes) gives
the same rows as the default runner, and SIGTERM stops the serve process and the server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import httpx
import pytest
import yaml
from distributed import Client

from pipeline import load_evidence
from pipeline.settings import CORPORA_DIR, PROJECT_ROOT

from .test_cli import EXE, run_cli

STARTUP_S = 240


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, timeout: float, what: str):  # noqa: ANN001, ANN201
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = check()
        except httpx.HTTPError:
            found = None
        if found:
            return found
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """`onco-evidence serve` with a prefect.yaml whose run reads the seed pages."""
    tmp = tmp_path_factory.mktemp("serve")
    spec = yaml.safe_load((PROJECT_ROOT / "flows" / "prefect.yaml").read_text(encoding="utf-8"))
    deployment = spec["deployments"][0]
    deployment["parameters"] = {"inputs": [str(CORPORA_DIR / "seed")], "out_dir": str(tmp / "out"),
                                "db": str(tmp / "store.sqlite")}
    prefect_file = tmp / "prefect.yaml"
    prefect_file.write_text(yaml.safe_dump(spec), encoding="utf-8")
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp / "prefect"), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
    env.pop("PREFECT_API_URL", None)
    log = (tmp / "serve.log").open("w")
    process = subprocess.Popen([EXE, "serve", "--prefect-file", str(prefect_file), "--port", str(port)],
                               env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}/api"
    try:
        yield {"process": process, "api": api, "env": env, "tmp": tmp, "schedule": deployment["schedules"][0],
               "log": tmp / "serve.log"}
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()


def deployments(api: str) -> list[dict]:
    return httpx.post(f"{api}/deployments/filter", json={}, timeout=10).json()


def test_deployment_registers_with_its_schedule_and_a_triggered_run_publishes_artifacts(
        served: dict) -> None:
    api = served["api"]
    found = wait_for(lambda: deployments(api), STARTUP_S, "the served deployment")
    assert [d["name"] for d in found] == ["daily-ingest"]
    schedules = [s["schedule"] for s in found[0]["schedules"]]
    assert schedules == [{"cron": served["schedule"]["cron"], "timezone": served["schedule"]["timezone"],
                          "day_or": True}]

    run = httpx.post(f"{api}/deployments/{found[0]['id']}/create_flow_run", json={}, timeout=10).json()
    state = wait_for(
        lambda: (s := httpx.get(f"{api}/flow_runs/{run['id']}", timeout=10).json()["state"]["type"])
        in {"COMPLETED", "FAILED", "CRASHED"} and s, 300, "the triggered run")
    assert state == "COMPLETED", served["log"].read_text()
    artifacts = httpx.post(f"{api}/artifacts/filter", timeout=10,
                           json={"artifacts": {"flow_run_id": {"any_": [run["id"]]}}}).json()
    assert {a["key"] for a in artifacts} == {"onco-evidence-run-summary", "onco-evidence-new-rows"}
    summary = next(a["data"] for a in artifacts if a["key"] == "onco-evidence-run-summary")
    assert "| 2 | 2 | 0 | 0 | 2 | 0 | 0 | 14 | 0 |" in summary  # both seed inputs, 7 rows each
    rows = load_evidence(served["tmp"] / "out" / "evidence.csv")
    assert "19 continued imatinib, 1 recurrence" in set(rows.summary)


def test_dask_runner_gives_the_same_rows_as_the_default(served: dict, tmp_path: Path) -> None:
    api = served["api"]
    wait_for(lambda: deployments(api), STARTUP_S, "the Prefect server")
    env = {**served["env"], "PREFECT_API_URL": api}
    dask = str(Path(sys.executable).parent / "dask")
    scheduler_port = free_port()
    address = f"tcp://127.0.0.1:{scheduler_port}"
    cluster = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(scheduler_port),
                                 "--no-dashboard"], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)]
    try:
        cluster.append(subprocess.Popen(
            [dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
            env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True))
        runs = {}
        for name, extra in (("default", []), ("dask", ["--dask", address])):
            result = run_cli("run", str(CORPORA_DIR), "--out", str(tmp_path / name), "--db",
                             str(tmp_path / f"{name}.sqlite"), *extra, env=env, cwd=tmp_path,
                             timeout=900)
            assert result.returncode == 0, result.stdout + result.stderr
            runs[name] = load_evidence(tmp_path / name / "evidence.csv").drop(
                columns="extracted_at").sort_values("row_id").reset_index(drop=True)
        # The batches ran in the Dask worker processes: each loaded the spaCy pipeline there.
        with Client(address, timeout=30) as client:
            loaded = client.run(_pipeline_loaded)
        assert len(loaded) == 2 and all(loaded.values()), loaded
        assert len(runs["default"]) > 1000  # the whole bundled corpus: two batches of 50
        assert runs["dask"].equals(runs["default"])
    finally:
        for process in reversed(cluster):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def _pipeline_loaded() -> bool:
    module = sys.modules.get("pipeline.nlp")
    return module is not None and module.load_pipeline.cache_info().currsize > 0


cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests/


def test_sigterm_stops_serve_and_its_server(served: dict) -> None:
    api, process = served["api"], served["process"]
    wait_for(lambda: deployments(api), STARTUP_S, "the served deployment")
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=90) == 0, served["log"].read_text()
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{api}/health", timeout=3)
