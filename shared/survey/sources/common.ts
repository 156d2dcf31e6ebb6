/** What every source profile shares: turning records into columns, and grouping one-column-per-option answers. */
import type { SurveyRecords } from '../read-table';
import type { MetadataUse, NormalisedTable, SourceColumn, SourceId } from '../types';
import { fold } from '../../text/fold';

export type ColumnRole = Pick<SourceColumn, 'role' | 'type' | 'use'>;

/** Roles of a tool's metadata columns from its lists (names compared folded): kept, personal, ignored. */
export function metadataRoles(list: Record<MetadataUse, readonly string[]>): Map<string, ColumnRole> {
  const roles = new Map<string, ColumnRole>();
  for (const use of ['kept', 'personal', 'ignored'] as const) for (const name of list[use]) roles.set(fold(name), { role: 'metadata', use });
  return roles;
}

export function foldedSet(headers: readonly string[]): Set<string> {
  return new Set(headers.map(fold));
}

/** Share of the given header names present (folded comparison). */
export function share(headers: ReadonlySet<string>, names: readonly string[]): number {
  let found = 0;
  for (const name of names) if (headers.has(fold(name))) found++;
  return found / names.length;
}

/** One question per column, with the roles the source gives some of them by header name (folded). */
export function cellColumns(
  records: SurveyRecords,
  roles: ReadonlyMap<string, ColumnRole>,
  separator?: string,
): SourceColumn[] {
  return records.headers.map((key, index) => {
    const role = roles.get(fold(records.rawHeaders[index]!));
    return { key, label: records.rawHeaders[index]!, from: { kind: 'cell', index, separator }, ...role };
  });
}

export function table(records: SurveyRecords, source: SourceId, columns: SourceColumn[], extra: Partial<NormalisedTable> = {}): NormalisedTable {
  const { warnings = [], ...rest } = extra;
  return {
    source,
    format: records.format,
    encoding: records.encoding,
    delimiter: records.delimiter,
    ...(records.sheets && { sheets: records.sheets, sheet: records.sheet }),
    headerRow: records.headerRow,
    headers: records.headers,
    headerRows: 1,
    columns,
    rows: records.rows,
    rowNumbers: records.rowNumbers,
    excluded: [],
    ...rest,
    warnings: [...records.warnings, ...warnings],
  };
}

/** True when every cell of the column is blank or one of the allowed values (compared trimmed and folded). */
export function columnWithin(rows: readonly string[][], index: number, allowed: ReadonlySet<string>): boolean {
  for (const row of rows) {
    const cell = row[index]!;
    if (cell !== '' && !allowed.has(fold(cell))) return false;
  }
  return true;
}

/**
 * Folds columns `base<open>option<close>` (or `base/option`) whose cells only say chosen / not chosen into one
 * multiple-choice question `base`, keeping every other column as it is. A column named exactly `base` (Kobo's
 * space-separated copy of the same answer) becomes that question's source, and the split columns are dropped.
 */
export function groupOptionColumns(
  columns: SourceColumn[],
  rows: readonly string[][],
  split: (key: string) => { base: string; option: string } | null,
  chosen: 'one' | 'y',
): SourceColumn[] {
  const allowed = new Set(chosen === 'one' ? ['0', '1'] : ['y', 'n']);
  const groups = new Map<string, Array<{ column: SourceColumn; option: string }>>();
  for (const column of columns) {
    if (column.role || column.from.kind !== 'cell') continue;
    const parts = split(column.key);
    if (!parts || !columnWithin(rows, column.from.index, allowed)) continue;
    const list = groups.get(parts.base) ?? [];
    list.push({ column, option: parts.option });
    groups.set(parts.base, list);
  }
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const dropped = new Set<SourceColumn>();
  const replaced = new Map<SourceColumn, SourceColumn>();
  for (const [base, members] of groups) {
    const whole = byKey.get(base);
    if (members.length < 2 && !whole) continue;
    members.forEach((m) => dropped.add(m.column));
    if (whole) replaced.set(whole, { ...whole, type: 'multiple' });
    else {
      replaced.set(members[0]!.column, {
        key: base,
        label: base,
        type: 'multiple',
        from: { kind: 'options', options: members.map((m) => ({ index: (m.column.from as { index: number }).index, option: m.option, chosen })) },
      });
      dropped.delete(members[0]!.column);
    }
  }
  return columns.filter((c) => !dropped.has(c)).map((c) => replaced.get(c) ?? c);
}
