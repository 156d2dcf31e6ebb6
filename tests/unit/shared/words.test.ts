// The words Repère writes to and reads from cells (shared/contract/words.ts): each id reads back from its own word in
// either language, the placeholders are never mistaken for a word, and the values saved records hold never change.
import { describe, expect, it } from 'vitest';
import {
  NOT_GIVEN,
  NO_TARGET,
  VOCABULARY,
  YES,
  breakdownNames,
  isTermId,
  isYes,
  recogniseRespondentType,
  termId,
  termIds,
  termLabel,
  termLabelOrNotGiven,
  termLabels,
  type Lang,
  type VocabularyKey,
} from '../../../shared/contract/words';
import { CONSENTS, OBSERVATION_KINDS, SCOPES } from '../../../shared/observation/schema';
import { columnIndex, columnLetter } from '../../../shared/sheet/a1';
import { fold } from '../../../shared/text/fold';

const KEYS = Object.keys(VOCABULARY) as VocabularyKey[];
const LANGS: Lang[] = ['fr', 'en'];

describe('the words of the cells', () => {
  it('reads every id back from its word, in French and in English, whatever the case or accents', () => {
    for (const key of KEYS) {
      for (const id of termIds(key)) {
        for (const lang of LANGS) {
          const word = termLabel(key, id, lang);
          expect(termId(key, word), `${key} ${id} ${lang}`).toBe(id);
          expect(termId(key, ` ${word.toUpperCase()} `), `${key} ${id} ${lang}, shouted`).toBe(id);
          expect(termId(key, fold(word)), `${key} ${id} ${lang}, without accents`).toBe(id);
        }
      }
    }
  });

  it('gives each id of a list its own word in each language', () => {
    for (const key of KEYS) {
      const ids = termIds(key);
      expect(new Set(ids).size, key).toBe(ids.length);
      for (const lang of LANGS) {
        const words = termLabels(key, lang).map(fold);
        expect(new Set(words).size, `${key} ${lang}`).toBe(words.length);
        expect(words.every((w) => w !== ''), `${key} ${lang}`).toBe(true);
      }
    }
  });

  it('reads an unknown word or an empty cell as no id', () => {
    expect(termId('method', 'moyene')).toBeNull();
    expect(termId('consent', '')).toBeNull();
    for (const lang of LANGS) expect(termId('consent', NOT_GIVEN[lang])).toBeNull();
  });

  it('checks ids that crossed a boundary exactly: a word is not an id', () => {
    expect(isTermId('consent', 'non requis')).toBe(true);
    expect(isTermId('consent', 'not required')).toBe(false);
    expect(isTermId('respondentType', 'pour autrui')).toBe(false);
    expect(isTermId('respondentType', 'proxy')).toBe(true);
    expect(isTermId('scope', null)).toBe(false);
  });

  it('writes « non renseigné » where nobody gave the information', () => {
    expect(termLabelOrNotGiven('consent', null, 'fr')).toBe('non renseigné');
    expect(termLabelOrNotGiven('consent', null, 'en')).toBe('not given');
    expect(termLabelOrNotGiven('consent', 'non obtenu', 'en')).toBe('not obtained');
    expect(NO_TARGET).toEqual({ fr: 'sans cible', en: 'no target' });
  });

  it('keeps the values saved observations hold (exchange format v1)', () => {
    expect(OBSERVATION_KINDS).toEqual(['citation', 'observation', 'anecdote', 'chiffre']);
    expect(CONSENTS).toEqual(['obtenu', 'non obtenu', 'non requis']);
    expect(SCOPES).toEqual(['interne', 'financeurs', 'public']);
    expect(termLabels('consent', 'fr')).toEqual(['obtenu', 'non obtenu', 'non requis']);
    expect(termLabels('scope', 'en')).toEqual(['internal', 'funders', 'public']);
  });

  it('recognises each respondent type from its own word in either language, and nothing from nothing', () => {
    for (const id of termIds('respondentType')) {
      for (const lang of LANGS) expect(recogniseRespondentType(termLabel('respondentType', id, lang)), `${id} ${lang}`).toBe(id);
    }
    expect(recogniseRespondentType('Lui-même')).toBe('self');
    expect(recogniseRespondentType('Avec l’aide de ma fille')).toBe('aided');
    expect(recogniseRespondentType('Un aidant pour la personne')).toBe('proxy');
    expect(recogniseRespondentType('  ')).toBeNull();
    expect(recogniseRespondentType('peut-être')).toBeNull();
  });

  it('reads who answered for whom, not who the person is: a carer answering for themself is not a proxy', () => {
    expect(recogniseRespondentType("L'aidant(e) lui-même")).toBe('self');
    expect(recogniseRespondentType('L’aidante elle-même')).toBe('self');
    expect(recogniseRespondentType('Moi-même')).toBe('self');
    expect(recogniseRespondentType('Seul·e')).toBe('self');
    expect(recogniseRespondentType("Quelqu'un d'autre a répondu à ma place")).toBe('proxy');
    expect(recogniseRespondentType('Ma fille, à ma place')).toBe('proxy');
    expect(recogniseRespondentType('Someone else answered on my behalf')).toBe('proxy');
    expect(recogniseRespondentType('Avec l’aide d’un(e) intervenant(e)')).toBe('aided');
    expect(recogniseRespondentType('Aidé(e) par un proche')).toBe('aided');
    // Naming a relative says nothing of whom they answered for: reported, never guessed.
    expect(recogniseRespondentType('Un proche')).toBeNull();
    expect(recogniseRespondentType('Famille')).toBeNull();
    expect(recogniseRespondentType('Aidant')).toBeNull();
  });

  it('names each paradatum a breakdown can use in both languages, French first', () => {
    expect(breakdownNames('wave')).toEqual(["vague d'enquête", 'vague', 'wave']);
    expect(breakdownNames('respondentType')).toEqual(['type de répondant', 'respondent type']);
    expect(breakdownNames('mode')).toEqual(['mode', 'mode de passation']);
    expect(breakdownNames('interviewer')).toEqual(['enquêteur', 'interviewer']);
  });

  it('writes yes in the registry’s language and reads the usual ways of saying it', () => {
    for (const lang of LANGS) expect(isYes(YES[lang])).toBe(true);
    expect(['Oui', 'YES', 'vrai', 'true', 'x', ' x '].every(isYes)).toBe(true);
    expect(['non', 'no', '', 'oui mais'].some(isYes)).toBe(false);
  });
});

describe('text folding and column letters', () => {
  it('folds case, accents, curly apostrophes and spaces', () => {
    expect(fold('  Score  d’ÉCHELLE\u00a0')).toBe("score d'echelle");
  });

  it('numbers columns as spreadsheets do, both ways', () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
    for (let c = 1; c <= 2000; c++) expect(columnIndex(columnLetter(c))).toBe(c);
    expect(columnIndex('ab')).toBe(28);
  });
});
