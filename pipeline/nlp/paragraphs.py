"""onco_paragraphs: a paragraph break always ends a sentence (headings, list items)."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break.

    The break itself stays with the sentence before it, so no sentence is only white space.
    """
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():  # only spaces hold breaks
        if 0 < i < len(doc) - 1 and "\n" in doc[i].text:
            doc[i].is_sent_start = False
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory("onco_paragraphs", requires=["token.is_sent_start"],
                  assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str):  # noqa: ANN201 - spaCy factory
    return mark_paragraph_starts
