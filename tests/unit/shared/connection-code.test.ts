import { describe, expect, it } from 'vitest';
import { constantTimeEqual, formatConnectionCode, parseConnectionCode } from '../../../shared/protocol/connection-code';

const secret = 'a'.repeat(64);
const endpoint = 'https://script.google.com/macros/s/AKfycbx_abc-123/exec';

describe('the connection code', () => {
  it('round-trips the endpoint and the secret, even with spaces around a paste', () => {
    expect(parseConnectionCode(`  ${formatConnectionCode({ endpoint, secret })}\n`)).toEqual({ ok: true, value: { endpoint, secret } });
  });

  it.each(['', 'repere1:', `repere1:${secret}`, `repere1:zz@${endpoint}`, `repere1:${secret}@javascript:alert(1)`, `${secret}@${endpoint}`])(
    'refuses %j with a French message saying where to copy it from',
    (code) => {
      const parsed = parseConnectionCode(code);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/panneau Repère du tableur/);
    },
  );

  it('compares secrets fully whatever their length', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
  });
});
