"""onco_abbreviations: scispaCy's abbreviation detector, and labels carried to short forms.

"gastrointestinal stromal tumors (GIST)": once the long form is a DISEASE entity, every
"GIST" in the document becomes the same entity, even when no lexicon lists it.
"""

from __future__ import annotations

import numpy
from scispacy.abbreviation import AbbreviationDetector
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .drug_stems import CODE_CLOSERS

#: Last words of a bracketed name that names a group of patients, not the drugs before it
#: (the arm nouns of models/rules/linking.json).
_ARM_NOUNS = frozenset({"group", "groups", "arm", "arms", "cohort", "cohorts"})


def propagate_labels(doc: Doc, abbreviations: list[dict], ents: list[Span]) -> None:
    """Give each short form the label and id of the entity that its long form is (``ents``:
    the document's entities)."""
    by_range = {(e.start, e.end): e for e in ents}
    new: list[Span] = []
    orths: numpy.ndarray | None = None
    for abbr in abbreviations:
        long_ents = [e for e in ents
                     if e.start >= abbr["long_start"] and e.end <= abbr["long_end"]]
        if not long_ents:
            continue
        source = max(long_ents, key=len)
        start, end = abbr["short_start"], abbr["short_end"]
        if end - start > 1 and doc[end - 1].lower_ in _ARM_NOUNS:
            continue  # "switched to X because of progression on Y (switch group)": an arm's name
        span_id = source.id_
        drugs = [e for e in long_ents if e.label_ == "DRUG" and e.id_]
        if source.label_ == "DRUG" and len(drugs) > 1:
            # "gemcitabine plus nab-paclitaxel (GnP)": the short form names the combination.
            span_id = " + ".join(sorted({p for e in drugs for p in e.id_.split(" + ")}))
        if (start, end) not in by_range:
            new.append(Span(doc, start, end, label=source.label_, span_id=span_id))
        if end - start == 1:
            # Every later use of the short form names the same thing ("371 received GnP");
            # the detector does not always list them. Found by word id, not token by token.
            if orths is None:  # the words as ids, read once per document
                orths = doc.to_array(ORTH)
            short = abbr["short_text"]
            found = [*numpy.flatnonzero(orths == get_string_id(short)).tolist(),
                     *numpy.flatnonzero(orths == get_string_id(short + ".")).tolist()]
            new += [Span(doc, i, i + 1, label=source.label_, span_id=span_id)
                    for i in found if i >= end and (i, i + 1) not in by_range]
    if new:
        # Existing entities win over propagated ones where they overlap.
        kept = [s for s in new if not any(s.start < e.end and e.start < s.end for e in ents)]
        doc.ents = filter_spans(ents + kept)


def combination_short_forms(doc: Doc, ents: list[Span]) -> list[dict]:
    """'dolutegravir/lamivudine (DTG/3TC)', 'bictegravir/emtricitabine/tenofovir alafenamide
    (B/F/TAF)': a bracketed word of as many slash-separated parts as the combination before
    it has drugs is its short form, though its letters are the agents' conventional codes,
    not the initials the detector matches (Schwartz & Hearst, PSB 2003)."""
    found = []
    taken = {e.start for e in ents}
    for ent in ents:
        k = ent.end
        if ent.label_ != "DRUG" or " + " not in ent.id_ or k + 2 >= len(doc) \
                or doc[k].text != "(" or doc[k + 2].text != ")" or k + 1 in taken:
            continue
        short = doc[k + 1].text
        if "/" in short and short.count("/") + 1 == len(ent.id_.split(" + ")) \
                and all(p and p[0].isalnum() for p in short.split("/")):
            found.append({"long_start": ent.start, "long_end": ent.end, "short_start": k + 1,
                          "short_end": k + 2, "short_text": short})
    return found


#: How far a bracket that opens with a short form is read for the drugs it lists.
_MAX_LISTED = 24
_OPEN = get_string_id("(")


