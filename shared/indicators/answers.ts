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
  kind: 'value' | 'missing' | 'dontKnow' | 'invalid';
  value: number;
  labels: readonly string[] | null;
  keys: readonly string[] | null;
  raw: string;
}

const MISSING: Coded = { kind: 'missing', value: 0, labels: null, keys: null, raw: '' };
const DONT_KNOW: Coded = { kind: 'dontKnow', value: 0, labels: null, keys: null, raw: '' };
const invalid = (raw: string): Coded => ({ kind: 'invalid', value: 0, labels: null, keys: null, raw });
const valueOf = (value: number, labels: readonly string[] | null = null, keys: readonly string[] | null = null): Coded => ({ kind: 'value', value, labels, keys, raw: '' });

/** Numbers typed in French or English (« 3,5 », « 1 234 »), or already numbers. */
export function parseNumber(raw: AnswerValue): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  return raw === null ? null : parseText(raw);
}

/**
 * Codes one question's answers. Choice and Likert answers become their 1-based rank among the levels (lowest →
 * highest); a multiple-choice cell (« A ; B ») becomes the ranks it holds; numbers stay numbers.
 */
export class QuestionCoder {
  readonly question: Question;
  private readonly cache = new Map<string | number, Coded>();
  private readonly ranks = new Map<string, number>();

  constructor(question: Question) {
    this.question = question;
    question.levels.forEach((label, i) => this.ranks.set(normaliseLabel(label), i + 1));
  }

  get isChoice(): boolean {
    return this.question.type === 'likert' || this.question.type === 'single' || this.question.type === 'multiple';
  }

  code(raw: AnswerValue | undefined): Coded {
    if (raw === null || raw === undefined || raw === '') return MISSING;
    const cached = this.cache.get(raw);
    if (cached) return cached;
    const coded = this.codeUncached(raw);
    this.cache.set(raw, coded);
    return coded;
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
        const found = parts.map((p) => this.ranks.get(normaliseLabel(p)));
        if (found.length > 0 && found.every((r) => r !== undefined)) {
          const labels = found.map((r) => this.question.levels[r! - 1]!);
          return valueOf(found.length, labels, labels.map(normaliseLabel));
        }
      }
      // A rank typed as a number (1 = lowest level) is accepted for Likert and single choices.
      const n = parseNumber(raw);
      if (n !== null && Number.isInteger(n) && n >= 1 && n <= this.question.levels.length && this.question.type !== 'multiple') {
        return this.level(n);
      }
      return invalid(text);
    }
    const n = parseNumber(raw);
    return n === null ? invalid(text) : valueOf(n);
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
  score(answers: Readonly<Record<string, AnswerValue>>): Coded;
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
    const cache = new Map<string, Coded>();
    return {
      id: scale.id,
      label: scale.name.fr,
      min: scale.scoring.score.min,
      max: scale.scoring.score.max,
      score(answers) {
        const items: Record<string, AnswerValue> = {};
        let key = '';
        for (const coder of ordered) {
          const itemKey = coder.question.key;
          const c = sameLevels ? coder.code(answers[itemKey]) : null;
          const item = c === null ? (answers[itemKey] ?? null) : c.kind === 'value' ? scores[c.value - 1]! : c.kind === 'invalid' ? c.raw : null;
          items[itemKey] = item;
          key += `${item}\u0001`;
        }
        let coded = cache.get(key);
        if (!coded) {
          const r = scoreScale(scale.id, items);
          coded = r.ok ? valueOf(r.score) : r.reason === 'invalid_answers' ? invalid(r.invalid.map((i) => i.value).join(', ')) : MISSING;
          cache.set(key, coded);
        }
        return coded;
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
    score(answers) {
      let sum = 0;
      let answered = 0;
      let dontKnow = false;
      for (let i = 0; i < coders.length; i++) {
        const coder = coders[i]!;
        const c = coder.code(answers[coder.question.key]);
        if (c.kind === 'invalid') return c;
        if (c.kind === 'dontKnow') dontKnow = true;
        if (c.kind !== 'value') continue;
        sum += coder.question.reversed && widths[i]! > 0 ? widths[i]! + 1 - c.value : c.value;
        answered++;
      }
      if (answered === 0 || answered < GENERIC_SCALE_MIN_ANSWERED * coders.length - 1e-9) return dontKnow && answered === 0 ? DONT_KNOW : MISSING;
      return valueOf((sum / answered) * coders.length);
    },
  };
}
