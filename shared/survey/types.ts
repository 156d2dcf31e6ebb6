/** The shapes the survey-reading pipeline passes around: sources, questions, problems, corrections. */
import { termIds, type TermId } from '../contract/words';
import type { Encoding } from './decode';
import type { Delimiter, SurveyRecords } from './read-table';
import type { DateOrder } from './values';

export const SOURCE_IDS = ['google-forms', 'kobotoolbox', 'limesurvey', 'framaforms', 'surveymonkey', 'typeform', 'sphinx', 'evalandgo', 'generic'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** The question types of the « Questions » tab (the contract's `questionType` words). */
export const QUESTION_TYPES = termIds('questionType');
export type QuestionType = TermId<'questionType'>;

/** Where a question's answer comes from in a row of the file. */
export type ColumnSource =
  /** One cell holds the answer; a multiple choice joins its options with `separator`. */
  | { kind: 'cell'; index: number; separator?: string }
  /** One column per option (SurveyMonkey, LimeSurvey, Kobo's 0/1 split): the option is chosen when its cell says so. */
  | { kind: 'options'; options: Array<{ index: number; option: string; chosen: 'non-empty' | 'one' | 'y' }> };

/**
 * What a tool's own column is for: kept for provenance or the response rate (an id, a time, a status), personal data
 * imported only when asked (an e-mail or IP address, a name), or of no use here (an export's row index).
 */
export type MetadataUse = 'kept' | 'personal' | 'ignored';

export interface SourceColumn {
  /** Stable name of the question across waves: the column's header (for SurveyMonkey, question and option). */
  key: string;
  /** The header as written in the file. */
  label: string;
  from: ColumnSource;
  /** What the source says the column is: its response id, a submission time, tool metadata. */
  role?: 'id' | 'timestamp' | 'metadata';
  /** For a tool's own column (any role): what it is kept for; absent means kept. */
  use?: MetadataUse;
  /** A type the source knows for sure (its own id, its timestamps). */
  type?: QuestionType;
}

/** The kinds of problems, so that the same one in many rows is shown once, grouped by column. */
export type ProblemKind =
  | 'not-date' | 'not-number' | 'not-level' | 'not-option'
  | 'ambiguous-dates' | 'duplicate-id' | 'missing-id' | 'identical-row' | 'incomplete' | 'declined'
  | 'ragged' | 'replaced-characters' | 'too-long' | 'mapped-twice' | 'unreadable' | 'other';

/** A place in the file and what is wrong there, in French. */
export interface Problem {
  /** Spreadsheet row number in the source file (header rows counted); 0 for the file as a whole. */
  row: number;
  /** The column's header as written; '' for the whole row or file. */
  column: string;
  value?: string;
  message: string;
  /** Problems of one kind in one column are shown once, with their count (absent: 'other', shown alone). */
  kind?: ProblemKind;
  /** The file question key the problem is about, when it is about one. */
  key?: string;
  /** What the group line adds, e.g. the levels of a scale. */
  detail?: string;
}

/** How the file was read: a text table, a sheet of a spreadsheet file, or a tab of this spreadsheet. */
export type FileFormat = 'csv' | 'xlsx' | 'ods' | 'tab';

export interface NormalisedTable {
  source: SourceId;
  format: FileFormat;
  encoding: Encoding;
  delimiter: Delimiter;
  /** For a spreadsheet file: its sheets and the one read. */
  sheets?: string[];
  sheet?: string;
  /** Spreadsheet row of the (first) header row. */
  headerRow: number;
  /** Every column's unique header, by position: what an answer's fingerprint is made of. */
  headers: string[];
  /** How many rows at the top of the file are headers (SurveyMonkey: 2). */
  headerRows: number;
  columns: SourceColumn[];
  /** The raw rows that hold answers (header rows and excluded rows left out). */
  rows: string[][];
  rowNumbers: number[];
  /** Day/month order the tool writes ambiguous dates in, when known. */
  dateOrder?: DateOrder;
  /** Rows the source itself says are not answers (LimeSurvey's incomplete responses). */
  excluded: Problem[];
  warnings: Problem[];
}

/** A survey tool's export format: how to recognise it and how to read its columns. */
export interface SourceProfile {
  id: SourceId;
  /** 0 (not this tool) to 1 (certainly this tool), from the first record and a few rows after it. */
  detect(headers: readonly string[], rows: readonly string[][]): number;
  normalise(records: SurveyRecords): NormalisedTable;
}

export interface Correction {
  type?: QuestionType;
  /** Likert levels, lowest first. */
  levels?: string[];
  /** For a date or timestamp column whose day and month could be swapped. */
  dateOrder?: DateOrder;
}
export type Corrections = Record<string, Correction>;
