/**
 * Every word Repère writes to or reads from a cell, in French and English: the dropdown lists of the definition tabs,
 * the observation record's kinds, consents and usages, respondent types, statuses, the Journal's actions and actors,
 * the rubrics of « Démarche », the names under which paradata break a figure down, and the « not given » placeholder.
 * Each word has one canonical id. Modules hand ids to each other; a word appears only where a cell is written (in the
 * language asked for) or read (either language, folded: case, accents and apostrophes do not matter).
 */
import { fold } from '../text/fold';

export type Lang = 'fr' | 'en';

/** One word: its canonical id, then what a cell holds in French and in English. */
type Words = readonly [id: string, fr: string, en: string];

const AT: Record<Lang, 1 | 2> = { fr: 1, en: 2 };

// Plain literals (no function builds a list), so a bundle that needs one list, such as the extension's observation
// record, does not carry the others.

/*
 * The observation record (« Observations »). Its ids are the values the extension stores, exports and sends (exchange
 * format v1), which happen to be the French words: changing them would orphan every saved observation.
 */
export const OBSERVATION_KIND_WORDS = [
  ['citation', 'citation', 'quote'],
  ['observation', 'observation', 'observation'],
  ['anecdote', 'anecdote', 'anecdote'],
  ['chiffre', 'chiffre', 'figure'],
] as const;
export const CONSENT_WORDS = [
  ['obtenu', 'obtenu', 'obtained'],
  ['non obtenu', 'non obtenu', 'not obtained'],
  ['non requis', 'non requis', 'not required'],
] as const;
export const SCOPE_WORDS = [
  ['interne', 'interne', 'internal'],
  ['financeurs', 'financeurs', 'funders'],
  ['public', 'public', 'public'],
] as const;

