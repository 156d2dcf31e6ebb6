// Column widths from what columns hold: a header's longest word fits, numbers and codes stay narrow, long words
// make the column wider up to a limit past which cells wrap, prose is wide, dates whole; equal neighbours form runs.
import { describe, expect, it } from 'vitest';
import { fitWidths, needsWrap, PROSE_PX, runs } from '../../../shared/sheet/fit';

describe('fitting column widths', () => {
  it('fits headers, values and shapes', () => {
    const [code, name, date, prose, long] = fitWidths([
      { header: 'n', values: [24, 1250] },
      { header: 'Période de référence', values: ['2025-T4'] },
      { header: 'Calculé le', values: [], shape: 'datetime' },
      { header: 'Détails', values: ['court'], shape: 'prose' },
      { header: 'Adresse', values: ['https://example.org/'.repeat(10)] },
    ]);
    expect(code).toBe(50);
    expect(name).toBeGreaterThanOrEqual(7 * 'référence'.length);
    expect(date).toBeGreaterThanOrEqual(16 * 7);
    expect(prose).toBe(PROSE_PX);
    expect(long).toBe(240);
    expect(needsWrap({ header: 'Adresse', values: ['https://example.org/'.repeat(10)] }, long!)).toBe(true);
    expect(needsWrap({ header: 'n', values: [24] }, code!)).toBe(false);
  });

  it('gives a narrow tab’s prose what is left of the page', () => {
    const [item, content] = fitWidths([
      { header: 'Rubrique', values: ['Question évaluative'] },
      { header: 'Contenu', values: ['Une phrase.'], shape: 'prose' },
    ]);
    expect(item! + content!).toBeLessThanOrEqual(700);
    expect(content).toBeGreaterThan(PROSE_PX);
  });

  it('groups equal neighbours, leaving alone the columns to skip', () => {
    expect(runs([100, 100, null, 100, 60])).toEqual([
      { column: 1, count: 2, value: 100 },
      { column: 4, count: 1, value: 100 },
      { column: 5, count: 1, value: 60 },
    ]);
  });
});
