// Thin adapter over browser.alarms and browser.action: the single sync alarm and the badge with the waiting count.
import { browser } from 'wxt/browser';

export const SYNC_ALARM = 'repere-sync';
/** Chrome raises shorter alarms of packed extensions to 30 s anyway. */
const MIN_ALARM_DELAY_MS = 30_000;

export function onSyncAlarm(handle: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) handle();
  });
}

export async function scheduleSyncAlarm(due: number | null, now: number): Promise<void> {
  if (due === null) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  await browser.alarms.create(SYNC_ALARM, { when: Math.max(due, now + MIN_ALARM_DELAY_MS) });
}

export async function showWaitingCount(waiting: number): Promise<void> {
  const action = browser.action;
  if (!action) return;
  await action.setBadgeText({ text: waiting > 0 ? String(waiting) : '' });
  await action.setBadgeBackgroundColor?.({ color: '#5b3cc4' });
}