export const VOCABULARY = {
  /* The dropdowns of the definition tabs (`choices` in tabs.ts). */
  level: [['output', 'réalisation', 'output'], ['outcome', 'résultat', 'outcome'], ['impact', 'impact', 'impact']],
  stakeholder: [
    ['beneficiaries', 'bénéficiaires', 'beneficiaries'],
    ['carers', 'aidants', 'carers'],
    ['staff', 'salariés', 'staff'],
    ['volunteers', 'bénévoles', 'volunteers'],
    ['partners', 'partenaires', 'partners'],
    ['funders', 'financeurs', 'funders'],
  ],
  kind: [['quantitative', 'quantitatif', 'quantitative'], ['qualitative', 'qualitatif', 'qualitative']],
  method: [
    ['proportion', 'proportion', 'proportion'],
    ['mean', 'moyenne', 'mean'],
    ['median', 'médiane', 'median'],
    ['count', 'effectif', 'count'],
    ['sum', 'somme', 'sum'],
    ['scale', "score d'échelle", 'scale score'],
    ['change', 'évolution avant/après', 'before/after change'],
    ['observations', "nombre d'observations", 'number of observations'],
    ['persons', 'personnes distinctes qui évoquent le thème', 'distinct people raising the theme'],
    ['manual', 'saisie manuelle', 'manual entry'],
  ],
  sourceType: [['survey', 'enquête', 'survey'], ['observations', 'observations', 'observations'], ['manual', 'manuel', 'manual']],
  direction: [['up', 'hausse', 'increase'], ['down', 'baisse', 'decrease'], ['stable', 'stabilité', 'stability']],
  granularity: [
    ['month', 'mois', 'month'],
    ['quarter', 'trimestre', 'quarter'],
    ['half', 'semestre', 'half-year'],
    ['year', 'année', 'year'],
    ['wave', "vague d'enquête", 'survey wave'],
  ],
  respondentRule: [
    ['self', 'auto-déclaration seulement', 'self-report only'],
    ['proxy', 'réponse pour autrui admise', 'proxy answers allowed'],
  ],
  questionType: [
    ['identifier', 'identifiant', 'identifier'],
    ['timestamp', 'horodatage', 'timestamp'],
    ['date', 'date', 'date'],
    ['number', 'nombre', 'number'],
    ['single', 'choix unique', 'single choice'],
    ['multiple', 'choix multiple', 'multiple choice'],
    ['likert', 'échelle', 'scale'],
    ['text', 'texte libre', 'free text'],
  ],
  surveyMode: [
    ['self', 'auto-administré', 'self-administered'],
    ['interview', 'entretien', 'interview'],
    ['phone', 'téléphone', 'phone'],
    ['mixed', 'mixte', 'mixed'],
  ],
  valueOrigin: [['computed', 'calculé', 'computed'], ['manual', 'saisi', 'entered']],

  /* The observation record (above). */
  observationKind: OBSERVATION_KIND_WORDS,
  consent: CONSENT_WORDS,
  scope: SCOPE_WORDS,

  /* Who answered a survey (the responses tabs' « Type de répondant »): the person, helped, or someone for them. */
  respondentType: [['self', 'lui-même', 'self'], ['aided', 'aidé', 'aided'], ['proxy', 'pour autrui', 'proxy']],

  /* Where a value stands (« Valeurs », « Tableau de bord »); the engine's status ids are the French words. */
  status: [
    ['atteint', 'atteint', 'met'],
    ['en bonne voie', 'en bonne voie', 'on track'],
    ['à surveiller', 'à surveiller', 'to watch'],
    ['non atteint', 'non atteint', 'not met'],
    ['données insuffisantes', 'données insuffisantes', 'insufficient data'],
  ],

  /* Who an output is for: printed on it, and what sets its small-cell threshold (shared/outward/gate.ts). */
  audience: [['team', 'équipe', 'team'], ['funders', 'financeurs', 'funders'], ['public', 'public', 'public'], ['cohort', 'cohorte', 'cohort']],

  /* The « Contrôles » tab: what each check is about, and how much it matters. */
  check: [
    ['response_rate', 'taux de réponse', 'response rate'],
    ['attrition', 'perdus de vue', 'people lost'],
    ['wide_margin', "marge d'erreur", 'margin of error'],
    ['proxy_share', 'réponses par un proche', 'proxy answers'],
    ['respondent_type_unknown', 'type de répondant', 'respondent type'],
    ['straight_lining', 'réponses identiques', 'identical answers'],
    ['acquiescence', 'acquiescement', 'acquiescence'],
    ['check_unavailable', 'contrôle impossible', 'check unavailable'],
  ],
  checkLevel: [['alerte', 'alerte', 'warning'], ['info', 'information', 'information'], ['review', 'à revoir', 'to review']],

  /* The « Journal »: what was done, and who did it when no account name is available. */
  journalAction: [
    ['setup', 'configuration', 'setup'],
    ['sync', 'synchronisation', 'sync'],
    ['import', 'import', 'import'],
    ['compute', 'calcul', 'computation'],
    ['approach', 'démarche', 'approach'],
    ['manualValue', 'saisie', 'manual entry'],
    ['questionnaire', 'questionnaire', 'questionnaire'],
    ['report', 'rapport', 'report'],
    ['decision', 'décision', 'decision'],
    ['themes', 'thèmes', 'themes'],
    ['exchange', 'échange', 'exchange'],
    ['cohort', 'cohorte', 'cohort'],
    ['publication', 'publication', 'publication'],
  ],
  actor: [['sidebar', 'panneau Repère', 'Repère sidebar'], ['collector', 'collecteur', 'collector']],

  /* The cohort (a coordinator's « Membres » and « Agrégats reçus »): where a member stands, what a published row holds. */
  memberStatus: [
    ['invited', 'invitée', 'invited'],
    ['joined', 'a rejoint', 'joined'],
    ['upToDate', 'à jour', 'up to date'],
    ['late', 'en retard', 'late'],
    ['revoked', 'révoquée', 'revoked'],
  ],
  measure: [
    ['proportion', 'proportion', 'proportion'],
    ['mean', 'moyenne', 'mean'],
    ['median', 'médiane', 'median'],
    ['count', 'effectif', 'count'],
    ['sum', 'somme', 'sum'],
    ['change', 'évolution', 'change'],
    ['value', 'valeur', 'value'],
  ],
  changeKind: [['binary', 'part (oui/non)', 'share (yes/no)'], ['ordinal', 'rang sur une échelle', 'rank on a scale'], ['score', 'score', 'score']],

  /* The « Rubrique » of a « Démarche » row: the guided form's rubrics, then what a starting framework adds. */
  approachItem: [
    ['question', 'Question évaluative', 'Evaluative question'],
    ['scope', 'Périmètre', 'Scope'],
    ['stakeholders', 'Parties prenantes associées', 'Stakeholders involved'],
    ['period', 'Période', 'Period'],
    ['people', 'Personnes responsables', 'People responsible'],
    ['template', 'Modèle de départ', 'Starting framework'],
    ['templateNotes', 'Remarques du modèle', 'Framework notes'],
    ['templateSources', 'Sources du modèle', 'Framework sources'],
    ['promise', "Promesse d'impact (indicateurs principaux)", 'Impact promise (primary indicators)'],
    ['interviewers', 'Enquêteurs', 'Interviewers'],
  ],

  /* Where a decision of « Décisions » stands: the first two are still open (the team view lists them). */
  decisionStatus: [
    ['toDecide', 'à décider', 'to decide'],
    ['inProgress', 'en cours', 'in progress'],
    ['done', 'faite', 'done'],
    ['dropped', 'abandonnée', 'dropped'],
  ],
} as const;

