"""onco_drug_stems: unseen agents recognised by their INN stem ("-tinib", "-mab", "-ciclib").

A new kinase inhibitor or antibody appears in the news before any lexicon lists it; its
International Nonproprietary Name says what it is. Stems live in models/lexicons/drug_stems.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..data import check_keys, read_json_file
from .cohorts.records import BRAND_MARKS
from .words import strings_of


@dataclass(frozen=True)
class ArmHeads:
    """What a trial assigns its arms to, when the name is in no lexicon and has no stem.

    "randomly assigned to receive warfarin or placebo": the word after an assignment is the
    arm's treatment; "the colchicine group" names an arm by its treatment when the same word
    is also what patients received ("received colchicine") or were assigned to.
    """

    assignments: tuple[tuple[str, ...], ...]  # "randomly assigned to", "allocated to"
    assignment_verbs: frozenset[str]  # "randomised [120 adults with gout] to"
    reach: int  # how many words may stand between such a verb and its "to"
    interrupters: frozenset[str]  # words that end that reach ("that", "trial")
    receipts: tuple[tuple[str, ...], ...]  # "received", "treated with"
    skip: frozenset[str]  # words between the assignment and the name ("receive", "either")
    alternatives: frozenset[str]  # "or", "versus": a second name follows
    group_nouns: frozenset[str]  # "group", "arm"
    not_treatments: frozenset[str]  # "control", "standard", "usual": no treatment's name
    column_openers: frozenset[str]  # what may stand before "X (n = 296)": "|", "or", "to"
    min_length: int
    cell_reach: int  # how far a table cell may give its size after the name
    code_pattern: re.Pattern[str]  # a research code ("RMC-6291", "ABBV400")
    not_code_prefixes: frozenset[str]  # trial and registry ids of the same shape ("NCT", "RTOG")
    dose_units: frozenset[str] = frozenset()  # "received X 20 mg": a dose follows a name
    dose_links: frozenset[str] = frozenset()  # "X at (a dose of) 20 mg"
    modifier_endings: tuple[str, ...] = ()  # "flexibly dosed X": adverbs, participles
    product_nouns: frozenset[str] = frozenset()  # "X zoster vaccine": the class word that ends a name
    product_reach: int = 2  # how many words may stand between the name and that class word
    class_nouns: frozenset[str] = frozenset()  # "X, an oral HIF-2α inhibitor": what X is
    class_reach: int = 6  # how many words may stand between "a" and that class noun
    not_name_endings: tuple[str, ...] = ()  # "-tion", "-ment": English nouns, no agent's name
    noun_endings: tuple[str, ...] = ()  # "anticoagulation", "management": no agent's name
    name_dose_units: frozenset[str] = frozenset()  # "X 40 mg": a name dosed in these units
    routes: frozenset[str] = frozenset()  # "received oral X": a route between receipt and name
    apposition_openers: frozenset[str] = frozenset()  # "X, a cheap steroid": what X is
    # "known as TIP, short for paclitaxel, ifosfamide and cisplatin": a regimen's short form
    regimen_links: tuple[tuple[str, ...], ...] = ()
    drug_nouns: frozenset[str] = frozenset()  # "the new pill, Zarvexa,": what a name is
    naming_links: tuple[tuple[str, ...], ...] = ()  # "a drug called X", "known as X"
    name_ends: frozenset[str] = frozenset()  # what may follow such a name: ",", "is", ...
    product_kinds: frozenset[str] = frozenset()  # "X is a once-monthly injection": what X is
    name_forms: frozenset[str] = frozenset()  # "treated with X capsules": the form received
    comparisons: frozenset[str] = frozenset()  # receipts that compare: "compared X with Y"
    comparison_joins: frozenset[str] = frozenset()  # "with", "to", "against" after them

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArmHeads:
        check_keys(data, set(cls.__dataclass_fields__) | {"_comment"}, "drug_stems.json arm_heads")
        return cls(assignments=tuple(tuple(p.split()) for p in data["assignments"]),
                   assignment_verbs=frozenset(data["assignment_verbs"]), reach=int(data["reach"]),
                   interrupters=frozenset(data["interrupters"]),
                   receipts=tuple(tuple(p.split()) for p in data["receipts"]),
                   skip=frozenset(data["skip"]), alternatives=frozenset(data["alternatives"]),
                   group_nouns=frozenset(data["group_nouns"]),
                   not_treatments=frozenset(data["not_treatments"]),
                   column_openers=frozenset(data["column_openers"]),
                   min_length=int(data["min_length"]),
                   cell_reach=int(data["cell_reach"]),
                   code_pattern=re.compile(data["code_pattern"]),
                   not_code_prefixes=frozenset(p.upper() for p in data["not_code_prefixes"]),
                   dose_units=frozenset(u.lower() for u in data.get("dose_units", ())),
                   dose_links=frozenset(data.get("dose_links", ())),
                   modifier_endings=tuple(data.get("modifier_endings", ())),
                   product_nouns=frozenset(data.get("product_nouns", ())),
                   product_reach=int(data.get("product_reach", 2)),
                   class_nouns=frozenset(data.get("class_nouns", ())),
                   class_reach=int(data.get("class_reach", 6)),
                   not_name_endings=tuple(data.get("not_name_endings", ())),
                   noun_endings=tuple(data.get("noun_endings", ())),
                   name_dose_units=frozenset(data.get("name_dose_units", ())),
                   routes=frozenset(data.get("routes", ())),
                   apposition_openers=frozenset(data.get("apposition_openers", ())),
                   regimen_links=tuple(tuple(p.split()) for p in data.get("regimen_links", ())),
                   drug_nouns=frozenset(data.get("drug_nouns", ())),
                   naming_links=tuple(tuple(p.split()) for p in data.get("naming_links", ())),
                   name_ends=frozenset(data.get("name_ends", ())),
                   product_kinds=frozenset(data.get("product_kinds", ())),
                   name_forms=frozenset(data.get("name_forms", ())),
                   comparisons=frozenset(data.get("comparisons", ())),
                   comparison_joins=frozenset(data.get("comparison_joins", ())))

    def to_dict(self) -> dict[str, Any]:
        return {"assignments": [" ".join(p) for p in self.assignments],
                "assignment_verbs": sorted(self.assignment_verbs), "reach": self.reach,
                "interrupters": sorted(self.interrupters),
                "receipts": [" ".join(p) for p in self.receipts], "skip": sorted(self.skip),
                "alternatives": sorted(self.alternatives), "group_nouns": sorted(self.group_nouns),
                "not_treatments": sorted(self.not_treatments),
                "column_openers": sorted(self.column_openers), "min_length": self.min_length,
                "cell_reach": self.cell_reach,
                "code_pattern": self.code_pattern.pattern,
                "not_code_prefixes": sorted(self.not_code_prefixes),
                "dose_units": sorted(self.dose_units), "dose_links": sorted(self.dose_links),
                "modifier_endings": list(self.modifier_endings),
                "product_nouns": sorted(self.product_nouns), "product_reach": self.product_reach,
                "class_nouns": sorted(self.class_nouns), "class_reach": self.class_reach,
                "not_name_endings": list(self.not_name_endings),
                "noun_endings": list(self.noun_endings),
                "name_dose_units": sorted(self.name_dose_units),
                "routes": sorted(self.routes),
                "apposition_openers": sorted(self.apposition_openers),
                "regimen_links": [" ".join(p) for p in self.regimen_links],
                "drug_nouns": sorted(self.drug_nouns),
                "naming_links": [" ".join(p) for p in self.naming_links],
                "name_ends": sorted(self.name_ends),
                "product_kinds": sorted(self.product_kinds),
                "name_forms": sorted(self.name_forms),
                "comparisons": sorted(self.comparisons),
                "comparison_joins": sorted(self.comparison_joins)}

    @property
    def triggers(self) -> frozenset[str]:
        """The words that open a pattern: first words of the phrases, "to" and "("."""
        return self._triggers

    def __post_init__(self) -> None:
        first = {p[0] for p in self.assignments + self.receipts} | {"to", "(", "|"}
        object.__setattr__(self, "_triggers", frozenset(first))

    def could_name(self, token: Token) -> bool:
        """A word that could be a treatment's name: a word, no entity, no known role; or a
        research code."""
        return (token.is_alpha and len(token) >= self.min_length and not token.ent_type_
                and not token.is_upper and token.lower_ not in self.not_treatments
                and not token.is_stop and not self.is_modifier(token)
                and not token.lower_.endswith(self.noun_endings) and not _plural(token)
                and not _possessive(token)) or self.is_code(token)

    def is_modifier(self, token: Token) -> bool:
        """'flexibly', 'dosed', 'escalating': how a treatment is given, not its name."""
        return token.is_lower and token.lower_.endswith(self.modifier_endings)

    def is_code(self, token: Token) -> bool:
        """'RMC-6291', 'ABBV-400': letters and digits as companies name agents in development
        (a trial id such as 'RTOG-0617' has the same shape: its prefixes are listed)."""
        match = self.code_pattern.match(token.text)
        return (match is not None and not token.ent_type_
                and match.group(1).upper() not in self.not_code_prefixes)


def _plural(token: Token) -> bool:
    """'receiving topical corticosteroids', 'antibiotics', 'emollients': a plural noun names a
    class of drugs, never one agent (an INN ends in "s" only as "-us": 'everolimus')."""
    word = token.lower_
    return token.is_lower and word.endswith("s") and not word.endswith(("us", "ss"))


def _possessive(token: Token) -> bool:
    """'assigned to Epstein's unit': an owner, not a treatment."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"'s", "’s"}


