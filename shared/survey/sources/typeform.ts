/**
 * Typeform (Results → Responses → Download → CSV): `#` (the response token) first, one column per question, then
 * `Start Date (UTC)`, `Submit Date (UTC)`, `Stage Date (UTC)` in newer exports, `Network ID` (a fingerprint of the
 * respondent's network: personal), `Response Type` (completed or partial), sometimes `Ending` and `Tags`.
 */
import type { SourceProfile } from '../types';
import { cellColumns, type ColumnRole, foldedSet, share, table } from './common';

export const typeform: SourceProfile = {
  id: 'typeform',
  detect(headers) {
    const set = foldedSet(headers);
    const tail = share(set, ['Start Date (UTC)', 'Submit Date (UTC)', 'Network ID']);
    return headers[0]?.trim() === '#' ? 0.5 + tail * 0.49 : tail * 0.7;
  },
  normalise(records) {
    const roles = new Map<string, ColumnRole>([
      ['#', { role: 'id', type: 'identifier' }],
      ['start date (utc)', { role: 'timestamp', type: 'timestamp' }],
      ['submit date (utc)', { role: 'timestamp', type: 'timestamp' }],
      ['stage date (utc)', { role: 'timestamp', type: 'timestamp' }],
      ['network id', { role: 'metadata', use: 'personal' }],
      ['response type', { role: 'metadata', use: 'kept' }],
      ['ending', { role: 'metadata', use: 'kept' }],
      ['tags', { role: 'metadata', use: 'ignored' }],
    ]);
    return table(records, 'typeform', cellColumns(records, roles, ', '));
  },
};
