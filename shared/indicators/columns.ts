/**
 * A survey's answers read once, column by column: each question's cells coded once (shared by every indicator that
 * reads it), each scale scored once per person, and periods and segments turned into small integer ids, so that
 * computing forty indicators costs little more than reading the sheet.
 */
import type { Indicator } from '../registry/model';
import type { Coded, QuestionCoder, ScaleScorer } from './answers';
import type { AnswerRow } from './model';
import { periodOf } from './periods';

export const UNKNOWN_SEGMENT = 'non renseigné';

/** Row → id of its group (-1: none), and the label of each id. */
export interface Groups {
  ids: Int32Array;
  labels: string[];
}

/** Groups rows by a key; `label` turns each distinct key into the group's label (once per group, not per row). */
function group(rows: readonly AnswerRow[], keyOf: (row: AnswerRow) => string | null, label: (key: string) => string = (k) => k): Groups {
  const ids = new Int32Array(rows.length);
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const key = keyOf(rows[i]!);
    if (key === null) {
      ids[i] = -1;
      continue;
    }
    let id = index.get(key);
    if (id === undefined) {
      id = labels.length;
      index.set(key, id);
      labels.push(label(key));
    }
    ids[i] = id;
  }
  return { ids, labels };
}

function segmentValue(row: AnswerRow, column: string): string {
  const own = row.segments[column];
  if (own !== undefined && own !== '') return own;
  const answer = row.answers[column];
  return answer === null || answer === undefined || answer === '' ? UNKNOWN_SEGMENT : String(answer);
}

export class SurveyColumns {
  private readonly coded = new Map<QuestionCoder, Coded[]>();
  private readonly scored = new Map<ScaleScorer, Coded[]>();
  private readonly periodGroups = new Map<string, Groups>();
  private readonly segmentGroups = new Map<string, Groups>();
  private readonly paradataGroups = new Map<string, Groups>();

  constructor(readonly rows: readonly AnswerRow[]) {}

  column(coder: QuestionCoder): Coded[] {
    let column = this.coded.get(coder);
    if (!column) {
      const key = coder.question.key;
      column = this.rows.map((row) => coder.code(row.answers[key]));
      this.coded.set(coder, column);
    }
    return column;
  }

  scores(scorer: ScaleScorer): Coded[] {
    let column = this.scored.get(scorer);
    if (!column) {
      column = this.rows.map((row) => scorer.score(row.answers));
      this.scored.set(scorer, column);
    }
    return column;
  }

  periods(granularity: Indicator['granularity']): Groups {
    let groups = this.periodGroups.get(granularity);
    if (!groups) {
      const byDate = new Map<string, string | null>();
      groups = group(this.rows, (row) => {
        if (granularity === 'wave') return row.wave;
        if (!row.date) return null;
        const month = row.date.slice(0, 7);
        let period = byDate.get(month);
        if (period === undefined) byDate.set(month, (period = periodOf(row.date, granularity)));
        return period;
      });
      this.periodGroups.set(granularity, groups);
    }
    return groups;
  }

  /** Interviewers or modes (rows without one: -1). */
  paradata(field: 'interviewer' | 'mode'): Groups {
    let groups = this.paradataGroups.get(field);
    if (!groups) {
      groups = group(this.rows, (row) => row[field] || null);
      this.paradataGroups.set(field, groups);
    }
    return groups;
  }

  /** Segments of a breakdown column, labelled `column = value`. */
  segments(column: string): Groups {
    let groups = this.segmentGroups.get(column);
    if (!groups) {
      groups = group(this.rows, (row) => segmentValue(row, column), (value) => `${column} = ${value}`);
      this.segmentGroups.set(column, groups);
    }
    return groups;
  }
}
