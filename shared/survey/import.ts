/**
 * The survey-reading pipeline from bytes to typed, validated, keyed answers: recognise the source, type each
 * question (with the person's corrections), check every cell, key every answer. Nothing here turns text into a
 * formula: values stay the strings written in the file, numbers, or ISO dates.
 */
import { sha256Hex } from '../crypto/sha256';
import { decodeBytes, type Encoding } from './decode';
import { readSurveyRecords, sheetRecords, type Delimiter } from './read-table';
import { levelIndex, matchScale } from './scales';
import { recogniseSource } from './sources/index';
import type { Corrections, NormalisedTable, Problem, QuestionType, SourceColumn, SourceId } from './types';
import { fold } from '../text/fold';
import { dateParts, isMissingAnswer, isoDate, parseNumber, type DateOrder, type DateParts } from './values';

export interface ImportOptions {
  corrections?: Corrections;
}

export interface ImportQuestion {
  key: string;
  label: string;
  type: QuestionType;
  levels?: string[];
  role?: SourceColumn['role'];
  from: SourceColumn['from'];
  /** Options seen, for a multiple choice. */
  options?: string[];
  dateOrder?: DateOrder;
  /** Answers present, blank cells, and answers that say « no answer » (NSP, Refus…), counted apart. */
  answered: number;
  blank: number;
  missing: number;
}

/** One answer cell as it will be written: the text as typed, a number, an ISO date, or null when blank. */
export type AnswerValue = string | number | null;

export interface PreparedImport {
  table: {
    source: SourceId;
    encoding: Encoding;
    delimiter: Delimiter;
    headerRows: number;
    /** values[i][q] is the answer of row i to questions[q]. */
    values: AnswerValue[][];
    rowNumbers: number[];
  };
  questions: ImportQuestion[];
  /** keys[i]: `tool:<source>:<id>` when the tool gives an id, otherwise `fp:<hash>` (`#2`, `#3` for identical rows). */
  keys: string[];
  problems: { errors: Problem[]; warnings: Problem[]; excluded: Problem[] };
}


/** Distinct answers tracked per column; past that, a column is free text (or numbers, dates, ids). */
const DISTINCT_CAP = 2_000;
/** Problems listed per question before a summary line takes over. */
const PROBLEMS_PER_QUESTION = 200;
const CLEAR = 0.8;
const COUNT_HEADER = /nombre|combien|\bnb(?:\b|_)|\bn°|âge|\bage\b|heure|jour|mois|ann[ée]e|montant|€|dur[ée]e|how many|number|count|hours|days|amount|years?\b/i;
const ID_HEADER = /^(?:id|identifiant|n°|no|num[ée]ro|code|r[ée]pondant)(?![a-zà-ÿ])/i;
const LONG_TEXT = 80;

interface CellInfo {
  missing: boolean;
  number: number | null;
  date: DateParts | null;
}

interface ColumnStats {
  nonBlank: number;
  missing: number;
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
  cache: Map<string, CellInfo>;
}

/** Reads, types, checks and keys a survey export; a file that cannot be read at all comes back empty with one error. */
export function prepareImport(bytes: Uint8Array, options: ImportOptions = {}): PreparedImport {
  const read = readSurveyRecords(bytes);
  if (!read.ok) {
    return {
      table: { source: 'generic', encoding: decodeBytes(bytes.subarray(0, 4)).encoding, delimiter: ',', headerRows: 1, values: [], rowNumbers: [] },
      questions: [],
      keys: [],
      problems: { errors: [{ row: 0, column: '', message: read.message }], warnings: [], excluded: [] },
    };
  }
  const normalised = recogniseSource(read.records).normalise(read.records);
  return prepareTable(normalised, options.corrections ?? {});
}

/** A tab of the spreadsheet (a Google Form's linked responses) read like a file: its header row first, then answers. */
export function prepareValues(values: readonly string[][], options: ImportOptions = {}): PreparedImport {
  const records = sheetRecords(values);
  return prepareTable(recogniseSource(records).normalise(records), options.corrections ?? {});
}

