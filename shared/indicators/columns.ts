/**
 * A survey's answers read once, column by column: each question's cells coded once (shared by every indicator that
 * reads it) into an Int32Array of coding ids, each scale scored once per distinct combination of item codings, and
 * periods, segments, paradata and respondent types turned into small integer ids, so that computing forty
 * indicators costs little more than reading the sheet.
 */
import { NOT_GIVEN, RECORD_LANG } from '../contract/words';
import type { Indicator } from '../registry/model';
import type { CodedColumn, QuestionCoder, ScaleScorer } from './answers';
import type { AnswerRow, AnswerValue } from './model';
import { periodOf } from './periods';

/** The segment of a row that gave no value for a breakdown. */
const UNKNOWN_SEGMENT = NOT_GIVEN[RECORD_LANG];

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

/** What `SurveyColumns.prepare` reads in its one pass. */
export interface ColumnPlan {
  coders: readonly QuestionCoder[];
  granularities: ReadonlyArray<Indicator['granularity']>;
  /** Breakdown columns. */
  breakdowns: readonly string[];
  /** Whether before/after pairs will be needed (person ids interned). */
  persons: boolean;
}

/** `personOf` of a row without a wave, and of a row with a wave but no person id. */
const NO_WAVE = -1;
const NO_PERSON = -2;

/**
 * Distinct keys → ids in order of first appearance, as `group` does with its Map. A grouping holds a handful of
 * keys, so strings are first compared with === to the few known ones (a pointer check when they are the same string)
 * rather than hashed; past 16 keys, or for a key that is not a string, a Map (same equality for strings).
 */
class Interner {
  readonly labels: string[] = [];
  private readonly keys: unknown[] = [];
  private map: Map<unknown, number> | null = null;

  constructor(private readonly label: (key: unknown) => string = (k) => k as string) {}

  id(key: unknown): number {
    const keys = this.keys;
    if (this.map === null && typeof key === 'string') {
      for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
      if (keys.length < 16) return this.add(key);
    }
    if (this.map === null) this.map = new Map(keys.map((k, i) => [k, i]));
    const found = this.map.get(key);
    return found === undefined ? this.add(key) : found;
  }

  private add(key: unknown): number {
    const id = this.keys.length;
    this.keys.push(key);
    this.labels.push(this.label(key));
    this.map?.set(key, id);
    return id;
  }
}

/**
 * Person ids → 0, 1, 2… in order of first appearance. A survey holds thousands of distinct ids, and filling a Map
 * with them costs far more than looking them up (its tables are regrown and rehashed as it fills), so strings go into
 * an open-addressing table sized once for every row, hashed from their characters (FNV-1a), compared with ===. Other
 * values (not expected: ids are text) use a Map, as strings never equal them.
 */
class PersonIds {
  size = 0;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** By id (holes for ids of non-strings). */
  private readonly keys: string[] = [];
  private others: Map<unknown, number> | null = null;

  constructor(rows: number) {
    let capacity = 16;
    while (capacity < 2 * rows) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  id(key: unknown): number {
    if (typeof key !== 'string') {
      if (!this.others) this.others = new Map();
      let id = this.others.get(key);
      if (id === undefined) this.others.set(key, (id = this.size++));
      return id;
    }
    let h = 0x811c9dc5;
    for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
    const slots = this.slots;
    const mask = this.mask;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const slot = slots[at]!;
      if (slot < 0) {
        const id = this.size++;
        slots[at] = id;
        this.keys[id] = key;
        return id;
      }
      if (this.keys[slot] === key) return slot;
    }
  }
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
  /** Per row: the person's id (in order of first row with a wave and an id), NO_WAVE or NO_PERSON; see prepare. */
  private personOf: Int32Array | null = null;
  private personCount = 0;
  private paradataKeyCache: Float64Array | null = null;
  /** The class keys of `classes`, reused from one call to the next. */
  private keyScratch: Float64Array | null = null;

  constructor(readonly rows: readonly AnswerRow[]) {}

