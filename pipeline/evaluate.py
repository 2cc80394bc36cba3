"""Scores against gold annotations (``onco-evidence evaluate GOLD_DIR``).

- rows: a row matches when row type, cohort size, outcome, event count and drug all match;
- numbers: cohort size and event count alone;
- fields: on matched rows, the share of each other field that is exactly right;
- drugs / diseases: recall of the gold article's drugs and disease;
- misses: why each unmatched gold row missed, as counts only (no text), so a held-out split
  can say where extraction fails without anyone reading it.

Besides gold files (``*.gold.json``, one per article), a folder may hold stress sets
(``*.cases.json``, see ``corpora/stress``): short passages that each vary one thing, scored on
rows and numbers only. ``listing`` keeps, per article or case, the gold rows missed and the rows
found in excess, for ``onco-evidence evaluate --rows`` (never run on a split nobody may read).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .clean import clean_text
from .evidence import analyse
from .process import load_article
from .schema import EVIDENCE_COLUMNS, GOLD_ROW_EXCLUDED, CaseFile, GoldFile
from .scores import Score

_ROW_KEY = ("row_type", "cohort_size", "outcome", "event_count", "drug")
_NUMBER_KEY = ("cohort_size", "event_count")
_FIELDS = tuple(c for c in EVIDENCE_COLUMNS if c not in GOLD_ROW_EXCLUDED and c not in _ROW_KEY)


@dataclass
class Evaluation:
    """All scores of one evaluation run."""

    articles: int = 0
    cases: int = 0
    rows: Score = field(default_factory=Score)
    numbers: Score = field(default_factory=Score)
    drugs: Score = field(default_factory=Score)
    diseases: Score = field(default_factory=Score)
    field_hits: Counter[str] = field(default_factory=Counter)
    field_total: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    listing: list[tuple[str, list[tuple], list[tuple]]] = field(default_factory=list)

    def field_accuracy(self) -> dict[str, float]:
        return {f: (self.field_hits[f] / self.field_total if self.field_total else 1.0)
                for f in _FIELDS}

    def to_dict(self) -> dict[str, object]:
        def score(s: Score) -> dict[str, float]:
            return {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
        return {"articles": self.articles, "cases": self.cases, "rows": score(self.rows),
                "numbers": score(self.numbers), "drug_recall": round(self.drugs.recall, 4),
                "disease_recall": round(self.diseases.recall, 4),
                "field_accuracy": {k: round(v, 4) for k, v in self.field_accuracy().items()},
                "misses": dict(self.misses.most_common())}


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files and stress sets under ``gold_dir`` (or ``gold_dir`` itself, a file)."""
    path = Path(gold_dir)
    if path.is_file():
        return [path] if path.name.endswith((".gold.json", ".cases.json")) else []
    return sorted([*path.rglob("*.gold.json"), *path.rglob("*.cases.json")])


def evaluate(gold_dir: str | Path, *, nlp: Language | None = None) -> Evaluation:
    """Extract every gold file's input and every stress case, and score them against the gold."""
    result = Evaluation()
    for path in gold_files(Path(gold_dir)):
        if path.name.endswith(".cases.json"):
            _evaluate_cases(result, path, nlp)
            continue
        gold = GoldFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
        source = (path.parent / gold.input).as_posix()
        found = analyse(load_article(source), nlp=nlp)
        gold_rows = [r.model_dump() for r in gold.rows]
        found_rows = [r.model_dump() for r in found.rows]
        result.articles += 1
        _score_rows(result, path.name, gold_rows, found_rows)
        gold_drugs = set((gold.article.drugs or "").split("; ")) - {""}
        found_drugs = set((found.record.drugs or "").split("; ")) - {""}
        result.drugs.add(gold_drugs, found_drugs)
        if gold.article.disease:
            result.diseases.add([gold.article.disease],
                                [found.record.disease] if found.record.disease else [])
        _score_fields(result, gold_rows, found_rows)
    return result


def _evaluate_cases(result: Evaluation, path: Path, nlp: Language | None) -> None:
    """Score a stress set: each case's passage is cleaned and analysed as a plain-text article."""
    stress = CaseFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    for case in stress.cases:
        found = analyse(clean_text(case.text, source=f"{path.name}#{case.id}"), nlp=nlp)
        gold_rows = [r.model_dump() for r in case.rows]
        found_rows = [r.model_dump() for r in found.rows]
        result.cases += 1
        _score_rows(result, case.id, gold_rows, found_rows)
        _score_fields(result, gold_rows, found_rows, fields=())


