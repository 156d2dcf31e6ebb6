/**
 * A survey's answers read once, column by column: each question's cells coded once (shared by every indicator that
 * reads it) into an Int32Array of coding ids, each scale scored once per distinct combination of item codings, and
 * periods, segments, paradata and respondent types turned into small integer ids, so that computing forty
 * indicators costs little more than reading the sheet.
 */
import type { Indicator } from '../registry/model';
import type { CodedColumn, QuestionCoder, ScaleScorer } from './answers';
import type { AnswerRow } from './model';
import { periodOf } from './periods';

export const UNKNOWN_SEGMENT = 'non renseigné';

/** Row → id of its group (-1: none), and the label of each id. */
export interface Groups {
  ids: Int32Array;
  labels: string[];
}

/** Respondent type codes of `SurveyColumns.types`. */
export const TYPE_OTHER = 0;
export const TYPE_PROXY = 1;
export const TYPE_NULL = 2;

/**
 * Rows that share a period, a segment in each breakdown, an interviewer, a mode and a respondent type form one class:
 * an indicator can count its answers per class and coding, then spread the counts over its cells once per class.
 */
export interface RowClasses {
  /** Row → class. */
  ids: Int32Array;
  count: number;
  /** Per class: period id (-1: none), segment id in each breakdown, interviewer and mode ids (-1: none), type code. */
  period: Int32Array;
  segments: Int32Array[];
  interviewer: Int32Array;
  mode: Int32Array;
  type: Uint8Array;
}

/** Before/after pairing: each person's first usable row in each wave. */
export interface Pairing {
  /** Persons in order of their first usable row. */
  persons: number;
  /** Wave labels (ids of `first`'s second dimension). */
  waves: readonly string[];
  /** Row index of person p's first usable answer at wave w: first[p × waves.length + w], -1 when none. */
  first: Int32Array;
  withoutId: number;
  proxyExcluded: number;
}

/** Groups rows by a key; `label` turns each distinct key into the group's label (once per group, not per row). */
function group(rows: readonly AnswerRow[], keyOf: (row: AnswerRow) => string | null, label: (key: string) => string = (k) => k): Groups {
  const ids = new Int32Array(rows.length);
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const key = keyOf(rows[i]!);
    if (key === null) {
      ids[i] = -1;
      continue;
    }
    let id = index.get(key);
    if (id === undefined) {
      id = labels.length;
      index.set(key, id);
      labels.push(label(key));
    }
    ids[i] = id;
  }
  return { ids, labels };
}

function segmentValue(row: AnswerRow, column: string): string {
  const own = row.segments[column];
  if (own !== undefined && own !== '') return own;
  const answer = row.answers[column];
  return answer === null || answer === undefined || answer === '' ? UNKNOWN_SEGMENT : String(answer);
}

export class SurveyColumns {
  private readonly coded = new Map<QuestionCoder, CodedColumn>();
  private readonly scored = new Map<ScaleScorer, CodedColumn>();
  private readonly periodGroups = new Map<string, Groups>();
  private readonly segmentGroups = new Map<string, Groups>();
  private readonly paradataGroups = new Map<string, Groups>();
  private readonly classGroups = new Map<string, RowClasses>();
  private readonly pairings = new Map<boolean, Pairing>();
  private typeCodes: Uint8Array | null = null;

  constructor(readonly rows: readonly AnswerRow[]) {}

