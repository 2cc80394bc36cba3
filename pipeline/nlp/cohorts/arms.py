"""Arms of a trial: labels defined by treatment, options compared, totals over arms, 'respectively'."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..words import Words
from .groups import LinkState, gives_share
from .records import CHANGED_STATUSES, Clause, ClauseFacts, Cohort, Cue, Event, LinkSettings
from .spans import same_label


def arm_definitions(doc: Doc, sent: Span, groups: list[tuple[str, str, int, int]],
                    arms: list[Cue], settings: LinkSettings) -> dict[str, tuple[str, str, str]]:
    """'nivolumab plus ipilimumab (cohort A)', 'Arm A (apixaban 5 mg)', 'Cohort 2: X plus Y',
    'Group 1 received X': the drug a labelled arm received, its words and the label as
    written."""
    found: dict[str, tuple[str, str, str]] = {}
    for arm in arms:
        before = arm.start - 1
        if before >= sent.start and doc[before].text in {"(", "["}:
            # The drug right before the parenthesis, or before "alone" / "only" there, or
            # before its dose and schedule ("X 60 mg/m2 plus Y 1.1 mg/m2 every 3 weeks (Arm A)").
            group = next((g for g in groups if g[3] in (before, before - 1)), None) \
                or next((g for g in reversed(groups) if g[3] < before
                         and _only_schedule(doc, g[3], before, settings)), None)
        elif before >= sent.start and doc[before].text in {";", ","} and (
                group := next((g for g in groups if g[3] == before
                               and sum((t.text in {"(", "["}) - (t.text in {")", "]"})
                                       for t in doc[g[2]:g[3]]) > 0), None)):
            pass  # "sertraline (Zoloft; cohort A, n = 162)": the label shares the drug's bracket
        else:
            group = _named_after(doc, sent, arm, groups, arms, settings)
        if group is not None:
            found.setdefault(arm.text.lower(), (group[0], group[1], arm.text))
    return found


def _only_schedule(doc: Doc, start: int, end: int, settings: LinkSettings) -> bool:
    """Are the words [start, end) only a dose and schedule ('1.1 mg/m2 every 3 weeks')?"""
    return all(t.like_num or t.lower_ in settings.dose_words
               or t.lower_ in settings.treatment_modifiers
               or t.lower_ in settings.arm_schedule_words for t in doc[start:end])


def _named_after(doc: Doc, sent: Span, arm: Cue, groups: list[tuple[str, str, int, int]],
                 arms: list[Cue], settings: LinkSettings) -> tuple[str, str, int, int] | None:
    """The treatment a label is defined by right after it ('Arm A (apixaban)', 'Arm B:
    placebo', 'Cohort 1 received X'), with only linking words between."""
    # "Arm A (n = 120) received X"
    start = _after_size_bracket(doc, arm.end, sent.end, settings.size_bracket_words)
    end = min(sent.end, start + settings.arm_definition_reach + 1)
    for i in range(start, end):
        group = next((g for g in groups if g[2] == i), None)
        if group is not None:
            return group
        word = doc[i]
        if word.lower_ not in settings.arm_definition_links or any(a.start == i for a in arms):
            return None
    return None


def _after_size_bracket(doc: Doc, i: int, end: int, size_words: frozenset[str]) -> int:
    """The token after a bracket at ``i`` that gives only a group's size ("(n = 120)", "(120
    patients)"), or ``i`` when there is none."""
    if i >= end or doc[i].text not in {"(", "["}:
        return i
    for k in range(i + 1, min(end, i + 6)):
        word = doc[k]
        if word.text in {")", "]"}:
            return k + 1 if k > i + 1 else i
        if not (word.like_num or word.lower_ in size_words or word.lower_.startswith("n=")):
            return i
    return i


def label_taken(state: LinkState, label: str | None, sent_index: int) -> bool:
    """'X 7 mg (cohort A, n = 235), X 14 mg (cohort B, n = 236) or placebo (n = 234)': the
    clause's label already named another group of this sentence, so a count named by its own
    treatment and no label ('placebo (n = 234)') is not of that arm."""
    return label is not None and any(c.sent == sent_index and same_label(c.arm_label, label)
                                     for c in reversed(state.cohorts))


def arm_signature(cohort: Cohort) -> tuple[str | None, str | None, bool]:
    """What tells an arm from another: its label, or its treatment and whether it got it."""
    if cohort.arm_label:
        return (cohort.arm_label.lower(), None, False)
    return (None, cohort.drug, cohort.drug_status == "not_received")


def compared_options(doc: Doc, clauses: list[Clause], all_facts: list[ClauseFacts],
             groups: list[tuple[str, str, int, int]],
             settings: LinkSettings) -> list[tuple[str, bool]]:
    """The treatments a clause that compares offers ("to X plus Y, or Y alone")."""
    for clause, facts in zip(clauses, all_facts, strict=True):
        if not facts.comparison:
            continue
        found: list[tuple[str, bool]] = []
        last_end = -1
        for g in groups:
            if clause.start <= g[2] and g[3] <= clause.end:
                if _appositive(doc, g, last_end, settings):
                    continue  # "to X plus Y, an antibody that ...,": what Y is, no option
                last_end = g[3]
                after = doc[g[3]] if g[3] < clause.end else None
                if after is not None and after.lower_ in settings.arm_nouns and found \
                        and set(g[0].split(" + ")) < set(found[-1][0].split(" + ")):
                    continue  # "X plus Y (the X group)": the name of the option before
                found.append((g[0], after is not None and after.lower_ in settings.alone_words))
        if len(found) >= 2:
            return found
    return []


def _appositive(doc: Doc, group: tuple[str, str, int, int], last_end: int,
                settings: LinkSettings) -> bool:
    """'X plus Y, an antibody that ...': a group the words right after another one open with
    a comma and a determiner describes that one."""
    k = group[2]
    return k >= 2 and k - 2 == last_end and doc[k - 2].text == "," \
        and doc[k - 1].lower_ in settings.determiners


def sentence_offers(doc: Doc, groups: list[tuple[str, str, int, int]],
                    settings: LinkSettings) -> list[tuple[str, bool]]:
    """The treatments a sentence's groups offer, one per group, "alone" marked: "74 to X plus
    Y, an antibody, and 76 to Y alone" (the appositive describes Y, no option)."""
    found, last_end = [], -1
    for g in groups:
        if _appositive(doc, g, last_end, settings):
            continue
        last_end = g[3]
        found.append((g[0], g[3] < len(doc) and doc[g[3]].lower_ in settings.alone_words))
    return found


def kept_options(doc: Doc, groups: list[tuple[str, str, int, int]],
                 options: list[tuple[str, bool]], settings: LinkSettings) -> list[tuple[str, bool]]:
    """The options a sentence compared, as later sentences name them: an add-on option
    written in pieces is one (joined_add_on; the pieces may begin before the clause that
    compares)."""
    joined = joined_add_on([(g[0], g[3] < len(doc) and doc[g[3]].lower_ in settings.alone_words)
                            for g in groups])
    if joined is None or _sized_options(doc, groups, settings) > len(joined):
        return options  # ("X plus Y (n = 138), X as monotherapy (n = 137) or Y alone (n = 136)")
    return joined


def _sized_options(doc: Doc, groups: list[tuple[str, str, int, int]],
                   settings: LinkSettings) -> int:
    """How many brackets that give only a group's size ('(n = 138)') the sentence of the
    groups has from its first group on: one per arm randomized."""
    if not groups:
        return 0
    end = doc[groups[-1][3] - 1].sent.end
    return sum(_after_size_bracket(doc, k, end, settings.size_bracket_words) != k
               for k in range(groups[0][2], end) if doc[k].text in {"(", "["})


def joined_add_on(options: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """'to carboplatin (AUC 6) and paclitaxel (200 mg/m2) every 3 weeks with X (10 mg/kg),
    followed by X maintenance (X group), or to carboplatin and paclitaxel alone': an option
    written in pieces, its doses and schedule between its drugs, and named again by a part.
    When the last option is given "alone" and no other holds it whole but their union, the
    others together are the one arm that adds a drug to it (two arms that each add theirs,
    'Y plus X, Y plus Z or Y alone', stay apart). None when the options are no such pieces."""
    if len(options) < 3 or not options[-1][1] or any(o[1] for o in options[:-1]):
        return None
    backbone = set(options[-1][0].split(" + "))
    others = [set(o[0].split(" + ")) for o in options[:-1]]
    joined = set().union(*others)
    if any(backbone <= parts != joined for parts in others) or not backbone < joined:
        return None
    return [(" + ".join(sorted(joined)), False), options[-1]]


def option_doses(words: Words, clauses: list[Clause], all_facts: list[ClauseFacts],
                 groups: list[tuple[str, str, int, int]],
                 settings: LinkSettings) -> list[tuple[str, ...]]:
    """The dose terms of each treatment compared_options finds ("to X 45 mg twice daily, X
    15 mg twice daily or placebo": '45 mg', '15 mg', none), in its order."""
    for clause, facts in zip(clauses, all_facts, strict=True):
        if not facts.comparison:
            continue
        mine = [g for g in groups if clause.start <= g[2] and g[3] <= clause.end]
        if len(mine) >= 2:
            ends = [g[2] for g in mine[1:]] + [clause.end]
            return [() if g[0] in settings.control_drugs else dose_terms(words, g[3], end, settings)
                    for g, end in zip(mine, ends, strict=True)]
    return []


#: Settings (SETTING cue ids) of a phase after the treatment compared: "went on to X
#: maintenance" names X given on its own, not the option X was part of.
_LATER_PHASES = frozenset({"maintenance", "consolidation"})


def name_option(facts: ClauseFacts, options: list[tuple[str, bool]],
                arm_drugs: frozenset[str] = frozenset()) -> None:
    """'the durvalumab group' after 'randomized to etoposide plus carboplatin with
    durvalumab, or etoposide plus carboplatin alone': the option it names, in full (but not
    a drug that is itself the treatment of an arm, ``arm_drugs``: 'with lanreotide' in a
    trial of lanreotide, lanreotide plus everolimus and placebo)."""
    if name_control(facts, options) or _widen_to_option(facts, options, arm_drugs):
        pass
    elif facts.alone and not facts.drug:
        alone = [o for o in options if o[1]]
        if len(alone) == 1:
            added = added_drug(alone[0][0], options)
            if added is not None:
                # "FTD/TPI plus bevacizumab or FTD/TPI alone": the backbone-alone arm is the
                # control of an add-on comparison, without the added drug (corpora/README).
                facts.drug, facts.control, facts.alone = added, False, False
                facts.drug_status = "not_received"
            else:
                facts.drug, facts.control, facts.alone = alone[0][0], False, False
                facts.drug_status = "received"


def _widen_to_option(facts: ClauseFacts, options: list[tuple[str, bool]],
                     arm_drugs: frozenset[str]) -> bool:
    """'the durvalumab group': the one option the clause's drug is a part of. Whether the
    clause names a drug that may be so read."""
    names = {o[0] for o in options} | arm_drugs
    if not (facts.drug and facts.drug not in names and facts.drug_status not in CHANGED_STATUSES
            and facts.drug_status != "not_received" and facts.setting not in _LATER_PHASES):
        return False  # ("never started everolimus", "everolimus was discontinued": that part alone)
    parts = set(facts.drug.split(" + "))
    wider = [o for o in options if parts < set(o[0].split(" + "))]
    if len(wider) == 1:
        facts.drug = wider[0][0]
    return True


def widen_to_arm(facts: ClauseFacts, state: LinkState) -> None:
    """'70 of the patients given vedolizumab' after arms of vedolizumab plus azathioprine and
    placebo plus azathioprine, and another trial's arms since: a drug named alone that no arm
    last defined received, but that is a part of one earlier arm's treatment (and of no other
    treatment a group received), names that arm."""
    if not facts.drug or facts.control or facts.drug_status in CHANGED_STATUSES \
            or facts.drug_status == "not_received" or facts.setting in _LATER_PHASES:
        return
    parts = set(facts.drug.split(" + "))
    if any(parts <= set((state.cohorts[a].drug or "").split(" + ")) for a in state.arms):
        return  # (a part of the current arms' treatment: the options read it)
    received = {c.drug for c in state.cohorts if c.drug and c.parent is None
                and c.drug_status == "received" and c.index not in state.spanning}
    # (not a group given the union of arms' treatments: "842 screened ... X or Y")
    wider = [t for t in received if parts <= set(t.split(" + ")) and not any(
        set(u.split(" + ")) < set(t.split(" + ")) for u in received)]
    if len(wider) == 1:
        facts.drug = wider[0]


def name_pieces(facts: ClauseFacts, options: list[tuple[str, bool]], arm_drugs: frozenset[str],
                *, alone: bool) -> None:
    """name_option with the options of an add-on comparison written in pieces (kept_options):
    'patients receiving X' is the arm that added X, and 'receiving Y alone' (said "alone")
    its control."""
    if alone:
        name_control(facts, options)
    elif not facts.control:
        _widen_to_option(facts, options, arm_drugs)


def name_control(facts: ClauseFacts, options: list[tuple[str, bool]]) -> bool:
    """'73 of 179 given mycophenolate alone', '76 to doxorubicin alone' where the options are
    'X plus mycophenolate or mycophenolate alone': the control arm of an add-on comparison,
    named by its backbone, did not receive the added drug. Whether it named one."""
    if not facts.drug or facts.control or (facts.drug, True) not in options:
        return False
    added = added_drug(facts.drug, options)
    if added is None:
        return False
    facts.drug, facts.drug_status, facts.alone = added, "not_received", False
    return True


def added_drug(backbone: str, options: list[tuple[str, bool]]) -> str | None:
    """The drug every other option adds to the one given alone ("X + Y" and "Y alone": X; "X
    + Y", "X" and "Y alone": X too, the third arm gives X without the backbone), or
    None when they add different drugs ("FOLFOX + bevacizumab", "FOLFOX + cetuximab"), are no
    add-on, or several options are given alone (a factorial design: "X + Y", "X alone", "Y
    alone")."""
    if [o[0] for o in options if o[1]] != [backbone]:
        return None
    others = [set(o[0].split(" + ")) for o in options if not o[1]]
    base = set(backbone.split(" + "))
    added = {frozenset(o - base) for o in others}
    # (a third arm given the added drug alone, "X plus Y, X or Y alone", adds the same X)
    if len(added) != 1 or not any(base < o for o in others) \
            or not all(base < o or o == set(next(iter(added))) for o in others):
        return None
    return " + ".join(sorted(next(iter(added))))


def clear_totals(state: LinkState) -> None:
    """'238 patients ... Of these, 119 were assigned to azacitidine and 119 to placebo': a
    group split right after into arms that received different things is the total over
    those arms, which received no one treatment. ('297 received X. Of these, 284 completed
    both cycles; the second was not given to 13': a split by a change of treatment, those
    who kept X and those who stopped it, is no split into arms.)"""
    cohorts = state.cohorts
    for total in cohorts:
        if not total.drug:
            continue
        k, parts = total.index + 1, 0
        signatures = set()
        changed = False
        while k < len(cohorts) and parts < total.size and cohorts[k].sent <= total.sent + 1:
            part = cohorts[k]
            parts += part.size
            signatures.add((part.drug, part.drug_status == "not_received"))
            changed = changed or part.drug_status in CHANGED_STATUSES
            k += 1
        if parts == total.size and k - total.index > 2 and len(signatures) >= 2 and not changed:
            total.drug = total.drug_mention = total.drug_status = None


def clear_sentence_total(state: LinkState, first_new: int, first_event: int = -1) -> None:
    """'A total of 608 patients received at least one dose: 204 in Arm A, 204 in Arm B and
    200 in Arm C': a group the sentence opens with and then splits into arms named before
    (the same cohorts again, or parts of them) is the total over those arms. ('Among the 108
    patients with X, 54 of 72 in the A group and 20 of 36 in the placebo group ...': the
    treatment of each part is what the sentence's counts of it say, ``first_event`` on.)"""
    named = state.last_in_sentence
    if len(named) < 3 or named[0] < first_new:
        return
    total, parts = state.cohorts[named[0]], [state.cohorts[i] for i in named[1:]]
    if sum(p.size for p in parts) != total.size \
            or any(p.parent == total.index for p in parts):
        return
    said = {e.cohort: (e.drug, e.drug_status == "not_received")
            for e in (state.events[first_event:] if first_event >= 0 else ())
            if e.drug is not None and e.drug_status is not None}
    counted = {said.get(p.index, (p.drug, p.drug_status == "not_received")) for p in parts}
    if len({(p.drug, p.drug_status == "not_received") for p in parts}) >= 2 \
            or len({sig for sig in counted if sig[0] is not None}) >= 2:
        total.drug = total.drug_mention = total.drug_status = None
        state.spanning.add(total.index)


def clear_frame_total(state: LinkState, first_new: int, first_event: int) -> None:
    """'Among the 488 infants born at 35 to 37 weeks, RSV occurred in 3/325 versus 9/163' in a
    trial of X against placebo: a group the sentence opens with, made up by the groups its
    counts are of, is a subgroup total over the arms (corpora/README), which received no one
    treatment. Two readings find it: the groups the sentence made after it, in a trial of two
    treatments or more; or the groups it names after it, known or new (_clear_named_parts)."""
    _clear_made_parts(state, first_new, first_event)
    _clear_named_parts(state, first_new, first_event)


def _clear_made_parts(state: LinkState, first_new: int, first_event: int) -> None:
    new = state.cohorts[first_new:]
    if len(new) < 3:
        return
    earlier = [c for c in state.cohorts[:first_new] if c.drug and c.parent is None]
    if len({(c.drug, c.drug_status == "not_received") for c in earlier}) < 2:
        return  # one treatment: its parts may still be parts of it
    total, parts = new[0], new[1:]
    counted = {e.cohort for e in state.events[first_event:]}
    if sum(p.size for p in parts) != total.size or total.index in counted \
            or not all(p.index in counted for p in parts):
        return
    total.drug = total.drug_mention = total.drug_status = None
    state.spanning.add(total.index)


def _clear_named_parts(state: LinkState, first_new: int, first_event: int) -> None:
    """'Among the 131 participants with severe depression, response occurred in 38 of 67
    receiving X and 26 of 64 receiving Y': a frame this sentence opens with, whose parts it
    then counts one by one and whose sizes add up to it, is a total over the arms
    (corpora/README: a subgroup total, a cohort row with no drug). ('...; among the 290
    without it, 20 of 145 and 35 of 145': so is each frame after the parts of the last.)"""
    named = state.last_in_sentence
    counted = {e.cohort for e in state.events[first_event:]}
    while len(named) >= 3 and named[0] >= first_new:
        total, parts = state.cohorts[named[0]], named[1:]
        sums = [sum(state.cohorts[p].size for p in parts[:k]) for k in range(1, len(parts) + 1)]
        if total.size in sums[1:]:
            parts = parts[:sums.index(total.size) + 1]
        if not all(p in counted for p in parts) \
                or sum(state.cohorts[p].size for p in parts) != total.size \
                or any(state.cohorts[p].drug_status in CHANGED_STATUSES for p in parts):
            return  # (parts split by a change of treatment: those who kept X and who stopped it)
        total.drug = total.drug_mention = total.drug_status = None
        state.spanning.add(total.index)
        named = named[1 + len(parts):]


def clear_pooled_frame(words: Words, state: LinkState, first_new: int, sent_index: int) -> None:
    """'The primary outcome occurred in 14 of 1,058 with X and 33 of 1,050 with placebo. Of the
    47 participants who reached the primary outcome, 44 ...': a group named as known ('the
    47') as large as the events the sentence before counted in two groups or more, and given
    no treatment by its own sentence, is those events pooled over the groups, which received
    no one treatment."""
    lists: dict[tuple[str, int], list[Event]] = {}
    for event in state.events:
        if event.sent == sent_index - 1 and event.cohort is not None:
            lists.setdefault((event.outcome, event.outcome_at), []).append(event)
    pooled = {sum(e.count for e in group) for group in lists.values()
              if len({e.cohort for e in group}) >= 2}
    for cohort in state.cohorts[first_new:]:
        if cohort.parent is not None or cohort.size not in pooled or cohort.drug:
            continue
        at = bisect_right(words.idx, cohort.start_char) - 1
        if at > 0 and words.lower[at - 1] in _KNOWN_DETERMINERS:
            state.spanning.add(cohort.index)
            state.pooled.add(cohort.index)
            return


#: Words before a size that name a group already known ("Of the 47 who ...").
_KNOWN_DETERMINERS = frozenset({"the", "these", "those"})


def assign_respectively(state: LinkState, first_event: int,
                        treated: tuple[list[int], list[int]] | None = None,
                        order: list[int] | None = None) -> None:
    """'... in 29, 17 and 16 patients' after three arms: one count per arm, in order.
    (With ``treated``, the treated parts of the whole arms: a harm's share may be of those.)

    When a sentence gives as many counts of one outcome as there are arms, and the counts
    were not tied to a group by the text itself, they go to the arms in the order given
    (``order``: the arms in the order the sentence names them, "in the B and A groups,
    respectively").
    """
    if len(state.arms) < 2:
        return
    events = state.events[first_event:]
    # One list per naming of an outcome: "recurrence in 29, 17 and 16 patients and distant
    # metastases in 24, 19 and 11" are two lists, even when both map to one outcome.
    by_outcome: dict[tuple[str, int], list[Event]] = {}
    for event in events:
        by_outcome.setdefault((event.outcome, event.outcome_at), []).append(event)
    arms = len(state.arms)
    lists: list[list[Event]] = []
    for group in by_outcome.values():
        # "candidiasis in 27 and 6 patients, respectively, and dysphonia in 19 and 8" when
        # both lists took the first outcome: one list per round of the arms.
        step = arms if len(group) > arms and len(group) % arms == 0 else len(group)
        lists += [group[k:k + step] for k in range(0, len(group), step)]
    named: list[int] | None = None  # the groups a list of fractions of this sentence named
    for group in lists:
        own = state.cohorts[group[0].cohort] if group[0].cohort is not None else None
        if own is not None and own.drug_status != "not_received" and all(
                e.cohort == own.index and e.drug == own.drug and e.drug_status == own.drug_status
                and e.drug_mention and e.drug_mention == own.drug_mention for e in group):
            continue  # "in 74.2% of patients receiving X (grade 3 or higher in 42.7%)": one arm
        if len(group) != len(state.arms) or order is None and len({e.cohort for e in group}) \
                == len(state.arms) and {e.cohort for e in group} == set(state.arms) \
                and not _shares_fit_either_order(state, group) \
                or order is not None and [e.cohort for e in group] == order:
            continue  # one count per arm already ("71% in Arm B, 58% in Arm A and 40% in Arm C")
        if _named_for_other_arms(state, group):
            continue  # "In the first study, ... in 70 given X and 41 in the placebo group"
        if any(e.confidence >= 0.9 for e in group) and not (order is not None and all(
                _fits(e, state.cohorts[a]) for e, a in zip(group, order, strict=True))):
            # Fractions name their group's size; "respectively" still says which arm it is.
            for event, arm in zip(group, state.arms, strict=True):
                if event.drug is None and event.cohort is not None:
                    cohort = state.cohorts[arm]
                    event.drug, event.drug_mention = cohort.drug, cohort.drug_mention
                    event.drug_status = cohort.drug_status
            if all(e.cohort is not None for e in group) and len({e.cohort for e in group}) == len(group):
                # (fractions of two arms of one size, put in one of them, name neither)
                named = [e.cohort for e in group]  # type: ignore[misc]
            continue
        # "in 9/1998 versus 20/996, and very severe disease in four versus 11": the groups
        # the fractions just named, else the arms.
        targets = named if named is not None and all(
            _fits(event, state.cohorts[c]) for event, c in zip(group, named, strict=True)) \
            else order or _around_named_arms(state, group) or state.arms
        if not all(_fits(event, state.cohorts[arm]) or _fits_treated(event, arm, state, treated)
                   for event, arm in zip(group, targets, strict=True)):
            continue  # "101 patients (48.8%)" is no part of an arm of 53: another group
        for event, arm in zip(group, targets, strict=True):
            cohort = state.cohorts[arm]
            event.cohort = arm
            if event.from_percent and event.percent is not None:
                event.count = round(event.percent * cohort.size / 100)
            if not event.drug or event.drug != cohort.drug:
                event.drug, event.drug_mention = cohort.drug, cohort.drug_mention
                event.drug_status = cohort.drug_status


def _around_named_arms(state: LinkState, group: list[Event]) -> list[int] | None:
    """'60 in the X group and 80 in the chemotherapy group' after arms of 'A, B and C (n =
    148) or X (n = 150)': a count whose clause named the drug of exactly one arm stays with
    that arm, and the counts that named none take the other arms in order. None when no
    count so names an arm, or a count names no group at all ('headache (14 and 18)')."""
    if not all(e.drug_mention for e in group):
        return None
    arms = [state.cohorts[a] for a in state.arms]
    pinned: list[int | None] = []
    for event in group:
        fits = [c.index for c in arms if c.drug == event.drug
                and c.drug_status == event.drug_status and c.drug_status == "received"]
        pinned.append(fits[0] if len(fits) == 1 else None)
    kept = [a for a in pinned if a is not None]
    if not kept or len(set(kept)) != len(kept) or len(kept) == len(group):
        return None
    rest = iter(a for a in state.arms if a not in kept)
    return [a if a is not None else next(rest) for a in pinned]


def _named_for_other_arms(state: LinkState, group: list[Event]) -> bool:
    """Were the counts each tied to a group of its own by the treatment its clause names, none
    of them a treatment of the arms last defined (the arms of an earlier trial of the text,
    named again after another trial's)?"""
    cohorts = [state.cohorts[e.cohort] for e in group if e.cohort is not None]
    if len(cohorts) != len(group) or len({c.index for c in cohorts}) != len(group) \
            or not all(e.drug_mention for e in group) or any(c.drug is None for c in cohorts):
        return False
    arms = {(state.cohorts[a].drug, state.cohorts[a].drug_status == "not_received")
            for a in state.arms}
    return not any((c.drug, c.drug_status == "not_received") in arms for c in cohorts)


def named_order(words: Words, sent: Span, state: LinkState, first_event: int,
                drugs: list[Span], settings: LinkSettings, *,
                respectively: bool = True) -> list[int] | None:
    """'in 160 and 120 patients in the B and A groups, respectively', 'in 120 vs 160 patients
    (B vs A)': the arms in the order the sentence names them after its counts (each name one
    arm's own drug, or the control for the arm without it), or None when the names do not
    pick every arm once. Without ``respectively``, only names in brackets after the last
    count, or before counts that all stand in brackets ('B was inferior to A (22% vs 31%)')."""
    events = state.events[first_event:]
    if len(state.arms) < 2 or len(events) < 2 or any(
            e.cohort is not None and e.cohort not in state.arms for e in events):
        return None  # ("18/341 with X and 29/347 with Y": counts of the groups they name)
    after = min(e.end_char for e in events) if respectively else max(e.end_char for e in events)
    last = max((i for i in range(sent.start, sent.end)
                if words.lower[i] in settings.respectively_words), default=sent.end)
    named = [e for e in drugs if words.idx[e.start] >= after and e.start <= last]
    if not respectively and named and words.text[named[0].start - 1] != "(":
        return None
    if not named and not respectively:
        first = min(e.start_char for e in events)
        opened = words.doc_text.rfind("(", 0, first)
        if opened < sent.start_char or words.doc_text.rfind(")", opened, first) >= 0 or not all(
                e.end_char <= words.doc_text.find(")", opened) for e in events):
            return None
        named = [e for e in drugs if words.idx[e.start] < opened]
    return _arms_named(named, state, settings) or _one_arm_named(words, named, state, settings)


def _one_arm_named(words: Words, named: list[Span], state: LinkState,
                   settings: LinkSettings) -> list[int] | None:
    """'in 60 and 80 patients in the X and chemotherapy groups, respectively': of two arms,
    one named by its drug, the other by words that name no drug; the drug's place before or
    after 'and' gives the order."""
    if len(state.arms) != 2 or len(named) != 1:
        return None
    ent = named[0]
    fits = [a for a in state.arms if state.cohorts[a].drug_status == "received"
            and state.cohorts[a].drug == (ent.id_ or ent.text.lower())]
    if len(fits) != 1:
        return None
    other = next(a for a in state.arms if a != fits[0])
    if ent.end < len(words.lower) and words.lower[ent.end] in {"and", "or"}:
        return [fits[0], other]
    if words.lower[ent.start - 1] in {"and", "or"}:
        return [other, fits[0]]
    return None


def counted_order(words: Words, sent: Span, state: LinkState, first_event: int,
                  drugs: list[Span], settings: LinkSettings) -> list[int] | None:
    """'Death occurred in 60 patients with X versus 80 with standard chemotherapy' after arms
    of 'A, B and C (n = 148) or X (n = 150)': one count per arm, each followed right after
    (only linking words between) by the drug of at most one arm; the counts that named an arm's drug go to
    it, the others to the arms left, in order. None when no count names one."""
    events = state.events[first_event:]
    if len(state.arms) < 2 or len(events) != len(state.arms) or any(
            e.confidence >= 0.9 or e.cohort is not None and e.cohort not in state.arms
            for e in events):
        return None  # (fractions, and counts tied to other groups, name their own)
    at = [bisect_right(words.idx, e.start_char) - 1 for e in events]
    if at != sorted(at):
        return None
    links = settings.reference_words | settings.size_for_words | settings.determiners \
        | settings.assignment_words | settings.arm_definition_links
    pinned: list[int | None] = []
    for k, lo in enumerate(at):
        hi = at[k + 1] if k + 1 < len(at) else sent.end
        # ("60 patients with X", "80 in the X group": the drug right after the count)
        fits = {a for d in drugs if lo < d.start < hi
                and d.start - lo <= settings.arm_definition_reach + 1
                and all(w in links for w in words.lower[lo + 1:d.start]) for a in state.arms
                if state.cohorts[a].drug_status == "received"
                and state.cohorts[a].drug == (d.id_ or d.text.lower())}
        pinned.append(next(iter(fits)) if len(fits) == 1 else None)
    kept = [a for a in pinned if a is not None]
    if not kept or len(set(kept)) != len(kept):
        return None
    rest = iter(a for a in state.arms if a not in kept)
    return [a if a is not None else next(rest) for a in pinned]


def _arms_named(named: list[Span], state: LinkState, settings: LinkSettings) -> list[int] | None:
    """The arms the drug names pick, in order, when they pick every arm once."""
    order: list[int] = []
    for ent in named:
        control = ent.id_ in settings.control_drugs
        fits = [a for a in state.arms if (state.cohorts[a].drug_status == "not_received") == control
                and (control or ent.id_ in (state.cohorts[a].drug or "").split(" + "))]
        if len(fits) != 1:
            return None
        if fits[0] not in order:
            order.append(fits[0])
    return order if len(order) == len(state.arms) else None


def _shares_fit_either_order(state: LinkState, group: list[Event]) -> bool:
    """'11 (15%) versus 3 (4%)' after arms of 75 and 72: counts with no group named, each
    share fitting its arm in the order given as well as the arm it was put with; the
    order of the list says which arm is which."""
    if [e.cohort for e in group] == state.arms or any(
            e.percent is None or e.from_percent or e.drug for e in group):
        return False
    return all(_fits(e, state.cohorts[a]) for e, a in zip(group, state.arms, strict=True))


def _fits_treated(event: Event, arm: int, state: LinkState,
                  treated: tuple[list[int], list[int]] | None) -> bool:
    """'Serious adverse events in 48 (6.9%) and 55 (7.9%), respectively' after the arms of 700
    and 702 were said to have 696 and 699 treated: a harm counted over the treated part."""
    if treated is None or event.outcome != "adverse_event" or arm not in treated[1]:
        return False
    return _fits(event, state.cohorts[treated[0][treated[1].index(arm)]])


def _fits(event: Event, cohort: Cohort) -> bool:
    """Can the event be a count of this cohort: no larger, and its stated share of it?"""
    if event.from_percent:
        return True
    if event.count > cohort.size:
        return False
    if event.percent is None:
        return True
    # The share as written is what count / size gives, rounded ("158 (12.1%)" is of 1,301,
    # not of 1,297: 12.2%).
    return gives_share(event.count, cohort.size, event.percent)


#: An amount as written before its unit ("70", "0.5", "1,000").
_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")


#: id(settings) -> (settings, the phrase index of its schedules and ranks): built once per
#: settings object, not hashed per clause.
_PHRASES: dict[int, tuple[LinkSettings, dict[str, list[tuple[str, tuple[str, ...]]]]]] = {}


def _dose_phrases(settings: LinkSettings) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """First word -> (term, words), longest phrase first: 'twice daily' before 'daily'."""
    known = _PHRASES.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, phrases in (("", settings.dose_schedules), ("rank:", settings.dose_ranks)):
        for key, *words in phrases:
            index.setdefault(words[0], []).append((kind + key, tuple(words)))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[1]))
    _PHRASES[id(settings)] = (settings, index)
    return index


