"""The curator review report (issue #7) and the judgement CSV it exports.

``render_report`` writes one self-contained HTML page: a run overview, then every article
with its cleaned text (drugs, diseases, cohorts, counts and outcomes highlighted, the
sentences rows came from marked) and its rows, each linked to its sentence. Filters,
accept/reject buttons and the CSV export run in the page's own script: no server, no
external asset, nothing fetched (a Content-Security-Policy forbids it). Everything from
the articles is escaped: the text comes from the open web. ``ReportWriter`` builds the
same page from batches of results, spilling each article's section to a temporary file,
and pages it past ``REPORT_PAGE_ARTICLES`` articles (report.html, report-2.html...).

The judgement CSV (``JUDGEMENT_COLUMNS``) carries each judged row with its gold fields and
its article's, so ``import_judgements`` (``onco-evidence gold import``) can write gold files
in the corpora/README.md format without the report, the store or the run's outputs.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import heapq
import html
import io
import json
import shutil
import tempfile
import typing
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .errors import InputError, SchemaError
from .redaction import public
from .schema import ArticleRecord, EvidenceRow, GoldArticle, GoldFile, GoldRow, RejectRecord

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .evidence import ArticleResult

#: A highlight: character offsets into the cleaned text and a label.
Highlight = tuple[int, int, str]

#: What the report highlights, in the order of its legend.
HIGHLIGHT_LABELS: tuple[str, ...] = ("DRUG", "DISEASE", "COHORT", "COUNT", "OUTCOME")
_HIGHLIGHT_OF = {"DRUG": "DRUG", "DISEASE": "DISEASE", "CONDITION": "DISEASE"}

# --------------------------------------------------------------------------- judgement CSV

#: Gold fields of a row and of its article, as pipeline.schema defines them.
GOLD_ROW_FIELDS: tuple[str, ...] = tuple(GoldRow.model_fields)
GOLD_ARTICLE_FIELDS: tuple[str, ...] = tuple(GoldArticle.model_fields)
ARTICLE_PREFIX = "article_"

#: The judgement CSV's columns, in order (UTF-8, CRLF, RFC 4180 quoting, one row a line):
#:
#: - ``judgement``: ``accepted`` or ``rejected`` (rows the curator did not judge are not written);
#: - ``row_id``, ``article_id``, ``source``: the row as evidence.csv names it, and its input;
#: - ``judged_at``: when the curator judged it (ISO 8601, UTC);
#: - the row's gold fields (``pipeline.schema.GoldRow``: ``row_type`` ... ``sentence``);
#: - its article's gold fields prefixed ``article_`` (``pipeline.schema.GoldArticle``:
#:   ``article_url`` ... ``article_citation_pmid``).
#:
#: Empty cells are unknowns; text that a spreadsheet would run as a formula has a leading
#: ``'`` (as in evidence.csv), which the importer removes.
JUDGEMENT_COLUMNS: tuple[str, ...] = (
    "judgement", "row_id", "article_id", "source", "judged_at",
    *GOLD_ROW_FIELDS,
    *(ARTICLE_PREFIX + name for name in GOLD_ARTICLE_FIELDS),
)
JUDGEMENTS = ("accepted", "rejected")


@dataclass(frozen=True)
class ArticleText:
    """An article's cleaned text (what row offsets point into) and its highlights."""

    text: str
    highlights: tuple[Highlight, ...] = ()


def doc_highlights(doc: Doc) -> tuple[Highlight, ...]:
    """Drugs and diseases (doc.ents), cohorts and counts (the linker's), outcome words (cues)."""
    from .nlp.cohorts import CUES_KEY

    # A condition outside oncology (CONDITION) is shown as a disease.
    found: set[Highlight] = {(e.start_char, e.end_char, _HIGHLIGHT_OF[e.label_])
                             for e in doc.ents if e.label_ in _HIGHLIGHT_OF}
    found |= {(c["start_char"], c["end_char"], "COHORT") for c in doc._.onco_cohorts or []}
    found |= {(e["start_char"], e["end_char"], "COUNT") for e in doc._.onco_events or []}
    found |= {(s.start_char, s.end_char, "OUTCOME") for s in doc.spans.get(CUES_KEY, [])
              if s.label_ == "OUTCOME"}
    # Overlapping spans of one label ("cancer recurrence" and "recurrence") are shown as one.
    merged: list[Highlight] = []
    for start, end, label in sorted(found, key=lambda h: (h[2], h[0], -h[1])):
        if start >= end:
            continue
        if merged and merged[-1][2] == label and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), label)
        else:
            merged.append((start, end, label))
    return tuple(sorted(merged))


