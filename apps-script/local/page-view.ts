/**
 * The workbook as the local page shows it: each tab's displayed text, whether people type into it or Repère rewrites
 * it, the notes of its cells (shown on hover), the dropdowns of its columns, and the tab the page opens on.
 */
import { TAB_METADATA_KEY, tabSpec, type TabKey, type TabSpec } from '../../shared/contract/tabs';
import { parseA1 } from './emulator/a1';
import { DEFAULT_COLUMN_WIDTH, getCell, lastRow, type SheetModel, type ValidationSpec, type WorkbookModel } from './emulator/model';
import { sheetAsText } from './sheet-text';

/** What the person may do in a tab: type into it, or read what Repère computed or logged. */
export type TabKind = TabSpec['kind'];

export interface Dropdown {
  /** From this row down (the header keeps none). */
  fromRow: number;
  values: string[];
  /** A value off the list is refused (a validation that forbids), rather than accepted with a warning. */
  strict: boolean;
}

export interface SheetView {
  sheetId: number;
  name: string;
  hidden: boolean;
  kind: TabKind;
  frozenRows: number;
  rows: string[][];
  /** Notes of cells (the header's explain each column): [row, column, text], 1-based. */
  notes: Array<[number, number, string]>;
  /** Dropdowns by 1-based column. */
  dropdowns: Record<number, Dropdown>;
  /** Each column's width in pixels, as the workbook holds it (Repère fits its columns to what they hold). */
  widths: number[];
}

/** A new workbook nobody has set up: one empty tab, no registry. */
function isBlank(model: WorkbookModel): boolean {
  return model.sheets.length === 1 && lastRow(model.sheets[0]!) === 0 && !model.metadata.some((m) => m.key === TAB_METADATA_KEY);
}

function tabKeys(model: WorkbookModel): Map<number, TabKey> {
  const keys = new Map<number, TabKey>();
  for (const m of model.metadata) if (m.key === TAB_METADATA_KEY && m.location.type === 'SHEET' && m.value) keys.set(m.location.sheetId, m.value as TabKey);
  return keys;
}

/** Whether people type into the tab (also a tab Repère does not know), or Repère computes or logs it. */
export function tabKindOf(model: WorkbookModel, sheetId: number): TabKind {
  return kindOf(tabKeys(model).get(sheetId));
}

function kindOf(key: TabKey | undefined): TabKind {
  if (!key) return 'input';
  try {
    return tabSpec(key).kind;
  } catch {
    return 'input';
  }
}

/** The words of a dropdown: its list, or the current values of the range it points to (the outcomes' ids…). */
export function dropdownValues(model: WorkbookModel, spec: ValidationSpec): string[] | null {
  if (spec.criteria === 'VALUE_IN_LIST') return spec.values.map(String);
  if (spec.criteria !== 'VALUE_IN_RANGE') return null;
  const ref = parseA1(String(spec.values[0]));
  const source = model.sheets.find((s) => s.name === ref?.sheetName);
  if (!source || !ref) return null;
  const values: string[] = [];
  const last = Math.min(lastRow(source), ref.row + (ref.numRows ?? source.maxRows) - 1);
  for (let r = ref.row; r <= last; r++) {
    const v = getCell(source, r, ref.col)?.v;
    if (v !== null && v !== undefined && v !== '' && !values.includes(String(v))) values.push(String(v));
  }
  return values;
}

function sheetView(model: WorkbookModel, sheet: SheetModel, key: TabKey | undefined): SheetView {
  const notes: SheetView['notes'] = [];
  sheet.cells.forEach((row, r) => row?.forEach((cell, c) => cell?.note && notes.push([r + 1, c + 1, cell.note])));
  const dropdowns: SheetView['dropdowns'] = {};
  for (const [k, run] of Object.entries(sheet.colDefaults.dv)) {
    const values = dropdownValues(model, run.value);
    if (values && run.value.showDropdown) dropdowns[Number(k)] = { fromRow: run.fromRow, values, strict: !run.value.allowInvalid };
  }
  return {
    sheetId: sheet.sheetId,
    name: sheet.name,
    hidden: sheet.hidden,
    kind: kindOf(key),
    frozenRows: sheet.frozenRows,
    rows: sheetAsText(model, sheet),
    notes,
    dropdowns,
    widths: Array.from({ length: sheet.maxCols }, (_, i) => sheet.colWidths[i + 1] ?? DEFAULT_COLUMN_WIDTH),
  };
}

/** The dashboard once computed (it has lines), else « Démarche » once set up, else the first tab. */
function suggestedTab(model: WorkbookModel, keys: Map<number, TabKey>): number | null {
  const byKey = (key: TabKey) => model.sheets.find((s) => keys.get(s.sheetId) === key && !s.hidden);
  const dashboard = byKey('dashboard');
  if (dashboard && lastRow(dashboard) > 1) return dashboard.sheetId;
  return (byKey('approach') ?? model.sheets.find((s) => !s.hidden))?.sheetId ?? null;
}

export interface TabsView {
  /** A new workbook not set up yet: the page invites to set it up rather than show an empty « Feuille 1 ». */
  blank: boolean;
  suggested: number | null;
  sheets: SheetView[];
}

export function tabsView(model: WorkbookModel): TabsView {
  const keys = tabKeys(model);
  return {
    blank: isBlank(model),
    suggested: suggestedTab(model, keys),
    sheets: model.sheets.map((sheet) => sheetView(model, sheet, keys.get(sheet.sheetId))),
  };
}