def find_arm_heads(doc: Doc, heads: ArmHeads, lowers: list[str] | None = None) -> list[Span]:
    """DRUG spans for the unlisted names a trial assigns its arms to (see ArmHeads)."""
    lowers = lowers if lowers is not None else lower_words(doc)
    n = len(lowers)
    assigned: set[int] = set()
    received: set[str] = set()
    spaced: set[tuple[str, str]] = set()
    # Only the words that can open a pattern are looked at (a few per sentence): this runs
    # on every document, most of which assign nothing.
    triggers = heads.triggers | heads.group_nouns | heads.class_nouns | heads.name_dose_units \
        | heads.drug_nouns | {"="}
    for i in [k for k, w in enumerate(lowers) if w in triggers]:
        word = lowers[i]
        if word in heads.drug_nouns:
            assigned |= _apposed_name(doc, lowers, i, heads)
            if word in heads.product_kinds and i + 1 < n and lowers[i + 1] in {",", ".", ";"}:
                assigned |= _classed_name(doc, lowers, i, heads)  # "Zarvexa is a pill."
            continue
        if word in heads.class_nouns:
            assigned |= _classed_name(doc, lowers, i, heads)
            continue
        if word in heads.name_dose_units:
            assigned |= _dosed_name(doc, lowers, i, heads)
            continue
        if word in heads.group_nouns or word == "=":
            assigned |= _sized_code(doc, lowers, i, heads) | _group_beside_control(doc, lowers, i,
                                                                                  heads)
            continue
        for phrase in heads.assignments:
            if phrase[0] == word and tuple(lowers[i:i + len(phrase)]) == phrase:
                assigned |= _names_after(doc, i + len(phrase), heads)
        if word == "to" and _assigned_before(doc, lowers, i, heads):
            assigned |= _names_after(doc, i + 1, heads)  # "randomised 120 adults with gout to X"
        for phrase in heads.receipts:
            if phrase[0] == word and tuple(lowers[i:i + len(phrase)]) == phrase:
                j = i + len(phrase)
                while j < n - 1 and lowers[j] in heads.routes:
                    j += 1  # "received oral X"
                if j < n and heads.is_code(doc[j]):
                    assigned.add(j)  # "received ABBV-400": a code names nothing but an agent
                elif j + 1 < n and _code_prefix(doc[j], heads) and _code_number(doc[j + 1]):
                    spaced.add((lowers[j], lowers[j + 1]))  # "received AZD 0901"
                elif j < n and heads.could_name(doc[j]):
                    joins = heads.comparison_joins if phrase[-1] in heads.comparisons else frozenset()
                    if _dose_after(doc, lowers, j + 1, heads) \
                            or _control_after(doc, j + 1, heads, joins) \
                            or j + 1 < n and (lowers[j + 1] in _ALONE
                                              or lowers[j + 1] in heads.name_forms):
                        # "treated with X 20 mg", "received X or placebo", "received X alone",
                        # "treated with X capsules"
                        assigned.add(j)
                    else:
                        received.add(lowers[j])
        if word == "(" and 0 < i and i + 3 < n and lowers[i + 1] == "n" and lowers[i + 2] == "=" \
                and heads.could_name(doc[i - 1]) \
                and (i == 1 or lowers[i - 2] in heads.column_openers):
            assigned.add(i - 1)  # "Warfarin (n = 296)": a column or arm named with its size
        if word == "|" and i + 2 < n and heads.could_name(doc[i + 1]) \
                and not _numbered_label(doc, lowers, i + 1, heads) \
                and _cell_has_size(lowers, i + 2, heads):
            assigned.add(i + 1)  # "| Warfarin, n = 296 |", "| Warfarin group (n=296) |"
        if word == "(":
            assigned |= _coded_name(doc, lowers, i, heads)
    if not assigned and not received:
        return spaced_code_spans(doc, lowers, spaced)
    named = {lowers[i] for i in assigned} | received
    for i in range(1, n - 1):
        if lowers[i] in named and lowers[i + 1] in heads.group_nouns and lowers[i - 1] == "the" \
                and heads.could_name(doc[i]):
            assigned.add(i)  # "in the colchicine group"
    names = {lowers[k] for k in assigned}
    for i in range(n):
        if i not in assigned and lowers[i] in names and heads.could_name(doc[i]):
            assigned.add(i)  # every other mention of an assigned name
    products = _product_names(doc, lowers, assigned, heads)
    if products:
        return _product_spans(doc, lowers, assigned, products, heads) \
            + spaced_code_spans(doc, lowers, spaced)
    return [Span(doc, i, i + 1, label="DRUG", span_id=lowers[i])
            for i in sorted(assigned)] + spaced_code_spans(doc, lowers, spaced)


def _product_spans(doc: Doc, lowers: list[str], assigned: set[int],
                   products: dict[int, tuple[int, str]], heads: ArmHeads) -> list[Span]:
    """The spans of the agents when some are product names (_product_names): a word of a
    product's name alone is the product when it is a code or a name in mixed case ('the
    MenXY group'), and nothing when it is a word ('recombinant protein', 'Rotavirus was
    found'); 'the vaccine' is the product when the text names one."""
    named = {lowers[k]: name for i, (end, name) in products.items() for k in range(i, end)}
    spans = []
    for i in sorted(assigned | products.keys()):
        if i in products:
            spans.append(Span(doc, i, products[i][0], label="DRUG", span_id=products[i][1]))
        elif any(s < i < e for s, (e, _) in products.items()):
            continue
        elif lowers[i] not in named:
            spans.append(Span(doc, i, i + 1, label="DRUG", span_id=lowers[i]))
        elif heads.is_code(doc[i]) or not (doc[i].is_lower or doc[i].is_title):
            spans.append(Span(doc, i, i + 1, label="DRUG", span_id=named[lowers[i]]))
    if len(set(named.values())) == 1:
        name = next(iter(named.values()))
        taken = {k for s, (e, _) in products.items() for k in range(s, e)}
        spans += [Span(doc, k, k + 1, label="DRUG", span_id=name) for k in range(1, len(lowers))
                  if lowers[k] in heads.product_nouns and lowers[k - 1] == "the"
                  and k not in taken and not doc[k].ent_type_]
    return spans


def coded_products(doc: Doc, lowers: list[str], heads: ArmHeads) -> list[Span]:
    """'the RSVPreF3 OA vaccine', 'MenABCWY vaccine', 'PCV21 vaccine': a product named by a
    code-like word (letters with digits, or capitals inside) and the class word that closes
    it is an agent, whatever precedes it ('COVID-19 vaccine' names a disease: an entity)."""
    found = []
    for v in [k for k, w in enumerate(lowers) if w in heads.product_nouns]:
        k, coded = v, False
        while k > 0 and v - k <= heads.product_reach and _code_like(doc[k - 1]):
            k -= 1
            coded = coded or _product_code(doc[k].text)
        if coded:
            found.append(Span(doc, k, v + 1, label="DRUG", span_id=" ".join(lowers[k:v + 1])))
    return found


