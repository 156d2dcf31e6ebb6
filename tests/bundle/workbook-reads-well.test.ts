// The computed demo workbook reads well without Repère: LibreOffice (headless, as a person would print it) shows no
// error and no « ### » (no function it does not know, dates in columns wide enough), the charts are there as images,
// « Démarche » prints on one or two pages and the dashboard across a landscape page, each page headed by its tab.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../apps-script/local/workbook-file';
import { copyOfDemoWorkbook } from './demo-workbook';

const dir = mkdtempSync(join(tmpdir(), 'repere-reads-well-'));
const workbook = join(dir, 'demo.xlsx');
const pdf = join(dir, 'demo.pdf');

/** Each page's text, as pdftotext lays it out. */
let pages: string[] = [];

beforeAll(async () => {
  await copyOfDemoWorkbook(workbook);
  const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, workbook], { encoding: 'utf8', timeout: 120_000 });
  expect(converted.status).toBe(0);
  pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').filter((page) => page.trim() !== '');
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pages of a tab: each page starts with its tab's name, printed in the header. */
const pagesOf = (tab: string) => pages.map((text, i) => ({ text, number: i + 1 })).filter((p) => p.text.trim().split('\n')[0]!.trim() === tab);

describe('the demo workbook opened in LibreOffice', () => {
  it('shows no error, no « ### » and no function only Sheets knows', async () => {
    const text = pages.join('\n');
    for (const error of ['#NAME?', '#VALUE!', '#REF!', '#DIV/0!', '###', 'Err:']) expect(text, error).not.toContain(error);
    // The dashboard's curve is there, as text.
    expect(pagesOf('Tableau de bord')[0]!.text).toMatch(/[▁▂▃▄▅▆▇█]{2}/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(workbook) as unknown as ArrayBuffer);
    const formulas: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula))));
    expect(formulas.filter((f) => /SPARKLINE/i.test(f))).toEqual([]);
  });

  it('has every chart, as an image beside its table', async () => {
    const model = await loadWorkbook(workbook);
    const charts = model.sheets.reduce((n, s) => n + s.charts.length, 0);
    expect(charts).toBeGreaterThan(0);
    // Columns: page, num, type (image, or smask for the transparency), …, object id (11th).
    const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.split('\n').map((line) => line.trim().split(/\s+/)).filter((cols) => cols[2] === 'image');
    // One image object per chart (a PDF may reference one on two pages, drawing it whole on one).
    expect(new Set(images.map((cols) => cols[10])).size).toBe(charts);
    const chartPages = new Set(images.map((cols) => Number(cols[0])));
    for (const page of chartPages) expect(pages[page - 1]!.trim().split('\n')[0]!.trim()).toBe('Graphiques');
  });

  it('prints « Démarche » on two pages at most, and the dashboard across a landscape page', () => {
    const approach = pagesOf('Démarche');
    expect(approach.length).toBeGreaterThanOrEqual(1);
    expect(approach.length).toBeLessThanOrEqual(2);
    const dashboard = pagesOf('Tableau de bord');
    expect(dashboard).toHaveLength(1);
    const size = spawnSync('pdfinfo', ['-f', String(dashboard[0]!.number), '-l', String(dashboard[0]!.number), pdf], { encoding: 'utf8' }).stdout;
    const [, width, height] = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(size)!;
    expect(Number(width)).toBeGreaterThan(Number(height));
    // Long tabs repeat their header row on every page.
    const values = pagesOf('Valeurs');
    expect(values.length).toBeGreaterThan(1);
    for (const page of values) expect(page.text).toContain('Indicateur');
  });
});
