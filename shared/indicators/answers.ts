/**
 * Turns raw answers into what an indicator counts: a level's rank, a number, a validated or generic scale score,
 * or a non-answer (missing, « ne sait pas », invalid). Codings are cached per distinct raw answer, so a column of
 * 10,000 cells costs 10,000 map look-ups, not 10,000 label normalisations.
 */
import type { Condition } from '../registry/condition';
import type { Question } from '../registry/model';
import { scaleById } from '../scales/index';
import { normaliseLabel, scoreScale } from '../scales/score';
import { isMissingAnswer, parseNumber as parseText } from '../survey/values';
import type { AnswerValue } from './model';

/**
 * One coded answer. Every kind has the same fields (one object shape keeps the engine's loops fast): `value` is the
 * rank or number when `kind` is 'value', `labels` / `keys` the chosen levels and their normalised forms, `raw` the
 * unreadable text when `kind` is 'invalid'.
 */
export interface Coded {
  /** `notAsked`: the question was not asked at the row's wave (outside the base, not a non-answer). */
  kind: 'value' | 'missing' | 'dontKnow' | 'invalid' | 'notAsked';
  value: number;
  labels: readonly string[] | null;
  keys: readonly string[] | null;
  raw: string;
}

const MISSING: Coded = { kind: 'missing', value: 0, labels: null, keys: null, raw: '' };
const DONT_KNOW: Coded = { kind: 'dontKnow', value: 0, labels: null, keys: null, raw: '' };
const NOT_ASKED: Coded = { kind: 'notAsked', value: 0, labels: null, keys: null, raw: '' };
const invalid = (raw: string): Coded => ({ kind: 'invalid', value: 0, labels: null, keys: null, raw });
const valueOf = (value: number, labels: readonly string[] | null = null, keys: readonly string[] | null = null): Coded => ({ kind: 'value', value, labels, keys, raw: '' });

/** Numbers typed in French or English (« 3,5 », « 1 234 »), or already numbers. */
export function parseNumber(raw: AnswerValue): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  return raw === null ? null : parseText(raw);
}

/**
 * A column of coded answers: for each row, the id of its coding in `table` (equal raw answers share one id), so a
 * column is one Int32Array and a handful of distinct codings, not one object per cell.
 */
export interface CodedColumn {
  ids: Int32Array;
  table: readonly Coded[];
}

/** Id 0 of every coder's table: the empty cell. */
export const MISSING_ID = 0;

/**
 * Codes one question's answers. Choice and Likert answers become their 1-based rank among the levels (lowest →
 * highest); a multiple-choice cell (« A ; B ») becomes the ranks it holds; numbers stay numbers.
 */
export class QuestionCoder {
  readonly question: Question;
  readonly isChoice: boolean;
  /** Every distinct coding met so far, by id (id 0: the empty cell). */
  readonly table: Coded[] = [MISSING];
  private readonly cache = new Map<string | number, number>();
  /** The first few distinct strings met and their ids, checked with === before the map (see id). */
  private readonly recent: string[] = [];
  private readonly recentIds: number[] = [];
  private readonly ranks = new Map<string, number>();

  constructor(question: Question) {
    this.question = question;
    this.isChoice = question.type === 'likert' || question.type === 'single' || question.type === 'multiple';
    question.levels.forEach((label, i) => this.ranks.set(normaliseLabel(label), i + 1));
  }

  /** The id in `table` of a raw answer's coding. */
  id(raw: AnswerValue | undefined): number {
    if (raw === null || raw === undefined || raw === '') return MISSING_ID;
    // A choice column holds a handful of distinct labels, often the very same string objects: comparing with the
    // first few met is a pointer check per label, cheaper than hashing into the map.
    const recent = this.recent;
    if (typeof raw === 'string') for (let r = 0; r < recent.length; r++) if (recent[r] === raw) return this.recentIds[r]!;
    let id = this.cache.get(raw);
    if (id === undefined) {
      id = this.table.length;
      this.table.push(this.codeUncached(raw));
      this.cache.set(raw, id);
    }
    if (typeof raw === 'string' && recent.length < 8) {
      recent.push(raw);
      this.recentIds.push(id);
    }
    return id;
  }

  code(raw: AnswerValue | undefined): Coded {
    return this.table[this.id(raw)]!;
  }

  private notAsked = -1;

  /** The id of « not asked at this wave », added to the table on first use. */
  notAskedId(): number {
    if (this.notAsked < 0) {
      this.notAsked = this.table.length;
      this.table.push(NOT_ASKED);
    }
    return this.notAsked;
  }