def _code_like(token: Token) -> bool:
    """A word of a product's code name: letters and digits with a capital, no entity."""
    return (not token.ent_type_ and not token.is_lower and not token.is_title
            and token.text.replace("-", "").isalnum() and not token.is_punct)


def _product_code(text: str) -> bool:
    """'RSVPreF3', 'PCV21', 'MenABCWY': digits among letters, or capitals after lower case."""
    letters = any(c.isalpha() for c in text)
    return letters and (any(c.isdigit() for c in text) or any(
        a.islower() and b.isupper() for a, b in zip(text, text[1:], strict=False)))


def _product_names(doc: Doc, lowers: list[str], assigned: set[int],
                   heads: ArmHeads) -> dict[int, tuple[int, str]]:
    """'randomized to recombinant zoster vaccine or placebo', 'the MenXY conjugate vaccine':
    an agent's name that a class word such as "vaccine" closes a word or two later is the
    whole product name (start -> (end, name)); its other mentions in full are too."""
    if not heads.product_nouns:
        return {}
    found: dict[int, tuple[int, str]] = {}
    for i in sorted(assigned):
        for j in range(i + 1, min(len(lowers), i + heads.product_reach + 2)):
            if lowers[j] in heads.product_nouns:
                start = i
                while start > 0 and heads.is_modifier(doc[start - 1]):
                    start -= 1  # "inactivated rotavirus vaccine"
                found[start] = (j + 1, " ".join(lowers[start:j + 1]))
                break
            # (the pathogen or disease a vaccine is named by may be an entity: "zoster")
            if not (doc[j].is_alpha or heads.is_code(doc[j])) or doc[j].is_stop \
                    or doc[j].ent_type_ in {"DRUG_CLASS", "COUNTRY"}:
                break
    return found


def _dosed_name(doc: Doc, lowers: list[str], i: int, heads: ArmHeads) -> set[int]:
    """'Zenvatide 40 mg was compared with placebo', 'took mavorin 20 mg': a name written right
    before an amount in milligrams (the unit at ``i``) is the agent dosed."""
    if i >= 2 and doc[i - 1].like_num and heads.could_name(doc[i - 2]) \
            and not lowers[i - 2].endswith(heads.not_name_endings):
        return {i - 2}
    return set()


def _classed_name(doc: Doc, lowers: list[str], i: int, heads: ArmHeads) -> set[int]:
    """'Casdatifan, an oral HIF-2α inhibitor, ...', 'Velmora is a first-in-class antagonist of
    ...': a name set beside "a"/"an" and the class noun at ``i`` (only its modifiers between)
    is an agent of that class."""
    for k in range(i - 1, max(0, i - heads.class_reach - 1), -1):
        if lowers[k] in {"a", "an"}:
            break
        if lowers[k] in {",", ";", ".", "(", ")", "and", "or", "of", "with", "the"}:
            return set()
    else:
        return set()
    j = k - 1  # "X, an ..." or "X is an ..."
    if j >= 1 and lowers[j] in {",", "is", "was"}:
        name = doc[j - 1]
        if heads.could_name(name) and not name.lower_.endswith(heads.not_name_endings) \
                and (name.is_title or name.is_lower):
            return {j - 1}
    return set()


def _group_beside_control(doc: Doc, lowers: list[str], i: int, heads: ArmHeads) -> set[int]:
    """'In the torvanex arm, 40 of 100 responded, against 20 of 98 in the placebo arm': a name
    that opens 'the X arm' (a group noun at ``i``) in a sentence that names another arm by a
    placebo or a known drug ('the placebo arm', 'the warfarin group') is an arm's agent."""
    if i < 2 or lowers[i - 2] != "the" or not heads.could_name(doc[i - 1]) \
            or doc[i - 1].lower_.endswith(heads.not_name_endings):
        return set()
    if any(e.label_ == "DRUG" and len(e) > 1 and e[0].lower_ == lowers[i - 1] for e in doc.ents):
        return set()  # "the interferon group": the first word of a drug named in full
    sent = doc[i].sent
    for k in range(sent.start + 1, sent.end - 1):
        if k != i and lowers[k] in heads.group_nouns and lowers[k - 2] == "the" \
                and doc[k - 1].ent_type_ in {"DRUG", "DRUG_CLASS"}:
            return {i - 1}
    return set()


def _apposed_name(doc: Doc, lowers: list[str], i: int, heads: ArmHeads) -> set[int]:
    """'The new pill, Zarvexa, ...', 'an experimental drug known as vemtoralin', 'the drug,
    sold as Kestrova,', 'the investigational agent ONC-2201': a name set beside a noun that
    says what it is (at ``i``), after a comma or a naming link, or a research code right
    after it, and closed by punctuation or a verb of being (name_ends), is that agent."""
    n = len(lowers)
    j = i + 1
    linked = j < n and lowers[j] == ","
    j += linked
    for link in heads.naming_links:
        if tuple(lowers[j:j + len(link)]) == link:
            j += len(link)
            linked = True
            break
    if j >= n:
        return set()
    name = doc[j]
    if heads.is_code(name):
        return {j}  # (a code names nothing but an agent)
    if not heads.could_name(name) or name.lower_.endswith(heads.not_name_endings):
        return set()
    if linked and (name.is_title or name.is_lower) \
            and (j + 1 == n or lowers[j + 1] in heads.name_ends):
        return {j}
    if not linked and doc[i].is_lower and name.is_title and not name.is_sent_start:
        return {j}  # "its drug Zarvexa met ...": a capitalised name right after the noun
    return set()


def _coded_name(doc: Doc, lowers: list[str], i: int, heads: ArmHeads) -> set[int]:
    """'Casdatifan (AB521)', 'HLV-5520 (zelmirestat)': a name written with a research code in
    brackets at ``i`` (or a code with the name) is the agent the code stands for: companies
    name a drug in development both ways, and a code names nothing else."""
    if not 0 < i < len(lowers) - 2 or lowers[i + 2] != ")":
        return set()
    if heads.is_code(doc[i + 1]) and heads.could_name(doc[i - 1]) and not heads.is_code(doc[i - 1]):
        return {i - 1}
    if heads.is_code(doc[i - 1]) and heads.could_name(doc[i + 1]) and not heads.is_code(doc[i + 1]):
        return {i + 1}
    return set()


def _sized_code(doc: Doc, lowers: list[str], i: int, heads: ArmHeads) -> set[int]:
    """'the VE303 group', 'N = 152 for VE303': a research code that names an arm (before a
    group noun at ``i``, or after the "=" of a size at ``i`` and "for")."""
    if lowers[i] != "=":
        return {i - 1} if i > 0 and heads.is_code(doc[i - 1]) else set()
    j = i + 3
    if i > 0 and lowers[i - 1] == "n" and j < len(lowers) and doc[i + 1].like_num \
            and lowers[i + 2] == "for" and heads.is_code(doc[j]):
        return {j}
    return set()


def spaced_code_spans(doc: Doc, lowers: list[str], codes: set[tuple[str, str]]) -> list[Span]:
    """'received AZD 0901', 'treated with AMG 193': a research code written in two words after
    a receipt (``codes``, found by find_arm_heads) names an agent, and so does every other
    mention of it (in lower case)."""
    if not codes:
        return []
    return [Span(doc, i, i + 2, label="DRUG", span_id=f"{w} {lowers[i + 1]}")
            for i, w in enumerate(lowers[:-1]) if (w, lowers[i + 1]) in codes]


def lower_words(doc: Doc) -> list[str]:
    """The lower-case words of the document, read as ids (Token objects cost more)."""
    return strings_of(doc, doc.to_array(LOWER).tolist())


def _dose_after(doc: Doc, lowers: list[str], j: int, heads: ArmHeads) -> bool:
    """Does a dose follow from ``j`` on ("20 mg", "at 200 mg", "at a dose of 5 mg/kg")?"""
    k = j
    while k < len(lowers) and k < j + 4 and lowers[k] in heads.dose_links:
        k += 1
    return k + 1 < len(lowers) and doc[k].like_num and lowers[k + 1] in heads.dose_units


