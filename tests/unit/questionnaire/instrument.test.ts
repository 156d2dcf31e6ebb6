import { describe, expect, it } from 'vitest';
import { allQuestions, buildInstrument, xmlName } from '../../../shared/questionnaire/instrument';
import { knownInstrument } from '../../../shared/questionnaire/known';
import { PARADATA } from '../../../shared/questionnaire/texts';
import { recogniseRespondentType } from '../../../shared/contract/words';
import { completeMapping, emptyMapping, withoutRefusals } from '../../../shared/survey/mapping';
import { prepareValues } from '../../../shared/survey/import';
import { templateInput, templateInstrument } from './helpers';

describe('the instrument of a survey', () => {
  it('asks consent first, then who answers, then one part per outcome, free text, and the person last', () => {
    const instrument = templateInstrument('aidants', 'E1', 'T1');
    expect(instrument.consent.map((q) => q.role)).toEqual(['consent', 'quoteConsent']);
    expect(instrument.paradata.map((q) => [q.role, q.key, q.required])).toEqual([
      // The registry's own « Qui remplit ce questionnaire ? », its choices named by the type each one means.
      ['respondentType', 'type_repondant', true],
      // The registry's own person-code question, required: the survey compares before and after (I12).
      ['personId', 'code_personne', true],
    ]);
    expect(instrument.fixed).toEqual({ mode: 'auto-administré' });
    expect(instrument.sections.map((s) => [s.kind, s.outcome?.id ?? null, s.title])).toEqual([
      ['outcome', 'C1', 'Partie 1 sur 6'],
      ['outcome', 'C2', 'Partie 2 sur 6'],
      ['outcome', 'C3', 'Partie 3 sur 6'],
      ['outcome', 'C4', 'Partie 4 sur 6'],
      ['words', null, 'Partie 5 sur 6 — En quelques mots'],
      ['about', null, 'Partie 6 sur 6 — Quelques questions sur vous'],
    ]);
    const c4 = instrument.sections[3]!.blocks;
    expect(c4.map((b) => (b.kind === 'grid' ? `grille ${b.rows.map((r) => r.key).join(',')}` : b.key))).toEqual(['fatigue', 'grille who5_1,who5_2,who5_3,who5_4,who5_5']);
    // Every registry question of the survey is asked exactly once.
    const asked = allQuestions(instrument).filter((q) => q.registry).map((q) => q.key);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toHaveLength(templateInput('aidants').registry.questions.filter((q) => q.survey === 'E1').length);
    expect(instrument.paradata[0]!.choices.map((c) => c.name)).toEqual(['self', 'aided', 'proxy']);
  });

  it('leaves out of a wave the questions asked at other waves, and the quote consent with them', () => {
    const t0 = templateInstrument('aidants', 'E1', 'T0');
    expect(allQuestions(t0).some((q) => q.key === 'changement_libre')).toBe(false);
    expect(t0.consent.map((q) => q.role)).toEqual(['consent']);
    expect(t0.sections.map((s) => s.kind)).toEqual(['outcome', 'outcome', 'outcome', 'outcome', 'about']);
  });

  it('uses the registry’s own « Qui répond » question and asks the interviewer when someone reads the questions', () => {
    const instrument = templateInstrument('bien-vieillir');
    expect(instrument.administered).toBe(true);
    expect(instrument.paradata.map((q) => [q.role, q.key])).toEqual([
      ['respondentType', 'type_repondant'],
      ['personId', 'code_personne'],
      ['mode', 'mode_passation'],
      ['interviewer', 'enqueteur'],
      ['date', 'date_passation'],
    ]);
    expect(instrument.paradata[0]!.choices.map((c) => c.name)).toEqual(['self', 'aided', 'proxy']);
  });

  it('covers in the guide only the outcomes this survey informs, with the tags their observations carry', () => {
    const e2 = templateInstrument('generique', 'E2');
    expect(e2.outcomes.map((o) => o.id)).toEqual(['C4']);
    expect(templateInstrument('aidants').outcomes.find((o) => o.id === 'C4')!.tags).toEqual(['répit', 'épuisement']);
  });

  it('names everything with valid, unique XML names', () => {
    expect(xmlName('Âge (années)')).toBe('age_annees');
    expect(xmlName('2e visite')).toBe('q_2e_visite');
    const names = allQuestions(templateInstrument('generique')).map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('says which survey is unknown, in French', () => {
    expect(buildInstrument(templateInput('aidants'), 'E7', '')).toEqual({ ok: false, message: 'Enquête « E7 » absente de l’onglet Enquêtes (enquêtes : E1). Choisissez une enquête existante.' });
  });

  it('words « Qui remplit ce questionnaire ? » so the import reads each answer as lui-même, aidé or pour autrui', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect([PARADATA.self[lang], PARADATA.aided[lang], PARADATA.proxy[lang]].map(recogniseRespondentType)).toEqual(['self', 'aided', 'proxy']);
    }
  });
});

