/** The local page: shows the workbook's tabs as grids, refreshed whenever the sidebar changes something. */

interface SheetView {
  name: string;
  hidden: boolean;
  rows: string[][];
}
interface WorkbookView {
  path: string;
  active: { sheet: string; cell: string } | null;
  sheets: SheetView[];
}

let selected = '';
/** The selection last shown, so a later refresh does not pull the person back to it. */
let shownSelection = '';
let highlight: { row: number; column: number } | null = null;
let scrollPending = false;

/** "F7" → row 7, column 6. */
function cellPosition(a1: string): { row: number; column: number } | null {
  const match = /^([A-Z]+)(\d+)/.exec(a1);
  if (!match) return null;
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function renderGrid(sheet: SheetView | undefined): void {
  const table = document.getElementById('grid') as HTMLTableElement;
  table.replaceChildren();
  if (!sheet) return;
  const width = Math.max(1, highlight?.column ?? 0, ...sheet.rows.map((r) => r.length));
  while (highlight && sheet.rows.length < highlight.row) sheet.rows.push([]);
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement('th'));
  for (let c = 0; c < width; c++) {
    const th = document.createElement('th');
    th.textContent = columnName(c);
    head.appendChild(th);
  }
  const body = table.createTBody();
  sheet.rows.forEach((row, r) => {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.appendChild(th);
    for (let c = 0; c < width; c++) {
      const td = tr.insertCell();
      td.textContent = row[c] ?? '';
      if (highlight && highlight.row === r + 1 && highlight.column === c + 1) {
        td.className = 'selected';
        if (scrollPending) td.scrollIntoView({ block: 'center', inline: 'center' });
        scrollPending = false;
      }
    }
  });
}

function renderTabs(view: WorkbookView): void {
  const visible = view.sheets.filter((s) => !s.hidden);
  if (!visible.some((s) => s.name === selected)) selected = visible[0]?.name ?? '';
  const tabs = document.getElementById('tabs')!;
  tabs.replaceChildren(
    ...visible.map((sheet) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(sheet.name === selected));
      button.textContent = sheet.name;
      button.addEventListener('click', () => {
        selected = sheet.name;
        highlight = null;
        renderTabs(view);
      });
      return button;
    }),
  );
  renderGrid(visible.find((s) => s.name === selected));
}

async function refresh(): Promise<void> {
  const view = (await (await fetch('/api/workbook')).json()) as WorkbookView;
  document.getElementById('workbook-path')!.textContent = `Classeur : ${view.path}`;
  const selection = view.active ? `${view.active.sheet}!${view.active.cell}` : '';
  if (view.active && selection !== shownSelection) {
    shownSelection = selection;
    selected = view.active.sheet;
    highlight = cellPosition(view.active.cell);
    scrollPending = true;
  }
  renderTabs(view);
}

window.addEventListener('message', (event) => {
  if (event.origin === location.origin && event.data === 'repere:changed') void refresh();
});
// The extension writes through /exec too: refresh now and then.
setInterval(() => void refresh(), 3000);
void refresh();
