/**
 * Prints a self-contained HTML document to PDF with the computer's Chromium (through playwright-core): A4 from the
 * page's own CSS, backgrounds kept, tagged and outlined for screen readers, page numbers at the foot.
 */
import type { Page } from 'playwright-core';
import { findChromium } from './chromium';
import { UserError } from './user-error';

function noChromium(instead: string): string {
  const where = process.env.CHROME_PATH ? `Chromium est introuvable à « ${process.env.CHROME_PATH} » (variable CHROME_PATH)` : 'Chromium est introuvable';
  return `${where} : il sert à imprimer en PDF. Installez-le (Debian/Ubuntu : sudo apt-get install chromium) ou corrigez CHROME_PATH, puis relancez. Sinon, ${instead}`;
}

/** `instead`: what the person can do without Chromium, in the words of the command that prints. */
export async function printPdf(html: string, instead = 'demandez --format html et imprimez la page depuis votre navigateur.'): Promise<{ pdf: Uint8Array; pages: number }> {
  const executablePath = findChromium();
  if (!executablePath) throw new UserError(noChromium(instead));
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new UserError('L’impression en PDF a besoin du paquet playwright-core : lancez « npm install » dans le dossier de Repère, puis relancez.');
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    return await printOn(await browser.newPage(), html);
  } finally {
    await browser.close();
  }
}

/** Prints `html` with a Chromium page already open (tests print many documents with one browser). */
export async function printOn(page: Page, html: string): Promise<{ pdf: Uint8Array; pages: number }> {
  // The document loads nothing from elsewhere: any request would be a defect, so none is allowed.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
  });
  const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  return { pdf: new Uint8Array(pdf), pages };
}
