/**
 * Creates the registry's tabs and columns from the sheet contract, idempotently and never destructively: a rerun adds
 * only what is missing, keeps every edit, and reports what it did. Optionally adds a starting framework's rows.
 */
import { COLUMN_METADATA_KEY, TAB_METADATA_KEY, TABS, tabSpec, type ColumnSpec, type TabKey, type TabSpec } from '../../shared/contract/tabs';
import { termId, termLabels, type Lang } from '../../shared/contract/words';
import { runs } from '../../shared/sheet/fit';
import { TEMPLATES, templateById } from '../../shared/templates';
import type { Template } from '../../shared/templates/schema';
import { approachRows } from './approach';
import { logToJournal } from './journal';
import { bindColumns, bindTab, ensureColumns, findTab, sheetsWithMetadata, tagColumn, tagSheet, type BoundTab, type CellValue } from './registry';
import { ColumnWidths } from './sheet-layout';
import type { Sheet, Spreadsheet } from './spreadsheet';
import { applyTemplate, TEMPLATE_TABS } from './template-apply';
import { count } from '../../shared/text/plural';

export interface SetupReport {
  createdTabs: string[];
  addedColumns: string[];
  /** Rows the starting framework added, per tab. */
  templateRows: number;
  /** Plain-French summary for the sidebar and the CLI. */
  summary: string;
}

/** A column added during this setup, waiting for its dropdown once every tab it may refer to exists. */
interface AddedColumn {
  tab: TabKey;
  sheet: Sheet;
  column: number;
  spec: ColumnSpec;
}

const HEADER_BACKGROUND = '#e8eef7';
/** Day first, as in France; the same pattern in Sheets, Excel and LibreOffice. */
const DATE_FORMATS = { date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' } as const;
const HEADER_PROTECTION = 'Repère : en-têtes du registre';

/** Tabs set up front; responses tabs are created per survey at import. */
const SETUP_TABS = TABS.filter((t) => t.key !== 'responses');

export function emptyReport(): SetupReport {
  return { createdTabs: [], addedColumns: [], templateRows: 0, summary: '' };
}

/** `extraTabs`: the coordination tabs of a coordinator's registry (apps-script/server/cohort/setup.ts). */
export function setupRegistry(ss: Spreadsheet, lang: Lang, who: string, template?: Template, extraTabs: readonly TabSpec[] = []): SetupReport {
  const report = emptyReport();
  const added: AddedColumn[] = [];
  const tabs = new Map<TabKey, BoundTab>();
  let blank = blankOnlySheet(ss);
  for (const spec of [...SETUP_TABS, ...extraTabs]) {
    const ensured = ensureTab(ss, spec, lang, report, blank);
    added.push(...ensured.added.map((column) => ({ ...column, tab: spec.key })));
    tabs.set(spec.key, ensured.tab);
    blank = null;
  }
  for (const column of added) addDropdown(ss, column, lang);
  const filled = new Set<TabKey>(added.map((column) => column.tab));
  if (template) {
    const rows = applyTemplate(ss, template, lang);
    report.templateRows = Object.values(rows).reduce((a, b) => a + b, 0);
    for (const [part, count] of Object.entries(rows)) if (count > 0) filled.add(TEMPLATE_TABS[part as keyof typeof rows]);
  }
  fitSetUpTabs([...filled].map((key) => [key, tabs.get(key)!]));
  const changed = report.createdTabs.length + report.addedColumns.length + report.templateRows > 0;
  report.summary = changed
    ? `Registre configuré : ${count(report.createdTabs.length, 'onglet créé', 'onglets créés')}, ${count(report.addedColumns.length, 'colonne ajoutée', 'colonnes ajoutées')}` +
      (template ? `, ${count(report.templateRows, `ligne du modèle « ${template.name[lang]} » ajoutée`, `lignes du modèle « ${template.name[lang]} » ajoutées`)}.` : '.')
    : 'Le registre était déjà complet : rien n’a été modifié.';
  logToJournal(ss, who, 'setup', `${report.summary}${report.createdTabs.length ? ` Onglets : ${report.createdTabs.join(', ')}.` : ''}`);
  return report;
}

const TEMPLATE_PROPERTY = 'repere.template';

/** The starting framework a set-up applied, so the sidebar shows it selected afterwards. */
export function rememberTemplate(id: string): void {
  PropertiesService.getDocumentProperties().setProperty(TEMPLATE_PROPERTY, id);
}

/**
 * The starting framework the registry was set up with: as remembered, else (a registry set up before it was) as
 * « Démarche » names it on its « Modèle de départ » row; '' for none.
 */
export function setUpTemplate(ss: Spreadsheet): string {
  const remembered = PropertiesService.getDocumentProperties().getProperty(TEMPLATE_PROPERTY);
  if (remembered && templateById(remembered)) return remembered;
  const row = approachRows(ss).find((r) => termId('approachItem', r.item) === 'template');
  return TEMPLATES.find((t) => row && Object.values(t.name).some((name) => row.content.startsWith(name)))?.id ?? '';
}

function uniqueSheetName(ss: Spreadsheet, wanted: string): string {
  if (!ss.getSheetByName(wanted)) return wanted;
  for (let i = 2; ; i++) if (!ss.getSheetByName(`${wanted} (${i})`)) return `${wanted} (${i})`;
}

/**
 * A new spreadsheet's only tab (« Feuille 1 »), still empty and not Repère's: set-up makes it the first registry tab
 * rather than leave an empty tab in front of the registry.
 */
function blankOnlySheet(ss: Spreadsheet): Sheet | null {
  const sheets = ss.getSheets();
  const sheet = sheets.length === 1 ? sheets[0]! : null;
  if (!sheet || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0 || sheet.getDeveloperMetadata().length > 0) return null;
  return sheet;
}

function ensureTab(ss: Spreadsheet, spec: TabSpec, lang: Lang, report: SetupReport, blank: Sheet | null): ContractColumns {
  let sheet = findTab(ss, spec.key);
  if (!sheet) {
    const name = uniqueSheetName(ss, spec.label[lang]);
    sheet = blank ? blank.setName(name) : ss.insertSheet(name);
    report.createdTabs.push(sheet.getName());
  }
  if (sheetsWithMetadata(ss, TAB_METADATA_KEY, spec.key).length === 0) tagSheet(sheet, TAB_METADATA_KEY, spec.key);
  return ensureContractColumns(ss, sheet, spec, lang, report);
}

/** Widths fitted to the headers and the framework's rows, on the tabs this set-up created, completed or filled. */
function fitSetUpTabs(tabs: ReadonlyArray<[TabKey, BoundTab]>): void {
  const widths = new ColumnWidths();
  for (const [key, tab] of tabs) {
    if (tab.columns.size === 0) continue;
    const rows = tab.sheet.getDataRange().getValues().slice(1);
    widths.fitTab(tab, tabSpec(key).columns, rows.map((row) => Object.fromEntries([...tab.columns].map(([k, c]) => [k, row[c - 1] as CellValue]))));
  }
  widths.save();
}

/** The columns a tab got, and the tab bound with all its contract columns (those it had and those added). */
interface ContractColumns {
  added: Array<Omit<AddedColumn, 'tab'>>;
  tab: BoundTab;
}

/** Tags existing columns found by label and appends the missing ones after the last used column. */
export function ensureContractColumns(ss: Spreadsheet, sheet: Sheet, spec: Pick<TabSpec, 'columns'>, lang: Lang, report: SetupReport): ContractColumns {
  const bound = bindColumns(ss, sheet, spec.columns);
  let next = sheet.getLastColumn() + 1;
  const added: Array<Omit<AddedColumn, 'tab'>> = [];
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
    else if (column.shape === 'date' || column.shape === 'datetime') sheet.getRange(2, next, sheet.getMaxRows() - 1, 1).setNumberFormat(DATE_FORMATS[column.shape]);
    tagColumn(sheet, next, COLUMN_METADATA_KEY, column.key);
    added.push({ sheet, column: next, spec: column });
    bound.columns.set(column.key, next);
    report.addedColumns.push(`${sheet.getName()} › ${column.label[lang]}`);
    next++;
  }
  if (added.length > 0) styleHeader(sheet, added[0]!.column, added.length);
  wrapProse(sheet, spec.columns, bound.columns);
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  protectHeader(sheet);
  return { added, tab: bound };
}

