/**
 * The coordinator's side of the cohort operations, answered by the collector's doPost (and by a file import, which
 * makes the same checks): a member recognised by its secret either gets the shared set to adopt, or has its
 * publication checked (schema, outward gate, group labels) and written in « Agrégats reçus ». A wrong secret, another
 * cohort's code or a publication that fails a check writes nothing.
 */
import type { CohortAnswer, CohortRequest, PublishRequest, Receipt } from '../../../shared/cohort/protocol';
import { parseCohortRequest } from '../../../shared/cohort/protocol';
import { privacyProblems, receivePlan, segmentProblems, type StoredRow } from '../../../shared/cohort/receive';
import { memberStandings } from '../../../shared/cohort/members';
import { RECORD_LANG, termLabel } from '../../../shared/contract/words';
import type { TabRows } from '../../../shared/registry/validate';
import { logToJournal } from '../journal';
import { directFinder, replaceRecords, writeColumns, type CellValue, type TabFinder } from '../registry';
import { readTab } from '../registry-read';
import { registryLang, registrySpreadsheet, withWriteLock } from '../spreadsheet';
import { memberByToken, readMembers, statusWord, type Member } from './members';
import { readSharedSet, sharedSetForMember } from './shared-set';
import { coordination } from './state';
import { count } from '../../../shared/text/plural';

const UNAUTHORIZED: CohortAnswer = {
  ok: false,
  code: 'unauthorized',
  message: 'Code d’invitation refusé par la coordination : il a pu être renouvelé ou retiré. Demandez un nouveau code à la coordination. Rien n’a été enregistré.',
};

/** How a publication arrived, for the Journal: through the collector, or as a file the coordinator imported. */
export type Channel = 'collector' | 'file';

/** Answers a cohort request's body (the collector) or a publication file's content (an import). */
export function cohortAnswer(body: string, channel: Channel, who: string): CohortAnswer {
  const parsed = parseCohortRequest(body);
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
  const state = coordination();
  if (!state) return { ok: false, code: 'not_configured', message: 'Ce registre ne coordonne aucune cohorte : vérifiez l’adresse du code d’invitation. Rien n’a été enregistré.' };
  const request = parsed.value;
  if (request.cohort !== state.id || (request.op === 'cohort.publish' && request.publication.cohort !== state.id)) {
    return { ok: false, code: 'bad_request', message: `Ce code ou ce paquet est celui d’une autre cohorte que « ${state.id} » : rien n’a été enregistré.` };
  }
  if (channel === 'file' && request.op !== 'cohort.publish') return { ok: false, code: 'bad_request', message: 'Ce fichier n’est pas une publication : rien n’a été enregistré.' };
  return withWriteLock(() => answerFor(request, channel, who));
}

function answerFor(request: CohortRequest, channel: Channel, who: string): CohortAnswer {
  const ss = registrySpreadsheet();
  const tabs = directFinder(ss);
  const members = readMembers(tabs);
  const member = memberByToken(members, request.token);
  if (!member) return UNAUTHORIZED;
  const read = readSharedSet(tabs, registryLang());
  if (!read) return { ok: false, code: 'not_configured', message: 'Les onglets de la coordination manquent : relancez « Configurer la coordination ».' };
  const memberTab = tabs.tab('members')!;
  if (request.op === 'cohort.join') {
    if (read.definitions.length === 0) {
      return { ok: false, code: 'not_configured', message: 'La coordination n’a encore aucun indicateur partagé valide : réessayez quand elle aura rempli « Indicateurs partagés ».' };
    }
    writeColumns(memberTab, ['adoptedVersion', 'joinedAt', 'status'], member.row, [{
      adoptedVersion: read.coordination.setVersion,
      joinedAt: new Date(),
      status: member.status === 'upToDate' || member.status === 'late' ? String(member.cells['status']) : statusWord('joined'),
    }]);
    logToJournal(ss, termLabel('actor', 'collector', RECORD_LANG), 'cohort', `${member.code} (${member.name}) a adopté le jeu d’indicateurs partagés, version ${read.coordination.setVersion} : ${read.definitions.map((d) => `${d.code} v${d.version}`).join(', ')}.`, tabs);
    return { ok: true, code: 'ok', cohort: sharedSetForMember(read, ss.getName(), member.code) };
  }
  return receive(request, member, members, read, tabs, channel, who);
}

const seconds = (value: unknown): number => (Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).getTime() : Date.parse(String(value ?? '')));
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const cell = (x: number | null): CellValue => (x === null ? '' : x);

function storedRows(received: TabRows | undefined): StoredRow[] {
  return (received?.rows ?? [])
    .filter((r) => text(r.cells['member']) !== '')
    .map((r) => ({ row: r.row, member: text(r.cells['member']), period: text(r.cells['period']), publication: text(r.cells['publication']), generatedAt: seconds(r.cells['generatedAt']) }));
}