describe('importing the answers of a generated questionnaire', () => {
  const instrument = templateInstrument('aidants', 'E1', 'T1');
  const questions = allQuestions(instrument);
  const header = ['Horodateur', ...questions.map((q) => q.label)];
  const row = (consent: string) => [
    '02/03/2026 10:00:00',
    ...questions.map((q) => (q.role === 'consent' ? consent : q.role === 'quoteConsent' ? 'Oui' : q.role === 'respondentType' ? q.choices[0]!.label : q.role === 'personId' ? 'A001' : '')),
  ];
  const repitAdapte = 'Les solutions de répit que nous proposons correspondent-elles à vos besoins (horaires, durée, confiance) ?';

  it('knows every column, keeps what a person chose, and sets aside the people who declined', () => {
    const prepared = prepareValues([header, row('Oui, j’accepte de répondre'), row('Non, je ne souhaite pas répondre'), row('')]);
    const saved = { ...emptyMapping(), questions: { [repitAdapte]: 'autre_cle' } };
    const mapping = completeMapping(saved, prepared.questions, [], [knownInstrument(instrument)]);
    expect(mapping.participation).toBe('Acceptez-vous de répondre à ce questionnaire ?');
    expect(mapping.quotes.consent).toContain('réponses écrites');
    expect(mapping.quotes.questions).toEqual(['Qu\'est-ce que le répit a changé pour vous ?']);
    expect(mapping.paradata).toMatchObject({ respondentType: { column: 'Qui remplit ce questionnaire ?' }, personId: { column: 'Votre code personnel (donné par le service, jamais votre nom)' }, mode: { value: 'auto-administré' } });
    // One column, one meaning: who answered is paradata, not an answer to a question.
    expect(mapping.questions['Qui remplit ce questionnaire ?']).toBeUndefined();
    expect(mapping.questions[repitAdapte]).toBe('autre_cle');
    const kept = withoutRefusals(prepared, mapping);
    expect(kept.keys).toHaveLength(1);
    expect(kept.problems.excluded.map((p) => p.message)).toEqual([
      'Ligne 3 : la personne n’a pas accepté de répondre ; sa réponse n’est pas importée.',
      'Ligne 4 : l’accord pour répondre n’est pas indiqué (colonne « Acceptez-vous de répondre à ce questionnaire ? ») ; la réponse n’est pas importée. Si la personne a accepté, complétez cette case puis réimportez le fichier.',
    ]);
  });

  it('takes a hand-made form with the registry’s wording for what it is: suggestions, no consent filter', () => {
    const consent = new Set(questions.map((q, i) => (q.role === 'consent' || q.role === 'quoteConsent' ? i + 1 : -1)));
    const withoutConsent = prepareValues([header.filter((_, i) => !consent.has(i)), row('x').filter((_, i) => !consent.has(i))]);
    const mapping = completeMapping(emptyMapping(), withoutConsent.questions, [], [knownInstrument(instrument)]);
    expect(mapping.participation).toBeUndefined();
    expect(mapping.quotes.questions).toEqual([]);
  });
});
