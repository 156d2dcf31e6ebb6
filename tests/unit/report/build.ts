// Hand-built registries for the report generator: each test states only what matters to it.
import type { SurveyCheck, ValueRow } from '../../../shared/indicators/model';
import type { Decision, ReportInput, ReportObservation, ReportSurvey } from '../../../shared/report/input';
import type { Block, Inline, ReportDocument, Section, Shown, Text } from '../../../shared/report/model';
import type { Outcome } from '../../../shared/registry/model';
import { indicator, question } from '../indicators/build';

export { indicator, question };

export function valueRow(over: Partial<ValueRow>): ValueRow {
  const n = over.n ?? 40;
  const k = over.detail?.k;
  return {
    indicator: 'I1', period: 'T1', segment: '', value: k !== undefined && n ? (100 * k) / n : 50, n, low: 30, high: 70, baseline: null, target: null,
    status: '', flags: [], methodText: '', suppressed: false, exportSuppressed: false, computed: true, detail: {}, ...over,
  };
}

/** A proportion row: k people out of n, with a Wilson-like interval. */
export function share(indicatorCode: string, period: string, k: number, n: number, over: Partial<ValueRow> = {}): ValueRow {
  return valueRow({ indicator: indicatorCode, period, n, value: n ? (100 * k) / n : null, low: n ? Math.max(0, (100 * k) / n - 12) : null, high: n ? Math.min(100, (100 * k) / n + 12) : null, detail: { k, interval: 'Wilson' }, ...over });
}

export function outcome(id: string, change: string, over: Partial<Outcome> = {}): Outcome {
  return { id, stakeholder: 'aidants', change, level: 'outcome', guid: '', row: 2, ...over };
}

export function survey(over: Partial<ReportSurvey> = {}): ReportSurvey {
  return { id: 'E1', name: 'Questionnaire des aidants', wave: '', invited: null, mode: 'self', row: 2, sampling: 'Tous les aidants accompagnés.', tool: 'Google Forms', ...over };
}

export function check(over: Partial<SurveyCheck> = {}): SurveyCheck {
  return { survey: 'E1', wave: 'T1', respondents: 40, invited: null, responseRate: null, proxyShare: 0, proxies: 0, typeKnown: 40, attrition: null, flags: [], ...over };
}

let counter = 0;
export function observation(over: Partial<ReportObservation> = {}): ReportObservation {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`, date: '2026-05-12', kind: 'citation', text: `Citation ${counter}`,
    stakeholder: 'aidants', tags: ['C1'], consent: 'obtenu', scope: 'financeurs', toQuote: false, personId: null, ...over,
  };
}

export function decision(over: Partial<Decision> = {}): Decision {
  return { date: '2026-06-01', subject: 'C1', learnt: 'Les aidants prennent du répit le week-end.', change: 'Ouvrir le samedi matin.', who: 'Coordinatrice', status: 'inProgress', ...over };
}

export function reportInput(over: Partial<ReportInput> = {}): ReportInput {
  return {
    lang: 'fr', organisation: 'Répit 44', generatedAt: '2026-07-01T10:00:00Z',
    approach: [{ item: 'Question évaluative', content: 'Les aidants que nous accompagnons arrivent-ils à souffler ?' }],
    outcomes: [outcome('C1', 'Les aidants prennent du temps pour eux')], themes: [],
    indicators: [indicator({ code: 'I1', name: 'Part des aidants qui ont pu souffler', outcome: 'C1' })],
    surveys: [survey()], questions: [question('q', { label: 'Avez-vous pu souffler ?' })],
    values: [], surveyChecks: [], observations: [], decisions: [], ...over,
  };
}

/** Every section, depth first. */
export function allSections(doc: ReportDocument): Section[] {
  const out: Section[] = [];
  const walk = (list: readonly Section[]) => list.forEach((s) => (out.push(s), walk(s.sections ?? [])));
  walk(doc.sections);
  return out;
}

function blockTexts(b: Block): Text[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.text];
    case 'list':
      return b.items;
    case 'results':
      return b.cards.flatMap((c) => [c.figure, ...c.details]);
    case 'table':
      return b.rows.flat();
    case 'definitions':
      return b.items.map((d) => d.text);
    case 'empty':
      return [b.reason];
    default:
      return [];
  }
}

/** Every inline of a document (figures included). */
export function inlines(doc: ReportDocument): Inline[] {
  return allSections(doc).flatMap((s) => s.blocks.flatMap(blockTexts)).flat();
}

export const shownFigures = (doc: ReportDocument): Shown[] => inlines(doc).filter((i): i is Shown => typeof i !== 'string' && i.kind === 'shown');

/** A document's visible text, roughly: what the HTML says without its tags. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
