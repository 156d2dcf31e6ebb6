/**
 * The coordinator's shared indicator set, read from « Indicateurs partagés » and checked like « Indicateurs » (against
 * the coordinator's own Changements, Enquêtes and Questions). Reading it keeps the versions: a definition whose
 * fingerprint changed gets the next version, written back in its row, and the set's version goes up. Every reader
 * (an invitation, a member joining, a publication arriving, the cohort's computation) holds the write lock.
 */
import { ADOPTED_COLUMNS, definitionFingerprint, nextVersions, withVersions } from '../../../shared/cohort/definition';
import type { Cells, SharedSet } from '../../../shared/cohort/protocol';
import type { Lang } from '../../../shared/contract/words';
import type { Indicator, Registry } from '../../../shared/registry/model';
import { validateRegistry, type Problem, type TabRows } from '../../../shared/registry/validate';
import { fold } from '../../../shared/text/fold';
import { updateRecord, type TabFinder } from '../registry';
import { readTab } from '../registry-read';
import { coordination, saveCoordination, type Coordination } from './state';

export interface SharedDefinition {
  code: string;
  version: number;
  fingerprint: string;
  indicator: Indicator;
  /** The row's cells by column key, as the coordinator wrote them. */
  cells: Record<string, unknown>;
}

export interface SharedSetRead {
  coordination: Coordination;
  definitions: SharedDefinition[];
  /** The coordinator's registry as checked (its questions are the shared definitions' questions). */
  registry: Registry;
  /** Problems of « Indicateurs partagés » only: a definition with an error is not part of the set. */
  problems: Problem[];
  /** The rows of the tabs the definitions rely on, for a member to adopt. */
  rows: { outcomes: TabRows | undefined; surveys: TabRows | undefined; questions: TabRows | undefined };
}

const numberOf = (v: unknown): number | null => (typeof v === 'number' ? v : /^\s*\d+\s*$/.test(String(v ?? '')) ? Number(v) : null);

export function readSharedSet(tabs: TabFinder, lang: Lang): SharedSetRead | null {
  const state = coordination();
  const shared = readTab(tabs, 'sharedIndicators');
  if (!state || !shared) return null;
  const rows = { outcomes: readTab(tabs, 'outcomes'), surveys: readTab(tabs, 'surveys'), questions: readTab(tabs, 'questions') };
  const { registry, problems } = validateRegistry({ lang, ...rows, indicators: shared });
  const cellsByRow = new Map(shared.rows.map((r) => [r.row, r.cells]));
  const versions = nextVersions(
    registry.indicators.map((indicator) => {
      const cells = cellsByRow.get(indicator.row)!;
      return { row: indicator.row, code: indicator.code, version: numberOf(cells['version']), fingerprint: String(cells['fingerprint'] ?? '').trim(), current: definitionFingerprint(indicator, registry.questions) };
    }),
  );
  const tab = tabs.tab('sharedIndicators')!;
  for (const v of versions) if (v.changed) updateRecord(tab, v.row, { version: v.version, fingerprint: v.fingerprint });
  const setPrint = versions.map((v) => `${v.code}:${v.version}`).sort().join(',');
  const next: Coordination = { ...state, history: withVersions(state.history ?? {}, versions) };
  if (setPrint !== state.setPrint) {
    next.setVersion = state.setPrint === '' ? 1 : state.setVersion + 1;
    next.setPrint = setPrint;
  }
  if (JSON.stringify(next) !== JSON.stringify(state)) saveCoordination(next);
  const byRow = new Map(versions.map((v) => [v.row, v]));
  return {
    coordination: next,
    definitions: registry.indicators.map((indicator) => {
      const v = byRow.get(indicator.row)!;
      return { code: indicator.code, version: v.version, fingerprint: v.fingerprint, indicator, cells: cellsByRow.get(indicator.row)! };
    }),
    registry,
    problems: problems.filter((p) => p.tab === shared.tab),
    rows,
  };
}

/** A cell as it travels: text, number or yes/no (a date as its ISO day). */
function travelling(value: unknown): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString().slice(0, 10);
  return value === null || value === undefined ? '' : String(value);
}

function pick(cells: Record<string, unknown>, keys: readonly string[]): Cells {
  return Object.fromEntries(keys.map((k) => [k, travelling(cells[k])]));
}

/**
 * What a member adopts: every definition with its version, the questions of the surveys they read (the cohort's
 * questionnaire, scales included), those surveys and the changes aimed for the definitions name.
 */
export function sharedSetForMember(read: SharedSetRead, name: string, member: string): SharedSet {
  const surveys = new Set(read.definitions.flatMap((d) => (d.indicator.source.type === 'survey' ? [fold(d.indicator.source.survey)] : [])));
  const outcomes = new Set(read.definitions.map((d) => fold(d.indicator.outcome)));
  const rowsOf = (tab: TabRows | undefined, keep: (cells: Record<string, unknown>) => boolean, keys: readonly string[]) =>
    (tab?.rows ?? []).filter((r) => keep(r.cells)).map((r) => pick(r.cells, keys));
  return {
    id: read.coordination.id,
    name,
    setVersion: read.coordination.setVersion,
    member,
    outcomes: rowsOf(read.rows.outcomes, (c) => outcomes.has(fold(String(c['id'] ?? ''))), ADOPTED_COLUMNS.outcomes),
    surveys: rowsOf(read.rows.surveys, (c) => surveys.has(fold(String(c['id'] ?? ''))), ADOPTED_COLUMNS.surveys),
    questions: rowsOf(read.rows.questions, (c) => surveys.has(fold(String(c['survey'] ?? ''))), ADOPTED_COLUMNS.questions),
    indicators: read.definitions.map((d) => ({ version: d.version, fingerprint: d.fingerprint, cells: pick(d.cells, ADOPTED_COLUMNS.indicators) })),
  };
}
