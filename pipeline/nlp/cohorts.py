"""onco_cohorts: groups of patients, how many of them had an outcome, and what they received.

Reads the numbers (onco_numbers), the entities (DRUG, ...) and the cues (OUTCOME,
PROCEDURE, STATUS, ARM, ...) of a document and links them, clause by clause:

- a *count* is a number before a patient noun ("Twenty-four patients"), before an
  assignment ("106 were assigned to placebo", "121 to TCH") or a bare number before an
  event verb ("only one experienced ...");
- a *fraction* is "X of (the) Y" or "X/Y": Y names a cohort, X a part of it;
- a count whose predicate is an outcome ("had a cancer recurrence", "recurrence occurred
  in four of the five") is an *event* of a cohort; any other count in a study clause
  *defines* a cohort;
- "All patients ..." and "Of these, ..." refer back to the last cohort;
- a clause that compares ("..., compared with 47 of the 106", "and in 14 (13%)") takes
  the outcome of the clause before it;
- a placebo or control arm is the experimental drug, not received.

Cohorts and events are stored as plain dicts on ``doc._.onco_cohorts`` and
``doc._.onco_events``; pipeline.evidence turns them into rows. The word lists and windows
live in models/rules/linking.json.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..data import check_keys, read_json_file
from .extensions import register_extensions
from .numbers import SPANS_KEY as NUMBERS_KEY
from .numbers import fraction_parts, is_group_size

CUES_KEY = "onco_cues"
_BRAND_MARKS = {"®", "™", "(R)", "(TM)"}
_YEARS = range(1900, 2101)
#: Mention.drug of a total over several arms: it received no single treatment.
_SEVERAL_ARMS = ("", "")


@dataclass(frozen=True)
class LinkSettings:
    """The word lists, windows and confidences of models/rules/linking.json."""

    clause_breaks_after_comma: frozenset[str]
    clause_breaks: frozenset[str]
    comparators: frozenset[str]
    comparator_reach: int
    ignored_openers: tuple[tuple[str, ...], ...]
    noun_window: int
    predicate_window: int
    reference_words: frozenset[str]
    determiners: frozenset[str]
    filler_words: frozenset[str]
    pre_outcome_words: frozenset[str]
    assignment_words: frozenset[str]
    assignment_verbs: frozenset[str]
    not_count_after: frozenset[str]
    group_pronouns: frozenset[str]
    auxiliaries: frozenset[str]
    total_words: frozenset[str]
    definite_words: frozenset[str]
    each_words: frozenset[str]
    treatment_words: frozenset[str]
    size_for_words: frozenset[str]
    threshold_words: frozenset[str]
    change_words: frozenset[str]
    interval_words: frozenset[str]
    none_words: frozenset[str]
    adverse_event_suffixes: tuple[str, ...]
    adverse_event_exceptions: frozenset[str]
    alternative_words: frozenset[str]
    arm_nouns: frozenset[str]
    anaphora_openers: tuple[tuple[str, ...], ...]
    drug_connectors: frozenset[str]
    control_drugs: frozenset[str]
    alone_words: frozenset[str]
    status_priority: tuple[str, ...]
    confidence: dict[str, float]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkSettings:
        check_keys(data, set(cls.__dataclass_fields__) | {"_comment"}, "linking.json")
        values: dict[str, Any] = {}
        for name, f in cls.__dataclass_fields__.items():
            value = data[name]
            if str(f.type).startswith("frozenset"):
                value = frozenset(value)
            elif str(f.type).startswith("tuple[tuple"):
                value = tuple(tuple(v) for v in value)
            elif str(f.type).startswith("tuple"):
                value = tuple(value)
            values[name] = value
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return {k: sorted(v) if isinstance(v, frozenset) else v
                for k, v in asdict(self).items()}


@dataclass
class Cohort:
    """A group of patients named in the text."""

    index: int
    size: int
    size_text: str
    sent: int
    start_char: int
    end_char: int
    arm: str | None = None
    arm_label: str | None = None
    drug: str | None = None
    drug_mention: str | None = None
    drug_status: str | None = None
    procedure: str | None = None
    parent: int | None = None
    statement: bool = True  # the text states something about this cohort alone
    confidence: float = 0.8


@dataclass
class Event:
    """A count of patients in a cohort who had an outcome."""

    cohort: int | None
    count: int
    outcome: str
    outcome_mention: str
    sent: int
    start_char: int
    end_char: int
    percent: float | None = None
    from_percent: bool = False  # the text gave only the percentage; count = percent x size
    drug: str | None = None
    drug_mention: str | None = None
    drug_status: str | None = None
    procedure: str | None = None
    confidence: float = 0.8
    outcome_at: int = -1  # token where the outcome is named: counts of one list share it


@dataclass(frozen=True)
class Cue:
    label: str
    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Clause:
    """A token range of a sentence. ``elliptical``: it begins a comparison ("and in 14")."""

    start: int
    end: int
    ignored: bool = False
    elliptical: bool = False


@dataclass
class ClauseFacts:
    """What a clause says besides its counts."""

    start: int
    end: int
    cues: list[Cue]
    drug: str | None = None
    drug_mention: str | None = None
    drug_status: str | None = None
    control: bool = False  # the clause's treatment is placebo / a control
    background: frozenset[str] = frozenset()  # drugs given with the control ("placebo plus X")
    experimental: bool = False  # "in the experimental arm": the drug under test, by role
    comparison: bool = False  # "randomized to X or Y": the group as a whole had neither
    alone: bool = False  # the control arm is named by "alone" ("the chemotherapy-alone group")
    procedure: str | None = None
    arm_label: str | None = None
    setting: str | None = None
    is_study: bool = False
    is_incidence: bool = False
    anaphora: bool = False
    elliptical: bool = False
    shared_outcome: Cue | None = None  # "Five patients in arm A and one in arm B died"


@dataclass(frozen=True)
class Mention:
    """A count, fraction or back-reference found in a clause."""

    kind: str  # "count" | "bare" | "fraction" | "reference" | "universal"
    start: int
    end: int  # end of the noun phrase: where the predicate starts
    value: int = 0
    whole: int | None = None
    size_text: str = ""
    percent: float | None = None
    drug: tuple[str, str] | None = None  # "Pola-R-CHP (n = 152)": the drug named right before
    drug_span: tuple[int, int] | None = None  # where that drug is named
    arm: str | None = None  # "Arm B (cisplatin; n = 126)": the arm label named right before
    setting: str | None = None  # and the setting named with it ("adjuvant sunitinib")
    outcome: Cue | None = None  # "neutropenia (n = 41)": the outcome the count is of


# --------------------------------------------------------------------------- clauses


def split_clauses(doc: Doc, sent: Span, settings: LinkSettings,
                  anchors: set[int]) -> list[Clause]:
    """The clauses of a sentence.

    Clauses break at ';' and ':', at a comma before a coordinator (", and", ", whereas"),
    and before a comparator that introduces a new count when the clause already has one
    ("in 21 patients ... and in 14", "11 of 106 ... versus 47 of 106"). A leading purpose
    or source phrase ("To evaluate ..., researchers ...") is ignored: it says what was
    studied, not what happened to whom.
    """
    clauses: list[Clause] = []
    start = sent.start
    words = [t.lower_ for t in sent]
    for opener in settings.ignored_openers:
        if tuple(words[: len(opener)]) == opener:
            comma = next((t.i for t in sent if t.text == ","), None)
            if comma is not None:
                clauses.append(Clause(start, comma + 1, ignored=True))
                start = comma + 1
            break
    elliptical = False
    tokens = list(doc[start: sent.end])
    for k, token in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.text in settings.clause_breaks and _names_group_size(tokens, k + 1):
            continue  # "Arm A (radiotherapy alone; n = 124)": the size of the arm just named
        comma_break = (token.text == "," and nxt is not None
                       and not _names_group_size(tokens, k + 1)
                       and (nxt.lower_ in settings.clause_breaks_after_comma
                            or (any(start <= a < token.i for a in anchors)
                                and any(token.i < a <= token.i + settings.comparator_reach
                                        for a in anchors))))
        if token.text in settings.clause_breaks or comma_break:
            if token.i > start:
                clauses.append(Clause(start, token.i + 1, elliptical=elliptical))
            start = token.i + 1
            elliptical = comma_break and nxt is not None and (
                nxt.lower_ in settings.comparators or nxt.i in anchors
                or any(nxt.i < a <= nxt.i + settings.comparator_reach for a in anchors))
        elif (token.lower_ in settings.comparators and token.i > start
              and token.ent_iob_ != "I"  # "lenalidomide and dexamethasone (n=369)": one name
              and any(start <= a < token.i for a in anchors)
              and any(token.i < a <= token.i + settings.comparator_reach for a in anchors)):
            clauses.append(Clause(start, token.i, elliptical=elliptical))
            start = token.i
            elliptical = True
    if start < sent.end:
        clauses.append(Clause(start, sent.end, elliptical=elliptical))
    return clauses


def _names_group_size(tokens: list, k: int) -> bool:
    """'cisplatin, n = 151': the comma introduces the size of the group before it."""
    if k >= len(tokens):
        return False
    if is_group_size(tokens[k].text):
        return True
    return tokens[k].lower_ == "n" and k + 1 < len(tokens) and tokens[k + 1].text == "="


def drug_groups(doc: Doc, drug_ents: list[Span], settings: LinkSettings) -> list[tuple[str, str, int, int]]:
    """(normalised drug, mention, start, end) with combinations joined.

    Drugs separated only by connectors ("docetaxel, carboplatin and trastuzumab",
    "nivolumab plus ipilimumab", "TCH plus pertuzumab") are one combined treatment, written
    as the sorted generic names joined with " + ".
    """
    groups: list[list[Span]] = []
    for ent in drug_ents:
        if groups and all(t.lower_ in settings.drug_connectors or t.text in _BRAND_MARKS
                          for t in doc[groups[-1][-1].end: ent.start]) \
                and ent.start - groups[-1][-1].end <= 3:
            groups[-1].append(ent)
        else:
            groups.append([ent])
    found = []
    for group in groups:
        names = sorted({part for e in group for part in (e.id_ or e.text.lower()).split(" + ")})
        controls = [n for n in names if n in settings.control_drugs]
        if controls:  # "placebo plus letrozole": the control arm of the comparison
            names = controls[:1]
        # The words used, up to the last drug not given in parentheses ("Gleevec®
        # (imatinib mesylate)" -> "Gleevec"); a trailing ® or ™ is left out.
        outside = [e for e in group if e.start == 0 or doc[e.start - 1].text != "("]
        mention = doc[group[0].start: (outside or group)[-1].end].text
        found.append((" + ".join(names), mention, group[0].start, group[-1].end))
    return found


def clause_facts(doc: Doc, clause: Clause, cues: list[Cue], drug_ents: list[Span],
                 settings: LinkSettings) -> ClauseFacts:
    """Drug, status, procedure, arm label and setting stated in one clause."""
    start, end = clause.start, clause.end
    mine = [c for c in cues if c.start >= start and c.end <= end]
    facts = ClauseFacts(start=start, end=end, cues=mine, elliptical=clause.elliptical)
    drugs = [e for e in drug_ents if e.start >= start and e.end <= end]
    groups = drug_groups(doc, drugs, settings)
    if groups:
        active = [g for g in groups if g[0] not in settings.control_drugs]
        if len({g[0] for g in active}) > 1 or (active and len(active) < len(groups)):
            facts.comparison = True  # "randomized to X or Y": the group as a whole had neither
        elif active and _class_alternative(doc, start, end, active[0], settings):
            facts.comparison = True  # "randomized to X or investigator's choice of chemotherapy"
        elif active:
            facts.drug, facts.drug_mention = active[0][0], active[0][1]
        else:
            facts.control, facts.drug_mention = True, groups[0][1]
            facts.background = _background(drugs, groups[0], settings)
    statuses = {c.id for c in _longest(mine, "STATUS")}
    for status in settings.status_priority:
        if status in statuses:
            facts.drug_status = status
            break
    clause_text = doc[start:end].text.lower()
    alone = None
    if any(word in clause_text for word in settings.alone_words):
        alone = next((t for t in doc[start:end]
                      if t.lower_ in settings.alone_words or t.lower_.endswith("-alone")), None)
    if alone is not None and facts.drug:
        # "radiotherapy alone or radiotherapy plus temozolomide": a comparison, no one drug
        facts.drug = facts.drug_mention = facts.drug_status = None
    elif alone is not None and not facts.control and not facts.comparison:
        # "radiotherapy alone", "the chemotherapy-alone group": the comparison's control arm.
        facts.control = facts.alone = True
        before = doc[alone.i - 1] if alone.i > start and alone.lower_ in settings.alone_words else None
        facts.drug_mention = f"{before.text} {alone.text}" if before is not None else alone.text
    if len(groups) > 1 and not facts.drug and not facts.control:
        facts.drug_status = None
    elif facts.control and not facts.drug:
        facts.drug_status = "not_received"
    elif facts.drug_status == "not_received" and facts.drug and not facts.control:
        facts.control = True  # "without X", "observation alone"
    elif facts.drug_status == "not_received" and not facts.control:
        # "89 were assigned to observation": a control arm named by what it got instead.
        facts.control = True
        facts.drug_mention = next((c.text for c in _longest(mine, "STATUS")
                                   if c.id == "not_received"), None)
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
        c.label in {"STUDY_VERB", "PROCEDURE", "ARM", "OUTCOME", "STATUS"} for c in mine)
    facts.is_incidence = any(c.label == "INCIDENCE" for c in mine)
    longest = max((len(o) for o in settings.anaphora_openers), default=0)
    words = tuple(t.lower_ for t in doc[start:min(end, start + longest)])
    facts.anaphora = any(words[: len(o)] == o for o in settings.anaphora_openers)
    return facts


def _class_alternative(doc: Doc, start: int, end: int, group: tuple[str, str, int, int],
                       settings: LinkSettings) -> bool:
    """Is a class of treatment offered as the alternative to a drug ("X or chemotherapy")?"""
    between = False
    for t in doc[group[3]:end]:
        if t.lower_ in settings.alternative_words:
            between = True
        elif between and t.ent_type_ == "DRUG_CLASS" and t.ent_id_ not in settings.control_drugs:
            return True
    return False


def _background(drugs: list[Span], group: tuple[str, str, int, int],
                settings: LinkSettings) -> frozenset[str]:
    """Drugs a control arm received with its placebo ("placebo plus letrozole")."""
    return frozenset(part for e in drugs if group[2] <= e.start < group[3]
                     for part in (e.id_ or e.text.lower()).split(" + ")
                     if part not in settings.control_drugs)


def _longest(cues: list[Cue], label: str) -> list[Cue]:
    """Cues of one label, the longest where they overlap ("did not continue" over "continue",
    "alive and free of progression" over "were alive"), in text order."""
    kept: list[Cue] = []
    for cue in sorted((c for c in cues if c.label == label), key=lambda c: (c.start - c.end, c.start)):
        if all(cue.end <= k.start or k.end <= cue.start for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


# --------------------------------------------------------------------------- mentions


def find_mentions(doc: Doc, clause: Clause, cues: list[Cue],
                  groups: list[tuple[str, str, int, int]], settings: LinkSettings,
                  units: frozenset[str], *, sent: Span | None = None,
                  numbers: list[Span] | None = None, anaphora: bool = False,
                  arm_count: int = 0, sent_cues: list[Cue] | None = None,
                  labelled_arms: int = 0, interval_at: list[int] | None = None) -> list[Mention]:
    """Counts, fractions and back-references in a clause, in text order.

    ``sent`` and ``numbers`` (the sentence and its number spans) save a search per clause.
    """
    start, end = clause.start, clause.end
    sent = sent or doc[start].sent
    sent_end = sent.end
    drug_starts = {g[2] for g in groups}
    numbers = [s for s in (numbers if numbers is not None else doc.spans[NUMBERS_KEY])
               if s.start >= start and s.end <= end]
    number_at = {s.start: s for s in numbers}
    patients = {c.start for c in cues if c.label == "PATIENT"}
    events = {c.start for c in cues if c.label in {"EVENT_VERB", "OUTCOME"}}
    study_verbs = {c.start for c in cues if c.label == "STUDY_VERB"}
    qualifiers = {c.end: c for c in cues if c.label == "QUALIFIER"}
    arm_starts = {c.start for c in cues if c.label in {"ARM", "ARM_NAME"}}
    mentions: list[Mention] = []
    consumed: set[int] = set()

    for c in cues:
        if c.label == "UNIVERSAL" and c.start >= start and c.end <= end:
            mentions.append(Mention("universal", c.start, c.end))

    for token in doc[start:end] if "/" in doc[start:end].text else ():
        parts = fraction_parts(token.text)
        if parts:  # "3/40"
            noun = _noun_end(doc, token.i + 1, end, patients, settings)
            mentions.append(Mention("fraction", token.i, noun or token.i + 1, value=parts[0],
                                    whole=parts[1], size_text=token.text,
                                    percent=_stated_percent(doc, token.i + 1, end, number_at)))

    for number in numbers:
        if number.start in consumed:
            continue
        value = number[0]._.num_value
        if value is None:
            continue
        after = number.end
        if after < end and doc[after].text == "%" and _stated_after_count(doc, number.start, start):
            continue  # "21 patients (20%)", "(2/124, 1.6%)", "(95% CI": said of a count already
        if after < end and doc[after].text == "%" and _count_follows(doc, after + 1, end, settings):
            continue  # "45.2% (28/62)", "30% (12 of 40)": the count in brackets says it
        if after < end and doc[after].text == "%" and number.start > start \
                and doc[number.start - 1].lower_ in settings.threshold_words:
            continue  # "events occurring in at least 10% of patients": a threshold
        if after < end and doc[after].text == "%" and number.start > start \
                and doc[number.start - 1].lower_ in settings.change_words \
                and not (after + 1 < end and doc[after + 1].lower_ in settings.reference_words):
            continue  # "reduced the risk by 42%": a change, not a share of patients
        if after < end and doc[after].text == "%":
            # "reported in 74.2% of patients receiving LENVIMA", "in 3%, 17% and 14% of
            # patients", "response rate was 30.4% vs 38.0%": a share of a group. It becomes a
            # count only if an outcome goes with it (checked when linking).
            noun = _percent_of_patients(doc, after + 1, sent_end, patients, settings)
            mentions.append(Mention("percent", number.start, noun or after + 1, value=0,
                                    size_text=number.text, percent=value))
            continue
        if value != int(value):
            continue  # 12.5 of something is a measure, not a count of patients
        if interval_at and interval_at[0] < number.start \
                and _in_interval(doc, number.start, sent.start, settings):
            continue  # "(95% CI, 47.0-62.7)", "(range, 38-81)": bounds, not counts
        if after < end and doc[after].lower_ in units:
            continue
        if _is_label_number(doc, number.start, sent.start, settings) and _whole_after(
                doc, _after_percent(doc, after, end), end, number_at, settings) is None:
            continue  # "grade 3 or 4", "stage II", "cohort 2" (but "group 1, 39 of 96" counts)
        if after + 1 < end and doc[after].lower_ == "in" and doc[after + 1]._.num_value is not None:
            consumed.add(after + 1)
            continue  # "1 in 4 adults": a ratio
        qualifier = qualifiers.get(number.start)
        size_text = f"{qualifier.text.lower()} {number.text}" if qualifier else number.text
        begin = qualifier.start if qualifier else number.start

        n_equals = number.start - 2 >= start and doc[number.start - 1].text == "=" \
            and doc[number.start - 2].lower_ == "n"
        if n_equals or is_group_size(number.text):
            # "Pola-R-CHP (n = 152)": a group of N, with the drug named just before it.
            paren = number.start - (3 if n_equals else 1)
            # "the most common were neutropenia (n = 41)": a count of that outcome (a lower-case
            # n counts part of a sample; "Adverse events (N = 62)" gives the sample's size).
            lower_n = doc[number.start - 2].text == "n" if n_equals else number.text[:1] == "n"
            named = next((c for c in _longest(cues, "OUTCOME") if c.end == paren), None) \
                if lower_n else None
            if named is not None:
                mentions.append(Mention("count", number.start, number.end, value=int(value),
                                        size_text=number.text, outcome=named))
                continue
            segment_start = max([start] + [m.end for m in mentions if m.drug is not None
                                           or m.kind == "count"])
            before = [g for g in groups if segment_start <= g[2] and g[3] <= paren]
            local = (before[-1][0], before[-1][1]) if before else None
            span_of = (before[-1][2], before[-1][3]) if before else None
            if local is None:
                local = _control_named(doc, segment_start, paren, settings)
            arm = next((c.text for c in reversed(cues) if c.label == "ARM"
                        and segment_start <= c.start and c.end <= paren), None)
            setting = next((c.id for c in cues if c.label == "SETTING"
                            and segment_start <= c.start and c.end <= paren), None)
            named_end = number.end
            if after < end and doc[after].lower_ in settings.size_for_words:
                # "n = 40 for selpercatinib, n = 41 for placebo": the group named after it.
                j = after + 1
                while j < end and doc[j].lower_ in settings.determiners:
                    j += 1
                following = next((g for g in groups if g[2] == j and g[3] <= end), None)
                label = next((c for c in cues if c.label == "ARM" and c.start == j), None)
                if following is not None:
                    local, span_of = (following[0], following[1]), (following[2], following[3])
                    named_end = following[3]
                elif label is not None:
                    arm, named_end = label.text, label.end
            mentions.append(Mention("count", number.start, named_end, value=int(value),
                                    size_text=number.text, drug=local, drug_span=span_of,
                                    arm=arm, setting=setting))
            continue
        if after + 1 < end and doc[after].lower_ in settings.reference_words \
                and doc[after + 1].lower_ in settings.group_pronouns:
            # "Ninety-eight of them received ...": a part of the group just named; but "94
            # of those taking placebo" names its group by what it received.
            named = _treatment_end(doc, after + 2, end, settings)
            mentions.append(Mention("part" if named is None else "named", begin,
                                    named or after + 2, value=int(value), size_text=size_text))
            continue
        percent = _stated_percent(doc, after, end, number_at)
        whole = _whole_after(doc, _after_percent(doc, after, end), end, number_at, settings)
        if whole is not None:  # "four of the five (patients)", "20 (54%) of 37"
            consumed.add(whole.start)
            noun = _noun_end(doc, whole.end, end, patients, settings)
            mentions.append(Mention("fraction", begin, noun or whole.end, value=int(value),
                                    whole=int(whole[0]._.num_value), size_text=size_text,
                                    percent=percent or _stated_percent(doc, noun or whole.end,
                                                                       end, number_at)))
            continue
        if labelled_arms >= 2 and _per_arm(doc, after, end, settings):
            # "62 were assigned to each arm", "50 patients per group": one cohort per arm.
            mentions.append(Mention("each", begin, after, value=int(value), size_text=size_text))
            continue
        noun = _noun_end(doc, after, end, patients, settings)
        if noun is None and _in_count_list(doc, after, sent_end):
            # "in 29, 17 and 16 patients": every number of the list counts patients. The
            # noun may end a later clause only when the list has one number per known arm
            # (with or without "respectively"): other lists gave more wrong rows than right
            # ones on the dev corpus.
            list_end = _list_end(doc, after, sent_end)
            across = (arm_count >= 2 and _list_length(doc, number.start, list_end) == arm_count)
            nouns = {c.start for c in (sent_cues or cues) if c.label == "PATIENT"} \
                if across else patients
            listed = _noun_end(doc, list_end, sent_end, nouns, settings)
            if listed is not None:
                mentions.append(Mention("count", begin, after, value=int(value),
                                        size_text=size_text, percent=percent))
                continue
        if noun is not None:
            kind = "reference" if _after_reference_word(doc, begin, start, settings) else "count"
            mentions.append(Mention(kind, begin, noun, value=int(value), size_text=size_text,
                                    percent=percent or _stated_percent(doc, noun, end, number_at)))
        elif _assigned_after(doc, after, end, study_verbs, drug_starts, arm_starts, settings):
            # "106 were assigned to placebo", "121 to TCH": the patient noun is understood.
            mentions.append(Mention("count", begin, after, value=int(value), size_text=size_text))
        elif after < end and (after in events or (
                anaphora and doc[after].is_alpha and doc[after].is_lower)):
            # "only one experienced ...", "Of those 118, 112 completed the treatment"
            mentions.append(Mention("bare", begin, after, value=int(value), size_text=size_text,
                                    percent=percent))
        elif clause.elliptical and int(value) not in _YEARS:  # "and in 14 (13%)"
            mentions.append(Mention("loose", begin, after, value=int(value), size_text=size_text,
                                    percent=percent))
    return sorted(mentions, key=lambda m: m.start)


def _count_follows(doc: Doc, i: int, end: int, settings: LinkSettings) -> bool:
    """Is a count of a whole given in brackets after a percentage ("(28/62)", "(12 of 40)",
    "55.3% with X plus Y (152 of 275)"), before any other number?"""
    for j in range(i, min(end - 1, i + settings.noun_window + 4)):
        if doc[j]._.num_value is not None:
            return False
        if doc[j].text not in {"(", "["}:
            continue
        if fraction_parts(doc[j + 1].text):
            return True
        return (j + 3 < end and doc[j + 1]._.num_value is not None
                and doc[j + 2].lower_ in settings.reference_words | {"/"}
                and doc[j + 3]._.num_value is not None)
    return False


def _per_arm(doc: Doc, i: int, end: int, settings: LinkSettings) -> bool:
    """Do the words after a count say it holds for each arm ("were assigned to each arm")?"""
    for j in range(i, min(end - 1, i + settings.noun_window + 2)):
        if doc[j].is_punct or doc[j]._.num_value is not None:
            return False
        if doc[j].lower_ in settings.each_words and doc[j + 1].lower_ in settings.arm_nouns:
            return True
    return False


def _control_named(doc: Doc, start: int, end: int,
                   settings: LinkSettings) -> tuple[str, str] | None:
    """'placebo (n = 118)', 'radiotherapy alone; n = 124': a control arm and its words."""
    for t in doc[start:end]:
        if t.ent_id_ in settings.control_drugs or t.lower_ in settings.control_drugs:
            return ("placebo", t.text)
        if t.lower_ in settings.alone_words or t.lower_.endswith("-alone"):
            before = doc[t.i - 1] if t.i > start and t.lower_ in settings.alone_words else None
            return ("placebo", f"{before.text} {t.text}" if before is not None else t.text)
    return None


def _stated_after_count(doc: Doc, i: int, start: int) -> bool:
    """Is the percentage at ``i`` written in parentheses or after a comma next to a count?"""
    before = doc[i - 1] if i - 1 >= start else None
    if before is None:
        return False
    if before.text in {"(", "["}:
        return True
    return before.text == "," and i - 2 >= start and (
        doc[i - 2]._.num_value is not None or bool(fraction_parts(doc[i - 2].text)))


def _percent_of_patients(doc: Doc, i: int, end: int, patients: set[int],
                         settings: LinkSettings) -> int | None:
    """After 'N%': the end of '[, M% and K%] of (the) patients', or None."""
    while i + 2 < end and doc[i].lower_ in {",", "and", "or"} and doc[i + 1]._.num_value is not None \
            and doc[i + 2].text == "%":
        i += 3
    if i < end and doc[i].lower_ == "of":
        i += 1
        if i < end and doc[i].lower_ in settings.group_pronouns:
            return i + 1  # "2% of those receiving placebo"
        while i < end and doc[i].lower_ in settings.determiners:
            i += 1
        return _noun_end(doc, i, end, patients, settings)
    return None


def _in_count_list(doc: Doc, i: int, end: int) -> bool:
    """Is the number before ``i`` followed by more numbers of a list ("29, 17 and 16")?"""
    i = _after_percent(doc, i, end)
    return (i + 1 < end and doc[i].lower_ in {",", "and", "or"}
            and doc[i + 1]._.num_value is not None)


def _list_length(doc: Doc, start: int, end: int) -> int:
    """How many counts a list has ("29, 17 and 16" -> 3; percentages in brackets skipped)."""
    count, i = 0, start
    while i < end:
        if doc[i]._.num_value is not None and not (i > start and doc[i - 1].text == "("):
            count += 1
            while i < end and doc[i]._.num_value is not None:
                i += 1
        i += 1
    return count


def _list_end(doc: Doc, i: int, end: int) -> int:
    """Index after the last number of a list that starts at ``i``."""
    while True:
        i = _after_percent(doc, i, end)
        if i + 1 < end and doc[i].lower_ in {",", "and", "or"} and doc[i + 1]._.num_value is not None:
            i += 1
            while i < end and doc[i]._.num_value is not None:
                i += 1
        else:
            return i


def _in_interval(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """Is the number at ``i`` inside brackets that give an interval or a statistic?"""
    for j in range(i - 1, max(start, i - 8) - 1, -1):
        if doc[j].text in {")", "]"}:
            return False
        if doc[j].text in {"(", "["}:
            return any(t.lower_ in settings.interval_words for t in doc[j + 1:i])
    return False


def _is_label_number(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """A number that names a grade, stage, arm or day rather than counting patients."""
    digits = doc[i].is_digit
    connectors = {"or", "and", "to", "-", "/", ","}
    j = i - 1
    # Walk back over a list of the same kind of numbers: "grade 3, 4, or 5" (but not
    # "In Group 2, five of the eight", nor "every day and 103 to ...").
    while True:
        k = j
        while k >= start and doc[k].lower_ in connectors:
            k -= 1
        if k < j and k >= start and doc[k]._.num_value is not None and doc[k].is_digit == digits:
            j = k - 1
        else:
            break
    return start <= j < i and doc[j].lower_ in settings.not_count_after


def _whole_after(doc: Doc, i: int, end: int, number_at: dict[int, Span],
                 settings: LinkSettings) -> Span | None:
    if i >= end or doc[i].lower_ not in settings.reference_words:
        return None
    i += 1
    while i < end and doc[i].lower_ in settings.determiners:
        i += 1
    return number_at.get(i)


def _noun_end(doc: Doc, i: int, end: int, patients: set[int],
              settings: LinkSettings) -> int | None:
    """End of "N [modifiers] patients": the token after the patient noun, if within reach."""
    for j in range(i, min(end, i + settings.noun_window + 1)):
        if j in patients:
            return j + 1
        if (doc[j].is_punct and doc[j].text != "-") or doc[j]._.num_value is not None:
            return None  # "26 German hospitals enrolled 356 patients": not 26 patients
    return None


def _assigned_after(doc: Doc, i: int, end: int, study_verbs: set[int], drug_starts: set[int],
                    arm_starts: set[int], settings: LinkSettings) -> bool:
    """'N were assigned / were randomized / received ...', 'N to <drug>'."""
    if i < end and doc[i].lower_ in settings.auxiliaries:
        i += 1
    if i < end and i in study_verbs:
        return True
    if i + 1 < end and doc[i].lower_ == "in" and (i + 1 in arm_starts or (
            doc[i + 1].lower_ in settings.determiners and i + 2 in arm_starts)):
        return True  # "38 in cohort A"
    if not (i + 1 < end and doc[i].lower_ in settings.assignment_words):
        return False
    i += 1
    if doc[i].lower_ in settings.assignment_verbs and i + 1 < end:
        i += 1  # "103 to take sunitinib"
    return i in drug_starts or (doc[i].lower_ in settings.determiners and i + 1 in drug_starts)


def _after_percent(doc: Doc, i: int, end: int) -> int:
    """Index after a '(54%)' that follows a count, or ``i`` when there is none."""
    if i + 3 < end and doc[i].text == "(" and doc[i + 2].text == "%" and doc[i + 3].text == ")":
        return i + 4
    return i


def _stated_percent(doc: Doc, i: int, end: int, number_at: dict[int, Span]) -> float | None:
    """The percentage right after a count: '21 patients (20%)', '55 of 121 (45.5%)'."""
    if i < end and doc[i].text in {"(", "["}:
        i += 1
    number = number_at.get(i)
    if number is not None and number.end < end and doc[number.end].text in {"%", "percent"}:
        return number[0]._.num_value
    return None


def _after_reference_word(doc: Doc, begin: int, start: int, settings: LinkSettings) -> bool:
    """True for "of the 19 patients": the count names a cohort already introduced
    (but not "a total of 303 patients")."""
    i = begin - 1
    while i >= start and doc[i].lower_ in settings.determiners:
        i -= 1
    if i >= start and doc[i].lower_ in settings.reference_words:
        return not (i - 1 >= start and doc[i - 1].lower_ in settings.total_words)
    # "All 240 patients proceeded to surgery", "the 121 patients": a group already named.
    return begin - 1 >= start and doc[begin - 1].lower_ in settings.definite_words


# --------------------------------------------------------------------------- outcomes


def predicate_outcome(doc: Doc, i: int, end: int, cues: list[Cue],
                      settings: LinkSettings) -> Cue | None:
    """The outcome a count's predicate states: "(patients) had a cancer recurrence"."""
    outcome_at = _by_start(_longest(cues, "OUTCOME"))
    verb_at = _by_start([c for c in cues if c.label == "EVENT_VERB"])
    arm_at = _by_start([c for c in cues if c.label in {"ARM", "ARM_NAME"}])
    i = _after_percent(doc, i, end)  # "121 patients (38.8%) had stable disease"
    steps = 0
    while i < end and steps <= settings.predicate_window:
        if i in outcome_at:
            return outcome_at[i]
        skip = verb_at.get(i) or arm_at.get(i)
        treated = _treatment_end(doc, i, end, settings)
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


