/**
 * The sheet contract: which tabs a registry holds and the stable key of each column. Tabs and columns are found by
 * developer metadata (keys below), never by name or position; labels are only what a person reads. The words the
 * cells hold are in words.ts.
 */
import type { Lang, VocabularyKey } from './words';

export interface ColumnSpec {
  key: string;
  label: Record<Lang, string>;
  /** Plain-language note shown on the header cell. */
  note: Record<Lang, string>;
  /** Text columns are formatted as text so Sheets never coerces what is typed into them. */
  text?: boolean;
  /** A dropdown: the words of a vocabulary, or the ids of another tab's rows. */
  choices?: VocabularyKey | { tab: TabKey; column: string };
  /**
   * How the values look, for a tab that reads well in any spreadsheet program: prose is wrapped in a wide column,
   * dates and times get a date format. Anything else is fitted to its content.
   */
  shape?: ColumnShape;
}

export type ColumnShape = 'prose' | 'date' | 'datetime';

/** A column holding sentences, dates, or dates with a time. */
const shaped = (shape: ColumnShape, spec: ColumnSpec): ColumnSpec => ({ ...spec, shape });
const prose = (spec: ColumnSpec) => shaped('prose', spec);
const date = (spec: ColumnSpec) => shaped('date', spec);
const datetime = (spec: ColumnSpec) => shaped('datetime', spec);

export interface TabSpec {
  key: TabKey;
  label: Record<Lang, string>;
  /** People type into 'input' tabs (appended to, updated row by row); 'computed' tabs are rewritten wholesale. */
  kind: 'input' | 'computed' | 'log';
  columns: ColumnSpec[];
}

export type TabKey =
  | 'approach'
  | 'outcomes'
  | 'themes'
  | 'indicators'
  | 'surveys'
  | 'questions'
  | 'responses'
  | 'values'
  | 'observations'
  | 'dashboard'
  | 'charts'
  | 'checks'
  | 'decisions'
  | 'journal'
  | 'members'
  | 'sharedIndicators'
  | 'receivedAggregates'
  | 'cohortDashboard'
  | 'cohortCharts';

/** Developer-metadata keys: DOCUMENT visibility, so that a copied template's new script still finds them. */
export const TAB_METADATA_KEY = 'repere:tab';
export const COLUMN_METADATA_KEY = 'repere:col';
export const SURVEY_METADATA_KEY = 'repere:survey';
export const QUESTION_METADATA_KEY = 'repere:question';
/** A survey tool's own column in a responses tab (its id, a time, a status): kept, never read by the computation. */
export const TOOL_COLUMN_METADATA_KEY = 'repere:tool-column';

const col = (key: string, fr: string, en: string, noteFr: string, noteEn: string, text = true, choices?: ColumnSpec['choices']): ColumnSpec => ({
  key,
  label: { fr, en },
  note: { fr: noteFr, en: noteEn },
  text,
  ...(choices && { choices }),
});

/**
 * The GUID under which a code leaves in REFI-QDA files (QualCoder, NVivo, MAXQDA, ATLAS.ti): written by Repère at the
 * first export and kept, so that every later export, and the codings an evaluator brings back, name the same code.
 */
const exchangeId = (): ColumnSpec =>
  col('guid', 'Identifiant d’échange', 'Exchange id', 'Rempli par Repère à la première exportation (livre de codes REFI-QDA) : garde le même code d’un export à l’autre. Ne pas modifier.', 'Filled in by Repère at the first export (REFI-QDA codebook): keeps the same code from one export to the next. Do not edit.');

