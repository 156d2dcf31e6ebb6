/**
 * import.pipeline_vs_papaparse: the survey pipeline (decode, parse, type, validate, key) on a generated
 * 100,000 × 40 KoboToolbox-style export, against papaparse alone parsing the same bytes, in the same run.
 * Also reports the fingerprint-keyed variant (a generic export without response ids) as information.
 */
import Papa from 'papaparse';
import { prepareImport } from '../../shared/survey/import';

const ROWS = 100_000;
const COLUMNS = 40;

const COMMUNES = ['Aurillac', 'Saint-Flour', 'Murat', 'Massiac', 'Ytrac', 'Arpajon-sur-Cère'];
const FREQUENCY = ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours', 'NSP'];
const AGREE = ['Pas du tout d’accord', 'Plutôt pas d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];
const SERVICES = ['menage', 'repas', 'courses', 'toilette'];

/** A deterministic export: ids and times, choices, scales, numbers with French decimals, multiple choices, free text. */
export function generateExport(rows: number, withIds: boolean): Uint8Array {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  const headers: string[] = [];
  const makers: Array<(i: number) => string> = [];
  const add = (header: string, make: (i: number) => string) => {
    headers.push(header);
    makers.push(make);
  };
  if (withIds) {
    add('_uuid', (i) => `3f2b6c1e-8a4d-4e2f-9b1a-${String(i).padStart(12, '0')}`);
    add('_submission_time', (i) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:12`);
  } else {
    add('Horodatage', (i) => `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/2026 09:${String(i % 60).padStart(2, '0')}:12`);
    add('Saisi par', () => ['Amina', 'Luc', 'Chantal'][rand(3)]!);
  }
  add('identification/commune', () => COMMUNES[rand(COMMUNES.length)]!);
  add('identification/age', () => String(60 + rand(40)));
  add('aide/heures', () => `${rand(30)},${rand(10)}`);
  add('aide/services', () => SERVICES.filter(() => rand(2) === 1).join(' '));
  for (let k = 0; headers.length < COLUMNS - 6; k++) add(`bien_etre/frequence_${k}`, () => FREQUENCY[rand(FREQUENCY.length)]!);
  for (let k = 0; k < 3; k++) add(`bien_etre/accord_${k}`, () => AGREE[rand(AGREE.length)]!);
  add('bien_etre/note', () => String(1 + rand(5)));
  add('commentaire', (i) => (rand(3) === 0 ? `Réponse libre n° ${i}, « ${COMMUNES[rand(6)]} »` : ''));
  add('_index', (i) => String(i + 1));
  const lines = [headers.map((h) => `"${h}"`).join(';')];
  for (let i = 0; i < rows; i++) lines.push(makers.map((make) => `"${make(i).replace(/"/g, '""')}"`).join(';'));
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
}

/** The process's CPU time for a run, in ms: unlike the wall clock, it does not count the time other work had the CPU. */
function time(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Baseline and pipeline run in turns, five times each, and the least CPU time of each is kept: on a machine shared
 * with other work, neither is favoured by a quiet moment.
 */
function ratio(bytes: Uint8Array): number {
  // The baseline is the least work any import must do: decode with Node's native decoder and let papaparse parse.
  let baseline = Infinity;
  let pipeline = Infinity;
  for (let round = 0; round < 5; round++) {
    baseline = Math.min(baseline, time(() => Papa.parse(new TextDecoder().decode(bytes), { delimiter: '' })));
    pipeline = Math.min(pipeline, time(() => prepareImport(bytes)));
  }
  return Math.round((pipeline / baseline) * 100) / 100;
}

export async function benchImport(): Promise<Array<{ metric: string; value: number; unit: string; target: string }>> {
  return [
    { metric: 'import.pipeline_vs_papaparse', value: ratio(generateExport(ROWS, true)), unit: 'ratio', target: '<= 3' },
    { metric: 'import.pipeline_vs_papaparse_fingerprinted', value: ratio(generateExport(ROWS, false)), unit: 'ratio', target: 'information (no tool id: one SHA-256 per row)' },
  ];
}