def texts_of(results: Iterable[ArticleResult]) -> dict[str, ArticleText]:
    """The text and highlights of each extracted article, by article id."""
    return {r.record.article_id: ArticleText(r.text, tuple(r.highlights))
            for r in results if r.text and not r.unchanged}


# --------------------------------------------------------------------------- rendering


#: Articles per report page: a browser stays responsive with a few hundred articles of text
#: and rows on one page. Page 1 is report.html, the next report-2.html, and so on.
REPORT_PAGE_ARTICLES = 500


def render_report(rows: Sequence[EvidenceRow], records: Sequence[ArticleRecord], *,
                  texts: Mapping[str, ArticleText] | None = None,
                  rejects: Sequence[RejectRecord] | None = None,
                  generated_at: dt.datetime | None = None) -> str:
    """The review page as one HTML string (inline CSS and script, no external asset), every
    article on it. ``ReportWriter`` writes the same page, paged, from batches."""
    report = ReportWriter(None, page_size=None, generated_at=generated_at)
    report.add(records, rows, texts or {})
    return report.render(rejects if rejects is not None else _rejects_of(records))[0]


def _rejects_of(records: Iterable[ArticleRecord]) -> list[RejectRecord]:
    return [RejectRecord(source=r.source, article_id=r.article_id, reason=r.reject_reason or "",
                         rejected_at=r.extracted_at, pipeline_version=r.pipeline_version)
            for r in records if r.status == "rejected"]


@dataclass
class _Page:
    """One report page while it is built: its article sections and its part of the page's
    data, in spill files (or in memory), and the values its filters offer."""

    spill: bool
    n_articles: int = 0
    drugs: set[str] = field(default_factory=set)
    outcomes: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        def buffer() -> typing.TextIO:
            return (tempfile.TemporaryFile("w+", encoding="utf-8") if self.spill  # noqa: SIM115
                    else io.StringIO())
        self.sections, self.articles_json, self.rows_json = buffer(), buffer(), buffer()

    def close(self) -> None:
        for part in (self.sections, self.articles_json, self.rows_json):
            part.close()


def _append_json(buffer: typing.TextIO, key: str, value: object) -> None:
    if buffer.tell():
        buffer.write(",")
    buffer.write(f"{_json_for_script(key)}:{_json_for_script(value)}")


def _copy(buffer: typing.TextIO, out: typing.TextIO) -> None:
    buffer.seek(0)
    shutil.copyfileobj(buffer, out)


