"""Prefect flows over the pipeline library (thin: operational policy only)."""

import os

# The library logs under "pipeline.*"; Prefect forwards those loggers to the run's logs.
# Set before Prefect configures logging, which happens when it is first imported.
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "pipeline")
# The library also runs outside flow runs (extract, tests) in a process that imported the
# flows; its log lines then simply stay local instead of warning that there is no run.
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
