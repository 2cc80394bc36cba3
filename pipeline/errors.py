"""Typed errors with coded messages (after spaCy's ``Errors.E...``).

The library raises these; the batch boundary (``extract_paths``, the Prefect flow) turns a
per-article error into a recorded reject whose reason is the message, so nothing is lost.
"""

from __future__ import annotations

from .redaction import redact


class OncoEvidenceError(Exception):
    """Base class of every error this package raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        message = redact(message)  # a URL's user and password never reach a reject reason
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


# --- fetching (pipeline/fetch.py) and discovery (pipeline/sources.py), issue #3 -------------
# TransientFetchError is the one a later run should retry; every other FetchError is
# permanent for that URL until the site changes.

class RobotsDisallowedError(FetchError):
    """A URL that the site's robots.txt does not let us fetch (or robots.txt is unreachable)."""

    code = "E006"


class BlockedAddressError(FetchError):
    """A URL whose host is (or resolves to) a loopback, private or otherwise non-public address."""

    code = "E007"


class TransientFetchError(FetchError):
    """A fetch that failed for now: 5xx or 429 after retries, timeouts, connection errors."""

    code = "E008"


class HTTPStatusError(FetchError):
    """A response whose status is final for us: 4xx, or one we cannot use (204, 3xx without Location)."""

    code = "E009"


class UnsupportedContentError(FetchError):
    """A body we do not read: a content type we do not accept, or an unknown or broken encoding."""

    code = "E010"


class TooLargeError(FetchError):
    """A body larger than the size cap once decompressed."""

    code = "E011"


class TooManyRedirectsError(FetchError):
    """A chain of redirects longer than the redirect limit."""

    code = "E012"


class RedirectLoopError(FetchError):
    """A redirect back to a URL already visited in the same chain."""

    code = "E013"


class UnsupportedURLError(FetchError):
    """A URL (given, or a redirect target) that is not http(s) or has no host."""

    code = "E014"


class SourcesError(OncoEvidenceError):
    """A sources file that cannot be read or does not validate."""

    code = "E015"


class DiscoveryError(OncoEvidenceError):
    """A source whose pages cannot be listed: a missing file or folder, a feed or sitemap we cannot parse."""

    code = "E016"


class StoreBusyError(OncoEvidenceError):
    """Another run is writing the same store; runs on one store go one at a time."""

    code = "E017"


class BinaryContentError(OncoEvidenceError):
    """An input that is not text at all (an image, a PDF, random bytes) whatever its name says."""

    code = "E018"
