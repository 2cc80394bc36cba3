"""Small readings of tokens and cues shared by the linker's modules."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from ..words import Words, words_of
from .records import CUES_KEY, Cue, LinkSettings


@lru_cache(maxsize=4)
def cue_spans(words: Words) -> list[Cue]:
    """The document's cue spans (``doc.spans[CUES_KEY]``) as plain Cues, in their order:
    read once per reading of the document (each read of a Span makes three Token objects,
    and a rule looking back over the sentence's cues read them all again for each count)."""
    return [Cue(s.label_, s.id_, s.start, s.end, words.span_text(s.start, s.end))
            for s in words.doc.spans.get(CUES_KEY, [])]


def longest_cues(cues: list[Cue], label: str) -> list[Cue]:
    """Cues of one label, the longest where they overlap ("did not continue" over "continue",
    "alive and free of progression" over "were alive"), in text order."""
    same = [c for c in cues if c.label == label]
    if len(same) < 2:
        return same  # (most clauses have one cue of a label or none: nothing to sort)
    kept: list[Cue] = []
    for cue in sorted(same, key=lambda c: (c.start - c.end, c.start)):
        if all(cue.end <= k.start or k.end <= cue.start for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def by_start(cues: list[Cue]) -> dict[int, Cue]:
    found: dict[int, Cue] = {}
    for c in sorted(cues, key=lambda c: c.start - c.end):
        found.setdefault(c.start, c)
    return found


def same_label(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and a.lower() == b.lower()  # type: ignore[union-attr]


def percent_sign_end(doc: Doc, k: int, end: int) -> int | None:
    """Index after a percent sign at ``k`` ("%", "percent", "per cent"), else None."""
    words = words_of(doc)
    if k < end and words.text[k] in {"%", "percent"}:
        return k + 1
    if k + 1 < end and words.lower[k] == "per" and words.lower[k + 1] == "cent":
        return k + 2
    return None


def after_percent(doc: Doc, i: int, end: int) -> int:
    """Index after a '(54%)' or '(8.8 per cent)' that follows a count, or ``i``."""
    words = words_of(doc)
    if i + 1 < end and words.text[i] == "(":
        sign_end = percent_sign_end(doc, i + 2, end)
        if sign_end is not None and sign_end < end and words.text[sign_end] == ")":
            return sign_end + 1
    return i


def treatment_end(doc: Doc, i: int, end: int, settings: LinkSettings) -> int | None:
    """End of 'taking X', 'on X', 'treated with the X', 'assigned to X alone': what a group
    received, or None."""
    words = words_of(doc)
    if i + 1 < end and words.lower[i] in settings.assignment_participles \
            and words.lower[i + 1] == "to":
        i += 1  # "41 assigned to vorinostat had died": the arm the count was assigned to
    elif i >= end or words.lower[i] not in settings.treatment_words:
        return None
    for a in settings.combination_anaphors:
        # "Eight people on the combination died", "those taking both drugs": the combination
        # named before, said again by a word, is what the group received.
        k = i + 1 + len(a)
        if k <= end and tuple(words.lower[i + 1:k]) == a:
            return k + 1 if k < end and words.lower[k] in settings.alone_words else k
    j = i + 1
    while j < end and (words.lower[j] in settings.treatment_words
                       or words.lower[j] in settings.determiners):
        j += 1
    return drugs_end(words, j, end, settings)


def drugs_end(words: Words, j: int, end: int, settings: LinkSettings) -> int | None:
    """End of the drugs named from ``j`` on ('X and Y', 'X plus Y alone'), or None if no
    drug starts at ``j``."""
    if j >= end or words.ent_type[j] not in {"DRUG", "DRUG_CLASS"}:
        return None
    while j < end and (words.ent_type[j] in {"DRUG", "DRUG_CLASS"}
                       or words.lower[j] in settings.drug_connectors):
        j += 1
    return j + 1 if j < end and words.lower[j] in settings.alone_words else j


def stated_percent(doc: Doc, i: int, end: int, number_at: dict[int, Span]) -> float | None:
    """The percentage right after a count: '21 patients (20%)', '55 of 121 (45.5%)'."""
    words = words_of(doc)
    if i < end and words.text[i] in {"(", "["}:
        i += 1
    number = number_at.get(i)
    if number is not None and percent_sign_end(doc, number.end, end) is not None:
        return words.num[number.start]
    return None


def alone_compound(word: str, settings: LinkSettings) -> bool:
    """'the chemotherapy-alone group', 'the chemo-only group': a treatment given on its own,
    said in one hyphenated word."""
    return "-" in word and word.rsplit("-", 1)[1] in settings.alone_words | settings.sole_words
