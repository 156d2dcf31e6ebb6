import { beforeEach, describe, expect, it } from 'vitest';
import { observationRecord } from '../observation-records';
import { succeeded, testRegistry, WEB_APP_URL, type TestRegistry } from './runtime';

const observation = observationRecord;

function column(registry: TestRegistry, tab: string, header: string): unknown[] {
  const [headers = [], ...rows] = registry.tab(tab);
  const index = headers.indexOf(header);
  expect(index, `column « ${header} »`).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r[index]);
}

describe('the collector (doPost of the built bundle)', () => {
  let registry: TestRegistry;
  let token: string;

  beforeEach(() => {
    registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr' });
    const code = registry.run('getConnectionCode');
    expect(code).toMatchObject({ ok: true, endpoint: WEB_APP_URL });
    token = succeeded(code).code.slice('repere1:'.length).split('@')[0]!;
  });

  it('keeps only a hash of the secret in the registry’s script properties', () => {
    const scriptProps = JSON.stringify(registry.model.properties.script);
    expect(scriptProps).not.toContain(token);
    expect(scriptProps).toMatch(/[0-9a-f]{64}/);
  });

  it('answers JSON to everything, even to a body that is not JSON or a missing event', () => {
    expect(registry.post('<html>')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(registry.post({ v: 1, op: 'ping', token })).toMatchObject({ ok: true, code: 'ok', registry: 'Registre test' });
    const output = registry.services.describeOutput(registry.entry('doPost')(undefined));
    expect(JSON.parse(output!.content)).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('refuses a wrong secret without writing anything', () => {
    const answer = registry.post({ v: 1, op: 'putObservations', token: 'a'.repeat(64), records: [observation(1)] });
    expect(answer).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(answer.message).toMatch(/panneau Repère/);
    expect(registry.tab('observations')).toHaveLength(1);
  });

  it('writes a batch once: resending adds nothing, and the batch is one write whatever its size', () => {
    registry.services.calls.reset();
    const first = registry.post({ v: 1, op: 'putObservations', token, records: [observation(1)] });
    const oneRecordWrites = registry.services.calls.get('Range.setValues');
    expect(first).toMatchObject({ ok: true, accepted: [observation(1).id], duplicates: [], rejected: [] });

    registry.services.calls.reset();
    const fifty = Array.from({ length: 50 }, (_, i) => observation(100 + i));
    expect(registry.post({ v: 1, op: 'putObservations', token, records: fifty }).accepted).toHaveLength(50);
    expect(registry.services.calls.get('Range.setValues')).toBe(oneRecordWrites);

    const again = registry.post({ v: 1, op: 'putObservations', token, records: [observation(1), observation(1)] });
    expect(again).toMatchObject({ ok: true, accepted: [], duplicates: [observation(1).id, observation(1).id] });
    expect(column(registry, 'observations', 'Identifiant').filter((id) => id === observation(1).id)).toHaveLength(1);
  });

  it('updates the row of an observation edited after it was synced, and only that row', () => {
    registry.post({ v: 1, op: 'putObservations', token, records: [observation(1), observation(2)] });
    const edited = observation(1, { text: 'Texte corrigé', updatedAt: '2026-11-27T10:00:00.000Z' });
    expect(registry.post({ v: 1, op: 'putObservations', token, records: [edited] })).toMatchObject({ accepted: [edited.id] });
    expect(column(registry, 'observations', 'Texte')).toEqual(['Texte corrigé', observation(2).text]);
  });

  it('compares edit times as instants, whatever their zone: an older edit never overwrites a newer one', () => {
    // 10:00+02:00 is 08:00Z: older than 09:00Z, although it sorts after it as text.
    registry.post({ v: 1, op: 'putObservations', token, records: [observation(1, { text: 'Version de 9 h UTC', updatedAt: '2026-11-27T09:00:00Z' })] });
    const older = observation(1, { text: 'Version de 8 h UTC', updatedAt: '2026-11-27T10:00:00+02:00' });
    expect(registry.post({ v: 1, op: 'putObservations', token, records: [older] })).toMatchObject({ accepted: [], duplicates: [older.id] });
    expect(column(registry, 'observations', 'Texte')).toEqual(['Version de 9 h UTC']);
    const newer = observation(1, { text: 'Version de 9 h 30 UTC', updatedAt: '2026-11-27T11:30:00+02:00' });
    expect(registry.post({ v: 1, op: 'putObservations', token, records: [newer] })).toMatchObject({ accepted: [newer.id] });
    expect(column(registry, 'observations', 'Texte')).toEqual(['Version de 9 h 30 UTC']);
  });

  it('keeps the newest version when one batch holds several versions of an observation', () => {
    const v1 = observation(1, { text: 'Première version', updatedAt: '2026-11-27T09:00:00Z' });
    const v2 = observation(1, { text: 'Deuxième version', updatedAt: '2026-11-27T09:05:00Z' });
    const v3 = observation(2, { text: 'Autre, ancienne', updatedAt: '2026-11-27T09:00:00Z' });
    const v4 = observation(2, { text: 'Autre, récente', updatedAt: '2026-11-27T12:00:00+02:00' });
    const answer = registry.post({ v: 1, op: 'putObservations', token, records: [v2, v1, v3, v4] });
    expect(answer).toMatchObject({ ok: true, accepted: [v1.id, v3.id], duplicates: [v1.id, v3.id] });
    expect(column(registry, 'observations', 'Texte')).toEqual(['Deuxième version', 'Autre, récente']);
    registry.post({ v: 1, op: 'putObservations', token, records: [v1, v2] });
    expect(column(registry, 'observations', 'Texte')).toEqual(['Deuxième version', 'Autre, récente']);
  });

  it('keeps the date of the fact, sent by the extension, as a date in « Date du fait »', () => {
    registry.post({ v: 1, op: 'putObservations', token, records: [observation(1, { factDate: '2026-11-20' })] });
    const [date] = column(registry, 'observations', 'Date du fait') as Date[];
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect([date!.getFullYear(), date!.getMonth() + 1, date!.getDate()]).toEqual([2026, 11, 20]);
  });

  it('rejects an invalid record alone, with its id and a French reason', () => {
    const answer = registry.post({ v: 1, op: 'putObservations', token, records: [observation(1), { ...observation(2), kind: 'rumeur' }] });
    expect(answer.accepted).toEqual([observation(1).id]);
    expect(answer.rejected).toEqual([{ id: observation(2).id, code: 'invalid_record', message: expect.stringContaining('« kind »') }]);
  });

  it('stores page text that looks like a formula as text', () => {
    registry.post({ v: 1, op: 'putObservations', token, records: [observation(1, { text: '=IMPORTXML("http://x", "//a")' })] });
    const sheet = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Observations')!;
    const texts = column(registry, 'observations', 'Texte');
    expect(texts).toEqual(['=IMPORTXML("http://x", "//a")']);
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('says it is busy, writing nothing, when another execution holds the lock', () => {
    registry.services.locks.holdByOther('script');
    expect(registry.post({ v: 1, op: 'putObservations', token, records: [observation(1)] })).toMatchObject({ ok: false, code: 'busy' });
    registry.services.locks.releaseOther('script');
    expect(registry.tab('observations')).toHaveLength(1);
  });

  it('caps the rate of requests per minute', () => {
    const answers = Array.from({ length: 125 }, () => registry.post({ v: 1, op: 'ping', token }).code);
    expect(answers.slice(0, 120).every((c) => c === 'ok')).toBe(true);
    expect(answers.at(-1)).toBe('rate_limited');
  });

  it('logs each sync in the Journal with its counts', () => {
    registry.post({ v: 1, op: 'putObservations', token, records: [observation(1)] });
    expect(column(registry, 'journal', 'Détails').at(-1)).toMatch(/1 observation reçue : 1 enregistrée, 0 déjà présente, 0 refusée/);
  });

  it('refuses writes before any connection code exists', () => {
    const fresh = testRegistry();
    expect(fresh.post({ v: 1, op: 'ping', token })).toMatchObject({ ok: false, code: 'not_configured' });
  });
});
