"""Doc to rows: the cohorts and outcome counts of an article as evidence rows.

``extract`` is the public entry point: a cleaned article in, evidence rows out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .clean import CleanArticle
from .data import read_json_file
from .nlp import load_pipeline
from .nlp.cohorts import CUES_KEY
from .nlp.conditions import (
    ConditionRules,
    condition_starts,
    coordinated_names,
    find_condition,
    instrument_diseases,
    long_form_names,
    name_key,
    population_condition,
    population_weight,
    subtype_name,
)
from .nlp.lexicons import CountryEntry, DiseaseEntry, read_lexicon
from .nlp.numbers import SPANS_KEY as NUMBERS_KEY
from .normalize import summarize
from .report import doc_highlights
from .row_confidence import RowModel, row_features, row_model
from .schema import ArticleRecord, EvidenceRow
from .settings import MODELS_DIR, PIPELINE_VERSION


@dataclass(frozen=True)
class ArticleFacts:
    """What holds for the whole article rather than for one row."""

    disease: str | None
    #: (start_char, disease) where each trial of a report on several trials starts: its rows
    #: get that trial's disease (empty for an article on one disease).
    trial_diseases: tuple[tuple[int, str], ...]
    drugs: tuple[str, ...]
    country: str | None
    followup_months: float | None
    study_design: str | None


@dataclass(frozen=True)
class ArticleResult:
    """One input's outcome: its articles.csv record and its evidence rows."""

    record: ArticleRecord
    rows: tuple[EvidenceRow, ...] = ()
    #: Why nothing was extracted again, when the input is as stored: "not-modified" (the
    #: server answered 304, or a file's bytes hash as before: not cleaned either) or
    #: "same-text" (the cleaned text hashes as before). ``record``
    #: is then the stored one and ``rows`` is empty: the store keeps what it has.
    unchanged: str | None = None
    #: The page's validators, kept for next time: HTTP ETag and Last-Modified for a
    #: conditional request; for a file, the hash of its bytes as a strong ETag.
    etag: str | None = None
    last_modified: str | None = None
    #: The cleaned text the rows' offsets point into, and what the pipeline found in it as
    #: (start_char, end_char, label) spans: what the review report shows (pipeline.report).
    text: str = ""
    highlights: tuple[tuple[int, int, str], ...] = ()


