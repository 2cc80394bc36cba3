"""Shared fixtures: the pipeline (loaded once), the seed inputs, a real local HTTP server,
and an isolated Prefect home for flow tests."""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.nlp import load_pipeline
from pipeline.schema import GoldFile
from pipeline.settings import CORPORA_DIR

# The test servers listen on 127.0.0.1, which the fetcher refuses by default; the tests
# allow it explicitly (subprocesses inherit it).
os.environ.setdefault("ONCO_EVIDENCE_ALLOW_PRIVATE", "1")
# Library code runs outside flow runs here too, in a process where Prefect already set up
# its logging: those lines stay local without a warning.
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
# `make test` points PREFECT_HOME into .state/, which a fresh clone does not have yet.
if os.environ.get("PREFECT_HOME"):
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)

SEED_DIR = CORPORA_DIR / "seed"
SEED_TXT = SEED_DIR / "gist-imatinib-surgery.txt"
SEED_HTML = SEED_DIR / "gist-imatinib-surgery.html"

# Text that only the inline "Recommended Articles" block and other site chrome contain.
CHROME_SNIPPETS = ("Kisqali", "Jemperli", "GARNET", "Recommended Articles",
                   "Image placeholder", "Scroll to Continue", "Skip to main content",
                   "Share this article", "Sign up for our newsletter", "Most Popular",
                   "Privacy Policy", "cookies", "Tagrisso", "Opdivo")


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def load_gold(path: Path) -> GoldFile:
    return GoldFile.model_validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving corpora/; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(CORPORA_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def prefect_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a subprocess that runs a Prefect flow in an isolated PREFECT_HOME."""
    env = dict(os.environ)
    env.update({
        "PREFECT_HOME": str(tmp_path / "state" / "prefect"),  # parent missing, as in a fresh clone
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    })
    env.pop("PREFECT_API_URL", None)
    return env
