/**
 * How a column's type is guessed from its answers and its header, the way a person reading the file would type it:
 * dates and numbers when nearly all answers read so, a 0–10 rating as a scale (never a choice), a multiple choice
 * only from options that recur, a single choice only from few values that recur, sentences as free text. The
 * thresholds and header words are data, here; the tool profiles (sources/) say what they know for sure first.
 */
import { fold } from '../text/fold';
import { splitOptions } from './options';
import { matchScale } from './scales';
import type { QuestionType } from './types';
import { dateParts, isMissingAnswer, parseNumber, type DateParts } from './values';

export const TYPING_RULES = {
  /** Share of the answers that must read as dates (or numbers) for the column to be typed so. */
  clear: 0.8,
  /** Distinct answers tracked per column; past that, a column is free text (or numbers, dates, ids). */
  distinctCap: 2_000,
  /** Single choice: at most this many distinct answers, at most this share of the answers, recurring this much. */
  single: { maxDistinct: 20, maxDistinctShare: 0.6, minRecurringShare: 0.6, maxLength: 80 },
  /** Multiple choice: at most this many options, options present in several different answers this much. */
  multiple: { maxOptions: 30, minRecurringShare: 0.6 },
  /** An answer of this many words, or of this many ending like a sentence, is a sentence; this share makes free text. */
  sentence: { words: 7, punctuatedWords: 3, share: 0.3 },
} as const;

/** What a header says about its column (folded before matching). */
export const HEADER_HINTS = {
  /** A count or an amount: a number, never a scale. */
  count: /nombre|combien|\bnb(?:\b|_)|\bn°|\bage\b|heure|jour|mois|annee|montant|€|duree|how many|number|count|hours|days|amount|years?\b/,
  /** An identifier, when its values are all different. */
  id: /^(?:id|identifiant|n°|no|numero|code|repondant)(?![a-z])/,
  /** A rating: integers from 0 or 1 up to 10 are a scale, never a choice. */
  rating: /echelle|\bnote\b|noter|notez|evaluez|recommand|\bnps\b|satisfaction|sur (?:5|7|10)\b|\/ ?(?:5|7|10)\b|de [01] a (?:5|7|10)\b|scale|rating|rate\b|likely|recommend/,
  /** A question that asks for words: free text whatever its answers look like. */
  freeText: /commentaire|remarque|\bun mot\b|quelques mots|precise[rz]|pourquoi|suggestion|observation|expliquez|decrivez|racontez|qu'est-ce qui|\bautre\b.*\bprecis|comment(?:s|ary)?\b|remarks?|\bwhy\b|please specify|describe|tell us|feedback|other \(/,
} as const;

/** « de 0 à 10 », « 1-5 », « sur 10 »: the range a rating header states, or null. */
export function statedRange(header: string): [number, number] | null {
  const h = fold(header);
  const range = /\b([01]) ?(?:a|-|–|to) ?(5|7|10)\b/.exec(h);
  if (range) return [+range[1]!, +range[2]!];
  if (/recommand|\bnps\b|recommend/.test(h)) return [0, 10];
  const over = /(?:sur|\/|out of) ?(5|7|10)\b/.exec(h);
  return over ? [over[1] === '10' ? 0 : 1, +over[1]!] : null;
}

interface CellInfo {
  missing: boolean;
  number: number | null;
  date: DateParts | null;
  words: number;
  sentence: boolean;
}

/** A distinct answer met in a column: how it reads, and how many times. */
interface Seen extends CellInfo {
  count: number;
}

export interface ColumnStats {
  nonBlank: number;
  missing: number;
  /** Distinct answers (« no answer » ones left out) and their counts, up to distinctCap: filled by finishStats. */
  distinct: Map<string, number>;
  overflow: boolean;
  numbers: number;
  integers: boolean;
  min: number;
  max: number;
  dates: number;
  withTime: number;
  slash: number;
  firstOver12: number;
  secondOver12: number;
  longest: number;
  sentences: number;
  /** Every distinct cell met, up to distinctCap: one lookup per cell. */
  seen: Map<string, Seen>;
  /**
   * The source knows the column's type (its ids, its times): past distinctCap, cells are only counted, since no
   * further answer can change what the column is.
   */
  typed: boolean;
}

export function emptyStats(typed = false): ColumnStats {
  return {
    nonBlank: 0, missing: 0, distinct: new Map(), overflow: false, numbers: 0, integers: true, min: Infinity, max: -Infinity,
    dates: 0, withTime: 0, slash: 0, firstOver12: 0, secondOver12: 0, longest: 0, sentences: 0, seen: new Map(), typed,
  };
}

/** Words in a text, counted up to `most`: runs of letters and digits (an apostrophe or hyphen inside keeps one word). */
function countWords(text: string, most: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words < most; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
    const joiner = c === 39 || c === 0x2019 || c === 45;
    if (letter) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(joiner && inWord)) inWord = false;
  }
  return words;
}

