/**
 * What the indicator engine reads (plain data the server builds from the sheet) and what it returns (rows for
 * « Valeurs », checks per survey wave, and person-level flags that never leave the structure).
 */
import type { Consent, RespondentType, Scope, StatusId } from '../contract/words';
import type { Indicator, ManualValue, Outcome, Question, Survey, Theme } from '../registry/model';

export type AnswerValue = string | number | null;

export interface AnswerRow {
  responseId: string;
  /** Survey wave (T0, T1…) or null when the survey has a single wave. */
  wave: string | null;
  /** ISO date (YYYY-MM-DD or a full ISO date-time) the answer was given, used for month/quarter/half/year periods. */
  date: string | null;
  /** The person themself, aided (an assisted self-report, not a proxy) or someone answering for them; null: not given. */
  respondentType: RespondentType | null;
  mode: string | null;
  interviewer: string | null;
  /** Pseudonymous person id that links a person's answers across waves (before/after pairs). */
  personId: string | null;
  /** Keyed by question key; labels as exported, numbers as numbers or numeric text. */
  answers: Readonly<Record<string, AnswerValue>>;
  /** Paradata and breakdown columns (site, tranche d'âge…) by column key; question answers are looked up as well. */
  segments: Readonly<Record<string, string>>;
  /** What the respondent-type cell says when it names no known type: reported, never guessed. */
  unrecognisedType?: string;
  /** The imported file and its row, so a flagged answer sheet can be named by what the team knows. */
  sourceFile?: string | null;
  sourceRow?: number | null;
}

export interface SurveyAnswers {
  survey: string;
  rows: readonly AnswerRow[];
}

export interface ObservationRow {
  id: string;
  /** ISO date or date-time of the observation. */
  date: string;
  tags: readonly string[];
  consent: Consent | null;
  scope: Scope;
  /** The pseudonymous code of the person it is about, or null when none was given. */
  personId: string | null;
}

export interface ComputeInput {
  indicators: readonly Indicator[];
  questions: readonly Question[];
  surveys: readonly Survey[];
  outcomes?: readonly Outcome[];
  /** The codebook's themes, so that an observations indicator may name a theme or an outcome. */
  themes?: readonly Theme[];
  manualValues: readonly ManualValue[];
  answers: readonly SurveyAnswers[];
  observations: readonly ObservationRow[];
  /** Order of the waves, first = before; default: natural order of their labels (T0 < T1 < T2). */
  waveOrder?: readonly string[];
}

/** Where a value stands against its target; '' when there is neither target nor baseline to judge against. */
export type Status = StatusId | '';

export type FlagCode =
  | 'small_sample'
  | 'wide_margin'
  | 'suppressed'
  | 'no_period'
  | 'missing_question'
  | 'invalid_answers'
  | 'item_nonresponse'
  | 'dont_know'
  | 'response_rate'
  | 'proxy_share'
  | 'proxy_excluded'
  | 'too_few_for_interval'
  | 'pairs_left_out'
  | 'check_unavailable'
  | 'respondent_type_unknown'
  | 'attrition'
  | 'pairs_type_changed'
  | 'test_not_informative'
  | 'ceiling'
  | 'floor'
  | 'interviewer_gap'
  | 'mode_gap'
  | 'straight_lining'
  | 'acquiescence'
  | 'no_person';

export interface Flag {
  code: FlagCode;
  /** `alerte`: read the figure with care; `info`: context worth knowing. */
  level: 'alerte' | 'info';
  message: string;
}

/** A share of people with its 95 % Wilson interval (0–100). */
export interface ShareWithInterval {
  count: number;
  percent: number;
  /** Null below the indicator's minimum n. */
  low: number | null;
  high: number | null;
}

/** Why people seen at one of two waves are not in a before/after pair, each reason counted once per person. */
export interface PairsLeftOut {
  /** Seen after, with no answer before (no questionnaire, or the question left blank). */
  noBefore: number;
  /** Seen before, with no questionnaire after (attrition). */
  noAfter: number;
  /** A questionnaire after, the question left blank. */
  blankAfter: number;
  /** Self-report indicators: the answer before, or after, was given by someone else. */
  proxyBefore: number;
  proxyAfter: number;
  /** Answered themself at one wave and through someone else (or unknown) at the other. */
  typeChanged: number;
}

