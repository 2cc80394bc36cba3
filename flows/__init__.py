"""Prefect flows over the pipeline library (thin: operational policy only)."""

import os

# The library logs under "pipeline.*"; Prefect forwards those loggers to the run's logs.
# Set before Prefect configures logging, which happens when it is first imported.
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "pipeline")
