/**
 * The « Échanges » and « Thèmes » functions the sidebar (and the `repere` command) call: the codebook with its exchange
 * GUIDs (given at the first export and kept), the observations an exchange file may hold (the outward gate decides,
 * here, before anything crosses to the client), the figures an impact data export may hold, codebooks and codings
 * brought back from other tools, and bulk re-tagging. Files are written and read where the person is (sidebar or
 * CLI), never here: this side hands over and takes plain data.
 */
import { Codebook } from '../../shared/codebook/codebook';
import { termLabel, type Audience } from '../../shared/contract/words';
import { codebookPlanSummary, looseCodesMessage, planCodebookImport, type CodebookPlan } from '../../shared/exchange/codebook-import';
import type { RefiCode } from '../../shared/exchange/refi-qda/codebook';
import { codingsPlanSummary, planCodingsImport } from '../../shared/exchange/refi-qda/codings-import';
import type { ExchangeObservation } from '../../shared/exchange/refi-qda/from-registry';
import type { CodedSource } from '../../shared/exchange/refi-qda/project';
import { computeIndicators } from '../../shared/indicators/compute';
import { exchangeMayHold, outwardFigures, type OutwardView } from '../../shared/outward/gate';
import type { Indicator, Outcome, Theme } from '../../shared/registry/model';
import { fold } from '../../shared/text/fold';
import { readAnswers, readObservationRecords, type ObservationRecord } from './compute-read';
import { logToJournal } from './journal';
import { appendRecords, directFinder, updateRecord, type TabFinder } from './registry';
import { readRegistry } from './registry-read';
import { currentUser, registryLang, registrySpreadsheet, underLock, type Failure, type Spreadsheet } from './spreadsheet';
import { count } from '../../shared/text/plural';

const NOT_SET_UP: Failure = { ok: false, message: 'Le registre n’est pas encore configuré : commencez par « Configurer ».' };
const NO_THEMES_TAB: Failure = { ok: false, message: 'Ce registre n’a pas encore d’onglet « Thèmes » : relancez « Configurer » (sans risque : il n’ajoute que ce qui manque).' };
const AUDIENCES: readonly Audience[] = ['team', 'funders', 'public'];

function audienceOf(value: unknown): Audience | null {
  return AUDIENCES.find((a) => a === value) ?? null;
}

const BAD_AUDIENCE: Failure = { ok: false, message: 'Choisissez pour qui est le fichier : financeurs, public, ou usage interne.' };

export interface CodebookData {
  ok: true;
  registryName: string;
  outcomes: Outcome[];
  themes: Theme[];
}

/** The registry's codebook, each code with its exchange GUID: those still without one get it now, written once. */
function codebookWithGuids(ss: Spreadsheet, tabs: TabFinder): CodebookData | Failure {
  const { registry } = readRegistry(ss, registryLang(), tabs);
  const outcomesTab = tabs.tab('outcomes');
  if (!outcomesTab) return NOT_SET_UP;
  const themesTab = tabs.tab('themes');
  if (!outcomesTab.columns.has('guid') || !themesTab) return NO_THEMES_TAB;
  const give = <T extends { guid: string; row: number }>(items: T[], tab: typeof outcomesTab | null): T[] =>
    items.map((item) => {
      if (item.guid || !tab || !tab.columns.has('guid')) return item;
      const guid = Utilities.getUuid().toUpperCase();
      updateRecord(tab, item.row, { guid });
      return { ...item, guid };
    });
  return { ok: true, registryName: ss.getName(), outcomes: give(registry.outcomes, outcomesTab), themes: give(registry.themes, themesTab) };
}

export interface ExchangeSetup {
  ok: true;
  registryName: string;
  outcomes: Array<{ id: string; label: string }>;
  themes: number;
  observations: number;
}

/** What the « Échanges » panel offers: the outcomes (to attach imported codes to) and what there is to export. */
export function getExchangeSetup(): ExchangeSetup | Failure {
  const ss = registrySpreadsheet();
  const tabs = directFinder(ss);
  if (!tabs.tab('indicators')) return NOT_SET_UP;
  const { registry } = readRegistry(ss, registryLang(), tabs);
  return {
    ok: true,
    registryName: ss.getName(),
    outcomes: registry.outcomes.map((o) => ({ id: o.id, label: o.change })),
    themes: registry.themes.length,
    observations: readObservationRecords(tabs).length,
  };
}

