"""Bytes of a page to text: which charset to trust, in the order browsers trust them.

A byte-order mark wins, then the charset the server declared, then the page's own
``<meta charset>``, then statistical detection (charset-normalizer), then UTF-8 with
replacement characters. A declaration the bytes do not fit (a header saying UTF-8 over a
Windows-1252 page, a common server misconfiguration) is skipped rather than obeyed, so the
text never turns into mojibake because a header lied.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The HTML spec has the prescan look at the first 1024 bytes; pages with long <head>
# scripts put the declaration later, so look a little further.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# WHATWG: a page labelled latin-1 is decoded as windows-1252 (a superset for 0x80-0x9F).
_ALIASES = {"latin-1": "cp1252", "latin1": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "x-user-defined": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its own markup (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    return match.group(1).decode("ascii", "ignore").lower() if match else None


def decode_html(data: bytes, *, header_charset: str | None = None) -> tuple[str, str]:
    """Decode a page's bytes; returns the text and the charset that was used."""
    for bom, charset in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(charset, "replace"), charset
    for candidate in (header_charset, declared_charset(data)):
        if _is_single_byte_latin(candidate) and not data.isascii():
            # Servers label pages latin-1 by default; bytes that are valid UTF-8 beyond
            # ASCII are UTF-8 (the converse happening by chance is vanishingly rare).
            text = _try_decode(data, "utf-8")
            if text is not None:
                return text, "utf-8"
        text = _try_decode(data, candidate)
        if text is not None:
            return text, _codec_name(candidate)
    best = from_bytes(data[:200_000]).best() if data else None
    if best is not None:
        text = _try_decode(data, best.encoding)
        if text is not None:
            return text, _codec_name(best.encoding)
    return data.decode("utf-8", "replace"), "utf-8"


def _try_decode(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    name = _ALIASES.get(charset.strip().lower(), charset.strip().lower())
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def _is_single_byte_latin(charset: str | None) -> bool:
    return bool(charset) and _ALIASES.get(charset.strip().lower(), charset.strip().lower()) in {
        "cp1252", "windows-1252"}


def _codec_name(charset: str) -> str:
    name = _ALIASES.get(charset.strip().lower(), charset.strip().lower())
    return codecs.lookup(name).name
