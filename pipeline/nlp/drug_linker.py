"""onco_drug_linker: misspelt or unlisted drug names linked to the lexicon, fuzzily.

"Keytrudda", "Imbruvika", "osimertnib": scispaCy's candidate generator (TF-IDF over
character 3-grams, an exact nmslib search) over a knowledge base built from
models/lexicons/drugs.jsonl. scispaCy's stock index builder does not run with current
scipy and drops rare aliases (min_df=10, see ../shared/DEPENDENCIES.md), so the four index
parts are built here, in memory, when the pipeline is built (~0.05 s for 2,300 aliases).

Only words that look like a drug name are looked up: not already an entity, at least
``min_length`` letters, and either capitalised inside a sentence (a brand) or lower case
right after a word that introduces a treatment ("with", "plus", "received", ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nmslib
import numpy as np
import srsly
from scispacy.candidate_generation import CandidateGenerator
from scispacy.linking_utils import Entity, KnowledgeBase
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..data import check_keys, read_json_file
from .words import words_of

#: Words remembered between documents (cleared when full); a word costs a TF-IDF transform
#: and an index query the first time only.
_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class LinkerSettings:
    """Thresholds and context words of models/rules/drug_linker.json."""

    min_similarity: float
    min_similarity_short: float
    short_word: int
    min_length: int
    neighbours: int
    context_words: frozenset[str]
    not_drugs: frozenset[str]
    not_endings: tuple[str, ...] = ()  # "hypoxia", "colitis": a lower-case condition word

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkerSettings:
        check_keys(data, set(cls.__dataclass_fields__) | {"_comment"}, "drug_linker.json")
        return cls(min_similarity=float(data["min_similarity"]),
                   min_similarity_short=float(data["min_similarity_short"]),
                   short_word=int(data["short_word"]),
                   min_length=int(data["min_length"]), neighbours=int(data["neighbours"]),
                   context_words=frozenset(w.lower() for w in data["context_words"]),
                   not_drugs=frozenset(w.lower() for w in data["not_drugs"]),
                   not_endings=tuple(data.get("not_endings", ())))


def drug_knowledge_base(drugs: list[dict[str, Any]]) -> KnowledgeBase:
    """One concept per lexicon drug; its aliases are every surface form."""
    entities = []
    for rec in drugs:
        aliases = list(dict.fromkeys([rec["name"], *rec["brands"], *rec["codes"],
                                      *rec["synonyms"], *rec["misspellings"]]))
        entities.append(Entity(concept_id=rec["name"], canonical_name=rec["name"],
                               aliases=aliases, types=["drug"]))
    return KnowledgeBase(entities)


def candidate_generator(kb: KnowledgeBase) -> CandidateGenerator:
    """scispaCy's candidate generator over our own index (char 3-gram TF-IDF + exact nmslib search)."""
    aliases = list(kb.alias_to_cuis)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), min_df=1,
                                 dtype=np.float32)
    vectors = vectorizer.fit_transform(aliases)
    # An exact search over the ~2,300 aliases, not an HNSW graph: the graph is built with
    # random levels, so its borderline neighbours (and the words linked) changed from one
    # process to the next, and two workers gave different rows for the same article.
    index = nmslib.init(method="seq_search", space="cosinesimil_sparse",
                        data_type=nmslib.DataType.SPARSE_VECTOR)
    index.addDataPointBatch(vectors)
    index.createIndex({}, print_progress=False)
    return CandidateGenerator(ann_index=index, tfidf_vectorizer=vectorizer,
                              ann_concept_aliases_list=aliases, kb=kb)


def drug_name_candidates(doc: Doc, settings: LinkerSettings) -> list[int]:
    """Indices of the tokens worth looking up."""
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    # The words as lists (pipeline/nlp/words.py); a Token only for a word long enough to be
    # a name: a Token per word was most of this component's time.
    words = words_of(doc)
    lower = words.lower
    found = []
    for i, text in enumerate(words.text):
        if len(text) < settings.min_length or i in covered:
            continue
        token = doc[i]
        if not token.is_alpha or lower[i] in settings.not_drugs or token.is_upper:
            continue
        brand = token.is_title and not token.is_sent_start
        after_cue = i > 0 and lower[i - 1] in settings.context_words
        if brand or (token.is_lower and after_cue
                     and not lower[i].endswith(settings.not_endings)):
            found.append(i)
    return found


def best_concept(word: str, candidates: list, settings: LinkerSettings) -> str | None:
    """The concept of the closest one-word alias, if close enough.

    A word is not a two-word name ("radioactive" is not "radioactive iodine"), and short
    words need a closer match (the first name "Sunita" is not sunitinib).
    """
    scored = [(sim, alias, c.concept_id) for c in candidates
              for alias, sim in zip(c.aliases, c.similarities, strict=True) if " " not in alias]
    if not scored:
        return None
    sim, _, concept = max(scored)
    needed = (settings.min_similarity if len(word) > settings.short_word
              else settings.min_similarity_short)
    return concept if sim >= needed else None


class DrugLinker:
    def __init__(self, nlp: Language, name: str, *, drugs_path: str | None,
                 settings_path: str | None) -> None:
        self.name = name
        self.settings_data = read_json_file(settings_path) if settings_path else None
        self.settings = LinkerSettings.from_dict(self.settings_data) if self.settings_data else None
        self.drugs = list(srsly.read_jsonl(drugs_path)) if drugs_path else None
        self.generator = self._generator()
        self.cache: dict[str, str | None] = {}  # word -> concept; names repeat across articles

    def _generator(self) -> CandidateGenerator | None:
        if self.drugs is None:
            return None
        return candidate_generator(drug_knowledge_base(self.drugs))

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "drugs.jsonl", self.drugs or [])
        srsly.write_json(path / "drug_linker.json", self.settings_data or {})

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> DrugLinker:
        path = Path(path)
        self.drugs = list(srsly.read_jsonl(path / "drugs.jsonl"))
        self.settings_data = read_json_file(path / "drug_linker.json")
        self.settings = LinkerSettings.from_dict(self.settings_data)
        self.generator = self._generator()
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.generator is None or self.settings is None:
            raise ValueError(f"{self.name}: no knowledge base or settings loaded")
        indices = drug_name_candidates(doc, self.settings)
        words = {doc[i].text for i in indices}
        linked = {w: self.cache[w] for w in words if w in self.cache}
        unseen = sorted(words - linked.keys())
        if unseen:
            batches = self.generator(unseen, self.settings.neighbours)
            for word, candidates in zip(unseen, batches, strict=True):
                linked[word] = best_concept(word, candidates, self.settings)
            if len(self.cache) + len(unseen) > _CACHE_SIZE:
                self.cache.clear()
            self.cache.update((w, linked[w]) for w in unseen)
        found = [Span(doc, i, i + 1, label="DRUG", span_id=linked[doc[i].text])
                 for i in indices if linked[doc[i].text]]
        if found:
            doc.ents = filter_spans(list(doc.ents) + found)
        return doc


@Language.factory("onco_drug_linker", requires=["doc.ents"], assigns=["doc.ents"],
                  default_config={"drugs_path": None, "settings_path": None})
def make_drug_linker(nlp: Language, name: str, drugs_path: str | None,
                     settings_path: str | None) -> DrugLinker:
    return DrugLinker(nlp, name, drugs_path=drugs_path, settings_path=settings_path)