def dose_terms(words: Words, start: int, end: int, settings: LinkSettings,
               names: dict[int, str] | None = None) -> tuple[str, ...]:
    """The dose terms named in tokens [start, end): an amount ("70 mg", "the 70-mg group":
    '70 mg'), a schedule ("every 2 weeks", "Q2W": 'q2w') and a rank ("the higher dose":
    'rank:high'), sorted. They tell apart the arms of one drug given at several doses. With
    ``names`` (token -> the name of an arm that starts there: "switch group"), the names too
    ('name:switch group')."""
    lower, units = words.lower, settings.dose_units
    phrases = _dose_phrases(settings)
    found: set[str] = set()
    k = start
    while k < end:
        word = lower[k]
        if names and k in names:  # (and "low-dose group" is a rank too)
            found.add("name:" + names[k])
        amount, _, unit = word.partition("-")  # "70-mg", "1.5-mg/kg"
        if not unit and k + 1 < end:
            unit = lower[k + 1]
        if unit in units and _AMOUNT.match(amount):
            found.add(f"{float(amount.replace(',', '')):g} {unit}")
            k += 1 if "-" in word else 2
            continue
        phrase = next((p for p in phrases.get(word, ())
                       if tuple(lower[k:min(end, k + len(p[1]))]) == p[1]), None)
        if phrase is not None:
            found.add(phrase[0])
            k += len(phrase[1])
            continue
        k += 1
    return tuple(sorted(found))


