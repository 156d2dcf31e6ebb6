// The outbox state machine: plain functions over plain data (no browser.*, no clock, no randomness of their own).
import type { EndpointAnswer } from '../../shared/protocol/endpoint';
import { t } from '../i18n';
import { outboxMessage } from './wording';

const outboxText = t.outbox;

export type OutboxState = 'pending' | 'inflight' | 'synced' | 'failed';

export interface OutboxError {
  code: string;
  message: string;
}

export interface OutboxEntry {
  id: string;
  state: OutboxState;
  attempts: number;
  /** Epoch ms; 0 means "as soon as possible". */
  nextAttemptAt: number;
  lastError: OutboxError | null;
  updatedAt: number;
  syncedAt?: number;
  /** The record's updatedAt last sent (set when inflight, kept when confirmed): an edit makes it differ. */
  version?: string;
}

/** What a send can end with: a protocol answer, or a failure before any answer was read. */
export type SendResult = EndpointAnswer | { ok: false; code: 'network' | 'timeout'; message: string };

export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

export function freshEntry(id: string, now = 0): OutboxEntry {
  return { id, state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, updatedAt: now };
}

/** min(6 h, 30 s · 2^attempts) · (0.5 + random): full exponential backoff with ±50 % jitter. */
export function backoffDelay(attempts: number, random: () => number): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts));
  return Math.floor(base * (0.5 + random()));
}

/** An inflight entry can only survive a run that was killed mid-send: it goes back to pending, untouched otherwise. */
export function recoverInflight(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries.filter((e) => e.state === 'inflight').map((e) => ({ ...e, state: 'pending' as const, updatedAt: now }));
}

/** The due pending entries, in the given (oldest first) order, at most `max`. */
export function selectBatch(entries: readonly OutboxEntry[], now: number, max: number): OutboxEntry[] {
  return entries.filter((e) => e.state === 'pending' && e.nextAttemptAt <= now).slice(0, max);
}

export function markInflight(
  batch: readonly OutboxEntry[],
  now: number,
  versionOf: (id: string) => string | undefined = () => undefined,
): OutboxEntry[] {
  return batch.map((e) => ({ ...e, state: 'inflight' as const, updatedAt: now, version: versionOf(e.id) ?? e.version }));
}

/**
 * An entry as it stands for the record's current version: a record edited after it was confirmed (or refused) is
 * queued again from scratch, so the collector updates its row.
 */
export function entryForVersion(entry: OutboxEntry, recordVersion: string): OutboxEntry {
  if ((entry.state === 'synced' || entry.state === 'failed') && entry.version !== undefined && entry.version !== recordVersion) {
    return { id: entry.id, state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, updatedAt: entry.updatedAt, version: entry.version };
  }
  return entry;
}

export type BatchOutcome = 'sent' | 'retry' | 'unauthorized';

export interface AppliedAnswer {
  updates: OutboxEntry[];
  outcome: BatchOutcome;
  /** The batch-level error, if any (French, for the sync status). */
  error: OutboxError | null;
}


function retry(e: OutboxEntry, error: OutboxError, now: number, random: () => number): OutboxEntry {
  return {
    ...e,
    state: 'pending',
    attempts: e.attempts + 1,
    nextAttemptAt: now + backoffDelay(e.attempts, random),
    lastError: error,
    updatedAt: now,
  };
}

/**
 * Turns a collector answer into the batch's new states. A record leaves the outbox (synced) only when the collector
 * names it as accepted or already present; a rejected record fails with the collector's reason; anything else is
 * retried with backoff, except `unauthorized`, which keeps the records pending and stops syncing.
 */
export function applyResult(
  batch: readonly OutboxEntry[],
  result: SendResult,
  now: number,
  random: () => number,
): AppliedAnswer {
  if (!result.ok) {
    if (result.code === 'unauthorized') {
      const error = { code: 'unauthorized', message: outboxText.unauthorized };
      return { outcome: 'unauthorized', error, updates: batch.map((e) => ({ ...e, state: 'pending', lastError: error, updatedAt: now })) };
    }
    const error = { code: result.code, message: outboxMessage(result.code) ?? result.message ?? outboxText.internal };
    return { outcome: 'retry', error, updates: batch.map((e) => retry(e, error, now, random)) };
  }
  const confirmed = new Set([...(result.accepted ?? []), ...(result.duplicates ?? [])]);
  const rejected = new Map((result.rejected ?? []).map((r) => [r.id, r]));
  const notConfirmed = { code: 'not_confirmed', message: outboxText.notConfirmed };
  const updates = batch.map((e): OutboxEntry => {
    if (confirmed.has(e.id)) {
      return { ...e, state: 'synced', attempts: e.attempts + 1, nextAttemptAt: 0, lastError: null, updatedAt: now, syncedAt: now };
    }
    const r = rejected.get(e.id);
    if (r) {
      return {
        ...e,
        state: 'failed',
        attempts: e.attempts + 1,
        nextAttemptAt: 0,
        lastError: { code: r.code, message: r.message || outboxText.rejected },
        updatedAt: now,
      };
    }
    return retry(e, notConfirmed, now, random);
  });
  return { outcome: 'sent', error: null, updates };
}

/** A new or changed pairing: everything not yet in the registry is tried again at once. */
export function resetForNewPairing(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries
    .filter((e) => e.state === 'pending' || e.state === 'failed')
    .map((e) => ({ ...e, state: 'pending' as const, attempts: 0, nextAttemptAt: 0, lastError: null, updatedAt: now }));
}

/** When the single alarm should fire: the earliest retry of a pending entry, or null if nothing waits. */
export function earliestDue(entries: readonly OutboxEntry[]): number | null {
  let min: number | null = null;
  for (const e of entries) if (e.state === 'pending' && (min === null || e.nextAttemptAt < min)) min = e.nextAttemptAt;
  return min;
}

/** Records not yet confirmed by the collector (the badge count). */
export function waitingCount(entries: readonly OutboxEntry[]): number {
  return entries.filter((e) => e.state !== 'synced').length;
}