def _score_rows(result: Evaluation, name: str, gold_rows: list[dict],
                found_rows: list[dict]) -> None:
    gold_keys = Counter(_key(r, _ROW_KEY) for r in gold_rows)
    found_keys = Counter(_key(r, _ROW_KEY) for r in found_rows)
    result.rows.add(gold_keys.elements(), found_keys.elements())
    result.numbers.add((_key(r, _NUMBER_KEY) for r in gold_rows),
                       (_key(r, _NUMBER_KEY) for r in found_rows))
    missed, extra = gold_keys - found_keys, found_keys - gold_keys
    if missed or extra:
        result.listing.append((name, sorted(missed.elements(), key=str),
                               sorted(extra.elements(), key=str)))


def _key(row: dict, names: tuple[str, ...]) -> tuple:
    return tuple(row.get(n) for n in names)


def _score_fields(result: Evaluation, gold_rows: list[dict], found_rows: list[dict], *,
                  fields: tuple[str, ...] = _FIELDS) -> None:
    pool = list(found_rows)
    missed = []
    for gold in gold_rows:
        match = next((f for f in pool if _key(f, _ROW_KEY) == _key(gold, _ROW_KEY)), None)
        if match is None:
            missed.append(gold)
            continue
        pool.remove(match)
        if not fields:
            continue
        result.field_total += 1
        for name in fields:
            result.field_hits[name] += gold.get(name) == match.get(name)
    for gold in missed:
        result.misses[_miss_reason(gold, pool)] += 1


def _miss_reason(gold: dict, unmatched_found: list[dict]) -> str:
    """Why a gold row found no match: the key fields in which the closest found row differs."""
    same_numbers = [f for f in unmatched_found if _key(f, _NUMBER_KEY) == _key(gold, _NUMBER_KEY)]
    if same_numbers:
        diffs = min((tuple(n for n in ("row_type", "outcome", "drug") if f.get(n) != gold.get(n))
                     for f in same_numbers), key=len)
        kind = f"numbers right, {' and '.join(diffs)} wrong"
        if diffs == ("drug",):
            gold_drugs = set((gold.get("drug") or "").split(" + ")) - {""}
            found_drugs = [set((f.get("drug") or "").split(" + ")) - {""} for f in same_numbers]
            kind += (" (no drug found)" if not any(found_drugs) else
                     " (gold has none)" if not gold_drugs else
                     " (part of a combination)" if any(d < gold_drugs for d in found_drugs) else
                     " (extra drugs)" if any(gold_drugs < d for d in found_drugs) else
                     " (another drug)")
        return f"{gold['row_type']}: {kind}"
    size = any(f.get("cohort_size") == gold.get("cohort_size") for f in unmatched_found)
    count = gold.get("event_count") is not None and any(
        f.get("event_count") == gold.get("event_count") for f in unmatched_found)
    kind = ("size right, count wrong" if size and not count else
            "count right, size wrong" if count and not size else
            "size and count each elsewhere" if size else "not found")
    return f"{gold['row_type']}: {kind}"


def format_report(ev: Evaluation) -> str:
    counted = [f"articles: {ev.articles}"] + ([f"stress cases: {ev.cases}"] if ev.cases else [])
    lines = ["   ".join(counted), f"{'':10}{'precision':>10}{'recall':>10}{'f1':>10}"]
    for name, s in (("rows", ev.rows), ("numbers", ev.numbers)):
        lines.append(f"{name:10}{s.precision:10.3f}{s.recall:10.3f}{s.f1:10.3f}")
    if ev.articles:  # stress cases give no article fields
        lines.append(f"drug recall: {ev.drugs.recall:.3f}   "
                     f"disease recall: {ev.diseases.recall:.3f}")
        lines.append("field accuracy on matched rows:")
        lines += [f"  {k:16}{v:.3f}" for k, v in ev.field_accuracy().items()]
    if ev.misses:
        lines.append("missed gold rows, by reason:")
        lines += [f"  {n:5}  {reason}" for reason, n in ev.misses.most_common()]
    return "\n".join(lines)


def format_listing(ev: Evaluation) -> str:
    """Per article or case, the gold rows missed and the rows found in excess (row type,
    cohort size, outcome, event count, drug)."""
    lines = []
    for name, missed, extra in ev.listing:
        lines.append(name)
        lines += [f"  missed {_show(k)}" for k in missed]
        lines += [f"  extra  {_show(k)}" for k in extra]
    return "\n".join(lines)


def _show(key: tuple) -> str:
    row_type, size, outcome, count, drug = key
    numbers = f"{count}/{size}" if row_type == "outcome" else f"{size}"
    return f"{row_type:7} {numbers:>9}  {outcome or '-':14} {drug or '-'}"
