"""The article's condition outside oncology, from the phrase that defines the population."""

from __future__ import annotations

import pytest

from pipeline import clean_text
from pipeline.data import read_json_file
from pipeline.evidence import analyse
from pipeline.nlp.conditions import ConditionRules, find_condition
from pipeline.settings import MODELS_DIR

RULES = ConditionRules.from_dict(read_json_file(MODELS_DIR / "rules" / "conditions.json"))


@pytest.mark.parametrize(("text", "condition"), [
    ("We studied 88 adults with type 2 diabetes who were on metformin.", "type 2 diabetes"),
    ("Children with asthma and their parents were interviewed. Children with asthma did well.",
     "asthma"),
    ("Patients with newly diagnosed atrial fibrillation were enrolled.", "atrial fibrillation"),
    ("Patients with moderate-to-severe ulcerative colitis (n = 40) entered the study.",
     "ulcerative colitis"),
    ("Patients with at least two prior hospital admissions were excluded.", None),
    ("Patients with a history of stroke were enrolled.", None),
    ("Participants with 3 or more visits were counted.", None),
    ("Patients with missing data at week 12 were counted as non-responders.", None),
    ("Participants with major protocol deviations were excluded from the per-protocol set.",
     None),
    ("Men with the disease were offered surgery first.", None),
    ("Of the children with the condition, few were treated.", None),
    ("Adults with a cough frequency of 10 or more an hour were eligible.", None),
    ("Adults with chronic hand eczema affecting both palms were enrolled.", "chronic hand eczema"),
    ("Patients with vitiligo involving the face were counted apart.", "vitiligo"),
    ("Of the patients with relapse, 12 had a second transplant.", None),
    ("Patients with a complete response stopped treatment at 2 years.", None),
])
def test_condition_after_population_noun(nlp, text: str, condition: str | None) -> None:
    assert find_condition(nlp(text), RULES) == condition


def test_a_named_cancer_wins_over_the_population_phrase(nlp) -> None:
    result = analyse(clean_text(
        "Patients with anaemia and metastatic melanoma (n = 60) received nivolumab."), nlp=nlp)
    assert result.record.disease == "melanoma"


def test_condition_is_the_disease_of_a_non_cancer_trial(nlp) -> None:
    result = analyse(clean_text(
        "In total, 310 patients with chronic kidney disease were randomly assigned to "
        "finerenone or placebo."), nlp=nlp)
    assert result.record.disease == "chronic kidney disease"


def test_the_subtype_named_once_wins_over_the_organ_named_often(nlp) -> None:
    result = analyse(clean_text(
        "Ovarian cancer is common. In this trial of maintenance therapy, 120 women with "
        "high-grade serous ovarian cancer received rucaparib; ovarian cancer relapses were "
        "counted."), nlp=nlp)
    assert result.record.disease == "high-grade serous ovarian cancer"


