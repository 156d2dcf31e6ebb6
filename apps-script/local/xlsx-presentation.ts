/**
 * What makes the .xlsx read well without Repère, added as it is saved: the charts as images beside their tables, each
 * tab set up for printing (landscape when wide, fitted to the page's width, the header row repeated, the tab's name
 * and the page number in the margins), and no function Excel or LibreOffice would not know (Sheets' SPARKLINE becomes
 * the small text curve the local page shows). None of it is read back: it is made again from the model at each save.
 */
import type ExcelJS from 'exceljs';
import { chartImage, reuseChartImage } from './chart-images';
import { lastColumn, wrapAt, type SheetModel } from './emulator/model';
import { sparklineText } from './sheet-text';
import type { Picture } from './xlsx-drawings';

/** Functions only Google Sheets knows: saved as the value they show instead. */
const SHEETS_ONLY = /^=\s*(SPARKLINE|GOOGLEFINANCE|GOOGLETRANSLATE|DETECTLANGUAGE|IMPORTRANGE|IMPORTDATA|IMPORTHTML|IMPORTXML|IMPORTFEED|IMAGE)\s*\(/i;

/** A formula Excel and LibreOffice cannot compute: the text to save instead (null: save the formula). */
export function valueForSheetsOnlyFormula(formula: string, value: unknown): string | number | boolean | Date | null {
  if (!SHEETS_ONLY.test(formula)) return null;
  return sparklineText(formula) ?? (value as string | number | boolean | Date | null) ?? '';
}

/** Pixels of a column without a width of its own, as spreadsheet programs show it. */
const DEFAULT_COLUMN_PX = 64;
/** What fits across an A4 page upright, inside its margins, before the columns need the page turned. */
const PORTRAIT_PX = 700;
const A4 = 9;

/** An A4 page inside the margins below, in pixels (96 per inch): across and down, upright. */
const A4_BODY = { across: 698, down: 988 };
/** How much wider than estimated a program may draw the columns (LibreOffice with its default fonts). */
const WIDEST_RENDERING = 1.35;
/** Estimates of the printed scale are rounded by the programs: leave some room. */
const PAGE_SAFETY = 0.95;
const pointsToPx = (pt: number) => (pt * 4) / 3;

/**
 * Page breaks above the charts that would otherwise be cut in two by the end of a page: the page's height, in the
 * tab's pixels, follows from the scale that fits its width on the page. The rows a break goes under.
 */
function chartBreaks(sheet: SheetModel, charts: readonly PlacedChart[], scale: number, landscape: boolean): number[] {
  const pageHeight = ((landscape ? A4_BODY.across : A4_BODY.down) * PAGE_SAFETY) / scale;
  const top: number[] = [0];
  const rowTop = (row: number) => {
    for (let r = top.length; r < row; r++) top.push(top[r - 1]! + pointsToPx(rowLines(sheet, r - 1) * LINE_PT));
    return top[row - 1]!;
  };
  const breaks: number[] = [];
  let pageStart = 0;
  for (const chart of [...charts].sort((a, b) => a.row - b.row)) {
    const from = rowTop(chart.row);
    if (from + chart.height > pageStart + pageHeight && from > pageStart && chart.row > 1) {
      breaks.push(chart.row - 1);
      pageStart = from;
    }
  }
  return breaks;
}

/** How a tab prints: its page set-up and margins' text, and the rows a page break goes under. */
export interface Printing {
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
  breaksUnder: number[];
}

/**
 * Each tab set up for printing (landscape when wide, scaled to the page's width, the header row repeated, the tab's
 * name and the page number in the margins); `charts`: the images chartPictures placed on it.
 */
export function printing(sheet: SheetModel, charts: readonly PlacedChart[]): Printing {
  let width = 0;
  for (let c = 1; c <= Math.max(1, lastColumn(sheet)); c++) width += sheet.colWidths[c] ?? DEFAULT_COLUMN_PX;
  for (const chart of sheet.charts) width = Math.max(width, chartRight(sheet, chart.position.column, chartImageWidth));
  const landscape = width > PORTRAIT_PX;
  // Scaled to the page's width. With charts, at a scale given here rather than « fit to width »: programs ignore
  // page breaks under « fit to », and the breaks are what keeps each chart whole on its page.
  // LibreOffice turns a column's width in characters into more pixels than Excel does (its default font is wider):
  // the scale leaves room for that, or the last columns would go to a page of their own.
  const scale = Math.min(1, (landscape ? A4_BODY.down : A4_BODY.across) / (width * WIDEST_RENDERING));
  return {
    pageSetup: {
      paperSize: A4,
      orientation: landscape ? 'landscape' : 'portrait',
      ...(charts.length > 0 ? { fitToPage: false, scale: Math.floor(scale * 100) } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      horizontalCentered: false,
      margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(sheet.frozenRows > 0 && { printTitlesRow: `1:${sheet.frozenRows}` }),
    },
    headerFooter: { oddHeader: '&L&A', oddFooter: '&CPage &P / &N' },
    breaksUnder: charts.length > 0 ? chartBreaks(sheet, charts, scale, landscape) : [],
  };
}

/** Width of an average character of the default font (Calibri 11, or LibreOffice's Carlito), a little generous. */
const CHAR_PX = 6.6;
const CELL_PADDING_PX = 8;
/** Height of one line of text in that font, in points. */
const LINE_PT = 15;

/**
 * Lines the row `r0 + 1` needs for its wrapped text: Sheets fits rows by itself, but LibreOffice and Excel keep a
 * saved file's rows one line high, which hides all but the first line of a note.
 */
function rowLines(sheet: SheetModel, r0: number): number {
  let lines = 1;
  sheet.cells[r0]?.forEach((cell, c0) => {
    if (!cell || typeof cell.v !== 'string' || cell.v === '' || !wrapAt(sheet, r0 + 1, c0 + 1, cell)) return;
    const perLine = Math.max(1, Math.floor(((sheet.colWidths[c0 + 1] ?? DEFAULT_COLUMN_PX) - CELL_PADDING_PX) / CHAR_PX));
    lines = Math.max(lines, cell.v.split('\n').reduce((n, line) => n + Math.max(1, wrappedLines(line, perLine)), 0));
  });
  return lines;
}

/** Gives the written row `r0 + 1`, with its cells, the height its wrapped text needs. */
export function fitRowHeight(row: ExcelJS.Row, sheet: SheetModel, r0: number): void {
  const lines = rowLines(sheet, r0);
  if (lines < 2) return;
  // A tall row reads from its top: every cell, wrapped or not, starts on its first line.
  row.height = lines * LINE_PT;
  row.eachCell((xc) => (xc.alignment = { ...xc.alignment, vertical: 'top' }));
}

/** Lines a text takes when broken between words at `perLine` characters (a word longer than a line is cut). */
function wrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const length = word.length;
    if (used > 0 && used + 1 + length > perLine) {
      lines++;
      used = 0;
    }
    if (length > perLine) {
      lines += Math.floor((used + length) / perLine);
      used = (used + length) % perLine;
    } else used += (used > 0 ? 1 : 0) + length;
  }
  return lines;
}

