// The capture command (context menu or shortcut): open the panel inside the gesture, then read the page into a draft.
import { buildDraft, type Draft, type PageSelection } from './draft';

export const CAPTURE_MENU_ID = 'repere-capture';
export const CAPTURE_COMMAND = 'capture-selection';

export interface CaptureTab {
  id?: number;
  url?: string;
  title?: string;
}

export interface CaptureInfo {
  selectionText?: string;
  frameId?: number;
}

export interface CaptureDeps {
  /** Must be synchronous: sidePanel.open / sidebarAction.open only work inside the user gesture. */
  openPanel(tabId: number): void;
  /** The page's selection, or null when the page refuses injection (chrome://, the Web Store, PDF viewer…). */
  readSelection(tabId: number, frameId: number | undefined): Promise<PageSelection | null>;
  saveDraft(draft: Draft): Promise<void>;
  now(): Date;
  uuid(): string;
}

/** Opens the panel first (no await before it), then reads the selection and stores the draft the panel shows. */
export function onCapture(tab: CaptureTab | undefined, info: CaptureInfo, deps: CaptureDeps): Promise<Draft | null> {
  if (tab?.id == null) return Promise.resolve(null);
  const tabId = tab.id;
  deps.openPanel(tabId);
  return (async () => {
    let selection: PageSelection | null;
    try {
      selection = await deps.readSelection(tabId, info.frameId);
    } catch {
      selection = null;
    }
    const draft = buildDraft(
      { selection, selectionText: info.selectionText, pageUrl: tab.url, pageTitle: tab.title },
      { now: deps.now, uuid: deps.uuid },
    );
    await deps.saveDraft(draft);
    return draft;
  })();
}
