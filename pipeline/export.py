"""Writers for evidence.csv / evidence.parquet / articles.csv, and ``load_evidence``.

Every file is written to a temporary file beside its target and renamed into place, so a
crash never leaves half a file. Column order, dtypes and vocabularies come from schema.py.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import SchemaError
from .schema import (
    ARTICLE_COLUMNS,
    EVIDENCE_COLUMNS,
    EVIDENCE_VOCABULARIES,
    ArticleRecord,
    EvidenceRow,
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


def write_csv(frame: pd.DataFrame, target: Path) -> Path:
    """RFC 4180 CSV (UTF-8, CRLF, quotes where needed, empty cells for unknowns)."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif pd.api.types.is_datetime64_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        elif col in _DATE_COLUMNS:
            out[col] = out[col].map(lambda d: d.isoformat() if pd.notna(d) else None)
    with atomic_path(target) as tmp:
        out.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\r\n")
    return target


def write_parquet(frame: pd.DataFrame, target: Path) -> Path:
    table = pa.Table.from_pandas(_for_arrow(frame), schema=_PARQUET_SCHEMA, preserve_index=False)
    with atomic_path(target) as tmp:
        pq.write_table(table, tmp)
    return target


def write_report(rows: Sequence[EvidenceRow], records: Sequence[ArticleRecord],
                 target: Path) -> Path:
    """A small HTML page: each article, its rows, and the sentence each row came from."""
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<title>onco-evidence report</title><style>body{font-family:sans-serif;margin:2em}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
             "vertical-align:top}.rejected{color:#a00}</style></head><body>",
             f"<h1>onco-evidence report</h1><p>{len(records)} articles, {len(rows)} rows.</p>"]
    for record in records:
        title = html.escape(record.title or record.source)
        parts.append(f"<h2>{title}</h2><p>{html.escape(record.source)}</p>")
        if record.status == "rejected":
            reason = html.escape(record.reject_reason or "")
            parts.append(f"<p class='rejected'>Rejected: {reason}</p>")
            continue
        mine = [r for r in rows if r.article_id == record.article_id]
        parts.append("<table><tr><th>summary</th><th>type</th><th>arm</th>"
                     "<th>confidence</th><th>sentence</th></tr>")
        for row in mine:
            parts.append(
                f"<tr><td>{html.escape(row.summary)}</td><td>{row.row_type}</td>"
                f"<td>{html.escape(row.arm or '')}</td><td>{row.confidence:.2f}</td>"
                f"<td>{html.escape(row.sentence)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    with atomic_path(target) as tmp:
        tmp.write_text("\n".join(parts), encoding="utf-8")
    return target


def write_outputs(rows: Sequence[EvidenceRow], records: Sequence[ArticleRecord],
                  out_dir: Path) -> dict[str, Path]:
    """evidence.csv, evidence.parquet, articles.csv and report.html in ``out_dir``."""
    out_dir = Path(out_dir)
    evidence = evidence_frame(rows)
    return {
        "evidence.csv": write_csv(evidence, out_dir / "evidence.csv"),
        "evidence.parquet": write_parquet(evidence, out_dir / "evidence.parquet"),
        "articles.csv": write_csv(articles_frame(records), out_dir / "articles.csv"),
        "report.html": write_report(rows, records, out_dir / "report.html"),
    }


def load_evidence(path: str | Path) -> pd.DataFrame:
    """evidence.csv or evidence.parquet as a typed, validated DataFrame.

    Counts are nullable Int64, vocabularies categoricals, ``published`` a datetime64 day and
    ``extracted_at`` a UTC datetime; a file that does not match the contract raises SchemaError.
    """
    path = Path(path)
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    elif path.suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                            encoding="utf-8")
    else:
        raise SchemaError(f"{path}: expected a .csv or .parquet evidence file")
    if list(frame.columns) != list(EVIDENCE_COLUMNS):
        raise SchemaError(f"{path}: columns {list(frame.columns)} are not the contract's "
                          f"{list(EVIDENCE_COLUMNS)}")
    return _validated(_typed(frame), path)


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
    for col in EVIDENCE_COLUMNS:
        if col not in _INT_COLUMNS + _FLOAT_COLUMNS + _DATE_COLUMNS + _DATETIME_COLUMNS \
                and col not in EVIDENCE_VOCABULARIES:
            frame[col] = frame[col].astype("string")
    return frame


def _validated(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    checks: list[tuple[str, Callable[[pd.DataFrame], pd.Series]]] = [
        ("row_id is missing", lambda f: f["row_id"].isna()),
        ("row_type is missing or outside the vocabulary", lambda f: f["row_type"].isna()),
        ("outcome rows need an outcome",
         lambda f: (f["row_type"] == "outcome") & f["outcome"].isna()),
        ("cohort rows have no outcome",
         lambda f: (f["row_type"] == "cohort") & f["outcome"].notna()),
        ("event_count exceeds cohort_size", lambda f: (f["event_count"] > f["cohort_size"])
         .fillna(False).astype(bool)),
        ("char_end before char_start", lambda f: (f["char_end"] < f["char_start"])
         .fillna(False).astype(bool)),
    ]
    for message, check in checks:
        bad = check(frame)
        if bool(bad.any()):
            rows = list(frame.index[bad][:5])
            raise SchemaError(f"{path}: {message} (rows {rows})")
    if frame["row_id"].duplicated().any():
        raise SchemaError(f"{path}: duplicate row_id values")
    return frame


def _for_arrow(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in EVIDENCE_VOCABULARIES:
        out[col] = out[col].astype("string")
    out["published"] = out["published"].dt.date
    return out
