/**
 * The instrument as an XLSForm (KoboToolbox, ODK, Enketo): `survey`, `choices` and `settings` sheets, labels in the
 * registry's language (`label::Français (fr)`), one group per section shown only when consent is given. Question
 * names are the registry's keys (made valid XML names), level choices are named by their position (1 = lowest), so
 * an export in XML values still reads as the registry's levels; a hidden `repere_vague` field carries the wave.
 */
import type { Lang } from '../contract/words';
import { xlsxBytes } from '../sheet/xlsx';
import { allQuestions, type Choice, type Instrument, type InstrumentQuestion } from './instrument';
import { fill, SECTION } from './texts';

export const LANGUAGE: Record<Lang, string> = { fr: 'Français (fr)', en: 'English (en)' };
/** The hidden field that carries the instrument's wave into every answer (and so into the export). */
export const WAVE_FIELD = 'repere_vague';

export interface XlsForm {
  survey: string[][];
  choices: string[][];
  settings: string[][];
}

const SURVEY_COLUMNS = ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'constraint_message', 'appearance', 'calculation'] as const;
type SurveyRow = Partial<Record<(typeof SURVEY_COLUMNS)[number], string>>;

/** `${consentement} = 'oui'`: what every part after the consent question is shown on. */
function consentGiven(instrument: Instrument): string {
  const consent = instrument.consent.find((q) => q.role === 'consent')!;
  return `\${${consent.name}} = '${consent.choices[0]!.name}'`;
}

function decimalText(n: number, lang: Lang): string {
  return lang === 'fr' ? String(n).replace('.', ',') : String(n);
}

export function xlsForm(instrument: Instrument): XlsForm {
  const { lang } = instrument;
  const rows: SurveyRow[] = [];
  const lists = new Map<string, { name: string; choices: Choice[] }>();
  const listFor = (q: { name: string; choices: Choice[]; nonAnswers: Choice[] }): string => {
    const choices = [...q.choices, ...q.nonAnswers];
    const signature = choices.map((c) => `${c.name}\u0000${c.label}`).join('\u0001');
    const known = lists.get(signature);
    if (known) return known.name;
    const name = `l_${q.name}`;
    lists.set(signature, { name, choices });
    return name;
  };
  const question = (q: InstrumentQuestion, appearance = ''): void => {
    const row: SurveyRow = { name: q.name, label: q.label, hint: q.help, required: q.required ? 'yes' : '' };
    switch (q.type) {
      case 'single':
      case 'likert':
        row.type = `select_one ${listFor(q)}`;
        row.appearance = appearance;
        break;
      case 'multiple':
        row.type = `select_multiple ${listFor(q)}`;
        break;
      case 'number': {
        const whole = !q.range || (Number.isInteger(q.range.min) && Number.isInteger(q.range.max));
        row.type = whole ? 'integer' : 'decimal';
        if (q.range) {
          row.constraint = `. >= ${q.range.min} and . <= ${q.range.max}`;
          row.constraint_message = fill(SECTION.rangeHint[lang], { min: decimalText(q.range.min, lang), max: decimalText(q.range.max, lang) });
        }
        break;
      }
      case 'text':
        row.type = 'text';
        if (!q.role) row.appearance = 'multiline';
        break;
      case 'identifier':
        row.type = 'text';
        break;
      case 'date':
        row.type = 'date';
        break;
    }
    rows.push(row);
  };

  rows.push({ type: 'start', name: 'start' }, { type: 'end', name: 'end' });
  if (instrument.wave) rows.push({ type: 'calculate', name: WAVE_FIELD, calculation: `'${instrument.wave.replace(/'/g, '')}'` });
  instrument.notice.forEach((part, i) => rows.push({ type: 'note', name: instrument.names.notice[i]!, label: `**${part.heading}** — ${part.text}` }));
  for (const q of instrument.consent) question(q);
  const shown = consentGiven(instrument);
  const who = instrument.names.paradata;
  rows.push({ type: 'begin_group', name: who, label: SECTION.who[lang], relevant: shown });
  for (const q of instrument.paradata) question(q);
  rows.push({ type: 'end_group', name: who });
  for (const section of instrument.sections) {
    rows.push({ type: 'begin_group', name: section.name, label: section.title, relevant: shown });
    for (const block of section.blocks) {
      if (block.kind === 'question') {
        question(block);
        continue;
      }
      rows.push({ type: 'begin_group', name: block.name, label: block.title, hint: block.help, appearance: 'field-list' });
      for (const row of block.rows) question(row, 'likert');
      rows.push({ type: 'end_group', name: block.name });
    }
    rows.push({ type: 'end_group', name: section.name });
  }
  rows.push({ type: 'note', name: instrument.names.closing, label: instrument.closing, relevant: shown });

  const language = LANGUAGE[lang];
  const translated = new Set<string>(['label', 'hint', 'constraint_message']);
  const header = SURVEY_COLUMNS.map((c) => (translated.has(c) ? `${c}::${language}` : c));
  return {
    survey: [header, ...rows.map((row) => SURVEY_COLUMNS.map((c) => row[c] ?? ''))],
    choices: [['list_name', 'name', `label::${language}`], ...[...lists.values()].flatMap((list) => list.choices.map((c) => [list.name, c.name, c.label]))],
    settings: [
      ['form_title', 'form_id', 'version', 'default_language', 'style'],
      [instrument.title, instrument.formId, instrument.version, language, 'pages'],
    ],
  };
}

export function xlsFormBytes(instrument: Instrument): Uint8Array {
  const form = xlsForm(instrument);
  return xlsxBytes([
    { name: 'survey', rows: form.survey },
    { name: 'choices', rows: form.choices },
    { name: 'settings', rows: form.settings },
  ]);
}

/** Where each question sits in a form's XML: `groupe/question`, as KoboToolbox heads its export columns. */
export function xlsFormPaths(instrument: Instrument): Map<InstrumentQuestion, string> {
  const paths = new Map<InstrumentQuestion, string>();
  for (const q of instrument.consent) paths.set(q, q.name);
  for (const q of instrument.paradata) paths.set(q, `${instrument.names.paradata}/${q.name}`);
  for (const section of instrument.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'question') paths.set(block, `${section.name}/${block.name}`);
      else for (const row of block.rows) paths.set(row, `${section.name}/${block.name}/${row.name}`);
    }
  }
  // Every question has a path: the known-columns hook relies on it.
  for (const q of allQuestions(instrument)) if (!paths.has(q)) paths.set(q, q.name);
  return paths;
}
