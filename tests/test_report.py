"""The curator review report (issue #7): rendered from the store for the bundled corpus and
driven in real headless Chromium (Debian's /usr/bin/chromium, installed by `make setup`)
through Playwright, which is never asked to download a browser of its own."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline import clean_html, clean_text
from pipeline.evaluate import evaluate
from pipeline.evidence import ArticleResult, analyse
from pipeline.export import write_outputs
from pipeline.process import discover_inputs, process_inputs, rejected
from pipeline.report import (
    JUDGEMENT_COLUMNS,
    ArticleText,
    render_report,
    render_text,
    texts_of,
)
from pipeline.schema import ArticleRecord, EvidenceRow, GoldFile, GoldRow
from pipeline.settings import CORPORA_DIR
from pipeline.store import Store

from .conftest import SEED_TXT
from .test_cli import run_cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "report-screenshot.png"


@dataclass(frozen=True)
class Rendered:
    report: Path
    rows: list[EvidenceRow]
    records: list[ArticleRecord]
    texts: dict[str, ArticleText]


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The bundled corpus through the store, exported as `onco-evidence run` exports it."""
    out = tmp_path_factory.mktemp("report")
    results = process_inputs(discover_inputs([CORPORA_DIR]), nlp=nlp)
    with Store(out / "store.sqlite") as store:
        run_id = store.start_run()
        store.ingest(run_id, results)
        rows, records, texts = store.rows(), store.articles(), store.article_texts()
        outputs = write_outputs(rows, records, out, rejects=store.rejects(run_id=run_id),
                                texts=texts)
    return Rendered(outputs["report.html"], rows, records, texts)


# --------------------------------------------------------------------------- without a browser


def test_store_keeps_texts_and_highlights(corpus: Rendered) -> None:
    ok = [r for r in corpus.records if r.status == "ok"]
    assert len(corpus.texts) == len(ok) > 80
    labels = Counter(label for t in corpus.texts.values() for _, _, label in t.highlights)
    assert set(labels) == {"DRUG", "DISEASE", "COHORT", "COUNT", "OUTCOME"}
    for row in corpus.rows:  # every row's offsets point at its sentence in the stored text
        assert corpus.texts[row.article_id].text[row.char_start:row.char_end] == row.sentence


def test_unchanged_articles_keep_their_stored_text(nlp, tmp_path: Path) -> None:
    result = analyse(clean_text(SEED_TXT.read_text(encoding="utf-8"), source="seed.txt"), nlp=nlp)
    with Store(tmp_path / "store.sqlite") as store:
        store.ingest(store.start_run(), [result])
        store.ingest(store.start_run(), [ArticleResult(record=result.record, unchanged="same-text")])
        stored = store.article_texts()[result.record.article_id]
    assert stored == ArticleText(result.text, result.highlights)


def test_crossing_highlights_nest_and_keep_the_text() -> None:
    text = ArticleText("Of 40 patients given imatinib, 10 responded. Next one.",
                       ((3, 14, "COHORT"), (0, 29, "COUNT"), (21, 50, "DRUG"), (35, 44, "OUTCOME")))
    page = render_text("a1", text, [(0, 44)])
    assert page.count("id='s-a1-0'") == 1  # the sentence stays one element
    assert re.sub(r"<[^>]+>", "", page) == html.escape(text.text, quote=False)
    # The DRUG span crosses the COUNT's end and the sentence's: three pieces, one index.
    assert page.count("data-hl='a1:2'") == 3


def test_hostile_text_is_escaped(nlp) -> None:
    result = analyse(clean_html(HOSTILE_PAGE, source="hostile.html"), nlp=nlp)
    page = render_report(list(result.rows), [result.record], texts=texts_of([result]))
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned" in page
    # The embedded data cannot close its <script> element.
    data = page.split("id='report-data'>", 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)["rows"]


