"""The outcome a count is of: named in its predicate, before it, or elsewhere in its clause."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import ClauseFacts, Cue, LinkSettings, Mention
from .spans import after_percent, by_start, longest_cues, treatment_end


def predicate_outcome(doc: Doc, i: int, end: int, cues: list[Cue],
                      settings: LinkSettings) -> Cue | None:
    """The outcome a count's predicate states: "(patients) had a cancer recurrence"."""
    outcome_at = by_start(longest_cues(cues, "OUTCOME"))
    verb_at = by_start([c for c in cues if c.label == "EVENT_VERB"])
    arm_at = by_start([c for c in cues if c.label in {"ARM", "ARM_NAME"}])
    i = after_percent(doc, i, end)  # "121 patients (38.8%) had stable disease"
    steps = 0
    while i < end and steps <= settings.predicate_window:
        if i in outcome_at:
            return outcome_at[i]
        skip = verb_at.get(i) or arm_at.get(i)
        treated = treatment_end(doc, i, end, settings)
        if skip:
            i = skip.end
        elif treated is not None:
            i = treated  # "Eight people taking belzutifan died"
        elif doc[i].lower_ in settings.filler_words or doc[i].ent_type_ in {"DRUG", "DRUG_CLASS"}:
            i += 1
        else:
            return None
        steps += 1
    return None


def preceding_outcome(doc: Doc, i: int, start: int, cues: list[Cue],
                      settings: LinkSettings) -> Cue | None:
    """The outcome named before a count: "recurrence occurred in four of the five"."""
    outcome_end = {c.end: c for c in longest_cues(cues, "OUTCOME")}
    j = i
    steps = 0
    while j > start and steps <= settings.predicate_window:
        if j in outcome_end and j < i:
            return outcome_end[j]
        word = doc[j - 1].lower_
        if word == "," and j - 1 > start:
            # Step back over an apposition or a comment to the outcome it is about:
            # "recurrence, a frequent problem in ..., occurred in"; "Serious side effects
            # were about equally common, occurring in 37 and 35 patients".
            for k in range(j - 1, max(start, j - 15), -1):
                if k in outcome_end:
                    return outcome_end[k]
            return None
        if word == ")":
            # Step over a parenthesis: "complete response (ypT0/is ypN0) was achieved in".
            opening = next((k for k in range(j - 2, max(start, j - 12) - 1, -1)
                            if doc[k].text == "("), None)
            if opening is not None:
                j = opening
                steps += 1
                continue
        if doc[j - 1]._.num_value is not None and j - 2 > start \
                and doc[j - 2].lower_ in settings.not_count_after:
            j -= 2  # "adverse events of grade 3 or higher occurred in"
            steps += 1
            continue
        if word in settings.threshold_words or (word == "at" and j < i and doc[j].lower_ == "least"):
            j -= 1  # "shrank by at least 30% in 82"
            steps += 1
            continue
        if doc[j - 1].ent_type_ in {"DRUG", "DRUG_CLASS"} or word == "%" or (
                j < len(doc) and doc[j].text == "%" and doc[j - 1]._.num_value is not None):
            j -= 1  # "55.3% with IBRANCE plus letrozole (152 of 275)"
            steps += 1
            continue
        if j - 2 > start and doc[j - 2].lower_ == "by" and word not in settings.pre_outcome_words:
            j -= 2  # "documented by PET-CT in", "assessed by investigators in"
            steps += 1
            continue
        if word not in settings.pre_outcome_words and word not in settings.filler_words \
                and not (word.endswith("ly") and doc[j - 1].is_alpha):  # "documented radiologically in"
            return outcome_end.get(j) if j < i else None
        j -= 1
        steps += 1
    return None


def clause_outcome(facts: ClauseFacts, m: Mention) -> Cue | None:
    """The outcome of the clause nearest to a mention, after it first."""
    outcomes = longest_cues(facts.cues, "OUTCOME")
    after = [c for c in outcomes if c.start >= m.end]
    before = [c for c in outcomes if c.end <= m.start]
    return after[0] if after else (before[-1] if before else None)
