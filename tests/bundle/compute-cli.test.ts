// The README's demo through the real `repere` command: set up « aidants », import the two waves, `compute --json`.
// The JSON carries each figure's detail and the checks of each wave; no interval leaves its scale; no carer answering
// for themself is taken for a proxy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonFlag, SurveyCheck, ValueRow } from '../../shared/indicators/model';
import { repere } from './repere-command';

const dir = mkdtempSync(join(tmpdir(), 'repere-compute-cli-'));
const workbook = join(dir, 'demo.xlsx');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('repere compute --json on the README’s demo', () => {
  it('gives the values with their detail, the checks of each wave and the answer sheets to review', async () => {
    expect((await repere('setup', '--template', 'aidants', '--workbook', workbook)).code).toBe(0);
    for (const wave of ['T0', 'T1']) {
      const imported = await repere('import', `tests/fixtures/demo/aidants-${wave.toLowerCase()}-google-forms.csv`, '--survey', 'E1', '--wave', wave, '--workbook', workbook);
      expect(imported.code).toBe(0);
    }
    const { code, stdout } = await repere('compute', '--json', '--workbook', workbook);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { summary: string; values: ValueRow[]; surveyChecks: SurveyCheck[]; personFlags: PersonFlag[] };
    expect(out.summary).toMatch(/^14 indicateurs calculés/);
    expect(out.surveyChecks.map((c) => c.wave)).toEqual(['T0', 'T1']);
    expect(out.surveyChecks[1]!.flags.map((f) => f.code)).toContain('attrition');
    expect(out.personFlags.every((f) => f.who.startsWith('personne '))).toBe(true);

    const i3 = out.values.find((r) => r.indicator === 'I3' && r.period === 'T0' && r.segment === '')!;
    expect(i3.detail).toMatchObject({ k: 21, interval: 'Wilson' });
    // Only the answers « Quelqu'un d'autre a répondu à ma place » are left aside: 1 at T0, 2 at T1.
    const proxies = (period: string) => out.values.find((r) => r.indicator === 'I3' && r.period === period && r.segment === '')!.flags.find((f) => f.code === 'proxy_excluded')!.message;
    expect(proxies('T0')).toMatch(/^1 réponse sur 30 /);
    expect(proxies('T1')).toMatch(/^2 réponses sur 26 /);

    for (const row of out.values) {
      const bounds = row.detail.bounds ?? (row.detail.interval === 'Wilson' ? { min: 0, max: 100 } : null);
      if (bounds && row.low !== null) expect(row.low >= bounds.min && row.high! <= bounds.max, `${row.indicator} ${row.period} ${row.segment}`).toBe(true);
      if (row.n !== null && row.n < 11 && row.detail.change === undefined && row.value !== null && ['I3', 'I9', 'I11'].includes(row.indicator)) {
        expect([row.low, row.high, row.detail.intervalWithheld]).toEqual([null, null, true]);
      }
    }
  }, 60_000);
});
