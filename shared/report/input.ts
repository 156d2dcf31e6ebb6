/**
 * What the report generator reads: plain data the server (or the CLI, through the bundle) gathers from the registry —
 * definitions, the computed values with their detail and the checks of each survey wave, the observations with their
 * consent and usage, the « Démarche » rows and the « Décisions » — and what the person asked for (which document, for
 * whom, which period, which outcomes). Person-level flags are not part of it: nothing here can carry them.
 */
import type { Audience, Consent, DecisionStatus, Lang, ObservationKind, Scope } from '../contract/words';
import type { SurveyCheck, ValueRow } from '../indicators/model';
import type { Indicator, Outcome, Question, Survey, Theme } from '../registry/model';

/** An observation as a report may quote it: its text is already pseudonymised (the extension did it before sending). */
export interface ReportObservation {
  id: string;
  /** ISO date (the fact's, else the capture's). */
  date: string;
  kind: ObservationKind;
  text: string;
  /** The group the person belongs to (« aidants »), never a name. */
  stakeholder: string;
  tags: readonly string[];
  consent: Consent | null;
  scope: Scope;
  /** Marked « à citer » by the team (« Observations »): chosen before the most recent. */
  toQuote: boolean;
  /** The pseudonymous code of the person it is about: one quote per person and theme. */
  personId: string | null;
}

/** A row of « Décisions ». */
export interface Decision {
  /** ISO date (YYYY-MM-DD) or ''. */
  date: string;
  /** An outcome id or an indicator code, or '' for the whole evaluation. */
  subject: string;
  learnt: string;
  change: string;
  who: string;
  status: DecisionStatus | null;
}

/** A survey as the method section describes it: the registry's row and who was asked. */
export interface ReportSurvey extends Survey {
  /** « Échantillonnage »: who was invited (everyone supported, a draw, volunteers…). */
  sampling: string;
  tool: string;
}

export interface ReportInput {
  lang: Lang;
  /** The structure (the spreadsheet's or workbook's name). */
  organisation: string;
  /** ISO date-time of the generation, passed in (shared code reads no clock). */
  generatedAt: string;
  /** Every « Démarche » row as written, rubric or not. */
  approach: ReadonlyArray<{ item: string; content: string }>;
  outcomes: readonly Outcome[];
  /** The « Thèmes » below the outcomes (the codebook the quotes are chosen by). */
  themes: readonly Theme[];
  indicators: readonly Indicator[];
  surveys: readonly ReportSurvey[];
  questions: readonly Question[];
  values: readonly ValueRow[];
  surveyChecks: readonly SurveyCheck[];
  observations: readonly ReportObservation[];
  decisions: readonly Decision[];
  /** Order of the waves, first = before (as the computation used it); default: natural order. */
  waveOrder?: readonly string[];
}

/** The documents the generator makes; another kind is a file in documents/ (see documents/index.ts). */
export type DocumentKind = 'rapport' | 'une-page' | 'equipe';

export interface ReportRequest {
  document: DocumentKind;
  /** Chosen by the person; printed on the document; sets the small-cell threshold and which quotes may appear. */
  audience: Audience;
  /** Values up to this period (included); '' or absent: each indicator's latest. */
  period?: string;
  /** Outcome ids to report on; absent or empty: all. */
  outcomes?: readonly string[];
}