function receive(request: PublishRequest, member: Member, members: readonly Member[], read: NonNullable<ReturnType<typeof readSharedSet>>, tabs: TabFinder, channel: Channel, who: string): CohortAnswer {
  const ss = registrySpreadsheet();
  const publication = request.publication;
  const current = new Map(read.definitions.map((d) => [d.code, { version: d.version, indicator: d.indicator }]));
  const problems = [...privacyProblems(publication), ...segmentProblems(publication, current, read.registry.questions)];
  const from = channel === 'file' ? 'par fichier' : 'par le collecteur';
  if (problems.length > 0) {
    const message = `Publication de ${member.code} refusée : ${problems.join(' ; ')}. Rien n’a été enregistré.`;
    logToJournal(ss, who, 'publication', `${message} (reçue ${from})`, tabs);
    return { ok: false, code: 'bad_request', message };
  }
  const received = readTab(tabs, 'receivedAggregates');
  const tab = tabs.tab('receivedAggregates');
  if (!received || !tab) return { ok: false, code: 'not_configured', message: 'L’onglet « Agrégats reçus » manque : relancez « Configurer la coordination ».' };
  const stored = storedRows(received);
  const plan = receivePlan(stored, member.code, publication);
  const receipt: Receipt = { publication: publication.id, member: member.code, written: plan.rows.length, replaced: plan.replaced.length, duplicate: plan.duplicate, keptNewer: plan.keptNewer };
  if (plan.duplicate) return { ok: true, code: 'ok', message: `Publication déjà reçue de ${member.code} : rien n’a changé.`, receipt };

  const now = new Date();
  const generatedAt = new Date(publication.generatedAt);
  const records = plan.rows.map((r): Record<string, CellValue> => ({
    member: member.code, indicator: r.indicator, version: r.version, definition: r.definition, period: r.period, before: r.before ?? '',
    segment: r.segment ? `${r.segment.column} = ${r.segment.value}` : '', measure: termLabel('measure', r.measure, RECORD_LANG),
    changeKind: r.changeKind ? termLabel('changeKind', r.changeKind, RECORD_LANG) : '',
    suppressed: r.hidden ? '< 11' : '', n: cell(r.n), k: cell(r.k), value: cell(r.value), low: cell(r.low), high: cell(r.high), sum: cell(r.sum),
    sumSquares: cell(r.sumSquares), distribution: r.distribution ? r.distribution.join(' | ') : '', improved: cell(r.improved), stable: cell(r.stable),
    worse: cell(r.worse), proxyShare: r.proxyShare === null ? '' : r.proxyShare, responseRate: r.responseRate === null ? '' : r.responseRate,
    publication: publication.id, generatedAt, receivedAt: now,
  }));
  replaceRecords(tab, plan.replaced, records);

  // Where every member stands now (the periods each published), in the columns Repère keeps in « Membres ».
  const replacedRows = new Set(plan.replaced);
  const after = [
    ...stored.filter((s) => !replacedRows.has(s.row)).map((s) => ({ member: s.member, period: s.period, receivedAt: receivedAtOf(received, s.row) })),
    ...plan.rows.map((r) => ({ member: member.code, period: r.period, receivedAt: now.getTime() })),
  ];
  writeStandings(tabs, members, after);

  const hidden = plan.rows.filter((r) => r.hidden).length;
  const periods = [...new Set(plan.rows.map((r) => r.period))];
  logToJournal(ss, who, 'publication',
    `Publication de ${member.code} reçue ${from} (préparée le ${publication.generatedAt.slice(0, 16).replace('T', ' ')}, ${publication.id.slice(0, 12)}) : ` +
    `${count(plan.rows.length, 'ligne', 'lignes')}${periods.length ? ` pour ${periods.join(', ')}` : ''}, dont ${count(hidden, 'masquée', 'masquées')} (< 11) ; ${count(plan.replaced.length, 'ligne d’une publication précédente remplacée', 'lignes d’une publication précédente remplacées')}.` +
    (plan.keptNewer.length ? ` Périodes laissées telles quelles (une publication plus récente les couvre) : ${plan.keptNewer.join(', ')}.` : ''), tabs);
  const kept = plan.keptNewer.length ? ` ${plan.keptNewer.join(', ')} : une publication plus récente était déjà là, gardée.` : '';
  return { ok: true, code: 'ok', message: `Publication reçue par la coordination : ${count(plan.rows.length, 'ligne enregistrée', 'lignes enregistrées')}, dont ${count(hidden, 'masquée', 'masquées')}.${kept}`, receipt };
}

function receivedAtOf(received: TabRows, row: number): number {
  return seconds(received.rows.find((r) => r.row === row)?.cells['receivedAt']);
}

/** The members' status, periods published, last publication and periods to remind, in one write per column run. */
export function writeStandings(tabs: TabFinder, members: readonly Member[], published: ReadonlyArray<{ member: string; period: string; receivedAt: number }>): void {
  const tab = tabs.tab('members');
  if (!tab || members.length === 0) return;
  const standings = memberStandings(
    members.map((m) => ({ code: m.code, active: m.secretHash.length === 64, joined: text(m.cells['joinedAt']) !== '' })),
    published,
  );
  const byRow = new Map(members.map((m, i) => [m.row, standings[i]!]));
  const first = Math.min(...members.map((m) => m.row));
  const lastRow = Math.max(...members.map((m) => m.row));
  const records: Array<Record<string, CellValue>> = [];
  for (let row = first; row <= lastRow; row++) {
    const s = byRow.get(row);
    const old = members.find((m) => m.row === row)?.cells ?? {};
    records.push(s
      ? { lastPublication: s.lastPublication === null ? '' : new Date(s.lastPublication), periods: s.periods.join(', '), status: statusWord(s.status), late: s.late.join(', ') }
      : { lastPublication: old['lastPublication'] as CellValue ?? '', periods: text(old['periods']), status: text(old['status']), late: text(old['late']) });
  }
  writeColumns(tab, ['lastPublication', 'periods', 'status', 'late'], first, records, lastRow);
}