def _control_after(doc: Doc, j: int, heads: ArmHeads, joins: frozenset[str] = frozenset()) -> bool:
    """Is the name at ``j - 1`` compared with a placebo or a known drug ("X or placebo",
    "X (n = 100) versus warfarin"; after "compared", ``joins``: "compared X with placebo")?"""
    if j < len(doc) and doc[j].text == "(":  # "X (n = 100) or placebo": past its size
        j = next((k + 1 for k in range(j + 1, min(len(doc), j + 10)) if doc[k].text == ")"), j)
    if not (j + 1 < len(doc) and (doc[j].lower_ in heads.alternatives - {"and"}
                                  or doc[j].lower_ in joins)):
        return False
    k = j + 1
    while k < len(doc) - 1 and doc[k].lower_ in heads.skip:
        k += 1  # "X or a placebo", "versus the standard drug"
    return doc[k].ent_type_ in {"DRUG", "DRUG_CLASS"}


def _numbered_label(doc: Doc, lowers: list[str], j: int, heads: ArmHeads) -> bool:
    """'| Period 1, X (n = 77) |', '| Week 12, placebo (n = 71) |': a word with a number that
    is no dose after it labels a time or a part of the trial, not a treatment."""
    return j + 1 < len(lowers) and doc[j + 1].like_num \
        and not (j + 2 < len(lowers) and lowers[j + 2] in heads.dose_units)


def _cell_has_size(lowers: list[str], j: int, heads: ArmHeads) -> bool:
    """Does the table cell from ``j`` on give a group size ("(n = 296)", ", n=296", "N = 296")
    within a few words?"""
    for k in range(j, min(len(lowers), j + heads.cell_reach)):
        word = lowers[k]
        if word in {"|", "\n"}:
            return False
        if (word == "n" and k + 1 < len(lowers) and lowers[k + 1] == "=") or (
                word.startswith("n=") and word[2:].replace(",", "").isdigit()):
            return True
    return False


def _assigned_before(doc: Doc, lowers: list[str], i: int, heads: ArmHeads) -> bool:
    """Is the "to" at ``i`` the end of "randomised [120 adults with gout] to"? Not when a
    clause or a study noun comes between ("a randomized trial that led to approval")."""
    for k in range(i - 1, max(-1, i - heads.reach - 1), -1):
        if doc[k + 1].is_sent_start:
            return False  # the sentence began after k
        if lowers[k] in heads.assignment_verbs:
            return True
        if lowers[k] in heads.interrupters:
            return False
        if lowers[k] == "to" and lowers[i - 1] not in heads.alternatives and lowers[i - 1] != ",":
            # "infants of women assigned to X and in 33% of infants born to women": the verb
            # had its "to"; a later one continues its list only after "or", "and" or a comma.
            return False
    return False


def _names_after(doc: Doc, j: int, heads: ArmHeads) -> set[int]:
    """'to (receive) (either) X or Y': the token indices of X and Y that could be names."""
    while j < len(doc) and (doc[j].lower_ in heads.skip or heads.is_modifier(doc[j])):
        j += 1
    found: set[int] = set()
    while j < len(doc) and (heads.could_name(doc[j]) or doc[j].ent_type_ == "DRUG"):
        if doc[j].ent_type_ == "DRUG":  # "to escitalopram or sertraline": a known name first
            while j < len(doc) and doc[j].ent_type_ == "DRUG":
                j += 1
        else:
            found.add(j)
            j += 1
        if j < len(doc) and doc[j].lower_ == "alone":  # "gemcitabine alone (n = 87), ..."
            j += 1
        if j < len(doc) and doc[j].text == "(":  # "vasopressin (n = 80) or ..."
            close = next((k for k in range(j + 1, min(len(doc), j + 12)) if doc[k].text == ")"), None)
            j = close + 1 if close is not None else j
        if j + 1 < len(doc) and doc[j].lower_ in heads.alternatives:
            j += 1
            while j < len(doc) and doc[j].lower_ in heads.skip:
                j += 1
        elif j + 1 < len(doc) and doc[j].text == "," \
                and doc[j + 1].lower_ in heads.apposition_openers:
            break  # "to X plus Y, a cheap corticosteroid, and ...": what Y is, no option
        elif j + 1 < len(doc) and doc[j].lower_ in _OPTION_GLUE:
            # "to gemcitabine alone (n = 87), gemcitabine plus X (n = 88) or ...": the next
            # option of the list, or the agent added to the one before
            while j < len(doc) and (doc[j].lower_ in _OPTION_GLUE or doc[j].lower_ in heads.skip
                                    or doc[j].lower_ in heads.alternatives):
                j += 1
        else:
            break
    return found


#: Words after a name received that say it was given as the treatment: "received X alone".
_ALONE = frozenset({"alone", "monotherapy"})

#: Words between the options of an assignment, or between the agents of one option.
_OPTION_GLUE = frozenset({",", "plus", "+"})


