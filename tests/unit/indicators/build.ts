// Small builders for registry records and answer rows, so each test states only what matters to it.
import type { Indicator, Question, Survey } from '../../../shared/registry/model';
import type { AnswerRow, ComputeInput } from '../../../shared/indicators/model';

export const AGREE = ["Pas du tout d'accord", "Plutôt pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"];

export function indicator(over: Partial<Indicator>): Indicator {
  return {
    code: 'I1', name: 'Test', outcome: 'C1', kind: 'quantitative', method: 'proportion',
    source: { type: 'survey', survey: 'E1', questions: ['q'] }, condition: null, unit: '%', direction: 'up',
    baseline: null, targets: [], granularity: 'wave', disaggregation: [], minN: 0, respondentRule: 'proxy',
    cohortCode: '', cohort: '', cohortVersion: null, irisPlus: '', row: 2, ...over,
  };
}

export function question(key: string, over: Partial<Question> = {}): Question {
  return { survey: 'E1', key, label: key, type: 'likert', levels: AGREE, scale: '', reversed: false, waves: [], row: 2, ...over };
}

export function survey(over: Partial<Survey> = {}): Survey {
  return { id: 'E1', name: 'Enquête', wave: '', invited: null, mode: null, row: 2, ...over };
}

let counter = 0;
export function answer(answers: AnswerRow['answers'], over: Partial<AnswerRow> = {}): AnswerRow {
  counter++;
  return {
    responseId: `r${counter}`, wave: 'T0', date: '2026-02-10', respondentType: 'self', mode: null, interviewer: null,
    personId: null, answers, segments: {}, ...over,
  };
}

/** n copies of the same answer row. */
export function times<T = AnswerRow>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

export function input(over: Partial<ComputeInput> & Pick<ComputeInput, 'indicators'>): ComputeInput {
  return {
    questions: [question('q')], surveys: [survey()], outcomes: [{ id: 'C1', stakeholder: 'Aidants', change: '', level: null, guid: '', row: 2 }],
    manualValues: [], answers: [], observations: [], ...over,
  };
}
