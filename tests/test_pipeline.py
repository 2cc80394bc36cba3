"""The spaCy pipeline as a whole: built from models/, saved, and loaded back with spacy.load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.settings import CORPORA_DIR

EXPECTED = ["onco_labels", "sentencizer", "onco_paragraphs", "onco_numbers", "onco_entities",
            "onco_entities_cased", "onco_drug_stems", "onco_drug_linker", "onco_abbreviations",
            "onco_cues", "onco_cohorts"]


def test_pipeline_components(nlp) -> None:
    assert nlp.pipe_names == EXPECTED


def test_saved_pipeline_loads_in_a_fresh_process_without_our_imports(nlp, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "onco_en")
    # spacy.load finds our factories through the spacy_factories entry points.
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "doc = nlp('Twenty patients received Keytrudda; four of the twenty patients had a "
        "recurrence.'); "
        "print([(e['count'], e['outcome']) for e in doc._.onco_events], "
        "[e.id_ for e in doc.ents if e.label_ == 'DRUG'])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "onco_en")],
                         capture_output=True, text=True, timeout=300, check=True,
                         cwd=tmp_path).stdout
    assert out.strip() == "[(4, 'recurrence')] ['pembrolizumab']"


def test_row_confidences_are_the_learned_probabilities_rounded(nlp) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    text = ("Researchers enrolled 80 patients who received osimertinib. Twelve patients died. "
            "Of the 80 patients, 30 responded.")
    confidences = [r.confidence for r in analyse(clean_text(text), nlp=nlp).rows]
    assert confidences
    assert all(0.0 <= c <= 1.0 for c in confidences)
    assert all(c == round(c, 3) for c in confidences)  # no 0.7000000000000001 in the CSV


def test_bracket_matches_are_the_scispacy_matchers_that_its_filter_keeps(nlp) -> None:
    from spacy.matcher import Matcher

    from pipeline.nlp.abbreviations import BracketMatches
    from pipeline.process import discover_inputs, load_article

    matcher = Matcher(nlp.vocab)  # scispaCy's own pattern (scispacy.abbreviation)
    matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    texts = [load_article(p).text for p in discover_inputs([CORPORA_DIR / "dev" / "tune"])]
    texts += ["( ( a ) b ) c ) (", "x (a) (b (c) d) (e f g h i j k l) (m n o p q r s t) ()",
              "Rates were 12 (30%) vs 20 (49%) (P = 0.04) in arm A (n = 40) (ITT)."]
    brackets = BracketMatches(nlp)
    for text in texts:
        doc = nlp.make_doc(text)
        kept = [m for m in matcher(doc) if (m[2] - 1) - (m[1] + 1) <= 8]
        assert brackets(doc) == kept, text[:80]


def test_short_form_matches_are_the_scispacy_global_matchers(nlp) -> None:
    """Exact word patterns, added and removed as the detector does: same matches, same order."""
    import random

    from spacy.matcher import Matcher

    from pipeline.nlp.abbreviations import ShortFormMatches
    from pipeline.process import discover_inputs, load_article

    texts = [load_article(p).text for p in discover_inputs([CORPORA_DIR / "dev" / "tune"])]
    texts += ["GIST GIST. (GIST) G I S T G I G I", ""]
    rng = random.Random(7)
    for text in texts:
        doc = nlp.make_doc(text)
        for _ in range(3):
            matcher, forms = Matcher(nlp.vocab), ShortFormMatches(nlp)
            keys = []
            for k in range(rng.randint(1, 5)):
                start = rng.randrange(max(len(doc), 1))
                pattern = [{"ORTH": t.text} for t in doc[start:start + rng.choice([1, 1, 2, 3])]]
                # a key given twice holds two patterns, which may match the same words
                key = rng.choice(keys) if keys and rng.random() < 0.2 else f"form {k}"
                keys.append(key)
                for m in (matcher, forms):
                    m.add(key, [pattern or [{"ORTH": "GIST"}]])
            assert forms(doc) == matcher(doc), text[:80]
            for key in set(keys):
                matcher.remove(key)
                forms.remove(key)
            assert forms(doc) == []


def test_the_drug_linker_search_is_exact_and_the_same_in_every_build() -> None:
    """An HNSW graph gave other borderline neighbours in each process; the search is exact."""
    import srsly

    from pipeline.nlp.drug_linker import candidate_generator, drug_knowledge_base
    from pipeline.settings import MODELS_DIR

    drugs = list(srsly.read_jsonl(MODELS_DIR / "lexicons" / "drugs.jsonl"))
    words = ["Keytrudda", "osimertnib", "Imbruvika", "Opdivio", "platinum", "Whitlock"]

    def found(generator):
        return [[(c.concept_id, tuple(c.similarities)) for c in batch]
                for batch in generator(words, 5)]

    first = found(candidate_generator(drug_knowledge_base(drugs)))
    assert first == found(candidate_generator(drug_knowledge_base(drugs)))
    best = max((max(c[1]), c[0]) for c in first[0])
    assert best[1] == "pembrolizumab" and best[0] > 0.9  # Keytruda, misspelt


def test_drug_name_candidates_are_brands_inside_a_sentence_and_words_after_a_treatment_cue(
        nlp) -> None:
    """The words looked up fuzzily: capitalised inside a sentence, or lower case after "with",
    "plus"...; not all capitals, not at a sentence's start, not already an entity."""
    from pipeline.nlp.drug_linker import drug_name_candidates

    after = nlp.pipe_names[nlp.pipe_names.index("onco_drug_linker"):]
    with nlp.select_pipes(disable=after):  # the document as the linker gets it
        doc = nlp("Zentrava was stopped early. Clinicians then gave Lumorex plus amoxicilin, "
                  "or ciprofloxacin with METHAXOL, to older adults.")
    linker = nlp.get_pipe("onco_drug_linker")
    words = [doc[i].text for i in drug_name_candidates(doc, linker.settings)]
    assert "Lumorex" in words and "amoxicilin" in words  # a brand; a word after "plus"
    assert "Zentrava" not in words  # capitalised only as a sentence's first word
    assert "METHAXOL" not in words and "Clinicians" not in words and "older" not in words
    assert "ciprofloxacin" not in words  # a lexicon drug: already an entity
