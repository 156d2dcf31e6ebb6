// Loads and saves the local registry workbook (.xlsx, via exceljs) to and from the emulation's WorkbookModel.
// What xlsx holds natively is written natively (so LibreOffice and Excel show it); the rest (developer metadata,
// properties, charts, conditional formats, protections, ids) goes as JSON into a very hidden "_repere" sheet, in a form
// no text a person types can alter (see armour), with its length and hash so that a damaged block stops everything.
// Sheets and row/column metadata are also anchored by defined names, which spreadsheet programs keep up to date
// when a tab is renamed or columns are inserted; saving is atomic (temporary file, fsync, rename).
// Column defaults (a format or validation from a row down to the end of the grid) are saved as what xlsx has for
// that: a column style (<col style>, cells above the first formatted row carrying an explicit General style) and one
// <dataValidation sqref="C2:C1000"> per column, and read back as column defaults, not as one cell per row.

import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLetter } from '../../shared/sheet/a1';
import { cellA1, parseA1, quoteSheetName, splitSheet } from './emulator/a1';
import { wallClock, zonedToInstant } from './emulator/dates';
import {
  cellAt,
  createEmptyWorkbook,
  isDate,
  newSheetModel,
  numberFormatAt,
  type Cell,
  type CellScalar,
  type SheetModel,
  type ValidationSpec,
  type WorkbookModel,
  wrapAt,
} from './emulator/model';
import { cellValue } from './emulator/range';
import { UserError } from './user-error';
import { StreamedDrawings } from './xlsx-drawings';
import { chartPictures, fitRowHeight, printing, reuseChartImages, valueForSheetsOnlyFormula } from './xlsx-presentation';
import { encodeXlsxText } from './xlsx-text';

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
  /** Validations a native xlsx list cannot hold (commas in items, > 255 chars): A1 (a cell or a range) → spec. */
  validations: Record<string, ValidationSpec>;
  /**
   * Columns whose text wraps from a row down (column → first row): xlsx has it on each cell written, the column
   * default — which rows added later follow — is kept here. (A cell set not to wrap inside such a column is not kept.)
   */
  wrapColumns?: Record<number, number>;
  /** The charts' images as saved, so the next read reuses them instead of drawing them again. */
  chartImages?: Array<{ chartId: number; svgHash: string; pngHash: string }>;
}

