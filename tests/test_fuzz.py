"""Property-based tests (hypothesis): the cleaner and the extractor never raise on any
input except with a recorded reason, and the rows they give keep the contract's invariants
(event_count <= cohort_size, counts non-negative, offsets inside the text, the sentence
at its offsets, the pandera schema of evidence.csv)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import CleanArticle, clean_html, clean_text
from pipeline.errors import OncoEvidenceError
from pipeline.evidence import analyse
from pipeline.export import _typed, evidence_frame, evidence_schema

TAGS = ["div", "p", "span", "a", "article", "main", "section", "nav", "footer", "aside", "header",
        "table", "tr", "td", "th", "ul", "ol", "li", "h1", "h2", "h3", "script", "style", "br",
        "img", "form", "input", "button", "b", "em", "font", "center", "blockquote", "figure",
        "figcaption", "time", "meta", "title", "iframe", "svg"]
CLASSES = ["content", "share", "related", "teaser", "sidebar", "post-body", "article__body", "nav",
           "css-1x2y3z", "ad", "comments", "footer", "has-sidebar", "recommended", "cookie-banner", ""]
WORDS = ["Of", "the", "40", "patients", "12", "(30%)", "responded", "to", "imatinib", "Gleevec",
         "Keytruda", "pembrolizumab", "placebo", "progressed", "died", "relapse", "did", "not",
         "continue", "stopped", "n", "=", "45", "3/40", "vs", "9/41", "twenty-four", "four", "of",
         "five", "only", "one", "none", "Group", "1", "arm", "A", "B", "respectively", "Recommended",
         "Articles", "Scroll", "Continue", "Skip", "main", "content", "©", "2026", "All", "rights",
         "reserved", "GIST", "NSCLC", "median", "months", "HR", "0.62", "95%", "CI", "%", ".",
         ",", ";", ":", "—", "é", "µg", "\u00a0", "&amp;", "&lt;", "<", ">", "\"", "'", "\n",
         "Reference:", "Smith", "J", "et", "al.", "N", "Engl", "J", "Med.", "2024;390:12-20."]

text = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)


@st.composite
def html_element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = ""
    if draw(st.booleans()):
        attrs += f' class="{draw(st.sampled_from(CLASSES))}"'
    if draw(st.integers(0, 5)) == 0:
        attrs += ' style="display:none"'
    if tag == "a":
        attrs += f' href="{draw(st.sampled_from(["/", "/news/x", "https://e.example/", "#"]))}"'
    children = []
    if depth < 6:
        children = draw(st.lists(st.one_of(text, html_element(depth + 1)), max_size=5))
    closed = draw(st.integers(0, 9)) > 0  # sometimes left open, as broken pages do
    return f"<{tag}{attrs}>" + "".join(children) + (f"</{tag}>" if closed else "")


pages = st.one_of(
    html_element().map(lambda body: f"<html><head><title>t</title></head><body>{body}</body></html>"),
    html_element(),
    st.binary(max_size=2000),
    st.text(max_size=500),
)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(pages)
def test_the_html_cleaner_never_raises_without_a_reason(page: str | bytes) -> None:
    try:
        article = clean_html(page)
    except OncoEvidenceError as e:
        assert e.reason  # a reject with a reason, never a crash
        return
    assert isinstance(article, CleanArticle)
    assert article.text.strip()
    assert "\x00" not in article.text


@FUZZ
@given(st.one_of(st.lists(text, max_size=8).map("\n\n".join), st.text(max_size=500)))
def test_the_text_cleaner_never_raises_without_a_reason(dump: str) -> None:
    try:
        article = clean_text(dump)
    except OncoEvidenceError as e:
        assert e.reason
        return
    assert article.text.strip()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(text.filter(str.strip), min_size=1, max_size=6))
def test_extracted_rows_keep_the_contracts_invariants(nlp, paragraphs: list[str]) -> None:
    try:
        article = clean_text("\n\n".join(paragraphs), source="fuzz.txt")
    except OncoEvidenceError:
        return
    result = analyse(article, nlp=nlp)
    for row in result.rows:
        assert 0 <= row.char_start < row.char_end <= len(article.text)
        assert article.text[row.char_start:row.char_end] == row.sentence
        for count in (row.cohort_size, row.event_count):
            assert count is None or count >= 0
        if row.cohort_size is not None and row.event_count is not None:
            assert row.event_count <= row.cohort_size, row
    if result.rows:
        evidence_schema().validate(_typed(evidence_frame(result.rows)), lazy=True)
