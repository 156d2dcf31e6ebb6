import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../shared/indicators/compute';
import reference from '../../fixtures/stats/reference.json';
import { AGREE, answer, indicator, input, question, times } from './build';

const agreeTop2 = { op: 'in' as const, values: ["Plutôt d'accord", "Tout à fait d'accord"] };

describe('proportion meeting a condition', () => {
  it('counts the answers in the listed levels, with a Wilson interval and a plain-French sentence', () => {
    const rows = [
      ...times(31, (i) => answer({ q: AGREE[2 + (i % 2)]! })),
      ...times(12, () => answer({ q: "Pas du tout d'accord" })),
    ];
    const [row] = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2 })], answers: [{ survey: 'E1', rows }] })).values;
    const ref = reference.wilson.find((w) => w.k === 31 && w.n === 43)!;
    expect(row).toMatchObject({ indicator: 'I1', period: 'T0', segment: '', n: 43, suppressed: false, computed: true });
    expect(row!.value).toBeCloseTo((100 * 31) / 43, 10);
    expect(row!.low! / 100).toBeCloseTo(ref.low, 9);
    expect(row!.high! / 100).toBeCloseTo(ref.high, 9);
    expect(row!.methodText).toBe("31 aidants sur 43 (72 %) ont répondu « Plutôt d'accord » ou « Tout à fait d'accord » ; entre 57 et 83 % (intervalle de confiance à 95 %).");
    expect(row!.detail.interval).toBe('Wilson');
    expect(row!.detail.distribution!.map((d) => d.count).reduce((a, b) => a + b)).toBe(43);
  });

  it('matches labels whatever their case, accents or apostrophes, and applies numeric conditions to ranks', () => {
    const rows = [answer({ q: "plutot d’accord" }), answer({ q: 'TOUT À FAIT D’ACCORD' }), answer({ q: 'Plutôt pas d’accord' }), answer({ q: 4 }), answer({ q: '1' })];
    const byLabel = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2 })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    const byRank = computeIndicators(input({ indicators: [indicator({ condition: { op: 'gte', value: 3 } })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(byLabel.detail.k).toBe(3);
    expect(byRank.detail.k).toBe(3);
    // A condition on ranks reads as the answers it keeps, not as « ≥ 3 ».
    expect(byRank.methodText).toContain("ont répondu « Plutôt d'accord » ou plus");
  });

  it('reads a multiple choice exported by option position (KoboToolbox XML values) as its options', () => {
    const services = ['Ménage', 'Repas', 'Courses'];
    const rows = [answer({ m: '1 ; 3' }), answer({ m: 'Repas' }), answer({ m: '2' }), answer({ m: 'Ménage ; Courses' })];
    const row = computeIndicators(
      input({ questions: [question('m', { type: 'multiple', levels: services })], indicators: [indicator({ source: { type: 'survey', survey: 'E1', questions: ['m'] }, condition: { op: 'in', values: ['Courses'] } })], answers: [{ survey: 'E1', rows }] }),
    ).values[0]!;
    expect(row.detail).toMatchObject({ k: 2 });
    expect(row.n).toBe(4);
  });

  it("leaves « ne sait pas » and blanks out of the base and says so, never codes them as a midpoint", () => {
    const rows = [...times(6, () => answer({ q: "Tout à fait d'accord" })), ...times(4, () => answer({ q: "Pas du tout d'accord" })), ...times(3, () => answer({ q: 'Ne sait pas' })), ...times(6, () => answer({ q: null }))];
    const row = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2 })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.n).toBe(10);
    expect(row.detail).toMatchObject({ k: 6, dontKnow: 3, missing: 6 });
    expect(row.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['item_nonresponse', 'dont_know']));
  });

  it('gives counts only, no percentage, below 10 people', () => {
    const rows = [...times(4, () => answer({ q: "Tout à fait d'accord" })), ...times(4, () => answer({ q: "Pas du tout d'accord" }))];
    const row = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2 })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.methodText).toMatch(/^4 aidants sur 8 ont répondu/);
  });
});

