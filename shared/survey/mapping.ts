/**
 * Mapping a survey file to the registry, pure: which registry question each column answers (suggested by label
 * similarity), where the paradata come from (a column or one value for the whole file), which free-text questions
 * become quotes, and the rows a begin call's layout asks for. Saved per survey and reused for the next wave.
 */
import { sha256Hex } from '../crypto/sha256';
import type { AnswerValue, PreparedImport } from './import';
import type { Correction, Corrections, Problem, QuestionType } from './types';
import { RECORD_LANG, recogniseRespondentType, termLabel, type Consent } from '../contract/words';
import { fold } from '../text/fold';
import { QUESTION_FIELD } from './chunk';

/** A paradatum for the whole file, or read from one of its columns (by the file's question key). */
export interface ParadataSource {
  column?: string;
  value?: string;
}

export const PARADATA = ['wave', 'respondentType', 'mode', 'interviewer', 'personId'] as const;
export type ParadataKey = (typeof PARADATA)[number];

export interface ImportMapping {
  /** Type, levels or date order corrected in the preview, by the file's question key. */
  corrections: Corrections;
  /** File question key → registry question key (« Questions » tab); absent: the column keeps the file's key. */
  questions: Record<string, string>;
  paradata: Partial<Record<ParadataKey, ParadataSource>>;
  /** Free-text questions whose answers go to « Observations » as quotes, and the column holding consent. */
  quotes: { questions: string[]; consent?: string };
  /** The column saying whether the person agreed to answer: rows without that agreement are not imported. */
  participation?: string;
  /** Columns of personal data (e-mail, IP address…) the person asked to import, by file key: none by default. */
  personal: string[];
}

/**
 * A column that a questionnaire Repère generated is known to produce, under one of the headers its tools write
 * (a Google Form's item title, an XLSForm name or label): what it holds, so the first import needs no mapping step.
 */
export interface KnownColumn {
  header: string;
  question?: string;
  paradata?: ParadataKey;
  participation?: true;
  quoteConsent?: true;
  /** Free-text answers sent to « Observations » as quotes. */
  quote?: true;
  correction?: Correction;
}

/** The columns of one generated questionnaire, and the paradata it does not ask (the mode of a one-mode survey). */
export interface KnownInstrument {
  survey: string;
  wave: string;
  columns: KnownColumn[];
  fixed: Partial<Record<ParadataKey, string>>;
}

export function emptyMapping(): ImportMapping {
  return { corrections: {}, questions: {}, paradata: {}, quotes: { questions: [] }, personal: [] };
}

/** A saved mapping read back (a document property): anything malformed is dropped, never trusted. */
export function readMapping(raw: unknown): ImportMapping {
  const out = emptyMapping();
  if (!raw || typeof raw !== 'object') return out;
  const m = raw as Record<string, unknown>;
  const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  for (const [k, c] of Object.entries(record(m.corrections))) {
    const cr = record(c);
    const correction: Corrections[string] = {};
    if (typeof cr.type === 'string') correction.type = cr.type as never;
    if (Array.isArray(cr.levels) && cr.levels.every((l) => typeof l === 'string')) correction.levels = cr.levels as string[];
    if (cr.dateOrder === 'dmy' || cr.dateOrder === 'mdy') correction.dateOrder = cr.dateOrder;
    out.corrections[k] = correction;
  }
  for (const [k, v] of Object.entries(record(m.questions))) if (typeof v === 'string' && v !== '') out.questions[k] = v;
  for (const key of PARADATA) {
    const p = record(record(m.paradata)[key]);
    const source: ParadataSource = {};
    if (typeof p.column === 'string' && p.column !== '') source.column = p.column;
    if (typeof p.value === 'string' && p.value !== '') source.value = p.value;
    if (source.column || source.value) out.paradata[key] = source;
  }
  const quotes = record(m.quotes);
  if (Array.isArray(quotes.questions)) out.quotes.questions = quotes.questions.filter((q): q is string => typeof q === 'string');
  if (typeof quotes.consent === 'string' && quotes.consent !== '') out.quotes.consent = quotes.consent;
  if (typeof m.participation === 'string' && m.participation !== '') out.participation = m.participation;
  if (Array.isArray(m.personal)) out.personal = m.personal.filter((k): k is string => typeof k === 'string');
  return out;
}

