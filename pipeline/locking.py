"""One run at a time per store: an advisory lock on a file beside the SQLite database.

SQLite keeps each transaction safe on its own, but two runs interleaving their articles
would each export a store the other is half-way through changing. The lock is the
operating system's (``flock``): it goes away with the process that holds it, so a run
killed hard never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import StoreBusyError


@contextmanager
def exclusive_run(db: str | Path) -> Iterator[None]:
    """Hold the store's run lock for the block, or raise StoreBusyError at once."""
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db.with_name(db.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise StoreBusyError(f"another run (pid {holder}) is writing {db}; runs on one store "
                                 "go one at a time: try again when it has finished") from e
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
