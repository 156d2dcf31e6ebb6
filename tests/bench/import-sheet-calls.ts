/**
 * `import.sheet_calls_per_10k_rows`: spreadsheet service calls (SpreadsheetApp, Spreadsheet, Sheet, Range, developer
 * metadata… — not Lock or Properties) made by the built bundle to import a generated 100,000-row export, over the
 * emulation in memory, through the same begin → chunks → finish the sidebar and the CLI use. Reported for 40 and 10
 * question columns: the per-10,000-row part must not grow with the columns; begin and finish are the constant part.
 */
import { readFileSync } from 'node:fs';
import { loadBundle } from '../../apps-script/local/bundle-runtime';
import { createEmptyWorkbook } from '../../apps-script/local/emulator';
import { toWire } from '../../apps-script/local/script-run-wire';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { prepareImport } from '../../shared/survey/import';
import { emptyMapping } from '../../shared/survey/mapping';
import { importServer, runImport, type ImportServer } from '../../shared/survey/mapping-run';

const ROWS = 100_000;
const NOT_SPREADSHEET = /^(LockService|Lock|PropertiesService|Properties|CacheService|Cache|Utilities|Blob|Session|User|ScriptApp|Service|Logger|ContentService|TextOutput|HtmlService|HtmlOutput|HtmlTemplate)\./;

/** A KoboToolbox-style export (`;`, `_uuid` ids): `questions` answer columns besides the id and the time. */
function generate(rows: number, questions: number): Uint8Array {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  const scale = ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours'];
  const headers = ['_uuid', '_submission_time', ...Array.from({ length: questions }, (_, k) => (k % 4 === 3 ? `bloc/commentaire_${k}` : k % 4 === 2 ? `bloc/age_${k}` : `bloc/frequence_${k}`))];
  const lines = [headers.join(';')];
  for (let i = 0; i < rows; i++) {
    const cells = [`3f2b6c1e-8a4d-4e2f-9b1a-${String(i).padStart(12, '0')}`, `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:12`];
    for (let k = 0; k < questions; k++) cells.push(k % 4 === 3 ? (rand(3) === 0 ? `Réponse libre ${i}-${k}` : '') : k % 4 === 2 ? String(60 + rand(40)) : scale[rand(5)]!);
    lines.push(cells.join(';'));
  }
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
}

function spreadsheetCalls(snapshot: Record<string, number>): number {
  return Object.entries(snapshot).reduce((n, [k, v]) => (NOT_SPREADSHEET.test(k) ? n : n + v), 0);
}

async function measure(questions: number): Promise<{ perTenK: number; writesPerTenK: number; constant: number; chunks: number }> {
  const code = readFileSync('dist/apps-script/Code.js', 'utf8');
  const runtime = loadBundle({ model: createEmptyWorkbook({ name: 'Bench' }), code, htmlDir: 'dist/apps-script' });
  const run = (fn: string, ...args: unknown[]) => toWire(runtime.entry(fn)(...(toWire(args) as unknown[])));
  run('configureRegistry', { lang: 'fr' });
  const bytes = generate(ROWS, questions);
  const prepared = prepareImport(bytes);
  if (prepared.problems.errors.length > 0) throw new Error(`bench export has errors: ${prepared.problems.errors[0]!.message}`);
  const calls = runtime.services.calls;
  const base = importServer(async (fn, arg) => run(fn, arg));
  let constant = 0;
  let chunkCalls = 0;
  let writes = 0;
  let chunks = 0;
  const counted = <K extends keyof ImportServer>(key: K, into: 'constant' | 'chunk'): ImportServer[K] =>
    (async (request: never) => {
      calls.reset();
      const answer = await (base[key] as (r: never) => Promise<unknown>)(request);
      const n = spreadsheetCalls(calls.snapshot());
      if (into === 'constant') constant += n;
      else {
        chunkCalls += n;
        writes += calls.get('Range.setValues');
        chunks++;
      }
      return answer;
    }) as ImportServer[K];
  const server: ImportServer = { begin: counted('begin', 'constant'), chunk: counted('chunk', 'chunk'), quotes: counted('quotes', 'constant'), finish: counted('finish', 'constant') };
  const result = await runImport(prepared, { surveyId: 'E1', wave: '2026-T1', fileName: 'export.csv', fileHash: sha256BytesHex(bytes), mapping: emptyMapping() }, server);
  if (!result.ok || result.inserted !== ROWS) throw new Error(`bench import failed: ${JSON.stringify(result).slice(0, 300)}`);
  return { perTenK: chunkCalls / (ROWS / 10_000), writesPerTenK: writes / (ROWS / 10_000), constant, chunks };
}

export async function benchImportSheetCalls(): Promise<Array<{ metric: string; value: number; unit: string; target: string }>> {
  const out: Array<{ metric: string; value: number; unit: string; target: string }> = [];
  for (const questions of [40, 10]) {
    const m = await measure(questions);
    const suffix = questions === 40 ? '' : `.${questions}_columns`;
    out.push(
      { metric: `import.sheet_calls_per_10k_rows${suffix}`, value: m.perTenK, unit: `calls per 10,000 rows (${questions} questions, ${m.chunks} chunks)`, target: '≤ 2 per 10,000 rows plus a constant (each chunk: its rows; its Journal line counts them by itself); the same for 10 and 40 columns' },
      { metric: `import.sheet_writes_per_10k_rows${suffix}`, value: m.writesPerTenK, unit: 'setValues per 10,000 rows', target: '≤ 2' },
      { metric: `import.sheet_calls_constant${suffix}`, value: m.constant, unit: 'calls (begin + finish)', target: 'does not grow with rows' },
    );
  }
  return out;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const m of await benchImportSheetCalls()) console.log(JSON.stringify(m));
}
