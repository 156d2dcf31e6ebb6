/**
 * Which quotes a document may print, and in what order: the one selection rule of every report (« paroles », the
 * synthèse's quote per result, the one-page's voice). A quote is an observation of kind « citation »; it is eligible
 * only when the outward gate lets it reach the audience (consent « obtenu » or « non requis », a usage that covers
 * it). Eligible quotes are grouped by the outcome their tags name (an outcome's id, or an indicator's code), the most
 * recent first. To refine the rule (themes, a « à citer » mark…), change `rank` and `groupOf` here: every document
 * follows.
 */
import { quoteMayLeave } from '../outward/gate';
import type { ReportContext } from './context';
import type { ReportObservation } from './input';
import { monthYear } from './messages';
import type { QuoteView } from './model';

export interface QuoteSelection {
  /** Eligible quotes, counted once (the « N observations consenties » of the rule). */
  eligible: number;
  /** Outcome id → its quotes, best first; '' for quotes naming no outcome in scope. */
  byOutcome: Map<string, ReportObservation[]>;
  /** Quotes already printed in this document: a quote is printed once. */
  used: Set<string>;
}

/** Most recent first (ISO dates compare as text); ties by id, so the order never depends on the sheet's order. */
function rank(a: ReportObservation, b: ReportObservation): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The outcome a quote speaks to: the first of its tags that names an outcome in scope (directly or by an indicator). */
function groupOf(ctx: ReportContext, quote: ReportObservation, inScope: ReadonlySet<string>): string {
  for (const tag of quote.tags) {
    const outcome = ctx.outcomeOfTag(tag);
    if (outcome && inScope.has(outcome)) return outcome;
  }
  return '';
}

export function selectQuotes(ctx: ReportContext): QuoteSelection {
  const inScope = new Set(ctx.outcomes.map((o) => o.id));
  const filtered = (ctx.request.outcomes ?? []).length > 0;
  const eligible = ctx.input.observations.filter((o) => o.kind === 'citation' && o.text.trim() !== '' && quoteMayLeave(o.consent, o.scope, ctx.audience));
  const byOutcome = new Map<string, ReportObservation[]>();
  let counted = 0;
  for (const quote of [...eligible].sort(rank)) {
    const group = groupOf(ctx, quote, inScope);
    // A report on some outcomes quotes only about them.
    if (group === '' && filtered) continue;
    counted++;
    const list = byOutcome.get(group);
    if (list) list.push(quote);
    else byOutcome.set(group, [quote]);
  }
  return { eligible: counted, byOutcome, used: new Set() };
}

/** Cuts a long quote at a word, marking the cut. */
function shortened(text: string, max: number, mark: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.]+$/, '')}${mark}`;
}

/** The quote as printed: its text, its group and month, never a name, a day or where it was written. */
export function quoteView(ctx: ReportContext, quote: ReportObservation, max = Infinity): QuoteView {
  const when = monthYear(ctx.lang, quote.date);
  return { id: quote.id, text: shortened(quote.text, max, ctx.m.truncated), attribution: [quote.stakeholder.trim(), when].filter(Boolean).join(', ') };
}

/** The next unused quotes of an outcome (or of any outcome when `outcome` is null), marked used. */
export function takeQuotes(ctx: ReportContext, selection: QuoteSelection, outcome: string | null, howMany: number, max = Infinity): QuoteView[] {
  const pool = outcome === null ? [...selection.byOutcome.values()].flat().sort(rank) : selection.byOutcome.get(outcome) ?? [];
  const out: QuoteView[] = [];
  for (const quote of pool) {
    if (out.length >= howMany) break;
    if (selection.used.has(quote.id)) continue;
    selection.used.add(quote.id);
    out.push(quoteView(ctx, quote, max));
  }
  return out;
}
