/**
 * The document model: what a report says, before any rendering. Sections hold blocks; every number about people that
 * a block prints is a `Shown` inline carrying the counts behind it (or a `Hidden` one reading « moins de 11
 * personnes »), so the rules — no small cell, no derivable cell, no quote without consent and usage — are checked on
 * the model, once, for every output (tests/unit/report/).
 */
import type { Audience, Lang } from '../contract/words';
import type { HiddenReason } from '../outward/gate';

/** A figure as printed, with what it stands on: `n` people (null: not about people), `k` of them for a share. */
export interface Shown {
  kind: 'shown';
  text: string;
  /** What it is about, for the checks and the Journal: « I3 T1 », « E1 T0 : réponses par un proche ». */
  about: string;
  n: number | null;
  k?: number;
}

/** A figure the audience may not see: « moins de 11 personnes », never a blank, never 0. */
export interface Hidden {
  kind: 'hidden';
  text: string;
  about: string;
}

export type Inline = string | Shown | Hidden;
/** A sentence: words from the message catalogue, and the figures in it. */
export type Text = readonly Inline[];

export interface QuoteView {
  id: string;
  text: string;
  /** « aidants, mars 2026 »: the group and the month, never a name or a day. */
  attribution: string;
}

/** One indicator's result, as a card: the figure, then its n, interval, target or trend, in words. */
export interface ResultCard {
  code: string;
  title: string;
  /** The outcome it measures, when the card stands outside its outcome's section (synthèse, une page). */
  outcome?: string;
  figure: Text;
  details: Text[];
  /** Frequency framing (« 7 aidants sur 10 ») drawn as ten icons: `filled` of 10. */
  icons?: { filled: number; label: string };
  quote?: QuoteView;
}

/** A chart as it enters the document: SVG markup (shared/charts), its finding as title, and a text alternative. */
export interface ReportChart {
  key: string;
  title: string;
  alt: string;
  svg: string;
  /** The drawing's size in pixels, whole. */
  width: number;
  height: number;
  /** The figures drawn (indicator, period, segment, n, k), for the checks. */
  drawn: Array<{ about: string; n: number | null; k?: number }>;
}

export type Block =
  | { kind: 'paragraph'; text: Text; tone?: 'lead' | 'note' | 'warning' }
  | { kind: 'list'; items: Text[] }
  | { kind: 'results'; cards: ResultCard[] }
  | { kind: 'chart'; chart: ReportChart }
  | { kind: 'quotes'; quotes: QuoteView[] }
  | { kind: 'table'; caption: string; head: string[]; rows: Text[][] }
  | { kind: 'definitions'; items: Array<{ term: string; text: Text }> }
  /** A section with nothing to show says why, in its place. */
  | { kind: 'empty'; reason: Text };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  sections?: Section[];
  /** Starts on a new page when printed (the annexes). */
  newPage?: boolean;
}

export interface HiddenFigure {
  about: string;
  reason: HiddenReason;
}

export interface ReportDocument {
  kind: string;
  lang: Lang;
  /** The document's name (« Rapport d'évaluation »): also the file's title and the PDF's, never a quote. */
  title: string;
  organisation: string;
  audience: { id: Audience; label: string; threshold: number };
  /** « Période : T1 » or « Valeurs les plus récentes ». */
  period: string;
  /** « 12 mars 2026 ». */
  date: string;
  /** One line under the title: who it is for and what it may show. */
  notice: string;
  sections: Section[];
  /** Figures left out, and why, for the Journal line. */
  hidden: HiddenFigure[];
  /** Ids of the quotes printed. */
  quotes: string[];
  /** What the author should complete before sending (a rubric still « [À adapter] »…): said by the panel, not printed. */
  toComplete: string[];
  /** 'one-page' documents are laid out to fit one A4 sheet. */
  layout: 'pages' | 'one-page';
}
