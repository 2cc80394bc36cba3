"""The outcome a count is of: named in its predicate, before it, or elsewhere in its clause."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from spacy.tokens import Doc, Token

from ..words import Words, words_of
from .records import ClauseFacts, Cue, LinkSettings, Mention
from .spans import after_percent, by_start, cue_spans, longest_cues, treatment_end


def predicate_outcome(doc: Doc, i: int, end: int, cues: list[Cue],
                      settings: LinkSettings) -> Cue | None:
    """The outcome a count's predicate states: "(patients) had a cancer recurrence"."""
    words = words_of(doc)
    outcome_at = by_start(longest_cues(cues, "OUTCOME"))
    verb_at = by_start([c for c in cues if c.label == "EVENT_VERB"])
    arm_at = by_start([c for c in cues if c.label in {"ARM", "ARM_NAME"}])
    i = after_percent(doc, i, end)  # "121 patients (38.8%) had stable disease"
    steps = 0
    while i < end and steps <= settings.predicate_window:
        if i in outcome_at:
            found = outcome_at[i]
            if steps and words.text[i - 1] in {"(", "["}:
                return None  # "80% with X (complete response, 36%)": a part, in brackets
            if names_measure(doc, found, settings):
                return None  # "achieved seizure freedom": the frame names the end point
            if found.text.lower().endswith("ed") and found.end + 1 < end \
                    and words.lower[found.end] == "for" and found.end + 1 in outcome_at:
                return outcome_at[found.end + 1]  # "were hospitalized for neutropenic fever"
            return found
        word = words.lower[i]
        if word == "," and i + 1 < end and words.lower[i + 1] in settings.respectively_words:
            # "19 and 27 patients, respectively, died": the verb comes after the adverb.
            i += 3 if i + 2 < end and words.text[i + 2] == "," else 2
            steps += 1
            continue
        if word == ",":
            apposition = _apposition_end(words, i, end, outcome_at, settings)
            if apposition is not None:
                i = apposition  # "Three patients, all in the X group, stopped X because of ..."
                steps += 1
                continue
        state = word in settings.state_verbs and i + 1 < end
        if state and i + 1 not in outcome_at:
            free = _free_of(doc, i + 1, end)  # "became symptom-free", "were seizure free"
            if free is not None:
                return free
        skip = verb_at.get(i) or arm_at.get(i)
        treated = treatment_end(doc, i, end, settings)
        if word == "(" and steps and after_percent(doc, i, end) > i:
            i = after_percent(doc, i, end)  # "One patient in the placebo group (0.7%) died"
        elif skip:
            # ("remained in | remission": the verb's cue ends inside the outcome's)
            i = next((k for k in range(i + 1, skip.end) if k in outcome_at), skip.end)
            # "in Group 1" and "Group 1" overlap: step to the end of the longer one.
            i = max([i] + [c.end for c in arm_at.values() if c.start < i < c.end])
            if word in PRO_VERBS and i < end and words.lower[i] == "so":
                i += 1  # "Seven of them did so because of recurrent infections": the stop said before
        elif treated is not None:
            i = treated  # "Eight people taking belzutifan died"
        elif word in settings.each_words and i + 1 < end \
                and words.lower[i + 1] in settings.arm_nouns:
            i += 2  # "2 patients in each group died"
        elif word in settings.none_words and i > 0 and i + 1 < end \
                and (words.lower[i - 1] in settings.article_verbs
                     or words.lower[i - 1] in settings.object_verbs):
            return _absent_outcome(doc, i, end, outcome_at, settings)  # "had no migraine days"
        elif word in settings.grade_words and _grade_end(doc, i, end, settings) > i + 1:
            # "had grade 3-4 treatment-related adverse events": what the grade grades
            return _graded_harm(doc, i, _grade_end(doc, i, end, settings), end, outcome_at,
                                settings)
        elif word in settings.filler_words or words.ent_type[i] in {"DRUG", "DRUG_CLASS"} \
                or _manner_adverb(words.lower[i], words.is_alpha[i]):
            i += 1  # "12 rapidly progressed"
        elif state and i + 1 in outcome_at:
            i += 1  # "remained progression-free"
        elif word == "to" and i > 0 and words.lower[i - 1] in settings.article_verbs:
            i += 1  # "18 had to stop the drug because of side effects"
        elif word in _GROUP_PREPOSITIONS and steps == 0:
            # "None of the 12 patients with lupus nephritis responded": the words after
            # "with" pick the group; the predicate is the verb after them.
            i = _after_qualifier(doc, i, end, outcome_at, verb_at, settings)
            if i is None:
                return None
        elif word in _DEMONSTRATIVES and i + 1 < end and words.lower[i + 1] in settings.arm_nouns:
            i += 2  # "2 patients in that cohort had died": the group named before, no clause
        elif word in settings.relative_pronouns:
            # "13 who stopped it died": the predicate after the clause that picks the group.
            return _after_relative(doc, i, end, outcome_at, settings)
        elif word == "whose":
            # "18 responded, including three whose lymphoma disappeared completely"
            named = next((k for k in range(i + 1, min(end, i + 1 + settings.predicate_window))
                          if k in outcome_at or words.is_punct[k]), None)
            return None if named is None or named not in outcome_at \
                else _included_part(doc, i, outcome_at[named].end, outcome_at[named])
        elif _modified_object(doc, i, outcome_at, settings):
            # "one infant had primary progression" (the cue itself: counts of one list share it)
            found = outcome_at[i + 1]
            return None if names_measure(doc, found, settings) else found
        elif word in settings.rating_verbs and _rated_as(words.lower, i, end, outcome_at):
            return _rated_as(words.lower, i, end, outcome_at)
        else:
            return _harm_cause(doc, i, end, cues, settings)
        steps += 1
    return None


def _rated_as(lower: list[str], i: int, end: int, outcome_at: dict[int, Cue]) -> Cue | None:
    """'rated their cough as much or very much improved': the outcome named right after the
    'as' that follows the rating verb at ``i`` (within a few words), or None."""
    k = next((k for k in range(i + 1, min(end, i + _RATED_WORDS)) if lower[k] == "as"), None)
    return None if k is None else next(
        (outcome_at[j] for j in range(k + 1, min(end, k + 3)) if j in outcome_at), None)


#: At most this many words between a rating verb and its 'as' ('rated their daily cough as').
_RATED_WORDS = 6


def _after_qualifier(doc: Doc, i: int, end: int, outcome_at: dict[int, Cue],
                     verb_at: dict[int, Cue], settings: LinkSettings) -> int | None:
    """Where the predicate starts after a phrase at ``i`` that picks the group ('with lupus
    nephritis | responded', 'with a response at week 12 | had a relapse'): a verb, or an
    outcome said by a verb in the past; None when the clause has none."""
    words = words_of(doc)
    for k in range(i + 2, min(end, i + 2 + settings.predicate_window)):
        if words.is_punct[k] or words.lower[k] in settings.relative_pronouns:
            return None
        if k in verb_at and words.lower[k] not in settings.state_verbs:
            return k
        if k in outcome_at and outcome_at[k].end == k + 1 and words.lower[k].endswith("ed"):
            return k  # (but "with a reduced dose": an adjective of the group's treatment)
    return None


#: Words that point to a group named before ('in that cohort', 'in the same group').
_DEMONSTRATIVES = frozenset({"that", "this", "same"})


def _apposition_end(words: Words, comma: int, end: int, outcome_at: dict[int, Cue],
                    settings: LinkSettings) -> int | None:
    """Where the predicate resumes after an apposition at ``comma`` that only says which
    group the count is of (', all in the placebo group,', ', both given X,'); None if the
    comma opens no such apposition (a number or an outcome inside it, or no closing comma)."""
    if comma + 1 >= end or words.lower[comma + 1] not in settings.apposition_words:
        return None
    for k in range(comma + 2, min(end, comma + 2 + _APPOSITION_WORDS)):
        if k in outcome_at or words.like_num[k]:
            return None
        if words.text[k] == ",":
            return k + 1 if k > comma + 2 else None
    return None


_APPOSITION_WORDS = 8  # ', all in the high-dose X group,': words up to the closing comma


#: Prepositions whose phrase after a count picks the group ('12 patients with X relapsed').
_GROUP_PREPOSITIONS = frozenset({"with", "without"})


def _manner_adverb(word: str, alpha: bool) -> bool:
    """An adverb of manner or time before the verb of a predicate ('rapidly progressed',
    'subsequently relapsed', 'finally achieved remission'): it changes no event."""
    return alpha and len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS


#: Words in "-ly" that are no adverb of a predicate.
_NOT_ADVERBS = frozenset({"family", "italy", "reply", "supply", "apply", "rely", "early",
                          "only", "likely", "unlikely"})


def _grade_end(doc: Doc, i: int, end: int, settings: LinkSettings) -> int:
    """Index after a grade of the toxicity scale at ``i`` ('grade 3-4', 'grade 3 or
    higher', 'grade >=3', 'grades 2 to 4'), or ``i + 1``."""
    words = words_of(doc)
    j = i + 1
    while j < end and j - i <= _GRADE_WORDS and (
            words.num[j] is not None or words.lower[j].lstrip("<>=≥≤").isdigit()
            or words.lower[j] in settings.threshold_words or words.lower[j] in settings.open_bounds
            or words.lower[j] in _GRADE_JOINERS):
        j += 1
    while j > i + 1 and words.lower[j - 1] in _GRADE_JOINERS:
        j -= 1  # "grade 3 and | 12 had ...": the joiner belongs to what follows
    return j


def absent_or_named(doc: Doc, cue: Cue, end: int, settings: LinkSettings) -> Cue:
    """The outcome a shared verb states: the cue, or what it says the group had none of
    ('11 in arm A and 4 in arm B had no recurrence': free of recurrence)."""
    words = words_of(doc)
    k = cue.start - 1
    if k > 0 and words.lower[k] in settings.none_words and (
            words.lower[k - 1] in settings.article_verbs or words.lower[k - 1] in settings.object_verbs):
        return _absent_outcome(doc, k, end, {cue.start: cue}, settings) or cue
    return cue


def absent_predicate(doc: Doc, start: int, end: int, settings: LinkSettings) -> Cue | None:
    """'... and five in Cohort 2 had no migraine days': the absence a clause's predicate
    states, or None."""
    words = words_of(doc)
    k = next((k for k in range(start + 1, end - 1) if words.lower[k] in settings.none_words
              and (words.lower[k - 1] in settings.article_verbs
                   or words.lower[k - 1] in settings.object_verbs)), None)
    return None if k is None else _absent_outcome(doc, k, end, {}, settings)


def _absent_outcome(doc: Doc, i: int, end: int, outcome_at: dict[int, Cue],
                    settings: LinkSettings) -> Cue | None:
    """'had no migraine days', 'had no progression': what a count had none of is an end
    point, not that event: being free of progression or relapse is a survival outcome, any
    other absence 'other' with its words."""
    words = words_of(doc)
    named = outcome_at.get(i + 1)
    stop = i + 1 if named is None else named.end
    while stop < end and not _ends_phrase(doc[stop], settings):
        stop += 1
    text = words.span_text(i, stop)
    if named is not None and named.end == stop and named.id in _FREE_OF:
        return Cue("OUTCOME", _FREE_OF[named.id], i, stop, text)
    if named is None and (words.lower[i + 1] in settings.prior_words
                          or _phrase(doc, i + 1, stop, settings) is None):
        return None  # "had no prior therapy", "had no history of ...": said of the group
    return Cue("OUTCOME", "other", i, stop, text)


def _graded_harm(doc: Doc, grade: int, i: int, end: int, outcome_at: dict[int, Cue],
                 settings: LinkSettings) -> Cue | None:
    """What the grade at ``grade`` (its bounds end at ``i``) grades, with the grade: the
    outcome named a few words on ('grade 3 haematological toxicity'), else the phrase, a
    harm ('grade 4 platelet count decrease')."""
    words = words_of(doc)
    k = i
    while k < end and k - i < _GRADE_WORDS and k not in outcome_at and words.is_alpha[k] \
            and words.lower[k] not in settings.phrase_stops:
        k += 1
    if k in outcome_at:
        cue = outcome_at[k]
        return Cue(cue.label, cue.id, grade, cue.end, words.span_text(grade, cue.end))
    stop = i
    while stop < end and not _ends_phrase(doc[stop], settings):
        stop += 1
    found = _phrase(doc, i, stop, settings)
    return None if found is None else Cue("OUTCOME", "adverse_event", grade, found.end,
                                          words.span_text(grade, found.end))


#: At most this many words after "grade"; the words that join its bounds.
_GRADE_WORDS = 5
_GRADE_JOINERS = frozenset({"or", "to", "and", "-", "–", "/", "="})


def _modified_object(doc: Doc, i: int, outcome_at: dict[int, Cue], settings: LinkSettings) -> bool:
    """Is the word at ``i`` an adjective between a verb that takes an event and the outcome
    ('had primary progression', 'achieved durable remission', 'experienced major bleeding')?"""
    words = words_of(doc)
    return i + 1 in outcome_at and i > 0 and words.is_alpha[i] and words.is_lower[i] \
        and words.lower[i] not in _NEGATIONS and words.lower[i] not in settings.none_words \
        and (words.lower[i - 1] in settings.article_verbs
             or words.lower[i - 1] in settings.object_verbs
             or words.lower[i - 1] == "of"  # "One case of acute pancreatitis"
             or _state_in(words, i - 1, settings))  # "54 were in clinical remission"


