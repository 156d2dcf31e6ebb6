/**
 * SurveyMonkey (Analyze → Save as → CSV, « Actual answer text »): two header rows. Row 1 holds the question text,
 * left blank over the following columns of the same question; row 2 says « Response », « Open-Ended Response » or
 * the option (multiple choice: the cell repeats the option when ticked) or the row of a matrix (the cell holds the
 * chosen level). `Respondent ID` is the response id; dates are written 11/26/2026 02:03:12 PM.
 */
import type { MetadataUse, SourceColumn, SourceProfile } from '../types';
import { fold } from '../../text/fold';
import { foldedSet, table } from './common';

const ID = ['respondent id', 'id du repondant', 'id de repondant'];
const COLLECTOR = ['collector id', 'id du collecteur', 'id de collecteur'];
const TIMESTAMPS = ['start date', 'end date', 'date de debut', 'date de fin'];
/** SurveyMonkey's own columns and what each is for (folded). */
const METADATA = new Map<string, MetadataUse>([
  ...COLLECTOR.map((name): [string, MetadataUse] => [name, 'kept']),
  ...['ip address', 'adresse ip', 'email address', 'adresse e-mail', 'first name', 'prenom', 'last name', 'nom', 'custom data 1', 'custom data',
    'donnees personnalisees 1', 'donnees personnalisees'].map((name): [string, MetadataUse] => [name, 'personal']),
]);
const SINGLE = new Set(['response', 'open-ended response', 'reponse', 'reponse ouverte']);
const OTHER = /^(other|autre)\b/;

export const surveymonkey: SourceProfile = {
  id: 'surveymonkey',
  detect(headers) {
    const set = foldedSet(headers);
    const id = ID.some((h) => set.has(h));
    const collector = COLLECTOR.some((h) => set.has(h));
    return id && collector ? 0.95 : id ? 0.6 : 0;
  },
  normalise(records) {
    const [second = [], ...rows] = records.rows;
    const answerRows = records.rowNumbers.slice(1);
    const raw = records.rawHeaders;
    const columns: SourceColumn[] = [];
    for (let start = 0; start < raw.length; ) {
      let end = start + 1;
      while (end < raw.length && raw[end]!.trim() === '') end++;
      columns.push(...question(raw[start]!.trim() || records.headers[start]!, start, end, second, rows));
      start = end;
    }
    return table(records, 'surveymonkey', columns, { headerRows: 2, rows, rowNumbers: answerRows, dateOrder: 'mdy' });
  },
};

function question(text: string, start: number, end: number, second: readonly string[], rows: readonly string[][]): SourceColumn[] {
  const folded = fold(text);
  const sub = (i: number) => (second[i] ?? '').trim();
  if (end - start === 1) {
    const column: SourceColumn = { key: text, label: text, from: { kind: 'cell', index: start } };
    if (ID.includes(folded)) return [{ ...column, role: 'id', type: 'identifier' }];
    if (TIMESTAMPS.includes(folded)) return [{ ...column, role: 'timestamp', type: 'timestamp' }];
    const use = METADATA.get(folded);
    if (use) return [{ ...column, role: 'metadata', use }];
    const label = sub(start);
    if (label === '' || SINGLE.has(fold(label))) return [column];
    // One checkbox on its own still names its option in row 2: keep question and option in the key.
    return [{ ...column, key: `${text} [${label}]` }];
  }
  const indexes = Array.from({ length: end - start }, (_, k) => start + k);
  const others = indexes.filter((i) => OTHER.test(fold(sub(i))));
  const options = indexes.filter((i) => !others.includes(i));
  const isChoice = options.every((i) => rows.every((r) => r[i]!.trim() === '' || r[i]!.trim() === sub(i)));
  if (!isChoice) return indexes.map((i) => ({ key: `${text} [${sub(i)}]`, label: text, from: { kind: 'cell', index: i } }));
  const columns: SourceColumn[] = [
    { key: text, label: text, type: 'multiple', from: { kind: 'options', options: options.map((i) => ({ index: i, option: sub(i), chosen: 'non-empty' })) } },
  ];
  for (const i of others) columns.push({ key: `${text} [${sub(i)}]`, label: text, type: 'text', from: { kind: 'cell', index: i } });
  return columns;
}