def _treatment_end(doc: Doc, i: int, end: int, settings: LinkSettings) -> int | None:
    """End of 'taking X', 'on X', 'treated with the X': what a group received, or None."""
    if i >= end or doc[i].lower_ not in settings.treatment_words:
        return None
    j = i + 1
    while j < end and (doc[j].lower_ in settings.treatment_words
                       or doc[j].lower_ in settings.determiners):
        j += 1
    if j >= end or doc[j].ent_type_ not in {"DRUG", "DRUG_CLASS"}:
        return None
    while j < end and (doc[j].ent_type_ in {"DRUG", "DRUG_CLASS"}
                       or doc[j].lower_ in settings.drug_connectors):
        j += 1
    return j


def preceding_outcome(doc: Doc, i: int, start: int, cues: list[Cue],
                      settings: LinkSettings) -> Cue | None:
    """The outcome named before a count: "recurrence occurred in four of the five"."""
    outcome_end = {c.end: c for c in _longest(cues, "OUTCOME")}
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


def _clause_outcome(facts: ClauseFacts, m: Mention) -> Cue | None:
    """The outcome of the clause nearest to a mention, after it first."""
    outcomes = _longest(facts.cues, "OUTCOME")
    after = [c for c in outcomes if c.start >= m.end]
    before = [c for c in outcomes if c.end <= m.start]
    return after[0] if after else (before[-1] if before else None)


