/**
 * Runs in the page through scripting.executeScript: must be self-contained (no imports, no closure). Reads the
 * selection with its line breaks and 32 characters of context on each side, as Hypothesis's TextQuoteAnchor does, and
 * where it starts and ends in the page's text, in Unicode code points (the W3C TextPositionSelector's unit); null
 * inside a text field, whose text is not the page's.
 */
export function readSelection(): { exact: string; prefix: string; suffix: string; title: string; start: number | null; end: number | null } | null {
  const title = document.title;
  // A selection inside a text field is not part of the document's selection.
  const field = document.activeElement;
  if (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === 'text')) {
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    if (end > start) {
      const v = field.value;
      return { exact: v.slice(start, end), prefix: v.slice(Math.max(0, start - 32), start), suffix: v.slice(end, end + 32), title, start: null, end: null };
    }
  }
  const sel = getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return { exact: '', prefix: '', suffix: '', title, start: null, end: null };
  const range = sel.getRangeAt(0);
  const body = document.body;
  const pre = document.createRange();
  pre.setStart(body, 0);
  pre.setEnd(range.startContainer, range.startOffset);
  const post = document.createRange();
  post.setStart(range.endContainer, range.endOffset);
  post.setEnd(body, body.childNodes.length);
  // Positions count the page's text as textContent has it (a <br> is no character there), unlike the selection's
  // own text, which keeps line breaks for the reader.
  const before = pre.toString();
  const start = [...before].length;
  return { exact: sel.toString(), prefix: before.slice(-32), suffix: post.toString().slice(0, 32), title, start, end: start + [...range.toString()].length };
}
