/**
 * Any other table (a spreadsheet typed after phone interviews, an unknown tool): every column a question, answers
 * keyed by fingerprint. Multiple choices are recognised when joined with « ; » in one cell.
 */
import type { SourceProfile } from '../types';
import { cellColumns, table } from './common';

export const generic: SourceProfile = {
  id: 'generic',
  detect: () => 0.01,
  normalise: (records) => table(records, 'generic', cellColumns(records, new Map(), ';')),
};
