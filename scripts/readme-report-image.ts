/**
 * Makes docs/rapport-une-page.png, the image of a report the README shows: the README's demo (two waves of carers),
 * with three quotes sent as the extension sends them, the evaluative question and a decision written, then « L’essentiel
 * en une page » for funders, printed by Chromium and its page taken as a PNG by pdftoppm (poppler-utils).
 * Run: npx tsx scripts/readme-report-image.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printPdf } from '../apps-script/local/print-pdf';
import { makeDemoWorkbook } from '../tests/bundle/demo-workbook';

const OUT = 'docs/rapport-une-page';

const quote = (n: number, text: string, tags: string[], consent: string, scope: string) => ({
  id: `8b1c2a3b-4d5e-4f60-8a7b-${String(n).padStart(12, '0')}`, createdAt: `2026-0${n + 3}-20T09:00:00.000Z`, updatedAt: `2026-0${n + 3}-20T09:00:00.000Z`,
  kind: 'citation', tags, stakeholder: 'aidants', text, consent, scope,
});

const dir = mkdtempSync(join(tmpdir(), 'repere-readme-'));
try {
  const registry = await makeDemoWorkbook(join(dir, 'demo.xlsx'));
  const { code } = (await registry.callOrThrow('getConnectionCode', [])) as { code: string };
  const token = code.slice('repere1:'.length).split('@')[0]!;
  const records = [
    quote(1, 'Depuis que ma mère va à l’accueil de jour le mardi, je dors enfin une nuit complète.', ['C3'], 'obtenu', 'financeurs'),
    quote(2, 'Le samedi, je peux enfin aller marcher.', ['C2'], 'obtenu', 'public'),
    quote(3, 'Je ne l’ai dit qu’à l’équipe.', ['C3'], 'non obtenu', 'public'),
  ];
  const reply = await registry.doPost(JSON.stringify({ v: 1, op: 'putObservations', token, records }), 'text/plain');
  if (!reply.includes('"ok":true')) throw new Error(reply);
  await registry.callOrThrow('saveApproach', [{ question: 'Les aidants que nous accompagnons arrivent-ils à souffler, et se sentent-ils moins seuls ?', promise: 'I7 et I11' }]);
  await registry.callOrThrow('addDecision', [{ date: '2026-10-02', subject: 'C2', learnt: 'Le répit manque le week-end.', change: 'Ouvrir l’accueil le samedi matin.', who: 'Coordinatrice', status: 'en cours' }]);
  const made = (await registry.callOrThrow('generateReportFile', [{ document: 'une-page', audience: 'funders' }])) as { html: string };
  const { pdf } = await printPdf(made.html);
  writeFileSync(join(dir, 'une-page.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', join(dir, 'une-page.pdf'), OUT]);
  console.log(`${OUT}.png`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
