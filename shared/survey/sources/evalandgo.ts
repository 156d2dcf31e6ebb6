/**
 * Eval&Go (Résultats → Export Excel/CSV): a respondent id, start and end dates, status (complete or partial) and
 * language columns before the questions, multiple answers joined with « | » in one cell. Based on the tool's help
 * pages as remembered, not on an export checked against the tool: see tests/fixtures/surveys/README.md.
 */
import type { SourceProfile } from '../types';
import { cellColumns, foldedSet, metadataRoles, share, table } from './common';

const ID = ['id repondant', 'id du repondant', 'identifiant repondant', 'id participant'];
const TIMESTAMPS = ['date de debut', 'date de fin', 'date de reponse'];
const METADATA = { kept: ['statut', 'langue', 'duree', 'source', 'campagne'], personal: ['adresse ip', 'adresse e-mail', 'email'], ignored: [] } as const;

export const evalandgo: SourceProfile = {
  id: 'evalandgo',
  detect(headers) {
    const set = foldedSet(headers);
    const id = ID.some((h) => set.has(h));
    const meta = share(set, ['Date de début', 'Date de fin', 'Statut', 'Langue', 'Durée']);
    return id && meta >= 0.4 ? 0.9 : id ? 0.5 : meta * 0.5;
  },
  normalise(records) {
    const roles = metadataRoles(METADATA);
    for (const name of ID) roles.set(name, { role: 'id', type: 'identifier' });
    for (const name of TIMESTAMPS) roles.set(name, { role: 'timestamp', type: 'timestamp' });
    return table(records, 'evalandgo', cellColumns(records, roles, ' | '), { dateOrder: 'dmy' });
  },
};
