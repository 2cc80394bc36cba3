"""Writers and the typed loader."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline import clean_text, extract, load_evidence
from pipeline.errors import SchemaError
from pipeline.export import atomic_path, evidence_frame, write_csv, write_parquet
from pipeline.schema import EVIDENCE_COLUMNS

from .conftest import SEED_TXT


@pytest.fixture(scope="module")
def frame(nlp) -> pd.DataFrame:
    article = clean_text(SEED_TXT.read_text(encoding="utf-8"), source=SEED_TXT.as_posix())
    return evidence_frame(extract(article, nlp=nlp))


def test_loader_dtypes_and_round_trip(frame: pd.DataFrame, tmp_path: Path) -> None:
    write_csv(frame, tmp_path / "e.csv")
    write_parquet(frame, tmp_path / "e.parquet")
    loaded = load_evidence(tmp_path / "e.csv")
    assert list(loaded.columns) == list(EVIDENCE_COLUMNS)
    assert str(loaded["cohort_size"].dtype) == "Int64"
    assert str(loaded["event_count"].dtype) == "Int64"
    assert isinstance(loaded["outcome"].dtype, pd.CategoricalDtype)
    assert "complete_response" in loaded["outcome"].cat.categories
    assert str(loaded["extracted_at"].dtype) == "datetime64[s, UTC]"
    assert loaded["event_count"].isna().sum() == 4  # the cohort rows
    pd.testing.assert_frame_equal(loaded, load_evidence(tmp_path / "e.parquet"))
    # CSV -> load -> CSV changes nothing.
    write_csv(loaded, tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "e.csv").read_bytes()


def test_loader_rejects_files_off_contract(frame: pd.DataFrame, tmp_path: Path) -> None:
    bad = frame.astype({"outcome": "string"}).copy()
    bad.loc[0, "outcome"] = "cured"
    bad.to_csv(tmp_path / "vocab.csv", index=False)
    with pytest.raises(SchemaError, match="outcome has values outside its vocabulary"):
        load_evidence(tmp_path / "vocab.csv")
    frame.drop(columns="summary").to_csv(tmp_path / "cols.csv", index=False)
    with pytest.raises(SchemaError, match="columns"):
        load_evidence(tmp_path / "cols.csv")
    with pytest.raises(SchemaError, match="expected a .csv, .parquet or .jsonl"):
        load_evidence(tmp_path / "evidence.xlsx")


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "evidence.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half a fi", encoding="utf-8")
        raise RuntimeError("crash while writing")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["evidence.csv"]


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1 555 0100 call", "'+1 555 0100 call"),
    ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\tTab", "'\tTab"),
    ("'=already guarded", "''=already guarded"),
    ("-5", "-5"),  # numbers stay numbers
    ("+3.5", "+3.5"),
    ("Group 1, first five", "Group 1, first five"),
])
def test_formula_injection_is_neutralised_and_undone_on_load(
        frame: pd.DataFrame, tmp_path: Path, value: str, written: str) -> None:
    hostile = frame.copy()
    hostile["arm"] = hostile["arm"].astype("string")
    hostile.loc[0, "arm"] = value
    write_csv(hostile, tmp_path / "e.csv")
    import csv
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as f:
        first = next(csv.DictReader(f))
    assert first["arm"] == written
    assert first["cohort_size"] == "141"  # numeric columns untouched
    loaded = load_evidence(tmp_path / "e.csv")
    assert loaded.loc[0, "arm"] == value
    write_csv(loaded, tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "e.csv").read_bytes()


def test_loader_checks_cross_field_rules(frame: pd.DataFrame, tmp_path: Path) -> None:
    bad = frame.copy()
    outcome = bad.index[bad.row_type == "outcome"][0]
    bad.loc[outcome, "event_count"] = 999
    write_csv(bad, tmp_path / "e.csv")
    with pytest.raises(SchemaError, match="event_count <= cohort_size"):
        load_evidence(tmp_path / "e.csv")
    dup = pd.concat([frame, frame.iloc[:1]], ignore_index=True)
    write_csv(dup, tmp_path / "dup.csv")
    with pytest.raises(SchemaError, match="row_id"):
        load_evidence(tmp_path / "dup.csv")


def test_jsonl_round_trip(nlp, frame: pd.DataFrame, tmp_path: Path) -> None:
    from pipeline.export import write_jsonl
    article = clean_text(SEED_TXT.read_text(encoding="utf-8"), source=SEED_TXT.as_posix())
    rows = extract(article, nlp=nlp)
    write_jsonl(rows, tmp_path / "e.jsonl")
    assert len((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()) == 7
    loaded = load_evidence(tmp_path / "e.jsonl")
    pd.testing.assert_frame_equal(loaded.drop(columns="extracted_at"),
                                  frame.drop(columns="extracted_at"))
    assert str(loaded["extracted_at"].dtype) == "datetime64[s, UTC]"
