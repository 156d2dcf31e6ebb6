// Thin adapters over browser.sidePanel / sidebarAction, scripting, contextMenus, commands and tabs for the capture.
import { browser } from 'wxt/browser';
import type { PageSelection } from '../capture/draft';
import { readSelection } from '../capture/read-selection';
import { CAPTURE_COMMAND, CAPTURE_MENU_ID, type CaptureInfo, type CaptureTab } from '../capture/capture';

/** The context menu item and the shortcut both ask for a capture of their tab. */
export function onCaptureRequest(capture: (tab: CaptureTab | undefined, info: CaptureInfo) => void): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CAPTURE_MENU_ID) capture(tab, { selectionText: info.selectionText, frameId: info.frameId });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND) capture(tab, {});
  });
}

/** The first tab showing `url` (a match pattern), for the e2e hook that runs the capture command on it. */
export async function tabShowing(url: string): Promise<CaptureTab | undefined> {
  const [tab] = await browser.tabs.query({ url });
  return tab;
}

/** Synchronous on purpose: the call must happen inside the user gesture. */
export function openPanel(tabId: number): void {
  const b = browser as unknown as {
    sidePanel?: { open(o: { tabId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  const opening = import.meta.env.FIREFOX ? b.sidebarAction?.open() : b.sidePanel?.open({ tabId });
  // Outside a gesture (the e2e hook) the browser refuses: the draft is still stored for the panel.
  opening?.catch(() => undefined);
}

export async function readSelectionIn(tabId: number, frameId: number | undefined): Promise<PageSelection | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
      func: readSelection,
    });
    return (result?.result as PageSelection | null | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function createCaptureMenu(title: string): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CAPTURE_MENU_ID, title, contexts: ['selection', 'page'] });
}

/** The shortcut actually bound to a command, or '' when Chrome could not assign the suggested one. */
export async function boundShortcut(command: string): Promise<string> {
  const all = await browser.commands.getAll();
  return all.find((c) => c.name === command)?.shortcut ?? '';
}