def listed_short_forms(doc: Doc, ents: list[Span]) -> list[dict]:
    """'hormonal add-back therapy (ABT; estradiol 1 mg and norethisterone acetate 0.5 mg)': a
    capitalised short form opening a bracket whose rest, after a semicolon or colon, lists
    only drugs and their doses names those drugs, so that "X plus ABT" is X with them. The
    rest must hold nothing but drug names, numbers, punctuation and short lower-case words
    (units, "and", "plus"): a bracket that goes on to say something else names no regimen.
    The detector reads none of these (its brackets hold at most 8 words)."""
    found: list[dict] = []
    n = len(doc)
    opens = [k for k in numpy.flatnonzero(doc.to_array(ORTH) == _OPEN).tolist() if k < n - 4]
    if not opens:  # (the brackets are found from token ids: a Token per word costs more)
        return found
    drug_at = {i: e for e in ents if e.label_ == "DRUG" and e.id_ for i in range(e.start, e.end)}
    taken = {i for e in ents for i in range(e.start, e.end)}
    for k in opens:
        short = doc[k + 1]
        if doc[k + 2].text not in (";", ":") or k + 1 in taken \
                or not (short.is_alpha and short.is_upper and 2 <= len(short) <= 6):
            continue
        end = next((j for j in range(k + 3, min(n, k + 3 + _MAX_LISTED)) if doc[j].text == ")"), 0)
        if not end or not any(j in drug_at for j in range(k + 3, end)):
            continue
        if all(j in drug_at or doc[j].like_num or doc[j].is_punct
               or (doc[j].is_lower and len(doc[j]) <= 4) for j in range(k + 3, end)):
            found.append({"long_start": k + 3, "long_end": end, "short_start": k + 1,
                          "short_end": k + 2, "short_text": short.text})
    return found


def spelled_short_forms(doc: Doc) -> list[dict]:
    """'oral ornithine phenylacetate (OP; code OCR-002)', 'the adjuvanted recombinant zoster
    vaccine (RZV; Shingrix)': a capitalised word opening a bracket whose letters are the
    initials of the words right before it spells a drug's name, also when more names follow
    it in the brackets (the detector reads none there). When those words start inside an
    agent's name found by its shape or role and go on after it ("ornithine phenylacetate"),
    or leave out a word it began with ("adjuvanted": how it is given), the agent is named by
    them, at every mention (the article shortens the name it gave). The short forms, for
    propagate_labels."""
    ents = list(doc.ents)
    n = len(doc)
    renamed: dict[str, tuple[int, int, str]] = {}  # old id -> (start, end, name)
    found = []
    for ent in ents:
        if ent.label_ != "DRUG" or not ent.id_ or ent.id_ != ent.text.lower():
            continue  # (a name some lexicon gives keeps it)
        k = ent.end
        while k < n and k < ent.end + 3 and doc[k].is_alpha and doc[k].is_lower \
                and not doc[k].is_stop and not doc[k].ent_type_:
            k += 1  # the words of the name after the agent's ("phenylacetate")
        if k + 2 >= n or doc[k].text != "(" or doc[k + 2].text not in CODE_CLOSERS:
            continue
        short = doc[k + 1]
        start = k - len(short)
        if not (short.is_alpha and short.text[0].isupper() and 2 <= len(short) <= 6
                and ent.start <= start < ent.end and (start, k) != (ent.start, ent.end)):
            continue
        if "".join(t.lower_[0] for t in doc[start:k]) != short.lower_:
            continue
        renamed.setdefault(ent.id_, (start, k, doc[start:k].text.lower()))
        found.append({"long_start": start, "long_end": k, "short_start": k + 1,
                      "short_end": k + 2, "short_text": short.text})
    if not renamed:
        return found
    spans = []
    for ent in ents:
        start, end, name = renamed.get(ent.id_, (0, 0, ""))
        if not name:
            spans.append(ent)
        elif ent.start <= start < ent.end:
            spans.append(Span(doc, start, end, label="DRUG", span_id=name))
        else:
            spans.append(Span(doc, ent.start, ent.end, label="DRUG", span_id=name))
    doc.ents = filter_spans(spans)
    return found