/** The codebook for a .qdc (or Taguette CSV) export. */
export function prepareCodebookExport(): CodebookData | Failure {
  return underLock(() => {
    const ss = registrySpreadsheet();
    const data = codebookWithGuids(ss, directFinder(ss));
    if (data.ok) logToJournal(ss, currentUser('sidebar'), 'exchange', `Livre de codes exporté : ${count(data.outcomes.length, 'changement visé', 'changements visés')}, ${count(data.themes.length, 'thème', 'thèmes')}.`);
    return data;
  });
}

export interface ProjectData extends CodebookData {
  audience: Audience;
  observations: ExchangeObservation[];
  /** Observations the audience may not receive: left out here, counted on the file. */
  withheld: number;
}

const exchangeObservation = (o: ObservationRecord): ExchangeObservation => ({
  id: o.id, kind: o.kind, text: o.text, note: o.note, createdAt: o.createdAt, factDate: o.factDate, tags: [...o.tags],
  consent: o.consent, scope: o.scope, personId: o.personId, stakeholder: o.stakeholder,
});

/** The codebook and the observations an audience may receive, for a .qdpx project. */
export function prepareProjectExport(request: { audience: Audience }): ProjectData | Failure {
  const audience = audienceOf(request?.audience);
  if (!audience) return BAD_AUDIENCE;
  return underLock(() => {
    const ss = registrySpreadsheet();
    const tabs = directFinder(ss);
    const codebook = codebookWithGuids(ss, tabs);
    if (!codebook.ok) return codebook;
    const all = readObservationRecords(tabs);
    const observations = all.filter((o) => exchangeMayHold(o.consent, o.scope, audience)).map(exchangeObservation);
    const withheld = all.length - observations.length;
    logToJournal(ss, currentUser('sidebar'), 'exchange',
      `Projet REFI-QDA (.qdpx) préparé pour ${audience === 'team' ? 'un usage interne' : termLabel('audience', audience, 'fr')} : ${count(observations.length, 'observation', 'observations')}` +
      (withheld > 0 ? `, ${count(withheld, 'laissée', 'laissées')} de côté (consentement ou usage).` : '.'));
    return { ...codebook, audience, observations, withheld };
  });
}

export interface CidsData extends CodebookData {
  indicators: Indicator[];
  view: OutwardView;
}

/** The impact model and the figures an audience may see, through the outward gate, for a CIDS export. */
export function prepareCidsExport(request: { audience: Audience }): CidsData | Failure {
  const audience = audienceOf(request?.audience);
  if (!audience || audience === 'team') return { ok: false, message: 'Un export CIDS sort de la structure : choisissez financeurs ou public.' };
  return underLock(() => {
    const ss = registrySpreadsheet();
    const tabs = directFinder(ss);
    const codebook = codebookWithGuids(ss, tabs);
    if (!codebook.ok) return codebook;
    const { registry } = readRegistry(ss, registryLang(), tabs);
    const result = computeIndicators({ ...registry, answers: readAnswers(tabs, registry.surveys, registry.questions), observations: readObservationRecords(tabs) });
    const minN = new Map(registry.indicators.map((i) => [i.code, i.minN]));
    const view = outwardFigures(result.values.filter((r) => r.segment === ''), audience, (code) => minN.get(code) ?? 0);
    logToJournal(ss, currentUser('sidebar'), 'exchange',
      `Données d’impact CIDS préparées pour ${view.audienceLabel} : ${count(registry.indicators.length, 'indicateur', 'indicateurs')}, ${count(view.figures.length - view.hidden.length, 'valeur', 'valeurs')}` +
      (view.hidden.length > 0 ? `, ${count(view.hidden.length, 'masquée', 'masquées')} (${view.hidden.map((h) => `${h.indicator} ${h.period}`).join(', ')} : moins de ${view.threshold} personnes ou calculable par différence).` : '.'));
    return { ...codebook, indicators: registry.indicators, view };
  });
}

