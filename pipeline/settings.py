"""Where the project's data lives, and the version stamped on every row."""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: spaCy pipeline assets (config, lexicons, rules). Overridable for deployments.
MODELS_DIR = Path(os.environ.get("ONCO_EVIDENCE_MODELS", PROJECT_ROOT / "models"))

#: The bundled example articles and their gold annotations.
CORPORA_DIR = Path(os.environ.get("ONCO_EVIDENCE_CORPORA", PROJECT_ROOT / "corpora"))

#: Where runs keep their state (the SQLite store; Prefect's home under `make run`).
STATE_DIR = Path(os.environ.get("ONCO_EVIDENCE_STATE", ".state"))
STORE_PATH = STATE_DIR / "onco-evidence.sqlite"

try:
    PIPELINE_VERSION = version("onco-evidence")
except PackageNotFoundError:  # running from a source tree that was never installed
    PIPELINE_VERSION = "0+unknown"
