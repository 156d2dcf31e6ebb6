/**
 * Framaforms (Drupal Webform 7: Résultats → Télécharger, texte délimité): `Serial`, `SID`, `Time`, `Draft`,
 * `IP Address`, `UID`, `Username` (or their French translations) before the questions; `SID` is the submission id;
 * times are written 26/11/2026 - 14:03 on French sites.
 */
import type { SourceProfile } from '../types';
import { cellColumns, foldedSet, metadataRoles, share, table } from './common';

const SERIAL = ['serial', 'numero', 'n° de serie', 'numero de serie'];
const TIME = ['time', 'heure', 'date'];
const METADATA = {
  kept: ['draft', 'brouillon', ...SERIAL],
  personal: ['ip address', 'adresse ip', 'username', 'nom d\'utilisateur'],
  ignored: ['uid'],
} as const;

export const framaforms: SourceProfile = {
  id: 'framaforms',
  detect(headers) {
    const set = foldedSet(headers);
    const serial = SERIAL.some((h) => set.has(h));
    const sid = set.has('sid');
    if (serial && sid) return 0.95;
    return sid ? share(set, ['Time', 'Draft', 'IP Address', 'UID', 'Username']) * 0.8 : 0;
  },
  normalise(records) {
    const roles = metadataRoles(METADATA);
    roles.set('sid', { role: 'id', type: 'identifier' });
    for (const name of SERIAL) roles.set(name, { role: 'metadata', use: 'kept', type: 'identifier' });
    for (const name of TIME) roles.set(name, { role: 'timestamp', type: 'timestamp' });
    return table(records, 'framaforms', cellColumns(records, roles, ', '), { dateOrder: 'dmy' });
  },
};
