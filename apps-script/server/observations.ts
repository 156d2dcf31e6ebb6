/**
 * Writes a batch of observations from the extension into « Observations »: idempotent by record id (a resent record is
 * a duplicate, an edited one updates its row), new records appended in one call.
 */
import { RECORD_LANG, termLabel, termLabelOrNotGiven } from '../../shared/contract/words';
import type { Observation } from '../../shared/observation/schema';
import { checkRecord, type RejectedRecord } from '../../shared/protocol/endpoint';
import { appendRecords, bindTab, columnValues, updateRecord, type CellValue } from './registry';
import type { Spreadsheet } from './spreadsheet';

export interface ObservationWrite {
  accepted: string[];
  duplicates: string[];
  rejected: RejectedRecord[];
}

function toCells(o: Observation, receivedAt: Date): Record<string, CellValue> {
  return {
    id: o.id,
    createdAt: new Date(o.createdAt),
    updatedAt: o.updatedAt,
    kind: termLabel('observationKind', o.kind, RECORD_LANG),
    text: o.text,
    factDate: o.factDate ? new Date(`${o.factDate}T00:00:00`) : '',
    stakeholder: o.stakeholder ?? '',
    tags: o.tags.join(', '),
    consent: termLabelOrNotGiven('consent', o.consent, RECORD_LANG),
    scope: termLabel('scope', o.scope, RECORD_LANG),
    sourceTitle: o.sourceTitle ?? '',
    sourceUrl: o.sourceUrl ?? '',
    author: o.author ?? '',
    receivedAt,
  };
}

export function writeObservations(ss: Spreadsheet, records: unknown[], now: Date): ObservationWrite | null {
  const tab = bindTab(ss, 'observations');
  if (!tab || !tab.columns.has('id')) return null;
  const ids = columnValues(tab, 'id').map(String);
  const updated = columnValues(tab, 'updatedAt').map(String);
  const rowOf = new Map(ids.map((id, i) => [id, i + 2]));
  const result: ObservationWrite = { accepted: [], duplicates: [], rejected: [] };
  const fresh: Record<string, CellValue>[] = [];
  const seen = new Set<string>();
  for (const raw of records) {
    const check = checkRecord(raw);
    if (!check.ok) {
      result.rejected.push(check.rejected);
      continue;
    }
    const record = check.record;
    const row = rowOf.get(record.id);
    if (seen.has(record.id)) {
      result.duplicates.push(record.id);
    } else if (row === undefined) {
      fresh.push(toCells(record, now));
      result.accepted.push(record.id);
    } else if (record.updatedAt > (updated[row - 2] ?? '')) {
      updateRecord(tab, row, toCells(record, now));
      result.accepted.push(record.id);
    } else {
      result.duplicates.push(record.id);
    }
    seen.add(record.id);
  }
  appendRecords(tab, fresh);
  return result;
}
