/**
 * LimeSurvey (Responses → Export → CSV or Excel, question codes or full question text as headings): `id`,
 * `submitdate`, `lastpage`, `startlanguage`, `seed`… (or « Response ID », « Date submitted »… in full headings),
 * array subquestions `Q[SQ001]`, multiple choice as `Q[SQ001]` cells holding « Y ». A response without a submit
 * date was never completed: it is left out, with a warning that says so.
 */
import type { Problem, SourceProfile } from '../types';
import { fold } from '../../text/fold';
import { cellColumns, foldedSet, groupOptionColumns, metadataRoles, share, table } from './common';

const ID = ['id', 'response id', 'id de la reponse'];
const SUBMIT = ['submitdate', 'date submitted', 'date de soumission', 'date d\'envoi'];
const TIMESTAMPS = [...SUBMIT, 'startdate', 'datestamp', 'date started', 'date last action', 'date de debut', 'date de la derniere action'];
const LAST_PAGE = ['lastpage', 'last page', 'derniere page'];
const METADATA = {
  kept: [...LAST_PAGE, 'startlanguage', 'start language', 'langue de depart', 'interviewtime', 'total time', 'temps total'],
  personal: ['ipaddr', 'ip address', 'adresse ip', 'token', 'jeton', 'refurl', 'referrer url', 'url de provenance', 'email', 'firstname', 'lastname'],
  ignored: ['seed', 'graine'],
} as const;

const findColumn = (headers: readonly string[], names: readonly string[]) => headers.findIndex((h) => names.includes(fold(h)));

export const limesurvey: SourceProfile = {
  id: 'limesurvey',
  detect(headers) {
    const set = foldedSet(headers);
    const id = ID.some((h) => set.has(h));
    const submit = SUBMIT.some((h) => set.has(h));
    if (id && submit && LAST_PAGE.some((h) => set.has(h))) return 0.95;
    return share(set, ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp']) * 0.8;
  },
  normalise(records) {
    const roles = metadataRoles(METADATA);
    for (const name of ID) roles.set(name, { role: 'id', type: 'identifier' });
    for (const name of TIMESTAMPS) roles.set(fold(name), { role: 'timestamp', type: 'timestamp' });
    const columns = groupOptionColumns(cellColumns(records, roles, '; '), records.rows, splitCode, 'y');
    const submit = findColumn(records.rawHeaders, SUBMIT);
    const lastpage = findColumn(records.rawHeaders, LAST_PAGE);
    const submitLabel = submit >= 0 ? records.rawHeaders[submit]!.trim() : 'submitdate';
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
        column: submitLabel,
        kind: 'incomplete',
        message: `Réponse incomplète${page} : pas de date d’envoi (${submitLabel}), elle n’est pas importée. Pour l’importer quand même, exportez depuis LimeSurvey les réponses complètes et incomplètes et remplissez ${submitLabel}.`,
      });
    });
    return table(records, 'limesurvey', columns, { rows, rowNumbers, excluded });
  },
};

function splitCode(key: string): { base: string; option: string } | null {
  const match = /^(.+)\[([^\]]+)\]$/.exec(key);
  return match && !/^(other|comment)$/i.test(match[2]!) ? { base: match[1]!, option: match[2]! } : null;
}
