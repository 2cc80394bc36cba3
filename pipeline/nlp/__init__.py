"""The spaCy + scispaCy pipeline, built from the config and rule files in models/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from thinc.api import Config

from ..errors import ModelError
from ..settings import MODELS_DIR
from . import sentences  # noqa: F401 - registers onco_sentencizer (also an entry point)
from .extensions import register_extensions
from .tokenizer import RememberingTokenizer

CONFIG = "onco_en/config.cfg"


@cache
def load_pipeline(name: str | None = None) -> Language:
    """The pipeline, built once per process.

    ``name`` None builds the embedded rule-and-lexicon pipeline from models/; otherwise it
    is anything ``spacy.load`` accepts (a saved pipeline folder, an installed package).
    """
    register_extensions()
    if name is not None:
        return empty_tokenizer_cache(spacy.load(name))
    return build_pipeline(MODELS_DIR)


def build_pipeline(models_dir: Path) -> Language:
    """Assemble and initialise the pipeline described by models/onco_en/config.cfg."""
    path = models_dir / CONFIG
    if not path.exists():
        raise ModelError(f"missing pipeline config {path}")
    config = Config().from_disk(path, overrides={"paths.models": str(models_dir)})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    # A span ruler tokenizes its phrase patterns by running every component before it over
    # them (6,000 patterns through the linker, the number finder...: a third of the build).
    # Its matchers read LOWER or ORTH, so only the components that change tokens matter.
    idle = [name for name, pipe in nlp.pipeline
            if name not in RETOKENIZERS and not isinstance(pipe, SpanRuler)]
    with nlp.select_pipes(disable=idle):
        nlp.initialize()
    return empty_tokenizer_cache(nlp)


def empty_tokenizer_cache(nlp: Language) -> Language:
    """Empty the tokenizer's cache of the span rulers' patterns, for the documents' words.

    spaCy's tokenizer remembers how it split the first 10,000 distinct chunks of text it
    sees (``max_cache_size``) and splits every later one again. Building the pipeline
    tokenizes its 6,000 phrase patterns and fills the cache: then the documents' words,
    "patients," or "(n = 152)", were split rule by rule each time, twice the tokenizer's time.
    """
    if isinstance(nlp.tokenizer, RememberingTokenizer):
        nlp.tokenizer.forget()  # and the chunks it has seen, to be remembered again
    else:
        nlp.tokenizer.rules = nlp.tokenizer.rules  # the setter empties the cache (same rules)
    return nlp


#: Components that split or merge tokens: span rulers' patterns go through them.
RETOKENIZERS = frozenset({"onco_labels"})


__all__ = ["build_pipeline", "load_pipeline"]