def _by_start(cues: list[Cue]) -> dict[int, Cue]:
    found: dict[int, Cue] = {}
    for c in sorted(cues, key=lambda c: c.start - c.end):
        found.setdefault(c.start, c)
    return found


# --------------------------------------------------------------------------- linking


@dataclass
class _State:
    cohorts: list[Cohort] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    last_in_sentence: list[int] = field(default_factory=list)
    last_in_previous: list[int] = field(default_factory=list)
    last_outcome: Cue | None = None  # of the sentence, for elliptical comparisons
    experimental: tuple[str, str] | None = None  # last active drug and its mention
    arm_drugs: dict[str, tuple[str, str]] = field(default_factory=dict)  # "cohort a" -> drug
    arm_labels: dict[str, str] = field(default_factory=dict)  # "cohort a" -> "Cohort A", in order
    only_drug: tuple[str, str] | None = None  # the one drug of a single-treatment study
    arms: list[int] = field(default_factory=list)  # the arms last defined, in text order
    table: list[int | None] | None = None  # cohorts of the columns of the current table
    table_outcome: Cue | None = None  # "Adverse events (N = 48)": what every row counts
    sentence_drug: tuple[str, str] | None = None  # first active drug of the sentence
    # The treatments a group was randomized between ("to X plus Y, or Y alone"): later
    # clauses name them by a part ("the X group") or by "alone". (drug, alone?)
    options: list[tuple[str, bool]] = field(default_factory=list)


