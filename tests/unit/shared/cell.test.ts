import { describe, expect, it } from 'vitest';
import { startsLikeFormula, textCell } from '../../../shared/sheet/cell';

describe('text written to a cell', () => {
  it.each(['=1+1', '+33 6 12', '-5', '@SUM(A1)', '\tx', '\rx', '\nx', ' =HYPERLINK("x")', '\u00A0=1'])(
    'never starts a formula: %j',
    (text) => {
      expect(startsLikeFormula(text)).toBe(true);
      expect(textCell(text)).toBe(`'${text}`);
    },
  );

  it.each(['007', '3,5', '2024-01-02', '02/01/2024', 'TRUE', 'vrai', '45%', '12 €', 'mars 2024', "'=1+1", 'Je me sens moins seule.'])(
    'keeps any text as text, whatever a spreadsheet would make of it: %j',
    (text) => {
      expect(textCell(text)).toBe(`'${text}`);
    },
  );

  it('leaves an empty cell empty', () => {
    expect(textCell('')).toBe('');
  });
});
