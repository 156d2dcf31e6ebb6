// Figures that used to mislead: a question asked at one wave only, intervals outside the scale or on too few answers,
// before/after changes on ordinal and yes/no answers, people silently left out of pairs, proxies excluded quietly.
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../shared/indicators/compute';
import type { AnswerRow } from '../../../shared/indicators/model';
import { SCALES } from '../../../shared/scales/index';
import { pairedShareDifference, wilcoxonSignedRank } from '../../../shared/stats/paired';
import { wilsonInterval } from '../../../shared/stats/intervals';
import { validateRegistry } from '../../../shared/registry/validate';
import { AGREE, answer, indicator, input, question, times } from './build';

const who5Levels = SCALES.who5.levels.map((l) => l.fr);
const who5Questions = SCALES.who5.items.map((i) => question(i.key, { levels: who5Levels, scale: 'who5' }));
const who5Keys = who5Questions.map((q) => q.key);
/** Answers giving a WHO-5 raw score of `raw` (0–25). */
const who5 = (raw: number) => Object.fromEntries(who5Keys.map((k, i) => [k, who5Levels[Math.min(5, Math.max(0, raw - 5 * i))]!]));

describe('a question asked only at some waves', () => {
  it('has no value and raises no non-response alert at a wave where it was not asked', () => {
    const followUp = question('q', { waves: ['T1'] });
    const rows = [...times(12, () => answer({ q: null }, { wave: 'T0' })), ...times(12, (i) => answer({ q: AGREE[i % 4]! }, { wave: 'T1' }))];
    const ind = indicator({ condition: { op: 'in', values: [AGREE[3]!] } });
    const result = computeIndicators(input({ questions: [followUp], indicators: [ind], answers: [{ survey: 'E1', rows }] }));
    expect(result.values.map((r) => r.period)).toEqual(['T1']);
    expect(result.values[0]).toMatchObject({ n: 12, value: 25 });
    expect(result.values.flatMap((r) => r.flags.map((f) => f.code))).not.toContain('item_nonresponse');
  });
});