  private codeUncached(raw: string | number): Coded {
    const text = String(raw);
    const normal = normaliseLabel(text);
    if (normal === '') return MISSING;
    if (isMissingAnswer(normal)) return DONT_KNOW;
    if (this.isChoice) {
      const rank = this.ranks.get(normal);
      if (rank !== undefined) return this.level(rank);
      if (this.question.type === 'multiple') {
        const parts = text.split(/\s*[;|\n]\s*/).filter(Boolean);
        // A questionnaire exported in XML values names each option by its position (1 = first level).
        const found = parts.map((p) => this.ranks.get(normaliseLabel(p)) ?? this.position(p));
        if (found.length > 0 && found.every((r) => r !== undefined)) {
          const labels = found.map((r) => this.question.levels[r! - 1]!);
          return valueOf(found.length, labels, labels.map(normaliseLabel));
        }
      }
      // A rank typed as a number (1 = lowest level) is accepted for Likert and single choices.
      const position = this.question.type === 'multiple' ? undefined : this.position(text);
      return position === undefined ? invalid(text) : this.level(position);
    }
    const n = parseNumber(raw);
    return n === null ? invalid(text) : valueOf(n);
  }

  private position(text: string): number | undefined {
    const n = parseNumber(text);
    return n !== null && Number.isInteger(n) && n >= 1 && n <= this.question.levels.length ? n : undefined;
  }

  private level(rank: number): Coded {
    const label = this.question.levels[rank - 1]!;
    return valueOf(rank, [label], [normaliseLabel(label)]);
  }
}

/** Whether a coded answer meets a condition: label lists on labels, numeric conditions on ranks or numbers. */
export function meets(condition: Condition, coded: Coded, normalisedValues?: ReadonlySet<string>): boolean {
  switch (condition.op) {
    case 'in': {
      const wanted = normalisedValues ?? new Set(condition.values.map(normaliseLabel));
      return coded.keys !== null && coded.keys.some((k) => wanted.has(k));
    }
    case 'between':
      return coded.value >= condition.min && coded.value <= condition.max;
    case 'gte':
      return coded.value >= condition.value;
    case 'gt':
      return coded.value > condition.value;
    case 'lte':
      return coded.value <= condition.value;
    case 'lt':
      return coded.value < condition.value;
    case 'eq':
      return coded.value === condition.value;
  }
}

/** Generic scales: a score is given only when at least this share of the items is answered (prorated). */
export const GENERIC_SCALE_MIN_ANSWERED = 0.8;

export interface ScaleScorer {
  /** 'who5', 'ucla3', or 'generic'. */
  id: string;
  label: string;
  min: number;
  max: number;
  /** The questions scored, each read through its own column. */
  coders: readonly QuestionCoder[];
  /**
   * Scores every row: `items[j]` is the coded column of `coders[j]` (coded over all `rows` before this call). A
   * person's score depends only on the codings of their items, so each distinct combination is scored once.
   */
  scoreColumn(rows: readonly AnswerRowLike[], items: readonly CodedColumn[]): CodedColumn;
}

/** What a scorer reads of a row when it has to look at raw answers. */
interface AnswerRowLike {
  answers: Readonly<Record<string, AnswerValue>>;
}

/**
 * Scores rows from their items' coding ids: one score per distinct combination of ids, looked up by a mixed-radix
 * number (a dense table when small enough, else a map; a string key when the number would not be exact).
 */
function scoreByIds(rowCount: number, items: readonly CodedColumn[], scoreOf: (ids: Int32Array) => Coded): CodedColumn {
  const out = new Int32Array(rowCount);
  const table: Coded[] = [];
  const m = items.length;
  const radix = items.map((c) => c.table.length);
  let space = 1;
  for (const r of radix) space *= r;
  const ids = new Int32Array(m);
  const columns = items.map((c) => c.ids);
  // A score whose items were none of them asked at the row's wave is not asked either.
  const score = (): number => {
    let asked = false;
    for (let j = 0; j < m; j++) if (items[j]!.table[ids[j]!]!.kind !== 'notAsked') asked = true;
    table.push(asked ? scoreOf(ids) : NOT_ASKED);
    return table.length - 1;
  };
  if (space <= Math.max(1 << 16, 4 * rowCount)) {
    const memo = new Int32Array(space).fill(-1);
    for (let i = 0; i < rowCount; i++) {
      let key = 0;
      for (let j = 0; j < m; j++) {
        const id = columns[j]![i]!;
        ids[j] = id;
        key = key * radix[j]! + id;
      }
      let at = memo[key]!;
      if (at < 0) memo[key] = at = score();
      out[i] = at;
    }
  } else if (space <= Number.MAX_SAFE_INTEGER) {
    const memo = new Map<number, number>();
    for (let i = 0; i < rowCount; i++) {
      let key = 0;
      for (let j = 0; j < m; j++) {
        const id = columns[j]![i]!;
        ids[j] = id;
        key = key * radix[j]! + id;
      }
      let at = memo.get(key);
      if (at === undefined) memo.set(key, (at = score()));
      out[i] = at;
    }
  } else {
    const memo = new Map<string, number>();
    for (let i = 0; i < rowCount; i++) {
      let key = '';
      for (let j = 0; j < m; j++) {
        const id = columns[j]![i]!;
        ids[j] = id;
        key += `${id},`;
      }
      let at = memo.get(key);
      if (at === undefined) memo.set(key, (at = score()));
      out[i] = at;
    }
  }
  return { ids: out, table };
}