def link_document(doc: Doc, settings: LinkSettings,
                  units: frozenset[str]) -> tuple[list[Cohort], list[Event]]:
    """All cohorts and events of a document, linked."""
    cues = [Cue(s.label_, s.id_, s.start, s.end, s.text) for s in doc.spans.get(CUES_KEY, [])]
    lowers = doc.to_array([LOWER])
    ae_words, fractions = _scan_words(doc, lowers, cues, settings)
    cues += ae_words
    drugs = [e for e in doc.ents if e.label_ == "DRUG"
             or (e.label_ == "DRUG_CLASS" and e.id_ in settings.control_drugs)]
    # Only sentences with a number or an "all patients" can hold a count: skip the rest.
    numbers = list(doc.spans.get(NUMBERS_KEY, []))
    anchors = {s.start for s in numbers}
    anchors |= fractions
    universal = {c.start for c in cues if c.label == "UNIVERSAL"}
    state = _State()
    groups = drug_groups(doc, drugs, settings)
    active = {g[0] for g in groups if g[0] not in settings.control_drugs}
    if len(active) == 1 and len(active) == len({g[0] for g in groups}):
        # One treatment and no control arm: every group studied received it.
        state.only_drug = next((g[0], g[1]) for g in groups)
    sents = list(doc.sents)
    sent_of = [0] * len(doc)  # token -> sentence index, to bucket everything in one pass
    for n, sent in enumerate(sents):
        sent_of[sent.start: sent.end] = [n] * len(sent)
    cues_by: list[list[Cue]] = [[] for _ in sents]
    for cue in cues:
        cues_by[sent_of[cue.start]].append(cue)
    drugs_by: list[list[Span]] = [[] for _ in sents]
    for ent in drugs:
        drugs_by[sent_of[ent.start]].append(ent)
    numbers_by: list[list[Span]] = [[] for _ in sents]
    for number in numbers:
        numbers_by[sent_of[number.start]].append(number)
    anchored = {sent_of[i] for i in anchors | universal}
    # "No deaths occurred in the placebo group": a count of zero without a number.
    none_at = [int(i) for i in numpy.flatnonzero(numpy.isin(lowers, _word_ids(settings.none_words)))]
    anchored |= {sent_of[i] for i in none_at}
    intervals_by: dict[int, list[int]] = {}  # "CI", "range": where bounds may follow
    for i in numpy.flatnonzero(numpy.isin(lowers, _word_ids(settings.interval_words))):
        intervals_by.setdefault(sent_of[int(i)], []).append(int(i))
    for sent_index, sent in enumerate(sents):
        state.last_in_previous = state.last_in_sentence or state.last_in_previous
        state.last_in_sentence = []
        state.last_outcome = None
        sent_drugs = drugs_by[sent_index]
        sent_groups = drug_groups(doc, sent_drugs, settings)
        active = [g for g in sent_groups if g[0] not in settings.control_drugs]
        state.sentence_drug = (active[0][0], active[0][1]) if active else None
        sent_cues = cues_by[sent_index]
        defined = arm_definitions(doc, sent, sent_groups,
                                  [c for c in sent_cues if c.label == "ARM"])
        state.arm_drugs.update({k: (v[0], v[1]) for k, v in defined.items()})
        state.arm_labels.update({k: v[2] for k, v in defined.items()})
        if "|" in sent.text:  # a header may have no number: "Event | Nivolumab | Placebo"
            previous = sents[sent_index - 1] if sent_index else None
            link_table_row(doc, sent, sent_index, sent_cues, sent_drugs, state, settings,
                           numbers=numbers_by[sent_index], title=previous,
                           title_cues=cues_by[sent_index - 1] if sent_index else [])
            continue
        if sent_index not in anchored:
            if state.sentence_drug:
                state.experimental = state.sentence_drug
            continue
        sent_numbers = numbers_by[sent_index]
        n_cohorts, n_events = len(state.cohorts), len(state.events)
        state.table = None
        clauses = [c for c in split_clauses(doc, sent, settings, anchors) if not c.ignored]
        all_facts = [clause_facts(doc, c, sent_cues, sent_drugs, settings) for c in clauses]
        if any(c.label == "INCIDENCE" for c in sent_cues):
            for facts in all_facts:  # "314,000 new cases and 207,000 deaths each year"
                facts.is_incidence = True
        _share_predicates(all_facts)
        if state.options:
            for facts in all_facts:
                _name_option(facts, state.options)
        options = _options(doc, clauses, all_facts, sent_groups, settings)
        for clause, facts in zip(clauses, all_facts, strict=True):
            if facts.anaphora and state.last_in_previous:
                state.last_in_sentence.append(state.last_in_previous[-1])
            mentions = find_mentions(doc, clause, facts.cues, sent_groups, settings, units,
                                     sent=sent, numbers=sent_numbers, anaphora=facts.anaphora,
                                     arm_count=len(state.arms), sent_cues=sent_cues,
                                     labelled_arms=len(state.arm_labels),
                                     interval_at=intervals_by.get(sent_index))
            if any(m.drug is not None for m in mentions):
                # "306 patients were randomized to A (n = 152) or B (n = 154)": the other
                # counts of the clause are the total, which received neither as such.
                mentions = [m if m.drug is not None or m.kind != "count"
                            else replace(m, drug=_SEVERAL_ARMS) for m in mentions]
            for mention in mentions:
                _link(doc, sent_index, mention, facts, state, settings)
            if not mentions and any(clause.start <= i < clause.end for i in none_at):
                _link_zero_events(doc, sent_index, clause, facts, state, settings)
        siblings = [c.index for c in state.cohorts[n_cohorts:] if c.statement]
        sizes = {i: state.cohorts[i].size for i in siblings}
        # "240 women were randomly assigned: 121 to TCH and 119 to TCHP": the total is
        # not an arm.
        # Two groups told apart by label or treatment are both arms, whatever their sizes
        # ("randomized 2:1 to A (N = 145) or B (N = 72)").
        if len(siblings) != 2 or len({_arm_signature(state.cohorts[i]) for i in siblings}) < 2:
            siblings = [i for i in siblings if sizes[i] < sum(sizes.values()) - sizes[i]]
        if len(siblings) >= 2 and len({state.cohorts[i].parent for i in siblings}) == 1:
            state.arms = siblings  # "121 to TCH and 119 to TCHP": the arms, in order
        _assign_respectively(state, n_events)  # (after the arms this sentence defines)
        if state.sentence_drug:
            state.experimental = state.sentence_drug
        if options:
            state.options = options
    _clear_totals(state)
    # A cohort whose own sentence reports an outcome for it is stated through that outcome.
    for event in state.events:
        if event.cohort is not None:
            cohort = state.cohorts[event.cohort]
            if cohort.sent == event.sent:
                cohort.statement = False
    return state.cohorts, state.events


