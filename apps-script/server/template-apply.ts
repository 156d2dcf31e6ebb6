/** Adds a starting framework's rows to the registry: only the rows whose identity is not there yet, one write per tab. */
import type { TabKey } from '../../shared/contract/tabs';
import type { Lang } from '../../shared/contract/words';
import { IDENTITY, templateRows, type TemplateRows } from '../../shared/templates/rows';
import type { Template } from '../../shared/templates/schema';
import { appendRecords, bindTab, columnValues } from './registry';
import type { Spreadsheet } from './spreadsheet';

/** The tab each part of a framework's rows goes to. */
export const TEMPLATE_TABS: Record<keyof TemplateRows, TabKey> = {
  approach: 'approach',
  outcomes: 'outcomes',
  surveys: 'surveys',
  questions: 'questions',
  indicators: 'indicators',
};

const identity = (values: ReadonlyArray<unknown>) => values.map((v) => String(v).trim().toLowerCase()).join('\u0000');

/** Returns how many rows were added per tab. */
export function applyTemplate(ss: Spreadsheet, template: Template, lang: Lang): Record<keyof TemplateRows, number> {
  const rows = templateRows(template, lang);
  const added = { approach: 0, outcomes: 0, surveys: 0, questions: 0, indicators: 0 };
  for (const part of Object.keys(rows) as Array<keyof TemplateRows>) {
    const tab = bindTab(ss, TEMPLATE_TABS[part]);
    if (!tab) continue;
    const keys = IDENTITY[part];
    const columns = keys.map((k) => columnValues(tab, k));
    const present = new Set(columns[0]!.map((_, i) => identity(columns.map((c) => c[i]))));
    const missing = rows[part].filter((row) => !present.has(identity(keys.map((k) => row[k]))));
    appendRecords(tab, missing);
    added[part] = missing.length;
  }
  return added;
}
