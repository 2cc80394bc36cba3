"""Writers for evidence.csv / evidence.parquet / articles.csv, and ``load_evidence``.

Every file is written to a temporary file beside its target and renamed into place, so a
crash never leaves half a file. Column order, dtypes and vocabularies come from schema.py.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import tempfile
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pandera.pandas as pandera
import pyarrow as pa
import pyarrow.parquet as pq
from annotated_types import Ge, Le
from pandera.errors import SchemaError as PanderaError
from pandera.errors import SchemaErrors as PanderaErrors

from .errors import SchemaError
from .redaction import public
from .report import ArticleText, ReportWriter
from .schema import (
    ARTICLE_COLUMNS,
    EVIDENCE_COLUMNS,
    EVIDENCE_VOCABULARIES,
    REJECT_COLUMNS,
    ArticleRecord,
    EvidenceRow,
    RejectRecord,
)

if TYPE_CHECKING:
    from .store import Store

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


#: Beside the outputs of a store's export: what they were exported from (``export_store``).
EXPORT_STATE = ".onco-evidence-export.json"

#: Every file write_outputs may write.
OUTPUT_FILES = ("evidence.csv", "evidence.parquet", "articles.csv", "rejects.csv", "report.html",
                "evidence.jsonl")


def _read_umask() -> int:
    mask = os.umask(0o022)  # read once, at import, before any thread could create files
    os.umask(mask)
    return mask


#: Outputs get the permissions of any file the user creates (mkstemp makes them 0600).
_FILE_MODE = 0o666 & ~_read_umask()


def publish(tmp: str | Path, target: Path) -> None:
    """Move a finished temporary file onto ``target`` in one step, readable as usual."""
    os.chmod(tmp, _FILE_MODE)
    os.replace(tmp, target)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        publish(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def remove_stale_temporaries(out_dir: Path) -> None:
    """Delete the temporary files a writer killed mid-write (SIGKILL, power loss) left
    beside its target; the targets themselves were never touched."""
    for name in (*OUTPUT_FILES, "report-*.html", EXPORT_STATE):  # report-2.html...: pages
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


def _csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as CSV cells: ISO dates and times, formula-like text neutralised."""
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
    return out


def _write_csv_part(frame: pd.DataFrame, handle: typing.TextIO, *, header: bool) -> None:
    _csv_cells(frame).to_csv(handle, index=False, header=header, lineterminator="\r\n")


def write_csv(frame: pd.DataFrame, target: Path) -> Path:
    """RFC 4180 CSV: UTF-8, CRLF, quotes where needed, empty cells for unknowns, ISO dates,
    and text cells that a spreadsheet would run as a formula neutralised."""
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        _write_csv_part(frame, out, header=True)
    return target


def write_parquet(frame: pd.DataFrame, target: Path) -> Path:
    table = pa.Table.from_pandas(_for_arrow(frame), schema=_PARQUET_SCHEMA, preserve_index=False)
    with atomic_path(target) as tmp:
        pq.write_table(table, tmp)
    return target


def write_jsonl(rows: Iterable[EvidenceRow], target: Path) -> Path:
    """One JSON object per row, in contract column order."""
    write_rows(rows, target, "jsonl")
    return target