@cache
def _word_kinds(suffixes: tuple[str, ...], exceptions: frozenset[str]) -> dict[int, tuple[bool, bool]]:
    """word id -> (names an adverse event by its form, is a fraction such as "3/40")."""
    return {}


@cache
def _word_ids(words: frozenset[str]) -> numpy.ndarray:
    return numpy.array(sorted(get_string_id(w) for w in words), dtype=numpy.uint64)


def _scan_words(doc: Doc, lowers: numpy.ndarray, cues: list[Cue],
                settings: LinkSettings) -> tuple[list[Cue], set[int]]:
    """One pass over the words: adverse events named by their form where no cue names
    them ("hypophosphatemia", "pancreatitis"; diseases and drugs are not events), and the
    fractions ("3/40").

    Each test runs once per distinct word, a dict lookup per token after that: a REGEX
    token pattern in the cue ruler cost ~15% of that component on the dev corpus.
    """
    found: list[Cue] = []
    fractions: set[int] = set()
    covered = {i for c in cues if c.label == "OUTCOME" for i in range(c.start, c.end)}
    known = _word_kinds(settings.adverse_event_suffixes, settings.adverse_event_exceptions)
    for i, word_id in enumerate(lowers.tolist()):
        kinds = known.get(word_id)
        if kinds is None:
            word = doc.vocab.strings[word_id]
            kinds = (len(word) > 6 and word.isalpha()
                     and word.endswith(settings.adverse_event_suffixes)
                     and word not in settings.adverse_event_exceptions,
                     "/" in word and fraction_parts(word) is not None)
            known[word_id] = kinds
        if kinds[1]:
            fractions.add(i)
        elif kinds[0] and i not in covered \
                and doc[i].ent_type_ not in {"DISEASE", "DRUG", "DRUG_CLASS"}:
            found.append(Cue("OUTCOME", "adverse_event", i, i + 1, doc[i].text))
    return found, fractions


