"""Flattened tables ("cell | cell"): header rows name the arms, data rows give counts per arm."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ..numbers import fraction_parts, is_group_size
from ..words import words_of
from .arms import name_control
from .clauses import clause_facts
from .groups import LinkState, add_event, find_cohort, fit_score, new_cohort
from .outcomes import index_response, qualified_outcome
from .records import Clause, ClauseFacts, Cohort, Cue, LinkSettings
from .spans import longest_cues, stated_percent


def _cells(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the cells of a flattened table row ("a | b | c")."""
    words = words_of(doc)
    cells, start = [], sent.start
    for i in range(sent.start, sent.end):
        if words.text[i] == "|":
            cells.append((start, i))
            start = i + 1
    cells.append((start, sent.end))
    return [(a, b) for a, b in cells if b > a and not all(words.is_space[a:b])]


def link_table_row(doc: Doc, sent: Span, sent_index: int, cues: list[Cue],
                   drug_ents: list[Span], state: LinkState, settings: LinkSettings, *,
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
    corner = _empty_corner(doc, sent)
    if corner is not None:
        cells = [(corner, corner), *cells]  # "|  | X | Placebo |": the label cell is empty
    if title is not None and title_cues and any(
            c.label in {"STUDY_VERB", "EVENT_VERB"} for c in title_cues):
        # "Infants with bronchiolitis were assigned to ...": a statement before the table,
        # no caption; what it names ("bronchiolitis") is not what the rows count.
        title_cues = []
    patients = frozenset(c.start for c in cues if c.label == "PATIENT")
    if _cell_size(doc, *cells[0], patients) is not None \
            and sum(_cell_size(doc, a, b, patients) is not None for a, b in cells) >= 2:
        # " | Dupilumab, n = 120 | Placebo, n = 118": a header whose label cell is empty (or
        # left out) names an arm in every cell it has; the data rows keep their label cell.
        cells = [(cells[0][0], cells[0][0]), *cells]
    elif _unlabelled_arms(doc, sent, cells, cues, drug_ents, settings):
        cells = [(cells[0][0], cells[0][0]), *cells]  # " | Apixaban | Warfarin"
    sizes = [_cell_size(doc, a, b, patients) for a, b in cells[1:]]
    if not any(sizes) and not any(_starts_with_count(doc, a, b) for a, b in cells[1:]):
        if _split_columns(doc, cells, cues, drug_ents, state):
            return
        state.table_sizes = _size_and_outcome_columns(doc, cells, cues, settings)
        if state.table_sizes is None:
            _link_plain_header(doc, sent, sent_index, cells, cues, drug_ents, state, settings,
                               title, title_cues or [])
        return
    if state.table_sizes is not None and not any(sizes):
        _link_subgroup_row(doc, sent_index, cells, cues, drug_ents, state, settings)
        return
    state.table_sizes = None
    # (a single-arm study's table has one sized column: "Best response | X (n = 52)")
    if sum(s is not None for s in sizes) >= 2 or sizes == [sizes[0]] and sizes[0] is not None:
        named_above = _named_above(doc, cells[0], state)
        named_before = _sizes_only_below(doc, cells[1:], state.table_facts)
        state.table_facts = None  # (the columns are the sized groups)
        columns: list[int | None] = [None] * len(sizes)
        all_facts = []
        for k, (a, b) in enumerate(cells[1:]):
            facts = named_before[k] if named_before else \
                clause_facts(doc, Clause(a, b), cues, drug_ents, settings)
            if name_control(facts, state.options):
                facts.control = True  # "| X alone (n = 163) |": the add-on's control arm
            all_facts.append(facts)
        taken: set[int] = set()
        for k in _named_columns_first(all_facts):
            (a, b), size, facts = cells[k + 1], sizes[k], all_facts[k]
            found = find_cohort(state, size, facts, taken=taken) if size is not None else None
            if found is None and size is not None:
                found = new_cohort(state, size, str(size), sent_index, doc[a:b], facts,
                                    parent=None, statement=False, confidence=settings.confidence["fraction"],
                                    same_arm=True)
            columns[k] = found.index if found else None
            if found is not None:
                taken.add(found.index)
        state.table = columns
        state.table_subgroups = False
        state.arms = [c for c in columns if c is not None]
        named = next((c for c in longest_cues([c for c in (title_cues or []) + cues
                                               if c.label == "OUTCOME"], "OUTCOME")
                      if c.id == "adverse_event"), None) or _outcome_header(doc, cells[0], settings) \
            or named_above or _titled_outcomes(doc, cells[0], title, settings)
        if named is not None:
            state.table_outcome = named
        return
    if state.table is None:
        return
    first = cells[0]
    outcomes = longest_cues([c for c in cues if first[0] <= c.start and c.end <= first[1]], "OUTCOME")
    if state.table_subgroups and state.table_outcome is not None:
        outcomes = [state.table_outcome]  # 'Age <18 years | 14/139 | 33/192': a subgroup's count
    label = next((t for t in doc[first[0]:first[1]] if not t.is_space), None)
    if not outcomes and any(c.label == "STATUS" and c.id in {"discontinued", "continued"}
                            and first[0] <= c.start and c.end <= first[1] for c in cues):
        # "Discontinued for other reasons | 16 (4.5) | 14 (3.9)" under an outcome header:
        # who stopped or completed is a group, no event (corpora/README)
        _link_disposition_row(doc, sent_index, cells, cues, state, settings)
        return
    if not outcomes and state.table_outcome is not None and label is not None \
            and (label.lower_ not in settings.not_outcomes
                 or state.table_outcome.id == "adverse_event" and label.lower_ in _LAB_CHANGES):
        # A row of an adverse-event table names the event in its own words.
        kind = "response" if state.table_outcome.id == "other" \
            and index_response(doc, first[0], first[1], settings) else state.table_outcome.id
        outcomes = [Cue("OUTCOME", kind, first[0], first[1], doc[first[0]:first[1]].text.strip())]
    if not outcomes:
        _link_disposition_row(doc, sent_index, cells, cues, state, settings)
        return
    if not state.table_subgroups:
        outcomes[0] = qualified_outcome(doc, outcomes[0], cues, settings)
    facts = clause_facts(doc, Clause(*first), cues, drug_ents, settings)
    if facts.drug is not None and any(c is not None for c in state.table):
        # "Rescue therapy with PEG 3350 | 36 (11.4) | 53 (16.7)": a drug the row's label names
        # is part of what the row counts; each column's arm keeps its own treatment.
        facts = replace(facts, drug=None, drug_mention=None, drug_status=None)
    number_at = {s.start: s for s in numbers if sent.start <= s.start < sent.end}
    # "Objective response rate, % (95% CI) | 45.3 (37.2-53.6) | 30.0 (...)": the row gives
    # shares of the columns' arms (but "Responders, n (%)" gives counts).
    label_words = {t.lower_ for t in doc[first[0]:first[1]]}
    measured = any(t.lower_ in settings.measure_labels and not (
        t.i > first[0] and doc[t.i - 1]._.num_value is not None)  # "Alive at 12 months": a time
        for t in doc[first[0]:first[1]])
    if measured and not label_words & _COUNT_WORDS:
        return  # "Median time to response, days | 42 | 84": a measure of each arm, no count
    shares = "%" in label_words and not label_words & _COUNT_WORDS
    for k, ((a, b), cohort) in enumerate(zip(cells[1:], state.table, strict=False)):
        lead = next((t for t in doc[a:b] if not t.is_space), None)
        parts = fraction_parts(lead.text) if lead is not None else None
        named = _treatment_column(state, k) if cohort is None else None
        if parts and parts[0] <= parts[1] and (cohort is not None or named is not None):
            # "dMMR, progression | 12/53 (22.6%) | 31/51": the cell names its own
            # denominator, a part of the column's arm (a subgroup, or the evaluable patients);
            # under a column named by its treatment alone, a group given that treatment.
            whole = _column_part(state, state.cohorts[cohort], parts[1], sent_index, doc[a:b],
                                 facts, settings) if cohort is not None else new_cohort(
                state, parts[1], str(parts[1]), sent_index, doc[a:b], named, parent=None,
                statement=False, confidence=settings.confidence["fraction"]).index
            percent = stated_percent(doc, lead.i + 1, b, number_at)
            add_event(state, whole, parts[0], percent, outcomes[0], facts, sent_index, doc[a:b],
                      settings.confidence["fraction"])
            continue
        numbers = [t for t in doc[a:b] if t._.num_value is not None]
        if numbers and cohort is not None and (
                shares and ("." in numbers[0].text or len(numbers) == 1)
                or numbers[0].i + 1 < b and doc[numbers[0].i + 1].text == "%"):
            # "Exacerbation | 24.8% | 37.8%": a share of the column's arm, whose size the
            # header gives (count = share x size, the share as stated).
            share = numbers[0]._.num_value
            if share <= 100:
                add_event(state, cohort, round(share * state.cohorts[cohort].size / 100), share,
                          outcomes[0], facts, sent_index, doc[a:b], settings.confidence["fraction"])
                state.events[-1].from_percent = True
            continue
        if not numbers or cohort is None or numbers[0]._.num_value != int(numbers[0]._.num_value) \
                or "." in numbers[0].text:
            continue  # "30.0" is a measure, not a count of patients
        count = int(numbers[0]._.num_value)
        if count > state.cohorts[cohort].size:
            continue  # "Time to first exacerbation, days | 210 | 150": a measure, no count
        percent = stated_percent(doc, numbers[0].i + 1, b, number_at)
        add_event(state, cohort, count, percent, outcomes[0], facts, sent_index, doc[a:b],
                   settings.confidence["fraction"])


def _sizes_only_below(doc: Doc, cells: list[tuple[int, int]],
                      named: list[ClauseFacts] | None) -> list[ClauseFacts] | None:
    """'| | X | Placebo |' then '| | (n = 150) | (n = 148) |': a header row of sizes alone
    under a row that named the columns' treatments sizes those columns; what each names,
    or None."""
    if not named or len(named) != len(cells) or not any(f.drug or f.control for f in named):
        return None
    if any(t.is_alpha and t.lower_ != "n" for a, b in cells for t in doc[a:b]):
        return None
    return [replace(f, start=a, end=b, cues=[]) for f, (a, b) in zip(named, cells, strict=True)]


def _empty_corner(doc: Doc, sent: Span) -> int | None:
    """Where the empty first cell of a row stands ("|  | X | Placebo |": a header whose
    label cell is blank, so its first named cell is an arm's column), or None."""
    bars = 0
    for k in range(sent.start, min(sent.end, sent.start + 4)):
        text = doc[k].text
        if text == "|":
            bars += 1
            if bars == 2:
                return k
        elif not text.isspace():
            return None
    return None


def _named_columns_first(all_facts: list[ClauseFacts]) -> list[int]:
    """'Maintenance (n = 143) | Observation (n = 143)' after arms of 143 each: the columns
    whose cells name a treatment, control or label take their arms first, and a column named
    by none takes an arm they left (each column is its own arm)."""
    return sorted(range(len(all_facts)), key=lambda k: not (
        all_facts[k].drug or all_facts[k].control or all_facts[k].arm_label))


#: Words of a row label that say its cells are counts ("n (%)", "no. (%)").
_COUNT_WORDS = frozenset({"n", "no", "no.", "number", "patients"})


def _size_and_outcome_columns(doc: Doc, cells: list[tuple[int, int]], cues: list[Cue],
                              settings: LinkSettings
                              ) -> tuple[int | None, tuple[tuple[int, Cue], ...]] | None:
    """Columns that each count an outcome, the groups in the rows: 'Factor | Patients, n |
    Molecular relapse, n (%)' (a column gives each row's group size) or 'Arm | Objective
    response | Death' (each row's label gives its size: 'Drug A (n = 60) | 21 (35.0) | 4').
    (size column or None, ((column, outcome), ...)), or None."""
    size_col: int | None = None
    outcome_cols: list[tuple[int, Cue]] = []
    counted: list[tuple[int, Cue]] = []  # 'SVR12, n (%)': a count column of an 'other' outcome
    for k, (a, b) in enumerate(cells[1:], start=1):
        inside = [c for c in cues if a <= c.start and c.end <= b]
        named = longest_cues(inside, "OUTCOME")
        if named:
            outcome_cols.append((k, named[0]))
        elif any(c.label == "PATIENT" for c in inside) and size_col is None:
            size_col = k
        elif any(t.lower_ in _COUNT_WORDS for t in doc[a:b]):
            stop = next((t.i for t in doc[a:b] if t.text in {",", "("}), b)
            words = doc[a:stop]
            if len(words) and not any(t.lower_ in settings.not_outcomes for t in words):
                counted.append((k, Cue("OUTCOME", "other", a, stop, words.text.strip())))
    if size_col is not None:
        outcome_cols = sorted(outcome_cols + counted, key=lambda c: c[0])
    if not outcome_cols:
        return None
    if size_col is None:
        label = [t.lower_ for t in doc[cells[0][0]:cells[0][1]] if not t.is_space]
        if not label or label[0] not in settings.arm_nouns:
            return None
    return size_col, tuple(outcome_cols)


def _link_subgroup_row(doc: Doc, sent_index: int, cells: list[tuple[int, int]],
                       cues: list[Cue], drug_ents: list[Span], state: LinkState,
                       settings: LinkSettings) -> None:
    """'Nilotinib duration >= 5 years | 88 | 29 (33.0)': a group of 88 of whom 29 had the
    outcome of the count column; 'Cohort B (n = 40) | 12 (30.0) | 3': an arm of 40 with a
    count of each column's outcome."""
    if state.table_sizes is None:
        return
    size_col, outcome_cols = state.table_sizes
    facts = clause_facts(doc, Clause(*cells[0]), cues, drug_ents, settings)
    if not (facts.drug or facts.control) and state.only_drug:
        # 'Genotype 1a | 74 | 72 (97.3)': a subgroup of the one treatment studied
        facts = replace(facts, drug=state.only_drug[0], drug_mention=state.only_drug[1],
                        drug_status=facts.drug_status or "received")
    if size_col is not None:
        size = _first_count(doc, *cells[size_col]) if size_col < len(cells) else None
        if size is None:
            return
        group = new_cohort(state, size, str(size), sent_index,
                           doc[cells[0][0]:cells[size_col][1]], facts, parent=None,
                           statement=False, confidence=settings.confidence["fraction"])
    else:
        size = _cell_size(doc, *cells[0])
        if size is None:
            return
        group = find_cohort(state, size, facts) or new_cohort(
            state, size, str(size), sent_index, doc[cells[0][0]:cells[0][1]], facts,
            parent=None, statement=False, confidence=settings.confidence["fraction"])
    for col, outcome in outcome_cols:
        if col >= len(cells):
            continue
        a, b = cells[col]
        count = _first_count(doc, a, b)
        if count is None or count > size:
            continue
        lead = next(t for t in doc[a:b] if t._.num_value is not None)
        number_at = {t.i: doc[t.i:t.i + 1] for t in doc[a:b] if t._.num_value is not None}
        add_event(state, group.index, count, stated_percent(doc, lead.i + 1, b, number_at),
                  outcome, facts, sent_index, doc[a:b], settings.confidence["fraction"])


#: What a disposition row's label may say of its groups: randomised, treated, completed, stopped.
_DISPOSITIONS = frozenset({"received", "continued", "discontinued"})


def _link_disposition_row(doc: Doc, sent_index: int, cells: list[tuple[int, int]],
                          cues: list[Cue], state: LinkState, settings: LinkSettings) -> None:
    """'Randomised | 188 | 94', 'Completed week 24 | 180 | 90': a row of a disposition table
    gives a group per column (corpora/README: completions and withdrawals are cohort rows),
    a part of the column's arm; the first such row sizes columns named only by treatment."""
    first = cells[0]
    said = [c for c in cues if first[0] <= c.start and c.end <= first[1] and (
        c.label == "STUDY_VERB" or c.label == "STATUS" and c.id in _DISPOSITIONS)]
    if not said or state.table is None:
        return
    status = next((c.id for c in said if c.label == "STATUS"), None)
    for k, (a, b) in enumerate(cells[1 : len(state.table) + 1]):
        count = _first_count(doc, a, b)
        if count is None:
            continue
        column = state.table[k]
        arm = state.cohorts[column] if column is not None else None
        if arm is not None and (count > arm.size or count == arm.size and status != "discontinued"):
            if count == arm.size:  # "Received study drug | 187 | 94" after 94 randomised
                state.restated.append((arm.index, sent_index, doc[a:b].start_char,
                                       doc[a:b].end_char))
            continue
        if arm is not None:  # a part of the column's arm: its treatment
            facts = ClauseFacts(start=a, end=b, cues=[], drug=arm.drug,
                                drug_mention=arm.drug_mention, drug_status=arm.drug_status,
                                control=arm.drug_status == "not_received")
        elif state.table_facts and k < len(state.table_facts):
            facts = state.table_facts[k]
        else:
            continue
        if status is not None and not facts.control:
            facts = replace(facts, drug_status=status)
        cohort = new_cohort(state, count, str(count), sent_index, doc[a:b], facts, parent=arm,
                            statement=True, confidence=settings.confidence["subgroup"])
        if arm is None:
            state.table[k] = cohort.index  # the column's group, from its first row
        elif status == "discontinued":
            state.stopped.add(cohort.index)


def _first_count(doc: Doc, a: int, b: int) -> int | None:
    first = next((t for t in doc[a:b] if not t.is_space), None)
    if first is None or first._.num_value is None or first._.num_value != int(first._.num_value):
        return None
    return int(first._.num_value)


def _named_above(doc: Doc, cell: tuple[int, int], state: LinkState) -> Cue | None:
    """'Event | X | Placebo' / ' | n = 61 | n = 60': the harm the header row above named (from
    the title of its table) for a second header row with no label of its own, or None."""
    if state.table_facts is None or state.table_outcome is None \
            or state.table_outcome.id != "adverse_event" \
            or any(not t.is_space for t in doc[cell[0]:cell[1]]):
        return None
    return state.table_outcome


def _outcome_header(doc: Doc, cell: tuple[int, int], settings: LinkSettings) -> Cue | None:
    """'Outcome | Rivaroxaban (n = 200) | Warfarin (n = 198)': every row below counts an
    event, named in the row's own words (outcome "other" when no cue names it)."""
    words = tuple(t.lower_ for t in doc[cell[0]:cell[1]] if not t.is_space)
    if any(words[:len(h)] == h for h in settings.outcome_headers):
        return Cue("OUTCOME", "other", cell[0], cell[1], doc[cell[0]:cell[1]].text.strip())
    return None


def _split_columns(doc: Doc, cells: list[tuple[int, int]], cues: list[Cue],
                   drug_ents: list[Span], state: LinkState) -> bool:
    """'Event | A (n = 150) | B (n = 149)' / ' | Any grade | Grade 3-4 | Any grade | Grade 3-4':
    a second header row that splits each arm's column into as many sub-columns (grades,
    time points), each a count of the arm. True when the row is such a header."""
    if not state.table or drug_ents or any(c.label in {"ARM", "ARM_NAME"} for c in cues):
        return False
    labels = [(a, b) for a, b in cells if any(not t.is_space for t in doc[a:b])]
    arms = len(state.table)
    for named in (labels, labels[1:]):  # with or without a label cell of its own
        if len(named) > arms and len(named) % arms == 0:
            per_arm = len(named) // arms
            state.table = [c for c in state.table for _ in range(per_arm)]
            return True
    return False


def _titled_outcomes(doc: Doc, cell: tuple[int, int], title: Span | None,
                     settings: LinkSettings) -> Cue | None:
    """'Table 2. Outcomes at 52 weeks' / ' | A, n = 121 | B, n = 119': a header with no label
    of its own counts what the title above it names (outcomes, events, end points)."""
    if title is None or any(not t.is_space for t in doc[cell[0]:cell[1]]):
        return None
    words = [t.lower_ for t in title]
    if any(tuple(words[k:k + len(h)]) == h for h in settings.outcome_headers
           for k in range(len(words) - len(h) + 1)):
        return Cue("OUTCOME", "other", cell[0], cell[1], "")
    return None


def _column_part(state: LinkState, column: Cohort, size: int, sent_index: int, span: Span,
                 facts: ClauseFacts, settings: LinkSettings) -> int:
    """The cohort of ``size`` patients of a column's arm: known, or new with its treatment."""
    if column.size == size:
        return column.index
    found = next((c for c in reversed(state.cohorts) if c.size == size and c.drug == column.drug
                  and c.drug_status == column.drug_status), None)
    if found is not None:
        return found.index
    part = new_cohort(state, size, str(size), sent_index, span, replace(facts, arm_label=None),
                      parent=None, statement=False, confidence=settings.confidence["fraction"])
    part.drug, part.drug_mention, part.drug_status = column.drug, column.drug_mention, column.drug_status
    part.arm = column.arm
    return part.index


def _unlabelled_arms(doc: Doc, sent: Span, cells: list[tuple[int, int]], cues: list[Cue],
                     drug_ents: list[Span], settings: LinkSettings) -> bool:
    """" | Omega-3 | Vitamin D | Placebo": a header row that opens with a bar has an empty
    label cell, when its first cell names a treatment and no cell gives a count."""
    if not any(t.text == "|" for t in doc[sent.start:cells[0][0]]) \
            or any(_starts_with_count(doc, a, b) for a, b in cells):
        return False
    facts = clause_facts(doc, Clause(*cells[0]), cues, drug_ents, settings)
    return bool(facts.drug or facts.control)


def _starts_with_count(doc: Doc, a: int, b: int) -> bool:
    first = next((t for t in doc[a:b] if not t.is_space), None)
    return first is not None and (first._.num_value is not None or bool(fraction_parts(first.text)))


def _link_plain_header(doc: Doc, sent: Span, sent_index: int, cells: list[tuple[int, int]],
                       cues: list[Cue], drug_ents: list[Span], state: LinkState,
                       settings: LinkSettings, title: Span | None, title_cues: list[Cue]) -> None:
    """Columns of a header row that gives no sizes (see link_table_row)."""
    state.table, state.table_outcome, state.table_subgroups = None, None, False
    title_sizes = [] if title is None else [
        size for t in title if (t.lower_ == "n" or is_group_size(t.text))
        and (size := _cell_size(doc, t.i, min(t.i + 3, title.end))) is not None]
    columns: list[int | None] = []
    state.table_facts = []
    for a, b in cells[1:]:
        facts = clause_facts(doc, Clause(a, b), cues, drug_ents, settings)
        state.table_facts.append(facts)
        found = None
        if facts.drug or facts.control or facts.arm_label:
            fitting = [c for c in reversed(state.cohorts) if fit_score(c, facts) > 0]
            found = max(fitting, key=lambda c: fit_score(c, facts)) if fitting else None
        elif len(title_sizes) == 1:
            found = find_cohort(state, title_sizes[0], facts)
            if found is None:
                found = new_cohort(state, title_sizes[0], str(title_sizes[0]), sent_index,
                                    doc[a:b], facts, parent=None, statement=False,
                                    confidence=settings.confidence["fraction"])
            if title is not None and found.sent == sent_index - 1:
                found.statement = False  # a caption, not a statement about the group
        columns.append(found.index if found else None)
    for k, column in enumerate(columns):
        if column is None:
            columns[k] = _backbone_column(doc, cells[1:], k, columns, state, settings)
        if columns[k] is None and not state.table_facts[k].drug:
            columns[k] = _sized_name_column(doc, cells[k + 1], columns, state)
    if any(c is not None for c in columns) or any(f.drug or f.control for f in state.table_facts):
        state.table = columns  # (columns named by treatment only: a disposition row sizes them)
        outcomes = longest_cues([c for c in title_cues + cues if c.label == "OUTCOME"], "OUTCOME")
        state.table_outcome = next((c for c in outcomes if c.id == "adverse_event"), None) \
            or _outcome_header(doc, cells[0], settings) \
            or _titled_outcomes(doc, cells[0], title, settings)
        if state.table_outcome is None:
            state.table_outcome = _subgroup_outcome(doc, cells[0], title_cues, settings)
            state.table_subgroups = state.table_outcome is not None


def _subgroup_outcome(doc: Doc, cell: tuple[int, int], title_cues: list[Cue],
                      settings: LinkSettings) -> Cue | None:
    """'Table 2. Relapse by subgroup' / 'Subgroup | X | Placebo | HR': the one outcome the
    title names, which every subgroup row counts in each arm's column; None otherwise."""
    label = next((t.lower_ for t in doc[cell[0]:cell[1]] if not t.is_space), None)
    if label not in settings.subgroup_headers:
        return None
    named = longest_cues([c for c in title_cues if c.label == "OUTCOME"], "OUTCOME")
    return named[0] if named and len({c.id for c in named}) == 1 else None


def _treatment_column(state: LinkState, k: int) -> ClauseFacts | None:
    """What the k-th column of a plain header names when it names a treatment or a control
    but no group was found for it ('Subgroup | X | No X'), or None."""
    if state.table_facts is None or k >= len(state.table_facts):
        return None
    facts = state.table_facts[k]
    return facts if facts.drug or facts.control else None


def _backbone_column(doc: Doc, cells: list[tuple[int, int]], k: int,
                     columns: list[int | None], state: LinkState,
                     settings: LinkSettings) -> int | None:
    """' | X plus chemotherapy | Chemotherapy': a column named only by the backbone another
    column adds a drug to is the control arm of that drug (the arm that did not receive it,
    defined last); None when no column adds to it or no such arm was defined."""
    words = [t.lower_ for t in doc[cells[k][0]:cells[k][1]] if not t.is_space]
    if not words:
        return None
    for j, (a, b) in enumerate(cells):
        other = [t.lower_ for t in doc[a:b] if not t.is_space]
        if j == k or columns[j] is None or len(other) <= len(words) + 1 \
                or other[-len(words):] != words or other[-len(words) - 1] not in settings.dose_joiners:
            continue
        drugs = set((state.cohorts[columns[j]].drug or "").split(" + ")) - {""}
        controls = [c.index for c in state.cohorts if c.drug and drugs >= set(c.drug.split(" + "))
                    and c.drug_status == "not_received" and c.index not in columns]
        return controls[-1] if controls else None
    return None


def _sized_name_column(doc: Doc, cell: tuple[int, int], columns: list[int | None],
                       state: LinkState) -> int | None:
    """'... or both (n = 200)' / ' | A | B | Both | Placebo': a column named by the words
    that named a group right before its size '(n = N)' is that group; None otherwise."""
    words = [t.lower_ for t in doc[cell[0]:cell[1]] if not t.is_space]
    if not words:
        return None
    for cohort in reversed(state.cohorts):
        span = doc.char_span(cohort.start_char, cohort.end_char, alignment_mode="expand")
        k = span.start if span is not None else 0
        if cohort.index in columns or k < 3 + len(words) or doc[k - 1].text != "=" \
                or doc[k - 2].lower_ != "n" or doc[k - 3].text != "(":
            continue
        if [t.lower_ for t in doc[k - 3 - len(words):k - 3]] == words:
            return cohort.index
    return None


def _cell_size(doc: Doc, a: int, b: int, patients: frozenset[int] = frozenset()) -> int | None:
    """N of a header cell: "(n = 124)", "n=124", "(N = 98)", "Placebo (98 patients)"."""
    words = words_of(doc)
    text, lower, num = words.text, words.lower, words.num
    for i in range(a, b):
        if is_group_size(text[i]):
            return int(num[i])  # type: ignore[arg-type]
        if text[i] == "(" and i + 3 < b and i > a and i + 2 in patients \
                and text[i + 3] == ")" and words.like_num[i + 1]:
            value = num[i + 1]
            if value is not None and value == int(value):
                return int(value)
        if lower[i] == "=" and i - 1 >= a and lower[i - 1] == "n" and i + 1 < b:
            value = num[i + 1]
            if value is not None and value == int(value):
                return int(value)
    return None


#: Openers of a laboratory harm in a row of an adverse-event table ('Elevated ALT | 8 (4.0)'),
#: which open no event in a sentence ('71% had elevated LDH': a feature of the group).
_LAB_CHANGES = frozenset({"elevated", "increased", "decreased", "raised"})
