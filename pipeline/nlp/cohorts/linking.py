"""Linking a document: sentence by sentence, each count to its cohort and outcome."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from ..numbers import SPANS_KEY as NUMBERS_KEY
from ..numbers import fraction_parts
from ..words import Words, words_of
from .arms import (
    added_drug,
    arm_definitions,
    arm_signature,
    assign_respectively,
    bracket_drug,
    chosen_agents,
    clause_dose,
    clear_frame_total,
    clear_pooled_frame,
    clear_sentence_total,
    clear_totals,
    compared_options,
    counted_order,
    dose_arms,
    dose_terms,
    kept_options,
    label_taken,
    listed_sizes,
    mark_choice,
    name_arms,
    name_arms_by_definition,
    name_control,
    name_option,
    name_pieces,
    named_order,
    option_doses,
    same_treatment_arms,
    sentence_offers,
    widen_to_arm,
)
from .clauses import (
    background_drugs,
    clause_facts,
    defining_relative,
    drug_groups,
    names_every_control,
    share_control_drug,
    share_predicates,
    share_statuses,
    share_whom_drug,
    split_clauses,
)
from .groups import (
    LinkState,
    add_event,
    fill_cohort,
    find_cohort,
    fit_score,
    gives_share,
    group_of_share,
    implicit_cohort,
    named_parent,
    new_cohort,
    recent_cohort,
    remember,
    sibling_arm,
)
from .mentions import breakdown_counts, find_mentions, in_size_brackets, names_study_part, other_arms
from .outcomes import (
    PRO_VERBS,
    cases_of,
    cause_part,
    clause_outcome,
    endpoint_harms,
    given_as_reason,
    harm_reason,
    harm_stops,
    heading_outcome,
    judged_none,
    listed_reason,
    names_main_condition,
    other_outcome,
    preceding_outcome,
    predicate_outcome,
    qualified_outcome,
    rated_subject,
    refers_back,
    response_kind,
    short_form_outcomes,
    turned_outcomes,
)
from .records import (
    CHANGED_STATUSES,
    SEVERAL_ARMS,
    Clause,
    ClauseFacts,
    Cohort,
    Cue,
    Event,
    LinkSettings,
    Mention,
)
from .spans import after_percent, cue_spans, longest_cues, same_label, treatment_end
from .tables import link_table_row


def link_document(doc: Doc, settings: LinkSettings,
                  units: frozenset[str]) -> tuple[list[Cohort], list[Event]]:
    """All cohorts and events of a document, linked."""
    words = words_of(doc)
    lower = words.lower  # lower[i] is doc[i].lower_, without a Token object
    cues = [_cue(c, words) for c in cue_spans(words)]
    # "the vasopressin group 90": a group named by its drug, then a number, is no label.
    cues = [c for c in cues if c.label != "ARM" or c.start == 0
            or words.ent_type[c.start - 1] != "DRUG"]
    # "Overall survival data were immature": the data, not an event; "fatal or disabling
    # stroke", "fatal bleeding": an adjective of the event named after it.
    cues = [c for c in cues if c.label != "OUTCOME" or c.end >= len(doc)
            or lower[c.end] not in settings.not_event_after
            and not (c.text.lower() in settings.event_adjectives and words.is_alpha[c.end]
                     and lower[c.end] not in settings.phrase_stops
                     and lower[c.end] not in settings.event_heads)  # ("fatal events": deaths)
            # "28 had relapsed or refractory disease": the disease state of a population
            and not any(w in settings.disease_states for w in lower[c.end:c.end + 2])]
    cues = [c for c in cues if not _stopped_doing(words, c, settings)]
    # "Within a year, 9 relapsed": a time window, not a yearly incidence; "gave 64 patients
    # a year of X": how long a treatment lasted.
    cues = [c for c in cues if c.label != "INCIDENCE" or c.start == 0
            or lower[c.start - 1] not in settings.time_prepositions
            and not (c.id == "incidence" and c.end < len(lower) and lower[c.end] == "of")]
    at: dict[str, list[int]] = {}  # word -> where it stands: word lists found in one pass
    for i, word in enumerate(lower):
        at.setdefault(word, []).append(i)
    ae_words, fractions = _scan_words(doc, at, cues, settings)
    cues += ae_words
    cues += harm_stops(doc, cues, settings)
    cues += turned_outcomes(doc, cues, settings)
    cues += short_form_outcomes(doc, cues)
    drugs = [e for e in doc.ents if (e.label_ == "DRUG" and not _prior_therapy(doc, e, settings))
             or (e.label_ == "DRUG_CLASS" and e.id_ in settings.control_drugs)]
    sents = list(doc.sents)
    cues = endpoint_harms(doc, cues, [s.start for s in sents], settings)
    background = _background_drugs(doc, drugs, cues, [s.start for s in sents], settings)
    if background and any(e.start not in background and e.id_ not in settings.control_drugs
                          for e in drugs):
        # "All received dinutuximab beta ...; 203 were assigned to also receive aldesleukin":
        # what every arm got is no arm's treatment.
        drugs = [e for e in drugs if e.start not in background]
    # Only sentences with a number or an "all patients" can hold a count: skip the rest.
    numbers = list(doc.spans.get(NUMBERS_KEY, []))
    anchors = {s.start for s in numbers}
    anchors |= fractions
    # "X 45 mg twice daily, X 15 mg twice daily, or placebo": a dose is no count, so no
    # comma between two doses splits the options into clauses.
    # "In cohort 1, 36 patients responded": the number of a label is no count either.
    labels = {c.end - 1 for c in cues if c.label == "ARM"}
    anchor_list = sorted(i for i in anchors if i not in labels and (
        i + 1 >= len(doc) or lower[i + 1] not in settings.dose_units))
    universal = {c.start for c in cues if c.label == "UNIVERSAL"}
    state = LinkState()
    # Arms of a subgroup ("158 were HRD, of whom 106 received X and 52 placebo"): the
    # sentence that defined them, its arms and the whole arms they are parts of.
    subgroup_arms: tuple[int, list[int], list[int]] | None = None
    # parts of each arm a sentence broke a group down into, with no count of their own
    # there: (sentence, parts, arms); a next sentence that refers back counts over them
    broken_down: tuple[int, list[int], list[int]] | None = None
    safety_arms: tuple[list[int], list[int]] | None = None  # the treated parts of the arms
    groups = drug_groups(doc, drugs, settings)
    state.only_drug = _only_treatment(doc, groups, settings)
    sent_of = [0] * len(doc)  # token -> sentence index, to bucket everything in one pass
    for n, sent in enumerate(sents):
        sent_of[sent.start: sent.end] = [n] * len(sent)
    cues_by: list[list[Cue]] = [[] for _ in sents]
    for cue in cues:
        cues_by[sent_of[cue.start]].append(cue)
    drugs_by: list[list[Span]] = [[] for _ in sents]
    for ent in drugs:
        drugs_by[sent_of[ent.start]].append(ent)
    for n in {sent_of[e.start] for e in drugs if e.id_ in settings.control_drugs}:
        dummies = _double_dummies(words, drugs_by[n], settings)
        if dummies:  # "X plus an oral placebo, and Y plus an intravenous placebo"
            drugs_by[n] = [e for e in drugs_by[n] if e.start not in dummies]
            cues_by[n] = [c for c in cues_by[n] if c.start not in dummies or c.label != "STATUS"]
    numbers_by: list[list[Span]] = [[] for _ in sents]
    for number in numbers:
        numbers_by[sent_of[number.start]].append(number)
    anchored = {sent_of[i] for i in anchors | universal}
    # "No deaths occurred in the placebo group": a count of zero without a number.
    none_at = _where(at, settings.none_words)
    anchored |= {sent_of[i] for i in none_at}
    nones_by: dict[int, list[int]] = {}
    for i in none_at:
        nones_by.setdefault(sent_of[i], []).append(i)
    # Words looked for in every sentence, found once per document (Token objects cost more).
    respectively_sents = {sent_of[i] for i in _where(at, settings.respectively_words)}
    # "the corresponding rates", "The number of admissions": words a few readings need
    back_sents = {sent_of[i] for i in _where(at, settings.figure_words)}
    tally_sents = {sent_of[i] for i in _where(at, settings.tally_words)}
    bracket_sents = {sent_of[i] for i in _where(at, ("(", "["))}
    dose_sents = {sent_of[i] for i in _where(at, _dose_words(at, settings))}
    same_sents = {sent_of[i] for i in at.get("same", ())}
    dosed_arms = False
    # "(switch group)", "in the continuation group": arms named by a word and "group"
    arm_names = {c.start: c.text.lower() for c in cues if c.label == "ARM_NAME"
                 and words.ent_type[c.start] not in {"DRUG", "DRUG_CLASS"}}
    dose_sents |= {sent_of[i] for i in arm_names}
    anaphor_heads = frozenset(a[-1] for a in settings.combination_anaphors)
    anaphor_at = set(_where(at, anaphor_heads))
    intervals_by: dict[int, list[int]] = {}  # "CI", "range": where bounds may follow
    for i in _where(at, settings.interval_words):
        intervals_by.setdefault(sent_of[i], []).append(i)
    # Rows of flattened tables ("a | b"): read from the words, not from each sent.text.
    table_sents = {sent_of[i] for i, text in enumerate(words.text) if "|" in text} \
        if "|" in words.doc_text else set()
    # "The benefit held in the STK11 subgroup, in which ...": a subgroup named mid-sentence
    subgroup_sents = {sent_of[i] for i in _where(at, _SUBGROUP_NOUNS)}
    populations_by: dict[int, list[int]] = {}  # "the mITT population": where each is named
    for i in _where(at, settings.population_nouns):
        populations_by.setdefault(sent_of[i], []).append(i)
    names_by = _trial_names(words, at, sent_of, settings)  # "CASCADE", "TRIDENT-5": trials named by sentence
    randomised_before = -2  # the last sentence that said the patients were randomised
    choices_by: dict[int, list[int]] = {}  # "the physician's choice of A or B": where named
    for i in _where(at, settings.choice_words):
        choices_by.setdefault(sent_of[i], []).append(i)
    trials: dict[str, list[int]] = {}  # a trial's name -> the groups of the sentences naming it
    trial_drugs: dict[str, tuple[str, str]] = {}  # a trial's name -> the drug it first named
    for sent_index, sent in enumerate(sents):
        if state.last_in_sentence:
            state.previous_at = sent_index - 1
        state.last_in_previous = state.last_in_sentence or state.last_in_previous
        state.last_in_sentence = []
        state.last_outcome = None
        if sent_index in names_by:
            _enter_trial(state, trials, names_by[sent_index], sent_index)
        sent_drugs = drugs_by[sent_index]
        sent_groups = drug_groups(doc, sent_drugs, settings)
        active = [g for g in sent_groups if g[0] not in settings.control_drugs]
        state.sentence_drug = _tested_drug(doc, sent_groups, active, settings, units)
        if sent_index in names_by and len({n for _, n in names_by[sent_index]}) == 1:
            # "LORAL, a single-arm trial of lorlatinib": the trial's drug, until another is named
            name = names_by[sent_index][0][1]
            if state.sentence_drug is not None:
                trial_drugs.setdefault(name, state.sentence_drug)
            state.trial_drug = trial_drugs.get(name)
        if state.combination is None:
            state.combination = _named_together(doc, active, settings)
        for i in choices_by.get(sent_index, ()):
            state.choice = chosen_agents(words, i, sent_groups, settings) or state.choice
        sent_cues = cues_by[sent_index]
        # "They randomized 112 people. Fifty-seven got X plus Y; the other 55 got Y alone.":
        # the groups of the sentence after a randomisation are its arms
        randomised = any(_randomises(c) for c in sent_cues)
        randomised_here = randomised or randomised_before == sent_index - 1
        if randomised:
            randomised_before = sent_index
        defined = arm_definitions(doc, sent, sent_groups,
                                  [c for c in sent_cues if c.label == "ARM"], settings)
        state.arm_drugs.update({k: (v[0], v[1]) for k, v in defined.items()})
        state.arm_labels.update({k: v[2] for k, v in defined.items()})
        state.arm_controls.update({
            k: next((background_drugs(sent_drugs, g, settings) for g in sent_groups
                     if g[1] == v[1]), frozenset())
            for k, v in defined.items() if v[0] in settings.control_drugs})
        _control_lacks(state, defined, settings)
        if len(defined) >= 2 and randomised:
            offered = [(g[0], g[3] < len(doc) and lower[g[3]] in settings.alone_words)
                       for g in sent_groups]
            for label, (drug, _, _) in defined.items():
                added = added_drug(drug, offered) if (drug, True) in offered else None
                if added is not None:
                    state.arm_added[label] = added
        if sent_index in table_sents:  # a header may have no number: "Event | Nivolumab | Placebo"
            previous = sents[sent_index - 1] if sent_index else None
            link_table_row(doc, sent, sent_index, sent_cues, sent_drugs, state, settings,
                           numbers=numbers_by[sent_index], title=previous,
                           title_cues=cues_by[sent_index - 1] if sent_index else [])
            continue
        if sent_index not in anchored:
            if state.sentence_drug:
                state.experimental = state.sentence_drug
            several = [g for g in active if " + " in g[0]]
            if several:
                state.combination = (several[-1][0], several[-1][1])
            if len(sent_groups) >= 2 and any(c.label == "STUDY_VERB" for c in sent_cues) and any(
                    word in settings.alternative_words
                    for word in lower[sent_groups[0][3]:sent_groups[-1][2]]):
                # "Patients were randomized to roflumilast or placebo.": the options compared.
                state.options = [(g[0], g[3] < len(doc) and lower[g[3]] in settings.alone_words)
                                 for g in sent_groups]
                state.options_sent = sent_index
            continue
        if state.population or sent_index in populations_by:
            _refer_to_population(words, sent, populations_by.get(sent_index, []), state, settings)
        if state.cohorts and (lower[sent.start] in _POPULATION_OPENERS
                              or sent_index in subgroup_sents):
            if _refer_to_described_group(words, sents, sent_index, state, settings):
                subgroup_arms = None  # (the group named is in force, not the arms before it)
        sent_numbers = numbers_by[sent_index]
        arms_at_start = list(state.arms)
        n_cohorts, n_events = len(state.cohorts), len(state.events)
        state.table, state.table_sizes = None, None
        clauses = split_clauses(doc, sent, settings, anchor_list)
        # "(mean age, 61 years; 55% women)": a set-off aside's statistics silence no count
        asides = [(c.start, c.end) for c in clauses if c.ignored]
        clauses = [c for c in clauses if not c.ignored]
        all_facts = [clause_facts(doc, c, sent_cues, sent_drugs, settings) for c in clauses]
        # "Among the 88, 90 and 88 patients who started treatment, ...": sizes of groups.
        # "In the safety population (X n = 122, Y n = 121), ...": the sizes of that
        # population's groups, which it then holds (as 'In the mITT population' does)
        sized_population = _sized_population(words, sent, populations_by.get(sent_index, []),
                                             settings)
        lead = (_leading_sizes(doc, sent, sent_cues, settings)
                or _bracketed_sizes(doc, sent, sent_cues, settings)
                or (_framed_sizes(words, sent, sent_cues, settings)
                    if sent_index in respectively_sents else {})) \
            if words.lower[sent.start] in settings.reference_words or sized_population else {}
        # "Among 241 and 238 patients with measurable disease at baseline, ...": what picks
        # the groups, no baseline statistic.
        lead_end = next((t.i for t in doc[max(lead):sent.end] if t.text == ","), sent.end) \
            if lead else _opening_frame_end(words, sent, settings)
        baseline = min((c.start for c in sent_cues if c.label == "INCIDENCE"
                        and c.id == "baseline" and c.start >= lead_end
                        and not any(a <= c.start < b for a, b in asides)), default=None)
        if baseline is not None or lead:
            for facts in all_facts:  # "the median age was 68, and fewer than ... over 65"
                facts.baseline_at = baseline
        if any(c.label == "INCIDENCE" and c.id != "baseline" for c in sent_cues):
            for facts in all_facts:  # "314,000 new cases and 207,000 deaths each year"
                facts.is_incidence = True
        share_predicates(all_facts, settings, doc, anchor_list)
        share_statuses(all_facts, doc, settings)
        share_whom_drug(all_facts, doc)
        share_control_drug(all_facts, doc)
        if state.choice is not None:
            for facts in all_facts:
                mark_choice(facts, sent_groups, state.choice, settings)
        listed = listed_sizes(words, sent, sent_groups, settings) \
            if respectively_sents and sent_index in respectively_sents else []
        listed_at = {i for i, _ in listed}
        if dosed_arms and sent_index in dose_sents:
            for facts in all_facts:  # "in the 70-mg group": the arm given that dose
                terms = dose_terms(words, facts.start, facts.end, settings, arm_names)
                facts.dose = clause_dose(terms, state) if terms else ()
        if broken_down is not None and broken_down[0] == sent_index - 1 \
                and state.arms == broken_down[2] and _refers_back(words, sent, settings):
            # "... for 398 (134 in the A group, 131 in the B group and 133 in the placebo
            # group). A response was seen in 61, 72 and 21 of them, respectively."
            state.arms, subgroup_arms = list(broken_down[1]), broken_down
        broken_down = None
        if subgroup_arms is not None and state.arms == subgroup_arms[1] \
                and sent_index > subgroup_arms[0] + 1 and not all_facts[0].anaphora:
            # The sentence after next that does not refer back ("In this group, ...") is of
            # the whole arms again.
            state.arms, subgroup_arms = subgroup_arms[2], None
        for k in range(1, len(all_facts)):
            if all_facts[k - 1].anaphora and words.text[clauses[k - 1].end - 1] == "," \
                    and clauses[k - 1].end - clauses[k - 1].start <= 4:
                all_facts[k].anaphora = True  # "Of those 118, | 112 completed ...": still of them
        for here, after in zip(all_facts, all_facts[1:], strict=False):
            if after.elliptical and lower[after.start] in settings.versus_words \
                    and here.shared_outcome is not None:
                here.shares_comparison = True
        for facts in all_facts:
            if facts.shared_outcome is not None and lower[facts.start] in settings.contrast_words:
                # "..., whereas 43 and 71, respectively, had progressive disease": a new
                # statement, not the outcome of the clause before it.
                facts.shares_comparison = True
        respectively = sent_index in respectively_sents
        # "148 and 145 patients, respectively, received ...", "181 patients in the A group and
        # 179 in the B group received ...": the list shares its verb.
        for here, after in reversed(list(zip(all_facts, all_facts[1:], strict=False))):
            if after.elliptical and not any(c.label in _VERBS for c in here.cues):
                here.is_study = here.is_study or after.is_study
        if state.options:
            arm_drugs = frozenset(state.cohorts[i].drug or "" for i in state.arms
                                  if state.cohorts[i].drug_status == "received")
            for facts in all_facts:
                if _given_only(words, facts, sent_drugs, settings):
                    continue  # "55 of 401 assigned to metformin only": no option it is part of
                name_option(facts, state.options, arm_drugs)
                if state.named_options:
                    name_pieces(facts, state.named_options, arm_drugs, alone=any(
                        w in settings.alone_words for w in lower[facts.start:facts.end]))
        if len(state.arms) >= 2:
            for facts in all_facts:
                widen_to_arm(facts, state)
        options = compared_options(doc, clauses, all_facts, sent_groups, settings)
        if not options:
            # "ponatinib plus blinatumomab, ..., ponatinib continued": the combination is
            # the treatment a later "blinatumomab" alone names a part of.
            options = [(f.drug, False) for f in all_facts if f.named_again and f.drug][:1]
        state.sentence_options = options
        state.sentence_option_doses = option_doses(words, clauses, all_facts, sent_groups, settings) \
            if options and sent_index in dose_sents else []
        add_on: list[tuple[str, bool]] = []
        if len(sent_groups) >= 2 and randomised_here:
            # "74 to X plus Y and 76 to Y alone": the options of the sentence, one per clause
            offered = options or sentence_offers(doc, sent_groups, settings)
            for facts in all_facts:
                name_control(facts, offered)
            alone = [o[0] for o in offered if o[1]]
            if len(alone) == 1 and added_drug(alone[0], offered) is not None:
                add_on = offered  # later sentences name the control by its backbone
                # "(N = 821 for X-Y and N = 822 for Y alone)": sizes name the options too
                state.sentence_options = state.sentence_options or offered
        for clause, facts in zip(clauses, all_facts, strict=True):
            clause_groups = sent_groups
            if state.combination and any(clause.start <= i < clause.end for i in anaphor_at) \
                    and (_names_combination(doc, clause, settings)
                         or _part_names_regimen(words, clause, facts, state.combination,
                                                settings)):
                if facts.drug_status not in CHANGED_STATUSES:  # ("... stopped taking X")
                    clause_groups = _with_anaphor(words, clause, sent_groups, state.combination,
                                                  settings)
                _take_combination(facts, state.combination)
                if state.sentence_drug is None and facts.drug and not any(f.alone for f in all_facts):
                    # "60 to the combination and 60 to observation": what the control lacks
                    # (but "the X-alone arm" lacks only what the combination adds to X)
                    state.sentence_drug = (facts.drug, facts.drug_mention or facts.drug)
            if facts.drug and " + " in facts.drug and not facts.control:
                state.combination = (facts.drug, facts.drug_mention or facts.drug)
            referent = _event_group(doc, sent_index, clause.start, state, settings) \
                if facts.anaphora else None
            if referent is not None:
                state.last_in_sentence.append(referent)
            elif facts.anaphora and state.last_in_previous and not _named_before(
                    state, clause.start, words.idx):
                # (but "Eighteen stopped early; of these, four ...": the group just named)
                state.last_in_sentence.append(state.last_in_previous[-1])
            label = _label_heading(sent, clause, sent_cues, words)
            if label is not None and facts.arm_label is None:
                facts.arm_label = label  # "Arm A: sotorasib 960 mg daily (n = 104)"
            headed = _headed(doc, sent, clause, facts, sent_cues, settings) if label is None else None
            if headed is not None:  # "Major bleeding: 2 (1.7%) vs 5 (4.2%)"
                facts.shared_outcome = headed
                facts.is_study = True
            mentions = find_mentions(doc, clause, facts.cues, sent_groups, settings, units,
                                     sent=sent, numbers=sent_numbers, anaphora=facts.anaphora,
                                     arm_count=len(state.arms), sent_cues=sent_cues,
                                     options_count=len(options) or (
                                         len(state.options) if (
                                             state.options_sent == sent_index - 1 or randomised
                                             and -1 < state.options_sent < sent_index)
                                         and len(state.arms) < 2 else 0),
                                     labelled_arms=len(state.arm_labels),
                                     interval_at=intervals_by.get(sent_index),
                                     headed=headed is not None,
                                     tally=sent_index in tally_sents,
                                     none_at=nones_by.get(sent_index, []))
            mentions = [_bracketed_arm(words, clause, m, sent, sent_groups, settings)
                        for m in mentions]
            if any(m.drug is not None for m in mentions):
                # "306 patients were randomized to A (n = 152) or B (n = 154)": the other
                # counts of the clause are the total, which received neither as such (but
                # "cohort B, n = 163) or placebo (n = 161)": a size of the arm it labels).
                mentions = [m if m.drug is not None or m.kind != "count" or m.arm is not None
                            else replace(m, drug=SEVERAL_ARMS) for m in mentions]
            for mention in mentions:
                if mention.start in listed_at:
                    if listed:  # "(101, 99 and 100 patients, respectively)": one per option
                        _size_options(doc, sent_index, listed, state, settings)
                        listed = []
                    continue
                if mention.start in lead:
                    _size_group(doc, sent_index, mention, facts, state, settings,
                                *lead[mention.start])
                    continue
                _link(doc, sent_index, mention, facts, state, settings, clause_groups,
                      back=sent_index in back_sents, brackets=sent_index in bracket_sents,
                      sent_cues=sent_cues)
            if not mentions and any(clause.start <= i < clause.end for i in none_at):
                _link_zero_events(doc, sent_index, clause, facts, state, settings)
        if sent_index in bracket_sents and len(state.arms) >= 2 \
                and any(not c.drug for c in state.cohorts[n_cohorts:]):
            _split_over_arms(words, sent, state, n_cohorts, settings)
        if len(arms_at_start) >= 2 and any(c.label == "STATUS" and c.id in CHANGED_STATUSES
                                           for c in sent_cues):
            _changed_parts_of_arms(words, state, n_cohorts, arms_at_start, sent_cues, settings)
        siblings = [c.index for c in state.cohorts[n_cohorts:]
                    if c.statement and c.index not in state.reasons]
        # "...: 204 in Arm A, 204 in Arm B and 200 in Arm C": an arm restated with the size
        # it had is one of the sentence's groups too, in its place.
        restated = [i for i in state.last_in_sentence if i < n_cohorts
                    and state.cohorts[i].arm_label and state.cohorts[i].statement]
        if restated and siblings:
            siblings = sorted(siblings + restated, key=lambda i: state.cohorts[i].start_char
                              if i >= n_cohorts else _restated_at(doc, sent, state.cohorts[i]))
        restated_parts = False
        if respectively and len(siblings) >= 4:
            listed_parts = _restated_respectively(doc, state, siblings, settings)
            restated_parts, siblings = listed_parts != siblings, listed_parts
        stated = list(siblings)
        sizes = {i: state.cohorts[i].size for i in siblings}
        # "240 women were randomly assigned: 121 to TCH and 119 to TCHP": the total is
        # not an arm.
        # Two groups told apart by label or treatment are both arms, whatever their sizes
        # ("randomized 2:1 to A (N = 145) or B (N = 72)").
        if (len(siblings) != 2 or len({arm_signature(state.cohorts[i]) for i in siblings}) < 2) \
                and not (respectively and _one_part_each(state, siblings)):
            # A total comes first; a small group before the arms ("Four did not receive any
            # dose, and the analysis comprised 278 in the A group and 139 in the B group")
            # does not make the larger arm a total.
            siblings = [i for i in siblings if sizes[i] < sum(sizes.values()) - sizes[i]
                        or len(siblings) >= 3 and i != siblings[0]]
        if len(siblings) >= 3:
            siblings = _without_totals(siblings, sizes)
        previous_arms = list(state.arms)
        # "Among those with diabetes (n = 80 in the A group; n = 77 in the B group), ...":
        # a part of each arm, in the arms' order.
        if len(stated) == len(previous_arms) >= 2 and len(siblings) < len(stated) and all(
                state.cohorts[i].parent == a for i, a in zip(stated, previous_arms, strict=True)):
            siblings = stated  # "(48 in cohort A and 50 in cohort B)": one part of each arm
        parents = {state.cohorts[i].parent for i in siblings}
        # ... but "104 had dMMR tumours, of whom 53 were assigned to A and 51 to B": the
        # arms of a stated subgroup, which later sentences go on about.
        stated_parent = len(parents) == 1 and None not in parents
        parts = not stated_parent and len(siblings) == len(previous_arms) >= 2 and all(
                _part_of_arm(state.cohorts[i], state.cohorts[a])
                for i, a in zip(siblings, previous_arms, strict=True))
        changed_parts = False
        if len(siblings) >= 2 and (len(parents) == 1 or parts or restated_parts) \
                and not _opened_whole(words, sent, state, siblings, settings):
            state.arms = siblings  # "121 to TCH and 119 to TCHP": the arms, in order
            changed_parts = _changed_parts(state, siblings, previous_arms)
            if changed_parts:
                # (they hold only for a next sentence that refers back to them)
                subgroup_arms = (sent_index - 1, siblings, previous_arms)
            if _harm_stops_of_parts(state, siblings, previous_arms, n_events):
                state.arms = previous_arms
        made = [c.index for c in state.cohorts[n_cohorts:] if c.statement and c.parent is None]
        if respectively and len(made) == len(previous_arms) + 1 and not state.cohorts[made[0]].drug \
                and state.cohorts[made[0]].size == sum(state.cohorts[i].size for i in made[1:]):
            made = made[1:]  # "comprised 917: 612 and 305, respectively": the total, then its parts
        if respectively and len(previous_arms) >= 2 and len(made) > len(previous_arms) \
                and _listed_last(words, sent, state, made[-len(previous_arms):], settings):
            # "Two in the X group and one in the Y group left, so the safety population
            # included 672 and 336, respectively": the list before "respectively" is the arms'
            made = made[-len(previous_arms):]
        if len(previous_arms) >= 2 and len(made) == len(previous_arms) and respectively:
            _cohorts_respectively(state, made, previous_arms)
        if len(previous_arms) >= 2 and len(state.cohorts) - n_cohorts >= len(previous_arms):
            _bare_lists_over_arms(words, state, n_cohorts, previous_arms, settings)
        if sent_index in same_sents:  # "Arm C (the same chemoradiotherapy followed by X)"
            same_treatment_arms(words, sent, state, n_cohorts)
        if sent_index in dose_sents:
            dose_arms(words, sent, state, n_cohorts, settings)
            if arm_names:
                name_arms(words, sent, state, n_cohorts, arm_names)
                name_arms_by_definition(words, sent, state, n_cohorts, arm_names,
                                        settings.treatment_kinds)
        # (arms with dose terms: only then does a clause's dose pick one)
        dosed_arms = dosed_arms or any(c.dose for c in state.cohorts[n_cohorts:])
        order = named_order(words, sent, state, n_events, sent_drugs, settings,
                            respectively=respectively) \
            if respectively or sent_index in bracket_sents and len(sent_drugs) >= 2 else None
        if order is None and not respectively:  # "60 with X versus 80 with chemotherapy"
            order = counted_order(words, sent, state, n_events, sent_drugs, settings)
        assign_respectively(state, n_events, safety_arms, order)  # (after the arms this sentence defines)
        clear_sentence_total(state, n_cohorts, n_events)
        clear_frame_total(state, n_cohorts, n_events)
        clear_pooled_frame(words, state, n_cohorts, sent_index)
        if len(arms_at_start) >= 2 and len({g[0] for g in sent_groups}) >= 2:
            _clear_opening_frame(words, sent, state, n_cohorts, sent_groups, settings)
        _state_totals(state, n_cohorts, n_events)
        _count_sized_groups(doc, state, n_cohorts, n_events, state.last_in_previous, settings)
        _sizes_before_shares(doc, state, n_events)
        treated = parts and any(t.lower_ in settings.safety_population_words for t in sent)
        if treated and n_events == len(state.events):
            # "196 received at least one dose (66 in Arm A, 65 in Arm B and 65 in Arm C)",
            # "The safety population comprised 1,297 patients in the A group and 1,300 in
            # the B group": the groups later harms of each arm are counted over; efficacy
            # stays with the arms as randomized.
            safety_arms = (siblings, previous_arms)
        _count_harms_over_treated(state, n_events, safety_arms,
                                  judged=safety_arms is not None
                                  and _judges_causality(words, sent, state, n_events, settings))
        if parts and (len(parents) > 1 or treated or any(e.cohort in siblings
                                                         for e in state.events[n_events:])):
            # Parts of the arms with their counts in their own sentence ("..., 20 and 9
            # responded, respectively"), or subgroups of each arm ("39 went on to transplant
            # (29 in cohort 1 and 10 in cohort 2)"): the next list is of the whole arms again
            # (unless it refers back to the parts: broken_down).
            if len(parents) > 1 and not treated and not any(
                    e.cohort in siblings for e in state.events[n_events:]):
                broken_down = (sent_index, list(siblings), list(previous_arms))
            state.arms = previous_arms
        elif parts and state.arms == siblings and not changed_parts:
            # (parts whose treatment changed hold only for a next sentence that refers back)
            subgroup_arms = (sent_index, siblings, previous_arms)
        analysed = _analysed_wholes(state, n_events, sent_index)
        if analysed is not None and not any(words.lower[k] in settings.safety_population_words
                                            for k in range(sent.start, sent.end)):
            # (the treated groups of a safety sentence are the harms' own: safety_arms)
            # "The primary outcome occurred in 14 of 1058 participants in the X group and 33
            # of 1052 in the placebo group" (of 1062 and 1059 randomized): the arms as
            # analysed, which later counts of the arms are of.
            state.arms = analysed
        wholes = _harm_wholes(state, n_events)
        if wholes is not None and safety_arms is None:
            # "Adverse events occurred in 118 of 132 participants in the A group and 112 of
            # 131 in the B group": the groups later harms of each arm are counted over.
            safety_arms = (wholes, list(state.arms))
        if n_events == len(state.events) and _treated_in_each(state, arms_at_start, sent, settings):
            # "the safety population comprised 275 patients in each group": the groups harms
            # are counted over; efficacy stays with the arms as randomized.
            safety_arms, state.arms = (list(state.arms), arms_at_start), arms_at_start
        if sized_population and parts and state.arms == previous_arms:
            state.populations.append((sized_population, list(siblings)))
            _enter_population(state, siblings)
        elif sent_index in populations_by and len(state.cohorts) > n_cohorts:
            _define_populations(words, sent, populations_by[sent_index], state, n_cohorts,
                                settings)
            if _keep_arms_beside_population(state, arms_at_start):
                subgroup_arms = None  # (the population's parts are no subgroup in force)
        if state.options and not options and state.options_sent == sent_index - 1:
            _name_by_options(state, n_cohorts, n_events, settings)
        if state.sentence_drug:
            state.experimental = state.sentence_drug
        if options or add_on:
            state.options, state.options_sent = options or add_on, sent_index
            state.named_options = kept_options(doc, sent_groups, state.options, settings)
            state.option_doses = state.sentence_option_doses if options else []
        if sent_index in names_by:
            _remember_trial(state, trials, names_by[sent_index], n_cohorts, n_events)
        _arms_named_again(state, n_cohorts, n_events)
    clear_totals(state)
    _own_arm_drugs(state)
    _count_main_treatment(state, groups, settings, several_trials=len(
        {name for named in names_by.values() for _, name in named}) >= 2)
    _harm_reasons_of_stops(words, state, settings)
    kept = state.stopped | _reasons_as_groups(state)
    for index, sent_index, start_char, end_char in state.restated:
        state.cohorts.append(replace(state.cohorts[index], index=len(state.cohorts),
                                     sent=sent_index, start_char=start_char, end_char=end_char,
                                     statement=True))
    # A cohort whose own sentence reports an outcome for it is stated through that outcome.
    for event in state.events:
        if event.cohort is not None and event.cohort not in kept:
            cohort = state.cohorts[event.cohort]
            if cohort.sent == event.sent:
                cohort.statement = False
    return state.cohorts, state.events


def _trial_names(words: Words, at: dict[str, list[int]], sent_of: list[int],
                 settings: LinkSettings) -> dict[int, list[tuple[int, str]]]:
    """The sentences that name a trial, and its names there (where, which): a word in capitals set beside a
    trial noun somewhere in the text ('the pivotal TRIDENT-5 study', 'The second study,
    LUMEN, ...'), and then wherever it stands ('In TRIDENT-5, ...')."""
    text = words.text
    names = set()
    for p in _where(at, settings.trial_nouns):
        for k in range(max(0, p - _TRIAL_NAME_REACH), min(len(text), p + _TRIAL_NAME_REACH)):
            if _names_trial(text[k]):
                names.add(text[k])
        # "LORAL, a single-arm, multicentre phase 2 trial": a name set in apposition to a
        # trial noun its describing words keep further away
        for k in range(max(0, p - _APPOSED_NAME_REACH), p - _TRIAL_NAME_REACH):
            if text[k + 1] == "," and words.lower[k + 2] in settings.determiners \
                    and _names_trial(text[k]) and "." not in text[k + 2:p]:
                names.add(text[k])
    found: dict[int, list[tuple[int, str]]] = {}
    for name in names:
        for i in at.get(name.lower(), ()):
            if text[i] == name:
                found.setdefault(sent_of[i], []).append((words.idx[i], name))
    for named in found.values():
        named.sort()
    return found


_TRIAL_NAME_REACH = 3  # words between a trial's name and its noun ("CASCADE phase 3 trial")
_APPOSED_NAME_REACH = 10  # the same after a name in apposition ("LORAL, a single-arm ... trial")


def _names_trial(word: str) -> bool:
    """A word in capitals that may name a trial ('TRIDENT-5', 'LORAL')."""
    return len(word) >= 4 and word.isupper() and sum(ch.isalpha() for ch in word) >= 3


def _remember_trial(state: LinkState, trials: dict[str, list[int]],
                    named: list[tuple[int, str]], n_cohorts: int, n_events: int) -> None:
    """The groups a sentence that names trials made or counted are of the trial named last
    before them ('the AURORA study, which enrolled 121 patients ..., and the CASCADE
    trial'), or of its one trial."""
    for index, at in [(c.index, c.start_char) for c in state.cohorts[n_cohorts:]] + [
            (e.cohort, e.start_char) for e in state.events[n_events:] if e.cohort is not None]:
        before = [name for start, name in named if start < at]
        name = before[-1] if before else named[0][1] if len({n for _, n in named}) == 1 else None
        if name is not None and index not in trials.setdefault(name, []):
            trials[name].append(index)


def _given_only(words: Words, facts: ClauseFacts, drugs: list[Span],
                settings: LinkSettings) -> bool:
    """'assigned to metformin only' in a factorial trial: the clause's drug is named as given
    on its own, which no later reading widens to a combination it is part of."""
    return bool(facts.drug) and any(
        facts.start <= e.start and e.end < facts.end and words.lower[e.end] in settings.sole_words
        for e in drugs)


def _arms_named_again(state: LinkState, n_cohorts: int, n_events: int) -> None:
    """'In the first trial, progression occurred in 120 patients in the X group and 151 in the
    Y group. Serious adverse events occurred in 80 and 71, respectively.': counts of a
    sentence each tied by name to one of the arms an earlier sentence defined, arms given
    none of the treatments of the arms last defined (another trial's), make those the arms
    a next list is of."""
    if len(state.cohorts) > n_cohorts or len(state.arms) < 2:
        return
    counted = [e.cohort for e in state.events[n_events:] if e.cohort is not None]
    if len(counted) < 2 or len(set(counted)) != len(counted) or set(counted) <= set(state.arms):
        return
    cohorts = [state.cohorts[i] for i in counted]
    if len({c.sent for c in cohorts}) != 1 or any(c.parent is not None for c in cohorts):
        return
    def signature(c: Cohort) -> tuple:
        return (c.drug, c.drug_status == "not_received")
    if len({signature(c) for c in cohorts}) != len(cohorts) or {signature(c) for c in cohorts} \
            & {signature(state.cohorts[a]) for a in state.arms}:
        return
    state.arms = sorted(counted)


def _enter_trial(state: LinkState, trials: dict[str, list[int]],
                 named: list[tuple[int, str]], sent_index: int) -> None:
    """'In TRIDENT-5, ...', '... in patients in CASCADE' in a text on several trials: the
    counts of a sentence that names one of them are of that trial's groups (its arms, or its
    one group), not of the trial whose groups were named last."""
    known = {n for _, n in named if n in trials}
    if len(trials) < 2 or len(known) != 1:
        return
    own = [i for i in trials[known.pop()] if state.cohorts[i].parent is None
           and i not in state.spanning]
    if not own or set(state.arms) <= set(own) and set(state.last_in_previous) <= set(own):
        return
    by_sent: dict[int, list[int]] = {}
    for i in own:
        by_sent.setdefault(state.cohorts[i].sent, []).append(i)
    arms = next((group for _, group in sorted(by_sent.items(), reverse=True) if len(
        {(state.cohorts[i].drug, state.cohorts[i].drug_status == "not_received")
         for i in group}) >= 2), [])
    state.arms = arms
    state.last_in_previous = arms or by_sent[max(by_sent)]
    state.previous_at = sent_index - 1


def _population_names(words: Words, noun: int, start: int, settings: LinkSettings) -> tuple[
        frozenset[str], int]:
    """The words that name the population whose noun is at ``noun`` ('the modified
    intention-to-treat (mITT) population': modified, intention, to, treat, mitt) and where its
    phrase starts."""
    names = []
    k = noun - 1
    while k >= start and noun - k <= _POPULATION_NAME_WORDS and words.lower[k] not in \
            settings.determiners and words.lower[k] not in _POPULATION_OPENERS \
            and words.lower[k] != "this" and (words.text[k] in "()-"
                                               or words.lower[k].replace("-", "").isalnum()):
        # ("micro-ITT", "per-protocol": a hyphened name is its parts)
        names += [w for w in words.lower[k].split("-") if w.isalpha()]
        k -= 1
    return frozenset(names), k + 1


_POPULATION_NAME_WORDS = 8
_POPULATION_OPENERS = frozenset({"in", "among", "within", "for", "of"})


def _refer_to_population(words: Words, sent: Span, nouns: list[int], state: LinkState,
                         settings: LinkSettings) -> None:
    """'In the mITT population, ...', 'In this population, ...': the counts of this sentence,
    and of the next ones of its paragraph, are over the groups that population was defined
    with; a new paragraph or another opening frame ('Among all 214 randomised patients')
    ends it."""
    opening = next((p for p in nouns if p - sent.start <= _POPULATION_NAME_WORDS + 2
                    and words.lower[sent.start] in _POPULATION_OPENERS
                    and not any(words.like_num[k] for k in range(sent.start, p))), None)
    if opening is None:
        if state.population and (words.lower[sent.start] in _POPULATION_OPENERS
                                 and any(words.like_num[k] for k in range(sent.start,
                                                                          min(sent.end, sent.start + 4)))
                                 or "\n" in words.doc_text[max(0, sent.start_char - 2):sent.start_char]):
            _end_population(state)
        return
    names, _ = _population_names(words, opening, sent.start, settings)
    if names:
        # (of populations of that name, one defined by its groups in each arm before one
        # stated as a whole: "1,874 who had received X and 1,869 who had received placebo",
        # then "1,322 participants in the per-protocol population were taking Y")
        fitting = [(len(defined - names), len(members) < 2, -n, members)
                   for n, (defined, members) in enumerate(state.populations) if names <= defined]
        members = min(fitting)[-1] if fitting else []
    else:  # "In this population": the one named last
        members = state.population or (state.populations[-1][1] if state.populations else [])
    if members:
        _enter_population(state, members)


def _enter_population(state: LinkState, members: list[int]) -> None:
    """Put a population's groups in force (its parts of the arms as the arms, the arms before
    it kept for when it ends)."""
    if not state.population:
        state.arms_before_population = list(state.arms)
    state.population = members
    if len(members) >= 2:
        state.arms = list(members)


def _refers_back(words: Words, sent: Span, settings: LinkSettings) -> bool:
    """Does the sentence name the group before it again ('of them', 'among these'), wherever
    ('... was seen in 61, 72 and 21 of them, respectively')?"""
    return any(tuple(words.lower[k:k + len(o)]) == tuple(o) for k in range(sent.start, sent.end)
               for o in settings.anaphora_openers if words.lower[k] == o[0])


def _sized_population(words: Words, sent: Span, nouns: list[int],
                      settings: LinkSettings) -> frozenset[str]:
    """The names of the analysis population a sentence opens with when a bracket after its
    noun sizes its groups ('In the safety population (X n = 122, Y n = 121), ...'), else none."""
    if not nouns or words.lower[sent.start] not in _POPULATION_OPENERS \
            or nouns[0] - sent.start > _POPULATION_NAME_WORDS + 2 \
            or nouns[0] + 1 >= sent.end or words.text[nouns[0] + 1] not in {"(", "["}:
        return frozenset()
    return _population_names(words, nouns[0], sent.start, settings)[0]


def _refer_to_described_group(words: Words, sents: list[Span], sent_index: int,
                              state: LinkState, settings: LinkSettings) -> bool:
    """'Among those who underwent surgery, 37 had ...', 'In patients aged 65 or older, ...':
    an opening that names a group by what it is, with no size, counts over the group an
    earlier sentence sized with the same words ('198 underwent surgery', '204 in the X group
    and 199 in the placebo group were aged 65 years or older'), and goes on doing so until a
    new paragraph or another group opens (as an analysis population named by its noun)."""
    sent = sents[sent_index]
    described = _description(words, sent, settings)
    if not described:
        return False
    best: tuple[int, int] | None = None  # (words matched, sentence)
    for s in sorted({c.sent for c in state.cohorts if c.sent < sent_index}):
        found = _matched(described, _content_words(words, sents[s].start, sents[s].end, settings))
        if found and (best is None or found >= best[0]):
            best = (found, s)
    if best is None or best[0] < min(2, len(described)):
        return False
    made = [c for c in state.cohorts if c.sent == best[1] and c.index not in state.screened
            and c.index not in state.spanning]
    treated = [c for c in made if c.drug]
    if len({(c.drug, c.drug_status, c.arm_label) for c in treated}) >= 2:
        # (the parts of each arm: those of one drug and status, the smallest)
        members = sorted({(c.drug, c.drug_status, c.arm_label): c for c in sorted(
            treated, key=lambda c: -c.size)}.values(), key=lambda c: c.index)
    else:
        bounds = [bisect_left(words.idx, c.start_char) for c in made]
        ends = bounds[1:] + [sents[best[1]].end] if bounds else []  # (none but totals: no fit)
        fits = [_matched(described, _content_words(words, a, b, settings))
                for a, b in zip(bounds, ends, strict=True)]
        members = [made[fits.index(max(fits))]] if made and max(fits) else []
    if not members:
        return False
    if not state.population:
        state.arms_before_population = list(state.arms)
    state.population = [c.index for c in members]
    if len(members) >= 2:
        state.arms = list(state.population)
        return True
    state.last_in_sentence.append(members[0].index)
    return False


def _description(words: Words, sent: Span, settings: LinkSettings) -> frozenset[str]:
    """The words by which an opening 'Among those who underwent surgery,' names its group:
    none when the opening gives a size ('Among the 318 patients'), a drug, an arm label or an
    analysis population, or no count follows it."""
    opener = sent.start
    if words.lower[opener] not in _POPULATION_OPENERS:
        opener = _subgroup_opener(words, sent)
        if opener is None:
            return frozenset()
    k = opener + 1
    while k < sent.end and words.lower[k] in settings.determiners:
        k += 1
    end = next((j for j in range(k, min(sent.end, k + _DESCRIPTION_WORDS))
                if words.text[j] == "," or words.lower[j] in _SUBGROUP_NOUNS), None)
    if end is None or words.like_num[k] or not any(words.lower[j] in settings.described_heads
                                                   for j in range(opener + 1, end + 1)) \
            and not _trial_name(words, k, end):
        return frozenset()
    if any(words.ent_type[j] in {"DRUG", "DRUG_CLASS"} or words.text[j] in {"=", "("}
           or words.lower[j] in settings.population_nouns for j in range(k, end)):
        return frozenset()
    if not any(words.like_num[j] for j in range(end, sent.end)):
        return frozenset()
    return _content_words(words, k, end, settings)


_DESCRIPTION_WORDS = 14


def _trial_name(words: Words, start: int, end: int) -> bool:
    """'In FALCON-1,', 'In the HERON trial,': an opening that names a trial by its acronym
    (which picks the groups the sentence that named it sized)."""
    return any(len(w) >= 3 and w.isupper() and w.replace("-", "").isalnum()
               for w in words.text[start:end])
_SUBGROUP_NOUNS = frozenset({"subgroup", "subset", "subpopulation"})


def _subgroup_opener(words: Words, sent: Span) -> int | None:
    """'The benefit held in the STK11 subgroup, in which ...': the preposition before a
    subgroup noun that comes before the sentence's first number, else None."""
    for j in range(sent.start, sent.end):
        if words.like_num[j]:
            return None
        if words.lower[j] in _SUBGROUP_NOUNS:
            return next((k for k in range(j - 1, max(sent.start, j - 6) - 1, -1)
                         if words.lower[k] in _POPULATION_OPENERS), None)
    return None


def _content_words(words: Words, start: int, end: int, settings: LinkSettings) -> frozenset[str]:
    # ("co-mutation" and "co-occurring STK11 mutation": a hyphened word is also its parts)
    return frozenset(p for w in words.lower[start:end] if w not in settings.description_stops
                     for p in {w, *w.split("-")} if p not in settings.description_stops
                     and (len(p) >= 3 and p.replace("-", "").isalnum() or p.isdigit()))


def _matched(described: frozenset[str], found: frozenset[str]) -> int:
    """How many of the words of a description a text has, a word matching another of its
    stem ('previous' and 'previously', 'crossover' and 'crossed')."""
    return sum(1 for w in described if w in found or len(w) >= 5 and any(
        len(f) >= 5 and f[:5] == w[:5] for f in found))


def _keep_arms_beside_population(state: LinkState, previous_arms: list[int]) -> bool:
    """'After matching, the matched cohort comprised 2,050 patients in each group', 'The
    per-protocol population included 412 and 409': a named population made of parts of the
    arms holds only where the text names it again ('In the matched cohort, ...'); a bare arm
    name later is the arm as randomised."""
    if len(previous_arms) >= 2 and state.populations and state.arms == state.populations[-1][1] \
            and state.arms != previous_arms and all(
                state.cohorts[i].size <= state.cohorts[a].size
                for i, a in zip(state.arms, previous_arms, strict=False)):
        state.arms = list(previous_arms)
        return True
    return False


def _end_population(state: LinkState) -> None:
    # (the arms before it, also when another named population was put in force meanwhile:
    # "In this population, ..." after "The per-protocol population comprised ...")
    if state.arms_before_population and (state.arms == state.population or any(
            state.arms == members for _, members in state.populations)):
        state.arms = state.arms_before_population
    state.population = []


def _define_populations(words: Words, sent: Span, nouns: list[int], state: LinkState,
                        n_cohorts: int, settings: LinkSettings) -> None:
    """'105 and 104 ... formed the safety population, and 97 and 96 ... formed the mITT
    population', 'The per-protocol population comprised 84 ... and 85 ...': each population a
    sentence names is the groups it made before the name (since the last name), else after it."""
    made = [c for c in state.cohorts[n_cohorts:] if c.statement]
    phrases = [(p, *_population_names(words, p, sent.start, settings)) for p in nouns]
    bounds = [words.idx[start] for _, _, start in phrases]
    ends = [words.idx[p] for p, _, _ in phrases]
    for n, (_, names, _) in enumerate(phrases):
        if not names or words.lower[sent.start] in _POPULATION_OPENERS and n == 0 \
                and phrases[0][0] - sent.start <= _POPULATION_NAME_WORDS + 2:
            continue  # (an opening "In the safety population" refers; it defines nothing)
        low = ends[n - 1] if n else -1
        high = bounds[n + 1] if n + 1 < len(phrases) else sent.end_char
        members = [c for c in made if low < c.start_char < bounds[n]] \
            or [c for c in made if ends[n] < c.start_char < high]
        if any(c.drug for c in members):
            # (a group named by what it received, "1,874 who had received RZV", whose drug
            # is filled in later, is one of them too; a total received nothing as such)
            members = [c for c in members if c.drug or c.drug_status]
        if len(members) >= 3:  # (not the total of the groups)
            members = [c for c in members if 2 * c.size != sum(m.size for m in members)]
        if members:
            state.populations.append((names, [c.index for c in members]))
            _end_population(state)  # (and the arms it had put in force)


def _control_lacks(state: LinkState, defined: dict[str, tuple[str, str, str]],
                   settings: LinkSettings) -> None:
    """'to Arm A, X plus Y, or Arm B, matching placebo plus Y': the placebo arm a sentence
    defines beside an active arm lacks what that arm had beyond the placebo's background
    (X), whatever drug the sentences around name last ('Y was continued for 35 cycles')."""
    active = [v[0] for v in defined.values() if v[0] not in settings.control_drugs]
    if not active:
        return
    for label, (drug, _, _) in defined.items():
        if drug in settings.control_drugs:
            tested = [p for p in active[0].split(" + ") if p not in state.arm_controls[label]]
            if tested:
                state.arm_lacks[label] = " + ".join(tested)


def _own_arm_drugs(state: LinkState) -> None:
    """'B was inferior to A (48 [40.0%] vs 84 [68.9%])': a count put in the group its share or
    size picks, but given the drug named nearest before it, is of that group's treatment
    when the clause's drug is another arm's own (neither a part of the other)."""
    arm_drugs = {state.cohorts[a].drug for a in state.arms}
    for event in state.events:
        if event.cohort is None or not event.drug or event.drug_status != "received":
            continue
        cohort = state.cohorts[event.cohort]
        if cohort.drug_status != "received" or not cohort.drug or cohort.drug == event.drug \
                or event.drug not in arm_drugs or cohort.drug not in arm_drugs:
            continue
        mine, named = set(cohort.drug.split(" + ")), set(event.drug.split(" + "))
        if not (mine <= named or named <= mine):
            event.drug, event.drug_mention = cohort.drug, cohort.drug_mention


def _restated_respectively(doc: Doc, state: LinkState, siblings: list[int],
                           settings: LinkSettings) -> list[int]:
    """'2,009 to X and 1,003 to placebo; 1,998 and 996, respectively, received an injection
    and were included in the analyses': groups a sentence lists 'respectively' after as many
    arms it defined are those arms again (a part of each, in order, with its treatment); they
    are the arms later counts are of."""
    words = words_of(doc)
    listed = []
    for i in siblings:
        k = state.cohorts[i].end_char
        t = bisect_left(words.idx, k)  # the token after the cohort's words
        while t < len(doc) and (words.num[t] is not None or words.lower[t] in settings.list_separators
                                and words.text[t] != ","
                                or words.text[t] == "," and t + 1 < len(doc)
                                and words.num[t + 1] is not None):
            t += 1
        if t + 1 < len(doc) and words.text[t] == "," and words.lower[t + 1] in settings.respectively_words:
            listed.append(i)
    if len(listed) < 2 or siblings[-len(listed):] != listed:
        return siblings
    arms = siblings[:-len(listed)][-len(listed):]
    if len(arms) < len(listed) or any(state.cohorts[b].size > state.cohorts[a].size
                                      for a, b in zip(arms, listed, strict=True)) \
            or len({(state.cohorts[a].drug, state.cohorts[a].drug_status) for a in arms}) < len(arms):
        return siblings
    for a, b in zip(arms, listed, strict=True):
        arm, part = state.cohorts[a], state.cohorts[b]
        part.drug, part.drug_mention, part.drug_status = arm.drug, arm.drug_mention, arm.drug_status
        part.arm, part.parent = part.arm or arm.arm, a
    return listed


def _one_part_each(state: LinkState, siblings: list[int]) -> bool:
    """'Of these, 128 and 121 patients, respectively, received at least one dose': a list
    with 'respectively' of one group per arm, each no larger than its arm, is no total and
    its part (128 is not 121 plus 7)."""
    arms = [state.cohorts[i] for i in state.arms]
    return len(siblings) == len(arms) >= 2 and all(
        state.cohorts[i].size <= arm.size for i, arm in zip(siblings, arms, strict=True))


def _changed_parts(state: LinkState, siblings: list[int], arms: list[int]) -> bool:
    """'The 52-week period was completed by 220 in the A group and 231 in the B group', '30
    and 21 withdrew': a smaller group of each arm, in order, some of whom stayed on or stopped
    their treatment. Later counts are of the arms (or of these groups when they refer back
    to them), not of them."""
    if len(siblings) != len(arms) or len(arms) < 2:
        return False
    pairs = [(state.cohorts[i], state.cohorts[a]) for i, a in zip(siblings, arms, strict=True)]
    # ("loss to follow-up (31 and 29 patients, respectively)": parts whose arm the list
    # gives them only after the sentence, no drug yet)
    return all(part.size < arm.size and part.drug in (None, arm.drug) for part, arm in pairs) \
        and any(part.drug_status in CHANGED_STATUSES for part, _ in pairs)


def _harm_stops_of_parts(state: LinkState, siblings: list[int], arms: list[int],
                         n_events: int) -> bool:
    """'15, 12 and 11 discontinued, including 4, 5 and 3 who stopped because of adverse
    events': stops for harms are counted over the whole arms (corpora/README), not over the
    parts of the arms that stopped; with only such counts after a list of stops, the list
    leaves the arms as they were."""
    events = state.events[n_events:]
    return bool(events) and len(siblings) == len(arms) >= 2 \
        and all(e.outcome == "adverse_event" for e in events) \
        and all(state.cohorts[i].drug_status in CHANGED_STATUSES
                and state.cohorts[i].size < state.cohorts[a].size
                for i, a in zip(siblings, arms, strict=True))


def _opened_whole(words: Words, sent: Span, state: LinkState, siblings: list[int],
                  settings: LinkSettings) -> bool:
    """'Of the 41 adolescents, 21 were assigned to X, of whom ...': the group the sentence
    opens with, given no treatment and larger than the one after it, is the whole of that
    part, not an arm beside it."""
    if len(siblings) != 2 or words.lower[sent.start] not in settings.reference_words:
        return False
    whole, part = (state.cohorts[i] for i in siblings)
    return whole.size > part.size and whole.drug is None and whole.drug_status is None \
        and part.drug is not None


def _harm_wholes(state: LinkState, n_events: int) -> list[int] | None:
    """The wholes of a sentence's fractions of harms, one per arm in the arms' order, each
    given its arm's treatment and smaller than it (those treated), or None."""
    events = [e for e in state.events[n_events:] if e.outcome == "adverse_event"
              and e.confidence >= 0.9 and e.cohort is not None]
    arms = [state.cohorts[i] for i in state.arms]
    # (several harms of each whole: "in 233 and 190 of the 281 treated with X, and in 171 and
    # 99 of the 280 given placebo": the wholes in the order they were first counted)
    firsts = list(dict.fromkeys(e.cohort for e in events))
    if len(arms) < 2 or len(firsts) != len(arms):
        return None
    wholes = [state.cohorts[i] for i in firsts]  # type: ignore[index]
    pairs = list(zip(wholes, arms, strict=True))
    if len({w.index for w in wholes}) < len(wholes) or all(w.index == a.index for w, a in pairs) \
            or any(w.index != a.index and (w.size >= a.size or not _given_as(w, a))
                   for w, a in pairs):
        return None  # (an arm all of whom were treated is its own whole)
    for whole, arm in pairs:
        if whole.drug is None and whole.drug_status is None:
            whole.drug, whole.drug_mention = arm.drug, arm.drug_mention
            whole.drug_status = arm.drug_status
    return [w.index for w in wholes]


def _given_as(whole: Cohort, arm: Cohort) -> bool:
    """Was the whole of a harm's fraction given what its arm was ('58/80' in the place of
    the 100-mg arm of 81, its treatment named by the order alone, was)?"""
    return whole.drug == arm.drug and whole.drug_status == arm.drug_status \
        or whole.drug is None and whole.drug_status is None


def _analysed_wholes(state: LinkState, n_events: int, sent_index: int) -> list[int] | None:
    """The wholes of a sentence's fractions, one per arm in the arms' order, each given its
    arm's treatment and a little smaller than it (an analysis population: at least
    ``_ANALYSED_SHARE`` of the arm, where a subgroup is smaller), or None."""
    if len(state.arms) < 2 or len(state.events) - n_events < len(state.arms):
        return None
    arms = [state.cohorts[i] for i in state.arms]
    firsts = list(dict.fromkeys(e.cohort for e in state.events[n_events:] if e.cohort is not None))
    if len(firsts) != len(arms):
        return None
    for whole, arm in zip((state.cohorts[i] for i in firsts), arms, strict=True):
        if whole.index == arm.index or whole.sent != sent_index or whole.index in state.screened \
                or not _ANALYSED_SHARE * arm.size <= whole.size < arm.size \
                or whole.drug != arm.drug or whole.drug_status != arm.drug_status:
            return None
    return firsts


#: An analysis population keeps at least this share of its arm (tune: 97-100%; subgroups
#: stated per arm are at most about half of it; those with a measurement at one visit,
#: "128 of 224" of 235 randomized (95%), are that measurement's, not the arms of later counts).
_ANALYSED_SHARE = 0.97


def _treated_in_each(state: LinkState, arms_at_start: list[int], sent: Span,
                     settings: LinkSettings) -> bool:
    """Did the sentence restate each arm ("in each group") as those treated, a group no
    larger than its arm and given the same?"""
    if state.arms == arms_at_start or len(state.arms) != len(arms_at_start) or len(state.arms) < 2:
        return False
    words = words_of(sent.doc)
    if not any(words.lower[k] in settings.safety_population_words for k in range(sent.start, sent.end)):
        return False
    pairs = [(state.cohorts[i], state.cohorts[a]) for i, a in zip(state.arms, arms_at_start, strict=True)]
    return all(c.size <= a.size and c.drug == a.drug and c.drug_status == a.drug_status
               for c, a in pairs)


def _judges_causality(words: Words, sent: Span, state: LinkState, n_events: int,
                      settings: LinkSettings) -> bool:
    """'Two deaths ... were considered to be related to treatment', 'One treatment-related
    death', 'the death was judged unrelated to the trial drug': deaths whose cause the
    sentence weighs against the treatment are reported as harms, not as an end point."""
    if not any(e.outcome == "death" for e in state.events[n_events:]):
        return False
    return any(words.lower[k].rsplit("-", 1)[-1] in settings.causality_words
               for k in range(sent.start, sent.end))


def _count_harms_over_treated(state: LinkState, n_events: int,
                              safety_arms: tuple[list[int], list[int]] | None, *,
                              judged: bool = False) -> None:
    """Harms counted of each of the whole arms, in order, after the arms were restated as
    those treated: the treated groups' counts (efficacy stays with the whole arms)."""
    if safety_arms is None:
        return
    treated, whole = safety_arms
    harms = {"adverse_event", "death"} if judged else {"adverse_event"}
    for event in state.events[n_events:]:
        # (deaths of any cause are counted over everyone randomized, as efficacy is, unless
        # the sentence judges whether the treatment caused them)
        if event.outcome in harms and event.cohort in whole \
                and event.whole != state.cohorts[event.cohort].size:
            # ("22 of the 1,108 patients assigned to X": the whole arm the fraction names)
            target = state.cohorts[treated[whole.index(event.cohort)]]
            if event.from_percent and event.percent is not None:
                event.count = round(event.percent * target.size / 100)
            elif event.count > target.size or event.percent is not None and (
                    not gives_share(event.count, target.size, event.percent)
                    or gives_share(event.count, state.cohorts[event.cohort].size, event.percent,
                                   decimals=1)
                    and not gives_share(event.count, target.size, event.percent, decimals=1)):
                continue  # the share as written is of the arm as randomized
            event.cohort = target.index


def _in_brackets(doc: Doc, i: int) -> bool:
    """Is token ``i`` inside brackets opened earlier in its sentence?"""
    start = doc[i].sent.start
    for k in range(i - 1, start - 1, -1):
        if doc[k].text in {")", "]"}:
            return False
        if doc[k].text in {"(", "["}:
            return True
    return False


def _restated_at(doc: Doc, sent: Span, cohort: Cohort) -> int:
    """Where the sentence names a labelled arm again (its label), as a character offset."""
    at = sent.text.lower().find((cohort.arm_label or "").lower())
    return sent.start_char + at if at >= 0 else sent.end_char


def _opening_frame_end(words: Words, sent: Span, settings: LinkSettings) -> int:
    """'Of the 37 patients who needed steroids at baseline, 14 achieved remission': where the
    sized group a sentence opens with ends (its first comma), or the sentence's start."""
    if words.lower[sent.start] not in settings.reference_words:
        return sent.start
    end = next((k for k in range(sent.start, sent.end) if words.text[k] == ","), sent.start)
    return end if any(words.num[k] is not None for k in range(sent.start, end)) else sent.start


def _leading_sizes(doc: Doc, sent: Span, cues: list[Cue],
                   settings: LinkSettings) -> dict[int, tuple[int, int]]:
    """'Among the 88, 90 and 88 patients who started treatment, ...', 'Of 241 and 238
    patients with measurable disease, respectively, ...': the sizes of the groups a sentence
    opens with, before their counts. Token of each size -> (place in the list, length)."""
    i = sent.start + 1
    while i < sent.end and doc[i].lower_ in settings.determiners:
        i += 1
    found: list[int] = []
    while i < sent.end and doc[i]._.num_value is not None:
        found.append(i)
        while i < sent.end and doc[i]._.num_value is not None:
            i += 1
        if i < sent.end and doc[i].text == "%":
            return {}
        j = i
        while j < sent.end and j - i < 2 and doc[j].lower_ in settings.list_separators:
            j += 1  # ", ", " and ", ", and "
        if j == i or j >= sent.end or doc[j]._.num_value is None:
            break
        i = j
    if len(found) < 2:
        return {}
    patients = {c.start for c in cues if c.label == "PATIENT"}
    for j in range(i, min(sent.end, i + settings.noun_window + 1)):
        if j in patients:
            return {k: (n, len(found)) for n, k in enumerate(found)}
        if doc[j].is_punct or doc[j]._.num_value is not None:
            break
    return {}


def _bracketed_sizes(doc: Doc, sent: Span, cues: list[Cue],
                     settings: LinkSettings) -> dict[int, tuple[int, int]]:
    """'Among the 158 patients who had seizures at baseline (52, 55 and 51 patients in the A,
    B and placebo groups, respectively), ...', 'Among those with a tophus (N = 58 for X and
    N = 55 for placebo), ...': the sizes, in brackets, of the parts of each arm the opening
    phrase picks. Token of each size -> (place in the list, length), as ``_leading_sizes``."""
    words = words_of(doc)
    opening = next((k for k in range(sent.start + 1, sent.end)
                    if words.text[k] in {"(", "[", ",", ";", ":"}), None)
    if opening is None or words.text[opening] not in {"(", "["}:
        return {}
    closing = next((k for k in range(opening + 1, sent.end) if words.text[k] in {")", "]"}), None)
    if closing is None or closing + 1 >= sent.end or words.text[closing + 1] != ",":
        return {}
    found: list[int] = []
    for k in range(opening + 1, closing):
        if words.text[k] == "%" or words.lower[k] in settings.interval_words:
            return {}  # shares or an interval: no sizes
        if words.num[k] is not None and (k == opening + 1 or words.lower[k - 1] in _SIZE_BEFORE):
            value = words.num[k]
            if value != int(value) or words.text[k + 1] in {"%", "-"}:
                return {}
            found.append(k)
    if len(found) < 2:
        return {}
    patients = {c.start for c in cues if c.label == "PATIENT"}
    # sizes said as sizes: "n = 80", or a list of numbers that ends in its patient noun
    listed = all(words.text[k - 1] == "=" for k in found) or words.num[opening + 1] is not None \
        and any(k in patients for k in range(found[-1] + 1, min(closing, found[-1] + 3)))
    # "(31 in Arm A and 29 in Arm B)", "(40 in the X group and 38 in the placebo group)":
    # each size is of the group it names
    named = {c.start for c in cues if c.label in {"ARM", "STATUS"}}
    listed = listed or words.num[opening + 1] is not None and all(
        words.lower[k + 1] in _SIZE_AFTER and any(
            j in named or words.ent_type[j] in {"DRUG", "DRUG_CLASS"} for j in range(k + 2, k + 5))
        for k in found)
    return {k: (n, len(found)) for n, k in enumerate(found)} if listed else {}


def _framed_sizes(words: Words, sent: Span, cues: list[Cue],
                  settings: LinkSettings) -> dict[int, tuple[int, int]]:
    """'Of the 81 patients in the A group and the 104 in the B group who had an episode, 36
    and 53, respectively, ...': the sizes of the groups an opening frame names one after
    another, each with its own words, before the counts of each. Token of each size ->
    (place in the list, length), as ``_leading_sizes``."""
    end = _opening_frame_end(words, sent, settings)
    patients = {c.start for c in cues if c.label == "PATIENT"}
    found = [k for k in range(sent.start + 1, end) if words.num[k] is not None
             and (words.lower[k - 1] in settings.determiners or words.lower[k - 1]
                  in settings.reference_words or words.lower[k - 1] == "and")
             and (k + 1 in patients or words.lower[k + 1] in _SIZE_AFTER)]
    if len(found) < 2 or any(words.num[k] is not None and k not in found
                             for k in range(sent.start + 1, end)):
        return {}  # (a frame with other numbers, "aged 65 to 74", is no list of groups)
    return {k: (n, len(found)) for n, k in enumerate(found)}


#: What stands before a size in a bracketed list of sizes: "(52, 55 and 51 ...", "(n = 80; n = 77)".
_SIZE_BEFORE = frozenset({",", "and", ";", "="})
#: What stands after each size of a bracketed list that names its group ("31 in Arm R").
_SIZE_AFTER = frozenset({"in", "with", "on", "for"})


def _size_group(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts, state: LinkState,
                settings: LinkSettings, place: int, length: int) -> None:
    """A group sized at the opening of a sentence: a part of the arm in the same place of
    the list when the list has one size per arm."""
    arm = state.cohorts[state.arms[place]] if len(state.arms) == length else None
    if arm is not None and arm.size < m.value:
        arm = None
    if arm is not None:  # the arm's treatment and label, not the clause's first drug
        facts = replace(facts, drug=None, drug_mention=None, drug_status=None, control=False,
                        experimental=False, arm_label=None)
    cohort = new_cohort(state, m.value, m.size_text, sent_index, doc[m.start:m.end], facts,
                        parent=arm, statement=True, confidence=settings.confidence["subgroup"])
    remember(state, cohort.index)


def _count_sized_groups(doc: Doc, state: LinkState, n_cohorts: int, n_events: int,
                        previous: list[int], settings: LinkSettings) -> None:
    """'Among the 88, 90 and 88 patients who started treatment, pneumonitis occurred in 3
    (3.4%), 10 (11.1%) and 6 (6.8%), respectively', '(48 in cohort A and 50 in cohort B), 24
    and 27 responded': a list of counts of one outcome after as many groups the sentence
    has just sized counts those groups, in order; 'Complete responses were seen in 14 and 6
    of these patients': so does a list "of these" after the groups the sentence before
    named (``previous``)."""
    events = state.events[n_events:]
    if len(events) < 2:
        return
    # Not the wholes of fractions ("33 of the 132"): their event names them already.
    starts = {e.start_char for e in events}
    # (nor those who stopped for a listed reason: "withdrawal of consent (6 and 8)")
    sized = [c for c in state.cohorts[n_cohorts:] if c.start_char not in starts
             and c.index not in state.reasons]
    lists: dict[tuple[str, int], list[Event]] = {}
    for event in events:
        lists.setdefault((event.outcome, event.outcome_at), []).append(event)
    for group in lists.values():
        if len(group) < 2 or any(e.confidence >= 0.9 for e in group):
            continue  # (a fraction names its own group)
        before = [c for c in sized if c.end_char <= group[0].start_char]
        if len(before) < len(group):
            if before or len(previous) != len(group) or not _of_these(doc, group[-1], settings):
                continue
            before = [state.cohorts[i] for i in previous]  # "14 and 6 of these"
        targets = before[-len(group):]
        parents = {t.parent for t in targets}
        told_apart = len({arm_signature(t) for t in targets}) == len(targets) \
            if parents == {None} else None not in parents and len(parents) == len(targets)
        if not told_apart or not all(_share_fits(e, t) for e, t in zip(group, targets, strict=True)):
            # Only groups told apart: parts of as many groups ("of the arms"), or groups
            # given different treatments, not a total and its part.
            continue
        if all(e.outcome == "adverse_event" for e in group) \
                and all((t.drug_status in CHANGED_STATUSES or t.index in state.stopped)
                        and t.parent is not None for t in targets):
            continue  # "15 and 12 discontinued, including 4 and 5 because of harms": of the arms
        for event, target in zip(group, targets, strict=True):
            event.cohort = target.index
            if event.from_percent and event.percent is not None:
                event.count = round(event.percent * target.size / 100)
            if target.drug and (event.drug, event.drug_status) != (target.drug, target.drug_status):
                event.drug, event.drug_mention = target.drug, target.drug_mention
                event.drug_status = target.drug_status


def _sizes_before_shares(doc: Doc, state: LinkState, n_events: int) -> None:
    """'Among the 120 patients with diabetes, 62 on X and 58 on placebo, remission occurred in
    50 percent and 26 percent, respectively': counts that name one arm each, before the
    outcome they were given and as many shares of it, are the sizes of the parts of the arms
    the shares are of (62 x 50% = 31), not counts of the outcome."""
    events = state.events[n_events:]
    k = len(events) // 2
    while k >= 2:
        for first in range(len(events) - 2 * k + 1):
            sizes, shares = events[first:first + k], events[first + k:first + 2 * k]
            arms = _sized_before(doc, state, sizes, shares)
            if arms:
                _share_parts(state, sizes, shares, arms)
                return
        k -= 1


def _sized_before(doc: Doc, state: LinkState, sizes: list[Event],
                  shares: list[Event]) -> list[Cohort] | None:
    """The arms ``sizes`` are counts of, one each, when they are stated before the outcome
    the ``shares`` (of one outcome, percentages alone) name and each is larger than its share
    of it would be; else None."""
    if any(not e.from_percent or e.percent is None for e in shares) \
            or len({e.outcome_at for e in shares}) != 1 \
            or any(e.from_percent or e.percent is not None for e in sizes):
        return None
    outcome_at = shares[0].outcome_at
    if outcome_at < 0 or doc[outcome_at].idx < sizes[-1].end_char or any(
            0 <= e.outcome_at and doc[e.outcome_at].idx < e.start_char
            and not (e.outcome == "other" != shares[0].outcome) for e in sizes):
        return None  # (counts of an outcome named before them are that outcome's)
    arms = [_arm_of(state, e) for e in sizes]
    if None in arms or len({a.index for a in arms}) != len(arms):  # type: ignore[union-attr]
        return None
    # (not counts the shares restate: "17 in the X group and 19 in the Y group (8.5% and 9.5%)")
    if all(size.count < arm.size and not gives_share(size.count, arm.size, share.percent)  # type: ignore[union-attr,arg-type]
           for size, share, arm in zip(sizes, shares, arms, strict=True)):
        return arms  # type: ignore[return-value]
    return None


def _arm_of(state: LinkState, event: Event) -> Cohort | None:
    """The arm a count names: its group, or the arm given what the count's clause names."""
    if event.cohort in state.arms:
        return state.cohorts[event.cohort]  # type: ignore[index]
    given = [state.cohorts[i] for i in state.arms if event.drug is not None
             and (state.cohorts[i].drug, state.cohorts[i].drug_status)
             == (event.drug, event.drug_status)]
    return given[0] if len(given) == 1 else None


def _share_parts(state: LinkState, sizes: list[Event], shares: list[Event],
                 arms: list[Cohort]) -> None:
    """Make each size a part of its arm, and count each share over that part."""
    for size, share, arm in zip(sizes, shares, arms, strict=True):
        part = replace(arm, index=len(state.cohorts), size=size.count, size_text=str(size.count),
                       sent=size.sent, start_char=size.start_char, end_char=size.end_char,
                       arm_label=None, parent=arm.index, statement=False)
        state.cohorts.append(part)
        share.cohort = part.index
        share.count = round(share.percent * part.size / 100)  # type: ignore[operator]
        share.drug, share.drug_mention, share.drug_status = arm.drug, arm.drug_mention, \
            arm.drug_status
        state.events.remove(size)


def _nothing_after(doc: Doc, i: int, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """Does the clause end at ``i`` but for a patient noun ('and 6 of these patients.') or
    'respectively' ('and 22 of them, respectively')?"""
    nouns = {k for c in facts.cues if c.label == "PATIENT" for k in range(c.start, c.end)}
    words = words_of(doc)
    return all(words.is_punct[k] or words.is_space[k] or k in nouns
               or words.lower[k] in settings.respectively_words for k in range(i, facts.end))


def _of_these(doc: Doc, event: Event, settings: LinkSettings) -> bool:
    """Does the event's count end in 'of these (patients)' and its clause there ('14 and 6
    of these patients.'; not '53% of those given X')?"""
    span = doc.char_span(event.start_char, event.end_char, alignment_mode="expand")
    if span is None or span[-1].lower_ not in settings.group_pronouns:
        return False
    k = span.end + 1 if span.end < len(doc) and doc[span.end].is_alpha else span.end
    return k >= len(doc) or doc[k].is_punct


def _share_fits(event: Event, cohort: Cohort) -> bool:
    """Can the event count a part of the cohort, with the share stated for it?"""
    if event.from_percent:
        return True
    if event.count > cohort.size:
        return False
    return event.percent is None or gives_share(event.count, cohort.size, event.percent)


def _size_giving_share(doc: Doc, m: Mention, sent_index: int, state: LinkState) -> int | None:
    """A whole number before the count in its sentence of which the count is the stated
    share (and not itself a count already linked), or None."""
    sent = doc[m.start].sent
    taken = {e.count for e in state.events if e.sent == sent_index}
    for number in doc.spans.get(NUMBERS_KEY, []):
        if not sent.start <= number.start < m.start:
            continue
        value = number[0]._.num_value
        if value is None or value != int(value) or value <= m.value or value in taken \
                or (number.end < len(doc) and doc[number.end].text == "%"):
            continue
        if gives_share(m.value, int(value), m.percent or 0, decimals=1):
            return int(value)
    return None


def _rates_frequency(outcome: Cue, settings: LinkSettings) -> bool:
    """Is the outcome phrase only words that rate how often ('more frequent', 'less common')?"""
    return all(w in settings.frequency_words for w in outcome.text.lower().split())


def _arm_given_alone(doc: Doc, m: Mention, facts: ClauseFacts, state: LinkState,
                     settings: LinkSettings) -> Cohort | None:
    """'compared with 3 of those given nivolumab alone' in a trial of nivolumab, relatlimab
    and both: the one arm that received that drug and no other, not the combination arm it
    is a part of."""
    if not facts.drug or facts.control or not any(
            w in settings.alone_words for w in words_of(doc).lower[m.start:m.end]):
        return None
    arms = [state.cohorts[a] for a in state.arms if state.cohorts[a].drug == facts.drug
            and state.cohorts[a].drug_status == "received" and state.cohorts[a].size >= m.value]
    return arms[0] if len(arms) == 1 else None


def _part_of_other_arm(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts,
                       state: LinkState, conf: dict[str, float]) -> bool:
    """'a response was seen in 98 of the patients given X and in 77 of those in the placebo
    group': 'those' of a clause that names the other arm are that arm (of the same size),
    and the count is of the event the sentence counted before. Whether it was so read."""
    last = state.events[-1] if state.events else None
    if last is None or last.sent != sent_index or last.cohort is None \
            or last.end_char > doc[m.start].idx:
        return False
    counted = state.cohorts[last.cohort]
    arm = sibling_arm(state, counted, facts)
    if arm is counted or arm.size < m.value:
        return False
    add_event(state, arm.index, m.value, None,
              Cue("OUTCOME", last.outcome, last.outcome_at, last.outcome_at + 1,
                  last.outcome_mention),
              facts, sent_index, doc[m.start: m.end], conf["count_same_sentence"])
    return True


def _breaks_down_event(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts,
                       state: LinkState, settings: LinkSettings) -> bool:
    """Is the part 'M of them' a verbless clause after a count of events of the same
    sentence that says which of those events had a cause or kind ('15 of them from
    lymphoma', 'six of them within the first year')?"""
    if not state.events:
        return False
    event = state.events[-1]
    if event.sent != sent_index or event.cohort is None or event.count <= m.value \
            or event.end_char > doc[m.start].idx:
        return False
    # (a phrase, not a verb, right after "of them": "and six of them received X" is a group)
    return m.end >= facts.end or words_of(doc).lower[m.end] in settings.breakdown_words


def _event_group(doc: Doc, sent_index: int, start: int, state: LinkState,
                 settings: LinkSettings) -> int | None:
    """'Sixty patients (37.5%) relapsed; of these, 51 regained a response', 'Seven stopped
    the drug because of neuropathy, and four of them ...': those who had the event named
    last (before token ``start``) are the group "of these" refers to (a part of the
    event's cohort)."""
    if not state.events:
        return None
    event = state.events[-1]
    if event.cohort is None or event.count <= 1 or event.sent < sent_index - 1 \
            or event.end_char > doc[start].idx:
        return None
    named = state.last_in_sentence or state.last_in_previous
    if named and state.cohorts[named[-1]].start_char > event.start_char:
        return None  # a group named after the event: "of these" is of that group
    found = next((c for c in state.cohorts if c.start_char == event.start_char
                  and c.size == event.count), None)
    if found is not None:
        return found.index
    parent = state.cohorts[event.cohort]
    group = Cohort(index=len(state.cohorts), size=event.count, size_text=str(event.count),
                   sent=event.sent, start_char=event.start_char, end_char=event.end_char,
                   arm=parent.arm, drug=event.drug or parent.drug,
                   drug_mention=event.drug_mention or parent.drug_mention,
                   drug_status=event.drug_status or parent.drug_status,
                   procedure=event.procedure or parent.procedure, parent=parent.index,
                   statement=False, confidence=settings.confidence["subgroup"])
    state.cohorts.append(group)
    return group.index


def _without_totals(siblings: list[int], sizes: dict[int, int]) -> list[int]:
    """'Of 1,200 screened, 771 underwent randomisation: 383 to A and 386 to B': a group that
    the groups after it split (their sizes add up to it, give or take a few not treated) is
    their total, and so is any larger group before such a total; the rest are the arms."""
    kept: list[int] = []
    total_seen = False
    for i in reversed(siblings):
        rest = sum(sizes[j] for j in kept)
        if len(kept) >= 2 and (0.95 * sizes[i] <= rest <= sizes[i]
                               or total_seen and sizes[i] > rest):
            total_seen = True
            continue
        kept.append(i)
    kept = kept[::-1]
    if len(kept) >= 3:
        # "After the exclusion of 13 patients, the analysis included 761 in the A group and
        # 758 in the B group": a group far smaller than arms of like size is none of them.
        big = sorted((sizes[i] for i in kept), reverse=True)
        if big[1] >= big[0] / 2:
            kept = [i for i in kept if sizes[i] * 5 >= big[1]] if sum(
                sizes[i] * 5 < big[1] for i in kept) <= len(kept) - 2 else kept
    return kept


def _part_of_arm(part: Cohort, arm: Cohort) -> bool:
    """Is ``part`` a smaller group of the same arm (its subgroup, or given the same)?"""
    if part.index == arm.index:
        return True  # the arm restated with its size ("204 in Arm B" of an arm of 204)
    if part.drug is None and (part.arm_label is None or arm.arm_label is None):
        # "N = 21 for <unnamed>"; "the safety population included 406 and 204 patients";
        # "131 in the 100-mg group" of arms named by their drugs and doses: the list's place
        # names the arm, all of whom may be in it
        return part.size <= arm.size
    return part.size < arm.size and (part.parent == arm.index or (
        part.drug == arm.drug and part.drug_status == arm.drug_status and part.drug is not None))


def _background_drugs(doc: Doc, drugs: list[Span], cues: list[Cue], sent_starts: list[int],
                      settings: LinkSettings) -> set[int]:
    """Starts of the drugs 'All patients received' / 'Both groups received' before the
    clause ends: the therapy every arm had."""
    found: set[int] = set()
    if not drugs:
        return found
    words = words_of(doc)
    lower, sent_start = words.lower, words.sent_start
    openers = [c.end for c in cues if c.label == "UNIVERSAL"] + [
        i + 1 for i in sent_starts if lower[i] in settings.definite_words and lower[i] != "the"]
    for i in openers:
        k = i
        while k < len(doc) and k - i <= settings.noun_window and not sent_start[k] \
                and lower[k] not in settings.assignment_words:
            k += 1
        if k >= len(doc) or lower[k] not in settings.assignment_words or sent_start[k]:
            continue
        end = k
        while end < len(doc) and not sent_start[end] \
                and words.text[end] not in settings.clause_breaks:
            end += 1
        found |= {e.start for e in drugs if k < e.start < end}
    return found


def _prior_therapy(doc: Doc, ent: Span, settings: LinkSettings) -> bool:
    """'nilotinib given after imatinib', 'previously treated with sunitinib', 'after progression
    on osimertinib': a treatment the patients had before, which no group of the study
    received in it."""
    words = words_of(doc)
    lower, sent_start = words.lower, words.sent_start
    k = ent.start - 1
    while k >= 0 and ent.start - k <= settings.prior_reach and not sent_start[k + 1] \
            and lower[k] in settings.prior_links:
        k -= 1
    return k >= 0 and not sent_start[k + 1] and lower[k] in settings.prior_words \
        or _unfit_for(words, ent.start, settings) or _had_before(doc, ent, settings)


def _had_before(doc: Doc, ent: Span, settings: LinkSettings) -> bool:
    """'a third had also received crizotinib or alectinib before.': a drug, or a list of
    drugs, that a word of time before the study closes the clause after (but 'X before
    surgery' is given in the study)."""
    words = words_of(doc)
    lower, n = words.lower, len(words.lower)
    k = ent.end
    while k < n and k - ent.end <= settings.prior_reach and not words.sent_start[k] and (
            lower[k] in settings.list_separators or words.ent_type[k] == "DRUG"):
        k += 1  # ("X or Y before": the rest of the list)
    return k + 1 < n and not words.sent_start[k] and lower[k] in settings.prior_after_words \
        and (words.sent_start[k + 1] or not lower[k + 1].isalnum())


@cache
def _last_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[-1] for p in phrases)


def _unfit_for(words: Words, i: int, settings: LinkSettings) -> bool:
    """'patients who could not have cisplatin', 'cannot tolerate cisplatin', 'not candidates
    for surgery or chemotherapy': a treatment the patients were unfit for, no arm's."""
    j = i
    while j > 0 and words.lower[j - 1] in settings.determiners and not words.sent_start[j]:
        j -= 1
    if j == 0 or words.lower[j - 1] not in _last_words(settings.unfit_phrases):
        return False
    return any(tuple(words.lower[j - len(p):j]) == p for p in settings.unfit_phrases
               if j - len(p) >= 0 and not any(words.sent_start[j - len(p) + 1:j + 1]))


def _cue(cue: Cue, words: Words) -> Cue:
    """The cue the linker reads. A role told by the group size after it ("Control (n = 198)",
    models/rules/token_patterns.jsonl) ends before the size."""
    if "(" not in cue.text and "[" not in cue.text:
        return cue
    end = next((i for i in range(cue.start + 1, cue.end) if words.text[i] in {"(", "["}),
               cue.end)
    return Cue(cue.label, cue.id, cue.start, end, words.span_text(cue.start, end))


@cache
def _word_kinds(suffixes: tuple[str, ...], exceptions: frozenset[str]) -> dict[str, tuple[bool, bool]]:
    """word -> (names an adverse event by its form, is a fraction such as "3/40")."""
    return {}


def _size_options(doc: Doc, sent_index: int, listed: list[tuple[int, tuple[str, str, int, int]]],
                  state: LinkState, settings: LinkSettings) -> None:
    """One arm per option compared, of the size listed in its place, with its dose terms."""
    words = words_of(doc)
    made = []
    for k, (i, group) in enumerate(listed):
        control = group[0] in settings.control_drugs
        facts = ClauseFacts(start=i, end=i + 1, cues=[], drug=None if control else group[0],
                            drug_mention=group[1], control=control, is_study=True,
                            drug_status="not_received" if control else "received")
        value = words.num[i]
        cohort = new_cohort(state, int(value or 0), words.text[i], sent_index, doc[i:i + 1],
                            facts, parent=None, statement=True,
                            confidence=settings.confidence["cohort"])
        end = listed[k + 1][1][2] if k + 1 < len(listed) else group[3]
        made.append((cohort, () if control else dose_terms(words, group[3], end, settings)))
        remember(state, cohort.index)
    if len({terms for _, terms in made if terms}) >= 2:
        for cohort, terms in made:
            cohort.dose = terms


def _double_dummies(words: Words, ents: list[Span], settings: LinkSettings) -> set[int]:
    """'700 to X 1200 mg intravenously every 4 weeks plus an oral placebo, and 702 to Y 14 mg
    once daily plus an intravenous placebo': placebos given with each active drug of a
    head-to-head comparison keep it blind (a double dummy); they are no arm's treatment. Where
    they start, when two drugs or more of the sentence have one."""
    found: dict[int, str] = {}
    lower = words.lower
    for k, ent in enumerate(ents):
        if ent.id_ not in settings.control_drugs or k == 0:
            continue
        i = ent.start - 1
        while i > 0 and (lower[i] in settings.treatment_modifiers or lower[i] in settings.determiners
                         or lower[i].rpartition("-")[2] in settings.dummy_compounds):
            i -= 1  # "an oral placebo", "a Y-matched placebo"
        if lower[i] not in settings.dose_joiners:
            continue
        before = next((e for e in reversed(ents[:k]) if e.id_ not in settings.control_drugs
                       and e.end <= i), None)
        if before is None or not _only_dose_between(words, before.end, i, settings):
            continue
        found[ent.start] = before.id_ or lower[before.start]
    dummies = set(found) if len(set(found.values())) >= 2 else set()
    return dummies | _matched_dummies(words, ents, settings)


def _matched_dummies(words: Words, ents: list[Span], settings: LinkSettings) -> set[int]:
    """'X plus placebo matching Y', 'X with a placebo to match Y' ('X plus placebo for Y' and
    'X plus Y placebo' when another arm has one too): the placebo and the drug it imitates,
    which that arm did not receive. Where they start."""
    lower = words.lower
    found: set[int] = set()
    loose: dict[str, set[int]] = {}  # drug imitated -> where it and its placebo start
    for ent, after in zip(ents, ents[1:], strict=False):
        control = ent.id_ in settings.control_drugs
        if control == (after.id_ in settings.control_drugs):
            continue
        gap = tuple(lower[ent.end:after.start])
        if control and gap in settings.dummy_links:
            found |= {ent.start, after.start}
        elif (control or not gap) and gap in settings.dummy_pair_links:
            # "X plus placebo for Y", "X with Y placebo": a dummy when the other arm has one
            drug = after if control else ent
            loose.setdefault(drug.id_, set()).update({ent.start, after.start})
    if len(loose) >= 2:
        found |= {i for where in loose.values() for i in where}
    return found


def _only_dose_between(words: Words, start: int, end: int, settings: LinkSettings) -> bool:
    """Are the words [start, end) after a drug only its dose, route, schedule and what
    brackets hold ('(SAR441344) at a dose of 1200 mg intravenously every 4 weeks')?"""
    depth = 0
    for j in range(start, end):
        word = words.lower[j]
        depth = max(0, depth + (word in {"(", "["}) - (word in {")", "]"}))
        if not (depth > 0 or word in {")", "]"} or words.like_num[j]
                or word in settings.dose_words or word in settings.arm_schedule_words
                or word in settings.treatment_modifiers or word in settings.determiners
                or words.ent_type[j] == "DRUG"):
            return False
    return depth == 0


def _bracketed_arm(words: Words, clause: Clause, m: Mention, sent: Span,
                   groups: list[tuple[str, str, int, int]], settings: LinkSettings) -> Mention:
    """'X 25 mg (the 25-mg group, 124 patients) or placebo (120 patients)', 'X 5 mg (n = 120),
    10 mg (n = 118)': a count in brackets after a dose sizes the arm of the drug dosed."""
    if m.kind != "count" or m.drug is not None or m.arm is not None:
        return m
    group = bracket_drug(words, m.start, groups, sent.start, settings)
    if group is None or group[0] in settings.control_drugs:
        return m
    return replace(m, drug=(group[0], group[1]), drug_span=(group[2], group[3]))


def _dose_words(at: dict[str, list[int]], settings: LinkSettings) -> list[str]:
    """The document's words that may name a dose ('mg', '70-mg', 'every', 'Q2W', 'higher'),
    read once per distinct word."""
    units = settings.dose_units
    firsts = {p[1] for p in settings.dose_schedules} | {p[1] for p in settings.dose_ranks}
    return [w for w in at if w in units or w in firsts
            or "-" in w and w.partition("-")[2] in units]


def _where(at: dict[str, list[int]], words: Iterable[str]) -> list[int]:
    """Where any of ``words`` stands, in text order (``at``: word -> its positions)."""
    return sorted(i for word in words for i in at.get(word, ()))


def _scan_words(doc: Doc, at: dict[str, list[int]], cues: list[Cue],
                settings: LinkSettings) -> tuple[list[Cue], set[int]]:
    """One pass over the distinct words (``at``: word -> where it stands): adverse events
    named by their form where no cue names them ("hypophosphatemia", "pancreatitis";
    diseases and drugs are not events), and the fractions ("3/40").

    Each test runs once per distinct word: a REGEX token pattern in the cue ruler cost
    ~15% of that component on the dev corpus.
    """
    found: list[Cue] = []
    fractions: set[int] = set()
    covered = {i for c in cues if c.label == "OUTCOME" for i in range(c.start, c.end)}
    known = _word_kinds(settings.adverse_event_suffixes, settings.adverse_event_exceptions)
    words = words_of(doc)
    for word, where in at.items():
        kinds = known.get(word)
        if kinds is None:
            kinds = (len(word) > 6 and word.isalpha()
                     and word.endswith(settings.adverse_event_suffixes)
                     and word not in settings.adverse_event_exceptions,
                     "/" in word and fraction_parts(word) is not None)
            known[word] = kinds
        if kinds[1]:
            fractions.update(where)
        elif kinds[0]:
            found += [Cue("OUTCOME", "adverse_event", i, i + 1, words.text[i]) for i in where
                      if i not in covered
                      and words.ent_type[i] not in {"DISEASE", "DRUG", "DRUG_CLASS"}]
    found.sort(key=lambda c: c.start)  # in text order
    return found, fractions


def _count_main_treatment(state: LinkState, groups: list[tuple[str, str, int, int]],
                          settings: LinkSettings, *, several_trials: bool = False) -> None:
    """'The drug, obicetrapib, was given to 1,200 people ... 48 had a heart attack': an event
    the text ties to no treatment, in a group with none, is of the treatment the article is
    about, the one it names most often. Not a total split into arms that received different
    things ("None of the 240 patients died" after "121 to TCH and 119 to TCHP"). In a text on
    several trials ("LORAL, a single-arm trial of lorlatinib ... LORAL enrolled 48 patients"
    after a trial of crizotinib) it is the drug of the trial last named where the group is."""
    counts = Counter(g[0] for g in groups if g[0] not in settings.control_drugs)
    if not counts:
        return
    main = next(g for g in groups if g[0] == counts.most_common(1)[0][0])
    totals = _split_totals(state)
    # The first group an article counts is its study population: in a comparison, everyone
    # randomized, who received no one treatment.
    first = next((c.index for c in state.cohorts if c.parent is None), None)
    # In a comparison (arms that received different things), a group named with no
    # treatment at all is one over the arms ("164 were enrolled", "401 completed
    # treatment", "Among the 238 with prediabetes, ... 62 of 80, 70 of 79 and 25 of 79").
    treated = [c for c in state.cohorts if c.drug and c.parent is None]
    compared = len({(c.drug, c.drug_status == "not_received") for c in treated}) >= 2
    widest_arm = max((c.size for c in treated), default=0)
    if first is not None and _single_treatment(state, compared, first):
        first = None  # "The study enrolled 89 adults, all of whom received X": X's group
    chosen = _of_chosen(state)
    for cohort in state.cohorts:
        if not cohort.drug and cohort.index not in totals | state.spanning | chosen \
                and cohort.index != first \
                and not (compared and cohort.size > widest_arm):  # (a part of that size too)
            tested = state.tested_at.get(cohort.index, main) if several_trials else main
            cohort.drug, cohort.drug_mention = tested[0], tested[1]
            cohort.drug_status = cohort.drug_status or "received"
    for event in state.events:
        cohort = state.cohorts[event.cohort] if event.cohort is not None else None
        if event.drug or (cohort is not None and (cohort.drug or cohort.index in totals
                                                   or cohort.index in state.pooled
                                                   or cohort.index in chosen)):
            continue
        event.drug, event.drug_mention = main[0], main[1]
        event.drug_status = event.drug_status or "received"


def _of_chosen(state: LinkState) -> set[int]:
    """The groups given one of several agents at the physician's choice, and their parts."""
    found = set(state.chosen)
    for cohort in state.cohorts:  # (a part comes after its parent)
        if cohort.parent in found and not cohort.drug:
            found.add(cohort.index)
    return found


def _single_treatment(state: LinkState, compared: bool, first: int) -> bool:
    """Did every group of the study receive one treatment (no arms given different things, no
    control, no total over arms, no options it was randomized between)? Then the population
    it opens with received it too; but not a population its own sentence picks other groups
    from ("Of 1,214 patients in the registries, 146 underwent resection while receiving X")."""
    sent = state.cohorts[first].sent
    # (and only where the text ties the treatment to a group: a page that merely names a
    # substance has no study population)
    tied = any(c.drug for c in state.cohorts) or any(e.drug for e in state.events)
    return tied and not compared and not state.spanning and not state.options and all(
        c.drug_status != "not_received" and (c.index == first or c.sent != sent)
        for c in state.cohorts)


def _split_totals(state: LinkState) -> set[int]:
    """Cohorts split right after into parts that received different things."""
    found = set()
    cohorts = state.cohorts
    for total in cohorts:
        k, parts, signatures = total.index + 1, 0, set()
        while k < len(cohorts) and parts < total.size and cohorts[k].sent <= total.sent + 1:
            parts += cohorts[k].size
            signatures.add((cohorts[k].drug, cohorts[k].drug_status == "not_received"))
            k += 1
        if parts == total.size and k - total.index > 2 and len(signatures) >= 2:
            found.add(total.index)
    return found


#: What may stand between an option and the next besides doses: "X 14 mg (n = 236), or".
_SIZE_PUNCT = frozenset({",", "(", ")", "[", "]", "n", "=", ";"})


def _only_doses_between(doc: Doc, start: int, end: int, settings: LinkSettings,
                        units: frozenset[str], *, listed: bool = False) -> bool:
    """'X 14 mg (the 14-mg group, n = 236) or': an alternative word, and besides it only
    doses, routes and what parentheses hold (sizes, labels). (With ``listed``, a comma of a
    list will do for the alternative word.)"""
    if end - start > 4 * settings.noun_window:
        return False
    depth, alternative = 0, False
    for t in doc[start:end]:
        if t.text in {"(", "["}:
            depth += 1
        elif t.text in {")", "]"}:
            depth -= 1
        elif depth > 0:
            continue
        elif t.lower_ in settings.alternative_words or listed and t.text == ",":
            alternative = True
        elif not (t.lower_ in units or t.like_num or t.lower_ in settings.treatment_modifiers
                  or t.lower_ in _SIZE_PUNCT):
            return False
    return alternative


def _randomises(cue: Cue) -> bool:
    """Does the cue say the patients were randomised ("randomly assigned", "allocated")? An
    arm given a backbone alone is a control only in a randomised comparison (corpora/README:
    a non-randomised cohort given X alone keeps its own drugs)."""
    return (cue.label == "DESIGN" and cue.id == "randomized_trial") or (
        cue.label == "STUDY_VERB" and cue.text.lower().startswith(("random", "assign", "allocat")))


def _tested_drug(doc: Doc, groups: list[tuple[str, str, int, int]],
                 active: list[tuple[str, str, int, int]],
                 settings: LinkSettings, units: frozenset[str]) -> tuple[str, str] | None:
    """The drug a sentence tests: its first active treatment, or the one offered as the
    alternative to its placebo ('patients on background metformin were randomized to X or
    placebo': X; 'to X 7 mg (n = 235), X 14 mg (n = 236) or placebo (n = 234)': X)."""
    if not active:
        return None
    for control in (g for g in groups if g[0] in settings.control_drugs):
        # "X or placebo", "X 7 mg, X 14 mg, or matching placebo": only doses between them.
        offered = [g for g in active if g[3] < control[2]
                   and _only_doses_between(doc, g[3], control[2], settings, units)]
        if offered:
            first = _first_listed(doc, active, offered[-1], settings, units)
            return first[0], first[1]
        sized = _sized_for(doc, active, control)
        if sized is not None:
            return sized[0], sized[1]
    return active[0][0], active[0][1]


def _sized_for(doc: Doc, active: list[tuple[str, str, int, int]],
               control: tuple[str, str, int, int]) -> tuple[str, str, int, int] | None:
    """'(N = 152 for X and N = 150 for placebo)': the treatment sized beside the placebo,
    in a sentence that may name other drugs before (what the patients had been cured with);
    of several so listed ('N = 121 for X, N = 121 for X plus Y, and N = 120 for placebo'),
    the first, which the trial tests."""
    found = None
    k = control[2]
    while k >= 5 and doc[k - 1].lower_ == "for" and doc[k - 2].like_num \
            and doc[k - 3].text == "=" and doc[k - 4].lower_ == "n":
        k -= 5
        while k >= 0 and doc[k].lower_ in {",", "and", "or"}:
            k -= 1  # (the separators of the list)
        group = next((g for g in active if g[3] == k + 1), None)
        if group is None:
            break
        found, k = group, group[2]
    return found


def _first_listed(doc: Doc, active: list[tuple[str, str, int, int]],
                  last: tuple[str, str, int, int], settings: LinkSettings,
                  units: frozenset[str]) -> tuple[str, str, int, int]:
    """'to atogepant (n = 120), rimegepant (n = 118) or placebo': of active treatments listed
    before the placebo with only doses and sizes between them, the first, which the trial
    tests (the others are its active references)."""
    k = active.index(last)
    while k > 0 and _only_doses_between(doc, active[k - 1][3], active[k][2], settings, units,
                                        listed=True):
        k -= 1
    return active[k]


def _only_treatment(doc: Doc, groups: list[tuple[str, str, int, int]],
                    settings: LinkSettings) -> tuple[str, str] | None:
    """The one treatment of a study without a control arm, which every group received.

    'venetoclax plus azacitidine' named later as 'venetoclax' or 'azacitidine' alone is
    still one regimen: every treatment named is a part of the widest one. Not when two
    are offered as alternatives ('X plus Y or Y', 'Y alone') or a control is named.
    """
    if not groups or any(g[0] in settings.control_drugs for g in groups):
        return None
    widest = max(groups, key=lambda g: len(g[0].split(" + ")))
    parts = set(widest[0].split(" + "))
    if any(not set(g[0].split(" + ")) <= parts for g in groups):
        return None
    if len({g[0] for g in groups}) > 1:
        for g in groups:
            if g[3] < len(doc) and doc[g[3]].lower_ in settings.alone_words:
                return None  # "azacitidine alone": a control arm of the comparison
        for here, after in zip(groups, groups[1:], strict=False):
            between = doc[here[3]:after[2]]
            if len(between) <= settings.noun_window and any(
                    t.lower_ in settings.alternative_words for t in between):
                return None  # "to venetoclax plus azacitidine or azacitidine"
    first = next(g for g in groups if g[0] == widest[0])
    return first[0], first[1]


def _clear_opening_frame(words: Words, sent: Span, state: LinkState, n_cohorts: int,
                         groups: list[tuple[str, str, int, int]], settings: LinkSettings) -> None:
    """'Among the 84 patients with diabetes, 9 in the X group and 16 in the placebo group
    were hospitalised', 'In a subset of 180 patients whose blood was tested, ... about a third
    of those on X and almost none on Y': a group the sentence opens with, named by no
    treatment of its own, and then split between the arms the sentence names is a subgroup
    total over the arms (corpora/README: a cohort row with no drug)."""
    if n_cohorts >= len(state.cohorts) or words.lower[sent.start] not in (
            settings.reference_words | settings.frame_prepositions):
        return
    comma = next((k for k in range(sent.start, sent.end) if words.text[k] in {",", ";"}), None)
    frame = state.cohorts[n_cohorts]
    if comma is None or frame.parent is not None or words.idx[comma] < frame.end_char \
            or any(g[2] < comma for g in groups):
        return
    named = {g[0] for g in groups if g[2] > comma}
    if len(named) < 2:
        return
    frame.drug = frame.drug_mention = frame.drug_status = None
    state.spanning.add(frame.index)


def _stopped_doing(words: Words, cue: Cue, settings: LinkSettings) -> bool:
    """'adults whose anaemia had stopped responding to X', 'the tumour stopped growing': a
    stop of something other than taking a treatment is no change of the group's treatment
    (but 'stopped taking X', 'stopped receiving X' is)."""
    if cue.label != "STATUS" or cue.id != "discontinued" or cue.end >= len(words.lower) \
            or not words.lower[cue.end - 1].startswith("stop"):
        return False
    after = words.lower[cue.end]
    return after.endswith("ing") and after not in settings.treatment_words \
        and after not in _STOPPED_USING


#: Gerunds after "stopped" that do say a treatment was stopped ("stopped using the inhaler").
_STOPPED_USING = frozenset({"using", "treatment", "dosing", "injecting", "infusing"})


def _state_totals(state: LinkState, n_cohorts: int, n_events: int) -> None:
    """'Among the 230 patients who had been hospitalised, death occurred in 30 of 117 with X
    and in 41 of 113 with placebo': a frame that spans the arms is a subgroup total, a
    cohort row of its own even when its clause counts events of its parts (corpora/README)."""
    counted = {e.cohort for e in state.events[n_events:]}
    for cohort in state.cohorts[n_cohorts:]:
        if cohort.index in state.spanning and not cohort.statement \
                and cohort.index not in counted and cohort.index not in state.screened:
            cohort.statement = True


def _split_over_arms(words: Words, sent: Span, state: LinkState, n_cohorts: int,
                     settings: LinkSettings) -> None:
    """'The safety population comprised the 364 patients (242 and 122) who ...': the
    bracketed breakdown of a group gives one part of each arm, in the arms' order."""
    starts = {words.idx[k] for k in breakdown_counts(words, sent.start, sent.end, settings)}
    parts = [c.index for c in state.cohorts[n_cohorts:] if c.start_char in starts and not c.drug]
    if parts and len(parts) == len(state.arms):
        _cohorts_respectively(state, parts, state.arms)


def _cohorts_respectively(state: LinkState, cohorts: list[int], arms: list[int]) -> None:
    """'161 and 160 patients, respectively, received at least one dose': one group per arm,
    in order, each a part of its arm with its treatment."""
    if any(state.cohorts[c].size > state.cohorts[a].size for c, a in zip(cohorts, arms, strict=True)):
        return
    if len({state.cohorts[a].drug for a in arms} | {None}) < 2:
        return  # the arms are not told apart by treatment
    for c, a in zip(cohorts, arms, strict=True):
        cohort, arm = state.cohorts[c], state.cohorts[a]
        cohort.drug, cohort.drug_mention = arm.drug, arm.drug_mention
        cohort.drug_status = arm.drug_status if cohort.drug_status in (None, "received") \
            else cohort.drug_status
        cohort.arm = cohort.arm or arm.arm


def _changed_parts_of_arms(words: Words, state: LinkState, n_cohorts: int, arms: list[int],
                           sent_cues: list[Cue], settings: LinkSettings) -> None:
    """'377 patients assigned to X and 166 assigned to placebo completed the induction period':
    groups named by the arm they were assigned to (a participle before the status verb), whose
    treatment then went on or stopped, are parts of those arms (corpora/README: completions
    are cohort rows), not new arms that later counts of "the X group" are of."""
    changed = min((c.start for c in sent_cues if c.label == "STATUS" and c.id in CHANGED_STATUSES),
                  default=None)
    for cohort in state.cohorts[n_cohorts:]:
        if cohort.parent is not None or not cohort.statement or not cohort.drug:
            continue
        if changed is None or cohort.start_char >= words.idx[changed]:
            continue
        at = bisect_left(words.idx, cohort.start_char)
        if not any(words.lower[k] in settings.assignment_participles for k in range(at, changed)):
            continue  # (but "30 in the X group withdrew": those groups, which "Of these" takes up)
        arm = next((state.cohorts[a] for a in arms if state.cohorts[a].drug == cohort.drug
                    and state.cohorts[a].drug_status == cohort.drug_status
                    and state.cohorts[a].size > cohort.size), None)
        if arm is not None:
            cohort.parent = arm.index


def _bare_lists_over_arms(words: Words, state: LinkState, n_cohorts: int, arms: list[int],
                          settings: LinkSettings) -> None:
    """'..., and 97 and 96 had the infection confirmed': a bare list of as many groups as
    there are arms, which names none of them, is one group per arm, in the arms' order (as
    with 'respectively'), not each a part of the group before it."""
    if any(a >= n_cohorts for a in arms):
        return  # (arms this sentence made: no older arms its groups could be parts of)
    made = sorted((c for c in state.cohorts[n_cohorts:] if c.statement),
                  key=lambda c: c.start_char)
    starts = [bisect_left(words.idx, c.start_char) for c in made]
    n = len(arms)
    k = 0
    while k + n <= len(made):
        items, at = made[k:k + n], starts[k:k + n]
        listed = all(words.lower[j] in settings.list_separators
                     for a, b in zip(at, at[1:], strict=False) for j in range(a + 1, b)) \
            and all(b - a <= 3 for a, b in zip(at, at[1:], strict=False))
        if not listed or len({c.drug for c in items}) == n \
                or _names_a_group(words, at[-1] + 1, settings) \
                or any(c.size > state.cohorts[a].size for c, a in zip(items, arms, strict=True)):
            k += 1
            continue
        for c, a in zip(items, arms, strict=True):
            arm = state.cohorts[a]
            # ("withdrawal of consent (12 and 14)": those of each arm who stopped it; the
            # comparator arm never had X to stop, corpora/README)
            changed = c.drug_status in CHANGED_STATUSES and arm.drug_status != "not_received"
            c.drug, c.drug_mention = arm.drug, arm.drug_mention
            c.drug_status = c.drug_status if changed else arm.drug_status
            c.arm, c.parent = c.arm or arm.arm, a
        k += n


def _names_a_group(words: Words, i: int, settings: LinkSettings) -> bool:
    """Do the words after a list of counts name whom each is of ('... in the X group', 'to X',
    'receiving X', ', respectively')? (Then the list is no bare one.)"""
    for k in range(i, min(len(words.lower), i + _BARE_LIST_REACH)):
        if words.ent_type[k] in {"DRUG", "DRUG_CLASS"} or words.lower[k] in settings.respectively_words \
                or words.lower[k] in settings.size_for_words or words.lower[k] in settings.arm_nouns \
                or words.lower[k] in settings.treatment_words or words.lower[k] == "to":
            return True
    return False


_BARE_LIST_REACH = 4  # words after the last count ('patients, respectively', 'in the A group')


def _after_baseline(facts: ClauseFacts, m: Mention) -> bool:
    """Is the count said after a baseline statistic of its clause ("median age", "at baseline"),
    or described as it was at baseline ("1,126 patients were receiving ventilation at
    baseline")?"""
    if any(c.label == "INCIDENCE" and c.id == "baseline" and c.end == m.start - 3
           and c.text.lower().startswith("at ") for c in facts.cues) \
            and m.kind == "count":
        return False  # "In the subgroup with X at baseline (n = 47), ...": that group's size
    return (facts.baseline_at is not None and facts.baseline_at < m.start) or any(
        c.label == "INCIDENCE" and c.id == "baseline" and c.start >= m.end
        and c.text.lower().startswith("at ") for c in facts.cues)


def _status_follows(doc: Doc, i: int, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """Is the predicate right after a count a change of treatment ("stopped", "continued")?"""
    i = after_percent(doc, i, facts.end)  # "601 (94.2%) completed the trial"
    i = treatment_end(doc, i, facts.end, settings) or i  # "14 taking sunitinib stopped"
    return any(c.label == "STATUS" and c.start == i and c.id in {"discontinued", "continued"}
               for c in facts.cues)


def _name_by_options(state: LinkState, n_cohorts: int, n_events: int,
                     settings: LinkSettings) -> None:
    """'randomized to roflumilast or placebo. Exacerbations occurred in 3/40 vs 9/41': one
    count per option, in the order the options were given, each naming its own group."""
    events = state.events[n_events:]
    if len(events) != len(state.options) or len({e.outcome_at for e in events}) != 1:
        return
    groups = [state.cohorts[e.cohort] if e.cohort is not None else None for e in events]
    if any(g is None or g.index < n_cohorts or g.drug for g in groups):
        return  # only groups this sentence introduced, with no treatment of their own
    active = [o[0] for o in state.options if o[0] not in settings.control_drugs]
    for event, group, (drug, _) in zip(events, groups, state.options, strict=True):
        if drug in settings.control_drugs:
            if len(active) != 1:
                return
            group.drug, group.drug_mention, group.drug_status = active[0], drug, "not_received"
        else:
            group.drug, group.drug_mention, group.drug_status = drug, drug, "received"
        event.drug, event.drug_mention, event.drug_status = (group.drug, group.drug_mention,
                                                             group.drug_status)


def _names_combination(doc: Doc, clause: Clause, settings: LinkSettings) -> bool:
    """Does the clause name the last combination by a word ("the combination", "the same
    doublet")?"""
    words = [t.lower_ for t in doc[clause.start:clause.end]]
    return any(words[k:k + len(a)] == list(a) for a in settings.combination_anaphors
               for k in range(len(words) - len(a) + 1) if words[k] == a[0])


def _part_names_regimen(words: Words, clause: Clause, facts: ClauseFacts,
                        combination: tuple[str, str], settings: LinkSettings) -> bool:
    """'given the Itovebi regimen', 'the inavolisib combination' after 'inavolisib in
    combination with palbociclib and fulvestrant': one drug of the last combination named,
    with 'regimen' after it, names the whole combination."""
    if not facts.drug or " + " in facts.drug \
            or facts.drug not in combination[0].split(" + ") or " + " not in combination[0]:
        return False
    heads = _last_words(settings.combination_anaphors)  # "regimen", "combination", ...
    return any(words.lower[k] in heads and words.ent_type[k - 1] == "DRUG"
               for k in range(clause.start + 1, clause.end))


def _named_together(doc: Doc, active: list[tuple[str, str, int, int]],
                    settings: LinkSettings) -> tuple[str, str] | None:
    """'The drugs are Padcev (enfortumab vedotin), an antibody ..., and the immunotherapy
    Keytruda (pembrolizumab)': drugs a sentence names together, each apart from the next
    by words that join ("and", "plus", "with") and none that oppose ("or", "versus",
    "than"), are the combination a later "the combination" names."""
    names: set[str] = set()
    listed = []  # each drug once: "Keytruda (pembrolizumab), formerly MK-3475" is one
    for g in active:
        parts = set(g[0].split(" + "))
        if not parts <= names:
            listed.append(g)
            names |= parts
    if len(names) < 2:
        return None
    opposed = settings.alternative_words | (settings.comparators - settings.dose_joiners)
    for here, after in zip(listed, listed[1:], strict=False):
        between = {t.lower_ for t in doc[here[3]:after[2]]}
        if not between & settings.dose_joiners or between & opposed:
            return None
    return " + ".join(sorted(names)), " + ".join(g[1] for g in listed)


def _with_anaphor(words: Words, clause: Clause, groups: list[tuple[str, str, int, int]],
                  combination: tuple[str, str],
                  settings: LinkSettings) -> list[tuple[str, str, int, int]]:
    """'21 of 60 with lanreotide, 13 of 63 with the combination': the words that name the last
    combination again are a group of the clause too, so each count takes the group named
    after it. The groups of the sentence with it, in text order."""
    lower = words.lower
    for k in range(clause.start, clause.end):
        for a in settings.combination_anaphors:
            if lower[k] == a[0] and tuple(lower[k:k + len(a)]) == a and k + len(a) <= clause.end:
                named = (combination[0], words.span_text(k, k + len(a)), k, k + len(a))
                return sorted([*groups, named], key=lambda g: g[2])
    return groups


def _take_combination(facts: ClauseFacts, combination: tuple[str, str]) -> None:
    """'got the same doublet with obinutuzumab added': the combination, plus what the clause
    adds to it; 'who started the combination': the combination itself."""
    if facts.control or facts.comparison:
        return
    parts = set(combination[0].split(" + "))
    if facts.drug:
        parts |= set(facts.drug.split(" + "))
        facts.drug_mention = f"{combination[1]} + {facts.drug_mention}"
    else:
        facts.drug_mention = combination[1]
    facts.drug = " + ".join(sorted(parts))
    facts.drug_status = facts.drug_status or "received"


#: Outcomes that are a kind of another: "a response in 39 of the 96, and four of them had
#: a complete response" counts the complete responses over the 96, not over the responders.
_KINDS_OF = {"response": frozenset({"complete_response", "partial_response"})}

#: Cue labels that make a clause a statement of its own, not figures under a heading.
#: What stands before a size in a bracketed list: "(48 in A and 50 in B)".
_LIST_OPENERS = frozenset({"(", "[", "and", ",", ";"})

_VERBS = frozenset({"EVENT_VERB", "STUDY_VERB", "STATUS"})


def _label_heading(sent: Span, clause: Clause, sent_cues: list[Cue], words: Words) -> str | None:
    """'Arm A: sotorasib 960 mg daily (n = 104)': the arm label a sentence opens with before
    the colon of the clause, which names the group the clause defines (no event heading)."""
    if clause.start <= sent.start + 1 or words.text[clause.start - 1] != ":":
        return None
    return next((c.text for c in sent_cues if c.label == "ARM" and c.start == sent.start
                 and c.end == clause.start - 1), None)


def _headed(doc: Doc, sent: Span, clause: Clause, facts: ClauseFacts, sent_cues: list[Cue],
            settings: LinkSettings) -> Cue | None:
    """The outcome a heading names for the verbless clause after its colon, or None."""
    text = words_of(doc).text
    if clause.start <= sent.start or text[clause.start - 1] not in {":", ";"} \
            or any(c.label in _VERBS and c.id != "not_received"
                   for c in facts.cues):  # "placebo, 6/301"
        return None
    start = clause.start
    if text[start - 1] == ";":
        # "Vomiting: A, 30/300; B, 45/298; placebo, 6/301": every item of the list after the
        # heading's colon.
        start = next((k + 1 for k in range(sent.start, clause.start) if text[k] == ":"), start)
    if text[start - 1] != ":":
        return None
    return heading_outcome(doc, sent.start, start, sent_cues, settings)


def _link_each(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts, outcome: Cue | None,
               span: Span, state: LinkState, settings: LinkSettings, *,
               randomised: bool = False) -> None:
    """'62 were assigned to each arm', '150 patients remained in each group': one cohort per
    arm; 'occurred in three patients in each group': one event per arm (of the arms the
    words pick: "in each of the two ibrutinib-containing arms"). A sentence that says the
    patients were randomised ('286 patients were randomised, 143 to each arm') sizes the
    options compared before it, however many sentences back (Methods, then Results)."""
    if any(t.lower_ in settings.plan_words for t in doc[facts.start:facts.end]):
        return  # "with 60 patients per arm the trial had 80% power": a plan, no groups
    conf = settings.confidence
    plain = replace(facts, drug=None, drug_mention=None, drug_status=None, control=False)
    if outcome is not None:
        words = doc[m.end:facts.end].text.lower()
        arms = [state.cohorts[i] for i in state.arms]
        picked = [c for c in arms if c.drug and any(p in words for p in c.drug.split(" + "))]
        targets = picked if 0 < len(picked) < len(arms) else arms
        if other_arms(doc, m.end, facts.end, settings):
            # "two in Arm A and none in the other two arms": the arms not counted yet
            counted = {e.cohort for e in state.events if e.sent == sent_index}
            targets = [c for c in arms if c.index not in counted]
        last = state.events[-1] if state.events else None
        if targets and last is not None and last.sent == sent_index and last.outcome == outcome.id \
                and last.count == m.value * len(targets) and last.end_char <= span.start_char:
            state.events.pop()  # "Two participants died, one in each group": not the total
        for cohort in targets:
            add_event(state, cohort.index, m.value, None, outcome, plain, sent_index, span,
                      conf["count_same_sentence"])
        return
    if len(state.arm_labels) >= 2:
        made = [new_cohort(state, m.value, m.size_text, sent_index, span,
                           replace(plain, arm_label=label), parent=None, statement=True,
                           confidence=conf["cohort"])
                for label in state.arm_labels.values()]
    elif len(state.arms) < 2 and len(state.sentence_options) >= 2:
        # "randomized to roflumilast or placebo (120 per group)": one arm per option.
        made = _arm_per_option(sent_index, m, plain, span, state, settings,
                               state.sentence_options, state.sentence_option_doses)
    elif len(state.arms) < 2 and len(state.options) >= 2 and (
            state.options_sent == sent_index - 1
            or randomised and -1 < state.options_sent < sent_index):
        # "... to X 3 mg, X 6 mg or Y. Eighty patients were assigned to each group."
        made = _arm_per_option(sent_index, m, plain, span, state, settings, state.options,
                               state.option_doses)
    else:  # arms told apart by treatment ("167 received mFFX and 371 received GnP")
        made = []
        for arm in [state.cohorts[i] for i in state.arms]:
            cohort = new_cohort(state, m.value, m.size_text, sent_index, span, plain,
                                parent=None, statement=True, confidence=conf["cohort"])
            cohort.drug, cohort.drug_mention = arm.drug, arm.drug_mention
            cohort.drug_status, cohort.arm = arm.drug_status, arm.arm
            made.append(cohort)
    for cohort in made:
        remember(state, cohort.index)
    state.arms = [c.index for c in made]


def _arm_per_option(sent_index: int, m: Mention, plain: ClauseFacts, span: Span, state: LinkState,
                    settings: LinkSettings, options: list[tuple[str, bool]],
                    doses: list[tuple[str, ...]]) -> list[Cohort]:
    """One arm of the size given per option compared, with its dose terms when the options
    differ by them. The agents of a physician's choice ('X or investigator's choice of A or
    B', chosen_agents) are one option: an arm given one of them, no drug (corpora/README)."""
    made = []
    if state.choice is not None and sum(d in state.choice[0] for d, _ in options) >= 2:
        first = next(k for k, (d, _) in enumerate(options) if d in state.choice[0])
        options = [o for k, o in enumerate(options) if k == first or o[0] not in state.choice[0]]
        doses = []
        chosen = first
    else:
        chosen = -1
    for k, (drug, _) in enumerate(options):
        if k == chosen:
            named = replace(plain, drug=None, drug_mention=state.choice[1], control=True,  # type: ignore[index]
                            choice=True, drug_status=None)
            made.append(new_cohort(state, m.value, m.size_text, sent_index, span, named,
                                   parent=None, statement=True,
                                   confidence=settings.confidence["cohort"]))
            continue
        control = drug in settings.control_drugs
        named = replace(plain, drug=None if control else drug, drug_mention=drug,
                        control=control, drug_status="not_received" if control else "received")
        made.append(new_cohort(state, m.value, m.size_text, sent_index, span, named,
                               parent=None, statement=True, confidence=settings.confidence["cohort"]))
    if len(doses) == len(made) and len({d for d in doses if d}) >= 2:
        for cohort, terms in zip(made, doses, strict=True):
            cohort.dose = terms
    return made


def _own_group(doc: Doc, m: Mention, facts: ClauseFacts, groups: list[tuple[str, str, int, int]],
               settings: LinkSettings) -> ClauseFacts:
    """'Arm A enrolled 150 patients and Arm B enrolled 148', '9 patients in the intervention
    group and 17 in the control group': in a clause that names several groups (labels,
    roles, treatments), a count belongs to the group named right after it ("in Arm B"),
    else to the nearest one named before it."""
    if m.arm is not None or m.drug is not None:
        return facts
    switched = _switched_to(m, facts, groups)
    if switched is not None:
        return replace(facts, experimental=False, control=False, drug=switched[0],
                       drug_mention=switched[1], drug_status="received")
    named: list[tuple[int, int, str, str]] = []  # start, end, kind, text
    for c in facts.cues:
        if c.label == "ARM":
            named.append((c.start, c.end, "arm", c.text))
        elif c.label == "EXPERIMENTAL_ARM":
            named.append((c.start, c.end, "experimental", c.text))
        elif c.label == "STATUS" and c.id == "not_received":
            named.append((c.start, c.end, "control", c.text))
    for g in groups:
        if facts.start <= g[2] and g[3] <= facts.end:
            kind = "control" if g[0] in settings.control_drugs else "drug"
            named.append((g[2], g[3], kind, g[0]))
    if len({(k, t.lower()) for _, _, k, t in named}) < 2:
        return facts
    named.sort()
    # "in the X group", "280 to adalimumab", "450 were assigned to guselkumab"
    links = settings.reference_words | settings.size_for_words | settings.determiners \
        | settings.assignment_words | settings.arm_definition_links
    end = _past_share(doc, m.end, facts.end)  # "19 patients (17.8%) receiving X"
    after = [n for n in named if end <= n[0] <= end + settings.arm_definition_reach and all(
        t.lower_ in links for t in doc[end:n[0]])]
    before = [n for n in named if n[1] <= m.start]
    own = after[0] if after else before[-1] if before else None
    if own is None:
        return facts
    start, end, kind, text = own
    if kind == "arm":
        return facts if same_label(text, facts.arm_label) else replace(facts, arm_label=text)
    if any(n[2] == "arm" for n in named):
        return facts  # labelled arms tell the groups apart; their treatments come with them
    if kind == "experimental":
        return replace(facts, experimental=True, control=False, drug=None, drug_mention=None,
                       drug_status=None)
    if kind == "control":
        lacked = next((n for n in named if n[0] == end and n[2] == "drug"), None)
        opener = defining_relative(words_of(doc).lower, end, facts.end)
        given = next((n for n in named if opener is not None and n[0] > opener
                      and n[2] == "drug"), None)
        if given is not None and not facts.control and facts.drug == given[3]:
            # "148 in the control arm, in which patients received Y" (share_control_drug)
            return replace(facts, experimental=False)
        if lacked is not None:  # "37 of 1,202 patients not given X": X, not received
            return replace(facts, experimental=False, control=True, drug=lacked[3],
                           drug_mention=doc[start:lacked[1]].text, drug_status="not_received")
        return replace(facts, experimental=False, control=True, drug=None,
                       drug_mention=doc[start:end].text, drug_status="not_received")
    return replace(facts, experimental=False, control=False, drug=text,
                   drug_mention=next(g[1] for g in groups if g[2] == start),
                   drug_status=facts.drug_status if facts.drug_status not in (None, "not_received")
                   else "received")


def _past_share(doc: Doc, i: int, end: int) -> int:
    """Where the words after a count go on when a share in brackets follows it ('19 patients
    (17.8%) receiving X': at 'receiving')."""
    words = words_of(doc)
    if i >= end or words.text[i] not in {"(", "["}:
        return i
    for k in range(i + 1, min(end, i + 6)):
        if words.text[k] in {")", "]"}:
            return k + 1
        if not (words.like_num[k] or words.text[k] in {"%", ",", ";", "·", "."}):
            return i
    return i


def _switched_to(m: Mention, facts: ClauseFacts,
                 groups: list[tuple[str, str, int, int]]) -> tuple[str, str] | None:
    """'47 patients in the docetaxel group crossed over to zongertinib': a count whose group
    then switched ('switched to', 'crossed over to': the receipts of models/rules/cues.json
    that end in 'to') received the drug it switched to, not its first arm's."""
    for c in facts.cues:
        if c.label == "STATUS" and c.id == "received" and c.start >= m.end \
                and c.text.lower().endswith(" to"):
            return next(((g[0], g[1]) for g in groups if g[2] == c.end), None)
    return None


def _link(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts,
          state: LinkState, settings: LinkSettings,
          groups: list[tuple[str, str, int, int]] = (),  # type: ignore[assignment]
          *, back: bool = False, brackets: bool = False,
          sent_cues: list[Cue] | None = None) -> None:
    conf = settings.confidence
    if _not_enrolled(doc, m, settings, sent_cues or facts.cues):
        return  # "reasons for screening failure were X (96 patients)", "a trial of about 120"
    if _history(doc, m, facts, settings):
        return  # "96 had previously received belimumab": a baseline characteristic
    if _kind_of_patient(doc, m, facts, settings):
        return  # "229 participants (47.1%) were women": a baseline characteristic
    if _population_statistic(doc, m, facts, settings):
        return  # "about 30,000 people live with the disease": no group of the study
    if m.kind in {"bare", "count", "loose"} and m.outcome is None \
            and cause_part(doc, m.start, m.end, settings):
        return  # "two died, one of pneumonia and one of sepsis": a breakdown, no count
    if m.value == 0 and judged_none(doc, m.start, m.end, settings):
        return  # "..., none of which was considered related to treatment": no zero
    facts = _own_group(doc, m, facts, list(groups), settings)
    sizes_only = brackets and m.kind == "count" and m.outcome is None and m.start > 0 \
        and (doc[m.start - 1].text in _LIST_OPENERS or doc[m.start - 1].text == "=") \
        and in_size_brackets(doc, m.start, sent_cues, settings) \
        or _sized_opener(doc, m, facts)
    noun_size = _sized_noun(doc, m, facts)
    sizes_only = sizes_only or noun_size
    outcome = None if sizes_only else (
        m.outcome or predicate_outcome(doc, m.end, facts.end, facts.cues, settings)
        or preceding_outcome(doc, m.start, facts.start, facts.cues, settings)
        or cases_of(doc, m.end, facts.end, facts.cues, settings))
    if outcome is not None and _describes_population(doc, m, outcome, facts):
        outcome = None  # "502 adults hospitalised with influenza were randomised to ..."
    if outcome is not None and outcome.start == m.end and facts.shared_outcome is not None \
            and outcome.text.lower() in settings.people_outcomes:
        # "11 of the 94 responders in cohort A and 9 of the 99 in cohort B relapsed": the
        # noun names the group; the verb they share names the event.
        outcome = facts.shared_outcome
    elif outcome is not None and outcome.start == m.end and m.outcome is None \
            and outcome.text.lower() in settings.people_outcomes:
        # "Disease progression later occurred in 11 of the 45 responders", "9 of the 30
        # responders relapsed": the noun names the group; the event is the clause's other one.
        outcome = predicate_outcome(doc, outcome.end, facts.end, facts.cues, settings) \
            or preceding_outcome(doc, m.start, facts.start, facts.cues, settings) or outcome
    last = state.events[-1] if state.events else None
    # Harms are being reported: the last count, in this sentence or the one before, was one.
    after_harm = last is not None and last.outcome == "adverse_event" \
        and last.sent >= sent_index - 1 and last.cohort is not None
    if after_harm and outcome is not None and outcome.id == "other":
        outcome = harm_reason(doc, outcome, facts.cues, settings) or outcome
    framed = False
    if outcome is None and not sizes_only and (
            m.kind in {"fraction", "bare", "count", "loose", "percent", "named", "each"}
            or m.kind == "part" and after_harm):  # "23 had ARIA-E, 4 of whom had symptoms"
        # "Clinical cure was achieved in 64 of 80": the frame that states the event names it,
        # before any outcome borrowed from another clause.
        outcome = other_outcome(doc, m.start, m.end, facts.start, facts.end, facts.cues, settings,
                                subject_only=m.kind == "percent", after_harm=after_harm)
        framed = outcome is not None
        if framed and _rates_frequency(outcome, settings):
            # "Clinical remission was more frequent with X (24.0%)": the adjective says how
            # often; the event is the one the clause names, or the copula's subject
            outcome = clause_outcome(doc, facts, m, settings) \
                or rated_subject(doc, outcome, facts.start, settings) or outcome
            last = state.events[-1] if state.events else None
            if _rates_frequency(outcome, settings) and last is not None \
                    and last.outcome not in {None, "other"} and last.sent >= sent_index - 1:
                # "The results were similar in the per-protocol population (52 of 89 vs 24 of
                # 74)": no event named; the one counted last, named by the vocabulary
                outcome = Cue("OUTCOME", last.outcome, last.outcome_at, last.outcome_at + 1,
                              last.outcome_mention)
    if outcome is None and back and state.events and refers_back(doc, m.start, facts.start,
                                                                 settings):
        outcome = _last_event_outcome(state.events[-1])  # "the corresponding rates were ..."
    if outcome is None and not sizes_only and _pro_verb_after(doc, m.end, facts.end, settings,
                                                              facts.cues):
        outcome = state.last_outcome  # "...; in cohort B, 22 of 47 did": the verb said before
        last = state.events[-1] if state.events else None
        if outcome is None and last is not None and last.sent == sent_index - 1:
            # "31 of the 57 in Arm A responded. On placebo, just 5 of 56 did.": the verb of
            # the sentence before, when this one has said none yet
            outcome = _last_event_outcome(last)
    if outcome is None and m.kind in {"fraction", "percent"} and state.events \
            and state.events[-1].sent >= sent_index - 1 \
            and _rate_pronoun_before(doc, m.start, facts.start, settings):
        outcome = _last_event_outcome(state.events[-1])  # "In Arm B it was 40 of 58"
    if outcome is None and facts.shares_comparison:
        outcome = facts.shared_outcome  # "and 6 versus 16 died": not the outcome before
    if outcome is None and facts.elliptical \
            and (m.kind in {"fraction", "bare", "count", "loose", "percent", "named", "each"}
                 or m.kind == "part" and _nothing_after(doc, m.end, facts, settings)) \
            and not _own_change(doc, m, settings, sent_cues or facts.cues):
        # "... compared with 47 of the 106 (44.3%)", "... in 14 and 6 of these."
        outcome = state.last_outcome
    if outcome is None and m.kind in {"fraction", "bare", "count", "loose", "percent", "named"}:
        outcome = facts.shared_outcome
    if outcome is None and m.kind == "fraction" and state.last_outcome is not None \
            and _in_brackets(doc, m.start):
        # "Toxicity was more frequent with chemotherapy (Arm A 2/124, 1.6%; Arm B 19/126,
        # 15.1%)": every item in the brackets counts what the statement before them names.
        outcome = state.last_outcome
    if outcome is None and m.kind in {"fraction", "percent"}:
        # "A pathological complete response (ypT0/is ypN0) was achieved in 55 of 121": a
        # part of a group in a clause that names an outcome is a count of that outcome.
        outcome = clause_outcome(doc, facts, m, settings)
    if sizes_only:
        outcome = None  # "(48 in cohort A and 50 in cohort B)": the sizes of the groups
    if outcome is not None and m.outcome is None and outcome.id in {"other", "adverse_event"} \
            and _forms_population(doc, facts, outcome, settings):
        outcome = None  # "97 and 96 had X confirmed and formed the mITT population": a group
    dose_changed = outcome is not None and outcome.id == "other" and _changes_dose(outcome, settings)
    if dose_changed:
        outcome = None  # "22 needed at least one dose reduction": a group, no event
    if outcome is not None:
        outcome = qualified_outcome(doc, outcome, facts.cues, settings)
        outcome = response_kind(doc, m.end, outcome) or outcome  # "..., four complete"
    reason = listed_reason(doc, m.start, settings) \
        if m.kind in {"count", "bare", "loose"} and not sizes_only \
        and _stops_named(state, sent_index, sent_cues or facts.cues) else None
    if reason is not None:
        harms = [c for c in longest_cues(sent_cues or facts.cues, "OUTCOME")
                 if c.id == "adverse_event" and reason[0] <= c.start and c.end <= reason[1]]
        if harms:
            # "the reasons were adverse events (18 and 11, respectively)": a harm of the whole
            # arm (corpora/README), however the text named those who stopped before
            outcome = harms[0]
            state.stopped.update(c.index for c in state.cohorts[-_STOP_REACH:]
                                 if c.sent >= sent_index - 1 and c.drug_status == "discontinued")
        else:
            # "..., withdrawal of consent (12 and 14) and other reasons (8 and 9)": who stopped
            # for a reason other than a harm is a group (corpora/README), not the event before
            if not facts.control and facts.drug_status != "not_received":
                facts = replace(facts, drug_status="discontinued")
            _reason_group(doc, sent_index, m, facts, state, settings, reason[0])
            return
    if outcome is not None and (outcome.id == "other" and _names_stop(outcome, sent_cues or facts.cues)
                                or outcome.id != "adverse_event"
                                and given_as_reason(doc, outcome, settings)):
        # "Discontinuation of the trial regimen occurred in 18 in the X group and 22 in the
        # placebo group": who stopped is a group, no event (corpora/README: withdrawals are
        # cohort rows, `discontinued`; the control arm stays `not_received`).
        state.last_outcome = outcome  # ("..., and 71 in Group 2": stopped too)
        if not facts.control and facts.drug_status != "not_received":
            facts = replace(facts, drug_status="discontinued")
        _stopped_group(doc, sent_index, m, facts, state, settings)
        return
    span = doc[m.start: m.end]

    if m.kind == "percent" and outcome is None and not _after_baseline(facts, m) \
            and (facts.shared_change is not None or _changes_after(m, facts)):
        _share_group(doc, sent_index, m, facts, state, settings,  # "93.3% ... completed"
                     stopped=facts.drug_status == "discontinued")
        return

    if m.kind == "percent":
        if outcome is None or _after_baseline(facts, m) or any(
                c.label == "INCIDENCE" and c.id != "baseline" and c.start == m.end
                for c in facts.cues):
            # "Median age was 58 years and 83.5% had hepatitis B": a baseline share; "1.71%
            # per year": a rate over time, not a share of a group
            return
        previous = state.events[-1] if state.events else None
        bracketed = m.start > 0 and doc[m.start - 1].text == "("
        if bracketed and previous is not None and previous.sent == sent_index \
                and (previous.from_percent or previous.outcome == outcome.id == "adverse_event") \
                and previous.cohort is not None \
                and not (facts.drug or facts.control or facts.arm_label or facts.experimental):
            # "anemia (24%), thrombocytopenia (19%) and neutropenia (12%)": one group's shares;
            # "Adverse events occurred in 187 patients (45.4%); the most common were headache
            # (12.1%)": shares of the group whose harms were just counted.
            cohort, confidence = previous.cohort, previous.confidence
        else:
            harm = outcome.id in settings.safety_outcomes and not facts.anaphora
            cohort, confidence = implicit_cohort(state, 0, None, facts, conf, safety=harm,
                                                 widest=harm and bracketed)
            if cohort is not None and m.percent is not None:
                cohort = group_of_share(state, cohort, m.percent, facts)
        if cohort is not None and m.percent is not None:
            count = round(m.percent * state.cohorts[cohort].size / 100)
            add_event(state, cohort, count, m.percent, outcome, facts, sent_index, span,
                       confidence)
            state.events[-1].from_percent = True
        return

    if m.kind == "each":
        _link_each(doc, sent_index, m, facts, outcome, span, state, settings,
                   randomised=any(_randomises(c) for c in (sent_cues or facts.cues)))
        return

    if m.kind == "universal":
        target = recent_cohort(state)
        if target is not None and len(state.arms) >= 2 and target.index in state.arms \
                and not facts.arm_label:
            # "(N = 153 for X and N = 150 for placebo). All participants took Y": everyone in
            # the arms, whose treatments the words for all of them do not change.
            target = _arms_total(state)
        elif target is not None:
            fill_cohort(target, facts, state)
        if target is None:
            return
        if outcome:
            add_event(state, target.index, target.size, None, outcome, facts, sent_index, span,
                       conf["universal"])
        return

    if m.kind == "fraction":
        if m.whole is None or m.value > m.whole:
            return  # "12 of 5" is no part of a whole
        whole = find_cohort(state, m.whole, facts)
        if whole is not None and facts.arm_label and not same_label(whole.arm_label,
                                                                     facts.arm_label):
            labelled = [c for c in state.cohorts if same_label(c.arm_label, facts.arm_label)]
            whole = labelled[-1] if labelled else None  # "28/62 in Arm A": Arm A's 62
        # "in 171 (61.1%) and 99 (35.4%) of the 280 who received placebo": the clause that
        # names the whole says who they are, not the clause of the list's first count.
        named_later = "/" not in m.size_text and m.whole not in words_of(doc).num[m.start:m.end]
        if whole is not None and not whole.drug and not named_later and whole.sent == sent_index \
                and _sized_elsewhere(doc, whole):
            fill_cohort(whole, facts, state)
        if whole is None:
            whole = new_cohort(state, m.whole or 0, str(m.whole), sent_index, span,
                               _plain(facts) if named_later else facts, parent=None,
                               statement=False, confidence=conf["fraction"], same_arm=True)
        remember(state, whole.index)
        if outcome:
            add_event(state, whole.index, m.value, m.percent, outcome,
                      _plain(facts) if named_later and not whole.drug else facts, sent_index,
                      span, conf["fraction"])
            state.events[-1].whole = m.whole
        elif facts.is_study and not facts.is_incidence and not _after_baseline(facts, m) \
                and (not facts.elliptical or _changes_after(m, facts)):
            part = new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                               parent=whole, statement=True, confidence=conf["subgroup"])
            remember(state, part.index)
        return

    if m.kind == "reference":
        found = find_cohort(state, m.value, facts)
        if found is None and _trial_population(doc, m, facts, groups):
            # "In this trial of 638 adults, ... 87.3% of those treated with X and ...": all
            # randomized, over the arms
            found = new_cohort(state, m.value, m.size_text, sent_index, span,
                               replace(_plain(facts), drug_status=None), parent=None,
                               statement=not outcome, confidence=conf["cohort"])
            state.spanning.add(found.index)
        if found is None:
            found = new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                                parent=None, statement=not outcome and not _screened(doc, m, facts, settings),
                                confidence=conf["cohort"])
        elif not outcome and found.sent < sent_index and found.statement and m.start > 0 \
                and doc[m.start - 1].lower_ in settings.all_words and any(
                    c.label == "STUDY_VERB" or c.label == "STATUS" and c.id == "received"
                    for c in facts.cues):
            # "the safety analysis included all 107 treated patients": the group stated again
            state.restated.append((found.index, sent_index, span.start_char, span.end_char))
        elif not outcome and found.sent < sent_index and found.statement and found.drug is None \
                and _splits_total(m, found, sent_cues or facts.cues):
            # "Of 612 randomized patients (...), 408 were assigned to X and 204 to placebo"
            # after "a trial of 612 adults": the total over the arms stated again
            state.restated.append((found.index, sent_index, span.start_char, span.end_char))
        if outcome is not None and _denied_before(doc, outcome, m, facts, settings):
            # "No responses were observed among the 12 patients with X": none of that group
            add_event(state, found.index, 0, None, outcome, facts, sent_index, span,
                      conf["fraction"])
        remember(state, found.index)  # "Of the 19 patients, ...": later counts refer to it
        return

    if m.kind == "loose" and outcome is None and not facts.is_incidence \
            and not _after_baseline(facts, m) \
            and names_study_part(doc, m.end, facts.end, facts.cues, settings):
        _study_part(doc, sent_index, m, facts, state, settings,  # "30 in dose escalation"
                    sent_cues or facts.cues)
        return
    analysed = outcome is None and _available_for(doc, m, settings)
    if facts.is_incidence or _after_baseline(facts, m) \
            or not (facts.is_study or facts.elliptical or framed or m.outcome is not None
                    or noun_size or facts.anaphora or m.kind == "part" or analysed
                    or _listed_after_colon(doc, m, facts, settings)):
        return  # "5,000 individuals are diagnosed annually": not a study cohort

    if m.kind == "part" and outcome is None and _part_of_other_arm(doc, sent_index, m, facts,
                                                                    state, conf):
        return
    if m.kind == "part" and outcome is None and _breaks_down_event(doc, sent_index, m, facts,
                                                                    state, settings):
        # "Nineteen patients had died, 15 of them from lymphoma": those of the count just
        # stated whose event had that cause or kind, counted over the same group.
        last = state.events[-1]
        add_event(state, last.cohort, m.value, None,
                  Cue("OUTCOME", last.outcome, last.outcome_at, last.outcome_at + 1,
                      last.outcome_mention),
                  facts, sent_index, doc[m.start: m.end], conf["count_same_sentence"])
        return
    if m.kind in {"part", "named"}:  # "Ninety-eight of them received ...": a subgroup
        referent = _event_group(doc, sent_index, m.start, state, settings) \
            if m.kind == "part" and not (outcome and state.events and outcome.id
                                         in _KINDS_OF.get(state.events[-1].outcome, ())) \
            else None
        parent = state.cohorts[referent] if referent is not None else recent_cohort(state)
        if m.kind == "named" and parent is not None:
            parent = _arm_given_alone(doc, m, facts, state, settings) \
                or named_parent(state, parent, m.value, facts, conf)
        elif parent is not None:  # "70 of the patients given X": the arm given X
            parent = named_parent(state, sibling_arm(state, parent, facts), m.value, facts, conf)
        while parent is not None and parent.size == 0 and parent.parent is not None:
            # "..., and none had taken X. A computer assigned 207 of them to Y": no one is
            # no group to take a part of; "them" are the group that "none" was counted in
            parent = state.cohorts[parent.parent]
        if parent is None or parent.size < m.value:
            return
        if outcome:
            add_event(state, parent.index, m.value, None, outcome, facts, sent_index, span,
                       conf["count_same_sentence"])
        else:
            part = new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                               parent=parent, statement=True, confidence=conf["subgroup"])
            remember(state, part.index)
        return

    if outcome and _all_of_counted(doc, m, facts, outcome, state, sent_index, settings):
        return
    if outcome:
        cohort, confidence = implicit_cohort(
            state, m.value, m.percent, facts, conf,
            safety=outcome.id in settings.safety_outcomes and not facts.anaphora, sent=sent_index)
        by_status = _status_named_group(doc, m, facts, state, settings)
        if by_status is not None:
            cohort, confidence = by_status, conf["fraction"]  # named as surely as "of N"
        if m.percent and (cohort is None or not gives_share(m.value, state.cohorts[cohort].size,
                                                            m.percent)):
            # "In a subgroup of 210 carriers, 60 (28.6%) had oedema": no known group gives the
            # share; the number of the sentence that does is the group's size.
            whole = _size_giving_share(doc, m, sent_index, state)
            if whole is not None:
                cohort = new_cohort(state, whole, str(whole), sent_index, span, facts,
                                    parent=None, statement=False,
                                    confidence=conf["fraction"]).index
                confidence = conf["fraction"]
        add_event(state, cohort, m.value, m.percent, outcome, facts, sent_index, span,
                   confidence)
        return

    if m.kind == "count":
        if m.drug is None and m.arm is None and (_compares(doc, facts, settings)
                                                 or _trial_population(doc, m, facts, groups)
                                                 or _randomised_unnamed(m, facts)
                                                 or analysed and not facts.drug
                                                 and len(state.arms) >= 2):
            m = replace(m, drug=SEVERAL_ARMS)  # "700 were randomly assigned to A or B"
        if m.drug == SEVERAL_ARMS:
            facts = replace(facts, drug=None, drug_mention=None, drug_status=None,
                            control=False, arm_label=None, setting=None)
        elif m.drug is not None:
            control = m.drug[0] in settings.control_drugs
            background = facts.background
            if control and m.drug_span is not None:  # "placebo plus letrozole (n=180)"
                a, b = m.drug_span
                named = [e for e in doc.ents if a <= e.start < b and e.label_ in {"DRUG", "DRUG_CLASS"}]
                background = background_drugs(named, (m.drug[0], m.drug[1], a, b), settings)
            facts = replace(facts, drug=None if control else m.drug[0], drug_mention=m.drug[1],
                            control=control, background=background,
                            every_control=control and names_every_control(m.drug[1], settings),
                            drug_status="not_received" if control else "received")
            # "X plus Y (n = 151) or Y alone (n = 149)": Y is no arm's drug; nor is it in a
            # later list of the arms' sizes ("combination, n = 137; Y alone, n = 132")
            added = added_drug(m.drug[0], state.sentence_options) \
                or added_drug(m.drug[0], state.options)
            if added is not None:
                facts = replace(facts, drug=added, drug_status="not_received")
            elif not control:
                # "to the ramucirumab group (n=60) or the control group (n=58)" after "to
                # carboplatin and paclitaxel with ramucirumab, or carboplatin and paclitaxel
                # alone": the arm's name is a part of the option it names, in full.
                name_pieces(facts, state.sentence_options or state.named_options or state.options,
                            frozenset(), alone=False)
        if m.arm is not None:
            facts = replace(facts, arm_label=m.arm, setting=m.setting)
        elif m.drug is not None and m.drug != SEVERAL_ARMS \
                and label_taken(state, facts.arm_label, sent_index):
            facts = replace(facts, arm_label=None, setting=None)
        screened = _screened(doc, m, facts, settings)
        cohort = new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                             parent=None, statement=not screened, confidence=conf["cohort"])
        if screened:
            state.screened.add(cohort.index)
        if m.drug == SEVERAL_ARMS and cohort.index == len(state.cohorts) - 1:
            # The total over the arms received no one treatment, even in a one-drug study.
            cohort.drug = cohort.drug_mention = cohort.drug_status = None
            state.spanning.add(cohort.index)
        remember(state, cohort.index)
    elif m.kind == "bare" and m.size_text.split()[0] in settings.complement_words \
            and not facts.arm_label:
        _complement_group(doc, sent_index, m, facts, state, settings)
    elif (m.kind == "bare" and (facts.anaphora or facts.elliptical or dose_changed
                                or _part_of_named(doc, m, facts, state))) or (
            m.kind == "loose" and facts.anaphora and m.end < facts.end and doc[m.end].is_lower):
        # "Of these, 219 had epithelioid tumours and 93 had ...": subgroups of the last cohort.
        parent = _named_arm(state, m, facts) or recent_cohort(state)
        if parent is not None and parent.size <= m.value and facts.elliptical \
                and _own_change(doc, m, settings, sent_cues or facts.cues):
            parent = _arm_of_list_item(doc, m, state, settings) or parent
        if dose_changed and parent is not None and parent.size <= m.value:
            # "18 stayed on the starting dose and 22 needed a dose reduction": of the 40 treated
            parent = next((c for c in reversed(state.cohorts) if c.size > m.value), None)
        if parent is not None and parent.size > m.value:
            # ("200 were excluded (150 did not meet ...)": a part of those excluded is too)
            screened = parent.index in state.screened or _screened(doc, m, facts, settings)
            part = new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                               parent=parent, statement=not screened,
                               confidence=conf["subgroup"])
            remember(state, part.index)
            if screened:
                state.screened.add(part.index)
    elif m.kind in {"loose", "bare"} and (_status_follows(doc, m.end, facts, settings)
                                          or _shares_change(m, facts)):
        # "and 14 stopped brentuximab early", "14 taking sunitinib stopped treatment": the
        # part of a group whose treatment changed (status verb), a subgroup of that group.
        fitting = [c for c in reversed(state.cohorts) if c.size > m.value and fit_score(c, facts) > 0]
        parent = max(fitting, key=lambda c: fit_score(c, facts)) if fitting else recent_cohort(state)
        if (parent is None or parent.size <= m.value) and not fitting:
            _change_over_arms(sent_index, m, facts, state, span, settings)
            return
        if parent is not None and parent.size > m.value:
            part = new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                              parent=parent, statement=parent.index not in state.screened,
                              confidence=conf["subgroup"])
            remember(state, part.index)
            if facts.drug_status == "discontinued":
                state.stopped.add(part.index)  # ("..., 25 of them because of adverse events")
    elif m.kind in {"loose", "bare"} and facts.elliptical \
            and _own_change(doc, m, settings, sent_cues or facts.cues):
        # "..., and 280 and 271 completed 52 weeks": an item of a list with one count per arm,
        # no arm named, whose treatment changed: a part of the arm of its place in the list.
        parent = _arm_of_list_item(doc, m, state, settings)
        if parent is not None:
            part = new_cohort(state, m.value, m.size_text, sent_index, span, facts,
                              parent=parent, statement=True, confidence=conf["subgroup"])
            remember(state, part.index)