interface MetaJson {
  /** 1: raw JSON (before the armour); 2: armoured, with a header. */
  v: 1 | 2;
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  nextId: number;
  activeSheetId: number;
  metadata: WorkbookModel['metadata'];
  /** Script and document properties; the user's stay with the person (user-properties.ts), never in the file. */
  properties: Partial<WorkbookModel['properties']>;
  sheets: SheetJson[];
  forms?: WorkbookModel['forms'];
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

/** exceljs writes this width for a styled column without one; Repère never writes it for a width of its own. */
const EXCELJS_DEFAULT_WIDTH = 9;

/** An explicit "automatic" format on a cell of a formatted column: General, plus a (default) protection so that
 * exceljs gives it a style of its own and writes even an empty cell (a cell without style would be skipped). */
const GENERAL_STYLE = { numFmt: 'General', protection: { locked: true } } as const;

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

// ---- the hidden block -------------------------------------------------------------------------------------------

/** First cell of the hidden block: its format, then the length and SHA-256 of the text in the cells below. */
const META_HEADER = 'repere-meta/2';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * JSON in printable ASCII without `_`: every other character, and the underscore, as a \u escape (valid wherever
 * it occurs, since only strings hold such characters). A header containing `_x0022_`, a control character or a line
 * ending then reaches the file as plain letters that no reader decodes or normalises.
 */
function armour(json: string): string {
  return json.replace(/[^\x20-\x7E]|_/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The hidden block is there but cannot be trusted: loading stops rather than give an empty registry. */
class UnreadableMetadata extends Error {}

function cellText(v: ExcelJS.CellValue): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

function readMeta(wb: ExcelJS.Workbook): MetaJson | null {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return null;
  const cells: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) cells.push(cellText(ws.getCell(r, 1).value));
  const first = cells[0] ?? '';
  // Saved before the armour: the raw JSON from the first cell on.
  if (first.startsWith('{')) return parseMeta(cells.join(''));
  const header = /^repere-meta\/2 (\d+) ([0-9a-f]{64})$/.exec(first);
  if (!header) throw new UnreadableMetadata('son en-tête manque');
  const text = cells.slice(1).join('');
  if (text.length !== Number(header[1])) throw new UnreadableMetadata('il a été tronqué');
  if (sha256(text) !== header[2]) throw new UnreadableMetadata('il a été modifié');
  return parseMeta(text);
}

function parseMeta(json: string): MetaJson {
  let parsed: MetaJson;
  try {
    parsed = JSON.parse(json) as MetaJson;
  } catch {
    throw new UnreadableMetadata('son contenu n’est plus du JSON');
  }
  if (!parsed || (parsed.v !== 1 && parsed.v !== 2) || !Array.isArray(parsed.sheets) || !Array.isArray(parsed.metadata)) {
    throw new UnreadableMetadata('son contenu n’a pas la forme attendue');
  }
  return parsed;
}

// ---- save -------------------------------------------------------------------------------------------------------

/**
 * The .xlsx bytes of a model, written as a stream (exceljs's streaming writer, compressed by zlib): the rows of a tab
 * are written and let go one by one, so a workbook of hundreds of thousands of answers is never held twice in memory.
 * A tab with charts keeps its (few) rows until its pictures and page breaks are placed.
 */
export async function writeXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((done, fail) => {
    stream.on('end', done);
    stream.on('error', fail);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const drawings = new StreamedDrawings(wb);
  const tz = model.timeZone;
  const sheetsJson: SheetJson[] = [];
  for (const sheet of model.sheets) {
    const charts = chartPictures(sheet);
    const print = printing(sheet, charts.map((c) => c.placed));
    // The page set-up with the tab: the streaming writer writes its « fit to page » at once.
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views: sheet.frozenRows || sheet.frozenCols ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenCols }] : [],
      pageSetup: print.pageSetup,
      headerFooter: print.headerFooter,
    });
    const extra: Record<string, ValidationSpec> = {};
    // Columns first (written with the first row): cells created afterwards start from their style.
    const formatted = Object.entries(sheet.colDefaults.fmt).map(([k, run]) => ({ c: Number(k), fromRow: run.fromRow }));
    for (const [k, run] of Object.entries(sheet.colDefaults.fmt)) ws.getColumn(Number(k)).numFmt = run.value;
    for (const [c, px] of Object.entries(sheet.colWidths)) {
      const w = Math.round((px / PX_PER_CHAR) * 100) / 100;
      ws.getColumn(Number(c)).width = w === EXCELJS_DEFAULT_WIDTH ? w + 0.01 : w;
    }
    writeColumnValidations(ws, sheet, extra);
    // A tab with charts keeps its rows until its page breaks are placed.
    const charted = charts.length > 0;
    const lastRow = Math.max(sheet.cells.length, ...formatted.map((f) => f.fromRow - 1));
    for (let r = 1; r <= lastRow; r++) {
      const line = sheet.cells[r - 1];
      const above = formatted.filter((f) => r < f.fromRow && !line?.[f.c - 1]);
      if (!line && above.length === 0) continue;
      const row = ws.getRow(r);
      // Rows above a formatted column's first row: an explicit General, even when empty, so the column style does not reach them.
      for (const { c } of above) row.getCell(c).style = { numFmt: GENERAL_STYLE.numFmt, protection: { ...GENERAL_STYLE.protection } };
      line?.forEach((cell, c0) => {
        if (cell) writeCell(row.getCell(c0 + 1), model, sheet, cell, r, c0 + 1, tz, extra);
      });
      fitRowHeight(row, sheet, r - 1);
      // The streaming writer skips a row without values, even one whose empty cells carry a format or a note.
      Object.defineProperty(row, 'hasValues', { value: true });
      if (!charted) row.commit();
    }
    // Across every column (exceljs would write 16838, past the last column, which LibreOffice then ignores).
    for (const row of print.breaksUnder) ws.getRow(row).addPageBreak(1, 16384);
    drawings.add(ws, charts.map((c) => c.picture));
    ws.commit();
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
      wrapColumns: Object.fromEntries(Object.entries(sheet.colDefaults.wrap).map(([c, run]) => [c, run.fromRow])),
      chartImages: charts.map(({ placed: { chartId, svgHash, pngHash } }) => ({ chartId, svgHash, pngHash })),
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
    v: 2,
    id: model.id,
    name: model.name,
    locale: model.locale,
    timeZone: model.timeZone,
    nextId: model.nextId,
    activeSheetId: model.activeSheetId,
    metadata: model.metadata,
    properties: { script: model.properties.script, document: model.properties.document },
    sheets: sheetsJson,
    ...(model.forms?.length && { forms: model.forms }),
  };
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const text = armour(JSON.stringify(meta));
  ws.getCell(1, 1).value = `${META_HEADER} ${text.length} ${sha256(text)}`;
  for (let i = 0, r = 2; i < text.length; i += CHUNK, r++) ws.getCell(r, 1).value = text.slice(i, i + CHUNK);
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** The xlsx form of a validation, or null when xlsx cannot hold it (kept in the hidden sheet's JSON instead). */
function nativeValidation(spec: ValidationSpec): ExcelJS.DataValidation | null {
  const list = nativeList(spec);
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: spec.allowInvalid ? 'warning' : 'stop',
    ...(spec.helpText ? { showInputMessage: true, prompt: spec.helpText } : {}),
  };
  if (list) return { type: 'list', formulae: [list], ...common } as ExcelJS.DataValidation;
  if (spec.criteria === 'NUMBER_BETWEEN') return { type: 'decimal', operator: 'between', formulae: spec.values.map(Number), ...common } as ExcelJS.DataValidation;
  return null;
}

