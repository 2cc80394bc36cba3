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
from spacy.tokens import Doc
from spacy.util import registry

#: How many distinct chunks of text ("patients,", "(n") the tokenizer remembers the split of
#: (spaCy's default: 10,000, full after ~130 of the bundled articles). A chunk not remembered
#: goes through scispaCy's affix regexes again, ~60 times the work of a remembered one; a
#: remembered chunk costs ~50 bytes in spaCy's cache and ~100 in RememberingTokenizer's set.
MAX_CACHED_CHUNKS = 100_000


class RememberingTokenizer(Tokenizer):
    """spaCy's Tokenizer, made to remember the split of every chunk of text it has seen.

    spaCy caches how it split a chunk (the text between two spaces) only while the document
    has not hit a special case ("Dr.", "—", "can" of "cannot", a line break): the flag is per
    document (spaCy #1250), and every article has a line break after its title. So every chunk
    after a document's first special case, seen for the first time there, was split by the
    affix regexes again each time it came back: two thirds of the tokenizer's work on the
    bundled articles. Here each chunk not seen before is first tokenized on its own, which
    caches its split unless it holds a special case itself; the document's own pass then finds
    it in the cache, so a new chunk goes through the regexes once, as in spaCy. spaCy's cache
    holds a chunk's split whatever surrounds it, so the tokens are the same.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        if len(self.seen) < self.max_cache_size:
            new = [chunk for chunk in dict.fromkeys(text.split()) if chunk not in self.seen]
            for chunk in new:
                super().__call__(chunk)
            self.seen.update(new)
        return super().__call__(text)

    def forget(self) -> None:
        """Empty spaCy's cache (setting the same rules again does) and the chunks seen."""
        self.rules = self.rules
        self.seen = set()


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
            suffix_search = re.compile(pattern + r"|(?<=[a-z/][A-Z])\.$").search
            # spaCy's emoticons with a digit ("8)", "<3", "=3", "0.0") are counts, bounds and
            # sizes in a study's text: "(7 and 8)", "age <3 years", "(n =3)" kept the digit
            # glued to its bracket or sign, and the count was lost.
            rules = {k: v for k, v in tokenizer.rules.items()
                     if not (k in emoticons and any(c.isdigit() for c in k))}
        remembering = RememberingTokenizer(
            nlp.vocab, rules, prefix_search=tokenizer.prefix_search,
            suffix_search=suffix_search, infix_finditer=tokenizer.infix_finditer,
            token_match=tokenizer.token_match, url_match=tokenizer.url_match,
            faster_heuristics=tokenizer.faster_heuristics)
        remembering.max_cache_size = MAX_CACHED_CHUNKS
        return remembering

    return make
