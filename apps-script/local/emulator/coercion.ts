// What a spreadsheet does with what is typed into a cell (setValues of strings), the evaluation of simple formulas,
// and the display text of a value (getDisplayValues), for the fr_FR and en_US locales.

import { formatJavaDate, wallClock, zonedToInstant } from './dates';
import { isDate, type CellScalar } from './model';

export interface Typed {
  value: CellScalar | null;
  formula?: string;
}

const isFrench = (locale: string) => locale.toLowerCase().startsWith('fr');

/** Parses a typed string as Google Sheets would in `locale`; `textFormat` is true when the cell is formatted "@". */
export function parseTyped(raw: string, locale: string, tz: string, textFormat: boolean): Typed {
  if (raw === '') return { value: null };
  // A leading apostrophe forces text and is not part of the value.
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  if (textFormat) return { value: raw };
  if (raw.startsWith('=') && raw.length > 1) return { value: null, formula: raw };
  const s = raw.trim();
  const fr = isFrench(locale);
  const upper = s.toUpperCase();
  if (upper === 'TRUE' || (fr && upper === 'VRAI')) return { value: true };
  if (upper === 'FALSE' || (fr && upper === 'FAUX')) return { value: false };
  const n = parseLocaleNumber(s, fr);
  if (n !== null) return { value: n };
  const d = parseLocaleDate(s, fr, tz);
  if (d !== null) return { value: new Date(d) };
  return { value: raw };
}

function parseLocaleNumber(s: string, fr: boolean): number | null {
  let body = s;
  let scale = 1;
  if (body.endsWith('%')) {
    body = body.slice(0, -1).trim();
    scale = 0.01;
  }
  const re = fr
    ? /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(?:[eE]([+-]?\d+))?$/
    : /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
  const m = re.exec(body);
  if (!m) return null;
  const int = m[2]!.replace(/[ \u00a0\u202f,]/g, '');
  const text = `${m[1]}${int}${m[3] ? '.' + m[3] : ''}${m[4] ? 'e' + m[4] : ''}`;
  const n = Number(text) * scale;
  return Number.isFinite(n) ? n : null;
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function parseLocaleDate(s: string, fr: boolean, tz: string): number | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    if (!m) {
      const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
      // A time alone is a time of day on Sheets' epoch, 30 December 1899.
      if (t && Number(t[1]) < 24 && Number(t[2]) < 60 && Number(t[3] ?? 0) < 60)
        return zonedToInstant(tz, 1899, 12, 30, Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
      return null;
    }
    const a = Number(m[1]);
    const b = Number(m[2]);
    y = Number(m[3]);
    [d, mo] = fr ? [a, b] : [b, a];
  }
  if (!validDate(y, mo, d)) return null;
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const sec = Number(m[6] ?? 0);
  if (h > 23 || mi > 59 || sec > 59) return null;
  return zonedToInstant(tz, y, mo, d, h, mi, sec);
}

// ---- formulas ---------------------------------------------------------------------------------------------------

/**
 * The values a reference names (« B3 », « 'Réponses E1'!$F$5:$F$90 »), row by row; null when its sheet does not
 * exist.
 */
export type CellResolver = (ref: string) => Array<CellScalar | null> | null;

/** A reference: an optional sheet (quoted with '' for a quote, or a plain name), a cell, an optional end cell. */
export const REFERENCE = /^(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(])/;

/**
 * Evaluates the formulas the script writes: numbers, + - * / ^ &, parentheses, string literals ("" for a quote),
 * references to cells and ranges of any sheet, and COUNTA; returns Google's error text for anything else (another
 * function → "#NAME?", a missing sheet → "#REF!").
 */
