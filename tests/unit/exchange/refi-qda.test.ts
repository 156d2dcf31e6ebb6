// REFI-QDA codebooks and projects, Taguette's codebook CSV: round trips, files of the other tools, the standard's XSD.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Codebook } from '../../../shared/codebook/codebook';
import { planCodebookImport } from '../../../shared/exchange/codebook-import';
import { codebookXml, readCodebookXml, refiCodes, type RefiCode } from '../../../shared/exchange/refi-qda/codebook';
import { planCodingsImport } from '../../../shared/exchange/refi-qda/codings-import';
import { projectFromRegistry, type ExchangeObservation } from '../../../shared/exchange/refi-qda/from-registry';
import { projectBytes, projectXml, readProject } from '../../../shared/exchange/refi-qda/project';
import { readTaguetteCodebook, taguetteCodebookCsv } from '../../../shared/exchange/taguette';
import { utf8Bytes } from '../../../shared/crypto/sha256';
import { zipStored } from '../../../shared/sheet/xlsx';
import type { Outcome, Theme } from '../../../shared/registry/model';

const FIXTURES = path.resolve('tests/fixtures/exchange');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const outcomes: Outcome[] = [
  { id: 'C1', stakeholder: 'aidants', change: 'Les aidants se sentent moins seuls', level: 'outcome', guid: guid(1), row: 2 },
  { id: 'C2', stakeholder: 'aidants', change: 'Répit', level: 'outcome', guid: guid(2), row: 3 },
];
const theme = (id: string, outcome: string, label: string, n: number, over: Partial<Theme> = {}): Theme => ({ id, outcome, label, description: '', colour: '', guid: guid(n), row: 2, ...over });
const themes = [
  theme('T1', 'C1', 'Rompre l’isolement', 11, { description: 'Un lien retrouvé <enfin> & gardé', colour: '#1E88E5' }),
  theme('T2', 'C1', '=Parler à d’autres aidants', 12),
  theme('T3', 'C2', 'Souffler', 13),
];
const codebook = new Codebook(outcomes, themes);

