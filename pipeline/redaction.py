"""Credentials never reach a message or a log line.

A curator may give URLs with a user and password (``https://user:token@host/feed``); the
reject reasons, the library's logs, the run's logs and the output files show them as
``https://***@host/…``.
"""

from __future__ import annotations

import logging
import re
from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@")


def redact(text: str) -> str:
    """``text`` with the user and password of every URL in it replaced by ``***``."""
    return _USERINFO.sub(r"\1***@", text)


def public(record: M) -> M:
    """A row, article or reject record whose ``source`` and ``url`` carry no credentials:
    what the output files, the report and the artifacts show. The store keeps the source as
    given, so the next run can fetch it."""
    changes = {name: redact(value) for name in ("source", "url")
               if isinstance(value := getattr(record, name, None), str) and "@" in value}
    return record.model_copy(update=changes) if changes else record


class RedactingFilter(logging.Filter):
    """A logger filter that redacts credentials from each record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def redacting_logger(name: str) -> logging.Logger:
    """``logging.getLogger(name)`` with credentials redacted from what it logs."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
    return logger
