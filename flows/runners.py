"""Where the extraction tasks run: one local worker thread (default), or a Dask cluster.

Set ``ONCO_EVIDENCE_DASK_ADDRESS=tcp://scheduler:8786`` (or ``onco-evidence run --dask
ADDRESS``) to run the "fetch, clean and extract" batches on prefect-dask's DaskTaskRunner
against that scheduler: each Dask worker process loads the spaCy pipeline once and takes
batches as they come. Use it with a real Prefect server (PREFECT_API_URL): in Prefect's
local mode each worker process would start its own temporary server.
"""

from __future__ import annotations

import os

from prefect.task_runners import TaskRunner

DASK_ADDRESS_ENV = "ONCO_EVIDENCE_DASK_ADDRESS"


def task_runner(dask_address: str | None = None) -> TaskRunner | None:
    """The configured task runner, or None for the flow's default (one local thread)."""
    address = dask_address or os.environ.get(DASK_ADDRESS_ENV)
    if not address:
        return None
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(address=address)
