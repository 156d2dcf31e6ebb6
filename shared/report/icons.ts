/**
 * A frequency icon array: ten figures of a person, `filled` of them solid, the others outlined — « 7 aidants sur 10 »
 * seen at a glance, by lay readers as in black-and-white print (solid against outline, not colour against colour).
 */
import { INDICATOR_COLOURS } from '../charts/specs';
import { SVG_NAMESPACE, svgMarkup, type SvgNode } from '../charts/svg';

const WIDTH = 24;
const GAP = 6;

/** One person: a head and shoulders, 24 × 40. */
function person(x: number, solid: boolean): SvgNode[] {
  const style = solid ? { fill: INDICATOR_COLOURS[0], stroke: '#0b3c5d', 'stroke-width': 1.5 } : { fill: '#ffffff', stroke: '#5f6368', 'stroke-width': 2 };
  return [
    { name: 'circle', attributes: { cx: x + 12, cy: 8, r: 7, ...style } },
    { name: 'path', attributes: { d: `M${x + 1} 39v-11a11 11 0 0 1 22 0v11z`, ...style } },
  ];
}

export function iconArraySvg(filled: number, label: string): string {
  const width = 10 * WIDTH + 9 * GAP;
  const children: SvgNode[] = [{ name: 'title', attributes: {}, text: label }];
  for (let i = 0; i < 10; i++) children.push(...person(i * (WIDTH + GAP), i < filled));
  return svgMarkup({ name: 'svg', attributes: { xmlns: SVG_NAMESPACE, viewBox: `-1 -1 ${width + 2} 42`, role: 'img', 'aria-label': label, class: 'icons' }, children });
}