/** One validation per column default, over its rows minus the cells that override it. */
function writeColumnValidations(ws: ExcelJS.Worksheet, sheet: SheetModel, extra: Record<string, ValidationSpec>): void {
  const dvs = (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations;
  for (const [k, run] of Object.entries(sheet.colDefaults.dv)) {
    const c = Number(k);
    const native = nativeValidation(run.value);
    const add = (from: number, to: number) => {
      const a1 = from === to ? cellA1(from, c) : `${cellA1(from, c)}:${cellA1(to, c)}`;
      if (native) dvs.add(a1, { ...native });
      else extra[a1] = run.value;
    };
    let from = run.fromRow;
    for (let r = run.fromRow; r <= sheet.maxRows; r++) {
      if (sheet.cells[r - 1]?.[c - 1]?.dv === undefined) continue;
      if (r > from) add(from, r - 1);
      from = r + 1;
    }
    if (from <= sheet.maxRows) add(from, sheet.maxRows);
  }
}

function writeCell(xc: ExcelJS.Cell, model: WorkbookModel, sheet: SheetModel, cell: Cell, row: number, col: number, tz: string, extra: Record<string, ValidationSpec>): void {
  // Evaluated now: a formula reading another tab (an import's Journal line) is saved with what that tab holds.
  const v = cell.f ? cellValue(model, sheet, cell) : cell.v;
  const xv = v === null ? null : isDate(v) ? toXlsxDate(v, tz) : v;
  const shown = cell.f ? valueForSheetsOnlyFormula(cell.f, xv) : null;
  if (shown !== null) xc.value = typeof shown === 'string' ? encodeXlsxText(shown) : shown;
  else if (cell.f) {
    const result = typeof xv === 'string' && /^#[A-Z0-9/]+[!?]?$/.test(xv) ? { error: xv } : xv;
    xc.value = { formula: cell.f.slice(1), result } as ExcelJS.CellFormulaValue;
  } else xc.value = typeof xv === 'string' ? encodeXlsxText(xv) : xv;
  const fmt = numberFormatAt(sheet, row, col, cell);
  if (fmt) xc.numFmt = fmt;
  else if (isDate(v)) {
    const w = wallClock(v.getTime(), tz);
    xc.numFmt = w.hour || w.minute || w.second ? 'dd/mm/yyyy hh:mm:ss' : 'dd/mm/yyyy';
  } else if (sheet.colDefaults.fmt[col]) {
    // Created under a column style: say explicitly that this cell has none.
    xc.numFmt = GENERAL_STYLE.numFmt;
    xc.protection = { ...GENERAL_STYLE.protection };
  }
  if (cell.note) xc.note = encodeXlsxText(cell.note);
  // A column default's validation is written once for the column (writeColumnValidations); only a cell's own here.
  if (cell.dv) {
    const native = nativeValidation(cell.dv);
    if (native) xc.dataValidation = native;
    else extra[cellA1(row, col)] = cell.dv;
  }
  const st = cell.st;
  if (st) {
    if (st.bold || st.fontColor) xc.font = { ...(st.bold ? { bold: true } : {}), ...(st.fontColor ? { color: { argb: argb(st.fontColor) } } : {}) };
    if (st.background) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.background) } };
  }
  // Wrapped text (the cell's own setting or its column's) reads from the top of its row, which fitRowHeights makes as
  // tall as the longest cell.
  const wrap = wrapAt(sheet, row, col, cell);
  if (wrap || st?.hAlign)
    xc.alignment = { ...(wrap ? { wrapText: true, vertical: 'top' } : {}), ...(st?.hAlign ? { horizontal: st.hAlign as ExcelJS.Alignment['horizontal'] } : {}) };
}

