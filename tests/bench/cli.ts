/**
 * cli.compute_vs_exceljs_roundtrip: `repere compute` on the README's demo workbook (« aidants » set up, then its two
 * demo imports), the whole process as a person runs it, divided by a Node process that only reads that workbook with
 * exceljs and writes it back, in the same run: medians of interleaved runs, after one warm-up run of each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Measure } from './run';

const RUNS = 5;
const REPERE = 'apps-script/local/bin/repere.mjs';

/** Runs one Node process to its end; its wall time in milliseconds. */
function timed(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} : ${run.stderr || run.stdout}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchCli(): Promise<Measure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-bench-cli-'));
  try {
    const workbook = join(dir, 'demo.xlsx');
    timed([REPERE, 'setup', '--template', 'aidants', '--workbook', workbook]);
    for (const wave of ['T0', 'T1']) {
      timed([REPERE, 'import', `tests/fixtures/demo/aidants-${wave.toLowerCase()}-google-forms.csv`, '--survey', 'E1', '--wave', wave, '--workbook', workbook]);
    }
    const compute = () => timed([REPERE, 'compute', '--workbook', workbook]);
    const roundtrip = () => timed(['tests/bench/exceljs-roundtrip.mjs', workbook, join(dir, 'copy.xlsx')]);
    compute();
    roundtrip();
    const computeMs: number[] = [];
    const roundtripMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      computeMs.push(compute());
      roundtripMs.push(roundtrip());
    }
    const [c, r] = [median(computeMs), median(roundtripMs)];
    return [
      {
        metric: 'cli.compute_vs_exceljs_roundtrip',
        value: Math.round((c / r) * 100) / 100,
        unit: `ratio (medians of ${RUNS}: repere compute ${Math.round(c)} ms, exceljs read + write ${Math.round(r)} ms)`,
        target: '<= 2',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
