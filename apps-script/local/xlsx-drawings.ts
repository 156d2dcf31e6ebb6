/**
 * Pictures anchored on a tab, for exceljs's streaming writer: it writes rows as they come (a workbook of hundreds of
 * thousands of answers is never held twice in memory) and stores images, but makes no drawing part to show them. The
 * missing parts are made here as exceljs's in-memory writer makes them — the drawing and its relationships, the tab's
 * <drawing> element (just before its comments' one, where the schema wants it), and the content type — so the file
 * reads the same in Excel, LibreOffice and exceljs.
 */
import type ExcelJS from 'exceljs';
import ContentTypesXform from 'exceljs/lib/xlsx/xform/core/content-types-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';
import DrawingXform from 'exceljs/lib/xlsx/xform/drawing/drawing-xform.js';

const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

/** A picture and where it sits: its top-left cell (0-based) and its size in pixels. */
export interface Picture {
  png: Buffer;
  col: number;
  row: number;
  width: number;
  height: number;
}

/** The streaming writer's members this module completes (exceljs 4.4, not in its typings). */
interface WorkbookInternals {
  zip: { append(data: string, options: { name: string }): void };
  media: Array<{ name: string }>;
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  addContentTypes(): Promise<void>;
}
interface WorksheetInternals {
  _writeLegacyData(): void;
  _write(text: string): void;
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
}

export class StreamedDrawings {
  private readonly drawings: Array<{ name: string }> = [];

  constructor(private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter) {
    const book = wb as unknown as WorkbookInternals;
    // The content types as the streaming writer lists them, with the drawings added.
    book.addContentTypes = () => {
      const model = { worksheets: book._worksheets.filter(Boolean), sharedStrings: book.sharedStrings, commentRefs: book.commentRefs, media: book.media, drawings: this.drawings };
      book.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
      return Promise.resolve();
    };
  }

  /** Anchors `pictures` on `ws`; to call before the tab is committed. */
  add(ws: ExcelJS.Worksheet, pictures: readonly Picture[]): void {
    if (pictures.length === 0) return;
    const book = this.wb as unknown as WorkbookInternals;
    const name = `drawing${this.drawings.length + 1}`;
    this.drawings.push({ name });
    const rels = pictures.map((picture, i) => {
      const id = this.wb.addImage({ buffer: picture.png as unknown as ExcelJS.Buffer, extension: 'png' });
      return { Id: `rId${i + 1}`, Type: IMAGE, Target: `../media/${book.media[id]!.name}` };
    });
    const anchors = pictures.map((picture, i) => ({
      picture: { rId: `rId${i + 1}` },
      range: { tl: { nativeCol: picture.col, nativeColOff: 0, nativeRow: picture.row, nativeRowOff: 0 }, ext: { width: picture.width, height: picture.height }, editAs: 'oneCell' },
    }));
    const drawing = { anchors, rels };
    const xform = new DrawingXform();
    xform.prepare(drawing, {});
    book.zip.append(xform.toXml(drawing), { name: `xl/drawings/${name}.xml` });
    book.zip.append(new RelationshipsXform().toXml(rels), { name: `xl/drawings/_rels/${name}.xml.rels` });
    const sheet = ws as unknown as WorksheetInternals;
    const writeLegacyData = sheet._writeLegacyData.bind(sheet);
    sheet._writeLegacyData = () => {
      const rId = sheet._sheetRelsWriter.addRelationship({ Type: DRAWING, Target: `../drawings/${name}.xml` });
      sheet._write(`<drawing r:id="${rId}"/>`);
      writeLegacyData();
    };
  }
}
