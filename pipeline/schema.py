"""The output contract: row models, column order, vocabularies and schema version.

This module is the only place they are defined. Writers, the loader, gold files and
docs all derive from it (see ../shared/DESIGN.md, "Output contract").
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, create_model

SCHEMA_VERSION = "1"

RowType = Literal["outcome", "cohort"]
DrugStatus = Literal["received", "continued", "discontinued", "not_received"]
Outcome = Literal[
    "recurrence",
    "progression",
    "response",
    "complete_response",
    "partial_response",
    "stable_disease",
    "remission",
    "death",
    "survival",
    "overall_survival",
    "progression_free_survival",
    "disease_free_survival",
    "adverse_event",
    "other",
]
StudyDesign = Literal[
    "randomized_trial",
    "nonrandomized_trial",
    "single_arm_trial",
    "prospective_cohort",
    "retrospective_cohort",
    "case_series",
    "meta_analysis",
    "other",
]
ArticleStatus = Literal["ok", "rejected"]

ROW_TYPES: tuple[str, ...] = get_args(RowType)
DRUG_STATUSES: tuple[str, ...] = get_args(DrugStatus)
OUTCOMES: tuple[str, ...] = get_args(Outcome)
STUDY_DESIGNS: tuple[str, ...] = get_args(StudyDesign)
ARTICLE_STATUSES: tuple[str, ...] = get_args(ArticleStatus)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Citation(_Record):
    """A study reference parsed from the article ("Reference: ...", journal citation)."""

    raw: str
    authors: tuple[str, ...] = ()
    title: str | None = None
    journal: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None

    def short(self) -> str:
        """Short form for the evidence table: 'Rutkowski P et al. J Surg Oncol 2006;93:304-311'."""
        parts: list[str] = []
        if self.authors:
            parts.append(self.authors[0] + (" et al." if len(self.authors) > 1 else "."))
        if self.journal:
            parts.append(self.journal)
        locator = ""
        if self.year:
            locator = str(self.year)
            if self.volume:
                locator += f";{self.volume}"
                if self.issue:
                    locator += f"({self.issue})"
                if self.pages:
                    locator += f":{self.pages}"
        if locator:
            parts.append(locator)
        if self.doi:
            parts.append(f"doi:{self.doi}")
        return " ".join(parts) if parts else self.raw


class EvidenceRow(_Record):
    """One row of evidence.csv: an (article, cohort/arm, outcome) triple, or a cohort alone."""

    row_id: str = Field(
        description="Stable hash of the article and the row's identity: re-runs give the same id.",
        examples=["8ee46717a7a8691c"])
    row_type: RowType = Field(
        description="'outcome': a count of patients with an outcome; 'cohort': a group of "
                    "patients stated without an outcome.", examples=["outcome"])
    article_id: str = Field(
        description="Stable hash of the article's canonical URL (or of its input path).",
        examples=["1cff4fcc938e1750"])
    source: str = Field(description="The URL, or the input path as given.",
                        examples=["https://news.example.org/gist-surgery"])
    title: str | None = Field(default=None, description="Article title.",
                              examples=["Surgery During Gleevec Therapy May Benefit Patients"])
    published: dt.date | None = Field(default=None, description="Publication date (ISO).",
                                      examples=["2006-04-12"])
    disease: str | None = Field(default=None, description="The cancer or condition the "
                                "article's population has, normalised "
                                "(models/lexicons/diseases.jsonl); in a report on several "
                                "trials, the row's trial's.",
                                examples=["gastrointestinal stromal tumor"])
    drug: str | None = Field(default=None, description="Generic name, lower case; combinations "
                             "sorted and joined with ' + '.", examples=["imatinib"])
    drug_mention: str | None = Field(default=None, description="The words the text used for "
                                     "the drug.", examples=["Gleevec"])
    drug_status: DrugStatus | None = Field(default=None, description="What the group did with "
                                           "the drug.", examples=["continued"])
    procedure: str | None = Field(default=None, description="A procedure the group had.",
                                  examples=["surgery"])
    arm: str | None = Field(default=None, description="Arm or group label as the text gives it; "
                            "subgroups after a comma.", examples=["Group 1, next 19"])
    cohort_size: int | None = Field(default=None, ge=0, description="Number of patients in the "
                                    "group.", examples=[19])
    outcome: Outcome | None = Field(default=None, description="Outcome, normalised; empty on "
                                    "cohort rows.", examples=["recurrence"])
    outcome_mention: str | None = Field(default=None, description="The words the text used for "
                                        "the outcome.", examples=["cancer recurrence"])
    event_count: int | None = Field(default=None, ge=0, description="Patients of the group who "
                                    "had the outcome.", examples=[1])
    event_percent: float | None = Field(default=None, ge=0, le=100, description="Percentage as "
                                        "stated, else 100 * event_count / cohort_size to one "
                                        "decimal.", examples=[5.3])
    followup_months: float | None = Field(default=None, ge=0, description="Follow-up (median "
                                          "when stated), in months.", examples=[12.0])
    study_design: StudyDesign | None = Field(default=None, description="Study design when the "
                                             "article states it.", examples=["randomized_trial"])
    country: str | None = Field(default=None, description="Country where the study was done.",
                                examples=["Poland"])
    citation: str | None = Field(default=None, description="Short form of the cited study.",
                                 examples=["Rutkowski P et al. Journal of Surgical Oncology "
                                           "2006;93:304-311"])
    summary: str = Field(description="The row in one sentence.",
                         examples=["19 continued imatinib, 1 recurrence"])
    sentence: str = Field(description="The sentence of the cleaned article the row comes from.",
                          examples=["The next 19 patients in Group 1 did continue Gleevec after "
                                    "surgery, and only one experienced a cancer recurrence."])
    char_start: int = Field(ge=0, description="Offset of the sentence in the cleaned text.",
                            examples=[1740])
    char_end: int = Field(ge=0, description="End offset of the sentence in the cleaned text.",
                          examples=[1853])
    confidence: float = Field(ge=0, le=1, description="Learned probability that the row is "
                              "right (cohort size, outcome, event count and drug), calibrated "
                              "on the tune gold (pipeline.row_confidence).",
                              examples=[0.93])
    extracted_at: dt.datetime = Field(description="When the row was extracted (UTC).",
                                      examples=["2026-11-26T23:41:28Z"])
    pipeline_version: str = Field(description="onco-evidence version that extracted the row.",
                                  examples=["0.1.0"])


class ArticleRecord(_Record):
    """One row of articles.csv: what was learnt about an input, or why it was rejected."""

    article_id: str
    source: str
    url: str | None = None
    status: ArticleStatus
    reject_reason: str | None = None
    title: str | None = None
    published: dt.date | None = None
    authors: str | None = None
    site_name: str | None = None
    disease: str | None = None
    drugs: str | None = None
    country: str | None = None
    followup_months: float | None = None
    study_design: StudyDesign | None = None
    citation: str | None = None
    citation_authors: str | None = None
    citation_title: str | None = None
    citation_journal: str | None = None
    citation_year: int | None = None
    citation_volume: str | None = None
    citation_issue: str | None = None
    citation_pages: str | None = None
    citation_doi: str | None = None
    citation_pmid: str | None = None
    n_outcome_rows: int = 0
    n_cohort_rows: int = 0
    n_chars: int = 0
    content_sha256: str | None = None
    extracted_at: dt.datetime
    pipeline_version: str


class RejectRecord(_Record):
    """One row of rejects.csv: an input that yielded no article, and why."""

    source: str
    article_id: str
    reason: str
    run_id: str | None = None
    rejected_at: dt.datetime
    pipeline_version: str


EVIDENCE_COLUMNS: tuple[str, ...] = tuple(EvidenceRow.model_fields)
REJECT_COLUMNS: tuple[str, ...] = tuple(RejectRecord.model_fields)
ARTICLE_COLUMNS: tuple[str, ...] = tuple(ArticleRecord.model_fields)

# Columns whose values come from a closed vocabulary (categoricals in pandas).
EVIDENCE_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "row_type": ROW_TYPES,
    "drug_status": DRUG_STATUSES,
    "outcome": OUTCOMES,
    "study_design": STUDY_DESIGNS,
}


# --------------------------------------------------------------------------- gold files
# Gold annotations (corpora/**/*.gold.json) use the same models, minus what a run decides
# (ids, provenance offsets, timestamps, version, the extractor's own confidence).

GOLD_ROW_EXCLUDED = frozenset({"row_id", "article_id", "source", "char_start", "char_end",
                               "confidence", "extracted_at", "pipeline_version"})
GOLD_ARTICLE_EXCLUDED = frozenset({"article_id", "source", "status", "reject_reason",
                                   "n_outcome_rows", "n_cohort_rows", "n_chars",
                                   "content_sha256", "extracted_at", "pipeline_version"})


def _subset_model(name: str, model: type[BaseModel], excluded: frozenset[str]) -> type[BaseModel]:
    fields: dict[str, Any] = {
        field: (info.annotation, info)
        for field, info in model.model_fields.items() if field not in excluded
    }
    return create_model(name, __base__=_Record, **fields)


GoldRow = _subset_model("GoldRow", EvidenceRow, GOLD_ROW_EXCLUDED)
GoldArticle = _subset_model("GoldArticle", ArticleRecord, GOLD_ARTICLE_EXCLUDED)


class GoldFile(_Record):
    """One gold file: the input it annotates (relative to the file), the article, the rows."""

    input: str
    article: GoldArticle  # type: ignore[valid-type]
    rows: tuple[GoldRow, ...]  # type: ignore[valid-type]


# A stress case is scored on the fields a row is matched on (pipeline.evaluate), and holds no more.
CASE_ROW_FIELDS = ("row_type", "cohort_size", "outcome", "event_count", "drug")
CaseRow = _subset_model("CaseRow", EvidenceRow,
                        frozenset(EvidenceRow.model_fields) - set(CASE_ROW_FIELDS))


class StressCase(_Record):
    """A short invented passage that varies one thing against the other cases of its group
    (``varies`` says what), and the rows a careful reader finds in it."""

    id: str
    varies: str
    text: str
    rows: tuple[CaseRow, ...]  # type: ignore[valid-type]


class CaseFile(_Record):
    """A stress set (``corpora/stress/<area>.cases.json``): cases that test one area of the
    extraction against variation in wording."""

    comment: str = Field(alias="_comment")
    cases: tuple[StressCase, ...]


class SnippetFile(_Record):
    """Cleaning gold for one HTML page (``<page>.snippets.json``): what the cleaned text must
    and must not contain, and the metadata a good cleaner reports."""

    input: str
    template: str = Field(description="The site template the page belongs to.")
    title: str | None = None
    published: dt.date | None = None
    authors: tuple[str, ...] = ()
    must: tuple[str, ...] = Field(description="Article text that must survive cleaning.")
    must_not: tuple[str, ...] = Field(description="Chrome text that must not survive cleaning.")