export const TABS: readonly TabSpec[] = [
  {
    key: 'approach',
    label: { fr: 'Démarche', en: 'Approach' },
    kind: 'input',
    columns: [
      col('item', 'Rubrique', 'Item', 'Ce que décrit la ligne : question évaluative, périmètre, parties prenantes…', 'What the row describes: evaluative question, scope, stakeholders…'),
      prose(col('content', 'Contenu', 'Content', 'Votre réponse, en quelques phrases simples.', 'Your answer, in a few plain sentences.')),
    ],
  },
  {
    key: 'outcomes',
    label: { fr: 'Changements', en: 'Outcomes' },
    kind: 'input',
    columns: [
      col('id', 'Identifiant', 'Id', 'Code court et unique du changement visé (ex. C1). Les indicateurs s’y réfèrent.', 'Short unique code of the outcome (e.g. C1). Indicators refer to it.'),
      col('stakeholder', 'Partie prenante', 'Stakeholder', 'Le groupe concerné : bénéficiaires, aidants, salariés, bénévoles, partenaires…', 'The group concerned: beneficiaries, carers, staff, volunteers, partners…', true, 'stakeholder'),
      prose(col('change', 'Changement visé', 'Change aimed for', 'Le changement que vous cherchez à produire, formulé du point de vue de la personne.', 'The change you aim for, phrased from the person’s point of view.')),
      col('level', 'Niveau', 'Level', 'réalisation (ce que vous faites), résultat (ce qui change pour les personnes) ou impact (le changement durable).', 'output (what you do), outcome (what changes for people) or impact (lasting change).', true, 'level'),
      prose(col('activities', 'Activités', 'Activities', 'Les activités qui mènent à ce changement.', 'The activities that lead to this change.')),
      prose(col('what', 'Quoi', 'What', 'Facultatif. Dimension « quoi » : en quoi ce changement compte pour la personne.', 'Optional. “What” dimension: why this change matters to the person.')),
      prose(col('who', 'Qui', 'Who', 'Facultatif. Dimension « qui » : qui en bénéficie, et sa situation au départ.', 'Optional. “Who” dimension: who benefits, and their starting point.')),
      prose(col('howMuch', 'Combien', 'How much', 'Facultatif. Dimension « combien » : nombre de personnes, intensité, durée.', 'Optional. “How much” dimension: reach, depth, duration.')),
      prose(col('contribution', 'Contribution', 'Contribution', 'Facultatif. Ce qui serait arrivé sans vous ; les autres acteurs qui y contribuent.', 'Optional. What would have happened anyway; who else contributes.')),
      prose(col('risk', 'Risque', 'Risk', 'Facultatif. Ce qui pourrait empêcher le changement, ou des effets non voulus.', 'Optional. What could prevent the change, or unintended effects.')),
      exchangeId(),
    ],
  },
  {
    // The codebook below the outcomes: each theme is a sub-code of one outcome (REFI-QDA codebooks, the observations'
    // themes, the « personnes distinctes qui évoquent le thème » indicators).
    key: 'themes',
    label: { fr: 'Thèmes', en: 'Themes' },
    kind: 'input',
    columns: [
      col('id', 'Identifiant', 'Id', 'Code court et unique du thème (ex. T1). Les observations et les indicateurs s’y réfèrent.', 'Short unique code of the theme (e.g. T1). Observations and indicators refer to it.'),
      col('outcome', 'Changement', 'Outcome', 'Identifiant du changement visé dont le thème est un aspect (onglet Changements).', 'Id of the outcome the theme is an aspect of (Outcomes tab).', true, { tab: 'outcomes', column: 'id' }),
      col('label', 'Libellé', 'Label', 'Le thème en quelques mots, tel qu’on le dit (ex. « Se sentir moins seul »).', 'The theme in a few words, as people say it (e.g. “Feeling less lonely”).'),
      prose(col('description', 'Description', 'Description', 'Facultatif. Ce qui relève du thème, et ce qui n’en relève pas : aide à étiqueter pareil d’une personne à l’autre.', 'Optional. What belongs to the theme and what does not: helps people tag alike.')),
      col('colour', 'Couleur', 'Colour', 'Facultatif. Couleur du thème dans les logiciels d’analyse qualitative, en #RRVVBB (ex. #1E88E5).', 'Optional. The theme’s colour in qualitative analysis software, as #RRGGBB (e.g. #1E88E5).'),
      exchangeId(),
    ],
  },
  {
    key: 'indicators',
    label: { fr: 'Indicateurs', en: 'Indicators' },
    kind: 'input',
    columns: [
      col('code', 'Code', 'Code', 'Code court et unique de l’indicateur (ex. I1).', 'Short unique code of the indicator (e.g. I1).'),
      prose(col('name', 'Nom', 'Name', 'Ce que mesure l’indicateur, en clair.', 'What the indicator measures, in plain words.')),
      col('outcome', 'Changement', 'Outcome', 'Identifiant du changement visé auquel il se rapporte (onglet Changements).', 'Id of the outcome it measures (Outcomes tab).', true, { tab: 'outcomes', column: 'id' }),
      col('kind', 'Nature', 'Kind', 'quantitatif (un chiffre) ou qualitatif (des citations, des observations).', 'quantitative (a figure) or qualitative (quotes, observations).', true, 'kind'),
      col('method', 'Méthode', 'Method', 'Comment le calculer : proportion, moyenne, médiane, effectif, somme, score d’échelle, évolution avant/après, nombre d’observations, personnes distinctes qui évoquent le thème, saisie manuelle.', 'How to compute it: proportion, mean, median, count, sum, scale score, before/after change, number of observations, distinct people raising the theme, manual entry.', true, 'method'),
      col('sourceType', 'Source', 'Source', 'D’où viennent les données : enquête, observations ou manuel (valeurs saisies dans l’onglet Valeurs).', 'Where the data comes from: survey, observations or manual (values entered in the Values tab).', true, 'sourceType'),
      col('survey', 'Enquête', 'Survey', 'Pour une source enquête : identifiant de l’enquête (onglet Enquêtes).', 'For a survey source: the survey id (Surveys tab).', true, { tab: 'surveys', column: 'id' }),
      col('questions', 'Questions', 'Questions', 'Pour une source enquête : clés des questions utilisées, séparées par des virgules (onglet Questions).', 'For a survey source: keys of the questions used, comma-separated (Questions tab).'),
      col('tags', 'Thèmes', 'Tags', 'Pour une source observations : thèmes comptés (identifiants ou libellés de l’onglet Thèmes ; un changement compte avec tous ses thèmes), séparés par des virgules.', 'For an observations source: themes counted (ids or labels from the Themes tab; an outcome counts with all its themes), comma-separated.'),
      col('condition', 'Condition', 'Condition', 'Pour une proportion : la réponse comptée, ex. « ≥ 4 », « entre 3 et 5 » ou « in [« Oui », « Plutôt oui »] ».', 'For a proportion: which answer counts, e.g. “≥ 4”, “between 3 and 5” or “in [« Yes », « Rather yes »]”.'),
      col('unit', 'Unité', 'Unit', 'Unité de la valeur : %, personnes, heures, score…', 'Unit of the value: %, people, hours, score…'),
      col('direction', 'Sens souhaité', 'Desired direction', 'hausse, baisse ou stabilité : ce qui serait un progrès.', 'increase, decrease or stability: what progress looks like.', true, 'direction'),
      col('baselineValue', 'Valeur de référence', 'Baseline value', 'La valeur au départ, pour mesurer l’évolution.', 'The starting value, to measure change.', false),
      col('baselinePeriod', 'Période de référence', 'Baseline period', 'La période de la valeur de référence (ex. 2025, 2025-T4).', 'The period of the baseline (e.g. 2025, 2025-Q4).'),
      col('targets', 'Cibles', 'Targets', 'Cibles par période, ex. « 2026 : 60 ; 2027 : 70 ».', 'Targets per period, e.g. “2026: 60; 2027: 70”.'),
      col('granularity', 'Périodicité', 'Granularity', 'Rythme de calcul : mois, trimestre, semestre, année ou vague d’enquête.', 'How often it is computed: month, quarter, half-year, year or survey wave.', true, 'granularity'),
      col('disaggregation', 'Ventilation', 'Disaggregation', 'Colonnes par lesquelles détailler (ex. tranche d’âge, site), séparées par des virgules.', 'Columns to break the value down by (e.g. age band, site), comma-separated.'),
      col('minN', 'n minimum', 'Minimum n', 'En dessous de ce nombre de réponses, la valeur est signalée comme fragile (au moins 5 ; 11 pour ce qui sort de la structure).', 'Below this number of answers the value is flagged as fragile (at least 5; 11 for anything leaving the structure).', false),
      col('respondentRule', 'Répondants', 'Respondents', 'auto-déclaration seulement (la personne elle-même) ou réponse pour autrui admise (un aidant répond pour elle).', 'self-report only, or proxy answers allowed (a carer answers for the person).', true, 'respondentRule'),
      col('cohortCode', 'Code cohorte', 'Cohort code', 'Facultatif. Code partagé avec le programme d’accompagnement, pour les agrégats de cohorte.', 'Optional. Code shared with the accompaniment programme, for cohort aggregates.'),
      col('cohort', 'Cohorte', 'Cohort', 'Rempli quand vous rejoignez une cohorte : l’identifiant de la cohorte dont vient la définition. Vide : indicateur local, qui ne sort jamais de la structure.', 'Filled when you join a cohort: the cohort the definition comes from. Empty: a local indicator, which never leaves the structure.'),
      col('cohortVersion', 'Version cohorte', 'Cohort version', 'Version de la définition partagée adoptée : seuls les chiffres d’une même version sont mis en commun.', 'Version of the shared definition adopted: only figures of the same version are pooled.', false),
      col('irisPlus', 'IRIS+', 'IRIS+', 'Facultatif. Identifiant IRIS+ correspondant (ex. PI4060).', 'Optional. Matching IRIS+ id (e.g. PI4060).'),
      prose(col('note', 'Remarques', 'Notes', 'Ce qu’il faut garder en tête pour collecter ou lire cet indicateur.', 'What to keep in mind when collecting or reading this indicator.')),
    ],
  },
  {
    key: 'surveys',
    label: { fr: 'Enquêtes', en: 'Surveys' },
    kind: 'input',
    columns: [
      col('id', 'Identifiant', 'Id', 'Code court et unique de l’enquête (ex. E1). Une nouvelle vague garde le même identifiant.', 'Short unique code of the survey (e.g. S1). A new wave keeps the same id.'),
      col('name', 'Nom', 'Name', 'Nom de l’enquête.', 'Name of the survey.'),
      col('tool', 'Outil', 'Tool', 'Outil de collecte : Google Forms, KoboToolbox, LimeSurvey, papier…', 'Collection tool: Google Forms, KoboToolbox, LimeSurvey, paper…'),
      col('wave', 'Vague', 'Wave', 'Vague en cours (ex. 2026-T1, « entrée », « 6 mois »).', 'Current wave (e.g. 2026-Q1, “entry”, “6 months”).'),
      date(col('periodStart', 'Début', 'Start', 'Premier jour de collecte (jj/mm/aaaa).', 'First day of collection.', false)),
      date(col('periodEnd', 'Fin', 'End', 'Dernier jour de collecte (jj/mm/aaaa).', 'Last day of collection.', false)),
      col('invited', 'Personnes sollicitées', 'People invited', 'Combien de personnes ont été invitées à répondre : sert au taux de réponse.', 'How many people were invited: used for the response rate.', false),
      col('mode', 'Mode', 'Mode', 'auto-administré, entretien, téléphone ou mixte.', 'self-administered, interview, phone or mixed.', true, 'surveyMode'),
      prose(col('sampling', 'Échantillonnage', 'Sampling', 'Qui a été sollicité : toutes les personnes accompagnées, un tirage au sort, les volontaires…', 'Who was invited: everyone supported, a random draw, volunteers…')),
    ],
  },
  {
    key: 'questions',
    label: { fr: 'Questions', en: 'Questions' },
    kind: 'input',
    columns: [
      col('survey', 'Enquête', 'Survey', 'Identifiant de l’enquête (onglet Enquêtes).', 'Survey id (Surveys tab).', true, { tab: 'surveys', column: 'id' }),
      col('key', 'Clé', 'Key', 'Clé courte et unique de la question dans l’enquête ; les indicateurs s’y réfèrent.', 'Short key of the question, unique within the survey; indicators refer to it.'),
      prose(col('label', 'Intitulé', 'Label', 'La question telle qu’elle est posée.', 'The question as asked.')),
      col('type', 'Type', 'Type', 'nombre, choix unique, choix multiple, échelle, texte libre, date…', 'number, single choice, multiple choice, scale, free text, date…', true, 'questionType'),
      col('levels', 'Modalités', 'Levels', 'Réponses possibles, de la plus basse à la plus haute pour une échelle, séparées par « | » ; « Ne sait pas » en dernier s’il est proposé (il ne compte jamais comme un niveau). Pour un nombre : la plus petite et la plus grande valeur possibles (ex. « 0 | 10 »).', 'Possible answers, lowest to highest for a scale, separated by “|”; “Don’t know” last if offered (never counted as a level). For a number: the smallest and largest possible values (e.g. “0 | 10”).'),
      col('scale', 'Échelle validée', 'Validated scale', 'Facultatif. Échelle validée dont la question fait partie (who5, ucla3).', 'Optional. Validated scale the item belongs to (who5, ucla3).'),
      col('reversed', 'Inversée', 'Reversed', 'Facultatif. « oui » si l’item est formulé à l’envers (score inversé).', 'Optional. “yes” if the item is reverse-worded.'),
      col('waves', 'Vagues', 'Waves', 'Facultatif. Les vagues où la question est posée (ex. « T1 » pour une question du suivi seulement), séparées par des virgules. Vide : à chaque vague.', 'Optional. The waves the question is asked at (e.g. “T1” for a follow-up question), comma-separated. Empty: every wave.'),
    ],
  },
  {
    // One responses tab per survey (tab metadata also carries the survey id); each question is a column of its own,
    // keyed by QUESTION_METADATA_KEY, so a 100,000 × 40 export stays within Sheets' cell limit.
    key: 'responses',
    label: { fr: 'Réponses', en: 'Responses' },
    kind: 'input',
    columns: [
      col('responseId', 'Identifiant réponse', 'Response id', 'Identifiant de la réponse, donné par l’outil d’enquête ou calculé à partir de son contenu.', 'Response id, from the survey tool or computed from its content.'),
      col('sourceFile', 'Fichier source', 'Source file', 'Fichier d’où vient la réponse.', 'File the answer came from.'),
      col('sourceRow', 'Ligne source', 'Source row', 'Numéro de ligne dans le fichier source.', 'Row number in the source file.', false),
      datetime(col('importedAt', 'Importée le', 'Imported at', 'Date et heure de l’import.', 'Import date and time.', false)),
      col('wave', 'Vague', 'Wave', 'Vague d’enquête de la réponse (ex. 2026-T1, « entrée »).', 'Survey wave of the answer.'),
      col('respondentType', 'Type de répondant', 'Respondent type', 'lui-même, aidé (quelqu’un l’a aidé à répondre) ou pour autrui (un aidant a répondu à sa place).', 'self, aided, or proxy (a carer answered for the person).'),
      col('mode', 'Mode de passation', 'Collection mode', 'auto-administré, entretien, téléphone…', 'self-administered, interview, phone…'),
      col('interviewer', 'Enquêteur', 'Interviewer', 'Qui a fait passer le questionnaire, s’il y a lieu.', 'Who administered the questionnaire, if anyone.'),
      col('personId', 'Identifiant personne', 'Person id', 'Code pseudonyme de la personne, le même d’une vague à l’autre : relie ses réponses avant et après (jamais son nom).', 'Pseudonymous person code, the same across waves: links before and after answers (never a name).'),
      datetime(col('answeredAt', 'Répondu le', 'Answered at', 'Date de la réponse (horodatage de l’outil) : sert aux périodes mois, trimestre, année.', 'When the answer was given (the tool’s timestamp): used for monthly, quarterly, yearly periods.', false)),
      col('fileHash', 'Empreinte du fichier', 'File hash', 'Empreinte SHA-256 du fichier importé : retrouve le fichier exact d’où vient la réponse.', 'SHA-256 of the imported file.'),
    ],
  },
  {
    // Computed rows are replaced at each computation; rows whose origin is « saisi » are typed by people and kept.
    key: 'values',
    label: { fr: 'Valeurs', en: 'Values' },
    kind: 'input',
    columns: [
      col('indicator', 'Indicateur', 'Indicator', 'Code de l’indicateur (onglet Indicateurs).', 'Indicator code (Indicators tab).', true, { tab: 'indicators', column: 'code' }),
      col('period', 'Période', 'Period', 'Période couverte : 2026, 2026-T1, 2026-S1, 2026-03 ou une vague.', 'Period covered: 2026, 2026-Q1, 2026-H1, 2026-03 or a wave.'),
      col('segment', 'Groupe', 'Group', 'Une partie des répondants (ex. « tranche d’âge = 80 ans et + ») ou vide pour l’ensemble.', 'A part of the respondents (e.g. “age band = 80+”) or empty for everyone.'),
      col('value', 'Valeur', 'Value', 'Valeur calculée, ou saisie pour un indicateur en saisie manuelle.', 'Computed value, or entered for a manual indicator.', false),
      col('n', 'n', 'n', 'Nombre de personnes ou de réponses derrière la valeur.', 'Number of people or answers behind the value.', false),
      col('low', 'Borne basse', 'Lower bound', 'Bas de l’intervalle de confiance à 95 %.', 'Lower end of the 95% confidence interval.', false),
      col('high', 'Borne haute', 'Upper bound', 'Haut de l’intervalle de confiance à 95 %.', 'Upper end of the 95% confidence interval.', false),
      col('k', 'Effectif concerné', 'Count (k)', 'Combien de personnes remplissent la condition (proportion, effectif) ou ont progressé (évolution avant/après).', 'How many people meet the condition (proportion, count) or improved (before/after change).', false),
      col('sd', 'Écart-type', 'Standard deviation', 'Dispersion des réponses autour de la moyenne (moyenne, score, évolution d’un score).', 'Spread of the answers around the mean (mean, score, change in a score).', false),
      col('p', 'p', 'p', 'Avec quelle probabilité un tel changement viendrait du seul hasard si rien n’avait changé (voir la colonne Test). Vide quand le test ne peut rien dire.', 'How likely such a change would be by chance alone if nothing had changed (see the Test column). Empty when the test cannot tell.', false),
      prose(col('test', 'Test et intervalle', 'Test and interval', 'Comment l’intervalle de confiance et le test ont été calculés (voir le glossaire du panneau Repère).', 'How the confidence interval and the test were computed (see the glossary in the Repère sidebar).')),
      col('baseline', 'Référence', 'Baseline', 'Valeur de référence de l’indicateur.', 'Baseline of the indicator.', false),
      col('target', 'Cible', 'Target', 'Cible de la période.', 'Target for the period.', false),
      col('status', 'Statut', 'Status', 'atteint, en bonne voie, à surveiller, non atteint ou données insuffisantes.', 'met, on track, to watch, not met or insufficient data.'),
      prose(col('flags', 'Alertes', 'Flags', 'Points à vérifier avant d’utiliser la valeur (petit effectif, réponses pour autrui…).', 'Points to check before using the value (small n, proxy answers…).')),
      prose(col('methodText', 'Calcul', 'Computation', 'Le calcul, en clair.', 'The computation, in plain words.')),
      col('origin', 'Origine', 'Origin', 'calculé (par Repère, remplacé à chaque calcul) ou saisi (par vous, jamais modifié).', 'computed (by Repère, replaced at each computation) or entered (by you, never changed).', true, 'valueOrigin'),
      datetime(col('computedAt', 'Calculé le', 'Computed at', 'Date du calcul.', 'When it was computed.', false)),
    ],
  },
  {
    key: 'observations',
    label: { fr: 'Observations', en: 'Observations' },
    kind: 'input',
    columns: [
      col('id', 'Identifiant', 'Id', 'Identifiant unique donné par l’extension : ne pas modifier.', 'Unique id given by the extension: do not edit.'),
      datetime(col('createdAt', 'Créée le', 'Created at', 'Date et heure de la saisie.', 'When it was captured.', false)),
      col('updatedAt', 'Modifiée le', 'Updated at', 'Dernière modification dans l’extension (sert à ne pas écraser une version plus récente).', 'Last edited in the extension.'),
      col('kind', 'Type', 'Kind', 'citation, observation, anecdote ou chiffre.', 'quote, observation, anecdote or figure.'),
      prose(col('text', 'Texte', 'Text', 'Le texte, pseudonymisé avant l’envoi.', 'The text, pseudonymised before sending.')),
      date(col('factDate', 'Date du fait', 'Date of the fact', 'Quand s’est passé ce que rapporte l’observation (sinon, sa date de saisie compte).', 'When what the observation reports happened (otherwise its capture date counts).', false)),
      col('stakeholder', 'Partie prenante', 'Stakeholder', 'Groupe concerné.', 'Group concerned.'),
      col('tags', 'Thèmes', 'Tags', 'Changements ou indicateurs auxquels elle se rapporte.', 'Outcomes or indicators it relates to.'),
      col('consent', 'Consentement', 'Consent', 'obtenu, non obtenu ou non requis. Sans consentement, jamais hors de la structure.', 'obtained, not obtained or not required.'),
      col('scope', 'Usage', 'Usage', 'interne, financeurs ou public.', 'internal, funders or public.'),
      col('sourceTitle', 'Titre de la page', 'Page title', 'Titre de la page d’où vient la citation.', 'Title of the source page.'),
      col('sourceUrl', 'Adresse de la page', 'Page URL', 'Adresse de la page, sans paramètres.', 'Page URL, without parameters.'),
      col('author', 'Auteur', 'Author', 'Qui a saisi l’observation.', 'Who captured it.'),
      datetime(col('receivedAt', 'Reçue le', 'Received at', 'Date de réception par le registre.', 'When the registry received it.', false)),
      col('personId', 'Personne', 'Person', 'Code pseudonyme de la personne dont parle l’observation (ex. P-017), le même que dans les enquêtes : compte les personnes distinctes qui évoquent un thème. Jamais son nom.', 'Pseudonymous code of the person the observation is about (e.g. P-017), the same as in the surveys: counts the distinct people who raise a theme. Never a name.'),
      prose(col('note', 'Remarque', 'Note', 'Ce que la personne qui a saisi l’observation en dit (contexte, interprétation), à part du texte cité.', 'What the person who captured it says about it (context, reading), apart from the quoted text.')),
      col('toQuote', 'À citer', 'To quote', '« oui » pour une citation que l’équipe choisit de citer dans le rapport (avant les plus récentes), si le consentement et l’usage le permettent.', '“yes” for a quote the team chooses to cite in the report (before the most recent ones), when consent and usage allow.'),
    ],
  },
  {
    // Rewritten at each computation: one line per indicator, grouped by outcome.
    key: 'dashboard',
    label: { fr: 'Tableau de bord', en: 'Dashboard' },
    kind: 'computed',
    columns: [
      prose(col('outcome', 'Changement visé', 'Outcome', 'Le changement auquel l’indicateur se rapporte.', 'The outcome the indicator measures.')),
      prose(col('indicator', 'Indicateur', 'Indicator', 'Code et nom de l’indicateur.', 'Indicator code and name.')),
      col('period', 'Période', 'Period', 'Dernière période calculée.', 'Latest period computed.'),
      col('value', 'Valeur', 'Value', 'Dernière valeur, avec son unité ; « moins de 5 personnes » quand elle est masquée.', 'Latest value, with its unit; “fewer than 5 people” when hidden.'),
      col('interval', 'Intervalle (IC 95 %)', 'Interval (95% CI)', 'Où se situe vraisemblablement la vraie valeur (intervalle de confiance à 95 %) ; « trop peu de réponses » en dessous du n minimum.', 'Where the true value most likely lies (95% confidence interval); “too few answers” below the minimum n.'),
      col('n', 'n', 'n', 'Nombre de personnes ou de réponses derrière la dernière valeur.', 'Number of people or answers behind the latest value.', false),
      col('trend', 'Tendance', 'Trend', 'Évolution depuis la période précédente : ↗ hausse, ↘ baisse, → stable.', 'Change since the previous period.'),
      col('status', 'Statut', 'Status', 'atteint, en bonne voie, à surveiller, non atteint ou données insuffisantes.', 'met, on track, to watch, not met or insufficient data.'),
      col('sparkline', 'Courbe', 'Sparkline', 'Les valeurs des périodes successives.', 'The values of successive periods.', false),
      prose(col('flag', 'Point d’attention', 'Main flag', 'L’alerte principale à lire avant d’utiliser la valeur.', 'The main flag to read before using the value.')),
    ],
  },
  {
    // Rewritten at each computation: the data tables of the native charts, and the charts themselves next to them.
    key: 'charts',
    label: { fr: 'Graphiques', en: 'Charts' },
    kind: 'computed',
    columns: [],
  },
  {
    // Rewritten at each computation: the checks of each survey wave, then the answer sheets to review (inside the
    // structure only: they name people by their code or the row of the imported file).
    key: 'checks',
    label: { fr: 'Contrôles', en: 'Checks' },
    kind: 'computed',
    columns: [
      col('survey', 'Enquête', 'Survey', 'Identifiant de l’enquête.', 'Survey id.'),
      col('wave', 'Vague', 'Wave', 'Vague d’enquête contrôlée.', 'Survey wave checked.'),
      col('check', 'Contrôle', 'Check', 'Ce qui est contrôlé : taux de réponse, perdus de vue, réponses par un proche, réponses identiques…', 'What is checked: response rate, people lost, proxy answers, identical answers…'),
      col('level', 'Niveau', 'Level', 'alerte (à lire avant d’utiliser les chiffres), information, ou à revoir (un questionnaire à relire).', 'warning (read before using the figures), information, or to review (an answer sheet to read again).'),
      col('who', 'Questionnaire', 'Answer sheet', 'Pour un questionnaire à revoir : le code de la personne, sinon la ligne du fichier importé. Ne sort jamais de la structure.', 'For an answer sheet to review: the person’s code, else the row of the imported file. Never leaves the structure.'),
      prose(col('message', 'Détail', 'Detail', 'Ce qui a été vu, avec les nombres, et ce qu’il faut faire.', 'What was seen, with the counts, and what to do.')),
    ],
  },
  {
    // What the figures led the team to change: read by the report's « enseignements et décisions » and the team view.
    key: 'decisions',
    label: { fr: 'Décisions', en: 'Decisions' },
    kind: 'input',
    columns: [
      date(col('date', 'Date', 'Date', 'Quand la décision a été prise ou discutée (jj/mm/aaaa).', 'When the decision was taken or discussed.', false)),
      col('subject', 'Changement ou indicateur', 'Outcome or indicator', 'Le changement visé (ex. C2) ou l’indicateur (ex. I5) concerné ; vide si la décision porte sur toute la démarche.', 'The outcome (e.g. C2) or indicator (e.g. I5) concerned; empty if it is about the whole evaluation.'),
      prose(col('learnt', 'Ce que nous avons appris', 'What we learnt', 'Ce que les chiffres ou les paroles ont montré, en une ou deux phrases.', 'What the figures or the quotes showed, in a sentence or two.')),
      prose(col('change', 'Ce que nous changeons', 'What we change', 'Ce que l’équipe décide de faire autrement.', 'What the team decides to do differently.')),
      col('who', 'Qui', 'Who', 'Qui porte la décision (une personne ou une fonction).', 'Who carries the decision (a person or a role).'),
      col('status', 'Statut', 'Status', 'à décider, en cours, faite ou abandonnée.', 'to decide, in progress, done or dropped.', true, 'decisionStatus'),
    ],
  },
  {
    key: 'journal',
    label: { fr: 'Journal', en: 'Log' },
    kind: 'log',
    columns: [
      datetime(col('at', 'Quand', 'When', 'Date et heure de l’opération.', 'When it happened.', false)),
      col('who', 'Qui', 'Who', 'Qui l’a lancée (ou « collecteur »).', 'Who ran it (or “collector”).'),
      col('action', 'Action', 'Action', 'Configuration, import, synchronisation, calcul…', 'Setup, import, sync, computation…'),
      prose(col('details', 'Détails', 'Details', 'Ce qui a été fait, avec les nombres.', 'What was done, with counts.')),
    ],
  },
];

