/**
 * The grid of a tab: its cells as text, one selected cell, and — in a tab people type into — editing as in Sheets:
 * double-click, Enter or typing to edit, Enter/Tab to save and move, Escape to cancel, Delete to empty a cell, a list
 * where the column has a dropdown, the header's notes on hover. Every text goes in through textContent or a value.
 */
import { columnLetter } from '../../../shared/sheet/a1';
import type { RowSeen } from '../page-edits';
import type { SheetView } from '../page-view';

export interface Position {
  row: number;
  column: number;
}

export interface GridActions {
  /** Saves a typed value; resolves with whether the server took it. */
  /** `seen`: the cell's row as this grid showed it, and from which version of the workbook (see RowSeen). */
  commit(position: Position, value: string, seen: RowSeen): Promise<boolean>;
  /** Says why a cell cannot be typed into. */
  explain(text: string): void;
}

/** Empty rows shown below the last one of a tab people type into, to type a new line as in a spreadsheet. */
const SPARE_ROWS = 5;
/** The row numbers' column, and the narrowest column, in pixels. */
const NARROW_COLUMN = 40;
/** Past this length a cell shows its first lines and the whole text on hover. */
const LONG_TEXT = 120;

interface Editor {
  at: Position;
  field: HTMLInputElement | HTMLSelectElement;
}

export class Grid {
  private sheet: SheetView | null = null;
  /** The workbook's version the shown tab comes from. */
  private version = '';
  private selection: Position | null = null;
  private editor: Editor | null = null;

  constructor(
    private readonly table: HTMLTableElement,
    private readonly actions: GridActions,
  ) {
    table.addEventListener('click', (event) => {
      const at = this.positionOf(event.target);
      if (at) this.select(at);
    });
    table.addEventListener('dblclick', (event) => {
      const at = this.positionOf(event.target);
      if (at) this.startEditing(at);
    });
    // Keys reach the grid's focusable frame (the table scrolls inside it).
    table.closest<HTMLElement>('[tabindex]')!.addEventListener('keydown', (event) => this.onKey(event));
  }

  get editing(): boolean {
    return this.editor !== null;
  }

  get selected(): Position | null {
    return this.selection;
  }

  /** Shows a tab (its selection kept if it is the same tab), unless a cell is being edited. */
  show(sheet: SheetView | null, focus?: Position, version = ''): void {
    if (this.editor) return;
    this.version = version;
    if (sheet?.sheetId !== this.sheet?.sheetId) this.selection = null;
    this.sheet = sheet;
    if (focus) this.selection = focus;
    this.render();
    if (focus) this.cell(focus)?.scrollIntoView({ block: 'center', inline: 'center' });
  }

  private editable(at: Position): boolean {
    return !!this.sheet && this.sheet.kind === 'input' && at.row > Math.max(1, this.sheet.frozenRows);
  }

  private render(): void {
    const sheet = this.sheet;
    this.table.replaceChildren();
    if (!sheet) return;
    const rows = Array.from(sheet.rows, (r) => r ?? []);
    const width = Math.max(1, this.selection?.column ?? 0, ...rows.map((r) => r.length));
    const height = Math.max(rows.length + (sheet.kind === 'input' ? SPARE_ROWS : 0), this.selection?.row ?? 0);
    const notes = new Map(sheet.notes.map(([r, c, text]) => [`${r}:${c}`, text]));
    // Columns as wide as the workbook holds them, as in the spreadsheet: a long text wraps in its column instead of
    // every column shrinking to fit the page (the grid scrolls sideways).
    const columns = document.createElement('colgroup');
    const widths = [NARROW_COLUMN, ...Array.from({ length: width }, (_, i) => Math.max(NARROW_COLUMN, sheet.widths[i] ?? NARROW_COLUMN))];
    columns.append(...widths.map((px) => Object.assign(document.createElement('col'), { style: `width: ${px}px` })));
    this.table.append(columns);
    this.table.style.width = `${widths.reduce((sum, px) => sum + px, 0)}px`;
    const head = this.table.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    for (let c = 1; c <= width; c++) {
      const th = document.createElement('th');
      th.textContent = columnLetter(c);
      head.appendChild(th);
    }
    const body = this.table.createTBody();
    for (let r = 1; r <= height; r++) {
      const tr = body.insertRow();
      if (r <= Math.max(1, sheet.frozenRows)) tr.className = 'header';
      const th = document.createElement('th');
      th.textContent = String(r);
      tr.appendChild(th);
      for (let c = 1; c <= width; c++) {
        const td = tr.insertCell();
        td.dataset['row'] = String(r);
        td.dataset['column'] = String(c);
        const text = rows[r - 1]?.[c - 1] ?? '';
        const content = document.createElement('div');
        content.className = 'cell';
        content.textContent = text;
        td.append(content);
        const tips: string[] = [];
        const note = notes.get(`${r}:${c}`);
        if (note) {
          td.classList.add('has-note');
          tips.push(note);
        }
        const dropdown = sheet.dropdowns[c];
        if (dropdown && r >= dropdown.fromRow && sheet.kind === 'input') {
          td.classList.add('has-dropdown');
          if (text !== '' && !dropdown.values.includes(text)) {
            td.classList.add('invalid');
            tips.push(`« ${text} » n’est pas dans la liste de cette colonne : ${dropdown.values.join(', ')}.`);
          }
        }
        if (text.length > LONG_TEXT) tips.push(text);
        if (tips.length) td.title = tips.join('\n\n');
        if (this.selection?.row === r && this.selection.column === c) td.classList.add('selected');
      }
    }
  }

