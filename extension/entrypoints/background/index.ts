// The background worker: wiring only. Every listener is registered synchronously in main(); state lives in storage.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createSyncService } from '../../outbox/service';
import { isSyncNow } from '../../outbox/messages';
import { SYNC_ALARM } from '../../platform/scheduler';
import { localStore } from '../../platform/local-storage';
import { createCaptureMenu, openPanel, readSelectionIn } from '../../platform/capture-browser';
import { CAPTURE_COMMAND, CAPTURE_MENU_ID, onCapture, type CaptureDeps, type CaptureInfo, type CaptureTab } from '../../capture/capture';
import { migrateStore } from '../../store/migrations';
import { DRAFT_KEY, OBSERVATION_PREFIX, PAIRING_KEY } from '../../store/keys';
import { t } from '../../i18n';

export default defineBackground(() => {
  const log = (what: string) => (err: unknown) => console.error(`Repère: ${what}`, err);
  // Every worker start brings the store to the current layout before anything reads it.
  const ready = migrateStore(localStore).catch(log('migration du stockage'));
  const service = createSyncService();
  const sync = (why: string) => {
    void ready.then(() => service.syncNow()).catch(log(`synchronisation (${why}) interrompue`));
  };

  const captureDeps: CaptureDeps = {
    openPanel,
    readSelection: readSelectionIn,
    saveDraft: (draft) => localStore.set({ [DRAFT_KEY]: draft }),
    now: () => new Date(),
    uuid: () => crypto.randomUUID(),
  };
  // No await before onCapture: it opens the panel first, inside the gesture.
  const capture = (tab: CaptureTab | undefined, info: CaptureInfo) => onCapture(tab, info, captureDeps);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CAPTURE_MENU_ID) capture(tab, { selectionText: info.selectionText, frameId: info.frameId }).catch(log('capture'));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND) capture(tab, {}).catch(log('capture'));
  });

  const setUpMenus = () => createCaptureMenu(t.menu.capture).catch(log('menu contextuel'));
  browser.runtime.onInstalled.addListener((details) => {
    void setUpMenus();
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    sync('installed');
  });
  browser.runtime.onStartup.addListener(() => {
    void setUpMenus();
    sync('startup');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) sync('alarm');
  });
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isSyncNow(message)) return undefined;
    ready
      .then(() => (message.force ? service.retryNow() : service.syncNow()))
      .then(
        (report) => sendResponse({ ok: true, status: report.status, waiting: report.waiting }),
        (err: unknown) => sendResponse({ ok: false, message: String(err) }),
      );
    return true;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    // A new record, an edited one (new updatedAt) or a deleted one, or a new pairing.
    const records = keys.some((k) => k.startsWith(OBSERVATION_PREFIX));
    if (records || keys.includes(PAIRING_KEY)) sync('storage');
  });
  // Granting the endpoint resumes sending; withdrawing it stops sending, and the next run says so.
  browser.permissions.onAdded.addListener(() => sync('permission granted'));
  browser.permissions.onRemoved.addListener(() => sync('permission removed'));

  // The alarm does not always survive a browser restart: rebuild it (and the badge) each time the worker starts.
  void ready.then(() => service.refresh()).catch(log('reprise de la file d’envoi'));

  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, {
      __repereTest: {
        syncNow: () => service.syncNow(),
        retryNow: () => service.retryNow(),
        refresh: () => service.refresh(),
        /** The capture command as the shortcut runs it, on the tab showing `url` (the e2e host permission stands in for activeTab). */
        capture: async (url: string) => {
          const [tab] = await browser.tabs.query({ url });
          return capture(tab, {});
        },
      },
    });
  }
});
