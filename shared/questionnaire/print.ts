/**
 * The page every printable questionnaire document shares: one self-contained HTML file (styles inline, nothing
 * loaded from elsewhere), A4 print CSS that never lets a line run off the page, and a large-print version.
 */
import type { Lang } from '../contract/words';
import { esc } from '../text/html';


const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: var(--size); line-height: 1.45; color: #111; margin: 0 auto; max-width: 182mm; padding: 8mm 0; overflow-wrap: anywhere; }
h1 { font-size: 1.55em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin: 1.1em 0 .4em; padding-bottom: .15em; border-bottom: 2px solid #333; break-after: avoid; }
h3 { font-size: 1.05em; margin: .9em 0 .3em; break-after: avoid; }
p, li { margin: .25em 0; }
.muted { color: #444; }
.box { border: 1.5px solid #333; border-radius: 3mm; padding: .5em .8em; margin: .6em 0; break-inside: avoid; }
.read { background: #f1f1f1; border-style: dashed; }
.staff { border-color: #777; }
.q { margin: .7em 0 .9em; break-inside: avoid; }
.q .label { font-weight: bold; }
.q .n { display: inline-block; min-width: 2.2em; }
.q .help { color: #333; font-style: italic; margin: .1em 0 .2em; }
.choices { list-style: none; padding: 0; margin: .3em 0 0 2.2em; }
.choices li { margin: .2em 0; }
.apart { margin-top: .45em !important; padding-top: .3em; border-top: 1px dashed #888; display: inline-block; }
.tick { display: inline-block; width: var(--box); height: var(--box); border: 1.5px solid #111; vertical-align: -0.15em; margin-right: .5em; background: #fff; }
.write { margin: .3em 0 0 2.2em; }
.line { border-bottom: 1px solid #555; height: 1.9em; }
.field { display: inline-block; border-bottom: 1px solid #555; min-width: 9em; height: 1.4em; vertical-align: bottom; }
.field.short { min-width: 5em; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .4em 0; break-inside: avoid; }
table.grid th, table.grid td { border: 1px solid #555; padding: .25em .3em; vertical-align: middle; }
table.grid th { font-size: .82em; font-weight: normal; text-align: center; hyphens: auto; }
table.grid td { text-align: center; }
table.grid td.item { text-align: left; }
table.grid col.item { width: 38%; }
.page-break { break-after: page; }
.note-sheet { border: 1.5px solid #333; padding: .5em .8em; margin: .8em 0; break-inside: avoid; }
.note-sheet .line { height: 2.1em; }
footer { margin-top: 1.5em; font-size: .85em; color: #444; }
@media screen { body { padding: 12mm 8mm; } }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

export interface PageOptions {
  largePrint?: boolean;
}

export function page(title: string, lang: Lang, body: string, options: PageOptions = {}): string {
  const size = options.largePrint ? '16pt' : '11pt';
  const box = options.largePrint ? '1.05em' : '0.95em';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>:root { --size: ${size}; --box: ${box}; }${CSS}</style>
</head>
<body${options.largePrint ? ' class="large"' : ''}>
${body}
</body>
</html>
`;
}

/** `n` ruled lines to write on. */
export function lines(n: number): string {
  return `<div class="write">${'<div class="line"></div>'.repeat(n)}</div>`;
}