/**
 * A dropdown that suggests without forbidding (allowInvalid): people may paste or type other words, and Repère's
 * check then says what is wrong and how to fix it, rather than Sheets refusing the paste.
 */
function addDropdown(ss: Spreadsheet, added: AddedColumn, lang: Lang): void {
  const choices = added.spec.choices;
  if (!choices) return;
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(added.spec.note[lang]);
  if (typeof choices === 'string') {
    builder.requireValueInList(termLabels(choices, lang), true);
  } else {
    const source = bindTab(ss, choices.tab);
    const column = source?.columns.get(choices.column);
    if (!source || column === undefined) return;
    builder.requireValueInRange(source.sheet.getRange(2, column, source.sheet.getMaxRows() - 1, 1), true);
  }
  added.sheet.getRange(2, added.column, added.sheet.getMaxRows() - 1, 1).setDataValidation(builder.build());
}

/**
 * Sentences wrap in their column, in the rows below the header and those added later, rather than being cut or
 * spilling over the next column: set on the whole column once, whatever writes there afterwards.
 */
function wrapProse(sheet: Sheet, specs: readonly ColumnSpec[], columns: ReadonlyMap<string, number>): void {
  const prose = new Set(specs.filter((c) => c.shape === 'prose' && columns.has(c.key)).map((c) => columns.get(c.key)!));
  if (prose.size === 0) return;
  const last = Math.max(...prose);
  const wraps = Array.from({ length: last }, (_, i) => (prose.has(i + 1) ? true : null));
  for (const run of runs(wraps)) sheet.getRange(2, run.column, sheet.getMaxRows() - 1, run.count).setWrap(true);
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

