import { describe, expect, it } from 'vitest';
import { statusOf, targetFor } from '../../../shared/indicators/status';

const base = { insufficient: false, period: '2026', unit: '%' };

describe('status against baseline and target', () => {
  it('rising indicator: reached, on track from half the way, to watch below, not reached at the deadline', () => {
    const target = { period: '2027', value: 70 };
    expect(statusOf({ ...base, value: 72, direction: 'up', baseline: 50, target })).toBe('atteint');
    expect(statusOf({ ...base, value: 60, direction: 'up', baseline: 50, target })).toBe('en bonne voie');
    expect(statusOf({ ...base, value: 55, direction: 'up', baseline: 50, target })).toBe('à surveiller');
    expect(statusOf({ ...base, value: 45, direction: 'up', baseline: 50, target })).toBe('à surveiller');
    expect(statusOf({ ...base, period: '2027', value: 65, direction: 'up', baseline: 50, target })).toBe('non atteint');
    expect(statusOf({ ...base, period: '2027-T4', value: 65, direction: 'up', baseline: 50, target })).toBe('non atteint');
  });

  it('falling indicator: the same rules mirrored', () => {
    const target = { period: '2027', value: 20 };
    expect(statusOf({ ...base, value: 18, direction: 'down', baseline: 40, target })).toBe('atteint');
    expect(statusOf({ ...base, value: 30, direction: 'down', baseline: 40, target })).toBe('en bonne voie');
    expect(statusOf({ ...base, value: 35, direction: 'down', baseline: 40, target })).toBe('à surveiller');
    expect(statusOf({ ...base, period: '2027', value: 25, direction: 'down', baseline: 40, target })).toBe('non atteint');
  });

  it('stable indicator: within 5 points (or 5 %) of the target is reached', () => {
    const target = { period: '2026', value: 80 };
    expect(statusOf({ ...base, value: 76, direction: 'stable', baseline: null, target })).toBe('atteint');
    expect(statusOf({ ...base, value: 74, direction: 'stable', baseline: null, target })).toBe('non atteint');
    expect(statusOf({ ...base, period: '2025', value: 74, direction: 'stable', baseline: null, target })).toBe('à surveiller');
    expect(statusOf({ ...base, unit: 'heures', value: 10.4, direction: 'stable', baseline: 10, target: null })).toBe('atteint');
    expect(statusOf({ ...base, unit: 'heures', value: 10.6, direction: 'stable', baseline: 10, target: null })).toBe('à surveiller');
  });

  it('says « données insuffisantes » for a hidden or missing value, and nothing when there is nothing to judge against', () => {
    expect(statusOf({ ...base, value: 90, insufficient: true, direction: 'up', baseline: 50, target: { period: '2026', value: 70 } })).toBe('données insuffisantes');
    expect(statusOf({ ...base, value: null, direction: 'up', baseline: 50, target: null })).toBe('données insuffisantes');
    expect(statusOf({ ...base, value: 50, direction: 'up', baseline: null, target: null })).toBe('');
    expect(statusOf({ ...base, value: 55, direction: 'up', baseline: 50, target: null })).toBe('en bonne voie');
  });

  it('uses the target of the period, else the next milestone, and matches waves exactly', () => {
    const targets = [{ period: '2026', value: 60 }, { period: '2027', value: 70 }, { period: 'T1', value: 65 }];
    expect(targetFor('2026-T3', targets)!.value).toBe(60);
    expect(targetFor('2027-03', targets)!.value).toBe(70);
    expect(targetFor('2028', targets)!.value).toBe(70);
    expect(targetFor('T1', targets)!.value).toBe(65);
    expect(targetFor('T2', targets)).toBeNull();
  });
});
