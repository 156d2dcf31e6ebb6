// The rules no outward document may break, by properties: for random registries, the report and the one-page pitch,
// for funders or the public, never show a figure from fewer than 11 people (nor one whose complement is under 11, nor
// a group recomputable from a shown total), and never a quote without consent and a usage that covers the audience —
// checked against the registry's own rows with an independent rule, not through the gate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consent, Scope } from '../../../shared/contract/words';
import type { SurveyCheck, ValueRow } from '../../../shared/indicators/model';
import { generateReport } from '../../../shared/report/generate';
import type { ReportInput, ReportObservation } from '../../../shared/report/input';
import type { Block, ReportDocument, Shown } from '../../../shared/report/model';
import type { Indicator } from '../../../shared/registry/model';
import { allSections, check, indicator, observation, outcome, reportInput, shownFigures } from './build';

const T = 11;
const PERIODS = ['T0', 'T1'];
const METHODS = ['proportion', 'mean', 'change-ordinal', 'change-score', 'count'] as const;

/** One indicator's rows: a total per period and, sometimes, a breakdown into groups that add up to it. */
const indicatorRows = (code: string, method: (typeof METHODS)[number]) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 0, maxLength: 4 }).chain((groups) =>
    fc.tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([n0, share0, withGroups]) => {
      const rows: ValueRow[] = [];
      for (const period of PERIODS) {
        const parts = withGroups ? groups.map(([n, s], i) => ({ segment: `lien = G${i}`, n, k: Math.round(n * s) })) : [];
        const n = parts.length > 0 ? parts.reduce((a, p) => a + p.n, 0) : n0;
        const k = parts.length > 0 ? parts.reduce((a, p) => a + p.k, 0) : Math.round(n0 * share0);
        for (const p of [{ segment: '', n, k }, ...parts]) rows.push(valueOf(code, method, period, p.segment, p.n, p.k));
      }
      return rows;
    }),
  );

function valueOf(code: string, method: (typeof METHODS)[number], period: string, segment: string, n: number, k: number): ValueRow {
  const base: ValueRow = {
    indicator: code, period, segment, value: n > 0 ? (100 * k) / n : null, n, low: n > 0 ? Math.max(0, (100 * k) / n - 10) : null, high: n > 0 ? Math.min(100, (100 * k) / n + 10) : null,
    baseline: null, target: 60, status: n > 0 ? 'à surveiller' : 'données insuffisantes', flags: [{ code: 'proxy_excluded', level: 'alerte', message: `${k} réponses sur ${n} par un proche` }],
    methodText: `${k} sur ${n}`, suppressed: n < 5, exportSuppressed: n < T, computed: true, detail: {},
  };
  if (method === 'proportion' || method === 'count') base.detail = { k, interval: 'Wilson', distribution: [{ level: 'Non', count: n - k }, { level: 'Oui', count: k }] };
  if (method === 'mean') base.detail = { interval: 't de Student', bounds: { min: 0, max: 10 } };
  if (method.startsWith('change')) {
    const stable = Math.floor((n - k) / 2);
    const share = (c: number) => ({ count: c, percent: n ? (100 * c) / n : 0, low: 0, high: 100 });
    base.period = period === 'T0' ? 'T0' : 'T1';
    base.detail = {
      k, p: 0.01,
      change: {
        kind: method === 'change-ordinal' ? 'ordinal' : 'score', before: 'T0', after: 'T1', pairs: n, improved: k, stable, worse: n - k - stable,
        shares: { improved: share(k), stable: share(stable), worse: share(n - k - stable) },
        leftOut: { noBefore: 0, noAfter: 0, blankAfter: 0, proxyBefore: 0, proxyAfter: 0, typeChanged: 0 }, test: { name: 'wilcoxon', p: 0.01, method: 'normal', message: null },
      },
    };
  }
  return base;
}

const checkArb = fc.tuple(fc.constantFrom('T0', 'T1'), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), fc.option(fc.integer({ min: 0, max: 120 }))).map(
  ([wave, respondents, proxies, lost, invited]): SurveyCheck =>
    check({
      wave, respondents, invited: invited ?? null, responseRate: invited ? respondents / Math.max(invited, respondents) : null,
      proxies: Math.min(proxies, respondents), typeKnown: respondents, attrition: wave === 'T1' ? { since: 'T0', seen: respondents + lost, lost } : null,
      flags: [{ code: 'response_rate', level: 'alerte', message: `Taux ${respondents}` }],
    }),
);

let quoteCounter = 0;
const quoteArb = fc.tuple(fc.constantFrom<Consent | null>('obtenu', 'non obtenu', 'non requis', null), fc.constantFrom<Scope>('interne', 'financeurs', 'public'), fc.constantFrom('C1', 'C2', 'I1', 'X'), fc.constantFrom('citation', 'observation', 'anecdote')).map(
  ([consent, scope, tag, kind]): ReportObservation => {
    quoteCounter++;
    return observation({ text: `QUOTE-${quoteCounter}-${consent ?? 'null'}-${scope}-${kind}`, consent, scope, tags: [tag], kind: kind as ReportObservation['kind'] });
  },
);