/** Charts shown this wide in the workbook (the drawing keeps its proportions), apart by this much at least. */
const chartImageWidth = 640;
const CHART_GAP_PX = 12;
/** A row one line high, as the program that draws it lowest does (LibreOffice: 0,45 cm). */
const SHORTEST_ROW_PX = 16;

/** Where a chart anchored at `column` ends, in pixels from the tab's left edge. */
function chartRight(sheet: SheetModel, column: number, imageWidth: number): number {
  let left = 0;
  for (let c = 1; c < column; c++) left += sheet.colWidths[c] ?? DEFAULT_COLUMN_PX;
  return left + imageWidth;
}

/** A chart's image on its tab: its top row, its height in pixels, and what the next read needs to reuse it. */
export interface PlacedChart {
  chartId: number;
  row: number;
  height: number;
  svgHash: string;
  pngHash: string;
}

/** The chart images of a tab as read from the file, offered for reuse when their hashes say Repère drew them. */
export function reuseChartImages(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: SheetModel, saved: ReadonlyArray<Pick<PlacedChart, 'chartId' | 'svgHash' | 'pngHash'>>): void {
  for (const image of ws.getImages()) {
    const chart = sheet.charts.find((c) => c.position.column - 1 === Math.round(image.range.tl.col) && c.position.row - 1 === Math.round(image.range.tl.row));
    const hashes = chart && saved.find((s) => s.chartId === chart.chartId);
    const media = wb.getImage(Number(image.imageId));
    if (hashes && media?.buffer) reuseChartImage(hashes.svgHash, hashes.pngHash, media.buffer as unknown as Buffer);
  }
}

/**
 * Each embedded chart as a PNG where the chart sits in Sheets: beside its table, no taller than the rows down to the
 * next chart below it (a tall drawing is shown smaller rather than over its neighbour). The pictures to anchor, and
 * where they sit (for printing, and for the next read to reuse them).
 */
export function chartPictures(sheet: SheetModel): Array<{ picture: Picture; placed: PlacedChart }> {
  return sheet.charts.map((chart) => {
    const image = chartImage(sheet, chart);
    const below = sheet.charts.filter((other) => other.position.column === chart.position.column && other.position.row > chart.position.row);
    const room = below.length ? (Math.min(...below.map((other) => other.position.row)) - chart.position.row) * SHORTEST_ROW_PX - CHART_GAP_PX : Infinity;
    const zoom = Math.min(chartImageWidth / image.width, room / image.height);
    const ext = { width: Math.round(image.width * zoom), height: Math.round(image.height * zoom) };
    return {
      picture: { png: image.png, col: chart.position.column - 1, row: chart.position.row - 1, ...ext },
      placed: { chartId: chart.chartId, row: chart.position.row, height: ext.height, svgHash: image.svgHash, pngHash: image.pngHash },
    };
  });
}