  private positionOf(target: EventTarget | null): Position | null {
    const td = (target as HTMLElement | null)?.closest?.('td');
    if (!td?.dataset['row']) return null;
    return { row: Number(td.dataset['row']), column: Number(td.dataset['column']) };
  }

  private cell(at: Position): HTMLTableCellElement | null {
    return this.table.querySelector<HTMLTableCellElement>(`td[data-row="${at.row}"][data-column="${at.column}"]`);
  }

  /** A row as this grid shows it (not as a refresh brought while a cell was being edited), and from which version. */
  seen(row: number): RowSeen {
    return { version: this.version, shown: [...(this.sheet?.rows[row - 1] ?? [])] };
  }

  private textAt(at: Position): string {
    return this.sheet?.rows[at.row - 1]?.[at.column - 1] ?? '';
  }

  private select(at: Position): void {
    if (this.editor) return;
    this.cell(this.selection ?? { row: 0, column: 0 })?.classList.remove('selected');
    this.selection = { row: Math.max(1, at.row), column: Math.max(1, at.column) };
    let td = this.cell(this.selection);
    if (!td) {
      this.render();
      td = this.cell(this.selection);
    }
    td?.classList.add('selected');
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private move(rows: number, columns: number): void {
    const from = this.selection ?? { row: 1, column: 1 };
    this.select({ row: from.row + rows, column: from.column + columns });
  }

  private startEditing(at: Position, typed?: string): void {
    const sheet = this.sheet;
    if (!sheet || this.editor) return;
    this.select(at);
    if (!this.editable(at)) {
      this.actions.explain(
        sheet.kind === 'input'
          ? 'La ligne d’en-tête se modifie dans le tableur : Repère y retrouve ses colonnes.'
          : sheet.kind === 'computed'
            ? `« ${sheet.name} » est calculé par Repère : il se lit ici, et change au prochain « Calculer ».`
            : 'Le journal de Repère se remplit tout seul : il ne se modifie pas.',
      );
      return;
    }
    const td = this.cell(at)!;
    const current = this.textAt(at);
    const dropdown = sheet.dropdowns[at.column];
    let field: HTMLInputElement | HTMLSelectElement;
    if (dropdown && at.row >= dropdown.fromRow && dropdown.strict) {
      const select = document.createElement('select');
      for (const value of ['', ...dropdown.values, ...(current && !dropdown.values.includes(current) ? [current] : [])]) {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = value === '' ? '(vide)' : value;
        select.appendChild(option);
      }
      select.value = current;
      field = select;
    } else {
      const input = document.createElement('input');
      input.type = 'text';
      input.value = typed ?? current;
      if (dropdown && at.row >= dropdown.fromRow) {
        const list = document.getElementById('dropdown-choices')!;
        list.replaceChildren(
          ...dropdown.values.map((value) => {
            const option = document.createElement('option');
            option.value = value;
            return option;
          }),
        );
        input.setAttribute('list', 'dropdown-choices');
      }
      field = input;
    }
    field.className = 'editor';
    field.setAttribute('aria-label', `Cellule ${columnLetter(at.column)}${at.row}`);
    field.addEventListener('keydown', (event) => this.onEditorKey(event as KeyboardEvent));
    field.addEventListener('blur', () => {
      if (this.editor?.field === field) void this.finish(true);
    });
    this.editor = { at, field };
    td.replaceChildren(field);
    field.focus();
    if (field instanceof HTMLInputElement) field.setSelectionRange(field.value.length, field.value.length);
  }

  /** Ends editing: saves when asked and the value changed; the cell shows the value until the page refreshes. */
  private async finish(save: boolean): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    this.editor = null;
    const value = editor.field.value;
    const before = this.textAt(editor.at);
    const td = this.cell(editor.at);
    const content = document.createElement('div');
    content.className = 'cell';
    content.textContent = save ? value : before;
    td?.replaceChildren(content);
    this.table.parentElement!.focus({ preventScroll: true });
    if (!save || value === before) return;
    const saved = await this.actions.commit(editor.at, value, this.seen(editor.at.row));
    if (!saved) content.textContent = before;
  }

  private onEditorKey(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.finish(false);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      void this.finish(true);
      if (event.key === 'Enter') this.move(event.shiftKey ? -1 : 1, 0);
      else this.move(0, event.shiftKey ? -1 : 1);
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editor || !this.sheet || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const at = this.selection;
    if (moves[event.key]) {
      event.preventDefault();
      this.move(...moves[event.key]!);
    } else if (event.key === 'Tab' && at) {
      event.preventDefault();
      this.move(0, event.shiftKey ? -1 : 1);
    } else if ((event.key === 'Enter' || event.key === 'F2') && at) {
      event.preventDefault();
      this.startEditing(at);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && at) {
      event.preventDefault();
      if (!this.editable(at)) return this.startEditing(at);
      if (this.textAt(at) !== '') void this.actions.commit(at, '', this.seen(at.row));
    } else if (event.key.length === 1 && at) {
      // Typing over a selected cell replaces its content, as in a spreadsheet.
      event.preventDefault();
      this.startEditing(at, event.key);
    }
  }
}
