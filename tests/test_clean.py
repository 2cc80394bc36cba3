"""Cleaning: chrome lines, teaser blocks, HTML structure, metadata, citations."""

from __future__ import annotations

import pytest

from pipeline import clean_html, clean_text
from pipeline.clean import parse_citation
from pipeline.errors import EmptyArticleError

TEASER_DUMP = """Skip to main content

Phase 2 data for drug X

The trial enrolled 40 patients.

Related Articles

Image placeholder title

New Hope for Pancreatic Cancer Patients in 2024

A short blurb about a different study.

Another Headline About Something Else Entirely

Results

All 40 patients were evaluated.
"""


def test_text_dump_drops_chrome_and_teaser_cards_but_keeps_article() -> None:
    article = clean_text(TEASER_DUMP)
    assert "Skip to main content" not in article.text
    assert "Pancreatic" not in article.text
    assert "Another Headline" not in article.text
    assert "The trial enrolled 40 patients." in article.paragraphs
    # "Results" is too short to be a teaser headline: the article resumes there.
    assert article.paragraphs[-2:] == ("Results", "All 40 patients were evaluated.")


def test_text_dump_bullets_and_hard_wrapped_lines() -> None:
    article = clean_text("Intro line that wraps\nonto a second line.\n  \u2022 First item.\n- Second item.")
    assert article.paragraphs == ("Intro line that wraps onto a second line.", "First item.",
                                  "Second item.")
    assert [b.kind for b in article.blocks] == ["paragraph", "item", "item"]


def test_empty_page_is_an_error_with_a_reason() -> None:
    with pytest.raises(EmptyArticleError, match="no article text"):
        clean_text("Skip to main content\n\nScroll to Continue\n")
    with pytest.raises(EmptyArticleError):
        clean_html("<html><body><nav>Home</nav><footer>© 2024</footer></body></html>")


PAGE = """<html><head><title>Trial Results | Onco Site</title>
<meta name="citation_author" content="Smith J"><meta name="citation_author" content="Doe A">
<meta name="citation_publication_date" content="2021/03/05"></head>
<body><div class="site-header">Site menu</div>
<div id="content"><h1>Trial Results</h1>
<p>In the trial, <a href="#">nivolumab</a> was given to 30 patients.</p>
<div class="share-tools"><a>Facebook</a></div>
<table><tr><th>Arm</th><th>N</th></tr><tr><td>A</td><td>15</td></tr></table>
<div style="display:none">hidden tracking text</div>
<div class="related-posts"><h3>More on melanoma</h3><p>Teaser text.</p></div>
<p>Source: Smith J, Doe A. A trial. N Engl J Med. 2021;384(10):905-914. doi:10.1056/NEJMoa2034577</p>
</div></body></html>"""


def test_html_structure_metadata_and_chrome() -> None:
    article = clean_html(PAGE, url="https://example.org/a")
    assert article.title == "Trial Results"
    assert article.authors == ("Smith J", "Doe A")
    assert str(article.published) == "2021-03-05"
    assert article.url == "https://example.org/a"
    assert article.paragraphs == ("In the trial, nivolumab was given to 30 patients.",
                                  "Arm | N", "A | 15")
    assert article.citation is not None
    assert article.citation.journal == "N Engl J Med"
    assert article.citation.doi == "10.1056/NEJMoa2034577"


@pytest.mark.parametrize(("raw", "expected"), [
    ("Rutkowski P, Nowecki Z, Nyckowski P et al. Surgical Treatment of GIST. "
     "Journal of Surgical Oncology. 2006;93:304-311.",
     {"authors": ("Rutkowski P", "Nowecki Z", "Nyckowski P"), "title": "Surgical Treatment of GIST",
      "journal": "Journal of Surgical Oncology", "year": 2006, "volume": "93", "pages": "304-311"}),
    ("Motzer RJ, Tannir NM. Nivolumab plus ipilimumab in advanced renal-cell carcinoma. "
     "N Engl J Med. 2018 Apr 5;378(14):1277-1290. doi: 10.1056/NEJMoa1712126. PMID: 29562145.",
     {"authors": ("Motzer RJ", "Tannir NM"), "journal": "N Engl J Med", "year": 2018,
      "volume": "378", "issue": "14", "pages": "1277-1290", "doi": "10.1056/NEJMoa1712126",
      "pmid": "29562145"}),
])
def test_parse_citation(raw: str, expected: dict) -> None:
    citation = parse_citation(raw)
    for field, value in expected.items():
        assert getattr(citation, field) == value, field


SITE_PAGE = b"""<html><body><article><h1>Trial news</h1>
<div data-module="sponsor-message"><p>This coverage is supported by an educational grant from a
company that makes nivolumab and wants you to read about its trial results today.</p></div>
<p class="story-kicker">Lung cancer</p>
<p>Of the 120 patients randomised, 60 received nivolumab and 60 received docetaxel; responses
occurred in 12 of the 60 patients given nivolumab and in 6 of the 60 given docetaxel.</p>
<p>Presented by our partners</p>
<p>The investigators said a larger confirmatory trial is under way at 40 centres in Europe.</p>
</article></body></html>"""


def test_a_site_profile_adds_rules_for_its_host_only() -> None:
    generic = clean_html(SITE_PAGE, url="https://other.example/news/1").text
    profiled = clean_html(SITE_PAGE, url="https://www.site-profile.example/news/1").text
    assert "educational grant" in generic and "Presented by our partners" in generic
    for chrome in ("educational grant", "Presented by our partners", "Lung cancer"):
        assert chrome not in profiled
    assert "responses occurred in 12 of the 60" in " ".join(profiled.split())
    assert "confirmatory trial" in profiled


def test_site_profiles_are_checked() -> None:
    from pipeline.clean.rules import SiteProfile
    from pipeline.errors import ModelError

    with pytest.raises(ModelError, match="unknown keys"):
        SiteProfile.from_dict("bad", {"hosts": ["a.example"], "drop_xpath": []})
    with pytest.raises(ModelError, match="bad XPath"):
        SiteProfile.from_dict("bad", {"hosts": ["a.example"], "drop_xpaths": ["//div[@"]})
