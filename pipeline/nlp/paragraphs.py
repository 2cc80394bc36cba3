"""onco_paragraphs: a paragraph break always ends a sentence (headings, list items)."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break.

    The break itself stays with the sentence before it, so no sentence is only white space.
    """
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()  # only spaces hold breaks
    breaks = [i for i in spaces if 0 < i < len(doc) - 1 and "\n" in doc[i].text]
    if not breaks:
        return doc
    # One write of the array: each token.is_sent_start = ... first checks every token of
    # the doc for a parse (has_annotation("DEP")), ~5% of the NLP time on the bundled corpus.
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)  # what the setter raises: a parse fixes the sentences
    starts = doc.to_array(SENT_START).astype(numpy.int64)  # 1 starts, -1 does not, 0 unknown
    for i in breaks:
        starts[i] = -1
        starts[i + 1] = 1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


@Language.factory("onco_paragraphs", requires=["token.is_sent_start"],
                  assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str):  # noqa: ANN201 - spaCy factory
    return mark_paragraph_starts
