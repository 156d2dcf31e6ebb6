// Test helpers for the extension's unit tests: a fake clock, a seeded random and stored observations.
import { newObservation, saveObservation } from '../../../extension/store/observations';
import type { Observation } from '../../../shared/observation/schema';

export function fakeClock(start = Date.parse('2025-01-01T10:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

export function uuidFor(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

export async function storeObservations(count: number, clock = fakeClock()): Promise<Observation[]> {
  const out: Observation[] = [];
  for (let i = 1; i <= count; i++) {
    const made = newObservation(`Note ${i}`, { now: () => new Date(clock.now() + i), uuid: () => uuidFor(i) });
    if (!made.ok) throw new Error(made.reason);
    await saveObservation(made.observation);
    out.push(made.observation);
  }
  return out;
}
