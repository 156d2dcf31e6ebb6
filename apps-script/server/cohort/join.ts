/**
 * A member joins a cohort with its invitation code: it asks the coordinator's collector for the shared set (the secret
 * in the body), then adopts it in its own registry (shared/cohort/adopt.ts plans the rows) and remembers the cohort.
 * Nothing is written when the coordinator refuses the code or cannot be reached. Joining again with the same code
 * brings the definitions up to the coordinator's current versions.
 */
import { adoptionSummary, planAdoption } from '../../../shared/cohort/adopt';
import { definitionFingerprint } from '../../../shared/cohort/definition';
import { parseInvitationCode } from '../../../shared/cohort/invitation';
import { PROTOCOL_VERSION } from '../../../shared/protocol/endpoint';
import type { SharedSet } from '../../../shared/cohort/protocol';
import { fold } from '../../../shared/text/fold';
import { logToJournal } from '../journal';
import { appendRecords, directFinder, findTab, writeRecords, type CellValue } from '../registry';
import { readRegistry, readTab } from '../registry-read';
import { setupRegistry } from '../setup';
import { currentUser, registryLang, registrySpreadsheet, underLock, type Failure } from '../spreadsheet';
import { postToCoordinator } from './fetch';
import { coordination, saveMemberSecret, saveMembership } from './state';

export type JoinResult = { ok: true; summary: string; member: string; cohort: string; warnings: string[] } | Failure;

export function joinCohort(code: string): JoinResult {
  const invitation = parseInvitationCode(String(code ?? ''));
  if (!invitation.ok) return { ok: false, message: invitation.message };
  if (coordination()) return { ok: false, message: 'Ce registre coordonne une cohorte : il ne peut pas en être membre. Rejoignez la cohorte depuis le registre de la structure.' };
  const { collector, cohortId, secret } = invitation.value;
  const reply = postToCoordinator(collector, JSON.stringify({ v: PROTOCOL_VERSION, op: 'cohort.join', token: secret, cohort: cohortId }));
  if (!reply.ok) return reply;
  const set = reply.answer.cohort;
  if (!reply.answer.ok || !set) return { ok: false, message: reply.answer.message ?? 'La coordination a refusé la demande.' };
  if (set.id !== cohortId) return { ok: false, message: 'La coordination a répondu pour une autre cohorte que celle du code : rien n’a été adopté.' };
  return underLock(() => adopt(set, collector, secret));
}

function adopt(set: SharedSet, collector: string, secret: string): JoinResult {
  const ss = registrySpreadsheet();
  const lang = registryLang();
  const who = currentUser('sidebar');
  if (!findTab(ss, 'indicators')) setupRegistry(ss, lang, who);
  const tabs = directFinder(ss);
  const { registry } = readRegistry(ss, lang, tabs);
  const fingerprints = new Map(registry.indicators.map((i) => [i.row, definitionFingerprint(i, registry.questions)]));
  const rows = { outcomes: readTab(tabs, 'outcomes'), surveys: readTab(tabs, 'surveys'), questions: readTab(tabs, 'questions'), indicators: readTab(tabs, 'indicators') };
  const plan = planAdoption(set, rows, fingerprints, lang);
  for (const part of ['outcomes', 'surveys', 'questions', 'indicators'] as const) {
    const tab = tabs.tab(part);
    if (!tab) continue;
    const current = new Map((rows[part]?.rows ?? []).map((r) => [r.row, r.cells]));
    // An updated row is written whole, one write per row: its other known cells as they were.
    for (const update of plan.updates[part]) writeRecords(tab, update.row, [{ ...(current.get(update.row) as Record<string, CellValue>), ...update.cells }]);
    appendRecords(tab, plan.appends[part]);
  }
  // The definitions as the registry now reads them must be the shared ones: otherwise they are not published.
  const after = readRegistry(ss, lang, directFinder(ss)).registry;
  const warnings: string[] = [];
  for (const [shared, adopted] of Object.entries(plan.adopted)) {
    const indicator = after.indicators.find((i) => fold(i.code) === fold(adopted.code));
    if (!indicator) warnings.push(`${adopted.code} : la définition adoptée a une erreur dans l’onglet Indicateurs (lancez « Vérifier ») ; elle ne sera pas publiée.`);
    else if (definitionFingerprint(indicator, after.questions) !== adopted.fingerprint) {
      warnings.push(`${adopted.code} (${shared}) : une question ou une échelle du registre diffère encore de la définition partagée ; ce chiffre ne sera pas publié.`);
    }
  }
  saveMembership({ id: set.id, name: set.name, collector, member: set.member, setVersion: set.setVersion, adopted: plan.adopted, joinedAt: new Date().toISOString() });
  saveMemberSecret(set.id, secret);
  const summary = adoptionSummary(set, plan);
  logToJournal(ss, who, 'cohort', `${summary} Collecteur de la coordination : ${collector}.${warnings.length ? ` ${warnings.join(' ')}` : ''}`);
  return { ok: true, summary, member: set.member, cohort: set.name, warnings };
}