def _link(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts,
          state: _State, settings: LinkSettings) -> None:
    conf = settings.confidence
    outcome = (m.outcome or predicate_outcome(doc, m.end, facts.end, facts.cues, settings)
               or preceding_outcome(doc, m.start, facts.start, facts.cues, settings))
    if outcome is None and facts.elliptical and m.kind in {"fraction", "bare", "count", "loose",
                                                           "percent", "named"}:
        outcome = state.last_outcome  # "... compared with 47 of the 106 (44.3%)"
    if outcome is None and m.kind in {"fraction", "bare", "count", "loose", "percent", "named"}:
        outcome = facts.shared_outcome
    if outcome is None and m.kind in {"fraction", "percent"}:
        # "A pathological complete response (ypT0/is ypN0) was achieved in 55 of 121": a
        # part of a group in a clause that names an outcome is a count of that outcome.
        outcome = _clause_outcome(facts, m)
    span = doc[m.start: m.end]

    if m.kind == "percent":
        if outcome is None:
            return
        cohort, confidence = _implicit_cohort(state, 0, None, facts, conf)
        if cohort is not None and m.percent is not None:
            count = round(m.percent * state.cohorts[cohort].size / 100)
            _add_event(state, cohort, count, m.percent, outcome, facts, sent_index, span,
                       confidence)
            state.events[-1].from_percent = True
        return

    if m.kind == "each":
        if outcome is None:
            made = [_new_cohort(state, m.value, m.size_text, sent_index, span,
                                replace(facts, arm_label=label, drug=None, drug_mention=None,
                                        drug_status=None, control=False),
                                parent=None, statement=True, confidence=conf["cohort"])
                    for label in state.arm_labels.values()]
            for cohort in made:
                _remember(state, cohort.index)
            state.arms = [c.index for c in made]
        return

    if m.kind == "universal":
        target = _recent(state)
        if target is None:
            return
        _fill(target, facts, state)
        if outcome:
            _add_event(state, target.index, target.size, None, outcome, facts, sent_index, span,
                       conf["universal"])
        return

    if m.kind == "fraction":
        if m.whole is None or m.value > m.whole:
            return  # "12 of 5" is no part of a whole
        whole = _find_cohort(state, m.whole, facts)
        if whole is not None and facts.arm_label and not _same_label(whole.arm_label,
                                                                     facts.arm_label):
            labelled = [c for c in state.cohorts if _same_label(c.arm_label, facts.arm_label)]
            whole = labelled[-1] if labelled else None  # "28/62 in Arm A": Arm A's 62
        if whole is None:
            whole = _new_cohort(state, m.whole or 0, str(m.whole), sent_index, span, facts,
                                parent=None, statement=False, confidence=conf["fraction"],
                                same_arm=True)
        _remember(state, whole.index)
        if outcome:
            _add_event(state, whole.index, m.value, m.percent, outcome, facts, sent_index, span,
                       conf["fraction"])
        elif facts.is_study and not facts.is_incidence and not facts.elliptical:
            part = _new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                               parent=whole, statement=True, confidence=conf["subgroup"])
            _remember(state, part.index)
        return

    if m.kind == "reference":
        found = _find_cohort(state, m.value, facts)
        if found is None:
            found = _new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                                parent=None, statement=not outcome, confidence=conf["cohort"])
        _remember(state, found.index)  # "Of the 19 patients, ...": later counts refer to it
        return

    if facts.is_incidence or not (facts.is_study or facts.elliptical):
        return  # "5,000 individuals are diagnosed annually": not a study cohort

    if outcome:
        cohort, confidence = _implicit_cohort(state, m.value, m.percent, facts, conf)
        _add_event(state, cohort, m.value, m.percent, outcome, facts, sent_index, span,
                   confidence)
        return

    if m.kind in {"part", "named"}:  # "Ninety-eight of them received ...": a subgroup
        parent = _recent(state)
        if parent is None or parent.size < m.value:
            return
        if outcome:
            _add_event(state, parent.index, m.value, None, outcome, facts, sent_index, span,
                       conf["count_same_sentence"])
        else:
            part = _new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                               parent=parent, statement=True, confidence=conf["subgroup"])
            _remember(state, part.index)
        return

    if m.kind == "count":
        if m.drug == _SEVERAL_ARMS:
            facts = replace(facts, drug=None, drug_mention=None, drug_status=None,
                            control=False, arm_label=None, setting=None)
        elif m.drug is not None:
            control = m.drug[0] in settings.control_drugs
            background = facts.background
            if control and m.drug_span is not None:  # "placebo plus letrozole (n=180)"
                a, b = m.drug_span
                named = [e for e in doc.ents if a <= e.start < b and e.label_ in {"DRUG", "DRUG_CLASS"}]
                background = _background(named, (m.drug[0], m.drug[1], a, b), settings)
            facts = replace(facts, drug=None if control else m.drug[0], drug_mention=m.drug[1],
                            control=control, background=background,
                            drug_status="not_received" if control else "received")
        if m.arm is not None:
            facts = replace(facts, arm_label=m.arm, setting=m.setting)
        cohort = _new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                             parent=None, statement=True, confidence=conf["cohort"])
        if m.drug == _SEVERAL_ARMS and cohort.index == len(state.cohorts) - 1:
            # The total over the arms received no one treatment, even in a one-drug study.
            cohort.drug = cohort.drug_mention = cohort.drug_status = None
        _remember(state, cohort.index)
    elif m.kind == "bare" and (facts.anaphora or facts.elliptical):
        # "Of these, 219 had epithelioid tumours and 93 had ...": subgroups of the last cohort.
        parent = _recent(state)
        if parent is not None and parent.size > m.value:
            part = _new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                               parent=parent, statement=True, confidence=conf["subgroup"])
            _remember(state, part.index)


def _arm_signature(cohort: Cohort) -> tuple[str | None, str | None, bool]:
    """What tells an arm from another: its label, or its treatment and whether it got it."""
    if cohort.arm_label:
        return (cohort.arm_label.lower(), None, False)
    return (None, cohort.drug, cohort.drug_status == "not_received")


def _options(doc: Doc, clauses: list[Clause], all_facts: list[ClauseFacts],
             groups: list[tuple[str, str, int, int]],
             settings: LinkSettings) -> list[tuple[str, bool]]:
    """The treatments a clause that compares offers ("to X plus Y, or Y alone")."""
    for clause, facts in zip(clauses, all_facts, strict=True):
        if not facts.comparison:
            continue
        found = []
        for g in groups:
            if clause.start <= g[2] and g[3] <= clause.end:
                after = doc[g[3]] if g[3] < clause.end else None
                found.append((g[0], after is not None and after.lower_ in settings.alone_words))
        if len(found) >= 2:
            return found
    return []


def _name_option(facts: ClauseFacts, options: list[tuple[str, bool]]) -> None:
    """'the durvalumab group' after 'randomized to etoposide plus carboplatin with
    durvalumab, or etoposide plus carboplatin alone': the option it names, in full."""
    names = {o[0] for o in options}
    if facts.drug and facts.drug not in names:
        parts = set(facts.drug.split(" + "))
        wider = [o for o in options if parts < set(o[0].split(" + "))]
        if len(wider) == 1:
            facts.drug = wider[0][0]
    elif facts.alone and not facts.drug:
        alone = [o for o in options if o[1]]
        if len(alone) == 1:
            facts.drug, facts.control, facts.alone = alone[0][0], False, False
            facts.drug_status = "received"


def _clear_totals(state: _State) -> None:
    """'238 patients ... Of these, 119 were assigned to azacitidine and 119 to placebo': a
    group split right after into arms that received different things is the total over
    those arms, which received no one treatment."""
    cohorts = state.cohorts
    for total in cohorts:
        if not total.drug:
            continue
        k, parts = total.index + 1, 0
        signatures = set()
        while k < len(cohorts) and parts < total.size and cohorts[k].sent <= total.sent + 1:
            part = cohorts[k]
            parts += part.size
            signatures.add((part.drug, part.drug_status == "not_received"))
            k += 1
        if parts == total.size and k - total.index > 2 and len(signatures) >= 2:
            total.drug = total.drug_mention = total.drug_status = None


def _link_zero_events(doc: Doc, sent_index: int, clause: Clause, facts: ClauseFacts,
                      state: _State, settings: LinkSettings) -> None:
    """'No treatment-related deaths occurred in Arm A or Arm B', 'there were no deaths with
    X': a count of zero for each group the clause names."""
    for cue in _longest(facts.cues, "OUTCOME"):
        before = [t.lower_ for t in doc[max(clause.start, cue.start - 2):cue.start]]
        if not any(w in settings.none_words for w in before):
            continue
        labels = [c.text for c in facts.cues if c.label == "ARM" and c.start >= cue.end]
        targets: list[Cohort] = []
        for label in labels:
            found = next((c for c in reversed(state.cohorts) if _same_label(c.arm_label, label)), None)
            if found is not None and found not in targets:
                targets.append(found)
        if not labels and (facts.drug or facts.control):
            fitting = [c for c in reversed(state.cohorts) if _score(c, facts) > 0]
            if fitting:
                targets.append(max(fitting, key=lambda c: _score(c, facts)))
        for target in targets:
            _add_event(state, target.index, 0, None, cue,
                       replace(facts, drug=None, drug_mention=None, drug_status=None,
                               control=False),
                       sent_index, doc[cue.start:cue.end], settings.confidence["fraction"])
        return


