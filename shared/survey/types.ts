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

export interface SourceColumn {
  /** Stable name of the question across waves: the column's header (for SurveyMonkey, question and option). */
  key: string;
  /** The header as written in the file. */
  label: string;
  from: ColumnSource;
  /** What the source says the column is: its response id, a submission time, tool metadata. */
  role?: 'id' | 'timestamp' | 'metadata';
  /** A type the source knows for sure (its own id, its timestamps). */
  type?: QuestionType;
}

/** A place in the file and what is wrong there, in French. */
export interface Problem {
  /** Spreadsheet row number in the source file (header rows counted); 0 for the file as a whole. */
  row: number;
  /** The column's header as written; '' for the whole row or file. */
  column: string;
  value?: string;
  message: string;
}

export interface NormalisedTable {
  source: SourceId;
  encoding: Encoding;
  delimiter: Delimiter;
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
