// End to end: a cohort over three local workbooks served side by side — the coordinator's (by `repere start` in its own
// process, as a coordinator runs it: a member's publication is a synchronous request that the member's process cannot
// answer itself) and two structures' — each on its own 127.0.0.1 port, their real sidebars in Chromium. The coordinator sets up the coordination and invites;
// the structures adopt the shared set with their codes and publish to the coordinator's /exec over real HTTP after
// seeing every row; the cohort dashboard pools them. Publishing twice writes nothing new; a wrong or renewed code is
// refused in French with nothing written; a structure still on an old definition is not pooled, and the line says why.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetAsText } from '../../apps-script/local/sheet-text';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { launchChromium, type LaunchedChromium } from './harness/chromium';
import { startLocalRepere, type LocalRepere } from './harness/local-repere';
import { serveWorkbook, type ServedWorkbook } from '../bundle/repere-command';

const SHOTS = path.resolve('tests/.tmp');

/** A workbook's page in Chromium, with the « Cohorte » section of its sidebar open, and its tabs as saved. */
interface Side {
  page: Page;
  sidebar: FrameLocator;
  readTabNamed(name: string): Promise<string[][]>;
}

const dir = mkdtempSync(path.join(tmpdir(), 'repere-cohort-e2e-'));
const coordPath = path.join(dir, 'coord.xlsx');
let browser: LaunchedChromium;
let coordServer: ServedWorkbook;
let firstRegistry: LocalRepere;
let secondRegistry: LocalRepere;
let coord: Side;
let first: Side;
let second: Side;
const errors: string[] = [];

async function open(url: string, readTabNamed: Side['readTabNamed']): Promise<Side> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#cohort-section > summary').click();
  return { page, sidebar, readTabNamed };
}

async function savedTab(workbook: string, name: string): Promise<string[][]> {
  const model = await loadWorkbook(workbook);
  const sheet = model.sheets.find((s) => s.name === name);
  return sheet ? sheetAsText(model, sheet) : [];
}

/** A survey export imported as the import panel does (the suggested mapping), straight through the bundle. */
async function importWave(registry: LocalRepere, file: string, wave: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const { prepared, mapping } = prepareAsSuggested(bytes, (await registry.call('getImportSetup', 'E1')) as Parameters<typeof prepareAsSuggested>[1]);
  const result = await runImport(prepared, { surveyId: 'E1', wave, fileName: path.basename(file), fileHash: sha256BytesHex(bytes), mapping }, importServer((fn, arg) => registry.call(fn, arg)));
  expect(result).toMatchObject({ ok: true });
}

const result = (side: Side) => side.sidebar.locator('#cohort-result').textContent();
const rowsOf = async (side: Side, tab: string) => (await side.readTabNamed(tab)).slice(1).filter((r) => r.some((c) => c !== ''));

/** Invites a structure (again: a new code) and reads the code the panel shows once. */
async function invite(name: string, expected: string): Promise<string> {
  await coord.sidebar.getByLabel('Nom de la structure').fill(name);
  await coord.sidebar.getByRole('button', { name: 'Inviter' }).click();
  await expect.poll(() => result(coord)).toBe(expected);
  return coord.sidebar.locator('#invite-code').inputValue();
}

async function join(side: Side, code: string): Promise<void> {
  await side.sidebar.getByRole('textbox', { name: 'Code d’invitation', exact: true }).fill(code);
  await side.sidebar.getByRole('button', { name: /^(Rejoindre|Mettre à jour)$/ }).click();
}

async function publish(side: Side): Promise<void> {
  await side.sidebar.getByRole('button', { name: 'Préparer la publication' }).click();
  await expect.poll(() => result(side)).toMatch(/^Relisez (?:les \d+ lignes|la ligne) ci-dessus : rien n’est parti\.$/);
  await side.sidebar.getByRole('button', { name: 'Envoyer à la coordination' }).click();
}

