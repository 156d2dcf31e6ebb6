// `repere questionnaire` as a person runs it: the XLSForm (valid, and opened by LibreOffice), the paper questionnaire
// printed to A4 PDF by the computer's Chromium, and French messages when something is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsForm, xlsFormProblems } from '../unit/questionnaire/xlsform-rules';
import { repere, repereWith } from './repere-command';

describe('repere questionnaire', () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repere-questionnaire-'));
    workbook = join(dir, 'registre.xlsx');
    expect((await repere('setup', '--template', 'aidants', '--workbook', workbook)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the survey’s XLSForm, which passes the XLSForm rules and opens in LibreOffice', async () => {
    const out = join(dir, 'aidants.xlsx');
    const run = await repere('questionnaire', '--survey', 'E1', '--wave', 'T0', '--format', 'xlsform', '--out', out, '--workbook', workbook);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^.*aidants\.xlsx : XLSForm \(KoboToolbox, ODK, Enketo\) de l’enquête E1 \(vague T0\)\.\nAttention — Adresse de contact/);
    expect(xlsFormProblems(await readXlsForm(new Uint8Array(readFileSync(out))))).toEqual([]);
    execFileSync('/usr/bin/soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, out], { timeout: 60_000, env: { ...process.env, HOME: dir }, stdio: 'ignore' });
    const csv = readFileSync(join(dir, 'aidants.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('type,name,label::Français (fr),hint::Français (fr),required,relevant,constraint,constraint_message::Français (fr),appearance,calculation');
    expect(csv).toContain('select_one l_consentement,consentement,Acceptez-vous de répondre à ce questionnaire ?');
  }, 90_000);

  it('prints the paper questionnaire in large print to an A4 PDF with Chromium', async () => {
    const out = join(dir, 'papier.pdf');
    const run = await repere('questionnaire', '--survey', 'E1', '--format', 'pdf', '--large', '--out', out, '--workbook', workbook);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/papier\.pdf : questionnaire papier de l’enquête E1, gros caractères, (\d+) pages?\./);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(Number(/(\d+) pages?/.exec(run.stdout)![1]));
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Acceptez-vous de répondre à ce questionnaire ?');
    expect(text).toContain('Ne sait pas');
  }, 90_000);

  it('says in French what to do when Chromium, the survey or the format is wrong: exit 1, no file', async () => {
    const out = join(dir, 'rien.pdf');
    const noBrowser = await repereWith({ CHROME_PATH: join(dir, 'pas-de-chromium') }, 'questionnaire', '--survey', 'E1', '--format', 'pdf', '--out', out, '--workbook', workbook);
    expect(noBrowser.code).toBe(1);
    expect(noBrowser.stderr).toMatch(/^Erreur : Chromium est introuvable à « .*pas-de-chromium » \(variable CHROME_PATH\) : il sert à imprimer en PDF\. Installez-le/);
    expect(existsSync(out)).toBe(false);
    const noSurvey = await repere('questionnaire', '--survey', 'E9', '--workbook', workbook);
    expect(noSurvey).toMatchObject({ code: 1, stderr: 'Erreur : Enquête « E9 » absente de l’onglet Enquêtes (enquêtes : E1). Choisissez une enquête existante.\n' });
    expect((await repere('questionnaire', '--survey', 'E1', '--format', 'docx', '--workbook', workbook)).stderr).toBe('Erreur : --format docx : formats possibles : xlsform, html, pdf, guide.\n');
  }, 90_000);
});