  column(coder: QuestionCoder): CodedColumn {
    let column = this.coded.get(coder);
    if (!column) {
      const key = coder.question.key;
      const rows = this.rows;
      const ids = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) ids[i] = coder.id(rows[i]!.answers[key]);
      this.maskNotAsked(coder, ids);
      column = { ids, table: coder.table };
      this.coded.set(coder, column);
    }
    return column;
  }

  /** Rows at a wave where the question was not asked get the coder's « not asked » id, whatever their cell holds. */
  private maskNotAsked(coder: QuestionCoder, ids: Int32Array): void {
    const asked = coder.question.waves;
    if (asked.length === 0) return;
    const wanted = new Set(asked.map((w) => w.trim().toLowerCase()));
    const waves = this.periods('wave');
    const notAsked = waves.labels.map((label) => !wanted.has(label.trim().toLowerCase()));
    if (!notAsked.includes(true)) return;
    const id = coder.notAskedId();
    for (let i = 0; i < ids.length; i++) {
      const w = waves.ids[i]!;
      if (w >= 0 && notAsked[w]) ids[i] = id;
    }
  }

  /**
   * Reads the rows once for everything the indicators and checks of this survey will ask (see ColumnPlan): the
   * columns of several questions coded, the waves, calendar periods, interviewers, modes, respondent types, breakdown
   * segments and person ids turned into ids, each row's answers walked once with for…in (the cheapest way to read an
   * object's properties) instead of one keyed look-up per question and per grouping. Whatever is already there is
   * left as it is; the results are the same as the lazy methods' (same ids, same labels in the same order).
   */
  prepare(plan: ColumnPlan): void {
    const todo: QuestionCoder[] = [];
    for (const coder of plan.coders) if (!this.coded.has(coder) && !todo.includes(coder)) todo.push(coder);
    const keys = todo.map((c) => c.question.key);
    const breakdowns = [...new Set(plan.breakdowns)].filter((c) => !this.segmentGroups.has(c));
    const calendars = [...new Set(plan.granularities)].filter((g): g is Exclude<Indicator['granularity'], 'wave'> => g !== 'wave' && !this.periodGroups.has(g));
    // for…in sees what `answers[key]` sees, except names Object.prototype answers for (« constructor »…): those, and
    // a key read by two coders, go the lazy way.
    const unusual = [...keys, ...breakdowns].some((k) => k in Object.prototype) || new Set(keys).size !== keys.length;
    if (unusual) {
      for (const coder of todo) this.column(coder);
      return;
    }
    const rows = this.rows;
    const n = rows.length;
    const m = todo.length;
    const ids = todo.map(() => new Int32Array(n)); // 0: MISSING_ID, what a row without the key codes to
    const coderOf = new Map<string, number>(keys.map((k, j) => [k, j]));
    const segmentOf = new Map<string, number>(breakdowns.map((c, b) => [c, b]));
    // Property names in for…in order, learnt from the rows: rows built alike list the same names in the same order,
    // so the name at each position is checked with === (a pointer comparison) and the maps are asked only on change.
    const slotKey: string[] = [];
    // Per position: the coder of the name there and the column it fills (null: not coded), so a cell costs no
    // look-up by coder index.
    const slotCoder: Array<QuestionCoder | null> = [];
    const slotIds: Array<Int32Array | null> = [];
    const slotSegment: number[] = [];
    const ownKey: string[] = [];
    const ownSegment: number[] = [];
    const segmentCount = breakdowns.length;
    const fromAnswers: Array<AnswerValue | undefined> = new Array<AnswerValue | undefined>(segmentCount);
    const fromSegments: Array<string | undefined> = new Array<string | undefined>(segmentCount);
    const segmentIds = breakdowns.map(() => new Int32Array(n));
    const segmentNames = breakdowns.map((column) => new Interner((value) => `${column} = ${value}`));

    const wantWave = !this.periodGroups.has('wave');
    const waveIds = new Int32Array(n);
    const waves = new Interner();
    const calendarIds = calendars.map(() => new Int32Array(n));
    const calendarNames = calendars.map(() => new Interner());
    const byDate = calendars.map(() => new Map<string, number>());
    const c = calendars.length;
    const wantInterviewers = !this.paradataGroups.has('interviewer');
    const wantModes = !this.paradataGroups.has('mode');
    const interviewerIds = new Int32Array(n);
    const interviewers = new Interner();
    const modeIds = new Int32Array(n);
    const modes = new Interner();
    const wantTypes = this.typeCodes === null;
    const types = new Uint8Array(n);
    const wantPersons = plan.persons && this.personOf === null;
    const personOf = new Int32Array(n);
    const persons = wantPersons ? new PersonIds(n) : null;

    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const answers = row.answers;
      let s = 0;
      for (const key in answers) {
        if (s >= slotKey.length || slotKey[s] !== key) {
          slotKey[s] = key;
          const j = coderOf.get(key);
          slotCoder[s] = j === undefined ? null : todo[j]!;
          slotIds[s] = j === undefined ? null : ids[j]!;
          slotSegment[s] = segmentOf.get(key) ?? -1;
        }
        const coder = slotCoder[s]!;
        const b = slotSegment[s]!;
        if (coder !== null) slotIds[s]![i] = coder.id(answers[key]);
        s++;
        if (b >= 0) fromAnswers[b] = answers[key];
      }
      if (segmentCount > 0) {
        const own = row.segments;
        let t = 0;
        for (const key in own) {
          if (t >= ownKey.length || ownKey[t] !== key) {
            ownKey[t] = key;
            ownSegment[t] = segmentOf.get(key) ?? -1;
          }
          const b = ownSegment[t]!;
          t++;
          if (b >= 0) fromSegments[b] = own[key];
        }
        for (let b = 0; b < segmentCount; b++) {
          // As segmentValue: the row's own segment unless empty, else the answer, else « non renseigné ».
          const mine = fromSegments[b];
          let value: unknown;
          if (mine !== undefined && mine !== '') value = mine;
          else {
            const answer = fromAnswers[b];
            value = answer === null || answer === undefined || answer === '' ? UNKNOWN_SEGMENT : typeof answer === 'string' ? answer : String(answer);
          }
          segmentIds[b]![i] = segmentNames[b]!.id(value);
          fromAnswers[b] = undefined;
          fromSegments[b] = undefined;
        }
      }
      const wave = row.wave;
      if (wantWave) waveIds[i] = wave === null ? -1 : waves.id(wave);
      if (c > 0) {
        const date = row.date;
        for (let g = 0; g < c; g++) {
          let id = -1;
          if (date) {
            // periodOf reads only the date's first 7 characters: a period per distinct date is the same as per month.
            const seen = byDate[g]!.get(date);
            if (seen !== undefined) id = seen;
            else {
              const period = periodOf(date, calendars[g]!);
              id = period === null ? -1 : calendarNames[g]!.id(period);
              byDate[g]!.set(date, id);
            }
          }
          calendarIds[g]![i] = id;
        }
      }
      if (wantInterviewers) {
        const interviewer = row.interviewer;
        interviewerIds[i] = interviewer ? interviewers.id(interviewer) : -1;
      }
      if (wantModes) {
        const mode = row.mode;
        modeIds[i] = mode ? modes.id(mode) : -1;
      }
      const type = row.respondentType;
      if (wantTypes) types[i] = type === 'proxy' ? TYPE_PROXY : type === null ? TYPE_NULL : TYPE_OTHER;
      if (wantPersons) {
        // Persons in order of their first row with a wave and an id (the pairing's order when proxies are kept).
        const person = row.personId;
        if (wave === null) personOf[i] = NO_WAVE;
        else if (person === null || person === '') personOf[i] = NO_PERSON;
        else {
          personOf[i] = persons!.id(person);
        }
      }
    }
    for (let b = 0; b < segmentCount; b++) this.segmentGroups.set(breakdowns[b]!, { ids: segmentIds[b]!, labels: segmentNames[b]!.labels });
    for (let g = 0; g < c; g++) this.periodGroups.set(calendars[g]!, { ids: calendarIds[g]!, labels: calendarNames[g]!.labels });
    if (wantWave) this.periodGroups.set('wave', { ids: waveIds, labels: waves.labels });
    for (let j = 0; j < m; j++) {
      this.maskNotAsked(todo[j]!, ids[j]!);
      this.coded.set(todo[j]!, { ids: ids[j]!, table: todo[j]!.table });
    }
    if (wantInterviewers) this.paradataGroups.set('interviewer', { ids: interviewerIds, labels: interviewers.labels });
    if (wantModes) this.paradataGroups.set('mode', { ids: modeIds, labels: modes.labels });
    if (wantTypes) this.typeCodes = types;
    if (wantPersons) {
      this.personOf = personOf;
      this.personCount = persons!.size;
    }
  }

  /**
   * Each row's person as a small integer (in order of first row with a wave and an id), NO_WAVE (-1) or NO_PERSON (-2),
   * and how many persons there are: what pairs and the attrition check count with, instead of sets of strings.
   */
  persons(): { ids: Int32Array; count: number } {
    if (this.personOf === null) {
      const rows = this.rows;
      const ids = new Int32Array(rows.length);
      const persons = new PersonIds(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const person = row.personId;
        ids[i] = row.wave === null ? NO_WAVE : person === null || person === '' ? NO_PERSON : persons.id(person);
      }
      this.personOf = ids;
      this.personCount = persons.size;
    }
    return { ids: this.personOf, count: this.personCount };
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

  /**
   * Each row's (interviewer + 1) × (modes + 1) × 3 + (mode + 1) × 3 + type: the end of every class key, the same
   * number `classes` would reach factor by factor (exact integers), computed once per survey.
   */
  private paradataKeys(): Float64Array {
    if (!this.paradataKeyCache) {
      const interviewers = this.paradata('interviewer');
      const modes = this.paradata('mode');
      const types = this.types();
      const modeRadix = modes.labels.length + 1;
      const keys = new Float64Array(this.rows.length);
      for (let i = 0; i < keys.length; i++) keys[i] = ((interviewers.ids[i]! + 1) * modeRadix + modes.ids[i]! + 1) * 3 + types[i]!;
      this.paradataKeyCache = keys;
    }
    return this.paradataKeyCache;
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
    // Each row's key, factor by factor (column-wise loops over typed arrays; the same arithmetic as row by row). The
    // last three factors (interviewer, mode, type) are the same for every granularity and breakdown: their part of
    // the key is worked out once per survey (see paradataKeys) and added in one pass.
    const m = factors.length;
    const columns = factors.map((g) => g.ids);
    // The keys are scratch, read only below: one buffer per survey serves every call (allocating and zeroing a
    // fresh one each time cost as much as a pass). The first factor sets the keys, the others are added to them.
    const keys = this.keyScratch ?? (this.keyScratch = new Float64Array(rowCount));
    const first = columns[0]!;
    for (let i = 0; i < rowCount; i++) keys[i] = first[i]! + 1;
    for (let j = 1; j < m - 2; j++) {
      const column = columns[j]!;
      const r = radix[j]!;
      for (let i = 0; i < rowCount; i++) keys[i] = keys[i]! * r + column[i]! + 1;
    }
    const tail = this.paradataKeys();
    const tailRadix = radix[m - 2]! * radix[m - 1]! * 3;
    for (let i = 0; i < rowCount; i++) keys[i] = keys[i]! * tailRadix + tail[i]!;
    const ids = new Int32Array(rowCount);
    const firstRow: number[] = [];
    const dense = space <= Math.max(1 << 16, 4 * rowCount) ? new Int32Array(space).fill(-1) : null;
    const sparse = dense ? null : new Map<number, number>();
    for (let i = 0; i < rowCount; i++) {
      const key = keys[i]!;
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
    const personOf = this.persons().ids;
    const types = this.types();
    const waves = this.periods('wave');
    const w = waves.labels.length;
    // Persons renumbered in order of their first usable row (with selfOnly, a person seen first through a proxy
    // answer comes later); without selfOnly that is the interning order itself.
    const local = new Int32Array(this.personCount).fill(-1);
    const first = new Int32Array(this.personCount * w).fill(-1);
    let persons = 0;
    let withoutId = 0;
    let proxyExcluded = 0;
    for (let i = 0; i < personOf.length; i++) {
      const global = personOf[i]!;
      if (global === NO_WAVE) continue;
      if (global === NO_PERSON) {
        withoutId++;
        continue;
      }
      if (selfOnly && types[i] === TYPE_PROXY) {
        proxyExcluded++;
        continue;
      }
      let p = local[global]!;
      if (p < 0) local[global] = p = persons++;
      const at = p * w + waves.ids[i]!;
      if (first[at]! < 0) first[at] = i;
    }
    pairing = { persons, waves: waves.labels, first: persons === this.personCount ? first : first.slice(0, persons * w), withoutId, proxyExcluded };
    this.pairings.set(selfOnly, pairing);
    return pairing;
  }
}
