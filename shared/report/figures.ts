/**
 * A figure from the gate, in words: « 22 aidants sur 24 (92 %) », « 19,5 h », « +21,3 points en moyenne », with its n,
 * its interval, its target or its change since the previous period, and — for a before/after indicator — who progressed,
 * stayed, went down. A hidden figure reads « moins de 11 personnes », and nothing derived from it (status, trend) is said.
 */
import { termLabel } from '../contract/words';
import { targetFor } from '../indicators/status';
import { figureText, frP, intervalRangeText, rowFigureText } from '../indicators/text';
import { outwardBreakdown, type OutwardFigure } from '../outward/gate';
import type { Indicator } from '../registry/model';
import type { ReportContext } from './context';
import { count, noun, percent, say } from './messages';
import type { Hidden, Inline, Shown, Text } from './model';

export const aboutOf = (f: Pick<OutwardFigure, 'indicator' | 'period' | 'segment'>) => `${f.indicator} ${f.period}${f.segment ? ` « ${f.segment} »` : ''}`;

/** Who an indicator counts (« aidants »), agreeing with `n`. */
export function whoOf(ctx: ReportContext, indicator: Indicator, n: number): string {
  return noun(ctx.lang, ctx.outcome(indicator.outcome)?.stakeholder ?? '', n);
}

function hiddenInline(ctx: ReportContext, f: OutwardFigure): Hidden {
  return { kind: 'hidden', text: ctx.m.hidden(ctx.threshold), about: aboutOf(f) };
}

/** Whether a figure counts people meeting something (« x sur n »): a proportion, a count, an ordinal change. */
function isShare(indicator: Indicator, f: OutwardFigure): boolean {
  return f.detail.k !== undefined && f.n !== null && (indicator.method === 'proportion' || f.detail.change?.kind === 'ordinal');
}

/** The figure itself: « 22 aidants sur 24 (92 %) », « 49,7 sur 100 », « +21,3 points en moyenne »… */
export function figureInline(ctx: ReportContext, indicator: Indicator, f: OutwardFigure): Shown | Hidden {
  if (f.hidden || f.value === null) return hiddenInline(ctx, f);
  const about = aboutOf(f);
  const n = f.n;
  if (isShare(indicator, f)) {
    const k = f.detail.k!;
    const who = whoOf(ctx, indicator, n!);
    const base = ctx.m.outOf(count(ctx.lang, k), count(ctx.lang, n!), who, percent(ctx.lang, (100 * k) / n!));
    const text = f.detail.change?.kind === 'ordinal' ? `${base} ${ctx.m.improved(k)}` : base;
    return { kind: 'shown', text, about, n: n!, k };
  }
  let text = rowFigureText({ value: f.value, detail: f.detail }, indicator.unit, ctx.lang);
  if (f.detail.change?.kind === 'score') text = `${text} ${ctx.m.onAverage}`;
  // Distinct people who raise a theme: « 8 personnes sur 14 rencontrées », a share of people like any other.
  const persons = f.detail.persons;
  if (persons) return { kind: 'shown', text, about, n: persons.n, k: persons.k };
  return { kind: 'shown', text, about, n, ...(f.detail.k !== undefined && indicator.method === 'count' && { k: f.detail.k }) };
}

/** « n = 24 ». */
export function nInline(ctx: ReportContext, f: OutwardFigure): Text {
  if (f.hidden || f.n === null) return [];
  return say(ctx.m.nEquals, { kind: 'shown', text: count(ctx.lang, f.n), about: aboutOf(f), n: f.n });
}

/** « intervalle de confiance à 95 % : 74 – 98 % », or « trop peu de réponses… »; nothing for a hidden figure. */
export function intervalInline(ctx: ReportContext, f: OutwardFigure, unit: string): Text {
  if (f.hidden) return [];
  if (f.low === null || f.high === null) return f.detail.intervalWithheld ? say(ctx.m.tooFewForInterval) : [];
  // Kept on one line: « 4,2 » at a line's end and « – 5,8 » at the next one's start reads as a negative number.
  const range = intervalRangeText({ low: f.low, high: f.high, detail: f.detail }, unit, ctx.lang).replace(' – ', '\u00a0–\u00a0');
  return say(ctx.m.interval, { kind: 'shown', text: range, about: aboutOf(f), n: f.n });
}

/** The value alone, as a short figure for a trend: « 88 % », « 19,5 h ». */
function shortFigure(ctx: ReportContext, indicator: Indicator, f: OutwardFigure): Shown | Hidden {
  if (f.hidden || f.value === null) return hiddenInline(ctx, f);
  return { kind: 'shown', text: rowFigureText({ value: f.value, detail: f.detail }, indicator.unit, ctx.lang), about: aboutOf(f), n: f.n, ...(isShare(indicator, f) && { k: f.detail.k! }) };
}

/**
 * Against the target (« cible : 80 % (T1) — atteint ») or, without a target, since the previous period, with whether
 * the gap is beyond the margin of uncertainty. Nothing about a hidden figure: its status would tell its value.
 */