export function evaluateFormula(formula: string, resolve: CellResolver): CellScalar {
  const src = formula.replace(/^=/, '');
  let i = 0;
  const fail = (code: string): never => {
    throw new FormulaError(code);
  };
  const ws = () => {
    while (src[i] === ' ') i++;
  };
  const toNumber = (v: CellScalar | null): number => {
    if (v === null || v === '') return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (isDate(v)) return v.getTime() / 86400000 + 25569;
    const n = Number(v);
    return Number.isFinite(n) && v.trim() !== '' ? n : fail('#VALUE!');
  };
  const primary = (): CellScalar | null => {
    ws();
    const ch = src[i];
    if (ch === '(') {
      i++;
      const v = expr();
      ws();
      if (src[i] !== ')') fail('#ERROR!');
      i++;
      return v;
    }
    if (ch === '-' || ch === '+') {
      i++;
      const v = toNumber(power());
      return ch === '-' ? -v : v;
    }
    if (ch === '"') {
      let s = '';
      for (i++; ; i++) {
        if (i >= src.length) fail('#ERROR!');
        if (src[i] !== '"') s += src[i];
        else if (src[i + 1] === '"') s += src[i++];
        else break;
      }
      i++;
      return s;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const call = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(src.slice(i));
    if (call) {
      if (call[1]!.toUpperCase() !== 'COUNTA') fail('#NAME?');
      i += call[0].length;
      let count = 0;
      for (;;) {
        for (const v of argument()) if (v !== null && v !== '') count++;
        ws();
        if (src[i] === ')') break;
        if (src[i] !== ',') fail('#ERROR!');
        i++;
      }
      i++;
      return count;
    }
    const ref = REFERENCE.exec(src.slice(i));
    if (ref) {
      i += ref[0].length;
      const values = resolve(ref[0]) ?? fail('#REF!');
      return values.length === 1 ? values[0]! : fail('#VALUE!');
    }
    // What a deleted row, column or tab left in place of a reference.
    if (src.startsWith('#REF!', i)) fail('#REF!');
    if (/^(TRUE|FALSE)(?![\w(])/i.test(src.slice(i))) {
      const t = src.slice(i, i + 4).toUpperCase() === 'TRUE';
      i += t ? 4 : 5;
      return t;
    }
    return fail(/^[A-Za-z_]/.test(src.slice(i)) ? '#NAME?' : '#ERROR!');
  };
  /** A function's argument: a range gives its values, anything else one value. */
  const argument = (): Array<CellScalar | null> => {
    ws();
    const ref = REFERENCE.exec(src.slice(i));
    if (ref && /^\s*[,)]/.test(src.slice(i + ref[0].length))) {
      i += ref[0].length;
      return resolve(ref[0]) ?? fail('#REF!');
    }
    return [expr()];
  };
  const power = (): CellScalar | null => {
    let v = primary();
    ws();
    while (src[i] === '^') {
      i++;
      v = toNumber(v) ** toNumber(primary());
      ws();
    }
    return v;
  };
  const term = (): CellScalar | null => {
    let v = power();
    ws();
    while (src[i] === '*' || src[i] === '/') {
      const op = src[i++];
      const r = toNumber(power());
      if (op === '/' && r === 0) fail('#DIV/0!');
      v = op === '*' ? toNumber(v) * r : toNumber(v) / r;
      ws();
    }
    return v;
  };
  const sum = (): CellScalar | null => {
    let v = term();
    ws();
    while (src[i] === '+' || src[i] === '-') {
      const op = src[i++];
      const r = toNumber(term());
      v = op === '+' ? toNumber(v) + r : toNumber(v) - r;
      ws();
    }
    return v;
  };
  const expr = (): CellScalar | null => {
    let v = sum();
    ws();
    while (src[i] === '&') {
      i++;
      v = `${v ?? ''}${sum() ?? ''}`;
      ws();
    }
    return v;
  };
  try {
    const v = expr();
    ws();
    if (i < src.length) fail(/^[A-Za-z_]/.test(src.slice(i)) ? '#NAME?' : '#ERROR!');
    return v ?? 0;
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    throw e;
  }
}

export class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

// ---- display ----------------------------------------------------------------------------------------------------

/** Converts a Sheets number format's date part ("dd/mm/yyyy hh:mm") to a Java pattern ("dd/MM/yyyy HH:mm"). */
function sheetsDatePatternToJava(fmt: string): string {
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < fmt.length; ) {
    const ch = fmt[i]!;
    let n = 1;
    while (fmt[i + n] === ch) n++;
    const lower = ch.toLowerCase();
    if (lower === 'm') {
      const rest = fmt.slice(i + n);
      const minutes = lastWasHour || /^[^a-zA-Z]*s/.test(rest);
      out += (minutes ? 'm' : 'M').repeat(n);
    } else if (lower === 'h') {
      out += 'H'.repeat(n);
      lastWasHour = true;
    } else if (lower === 'y' || lower === 'd' || lower === 's') {
      out += lower.repeat(n);
      if (lower !== 's') lastWasHour = false;
    } else out += ch.repeat(n);
    i += n;
  }
  return out;
}

function formatNumberPlain(n: number, fr: boolean, decimals?: number, grouping = false): string {
  let s = decimals === undefined ? String(Number(n.toPrecision(15))) : n.toFixed(decimals);
  if (/e/.test(s)) return fr ? s.replace('.', ',').toUpperCase() : s.toUpperCase();
  if (grouping) {
    const [int, dec] = s.split('.');
    const sign = int!.startsWith('-') ? '-' : '';
    const digits = int!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, fr ? '\u202f' : ',');
    s = sign + digits + (dec !== undefined ? '.' + dec : '');
  }
  return fr ? s.replace(/\.(?=\d*$)/, ',') : s;
}

export function displayValue(v: CellScalar | null, fmt: string | undefined, locale: string, tz: string): string {
  if (v === null) return '';
  const fr = isFrench(locale);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return fr ? (v ? 'VRAI' : 'FAUX') : v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    if (fmt && /[dy]/i.test(fmt)) return formatJavaDate(v.getTime(), tz, sheetsDatePatternToJava(fmt));
    const w = wallClock(v.getTime(), tz);
    const date = fr ? 'dd/MM/yyyy' : 'M/d/yyyy';
    if (w.year === 1899 && w.month === 12 && w.day === 30) return formatJavaDate(v.getTime(), tz, 'HH:mm:ss');
    return formatJavaDate(v.getTime(), tz, w.hour || w.minute || w.second ? `${date} HH:mm:ss` : date);
  }
  if (!fmt || fmt === '@' || fmt === 'General' || fmt.startsWith('0.#')) return formatNumberPlain(v, fr);
  const pct = /^(#,##)?0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return formatNumberPlain(v * 100, fr, pct[2]?.length ?? 0, !!pct[1]) + (fr ? '\u00a0%' : '%');
  const num = /^(#,##)?0(?:\.(0+))?$/.exec(fmt);
  if (num) return formatNumberPlain(v, fr, num[2]?.length ?? 0, !!num[1]);
  return formatNumberPlain(v, fr);
}
