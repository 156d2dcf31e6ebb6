// Loads and saves the local registry workbook (.xlsx, via exceljs) to and from the emulation's WorkbookModel.
// What xlsx holds natively is written natively (so LibreOffice and Excel show it); the rest (developer metadata,
// properties, charts, conditional formats, protections, ids) goes as JSON into a very hidden "_repere" sheet.
// Sheets and row/column metadata are also anchored by defined names, which spreadsheet programs keep up to date
// when a tab is renamed or columns are inserted; saving is atomic (temporary file, fsync, rename).

import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellA1, columnLetter, parseA1, quoteSheetName, splitSheet } from './emulator/a1';
import { wallClock, zonedToInstant } from './emulator/dates';
import {
  createEmptyWorkbook,
  isDate,
  newSheetModel,
  type Cell,
  type CellScalar,
  type SheetModel,
  type ValidationSpec,
  type WorkbookModel,
} from './emulator/model';
import { cellValue } from './emulator/range';

export const META_SHEET = '_repere';
const CHUNK = 30_000;
const PX_PER_CHAR = 7;
const SHEET_NAME_PREFIX = '_repere_sheet_';
const MD_NAME_PREFIX = '_repere_md_';

interface SheetJson {
  sheetId: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenCols: number;
  charts: SheetModel['charts'];
  conditionalRules: SheetModel['conditionalRules'];
  protections: SheetModel['protections'];
  /** Validations a native xlsx list cannot hold (commas in items, > 255 chars): A1 → spec. */
  validations: Record<string, ValidationSpec>;
}

interface MetaJson {
  v: 1;
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  nextId: number;
  activeSheetId: number;
  metadata: WorkbookModel['metadata'];
  properties: WorkbookModel['properties'];
  sheets: SheetJson[];
}

function argb(color: string): string {
  const hex = color.replace('#', '');
  return (hex.length === 6 ? 'FF' + hex : hex).toUpperCase();
}

function fromArgb(x: string | undefined): string | undefined {
  return x && /^[0-9A-Fa-f]{8}$/.test(x) ? '#' + x.slice(2).toLowerCase() : undefined;
}

/** A Date whose UTC fields show the wall clock of `tz` (what xlsx stores: serials have no zone). */
function toXlsxDate(d: Date, tz: string): Date {
  const w = wallClock(d.getTime(), tz);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms));
}

function fromXlsxDate(d: Date, tz: string): Date {
  return new Date(zonedToInstant(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
}

function nativeList(spec: ValidationSpec): string | null {
  if (spec.criteria === 'VALUE_IN_RANGE') return absoluteRange(String(spec.values[0]));
  if (spec.criteria !== 'VALUE_IN_LIST') return null;
  const joined = spec.values.map(String).join(',');
  if (spec.values.some((v) => String(v).includes(',') || String(v).includes('"')) || joined.length > 255) return null;
  return `"${joined}"`;
}

/** 'Tab'!A2:A1000 → 'Tab'!$A$2:$A$1000: a list source must not shift from cell to cell. */
function absoluteRange(a1: string): string {
  return a1.replace(/!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/, (_m, c1, r1, c2, r2) => `!$${c1}$${r1}${c2 ? `:$${c2}$${r2}` : ''}`);
}

// ---- save -------------------------------------------------------------------------------------------------------

export function buildXlsx(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const tz = model.timeZone;
  const sheetsJson: SheetJson[] = [];
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views: sheet.frozenRows || sheet.frozenCols ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenCols }] : [],
    });
    const extra: Record<string, ValidationSpec> = {};
    sheet.cells.forEach((row, r0) =>
      row?.forEach((cell, c0) => {
        if (cell) writeCell(ws.getCell(r0 + 1, c0 + 1), sheet, cell, tz, extra, cellA1(r0 + 1, c0 + 1));
      }),
    );
    for (const [c, px] of Object.entries(sheet.colWidths)) ws.getColumn(Number(c)).width = Math.round((px / PX_PER_CHAR) * 100) / 100;
    wb.definedNames.add(`${quoteSheetName(sheet.name)}!$A$1`, `${SHEET_NAME_PREFIX}${sheet.sheetId}`);
    sheetsJson.push({
      sheetId: sheet.sheetId,
      name: sheet.name,
      maxRows: sheet.maxRows,
      maxCols: sheet.maxCols,
      frozenCols: sheet.frozenCols,
      charts: sheet.charts,
      conditionalRules: sheet.conditionalRules,
      protections: sheet.protections,
      validations: extra,
    });
  }
  for (const m of model.metadata) {
    const loc = m.location;
    if (loc.type !== 'COLUMN' && loc.type !== 'ROW') continue;
    const sheet = model.sheets.find((s) => s.sheetId === loc.sheetId);
    if (!sheet) continue;
    const ref = loc.type === 'COLUMN' ? `$${columnLetter(loc.start)}$1` : `$A$${loc.start}`;
    wb.definedNames.add(`${quoteSheetName(sheet.name)}!${ref}`, `${MD_NAME_PREFIX}${m.id}`);
  }
  const meta: MetaJson = {
    v: 1,
    id: model.id,
    name: model.name,
    locale: model.locale,
    timeZone: model.timeZone,
    nextId: model.nextId,
    activeSheetId: model.activeSheetId,
    metadata: model.metadata,
    properties: model.properties,
    sheets: sheetsJson,
  };
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const json = JSON.stringify(meta);
  for (let i = 0, r = 1; i < json.length || r === 1; i += CHUNK, r++) ws.getCell(r, 1).value = json.slice(i, i + CHUNK);
  return wb;
}

