/**
 * Google Forms (the responses CSV, or the linked sheet downloaded): « Horodateur » / « Timestamp » first, grid
 * questions as `Question [ligne]`, checkbox answers joined with ", " in one cell, no response id.
 */
import type { SourceProfile } from '../types';
import { fold } from '../../text/fold';
import { cellColumns, table } from './common';

const FRENCH = new Set(['horodateur', 'horodatage']);
const OTHER = new Set(['timestamp', 'marca temporal', 'zeitstempel', 'informazioni cronologiche']);

export const googleForms: SourceProfile = {
  id: 'google-forms',
  detect(headers) {
    const first = fold(headers[0] ?? '');
    return FRENCH.has(first) || OTHER.has(first) ? 0.9 : 0;
  },
  normalise(records) {
    const first = fold(records.rawHeaders[0] ?? '');
    const roles = new Map([
      [first, { role: 'timestamp' as const, type: 'timestamp' as const }],
      ['adresse e-mail', { role: 'metadata' as const }],
      ['email address', { role: 'metadata' as const }],
      ['score', { role: 'metadata' as const }],
      ['nom d\'utilisateur', { role: 'metadata' as const }],
      ['username', { role: 'metadata' as const }],
    ]);
    // A French form writes 26/11/2026 14:03:12; an English (US) one 11/26/2026 14:03:12.
    return table(records, 'google-forms', cellColumns(records, roles, ', '), { dateOrder: FRENCH.has(first) ? 'dmy' : 'mdy' });
  },
};
