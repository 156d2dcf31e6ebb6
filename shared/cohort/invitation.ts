/**
 * The invitation code a coordinator gives each member structure: the coordinator's collector URL, the cohort's id and
 * the member's own secret in one line to copy and paste, as the extension's connection code is. The coordinator keeps
 * only the secret's hash; the member sends the secret in the body of every request to prove who it is.
 */

const PREFIX = 'repere-cohorte1:';
/** A cohort's id: « COH- » and eight hexadecimal digits, made once when the coordination is set up. */
export const COHORT_ID = /^COH-[0-9A-F]{8}$/;
const SECRET = /^[0-9a-f]{64}$/;
const ENDPOINT = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

export interface Invitation {
  collector: string;
  cohortId: string;
  secret: string;
}

export function formatInvitationCode(invitation: Invitation): string {
  return `${PREFIX}${invitation.cohortId}:${invitation.secret}@${invitation.collector}`;
}

export type InvitationParse = { ok: true; value: Invitation } | { ok: false; message: string };

export function parseInvitationCode(input: string): InvitationParse {
  const code = input.trim();
  const invalid = {
    ok: false as const,
    message: 'Ce code d’invitation n’est pas reconnu : il commence par « repere-cohorte1: ». Copiez-le à nouveau en entier depuis le message de la coordination.',
  };
  if (!code.startsWith(PREFIX)) return invalid;
  const rest = code.slice(PREFIX.length);
  const at = rest.indexOf('@');
  const colon = rest.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return invalid;
  const value = { cohortId: rest.slice(0, colon), secret: rest.slice(colon + 1, at), collector: rest.slice(at + 1) };
  if (!COHORT_ID.test(value.cohortId) || !SECRET.test(value.secret) || !ENDPOINT.test(value.collector)) return invalid;
  return { ok: true, value };
}

/** A new cohort id from random hexadecimal digits (a UUID's). */
export function cohortIdFrom(randomHex: string): string {
  return `COH-${randomHex.replace(/[^0-9a-f]/gi, '').slice(0, 8).toUpperCase()}`;
}

/** The code a member appears under: S01, S02… (never its name, unless the coordinator shows names to members). */
export function memberCode(index: number): string {
  return `S${String(index).padStart(2, '0')}`;
}

/** The next free member code after those taken. */
export function nextMemberCode(taken: readonly string[]): string {
  const used = new Set(taken.map((c) => c.trim().toUpperCase()));
  for (let i = 1; ; i++) if (!used.has(memberCode(i))) return memberCode(i);
}