export interface SaveOptions {
  /** Writes the bytes into the open temporary file; replaceable so tests can make the write fail. */
  writeTemp?: (file: import('node:fs/promises').FileHandle, data: Uint8Array) => Promise<void>;
}

/** The temporary file of a save in progress: `.registre.xlsx.<pid>.<time>.tmp`, beside the workbook. */
const tempFileName = (path: string) => `.${basename(path)}.${process.pid}.${Date.now()}.tmp`;

function isTempFileOf(path: string, name: string): boolean {
  const prefix = `.${basename(path)}.`;
  return name.startsWith(prefix) && /^\d+\.\d+\.tmp$/.test(name.slice(prefix.length));
}

/**
 * Removes the temporary files a killed save left beside the workbook. Only for the holder of the workbook's lock:
 * saves happen under it, so no other save can be under way. Returns the names removed.
 */
export async function removeLeftoverTempFiles(path: string): Promise<string[]> {
  const names = (await readdir(dirname(path)).catch(() => [] as string[])).filter((name) => isTempFileOf(path, name));
  await Promise.all(names.map((name) => rm(join(dirname(path), name), { force: true })));
  return names;
}

/**
 * Saves atomically: a crash or a failed write leaves the previous file intact. Clears `dirty` if nothing changed
 * meanwhile. Returns the bytes written (their hash says later whether the file is still what this process wrote).
 */
export async function saveWorkbook(model: WorkbookModel, path: string, options: SaveOptions = {}): Promise<Uint8Array> {
  const revision = model.revision;
  // The model must not change while it is written: the local host runs one write at a time.
  const data = await writeXlsx(model);
  const dir = dirname(path);
  const tmp = join(dir, tempFileName(path));
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
  return data;
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
  return workbookFromBytes(data, path);
}

