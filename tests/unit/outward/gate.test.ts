// The outward gate, by properties: whatever the counts, no figure that leaves lets anyone recompute a small cell —
// neither from its own k and n (the complement) nor from the whole group and the other groups (derivation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueRow } from '../../../shared/indicators/model';
import { AUDIENCE_THRESHOLD, outwardFigures, quoteMayLeave } from '../../../shared/outward/gate';

function row(segment: string, n: number, k: number, over: Partial<ValueRow> = {}): ValueRow {
  return {
    indicator: 'I1', period: 'T0', segment, value: n > 0 ? (100 * k) / n : null, n, low: 1, high: 99, baseline: null, target: null, status: '',
    flags: [{ code: 'proxy_excluded', level: 'alerte', message: '1 réponse sur 12 donnée par un proche' }], methodText: `${k} sur ${n}`,
    suppressed: false, exportSuppressed: false, computed: true, detail: { k }, ...over,
  };
}

/** A whole group and its breakdown into segments of one column: each segment's n and k. */
const breakdown = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 6 }).map((parts) => {
  const segments = parts.map(([n, share], i) => row(`lien = G${i}`, n, Math.round(n * share)));
  const n = segments.reduce((s, r) => s + r.n!, 0);
  const k = segments.reduce((s, r) => s + r.detail.k!, 0);
  return [row('', n, k), ...segments];
});

describe('the outward gate', () => {
  it('hides 11 people out of 12: the complement would name the one who answered otherwise', () => {
    const view = outwardFigures([row('', 12, 11)], 'funders');
    expect(view.figures[0]).toMatchObject({ hidden: true, value: null, n: null, note: 'moins de 11 personnes' });
    expect(view.hidden).toEqual([{ indicator: 'I1', period: 'T0', segment: '', reason: 'small' }]);
    // The team's threshold is 5: 7 out of 12 may go to the team view, not to funders.
    expect(outwardFigures([row('', 12, 7)], 'team').figures[0]!.hidden).toBe(false);
    expect(outwardFigures([row('', 12, 7)], 'funders').figures[0]!.hidden).toBe(true);
  });

  it('counts distinct people raising a theme as people: 8 of 14 met stays inside, even on a row carrying no k', () => {
    const raising = row('', 14, 8, { value: 8, detail: { persons: { k: 8, n: 14 } } });
    expect(outwardFigures([raising], 'funders').figures[0]!.hidden).toBe(true);
    expect(outwardFigures([row('', 40, 12, { value: 12, detail: { persons: { k: 12, n: 40 } } })], 'funders').figures[0]!.hidden).toBe(false);
  });

  it('never lets a figure leave with a count or a complement under the audience’s threshold', () => {
    fc.assert(
      fc.property(breakdown, fc.constantFrom('team' as const, 'funders' as const, 'public' as const, 'cohort' as const), (rows, audience) => {
        const t = AUDIENCE_THRESHOLD[audience];
        for (const f of outwardFigures(rows, audience).figures) {
          if (f.hidden) expect([f.value, f.n, f.low, f.high, f.detail]).toEqual([null, null, null, null, {}]);
          else expect(f.n! >= t && f.detail.k! >= t && f.n! - f.detail.k! >= t).toBe(true);
        }
      }),
    );
  });

  it('never leaves exactly one group of a breakdown hidden beside a shown whole group: it could be recomputed', () => {
    fc.assert(
      fc.property(breakdown, (rows) => {
        const figures = outwardFigures(rows, 'funders').figures;
        if (figures[0]!.hidden) return;
        expect(figures.slice(1).filter((f) => f.hidden).length).not.toBe(1);
      }),
    );
  });

  it('hides the smallest shown group with a lone hidden one, and says why', () => {
    const rows = [row('', 60, 30), row('lien = A', 5, 2), row('lien = B', 25, 12), row('lien = C', 30, 16)];
    const view = outwardFigures(rows, 'funders');
    expect(view.hidden).toEqual([
      { indicator: 'I1', period: 'T0', segment: 'lien = A', reason: 'small' },
      { indicator: 'I1', period: 'T0', segment: 'lien = B', reason: 'derivable' },
    ]);
  });

  it('passes on numbers only: no sentence and no flag, which carry counts', () => {
    const f = outwardFigures([row('', 40, 20)], 'public').figures[0]!;
    expect(Object.keys(f)).not.toContain('methodText');
    expect(Object.keys(f)).not.toContain('flags');
    expect(JSON.stringify(f)).not.toContain('réponse sur 12');
  });

  it('lets a quote leave only with consent and a usage that covers the audience; never to a cohort', () => {
    expect(quoteMayLeave('obtenu', 'financeurs', 'funders')).toBe(true);
    expect(quoteMayLeave('obtenu', 'financeurs', 'public')).toBe(false);
    expect(quoteMayLeave('non requis', 'public', 'public')).toBe(true);
    expect(quoteMayLeave('non obtenu', 'public', 'team')).toBe(false);
    expect(quoteMayLeave(null, 'public', 'funders')).toBe(false);
    expect(quoteMayLeave('obtenu', 'public', 'cohort')).toBe(false);
  });
});
