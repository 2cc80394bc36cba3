"""A document's token attributes as plain lists, read once per document.

``doc[i].lower_`` makes a Token object each time (and ``token._.num_value`` an Underscore
object too): the cohort linker asked for about 2.5 million of them per 450 documents, a
third of its time. ``words_of(doc).lower[i]`` is a list lookup. The lists are read from
``doc.to_array`` and the string store; inside ``reading(doc)`` every caller shares one copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property

from spacy.attrs import (
    ENT_ID,
    ENT_IOB,
    ENT_TYPE,
    IDX,
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LIKE_NUM,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc

#: ENT_IOB as token.ent_iob_ gives it.
_IOB = ("", "I", "O", "B")


class Words:
    """Token attributes of a document, by token index (``lower[i]`` is ``doc[i].lower_``).

    Each list is read from the document's arrays the first time it is asked for.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def _ids(self, attr: int) -> list[int]:
        return self.doc.to_array(attr).tolist()

    def _strings(self, attr: int) -> list[str]:
        return strings_of(self.doc, self._ids(attr))

    def _flags(self, attr: int) -> list[bool]:
        return (self.doc.to_array(attr) == 1).tolist()

    @cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH)

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def ent_id(self) -> list[str]:
        return self._strings(ENT_ID)

    @cached_property
    def ent_iob(self) -> list[str]:
        return [_IOB[k] for k in self._ids(ENT_IOB)]

    @cached_property
    def num(self) -> list[float | None]:
        """token._.num_value."""
        # spaCy's Underscore keeps a token's value in doc.user_data under the key
        # ("._.", name, token.idx, None): read it there, without Token or Underscore objects.
        values = {key[2]: value for key, value in self.doc.user_data.items()
                  if isinstance(key, tuple) and len(key) == 4 and key[0] == "._."
                  and key[1] == "num_value" and key[3] is None}
        return list(map(values.get, self.idx)) if values else [None] * len(self.doc)

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._flags(IS_ALPHA)

    @cached_property
    def is_lower(self) -> list[bool]:
        return self._flags(IS_LOWER)

    @cached_property
    def is_upper(self) -> list[bool]:
        return self._flags(IS_UPPER)

    @cached_property
    def is_title(self) -> list[bool]:
        return self._flags(IS_TITLE)

    @cached_property
    def is_digit(self) -> list[bool]:
        return self._flags(IS_DIGIT)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flags(LIKE_NUM)

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def sent_start(self) -> list[bool]:
        """token.is_sent_start is True."""
        return self._flags(SENT_START)

    @cached_property
    def idx(self) -> list[int]:
        return self._ids(IDX)

    @cached_property
    def doc_text(self) -> str:
        """doc.text, joined from the words (doc.text makes a Token per word)."""
        return "".join([t + " " if s else t for t, s in zip(self.text, self._ids(SPACY), strict=True)])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, sliced from the document's text."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]: self.idx[end - 1] + len(self.text[end - 1])]


#: hash -> string, shared by every document: a string's hash is the same in every spaCy
#: string store (murmurhash of its bytes), and a dict lookup costs half a StringStore's.
_STRINGS: dict[int, str] = {}
#: Past this many strings the table starts again (a vocabulary grows with the corpus).
_MAX_STRINGS = 500_000


def strings_of(doc: Doc, ids: list[int]) -> list[str]:
    """The strings of ``ids``, hashes in the document's string store (``doc.to_array(LOWER)``
    as words)."""
    found = list(map(_STRINGS.get, ids))
    if None in found:
        if len(_STRINGS) > _MAX_STRINGS:
            _STRINGS.clear()
        # read from the store, not from the table again: another thread may clear the table
        store = doc.vocab.strings
        found = [s if s is not None else store[k] for s, k in zip(found, ids, strict=True)]
        _STRINGS.update(zip(ids, found, strict=True))
    return found


#: id(doc) -> its words, while reading(doc) holds them.
_READING: dict[int, Words] = {}


@contextmanager
def reading(doc: Doc) -> Iterator[Words]:
    """Share one reading of ``doc`` with every ``words_of(doc)`` inside the block (the
    document must not change inside it)."""
    key = id(doc)
    if key in _READING:  # already read by an outer block
        yield _READING[key]
        return
    words = _READING[key] = Words(doc)
    try:
        yield words
    finally:
        del _READING[key]


def words_of(doc: Doc) -> Words:
    """The document's words: the shared reading inside ``reading(doc)``, else read now."""
    found = _READING.get(id(doc))
    return found if found is not None else Words(doc)


__all__ = ["Words", "reading", "strings_of", "words_of"]
