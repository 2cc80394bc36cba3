"""`onco-evidence run`: the Prefect flow in local mode writes the same rows as `extract`."""

from __future__ import annotations

from pathlib import Path

from pipeline import load_evidence

from .conftest import SEED_DIR
from .test_cli import assert_seed_outputs, run_cli


def test_run_flow_on_bundled_corpus_matches_extract(tmp_path: Path, prefect_env: dict) -> None:
    result = run_cli("run", "--out", str(tmp_path / "flow"), env=prefect_env, cwd=tmp_path,
                     timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"evidence CSV: {tmp_path / 'flow' / 'evidence.csv'}" in result.stdout
    assert "Finished in state Completed" in result.stdout + result.stderr
    # Local mode kept its state in SQLite under the isolated PREFECT_HOME.
    assert (Path(prefect_env["PREFECT_HOME"]) / "prefect.db").exists()
    assert_seed_outputs(tmp_path / "flow", 2)

    direct = run_cli("extract", str(SEED_DIR), "--out", str(tmp_path / "direct"), "--quiet")
    assert direct.returncode == 0
    flow_rows = load_evidence(tmp_path / "flow" / "evidence.csv").drop(columns="extracted_at")
    direct_rows = load_evidence(tmp_path / "direct" / "evidence.csv").drop(columns="extracted_at")
    key = ["row_id"]
    assert flow_rows.sort_values(key).reset_index(drop=True).equals(
        direct_rows.sort_values(key).reset_index(drop=True))