/** Writes a codebook plan: its new themes appended, the GUIDs it takes from the file filled in. */
function applyCodebookPlan(ss: Spreadsheet, tabs: TabFinder, plan: CodebookPlan, registryRows: { outcomes: Outcome[]; themes: Theme[] }): void {
  const themesTab = tabs.tab('themes')!;
  appendRecords(themesTab, plan.themes.map((t) => ({ id: t.id, outcome: t.outcome, label: t.label, description: t.description, colour: t.colour, guid: t.guid })));
  for (const fill of plan.guids) {
    const tab = tabs.tab(fill.kind === 'outcome' ? 'outcomes' : 'themes');
    const row = (fill.kind === 'outcome' ? registryRows.outcomes : registryRows.themes).find((c) => c.id === fill.id)?.row;
    if (tab && row) updateRecord(tab, row, { guid: fill.guid });
  }
}

export interface ImportResult {
  ok: true;
  summary: string;
}

/** Why an import wrote nothing, with the codes that need an outcome when that is the reason. */
export type ImportRefusal = Failure & { loose?: string[] };

function registryForImport(ss: Spreadsheet, tabs: TabFinder, looseOutcome: string | undefined) {
  const { registry } = readRegistry(ss, registryLang(), tabs);
  if (!tabs.tab('themes')) return NO_THEMES_TAB;
  if (looseOutcome && !registry.outcomes.some((o) => fold(o.id) === fold(looseOutcome))) {
    return { ok: false as const, message: `Changement « ${looseOutcome} » absent de l’onglet Changements : choisissez-en un dans la liste.` };
  }
  return { ok: true as const, registry, codebook: new Codebook(registry.outcomes, registry.themes) };
}

/** A codebook from another tool (.qdc, Taguette's CSV) becomes themes; nothing is written while codes wait for an outcome. */
export function importCodebook(request: { codes: RefiCode[]; looseOutcome?: string; file?: string }): ImportResult | ImportRefusal {
  if (!Array.isArray(request?.codes) || request.codes.length === 0) return { ok: false, message: 'Ce fichier ne contient aucun code.' };
  return underLock((): ImportResult | ImportRefusal => {
    const ss = registrySpreadsheet();
    const tabs = directFinder(ss);
    const read = registryForImport(ss, tabs, request.looseOutcome);
    if (!read.ok) return read;
    const plan = planCodebookImport(request.codes, read.codebook, request.looseOutcome || undefined);
    if (plan.loose.length > 0) return { ok: false, message: looseCodesMessage(plan.loose), loose: plan.loose };
    applyCodebookPlan(ss, tabs, plan, read.registry);
    const summary = `Livre de codes${request.file ? ` « ${request.file} »` : ''} importé : ${codebookPlanSummary(plan)}`;
    logToJournal(ss, currentUser('sidebar'), 'themes', summary);
    return { ok: true, summary };
  });
}

/** Writes one observation's tags, as the ids of its codes and its free tags, comma-separated. */
function writeTags(tabs: TabFinder, row: number, tags: readonly string[]): void {
  updateRecord(tabs.tab('observations')!, row, { tags: tags.join(', ') });
}

/** The codings of a project coded elsewhere, back onto the observations Repère exported (by their ids). */
export function importCodings(request: { codes: RefiCode[]; sources: CodedSource[]; origin?: string; looseOutcome?: string; file?: string }): ImportResult | ImportRefusal {
  if (!Array.isArray(request?.sources) || !Array.isArray(request.codes)) return { ok: false, message: 'Ce projet ne contient ni codes ni sources.' };
  return underLock((): ImportResult | ImportRefusal => {
    const ss = registrySpreadsheet();
    const tabs = directFinder(ss);
    const read = registryForImport(ss, tabs, request.looseOutcome);
    if (!read.ok) return read;
    const observations = readObservationRecords(tabs);
    const plan = planCodingsImport({ ok: true, origin: request.origin ?? '', codes: request.codes, sources: request.sources }, read.codebook, observations, request.looseOutcome || undefined);
    if (plan.codebook.loose.length > 0) return { ok: false, message: looseCodesMessage(plan.codebook.loose), loose: plan.codebook.loose };
    applyCodebookPlan(ss, tabs, plan.codebook, read.registry);
    const byId = new Map(observations.map((o) => [o.id, o]));
    for (const { id, tags } of plan.additions) {
      const o = byId.get(id)!;
      writeTags(tabs, o.row, [...o.tags, ...tags]);
    }
    const themes = plan.codebook.themes.length > 0 ? ` ${codebookPlanSummary(plan.codebook)}` : '';
    const summary = `Codages${request.file ? ` du projet « ${request.file} »` : ''}${request.origin ? ` (${request.origin})` : ''} : ${codingsPlanSummary(plan)}${themes}`;
    logToJournal(ss, currentUser('sidebar'), 'themes', summary);
    return { ok: true, summary };
  });
}