def _dose_kind(term: str) -> str:
    return term.split(":", 1)[0] if ":" in term else "amount" if " " in term else "schedule"


def clause_dose(terms: tuple[str, ...], state: LinkState) -> tuple[str, ...]:
    """Of the dose terms a clause names ("in the 70-mg group", "with the higher dose"), those
    that pick one dose arm: a term some arms were defined with and others not, where every
    arm has a term of its kind ("once daily" said of the first of two arms given once daily
    picks none); a rank no arm was named by is the arm with the largest or smallest amount."""
    dosed = [c for c in state.cohorts if c.dose and c.parent is None]
    if not terms or not dosed:
        return ()
    picked: set[str] = set()
    for term in terms:
        kind = _dose_kind(term)
        if kind == "name":  # "in the switch group": the arm a bracket named so
            if any(term in c.dose for c in dosed):
                picked.add(term)
            continue
        if len(dosed) < 2:
            continue
        if kind == "rank" and not any(term in c.dose for c in dosed):
            ranked = _ranked_amount(term, dosed)
            if ranked is not None:
                picked.add(ranked)
            continue
        holders = sum(term in c.dose for c in dosed)
        if 0 < holders < len(dosed) and all(any(_dose_kind(t) == kind for t in c.dose)
                                            for c in dosed):
            picked.add(term)
    if not any(picked <= set(c.dose) for c in dosed):
        return ()  # "comparisons of 15 mg and 25 mg with placebo": no one arm
    return tuple(sorted(picked))


