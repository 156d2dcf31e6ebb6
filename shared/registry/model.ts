/** The registry's definitions once read and checked: what computation, tagging and reports work from. */
import type { Condition } from './condition';
import type { Target } from './targets';

export type IndicatorSource =
  | { type: 'survey'; survey: string; questions: string[] }
  | { type: 'observations'; tags: string[] }
  | { type: 'manual' };

export interface Outcome {
  id: string;
  stakeholder: string;
  change: string;
  level: string | null;
  row: number;
}

export interface Indicator {
  code: string;
  name: string;
  outcome: string;
  kind: 'quantitative' | 'qualitative';
  method: 'proportion' | 'mean' | 'median' | 'count' | 'sum' | 'scale' | 'change' | 'observations' | 'manual';
  source: IndicatorSource;
  condition: Condition | null;
  unit: string;
  direction: 'up' | 'down' | 'stable';
  baseline: { value: number; period: string } | null;
  targets: Target[];
  granularity: 'month' | 'quarter' | 'half' | 'year' | 'wave';
  disaggregation: string[];
  minN: number;
  respondentRule: 'self' | 'proxy';
  cohortCode: string;
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
  type: 'identifier' | 'timestamp' | 'date' | 'number' | 'single' | 'multiple' | 'likert' | 'text';
  levels: string[];
  scale: string;
  reversed: boolean;
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
  indicators: Indicator[];
  surveys: Survey[];
  questions: Question[];
  manualValues: ManualValue[];
}
