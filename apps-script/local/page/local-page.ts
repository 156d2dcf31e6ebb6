/** The local page: shows the workbook's tabs as grids, refreshed whenever the sidebar changes something. */

interface SheetView {
  name: string;
  hidden: boolean;
  rows: string[][];
}
interface WorkbookView {
  path: string;
  sheets: SheetView[];
}

let selected = '';

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function renderGrid(sheet: SheetView | undefined): void {
  const table = document.getElementById('grid') as HTMLTableElement;
  table.replaceChildren();
  if (!sheet) return;
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
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
    for (let c = 0; c < width; c++) tr.insertCell().textContent = row[c] ?? '';
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
  renderTabs(view);
}

window.addEventListener('message', (event) => {
  if (event.origin === location.origin && event.data === 'repere:changed') void refresh();
});
// The extension writes through /exec too: refresh now and then.
setInterval(() => void refresh(), 3000);
void refresh();