/** The indicator columns a shared definition has (the link to a cohort is the member's, not the definition's). */
const SHARED_INDICATOR_COLUMNS = (): ColumnSpec[] =>
  TABS.find((t) => t.key === 'indicators')!.columns.filter((c) => !['cohortCode', 'cohort', 'cohortVersion'].includes(c.key));

/*
 * The coordination tabs of a coordinator's registry (« repere setup --cohort »): the members, the shared indicator set,
 * the aggregates members published, and what the coordinator reads from them. No tab here can hold an answer.
 */
export const COHORT_TABS: readonly TabSpec[] = [
  {
    key: 'members',
    label: { fr: 'Membres', en: 'Members' },
    kind: 'input',
    columns: [
      col('code', 'Code', 'Code', 'Code de la structure dans la cohorte (S01, S02…) : c’est lui qui s’affiche par défaut, jamais le nom.', 'The structure’s code in the cohort (S01, S02…): shown by default, never the name.'),
      col('name', 'Structure', 'Structure', 'Nom de la structure invitée.', 'Name of the invited structure.'),
      col('contact', 'Contact', 'Contact', 'Qui relancer dans la structure (nom, adresse).', 'Whom to remind in the structure (name, address).'),
      col('secretHash', 'Empreinte du code', 'Code hash', 'Empreinte (SHA-256) du code d’invitation de la structure : le code lui-même n’est gardé nulle part. Effacez-la pour refuser ses publications ; « Inviter » à nouveau donne un nouveau code.', 'SHA-256 of the structure’s invitation code: the code itself is kept nowhere. Clear it to refuse its publications.'),
      datetime(col('invitedAt', 'Invitée le', 'Invited at', 'Date du code d’invitation.', 'When the invitation code was made.', false)),
      col('adoptedVersion', 'Version adoptée', 'Adopted version', 'Version du jeu d’indicateurs partagés que la structure a adoptée.', 'Version of the shared indicator set the structure adopted.', false),
      datetime(col('joinedAt', 'A rejoint le', 'Joined at', 'Quand la structure a adopté le jeu d’indicateurs partagés.', 'When the structure adopted the shared set.', false)),
      datetime(col('lastPublication', 'Dernière publication', 'Last publication', 'Date de la dernière publication reçue.', 'When the last publication arrived.', false)),
      col('periods', 'Périodes publiées', 'Periods published', 'Les périodes pour lesquelles la structure a publié.', 'The periods the structure published.'),
      col('status', 'Statut', 'Status', 'invitée, a rejoint, à jour ou en retard : mis à jour à chaque calcul de la cohorte.', 'invited, joined, up to date or late: updated at each cohort computation.', true, 'memberStatus'),
      prose(col('late', 'À relancer pour', 'Remind about', 'Les périodes publiées par d’autres structures et pas encore par celle-ci.', 'Periods other structures published and this one not yet.')),
    ],
  },
  {
    key: 'sharedIndicators',
    label: { fr: 'Indicateurs partagés', en: 'Shared indicators' },
    kind: 'input',
    columns: [
      ...SHARED_INDICATOR_COLUMNS(),
      col('version', 'Version', 'Version', 'Version de la définition, tenue par Repère : elle augmente quand la définition change (méthode, questions, condition…). Les chiffres de versions différentes ne sont jamais mis en commun.', 'Version of the definition, kept by Repère: it rises when the definition changes. Figures of different versions are never pooled.', false),
      col('fingerprint', 'Empreinte', 'Fingerprint', 'Empreinte de la définition (calculée par Repère) : sert à voir qu’elle a changé.', 'Fingerprint of the definition (computed by Repère): shows that it changed.'),
    ],
  },
  {
    // Written by the collector only: one row per member × indicator × period × segment × version, replaced by a newer
    // publication of the same member and period, never duplicated. Aggregates only: counts, n, version, flags.
    key: 'receivedAggregates',
    label: { fr: 'Agrégats reçus', en: 'Received aggregates' },
    kind: 'log',
    columns: [
      col('member', 'Structure', 'Structure', 'Code de la structure qui a publié.', 'Code of the publishing structure.'),
      col('indicator', 'Indicateur', 'Indicator', 'Code de l’indicateur partagé.', 'Shared indicator code.'),
      col('version', 'Version', 'Version', 'Version de la définition avec laquelle la structure a calculé.', 'Version of the definition the structure computed with.', false),
      col('definition', 'Empreinte', 'Fingerprint', 'Empreinte de la définition telle que la structure l’a appliquée.', 'Fingerprint of the definition as the structure applied it.'),
      col('period', 'Période', 'Period', 'Période couverte.', 'Period covered.'),
      col('before', 'Avant', 'Before', 'Évolution avant/après : la vague comparée (la période est celle d’après).', 'Before/after change: the wave compared with.'),
      col('segment', 'Groupe', 'Group', 'Une partie des personnes (« type de répondant = lui-même ») ou vide pour l’ensemble.', 'A part of the people, or empty for everyone.'),
      col('changeKind', 'Nature de l’évolution', 'Kind of change', 'Évolution avant/après : part qui dit oui (en points), rang sur une échelle (part qui a progressé) ou score (différence moyenne).', 'Before/after change: a yes share (points), a rank on a scale (share who improved) or a score (mean difference).', true, 'changeKind'),
      col('measure', 'Mesure', 'Measure', 'Ce que disent les nombres : proportion, moyenne, médiane, effectif, somme, évolution, valeur.', 'What the numbers are.', true, 'measure'),
      col('suppressed', 'Masqué', 'Hidden', '« < 11 » : moins de 11 personnes (ou déductible des autres chiffres), masqué par la structure avant l’envoi.', '“< 11”: fewer than 11 people (or derivable), hidden by the structure before sending.'),
      col('n', 'n', 'n', 'Nombre de personnes derrière le chiffre.', 'Number of people behind the figure.', false),
      col('k', 'k', 'k', 'Combien remplissent la condition (proportion, effectif).', 'How many meet the condition.', false),
      col('value', 'Valeur', 'Value', 'Le chiffre de la structure.', 'The structure’s figure.', false),
      col('low', 'Borne basse', 'Lower bound', 'Bas de l’intervalle à 95 % de la structure.', 'Lower end of the structure’s 95% interval.', false),
      col('high', 'Borne haute', 'Upper bound', 'Haut de l’intervalle à 95 % de la structure.', 'Upper end of the structure’s 95% interval.', false),
      col('sum', 'Somme', 'Sum', 'Somme des réponses (moyenne, somme).', 'Sum of the answers.', false),
      col('sumSquares', 'Somme des carrés', 'Sum of squares', 'Somme des carrés des réponses (pour l’écart-type mis en commun).', 'Sum of squared answers.', false),
      col('distribution', 'Répartition', 'Distribution', 'Nombre de réponses par modalité, de la plus basse à la plus haute, séparés par « | ».', 'Answers per level, lowest first, separated by “|”.'),
      col('se', 'Erreur type', 'Standard error', 'Erreur type de l’évolution (pour la mise en commun à effets aléatoires).', 'Standard error of the change.', false),
      col('improved', 'Ont progressé', 'Improved', 'Évolution : personnes qui ont progressé.', 'Change: people who improved.', false),
      col('stable', 'Stables', 'Stable', 'Évolution : personnes stables.', 'Change: people who stayed the same.', false),
      col('worse', 'En baisse', 'Worse', 'Évolution : personnes en baisse.', 'Change: people who went down.', false),
      col('proxyShare', 'Part pour autrui (%)', 'Proxy share (%)', 'Part des questionnaires remplis par un proche à la place de la personne ; « < 11 » si trop peu pour le dire.', 'Share of questionnaires filled by someone else.'),
      col('responseRate', 'Taux de réponse (%)', 'Response rate (%)', 'Répondants sur personnes sollicitées ; « < 11 » si trop peu pour le dire.', 'Respondents out of people invited.'),
      col('publication', 'Publication', 'Publication', 'Identifiant de la publication : une publication reçue deux fois n’est écrite qu’une fois.', 'Publication id: a publication received twice is written once.'),
      datetime(col('generatedAt', 'Préparée le', 'Prepared at', 'Quand la structure a préparé la publication (la plus récente remplace les autres pour une même période).', 'When the structure prepared the publication.', false)),
      datetime(col('receivedAt', 'Reçue le', 'Received at', 'Quand la coordination l’a reçue.', 'When the coordination received it.', false)),
    ],
  },
  {
    // Rewritten at each cohort computation: one line per shared indicator × version × period × group.
    key: 'cohortDashboard',
    label: { fr: 'Tableau de cohorte', en: 'Cohort dashboard' },
    kind: 'computed',
    columns: [
      prose(col('indicator', 'Indicateur', 'Indicator', 'Code et nom de l’indicateur partagé.', 'Shared indicator code and name.')),
      col('version', 'Version', 'Version', 'Version de la définition mise en commun.', 'Version pooled.', false),
      col('period', 'Période', 'Period', 'Période.', 'Period.'),
      col('segment', 'Groupe', 'Group', 'Une partie des personnes, ou vide pour l’ensemble.', 'A part of the people, or empty for everyone.'),
      col('members', 'Structures', 'Structures', 'Combien de structures ont publié ce chiffre, sur combien de membres.', 'How many structures published this figure, out of how many members.'),
      col('n', 'n', 'n', 'Nombre de personnes mises en commun.', 'Number of people pooled.', false),
      prose(col('pooled', 'Ensemble des personnes', 'All people', 'Chiffre mis en commun en additionnant les comptes des structures (pondéré par personne) : jamais une moyenne de moyennes.', 'Figure pooled by adding the structures’ counts (person-weighted).')),
      col('interval', 'Intervalle (IC 95 %)', 'Interval (95% CI)', 'Intervalle de confiance du chiffre mis en commun.', 'Confidence interval of the pooled figure.'),
      prose(col('clustering', 'Effet de grappe', 'Clustering', 'Les personnes d’une même structure se ressemblent : l’intervalle corrigé de cet effet (effet de plan) est plus large.', 'People of one structure resemble each other: the interval corrected for it is wider.')),
      prose(col('median', 'Médiane des structures', 'Median of structures', 'Chiffre du milieu des structures, chacune comptant une fois (pondéré par structure), avec l’écart entre structures.', 'Middle figure of the structures, each counting once (structure-weighted), with the spread.')),
      prose(col('excluded', 'Non mis en commun', 'Not pooled', 'Les chiffres laissés de côté et pourquoi : version différente, définition modifiée, moins de 11 personnes.', 'Figures left out and why.')),
      prose(col('method', 'Calcul', 'Computation', 'Le calcul, en clair.', 'The computation, in plain words.')),
    ],
  },
  {
    // Rewritten at each cohort computation: the data tables of the cohort charts, and the charts beside them.
    key: 'cohortCharts',
    label: { fr: 'Graphiques de cohorte', en: 'Cohort charts' },
    kind: 'computed',
    columns: [],
  },
];

export function tabSpec(key: TabKey): TabSpec {
  const spec = TABS.find((t) => t.key === key) ?? COHORT_TABS.find((t) => t.key === key);
  if (!spec) throw new Error(`unknown tab ${key}`);
  return spec;
}
