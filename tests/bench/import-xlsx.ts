/**
 * import.xlsx_vs_exceljs: a 100,000 × 40 .xlsx (shared strings, date and number cells, as Excel and the survey tools
 * write it) read to typed rows by Repère's pipeline (unzip, sheet, types, keys: prepareImport), against exceljs alone
 * streaming the same file to row values, in the same run. Also reports the sidebar's part of it (the file's rows only).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { prepareImport } from '../../shared/survey/import';
import { readSurveyFile } from '../../shared/survey/read-file';

const ROWS = 100_000;
const COLUMNS = 40;

const COMMUNES = ['Aurillac', 'Saint-Flour', 'Murat', 'Massiac', 'Ytrac', 'Arpajon-sur-Cère'];
const FREQUENCY = ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours', 'NSP'];
const AGREE = ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];

/** A KoboToolbox-style export written by exceljs's streaming writer: ids, a date-time cell, numbers, choices, text. */
async function writeExport(path: string): Promise<void> {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('Réponses');
  const headers = ['_uuid', '_submission_time', 'identification/commune', 'identification/age', 'aide/heures'];
  while (headers.length < COLUMNS - 5) headers.push(`bien_etre/frequence_${headers.length}`);
  headers.push('bien_etre/accord_0', 'bien_etre/accord_1', 'bien_etre/note', 'commentaire', '_index');
  sheet.columns = headers.map((header, i) => ({ header, key: String(i), ...(i === 1 && { style: { numFmt: 'dd/mm/yyyy hh:mm:ss' } }) }));
  for (let i = 0; i < ROWS; i++) {
    const row: Array<string | number | Date> = [
      `3f2b6c1e-8a4d-4e2f-9b1a-${String(i).padStart(12, '0')}`,
      new Date(Date.UTC(2026, i % 12, 1 + (i % 28), 9, i % 60, 12)),
      COMMUNES[rand(COMMUNES.length)]!,
      60 + rand(40),
      rand(300) / 10,
    ];
    while (row.length < COLUMNS - 5) row.push(FREQUENCY[rand(FREQUENCY.length)]!);
    row.push(AGREE[rand(AGREE.length)]!, AGREE[rand(AGREE.length)]!, 1 + rand(5), rand(3) === 0 ? `Réponse libre n° ${i}, « ${COMMUNES[rand(6)]} »` : '', i + 1);
    sheet.addRow(row).commit();
  }
  sheet.commit();
  await book.commit();
}

/** exceljs's fastest reading: its streaming reader, every row to its values (dates as Date, numbers as numbers). */
async function exceljsRows(path: string): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) cells += (row.values as unknown[]).length;
  }
  return cells;
}

async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function benchImportXlsx(): Promise<Array<{ metric: string; value: number; unit: string; target: string }>> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-bench-xlsx-'));
  try {
    const path = join(dir, 'export.xlsx');
    await writeExport(path);
    const bytes = new Uint8Array(readFileSync(path));
    const check = prepareImport(bytes);
    if (check.keys.length !== ROWS || check.problems.errors.length > 0) throw new Error(`bench export read wrong: ${check.keys.length} rows, ${check.problems.errors[0]?.message ?? ''}`);
    const baseline = Math.min(await timed(() => exceljsRows(path)), await timed(() => exceljsRows(path)));
    const pipeline = Math.min(await timed(() => prepareImport(bytes)), await timed(() => prepareImport(bytes)));
    const rows = Math.min(await timed(() => readSurveyFile(bytes)), await timed(() => readSurveyFile(bytes)));
    return [
      { metric: 'import.xlsx_vs_exceljs', value: Math.round((pipeline / baseline) * 100) / 100, unit: 'ratio', target: '<= 2 (100,000 × 40 .xlsx to typed rows, against exceljs streaming the same file)' },
      { metric: 'import.xlsx_rows_vs_exceljs', value: Math.round((rows / baseline) * 100) / 100, unit: 'ratio', target: 'information (the file to rows of text, before typing)' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
