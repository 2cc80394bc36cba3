"""Clauses of a sentence and what each says besides its counts (drug, status, arm, setting)."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from ..numbers import is_group_size
from ..words import Words, words_of
from .outcomes import absent_or_named, absent_predicate, names_measure, verb_object
from .records import BRAND_MARKS, CHANGED_STATUSES, Clause, ClauseFacts, Cue, LinkSettings
from .spans import alone_compound, longest_cues


def split_clauses(doc: Doc, sent: Span, settings: LinkSettings,
                  anchors: set[int] | list[int]) -> list[Clause]:
    """The clauses of a sentence.

    Clauses break at ';' and ':', at a comma before a coordinator (", and", ", whereas"),
    and before a comparator that introduces a new count when the clause already has one
    ("in 21 patients ... and in 14", "11 of 106 ... versus 47 of 106"). A leading purpose
    or source phrase ("To evaluate ..., researchers ...") is ignored: it says what was
    studied, not what happened to whom. ``anchors``: where numbers start (sorted is faster).
    """
    clauses: list[Clause] = []
    start = sent.start
    # The anchors of this sentence, sorted: "is there one in [lo, hi)" is a bisection, not
    # a walk over every number of the document at every comma.
    ordered = anchors if isinstance(anchors, list) else sorted(anchors)
    here = ordered[bisect_left(ordered, sent.start):bisect_left(ordered, sent.end)]

    def anchored(lo: int, hi: int) -> bool:
        k = bisect_left(here, lo)
        return k < len(here) and here[k] < hi

    # Token i is read as words.text[i] / lower[i]: no Token objects (pipeline/nlp/words.py).
    words = words_of(doc)
    texts, lower = words.text, words.lower
    end = sent.end
    for opener in settings.ignored_openers:
        if tuple(lower[start: min(end, start + len(opener))]) == opener:
            comma = next((i for i in range(start, end) if texts[i] == ","), None)
            if comma is not None:
                clauses.append(Clause(start, comma + 1, ignored=True))
                start = comma + 1
            break
    elliptical = False
    reach = settings.comparator_reach
    skip_to = start
    for i in range(start, end):
        if i < skip_to:
            continue
        nxt = i + 1 if i + 1 < end else None
        text = texts[i]
        aside = _demographic_aside(words, i, end, settings) if text in _OPENING else None
        if aside is not None:
            # "Among 486 randomized participants (mean [SD] age, 34.8 [14.1] years; 251
            # [51.6%] female), 243 were assigned to X": baseline statistics set off in
            # brackets, no clauses of the sentence (corpora/README: no row).
            if i > start:
                clauses.append(Clause(start, i, elliptical=elliptical))
            clauses.append(Clause(i, aside, ignored=True))
            start = skip_to = aside
            elliptical = False
            continue
        if text in settings.clause_breaks and _names_group_size(words, i + 1, end):
            continue  # "Arm A (radiotherapy alone; n = 124)": the size of the arm just named
        if text == ";" and _bracket_closing_size(words, i + 1, end):
            continue  # "to X (the X group; 201 patients)": the size of the arm just named
        if text == ";" and _interval_after(words, i + 1, end, settings):
            continue  # "398 of 412 (96.6%; 95% CI, 94.4 to 98.1) had": a statistic, no clause
        comma_break = (text == "," and nxt is not None
                       and not _names_group_size(words, i + 1, end)
                       # "Response, defined as a fall of 50% or more, occurred in 66": the
                       # comma closes an apposition, the subject's verb follows.
                       and lower[nxt] not in settings.frame_verbs
                       and lower[nxt] not in settings.frame_auxiliaries
                       and lower[nxt] not in settings.definition_words  # ", defined as one ..."
                       and not _dose_of(doc, i, settings)  # "ceftriaxone, 2 g daily (n = 316)"
                       and (lower[nxt] in settings.clause_breaks_after_comma
                            or (anchored(start, i)
                                and anchored(i + 1, i + reach + 1))))
        if comma_break and _within_treatment(doc, i, sent.start, end, settings):
            comma_break = False  # "X, 20 mg, Y, 1 g, and Z for 10 days": one treatment's list
        if text in settings.clause_breaks or comma_break:
            if i > start:
                clauses.append(Clause(start, i + 1, elliptical=elliptical))
            opener = _time_opener(lower, start, i, sent.start, settings)
            start = i + 1
            elliptical = comma_break and nxt is not None and not opener and (
                lower[nxt] in settings.comparators or anchored(nxt, nxt + reach + 1)) \
                and lower[nxt] not in settings.remainder_words  # ", leaving 404 in ...": a group
        elif (lower[i] in settings.comparators and i > start
              and words.ent_iob[i] != "I"  # "lenalidomide and dexamethasone (n=369)": one name
              and anchored(start, i)
              and anchored(i + 1, i + reach + 1)
              and not _within_treatment(doc, i, sent.start, end, settings)):
            clauses.append(Clause(start, i, elliptical=elliptical))
            start = i
            elliptical = True
    if start < sent.end:
        clauses.append(Clause(start, sent.end, elliptical=elliptical))
    return clauses


#: How far a comma may stand from the drugs of a treatment it lists.
_LIST_REACH = 8


def _within_treatment(doc: Doc, i: int, lo: int, hi: int, settings: LinkSettings) -> bool:
    """Does the comma or joining word at ``i`` stand in the doses set off by commas between
    two drugs of one treatment ('esomeprazole, 20 mg, amoxicillin, 1 g, and levofloxacin')?"""
    ent_type = words_of(doc).ent_type
    before = next((k for k in range(i - 1, max(lo, i - _LIST_REACH) - 1, -1)
                   if ent_type[k] == "DRUG"), None)
    after = next((k for k in range(i + 1, min(hi, i + _LIST_REACH)) if ent_type[k] == "DRUG"), None)
    return before is not None and after is not None \
        and _joined_past_dose_apposition(words_of(doc), before + 1, after, settings)


def _interval_after(words: Words, i: int, end: int, settings: LinkSettings) -> bool:
    """Do the words at ``i`` state an interval or a test ('95% CI, 94.4 to 98.1', 'P =
    0.02', 'range 3-12') that ends in the bracket it opened in?"""
    k = i
    while k < end and k - i < 3 and (words.num[k] is not None or words.text[k] == "%"):
        k += 1  # "95%"
    if k >= end or words.lower[k] not in settings.interval_words:
        return False
    close = next((j for j in range(k, min(end, k + _INTERVAL_WORDS))
                  if words.text[j] in {")", "]", "(", "[", ";"}), None)
    return close is not None and words.text[close] in {")", "]"}


#: At most this many words from an interval's name to the bracket that closes it.
_INTERVAL_WORDS = 12


def _time_opener(lower: list[str], start: int, comma: int, sent_start: int,
                 settings: LinkSettings) -> bool:
    """'At week 52, 12 of 89 ...', 'After 6 months, 40 ...': the sentence opens with a time
    phrase whose number is no count; the clause after its comma is the statement itself,
    not the next item of a list."""
    return start == sent_start and 1 < comma - start <= _OPENER_WORDS \
        and lower[start] in settings.adverbial_openers


_OPENER_WORDS = 5  # "At week 52", "By the end of month 6": longer is a clause of its own


_OPENING = frozenset({"(", "["})


def _demographic_aside(words: Words, i: int, end: int, settings: LinkSettings) -> int | None:
    """End of a bracketed list of baseline statistics opening at ``i`` ('(mean [SD] age, 61.2
    [11.8] years; 1166 [55.0%] women)'), with the comma after it, or None."""
    if i + 1 >= end or words.lower[i + 1] not in settings.demographic_openers:
        return None
    depth = 0
    for k in range(i, end):
        if words.text[k] in _OPENING:
            depth += 1
        elif words.text[k] in {")", "]"}:
            depth -= 1
            if depth == 0:
                return k + 2 if k + 1 < end and words.text[k + 1] == "," else k + 1
    return None


def _dose_of(doc: Doc, comma: int, settings: LinkSettings) -> bool:
    """Does the comma set a drug's dose after it ('intravenous ceftriaxone, 2 g once daily')?"""
    words = words_of(doc)
    return comma > 0 and comma + 2 < len(doc) and words.ent_type[comma - 1] == "DRUG" \
        and words.like_num[comma + 1] and words.lower[comma + 2] in settings.dose_words


def _bracket_closing_size(words: Words, k: int, end: int) -> bool:
    """'(the X group; 201 patients)', '(placebo group; 202 participants)': the count at
    ``k`` and a noun or two after it close the bracket, so it is the size of the group named
    before it in the bracket."""
    if k >= end or words.num[k] is None or not words.like_num[k]:
        return False
    close = next((j for j in range(k + 1, min(end, k + 4)) if words.text[j] in {")", "]"}), None)
    return close is not None and close > k + 1 and all(words.is_alpha[j] for j in range(k + 1, close))


def _names_group_size(words: Words, k: int, end: int) -> bool:
    """'cisplatin, n = 151': the comma introduces the size of the group before it (token
    ``k``, before ``end``, the sentence's end)."""
    if k >= end:
        return False
    if is_group_size(words.text[k]):
        return True
    return words.lower[k] == "n" and k + 1 < end and words.text[k + 1] == "="


def _joined(doc: Doc, start: int, end: int, settings: LinkSettings) -> bool:
    """Do the words between two drugs (tokens [start, end)) join them into one treatment
    ("plus", "and", ", ")?

    Doses and schedules may stand between them ("doxorubicin 60 mg/m2 plus trabectedin",
    "nivolumab at 1 mg/kg every 3 weeks with ipilimumab"): then one of ``dose_joiners`` must
    be there too, and no comma, which separates arms ("X 10 mg, Y 20 mg or placebo") or adds
    what is no part of the treatment ("X 15 mg/kg per day, with Y permitted for leukocytosis").
    """
    connectors = settings.drug_connectors
    words = words_of(doc)
    lower, texts = words.lower, words.text
    if end - start <= 3 and all(lower[k] in connectors or texts[k] in BRAND_MARKS
                                for k in range(start, end)):
        return True
    if _joined_by_route(words, start, end, settings) or _joined_by_name(words, start, end, settings) \
            or _joined_past_given_aside(words, start, end, settings) \
            or _joined_past_dose_apposition(words, start, end, settings):
        return True
    if end - start <= 24 and texts[end - 1] not in {")", "]"} \
            and any(texts[k] in {"(", "["} for k in range(start, end)):
        return _joined_past_dose_aside(words, start, end, settings)
    if not 3 <= end - start <= 12:
        return False
    doses, joined = 0, False
    for k in range(start, end):  # stops at the first word that neither joins nor doses
        word = lower[k]
        if words.like_num[k] or word in settings.dose_words:
            doses += 1
        elif word != "," and (word in connectors or texts[k] in BRAND_MARKS):
            joined = joined or word in settings.dose_joiners
        else:
            return False
    return doses > 0 and joined and end - start - doses <= 3


def _joined_by_route(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """'tezepelumab with inhaled steroids', 'X plus oral Y': a joining word, then the route
    or form of the second drug, joins them as a combination does without it."""
    k = end
    while k > start and words.lower[k - 1] in settings.treatment_modifiers:
        k -= 1
    return start < k < end <= start + 4 and any(words.lower[j] in settings.dose_joiners
                                               for j in range(start, k)) \
        and all(words.lower[j] in settings.drug_connectors for j in range(start, k))


#: How many words may say what kind of agent is added before it is named.
_KIND_WORDS = 4


def _joined_by_name(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """'TIP plus an immunotherapy drug called Tevimra', 'nivolumab with a new antibody named
    X': a joining word, a few lower-case words saying what kind of agent follows, and a naming
    word right before the second drug join them as a combination does; so do a determiner and
    a few words ending in the kind of agent ('trastuzumab and the targeted pill tucatinib',
    'X plus the oral BTK inhibitor Y')."""
    if not (3 <= end - start <= _KIND_WORDS + 2 and words.lower[start] in settings.dose_joiners):
        return False
    if words.lower[end - 1] in settings.naming_words:
        return all(words.text[k].isalpha() and words.text[k].islower() for k in range(start + 1, end - 1))
    return words.lower[end - 1] in settings.agent_kind_nouns \
        and words.lower[start + 1] in settings.determiners \
        and all(_kind_word(words.text[k]) for k in range(start + 2, end - 1))


def _kind_word(text: str) -> bool:
    """A word of an agent's kind: lower case ('targeted', 'oral') or a target's name
    ('HER2', 'BTK', 'PD-1')."""
    return (text.isalpha() and text.islower()) or (
        any(c.isupper() for c in text) and all(c.isalnum() or c in "-/" for c in text))


#: How many words an aside on how a drug is given may hold after its participle.
_ASIDE_WORDS = 9


def _joined_past_given_aside(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """'corvelimab, given as a drip every three weeks, together with lenvatinib tablets': a
    comma, a participle of giving and a few words of how (lower case or numbers), a comma,
    then only joining words (one of them a dose joiner) before the second drug join the
    two as one treatment. An alternative word anywhere keeps them apart ('X, given daily, or Y')."""
    lower = words.lower
    if not (end - start <= _ASIDE_WORDS + 5 and lower[start] == ","
            and start + 1 < end and lower[start + 1] in settings.aside_participles):
        return False
    close = next((k for k in range(start + 2, end) if lower[k] == ","), None)
    if close is None or close - start - 2 > _ASIDE_WORDS or not all(
            (words.text[k].isalpha() and words.text[k].islower() or words.like_num[k])
            and lower[k] not in settings.alternative_words for k in range(start + 2, close)):
        return False
    tail = range(close + 1, end)
    return any(lower[k] in settings.dose_joiners for k in tail) and all(
        lower[k] in settings.drug_connectors or lower[k] in settings.treatment_modifiers
        or lower[k] in settings.determiners for k in tail)


def _joined_past_dose_apposition(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """'vonoprazan, 20 mg twice daily, plus amoxicillin', 'esomeprazole, 20 mg, bismuth
    potassium citrate, 220 mg, tetracycline': a dose set off by commas after the first drug,
    then a comma or a joining word, lists the next drug of the same treatment as the
    commas of 'docetaxel, carboplatin and trastuzumab' do. Only numbers, dose words, commas
    and joining words stand between them; an alternative word keeps them apart
    ('X, 10 mg, or Y, 20 mg')."""
    if not (4 <= end - start <= 12 and words.lower[start] == ","
            and (words.like_num[start + 1] or words.lower[start + 1] in settings.dose_units)):
        return False
    commas = doses = 0
    for k in range(start, end):
        word = words.lower[k]
        if word == ",":
            commas += 1
        elif words.like_num[k] or word in settings.dose_words:
            doses += 1
        elif word not in settings.dose_joiners:
            return False
    return commas >= 2 and doses > 0


def _joined_past_dose_aside(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """'zolbetuximab at the approved schedule (800 mg/m2 loading dose, then 600 mg/m2 every
    three weeks) with mFOLFOX6': a bracketed dose and schedule between two drugs, with only a
    joining word and words of dosing outside it, joins them. A bracket that holds anything
    else ("(n = 151)", a brand, a code) keeps them apart."""
    lower = words.lower
    depth, dosed, joined, other = 0, False, False, 0
    for k in range(start, end):
        word = lower[k]
        if word in {"(", "["}:
            depth += 1
        elif word in {")", "]"}:
            depth -= 1
            if depth < 0:
                return False
        elif depth:
            if not (words.like_num[k] or word in settings.dose_words or word == "," or word == "then"
                    or word in settings.arm_schedule_words or word in settings.determiners):
                return False
            dosed = dosed or word in settings.dose_units
        elif word in settings.dose_joiners:
            joined = True
        elif not (words.like_num[k] or word in settings.dose_words
                  or word in settings.arm_schedule_words or word in settings.determiners):
            other += 1
    return depth == 0 and dosed and joined and other <= 1


def drug_groups(doc: Doc, drug_ents: list[Span], settings: LinkSettings) -> list[tuple[str, str, int, int]]:
    """(normalised drug, mention, start, end) with combinations joined.

    Drugs separated only by connectors ("docetaxel, carboplatin and trastuzumab",
    "nivolumab plus ipilimumab", "TCH plus pertuzumab") are one combined treatment, written
    as the sorted generic names joined with " + ".
    """
    words = words_of(doc)  # span texts sliced from the doc's text, not joined from tokens
    groups: list[list[Span]] = []
    for ent in drug_ents:
        if groups and not _compared_with(doc, groups[-1], ent, settings) \
                and (_joined(doc, groups[-1][-1].end, ent.start, settings) or (
                _dummy(doc, ent, settings) and ent.start - groups[-1][-1].end <= 3 and all(
                    w in settings.dummy_forms or w in settings.dose_joiners
                    for w in words.lower[groups[-1][-1].end:ent.start]))):
            # ("anakinra injection plus placebo tablets": a drug and its dummy)
            groups[-1].append(ent)
        else:
            groups.append([ent])
    groups = [part for group in groups for part in _listed_options(doc, group, settings)]
    groups = [part for group in groups for part in _plural_arms(doc, group, settings)]
    found = []
    for group in groups:
        if len(group) > 1:
            # "colchicine plus placebo injection": the dummy of a double-dummy design
            group = [e for e in group if not _dummy(doc, e, settings)] or group
        names = sorted({part for e in group
                        for part in (e.id_ or words.span_text(e.start, e.end).lower()).split(" + ")})
        if any("/" in n for n in names):
            names = _named_apart(names, words.span_text(group[0].start, group[-1].end))
        controls = [n for n in names if n in settings.control_drugs]
        if controls:  # "placebo plus letrozole": the control arm of the comparison
            names = controls[:1]
        # The words used, up to the last drug not given in parentheses ("Gleevec®
        # (imatinib mesylate)" -> "Gleevec"); a trailing ® or ™ is left out.
        outside = [e for e in group if e.start == 0 or words.text[e.start - 1] != "("]
        mention = words.span_text(group[0].start, (outside or group)[-1].end)
        found.append((" + ".join(names), mention, group[0].start, group[-1].end))
    return found


def _compared_with(doc: Doc, group: list[Span], ent: Span, settings: LinkSettings) -> bool:
    """'a trial comparing X with Y', 'compared X with Y', 'comparing X and the related drug Y',
    'compared X plus Y with Z': the 'with' of a comparison sets the drugs against each other;
    it joins no combination."""
    words = words_of(doc)
    first = group[0].start
    # ("compared X plus Y with Z": the 'with' after a combination sets it against Z too)
    setting = {"with", "to", "and"} if len(group) == 1 else {"with", "to"}
    return first > 0 and words.lower[first - 1] in settings.comparison_verbs \
        and ent.start > group[-1].end and words.lower[group[-1].end] in setting


def _named_apart(names: list[str], mention: str) -> list[str]:
    """'nivolumab plus relatlimab (Opdualag)', 'decitabine-cedazuridine': a fixed-dose
    combination whose agents the text names each as a word of its own is those agents
    ('nivolumab + relatlimab'); written as one name ('trifluridine/tipiracil', 'FTD/TPI') it
    stays one."""
    said = set(re.split(r"[\s\-(),;]+", mention.lower()))
    found: set[str] = set()
    for name in names:
        parts = name.split("/")
        found |= set(parts) if len(parts) > 1 and all(p in said for p in parts) else {name}
    return sorted(found)


def _dummy(doc: Doc, ent: Span, settings: LinkSettings) -> bool:
    """Is the entity a placebo given in a form ("placebo tablets") to keep a double-dummy
    comparison blind?"""
    words = words_of(doc)
    return ent.end < len(doc) and words.lower[ent.end] in settings.dummy_forms \
        and (ent.id_ or words.span_text(ent.start, ent.end).lower()) in settings.control_drugs


def _listed_options(doc: Doc, group: list[Span], settings: LinkSettings) -> list[list[Span]]:
    """'to paroxetine, sertraline or placebo': drugs a comma lists before an alternative
    word are options, each its own treatment, not one combination ('docetaxel,
    carboplatin and trastuzumab' is one)."""
    words = words_of(doc)
    text, lower = words.text, words.lower
    commas = [k for k in range(1, len(group)) if _comma_apart(words, group[k - 1].end, group[k].start,
                                                               settings)]
    end = _past_dose_apposition(words, group[-1].end, settings)
    if end + 1 < len(doc) and text[end] == "," and lower[end + 1] in settings.alternative_words:
        end += 1  # "X, Y, or Z": a comma before the alternative word
    if not commas or end >= len(doc) or lower[end] not in settings.alternative_words:
        return [group]
    parts, start = [], 0
    for k in commas:
        parts.append(group[start:k])
        start = k
    parts.append(group[start:])
    return parts


def _comma_apart(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """Are two listed drugs apart by a comma alone ('X, Y'), or by a dose set off by commas
    with no joining word but 'and' ('X, 15 mg, Y')?"""
    if end - start == 1:
        return words.text[start] == ","
    return words.text[start] == "," and not any(
        words.lower[k] in settings.dose_joiners and words.lower[k] != "and" for k in range(start, end))


def _past_dose_apposition(words: Words, i: int, settings: LinkSettings) -> int:
    """The token after a dose set off by commas at ``i`` (', 30 mg,' of 'Y, 30 mg, or
    placebo'), up to its closing comma; ``i`` when there is none."""
    if i + 2 >= len(words.lower) or words.text[i] != "," or not words.like_num[i + 1]:
        return i
    k = i + 1
    while k < len(words.lower) and (words.like_num[k] or words.lower[k] in settings.dose_words):
        k += 1
    return k if k < len(words.lower) and words.text[k] == "," else i


def _plural_arms(doc: Doc, group: list[Span], settings: LinkSettings) -> list[list[Span]]:
    """'in the lacosamide and carbamazepine groups': drugs listed by 'and' or a comma before
    a plural arm noun name one arm each, not one combination ('the X plus Y groups' stays
    one treatment)."""
    end = group[-1].end
    if len(group) < 2 or end >= len(doc):
        return [group]
    words = words_of(doc)
    noun = words.lower[end]
    if noun not in settings.arm_nouns or not noun.endswith("s") or any(
            w not in _LIST_JOINERS for k in range(1, len(group))
            for w in words.lower[group[k - 1].end:group[k].start]):
        return [group]
    return [[e] for e in group]


_LIST_JOINERS = frozenset({",", "and", "or"})


def clause_facts(doc: Doc, clause: Clause, cues: list[Cue], drug_ents: list[Span],
                 settings: LinkSettings) -> ClauseFacts:
    """Drug, status, procedure, arm label and setting stated in one clause."""
    start, end = clause.start, clause.end
    mine = [c for c in cues if c.start >= start and c.end <= end]
    mine = [c for c in mine if not _absence_of_state(doc, c, mine, settings)]
    facts = ClauseFacts(start=start, end=end, cues=mine, elliptical=clause.elliptical)
    drugs = [e for e in drug_ents if e.start >= start and e.end <= end]
    groups = drug_groups(doc, drugs, settings)
    if groups:
        active = [g for g in groups if g[0] not in settings.control_drugs]
        again = [g for g in active if _part_named_again(doc, g, active, settings)]
        if again:
            active = [g for g in active if g not in again]
            facts.named_again = True
        if len({g[0] for g in active}) > 1 or (
                active and any(g[0] in settings.control_drugs for g in groups)):
            facts.comparison = True  # "randomized to X or Y": the group as a whole had neither
        elif active and _class_alternative(doc, start, end, active[0], settings, {
                c.start for c in mine if c.label == "STATUS" and c.id == "not_received"}):
            facts.comparison = True  # "randomized to X or investigator's choice of chemotherapy"
        elif active:
            facts.drug, facts.drug_mention = active[0][0], active[0][1]
        else:
            facts.control, facts.drug_mention = True, groups[0][1]
            facts.background = background_drugs(drugs, groups[0], settings)
            facts.every_control = names_every_control(groups[0][1], settings)
    # "stopped the drug because of side effects" counts a harm of the group, not a stop.
    statuses = {c.id for c in longest_cues(mine, "STATUS") if not _within_outcome(c, mine)
                and not _of_prior_treatment(doc, c, end, settings)}
    for status in settings.status_priority:
        if status in statuses:
            facts.drug_status = status
            break
    words = words_of(doc)
    lower = words.lower  # lower[i] is doc[i].lower_ (no Token objects)
    clause_text = words.span_text(start, end).lower()
    alone = None  # the index of the word "alone"
    if any(word in clause_text for word in settings.alone_words) or "-" in clause_text and any(
            f"-{word}" in clause_text for word in settings.sole_words):
        alone = next((i for i in range(start, end)
                      if lower[i] in settings.alone_words or alone_compound(lower[i], settings)),
                     None)
    if alone is not None and facts.drug and len(groups) == 1 and groups[0][3] == alone \
            and groups[0][0] == facts.drug:
        pass  # "received nivolumab alone": that drug without the others, as monotherapy
    elif alone is not None and facts.drug:
        # "radiotherapy alone or radiotherapy plus temozolomide": a comparison, no one drug
        facts.drug = facts.drug_mention = facts.drug_status = None
    elif alone is not None and not facts.control and not facts.comparison:
        # "radiotherapy alone", "the chemotherapy-alone group": the comparison's control arm.
        facts.control = facts.alone = True
        before = alone - 1 if alone > start and lower[alone] in settings.alone_words else None
        facts.drug_mention = f"{words.text[before]} {words.text[alone]}" if before is not None \
            else words.text[alone]
    if (len(groups) > 1 or facts.comparison) and not facts.drug and not facts.control:
        facts.drug_status = None
    elif facts.control and not facts.drug:
        facts.drug_status = "not_received"
    elif facts.drug_status == "not_received" and facts.drug and not facts.control:
        facts.control = True  # "without X", "observation alone"
    elif facts.drug_status == "not_received" and not facts.control:
        # "89 were assigned to observation": a control arm named by what it got instead.
        facts.control = True
        facts.drug_mention = next((c.text.rstrip(".;, ") for c in longest_cues(mine, "STATUS")
                                   if c.id == "not_received"), None)  # ("40 did not.")
    if facts.drug and not facts.drug_status:
        facts.drug_status = "received"
    facts.experimental = not facts.drug and not facts.control and any(
        c.label == "EXPERIMENTAL_ARM" for c in mine)
    facts.procedure = next((c.id for c in mine if c.label == "PROCEDURE"), None)
    arm = next((c for c in mine if c.label == "ARM"), None)
    if arm:
        facts.arm_label = arm.text  # as written: "Group 1", "cohort A"
    facts.setting = next((c.id for c in mine if c.label == "SETTING"), None)
    facts.is_study = bool(drugs) or any(
        c.label in {"STUDY_VERB", "PROCEDURE", "ARM", "OUTCOME", "STATUS"} for c in mine) \
        or lower[start] in settings.remainder_words  # "..., leaving 110 for analysis"
    facts.is_incidence = any(c.label == "INCIDENCE" and c.id != "baseline" for c in mine)
    # "..., with a median age of 61 years": a baseline statistic silences what follows it,
    # not the count the clause opened with ("Sixty-two adults were treated, with ...").
    facts.baseline_at = min((c.start for c in mine if c.label == "INCIDENCE"
                             and c.id == "baseline"), default=None)
    longest = max((len(o) for o in settings.anaphora_openers), default=0)
    opening = tuple(lower[start:min(end, start + longest)])
    facts.anaphora = any(opening[: len(o)] == o for o in settings.anaphora_openers)
    return facts


def _absence_of_state(doc: Doc, cue: Cue, cues: list[Cue], settings: LinkSettings) -> bool:
    """'the nine patients without measurable disease', 'all of them without progression': a
    'without' before no treatment (a drug, a class, a procedure, a pronoun or a word of
    treatment) says what the patients did not have, not what they were not given."""
    words = words_of(doc)
    if cue.label != "STATUS" or cue.id != "not_received" or cue.end - cue.start != 1 \
            or words.lower[cue.start] not in settings.without_words:
        return False
    k = cue.end
    while k < len(words.lower) and words.lower[k] in settings.determiners:
        k += 1
    if k >= len(words.lower) or words.is_punct[k] or not words.text[k].strip() \
            or doc[k].is_sent_start:
        return False  # ("35% without": without it)
    return not (words.ent_type[k] in {"DRUG", "DRUG_CLASS"} or words.lower[k] in settings.pronouns
                or words.lower[k] in settings.treatment_kinds
                or any(c.label == "PROCEDURE" and c.start == k for c in cues))


def names_every_control(mention: str, settings: LinkSettings) -> bool:
    """'double placebo', 'two matching placebos': the placebo of every drug tested."""
    return not settings.every_control_words.isdisjoint(mention.lower().split())


def _of_prior_treatment(doc: Doc, cue: Cue, end: int, settings: LinkSettings) -> bool:
    """'61 had not received any previous treatment', 'the previously untreated group': a
    status of the treatment before the study, not of the study's drug; so is the second of
    two coordinated states the prior word opens ('previously treated or untreated')."""
    k = cue.start
    lower = words_of(doc).lower
    return cue.id == "not_received" and (
        (k > 0 and lower[k - 1] in settings.prior_words)
        or (k > 2 and lower[k - 1] in settings.list_separators
            and lower[k - 3] in settings.prior_words)
        or any(w in settings.prior_words for w in lower[cue.end:min(cue.end + 3, end)]))


def _part_named_again(doc: Doc, group: tuple[str, str, int, int],
                      groups: list[tuple[str, str, int, int]], settings: LinkSettings) -> bool:
    """'ibrutinib plus venetoclax for 12 cycles after a three-cycle ibrutinib lead-in': a
    later mention of part of a treatment named before, with no alternative between them."""
    parts = set(group[0].split(" + "))
    for other in groups:
        if other[3] <= group[2] and parts < set(other[0].split(" + ")) and not any(
                w in settings.alternative_words or w in settings.comparators
                for w in words_of(doc).lower[other[3]:group[2]]):
            return True
    return False


def _class_alternative(doc: Doc, start: int, end: int, group: tuple[str, str, int, int],
                       settings: LinkSettings, not_received: set[int]) -> bool:
    """Is a class of treatment ("X or chemotherapy") or no treatment ("X or observation")
    offered as the alternative to a drug?"""
    between = False
    words = words_of(doc)
    for i in range(group[3], end):
        if words.lower[i] in settings.alternative_words:
            between = True
        elif between and words.ent_type[i] == "DRUG_CLASS" \
                and words.ent_id[i] not in settings.control_drugs:
            return True
        elif between and i in not_received:
            return True  # "to one year of X or to observation"
    return False


def background_drugs(drugs: list[Span], group: tuple[str, str, int, int],
                settings: LinkSettings) -> frozenset[str]:
    """Drugs a control arm received with its placebo ("placebo plus letrozole")."""
    return frozenset(part for e in drugs if group[2] <= e.start < group[3]
                     for part in (e.id_ or e.text.lower()).split(" + ")
                     if part not in settings.control_drugs)


def share_predicates(facts: list[ClauseFacts], settings: LinkSettings, doc: Doc,
                     anchors: list[int]) -> None:
    """'Five patients (4.0%) in the LENVIMA arm and one patient (1.6%) in the placebo arm
    died': a clause with no verb of its own shares the outcome of the comparison after it
    ('11 of 52 treated with A and 9 of 44 treated with B responded': a participle that
    says what a group received is no verb of the clause)."""
    verbs = {"OUTCOME", "EVENT_VERB", "STUDY_VERB", "STATUS"}
    participles = settings.treatment_words
    # From the end, so that "9 in group 1, 7 in group 2, and 8 in group 3 died" reaches back.
    for here, after in reversed(list(zip(facts, facts[1:], strict=False))):
        if not after.elliptical or _opens_subset(doc, after, settings) \
                or _closes_list(doc, here, settings):
            continue
        own = [c for c in here.cues
               if c.label in verbs and c.text.lower().split()[0] not in participles
               and not _assigned_participle(doc, c, settings)
               and c.text.lower() not in settings.people_outcomes
               and not _relative(doc, c.start, here.start, settings)]
        if own:
            # "Among patients who had not received X, 29 of 51 ... and 21 of 26 ... had
            # died": a verb in a phrase set off before the clause's count picks the group.
            k = bisect_left(anchors, here.start)
            first = anchors[k] if k < len(anchors) and anchors[k] < here.end else here.end
            text = words_of(doc).text
            comma = max((j for j in range(here.start, first) if text[j] == ","), default=here.start)
            own = [c for c in own if c.start >= comma]
        outcomes = [c for c in longest_cues(after.cues, "OUTCOME")
                    if not names_measure(doc, c, settings)]  # "achieved headache freedom"
        if not own \
                and not any(c.label == "STATUS" and c.id in CHANGED_STATUSES
                            and not _within_outcome(c, after.cues)
                            and not _relative(doc, c.start, after.start, settings)
                            and (not outcomes or c.start < outcomes[0].start)
                            for c in after.cues):  # "... stopped treatment because of X"
            shared = absent_or_named(doc, outcomes[0], after.end, settings) if outcomes \
                else after.shared_outcome
            if shared is None:
                # "1,270 in the A group and 1,521 in the B group had a major cardiovascular
                # event": the object of the shared verb, in words no cue lists.
                verb = next((c for c in after.cues if c.label == "EVENT_VERB"), None)
                shared = None if verb is None else verb_object(doc, verb.start, after.end, settings)
                shared = shared or absent_predicate(doc, after.start, after.end, settings)
                after.shared_outcome = after.shared_outcome or shared
            if shared is not None:
                here.shared_outcome = shared
                here.is_study = True  # it states an event, as its comparison does


def _closes_list(doc: Doc, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """'completed by 150, 147 and 152 participants in the A, B and C groups, respectively,
    and adverse events led to ...': a clause that ends a list with ', respectively,' has had
    its verb; the clause after it states something new."""
    words = words_of(doc)
    return facts.end - facts.start >= 2 and words.text[facts.end - 1] == "," \
        and words.lower[facts.end - 2] in settings.respectively_words


def _opens_subset(doc: Doc, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """'105 in the X group and 150 in the Y group, including 20 and 41 who stopped because of
    adverse events': a clause that picks a part of the counts before it states what that
    part had, not what the counts before it had."""
    words = words_of(doc)
    k = facts.start + (words.lower[facts.start] in settings.list_separators)
    return k < facts.end and words.lower[k] in settings.subset_openers


def _assigned_participle(doc: Doc, cue: Cue, settings: LinkSettings) -> bool:
    """'30 patients assigned to X and 21 assigned to Y had died': a participle that says
    which arm a group was assigned to is no verb of its clause (but '30 were assigned to X')."""
    words = words_of(doc)
    return words.lower[cue.end - 1] in settings.assignment_participles \
        and cue.end < len(doc) and words.lower[cue.end] == "to" \
        and cue.start > 0 and words.lower[cue.start - 1] not in settings.frame_auxiliaries


def share_statuses(facts: list[ClauseFacts], doc: Doc, settings: LinkSettings) -> None:
    """'Twelve patients in the X group and 17 in the placebo group withdrew consent', '11 in
    the X group and 9 in the Y group did not receive the assigned treatment': a clause with
    no verb of its own takes the change of treatment its comparison states (a placebo or
    control arm stays the arm that did not receive the drug)."""
    if len(facts) < 2:
        return
    lower = None
    # "137 in the A group, 132 in the B group and 140 in the placebo group completed the
    # trial": the change the last clause states passes back along the whole list.
    carried: str | None = None
    for here, after in reversed(list(zip(facts, facts[1:], strict=False))):
        passed, carried = carried, None
        if not after.elliptical or here.shared_outcome is not None \
                or not (passed or any(c.label == "STATUS" for c in after.cues)):
            continue
        lower = lower or words_of(doc).lower
        if any(c.label in {"OUTCOME", "EVENT_VERB", "STUDY_VERB"} or _status_verb(c, lower)
               for c in here.cues):
            continue
        status = next((c.id for c in reversed(after.cues) if _status_verb(c, lower)
                       and not _within_outcome(c, after.cues)
                       and not _relative(doc, c.start, after.start, settings)), passed)
        carried = status
        if status in CHANGED_STATUSES:
            here.shared_change = status
        if here.control or status is None or status == "not_received" and not here.drug \
                and not here.experimental and not here.arm_label:
            continue  # (no drug the group went without)
        here.drug_status = status
        here.is_study = True
    _pass_changes_on(facts, doc, settings)


def _pass_changes_on(facts: list[ClauseFacts], doc: Doc, settings: LinkSettings) -> None:
    """'Treatment was discontinued by 21 patients in the A group, 30 in the B group and 12
    in the placebo group': a change of treatment stated before the first count of a list
    holds for every item after it that states nothing of its own."""
    words = None
    change = None
    for here, after in zip(facts, facts[1:], strict=False):
        if change is None:
            changes = [c for c in here.cues if c.label == "STATUS" and c.id in CHANGED_STATUSES]
            if not changes:
                return  # (most lists: one look at the first clause's cues)
            words = words or words_of(doc)
            first = next((k for k in range(here.start, here.end) if words.num[k] is not None),
                         here.end)
            change = next((c.id for c in changes if c.start < first
                           and not _within_outcome(c, here.cues)
                           and not _relative(doc, c.start, here.start, settings)), None)
        if change is None or words is None or not after.elliptical \
                or after.shared_outcome is not None \
                or any(c.label in {"OUTCOME", "EVENT_VERB", "STUDY_VERB"}
                       or _status_verb(c, words.lower) for c in after.cues):
            return
        after.shared_change = change
        after.is_study = True
        if not after.control:
            after.drug_status = change


def share_whom_drug(facts: list[ClauseFacts], doc: Doc) -> None:
    """'enrolled 89 adults between 2015 and 2022, all of whom received X': a clause that says
    what every one of the group before it received ('all of whom', 'each of whom') gives that
    group its drug."""
    words = words_of(doc)
    lower = words.lower
    for here, after in zip(facts, facts[1:], strict=False):
        if not after.drug or after.control or here.drug or here.control or here.comparison:
            continue
        if any(lower[k] in _WHOM_QUANTIFIERS and lower[k + 1] == "of" and lower[k + 2] == "whom"
               for k in range(after.start, min(after.end - 2, after.start + 6))):
            here.drug, here.drug_mention = after.drug, after.drug_mention
            here.drug_status = here.drug_status or after.drug_status


#: "all of whom", "each of whom", "both of whom": every one of the group just named.
_WHOM_QUANTIFIERS = frozenset({"all", "each", "both"})


def share_control_drug(facts: list[ClauseFacts], doc: Doc) -> None:
    """'148 in the control arm, in which patients received docetaxel', 'the comparator group,
    where patients were given Y': a control arm named by no drug, with a relative clause
    ('in which', 'where') right after it that names what it was given, is an active arm of
    that drug, received (corpora/README: a control arm given a named regimen without
    placebo)."""
    lower = None
    for here in facts:
        if not here.control or not here.drug or here.alone or here.background:
            continue
        lower = lower or words_of(doc).lower
        mention = (here.drug_mention or "").lower().split()
        if mention and any(
                (opener := defining_relative(lower, c.end, here.end)) is not None
                and mention[0] in lower[opener:here.end]
                for c in here.cues if c.label == "STATUS" and c.id == "not_received"
                and not _status_verb(c, lower)):
            here.control, here.drug_status = False, "received"


def defining_relative(lower: list[str], i: int, end: int) -> int | None:
    """Where a relative clause that defines the group named right before ``i`` opens ('the
    control arm, in which ...', 'the comparator group, where ...'), or None."""
    k = i + (i < end and lower[i] == ",")
    if k < end and lower[k] == "where":
        return k
    if k + 1 < end and lower[k] == "in" and lower[k + 1] == "which":
        return k
    return None


def _status_verb(cue: Cue, lower: list[str]) -> bool:
    """Is the cue a verb that changes a group's treatment ("withdrew", "stopped", "did not
    receive"), not a control arm's name ("the placebo group", "observation")?"""
    if cue.label != "STATUS":
        return False
    return cue.id in CHANGED_STATUSES or cue.id == "not_received" and any(
        w in {"not", "never", "n't"} for w in lower[cue.start:cue.end])


def _relative(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """Is the verb at ``i`` that of a relative clause ('9 patients who continued X')?"""
    return i - 1 >= start and words_of(doc).lower[i - 1] in settings.relative_pronouns


def _within_outcome(cue: Cue, cues: list[Cue]) -> bool:
    """Is the cue part of an outcome ("stopped the drug because of side effects")?"""
    return any(c.label == "OUTCOME" and c.start <= cue.start and cue.end <= c.end for c in cues)
