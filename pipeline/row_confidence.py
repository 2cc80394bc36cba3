"""Row confidence: a learned, calibrated probability that an evidence row is right.

The linker's rules say how a count was found (models/rules/linking.json "confidence": a
fraction, a count in the sentence of its group, a group referred back to, ...). Whether
such a row is right also depends on what else is known when it is built: how far the
group's size is from the count, whether the percentage stated agrees with count / size,
how many rows the sentence yields, the article's genre. ``row_features`` describes a row by
those facts only (never by an article's words or a drug's identity); a logistic regression
trained on the tune gold (pipeline.learn.row_confidence) weighs them, and the row's
``confidence`` is the probability it gives. The model also holds the confidence that
maximised rows F1 under cross-validation; rows under it are dropped when the model says
``drop`` (the shipped one does not: pipeline.learn.row_confidence says why).

At run time this is a dot product and a sigmoid over the weights of
models/learned/row_confidence.json; the cue words are in models/rules/row_cues.json.
Re-create the weights with
``python -m pipeline.learn.row_confidence corpora/dev/tune --out models/learned/row_confidence.json``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_TYPE, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .data import check_keys, read_json_file
from .errors import ModelError
from .schema import DRUG_STATUSES, OUTCOMES
from .settings import MODELS_DIR

MODEL_PATH = MODELS_DIR / "learned" / "row_confidence.json"
CUES_PATH = MODELS_DIR / "rules" / "row_cues.json"
LINKING_PATH = MODELS_DIR / "rules" / "linking.json"
TRAIN_COMMAND = ("python -m pipeline.learn.row_confidence corpora/dev/tune "
                 "--out models/learned/row_confidence.json")


@dataclass(frozen=True)
class RowCues:
    """The cue words of models/rules/row_cues.json."""

    negation: frozenset[str]
    hedge: frozenset[str]
    press: frozenset[str]
    abstract: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowCues:
        check_keys(data, set(cls.__dataclass_fields__) | {"_comment"}, "row_cues.json")
        return cls(**{name: frozenset(w.lower() for w in data[name])
                      for name in cls.__dataclass_fields__})


@cache
def row_cues() -> RowCues:
    return RowCues.from_dict(read_json_file(CUES_PATH))


@cache
def patterns() -> dict[float, str]:
    """The linker's confidence ranks, each named by the patterns that give it
    ("fraction", "count_same_sentence/universal/cohort")."""
    ranks: dict[float, list[str]] = {}
    for name, value in read_json_file(LINKING_PATH)["confidence"].items():
        ranks.setdefault(float(value), []).append(name)
    return {value: "/".join(names) for value, names in sorted(ranks.items())}


@cache
def _linking_words() -> dict[str, Any]:
    """The linker's own words for a "respectively" list and for referring back ("Of these")."""
    data = read_json_file(LINKING_PATH)
    openers = tuple(tuple(get_string_id(w) for w in o) for o in data["anaphora_openers"])
    return {"respectively": frozenset(map(get_string_id, data["respectively_words"])),
            "openers": openers, "opener_length": max(map(len, openers))}


def _drug_mentions(doc: Doc) -> list[tuple[int, str]]:
    """(first token, id) of each DRUG entity with an id, read from the token arrays
    (doc.ents builds a Span per entity from every token: ~40% of this module's time)."""
    iob, label, ent_id = doc.to_array([ENT_IOB, ENT_TYPE, ENT_ID]).T
    starts = numpy.flatnonzero((iob == 3) & (label == _DRUG) & (ent_id != 0))  # 3: B(egin)
    return [(int(i), doc.vocab.strings[int(ent_id[i])]) for i in starts]


_DRUG = get_string_id("DRUG")


@cache
def _cue_ids() -> dict[str, frozenset[int]]:
    """The cue words as string hashes (the LOWER attribute of their tokens)."""
    cues = row_cues()
    return {"negation": frozenset(map(get_string_id, cues.negation)),
            "hedge": frozenset(map(get_string_id, cues.hedge)),
            "press": frozenset(map(get_string_id, cues.press)),
            "abstract": frozenset(map(get_string_id, cues.abstract)),
            "|": frozenset({get_string_id("|")})}


#: Sentences between a count and the sentence that states its group's size.
_GAPS = ("0", "1", "2-5", "6+")


