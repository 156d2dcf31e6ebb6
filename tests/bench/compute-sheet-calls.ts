/**
 * `compute.sheet_calls`: data reads and writes of one computation run, through the built bundle over the emulation,
 * on the README's demo registry (the « aidants » framework fed with two waves of a Google Forms export). Target: each
 * source tab read once, each output tab written once.
 * `compute.service_calls`: every call to an Apps Script service the emulation counts in the second computation of that
 * registry — what « Calculer » costs in Google Sheets, where each call is a round trip and the arithmetic is free.
 */
import { readFileSync } from 'node:fs';
import { loadBundle } from '../../apps-script/local/bundle-runtime';
import { createEmptyWorkbook } from '../../apps-script/local/emulator';
import { toWire } from '../../apps-script/local/script-run-wire';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import type { Measure } from './run';

/** Outcomes, indicators, surveys, questions, values, one responses tab (Observations is empty here). */
const SOURCE_TABS = 6;
/** Valeurs, Tableau de bord, Contrôles, Graphiques, Journal. */
const OUTPUT_TABS = 5;

export async function benchComputeSheetCalls(): Promise<Measure[]> {
  const runtime = loadBundle({ model: createEmptyWorkbook(), code: readFileSync('dist/apps-script/Code.js', 'utf8') });
  const run = (fn: string, ...args: unknown[]) => toWire(runtime.entry(fn)(...(toWire(args) as unknown[]))) as never;
  run('configureRegistry', { lang: 'fr', template: 'aidants' });
  for (const wave of ['t0', 't1']) {
    const bytes = new Uint8Array(readFileSync(`tests/fixtures/demo/aidants-${wave}-google-forms.csv`));
    const { prepared, mapping } = prepareAsSuggested(bytes, run('getImportSetup', 'E1'));
    await runImport(prepared, { surveyId: 'E1', wave: wave.toUpperCase(), fileName: `${wave}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer(async (fn, arg) => run(fn, arg)));
  }
  runtime.services.calls.reset();
  run('computeRegistry');
  const first = runtime.services.calls.total();
  runtime.services.calls.reset();
  run('computeRegistry');
  const calls = runtime.services.calls;
  const reads = calls.get('Range.getValues');
  const writes = calls.get('Range.setValues');
  const busiest = Object.entries(calls.snapshot()).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, n]) => `${n} ${name}`).join(', ');
  return [
    { metric: 'compute.sheet_calls', value: reads + writes, unit: `data calls (${reads} getValues: ${SOURCE_TABS} source tabs and the header rows; ${writes} setValues for ${OUTPUT_TABS} output tabs)`, target: `${SOURCE_TABS + OUTPUT_TABS} data reads and writes, plus one header read per tab` },
    { metric: 'compute.service_calls', value: calls.total(), unit: `service calls in the second computation (first: ${first}; most: ${busiest})`, target: '<= 300, goal <= 100' },
  ];
}
