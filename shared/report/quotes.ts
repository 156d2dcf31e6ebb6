/**
 * The quotes of a document, chosen by the one rule every report states (`shared/outward/quotes.ts`): per theme of the
 * codebook (the outcomes in scope and their « Thèmes »), citations the outward gate lets reach the audience, the
 * team's « à citer » first, then the most recent, three per theme, one per person. Here they are grouped by outcome
 * for the documents (« paroles », a quote beside a key result, the one-page's voice) and worded for print: the text,
 * the group and the month — never a name, a day, or where it was written.
 */
import { Codebook } from '../codebook/codebook';
import { mayBeQuoted, QUOTES_PER_THEME, selectQuotes, type ThemeQuotes } from '../outward/quotes';
import type { ReportContext } from './context';
import type { ReportObservation } from './input';
import { monthYear } from './messages';
import type { QuoteView } from './model';

export interface QuoteSelection {
  /** Consented quotes the rule chose from (the « N observations consenties » it states). */
  eligible: number;
  /** The rule's choice, theme by theme, in the codebook's order. */
  themes: ThemeQuotes[];
  byId: Map<string, ReportObservation>;
  /** Quotes already printed beside a key result: each appears there once. */
  used: Set<string>;
}

/** The rule's choice for this document's outcomes and audience, with the number of consented quotes it chose from. */
export function documentQuotes(ctx: ReportContext): QuoteSelection {
  const outcomes = new Set(ctx.outcomes.map((o) => o.id.toLowerCase()));
  const codebook = new Codebook(ctx.outcomes, ctx.input.themes.filter((t) => outcomes.has(t.outcome.toLowerCase())));
  // A quote tagged with an indicator (the extension offers them) speaks to that indicator's outcome.
  const observations = ctx.input.observations.map((o) => {
    const outcomes = o.tags.map((t) => ctx.indicator(t)?.outcome).filter((id): id is string => id !== undefined);
    return outcomes.length > 0 ? { ...o, tags: [...o.tags, ...outcomes] } : o;
  });
  const themes = selectQuotes(observations, codebook, ctx.audience, QUOTES_PER_THEME);
  const inScope = codebook.matcher(ctx.outcomes.map((o) => o.id));
  const eligible = observations.filter((o) => mayBeQuoted(o, ctx.audience) && inScope(o.tags)).length;
  return { eligible, themes, byId: new Map(observations.map((o) => [o.id, o])), used: new Set() };
}

/** Cuts a long text at a word, marking the cut (« […] »). */
export function shortened(text: string, max: number, mark: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.]+$/, '')}${mark}`;
}

/** The quote as printed: its text, its group and month. */
export function quoteView(ctx: ReportContext, id: string, max = Infinity): QuoteView {
  const quote = ctx.input.observations.find((o) => o.id === id)!;
  const when = monthYear(ctx.lang, quote.date);
  return { id: quote.id, text: shortened(quote.text, max, ctx.m.truncated), attribution: [quote.stakeholder.trim(), when].filter(Boolean).join(', ') };
}

/** The rule's quotes about an outcome (its own, then its themes'), or about any outcome when `outcome` is null. */
function chosenFor(selection: QuoteSelection, outcome: string | null): string[] {
  return selection.themes.filter((t) => outcome === null || t.code.outcome.toLowerCase() === outcome.toLowerCase()).flatMap((t) => t.quotes.map((q) => q.id));
}

/** The next quotes of an outcome not printed yet beside a key result, marked so. */
export function takeQuotes(ctx: ReportContext, selection: QuoteSelection, outcome: string | null, howMany: number, max = Infinity): QuoteView[] {
  const out: QuoteView[] = [];
  for (const id of chosenFor(selection, outcome)) {
    if (out.length >= howMany) break;
    if (selection.used.has(id)) continue;
    selection.used.add(id);
    out.push(quoteView(ctx, id, max));
  }
  return out;
}