describe('intervals a reader can use', () => {
  it('keeps a mean’s interval inside the scale: WHO-5 between 0 and 100', () => {
    const rows = [...times(4, () => answer(who5(25))), answer(who5(24)), answer(who5(5))];
    const ind = indicator({ method: 'scale', unit: 'score', source: { type: 'survey', survey: 'E1', questions: who5Keys } });
    const row = computeIndicators(input({ questions: who5Questions, indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.n).toBe(6);
    expect(row.high).toBe(100);
    expect(row.low!).toBeGreaterThanOrEqual(0);
    expect(row.detail.bounds).toEqual({ min: 0, max: 100 });
  });

  it('keeps a number’s interval inside the bounds its « Modalités » give (« 0 | 10 »)', () => {
    const fatigue = question('f', { type: 'number', levels: ['0', '10'] });
    const rows = [10, 10, 10, 10, 9, 2].map((f) => answer({ f }));
    const ind = indicator({ method: 'mean', unit: 'score', source: { type: 'survey', survey: 'E1', questions: ['f'] } });
    const row = computeIndicators(input({ questions: [fatigue], indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.high).toBe(10);
    expect(row.detail.bounds).toEqual({ min: 0, max: 10 });
  });

  it('gives no interval below the minimum n (the indicator’s, else 5) and says « trop peu de réponses »', () => {
    const score = question('f', { type: 'number', levels: [] });
    const mean = indicator({ method: 'mean', unit: 'h', source: { type: 'survey', survey: 'E1', questions: ['f'] } });
    const few = computeIndicators(input({ questions: [score], indicators: [mean], answers: [{ survey: 'E1', rows: [3, 5, 4, 9].map((f) => answer({ f })) }] })).values[0]!;
    expect(few).toMatchObject({ n: 4, low: null, high: null });
    expect(few.detail.intervalWithheld).toBe(true);
    expect(few.methodText).toContain('trop peu de réponses');
    expect(few.flags.find((f) => f.code === 'too_few_for_interval')!.message).toContain('trop peu de réponses');

    const share = indicator({ condition: { op: 'in', values: [AGREE[3]!] }, minN: 11 });
    const nine = computeIndicators(input({ indicators: [share], answers: [{ survey: 'E1', rows: times(9, (i) => answer({ q: AGREE[i % 4]! })) }] })).values[0]!;
    expect(nine).toMatchObject({ n: 9, low: null, high: null });
    const twelve = computeIndicators(input({ indicators: [share], answers: [{ survey: 'E1', rows: times(12, (i) => answer({ q: AGREE[i % 4]! })) }] })).values[0]!;
    expect(twelve.low).not.toBeNull();
  });
});

/** Person p's answers at T0 and T1 (null: no questionnaire at that wave). */
function pairRows(answers: Array<[before: AnswerRow['answers'] | null, after: AnswerRow['answers'] | null, over?: { before?: Partial<AnswerRow>; after?: Partial<AnswerRow> }]>): AnswerRow[] {
  return answers.flatMap(([before, after, over], p) => [
    ...(before ? [answer(before, { wave: 'T0', personId: `p${p}`, ...over?.before })] : []),
    ...(after ? [answer(after, { wave: 'T1', personId: `p${p}`, ...over?.after })] : []),
  ]);
}

describe('before/after on ordinal and yes/no answers', () => {
  it('reports, on a Likert answer, the shares who moved up, stayed, moved down with Wilson intervals, and Wilcoxon on the ranks', () => {
    const moves: Array<[number, number]> = [[0, 2], [1, 3], [0, 1], [1, 2], [2, 3], [0, 3], [1, 1], [2, 2], [3, 3], [3, 2], [2, 0], [1, 2]];
    const rows = pairRows(moves.map(([a, b]) => [{ q: AGREE[a]! }, { q: AGREE[b]! }]));
    const ind = indicator({ method: 'change', unit: '%', condition: null });
    const row = computeIndicators(input({ indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    const up = moves.filter(([a, b]) => b > a).length;
    const down = moves.filter(([a, b]) => b < a).length;
    const ci = wilsonInterval(up, 12)!;
    expect(row.detail.change).toMatchObject({ kind: 'ordinal', pairs: 12, improved: up, stable: 12 - up - down, worse: down });
    expect(row.value).toBeCloseTo((100 * up) / 12, 12);
    expect([row.low, row.high]).toEqual([100 * ci.low, 100 * ci.high]);
    const shares = row.detail.change!.shares!;
    expect(shares.worse.high).toBeCloseTo(100 * wilsonInterval(down, 12)!.high, 12);
    expect(row.detail.change!.test.p).toBeCloseTo(wilcoxonSignedRank(moves.map(([a, b]) => b - a)).test.informative ? (wilcoxonSignedRank(moves.map(([a, b]) => b - a)).test as { p: number }).p : NaN, 12);
    expect(row.methodText).not.toMatch(/moyenne/);
    expect(row.methodText).toContain(`${up} ont progressé`);
  });

  it('refuses a change on a single choice without a condition: answers without an order cannot progress', () => {
    const nominal = question('q', { type: 'single', levels: ['Conjoint', 'Enfant', 'Ami'] });
    const rows = pairRows(times(8, (i) => [{ q: 'Conjoint' }, { q: i % 2 ? 'Ami' : 'Enfant' }]));
    const row = computeIndicators(input({ questions: [nominal], indicators: [indicator({ method: 'change', condition: null })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row).toMatchObject({ value: null, status: 'données insuffisantes' });
    expect(row.methodText).toMatch(/condition/);
    expect(row.methodText).toMatch(/Vérifier/);
  });

  it('gives a yes/no change its paired interval (Newcombe) and McNemar when informative', () => {
    // a = yes → yes, b = yes → no, c = no → yes, d = no → no
    const cells = { a: 5, b: 2, c: 9, d: 4 };
    const yes = AGREE[3]!;
    const no = AGREE[0]!;
    const rows = pairRows([
      ...times(cells.a, () => [{ q: yes }, { q: yes }] as [AnswerRow['answers'], AnswerRow['answers']]),
      ...times(cells.b, () => [{ q: yes }, { q: no }] as [AnswerRow['answers'], AnswerRow['answers']]),
      ...times(cells.c, () => [{ q: no }, { q: yes }] as [AnswerRow['answers'], AnswerRow['answers']]),
      ...times(cells.d, () => [{ q: no }, { q: no }] as [AnswerRow['answers'], AnswerRow['answers']]),
    ]);
    const ind = indicator({ method: 'change', unit: 'points', condition: { op: 'in', values: [yes] } });
    const row = computeIndicators(input({ indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    const d = pairedShareDifference(cells.a, cells.b, cells.c, cells.d)!;
    expect(row.detail.change).toMatchObject({ kind: 'binary', pairs: 20, shareBefore: 35, shareAfter: 70 });
    expect(row.value).toBeCloseTo(100 * d.difference, 12);
    expect(row.low).toBeCloseTo(100 * d.low, 12);
    expect(row.high).toBeCloseTo(100 * d.high, 12);
    expect(row.detail.change!.test).toMatchObject({ name: 'mcnemar', method: 'mid-p' });
  });
});

describe('people left out of before/after pairs are counted, with the reason', () => {
  it('says how many had no answer at T0, changed respondent type, answered through a relative at T1 or left', () => {
    const f = (x: number) => ({ f: x });
    const rows = pairRows([
      ...times(7, (i) => [f(10), f(6 + (i % 3))] as [AnswerRow['answers'], AnswerRow['answers']]),
      ...times(4, () => [null, f(5)] as [null, AnswerRow['answers']]),
      ...times(2, () => [f(9), f(4), { after: { respondentType: 'proxy' } }] as [AnswerRow['answers'], AnswerRow['answers'], { after: Partial<AnswerRow> }]),
      [f(8), null],
      [f(8), f(8), { after: { respondentType: null } }],
    ]);
    const ind = indicator({ method: 'change', unit: 'points', direction: 'down', respondentRule: 'self', source: { type: 'survey', survey: 'E1', questions: ['f'] } });
    const row = computeIndicators(input({ questions: [question('f', { type: 'number', levels: [] })], indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.n).toBe(7);
    expect(row.detail.change!.leftOut).toEqual({ noBefore: 4, noAfter: 1, blankAfter: 0, proxyBefore: 0, proxyAfter: 2, typeChanged: 1 });
    expect(row.methodText).toContain('4 sans réponse à T0');
    expect(row.methodText).toContain('2 réponses par un proche à T1');
    expect(row.methodText).toContain('1 sans réponse à T1');
    expect(row.flags.find((fl) => fl.code === 'pairs_left_out')!.message).toContain('4 sans réponse à T0');
  });
});

describe('checks people can act on', () => {
  it('warns (not an info line) how many proxy answers a self-report indicator left aside, out of how many', () => {
    const rows = [...times(18, () => answer({ q: AGREE[3]! })), ...times(10, () => answer({ q: AGREE[0]! }, { respondentType: 'proxy' }))];
    const ind = indicator({ condition: { op: 'in', values: [AGREE[3]!] }, respondentRule: 'self' });
    const row = computeIndicators(input({ indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    const proxies = row.flags.find((f) => f.code === 'proxy_excluded')!;
    expect(proxies.level).toBe('alerte');
    expect(proxies.message).toMatch(/^10 réponses sur 28 données par un proche, laissées de côté/);
  });
});

describe('« Vérifier » before computing', () => {
  const tab = (name: string, columns: string[], rows: Array<Record<string, unknown>>) => ({
    tab: name, sheetId: 1, columns: Object.fromEntries(columns.map((c, i) => [c, String.fromCharCode(65 + i)])), rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  });
  const snapshot = (condition: string) => ({
    lang: 'fr' as const,
    outcomes: tab('Changements', ['id', 'stakeholder', 'change'], [{ id: 'C1', stakeholder: 'aidants', change: 'Moins seuls' }]),
    surveys: tab('Enquêtes', ['id', 'name'], [{ id: 'E1', name: 'Suivi' }]),
    questions: tab('Questions', ['survey', 'key', 'type', 'levels'], [{ survey: 'E1', key: 'lien', type: 'choix unique', levels: 'Conjoint | Enfant | Ami' }]),
    indicators: tab('Indicateurs', ['code', 'name', 'outcome', 'method', 'survey', 'questions', 'condition', 'unit'], [
      { code: 'I1', name: 'Lien', outcome: 'C1', method: 'évolution avant/après', survey: 'E1', questions: 'lien', condition, unit: 'points' },
    ]),
  });

  it('refuses a before/after change on a single choice without a condition, and accepts it with one', () => {
    const refused = validateRegistry(snapshot(''));
    expect(refused.registry.indicators).toEqual([]);
    expect(refused.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^Indicateurs!G2 : « lien » est une question à choix sans ordre/));
    expect(validateRegistry(snapshot('in [« Enfant »]')).registry.indicators.map((i) => i.code)).toEqual(['I1']);
  });
});