class ReportWriter:
    """The review report built from batches of results, holding only small aggregates.

    ``add`` renders each article's section as it comes and spills it to a temporary file;
    ``close`` writes the pages: report.html, then report-2.html... with ``page_size``
    articles each, every page with the whole run's overview, links to the other pages, its
    own filters, articles and judgement data. An article's rows come in the same ``add``
    call as its record.
    """

    def __init__(self, target: Path | None, *, page_size: int | None = REPORT_PAGE_ARTICLES,
                 generated_at: dt.datetime | None = None) -> None:
        self.target = target
        self.page_size = page_size
        self.generated_at = generated_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
        self.pages: list[_Page] = []
        self.kinds: Counter[str] = Counter()
        self.listed: list[tuple[str, str, str, int, int]] = []  # id, source, title, rows, page
        self.groups: dict[str, Counter[str]] = {}

    def add(self, records: Iterable[ArticleRecord], rows: Iterable[EvidenceRow],
            texts: Mapping[str, ArticleText]) -> None:
        by_article: dict[str, list[EvidenceRow]] = {}
        for row in rows:
            by_article.setdefault(row.article_id, []).append(public(row))
        for record in map(public, records):
            if record.status != "ok":
                continue
            page = self._page()
            article_rows = by_article.pop(record.article_id, [])
            page.n_articles += 1
            page.sources.append(record.source)
            page.sections.write(_article(record, article_rows, texts.get(record.article_id)))
            page.sections.write("\n")
            _append_json(page.articles_json, record.article_id, {
                "source": record.source,
                **record.model_dump(mode="json", include=set(GOLD_ARTICLE_FIELDS))})
            self._add_rows(page, article_rows)
            self.listed.append((record.article_id, record.source, record.title or "",
                                len(article_rows), len(self.pages) - 1))
            group = self.groups.setdefault(_source_group(record.source), Counter())
            group["articles"] += 1
            group["rows"] += len(article_rows)
        for stray in by_article.values():  # rows whose article is not in this batch
            self._add_rows(self._page(), stray)

    def _page(self) -> _Page:
        if not self.pages or (self.page_size and self.pages[-1].n_articles >= self.page_size):
            self.pages.append(_Page(spill=self.target is not None))
        return self.pages[-1]

    def _add_rows(self, page: _Page, rows: Sequence[EvidenceRow]) -> None:
        for row in rows:
            self.kinds[row.row_type] += 1
            page.drugs.update(row.drug.split(" + ") if row.drug else ())
            if row.outcome:
                page.outcomes.add(row.outcome)
            _append_json(page.rows_json, row.row_id, {
                "article_id": row.article_id,
                **row.model_dump(mode="json", include=set(GOLD_ROW_FIELDS))})

    def page_names(self) -> list[str]:
        name = self.target.name if self.target else "report.html"
        stem, dot, suffix = name.rpartition(".")
        return [name] + [f"{stem}-{n}{dot}{suffix}" for n in range(2, len(self.pages) + 1)]

    def render(self, rejects: Sequence[RejectRecord]) -> list[str]:
        """Every page as a string (for small reports and tests)."""
        out = []
        for index in range(max(1, len(self.pages))):
            buffer = io.StringIO()
            self._write_page(index, rejects, buffer)
            out.append(buffer.getvalue())
        return out

    def close(self, rejects: Sequence[RejectRecord]) -> list[Path]:
        """Write the pages beside ``target``, each atomically; remove pages of an earlier,
        longer report. Returns the page paths, report.html first."""
        from .export import atomic_path

        assert self.target is not None
        written = []
        try:
            for index, name in enumerate(self.page_names()[:max(1, len(self.pages))]):
                target = self.target.with_name(name)
                with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8") as out:
                    self._write_page(index, rejects, out)
                written.append(target)
        finally:
            self.abort()
        stem, _, suffix = self.target.name.rpartition(".")
        for old in self.target.parent.glob(f"{stem}-*.{suffix}"):
            if old not in written and old.stem.rpartition("-")[2].isdigit():
                old.unlink(missing_ok=True)
        return written

    def abort(self) -> None:
        for page in self.pages:
            page.close()

    def _write_page(self, index: int, rejects: Sequence[RejectRecord], out: typing.TextIO) -> None:
        page = self.pages[index] if self.pages else _Page(spill=False)
        names = self.page_names()
        out.write(_HEAD + "\n")
        out.write(self._overview(index, rejects, names) + "\n")
        out.write(_filters(sorted(page.drugs), sorted(page.outcomes), page.sources) + "\n")
        _copy(page.sections, out)
        out.write("<p id='no-match' hidden>No row matches the filters.</p></main>\n")
        out.write(f"<script type='application/json' id='report-data'>"
                  f"{{\"columns\":{_json_for_script(list(JUDGEMENT_COLUMNS))},\"articles\":{{")
        _copy(page.articles_json, out)
        out.write("},\"rows\":{")
        _copy(page.rows_json, out)
        out.write("}}</script>\n")
        out.write(f"<script>{_SCRIPT}</script></body></html>")

    def _overview(self, index: int, rejects: Sequence[RejectRecord], names: Sequence[str]) -> str:
        n_rows = sum(self.kinds.values())
        out = ["<header><h1>onco-evidence review report</h1>",
               f"<p class='meta'>Generated "
               f"{_e(self.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}</p>"]
        if len(self.pages) > 1:
            links = " ".join(f"<b>{n}</b>" if n - 1 == index else f"<a href='{_e(name)}'>{n}</a>"
                             for n, name in enumerate(names, start=1))
            out.append(f"<nav class='pages'>Page {index + 1} of {len(self.pages)} "
                       f"({self.page_size} articles a page): {links}</nav>")
        out += ["<section id='overview'><h2>Run overview</h2><table class='counts'><tr>"
                "<th>articles</th><th>rows</th><th>outcome rows</th><th>cohort rows</th>"
                "<th>rejects</th></tr>",
                f"<tr><td id='n-articles'>{len(self.listed)}</td><td id='n-rows'>{n_rows}</td>"
                f"<td>{self.kinds['outcome']}</td><td>{self.kinds['cohort']}</td>"
                f"<td id='n-rejects'>{len(rejects)}</td></tr></table>"]
        groups = {name: Counter(c) for name, c in self.groups.items()}
        rejects = [public(r) for r in rejects]
        for reject in rejects:
            groups.setdefault(_source_group(reject.source), Counter())["rejects"] += 1
        out.append("<table class='by-group'><tr><th>site or folder</th><th>articles</th>"
                   "<th>rows</th><th>rejects</th></tr>")
        out += [f"<tr><td>{_e(name)}</td><td>{c['articles']}</td><td>{c['rows']}</td>"
                f"<td>{c['rejects']}</td></tr>" for name, c in sorted(groups.items())]
        out.append("</table>")
        out.append("<details><summary>By source</summary><table class='by-source'><tr>"
                   "<th>source</th><th>title</th><th>rows</th></tr>")
        for article_id, source, title, n, page in self.listed:
            where = "" if page == index else names[page]
            out.append(f"<tr><td><a href='{_e(where)}#a-{_e(article_id)}'>{_e(source)}</a></td>"
                       f"<td>{_e(title)}</td><td>{n}</td></tr>")
        out.append("</table></details>")
        if rejects:
            out.append("<h3>Rejects</h3><table class='rejects'><tr><th>input</th>"
                       "<th>reason</th></tr>")
            out += [f"<tr><td>{_e(r.source)}</td><td>{_e(r.reason)}</td></tr>" for r in rejects]
            out.append("</table>")
        else:
            out.append("<p>No rejects.</p>")
        out.append("</section></header>")
        return "\n".join(out)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _json_for_script(data: object) -> str:
    # Inside <script> only "</" could end the element early; escape every <, > and & anyway.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _source_group(source: str) -> str:
    """The site of a URL, the folder of a path, or the source itself ('source feed-x')."""
    if source.startswith(("http://", "https://")):
        return urlsplit(source).netloc or source
    if source.startswith("source "):
        return source
    return PurePosixPath(source).parent.as_posix()


