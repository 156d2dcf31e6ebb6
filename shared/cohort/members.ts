/**
 * Where each member stands, at one glance: which periods it published, when last, and which periods it has not
 * published yet although other structures have (the coordinator's reminders). A member whose code was withdrawn
 * (hash cleared) is « révoquée »; one that has neither joined nor published is still « invitée ».
 */
import type { MemberStatus } from '../contract/words';
import { comparePeriods } from '../indicators/periods';

export interface MemberFacts {
  code: string;
  /** The hash of its invitation's secret is still there. */
  active: boolean;
  joined: boolean;
}

export interface PublishedPeriod {
  member: string;
  period: string;
  /** ms since the epoch. */
  receivedAt: number;
}

export interface MemberStanding {
  code: string;
  status: MemberStatus;
  periods: string[];
  lastPublication: number | null;
  /** Periods other active members published and this one not yet. */
  late: string[];
}

export function memberStandings(members: readonly MemberFacts[], published: readonly PublishedPeriod[]): MemberStanding[] {
  const periodsOf = new Map<string, Set<string>>();
  const lastOf = new Map<string, number>();
  for (const p of published) {
    let set = periodsOf.get(p.member);
    if (!set) periodsOf.set(p.member, (set = new Set()));
    set.add(p.period);
    if (Number.isFinite(p.receivedAt)) lastOf.set(p.member, Math.max(lastOf.get(p.member) ?? 0, p.receivedAt));
  }
  return members.map((m) => {
    const own = periodsOf.get(m.code) ?? new Set<string>();
    const expected = new Set<string>();
    for (const other of members) if (other.code !== m.code && other.active) for (const p of periodsOf.get(other.code) ?? []) expected.add(p);
    // A withdrawn member is not reminded; one invited and not yet joined is (its periods are due too).
    const late = m.active ? [...expected].filter((p) => !own.has(p)).sort((a, b) => comparePeriods(a, b)) : [];
    const published = own.size > 0;
    let status: MemberStatus;
    if (!m.active) status = 'revoked';
    else if (!m.joined && !published) status = 'invited';
    else if (late.length > 0) status = 'late';
    else status = published ? 'upToDate' : 'joined';
    return { code: m.code, status, periods: [...own].sort((a, b) => comparePeriods(a, b)), lastPublication: lastOf.get(m.code) ?? null, late };
  });
}
