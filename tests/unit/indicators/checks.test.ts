import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../shared/indicators/compute';
import { AGREE, answer, indicator, input, question, survey, times } from './build';

const agreeTop2 = { op: 'in' as const, values: ["Plutôt d'accord", "Tout à fait d'accord"] };
const grid = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'].map((k) => question(k, { reversed: k === 'g6' }));
const gridAnswers = (levels: number[]) => Object.fromEntries(grid.map((q, i) => [q.key, AGREE[levels[i]!]!]));

describe('careless answering, per person (kept inside the structure)', () => {
  it('flags identical answers on a grid that holds a reversed item, and only those', () => {
    const rows = [
      answer(gridAnswers([3, 3, 3, 3, 3, 3]), { personId: 'same-top' }),
      answer(gridAnswers([2, 3, 2, 3, 3, 0]), { personId: 'consistent' }),
    ];
    const withReversed = computeIndicators(input({ questions: grid, indicators: [], answers: [{ survey: 'E1', rows }] }));
    expect(withReversed.personFlags.filter((f) => f.code === 'straight_lining').map((f) => f.personId)).toEqual(['same-top']);
    expect(withReversed.surveyChecks[0]!.flags.find((f) => f.code === 'straight_lining')!.message).toMatch(/^1 questionnaire \(50 %\)/);

    const noReversed = grid.map((q) => ({ ...q, reversed: false }));
    expect(computeIndicators(input({ questions: noReversed, indicators: [], answers: [{ survey: 'E1', rows }] })).personFlags).toEqual([]);
  });

  it('keeps who was flagged out of the wave checks and the values: only counts leave the person-level list', () => {
    const rows = [answer(gridAnswers([3, 3, 3, 3, 3, 3]), { responseId: 'resp-42', personId: 'person-42' }), ...times(5, () => answer(gridAnswers([2, 3, 2, 3, 3, 0])))];
    const ind = indicator({ condition: { op: 'in', values: ["Tout à fait d'accord"] }, source: { type: 'survey', survey: 'E1', questions: ['g1'] } });
    const scale = indicator({ code: 'I2', method: 'scale', unit: 'score', condition: null, source: { type: 'survey', survey: 'E1', questions: grid.map((q) => q.key) } });
    const result = computeIndicators(input({ questions: grid, indicators: [ind, scale], answers: [{ survey: 'E1', rows }] }));
    expect(result.personFlags.map((f) => [f.responseId, f.code, f.who])).toEqual([['resp-42', 'straight_lining', 'personne person-42'], ['resp-42', 'acquiescence', 'personne person-42']]);
    const shared = JSON.stringify([result.values, result.surveyChecks]);
    expect(shared).not.toContain('42');
  });

  const items = ['a1', 'a2', 'a3', 'r1', 'r2'].map((k) => question(k, { reversed: k.startsWith('r') }));
  const yesToAll = { a1: AGREE[3]!, a2: AGREE[2]!, a3: AGREE[3]!, r1: AGREE[2]!, r2: AGREE[3]! };
  const coherent = { a1: AGREE[3]!, a2: AGREE[2]!, a3: AGREE[3]!, r1: AGREE[0]!, r2: AGREE[1]! };
  const scaleOf = (keys: string[]) => indicator({ method: 'scale', unit: 'score', condition: null, source: { type: 'survey', survey: 'E1', questions: keys } });

  it('flags agreeing with a statement and with its declared opposite of the same scale (acquiescence), naming the file row', () => {
    const rows = [answer(yesToAll, { responseId: 'fp:1', sourceFile: 't0.csv', sourceRow: 14 }), answer(coherent, { responseId: 'fp:2' })];
    const result = computeIndicators(input({ questions: items, indicators: [scaleOf(items.map((q) => q.key))], answers: [{ survey: 'E1', rows }] }));
    expect(result.personFlags.map((f) => [f.who, f.code])).toEqual([['ligne 14 de t0.csv', 'acquiescence']]);
  });

  it('never pairs statements of different constructs, nor frequency scales, and says when the check cannot run', () => {
    const rows = [answer(yesToAll), answer(coherent)];
    const separate = computeIndicators(input({ questions: items, indicators: [scaleOf(['a1', 'a2', 'a3']), scaleOf(['r1', 'r2'])], answers: [{ survey: 'E1', rows }] }));
    expect(separate.personFlags).toEqual([]);
    const cannot = separate.surveyChecks[0]!.flags.filter((f) => f.code === 'check_unavailable').map((f) => f.message);
    expect(cannot.some((m) => m.startsWith("Contrôle d'acquiescement impossible"))).toBe(true);

    const often = ['Jamais', 'Parfois', 'Souvent', 'Toujours'];
    const frequency = items.map((q) => ({ ...q, levels: often }));
    const always = { a1: 'Toujours', a2: 'Souvent', a3: 'Toujours', r1: 'Souvent', r2: 'Toujours' };
    const onFrequency = computeIndicators(input({ questions: frequency, indicators: [scaleOf(items.map((q) => q.key))], answers: [{ survey: 'E1', rows: [answer(always), answer(always)] }] }));
    expect(onFrequency.personFlags.filter((f) => f.code === 'acquiescence')).toEqual([]);
    expect(onFrequency.surveyChecks[0]!.flags.map((f) => f.message)).toContainEqual(expect.stringMatching(/^Contrôle d'acquiescement impossible/));
  });
});

describe('checks per survey wave', () => {
  it('gives the response rate against the people invited and warns below 50 %', () => {
    const rows = times(30, () => answer({ q: AGREE[3]! }));
    const [check] = computeIndicators(input({ surveys: [survey({ invited: 80 })], indicators: [], answers: [{ survey: 'E1', rows }] })).surveyChecks;
    expect(check).toMatchObject({ survey: 'E1', wave: 'T0', respondents: 30, invited: 80, responseRate: 30 / 80 });
    const rate = check!.flags.find((f) => f.code === 'response_rate')!;
    expect(rate.level).toBe('alerte');
    expect(rate.message).toMatch(/^Taux de réponse 38 % \(30 sur 80 invités\)/);
    expect(check!.flags.find((f) => f.code === 'wide_margin')!.message).toContain('± 17 points');
  });

  it('warns when more than 20 % of a wave’s questionnaires were filled in for someone else', () => {
    const rows = [...times(7, () => answer({ q: AGREE[3]! })), ...times(3, () => answer({ q: AGREE[3]! }, { respondentType: 'proxy' }))];
    const [check] = computeIndicators(input({ indicators: [], answers: [{ survey: 'E1', rows }] })).surveyChecks;
    expect(check!.proxyShare).toBeCloseTo(0.3, 12);
    expect(check!.flags.map((f) => f.code)).toContain('proxy_share');
  });
});

describe('gaps between interviewers and modes', () => {
  it('flags a gap of 15 points or more between one interviewer and the others, with at least 10 answers each', () => {
    const rows = [
      ...times(10, (i) => answer({ q: AGREE[i < 9 ? 3 : 0]! }, { interviewer: 'Camille' })), // 90 %
      ...times(20, (i) => answer({ q: AGREE[i < 12 ? 3 : 0]! }, { interviewer: i % 2 ? 'Sam' : 'Lou' })), // 60 %
    ];
    const row = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2 })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    const gap = row.flags.find((f) => f.code === 'interviewer_gap')!;
    expect(gap.message).toContain('90 % pour l\'enquêteur « Camille » (n = 10) contre 60 % pour les autres (n = 20), soit 30 points');
  });

  it('stays silent when a group has fewer than 10 answers, however large the gap', () => {
    const rows = [...times(9, () => answer({ q: AGREE[3]! }, { mode: 'téléphone' })), ...times(20, () => answer({ q: AGREE[0]! }, { mode: 'papier' }))];
    const row = computeIndicators(input({ indicators: [indicator({ condition: agreeTop2 })], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.flags.map((f) => f.code)).not.toContain('mode_gap');
  });

  it('flags a mode gap on a mean as a standardised difference of at least 0.5', () => {
    const numberQuestion = question('f', { type: 'number', levels: [] });
    const rows = [...times(12, (i) => answer({ f: 6 + (i % 3) }, { mode: 'entretien' })), ...times(12, (i) => answer({ f: 4 + (i % 3) }, { mode: 'papier' }))];
    const ind = indicator({ method: 'mean', unit: 'score', source: { type: 'survey', survey: 'E1', questions: ['f'] } });
    const row = computeIndicators(input({ questions: [numberQuestion], indicators: [ind], answers: [{ survey: 'E1', rows }] })).values[0]!;
    expect(row.flags.find((f) => f.code === 'mode_gap')!.message).toContain('moyenne 7 pour le mode « entretien » (n = 12) contre 5 pour les autres');
  });
});
