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
    min_length: int
    not_drugs: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrugStems:
        check_keys(data, {"stems", "min_length", "not_drugs", "_comment"}, "drug_stems.json")
        return cls(stems=tuple(sorted(data["stems"], key=len, reverse=True)),
                   min_length=int(data["min_length"]),
                   not_drugs=frozenset(w.lower() for w in data["not_drugs"]))

    def to_dict(self) -> dict[str, Any]:
        return {"stems": list(self.stems), "min_length": self.min_length,
                "not_drugs": sorted(self.not_drugs)}

    def is_drug_name(self, word: str) -> bool:
        lower = word.lower()
        return (len(lower) >= self.min_length and lower.isalpha() and lower not in self.not_drugs
                and not word.isupper() and lower.endswith(self.stems))


def find_stem_drugs(doc: Doc, stems: DrugStems,
                    first_words: dict[str, str] | None = None) -> list[Span]:
    """DRUG spans for words with a drug stem that no other entity covers.

    A word that is the first word of a known two-word name ("brentuximab" of "brentuximab
    vedotin") is that drug; any other is an unseen agent, named by its lower-case form.
    """
    first_words = first_words or {}
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    return [Span(doc, t.i, t.i + 1, label="DRUG", span_id=first_words.get(t.lower_, t.lower_))
            for t in doc if t.i not in covered and stems.is_drug_name(t.text)]


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