describe('means, medians, counts and sums', () => {
  const numberQuestion = question('h', { type: 'number', levels: [] });
  const values = [3, 5, 4, 6, 2];
  const rows = values.map((v) => answer({ h: String(v).replace('.', ',') }));
  const run = (method: 'mean' | 'median' | 'count' | 'sum', extra = {}) =>
    computeIndicators(input({ questions: [numberQuestion], indicators: [indicator({ method, unit: 'heures', source: { type: 'survey', survey: 'E1', questions: ['h'] }, ...extra })], answers: [{ survey: 'E1', rows }] })).values[0]!;

  it('gives the mean with a t interval equal to SciPy’s', () => {
    const ref = reference.tInterval[0]!;
    const row = run('mean');
    expect(row.value).toBeCloseTo(ref.mean, 12);
    expect(row.low!).toBeCloseTo(ref.low, 6);
    expect(row.high!).toBeCloseTo(ref.high, 6);
  });

  it('gives a median without an interval below 6 answers', () => {
    const row = run('median');
    expect(row).toMatchObject({ value: 4, low: null, high: null });
    expect(row.methodText).toContain('non calculable sous 6');
  });

  it('counts answers meeting a condition and sums numbers', () => {
    expect(run('count', { condition: { op: 'gte', value: 4 } })).toMatchObject({ value: 3, n: 5 });
    expect(run('sum')).toMatchObject({ value: 20, n: 5 });
  });

  it('computes a Likert mean only because the indicator asks for one, on ranks 1…k, and says so', () => {
    const likertRows = [answer({ q: AGREE[0]! }), answer({ q: AGREE[3]! }), answer({ q: AGREE[2]! })];
    const row = computeIndicators(input({ indicators: [indicator({ method: 'mean', unit: 'score' })], answers: [{ survey: 'E1', rows: likertRows }] })).values[0]!;
    expect(row.value).toBeCloseTo(8 / 3, 12);
    expect(row.methodText).toContain("1 = « Pas du tout d'accord »");
  });
});

describe('periods and segments', () => {
  it('splits by quarter and by each value of a breakdown column, always with n', () => {
    const rows = [
      answer({ q: AGREE[3]! }, { date: '2026-01-15', segments: { site: 'Nord' } }),
      answer({ q: AGREE[0]! }, { date: '2026-02-15', segments: { site: 'Sud' } }),
      answer({ q: AGREE[3]! }, { date: '2026-04-01', segments: { site: 'Sud' } }),
      answer({ q: AGREE[3]! }, { date: null, segments: { site: 'Sud' } }),
    ];
    const values = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2, granularity: 'quarter', disaggregation: ['site'] })], answers: [{ survey: 'E1', rows }] })).values;
    expect(values.map((v) => [v.period, v.segment, v.n, v.detail.k])).toEqual([
      ['2026-T1', '', 2, 1],
      ['2026-T1', 'site = Nord', 1, 1],
      ['2026-T1', 'site = Sud', 1, 0],
      ['2026-T2', '', 1, 1],
      ['2026-T2', 'site = Sud', 1, 1],
    ]);
    expect(values[0]!.flags.find((f) => f.code === 'no_period')!.message).toContain('1 réponse sans date');
  });

  it('reads a breakdown from the answers when it is a question (tranche d’âge)', () => {
    const q = question('tranche_age', { type: 'single', levels: ['Moins de 75 ans', '75 ans et plus'] });
    const rows = [answer({ q: AGREE[3]!, tranche_age: '75 ans et plus' }), answer({ q: AGREE[3]!, tranche_age: null })];
    const segments = computeIndicators(input({ questions: [question('q'), q], indicators: [indicator({ condition: agreeTop2, disaggregation: ['tranche_age'] })], answers: [{ survey: 'E1', rows }] })).values.map((v) => v.segment);
    expect(segments).toEqual(['', 'tranche_age = 75 ans et plus', 'tranche_age = non renseigné']);
  });

  it('pools periods by adding counts: the year equals the sum of its quarters, not the mean of their shares', () => {
    const rows = [answer({ q: AGREE[3]! }, { date: '2026-01-10' }), ...times(99, (i) => answer({ q: AGREE[i < 49 ? 3 : 0]! }, { date: '2026-05-10' }))];
    const make = (granularity: 'quarter' | 'year') => computeIndicators(input({ indicators: [indicator({ condition: agreeTop2, granularity })], answers: [{ survey: 'E1', rows }] })).values;
    const quarters = make('quarter');
    expect(quarters.map((q) => q.value)).toEqual([100, (100 * 49) / 99]);
    const [year] = make('year');
    expect(year!.value).toBeCloseTo(50, 10);
    expect(year!.value).not.toBeCloseTo((quarters[0]!.value! + quarters[1]!.value!) / 2, 1);
  });
});

describe('small cells', () => {
  it('hides a value from 4 people on the dashboard and marks it « données insuffisantes »', () => {
    const rows = times(4, () => answer({ q: AGREE[3]! }));
    const row = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2, targets: [{ period: 'T0', value: 50 }] })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row).toMatchObject({ n: 4, suppressed: true, exportSuppressed: true, status: 'données insuffisantes' });
  });

  it('shows a value from 8 people inside the structure but never outside it', () => {
    const rows = times(8, () => answer({ q: AGREE[3]! }));
    expect(computeIndicators(input({ indicators: [indicator({ condition: agreeTop2 })], answers: [{ survey: 'E1', rows }] })).values[0]).toMatchObject({ suppressed: false, exportSuppressed: true });
  });
});