function writeCell(xc: ExcelJS.Cell, sheet: SheetModel, cell: Cell, tz: string, extra: Record<string, ValidationSpec>, a1: string): void {
  const v = cell.f ? cellValue(sheet, cell) : cell.v;
  const xv = v === null ? null : isDate(v) ? toXlsxDate(v, tz) : v;
  if (cell.f) {
    const result = typeof xv === 'string' && /^#[A-Z0-9/]+[!?]?$/.test(xv) ? { error: xv } : xv;
    xc.value = { formula: cell.f.slice(1), result } as ExcelJS.CellFormulaValue;
  } else xc.value = xv;
  if (cell.fmt) xc.numFmt = cell.fmt;
  else if (isDate(v)) {
    const w = wallClock(v.getTime(), tz);
    xc.numFmt = w.hour || w.minute || w.second ? 'dd/mm/yyyy hh:mm:ss' : 'dd/mm/yyyy';
  }
  if (cell.note) xc.note = cell.note;
  if (cell.dv) {
    const list = nativeList(cell.dv);
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: cell.dv.allowInvalid ? 'warning' : 'stop',
      ...(cell.dv.helpText ? { showInputMessage: true, prompt: cell.dv.helpText } : {}),
    };
    if (list) xc.dataValidation = { type: 'list', formulae: [list], ...common } as ExcelJS.DataValidation;
    else if (cell.dv.criteria === 'NUMBER_BETWEEN')
      xc.dataValidation = { type: 'decimal', operator: 'between', formulae: cell.dv.values.map(Number), ...common } as ExcelJS.DataValidation;
    else extra[a1] = cell.dv;
  }
  const st = cell.st;
  if (st) {
    if (st.bold || st.fontColor) xc.font = { ...(st.bold ? { bold: true } : {}), ...(st.fontColor ? { color: { argb: argb(st.fontColor) } } : {}) };
    if (st.background) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.background) } };
    if (st.wrap || st.hAlign)
      xc.alignment = { ...(st.wrap ? { wrapText: true } : {}), ...(st.hAlign ? { horizontal: st.hAlign as ExcelJS.Alignment['horizontal'] } : {}) };
  }
}

export interface SaveOptions {
  /** Writes the bytes into the open temporary file; replaceable so tests can make the write fail. */
  writeTemp?: (file: import('node:fs/promises').FileHandle, data: Uint8Array) => Promise<void>;
}

/** Saves atomically: a crash or a failed write leaves the previous file intact. Clears `dirty` if nothing changed meanwhile. */
export async function saveWorkbook(model: WorkbookModel, path: string, options: SaveOptions = {}): Promise<void> {
  const revision = model.revision;
  const wb = buildXlsx(model); // synchronous snapshot of the model
  const data = new Uint8Array(await wb.xlsx.writeBuffer());
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const file = await open(tmp, 'wx');
  try {
    await (options.writeTemp ?? ((f, d) => f.writeFile(d)))(file, data);
    await file.sync();
  } catch (e) {
    await file.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await file.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  // Make the rename itself durable.
  try {
    const d = await open(dir, 'r');
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    /* some platforms cannot open a directory */
  }
  if (model.revision === revision) model.dirty = false;
}

// ---- load -------------------------------------------------------------------------------------------------------

/** Reads a workbook; a missing file gives a new empty workbook (one sheet "Feuille 1"). */
export async function loadWorkbook(path: string): Promise<WorkbookModel> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return createEmptyWorkbook();
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return modelFromXlsx(wb);
}