export interface TaggingList {
  ok: true;
  codes: Array<{ id: string; label: string; kind: 'outcome' | 'theme'; outcome: string }>;
  observations: Array<{ id: string; date: string; kind: string; text: string; tags: string[]; personId: string | null }>;
}

const EXCERPT = 280;

/** The observations with their themes, for re-tagging in bulk in the sidebar (texts cut to an excerpt). */
export function getObservationsForTagging(): TaggingList | Failure {
  const ss = registrySpreadsheet();
  const tabs = directFinder(ss);
  if (!tabs.tab('observations')) return NOT_SET_UP;
  const { registry } = readRegistry(ss, registryLang(), tabs);
  const codebook = new Codebook(registry.outcomes, registry.themes);
  return {
    ok: true,
    codes: codebook.codes.map((c) => ({ id: c.id, label: c.label, kind: c.kind, outcome: c.outcome })),
    observations: readObservationRecords(tabs).map((o) => ({
      id: o.id, date: (o.factDate || o.createdAt).slice(0, 10), kind: termLabel('observationKind', o.kind, 'fr'),
      text: o.text.length > EXCERPT ? `${o.text.slice(0, EXCERPT)}…` : o.text, tags: [...o.tags], personId: o.personId,
    })),
  };
}

/**
 * Adds and removes themes on the chosen observations, in one go. A theme named by its label or its id is the same
 * theme: removing « T1 » also removes a tag written « Rompre l’isolement ».
 */
export function retagObservations(request: { ids: string[]; add?: string[]; remove?: string[] }): ImportResult | Failure {
  const ids = new Set(Array.isArray(request?.ids) ? request.ids : []);
  const add = (request?.add ?? []).map((t) => String(t).trim()).filter(Boolean);
  const remove = (request?.remove ?? []).map((t) => String(t).trim()).filter(Boolean);
  if (ids.size === 0) return { ok: false, message: 'Cochez d’abord les observations à étiqueter.' };
  if (add.length === 0 && remove.length === 0) return { ok: false, message: 'Choisissez un thème à ajouter ou à retirer.' };
  if (add.some((t) => t.includes(','))) return { ok: false, message: 'Un thème ne peut pas contenir de virgule : les thèmes d’une observation sont séparés par des virgules.' };
  return underLock((): ImportResult | Failure => {
    const ss = registrySpreadsheet();
    const tabs = directFinder(ss);
    const { registry } = readRegistry(ss, registryLang(), tabs);
    const codebook = new Codebook(registry.outcomes, registry.themes);
    const key = (tag: string) => fold(codebook.codeOf(tag)?.id ?? tag);
    const adding = add.map((t) => codebook.codeOf(t)?.id ?? t);
    const removing = new Set(remove.map(key));
    let changed = 0;
    for (const o of readObservationRecords(tabs)) {
      if (!ids.has(o.id)) continue;
      const kept = o.tags.filter((t) => !removing.has(key(t)));
      const present = new Set(kept.map(key));
      const tags = [...kept, ...adding.filter((t) => !present.has(key(t)) && present.add(key(t)))];
      if (tags.join('\u0000') === o.tags.join('\u0000')) continue;
      writeTags(tabs, o.row, tags);
      changed++;
    }
    const what = [adding.length > 0 ? `ajout de ${adding.join(', ')}` : '', remove.length > 0 ? `retrait de ${remove.join(', ')}` : ''].filter(Boolean).join(' et ');
    const summary = `${changed} observation${changed > 1 ? 's' : ''} sur ${ids.size} réétiquetée${changed > 1 ? 's' : ''} (${what}).`;
    if (changed > 0) logToJournal(ss, currentUser('sidebar'), 'themes', summary);
    return { ok: true, summary };
  });
}
