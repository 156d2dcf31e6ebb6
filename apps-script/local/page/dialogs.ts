/**
 * The script's dialogs over the local page, as Sheets shows an HtmlService dialog over the spreadsheet: a modal
 * `<dialog>` with the dialog's title and a close button, its HTML in a sandboxed frame (scripts, print, downloads and
 * new tabs allowed, as in Google's frame; no access to this page).
 */
import type { ShownDialog } from '../registry-host';

export const DIALOG_SANDBOX = 'allow-scripts allow-modals allow-downloads allow-popups allow-popups-to-escape-sandbox';

export function isDialogMessage(data: unknown): data is { type: 'repere:dialog'; dialog: ShownDialog } {
  const d = data as { type?: unknown; dialog?: { html?: unknown; title?: unknown } } | null;
  return d !== null && typeof d === 'object' && d.type === 'repere:dialog' && typeof d.dialog?.html === 'string' && typeof d.dialog.title === 'string';
}

export function showScriptDialog(dialog: ShownDialog): void {
  const element = document.getElementById('script-dialog') as HTMLDialogElement;
  document.getElementById('script-dialog-title')!.textContent = dialog.title;
  const old = document.getElementById('script-dialog-frame');
  // A new frame each time: the sandbox is set before its content, and nothing of the previous dialog remains.
  const frame = document.createElement('iframe');
  frame.id = 'script-dialog-frame';
  frame.title = dialog.title;
  frame.setAttribute('sandbox', DIALOG_SANDBOX);
  frame.style.width = `min(${dialog.width}px, 92vw)`;
  frame.style.height = `min(${dialog.height}px, 80vh)`;
  frame.srcdoc = dialog.html;
  if (old) old.replaceWith(frame);
  else element.appendChild(frame);
  if (element.open) element.close();
  if (dialog.modal) element.showModal();
  else element.show();
}

export function initScriptDialogs(): void {
  const element = document.getElementById('script-dialog') as HTMLDialogElement;
  document.getElementById('script-dialog-close')!.addEventListener('click', () => element.close());
}