@pytest.mark.parametrize(("text", "disease"), [
    # a condition outside oncology is a lexicon name, with its short form and synonyms
    ("Overall, 640 adults with chronic obstructive pulmonary disease (COPD) were randomised to "
     "tiotropium or placebo. COPD exacerbations were counted.",
     "chronic obstructive pulmonary disease"),
    ("In total, 212 children with moderate-to-severe plaque psoriasis received ixekizumab.",
     "plaque psoriasis"),
    ("We randomly assigned 900 patients with heart failure with reduced ejection fraction to "
     "dapagliflozin or placebo.", "heart failure with reduced ejection fraction"),
    ("Of 480 adults with T2DM, 240 were given tirzepatide and 240 insulin glargine.",
     "type 2 diabetes"),
    ("A total of 350 outpatients with major depression received vortioxetine or placebo.",
     "major depressive disorder"),
    ("We enrolled 1,200 adults hospitalised with community-acquired pneumonia; 600 received "
     "ceftaroline.", "community-acquired pneumonia"),
    ("Overall, 260 patients with aneurysmal subarachnoid haemorrhage received clazosentan.",
     "aneurysmal subarachnoid hemorrhage"),
    ("A total of 180 adults with ADPKD were assigned to tolvaptan or placebo.",
     "autosomal dominant polycystic kidney disease"),
    ("In all, 95 patients with acute respiratory distress syndrome (ARDS) received "
     "dexamethasone.", "acute respiratory distress syndrome"),
])
def test_a_condition_outside_oncology_is_named_by_the_lexicon(nlp, text: str,
                                                               disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # specialties with few trials in the corpus: anaesthesia, dentistry, urology, obstetrics,
    # neonatology, tropical medicine, wound care, endocrinology
    ("A total of 410 women with interstitial cystitis received pentosan or placebo.",
     "interstitial cystitis"),
    ("We randomised 96 adults with chronic periodontitis to doxycycline gel or placebo.",
     "periodontitis"),
    ("Overall, 300 adults with chronic Chagas disease took benznidazole or placebo.",
     "Chagas disease"),
    ("In all, 220 women with gestational diabetes mellitus were assigned to metformin or "
     "insulin.", "gestational diabetes"),
    ("Of 180 preterm infants with bronchopulmonary dysplasia, 90 received budesonide.",
     "bronchopulmonary dysplasia"),
    ("A total of 150 children with visceral leishmaniasis received miltefosine.",
     "visceral leishmaniasis"),
    ("We enrolled 240 adults with diabetic foot ulcers; 120 received a topical gel.",
     "diabetic foot ulcer"),
    ("Overall, 88 patients with Graves' disease were given methimazole.", "Graves' disease"),
    ("Among 260 adults with thrombotic thrombocytopenic purpura, 130 received caplacizumab.",
     "thrombotic thrombocytopenic purpura"),
])
def test_conditions_of_less_common_specialties_are_named(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # a harm in a cancer trial's safety results is no condition of the population
    ("In all, 240 patients with metastatic melanoma received nivolumab; myocarditis occurred in "
     "3 and peripheral neuropathy in 12, with anaphylaxis in 1.", "melanoma"),
])
def test_harms_of_a_cancer_trial_do_not_name_its_disease(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # distinct clinical forms keep their names; the plural is the name of the MDS family
    ("Of 110 adults with generalised myasthenia gravis, 55 received rozanolixizumab; myasthenia "
     "gravis symptoms improved in 30.", "generalized myasthenia gravis"),
    ("In all, 300 adolescents with eosinophilic asthma received benralizumab; asthma attacks "
     "fell in 120 of them. Asthma control improved.", "severe eosinophilic asthma"),
    ("A total of 77 children with paediatric low-grade glioma received dabrafenib; low-grade "
     "glioma shrank in 40.", "pediatric low-grade glioma"),
    ("We treated 150 adults with lower-risk myelodysplastic syndrome with luspatercept.",
     "myelodysplastic syndromes"),
    ("Of 480 adults with HIV-1 who switched to bictegravir, 460 kept HIV-1 RNA below 50 copies; "
     "HIV-1 resistance emerged in none.", "HIV-1 infection"),
    ("A total of 260 people living with HIV received cabotegravir.", "HIV infection"),
])
def test_a_distinct_clinical_form_keeps_its_name(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # the population's condition is in no lexicon; the lexicon names only an event or a
    # comorbidity, in passing
    ("Adults with chronic prostatitis were randomized to tamsulosin (n = 120) or placebo "
     "(n = 118). Tinnitus was reported in 14 patients in the tamsulosin group.",
     "chronic prostatitis"),
    ("We enrolled 64 children with infantile myofibromatosis. At baseline, 12 had hypertension "
     "and 30 of the 64 responded to larotrectinib.", "infantile myofibromatosis"),
    ("Overall, 150 women with vulvodynia received amitriptyline cream. Insomnia occurred in 9.",
     "vulvodynia"),
    # a phrase that names no condition leaves the lexicon disease
    ("Patients with missing data were excluded. Heart failure hospitalisation occurred in 40 "
     "of 300 patients on finerenone.", "heart failure"),
])
def test_the_population_condition_outweighs_a_lexicon_event(nlp, text: str,
                                                            disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # the population phrase outweighs diseases named more often in passing
    ("Hypertension is common and hypertension raises the risk of stroke. We enrolled 300 "
     "patients with atrial fibrillation; 150 received edoxaban.", "atrial fibrillation"),
    ("Kidney cancer is rising and kidney cancer trials are few. In this study, 90 people "
     "with advanced clear cell renal cell carcinoma received axitinib.", "clear cell renal cell carcinoma"),
    # a subgroup or a baseline characteristic is no population phrase
    ("Asthma was the condition studied: 400 children with asthma received mepolizumab. "
     "Among the 60 children with atopic dermatitis, 20 had exacerbations. Of those, 30 "
     "patients with atopic dermatitis at baseline improved.", "asthma"),
])
def test_the_disease_of_the_population_outweighs_one_named_in_passing(nlp, text: str,
                                                                      disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # a subtype written around stage words and bracketed short forms is its lexicon name
    ("We treated 150 women with HER2-positive metastatic breast cancer with tucatinib.",
     "HER2-positive breast cancer"),
    ("Patients with hormone receptor-positive (HR+), HER2-negative locally advanced breast "
     "cancer (n = 210) received ribociclib.", "hormone receptor-positive breast cancer"),
    ("In all, 75 adults with relapsed or refractory multiple myeloma received teclistamab.",
     "multiple myeloma"),
])
def test_a_subtype_around_stage_words_is_named_as_the_lexicon_names_it(nlp, text: str,
                                                                       disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


def test_a_trial_endpoint_named_by_its_condition_stays_an_outcome(nlp) -> None:
    # "influenza occurred in 31": the condition the trial prevents, not a cancer arising
    rows = analyse(clean_text(
        "In total, 1,400 older adults were randomly assigned to baloxavir (n = 700) or "
        "placebo (n = 700). Laboratory-confirmed influenza occurred in 31 participants in the "
        "baloxavir group and in 74 in the placebo group."), nlp=nlp).rows
    assert {r.outcome for r in rows if r.row_type == "outcome"} != {"adverse_event"}


@pytest.mark.parametrize(("text", "disease"), [
    # a results section that never restates its condition names it by its scores
    ("Of 700 randomised patients, 350 received tofacitinib. An ACR50 response occurred in 140 "
     "and DAS28-ESR remission in 90; pneumonia occurred in 4.", "rheumatoid arthritis"),
    ("In all, 410 participants received sertraline; the MADRS total score fell by 14 points "
     "and 150 had a MADRS response. Insomnia was reported by 20.", "major depressive disorder"),
    ("PASI 90 was reached by 210 of 330 patients given bimekizumab and PASI 75 by 280.",
     "plaque psoriasis"),
])
def test_a_disease_specific_score_names_the_condition(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


def test_every_score_names_a_lexicon_disease() -> None:
    from pipeline.evidence import _disease_entries
    names = {e.name for e in _disease_entries()}
    assert set(RULES.instruments.values()) <= names


def test_each_trial_of_a_report_on_two_trials_keeps_its_own_disease(nlp) -> None:
    result = analyse(clean_text(
        "Two trials in blood cancers were presented.\n\n"
        "TRIAL-A: zanubrutinib in mantle cell lymphoma\n\n"
        "Mantle cell lymphoma is rare. The trial enrolled 120 patients with relapsed mantle "
        "cell lymphoma; 60 received zanubrutinib and 60 ibrutinib. Responses occurred in 45 of "
        "the 60 patients given zanubrutinib.\n\n"
        "TRIAL-B: daratumumab in multiple myeloma\n\n"
        "The second trial enrolled 80 patients with newly diagnosed multiple myeloma, all of "
        "whom received daratumumab. Progression occurred in 12 of the 80 patients."),
        nlp=nlp)
    assert result.record.disease == "mantle cell lymphoma"
    by_size = {r.cohort_size: r.disease for r in result.rows}
    assert by_size.get(60) == "mantle cell lymphoma"
    assert by_size.get(80) == "multiple myeloma"


def test_one_trial_with_a_subtype_named_once_keeps_one_disease(nlp) -> None:
    rows = analyse(clean_text(
        "We enrolled 140 women with ovarian cancer. Among them, 60 women with high-grade "
        "serous ovarian cancer received niraparib, and 20 of the 60 progressed."), nlp=nlp).rows
    assert rows and len({r.disease for r in rows}) == 1


@pytest.mark.parametrize(("text", "condition"), [
    # severity and stage words before the condition, and what follows it, are not its name
    ("We enrolled 96 adults with severe alcoholic hepatitis; 48 received prednisolone.",
     "alcoholic hepatitis"),
    ("Adults with hypothyroidism inadequately controlled on levothyroxine were randomised.",
     "hypothyroidism"),
    ("Patients with recurrent pericarditis (n = 86) received rilonacept.", "pericarditis"),
    ("In all, 412 adults with a recent transient ischaemic attack were randomised.",
     "transient ischemic attack"),  # the name in US spelling, as the gold writes names
])
def test_the_condition_phrase_without_severity_or_control_words(nlp, text: str,
                                                                condition: str) -> None:
    assert find_condition(nlp(text), RULES) == condition


@pytest.mark.parametrize(("text", "condition"), [
    # an age between the population and "with" still defines the population
    ("Overall, 420 children aged 6 to 11 years with eosinophilic bronchitis were enrolled.",
     "eosinophilic bronchitis"),
    ("We enrolled 300 adults 18 years of age or older with chronic prurigo.", "chronic prurigo"),
    ("Patients aged 65 or over with sarcopenia (n = 80) were enrolled.", "sarcopenia"),
])
def test_the_condition_after_an_age(nlp, text: str, condition: str) -> None:
    assert find_condition(nlp(text), RULES) == condition


def test_a_lexicon_condition_after_an_age_outweighs_a_passing_mention(nlp) -> None:
    result = analyse(clean_text(
        "Obesity is common in this age group and obesity worsens outcomes. In total, 512 "
        "children aged 2 to 5 years with asthma received budesonide or placebo."), nlp=nlp)
    assert result.record.disease == "asthma"


@pytest.mark.parametrize(("text", "condition"), [
    # "hospitalized for" names the condition like "hospitalized with"; "presenting for" not
    ("We randomized 800 adults hospitalized for acute pancreatitis to early feeding or not.",
     "acute pancreatitis"),
    ("Patients admitted for diabetic ketoacidosis (n = 300) were enrolled.",
     "diabetic ketoacidosis"),
    ("Patients presenting for routine screening were enrolled.", None),
])
def test_the_condition_a_population_was_admitted_for(nlp, text: str,
                                                     condition: str | None) -> None:
    assert find_condition(nlp(text), RULES) == condition


def test_a_score_is_written_in_capitals(nlp) -> None:
    doc = nlp("Das Haus ist alt, sagte er; das ist alles. Pasi and Acre are names.")
    assert find_condition(doc, RULES) is None
    from pipeline.nlp.conditions import instrument_diseases
    assert instrument_diseases(doc, RULES) == []


@pytest.mark.parametrize(("text", "disease"), [
    ("A total of 240 adults with Crohn's disease were randomized; 120 received vedolizumab.",
     "Crohn disease"),
    ("We enrolled 180 people with early Alzheimer's disease; 90 received lecanemab.",
     "Alzheimer disease"),
    ("In all, 96 adults with Cushing's syndrome were treated with osilodrostat.",
     "Cushing syndrome"),
])
def test_an_eponymous_disease_is_named_without_the_possessive(nlp, text, disease) -> None:
    # The current nomenclature (and the annotators): 'Crohn disease', however the text writes it.
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # a generic disease the lexicon has no subtype for is named with the words that qualify
    # it, without stage words, in the lexicon's spelling
    ("Overall, 46 adults with relapsed plasmablastic lymphoma received daratumumab; 20 of "
     "the 46 responded.", "plasmablastic lymphoma"),
    ("Chronic neutrophilic leukaemia is rare. In this series, 31 patients with chronic "
     "neutrophilic leukaemia were given ruxolitinib and 12 had a response.",
     "chronic neutrophilic leukemia"),
    ("We reviewed 58 patients with advanced sebaceous carcinoma of the eyelid; 19 were "
     "treated with pembrolizumab.", "sebaceous carcinoma"),
    # a word before the disease that is no part of its name ends the name
    ("Their lymphoma was treated in 40 patients with polatuzumab; the lymphoma recurred in 9.",
     "lymphoma"),
])
def test_a_generic_disease_is_named_with_its_qualifiers(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # the condition a population phrase names, in the form a name is written: after "an
    # episode of", without a heading's capitals or a stage word, singular, in US spelling
    ("In total, 120 adults with an episode of acute vestibular neuritis were randomised to "
     "methylprednisolone or placebo; 70 recovered.", "acute vestibular neuritis"),
    ("Itraconazole in Women With Recurrent Vulvovaginal Candidiasis\n\nWe randomised 160 "
     "women; 44 of 80 given itraconazole relapsed.", "vulvovaginal candidiasis"),
    ("A total of 140 infants with infantile haemangiomas received propranolol; 96 responded.",
     "infantile hemangioma"),
])
def test_the_population_condition_is_written_as_a_name(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # a short form names what its long form names, when that is more than the lexicon
    # disease inside it
    ("Benign paroxysmal positional vertigo (BPPV) is common. We randomised 180 adults with "
     "BPPV to a repositioning manoeuvre or sham; vertigo resolved in 70 of 90 and 31 of 90.",
     "benign paroxysmal positional vertigo"),
    ("Idiopathic subglottic stenosis (iSGS) is rare. Of 120 adults with iSGS, 60 received "
     "steroid injections; stenosis recurred in 12 of the 60.", "idiopathic subglottic stenosis"),
    # one short form for two diseases names both
    ("Patients with multiple endocrine neoplasia and medullary thyroid cancer were excluded. "
     "We enrolled 64 adults with thymoma and thymic carcinoma (TTC); 30 of the 64 with TTC "
     "responded to sunitinib.", "thymoma and thymic carcinoma"),
])
def test_a_short_form_names_its_whole_long_form(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # a condition that ends in no noun of disease is the article's when it names it again
    # and again, over a lexicon disease named once in passing
    ("Adults with chronic tinnitus (n = 200) were randomised to bimodal stimulation or sham. "
     "Chronic tinnitus is common and chronic tinnitus distress fell in 61 of 100 and 35 of "
     "100. Migraine occurred in 2.", "chronic tinnitus"),
    ("Hallux valgus often recurs after surgery. In all, 150 adults with hallux valgus were "
     "assigned to a night splint or none, and hallux valgus recurred in 9 of 75 and 20 of 75. "
     "Gout flared in 2.", "hallux valgus"),
])
def test_a_condition_named_again_and_again_is_the_articles(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # "cell", "zone": a name's word that names only with the word before it, whatever it is
    ("In all, 38 patients with recurrent spindle cell sarcoma of bone received "
     "pazopanib; 9 of the 38 responded.", "spindle cell sarcoma"),
    # stage words joined by "or" before the condition are one list of stage words
    ("In all, 44 adults with locally advanced or metastatic epithelioid "
     "hemangioendothelioma received sirolimus; 12 had a partial response. Anaemia occurred "
     "in 3.",
     "epithelioid hemangioendothelioma"),
])
def test_a_name_is_read_past_its_bound_words_and_stage_lists(nlp, text: str,
                                                            disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


@pytest.mark.parametrize(("text", "disease"), [
    # chronic hepatitis B is the indication's name (the gold keeps "chronic"); the virus,
    # its antigen or an acute infection are hepatitis B
    ("Of 300 adults with chronic HBV infection, 150 received vebicorvir; HBsAg loss occurred "
     "in 21 and HBV DNA fell in 120.", "chronic hepatitis B"),
    ("Adults with chronic hepatitis B on nucleoside therapy (n = 240) received an siRNA; "
     "hepatitis B surface antigen cleared in 30.", "chronic hepatitis B"),
    ("In all, 88 adults with acute hepatitis B received tenofovir; 80 cleared HBV.",
     "hepatitis B"),
])
def test_chronic_hepatitis_b_keeps_its_name(nlp, text: str, disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


def test_diseases_that_define_one_population_are_one_trials(nlp) -> None:
    # "patients with X or Y": one population of two diseases, not a report on two trials
    result = analyse(clean_text(
        "A total of 200 patients with uveal melanoma or Merkel cell carcinoma were enrolled; "
        "100 received nivolumab and 100 ipilimumab. Uveal melanoma is rare and Merkel cell "
        "carcinoma is rarer. A response occurred in 40 of the 100 given nivolumab and in 25 "
        "of the 100 given ipilimumab."), nlp=nlp)
    assert result.rows
    assert {r.disease for r in result.rows} == {result.record.disease}


@pytest.mark.parametrize(("text", "disease"), [
    # words joined to a disease by "or" name a disease with its last words: the first one
    # named is the population's
    ("In all, 420 patients with HER2-negative gastric or gastroesophageal junction "
     "adenocarcinoma received nivolumab plus chemotherapy (n = 210) or chemotherapy alone "
     "(n = 210). Gastric cancer is common in East Asia.",
     "gastric cancer"),
    ("We enrolled 300 women with platinum-sensitive recurrent ovarian, fallopian tube, or "
     "primary peritoneal cancer; 200 received rucaparib and 100 placebo. Peritoneal cancer "
     "was the primary site in 30.", "ovarian cancer"),
])
def test_words_joined_to_a_disease_name_the_disease_with_its_head(nlp, text: str,
                                                                  disease: str) -> None:
    assert analyse(clean_text(text), nlp=nlp).record.disease == disease


def test_a_word_that_refers_back_leaves_the_named_cancer_the_disease(nlp) -> None:
    """"Men with the disease" names no disease: the cancer named before it stays the article's."""
    result = analyse(clean_text(
        "A trial tested toripalimab in penile squamous cell carcinoma. Men with the disease "
        "are often diagnosed late. Of the 40 men treated, 12 responded."), nlp=nlp)
    assert result.record.disease == "penile cancer"
