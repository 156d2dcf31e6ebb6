// The emulation's wall clock (cached per quarter hour) agrees with the platform's time-zone data for any instant,
// across daylight-saving changes, half-hour and 45-minute zones, and the odd offsets of the 19th century.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClock } from '../../../apps-script/local/emulator/dates';

function byIntl(ms: number, tz: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, Number(p.value)]),
  );
  return [parts.year, parts.month, parts.day, parts.hour! % 24, parts.minute, parts.second];
}

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

describe('the wall clock of a time zone', () => {
  it('matches the time-zone data for any instant from 1850 to 2150', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_786_825_600_000, max: 5_680_281_600_000 }), fc.constantFrom(...ZONES), (ms, tz) => {
        const w = wallClock(ms, tz);
        expect([w.year, w.month, w.day, w.hour, w.minute, w.second]).toEqual(byIntl(ms, tz));
      }),
      { numRuns: 3_000 },
    );
  });

  it('matches it minute by minute around a daylight-saving change', () => {
    // Paris, 29 March 2026: 02:00 becomes 03:00 (01:00 UTC); Lord Howe moves by half an hour.
    for (const [tz, at] of [['Europe/Paris', Date.UTC(2026, 2, 29, 1)], ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)]] as const) {
      for (let ms = at - 3_600_000; ms <= at + 3_600_000; ms += 60_000) {
        const w = wallClock(ms, tz);
        expect([w.year, w.month, w.day, w.hour, w.minute, w.second]).toEqual(byIntl(ms, tz));
      }
    }
  });
});