def _filters(drugs: Sequence[str], outcomes: Sequence[str], sources: Sequence[str]) -> str:
    def options(values: Iterable[str]) -> str:
        return "".join(f"<option value='{_e(v)}'>{_e(v)}</option>" for v in values)

    legend = "".join(f"<span class='hl hl-{label}' data-label='{label}'>{label.lower()}</span> "
                     for label in HIGHLIGHT_LABELS)
    return (
        "<nav id='toolbar'><form id='filters' onsubmit='return false'>"
        f"<label>drug <select id='f-drug'><option value=''>all</option>{options(drugs)}"
        "</select></label>"
        f"<label>outcome <select id='f-outcome'><option value=''>all</option>"
        f"<option value='(cohort)'>(cohort rows)</option>{options(outcomes)}</select></label>"
        f"<label>source <select id='f-source'><option value=''>all</option>{options(sources)}"
        "</select></label>"
        "<label>confidence &ge; <input id='f-confidence' type='number' min='0' max='1' "
        "step='0.05' value='0'></label>"
        "<label>show <select id='f-judgement'><option value=''>all</option>"
        "<option value='unjudged'>not judged</option><option value='accepted'>accepted</option>"
        "<option value='rejected'>rejected</option></select></label>"
        "<button type='button' id='f-reset'>reset</button></form>"
        "<div class='status'><span id='shown'></span> <span id='judged'></span> "
        "<button type='button' id='export'>Export judgements (CSV)</button></div>"
        f"<div class='legend'>{legend}</div></nav><main>")