function classify(value: string): CellInfo {
  const missing = isMissingAnswer(value);
  if (missing) return { missing, number: null, date: null, words: 0, sentence: false };
  const words = value.length > 3 ? countWords(value, TYPING_RULES.sentence.words) : 1;
  const { words: many, punctuatedWords } = TYPING_RULES.sentence;
  const sentence = words >= many || (words >= punctuatedWords && /[.!?…]["»”)]?$/.test(value.trim()));
  return { missing, number: parseNumber(value), date: dateParts(value), words, sentence };
}

export function observe(s: ColumnStats, value: string): void {
  let info: CellInfo | undefined = s.seen.get(value);
  if (info === undefined) {
    if (value.trim() === '') return;
    if (s.typed && s.seen.size >= TYPING_RULES.distinctCap) {
      s.nonBlank++;
      s.overflow = true;
      return;
    }
    info = classify(value);
    if (s.seen.size < TYPING_RULES.distinctCap) s.seen.set(value, { ...info, count: 1 });
    else if (!info.missing) s.overflow = true;
  } else (info as Seen).count++;
  s.nonBlank++;
  if (info.missing) {
    s.missing++;
    return;
  }
  if (value.length > s.longest) s.longest = value.length;
  if (info.sentence) s.sentences++;
  const n = info.number;
  if (n !== null) {
    s.numbers++;
    if (!Number.isInteger(n)) s.integers = false;
    if (n < s.min) s.min = n;
    if (n > s.max) s.max = n;
  }
  const d = info.date;
  if (d !== null) {
    s.dates++;
    if (d.time !== null) s.withTime++;
    if (d.kind === 'slash') {
      s.slash++;
      if (d.a > 12) s.firstOver12++;
      if (d.b > 12) s.secondOver12++;
    }
  }
}

/** After the last cell: the distinct answers and their counts, for the typing rules. */
export function finishStats(s: ColumnStats): void {
  for (const [value, seen] of s.seen) if (!seen.missing) s.distinct.set(value, seen.count);
}

/** The type a person would give the column, from its answers (and the multiple-choice separator its tool uses). */
export function guessType(header: string, s: ColumnStats, separator: string | undefined): QuestionType {
  const answers = s.nonBlank - s.missing;
  if (answers === 0) return 'text';
  const { clear } = TYPING_RULES;
  const h = fold(header);
  if (s.dates >= clear * answers) return s.withTime > 0 ? 'timestamp' : 'date';
  const allDistinct = !s.overflow && s.distinct.size === answers;
  if (s.numbers >= clear * answers) {
    if (HEADER_HINTS.id.test(h) && allDistinct) return 'identifier';
    if (s.integers && ratingRange(header, s)) return 'likert';
    if (s.integers && s.min >= 0 && s.max <= 1) return 'single';
    return 'number';
  }
  if (HEADER_HINTS.id.test(h) && allDistinct && answers > 1) return 'identifier';
  if (s.overflow || HEADER_HINTS.freeText.test(h)) return 'text';
  const scale = matchScale(s.distinct);
  if (scale && scale.coverage >= clear) return 'likert';
  // Options that recur first: a checkbox answer joining three options reads like a sentence, its options do not.
  if (separator && isMultiple(s, separator, answers)) return 'multiple';
  if (s.sentences >= TYPING_RULES.sentence.share * answers) return 'text';
  return isSingle(s, answers) ? 'single' : 'text';
}

/** Integer answers of a rating: the range its header states, else a usual scale (1–5, 1–7, 1–10, 0–5, 0–10). */
export function ratingRange(header: string, s: ColumnStats): [number, number] | null {
  if (s.distinct.size < 2 || s.min < 0 || s.max > 10) return null;
  const stated = HEADER_HINTS.rating.test(fold(header)) ? statedRange(header) : null;
  if (stated && s.min >= stated[0] && s.max <= stated[1]) return stated;
  if (HEADER_HINTS.count.test(fold(header)) || s.max < 3) return null;
  if (HEADER_HINTS.rating.test(fold(header)) && s.max > 5) return [s.min === 0 ? 0 : 1, 10];
  if (s.min >= 1) return s.max <= 5 ? [1, 5] : s.max <= 7 ? [1, 7] : [1, 10];
  return s.max <= 5 ? [0, 5] : [0, 10];
}

/** Few distinct answers, short, most of them given by several people. */
function isSingle(s: ColumnStats, answers: number): boolean {
  const rule = TYPING_RULES.single;
  const size = s.distinct.size;
  if (size > rule.maxDistinct || size >= answers || size > Math.max(2, Math.ceil(answers * rule.maxDistinctShare))) return false;
  if (s.longest > rule.maxLength) return false;
  let recurring = 0;
  for (const count of s.distinct.values()) if (count > 1) recurring += count;
  return recurring >= rule.minRecurringShare * answers;
}

/** Answers that hold several options, options that recur: a multiple choice, not free text with commas. */
function isMultiple(s: ColumnStats, separator: string, answers: number): boolean {
  const rule = TYPING_RULES.multiple;
  const codes = separator === ' ';
  if (codes) for (const value of s.distinct.keys()) if (!/^[\w.-]+(?: [\w.-]+)*$/.test(value.trim())) return false;
  const { options, joined, repeated } = splitOptions(s.distinct, separator);
  if (joined === 0 || repeated || options.size > rule.maxOptions || options.size >= answers) return false;
  // An option recurs when it comes in different answers, alone or with others; the pieces of a sentence written
  // again and again come back, but always in the same answer.
  let total = 0;
  let recurring = 0;
  for (const [option, seen] of options) {
    if (!codes && classify(option).sentence) return false;
    total += seen.rows;
    if (seen.answers > 1) recurring += seen.rows;
  }
  return recurring >= rule.minRecurringShare * total;
}

/** The levels of a Likert column, lowest first: the rating's range, a known scale, or the answers as met. */
export function likertLevels(header: string, s: ColumnStats): string[] {
  const range = s.numbers > 0 ? ratingRange(header, s) : null;
  if (range) return Array.from({ length: range[1] - range[0] + 1 }, (_, k) => String(range[0] + k));
  return matchScale(s.distinct)?.levels ?? [...s.distinct.keys()].map((v) => v.trim());
}