def _ranked_amount(rank: str, dosed: list[Cohort]) -> str | None:
    """'rank:high' of arms given 12 mg and 36 mg of one drug: '36 mg' (the doses of one drug
    in one unit; a comparator's dose is no rank of them)."""
    by_drug: dict[str | None, set[str]] = {}
    for c in dosed:
        by_drug.setdefault(c.drug, set()).update(t for t in c.dose if _dose_kind(t) == "amount")
    ranked = [a for a in by_drug.values()
              if len(a) >= 2 and len({t.split(" ", 1)[1] for t in a}) == 1]
    if len(ranked) != 1:
        return None
    pick = max if rank == "rank:high" else min
    return pick(ranked[0], key=lambda t: float(t.split(" ", 1)[0]))


def dose_arms(words: Words, sent: Span, state: LinkState, first_new: int,
              settings: LinkSettings) -> None:
    """'erenumab 70 mg monthly (n = 141), erenumab 140 mg monthly (n = 140) or placebo', '121
    to X 15 mg and 124 to X 25 mg': the dose terms of each arm the sentence defines (kept when
    two arms or more differ by them); an arm named by its dose alone ("or 1 mg/kg (n = 49)",
    "X 25 mg (the 25-mg group, 124 patients)") is given the drug of the dose arm before it."""
    new = [c for c in state.cohorts[first_new:] if c.parent is None and c.index not in state.spanning
           and c.drug_status != "not_received"]
    if len(new) < 2:
        return
    idx = words.idx
    starts = [bisect_right(idx, c.start_char) - 1 for c in new]
    ends = [bisect_right(idx, c.end_char - 1) for c in new]
    found = []
    for k, cohort in enumerate(new):
        lo = ends[k - 1] if k else sent.start
        hi = starts[k + 1] if k + 1 < len(new) else sent.end
        if _in_open_bracket(words, sent.start, starts[k]):  # "X 70 mg (n = 141)": the dose before
            found.append(dose_terms(words, lo, starts[k], settings))
        elif cohort.drug:  # "121 to X 15 mg": after (a total before its arms has no drug)
            found.append(dose_terms(words, ends[k], hi, settings))
        else:
            found.append(())
    if len({terms for terms in found if terms}) < 2:
        return
    previous: Cohort | None = None
    for cohort, terms in zip(new, found, strict=True):
        cohort.dose = terms
        if not cohort.drug and terms and previous is not None:
            cohort.drug, cohort.drug_mention = previous.drug, previous.drug_mention
            cohort.drug_status = cohort.drug_status or "received"
        if cohort.drug and terms:
            previous = cohort


