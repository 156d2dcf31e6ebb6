import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../../shared/registry/condition';
import { parseTargets } from '../../../shared/registry/targets';
import { termId, termLabel } from '../../../shared/contract/words';

describe('the « Condition » cell', () => {
  it.each([
    ['≥ 4', { op: 'gte', value: 4 }],
    ['>=3,5', { op: 'gte', value: 3.5 }],
    ['< 2', { op: 'lt', value: 2 }],
    ['= 5', { op: 'eq', value: 5 }],
    ['entre 3 et 5', { op: 'between', min: 3, max: 5 }],
    ['between 1 and 2', { op: 'between', min: 1, max: 2 }],
    ['in [« Oui », « Plutôt oui »]', { op: 'in', values: ['Oui', 'Plutôt oui'] }],
    ['["Yes", "Rather yes"]', { op: 'in', values: ['Yes', 'Rather yes'] }],
    ['dans [« a, b », « c »]', { op: 'in', values: ['a, b', 'c'] }],
  ])('reads %j', (text, condition) => {
    expect(parseCondition(text)).toEqual({ ok: true, condition });
  });

  it.each(['abc', 'in [« Oui »', '≥ quatre', 'entre 5 et 3', 'in []'])('explains in French how to write %j', (text) => {
    const parsed = parseCondition(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/« ≥ 4 »/);
  });
});

describe('the « Cibles » cell', () => {
  it('reads targets per period', () => {
    expect(parseTargets('2026 : 60 ; 2027-T1: 70,5 %')).toEqual({ ok: true, targets: [{ period: '2026', value: 60 }, { period: '2027-T1', value: 70.5 }] });
    expect(parseTargets('')).toEqual({ ok: true, targets: [] });
  });

  it('refuses a target without a period, or two for one period', () => {
    expect(parseTargets('70')).toMatchObject({ ok: false, message: expect.stringContaining('sans période') });
    expect(parseTargets('2026 : 1 ; 2026 : 2')).toMatchObject({ ok: false, message: expect.stringContaining('deux cibles') });
  });
});

describe('the vocabulary', () => {
  it('understands either language, whatever the case, accents or apostrophes', () => {
    expect(termId('method', 'Score d’échelle')).toBe('scale');
    expect(termId('method', 'MEDIANE')).toBe('median');
    expect(termId('method', 'scale score')).toBe('scale');
    expect(termId('method', 'moyene')).toBeNull();
    expect(termLabel('direction', 'down', 'en')).toBe('decrease');
  });
});