export function prepareTable(table: NormalisedTable, corrections: Corrections): PreparedImport {
  const errors: Problem[] = [];
  const warnings: Problem[] = [...table.warnings];
  const cells = table.columns.map((column) => cellReader(column));
  const stats = table.columns.map(() => emptyStats());
  for (const row of table.rows) {
    for (let q = 0; q < cells.length; q++) {
      const value = cells[q]!(row);
      if (value !== '') observe(stats[q]!, value);
    }
  }
  const questions = table.columns.map((column, q) => decide(column, stats[q]!, table, corrections[column.key] ?? {}, warnings));
  const values: AnswerValue[][] = new Array(table.rows.length);
  const perQuestion = new Array<number>(questions.length).fill(0);
  const converters = questions.map((question) => converter(question));
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    const out: AnswerValue[] = new Array(questions.length);
    for (let q = 0; q < questions.length; q++) {
      const raw = cells[q]!(row);
      if (raw === '' || raw.trim() === '') {
        out[q] = null;
        continue;
      }
      const converted = converters[q]!(raw);
      if (typeof converted === 'object' && converted !== null) {
        out[q] = raw;
        if (++perQuestion[q]! <= PROBLEMS_PER_QUESTION) {
          errors.push({ row: table.rowNumbers[i]!, column: questions[q]!.label, value: raw, message: converted.message });
        }
        continue;
      }
      out[q] = converted;
    }
    values[i] = out;
  }
  questions.forEach((question, q) => {
    if (perQuestion[q]! > PROBLEMS_PER_QUESTION) {
      errors.push({ row: 0, column: question.label, message: `${perQuestion[q]} réponses en tout ne correspondent pas au type « ${question.type} » dans cette colonne ; seules les ${PROBLEMS_PER_QUESTION} premières sont listées.` });
    }
  });
  const keys = answerKeys(table, questions, values, errors, warnings);
  return {
    table: { source: table.source, encoding: table.encoding, delimiter: table.delimiter, headerRows: table.headerRows, values, rowNumbers: table.rowNumbers },
    questions,
    keys,
    problems: { errors, warnings, excluded: table.excluded },
  };
}

/** The text of a question's answer in a row; options columns give the chosen options joined with « ; ». */
function cellReader(column: SourceColumn): (row: readonly string[]) => string {
  const from = column.from;
  if (from.kind === 'cell') {
    const index = from.index;
    return (row) => row[index]!;
  }
  const options = from.options;
  return (row) => {
    let out = '';
    for (const option of options) {
      const cell = row[option.index]!.trim();
      if (cell === '' || (option.chosen === 'one' && cell === '0') || (option.chosen === 'y' && fold(cell) === 'n')) continue;
      out = out === '' ? option.option : `${out} ; ${option.option}`;
    }
    return out;
  };
}

function emptyStats(): ColumnStats {
  return {
    nonBlank: 0, missing: 0, distinct: new Map(), overflow: false, numbers: 0, integers: true, min: Infinity, max: -Infinity,
    dates: 0, withTime: 0, slash: 0, firstOver12: 0, secondOver12: 0, longest: 0, cache: new Map(),
  };
}

function classify(value: string): CellInfo {
  const missing = isMissingAnswer(value);
  return { missing, number: missing ? null : parseNumber(value), date: missing ? null : dateParts(value) };
}

