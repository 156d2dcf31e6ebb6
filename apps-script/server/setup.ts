/**
 * Creates the registry's tabs and columns from the sheet contract, idempotently and never destructively: a rerun adds
 * only what is missing, keeps every edit, and reports what it did.
 */
import { COLUMN_METADATA_KEY, TAB_METADATA_KEY, TABS, type Lang, type TabSpec } from '../../shared/contract/tabs';
import { logToJournal } from './journal';
import { bindColumns, ensureColumns, findTab, sheetsWithMetadata, tagColumn, tagSheet } from './registry';
import type { Sheet, Spreadsheet } from './spreadsheet';

export interface SetupReport {
  createdTabs: string[];
  addedColumns: string[];
  /** Plain-French summary for the sidebar and the CLI. */
  summary: string;
}

const HEADER_BACKGROUND = '#e8eef7';
const HEADER_PROTECTION = 'Repère : en-têtes du registre';

/** Tabs set up front; responses tabs are created per survey at import. */
const SETUP_TABS = TABS.filter((t) => t.key !== 'responses');

export function setupRegistry(ss: Spreadsheet, lang: Lang, who: string): SetupReport {
  const report: SetupReport = { createdTabs: [], addedColumns: [], summary: '' };
  for (const spec of SETUP_TABS) ensureTab(ss, spec, lang, report);
  report.summary =
    report.createdTabs.length + report.addedColumns.length === 0
      ? 'Le registre était déjà complet : rien n’a été modifié.'
      : `Registre configuré : ${report.createdTabs.length} onglet(s) créé(s), ${report.addedColumns.length} colonne(s) ajoutée(s).`;
  logToJournal(ss, who, 'configuration', `${report.summary}${report.createdTabs.length ? ` Onglets : ${report.createdTabs.join(', ')}.` : ''}`);
  return report;
}

function uniqueSheetName(ss: Spreadsheet, wanted: string): string {
  if (!ss.getSheetByName(wanted)) return wanted;
  for (let i = 2; ; i++) if (!ss.getSheetByName(`${wanted} (${i})`)) return `${wanted} (${i})`;
}

function ensureTab(ss: Spreadsheet, spec: TabSpec, lang: Lang, report: SetupReport): void {
  let sheet = findTab(ss, spec.key);
  if (!sheet) {
    sheet = ss.insertSheet(uniqueSheetName(ss, spec.label[lang]));
    report.createdTabs.push(sheet.getName());
  }
  if (sheetsWithMetadata(ss, TAB_METADATA_KEY, spec.key).length === 0) tagSheet(sheet, TAB_METADATA_KEY, spec.key);
  ensureContractColumns(ss, sheet, spec, lang, report);
}

/** Tags existing columns found by label and appends the missing ones after the last used column. */
export function ensureContractColumns(ss: Spreadsheet, sheet: Sheet, spec: Pick<TabSpec, 'columns' | 'label'>, lang: Lang, report: SetupReport): void {
  const bound = bindColumns(ss, sheet, spec.columns);
  let next = sheet.getLastColumn() + 1;
  const added: number[] = [];
  for (const column of spec.columns) {
    const at = bound.columns.get(column.key);
    if (at !== undefined) {
      if (bound.untagged.has(column.key)) tagColumn(sheet, at, COLUMN_METADATA_KEY, column.key);
      continue;
    }
    ensureColumns(sheet, next);
    const header = sheet.getRange(1, next);
    header.setValue(column.label[lang]);
    header.setNote(column.note[lang]);
    if (column.text) sheet.getRange(2, next, sheet.getMaxRows() - 1, 1).setNumberFormat('@');
    tagColumn(sheet, next, COLUMN_METADATA_KEY, column.key);
    added.push(next);
    report.addedColumns.push(`${sheet.getName()} › ${column.label[lang]}`);
    next++;
  }
  if (added.length > 0) styleHeader(sheet, Math.min(...added), added.length);
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  protectHeader(sheet);
}

function styleHeader(sheet: Sheet, first: number, count: number): void {
  sheet.getRange(1, first, 1, count).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
}

/** A warning, not a lock: people may still edit headers, but Sheets asks first (the owner can always edit anyway). */
function protectHeader(sheet: Sheet): void {
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .some((p) => p.getDescription() === HEADER_PROTECTION);
  if (!existing) sheet.getRange(1, 1, 1, sheet.getMaxColumns()).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
}
