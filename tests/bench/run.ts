/**
 * `npm run bench`: every measure, one JSON object per line ({"metric", "value", "unit", "target"}). Timings are ratios
 * against a baseline run in the same process, so they compare across machines; nothing here is asserted in tests.
 * Pass metric-name prefixes to run only some (`npm run bench -- compute`).
 */
import { benchCompute } from './compute';
import { benchComputeSheetCalls } from './compute-sheet-calls';
import { benchExtension } from './extension';
import { benchImport } from './import';
import { benchImportSheetCalls } from './import-sheet-calls';

export interface Measure {
  metric: string;
  value: number;
  unit: string;
  target: string;
}

const BENCHES: Array<[prefix: string, run: () => Promise<Measure[]>]> = [
  ['import.pipeline', benchImport],
  ['import.sheet_calls', benchImportSheetCalls],
  ['compute.vs_single_pass', benchCompute],
  ['compute.sheet_calls', benchComputeSheetCalls],
  ['extension', benchExtension],
];

const wanted = process.argv.slice(2);
for (const [prefix, run] of BENCHES) {
  if (wanted.length > 0 && !wanted.some((w) => prefix.startsWith(w))) continue;
  for (const measure of await run()) console.log(JSON.stringify(measure));
}
