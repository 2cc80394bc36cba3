"""Unseen agents of every specialty by their WHO INN stem, guarded against English words."""

from __future__ import annotations

import pytest

from pipeline.data import read_json_file
from pipeline.nlp.drug_stems import DrugStems
from pipeline.settings import MODELS_DIR

STEMS = DrugStems.from_dict(read_json_file(MODELS_DIR / "lexicons" / "drug_stems.json"))


@pytest.mark.parametrize("word", [
    "quinapril", "Telmisartan", "rosuvastatin", "bisoprolol", "nifedipine", "edoxaban",
    "dabigatran", "tinzaparin", "ertugliflozin", "linagliptin", "semaglutide", "oseltamivir",
    "fluconazole", "amoxicillin", "moxifloxacin", "azithromycin", "minocycline", "esomeprazole",
    "famotidine", "granisetron", "fluoxetine", "lorazepam", "hydrocortisone", "prednisolone",
    "anakinra", "etanercept", "zafirlukast", "celecoxib", "cefuroxime", "tacrolimus",
])
def test_stems_of_other_classes_name_drugs(word: str) -> None:
    assert STEMS.is_drug_name(word)


@pytest.mark.parametrize("word", [
    "concept", "intercept", "cholesterol", "April", "NSAID", "approval", "patients", "severe",
])
def test_english_words_are_not_drugs(word: str) -> None:
    assert not STEMS.is_drug_name(word)


@pytest.mark.parametrize(("word", "pair"), [
    ("sacubitril-valsartan", "sacubitril + valsartan"),
    ("ezetimibe-simvastatin", "ezetimibe + simvastatin"),
    ("zorbamab-treated", None),
    ("rosuvastatin-based", None),
])
def test_hyphenated_fixed_dose_pairs(word: str, pair: str | None) -> None:
    assert STEMS.combination(word) == pair


@pytest.mark.parametrize(("word", "pair"), [
    ("cipargamin-piperaquine", "cipargamin + piperaquine"),
    ("Tenofovir-Zelbravir", "tenofovir + zelbravir"),
    ("metformin-monotherapy", None),
    ("insulin-exposure", None),
    ("heparin-induced", None),
    ("warfarin-users", None),
])
def test_a_new_agent_hyphenated_to_a_listed_partner_is_a_pair(word: str, pair: str | None) -> None:
    aliases = {"piperaquine": "piperaquine", "tenofovir": "tenofovir", "metformin": "metformin",
               "insulin": "insulin", "heparin": "heparin", "warfarin": "warfarin"}
    assert STEMS.combination(word, aliases) == pair


def test_a_new_agent_paired_with_a_listed_drug_keeps_its_arm_apart(nlp) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    rows = analyse(clean_text(
        "Children with vivax malaria were randomly assigned to cipargamin-primaquine (n = 200) "
        "or chloroquine-primaquine (n = 198). Relapse occurred in 12 of 200 and 21 of 198 "
        "children, respectively."), nlp=nlp).rows
    assert {(r.cohort_size, r.event_count, r.drug) for r in rows if r.row_type == "outcome"} == {
        (200, 12, "cipargamin + primaquine"), (198, 21, "chloroquine + primaquine")}


def test_unseen_cardiology_agent_reaches_the_rows(nlp) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    result = analyse(clean_text(
        "We enrolled 212 adults with hypertension who received olmesartan. "
        "Dizziness was reported in 9 of the 212 patients."), nlp=nlp)
    assert result.record.drugs == "olmesartan"
    assert {r.drug for r in result.rows} == {"olmesartan"}


@pytest.mark.parametrize(("text", "drugs"), [
    ("Adults were randomly assigned to receive warfarin or placebo. Bleeding was rare in "
     "the warfarin group.", "warfarin"),
    ("We randomised 88 adults with gout to colchicine or naproxen.", "colchicine; naproxen"),
    ("Participants were randomized to escitalopram or sertraline for eight weeks.",
     "escitalopram; sertraline"),
    ("A randomized trial that led to approval enrolled 50 adults.", None),
    ("Adults were randomised to flexibly dosed paroxetine or placebo.", "paroxetine"),
    ("Patients were randomly assigned to weekly escalating colchicine or naproxen.",
     "colchicine; naproxen"),
    ("Patients were randomly assigned to the intervention or usual care.", None),
    ("Colours can be assigned to different buttons; 40 of 52 testers liked it.", None),
    ("Nurses assigned to Sullivan's ward recorded 12 falls among 80 residents.", None),
    ("After she switched to woollen blankets, her eczema cleared; 3 of 10 relatives had it.",
     None),
    ("Of 60 adults who switched to lumocabine 20 mg daily, 12 relapsed.", "lumocabine"),
    ("The trial randomly assigned 300 adults to ravotecan (RVT-21, also known as AB-4410), "
     "given as an infusion every three weeks, or to topotecan.", "ravotecan; topotecan"),
    ("Adults were randomised to belvarafenib, given orally once daily, or to placebo.",
     "belvarafenib"),
    # the verb had its "to": a later "to" is no assignment unless a conjunction opens it
    ("Stillbirth occurred in 1.2% of babies of women assigned to metformin and in 1.4% of "
     "babies born to women given insulin.", "insulin; metformin"),
    ("Apnoea was seen in 12 of 80 preterm infants allocated to caffeine and in 9 of 78 "
     "infants transferred to hospital.", "caffeine"),
    ("Adults with gout were randomly assigned to lumocabine, or to zeltorin in the second "
     "stage.", "lumocabine; zeltorin"),
    # ", a ..." after an agent says what it is: no next option
    ("Of 404 children, 203 were randomly assigned to receive IVIG plus prednisolone, a cheap "
     "corticosteroid, and 201 to receive IVIG alone.",
     "intravenous immunoglobulin; prednisolone"),
    ("Patients were allocated to zoledronic acid, an intravenous bisphosphonate, or to "
     "denosumab.", "denosumab; zoledronic acid"),
])
def test_unlisted_names_an_assignment_gives(nlp, text: str, drugs: str | None) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    assert analyse(clean_text(text), nlp=nlp).record.drugs == drugs


