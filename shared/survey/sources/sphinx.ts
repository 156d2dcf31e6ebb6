/**
 * Sphinx iQ / Sphinx Online, « Exporter les données » to a spreadsheet (French Excel CSV: `;`, Windows-1252 or
 * UTF-8): a record number, entry date and state columns before the questions, multiple answers joined with « ; »
 * in one cell. Based on the tool's manuals as remembered, not on an export checked against the tool: see
 * tests/fixtures/surveys/README.md.
 */
import type { SourceProfile } from '../types';
import { cellColumns, foldedSet, metadataRoles, share, table } from './common';

const ID = ['ident', 'identifiant', 'numero', 'n° observation'];
const TIMESTAMPS = ['date de saisie', 'date de creation', 'date de modification', 'date de fin de saisie'];
const METADATA = { kept: ['etat', 'etat de la saisie', 'duree de saisie', 'progression', 'langue', 'origine', 'source'], personal: ['adresse ip', 'adresse e-mail', 'email'], ignored: [] } as const;

export const sphinx: SourceProfile = {
  id: 'sphinx',
  detect(headers) {
    const set = foldedSet(headers);
    const id = ID.some((h) => set.has(h));
    const meta = share(set, ['Date de saisie', 'Durée de saisie', 'Etat', 'Progression']);
    return id && meta >= 0.5 ? 0.9 : meta * 0.6;
  },
  normalise(records) {
    const roles = metadataRoles(METADATA);
    for (const name of ID) roles.set(name, { role: 'id', type: 'identifier' });
    for (const name of TIMESTAMPS) roles.set(name, { role: 'timestamp', type: 'timestamp' });
    return table(records, 'sphinx', cellColumns(records, roles, ' ; '), { dateOrder: 'dmy' });
  },
};