/* ------------------------------------------------------------ label similarity */

const STOP = new Set(fold('le la les l de du des d un une et ou a au aux en dans pour par sur vous votre vos je me mon ma mes est etes the of and or to in for your you is are do does how what').split(' '));

function tokens(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((t) => t.length > 1 && !STOP.has(t));
}

function trigrams(text: string): Map<string, number> {
  const s = ` ${tokens(text).join(' ')} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= s.length; i++) {
    const g = s.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** 0 (nothing in common) to 1 (same words): the better of word overlap and character-trigram overlap. */
export function labelSimilarity(a: string, b: string): number {
  const ta = new Set(tokens(a));
  const tb = new Set(tokens(b));
  if (ta.size === 0 || tb.size === 0) return fold(a) === fold(b) && fold(a) !== '' ? 1 : 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  const jaccard = common / (ta.size + tb.size - common);
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  const dice = total === 0 ? 0 : (2 * shared) / total;
  return Math.max(jaccard, dice);
}

export interface RegistryQuestion {
  key: string;
  label: string;
  /** The question's type and levels as the « Questions » tab defines them (lowest level first). */
  type?: QuestionType;
  levels?: string[];
}

export interface QuestionSuggestion {
  key: string;
  score: number;
}

/** Below this, no suggestion: a wrong guess is worse than none. */
export const SUGGESTION_THRESHOLD = 0.5;

/**
 * For each file question, the registry question it most likely answers: a saved mapping first, then the same key,
 * then the most similar label; each registry question is suggested once, best pairs first.
 */
export function suggestQuestions(
  file: ReadonlyArray<{ key: string; label: string }>,
  registry: readonly RegistryQuestion[],
  saved: Record<string, string> = {},
): Record<string, QuestionSuggestion> {
  const out: Record<string, QuestionSuggestion> = {};
  const taken = new Set<string>();
  const known = new Set(registry.map((r) => r.key));
  for (const q of file) {
    const key = saved[q.key];
    if (key && known.has(key) && !taken.has(key)) {
      out[q.key] = { key, score: 1 };
      taken.add(key);
    }
  }
  for (const q of file) {
    if (out[q.key] || !known.has(q.key) || taken.has(q.key)) continue;
    out[q.key] = { key: q.key, score: 1 };
    taken.add(q.key);
  }
  const pairs: Array<{ file: string; key: string; score: number }> = [];
  for (const q of file) {
    if (out[q.key]) continue;
    for (const r of registry) {
      if (taken.has(r.key)) continue;
      const score = Math.max(labelSimilarity(q.label, r.label), labelSimilarity(q.key, r.key) * 0.9);
      if (score >= SUGGESTION_THRESHOLD) pairs.push({ file: q.key, key: r.key, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  for (const p of pairs) {
    if (out[p.file] || taken.has(p.key)) continue;
    out[p.file] = { key: p.key, score: Math.round(p.score * 100) / 100 };
    taken.add(p.key);
  }
  return out;
}

/** File columns that usually hold paradata, by their header (case and accents folded). */
const PARADATA_HEADERS: Record<ParadataKey, RegExp> = {
  personId: /^(code|identifiant|id|numero|n°)\b.*\b(personne|aidant|aidante|beneficiaire|usager|participant)|^(code|identifiant) (pseudonyme|anonyme)/,
  respondentType: /qui (remplit|repond)|type de repondant|^repondant|rempli par|respondent type/,
  interviewer: /^(enqueteur|enqueteuse|saisi par|interviewer)/,
  mode: /^mode( de passation)?$|^collection mode/,
  wave: /^(vague|wave|temps de mesure)$/,
};

/** Whether a question's wording says it holds this paradatum (« Qui remplit ce questionnaire ? » → respondentType). */
export function looksLikeParadata(key: ParadataKey, label: string): boolean {
  return PARADATA_HEADERS[key].test(fold(label));
}

/**
 * Completes a saved mapping for a file, without overriding anything a person chose: questions mapped by suggestion,
 * the registry's type and levels for mapped questions (so a registry's own scale is never misread as another known
 * scale), and paradata columns recognised by their header.
 */
export function completeMapping(
  saved: ImportMapping,
  columns: ReadonlyArray<{ key: string; label: string; role?: string }>,
  registry: readonly RegistryQuestion[],
  known: readonly KnownInstrument[] = [],
): ImportMapping {
  // The tool's own columns (ids, times, metadata) are never a registry question nor a paradatum.
  const file = columns.filter((q) => q.role === undefined);
  const mapping: ImportMapping = {
    corrections: { ...saved.corrections },
    questions: { ...saved.questions },
    paradata: { ...saved.paradata },
    quotes: { questions: [...saved.quotes.questions], ...(saved.quotes.consent !== undefined && { consent: saved.quotes.consent }) },
    personal: [...saved.personal],
    ...(saved.participation !== undefined && { participation: saved.participation }),
  };
  const reserved = applyKnown(mapping, file, known);
  // A column read as paradata (saved from an earlier wave, or recognised now) is never also an answer to a question:
  // one column, one meaning, whatever the order of imports.
  const paradataColumns = new Set(PARADATA.map((key) => mapping.paradata[key]?.column).filter((c): c is string => c !== undefined));
  for (const column of paradataColumns) delete mapping.questions[column];
  // Consent columns are not questions either: never suggested as one.
  for (const column of reserved) paradataColumns.add(column);
  for (const key of PARADATA) {
    if (mapping.paradata[key]) continue;
    const column = file.find((q) => looksLikeParadata(key, q.label) && !paradataColumns.has(q.key));
    if (column) {
      mapping.paradata[key] = { column: column.key };
      paradataColumns.add(column.key);
    }
  }
  const questions = file.filter((q) => !paradataColumns.has(q.key));
  for (const [fileKey, suggestion] of Object.entries(suggestQuestions(questions, registry, mapping.questions))) mapping.questions[fileKey] = suggestion.key;
  for (const [fileKey, registryKey] of Object.entries(mapping.questions)) {
    const question = registry.find((r) => r.key === registryKey);
    if (!question?.type || mapping.corrections[fileKey]?.type) continue;
    mapping.corrections[fileKey] = { ...mapping.corrections[fileKey], type: question.type, ...(question.levels?.length && { levels: question.levels }) };
  }
  return mapping;
}

/**
 * The generated questionnaire a file comes from, if any: it has the consent column every generated questionnaire asks
 * first (a hand-made form with the registry's wording is not taken for one), and of those, the most known headers.
 */
function knownInstrumentOf(file: ReadonlyArray<{ key: string; label: string }>, known: readonly KnownInstrument[]): { instrument: KnownInstrument; byFileKey: Map<string, KnownColumn> } | null {
  let best: { instrument: KnownInstrument; byFileKey: Map<string, KnownColumn> } | null = null;
  for (const instrument of known) {
    const byHeader = new Map(instrument.columns.map((c) => [fold(c.header), c]));
    const byFileKey = new Map<string, KnownColumn>();
    for (const q of file) {
      const column = byHeader.get(fold(q.key)) ?? byHeader.get(fold(q.label));
      if (column) byFileKey.set(q.key, column);
    }
    const consent = [...byFileKey.values()].some((c) => c.participation);
    if (consent && (!best || byFileKey.size > best.byFileKey.size)) best = { instrument, byFileKey };
  }
  return best;
}

/**
 * Fills the mapping from the questionnaire the file comes from, leaving alone whatever a person chose for a column
 * this file has; returns the file columns that hold paradata or consent (never suggested as questions).
 */
function applyKnown(mapping: ImportMapping, file: ReadonlyArray<{ key: string; label: string }>, known: readonly KnownInstrument[]): Set<string> {
  const reserved = new Set<string>();
  const match = knownInstrumentOf(file, known);
  if (!match) return reserved;
  const inFile = new Set(file.map((q) => q.key));
  const free = (column: string | undefined) => column === undefined || !inFile.has(column);
  for (const [fileKey, column] of match.byFileKey) {
    if (column.question && !mapping.questions[fileKey]) mapping.questions[fileKey] = column.question;
    if (column.paradata) {
      reserved.add(fileKey);
      if (free(mapping.paradata[column.paradata]?.column)) mapping.paradata[column.paradata] = { ...mapping.paradata[column.paradata], column: fileKey };
    }
    if (column.participation) {
      reserved.add(fileKey);
      if (free(mapping.participation)) mapping.participation = fileKey;
    }
    if (column.quoteConsent) {
      reserved.add(fileKey);
      if (free(mapping.quotes.consent)) mapping.quotes.consent = fileKey;
    }
    if (column.quote && !mapping.quotes.questions.includes(fileKey)) mapping.quotes.questions.push(fileKey);
    if (column.correction) mapping.corrections[fileKey] = { ...column.correction, ...mapping.corrections[fileKey] };
  }
  for (const [key, value] of Object.entries(match.instrument.fixed) as Array<[ParadataKey, string]>) {
    if (!mapping.paradata[key]?.value && free(mapping.paradata[key]?.column)) mapping.paradata[key] = { value };
  }
  if (match.instrument.wave && !mapping.paradata.wave?.value && free(mapping.paradata.wave?.column)) mapping.paradata.wave = { value: match.instrument.wave };
  return reserved;
}

/* ------------------------------------------------------------ paradata and consent answers */

/**
 * The respondent-type cell the import writes for an answer: the word of a recognised type, else the answer as given,
 * trimmed, so nothing a person wrote is lost (the computation reads it as not given).
 */
export function respondentTypeCell(answer: string): string {
  const type = recogniseRespondentType(answer);
  return type === null ? answer.trim() : termLabel('respondentType', type, RECORD_LANG);
}

/** A consent answer of a survey file: oui / accepte → obtenu, non / refus → non obtenu, non requis; anything else null. */
export function consentOf(answer: string | number | null | undefined): Consent | null {
  const t = fold(String(answer ?? ''));
  if (t === '') return null;
  if (/non requis|pas requis|not required/.test(t)) return 'non requis';
  if (/^(non|no|0|refus|refuse|pas d'accord|non obtenu|n)\b/.test(t) || /non obtenu|refus/.test(t)) return 'non obtenu';
  if (/^(oui|yes|1|y|ok|d'accord|j'accepte|accepte|obtenu)\b/.test(t) || /obtenu|accepte|consent/.test(t)) return 'obtenu';
  return null;
}

/** A quote's id, stable across imports of the same answer: re-importing never duplicates it. */
export function quoteId(responseKey: string, questionKey: string): string {
  return `imp-${sha256Hex(`${responseKey}\u0000${questionKey}`).slice(0, 24)}`;
}

/* ------------------------------------------------------------ consent to answer */

/**
 * The answers of people who agreed to take part: a row whose consent column does not say yes is set aside with its
 * reason (counted as refused in the Journal), never written. Without a consent column, every row stays.
 */
export function withoutRefusals(prepared: PreparedImport, mapping: ImportMapping): PreparedImport {
  const column = mapping.participation;
  const at = column === undefined ? -1 : prepared.questions.findIndex((q) => q.key === column);
  if (at < 0) return prepared;
  const label = prepared.questions[at]!.label;
  const kept: number[] = [];
  const excluded: Problem[] = [];
  prepared.table.values.forEach((row, i) => {
    const answer = row[at];
    const consent = consentOf(answer);
    if (consent === 'obtenu') {
      kept.push(i);
      return;
    }
    const line = prepared.table.rowNumbers[i]!;
    excluded.push({
      row: line,
      column: label,
      kind: 'declined',
      ...(answer !== null && answer !== undefined && { value: String(answer) }),
      message:
        consent === 'non obtenu'
          ? `Ligne ${line} : la personne n’a pas accepté de répondre ; sa réponse n’est pas importée.`
          : `Ligne ${line} : l’accord pour répondre n’est pas indiqué (colonne « ${label} ») ; la réponse n’est pas importée. Si la personne a accepté, complétez cette case puis réimportez le fichier.`,
    });
  });
  if (excluded.length === 0) return prepared;
  return {
    ...prepared,
    table: { ...prepared.table, values: kept.map((i) => prepared.table.values[i]!), rowNumbers: kept.map((i) => prepared.table.rowNumbers[i]!) },
    keys: kept.map((i) => prepared.keys[i]!),
    problems: { ...prepared.problems, excluded: [...prepared.problems.excluded, ...excluded] },
  };
}

/* ------------------------------------------------------------ rows for the begin call's layout */

export interface RowContext {
  fileName: string;
  fileHash: string;
  mapping: ImportMapping;
  /** Column key in the sheet (registry key or file key) → index in prepared.questions. */
  questionIndex: Map<string, number>;
}

/** The column key a file question is written under: its registry question when mapped, else its own key. */
export function sheetKey(mapping: ImportMapping, fileKey: string): string {
  return mapping.questions[fileKey] || fileKey;
}

/** A builder for the cells of one new row, in the begin call's field order. */
export function rowBuilder(prepared: PreparedImport, fields: readonly string[], ctx: RowContext): (i: number) => Array<string | number | null> {
  const byFileKey = new Map(prepared.questions.map((q, index) => [q.key, index]));
  const getters = fields.map((field): ((i: number) => AnswerValue) => {
    if (field.startsWith(QUESTION_FIELD)) {
      const q = ctx.questionIndex.get(field.slice(QUESTION_FIELD.length));
      return q === undefined ? () => null : (i) => prepared.table.values[i]![q] ?? null;
    }
    switch (field) {
      case 'responseId':
        return (i) => prepared.keys[i]!;
      case 'sourceFile':
        return () => ctx.fileName;
      case 'fileHash':
        return () => ctx.fileHash;
      case 'sourceRow':
        return (i) => prepared.table.rowNumbers[i]!;
      case 'answeredAt': {
        // The tool's own timestamp (Horodateur, submitdate, _submission_time…): what monthly and yearly periods use.
        const q = prepared.questions.findIndex((question) => question.role === 'timestamp' || question.type === 'timestamp');
        return q < 0 ? () => null : (i) => prepared.table.values[i]![q] ?? null;
      }
      case 'wave':
      case 'respondentType':
      case 'mode':
      case 'interviewer':
      case 'personId': {
        const source = ctx.mapping.paradata[field];
        const q = source?.column !== undefined ? byFileKey.get(source.column) : undefined;
        const fixed = source?.value ?? '';
        const normalise = field === 'respondentType' ? respondentTypeCell : (s: string) => s.trim();
        if (q === undefined) {
          const value = normalise(fixed);
          return () => value;
        }
        return (i) => {
          const v = prepared.table.values[i]![q];
          return v === null || v === undefined || String(v).trim() === '' ? normalise(fixed) : normalise(String(v));
        };
      }
      default:
        return () => null;
    }
  });
  return (i) => getters.map((get) => get(i));
}