  column(coder: QuestionCoder): CodedColumn {
    let column = this.coded.get(coder);
    if (!column) {
      const key = coder.question.key;
      const rows = this.rows;
      const ids = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) ids[i] = coder.id(rows[i]!.answers[key]);
      column = { ids, table: coder.table };
      this.coded.set(coder, column);
    }
    return column;
  }

  /**
   * Codes the columns of several questions in one pass over the rows (each row's answers read once, not once per
   * question); columns already coded are left as they are.
   */
  prepare(coders: readonly QuestionCoder[]): void {
    const todo: QuestionCoder[] = [];
    for (const coder of coders) if (!this.coded.has(coder) && !todo.includes(coder)) todo.push(coder);
    if (todo.length === 0) return;
    const rows = this.rows;
    const keys = todo.map((c) => c.question.key);
    const ids = todo.map(() => new Int32Array(rows.length));
    const m = todo.length;
    for (let i = 0; i < rows.length; i++) {
      const answers = rows[i]!.answers;
      for (let j = 0; j < m; j++) ids[j]![i] = todo[j]!.id(answers[keys[j]!]);
    }
    for (let j = 0; j < m; j++) this.coded.set(todo[j]!, { ids: ids[j]!, table: todo[j]!.table });
  }

  scores(scorer: ScaleScorer): CodedColumn {
    let column = this.scored.get(scorer);
    if (!column) {
      const items = scorer.coders.map((c) => this.column(c));
      column = scorer.scoreColumn(this.rows, items);
      this.scored.set(scorer, column);
    }
    return column;
  }

  /** Each row's respondent type: TYPE_PROXY, TYPE_NULL (not given) or TYPE_OTHER. */
  types(): Uint8Array {
    if (!this.typeCodes) {
      const rows = this.rows;
      const codes = new Uint8Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const t = rows[i]!.respondentType;
        codes[i] = t === 'proxy' ? TYPE_PROXY : t === null ? TYPE_NULL : TYPE_OTHER;
      }
      this.typeCodes = codes;
    }
    return this.typeCodes;
  }

  periods(granularity: Indicator['granularity']): Groups {
    let groups = this.periodGroups.get(granularity);
    if (!groups) {
      const byDate = new Map<string, string | null>();
      groups = group(this.rows, (row) => {
        if (granularity === 'wave') return row.wave;
        if (!row.date) return null;
        const month = row.date.slice(0, 7);
        let period = byDate.get(month);
        if (period === undefined) byDate.set(month, (period = periodOf(row.date, granularity)));
        return period;
      });
      this.periodGroups.set(granularity, groups);
    }
    return groups;
  }

  /** Interviewers or modes (rows without one: -1). */
  paradata(field: 'interviewer' | 'mode'): Groups {
    let groups = this.paradataGroups.get(field);
    if (!groups) {
      groups = group(this.rows, (row) => row[field] || null);
      this.paradataGroups.set(field, groups);
    }
    return groups;
  }

  /** Segments of a breakdown column, labelled `column = value`. */
  segments(column: string): Groups {
    let groups = this.segmentGroups.get(column);
    if (!groups) {
      groups = group(this.rows, (row) => segmentValue(row, column), (value) => `${column} = ${value}`);
      this.segmentGroups.set(column, groups);
    }
    return groups;
  }

  /** The rows' classes for a granularity and a list of breakdown columns (see RowClasses). */
  classes(granularity: Indicator['granularity'], breakdowns: readonly string[]): RowClasses {
    const cacheKey = `${granularity}\u0000${breakdowns.join('\u0000')}`;
    let classes = this.classGroups.get(cacheKey);
    if (classes) return classes;
    const rowCount = this.rows.length;
    // Factors, each shifted by one so that -1 (none) is 0: period, breakdowns…, interviewer, mode, then type.
    const factors = [this.periods(granularity), ...breakdowns.map((c) => this.segments(c)), this.paradata('interviewer'), this.paradata('mode')];
    const types = this.types();
    const radix = factors.map((g) => g.labels.length + 1);
    let space = 3;
    for (const r of radix) space *= r;
    const ids = new Int32Array(rowCount);
    const firstRow: number[] = [];
    const dense = space <= Math.max(1 << 16, 4 * rowCount) ? new Int32Array(space).fill(-1) : null;
    const sparse = dense ? null : new Map<number, number>();
    const m = factors.length;
    const columns = factors.map((g) => g.ids);
    for (let i = 0; i < rowCount; i++) {
      let key = 0;
      for (let j = 0; j < m; j++) key = key * radix[j]! + columns[j]![i]! + 1;
      key = key * 3 + types[i]!;
      let id: number;
      if (dense) {
        id = dense[key]!;
        if (id < 0) {
          dense[key] = id = firstRow.length;
          firstRow.push(i);
        }
      } else {
        const found = sparse!.get(key);
        if (found === undefined) {
          id = firstRow.length;
          sparse!.set(key, id);
          firstRow.push(i);
        } else id = found;
      }
      ids[i] = id;
    }
    const count = firstRow.length;
    const pick = (column: Int32Array) => {
      const out = new Int32Array(count);
      for (let c = 0; c < count; c++) out[c] = column[firstRow[c]!]!;
      return out;
    };
    const type = new Uint8Array(count);
    for (let c = 0; c < count; c++) type[c] = types[firstRow[c]!]!;
    classes = {
      ids, count, period: pick(columns[0]!), segments: columns.slice(1, 1 + breakdowns.length).map(pick),
      interviewer: pick(columns[m - 2]!), mode: pick(columns[m - 1]!), type,
    };
    this.classGroups.set(cacheKey, classes);
    return classes;
  }

  /**
   * Each person's first usable row per wave, for before/after pairs: rows without a wave are left out, rows without a
   * person id counted apart, and with `selfOnly` answers given for someone else excluded (and counted).
   */
  pairing(selfOnly: boolean): Pairing {
    let pairing = this.pairings.get(selfOnly);
    if (pairing) return pairing;
    const rows = this.rows;
    const waves = this.periods('wave');
    const w = waves.labels.length;
    const persons = new Map<string, number>();
    const first: number[] = [];
    let withoutId = 0;
    let proxyExcluded = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.wave === null) continue;
      if (row.personId === null || row.personId === '') {
        withoutId++;
        continue;
      }
      if (selfOnly && row.respondentType === 'proxy') {
        proxyExcluded++;
        continue;
      }
      let p = persons.get(row.personId);
      if (p === undefined) {
        p = persons.size;
        persons.set(row.personId, p);
        for (let j = 0; j < w; j++) first.push(-1);
      }
      const at = p * w + waves.ids[i]!;
      if (first[at]! < 0) first[at] = i;
    }
    pairing = { persons: persons.size, waves: waves.labels, first: Int32Array.from(first), withoutId, proxyExcluded };
    this.pairings.set(selfOnly, pairing);
    return pairing;
  }
}
