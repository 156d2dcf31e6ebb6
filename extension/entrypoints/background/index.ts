// The background worker: wiring only. Every listener is registered synchronously in main(); state lives in storage.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createSyncService } from '../../outbox/service';
import { isSyncNow } from '../../outbox/messages';
import { SYNC_ALARM } from '../../platform/scheduler';
import { OBSERVATION_PREFIX, PAIRING_KEY } from '../../store/keys';

export default defineBackground(() => {
  const service = createSyncService();
  const sync = (why: string) => {
    service.syncNow().catch((err: unknown) => console.error(`Repère: synchronisation (${why}) interrompue`, err));
  };

  browser.runtime.onInstalled.addListener(() => sync('installed'));
  browser.runtime.onStartup.addListener(() => sync('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) sync('alarm');
  });
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isSyncNow(message)) return undefined;
    service.syncNow().then(
      (report) => sendResponse({ ok: true, status: report.status, waiting: report.waiting }),
      (err: unknown) => sendResponse({ ok: false, message: String(err) }),
    );
    return true;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    const newRecord = keys.some((k) => k.startsWith(OBSERVATION_PREFIX) && changes[k]?.oldValue === undefined);
    if (newRecord || keys.includes(PAIRING_KEY)) sync('storage');
  });
  browser.permissions.onAdded.addListener(() => sync('permission'));

  // The alarm does not always survive a browser restart: rebuild it (and the badge) each time the worker starts.
  service.refresh().catch((err: unknown) => console.error('Repère: reprise de la file d’envoi', err));

  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, { __repereTest: { syncNow: () => service.syncNow(), refresh: () => service.refresh() } });
  }
});
