/**
 * The coordinator's « Membres »: inviting a structure makes its secret, keeps only the secret's hash in the tab and
 * hands the invitation code out once; a request from a member is recognised by comparing the hash of the secret it
 * sends with every member's hash, in constant time.
 */
import { formatInvitationCode, nextMemberCode } from '../../../shared/cohort/invitation';
import { RECORD_LANG, termId, termLabel, type MemberStatus } from '../../../shared/contract/words';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { constantTimeEqual } from '../../../shared/protocol/connection-code';
import { fold } from '../../../shared/text/fold';
import { appendRecords, updateRecord, type CellValue, type TabFinder } from '../registry';
import { readTab } from '../registry-read';
import type { Coordination } from './state';

export interface Member {
  row: number;
  code: string;
  name: string;
  contact: string;
  secretHash: string;
  status: MemberStatus | null;
  /** The cells as read, for the cohort's computation. */
  cells: Record<string, unknown>;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export function readMembers(tabs: TabFinder): Member[] {
  return (readTab(tabs, 'members')?.rows ?? [])
    .filter((r) => text(r.cells['code']) !== '' || text(r.cells['name']) !== '')
    .map((r) => ({
      row: r.row,
      code: text(r.cells['code']),
      name: text(r.cells['name']),
      contact: text(r.cells['contact']),
      secretHash: text(r.cells['secretHash']).toLowerCase(),
      status: termId('memberStatus', text(r.cells['status'])),
      cells: r.cells,
    }));
}

export const statusWord = (status: MemberStatus): string => termLabel('memberStatus', status, RECORD_LANG);

/** The member whose secret this is, or null; every member's hash is compared, so timing tells nothing. */
export function memberByToken(members: readonly Member[], token: string): Member | null {
  const hash = sha256Hex(token);
  let found: Member | null = null;
  for (const m of members) if (constantTimeEqual(hash, m.secretHash) && m.secretHash.length === 64) found = m;
  return found;
}

export type Invitation = { ok: true; code: string; member: string; renewed: boolean } | { ok: false; message: string };

/**
 * Invites a structure, or gives a structure already invited (same name) a new code, which makes its old code stop
 * working. The code is shown once: only its hash stays in « Membres ».
 */
export function inviteMember(tabs: TabFinder, state: Coordination, collector: string, name: string, contact: string, now: Date): Invitation {
  const members = readMembers(tabs);
  const tab = tabs.tab('members');
  if (!tab) return { ok: false, message: 'L’onglet « Membres » manque : relancez « Configurer la coordination ».' };
  const secret = sha256Hex(`${Utilities.getUuid()}${Utilities.getUuid()}`);
  const existing = members.find((m) => fold(m.name) === fold(name));
  const fields: Record<string, CellValue> = { secretHash: sha256Hex(secret), invitedAt: now };
  if (existing) {
    updateRecord(tab, existing.row, { ...fields, ...(contact !== '' && { contact }), ...(existing.status === 'revoked' && { status: statusWord('invited') }) });
  } else {
    const code = nextMemberCode(members.map((m) => m.code));
    appendRecords(tab, [{ code, name, contact, ...fields, status: statusWord('invited') }]);
    return { ok: true, code: formatInvitationCode({ collector, cohortId: state.id, secret }), member: code, renewed: false };
  }
  return { ok: true, code: formatInvitationCode({ collector, cohortId: state.id, secret }), member: existing.code, renewed: true };
}
