import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marginOfError, medianInterval, wilsonInterval } from '../../../shared/stats/intervals';
import { mcnemar, wilcoxonSignedRank, NOT_INFORMATIVE_MESSAGE } from '../../../shared/stats/paired';
import { DASHBOARD_MIN_N, EXPORT_MIN_N, suppression } from '../../../shared/stats/suppression';
import { poolMeans, poolProportions } from '../../../shared/stats/pooling';
import { meanFromSums } from '../../../shared/stats/intervals';

const pct = (x: number) => Math.round(x * 1000) / 10;

describe('proportions', () => {
  it('gives the hand-computed Wilson intervals of the methods note, not Wald', () => {
    const cases: Array<[number, number, number, number]> = [
      [8, 10, 49.0, 94.3],
      [0, 10, 0, 27.8],
      [12, 20, 38.7, 78.1],
      [15, 30, 33.2, 66.8],
      [3, 5, 23.1, 88.2],
    ];
    for (const [k, n, low, high] of cases) {
      const w = wilsonInterval(k, n)!;
      expect([pct(w.low), pct(w.high)]).toEqual([low, high]);
    }
    // Wald would give 55.2 – 104.8 for 8/10: the Wilson interval never leaves [0, 1].
    expect(wilsonInterval(8, 10)!.high).toBeLessThan(1);
  });

  it('always stays inside [0, 1] and contains the observed share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const w = wilsonInterval(k, n)!;
        return w.low >= 0 && w.high <= 1 && w.low <= k / n + 1e-12 && w.high >= k / n - 1e-12;
      }),
    );
  });

  it('promises about ± 10 points with 96 answers', () => {
    expect(marginOfError(96)!).toBeCloseTo(9.8, 1);
    expect(marginOfError(0)).toBeNull();
  });
});

describe('medians', () => {
  it('has no interval below 6 values, because no pair of order statistics reaches 95 %', () => {
    expect(medianInterval([1, 2, 3, 4, 5])).toBeNull();
    expect(medianInterval([1, 2, 3, 4, 5, 6])).toMatchObject({ low: 1, high: 6 });
  });
});

describe('before/after tests', () => {
  it('says « test non informatif » with fewer than 6 usable pairs instead of printing a p-value', () => {
    const w = wilcoxonSignedRank([1, 2, 3, 4, 5, 0, 0]);
    expect(w.test).toEqual({ informative: false, name: 'wilcoxon', usable: 5, message: NOT_INFORMATIVE_MESSAGE });
    expect(mcnemar(1, 4).test.informative).toBe(false);
    expect(mcnemar(1, 5).test.informative).toBe(true);
  });

  it('gives the smallest possible exact p, 2/2⁶, when six people all improve', () => {
    const w = wilcoxonSignedRank([1, 2, 3, 4, 5, 6]);
    expect(w.test).toMatchObject({ informative: true, method: 'exact', p: 2 / 64 });
    expect(w.summary.rankBiserial).toBe(1);
  });

  it('switches to the normal approximation above 25 non-zero differences', () => {
    const diffs = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? -1 : 1) * (i + 1));
    expect(wilcoxonSignedRank(diffs).test).toMatchObject({ informative: true, method: 'normal' });
  });

  it('reproduces the McNemar values of the methods note', () => {
    const r = mcnemar(2, 9);
    expect(r.exact).toBeCloseTo(0.0654, 4);
    expect(r.midP).toBeCloseTo(0.0386, 4);
    expect(mcnemar(4, 4)).toMatchObject({ exact: 1, midP: 1 });
  });
});

describe('small cells', () => {
  it('hides a value from 4 people on the dashboard, shows it from 5', () => {
    expect(DASHBOARD_MIN_N).toBe(5);
    expect(suppression(4).dashboard).toBe(true);
    expect(suppression(5).dashboard).toBe(false);
  });

  it('hides anything that leaves the structure below 11 people, numerator included', () => {
    expect(EXPORT_MIN_N).toBe(11);
    expect(suppression(10).export).toBe(true);
    expect(suppression(11).export).toBe(false);
    expect(suppression(40, { k: 3 }).export).toBe(true);
    expect(suppression(40, { k: 12 }).export).toBe(false);
  });

  it('hides a figure whose complement is a small cell: 11 people out of 12 identifies the one who answered otherwise', () => {
    expect(suppression(12, { k: 11 }).export).toBe(true);
    expect(suppression(12, { k: 1 }).export).toBe(true);
    expect(suppression(22, { k: 11 }).export).toBe(false);
  });

  it("honours an indicator's own stricter minimum, never a looser one", () => {
    expect(suppression(8, { minN: 10 }).dashboard).toBe(true);
    expect(suppression(4, { minN: 2 }).dashboard).toBe(true);
    expect(suppression(12, { minN: 15 }).export).toBe(true);
  });
});

describe('pooling', () => {
  it('adds counts across groups instead of averaging their percentages', () => {
    // 1 of 1 (100 %) and 50 of 100 (50 %): the pooled share is 51/101 ≈ 50.5 %, not 75 %.
    const pooled = poolProportions([{ k: 1, n: 1 }, { k: 50, n: 100 }]);
    expect(pooled).toEqual({ k: 51, n: 101 });
    expect(pooled.k / pooled.n).toBeCloseTo(0.505, 3);
  });

  it('pools means by adding sums, so a group of 1 weighs as one person', () => {
    const a = { n: 1, sum: 10, sumSquares: 100 };
    const b = { n: 3, sum: 6, sumSquares: 14 };
    const pooled = meanFromSums(...(Object.values(poolMeans([a, b])) as [number, number, number]))!;
    expect(pooled.mean).toBe(4);
    expect(pooled.sd).toBeCloseTo(Math.sqrt(((10 - 4) ** 2 + (1 - 4) ** 2 + (2 - 4) ** 2 + (3 - 4) ** 2) / 3), 12);
  });
});
