"""onco-evidence: oncology articles in, structured evidence rows out.

The public API (see ../shared/DESIGN.md):

- ``clean_html(html, *, url=None)`` / ``clean_text(text, *, source=None)`` -> CleanArticle
- ``extract(article)`` -> list[EvidenceRow]
- ``extract_paths(paths, out_dir)`` -> RunSummary (what ``onco-evidence extract`` calls)
- ``load_evidence(path)`` -> pandas.DataFrame, typed and validated
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .settings import PIPELINE_VERSION as __version__

if TYPE_CHECKING:
    from .clean import CleanArticle, clean_html, clean_text
    from .errors import OncoEvidenceError
    from .evidence import extract
    from .export import load_evidence
    from .process import RunSummary, extract_paths
    from .schema import ArticleRecord, Citation, EvidenceRow

#: Where each public name lives. They are imported on first use, so that a worker process
#: that only cleans and extracts never loads pandas and pyarrow (``load_evidence``).
_PUBLIC = {
    "CleanArticle": "clean", "clean_html": "clean", "clean_text": "clean",
    "OncoEvidenceError": "errors", "extract": "evidence", "load_evidence": "export",
    "RunSummary": "process", "extract_paths": "process",
    "ArticleRecord": "schema", "Citation": "schema", "EvidenceRow": "schema",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - PEP 562 lazy attributes
    if name in _PUBLIC:
        value = getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ArticleRecord",
    "Citation",
    "CleanArticle",
    "EvidenceRow",
    "OncoEvidenceError",
    "RunSummary",
    "__version__",
    "clean_html",
    "clean_text",
    "extract",
    "extract_paths",
    "load_evidence",
]