def _not_enrolled(doc: Doc, m: Mention, settings: LinkSettings, cues: list[Cue]) -> bool:
    """Does the count tell of people the trial did not (yet) enrol: a reason for screening
    failure or exclusion ('the most common reasons for screening failure were X (96
    patients)', '382 were excluded, most often because of Y (35 patients)'), or a planned
    sample ('plans to enroll approximately 600 patients')?"""
    words = words_of(doc)
    said = _positions(words, settings.screening_words)
    k = bisect_left(said, m.start)
    approximate = m.start > 0 and words.lower[m.start - 1] in settings.approximation_words
    if not k and not approximate:
        return False  # (most counts: no screening word before them, no "about")
    sent_start, sent_end = _sentence_of(words, m.start)
    if approximate and m.start > sent_start \
            and any(w in settings.plan_verbs for w in words.lower[sent_start:sent_end]):
        return True
    screening = said[k - 1] if k and said[k - 1] >= sent_start else None
    # (a study verb within the reason given is no enrolment: "17 were excluded because the
    # scan could not be reviewed centrally (n = 9) or ...")
    reason = None if screening is None else next(
        (j for j in range(screening, m.start) if words.lower[j] in settings.reason_words), None)
    reason_end = reason if reason is None else next(
        (j for j in range(reason, m.start) if words.text[j] in _REASON_ENDS), m.start)
    # (nor one the rest left does: "..., leaving 146 who received X")
    left = next((j for j in range(m.end, sent_end) if words.lower[j] in settings.remainder_words),
                sent_end) if reason is not None else sent_end
    if screening is None or any(c.label == "STUDY_VERB" and screening < c.start < left
                                and not (reason is not None and reason < c.start < reason_end)
                                for c in cues):
        return False  # ("812 were screened and 430 randomised to X (n = 215) or ...")
    if any(w in settings.remainder_words for w in words.lower[screening:m.start]):
        return False  # ("6 were found ineligible, leaving 514 (260 X, 254 placebo)")
    bracketed = words.text[m.start - 1] == "(" or words.text[m.start - 1] == "=" \
        and words.text[m.start - 3] == "("
    return bracketed or any(w in settings.reason_words for w in words.lower[screening:m.start])


