// Thin adapter over browser.runtime messaging: the pages ask the background, the single writer of outbox state, to sync.
import { browser } from 'wxt/browser';
import { SYNC_NOW, isSyncNow, type SyncNowMessage } from '../outbox/messages';

/**
 * Asks the background to sync now; `force` (« Envoyer maintenant ») also retries what waits out its backoff. The
 * answer is not awaited: pages follow the outcome through storage. `unreachable` runs when the worker cannot be woken.
 */
export function requestSync(unreachable: () => void, force = false): void {
  const message: SyncNowMessage = { type: SYNC_NOW, force };
  browser.runtime.sendMessage(message).catch(unreachable);
}

/** The background's side: each sync request is answered with what `handle` resolves to. */
export function onSyncRequest(handle: (message: SyncNowMessage) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isSyncNow(message)) return undefined;
    void handle(message).then(sendResponse);
    // Keeps the channel open for the asynchronous answer.
    return true;
  });
}