def _state_in(words: Words, k: int, settings: LinkSettings) -> bool:
    """Is ``k`` the 'in' of a state ('were in clinical remission', 'were also in deep
    remission')?"""
    return words.lower[k] == "in" and any(words.lower[j] in settings.state_verbs
                                          for j in range(max(0, k - 3), k))


#: The entities that name what a patient was given.
_DRUG_LABELS = frozenset({"DRUG", "DRUG_CLASS"})

#: Verbs that stand for the verb said before ("did so", "do so").
PRO_VERBS = frozenset({"did", "do", "does"})

#: Words that deny the event after them ("had not regained MMR", "had never relapsed").
_NEGATIONS = frozenset({"not", "never", "n't"})


def _after_relative(doc: Doc, i: int, end: int, outcome_at: dict[int, Cue],
                    settings: LinkSettings) -> Cue | None:
    """The outcome of the predicate after a relative clause at ``i`` ('who had surgery have
    relapsed'), not the one the clause's verb takes as its object ('who had a response')."""
    verb = i + 1
    if verb < end and doc[verb].lower_ in settings.frame_auxiliaries:
        verb += 1  # "who had been treated"
    k = verb + 1
    feature = None
    while k < end and k - i <= settings.predicate_window:
        if doc[k].is_punct:
            return _included_part(doc, i, k, feature)
        cue = outcome_at.get(k)
        if cue is not None:
            j = k - 1
            while j > verb and doc[j].lower_ in settings.determiners:
                j -= 1
            if j > verb and not _modifiers_only(words_of(doc), verb + 1, j + 1):
                # (but "who were not randomised either progressed, ... or declined": reasons)
                return None if doc[k - 1].lower_ == "either" else cue
            k = feature_end = cue.end  # the object of the clause's verb: the group's feature
            feature = cue if feature_end == k else feature
            continue
        k += 1
    return _included_part(doc, i, k, feature) if k >= end else None


def _modifiers_only(words: Words, start: int, end: int) -> bool:
    """Are the words [start, end) adverbs and participles only ('who had centrally confirmed
    | infection'): modifiers of the object of the clause's verb, not a predicate of its own?"""
    return all(words.is_alpha[j] and words.is_lower[j] and words.lower[j].endswith(("ly", "ed"))
               and words.lower[j] not in _NOT_ADVERBS for j in range(start, end))


#: At most this many words from the relative pronoun of an included part to its sentence end.
_PART_WORDS = 12


def _included_part(doc: Doc, i: int, k: int, feature: Cue | None) -> Cue | None:
    """'42 responded, including 18 who had a complete response.': a part of a group named
    before, whose relative clause (at ``i``, ending at ``k``) ends the sentence, counts what
    the clause says it had."""
    words = words_of(doc)
    while k < len(doc) and k - i < _PART_WORDS and words.is_alpha[k]:
        k += 1  # "... disappeared completely on scans."
    if feature is None or k < len(doc) and words.text[k] not in {".", ";"}:
        return None
    return feature if "including" in words.lower[max(0, i - 4):i] else None


def _harm_cause(doc: Doc, i: int, end: int, cues: list[Cue],
                settings: LinkSettings) -> Cue | None:
    """'X was discontinued in three patients because of QTc prolongation': a count whose
    group a harm made stop counts the harm (the stop with its cause when a cue spans both)."""
    k = _cause_end(doc, i, settings)
    while k is not None and k < end and doc[k].lower_ in settings.determiners:
        k += 1
    if k is None:
        return None
    words = words_of(doc)
    first = k
    while k < end and k - first < 2 and words.is_alpha[k] and words.is_lower[k] \
            and not any(c.start == k for c in cues if c.label == "OUTCOME"):
        k += 1  # "because of recurrent infections": an adjective before the harm
    harms = [c for c in cues if c.label == "OUTCOME" and c.id == "adverse_event"
             and (c.start == k or c.start < i and c.end > first)]
    # the stop with its cause when a cue spans both, else the harm itself
    found = min(harms, key=lambda c: c.start) if harms else None
    if found is not None and found.start == k > first:
        return Cue(found.label, found.id, first, found.end, words.span_text(first, found.end))
    return found


def _free_of(doc: Doc, i: int, end: int) -> Cue | None:
    """'symptom-free', 'seizure free', 'migraine - free' at ``i``: an end point that is the
    absence of something (outcome 'other', the words kept), or None."""
    word = doc[i].lower_
    stop = None
    if word.endswith("-free") and len(word) > 5 and word[:-5].replace("-", "").isalpha():
        stop = i + 1
    elif doc[i].is_alpha and i + 1 < end and doc[i + 1].lower_ == "free":
        stop = i + 2
    elif doc[i].is_alpha and i + 2 < end and doc[i + 1].text == "-" and doc[i + 2].lower_ == "free":
        stop = i + 3
    if stop is None or stop < end and doc[stop].lower_ in {"of", "from"}:
        return None  # "were still free of progression": what follows names it
    return Cue("OUTCOME", "other", i, stop, doc[i:stop].text)


def preceding_outcome(doc: Doc, i: int, start: int, cues: list[Cue],
                      settings: LinkSettings) -> Cue | None:
    """The outcome named before a count: "recurrence occurred in four of the five" (not
    one that qualifies another noun: "In the pneumonia trial, 300 adults")."""
    found = _preceding_outcome(doc, i, start, cues, settings)
    return None if found is None or names_measure(doc, found, settings) else found


def _preceding_outcome(doc: Doc, i: int, start: int, cues: list[Cue],
                       settings: LinkSettings) -> Cue | None:
    """The outcome cue before the count at ``i``, within the clause from ``start``."""
    words = words_of(doc)
    outcome_end = {c.end: c for c in longest_cues(cues, "OUTCOME")}
    j = i
    steps = 0
    if j - 1 > start and j - 1 in outcome_end and (doc[j - 1].lower_ in settings.lead_words
                                                   or doc[j - 1].lower_ in settings.affect_verbs):
        # "Adverse events led 11 patients ... to stop treatment", "Side effects hit 40"
        return outcome_end[j - 1]
    if j - 2 > start and words.text[j - 2] == "," and words.lower[j - 1] in settings.affect_verbs:
        # "Rash was common, affecting 62", "Hypertension was the most common side effect,
        # affecting 62": the subject of the clause the participle is added to
        return _participle_subject(doc, j - 2, start, outcome_end, settings)
    while j > start and steps <= settings.predicate_window:
        if j in outcome_end and j < i:
            return _copula_subject(doc, outcome_end[j], start, outcome_end, settings)
        word = words.lower[j - 1]
        if word == "," and j - 1 > start:
            # Step back over an apposition or a comment to the outcome it is about:
            # "recurrence, a frequent problem in ..., occurred in"; "Serious side effects
            # were about equally common, occurring in 37 and 35 patients".
            head = _apposition_head(doc, start, j - 1)
            named = [] if head is None else [
                c for c in outcome_end.values() if head[0] <= c.start and c.end <= head[1]]
            if named:
                # "Response, defined as a fall of at least 50% in the score, occurred in":
                # the subject before the apposition, not a word inside it.
                return named[-1]
            if head is not None and words.lower[head[1] - 1] in settings.generic_heads:
                # "The primary end point, a composite of ...": 'other' (below); "The primary
                # end point, relapse of infection by week 8, occurred in": the event named
                return _named_apposition(doc, head, j - 1, settings)
            if head is not None and words.lower[head[1] + 1] in settings.definition_words:
                return None  # "Severe exacerbation, defined as one leading to death, ..."
            if doc[start].lower_ in settings.adverbial_openers:
                return None  # "After confirmation of progression, 54 crossed over": when
            for k in range(j - 1, max(start, j - 15), -1):
                if k in outcome_end and not picks_group(doc, outcome_end[k].start, settings):
                    return outcome_end[k]  # (not "Among adults with pneumonia, 300 were ...")
            return None
        if word == ")":
            # Step over a parenthesis: "complete response (ypT0/is ypN0) was achieved in".
            opening = next((k for k in range(j - 2, max(start, j - 12) - 1, -1)
                            if words.text[k] == "("), None)
            if opening is not None:
                j = opening
                steps += 1
                continue
        if words.num[j - 1] is not None and j - 2 > start \
                and words.lower[j - 2] in settings.not_count_after:
            j -= 2  # "adverse events of grade 3 or higher occurred in"
            steps += 1
            continue
        if word in settings.threshold_words or (word == "at" and j < i and words.lower[j] == "least"):
            j -= 1  # "shrank by at least 30% in 82"
            steps += 1
            continue
        if words.ent_type[j - 1] in {"DRUG", "DRUG_CLASS"} or word == "%" or (
                j < len(doc) and words.text[j] == "%" and words.num[j - 1] is not None):
            j -= 1  # "55.3% with IBRANCE plus letrozole (152 of 275)"
            steps += 1
            continue
        if word in settings.frequency_words or word == "often":
            j -= 1  # "Nausea was more common with X (41 patients) than with Y (26)": no step
            continue
        if j - 2 > start and words.lower[j - 2] == "by" and word not in settings.pre_outcome_words:
            j -= 2  # "documented by PET-CT in", "assessed by investigators in"
            steps += 1
            continue
        if word not in settings.pre_outcome_words and word not in settings.filler_words \
                and not (word.endswith("ly") and words.is_alpha[j - 1]):  # "documented radiologically in"
            found = outcome_end.get(j) if j < i else None
            if found is None and j < i and words.lower[j] in settings.frame_prepositions:
                found = _before_time_adjunct(doc, j, start, outcome_end)
            if found is None and i > start and words.lower[i - 1] in settings.frame_prepositions:
                return _complement_frame(doc, j, start, outcome_end, settings)
            return found and _copula_subject(doc, found, start, outcome_end, settings)
        j -= 1
        steps += 1
    return None


def _before_time_adjunct(doc: Doc, j: int, start: int,
                         outcome_end: dict[int, Cue]) -> Cue | None:
    """'The tumour grew during treatment | in four', 'Relapse after stopping therapy | in
    nine': the event right before a short phrase of time or place that ends at ``j``, or
    None."""
    words = words_of(doc)
    for k in range(j - 1, max(start, j - _ADJUNCT_WORDS - 1), -1):
        if not words.is_alpha[k]:
            return None
        if words.lower[k] in _ADJUNCT_PREPOSITIONS:
            return outcome_end.get(k)
    return None


def _participle_subject(doc: Doc, comma: int, start: int, outcome_end: dict[int, Cue],
                        settings: LinkSettings) -> Cue | None:
    """The event a clause before ``comma`` is about, for a participle after the comma: its
    subject ('Rash was common'), the subject of a copula whose complement is a harm
    ('High blood pressure was the most common side effect': a harm, in its own words), or
    None."""
    words = words_of(doc)
    named = outcome_end.get(comma)
    if named is None:
        rated = next((c for c in outcome_end.values() if start <= c.start and c.end < comma
                      and words.lower[c.end] in settings.frame_auxiliaries), None)
        rest = [] if rated is None else words.lower[rated.end + 1:comma]
        return rated if rest and all(w in settings.frequency_words for w in rest) else None
    found = _copula_subject(doc, named, start, outcome_end, settings)
    if found is not named or named.id != "adverse_event":
        return found
    aux = next((k for k in range(named.start - 1, max(start, named.start - 5), -1)
                if words.lower[k] in settings.auxiliaries), None)
    subject = None if aux is None else _phrase(doc, start, aux, settings, subject=True)
    return named if subject is None else Cue("OUTCOME", "adverse_event", subject.start,
                                             subject.end, subject.text)


def _complement_frame(doc: Doc, j: int, start: int, outcome_end: dict[int, Cue],
                      settings: LinkSettings) -> Cue | None:
    """'Adverse events were the reason for discontinuation in 9', 'Deaths were attributed to
    progressive disease in five': the outcome before a copula whose complement ends at
    ``j``, right before the preposition of the count."""
    words = words_of(doc)
    for k in range(j - 1, max(start, j - _COMPLEMENT_WORDS) - 1, -1):
        if words.lower[k] in settings.auxiliaries:
            return outcome_end.get(k)
        if words.is_punct[k] or k + 1 in outcome_end:
            return None  # another outcome, or a clause of its own
    return None


#: At most this many words between the copula and the preposition of the count.
_COMPLEMENT_WORDS = 6


def _copula_subject(doc: Doc, cue: Cue, start: int, outcome_end: dict[int, Cue],
                    settings: LinkSettings) -> Cue:
    """'Stable disease was the best response in 94': an outcome that is the complement of
    a copula names the class; the subject before the copula names the event. And 'relapse
    after remission had occurred in 14': the event before a time complement."""
    words = words_of(doc)
    k = cue.start - 1
    while k > start and cue.start - k <= 2 and words.is_lower[k] and words.is_alpha[k] \
            and words.lower[k] not in settings.time_complements:
        k -= 1  # "hospitalisation for worsening heart failure"
    if k > start and words.lower[k] in settings.time_complements and k in outcome_end \
            and not (words.lower[k] == "for" and words.lower[k - 1].endswith("ed")):
        # (but "were hospitalized for neutropenic fever": a participle's reason is the harm)
        return outcome_end[k]
    j = cue.start
    while j > start and j > cue.start - 4 and words.lower[j - 1] not in settings.auxiliaries:
        if not words.is_alpha[j - 1]:
            return cue
        j -= 1
    if j - 1 > start and words.lower[j - 1] in settings.auxiliaries and j - 1 in outcome_end:
        subject = outcome_end[j - 1]
        # "The best overall response was complete response in 3, partial response in 15":
        # the class is the subject, the kind of response its complement names.
        if subject.id == "response" and cue.id in _KINDS_OF_RESPONSE:
            return cue
        # "The infection was eradicated (cured) in 130": the harm or disease as the subject,
        # what the treatment did to it as the complement (a response, corpora/README)
        if cue.id in _HELD_OUTCOMES and subject.id in {"adverse_event", "other"}:
            return cue
        # "The most common adverse event was nausea (20.5% vs 6.3%)": a class of harms
        # as the subject, the harm it was as the complement
        return cue if subject.id == cue.id == "adverse_event" and _names_class(
            words.lower[subject.start:subject.end], settings) and not _names_class(
            words.lower[cue.start:cue.end], settings) else subject
    return cue