const registryArb = fc
  .tuple(fc.array(fc.constantFrom(...METHODS), { minLength: 1, maxLength: 5 }), fc.array(checkArb, { maxLength: 3 }), fc.array(quoteArb, { maxLength: 12 }))
  .chain(([methods, checks, observations]) =>
    fc.tuple(...methods.map((method, i) => indicatorRows(`I${i + 1}`, method))).map((rows): ReportInput => {
      const indicators: Indicator[] = methods.map((method, i) =>
        indicator({
          code: `I${i + 1}`, name: `Indicateur ${i + 1}`, outcome: i % 2 === 0 ? 'C1' : 'C2', unit: method === 'mean' ? '' : '%', respondentRule: 'self',
          method: method.startsWith('change') ? 'change' : method === 'mean' ? 'mean' : method === 'count' ? 'count' : 'proportion', disaggregation: ['lien'],
          targets: [{ period: 'T1', value: 60 }],
        }),
      );
      return reportInput({
        outcomes: [outcome('C1', 'Premier changement'), outcome('C2', 'Second changement')], indicators, values: rows.flat(), surveyChecks: checks, observations,
        approach: [{ item: 'Question évaluative', content: 'Une question ?' }, { item: "Promesse d'impact (indicateurs principaux)", content: 'I1, I2' }],
      });
    }),
  );

/** The independent rule: a row may be shown when its n, and for a count of people its k and n − k, reach 11. */
function rowMayShow(row: ValueRow, indicators: readonly Indicator[]): boolean {
  if (row.n === null) return true;
  const method = indicators.find((i) => i.code === row.indicator)?.method;
  const counted = method === 'proportion' || method === 'count' || row.detail.change?.kind === 'ordinal';
  const k = row.detail.k;
  return row.n >= T && (!counted || k === undefined || (k >= T && row.n - k >= T));
}

function rowOf(input: ReportInput, about: string): ValueRow | undefined {
  const m = /^(\S+) (\S+)(?: « (.*) »)?$/.exec(about);
  return m ? input.values.find((r) => r.indicator === m[1] && r.period === m[2] && r.segment === (m[3] ?? '')) : undefined;
}

function figuresOf(doc: ReportDocument): Array<Pick<Shown, 'about' | 'n' | 'k'>> {
  const charts = allSections(doc).flatMap((s) => s.blocks).flatMap((b: Block) => (b.kind === 'chart' ? b.chart.drawn : []));
  return [...shownFigures(doc), ...charts];
}

describe('outward documents, for any registry', () => {
  it('show no figure from fewer than 11 people, no small complement, no recomputable group, and only consented, scoped quotes', () => {
    fc.assert(
      fc.property(registryArb, fc.constantFrom('rapport' as const, 'une-page' as const), fc.constantFrom('funders' as const, 'public' as const), (input, document, audience) => {
        const made = generateReport(input, { document, audience });
        if ('ok' in made) throw new Error(made.message);
        for (const f of figuresOf(made.document)) {
          // Every printed count stands on at least 11 people, both ways for a share.
          if (f.n !== null) expect(f.n, f.about).toBeGreaterThanOrEqual(T);
          if (f.k !== undefined) expect([f.k, f.n! - f.k].every((c) => c >= T), f.about).toBe(true);
          // And the registry's own row behind it passes the rule, whatever the figure says of itself.
          const row = rowOf(input, f.about);
          if (row) expect(rowMayShow(row, input.indicators), f.about).toBe(true);
        }
        // A breakdown table never leaves exactly one group hidden beside a shown whole.
        for (const b of allSections(made.document).flatMap((s) => s.blocks)) {
          if (b.kind !== 'table' || !b.caption.startsWith('Qui a répondu')) continue;
          expect(b.rows.filter((r) => r[1]!.some((p) => typeof p !== 'string' && p.kind === 'hidden')).length).not.toBe(1);
        }
        // Quotes: only « obtenu » / « non requis », with a usage covering the audience; the others nowhere in the file.
        const covers = (scope: Scope) => (audience === 'public' ? scope === 'public' : scope !== 'interne');
        for (const o of input.observations) {
          const may = o.kind === 'citation' && (o.consent === 'obtenu' || o.consent === 'non requis') && covers(o.scope);
          if (!may) expect(made.html.includes(o.text), o.text).toBe(false);
        }
        for (const id of made.document.quotes) {
          const o = input.observations.find((x) => x.id === id)!;
          expect(o.consent === 'obtenu' || o.consent === 'non requis').toBe(true);
          expect(covers(o.scope)).toBe(true);
        }
        // Flags' sentences carry counts: none reaches an outward document.
        expect(made.html).not.toMatch(/réponses sur \d+ par un proche|Taux \d/);
      }),
      { numRuns: 150 },
    );
  });
});
