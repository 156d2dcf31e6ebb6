/**
 * The cohort's functions the sidebar calls through google.script.run (and the CLI through the same bundle): where the
 * registry stands in a cohort, the coordinator's set-up, invitations and file imports, the member's joining and
 * publishing. Each returns plain JSON and reports failures as values with a French message.
 */
import { RECORD_LANG, termLabel, type Lang } from '../../../shared/contract/words';
import { templateById, TEMPLATES } from '../../../shared/templates';
import { directFinder, TabLayouts } from '../registry';
import { BusyError, currentUser, registryLang, registrySpreadsheet, setRegistryLang, underLock, type Failure } from '../spreadsheet';
import { rememberTemplate } from '../setup';
import { cohortAnswer } from './collector';
import { poolReceived, runCohortComputation, type CohortSummary } from './compute';
import { cohortSummary } from '../../../shared/cohort/summary';
import { renderHtml } from '../../../shared/report/html';
import { longDate, MESSAGES } from '../../../shared/report/messages';
import { inviteMember, readMembers, type Invitation } from './members';
import { setupCohort, type CohortSetupReport } from './setup';
import { coordination, memberSecret, membership, saveCoordination } from './state';
import { logToJournal } from '../journal';
import type { Receipt } from '../../../shared/cohort/protocol';

export { joinCohort } from './join';
export { exportPublication, previewPublication, sendPublication } from './publish';

