/**
 * The workbook's charts as PNG images for the .xlsx, so Excel and LibreOffice show them without Repère: each chart's
 * specification read back from its sheet, laid out and drawn as the very SVG the local page shows (shared/charts),
 * rendered by resvg (a native renderer shipped as an npm package: no browser). The same SVG gives the same PNG, kept
 * from one save to the next.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { chartLayout } from '../../shared/charts/layout';
import { specFromSheetsChart } from '../../shared/charts/sheets';
import { chartSvg, svgMarkup } from '../../shared/charts/svg';
import { chartTable } from './chart-tables';
import type { ChartSpec, SheetModel } from './emulator/model';

export interface ChartImage {
  png: Buffer;
  /** Size of the drawing, in pixels. */
  width: number;
  height: number;
  /** SHA-256 of the SVG and of the PNG: saved with the workbook, so the next process reuses the image it holds. */
  svgHash: string;
  pngHash: string;
}

/**
 * A sans-serif font the computer has, regular and bold, found once: loading the whole system's fonts for each chart
 * takes several times longer than drawing it. Without any of these, the system's fonts are loaded after all.
 */
const FONTS: Array<{ family: string; files: [string, string] }> = [
  { family: 'DejaVu Sans', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'] },
  { family: 'Liberation Sans', files: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'] },
  { family: 'Arial', files: ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'] },
  { family: 'Arial', files: ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'] },
];

let fontOptions: ResvgRenderOptions['font'] | undefined;
function fonts(): ResvgRenderOptions['font'] {
  if (!fontOptions) {
    const found = FONTS.find((f) => f.files.every((file) => existsSync(file)));
    fontOptions = found
      ? { loadSystemFonts: false, fontFiles: found.files, defaultFontFamily: found.family, sansSerifFamily: found.family }
      : { loadSystemFonts: true };
  }
  return fontOptions;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** PNGs already drawn, by the hash of their SVG: a save after an action that changed no chart draws nothing. */
const drawn = new Map<string, Buffer>();
const KEEP = 64;

function remember(svgHash: string, png: Buffer): void {
  if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
  drawn.set(svgHash, png);
}

/**
 * A chart image found in a workbook as it was read, with the hashes saved beside it: kept for the next save when its
 * bytes are still those Repère drew (an image replaced in a spreadsheet program is drawn again).
 */
export function reuseChartImage(svgHash: string, pngHash: string, png: Buffer): void {
  if (!drawn.has(svgHash) && sha256(png) === pngHash) remember(svgHash, png);
}

export function chartImage(sheet: SheetModel, chart: ChartSpec): ChartImage {
  const { type, options, table } = chartTable(sheet, chart);
  const layout = chartLayout(specFromSheetsChart(type, options, table));
  const svg = svgMarkup(chartSvg(layout));
  const svgHash = sha256(svg);
  let png = drawn.get(svgHash);
  if (!png) {
    png = new Resvg(svg, { font: fonts(), background: '#ffffff' }).render().asPng();
    remember(svgHash, png);
  }
  return { png, width: layout.width, height: layout.height, svgHash, pngHash: sha256(png) };
}