def test_overview_counts_rows_and_rejects_by_source(nlp) -> None:
    result = analyse(clean_text(SEED_TXT.read_text(encoding="utf-8"), source="seed/a.txt"), nlp=nlp)
    failed = rejected("https://news.example.org/x", "HTTP 503 <after> 4 attempts",
                      result.record.extracted_at)
    page = render_report(list(result.rows), [result.record, failed.record],
                         texts=texts_of([result, failed]))
    assert "<td id='n-articles'>1</td><td id='n-rows'>7</td>" in page
    assert "<td id='n-rejects'>1</td>" in page and "HTTP 503 &lt;after&gt; 4 attempts" in page
    assert "<tr><td>seed</td><td>1</td><td>7</td><td>0</td></tr>" in page
    assert "<tr><td>news.example.org</td><td>0</td><td>0</td><td>1</td></tr>" in page


def test_extract_writes_the_report_with_text(tmp_path: Path) -> None:
    done = run_cli("extract", str(SEED_TXT), "--out", str(tmp_path), "-q")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "class='text'" in page and "data-label='COHORT'" in page and "a class='to-sentence'" in page


def test_gold_import_refuses_a_csv_of_other_columns(tmp_path: Path) -> None:
    bad = tmp_path / "j.csv"
    bad.write_text("judgement,row_id\r\naccepted,x\r\n", encoding="utf-8")
    done = run_cli("gold", "import", str(bad), "--out", str(tmp_path / "gold"))
    assert done.returncode == 2 and "missing columns" in done.stderr