def _names_class(words: list[str], settings: LinkSettings) -> bool:
    """Do the words name harms by their class ('adverse event', 'side effects')?"""
    return any(w in settings.harm_classes for w in words)




#: Outcomes that are a kind of response: named after 'the best response was', they are the event.
_KINDS_OF_RESPONSE = frozenset({"complete_response", "partial_response", "stable_disease",
                                "progression", "remission"})


def refers_back(doc: Doc, start: int, clause_start: int, settings: LinkSettings) -> bool:
    """'the corresponding rates were 55.0% and 36.4%', 'the respective figures were 119 of
    174 and 43 of 87': shares of the outcome named before, in another group."""
    words = words_of(doc)
    sent_start = doc[start].sent.start
    for k in range(start - 1, max(sent_start, start - 8) - 1, -1):
        if words.lower[k] in settings.figure_words and k > sent_start \
                and words.lower[k - 1] in settings.back_references:
            return all(word in settings.auxiliaries or word in settings.threshold_words
                       for word in words.lower[k + 1:start])
    return False


def harm_stops(doc: Doc, cues: list[Cue], settings: LinkSettings) -> list[Cue]:
    """Stops of treatment that count a harm (corpora/README: an adverse_event row): "stopped
    the drug because of side effects", "discontinuation of the trial product due to adverse
    events", "Adverse events leading to (permanent) discontinuation of the trial drug". A
    stop for another reason ("because of progression"), or for reasons listed after a comma
    ("stopped early, most often because of rash"), is no harm count."""
    words = words_of(doc)
    stops = [c for c in cues if c.label == "STATUS" and c.id == "discontinued"]
    if not stops:
        return []
    harm_at: dict[int, Cue] = {}
    harm_end: dict[int, Cue] = {}
    for c in cues:  # the longest harm that starts or ends at each token
        if c.label == "OUTCOME" and c.id == "adverse_event":
            if c.start not in harm_at or harm_at[c.start].end < c.end:
                harm_at[c.start] = c
            if c.end not in harm_end or harm_end[c.end].start > c.start:
                harm_end[c.end] = c
    # (with no harm cue, a harm named by its kind may be what a pronoun after a stop stands for)
    found = []
    for stop in stops:
        k = stop.end
        while k < len(doc) and k - stop.end <= settings.noun_window \
                and (words.is_alpha[k] or words.ent_type[k] in _DRUG_LABELS) \
                and _cause_end(doc, k, settings) is None \
                and words.lower[k] not in settings.cause_clause_openers:
            k += 1  # ("stopped I-DXd because of side effects": a drug's code is no word)
        cause = _cause_end(doc, k, settings)
        reach = settings.cause_modifiers
        if cause is None and k + 1 < len(doc) and words.lower[k] in settings.cause_clause_openers \
                and words.lower[k + 1] in settings.pronouns:
            # "stopped X because they could not tolerate the side effects": the harm the
            # clause of the cause names, a few words after its subject
            cause, reach = k + 2, settings.noun_window
        if cause is not None:
            while cause < len(doc) and words.lower[cause] in settings.determiners:
                cause += 1
            harm = harm_at.get(cause) or _harm_within(doc, cause, reach, harm_at, cues, settings)
            if harm is None and cause < len(doc) and doc[cause].lower_ in settings.pronouns \
                    and (any(c.end <= stop.start and c.start >= doc[stop.start].sent.start
                             for c in harm_at.values())
                         or any(w in settings.harm_words
                                for w in words.lower[doc[stop.start].sent.start:stop.start])):
                # "Neuropathy was the main problem: 54 developed it, and 14 stopped the drug
                # because of it": the harm named before in the sentence (or a harm named by
                # its kind: "Nail problems were reported in 47, and 9 stopped X because of it")
                harm = Cue("OUTCOME", "adverse_event", cause, cause + 1, doc[cause].text)
            if harm is not None:
                found.append(Cue("OUTCOME", "adverse_event", stop.start, harm.end,
                                 doc[stop.start:harm.end].text))
                continue
        k = stop.start
        while k > 0 and stop.start - k < 2 and words.is_alpha[k - 1] and words.lower[k - 1] != "to":
            k -= 1  # "permanent", "premature"
        harm = harm_end.get(k - 2) if k >= 2 and _leads_to(doc, k - 2, settings) else None
        if harm is None and k >= 3 and _leads_to(doc, k - 2, settings) \
                and words.lower[k - 3] in settings.pronouns:
            # "Injection-site reactions were reported in 127 ...; they led to discontinuation
            # in 6": the harm named before the pronoun in its sentence
            sent_start = doc[k - 3].sent.start
            harm = max((c for c in harm_end.values() if sent_start <= c.start and c.end <= k - 3),
                       key=lambda c: c.end, default=None)
        if harm is not None:
            end = stop.end
            if end < len(doc) and words.lower[end] == "of":  # "of the trial drug"
                end += 1
                while end < len(doc) and end - stop.end <= settings.noun_window \
                        and words.is_alpha[end] and words.lower[end] not in settings.phrase_stops:
                    end += 1
            start = harm.start if harm.end == k - 2 else k - 3
            found.append(Cue("OUTCOME", "adverse_event", start, end, doc[start:end].text))
    return found