@cache
def feature_names() -> tuple[str, ...]:
    """Every feature ``row_features`` may set, in the order of the model file."""
    return (
        "cohort_row", *(f"pattern:{p}" for p in patterns().values()), "pattern:other",
        "from_percent", "table_cell", "respectively", "refers_back", "subgroup", "arm",
        *(f"outcome:{o}" for o in OUTCOMES),
        *(f"sentence_gap:{g}" for g in _GAPS), "char_gap_log",
        "drugs:0", "drugs:1", "drugs:2+", "drug_from_clause",
        *(f"status:{s}" for s in DRUG_STATUSES), "status:none", "procedure",
        "negation", "hedge", "count_is_size", "count_zero", "percent_agrees", "percent_disagrees",
        "size_log10", "count_log10", "round_size", "position",
        "rows_in_sentence_log", "repeated_row", "article_rows_log", "article_drugs:0",
        "article_drugs:1", "article_drugs:2+", "top_drug_share", "row_has_top_drug",
        "genre:press", "genre:abstract", "disease_known",
        "sentence_drugs:0", "sentence_drugs:1", "sentence_drugs:2+", "drug_in_sentence",
        "drug_not_cohorts", "same_size_cohorts", "article_cohorts_log",
    )


def _few(n: int) -> str:
    return "2+" if n >= 2 else str(n)