@pytest.mark.parametrize("word", [
    # invented names on WHO stems of classes met in trials of every specialty
    "velkotinib", "Parsaciclib", "ralnimod", "tofavirine", "elzavudine", "zorinostat",
    "dulinersen", "temosiran", "pelvaptan", "moxiciguat", "tobigepant", "luvaracetam",
    "triclesonide", "lotimilast", "bentagrelor", "calofiban", "remoteplase", "pelcarvedilol",
    "kelozolid", "tormecamten", "lumaperone", "zolidone", "varuprazine", "desfaxine",
    "lumorexant", "fosrapitant", "oritavancin", "brexucabtagene", "ramoleucel", "danuglipron",
    "pemvidutide", "ecnoglutide", "dotrutide", "petrelintide", "zanlepatide", "molfamulin",
    # fusion proteins, ecteinascidins, podophyllotoxins, retinoids, FGF analogues, orexin
    # agonists, PDE inhibitors, kappa antagonists, glycine transport inhibitors, PPAR agonists
    "zanofusp", "ravectedin", "velposide", "Palovarotene", "pegozafermin", "solorexton",
    "kelfentrine", "navacaprant", "iclepertin", "lanifibranor", "ulotaront",
])
def test_new_class_stems_name_drugs(word: str) -> None:
    assert STEMS.is_drug_name(word)


@pytest.mark.parametrize("word", [
    "thermostat", "hemostat", "coarsen", "chaperone", "palpitant", "precipitant", "interleukin",
    "magazine", "peptide", "SmartThermostat", "Cryohemostat", "carotene", "beta-carotene",
])
def test_english_words_on_new_stems_are_not_drugs(word: str) -> None:
    assert not STEMS.is_drug_name(word)


@pytest.mark.parametrize(("word", "aliases", "combination"), [
    ("raltegravir/lamivudine", {}, "lamivudine + raltegravir"),
    ("Doravirine/Islatravir", {}, "doravirine + islatravir"),
    ("budesonide/glycopyrronium/formoterol", {"glycopyrronium": "glycopyrronium"},
     "budesonide + formoterol + glycopyrronium"),
    ("ceftolozane/tazobactam", {"ceftolozane": "ceftolozane", "tazobactam": "tazobactam"},
     "ceftolozane + tazobactam"),
    ("mg/kg", {}, None),
    ("and/or", {}, None),
    ("PD-1/PD-L1", {}, None),
    ("dolutegravir/day", {}, None),
])
def test_slash_combinations(word: str, aliases: dict[str, str], combination: str | None) -> None:
    assert STEMS.combination(word, aliases) == combination


