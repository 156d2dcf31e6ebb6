/**
 * The survey-reading pipeline from bytes to typed, validated, keyed answers: read the file (text table or
 * spreadsheet), recognise the source, type each question (with the person's corrections), check every cell, key every
 * answer. Nothing here turns text into a formula: values stay the strings written in the file, numbers, or ISO dates.
 * A value that does not read as its column's type is kept as written and reported once per column, never a reason
 * to refuse the file.
 */
import { sha256Hex } from '../crypto/sha256';
import { MAX_CELL_CHARS } from '../sheet/cell';
import type { Encoding } from './decode';
import { holdsAddresses, isPersonalHeader } from './metadata';
import { splitOptions } from './options';
import { groupProblems, type ProblemGroup } from './problems';
import { readSurveyFile, type FileOptions } from './read-file';
import { sheetRecords, type Delimiter, type RecordsRead } from './read-table';
import { levelIndex } from './scales';
import { recogniseSource } from './sources/index';
import type { Corrections, FileFormat, MetadataUse, NormalisedTable, Problem, ProblemKind, QuestionType, SourceColumn, SourceId } from './types';
import { fold } from '../text/fold';
import { emptyStats, finishStats, guessType, likertLevels, observe, TYPING_RULES, type ColumnStats } from './typing';
import { dateParts, isMissingAnswer, isoDate, parseNumber, type DateOrder } from './values';

export interface ImportOptions extends FileOptions {
  corrections?: Corrections;
}

export interface ImportQuestion {
  key: string;
  label: string;
  type: QuestionType;
  levels?: string[];
  /** Set for a tool's own column (its response id, a time, metadata): not a question of the survey. */
  role?: SourceColumn['role'];
  /** For a tool's own column: kept, personal (imported only when asked) or ignored. */
  use?: MetadataUse;
  from: SourceColumn['from'];
  /** Options seen, for a multiple choice. */
  options?: string[];
  dateOrder?: DateOrder;
  /** Answers present, blank cells, and answers that say « no answer » (NSP, Refus…), counted apart. */
  answered: number;
  blank: number;
  missing: number;
  /** Up to three different answers, as written: what the preview shows beside the type. */
  examples: string[];
}

/** Whether a column of the file is a question of the survey (not the tool's own id, time or metadata). */
export const isQuestion = (q: Pick<ImportQuestion, 'role'>) => q.role === undefined;

/** One answer cell as it will be written: the text as typed, a number, an ISO date, or null when blank. */
export type AnswerValue = string | number | null;

export interface PreparedImport {
  table: {
    source: SourceId;
    format: FileFormat;
    encoding: Encoding;
    delimiter: Delimiter;
    sheets?: string[];
    sheet?: string;
    headerRow: number;
    headerRows: number;
    /** values[i][q] is the answer of row i to questions[q]. */
    values: AnswerValue[][];
    rowNumbers: number[];
  };
  /** Every column of the file: the survey's questions and the tool's own columns (role set). */
  questions: ImportQuestion[];
  /** keys[i]: `tool:<source>:<id>` when the tool gives an id, otherwise `fp:<hash>` (`#2`, `#3` for identical rows). */
  keys: string[];
  problems: { errors: Problem[]; warnings: Problem[]; excluded: Problem[] };
}

const EXAMPLES = 3;

/** Reads, types, checks and keys a survey export; a file that cannot be read at all comes back empty with one error. */
export function prepareImport(bytes: Uint8Array, options: ImportOptions = {}): PreparedImport {
  return prepareRecords(readSurveyFile(bytes, options), options);
}

/** A tab of the spreadsheet (a Google Form's linked responses) read like a file: its header row first, then answers. */
export function prepareValues(values: readonly string[][], options: ImportOptions = {}): PreparedImport {
  return prepareRecords(sheetRecords(values), options);
}

function prepareRecords(read: RecordsRead, options: ImportOptions): PreparedImport {
  if (!read.ok) {
    return {
      table: { source: 'generic', format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 1, headerRows: 1, values: [], rowNumbers: [] },
      questions: [],
      keys: [],
      problems: { errors: [{ row: 0, column: '', kind: 'unreadable', message: read.message }], warnings: [], excluded: [] },
    };
  }
  return prepareTable(recogniseSource(read.records).normalise(read.records), options.corrections ?? {});
}

