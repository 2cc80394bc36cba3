"""Reading rule and lexicon files from models/ with clear errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import ModelError
from .settings import MODELS_DIR


def model_path(relative: str) -> Path:
    """The path of a file under models/, which must exist."""
    path = MODELS_DIR / relative
    if not path.exists():
        raise ModelError(f"missing model file {path}")
    return path


def read_json(relative: str) -> Any:
    """Parse one JSON file under models/."""
    return read_json_file(model_path(relative))


def read_json_file(path: str | Path) -> Any:
    """Parse a JSON file with the standard library.

    Not srsly.read_json: its ujson reads 0.7 as 0.7000000000000001, which then shows in
    the confidence column.
    """
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ModelError(f"missing model file {path}") from e
    except json.JSONDecodeError as e:
        raise ModelError(f"{path}: invalid JSON ({e})") from e


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSON-lines file, naming the line of any error."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                raise ModelError(f"{path}:{number}: invalid JSON ({e})") from e


def check_keys(record: dict[str, Any], allowed: set[str], where: str) -> None:
    """Reject unknown keys, so a typo in a rule file fails loudly instead of being ignored."""
    unknown = set(record) - allowed
    if unknown:
        raise ModelError(f"{where}: unknown keys {sorted(unknown)}; allowed {sorted(allowed)}")