/** xmllint --schema, as a person checking the file with a maintained validator would. */
function validates(xml: string, xsd: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'repere-refi-'));
  const file = path.join(dir, 'file.xml');
  writeFileSync(file, xml);
  try {
    return execFileSync('xmllint', ['--noout', '--schema', path.join(FIXTURES, xsd), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${xsd} refuses the file: ${(error as { stderr?: string }).stderr}`);
  }
}

const names = (codes: readonly RefiCode[]): unknown[] => codes.map((c) => (c.children.length > 0 ? [c.name, names(c.children)] : c.name));

describe('REFI-QDA codebook (.qdc)', () => {
  it('writes outcomes as top-level codes with their themes below, valid against the REFI-QDA Codebook.xsd', () => {
    const xml = codebookXml(refiCodes(codebook));
    validates(xml, 'Codebook.xsd');
    expect(xml).toContain('<Code guid="00000000-0000-4000-8000-000000000011" name="Rompre l’isolement" isCodable="true" color="#1E88E5">');
    expect(xml).toContain('<Description>Un lien retrouvé &lt;enfin&gt; &amp; gardé</Description>');
  });

  it('registry → .qdc → registry keeps every theme and every GUID', () => {
    const read = readCodebookXml(codebookXml(refiCodes(codebook)));
    if (!read.ok) throw new Error(read.message);
    const back = planCodebookImport(read.codes, codebook);
    expect(back).toMatchObject({ themes: [], guids: [], loose: [], present: 5 });
    expect([...back.codeOfGuid]).toEqual(codebook.codes.map((c) => [c.guid, c.id]));
    // Into an empty codebook of the same outcomes (a copy of the registry): the themes come back with their GUIDs.
    const bare = new Codebook(outcomes.map((o) => ({ ...o, guid: '' })), []);
    const fresh = planCodebookImport(read.codes, bare);
    expect(fresh.themes.map((t) => [t.outcome, t.label, t.guid, t.colour, t.description])).toEqual(themes.map((t) => [t.outcome, t.label, t.guid, t.colour, t.description]));
    expect(fresh.guids).toEqual([{ kind: 'outcome', id: 'C1', guid: guid(1) }, { kind: 'outcome', id: 'C2', guid: guid(2) }]);
  });

  it('imports a codebook exported by QualCoder (BOM, lower-case GUIDs, categories, sub-codes)', () => {
    const read = readCodebookXml(fixture('qualcoder-codebook.qdc'));
    if (!read.ok) throw new Error(read.message);
    expect(read.origin).toBe('QualCoder');
    expect(names(read.codes)).toEqual(['Transport', ['Isolement', ['Se sentir moins seul', ['Parler à d’autres aidants', ['Groupe de parole']]]], ['Répit', ['Souffler <enfin> & dormir']]]);
    // « Répit » is outcome C2's change: its codes become C2's themes. The others need an outcome.
    const waiting = planCodebookImport(read.codes, codebook);
    expect(waiting.loose).toEqual(['Transport', 'Isolement']);
    const plan = planCodebookImport(read.codes, codebook, 'C1');
    expect(plan.loose).toEqual([]);
    expect(plan.themes.map((t) => [t.id, t.outcome, t.label, t.colour])).toEqual([
      ['T4', 'C1', 'Transport', '#FFD966'],
      ['T5', 'C1', 'Isolement', ''],
      ['T6', 'C1', 'Isolement › Se sentir moins seul', '#F4B084'],
      ['T7', 'C1', 'Isolement › Parler à d’autres aidants', '#9BC2E6'],
      ['T8', 'C1', 'Isolement › Parler à d’autres aidants › Groupe de parole', '#C9C9C9'],
      ['T9', 'C2', 'Souffler <enfin> & dormir', '#A9D08E'],
    ]);
    expect(plan.themes.every((t) => /^[0-9A-F-]{36}$/.test(t.guid))).toBe(true);
    expect(plan.present).toBe(1);
    expect(plan.guids).toEqual([]);
  });

  it('imports a codebook exported by Taguette, as .qdc (its empty <Sets/>) and as CSV', () => {
    const qdc = readCodebookXml(fixture('taguette-codebook.qdc'));
    if (!qdc.ok) throw new Error(qdc.message);
    expect(names(qdc.codes)).toEqual(['interesting', 'people', 'interesting\\places']);
    const csv = readTaguetteCodebook(fixture('taguette-codebook.csv'));
    if (!csv.ok) throw new Error(csv.message);
    expect(csv.codes.map((c) => [c.name, c.description])).toEqual([['interesting', 'Further review required'], ['people', 'People of interest'], ['interesting\\places', '']]);
    const plan = planCodebookImport(csv.codes, codebook, 'C2');
    expect(plan.themes.map((t) => [t.id, t.outcome, t.label])).toEqual([['T4', 'C2', 'interesting'], ['T5', 'C2', 'people'], ['T6', 'C2', 'interesting\\places']]);
    // The same file again adds nothing.
    const withThem = new Codebook(outcomes, [...themes, ...plan.themes.map((t, i) => ({ ...t, row: 10 + i }))]);
    expect(planCodebookImport(csv.codes, withThem, 'C2')).toMatchObject({ themes: [], present: 3 });
  });

  it('imports a codebook exported by ATLAS.ti (an old schemaLocation, a code group as a set)', () => {
    const read = readCodebookXml(fixture('atlasti-codebook.qdc'));
    if (!read.ok) throw new Error(read.message);
    expect(read.origin).toBe('ATLAS.ti Win 23.4.0');
    expect(read.codes).toEqual([{ guid: '1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294', name: 'code1', isCodable: true, color: '#46AA00', description: 'description', children: [] }]);
    const plan = planCodebookImport(read.codes, codebook, 'C2');
    expect(plan.themes).toEqual([{ id: 'T4', outcome: 'C2', label: 'code1', description: 'description', colour: '#46AA00', guid: '1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294' }]);
    // NVivo 12 for Mac writes the namespace with a colon (urn:QDA-XML:codebook:1:0): the names read the same.
    expect(readCodebookXml(fixture('atlasti-codebook.qdc').replace('xmlns="urn:QDA-XML:codebook:1.0"', 'xmlns="urn:QDA-XML:codebook:1:0"'))).toMatchObject({ ok: true, codes: [{ name: 'code1' }] });
  });

  it('says what is wrong with a file that is not a codebook', () => {
    expect(readCodebookXml('<Project name="x"/>')).toMatchObject({ ok: false, message: expect.stringContaining('élément racine est <Project>') });
    expect(readCodebookXml('<CodeBook><Codes><Code name="a"></CodeBook>')).toMatchObject({ ok: false, message: expect.stringContaining('ligne 1') });
    expect(readTaguetteCodebook('col1,col2\na,b\n')).toMatchObject({ ok: false, message: expect.stringContaining('Aucune colonne « tag », « name » ou « path »') });
    expect(readTaguetteCodebook('tag,description\n,vide\n')).toMatchObject({ ok: false, message: 'Thème sans nom (colonne « tag ») : ligne 2. Remplissez-le ou supprimez la ligne.' });
  });

  it('exports a Taguette codebook CSV with formula prefixes neutralised', () => {
    const csv = taguetteCodebookCsv(codebook);
    expect(csv.split('\r\n').slice(0, 4)).toEqual(['tag,description', 'Les aidants se sentent moins seuls,', 'Rompre l’isolement,Un lien retrouvé <enfin> & gardé', '"\'=Parler à d’autres aidants",']);
    const back = readTaguetteCodebook(csv);
    expect(back.ok && back.codes.length).toBe(5);
  });
});

const observation = (id: string, over: Partial<ExchangeObservation>): ExchangeObservation => ({
  id, kind: 'citation', text: 'Je me sens moins seule 😊 depuis le groupe.', note: 'Dit en fin d’entretien', createdAt: '2026-03-10T09:00:00.000Z',
  factDate: '', tags: [], consent: 'obtenu', scope: 'financeurs', personId: null, stakeholder: 'aidants', ...over,
});
const ids = ['3f2a9c1e-7d4b-4c1a-9e2f-0a1b2c3d4e5f', '9b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d6e', 'c0ffee00-1234-4abc-9def-001122334455', 'd1d2d3d4-0000-4000-8000-aaaaaaaaaaaa'];
const observations = [
  observation(ids[0]!, { tags: ['T1', 'Souffler'], personId: 'P-017' }),
  observation(ids[1]!, { tags: ['C2'], personId: 'P-017', text: '=1+1 dit-elle' }),
  observation(ids[2]!, { tags: ['T2'], consent: null, scope: 'interne' }),
  observation(ids[3]!, { tags: [], consent: 'obtenu', scope: 'interne' }),
];

describe('REFI-QDA project (.qdpx)', () => {
  it('holds only what the audience may receive, valid against Project.xsd, and says so', () => {
    const { project, leftOut } = projectFromRegistry({ registryName: 'Répit 44', codebook, observations, audience: 'funders', now: '2026-04-01T10:00:00Z' });
    expect(leftOut).toBe(2);
    expect(project.sources.map((s) => s.id)).toEqual([ids[0], ids[1]]);
    const xml = projectXml(project);
    validates(xml, 'Project-mrt2019.xsd');
    expect(xml).toContain('2 autres, sans cet accord ou à usage interne, n’y figurent pas');
    expect(xml).not.toContain('Dit en fin d’entretien');
    const files = unzipSync(projectBytes(project));
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${ids[0]!.toUpperCase()}.txt`, `sources/${ids[1]!.toUpperCase()}.txt`]);
    expect(strFromU8(files[`sources/${ids[1]!.toUpperCase()}.txt`]!)).toBe('=1+1 dit-elle');
    // Positions count code points: the emoji is one character, so the selection ends at 42, not 43.
    expect(xml).toContain('startPosition="0" endPosition="42"');
    expect(xml).toContain('<Case guid=');
  });

  it('« usage interne » holds every observation and says, in its name and description, that it stays inside', () => {
    const { project, leftOut } = projectFromRegistry({ registryName: 'Répit 44', codebook, observations, audience: 'team', now: '2026-04-01T10:00:00Z' });
    expect(leftOut).toBe(0);
    expect(project.sources).toHaveLength(4);
    expect(project.name).toBe('Répit 44 — observations (usage interne)');
    const xml = projectXml(project);
    validates(xml, 'Project-mrt2019.xsd');
    expect(xml).toContain('USAGE INTERNE — ce fichier ne doit pas sortir de la structure.');
  });

  it('.qdpx exported then re-imported keeps every coding', () => {
    const { project } = projectFromRegistry({ registryName: 'Répit 44', codebook, observations, audience: 'team', now: '2026-04-01T10:00:00Z' });
    const read = readProject(projectBytes(project));
    if (!read.ok) throw new Error(read.message);
    // Into a registry where the observations lost their tags, every coding comes back, by the ids Repère wrote.
    const bare = observations.map((o) => ({ id: o.id, tags: [] as string[] }));
    const plan = planCodingsImport(read, codebook, bare);
    expect(plan.additions).toEqual([{ id: ids[0], tags: ['T1', 'T3'] }, { id: ids[1], tags: ['C2'] }, { id: ids[2], tags: ['T2'] }]);
    expect(plan).toMatchObject({ present: 0, unknownSources: 0, partial: 0, orphans: 0, codebook: { themes: [], loose: [] } });
    // Into the same registry: all present.
    expect(planCodingsImport(read, codebook, observations)).toMatchObject({ additions: [], present: 4 });
  });

  it('brings back an evaluator’s new code and codings from a project whose tool gave new GUIDs to the sources', () => {
    const { project } = projectFromRegistry({ registryName: 'Répit 44', codebook, observations, audience: 'funders', now: '2026-04-01T10:00:00Z' });
    // As another tool writes it back: new source GUIDs (the id stays in the name), a new sub-code of C1, a partial coding.
    const xml = projectXml(project)
      .replace(`guid="${ids[0]!.toUpperCase()}"`, `guid="${guid(901)}"`)
      .replace(`<Code guid="${guid(12)}"`, `<Code guid="${guid(700)}" name="Entraide" isCodable="true"/>\n<Code guid="${guid(12)}"`)
      .replace(/(<PlainTextSelection[^>]*name="[^"]*9b1c2d3e[^"]*"[^>]*>)/, `<PlainTextSelection guid="${guid(800)}" startPosition="3" endPosition="7"><Coding guid="${guid(801)}"><CodeRef targetGUID="${guid(700)}"/></Coding></PlainTextSelection>\n$1`);
    const read = readProject(zipStored([['project.qde', utf8Bytes(xml)], ...Object.entries(unzipSync(projectBytes(project))).filter(([n]) => n !== 'project.qde')]));
    if (!read.ok) throw new Error(read.message);
    const plan = planCodingsImport(read, codebook, observations.map((o) => ({ id: o.id, tags: o.tags })));
    expect(plan.codebook.themes.map((t) => [t.id, t.outcome, t.label, t.guid])).toEqual([['T4', 'C1', 'Entraide', guid(700)]]);
    expect(plan.additions).toEqual([{ id: ids[1], tags: ['T4'] }]);
    expect(plan).toMatchObject({ present: 3, partial: 1, unknownSources: 0 });
  });

  it('refuses what is not a project, saying why', () => {
    expect(readProject(zipStored([['autre.txt', utf8Bytes('x')]]))).toMatchObject({ ok: false, message: expect.stringContaining('project.qde') });
    expect(readProject(utf8Bytes('<CodeBook/>'))).toMatchObject({ ok: false, message: expect.stringContaining('<CodeBook>, pas <Project>') });
  });
});

describe('text from web pages in an XML file', () => {
  it('keeps every file readable by an XML tool: control characters dropped, lone surrogates as « � »', () => {
    const broken = new Codebook([{ ...outcomes[0]!, change: 'A\u0001B\uD800C & <D>' }], []);
    const xml = codebookXml(refiCodes(broken));
    validates(xml, 'Codebook.xsd');
    const read = readCodebookXml(xml);
    expect(read.ok && read.codes[0]!.name).toBe('AB\uFFFDC & <D>');
  });
});