def stable_id(*parts: object) -> str:
    """A short, stable hash of the parts (article and row identities)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_id(article: CleanArticle) -> str:
    """Hash of the canonical URL, or of the source path when the page has none."""
    return stable_id(article.url or article.source or article.content_sha256)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def extract(article: CleanArticle, *, nlp: Language | None = None,
            extracted_at: dt.datetime | None = None) -> list[EvidenceRow]:
    """The evidence rows of one cleaned article."""
    return list(analyse(article, nlp=nlp, extracted_at=extracted_at).rows)


def analyse(article: CleanArticle, *, nlp: Language | None = None,
            extracted_at: dt.datetime | None = None) -> ArticleResult:
    """Run the NLP stage on an article and build its rows and its articles.csv record."""
    nlp = nlp or load_pipeline()
    extracted_at = extracted_at or now_utc()
    doc = nlp(article.text)
    facts = article_facts(doc)
    rows = build_rows(doc, article, facts, extracted_at) if reports_a_study(doc, facts) else []
    citation = article.citation
    record = ArticleRecord(
        article_id=article_id(article), source=article.source or article.url or "",
        url=article.url, status="ok", title=article.title, published=article.published,
        authors="; ".join(article.authors) or None, site_name=article.site_name,
        disease=facts.disease, drugs="; ".join(facts.drugs) or None, country=facts.country,
        followup_months=facts.followup_months, study_design=facts.study_design,
        citation=citation.short() if citation else None,
        citation_authors="; ".join(citation.authors) or None if citation else None,
        citation_title=citation.title if citation else None,
        citation_journal=citation.journal if citation else None,
        citation_year=citation.year if citation else None,
        citation_volume=citation.volume if citation else None,
        citation_issue=citation.issue if citation else None,
        citation_pages=citation.pages if citation else None,
        citation_doi=citation.doi if citation else None,
        citation_pmid=citation.pmid if citation else None,
        n_outcome_rows=sum(r.row_type == "outcome" for r in rows),
        n_cohort_rows=sum(r.row_type == "cohort" for r in rows),
        n_chars=len(article.text), content_sha256=article.content_sha256,
        extracted_at=extracted_at, pipeline_version=PIPELINE_VERSION,
    )
    return ArticleResult(record=record, rows=tuple(rows), text=article.text,
                         highlights=doc_highlights(doc))


# --------------------------------------------------------------------------- article facts


def reports_a_study(doc: Doc, facts: ArticleFacts) -> bool:
    """Whether the text names a treatment, a disease, a study design or a labelled arm.

    Evidence is about one of them: a page that names none (general news, a recipe, a shop)
    gives no rows, however many "N people" it counts. A treatment may be known only as
    what a group was assigned ("90 adults received zoliflodacin").
    """
    return bool(facts.drugs or facts.disease or facts.study_design
                or any(c.label_ in {"ARM", "DESIGN"} for c in doc.spans.get(CUES_KEY, []))
                or any(group.get("drug") for group in (doc._.onco_cohorts or []))
                or any(event.get("drug") for event in (doc._.onco_events or [])))


def article_facts(doc: Doc) -> ArticleFacts:
    """Disease, drugs, country, follow-up and design stated in the article."""
    sents = list(doc.sents)
    cues = doc.spans.get(CUES_KEY, [])
    mentions = _disease_mentions(doc)
    return ArticleFacts(
        disease=_article_disease(doc, mentions),
        trial_diseases=_trial_diseases(doc, mentions),
        drugs=tuple(sorted({part for e in doc.ents if e.label_ == "DRUG" and e.id_
                            for part in e.id_.split(" + ")})),
        country=_study_country(doc, sents, cues),
        followup_months=_followup_months(doc, cues),
        study_design=next((c.id_ for c in cues if c.label_ == "DESIGN"), None),
    )


@cache
def _condition_rules() -> ConditionRules:
    return ConditionRules.from_dict(read_json_file(MODELS_DIR / "rules" / "conditions.json"))


@cache
def _disease_entries() -> tuple[DiseaseEntry, ...]:
    return tuple(read_lexicon(MODELS_DIR / "lexicons" / "diseases.jsonl", DiseaseEntry))


@cache
def _generic_diseases() -> frozenset[str]:
    return frozenset(e.name for e in _disease_entries() if e.generic)


@cache
def _disease_names() -> dict[str, str]:
    """Every name, synonym and short form of the lexicon by its key (conditions.name_key)."""
    return {name_key(term): e.name for e in _disease_entries()
            for term in (e.name, *e.synonyms, *e.abbreviations)}


@cache
def _disease_words() -> frozenset[str]:
    """The words the lexicon's disease names are made of, as written ("mantle", "myeloid",
    "Hodgkin"), but for those that tie words together or count them (conditions.json)."""
    rules = _condition_rules()
    words = {word for e in _disease_entries() for term in (e.name, *e.synonyms)
             for word in term.split()}  # as written: "acute", "Hodgkin"
    return frozenset(w for w in words if w.lower() not in rules.name_breaks
                     and w.lower() not in rules.stage_words and w.lower() not in rules.leading_words)


#: A cancer (DISEASE) or a condition outside oncology (CONDITION), both from diseases.jsonl.
_DISEASE_LABELS = frozenset({"DISEASE", "CONDITION"})


def _disease_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """(token, weight, name) of every disease named: lexicon entities and scores.

    A disease named in the phrase that defines the population weighs more than one named in
    passing (pipeline.nlp.conditions.population_weight); a subtype written around stage
    words is named as the lexicon names it ("HR+, HER2- advanced breast cancer"), a short
    form as its long form names it ("IIH"), words joined to a disease as the diseases they
    name with its last words ("gastric or GEJ adenocarcinoma"); a disease-specific score
    ("ACR20") names its disease once.
    """
    rules = _condition_rules()
    starts = condition_starts(doc, rules)
    long_forms = long_form_names(doc, _DISEASE_LABELS, _disease_names(), rules, _disease_words())
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in _DISEASE_LABELS or not ent.id_:
            continue
        name, first = subtype_name(doc, ent.start, ent.end, ent.id_, _disease_names(), rules,
                                   generic=ent.id_ in _generic_diseases(),
                                   name_words=_disease_words())
        name = long_forms.get(ent.text, name)
        while spans and spans[-1][0] >= first:
            spans.pop()  # "gastroesophageal junction (GEJ) adenocarcinoma" is one mention
        spans += [(at, ent.end, other)
                  for at, other in coordinated_names(doc, first, ent.end, _disease_names(), rules)]
        spans.append((first, ent.end, name))
    mentions = [(first, population_weight(doc, first, end, starts, rules), name)
                for first, end, name in spans]
    return mentions + [(len(doc), 1, name) for name in instrument_diseases(doc, rules)]


def _article_disease(doc: Doc, mentions: list[tuple[int, int, str]]) -> str | None:
    """The lexicon disease the article is about, or the condition its population phrase names.

    A lexicon disease that no population phrase names ("14 had tinnitus", "44% had
    hypertension") is an event or a comorbidity when the population is described by a
    condition the lexicon lacks ("adults with chronic prostatitis"): that phrase is the
    article's disease.
    """
    rules = _condition_rules()
    main = _main_disease(mentions)
    if any(weight > 1 for _, weight, _ in mentions):
        return main
    found = population_condition(doc, rules)
    if found and name_key(found[0]) not in _disease_names() \
            and not _named_with_a_population(doc, mentions, main, rules):
        return found[0]
    return main or find_condition(doc, rules)


def _named_with_a_population(doc: Doc, mentions: list[tuple[int, int, str]], name: str | None,
                             rules: ConditionRules) -> bool:
    """Whether the disease ``name`` is named in a sentence that describes a population
    ("patients with anaemia and metastatic melanoma")."""
    sents = {doc[s].sent.start for s in condition_starts(doc, rules) if s < len(doc)}
    return any(doc[t].sent.start in sents for t, _, n in mentions if n == name and t < len(doc))


def _main_disease(mentions: list[tuple[int, int, str]]) -> str | None:
    """The most weighted specific disease (generic ones such as 'carcinoma' only as fallback)."""
    weights: Counter[str] = Counter()
    # Population phrases first: a tie goes to the disease whose population is described
    # first (the first trial of a conference report), then to the first named.
    for _, weight, name in sorted(mentions, key=lambda m: m[1] == 1):
        weights[name] += weight
    specific = Counter({k: w for k, w in weights.items() if k not in _generic_diseases()})
    counts = specific or weights
    if not counts:
        return None
    main = max(counts, key=counts.__getitem__)  # first of the most weighted (dicts keep order)
    # "ovarian cancer" named often, "high-grade serous ovarian cancer" once: the subtype
    # the article studies is the more specific name of the same organ's disease.
    narrower = [i for i in counts if len(i) > len(main)
                and (main in i or i.split()[0] == main.split()[0])]
    return max(narrower, key=len) if narrower else main


def _trial_diseases(doc: Doc, mentions: list[tuple[int, int, str]]) -> tuple[tuple[int, str], ...]:
    """Where each trial of a report on several trials starts, by its population's disease.

    A conference report or news round-up describes one trial after another, each with its
    own population ("200 patients with resected Merkel cell carcinoma", then "patients with
    metastatic urothelial carcinoma"): when unrelated specific diseases each define a
    population and are named again elsewhere, a row belongs to the last one defined before it.
    Diseases that define a population in one sentence are one trial's.
    """
    weights: Counter[str] = Counter()
    for _, weight, name in mentions:
        weights[name] += weight
    rules = _condition_rules()
    defined = [(doc[token].sent.start_char, name) for token, weight, name in mentions
               if weight > 1 and name not in _generic_diseases()
               and weights[name] > rules.population_weight]
    names = list(dict.fromkeys(name for _, name in defined))
    related = any(a in b or a.split()[0] == b.split()[0] for a in names for b in names if a != b)
    # "patients with mycosis fungoides or Sézary syndrome": one population of two diseases
    one_population = any(a != b and at == bt for at, a in defined for bt, b in defined)
    return tuple(defined) if len(names) > 1 and not related and not one_population else ()


def _study_country(doc: Doc, sents: list[Span], cues: Any) -> str | None:
    """The countries named where the study is described (researchers, patients counted).

    A country is named ("in Germany and Austria") or described ("at 14 Dutch centres", "a
    Canadian trial": a demonym before a common noun, not in a name like "the American
    Society of ..."). The most named country wins, with the others its sentence names
    ("Germany; Austria").
    """
    study_sents = {_sent_index(sents, c.start) for c in cues if c.label_ == "STUDY_ACTOR"}
    study_sents |= {c["sent"] for c in doc._.onco_cohorts or []}
    found = [(e.start, e.id_) for e in doc.ents
             if e.label_ == "COUNTRY" and _sent_index(sents, e.start) in study_sents]
    demonyms = _demonyms()
    for n in sorted(study_sents):
        if 0 <= n < len(sents):
            found += [(t.i, demonyms[t.lower_]) for t in sents[n][:-1]
                      if t.lower_ in demonyms and t.is_title and doc[t.i + 1].is_lower]
    if not found:
        return None
    found.sort()
    top = Counter(name for _, name in found).most_common(1)[0][0]
    sent = _sent_index(sents, next(i for i, name in found if name == top))
    named = [name for i, name in found if _sent_index(sents, i) == sent]
    return "; ".join(dict.fromkeys(named))


@cache
def _demonyms() -> dict[str, str]:
    return {d.lower(): c.name
            for c in read_lexicon(MODELS_DIR / "lexicons" / "countries.jsonl", CountryEntry)
            for d in c.demonyms}


def _sent_index(sents: list[Span], token_i: int) -> int:
    for n, sent in enumerate(sents):
        if sent.start <= token_i < sent.end:
            return n
    return -1


def _followup_months(doc: Doc, cues: Any) -> float | None:
    """'followed for a median of 12 months', 'median follow-up of 2.5 years' -> months."""
    numbers = doc.spans.get(NUMBERS_KEY, [])
    units = _time_units()
    for cue in cues:
        if cue.label_ != "FOLLOWUP":
            continue
        sent = doc[cue.start].sent
        for number in numbers:
            if cue.start <= number.start and number.end < sent.end:
                unit = doc[number.end].lower_
                if unit in units:
                    return round(number[0]._.num_value * units[unit], 1)
    return None


@cache
def _time_units() -> dict[str, float]:
    return dict(read_json_file(MODELS_DIR / "rules" / "numbers.json")["time_units_in_months"])


# --------------------------------------------------------------------------- rows


def build_rows(doc: Doc, article: CleanArticle, facts: ArticleFacts,
               extracted_at: dt.datetime, *, model: RowModel | None = None) -> list[EvidenceRow]:
    """Outcome rows for every event, cohort rows for every cohort stated on its own.

    Each row's confidence is the learned probability that it is right; a model that says
    ``drop`` leaves out the rows under its threshold (pipeline.row_confidence).
    """
    model = model or row_model()
    drafts = row_drafts(doc, facts)
    features = row_features(doc, drafts, disease=facts.disease)
    art_id = article_id(article)
    common = {
        "article_id": art_id,
        "source": article.source or article.url or "",
        "title": article.title,
        "published": article.published,
        "followup_months": facts.followup_months,
        "study_design": facts.study_design,
        "country": facts.country,
        "citation": article.citation.short() if article.citation else None,
        "extracted_at": extracted_at,
        "pipeline_version": PIPELINE_VERSION,
    }
    rows: list[EvidenceRow] = []
    seen: Counter[str] = Counter()
    for draft, described in zip(drafts, features, strict=True):
        fields = {k: v for k, v in draft.items() if not k.startswith("_")}
        identity = stable_id(art_id, fields["row_type"], fields["cohort_size"], fields["arm"],
                             fields["drug"], fields["drug_status"], fields["procedure"],
                             fields["outcome"], fields["event_count"])
        seen[identity] += 1  # counted over every draft: a dropped row shifts no other's id
        probability = model.probability(described)
        if not model.keeps(probability):
            continue
        fields["confidence"] = round(probability, 3)
        summary = summarize(cohort_size=fields["cohort_size"], drug=fields["drug"],
                            drug_status=fields["drug_status"], procedure=fields["procedure"],
                            outcome=fields["outcome"], event_count=fields["event_count"],
                            event_percent=fields["event_percent"])
        rows.append(EvidenceRow(row_id=stable_id(identity, seen[identity]), summary=summary,
                                **common, **fields))
    return rows


def row_drafts(doc: Doc, facts: ArticleFacts) -> list[dict[str, Any]]:
    """The candidate rows of a document, in text order, before the learned confidence.

    Each holds the row's own fields (no confidence yet) and, for pipeline.row_confidence,
    ``_event`` (the onco_events dict, None for a cohort row), ``_cohort``, ``_sent`` and
    ``_span`` (the sentence's index and token range).
    """
    sents = list(doc.sents)
    cohorts: list[dict[str, Any]] = doc._.onco_cohorts or []
    events: list[dict[str, Any]] = doc._.onco_events or []
    drafts: list[dict[str, Any]] = []
    for event in events:
        cohort = cohorts[event["cohort"]] if event["cohort"] is not None else {}
        if cohort and cohort["size"] < event["count"]:
            continue  # a count larger than its group was linked wrongly
        size = cohort.get("size")
        if size is None:
            # "26 cases and 11 deaths", "1 Green, 1 Red": a count out of no known group is
            # no study result (every gold row has its group's size), and on general news
            # pages, recipes and shop lists it was nearly every row found.
            continue
        fields = {
            "row_type": "outcome",
            "drug": event["drug"] or cohort.get("drug"),
            "drug_mention": event["drug_mention"] or cohort.get("drug_mention"),
            "drug_status": event["drug_status"] or cohort.get("drug_status"),
            "procedure": event["procedure"] or cohort.get("procedure"),
            "arm": cohort.get("arm"),
            "cohort_size": size,
            "outcome": event["outcome"],
            "outcome_mention": event["outcome_mention"],
            "event_count": event["count"],
            "event_percent": event["percent"] if event["percent"] is not None and
            event["percent"] <= 100 else (round(100 * event["count"] / size, 1) if size else None),
            "_event": event, "_cohort": cohort, "_sent": event["sent"],
            "_span": (sents[event["sent"]].start, sents[event["sent"]].end),
        }
        drafts.append(_with_provenance(fields, sents[event["sent"]], event["start_char"]))
    for cohort in cohorts:
        if not cohort["statement"] or not cohort["size"]:
            continue  # (a group of none, "none of them bring ...", is nobody's cohort)
        fields = {
            "row_type": "cohort",
            "drug": cohort["drug"],
            "drug_mention": cohort["drug_mention"],
            "drug_status": cohort["drug_status"],
            "procedure": cohort["procedure"],
            "arm": cohort["arm"],
            "cohort_size": cohort["size"],
            "outcome": None,
            "outcome_mention": None,
            "event_count": None,
            "event_percent": None,
            "_event": None, "_cohort": cohort, "_sent": cohort["sent"],
            "_span": (sents[cohort["sent"]].start, sents[cohort["sent"]].end),
        }
        drafts.append(_with_provenance(fields, sents[cohort["sent"]], cohort["start_char"]))
    for draft in drafts:
        draft["disease"] = next((d for at, d in reversed(facts.trial_diseases)
                                 if at <= draft["char_start"]), facts.disease)
    drafts.sort(key=lambda d: (d["_at"], d["row_type"]))
    return drafts


def _with_provenance(fields: dict[str, Any], sent: Span, at: int) -> dict[str, Any]:
    text = sent.text
    stripped = text.strip()
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return {**fields, "sentence": stripped, "char_start": start,
            "char_end": start + len(stripped), "_at": at}
