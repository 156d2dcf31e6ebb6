/**
 * A chart's marks as one SVG, in plain data: the local page turns it into DOM nodes (text through text nodes) and the
 * local workbook's writer into markup for its PNG images, so both draw the very same chart.
 */
import { esc } from '../text/html';
import type { ChartLayout, Mark } from './layout';

export interface SvgNode {
  name: string;
  attributes: Record<string, string | number>;
  /** Text content (a title, a label): always a text node, never markup. */
  text?: string;
  children?: SvgNode[];
}

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const CHART_FONT = 'Roboto, Arial, "DejaVu Sans", sans-serif';
const TEXT_COLOUR = '#202124';

const tooltip = (label: string): SvgNode => ({ name: 'title', attributes: {}, text: label });
const dash = (dashed: boolean): Record<string, string> => (dashed ? { 'stroke-dasharray': '6 4' } : {});

function markNode(mark: Mark): SvgNode {
  switch (mark.kind) {
    case 'text':
      return {
        name: 'text',
        attributes: { x: mark.x, y: mark.y, 'font-size': mark.size, 'text-anchor': mark.anchor, fill: TEXT_COLOUR, ...(mark.bold && { 'font-weight': 'bold' }) },
        text: mark.text,
      };
    case 'rect':
      return { name: 'rect', attributes: { x: mark.x, y: mark.y, width: Math.max(0, mark.width), height: mark.height, fill: mark.fill }, children: [tooltip(mark.label)] };
    case 'line':
      return { name: 'line', attributes: { x1: mark.x1, y1: mark.y1, x2: mark.x2, y2: mark.y2, stroke: mark.stroke, 'stroke-width': mark.width, ...dash(mark.dashed) } };
    case 'polyline':
      return { name: 'polyline', attributes: { points: mark.points.map((p) => p.map((x) => Math.round(x * 10) / 10).join(',')).join(' '), fill: 'none', stroke: mark.stroke, 'stroke-width': mark.width, ...dash(mark.dashed) } };
    case 'dot':
      return { name: 'circle', attributes: { cx: mark.x, cy: mark.y, r: mark.r, fill: mark.fill }, children: [tooltip(mark.label)] };
  }
}

/** The whole chart: a white background (an image keeps it), the marks, its finding as accessible name. */
export function chartSvg(layout: ChartLayout): SvgNode {
  return {
    name: 'svg',
    attributes: { xmlns: SVG_NAMESPACE, width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img', 'aria-label': layout.title, 'font-family': CHART_FONT },
    children: [{ name: 'rect', attributes: { x: 0, y: 0, width: layout.width, height: layout.height, fill: '#ffffff' } }, ...layout.marks.map(markNode)],
  };
}


/** Coordinates to a tenth of a pixel: finer is invisible, and a report holds dozens of charts. */
const coordinate = (value: string | number) => (typeof value === 'number' ? String(Math.round(value * 10) / 10) : value);

/** SVG markup of a node, every text and attribute escaped. */
export function svgMarkup(node: SvgNode): string {
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${esc(coordinate(value))}"`)
    .join('');
  const inner = (node.text === undefined ? '' : esc(node.text)) + (node.children ?? []).map(svgMarkup).join('');
  return `<${node.name}${attributes}>${inner}</${node.name}>`;
}

/**
 * SVG markup as a `data:` address for an <img>: what LibreOffice Writer (and other editors opening an HTML file) keep
 * as a picture, where they drop inline <svg> and run its labels together as text. Percent-encoded (no base64 helper
 * in Apps Script's shared code), the characters that need no escaping in an attribute left as they are.
 */
export function svgDataUri(markup: string): string {
  const encoded = encodeURIComponent(markup).replace(/%(3D|3A|2F|2C|3B|40|2B)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return `data:image/svg+xml;charset=utf-8,${encoded}`;
}
