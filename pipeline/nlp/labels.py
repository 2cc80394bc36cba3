"""onco_labels: "cohort C." or "GnP." at the end of a sentence is a name and a full stop, not an initial.

scispaCy's tokenizer keeps a capital letter and its period together ("C.") so that "Smith
J." stays whole; after a label word the period ends the sentence. This component splits such
tokens before the sentencizer runs. The label words are in models/rules/labels.json.
"""

from __future__ import annotations

import re
from pathlib import Path

import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..data import check_keys, read_json_file

_LETTER_PERIOD = re.compile(r"^(?:[A-Z]|[IVX]{1,4}|\d{1,2}[A-Za-z]?)\.$")

#: A name in mixed case or with a hyphen that ends in a capital ("GnP.", "AC-T.", "nab-P.",
#: "SoC."): the tokenizer keeps its period as it would an initial's.
_NAME_PERIOD = re.compile(r"^(?=[^.]*[a-z-])[A-Za-z0-9][A-Za-z0-9-]*[A-Z]\.$")


def split_label_periods(doc: Doc, label_words: frozenset[str],
                        known: dict[int, bool] | None = None) -> Doc:
    """Split "C." into "C" + "." where the word before is a label word, and "GnP." into
    "GnP" + "." where a capitalised word or a line break follows (the sentence ends).

    ``known``: word id -> does the word end in a period, kept across documents by the caller.
    """
    # The words read as ids, each distinct word's string once: a Token object or a string
    # per word costs more than the test.
    orths = doc.to_array(ORTH).tolist()
    known = {} if known is None else known
    strings = doc.vocab.strings
    for orth in set(orths).difference(known):
        known[orth] = strings[orth].endswith(".")
    targets = [t for t in (doc[i] for i in range(1, len(doc)) if known[orths[i]]) if (
        (_LETTER_PERIOD.match(t.text) and doc[t.i - 1].lower_ in label_words)
        or (_NAME_PERIOD.match(t.text) and (t.i + 1 == len(doc) or doc[t.i + 1].is_space
                                             or doc[t.i + 1].is_title or doc[t.i + 1].is_upper)))]
    if targets:
        with doc.retokenize() as retokenizer:
            for token in targets:
                retokenizer.split(token, [token.text[:-1], "."],
                                  heads=[(token, 0), (token, 0)])
    return doc


class LabelPeriodSplitter:
    def __init__(self, nlp: Language, name: str, *, labels_path: str | None) -> None:
        self.name = name
        self.label_words = frozenset()
        self._known: dict[int, bool] = {}  # word id -> ends in a period; bounded by the vocabulary
        if labels_path:
            self._load(read_json_file(labels_path))

    def _load(self, data: dict) -> None:
        check_keys(data, {"label_words", "_comment"}, "labels.json")
        self.label_words = frozenset(w.lower() for w in data["label_words"])

    def __call__(self, doc: Doc) -> Doc:
        return split_label_periods(doc, self.label_words, self._known)

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "labels.json", {"label_words": sorted(self.label_words)})

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> LabelPeriodSplitter:
        self._load(read_json_file(Path(path) / "labels.json"))
        return self


@Language.factory("onco_labels", default_config={"labels_path": None})
def make_labels(nlp: Language, name: str, labels_path: str | None) -> LabelPeriodSplitter:
    return LabelPeriodSplitter(nlp, name, labels_path=labels_path)