class _ParquetParts:
    """A Parquet file written a row group at a time, with the pandas metadata of a
    one-shot ``write_parquet`` (so ``pd.read_parquet`` gives the same dtypes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer: pq.ParquetWriter | None = None

    def write(self, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(_for_arrow(frame), schema=_PARQUET_SCHEMA,
                                     preserve_index=False)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, table.schema)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is None:
            self.write(evidence_frame([]))
        assert self.writer is not None
        self.writer.close()

    def discard(self) -> None:
        if self.writer is not None:
            self.writer.close()


def write_rows(rows: Iterable[EvidenceRow], target: Path, fmt: str) -> int:
    """Stream rows to one evidence file (``fmt`` csv, parquet or jsonl), ``CHUNK_ROWS`` at a
    time, atomically; returns the number of rows written."""
    n_rows = 0
    it = (public(row) for row in rows)
    with atomic_path(target) as tmp:
        parquet = _ParquetParts(tmp) if fmt == "parquet" else None
        with (contextlib.nullcontext() if parquet else
              tmp.open("w", encoding="utf-8", newline="")) as text:
            if fmt == "csv":
                text.write(",".join(EVIDENCE_COLUMNS) + "\r\n")
            for chunk in iter(lambda: list(itertools.islice(it, OutputWriter.CHUNK_ROWS)), []):
                n_rows += len(chunk)
                if fmt == "jsonl":
                    text.writelines(row.model_dump_json() + "\n" for row in chunk)
                    continue
                frame = evidence_frame(chunk)
                if parquet:
                    parquet.write(frame)
                else:
                    _write_csv_part(frame, text, header=False)
        if parquet:
            parquet.close()
    return n_rows


def write_report(rows: Sequence[EvidenceRow], records: Sequence[ArticleRecord],
                 target: Path, *, texts: Mapping[str, ArticleText] | None = None,
                 rejects: Sequence[RejectRecord] | None = None) -> list[Path]:
    """The curator review pages (pipeline.report): the run overview, each article's text
    with its highlights, its rows linked to their sentences, filters and accept/reject
    buttons; report.html, then report-2.html... past REPORT_PAGE_ARTICLES articles."""
    report = ReportWriter(target)
    report.add(records, rows, texts or {})
    return report.close(rejects if rejects is not None else rejects_of(records))


def write_outputs(rows: Sequence[EvidenceRow], records: Sequence[ArticleRecord],
                  out_dir: Path, *, rejects: Sequence[RejectRecord] | None = None,
                  jsonl: bool = False,
                  texts: Mapping[str, ArticleText] | None = None) -> dict[str, Path]:
    """evidence.csv, evidence.parquet, articles.csv, rejects.csv, report.html (and
    evidence.jsonl on request) in ``out_dir``. ``texts`` (by article id, from
    ``pipeline.report.texts_of`` or ``Store.article_texts``) lets the report show each
    article's text with its highlights. ``OutputWriter`` does the same from batches."""
    with OutputWriter(out_dir, jsonl=jsonl, rejects=rejects) as out:
        out.add(rows, records, texts or {})
    return out.outputs


