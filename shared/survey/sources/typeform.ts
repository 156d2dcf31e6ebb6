/**
 * Typeform (Results → Responses → Download → CSV): `#` (the response token) first, one column per question, then
 * `Start Date (UTC)`, `Submit Date (UTC)`, `Stage Date (UTC)` in newer exports, `Network ID`, sometimes `Tags`.
 */
import type { SourceColumn, SourceProfile } from '../types';
import { cellColumns, foldedSet, share, table } from './common';

export const typeform: SourceProfile = {
  id: 'typeform',
  detect(headers) {
    const set = foldedSet(headers);
    const tail = share(set, ['Start Date (UTC)', 'Submit Date (UTC)', 'Network ID']);
    return headers[0]?.trim() === '#' ? 0.5 + tail * 0.49 : tail * 0.7;
  },
  normalise(records) {
    const roles = new Map<string, Pick<SourceColumn, 'role' | 'type'>>([
      ['#', { role: 'id', type: 'identifier' }],
      ['start date (utc)', { role: 'timestamp', type: 'timestamp' }],
      ['submit date (utc)', { role: 'timestamp', type: 'timestamp' }],
      ['stage date (utc)', { role: 'timestamp', type: 'timestamp' }],
      ['network id', { role: 'metadata' }],
      ['tags', { role: 'metadata' }],
      ['ending', { role: 'metadata' }],
    ]);
    return table(records, 'typeform', cellColumns(records, roles, ', '));
  },
};
