"""Lexicons and cue lists in models/ turned into span_ruler patterns.

Each lexicon family is read through one frozen class that rejects unknown keys, so a typo
in a data file fails loudly. Patterns are built when the pipeline is initialised, from the
paths in models/onco_en/config.cfg.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Self, TypeVar

from spacy.util import registry

from ..data import check_keys, read_json_file, read_jsonl
from ..errors import ModelError

# Short all-caps forms ("ALL", "US", "MM", "GIST") are matched case-sensitively: in lower
# case they are ordinary words.
_CASE_SENSITIVE = re.compile(r"^[A-Z0-9][A-Z0-9+\-]{0,5}$")


@dataclass(frozen=True)
class _Entry:
    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str) -> Self:
        names = {f.name for f in fields(cls)}
        check_keys(data, names, where)
        missing = names - set(data)
        if missing:
            raise ModelError(f"{where}: missing keys {sorted(missing)}")
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


E = TypeVar("E", bound=_Entry)


@dataclass(frozen=True)
class DrugEntry(_Entry):
    name: str
    brands: tuple[str, ...]
    codes: tuple[str, ...]
    synonyms: tuple[str, ...]
    misspellings: tuple[str, ...]
    drug_class: str

    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.brands, *self.codes, *self.synonyms, *self.misspellings)


@dataclass(frozen=True)
class RegimenEntry(_Entry):
    name: str
    components: tuple[str, ...]
    synonyms: tuple[str, ...]

    @property
    def normalized(self) -> str:
        """Combinations are written as their generic names, sorted, joined with ' + '."""
        return " + ".join(sorted(self.components)) if self.components else self.name


@dataclass(frozen=True)
class DiseaseEntry(_Entry):
    name: str
    abbreviations: tuple[str, ...]
    synonyms: tuple[str, ...]
    site: str
    generic: bool
    #: False for a condition outside oncology ("heart failure"): its label is CONDITION, so
    #: a trial's own endpoint ("RSV infection occurred in 24") is not read as a cancer that
    #: arose during the trial, an adverse event (pipeline.nlp.cohorts.outcomes).
    cancer: bool

    @property
    def label(self) -> str:
        return "DISEASE" if self.cancer else "CONDITION"


@dataclass(frozen=True)
class CountryEntry(_Entry):
    name: str
    variants: tuple[str, ...]
    demonyms: tuple[str, ...]


def read_lexicon(path: Path, entry: type[E]) -> list[E]:
    """Every entry of a JSONL lexicon, validated."""
    if not path.exists():
        raise ModelError(f"missing lexicon {path}")
    return [entry.from_dict(rec, f"{path}:{n}") for n, rec in enumerate(read_jsonl(path), 1)]


def plurals(term: str) -> list[str]:
    """The term and its plural ("tumor" -> "tumors"); lexicons list singulars only."""
    if term[-1:].isalpha() and term[-1:].islower() and not term.endswith("s"):
        return [term, term + "s"]
    return [term]


def is_case_sensitive(text: str) -> bool:
    return bool(_CASE_SENSITIVE.match(text)) and any(c.isalpha() for c in text)


def phrase_pattern(label: str, text: str, kb_id: str) -> dict[str, Any]:
    return {"label": label, "pattern": text, "id": kb_id}


def entity_patterns(lexicons: Path, *, cased: bool) -> list[dict[str, Any]]:
    """DRUG, DRUG_CLASS, DISEASE, CONDITION and COUNTRY phrase patterns from the lexicons folder.

    ``cased`` selects the short all-caps forms, which a second ruler matches on exact text
    (phrase matching either way: token patterns are ~500x slower for a lexicon this size).
    """
    return [p for p in _all_entity_patterns(lexicons) if is_case_sensitive(p["pattern"]) == cased]


def _all_entity_patterns(lexicons: Path) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for drug in read_lexicon(lexicons / "drugs.jsonl", DrugEntry):
        patterns += [phrase_pattern("DRUG", s, drug.name) for s in drug.surface_forms()]
    for regimen in read_lexicon(lexicons / "regimens.jsonl", RegimenEntry):
        # "chemotherapy", "placebo": a kind of treatment, not a drug an analyst can filter on.
        label = "DRUG" if regimen.components else "DRUG_CLASS"
        # An acronym's id ("ice", "chop", "ep") is no surface form when the lexicon writes it
        # in capitals ("ICE"): lower case, it is an English word ("one thing ... ice").
        names = () if regimen.name.upper() in regimen.synonyms else (regimen.name,)
        patterns += [phrase_pattern(label, s, regimen.normalized)
                     for s in (*names, *regimen.synonyms)]
    for disease in read_lexicon(lexicons / "diseases.jsonl", DiseaseEntry):
        for term in (disease.name, *disease.synonyms):
            patterns += [phrase_pattern(disease.label, t, disease.name) for t in plurals(term)]
        patterns += [phrase_pattern(disease.label, a, disease.name)
                     for a in disease.abbreviations]
    for country in read_lexicon(lexicons / "countries.jsonl", CountryEntry):
        patterns += [phrase_pattern("COUNTRY", s, country.name)
                     for s in (country.name, *country.variants)]
    return patterns


def cue_patterns(cues: Path, token_patterns: Path) -> list[dict[str, Any]]:
    """Cue phrases (outcomes, procedures, statuses, ...) and hand-written token patterns."""
    data = read_json_file(cues)
    patterns: list[dict[str, Any]] = []
    for label, ids in data.items():
        if label.startswith("_"):
            continue
        for kb_id, phrases in ids.items():
            if label == "OUTCOME":  # "complete metabolic responses": lists give singulars
                phrases = list(dict.fromkeys(f for p in phrases for f in plurals(p)))
            patterns += [{"label": label, "pattern": p, "id": kb_id} for p in phrases]
    for n, rec in enumerate(read_jsonl(token_patterns), 1):
        check_keys(rec, {"label", "id", "pattern"}, f"{token_patterns}:{n}")
        patterns.append(rec)
    return patterns


@registry.misc("onco.entity_patterns.v1")
def create_entity_patterns(lexicons: str, cased: bool) -> list[dict[str, Any]]:
    return entity_patterns(Path(lexicons), cased=cased)


@registry.misc("onco.cue_patterns.v1")
def create_cue_patterns(cues: str, token_patterns: str) -> list[dict[str, Any]]:
    return cue_patterns(Path(cues), Path(token_patterns))