#: Punctuation that ends the reason a screening sentence gives ("8 for other reasons), and").
_REASON_ENDS = frozenset({")", ";", ":", ","})


def _sentence_of(words: Words, i: int) -> tuple[int, int]:
    """Start and end of the sentence of token ``i``, read from the word lists (no Span)."""
    starts = _sentence_starts(words)
    k = bisect_right(starts, i)
    return starts[k - 1] if k else 0, starts[k] if k < len(starts) else len(words.sent_start)


@lru_cache(maxsize=8)
def _positions(words: Words, vocabulary: frozenset[str]) -> list[int]:
    """Where the words of ``vocabulary`` stand in a document (once per document reading)."""
    return [i for i, word in enumerate(words.lower) if word in vocabulary]


@lru_cache(maxsize=4)
def _sentence_starts(words: Words) -> list[int]:
    """Where each sentence of a document starts (once per document reading)."""
    return [i for i, first in enumerate(words.sent_start) if first]


def _history(doc: Doc, m: Mention, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """'Overall, 96 had previously received belimumab and 61 had prior rituximab', '40 were
    previously treated with X': a count whose predicate tells what the patients had before
    the study is a baseline characteristic, no group of the study and no event (also of a
    group named before: 'Twenty-two of them had already had chemotherapy')."""
    if m.kind not in {"bare", "count", "loose", "part"} or m.outcome is not None:
        return False
    words = words_of(doc)
    k = after_percent(doc, m.end, facts.end)  # ("118 (22.7%) had previously ...")
    perfect = k < facts.end and words.lower[k] == "had"
    if k < facts.end and (words.lower[k] in _HAVE or words.lower[k] in settings.auxiliaries):
        k += 1
    if perfect and k < facts.end and _opens_before(words, facts.start, settings):
        # "Before any ALK inhibitor, 12 patients had been treated with chemotherapy": a
        # past perfect under a "before" the sentence opens with tells the patients' history
        return True
    # ("11 had never received X", but "Four never received study drug": a group of the study)
    return k < facts.end and (words.lower[k] in settings.history_words
                              or perfect and words.lower[k] in settings.perfect_history_words)


def _opens_before(words: Words, start: int, settings: LinkSettings) -> bool:
    """Whether the sentence of ``start`` opens with a word of prior_after_words ("Before
    ...", "Previously, ...")."""
    k = start
    while k > 0 and not words.sent_start[k]:
        k -= 1
    return words.lower[k] in settings.prior_after_words


def _kind_of_patient(doc: Doc, m: Mention, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """'229 participants (47.1%) were women', '250 were men': a count whose predicate is a
    copula and a patient noun says what kind of people part of the group were, a baseline
    characteristic, no group of the study and no event."""
    if m.kind not in {"bare", "count", "loose"} or m.outcome is not None:
        return False
    words = words_of(doc)
    k = after_percent(doc, m.end, facts.end)
    return k + 1 < facts.end and words.lower[k] in settings.auxiliaries and any(
        c.label == "PATIENT" and c.start == k + 1 and c.end >= facts.end - 1 for c in facts.cues)


def _listed_last(words: Words, sent: Span, state: LinkState, listed: list[int],
                 settings: LinkSettings) -> bool:
    """Do the groups ``listed`` (the last of a sentence) stand in one list that 'respectively'
    closes, with no treatment or arm named between them and it (which would be their own)?"""
    start = bisect_left(words.idx, state.cohorts[listed[0]].start_char)
    if start < sent.start or any(state.cohorts[i].sent != state.cohorts[listed[0]].sent
                                 for i in listed):
        return False
    end = next((k for k in range(start, sent.end) if words.lower[k] in settings.respectively_words),
               None)
    if end is None or words.idx[end] < state.cohorts[listed[-1]].start_char:
        return False
    return not any(words.ent_type[k] in {"DRUG", "DRUG_CLASS"} or words.lower[k] in settings.arm_nouns
                   or words.lower[k] in settings.control_drugs for k in range(start, end))


def _listed_after_colon(doc: Doc, m: Mention, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """'The analysis population comprised 917 participants: 612 and 305, respectively': a
    verbless list of counts that opens a clause after a colon and says 'respectively' breaks
    the group before the colon down by arm; the verb of that group is its own."""
    if m.kind != "count" or m.outcome is not None or facts.start == 0 \
            or doc[facts.start - 1].text != ":":
        return False
    words = words_of(doc)
    end = _sentence_of(words, m.start)[1]
    return any(w in settings.respectively_words for w in words.lower[m.end:end])


def _population_statistic(doc: Doc, m: Mention, facts: ClauseFacts,
                          settings: LinkSettings) -> bool:
    """'About 30,000 people in the country live with the disease', 'some 5,000 are diagnosed
    each year': a count of people whose clause tells how many have a disease (prevalence,
    incidence in a population) and names no study verb, arm, outcome or status is background
    to the study, no group of it. A trial's own "adults living with HIV were enrolled"
    keeps its study verb and stays a group."""
    if m.kind not in {"bare", "count", "loose"} or m.outcome is not None:
        return False
    lower = words_of(doc).lower
    clause = lower[facts.start:facts.end]
    ends = _last_words(settings.statistic_phrases)  # a phrase is tried only where it can end
    if not (any(w in settings.statistic_words for w in clause) or any(
            tuple(clause[k + 1 - len(p):k + 1]) == p for k, w in enumerate(clause) if w in ends
            for p in settings.statistic_phrases if len(p) <= k + 1)):
        return False  # (most counts)
    return not any(c.label in {"STUDY_VERB", "PROCEDURE", "ARM", "OUTCOME", "STATUS"}
                   for c in facts.cues if facts.start <= c.start < facts.end)


#: The auxiliaries of a perfect before a patient's history ("had previously received").
_HAVE = frozenset({"had", "have", "has"})


def _change_over_arms(sent_index: int, m: Mention, facts: ClauseFacts, state: LinkState,
                      span: Span, settings: LinkSettings) -> None:
    """'...; 1,150 (95.8%) completed the 12-month treatment period' after arms of 600 and
    600: a count larger than every group given a treatment, whose treatment changed, is a
    part of the total over the arms (of this sentence or the one before), which received no
    one treatment (a cohort row with no drug, corpora/README)."""
    if facts.drug or facts.control or facts.arm_label:
        return
    near = [c for c in state.cohorts if c.sent >= sent_index - 1 and c.parent is None]
    if any(c.drug and c.size >= m.value for c in near):
        return
    over = next((c for c in reversed(state.cohorts) if c.parent is None and not c.drug
                 and c.size > m.value), None)  # (the total, perhaps stated again here)
    if over is None or not any(c.drug for c in near):
        return
    part = new_cohort(state, m.value, m.size_text, sent_index, span,
                      replace(_plain(facts), drug_status=None), parent=over, statement=True,
                      confidence=settings.confidence["subgroup"])
    state.spanning.add(part.index)
    remember(state, part.index)


def _available_for(doc: Doc, m: Mention, settings: LinkSettings) -> bool:
    """'Follow-up was complete for 2,190 patients (98.9%)', 'samples were available for 271
    patients': the group an analysis had data for, a group of the study."""
    words = words_of(doc)
    return m.kind == "count" and m.start >= 2 and words.lower[m.start - 1] == "for" \
        and words.lower[m.start - 2] in settings.availability_words


def _study_part(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts, state: LinkState,
                settings: LinkSettings, sent_cues: list[Cue]) -> None:
    """'96 received X: 30 in dose escalation, 40 in the expansion cohort ...', '(4 at 2 mg/kg,
    4 at 4 mg/kg ...)', 'Part B enrolled 41 in cohort B1 and 19 in cohort B2': a count of a
    breakdown by the part of the study its group is in is a group. It is a part of the total
    the breakdown opens with (before the colon or bracket), or, with neither, of what the
    count before it is a part of."""
    words = words_of(doc)
    sent = doc[m.start].sent
    mine = [c for c in state.cohorts if c.sent == sent_index and c.start_char < doc[m.start].idx]
    opener = next((k for k in range(m.start - 1, sent.start - 1, -1)
                   if words.text[k] in {"(", ":"} and not _closed_between(words, k, m.start)), None)
    if opener is not None:
        at = doc[opener].idx
        parent = next((c for c in reversed(mine) if c.start_char < at and c.size > m.value), None)
        if parent is None:
            return
    elif mine and facts.elliptical and any(c.label == "STUDY_VERB" and c.end <= m.start
                                           for c in sent_cues):
        # ("Part B enrolled 41 in cohort B1 and 19 in cohort B2", but not "41 in Arm O needed
        # further treatment, compared with 19 in Arm R": no group the study made)
        parent = state.cohorts[mine[-1].parent] if mine[-1].parent is not None else None
    else:
        return
    if parent is not None and parent.size <= m.value:
        return
    # (a group of its own, like the items of the breakdown that name their size with a noun:
    # what it received is what the article's groups received)
    part = new_cohort(state, m.value, m.size_text, sent_index, doc[m.start:m.end], facts,
                      parent=None, statement=True, confidence=settings.confidence["subgroup"])
    remember(state, part.index)


def _closed_between(words: Words, k: int, i: int) -> bool:
    """Is the bracket opened at ``k`` closed before ``i``?"""
    return words.text[k] == "(" and ")" in words.text[k + 1:i]


def _arm_of_list_item(doc: Doc, m: Mention, state: LinkState,
                      settings: LinkSettings) -> Cohort | None:
    """'Eight and 11 withdrew, and 150 and 149 completed the trial' after two arms: the arm
    a count of a list with one count per arm (no arm named) stands for, by its place in the
    list; None when the list is not one count per arm or the arm is no larger."""
    if len(state.arms) < 2:
        return None
    words = words_of(doc)
    sent = doc[m.start].sent
    separators = settings.list_separators

    def step(i: int, way: int) -> int | None:  # the next number of the list, or None
        j = i
        k = j + way
        seen = False
        while sent.start <= k < sent.end and words.lower[k] in separators:
            k += way
            seen = True
        return k if seen and sent.start <= k < sent.end and words.num[k] is not None else None

    before, i = 0, m.start
    while (i := step(i, -1)) is not None:  # type: ignore[assignment]
        while i > sent.start and words.num[i - 1] is not None:
            i -= 1
        before += 1
    after, i = 0, m.end - 1
    while (i := step(i, 1)) is not None:  # type: ignore[assignment]
        while i + 1 < sent.end and words.num[i + 1] is not None:
            i += 1
        after += 1
    if before + after + 1 != len(state.arms):
        return None
    arm = state.cohorts[state.arms[before]]
    return arm if arm.size > m.value else None


def _last_event_outcome(event: Event) -> Cue:
    """The outcome of a count linked before, as a cue for a count that refers back to it."""
    return Cue("OUTCOME", event.outcome, event.outcome_at, event.outcome_at + 1,
               event.outcome_mention)


def _rate_pronoun_before(doc: Doc, start: int, clause_start: int, settings: LinkSettings) -> bool:
    """Is the share at ``start`` the complement of 'it was' ('In Arm B it was 40 of 58'),
    the pronoun standing for the rate counted last?"""
    words = words_of(doc)
    return start - 2 >= clause_start and words.lower[start - 1] in settings.auxiliaries \
        and words.lower[start - 2] in settings.rate_pronouns


def _pro_verb_after(doc: Doc, k: int, end: int, settings: LinkSettings, cues: list[Cue]) -> bool:
    """Is the predicate at ``k`` a verb that stands for the one said before ('22 of 47
    did', 'and 9 in cohort B did so', 'none on placebo did', 'nobody in Arm A did')?"""
    words = words_of(doc)
    # (the group the count is of, said between: "on placebo", "in Arm A")
    k = treatment_end(doc, k, end, settings) or k
    if k + 1 < end and words.lower[k] in {"in", "with"}:
        k = next((c.end for c in cues if c.label in {"ARM", "ARM_NAME"}
                  and c.start in {k + 1, k + 2}), k)
    if k >= end or words.lower[k] not in PRO_VERBS:
        return False
    k += 1
    if k < end and words.lower[k] in {"so", "too", "likewise"}:
        k += 1
    return k >= end or words.is_punct[k]




def _denied_before(doc: Doc, outcome: Cue, m: Mention, facts: ClauseFacts,
                   settings: LinkSettings) -> bool:
    """Is the outcome named before the group ``m`` in its clause, right after 'no' ('No
    responses were observed among the 12 patients')?"""
    words = words_of(doc)
    return facts.start <= outcome.start and outcome.end <= m.start and any(
        words.lower[k] in settings.none_words for k in range(max(facts.start, outcome.start - 2),
                                                             outcome.start))


def _all_of_counted(doc: Doc, m: Mention, facts: ClauseFacts, outcome: Cue, state: LinkState,
                    sent_index: int, settings: LinkSettings) -> bool:
    """'X was stopped in three patients because of QTc prolongation; all three remained in
    remission': 'all N' right after a count of N is everyone that count counted, a group of
    its own with the drug of that count. Links the event to that group; False when the
    count is no such 'all N'."""
    if m.kind not in {"bare", "loose", "count"} or m.start == 0 \
            or words_of(doc).lower[m.start - 1] not in settings.all_words:
        return False
    counted = next((e for e in reversed(state.events) if e.sent >= sent_index - 1), None)
    if counted is None or counted.count != m.value or counted.cohort is None:
        return False
    parent = state.cohorts[counted.cohort]
    if parent.size == m.value:
        return False  # (the whole group: its own count links as usual)
    facts = replace(facts, drug=counted.drug, drug_mention=counted.drug_mention,
                    drug_status=counted.drug_status, control=False, arm_label=None)
    span = doc[m.start:m.end]
    group = new_cohort(state, m.value, m.size_text, sent_index, span, facts, parent=parent,
                       statement=False, confidence=settings.confidence["subgroup"])
    add_event(state, group.index, m.value, None, outcome, facts, sent_index, span,
              settings.confidence["subgroup"])
    return True


def _randomised_unnamed(m: Mention, facts: ClauseFacts) -> bool:
    """'..., of whom 246 were randomly assigned: 83 to ...', '314 were randomised:', 'and
    randomised 291, two to one': a group randomised with no arm named in its clause is
    everyone randomised, a total over the arms."""
    return not (facts.drug or facts.control or facts.arm_label or facts.experimental
                or facts.dose or facts.drug_mention) \
        and any(_randomises(c) and (c.start >= m.end or c.end == m.start) for c in facts.cues)


def _trial_population(doc: Doc, m: Mention, facts: ClauseFacts,
                      groups: list[tuple[str, str, int, int]]) -> bool:
    """'In this randomized clinical trial of 638 adults, response occurred in 87.3% of those
    treated with X and 85.4% of those treated with Y': the population of a trial whose
    sentence names two treatments is everyone randomized, a total over the arms."""
    k = m.start - 1
    return k > facts.start and words_of(doc).lower[k] == "of" \
        and any(c.label == "STUDY_ACTOR" and c.end == k for c in facts.cues) \
        and len({g[0] for g in groups}) >= 2


def _describes_population(doc: Doc, m: Mention, outcome: Cue, facts: ClauseFacts) -> bool:
    """'502 adults hospitalised with severe influenza were randomised', '300 patients
    admitted for heart failure were enrolled': an event word right after the group, with
    what it was for, describes who was enrolled when a study verb follows: no event."""
    words = words_of(doc)
    if outcome.start == m.end and outcome.end < facts.end \
            and words.lower[outcome.end] in {"with", "for"} \
            and any(c.label == "STUDY_VERB" and c.start > outcome.end for c in facts.cues):
        return True
    # "In this trial in heart failure, 120 were assigned to X", "Among adults with ulcerative
    # colitis, 180 were randomly assigned": the trial's own condition, named before a group
    # that a study verb follows, says who was enrolled, not what happened to them.
    return outcome.end <= m.start and names_main_condition(doc, outcome.start, outcome.end) \
        and any(c.label == "STUDY_VERB" and 0 <= c.start - m.end <= _STUDY_VERB_REACH
                and all(words.is_alpha[k] for k in range(m.end, c.start)) for c in facts.cues)


#: Words that may stand between a group and its study verb ("120 had been randomly assigned").
_STUDY_VERB_REACH = 3


def _named_arm(state: LinkState, m: Mention, facts: ClauseFacts) -> Cohort | None:
    """'12 in the A group, 9 in the placebo group and 15 in the 40-mg group withdrew': a
    list item that names its arm (by label, dose, drug or control) is a part of that arm,
    not of the group the item before it made."""
    if not facts.elliptical or facts.anaphora or not (
            facts.arm_label or facts.dose or facts.drug or facts.control):
        return None
    fitting = [c for c in reversed(state.cohorts) if c.size > m.value and fit_score(c, facts) > 0]
    return max(fitting, key=lambda c: fit_score(c, facts)) if fitting else None


def _shares_change(m: Mention, facts: ClauseFacts) -> bool:
    """'..., 132 in the B group and 140 in the placebo group completed the trial': an item of
    a list that names its arm and took the change of treatment its comparison states (or
    states it after the arm: '... and 15 in the 40-mg group withdrew')."""
    return facts.elliptical and (facts.shared_change is not None or _changes_after(m, facts)) \
        and bool(facts.dose or facts.arm_label or facts.drug or facts.experimental
                 or facts.control)


def _own_change(doc: Doc, m: Mention, settings: LinkSettings, cues: list[Cue]) -> bool:
    """'...; a further 18 and 22, respectively, withdrew consent, and 7 and 5 were lost to
    follow-up': a count (or a list of counts) whose predicate is a change of treatment says
    what became of its group; it repeats no event said before (but 'and one stopped X
    because of diarrhoea' counts that harm)."""
    if m.outcome is not None:
        return False
    words = words_of(doc)
    end = _sentence_of(words, m.start)[1]
    k = after_percent(doc, m.end, end)  # ("5 (1.6%) were lost")
    while k + 1 < end and words.lower[k] in settings.list_separators \
            and words.num[k + 1] is not None:  # "7 and 5 were lost": the rest of the list
        k += 1
        while k < end and words.num[k] is not None:
            k += 1
        k = after_percent(doc, k, end)
    while k < end and (words.text[k] == "," or words.lower[k] in settings.respectively_words
                       or words.lower[k] in settings.auxiliaries):
        k += 1
    change = next((c for c in cues if c.label == "STATUS" and c.id in CHANGED_STATUSES
                   and c.start == k), None)
    if change is None:
        return False
    stop = next((j for j in range(change.end, end) if words.text[j] in {";", "."}), end)
    return not any(words.lower[j:j + len(p)] == list(p) for p in settings.cause_phrases
                   for j in range(change.end, stop))


def _changes_after(m: Mention, facts: ClauseFacts) -> bool:
    """'... and 80 of 94 in the placebo group completed 24 weeks': a comparison clause that
    says with its own verb what became of its part of the group (completed, stopped)."""
    return any(c.label == "STATUS" and c.id in CHANGED_STATUSES and c.start >= m.end
               and not any(o.label == "OUTCOME" and o.start <= c.start and c.end <= o.end
                           for o in facts.cues) for c in facts.cues)


def _status_named_group(doc: Doc, m: Mention, facts: ClauseFacts, state: LinkState,
                        settings: LinkSettings) -> int | None:
    """'Nine patients who continued X and 13 who stopped it died', 'in five patients in the
    discontinuation group': a group named by a change of treatment (a relative clause right
    after the count, or the status before an arm noun) is the largest group stated with that
    status, not the treated population."""
    words = words_of(doc)
    status = None
    for c in facts.cues:
        if c.label != "STATUS" or c.id not in CHANGED_STATUSES:
            continue
        relative = m.end < c.start <= m.end + 2 and words.lower[m.end] in settings.relative_pronouns
        if relative or c.end < facts.end and words.lower[c.end] in settings.arm_nouns:
            status = c.id
            break
    if status is None:
        return None
    named = [c for c in state.cohorts if c.statement and c.size >= m.value
             and c.drug_status == status and (not facts.drug or c.drug == facts.drug)
             and (not m.percent or gives_share(m.value, c.size, m.percent))]
    if not named or not any(c.statement and c.drug_status in CHANGED_STATUSES - {status}
                            and c.sent == group.sent for group in named for c in state.cohorts):
        return None  # only a study that split its patients by the change compares them
    # of the groups with that status, the whole (not a part that stopped for one reason)
    return max(named, key=lambda c: c.size).index


def _complement_group(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts,
                      state: LinkState, settings: LinkSettings) -> None:
    """'Ninety-six of them had an FGFR2 fusion; the other 12 had other changes', '48 were
    assigned to X, while the other 48 had surgery alone': the rest of the group the last
    one was taken from, a part of that group."""
    last = recent_cohort(state)
    if last is None:
        return
    parent = state.cohorts[last.parent] if last.parent is not None else next(
        (c for c in reversed(state.cohorts) if c.size >= last.size + m.value
         and c.sent >= last.sent - 1), None)
    if parent is None or parent.size < m.value:
        return
    part = new_cohort(state, m.value, m.size_text, sent_index, doc[m.start:m.end], facts,
                      parent=parent, statement=parent.index not in state.screened,
                      confidence=settings.confidence["subgroup"])
    if facts.control and last.sent == sent_index and last.drug_status == "received" \
            and last.drug and set((part.drug or "").split(" + ")) < set(last.drug.split(" + ")):
        # "48 were assigned to the combination, while the other 48 had surgery alone": the
        # rest went without what the group before them received.
        part.drug, part.drug_status = last.drug, "not_received"
    remember(state, part.index)


def _compares(doc: Doc, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """Does the clause offer treatments to choose between ("randomly assigned to A or B",
    "X versus placebo") and name no one group's?"""
    if not facts.comparison or facts.drug or facts.control or facts.arm_label \
            or facts.experimental:
        return False
    offered = settings.alternative_words | settings.versus_words
    return any(w in offered for w in words_of(doc).lower[facts.start:facts.end])


#: How many of the last groups a listed harm reason looks back over for those who stopped.
_STOP_REACH = 8


def _reason_group(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts, state: LinkState,
                  settings: LinkSettings, reason_start: int) -> None:
    """'..., withdrawal of consent (12 and 14)': those who stopped for a reason, a part of a
    group named before the list of reasons (of those who stopped, when counted), not of a
    group another reason of the list made."""
    limit = doc[reason_start].idx
    words = words_of(doc)
    # "(12 and 14)": one count per arm, in the arms' order, as with "respectively"
    paren = max(k for k in range(reason_start, m.start + 1) if words.text[k] == "(") \
        if "(" in words.text[reason_start:m.start] else m.start
    place = sum(words.num[k] is not None for k in range(paren, m.start))
    arm = state.cohorts[state.arms[place]] if len(state.arms) >= 2 and place < len(state.arms) \
        and not (facts.drug or facts.control or facts.arm_label) else None
    if arm is not None and arm.size > m.value:
        facts = replace(facts, drug=arm.drug, drug_mention=arm.drug_mention,
                        control=arm.drug_status == "not_received",
                        drug_status="not_received" if arm.drug_status == "not_received"
                        else facts.drug_status)
    before = [c for c in reversed(state.cohorts) if c.start_char < limit and c.size > m.value
              and c.index not in state.reasons and fit_score(c, facts) >= 0]
    parent = next((c for c in before if c.index in state.stopped), None) \
        or next(iter(before), None)
    part = new_cohort(state, m.value, m.size_text, sent_index, doc[m.start:m.end], facts,
                      parent=parent, statement=True, confidence=settings.confidence["subgroup"])
    state.stopped.add(part.index)
    state.reasons.add(part.index)


def _splits_total(m: Mention, total: Cohort, cues: list[Cue]) -> bool:
    """Does a study verb after the group of no one treatment a sentence refers to split it
    ('Of 612 randomized patients, 408 were assigned to X and 204 to placebo')?"""
    return total.parent is None and any(c.label == "STUDY_VERB" and c.start >= m.end
                                        for c in cues)


def _stops_named(state: LinkState, sent_index: int, cues: list[Cue]) -> bool:
    """Does this sentence, or a group of the one before, say that patients stopped?"""
    return any(c.label == "STATUS" and c.id == "discontinued" for c in cues) \
        or any(state.cohorts[i].sent >= sent_index - 1 for i in state.stopped)


def _stopped_group(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts, state: LinkState,
                   settings: LinkSettings) -> None:
    """Those of an arm who stopped ("occurred in 18 patients in the X group", "in 58 of the
    641"): a part of the arm the clause names (or of the fraction's whole), not a new arm."""
    conf = settings.confidence
    if m.kind == "percent":
        _share_group(doc, sent_index, m, facts, state, settings, stopped=True)
        return
    if m.kind == "fraction":
        parent = find_cohort(state, m.whole or 0, facts)
    else:
        index, _ = implicit_cohort(state, m.value, None, facts, conf, sent=sent_index)
        parent = state.cohorts[index] if index is not None else None
    if m.kind not in {"count", "fraction", "bare", "loose"} \
            or parent is not None and parent.size <= m.value:
        return
    part = new_cohort(state, m.value, m.size_text, sent_index, doc[m.start:m.end], facts,
                      parent=parent, statement=True, confidence=conf["subgroup"])
    remember(state, part.index)
    state.stopped.add(part.index)


def _share_group(doc: Doc, sent_index: int, m: Mention, facts: ClauseFacts, state: LinkState,
                 settings: LinkSettings, *, stopped: bool) -> None:
    """'Premature discontinuation occurred in 8.5% of the X group and 6.0% of the placebo
    group', '91.3% of participants in the 20-mg group ... completed the trial': the share of
    a named arm whose treatment changed is a part of that arm, its size the share of the
    arm's (corpora/README: a percentage of a group of known size gives the count)."""
    if m.percent is None or not (facts.arm_label or facts.dose or facts.drug or facts.control
                                 or facts.experimental):
        return
    conf = settings.confidence
    index, _ = implicit_cohort(state, 0, None, facts, conf, sent=sent_index)
    if index is None:
        return
    arm = state.cohorts[index]
    size = round(m.percent * arm.size / 100)
    if not 0 < size < arm.size:
        return
    part = new_cohort(state, size, str(size), sent_index, doc[m.start:m.end], facts,
                      parent=arm, statement=True, confidence=conf["subgroup"])
    remember(state, part.index)
    if stopped:
        state.stopped.add(part.index)


def _harm_reasons_of_stops(words: Words, state: LinkState, settings: LinkSettings) -> None:
    """'64 stopped taking X before week 26, 41 of them because of adverse effects', 'the
    second cycle was not given to 13 patients, because of adverse events in 8': a harm given
    as the reason why a part of those who stopped did so is a harm of the whole arm
    (corpora/README), as in a list of reasons; those who stopped stay a group of their own."""
    for event in state.events:
        if event.outcome != "adverse_event" or event.cohort is None \
                or event.cohort in state.stopped \
                or state.cohorts[event.cohort].drug_status != "discontinued":
            continue
        k = event.outcome_at
        while k > 0 and words.lower[k - 1] in settings.determiners:
            k -= 1  # "because of an adverse event"
        if any(k >= len(p) and tuple(words.lower[k - len(p):k]) == p
               for p in settings.cause_phrases):
            state.stopped.add(event.cohort)


def _reasons_as_groups(state: LinkState) -> set[int]:
    """'18 in the X group and 22 in the placebo group stopped; the reasons were withdrawal of
    consent (7 and 9) and lack of efficacy (1 and 8)': the reasons for stopping split those
    who stopped into groups (corpora/README: withdrawals are cohort rows), no events."""
    kept, arms = [], set()
    for event in state.events:
        if event.cohort not in state.stopped:
            kept.append(event)
            continue
        stopped = state.cohorts[event.cohort]
        if event.outcome != "other":
            # "... adverse events (5 and 3)": stopping because of a harm is a harm of the
            # whole arm (corpora/README), counted over the arm.
            arm = state.cohorts[stopped.parent] if stopped.parent is not None \
                else _stopped_from(state, stopped)
            if arm is not None:
                event.cohort, event.drug_status = arm.index, arm.drug_status
                if event.from_percent and event.percent is not None:
                    # "... and was attributed to an adverse event in 3.9% and 2.0%": of the arm
                    event.count = round(event.percent * arm.size / 100)
                arms.add(arm.index)
            kept.append(event)
            continue
        state.cohorts.append(Cohort(
            index=len(state.cohorts), size=event.count, size_text=str(event.count),
            sent=event.sent, start_char=event.start_char, end_char=event.end_char,
            arm=stopped.arm, drug=stopped.drug, drug_mention=stopped.drug_mention,
            drug_status=stopped.drug_status, procedure=stopped.procedure, parent=stopped.index,
            confidence=stopped.confidence))
    state.events = kept
    return arms  # (the arms stated on their own still: their harms were counted elsewhere)


def _stopped_from(state: LinkState, stopped: Cohort) -> Cohort | None:
    """The arm a group that stopped was taken from when the text named it by its treatment
    alone ('40 in the X group and 29 in the Y group stopped'): the last larger group named
    before it with the same treatment that did not stop, or None."""
    # (those who stopped X had received it: not the arm that went without X; of the groups
    # that fit, an arm before a subgroup named since)
    fitting = [c for c in reversed(state.cohorts[:stopped.index]) if c.size > stopped.size
               and c.drug == stopped.drug and c.drug is not None and c.parent is None
               and c.drug_status not in CHANGED_STATUSES
               and not (stopped.drug_status == "discontinued" and c.drug_status == "not_received")]
    return next((c for c in fitting if c.index in state.arms), None) \
        or next(iter(fitting), None)


def _forms_population(doc: Doc, facts: ClauseFacts, outcome: Cue, settings: LinkSettings) -> bool:
    """Does the clause say its group formed an analysis population ('... had confirmed
    candidiasis and formed the modified intention-to-treat population')? What it says the
    group had then picks the group; it counts no event. (The predicate may be the one the
    clause shares: 'and 97 | and 96 had X and formed the mITT population'.)"""
    words = words_of(doc)
    end = max(facts.end, min(len(words.lower), outcome.end + _POPULATION_REACH * 2))
    for k in range(facts.start, end):
        if words.text[k] in {".", ";"} and k >= facts.end:
            return False
        if words.lower[k] in settings.population_verbs and any(
                words.lower[j] in settings.population_nouns
                for j in range(k + 1, min(end, k + _POPULATION_REACH))):
            return True
    return False


_POPULATION_REACH = 8  # words from "formed" to "population" ("formed the mITT population")


def _changes_dose(outcome: Cue, settings: LinkSettings) -> bool:
    """Does an event named by its frame's words change the dosing of the treatment ('needed a
    dose reduction', 'required dose interruptions')? Such a group is a cohort, not an event."""
    said = outcome.text.lower().split()
    return any(w in {"dose", "doses", "dosing"} for w in said) \
        and any(w in settings.dose_changes for w in said)


def _names_stop(outcome: Cue, cues: list[Cue]) -> bool:
    """Does an event named by its frame's words say that the group stopped its treatment or
    the trial ("Permanent discontinuation of the assigned drug was reported in")?"""
    return any(c.label == "STATUS" and c.id == "discontinued"
               and outcome.start <= c.start and c.end <= outcome.end for c in cues)


def _sized_opener(doc: Doc, m: Mention, facts: ClauseFacts) -> bool:
    """'In the modified intention-to-treat population (n = 298), 120 had ...': a size in
    brackets in an opening phrase that states no event sizes the group the counts after it
    are of; it counts no event itself."""
    words = words_of(doc)
    # "In the X group (n = 120), 36 died": a group named by its treatment in an opening
    # prepositional phrase, sized the same way
    first = facts.start + (words.lower[facts.start] in {"and", "but", "while", "whereas"})
    named_opener = words.lower[first] in _OPENING_PREPOSITIONS
    if m.kind != "count" or m.outcome is not None \
            or (m.drug is not None or m.arm is not None) and not named_opener:
        return False
    return m.start >= facts.start + 3 and words.text[m.start - 1] == "=" \
        and words.text[m.start - 3] in {"(", "["} and words.text[facts.end - 1] == "," \
        and not any(c.label in {"OUTCOME", "EVENT_VERB"} for c in facts.cues)


#: Prepositions that open a phrase naming the group the counts after it are of.
_OPENING_PREPOSITIONS = frozenset({"in", "among", "of", "with", "for"})


def _arms_total(state: LinkState) -> Cohort | None:
    """The total named before the last arms (their sizes add up to it, give or take a few
    not treated), or None."""
    arms = [state.cohorts[i] for i in state.arms]
    first = min(c.index for c in arms)
    total = sum(c.size for c in arms)
    return next((c for c in reversed(state.cohorts[:first]) if c.parent is None
                 and total <= c.size <= 1.1 * total), None)


def _sized_elsewhere(doc: Doc, cohort: Cohort) -> bool:
    """Was the cohort made from words that do not state its size (the first count of a list
    whose whole comes after it)?"""
    span = doc.char_span(cohort.start_char, cohort.end_char, alignment_mode="expand")
    return span is not None and cohort.size not in words_of(doc).num[span.start:span.end]


def _sized_noun(doc: Doc, m: Mention, facts: ClauseFacts) -> bool:
    """'Patients aged 75 or older (n = 58) had similar outcomes': the size in brackets of
    the group a patient noun before it names, which counts no event itself."""
    if m.kind != "count" or m.outcome is not None or m.drug is not None or m.arm is not None:
        return False
    words = words_of(doc)
    return m.start - 3 >= facts.start and words.text[m.start - 1] == "=" \
        and words.lower[m.start - 2] == "n" and words.text[m.start - 3] in {"(", "["} \
        and any(c.label == "PATIENT" and c.end <= m.start - 3 for c in facts.cues)


def _named_before(state: LinkState, start: int, idx: list[int]) -> bool:
    """Did a clause of this sentence before token ``start`` name a group (the one "of these"
    refers to)?"""
    return any(state.cohorts[i].end_char <= idx[start] and state.cohorts[i].statement
               for i in state.last_in_sentence)


def _part_of_named(doc: Doc, m: Mention, facts: ClauseFacts, state: LinkState) -> bool:
    """A bare count after a group its sentence named ("Eighteen stopped early, and four later
    progressed") is a part of that group; but not in a clause that names its own arm ("...;
    in the placebo group, 9 withdrew consent"): a group of that arm."""
    return _named_before(state, m.start, words_of(doc).idx) \
        and not (facts.control or facts.arm_label)


def _plain(facts: ClauseFacts) -> ClauseFacts:
    """The clause's facts without its treatment."""
    return replace(facts, drug=None, drug_mention=None, drug_status=None, control=False,
                   experimental=False)


def _screened(doc: Doc, m: Mention, facts: ClauseFacts, settings: LinkSettings) -> bool:
    """'Of 3,418 patients screened', '1,146 adults ... were screened at 61 sites', 'Of 612
    adults assessed for eligibility': the people a trial looked at before enrolling, which
    no row counts (corpora/README: screening counts are hard negatives)."""
    # (the group's description may hold an "and" that ends its clause early: "1,317 adults
    # with X and at least two exacerbations ... were assessed for eligibility")
    words = words_of(doc)
    lower = words.lower
    if m.start > facts.start and lower[m.start - 1] in settings.screening_words:
        return True  # "We screened 352 patients and randomised 291": screened, the object
    end = _sentence_of(words, m.start)[1]
    end = next((k for k in range(facts.end, end) if words.text[k] in settings.clause_breaks), end)
    if not any(w in settings.screening_words for w in lower[m.end:end]):
        return False
    statuses = {c.start for c in facts.cues if c.label == "STATUS"}
    for k in range(m.end, end):
        # (a bound within the group's description is no other count: "adults with at least
        # two exacerbations in the previous year were assessed for eligibility")
        if (words.num[k] is not None and lower[k - 1] not in settings.not_count_after
                and lower[k - 1] not in settings.threshold_words) \
                or k in statuses:
            return False  # another count, or what the group received ("did not receive")
        if lower[k] in settings.screening_words:
            return True
    return False


def _link_zero_events(doc: Doc, sent_index: int, clause: Clause, facts: ClauseFacts,
                      state: LinkState, settings: LinkSettings) -> None:
    """'No treatment-related deaths occurred in Arm A or Arm B', 'there were no deaths with
    X': a count of zero for each group the clause names."""
    for cue in longest_cues(facts.cues, "OUTCOME"):
        before = [t.lower_ for t in doc[max(clause.start, cue.start - 2):cue.start]]
        if not any(w in settings.none_words for w in before):
            continue
        labels = [c.text for c in facts.cues if c.label == "ARM" and c.start >= cue.end]
        targets: list[Cohort] = []
        for label in labels:
            found = next((c for c in reversed(state.cohorts) if same_label(c.arm_label, label)), None)
            if found is not None and found not in targets:
                targets.append(found)
        lower = words_of(doc).lower
        caused = any(lower[k] in settings.causality_words and lower[k + 1] == "to"
                     for k in range(cue.end, min(clause.end - 1, cue.end + 2)))
        if not labels and (facts.drug or facts.control) and not caused:
            # "One died in the placebo group; no deaths occurred with X": the arm, as a count
            # of the clause before had it, not the latest subgroup given X. (But "No
            # anaphylaxis attributed to X was reported" names X as a cause, no group: a
            # trial-wide zero, corpora/README, no row.)
            index, _ = implicit_cohort(state, 0, None, facts, settings.confidence,
                                       safety=cue.id in settings.safety_outcomes,
                                       sent=sent_index)
            if index is not None:
                targets.append(state.cohorts[index])
        for target in targets:
            add_event(state, target.index, 0, None, cue,
                       replace(facts, drug=None, drug_mention=None, drug_status=None,
                               control=False),
                       sent_index, doc[cue.start:cue.end], settings.confidence["fraction"])
        return

