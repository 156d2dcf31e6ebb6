/**
 * The cohort's shared indicator set: what a definition is (the indicator and the questions it reads, as the registry's
 * model has them once checked), its fingerprint, and its version. The coordinator writes the definitions in
 * « Indicateurs partagés »; Repère raises a definition's version whenever its fingerprint changes, so that figures
 * computed with different definitions are never pooled. A member adopting the set copies the definitions with the
 * cohort's id and version; the fingerprint shows, at publication and at reception, that nobody changed them since.
 */
import type { Indicator, Question } from '../registry/model';
import { fold } from '../text/fold';
import { sha256Hex } from '../crypto/sha256';

/** Hexadecimal digits of a definition's fingerprint: enough to tell definitions apart, short enough to read. */
export const FINGERPRINT_LENGTH = 16;
export const FINGERPRINT = /^[0-9a-f]{16}$/;

/** Everything that changes what a definition counts, whatever the registry's language or the indicator's wording. */
function definitionOf(indicator: Indicator, questions: readonly Question[]): unknown {
  const source = indicator.source;
  const used = source.type === 'survey' ? new Set(source.questions.map(fold)) : new Set<string>();
  const asked = questions
    .filter((q) => source.type === 'survey' && fold(q.survey) === fold(source.survey) && used.has(fold(q.key)))
    .map((q) => ({ key: fold(q.key), label: q.label.trim(), type: q.type, levels: q.levels, nonAnswers: q.nonAnswers ?? [], scale: fold(q.scale), reversed: q.reversed, waves: q.waves }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    kind: indicator.kind,
    method: indicator.method,
    source: source.type === 'survey' ? { type: 'survey', questions: source.questions.map(fold) } : source.type === 'observations' ? { type: 'observations', tags: source.tags.map(fold) } : { type: 'manual' },
    condition: indicator.condition,
    unit: indicator.unit.trim(),
    direction: indicator.direction,
    granularity: indicator.granularity,
    disaggregation: indicator.disaggregation.map(fold),
    minN: indicator.minN,
    respondentRule: indicator.respondentRule,
    questions: asked,
  };
}

/**
 * A definition's fingerprint: what it counts (method, condition, unit, periods, breakdowns, who may answer) and how
 * its questions are asked (wording, type, answers). Its name, notes, survey id and targets are not part of it.
 */
export function definitionFingerprint(indicator: Indicator, questions: readonly Question[]): string {
  return sha256Hex(JSON.stringify(definitionOf(indicator, questions))).slice(0, FINGERPRINT_LENGTH);
}

/** A row of « Indicateurs partagés » as found: its version and fingerprint cells, and the fingerprint it has now. */
export interface VersionedRow {
  row: number;
  code: string;
  version: number | null;
  fingerprint: string;
  current: string;
}

/**
 * The version each definition has now, and the rows whose version or fingerprint cell must be written: a new
 * definition starts at 1 (or at the version typed), a changed one goes up by one.
 */
export function nextVersions(rows: readonly VersionedRow[]): Array<{ row: number; code: string; version: number; fingerprint: string; changed: boolean }> {
  return rows.map((r) => {
    const typed = r.version !== null && Number.isInteger(r.version) && r.version >= 1 ? r.version : null;
    if (r.fingerprint === r.current && typed !== null) return { row: r.row, code: r.code, version: typed, fingerprint: r.current, changed: false };
    if (r.fingerprint === '' || typed === null) return { row: r.row, code: r.code, version: typed ?? 1, fingerprint: r.current, changed: true };
    return { row: r.row, code: r.code, version: typed + 1, fingerprint: r.current, changed: true };
  });
}

/** Per shared indicator code, per version, the fingerprint that version had: the coordinator's memory of the set. */
export type VersionHistory = Record<string, Record<string, string>>;

/** The history with the versions of now added (a version's fingerprint, once known, is kept). */
export function withVersions(history: VersionHistory, versions: ReadonlyArray<{ code: string; version: number; fingerprint: string }>): VersionHistory {
  const next: VersionHistory = {};
  for (const [code, byVersion] of Object.entries(history)) next[code] = { ...byVersion };
  for (const v of versions) (next[v.code] ??= {})[String(v.version)] ??= v.fingerprint;
  return next;
}

/** The columns of each definition tab a member copies: what defines the measure, never the coordinator's targets. */
export const ADOPTED_COLUMNS = {
  outcomes: ['id', 'stakeholder', 'change', 'level'],
  surveys: ['id', 'name'],
  questions: ['survey', 'key', 'label', 'type', 'levels', 'scale', 'reversed', 'waves'],
  indicators: [
    'code', 'name', 'outcome', 'kind', 'method', 'sourceType', 'survey', 'questions', 'tags', 'condition', 'unit', 'direction', 'granularity',
    'disaggregation', 'minN', 'respondentRule', 'irisPlus', 'note',
  ],
} as const;
