// `repere report` as a person runs it on the README's demo workbook: the report as HTML and as an A4, tagged PDF
// whose outline is its headings; the one-page pitch on exactly one page; the Journal's line; French messages when an
// option or Chromium is wrong.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { sheetAsText } from '../../apps-script/local/sheet-text';
import { makeDemoWorkbook } from './demo-workbook';
import { repere, repereWith } from './repere-command';

/** The PDF's outline, as poppler reads it: each item's title and depth. */
function outline(pdf: string): Array<[number, string]> {
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', pdf], { encoding: 'utf8' });
  const items: Array<[number, string]> = [];
  let depth = 0;
  for (const m of xml.slice(xml.indexOf('<outline>')).matchAll(/<(\/?)outline>|<item page="\d+">([^<]*)<\/item>/g)) {
    if (m[2] !== undefined) items.push([depth, m[2]]);
    else depth += m[1] ? -1 : 1;
  }
  return items;
}

describe('repere report', () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'repere-report-'));
    workbook = join(dir, 'demo.xlsx');
    await makeDemoWorkbook(workbook);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the report as HTML and prints it to an A4, tagged PDF whose outline is its headings', async () => {
    const html = join(dir, 'rapport.html');
    const pdf = join(dir, 'rapport.pdf');
    const run = await repere('report', '--out', html, '--pdf', pdf, '--workbook', workbook);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/rapport\.html et .*rapport\.pdf \((\d+) pages\) : Rapport d’évaluation pour « financeurs » prêt : 0 citation, \d+ chiffres masqués/);
    expect(run.stdout).toContain('À compléter avant de l’envoyer — Démarche, rubrique « Question évaluative » : encore à adapter.');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Rapport d’évaluation — demo/);
    const items = outline(pdf);
    expect(items.filter(([depth]) => depth === 2).map(([, title]) => title)).toEqual([
      'Sommaire', 'Synthèse', 'Le besoin et le public', 'La démarche', 'Méthode', 'Résultats par changement visé', 'Paroles', 'Limites', 'Enseignements et décisions', 'Annexes',
    ]);
    expect(items).toContainEqual([3, 'C4 — La fatigue des aidants diminue et leur bien-être se maintient, ce qui leur permet de continuer à aider sans s\'épuiser']);
    expect(items).toContainEqual([3, 'Dictionnaire des indicateurs']);
    // Every heading is printed, none cut.
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Destinataires : financeurs');
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
  }, 120_000);

  it('prints the one-page pitch on exactly one A4 page, and logs each generation in the Journal', async () => {
    const pdf = join(dir, 'une-page.pdf');
    const run = await repere('report', '--document', 'une-page', '--audience', 'public', '--period', 'T1', '--pdf', pdf, '--workbook', workbook);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/une-page\.pdf \(1 page\) : L’essentiel en une page pour « public »/);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(existsSync(join(dir, 'une-page-public-T1.html'))).toBe(false);
    const model = await loadWorkbook(workbook);
    const journal = sheetAsText(model, model.sheets.find((s) => s.name === 'Journal')!);
    const lines = journal.slice(1).filter((r) => r[2] === 'rapport').map((r) => r[3]!);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^L’essentiel en une page pour « public » \(seuil 11 personnes\), période T1 : 0 citation, \d+ chiffres masqués — moins de 11 personnes : /);
  }, 120_000);

  it('writes the HTML under its own name, in the current folder, when no file is given', async () => {
    const stdout = execFileSync('node', [resolve('apps-script/local/bin/repere.mjs'), 'report', '--document', 'equipe', '--workbook', workbook], { cwd: dir, encoding: 'utf8' });
    expect(stdout).toMatch(/^equipe-equipe\.html : Vue d’équipe pour « équipe » prêt/);
    expect(readFileSync(join(dir, 'equipe-equipe.html'), 'utf8')).toContain('Document interne à l’équipe, à ne pas diffuser');
  }, 120_000);

  it('says in French what is wrong: an option, an audience the document is not for, no Chromium — exit 1, no file', async () => {
    expect((await repere('report', '--document', 'bilan', '--workbook', workbook)).stderr).toBe('Erreur : --document bilan : documents possibles : rapport, une-page, equipe.\n');
    expect((await repere('report', '--audience', 'presse', '--workbook', workbook)).stderr).toBe('Erreur : --audience presse : publics possibles : financeurs, public, equipe.\n');
    expect((await repere('report', '--out', join(dir, 'x.pdf'), '--workbook', workbook)).stderr).toBe(`Erreur : --out ${join(dir, 'x.pdf')} : le fichier doit finir par .html (pour un PDF : --pdf FICHIER.pdf).\n`);
    const team = await repere('report', '--document', 'equipe', '--audience', 'financeurs', '--workbook', workbook);
    expect(team).toMatchObject({ code: 1, stderr: 'Erreur : Le document « equipe » ne peut être fait que pour : équipe (pas « financeurs »).\n' });
    const out = join(dir, 'rien.pdf');
    const html = join(dir, 'rien.html');
    const noBrowser = await repereWith({ CHROME_PATH: join(dir, 'pas-de-chromium') }, 'report', '--out', html, '--pdf', out, '--workbook', workbook);
    expect(noBrowser.code).toBe(1);
    expect(noBrowser.stderr).toMatch(/^Erreur : Chromium est introuvable à « .*pas-de-chromium » \(variable CHROME_PATH\) : il sert à imprimer en PDF\. .* Sinon, écrivez le document en HTML \(--out FICHIER\.html\)/);
    expect([existsSync(out), existsSync(html)]).toEqual([false, false]);
  }, 120_000);
});
