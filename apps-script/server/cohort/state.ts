/**
 * What a registry remembers of its cohort, in its document properties: a coordinator's cohort (its id, the shared
 * set's version and each definition's fingerprint per version), or a member's membership (the coordinator's
 * collector, its member code, the versions it adopted). A member's secret is the person's, in their user properties
 * (as the extension's connection code is): it is never written in the registry, which may travel.
 */
import type { VersionHistory } from '../../../shared/cohort/definition';
import type { TabFinder } from '../registry';

const COORDINATION = 'repere.cohort.coordination';
const MEMBERSHIP = 'repere.cohort.membership';
const SECRET = 'repere.cohort.secret.';

export interface Coordination {
  id: string;
  /** The shared set's version: it goes up whenever a definition's version does, or one is added or removed. */
  setVersion: number;
  /** What the set held at that version: « I1:2,I2:1 ». */
  setPrint: string;
  history: VersionHistory;
  /** The coordinator chose to show the structures' names to the members (off: codes only). */
  showNames: boolean;
}

export interface Adopted {
  /** The indicator's code in the member's registry (the shared code, or another when that one was taken). */
  code: string;
  version: number;
  fingerprint: string;
}

export interface Membership {
  id: string;
  name: string;
  collector: string;
  member: string;
  setVersion: number;
  /** Per shared indicator code. */
  adopted: Record<string, Adopted>;
  joinedAt: string;
}

/** `known`: the document properties a run already read (TabLayouts), sparing the calls. */
function readJson<T>(key: string, known?: (name: string) => string | null): T | null {
  const raw = known ? known(key) : PropertiesService.getDocumentProperties().getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function coordination(tabs?: TabFinder): Coordination | null {
  return readJson<Coordination>(COORDINATION, tabs?.documentProperty?.bind(tabs));
}

export function saveCoordination(value: Coordination): void {
  PropertiesService.getDocumentProperties().setProperty(COORDINATION, JSON.stringify(value));
}

export function membership(): Membership | null {
  return readJson<Membership>(MEMBERSHIP);
}

export function saveMembership(value: Membership): void {
  PropertiesService.getDocumentProperties().setProperty(MEMBERSHIP, JSON.stringify(value));
}

export function memberSecret(cohortId: string): string | null {
  return PropertiesService.getUserProperties().getProperty(`${SECRET}${cohortId}`);
}

export function saveMemberSecret(cohortId: string, secret: string): void {
  PropertiesService.getUserProperties().setProperty(`${SECRET}${cohortId}`, secret);
}