@dataclass(frozen=True)
class DrugStems:
    stems: tuple[str, ...]
    prefixes: tuple[str, ...]
    min_length: int
    not_drugs: frozenset[str]
    not_partners: tuple[str, ...]
    second_words: tuple[str, ...] = ()
    given_suffixes: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    arm_heads: ArmHeads | None = None
    variant_words: frozenset[str] = frozenset()  # "beta" of "interferon beta-1a"
    code_links: tuple[tuple[str, ...], ...] = ()  # "formerly", "also known as": code and name
    short_suffixes: tuple[str, ...] = ()  # "-cel" of "cilta-cel": a cell therapy's short name
    radionuclides: tuple[tuple[str, str], ...] = ()  # ("lutetium", "lu"): element and symbol
    chelators: tuple[str, ...] = ()  # "-xetan": the second word of a radioligand
    analyte_openers: frozenset[str] = frozenset()  # "plasma normetanephrine": a measured level
    name_titles: frozenset[str] = frozenset()  # "Dr Nakasone": a person, whatever the ending
    company_words: frozenset[str] = frozenset()  # "Halvorsen Therapeutics": a company
    biologic_suffix: re.Pattern[str] | None = None  # "duvotecan-kvnx": a US biologic's suffix

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrugStems:
        check_keys(data, {"stems", "prefixes", "min_length", "not_drugs", "not_partners",
                          "second_words", "given_suffixes", "anaphors", "arm_heads",
                          "variant_words", "code_links", "short_suffixes", "radionuclides",
                          "chelators", "analyte_openers", "name_titles", "company_words",
                          "biologic_suffix", "_comment"},
                   "drug_stems.json")
        return cls(stems=tuple(sorted(data["stems"], key=len, reverse=True)),
                   prefixes=tuple(data["prefixes"]),
                   min_length=int(data["min_length"]),
                   not_drugs=frozenset(w.lower() for w in data["not_drugs"]),
                   not_partners=tuple(data["not_partners"]),
                   second_words=tuple(data.get("second_words", ())),
                   given_suffixes=frozenset(data.get("given_suffixes", ())),
                   anaphors=frozenset(data.get("anaphors", ())),
                   variant_words=frozenset(data.get("variant_words", ())),
                   code_links=tuple(tuple(p.lower().split())
                                    for p in data.get("code_links", ())),
                   short_suffixes=tuple(data.get("short_suffixes", ())),
                   radionuclides=tuple((e.lower(), sym.lower()) for e, sym
                                       in data.get("radionuclides", {}).items()),
                   chelators=tuple(data.get("chelators", ())),
                   analyte_openers=frozenset(data.get("analyte_openers", ())),
                   name_titles=frozenset(data.get("name_titles", ())),
                   company_words=frozenset(data.get("company_words", ())),
                   biologic_suffix=(re.compile(data["biologic_suffix"])
                                    if data.get("biologic_suffix") else None),
                   arm_heads=ArmHeads.from_dict(data["arm_heads"]) if "arm_heads" in data else None)

    def to_dict(self) -> dict[str, Any]:
        found = {"stems": list(self.stems), "prefixes": list(self.prefixes),
                 "min_length": self.min_length, "not_drugs": sorted(self.not_drugs),
                 "not_partners": list(self.not_partners),
                 "second_words": list(self.second_words),
                 "given_suffixes": sorted(self.given_suffixes),
                 "anaphors": sorted(self.anaphors),
                 "variant_words": sorted(self.variant_words),
                 "code_links": [" ".join(p) for p in self.code_links],
                 "short_suffixes": list(self.short_suffixes),
                 "radionuclides": dict(self.radionuclides), "chelators": list(self.chelators),
                 "analyte_openers": sorted(self.analyte_openers),
                 "name_titles": sorted(self.name_titles),
                 "company_words": sorted(self.company_words)}
        if self.biologic_suffix is not None:
            found["biologic_suffix"] = self.biologic_suffix.pattern
        if self.arm_heads is not None:
            found["arm_heads"] = self.arm_heads.to_dict()
        return found

    def is_drug_name(self, word: str) -> bool:
        lower = word.lower()
        return (len(lower) >= self.min_length and lower.isalpha() and lower not in self.not_drugs
                and not word.isupper()
                and (lower.endswith(self.stems) or lower.startswith(self.prefixes))
                and not lower.endswith(self._not_drug_endings))  # "SmartThermostat"

    def __post_init__(self) -> None:
        object.__setattr__(self, "_not_drug_endings", tuple(self.not_drugs))
        object.__setattr__(self, "_symbols", frozenset(sym for _, sym in self.radionuclides))
        object.__setattr__(self, "link_firsts", frozenset(p[0] for p in self.code_links))
        object.__setattr__(self, "link_words", frozenset(w for p in self.code_links for w in p))

    def names_someone(self, before: str, word: str, after: str) -> bool:
        """'T. Halvorsen', 'Dr Nakasone', 'Halvorsen Therapeutics': a capitalised word after
        an initial or a title, or before a company's last word, is a person's or a company's
        name, whatever its ending (an INN is written in lower case)."""
        return word.istitle() and (_INITIAL.match(before) is not None
                                   or before.lower().rstrip(".") in self.name_titles
                                   or after.lower() in self.company_words)

    def without_suffix(self, word: str) -> str:
        """'duvotecan-kvnx' -> 'duvotecan': the name of a biologic without the four letters
        of no meaning the FDA adds to it (Nonproprietary Naming of Biological Products, 2017);
        any other word as it is."""
        match = self.biologic_suffix.match(word) if self.biologic_suffix else None
        return match.group(1) if match else word

    def radioligand(self, word: str) -> bool:
        """'177Lu-PNT2002', '[177Lu]Lu-PSMA-617', '225Ac-FPI-2265': a ligand labelled with a
        radionuclide, written as one word (mass number, symbol, hyphen, ligand)."""
        match = _RADIOLIGAND.match(word)
        return match is not None and match.group(1).lower() in self._symbols

    def is_short_form(self, word: str) -> bool:
        """'zevor-cel', 'Anbal-cel': the short name of a cell therapy (a syllable or two of
        the INN and its class suffix)."""
        head, sep, suffix = word.lower().rpartition("-")
        return (bool(sep) and f"-{suffix}" in self.short_suffixes and head.isalpha()
                and 3 <= len(head) <= 10)

    def given(self, word: str, aliases: dict[str, str] | None = None) -> str | None:
        """'pembrolizumab-based', 'Keytruda-treated': the drug a word with a suffix of
        receipt names, or None."""
        head, _, suffix = word.lower().rpartition("-")
        if suffix not in self.given_suffixes or not head:
            return None
        aliases = aliases or {}
        if head in aliases:
            return aliases[head]
        return head if self.is_drug_name(head) else None

    def combination(self, word: str, aliases: dict[str, str] | None = None) -> str | None:
        """'sacubitril-valsartan', 'dolutegravir/lamivudine': a fixed-dose combination written
        with a hyphen or a slash, as "a + b".

        When every part is a listed name or alias (``aliases``: lower-case word -> generic),
        the parts are those generics. Otherwise one part must carry a stem or be a listed
        name ("ganaplacide-lumefantrine": a new agent with an old partner) and the others
        look like names too (long, and not an English suffix word such as "-based",
        "-related", "-naive"); a slash joins only names (not "mg/kg", "and/or").
        """
        lower = word.lower()
        parts = re.split(r"[/-]", lower)
        if len(parts) < 2:
            return None
        aliases = aliases or {}
        if all(p in aliases or self.is_drug_name(p) for p in parts):
            names = {n for p in parts for n in aliases.get(p, p).split(" + ")}
            return " + ".join(sorted(names)) if len(names) > 1 else None
        if "/" in lower or not any(self.is_drug_name(p) or p in aliases for p in parts):
            return None
        if any(not (p.isalpha() and len(p) >= self.min_length) or p.endswith(self.not_partners)
               or p in self.not_drugs for p in parts):
            return None
        return " + ".join(sorted({n for p in parts for n in aliases.get(p, p).split(" + ")}))


def find_stem_drugs(doc: Doc, stems: DrugStems, first_words: dict[str, str] | None = None,
                    known: dict[int, bool] | None = None,
                    aliases: dict[str, str] | None = None,
                    ents: list[Span] | None = None) -> list[Span]:
    """DRUG spans for words with a drug stem that no other entity covers (``ents``: the
    document's entities, if the caller has read them).

    A word that is the first word of a known two-word name ("brentuximab" of "brentuximab
    vedotin") is that drug; any other is an unseen agent, named by its lower-case form.
    """
    first_words = first_words or {}
    covered = {i for ent in (doc.ents if ents is None else ents) for i in range(ent.start, ent.end)}
    found = []
    known = {} if known is None else known  # word -> is a drug name: one test per word
    strings = doc.vocab.strings
    # Token objects cost more than the test itself: read the words as ids.
    orths = doc.to_array(ORTH).tolist()
    for i, orth in enumerate(orths):
        is_drug = known.get(orth)
        if is_drug is None:
            word = strings[orth]
            is_drug = known[orth] = stems.is_drug_name(word) or (
                ("-" in word or "/" in word) and (stems.combination(word, aliases) is not None
                                                  or stems.given(word, aliases) is not None
                                                  or stems.is_short_form(word)
                                                  or stems.radioligand(word)))
        if not is_drug or i in covered:
            continue
        before = strings[orths[i - 1]] if i else ""
        if before.lower() in stems.analyte_openers:
            continue  # "plasma normetanephrine", "serum ferritin": a level measured, no agent
        t = doc[i]
        if stems.is_drug_name(t.text):
            if stems.names_someone(before, t.text, strings[orths[i + 1]] if i + 1 < len(orths)
                                   else ""):
                continue
            found.append(Span(doc, t.i, t.i + 1, label="DRUG",
                              span_id=first_words.get(t.lower_, t.lower_)))
        elif (pair := stems.combination(t.text, aliases)) is not None:
            found.append(Span(doc, t.i, t.i + 1, label="DRUG", span_id=pair))
        elif (given := stems.given(t.text, aliases)) is not None:
            found.append(Span(doc, t.i, t.i + 1, label="DRUG", span_id=given))
        elif stems.is_short_form(t.text) or stems.radioligand(t.text):
            found.append(Span(doc, t.i, t.i + 1, label="DRUG", span_id=t.lower_))
    return found


#: An initial before a surname: "T.", "K.-H.".
_INITIAL = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)?$")

#: "177Lu-PNT2002", "[177Lu]Lu-PSMA-617": mass number, symbol (group 1), hyphen, ligand.
_RADIOLIGAND = re.compile(r"^\[?\d{2,3}([A-Z][a-z]?)\]?(?:[A-Z][a-z]?)?-[A-Za-z0-9][\w&-]*$")


def join_radioligands(doc: Doc, ents: list[Span], lowers: list[str],
                      stems: DrugStems) -> list[Span]:
    """'lutetium Lu 177 zadavotide guraxetan', 'iodine I 131 apamistamab': an element, its
    symbol and a mass number before a ligand (and its chelator) are one drug, named as the
    USAN names radiopharmaceuticals, in lower case. The document's entities after it."""
    symbols = dict(stems.radionuclides)
    if symbols.keys().isdisjoint(lowers):  # in C: most documents name no element
        return ents
    n = len(lowers)
    found = []
    for i in [k for k, w in enumerate(lowers[:-3]) if w in symbols]:
        if lowers[i + 1] != symbols[lowers[i]] or not doc[i + 2].is_digit:
            continue
        j = i + 3
        if j < n and doc[j].is_alpha and doc[j].is_lower and len(doc[j]) >= 5 \
                and not doc[j].is_stop and doc[j].ent_type_ in {"", "DRUG"}:
            j += 1  # the ligand
            if j < n and doc[j].is_lower and lowers[j].endswith(stems.chelators):
                j += 1  # its chelator
            found.append(Span(doc, i, j, label="DRUG", span_id=" ".join(lowers[i:j])))
    if not found:
        return ents
    doc.ents = filter_spans(found + [e for e in ents
                                     if not any(f.start < e.end and e.start < f.end for f in found)])
    return list(doc.ents)


