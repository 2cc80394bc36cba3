"""`onco-evidence run`: the Prefect flow in local mode writes the same rows as `extract`."""

from __future__ import annotations

from pathlib import Path

from pipeline import load_evidence
from pipeline.settings import CORPORA_DIR

from .conftest import SEED_HTML, SEED_TXT
from .test_cli import run_cli


def test_run_flow_on_bundled_corpus_matches_extract(tmp_path: Path, prefect_env: dict) -> None:
    result = run_cli("run", "--out", str(tmp_path / "flow"), env=prefect_env, cwd=tmp_path,
                     timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"evidence CSV: {tmp_path / 'flow' / 'evidence.csv'}" in result.stdout
    assert "Finished in state Completed" in result.stdout + result.stderr
    # Local mode kept its state in SQLite under the isolated PREFECT_HOME.
    assert (Path(prefect_env["PREFECT_HOME"]) / "prefect.db").exists()

    flow_rows = load_evidence(tmp_path / "flow" / "evidence.csv")
    for seed in (SEED_TXT, SEED_HTML):
        seed_rows = flow_rows[flow_rows.source == seed.as_posix()]
        assert sorted(seed_rows.summary) == sorted([
            "5 discontinued imatinib, 4 recurrences", "19 continued imatinib, 1 recurrence",
            "8 continued imatinib, 5 progressions", "141 received imatinib",
            "32 received imatinib and had surgery", "24 received imatinib and had surgery",
            "8 received imatinib and had surgery"])

    direct = run_cli("extract", str(CORPORA_DIR), "--out", str(tmp_path / "direct"), "--quiet")
    assert direct.returncode == 0, direct.stderr
    direct_rows = load_evidence(tmp_path / "direct" / "evidence.csv")
    key = ["row_id"]
    assert flow_rows.drop(columns="extracted_at").sort_values(key).reset_index(drop=True).equals(
        direct_rows.drop(columns="extracted_at").sort_values(key).reset_index(drop=True))
    assert (tmp_path / "flow" / "articles.csv").read_text(encoding="utf-8").count("\n") == (
        tmp_path / "direct" / "articles.csv").read_text(encoding="utf-8").count("\n")

    # A second run over unchanged pages adds nothing and rewrites the same evidence.
    first_csv = (tmp_path / "flow" / "evidence.csv").read_bytes()
    again = run_cli("run", "--out", str(tmp_path / "flow"), env=prefect_env, cwd=tmp_path,
                    timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    n_articles = len(flow_rows.article_id.unique())
    assert f"0 new, 0 changed, {n_articles} unchanged" in again.stderr
    assert "0 rows added" in again.stderr
    assert (tmp_path / "flow" / "evidence.csv").read_bytes() == first_csv
    assert (tmp_path / ".state" / "onco-evidence.sqlite").exists()