/** A workbook from the bytes of its file (`path` names it in messages). */
export async function workbookFromBytes(data: Uint8Array, path: string): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  try {
    return modelFromXlsx(wb);
  } catch (error) {
    if (!(error instanceof UnreadableMetadata)) throw error;
    throw new UserError(
      `Les réglages de Repère enregistrés dans « ${path} » (feuille cachée « ${META_SHEET} ») sont illisibles : ${error.message}. ` +
        'Rien n’a été modifié. Reprenez la dernière copie de sauvegarde de ce classeur ; à défaut, ouvrez-le dans LibreOffice ou Excel et copiez vos onglets dans un nouveau classeur.',
    );
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
    // Counted once (exceljs walks every row and cell to count them); columnCount only counts columns with values, and a
    // styled column may have none.
    const columnCount = ws.columnCount;
    const definedColumns = Math.max(columnCount, ws.columns?.length ?? 0);
    const colFmts = columnFormats(ws, definedColumns);
    readCells(ws, sheet, tz, colFmts);
    const view = ws.views?.[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenCols = view.xSplit ?? 0;
    }
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    for (let c = 1; c <= definedColumns; c++) {
      const w = ws.getColumn(c).width;
      if (w && w !== EXCELJS_DEFAULT_WIDTH) sheet.colWidths[c] = Math.round(w * PX_PER_CHAR);
    }
    sheet.maxRows = Math.max(js?.maxRows ?? 1000, ws.rowCount, sheet.cells.length);
    sheet.maxCols = Math.max(js?.maxCols ?? 26, columnCount);
    settleColumnFormats(sheet, colFmts);
    readValidations(ws, sheet, js?.validations ?? {});
    sheet.maxRows = Math.max(sheet.maxRows, sheet.cells.length);
    if (js) {
      sheet.frozenCols = sheet.frozenCols || js.frozenCols;
      sheet.charts = js.charts ?? [];
      settleWrapColumns(sheet, js.wrapColumns ?? {});
      reuseChartImages(wb, ws, sheet, js.chartImages ?? []);
      sheet.conditionalRules = js.conditionalRules ?? [];
      sheet.protections = js.protections ?? [];
    }
    model.sheets.push(sheet);
  }
  if (model.sheets.length === 0) model.sheets.push(newSheetModel(0, 'Feuille 1'));
  const maxId = Math.max(...model.sheets.map((s) => Math.floor(s.sheetId / 1000)));
  model.nextId = Math.max(model.nextId, maxId + 1);
  model.activeSheetId = model.sheets.some((s) => s.sheetId === meta?.activeSheetId) ? meta!.activeSheetId : model.sheets[0]!.sheetId;
  if (meta) {
    // A workbook saved before user properties left the file still has them: read once, they move to the person's store.
    model.properties = { script: meta.properties?.script ?? {}, document: meta.properties?.document ?? {}, user: meta.properties?.user ?? {} };
    if (meta.forms?.length) model.forms = meta.forms;
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

/** Number formats of whole columns (xlsx column styles), by 1-based column, up to the last defined column. */
function columnFormats(ws: ExcelJS.Worksheet, definedColumns: number): Record<number, string> {
  const out: Record<number, string> = {};
  for (let c = 1; c <= definedColumns; c++) {
    const f = ws.getColumn(c).style?.numFmt;
    if (f && f !== 'General') out[c] = f;
  }
  return out;
}

/**
 * A column style becomes a column default from the first row that does not say "General" explicitly (the header
 * above the formatted rows); other cells saying General stay as explicit "automatic" overrides.
 */
function settleColumnFormats(sheet: SheetModel, colFmts: Record<number, string>): void {
  for (const [k, fmt] of Object.entries(colFmts)) {
    const c = Number(k);
    let from = 1;
    for (; from <= sheet.maxRows; from++) {
      const line = sheet.cells[from - 1];
      const cell = line?.[c - 1];
      if (!line || !cell || cell.fmt !== '') break;
      delete cell.fmt;
      if (cell.v === null && !cell.f && !cell.note && !cell.st && cell.dv === undefined) line[c - 1] = undefined;
    }
    if (from <= sheet.maxRows) sheet.colDefaults.fmt[c] = { fromRow: from, value: fmt };
  }
}

/** Wrapped columns become column defaults again; their cells from that row down follow them. */
function settleWrapColumns(sheet: SheetModel, columns: Record<number, number>): void {
  for (const [k, fromRow] of Object.entries(columns)) {
    const c = Number(k);
    sheet.colDefaults.wrap[c] = { fromRow, value: true };
    for (let r = fromRow; r <= sheet.cells.length; r++) {
      const line = sheet.cells[r - 1];
      const cell = line?.[c - 1];
      if (!line || !cell || cell.wrap !== true) continue;
      delete cell.wrap;
      if (cell.v === null && !cell.f && cell.fmt === undefined && !cell.note && !cell.st && cell.dv === undefined) line[c - 1] = undefined;
    }
  }
}

interface ValidationGroup {
  spec: ValidationSpec;
  /** By column: row intervals [from, to]. */
  cols: Map<number, Array<[number, number]>>;
}

/** "C12" → [12, 3] without a regular expression: exceljs hands over one address per validated cell. */
function cellAddress(a: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < a.length; i++) {
    const ch = a.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i === 0 || i === a.length || i > 3) return null;
  let row = 0;
  for (; i < a.length; i++) {
    const ch = a.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + ch - 48;
  }
  return row > 0 ? [row, col] : null;
}

function addArea(group: ValidationGroup, address: string, maxRows: number): void {
  const cell = cellAddress(address);
  if (cell) {
    let list = group.cols.get(cell[1]);
    if (!list) group.cols.set(cell[1], (list = []));
    const last = list[list.length - 1];
    if (last && last[1] + 1 === cell[0]) last[1] = cell[0];
    else list.push([cell[0], cell[0]]);
    return;
  }
  const ref = parseA1(address);
  if (!ref) return;
  const to = ref.numRows === null ? maxRows : ref.row + ref.numRows - 1;
  for (let c = ref.col; c < ref.col + (ref.numCols ?? 1); c++) {
    let list = group.cols.get(c);
    if (!list) group.cols.set(c, (list = []));
    list.push([ref.row, to]);
  }
}

