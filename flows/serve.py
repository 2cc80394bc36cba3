"""``onco-evidence serve``: the deployment in flows/prefect.yaml, served on its schedule.

When no Prefect server is configured (PREFECT_API_URL unset), a local one is started
first (``prefect server start``, its SQLite database under PREFECT_HOME) and stopped again
when serving stops. SIGTERM and Ctrl-C stop both cleanly.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import yaml

from pipeline.errors import InputError
from pipeline.settings import PROJECT_ROOT

log = logging.getLogger(__name__)

PREFECT_YAML = PROJECT_ROOT / "flows" / "prefect.yaml"
#: A cold `prefect server start` is healthy after ~10 s; on a loaded CI machine, more.
SERVER_STARTUP_S = 120.0


@dataclass(frozen=True)
class DeploymentSpec:
    """The parts of a prefect.yaml deployment that `serve` uses."""

    name: str
    cron: str
    timezone: str
    parameters: dict[str, Any] = field(default_factory=dict)
    description: str | None = None


def load_deployment(path: str | Path = PREFECT_YAML) -> DeploymentSpec:
    """The first deployment of a prefect.yaml, with its first cron schedule."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        deployment = data["deployments"][0]
        schedule = next(s for s in deployment.get("schedules", []) if "cron" in s)
    except (OSError, yaml.YAMLError, KeyError, IndexError, TypeError, StopIteration) as e:
        raise InputError(f"{path}: expected a deployment with a cron schedule ({e})") from e
    return DeploymentSpec(name=deployment["name"], cron=schedule["cron"],
                          timezone=schedule.get("timezone", "UTC"),
                          parameters=dict(deployment.get("parameters") or {}),
                          description=deployment.get("description"))


def start_server(port: int, *, host: str = "127.0.0.1") -> tuple[subprocess.Popen, str]:
    """Start `prefect server start` and wait until it answers; returns it and its API URL."""
    api_url = f"http://{host}:{port}/api"
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("DO_NOT_TRACK", "1")
    home = Path(env.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()
    home.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)],
        env=env, stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + SERVER_STARTUP_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"prefect server exited with code {server.returncode}")
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return server, api_url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    stop_server(server)
    raise RuntimeError(f"prefect server not healthy on {api_url} after {SERVER_STARTUP_S:.0f} s")


def stop_server(server: subprocess.Popen) -> None:
    """SIGTERM the server's process group (uvicorn and its children), then wait."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def serve(prefect_yaml: str | Path = PREFECT_YAML, *, port: int = 4200,
          dask_address: str | None = None) -> None:
    """Serve the deployment on its cron schedule until SIGTERM or Ctrl-C."""
    spec = load_deployment(prefect_yaml)
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server, os.environ["PREFECT_API_URL"] = start_server(port)
        log.info("started a local Prefect server: %s", os.environ["PREFECT_API_URL"])

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt  # unwinds flow.serve; the finally below stops the server

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        from prefect.schedules import Cron

        from flows.ingest import ingest
        from flows.runners import task_runner

        runner = task_runner(dask_address)
        flow = ingest.with_options(task_runner=runner) if runner else ingest
        flow.serve(name=spec.name, schedule=Cron(spec.cron, timezone=spec.timezone),
                   parameters=spec.parameters, description=spec.description)
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server is not None:
            stop_server(server)
