"""scispaCy's rule tokenizer, which keeps '5-FU/leucovorin', 'HER2-positive' and 'mg/kg' whole."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from types import SimpleNamespace

from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.lang.tokenizer_exceptions import emoticons
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry


@registry.tokenizers("onco.scispacy_tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Build scispaCy's combined rule tokenizer (its FutureWarning is about its own internals)."""

    def make(nlp: Language) -> Tokenizer:
        # combined_rule_tokenizer reads nlp.tokenizer.token_match, which does not exist yet
        # while spaCy builds a pipeline from a config; the language defaults hold the same.
        view = SimpleNamespace(vocab=nlp.vocab, Defaults=nlp.Defaults,
                               tokenizer=SimpleNamespace(token_match=nlp.Defaults.token_match))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            tokenizer = combined_rule_tokenizer(view)
            # scispaCy splits a final period after a lower-case letter or two capitals, not
            # after a unit that ends in one capital ("5.5 mmol/L.", "50 copies/mL.",
            # "10^9/L."): the sentence after it was glued to the one before.
            pattern = tokenizer.suffix_search.__self__.pattern  # type: ignore[attr-defined]
            tokenizer.suffix_search = re.compile(pattern + r"|(?<=[a-z/][A-Z])\.$").search
            # spaCy's emoticons with a digit ("8)", "<3", "=3", "0.0") are counts, bounds and
            # sizes in a study's text: "(7 and 8)", "age <3 years", "(n =3)" kept the digit
            # glued to its bracket or sign, and the count was lost.
            tokenizer.rules = {k: v for k, v in tokenizer.rules.items()
                               if not (k in emoticons and any(c.isdigit() for c in k))}
        return tokenizer

    return make