/**
 * The scorer for an indicator's items. Items of one validated scale (WHO-5, UCLA-3) are scored by `scoreScale`, the
 * scale's own rule (no score when an item is missing). Other items form a generic scale: each item's rank (or number),
 * reversed items counted from the other end (k + 1 − rank), and a prorated sum (mean of answered items × number of
 * items) when at least 80 % of the items are answered: for 5 items one may be missing, for 3 or 4 none.
 */
export function scaleScorer(coders: readonly QuestionCoder[]): ScaleScorer {
  const scaleId = coders[0]?.question.scale ?? '';
  const scale = scaleId ? scaleById(scaleId) : undefined;
  const itemKeys = scale?.items.map((i) => i.key) ?? [];
  const validated =
    scale !== undefined &&
    coders.every((c) => c.question.scale === scaleId) &&
    itemKeys.length === coders.length &&
    itemKeys.every((k) => coders.some((c) => c.question.key === k));
  if (scale && validated) {
    // Each item is coded by its (cached) QuestionCoder and handed to scoreScale as the level's score, so labels are
    // normalised once per distinct answer, not once per cell; scoreScale stays the judge of the scale's rule.
    const ordered = itemKeys.map((k) => coders.find((c) => c.question.key === k)!);
    const scores = scale.levels.map((l) => l.score);
    const sameLevels = ordered.every((c) => c.question.levels.length === scores.length && c.question.levels.every((l, i) => normaliseLabel(l) === normaliseLabel(scale.levels[i]!.fr)));
    const scoreItems = (items: Record<string, AnswerValue>): Coded => {
      const r = scoreScale(scale.id, items);
      return r.ok ? valueOf(r.score) : r.reason === 'invalid_answers' ? invalid(r.invalid.map((i) => i.value).join(', ')) : MISSING;
    };
    return {
      id: scale.id,
      label: scale.name.fr,
      min: scale.scoring.score.min,
      max: scale.scoring.score.max,
      coders: ordered,
      scoreColumn(rows, columns) {
        if (sameLevels) {
          return scoreByIds(rows.length, columns, (ids) => {
            const items: Record<string, AnswerValue> = {};
            for (let j = 0; j < ordered.length; j++) {
              const c = columns[j]!.table[ids[j]!]!;
              items[ordered[j]!.question.key] = c.kind === 'value' ? scores[c.value - 1]! : c.kind === 'invalid' ? c.raw : null;
            }
            return scoreItems(items);
          });
        }
        // Levels that differ from the scale's: scoreScale reads the raw answers.
        const out = new Int32Array(rows.length);
        const table: Coded[] = [];
        const cache = new Map<string, number>();
        for (let i = 0; i < rows.length; i++) {
          const answers = rows[i]!.answers;
          const items: Record<string, AnswerValue> = {};
          let key = '';
          for (const coder of ordered) {
            const itemKey = coder.question.key;
            const item = answers[itemKey] ?? null;
            items[itemKey] = item;
            key += `${item}\u0001`;
          }
          let at = cache.get(key);
          if (at === undefined) {
            at = table.length;
            table.push(scoreItems(items));
            cache.set(key, at);
          }
          out[i] = at;
        }
        return { ids: out, table };
      },
    };
  }
  const widths = coders.map((c) => (c.isChoice ? c.question.levels.length : 0));
  const numeric = widths.some((w) => w === 0);
  return {
    id: 'generic',
    label: 'score',
    min: numeric ? -Infinity : coders.length,
    max: numeric ? Infinity : widths.reduce((s, w) => s + w, 0),
    coders,
    scoreColumn(rows, columns) {
      return scoreByIds(rows.length, columns, (ids) => {
        let sum = 0;
        let answered = 0;
        let dontKnow = false;
        for (let i = 0; i < coders.length; i++) {
          const coder = coders[i]!;
          const c = columns[i]!.table[ids[i]!]!;
          if (c.kind === 'invalid') return c;
          if (c.kind === 'dontKnow') dontKnow = true;
          if (c.kind !== 'value') continue;
          sum += coder.question.reversed && widths[i]! > 0 ? widths[i]! + 1 - c.value : c.value;
          answered++;
        }
        if (answered === 0 || answered < GENERIC_SCALE_MIN_ANSWERED * coders.length - 1e-9) return dontKnow && answered === 0 ? DONT_KNOW : MISSING;
        return valueOf((sum / answered) * coders.length);
      });
    },
  };
}
