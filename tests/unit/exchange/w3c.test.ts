// W3C Web Annotations: a Hypothesis export in as observations awaiting consent, observations out as JSON-LD whose
// selectors, tags and notes survive, expanded with the W3C context in safe mode (no term it does not define).
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, annotationsDocument, isHypothesisExport, readHypothesisExport, type W3cAnnotation } from '../../../shared/exchange/w3c/annotations';
import type { Observation } from '../../../shared/observation/schema';

const hypothesis = JSON.parse(readFileSync('tests/fixtures/w3c/hypothesis-export.json', 'utf8'));
const context = JSON.parse(readFileSync('tests/fixtures/w3c/anno.jsonld', 'utf8'));

async function expandSafely(document: object): Promise<unknown[]> {
  const documentLoader = async (url: string) => {
    if (url === ANNOTATION_CONTEXT) return { contextUrl: null, document: context, documentUrl: url };
    throw new Error(`no network in tests: ${url}`);
  };
  return jsonld.expand(document, { documentLoader, safe: true });
}

const items = (document: Record<string, unknown>) => (document.first as { items: W3cAnnotation[] }).items;
const selectorsOf = (annotation: W3cAnnotation) => (typeof annotation.target === 'string' ? [] : annotation.target.selector);

describe('a Hypothesis export', () => {
  it('is recognised, and becomes observations awaiting consent, pseudonymised, replies left out', () => {
    expect(isHypothesisExport(hypothesis)).toBe(true);
    expect(isHypothesisExport({ format: 'repere-observations', observations: [] })).toBe(false);
    const read = readHypothesisExport(hypothesis, { names: ['Durand'], author: 'Camille' });
    expect(read).toMatchObject({ replies: 1, unreadable: 0, positionsDropped: 1 });
    expect(read.observations.map((o) => [o.kind, o.consent, o.scope, o.tags])).toEqual([
      ['citation', null, 'interne', ['répit', 'groupe de parole']],
      ['citation', null, 'interne', ['fatigue']],
      ['observation', null, 'interne', ['suivi']],
    ]);
    const [first, second, note] = read.observations as [Observation, Observation, Observation];
    expect(first).toMatchObject({ text: 'Le groupe du jeudi a changé ma semaine.', note: 'Dit spontanément en fin de séance.', sourceUrl: 'https://exemple.org/temoignages/jeudi', sourceTitle: 'Témoignages — groupe du jeudi', author: 'Camille' });
    // 22 UTF-16 units before the quote (the emoji counts two) are 21 code points.
    expect(first.position).toEqual({ type: 'TextPositionSelector', start: 21, end: 60 });
    expect(second.text).toBe('Mme [Personne 1] me trouve moins fatiguée');
    expect(second.position).toBeUndefined();
    expect(note.text).not.toContain('06 12 34 56 78');
    expect(JSON.stringify(read.observations)).not.toMatch(/sophie|Sophie Martin|hypothes\.is/);
    // Importing the same file again gives the same ids: the store counts them as already present.
    expect(readHypothesisExport(hypothesis).observations.map((o) => o.id)).toEqual(read.observations.map((o) => o.id));
  });

  it('Hypothesis JSON → observations → W3C JSON-LD keeps the selectors, the tags and the note', async () => {
    const read = readHypothesisExport(hypothesis, { author: 'Camille' });
    const exported = annotationsDocument(read.observations, 'team', new Date('2026-03-03T00:00:00Z'));
    const [first, second, note] = items(exported.document) as [W3cAnnotation, W3cAnnotation, W3cAnnotation];
    const source = hypothesis.annotations[0].target[0].selector;
    expect(selectorsOf(first)).toEqual([
      { type: 'TextQuoteSelector', exact: source[2].exact, prefix: source[2].prefix, suffix: source[2].suffix },
      { type: 'TextPositionSelector', start: 21, end: 60 },
    ]);
    // The name in the second quote leaves as a pseudonym; its context and place stay Hypothesis's.
    const other = hypothesis.annotations[1].target[0].selector[2];
    expect(selectorsOf(second)).toEqual([{ type: 'TextQuoteSelector', exact: 'Mme [Personne 1] me trouve moins fatiguée', prefix: other.prefix, suffix: other.suffix }]);
    expect(first.body).toEqual([
      { type: 'TextualBody', value: 'répit', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'groupe de parole', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'Dit spontanément en fin de séance.', purpose: 'commenting', format: 'text/plain' },
    ]);
    expect(first).toMatchObject({ motivation: 'commenting', creator: { type: 'Person', nickname: 'Auteur 1' }, target: { source: 'https://exemple.org/temoignages/jeudi' } });
    expect(note.target).toBe('https://exemple.org/temoignages/jeudi');
    expect(JSON.stringify(exported.document)).not.toContain('Camille');
    const expanded = await expandSafely(exported.document);
    expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/oa#hasPurpose');
    expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/oa#start');
  });

  it('holds, for someone outside, only what consent and usage allow', () => {
    const read = readHypothesisExport(hypothesis);
    const consented = { ...read.observations[0]!, consent: 'obtenu' as const, scope: 'financeurs' as const };
    const forFunders = annotationsDocument([consented, ...read.observations.slice(1)], 'funders', new Date());
    expect(forFunders).toMatchObject({ kept: 1, leftOut: 2 });
    expect(forFunders.document.label).toBe('Observations Repère — consentement obtenu ou non requis, usage couvrant : financeurs');
    expect(annotationsDocument(read.observations, 'team', new Date()).document.label).toBe('Observations Repère — USAGE INTERNE : ne doit pas sortir de la structure');
  });

  it('is refused by the safe expansion when a term is not the W3C model’s (the check can fail)', async () => {
    const exported = annotationsDocument(readHypothesisExport(hypothesis).observations, 'team', new Date());
    const bad = { ...exported.document, first: { type: 'AnnotationPage', items: [{ ...items(exported.document)[0], consentement: 'obtenu' }] } };
    await expect(expandSafely(bad)).rejects.toThrow();
  });
});