function readMeta(wb: ExcelJS.Workbook): MetaJson | null {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return null;
  let json = '';
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v === 'string') json += v;
    else if (v && typeof v === 'object' && 'richText' in v) json += v.richText.map((t) => t.text).join('');
  }
  try {
    const parsed = JSON.parse(json) as MetaJson;
    return parsed && parsed.v === 1 ? parsed : null;
  } catch {
    return null;
  }
}

/** Defined names of the form prefix<number> → { sheet name, row, col }. */
function anchors(wb: ExcelJS.Workbook, prefix: string): Map<number, { sheetName: string; row: number; col: number }> {
  const out = new Map<number, { sheetName: string; row: number; col: number }>();
  const model = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
  for (const dn of model) {
    if (!dn.name.startsWith(prefix)) continue;
    const id = Number(dn.name.slice(prefix.length));
    const range = dn.ranges[0];
    if (!Number.isFinite(id) || !range) continue;
    const { sheetName } = splitSheet(range);
    const ref = parseA1(range);
    if (sheetName === undefined || !ref) continue;
    out.set(id, { sheetName, row: ref.row, col: ref.col });
  }
  return out;
}

export function modelFromXlsx(wb: ExcelJS.Workbook): WorkbookModel {
  const meta = readMeta(wb);
  const model = createEmptyWorkbook(meta ? { id: meta.id, name: meta.name, locale: meta.locale, timeZone: meta.timeZone } : {});
  model.sheets = [];
  model.nextId = meta?.nextId ?? 1;
  const tz = model.timeZone;
  const sheetAnchors = anchors(wb, SHEET_NAME_PREFIX);
  const idByName = new Map<string, number>();
  for (const [id, a] of sheetAnchors) idByName.set(a.sheetName, id);
  const used = new Set<number>();
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    // A tab renamed in LibreOffice/Excel keeps its defined name, whose reference follows the new name.
    let sheetId = idByName.get(ws.name) ?? meta?.sheets.find((s) => s.name === ws.name)?.sheetId;
    if (sheetId === undefined || used.has(sheetId)) {
      sheetId = used.size === 0 && !used.has(0) ? 0 : model.nextId++ * 1000 + 7;
    }
    used.add(sheetId);
    const js = meta?.sheets.find((s) => s.sheetId === sheetId);
    const sheet = newSheetModel(sheetId, ws.name);
    readCells(ws, sheet, tz);
    const view = ws.views?.[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenCols = view.xSplit ?? 0;
    }
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    for (let c = 1; c <= ws.columnCount; c++) {
      const w = ws.getColumn(c).width;
      if (w) sheet.colWidths[c] = Math.round(w * PX_PER_CHAR);
    }
    sheet.maxRows = Math.max(js?.maxRows ?? 1000, ws.rowCount, sheet.cells.length);
    sheet.maxCols = Math.max(js?.maxCols ?? 26, ws.columnCount);
    if (js) {
      sheet.frozenCols = sheet.frozenCols || js.frozenCols;
      sheet.charts = js.charts ?? [];
      sheet.conditionalRules = js.conditionalRules ?? [];
      sheet.protections = js.protections ?? [];
      for (const [a1, spec] of Object.entries(js.validations ?? {})) {
        const ref = parseA1(a1);
        if (!ref) continue;
        const row = (sheet.cells[ref.row - 1] ??= []);
        (row[ref.col - 1] ??= { v: null }).dv = spec;
      }
    }
    model.sheets.push(sheet);
  }
  if (model.sheets.length === 0) model.sheets.push(newSheetModel(0, 'Feuille 1'));
  const maxId = Math.max(...model.sheets.map((s) => Math.floor(s.sheetId / 1000)));
  model.nextId = Math.max(model.nextId, maxId + 1);
  model.activeSheetId = model.sheets.some((s) => s.sheetId === meta?.activeSheetId) ? meta!.activeSheetId : model.sheets[0]!.sheetId;
  if (meta) {
    model.properties = { script: meta.properties?.script ?? {}, document: meta.properties?.document ?? {}, user: meta.properties?.user ?? {} };
    const mdAnchors = anchors(wb, MD_NAME_PREFIX);
    const sheetIds = new Set(model.sheets.map((s) => s.sheetId));
    model.metadata = meta.metadata.filter((m) => {
      const loc = m.location;
      if (loc.type === 'SPREADSHEET') return true;
      if (!sheetIds.has(loc.sheetId)) return false; // its sheet was deleted outside Repère
      const a = mdAnchors.get(m.id);
      if (a && (loc.type === 'COLUMN' || loc.type === 'ROW')) {
        const sheet = model.sheets.find((s) => s.name === a.sheetName);
        if (sheet) {
          loc.sheetId = sheet.sheetId;
          loc.start = loc.type === 'COLUMN' ? a.col : a.row;
        }
      }
      return true;
    });
  }
  model.revision = 0;
  model.dirty = false;
  return model;
}

