/**
 * The import transaction (begin → chunks → quotes → finish) as the sidebar and the CLI send it to the server: each
 * request small enough for one execution and one google.script.run payload.
 */
import type { Consent } from '../contract/words';

/** Cells per chunk: one google.script.run payload and one setValues. */
export const MAX_CHUNK_CELLS = 1_200_000;
/**
 * Rows per chunk whatever the width (up to MAX_CHUNK_CELLS): the number of calls does not grow with the columns, and
 * a 100,000-row export takes 5 chunks (3 spreadsheet calls each). Google documents no payload limit for
 * google.script.run: a chunk call that fails is retried in halves (see mapping-run.ts), down to a single row.
 */
export const CHUNK_ROWS = 20_000;
/** Quotes sent to « Observations » per call. */
export const QUOTE_CHUNK = 2_000;

/** Rows per chunk for a responses tab `width` columns wide. */
export function chunkRows(width: number): number {
  return Math.max(1, Math.min(CHUNK_ROWS, Math.floor(MAX_CHUNK_CELLS / Math.max(1, width))));
}

/** Contract fields of a responses row, as the begin call lays them out; question columns are `q:<key>`. */
export const QUESTION_FIELD = 'q:';

export interface BeginImportRequest {
  surveyId: string;
  /** For a survey not yet in « Enquêtes ». */
  surveyName?: string;
  /** The source tool (google-forms…), written in « Enquêtes » for a new survey. */
  tool: string;
  wave: string;
  fileName: string;
  fileHash: string;
  /**
   * The columns to write, in file order: key in the registry (mapped) or the file's own key. A tool's own column
   * (role metadata) is never read by the computation; one of personal data (role personal) says so in its header.
   */
  questions: Array<{ key: string; label: string; type: string; role?: 'metadata' | 'personal' }>;
  /** Every answer's key, in file order. */
  keys: string[];
  /** The mapping and corrections to remember for this survey. */
  mapping?: unknown;
}

export interface BeginImportResult {
  ok: true;
  importId: string;
  tab: string;
  /** One entry per column from the first written column to the last: a contract key, `q:<key>`, or '' (not Repère's). */
  fields: string[];
  /** Indexes (into keys) of the answers already in the tab, or repeated in the file. */
  present: number[];
  /** New rows reserved. */
  planned: number;
  /** Rows already written by this reservation (a resumed import continues after them). */
  written: number;
  chunkRows: number;
  /** True when an interrupted import of the same file was taken over. */
  resumed: boolean;
}

export interface ImportChunkRequest {
  surveyId: string;
  importId: string;
  /** Index, among the new rows, of this chunk's first row. */
  offset: number;
  /** One array per new row, one cell per field of the begin call's layout. */
  rows: Array<Array<string | number | null>>;
}

export interface ImportChunkResult {
  ok: true;
  written: number;
  planned: number;
}

export interface ImportQuote {
  id: string;
  text: string;
  /** null: the file gave no consent (no consent column mapped, or an answer that says neither yes nor no). */
  consent: Consent | null;
  /** The question's label, kept as the quote's source title. */
  question: string;
}

export interface ImportQuotesRequest {
  surveyId: string;
  importId: string;
  quotes: ImportQuote[];
}

export interface ImportQuotesResult {
  ok: true;
  added: number;
  alreadyPresent: number;
}

export interface FinishImportRequest {
  surveyId: string;
  importId: string;
  /** Rows of the file that hold answers, excluded rows included. */
  read: number;
  /** Rows the source marks as not answers (LimeSurvey's incomplete responses), with why. */
  rejected: Array<{ row: number; message: string }>;
  quotes?: { sent: number; added: number };
  /** The file's warnings, one line per column and kind, for the Journal. */
  warnings?: string[];
}

export interface FinishImportResult {
  ok: true;
  tab: string;
  read: number;
  inserted: number;
  alreadyPresent: number;
  rejected: number;
  /** The Journal line. */
  summary: string;
}

export type ImportFailure = { ok: false; message: string };
