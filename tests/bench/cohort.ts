/**
 * `cohort.rollup_ms`: pooling what 500 members published for 40 shared indicators × 8 periods × 3 groups (480,000
 * rows of « Agrégats reçus »): the rows parsed from the tab's values as the server reads them, grouped, pooled
 * (counts added, Wilson, clustering, members' quartiles, random effects), worded for « Tableau de cohorte » and
 * charted. `cohort.vs_single_pass`: that time divided by one plain pass reading and adding every cell of the same rows.
 * `cohort.sheet_calls`: data reads and writes of the cohort's computation through the built bundle, at 16 and at 64
 * members: one read per tab it needs, one write per output tab, whatever the number of rows.
 */
import { readFileSync } from 'node:fs';
import { loadBundle } from '../../apps-script/local/bundle-runtime';
import { createEmptyWorkbook } from '../../apps-script/local/emulator';
import { toWire } from '../../apps-script/local/script-run-wire';
import { cohortCharts } from '../../shared/cohort/charts';
import { dashboardLines } from '../../shared/cohort/dashboard';
import { poolCohort, type CohortDefinition } from '../../shared/cohort/pooling';
import { COHORT_TABS } from '../../shared/contract/tabs';
import { sortedQuantile } from '../../shared/stats/pooling';
import type { Measure } from './run';

const MEMBERS = 500;
const INDICATORS = 40;
const PERIODS = ['2025-T1', '2025-T2', '2025-T3', '2025-T4', '2026-T1', '2026-T2', '2026-T3', '2026-T4'];
const SEGMENTS = ['', 'type de répondant = lui-même', 'type de répondant = pour autrui'];
/** Full runs of each before measuring, then measured runs of each, in turns. */
const WARM_UP = 4;
const ROUNDS = 9;
const COLUMNS = COHORT_TABS.find((t) => t.key === 'receivedAggregates')!.columns.map((c) => c.key);

/** Rows as getValues returns them (one array of cells per sheet row, in the tab's column order). */
function receivedValues(members: number, indicators: number, periods: readonly string[], prints: readonly string[]): unknown[][] {
  let seed = 11;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  const at = new Date('2026-06-01T10:00:00Z');
  const rows: unknown[][] = [];
  for (let m = 1; m <= members; m++) {
    const member = `S${String(m).padStart(3, '0')}`;
    for (let i = 1; i <= indicators; i++) {
      const measure = i % 10 === 0 ? 'évolution' : i % 3 === 0 ? 'moyenne' : 'proportion';
      for (const period of periods) {
        for (const segment of SEGMENTS) {
          const n = segment === '' ? 30 + rand(60) : 5 + rand(40);
          const hidden = n < 11 || rand(10) === 0;
          const k = Math.round(n * (0.3 + rand(50) / 100));
          const cells: Record<string, unknown> = {
            member, indicator: `I${i}`, version: 1, definition: prints[(i - 1) % prints.length], period, before: measure === 'évolution' ? 'T0' : '', segment,
            changeKind: measure === 'évolution' ? 'score' : '', measure, suppressed: hidden ? '< 11' : '', publication: 'f'.repeat(64), generatedAt: at, receivedAt: at,
          };
          if (!hidden) {
            Object.assign(cells, { n, value: measure === 'proportion' ? (100 * k) / n : 4 + rand(30) / 10 });
            if (measure === 'proportion') cells['k'] = k;
            if (measure === 'moyenne') Object.assign(cells, { sum: 5 * n, sumSquares: 30 * n });
            if (measure === 'évolution') Object.assign(cells, { value: rand(20) - 5, low: -10, high: 15 });
            else Object.assign(cells, { low: 10, high: 90 });
          }
          rows.push(COLUMNS.map((key) => cells[key] ?? ''));
        }
      }
    }
  }
  return rows;
}

/** The process's CPU time for a run, in ms: unlike the wall clock, it does not count the time other work had the CPU. */
function cpu(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: readonly number[]): number => sortedQuantile(Float64Array.from(xs).sort(), 0.5)!;

const POSITIONS = new Map(COLUMNS.map((key, i) => [key, i]));

/** What the server does with the tab's values: the rows parsed, pooled, worded for the dashboard, charted. */
function rollup(values: readonly unknown[][], definitions: readonly CohortDefinition[], members: number): number {
  const pooling = poolCohort(definitions, { values, columns: POSITIONS });
  return dashboardLines(pooling.figures, definitions, members).length + cohortCharts(definitions, pooling).length;
}

