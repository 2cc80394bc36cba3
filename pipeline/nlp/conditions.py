"""The condition an article studies: "adults with type 2 diabetes", "HER2-positive breast cancer".

A trial names its condition in the phrase that defines its population ("patients with
heart failure", "children with asthma"): a lexicon disease named there counts more than
one named in passing (a comorbidity, an adverse event, the background paragraph), and when
no lexicon disease is named at all, the most frequent such phrase is the article's
disease. A subtype may be written around stage words ("HR+, HER2- advanced breast
cancer"): without them it is a lexicon name. Word lists live in models/rules/conditions.json.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from ..data import check_keys


@dataclass(frozen=True)
class ConditionRules:
    """The word lists of models/rules/conditions.json."""

    population_nouns: frozenset[str]
    with_words: frozenset[str]
    participles: frozenset[str]
    admitted_for: frozenset[str]
    leading_words: frozenset[str]
    stop_words: frozenset[str]
    not_conditions: frozenset[str]
    number_words: frozenset[str]
    stage_words: frozenset[str]
    subgroup_words: frozenset[str]
    baseline_words: frozenset[str]
    instruments: dict[str, str]
    age_words: frozenset[str]
    max_words: int
    max_age_words: int
    population_weight: int
    subtype_window: int
    list_joiners: frozenset[str]  # 'locally advanced or metastatic': words joining qualifiers
    condition_heads: frozenset[str] = frozenset()
    name_breaks: frozenset[str] = frozenset()
    bound_words: frozenset[str] = frozenset()
    topic_mentions: int = 1_000_000
    qualifier_endings: frozenset[str] = frozenset()
    us_spellings: dict[str, str] = field(default_factory=dict)
    condition_endings: frozenset[str] = frozenset()
    anaphoric_heads: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConditionRules:
        check_keys(data, set(cls.__dataclass_fields__) | {"_comment"}, "conditions.json")
        return cls(**{k: frozenset(w.lower() for w in v) if isinstance(v, list) else v
                      for k, v in data.items() if k != "_comment"})

    def to_dict(self) -> dict[str, Any]:
        return {k: sorted(v) if isinstance(v, frozenset) else v for k, v in asdict(self).items()}


def condition_starts(doc: Doc, rules: ConditionRules) -> list[int]:
    """Where a condition may start: after '<population> [age] [participle] with'."""
    strings = doc.vocab.strings
    lowers = [strings[w] for w in doc.to_array(LOWER).tolist()]  # no Token objects: cheaper
    starts = []
    for i in range(len(lowers) - 2):
        if lowers[i] not in rules.population_nouns:
            continue
        after = i + 1
        while after + 2 < len(lowers) and after - i <= rules.max_age_words and (
                lowers[after] in rules.age_words or doc[after].like_num):
            after += 1  # "children aged 6 to 11 years with asthma"
        if lowers[after] in rules.participles and after + 2 < len(lowers):
            after += 1  # "patients hospitalized with COVID-19", "people living with HIV"
            if lowers[after] == "for" and lowers[after - 1] in rules.admitted_for:
                starts.append(after + 1)  # "adults hospitalized for COVID-19"
                continue
        if lowers[after] in rules.with_words:
            starts.append(after + 1)
    return starts


def find_condition(doc: Doc, rules: ConditionRules) -> str | None:
    """The most frequent condition named after '<population> with', as written first."""
    found = _most_frequent_condition(doc, rules, named_only=False)
    return found[0] if found else None


def population_condition(doc: Doc, rules: ConditionRules) -> tuple[str, int] | None:
    """The most frequent phrase after '<population> with' that names a condition, as
    written first, and how often it is named ("adults with chronic prostatitis")."""
    return _most_frequent_condition(doc, rules, named_only=True)


def _most_frequent_condition(doc: Doc, rules: ConditionRules, *,
                             named_only: bool) -> tuple[str, int] | None:
    """The phrase after '<population> with' named most often (the first of them, as written
    first) and how often; ``named_only``: only phrases that end in a noun of disease."""
    found: Counter[str] = Counter()
    written: dict[str, str] = {}
    text = ""
    for start in condition_starts(doc, rules):
        phrase = condition_after(doc, start, rules)
        if phrase and named_only and not names_a_condition(phrase, rules):
            # a condition the heads do not know ("gout", "hidradenitis suppurativa") is still
            # what the article is about when it names it again and again
            text = text or doc.text.lower()
            if text.count(phrase.lower()) < rules.topic_mentions:
                continue
        if phrase:
            found[phrase.lower()] += 1
            written.setdefault(phrase.lower(), phrase)
    if not found:
        return None
    key = max(found, key=found.__getitem__)  # first of the most frequent
    return written[key], found[key]


def names_a_condition(phrase: str, rules: ConditionRules) -> bool:
    """Whether a phrase ends in a noun of disease ('chronic prostatitis', 'infantile
    fibrosarcoma', 'dry eye syndrome'), not in a state or a description ('missing data')."""
    last = phrase.lower().split()[-1]
    forms = (last, last[:-1]) if last.endswith("s") else (last,)  # "ulcers", "stones"
    endings = tuple(rules.condition_endings)
    return any(w in rules.condition_heads or w.endswith(endings) for w in forms)


def condition_after(doc: Doc, i: int, rules: ConditionRules) -> str | None:
    """The noun phrase of a condition starting at token ``i``, or None."""
    sent_end = doc[i].sent.end if i < len(doc) else len(doc)
    qualifier = False
    while i < sent_end and (doc[i].lower_ in rules.leading_words
                            or doc[i].lower_ in rules.stage_words
                            or qualifier and doc[i].lower_ in rules.list_joiners):
        # "locally advanced or metastatic pancreatic cancer": the stage words are one list
        qualifier = doc[i].lower_ in rules.leading_words or doc[i].lower_ in rules.stage_words
        i += 1
    j = i
    while j < sent_end and not _ends_phrase(doc, j, i, rules):
        j += 1
    words = doc[i:j]
    if not len(words) or len(words) > rules.max_words or words[0].lower_ in rules.not_conditions \
            or words[-1].lower_ in rules.not_conditions:
        return None  # "a history of ...", "patients with missing data"
    if len(words) == 1 and words[0].lower_ in rules.anaphoric_heads:
        return None  # "patients with the disease": a word that refers back names nothing
    if words[-1].is_stop:
        return None  # "a cough frequency of [10 an hour]": a description cut at its number
    if words[0].like_num or not any(sum(c.isalpha() for c in t.text) > 2 for t in words):
        # (a word of three letters at least: "COVID-19" and "SARS-CoV-2" count)
        return None
    if any(t.ent_type_ in {"DRUG", "DRUG_CLASS"} for t in words):
        return None
    if len(words) == 1:  # "adults with BPPV": what its long form names
        long = next((a for a in doc._.abbreviations or [] if a["short_text"] == words.text), None)
        if long and long["long_end"] - long["long_start"] <= rules.max_words:
            words = doc[long_form_start(doc, long):long["long_end"]]
    return _condition_name([*words], rules)


def _condition_name(words: list[Token], rules: ConditionRules) -> str:
    """The name of the condition a phrase after '<population> with' names: what follows its
    last "of" when that names it ("an episode of C. difficile infection"), in the singular,
    as written mid-sentence and in US spelling ("Desmoid Tumours" is "desmoid tumor")."""
    of = [k for k, t in enumerate(words) if t.lower_ == "of"]
    if of and of[-1] + 1 < len(words) and names_a_condition(words[-1].text, rules):
        words = words[of[-1] + 1:]
    named = [as_named(t) + t.whitespace_ for t in words]
    last = named[-1].rstrip()
    if last.endswith("s") and last.islower() and names_a_condition(last[:-1], rules):
        named[-1] = last[:-1]  # "tumors"; "psoriasis", "herpes" stay
    return us_spelling("".join(named).strip(), rules)


def _ends_phrase(doc: Doc, j: int, start: int, rules: ConditionRules) -> bool:
    token = doc[j]
    if token.lower_ in rules.stop_words:
        return True
    if token.is_punct and token.text not in {"-", "'", "’"}:
        return True
    # "type 2 diabetes" keeps its number; "with 3 or more ..." starts with one (rejected).
    return token.like_num and j > start and doc[j - 1].lower_ not in rules.number_words


def population_weight(doc: Doc, start: int, end: int, starts: list[int],
                      rules: ConditionRules) -> int:
    """How much a disease named at tokens [start, end) counts for the article's disease.

    Named in the phrase that defines a population ("patients with relapsed or refractory
    myeloma") it counts ``population_weight`` times; a subgroup ("among the 40 patients
    with cirrhosis") or a baseline characteristic ("patients with diabetes at baseline")
    counts once, like a mention in passing.
    """
    sent = doc[start].sent
    for s in starts:
        if not s <= start < s + rules.subtype_window or s < sent.start:
            continue
        # "or" joins qualifiers of one disease ("relapsed or refractory"), "and" two diseases
        if any(t.lower_ in rules.stop_words and t.lower_ != "or" for t in doc[s:start]):
            continue
        # "among the 118 patients with": the subgroup word stands a few words before "with"
        if any(t.lower_ in rules.subgroup_words for t in doc[max(sent.start, s - 6):s]):
            return 1
        if end + 1 < sent.end and doc[end].lower_ == "at" \
                and doc[end + 1].lower_ in rules.baseline_words:
            return 1
        return rules.population_weight
    return 1


def subtype_name(doc: Doc, start: int, end: int, own: str, names: dict[str, str],
                 rules: ConditionRules, *, generic: bool = False,
                 name_words: frozenset[str] = frozenset()) -> tuple[str, int]:
    """The name of the disease at tokens [start, end), named ``own``, and where it starts.

    A subtype written around stage words ("HR+, HER2- advanced breast cancer", "hormone
    receptor-positive (HR+) metastatic breast cancer"): the words before the disease,
    without stage words and bracketed short forms, are looked up with it in ``names``
    (keys from ``name_key``); the longest match wins. A ``generic`` disease ("lymphoma",
    "carcinoma") that no lexicon subtype matches is named with the words right before it
    that disease names are made of (``name_words``: "relapsed splenic marginal zone
    lymphoma" is "splenic marginal zone lymphoma"): alone it names no disease a reader
    would look for.
    """
    sent_start = doc[start].sent.start
    kept: list[str] = []
    qualifiers: list[str] = []
    found = own
    first = start
    # still reading the words of the name, right before the disease; "the French Sarcoma
    # Group" is the name of a group
    naming = generic and not _capital_of_a_name(doc[start])
    named_from = start
    i = start - 1
    while i >= max(sent_start, start - rules.subtype_window):
        token = doc[i]
        if token.text == ")":
            naming = False
            while i > sent_start and doc[i].text != "(":
                i -= 1  # "(HR+)": the short form of what stands before it
        elif token.lower_ in rules.stage_words or token.is_punct:
            naming = False
        elif (token.lower_ in rules.stop_words or token.lower_ in rules.with_words
              or token.lower_ in rules.population_nouns):
            break
        else:
            bound = bool(qualifiers) and qualifiers[0].lower() in rules.bound_words
            naming = naming and (_names(token, name_words, rules) or bound and token.is_alpha
                                 and token.lower_ not in rules.name_breaks)
            if naming:
                qualifiers.insert(0, as_named(token, name_words))
                named_from = i
            kept.insert(0, token.text)
            name = _lookup(names, " ".join([*kept, doc[start:end].text]))
            if name:
                found, first = name, i
        i -= 1
    if qualifiers and qualifiers[0].lower() in rules.bound_words:
        qualifiers = []  # "... cell lymphoma" names no disease without the word before "cell"
    if found == own and qualifiers:
        return us_spelling(" ".join([*qualifiers, own]), rules), named_from
    return found, first


def coordinated_names(doc: Doc, first: int, end: int, names: dict[str, str],
                      rules: ConditionRules) -> list[tuple[int, str]]:
    """(start, name) of the diseases named by words joined to the disease at [first, end)
    that share its last words: "gastric or gastroesophageal junction adenocarcinoma" names
    gastric adenocarcinoma too, "ovarian, fallopian tube, or primary peritoneal cancer"
    ovarian cancer; only what the lexicon names (``names``) counts."""
    found: list[tuple[int, str]] = []
    sent_start = doc[first].sent.start
    heads = [doc[end - k:end].text for k in (1, 2) if end - k >= first]
    i = first - 1
    while i > sent_start and doc[i].lower_ in rules.list_joiners and len(found) < 3:
        while i > sent_start and doc[i].lower_ in rules.list_joiners:
            i -= 1
        stop = i
        while i >= sent_start and stop - i < 2 and doc[i].is_alpha \
                and doc[i].lower_ not in rules.stop_words and doc[i].lower_ not in rules.list_joiners:
            i -= 1
        if i == stop:
            break
        words = doc[i + 1:stop + 1].text
        name = next((n for n in (_lookup(names, f"{w} {h}") for w in (words, doc[stop].text)
                                 for h in heads) if n), None)
        if name:
            found.insert(0, (i + 1, name))
    return found


def _names(token: Token, name_words: frozenset[str], rules: ConditionRules) -> bool:
    """Whether a word before a generic disease is a word of its name: a word disease names
    are made of, an eponym ("Kaposi", mid-sentence), or a qualifier ending like one
    ("splenic", "follicular"); not a drug, a place, a code ("FIGO", "V600E") or a verb."""
    lower = token.lower_
    if token.ent_type_ or lower in rules.name_breaks:
        return False
    if lower in name_words or token.text in name_words:
        return True
    if not token.is_alpha:
        return False
    if token.is_title:
        return as_named(token, name_words) == token.text  # a capital that a name keeps
    return token.is_lower and lower.endswith(tuple(rules.qualifier_endings))


def as_named(token: Token, name_words: frozenset[str] = frozenset()) -> str:
    """A word of a disease's name as a name is written mid-sentence: a capital that only
    starts a sentence or a heading in title case is dropped ("Chronic", "Idiopathic
    Intracranial"), a name's capital is kept ("Merkel", "B-cell", "HER2"); ``name_words``,
    the words of known names as they are written, settle it ("acute", "Hodgkin")."""
    text = token.text
    if not (text[:1].isupper() and text[1:2].islower()) or text in name_words:
        return text
    if token.lower_ in name_words:
        return token.lower_
    return text if _capital_of_a_name(token) else text.lower()


def _capital_of_a_name(token: Token) -> bool:
    """Whether a capitalised word is capitalised as a name is: not at the start of a
    sentence, nor in a heading in title case, where most longer words start with a capital
    ("Romosozumab for One Year in Postmenopausal Women with Osteoporosis")."""
    if not token.is_title or token.is_sent_start:
        return False
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    capitals = sum(t.is_title for t in words)
    return not (capitals > 2 and capitals >= 0.6 * len(words))


def long_form_names(doc: Doc, labels: frozenset[str], names: dict[str, str],
                    rules: ConditionRules, name_words: frozenset[str]) -> dict[str, str]:
    """The disease each short form names, by its text, when its long form is more than the
    lexicon disease inside it: "idiopathic intracranial hypertension (IIH)" (a lexicon names
    only "hypertension"), "pheochromocytoma and paraganglioma (PPGL)" (one name for two)."""
    found: dict[str, str] = {}
    for abbr in doc._.abbreviations or []:
        start, end, short = abbr["long_start"], abbr["long_end"], abbr["short_text"]
        ents = [e for e in doc.ents if e.label_ in labels and e.id_
                and start <= e.start and e.end <= end]
        if not ents or ents[-1].end != end:
            continue
        start = long_form_start(doc, abbr)
        while start < ents[0].start and (doc[start].lower_ in rules.stage_words
                                         or doc[start].lower_ in rules.leading_words):
            start += 1  # "metastatic castration-resistant prostate cancer (mCRPC)"
        if _lookup(names, doc[start:end].text):
            continue  # a lexicon name: pipeline.evidence reads it as one
        between = [t.lower_ for t in doc[ents[0].end:ents[-1].start]]
        if len(ents) == 2 and between in (["and"], ["or"]) and start == ents[0].start:
            found[short] = f"{ents[0].id_} {between[0]} {ents[1].id_}"
        elif len(ents) == 1 and start < ents[0].start \
                and all(_names(t, name_words, rules) for t in doc[start:ents[0].start]):
            words = [as_named(t, name_words) for t in doc[start:ents[0].start]]
            found[short] = us_spelling(" ".join([*words, ents[0].id_]), rules)
    return found


def long_form_start(doc: Doc, abbr: dict) -> int:
    """Where the long form of a short form starts, with the first words scispaCy's detector
    may leave out when their initials are the short form's first letters ("Idiopathic
    intracranial hypertension (IIH)": the detector reads "intracranial hypertension")."""
    start, end = abbr["long_start"], abbr["long_end"]
    letters = [c for c in abbr["short_text"] if c.isupper()]
    sent_start = doc[start].sent.start
    while start > sent_start and end - start < len(letters) \
            and doc[start - 1].text[:1].upper() == letters[len(letters) - (end - start) - 1]:
        start -= 1
    return start


def us_spelling(name: str, rules: ConditionRules) -> str:
    """A disease's name in the lexicon's (US) spelling: "oesophageal" is "esophageal"."""
    words = name.split()
    for k, word in enumerate(words):
        for british, us in rules.us_spellings.items():
            if british in word.lower():
                word = word.replace(british, us).replace(british.capitalize(), us.capitalize())
        words[k] = word
    return " ".join(words)


def instrument_diseases(doc: Doc, rules: ConditionRules) -> list[str]:
    """The disease of every disease-specific score named ("ACR20 response": rheumatoid arthritis)."""
    strings = doc.vocab.strings
    found = []
    for word in doc.to_array(ORTH).tolist():  # no Token objects: cheaper
        text = strings[word]
        match = _LETTERS.match(text.lower())
        # a score is written in capitals ("ACR20", "ADAS-Cog"): German "das" is none
        if match and match.group() in rules.instruments and text[:2].isupper():
            found.append(rules.instruments[match.group()])
    return found


# The letters a score's name starts with: "ACR20" -> "acr", "HAM-D17" -> "ham-d".
_LETTERS = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _lookup(names: dict[str, str], text: str) -> str | None:
    key = name_key(text)
    return names.get(key) or (names.get(key[:-1]) if key.endswith("s") else None)


def name_key(text: str) -> str:
    """A disease name compared without case, spaces and punctuation ("+" kept: HR+)."""
    return "".join(c for c in text.lower() if c.isalnum() or c == "+")