def name_arms(words: Words, sent: Span, state: LinkState, first_new: int,
              names: dict[int, str]) -> None:
    """'41 patients were switched to nilotinib (switch group) and ...', 'X 12 mg once daily
    (low-dose group, n = 204)': the name a bracket gives the arm the sentence defines, beside
    its size or right after it, kept with its dose terms so that 'in the switch group' later
    reaches it."""
    new = [c for c in state.cohorts[first_new:] if c.parent is None and c.index not in state.spanning]
    idx = words.idx
    for k, cohort in enumerate(new):
        start = bisect_right(idx, cohort.start_char) - 1
        end = bisect_right(idx, cohort.end_char - 1)
        hi = bisect_right(idx, new[k + 1].start_char) - 1 if k + 1 < len(new) else sent.end
        named = None
        if _in_open_bracket(words, sent.start, start):  # "(switch group, n = 41)"
            opening = next(j for j in range(start - 1, sent.start - 1, -1)
                           if words.text[j] in {"(", "["})
            named = next((names[j] for j in range(opening + 1, start) if j in names), None)
        else:  # "41 were switched to nilotinib (switch group)"
            opening = next((j for j in range(end, hi) if words.text[j] in {"(", "["}), None)
            if opening is not None:
                j = opening + 1 + (words.lower[opening + 1] == "the")
                named = names.get(j)
        if named is not None:
            cohort.dose = tuple(sorted({*cohort.dose, "name:" + named}))


