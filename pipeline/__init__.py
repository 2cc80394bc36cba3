"""onco-evidence: oncology articles in, structured evidence rows out.

The public API (see ../shared/DESIGN.md):

- ``clean_html(html, *, url=None)`` / ``clean_text(text, *, source=None)`` -> CleanArticle
- ``extract(article)`` -> list[EvidenceRow]
- ``extract_paths(paths, out_dir)`` -> RunSummary (what ``onco-evidence extract`` calls)
- ``load_evidence(path)`` -> pandas.DataFrame, typed and validated
"""

from .clean import CleanArticle, clean_html, clean_text
from .errors import OncoEvidenceError
from .evidence import extract
from .export import load_evidence
from .process import RunSummary, extract_paths
from .schema import ArticleRecord, Citation, EvidenceRow
from .settings import PIPELINE_VERSION as __version__

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
