"""Writers for evidence.csv / evidence.parquet / articles.csv, and ``load_evidence``.

Every file is written to a temporary file beside its target and renamed into place, so a
crash never leaves half a file. Column order, dtypes and vocabularies come from schema.py.
"""

from __future__ import annotations

import os
import re
import tempfile
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pandera
import pyarrow as pa
import pyarrow.parquet as pq
from annotated_types import Ge, Le
from pandera.errors import SchemaError as PanderaError
from pandera.errors import SchemaErrors as PanderaErrors

from .errors import SchemaError
from .report import ArticleText, render_report
from .schema import (
    ARTICLE_COLUMNS,
    EVIDENCE_COLUMNS,
    EVIDENCE_VOCABULARIES,
    REJECT_COLUMNS,
    ArticleRecord,
    EvidenceRow,
    RejectRecord,
)

_INT_COLUMNS = ("cohort_size", "event_count", "char_start", "char_end")
_FLOAT_COLUMNS = ("event_percent", "followup_months", "confidence")
_DATE_COLUMNS = ("published",)
_DATETIME_COLUMNS = ("extracted_at",)

_PARQUET_SCHEMA = pa.schema([
    (name, pa.int64() if name in _INT_COLUMNS
     else pa.float64() if name in _FLOAT_COLUMNS
     else pa.date32() if name in _DATE_COLUMNS
     else pa.timestamp("s", tz="UTC") if name in _DATETIME_COLUMNS
     else pa.string())
    for name in EVIDENCE_COLUMNS
])


#: Every file write_outputs may write.
OUTPUT_FILES = ("evidence.csv", "evidence.parquet", "articles.csv", "rejects.csv", "report.html",
                "evidence.jsonl")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def remove_stale_temporaries(out_dir: Path) -> None:
    """Delete the temporary files a writer killed mid-write (SIGKILL, power loss) left
    beside its target; the targets themselves were never touched."""
    for name in OUTPUT_FILES:
        for stale in out_dir.glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)


def evidence_frame(rows: Iterable[EvidenceRow]) -> pd.DataFrame:
    """The rows as a typed DataFrame in contract column order."""
    records = [row.model_dump() for row in rows]
    frame = pd.DataFrame.from_records(records, columns=list(EVIDENCE_COLUMNS))
    return _typed(frame)


def articles_frame(records: Iterable[ArticleRecord]) -> pd.DataFrame:
    data = [r.model_dump() for r in records]
    frame = pd.DataFrame.from_records(data, columns=list(ARTICLE_COLUMNS))
    for col in ("citation_year", "n_outcome_rows", "n_cohort_rows", "n_chars"):
        frame[col] = frame[col].astype("Int64")
    frame["extracted_at"] = pd.to_datetime(frame["extracted_at"], utc=True)
    return frame


