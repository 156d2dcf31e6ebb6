/** The guided form of the « Démarche » tab: reads and writes one row per rubric, keeping every other row as it is. */
import { APPROACH_RUBRICS, rubricLabel, rubricOf, type ApproachFields, type ApproachKey } from '../../shared/registry/approach';
import type { Lang } from '../../shared/contract/words';
import { appendRecords, bindTab, columnValues, updateRecord } from './registry';
import type { Spreadsheet } from './spreadsheet';

function rows(ss: Spreadsheet): { tab: NonNullable<ReturnType<typeof bindTab>>; byRubric: Map<ApproachKey, { row: number; content: string }> } | null {
  const tab = bindTab(ss, 'approach');
  if (!tab) return null;
  const items = columnValues(tab, 'item');
  const contents = columnValues(tab, 'content');
  const byRubric = new Map<ApproachKey, { row: number; content: string }>();
  items.forEach((item, i) => {
    const key = rubricOf(String(item));
    if (key && !byRubric.has(key)) byRubric.set(key, { row: i + 2, content: String(contents[i] ?? '') });
  });
  return { tab, byRubric };
}

export function readApproach(ss: Spreadsheet): ApproachFields | null {
  const read = rows(ss);
  if (!read) return null;
  const fields: ApproachFields = {};
  for (const [key, { content }] of read.byRubric) fields[key] = content;
  return fields;
}

/** Updates the rubrics that changed, appends the missing ones; returns how many cells were written. */
export function writeApproach(ss: Spreadsheet, fields: ApproachFields, lang: Lang): number | null {
  const read = rows(ss);
  if (!read) return null;
  let written = 0;
  const fresh: Array<Record<string, string>> = [];
  for (const { key } of APPROACH_RUBRICS) {
    const value = fields[key]?.trim();
    if (value === undefined) continue;
    const existing = read.byRubric.get(key);
    if (existing) {
      if (existing.content !== value) {
        updateRecord(read.tab, existing.row, { content: value });
        written++;
      }
    } else if (value !== '') {
      fresh.push({ item: rubricLabel(key, lang), content: value });
    }
  }
  appendRecords(read.tab, fresh);
  return written + fresh.length;
}

/** Every row of « Démarche » as written (the notice's contact, licences held…), rubric or not. */
export function approachRows(ss: Spreadsheet): Array<{ item: string; content: string }> {
  const tab = bindTab(ss, 'approach');
  if (!tab) return [];
  const contents = columnValues(tab, 'content');
  return columnValues(tab, 'item').map((item, i) => ({ item: String(item ?? '').trim(), content: String(contents[i] ?? '').trim() })).filter((row) => row.item !== '');
}
