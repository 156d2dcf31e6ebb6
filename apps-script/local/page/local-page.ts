/**
 * The local page: the workbook's tabs beside the real sidebar. It opens on the most useful tab (the dashboard once
 * computed, « Démarche » after set-up), lets people type into the tabs they own (grid.ts), shows the embedded charts
 * as SVG, says when the file was read again or is open in a spreadsheet program, and refreshes whenever the workbook
 * changes (the sidebar's calls at once, the extension's and other programs' within seconds).
 */
import { tabSpec } from '../../../shared/contract/tabs';
import type { ChartsView } from '../chart-tables';
import type { EditReply } from '../page-edits';
import type { SheetView } from '../page-view';
import type { WorkbookView } from '../registry-host';
import { getJson, postJson } from './api';
import { renderCharts } from './chart-figures';
import { initScriptDialogs, isDialogMessage, showScriptDialog } from './dialogs';
import { Grid, type Position } from './grid';
import { showEditResult, showExternalChanges, showOpenElsewhere, showTabKind } from './notices';

/** Each dashboard's name → the names of the tab whose charts are shown beside it (the cohort's beside the cohort's). */
const CHARTS_BESIDE = new Map<string, readonly string[]>([
  ...Object.values(tabSpec('dashboard').label).map((name) => [name, Object.values(tabSpec('charts').label)] as const),
  ...Object.values(tabSpec('cohortDashboard').label).map((name) => [name, Object.values(tabSpec('cohortCharts').label)] as const),
]);
/** The extension writes through /exec, other programs the file itself: look now and then. */
const POLL_MS = 3000;

let view: WorkbookView | null = null;
let charts: ChartsView = { sheets: [] };
let selectedId: number | null = null;
/** The tab the server last suggested: the page follows it when it changes (set-up done, first computation). */
let suggested: number | null = null;
/** The selection the script last made (a problem's « go to cell »), so a later refresh does not pull back to it. */
let shownSelection = '';

const grid = new Grid(document.getElementById('grid') as HTMLTableElement, {
  async commit(position, value, seen) {
    return edit('/api/edit', { sheetId: selectedId, row: position.row, column: position.column, value, ...seen });
  },
  explain: (text) => showEditResult(text, true),
});

const selectedSheet = (): SheetView | null => view?.sheets.find((s) => s.sheetId === selectedId) ?? null;

/** "F7" → row 7, column 6. */
function cellPosition(a1: string): Position | null {
  const match = /^([A-Z]+)(\d+)/.exec(a1);
  if (!match) return null;
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function renderTabs(focus?: Position): void {
  if (!view) return;
  const visible = view.sheets.filter((s) => !s.hidden);
  document.getElementById('welcome')!.hidden = !view.blank;
  document.getElementById('workbook')!.hidden = view.blank;
  if (!visible.some((s) => s.sheetId === selectedId)) selectedId = view.suggested ?? visible[0]?.sheetId ?? null;
  const tabs = document.getElementById('tabs')!;
  tabs.replaceChildren(
    ...visible.map((sheet) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(sheet.sheetId === selectedId));
      button.classList.toggle('read-only', sheet.kind !== 'input');
      if (sheet.kind !== 'input') button.title = sheet.kind === 'computed' ? 'Calculé par Repère : lecture seule' : 'Tenu par Repère : lecture seule';
      button.textContent = sheet.name;
      button.addEventListener('click', () => {
        selectedId = sheet.sheetId;
        renderTabs();
      });
      return button;
    }),
  );
  const sheet = selectedSheet();
  showTabKind(sheet?.kind ?? null);
  grid.show(sheet, focus, view.version);
  renderCharts(charts, sheet?.name ?? '', CHARTS_BESIDE.get(sheet?.name ?? '') ?? null);
}

/** Reads the workbook again: the whole view when it changed (or when `force`), else only the file's notices. */
async function refresh(force = false): Promise<void> {
  const answer = await getJson<WorkbookView | ({ unchanged: true } & Pick<WorkbookView, 'externalChanges' | 'openElsewhere'>)>(
    force || !view ? '/api/workbook' : `/api/workbook?since=${encodeURIComponent(view.version)}`,
  );
  showExternalChanges(answer.externalChanges);
  showOpenElsewhere(answer.openElsewhere);
  if ('unchanged' in answer) return;
  charts = await getJson<ChartsView>('/api/charts');
  view = answer;
  document.getElementById('workbook-path')!.textContent = `Classeur : ${view.path}`;
  let focus: Position | undefined;
  const selection = view.active ? `${view.active.sheet}!${view.active.cell}` : '';
  if (view.active && selection !== shownSelection) {
    shownSelection = selection;
    selectedId = view.sheets.find((s) => s.name === view!.active!.sheet)?.sheetId ?? selectedId;
    focus = cellPosition(view.active.cell) ?? undefined;
  } else if (view.suggested !== suggested) {
    selectedId = view.suggested;
  }
  suggested = view.suggested;
  renderTabs(focus);
}

/** An edit sent to the server; its answer said in the live region, the view read again. */
async function edit(path: string, body: unknown): Promise<boolean> {
  let reply: EditReply;
  try {
    reply = await postJson<EditReply>(path, body);
  } catch {
    reply = { ok: false, error: 'Le serveur local ne répond plus : relancez « npm start », puis rechargez la page.' };
  }
  showEditResult(reply.ok ? reply.message : reply.error, !reply.ok);
  await refresh();
  return reply.ok;
}

document.getElementById('add-row')!.addEventListener('click', () => {
  void edit('/api/rows', { sheetId: selectedId, action: 'insert', row: grid.selected?.row ?? selectedSheet()?.rows.length ?? 1 });
});
document.getElementById('delete-row')!.addEventListener('click', () => {
  const row = grid.selected?.row;
  if (!row) return showEditResult('Choisissez d’abord une cellule de la ligne à supprimer.', true);
  if (!window.confirm(`Supprimer la ligne ${row} de « ${selectedSheet()?.name ?? ''} » ?`)) return;
  void edit('/api/rows', { sheetId: selectedId, action: 'delete', row, ...grid.seen(row) });
});
document.getElementById('undo')!.addEventListener('click', () => void edit('/api/undo', {}));
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !grid.editing && selectedSheet()?.kind === 'input') {
    event.preventDefault();
    void edit('/api/undo', {});
  }
});

const sidebarFrame = document.getElementById('sidebar') as HTMLIFrameElement;
initScriptDialogs();
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== sidebarFrame.contentWindow) return;
  if (event.data === 'repere:changed') void refresh(true);
  else if (isDialogMessage(event.data)) showScriptDialog(event.data.dialog);
});
setInterval(() => void refresh(), POLL_MS);
void refresh();