/** The baseline: every cell read once and added up (numbers as such, text by its length). */
function singlePass(values: readonly unknown[][]): number {
  let sum = 0;
  for (const line of values) {
    for (const v of line) {
      if (typeof v === 'number') sum += v;
      else if (typeof v === 'string') sum += v.length;
    }
  }
  return sum;
}

function sheetCalls(members: number): { reads: number; writes: number; rows: number } {
  const runtime = loadBundle({ model: createEmptyWorkbook({ name: 'Coordination' }), code: readFileSync('dist/apps-script/Code.js', 'utf8'), webAppUrl: 'https://script.google.com/macros/s/X/exec' });
  const run = (fn: string, ...args: unknown[]) => toWire(runtime.entry(fn)(...(toWire(args) as unknown[]))) as never;
  run('configureCohort', { lang: 'fr', template: 'aidants' });
  for (let m = 1; m <= members; m++) run('inviteCohortMember', { name: `Structure ${m}` });
  const ss = runtime.services.globals.SpreadsheetApp.getActiveSpreadsheet();
  const shared = ss.getSheetByName('Indicateurs partagés')!;
  const header = shared.getRange(1, 1, 1, shared.getLastColumn()).getValues()[0]!.map(String);
  const prints = shared.getRange(2, header.indexOf('Empreinte') + 1, shared.getLastRow() - 1, 1).getValues().map((r) => String(r[0]));
  const values = receivedValues(members, prints.length, ['T0', 'T1'], prints);
  const received = ss.getSheetByName('Agrégats reçus')!;
  received.insertRowsAfter(received.getMaxRows(), values.length);
  received.getRange(2, 1, values.length, COLUMNS.length).setValues(values as never);
  runtime.services.calls.reset();
  run('computeCohort');
  const calls = runtime.services.calls;
  return { reads: calls.get('Range.getValues'), writes: calls.get('Range.setValues'), rows: values.length };
}

export async function benchCohort(): Promise<Measure[]> {
  const definitions: CohortDefinition[] = Array.from({ length: INDICATORS }, (_, i) => ({
    code: `I${i + 1}`, name: `Indicateur partagé ${i + 1}`, unit: '%', who: 'aidants', version: 1, history: { '1': 'a'.repeat(16) },
  }));
  const values = receivedValues(MEMBERS, INDICATORS, PERIODS, ['a'.repeat(16)]);
  // Both warmed first, then measured in turns and the median of each kept: on a machine shared with other work, neither
  // gets the quiet moments, and a rare collection of the whole heap (hundreds of thousands of rows held) does not decide
  // the figure. The plain pass is first run often on a few rows: run only a few times on all of them, the JIT may keep
  // the code it compiled in the middle of the first long loop, twice as slow, for the whole process (50 or 90 ms).
  const sample = values.slice(0, 2_000);
  for (let round = 0; round < 500; round++) singlePass(sample);
  for (let round = 0; round < WARM_UP; round++) {
    singlePass(values);
    rollup(values, definitions, MEMBERS);
  }
  const plainTimes: number[] = [];
  const pooledTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    plainTimes.push(cpu(() => singlePass(values)));
    pooledTimes.push(cpu(() => rollup(values, definitions, MEMBERS)));
  }
  const plain = median(plainTimes);
  const pooled = median(pooledTimes);
  const small = sheetCalls(16);
  const large = sheetCalls(64);
  const constant = small.reads === large.reads && small.writes === large.writes;
  return [
    { metric: 'cohort.rollup_ms', value: Math.round(pooled), unit: `ms of CPU for ${values.length.toLocaleString('en')} rows (${MEMBERS} members × ${INDICATORS} indicators × ${PERIODS.length} periods × ${SEGMENTS.length} groups), pooled, worded and charted`, target: 'information (see cohort.vs_single_pass)' },
    { metric: 'cohort.vs_single_pass', value: Math.round((pooled / plain) * 100) / 100, unit: `× one plain pass reading and adding every cell of the same rows (${Math.round(plain)} ms of CPU)`, target: '<= 3' },
    {
      metric: 'cohort.sheet_calls', value: large.reads + large.writes,
      unit: `data calls of one cohort computation at 64 members (${large.rows} rows: ${large.reads} getValues, ${large.writes} setValues); at 16 members (${small.rows} rows): ${small.reads + small.writes}`,
      target: `constant whatever the rows (${constant ? 'yes' : 'NO'}): one read per tab read (shared set, Changements, Enquêtes, Questions, Membres, Agrégats reçus, and header rows), one write per output tab`,
    },
  ];
}
