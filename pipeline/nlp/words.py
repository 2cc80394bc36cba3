"""A document's token attributes as plain lists, read once per document.

``doc[i].lower_`` makes a Token object each time (and ``token._.num_value`` an Underscore
object too): the cohort linker asked for about 2.5 million of them per 450 documents, a
third of its time. ``words_of(doc).lower[i]`` is a list lookup. The lists are read from
``doc.to_array`` and the string store; inside ``reading(doc)`` every caller shares one copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

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
    LIKE_NUM,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc

_ATTRS = [ORTH, LOWER, ENT_TYPE, ENT_IOB, ENT_ID, IS_PUNCT, IS_ALPHA, IS_LOWER, IS_DIGIT, LIKE_NUM,
          IS_SPACE, SENT_START, SPACY, IDX]

#: ENT_IOB as token.ent_iob_ gives it.
_IOB = ("", "I", "O", "B")


@dataclass(frozen=True)
class Words:
    """Token attributes of a document, by token index (``lower[i]`` is ``doc[i].lower_``)."""

    text: list[str]
    lower: list[str]
    ent_type: list[str]
    ent_iob: list[str]
    ent_id: list[str]
    num: list[float | None]  # token._.num_value
    is_punct: list[bool]
    is_alpha: list[bool]
    is_lower: list[bool]
    is_digit: list[bool]
    like_num: list[bool]
    is_space: list[bool]
    sent_start: list[bool]  # token.is_sent_start is True
    idx: list[int]
    doc_text: str

    @classmethod
    def of(cls, doc: Doc) -> Words:
        """Read the lists from the document's arrays (no Token object is made)."""
        strings = doc.vocab.strings
        if not len(doc):
            return cls(*([] for _ in range(14)), doc_text=doc.text)  # type: ignore[arg-type]
        columns = doc.to_array(_ATTRS).T.tolist()
        orth, lower, ent_type, ent_iob, ent_id, is_punct, is_alpha, is_lower, is_digit, like_num, \
            is_space, sent_start, spacy, idx = columns
        text = [strings[k] for k in orth]
        # token._.num_value lives in doc.user_data under spaCy's Underscore key
        # ("._.", name, token.idx, None): read it there, without Underscore objects.
        data = doc.user_data
        num = [data.get(("._.", "num_value", i, None)) for i in idx] if data else [None] * len(idx)
        return cls(
            text=text,
            lower=[strings[k] for k in lower],
            ent_type=[strings[k] if k else "" for k in ent_type],
            ent_iob=[_IOB[k] for k in ent_iob],
            ent_id=[strings[k] if k else "" for k in ent_id],
            num=num,
            is_punct=[k == 1 for k in is_punct],
            is_alpha=[k == 1 for k in is_alpha],
            is_lower=[k == 1 for k in is_lower],
            is_digit=[k == 1 for k in is_digit],
            like_num=[k == 1 for k in like_num],
            is_space=[k == 1 for k in is_space],
            sent_start=[k == 1 for k in sent_start],
            idx=idx,
            doc_text="".join(t + " " if s else t for t, s in zip(text, spacy, strict=True)),
        )

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, sliced from the document's text."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]: self.idx[end - 1] + len(self.text[end - 1])]


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
    words = _READING[key] = Words.of(doc)
    try:
        yield words
    finally:
        del _READING[key]


def words_of(doc: Doc) -> Words:
    """The document's words: the shared reading inside ``reading(doc)``, else read now."""
    found = _READING.get(id(doc))
    return found if found is not None else Words.of(doc)


__all__ = ["Words", "reading", "words_of"]
