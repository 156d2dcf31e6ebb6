/**
 * The paper questionnaire: a first page for the team (how to read the questions, FALC hints, what to note, the
 * consent script when someone reads the questions), then the questionnaire itself: the information notice, consent,
 * who answers, then each part, one box to tick per answer, « Ne sait pas » set apart. Large print asks a grid's
 * items one by one.
 */
import type { Instrument, InstrumentGrid, InstrumentQuestion } from './instrument';
import { esc } from '../text/html';
import { lines, page, type PageOptions } from './print';
import { CONSENT, FALC_HINTS, fill, INSTRUMENT, PARADATA, PARADATA_TO_NOTE, SECTION } from './texts';

function tickList(labels: string[], apart: string[]): string {
  const item = (label: string, extra = '') => `<li${extra}><span class="tick" aria-hidden="true"></span>${esc(label)}</li>`;
  return `<ul class="choices">${labels.map((l) => item(l)).join('')}${apart.map((l) => item(l, ' class="apart"')).join('')}</ul>`;
}

function questionHtml(q: InstrumentQuestion, n: number, instrument: Instrument): string {
  const { lang } = instrument;
  const help = q.help ? `<p class="help">${esc(q.help)}</p>` : '';
  const head = `<p class="label"><span class="n">${n}.</span>${esc(q.label)}</p>${help}`;
  let answer: string;
  switch (q.type) {
    case 'single':
    case 'likert':
      answer = `<p class="muted write">${esc(INSTRUMENT.tick[lang])}</p>${tickList(q.choices.map((c) => c.label), q.nonAnswers.map((c) => c.label))}`;
      break;
    case 'multiple':
      answer = `<p class="muted write">${esc(INSTRUMENT.tickMany[lang])}</p>${tickList(q.choices.map((c) => c.label), q.nonAnswers.map((c) => c.label))}`;
      break;
    case 'number': {
      const hint = q.range ? fill(SECTION.rangeHint[lang], { min: q.range.min, max: q.range.max }) : SECTION.numberHint[lang];
      answer = `<p class="write"><span class="field short"></span> <span class="muted">${esc(hint)}</span></p>`;
      break;
    }
    case 'date':
      answer = '<p class="write"><span class="field short"></span> / <span class="field short"></span> / <span class="field short"></span></p>';
      break;
    case 'identifier':
      answer = '<p class="write"><span class="field"></span></p>';
      break;
    case 'text':
      answer = q.role ? '<p class="write"><span class="field"></span></p>' : `<p class="muted write">${esc(INSTRUMENT.write[lang])}</p>${lines(4)}`;
      break;
  }
  return `<div class="q">${head}${answer}</div>`;
}

function gridHtml(grid: InstrumentGrid, first: number): string {
  const columns = [...grid.choices, ...grid.nonAnswers];
  const head = `<tr><th scope="col"></th>${columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('')}</tr>`;
  const rows = grid.rows.map((row, i) => `<tr><td class="item">${first + i}. ${esc(row.label)}</td>${columns.map(() => '<td><span class="tick" aria-hidden="true"></span></td>').join('')}</tr>`).join('');
  return `<div class="q"><p class="label">${esc(grid.title)}</p>${grid.help ? `<p class="help">${esc(grid.help)}</p>` : ''}<table class="grid"><colgroup><col class="item">${columns.map(() => '<col>').join('')}</colgroup>${head}${rows}</table></div>`;
}

export function paperQuestionnaire(instrument: Instrument, options: PageOptions = {}): string {
  const { lang } = instrument;
  const wave = instrument.wave ? ` — ${lang === 'fr' ? 'vague' : 'wave'} ${esc(instrument.wave)}` : '';
  const staff = [
    `<h1>${esc(INSTRUMENT.paper[lang])} : ${esc(instrument.survey.name)}${wave}</h1>`,
    `<p class="muted">${esc(lang === 'fr' ? 'Page pour l’équipe : à retirer avant de remettre le questionnaire.' : 'Page for the team: remove before handing out the questionnaire.')}</p>`,
    ...(instrument.missing.length > 0 ? [`<div class="box staff"><p><strong>${esc(lang === 'fr' ? 'À compléter avant d’imprimer' : 'Complete before printing')}</strong></p><ul>${instrument.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></div>`] : []),
    ...(instrument.administered
      ? [`<h2>${esc(INSTRUMENT.consentPart[lang])}</h2><div class="box read"><p>${esc(fill(CONSENT.script[lang], { structure: instrument.structure, minutes: instrument.minutes }))}</p></div><p>${esc(CONSENT.declined[lang])}</p>`]
      : []),
    `<h2>${esc(INSTRUMENT.falcTitle[lang])}</h2><ul>${FALC_HINTS.map((h) => `<li>${esc(h[lang])}</li>`).join('')}</ul>`,
    `<h2>${esc(INSTRUMENT.paradataTitle[lang])}</h2><ul>${PARADATA_TO_NOTE.map((h) => `<li>${esc(h[lang])}</li>`).join('')}</ul>`,
    `<p class="muted">${esc(lang === 'fr' ? `Environ ${instrument.minutes} minutes.` : `About ${instrument.minutes} minutes.`)}</p>`,
  ].join('\n');

  let n = 1;
  const ask = (q: InstrumentQuestion) => questionHtml(q, n++, instrument);
  const notice = `<div class="box"><h2>${esc(lang === 'fr' ? 'Avant de commencer' : 'Before you start')}</h2>${instrument.notice.map((p) => `<p><strong>${esc(p.heading)}.</strong> ${esc(p.text)}</p>`).join('')}</div>`;
  const consent = instrument.consent.map(ask).join('');
  const who = instrument.administered
    ? `<div class="box staff"><h2>${esc(INSTRUMENT.interviewerPart[lang])}</h2>${instrument.paradata.map(ask).join('')}<p class="label">${esc(PARADATA.date[lang])} : <span class="field short"></span> / <span class="field short"></span> / <span class="field short"></span></p></div>`
    : `<h2>${esc(SECTION.who[lang])}</h2>${instrument.paradata.map(ask).join('')}`;
  const parts = instrument.sections
    .map((section) => {
      const blocks = section.blocks
        .map((block) => {
          if (block.kind === 'question') return ask(block);
          if (options.largePrint) {
            // Large print: a grid becomes one question per item, easier to follow and to tick.
            return `<p class="label">${esc(block.title)}</p>${block.help ? `<p class="help">${esc(block.help)}</p>` : ''}${block.rows.map(ask).join('')}`;
          }
          const html = gridHtml(block, n);
          n += block.rows.length;
          return html;
        })
        .join('');
      return `<section><h2>${esc(section.title)}</h2>${blocks}</section>`;
    })
    .join('\n');
  const body = [
    staff,
    '<div class="page-break"></div>',
    `<header><h1>${esc(instrument.title)}</h1><p class="muted">${esc(instrument.structure)}</p></header>`,
    notice,
    consent,
    who,
    parts,
    `<footer><p><strong>${esc(instrument.closing)}</strong></p></footer>`,
  ].join('\n');
  const title = `${INSTRUMENT.paper[lang]} — ${instrument.title}${options.largePrint ? ` (${INSTRUMENT.largePrint[lang]})` : ''}`;
  return page(title, lang, body, options);
}