/** Counts and extra statistics behind a value, so that figures can be pooled (adding counts) and charted. */
export interface ValueDetail {
  /** Numerator of a proportion or of a count. */
  k?: number;
  /** « personnes distinctes qui évoquent le thème »: k people raise it out of n met in the period. */
  persons?: { k: number; n: number };
  sum?: number;
  sumSquares?: number;
  sd?: number | null;
  median?: number | null;
  /** The interval's method, in words (« Wilson », « t de Student »…); absent when there is no interval. */
  interval?: string;
  /** Below the minimum n no interval is given: « trop peu de réponses ». */
  intervalWithheld?: boolean;
  /** The p-value of the test behind the figure, when the test could inform. */
  p?: number;
  /** The scale's bounds the interval was kept inside. */
  bounds?: { min: number; max: number };
  /** Answers per level, lowest → highest, for a single Likert or choice question. */
  distribution?: Array<{ level: string; count: number }>;
  /** Non-answers left out of the base. */
  missing?: number;
  dontKnow?: number;
  change?: {
    /** binary: a yes/no share (McNemar); ordinal: ranks on a scale of answers; score: a number or a scale score. */
    kind: 'binary' | 'ordinal' | 'score';
    before: string;
    after: string;
    pairs: number;
    improved: number;
    stable: number;
    worse: number;
    /** The three shares with their Wilson intervals (ordinal and binary changes; scores too, for the chart). */
    shares: { improved: ShareWithInterval; stable: ShareWithInterval; worse: ShareWithInterval } | null;
    /** binary: the share meeting the condition at each wave, among the pairs (0–100). */
    shareBefore?: number;
    shareAfter?: number;
    /** score: the mean at each wave, among the pairs. */
    meanBefore?: number;
    meanAfter?: number;
    leftOut: PairsLeftOut;
    test: { name: 'wilcoxon' | 'mcnemar'; p: number | null; method: string | null; message: string | null };
  };
}

export interface ValueRow {
  indicator: string;
  period: string;
  /** '' for everyone, else `column = value`. */
  segment: string;
  value: number | null;
  n: number | null;
  low: number | null;
  high: number | null;
  baseline: number | null;
  target: number | null;
  status: Status;
  flags: Flag[];
  methodText: string;
  /** Hidden on the internal dashboard (fewer than 5 people, or fewer than the indicator's minimum). */
  suppressed: boolean;
  /**
   * Hidden in anything that leaves the structure by this figure's own counts (fewer than 11 people in the numerator,
   * the denominator or the complement). Outputs do not read it: they take their figures from the outward gate
   * (shared/outward/gate.ts), which applies the same rule per audience and hides the figures derivable from others.
   */
  exportSuppressed: boolean;
  /** false for manual values echoed with their status: the server never rewrites those rows. */
  computed: boolean;
  detail: ValueDetail;
}

export interface SurveyCheck {
  survey: string;
  wave: string;
  respondents: number;
  invited: number | null;
  responseRate: number | null;
  proxyShare: number | null;
  /** The questionnaires filled by someone else, out of those whose respondent type is known (proxyShare's counts). */
  proxies: number;
  typeKnown: number;
  /** People seen at the survey's first wave and without a questionnaire at this one; null at the first wave. */
  attrition: { since: string; seen: number; lost: number } | null;
  flags: Flag[];
}

/** Flags about one answer sheet: for review inside the structure only, never exported or pushed. */
export interface PersonFlag {
  survey: string;
  wave: string;
  responseId: string;
  personId: string | null;
  /** How the team finds the answer sheet: « personne A012 », else « ligne 14 de aidants-t0.csv ». */
  who: string;
  code: 'straight_lining' | 'acquiescence';
  message: string;
}

export interface ComputeResult {
  values: ValueRow[];
  surveyChecks: SurveyCheck[];
  personFlags: PersonFlag[];
}
