"""Counts, fractions, percentages and back-references in a clause ("12 of 40", "n = 45", "3/40")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ..numbers import SPANS_KEY as NUMBERS_KEY
from ..numbers import fraction_parts, is_group_size
from ..words import Words, words_of
from .groups import gives_share
from .outcomes import (
    listed_outcome,
    listed_reason,
    other_outcome,
    picks_group,
    predicate_outcome,
    score_threshold,
)
from .records import YEARS, Clause, Cue, LinkSettings, Mention
from .spans import (
    after_percent,
    alone_compound,
    drugs_end,
    longest_cues,
    percent_sign_end,
    stated_percent,
    treatment_end,
)


def find_mentions(doc: Doc, clause: Clause, cues: list[Cue],
                  groups: list[tuple[str, str, int, int]], settings: LinkSettings,
                  units: frozenset[str], *, sent: Span | None = None,
                  numbers: list[Span] | None = None, anaphora: bool = False,
                  arm_count: int = 0, sent_cues: list[Cue] | None = None,
                  labelled_arms: int = 0, interval_at: list[int] | None = None,
                  headed: bool = False, options_count: int = 0,
                  tally: bool = False, none_at: list[int] | None = None) -> list[Mention]:
    """Counts, fractions and back-references in a clause, in text order.

    ``sent``, ``numbers`` and ``none_at`` (the sentence, its number spans and where its
    ``none_words`` are) save a search per clause.
    """
    words = words_of(doc)
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
    object_at = {c.end for c in cues if c.label == "STUDY_VERB"}  # "enrolled 262 whose ..."
    given = {c.start: c.end for c in cues if c.label == "STATUS" and c.id == "received"}
    # "9 withdrew consent", "3 were lost to follow-up": a group that stopped
    stops = {c.start for c in cues if c.label == "STATUS" and c.id == "discontinued"}
    # "298 completed the study", "40 continued treatment": a group that kept on
    stops |= {c.start for c in cues if c.label == "STATUS" and c.id == "continued"}
    actors = {c.start for c in cues if c.label == "STUDY_ACTOR"}
    qualifiers = {c.end: c for c in cues if c.label == "QUALIFIER"}
    arm_starts = {c.start for c in cues if c.label in {"ARM", "ARM_NAME"}}
    outcome_ends = {c.end for c in cues if c.label == "OUTCOME"}
    # "208 to usual care", "105 to observation": a control arm named by what it got instead
    controls = {c.start for c in cues if c.label == "STATUS" and c.id == "not_received"}
    controls |= _alone_arms(words, start, end, settings)
    mentions: list[Mention] = []
    consumed: set[int] = set()
    tallied = _tally_end(doc, sent, sent_cues or cues, settings) if tally else None

    for c in cues:
        if c.label == "UNIVERSAL" and c.start >= start and c.end <= end:
            mentions.append(Mention("universal", c.start, c.end))
    for word in settings.part_words:
        if word in words.lower[start:end]:
            mentions += _part_of_whom(doc, start, end, sent.start, word, settings, groups)

    for token in doc[start:end] if "/" in words.span_text(start, end) else ():
        parts = fraction_parts(token.text)
        if parts and token.i > start and words.lower[token.i - 1] in settings.not_count_after:
            continue  # "a Phase 1/2 study", "grade 3/4 neutropenia": a label, no fraction
        if parts and token.i > start and words.lower[token.i - 1].split("-")[0].rstrip(
                "0123456789") in settings.response_indices:
            continue  # "sPGA 0/1", "IGA 0/1", "vIGA-AD 0/1": the scores of a responder threshold
        if parts:  # "3/40"
            noun = _noun_end(doc, token.i + 1, end, patients, settings)
            mentions.append(Mention("fraction", token.i, noun or token.i + 1, value=parts[0],
                                    whole=parts[1], size_text=token.text,
                                    percent=stated_percent(doc, token.i + 1, end, number_at)))

    if none_at is None:
        none_at = [t.i for t in doc[start:end] if t.lower_ in settings.none_words]
    for token in (doc[i] for i in none_at if start <= i < end):
        if token.i + 1 < end:
            # "No patient in the sertraline group died": a count of zero, when its
            # predicate names what no one had (otherwise "no patients" is no group).
            noun = _noun_end(doc, token.i + 1, end, patients, settings)
            named = None if noun is None else (
                predicate_outcome(doc, noun, end, cues, settings)
                or other_outcome(doc, token.i, treatment_end(doc, noun, end, settings) or noun,
                                 start, end, cues, settings))
            each = noun is not None and (labelled_arms >= 2 or arm_count >= 2) \
                and (_per_arm(doc, noun, end, settings) or other_arms(doc, noun, end, settings))
            if named is not None and not each and _no_group_named(doc, token.i, end, groups, cues):
                continue  # "No participant died", "no patient had a QTcF above 500 ms": trial-wide
            if named is not None:
                # "No patient in either group developed X": a zero for each arm.
                mentions.append(Mention("each" if each else "loose", token.i, noun, value=0,
                                        size_text=token.text, outcome=named))
            elif noun is not None and (clause.elliptical or _coordinated(doc, token.i, start)) \
                    and not _no_group_named(doc, token.i, end, groups, cues):
                # "... in 3 patients receiving X (2.3%) and in no patient receiving placebo": a
                # zero of the named group that shares the event of the clause before it.
                shared = next(iter(longest_cues([c for c in cues if c.end <= token.i], "OUTCOME")),
                              None)
                mentions.append(Mention("loose", token.i, noun, value=0, size_text=token.text,
                                        outcome=shared))

    breakdowns = _event_breakdowns(doc, sent.start, sent_end, sent_cues or cues) \
        if numbers and "(" in words.text[sent.start:end] else []
    for number in numbers:
        if number.start in consumed:
            continue
        value = words.num[number.start]
        if value is None:
            continue
        if any(a < number.start < b for a, b in breakdowns):
            continue  # "Two deaths (one sepsis, one pneumonia) occurred in": kinds of a count
        if _bounds_score(doc, number.start, start, settings):
            continue  # "reached a SALT score of 20 or less": a threshold, no count
        number_text = words.span_text(number.start, number.end)
        after = number.end
        is_share = after < end and words.text[after] == "%"  # "30.2%"
        if not is_share and after < end and words.lower[after] in _PERCENT_WORDS:
            sign_end = percent_sign_end(doc, after, end)
            if sign_end is not None:  # "68 percent", "3 per cent": a share, said in words
                after, is_share = sign_end - 1, True
        if is_share and _stated_after_count(doc, number.start, start) \
                and not _share_of_outcome(doc, number.start, after, sent_end, outcome_ends, settings) \
                and not _share_of_named_group(doc, number.start, after, end, groups, cues, mentions):
            listed = _listed_harm_share(doc, number.start, after, start, end, cues, settings)
            if listed is not None:
                # "The most common were hair colour changes (76%), rash (38%)": the share of
                # the group with each harm of the listing, in words no cue lists.
                mentions.append(Mention("percent", number.start, after + 1, value=0,
                                        size_text=number_text, percent=value, outcome=listed))
            continue  # "21 patients (20%)", "(2/124, 1.6%)", "(95% CI": said of a count already
        if is_share and number.start == start and start - 2 >= sent.start \
                and words.text[start - 1] == "," and fraction_parts(words.text[start - 2]):
            continue  # "Arm B 19/126, | 15.1%": the share of the fraction the clause before ends in
        if is_share and number.start > start \
                and words.text[number.start - 1] == "(" and any(
                    m.kind in {"count", "fraction", "bare", "loose"} and m.end < number.start
                    for m in mentions) \
                and _share_of_outcome(doc, number.start, after, sent_end, outcome_ends, settings):
            continue  # "Forty-two recipients responded (28.0%)": the share of that count
        if is_share and _restated_share(doc, number.start, start,
                                                                       mentions):
            continue  # "39 of the 96 patients (that's 40.6%)": that count's share, said again
        if is_share and _share_after_or(doc, number.start, value):
            continue  # "84 of the 212 patients on the drug, or 39.6 percent": said again
        if is_share and after + 1 < end and words.lower[after + 1] in _COMPARATIVES:
            continue  # "70 percent fewer women progressed": a relative change, no share
        if is_share and after + 1 < end and words.lower[after + 1] in settings.threshold_nouns:
            continue  # "had a 75% response", "a 50% reduction in seizures": a threshold, no share
        if is_share and after + 1 < end and (
                words.lower[after + 1] in settings.interval_words
                or words.lower[after + 1] == "confidence"):
            continue  # "96.6%; 95% CI, 94.4 to 98.1": the level of an interval
        if is_share and (after + 2 < sent_end and words.lower[after + 1] in settings.range_words
                         and words.num[after + 2] is not None
                         or number.start - 3 >= sent.start
                         and words.lower[number.start - 1] in settings.range_words
                         and words.text[number.start - 2] == "%"):
            continue  # "15% to 20% of patients": the bounds of a range, no count
        if is_share and _count_follows(doc, after + 1, end, settings):
            continue  # "45.2% (28/62)", "30% (12 of 40)": the count in brackets says it
        if is_share and after + 3 < end and words.text[after + 1] in {"(", "["} \
                and words.num[after + 2] is not None and after + 3 in patients:
            continue  # "the response rate was 30% (27 patients)": the count says it
        if is_share and (number.start > start
                         and words.lower[number.start - 1] in settings.threshold_words
                         or number.start - 1 > start and words.lower[number.start - 1] in {"a", "an"}
                         and words.lower[number.start - 2] in settings.threshold_words
                         or after + 2 < sent_end and words.lower[after + 1] == "or"
                         and words.lower[after + 2] in settings.threshold_tails):
            # "events occurring in at least 10% of patients", "an increase of 25% or more": a
            # threshold
            continue
        if is_share and number.start > start \
                and words.lower[number.start - 1] in settings.change_words \
                and not (after + 1 < end and words.lower[after + 1] in settings.reference_words) \
                and not (number.start - 2 >= start
                         and words.lower[number.start - 2] in settings.frame_verbs):
            continue  # "reduced the risk by 42%": a change (but "reported by 20.0%": a share)
        whole = _whole_after(doc, after + 1, end, number_at, settings) if is_share else None
        if whole is not None and value <= 100 and words.num[whole.start] == int(words.num[whole.start]) \
                and not (whole.end < end and words.text[whole.end] == "%"):
            # "in 11% of the 98 patients who started X": the share of a group of a size
            # given with it, a part of that group.
            size = int(words.num[whole.start])
            consumed.add(whole.start)
            noun = _noun_end(doc, whole.end, end, patients, settings)
            mentions.append(Mention("fraction", number.start, noun or whole.end,
                                    value=round(value * size / 100), whole=size,
                                    size_text=whole.text, percent=value))
            continue
        if is_share:
            # "reported in 74.2% of patients receiving LENVIMA", "in 3%, 17% and 14% of
            # patients", "response rate was 30.4% vs 38.0%": a share of a group. It becomes a
            # count only if an outcome goes with it (checked when linking).
            noun = _percent_of_patients(doc, after + 1, sent_end, patients, settings)
            mentions.append(Mention("percent", number.start, noun or after + 1, value=0,
                                    size_text=number_text, percent=value))
            continue
        if value != int(value):
            continue  # 12.5 of something is a measure, not a count of patients
        if interval_at and interval_at[0] < number.start \
                and _in_interval(doc, number.start, sent.start, settings):
            continue  # "(95% CI, 47.0-62.7)", "(range, 38-81)": bounds, not counts
        if after < end and (words.lower[after] in units or (
                words.lower[after] in settings.treatment_modifiers and after + 1 < end
                and words.lower[after + 1] in units)) \
                and not (after + 1 < end and words.lower[after] in settings.each_words
                         and words.lower[after + 1] in settings.arm_nouns):
            continue  # "12 mg", "a single oral dose", "two intravenous doses" (not "156 per arm")
        if after < end and words.lower[after] in settings.arm_nouns \
                and words.lower[after].endswith("s"):
            continue  # "in the three groups", "in the other two arms": groups, not patients
        if _threshold_value(doc, number.start, after, end, patients, events, settings):
            continue  # "no patient had a QTcF above 500 ms": a threshold of a measure
        if _events_per_patient(words, number.start, after, end, patients, cues, settings):
            continue  # "at least one relapse occurred in 46": a number of events each had
        if int(value) in YEARS and number.start > sent.start \
                and words.lower[number.start - 1] in settings.date_words \
                and _noun_end(doc, after, end, patients, settings) is None:
            continue  # "Between March 2021 and May 2022, 89 patients": a year
        if tallied is not None and number.start >= tallied:
            continue  # "The total number of hospitalisations was 469 in the A group": events
        if after in actors or after + 1 in actors and words.is_alpha[after]:
            continue  # "at 38 (headache) centres", "12 investigators": not patients
        listed = _count_after_outcome(doc, number.start, after, end, cues, settings)
        if listed is not None:
            # "best responses were complete response 3 (7.5%), partial response 11 (27.5%)":
            # a count with its share right after the outcome it counts
            mentions.append(Mention("count", number.start, number.end, value=int(value),
                                    size_text=number_text, outcome=listed))
            continue
        if _is_label_number(doc, number.start, sent.start, settings) and _whole_after(
                doc, after_percent(doc, after, end), end, number_at, settings) is None \
                and not _counted_in_arm(doc, number.start, after, end, arm_starts, settings) \
                and not _list_of_patients(doc, number.start, after, sent_end, sent_cues or cues,
                                          settings) \
                and not _count_after_opener(doc, number.start, after, sent, sent_cues or cues,
                                            settings):
            continue  # "grade 3 or 4", "stage II", "cohort 2" (but "group 1, 39 of 96" counts)
        if _in_range(doc, number.start, after, start, end, settings):
            continue  # "a performance status of 50 to 70": bounds, not counts
        if after + 1 < end and words.lower[after] == "in" and words.num[after + 1] is not None \
                and _events_in_whole(doc, after, end, number_at, cues, patients, settings,
                                     elliptical=clause.elliptical) is None:
            consumed.add(after + 1)
            continue  # "1 in 4 adults": a ratio (but "..., compared with 24 in 105 on Y")
        ratio = _ratio_after_noun(words, after, end, int(value), patients, settings)
        if ratio is not None:
            consumed.add(ratio)
            continue  # "one patient in ten", "about one child in five on X": a ratio
        every = _every_after(words, after, end)
        if every is not None:
            consumed.add(every)
            continue  # "two patients out of every three", "one in every five": a ratio
        qualifier = qualifiers.get(number.start)
        size_text = f"{qualifier.text.lower()} {number_text}" if qualifier else number_text
        begin = qualifier.start if qualifier else number.start

        n_equals = number.start - 2 >= start and words.text[number.start - 1] == "=" \
            and words.lower[number.start - 2] == "n"
        # ("randomly assigned to X (233) and Y (229)": the verb is the sentence's, before the
        # clause of the second arm)
        bracketed = _bracketed_size(doc, number.start, after, start, end, groups,
                                    sent_cues or cues, patients, settings)
        if (n_equals or is_group_size(number_text)) and mentions \
                and mentions[-1].kind == "percent" and mentions[-1].percent is not None \
                and mentions[-1].end == number.start - (3 if n_equals else 1):
            share = mentions[-1].percent
            part = round(share * value / 100)
            if value > 0 and abs(100 * part / value - share) < 0.05:
                # "the rates were 55.0% (n = 40)": the share of a group of n (55% of 40 is
                # 22 exactly), a part of it.
                mentions[-1] = Mention("fraction", mentions[-1].start, after, value=part,
                                       whole=int(value), size_text=number_text, percent=share)
            continue  # "28.0% of sertraline patients (n = 42)": the count of that share
        if n_equals and mentions and mentions[-1].kind == "percent" \
                and _sized_after_share(doc, mentions[-1], number.start - 3, int(value), settings):
            # "in 14.6% of the participants still on the drug at month 7 (N = 137 for X)": the
            # share of the group whose size the brackets after it give.
            share = mentions[-1].percent or 0.0
            mentions[-1] = Mention("fraction", mentions[-1].start, after,
                                   value=round(share * value / 100), whole=int(value),
                                   size_text=number_text, percent=share)
            continue
        if (n_equals or is_group_size(number_text)) and mentions \
                and mentions[-1].kind == "percent" and mentions[-1].percent is not None and value > 0 \
                and _names_group_between(doc, mentions[-1].end, number.start - (3 if n_equals else 1),
                                         groups, cues, settings):
            # "mortality was 30.2% with hydrocortisone (n = 205)": the share of the group of
            # N named between them.
            share = mentions[-1].percent
            mentions[-1] = Mention("fraction", mentions[-1].start, after,
                                   value=round(share * value / 100), whole=int(value),
                                   size_text=number_text, percent=share)
            continue
        named_after = not n_equals and bracketed is None \
            and _listed_with_name(words, number.start, after, sent.start, end, groups)
        if n_equals or bracketed is not None or is_group_size(number_text) or named_after:
            # "Pola-R-CHP (n = 152)", "niraparib (264 patients)": a group of N, with the drug
            # named just before it.
            paren = number.start - (3 if n_equals else 1)
            # "the most common were neutropenia (n = 41)": a count of that outcome (a lower-case
            # n counts part of a sample; "Adverse events (N = 62)" gives the sample's size).
            lower_n = words.text[number.start - 2] == "n" if n_equals else (
                bracketed is not None or number.text[:1] == "n")
            # (but "patients without diabetes (n = 187 in the A group)": a group and its size)
            named = next((c for c in longest_cues(cues, "OUTCOME") if c.end == paren
                          and not picks_group(doc, c.start, settings)), None) \
                if lower_n else None
            if named is None and n_equals and lower_n and words.text[paren] == "(":
                # "the most frequent harms were nausea (n = 31), sexual dysfunction (n = 19)":
                # an item of a listing of harms, in words no cue lists.
                listed = listed_outcome(doc, paren + 1, start, cues, settings)
                named = listed if listed is not None and listed.id == "adverse_event" else None
            if named is not None:
                mentions.append(Mention("count", number.start, number.end, value=int(value),
                                        size_text=number_text, outcome=named))
                continue
            segment_start = max([start] + [m.end for m in mentions if m.drug is not None
                                           or m.kind == "count"])
            before = [g for g in groups if segment_start <= g[2] and g[3] <= paren]
            local = (before[-1][0], before[-1][1]) if before else None
            span_of = (before[-1][2], before[-1][3]) if before else None
            if local is None:
                local = _control_named(doc, segment_start, paren, settings) or next(
                    (("placebo", c.text) for c in reversed(cues) if c.label == "STATUS"
                     and c.id == "not_received" and segment_start <= c.start and c.end == paren),
                    None)  # "or observation (n = 202)": the control arm, named by what it had
            arm = next((c.text for c in reversed(cues) if c.label == "ARM"
                        and segment_start <= c.start and c.end <= paren), None)
            setting = next((c.id for c in cues if c.label == "SETTING"
                            and segment_start <= c.start and c.end <= paren), None)
            named_end = number.end if bracketed is None else bracketed
            direct = (n_equals or named_after) and _named_right_after(doc, after, end, groups)
            if after < end and (words.lower[after] in settings.size_for_words or direct):
                # "n = 40 for selpercatinib, n = 41 for placebo", "(n = 45 vorasidenib; n =
                # 41 placebo)": the group named after it.
                j = after + (0 if direct else 1)
                while j < end and words.lower[j] in settings.determiners:
                    j += 1
                following = next((g for g in groups if g[2] == j and g[3] <= end), None)
                label = next((c for c in cues if c.label == "ARM" and c.start == j), None)
                if following is not None:
                    local, span_of = (following[0], following[1]), (following[2], following[3])
                    named_end = following[3]
                elif label is not None:
                    arm, named_end = label.text, label.end
            mentions.append(Mention("count", number.start, named_end, value=int(value),
                                    size_text=number_text, drug=local, drug_span=span_of,
                                    arm=arm, setting=setting))
            continue
        if after + 1 < end and words.lower[after] in settings.reference_words \
                and words.lower[after + 1] in settings.group_pronouns \
                and not (after + 2 < end and words.num[after + 2] is not None):
            # (but "two of these nine" names the whole: a fraction, below)
            # "Ninety-eight of them received ...": a part of the group just named; but "94
            # of those taking placebo" names its group by what it received.
            named = treatment_end(doc, after + 2, end, settings) \
                or _relative_treatment_end(words, after + 2, end, settings)
            mentions.append(Mention("part" if named is None else "named", begin,
                                    named or after + 2, value=int(value), size_text=size_text))
            continue
        percent = stated_percent(doc, after, end, number_at)
        whole = _whole_after(doc, after_percent(doc, after, end), end, number_at, settings)
        shared = _list_whole(doc, after, sent_end, settings) if whole is None and after < sent_end \
            and (words.lower[after] in settings.list_separators or words.text[after] == "(") else None
        if shared is not None and value <= shared and (
                percent is None or gives_share(int(value), shared, percent)):
            # "in 233 (82.9%) and 190 (67.6%) of the 281 patients": every count of the list
            # is of the whole after it.
            mentions.append(Mention("fraction", begin, after_percent(doc, after, end),
                                    value=int(value), whole=shared, size_text=size_text,
                                    percent=percent))
            continue
        counted = _events_in_whole(doc, after, end, number_at, cues, patients, settings,
                                   elliptical=clause.elliptical) \
            if whole is None and percent is None else None
        if counted is not None:
            # "We saw 11 relapses in 107 children on X", "Eleven responses among 24 children":
            # a count of events in a group sized right after them, a part of that group.
            event, whole = counted
            consumed.add(whole.start)
            noun = _noun_end(doc, whole.end, end, patients, settings)
            mentions.append(Mention("fraction", begin, noun or whole.end, value=int(value),
                                    whole=int(words.num[whole.start]), size_text=size_text,
                                    outcome=event))
            continue
        if whole is not None:  # "four of the five (patients)", "20 (54%) of 37"
            consumed.add(whole.start)
            if _design_arms(words, whole.end, end, patients, settings):
                continue  # "assigned to one of three arms": arms of the design, no patients
            noun = _noun_end(doc, whole.end, end, patients, settings)
            parts = int(words.num[whole.start])
            share = percent or (stated_percent(doc, _group_end(doc, noun, end, cues, settings), end,
                                               number_at) if noun is not None and parts <= 10 else None)
            if share is not None and parts <= 10 and abs(100 * value / parts - share) > (
                    0.5 if share == int(share) else 0.05):
                # "Three out of four patients in the X group (75.8%)": a paraphrase of the
                # share stated with it, of a group of unstated size.
                mentions.append(Mention("percent", begin, noun or whole.end, value=0,
                                        size_text=size_text, percent=share))
                continue
            if begin >= 2 and words.lower[begin - 2] == "all" and words.lower[begin - 1] == "but" \
                    and value <= parts:
                value = parts - value  # "all but nine of the 64": the 55 the rest leaves out
            mentions.append(Mention("fraction", begin, noun or whole.end, value=int(value),
                                    whole=int(words.num[whole.start]), size_text=size_text,
                                    percent=percent or stated_percent(doc, noun or whole.end,
                                                                       end, number_at)))
            continue
        if (labelled_arms >= 2 or arm_count >= 2 or options_count >= 2) \
                and (_per_arm(doc, after, end, settings) or _per_arm_before(doc, begin, sent.start,
                                                                            settings)
                     or value == 0 and other_arms(doc, after, end, settings)):
            # "62 were assigned to each arm", "50 patients per group": one cohort per arm
            # (or per option compared: "randomized to A or B (120 per group)").
            # The predicate of "2 patients in each group died" starts after the noun.
            noun = _noun_end(doc, after_percent(doc, after, end), end, patients, settings)
            mentions.append(Mention("each", begin, noun or after, value=int(value),
                                    size_text=size_text))
            continue
        # ("9 (9%) patients": the noun may follow the count's share)
        noun = _noun_end(doc, after_percent(doc, after, end), end, patients, settings)
        framed = _frame_end(doc, begin, after, start, end, cues, settings) if noun is None else None
        if framed is not None:
            # "Of the 27 who responded, 11 relapsed", "Among the 14 complete responders, three
            # relapsed": the group the opening phrase names, with no patient noun, frames the
            # count after it.
            mentions.append(Mention("reference", begin, framed, value=int(value),
                                    size_text=size_text))
            continue
        if noun is None and int(value) not in YEARS:
            noun = _framed_noun_end(words, begin, after, start, end, sent.start, settings)
        if noun is None and _group_named_by_size(doc, begin, after, start, end, qualifier,
                                                 settings):
            # "In the group of 12 without a fusion, ...", "The other 94, who stayed on the
            # drug, had ...": a group already named, or named by its size alone.
            mentions.append(Mention("reference", begin, after, value=int(value),
                                    size_text=size_text))
            continue
        if noun is None and number.start > start and _names_a_score(words.text[number.start - 1]):
            continue  # "a PASI 90 response", "ACR 20": the number names a score's threshold
        if noun is None and (after < sent_end and words.lower[after] in settings.list_separators
                             or number.start > sent.start
                             and words.lower[number.start - 1] in settings.list_separators) \
                and _respectively_list(doc, number.start, after, sent, settings):
            # "1,998 and 996, respectively, received an injection": one group per arm, the
            # noun understood.
            mentions.append(Mention("count", begin, after, value=int(value),
                                    size_text=size_text, percent=percent))
            continue
        if noun is None and words.text[begin - 1] in {"(", ",", "and"} \
                and words.lower[sent.start] not in settings.reference_words \
                and _in_bare_brackets(words, begin, sent.start, settings) \
                and begin in breakdown_counts(words, sent.start, sent_end, settings):
            # "the 190 who received at least one dose (94 and 96)": a part of each arm (but
            # "Of the 481 who ... (241 and 240), ...": the sizes of a frame, read as such)
            mentions.append(Mention("count", begin, after, value=int(value), size_text=size_text))
            continue
        if noun is None and _in_count_list(doc, after, sent_end, settings):
            # "in 29, 17 and 16 patients": every number of the list counts patients. The
            # noun may end a later clause only when the list has one number per known arm
            # (with or without "respectively"): other lists gave more wrong rows than right
            # ones on the dev corpus.
            list_end = _list_end(doc, after, sent_end, settings)
            first = _list_start(words, number.start, sent.start, settings)
            across = (arm_count >= 2 and _list_length(doc, first, list_end) == arm_count)
            nouns = {c.start for c in (sent_cues or cues) if c.label == "PATIENT"} \
                if across else patients
            listed = _noun_end(doc, list_end, sent_end, nouns, settings)
            if listed is not None:
                # "... and 37, 26 and 28 patients had died in Arms A, B and C": every number
                # of a list with one per arm is of the predicate after the list's noun.
                named = predicate_outcome(doc, listed, sent_end, sent_cues or cues, settings) \
                    if across and listed > end else None
                mentions.append(Mention("count", begin, after, value=int(value),
                                        size_text=size_text, percent=percent, outcome=named))
                continue
            if across and _event_follows(doc, list_end, sent_end, sent_cues or cues, settings) \
                    and not (number.start > start and words.lower[number.start - 1].rstrip("s")
                             in settings.not_count_after):  # "in Cohorts 1 and 2, 31 had"
                # "71 and 40 had a response, respectively": one count per arm, its noun
                # understood, the verb after the list.
                mentions.append(Mention("bare", begin, after, value=int(value),
                                        size_text=size_text, percent=percent))
                continue
        if noun is not None:
            kind = "reference" if _after_reference_word(doc, begin, start, settings) else "count"
            share = percent or stated_percent(doc, noun, end, number_at) or (
                stated_percent(doc, _group_end(doc, noun, end, cues, settings), end, number_at)
                if noun < end and words.lower[noun] in settings.size_for_words else None)
            mentions.append(Mention(kind, begin, noun, value=int(value), size_text=size_text,
                                    percent=share))
        elif _assigned_after(doc, after, end, study_verbs, drug_starts, arm_starts | controls,
                             settings):
            # "106 were assigned to placebo", "121 to TCH": the patient noun is understood.
            mentions.append(Mention("count", begin, after, value=int(value), size_text=size_text))
        elif clause.elliptical and (after in drug_starts or after in controls) \
                and _gapped_receipt(sent_cues or cues, begin, sent.start):
            # "121 received X 10 mg, 122 X 20 mg and 120 placebo": the verb is understood.
            mentions.append(Mention("count", begin, after, value=int(value), size_text=size_text))
        elif _given_after(doc, after, end, given, drug_starts, settings) or (
                number.start in object_at and after < end
                and (words.lower[after] in settings.relative_pronouns
                     or words.lower[after] == "whose"
                     # "and LATITUDE-2 randomised 708 (X, n = 472; placebo, n = 236)": the
                     # sizes in brackets say it counts people
                     or words.text[after] == "(" and _names_group_size(words, after + 1, end))
                or number.start in object_at and int(value) not in YEARS
                and (after >= end or words.text[after] in _OBJECT_ENDS)):
            # "so 120 took X and 60 took Y", "120 were given X": the group that received it;
            # "We screened 352 patients and randomised 291, two to one": the object alone;
            # "the trial enrolled 262 whose tumours qualified": the group enrolled (but "took 4
            # minutes": only a relative clause after the count says it counts people).
            mentions.append(Mention("count", begin, after, value=int(value), size_text=size_text))
        elif after < end and words.lower[after] in _MODIFIER_LINKS \
                and _study_verb_after(words, after, end, study_verbs, settings) and int(value) not in YEARS:
            # "and 1,046 with triglyceride levels of 880 mg or higher were randomly assigned":
            # the group a study verb after its modifier counts, the noun understood
            mentions.append(Mention("count", begin, after, value=int(value), size_text=size_text))
        elif begin > start and words.lower[begin - 1] in settings.remainder_words \
                and int(value) not in YEARS:
            # "..., leaving 404 in the per-protocol population": the rest of the group, a group
            mentions.append(Mention("count", begin, after, value=int(value), size_text=size_text))
        elif after == end and size_text.split()[0] in settings.complement_words \
                and int(value) not in YEARS:
            # "; the remaining 97 and all 50 placebo recipients formed ...": the rest of the
            # group, its verb after the list
            mentions.append(Mention("bare", begin, after, value=int(value), size_text=size_text,
                                    percent=percent))
        elif after < end and (after in events or after in stops or (
                after + 1 in stops and words.lower[after] in settings.auxiliaries) or (
                anaphora and words.is_alpha[after] and words.is_lower[after])):
            # "only one experienced ...", "Of those 118, 112 completed the treatment"
            mentions.append(Mention("bare", begin, after, value=int(value), size_text=size_text,
                                    percent=percent))
        elif (clause.elliptical or headed or percent is not None
              or _after_frame(doc, begin, start, outcome_ends, settings)
              or _after_there(doc, begin, start, settings)
              or _group_after(doc, after, end, groups, cues)
              or begin > sent.start and words.text[begin - 1] == ":"
              and names_study_part(doc, after, end, cues, settings)
              or listed_reason(doc, begin, settings) is not None) and int(value) not in YEARS:
            # "and in 14 (13%)"; "Major bleeding: 2 (1.7%) vs 5 (4.2%)"; "12 (30%)" counts
            # patients wherever it stands. It becomes an event only with an outcome.
            named = None
            if percent is not None and not clause.elliptical and not headed \
                    and begin > start and words.text[begin - 1] in {"(", "["}:
                # "Remission was more frequent with X than with Y (42 [28.0%] vs 26
                # [17.3%])": counts in brackets after a statement count what it names.
                named = next(iter(longest_cues([c for c in cues if c.end <= begin], "OUTCOME")), None)
            mentions.append(Mention("loose", begin, after, value=int(value), size_text=size_text,
                                    percent=percent, outcome=named))
    return sorted(mentions, key=lambda m: m.start)


#: Words that start a percent sign spelt out ("percent", "per cent").
_PERCENT_WORDS = frozenset({"percent", "per"})

#: Words after a percentage that make it a relative change ("40% fewer relapses").
_COMPARATIVES = frozenset({"fewer", "more", "less", "lower", "higher", "greater"})


def _coordinated(doc: Doc, i: int, start: int) -> bool:
    """'... in 12 patients in the X group and in no patient in the placebo group': a phrase
    joined to the one before it, which shares its verb."""
    words = words_of(doc)
    return i - 2 >= start and words.lower[i - 1] in {"in", "among", "for", "with"} \
        and words.lower[i - 2] in {"and", "but", "vs", "versus", "than", ","}


def _no_group_named(doc: Doc, i: int, end: int, groups: list[tuple[str, str, int, int]],
                    cues: list[Cue]) -> bool:
    """Do the words from a zero at ``i`` to the clause end name no group, drug or arm ('No
    participant died')? corpora/README: such a trial-wide zero gives no row."""
    return not any(i < g[2] < end for g in groups) and not any(
        i < c.start < end and c.label in _GROUP_LABELS for c in cues)


#: Cues that name the group a zero is said of ("in the placebo group", "receiving placebo").
_GROUP_LABELS = frozenset({"ARM", "ARM_NAME", "STATUS", "SETTING"})


def _event_breakdowns(doc: Doc, sent_start: int, sent_end: int,
                      cues: list[Cue]) -> list[tuple[int, int]]:
    """The brackets right after a count of events that break it down by kind ('Three
    treatment-related deaths (one sepsis, two pneumonitis)'): (open, close) pairs."""
    words = words_of(doc)
    found = []
    for c in cues:
        if c.label in {"ARM", "ARM_NAME"} and c.end < sent_end and words.text[c.end] == "(" \
                and any(o.label == "OUTCOME" and sent_start <= o.start < c.start for o in cues):
            # "Fatal events occurred in three in the X group (two sepsis, one stroke) and two
            # in the Y group": the kinds of the count of the group named before them
            pass
        elif c.label != "OUTCOME" or c.end >= sent_end or words.text[c.end] != "(" \
                or c.start <= sent_start or words.num[c.start - 1] is None:
            continue
        close = next((k for k in range(c.end + 1, min(sent_end, c.end + _BREAKDOWN_WORDS))
                      if words.text[k] in {")", "("}), None)
        if close is not None and words.text[close] == ")" \
                and words.num[c.end + 1] is not None and words.is_alpha[c.end + 2] \
                and words.lower[c.end + 2] not in _GROUP_PREPOSITIONS \
                and not any(p.label == "PATIENT" and p.start == c.end + 2 for p in cues):
            found.append((c.end, close))  # (but "Two deaths (one in each group)": per group)
    return found


#: At most this many words in the brackets that break a count of events down by kind.
_BREAKDOWN_WORDS = 16
_GROUP_PREPOSITIONS = frozenset({"in", "with", "among", "on", "for", "of", "vs", "versus", "and"})


def _group_end(doc: Doc, i: int, end: int, cues: list[Cue], settings: LinkSettings) -> int:
    """Index after 'in the X group', 'in Group 1', 'receiving X' at ``i``, else ``i``:
    '32 patients in the X group (5.5%)' gives the share after the group."""
    words = words_of(doc)
    names = {c.start: c.end for c in cues if c.label in {"ARM", "ARM_NAME"}}
    j = i
    while j < end and j - i < 8:
        if j in names:
            j = names[j]
        elif words.lower[j] in settings.size_for_words or words.lower[j] in settings.determiners \
                or words.lower[j] in settings.arm_nouns or words.ent_type[j] in {"DRUG", "DRUG_CLASS"} \
                or words.lower[j] in settings.treatment_words:
            j += 1
        else:
            break
    return j if j > i and j < end and words.text[j] in {"(", "["} else i


def in_size_brackets(doc: Doc, start: int, cues: list[Cue] | None,
                     settings: LinkSettings) -> bool:
    """'Among those with anxiety (48 in cohort A and 50 in cohort B), 24 and 27 responded':
    counts in brackets that hold only groups and their sizes say how large the groups are."""
    words = words_of(doc)
    sent = doc[start].sent
    if start - 1 < sent.start or not any(words.text[k] in {"(", "["}
                                          for k in range(max(sent.start, start - 24), start)):
        return False
    opening = next((k for k in range(start - 1, max(sent.start, start - 24) - 1, -1)
                    if words.text[k] in {"(", "[", ")", "]"}), None)
    if opening is None or words.text[opening] not in {"(", "["} or opening == sent.start \
            or not words.is_alpha[opening - 1] \
            or any(words.num[k] is not None and (k + 1 == opening or k + 2 == opening
                                                 and words.lower[k + 1] not in settings.measure_labels)
                   for k in range(max(sent.start, opening - 2), opening)):
        # "39 patients (27 in the A group and 12 in the B group)": a breakdown (but "aged
        # 18 to 25 years (N = 41; ...)" names no count before the brackets)
        return False
    closing = next((k for k in range(start, min(sent.end, start + 24)) if words.text[k] in {")", "]"}), None)
    if closing is None:
        return False
    cue_list = cues or []  # the sentence's cues
    # ("Six were found ineligible, leaving 404 (203 X, 201 Y)": the rest names no event)
    rest = next((k for k in range(opening - 1, sent.start - 1, -1)
                 if words.lower[k] in settings.remainder_words), sent.start)
    if any(c.label in {"OUTCOME", "EVENT_VERB"} and rest <= c.start < opening for c in cue_list):
        return False  # "Rash (12 in group A and 9 in group B)": counts of the event named
    named = {i for c in cue_list if opening < c.start < closing
             and c.label in {"ARM", "ARM_NAME", "PATIENT", "STATUS"} for i in range(c.start, c.end)}
    linking = settings.determiners | settings.size_for_words | settings.list_separators \
        | settings.arm_nouns | {";", "=", "n", "each"}
    counts, unnamed = 0, 3
    for k in range(opening + 1, closing):
        if words.num[k] is not None:
            counts += 1
        elif words.lower[k] in settings.size_for_words:
            unnamed = 0  # "N = 21 for PP3M": a few words after it name the group
        elif not (k in named or words.ent_type[k] in {"DRUG", "DRUG_CLASS"}
                  or words.lower[k] in linking):
            unnamed += 1
            if unnamed > 2:
                return False
    return counts >= 2


def _names_group_between(doc: Doc, i: int, paren: int, groups: list[tuple[str, str, int, int]],
                         cues: list[Cue], settings: LinkSettings) -> bool:
    """'30.2% | with hydrocortisone | (n = 205)', '12% | in the placebo group | (n = 98)':
    only a group named by its treatment or label between a share and a size in brackets."""
    words = words_of(doc)
    if paren <= i or words.text[paren] not in {"(", "["} or words.lower[i] not in settings.size_for_words:
        return False
    i += 1
    while i < paren and words.lower[i] in settings.determiners:
        i += 1
    named = next((g[3] for g in groups if g[2] == i), None) \
        or next((c.end for c in cues if c.label == "ARM" and c.start == i), None)
    if named is None:
        return False
    while named < paren and words.lower[named] in settings.arm_nouns:
        named += 1
    return named == paren


def _sized_after_share(doc: Doc, share: Mention, paren: int, size: int,
                       settings: LinkSettings) -> bool:
    """'14.6% of the participants still taking the drug at month 7 (N = 137 for X)', '22.2% of
    those taking placebo (n = 126)': a share of a group ('of' and its noun), the words that
    pick the group, then its size in brackets; the share fits that size as written."""
    words = words_of(doc)
    if share.percent is None or size <= 0 or words.text[paren] not in {"(", "["} \
            or paren - share.end > 2 * settings.noun_window or share.end > paren \
            or words.lower[share.start + 2] != "of":
        return False
    if any(words.is_punct[k] and words.text[k] != "-" or words.text[k] == "%"
           or words.lower[k] in settings.versus_words for k in range(share.end, paren)):
        return False  # another clause, another share, or a comparison between them
    part = round(share.percent * size / 100)
    exact = 0.5 if share.percent == int(share.percent) else 0.05
    return abs(100 * part / size - share.percent) <= exact + 1e-9


def _group_after(doc: Doc, i: int, end: int, groups: list[tuple[str, str, int, int]],
                 cues: list[Cue]) -> bool:
    """'(9 with baloxavir vs 14 with placebo)', '12 on placebo': a bare number followed by
    the treatment of its group counts patients of that group."""
    words = words_of(doc)
    if i + 1 >= end or words.lower[i] not in _GROUP_LINKS:
        return False
    j = i + 1 + (words.lower[i + 1] in {"the", "a", "an"})
    return any(g[2] == j for g in groups) or any(
        c.start == j and c.label == "STATUS" and c.id == "not_received" for c in cues)


def names_study_part(doc: Doc, i: int, end: int, cues: list[Cue], settings: LinkSettings) -> bool:
    """'30 in dose escalation', '19 in cohort B2', '40 in the lung cancer expansion cohort',
    '4 at 2 mg/kg': after a count at ``i``, the part of a study (an arm, a cohort, a phase of
    dosing) or the dose level its group is in."""
    words = words_of(doc)
    if i + 2 >= end:
        return False
    if words.lower[i] == "at":
        return words.num[i + 1] is not None and words.lower[i + 2] in settings.dose_units
    if words.lower[i] != "in":
        return False
    j = i + 1
    while j < end and words.lower[j] in settings.determiners:
        j += 1
    stop = next((k for k in range(j, min(end, j + 6)) if words.is_punct[k]
                 or words.lower[k] in settings.list_separators), min(end, j + 6))
    return any(words.lower[k] in settings.arm_nouns or words.lower[k] in settings.study_parts
               for k in range(j, stop)) or any(c.label in {"ARM", "ARM_NAME"}
                                               and j <= c.start < stop for c in cues)


#: Words between a bare count and the treatment of its group ("9 with baloxavir").
_GROUP_LINKS = frozenset({"with", "on", "receiving", "given", "taking"})


def _named_right_after(doc: Doc, i: int, end: int, groups: list[tuple[str, str, int, int]]) -> bool:
    """'(n = 45 vorasidenib; n = 41 placebo)': a size whose group's name follows it and
    closes its item of the list."""
    group = next((g for g in groups if g[2] == i), None)
    return group is not None and (group[3] >= end or doc[group[3]].text in {";", ",", ")", "]"})


def _study_verb_after(words: Words, i: int, end: int, study_verbs: set[int],
                      settings: LinkSettings) -> bool:
    """Is there a study verb ('were randomly assigned', 'were enrolled') after ``i`` in the
    clause, with no other count before it?"""
    for k in range(i, end):
        if k in study_verbs:
            return True
        if words.num[k] is not None and k + 1 < end and words.lower[k + 1] not in settings.measure_units:
            return False  # ("... of 880 mg ... were assigned": a measure, no other count)
    return False


#: Words after a count that begin a modifier of its understood noun ("1,046 with ...").
_MODIFIER_LINKS = frozenset({"with", "whose"})


def _names_group_size(words: Words, k: int, end: int) -> bool:
    """Do the brackets opening before ``k`` give sizes of groups ('(X, n = 472; ...)',
    '(n = 350 and 358)')?"""
    return any(words.lower[j] == "n" and words.text[j + 1] == "=" for j in range(k, min(end - 1, k + 6)))


def _listed_with_name(words: Words, i: int, after: int, sent_start: int, end: int,
                      groups: list[tuple[str, str, int, int]]) -> bool:
    """'leaving 404 in the analysis (203 dexamethasone, 201 placebo)', '(77 with X and 73
    with placebo)' without the 'with': a count in brackets followed at once by the name of
    its group's treatment, which closes the item of the list."""
    if after >= end or not any(g[2] == after for g in groups) \
            or not _named_right_after(words.doc, after, end, groups) \
            and not any(g[2] == after and g[3] < end and words.lower[g[3]] in _ITEM_ENDS
                        for g in groups):
        return False
    depth = 0
    for k in range(i - 1, max(sent_start, i - _BRACKET_REACH) - 1, -1):
        if words.text[k] in {")", "]"}:
            depth += 1
        elif words.text[k] in {"(", "["}:
            if depth == 0:
                return True
            depth -= 1
    return False


_ITEM_ENDS = frozenset({"and", "vs", "versus", "or"})


def _relative_treatment_end(words: Words, i: int, end: int, settings: LinkSettings) -> int | None:
    """End of 'who received topotecan', 'who were given placebo', 'that took X': a group named
    by what it received, in a relative clause ('39 of those who received topotecan'), or None."""
    if i >= end or words.lower[i] not in settings.relative_pronouns:
        return None
    j = i + 1
    while j < end and words.lower[j] in settings.frame_auxiliaries:
        j += 1  # "who were given", "who had been given", "who have received"
    if j >= end or not (words.lower[j] in _RECEIVING_VERBS or words.lower[j] in settings.treatment_words
                        or words.lower[j] in settings.assignment_participles):
        return None
    j += 1
    while j < end and (words.lower[j] in settings.determiners or words.lower[j] in {"to", "with"}
                       or words.lower[j] in settings.treatment_modifiers):
        j += 1  # "who were assigned to the", "who were treated with oral"
    return drugs_end(words, j, end, settings)


#: Finite verbs by which a relative clause says what its group received ('who took X').
_RECEIVING_VERBS = frozenset({"received", "took", "got", "given", "started", "continued"})


def _in_bare_brackets(words: Words, i: int, sent_start: int, settings: LinkSettings) -> bool:
    """Do only counts and separators stand between the number at ``i`` and an opening bracket
    before it ("(94 and 96)")? A cheap look before breakdown_counts reads the sentence."""
    k = i - 1
    while k > sent_start and (words.num[k] is not None or words.lower[k] in settings.list_separators):
        k -= 1
    return words.text[k] == "("


def breakdown_counts(words: Words, sent_start: int, sent_end: int,
                     settings: LinkSettings) -> list[int]:
    """'the 190 who received at least one dose (94 and 96)', 'the 364 patients (242 and
    122)': bare counts in brackets that add up to a group named before them in the
    sentence, its breakdown by arm in the arms' order. Where they start, or []."""
    found: list[int] = []
    k = sent_start
    while k < sent_end:
        if words.text[k] != "(":
            k += 1
            continue
        items, j = [], k + 1
        while j < sent_end and (words.num[j] is not None or words.lower[j] in settings.list_separators
                                or words.lower[j] in settings.respectively_words):
            if words.num[j] is not None and (j == k + 1 or words.num[j - 1] is None):
                items.append(j)
            j += 1
        if len(items) >= 2 and j < sent_end and words.text[j] == ")":
            values = [words.num[i] for i in items]
            whole = sum(v for v in values if v is not None)
            if all(v is not None and v == int(v) for v in values) and any(
                    words.num[i] == whole and (i + 1 >= sent_end or words.text[i + 1] != "%")
                    for i in range(max(sent_start, k - _BRACKET_REACH), k)):
                found += items
        k = j
    return found

_BRACKET_REACH = 24  # words back to the bracket a list of sizes opens with


def _tally_end(doc: Doc, sent: Span, cues: list[Cue], settings: LinkSettings) -> int | None:
    """'The (total) number of hospitalisations, including recurrent ones, was': where the
    verb of a sentence that tallies events (not patients, no outcome named) ends, or None."""
    words = words_of(doc)
    if not any(words.lower[k] in settings.tally_words
               for k in range(sent.start, min(sent.end, sent.start + 4))):
        return None  # "The (total) number of ..." opens the sentence
    i = sent.start
    while i < sent.end and (words.lower[i] in settings.determiners
                            or words.lower[i] in settings.total_words):  # "The total number"
        i += 1
    if not (i + 1 < sent.end and words.lower[i] in settings.tally_words and words.lower[i + 1] == "of"):
        return None
    verb = next((t.i for t in doc[i + 2:sent.end] if t.lower_ in settings.auxiliaries), None)
    if verb is None or any(c.label in {"OUTCOME", "PATIENT"} and i < c.start < verb for c in cues):
        return None
    return verb + 1


def _part_of_whom(doc: Doc, start: int, end: int, sent_start: int, word: str,
                  settings: LinkSettings,
                  groups: list[tuple[str, str, int, int]] = ()) -> list[Mention]:  # type: ignore[assignment]
    """'The study enrolled 312 adults, half of whom received X': that share of the group
    counted just before, a group of its own (and '... and half a placebo': the rest, another)."""
    words = words_of(doc)
    found = []
    for i in range(start, end - 2):
        if words.lower[i] != word or words.lower[i + 1] != "of" \
                or words.lower[i + 2] not in settings.group_pronouns \
                or i == 0 or words.text[i - 1] not in {",", ";"} \
                or any(words.num[k] is not None for k in range(i + 3, min(end, i + 6))):
            continue  # (not "half of them, 178 patients, received": the count says it)
        at = next((k for k in range(i - 1, max(sent_start, i - 8) - 1, -1)
                   if words.num[k] is not None), None)
        whole = None if at is None or at > sent_start \
            and words.lower[at - 1] in settings.not_count_after else words.num[at]
        if whole is not None and whole == int(whole) and whole >= 2:
            value = round(whole * settings.part_words[word])
            found.append(Mention("count", i, i + 3, value=value, size_text=str(value)))
            found += _rest_named(words, i + 3, end, int(whole) - value, word, settings, groups,
                                 found)
    return found


def _rest_named(words: Words, i: int, end: int, rest: int, word: str, settings: LinkSettings,
                groups: list[tuple[str, str, int, int]], found: list[Mention]) -> list[Mention]:
    """'half of whom received X and half a placebo', '..., while the other half received Y':
    the rest of the group, named by the treatment after it; the part before it then is of
    the treatment named in between."""
    for k in range(i, end):
        if words.num[k] is not None or words.text[k] in {";", "."}:
            return []
        if words.lower[k] in {word, "rest", "remainder"} \
                and words.lower[k - 1] in {"and", "other", "while", ",", "the"}:
            after = next((g for g in groups if g[2] > k), None)
            before = next((g for g in groups if i <= g[2] and g[3] <= k), None)
            if after is None or before is None:
                return []
            found[-1] = replace(found[-1], drug=(before[0], before[1]),
                                drug_span=(before[2], before[3]))
            return [Mention("count", k, k + 1, value=rest, size_text=str(rest),
                            drug=(after[0], after[1]), drug_span=(after[2], after[3]))]
    return []


def _restated_share(doc: Doc, i: int, start: int, mentions: list[Mention]) -> bool:
    """Is the share at ``i`` in brackets that open right after a count, with a few words
    before it ('(that's 40.6%)', '(i.e. 40.6%)')?"""
    words = words_of(doc)
    for j in range(i - 1, max(start, i - 4) - 1, -1):
        if words.text[j] == "(":
            return j < i - 1 and any(m.kind in {"count", "fraction"} and m.end == j
                                     for m in mentions)
        if words.num[j] is not None or words.text[j] in {")", ";"}:
            return False
    return False


def _count_after_outcome(doc: Doc, i: int, after: int, end: int, cues: list[Cue],
                         settings: LinkSettings) -> Cue | None:
    """The outcome that ends right before the number at ``i`` when its share follows it in
    brackets ('partial response 11 (27.5%)', 'neutropenia 12 (30%)'), or None."""
    if i == 0 or after_percent(doc, after, end) == after:
        return None
    return next((c for c in longest_cues(cues, "OUTCOME") if c.end == i
                 and not picks_group(doc, c.start, settings)), None)


def _share_after_or(doc: Doc, i: int, value: float) -> bool:
    """Is the share at ``i`` an apposition ', or 39.6%' a few words after a count, with no
    number between ('113 patients in the X group, or 76.9%'), and, after a fraction, that
    fraction's share ('84 of the 212, or 39.6 percent')? (The count may end the clause
    before: ', or' may open a clause of its own.)"""
    words = words_of(doc)
    if i < 3 or words.lower[i - 1] != "or" or words.text[i - 2] != ",":
        return False
    k = next((k for k in range(i - 3, max(-1, i - 3 - _APPOSITION_WORDS), -1)
              if words.num[k] is not None or words.sent_start[k]), None)
    if k is None or words.num[k] is None or words.text[k + 1] == "%" \
            or words.lower[k + 1] in _PERCENT_WORDS:
        return False  # (no count, or a share: "45% ..., or 60% in ...")
    j = k - 1
    while j > 0 and words.lower[j] in {"the", "those"}:
        j -= 1
    if j > 0 and words.lower[j] == "of" and words.num[j - 1] is not None and words.num[k]:
        return abs(100 * words.num[j - 1] / words.num[k] - value) < 1  # "84 of the 212"
    return True


#: At most this many words between a count and a share that restates it after ', or'.
_APPOSITION_WORDS = 8


def _after_there(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """'There were 4 suicide attempts': a number of events said to exist."""
    words = words_of(doc)
    return i - 2 >= start and words.lower[i - 1] in settings.auxiliaries \
        and words.lower[i - 2] == "there"


def _after_frame(doc: Doc, i: int, start: int, outcome_ends: set[int],
                 settings: LinkSettings) -> bool:
    """'Weight gain occurred in 12 vs 3 patients', '...; complete responses in 24 and 15,
    respectively': a number right after the preposition of an event frame (or of an outcome
    whose verb is understood) counts patients, with or without a noun of its own."""
    words = words_of(doc)
    return i - 2 >= start and words.lower[i - 1] in settings.frame_prepositions \
        and (words.lower[i - 2] in settings.frame_verbs or i - 1 in outcome_ends)


def _bracketed_size(doc: Doc, i: int, after: int, start: int, end: int,
                    groups: list[tuple[str, str, int, int]], cues: list[Cue], patients: set[int],
                    settings: LinkSettings) -> int | None:
    """'niraparib (264 patients)', 'Arm B (148 patients)', 'assigned to X (1,004) or placebo
    (1,006)': the size of the group named right before the brackets. The end of the
    brackets, or None."""
    words = words_of(doc)
    if i - 1 <= start or words.text[i - 1] != "(":
        return None
    noun = _noun_end(doc, after, end, patients, settings)
    if noun is None and after < end and words.text[after] == ")" \
            and int(words.num[i] or 0) not in YEARS \
            and any(c.label == "STUDY_VERB" and c.end <= i and any(
                w in settings.assignment_participles for w in c.text.lower().split())
                for c in cues):
        noun = after  # "randomly assigned 2,010 patients to X (1,004) or placebo (1,006)"
    if noun is None or noun >= end or words.text[noun] != ")":
        return None
    paren = i - 1
    named = any(g[3] == paren for g in groups) or any(
        c.end == paren and c.label in {"ARM", "OUTCOME", "EXPERIMENTAL_ARM"} for c in cues) \
        or words.lower[paren - 1] in settings.control_drugs \
        or words.lower[paren - 1] in settings.alone_words \
        and any(g[3] == paren - 1 for g in groups)  # "or paclitaxel alone (90 patients)"
    return noun + 1 if named else None


def _count_follows(doc: Doc, i: int, end: int, settings: LinkSettings) -> bool:
    """Is a count of a whole given in brackets after a percentage ("(28/62)", "(12 of 40)",
    "55.3% with X plus Y (152 of 275)"), before any other number?"""
    words = words_of(doc)
    for j in range(i, min(end - 1, i + settings.noun_window + 4)):
        if words.num[j] is not None:
            return False
        if words.text[j] not in {"(", "["}:
            continue
        if fraction_parts(words.text[j + 1]):
            return True
        return (j + 3 < end and words.num[j + 1] is not None
                and words.lower[j + 2] in settings.reference_words | {"/"}
                and words.num[j + 3] is not None)
    return False


def other_arms(doc: Doc, i: int, end: int, settings: LinkSettings) -> bool:
    """Do the words after a zero name the arms the sentence has not counted yet ('in none of
    the patients in the other two arms', 'in the remaining groups')?"""
    words = words_of(doc)
    for j in range(i, min(end - 1, i + settings.noun_window + 2)):
        if words.is_punct[j]:
            return False
        if words.lower[j] in settings.complement_words:
            k = j + 1 + (words.num[j + 1] is not None)
            return k < end and words.lower[k] in settings.arm_nouns and words.lower[k].endswith("s")
    return False


def _framed_noun_end(words: Words, begin: int, after: int, start: int, end: int,
                     sent_start: int, settings: LinkSettings) -> int | None:
    """'Among the 204 APOE4 homozygotes, ...', 'Of the 150 current smokers, ...': a count
    right after the reference word that opens its clause names a group by whatever noun
    phrase follows it up to the comma (a few words, no number, no drug): the end of that
    phrase."""
    i = begin - 1
    while i >= start and words.lower[i] in settings.determiners:
        i -= 1
    if i != start or words.lower[i] not in settings.reference_words \
            or i > sent_start and words.text[i - 1] != ";":
        return None  # (the frame opens its sentence, or a clause after ';': not ", of 3170 W.")
    for k in range(after, min(end, after + settings.noun_window + 2)):
        if words.text[k] == ",":
            return k if k > after else None
        if words.num[k] is not None or words.is_punct[k] and words.text[k] != "-" \
                or words.ent_type[k] in {"DRUG", "DRUG_CLASS"}:
            return None  # (a group named by its treatment is found as such)
    return None


def _every_after(words: Words, i: int, end: int) -> int | None:
    """Where the number of 'out of every three', 'in every five', 'of every ten' after a count
    (at ``i``, or after its noun) stands, or None."""
    lower = words.lower
    k = i + 1 if i < end and lower[i] in _RATIO_NOUNS else i
    if k + 2 >= end or lower[k] not in _RATIO_LINKS:
        return None  # (most counts: one look)
    if lower[k] == "out" and lower[k + 1] == "of":
        k += 1
    if k + 2 < end and lower[k + 1] == "every" and words.num[k + 2] is not None:
        return k + 2
    return None


_RATIO_NOUNS = frozenset({"patients", "people", "participants"})
_RATIO_LINKS = frozenset({"out", "in", "of"})


def _per_arm(doc: Doc, i: int, end: int, settings: LinkSettings) -> bool:
    """Do the words after a count say it holds for each arm ("were assigned to each arm")?"""
    words = words_of(doc)
    for j in range(i, min(end - 1, i + settings.noun_window + 2)):
        if words.is_punct[j] or words.num[j] is not None:
            return False
        if words.lower[j] in settings.each_words and (
                words.lower[j + 1] in settings.arm_nouns
                # "randomly assigned 200 to X or to observation, 100 to each."
                or words.is_punct[j + 1] and j > i and words.lower[j - 1] in {"to", "in"}
                # "five in the X group and two in each of the other groups"
                or words.lower[j + 1] == "of" and other_arms(doc, j + 1, end, settings)):
            return True
    return False


def _per_arm_before(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """'In each group, two patients died': the clause opens with the arms it holds for."""
    words = words_of(doc)
    j = i - 1
    if j >= start and words.text[j] == ",":
        j -= 1
    return j - 2 >= start and words.lower[j] in settings.arm_nouns \
        and words.lower[j - 1] in settings.each_words and words.lower[j - 2] in {"in", "for"} \
        or _each_arm_subject(words, j, start, settings)


def _gapped_receipt(cues: list[Cue], begin: int, sent_start: int) -> bool:
    """Did the sentence say before ``begin`` that a group received or was assigned a
    treatment (a verb later counts of the list share)?"""
    return any(sent_start <= c.start < begin and (c.label == "STUDY_VERB" or c.label == "STATUS"
                                                  and c.id == "received") for c in cues)


def _design_arms(words: Words, i: int, end: int, patients: set[int],
                 settings: LinkSettings) -> bool:
    """'one of three arms', 'one of four dosing cohorts', 'one of six dose levels', 'one of
    the two X doses': is the whole before ``i`` a number of arms or doses (an arm or design
    noun after it, with at most two words that name no patients)?"""
    for k in range(i, min(end, i + 3)):
        if words.lower[k] in settings.arm_nouns or words.lower[k] in settings.design_nouns:
            return True
        if not words.is_alpha[k] or k in patients or words.lower[k] in settings.phrase_stops:
            return False
    return False


def _each_arm_subject(words: Words, j: int, start: int, settings: LinkSettings) -> bool:
    """'Each arm enrolled 150 patients', 'Each group included 62': the arms are the subject
    of the verb ``j`` right before the count, at the opening of its clause."""
    return j - 2 == start and words.is_alpha[j] and words.lower[j - 1] in settings.arm_nouns \
        and words.lower[j - 2] in settings.each_words


def _control_named(doc: Doc, start: int, end: int,
                   settings: LinkSettings) -> tuple[str, str] | None:
    """'placebo (n = 118)', 'radiotherapy alone; n = 124': a control arm and its words."""
    for t in doc[start:end]:
        if t.ent_id_ in settings.control_drugs or t.lower_ in settings.control_drugs:
            return ("placebo", t.text)
        if t.lower_ in settings.alone_words or alone_compound(t.lower_, settings):
            before = doc[t.i - 1] if t.i > start and t.lower_ in settings.alone_words else None
            return ("placebo", f"{before.text} {t.text}" if before is not None else t.text)
    return None


def _share_of_outcome(doc: Doc, i: int, after: int, end: int, outcome_ends: set[int],
                      settings: LinkSettings) -> bool:
    """'anemia (24%), thrombocytopenia (19%)': a lone share in brackets right after an outcome
    is the share of the group with that outcome, not a count's share said again; so are
    the shares of each arm, 'nausea (7.5% vs 2.8%)'."""
    words = words_of(doc)
    if i < 2 or words.text[i - 1] != "(" or after + 1 >= end:
        return False
    if words.text[after + 1] == ")":
        return i - 1 in outcome_ends
    k = after + 1  # "(7.5% vs 2.8%)", "(12%, 9% and 4%)": no count's share is compared so
    return (words.lower[k] in settings.versus_words or words.lower[k] in settings.list_separators
            and i - 1 in outcome_ends) \
        and k + 2 < end and words.num[k + 1] is not None and words.text[k + 2] == "%"


def _share_of_named_group(doc: Doc, i: int, after: int, end: int,
                          groups: list[tuple[str, str, int, int]], cues: list[Cue],
                          mentions: list[Mention]) -> bool:
    """'more frequent with X (24.0%) than with placebo (13.3%)': a lone share in brackets
    right after the group it is of (a drug, a control, an arm), in a clause that has stated
    no count before it."""
    words = words_of(doc)
    if i < 2 or words.text[i - 1] not in {"(", "["} or after + 1 >= end \
            or words.text[after + 1] not in {")", "]"}:
        return False
    if any(m.kind != "percent" or m.percent == words.num[i] for m in mentions):
        # "72 patients in the X group (24.0%)", "Three out of four patients in the X group
        # (75.8%)": the share of a count or of a paraphrase said before it
        return False
    return any(g[3] == i - 1 for g in groups) or any(
        c.end == i - 1 and c.label in _NAMING_LABELS for c in cues)


#: Cues that end the name of a group a share may be given of ("with placebo (13.3%)").
_NAMING_LABELS = frozenset({"ARM", "ARM_NAME", "STATUS"})


def _stated_after_count(doc: Doc, i: int, start: int) -> bool:
    """Is the percentage at ``i`` written in parentheses or after a comma next to a count?"""
    words = words_of(doc)
    if i >= 4 and words.text[i - 1] == "," and words.text[i - 4] in {"(", "["} \
            and words.num[i - 3] is not None and words.is_alpha[i - 2]:
        return True  # "(4 patients, 2.0%)": the share of the count the brackets open with
    if i - 1 < start:
        return False
    if words.text[i - 1] in {"(", "["}:
        return True
    return words.text[i - 1] == "," and i - 2 >= start and (
        words.num[i - 2] is not None or bool(fraction_parts(words.text[i - 2])))


def _percent_of_patients(doc: Doc, i: int, end: int, patients: set[int],
                         settings: LinkSettings) -> int | None:
    """After 'N%': the end of '[, M% and K%] of (the) patients', or None."""
    words = words_of(doc)
    while i + 2 < end and words.lower[i] in settings.list_separators and words.num[i + 1] is not None \
            and words.text[i + 2] == "%":
        i += 3
    if i < end and words.lower[i] == "of":
        i += 1
        if i < end and words.lower[i] in settings.group_pronouns:
            return i + 1  # "2% of those receiving placebo"
        while i < end and words.lower[i] in settings.determiners:
            i += 1
        return _noun_end(doc, i, end, patients, settings)
    return None


def _in_count_list(doc: Doc, i: int, end: int, settings: LinkSettings) -> bool:
    """Is the number before ``i`` followed by more numbers of a list ("29, 17 and 16")?"""
    return _next_in_list(doc, after_percent(doc, i, end), end, settings) is not None


def _next_in_list(doc: Doc, i: int, end: int, settings: LinkSettings) -> int | None:
    """Start of the next number of a list after its separator at ``i`` (", ", " and ",
    or the serial ", and " of "30, 22, and 15"), or None when no number follows."""
    words = words_of(doc)
    separators = settings.list_separators
    if i < end and words.lower[i] in separators:
        j = i + 1
        if words.text[i] == "," and j < end and words.lower[j] in separators - {","}:
            j += 1
        if j < end and words.num[j] is not None:
            return j
    return None


def _respectively_list(doc: Doc, i: int, after: int, sent: Span, settings: LinkSettings) -> bool:
    """Is the number at ``i`` (ending at ``after``) one of a list of two or more numbers
    followed by ', respectively,' ("1,998 and 996, respectively, received")?"""
    words = words_of(doc)
    k = _list_end(doc, after, sent.end, settings)
    if not (k + 1 < sent.end and words.text[k] == "," and words.lower[k + 1] in settings.respectively_words):
        return False
    if not (k + 2 < sent.end and words.text[k + 2] == ","):
        # "The analysis population comprised 917: 612 and 305, respectively.": a list that
        # follows a colon and closes its sentence with "respectively" is one group per arm
        # too (a list that ends so after a verb, "... occurred in 40 and 30, respectively",
        # counts that verb's events, read elsewhere).
        first = _list_start(words, i, sent.start, settings)
        if not (k + 2 >= sent.end or words.text[k + 2] in _CLOSING_MARKS) \
                or first <= sent.start or words.text[first - 1] not in _LIST_COLONS:
            return False
    if k > after:
        return True  # more numbers follow in the list
    j = i - 1  # the last of the list: a number and a separator before it
    if j > sent.start and words.lower[j] in settings.list_separators - {","} and words.text[j - 1] == ",":
        j -= 1  # ", and"
    return j > sent.start and words.lower[j] in settings.list_separators and words.num[j - 1] is not None


#: Marks that may close a sentence after "respectively", and that may open its list.
_CLOSING_MARKS = frozenset({".", ";", ")"})
_LIST_COLONS = frozenset({":", "\u2013", "\u2014"})


def _list_whole(doc: Doc, after: int, end: int, settings: LinkSettings) -> int | None:
    """The whole after a list the number ending at ``after`` begins or continues ("233
    (82.9%) and 190 (67.6%) of the 281"), or None."""
    words = words_of(doc)
    i = after_percent(doc, after, end)
    if _next_in_list(doc, i, end, settings) is None:
        return None
    i = _list_end(doc, after, end, settings)
    if i + 1 < end and words.lower[i] == "out" and words.lower[i + 1] in settings.reference_words:
        i += 1
    if i >= end or words.lower[i] != "of":
        return None
    i += 1
    while i < end and words.lower[i] in settings.determiners:
        i += 1
    value = words.num[i] if i < end else None
    if value is None or value != int(value) or i + 1 < end and words.text[i + 1] == "%":
        return None
    return int(value)


def _frame_end(doc: Doc, begin: int, after: int, start: int, end: int, cues: list[Cue],
               settings: LinkSettings) -> int | None:
    """Where the group of an opening 'Of the 27 who ...' or 'Among the 14 responders,' ends:
    a number after the clause's reference word (and determiners), then a relative clause or
    a noun of people named by their outcome that ends the clause. None if it is no such
    frame."""
    words = words_of(doc)
    i = begin - 1
    while i > start and words.lower[i] in settings.determiners:
        i -= 1
    if i != start or words.lower[i] not in settings.reference_words or after >= end:
        return None
    if words.lower[after] in settings.relative_pronouns:
        return after
    people = next((c for c in cues if c.start == after and c.label == "OUTCOME"
                   and c.text.lower() in settings.people_outcomes), None)
    if people is not None and (people.end >= end or words.text[people.end] == ","):
        return people.end
    return None


def _group_named_by_size(doc: Doc, begin: int, after: int, start: int, end: int,
                         qualifier: Cue | None, settings: LinkSettings) -> bool:
    """'the group of 12', 'a cohort of 40': an arm noun and 'of' before the number; 'the other
    94, who ...', 'the remaining 12,': a qualified number that ends its noun phrase."""
    words = words_of(doc)
    if begin - 2 >= start and words.lower[begin - 1] == "of" and words.lower[begin - 2] in settings.arm_nouns:
        return True
    return qualifier is not None and begin - 1 >= start and words.lower[begin - 1] in settings.determiners \
        and after < end and (words.text[after] == "," or words.lower[after] in settings.relative_pronouns)


def _listed_harm_share(doc: Doc, i: int, after: int, start: int, end: int, cues: list[Cue],
                       settings: LinkSettings) -> Cue | None:
    """The harm a lone share in brackets right after it is of, in a listing of harms
    ('hair colour changes (76%)'), or None."""
    words = words_of(doc)
    if i - 1 <= start or words.text[i - 1] != "(" or after + 1 >= end or words.text[after + 1] != ")":
        return None
    listed = listed_outcome(doc, i, start, cues, settings)
    if listed is None or listed.id != "adverse_event" \
            or any(w in settings.size_for_words for w in words.lower[listed.start - 1:i - 1]) \
            or any(t in {"DRUG", "DRUG_CLASS"} for t in words.ent_type[listed.start:i - 1]):
        return None  # "common with the radioligand (61%)": the group, not the harm
    return listed


def _event_follows(doc: Doc, i: int, end: int, cues: list[Cue], settings: LinkSettings) -> bool:
    """Does an event verb follow the list ending at ``i``, with an outcome in its predicate
    ("..., had died", "..., respectively, responded")?"""
    words = words_of(doc)
    k = i
    while k < end and (words.text[k] == "," or words.lower[k] in settings.respectively_words):
        k += 1
    # (an outcome in the predicate: "12 and 19 were withdrawn" are groups, counted elsewhere)
    if not any(c.start == k and c.label in {"EVENT_VERB", "OUTCOME"} for c in cues):
        return False
    stop = next((j for j in range(k, min(end, k + settings.predicate_window + 2))
                 if words.is_punct[j]), min(end, k + settings.predicate_window + 2))
    return any(c.label == "OUTCOME" and k <= c.start < stop for c in cues)


def _list_length(doc: Doc, start: int, end: int) -> int:
    """How many counts a list has ("29, 17 and 16" -> 3; percentages in brackets skipped)."""
    words = words_of(doc)
    count, i = 0, start
    while i < end:
        if words.num[i] is not None and not (i > start and words.text[i - 1] == "("):
            count += 1
            while i < end and words.num[i] is not None:
                i += 1
        i += 1
    return count


def _list_start(words: Words, i: int, start: int, settings: LinkSettings) -> int:
    """Start of the list of counts the number at ``i`` continues ("Ten, 14 and 9 patients":
    14 and 9 are the second and third of a list that starts at "Ten"), or ``i``."""
    separators = settings.list_separators
    while True:
        j = i - 1
        if j > start and words.lower[j] in separators - {","} and words.text[j - 1] == ",":
            j -= 1  # the serial ", and"
        k = j - 1
        if k > start and words.text[k] in {")", "]"}:  # "12 (30%), 14 (35%) and 9 (22%)"
            k = next((b - 1 for b in range(k - 1, max(start, k - 6), -1)
                      if words.text[b] in {"(", "["}), k)
        if not (j > start and words.lower[j] in separators and k >= start
                and words.num[k] is not None and words.num[k] not in YEARS_SET):
            return i
        while k > start and words.num[k - 1] is not None:
            k -= 1  # ("twenty-one" may be several tokens of one number)
        if not _opens_list(words, k, start, settings):
            return i  # "At week 52, 120 and 115 ...", "Of the 365, 120 ...": no item of it
        i = k


def _bounds_score(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """Is the number at ``i`` the threshold of a score named right before it ('a SALT score
    of 20 or less', 'an Epworth score below 10', 'a score <= 2')?"""
    words = words_of(doc)
    k = i - 1
    while k > start and i - k <= 2 and words.lower[k] not in settings.score_nouns:
        k -= 1
    return k >= start and words.lower[k] in settings.score_nouns \
        and score_threshold(doc, k + 1, i + 3, settings) == i


def _opens_list(words: Words, k: int, start: int, settings: LinkSettings) -> bool:
    """Can a list of counts begin at ``k``? Not when a word before it makes it a label or a
    time ("At week 52, 120 and 115 ...", "In cohort 2, 14 and 9 ...") or a group already
    named ("Of the 365, 120, 122 and 123 ...")."""
    if k == start:
        return True
    before = words.lower[k - 1]
    if before in settings.not_count_after or before in settings.interval_words:
        return False
    return not (before in settings.determiners or before in settings.reference_words)


#: A year before a list ("In 2024, 14 and 9 ...") is no count of it.
YEARS_SET = frozenset(YEARS)


def _list_end(doc: Doc, i: int, end: int, settings: LinkSettings) -> int:
    """Index after the last number of a list that starts at ``i``."""
    words = words_of(doc)
    while True:
        i = after_percent(doc, i, end)
        following = _next_in_list(doc, i, end, settings)
        if following is not None:
            i = following
            while i < end and words.num[i] is not None:
                i += 1
        else:
            return i


def _in_interval(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """Is the number at ``i`` inside brackets that give an interval or a statistic?"""
    words = words_of(doc)
    for j in range(i - 1, max(start, i - 8) - 1, -1):
        if words.text[j] in {")", "]"}:
            return False
        if words.text[j] in {"(", "["}:
            return any(word in settings.interval_words for word in words.lower[j + 1:i])
    return False


def _counted_in_arm(doc: Doc, i: int, after: int, end: int, arm_starts: set[int],
                    settings: LinkSettings) -> bool:
    """'83 in Group 1 and 81 in Group 2', '91 to Arm A, 92 to Arm B': the number after a
    label's list says how many patients an arm has (it follows "and", not the label word
    itself)."""
    words = words_of(doc)
    if i == 0 or words.lower[i - 1] in settings.not_count_after:
        return False
    j = after_percent(doc, after, end)
    if j >= end or words.lower[j] not in {"in", "to"}:
        return False
    j += 1
    while j < end and words.lower[j] in settings.determiners:
        j += 1
    return j in arm_starts


def _list_of_patients(doc: Doc, i: int, after: int, sent_end: int, cues: list[Cue],
                      settings: LinkSettings) -> bool:
    """'By day 28, 12 and 19 patients had died': numbers after a label's number and a comma
    that end in a patient noun count patients (the label is "day 28" alone)."""
    words = words_of(doc)
    if i == 0 or words.lower[i - 1] in settings.not_count_after or words.text[i - 1] != "," \
            and words.lower[i - 1] not in {"and", "or"}:
        return False
    nouns = {c.start for c in cues if c.label == "PATIENT"}
    return _noun_end(doc, _list_end(doc, after, sent_end, settings), sent_end, nouns, settings) is not None


def _count_after_opener(doc: Doc, i: int, after: int, sent: Span, cues: list[Cue],
                        settings: LinkSettings) -> bool:
    """'By day 28, 12 and 19 had died', 'At week 24, 71 had a response': after a time or
    label phrase that opens the sentence and its comma, a number (or list) before an
    event verb counts patients."""
    words = words_of(doc)
    first = next((j + 3 for j in (sent.start, sent.start + 1) if j + 3 <= i
                  and words.lower[j] in settings.not_count_after and words.num[j + 1] is not None
                  and words.text[j + 2] == ","), None)
    if first is None:
        return False
    k = first
    while k < sent.end and words.num[k] is not None:
        k += 1
    list_end = _list_end(doc, k, sent.end, settings)
    return k > first and i < list_end and _event_follows(doc, list_end, sent.end, cues, settings)


def _in_range(doc: Doc, i: int, after: int, start: int, end: int, settings: LinkSettings) -> bool:
    """Is the number at ``i`` a bound of a range ("50 to 70", "from 12 to 15 months")?"""
    words = words_of(doc)
    before = i - 2 >= start and words.lower[i - 1] in settings.range_words \
        and words.num[i - 2] is not None
    following = after + 1 < end and words.lower[after] in settings.range_words \
        and words.num[after + 1] is not None
    return before or following


def _names_a_score(word: str) -> bool:
    """Is the word an acronym a number after it completes ('PASI 90', 'EASI 75')?"""
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _is_label_number(doc: Doc, i: int, start: int, settings: LinkSettings) -> bool:
    """A number that names a grade, stage, arm or day rather than counting patients."""
    words = words_of(doc)
    digits = words.is_digit[i]
    connectors = {"or", "and", "to", "-", "/", ","}
    j = i - 1
    # Walk back over a list of the same kind of numbers: "grade 3, 4, or 5" (but not
    # "In Group 2, five of the eight", nor "every day and 103 to ...").
    while True:
        k = j
        while k >= start and words.lower[k] in connectors:
            k -= 1
        # (", and" joins an item only to a list of commas, "grade 3, 4, and 5": "at weeks 0,
        # 2, 4 and 8, and 204 were assigned to placebo", "at week 0, and 204 ..." start a clause)
        closed = j - k == 2 and words.text[k + 1] == "," and words.lower[j] in {"and", "or"} \
            and not (k - 1 >= start and words.text[k - 1] == ",")
        if k < j and k >= start and words.num[k] is not None and words.is_digit[k] == digits \
                and not closed:
            j = k - 1
        else:
            break
    if start < j < i and words.text[j] == "=" and words.lower[j - 1] in settings.not_count_after:
        j -= 1  # "grade >=3", "age <= 5": the tokenizer splits the sign of the bound
    return start <= j < i and words.lower[j] in settings.not_count_after


def _whole_after(doc: Doc, i: int, end: int, number_at: dict[int, Span],
                 settings: LinkSettings) -> Span | None:
    words = words_of(doc)
    if i + 1 < end and words.lower[i] == "out" and words.lower[i + 1] in settings.reference_words:
        i += 1  # "12 out of 40"
    if i >= end or words.lower[i] not in settings.reference_words:
        return None
    i += 1
    while i < end and words.lower[i] in settings.determiners:
        i += 1
    return number_at.get(i)


def _events_in_whole(doc: Doc, i: int, end: int, number_at: dict[int, Span], cues: list[Cue],
                     patients: set[int], settings: LinkSettings, *,
                     elliptical: bool = False) -> tuple[Cue | None, Span] | None:
    """The event and the group of '11 relapses in 107 children', '..., against 17 among 55
    without it': an outcome named right after the count ``i`` ends (or, in a clause that
    compares, none: the event of the clause before), then 'in' or 'among' and a larger
    number that counts people (its noun, or no other noun after it), or None."""
    words = words_of(doc)
    event = next((c for c in cues if c.label == "OUTCOME" and c.start == i), None)
    at = event.end if event is not None else i
    if event is None and not elliptical or at + 1 >= end \
            or words.lower[at] not in settings.events_in_words:
        return None
    k = at + 1
    while k < end and words.lower[k] in settings.determiners:
        k += 1
    whole = number_at.get(k)
    count = words.num[i - 1] if i > 0 else None
    size = words.num[whole.start] if whole is not None else None
    if whole is None or size is None or count is None or size <= count or size != int(size) \
            or int(size) in YEARS or event is None and size <= _RATIO_BASES:
        return None  # (", versus 3 in 10": a ratio)
    after = whole.end
    if after < end and words.is_alpha[after] and words.lower[after] not in settings.phrase_stops \
            and _noun_end(doc, after, end, patients, settings) is None \
            and treatment_end(doc, after, end, settings) is None:  # ("in 90 given placebo")
        return None  # "3 responses in 5 tumour types": no group of people
    return event, whole


#: "3 in 10", "one in 5": the bases of a ratio, no group's size.
_RATIO_BASES = 10


def _ratio_after_noun(words: Words, i: int, end: int, value: int, patients: set[int],
                      settings: LinkSettings) -> int | None:
    """Where the number of 'in ten' stands after a count's patient noun ('one patient in
    ten', 'one child in five on X': a ratio, no group), or None. The number after 'in' is
    larger and has no noun of its own ('20 patients in 3 centres' counts patients)."""
    k = i + 1
    if i not in patients or k + 1 >= end or words.lower[k] != "in":
        return None
    whole = words.num[k + 1]
    if whole is None or whole <= value:
        return None
    if k + 2 < end and words.is_alpha[k + 2] and words.lower[k + 2] not in settings.phrase_stops:
        return None
    return k + 1


def _events_per_patient(words: Words, start: int, after: int, end: int, patients: set[int],
                        cues: list[Cue], settings: LinkSettings) -> bool:
    """'at least one relapse occurred in 46', 'at least two moderate exacerbations': a number
    after a minimum ('at least') and before the words of what was counted, not before a
    patient noun or a verb, is how many events each patient had: no count of patients."""
    if not any(tuple(words.lower[start - len(p):start]) == p for p in settings.minimum_phrases
               if start - len(p) >= 0):
        return False
    if after >= end or not words.is_alpha[after] or after in patients \
            or words.lower[after].endswith("ed") or words.lower[after] in settings.phrase_stops:
        return False  # "at least 12 died", "at least 40 were enrolled": counts
    if any(c.start == after and c.label in {"EVENT_VERB", "STUDY_VERB", "STATUS"} for c in cues):
        return False  # "at least 12 had a response", "at least 10 stopped"
    return _noun_end(words.doc, after, end, patients, settings) is None


def _threshold_value(doc: Doc, start: int, after: int, end: int, patients: set[int],
                     events: set[int], settings: LinkSettings) -> bool:
    """'a QTcF above 500 ms', 'a potassium level over 6 mmol per litre': a number after a
    bound ('above', '>') and before a unit the number lists do not know is a threshold of a
    measure (but 'more than 40 had', 'over 300 patients enrolled' are counts)."""
    words = words_of(doc)
    if start == 0 or words.lower[start - 1] not in settings.open_bounds \
            and words.lower[start - 1] not in _BOUND_SIGNS:
        return False
    return after < end and words.is_alpha[after] and after not in patients \
        and after not in events and words.lower[after] not in settings.phrase_stops \
        and _noun_end(doc, after, end, patients, settings) is None


#: Signs of a bound before a number.
_BOUND_SIGNS = frozenset({">", "<", "≥", "≤", ">=", "<="})


#: What may end a study verb's object count with the noun understood ("randomised 291, two
#: to one", "and enrolled 64.").
_OBJECT_ENDS = frozenset({",", ".", ";"})


def _noun_end(doc: Doc, i: int, end: int, patients: set[int],
              settings: LinkSettings) -> int | None:
    """End of "N [modifiers] patients": the token after the patient noun, if within reach."""
    words = words_of(doc)
    for j in range(i, min(end, i + settings.noun_window + 1)):
        if j in patients:
            return j + 1
        if (words.is_punct[j] and words.text[j] != "-") or words.num[j] is not None:
            return None  # "26 German hospitals enrolled 356 patients": not 26 patients
    return None


def _given_after(doc: Doc, i: int, end: int, given: dict[int, int], drug_starts: set[int],
                 settings: LinkSettings) -> bool:
    """'N took X', 'N were given X': a received-status verb right after the count, and then
    the drug."""
    words = words_of(doc)
    if i < end and words.lower[i] in settings.auxiliaries:
        i += 1
    if i not in given:
        return False
    j = given[i]
    while j < end and (words.lower[j] in settings.determiners
                       or words.lower[j] in settings.treatment_modifiers):
        j += 1
    return j in drug_starts


def _alone_arms(words: Words, start: int, end: int, settings: LinkSettings) -> set[int]:
    """'243 to TCS alone', '60 to the TCS-alone arm': a treatment given alone names the control
    arm a count is assigned to, though no lexicon lists it. Where such names start."""
    found: set[int] = set()
    text = words.span_text(start, end).lower()
    if not any(word in text for word in settings.alone_words):
        return found  # (one look at the clause's text, not a word at a time)
    for k in range(start + 1, end):
        if words.lower[k] in settings.alone_words and words.is_alpha[k - 1]:
            found.add(k - 1)
        elif alone_compound(words.lower[k], settings):
            found.add(k)
    return found


def _assigned_after(doc: Doc, i: int, end: int, study_verbs: set[int], drug_starts: set[int],
                    arm_starts: set[int], settings: LinkSettings) -> bool:
    """'N were assigned / were randomized / received ...', 'N to <drug>'."""
    words = words_of(doc)
    verb = i + 1
    while verb < min(end - 1, i + 3) and words.lower[verb] in settings.frame_auxiliaries:
        verb += 1  # "1,869 who had received placebo", "247 who had been given X"
    if i + 1 < end and words.lower[i] in settings.relative_pronouns and verb > i + 1 and (
            verb in study_verbs or words.lower[verb] in settings.assignment_words):
        i = verb  # (the perfect: the verb after its auxiliaries)
    elif i + 1 < end and words.lower[i] in settings.relative_pronouns and (
            i + 1 in study_verbs or words.lower[i + 1] in settings.auxiliaries):
        i += 1  # "... and 119 who received placebo", "182 who were assigned to X"
    elif i + 1 < end and words.lower[i] in settings.relative_pronouns:
        # "7262 who consented during antenatal care were randomly assigned to X": the main
        # verb after a short relative clause
        for k in range(i + 2, min(end - 1, i + 12)):
            if words.is_punct[k]:
                break
            if words.lower[k] in settings.auxiliaries and k + 1 in study_verbs:
                return True
    elif i + 3 < end and words.is_alpha[i] and words.lower[i] not in settings.auxiliaries \
            and words.lower[i - 2] not in settings.threshold_words:  # (not "at least one dose")
        # "365 met the seizure-frequency criteria and were randomly assigned to X"
        for k in range(i + 1, min(end - 2, i + 10)):
            if words.is_punct[k] or words.num[k] is not None:
                break
            if words.lower[k] == "and" and words.lower[k + 1] in settings.auxiliaries \
                    and k + 2 in study_verbs and (words.lower[k + 2].startswith("random")
                                                  or words.lower[k + 2]
                                                  in settings.assignment_participles):
                return True  # (a randomisation: not "80 completed X and were followed up")
    if i < end and words.lower[i] in settings.auxiliaries:
        i += 1
    if i < end and i in study_verbs:
        return True
    if i + 1 < end and words.lower[i] in settings.choice_verbs:
        i += 1  # "131 chose to take osimertinib", "45 opted for surgery"
        if words.lower[i] == "for":
            return i + 1 < end and (i + 1 in drug_starts or words.lower[i + 1] in settings.determiners
                                    and i + 2 in drug_starts)
    if i + 1 < end and words.lower[i] == "in" and (i + 1 in arm_starts or (
            words.lower[i + 1] in settings.determiners and i + 2 in arm_starts)):
        return True  # "38 in cohort A"
    if not (i + 1 < end and words.lower[i] in settings.assignment_words):
        return False
    i += 1
    if words.lower[i] in settings.assignment_verbs and i + 1 < end:
        i += 1  # "103 to take sunitinib"
    while i + 1 < end and (words.lower[i] in settings.determiners
                           or words.lower[i] in settings.treatment_modifiers):
        i += 1  # "164 to intravenous quinine", "120 to the high-dose regimen of X"
    return i in drug_starts or i in arm_starts \
        or _named_alone(words, i, end, settings)  # "91 to Arm A, 92 to Arm B"


def _named_alone(words: Words, i: int, end: int, settings: LinkSettings) -> bool:
    """'243 to TCS alone', '60 to surgery alone': a control arm named by the treatment it
    had alone, in words no drug list holds."""
    for k in range(i, min(end, i + 4)):
        if words.lower[k] in settings.alone_words or alone_compound(words.lower[k], settings):
            return k > i or alone_compound(words.lower[k], settings)
        if words.is_punct[k] or words.num[k] is not None:
            return False
    return False


def _after_reference_word(doc: Doc, begin: int, start: int, settings: LinkSettings) -> bool:
    """True for "of the 19 patients": the count names a cohort already introduced
    (but not "a total of 303 patients")."""
    words = words_of(doc)
    i = begin - 1
    while i >= start and words.lower[i] in settings.determiners:
        i -= 1
    if i >= start and words.lower[i] in settings.reference_words:
        return not (i - 1 >= start and words.lower[i - 1] in settings.total_words)
    # "All 240 patients proceeded to surgery", "the 121 patients": a group already named.
    return begin - 1 >= start and words.lower[begin - 1] in settings.definite_words