#: "beta-1a", "alfa-2b", "gamma-1b": a Greek letter and a number that name one variant of a
#: protein drug (interferon, epoetin, peginterferon).
_VARIANT = re.compile(r"^([a-z]+)-(\d{1,2}[a-z]?|n\d)$")


def _variant(word: str, stems: DrugStems) -> bool:
    match = _VARIANT.match(word)
    return match is not None and match.group(1) in stems.variant_words


def name_groups_by_head(doc: Doc, ents: list[Span], lowers: list[str],
                        group_nouns: frozenset[str]) -> list[Span]:
    """'the interferon group' after 'interferon beta-1a', 'the insulin arm' after 'insulin
    glargine': the first word of the one two-word drug of the document that starts with it,
    right before a group noun, names that drug's arm. The document's entities after it."""
    heads: dict[str, set[str]] = {}
    for ent in ents:
        if ent.label_ == "DRUG" and len(ent) == 2 and ent.id_ and " + " not in ent.id_:
            heads.setdefault(lowers[ent.start], set()).add(ent.id_)
    if not heads:
        return ents
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    found = [Span(doc, i, i + 1, label="DRUG", span_id=next(iter(heads[word])))
             for i, word in enumerate(lowers[:-1])
             if word in heads and len(heads[word]) == 1 and i not in covered
             and lowers[i + 1] in group_nouns and len(word) >= 5 and word.isalpha()]
    if not found:
        return ents
    doc.ents = filter_spans(ents + found)
    return list(doc.ents)


def join_second_words(doc: Doc, ents: list[Span], lowers: list[str], stems: DrugStems,
                      aliases: dict[str, str]) -> list[Span]:
    """'baloxavir marboxil', 'zelenectide pevedotin', 'tenofovir alafenamide': a drug followed
    by the second word of a two-word INN (a prodrug ester, a conjugate's payload, a cell
    therapy) is that two-word drug, and so is every other mention of the first word alone
    (the article shortens the name it gave in full). The document's entities after it."""
    if not stems.second_words and not stems.variant_words:
        return ents
    joined: dict[int, Span] = {}  # index in ents of the first word -> the two-word span
    renamed: dict[str, set[str]] = {}  # generic of the first word -> two-word names
    for k, ent in enumerate(ents):
        j = ent.end
        if j >= len(lowers) or ent.label_ != "DRUG" or not ent.id_:
            continue
        word = doc[j]
        second = stems.without_suffix(lowers[j]) if word.is_lower else lowers[j]
        if not (second.endswith(stems.second_words) and second.isalpha() and word.is_lower
                and len(second) >= 5 or _variant(lowers[j], stems)
                or (lowers[j] in stems.variant_words and " " not in ent.id_)):
            continue  # ("efanesoctocog alfa": a bare Greek letter after an unlisted name)
        if k + 1 < len(ents) and ents[k + 1].start == j and (
                ents[k + 1].label_ != "DRUG" or len(ents[k + 1]) > 1):
            continue
        parts = ent.id_.split(" + ")
        last = re.split(r"[/-]", ent.text.lower())[-1]
        first = aliases.get(last, last) if len(parts) > 1 else parts[0]
        if first not in parts:
            continue
        # ("epoetin beta-2x" even when a lone "epoetin" is a synonym of "epoetin alfa")
        name = f"{ent.text.lower() if ' ' in first else first} {second}"
        parts = sorted(name if p == first else p for p in parts)
        joined[k] = Span(doc, ent.start, j + 1, label="DRUG", span_id=" + ".join(parts))
        renamed.setdefault(first, set()).add(name)
    if not joined:
        return ents
    found = []
    for k, ent in enumerate(ents):
        if k in joined:
            found.append(joined[k])
        elif ent.label_ == "DRUG" and len(renamed.get(ent.id_, ())) == 1 \
                and not any(j.start <= ent.start < j.end for j in joined.values()):
            found.append(Span(doc, ent.start, ent.end, label="DRUG",
                              span_id=next(iter(renamed[ent.id_]))))
        elif not any(j.start <= ent.start < j.end for j in joined.values()):
            found.append(ent)
    doc.ents = filter_spans(found)
    return list(doc.ents)


def defined_regimens(doc: Doc, ents: list[Span], lowers: list[str], heads: ArmHeads) -> list[Span]:
    """'a three-drug combination known as TIP, short for paclitaxel, ifosfamide and cisplatin':
    a word in capitals, a comma and one of ``regimen_links`` before a list of two or more drugs
    (commas and short joining words between them) name that combination, there and at every
    later mention, though its letters are no initials of the names (Schwartz & Hearst read
    none of these). The document's entities with those short forms added."""
    drugs = [e for e in ents if e.label_ == "DRUG" and e.id_]
    found: list[Span] = []
    for n, ent in enumerate(drugs):
        if n and _spelled_out(doc, drugs[n - 1], ent):
            # "CHOP (cyclophosphamide, doxorubicin, vincristine and prednisolone)": the
            # article's own drugs of a known regimen, in brackets right after its name
            k = drugs[n - 1].start
        else:
            link = next((p for p in heads.regimen_links
                         if tuple(lowers[max(0, ent.start - len(p)):ent.start]) == p), None)
            k = ent.start - len(link) - 2 if link else -1  # the short form, before ", short for"
            if k < 0 or doc[k + 1].text != "," or doc[k].ent_type_ or not (
                    doc[k].is_alpha and doc[k].is_upper and 2 <= len(doc[k]) <= 6):
                continue
        listed = _listed_from(doc, drugs, n)
        if k == ent.start - 2 and (listed[-1].end >= len(doc) or doc[listed[-1].end].text != ")"
                                   or len(_shared(drugs[n - 1], listed)) < 2):
            continue  # a bracket that goes on after the drugs, or names another regimen
        parts = sorted({p for e in listed for p in e.id_.split(" + ")})
        if len(parts) < 2:
            continue
        name = " + ".join(parts)
        orths = doc.to_array(ORTH)
        found += [Span(doc, i, i + 1, label="DRUG", span_id=name)
                  for i in numpy.flatnonzero(orths == doc[k].orth).tolist() if i >= k]
    if not found:
        return ents
    # the regimen's own entity gives way to its spelled-out drugs
    named = {f.start for f in found}
    return filter_spans([e for e in ents if e.start not in named] + found)


def _spelled_out(doc: Doc, regimen: Span, ent: Span) -> bool:
    """Is ``ent`` the first drug of a bracket right after a regimen named by one word in
    capitals ('CHOP (', 'FOLFOX ('), a regimen the lexicon knows by its drugs?"""
    return len(regimen) == 1 and " + " in regimen.id_ and ent.start == regimen.end + 1 \
        and doc[regimen.end].text == "(" and any(c.isupper() for c in regimen.text) \
        and regimen.text == regimen.text.upper()


def _listed_from(doc: Doc, drugs: list[Span], n: int) -> list[Span]:
    """The drugs listed from ``drugs[n]`` on, with only commas and short joining words
    between them ('paclitaxel, ifosfamide and cisplatin')."""
    listed = [drugs[n]]
    for after in drugs[n + 1:]:
        gap = doc[listed[-1].end:after.start]
        if not len(gap) or not all(t.is_punct or t.is_lower and len(t) <= 4 for t in gap) \
                or any(t.text in {".", ";", ")"} for t in gap):
            break
        listed.append(after)
    return listed


def _shared(regimen: Span, listed: list[Span]) -> set[str]:
    """The drugs a regimen the lexicon knows shares with a list that spells it out."""
    return set(regimen.id_.split(" + ")) & {p for e in listed for p in e.id_.split(" + ")}


