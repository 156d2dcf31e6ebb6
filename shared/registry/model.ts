/** The registry's definitions once read and checked: what computation, tagging and reports work from. */
import type { TermId } from '../contract/words';
import type { Condition } from './condition';
import type { Target } from './targets';

/** The methods computed from a survey's answers (the others count observations or take entered values). */
export const SURVEY_METHODS = ['proportion', 'mean', 'median', 'count', 'sum', 'scale', 'change'] as const satisfies ReadonlyArray<TermId<'method'>>;

export type IndicatorSource =
  | { type: 'survey'; survey: string; questions: string[] }
  | { type: 'observations'; tags: string[] }
  | { type: 'manual' };

export interface Outcome {
  id: string;
  stakeholder: string;
  change: string;
  level: string | null;
  /** The REFI-QDA GUID it leaves under as a top-level code, '' until its first export. */
  guid: string;
  row: number;
}

/** A sub-theme of an outcome (« Thèmes »): the codebook's second level, below the outcomes. */
export interface Theme {
  id: string;
  outcome: string;
  label: string;
  description: string;
  /** #RRGGBB, or '' when none is given. */
  colour: string;
  /** The REFI-QDA GUID it leaves under, '' until its first export. */
  guid: string;
  row: number;
}

export interface Indicator {
  code: string;
  name: string;
  outcome: string;
  kind: TermId<'kind'>;
  method: TermId<'method'>;
  source: IndicatorSource;
  condition: Condition | null;
  unit: string;
  direction: TermId<'direction'>;
  baseline: { value: number; period: string } | null;
  targets: Target[];
  granularity: TermId<'granularity'>;
  disaggregation: string[];
  minN: number;
  respondentRule: TermId<'respondentRule'>;
  /** The shared definition it was adopted from (code, cohort id, version); empty for a local indicator, which never leaves. */
  cohortCode: string;
  cohort: string;
  cohortVersion: number | null;
  irisPlus: string;
  row: number;
}

export interface Survey {
  id: string;
  name: string;
  wave: string;
  invited: number | null;
  mode: string | null;
  row: number;
}

export interface Question {
  survey: string;
  key: string;
  label: string;
  type: TermId<'questionType'>;
  /** The answers that are levels (lowest first for a scale); never « Ne sait pas » and its kind. */
  levels: string[];
  /** Answers offered apart from the levels (« Ne sait pas », « Préfère ne pas répondre »): never a level. */
  nonAnswers?: string[];
  scale: string;
  reversed: boolean;
  /** The waves the question is asked at (« T1 » only for a follow-up question); empty: every wave. */
  waves: string[];
  row: number;
}

export interface ManualValue {
  indicator: string;
  period: string;
  segment: string;
  value: number;
  n: number | null;
  row: number;
}

export interface Registry {
  outcomes: Outcome[];
  themes: Theme[];
  indicators: Indicator[];
  surveys: Survey[];
  questions: Question[];
  manualValues: ManualValue[];
}
