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

  it.each(['007', '3,5', '2024-01-02', '02/01/2024', 'TRUE', 'vrai'])('keeps numeric-, date- or boolean-looking text as text: %j', (text) => {
    expect(textCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone', () => {
    expect(textCell('Je me sens moins seule depuis les visites.')).toBe('Je me sens moins seule depuis les visites.');
    expect(textCell('')).toBe('');
  });
});