class OutputWriter:
    """Writes a run's outputs from batches of results as they come, so memory stays flat
    whatever the number of articles.

    Rows and records are buffered up to ``CHUNK_ROWS`` / ``CHUNK_RECORDS`` and appended to
    temporary files beside their targets (CSV parts, Parquet row groups, JSONL lines; the
    report spills each article's section). Leaving the ``with`` block renames every file
    into place; an error instead removes the temporaries and leaves earlier outputs as they
    were. ``rejects`` given up front (a store's, for one run) replace the rejects of the
    records added.
    """

    CHUNK_ROWS = 5_000
    CHUNK_RECORDS = 1_000

    def __init__(self, out_dir: str | Path, *, jsonl: bool = False,
                 rejects: Sequence[RejectRecord] | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.jsonl = jsonl
        self.given_rejects = [public(r) for r in rejects] if rejects is not None else None
        self.outputs: dict[str, Path] = {}
        self.n_rows = 0
        self.n_records = 0
        self._rows: list[EvidenceRow] = []
        self._records: list[ArticleRecord] = []
        self._rejects: list[RejectRecord] = []
        self._temporaries: dict[str, Path] = {}
        self._handles: dict[str, typing.TextIO] = {}
        self._parquet: _ParquetParts | None = None
        self._report: ReportWriter | None = None

    def __enter__(self) -> OutputWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.out_dir)
        names = ["evidence.csv", "evidence.parquet", "articles.csv"]
        names += ["evidence.jsonl"] if self.jsonl else []
        for name in names:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.out_dir)
            os.close(fd)
            self._temporaries[name] = Path(tmp)
        for name, columns in (("evidence.csv", EVIDENCE_COLUMNS),
                              ("articles.csv", ARTICLE_COLUMNS)):
            handle = self._temporaries[name].open("w", encoding="utf-8", newline="")
            self._handles[name] = handle
            handle.write(",".join(columns) + "\r\n")
        if self.jsonl:
            self._handles["evidence.jsonl"] = self._temporaries["evidence.jsonl"].open(
                "w", encoding="utf-8")
        self._parquet = _ParquetParts(self._temporaries["evidence.parquet"])
        self._report = ReportWriter(self.out_dir / "report.html")
        return self

    def add(self, rows: Iterable[EvidenceRow], records: Iterable[ArticleRecord],
            texts: Mapping[str, ArticleText] | None = None) -> None:
        """A batch: its rows, its articles' records, and their texts for the report."""
        assert self._report is not None, "use OutputWriter in a with block"
        rows, records = [public(r) for r in rows], [public(r) for r in records]
        self._report.add(records, rows, texts or {})
        self._rows += rows
        self._records += records
        if self.given_rejects is None:
            self._rejects += rejects_of(records)
        if len(self._rows) >= self.CHUNK_ROWS or len(self._records) >= self.CHUNK_RECORDS:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            frame = evidence_frame(self._rows)
            _write_csv_part(frame, self._handles["evidence.csv"], header=False)
            assert self._parquet is not None
            self._parquet.write(frame)
            if self.jsonl:
                self._handles["evidence.jsonl"].writelines(
                    row.model_dump_json() + "\n" for row in self._rows)
        if self._records:
            _write_csv_part(articles_frame(self._records), self._handles["articles.csv"],
                            header=False)
        self.n_rows += len(self._rows)
        self.n_records += len(self._records)
        self._rows, self._records = [], []

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> None:
        try:
            if exc_type is None:
                self._close()
        finally:
            self._discard()

    def _close(self) -> None:
        self._flush()
        assert self._parquet is not None and self._report is not None
        self._parquet.close()
        self._parquet = None
        for handle in self._handles.values():
            handle.close()
        rejects = self.given_rejects if self.given_rejects is not None else self._rejects
        pages = self._report.close(rejects)
        self._report = None
        write_csv(rejects_frame(rejects), self.out_dir / "rejects.csv")
        for name, tmp in self._temporaries.items():
            publish(tmp, self.out_dir / name)
            self.outputs[name] = self.out_dir / name
        self._temporaries.clear()
        self.outputs["rejects.csv"] = self.out_dir / "rejects.csv"
        self.outputs["report.html"] = pages[0]
        for page in pages[1:]:
            self.outputs[page.name] = page

    def _discard(self) -> None:
        """Close and delete whatever was not renamed into place (after an error)."""
        if self._parquet is not None:
            self._parquet.discard()
        for handle in self._handles.values():
            handle.close()
        if self._report is not None:
            self._report.abort()
        for tmp in self._temporaries.values():
            tmp.unlink(missing_ok=True)


def export_store(store: Store, out_dir: str | Path, *, run_id: str | None = None,
                 jsonl: bool = False) -> dict[str, Path]:
    """Export the store's current rows, articles and texts (streamed through OutputWriter)
    with the rejects of ``run_id``. When ``out_dir`` already holds the export of the store
    as it is now (an unchanged re-run), the files are left as they are."""
    out_dir = Path(out_dir)
    rejects = store.rejects(run_id=run_id)
    state = {"store": str(store.path.resolve()), "fingerprint": store.fingerprint(),
             "rejects": [r.model_dump(mode="json") for r in rejects], "jsonl": jsonl}
    marker = out_dir / EXPORT_STATE
    try:
        previous = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    outputs = {name: out_dir / path for name, path in previous.get("outputs", {}).items()}
    if ({k: v for k, v in previous.items() if k != "outputs"} == state and outputs
            and all(path.exists() for path in outputs.values())):
        return outputs
    marker.unlink(missing_ok=True)  # outputs about to change: no stale claim meanwhile
    with OutputWriter(out_dir, jsonl=jsonl, rejects=rejects) as out:
        for records, rows, texts in store.export_batches():
            out.add(rows, records, texts)
    state["outputs"] = {name: path.name for name, path in out.outputs.items()}
    with atomic_path(marker) as tmp:
        tmp.write_text(json.dumps(state), encoding="utf-8")
    return out.outputs


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
