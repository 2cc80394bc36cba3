"""Bytes of a page to text: which charset to trust, in the order browsers trust them.

Used for fetched pages (with the server's declared charset) and for local files alike.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import BinaryContentError

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# The HTML spec's prescan reads 1024 bytes; pages with long <head> scripts declare later.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# WHATWG Encoding: pages labelled latin-1 or ASCII are decoded as windows-1252.
_WINDOWS_1252_LABELS = frozenset({"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "us-ascii",
                                  "ascii", "cp819", "ibm819"})
_DETECT_BYTES = 200_000


def decode(content: bytes, *, declared: str | None = None,
           media_type: str = "text/html") -> tuple[str, str]:
    """Decode a body; returns the text and the charset used.

    Trusts, in order: a byte-order mark, the declared (Content-Type) charset, the page's
    ``<meta charset>``, charset-normalizer's detection, UTF-8 with replacement characters. A
    declaration the bytes are not valid in is skipped rather than obeyed: servers often label
    Windows-1252 pages UTF-8, and obeying turns every curly quote into mojibake.
    """
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return content.decode(codec, "replace"), codec
    labels = [declared]
    if media_type in _HTML_TYPES:
        labels.append(meta_charset(content))
    for label in labels:
        codec = _codec(label)
        if codec == "cp1252" and not content.isascii() and _strict(content, "utf-8") is not None:
            # A latin-1 label over bytes that are valid UTF-8 beyond ASCII: the label is the
            # server's default, the bytes are UTF-8 (the converse by chance is vanishingly rare).
            codec = "utf-8"
        if codec and (text := _strict(content, codec)) is not None:
            return text, codec
    if content.isascii():
        return content.decode("ascii"), "utf-8"  # undeclared ASCII: call it the superset we expect
    codec = _detect(content)
    if codec and (text := _strict(content, codec)) is not None:
        return text, codec
    return content.decode("utf-8", "replace"), "utf-8"


def meta_charset(content: bytes) -> str | None:
    """The charset an HTML page declares in its first few KB (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(content[:_PRESCAN_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    # WHATWG: a UTF-16 page could not have been prescanned as ASCII, so the label is wrong.
    return "utf-8" if label.startswith("utf-16") else label


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(content: bytes, codec: str) -> str | None:
    try:
        return content.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(content: bytes) -> str | None:
    matches = from_bytes(content[:_DETECT_BYTES])
    best = matches.best()
    if best is None:
        return None
    # Western single-byte text fits cp1250, cp1252 and cp1257 equally well, and the detector
    # then names cp1250; English-language news is cp1252 (the web's Western default).
    tied = {name for m in matches if m.chaos <= best.chaos for name in m.could_be_from_charset}
    if "cp1252" in tied | set(best.could_be_from_charset):
        return "cp1252"
    return _codec(best.encoding)


# Text has almost no control characters and, decoded right, no replacement characters.
_BINARY_SAMPLE = 20_000
_MAX_BINARY_SHARE = 0.05
_ODD = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")  # controls but tab, LF, FF, CR


def binary_share(text: str) -> float:
    """The share of control and replacement characters at the start of a decoded text."""
    sample = text[:_BINARY_SAMPLE]
    if not sample:
        return 0.0
    return len(_ODD.findall(sample)) / len(sample)


def check_text(text: str, source: str | None = None) -> None:
    """Raise BinaryContentError when ``text`` is decoded binary rather than a page."""
    share = binary_share(text)
    if share > _MAX_BINARY_SHARE:
        raise BinaryContentError(f"{source or 'input'} is not text: {share:.0%} of its first "
                                 f"characters are control or undecodable bytes")