def name_arms_by_definition(words: Words, sent: Span, state: LinkState, first_new: int,
                            names: dict[int, str], kinds: frozenset[str]) -> None:
    """'randomly assigned to intensified treatment with high-dose rifampicin plus linezolid
    (n=262) or to standard-dose rifampicin (n=258)', then 'in the intensified group' and 'in
    the standard group': an arm is named later by a word of its own definition that no other
    arm's has ("standard" of "standard-dose"), and that name picks it as a bracket's does.
    (Not a word for a kind of treatment, ``kinds``: "the combination arm", "the monotherapy
    arm" are read by the options, and name the arms of each analysis population.)"""
    new = [c for c in state.cohorts[first_new:] if c.parent is None and c.index not in state.spanning]
    if len(new) < 2:
        return
    heads = {name.split()[0]: name for name in names.values()
             if len(name.split()) == 2 and name.split()[0] not in kinds}
    idx = words.idx
    windows: list[set[str]] = []
    for k, cohort in enumerate(new):
        start = bisect_right(idx, cohort.start_char) - 1
        if not _in_open_bracket(words, sent.start, start):
            return  # (only "definition (n = 262)": a list "combination, n = 137; ..." names none)
        hi = next(j for j in range(start - 1, sent.start - 1, -1) if words.text[j] in {"(", "["})
        lo = bisect_right(idx, new[k - 1].end_char - 1) if k else sent.start
        windows.append({part for w in words.lower[lo:hi] for part in w.split("-")} & heads.keys())
    for cohort, window in zip(new, windows, strict=True):
        own = [w for w in window if sum(w in other for other in windows) == 1]
        if len(own) == 1:
            cohort.dose = tuple(sorted({*cohort.dose, "name:" + heads[own[0]]}))


