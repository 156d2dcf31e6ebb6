import { describe, expect, it } from 'vitest';
import { levelsCell, readLevels } from '../../../shared/registry/levels';
import { validateRegistry } from '../../../shared/registry/validate';

describe('the « Modalités » cell', () => {
  it('keeps « Ne sait pas » and its kind apart from the levels, wherever they are written', () => {
    expect(readLevels('Non | Plutôt non | Plutôt oui | Oui | Ne sait pas')).toEqual({ levels: ['Non', 'Plutôt non', 'Plutôt oui', 'Oui'], nonAnswers: ['Ne sait pas'] });
    expect(readLevels('Non | Je ne sais pas | Oui')).toEqual({ levels: ['Non', 'Oui'], nonAnswers: ['Je ne sais pas'] });
    expect(levelsCell(['Non', 'Oui'], ['Ne sait pas'])).toBe('Non | Oui | Ne sait pas');
  });

  it('gives the registry a scale without its « Ne sait pas », which is kept apart', () => {
    const { registry, problems } = validateRegistry({
      lang: 'fr',
      surveys: { tab: 'Enquêtes', sheetId: 1, columns: { id: 'A' }, rows: [{ row: 2, cells: { id: 'E1' } }] },
      questions: {
        tab: 'Questions', sheetId: 2, columns: { survey: 'A', key: 'B', label: 'C', type: 'D', levels: 'E' },
        rows: [
          { row: 2, cells: { survey: 'E1', key: 'sait', label: 'Savez-vous à qui vous adresser ?', type: 'échelle', levels: 'Non | Plutôt non | Plutôt oui | Oui | Ne sait pas' } },
          { row: 3, cells: { survey: 'E1', key: 'heures', label: 'Heures', type: 'nombre', levels: '0 | 744' } },
        ],
      },
    });
    expect(problems).toEqual([]);
    expect(registry.questions.map((q) => [q.key, q.levels, q.nonAnswers ?? []])).toEqual([
      ['sait', ['Non', 'Plutôt non', 'Plutôt oui', 'Oui'], ['Ne sait pas']],
      ['heures', ['0', '744'], []],
    ]);
  });
});
