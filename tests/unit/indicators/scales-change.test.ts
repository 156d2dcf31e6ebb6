import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../shared/indicators/compute';
import { SCALES } from '../../../shared/scales/index';
import reference from '../../fixtures/stats/reference.json';
import { answer, indicator, input, question, times } from './build';

const who5Levels = SCALES.who5.levels.map((l) => l.fr);
const who5Questions = SCALES.who5.items.map((i) => question(i.key, { levels: who5Levels, scale: 'who5' }));
const who5Keys = who5Questions.map((q) => q.key);
/** Answers giving a WHO-5 raw score of `raw` (0–25). */
const who5 = (raw: number) => Object.fromEntries(who5Keys.map((k, i) => [k, who5Levels[Math.min(5, Math.max(0, raw - 5 * i))]!]));
const who5Indicator = (over = {}) => indicator({ method: 'scale', unit: 'score', source: { type: 'survey', survey: 'E1', questions: who5Keys }, ...over });

describe('scale scores', () => {
  it('scores WHO-5 with the scale’s own rule (×4, no score when an item is missing) and flags a ceiling', () => {
    const rows = [...times(3, () => answer(who5(25))), answer(who5(10)), answer(who5(15)), answer({ ...who5(20), who5_3: null })];
    const row = computeIndicators(input({ questions: who5Questions, indicators: [who5Indicator()], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.n).toBe(5);
    expect(row.value).toBeCloseTo((3 * 100 + 40 + 60) / 5, 12);
    expect(row.detail.missing).toBe(1);
    expect(row.flags.find((f) => f.code === 'ceiling')!.message).toContain('60 % au score maximal');
  });

  it('counts a WHO-5 score condition (≤ 50: low wellbeing) as a proportion of people', () => {
    const rows = [...times(4, () => answer(who5(10))), ...times(6, () => answer(who5(20)))];
    const row = computeIndicators(input({ questions: who5Questions, indicators: [who5Indicator({ method: 'proportion', unit: '%', condition: { op: 'lte', value: 50 } })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row).toMatchObject({ n: 10, value: 40 });
    expect(row.methodText).toContain('ont un score');
  });

  it('scores a generic scale with reversed items and prorates when at least 80 % of items are answered', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const questions = keys.map((k) => question(k, { reversed: k === 'e' }));
    const ind = indicator({ method: 'scale', unit: 'score', source: { type: 'survey', survey: 'E1', questions: keys } });
    const full = { a: 'Tout à fait d’accord', b: 'Tout à fait d’accord', c: 'Plutôt d’accord', d: 'Plutôt d’accord', e: "Pas du tout d'accord" };
    const oneMissing = { ...full, c: null };
    const twoMissing = { ...full, c: null, d: null };
    const score = (answers: Record<string, string | null>) => computeIndicators(input({ questions, indicators: [ind], answers: [{ survey: 'E1', rows: [answer(answers)] }] })).values[0]!;
    expect(score(full).value).toBe(4 + 4 + 3 + 3 + 4); // e reversed: rank 1 of 4 counts 4
    expect(score(oneMissing).value).toBe(((4 + 4 + 3 + 4) / 4) * 5);
    expect(score(twoMissing)).toMatchObject({ n: 0, value: null });
  });

  it('keeps proxy answers out of a self-report scale and says how many were excluded', () => {
    const rows = [...times(6, () => answer(who5(15))), ...times(2, () => answer(who5(5), { respondentType: 'proxy' })), answer(who5(15), { respondentType: 'aided' })];
    const row = computeIndicators(input({ questions: who5Questions, indicators: [who5Indicator({ respondentRule: 'self' })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.n).toBe(7);
    expect(row.value).toBe(60);
    expect(row.flags.find((f) => f.code === 'proxy_excluded')!.message).toMatch(/^2 réponses sur 9 données par un proche, laissées de côté/);
  });

  it('warns when more than 20 % of the answers counted were given for someone else', () => {
    const rows = [...times(7, () => answer(who5(15))), ...times(3, () => answer(who5(5), { respondentType: 'proxy' }))];
    const row = computeIndicators(input({ questions: who5Questions, indicators: [who5Indicator({ respondentRule: 'proxy' })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.flags.find((f) => f.code === 'proxy_share')!.message).toContain('30 %');
  });
});

describe('before/after change by person', () => {
  const numberQuestion = question('f', { type: 'number', levels: [] });
  const change = (over = {}) => indicator({ method: 'change', unit: 'points', direction: 'down', source: { type: 'survey', survey: 'E1', questions: ['f'] }, ...over });

  it('pairs people by id, reports improved / stable / worse and a Wilcoxon p equal to SciPy’s', () => {
    const ref = reference.wilcoxon[2]!; // 12 differences, no ties, exact
    const rows = ref.differences.flatMap((d, i) => [
      answer({ f: 20 }, { wave: 'T0', personId: `p${i}` }),
      answer({ f: 20 + d }, { wave: 'T1', personId: `p${i}` }),
    ]);
    const row = computeIndicators(input({ questions: [numberQuestion], indicators: [change()], answers: [{ survey: 'E1', rows }] })).values[0]!;
    const worse = ref.differences.filter((d) => d > 0).length;
    expect(row).toMatchObject({ period: 'T1', n: 12 });
    expect(row.detail.change).toMatchObject({ pairs: 12, improved: 12 - worse, stable: 0, worse });
    expect(row.detail.change!.test.p!).toBeCloseTo(ref.p, 9);
    expect(row.value).toBeCloseTo(ref.differences.reduce((a, b) => a + b) / 12, 12);
    expect(row.methodText).toMatch(/^Sur 12 aidants ayant répondu à T0 et à T1 : 4 ont progressé, 0 stables, 8 en baisse/);
  });

  it('says « test non informatif » with fewer than 6 usable pairs, and reports attrition and type changes', () => {
    const rows = [
      ...[1, 2, 3, 4, 5].flatMap((d, i) => [answer({ f: 10 }, { wave: 'T0', personId: `p${i}` }), answer({ f: 10 - d }, { wave: 'T1', personId: `p${i}` })]),
      answer({ f: 10 }, { wave: 'T0', personId: 'same' }), answer({ f: 10 }, { wave: 'T1', personId: 'same' }),
      answer({ f: 3 }, { wave: 'T0', personId: 'gone1' }), answer({ f: 2 }, { wave: 'T0', personId: 'gone2' }),
      answer({ f: 9 }, { wave: 'T0', personId: 'switch' }), answer({ f: 4 }, { wave: 'T1', personId: 'switch', respondentType: 'proxy' }),
    ];
    const row = computeIndicators(input({ questions: [numberQuestion], indicators: [change()], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.n).toBe(6);
    expect(row.detail.change!.test).toEqual({ name: 'wilcoxon', p: null, method: null, message: 'test non informatif (n trop faible)' });
    // The test is named in the notes (flags, detail), not in the value's sentence.
    expect(row.methodText).not.toContain('Wilcoxon');
    expect(row.flags.find((f) => f.code === 'test_not_informative')!.message).toContain('Test non informatif');
    const codes = row.flags.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['test_not_informative', 'attrition', 'pairs_type_changed']));
    const attrition = row.flags.find((f) => f.code === 'attrition')!;
    expect(attrition.level).toBe('alerte');
    expect(attrition.message).toContain("2 personnes sur 9 vues à T0 sans réponse à T1");
    expect(attrition.message).toContain("risque de biais d'attrition");
  });

  it('uses McNemar (mid-p) on yes/no answers, as statsmodels does', () => {
    const yesNo = question('r', { type: 'single', levels: ['Non', 'Oui'] });
    const ref = reference.mcnemar.find((m) => m.b === 3 && m.c === 14)!;
    const pairs: Array<[string, string]> = [...times(3, () => ['Oui', 'Non'] as [string, string]), ...times(14, () => ['Non', 'Oui'] as [string, string]), ...times(5, () => ['Oui', 'Oui'] as [string, string])];
    const rows = pairs.flatMap(([a, b], i) => [answer({ r: a }, { wave: 'T0', personId: `p${i}` }), answer({ r: b }, { wave: 'T1', personId: `p${i}` })]);
    const ind = indicator({ method: 'change', direction: 'up', condition: { op: 'in', values: ['Oui'] }, source: { type: 'survey', survey: 'E1', questions: ['r'] } });
    const row = computeIndicators(input({ questions: [yesNo], indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.detail.change).toMatchObject({ pairs: 22, improved: 14, stable: 5, worse: 3 });
    expect(row.detail.change!.test.p!).toBeCloseTo(ref.midP, 9);
    expect(row.value).toBeCloseTo((100 * 11) / 22, 12);
  });
});

describe('observations and manual values', () => {
  const observations = [
    { id: '1', date: '2026-01-03', tags: ['Répit'], consent: 'obtenu' as const, scope: 'interne' as const, personId: null },
    { id: '2', date: '2026-02-03', tags: ['épuisement', 'répit'], consent: null, scope: 'interne' as const, personId: null },
    { id: '3', date: '2026-02-13', tags: ['autre'], consent: 'obtenu' as const, scope: 'public' as const, personId: null },
    { id: '4', date: '2026-04-13', tags: ['repit'], consent: 'obtenu' as const, scope: 'public' as const, personId: null },
  ];
  it('counts observations carrying one of the tags per period, or their share when the unit is %', () => {
    const count = indicator({ method: 'observations', unit: 'observations', granularity: 'quarter', source: { type: 'observations', tags: ['répit', 'épuisement'] } });
    const shareOf = { ...count, code: 'I2', unit: '%' };
    const values = computeIndicators(input({ indicators: [count, shareOf], observations })).values;
    expect(values.map((v) => [v.indicator, v.period, v.value, v.n])).toEqual([
      ['I1', '2026-T1', 2, 2],
      ['I1', '2026-T2', 1, 1],
      ['I2', '2026-T1', (100 * 2) / 3, 3],
      ['I2', '2026-T2', 100, 1],
    ]);
  });

  it('echoes manual values with their status, marked as not computed so the server never rewrites them', () => {
    const ind = indicator({ method: 'manual', source: { type: 'manual' }, unit: 'personnes', baseline: { value: 100, period: '2025' }, targets: [{ period: '2026', value: 150 }] });
    const [row] = computeIndicators(input({ indicators: [ind], manualValues: [{ indicator: 'I1', period: '2026-T2', segment: '', value: 130, n: null, row: 5 }] })).values;
    expect(row).toMatchObject({ value: 130, computed: false, target: 150, status: 'en bonne voie', suppressed: false });
  });
});