export function prepareTable(table: NormalisedTable, corrections: Corrections): PreparedImport {
  const errors: Problem[] = [];
  const warnings: Problem[] = [...table.warnings];
  const cells = table.columns.map((column) => cellReader(column));
  const stats = table.columns.map((column) => emptyStats(column.type !== undefined));
  for (const row of table.rows) {
    for (let q = 0; q < cells.length; q++) {
      const value = cells[q]!(row);
      if (value !== '') observe(stats[q]!, value);
    }
  }
  for (const s of stats) finishStats(s);
  const questions = table.columns.map((column, q) => decide(column, stats[q]!, table, corrections[column.key] ?? {}, warnings));
  const values: AnswerValue[][] = new Array(table.rows.length);
  const converters = questions.map((question, q) => converter(question, stats[q]!));
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    const out: AnswerValue[] = new Array(questions.length);
    for (let q = 0; q < questions.length; q++) {
      const raw = cells[q]!(row);
      if (raw === '' || raw.trim() === '') {
        out[q] = null;
        continue;
      }
      if (raw.length > MAX_CELL_CHARS) {
        // The one kind of value that would be written wrong: no spreadsheet cell holds it.
        const question = questions[q]!;
        const size = String(raw.length).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
        errors.push({ row: table.rowNumbers[i]!, column: question.label, key: question.key, kind: 'too-long', value: `${raw.slice(0, 60)}…`, message: `Ligne ${table.rowNumbers[i]}, colonne « ${question.label} » : ${size} caractères, plus que les 50 000 qu’une cellule peut contenir. Raccourcissez cette réponse dans le fichier, puis réimportez-le.` });
        out[q] = raw;
        continue;
      }
      const converted = converters[q]!(raw);
      if (typeof converted === 'object' && converted !== null) {
        // Kept as written: nothing is lost, and the column's other answers keep their type.
        out[q] = raw;
        const question = questions[q]!;
        warnings.push({ row: table.rowNumbers[i]!, column: question.label, key: question.key, value: raw.trim(), ...converted });
        continue;
      }
      out[q] = converted;
    }
    values[i] = out;
  }
  const keys = answerKeys(table, questions, values, warnings);
  return {
    table: {
      source: table.source, format: table.format, encoding: table.encoding, delimiter: table.delimiter,
      ...(table.sheets && { sheets: table.sheets, sheet: table.sheet }),
      headerRow: table.headerRow, headerRows: table.headerRows, values, rowNumbers: table.rowNumbers,
    },
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

function examples(s: ColumnStats): string[] {
  const out: string[] = [];
  for (const value of s.distinct.keys()) {
    if (out.length === EXAMPLES) break;
    out.push(value.trim());
  }
  return out;
}

/** A column the tool does not mark, whose header or answers are e-mail or IP addresses: personal data. */
function personal(column: SourceColumn, s: ColumnStats): boolean {
  return column.role === undefined && (isPersonalHeader(column.label) || holdsAddresses(s.distinct));
}

function decide(column: SourceColumn, s: ColumnStats, table: NormalisedTable, correction: Corrections[string], warnings: Problem[]): ImportQuestion {
  const answers = s.nonBlank - s.missing;
  const role = personal(column, s) ? { role: 'metadata' as const, use: 'personal' as const } : column.role ? { role: column.role, use: column.use ?? 'kept' } : {};
  const separator = column.from.kind === 'cell' ? column.from.separator : undefined;
  const type = correction.type ?? column.type ?? (role.use === 'personal' ? 'text' : guessType(column.label, s, separator));
  const question: ImportQuestion = {
    key: column.key, label: column.label, type, ...role, from: column.from, answered: answers, blank: table.rows.length - s.nonBlank, missing: s.missing, examples: examples(s),
  };
  if (type === 'likert') question.levels = correction.levels ?? likertLevels(column.label, s);
  if (type === 'single' && correction.levels) question.levels = correction.levels;
  if (type === 'multiple') question.options = multipleOptions(column, s);
  if (type === 'date' || type === 'timestamp') question.dateOrder = dateOrderFor(question, s, table, correction.dateOrder, warnings);
  return question;
}

function multipleOptions(column: SourceColumn, s: ColumnStats): string[] {
  if (column.from.kind === 'options') return column.from.options.map((o) => o.option);
  return [...splitOptions(s.distinct, column.from.separator ?? ';').options.keys()];
}

function dateOrderFor(question: ImportQuestion, s: ColumnStats, table: NormalisedTable, corrected: DateOrder | undefined, warnings: Problem[]): DateOrder {
  if (corrected) return corrected;
  if (s.firstOver12 > 0 && s.secondOver12 === 0) return 'dmy';
  if (s.secondOver12 > 0 && s.firstOver12 === 0) return 'mdy';
  const order = table.dateOrder ?? 'dmy';
  if (s.slash > 0 && s.firstOver12 === 0) {
    const how = order === 'dmy' ? 'jour/mois/année' : 'mois/jour/année';
    const why = table.dateOrder ? `le format habituel de ${table.source}` : 'le format français par défaut';
    warnings.push({
      row: 0,
      column: question.label,
      key: question.key,
      kind: 'ambiguous-dates',
      message: `Dates ambiguës dans « ${question.label} » : aucune ne permet de distinguer le jour du mois (ex. 03/04). Elles sont lues en ${how} (${why}). Si c’est l’inverse, corrigez l’ordre des dates de cette question dans l’aperçu.`,
    });
  }
  return order;
}

type Unread = { kind: ProblemKind; message: string; detail?: string };
type Converted = AnswerValue | Unread;

/** How each cell of a question becomes its value, or why it cannot (then it is kept as written). */
function converter(question: ImportQuestion, s: ColumnStats): (raw: string) => Converted {
  const memo = new Map<string, Converted>();
  const convert = convertOne(question, s);
  return (raw) => {
    let out = memo.get(raw);
    if (out === undefined) {
      out = isMissingAnswer(raw) ? raw : convert(raw);
      if (memo.size < TYPING_RULES.distinctCap) memo.set(raw, out);
    }
    return out;
  };
}

function convertOne(question: ImportQuestion, s: ColumnStats): (raw: string) => Converted {
  switch (question.type) {
    case 'number':
      return (raw) => parseNumber(raw) ?? { kind: 'not-number', message: `« ${raw.trim()} » n’est pas un nombre : gardé tel quel, en texte.` };
    case 'date':
    case 'timestamp': {
      const order = question.dateOrder ?? 'dmy';
      return (raw) => {
        const parts = dateParts(raw);
        const iso = parts && isoDate(parts, order);
        return iso ?? { kind: 'not-date', message: `« ${raw.trim()} » n’est pas une date : gardée telle quelle, en texte.` };
      };
    }
    case 'likert': {
      const levels = question.levels ?? [];
      const numeric = levels.every((level) => parseNumber(level) !== null);
      const detail = levels.join(' < ');
      return (raw) => {
        const index = levelIndex(levels, raw);
        if (index < 0) return { kind: 'not-level', detail, message: `« ${raw.trim()} » n’est pas un niveau de l’échelle (${detail}) : gardé tel quel, en texte.` };
        return numeric ? Number(levels[index]) : raw;
      };
    }
    case 'multiple': {
      if (question.from.kind === 'options') return (raw) => raw;
      // One cell, options joined by the tool's separator: written « A ; B », as the computation reads them.
      const separator = question.from.separator ?? ';';
      if (separator.trim() === ';') return (raw) => raw;
      const { split } = splitOptions(s.distinct, separator);
      return (raw) => split(raw).join(' ; ');
    }
    default:
      return (raw) => raw;
  }
}

/**
 * Each answer's key: the tool's own response id, else a fingerprint of what the row says (each column's header with
 * its text as written, blank cells left out), so that a later export with added columns, another typing or another
 * choice of columns to import gives the same answers the same keys.
 */
function answerKeys(table: NormalisedTable, questions: ImportQuestion[], values: AnswerValue[][], warnings: Problem[]): string[] {
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
        warnings.push({ row, column: questions[idIndex]!.label, kind: 'duplicate-id', value: String(id), message: `Identifiant de réponse déjà vu ligne ${seen} : cette réponse sera comptée comme déjà présente. Vérifiez que l’outil n’a pas exporté deux fois la même réponse.` });
      } else firstRow.set(key, row);
      keys[i] = key;
      continue;
    }
    if (idIndex >= 0) {
      warnings.push({ row, column: questions[idIndex]!.label, kind: 'missing-id', message: 'Identifiant de réponse manquant : cette réponse est repérée par son contenu. Vérifiez la ligne dans l’export.' });
    }
    const cells = table.rows[i]!;
    const pairs: string[] = [];
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c]!.trim();
      if (text !== '') pairs.push(table.headers[c]!, text);
    }
    const base = `fp:${sha256Hex(JSON.stringify(pairs)).slice(0, 32)}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    if (n > 1) {
      warnings.push({ row, column: '', kind: 'identical-row', message: `Réponse identique à celle de la ligne ${firstRow.get(base)} : gardée comme une réponse distincte (${n}e occurrence). Supprimez-la de l’export si c’est un doublon.` });
      keys[i] = `${base}#${n}`;
    } else {
      firstRow.set(base, row);
      keys[i] = base;
    }
  }
  return keys;
}

