import { describe, expect, it } from 'vitest';
import { SCALES } from '../../../shared/scales/index';
import { Scale } from '../../../shared/scales/schema';
import { interpretScore, normaliseLabel, scoreScale } from '../../../shared/scales/score';

describe('scale files', () => {
  for (const s of Object.values(SCALES)) {
    it(`${s.id} parses, cites https sources, has ordered levels and contiguous bands`, () => {
      const r = Scale.safeParse(s);
      expect(r.success ? [] : r.error.issues).toEqual([]);
      for (const src of s.sources) expect(src.url).toMatch(/^https:\/\//);
      const scores = s.levels.map((l) => l.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      const n = s.items.length;
      expect(s.scoring.raw).toEqual({ min: n * scores[0]!, max: n * scores[scores.length - 1]! });
      expect(s.scoring.score.max).toBe(s.scoring.raw.max * s.scoring.multiplier);
      const bands = s.interpretation;
      expect(bands[0]!.min).toBe(s.scoring.score.min);
      expect(bands[bands.length - 1]!.max).toBe(s.scoring.score.max);
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.min).toBe(bands[i - 1]!.max + 1);
    });
  }
});

describe('WHO-5', () => {
  const all = (v: string | number) => ({ who5_1: v, who5_2: v, who5_3: v, who5_4: v, who5_5: v });

  it('all « Tout le temps » → raw 25, 100 %', () => {
    expect(scoreScale('who5', all('Tout le temps'))).toEqual({ ok: true, raw: 25, score: 100, unit: '%' });
  });

  it('all « Jamais » → 0', () => {
    expect(scoreScale('who5', all('Jamais'))).toEqual({ ok: true, raw: 0, score: 0, unit: '%' });
  });

  it('mixed example worked by hand: 5 + 4 + 3 + 1 + 0 = 13 → 52', () => {
    const r = scoreScale('who5', {
      who5_1: 'Tout le temps', // 5
      who5_2: 'la plupart du temps', // 4
      who5_3: 'More than half of the time', // 3
      who5_4: 'De temps en temps', // 1
      who5_5: 0, // Jamais
      autre_question: 'ignorée',
    });
    expect(r).toEqual({ ok: true, raw: 13, score: 52, unit: '%' });
    expect(interpretScore('who5', 52)?.fr).toBe('Pas de signal de bien-être bas');
    expect(interpretScore('who5', 48)?.fr).toBe('Bien-être bas');
    expect(interpretScore('who5', 28)?.fr).toBe('Bien-être très bas');
  });

  it('a missing item gives no score', () => {
    const a: Record<string, string | number | null> = { ...all('Tout le temps'), who5_3: null };
    expect(scoreScale('who5', a)).toEqual({ ok: false, reason: 'missing_items', missing: ['who5_3'] });
    const { who5_5: _, ...four } = all(3);
    expect(scoreScale('who5', four)).toEqual({ ok: false, reason: 'missing_items', missing: ['who5_5'] });
    expect(scoreScale('who5', { ...all(2), who5_1: 'Ne sait pas', who5_2: '' })).toEqual({
      ok: false,
      reason: 'missing_items',
      missing: ['who5_1', 'who5_2'],
    });
  });

  it('rejects an unknown label or an out-of-range number instead of dropping it', () => {
    expect(scoreScale('who5', { ...all(2), who5_4: 'Souvent' })).toEqual({
      ok: false,
      reason: 'invalid_answers',
      invalid: [{ item: 'who5_4', value: 'Souvent' }],
    });
    expect(scoreScale('who5', { ...all(2), who5_4: 6 })).toMatchObject({ ok: false, reason: 'invalid_answers' });
    expect(scoreScale('who5', { ...all(2), who5_4: 2.5 })).toMatchObject({ ok: false, reason: 'invalid_answers' });
  });

  it('accepts numeric strings', () => {
    expect(scoreScale('who5', all('4'))).toMatchObject({ ok: true, raw: 20, score: 80 });
  });
});

describe('UCLA-3', () => {
  it('1 + 2 + 3 = 6', () => {
    expect(scoreScale('ucla3', { ucla3_1: 'Presque jamais', ucla3_2: 'Parfois', ucla3_3: 'Souvent' })).toEqual({
      ok: true,
      raw: 6,
      score: 6,
      unit: 'points',
    });
    expect(interpretScore('ucla3', 6)?.fr).toBe('Solitude ressentie');
    expect(interpretScore('ucla3', 5)?.fr).toBe('Peu ou pas de solitude');
  });

  it('tolerates case, accents, spaces and English labels', () => {
    expect(
      scoreScale('ucla3', { ucla3_1: '  PRESQUE   JAMAIS ', ucla3_2: 'some of the time', ucla3_3: 'Often' }),
    ).toMatchObject({ ok: true, raw: 6 });
    expect(scoreScale('ucla3', { ucla3_1: 'Hardly ever', ucla3_2: 'Hardly Ever', ucla3_3: 1 })).toMatchObject({
      ok: true,
      raw: 3,
    });
    expect(scoreScale('ucla3', { ucla3_1: 3, ucla3_2: '3', ucla3_3: 'souvent.' })).toMatchObject({ ok: true, raw: 9 });
  });

  it('any missing item gives no score', () => {
    expect(scoreScale('ucla3', { ucla3_1: 'Parfois', ucla3_2: 'Parfois' })).toEqual({
      ok: false,
      reason: 'missing_items',
      missing: ['ucla3_3'],
    });
    expect(scoreScale('ucla3', { ucla3_1: 0, ucla3_2: 2, ucla3_3: 2 })).toMatchObject({ reason: 'invalid_answers' });
  });

  it('unknown scale', () => {
    expect(scoreScale('zarit', {})).toEqual({ ok: false, reason: 'unknown_scale' });
  });
});

describe('normaliseLabel', () => {
  it('folds accents, case and apostrophes', () => {
    expect(normaliseLabel('Préfère ne pas répondre')).toBe('prefere ne pas repondre');
    expect(normaliseLabel('Don’t know')).toBe(normaliseLabel("don't know"));
    expect(normaliseLabel('S’est améliorée')).toBe("s'est amelioree");
  });
});