def _article(record: ArticleRecord, rows: Sequence[EvidenceRow], text: ArticleText | None) -> str:
    aid = record.article_id
    source = record.source
    link = (f"<a href='{_e(source)}' rel='noopener noreferrer'>{_e(source)}</a>"
            if source.startswith(("http://", "https://")) else f"<code>{_e(source)}</code>")
    facts = [("published", record.published), ("site", record.site_name),
             ("disease", record.disease), ("drugs", record.drugs), ("citation", record.citation)]
    meta = "".join(f"<span><b>{name}</b> {_e(value)}</span>" for name, value in facts if value)
    out = [f"<section class='article' id='a-{_e(aid)}' data-source='{_e(source)}'>",
           f"<h2>{_e(record.title or source)}</h2>",
           f"<p class='meta'>{link} {meta}</p>"]
    sentence_ids: dict[str, str] = {}
    if text is not None and text.text:
        spans = {(r.char_start, r.char_end) for r in rows
                 if text.text[r.char_start:r.char_end] == r.sentence}
        sentence_ids = {r.row_id: _sentence_id(aid, r.char_start) for r in rows
                        if (r.char_start, r.char_end) in spans}
        out.append(f"<div class='text'>{render_text(aid, text, sorted(spans))}</div>")
    else:
        out.append("<p class='note'>The article's text is not stored (extracted before "
                   "report texts were kept); the rows show their sentences.</p>")
    out.append(_rows_table(rows, sentence_ids))
    out.append("</section>")
    return "\n".join(out)


def _sentence_id(article_id: str, start: int) -> str:
    return f"s-{article_id}-{start}"


_ROW_FIELDS = (("row_type", "type"), ("summary", "summary"), ("drug", "drug"),
               ("drug_status", "status"), ("arm", "arm"), ("outcome", "outcome"),
               ("cohort_size", "n"), ("event_count", "events"), ("event_percent", "%"))


