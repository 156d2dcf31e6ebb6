/**
 * The « Aperçu » dialog's page: the document itself, with a bar above it (hidden when printing) offering « Imprimer /
 * PDF », « Télécharger (.html) » and « Ouvrir dans un nouvel onglet ». The dialog runs in Google's sandboxed frame,
 * which may refuse to print or to download: printing that does not start within a moment says so and points to the
 * new tab, where both always work. The file downloaded is the document alone (its style and its root element), never
 * the bar or this script.
 */
import { esc } from '../../shared/text/html';
import { DOCUMENT_ROOT_ID, DOCUMENT_STYLE_ID } from '../../shared/report/html';

const BAR_STYLE = `
.repere-preview-bar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 12px; padding: 8px 10px; background: #f1f3f4; border-bottom: 1px solid #dadce0; font: 14px Roboto, Arial, sans-serif; }
.repere-preview-bar button { font: inherit; padding: 6px 12px; border: 1px solid #1a73e8; border-radius: 4px; background: #1a73e8; color: #fff; cursor: pointer; }
.repere-preview-bar button.secondary { background: #fff; color: #1a73e8; }
.repere-preview-bar p { margin: 0; flex-basis: 100%; color: #5f6368; }
.repere-preview-bar p.refused { color: #b3261e; }
@media print { .repere-preview-bar { display: none !important; } }
`;

/** Plain ES5: it runs in the dialog as written. */
const SCRIPT = `
(function () {
  var bar = document.querySelector('.repere-preview-bar');
  var status = bar.querySelector('p');
  var name = bar.getAttribute('data-file');
  function say(text, refused) { status.textContent = text; status.className = refused ? 'refused' : ''; }
  function file() {
    var title = document.createElement('title');
    title.textContent = document.title;
    return '<!DOCTYPE html>\\n<html lang="' + document.documentElement.lang + '">\\n<head>\\n<meta charset="utf-8">\\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\\n' + title.outerHTML + '\\n' +
      document.getElementById('${DOCUMENT_STYLE_ID}').outerHTML + '\\n</head>\\n<body class="' + document.body.className + '">\\n' +
      document.getElementById('${DOCUMENT_ROOT_ID}').outerHTML + '\\n</body>\\n</html>\\n';
  }
  function url() { return URL.createObjectURL(new Blob([file()], { type: 'text/html;charset=utf-8' })); }
  var printing = false;
  window.addEventListener('beforeprint', function () { printing = true; });
  bar.querySelector('[data-action="print"]').addEventListener('click', function () {
    printing = false;
    try { window.print(); } catch (e) { printing = false; }
    setTimeout(function () {
      if (!printing) say('L’impression est bloquée dans cette fenêtre : « Ouvrir dans un nouvel onglet », puis Ctrl+P (ou Cmd+P) et « Enregistrer au format PDF ».', true);
    }, 1500);
  });
  bar.querySelector('[data-action="download"]').addEventListener('click', function () {
    var a = document.createElement('a');
    a.href = url();
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    say('« ' + name + ' » est enregistré dans vos téléchargements (s’il n’y est pas, « Ouvrir dans un nouvel onglet » puis Ctrl+S). Il s’ouvre dans Google Docs, Word ou LibreOffice pour être modifié.', false);
  });
  bar.querySelector('[data-action="open"]').addEventListener('click', function () {
    var opened = window.open(url(), '_blank');
    if (!opened) say('Le navigateur a bloqué le nouvel onglet : autorisez les fenêtres surgissantes pour cette page, puis recommencez.', true);
  });
})();
`;

export function previewPage(html: string, fileName: string): string {
  const bar = `<div class="repere-preview-bar" role="toolbar" aria-label="Aperçu du document" data-file="${esc(fileName)}">
<button type="button" data-action="print">Imprimer / PDF</button>
<button type="button" class="secondary" data-action="download">Télécharger (.html)</button>
<button type="button" class="secondary" data-action="open">Ouvrir dans un nouvel onglet</button>
<p role="status" aria-live="polite">Aperçu : ce que le destinataire verra. Pour un PDF, « Imprimer / PDF » puis « Enregistrer au format PDF ».</p>
</div>`;
  return html
    .replace('</head>', `<style>${BAR_STYLE}</style>\n</head>`)
    .replace(/<body([^>]*)>/, (open) => `${open}\n${bar}`)
    .replace('</body>', `<script>${SCRIPT}</script>\n</body>`);
}