export function standingInline(ctx: ReportContext, indicator: Indicator, f: OutwardFigure, previous: OutwardFigure | null): Text[] {
  const out: Text[] = [];
  if (f.hidden || f.value === null) return out;
  const m = ctx.m;
  const target = targetFor(f.period, indicator.targets);
  if (target && f.status !== '') {
    out.push(say(m.target(figureText(target.value, indicator.unit, ctx.lang, f.detail.bounds), target.period, termLabel('status', f.status, ctx.lang))));
  } else if (indicator.baseline && indicator.baseline.period !== f.period && f.detail.change === undefined) {
    out.push(say(m.baselineRef(figureText(indicator.baseline.value, indicator.unit, ctx.lang, f.detail.bounds), indicator.baseline.period)));
  }
  if (previous && f.detail.change === undefined) {
    const parts: Inline[] = [m.trend, `${previous.period} : `, shortFigure(ctx, indicator, previous), ` → ${f.period} : `, shortFigure(ctx, indicator, f)];
    if (!previous.hidden && previous.value !== null) {
      const delta = f.value - previous.value;
      if (Math.abs(delta) > 1e-9 && indicator.direction !== 'stable') parts.push(`, ${m.directionWanted((delta > 0) === (indicator.direction === 'up'))}`);
      if (previous.low !== null && previous.high !== null && f.low !== null && f.high !== null) {
        const overlap = previous.low <= f.high && f.low <= previous.high;
        parts.push(` ; ${overlap ? m.overlap : m.noOverlap}${m.notSamePeople}`);
      }
    }
    out.push(parts);
  }
  return out;
}

/**
 * For a before/after indicator: « 15 (63 %) ont progressé, 6 (25 %) sont stables, moins de 11 personnes sont en baisse »,
 * and its test (or why none). The three counts split the pairs: each passes the gate as a part of that whole, so a lone
 * hidden one, which the others would give away, hides the smallest shown one too.
 */
export function changeInline(ctx: ReportContext, indicator: Indicator, f: OutwardFigure): Text[] {
  const change = f.detail.change;
  if (f.hidden || !change) return [];
  const m = ctx.m;
  const out: Text[] = [];
  const raw = ctx.rowOf.get(f)?.detail.change;
  if (raw && raw.pairs > 0) {
    const counts = [raw.improved, raw.stable, raw.worse];
    const words = [m.improved, m.stable, m.worse];
    const safe = outwardBreakdown(raw.pairs, counts, ctx.audience);
    if (safe.parts.every((p) => p.hidden)) {
      // Three « moins de 11 » beside n = 24 would read as a contradiction: one sentence says what is withheld, and why.
      const about = `${aboutOf(f)} : ${words.map((w) => w(2)).join(' / ')}`;
      ctx.hide(about, 'small');
      out.push(say(m.changeSplit, m.changeSplitHidden, { kind: 'hidden', text: m.hidden(ctx.threshold), about }, '.'));
    } else {
      const parts = counts.flatMap((k, i): Inline[] => {
        const about = `${aboutOf(f)} : ${words[i]!(2)}`;
        const lead: Inline[] = i === 0 ? [] : [', '];
        if (safe.parts[i]!.hidden) {
          ctx.hide(about, safe.derivable.includes(i) ? 'derivable' : 'small');
          return [...lead, { kind: 'hidden', text: m.hidden(ctx.threshold), about }, ` ${words[i]!(2)}`];
        }
        return [...lead, { kind: 'shown', text: `${count(ctx.lang, k)} (${percent(ctx.lang, (100 * k) / raw.pairs)})`, about, n: raw.pairs, k }, ` ${words[i]!(k)}`];
      });
      out.push(say(m.changeSplit, ...parts, ` (${change.before} → ${change.after}).`));
    }
  }
  if (f.detail.p !== undefined) {
    const test = change.kind === 'binary' ? 'McNemar' : 'Wilcoxon';
    const p = ctx.lang === 'fr' ? frP(f.detail.p) : frP(f.detail.p).replace(',', '.');
    out.push(say(f.detail.p < 0.05 ? m.pValue(test, p) : m.pValueHigh(test, p)));
  } else {
    out.push(say(m.noTest));
  }
  return out;
}

/** « seules les réponses des personnes elles-mêmes sont comptées… »: said wherever proxies were set apart or counted. */
export function respondentsInline(ctx: ReportContext, indicator: Indicator): Text | null {
  const codes = new Set(ctx.input.values.filter((r) => r.indicator === indicator.code).flatMap((r) => r.flags.map((f) => f.code)));
  if (indicator.respondentRule === 'self' && codes.has('proxy_excluded')) return say(ctx.m.selfOnly);
  if (indicator.respondentRule === 'proxy' && codes.has('proxy_share')) return say(ctx.m.withProxies);
  return null;
}

/** The share of a figure as ten icons: « environ 9 aidants sur 10 », only for a shown share. */
export function frequencyOf(ctx: ReportContext, indicator: Indicator, f: OutwardFigure): { filled: number; label: string } | null {
  if (f.hidden || !isShare(indicator, f)) return null;
  const filled = Math.round((10 * f.detail.k!) / f.n!);
  return { filled, label: ctx.m.frequency(filled, whoOf(ctx, indicator, filled)) };
}