def short_form_outcomes(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """'adequate clinical and parasitological response (ACPR)', 'sustained remission
    (SR)': a short form whose long form ends in an outcome names that outcome wherever it
    is used ('PCR-corrected ACPR was achieved by 588'), as the abbreviation detector finds it."""
    abbreviations = doc._.abbreviations if doc.has_extension("abbreviations") else None
    if not abbreviations:
        return []
    outcome_end = {c.end: c for c in cues if c.label == "OUTCOME"}
    named = [(abbr, outcome_end[abbr["long_end"]]) for abbr in abbreviations
             if abbr["long_end"] in outcome_end]
    if not named:
        return []
    covered = {i for c in cues if c.label == "OUTCOME" for i in range(c.start, c.end)}
    return [Cue("OUTCOME", cue.id, abbr["short_start"], abbr["short_end"], abbr["short_text"])
            for abbr, cue in named
            if covered.isdisjoint(range(abbr["short_start"], abbr["short_end"]))]


#: Pronouns that may open a clause whose subject is a harm named before ('they led to').
#: Events whose absence in the living is a survival outcome ("alive without progression").
_FREE_OF = {"progression": "progression_free_survival", "recurrence": "disease_free_survival"}

#: Outcomes a patient can lose: losing one is a relapse ("lost major molecular response").
_HELD_OUTCOMES = frozenset({"response", "complete_response", "partial_response", "remission"})


def turned_outcomes(doc: Doc, cues: list[Cue], settings: LinkSettings) -> list[Cue]:
    """Outcomes a phrase turns into another: "lost major molecular response", "loss of
    complete remission" (a relapse: recurrence); "adverse events leading to death" (death)."""
    words = words_of(doc)
    outcomes = [c for c in cues if c.label == "OUTCOME"]
    deaths = {c.start: c for c in outcomes if c.id == "death"}
    harms = {c.start: c for c in outcomes if c.id == "adverse_event"}
    events = {c.start: c for c in outcomes if c.id in _FREE_OF}
    found = []
    for cue in outcomes:
        opener = _free_of_opener(words.lower, cue.end, settings) if cue.id == "survival" else 0
        if opener:
            # "alive without their cancer getting worse", "alive with no sign that the
            # tumour had grown": alive and free of that event
            k = cue.end + opener
            while k < len(doc) and k - cue.end - opener < 3 and k not in events and (
                    doc[k].lower_ in settings.filler_words or doc[k].lower_ in settings.determiners
                    or words.ent_type[k] == "DISEASE"):  # ("that their lymphoma had grown")
                k += 1
            if k in events:
                found.append(Cue("OUTCOME", _FREE_OF[events[k].id], cue.start, events[k].end,
                                 doc[cue.start:events[k].end].text))
            continue
        if cue.id == "other" and harms:
            # "admitted to hospital because of colitis": a stay a harm caused counts the harm
            harm = harms.get(_reason_at(doc, cue.end, settings, cause_only=True))
            if harm is not None:
                found.append(Cue("OUTCOME", "adverse_event", cue.start, harm.end,
                                 doc[cue.start:harm.end].text))
            continue
        if cue.id in _HELD_OUTCOMES:
            j = cue.start
            while j > 0 and cue.start - j < 2 and (words.lower[j - 1] in settings.determiners
                                                   or words.lower[j - 1] == "of"):
                j -= 1
            if j > 0 and words.lower[j - 1] in settings.loss_words:
                found.append(Cue("OUTCOME", "recurrence", j - 1, cue.end, doc[j - 1:cue.end].text))
        elif cue.id == "adverse_event" and cue.end + 2 in deaths \
                and _leads_to(doc, cue.end, settings):
            after = deaths[cue.end + 2]
            found.append(Cue("OUTCOME", "death", cue.start, after.end,
                             doc[cue.start:after.end].text))
    return found


def _free_of_opener(lower: list[str], k: int, settings: LinkSettings) -> int:
    """How many words at ``k`` say that what follows is absent ('without', 'with no sign
    that', 'and free of'; free_of_openers), or 0."""
    return max((len(p) for p in settings.free_of_openers
                if tuple(lower[k:k + len(p)]) == p), default=0)


def qualified_outcome(doc: Doc, cue: Cue, cues: list[Cue], settings: LinkSettings) -> Cue:
    """The outcome a count is of once the words around its cue are read: a recurrence of
    the trial's end point ('Recurrent venous thromboembolism', 'recurrent stroke': the
    event again, corpora/README: a relapse is `recurrence` in every specialty), and a
    composite of death with an event the vocabulary has no word for ('Death or severe
    disability', 'hospitalisation or death': `other`, with its words)."""
    words = words_of(doc)
    if cue.id == "adverse_event" and cue.start > 1 and words.lower[cue.start - 1] in {"of", "in"} \
            and words.lower[cue.start - 2] in settings.efficacy_words | settings.measure_changes:
        # "Resolution of dactylitis", "improvement in fatigue": the end point, not the harm
        return Cue("OUTCOME", "other", cue.start - 2, cue.end, words.span_text(cue.start - 2, cue.end))
    if cue.id in {"other", "adverse_event"}:
        # (an adjective may stand between: "Recurrent nonfatal pulmonary embolism")
        k = None
        if not _RECURRENT_WORDS.isdisjoint(words.lower[max(0, cue.start - 2):cue.start + 1]):
            k = next((k for k in range(cue.start, max(-1, cue.start - 3), -1)
                      if words.lower[k] in _RECURRENT_WORDS
                      and all(words.is_alpha[n] for n in range(k, cue.start))), None)
        # (a condition the text names, not a harm word: "recurrent venous thromboembolism"
        # is the event again in a trial of its prevention whichever condition it names most)
        if k is not None and (cue.id == "other" or any(
                words.ent_type[n] in _CONDITION_LABELS for n in range(cue.start, cue.end))) \
                and not _among_harms(doc, cue.start, settings):
            return Cue("OUTCOME", "recurrence", k, cue.end, words.span_text(k, cue.end))
        return cue
    if cue.id != "death":
        return cue
    start, end = cue.start, cue.end
    if end + 1 < len(doc) and words.lower[end] == "or":
        end = _composite_end(doc, end + 1, cues, settings)
    elif start > 1 and words.lower[start - 1] == "or":
        start = _composite_start(doc, start - 1, cues, settings)
    if (start, end) == (cue.start, cue.end):
        return cue
    return Cue("OUTCOME", "other", start, end, words.span_text(start, end))


def response_kind(doc: Doc, end: int, cue: Cue) -> Cue | None:
    """'Eight had an objective response, four complete and four partial': a count of a
    response whose noun is left out after the adjective that names its kind (the adjective
    at ``end``, where the count's noun phrase ends), or None."""
    words = words_of(doc)
    if cue.id not in _RESPONSE_IDS or end + 1 >= len(doc) or words.lower[end] not in _RESPONSE_KINDS \
            or not (words.is_punct[end + 1] or words.lower[end + 1] in {"and", "or"}):
        return None
    return Cue("OUTCOME", _RESPONSE_KINDS[words.lower[end]], end, end + 1, words.text[end])


#: The kind of response an adjective names when the noun is left out ('four complete').
_RESPONSE_KINDS = {"complete": "complete_response", "partial": "partial_response"}
_RESPONSE_IDS = frozenset({"response", *_RESPONSE_KINDS.values()})


def _composite_end(doc: Doc, k: int, cues: list[Cue], settings: LinkSettings) -> int:
    """Index after the event named at ``k`` after 'death or' when the vocabulary has no
    word for it ('severe disability'), else ``k - 1`` (the 'or': no composite)."""
    words = words_of(doc)
    named = next((c for c in cues if c.label == "OUTCOME" and c.start == k), None)
    if named is not None and named.id not in {"other", "adverse_event"}:
        return k - 1  # "death or progression": an event of the vocabulary
    # "died or needed permanent ventilation": the other event a verb of need names
    verb = int(words.lower[k] in settings.intervention_verbs)
    stop = k + verb
    while stop < len(doc) and stop - k < settings.max_outcome_words \
            and not _ends_phrase(doc[stop], settings) and words.lower[stop] not in settings.frame_verbs:
        stop += 1  # ("Death or severe disability | occurred in")
    return stop if stop > k + verb and words.is_alpha[k] else k - 1


def _composite_start(doc: Doc, k: int, cues: list[Cue], settings: LinkSettings) -> int:
    """Where the event named before 'or death' at ``k`` starts when the vocabulary has no
    word for it ('hospitalisation or death'), else ``k + 1`` (no composite)."""
    words = words_of(doc)
    if k > 1 and words.text[k - 1] == ",":
        k -= 1  # "stroke, myocardial infarction, or death": a serial comma before the 'or'
    if any(c.label == "OUTCOME" and c.end == k and c.id not in {"other", "adverse_event"}
           for c in cues):
        return k + 1  # "progression or death": an event of the vocabulary
    first = k
    while first > 0 and k - first < settings.max_outcome_words and words.is_alpha[first - 1] \
            and not _ends_phrase(doc[first - 1], settings, subject=True) \
            and words.lower[first - 1] not in settings.determiners:
        first -= 1
    return first if first < k else k + 1


def _among_harms(doc: Doc, i: int, settings: LinkSettings) -> bool:
    """Does the sentence of the word at ``i`` speak of harms ('Adverse events included
    recurrent infections')?"""
    words = words_of(doc)
    sent = doc[i].sent
    return any(w in settings.harm_classes for w in words.lower[sent.start:sent.end])


def given_as_reason(doc: Doc, cue: Cue, settings: LinkSettings) -> bool:
    """'Reasons for switching were insufficient response in 29 and progression in 8', '...;
    the most common reasons were lack of efficacy (9 and 21 patients)': an event named as
    the reason why a group stopped or switched counts who stopped, not the event (corpora/
    README: stops are cohort rows, but for a harm)."""
    words = words_of(doc)
    found = _reason_words(doc, settings)
    n = bisect_right(found, cue.start - 1) - 1
    if n < 0:
        return False
    k = found[n]
    between = range(k + 1, cue.start)
    if any(words.sent_start[j] or words.text[j] in {";", "."} for j in between):
        return False  # (another sentence or clause)
    return any(words.lower[j] in settings.auxiliaries or words.text[j] == ":" for j in between)


_REASONS_KEY = "onco_reason_words"


def _reason_words(doc: Doc, settings: LinkSettings) -> tuple[int, ...]:
    """Where the document names reasons ('reason', 'reasons'), found once per document."""
    found = doc.user_data.get(_REASONS_KEY)
    if found is None:
        found = tuple(k for k, w in enumerate(words_of(doc).lower) if w in settings.reason_nouns)
        doc.user_data[_REASONS_KEY] = found
    return found


def listed_reason(doc: Doc, start: int, settings: LinkSettings) -> tuple[int, int] | None:
    """'The reasons were adverse events (18 and 11 patients, respectively), withdrawal of
    consent (12 and 14) and other reasons (8 and 9)': the words of the reason whose bracket
    holds the count at ``start``, in a list after a reason word of its sentence; None when the
    count is not so listed (or the reason is the subject: 'X was the most common reason (11)')."""
    words = words_of(doc)
    found = _reason_words(doc, settings)
    if not found or found[0] >= start:
        return None
    paren = next((k for k in range(start - 1, max(start - 9, 0), -1)
                  if words.text[k] in _BRACKET_STOPS), None)
    if paren is None or words.text[paren] != "(":
        return None
    first = paren
    while first > 0 and not words.sent_start[first] and words.text[first - 1] not in _ITEM_STOPS \
            and words.lower[first - 1] not in settings.auxiliaries:
        first -= 1
    while first < paren and words.lower[first] in settings.list_separators:
        first += 1  # ", and other reasons (8 and 9)"
    if first == paren or paren - first > settings.max_outcome_words:
        return None
    if any(k in found for k in range(first, paren)) and words.lower[first] not in \
            settings.complement_words:
        return None  # "X was the most common reason (11)": the subject is the reason
    n = bisect_right(found, first - 1) - 1
    if n < 0:
        return None
    if any(words.sent_start[j] or words.text[j] in {";", "."} for j in range(found[n] + 1, first)):
        return None  # (another sentence or clause)
    return first, paren


#: Tokens that close the search for the bracket a listed count stands in.
_BRACKET_STOPS = frozenset({"(", ")", "[", "]", ";", "."})
#: Tokens before the first word of an item of a list of reasons.
_ITEM_STOPS = frozenset({",", ";", ":", "(", ")"})


def cause_part(doc: Doc, m_start: int, m_end: int, settings: LinkSettings) -> bool:
    """'two patients died, one of pneumonia and one of progressive disease', 'Both deaths
    occurred in the placebo group, one from sepsis and ...': a number that the cause after it
    picks out of a count said before in its sentence breaks that count down; it is no count
    of its own."""
    words = words_of(doc)
    if m_end + 1 >= len(doc) or words.lower[m_end] not in {"of", "from"} \
            or m_start == 0 or words.text[m_start - 1] not in {",", "and", "("}:
        return False
    after = words.lower[m_end + 1]
    if not words.is_alpha[m_end + 1] or after in settings.relative_pronouns \
            or after in _OBJECT_PRONOUNS or after in settings.group_pronouns \
            or after in settings.determiners and after not in {"a", "an"}:
        return False  # "one of the patients", "12 from the placebo group", "one of them"
    sent_start = doc[m_start].sent.start
    return any(n is not None for n in words.num[sent_start:m_start])


def judged_none(doc: Doc, m_start: int, m_end: int, settings: LinkSettings) -> bool:
    """'Serious adverse events occurred in 5 and 4, and none was judged to be related', '2
    deaths, none considered related to the trial drug': a 'none' whose predicate weighs the
    cause of events counted before is no count of zero."""
    words = words_of(doc)
    if words.lower[m_start] not in _NONE_PRONOUNS:
        return False
    judged = m_start > 0 and words.lower[m_start - 1] in settings.judgement_verbs  # "considered none"
    for k in range(m_end, min(len(doc), m_end + _JUDGEMENT_WORDS)):
        if words.sent_start[k] or words.text[k] in {".", ";"}:
            return False
        judged = judged or words.lower[k] in settings.judgement_verbs
        if judged and words.lower[k].rsplit("-", 1)[-1] in settings.causality_words:
            return True
    return False


#: Pronouns of a zero ('none of which'); at most this many words to the judgement of cause.
_NONE_PRONOUNS = frozenset({"none", "neither"})
_JUDGEMENT_WORDS = 10


#: Words that say an event happened again ('recurrent stroke').
_RECURRENT_WORDS = frozenset({"recurrent", "recurring"})


def _reason_at(doc: Doc, k: int, settings: LinkSettings, *, cause_only: bool) -> int:
    """Where the reason named at ``k`` starts ("because of the X", "due to X", and unless
    ``cause_only`` "for X"), or -1."""
    if not cause_only and k < len(doc) and doc[k].lower_ == "for":
        k += 1
    else:
        k = _cause_end(doc, k, settings) or -1
    while 0 <= k < len(doc) and doc[k].lower_ in settings.determiners:
        k += 1
    return k


def harm_reason(doc: Doc, outcome: Cue, cues: list[Cue], settings: LinkSettings) -> Cue | None:
    """'Hospitalization for hyperkalemia': an event whose reason is a harm, as the harm
    (said while harms are reported; 'hospitalisation for heart failure' in a table of end
    points is the end point), or None."""
    k = _reason_at(doc, outcome.end, settings, cause_only=False)
    harm = next((c for c in cues if c.label == "OUTCOME" and c.id == "adverse_event"
                 and c.start == k), None)
    return None if harm is None else Cue("OUTCOME", "adverse_event", outcome.start, harm.end,
                                         doc[outcome.start:harm.end].text)


def _leads_to(doc: Doc, k: int, settings: LinkSettings) -> bool:
    """Do the words at ``k`` say that what comes before caused what comes after ("leading
    to", "resulted in")?"""
    words = words_of(doc)
    return k + 1 < len(doc) and words.lower[k] in settings.lead_words \
        and words.lower[k + 1] in {"to", "in"}


def _harm_within(doc: Doc, k: int, reach: int, harm_at: dict[int, Cue], cues: list[Cue],
                 settings: LinkSettings) -> Cue | None:
    """The harm a cause names after at most ``reach`` plain words ('because of gastrointestinal
    adverse effects', 'because they could not tolerate the rash'), or None: no punctuation,
    phrase stop or other outcome comes first."""
    words = words_of(doc)
    others = {c.start for c in cues if c.label == "OUTCOME" and c.id != "adverse_event"}
    for j in range(k, min(len(doc), k + reach + 1)):
        if j in harm_at:
            return harm_at[j]
        if not words.is_alpha[j] or j in others or words.lower[j] in settings.phrase_stops:
            return None
    return None


def _cause_end(doc: Doc, k: int, settings: LinkSettings) -> int | None:
    """Index after a phrase that gives a cause ("because of", "due to") at ``k``, or None."""
    words = words_of(doc)
    if k >= len(doc):
        return None
    first = words.lower[k]
    for phrase in settings.cause_phrases:
        if phrase[0] == first and k + len(phrase) <= len(doc) and all(
                words.lower[k + n] == word for n, word in enumerate(phrase)):
            return k + len(phrase)
    return None


def clause_outcome(doc: Doc, facts: ClauseFacts, m: Mention, settings: LinkSettings) -> Cue | None:
    """The outcome of the clause nearest to a mention, after it first; not one that picks a
    group ("seven of the 41 without a pCR")."""
    k = m.start + 1
    while k < len(doc) and k < m.start + 3 and doc[k].text in {"%", "percent"}:
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ == "or" and doc[k + 1].lower_ in settings.open_bounds:
        return None  # "weight loss of 5% or more occurred in": a threshold, not a share
    outcomes = [c for c in longest_cues(facts.cues, "OUTCOME")
                if not picks_group(doc, c.start, settings)]
    after = [c for c in outcomes if c.start >= m.end
             and not _relative_object(doc, m.end, c.start, settings)]
    before = [c for c in outcomes if c.end <= m.start]
    return after[0] if after else (before[-1] if before else None)


def _relative_object(doc: Doc, start: int, k: int, settings: LinkSettings) -> bool:
    """'55 of the 96 in the X group who had confirmed infection': is the outcome at ``k`` the
    object of a relative clause after a count that picks its group (a relative pronoun
    between ``start`` and ``k``, whose verb is the only one before the outcome)?"""
    words = words_of(doc)
    rel = next((j for j in range(k - 1, start - 1, -1) if words.lower[j] in settings.relative_pronouns
                or words.is_punct[j]), None)
    if rel is None or words.is_punct[rel] or rel + 1 >= k:
        return False
    return not any(words.lower[j] in settings.article_verbs or words.lower[j] in settings.auxiliaries
                   or words.ent_type[j] in _DRUG_LABELS for j in range(rel + 2, k))


def picks_group(doc: Doc, i: int, settings: LinkSettings) -> bool:
    """Is the outcome at ``i`` said of a group ("the 41 without a pCR", "those with a
    response")?"""
    words = words_of(doc)
    k = i - 1
    while k > 0 and words.lower[k] in settings.determiners:
        k -= 1
    if k > 1 and words.like_num[k] and words.is_alpha[k - 1]:
        k -= 2  # "without type 2 diabetes", "with grade 3 neutropenia"
    return k >= 0 and words.lower[k] in {"with", "without"}


# Outcomes outside the vocabulary ("other"): trials of every specialty count events the
# oncology cue lists do not name ("Clinical cure was achieved in 64 of 80", "15 had a
# stroke"). They are read from the frame that states an event, not from a word list, and
# keep the words used (DESIGN.md: outcome "other", outcome_mention the words).


def other_outcome(doc: Doc, start: int, end: int, clause_start: int, clause_end: int,
                  cues: list[Cue], settings: LinkSettings, *, subject_only: bool = False,
                  after_harm: bool = False) -> Cue | None:
    """The event a count's frame names: before it ("X was achieved in N") or after it
    ("N developed X", "N had a X"). A cue inside the phrase names it ("disease progression
    had been documented in"); otherwise it is "other" with its words. ``subject_only``: a
    share ("71% had an ECOG status of 0") is a baseline feature more often than an event.
    ``after_harm``: the last count of the text, in this sentence or the one before, was of a
    harm (the text is reporting harms)."""
    doc_words = words_of(doc)
    found = _subject_outcome(doc, start, clause_start, settings) \
        or _listed_outcome(doc, start, clause_start, cues, settings) \
        or _existential_outcome(doc, start, end, clause_start, clause_end, settings)
    if found is None and not subject_only:
        # "28 in the placebo group (11.2%) had a major cardiovascular event": the object
        # comes after the group the count is of.
        arm_at = by_start([c for c in cues if c.label in {"ARM", "ARM_NAME"}])
        i = after_percent(doc, end, clause_end)
        j = i
        while j < clause_end and j - i < 3 and doc_words.lower[j] in settings.filler_words:
            j += 1  # "in the"
        if j in arm_at and arm_at[j].end <= clause_end:
            i = after_percent(doc, arm_at[j].end, clause_end)
        else:  # "30 patients receiving tiotropium had at least one exacerbation"
            i = after_percent(doc, treatment_end(doc, i, clause_end, settings) or i, clause_end)
        found = _object_outcome(doc, i, clause_end, settings)
    if found is None:
        # "8% of those on X had a heart attack", "50 of the X group had a stroke": the
        # object after a phrase that names the count's group (a share of a treated group is
        # of an event, not a baseline feature)
        i = after_percent(doc, end, clause_end)
        verb = _group_phrase_end(doc, i, clause_end, settings)
        found = _object_outcome(doc, verb, clause_end, settings) if verb > i else None
    if found is None:
        return None
    if found.end - found.start <= 2 and doc[found.end - 1].lower_ in settings.pronouns:
        # "Remission was apparent at week 4, when it was reported by 68/278": the outcome
        # the pronoun stands for, named before it in the sentence
        sent_start = doc[found.start].sent.start
        named = [c for c in cue_spans(doc_words) if c.label == "OUTCOME"
                 and sent_start <= c.start and c.end <= found.start]
        return max(named, key=lambda c: (c.start, -c.end), default=None)
    outcomes = longest_cues(cues, "OUTCOME")
    named = [c for c in outcomes if found.start <= c.start < found.end]
    # "Numbness in the feet (peripheral neuropathy) was reported in", "A reduction of at least
    # 50% in seizure frequency (the 50% responder rate) was achieved by": a gloss that is
    # the name of an outcome names it (not one that lists the parts of a composite).
    glosses = [c for c in outcomes if found.end < c.start and c.end < start
               and _gloss_opens(doc, c.start, settings) and doc_words.text[c.end] in {")", "]"}] \
        if found.end < start else []
    if glosses:
        named = glosses[:1]  # (the name, over a word inside the phrase: "seizure" above)
    words = set(doc_words.lower[found.start:found.end])
    if _responder_threshold(doc, found, start, settings):
        return Cue("OUTCOME", "response", found.start, found.end, found.text)
    if doc_words.lower[found.start] in settings.absence_words \
            or any(names_measure(doc, c, settings) for c in named) \
            or named and any(w in settings.resolution_verbs for w in doc_words.lower[found.end:start]):
        # "Freedom from seizures was reported in", "Seizure freedom was achieved in", "A
        # reduction of 50% in seizure frequency occurred in", "Fever had resolved by day 3
        # in": no event, an end point
        return found
    if named:
        return named[0]
    if index_response(doc, found.start, found.end, settings) \
            or _index_threshold(doc, found, settings) or reached_score(doc, found, settings):
        return Cue("OUTCOME", "response", found.start, found.end, found.text)
    if names_main_condition(doc, found.start, found.end):
        return found  # "gout flares requiring treatment" in a gout trial: its end point
    if "DISEASE" in doc_words.ent_type[found.start:found.end] \
            or _harm_word(doc, found, words, settings) \
            or _names_harm(words, set(doc_words.lower[found.end:start]), settings) \
            or _after_harm(doc, found, settings) or lab_excess(doc, found, settings) \
            or _in_safety_report(doc, found, settings, after_harm=after_harm):
        # "Myelodysplastic syndrome or acute myeloid leukemia was reported in three": a
        # disease that arises during a trial is an adverse event of it; so is a graded
        # event or a harm named by its kind ("grade 3 transaminase elevation", "ovarian
        # dysfunction", "nail problems").
        return Cue("OUTCOME", "adverse_event", found.start, found.end, found.text)
    return found


def _responder_threshold(doc: Doc, found: Cue, start: int, settings: LinkSettings) -> bool:
    """Does the event phrase open with a fall in a measure and hold a threshold of at least
    a percentage, up to the count at ``start`` ('A reduction of at least 50% in monthly
    headache days', 'A fall of more than 50% from baseline')? Those who meet it are the
    responders (corpora/README: a response whatever the disease), unless the sentence
    names a measure whose fall is no response (body weight, eGFR, bone density)."""
    words = words_of(doc)
    k = found.start
    while k < found.end and (words.lower[k] in settings.determiners or not words.is_alpha[k]
                             or words.lower[k] in settings.threshold_words
                             or words.lower[k] == "at"):
        k += 1  # ("at least a 50% drop", "≥50% reduction")
    if k == found.end or words.lower[k] not in settings.responder_changes:
        return False
    first = found.start
    while first > 0 and found.start - first < 3 and (
            words.lower[first - 1] in settings.threshold_words
            or words.lower[first - 1] in {"a", "an", "at"}):
        first -= 1  # "had at least a | 50% reduction in knee pain": the threshold before it
    last = found.end + _THRESHOLD_REACH
    window = words.lower[first:min(start, last) if start > found.start else last]
    if "%" not in window or not any(w in settings.threshold_words or w.startswith(("≥", ">="))
                                    for w in window):
        return False
    sent = doc[found.start].sent
    return settings.not_responder_measures.isdisjoint(words.lower[sent.start:sent.end])


#: How far after an event phrase cut at 'than' its threshold may go on ('fall of more | than
#: 50%').
_THRESHOLD_REACH = 4


def _harm_word(doc: Doc, found: Cue, words: set[str], settings: LinkSettings) -> bool:
    """Do the words of an event hold a word that makes it a harm ('grade 3 transaminase
    elevation', 'ovarian dysfunction')? A grade is of the toxicity scale only with a number
    ('grade 3', 'grade >=3'): 'a new BILAG grade A flare' grades the disease."""
    harm = words & settings.harm_words
    if not harm or harm - settings.grade_words:
        return bool(harm)
    return any(_toxicity_grade(doc, k, settings) for k in range(found.start, found.end))


def _toxicity_grade(doc: Doc, k: int, settings: LinkSettings) -> bool:
    """Is the word at ``k`` a grade of the toxicity scale ('grade 3', 'grade >=3', 'grade 3
    or higher'), not of a disease scale ('BILAG grade A')?"""
    words = words_of(doc)
    return words.lower[k] in settings.grade_words and k + 1 < len(doc) \
        and (words.num[k + 1] is not None or words.lower[k + 1] in settings.threshold_words
             or words.lower[k + 1].lstrip("<>=≥≤").isdigit())


def _names_harm(words: set[str], frame: set[str], settings: LinkSettings) -> bool:
    """Do the words of an event name a symptom or a harm by its form ('injection-site
    erythema', 'muscle cramps', 'conjunctivitis', 'hyperkalaemia', 'myalgia'), and neither
    they nor the ``frame`` after them a change in a measure of it ('a reduction in pain',
    'pain relief', 'Pain improved by at least 30% in')?"""
    said = words | frame
    if said & settings.measure_changes or said & settings.efficacy_words \
            or said & settings.resolution_verbs:  # ("symptoms had been alleviated in")
        return False  # ("Complete control of hives": the end point of a trial in urticaria)
    return any(w.rsplit("-", 1)[-1] in settings.harm_terms
               or len(w) > 6 and w.endswith(settings.harm_suffixes)
               and not w.startswith(_HEALTHY_PREFIXES) for w in words)


#: Prefixes of a healthy state in a word of harm form ('normoglycaemia', 'euthyroid').
_HEALTHY_PREFIXES = ("normo", "eu")


def _gloss_opens(doc: Doc, k: int, settings: LinkSettings) -> bool:
    """Does a bracket open right before ``k``, but for a determiner and a threshold ('(the
    50% responder rate)')?"""
    words = words_of(doc)
    j = k - 1
    if j > 0 and words.text[j] == "%" and words.num[j - 1] is not None:
        j -= 2
    while j > 0 and words.lower[j] in settings.determiners:
        j -= 1
    return j >= 0 and words.text[j] in {"(", "["}


def _index_threshold(doc: Doc, found: Cue, settings: LinkSettings) -> bool:
    """Is the phrase a responder threshold of a disease-activity index named right after
    it: in a gloss ('Clear or almost clear skin (IGA score 0 or 1)') or as what a share
    improves ('at least a 75% improvement in their PASI score')?"""
    words = words_of(doc)
    k = found.end
    if k < len(doc) and words.text[k] in {"(", "["}:
        close = next((j for j in range(k + 1, min(len(doc), k + _GLOSS_WORDS))
                      if words.text[j] in {")", "]"}), None)
        return close is not None and index_response(doc, k + 1, close, settings)
    if "%" not in words.text[found.start:found.end]:
        return False
    if k >= len(doc) or words.lower[k] not in {"in", "on", "of"}:
        # "a 90% improvement in the Psoriasis Area and Severity Index": the index named in
        # full, its name cut at 'and'
        k = next((j for j in range(found.start, found.end) if words.lower[j] in {"in", "on"}), None)
        if k is None:
            return False
    for j in range(k + 1, min(len(doc), k + 1 + _GLOSS_WORDS)):
        if words.is_punct[j]:
            return False
        if words.lower[j].split("-")[0].rstrip("0123456789") in settings.response_indices \
                or words.lower[j] in _INDEX_NOUNS:
            return True
    return False


#: Nouns that name a disease-activity index in full ('Psoriasis Area and Severity Index').
_INDEX_NOUNS = frozenset({"index"})


#: At most this many words in a gloss, or after a share, that name an index.
_GLOSS_WORDS = 8


def index_response(doc: Doc, start: int, end: int, settings: LinkSettings) -> bool:
    """'PASI 90', 'EASI-75', 'ACR50': a responder threshold of a disease activity index,
    a response (corpora/README) in every specialty."""
    words = [t for t in doc[start:end] if not t.is_space]
    if not words or words[0].lower_.split("-")[0].rstrip("0123456789") not in settings.response_indices:
        return False
    return any(ch.isdigit() for t in words for ch in t.text)  # ("IGA score of 0 or 1")


def names_measure(doc: Doc, cue: Cue, settings: LinkSettings) -> bool:
    """Does the outcome word qualify a measure after it ('seizure frequency', 'seizure
    freedom', 'seizure-free', 'bleeding score'), so that the event is not that outcome?"""
    words = words_of(doc)
    k = cue.end
    if k < len(doc) and words.text[k] in {"-", "–"}:
        k += 1
    if cue.id == "adverse_event" and k + 1 < len(doc) and words.lower[k] == "of" and (
            words.num[k + 1] is not None or words.lower[k + 1] == "at"):
        return True  # "weight loss of 5% or more": a threshold (but "PSA decline of 90%")
    return k < len(doc) and words.lower[k] in settings.measured_nouns


def _subject_outcome(doc: Doc, start: int, clause_start: int,
                     settings: LinkSettings) -> Cue | None:
    """'Clinical cure was achieved in 64 of 80': the subject of an event frame."""
    words = words_of(doc)
    j = start - 1
    if j > clause_start and words.lower[j] in settings.auxiliaries:
        return _rate_subject(doc, clause_start, j, settings)
    if j > clause_start and words.lower[j] in settings.affect_verbs:
        j += 1  # "Skin rash affected 22 of the patients", "Nausea troubled 108 people"
    elif j <= clause_start or words.lower[j] not in settings.frame_prepositions:
        return None
    j -= 1
    while j > clause_start and (words.lower[j].endswith("ly") and words.is_alpha[j]
                                or words.lower[j] in settings.frame_adverbs):
        j -= 1  # "was observed only in", "was recorded at least once in"
    j = _before_amount(doc, j, clause_start, settings)  # "improved by at least 4 points in"
    j = _before_adjunct(doc, j, clause_start, settings)  # "were seen on MRI in 23"
    if j - 1 > clause_start and words.lower[j] == "case" and words.lower[j - 1] == "the":
        j -= 1  # "That was the case for 23 of the 32": a frame of the event said before
    elif words.lower[j] not in settings.frame_verbs and words.lower[j] not in settings.affect_verbs:
        return _gapped_subject(doc, j, doc[start].sent.start, settings)
    while j > clause_start and words.lower[j - 1] in settings.frame_auxiliaries:
        j -= 1
    # "A primary-outcome event (cardiovascular death or ...) occurred in": the subject is
    # the phrase before the brackets that gloss it.
    j = _before_gloss(doc, clause_start, j)
    first = clause_start
    for k in range(clause_start, j):
        if words.text[k] in {",", ":", ";", "(", ")"} and not _inner_bracket(words.text, first, k, j):
            first = k + 1
    if j - first == 1 and words.lower[first] in _OBJECT_PRONOUNS:
        # "Stomatitis was the most common; it was reported in"
        named = _named_before(doc, first, settings)
        if named is not None:
            return named
    if j - first == 1 and words.lower[first] in settings.pronouns and words.sent_start[first]:
        return _previous_goal(doc, first, settings)  # "The main goal was X. That happened in 84"
    head = _apposition_head(doc, clause_start, j - 1) if first == j else None
    if head is not None:
        # "The primary outcome, a composite of ..., occurred in": what the trial counts;
        # "Severe exacerbation, defined as ..., occurred in": the event defined.
        return _named_apposition(doc, head, j - 1, settings) \
            or _phrase(doc, head[0], head[1], settings, subject=True, framed=True)
    # "The primary efficacy outcome of ischemic stroke or systemic embolism occurred in":
    # the end point named after its heading.
    named = next((k + 2 for k in range(first, j - 2) if words.lower[k] in settings.generic_heads
                  and words.lower[k + 1] == "of"), None)
    return (named is not None and _phrase(doc, named, j, settings, subject=True, framed=True)) \
        or _phrase(doc, first, j, settings, subject=True, framed=True)


def _inner_bracket(text: list[str], first: int, k: int, j: int) -> bool:
    """Is the bracket at ``k`` one of a pair inside the words [first, j) that goes on after
    it ('responses assessed by RANO (Response Assessment ...) criteria were observed in')?"""
    if text[k] == "(":
        return ")" in text[k + 1:j - 1]
    return text[k] == ")" and "(" in text[first:k] and k + 1 < j


def _before_amount(doc: Doc, last: int, clause_start: int, settings: LinkSettings) -> int:
    """'improved by at least 4 points | in 98': the word before an amount 'by <number>
    [unit]' that ends at ``last``, or ``last`` when there is none."""
    for k in range(last - 1, max(clause_start, last - 6), -1):
        if doc[k].lower_ == "by":
            between = doc[k + 1:last + 1]
            numbers = [t for t in between if t._.num_value is not None]
            if numbers and all(t._.num_value is not None or t.text == "%"
                               or t.lower_ in settings.threshold_words or t.lower_ == "at"
                               or t.lower_ in settings.not_count_after  # "by day 7"
                               or t.i == last and t.is_alpha for t in between):
                return k - 1
            return last
    return last


def _before_adjunct(doc: Doc, last: int, clause_start: int, settings: LinkSettings) -> int:
    """'were seen on MRI | in 23', 'was recorded during treatment | in 12': the frame verb
    before a short phrase of place or time that ends at ``last``, or ``last`` when there is
    none."""
    words = words_of(doc)
    if words.lower[last] in settings.frame_verbs:
        return last
    for k in range(last, max(clause_start + 1, last - _ADJUNCT_WORDS) - 1, -1):
        if not words.is_alpha[k] and words.num[k] is None:
            return last
        if words.lower[k] in _ADJUNCT_PREPOSITIONS and words.lower[k - 1] in settings.frame_verbs:
            return k - 1
    return last


#: A phrase of place or time between an event frame's verb and its count: at most this many
#: words, opened by one of these.
_ADJUNCT_WORDS = 4
_ADJUNCT_PREPOSITIONS = frozenset({"on", "at", "during", "within", "after", "before", "over",
                                   "through", "from", "until", "throughout"})


def _before_gloss(doc: Doc, start: int, end: int) -> int:
    """Where a phrase ends that is followed by a gloss in brackets up to ``end`` ('Nail
    problems (sore or lifting nails)'), or ``end`` when no bracket closes right before it."""
    words = words_of(doc)
    if end - 1 <= start or words.text[end - 1] not in {")", "]"}:
        return end
    depth = 0
    for k in range(end - 1, start - 1, -1):
        depth += words.text[k] in {")", "]"}
        depth -= words.text[k] in {"(", "["}
        if depth == 0:
            return k if k > start else end
    return end


def _after_harm(doc: Doc, found: Cue, settings: LinkSettings) -> bool:
    """'Fever was reported in 41% ..., and capillary leak syndrome serious enough to need
    intensive care occurred in 12': an event coordinated with a harm named before it in the
    sentence is a harm too."""
    words = words_of(doc)
    k = found.start - 1
    while k > 0 and words.lower[k] in settings.determiners:
        k -= 1
    if k <= 0 or words.lower[k] not in settings.list_separators - {","}:
        return False  # (after a comma it may follow a phrase that only names the group)
    sent_start = doc[found.start].sent.start
    return any(c.label == "OUTCOME" and c.id == "adverse_event" and sent_start <= c.start
               and c.end <= k for c in cue_spans(words))


def _in_safety_report(doc: Doc, found: Cue, settings: LinkSettings, *,
                      after_harm: bool) -> bool:
    """'Pneumonia was reported in 39 patients ... Oral candidiasis occurred in 27': an event
    the text names while it reports harms (right after a count of a harm, or after words
    about safety in its sentence or the one before) is a harm; not the trial's own end point
    ("the primary outcome occurred in")."""
    if any(t.lower_.rsplit("-", 1)[-1] in settings.generic_heads and not doc[t.i - 1].like_num
           for t in doc[found.start:found.end]):  # (but "a decline of 10 points")
        return False
    if any(t.lower_ in settings.efficacy_words for t in doc[found.start:found.end]):
        return False  # "Early treatment failure", "Clear or almost clear skin": end points
    if any(t.lower_ in settings.threshold_words and doc[t.i + 1]._.num_value is not None
           and doc[t.i - 1].lower_ in settings.measure_labels
           for t in doc[found.start + 1:found.end - 1]):
        return False  # "A serum potassium level above 5.5 mmol/L": a threshold end point
    k = found.start - 1
    while k > 0 and doc[k].lower_ in settings.determiners:
        k -= 1
    if doc[k].lower_ in settings.intervention_verbs:
        return False  # "88 needed systemic steroids": a treatment, not a harm
    if after_harm:
        return True
    sent = doc[found.start].sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    words = words_of(doc)  # ("Side effects were mostly mild. Swelling ... was reported in")
    return any(w in settings.safety_words or w in settings.harm_classes
               for w in words.lower[first:found.start])


def _gapped_subject(doc: Doc, last: int, sent_start: int, settings: LinkSettings) -> Cue | None:
    """'Peripheral neuropathy developed in 29 patients and skin reactions in 33': the subject
    of a frame whose verb the sentence says once, before a coordinator. ``last``: the last
    word before the frame's preposition."""
    words = words_of(doc)
    preposition = words.lower[last + 1]
    k = last
    # the frame says the subject is one: it may be as long as any framed subject
    while k > sent_start and last - k < settings.max_framed_words \
            and words.lower[k] not in settings.list_separators:
        k -= 1
    if k == last or words.lower[k] not in settings.list_separators or not any(
            words.lower[v] in settings.frame_verbs and words.lower[v + 1] == preposition
            for v in range(sent_start, k - 1)):
        return None
    if words.lower[k + 1] in settings.lead_words | settings.frame_verbs | settings.object_verbs:
        return None  # "..., and led to discontinuation in 48": a verb of its own, no subject
    return _phrase(doc, k + 1, last + 1, settings, subject=True, framed=True)


def _existential_outcome(doc: Doc, start: int, end: int, clause_start: int, clause_end: int,
                         settings: LinkSettings) -> Cue | None:
    """'There were 4 suicide attempts in the X group': the events the number counts."""
    words = words_of(doc)
    if start - 2 < clause_start or words.lower[start - 2] != "there" \
            or words.lower[start - 1] not in settings.auxiliaries or end >= clause_end:
        return None
    stop = end
    while stop < clause_end and not _ends_phrase(doc[stop], settings):
        stop += 1
    return _phrase(doc, end, stop, settings)


def listed_outcome(doc: Doc, start: int, clause_start: int, cues: list[Cue],
                   settings: LinkSettings) -> Cue | None:
    """The event a count in brackets right after it counts, in a listing, or None."""
    return _listed_outcome(doc, start, clause_start, cues, settings)


def _listed_outcome(doc: Doc, start: int, clause_start: int, cues: list[Cue],
                    settings: LinkSettings) -> Cue | None:
    """'The most common events were dissociation (41 patients [27.0%]) and vertigo (17
    [11.2%])': a count in brackets right after the event it counts, in a list."""
    words = words_of(doc)
    paren = start - 1
    if paren <= clause_start or words.text[paren] != "(" or not words.is_alpha[paren - 1]:
        return None
    closing = next((k for k in range(start, min(len(doc), start + 8)) if words.text[k] == ")"), None)
    if closing is not None and all(words.like_num[k] or words.text[k] in {",", "-", "–"}
                                   for k in range(start, closing)):
        return None  # "... a hormone known to curb appetite (35)", "(38, 39)": references
    first = clause_start
    for k in range(paren - 1, clause_start - 1, -1):
        if words.is_punct[k] or words.lower[k] in settings.list_separators \
                or words.lower[k] in settings.frame_auxiliaries:
            first = k + 1
            break
    if any(c.label in _GROUP_LABELS and first <= c.start < paren for c in cues):
        return None  # "Arm B (148 patients)", "placebo (n = 118)": a group and its size
    found = _phrase(doc, first, paren, settings)
    sent_start = doc[start].sent.start
    if found is not None and any(c.label == "OUTCOME" and c.id == "adverse_event"
                                 and sent_start <= c.start and c.end <= first
                                 and not picks_group(doc, c.start, settings)
                                 for c in cue_spans(words)):
        # "The most common adverse events were dissociation (41 ...)": items of harms (not
        # "adults with hepatitis D were assigned to X (n = 150)": the population's disease)
        return Cue("OUTCOME", "adverse_event", found.start, found.end, found.text)
    if found is not None and any(c.label == "STATUS" and c.id == "discontinued"
                                 and sent_start <= c.start < first
                                 for c in cue_spans(words)):
        # "Discontinuation occurred in 18; the reasons were withdrawal of consent (7), lack
        # of efficacy (1) ...": reasons for stopping, whose counts are cohort rows
        return None
    return found


#: Cues that name a group or what it received, not an event.
_GROUP_LABELS = frozenset({"ARM", "ARM_NAME", "PATIENT", "STATUS", "STUDY_VERB", "PROCEDURE",
                           "EXPERIMENTAL_ARM"})


def _rate_subject(doc: Doc, clause_start: int, verb: int, settings: LinkSettings) -> Cue | None:
    """'The incidence of delirium was 12.0%', 'Rates of clinical cure were 85% and 80%',
    'The proportion of patients with a flare was 21%': what the share is the rate of."""
    doc_words = words_of(doc)
    first = clause_start
    for k in range(clause_start, verb):
        if doc_words.text[k] in {",", ":", ";", "(", ")"}:
            first = k + 1
    k = first
    while k < verb and doc_words.lower[k] in settings.determiners:
        k += 1
    while k < verb and doc_words.lower[k] not in settings.rate_words:
        if not doc_words.is_alpha[k] or k - first > 3:
            return None  # "The 30-day rate of ...", "Overall rates of ..." (a few words)
        k += 1
    if k + 1 >= verb or doc_words.lower[k + 1] not in {"of", "for"}:  # "rates of / for stroke"
        return None
    k += 2
    if k + 1 < verb and doc_words.lower[k] in settings.not_outcomes \
            and doc_words.lower[k + 1] in {"with", "who", "having", "experiencing"}:
        k += 2  # "the proportion of patients with ..."
        while k < verb and (doc_words.lower[k] in settings.article_verbs
                            or doc_words.lower[k] in {"at", "least", "one", "any", "a", "an"}):
            k += 1
    return _phrase(doc, k, verb, settings, subject=True, framed=True)


def _named_apposition(doc: Doc, head: tuple[int, int], comma: int,
                      settings: LinkSettings) -> Cue | None:
    """The outcome an apposition after a generic head opens with ('The primary end point,
    relapse of infection through week 8, occurred in'), or None ('a composite of ...')."""
    words = words_of(doc)
    if words.lower[head[1] - 1] not in settings.generic_heads:
        return None
    k = head[1] + 1
    while k < comma and words.lower[k] in settings.determiners:
        k += 1
    named = [c for c in cue_spans(words) if c.label == "OUTCOME" and c.start == k
             and c.end <= comma]
    if not named and k < comma:
        # "The primary end point, a SALT score of 20 or less at week 24, was met by": the
        # threshold the apposition names, reached by the count
        stated = Cue("OUTCOME", "response", k, comma, words.span_text(k, comma))
        return stated if reached_score(doc, stated, settings) else None
    return max(named, key=lambda c: c.end, default=None)


def _apposition_head(doc: Doc, clause_start: int, comma: int) -> tuple[int, int] | None:
    """'X, <apposition>, occurred in': the range of X when the comma at ``comma`` closes an
    apposition that opened after X (the clause's first comma), or None."""
    words = words_of(doc)
    if comma <= clause_start or words.text[comma] != ",":
        return None
    first = next((k for k in range(clause_start, comma) if words.text[k] == ","), None)
    if first is None or first == clause_start or first + 1 >= comma:
        return None
    if any(words.text[k] in {":", ";"} for k in range(clause_start, comma)):
        return None
    return clause_start, first


def verb_object(doc: Doc, verb: int, clause_end: int, settings: LinkSettings) -> Cue | None:
    """The event a verb at ``verb`` takes as its object ('had a stroke'), or None."""
    if doc[verb].lower_ in settings.state_verbs and verb + 1 < clause_end:
        free = _free_of(doc, verb + 1, clause_end)  # "... were seizure-free"
        if free is not None:
            return free
    return _object_outcome(doc, verb, clause_end, settings)


def _object_outcome(doc: Doc, end: int, clause_end: int, settings: LinkSettings) -> Cue | None:
    """'12 (10%) developed pneumonia', '15 of 200 patients had a stroke': the object."""
    words = words_of(doc)
    i = after_percent(doc, end, clause_end)
    if i >= clause_end:
        return None
    word = words.lower[i]
    quantified = _at_least_one(doc, i + 1, clause_end, settings)
    if word in settings.article_verbs:
        lead = i + 3 if i + 3 < clause_end and words.lower[i + 1] == "at" \
            and words.lower[i + 2] in settings.threshold_words else i + 1  # "had at least a"
        if not (lead < clause_end and words.lower[lead] in {"a", "an"}) and quantified == i + 1:
            if not _names_harm({words.lower[i + 1]}, set(), settings) \
                    and not _ends_in_event(doc, i + 1, clause_end, settings):  # ("4 had chills")
                # "41 had unmutated IGHV": a feature that defines a subgroup (but "6 had
                # ischemic stroke or systemic embolism", an event the text names as its end point)
                return _stated_object(doc, i + 1, clause_end, settings)
        else:
            i = max(lead, quantified - 1)
    elif word not in settings.object_verbs:
        return None
    else:
        i = quantified - 1  # "experienced at least one exacerbation"
    i += 1
    if i < clause_end and words.lower[i] in _OBJECT_PRONOUNS and i > 0 \
            and words.lower[i - 1] in settings.object_verbs:
        return _named_before(doc, i, settings)  # "Neuropathy was the main problem: 54 developed it"
    while i < clause_end and words.lower[i] in settings.determiners | {"any", "new"}:
        i += 1
    stop = i
    while stop < clause_end and not _ends_phrase(doc[stop], settings):
        stop += 1
    found = _phrase(doc, i, stop, settings)
    if found is None and stop > i and words.lower[stop - 1] in settings.generic_heads \
            and word in settings.object_verbs:
        # "51 reached the primary end point": the event the trial counts (no heading)
        found = _phrase(doc, i, stop, settings, framed=True)
    if found is not None and (_index_threshold(doc, found, settings)
                              or reached_score(doc, found, settings)):
        # "had at least a 75% improvement in their PASI score": a responder threshold
        return Cue("OUTCOME", "response", found.start, found.end, found.text)
    return found


def lab_excess(doc: Doc, found: Cue, settings: LinkSettings) -> bool:
    """Is the event a laboratory value above a threshold ('serum potassium level above 6.0
    mmol/L', 'ALT above 3 times the upper limit of normal')? Such a value is a harm; one
    below a threshold ('sUA below 6 mg/dL') may be the target, and stays an end point."""
    words = words_of(doc)
    lower = words.lower[found.start:found.end]
    if not any(w in settings.lab_units for w in lower) \
            and not any(lower[k:k + 2] == ["upper", "limit"] for k in range(len(lower) - 1)):
        return False
    return any(w in settings.excess_words and k + 1 < found.end and words.num[k + 1] is not None
               for k, w in enumerate(lower, found.start))


def reached_score(doc: Doc, found: Cue, settings: LinkSettings) -> bool:
    """Is the event a score at a threshold that the count reaches ('reached an Epworth score
    of 10 or less', 'a SALT score of 20 or less was reached by', 'achieved a symptom score
    below 5')? Those who reach it are the responders (corpora/README: a response whatever
    the disease); a score the patients merely had ('had an itch score of 2 or less') is not."""
    words = words_of(doc)
    score = next((k for k in range(found.start, found.end)
                  if words.lower[k] in settings.score_nouns), None)
    if score is None or score_threshold(doc, score + 1, found.end + 1, settings) is None:
        return False
    k = found.start - 1
    while k >= 0 and words.lower[k] in settings.determiners:
        k -= 1
    if k >= 0 and words.lower[k] in settings.reach_verbs:
        return True
    k = found.end + (found.end < len(doc) and words.text[found.end] == ",")  # (an apposition)
    while k < len(doc) and k - found.end < 4 and words.lower[k] in settings.frame_auxiliaries:
        k += 1  # "... had been reached by 13"
    return k > found.end and k < len(doc) and words.lower[k] in settings.reach_verbs


def score_threshold(doc: Doc, start: int, end: int, settings: LinkSettings) -> int | None:
    """The number of a threshold in the words from ``start`` ('of 20 or less', '<= 20', 'below
    5', 'of 0 or 1'), or None. Such a number bounds a score; it is no count."""
    words = words_of(doc)
    for k in range(start, min(end, start + _SCORE_WORDS, len(doc))):
        if words.num[k] is None:
            if words.is_punct[k] and words.text[k] not in _BOUND_SIGNS:
                return None
            continue
        before = words.lower[k - 1]
        if before in settings.threshold_words or before in _BOUND_SIGNS:
            return k  # "below 5", "≤ 20"
        if k + 2 < len(doc) and words.lower[k + 1] == "or" and (
                words.lower[k + 2] in settings.threshold_tails or words.num[k + 2] is not None):
            return k  # "of 20 or less", "of 0 or 1"
        return None
    return None


#: At most this many words between a score's noun and its threshold ('score of 20 or less').
_SCORE_WORDS = 4
_BOUND_SIGNS = frozenset({"≤", "<", "<=", "≥", ">", ">="})


def _group_phrase_end(doc: Doc, i: int, clause_end: int, settings: LinkSettings) -> int:
    """'8% of the X group had a stroke', '50 of those on the dummy pill had a fall': where
    the verb stands after a phrase naming the count's group (a preposition or participle,
    then words, no comma, no number, ending in a group noun, a drug or a treatment word),
    else ``i``."""
    words = words_of(doc)
    if i >= clause_end or words.lower[i] not in _GROUP_OPENERS \
            and words.lower[i] not in settings.treatment_words:
        return i
    j = i + 1
    while j < clause_end and j - i <= _GROUP_PHRASE_WORDS and words.is_alpha[j] \
            and words.lower[j] not in settings.article_verbs \
            and words.lower[j] not in settings.object_verbs:
        j += 1
    if j >= clause_end or j - i > _GROUP_PHRASE_WORDS or words.lower[j] not in \
            settings.article_verbs and words.lower[j] not in settings.object_verbs:
        return i
    if any(words.lower[k] in settings.arm_nouns or words.ent_type[k] in {"DRUG", "DRUG_CLASS"}
           or words.lower[k] in settings.treatment_words for k in range(i + 1, j)):
        return j
    return i


_GROUP_OPENERS = frozenset({"of", "in", "among"})
_GROUP_PHRASE_WORDS = 7


def _ends_in_event(doc: Doc, i: int, clause_end: int, settings: LinkSettings) -> bool:
    """Does the phrase at ``i`` end in a noun of events ('major adverse cardiovascular
    events', 'severe asthma attacks'): something that happened, not a feature?"""
    words = words_of(doc)
    stop = i
    while stop < clause_end and not _ends_phrase(doc[stop], settings):
        stop += 1
    return stop > i and words.lower[stop - 1] in settings.event_heads


#: Pronouns that stand for an event as a verb's object ('developed it').
_OBJECT_PRONOUNS = frozenset({"it", "them", "this"})


def _named_before(doc: Doc, k: int, settings: LinkSettings) -> Cue | None:
    """The outcome named last before ``k`` in its sentence (what a pronoun stands for; not
    one that picks a group: 'in those who had a partial response, it occurred in 20'), or
    None."""
    words = words_of(doc)
    sent_start = doc[k].sent.start
    named = longest_cues([c for c in cue_spans(words) if c.label == "OUTCOME"
                          and sent_start <= c.start and c.end <= k], "OUTCOME")
    named = [c for c in named if not picks_group(doc, c.start, settings)
             and not any(w in settings.relative_pronouns
                         for w in words.lower[max(sent_start, c.start - 3):c.start])]
    return named[-1] if named else None


def _previous_goal(doc: Doc, k: int, settings: LinkSettings) -> Cue | None:
    """'The main goal was going eight weeks without a transfusion. That happened for 84 of
    the 212': a pronoun that opens the sentence after one stating the trial's goal or end
    point stands for it. The outcome named first after the copula, else the words after it
    (after a colon when one follows: 'was simple: going ...'), 'other'; None when the
    sentence before states no goal."""
    if k == 0:
        return None
    words = words_of(doc)
    sent = doc[k - 1].sent
    verb = next((n for n in range(sent.start + 1, min(k, sent.start + _GOAL_WORDS))
                 if words.lower[n] in settings.auxiliaries), None)
    if verb is None or all(w not in settings.goal_words for w in words.lower[sent.start:verb]):
        return None  # ("The main aim of the study was": the goal before the copula)
    end = k
    while end > verb and (words.is_punct[end - 1] or words.is_space[end - 1]):
        end -= 1
    named = longest_cues([c for c in cue_spans(words) if c.label == "OUTCOME"
                          and verb < c.start and c.end <= end], "OUTCOME")
    named = [c for c in named if not picks_group(doc, c.start, settings)]
    if named:
        return named[0]
    start = next((n + 1 for n in range(verb + 1, min(end, verb + 4)) if words.text[n] == ":"),
                 verb + 1)
    return _phrase(doc, start, end, settings, subject=True, framed=True)


#: At most this many words from a sentence's start to the copula after its goal noun.
_GOAL_WORDS = 10


def _stated_object(doc: Doc, i: int, clause_end: int, settings: LinkSettings) -> Cue | None:
    """The object at ``i`` of 'had' without an article when the text names it where it states
    its end points ('the primary efficacy outcome of ischemic stroke or systemic embolism'),
    else None (a feature of the group)."""
    stop = i
    while stop < clause_end and not _ends_phrase(doc[stop], settings):
        stop += 1
    found = _phrase(doc, i, stop, settings)
    if found is None or found.end - found.start < 2:
        return None
    return found if f" {found.text.lower()} " in _endpoint_text(doc, settings) else None


def _endpoint_text(doc: Doc, settings: LinkSettings) -> str:
    """The sentences that state the trial's end points, in lower case (once per document)."""
    found = doc.user_data.get(_ENDPOINT_TEXT_KEY)
    if found is None:
        words = words_of(doc)
        sents = {}  # the sentences of the words that may name end points ('outcome', 'point')
        for k, word in enumerate(words.lower):
            if word in settings.generic_heads and (word in settings.endpoint_headings or k > 0
                                                   and words.lower[k - 1] in settings.endpoint_headings):
                sent = doc[k].sent
                sents[sent.start] = sent.end
        found = " " + " ".join(" ".join(words.lower[a:b]) for a, b in sents.items()) + " "
        doc.user_data[_ENDPOINT_TEXT_KEY] = found
    return found


_ENDPOINT_TEXT_KEY = "onco_endpoint_text"


def _at_least_one(doc: Doc, i: int, end: int, settings: LinkSettings) -> int:
    """Index after 'at least one' / 'one or more' at ``i`` (an event counted once per
    patient: 'had at least one exacerbation'), or ``i`` when there is none."""
    words = words_of(doc)
    j = i
    while j < end and (words.lower[j] == "at" or words.lower[j] in settings.threshold_words):
        j += 1
    if j < end and words.num[j] == 1 and (j > i or j + 2 < end and words.lower[j + 1] == "or"
                                                 and words.lower[j + 2] in {"more", "several"}):
        return j + 3 if j == i else j + 1
    return i


def _rated_heading(doc: Doc, sent_start: int, colon: int, cues: list[Cue],
                   settings: LinkSettings) -> Cue | None:
    """'Serious infections were rare:', 'Nausea was more common with X:': a heading that
    names an outcome and says how often it occurred, before the counts after its colon; the
    outcome, or None."""
    words = words_of(doc)
    named = next((c for c in longest_cues(cues, "OUTCOME") if c.end < colon
                  and sent_start <= c.start and words.lower[c.end] in settings.frame_auxiliaries),
                 None)
    if named is None or named.end + 1 >= colon:
        return None
    rest = words.lower[named.end + 1:colon]
    return named if all(w in settings.frequency_words for w in rest) else None


def _heading_modifier(verb: Cue, sent_start: int, cues: list[Cue]) -> bool:
    """'Sustained remission: ...', 'Maintained response: ...': an event verb that opens the
    heading right before an outcome modifies it; it makes no statement of the heading."""
    return verb.label == "EVENT_VERB" and verb.start == sent_start \
        and any(c.label == "OUTCOME" and c.start == verb.end for c in cues)


def rated_subject(doc: Doc, rating: Cue, clause_start: int, settings: LinkSettings) -> Cue | None:
    """'Return to heavy drinking was less frequent with X (18 of 60)': the subject of the
    copula before words that rate how often names the event; None when there is none."""
    words = words_of(doc)
    k = rating.start - 1
    if k <= clause_start or words.lower[k] not in settings.frame_auxiliaries:
        return None
    first = clause_start
    for j in range(clause_start, k):
        if words.text[j] in {",", ":", ";", "(", ")"}:
            first = j + 1
    return _phrase(doc, first, k, settings, subject=True, framed=True) if first < k else None


_CASE_NOUNS = frozenset({"case", "cases"})


def cases_of(doc: Doc, end: int, clause_end: int, cues: list[Cue],
             settings: LinkSettings) -> Cue | None:
    """'12 cases of shingles occurred in the vaccine group': cases of a disease that an event
    verb says arose count the people who had it, the disease named after 'of' (but '45 cases
    of melanoma were treated with X' are patients); None otherwise."""
    words = words_of(doc)
    if end + 1 >= clause_end or words.lower[end - 1] not in _CASE_NOUNS or words.lower[end] != "of":
        return None
    stop = end + 1
    while stop < clause_end and not _ends_phrase(doc[stop], settings) \
            and words.lower[stop] not in settings.frame_verbs \
            and words.lower[stop] not in settings.frame_auxiliaries:
        stop += 1
    verb = stop
    while verb < clause_end and words.lower[verb] in settings.frame_auxiliaries:
        verb += 1
    if stop == end + 1 or verb == clause_end or words.lower[verb] not in settings.frame_verbs:
        return None
    named = next((c for c in longest_cues(cues, "OUTCOME") if c.start == end + 1), None)
    return named or _phrase(doc, end + 1, stop, settings)


def heading_outcome(doc: Doc, sent_start: int, clause_start: int, cues: list[Cue],
                    settings: LinkSettings) -> Cue | None:
    """'Major bleeding: 2 (1.7%) vs 5 (4.2%)': what a heading before a colon names."""
    words = words_of(doc)
    colon = clause_start - 1
    if colon <= sent_start or words.text[colon] != ":" \
            or colon - sent_start > settings.max_heading_words:
        return None
    rated = _rated_heading(doc, sent_start, colon, cues, settings)
    if rated is not None:
        return rated  # "Objective responses were uncommon: 2 (4.4%) with X and none with Y"
    if any(c.label in {"EVENT_VERB", "STUDY_VERB", "STATUS"} and c.start < colon
           and not _heading_modifier(c, sent_start, cues) for c in cues) \
            or any(c.label == "PATIENT" and c.start < colon and words.num[c.start - 1]
                   is not None for c in cues) \
            or any(t.lower_ in settings.frame_auxiliaries for t in doc[sent_start:colon]):
        # "Survival did not differ among the groups: ...", "The safety population comprised
        # 455 patients: ...": a statement, no heading
        return None
    named = [c for c in longest_cues(cues, "OUTCOME") if sent_start <= c.start and c.end <= colon]
    if named:
        return named[0]
    if any(c.label == "PATIENT" and c.start == sent_start for c in cues):
        return None  # "Women in the study: 236, at 38 hospitals": the group, no event
    stop = sent_start
    while stop < colon and not _ends_phrase(doc[stop], settings, subject=True) \
            and words.text[stop] != "(":
        stop += 1
    return _phrase(doc, sent_start, stop, settings, subject=True)


def _threshold_end(doc: Doc, i: int, end: int, settings: LinkSettings) -> int:
    """Index after 'at least 50%' / 'at least 200 mL' at ``i`` inside a subject that goes on
    after it ('... of at least 50% in monthly migraine days was achieved by'), else ``i``."""
    words = words_of(doc)
    if not (i + 2 < end and words.lower[i] == "at" and words.lower[i + 1] in settings.threshold_words
            and words.num[i + 2] is not None):
        return i
    j = i + 2
    while j < end and words.num[j] is not None:
        j += 1
    unit = j < end and words.text[j] == "%" or j + 1 < end and words.is_alpha[j] and (
        words.lower[j] not in settings.phrase_stops
        and words.lower[j + 1] in settings.subject_complements)
    if unit:
        j += 1  # the unit: "50%", "4 points"
    if j == end and words.text[j - 1] == "%":
        return j  # "A reduction of at least 50% was achieved by": the threshold ends the subject
    return j if j < end and words.lower[j] in settings.subject_complements else i


def _ends_phrase(token: Token, settings: LinkSettings, *, subject: bool = False) -> bool:
    """Does the token end an outcome phrase? A subject keeps its complements ("reduction in
    migraine days", "hospitalisation for heart failure"); an object stops before them
    ("developed pneumonia | in the first month")."""
    word = token.lower_
    if word in settings.phrase_stops and not (subject and word in settings.subject_complements):
        return True
    return token.is_punct and token.text not in {"-", "/", "%"}


def _phrase(doc: Doc, start: int, end: int, settings: LinkSettings, *,
            subject: bool = False, framed: bool = False) -> Cue | None:
    """An outcome phrase: words, not too many, none that open no outcome."""
    doc_words = words_of(doc)
    while start < end and doc_words.lower[start] in settings.determiners | {"and", "but"}:
        start += 1
    start = _at_least_one(doc, start, end, settings)  # "At least one severe exacerbation"
    cut, bounds = start, 0
    while cut < end and not _ends_phrase(doc[cut], settings, subject=subject):
        cut += 1
        threshold = _threshold_end(doc, cut, end, settings) if subject else cut
        bounds += threshold - cut
        cut = threshold  # "A reduction of at least 50% in migraine days": the threshold
    while cut > start and doc_words.lower[cut - 1] in settings.determiners | {"of"}:
        cut -= 1  # "decline of [at least 10 points]"
    words = doc[start:cut]
    # The frame of an event ("X occurred in 27") says the subject is one: it may be longer
    # ("the primary efficacy outcome of ischemic stroke or systemic embolism").
    longest = settings.max_framed_words if framed else settings.max_outcome_words
    if not len(words) or len(words) - bounds > longest:
        return None
    # "A 50% reduction in migraine days was achieved by 44": a responder threshold leads.
    share = len(words) > 2 and words[0].like_num and words[1].text == "%"
    # "Treatment-emergent suicidal ideation", "EASI-75", "HbA1c below 7%"
    opener = words[0].text.replace("-", "")
    # "No evidence of disease activity was achieved by 140": the absence is the end point
    absence = framed and len(words) >= 3 and words[0].lower_ in settings.none_words
    if not (opener[:1].isalpha() and opener.isalnum() or share) \
            or words[0].lower_ in settings.not_outcomes and not absence:
        return None
    if words[-1].lower_ in settings.generic_heads and not framed:
        # "Primary end point: ...", "Secondary outcomes: ...": a heading, no event (but
        # "The primary outcome occurred in 36" names the event the trial counts).
        return None
    if len(words) == 1 and words[0].lower_ in settings.not_outcomes_alone:
        return None  # "Treatment: ..." (but "Treatment failure: ...")
    # (an ordinal opens an event: "a first worsening heart-failure event")
    if any(t.ent_type_ in {"DRUG", "DRUG_CLASS", "COUNTRY"} or (
            t.like_num and t.i == start and not share
            and (doc_words.num[t.i] is not None or t.is_digit))
           for t in words):
        return None
    return Cue("OUTCOME", "other", start, cut, words.text)



# A harm word that is the trial's own end point (corpora/README: an event outside the
# vocabulary is 'other' as an end point and 'adverse_event' as a harm). Pneumonia in an
# influenza trial's table of complications, a new infection in a malaria trial's efficacy
# table, a gout flare in a gout trial are what the trial counts, not harms of its drug;
# the same words among the adverse events are harms. The trial's end points are read from
# the article's own words: the heading of the section or table a count stands under, and
# the condition the article is about.


def endpoint_harms(doc: Doc, cues: list[Cue], sent_starts: list[int],
                   settings: LinkSettings) -> list[Cue]:
    """The cues with each harm word that names one of the trial's end points as 'other':
    under a heading of end points ('Efficacy', 'Table 2. Complications and secondary
    outcomes'), naming the condition the trial treats, or named where the text states its
    end points ('The primary outcome was pneumonia or death'); not said among harms."""
    harms = [c for c in cues if c.label == "OUTCOME" and c.id == "adverse_event"]
    if not harms:
        return cues
    words = words_of(doc)
    sections: dict[int, str | None] = {}
    candidates: list[tuple[Cue, bool, str | None]] = []
    stated: set[str] = set()  # harm words the text names as its end points
    read: dict[int, tuple[bool, bool]] = {}  # sentence -> (speaks of harms, names end points)
    for cue in harms:
        if any(w in settings.harm_classes for w in words.lower[cue.start:cue.end]):
            continue  # "serious adverse events", "infusion reactions": harms by name
        if any(_toxicity_grade(doc, k, settings)
               for k in range(max(0, cue.start - _GRADE_REACH), min(len(doc), cue.end + _GRADE_REACH))):
            continue  # "neurotoxicity of grade 3 or higher": graded as a toxicity, a harm
        n = bisect_right(sent_starts, cue.start) - 1
        if n not in read:
            first = sent_starts[n]
            sentence = words.lower[first:sent_starts[n + 1] if n + 1 < len(sent_starts) else len(doc)]
            read[n] = (any(w in settings.harm_classes or w in settings.safety_words
                           for w in sentence), _states_endpoints(sentence, settings))
        harmful, states = read[n]
        if harmful:
            continue  # "Pneumonia was the most common serious adverse event"
        section = _section(doc, sent_starts, n, sections, settings)
        if section != "safety" and states \
                or n == 0 and _heading_kind(doc, sent_starts + [len(doc)], 0, settings) is not None:
            stated.add(_singular(cue.text))  # ... or the title names ("X Cuts Fractures in ...")
        candidates.append((cue, names_main_condition(doc, cue.start, cue.end)
                           or _defined_end_point(doc, cue, settings), section))
    turned = {cue: Cue("OUTCOME", "other", cue.start, cue.end, cue.text)
              for cue, named, section in candidates
              if named or section == "endpoint"
              or section is None and _singular(cue.text) in stated}
    return [turned.get(c, c) for c in cues] if turned else cues


def _defined_end_point(doc: Doc, cue: Cue, settings: LinkSettings) -> bool:
    """Does an apposition right after the outcome words define them or call them an end
    point ('New neurological events, defined as ...', 'A second tumour, a prespecified
    secondary end point, was diagnosed in')? Then they are the trial's end point."""
    words = words_of(doc)
    k = cue.end
    if k + 1 >= len(doc) or words.text[k] not in {",", "("}:
        return False
    window = []
    for j in range(k + 1, min(len(doc), k + 1 + _APPOSITION_WORDS)):
        if words.text[j] in {",", ")"}:
            break
        window.append(words.lower[j])
    return bool(window) and (window[0] in settings.endpoint_definers
                             or any(w in settings.goal_words for w in window))


#: At most this many words in an apposition that calls an outcome an end point.
_APPOSITION_WORDS = 6


#: How far before or after a harm word its toxicity grade may stand ('grade 3 or 4 X', 'X of
#: grade 3 or higher').
_GRADE_REACH = 3


def _singular(text: str) -> str:
    """'Fractures' and 'fracture' name one end point."""
    return text.lower().rstrip("s")


def _states_endpoints(sentence: list[str], settings: LinkSettings) -> bool:
    """Do the words name end points ('the primary outcome', 'a secondary end point')?"""
    return any(w in settings.generic_heads and (w in settings.endpoint_headings or k > 0
                                                and sentence[k - 1] in settings.endpoint_headings)
               for k, w in enumerate(sentence))


def _section(doc: Doc, sent_starts: list[int], n: int, memo: dict[int, str | None],
             settings: LinkSettings) -> str | None:
    """'endpoint' or 'safety': what the nearest heading before sentence ``n`` reports
    (a short line without a full stop; table rows are passed over), or None. Each sentence
    is read once per document: the sentences passed on the way share the answer."""
    trail = []
    k = n
    while k > 0 and k not in memo:
        trail.append(k)
        kind = _heading_kind(doc, sent_starts, k - 1, settings)
        if kind is not None:
            found = kind or None
            break
        k -= 1
    else:
        found = memo.get(k)
    for t in trail:
        memo[t] = found
    return found


def _heading_kind(doc: Doc, sent_starts: list[int], k: int, settings: LinkSettings) -> str | None:
    """'endpoint', 'safety' or '' (another heading) when sentence ``k`` is a heading, else
    None (a sentence of the text, a table row or a blank line)."""
    words = words_of(doc)
    first, last = sent_starts[k], sent_starts[k + 1]
    while last > first and words.is_space[last - 1]:
        last -= 1
    if last == first or last - first > settings.max_heading_words \
            or words.text[last - 1] in {".", "!", "?", ":", ";"} or "|" in words.text[first:last]:
        return None
    heading = set(words.lower[first:last])
    if heading & (settings.safety_words | settings.harm_classes):
        return "safety"
    return "endpoint" if heading & settings.endpoint_headings else ""


def names_main_condition(doc: Doc, start: int, end: int) -> bool:
    """Do the words [start, end) name the condition the article is about?"""
    words = words_of(doc)
    if not any(words.ent_type[k] in _CONDITION_LABELS for k in range(start, end)):
        return False  # (no disease named: the article's condition need not be looked for)
    return not main_condition_tokens(doc).isdisjoint(range(start, end))


def main_condition_tokens(doc: Doc) -> frozenset[int]:
    """Where the condition the article is about is named: the disease or condition it names
    most, a mention that defines the population ('participants with gout', 'patients with
    uncomplicated malaria') weighing more, the first of a tie. A harm word there is the
    trial's own end point."""
    found = doc.user_data.get(_CONDITION_KEY)
    if found is None:  # once per document (a tuple: user_data is serialised with the doc)
        words = words_of(doc)
        ents = [(e.start, e.end, e.id_) for e in doc.ents
                if e.label_ in _CONDITION_LABELS and e.id_]
        counts: Counter[str] = Counter()
        for start, _, ent_id in ents:
            defines = "with" in words.lower[max(0, start - _POPULATION_REACH):start]
            counts[ent_id] += _POPULATION_WEIGHT if defines else 1
        top = counts.most_common(1)[0][0] if counts else None  # the first of a tie
        found = tuple(k for start, end, ent_id in ents if ent_id == top
                      for k in range(start, end))
        doc.user_data[_CONDITION_KEY] = found
    return frozenset(found)


#: A condition named up to this many words after "with" defines the population ("adults
#: with uncomplicated Plasmodium falciparum malaria"); such a mention counts this much more.
_POPULATION_REACH = 4
_POPULATION_WEIGHT = 3
_CONDITION_LABELS = frozenset({"DISEASE", "CONDITION"})
_CONDITION_KEY = "onco_main_condition"