def rejects_frame(rejects: Iterable[RejectRecord]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records([r.model_dump() for r in rejects],
                                      columns=list(REJECT_COLUMNS))
    frame["rejected_at"] = pd.to_datetime(frame["rejected_at"], utc=True)
    return frame


def rejects_of(records: Iterable[ArticleRecord], run_id: str | None = None) -> list[RejectRecord]:
    """The reject records of the rejected articles of a batch."""
    return [RejectRecord(source=r.source, article_id=r.article_id, reason=r.reject_reason or "",
                         run_id=run_id, rejected_at=r.extracted_at,
                         pipeline_version=r.pipeline_version)
            for r in records if r.status == "rejected"]


# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_GUARD = "'"


def _needs_guard(value: str) -> bool:
    if value[:1] in _FORMULA_START:
        return not _NUMBER.match(value)  # "-5" stays a number
    return value[:1] == _GUARD and len(value) > 1 and _needs_guard(value[1:])


def neutralize(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and _needs_guard(value):
        return _GUARD + value
    return value


def unneutralize(value: object) -> object:
    """Undo ``neutralize`` (what load_evidence does on CSV input)."""
    if isinstance(value, str) and value[:1] == _GUARD and _needs_guard(value[1:]):
        return value[1:]
    return value


def write_csv(frame: pd.DataFrame, target: Path) -> Path:
    """RFC 4180 CSV: UTF-8, CRLF, quotes where needed, empty cells for unknowns, ISO dates,
    and text cells that a spreadsheet would run as a formula neutralised."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif pd.api.types.is_datetime64_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        elif col in _DATE_COLUMNS:
            out[col] = out[col].map(lambda d: d.isoformat() if pd.notna(d) else None)
        elif not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].astype(object).map(neutralize)
    with atomic_path(target) as tmp:
        out.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\r\n")
    return target


def write_parquet(frame: pd.DataFrame, target: Path) -> Path:
    table = pa.Table.from_pandas(_for_arrow(frame), schema=_PARQUET_SCHEMA, preserve_index=False)
    with atomic_path(target) as tmp:
        pq.write_table(table, tmp)
    return target


def write_jsonl(rows: Iterable[EvidenceRow], target: Path) -> Path:
    """One JSON object per row, in contract column order."""
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(row.model_dump_json() + "\n")
    return target


def write_report(rows: Sequence[EvidenceRow], records: Sequence[ArticleRecord],
                 target: Path, *, texts: Mapping[str, ArticleText] | None = None,
                 rejects: Sequence[RejectRecord] | None = None) -> Path:
    """The curator review page (pipeline.report): the run overview, each article's text with
    its highlights, its rows linked to their sentences, filters and accept/reject buttons."""
    page = render_report(rows, records, texts=texts, rejects=rejects)
    with atomic_path(target) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return target


def write_outputs(rows: Sequence[EvidenceRow], records: Sequence[ArticleRecord],
                  out_dir: Path, *, rejects: Sequence[RejectRecord] | None = None,
                  jsonl: bool = False,
                  texts: Mapping[str, ArticleText] | None = None) -> dict[str, Path]:
    """evidence.csv, evidence.parquet, articles.csv, rejects.csv, report.html (and
    evidence.jsonl on request) in ``out_dir``. ``texts`` (by article id, from
    ``pipeline.report.texts_of`` or ``Store.article_texts``) lets the report show each
    article's text with its highlights."""
    out_dir = Path(out_dir)
    remove_stale_temporaries(out_dir)
    evidence = evidence_frame(rows)
    rejects = rejects if rejects is not None else rejects_of(records)
    written = {
        "evidence.csv": write_csv(evidence, out_dir / "evidence.csv"),
        "evidence.parquet": write_parquet(evidence, out_dir / "evidence.parquet"),
        "articles.csv": write_csv(articles_frame(records), out_dir / "articles.csv"),
        "rejects.csv": write_csv(rejects_frame(rejects), out_dir / "rejects.csv"),
        "report.html": write_report(rows, records, out_dir / "report.html", texts=texts,
                                    rejects=rejects),
    }
    if jsonl:
        written["evidence.jsonl"] = write_jsonl(rows, out_dir / "evidence.jsonl")
    return written


def load_evidence(path: str | Path) -> pd.DataFrame:
    """evidence.csv, evidence.parquet or evidence.jsonl as a typed, validated DataFrame.

    Counts are nullable Int64, vocabularies categoricals, ``published`` a datetime64 day and
    ``extracted_at`` a UTC datetime. The frame is validated with the pandera schema derived
    from pipeline.schema; a file off the contract raises SchemaError.
    """
    path = Path(path)
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    elif path.suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                            encoding="utf-8")
        frame = frame.map(unneutralize)
    elif path.suffix == ".jsonl":
        frame = pd.read_json(path, lines=True, dtype=False)
        frame = frame.reindex(columns=list(EVIDENCE_COLUMNS)) if len(frame) else \
            pd.DataFrame(columns=list(EVIDENCE_COLUMNS))
    else:
        raise SchemaError(f"{path}: expected a .csv, .parquet or .jsonl evidence file")
    if list(frame.columns) != list(EVIDENCE_COLUMNS):
        raise SchemaError(f"{path}: columns {list(frame.columns)} are not the contract's "
                          f"{list(EVIDENCE_COLUMNS)}")
    typed = _typed(frame)
    try:
        return evidence_schema().validate(typed, lazy=True)
    except (PanderaErrors, PanderaError) as e:
        raise SchemaError(f"{path}: {_first_failures(e)}") from e


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for col in _INT_COLUMNS:
        frame[col] = pd.to_numeric(frame[col]).astype("Int64")
    for col in _FLOAT_COLUMNS:
        frame[col] = pd.to_numeric(frame[col]).astype("Float64")
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[s]")
    frame["extracted_at"] = pd.to_datetime(frame["extracted_at"], utc=True).astype(
        "datetime64[s, UTC]")
    for col, values in EVIDENCE_VOCABULARIES.items():
        unknown = set(frame[col].dropna().unique()) - set(values)
        if unknown:
            raise SchemaError(f"{col} has values outside its vocabulary: {sorted(unknown)}")
        frame[col] = pd.Categorical(frame[col], categories=list(values))
    for col in _TEXT_COLUMNS:
        frame[col] = frame[col].astype("string")
    return frame


_TEXT_COLUMNS = tuple(c for c in EVIDENCE_COLUMNS
                      if c not in _INT_COLUMNS + _FLOAT_COLUMNS + _DATE_COLUMNS
                      + _DATETIME_COLUMNS and c not in EVIDENCE_VOCABULARIES)


@cache
def evidence_schema() -> pandera.DataFrameSchema:
    """The pandera schema of a loaded evidence table, derived from pipeline.schema."""
    columns: dict[str, pandera.Column] = {}
    for name, info in EvidenceRow.model_fields.items():
        if name in EVIDENCE_VOCABULARIES:
            dtype: object = pd.CategoricalDtype(list(EVIDENCE_VOCABULARIES[name]))
        elif name in _INT_COLUMNS:
            dtype = "Int64"
        elif name in _FLOAT_COLUMNS:
            dtype = "Float64"
        elif name in _DATE_COLUMNS:
            dtype = "datetime64[s]"
        elif name in _DATETIME_COLUMNS:
            dtype = pd.DatetimeTZDtype("s", "UTC")
        else:
            dtype = "string"
        checks = [pandera.Check.ge(m.ge) for m in info.metadata if isinstance(m, Ge)]
        checks += [pandera.Check.le(m.le) for m in info.metadata if isinstance(m, Le)]
        nullable = not info.is_required() or type(None) in typing.get_args(info.annotation)
        columns[name] = pandera.Column(dtype, checks, nullable=nullable, unique=name == "row_id")
    return pandera.DataFrameSchema(columns, strict=True, ordered=True, checks=[
        pandera.Check(lambda f: (f["row_type"] != "outcome") | f["outcome"].notna(),
                      name="outcome rows have an outcome"),
        pandera.Check(lambda f: (f["row_type"] != "cohort") | f["outcome"].isna(),
                      name="cohort rows have no outcome"),
        pandera.Check(lambda f: ~(f["event_count"] > f["cohort_size"]).fillna(False).astype(bool),
                      name="event_count <= cohort_size"),
        pandera.Check(lambda f: (f["char_start"] <= f["char_end"]).fillna(True).astype(bool),
                      name="char_start <= char_end"),
    ])


def _first_failures(error: Exception) -> str:
    cases = getattr(error, "failure_cases", None)
    if cases is None or not len(cases):
        return str(error).splitlines()[0]
    found = cases.head(5)[["column", "check", "failure_case"]].to_dict(orient="records")
    return f"{len(cases)} failures, first: {found}"


def _for_arrow(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in EVIDENCE_VOCABULARIES:
        out[col] = out[col].astype("string")
    out["published"] = out["published"].dt.date
    return out
