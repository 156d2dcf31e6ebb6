/**
 * `npm run bench`: every measure, one JSON object per line ({"metric", "value", "unit", "target"}). Timings are ratios
 * against a baseline run in the same process, so they compare across machines; nothing here is asserted in tests.
 * Pass metric-name prefixes to run only some (`npm run bench -- compute`); a prefix that names no measure is an error.
 */
import { benchCli } from './cli';
import { benchCohort } from './cohort';
import { benchCompute } from './compute';
import { benchComputeSheetCalls } from './compute-sheet-calls';
import { benchExtension } from './extension';
import { benchImport } from './import';
import { benchImportCli } from './import-cli';
import { benchImportSheetCalls } from './import-sheet-calls';
import { benchImportXlsx } from './import-xlsx';
import { benchReport } from './report';

export interface Measure {
  metric: string;
  value: number;
  unit: string;
  target: string;
}

/** Each bench with the prefix every metric it reports starts with. */
const BENCHES: Array<[prefix: string, run: () => Promise<Measure[]>]> = [
  ['import.pipeline', benchImport],
  ['import.xlsx', benchImportXlsx],
  ['import.sheet_calls', benchImportSheetCalls],
  ['import.cli_rows_per_s', benchImportCli],
  ['compute.vs_single_pass', benchCompute],
  ['compute.sheet_calls', benchComputeSheetCalls],
  ['compute.service_calls', benchComputeSheetCalls],
  ['cli.compute_vs_exceljs_roundtrip', benchCli],
  ['extension', benchExtension],
  ['report', benchReport],
  ['cohort', benchCohort],
];

const wanted = process.argv.slice(2);
/** A bench runs when an argument starts its prefix (`compute`) or goes further into its metrics (`extension.ui_kb`). */
const matches = (prefix: string, w: string) => prefix.startsWith(w) || w.startsWith(prefix);
const names = BENCHES.map(([prefix]) => prefix).join(', ');

const unknown = wanted.filter((w) => !BENCHES.some(([prefix]) => matches(prefix, w)));
if (unknown.length > 0) {
  console.error(`Aucune mesure ne commence par ${unknown.map((w) => `« ${w} »`).join(', ')}. Mesures : ${names}.`);
  process.exit(1);
}

const printed = new Set<string>();
// A bench giving several measures is listed under each of their names, and run once.
const ran = new Set<() => Promise<Measure[]>>();
for (const [prefix, run] of BENCHES) {
  if (wanted.length > 0 && !wanted.some((w) => matches(prefix, w))) continue;
  if (ran.has(run)) continue;
  ran.add(run);
  for (const measure of await run()) {
    const hit = wanted.length === 0 ? '' : wanted.find((w) => measure.metric.startsWith(w) || w.startsWith(measure.metric) || prefix.startsWith(w));
    if (hit === undefined) continue;
    printed.add(hit);
    console.log(JSON.stringify(measure));
  }
}
const silent = wanted.filter((w) => !printed.has(w));
if (silent.length > 0) {
  console.error(`Aucune mesure ne s’appelle ${silent.map((w) => `« ${w} »`).join(', ')}. Mesures : ${names}.`);
  process.exit(1);
}
