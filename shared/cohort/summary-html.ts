/**
 * The cohort summary as one self-contained HTML file (inline CSS, no script, no external request, A4 print), every
 * text escaped. Stands in until the report generator of issue 13 renders the same document model.
 */
import { escapeText } from '../exchange/xml';
import type { Block, CohortSummaryDocument, Inline, Text } from './summary';

const CSS = `
@page { size: A4; margin: 18mm 15mm 20mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 2px solid #2a6f97; padding-bottom: .2rem; }
.notice { color: #444; font-size: .9rem; } .lead { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; } caption { text-align: left; font-weight: bold; margin-bottom: .3rem; }
th, td { border: 1px solid #bbb; padding: .3rem .4rem; vertical-align: top; text-align: left; } th { background: #eef3f7; }
.hidden { font-style: italic; color: #555; } .empty { color: #555; font-style: italic; }
@media print { body { margin: 0; max-width: none; } tr, li { break-inside: avoid; } h2 { break-after: avoid; } }
`;

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeText(part);
  return part.kind === 'hidden' ? `<span class="hidden">${escapeText(part.text)}</span>` : `<strong>${escapeText(part.text)}</strong>`;
}

const text = (t: Text) => t.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${text(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${text(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><caption>${escapeText(b.caption)}</caption><thead><tr>${b.head.map((h) => `<th scope="col">${escapeText(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${text(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'empty':
      return `<p class="empty">${text(b.reason)}</p>`;
  }
}

export function cohortSummaryHtml(doc: CohortSummaryDocument): string {
  const sections = doc.sections.map((s) => `<section id="${escapeText(s.id)}"><h2>${escapeText(s.title)}</h2>${s.blocks.map(block).join('')}</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><title>${escapeText(`${doc.title} — ${doc.organisation}`)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head>
<body><header><h1>${escapeText(doc.title)}</h1><p><strong>${escapeText(doc.organisation)}</strong> — public : ${escapeText(doc.audience.label)}</p><p class="notice">${escapeText(doc.notice)}</p></header>
${sections}
</body></html>
`;
}