export interface CohortState {
  ok: true;
  role: 'none' | 'member' | 'coordinator';
  coordinator: null | {
    id: string;
    setVersion: number;
    collector: string;
    members: Array<{ code: string; name: string; status: string; periods: string; late: string }>;
    /** The dashboard and charts name the structures (for a table shared with the members themselves), else codes. */
    showNames: boolean;
  };
  member: null | { cohort: string; id: string; member: string; collector: string; indicators: number; canPublish: boolean };
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function getCohortState(): CohortState {
  const state = coordination();
  if (state) {
    const members = readMembers(directFinder(registrySpreadsheet())).map((m) => ({
      code: m.code, name: m.name, status: m.status ? termLabel('memberStatus', m.status, RECORD_LANG) : cell(m.cells['status']), periods: cell(m.cells['periods']), late: cell(m.cells['late']),
    }));
    return { ok: true, role: 'coordinator', coordinator: { id: state.id, setVersion: state.setVersion, collector: ScriptApp.getService().getUrl() || '', members, showNames: state.showNames === true }, member: null };
  }
  const m = membership();
  if (m) {
    return { ok: true, role: 'member', coordinator: null, member: { cohort: m.name, id: m.id, member: m.member, collector: m.collector, indicators: Object.keys(m.adopted).length, canPublish: memberSecret(m.id) !== null } };
  }
  return { ok: true, role: 'none', coordinator: null, member: null };
}

export function configureCohort(options?: { lang?: Lang; template?: string }): (CohortSetupReport & { ok: true }) | Failure {
  const template = options?.template ? templateById(options.template) : undefined;
  if (options?.template && !template) return { ok: false, message: `Modèle « ${options.template} » inconnu. Modèles : ${TEMPLATES.map((t) => t.id).join(', ')}.` };
  if (membership()) return { ok: false, message: 'Ce registre est membre d’une cohorte : la coordination se configure dans un autre classeur, celui de la coordination.' };
  const lang: Lang = options?.lang === 'en' ? 'en' : options?.lang === 'fr' ? 'fr' : registryLang();
  return underLock(() => {
    setRegistryLang(lang);
    if (template) rememberTemplate(template.id);
    return { ok: true as const, ...setupCohort(registrySpreadsheet(), lang, currentUser('sidebar'), template) };
  });
}

export function inviteCohortMember(input: { name: string; contact?: string }): Invitation {
  const name = String(input?.name ?? '').trim();
  if (name === '') return { ok: false, message: 'Indiquez le nom de la structure à inviter.' };
  if (name.length > 200) return { ok: false, message: 'Nom de structure trop long (200 caractères au plus).' };
  const state = coordination();
  if (!state) return { ok: false, message: 'Ce registre ne coordonne pas de cohorte : commencez par « Configurer la coordination ».' };
  const collector = ScriptApp.getService().getUrl() || '';
  if (!collector) {
    return { ok: false, message: 'Le collecteur n’est pas encore déployé : dans l’éditeur de script, Déployer › Nouveau déploiement › Application web (exécuter en tant que « Moi », accès « Tout le monde »), puis recommencez.' };
  }
  return underLock((): Invitation => {
    const ss = registrySpreadsheet();
    const tabs = directFinder(ss);
    const invitation = inviteMember(tabs, state, collector, name, String(input?.contact ?? '').trim(), new Date());
    if (invitation.ok) {
      logToJournal(ss, currentUser('sidebar'), 'cohort', `${invitation.renewed ? 'Nouveau code d’invitation' : 'Structure invitée'} : « ${name} » (code ${invitation.member}). ${invitation.renewed ? 'L’ancien code ne fonctionne plus.' : ''}`.trim(), tabs);
    }
    return invitation;
  });
}

/**
 * Names instead of codes in « Tableau de cohorte » and « Graphiques de cohorte » (for a table the coordinator shares
 * with the members themselves), or codes again; the tabs are rewritten at once. Never in the summary for funders.
 */
export function setCohortNamesShown(show: boolean): ({ ok: true } & CohortSummary) | Failure {
  const state = coordination();
  if (!state) return { ok: false, message: 'Ce registre ne coordonne pas de cohorte : commencez par « Configurer la coordination ».' };
  return underLock(() => {
    const ss = registrySpreadsheet();
    saveCoordination({ ...state, showNames: show === true });
    const words = show === true ? 'les structures apparaissent sous leur nom (pour les membres eux-mêmes)' : 'les structures apparaissent sous leur code';
    logToJournal(ss, currentUser('sidebar'), 'cohort', `Tableau et graphiques de cohorte : ${words}.`);
    const summary = runCohortComputation(ss, registryLang(), currentUser('sidebar'), new TabLayouts(ss))!;
    return { ok: true as const, ...summary };
  });
}

/** The cohort's dashboard, charts and members' standing again, without computing the coordinator's own indicators. */
export function computeCohort(): ({ ok: true } & CohortSummary) | Failure {
  return underLock(() => {
    const ss = registrySpreadsheet();
    const summary = runCohortComputation(ss, registryLang(), currentUser('sidebar'), new TabLayouts(ss));
    return summary ? { ok: true as const, ...summary } : { ok: false as const, message: 'Ce registre ne coordonne pas de cohorte : commencez par « Configurer la coordination ».' };
  });
}

export type ImportResult = { ok: true; message: string; receipt: Receipt | null } | Failure;

/** A publication a member sent as a file: the same checks as through the collector, the same idempotence. */
export function importPublication(content: string): ImportResult {
  try {
    const answer = cohortAnswer(String(content ?? ''), 'file', currentUser('sidebar'));
    return answer.ok ? { ok: true, message: answer.message ?? 'Publication importée.', receipt: answer.receipt ?? null } : { ok: false, message: answer.message ?? 'Publication refusée.' };
  } catch (error) {
    if (error instanceof BusyError) return { ok: false, message: 'Le registre est occupé par une autre opération : réessayez dans un instant.' };
    throw error;
  }
}

export type CohortReport = { ok: true; fileName: string; content: string; message: string } | Failure;

/**
 * The cohort summary for the programme's funders (an HTML file to print or edit), from the pooled figures only: no
 * member's figure, code or name. Writes nothing but its Journal line (what, for whom, what was hidden).
 */
export function cohortReport(): CohortReport {
  return underLock((): CohortReport => {
    const ss = registrySpreadsheet();
    const tabs = directFinder(ss);
    const cohort = poolReceived(tabs, registryLang());
    if (!cohort) return { ok: false, message: 'Ce registre ne coordonne pas de cohorte : commencez par « Configurer la coordination ».' };
    const now = new Date();
    const doc = cohortSummary({
      programme: ss.getName(), cohort: cohort.read.coordination.id, date: longDate('fr', now.toISOString()), members: cohort.active, definitions: cohort.definitions, figures: cohort.pooling.figures,
    });
    const fileName = `synthese-cohorte-${now.toISOString().slice(0, 10)}.html`;
    const hidden = doc.hidden.length ? ` Masqués (moins de 11 personnes dans chaque structure) : ${doc.hidden.map((h) => h.about).join(', ')}.` : '';
    logToJournal(ss, currentUser('sidebar'), 'cohort', `Synthèse de la cohorte générée pour les financeurs (${fileName}), à partir des chiffres mis en commun seulement.${hidden}`, tabs);
    return { ok: true, fileName, content: renderHtml(doc, MESSAGES.fr), message: `${fileName} prêt : la synthèse de la cohorte pour les financeurs, faite des seuls chiffres mis en commun (aucune structure nommée).` };
  });
}
