// The cohort with the `repere` command over real local workbooks, over real HTTP: the coordinator's workbook served by
// `repere start` in its own process (its /exec answering as Google's web app does), the member's commands in others.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetAsText } from '../../apps-script/local/sheet-text';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { repere, serveWorkbook, type ServedWorkbook } from './repere-command';

const dir = mkdtempSync(join(tmpdir(), 'repere-cohort-cli-'));
const coord = join(dir, 'coord.xlsx');
const member = join(dir, 'membre.xlsx');
let server: ServedWorkbook;
let collector = '';

async function tab(workbook: string, name: string): Promise<string[][]> {
  const model = await loadWorkbook(workbook);
  return sheetAsText(model, model.sheets.find((s) => s.name === name)!);
}

beforeAll(async () => {
  expect(await repere('setup', '--cohort', '--template', 'aidants', '--workbook', coord)).toMatchObject({ code: 0, stdout: expect.stringContaining('Coordination de cohorte configurée (identifiant COH-') });
  server = await serveWorkbook(coord);
  collector = server.exec;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('repere cohort and repere publish', () => {
  let code = '';

  it('invites a structure: the code names the collector running on the workbook', async () => {
    const invited = await repere('cohort', 'invite', '--name', 'Répit 31', '--contact', 'Mme Martin', '--workbook', coord);
    expect(invited.code).toBe(0);
    code = invited.stdout.trim();
    expect(code).toMatch(new RegExp(`^repere-cohorte1:COH-[0-9A-F]{8}:[0-9a-f]{64}@${collector.replace(/[.]/g, '\\.')}$`));
    expect(invited.stderr).toContain('Code d’invitation de « Répit 31 » (S01)');
  });

  it('refuses a wrong code with a French message, exit 1, and writes nothing', async () => {
    const wrong = code.replace(/:([0-9a-f]{64})@/, (_, s: string) => `:${[...s].reverse().join('')}@`);
    const refused = await repere('cohort', 'join', wrong, '--workbook', member);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('Erreur : Code d’invitation refusé par la coordination') });
    expect(() => readFileSync(member)).toThrow();
  });

  it('joins, imports two waves and publishes after showing every row', async () => {
    expect(await repere('cohort', 'join', code, '--workbook', member)).toMatchObject({ code: 0, stdout: expect.stringContaining('rejointe (code S01)') });
    for (const wave of ['t0', 't1']) expect((await repere('import', `tests/fixtures/demo/aidants-${wave}-google-forms.csv`, '--survey', 'E1', '--wave', wave.toUpperCase(), '--workbook', member)).code).toBe(0);
    const published = await repere('publish', '--yes', '--workbook', member);
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/^Indicateur +Version +Période +Groupe +Mesure +n +Comptes et chiffre +Pour autrui +Taux de réponse$/m);
    expect(published.stdout).toMatch(/^I13 +1 +T0 +ensemble +proportion +29 +k = 14 ; valeur 48,28/m);
    expect(published.stdout).toContain('Publication reçue par la coordination : 77 lignes enregistrées, dont 63 masquées.');
    const received = await tab(coord, 'Agrégats reçus');
    expect(received).toHaveLength(78);
    expect((await tab(member, 'Journal')).some((line) => line.join(' ').includes(`Envoyée à la coordination — Publication`) && line.join(' ').includes(collector))).toBe(true);
  }, 120_000);

  it('publishes again without duplicating, and writes the same publication as a file that imports as already there', async () => {
    expect(await repere('publish', '--yes', '--workbook', member)).toMatchObject({ code: 0, stdout: expect.stringContaining('Publication déjà reçue de S01 : rien n’a changé.') });
    const file = join(dir, 'paquet.json');
    expect(await repere('publish', '--out', file, '--workbook', member)).toMatchObject({ code: 0, stdout: expect.stringContaining(`${file} : fichier prêt`) });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ v: 1, op: 'cohort.publish', publication: { format: 'repere.cohorte.publication', audience: 'cohorte', threshold: 11 } });
    expect(await repere('cohort', 'import', file, '--workbook', coord)).toMatchObject({ code: 0, stdout: expect.stringContaining('Publication déjà reçue de S01 : rien n’a changé.') });
    expect(await tab(coord, 'Agrégats reçus')).toHaveLength(78);
  }, 120_000);

  it('gives the pooled cohort figures with repere compute --json on the coordinator’s workbook', async () => {
    const computed = await repere('compute', '--json', '--workbook', coord);
    expect(computed.code).toBe(0);
    const cohort = JSON.parse(computed.stdout).cohort as { cohort: string; figures: Array<{ indicator: string; period: string; segment: string; pooled: { kind: string; k: number; n: number } | null }>; lines: Array<{ pooled: string }> };
    expect(cohort.cohort).toMatch(/^COH-/);
    expect(cohort.figures.find((f) => f.indicator === 'I13' && f.period === 'T0' && f.segment === '')!.pooled).toMatchObject({ kind: 'proportion', k: 14, n: 29 });
    expect(cohort.lines.some((l) => l.pooled === '14 aidants sur 29 (48 %)')).toBe(true);
  }, 120_000);

  it('writes the cohort summary for the funders from the pooled figures only, and logs it in the Journal', async () => {
    const file = join(dir, 'synthese.html');
    expect(await repere('cohort', 'report', '--out', file, '--workbook', coord)).toMatchObject({ code: 0, stdout: `${file} : la synthèse de la cohorte pour les financeurs, faite des seuls chiffres mis en commun (aucune structure nommée).\n` });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<h1>Synthèse de la cohorte</h1>');
    // One structure has published: its figures are its own, not the cohort's, and are not given to funders.
    expect(html).toContain('une seule structure : pas de chiffre de cohorte');
    expect(html).not.toContain('14 aidants sur 29');
    expect(html).not.toMatch(/\bS01\b|Répit 31|Mme Martin/);
    expect((await tab(coord, 'Journal')).some((line) => line.join(' ').includes('Synthèse de la cohorte générée pour les financeurs'))).toBe(true);
  }, 120_000);

  it('prints the cohort summary to an A4, tagged PDF as repere report does, with no structure named', async () => {
    const pdf = join(dir, 'synthese.pdf');
    const run = await repere('cohort', 'report', '--pdf', pdf, '--workbook', coord);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^${pdf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ pages?\\) : la synthèse de la cohorte pour les financeurs`));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Synthèse de la cohorte — coord/);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Destinataires : financeurs');
    expect(text).toContain('une seule structure : pas de chiffre de cohorte');
    expect(text).not.toMatch(/\bS01\b|Répit 31|14 aidants sur 29/);
    expect((await repere('cohort', 'report', '--out', join(dir, 'x.pdf'), '--workbook', coord)).stderr).toBe(`Erreur : --out ${join(dir, 'x.pdf')} : le fichier doit finir par .html (pour un PDF : --pdf FICHIER.pdf).\n`);
  }, 120_000);

  it('asks before sending, and sends nothing without a terminal to answer', async () => {
    expect(await repere('publish', '--workbook', member)).toMatchObject({ code: 1, stderr: expect.stringContaining('relancez avec --yes') });
  });

  it('refuses a file that is not a publication, saying so', async () => {
    expect(await repere('cohort', 'import', 'tests/fixtures/demo/aidants-t0-google-forms.csv', '--workbook', coord)).toMatchObject({ code: 1, stderr: expect.stringContaining('n’est pas du JSON : ce n’est pas une publication Repère') });
  });
});
