/**
 * LimeSurvey (Responses → Export → CSV, question codes as headings): `id`, `submitdate`, `lastpage`,
 * `startlanguage`, `seed`…, array subquestions `Q[SQ001]`, multiple choice as `Q[SQ001]` cells holding « Y ».
 * A response without `submitdate` was never completed: it is left out, with a warning that says so.
 */
import type { Problem, SourceColumn, SourceProfile } from '../types';
import { cellColumns, foldedSet, groupOptionColumns, share, table } from './common';

const TIMESTAMPS = ['submitdate', 'startdate', 'datestamp'];
const METADATA = ['lastpage', 'startlanguage', 'seed', 'token', 'ipaddr', 'refurl', 'interviewtime'];

export const limesurvey: SourceProfile = {
  id: 'limesurvey',
  detect(headers) {
    const set = foldedSet(headers);
    if (set.has('id') && set.has('submitdate') && set.has('lastpage')) return 0.95;
    return share(set, ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp']) * 0.8;
  },
  normalise(records) {
    const roles = new Map<string, Pick<SourceColumn, 'role' | 'type'>>([['id', { role: 'id', type: 'identifier' }]]);
    for (const name of TIMESTAMPS) roles.set(name, { role: 'timestamp', type: 'timestamp' });
    for (const name of METADATA) roles.set(name, { role: 'metadata' });
    const columns = groupOptionColumns(cellColumns(records, roles, '; '), records.rows, splitCode, 'y');
    const submit = records.rawHeaders.findIndex((h) => h.trim().toLowerCase() === 'submitdate');
    const lastpage = records.rawHeaders.findIndex((h) => h.trim().toLowerCase() === 'lastpage');
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    const excluded: Problem[] = [];
    records.rows.forEach((row, i) => {
      if (submit < 0 || row[submit]!.trim() !== '') {
        rows.push(row);
        rowNumbers.push(records.rowNumbers[i]!);
        return;
      }
      const page = lastpage >= 0 && row[lastpage]!.trim() !== '' ? ` (arrêtée à la page ${row[lastpage]!.trim()})` : '';
      excluded.push({
        row: records.rowNumbers[i]!,
        column: 'submitdate',
        message: `Réponse incomplète${page} : pas de date d’envoi (submitdate), elle n’est pas importée. Pour l’importer quand même, exportez depuis LimeSurvey les réponses complètes et incomplètes et remplissez submitdate.`,
      });
    });
    const warnings: Problem[] = excluded.length
      ? [{ row: 0, column: 'submitdate', message: `${excluded.length} réponse(s) incomplète(s) (sans submitdate) laissée(s) de côté.` }]
      : [];
    return table(records, 'limesurvey', columns, { rows, rowNumbers, excluded, warnings });
  },
};

function splitCode(key: string): { base: string; option: string } | null {
  const match = /^(.+)\[([^\]]+)\]$/.exec(key);
  return match && !/^(other|comment)$/i.test(match[2]!) ? { base: match[1]!, option: match[2]! } : null;
}
