/**
 * `compute.sheet_calls`: data reads and writes of one computation run, through the built bundle over the emulation,
 * on the « aidants » framework fed with two waves of a Google Forms export. Target: each source tab read once, each
 * output tab written once.
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
  run('computeRegistry');
  runtime.services.calls.reset();
  run('computeRegistry');
  const reads = runtime.services.calls.get('Range.getValues');
  const writes = runtime.services.calls.get('Range.setValues');
  return [
    { metric: 'compute.sheet_calls', value: reads + writes, unit: `data calls (${reads} getValues for ${SOURCE_TABS} source tabs, ${writes} setValues for ${OUTPUT_TABS} output tabs)`, target: `${SOURCE_TABS + OUTPUT_TABS}: each source tab read once, each output tab written once` },
  ];
}
