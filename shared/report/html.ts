/**
 * A document model as one self-contained HTML file: styles inline, charts as SVG pictures held in the file (`data:`
 * images, which editors keep), icons as inline SVG, no script, nothing loaded from elsewhere, `lang` set; print CSS for A4 (headings kept with what follows, cards and charts never cut, the
 * annexes on a new page), a layout that reflows at 200 % zoom, colours that still read in black and white. Every text
 * is escaped: the registry's words are never markup. The file opens in Google Docs, Word or LibreOffice for editing.
 */
import { svgDataUri } from '../charts/svg';
import { esc } from '../text/html';
import { iconArraySvg } from './icons';
import type { MESSAGES } from './messages';
import type { Block, Inline, QuoteView, ReportDocument, ResultCard, Section, Text } from './model';

/** The document's root element: the preview dialog takes exactly this (and the style) to download the file. */
export const DOCUMENT_ROOT_ID = 'repere-document';
export const DOCUMENT_STYLE_ID = 'repere-style';

const CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
:root { --ink: #1b1f23; --muted: #4a5159; --accent: #0b4f7c; --line: #b9c3cc; --soft: #f1f4f7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 180mm; padding: 10mm 5mm; font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: var(--ink); overflow-wrap: break-word; }
header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 3mm; margin-bottom: 5mm; }
.kicker { margin: 0; font-size: .95em; font-weight: bold; }
h1 { font-size: 2em; line-height: 1.15; margin: .1em 0 .25em; color: var(--accent); }
.meta { margin: .15em 0; color: var(--muted); }
.audience { display: inline-block; margin: .3em 0; padding: .1em .55em; border: 1.5px solid var(--accent); border-radius: 3px; font-weight: bold; color: var(--accent); }
.notice { font-size: .9em; color: var(--muted); margin: .3em 0 0; }
nav.contents { margin: 0 0 5mm; }
nav.contents h2 { border: 0; margin: 0 0 .2em; font-size: 1.05em; color: var(--ink); }
nav.contents ol { margin: 0; padding-left: 1.4em; columns: 2 16em; column-gap: 8mm; }
nav.contents a { color: inherit; text-decoration: none; }
h2 { font-size: 1.4em; line-height: 1.2; color: var(--accent); margin: 1.3em 0 .5em; padding-bottom: .15em; border-bottom: 1.5px solid var(--line); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.13em; margin: 1.1em 0 .4em; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 1em; margin: 0 0 .25em; }
/* Chromium builds the PDF's outline from the heading's lines, dropping the space where a line breaks: kept. */
h1, h2, h3, h4 { white-space: pre-wrap; }
p, li, dd { margin: .3em 0; }
ul, ol { padding-left: 1.3em; }
.lead { font-size: 1.12em; font-style: italic; border-left: 4px solid var(--accent); margin: .6em 0; padding: .15em 0 .15em .8em; }
.note { color: var(--muted); font-size: .92em; }
.warning { border-left: 4px solid #8a4b00; padding-left: .7em; }
.empty { color: var(--muted); font-style: italic; border: 1px dashed var(--line); border-radius: 4px; padding: .45em .8em; }
.figure-hidden { font-style: italic; font-weight: normal; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 21em), 1fr)); gap: 4mm; margin: .6em 0; }
.card { border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 4px; padding: .55em .8em .6em; break-inside: avoid; page-break-inside: avoid; }
.card .outcome { margin: 0 0 .2em; font-size: .85em; color: var(--muted); }
.card .headline { margin: .25em 0; font-size: 1.3em; font-weight: bold; line-height: 1.25; }
.figure { font-weight: 600; }
.card .frequency { margin: .1em 0 0; font-weight: bold; }
.card ul.details { list-style: none; margin: .3em 0 0; padding: 0; font-size: .9em; }
.card ul.details li { margin: .12em 0; }
.card blockquote { margin: .5em 0 0; }
svg.icons { display: block; width: 100%; max-width: 56mm; height: auto; margin: .35em 0 .1em; }
blockquote { margin: .6em 0; padding: .45em .9em; border-left: 4px solid var(--muted); background: var(--soft); break-inside: avoid; page-break-inside: avoid; }
blockquote p { margin: 0; font-style: italic; }
blockquote footer { margin-top: .25em; font-size: .85em; color: var(--muted); }
figure.chart { margin: .6em 0 1em; break-inside: avoid; page-break-inside: avoid; }
figure.chart img { display: block; width: 100%; max-width: 130mm; height: auto; }
table { width: 100%; border-collapse: collapse; margin: .5em 0 .9em; font-size: .88em; }
caption { text-align: left; font-weight: bold; margin-bottom: .3em; }
th, td { border: 1px solid var(--line); padding: .3em .45em; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
tr { break-inside: avoid; page-break-inside: avoid; }
dl { margin: .4em 0; }
dt { font-weight: bold; margin-top: .45em; }
dd { margin-left: 0; }
section.new-page { break-before: page; page-break-before: always; }
footer.document { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--line); font-size: .85em; color: var(--muted); }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
/* The one-page: denser, the chart beside the quote and the decisions. */
body.one-page { font-size: 9.2pt; line-height: 1.3; }
.one-page svg.icons { max-width: 44mm; margin: .2em 0 0; }
.one-page .card { padding: .45em .7em .5em; }
.one-page ul { margin: .2em 0; }
.one-page footer.document { margin-top: 3mm; }
.one-page header.cover { padding-bottom: 2mm; margin-bottom: 3mm; }
.one-page h1 { font-size: 1.65em; }
.one-page h2 { font-size: 1.1em; margin: .6em 0 .3em; }
.one-page .lead { font-size: 1.08em; margin: .2em 0; }
.one-page .cards { grid-template-columns: repeat(auto-fit, minmax(min(100%, 13em), 1fr)); gap: 3mm; margin: .3em 0; }
.one-page .card .headline { font-size: 1.15em; }
.one-page figure.chart { margin: .2em 0; }
.one-page main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); column-gap: 6mm; grid-auto-flow: row dense; }
.one-page main > section { grid-column: 1 / -1; }
.one-page main > #graphique { grid-column: 1; }
.one-page main > #parole { grid-column: 2; }
.one-page figure.chart img { width: auto; max-width: 100%; max-height: 82mm; }
@media screen and (max-width: 640px) { .one-page main { display: block; } }
`;

const inline = (part: Inline): string =>
  typeof part === 'string' ? esc(part) : part.kind === 'hidden' ? `<span class="figure-hidden">${esc(part.text)}</span>` : `<span class="figure">${esc(part.text)}</span>`;

const text = (t: Text): string => t.map(inline).join('');

function quote(q: QuoteView): string {
  return `<blockquote><p>« ${esc(q.text)} »</p>${q.attribution ? `<footer>— ${esc(q.attribution)}</footer>` : ''}</blockquote>`;
}

function card(c: ResultCard, level: number): string {
  const h = `h${Math.min(level, 4)}`;
  return `<article class="card">
