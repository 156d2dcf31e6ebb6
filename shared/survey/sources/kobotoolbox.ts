/**
 * KoboToolbox (CSV export, `;` by default): XML names or labels, group paths `groupe/question`, select_multiple as
 * space-separated values and/or 0/1 columns `question/option`, and its metadata columns (`_uuid` is the response id).
 */
import type { SourceColumn, SourceProfile } from '../types';
import { cellColumns, foldedSet, groupOptionColumns, share, table } from './common';

const TIMESTAMPS = ['_submission_time', 'start', 'end', 'endtime', 'starttime'];
const METADATA = [
  '_id', '_index', '_status', '_submitted_by', '_validation_status', '__version__', '_version_', '_notes', '_tags', '_parent_index',
  '_parent_table_name', 'meta/instanceID', 'meta/rootUuid', 'meta/deprecatedID', 'today', 'deviceid', 'username', 'phonenumber',
  'simserial', 'subscriberid', 'audit', 'formhub/uuid', '_geolocation', '_attachments',
];

export const kobotoolbox: SourceProfile = {
  id: 'kobotoolbox',
  detect(headers) {
    const set = foldedSet(headers);
    if (set.has('_uuid') && set.has('_submission_time')) return 0.95;
    return share(set, ['_uuid', '_submission_time', '_index', '_id', '_status', '_submitted_by', '__version__']) * 0.9;
  },
  normalise(records) {
    const roles = new Map<string, Pick<SourceColumn, 'role' | 'type'>>([['_uuid', { role: 'id', type: 'identifier' }]]);
    for (const name of TIMESTAMPS) roles.set(name, { role: 'timestamp', type: 'timestamp' });
    for (const name of METADATA) roles.set(name.toLowerCase(), { role: 'metadata' });
    roles.set('_id', { role: 'metadata', type: 'identifier' });
    roles.set('_index', { role: 'metadata', type: 'identifier' });
    const columns = groupOptionColumns(cellColumns(records, roles, ' '), records.rows, splitPath, 'one');
    return table(records, 'kobotoolbox', columns);
  },
};

function splitPath(key: string): { base: string; option: string } | null {
  const slash = key.lastIndexOf('/');
  return slash > 0 && slash < key.length - 1 ? { base: key.slice(0, slash), option: key.slice(slash + 1) } : null;
}
