"""A document's token attributes as plain lists, read once per document.

``doc[i].lower_`` makes a Token object each time (and ``token._.num_value`` an Underscore
object too): the cohort linker asked for about 2.5 million of them per 450 documents, a
third of its time. ``words_of(doc).lower[i]`` is a list lookup. The lists are read from
``doc.to_array`` and the string store; inside ``reading(doc)`` every caller shares one copy.

A word's lexical attributes (its text, lower case and flags: ``is_alpha``, ``like_num``...)
are its lexeme's, the same wherever it stands: they are read once per distinct word and
kept for the vocabulary (``lexemes_of``), and a document's lists are looked up by word id.
``doc.to_array`` costs spaCy a GIL round trip per token and attribute (two thirds of its
time), so one array of word ids replaces ten.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from operator import itemgetter

from spacy.attrs import (
    ENT_ID,
    ENT_IOB,
    ENT_TYPE,
    IDX,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.lexeme import Lexeme
from spacy.tokens import Doc
from spacy.vocab import Vocab

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
    def _lexemes(self) -> list[tuple]:
        """Each word's lexical attributes (``LEXICAL``), looked up by its id."""
        return lexemes_of(self.doc.vocab, self._ids(ORTH))

    def _lexical(self, name: str) -> list:
        return list(map(itemgetter(LEXICAL.index(name)), self._lexemes))

    @cached_property
    def text(self) -> list[str]:
        return self._lexical("orth_")

    @cached_property
    def lower(self) -> list[str]:
        return self._lexical("lower_")

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
        return self._lexical("is_punct")

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._lexical("is_alpha")

    @cached_property
    def is_lower(self) -> list[bool]:
        return self._lexical("is_lower")

    @cached_property
    def is_digit(self) -> list[bool]:
        return self._lexical("is_digit")

    @cached_property
    def like_num(self) -> list[bool]:
        return self._lexical("like_num")

    @cached_property
    def is_space(self) -> list[bool]:
        return self._lexical("is_space")

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


#: The lexeme attributes Words reads by word id, in the order of a lexemes_of tuple.
LEXICAL = ("orth_", "lower_", "is_punct", "is_alpha", "is_lower", "is_digit", "like_num",
           "is_space")
#: id(vocab) -> (the vocabulary, word id -> its LEXICAL attributes): a vocabulary's own
#: lexemes (another language's may read a word otherwise); held with the vocabulary, so
#: that its id is not another's.
_LEXEMES: dict[int, tuple[Vocab, dict[int, tuple]]] = {}
#: Past this many vocabularies the tables start again (tests build many pipelines).
_MAX_VOCABS = 8


def lexemes_of(vocab: Vocab, ids: list[int]) -> list[tuple]:
    """The LEXICAL attributes of each word id in ``ids``, each distinct word's lexeme read
    once per vocabulary."""
    held = _LEXEMES.get(id(vocab))
    if held is None or held[0] is not vocab:
        if len(_LEXEMES) >= _MAX_VOCABS:
            _LEXEMES.clear()
        held = _LEXEMES[id(vocab)] = (vocab, {})
    table = held[1]
    found = list(map(table.get, ids))
    if None in found:
        if len(table) > _MAX_STRINGS:
            table.clear()
        found = [f if f is not None else _lexical(vocab[k]) for f, k in zip(found, ids, strict=True)]
        table.update(zip(ids, found, strict=True))
    return found


def _lexical(lexeme: Lexeme) -> tuple:
    return tuple(getattr(lexeme, name) for name in LEXICAL)


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


__all__ = ["LEXICAL", "Words", "lexemes_of", "reading", "strings_of", "words_of"]
