// The paper questionnaire and the interview guide printed by Chromium, as the local mode prints them, in normal and
// large print, for surveys of each kind (self-completed, interviewed, a grid): nothing runs off the A4 page, and every
// question is on paper.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allQuestions } from '../../shared/questionnaire/instrument';
import { interviewGuide } from '../../shared/questionnaire/guide';
import { paperQuestionnaire } from '../../shared/questionnaire/paper';
import { printOn } from '../../apps-script/local/print-pdf';
import { templateInstrument } from '../unit/questionnaire/helpers';
import { launchChromium, type LaunchedChromium } from './harness/chromium';
import { overflowing } from './harness/overflow';

/** A4 (210 mm) less the 14 mm side margins of the documents' @page, in CSS pixels. */
const PRINT_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);
const A4_WIDTH_PT = 595;
const SIDE_MARGIN_PT = (14 / 25.4) * 72;

/**
 * What the PDF, read back by poppler, shows wrongly: words outside the side margins, and expected texts missing
 * (Chromium clips what runs past the page instead of wrapping it).
 */
function printedProblems(pdf: Uint8Array, dir: string, expected: readonly string[]): string[] {
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, pdf);
  const out: string[] = [];
  const boxes = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  for (const m of boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (Number(m[1]) < SIDE_MARGIN_PT - 1 || Number(m[2]) > A4_WIDTH_PT - SIDE_MARGIN_PT + 1) out.push(`hors marge : ${m[3]}`);
  }
  // A line may break after a hyphen (« avez- / vous »): compared without the break.
  const flat = (text: string) => text.replace(/-\s+/g, '-').replace(/\s+/g, ' ').trim();
  const printed = flat(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }));
  for (const text of expected) if (!printed.includes(flat(text))) out.push(`absent : ${text}`);
  return out;
}

describe('printing the questionnaires', () => {
  let browser: LaunchedChromium;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: PRINT_WIDTH, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    dir = mkdtempSync(join(tmpdir(), 'repere-print-'));
  });
  /** Printed as `repere questionnaire --format pdf` prints, in a page of this test's browser (one launch, not 13). */
  async function printPdf(html: string): Promise<{ pdf: Uint8Array; pages: number }> {
    const printing = await browser.context.newPage();
    try {
      return await printOn(printing, html);
    } finally {
      await printing.close();
    }
  }
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('would see a line running off the page (the checks can fail)', async () => {
    const html = `<!DOCTYPE html><html><head><style>@page { size: A4; margin: 16mm 14mm; }</style></head><body><p style="white-space: nowrap">${'Pas du tout d’accord '.repeat(12)}</p></body></html>`;
    await page.setContent(html);
    expect((await overflowing(page)).length).toBeGreaterThan(0);
    expect(printedProblems((await printPdf(html)).pdf, dir, ['Pas du tout d’accord '.repeat(12)])).toEqual([expect.stringMatching(/^absent : /)]);
  });

  const cases = [
    ['aidants', 'E1'],
    ['bien-vieillir', 'E1'],
    ['generique', 'E2'],
  ] as const;
  for (const [template, survey] of cases) {
    for (const largePrint of [false, true]) {
      it(`${template} ${survey}${largePrint ? ', large print' : ''}: the paper questionnaire and the guide stay inside the page`, async () => {
        const instrument = templateInstrument(template, survey, 'T0');
        // Every question is on the paper questionnaire; the guide's topics are the outcomes' questions.
        const labels = allQuestions(instrument).map((q) => q.label);
        const topics = instrument.outcomes.flatMap((o) => o.questions);
        for (const [html, expected] of [[paperQuestionnaire(instrument, { largePrint }), labels], [interviewGuide(instrument, { largePrint }), topics]] as const) {
          await page.setContent(html);
          expect(await overflowing(page)).toEqual([]);
          const { pdf, pages } = await printPdf(html);
          expect(pages).toBeGreaterThan(1);
          expect(printedProblems(pdf, dir, expected)).toEqual([]);
        }
      });
    }
  }
});