/**
 * The language of the cells Repère fills from its own records rather than from the registry's settings: observations,
 * respondent types, statuses, the Journal, « non renseigné » segments. French whatever the registry's language, as the
 * extension's record and the engine carry them; reading accepts either language.
 */
export const RECORD_LANG: Lang = 'fr';

export type VocabularyKey = keyof typeof VOCABULARY;
export type TermId<K extends VocabularyKey> = (typeof VOCABULARY)[K][number][0];

export type ObservationKind = TermId<'observationKind'>;
export type Consent = TermId<'consent'>;
export type Scope = TermId<'scope'>;
export type RespondentType = TermId<'respondentType'>;
export type StatusId = TermId<'status'>;
export type JournalAction = TermId<'journalAction'>;
export type Audience = TermId<'audience'>;
export type DecisionStatus = TermId<'decisionStatus'>;
export type MemberStatus = TermId<'memberStatus'>;
export type Measure = TermId<'measure'>;

const list = (key: VocabularyKey): readonly Words[] => VOCABULARY[key];

/** A list's ids, in order: the values a record or a zod enum allows. */
export function idsOf<const L extends readonly Words[]>(words: L): [L[number][0], ...Array<L[number][0]>] {
  return words.map((w) => w[0]) as [L[number][0], ...Array<L[number][0]>];
}

/** A vocabulary's ids, in order. */
export function termIds<K extends VocabularyKey>(key: K): [TermId<K>, ...Array<TermId<K>>] {
  return idsOf(list(key)) as [TermId<K>, ...Array<TermId<K>>];
}

/** Whether a value that crossed a boundary (google.script.run, a saved setting) is one of a vocabulary's ids. */
export function isTermId<K extends VocabularyKey>(key: K, value: unknown): value is TermId<K> {
  return list(key).some((w) => w[0] === value);
}

/** Folded word (or id) → id, per vocabulary, built on first use: cells are read row by row. */
const readers = new Map<VocabularyKey, Map<string, string>>();

function reader(key: VocabularyKey): Map<string, string> {
  let words = readers.get(key);
  if (!words) {
    words = new Map();
    // The first id that claims a word keeps it, as a search in the list's order would.
    for (const [id, fr, en] of list(key)) for (const word of [fold(fr), fold(en), id]) if (!words.has(word)) words.set(word, id);
    readers.set(key, words);
  }
  return words;
}

/** The canonical id of a typed word, in either language (or the id itself), tolerant of case, accents and apostrophes. */
export function termId<K extends VocabularyKey>(key: K, typed: string): TermId<K> | null {
  return (reader(key).get(fold(typed)) as TermId<K> | undefined) ?? null;
}

/** The word a cell holds for an id, in the registry's language. */
export function termLabel<K extends VocabularyKey>(key: K, id: TermId<K>, lang: Lang): string {
  return list(key).find((w) => w[0] === id)?.[AT[lang]] ?? id;
}

export function termLabels(key: VocabularyKey, lang: Lang): string[] {
  return list(key).map((w) => w[AT[lang]]);
}

/** A vocabulary's French words, as the starting frameworks' data files write them. */
export function frenchWords(key: VocabularyKey): [string, ...string[]] {
  return termLabels(key, 'fr') as [string, ...string[]];
}

/** What a cell says when nobody gave the information: a consent, a respondent's answer to a breakdown question. */
export const NOT_GIVEN: Readonly<Record<Lang, string>> = { fr: 'non renseigné', en: 'not given' };

/** Added to the header of a survey column of personal data (an e-mail or IP address) imported at the person's request. */
export const PERSONAL_DATA: Readonly<Record<Lang, string>> = { fr: 'donnée personnelle', en: 'personal data' };

