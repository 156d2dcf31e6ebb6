/**
 * Reads what the indicator engine needs from the registry, each source tab once: the survey answers of every
 * responses tab, the observations, and (through the registry read) the definitions and manual values.
 */
import { PARADATA_BREAKDOWNS, breakdownNames, isYes, recogniseRespondentType, termId, type BreakdownParadatum, type ObservationKind } from '../../shared/contract/words';
import type { AnswerRow, AnswerValue, ObservationRow, SurveyAnswers } from '../../shared/indicators/model';
import type { Question, Survey } from '../../shared/registry/model';
import { fold } from '../../shared/text/fold';
import { lastKnownColumn, type CellValue, type TabFinder } from './registry';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

function isoOf(value: unknown): string | null {
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  const t = text(value);
  return /^\d{4}-\d{2}-\d{2}/.test(t) ? t : null;
}

/** A date cell as the day it shows (a Date at local midnight is that day, whatever UTC says). */
function dayOf(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return isoOf(value)?.slice(0, 10) ?? '';
}

function answerOf(value: CellValue | undefined): AnswerValue {
  if (value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Paradata columns, under the names indicators use to break a figure down. */
const PARADATA_SEGMENTS = (Object.keys(PARADATA_BREAKDOWNS) as BreakdownParadatum[]).map((key) => [key, breakdownNames(key)] as const);

function surveyAnswers(tabs: TabFinder, survey: Survey, questions: readonly Question[]): SurveyAnswers | null {
  const found = tabs.survey(survey.id);
  if (!found) return null;
  const sheet = found.tab.sheet;
  const contract = found.tab.columns;
  const tagged = found.questions;
  // A question column is found by its key, else by its label as written in the file.
  const byWord = new Map([...tagged].map(([value, column]) => [fold(value), column]));
  const questionColumns: Array<[string, number]> = [];
  for (const q of questions.filter((q) => q.survey.toLowerCase() === survey.id.toLowerCase())) {
    const column = byWord.get(fold(q.key)) ?? byWord.get(fold(q.label));
    if (column !== undefined) questionColumns.push([q.key, column]);
  }
  const last = sheet.getLastRow();
  const width = lastKnownColumn(found.tab, questionColumns.map(([, column]) => column));
  if (last < 2 || width === 0) return { survey: survey.id, rows: [] };
  const values = sheet.getRange(2, 1, last - 1, width).getValues() as CellValue[][];
  const at = (line: CellValue[], key: string) => {
    const column = contract.get(key);
    return column === undefined ? '' : line[column - 1];
  };
  const rows: AnswerRow[] = [];
  for (const line of values) {
    const responseId = text(at(line, 'responseId'));
    if (responseId === '') continue;
    const answers: Record<string, AnswerValue> = {};
    for (const [key, column] of questionColumns) answers[key] = answerOf(line[column - 1]);
    const segments: Record<string, string> = {};
    const wave = text(at(line, 'wave')) || survey.wave || '';
    for (const [key, names] of PARADATA_SEGMENTS) {
      const value = key === 'wave' ? wave : text(at(line, key));
      if (value !== '') for (const name of names) segments[name] = value;
    }
    const typeCell = text(at(line, 'respondentType'));
    const respondentType = recogniseRespondentType(typeCell);
    const sourceRow = Number(at(line, 'sourceRow'));
    rows.push({
      responseId,
      wave: wave || null,
      date: isoOf(at(line, 'answeredAt')) ?? isoOf(at(line, 'importedAt')),
      respondentType,
      ...(respondentType === null && typeCell !== '' && { unrecognisedType: typeCell }),
      mode: text(at(line, 'mode')) || survey.mode,
      interviewer: text(at(line, 'interviewer')) || null,
      personId: text(at(line, 'personId')) || null,
      answers,
      segments,
      sourceFile: text(at(line, 'sourceFile')) || null,
      sourceRow: Number.isInteger(sourceRow) && sourceRow > 0 ? sourceRow : null,
    });
  }
  return { survey: survey.id, rows };
}

export function readAnswers(tabs: TabFinder, surveys: readonly Survey[], questions: readonly Question[]): SurveyAnswers[] {
  return surveys.map((s) => surveyAnswers(tabs, s, questions)).filter((a): a is SurveyAnswers => a !== null);
}

/** An observation as « Observations » holds it, with its row: what exchange files and re-tagging work from. */
export interface ObservationRecord extends ObservationRow {
  row: number;
  kind: ObservationKind;
  text: string;
  note: string;
  createdAt: string;
  factDate: string;
  stakeholder: string;
  toQuote: boolean;
}

export function readObservationRecords(tabs: TabFinder): ObservationRecord[] {
  const tab = tabs.tab('observations');
  if (!tab) return [];
  const last = tab.sheet.getLastRow();
  const width = lastKnownColumn(tab);
  if (last < 2 || width === 0) return [];
  const values = tab.sheet.getRange(2, 1, last - 1, width).getValues() as CellValue[][];
  const at = (line: CellValue[], key: string) => {
    const column = tab.columns.get(key);
    return column === undefined ? '' : line[column - 1];
  };
  const records: ObservationRecord[] = [];
  values.forEach((line, i) => {
    const id = text(at(line, 'id'));
    if (id === '') return;
    const createdAt = isoOf(at(line, 'createdAt')) ?? '';
    const fact = isoOf(at(line, 'factDate'));
    records.push({
      id,
      row: i + 2,
      date: fact ?? createdAt,
      tags: text(at(line, 'tags')).split(',').map((t) => t.trim()).filter(Boolean),
      consent: termId('consent', text(at(line, 'consent'))),
      scope: termId('scope', text(at(line, 'scope'))) ?? 'interne',
      personId: text(at(line, 'personId')) || null,
      kind: termId('observationKind', text(at(line, 'kind'))) ?? 'observation',
      text: text(at(line, 'text')),
      note: text(at(line, 'note')),
      createdAt,
      factDate: dayOf(at(line, 'factDate')),
      stakeholder: text(at(line, 'stakeholder')),
      toQuote: isYes(text(at(line, 'toQuote'))),
    });
  });
  return records;
}

/** What the indicator engine counts: each observation's date, tags, consent, usage and person. */
export function readObservations(tabs: TabFinder): ObservationRow[] {
  return readObservationRecords(tabs).map(({ id, date, tags, consent, scope, personId }) => ({ id, date, tags, consent, scope, personId }));
}
