/**
 * KoboToolbox (CSV export, `;` by default, or XLSX): XML names or labels, group paths `groupe/question`,
 * select_multiple as space-separated values and/or 0/1 columns `question/option`, and its own columns, every one
 * starting with `_` (`_uuid` is the response id) plus the metadata questions start, end, today, deviceid…
 */
import type { SourceProfile } from '../types';
import { cellColumns, foldedSet, groupOptionColumns, metadataRoles, share, table } from './common';

const TIMESTAMPS = ['_submission_time', 'start', 'end', 'endtime', 'starttime'];
/** Kobo's own columns: what each is for. Any other column starting with `_` is Kobo's too, and of no use here. */
const METADATA = {
  kept: ['_id', '_status', '_validation_status', '__version__', '_version_', 'today'],
  personal: ['_submitted_by', 'username', 'deviceid', 'phonenumber', 'simserial', 'subscriberid', '_geolocation', 'email', 'audit'],
  ignored: [
    '_index', '_parent_index', '_parent_table_name', '_notes', '_tags', '_attachments', 'meta/instanceID', 'meta/instanceName', 'meta/rootUuid',
    'meta/deprecatedID', 'formhub/uuid', '_xform_id_string', '_media_all_received', '_total_media', '_expected_media', '_bamboo_dataset_id',
  ],
} as const;
/** A geopoint split into its parts (`_gps_latitude`…): where the person was, personal. */
const GEOPOINT_PART = /^_.+_(latitude|longitude|altitude|precision)$/i;

export const kobotoolbox: SourceProfile = {
  id: 'kobotoolbox',
  detect(headers) {
    const set = foldedSet(headers);
    if (set.has('_uuid') && set.has('_submission_time')) return 0.95;
    return share(set, ['_uuid', '_submission_time', '_index', '_id', '_status', '_submitted_by', '__version__']) * 0.9;
  },
  normalise(records) {
    const roles = metadataRoles(METADATA);
    roles.set('_uuid', { role: 'id', type: 'identifier' });
    for (const name of TIMESTAMPS) roles.set(name, { role: 'timestamp', type: 'timestamp' });
    roles.set('_id', { role: 'metadata', use: 'kept', type: 'identifier' });
    roles.set('today', { role: 'metadata', use: 'kept', type: 'date' });
    const columns = cellColumns(records, roles, ' ').map((column) => {
      if (column.role || !column.label.trim().startsWith('_')) return column;
      return { ...column, role: 'metadata' as const, use: GEOPOINT_PART.test(column.label.trim()) ? ('personal' as const) : ('ignored' as const) };
    });
    return table(records, 'kobotoolbox', groupOptionColumns(columns, records.rows, splitPath, 'one'));
  },
};

function splitPath(key: string): { base: string; option: string } | null {
  const slash = key.lastIndexOf('/');
  return slash > 0 && slash < key.length - 1 ? { base: key.slice(0, slash), option: key.slice(slash + 1) } : null;
}
