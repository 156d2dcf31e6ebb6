import { describe, expect, it } from 'vitest';
import { checkRecord, parseAnswer, parseRequest } from '../../../shared/protocol/endpoint';

const token = 'f'.repeat(64);
const record = {
  id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  createdAt: '2026-11-26T09:00:00.000Z',
  updatedAt: '2026-11-26T09:00:00.000Z',
  kind: 'observation',
  text: 'Mme [Personne 1] est revenue à l’atelier mémoire.',
  tags: [],
  consent: null,
  scope: 'interne',
};

describe('the endpoint protocol', () => {
  it('accepts a well-formed batch', () => {
    const parsed = parseRequest(JSON.stringify({ v: 1, op: 'putObservations', token, records: [record] }));
    expect(parsed.ok).toBe(true);
  });

  it('refuses non-JSON, unknown operations, extra fields and batches over 50 without throwing', () => {
    expect(parseRequest('<html>')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(parseRequest(JSON.stringify({ v: 1, op: 'drop', token }))).toMatchObject({ ok: false, code: 'bad_request' });
    expect(parseRequest(JSON.stringify({ v: 1, op: 'ping', token, extra: 1 }))).toMatchObject({ ok: false });
    const big = Array.from({ length: 51 }, () => record);
    expect(parseRequest(JSON.stringify({ v: 1, op: 'putObservations', token, records: big }))).toMatchObject({ ok: false });
    expect(parseRequest('x'.repeat(1_000_001))).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('treats Google’s HTML error page (status 200) as a failure, not as an answer', () => {
    expect(parseAnswer('<!DOCTYPE html><html><body>Sorry, unable to open the file at this time.</body></html>')).toMatchObject({ ok: false, code: 'not_json' });
    expect(parseAnswer('{"hello":1}')).toMatchObject({ ok: false, code: 'not_json' });
    expect(parseAnswer('{"ok":true,"code":"ok","accepted":["a"]}')).toMatchObject({ ok: true, accepted: ['a'] });
  });

  it('rejects one bad record alone, naming the field in French', () => {
    const check = checkRecord({ ...record, sourceUrl: 'javascript:alert(1)' });
    expect(check).toMatchObject({ ok: false, rejected: { id: record.id, code: 'invalid_record' } });
    if (!check.ok) expect(check.rejected.message).toContain('sourceUrl');
    expect(checkRecord(record).ok).toBe(true);
  });
});
