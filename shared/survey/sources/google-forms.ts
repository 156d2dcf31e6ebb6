/**
 * Google Forms (the responses CSV download, or the linked sheet): « Horodateur » / « Timestamp » first, written
 * 2024/01/10 8:00:00 UTC+1 in the download (2024/01/10 8:00:00 AM GMT+1 from an English interface) and 10/01/2024
 * 08:00:00 in the sheet; grid questions as `Question [ligne]`, checkbox answers joined with ", " in one cell (an option
 * may hold a comma itself), no response id. A quiz adds « Score » and, per question, `Question [Score]` and
 * `Question [Commentaires]` (feedback) columns; a form that collects them adds « Adresse e-mail ».
 */
import type { SourceProfile } from '../types';
import { fold } from '../../text/fold';
import { cellColumns, metadataRoles, table } from './common';

const FRENCH = new Set(['horodateur', 'horodatage']);
const OTHER = new Set(['timestamp', 'marca temporal', 'zeitstempel', 'informazioni cronologiche']);
const METADATA = {
  kept: ['Score', 'Score total', 'Total score', 'Note totale', 'Points'],
  personal: ['Adresse e-mail', 'Email Address', 'Adresse électronique', 'Nom d\'utilisateur', 'Username'],
  ignored: [],
} as const;
/** A quiz's per-question score and feedback columns. */
const QUIZ_COLUMN = /\[(score|commentaires|feedback|points)\]$/;

export const googleForms: SourceProfile = {
  id: 'google-forms',
  detect(headers) {
    const first = fold(headers[0] ?? '');
    return FRENCH.has(first) || OTHER.has(first) ? 0.9 : 0;
  },
  normalise(records) {
    const first = fold(records.rawHeaders[0] ?? '');
    const roles = metadataRoles(METADATA);
    roles.set(first, { role: 'timestamp', type: 'timestamp' });
    const columns = cellColumns(records, roles, ', ').map((column) =>
      column.role || !QUIZ_COLUMN.test(fold(column.label)) ? column : { ...column, role: 'metadata' as const, use: 'ignored' as const },
    );
    // A French form's sheet writes 26/11/2026 14:03:12; an English (US) one 11/26/2026 14:03:12. The download
    // writes year first, which needs no order.
    return table(records, 'google-forms', columns, { dateOrder: FRENCH.has(first) ? 'dmy' : 'mdy' });
  },
};