#: scispaCy's filter_matches drops brackets holding more than this many tokens.
_MAX_BRACKETED = 8


class BracketMatches:
    """The matches of scispaCy's ``"(" any+ ")"`` Matcher pattern that its filter keeps
    (at most 8 tokens inside), in the Matcher's order (by end, then the later start first).

    The Matcher carries every open bracket to the end of the document, which made the
    detector a sixth of the NLP stage on long articles with many "12 (30%)" counts; this
    looks at most 9 tokens ahead. Same matches, same order (checked on the bundled corpus
    and 40 generated long articles; tests/test_pipeline.py)."""

    def __init__(self, nlp: Language) -> None:
        self.key = nlp.vocab.strings.add("parenthesis")
        self.open, self.close = nlp.vocab.strings.add("("), nlp.vocab.strings.add(")")

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = []
        words = doc.to_array(ORTH).tolist()  # token ids: Token objects cost more
        for i, word in enumerate(words):
            if word != self.open:
                continue
            for j in range(i + 2, min(i + _MAX_BRACKETED + 2, len(words))):
                if words[j] == self.close:
                    found.append((self.key, i, j + 1))
        return sorted(found, key=lambda m: (m[2], -m[1]))


class ShortFormMatches:
    """Stands in for the detector's second Matcher, the one that finds every later use of a
    short form: the detector adds one exact pattern per short form it found (``{"ORTH": w}``
    for each word), runs it over the document and removes them again.

    Adding a pattern compiles it into the Matcher's memory, which is never freed, and the
    Matcher makes a Token for every word of the document: a third of the detector's time.
    Here a pattern is its tuple of word ids, looked for in the document's ids. Same matches,
    in the Matcher's order (by end, then start, then the order the patterns were added;
    tests/test_pipeline.py)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab  # the detector reads the key's text from it
        self.forms: dict[int, list[tuple[int, ...]]] = {}

    def add(self, key: str, patterns: list[list[dict[str, str]]]) -> None:
        strings = self.vocab.strings
        self.forms.setdefault(strings.add(key), []).extend(
            tuple(strings.add(spec["ORTH"]) for spec in pattern) for pattern in patterns)

    def remove(self, key: str) -> None:
        del self.forms[self.vocab.strings.add(key)]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not self.forms:
            return []
        ids = doc.to_array(ORTH)
        words = ids.tolist()
        found = []
        for order, (key, form) in enumerate((k, f) for k, fs in self.forms.items() for f in fs):
            size = len(form)
            found += [(i + size, i, order, key) for i in numpy.flatnonzero(ids == form[0]).tolist()
                      if tuple(words[i:i + size]) == form]
        # a key's two patterns may match the same words: one match (the Matcher's too)
        return list(dict.fromkeys((key, start, end) for end, start, _, key in sorted(found)))


class AbbreviationLinker:
    """Runs scispaCy's detector with a fresh list per document, then propagates labels."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.detector = AbbreviationDetector(nlp, make_serializable=True)
        self.detector.matcher = BracketMatches(nlp)
        self.detector.global_matcher = ShortFormMatches(nlp)

    def __call__(self, doc: Doc) -> Doc:
        # scispaCy registers the extension with a shared list as default and appends to it;
        # a fresh list per document keeps one document's abbreviations out of the next.
        doc._.abbreviations = []
        doc = self.detector(doc)
        spelled = spelled_short_forms(doc)
        # The entities, read once (doc.ents makes a Span, and three Tokens, per entity)
        ents = list(doc.ents)
        propagate_labels(doc, doc._.abbreviations + combination_short_forms(doc, ents) + spelled
                         + listed_short_forms(doc, ents), ents)
        return doc


@Language.factory("onco_abbreviations", requires=["doc.ents"],
                  assigns=["doc.ents", "doc._.abbreviations"])
def make_abbreviations(nlp: Language, name: str) -> AbbreviationLinker:
    return AbbreviationLinker(nlp, name)