/* ------------------------------------------------------------ what the preview and `repere inspect` show */

export interface InspectionGroup {
  kind: ProblemKind;
  column: string;
  key?: string;
  count: number;
  message: string;
  /** Every row of the group (the « voir toutes les lignes » list). */
  rows: number[];
  problems: Array<{ row: number; column: string; value?: string; message: string }>;
}

export interface SurveyInspection {
  source: SourceId;
  format: FileFormat;
  encoding: Encoding;
  delimiter: Delimiter;
  sheets?: string[];
  sheet?: string;
  headerRow: number;
  rows: number;
  questions: Array<{ key: string; label: string; type: QuestionType; levels?: string[]; examples: string[] }>;
  /** The tool's own columns, folded in the preview, never questions. */
  metadata: Array<{ key: string; label: string; use: MetadataUse }>;
  errors: InspectionGroup[];
  warnings: InspectionGroup[];
}

/** Problems grouped by column and kind, with the number of answers of each question for the group lines. */
export function problemGroups(prepared: PreparedImport, problems: readonly Problem[]): ProblemGroup[] {
  const answered = new Map(prepared.questions.map((q) => [q.label, q.answered + q.missing]));
  return groupProblems(problems, (column) => answered.get(column));
}

function inspectionGroup(group: ProblemGroup): InspectionGroup {
  return {
    kind: group.kind,
    column: group.column,
    ...(group.key !== undefined && { key: group.key }),
    count: group.count,
    message: group.message,
    rows: group.problems.map((p) => p.row).filter((r) => r > 0),
    problems: group.problems.map((p) => ({ row: p.row, column: p.column, ...(p.value !== undefined && { value: p.value }), message: p.message })),
  };
}

/** What the preview shows and `repere inspect FILE --json` prints. */
export function inspectSurvey(bytes: Uint8Array, options: ImportOptions = {}): SurveyInspection {
  return inspectPrepared(prepareImport(bytes, options));
}

export function inspectPrepared(prepared: PreparedImport): SurveyInspection {
  const { table, questions, problems } = prepared;
  return {
    source: table.source,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    ...(table.sheets && { sheets: table.sheets, sheet: table.sheet }),
    headerRow: table.headerRow,
    rows: table.values.length,
    questions: questions.filter(isQuestion).map((q) => ({ key: q.key, label: q.label, type: q.type, ...(q.levels && { levels: q.levels }), examples: q.examples })),
    metadata: questions.filter((q) => !isQuestion(q)).map((q) => ({ key: q.key, label: q.label, use: q.use ?? 'kept' })),
    errors: problemGroups(prepared, problems.errors).map(inspectionGroup),
    warnings: problemGroups(prepared, [...problems.warnings, ...problems.excluded]).map(inspectionGroup),
  };
}