def resolve_anaphors(doc: Doc, ents: list[Span], lowers: list[str],
                     stems: DrugStems) -> list[Span]:
    """'The pill, zanubrutinib, blocks BTK ... 124 were assigned to the drug plus rituximab':
    "the pill", "the drug" name the drug the article set beside them ("the pill,
    zanubrutinib", "zanubrutinib, the pill"), or else the one drug it names; with several
    drugs and no such apposition they name none. The document's entities after it."""
    anaphors = stems.anaphors
    at = [i for i, w in enumerate(lowers) if w in anaphors and i and lowers[i - 1] == "the"]
    if not at:
        return ents
    drugs = [e for e in ents if e.label_ == "DRUG" and e.id_]  # placebo is a DRUG_CLASS
    if not drugs:
        return ents
    starts = {e.start: e for e in drugs}
    ends = {e.end: e for e in drugs}
    named: str | None = None
    for i in at:
        after = starts.get(i + 2) if i + 1 < len(lowers) and lowers[i + 1] == "," else None
        before = ends.get(i - 2) if i >= 3 and lowers[i - 2] == "," else None
        apposed = after or before or starts.get(i + 1)
        if apposed is not None:
            named = apposed.id_
            break
    if named is None:
        ids = {e.id_ for e in drugs}
        named = next(iter(ids)) if len(ids) == 1 else None
    if named is None:
        return ents
    covered = {i for e in ents for i in range(e.start, e.end)}
    found = [Span(doc, i, i + 1, label="DRUG", span_id=named) for i in at
             if i not in covered and i + 1 not in starts]
    if not found:
        return ents
    doc.ents = filter_spans(ents + found)
    return list(doc.ents)


#: What may close a brand written in brackets after the generic: "X (Brand)", "X (Brand®,
#: Company)", "X (Brand; 200 mg)".
_BRAND_CLOSERS = frozenset({")", ",", ";", "®", "™"})


def alias_brands(doc: Doc, ents: list[Span], lowers: list[str], heads: ArmHeads) -> list[Span]:
    """'pelorsertib (Zorvanta)', 'Zorvanta (pelorsertib)': a name in no lexicon written in
    brackets after a drug, or before a drug in brackets, is its brand (a research code is
    alias_codes's); every mention of the brand in the article names that drug. The document's
    entities after it."""
    brands: dict[str, str] = {}
    n = len(lowers)
    for ent in ents:
        if ent.label_ != "DRUG" or not ent.id_:
            continue
        if ent.end + 2 < n and lowers[ent.end] == "(" and lowers[ent.end + 2] in _BRAND_CLOSERS \
                and _could_be_brand(doc[ent.end + 1], heads):
            brands.setdefault(doc[ent.end + 1].text, ent.id_)  # "X (Brand)"
        brand = ent.start - 2  # "Brand (X)", "Brand™ (X)"
        if brand >= 1 and doc[brand].text in BRAND_MARKS:
            brand -= 1
        if brand >= 0 and lowers[ent.start - 1] == "(" and ent.end < n \
                and lowers[ent.end] in _BRAND_CLOSERS and _could_be_brand(doc[brand], heads):
            brands.setdefault(doc[brand].text, ent.id_)
    if not brands:
        return ents
    # A brand is no English word: one the article also writes in lower case ("Results
    # (imatinib)" and "the results") is a heading or a role, not a name.
    words = strings_of(doc, doc.to_array(ORTH).tolist())
    lower_set = set(words)
    brands = {b: d for b, d in brands.items() if b.lower() not in lower_set}
    covered = {i for e in ents for i in range(e.start, e.end)}
    found = [Span(doc, i, i + 1, label="DRUG", span_id=brands[w])
             for i, w in enumerate(words) if w in brands and i not in covered]
    if not found:
        return ents
    doc.ents = filter_spans(ents + found)
    return list(doc.ents)


#: What may close a research code given with a drug's name: "X (CODE)", "X (CODE; Company)".
CODE_CLOSERS = frozenset({")", ",", ";"})


def alias_codes(doc: Doc, ents: list[Span], lowers: list[str], stems: DrugStems) -> list[Span]:
    """'KHT-2107 (zantrutamab gevatecan)', 'zantrutamab gevatecan (KHT-2107)', 'tarlatamab,
    formerly AMG 757': a research code written beside a drug's name, in brackets or after a
    word that renames it (``code_links``), is that drug; every mention of the code in the
    article names the drug by its name. The document's entities after it."""
    heads = stems.arm_heads
    if heads is None:
        return ents
    codes: dict[tuple[str, ...], str] = {}  # the code's words -> the drug's name
    n = len(lowers)
    drug = get_string_id("DRUG")
    for ent in ents:
        start, after = ent.start, ent.end  # ints first: Span strings cost more
        if not ((after < n and (lowers[after] == "(" or (
                lowers[after] == "," and after + 1 < n and lowers[after + 1] in stems.link_firsts)))
                or (start and (lowers[start - 1] == "(" or lowers[start - 1] in stems.link_words))):
            continue  # (most names stand beside no bracket and no renaming word)
        if ent.label != drug or not ent.id_ or " + " in ent.id_ or (
                "-" in lowers[start] and _names_itself(stems, ent.text)):
            continue
        if after < n and lowers[after] == "(":  # "X (CODE)", "X (Brand; CODE)"
            k = after + 1
            while k < min(n, after + 12) and lowers[k] != ")":
                end = _renamed_at(doc, lowers, k, stems)
                if end and end < n and lowers[end] in CODE_CLOSERS:
                    codes.setdefault(tuple(_code_words(doc, lowers, k, stems)), ent.id_)
                while k < n and lowers[k] not in CODE_CLOSERS:
                    k += 1  # the next item of the brackets
                if k < n and lowers[k] != ")":
                    k += 1
        elif after < n and lowers[after] == ",":  # "X, formerly CODE"; a bare comma lists
            end = _renamed_at(doc, lowers, after + 1, stems)
            if end and _after_link(lowers, after + 1, stems) > after + 1:
                codes.setdefault(tuple(_code_words(doc, lowers, after + 1, stems)), ent.id_)
        start = ent.start
        if ent.end < n and lowers[ent.end] in CODE_CLOSERS:
            k = start - 1  # "CODE (name)", "CODE (now name)"
            while k > 0 and lowers[k] != "(" and start - k <= 4:
                k -= 1
            if k > 0 and lowers[k] == "(" and _after_link(lowers, k + 1, stems) == start:
                begin = (k - 1 if k >= 1 and _names_itself(stems, doc[k - 1].text)
                         else _code_before(doc, k, heads))
                if begin is not None:
                    codes.setdefault(tuple(lowers[begin:k]), ent.id_)
    if not codes:
        return ents
    # a short form or radioligand found by its shape names itself until its name is known: renamed here
    renamed = {(e.start, e.end) for e in ents if e.label_ == "DRUG" and _names_itself(stems, e.text)
               and (lowers[e.start],) in codes}
    ents = [e for e in ents if (e.start, e.end) not in renamed]
    covered = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for i, word in enumerate(lowers):
        for code, name in codes.items():
            if word == code[0] and tuple(lowers[i:i + len(code)]) == code \
                    and not covered.intersection(range(i, i + len(code))):
                found.append(Span(doc, i, i + len(code), label="DRUG", span_id=name))
    if not found:
        return ents
    doc.ents = filter_spans(ents + found)
    return list(doc.ents)


def _renamed_at(doc: Doc, lowers: list[str], k: int, stems: DrugStems) -> int | None:
    """The end of another name of a drug from ``k`` on: a research code or a short form, after
    an optional renaming phrase ("formerly AMG 757"), or a brand after one ("marketed as
    Vorxana"); None if there is none."""
    heads = stems.arm_heads
    j = _after_link(lowers, k, stems)
    if j >= len(lowers) or heads is None:
        return None
    word = lowers[j]
    if j == k and "-" not in word and not any(c.isdigit() for c in word) \
            and not (j + 1 < len(lowers) and lowers[j + 1].isdigit()):
        return None  # no code, short form or radioligand; a brand only after a renaming word
    if _names_itself(stems, doc[j].text):
        return j + 1
    end = _code_at(doc, j, heads)
    if end is None and j > k and _could_be_brand(doc[j], heads):
        end = j + 1
    return end


