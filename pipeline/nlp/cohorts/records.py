"""Settings and plain records of the cohort linker: cohorts, events, cues, clauses, mentions."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ...data import check_keys

CUES_KEY = "onco_cues"


BRAND_MARKS = {"®", "™", "(R)", "(TM)"}


YEARS = range(1900, 2101)


#: Mention.drug of a total over several arms: it received no single treatment.
SEVERAL_ARMS = ("", "")

#: Statuses that say a group's treatment changed ("37 stopped X early").
CHANGED_STATUSES = frozenset({"discontinued", "continued"})


@dataclass(frozen=True)
class LinkSettings:
    """The word lists, windows and confidences of models/rules/linking.json."""

    clause_breaks_after_comma: frozenset[str]
    clause_breaks: frozenset[str]
    comparators: frozenset[str]
    comparison_verbs: frozenset[str]  # "comparing X with Y": no combination
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
    # 'Three patients, all in the X group, stopped': an apposition that only names the group
    apposition_words: frozenset[str]
    treatment_words: frozenset[str]
    size_for_words: frozenset[str]
    threshold_words: frozenset[str]
    threshold_tails: frozenset[str]
    change_words: frozenset[str]
    interval_words: frozenset[str]
    none_words: frozenset[str]
    adverse_event_suffixes: tuple[str, ...]
    adverse_event_exceptions: frozenset[str]
    alternative_words: frozenset[str]
    arm_nouns: frozenset[str]
    anaphora_openers: tuple[tuple[str, ...], ...]
    drug_connectors: frozenset[str]
    dose_words: frozenset[str]
    dose_joiners: frozenset[str]
    # What tells dose arms of one drug apart ("the 70-mg group", "every 2 weeks", "the higher
    # dose"): the units of an amount, and schedules and ranks as [key, word, ...] phrases.
    dose_units: frozenset[str]
    dose_schedules: tuple[tuple[str, ...], ...]
    dose_ranks: tuple[tuple[str, ...], ...]
    tally_words: frozenset[str]
    measure_labels: frozenset[str]
    date_words: frozenset[str]
    affect_verbs: frozenset[str]
    max_framed_words: int
    back_references: frozenset[str]
    figure_words: frozenset[str]
    rate_pronouns: frozenset[str]  # "in Arm B it was 40 of 58": the rate counted last
    control_drugs: frozenset[str]
    alone_words: frozenset[str]
    relative_pronouns: frozenset[str]
    status_priority: tuple[str, ...]
    confidence: dict[str, float]
    frame_verbs: frozenset[str]
    frame_prepositions: frozenset[str]
    frame_auxiliaries: frozenset[str]
    object_verbs: frozenset[str]
    article_verbs: frozenset[str]
    rate_words: frozenset[str]
    time_complements: frozenset[str]
    phrase_stops: frozenset[str]
    not_outcomes: frozenset[str]
    max_outcome_words: int
    max_heading_words: int
    outcome_headers: tuple[tuple[str, ...], ...]
    range_words: frozenset[str]
    combination_anaphors: tuple[tuple[str, ...], ...]
    safety_outcomes: frozenset[str]
    safety_population_words: frozenset[str]
    causality_words: frozenset[str]
    breakdown_words: frozenset[str]
    threshold_nouns: frozenset[str]
    cause_phrases: tuple[tuple[str, ...], ...]
    cause_clause_openers: frozenset[str]  # "because they could not tolerate ..."
    cause_modifiers: int  # words before the harm a cause names ("gastrointestinal")
    lead_words: frozenset[str]
    screening_words: frozenset[str]
    harm_words: frozenset[str]
    absence_words: frozenset[str]
    measured_nouns: frozenset[str]
    adverbial_openers: frozenset[str]
    efficacy_words: frozenset[str]
    resolution_verbs: frozenset[str]
    open_bounds: frozenset[str]
    frame_adverbs: frozenset[str]
    frequency_words: frozenset[str]
    intervention_verbs: frozenset[str]
    event_adjectives: frozenset[str]
    disease_states: frozenset[str]
    pronouns: frozenset[str]
    response_indices: frozenset[str]
    state_verbs: frozenset[str]
    safety_words: frozenset[str]
    endpoint_headings: frozenset[str]
    harm_classes: frozenset[str]
    harm_terms: frozenset[str]
    harm_suffixes: tuple[str, ...]
    measure_changes: frozenset[str]
    event_heads: frozenset[str]
    judgement_verbs: frozenset[str]
    grade_words: frozenset[str]
    assignment_participles: frozenset[str]
    loss_words: frozenset[str]
    time_prepositions: frozenset[str]
    contrast_words: frozenset[str]
    definition_words: frozenset[str]
    not_event_after: frozenset[str]
    choice_verbs: frozenset[str]
    people_outcomes: frozenset[str]
    subject_complements: frozenset[str]
    not_outcomes_alone: frozenset[str]
    respectively_words: frozenset[str]
    list_separators: frozenset[str]
    versus_words: frozenset[str]
    generic_heads: frozenset[str]
    # 'Subgroup | X | Placebo': a header whose rows are subgroups, counting the title's outcome
    subgroup_headers: frozenset[str]
    minimum_phrases: tuple[tuple[str, ...], ...]  # 'at least one relapse': events per patient
    design_nouns: frozenset[str]  # 'one of six dose levels': doses of the design, no patients
    goal_words: frozenset[str]  # 'The main goal was X. That happened in 40': what a trial aims at
    arm_definition_links: frozenset[str]
    arm_definition_reach: int
    arm_schedule_words: frozenset[str]
    size_bracket_words: frozenset[str]  # "Arm A (n = 120) received X": a bracket of the size only
    treatment_kinds: frozenset[str]  # "the combination arm": a kind of treatment, no arm's name
    trial_nouns: frozenset[str]  # "the CASCADE study": a word in capitals beside one names a trial
    sole_words: frozenset[str]  # "assigned to X only": X given on its own, no part of an option
    plan_words: frozenset[str]
    dummy_forms: frozenset[str]
    dummy_links: tuple[tuple[str, ...], ...]
    dummy_pair_links: tuple[tuple[str, ...], ...]
    dummy_compounds: frozenset[str]
    treatment_modifiers: frozenset[str]
    prior_words: frozenset[str]
    prior_links: frozenset[str]
    prior_reach: int
    prior_after_words: frozenset[str]  # 'had also received X or Y before.': no arm's treatment
    every_control_words: frozenset[str]  # 'double placebo', 'two matching placebos'
    unfit_phrases: tuple[tuple[str, ...], ...]
    complement_words: frozenset[str]
    remainder_words: frozenset[str]  # 'leaving 404 in the analysis': the rest, a group
    subset_openers: frozenset[str]  # ', including 20 who ...': a part of the counts before
    population_verbs: frozenset[str]  # 'and formed the mITT population': the group is
    population_nouns: frozenset[str]  # an analysis population, no event
    # 'Among those who underwent surgery, ...': an opening that names a group by what it is
    # (a head among described_heads), matched by its other words to a group named before
    described_heads: frozenset[str]
    description_stops: frozenset[str]  # words that tell no group apart ('who', 'with')
    dose_changes: frozenset[str]  # '22 needed a dose reduction': a change of dosing, no event
    measure_units: frozenset[str]  # 'of 880 mg', '12 years': a measure, no count
    part_words: dict[str, float]
    all_words: frozenset[str]
    demographic_openers: frozenset[str]
    statistic_words: frozenset[str]  # '30,000 people live with the disease': no group studied
    statistic_phrases: tuple[tuple[str, ...], ...]  # '5,000 are diagnosed each year'
    study_parts: frozenset[str]  # '30 in dose escalation, 40 in the expansion': a study's parts
    reason_words: frozenset[str]  # 'reasons for screening failure were X (96 patients)'
    reason_nouns: frozenset[str]  # 'the reasons were': what a group stopped for follows
    approximation_words: frozenset[str]  # 'plans to enrol about 600': a planned sample
    plan_verbs: frozenset[str]
    history_words: frozenset[str]  # '96 had previously received X': the patients' history
    perfect_history_words: frozenset[str]  # '11 had never received X': after 'had' only
    availability_words: frozenset[str]  # 'samples were available for 271 patients'
    free_of_openers: tuple[tuple[str, ...], ...]  # 'alive with no sign of': free of what follows
    endpoint_definers: frozenset[str]  # 'X, defined as ...': an end point, not a harm
    rating_verbs: frozenset[str]  # 'rated their cough as much improved': the rating
    responder_changes: frozenset[str]  # 'a reduction of at least 50% in X': responders
    not_responder_measures: frozenset[str]  # 'a reduction in body weight of 5% or more'
    # 'to X or to the physician's choice of A or B': an arm given one of several agents
    choice_words: frozenset[str]
    choice_links: frozenset[str]  # 'choice of (either) A or B': words before the first agent
    naming_words: frozenset[str]  # 'X plus an immunotherapy drug called Y': Y is what is added
    agent_kind_nouns: frozenset[str]  # 'X and the targeted pill Y': what kind of agent Y is
    aside_participles: frozenset[str]  # 'X, given as a drip every 3 weeks, with Y': how X is given
    without_words: frozenset[str]  # 'without X': not received, when X is a treatment
    events_in_words: frozenset[str]  # '11 relapses in 107 children': the group's word
    reach_verbs: frozenset[str]  # '22 reached an Epworth score of 10 or less': responders
    score_nouns: frozenset[str]  # (the score whose threshold they reach)
    lab_units: frozenset[str]  # 'potassium above 6.0 mmol/L occurred in 3': a harm
    excess_words: frozenset[str]  # (a laboratory value above a threshold)

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
        # dose_words lists the schedule and route words of a dose; its units are dose_units
        values["dose_words"] = values["dose_words"] | values["dose_units"]
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
    dose: tuple[str, ...] = ()  # an arm's dose and schedule terms ("70 mg", "q2w"), sorted
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
    whole: int | None = None  # the size the text states with the count ("22 of the 1,108")


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
    every_control: bool = False  # "the double-placebo group": the placebo of every drug tested
    choice: bool = False  # the arm given one of several agents at the physician's choice
    procedure: str | None = None
    arm_label: str | None = None
    setting: str | None = None
    is_study: bool = False
    is_incidence: bool = False
    baseline_at: int | None = None  # where a baseline statistic is named ("median age")
    anaphora: bool = False
    elliptical: bool = False
    shared_outcome: Cue | None = None  # "Five patients in arm A and one in arm B died"
    shares_comparison: bool = False  # "6 versus 16 died": the predicate after "versus" is its
    named_again: bool = False  # "X plus Y ... after a Y lead-in": a part of the treatment again
    dose: tuple[str, ...] = ()  # "in the 70-mg group": the dose terms that pick a dose arm
    shared_change: str | None = None  # "..., 132 in the B group and 140 in C completed": the
    # change of treatment (status) a list item takes from its comparison


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