/**
 * Validations live apart from cell values in xlsx, by area (exceljs 4.4 expands each area into one entry per cell,
 * all sharing one object). An area reaching the last row becomes a column default, not one validation per cell.
 */
function readValidations(ws: ExcelJS.Worksheet, sheet: SheetModel, extra: Record<string, ValidationSpec>): void {
  const maxRows = sheet.maxRows;
  // One group per distinct validation: a column default split around overriding cells comes back whole.
  const groups = new Map<string, ValidationGroup>();
  const groupOf = (spec: ValidationSpec): ValidationGroup => {
    const key = JSON.stringify(spec);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { spec, cols: new Map() }));
    return group;
  };
  const byObject = new Map<ExcelJS.DataValidation, ValidationGroup | null>();
  const all = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
  for (const [address, dv] of Object.entries(all)) {
    if (!dv) continue;
    let group = byObject.get(dv);
    if (group === undefined) {
      const spec = validationOf(dv);
      group = spec ? groupOf(spec) : null;
      byObject.set(dv, group);
    }
    if (!group) continue;
    if (cellAddress(address)) addArea(group, address, maxRows);
    else for (const part of address.replace(/^range:/, '').split(/\s+/)) if (part) addArea(group, part, maxRows);
  }
  for (const [a1, spec] of Object.entries(extra)) addArea(groupOf(spec), a1, maxRows);
  const copy = (spec: ValidationSpec): ValidationSpec => ({ ...spec, values: [...spec.values] });
  const perCell: Array<{ c: number; from: number; to: number; spec: ValidationSpec }> = [];
  for (const group of groups.values()) {
    for (const [c, list] of group.cols) {
      list.sort((a, b) => a[0] - b[0]);
      const merged: Array<[number, number]> = [];
      for (const [from, to] of list) {
        const prev = merged[merged.length - 1];
        if (prev && from <= prev[1] + 1) prev[1] = Math.max(prev[1], to);
        else merged.push([from, to]);
      }
      const first = merged[0]![0];
      const reachesEnd = merged[merged.length - 1]![1] >= maxRows;
      if (reachesEnd && first <= maxRows && !sheet.colDefaults.dv[c]) {
        let covered = 0;
        for (const [from, to] of merged) if (from <= maxRows) covered += Math.min(to, maxRows) - from + 1;
        // Mostly covered down to the end: a column default, the few gaps being explicit "no validation".
        if (maxRows - first + 1 - covered <= covered) {
          sheet.colDefaults.dv[c] = { fromRow: first, value: copy(group.spec) };
          for (let i = 1; i < merged.length; i++) for (let r = merged[i - 1]![1] + 1; r < merged[i]![0]; r++) cellAt(sheet, r, c).dv = null;
          continue;
        }
      }
      for (const [from, to] of merged) perCell.push({ c, from, to: reachesEnd ? Math.min(to, maxRows) : to, spec: group.spec });
    }
  }
  for (const { c, from, to, spec } of perCell) for (let r = from; r <= to; r++) cellAt(sheet, r, c).dv = copy(spec);
}

function readCells(ws: ExcelJS.Worksheet, sheet: SheetModel, tz: string, colFmts: Record<number, string>): void {
  // includeEmpty: a row may hold only empty cells with an explicit General style (under a formatted column's header).
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (xc, c) => {
      const cell: Cell = { v: null };
      const v = xc.value;
      cell.v = scalarOf(v, tz);
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
        const f = (v as ExcelJS.CellFormulaValue).formula ?? (xc.formula as string | undefined);
        if (f) cell.f = `=${f}`;
        cell.v = scalarOf((v as ExcelJS.CellFormulaValue).result ?? null, tz);
      }
      const own = xc.numFmt && xc.numFmt !== 'General' ? xc.numFmt : undefined;
      const colFmt = colFmts[c];
      // Under a column style, a cell with another format (or General) overrides it; the same format follows it.
      if (colFmt !== undefined) {
        if (own !== colFmt) cell.fmt = own ?? '';
      } else if (own) cell.fmt = own;
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
      if (al?.wrapText) cell.wrap = true;
      if (al?.horizontal) st.hAlign = al.horizontal;
      if (Object.keys(st).length) cell.st = st;
      if (cell.v === null && !cell.f && cell.fmt === undefined && !cell.note && !cell.st && cell.wrap === undefined) return;
      (sheet.cells[r - 1] ??= [])[c - 1] = cell;
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
