/**
 * Writes a batch of observations from the extension into « Observations »: idempotent by record id (a resent record is
 * a duplicate, an edited one updates its row), new records appended in one call. Text is written as received, but
 * for the characters no spreadsheet can hold, replaced by « � » and reported per record.
 */
import { RECORD_LANG, termLabel, termLabelOrNotGiven } from '../../shared/contract/words';
import type { Observation } from '../../shared/observation/schema';
import { checkRecord, type RejectedRecord } from '../../shared/protocol/endpoint';
import { replaceUnrepresentable } from '../../shared/sheet/cell';
import { appendRecords, bindTab, columnValues, updateRecord, type CellValue } from './registry';
import type { Spreadsheet } from './spreadsheet';
import { agree, count } from '../../shared/text/plural';

export interface ObservationWrite {
  accepted: string[];
  duplicates: string[];
  rejected: RejectedRecord[];
  /** Records written with some characters replaced by « � » (same shape as a rejection). */
  warnings: RejectedRecord[];
}

function toCells(o: Observation, receivedAt: Date, warnings: RejectedRecord[]): Record<string, CellValue> {
  let replaced = 0;
  const text = (value: string) => {
    const safe = replaceUnrepresentable(value);
    replaced += safe.replaced;
    return safe.text;
  };
  const cells = {
    id: o.id,
    createdAt: new Date(o.createdAt),
    updatedAt: o.updatedAt,
    kind: termLabel('observationKind', o.kind, RECORD_LANG),
    text: text(o.text),
    factDate: o.factDate ? new Date(`${o.factDate}T00:00:00`) : '',
    stakeholder: text(o.stakeholder ?? ''),
    tags: text(o.tags.join(', ')),
    consent: termLabelOrNotGiven('consent', o.consent, RECORD_LANG),
    scope: termLabel('scope', o.scope, RECORD_LANG),
    sourceTitle: text(o.sourceTitle ?? ''),
    sourceUrl: text(o.sourceUrl ?? ''),
    author: text(o.author ?? ''),
    personId: o.personId ?? '',
    note: text(o.note ?? ''),
    receivedAt,
  };
  if (replaced > 0) {
    warnings.push({
      id: o.id,
      code: 'replaced_characters',
      message: `Observation enregistrée, mais ${count(replaced, 'caractère', 'caractères')} qu’un tableur ne peut pas garder (texte abîmé à la source) ${agree(replaced, 'a été remplacé', 'ont été remplacés')} par « � ». Relisez-la dans l’onglet Observations.`,
    });
  }
  return cells;
}

/** An edit time as an instant: `10:00+02:00` is before `09:00Z` although it sorts after it as text. */
function editInstant(value: unknown): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
  return Number.isNaN(time) ? -Infinity : time;
}

export function writeObservations(ss: Spreadsheet, records: unknown[], now: Date): ObservationWrite | null {
  const tab = bindTab(ss, 'observations');
  if (!tab || !tab.columns.has('id')) return null;
  const ids = columnValues(tab, 'id').map(String);
  const updated = columnValues(tab, 'updatedAt');
  const rowOf = new Map(ids.map((id, i) => [id, i + 2]));
  const result: ObservationWrite = { accepted: [], duplicates: [], rejected: [], warnings: [] };
  // The newest version of each id in the batch (the first of equal ones); the others are duplicates.
  const newest = new Map<string, Observation>();
  for (const raw of records) {
    const check = checkRecord(raw);
    if (!check.ok) {
      result.rejected.push(check.rejected);
      continue;
    }
    const record = check.record;
    const kept = newest.get(record.id);
    if (kept === undefined) newest.set(record.id, record);
    else {
      result.duplicates.push(record.id);
      if (editInstant(record.updatedAt) > editInstant(kept.updatedAt)) newest.set(record.id, record);
    }
  }
  const fresh: Record<string, CellValue>[] = [];
  for (const record of newest.values()) {
    const row = rowOf.get(record.id);
    if (row === undefined) {
      fresh.push(toCells(record, now, result.warnings));
      result.accepted.push(record.id);
    } else if (editInstant(record.updatedAt) > editInstant(updated[row - 2])) {
      updateRecord(tab, row, toCells(record, now, result.warnings));
      result.accepted.push(record.id);
    } else {
      result.duplicates.push(record.id);
    }
  }
  appendRecords(tab, fresh);
  return result;
}