async function computeCohort(published: number): Promise<void> {
  // The previous computation's message goes first, so the one read is this computation's.
  await coord.sidebar.locator('#cohort-result').evaluate((node) => (node.textContent = ''));
  await coord.sidebar.getByRole('button', { name: 'Calculer la cohorte' }).click();
  await expect.poll(() => result(coord)).toMatch(new RegExp(`^Cohorte COH-[0-9A-F]{8} : \\d+ chiffres? mis en commun .* à partir des publications de ${published} structures? sur 2\\.`));
}

beforeAll(async () => {
  [coordServer, firstRegistry, secondRegistry] = await Promise.all([serveWorkbook(coordPath), startLocalRepere(), startLocalRepere()]);
  browser = await launchChromium();
  coord = await open(coordServer.url, (name) => savedTab(coordPath, name));
  first = await open(firstRegistry.pageUrl, (name) => firstRegistry.readTabNamed(name));
  second = await open(secondRegistry.pageUrl, (name) => secondRegistry.readTabNamed(name));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([coordServer?.stop(), firstRegistry?.stop(), secondRegistry?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('a cohort across three local workbooks, in Chromium', () => {
  let firstCode = '';

  it('sets up the coordination from a starting framework and invites two structures, each code shown once', async () => {
    await coord.sidebar.getByLabel('Modèle de départ').selectOption({ label: 'Aidants : répit et soutien' });
    await coord.sidebar.getByRole('button', { name: 'Configurer la coordination' }).click();
    await expect.poll(() => coord.page.getByRole('tab').allTextContents()).toEqual(
      expect.arrayContaining(['Membres', 'Indicateurs partagés', 'Agrégats reçus', 'Tableau de cohorte', 'Graphiques de cohorte']),
    );
    await expect.poll(() => coord.sidebar.locator('#cohort-role').textContent()).toMatch(/^Registre de la coordination \(cohorte COH-[0-9A-F]{8}, jeu d’indicateurs partagés en version 1\)/);
    firstCode = await invite('Répit 31', 'Code d’invitation de S01 : transmettez-le à la structure.');
    expect(firstCode).toMatch(new RegExp(`^repere-cohorte1:COH-[0-9A-F]{8}:[0-9a-f]{64}@${coordServer.exec.replace(/[.]/g, '\\.')}$`));
    const secondCode = await invite('Halte 82', 'Code d’invitation de S02 : transmettez-le à la structure.');
    await expect.poll(() => coord.sidebar.locator('#cohort-members li').allTextContents()).toEqual(['S01 — Répit 31 : invitée', 'S02 — Halte 82 : invitée']);
    // Only the secret's hash stays in « Membres ».
    const members = JSON.stringify(await coord.readTabNamed('Membres'));
    expect(members).not.toContain(firstCode.split(':')[2]!.split('@')[0]);
    await join(second, secondCode);
    await expect.poll(() => result(second)).toContain('(code S02)');
  });

  it('refuses a code whose secret is wrong, in French, and writes nothing on either side', async () => {
    const before = JSON.stringify(await first.readTabNamed('Indicateurs'));
    const wrong = firstCode.replace(/:([0-9a-f]{64})@/, (_, s: string) => `:${[...s].reverse().join('')}@`);
    await join(first, wrong);
    await expect.poll(() => result(first)).toContain('Code d’invitation refusé par la coordination');
    expect(await first.sidebar.locator('#cohort-result').getAttribute('class')).toContain('error');
    expect(await first.sidebar.locator('#cohort-role').textContent()).toBe('Ce registre ne fait partie d’aucune cohorte.');
    expect(JSON.stringify(await first.readTabNamed('Indicateurs'))).toBe(before);
    expect(await rowsOf(coord, 'Agrégats reçus')).toEqual([]);
  });

  it('adopts the shared set with the right code', async () => {
    await join(first, firstCode);
    await expect.poll(() => result(first)).toContain('(code S01)');
    await expect.poll(() => first.sidebar.locator('#cohort-role').textContent()).toMatch(/^Membre de la cohorte « .+ » sous le code S01 : \d+ indicateurs? partagés?\.$/);
    const members = await coord.readTabNamed('Membres');
    expect(members.find((r) => r[0] === 'S01')![members[0]!.indexOf('Statut')]).toBe('a rejoint');
  });

  it('shows exactly what leaves, then sends it to the coordinator’s collector; sending again writes nothing new', async () => {
    await importWave(firstRegistry, 'tests/fixtures/demo/aidants-t0-google-forms.csv', 'T0');
    await importWave(firstRegistry, 'tests/fixtures/demo/aidants-t1-google-forms.csv', 'T1');
    await first.sidebar.getByRole('button', { name: 'Préparer la publication' }).click();
    const table = first.sidebar.locator('#publish-table');
    await expect.poll(() => table.locator('th').allTextContents()).toEqual(['Indicateur', 'Version', 'Période', 'Groupe', 'Mesure', 'n', 'Comptes et chiffre', 'Pour autrui', 'Taux de réponse']);
    const shown = await table.locator('tr').allInnerTexts();
    expect(shown.some((r) => /^I13\t1\tT0\tensemble\tproportion\t29\tk = 14 ; valeur 48,28/.test(r))).toBe(true);
    expect(await table.locator('td.hidden-cell').count()).toBeGreaterThan(0);
    // Counts, versions and labels only: no answer, no person's code, no free text from the survey.
    const csv = readFileSync('tests/fixtures/demo/aidants-t1-google-forms.csv', 'utf8');
    const freeText = csv.split('\n').slice(1).map((l) => l.split(',').at(-1)!.replace(/"/g, '').trim()).filter((t) => t.length > 30);
    expect(freeText.length).toBeGreaterThan(0);
    const everything = await first.sidebar.locator('#publish-block').textContent();
    for (const text of freeText) expect(everything).not.toContain(text.slice(0, 30));
    expect(everything).not.toMatch(/\bA0\d\d\b/);
    expect(await rowsOf(coord, 'Agrégats reçus')).toEqual([]);

    await first.sidebar.getByRole('button', { name: 'Envoyer à la coordination' }).click();
    await expect.poll(() => result(first)).toMatch(/^Publication reçue par la coordination : 77 lignes enregistrées, dont 63 masquées\./);
    expect(await rowsOf(coord, 'Agrégats reçus')).toHaveLength(77);
    expect((await first.readTabNamed('Journal')).some((l) => l.join(' ').includes('Envoyée à la coordination') && l.join(' ').includes(coordServer.exec))).toBe(true);

    await publish(first);
    await expect.poll(() => result(first)).toBe('Publication déjà reçue de S01 : rien n’a changé.');
    expect(await rowsOf(coord, 'Agrégats reçus')).toHaveLength(77);
  });

  it('pools what was published on the cohort dashboard, with its charts beside it, and says who is late', async () => {
    await importWave(secondRegistry, 'tests/fixtures/cohort/s03-t0.csv', 'T0');
    await importWave(secondRegistry, 'tests/fixtures/cohort/s03-t1.csv', 'T1');
    await publish(second);
    await expect.poll(() => result(second)).toMatch(/^Publication reçue par la coordination/);
    await computeCohort(2);
    await coord.page.getByRole('tab', { name: 'Tableau de cohorte' }).click();
    const grid = coord.page.locator('#grid');
    await expect.poll(() => grid.textContent()).toContain('I13 — ');
    const dashboard = await coord.readTabNamed('Tableau de cohorte');
    const header = dashboard[0]!;
    const line = (indicator: string, period: string) => dashboard.find((r) => r[0]!.startsWith(`${indicator} — `) && r[header.indexOf('Période')] === period && r[header.indexOf('Groupe')] === '')!;
    // Both structures' counts added (person-weighted), their median apart (structure-weighted), both named.
    const i7 = line('I7', 'T1');
    expect(i7[header.indexOf('Structures')]).toBe('2 sur 2');
    expect(i7[header.indexOf('Ensemble des personnes')]).toBe('30 aidants sur 71 (42 %)');
    expect(i7[header.indexOf('Intervalle (IC 95 %)')]).toMatch(/^\d+ à \d+ %$/);
    expect(i7[header.indexOf('Médiane des structures')]).toMatch(/^\d+ % \(2 structures : trop peu pour décrire l’écart entre elles\)$/);
    expect(i7[header.indexOf('Calcul')]).toContain('Pondéré par personne');
    expect(i7[header.indexOf('Calcul')]).toContain('Pondéré par structure');
    // Hidden in every structure: « < 11 », nothing else.
    expect(line('I8', 'T1')[header.indexOf('Ensemble des personnes')]).toBe('< 11 dans chaque structure');
    // Two structures: a change is shown side by side, not pooled.
    expect(line('I12', 'T0 → T1')[header.indexOf('Ensemble des personnes')]).toMatch(/^Pas de mise en commun : 2 structures \(il en faut 5\)/);
    // The cohort's charts beside its dashboard: members under their codes, never their names.
    const charts = coord.page.locator('#charts svg');
    await expect.poll(() => charts.count()).toBeGreaterThan(0);
    const drawn = (await coord.page.locator('#charts svg text').allTextContents()).join(' ');
    expect(drawn).toMatch(/S01 \(n = \d+\)/);
    expect(drawn).not.toContain('Répit 31');
    expect(await grid.textContent()).not.toContain('Répit 31');
    await coord.page.screenshot({ path: path.join(SHOTS, 'cohort-dashboard.png'), fullPage: true });
    // The change, as a forest plot: each structure's change with its interval, side by side, no pooled estimate under 5.
    const forest = coord.page.locator('#charts figure').filter({ hasText: 'I12 — ' });
    const forestText = (await forest.locator('text').allTextContents()).join(' ');
    expect(forestText).toMatch(/S01 \(n = \d+\).*S02 \(n = \d+\)/);
    expect(forestText).toContain('2 structures côte à côte entre T0 → T1, sans mise en commun (il en faut 5)');
    expect(forestText).not.toContain('effets aléatoires');
    // Its own tab shows the charts first (beside the dashboard they stay in view while the table scrolls).
    await coord.page.getByRole('tab', { name: 'Graphiques de cohorte' }).click();
    await coord.page.locator('#charts figure').filter({ hasText: 'I12 — ' }).screenshot({ path: path.join(SHOTS, 'cohort-forest.png') });
    await coord.page.getByRole('tab', { name: 'Tableau de cohorte' }).click();
    // Members at a glance: both published T0 and T1.
    await expect.poll(() => coord.sidebar.locator('#cohort-members li').allTextContents()).toEqual(['S01 — Répit 31 : à jour (publié : T0, T1)', 'S02 — Halte 82 : à jour (publié : T0, T1)']);
  });

  it('never pools two versions of a definition: the structure still on the old one is set aside, and the dashboard says why', async () => {
    // The coordinator changes I13's condition in « Indicateurs partagés »: its version goes up at the next computation.
    const shared = await coord.readTabNamed('Indicateurs partagés');
    const row = shared.findIndex((r) => r[0] === 'I13');
    await coord.page.getByRole('tab', { name: 'Indicateurs partagés' }).click();
    await coord.page.locator(`#grid td[data-row="${row + 1}"][data-column="${shared[0]!.indexOf('Condition') + 1}"]`).dblclick();
    await coord.page.keyboard.press('Control+A');
    await coord.page.keyboard.type('in [« Tout à fait »]');
    await coord.page.keyboard.press('Enter');
    await expect.poll(async () => (await coord.readTabNamed('Indicateurs partagés'))[row]![shared[0]!.indexOf('Condition')]).toBe('in [« Tout à fait »]');
    await computeCohort(2);
    await expect.poll(async () => (await coord.readTabNamed('Indicateurs partagés'))[row]![shared[0]!.indexOf('Version')]).toBe('2');
    // S02 takes the new definition (joining again with its code) and publishes; S01 publishes on the old one.
    await join(second, await invite('Halte 82', 'Nouveau code d’invitation de S02 : transmettez-le à la structure. L’ancien ne fonctionne plus.'));
    await expect.poll(() => result(second)).toContain('(code S02)');
    await publish(second);
    await expect.poll(() => result(second)).toMatch(/^Publication reçue par la coordination/);
    // The newer publication of the same periods replaced S02's rows: as many as it sent, none of the old ones left.
    const sent = Number(/: (\d+) lignes? enregistrées?/.exec((await result(second))!)![1]);
    const received = await rowsOf(coord, 'Agrégats reçus');
    expect(received.filter((r) => r[0] === 'S02')).toHaveLength(sent);
    expect(received.filter((r) => r[0] === 'S02' && r[1] === 'I13' && r[2] === '1')).toEqual([]);
    await publish(first);
    await expect.poll(() => result(first)).toMatch(/^Publication reçue par la coordination|^Publication déjà reçue/);
    await computeCohort(2);
    const dashboard = await coord.readTabNamed('Tableau de cohorte');
    const header = dashboard[0]!;
    const i13 = (version: string) => dashboard.find((r) => r[0]!.startsWith('I13 — ') && r[header.indexOf('Période')] === 'T1' && r[header.indexOf('Groupe')] === '' && r[header.indexOf('Version')] === version)!;
    expect(i13('2')[header.indexOf('Structures')]).toBe('1 sur 2');
    expect(i13('2')[header.indexOf('Non mis en commun')]).toContain('S01 a publié la version 1 : pas mise en commun avec la version 2');
    expect(i13('1')[header.indexOf('Calcul')]).toMatch(/^Ancienne version \(en cours : 2\)\./);
    await coord.page.getByRole('tab', { name: 'Tableau de cohorte' }).click();
    await expect.poll(() => coord.page.locator('#grid').textContent()).toContain('S01 a publié la version 1 : pas mise en commun avec la version 2');
  });

  it('gives the programme’s funders a summary made of the pooled figures only', async () => {
    await coord.sidebar.getByRole('button', { name: 'Synthèse de la cohorte' }).click();
    await expect.poll(() => result(coord)).toMatch(/^synthese-cohorte-\d{4}-\d\d-\d\d\.html prêt : la synthèse de la cohorte pour les financeurs/);
    const link = coord.sidebar.getByRole('link', { name: /^Télécharger synthese-cohorte-/ });
    const html = await link.evaluate(async (a) => (await fetch((a as HTMLAnchorElement).href)).text());
    const summary = await browser.context.newPage();
    await summary.setContent(html);
    expect(await summary.locator('h1').textContent()).toBe('Synthèse de la cohorte');
    const body = (await summary.locator('body').textContent())!;
    expect(body).toContain('30 aidants sur 71 (42 %)');
    expect(body).toContain('moins de 11 personnes dans chaque structure');
    expect(body).toContain('Versions antérieures publiées, laissées hors de cette synthèse : I13.');
    expect(body).not.toMatch(/\bS0[12]\b|Répit 31|Halte 82/);
    // Nothing wider than the page.
    expect(await summary.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await summary.screenshot({ path: path.join(SHOTS, 'cohort-summary.png'), fullPage: true });
    await summary.close();
  });

  it('refuses a publication sent with a renewed code, in French, and writes nothing', async () => {
    await invite('Répit 31', 'Nouveau code d’invitation de S01 : transmettez-le à la structure. L’ancien ne fonctionne plus.');
    const before = await rowsOf(coord, 'Agrégats reçus');
    await importWave(firstRegistry, 'tests/fixtures/cohort/s01-t1.csv', 'T1');
    await publish(first);
    await expect.poll(() => result(first)).toContain('Code d’invitation refusé par la coordination : il a pu être renouvelé ou retiré. Demandez un nouveau code à la coordination. Rien n’a été enregistré.');
    expect(await rowsOf(coord, 'Agrégats reçus')).toEqual(before);
    expect(errors).toEqual([]);
  });
});
