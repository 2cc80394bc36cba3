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

    row_id: str
    row_type: RowType
    article_id: str
    source: str
    title: str | None = None
    published: dt.date | None = None
    disease: str | None = None
    drug: str | None = None
    drug_mention: str | None = None
    drug_status: DrugStatus | None = None
    procedure: str | None = None
    arm: str | None = None
    cohort_size: int | None = Field(default=None, ge=0)
    outcome: Outcome | None = None
    outcome_mention: str | None = None
    event_count: int | None = Field(default=None, ge=0)
    event_percent: float | None = Field(default=None, ge=0, le=100)
    followup_months: float | None = Field(default=None, ge=0)
    study_design: StudyDesign | None = None
    country: str | None = None
    citation: str | None = None
    summary: str
    sentence: str
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    confidence: float = Field(ge=0, le=1)
    extracted_at: dt.datetime
    pipeline_version: str


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


EVIDENCE_COLUMNS: tuple[str, ...] = tuple(EvidenceRow.model_fields)
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