@pytest.mark.parametrize(("text", "drug"), [
    ("Of 140 adults given raltegravir/lamivudine, 126 had undetectable virus at week 48.",
     "lamivudine + raltegravir"),
    ("We enrolled 90 patients with asthma on budesonide/formoterol; 12 had an exacerbation.",
     "budesonide + formoterol"),
])
def test_slash_combination_reaches_the_rows(nlp, text: str, drug: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    result = analyse(clean_text(text), nlp=nlp)
    assert result.record.drugs == "; ".join(drug.split(" + "))
    assert drug in {r.drug for r in result.rows}


@pytest.mark.parametrize(("text", "drugs"), [
    ("We enrolled 60 patients given tisotumab vedotin; 14 of the 60 on tisotumab responded.",
     {("tisotumab vedotin", "tisotumab vedotin"), ("tisotumab", "tisotumab vedotin")}),
    ("Of 212 adults who received olmesartan medoxomil, 30 had dizziness.",
     {("olmesartan medoxomil", "olmesartan medoxomil")}),
    ("Adults took raltegravir/tenofovir alafenamide or tenofovir disoproxil.",
     {("raltegravir/tenofovir alafenamide", "raltegravir + tenofovir alafenamide"),
      ("tenofovir disoproxil", "tenofovir disoproxil")}),
    ("Certolizumab pegol was given every 4 weeks.", {("Certolizumab pegol", "certolizumab pegol")}),
])
def test_two_word_inns_are_one_drug(nlp, text: str, drugs: set[tuple[str, str]]) -> None:
    doc = nlp(text)
    assert {(e.text, e.id_) for e in doc.ents if e.label_ == "DRUG"} == drugs


@pytest.mark.parametrize(("text", "brand", "drug"), [
    ("Velquira (tolebrutinib) was tested in 300 adults. Of 150 adults on Velquira, 12 relapsed.",
     "Velquira", "tolebrutinib"),
    ("Participants received ozanimod (MOSVELTA®, Nordpharm) once daily; 41 of the 96 on "
     "MOSVELTA reached remission.", "MOSVELTA", "ozanimod"),
    ("Results (imatinib) are shown; the results held in 40 patients.", "Results", None),
    ("Adults received relcotinib, marketed as Pulmexa; 30 of 90 taking Pulmexa improved.",
     "Pulmexa", "relcotinib"),
    ("Adults received relcotinib, Pulmexa and Breva were compared.", "Pulmexa", None),
])
def test_a_brand_in_brackets_names_its_generic(nlp, text: str, brand: str,
                                              drug: str | None) -> None:
    doc = nlp(text)
    ids = {e.id_ for e in doc.ents if e.text == brand and e.label_ == "DRUG"}
    assert ids == ({drug} if drug else set())


@pytest.mark.parametrize(("text", "drugs"), [
    # the WHO's 2021 antibody stems (-tug, -bart, -mig), gene therapies (-gene + -vec/-cel)
    # and conjugate payloads, named in full in every mention
    ("Of 80 women given velnatatug ledadotin, 22 responded.", "velnatatug ledadotin"),
    ("Adults received lorivibart plus ferisiran; 31 of 60 cleared the virus.",
     "ferisiran; lorivibart"),
    ("Among 45 patients treated with tebrotomig, 9 had a response.", "tebrotomig"),
    ("Boys received pavodistrogene moxaparvovec; 14 of 20 walked farther.",
     "pavodistrogene moxaparvovec"),
    ("Of 30 given corabtuximab talirine, 6 had remission.", "corabtuximab talirine"),
    ("The oncogene was amplified in 40 tumours; the transgene was silent in Imogene's mice.",
     None),
    # a hormone the body makes ends like the -relin analogues (goserelin), but is no drug
    ("In one study of 24 adults, ghrelin levels fell after a high-protein breakfast.", None),
    # the stems of inhibitors, coagulation factors, endothelin antagonists and other classes
    ("Adults received velraglusib or placebo; 12 of 40 improved.", "velraglusib"),
    ("Men with haemophilia received tovanoctocog alfa; bleeding occurred in 7 of 88.",
     "tovanoctocog alfa"),
    ("Adults took sotritentan 25 mg; blood pressure fell in 60 of 120.", "sotritentan"),
    ("Children took pelvobamate or placebo; 20 of 60 were seizure-free. Carbamate "
     "residues were found in 3 of 40 homes.", "pelvobamate"),
    # a cell therapy's short name: a drug by itself, named by its INN when given beside it
    ("Of 60 adults given orva-cel, 41 responded.", "orva-cel"),
    ("Tesocabtagene autoleucel (teso-cel) was infused in 52 patients; 30 on Teso-cel had a "
     "complete response.", "tesocabtagene autoleucel"),
    ("Dura-cel (duravitresgene autoleucel) was given to 25 patients; 8 on dura-cel relapsed.",
     "duravitresgene autoleucel"),
    # radioligands: as the USAN writes them, as one word, and both together
    ("Of 90 men given lutetium Lu 177 rosapivotide tetraxetan, 41 had a PSA response.",
     "lutetium lu 177 rosapivotide tetraxetan"),
    ("Patients were given iodine I 131 omburtamab; 12 of 30 relapsed.",
     "iodine i 131 omburtamab"),
    ("Men received 225Ac-PSMA-R2 or docetaxel; 22 of 70 responded.", "225ac-psma-r2; docetaxel"),
    ("Actinium Ac 225 lintafotide (225Ac-LF9) was infused in 44 patients; 18 given 225Ac-LF9 "
     "responded.", "actinium ac 225 lintafotide"),
    ("Lead in tap water rose: 30 of 50 homes had lead levels above 15 ppb.", None),
])
def test_new_antibody_and_gene_therapy_stems(nlp, text: str, drugs: str | None) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    assert analyse(clean_text(text), nlp=nlp).record.drugs == drugs


@pytest.mark.parametrize(("text", "drugs"), [
    ("QVR-4410 (solimtamab tirtecan) is a new conjugate. Of 52 adults given QVR-4410, 14 "
     "responded.", "solimtamab tirtecan"),
    ("Daxoparib (BZ5531; Helion Bio) was tested. Among 60 women on BZ5531, 18 had a response.",
     "daxoparib"),
    ("Renivostat, formerly known as TRX 208, was given to 75 adults; TRX 208 lowered uric acid "
     "in 40 of them.", "renivostat"),
    ("LX-90817 (now named ulbatinib) was given to 30 men. LX-90817 was stopped in 2.",
     "ulbatinib"),
    ("Corlavimab (ASCO 2025) and JCO 2024 data: 30 of 90 patients on corlavimab responded.",
     "corlavimab"),
    ("Among 120 patients given ferbinumab (BPI 300), 10 had pain.", "ferbinumab"),
    ("Solvetuximab (Gastriva; ZT-0362) was given. Of 100 patients on ZT-0362, 40 responded.",
     "solvetuximab"),
    # codes with a letter among the digits, and codes written in two words after a receipt
    ("Of 64 patients who received QL-B12C3, 20 responded.", "ql-b12c3"),
    ("A total of 90 adults were treated with TRB 4417; 30 given TRB 4417 had a response.",
     "trb 4417"),
    ("Carriers of HLA-B5701 (12 of 40) and IL-17A levels were measured.", None),
])
def test_a_research_code_given_with_a_name_is_that_drug(nlp, text: str, drugs: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    assert analyse(clean_text(text), nlp=nlp).record.drugs == drugs


@pytest.mark.parametrize(("text", "drugs"), [
    ("Flares occurred in 12 of 90 patients in the KT-4410 arm and in 25 of 90 in the control "
     "arm.", "kt-4410"),
    ("In all, 240 children were randomized (N = 121 for RPX1002 and N = 119 for placebo).",
     "rpx1002"),
    ("Nausea was reported by 9 of 60 in the ZL7720 group and 4 of 58 in the placebo group.",
     "zl7720"),
    # a trial id or a scale with a size is no agent
    ("Of 300 patients screened in the RTOG 0617 group, 120 (n = 120 for ECOG 0) were enrolled.",
     None),
])
def test_a_research_code_that_names_an_arm_is_a_drug(nlp, text: str, drugs: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    assert analyse(clean_text(text), nlp=nlp).record.drugs == drugs


@pytest.mark.parametrize(("text", "drugs"), [
    ("In the trial, 180 adults with gout were treated with verinurad 12 mg or allopurinol.",
     "allopurinol; verinurad"),
    ("Patients took doxaprolant at a dose of 40 mg twice daily. Of 64 taking doxaprolant, "
     "9 stopped.", "doxaprolant"),
    ("Participants received tarmelune or placebo for 12 weeks; 20 of 100 improved.",
     "tarmelune"),
    ("Patients received standard care 20 mg daily.", None),
    ("All patients received counselling and follow-up.", None),
])
def test_an_unlisted_name_received_with_a_dose_or_against_a_control(
        nlp, text: str, drugs: str | None) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    assert analyse(clean_text(text), nlp=nlp).record.drugs == drugs


@pytest.mark.parametrize(("brand", "drug"), [
    ("Skyrizi", "risankizumab"), ("Entyvio", "vedolizumab"),
    ("Caplyta", "lumateperone"), ("Nuzyra", "omadacycline"), ("Saxenda", "liraglutide"),
])
def test_brands_of_widely_used_drugs_of_other_specialties(nlp, brand: str,
                                                          drug: str | None) -> None:
    doc = nlp(f"In the trial, 120 adults switched to {brand} and 30 of them improved.")
    ids = {e.id_ for e in doc.ents if e.label_ == "DRUG"}
    assert ids == ({drug} if drug else set())


@pytest.mark.parametrize(("text", "word", "drug"), [
    ("The tablet, finerenone, lowers potassium-sparing load. Of 300 adults, 150 were assigned "
     "to the tablet plus usual care.", "tablet", "finerenone"),
    ("Olezarsen, the injection given monthly, cut triglycerides. In all, 40 of 66 patients on "
     "the injection reached the target.", "injection", "olezarsen"),
    ("Patients received tirzepatide. Nausea was the most common reason to stop the drug.",
     "drug", "tirzepatide"),
    ("Patients received apixaban or warfarin. Bleeding led 12 to stop the drug.", "drug", None),
])
def test_the_drug_names_the_drug_set_beside_it(nlp, text: str, word: str,
                                              drug: str | None) -> None:
    doc = nlp(text)
    ids = {e.id_ for e in doc.ents if e.text == word and e.label_ == "DRUG"}
    assert ids == ({drug} if drug else set())


@pytest.mark.parametrize(("text", "drug"), [
    ("In all, 300 stabilised patients were randomized (N = 152 for haloperidol decanoate and "
     "N = 148 for placebo). Relapse occurred in 10.5% of the haloperidol group.",
     "haloperidol decanoate"),
    ("A total of 210 adults with schizophrenia received olanzapine decanoate injections; "
     "relapse occurred in 40 of the 210 patients given olanzapine.", "olanzapine decanoate"),
    ("Overall, 180 adults received once-monthly risperidone palmitate, and 14 of the 180 "
     "relapsed within a year.", "risperidone palmitate"),
])
def test_a_long_acting_ester_is_the_two_word_drug_in_every_mention(nlp, text: str, drug: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse
    rows = analyse(clean_text(text), nlp=nlp).rows
    assert rows and {r.drug for r in rows if r.drug} == {drug}


@pytest.mark.parametrize("drug", [
    "gabapentin", "trazodone", "sugammadex", "ivacaftor", "macitentan", "dimethyl fumarate",
    "flecainide", "mifepristone", "artemether", "deferasirox", "melatonin", "caffeine",
    "vigabatrin", "acetylcysteine", "hydroxyzine", "oxybutynin",
])
def test_widely_used_generics_without_a_stem_are_drugs(nlp, drug: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    result = analyse(clean_text(f"In all, 120 adults received {drug}; 14 of the 120 had "
                                f"nausea."), nlp=nlp)
    assert result.record.drugs == drug


@pytest.mark.parametrize(("text", "drug"), [
    ("Of 90 Tecvayli-treated patients, 20 had cytokine release syndrome.", "teclistamab"),
    ("Of 75 patients given an osimertinib-containing regimen, 21 progressed.", "osimertinib"),
    ("Among 64 dupilumab-treated children, 12 had conjunctivitis.", "dupilumab"),
])
def test_a_drug_word_with_a_suffix_of_receipt_names_the_drug(nlp, text: str, drug: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    rows = analyse(clean_text(text), nlp=nlp).rows
    assert rows and {(r.drug, r.drug_status) for r in rows} == {(drug, "received")}


@pytest.mark.parametrize("word", ["osimertinib-naive", "placebo-treated", "cisplatin-based",
                                  "drug-containing"])
def test_suffixes_that_say_no_receipt_name_no_drug(word: str) -> None:
    assert STEMS.given(word) is None


@pytest.mark.parametrize("verb", ["add", "also receive", "receive additional"])
def test_an_unknown_name_after_an_add_on_assignment_is_the_arm_drug(nlp, verb: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse
    rows = analyse(clean_text(
        "Adults with gout receiving febuxostat were randomized to "
        f"{verb} dotinurad (n = 150) or placebo (n = 151). Remission of gout "
        "occurred in 48 patients in the dotinurad group and 21 in the placebo group."),
        nlp=nlp).rows
    assert {(r.cohort_size, r.drug, r.drug_status, r.event_count) for r in rows
            if r.row_type == "outcome"} == {(150, "dotinurad", "received", 48),
                                            (151, "dotinurad", "not_received", 21)}


@pytest.mark.parametrize(("text", "name"), [
    ("Patients were randomized to natalizumab or interferon beta-1b (n = 120).", "interferon beta-1b"),
    ("Patients were randomized to ribavirin or peginterferon alfa-2a (n = 80).", "peginterferon alfa-2a"),
    ("Patients were randomized to placebo or epoetin beta-2x (n = 80).", "epoetin beta-2x"),
])
def test_a_greek_variant_after_a_protein_drug_is_one_name(nlp, text: str, name: str) -> None:
    assert name in {e.id_ for e in nlp(text).ents}


@pytest.mark.parametrize(("order", "drug", "head"), [
    ("interferon beta-1a (n = 411) or fingolimod (n = 410)", "interferon beta-1a", "interferon"),
    ("fingolimod (n = 410) or interferon beta-1a (n = 411)", "interferon beta-1a", "interferon"),
    ("fingolimod (n = 410) or glatiramer acetate (n = 411)", "glatiramer acetate", "glatiramer"),
])
def test_the_first_word_of_a_two_word_drug_names_its_arm(nlp, order: str, drug: str,
                                                         head: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse
    rows = analyse(clean_text(f"Adults were randomized to {order}. Relapse occurred in 30 "
                              f"patients in the fingolimod group and 45 in the {head} group."),
                   nlp=nlp).rows
    assert {(r.cohort_size, r.drug, r.event_count) for r in rows if r.row_type == "outcome"} \
        == {(410, "fingolimod", 30), (411, drug, 45)}


@pytest.mark.parametrize(("text", "drug"), [
    # a fixed-dose product in brackets beside its parts is those parts, counted once
    ("Clinicians gave 58 adults with resected melanoma nivolumab plus relatlimab (Opdualag). "
     "Melanoma returned in 7 of the 58 adults.", "nivolumab + relatlimab"),
    ("In all, 90 adults with gastric cancer were given trifluridine/tipiracil. Disease "
     "progressed in 30 of the 90 adults.", "trifluridine/tipiracil"),
])
def test_a_combination_product_beside_its_parts_names_them_once(nlp, text: str,
                                                                drug: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    rows = analyse(clean_text(text), nlp=nlp).rows
    assert {r.drug for r in rows if r.row_type == "outcome"} == {drug}


@pytest.mark.parametrize(("text", "agent"), [
    ("A total of 300 adults were randomised to paclitaxel alone (n = 100), paclitaxel plus "
     "carboplatin (n = 100) or paclitaxel plus ravoxertinol (n = 100).", "ravoxertinol"),
    ("In a single-arm study, 40 adults with sarcoma received torvocurin alone.", "torvocurin"),
    ("Patients were assigned to metformin plus dorzagliatin (n = 200), metformin alone (n = 198) "
     "or placebo.", "dorzagliatin"),
])
def test_an_unlisted_agent_added_to_a_known_drug_or_given_alone_is_a_drug(nlp, text: str,
                                                                          agent: str) -> None:
    doc = nlp(text)
    assert agent in {e.id_ for e in doc.ents if e.label_ == "DRUG"}


@pytest.mark.parametrize("participle", ["given", "taken"])
def test_an_irregular_participle_after_an_option_is_no_drug(nlp, participle) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    text = (f"Adults were assigned to sacituzumab tirumotecan, {participle} as an infusion every "
            f"two weeks, or to irinotecan. Tumours shrank in 39 of the 120 {participle} "
            "irinotecan.")
    assert analyse(clean_text(text), nlp=nlp).record.drugs == "irinotecan; sacituzumab tirumotecan"


@pytest.mark.parametrize(("text", "agent"), [
    ("Velmorastide (QX-2291) is an oral agent. Of 44 adults given velmorastide, 12 responded.",
     "velmorastide"),
    ("The trial tested ZR4410 (trenobirin) in 80 adults; trenobirin lowered pain in 31.",
     "trenobirin"),
    ("Part A escalated Kolpavimod (BT-7702) from 10 mg; 9 of 20 patients on kolpavimod had "
     "a flare.", "kolpavimod"),
])
def test_a_name_written_with_its_research_code_in_brackets_is_an_agent(nlp, text: str,
                                                                       agent: str) -> None:
    doc = nlp(text)
    assert agent in {e.id_ for e in doc.ents if e.label_ == "DRUG"}


@pytest.mark.parametrize("text", [
    "Grade 3 events included nausea or hypoxia in 8 patients.",
    "Dose reductions for diarrhoea and colitis were needed in 5 of 40.",
    "Kelvoria (NCT04567890) enrolled 300 adults at Hartwell (HQ) sites.",
])
def test_condition_words_and_bracketed_codes_of_no_agent_name_no_drug(nlp, text: str) -> None:
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "DRUG"]


@pytest.mark.parametrize(("text", "drug"), [
    ("Adults over 60 were randomized to recombinant shingles vaccine or placebo; shingles "
     "occurred in 6 of 3,100 in the vaccine group.", "recombinant shingles vaccine"),
    ("Toddlers were assigned to receive the PNX-2401 conjugate vaccine or a control vaccine.",
     "pnx-2401 conjugate vaccine"),
    ("Participants were randomly assigned to Trivaxor adjuvanted vaccine or saline placebo.",
     "trivaxor adjuvanted vaccine"),
])
def test_an_agent_closed_by_a_class_word_is_the_whole_product_name(nlp, text: str,
                                                                    drug: str) -> None:
    doc = nlp(text)
    assert drug in {e.id_ for e in doc.ents if e.label_ == "DRUG"}
    assert not {e.id_ for e in doc.ents if e.label_ == "DRUG"} - {drug}


def test_the_first_word_of_a_product_name_alone_is_no_agent_when_it_is_english(nlp) -> None:
    doc = nlp("Children were randomized to inactivated rotavirus vaccine or placebo. "
              "Inactivated virus particles were counted.")
    assert {e.id_ for e in doc.ents if e.label_ == "DRUG"} == {"inactivated rotavirus vaccine"}


@pytest.mark.parametrize(("text", "drug"), [
    ("Adults received beclomethasone dipropionate or montelukast for 12 weeks.",
     "beclomethasone dipropionate"),
    ("Patients used vilanterol xinafoate 25 µg once daily.", "vilanterol xinafoate"),
])
def test_an_ester_that_stays_in_the_prescribed_name_is_one_drug(nlp, text: str, drug: str) -> None:
    doc = nlp(text)
    assert drug in {e.id_ for e in doc.ents if e.label_ == "DRUG"}


@pytest.mark.parametrize(("text", "drug"), [
    ("Adults were randomly assigned to receive a single dose of Zostavar recombinant vaccine "
     "or placebo.", "zostavar recombinant vaccine"),
    ("Patients were randomized to receive two doses of tavrelumin or placebo.", "tavrelumin"),
])
def test_an_assigned_agent_after_its_number_of_doses_is_a_drug(nlp, text: str, drug: str) -> None:
    doc = nlp(text)
    assert {e.id_ for e in doc.ents if e.label_ == "DRUG"} == {drug}


@pytest.mark.parametrize("drug", ["tamsulosin", "desloratadine", "solifenacin", "tolterodine",
                                  "vibegron", "piperaquine", "moxidectin", "buspirone",
                                  "fenofibrate", "crisaborole"])
def test_stems_of_widely_used_classes_of_other_specialties_name_drugs(nlp, drug: str) -> None:
    doc = nlp(f"In all, 90 adults took {drug} each day and 12 of them had dizziness.")
    assert drug in {e.id_ for e in doc.ents if e.label_ == "DRUG"}


@pytest.mark.parametrize(("text", "agent"), [
    ("Orvanelt, an oral once-daily FXR agonist, was given to 60 adults with cholangitis.",
     "orvanelt"),
    ("In the study, lomerivat is a selective antagonist of the receptor; 20 of 80 responded.",
     "lomerivat"),
])
def test_a_name_set_beside_its_class_is_an_agent(nlp, text: str, agent: str) -> None:
    doc = nlp(text)
    assert agent in {e.id_ for e in doc.ents if e.label_ == "DRUG"}


@pytest.mark.parametrize("text", [
    "The compound, a potent inhibitor of the kinase, was studied in 40 mice.",
    "Inflammation, an agonist-driven process, was seen in 12 of 30.",
    "The treatment, a monoclonal antibody, was given to 50 adults.",
])
def test_a_noun_set_beside_a_class_is_no_agent(nlp, text: str) -> None:
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "DRUG"]


@pytest.mark.parametrize("text", [
    "Adults were randomized to extended thromboprophylaxis or to usual care.",
    "Patients were assigned to intensive glucose management or to standard targets.",
    "Children were randomly assigned to immunochemotherapy with or without a maintenance phase.",
    "Adults with depression were allocated to pharmacotherapy or to a waiting list.",
    "Sixty men were randomised to hormonotherapy alone or to hormonotherapy and surgery.",
])
def test_an_english_noun_after_an_assignment_is_no_agent(nlp, text: str) -> None:
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "DRUG"]


@pytest.mark.parametrize("text", [
    "Biochemical response was a 50% fall in plasma metanephrine in 12 of 30 patients.",
    "Urinary normetanephrine fell in 9 of 20, and serum dopamine-related markers were stable.",
])
def test_a_stem_word_measured_in_a_fluid_is_no_agent(nlp, text: str) -> None:
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "DRUG"]


@pytest.mark.parametrize(("text", "agent"), [
    ("The new pill, Zarvexa, cut relapses in 12 of 40 patients.", "zarvexa"),
    ("An experimental drug known as vemtoralin was given to 30 children with epilepsy.",
     "vemtoralin"),
    ("Patients on the medicine, sold as Kestrova, lived longer than those on placebo.",
     "kestrova"),
    ("Treatment with the investigational agent ONC-2201 led to responses in 9 of 31.",
     "onc-2201"),
    ("Researchers gave dexorvane, an oral iron chelator, to 44 adults with thalassaemia.",
     "dexorvane"),
    ("Ninety patients were treated with mavorixafor capsules for a year.", "mavorixafor"),
    ("The trial compared torvanex with placebo in 300 adults with migraine.", "torvanex"),
    ("Patients receiving Quelvira (n = 100) or placebo (n = 98) were followed for a year.",
     "quelvira"),
    ("In the dorvelin arm, 40 of 100 responded, against 20 of 98 in the placebo arm.",
     "dorvelin"),
    ("Keraxis said its drug Zarvexa met the primary end point in 300 adults.", "zarvexa"),
    ("Quelmira is a once-monthly injection. In the trial, 40 of 120 adults had no attacks.",
     "quelmira"),
])
def test_a_name_set_beside_a_noun_that_says_it_is_a_drug_is_an_agent(nlp, text: str,
                                                                       agent: str) -> None:
    doc = nlp(text)
    assert {e.id_ for e in doc.ents if e.label_ == "DRUG"} == {agent}


@pytest.mark.parametrize("text", [
    "The drug, however, did not lower relapses in 12 of 40 patients.",
    "The treatment, patients said, was easy to take; 30 of 41 kept taking it.",
    "The pill, approved last year, is taken once daily by 200 adults.",
    "In the younger group, 40 of 100 responded, against 20 of 98 in the placebo group.",
    "The Food and Drug Administration approved it; the agency, a drug regulator, said so.",
    "The analysis compared survival with placebo and efficacy with the standard of care.",
])
def test_words_set_beside_a_drug_noun_that_name_no_agent(nlp, text: str) -> None:
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "DRUG"]


@pytest.mark.parametrize(("text", "agents"), [
    ("Disclosures: R. Lindqvist: consulting fees. T. Haldorsen: research grant.", set()),
    ("Dr Okarsen, who led the study, said 14 of 52 given miravotinib responded.",
     {"miravotinib"}),
    ("Pellarsone Therapeutics, Inc. announced that 9 of 30 patients given Tavorafenib "
     "responded.", {"tavorafenib"}),
    ("Prof. Venlosone presented the data; Velorafenib was stopped in 3 of 41.",
     {"velorafenib"}),
])
def test_a_capitalised_stem_word_after_an_initial_or_title_or_before_a_company_word_is_a_name(
        nlp, text: str, agents: set[str]) -> None:
    doc = nlp(text)
    assert {e.id_ for e in doc.ents if e.label_ == "DRUG"} == agents


@pytest.mark.parametrize(("text", "agent"), [
    ("Zenvatide 40 mg was compared with placebo in 300 adults with migraine.", "zenvatide"),
    ("In total, 90 children received oral ketalbuzin or placebo for 10 days.", "ketalbuzin"),
    ("Adults took Dorvalix 25 mg twice daily; 18 of 70 had dizziness.", "dorvalix"),
])
def test_a_name_dosed_in_milligrams_or_received_by_a_route_is_an_agent(nlp, text: str,
                                                                        agent: str) -> None:
    doc = nlp(text)
    assert {e.id_ for e in doc.ents if e.label_ == "DRUG"} == {agent}


@pytest.mark.parametrize("text", [
    "The maximum 40 mg dose was reached; a total 300 mg was given; haemoglobin 12 mg.",
    "Tablets 20 mg and capsules 50 mg were dispensed to 40 adults.",
    "Participants receiving topical corticosteroids alone or oral antibiotics alone were "
    "excluded.",
])
def test_words_before_a_dose_or_after_a_receipt_that_name_no_agent(nlp, text: str) -> None:
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "DRUG"]


@pytest.mark.parametrize(("text", "drug"), [
    ("Older adults received one dose of the FLUQ4-HD vaccine or a standard vaccine.",
     "fluq4-hd vaccine"),
    ("Adolescents were given the MenACYW vaccine; 4 of 300 had fever.",
     "menacyw vaccine"),
    ("Infants got PCV24 vaccine at 2, 4 and 6 months.", "pcv24 vaccine"),
])
def test_a_product_named_by_a_code_and_its_class_word_is_an_agent(nlp, text: str,
                                                                  drug: str) -> None:
    doc = nlp(text)
    assert drug in {e.id_ for e in doc.ents if e.label_ == "DRUG"}


def test_a_vaccine_named_by_its_disease_is_no_coded_product(nlp) -> None:
    doc = nlp("At least 1 COVID-19 vaccine and the HPV vaccine were given before enrolment.")
    assert not [e for e in doc.ents if e.label_ == "DRUG"]


@pytest.mark.parametrize("setting", ["perioperative", "preoperative", "postoperative",
                                     "frontline"])
def test_a_treatment_setting_after_an_assignment_names_no_drug(nlp, setting: str) -> None:
    doc = nlp(f"We randomly assigned 310 patients to {setting} tislelizumab (n = 156) or "
              "placebo (n = 154).")
    assert {e.id_ for e in doc.ents if e.label_ == "DRUG"} == {"tislelizumab"}


@pytest.mark.parametrize(("text", "size", "drug"), [
    # a short form first in a bracket of names, spelling two words of which the role gave one
    ("In all, 480 adults with muscle cramps were randomised: 240 were assigned to oral "
     "citrulline malate (CM; development code TRX-7) and 240 to placebo. Cramps recurred in "
     "50 of 240 patients in the CM group and 81 of 240 in the placebo group.",
     240, "citrulline malate"),
    # the short form leaves out how the product is given ("adjuvanted")
    ("Adults aged 65 or older were randomly assigned to the adjuvanted quadrivalent influenza "
     "vaccine (QIV; Fluvexa) or saline placebo. Laboratory-confirmed influenza occurred in 12 "
     "of 1,500 participants in the QIV group and in 40 of 1,490 in the placebo group.",
     1500, "quadrivalent influenza vaccine"),
    # a short form alone in its brackets (the detector's own), in a press release
    ("Helion Bio said 90 children were randomised to arginine butyrate (AB) or standard care; "
     "crises recurred in 30 of 45 in the AB group.", 45, "arginine butyrate"),
])
def test_a_short_form_spells_the_agent_s_whole_name(nlp, text: str, size: int,
                                                    drug: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    rows = analyse(clean_text(text), nlp=nlp).rows
    counted = [r for r in rows if r.row_type == "outcome" and r.drug_status == "received"]
    assert [(r.drug, r.cohort_size) for r in counted] == [(drug, size)]
    assert {r.drug for r in rows} <= {drug, None}


@pytest.mark.parametrize(("text", "size", "drug"), [
    # a brand with its mark before the generic in brackets, a two-word name with the suffix
    ("Velaris Therapeutics today announced FDA approval of TORVEXA™ (ravotuzumab "
     "govitecan-hzqp) for recurrent ovarian cancer. In the pivotal VELA-2 trial, 37 of 80 "
     "patients treated with TORVEXA had an objective response.", 80, "ravotuzumab govitecan"),
    ("In this phase 2 study of metastatic urothelial carcinoma, 120 patients received KALIRA® "
     "(delpatuzumab vedotin-mxbt) every three weeks; 30 of the 120 patients had disease "
     "progression by month 6.", 120, "delpatuzumab vedotin"),
    ("Patients with gastric cancer were randomly assigned to selitamab deruxtecan-qwer "
     "(n = 64) or paclitaxel (n = 62). Responses occurred in 29 of 64 patients given "
     "selitamab deruxtecan-qwer and 11 of 62 given paclitaxel.", 64, "selitamab deruxtecan"),
])
def test_a_biologic_s_suffix_and_a_marked_brand_name_the_two_word_agent(nlp, text: str,
                                                                          size: int,
                                                                          drug: str) -> None:
    from pipeline import clean_text
    from pipeline.evidence import analyse

    rows = analyse(clean_text(text), nlp=nlp).rows
    outcome = [r for r in rows if r.row_type == "outcome" and r.cohort_size == size]
    assert [r.drug for r in outcome] == [drug]
    assert drug in {r.drug for r in rows if r.drug_status == "received"}


def test_a_biologic_s_suffix_is_left_out_of_the_name() -> None:
    assert STEMS.without_suffix("duvotecan-kvnx") == "duvotecan"
    assert STEMS.without_suffix("dual-site") == "dual-site"


@pytest.mark.parametrize(("name", "drug"), [
    ("leuprolide", "leuprorelin"), ("Lupron", "leuprorelin"), ("leuprorelin", "leuprorelin"),
    ("IVIG", "intravenous immunoglobulin"), ("immune globulin", "intravenous immunoglobulin"),
    # a bismuth salt of a quadruple therapy is bismuth, as tune-188's gold names it
    ("bismuth potassium citrate", "bismuth"), ("colloidal bismuth subcitrate", "bismuth"),
    ("bismuth subsalicylate", "bismuth"),
])
def test_drugs_are_named_as_the_gold_names_them(nlp, name: str, drug: str) -> None:
    # the generic (INN) name where one exists (leuprorelin, not the USAN leuprolide), and the
    # name the tuning gold gives immunoglobulin given intravenously (tune-177)
    doc = nlp(f"In the trial, 120 adults received {name} and 30 of them improved.")
    assert {e.id_ for e in doc.ents if e.label_ == "DRUG"} == {drug}


@pytest.mark.parametrize(("text", "regimen"), [
    # the article spells out a known regimen in brackets with its own drugs: prednisolone,
    # not the lexicon's prednisone; the short form keeps them at every later mention
    ("In all, 60 adults received CHOP (cyclophosphamide, doxorubicin, vincristine and "
     "prednisolone) every 21 days. Relapse after CHOP occurred in 14 of the 60.",
     "cyclophosphamide + doxorubicin + prednisolone + vincristine"),
    ("Older adults with follicular lymphoma were given R-CVP (rituximab, cyclophosphamide, "
     "vincristine and prednisolone); after R-CVP, 52 of 70 were in remission.",
     "cyclophosphamide + prednisolone + rituximab + vincristine"),
    ("Forty children were treated with ABVD (doxorubicin, bleomycin, vinblastine and "
     "dacarbazine); 33 of the 40 treated with ABVD had a complete response.",
     "bleomycin + dacarbazine + doxorubicin + vinblastine"),
])
def test_a_regimen_spelled_out_in_brackets_is_the_drugs_listed(nlp, text: str,
                                                               regimen: str) -> None:
    doc = nlp(text)
    named = [e.id_ for e in doc.ents if e.label_ == "DRUG" and e.text.isupper()]
    assert len(named) == 2 and set(named) == {regimen}
