"""The linker's memory of cohorts: finding, creating and filling them, and adding events."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from .records import CHANGED_STATUSES, ClauseFacts, Cohort, Cue, Event
from .spans import same_label


@dataclass
class LinkState:
    cohorts: list[Cohort] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    last_in_sentence: list[int] = field(default_factory=list)
    last_in_previous: list[int] = field(default_factory=list)
    previous_at: int = -1  # the sentence that named the groups of last_in_previous
    last_outcome: Cue | None = None  # of the sentence, for elliptical comparisons
    experimental: tuple[str, str] | None = None  # last active drug and its mention
    arm_drugs: dict[str, tuple[str, str]] = field(default_factory=dict)  # "cohort a" -> drug
    arm_labels: dict[str, str] = field(default_factory=dict)  # "cohort a" -> "Cohort A", in order
    # labels of placebo / control arms -> the background drugs given with the placebo
    arm_controls: dict[str, frozenset[str]] = field(default_factory=dict)
    arm_added: dict[str, str] = field(default_factory=dict)  # 'Y alone (cohort B)': X not had
    arm_lacks: dict[str, str] = field(default_factory=dict)  # 'Arm B, placebo plus Y': X not had
    only_drug: tuple[str, str] | None = None  # the one drug of a single-treatment study
    # the drug of the trial the text last named ("LORAL, a trial of lorlatinib"), and of the
    # trial each group was named under (for a text on several trials)
    trial_drug: tuple[str, str] | None = None
    tested_at: dict[int, tuple[str, str]] = field(default_factory=dict)
    arms: list[int] = field(default_factory=list)  # the arms last defined, in text order
    table: list[int | None] | None = None  # cohorts of the columns of the current table
    table_outcome: Cue | None = None  # "Adverse events (N = 48)": what every row counts
    table_subgroups: bool = False  # "Subgroup | X | Placebo": rows are subgroups, not events
    table_facts: list[ClauseFacts] | None = None  # what each column of a plain header names
    sentence_drug: tuple[str, str] | None = None  # first active drug of the sentence
    # The treatments a group was randomized between ("to X plus Y, or Y alone"): later
    # clauses name them by a part ("the X group") or by "alone". (drug, alone?)
    options: list[tuple[str, bool]] = field(default_factory=list)
    options_sent: int = -1  # the sentence that gave them
    named_options: list[tuple[str, bool]] = field(default_factory=list)  # as later named
    sentence_options: list[tuple[str, bool]] = field(default_factory=list)  # compared here
    # the dose terms of each option ("X 45 mg, X 15 mg or placebo"), of this sentence and of
    # the options kept
    sentence_option_doses: list[tuple[str, ...]] = field(default_factory=list)
    option_doses: list[tuple[str, ...]] = field(default_factory=list)
    # subgroup table: size col (or None: the size is in the row's label), outcome columns
    table_sizes: tuple[int | None, tuple[tuple[int, Cue], ...]] | None = None
    combination: tuple[str, str] | None = None  # the last treatment of several drugs named
    spanning: set[int] = field(default_factory=set)  # totals over arms ("randomized to A or B")
    pooled: set[int] = field(default_factory=set)  # events of several groups, pooled
    stopped: set[int] = field(default_factory=set)  # those of an arm who stopped or withdrew
    reasons: set[int] = field(default_factory=set)  # who stopped for a listed reason: no arms
    screened: set[int] = field(default_factory=set)  # excluded before enrolment, and their parts
    # groups stated again ("and all 131 in the placebo group received a dose"): cohort,
    # sentence, start and end of the restatement, each a row of its own (corpora/README)
    restated: list[tuple[int, int, int, int]] = field(default_factory=list)
    # analysis populations defined with their groups ("97 and 96 ... formed the mITT
    # population"): the words that name each, and its groups; and the population a sentence
    # opening "In the mITT population, ..." has put its counts over (with the arms before it)
    populations: list[tuple[frozenset[str], list[int]]] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    arms_before_population: list[int] = field(default_factory=list)
    # 'to X or the physician's choice of A or B': the agents of the choice arm and their
    # words; and the groups given one of them, which no drug is read into
    choice: tuple[frozenset[str], str] | None = None
    chosen: set[int] = field(default_factory=set)


def fit_score(cohort: Cohort, facts: ClauseFacts) -> int:
    """How well a cohort fits what a clause says about its group (arm, drug, control)."""
    score = 0
    if same_label(cohort.arm_label, facts.arm_label):
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
    if facts.drug and not facts.control and facts.drug_status == "not_received":
        score += _not_received_fit(cohort, facts)
    if facts.dose and cohort.dose:
        score += _dose_fit(cohort, facts)
    return score


def _not_received_fit(cohort: Cohort, facts: ClauseFacts) -> int:
    """'84/206 in the chlorambucil-alone group', named as the add-on it lacked (obinutuzumab,
    not received): the control arm of that drug fits (undoing the penalty above), the arm
    that received it does not."""
    if cohort.drug == facts.drug and cohort.drug_status == "not_received":
        return 4
    if cohort.drug_status not in (None, "not_received"):
        return -2
    return 0


def _dose_fit(cohort: Cohort, facts: ClauseFacts) -> int:
    """'in the 70-mg group' after arms of 70 mg and 140 mg of one drug: the arm of that dose
    fits, the arm of another dose does not."""
    return 3 if set(facts.dose) <= set(cohort.dose) else -3


def implicit_cohort(state: LinkState, count: int, percent: float | None, facts: ClauseFacts,
                     conf: dict[str, float], *, safety: bool = False,
                     widest: bool = False, sent: int | None = None) -> tuple[int | None, float]:
    """The cohort a count without "of N" belongs to.

    With an arm, drug or control named in the clause, the best fitting cohort of the
    article (of equals, an arm or a group of this or the previous sentence ``sent``, then the
    latest); otherwise the last larger cohort of this or the previous sentence.
    """
    if percent:
        # "72 patients (23%)": the group whose size gives that percentage.
        fitting = [c for c in reversed(state.cohorts) if c.size >= count
                   and abs(100 * count / c.size - percent) <= 0.5 and fit_score(c, facts) >= 0]
        if fitting:
            # "412 patients (31.7%)" after groups of 1,301 randomised and 1,297 treated: the
            # group whose size gives the share as written (412/1,301 = 31.7%, not 31.8%); of
            # groups the share fits equally, the one the sentence refers to ("Of the 120
            # patients, ... 30 (25%) a partial response").
            def fit(c: Cohort) -> tuple:
                return (fit_score(c, facts), *_gives_share(count, c.size, percent),
                        c.index in state.last_in_sentence)
            best = max(fitting, key=fit)
            best = _next_of_list(state, [c for c in fitting if fit(c) == fit(best)], sent) or best
            return best.index, conf["count_same_sentence"]
    if facts.arm_label or facts.drug or facts.control or facts.experimental or facts.dose:
        fitting = [c for c in reversed(state.cohorts) if c.size >= count
                   and fit_score(c, facts) + _population_label_fit(state, c, facts) > 0]
        if fitting:
            # A share of a harm with a drug named and no group after it ("adverse events
            # with niraparib were anemia (24%)") is counted over everyone who had the drug:
            # of equally fitting groups the largest, not a subgroup.
            # "Four patients in the X group had died" after "37 stopped X early": the arm, not
            # the part of it whose treatment changed (unless the clause says so).
            # "five in the drug group" after "27 of the 48 who got the drugs": an arm named
            # by its role is the arm, not the part of it a fraction picked. A group named only
            # in an older sentence's subgroup ("17 of 81 in the placebo group" among those on
            # steroids) gives way to the arms.
            # "Adverse events occurred in 112 taking X ...; the most frequent with X were nausea
            # (n = 31)": the group the sentence has just counted harms of, given that drug
            # (even a part of the arm: "in 40 of the 61 treated ...; three discontinued X").
            counted = _counted_in(state, sent) if safety else set()
            best = max(fitting, key=lambda c: (fit_score(c, facts)
                                               + _population_label_fit(state, c, facts),
                                               c.index in state.population,
                                               c.drug_status == facts.drug_status
                                               or c.drug_status not in CHANGED_STATUSES,
                                               c.index in counted,
                                               bool(facts.experimental or facts.drug or facts.dose)
                                               and c.parent is None,
                                               c.index in state.arms or sent is None
                                               or _recent(c, sent) or c.statement
                                               and state.previous_at >= sent - 1
                                               and c.index in state.last_in_previous,
                                               c.size if widest else 0,
                                               _older_size(state, c, sent)))
            return best.index, conf["count_same_sentence"]
    # (in a study without arms, the groups of an older sentence with sentences between
    # give way to the study population)
    previous = state.last_in_previous if sent is None or state.previous_at >= sent - 1 \
        or len(state.arms) >= 2 else []
    # "87.3% of those treated with X" is no share of a total over the arms
    named = facts.drug or facts.control or facts.arm_label or facts.experimental or facts.dose
    over_arms = state.spanning if named else set()
    for pool, key in ((state.last_in_sentence, "count_same_sentence"),
                      (previous, "count_previous_sentence")):
        for index in reversed(pool):
            if state.cohorts[index].size >= count and index not in over_arms:
                if safety and key == "count_previous_sentence":
                    # "Of those 118, 112 went on to surgery. Nobody died from treatment": harms
                    # of a treatment are counted over everyone who had it, not the subgroup
                    # named last.
                    while state.cohorts[index].parent is not None:
                        index = state.cohorts[index].parent  # type: ignore[assignment]
                return index, conf[key]
    # Otherwise the study population: the first group large enough.
    first = next((c for c in state.cohorts if c.size >= count and c.parent is None
                  and c.index not in over_arms), None)
    if first is not None:
        return first.index, conf["count_previous_sentence"]
    return None, conf["unlinked"]


def _population_label_fit(state: LinkState, cohort: Cohort, facts: ClauseFacts) -> int:
    """'in Arm A' while the STK11 subgroup (49 in Arm A and 47 in Arm B) is in force: the
    part of the arm of that label fits as the arm would."""
    if cohort.arm_label is None and cohort.parent is not None and facts.arm_label \
            and cohort.index in state.population \
            and same_label(state.cohorts[cohort.parent].arm_label, facts.arm_label):
        return 4
    return 0


def _recent(cohort: Cohort, sent: int) -> bool:
    """Is the group of this sentence, or stated in the one before? (The whole of a fraction
    there, "3 of 61 on X" among those over 80, was a subgroup of that sentence only.)"""
    return cohort.sent >= sent or cohort.sent == sent - 1 and cohort.statement


def _older_size(state: LinkState, cohort: Cohort, sent: int | None) -> int:
    """'2 deaths in the X group' sentences after the arms and a subgroup of them ('61 of 109
    with X' among those with a long OFF time): of older groups given that treatment, none an
    arm nor just named, the largest (the arm as a whole), not the latest part of it."""
    if sent is None or cohort.index in state.arms or _recent(cohort, sent) \
            or cohort.index in state.last_in_previous or cohort.index in state.screened \
            or cohort.index in state.spanning:
        return 0
    # (not the total of arms stated after it: "212 patients ...; 131 chose X" and 81 did not)
    later = {c.size: (c.drug, c.drug_status) for c in state.cohorts[cohort.index + 1:] if c.drug}
    return 0 if any(later.get(cohort.size - size, treatment) != treatment
                    for size, treatment in later.items()) else cohort.size


def _counted_in(state: LinkState, sent: int | None) -> set[int]:
    """The cohorts the sentence ``sent`` has counted events of so far."""
    counted = set()
    for event in reversed(state.events):
        if event.sent != sent:
            break
        counted.add(event.cohort)
    return counted


def _next_of_list(state: LinkState, tied: list[Cohort], sent: int | None) -> Cohort | None:
    """'ARIA-H was seen in 98 (16.3%) and 56 (9.3%) patients' after groups of 601 and 600
    given X and placebo: counts whose shares fit one group of each arm equally are of those
    groups in the order they were stated, the first counted least often in this sentence."""
    if sent is None or len(tied) < 2:
        return None
    last = max(c.sent for c in tied)  # the groups as last stated together
    latest: dict[tuple, Cohort] = {}  # one group per treatment
    for c in sorted((c for c in tied if c.sent == last), key=lambda c: c.index):
        key = (c.drug, c.drug_status, c.arm, c.dose)
        if key in latest and latest[key].size != c.size:
            return None  # (a group and a part of it stated again: not one group per arm)
        latest[key] = c
    if len(latest) < 2:
        return None
    # (round by round: "in 11 (4.3%) vs 9 (3.6%), ... in 3 (1.2%) vs 1 (0.4%)": each pair
    # of the list starts again at the first group)
    taken: dict[int | None, int] = {}
    for event in reversed(state.events):
        if event.sent != sent:
            break
        taken[event.cohort] = taken.get(event.cohort, 0) + 1
    ordered = sorted(latest.values(), key=lambda c: c.index)
    return min(ordered, key=lambda c: taken.get(c.index, 0))


def gives_share(count: int, size: int, percent: float, *, decimals: int = 0) -> bool:
    """Does count / size round (half up) to ``percent`` with at most ``decimals`` decimals
    ("158 (12.1%)" of 1,301 is 12.14%; of 1,297 it would be 12.2%)?"""
    digits = decimals
    while digits < 2 and round(percent, digits) != percent:
        digits += 1  # the decimals the share is written with
    return abs(100 * count / size - percent) <= 0.5 / 10 ** digits + 1e-9


def share_fits(size: int, percent: float) -> bool:
    """Can a whole count of a group of ``size`` give ``percent`` as written (64.1% of 64
    is 41, 41/64 = 64.06%; of 60 it would be 38, 38/60 = 63.3%)?"""
    return size > 0 and gives_share(round(percent * size / 100), size, percent)


def group_of_share(state: LinkState, index: int, percent: float, facts: ClauseFacts) -> int:
    """'Progression occurred in 64.1% of the patients given X' after groups of 64 given X and
    of 60 evaluable on X: a share with decimals no whole count of the group found can give is
    of the group given the same treatment that it fits, the most recent of those that fit
    the clause best (a whole percent fits too many sizes to tell groups apart)."""
    found = state.cohorts[index]
    if round(percent) == percent or share_fits(found.size, percent):
        return index
    score = fit_score(found, facts)
    same = [c for c in reversed(state.cohorts) if c.drug == found.drug
            and c.drug_status == found.drug_status and c.index not in state.screened
            and fit_score(c, facts) >= score and share_fits(c.size, percent)]
    return same[0].index if same else index


def _gives_share(count: int, size: int, percent: float) -> tuple[bool, bool]:
    """Does count / size give ``percent`` to one decimal, and to a whole percent? (A share
    written '25%' fits both ways; '25.0%' only the first.)"""
    return gives_share(count, size, percent, decimals=1), gives_share(count, size, percent)


def recent_cohort(state: LinkState) -> Cohort | None:
    pool = state.last_in_sentence or state.last_in_previous
    if pool:
        return state.cohorts[pool[-1]]
    return state.cohorts[-1] if state.cohorts else None


def named_parent(state: LinkState, parent: Cohort, count: int, facts: ClauseFacts,
                 conf: dict[str, float]) -> Cohort:
    """'60 had X, versus 90 among those treated with Y': a part named by its treatment is
    of the group given that treatment, not of the other arm named just before it."""
    if not (_other_arm(parent, facts) or _opposite_arm(parent, facts)):
        return parent
    index, _ = implicit_cohort(state, count, None, facts, conf)
    return state.cohorts[index] if index is not None else parent


def sibling_arm(state: LinkState, parent: Cohort, facts: ClauseFacts) -> Cohort:
    """'a response in 98 of the patients given X and in 77 of those in the placebo group': a
    part of 'those' whose clause names the other arm's treatment is of the arm of the same
    size that fits it, not of the group just named."""
    if not names_other_arm(parent, facts):
        return parent
    arm = find_cohort(state, parent.size, facts)
    return arm if arm is not None and fit_score(arm, facts) > 0 else parent


def names_other_arm(cohort: Cohort, facts: ClauseFacts) -> bool:
    """Does the clause name the treatment of another arm than ``cohort`` (another drug, or
    the control of a treated arm, or the drug of a control arm)?"""
    return _other_arm(cohort, facts) or _opposite_arm(cohort, facts)


def remember(state: LinkState, index: int) -> None:
    if index in state.last_in_sentence:
        state.last_in_sentence.remove(index)
    state.last_in_sentence.append(index)


def find_cohort(state: LinkState, size: int, facts: ClauseFacts,
                taken: set[int] | frozenset[int] = frozenset()) -> Cohort | None:
    """The cohort of this size that best fits the clause; the most recent on a tie. (Not one
    of ``taken``: the arms other columns of a table header are.)"""
    same = [c for c in reversed(state.cohorts) if c.size == size and c.index not in taken
            and not _other_arm(c, facts)
            and not _opposite_arm(c, facts)
            and not (facts.dose and c.dose and _dose_fit(c, facts) < 0)]
    if not same:
        return None
    return max(same, key=lambda c: fit_score(c, facts))  # max keeps the first (most recent) tie


def _other_arm(cohort: Cohort, facts: ClauseFacts) -> bool:
    """'65 of 75 with X and 60 of 75 with Y': two arms of one size, each its own group. A
    cohort that received another drug than the clause names (neither a part of the
    other), or the clause's control, is not the group it counts."""
    if not cohort.drug or not facts.drug or facts.control \
            or cohort.drug_status == "not_received" or facts.drug_status == "not_received":
        return False
    mine, named = set(cohort.drug.split(" + ")), set(facts.drug.split(" + "))
    return not (mine <= named or named <= mine)


def _opposite_arm(cohort: Cohort, facts: ClauseFacts) -> bool:
    """'54 of 72 in the X group' after a placebo arm of 72 that did not receive X, '20 of 72
    in the placebo group' after an X arm of 72: a clause that says what its group received
    (a drug, or the control) does not count the arm that had the other."""
    if facts.control:
        return not facts.drug and cohort.drug_status == "received"
    return bool(facts.drug) and facts.drug_status == "received" \
        and cohort.drug == facts.drug and cohort.drug_status == "not_received"


def new_cohort(state: LinkState, size: int, size_text: str, sent_index: int, span: Span,
                facts: ClauseFacts, *, parent: Cohort | None, statement: bool,
                confidence: float, same_arm: bool = False) -> Cohort:
    """A new cohort. With ``same_arm`` a labelled clause names its arm again with another
    denominator ("20 (54%) of 37 treated patients in cohort A"), not a subgroup of it."""
    label = facts.arm_label
    arm: str | None = None
    arm_label: str | None = None
    if label:
        labelled = next((c for c in reversed(state.cohorts) if same_label(c.arm_label, label)),
                        None)
        if labelled is not None and labelled.size == size:
            fill_cohort(labelled, facts, state)
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
    fill_cohort(cohort, facts, state)
    if parent is not None:
        _inherit(cohort, parent)
    state.cohorts.append(cohort)
    if state.trial_drug is not None:
        state.tested_at[cohort.index] = state.trial_drug
    return cohort


def fill_cohort(cohort: Cohort, facts: ClauseFacts, state: LinkState) -> None:
    """Take what the clause says about the cohort, without erasing what is known."""
    other = _defined_otherwise(facts, state)
    if facts.choice and not cohort.drug and not other:
        # "97 to the control group" of "X or the physician's choice of A or B": one of several
        # agents, no drug and no status (corpora/README)
        cohort.drug_mention = cohort.drug_mention or facts.drug_mention
        state.chosen.add(cohort.index)
    elif facts.control and not cohort.drug and not other and facts.drug:
        # "without X", "one randomised to X never started treatment": X, not received.
        cohort.drug, cohort.drug_mention = facts.drug, facts.drug_mention
    elif facts.control and not cohort.drug and not other and _unassigned_stop(facts, state):
        # "Five patients did not start treatment" after arms that got different things:
        # patients of any arm, who missed no one drug.
        cohort.drug_mention = facts.drug_mention
        state.spanning.add(cohort.index)
    elif facts.control and not cohort.drug and not other and facts.every_control \
            and (tested_all := _every_arm_drug(state, cohort.sent)):
        # "the double-placebo group" of a factorial trial: no drug of any arm
        cohort.drug, cohort.drug_mention = tested_all, facts.drug_mention
    elif facts.control and not cohort.drug and not other:
        # A placebo or observation arm: the experimental drug, not received.
        experimental = state.sentence_drug or state.experimental
        if experimental:
            # What the experimental arm had beyond the control's background drugs.
            tested = [p for p in experimental[0].split(" + ") if p not in facts.background]
            cohort.drug = _lacked_before(state, tested) \
                or " + ".join(tested or experimental[0].split(" + "))
        cohort.drug_mention = facts.drug_mention
    elif facts.drug and not cohort.drug and not other:
        cohort.drug, cohort.drug_mention = facts.drug, facts.drug_mention
    elif not cohort.drug and facts.experimental and (state.sentence_drug or state.experimental):
        cohort.drug, cohort.drug_mention = state.sentence_drug or state.experimental  # type: ignore[misc]
        cohort.drug_status = "received"
    elif not cohort.drug and facts.arm_label and facts.arm_label.lower() in state.arm_added:
        # "X plus Y (cohort A) or Y alone (cohort B)": the control of an add-on comparison.
        cohort.drug = state.arm_added[facts.arm_label.lower()]
        cohort.drug_mention = state.arm_drugs[facts.arm_label.lower()][1]
        cohort.drug_status = "not_received"
    elif not cohort.drug and facts.arm_label and facts.arm_label.lower() in state.arm_controls:
        # "placebo (Arm B)", "Arm B (placebo plus paclitaxel)": the experimental drug (beyond
        # the background the placebo came with), not received.
        if facts.arm_label.lower() in state.arm_lacks:  # (the active arm defined beside it)
            cohort.drug = state.arm_lacks[facts.arm_label.lower()]
        elif state.experimental:
            background = state.arm_controls[facts.arm_label.lower()]
            tested = [p for p in state.experimental[0].split(" + ") if p not in background]
            cohort.drug = " + ".join(tested) or state.experimental[0]
        cohort.drug_mention = state.arm_drugs[facts.arm_label.lower()][1]
        cohort.drug_status = "not_received"
    elif not cohort.drug and facts.arm_label and facts.arm_label.lower() in state.arm_drugs:
        cohort.drug, cohort.drug_mention = state.arm_drugs[facts.arm_label.lower()]
        cohort.drug_status = cohort.drug_status or "received"
    elif not cohort.drug and state.only_drug and not facts.comparison:
        cohort.drug, cohort.drug_mention = state.only_drug
        cohort.drug_status = cohort.drug_status or facts.drug_status or "received"
    if facts.drug_status and not (other and facts.drug_status in ("received", "not_received")) \
            and cohort.index not in state.chosen:
        cohort.drug_status = facts.drug_status
    if facts.procedure and not cohort.procedure:
        cohort.procedure = facts.procedure


def _every_arm_drug(state: LinkState, sent: int) -> str | None:
    """The drugs the arms last defined, or the groups this sentence is defining, received, all
    together ("X", "Y", "X + Y": "X + Y")."""
    arms = [state.cohorts[i] for i in state.arms] + [
        c for c in state.cohorts if c.sent == sent and c.parent is None]
    drugs = {p for c in arms if c.drug_status == "received" for p in (c.drug or "").split(" + ")
             if p}
    return " + ".join(sorted(drugs)) if len(drugs) >= 2 else None


def _lacked_before(state: LinkState, tested: list[str]) -> str | None:
    """'47 to placebo' after 'X plus Y or placebo plus Y' gave the placebo arm X, not
    received: a control that lacks a part of the combination tested lacks what the control
    arms before it lacked (the background, Y, stays out)."""
    parts = set(tested)
    return next((c.drug for c in reversed(state.cohorts) if c.drug_status == "not_received"
                 and c.drug and c.parent is None and set(c.drug.split(" + ")) < parts), None)


def _unassigned_stop(facts: ClauseFacts, state: LinkState) -> bool:
    """Does the clause say a group never started treatment ('did not start', 'never
    received') without naming its drug or arm, in a comparison of arms that received
    different things?"""
    words = (facts.drug_mention or "").lower().split()
    if not words or not {"not", "never"} & set(words) and not any(w.endswith("n't") for w in words):
        return False
    arms = {(state.cohorts[i].drug, state.cohorts[i].drug_status == "not_received")
            for i in state.arms}
    return not facts.arm_label and len(arms) >= 2


def _defined_otherwise(facts: ClauseFacts, state: LinkState) -> bool:
    """'sertraline (Zoloft; cohort A, n = 162), the active reference escitalopram', 'X
    (cohort B, n = 163) or placebo': the clause names an arm whose treatment a label defined,
    and besides it the next arm's drug or control, neither a part nor a fuller naming of the
    arm's own."""
    label = facts.arm_label.lower() if facts.arm_label else None
    if label is None or label not in state.arm_drugs:
        return False
    if facts.control:
        return label not in state.arm_controls and label not in state.arm_added
    if not facts.drug:
        return False
    own, named = set(state.arm_drugs[label][0].split(" + ")), set(facts.drug.split(" + "))
    return not (own <= named or named <= own)


def _inherit(cohort: Cohort, parent: Cohort) -> None:
    if not cohort.drug:
        cohort.drug, cohort.drug_mention = parent.drug, parent.drug_mention
    if not cohort.drug_status:
        cohort.drug_status = parent.drug_status
    elif cohort.drug_status in CHANGED_STATUSES and parent.drug_status == "not_received" \
            and cohort.drug == parent.drug:
        # "8 in the placebo group withdrew": the comparator arm never had X to stop
        # (corpora/README: withdrawals of the comparator arm are `not_received`).
        cohort.drug_status = "not_received"
    if not cohort.procedure:
        cohort.procedure = parent.procedure


def add_event(state: LinkState, cohort: int | None, count: int, percent: float | None,
               outcome: Cue, facts: ClauseFacts, sent_index: int, span: Span,
               confidence: float) -> None:
    state.last_outcome = outcome
    group = state.cohorts[cohort] if cohort is not None else None
    drug, mention, status = facts.drug, facts.drug_mention, facts.drug_status
    if facts.choice or group is not None and group.index in state.chosen:
        drug, status = None, None  # one of several agents at the physician's choice
        if group is not None and not group.drug:
            state.chosen.add(group.index)  # ("25 of 57 on control": a part of that arm)
            group.drug_status = None
    elif facts.control:  # the control arm's own drug is the experimental one, not received
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