function observe(s: ColumnStats, value: string): void {
  let info = s.cache.get(value);
  if (info === undefined) {
    if (value.trim() === '') return;
    info = classify(value);
    if (s.cache.size < DISTINCT_CAP) s.cache.set(value, info);
  }
  s.nonBlank++;
  if (info.missing) {
    s.missing++;
    return;
  }
  const count = s.distinct.get(value);
  if (count !== undefined) s.distinct.set(value, count + 1);
  else if (s.distinct.size < DISTINCT_CAP) s.distinct.set(value, 1);
  else s.overflow = true;
  if (value.length > s.longest) s.longest = value.length;
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

function decide(column: SourceColumn, s: ColumnStats, table: NormalisedTable, correction: { type?: QuestionType; levels?: string[]; dateOrder?: DateOrder }, warnings: Problem[]): ImportQuestion {
  const answers = s.nonBlank - s.missing;
  const base = { key: column.key, label: column.label, role: column.role, from: column.from, answered: answers, blank: table.rows.length - s.nonBlank, missing: s.missing };
  const type = correction.type ?? column.type ?? guessType(column, s, answers);
  const question: ImportQuestion = { ...base, type };
  if (type === 'likert') {
    question.levels = correction.levels ?? likertLevels(s);
  }
  if (type === 'multiple') question.options = multipleOptions(column, s);
  if (type === 'date' || type === 'timestamp') {
    question.dateOrder = dateOrderFor(column, s, table, correction.dateOrder, warnings);
  }
  return question;
}

function guessType(column: SourceColumn, s: ColumnStats, answers: number): QuestionType {
  if (answers === 0) return 'text';
  if (s.dates >= CLEAR * answers) return s.withTime > 0 ? 'timestamp' : 'date';
  const header = column.label;
  if (s.numbers >= CLEAR * answers) {
    if (ID_HEADER.test(header.trim()) && !s.overflow && s.distinct.size === answers) return 'identifier';
    if (s.integers && s.min >= 0 && s.max <= 1) return 'single';
    if (s.integers && numericScale(s) && !COUNT_HEADER.test(header)) return 'likert';
    return 'number';
  }
  if (ID_HEADER.test(header.trim()) && !s.overflow && s.distinct.size === answers && answers > 1) return 'identifier';
  if (s.overflow) return 'text';
  const scale = matchScale(s.distinct);
  if (scale && scale.coverage >= CLEAR) return 'likert';
  const separator = column.from.kind === 'cell' ? column.from.separator : undefined;
  if (separator && looksMultiple(s, separator, answers)) return 'multiple';
  // Choices repeat; free text rarely does.
  if (s.longest <= LONG_TEXT && s.distinct.size <= 20 && s.distinct.size < answers && s.distinct.size <= Math.ceil(answers * 0.6)) return 'single';
  return 'text';
}

/** Integer answers that fit a usual rating scale: 1–5, 1–7, 1–10, 0–5, 0–10. */
function numericScale(s: ColumnStats): [number, number] | null {
  if (s.distinct.size < 2 || s.min < 0 || s.max < 3 || s.max > 10) return null;
  if (s.min >= 1) return s.max <= 5 ? [1, 5] : s.max <= 7 ? [1, 7] : [1, 10];
  return s.max <= 5 ? [0, 5] : [0, 10];
}

function likertLevels(s: ColumnStats): string[] {
  const range = numericScale(s);
  if (range && s.numbers > 0) return Array.from({ length: range[1] - range[0] + 1 }, (_, k) => String(range[0] + k));
  return matchScale(s.distinct)?.levels ?? [...s.distinct.keys()].map((v) => v.trim());
}

/** Options recur across answers and some answers hold several: a multiple choice, not free text. */
function looksMultiple(s: ColumnStats, separator: string, answers: number): boolean {
  const parts = new Map<string, number>();
  let joined = 0;
  const codes = separator === ' ';
  for (const [value, count] of s.distinct) {
    const split = value.split(separator).map((p) => p.trim()).filter((p) => p !== '');
    if (codes && split.some((p) => !/^[\w.-]+$/.test(p))) return false;
    if (split.length > 1) joined += count;
    for (const p of split) parts.set(p, (parts.get(p) ?? 0) + count);
  }
  return joined > 0 && parts.size <= 30 && parts.size < answers;
}

function multipleOptions(column: SourceColumn, s: ColumnStats): string[] {
  if (column.from.kind === 'options') return column.from.options.map((o) => o.option);
  const separator = column.from.separator ?? ';';
  const seen = new Set<string>();
  for (const value of s.distinct.keys()) for (const p of value.split(separator)) if (p.trim() !== '') seen.add(p.trim());
  return [...seen];
}

function dateOrderFor(column: SourceColumn, s: ColumnStats, table: NormalisedTable, corrected: DateOrder | undefined, warnings: Problem[]): DateOrder {
  if (corrected) return corrected;
  if (s.firstOver12 > 0 && s.secondOver12 === 0) return 'dmy';
  if (s.secondOver12 > 0 && s.firstOver12 === 0) return 'mdy';
  const order = table.dateOrder ?? 'dmy';
  if (s.slash > 0 && s.firstOver12 === 0) {
    const how = order === 'dmy' ? 'jour/mois/année' : 'mois/jour/année';
    const why = table.dateOrder ? `le format habituel de ${table.source}` : 'le format français par défaut';
    warnings.push({
      row: 0,
      column: column.label,
      message: `Dates ambiguës dans « ${column.label} » : aucune ne permet de distinguer le jour du mois (ex. 03/04). Elles sont lues en ${how} (${why}). Si c’est l’inverse, corrigez l’ordre des dates de cette question dans l’aperçu.`,
    });
  }
  return order;
}

type Converted = AnswerValue | { message: string };

/** How each cell of a question becomes its value, or the French message saying why it cannot. */
function converter(question: ImportQuestion): (raw: string) => Converted {
  const memo = new Map<string, Converted>();
  const convert = convertOne(question);
  return (raw) => {
    let out = memo.get(raw);
    if (out === undefined) {
      out = isMissingAnswer(raw) ? raw : convert(raw);
      if (memo.size < DISTINCT_CAP) memo.set(raw, out);
    }
    return out;
  };
}

function convertOne(question: ImportQuestion): (raw: string) => Converted {
  switch (question.type) {
    case 'number':
      return (raw) => parseNumber(raw) ?? { message: `« ${raw.trim()} » n’est pas un nombre. Écrivez un nombre en chiffres (12 ou 1 234,5), laissez la case vide, ou changez le type de la question en « texte ».` };
    case 'date':
    case 'timestamp': {
      const order = question.dateOrder ?? 'dmy';
      const how = order === 'dmy' ? 'jj/mm/aaaa' : 'mm/jj/aaaa';
      return (raw) => {
        const parts = dateParts(raw);
        const iso = parts && isoDate(parts, order);
        return iso ?? { message: `« ${raw.trim()} » n’est pas une date valide (attendu : ${how} ou aaaa-mm-jj). Corrigez la date, ou changez le type de la question en « texte ».` };
      };
    }
    case 'likert': {
      const levels = question.levels ?? [];
      const numeric = levels.every((level) => parseNumber(level) !== null);
      return (raw) => {
        const index = levelIndex(levels, raw);
        if (index < 0) {
          return { message: `« ${raw.trim()} » n’est pas un niveau de l’échelle (${levels.join(' < ')}). Corrigez la réponse, ajoutez ce niveau à l’échelle dans l’aperçu, ou changez le type de la question.` };
        }
        return numeric ? Number(levels[index]) : raw;
      };
    }
    case 'multiple': {
      if (question.from.kind !== 'options') return (raw) => raw;
      const checks = question.from.options.map((o) => o.chosen);
      return (raw) => (checks.includes('one') && !/^[\w .;-]*$/.test(raw) ? { message: `« ${raw} » : seules les valeurs 0 et 1 sont attendues dans les colonnes d’options.` } : raw);
    }
    default:
      return (raw) => raw;
  }
}

function answerKeys(table: NormalisedTable, questions: ImportQuestion[], values: AnswerValue[][], errors: Problem[], warnings: Problem[]): string[] {
  const idIndex = questions.findIndex((q) => q.role === 'id');
  const keys: string[] = new Array(values.length);
  const firstRow = new Map<string, number>();
  const occurrences = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const row = table.rowNumbers[i]!;
    const id = idIndex >= 0 ? values[i]![idIndex] : null;
    if (id !== null && id !== undefined && String(id).trim() !== '') {
      const key = `tool:${table.source}:${String(id).trim()}`;
      const seen = firstRow.get(key);
      if (seen !== undefined) {
        warnings.push({ row, column: questions[idIndex]!.label, value: String(id), message: `Identifiant de réponse déjà vu ligne ${seen} : cette réponse sera comptée comme déjà présente. Vérifiez que l’outil n’a pas exporté deux fois la même réponse.` });
      } else firstRow.set(key, row);
      keys[i] = key;
      continue;
    }
    if (idIndex >= 0) {
      errors.push({ row, column: questions[idIndex]!.label, message: `Identifiant de réponse manquant : cette réponse est repérée par son contenu. Vérifiez la ligne dans l’export.` });
    }
    const base = `fp:${sha256Hex(JSON.stringify(values[i])).slice(0, 32)}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    if (n > 1) {
      warnings.push({ row, column: '', message: `Réponse identique à celle de la ligne ${firstRow.get(base)} : gardée comme une réponse distincte (${n}e occurrence). Supprimez-la de l’export si c’est un doublon.` });
      keys[i] = `${base}#${n}`;
    } else {
      firstRow.set(base, row);
      keys[i] = base;
    }
  }
  return keys;
}

export interface SurveyInspection {
  source: SourceId;
  encoding: Encoding;
  delimiter: Delimiter;
  rows: number;
  questions: Array<{ key: string; label: string; type: QuestionType; levels?: string[] }>;
  errors: Array<{ row: number; column: string; message: string }>;
  warnings: Array<{ row: number; column: string; message: string }>;
}

/** What the preview shows and `repere inspect FILE --json` prints. */
export function inspectSurvey(bytes: Uint8Array, options: ImportOptions = {}): SurveyInspection {
  const { table, questions, problems } = prepareImport(bytes, options);
  const place = (p: Problem) => ({ row: p.row, column: p.column, message: p.message });
  return {
    source: table.source,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rows: table.values.length,
    questions: questions.map((q) => (q.levels ? { key: q.key, label: q.label, type: q.type, levels: q.levels } : { key: q.key, label: q.label, type: q.type })),
    errors: problems.errors.map(place),
    warnings: [...problems.warnings, ...problems.excluded].map(place),
  };
}