def _rows_table(rows: Sequence[EvidenceRow], sentence_ids: Mapping[str, str]) -> str:
    if not rows:
        return "<p class='note'>No evidence rows.</p>"
    head = "".join(f"<th>{label}</th>" for _, label in _ROW_FIELDS)
    out = [f"<table class='rows'><thead><tr><th>review</th>{head}<th>confidence</th>"
           "<th>sentence</th></tr></thead><tbody>"]
    for row in rows:
        drug_parts = "|" + "|".join(row.drug.split(" + ")) + "|" if row.drug else ""
        cells = "".join(f"<td class='c-{name}'>{_e(_cell(getattr(row, name)))}</td>"
                        for name, _ in _ROW_FIELDS)
        sid = sentence_ids.get(row.row_id)
        sentence = (f"<a class='to-sentence' href='#{_e(sid)}' data-sentence='{_e(sid)}'>"
                    f"{_e(row.sentence)}</a>" if sid else f"<span>{_e(row.sentence)}</span>")
        out.append(
            f"<tr class='row' data-row-id='{_e(row.row_id)}' data-article='{_e(row.article_id)}' "
            f"data-source='{_e(row.source)}' data-drugs='{_e(drug_parts)}' "
            f"data-outcome='{_e(row.outcome or '(cohort)')}' "
            f"data-confidence='{row.confidence:.4f}'>"
            "<td class='review'><button type='button' class='accept' title='accept'>&#10003;"
            "</button><button type='button' class='reject' title='reject'>&#10007;</button></td>"
            f"{cells}<td class='c-confidence'>{row.confidence:.2f}</td>"
            f"<td class='c-sentence'>{sentence}</td></tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass
class _Node:
    start: int
    end: int
    label: str
    index: int  # the highlight's index in ArticleText.highlights
    children: list[_Node] = field(default_factory=list)


def render_text(article_id: str, text: ArticleText, sentences: Sequence[tuple[int, int]]) -> str:
    """The text as HTML: each row sentence one element (the rows' link target), highlights
    as nested ``<mark>``s. A highlight that crosses a sentence or another highlight is cut in
    pieces that share its ``data-hl`` index, so the nesting stays valid."""
    body = text.text
    cuts: list[tuple[int, int, str | None]] = []  # top-level segments: sentences and gaps
    at = 0
    for start, end in sentences:
        if start < at:  # overlapping sentences cannot happen with doc.sents; keep the first
            continue
        if start > at:
            cuts.append((at, start, None))
        cuts.append((start, end, _sentence_id(article_id, start)))
        at = end
    if at < len(body):
        cuts.append((at, len(body), None))
    # Highlights by start; a segment looks only at those that start before its end and
    # after its start minus the longest highlight (not at every highlight of the text).
    by_start = sorted((s, e, label, i) for i, (s, e, label) in enumerate(text.highlights))
    starts = [h[0] for h in by_start]
    longest = max((e - s for s, e, _, _ in by_start), default=0)
    out: list[str] = []
    for seg_start, seg_end, sid in cuts:
        lo = bisect.bisect_left(starts, seg_start - longest)
        hi = bisect.bisect_left(starts, seg_end)
        pieces = [(max(s, seg_start), min(e, seg_end), label, i)
                  for s, e, label, i in by_start[lo:hi] if e > seg_start]
        inner = _render_nodes(body, seg_start, seg_end, _nest(pieces), article_id)
        if sid:
            out.append(f"<span class='sent' id='{_e(sid)}'>{inner}</span>")
        else:
            out.append(inner)
    return "".join(out)


def _nest(pieces: Iterable[tuple[int, int, str, int]]) -> list[_Node]:
    """Spans as a forest, outer spans first; a span crossing its parent's end is split."""
    heap = [(s, -e, i, label) for s, e, label, i in pieces if s < e]
    heapq.heapify(heap)
    roots: list[_Node] = []
    stack: list[_Node] = []
    while heap:
        start, neg_end, index, label = heapq.heappop(heap)
        end = -neg_end
        while stack and stack[-1].end <= start:
            stack.pop()
        if stack and end > stack[-1].end:
            heapq.heappush(heap, (stack[-1].end, -end, index, label))
            end = stack[-1].end
        node = _Node(start, end, label, index)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _render_nodes(body: str, start: int, end: int, nodes: Sequence[_Node], article_id: str) -> str:
    out: list[str] = []
    at = start
    for node in nodes:
        out.append(html.escape(body[at:node.start], quote=False))
        inner = _render_nodes(body, node.start, node.end, node.children, article_id)
        out.append(f"<mark class='hl hl-{_e(node.label)}' data-label='{_e(node.label)}' "
                   f"data-hl='{_e(article_id)}:{node.index}'>{inner}</mark>")
        at = node.end
    out.append(html.escape(body[at:end], quote=False))
    return "".join(out)


# --------------------------------------------------------------------------- gold import


@dataclass(frozen=True)
class ImportSummary:
    """What ``import_judgements`` wrote."""

    gold_files: tuple[Path, ...]
    accepted: int
    rejected: int


def read_judgements(path: str | Path) -> list[dict[str, str]]:
    """The judgement CSV's lines as dicts, checked against ``JUDGEMENT_COLUMNS``."""
    from .export import unneutralize

    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: Excel adds a BOM
        reader = csv.DictReader(handle)
        missing = [c for c in JUDGEMENT_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise SchemaError(f"{path}: not a judgement CSV, missing columns {missing}")
        lines = [{k: str(unneutralize(v or "")) for k, v in line.items() if k in JUDGEMENT_COLUMNS}
                 for line in reader]
    for n, line in enumerate(lines, start=2):
        if line["judgement"] not in JUDGEMENTS:
            raise SchemaError(f"{path}:{n}: judgement {line['judgement']!r} is not one of "
                              f"{', '.join(JUDGEMENTS)}")
    return lines


def import_judgements(path: str | Path, out_dir: str | Path, *,
                      root: str | Path | None = None) -> ImportSummary:
    """Write one ``<input>.gold.json`` per judged article into ``out_dir``, with its accepted
    rows, and copy its input beside it so ``onco-evidence evaluate out_dir`` can score.

    Relative sources are found under ``root`` (default: the current folder). An article
    whose every row was rejected gets a gold file with no rows: the curator said the rows
    the pipeline found are not there. An existing gold file of the same input is replaced.
    """
    lines = read_judgements(path)
    out = Path(out_dir)
    root = Path(root) if root is not None else Path.cwd()
    by_article: dict[str, list[dict[str, str]]] = {}
    for line in lines:
        by_article.setdefault(line["article_id"], []).append(line)
    written: list[Path] = []
    names: dict[str, str] = {}
    for article_id, judged in by_article.items():
        source = judged[0]["source"]
        if source.startswith(("http://", "https://")):
            raise InputError(f"{source}: gold files need the page as a local file; save it and "
                             "extract the file (URL sources cannot be evaluated)")
        input_path = Path(source) if Path(source).is_absolute() else root / source
        if not input_path.is_file():
            raise InputError(f"no such file: {input_path} (the input of {article_id}; "
                             "give --root for relative sources)")
        name = input_path.name
        if names.setdefault(name, article_id) != article_id:  # two inputs of one name
            name = f"{article_id[:8]}-{name}"
        gold = GoldFile(
            input=name,
            article=GoldArticle.model_validate(
                {f: judged[0][ARTICLE_PREFIX + f] or None for f in GOLD_ARTICLE_FIELDS}),
            rows=tuple(GoldRow.model_validate({f: line[f] or None for f in GOLD_ROW_FIELDS})
                       for line in judged if line["judgement"] == "accepted"))
        out.mkdir(parents=True, exist_ok=True)
        target = out / name
        if not target.exists() or not target.samefile(input_path):
            shutil.copyfile(input_path, target)
        gold_path = out / f"{name}.gold.json"
        gold_path.write_text(json.dumps(gold.model_dump(mode="json"), ensure_ascii=False,
                                        indent=1) + "\n", encoding="utf-8")
        written.append(gold_path)
    counts = Counter(line["judgement"] for line in lines)
    return ImportSummary(tuple(written), counts["accepted"], counts["rejected"])


# --------------------------------------------------------------------------- page assets

_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>onco-evidence review report</title>
<style>
:root{--drug:#b3e5fc;--disease:#ffcdd2;--cohort:#dcedc8;--count:#ffe0b2;--outcome:#e1bee7}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fafafa}
header,main{max-width:1200px;margin:0 auto;padding:0 1.5em}
h1{font-size:1.6em;margin:.8em 0 .2em}h2{font-size:1.25em;margin:.2em 0}
.meta{color:#555;font-size:.9em}.meta span{margin-right:1em}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
td,th{border:1px solid #ddd;padding:3px 7px;vertical-align:top;text-align:left}
th{background:#eee}.counts td{font-size:1.3em;text-align:center}
#toolbar{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid #ccc;
 padding:.5em 1.5em;display:flex;flex-wrap:wrap;gap:.4em 1.5em;align-items:center}
#toolbar label{margin-right:.8em;font-size:.9em}#toolbar select{max-width:16em}
#f-confidence{width:4.5em}.status{font-size:.9em}
.article{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1.2em 0;padding:1em 1.2em}
.text{white-space:pre-wrap;line-height:2.1;border-left:3px solid #eee;padding-left:1em;
 max-width:75em;margin:.6em 0}
.hl{border-radius:3px;padding:1px 2px;color:inherit}
.hl::after{content:attr(data-label);font-size:.6em;font-weight:600;margin-left:3px;color:#555;
 vertical-align:middle}
.hl-DRUG{background:var(--drug)}.hl-DISEASE{background:var(--disease)}
.hl-COHORT{background:var(--cohort)}.hl-COUNT{background:var(--count)}
.hl-OUTCOME{background:var(--outcome)}
.legend .hl::after{content:none}
.sent{border-bottom:2px dotted #9e9e9e;scroll-margin-top:7em}
.sent.marked,.sent:target{background:#fff59d;outline:2px solid #fbc02d;border-radius:3px}
tr.row.accepted{background:#e8f5e9}tr.row.rejected{background:#fbe9e7;color:#777}
tr.row.rejected .c-summary{text-decoration:line-through}
tr.row.current{outline:2px solid #fbc02d}
.review{white-space:nowrap}
.review button{border:1px solid #bbb;background:#fff;border-radius:3px;cursor:pointer;
 padding:0 .45em;margin-right:2px}
tr.accepted .accept{background:#43a047;color:#fff;border-color:#43a047}
tr.rejected .reject{background:#e53935;color:#fff;border-color:#e53935}
.c-sentence{max-width:28em;font-size:.85em}.c-summary{font-weight:600}
.note{color:#777;font-style:italic}[hidden]{display:none!important}
</style></head><body>"""

# The page's behaviour: filters, row -> sentence links, judgements (kept in localStorage),
# and the CSV export as a Blob download. Plain DOM, no library.
_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var articles = Array.prototype.slice.call(document.querySelectorAll("section.article"));
  var storeKey = "onco-evidence-judgements:" + rows.length + ":" +
    (rows.length ? rows[0].dataset.rowId + rows[rows.length - 1].dataset.rowId : "");
  var judgements = {};
  try { judgements = JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) {}
  function $(id) { return document.getElementById(id); }

  function applyFilters() {
    var drug = $("f-drug").value, outcome = $("f-outcome").value, source = $("f-source").value;
    var minConf = parseFloat($("f-confidence").value) || 0, which = $("f-judgement").value;
    var shown = 0, perArticle = {};
    rows.forEach(function (tr) {
      var j = judgements[tr.dataset.rowId];
      var ok = (!drug || tr.dataset.drugs.indexOf("|" + drug + "|") >= 0) &&
        (!outcome || tr.dataset.outcome === outcome) &&
        (!source || tr.dataset.source === source) &&
        parseFloat(tr.dataset.confidence) >= minConf - 1e-9 &&
        (!which || (which === "unjudged" ? !j : j && j.judgement === which));
      tr.hidden = !ok;
      if (ok) { shown += 1; perArticle[tr.dataset.article] = true; }
    });
    var filtering = drug || outcome || source || minConf > 0 || which;
    articles.forEach(function (sec) {
      sec.hidden = filtering ? !perArticle[sec.id.slice(2)] : false;
    });
    $("shown").textContent = shown + " of " + rows.length + " rows shown.";
    $("no-match").hidden = shown > 0;
  }

  function showJudgements() {
    var n = {accepted: 0, rejected: 0};
    rows.forEach(function (tr) {
      var j = judgements[tr.dataset.rowId];
      tr.classList.toggle("accepted", !!j && j.judgement === "accepted");
      tr.classList.toggle("rejected", !!j && j.judgement === "rejected");
      if (j) { n[j.judgement] += 1; }
    });
    $("judged").textContent = n.accepted + " accepted, " + n.rejected + " rejected.";
  }

  function judge(tr, judgement) {
    var id = tr.dataset.rowId, j = judgements[id];
    if (j && j.judgement === judgement) { delete judgements[id]; }  // a second click undoes
    else { judgements[id] = {judgement: judgement, judged_at: new Date().toISOString().slice(0, 19) + "Z"}; }
    try { localStorage.setItem(storeKey, JSON.stringify(judgements)); } catch (e) {}
    showJudgements();
    applyFilters();
  }

  function markSentence(id) {
    var target = document.getElementById(id);
    if (!target) { return; }
    document.querySelectorAll(".sent.marked").forEach(function (s) { s.classList.remove("marked"); });
    target.classList.add("marked");
    target.scrollIntoView({block: "center"});
  }

  // Same rule as pipeline.export.neutralize: a spreadsheet would run these as formulas.
  var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
  function needsGuard(v) {
    if (v.length && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) { return !NUMBER.test(v); }
    return v.charAt(0) === "'" && v.length > 1 && needsGuard(v.slice(1));
  }
  function csvCell(value) {
    var v = value === null || value === undefined ? "" : String(value);
    if (needsGuard(v)) { v = "'" + v; }
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  function exportCsv() {
    var lines = [data.columns.map(csvCell).join(",")];
    rows.forEach(function (tr) {
      var id = tr.dataset.rowId, j = judgements[id];
      if (!j) { return; }
      var row = data.rows[id], article = data.articles[row.article_id] || {};
      lines.push(data.columns.map(function (c) {
        if (c === "judgement" || c === "judged_at") { return csvCell(j[c]); }
        if (c === "row_id") { return csvCell(id); }
        if (c === "article_id") { return csvCell(row.article_id); }
        if (c === "source") { return csvCell(article.source); }
        if (c.indexOf("article_") === 0) { return csvCell(article[c.slice(8)]); }
        return csvCell(row[c]);
      }).join(","));
    });
    var blob = new Blob([lines.join("\r\n") + "\r\n"], {type: "text/csv;charset=utf-8"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "judgements.csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("button");
    var tr = ev.target.closest("tr.row");
    if (button && tr) { judge(tr, button.classList.contains("accept") ? "accepted" : "rejected"); return; }
    var link = ev.target.closest("a.to-sentence");
    if (link) {
      ev.preventDefault();
      rows.forEach(function (r) { r.classList.remove("current"); });
      if (tr) { tr.classList.add("current"); }
      history.replaceState(null, "", "#" + link.dataset.sentence);
      markSentence(link.dataset.sentence);
    }
  });
  ["f-drug", "f-outcome", "f-source", "f-confidence", "f-judgement"].forEach(function (id) {
    $(id).addEventListener("input", applyFilters);
    $(id).addEventListener("change", applyFilters);
  });
  $("f-reset").addEventListener("click", function () { $("filters").reset(); applyFilters(); });
  $("export").addEventListener("click", exportCsv);
  showJudgements();
  applyFilters();
  if (location.hash.indexOf("#s-") === 0) { markSentence(location.hash.slice(1)); }
})();
"""