# --------------------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: `make setup` installs Debian's chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, corpus: Rendered) -> Iterator[object]:
    """The corpus report in a fresh tab; fails the test on script errors or any fetch."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("request", lambda r: requests.append(r.url))
    url = corpus.report.resolve().as_uri()
    tab.goto(url)
    yield tab
    context.close()
    assert not errors
    assert all(u == url or u.startswith(("blob:", "data:")) for u in requests), requests


def visible_row_ids(tab) -> set[str]:
    return set(tab.evaluate("""() => Array.from(document.querySelectorAll('tr.row'))
        .filter(tr => tr.offsetParent !== null).map(tr => tr.dataset.rowId)"""))


def test_every_row_and_highlight_is_present_and_linked(page, corpus: Rendered) -> None:
    found = page.evaluate("""() => {
        const rows = {};
        document.querySelectorAll('tr.row').forEach(tr => {
            const a = tr.querySelector('a.to-sentence');
            const target = a && document.getElementById(a.dataset.sentence);
            rows[tr.dataset.rowId] = {href: a && a.getAttribute('href'),
                summary: tr.querySelector('.c-summary').textContent,
                confidence: tr.querySelector('.c-confidence').textContent,
                sentence: target ? target.textContent : null,
                article: target ? target.closest('section').id : null};
        });
        const marks = {};
        document.querySelectorAll('mark[data-hl]').forEach(m => {
            const k = m.dataset.hl;
            marks[k] = marks[k] || {label: m.dataset.label, text: ''};
            marks[k].text += m.textContent;
        });
        const texts = {};
        document.querySelectorAll('section.article').forEach(s => {
            const t = s.querySelector('.text'); texts[s.id.slice(2)] = t && t.textContent;
        });
        return {rows, marks, texts};
    }""")
    assert set(found["rows"]) == {r.row_id for r in corpus.rows}
    for row in corpus.rows:
        shown = found["rows"][row.row_id]
        assert shown["sentence"] == row.sentence, row.row_id
        assert shown["href"] == f"#s-{row.article_id}-{row.char_start}"
        assert shown["article"] == f"a-{row.article_id}"
        assert (shown["summary"], shown["confidence"]) == (row.summary, f"{row.confidence:.2f}")
    n_highlights = 0
    for article_id, text in corpus.texts.items():
        assert found["texts"][article_id] == text.text
        for i, (start, end, label) in enumerate(text.highlights):
            assert found["marks"][f"{article_id}:{i}"] == {"label": label,
                                                          "text": text.text[start:end]}
            n_highlights += 1
    assert len(found["marks"]) == n_highlights > 1000

    # Clicking a row's link scrolls its sentence into view and marks it.
    picks = corpus.rows[:: max(1, len(corpus.rows) // 6)] + [corpus.rows[-1]]
    for row in picks:
        page.click(f"tr[data-row-id='{row.row_id}'] a.to-sentence")
        state = page.evaluate("""(id) => {
            const s = document.getElementById(id), r = s.getBoundingClientRect();
            const bar = document.getElementById('toolbar').getBoundingClientRect();
            return {marked: s.classList.contains('marked'), n: document.querySelectorAll('.marked').length,
                    inView: r.top >= bar.bottom - 1 && r.top < innerHeight, hash: location.hash};
        }""", f"s-{row.article_id}-{row.char_start}")
        assert state == {"marked": True, "n": 1, "inView": True,
                         "hash": f"#s-{row.article_id}-{row.char_start}"}, row.row_id


def test_filters_narrow_the_rows(page, corpus: Rendered, tmp_path: Path) -> None:
    rows = corpus.rows
    assert visible_row_ids(page) == {r.row_id for r in rows}
    outcome = Counter(r.outcome for r in rows if r.outcome).most_common(1)[0][0]
    seed = next(r for r in corpus.records if r.source.endswith("seed/gist-imatinib-surgery.txt"))

    def drug(r: EvidenceRow) -> bool:
        return "imatinib" in (r.drug or "").split(" + ")

    def confident(r: EvidenceRow) -> bool:
        return round(r.confidence, 4) >= 0.85

    cases = [
        ({"#f-drug": "imatinib"}, drug),
        ({"#f-outcome": outcome}, lambda r: r.outcome == outcome),
        ({"#f-outcome": "(cohort)"}, lambda r: r.row_type == "cohort"),
        ({"#f-source": seed.source}, lambda r: r.source == seed.source),
        ({"#f-confidence": "0.85"}, confident),
        ({"#f-drug": "imatinib", "#f-confidence": "0.85"}, lambda r: drug(r) and confident(r)),
    ]
    for settings, keep in cases:
        page.click("#f-reset")
        for selector, value in settings.items():
            if selector == "#f-confidence":
                page.fill(selector, value)
            else:
                page.select_option(selector, value)
        expected = {r.row_id for r in rows if keep(r)}
        assert 0 < len(expected) < len(rows), settings
        assert visible_row_ids(page) == expected, settings
        assert page.inner_text("#shown") == f"{len(expected)} of {len(rows)} rows shown."
        shown_articles = set(page.evaluate("""() => Array.from(document.querySelectorAll(
            'section.article')).filter(s => !s.hidden).map(s => s.id.slice(2))"""))
        assert shown_articles == {r.article_id for r in rows if keep(r)}, settings
    page.click("#f-reset")
    assert visible_row_ids(page) == {r.row_id for r in rows}

    # The screenshot: the seed article filtered, one row's sentence marked.
    page.select_option("#f-source", seed.source)
    first = next(r for r in rows if r.source == seed.source and r.row_type == "outcome")
    page.click(f"tr[data-row-id='{first.row_id}'] button.accept")
    page.click(f"tr[data-row-id='{first.row_id}'] a.to-sentence")
    page.evaluate("() => window.scrollTo(0, 0)")  # the sticky toolbar in its own place
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    if os.environ.get("ONCO_EVIDENCE_UPDATE_SCREENSHOT"):  # the README's picture, on request
        shutil.copyfile(tmp_path / "report.png", SCREENSHOT)


def test_judgements_round_trip_into_gold_files(page, corpus: Rendered, nlp, tmp_path: Path) -> None:
    by_article: dict[str, list[EvidenceRow]] = {}
    for row in corpus.rows:
        by_article.setdefault(row.article_id, []).append(row)
    seed = next(r.article_id for r in corpus.records
                if r.source.endswith("seed/gist-imatinib-surgery.txt"))
    others = [a for a in by_article if a != seed and len(by_article[a]) >= 4][:2]
    accepted = by_article[seed] + by_article[others[0]][:2]
    rejected = by_article[others[0]][2:] + by_article[others[1]]
    for row in accepted:
        page.click(f"tr[data-row-id='{row.row_id}'] button.accept")
    for row in rejected:
        page.click(f"tr[data-row-id='{row.row_id}'] button.reject")
    undone = by_article[others[0]][2]  # a second click takes a judgement back
    page.click(f"tr[data-row-id='{undone.row_id}'] button.reject")
    rejected.remove(undone)
    assert page.inner_text("#judged") == f"{len(accepted)} accepted, {len(rejected)} rejected."
    page.reload()  # the judgements are kept in the browser's storage
    assert page.inner_text("#judged") == f"{len(accepted)} accepted, {len(rejected)} rejected."
    page.select_option("#f-judgement", "accepted")
    assert visible_row_ids(page) == {r.row_id for r in accepted}

    with page.expect_download() as download:
        page.click("#export")
    judgements = tmp_path / "judgements.csv"
    download.value.save_as(judgements)
    assert download.value.suggested_filename == "judgements.csv"
    with judgements.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))
        assert tuple(lines[0]) == JUDGEMENT_COLUMNS
    assert Counter(line["judgement"] for line in lines) == {"accepted": len(accepted),
                                                            "rejected": len(rejected)}

    gold_dir = tmp_path / "gold"
    done = run_cli("gold", "import", str(judgements), "--out", str(gold_dir))
    assert done.returncode == 0, done.stderr
    gold = {path.name: GoldFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
            for path in sorted(gold_dir.glob("*.gold.json"))}
    sources = {a: Path(by_article[a][0].source).name for a in (seed, *others)}
    assert set(gold) == {f"{name}.gold.json" for name in sources.values()}

    def as_gold(rows: list[EvidenceRow]) -> tuple:
        return tuple(GoldRow.model_validate(r.model_dump(include=set(GoldRow.model_fields)))
                     for r in rows)

    for article_id, name in sources.items():
        file = gold[f"{name}.gold.json"]
        assert file.input == name and (gold_dir / name).is_file()
        assert file.rows == as_gold([r for r in accepted if r.article_id == article_id])
        record = next(r for r in corpus.records if r.article_id == article_id)
        assert file.article.drugs == record.drugs and file.article.disease == record.disease
    # evaluate scores against them: every accepted row is found again, nothing else is gold.
    scores = evaluate(gold_dir, nlp=nlp)
    assert (scores.articles, scores.rows.tp, scores.rows.fn) == (3, len(accepted), 0)


def test_hostile_page_runs_no_script_and_fetches_nothing(browser, nlp, tmp_path: Path) -> None:
    result = analyse(clean_html(HOSTILE_PAGE, source="hostile.html"), nlp=nlp)
    outputs = write_outputs(list(result.rows), [result.record], tmp_path,
                            texts=texts_of([result]))
    tab = browser.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    url = outputs["report.html"].resolve().as_uri()
    tab.goto(url)
    assert tab.evaluate("() => window.__pwned") is None
    assert "<script>window.__pwned=1</script>" in tab.inner_text("section.article")
    assert tab.locator("tr.row").count() == len(result.rows) > 0
    assert requests == [url]
    tab.close()


HOSTILE_PAGE = """<!DOCTYPE html><html><head>
<title>&lt;img src=x onerror="window.__pwned=3"&gt; Imatinib news</title></head><body>
<article><h1>&lt;img src=x onerror="window.__pwned=3"&gt; Imatinib news</h1>
<p>Researchers enrolled 40 patients with gastrointestinal stromal tumor who received imatinib,
and 10 of the 40 patients had a recurrence. &lt;script&gt;window.__pwned=1&lt;/script&gt;
&lt;/script&gt;&lt;img src="http://127.0.0.1:9/x.png" onerror="window.__pwned=2"&gt;</p>
<p>Another 12 patients with gastrointestinal stromal tumor received placebo; 9 of them had a
recurrence within a year of surgery, the investigators said in a statement.</p>
</article></body></html>"""