function validationOf(dv: ExcelJS.DataValidation): ValidationSpec | null {
  const allowInvalid = dv.errorStyle === 'warning' || dv.errorStyle === 'information' || dv.showErrorMessage === false;
  const helpText = dv.prompt ?? null;
  if (dv.type === 'list' && dv.formulae?.[0] && /^".*"$/.test(String(dv.formulae[0])))
    return { criteria: 'VALUE_IN_LIST', values: String(dv.formulae[0]).slice(1, -1).split(','), showDropdown: true, allowInvalid, helpText };
  if (dv.type === 'list' && dv.formulae?.[0] && String(dv.formulae[0]).includes('!'))
    return { criteria: 'VALUE_IN_RANGE', values: [String(dv.formulae[0]).replace(/\$/g, '')], showDropdown: true, allowInvalid, helpText };
  if ((dv.type === 'decimal' || dv.type === 'whole') && dv.operator === 'between')
    return { criteria: 'NUMBER_BETWEEN', values: (dv.formulae ?? []).map(Number), showDropdown: true, allowInvalid, helpText };
  return null;
}

/** Validations live apart from cell values in xlsx (and may cover empty cells, or ranges). */
function readValidations(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const all = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  for (const [address, dv] of Object.entries(all)) {
    const spec = validationOf(dv);
    const ref = parseA1(address.replace(/^range:/, '').split(' ')[0]!);
    if (!spec || !ref) continue;
    for (let r = ref.row; r < ref.row + (ref.numRows ?? 1); r++)
      for (let c = ref.col; c < ref.col + (ref.numCols ?? 1); c++) {
        const line = (sheet.cells[r - 1] ??= []);
        (line[c - 1] ??= { v: null }).dv = { ...spec, values: [...spec.values] };
      }
  }
}

function readCells(ws: ExcelJS.Worksheet, sheet: SheetModel, tz: string): void {
  readValidations(ws, sheet);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (xc, c) => {
      const cell: Cell = { v: null };
      const v = xc.value;
      cell.v = scalarOf(v, tz);
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
        const f = (v as ExcelJS.CellFormulaValue).formula ?? (xc.formula as string | undefined);
        if (f) cell.f = `=${f}`;
        cell.v = scalarOf((v as ExcelJS.CellFormulaValue).result ?? null, tz);
      }
      if (xc.numFmt && xc.numFmt !== 'General') cell.fmt = xc.numFmt;
      const note = xc.note as unknown;
      if (typeof note === 'string') cell.note = note;
      else if (note && typeof note === 'object' && 'texts' in note)
        cell.note = (note as { texts: Array<{ text: string }> }).texts.map((t) => t.text).join('');
      const font = xc.font;
      const fill = xc.fill as ExcelJS.FillPattern | undefined;
      const al = xc.alignment;
      const st: NonNullable<Cell['st']> = {};
      if (font?.bold) st.bold = true;
      const fc = fromArgb(font?.color?.argb);
      if (fc && fc !== '#000000') st.fontColor = fc;
      const bg = fill?.type === 'pattern' && fill.pattern === 'solid' ? fromArgb(fill.fgColor?.argb) : undefined;
      if (bg) st.background = bg;
      if (al?.wrapText) st.wrap = true;
      if (al?.horizontal) st.hAlign = al.horizontal;
      if (Object.keys(st).length) cell.st = st;
      if (cell.v === null && !cell.f && !cell.fmt && !cell.note && !cell.st) return;
      const line = (sheet.cells[r - 1] ??= []);
      const dv = line[c - 1]?.dv;
      if (dv) cell.dv = dv;
      line[c - 1] = cell;
    });
  });
}

function scalarOf(v: ExcelJS.CellValue, tz: string): CellScalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v === '' ? null : v;
  if (isDate(v)) return fromXlsxDate(v, tz);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return String(v.error);
    if ('text' in v && 'hyperlink' in v) return String(v.text);
    if ('formula' in v || 'sharedFormula' in v) return scalarOf((v as ExcelJS.CellFormulaValue).result ?? null, tz);
  }
  return String(v);
}
