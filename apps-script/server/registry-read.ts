/** Reads the registry's definition tabs, one getValues per tab, into the snapshot the shared validation checks. */
import { tabSpec, type TabKey } from '../../shared/contract/tabs';
import type { Lang } from '../../shared/contract/words';
import { columnLetter } from '../../shared/sheet/a1';
import { validateRegistry, type RegistrySnapshot, type TabRows, type Validation } from '../../shared/registry/validate';
import { directFinder, lastKnownColumn, type TabFinder } from './registry';
import type { Spreadsheet } from './spreadsheet';

const DEFINITION_TABS = ['outcomes', 'themes', 'indicators', 'surveys', 'questions', 'values'] as const;

/** A tab's rows (cells by column key) and where its columns are, read in one getValues. */
export function readTab(tabs: TabFinder, key: TabKey): TabRows | undefined {
  const tab = tabs.tab(key);
  if (!tab) return undefined;
  const lastRow = tab.sheet.getLastRow();
  const lastColumn = lastKnownColumn(tab);
  const values = lastRow >= 2 && lastColumn > 0 ? tab.sheet.getRange(2, 1, lastRow - 1, lastColumn).getValues() : [];
  const columns: Record<string, string> = {};
  for (const column of tabSpec(key).columns) {
    const at = tab.columns.get(column.key);
    if (at !== undefined) columns[column.key] = columnLetter(at);
  }
  const sheet = tab.sheet;
  let name: string | undefined;
  return {
    // Only a problem's message needs the tab's name: asked for then, a call saved per tab and per run.
    get tab() {
      return (name ??= sheet.getName());
    },
    sheetId: tab.sheetId ?? tab.sheet.getSheetId(),
    columns,
    rows: values.map((line, i) => {
      const cells: Record<string, unknown> = {};
      for (const [columnKey, at] of tab.columns) cells[columnKey] = line[at - 1];
      return { row: i + 2, cells };
    }),
  };
}

/** The checked registry, and the rows as read, for callers that write back to those tabs without reading again. */
export function readRegistry(ss: Spreadsheet, lang: Lang, tabs: TabFinder = directFinder(ss)): Validation & { snapshot: RegistrySnapshot } {
  const snapshot: RegistrySnapshot = { lang };
  for (const key of DEFINITION_TABS) {
    const rows = readTab(tabs, key);
    if (rows) snapshot[key] = rows;
  }
  return { ...validateRegistry(snapshot), snapshot };
}
