import { describe, expect, it } from 'vitest';
import { applyPlaceholders, findSensitive, placeholdersFor, pseudonymise, valueKey } from '../../../shared/pseudonymise/pseudonymise';

describe('pseudonymisation of French texts', () => {
  it('replaces emails and French phone numbers in every usual spelling', () => {
    const text =
      'Écrire à marie.dupont@orange.fr ou appeler le 06 12 34 56 78, le 01.23.45.67.89, le 0612345678 ou le +33 6 12 34 56 78.';
    expect(pseudonymise(text, { heuristic: false })).toBe(
      'Écrire à [Courriel 1] ou appeler le [Téléphone 1], le [Téléphone 2], le [Téléphone 1] ou le [Téléphone 3].',
    );
  });

  it('replaces international numbers but leaves dates, amounts and postcodes alone', () => {
    const text = 'Son fils à Londres : +44 20 7946 0958. RDV le 12/03/2024 à 14 h, 1 250 € par mois, 75011 Paris, dossier 2024-117.';
    const found = findSensitive(text, { heuristic: false });
    expect(found.map((f) => f.value)).toEqual(['+44 20 7946 0958']);
  });

  it('gives the same placeholder to the same person everywhere in the text', () => {
    const text = 'Hier, Mme Dupont a appelé. Ensuite Mme Dupont a revu Karim Benali, puis Karim Benali est reparti.';
    expect(pseudonymise(text)).toBe(
      'Hier, Mme [Personne 1] a appelé. Ensuite Mme [Personne 1] a revu [Personne 2], puis [Personne 2] est reparti.',
    );
  });

  it('skips sentence starts and common capitalised words, but not a title followed by a name', () => {
    const text = 'Depuis janvier, elle vient le Jeudi. Elle dit : « Je revis. » Mme Lefèvre confirme. Bonjour Paris !';
    const names = findSensitive(text).filter((f) => f.kind === 'name').map((f) => f.value);
    expect(names).toEqual(['Lefèvre']);
  });

  it('catches a two-word name at a sentence start and hyphenated first names', () => {
    expect(pseudonymise('Marie Dupont est venue avec Jean-Pierre.')).toBe('[Personne 1] est venue avec [Personne 2].');
  });

  it('always replaces names from the user’s list, whatever the case, and ignores acronyms', () => {
    const text = 'la CAF a écrit à josiane ; Josiane a répondu à la MDPH.';
    expect(pseudonymise(text, { names: ['Josiane'] })).toBe('la CAF a écrit à [Personne 1] ; [Personne 1] a répondu à la MDPH.');
  });

  it('lets the user undo one replacement and keep the others', () => {
    const text = 'Mme Dupont et M. Martin : dupont@exemple.fr';
    const findings = findSensitive(text);
    const map = placeholdersFor(findings);
    const kept = valueKey('name', 'Martin');
    expect(applyPlaceholders(text, findings, map, (key) => key !== kept)).toBe('Mme [Personne 1] et M. Martin : [Courriel 1]');
  });

  it('finds nothing in a text without personal data', () => {
    expect(findSensitive('Le groupe de parole a réuni huit aidants ce mois-ci.')).toEqual([]);
  });
});

describe('pseudonymising a captured quote with its context and page title', () => {
  it('gives a person the same placeholder in the note, the quote context and the title', async () => {
    const { analyseFields, pseudonymiseFields } = await import('../../../shared/pseudonymise/pseudonymise');
    const fields = {
      text: 'Mme Durand dit qu’elle dort mieux.',
      prefix: 'Compte rendu de visite chez Mme Durand. ',
      title: 'Re: visite Mme Durand — josiane.durand@gmail.com',
    };
    const analysis = analyseFields(fields);
    expect(analysis.replacements.map((r) => r.placeholder)).toEqual(['[Personne 1]', '[Courriel 1]']);
    expect(pseudonymiseFields(fields, analysis)).toEqual({
      text: 'Mme [Personne 1] dit qu’elle dort mieux.',
      prefix: 'Compte rendu de visite chez Mme [Personne 1]. ',
      title: 'Re: visite Mme [Personne 1] — [Courriel 1]',
    });
    const kept = new Set([analysis.replacements[1]!.key]);
    expect(pseudonymiseFields(fields, analysis, kept).title).toBe('Re: visite Mme [Personne 1] — josiane.durand@gmail.com');
  });
});
