import { describe, expect, it } from 'vitest';
import { levelsCell, rangeCell, readLevels, readRange } from '../../../shared/registry/levels';
import { validateRegistry } from '../../../shared/registry/validate';

describe('the « Modalités » cell', () => {
  it('keeps « Ne sait pas » and its kind apart from the levels, wherever they are written', () => {
    expect(readLevels('Non | Plutôt non | Plutôt oui | Oui | Ne sait pas')).toEqual({ levels: ['Non', 'Plutôt non', 'Plutôt oui', 'Oui'], nonAnswers: ['Ne sait pas'] });
    expect(readLevels('Non | Je ne sais pas | Oui')).toEqual({ levels: ['Non', 'Oui'], nonAnswers: ['Je ne sais pas'] });
    expect(levelsCell(['Non', 'Oui'], ['Ne sait pas'])).toBe('Non | Oui | Ne sait pas');
  });

  it('reads the bounds of a number in French or English, and writes them in the registry’s language', () => {
    expect(['0 à 10', 'de 0 à 744', '0-10', '0 – 10', '0 to 2,5'].map(readRange)).toEqual([{ min: 0, max: 10 }, { min: 0, max: 744 }, { min: 0, max: 10 }, { min: 0, max: 10 }, { min: 0, max: 2.5 }]);
    expect(['10 à 0', 'beaucoup', ''].map(readRange)).toEqual([null, null, null]);
    expect([rangeCell(0, 7.5, 'fr'), rangeCell(0, 7.5, 'en')]).toEqual(['0 à 7,5', '0 to 7.5']);
  });

  it('warns, with the cell and the fix, when a number’s bounds cannot be read', () => {
    const columns = { survey: 'A', key: 'B', label: 'C', type: 'D', levels: 'E' };
    const { registry, problems } = validateRegistry({
      lang: 'fr',
      surveys: { tab: 'Enquêtes', sheetId: 1, columns: { id: 'A' }, rows: [{ row: 2, cells: { id: 'E1' } }] },
      questions: {
        tab: 'Questions', sheetId: 2, columns,
        rows: [
          { row: 2, cells: { survey: 'E1', key: 'heures', label: 'Heures', type: 'nombre', levels: '0 à 744' } },
          { row: 3, cells: { survey: 'E1', key: 'age', label: 'Âge', type: 'nombre', levels: 'entre zéro et cent' } },
        ],
      },
    });
    expect(registry.questions.map((q) => [q.key, q.range ?? null, q.levels])).toEqual([['heures', { min: 0, max: 744 }, []], ['age', null, []]]);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'Questions!E3 : bornes « entre zéro et cent » illisibles pour un nombre : écrivez la plus petite et la plus grande valeur acceptées, ex. « 0 à 10 », ou videz la cellule.']]);
  });
});
