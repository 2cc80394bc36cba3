"""onco_drug_stems: unseen agents recognised by their INN stem ("-tinib", "-mab", "-ciclib").

A new kinase inhibitor or antibody appears in the news before any lexicon lists it; its
International Nonproprietary Name says what it is. Stems live in models/lexicons/drug_stems.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..data import check_keys, read_json_file


@dataclass(frozen=True)
class DrugStems:
    stems: tuple[str, ...]
    prefixes: tuple[str, ...]
    min_length: int
    not_drugs: frozenset[str]
    not_partners: tuple[str, ...]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrugStems:
        check_keys(data, {"stems", "prefixes", "min_length", "not_drugs", "not_partners", "_comment"},
                   "drug_stems.json")
        return cls(stems=tuple(sorted(data["stems"], key=len, reverse=True)),
                   prefixes=tuple(data["prefixes"]),
                   min_length=int(data["min_length"]),
                   not_drugs=frozenset(w.lower() for w in data["not_drugs"]),
                   not_partners=tuple(data["not_partners"]))

    def to_dict(self) -> dict[str, Any]:
        return {"stems": list(self.stems), "prefixes": list(self.prefixes),
                "min_length": self.min_length, "not_drugs": sorted(self.not_drugs),
                "not_partners": list(self.not_partners)}

    def is_drug_name(self, word: str) -> bool:
        lower = word.lower()
        return (len(lower) >= self.min_length and lower.isalpha() and lower not in self.not_drugs
                and not word.isupper()
                and (lower.endswith(self.stems) or lower.startswith(self.prefixes)))

    def combination(self, word: str) -> str | None:
        """'sacubitril-valsartan': a fixed-dose pair written with a hyphen, as "a + b".

        One part must carry a stem; the other must look like a name too (long, and not an
        English suffix word such as "-based", "-related", "-naive").
        """
        parts = word.lower().split("-")
        if len(parts) < 2 or not any(self.is_drug_name(p) for p in parts):
            return None
        if any(not (p.isalpha() and len(p) >= self.min_length) or p.endswith(self.not_partners)
               or p in self.not_drugs for p in parts):
            return None
        return " + ".join(sorted(parts))


def find_stem_drugs(doc: Doc, stems: DrugStems,
                    first_words: dict[str, str] | None = None) -> list[Span]:
    """DRUG spans for words with a drug stem that no other entity covers.

    A word that is the first word of a known two-word name ("brentuximab" of "brentuximab
    vedotin") is that drug; any other is an unseen agent, named by its lower-case form.
    """
    first_words = first_words or {}
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found = []
    for t in doc:
        if t.i in covered:
            continue
        if stems.is_drug_name(t.text):
            found.append(Span(doc, t.i, t.i + 1, label="DRUG",
                              span_id=first_words.get(t.lower_, t.lower_)))
        elif "-" in t.text and (pair := stems.combination(t.text)) is not None:
            found.append(Span(doc, t.i, t.i + 1, label="DRUG", span_id=pair))
    return found


class StemDrugFinder:
    def __init__(self, nlp: Language, name: str, *, stems_path: str | None,
                 drugs_path: str | None) -> None:
        self.name = name
        self.stems = DrugStems.from_dict(read_json_file(stems_path)) if stems_path else None
        self.first_words: dict[str, str] = {}
        if drugs_path:
            names = [rec["name"] for rec in srsly.read_jsonl(drugs_path)]
            singles = {n for n in names if " " not in n}
            for n in names:
                head = n.split(" ")[0]
                if " " in n and head not in singles:
                    self.first_words.setdefault(head, n)

    def __call__(self, doc: Doc) -> Doc:
        if self.stems is None:
            raise ValueError(f"{self.name}: no stems loaded (stems_path or from_disk)")
        found = find_stem_drugs(doc, self.stems, self.first_words)
        if found:
            doc.ents = filter_spans(list(doc.ents) + found)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.stems:
            srsly.write_json(path / "drug_stems.json", self.stems.to_dict())
        srsly.write_json(path / "first_words.json", self.first_words)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> StemDrugFinder:
        self.stems = DrugStems.from_dict(read_json_file(Path(path) / "drug_stems.json"))
        self.first_words = read_json_file(Path(path) / "first_words.json")
        return self


@Language.factory("onco_drug_stems", requires=["doc.ents"], assigns=["doc.ents"],
                  default_config={"stems_path": None, "drugs_path": None})
def make_drug_stems(nlp: Language, name: str, stems_path: str | None,
                    drugs_path: str | None) -> StemDrugFinder:
    return StemDrugFinder(nlp, name, stems_path=stems_path, drugs_path=drugs_path)
