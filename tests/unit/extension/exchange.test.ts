import { describe, expect, it } from 'vitest';
import { observationsToCsv, observationsToJson, readJsonExport } from '../../../shared/observation/exchange';
import type { Observation } from '../../../shared/observation/schema';
import { parseAnswer } from '../../../shared/protocol/endpoint';
import { fr } from '../../../extension/i18n/fr';
import { en } from '../../../extension/i18n/en';
import { catalogueFor } from '../../../extension/i18n';
import { matchesSearch } from '../../../extension/ui/search';
import { uuidFor } from './helpers';

const record = (i: number, over: Partial<Observation> = {}): Observation => ({
  id: uuidFor(i),
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
  kind: 'citation',
  text: `Texte ${i}`,
  tags: ['Isolement', 'Lien social'],
  consent: 'obtenu',
  scope: 'financeurs',
  ...over,
});

describe('CSV export', () => {
  it('starts with a BOM, uses semicolons and the French headers, and neutralises formula prefixes', () => {
    const csv = observationsToCsv(
      [
        record(1, { text: '=HYPERLINK("http://x";"y")', quote: { type: 'TextQuoteSelector', exact: '+33 fait peur', prefix: '', suffix: '' } }),
        record(2, { text: ' -1 ; deux\nlignes', stakeholder: '@aidant', sourceTitle: '\u00A0=1+1' }),
      ],
      fr.exportColumns,
    );
    expect(csv.startsWith('\uFEFFIdentifiant;Créée le;Modifiée le;Auteur;Adresse de la page;Titre de la page;Citation;Texte;Remarque;Type;Partie prenante;Personne;')).toBe(true);
    const [, first, second] = csv.split('\r\n');
    expect(first).toContain(`;"'=HYPERLINK(""http://x"";""y"")";`);
    expect(first).toContain(";'+33 fait peur;");
    expect(first).toContain(';Isolement, Lien social;');
    expect(csv).toContain(`"' -1 ; deux\nlignes";`);
    expect(second).toContain(";'\u00A0=1+1;");
    expect(csv).toContain(";'@aidant;");
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('JSON export and import', () => {
  it('reads its own export back, adding only records not already on this device', () => {
    const json = observationsToJson([record(1), record(2), record(3)], new Date('2025-03-02T00:00:00Z'));
    const result = readJsonExport(json, new Set([uuidFor(2)]));
    expect(result.ok && result.fresh.map((o) => o.id)).toEqual([uuidFor(1), uuidFor(3)]);
    expect(result.ok && result.present).toBe(1);
  });

  it('rejects invalid records one by one, counts repeats once, and refuses what is not an export', () => {
    const file = JSON.stringify({ format: 'repere-observations', version: 1, observations: [record(1), record(1), { ...record(4), consent: 'oui' }] });
    expect(readJsonExport(file, new Set())).toEqual({ ok: true, fresh: [record(1)], present: 1, rejected: [{ index: 2, field: 'consent' }] });
    expect(readJsonExport('<html>', new Set())).toEqual({ ok: false });
    expect(readJsonExport('{"rows": []}', new Set())).toEqual({ ok: false });
  });
});

describe('reading a collector answer', () => {
  it('takes protocol JSON, and turns anything else (Google’s sign-in page, an empty body) into a not_json failure', () => {
    expect(parseAnswer('{"ok":true,"code":"ok","accepted":["a"],"duplicates":[],"rejected":[{"id":"b","code":"invalid_record","message":"m"}]}')).toMatchObject({ ok: true, accepted: ['a'] });
    expect(parseAnswer('{"ok":true,"code":"ok","tags":[{"id":"o1","label":"Lien social","kind":"outcome"}]}').tags).toHaveLength(1);
    for (const body of ['{"ok":true,"code":"surprise"}', '<!doctype html><title>Connexion – Google Comptes</title>', '']) {
      expect(parseAnswer(body)).toMatchObject({ ok: false, code: 'not_json' });
    }
  });
});

describe('interface language and search', () => {
  it('is French unless the browser asks for English', () => {
    expect(catalogueFor('fr-FR').panel.text).toBe('Texte');
    expect(catalogueFor('de-DE').panel.save).toBe('Enregistrer');
    expect(catalogueFor('en-GB')).toBe(en);
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('finds records by any word, ignoring accents and case', () => {
    const o = record(1, { text: 'Elle a retrouvé le goût de sortir', stakeholder: 'Personne accompagnée' });
    expect(matchesSearch(o, 'gout SORTIR')).toBe(true);
    expect(matchesSearch(o, 'accompagnee lien')).toBe(true);
    expect(matchesSearch(o, 'absent')).toBe(false);
  });
});
