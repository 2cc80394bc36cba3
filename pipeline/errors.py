"""Typed errors with coded messages (after spaCy's ``Errors.E...``).

The library raises these; the batch boundary (``extract_paths``, the Prefect flow) turns a
per-article error into a recorded reject whose reason is the message, so nothing is lost.
"""

from __future__ import annotations


class OncoEvidenceError(Exception):
    """Base class of every error this package raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.reason = message


class InputError(OncoEvidenceError):
    """An input path or URL that cannot be read (missing, unsupported type)."""

    code = "E001"


class FetchError(OncoEvidenceError):
    """An HTTP fetch that failed (status, size, content type, network)."""

    code = "E002"


class EmptyArticleError(OncoEvidenceError):
    """A page that holds no article text once the site chrome is removed."""

    code = "E003"


class ModelError(OncoEvidenceError):
    """A rule or lexicon file in models/ that is missing or malformed."""

    code = "E004"


class SchemaError(OncoEvidenceError):
    """An evidence table that does not match pipeline.schema."""

    code = "E005"