${c.outcome ? `<p class="outcome">${esc(c.outcome)}</p>` : ''}<${h}>${esc(c.title)}</${h}>
${c.icons ? `${iconArraySvg(c.icons.filled, c.icons.label)}<p class="frequency">${esc(c.icons.label)}</p>` : ''}<p class="headline">${text(c.figure)}</p>
${c.details.length > 0 ? `<ul class="details">${c.details.map((d) => `<li>${text(d)}</li>`).join('')}</ul>` : ''}${c.quote ? quote(c.quote) : ''}
</article>`;
}

function block(b: Block, level: number): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${text(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${text(item)}</li>`).join('')}</ul>`;
    case 'results':
      return `<div class="cards">${b.cards.map((c) => card(c, level)).join('\n')}</div>`;
    case 'chart':
      // The finding is the chart's title; the picture's text alternative says it with the indicator. Its size in
      // pixels is what an editor (Word, Writer) gives it; a browser fits it to the page.
      return `<figure class="chart"><img alt="${esc(b.chart.alt)}" width="${b.chart.width}" height="${b.chart.height}" src="${esc(svgDataUri(b.chart.svg))}"></figure>`;
    case 'quotes':
      return b.quotes.map(quote).join('\n');
    case 'table':
      return `<table><caption>${esc(b.caption)}</caption><thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${text(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'definitions':
      return `<dl>${b.items.map((d) => `<dt>${esc(d.term)}</dt><dd>${text(d.text)}</dd>`).join('')}</dl>`;
    case 'empty':
      return `<p class="empty">${text(b.reason)}</p>`;
  }
}

function section(s: Section, level: number): string {
  const h = `h${Math.min(level, 4)}`;
  const inner = [...s.blocks.map((b) => block(b, level + 1)), ...(s.sections ?? []).map((sub) => section(sub, level + 1))].join('\n');
  return `<section id="${esc(s.id)}"${s.newPage ? ' class="new-page"' : ''}>\n<${h}>${esc(s.title)}</${h}>\n${inner}\n</section>`;
}

/** The document's HTML; `messages` gives the words of the frame around it (contents, the date line). */
export function renderHtml(doc: ReportDocument, messages: (typeof MESSAGES)[keyof typeof MESSAGES]): string {
  const contents =
    doc.layout === 'pages'
      ? `<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">${esc(messages.contents)}</h2><ol>${doc.sections
          .map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`)
          .join('')}</ol></nav>`
      : '';
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${doc.title} — ${doc.organisation}`)}</title>
<style id="${DOCUMENT_STYLE_ID}">${CSS}</style>
</head>
<body class="${doc.layout}">
<div id="${DOCUMENT_ROOT_ID}">
<header class="cover">
<p class="kicker">${esc(doc.organisation)}</p>
<h1>${esc(doc.title)}</h1>
<p class="audience">${esc(messages.audienceLine(doc.audience.label))}</p>
<p class="meta">${esc(doc.period)} · ${esc(doc.date)}</p>
<p class="notice">${esc(doc.notice)}</p>
</header>
${contents}
<main>
${doc.sections.map((s) => section(s, 2)).join('\n')}
</main>
<footer class="document">${esc(messages.generated(doc.date))} · ${esc(messages.audienceLine(doc.audience.label))}</footer>
</div>
</body>
</html>
`;
}
