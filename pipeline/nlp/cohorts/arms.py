"""Arms of a trial: labels defined by treatment, options compared, totals over arms, 'respectively'."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .groups import LinkState, gives_share
from .records import CHANGED_STATUSES, Clause, ClauseFacts, Cohort, Cue, Event, LinkSettings


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
                               and any(t.text in {"(", "["} for t in doc[g[2]:g[3]])), None)):
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
    end = min(sent.end, arm.end + settings.arm_definition_reach + 1)
    for i in range(arm.end, end):
        group = next((g for g in groups if g[2] == i), None)
        if group is not None:
            return group
        word = doc[i]
        if word.lower_ not in settings.arm_definition_links or any(a.start == i for a in arms):
            return None
    return None


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
        found = []
        for g in groups:
            if clause.start <= g[2] and g[3] <= clause.end:
                after = doc[g[3]] if g[3] < clause.end else None
                found.append((g[0], after is not None and after.lower_ in settings.alone_words))
        if len(found) >= 2:
            return found
    return []


def name_option(facts: ClauseFacts, options: list[tuple[str, bool]]) -> None:
    """'the durvalumab group' after 'randomized to etoposide plus carboplatin with
    durvalumab, or etoposide plus carboplatin alone': the option it names, in full."""
    names = {o[0] for o in options}
    if name_control(facts, options):
        pass
    elif facts.drug and facts.drug not in names and facts.drug_status not in CHANGED_STATUSES \
            and facts.drug_status != "not_received":
        # ("never started everolimus", "everolimus was discontinued": that part alone)
        parts = set(facts.drug.split(" + "))
        wider = [o for o in options if parts < set(o[0].split(" + "))]
        if len(wider) == 1:
            facts.drug = wider[0][0]
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
    """The drug every other option adds to the one given alone ("X + Y" and "Y alone": X), or
    None when they add different drugs ("FOLFOX + bevacizumab", "FOLFOX + cetuximab"), are no
    add-on, or several options are given alone (a factorial design: "X + Y", "X alone", "Y
    alone")."""
    if [o[0] for o in options if o[1]] != [backbone]:
        return None
    others = [o[0] for o in options if not o[1]]
    base = set(backbone.split(" + "))
    added = {frozenset(set(o.split(" + ")) - base) for o in others if base < set(o.split(" + "))}
    if len(added) != 1 or not all(base < set(o.split(" + ")) for o in others):
        return None
    return " + ".join(sorted(next(iter(added))))


def clear_totals(state: LinkState) -> None:
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


def clear_sentence_total(state: LinkState, first_new: int) -> None:
    """'A total of 608 patients received at least one dose: 204 in Arm A, 204 in Arm B and
    200 in Arm C': a group the sentence opens with and then splits into arms named before
    (the same cohorts again, or parts of them) is the total over those arms."""
    named = state.last_in_sentence
    if len(named) < 3 or named[0] < first_new:
        return
    total, parts = state.cohorts[named[0]], [state.cohorts[i] for i in named[1:]]
    if sum(p.size for p in parts) != total.size \
            or any(p.parent == total.index for p in parts):
        return
    if len({(p.drug, p.drug_status == "not_received") for p in parts}) >= 2:
        total.drug = total.drug_mention = total.drug_status = None
        state.spanning.add(total.index)


def clear_subgroup_total(state: LinkState, first_new: int, arms: list[int]) -> None:
    """'Among the 131 participants with severe depression, response occurred in 38 of 67
    receiving X and 26 of 64 receiving Y', '... among the 488 born preterm: 3/325 versus
    9/163': in a trial of ``arms``, a group the sentence opens with and then splits into one
    group per arm is a subgroup of every arm, which received no one treatment."""
    if len(arms) < 2 or len(state.last_in_sentence) < 3:
        return
    named = [i for i in state.last_in_sentence if i >= first_new]
    if len(named) != len(arms) + 1:
        return
    total, parts = state.cohorts[named[0]], [state.cohorts[i] for i in named[1:]]
    if sum(p.size for p in parts) != total.size \
            or any(p.parent not in (None, total.index) for p in parts) \
            or any(p.size >= state.cohorts[a].size for p, a in zip(parts, arms, strict=True)) \
            or all(p.drug_status in CHANGED_STATUSES for p in parts):
        return  # (those who kept X and those who stopped it all received X)
    total.drug = total.drug_mention = total.drug_status = None
    state.spanning.add(total.index)


def assign_respectively(state: LinkState, first_event: int) -> None:
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
        if len(group) != len(state.arms) or len({e.cohort for e in group}) == len(state.arms) \
                and {e.cohort for e in group} == set(state.arms) \
                and not _shares_fit_either_order(state, group):
            continue  # one count per arm already ("71% in Arm B, 58% in Arm A and 40% in Arm C")
        if any(e.confidence >= 0.9 for e in group):
            # Fractions name their group's size; "respectively" still says which arm it is.
            for event, arm in zip(group, state.arms, strict=True):
                if event.drug is None and event.cohort is not None:
                    cohort = state.cohorts[arm]
                    event.drug, event.drug_mention = cohort.drug, cohort.drug_mention
                    event.drug_status = cohort.drug_status
            if all(e.cohort is not None for e in group):
                named = [e.cohort for e in group]  # type: ignore[misc]
            continue
        # "in 9/1998 versus 20/996, and very severe disease in four versus 11": the groups
        # the fractions just named, else the arms.
        targets = named if named is not None and all(
            _fits(event, state.cohorts[c]) for event, c in zip(group, named, strict=True)) \
            else state.arms
        if not all(_fits(event, state.cohorts[arm]) for event, arm in zip(group, targets, strict=True)):
            continue  # "101 patients (48.8%)" is no part of an arm of 53: another group
        for event, arm in zip(group, targets, strict=True):
            cohort = state.cohorts[arm]
            event.cohort = arm
            if event.from_percent and event.percent is not None:
                event.count = round(event.percent * cohort.size / 100)
            if not event.drug or event.drug != cohort.drug:
                event.drug, event.drug_mention = cohort.drug, cohort.drug_mention
                event.drug_status = cohort.drug_status


def _shares_fit_either_order(state: LinkState, group: list[Event]) -> bool:
    """'11 (15%) versus 3 (4%)' after arms of 75 and 72: counts with no group named, each
    share fitting its arm in the order given as well as the arm it was put with; the
    order of the list says which arm is which."""
    if [e.cohort for e in group] == state.arms or any(
            e.percent is None or e.from_percent or e.drug for e in group):
        return False
    return all(_fits(e, state.cohorts[a]) for e, a in zip(group, state.arms, strict=True))


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