def _share_predicates(facts: list[ClauseFacts]) -> None:
    """'Five patients (4.0%) in the LENVIMA arm and one patient (1.6%) in the placebo arm
    died': a clause with no verb of its own shares the outcome of the comparison after it."""
    verbs = {"OUTCOME", "EVENT_VERB", "STUDY_VERB", "STATUS"}
    # From the end, so that "9 in group 1, 7 in group 2, and 8 in group 3 died" reaches back.
    for here, after in reversed(list(zip(facts, facts[1:], strict=False))):
        if after.elliptical and not any(c.label in verbs for c in here.cues):
            outcomes = _longest(after.cues, "OUTCOME")
            shared = outcomes[-1] if outcomes else after.shared_outcome
            if shared is not None:
                here.shared_outcome = shared


def _same_label(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and a.lower() == b.lower()  # type: ignore[union-attr]


def arm_definitions(doc: Doc, sent: Span, groups: list[tuple[str, str, int, int]],
                    arms: list[Cue]) -> dict[str, tuple[str, str, str]]:
    """'nivolumab plus ipilimumab (cohort A)': the drug a labelled arm received, its words
    and the label as written."""
    found: dict[str, tuple[str, str, str]] = {}
    for arm in arms:
        before = arm.start - 1
        if before < sent.start or doc[before].text not in {"(", "["}:
            continue
        # The drug right before the parenthesis, or before "alone" / "only" there.
        group = next((g for g in groups if g[3] in (before, before - 1)), None)
        if group is not None:
            found[arm.text.lower()] = (group[0], group[1], arm.text)
    return found


def _score(cohort: Cohort, facts: ClauseFacts) -> int:
    """How well a cohort fits what a clause says about its group (arm, drug, control)."""
    score = 0
    if _same_label(cohort.arm_label, facts.arm_label):
        score += 4
    if facts.drug and cohort.drug == facts.drug and cohort.drug_status != "not_received":
        score += 2
    if facts.control and cohort.drug_status == "not_received":
        score += 2
    if facts.experimental and cohort.drug and cohort.drug_status not in (None, "not_received"):
        score += 2
    if facts.control and cohort.drug_status not in (None, "not_received"):
        score -= 2
    if facts.drug and not facts.control and cohort.drug_status == "not_received":
        score -= 2
    return score


def _implicit_cohort(state: _State, count: int, percent: float | None, facts: ClauseFacts,
                     conf: dict[str, float]) -> tuple[int | None, float]:
    """The cohort a count without "of N" belongs to.

    With an arm, drug or control named in the clause, the best fitting cohort of the
    article; otherwise the last larger cohort of this or the previous sentence.
    """
    if percent:
        # "72 patients (23%)": the group whose size gives that percentage.
        fitting = [c for c in reversed(state.cohorts) if c.size >= count
                   and abs(100 * count / c.size - percent) <= 0.5 and _score(c, facts) >= 0]
        if fitting:
            best = max(fitting, key=lambda c: _score(c, facts))
            return best.index, conf["count_same_sentence"]
    if facts.arm_label or facts.drug or facts.control or facts.experimental:
        fitting = [c for c in reversed(state.cohorts) if c.size >= count and _score(c, facts) > 0]
        if fitting:
            best = max(fitting, key=lambda c: _score(c, facts))
            return best.index, conf["count_same_sentence"]
    for pool, key in ((state.last_in_sentence, "count_same_sentence"),
                      (state.last_in_previous, "count_previous_sentence")):
        for index in reversed(pool):
            if state.cohorts[index].size >= count:
                return index, conf[key]
    # Otherwise the study population: the first group large enough.
    first = next((c for c in state.cohorts if c.size >= count and c.parent is None), None)
    if first is not None:
        return first.index, conf["count_previous_sentence"]
    return None, conf["unlinked"]


def _recent(state: _State) -> Cohort | None:
    pool = state.last_in_sentence or state.last_in_previous
    if pool:
        return state.cohorts[pool[-1]]
    return state.cohorts[-1] if state.cohorts else None


def _remember(state: _State, index: int) -> None:
    if index in state.last_in_sentence:
        state.last_in_sentence.remove(index)
    state.last_in_sentence.append(index)


def _find_cohort(state: _State, size: int, facts: ClauseFacts) -> Cohort | None:
    """The cohort of this size that best fits the clause; the most recent on a tie."""
    same = [c for c in reversed(state.cohorts) if c.size == size]
    if not same:
        return None
    return max(same, key=lambda c: _score(c, facts))  # max keeps the first (most recent) tie


def _new_cohort(state: _State, size: int, size_text: str, sent_index: int, span: Span,
                facts: ClauseFacts, *, parent: Cohort | None, statement: bool,
                confidence: float, same_arm: bool = False) -> Cohort:
    """A new cohort. With ``same_arm`` a labelled clause names its arm again with another
    denominator ("20 (54%) of 37 treated patients in cohort A"), not a subgroup of it."""
    label = facts.arm_label
    arm: str | None = None
    arm_label: str | None = None
    if label:
        labelled = next((c for c in reversed(state.cohorts) if _same_label(c.arm_label, label)),
                        None)
        if labelled is not None and labelled.size == size:
            _fill(labelled, facts, state)
            return labelled  # "24 patients in Group 1" again: the same cohort
        if labelled is not None and same_arm:
            parent, arm = labelled, labelled.arm
        elif labelled is not None:  # "the first five patients in Group 1": a subgroup
            parent = labelled
            arm = f"{labelled.arm}, {size_text}"
        else:  # the clause defines the arm
            arm = f"{label} ({facts.setting})" if facts.setting else label
            arm_label = label
    elif parent is not None and parent.arm:
        arm = f"{parent.arm}, {size_text}"
    cohort = Cohort(index=len(state.cohorts), size=size, size_text=size_text, sent=sent_index,
                    start_char=span.start_char, end_char=span.end_char, arm=arm,
                    arm_label=arm_label, parent=parent.index if parent else None,
                    statement=statement, confidence=confidence)
    _fill(cohort, facts, state)
    if parent is not None:
        _inherit(cohort, parent)
    state.cohorts.append(cohort)
    return cohort


def _fill(cohort: Cohort, facts: ClauseFacts, state: _State) -> None:
    """Take what the clause says about the cohort, without erasing what is known."""
    if facts.control and not cohort.drug:
        # A placebo or observation arm: the experimental drug, not received.
        experimental = state.sentence_drug or state.experimental
        if experimental:
            # What the experimental arm had beyond the control's background drugs.
            tested = [p for p in experimental[0].split(" + ") if p not in facts.background]
            cohort.drug = " + ".join(tested or experimental[0].split(" + "))
        cohort.drug_mention = facts.drug_mention
    elif facts.drug and not cohort.drug:
        cohort.drug, cohort.drug_mention = facts.drug, facts.drug_mention
    elif not cohort.drug and facts.experimental and (state.sentence_drug or state.experimental):
        cohort.drug, cohort.drug_mention = state.sentence_drug or state.experimental  # type: ignore[misc]
        cohort.drug_status = "received"
    elif not cohort.drug and facts.arm_label and facts.arm_label.lower() in state.arm_drugs:
        cohort.drug, cohort.drug_mention = state.arm_drugs[facts.arm_label.lower()]
        cohort.drug_status = cohort.drug_status or "received"
    elif not cohort.drug and state.only_drug and not facts.comparison:
        cohort.drug, cohort.drug_mention = state.only_drug
        cohort.drug_status = cohort.drug_status or facts.drug_status or "received"
    if facts.drug_status:
        cohort.drug_status = facts.drug_status
    if facts.procedure and not cohort.procedure:
        cohort.procedure = facts.procedure


def _inherit(cohort: Cohort, parent: Cohort) -> None:
    if not cohort.drug:
        cohort.drug, cohort.drug_mention = parent.drug, parent.drug_mention
    if not cohort.drug_status:
        cohort.drug_status = parent.drug_status
    if not cohort.procedure:
        cohort.procedure = parent.procedure


def _add_event(state: _State, cohort: int | None, count: int, percent: float | None,
               outcome: Cue, facts: ClauseFacts, sent_index: int, span: Span,
               confidence: float) -> None:
    state.last_outcome = outcome
    group = state.cohorts[cohort] if cohort is not None else None
    drug, mention, status = facts.drug, facts.drug_mention, facts.drug_status
    if facts.control:  # the control arm's own drug is the experimental one, not received
        drug = group.drug if group else (state.sentence_drug or state.experimental or (None,))[0]
    elif drug and group is not None and group.drug and group.drug_status != "not_received" \
            and set(drug.split(" + ")) < set(group.drug.split(" + ")):
        drug, mention = group.drug, group.drug_mention  # "IBRANCE" of "IBRANCE plus letrozole"
    elif drug is None and group is None and state.only_drug:
        drug, mention = state.only_drug
        status = status or "received"
    state.events.append(Event(
        cohort=cohort, count=count, outcome=outcome.id, outcome_mention=outcome.text,
        sent=sent_index, start_char=span.start_char, end_char=span.end_char, percent=percent,
        drug=drug, drug_mention=mention, drug_status=status, procedure=facts.procedure,
        confidence=confidence, outcome_at=outcome.start,
    ))


# --------------------------------------------------------------------------- tables


def _cells(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the cells of a flattened table row ("a | b | c")."""
    cells, start = [], sent.start
    for token in sent:
        if token.text == "|":
            cells.append((start, token.i))
            start = token.i + 1
    cells.append((start, sent.end))
    return [(a, b) for a, b in cells if b > a and not all(t.is_space for t in doc[a:b])]


def link_table_row(doc: Doc, sent: Span, sent_index: int, cues: list[Cue],
                   drug_ents: list[Span], state: _State, settings: LinkSettings, *,
                   numbers: list[Span], title: Span | None = None,
                   title_cues: list[Cue] | None = None) -> None:
    """A header row names the arms of the columns; a data row gives an outcome per column.

    Header: "Outcome | Arm A (n = 124) | Arm B (n = 126)". Data: "Alive | 78 (62.9%) | 91 (72.2%)".
    A header without sizes takes its columns' groups from the treatments they name
    ("Event | Nivolumab | Placebo"), or all from the one size of the title above it
    ("Table 3. Adverse events (N = 48)" / "Event | Any grade | Grade 3").
    """
    cells = _cells(doc, sent)
    if len(cells) < 2:
        return
    sizes = [_cell_size(doc, a, b) for a, b in cells[1:]]
    if not any(sizes) and not any(_starts_with_count(doc, a, b) for a, b in cells[1:]):
        _link_plain_header(doc, sent, sent_index, cells, cues, drug_ents, state, settings,
                           title, title_cues or [])
        return
    if sum(s is not None for s in sizes) >= 2:
        columns: list[int | None] = []
        for (a, b), size in zip(cells[1:], sizes, strict=True):
            facts = clause_facts(doc, Clause(a, b), cues, drug_ents, settings)
            found = _find_cohort(state, size, facts) if size is not None else None
            if found is None and size is not None:
                found = _new_cohort(state, size, str(size), sent_index, doc[a:b], facts,
                                    parent=None, statement=False, confidence=settings.confidence["fraction"],
                                    same_arm=True)
            columns.append(found.index if found else None)
        state.table = columns
        state.arms = [c for c in columns if c is not None]
        return
    if state.table is None:
        return
    first = cells[0]
    outcomes = _longest([c for c in cues if first[0] <= c.start and c.end <= first[1]], "OUTCOME")
    if not outcomes and state.table_outcome is not None:
        # A row of an adverse-event table names the event in its own words.
        outcomes = [Cue("OUTCOME", state.table_outcome.id, first[0], first[1],
                        doc[first[0]:first[1]].text.strip())]
    if not outcomes:
        return
    facts = clause_facts(doc, Clause(*first), cues, drug_ents, settings)
    number_at = {s.start: s for s in numbers if sent.start <= s.start < sent.end}
    for (a, b), cohort in zip(cells[1:], state.table, strict=False):
        numbers = [t for t in doc[a:b] if t._.num_value is not None]
        if not numbers or cohort is None or numbers[0]._.num_value != int(numbers[0]._.num_value):
            continue
        count = int(numbers[0]._.num_value)
        percent = _stated_percent(doc, numbers[0].i + 1, b, number_at)
        _add_event(state, cohort, count, percent, outcomes[0], facts, sent_index, doc[a:b],
                   settings.confidence["fraction"])


def _starts_with_count(doc: Doc, a: int, b: int) -> bool:
    first = next((t for t in doc[a:b] if not t.is_space), None)
    return first is not None and (first._.num_value is not None or bool(fraction_parts(first.text)))


def _link_plain_header(doc: Doc, sent: Span, sent_index: int, cells: list[tuple[int, int]],
                       cues: list[Cue], drug_ents: list[Span], state: _State,
                       settings: LinkSettings, title: Span | None, title_cues: list[Cue]) -> None:
    """Columns of a header row that gives no sizes (see link_table_row)."""
    state.table, state.table_outcome = None, None
    title_sizes = [] if title is None else [
        size for t in title if t.lower_ == "n"
        and (size := _cell_size(doc, t.i, min(t.i + 3, title.end))) is not None]
    columns: list[int | None] = []
    for a, b in cells[1:]:
        facts = clause_facts(doc, Clause(a, b), cues, drug_ents, settings)
        found = None
        if facts.drug or facts.control or facts.arm_label:
            fitting = [c for c in reversed(state.cohorts) if _score(c, facts) > 0]
            found = max(fitting, key=lambda c: _score(c, facts)) if fitting else None
        elif len(title_sizes) == 1:
            found = _find_cohort(state, title_sizes[0], facts)
            if found is None:
                found = _new_cohort(state, title_sizes[0], str(title_sizes[0]), sent_index,
                                    doc[a:b], facts, parent=None, statement=False,
                                    confidence=settings.confidence["fraction"])
            if title is not None and found.sent == sent_index - 1:
                found.statement = False  # a caption, not a statement about the group
        columns.append(found.index if found else None)
    if any(c is not None for c in columns):
        state.table = columns
        outcomes = _longest([c for c in title_cues + cues if c.label == "OUTCOME"], "OUTCOME")
        state.table_outcome = next((c for c in outcomes if c.id == "adverse_event"), None)


def _cell_size(doc: Doc, a: int, b: int) -> int | None:
    """N of a header cell: "(n = 124)", "n=124", "(N = 98)"."""
    for t in doc[a:b]:
        if t.lower_ == "=" and t.i - 1 >= a and doc[t.i - 1].lower_ == "n" and t.i + 1 < b:
            value = doc[t.i + 1]._.num_value
            if value is not None and value == int(value):
                return int(value)
    return None


def _assign_respectively(state: _State, first_event: int) -> None:
    """'... in 29, 17 and 16 patients' after three arms: one count per arm, in order.

    When a sentence gives as many counts of one outcome as there are arms, and the counts
    were not tied to a group by the text itself, they go to the arms in the order given.
    """
    if len(state.arms) < 2:
        return
    events = state.events[first_event:]
    # One list per naming of an outcome: "recurrence in 29, 17 and 16 patients and distant
    # metastases in 24, 19 and 11" are two lists, even when both map to one outcome.
    by_outcome: dict[tuple[str, int], list[Event]] = {}
    for event in events:
        by_outcome.setdefault((event.outcome, event.outcome_at), []).append(event)
    for group in by_outcome.values():
        if len(group) != len(state.arms) or len({e.cohort for e in group}) == len(state.arms) \
                and [e.cohort for e in group] == state.arms:
            continue
        if any(e.confidence >= 0.9 for e in group):
            # Fractions name their group's size; "respectively" still says which arm it is.
            for event, arm in zip(group, state.arms, strict=True):
                if event.drug is None and event.cohort is not None:
                    cohort = state.cohorts[arm]
                    event.drug, event.drug_mention = cohort.drug, cohort.drug_mention
                    event.drug_status = cohort.drug_status
            continue
        for event, arm in zip(group, state.arms, strict=True):
            cohort = state.cohorts[arm]
            event.cohort = arm
            if event.from_percent and event.percent is not None:
                event.count = round(event.percent * cohort.size / 100)
            if not event.drug or event.drug != cohort.drug:
                event.drug, event.drug_mention = cohort.drug, cohort.drug_mention
                event.drug_status = cohort.drug_status


# --------------------------------------------------------------------------- component


class CohortLinker:
    """Finds cohorts and outcome counts; stores them as plain dicts on the Doc."""

    def __init__(self, nlp: Language, name: str, *, settings_path: str | None,
                 numbers_path: str | None) -> None:
        register_extensions()
        self.name = name
        self.settings = (LinkSettings.from_dict(read_json_file(settings_path))
                         if settings_path else None)
        self.units = (frozenset(u.lower() for u in read_json_file(numbers_path)["measure_units"])
                      if numbers_path else frozenset())

    def __call__(self, doc: Doc) -> Doc:
        if self.settings is None:
            raise ValueError(f"{self.name}: no linking settings loaded")
        cohorts, events = link_document(doc, self.settings, self.units)
        # Every field is a plain value, so a shallow copy is the dict asdict() would build
        # (without its recursive deep copies, ~10% of this component's time).
        doc._.onco_cohorts = [dict(vars(c)) for c in cohorts]
        doc._.onco_events = [dict(vars(e)) for e in events]
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.settings:
            srsly.write_json(path / "linking.json", self.settings.to_dict())
        srsly.write_json(path / "units.json", sorted(self.units))

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> CohortLinker:
        path = Path(path)
        self.settings = LinkSettings.from_dict(read_json_file(path / "linking.json"))
        self.units = frozenset(read_json_file(path / "units.json"))
        return self


@Language.factory(
    "onco_cohorts",
    requires=["doc.ents", "doc.spans", "token.is_sent_start"],
    assigns=["doc._.onco_cohorts", "doc._.onco_events"],
    default_config={"settings_path": None, "numbers_path": None},
)
def make_cohorts(nlp: Language, name: str, settings_path: str | None,
                 numbers_path: str | None) -> CohortLinker:
    return CohortLinker(nlp, name, settings_path=settings_path, numbers_path=numbers_path)
