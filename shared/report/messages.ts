/**
 * Every sentence the report generator writes, in one catalogue: French first, English when the registry is in English.
 * Plurals agree with their count (« 1 personne », « 12 personnes »); numbers are written the language's way. Figures
 * enter sentences as inlines (`Shown` / `Hidden`, model.ts), so a sentence never holds a count of its own.
 */
import { termId, type Lang } from '../contract/words';
import type { Inline, Text } from './model';

/** « 1 personne », « 0 personne », « 12 personnes » (French: 0 and 1 singular); English: 1 singular. */
export function plural(lang: Lang, n: number, one: string, many: string): string {
  return (lang === 'fr' ? Math.abs(n) < 2 : n === 1) ? one : many;
}

/** 1250 → « 1 250 » (narrow no-break space) in French, « 1,250 » in English. */
export function count(lang: Lang, n: number): string {
  const digits = String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
  return digits.replace('-', lang === 'fr' ? '−' : '-');
}

/** A share 0–100 as « 92 % » / « 92% ». */
export function percent(lang: Lang, x: number): string {
  return lang === 'fr' ? `${Math.round(x)} %` : `${Math.round(x)}%`;
}

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** « 12 mars 2026 » from an ISO date; the text as given when it is not one. */
export function longDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[lang][Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** « mars 2026 »: a quote's month, never its day. */
export function monthYear(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  return m ? `${MONTHS[lang][Number(m[2]) - 1] ?? m[2]} ${m[1]}` : '';
}

/** The people an outcome is about, singular and plural, from the « Partie prenante » word (else « personne »). */
const NOUNS: Record<Lang, Record<string, [string, string]>> = {
  fr: {
    beneficiaries: ['bénéficiaire', 'bénéficiaires'], carers: ['aidant', 'aidants'], staff: ['salarié', 'salariés'], volunteers: ['bénévole', 'bénévoles'],
    partners: ['partenaire', 'partenaires'], funders: ['financeur', 'financeurs'], people: ['personne', 'personnes'],
  },
  en: {
    beneficiaries: ['beneficiary', 'beneficiaries'], carers: ['carer', 'carers'], staff: ['staff member', 'staff members'], volunteers: ['volunteer', 'volunteers'],
    partners: ['partner', 'partners'], funders: ['funder', 'funders'], people: ['person', 'people'],
  },
};

export function noun(lang: Lang, stakeholder: string, n: number): string {
  const pair = NOUNS[lang][termId('stakeholder', stakeholder) ?? 'people'] ?? NOUNS[lang]['people']!;
  return plural(lang, n, pair[0], pair[1]);
}

/** A sentence from parts: strings and figures, in order. */
export const say = (...parts: Inline[]): Text => parts;

const FR = {
  hidden: (threshold: number) => `moins de ${threshold} personnes`,
  documentTitle: { rapport: 'Rapport d’évaluation', 'une-page': 'L’essentiel en une page', equipe: 'Vue d’équipe' } as Record<string, string>,
  audienceLine: (label: string) => `Destinataires : ${label}`,
  notice: (team: boolean, threshold: number) =>
    team
      ? `Document interne à l’équipe, à ne pas diffuser : les chiffres sur moins de ${threshold} personnes sont masqués, et certains chiffres montrés ici ne peuvent pas sortir de la structure.`
      : `Aucun chiffre de ce document ne porte sur moins de ${threshold} personnes ; les citations figurent avec l’accord des personnes et sont pseudonymisées.`,
  periodLatest: 'Valeurs les plus récentes',
  periodUpTo: (p: string) => `Période : ${p}`,
  generated: (date: string) => `Établi le ${date} avec Repère`,
  contents: 'Sommaire',
  section: {
    synthese: 'Synthèse', public: 'Le besoin et le public', demarche: 'La démarche', methode: 'Méthode', resultats: 'Résultats par changement visé',
    paroles: 'Paroles', limites: 'Limites', decisions: 'Enseignements et décisions', annexes: 'Annexes', dictionnaire: 'Dictionnaire des indicateurs',
    confidentialite: 'Règles de confidentialité appliquées', provenance: 'Provenance des données', question: 'Notre question',
    chiffres: 'Trois chiffres', parole: 'Une parole', ameliorons: 'Ce que nous améliorons', indicateurs: 'Tous les indicateurs',
    collecte: 'Points de collecte à surveiller', ouvertes: 'Décisions ouvertes', autres: 'Autres paroles', graphique: 'En image',
  },
  // Empty sections, with the reason.
  noValues: 'Aucun indicateur n’a encore de valeur : lancez « Calculer les indicateurs », puis générez de nouveau le document.',
  noSurveys: 'Aucune enquête n’a encore de réponse : le public n’est pas encore décrit par des chiffres.',
  noQuestion: 'La question évaluative n’est pas encore écrite (onglet Démarche, rubrique « Question évaluative »).',
  noOutcomes: 'Aucun changement visé n’est décrit (onglet Changements).',
  noIndicatorsFor: 'Aucun indicateur ne mesure ce changement (onglet Indicateurs).',
  noQuotes: (total: number, audience: string) =>
    total === 0
      ? 'Aucune observation n’est enregistrée dans le registre : pas de paroles à citer.'
      : `Aucune des ${total} observations enregistrées ne peut figurer ici : aucune citation n’a à la fois l’accord de la personne et un usage « ${audience} ».`,
  noDecisions: 'Aucune décision n’est encore notée dans l’onglet Décisions.',
  noOpenDecisions: 'Aucune décision ouverte (« à décider » ou « en cours ») dans l’onglet Décisions.',
  noImprovements: 'Aucune décision « en cours » ou « faite » n’est encore notée dans l’onglet Décisions.',
  noCollectionFlags: 'Aucun point de collecte à signaler.',
  noHeadline: 'Aucun chiffre ne peut figurer ici pour ce public : trop peu de personnes derrière chacun.',
  noChart: 'Aucun graphique : pas assez de chiffres montrables pour ce public.',
  // Figures.
  outOf: (k: string, n: string, who: string, share: string) => `${k} ${who} sur ${n} (${share})`,
  frequency: (filled: number, who: string) => `environ ${filled} ${who} sur 10`,
  nEquals: 'n = ',
  people: (n: number) => plural('fr', n, 'personne', 'personnes'),
  answers: (n: number) => plural('fr', n, 'réponse', 'réponses'),
  interval: 'intervalle de confiance à 95 % : ',
  tooFewForInterval: 'trop peu de réponses pour un intervalle de confiance',
  onAverage: 'en moyenne',
  improved: (n: number) => plural('fr', n, 'a progressé', 'ont progressé'),
  stable: (n: number) => plural('fr', n, 'est stable', 'sont stables'),
  worse: (n: number) => plural('fr', n, 'est en baisse', 'sont en baisse'),
  changeSplit: 'Entre les deux vagues, parmi les mêmes personnes : ',
  changeSplitHidden: 'combien ont progressé, sont stables ou en baisse n’est pas montré, l’un de ces groupes (ou le reste des personnes) comptant ',
  followed: (who: string) => `${who} suivis aux deux vagues`,
  target: (value: string, period: string, status: string) => `cible : ${value}${period ? ` (${period})` : ''} — ${status}`,
  noTarget: 'pas de cible fixée',
  baselineRef: (value: string, period: string) => `référence de départ : ${value}${period ? ` (${period})` : ''}`,
  trend: 'évolution : ',
  overlap: 'l’écart reste dans la marge d’incertitude',
  noOverlap: 'l’écart dépasse la marge d’incertitude',
  notSamePeople: ' (les répondants ne sont pas tous les mêmes d’une vague à l’autre)',
  directionWanted: (wanted: boolean) => (wanted ? 'dans le sens souhaité' : 'à l’inverse du sens souhaité'),
  pValue: (test: string, p: string) => `test de ${test} : ${p} — un tel changement serait peu probable s’il n’y avait eu aucun changement réel`,
  pValueHigh: (test: string, p: string) => `test de ${test} : ${p} — ce changement pourrait venir du hasard`,
  noTest: 'pas de test : trop peu de personnes ont une réponse différente d’une vague à l’autre pour qu’un test puisse conclure',
  selfOnly: 'réponses des personnes elles-mêmes seulement (celles données par un proche sont laissées de côté)',
  withProxies: 'les réponses données par un proche sont comptées avec les autres',
  noValueForPeriod: 'pas de valeur calculée pour cette période',
  notShown: (threshold: number) => `Chiffre non montré : moins de ${threshold} personnes derrière lui (ou derrière son complément).`,
  // Une page.
  headlineOf: (period: string) => (period ? `en ${period}` : ''),
  // Le besoin et le public.
  respondents: (wave: string) => (wave ? `${wave} : ` : ''),
  respondentsTail: (n: number) => ` ${plural('fr', n, 'personne a répondu', 'personnes ont répondu')}`,
  respondentsHidden: ' ont répondu',
  proxyShare: 'questionnaires remplis par un proche : ',
  composition: (name: string, wave: string) => `Qui a répondu, selon « ${name} »${wave ? ` (${wave})` : ''}`,
  baselineLevels: 'Niveaux de départ',
  startingPoint: (period: string) => `au départ (${period})`,
  // La démarche.
  question: 'Question évaluative',
  scope: 'Périmètre',
  stakeholders: 'Parties prenantes associées',
  theory: 'Ce que nous cherchons à changer, et comment nous le mesurons',
  outcomeLine: (id: string, change: string, level: string) => `${id} — ${change}${level ? ` (${level})` : ''}`,
  measuredBy: 'mesuré par : ',
  primaries: (codes: string) => `Indicateurs principaux, fixés avant la collecte : ${codes}.`,
  noPrimaries: 'Aucun indicateur principal n’a été fixé avant la collecte (rubrique « Promesse d’impact » de la Démarche) : les résultats sont présentés au même niveau, sans en privilégier.',
  primaryMark: 'indicateur principal',
  // Méthode.
  design: 'Dispositif',
  beforeAfter: (waves: string) => `Avant / après : les mêmes personnes interrogées à ${waves}, reliées par un code personnel (jamais leur nom). Pas de groupe de comparaison.`,
  repeated: (waves: string) => `Mesures répétées (${waves}), sans relier les réponses d’une même personne : les répondants ne sont pas forcément les mêmes. Pas de groupe de comparaison.`,
  single: (wave: string) => `Une seule mesure${wave ? ` (${wave})` : ''} : pas de point de départ pour mesurer un changement.`,
  noSurveyDesign: 'Pas d’enquête : les indicateurs viennent d’observations et de valeurs saisies.',
  whoAsked: 'Qui a été sollicité, et combien ont répondu',
  surveyLine: (id: string, name: string) => `${id}${name ? ` — ${name}` : ''}`,
  mode: (mode: string) => `mode : ${mode}`,
  tool: (tool: string) => `outil : ${tool}`,
  sampling: (text: string) => `qui a été sollicité : ${text}`,
  samplingMissing: 'qui a été sollicité : non précisé (onglet Enquêtes, colonne « Échantillonnage »)',
  responseRate: 'taux de réponse : ',
  responseRateOf: (invited: string) => ` sur ${invited} personnes invitées`,
  invitedUnknown: 'taux de réponse inconnu (nombre de personnes invitées non noté dans l’onglet Enquêtes)',
  interviewers: 'Enquêteurs',
  selfAdministered: 'Questionnaires remplis par les personnes elles-mêmes (aidées si besoin) : pas d’enquêteur.',
  interviewersMissing: 'Non précisé : écrivez dans la Démarche (rubrique « Enquêteurs ») si les questionnaires ont été passés par l’équipe ou par une personne extérieure.',
  instruments: 'Questionnaires et échelles',
  scaleLine: (name: string, licence: string) => `${name} — ${licence}`,
  scaleSource: 'Source : ',
  homemade: (n: number) => `${n} ${plural('fr', n, 'question propre', 'questions propres')} à la structure, formulée${n > 1 ? 's' : ''} par l’équipe : indicateurs « maison », non validés scientifiquement.`,
  periodCovered: 'Période',
  wavesSeen: (waves: string) => `Vagues d’enquête : ${waves}.`,
  // Paroles.
  quotesAmong: (total: number, audience: string) =>
    `${total} ${plural('fr', total, 'citation consentie peut', 'citations consenties peuvent')} figurer dans un document « ${audience} ».`,
  // Limites.
  noComparison:
    'Il n’y a pas de groupe de comparaison : on ne sait pas ce que ces personnes seraient devenues sans l’accompagnement. Les évolutions décrites ne sont donc pas toutes dues au service : d’autres aides, le temps, la saison y contribuent aussi.',
  regression:
    'Les personnes arrivent souvent dans l’accompagnement à un moment difficile : une partie de l’amélioration entre la première et la seconde vague peut venir d’un retour naturel vers leur situation habituelle (régression vers la moyenne).',
  smallNumbers: 'Les effectifs sont petits (au plus ',
  smallNumbersTail: ' par vague) : les intervalles de confiance sont larges ; lisez les chiffres comme des ordres de grandeur.',
  hiddenFigures: (n: number, threshold: number) =>
    `${n} ${plural('fr', n, 'chiffre porte', 'chiffres portent')} sur moins de ${threshold} personnes, ou ${plural('fr', n, 'laisserait', 'laisseraient')} deviner la réponse de moins de ${threshold} personnes : ${plural('fr', n, 'il ne figure', 'ils ne figurent')} pas dans ce document.`,
  proxyLimit: (wave: string) => `Réponses données par un proche à la place de la personne${wave ? ` (${wave})` : ''} : `,
  proxySelf: (names: string) => ` ; les résultats sur ${names} ne comptent que les réponses des personnes elles-mêmes`,
  proxyMixed: (names: string) => ` ; pour ${names}, elles sont comptées avec les autres`,
  attritionLimit: (since: string, wave: string) => `Personnes vues à ${since} sans réponse à ${wave}`,
  attritionOf: ', sur ',
  attritionTail: '. Si elles allaient moins bien (ou mieux) que les autres, l’évolution mesurée en est déformée.',
  responseLow: ' : une partie du public n’a pas répondu ; les répondants ne lui ressemblent pas forcément.',
  responseUnknown: 'Le nombre de personnes invitées n’est pas noté : on ne sait pas quelle part du public a répondu.',
  interviewerGap: (names: string) => `Les réponses diffèrent selon l’enquêteur pour ${names} : la façon de poser les questions a pu peser.`,
  modeGap: (names: string) => `Les réponses diffèrent selon le mode de passation pour ${names} (seul ou avec quelqu’un).`,
  ceiling: (names: string) => `Effet plafond ou plancher pour ${names} : beaucoup de personnes sont déjà à l’extrême de l’échelle, où un changement ne peut pas se voir.`,
  nonResponse: (names: string) => `Non-réponse importante à certaines questions (${names}) : les chiffres reposent sur ceux qui ont répondu.`,
  notInformative: (names: string) => `Pour ${names}, trop peu de personnes ont changé de réponse pour qu’un test statistique puisse conclure.`,
  selfReported: 'Les réponses sont déclaratives : elles disent ce que les personnes perçoivent et acceptent de dire, y compris à ceux qui les accompagnent.',
  // Décisions.
  decisionHead: ['Date', 'Concerne', 'Ce que nous avons appris', 'Ce que nous changeons', 'Qui', 'Statut'],
  wholeEvaluation: 'toute la démarche',
  decisionsCaption: 'Décisions notées par l’équipe (onglet Décisions)',
  // Annexes.
  dictionaryParts: {
    outcome: 'changement visé', method: 'méthode', source: 'source', questions: 'questions', condition: 'compte', unit: 'unité', direction: 'sens souhaité',
    minN: 'n minimum', respondents: 'répondants', breakdown: 'ventilation', targets: 'cibles', tags: 'thèmes',
  },
  privacy: (threshold: number, team: boolean) => [
    team
      ? `Chiffres : un chiffre sur moins de ${threshold} personnes est masqué (« moins de ${threshold} personnes »). Ce document est interne : hors de la structure, le seuil est de 11 personnes, complément compris.`
      : `Chiffres : un chiffre n’est montré que s’il porte sur au moins ${threshold} personnes, et si au moins ${threshold} personnes ont répondu autrement (sinon on reconnaîtrait les autres). Un chiffre masqué s’écrit « moins de ${threshold} personnes », jamais 0.`,
    'Dans une répartition dont le total est montré, quand un seul groupe est masqué, le plus petit des autres l’est aussi : sinon on le retrouverait par soustraction.',
    team
      ? 'Citations : seulement avec l’accord de la personne (obtenu ou non requis).'
      : 'Citations : seulement avec l’accord de la personne (obtenu ou non requis) et un usage qui couvre ce document ; jamais ailleurs (ni dans les légendes, ni dans les notes, ni dans les propriétés du fichier).',
    'Les noms, adresses et numéros sont remplacés par des pseudonymes avant tout enregistrement ; les contrôles qui portent sur une personne (réponses identiques partout, par exemple) restent dans la structure et ne figurent dans aucun document.',
  ],
  hiddenCount: (n: number) => (n === 0 ? 'Aucun chiffre n’a été masqué dans ce document.' : `Ce document masque ${n} ${plural('fr', n, 'chiffre', 'chiffres')}.`),
  provenance: (organisation: string, date: string) => `Registre « ${organisation} », lu le ${date} ; figures calculées par Repère à partir des réponses importées, des observations et des valeurs saisies.`,
  surveyProvenance: (id: string, tool: string, waves: string) => `Enquête ${id}${tool ? ` (${tool})` : ''}${waves ? ` : vagues ${waves}` : ''}.`,
  observationProvenance: (n: number) => `${n} ${plural('fr', n, 'observation enregistrée', 'observations enregistrées')} (extension Repère ou import).`,
  methodsNote:
    'Intervalles de confiance à 95 % : Wilson pour une part, t de Student pour une moyenne, Newcombe pour l’écart entre deux parts mesurées sur les mêmes personnes ; tests de Wilcoxon (scores, réponses ordonnées) et de McNemar (oui / non). Aucun test n’est donné quand trop peu de personnes ont changé de réponse pour qu’il puisse conclure.',
  // Vue d'équipe.
  teamHead: ['Indicateur', 'Période', 'Valeur', 'IC 95 %', 'n', 'Statut', 'Hors de la structure'],
  outwardOk: 'peut sortir',
  outwardHidden: (threshold: number) => `masqué (moins de ${threshold} personnes)`,
  teamCaption: (threshold: number) => `Dernière valeur de chaque indicateur ; chiffres sur moins de ${threshold} personnes masqués. La dernière colonne dit si le chiffre peut figurer dans un document pour les financeurs.`,
  flagWhere: (where: string) => `${where} : `,
  // Toward the author.
  toCompleteRubric: (rubric: string) => `Démarche, rubrique « ${rubric} » : encore à adapter.`,
  toCompleteQuestion: 'Démarche : écrivez la question évaluative.',
  truncated: ' […]',
  and: ' et ',
  then: ' puis ',
  peopleHead: 'Personnes',
  // The Journal's line and the sentence the panel and the CLI print once a document is made.
  generation: (title: string, audience: string, threshold: number, period: string, outcomes: string) =>
    `${title} pour « ${audience} » (seuil ${threshold} personnes), ${period ? `période ${period}` : 'valeurs les plus récentes'}${outcomes ? `, changements ${outcomes}` : ''}`,
  quotesMade: (n: number) => `${n} ${plural('fr', n, 'citation', 'citations')}`,
  noneHidden: 'aucun chiffre masqué',
  hiddenList: (n: number, threshold: number, small: string, derivable: string) =>
    `${n} ${plural('fr', n, 'chiffre masqué', 'chiffres masqués')} — moins de ${threshold} personnes : ${small || 'aucun'}${derivable ? ` ; déductibles par soustraction : ${derivable}` : ''}`,
  listCut: ' ; … (liste coupée)',
  ready: (title: string, audience: string) => `${title} pour « ${audience} » prêt`,
  hiddenLogged: (n: number, threshold: number) =>
    `${n} ${plural('fr', n, 'chiffre masqué', 'chiffres masqués')} (moins de ${threshold} personnes), ${plural('fr', n, 'noté', 'notés')} dans le Journal`,
};

/** The catalogue's shape, its literal strings widened: the English one has its own words. */
type Widen<T> = T extends string ? string : T extends (...args: infer A) => infer R ? (...args: A) => Widen<R> : T extends readonly unknown[] ? Array<Widen<T[number]>> : T extends object ? { [K in keyof T]: Widen<T[K]> } : T;
export type Messages = Widen<typeof FR>;

const EN: Messages = {
  hidden: (threshold) => `fewer than ${threshold} people`,
  documentTitle: { rapport: 'Evaluation report', 'une-page': 'The essentials on one page', equipe: 'Team view' },
  audienceLine: (label) => `For: ${label}`,
  notice: (team, threshold) =>
    team
      ? `Internal to the team, not for circulation: figures about fewer than ${threshold} people are hidden, and some figures shown here may not leave the organisation.`
      : `No figure in this document is about fewer than ${threshold} people; quotes appear with the people's agreement and are pseudonymised.`,
  periodLatest: 'Latest values',
  periodUpTo: (p) => `Period: ${p}`,
  generated: (date) => `Prepared on ${date} with Repère`,
  contents: 'Contents',
  section: {
    synthese: 'Summary', public: 'Need and people', demarche: 'Approach', methode: 'Method', resultats: 'Results by outcome', paroles: 'Voices', limites: 'Limits',
    decisions: 'Lessons and decisions', annexes: 'Appendices', dictionnaire: 'Indicator dictionary', confidentialite: 'Privacy rules applied',
    provenance: 'Data provenance', question: 'Our question', chiffres: 'Three figures', parole: 'One voice', ameliorons: 'What we are improving',
    indicateurs: 'All indicators', collecte: 'Collection points to watch', ouvertes: 'Open decisions', autres: 'Other voices', graphique: 'In a picture',
  },
  noValues: 'No indicator has a value yet: run « Compute », then generate the document again.',
  noSurveys: 'No survey has answers yet: the people are not described by figures yet.',
  noQuestion: 'The evaluative question is not written yet (Approach tab, « Evaluative question »).',
  noOutcomes: 'No outcome is described (Outcomes tab).',
  noIndicatorsFor: 'No indicator measures this outcome (Indicators tab).',
  noQuotes: (total, audience) =>
    total === 0 ? 'No observation is recorded in the registry: no voices to quote.' : `None of the ${total} recorded observations can appear here: no quote has both the person's agreement and a « ${audience} » usage.`,
  noDecisions: 'No decision is recorded in the Decisions tab yet.',
  noOpenDecisions: 'No open decision (« to decide » or « in progress ») in the Decisions tab.',
  noImprovements: 'No decision « in progress » or « done » is recorded in the Decisions tab yet.',
  noCollectionFlags: 'No collection point to report.',
  noHeadline: 'No figure can appear here for this audience: too few people behind each.',
  noChart: 'No chart: not enough figures can be shown to this audience.',
  outOf: (k, n, who, share) => `${k} ${who} out of ${n} (${share})`,
  frequency: (filled, who) => `about ${filled} ${who} in 10`,
  nEquals: 'n = ',
  people: (n) => plural('en', n, 'person', 'people'),
  answers: (n) => plural('en', n, 'answer', 'answers'),
  interval: '95% confidence interval: ',
  tooFewForInterval: 'too few answers for a confidence interval',
  onAverage: 'on average',
  improved: () => 'improved',
  stable: () => 'stayed the same',
  worse: () => 'got worse',
  changeSplit: 'Between the two waves, among the same people: ',
  changeSplitHidden: 'how many improved, stayed the same or got worse is not shown, one of these groups (or everyone else) counting ',
  followed: (who) => `${who} followed at both waves`,
  target: (value, period, status) => `target: ${value}${period ? ` (${period})` : ''} — ${status}`,
  noTarget: 'no target set',
  baselineRef: (value, period) => `baseline: ${value}${period ? ` (${period})` : ''}`,
  trend: 'change: ',
  overlap: 'the gap stays within the margin of uncertainty',
  noOverlap: 'the gap exceeds the margin of uncertainty',
  notSamePeople: ' (respondents are not all the same from one wave to the next)',
  directionWanted: (wanted) => (wanted ? 'in the desired direction' : 'against the desired direction'),
  pValue: (test, p) => `${test} test: ${p} — such a change would be unlikely had nothing really changed`,
  pValueHigh: (test, p) => `${test} test: ${p} — this change could be due to chance`,
  noTest: 'no test: too few people answered differently between the waves for a test to conclude',
  selfOnly: 'the people’s own answers only (answers given by a relative are left aside)',
  withProxies: 'answers given by a relative are counted with the others',
  noValueForPeriod: 'no value computed for this period',
  notShown: (threshold) => `Figure not shown: fewer than ${threshold} people behind it (or behind its complement).`,
  headlineOf: (period) => (period ? `in ${period}` : ''),
  respondents: (wave) => (wave ? `${wave}: ` : ''),
  respondentsTail: (n) => ` ${plural('en', n, 'person answered', 'people answered')}`,
  respondentsHidden: ' answered',
  proxyShare: 'questionnaires filled in by a relative: ',
  composition: (name, wave) => `Who answered, by « ${name} »${wave ? ` (${wave})` : ''}`,
  baselineLevels: 'Starting levels',
  startingPoint: (period) => `at the start (${period})`,
  question: 'Evaluative question',
  scope: 'Scope',
  stakeholders: 'Stakeholders involved',
  theory: 'What we aim to change, and how we measure it',
  outcomeLine: (id, change, level) => `${id} — ${change}${level ? ` (${level})` : ''}`,
  measuredBy: 'measured by: ',
  primaries: (codes) => `Primary indicators, set before collecting: ${codes}.`,
  noPrimaries: 'No primary indicator was set before collecting (« Impact promise » in the Approach tab): results are presented on an equal footing.',
  primaryMark: 'primary indicator',
  design: 'Design',
  beforeAfter: (waves) => `Before / after: the same people asked at ${waves}, linked by a personal code (never their name). No comparison group.`,
  repeated: (waves) => `Repeated measures (${waves}) without linking a person's answers: respondents are not necessarily the same. No comparison group.`,
  single: (wave) => `A single measure${wave ? ` (${wave})` : ''}: no starting point to measure a change.`,
  noSurveyDesign: 'No survey: indicators come from observations and entered values.',
  whoAsked: 'Who was asked, and how many answered',
  surveyLine: (id, name) => `${id}${name ? ` — ${name}` : ''}`,
  mode: (mode) => `mode: ${mode}`,
  tool: (tool) => `tool: ${tool}`,
  sampling: (text) => `who was asked: ${text}`,
  samplingMissing: 'who was asked: not stated (Surveys tab, « Sampling » column)',
  responseRate: 'response rate: ',
  responseRateOf: (invited) => ` out of ${invited} people invited`,
  invitedUnknown: 'response rate unknown (number of people invited not recorded in the Surveys tab)',
  interviewers: 'Interviewers',
  selfAdministered: 'Questionnaires filled in by the people themselves (with help if needed): no interviewer.',
  interviewersMissing: 'Not stated: write in the Approach tab (« Interviewers ») whether the team or an outside person administered the questionnaires.',
  instruments: 'Questionnaires and scales',
  scaleLine: (name, licence) => `${name} — ${licence}`,
  scaleSource: 'Source: ',
  homemade: (n) => `${n} ${plural('en', n, 'question', 'questions')} written by the team: home-made indicators, not scientifically validated.`,
  periodCovered: 'Period',
  wavesSeen: (waves) => `Survey waves: ${waves}.`,
  quotesAmong: (total, audience) => `${total} consented ${plural('en', total, 'quote', 'quotes')} may appear in a « ${audience} » document.`,
  noComparison:
    'There is no comparison group: we do not know what would have happened to these people without the support. The changes described are therefore not all due to the service: other help, time and season play their part.',
  regression:
    'People often start the support at a difficult time: part of the improvement between the first and the second wave may be a natural return to their usual situation (regression to the mean).',
  smallNumbers: 'Numbers are small (at most ',
  smallNumbersTail: ' per wave): confidence intervals are wide; read the figures as orders of magnitude.',
  hiddenFigures: (n, threshold) =>
    `${n} ${plural('en', n, 'figure is', 'figures are')} about fewer than ${threshold} people, or would reveal the answer of fewer than ${threshold} people: not in this document.`,
  proxyLimit: (wave) => `Answers given by a relative on the person's behalf${wave ? ` (${wave})` : ''}: `,
  proxySelf: (names) => `; results on ${names} count only the people's own answers`,
  proxyMixed: (names) => `; for ${names}, they are counted with the others`,
  attritionLimit: (since, wave) => `People seen at ${since} without an answer at ${wave}`,
  attritionOf: ', out of ',
  attritionTail: '. If they were doing worse (or better) than the others, the measured change is distorted.',
  responseLow: ': part of the people did not answer; respondents may not resemble them.',
  responseUnknown: 'The number of people invited is not recorded: we do not know what share of the people answered.',
  interviewerGap: (names) => `Answers differ by interviewer for ${names}: the way questions were asked may have weighed.`,
  modeGap: (names) => `Answers differ by survey mode for ${names} (alone or with someone).`,
  ceiling: (names) => `Ceiling or floor effect for ${names}: many people are already at the end of the scale, where a change cannot show.`,
  nonResponse: (names) => `High item non-response (${names}): figures rest on those who answered.`,
  notInformative: (names) => `For ${names}, too few people changed their answer for a statistical test to conclude.`,
  selfReported: 'Answers are self-reported: they say what people perceive and are willing to say, including to those who support them.',
  decisionHead: ['Date', 'About', 'What we learnt', 'What we change', 'Who', 'Status'],
  wholeEvaluation: 'the whole evaluation',
  decisionsCaption: 'Decisions recorded by the team (Decisions tab)',
  dictionaryParts: {
    outcome: 'outcome', method: 'method', source: 'source', questions: 'questions', condition: 'counts', unit: 'unit', direction: 'desired direction',
    minN: 'minimum n', respondents: 'respondents', breakdown: 'breakdown', targets: 'targets', tags: 'tags',
  },
  privacy: (threshold, team) => [
    team
      ? `Figures: a figure about fewer than ${threshold} people is hidden (« fewer than ${threshold} people »). This document is internal: outside the organisation the threshold is 11 people, complement included.`
      : `Figures: a figure is shown only if it is about at least ${threshold} people and at least ${threshold} people answered otherwise (else the others would be recognised). A hidden figure reads « fewer than ${threshold} people », never 0.`,
    'In a breakdown whose total is shown, when a single group is hidden, the smallest other one is hidden too: otherwise it could be found by subtraction.',
    team ? 'Quotes: only with the person’s agreement (obtained or not required).' : 'Quotes: only with the person’s agreement (obtained or not required) and a usage covering this document; nowhere else (not in captions, notes or file properties).',
    'Names, addresses and numbers are replaced by pseudonyms before anything is recorded; checks about one person (identical answers everywhere, for instance) stay inside the organisation and appear in no document.',
  ],
  hiddenCount: (n) => (n === 0 ? 'No figure was hidden in this document.' : `This document hides ${n} ${plural('en', n, 'figure', 'figures')}.`),
  provenance: (organisation, date) => `Registry « ${organisation} », read on ${date}; figures computed by Repère from imported answers, observations and entered values.`,
  surveyProvenance: (id, tool, waves) => `Survey ${id}${tool ? ` (${tool})` : ''}${waves ? `: waves ${waves}` : ''}.`,
  observationProvenance: (n) => `${n} recorded ${plural('en', n, 'observation', 'observations')} (Repère extension or import).`,
  methodsNote:
    '95% confidence intervals: Wilson for a share, Student’s t for a mean, Newcombe for the gap between two shares measured on the same people; Wilcoxon (scores, ordered answers) and McNemar (yes / no) tests. No test is given when too few people changed their answer for it to conclude.',
  teamHead: ['Indicator', 'Period', 'Value', '95% CI', 'n', 'Status', 'Outside the organisation'],
  outwardOk: 'may leave',
  outwardHidden: (threshold) => `hidden (fewer than ${threshold} people)`,
  teamCaption: (threshold) => `Latest value of each indicator; figures about fewer than ${threshold} people hidden. The last column says whether the figure may appear in a document for funders.`,
  flagWhere: (where) => `${where}: `,
  toCompleteRubric: (rubric) => `Approach, « ${rubric} »: still to adapt.`,
  toCompleteQuestion: 'Approach: write the evaluative question.',
  truncated: ' […]',
  and: ' and ',
  then: ' then ',
  peopleHead: 'People',
  generation: (title, audience, threshold, period, outcomes) =>
    `${title} for « ${audience} » (threshold ${threshold} people), ${period ? `period ${period}` : 'latest values'}${outcomes ? `, outcomes ${outcomes}` : ''}`,
  quotesMade: (n) => `${n} ${plural('en', n, 'quote', 'quotes')}`,
  noneHidden: 'no figure hidden',
  hiddenList: (n, threshold, small, derivable) =>
    `${n} ${plural('en', n, 'figure', 'figures')} hidden — fewer than ${threshold} people: ${small || 'none'}${derivable ? `; derivable by subtraction: ${derivable}` : ''}`,
  listCut: '; … (list cut)',
  ready: (title, audience) => `${title} for « ${audience} » ready`,
  hiddenLogged: (n, threshold) => `${n} ${plural('en', n, 'figure', 'figures')} hidden (fewer than ${threshold} people), noted in the Journal`,
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { fr: FR as Messages, en: EN };
