/**
 * The interview guide for qualitative interviews: the consent script, what to note, then for each outcome what the
 * team wants to understand (not read to the person), open questions, topics to raise without offering answers,
 * neutral prompts, the « ne pas suggérer la réponse » reminders, and a note sheet whose fields are those of the
 * « Observations » tab (tags of the outcome, consent, allowed use), so each note becomes an observation.
 */
import { termLabels } from '../contract/words';
import type { Instrument, OutcomeBrief } from './instrument';
import { esc } from '../text/html';
import { lines, page, type PageOptions } from './print';
import { CONSENT, FALC_HINTS, fill, GUIDE, INSTRUMENT, PARADATA_TO_NOTE } from './texts';

function noteSheet(instrument: Instrument, outcome: OutcomeBrief): string {
  const { lang } = instrument;
  const ticks = (values: readonly string[]) => values.map((v) => `<span class="tick" aria-hidden="true"></span>${esc(v)}`).join(' &nbsp; ');
  return `<div class="note-sheet">
<h3>${esc(GUIDE.note[lang])} — ${esc(outcome.id)}</h3>
<p class="muted">${esc(GUIDE.noteIntro[lang])}</p>
<p>${esc(GUIDE.noteDate[lang])} : <span class="field short"></span> &nbsp; ${esc(GUIDE.noteCode[lang])} : <span class="field short"></span></p>
<p>${esc(GUIDE.noteTags[lang])} : <strong>${esc(outcome.tags.join(', '))}</strong></p>
<p>${esc(GUIDE.noteWords[lang])} :</p>${lines(4)}
<p>${esc(GUIDE.noteContext[lang])} :</p>${lines(2)}
<p>${esc(GUIDE.noteConsent[lang])} : ${ticks(termLabels('consent', lang))}</p>
<p>${esc(GUIDE.noteScope[lang])} : ${ticks(termLabels('scope', lang))}</p>
</div>`;
}

function outcomeSection(instrument: Instrument, outcome: OutcomeBrief, n: number): string {
  const { lang } = instrument;
  const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  return `<section>
<h2>${esc(fill(GUIDE.theme[lang], { n }))} (${esc(outcome.id)})</h2>
<div class="box staff"><p><strong>${esc(GUIDE.notRead[lang])} — ${esc(GUIDE.aim[lang])} :</strong> ${esc(outcome.change)}</p>
<p><strong>${esc(GUIDE.measured[lang])} :</strong> ${esc(outcome.indicators.map((i) => `${i.code} ${i.name}`).join(' ; '))}</p></div>
<h3>${esc(GUIDE.open[lang])}</h3>${list(GUIDE.openStems.map((s) => s[lang]))}
${outcome.questions.length > 0 ? `<h3>${esc(GUIDE.topics[lang])}</h3>${list(outcome.questions)}` : ''}
<h3>${esc(GUIDE.relaunches[lang])}</h3>${list(GUIDE.relaunchList.map((s) => s[lang]))}
<div class="box read"><p><strong>${esc(GUIDE.reminders[lang])}</strong></p>${list(GUIDE.reminderList.map((s) => s[lang]))}</div>
${noteSheet(instrument, outcome)}
</section>`;
}

export function interviewGuide(instrument: Instrument, options: PageOptions = {}): string {
  const { lang } = instrument;
  const wave = instrument.wave ? ` — ${lang === 'fr' ? 'vague' : 'wave'} ${instrument.wave}` : '';
  const body = [
    `<h1>${esc(GUIDE.title[lang])} : ${esc(instrument.survey.name)}${esc(wave)}</h1>`,
    `<p>${esc(GUIDE.intro[lang])}</p>`,
    ...(instrument.missing.length > 0 ? [`<div class="box staff"><ul>${instrument.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></div>`] : []),
    `<h2>${esc(INSTRUMENT.consentPart[lang])}</h2><div class="box read"><p>${esc(fill(CONSENT.script[lang], { structure: instrument.structure, minutes: 45 }))}</p></div><p>${esc(CONSENT.declined[lang])}</p>`,
    `<h2>${esc(INSTRUMENT.paradataTitle[lang])}</h2><ul>${PARADATA_TO_NOTE.map((h) => `<li>${esc(h[lang])}</li>`).join('')}</ul>`,
    `<h2>${esc(INSTRUMENT.falcTitle[lang])}</h2><ul>${FALC_HINTS.map((h) => `<li>${esc(h[lang])}</li>`).join('')}</ul>`,
    ...instrument.outcomes.map((o, i) => outcomeSection(instrument, o, i + 1)),
    `<h2>${esc(lang === 'fr' ? 'Pour finir' : 'To finish')}</h2><p>${esc(GUIDE.closingQuestion[lang])}</p><p>${esc(instrument.closing)}</p>`,
  ].join('\n');
  return page(`${GUIDE.title[lang]} — ${instrument.title}`, lang, body, options);
}