/** The word of an id, or « non renseigné » when there is none. */
export function termLabelOrNotGiven<K extends VocabularyKey>(key: K, id: TermId<K> | null, lang: Lang): string {
  return id === null ? NOT_GIVEN[lang] : termLabel(key, id, lang);
}

/** The « don't know » answer offered apart from a question's levels (« Modalités », questionnaires): never a level. */
export const DONT_KNOW: Readonly<Record<Lang, string>> = { fr: 'Ne sait pas', en: "Don't know" };

/** The dashboard's status of an indicator with neither target nor baseline: nothing to judge against. */
export const NO_TARGET: Readonly<Record<Lang, string>> = { fr: 'sans cible', en: 'no target' };

/** A yes in a cell (« Inversée »): written « oui » or « yes »; « vrai », « true » and « x » are read as yes too. */
export const YES: Readonly<Record<Lang, string>> = { fr: 'oui', en: 'yes' };

export function isYes(cell: string): boolean {
  return /^(oui|yes|vrai|true|x)$/i.test(cell.trim());
}

/**
 * The names under which an indicator's « Ventilation » breaks a figure down by a paradatum of the responses tabs
 * (typed as written here, in either language).
 */
export const PARADATA_BREAKDOWNS = {
  wave: { fr: ["vague d'enquête", 'vague'], en: ['wave'] },
  respondentType: { fr: ['type de répondant'], en: ['respondent type'] },
  mode: { fr: ['mode', 'mode de passation'], en: ['mode'] },
  interviewer: { fr: ['enquêteur'], en: ['interviewer'] },
} as const satisfies Record<string, Readonly<Record<Lang, readonly string[]>>>;

export type BreakdownParadatum = keyof typeof PARADATA_BREAKDOWNS;

/** Every name of a paradatum's breakdown, French first, each once. */
export function breakdownNames(paradatum: BreakdownParadatum): string[] {
  const names = PARADATA_BREAKDOWNS[paradatum];
  return [...new Set<string>([...names.fr, ...names.en])];
}

/*
 * Who answered, read from what an answer says about who answered for whom, never from who the person is: in a
 * caregivers' survey « L'aidant(e) lui-même » is the respondent answering for themself, not a proxy. Rules, in order:
 * someone answered in the person's place → proxy; the person answered with help → aided; the person answered
 * themself → self; anything else → not recognised (reported to the team, never guessed). Inclusive spellings
 * (« aidé(e) », « seul·e ») are read as their longer form.
 */
const ANSWERED_FOR_THEM = /\ba (ma|sa|leur|la|notre|votre) place\b|\bpour (moi|lui|elle|eux|elles|la personne|le beneficiaire|la beneficiaire|l'usager|l'usagere)\b|\bautrui\b|\bproxy\b|\btiers\b|quelqu'un d'autre|une autre personne|\bon (my|his|her|their|the person's|the carer's|behalf)\b|\bbehalf\b|\binstead of\b|someone else|\bfor (him|her|them|the person)\b/;
const ANSWERED_WITH_HELP = /\bavec (l'|de l')?aide\b|\baidee?s? (pour|par|a|de)\b|\bassistee?s?\b|\bwith (some )?help\b|\bhelped\b|\bassisted\b/;
const ANSWERED_THEMSELF = /\b(moi|lui|elle|eux|elles|soi)[- ]memes?\b|\bseule?s?\b|\b(self|myself|themselves|themself|himself|herself|alone)\b|^(moi|me|la personne|le beneficiaire|la beneficiaire|l'aidante?|the person|the carer|i did)$/;

/**
 * The respondent type a cell or a survey answer names: the vocabulary's words and ids exactly (« lui-même », « aidé »,
 * « pour autrui », « proxy »…), else what the answer says about who answered for whom (see above); null when it says
 * nothing recognisable. The import writes the recognised word into the responses tab and the computation reads it
 * back with this same function, so both read a cell alike.
 */
export function recogniseRespondentType(text: string): RespondentType | null {
  const exact = termId('respondentType', text);
  if (exact !== null) return exact;
  const t = fold(text).replace(/[(·.]([a-z]{1,3})\)?(?=\b|$)/g, '$1').replace(/\)/g, '');
  if (t === '') return null;
  if (ANSWERED_FOR_THEM.test(t)) return 'proxy';
  if (ANSWERED_WITH_HELP.test(t)) return 'aided';
  if (ANSWERED_THEMSELF.test(t)) return 'self';
  return null;
}
