"""The command line, run as a user runs it: the installed console script, in a subprocess."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline import load_evidence
from pipeline.schema import ARTICLE_COLUMNS, DRUG_STATUSES, EVIDENCE_COLUMNS, OUTCOMES

from .conftest import CHROME_SNIPPETS, SEED_DIR, SEED_HTML, SEED_TXT

# The console script installed beside this interpreter (the project's venv), else on PATH.
_BESIDE = Path(sys.executable).parent / "onco-evidence"
EXE = str(_BESIDE) if _BESIDE.exists() else shutil.which("onco-evidence")


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            timeout: int = 300) -> subprocess.CompletedProcess[str]:
    assert EXE, "the onco-evidence console script is not installed"
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def assert_seed_outputs(out: Path, n_articles: int) -> list[dict[str, str]]:
    columns, rows = read_csv(out / "evidence.csv")
    assert columns == list(EVIDENCE_COLUMNS)
    assert len(rows) == 7 * n_articles
    summaries = sorted(r["summary"] for r in rows if r["row_type"] == "outcome")
    assert summaries == sorted(["5 discontinued imatinib, 4 recurrences",
                                "19 continued imatinib, 1 recurrence",
                                "8 continued imatinib, 5 progressions"] * n_articles)
    assert sorted(int(r["cohort_size"]) for r in rows if r["row_type"] == "cohort") == sorted(
        [141, 32, 24, 8] * n_articles)
    for row in rows:
        assert row["drug_status"] in DRUG_STATUSES
        assert row["outcome"] in (*OUTCOMES, "")
        assert row["outcome"] == "" if row["row_type"] == "cohort" else row["outcome"] != ""
    raw = (out / "evidence.csv").read_bytes()
    assert b"\r\n" in raw and not any(s.encode() in raw for s in CHROME_SNIPPETS)
    article_columns, articles = read_csv(out / "articles.csv")
    assert article_columns == list(ARTICLE_COLUMNS)
    assert len(articles) == n_articles and all(a["status"] == "ok" for a in articles)
    parquet = load_evidence(out / "evidence.parquet")
    from_csv = load_evidence(out / "evidence.csv")
    pd.testing.assert_frame_equal(parquet, from_csv)
    # Seven evidence rows per article in the review report (tests/test_report.py drives it).
    assert (out / "report.html").read_text(encoding="utf-8").count("<tr class='row'") == 7 * n_articles
    return rows


@pytest.mark.parametrize("seed", [SEED_TXT, SEED_HTML], ids=["txt", "html"])
def test_extract_one_file(seed: Path, tmp_path: Path) -> None:
    result = run_cli("extract", str(seed), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert f"evidence CSV: {tmp_path / 'out' / 'evidence.csv'}" in result.stdout
    assert "[1/1]" in result.stderr  # progress
    assert_seed_outputs(tmp_path / "out", 1)


def test_extract_from_a_sources_file(tmp_path: Path, http_server: str) -> None:
    """A feed naming pages on a real local server, a page that 404s and a source that cannot
    be read: the pages are extracted, the other two become rejects with their reasons."""
    pages = [f"{http_server}/seed/{SEED_HTML.name}",
             f"{http_server}/pages/t05-press-release/halcyon-hlc-305-platinum-resistant-ovarian.html",
             f"{http_server}/pages/no-such-page.html"]
    items = "".join(f"<item><title>t</title><link>{url}</link></item>" for url in pages)
    (tmp_path / "feed.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>'
                                       f"{items}</channel></rss>", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nname = "local-feed"\nkind = "feed"\nlocation = "feed.xml"\n\n'
        '[[source]]\nname = "gone"\nkind = "urls"\nlocation = "missing.txt"\n', encoding="utf-8")
    result = run_cli("extract", "--sources", str(tmp_path / "sources.toml"),
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    _, articles = read_csv(tmp_path / "out" / "articles.csv")
    status = {a["source"]: (a["status"], a["reject_reason"]) for a in articles}
    assert status[pages[0]][0] == status[pages[1]][0] == "ok"
    assert "HTTP 404" in status[pages[2]][1]
    assert status["source gone"][0] == "rejected" and "missing.txt" in status["source gone"][1]
    _, rows = read_csv(tmp_path / "out" / "evidence.csv")
    assert {r["source"] for r in rows} == set(pages[:2])
    assert not any("forward-looking" in r["sentence"].lower() for r in rows)


def test_extract_needs_inputs_or_sources(tmp_path: Path) -> None:
    result = run_cli("extract", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "--sources" in result.stderr


def test_extract_folder_and_url(tmp_path: Path, http_server: str) -> None:
    url = f"{http_server}/seed/{SEED_HTML.name}"
    result = run_cli("extract", str(SEED_DIR), "--out", str(tmp_path / "a"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert_seed_outputs(tmp_path / "a", 2)
    result = run_cli("extract", url, "--out", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr
    rows = assert_seed_outputs(tmp_path / "b", 1)
    assert {r["source"] for r in rows} == {url}
    assert {r["title"] for r in rows} == {
        "Surgery During Gleevec Therapy May Benefit Patients With Advanced GIST"}


def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path, http_server: str) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    odd = tmp_path / "data.pdf"
    odd.write_bytes(b"%PDF-1.4")
    missing_url = f"{http_server}/seed/no-such-page.html"
    result = run_cli("extract", str(SEED_TXT), str(empty), str(odd), str(tmp_path / "nope.txt"),
                     missing_url, "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    _, articles = read_csv(tmp_path / "out" / "articles.csv")
    reasons = {a["source"]: a["reject_reason"] for a in articles}
    assert reasons[SEED_TXT.as_posix()] == ""
    assert "no article text" in reasons[empty.as_posix()]
    assert "unsupported input type .pdf" in reasons[odd.as_posix()]
    assert "no such file" in reasons[(tmp_path / "nope.txt").as_posix()]
    assert "HTTP 404" in reasons[missing_url]
    _, rows = read_csv(tmp_path / "out" / "evidence.csv")
    assert len(rows) == 7
    assert "REJECTED" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("extract", str(SEED_TXT)).returncode == 2  # --out missing
    assert run_cli("no-such-command").returncode == 2
    assert run_cli("evaluate", str(tmp_path)).returncode == 2  # no gold files there


def test_clean_prints_text_and_json() -> None:
    text = run_cli("clean", str(SEED_HTML))
    assert text.returncode == 0
    assert text.stdout.startswith("According to a study published")
    assert "Kisqali" not in text.stdout
    data = json.loads(run_cli("clean", str(SEED_HTML), "--format", "json").stdout)
    assert data["title"] == "Surgery During Gleevec Therapy May Benefit Patients With Advanced GIST"
    assert data["published"] == "2006-04-12"
    assert data["citation"]["journal"] == "Journal of Surgical Oncology"
    assert len(data["paragraphs"]) == 9


def test_evaluate_on_the_seed_gold() -> None:
    result = run_cli("evaluate", str(SEED_DIR), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["articles"] == 2
    assert scores["rows"]["f1"] == 1.0 and scores["numbers"]["f1"] == 1.0
    assert scores["drug_recall"] == 1.0 and scores["disease_recall"] == 1.0


def test_evaluate_scores_a_stress_set_and_lists_its_misses(tmp_path: Path) -> None:
    case = {"id": "demo-001", "varies": "a count in words",
            "text": "Nivolumab in melanoma\n\nOf 80 patients treated with nivolumab, "
                    "fifty-three responded.",
            "rows": [{"row_type": "outcome", "cohort_size": 80, "event_count": 53,
                      "outcome": "response", "drug": "nivolumab"},
                     {"row_type": "outcome", "cohort_size": 80, "event_count": 9,
                      "outcome": "death", "drug": "nivolumab"}]}
    stress = tmp_path / "demo.cases.json"
    stress.write_text(json.dumps({"_comment": "one case", "cases": [case]}), encoding="utf-8")
    result = run_cli("evaluate", str(tmp_path), "--json", "--rows")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["articles"] == 0 and scores["cases"] == 1
    assert (scores["rows"]["tp"], scores["rows"]["fn"]) == (1, 1)
    assert scores["listing"] == [{"name": "demo-001", "extra": [],
                                  "missed": [["outcome", 80, "death", 9, "nivolumab"]]}]
    text = run_cli("evaluate", str(stress), "--rows").stdout
    assert "stress cases: 1" in text and "drug recall" not in text
    assert "missed outcome      9/80  death" in text


def test_help_lists_the_commands() -> None:
    result = run_cli("--help")
    for command in ("extract", "clean", "evaluate", "run", "export", "dictionary"):
        assert command in result.stdout


def test_export_from_the_store(nlp, tmp_path: Path) -> None:
    import datetime as dt

    from pipeline import clean_text
    from pipeline.evidence import analyse
    from pipeline.store import Store

    db = tmp_path / "store.sqlite"
    old = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with Store(db) as store:
        article = clean_text(SEED_TXT.read_text(encoding="utf-8"), source="seed.txt")
        store.ingest(store.start_run(), [analyse(article, nlp=nlp, extracted_at=old)])
        other = clean_text("Of 80 patients treated with nivolumab, 53 responded.", source="b.txt")
        store.ingest(store.start_run(), [analyse(other, nlp=nlp)])
    for fmt in ("csv", "parquet", "jsonl"):
        result = run_cli("export", "--db", str(db), "--out", str(tmp_path / fmt), "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert len(load_evidence(tmp_path / fmt / f"evidence.{fmt}")) == 8
    since = run_cli("export", "--db", str(db), "--out", str(tmp_path / "since"),
                    "--since", "2026-01-01")
    assert since.stdout.startswith("1 rows")
    assert list(load_evidence(tmp_path / "since" / "evidence.csv").summary) == [
        "80 received nivolumab, 53 responses"]
    assert run_cli("export", "--db", str(tmp_path / "none.sqlite")).returncode == 2
    assert run_cli("export", "--db", str(db), "--since", "yesterday").returncode == 2


def test_data_dictionary_in_docs_is_current() -> None:
    result = run_cli("dictionary")
    assert result.returncode == 0
    committed = (Path(__file__).parent.parent / "docs" / "data-dictionary.md").read_text(
        encoding="utf-8")
    assert result.stdout == committed, "regenerate it: make docs"
    for column in EVIDENCE_COLUMNS:
        assert f"| `{column}` |" in committed
