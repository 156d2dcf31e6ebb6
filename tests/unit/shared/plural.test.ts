import { describe, expect, it } from 'vitest';
import { agree, count } from '../../../shared/text/plural';

describe('words agreed with their count', () => {
  it('in French, singular for 0 and 1, plural from 2', () => {
    expect([0, 1, 2, 45].map((n) => count(n, 'réponse lue', 'réponses lues'))).toEqual(['0 réponse lue', '1 réponse lue', '2 réponses lues', '45 réponses lues']);
    expect(agree(1, 'a été remplacé', 'ont été remplacés')).toBe('a été remplacé');
  });

  it('in English, singular for 1 only', () => {
    expect([0, 1, 2].map((n) => count(n, 'theme', 'themes', 'en'))).toEqual(['0 themes', '1 theme', '2 themes']);
  });
});
