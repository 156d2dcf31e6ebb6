/**
 * Exports observations as CSV (for a spreadsheet, Hypothesis-like columns) or JSON (to move them between devices),
 * and reads that JSON back: every record validated, each id kept once.
 */
import { Observation } from './schema';
import { startsLikeFormula } from '../sheet/cell';

export const EXPORT_FORMAT = 'repere-observations';
export const EXPORT_VERSION = 1;

/** Column order: Hypothesis's exporter (created, author, URL, title, quote, comment, tags), then Repère's fields. */
export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'author',
  'sourceUrl',
  'sourceTitle',
  'quote',
  'text',
  'note',
  'kind',
  'stakeholder',
  'personId',
  'tags',
  'factDate',
  'consent',
  'scope',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const BOM = '\uFEFF';

/** A cell a spreadsheet opens as text: formula prefixes neutralised with an apostrophe, quoted when needed. */
export function csvCell(value: string): string {
  const safe = startsLikeFormula(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellValue(o: Observation, column: CsvColumn): string {
  switch (column) {
    case 'quote':
      return o.quote?.exact ?? '';
    case 'tags':
      return o.tags.join(', ');
    case 'consent':
      return o.consent ?? '';
    default:
      return o[column] ?? '';
  }
}

/** UTF-8 CSV with a BOM (Excel reads the accents), `;` separators (French Excel), CRLF line ends. */
export function observationsToCsv(observations: readonly Observation[], headers: Record<CsvColumn, string>): string {
  const lines = [CSV_COLUMNS.map((c) => csvCell(headers[c])).join(';')];
  for (const o of observations) lines.push(CSV_COLUMNS.map((c) => csvCell(cellValue(o, c))).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function observationsToJson(observations: readonly Observation[], exportedAt: Date): string {
  return JSON.stringify(
    { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: exportedAt.toISOString(), observations },
    null,
    2,
  );
}

export type ImportResult =
  | { ok: true; fresh: Observation[]; present: number; rejected: { index: number; field: string }[] }
  | { ok: false };

/** Reads a JSON export; records already known (by id), or repeated in the file, count as present. */
export function readJsonExport(text: string, knownIds: ReadonlySet<string>): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false };
  }
  const envelope = json as { format?: unknown; observations?: unknown };
  const records = Array.isArray(json) ? json : envelope?.format === EXPORT_FORMAT ? envelope.observations : null;
  if (!Array.isArray(records)) return { ok: false };
  const seen = new Set(knownIds);
  const fresh: Observation[] = [];
  const rejected: { index: number; field: string }[] = [];
  let present = 0;
  records.forEach((raw, index) => {
    const parsed = Observation.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, field: parsed.error.issues[0]?.path.join('.') || 'enregistrement' });
    } else if (seen.has(parsed.data.id)) {
      present++;
    } else {
      seen.add(parsed.data.id);
      fresh.push(parsed.data);
    }
  });
  return { ok: true, fresh, present, rejected };
}
