// Time-zone arithmetic without a library: wall-clock ↔ instant in an IANA zone, and Java SimpleDateFormat patterns
// (what Utilities.formatDate and number formats need).

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function wallClockByParts(ms: number, tz: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** How far the clocks of `tz` are ahead of UTC at `ms`, from the formatter. */
function offsetByParts(ms: number, tz: string): number {
  const w = wallClockByParts(ms, tz);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - ms;
}

/**
 * Zones change their offset on the quarter hour at the finest: the offset of each quarter hour is asked of the
 * formatter once (its formatToParts costs microseconds, and a workbook holds hundreds of thousands of dates), NaN when
 * it changes within that quarter hour (then every instant of it is asked).
 */
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

function quarterOffset(ms: number, tz: string): number {
  let zone = offsets.get(tz);
  if (!zone) offsets.set(tz, (zone = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    const first = offsetByParts(quarter * QUARTER_HOUR, tz);
    offset = first === offsetByParts((quarter + 1) * QUARTER_HOUR - 1, tz) ? first : NaN;
    if (zone.size >= 100_000) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

export function wallClock(ms: number, tz: string): WallClock {
  const offset = quarterOffset(ms, tz);
  if (Number.isNaN(offset)) return wallClockByParts(ms, tz);
  const local = new Date(ms + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
  };
}

/** The instant at which the clocks of `tz` show the given wall-clock time. */
export function zonedToInstant(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let guess = asUtc;
  // Two passes settle the offset, including across DST changes.
  for (let i = 0; i < 2; i++) {
    const w = wallClock(guess, tz);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
    guess += asUtc - shown;
  }
  return guess;
}

function offsetMinutes(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - ms) / 60000);
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');

/** Java SimpleDateFormat subset: y M d H h m s S E a Z X and 'quoted' text (English names, like Google). */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const w = wallClock(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS_EN[w.month - 1] : n === 3 ? MONTHS_EN[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, 3).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS_EN[w.weekday] : DAYS_EN[w.weekday]!.slice(0, 3);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z': {
        const off = offsetMinutes(ms, tz);
        out += (off < 0 ? '-' : '+') + pad(Math.floor(Math.abs(off) / 60), 2) + pad(Math.abs(off) % 60, 2);
        break;
      }
      case 'X': {
        const off = offsetMinutes(ms, tz);
        if (off === 0) out += 'Z';
        else {
          const hh = (off < 0 ? '-' : '+') + pad(Math.floor(Math.abs(off) / 60), 2);
          out += n === 1 ? hh : n === 2 ? hh + pad(Math.abs(off) % 60, 2) : `${hh}:${pad(Math.abs(off) % 60, 2)}`;
        }
        break;
      }
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}