def same_treatment_arms(words: Words, sent: Span, state: LinkState, first_new: int) -> None:
    """'Arm B (radiotherapy with weekly cisplatin; n = 126) or Arm C (the same
    chemoradiotherapy followed by carboplatin and paclitaxel; n = 125)': an arm given 'the same'
    treatment as the arm before it, and more, received that arm's drugs too."""
    new = [c for c in state.cohorts[first_new:] if c.parent is None and c.index not in state.spanning]
    idx = words.idx
    for k in range(1, len(new)):
        before, cohort = new[k - 1], new[k]
        if not (before.drug and cohort.drug and before.drug_status == cohort.drug_status == "received"):
            continue
        start = bisect_right(idx, cohort.start_char) - 1
        if _in_open_bracket(words, sent.start, start):  # "Arm C (the same ...; n = 125)"
            lo = next(j for j in range(start - 1, sent.start - 1, -1) if words.text[j] in {"(", "["})
            hi = start
        else:  # "Arm B (148 patients) got the same doublet with X added"
            lo = bisect_right(idx, cohort.end_char - 1)
            hi = bisect_right(idx, new[k + 1].start_char) - 1 if k + 1 < len(new) else sent.end
        mine, theirs = set(cohort.drug.split(" + ")), set(before.drug.split(" + "))
        if "same" in words.lower[lo:hi] and not theirs <= mine:
            cohort.drug = " + ".join(sorted(mine | theirs))


def _in_open_bracket(words: Words, lo: int, i: int) -> bool:
    """Is token ``i`` inside brackets opened after token ``lo``?"""
    for k in range(i - 1, lo - 1, -1):
        if words.text[k] in {")", "]"}:
            return False
        if words.text[k] in {"(", "["}:
            return True
    return False


