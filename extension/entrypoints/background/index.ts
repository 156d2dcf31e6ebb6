// The background worker: wiring only. Every listener is registered synchronously in main(); state lives in storage.
import { defineBackground } from 'wxt/utils/define-background';
import { createSyncService } from '../../outbox/service';
import { onSyncAlarm } from '../../platform/scheduler';
import { localStore, onLocalStoreChange } from '../../platform/local-storage';
import { createCaptureMenu, onCaptureRequest, openPanel, readSelectionIn, tabShowing } from '../../platform/capture-browser';
import { onBrowserStart, onInstalled, openOnboarding } from '../../platform/lifecycle';
import { onSyncRequest } from '../../platform/messaging';
import { onPermissionsChange } from '../../platform/permissions';
import { onCapture, type CaptureDeps, type CaptureInfo, type CaptureTab } from '../../capture/capture';
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
  onCaptureRequest((tab, info) => void capture(tab, info).catch(log('capture')));

  const setUpMenus = () => createCaptureMenu(t.menu.capture).catch(log('menu contextuel'));
  onInstalled((firstInstall) => {
    void setUpMenus();
    if (firstInstall) void openOnboarding();
    sync('installed');
  });
  onBrowserStart(() => {
    void setUpMenus();
    sync('startup');
  });
  onSyncAlarm(() => sync('alarm'));
  onSyncRequest((message) =>
    ready
      .then(() => (message.force ? service.retryNow() : service.syncNow()))
      .then(
        (report) => ({ ok: true, status: report.status, waiting: report.waiting }),
        (err: unknown) => ({ ok: false, message: String(err) }),
      ),
  );
  onLocalStoreChange((keys) => {
    // A new record, an edited one (new updatedAt) or a deleted one, or a new pairing.
    const records = keys.some((k) => k.startsWith(OBSERVATION_PREFIX));
    if (records || keys.includes(PAIRING_KEY)) sync('storage');
  });
  // Granting the endpoint resumes sending; withdrawing it stops sending, and the next run says so.
  onPermissionsChange((granted) => sync(granted ? 'permission granted' : 'permission removed'));

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
          return capture(await tabShowing(url), {});
        },
      },
    });
  }
});
