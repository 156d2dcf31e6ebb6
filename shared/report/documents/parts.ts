/** Pieces several documents share: an indicator's result card, the key results, the decisions table. */
import { termLabel, type DecisionStatus } from '../../contract/words';
import type { OutwardFigure } from '../../outward/gate';
import type { Indicator } from '../../registry/model';
import type { ReportContext } from '../context';
import { changeInline, figureInline, frequencyOf, intervalInline, nInline, respondentsInline, standingInline } from '../figures';
import type { Decision } from '../input';
import { longDate, say } from '../messages';
import type { Block, ResultCard, Text } from '../model';
import { takeQuotes, type QuoteSelection } from '../quotes';

export const indicatorTitle = (indicator: Indicator) => `${indicator.code} — ${indicator.name || indicator.code}`;

/** The indicator's figure at the period and the one before it (among the periods it was computed for). */
export function currentOf(ctx: ReportContext, code: string): { current: OutwardFigure | null; previous: OutwardFigure | null } {
  const history = ctx.history(code);
  return { current: history[history.length - 1] ?? null, previous: history[history.length - 2] ?? null };
}

export interface CardOptions {
  /** Take one quote about the indicator's outcome from this selection. */
  quotes?: QuoteSelection;
  /** Name the outcome (a card outside its outcome's section). */
  withOutcome?: boolean;
  /** Draw the share as ten icons. */
  icons?: boolean;
  /** Longest quote printed whole. */
  quoteLength?: number;
  /** The figure, its n and its interval only (the one-page: the rest is in the report). */
  brief?: boolean;
}

export function resultCard(ctx: ReportContext, indicator: Indicator, options: CardOptions = {}): ResultCard {
  const { current, previous } = currentOf(ctx, indicator.code);
  const m = ctx.m;
  const outcome = ctx.outcome(indicator.outcome);
  const card: ResultCard = {
    code: indicator.code,
    title: indicatorTitle(indicator),
    ...(options.withOutcome && outcome && { outcome: `${outcome.id} — ${outcome.change}` }),
    figure: current ? [figureInline(ctx, indicator, current)] : say(m.noValueForPeriod),
    details: [],
  };
  if (current) {
    const n = nInline(ctx, current);
    card.details.push(n.length > 0 ? say(`${current.period} · `, ...n) : say(current.period));
    const interval = intervalInline(ctx, current, indicator.unit);
    if (interval.length > 0) card.details.push(interval);
    if (!options.brief) card.details.push(...standingInline(ctx, indicator, current, previous), ...changeInline(ctx, indicator, current));
    if (current.hidden) card.details.push(say(m.notShown(ctx.threshold)));
    if (options.icons) {
      const icons = frequencyOf(ctx, indicator, current);
      if (icons) card.icons = icons;
    }
  }
  const respondents = options.brief ? null : respondentsInline(ctx, indicator);
  if (respondents) card.details.push(respondents);
  if (options.quotes) {
    const [quote] = takeQuotes(ctx, options.quotes, indicator.outcome, 1, options.quoteLength);
    if (quote) card.quote = quote;
  }
  return card;
}

/**
 * The key results, in order: the primary indicators fixed beforehand (shown or hidden: a promise is reported either
 * way), then the others whose figure can be shown, outcomes and impacts before outputs, most people first. With
 * `sharesFirst` (the one-page, whose headlines read « 7 aidants sur 10 »), shares of people come before other figures.
 */
export function keyIndicators(ctx: ReportContext, howMany: number, options: { shownOnly: boolean; sharesFirst?: boolean }): Indicator[] {
  const levelRank = (i: Indicator) => {
    const level = ctx.outcome(i.outcome)?.level ?? '';
    return /impact/i.test(level) ? 0 : /r[ée]sultat|outcome/i.test(level) ? 1 : 2;
  };
  const shown = (i: Indicator) => {
    const { current } = currentOf(ctx, i.code);
    return current !== null && !current.hidden && current.value !== null;
  };
  const people = (i: Indicator) => currentOf(ctx, i.code).current?.n ?? 0;
  const notShare = (i: Indicator) => {
    const { current } = currentOf(ctx, i.code);
    return options.sharesFirst && !(current && frequencyOf(ctx, i, current)) ? 1 : 0;
  };
  const primaries = ctx.primaries.map((code) => ctx.indicators.find((i) => i.code === code)!).filter((i) => currentOf(ctx, i.code).current !== null && (!options.shownOnly || shown(i)));
  const others = ctx.indicators
    .filter((i) => !ctx.primaries.includes(i.code) && shown(i))
    .sort((a, b) => notShare(a) - notShare(b) || levelRank(a) - levelRank(b) || people(b) - people(a));
  return [...primaries, ...others].slice(0, howMany);
}

const OPEN: readonly DecisionStatus[] = ['toDecide', 'inProgress'];

/** The decisions about the outcomes in scope (or the whole evaluation), most recent first. */
export function decisionsInScope(ctx: ReportContext, filter: (d: Decision) => boolean = () => true): Decision[] {
  const outcomes = new Set(ctx.outcomes.map((o) => o.id.toLowerCase()));
  const filtered = (ctx.request.outcomes ?? []).length > 0;
  return ctx.input.decisions
    .filter((d) => d.learnt.trim() !== '' || d.change.trim() !== '')
    .filter((d) => {
      if (d.subject.trim() === '') return true;
      const outcome = ctx.outcomeOfTag(d.subject);
      return !filtered || (outcome !== null && outcomes.has(outcome.toLowerCase()));
    })
    .filter(filter)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export const isOpen = (d: Decision) => d.status !== null && OPEN.includes(d.status);

function subjectText(ctx: ReportContext, subject: string): string {
  if (subject.trim() === '') return ctx.m.wholeEvaluation;
  const indicator = ctx.indicator(subject);
  if (indicator) return indicatorTitle(indicator);
  const outcome = ctx.outcome(subject);
  return outcome ? `${outcome.id} — ${outcome.change}` : subject;
}

export function decisionsTable(ctx: ReportContext, decisions: readonly Decision[]): Block {
  const m = ctx.m;
  return {
    kind: 'table',
    caption: m.decisionsCaption,
    head: m.decisionHead,
    rows: decisions.map((d): Text[] => [
      say(longDate(ctx.lang, d.date)),
      say(subjectText(ctx, d.subject)),
      say(d.learnt),
      say(d.change),
      say(d.who),
      say(d.status ? termLabel('decisionStatus', d.status, ctx.lang) : ''),
    ]),
  };
}
