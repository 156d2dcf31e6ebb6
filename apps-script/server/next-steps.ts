/**
 * The way through an evaluation, as a short checklist: set up, describe the approach, bring in data, compute, report.
 * Each step is known done from the registry itself (tabs, « Démarche », answers and values, the Journal's last
 * actions), so the sidebar says what comes next after any step, whoever took it and wherever (Sheets, the local page,
 * a `repere` command).
 */
import { TAB_METADATA_KEY } from '../../shared/contract/tabs';
import { termId, type Lang } from '../../shared/contract/words';
import type { ApproachFields } from '../../shared/registry/approach';
import type { RegistrySnapshot } from '../../shared/registry/validate';
import { readApproach } from './approach';
import { coordination } from './cohort/state';
import { bindTab, columnValues, findTab, sheetsWithMetadata } from './registry';
import { readRegistry } from './registry-read';
import type { Spreadsheet } from './spreadsheet';

export type StepId = 'setup' | 'approach' | 'data' | 'compute' | 'report';

export interface Step {
  id: StepId;
  label: string;
  done: boolean;
}

export interface NextSteps {
  steps: Step[];
  /** The step after the last one done (the report, once everything before is). */
  current: StepId;
  /** What to do for the current step, where in the sidebar. */
  hint: string;
  /** The steps left behind undone, recalled in a sentence (or ''). */
  reminder: string;
}

const LABELS: Record<StepId, string> = {
  setup: 'Configurer le registre',
  approach: 'Décrire la démarche',
  data: 'Importer des réponses',
  compute: 'Calculer les indicateurs',
  report: 'Lire et partager les résultats',
};

const HINTS: Record<StepId, string> = {
  setup: 'Choisissez un modèle de départ (ou aucun) dans « Registre », puis « Configurer ».',
  approach: 'Ouvrez « Démarche » ci-dessous : votre question évaluative, le périmètre, les parties prenantes, la période, qui pilote. Remplacez les passages « [À adapter] » du modèle.',
  data: 'Importez les réponses d’une enquête (« Importer des réponses »), ou saisissez une valeur pour un indicateur en saisie manuelle (« Saisir une valeur »).',
  compute: 'Cliquez « Calculer les indicateurs » : Valeurs, le tableau de bord et les graphiques seront mis à jour.',
  report: 'Lisez le tableau de bord et les graphiques, puis faites un document dans « Rapports » : rapport d’évaluation, une page, vue d’équipe. Hors de l’équipe, les chiffres sur moins de 11 personnes restent masqués.',
};

/** In a coordinator's registry, the data are the publications the members send. */
const COHORT_DATA = {
  label: 'Recevoir les publications des structures',
  hint: 'Invitez les structures (panneau « Cohorte » › « Inviter une structure ») ; leurs publications arrivent dans « Agrégats reçus », ou importez celles reçues en fichier.',
};

/** A framework's rubric still says what to write rather than what was written. */
const PLACEHOLDER = /\[À [^\]]*\]/;

function approachDescribed(fields: ApproachFields | null): boolean {
  const question = fields?.question?.trim() ?? '';
  return question !== '' && !PLACEHOLDER.test(question);
}

/** Answers imported, observations received or values typed (a coordinator: publications received): something to compute from. */
function hasData(ss: Spreadsheet, snapshot: RegistrySnapshot, coordinator: boolean): boolean {
  if (coordinator && (findTab(ss, 'receivedAggregates')?.getLastRow() ?? 0) > 1) return true;
  if ((snapshot.values?.rows ?? []).some((r) => termId('valueOrigin', String(r.cells['origin'] ?? '')) !== 'computed' && String(r.cells['value'] ?? '') !== '')) return true;
  if ((findTab(ss, 'observations')?.getLastRow() ?? 0) > 1) return true;
  return sheetsWithMetadata(ss, TAB_METADATA_KEY, 'responses').some((sheet) => sheet.getLastRow() > 1);
}

/**
 * Computed since the data last changed: Valeurs holds computed rows, and the Journal's last line about data (an
 * import, a sync, a value typed) is older than its last computation; reported: a document was made after that.
 */
function computedSinceData(ss: Spreadsheet, snapshot: RegistrySnapshot): { computed: boolean; reported: boolean } {
  if (!(snapshot.values?.rows ?? []).some((r) => termId('valueOrigin', String(r.cells['origin'] ?? '')) === 'computed')) return { computed: false, reported: false };
  const journal = bindTab(ss, 'journal');
  if (!journal) return { computed: true, reported: false };
  const actions = columnValues(journal, 'action').map((a) => termId('journalAction', String(a)));
  const lastCompute = actions.lastIndexOf('compute');
  const lastData = Math.max(actions.lastIndexOf('import'), actions.lastIndexOf('sync'), actions.lastIndexOf('manualValue'), actions.lastIndexOf('publication'));
  // A document made since, from these figures: the results were read and shared.
  return { computed: lastCompute > lastData, reported: lastCompute > lastData && actions.lastIndexOf('report') > lastCompute };
}

export function nextSteps(ss: Spreadsheet, lang: Lang, snapshot?: RegistrySnapshot): NextSteps {
  const configured = findTab(ss, 'indicators') !== null;
  const read = configured ? snapshot ?? readRegistry(ss, lang).snapshot : null;
  const coordinator = configured && coordination() !== null;
  const labels = coordinator ? { ...LABELS, data: COHORT_DATA.label } : LABELS;
  const computed = read ? computedSinceData(ss, read) : { computed: false, reported: false };
  const done: Record<StepId, boolean> = {
    setup: configured,
    approach: configured && approachDescribed(readApproach(ss)),
    data: !!read && hasData(ss, read, coordinator),
    compute: computed.computed,
    report: computed.reported,
  };
  const order: StepId[] = ['setup', 'approach', 'data', 'compute', 'report'];
  // Where the work has got to: the step after the last one done. A step skipped before it stays unticked, recalled.
  const reached = order.reduce((last, id, i) => (done[id] ? i : last), -1);
  const current = order.slice(reached + 1).find((id) => !done[id]) ?? 'report';
  const skipped = order.slice(0, order.indexOf(current)).filter((id) => !done[id]);
  const reminder = skipped.length > 0 ? `Reste aussi à faire : ${skipped.map((id) => `« ${labels[id]} »`).join(', ')}.` : '';
  const hint = coordinator && current === 'data' ? COHORT_DATA.hint : HINTS[current];
  return { steps: order.map((id) => ({ id, label: labels[id], done: done[id] })), current, hint, reminder };
}
