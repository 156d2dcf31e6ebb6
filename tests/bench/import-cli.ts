/**
 * import.cli_rows_per_s: `repere import` of a generated 200,000-row KoboToolbox-style export (12 columns, ~38 MB) into
 * a freshly set-up local workbook, the whole process as a person runs it (read, type, check, write in chunks, save
 * now and then and at the end): answers imported per second of wall time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateExport } from './import';
import type { Measure } from './run';

const ROWS = 200_000;
const REPERE = 'apps-script/local/bin/repere.mjs';

function repere(args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [REPERE, ...args], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`repere ${args.join(' ')} : ${run.stderr || run.stdout}`);
  return { ms, stdout: run.stdout };
}

export async function benchImportCli(): Promise<Measure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-bench-import-'));
  try {
    const file = join(dir, 'export-kobo.csv');
    writeFileSync(file, generateExport(ROWS, true, 12));
    const workbook = join(dir, 'registre.xlsx');
    repere(['setup', '--workbook', workbook]);
    const { ms, stdout } = repere(['import', file, '--survey', 'E1', '--workbook', workbook]);
    if (!stdout.includes(`${ROWS} nouvelles réponses`)) throw new Error(`import incomplet : ${stdout}`);
    return [
      {
        metric: 'import.cli_rows_per_s',
        value: Math.round(ROWS / (ms / 1000)),
        unit: `answers per second (repere import of ${ROWS} answers × 12 columns, whole process: ${Math.round(ms / 100) / 10} s)`,
        target: '>= 2000',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
