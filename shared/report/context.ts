/**
 * What every document kind works from: the request resolved (audience, threshold, period, outcomes), the figures as
 * the outward gate lets this audience see them, each indicator's history up to the period, counts about people passed
 * through the gate, the « Démarche » rubrics, and the list of what was hidden for the Journal.
 */
import { termId, termLabel, type Audience, type Lang } from '../contract/words';
import { comparePeriods, periodMonths } from '../indicators/periods';
import type { ValueRow } from '../indicators/model';
import { AUDIENCE_THRESHOLD, outwardCount, outwardFigures, type HiddenReason, type OutwardFigure, type OutwardView } from '../outward/gate';
import type { Indicator, Outcome } from '../registry/model';
import type { ReportInput, ReportRequest } from './input';
import { MESSAGES, type Messages } from './messages';
import type { Hidden, HiddenFigure, Shown } from './model';

export interface ReportContext {
  input: ReportInput;
  request: ReportRequest;
  lang: Lang;
  m: Messages;
  audience: Audience;
  /** « financeurs », as printed. */
  audienceLabel: string;
  threshold: number;
  /** Whether the document stays inside the structure (the team). */
  internal: boolean;
  outcomes: Outcome[];
  indicators: Indicator[];
  /** Every row of the indicators in scope, through the gate. */
  view: OutwardView;
  /** The rows the gate was given, by figure: what a figure stands on (for the team's « may it leave? »). */
  rowOf: Map<OutwardFigure, ValueRow>;
  hidden: HiddenFigure[];
  /** Notes a figure hidden (once, whatever the sections that meant to print it). */
  hide(about: string, reason: HiddenReason): void;
  toComplete: string[];
  /** The indicator's overall figures (everyone), periods in order, up to the requested period. */
  history(code: string): OutwardFigure[];
  /** Its figures by group at a period. */
  groups(code: string, period: string): OutwardFigure[];
  indicator(code: string): Indicator | undefined;
  outcome(id: string): Outcome | undefined;
  /** A count of people through the gate: a figure, or « moins de 11 personnes ». */
  count(k: number, n: number | null, about: string, text: (k: number) => string): Shown | Hidden;
  /** A Démarche rubric's text; null when absent or still a framework's « [À adapter] » (then noted to complete). */
  rubric(id: string): string | null;
  /** The primary indicators fixed beforehand (codes named in the « Promesse d'impact » rubric), in scope. */
  primaries: string[];
  /** The outcome of each indicator code, and each outcome's own id (quotes are tagged with either). */
  outcomeOfTag(tag: string): string | null;
}

/** A framework's rubric still says what to write rather than what was written. */
const PLACEHOLDER = /\[(?:À|A|To) [^\]]*\]/i;

/** Whether a period is up to the requested one (included). Calendar periods by time, waves by wave order. */
function upTo(period: string, limit: string, waveOrder?: readonly string[]): boolean {
  if (limit === '' || period === limit) return true;
  const a = periodMonths(period);
  const b = periodMonths(limit);
  if (a && b) return a.last <= b.last;
  if (!a && !b) return comparePeriods(period, limit, waveOrder) <= 0;
  return true; // a yearly indicator in a report up to a wave (or the reverse): its periods do not compare
}

export function reportContext(input: ReportInput, request: ReportRequest): ReportContext {
  const lang = input.lang;
  const m = MESSAGES[lang];
  const audience = request.audience;
  const threshold = AUDIENCE_THRESHOLD[audience];
  const wanted = new Set(request.outcomes ?? []);
  const outcomes = input.outcomes.filter((o) => wanted.size === 0 || wanted.has(o.id));
  const inScope = new Set(outcomes.map((o) => o.id));
  const indicators = input.indicators.filter((i) => wanted.size === 0 || inScope.has(i.outcome));
  const codes = new Set(indicators.map((i) => i.code));
  const period = (request.period ?? '').trim();
  const rows = input.values.filter((r) => codes.has(r.indicator) && r.period !== '' && upTo(r.period, period, input.waveOrder));
  const minN = new Map(indicators.map((i) => [i.code, i.minN]));
  const view = outwardFigures(rows, audience, (code) => minN.get(code) ?? 0);
  const rowOf = new Map<OutwardFigure, ValueRow>(view.figures.map((f, i) => [f, rows[i]!]));
  const hidden: HiddenFigure[] = view.hidden.map((h) => ({ about: `${h.indicator} ${h.period}${h.segment ? ` « ${h.segment} »` : ''}`, reason: h.reason }));

  const hide = (about: string, reason: HiddenReason) => {
    if (!hidden.some((h) => h.about === about)) hidden.push({ about, reason });
  };

  const byIndicator = new Map<string, OutwardFigure[]>();
  for (const f of view.figures) {
    const list = byIndicator.get(f.indicator);
    if (list) list.push(f);
    else byIndicator.set(f.indicator, [f]);
  }
  const order = (a: OutwardFigure, b: OutwardFigure) => comparePeriods(a.period, b.period, input.waveOrder);
  const indicatorByCode = new Map(input.indicators.map((i) => [i.code.toLowerCase(), i]));
  const outcomeById = new Map(input.outcomes.map((o) => [o.id.toLowerCase(), o]));

  const rubrics = new Map<string, string>();
  for (const row of input.approach) {
    const id = termId('approachItem', row.item);
    if (id && !rubrics.has(id)) rubrics.set(id, row.content.trim());
  }
  const toComplete: string[] = [];
  const rubric = (id: string): string | null => {
    const text = rubrics.get(id) ?? '';
    if (text === '') return null;
    if (PLACEHOLDER.test(text)) {
      const note = m.toCompleteRubric(termLabel('approachItem', id as never, lang));
      if (!toComplete.includes(note)) toComplete.push(note);
      return null;
    }
    return text;
  };
  const promise = rubric('promise') ?? '';
  const primaries = indicators.map((i) => i.code).filter((code) => new RegExp(`(^|[^\\p{L}\\d])${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'iu').test(promise));

  return {
    input, request, lang, m, audience, audienceLabel: termLabel('audience', audience, lang), threshold, internal: audience === 'team',
    outcomes, indicators, view, rowOf, hidden, toComplete, primaries,
    history: (code) => (byIndicator.get(code) ?? []).filter((f) => f.segment === '').sort(order),
    groups: (code, p) => (byIndicator.get(code) ?? []).filter((f) => f.segment !== '' && f.period === p),
    indicator: (code) => indicatorByCode.get(code.toLowerCase()),
    outcome: (id) => outcomeById.get(id.toLowerCase()),
    hide,
    count(k, n, about, text) {
      const c = outwardCount(k, n, audience);
      if (c.hidden) {
        hide(about, 'small');
        return { kind: 'hidden', text: m.hidden(threshold), about };
      }
      return { kind: 'shown', text: text(k), about, n: n ?? k, ...(n !== null && { k }) };
    },
    rubric,
    outcomeOfTag(tag) {
      const t = tag.trim().toLowerCase();
      return outcomeById.get(t)?.id ?? indicatorByCode.get(t)?.outcome ?? null;
    },
  };
}
