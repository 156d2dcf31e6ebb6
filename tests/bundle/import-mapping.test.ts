// The pure mapping helpers (shared/survey/mapping.ts): label similarity and suggestions, paradata and consent words.
import { describe, expect, it } from 'vitest';
import { termLabelOrNotGiven } from '../../shared/contract/words';
import { consentOf, labelSimilarity, quoteId, readMapping, respondentTypeCell, suggestQuestions } from '../../shared/survey/mapping';

describe('mapping a file to the registry', () => {
  it('scores labels by shared words and letters, ignoring accents, case and small words', () => {
    expect(labelSimilarity('Vous sentez-vous seul(e) ?', 'Vous sentez-vous seul(e)')).toBe(1);
    expect(labelSimilarity('Sentiment de solitude en semaine', 'Je me sens seul(e) [En semaine]')).toBeGreaterThan(0.3);
    expect(labelSimilarity('Âge', 'age')).toBe(1);
    expect(labelSimilarity('Commune', 'Satisfaction globale')).toBeLessThan(0.3);
  });

  it('suggests each registry question once, the saved mapping and same keys first', () => {
    const registry = [{ key: 'AGE', label: 'Âge de la personne' }, { key: 'ISOL', label: 'Vous sentez-vous moins seul(e) ?' }, { key: 'SAT', label: 'Satisfaction globale' }];
    const file = [{ key: 'Votre âge', label: 'Votre âge' }, { key: 'Vous sentez-vous moins seul(e) depuis les visites ?', label: 'Vous sentez-vous moins seul(e) depuis les visites ?' }, { key: 'SAT', label: 'Note' }, { key: 'Commune', label: 'Commune' }];
    const s = suggestQuestions(file, registry);
    expect(s['SAT']).toEqual({ key: 'SAT', score: 1 });
    expect(s['Vous sentez-vous moins seul(e) depuis les visites ?']?.key).toBe('ISOL');
    expect(s['Commune']).toBeUndefined();
    expect(suggestQuestions(file, registry, { Commune: 'AGE' })['Commune']).toEqual({ key: 'AGE', score: 1 });
  });

  it('reads respondent types and consent in plain words', () => {
    expect(respondentTypeCell('Lui-même')).toBe('lui-même');
    expect(respondentTypeCell('Avec l’aide de ma fille')).toBe('aidé');
    expect(respondentTypeCell('Un aidant pour la personne')).toBe('pour autrui');
    expect(['Oui', 'non', '', 'peut-être', 'Non requis'].map((answer) => termLabelOrNotGiven('consent', consentOf(answer), 'fr'))).toEqual(['obtenu', 'non obtenu', 'non renseigné', 'non renseigné', 'non requis']);
  });

  it('gives quotes stable ids and drops whatever is malformed in a saved mapping', () => {
    expect(quoteId('fp:1', 'Q1')).toBe(quoteId('fp:1', 'Q1'));
    expect(quoteId('fp:1', 'Q1')).not.toBe(quoteId('fp:1', 'Q2'));
    expect(readMapping({ corrections: { a: { type: 'text', levels: [1] } }, questions: { a: 'A', b: 3 }, quotes: 'x', personal: ['Email', 4] })).toEqual({
      corrections: { a: { type: 'text' } },
      questions: { a: 'A' },
      paradata: {},
      quotes: { questions: [] },
      personal: ['Email'],
    });
  });
});