def _code_words(doc: Doc, lowers: list[str], k: int, stems: DrugStems) -> list[str]:
    """The words of the other name that ``_renamed_at`` found from ``k`` on."""
    j = _after_link(lowers, k, stems)
    end = _renamed_at(doc, lowers, k, stems)
    return lowers[j:end] if end else []


def _names_itself(stems: DrugStems, word: str) -> bool:
    """A drug word found by its shape and named by itself until its INN is known ('teso-cel',
    '177Lu-PNT2002')."""
    return stems.is_short_form(word) or stems.radioligand(word)


def _after_link(lowers: list[str], k: int, stems: DrugStems) -> int:
    """Where the words from ``k`` on continue after a renaming phrase ("formerly known as")."""
    best = k
    if k >= len(lowers) or lowers[k] not in stems.link_firsts:
        return k  # most brackets hold no renaming word
    for phrase in stems.code_links:
        if tuple(lowers[k:k + len(phrase)]) == phrase:
            best = max(best, k + len(phrase))
    return best


def _code_at(doc: Doc, k: int, heads: ArmHeads) -> int | None:
    """The end of a research code starting at ``k`` ("KHT-2107", "ABBV400", "AMG 757"), or None."""
    if k >= len(doc):
        return None
    if heads.is_code(doc[k]):
        return k + 1
    if k + 1 < len(doc) and _code_prefix(doc[k], heads) and _code_number(doc[k + 1]):
        return k + 2  # "AMG 757": letters and digits written apart
    return None


def _code_before(doc: Doc, k: int, heads: ArmHeads) -> int | None:
    """The start of a research code that ends right before token ``k``, or None."""
    if k >= 1 and heads.is_code(doc[k - 1]):
        return k - 1
    if k >= 2 and _code_prefix(doc[k - 2], heads) and _code_number(doc[k - 1]):
        return k - 2
    return None


def _code_prefix(token: Token, heads: ArmHeads) -> bool:
    """'AMG' of 'AMG 757': two to five capitals that name no trial group, gene or unit."""
    return (token.is_alpha and token.is_upper and 2 <= len(token) <= 5 and not token.ent_type_
            and token.text not in heads.not_code_prefixes)


def _code_number(token: Token) -> bool:
    """'757' of 'AMG 757': a number of three to eight digits; not a year ('JCO 2024')."""
    return (token.is_digit and 3 <= len(token) <= 8 and not token.ent_type_
            and not (len(token) == 4 and token.text[:2] in {"19", "20"}))


def alias_entity_codes(doc: Doc, ents: list[Span], heads: ArmHeads) -> None:
    """'gotistobart (BNT-316)', 'BNT-316 (gotistobart)': a research code already read as an
    agent of its own, written beside a named drug in brackets, is that drug's code; every
    mention of it names the drug (alias_codes does this for codes no entity covers yet)."""
    n = len(doc)
    by_start = {e.start: e for e in ents if e.label_ == "DRUG" and e.id_}
    codes: dict[str, str] = {}
    for ent in by_start.values():
        inner = by_start.get(ent.end + 1) if ent.end + 1 < n and doc[ent.end].text == "(" else None
        if inner is None or inner.end >= n or doc[inner.end].text not in _BRAND_CLOSERS:
            continue
        for code, named in ((inner, ent), (ent, inner)):
            if _own_code(code, heads) and not _own_code(named, heads) and " + " not in named.id_:
                codes.setdefault(code.id_, named.id_)
    if codes:
        doc.ents = [Span(doc, e.start, e.end, label=e.label_, span_id=codes[e.id_])
                    if e.label_ == "DRUG" and e.id_ in codes else e for e in ents]


def _own_code(ent: Span, heads: ArmHeads) -> bool:
    """A one-word research code that is its own id: no lexicon entry names it."""
    return len(ent) == 1 and ent.id_ == ent.text.lower() \
        and heads.code_pattern.match(ent.text) is not None


def _could_be_brand(token: Token, heads: ArmHeads) -> bool:
    """A capitalised word that no entity covers and no role word is ('Zorvanta', 'KEYMAXA')."""
    return (token.is_alpha and not token.ent_type_ and not token.is_stop
            and (token.is_title or (token.is_upper and len(token) >= 6))
            and len(token) >= heads.min_length and token.lower_ not in heads.not_treatments)


class StemDrugFinder:
    def __init__(self, nlp: Language, name: str, *, stems_path: str | None,
                 drugs_path: str | None) -> None:
        self.name = name
        self.stems = DrugStems.from_dict(read_json_file(stems_path)) if stems_path else None
        self.first_words: dict[str, str] = {}
        self.aliases: dict[str, str] = {}  # one-word name, brand, synonym or code -> generic
        self._known: dict[int, bool] = {}  # word id -> drug name; bounded by the vocabulary
        if drugs_path:
            records = list(srsly.read_jsonl(drugs_path))
            names = [rec["name"] for rec in records]
            for rec in records:
                for alias in (rec["name"], *rec.get("brands", ()), *rec.get("synonyms", ()),
                              *rec.get("codes", ())):
                    if re.fullmatch(r"[^\s/-]+", alias):
                        self.aliases.setdefault(alias.lower(), rec["name"])
            singles = {n for n in names if " " not in n}
            for n in names:
                head = n.split(" ")[0]
                if " " in n and head not in singles:
                    self.first_words.setdefault(head, n)

    def __call__(self, doc: Doc) -> Doc:
        if self.stems is None:
            raise ValueError(f"{self.name}: no stems loaded (stems_path or from_disk)")
        ents = list(doc.ents)
        found = find_stem_drugs(doc, self.stems, self.first_words, self._known, self.aliases,
                                ents)
        if found:
            doc.ents = filter_spans(ents + found)
            ents = list(doc.ents)
        lowers = lower_words(doc)
        if self.stems.radionuclides:
            ents = join_radioligands(doc, ents, lowers, self.stems)
        ents = join_second_words(doc, ents, lowers, self.stems, self.aliases)
        if self.stems.arm_heads:
            ents = alias_brands(doc, ents, lowers, self.stems.arm_heads)
            ents = alias_codes(doc, ents, lowers, self.stems)
        # (each step returns the document's entities after it: reading doc.ents again makes
        # a Span object, and three Token objects, per entity)
        ents = resolve_anaphors(doc, ents, lowers, self.stems)
        if self.stems.arm_heads and self.stems.arm_heads.regimen_links:
            defined = defined_regimens(doc, ents, lowers, self.stems.arm_heads)
            if defined is not ents:
                doc.ents = defined
                ents = list(doc.ents)
        found = find_arm_heads(doc, self.stems.arm_heads, lowers) if self.stems.arm_heads else []
        if self.stems.arm_heads and self.stems.arm_heads.product_nouns:
            found += coded_products(doc, lowers, self.stems.arm_heads)
        if found:
            doc.ents = filter_spans(ents + found)
            ents = list(doc.ents)
            if self.stems.variant_words:  # "randomized to ... or interferon beta-1a"
                ents = join_second_words(doc, ents, lowers, self.stems, self.aliases)
            # "randomised to gotistobart (BNT-316)": the brand or code of an arm's agent
            ents = alias_brands(doc, ents, lowers, self.stems.arm_heads)  # type: ignore[arg-type]
        if self.stems.arm_heads:
            ents = name_groups_by_head(doc, ents, lowers, self.stems.arm_heads.group_nouns)
            alias_entity_codes(doc, ents, self.stems.arm_heads)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.stems:
            srsly.write_json(path / "drug_stems.json", self.stems.to_dict())
        srsly.write_json(path / "first_words.json", self.first_words)
        srsly.write_json(path / "aliases.json", self.aliases)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> StemDrugFinder:
        self.stems = DrugStems.from_dict(read_json_file(Path(path) / "drug_stems.json"))
        self.first_words = read_json_file(Path(path) / "first_words.json")
        self.aliases = read_json_file(Path(path) / "aliases.json")
        self._known = {}
        return self


@Language.factory("onco_drug_stems", requires=["doc.ents"], assigns=["doc.ents"],
                  default_config={"stems_path": None, "drugs_path": None})
def make_drug_stems(nlp: Language, name: str, stems_path: str | None,
                    drugs_path: str | None) -> StemDrugFinder:
    return StemDrugFinder(nlp, name, stems_path=stems_path, drugs_path=drugs_path)
