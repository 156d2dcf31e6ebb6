/**
 * The sheet contract: which tabs a registry holds and the stable key of each column. Tabs and columns are found by
 * developer metadata (keys below), never by name or position; labels are only what a person reads.
 */

export type Lang = 'fr' | 'en';

export interface ColumnSpec {
  key: string;
  label: Record<Lang, string>;
  /** Plain-language note shown on the header cell. */
  note: Record<Lang, string>;
  /** Text columns are formatted as text so Sheets never coerces what is typed into them. */
  text?: boolean;
}

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
  | 'indicators'
  | 'surveys'
  | 'responses'
  | 'values'
  | 'observations'
  | 'dashboard'
  | 'journal';

/** Developer-metadata keys: DOCUMENT visibility, so that a copied template's new script still finds them. */
export const TAB_METADATA_KEY = 'repere:tab';
export const COLUMN_METADATA_KEY = 'repere:col';
export const SURVEY_METADATA_KEY = 'repere:survey';
export const QUESTION_METADATA_KEY = 'repere:question';

const col = (key: string, fr: string, en: string, noteFr: string, noteEn: string, text = true): ColumnSpec => ({
  key,
  label: { fr, en },
  note: { fr: noteFr, en: noteEn },
  text,
});

export const TABS: readonly TabSpec[] = [
  {
    key: 'approach',
    label: { fr: 'Démarche', en: 'Approach' },
    kind: 'input',
    columns: [
      col('item', 'Rubrique', 'Item', 'Ce que décrit la ligne : question évaluative, périmètre, parties prenantes…', 'What the row describes: evaluative question, scope, stakeholders…'),
      col('content', 'Contenu', 'Content', 'Votre réponse, en quelques phrases simples.', 'Your answer, in a few plain sentences.'),
    ],
  },
  {
    key: 'outcomes',
    label: { fr: 'Changements', en: 'Outcomes' },
    kind: 'input',
    columns: [
      col('id', 'Identifiant', 'Id', 'Code court et unique du changement visé (ex. C1).', 'Short unique code of the outcome (e.g. C1).'),
      col('stakeholder', 'Partie prenante', 'Stakeholder', 'Le groupe concerné : bénéficiaires, aidants, salariés, bénévoles, partenaires…', 'The group concerned: beneficiaries, carers, staff, volunteers, partners…'),
      col('change', 'Changement visé', 'Change aimed for', 'Le changement que vous cherchez à produire, formulé pour la personne.', 'The change you aim for, phrased for the person.'),
      col('level', 'Niveau', 'Level', 'réalisation, résultat ou impact.', 'output, outcome or impact.'),
      col('activities', 'Activités', 'Activities', 'Les activités qui mènent à ce changement.', 'The activities that lead to this change.'),
    ],
  },
  {
    key: 'indicators',
    label: { fr: 'Indicateurs', en: 'Indicators' },
    kind: 'input',
    columns: [
      col('code', 'Code', 'Code', 'Code court et unique de l’indicateur (ex. I1).', 'Short unique code of the indicator (e.g. I1).'),
      col('name', 'Nom', 'Name', 'Ce que mesure l’indicateur, en clair.', 'What the indicator measures, in plain words.'),
      col('outcome', 'Changement', 'Outcome', 'Identifiant du changement visé (onglet Changements).', 'Id of the outcome (Outcomes tab).'),
      col('method', 'Méthode', 'Method', 'Comment le calculer : proportion, moyenne, médiane, effectif…', 'How to compute it: proportion, mean, median, count…'),
    ],
  },
  {
    key: 'surveys',
    label: { fr: 'Enquêtes', en: 'Surveys' },
    kind: 'input',
    columns: [
      col('id', 'Identifiant', 'Id', 'Code court et unique de l’enquête (ex. E1).', 'Short unique code of the survey (e.g. S1).'),
      col('name', 'Nom', 'Name', 'Nom de l’enquête.', 'Name of the survey.'),
      col('wave', 'Vague', 'Wave', 'Vague ou passation (ex. 2026-T1).', 'Wave (e.g. 2026-Q1).'),
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
      col('importedAt', 'Importée le', 'Imported at', 'Date et heure de l’import.', 'Import date and time.', false),
    ],
  },
  {
    key: 'values',
    label: { fr: 'Valeurs', en: 'Values' },
    kind: 'computed',
    columns: [
      col('indicator', 'Indicateur', 'Indicator', 'Code de l’indicateur.', 'Indicator code.'),
      col('period', 'Période', 'Period', 'Période couverte.', 'Period covered.'),
      col('value', 'Valeur', 'Value', 'Valeur calculée ou saisie.', 'Computed or entered value.', false),
      col('n', 'n', 'n', 'Nombre de personnes ou de réponses derrière la valeur.', 'Number of people or answers behind the value.', false),
    ],
  },
  {
    key: 'observations',
    label: { fr: 'Observations', en: 'Observations' },
    kind: 'input',
    columns: [
      col('id', 'Identifiant', 'Id', 'Identifiant unique donné par l’extension : ne pas modifier.', 'Unique id given by the extension: do not edit.'),
      col('createdAt', 'Créée le', 'Created at', 'Date et heure de la saisie.', 'When it was captured.', false),
      col('updatedAt', 'Modifiée le', 'Updated at', 'Dernière modification dans l’extension (sert à ne pas écraser une version plus récente).', 'Last edited in the extension.'),
      col('kind', 'Type', 'Kind', 'citation, observation, anecdote ou chiffre.', 'quote, observation, anecdote or figure.'),
      col('text', 'Texte', 'Text', 'Le texte, pseudonymisé avant l’envoi.', 'The text, pseudonymised before sending.'),
      col('stakeholder', 'Partie prenante', 'Stakeholder', 'Groupe concerné.', 'Group concerned.'),
      col('tags', 'Thèmes', 'Tags', 'Changements ou indicateurs auxquels elle se rapporte.', 'Outcomes or indicators it relates to.'),
      col('consent', 'Consentement', 'Consent', 'obtenu, non obtenu ou non requis. Sans consentement, jamais hors de la structure.', 'obtained, not obtained or not required.'),
      col('scope', 'Usage', 'Usage', 'interne, financeurs ou public.', 'internal, funders or public.'),
      col('sourceTitle', 'Titre de la page', 'Page title', 'Titre de la page d’où vient la citation.', 'Title of the source page.'),
      col('sourceUrl', 'Adresse de la page', 'Page URL', 'Adresse de la page, sans paramètres.', 'Page URL, without parameters.'),
      col('author', 'Auteur', 'Author', 'Qui a saisi l’observation.', 'Who captured it.'),
      col('receivedAt', 'Reçue le', 'Received at', 'Date de réception par le registre.', 'When the registry received it.', false),
    ],
  },
  {
    key: 'dashboard',
    label: { fr: 'Tableau de bord', en: 'Dashboard' },
    kind: 'computed',
    columns: [
      col('indicator', 'Indicateur', 'Indicator', 'Code de l’indicateur.', 'Indicator code.'),
      col('value', 'Valeur', 'Value', 'Dernière valeur.', 'Latest value.', false),
      col('status', 'Statut', 'Status', 'Où en est l’indicateur par rapport à sa cible.', 'Where the indicator stands against its target.'),
    ],
  },
  {
    key: 'journal',
    label: { fr: 'Journal', en: 'Log' },
    kind: 'log',
    columns: [
      col('at', 'Quand', 'When', 'Date et heure de l’opération.', 'When it happened.', false),
      col('who', 'Qui', 'Who', 'Qui l’a lancée (ou « collecteur »).', 'Who ran it (or “collector”).'),
      col('action', 'Action', 'Action', 'Configuration, import, synchronisation, calcul…', 'Setup, import, sync, computation…'),
      col('details', 'Détails', 'Details', 'Ce qui a été fait, avec les nombres.', 'What was done, with counts.'),
    ],
  },
];

export function tabSpec(key: TabKey): TabSpec {
  const spec = TABS.find((t) => t.key === key);
  if (!spec) throw new Error(`unknown tab ${key}`);
  return spec;
}
