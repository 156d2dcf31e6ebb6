// The charts of the .xlsx are PNG images drawn from the SVG the local page shows, anchored where the chart sits in
// Sheets, refreshed in place: a new computation replaces them (never one more), a chart whose data changed gets a
// new image, and the images read back are those their charts draw.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { chartImage } from '../../apps-script/local/chart-images';
import { saveWorkbook, workbookFromBytes } from '../../apps-script/local/workbook-file';
import { testRegistry } from './runtime';

const dir = mkdtempSync(join(tmpdir(), 'repere-chart-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function imagesIn(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return book.worksheets.flatMap((ws) =>
    ws.getImages().map((image) => ({ tab: ws.name, col: Math.round(image.range.tl.col), row: Math.round(image.range.tl.row), png: Buffer.from(book.getImage(Number(image.imageId)).buffer as unknown as Uint8Array) })),
  );
}

describe('the charts of the workbook file', () => {
  it('are PNG images where the charts sit, replaced in place at each computation', async () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    registry.run('addManualValue', { indicator: 'I1', period: '2025-T4', value: 96 });
    registry.run('addManualValue', { indicator: 'I2', period: '2026-03', value: 300 });
    registry.run('computeRegistry');
    const path = join(dir, 'registre.xlsx');
    await saveWorkbook(registry.model, path);
    const first = await imagesIn(path);
    const charts = registry.model.sheets.flatMap((s) => s.charts.map((c) => ({ tab: s.name, col: c.position.column - 1, row: c.position.row - 1 })));
    expect(first.map(({ tab, col, row }) => ({ tab, col, row }))).toEqual(charts);
    for (const image of first) expect(image.png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    registry.run('addManualValue', { indicator: 'I1', period: '2026-T1', value: 120 });
    registry.run('computeRegistry');
    await saveWorkbook(registry.model, path);
    const second = await imagesIn(path);
    expect(second).toHaveLength(first.length);
    expect(second.filter((image, i) => !image.png.equals(first[i]!.png))).toHaveLength(1);

    // Read back, each image is the one its chart draws.
    const model = await workbookFromBytes(readFileSync(path), path);
    const charts2 = model.sheets.flatMap((s) => s.charts.map((c) => chartImage(s, c).png));
    expect(charts2.map((png, i) => png.equals(second[i]!.png))).toEqual(charts2.map(() => true));
  });
});