def _gap(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-5" if n <= 5 else "6+"


def row_features(doc: Doc, drafts: Sequence[dict[str, Any]], *,
                 disease: str | None) -> list[dict[str, float]]:
    """The features of each draft row of one article (pipeline.evidence.row_drafts).

    A draft holds the row's fields and ``_event`` (the onco_events dict, None for a cohort
    row), ``_cohort`` (the onco_cohorts dict), ``_sent`` (its sentence index) and ``_span``
    (its sentence's token range). Words are compared as string hashes of a token array:
    iterating Token objects was ~70% of this function's time.
    """
    cues = _cue_ids()
    ranks = patterns()
    linking = _linking_words()
    # the text's length without doc.text, which joins every token's text
    n_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    lower = doc.to_array(LOWER)
    words = set(lower.tolist())
    cohorts = doc._.onco_cohorts or []
    drug_ents = _drug_mentions(doc)
    drug_counts = Counter(part for _, name in drug_ents for part in name.split(" + "))
    top = drug_counts.most_common(1)[0] if drug_counts else None
    article: dict[str, float] = {
        f"article_drugs:{_few(len(drug_counts))}": 1.0,
        "top_drug_share": top[1] / sum(drug_counts.values()) if top else 0.0,
        "genre:press": float(bool(words & cues["press"])),
        "genre:abstract": float(bool(words & cues["abstract"])),
        "disease_known": float(disease is not None),
        "article_rows_log": math.log1p(len(drafts)),
        "article_cohorts_log": math.log1p(len(cohorts)),
    }
    sizes = Counter(c["size"] for c in cohorts)
    sent_drugs: dict[int, set[str]] = {}
    per_sentence = Counter(d["_sent"] for d in drafts)
    seen: Counter[tuple] = Counter()
    sent_words: dict[int, set[str]] = {}
    out = []
    for draft in drafts:
        event, cohort, n = draft["_event"], draft["_cohort"], draft["_sent"]
        source = event or cohort
        start, end = draft["_span"]
        if n not in sent_words:
            sent_words[n] = set(lower[start:end].tolist())
        said = sent_words[n]
        f = dict(article)
        f["cohort_row"] = float(event is None)
        rank = float(source["confidence"])
        f[f"pattern:{ranks[rank]}" if rank in ranks else "pattern:other"] = 1.0
        f["table_cell"] = float(cues["|"] <= said)
        f["respectively"] = float(bool(said & linking["respectively"]))
        opening = tuple(lower[start:min(end, start + linking["opener_length"])].tolist())
        f["refers_back"] = float(any(opening[:len(o)] == o for o in linking["openers"]))
        f["subgroup"] = float(cohort.get("parent") is not None)
        f["arm"] = float(bool(draft["arm"]))
        drug = draft["drug"]
        parts = drug.split(" + ") if drug else []
        f[f"drugs:{_few(len(parts))}"] = 1.0
        f[f"status:{draft['drug_status'] or 'none'}"] = 1.0
        f["procedure"] = float(bool(draft["procedure"]))
        f["negation"] = float(bool(said & cues["negation"]))
        f["hedge"] = float(bool(said & cues["hedge"]))
        size = draft["cohort_size"]
        f["size_log10"] = math.log10(size) if size else 0.0
        # "about 300 patients will be enrolled": planned samples are round; counted ones rarely
        f["round_size"] = float(size >= 100 and size % 50 == 0)
        named = sent_drugs.setdefault(n, {part for at, name in drug_ents if start <= at < end
                                          for part in name.split(" + ")})
        f[f"sentence_drugs:{_few(len(named))}"] = 1.0
        f["drug_in_sentence"] = float(bool(named & set(parts)))
        f["same_size_cohorts"] = math.log1p(sizes[size] - 1) if size else 0.0
        f["position"] = draft["char_start"] / max(n_chars, 1)
        f["rows_in_sentence_log"] = math.log1p(per_sentence[n] - 1)
        if top:
            f["row_has_top_drug"] = float(top[0] in parts)
        if event is not None:
            count = event["count"]
            f[f"outcome:{event['outcome']}"] = 1.0
            f["from_percent"] = float(bool(event.get("from_percent")))
            f[f"sentence_gap:{_gap(event['sent'] - cohort['sent'])}"] = 1.0
            # /5: log1p of a paragraph's length (~150 chars) is ~5, so the feature is ~1 there
            f["char_gap_log"] = math.log1p(abs(event["start_char"] - cohort["start_char"])) / 5
            f["drug_from_clause"] = float(bool(event["drug"]))
            f["drug_not_cohorts"] = float(bool(event["drug"]) and event["drug"] != cohort["drug"])
            f["count_is_size"] = float(count == size)
            f["count_zero"] = float(count == 0)
            f["count_log10"] = math.log10(count) if count else 0.0
            stated = event["percent"]
            if stated is not None and not event.get("from_percent") and size:
                agrees = abs(stated - 100 * count / size) <= 1.0  # a percent given to 0 decimals
                f["percent_agrees" if agrees else "percent_disagrees"] = 1.0
        key = (draft["row_type"], size, draft["outcome"], draft["event_count"], drug)
        seen[key] += 1
        f["repeated_row"] = float(seen[key] > 1)
        out.append({k: v for k, v in f.items() if v})
    return out


@dataclass(frozen=True)
class RowModel:
    """A logistic regression over ``feature_names()``, and the confidence under which rows go.

    ``threshold`` is the confidence that maximised rows F1 under cross-validation on the tune
    gold; rows under it are dropped only when ``drop`` is set (see pipeline.learn.row_confidence
    for why the shipped model does not), else it is what an analyst's "confidence >=" filter
    should start from.
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    drop: bool
    provenance: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowModel:
        check_keys(data, {"_comment", *cls.__dataclass_fields__}, "row_confidence.json")
        if len(data["features"]) != len(data["weights"]):
            raise ModelError("row_confidence.json: as many weights as features expected")
        return cls(features=tuple(data["features"]), weights=tuple(map(float, data["weights"])),
                   bias=float(data["bias"]), threshold=float(data["threshold"]),
                   drop=bool(data["drop"]), provenance=dict(data["provenance"]))

    def to_dict(self) -> dict[str, Any]:
        return {"_comment": f"Learned row confidence (pipeline/row_confidence.py). Re-create "
                            f"with: {TRAIN_COMMAND}",
                "features": list(self.features), "weights": list(self.weights),
                "bias": self.bias, "threshold": self.threshold, "drop": self.drop,
                "provenance": self.provenance}

    def __post_init__(self) -> None:
        object.__setattr__(self, "_weight", dict(zip(self.features, self.weights, strict=True)))

    def probability(self, features: dict[str, float]) -> float:
        """P(row right): the row's confidence."""
        return _sigmoid(self.bias, self._weight, features)  # type: ignore[attr-defined]

    def keeps(self, probability: float) -> bool:
        """Whether a row of this confidence stays."""
        return not self.drop or probability >= self.threshold


def _sigmoid(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = bias + sum(weights[k] * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@cache
def row_model() -> RowModel:
    """The shipped model; its features must be the code's (else re-train it)."""
    model = RowModel.from_dict(read_json_file(MODEL_PATH))
    if model.features != feature_names():
        raise ModelError(f"{MODEL_PATH}: its features are not the code's; re-train it with "
                         f"{TRAIN_COMMAND}")
    return model