def bracket_drug(words: Words, m_start: int, groups: list[tuple[str, str, int, int]],
                 sent_start: int, settings: LinkSettings) -> tuple[str, str, int, int] | None:
    """'azetukalner 25 mg (the 25-mg group, 124 patients)', 'X 5 mg (n = 120), 10 mg (n =
    118) or placebo': a size in brackets after a dose is of the drug dosed, named before the
    dose or, for an arm named by its dose alone, before the arm in brackets before it."""
    opening = next((k for k in range(m_start - 1, max(sent_start, m_start - 12) - 1, -1)
                    if words.text[k] in {"(", "[", ")", "]"}), None)
    if opening is None or words.text[opening] not in {"(", "["} or any(
            words.num[k] is not None and words.lower[k + 1] not in settings.dose_units
            for k in range(opening + 1, m_start)):
        return None  # not in brackets, or another count before it in them
    k, dosed = opening - 1, False
    while k >= sent_start and (words.like_num[k] or words.lower[k] in settings.dose_words
                               or words.lower[k] in settings.arm_schedule_words
                               or words.lower[k] in settings.treatment_modifiers):
        dosed = dosed or words.lower[k] in settings.dose_units
        k -= 1
    group = next((g for g in reversed(groups) if g[3] <= opening), None)
    if group is None or not dosed:
        return None
    if group[3] == k + 1:
        return group  # "X 25 mg (..."
    while k >= sent_start and words.lower[k] in {",", "or", "and"}:
        k -= 1
    # "X 5 mg (n = 120), 10 mg (n = 118)": a dose alone after the last arm's brackets
    return group if k >= sent_start and words.text[k] in {")", "]"} and group[3] < k else None


def listed_sizes(words: Words, sent: Span, groups: list[tuple[str, str, int, int]],
                 settings: LinkSettings) -> list[tuple[int, tuple[str, str, int, int]]]:
    """'randomized to X 150 mg, X 300 mg or placebo every 4 weeks (101, 99 and 100 patients,
    respectively)': the sizes a bracket lists, each with the option named in its place.
    (token of the size, drug group) pairs, or none."""
    lower = words.lower
    for r in range(sent.start + 2, sent.end - 1):
        if lower[r] not in settings.respectively_words or words.text[r + 1] not in {")", "]"}:
            continue
        k = r - 1
        while k > sent.start and (lower[k] == "," or words.is_alpha[k] and r - k <= 3):
            k -= 1  # ", respectively", "patients, respectively"
        sizes: list[int] = []
        while k > sent.start and words.num[k] is not None:
            sizes.append(k)
            k -= 1
            if k - 2 > sent.start and words.text[k] == "=" and lower[k - 1] == "n" \
                    and lower[k - 2] in settings.list_separators:
                k -= 2  # "(n = 400 and n = 402, respectively)": each size with its "n ="
            while k > sent.start and lower[k] in settings.list_separators:
                k -= 1
        if k - 2 > sent.start and words.text[k] == "=" and lower[k - 1] == "n":
            k -= 2  # "(n = 101, 99 and 100, respectively)"
        if len(sizes) < 2 or words.text[k] not in {"(", "["}:
            continue
        options = [g for g in groups if g[3] <= k][-len(sizes):]
        if len(options) < len(sizes) or not all(
                _only_between_options(words, a[3], b[2], settings)
                for a, b in zip(options, [*options[1:], (None, None, k, k)], strict=True)):
            continue
        return list(zip(reversed(sizes), options, strict=True))
    return []


#: How many words may stand between a choice word and the first agent offered.
_CHOICE_REACH = 4


def chosen_agents(words: Words, i: int, groups: list[tuple[str, str, int, int]],
                  settings: LinkSettings) -> tuple[frozenset[str], str] | None:
    """'randomised to X or to the physician's choice of A or B', 'investigator's choice (A, B
    or C)': the choice word at ``i`` followed by two or more agents offered as alternatives
    (doses and schedules between them) names an arm given one of them, no combination
    (corpora/README). Their drugs and the words naming them; None for one agent or regimen
    ('investigator's choice of A plus B')."""
    after = [g for g in groups if g[2] > i and g[0] not in settings.control_drugs]
    if not after or after[0][2] - i > _CHOICE_REACH or not all(
            words.lower[k] in settings.choice_links for k in range(i + 1, after[0][2])):
        return None
    offered = after[:1]
    for group in after[1:]:
        if not _only_between_options(words, offered[-1][3], group[2], settings):
            break
        offered.append(group)
    alternative = any(words.lower[k] in settings.alternative_words
                      for k in range(offered[0][3], offered[-1][2]))
    drugs = frozenset(g[0] for g in offered)
    if len(drugs) < 2 or not alternative:
        return None
    return drugs, " or ".join(g[1] for g in offered)


def mark_choice(facts: ClauseFacts, groups: list[tuple[str, str, int, int]],
                choice: tuple[frozenset[str], str], settings: LinkSettings) -> None:
    """In a trial whose comparator is a choice of several agents (chosen_agents), the control
    arm named by its role ('97 to the control group', '40 assigned to control') and a clause
    naming those agents as alternatives ('72 of 96 receiving A or B') are the arm given one
    of them: no drug, no status (a placebo or "alone" control keeps its reading)."""
    mention = (facts.drug_mention or "").lower()
    # ("97 to the control group, in which physicians chose A for 52": still the arm)
    role = facts.drug in choice[0] and any(c.label == "STATUS" and c.id == "not_received"
                                            for c in facts.cues)
    if (facts.control or role) and not (facts.background or facts.alone or facts.every_control) \
            and (not facts.drug or facts.drug in choice[0]) \
            and not any(c in mention for c in settings.control_drugs):
        facts.choice, facts.drug = True, None
    elif facts.comparison and not facts.drug and not facts.control:
        named = [g for g in groups if facts.start <= g[2] and g[3] <= facts.end]
        if len({g[0] for g in named}) >= 2 and {g[0] for g in named} <= choice[0]:
            facts.choice = facts.control = True
            facts.comparison = False
            facts.drug_mention = " or ".join(g[1] for g in named)
    if facts.choice:
        facts.drug_status = None


def _only_between_options(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """Are the words [start, end) between two options only doses, schedules and 'or'?"""
    return all(words.like_num[k] or words.lower[k] in settings.dose_words
               or words.lower[k] in settings.arm_schedule_words
               or words.lower[k] in settings.list_separators
               or words.lower[k] in settings.alternative_words for k in range(start, end))
