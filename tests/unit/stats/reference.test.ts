// Our statistics against SciPy / statsmodels values committed by scripts/reference-stats.py (tolerance 1e-6).
import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/stats/reference.json';
import { normalCdf, normalQuantile, tQuantile } from '../../../shared/stats/distributions';
import { clipInterval, meanFromSums, meanInterval, medianInterval, wilsonInterval } from '../../../shared/stats/intervals';
import { derSimonianLaird } from '../../../shared/stats/meta';
import { mcnemar, pairedShareDifference, signedRanks, wilcoxonExactP, wilcoxonNormalP } from '../../../shared/stats/paired';
import { clustering, effectiveProportionInterval, memberSpread, poolMeans, poolProportions } from '../../../shared/stats/pooling';

const TOL = 1e-6;

describe('reference values from SciPy and statsmodels', () => {
  it('Wilson intervals match statsmodels proportion_confint(method="wilson")', () => {
    for (const r of reference.wilson) {
      const w = wilsonInterval(r.k, r.n)!;
      expect(Math.abs(w.low - r.low), `${r.k}/${r.n}`).toBeLessThan(TOL);
      expect(Math.abs(w.high - r.high), `${r.k}/${r.n}`).toBeLessThan(TOL);
    }
  });

  it('normal and t quantiles match scipy.stats', () => {
    for (const r of reference.normalCdf) expect(Math.abs(normalCdf(r.z) - r.p)).toBeLessThan(1e-12);
    for (const r of reference.normalQuantile) expect(Math.abs(normalQuantile(r.p) - r.q)).toBeLessThan(1e-9);
    for (const r of reference.tQuantile) expect(Math.abs(tQuantile(r.p, r.df) - r.q), `p ${r.p} df ${r.df}`).toBeLessThan(TOL);
  });

  it('t intervals for means match scipy.stats.t.interval', () => {
    for (const r of reference.tInterval) {
      const xs = r.values;
      const summary = meanFromSums(xs.length, xs.reduce((s, x) => s + x, 0), xs.reduce((s, x) => s + x * x, 0))!;
      const ci = meanInterval(summary)!;
      expect(Math.abs(summary.mean - r.mean)).toBeLessThan(TOL);
      expect(Math.abs(summary.sd! - r.sd)).toBeLessThan(TOL);
      expect(Math.abs(ci.low - r.low)).toBeLessThan(TOL);
      expect(Math.abs(ci.high - r.high)).toBeLessThan(TOL);
    }
  });

  it('median intervals use the same order statistics as the binomial computation in SciPy', () => {
    for (const r of reference.medianInterval) {
      const ci = medianInterval(r.values);
      if (r.low === null) expect(ci).toBeNull();
      else {
        expect(ci).toMatchObject({ low: r.low, high: r.high, lowRank: r.lowRank });
        expect(Math.abs(ci!.coverage - r.coverage!)).toBeLessThan(TOL);
      }
    }
  });

  it('Wilcoxon signed-rank p-values match scipy.stats.wilcoxon (exact, or normal with corrections) and full enumeration with ties', () => {
    for (const r of reference.wilcoxon) {
      const { ranks, wPlus, n } = signedRanks(r.differences);
      expect(n).toBe(r.n);
      expect(wPlus).toBeCloseTo(r.wPlus, 9);
      const p = r.method === 'exact' ? wilcoxonExactP(ranks, wPlus) : wilcoxonNormalP(ranks, wPlus).p;
      expect(Math.abs(p - r.p), r.source).toBeLessThan(TOL);
    }
  });

  it('McNemar exact and mid-p match statsmodels mcnemar(exact=True) and scipy binomtest', () => {
    for (const r of reference.mcnemar) {
      const m = mcnemar(r.b, r.c);
      expect(Math.abs(m.exact - r.exact)).toBeLessThan(TOL);
      expect(Math.abs(m.exact - r.binomtest)).toBeLessThan(TOL);
      expect(Math.abs(m.midP - r.midP)).toBeLessThan(TOL);
    }
  });

  it('the change in a yes share on the same people has Newcombe’s paired interval, as the reference script computes it from statsmodels’ Wilson intervals (and as Fagerland et al. publish for Cavo 2012)', () => {
    for (const r of reference.newcombePaired) {
      const d = pairedShareDifference(r.a, r.b, r.c, r.d)!;
      const cells = `${r.a}/${r.b}/${r.c}/${r.d}`;
      expect(Math.abs(d.difference - r.difference), cells).toBeLessThan(TOL);
      expect(Math.abs(d.low - r.low), cells).toBeLessThan(TOL);
      expect(Math.abs(d.high - r.high), cells).toBeLessThan(TOL);
    }
    const cavo = pairedShareDifference(59, 6, 16, 80)!;
    expect([cavo.difference, cavo.low, cavo.high].map((x) => Math.round(x * 1e4) / 1e4)).toEqual([0.0621, 0.0046, 0.1186]);
  });

  it('a t interval is kept inside the scale’s bounds, as scipy’s interval clipped to them', () => {
    for (const r of reference.clippedT) {
      const xs = r.values;
      const ci = clipInterval(meanInterval(meanFromSums(xs.length, xs.reduce((s, x) => s + x, 0), xs.reduce((s, x) => s + x * x, 0))!)!, r.min, r.max);
      expect(Math.abs(ci.low - r.clippedLow), xs.join(',')).toBeLessThan(TOL);
      expect(Math.abs(ci.high - r.clippedHigh), xs.join(',')).toBeLessThan(TOL);
    }
  });

  it('a pooled proportion adds the members’ counts, with statsmodels’ Wilson interval, the members’ clustering (ANOVA mean squares from statsmodels) and the interval of the effective sample', () => {
    for (const r of reference.pooledWilson) {
      const members = r.members.map(([k, n]) => ({ k: k!, n: n! }));
      const pooled = poolProportions(members);
      expect([pooled.k, pooled.n]).toEqual([r.k, r.n]);
      const w = wilsonInterval(pooled.k, pooled.n)!;
      const c = clustering(members.map((m) => ({ n: m.n, sum: m.k, sumSquares: m.k })))!;
      const adjusted = effectiveProportionInterval(pooled.k, pooled.n, c.deff)!;
      const label = JSON.stringify(r.members);
      for (const [ours, theirs] of [[w.low, r.low], [w.high, r.high], [c.icc, r.icc], [c.deff, r.deff], [adjusted.low, r.adjustedLow], [adjusted.high, r.adjustedHigh]]) {
        expect(Math.abs(ours! - theirs!), label).toBeLessThan(TOL);
      }
    }
  });

  it('a pooled mean adds the members’ sums, with the t interval scipy gives on all the people and the members’ clustering', () => {
    for (const r of reference.pooledMean) {
      const pooled = poolMeans(r.members);
      const summary = meanFromSums(pooled.n, pooled.sum, pooled.sumSquares)!;
      const ci = meanInterval(summary)!;
      const c = clustering(r.members)!;
      for (const [ours, theirs] of [[summary.mean, r.mean], [summary.sd!, r.sd], [ci.low, r.low], [ci.high, r.high], [c.icc, r.icc], [c.deff, r.deff]]) {
        expect(Math.abs(ours! - theirs!)).toBeLessThan(TOL);
      }
    }
  });

  it('the DerSimonian–Laird random-effects estimate, its interval, τ², Q and I² match statsmodels’ combine_effects(method_re="dl")', () => {
    for (const r of reference.derSimonianLaird) {
      const dl = derSimonianLaird(r.estimates.map((estimate, i) => ({ estimate, variance: r.variances[i]! })))!;
      for (const [ours, theirs] of [[dl.estimate, r.estimate], [dl.se, r.se], [dl.low, r.low], [dl.high, r.high], [dl.tau2, r.tau2], [dl.q, r.q], [dl.i2, r.i2]]) {
        expect(Math.abs(ours! - theirs!), r.estimates.join(',')).toBeLessThan(TOL);
      }
    }
  });

  it('the members’ median and quartiles are numpy’s percentiles (linear, type 7), each member counting once', () => {
    for (const r of reference.quartiles) {
      const s = memberSpread(r.values)!;
      expect([s.q1, s.median, s.q3].map((x, i) => Math.abs(x - [r.q1, r.median, r.q3][i]!)).every((d) => d < TOL), r.values.join(',')).toBe(true);
    }
  });
});

