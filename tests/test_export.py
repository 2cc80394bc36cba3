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
    with pytest.raises(SchemaError, match=".csv or .parquet"):
        load_evidence(tmp_path / "evidence.xlsx")


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "evidence.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half a fi", encoding="utf-8")
        raise RuntimeError("crash while writing")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["evidence.csv"]
