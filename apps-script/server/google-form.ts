/**
 * The one module that talks to FormApp: builds the Google Form of an instrument (consent first, a page per part,
 * « Ne sait pas » as its own choice, numbers validated, free text as paragraphs), publishes it explicitly, sends its
 * responses to a tab of this registry, and remembers which item asks which question (by item id) so the import of
 * that tab needs no mapping step.
 */
import type { Instrument, InstrumentQuestion } from '../../shared/questionnaire/instrument';
import { fill, SECTION } from '../../shared/questionnaire/texts';
import { sheetsWithMetadata, tagSheet } from './registry';
import type { Sheet, Spreadsheet } from './spreadsheet';

/** Developer metadata on a form's responses tab: the form's id (the tab can be renamed). */
export const FORM_METADATA_KEY = 'repere:form';
const FORM_PREFIX = 'repere.form.';

/** What the registry keeps about a form it made (a document property per form). */
export interface FormRecord {
  formId: string;
  survey: string;
  wave: string;
  title: string;
  editUrl: string;
  publishedUrl: string;
  createdAt: string;
  /** Item id → the instrument's question name (a grid: one name per row, in order). */
  items: Array<{ id: number; names: string[] }>;
}

type Form = GoogleAppsScript.Forms.Form;

function noticeText(instrument: Instrument): string {
  return [...instrument.notice.map((part) => `${part.heading}\n${part.text}`)].join('\n\n');
}

function hint(q: InstrumentQuestion, lang: Instrument['lang']): string {
  if (q.type !== 'number') return q.help;
  const bounds = q.range ? fill(SECTION.rangeHint[lang], { min: q.range.min, max: q.range.max }) : SECTION.numberHint[lang];
  return [q.help, bounds].filter(Boolean).join(' ');
}

/** Adds the question's item; returns its id. */
function addQuestion(form: Form, q: InstrumentQuestion, lang: Instrument['lang']): { getId(): number } {
  const values = [...q.choices, ...q.nonAnswers].map((c) => c.label);
  switch (q.type) {
    case 'single':
    case 'likert': {
      const item = form.addMultipleChoiceItem().setTitle(q.label).setHelpText(hint(q, lang)).setRequired(q.required);
      if (q.role === 'consent') {
        // Declining ends the form at once: nothing else is asked.
        const [yes, no] = q.choices;
        item.setChoices([item.createChoice(yes!.label, FormApp.PageNavigationType.CONTINUE), item.createChoice(no!.label, FormApp.PageNavigationType.SUBMIT)]);
      } else item.setChoiceValues(values);
      return item;
    }
    case 'multiple':
      return form.addCheckboxItem().setTitle(q.label).setHelpText(hint(q, lang)).setChoiceValues(values).setRequired(q.required);
    case 'number': {
      const rule = FormApp.createTextValidation().setHelpText(hint(q, lang));
      const validation = (q.range ? rule.requireNumberBetween(q.range.min, q.range.max) : rule.requireNumber()).build();
      return form.addTextItem().setTitle(q.label).setHelpText(hint(q, lang)).setValidation(validation).setRequired(q.required);
    }
    case 'text':
      return q.role
        ? form.addTextItem().setTitle(q.label).setHelpText(q.help).setRequired(q.required)
        : form.addParagraphTextItem().setTitle(q.label).setHelpText(q.help).setRequired(q.required);
    case 'identifier':
      return form.addTextItem().setTitle(q.label).setHelpText(q.help).setRequired(q.required);
    case 'date':
      return form.addDateItem().setTitle(q.label).setHelpText(q.help).setRequired(q.required);
  }
}

/** The tab Google linked to the form: found by its form URL (never by name: relinking makes « … 2 »). */
function responsesTab(ss: Spreadsheet, formId: string): Sheet | null {
  return ss.getSheets().find((sheet) => (sheet.getFormUrl() ?? '').indexOf(formId) >= 0) ?? null;
}

export function createGoogleForm(ss: Spreadsheet, instrument: Instrument, tabName: string): { record: FormRecord; tab: string | null } {
  const { lang } = instrument;
  const form = FormApp.create(instrument.title);
  form
    .setDescription(noticeText(instrument))
    .setConfirmationMessage(instrument.closing)
    // One response per user would force a Google sign-in and block anonymous before/after surveys.
    .setLimitOneResponsePerUser(false)
    .setCollectEmail(false)
    .setAllowResponseEdits(false)
    .setProgressBar(true)
    .setShowLinkToRespondAgain(false);
  const items: FormRecord['items'] = [];
  const ask = (q: InstrumentQuestion) => items.push({ id: addQuestion(form, q, lang).getId(), names: [q.name] });
  instrument.consent.forEach(ask);
  form.addPageBreakItem().setTitle(SECTION.who[lang]);
  instrument.paradata.forEach(ask);
  for (const section of instrument.sections) {
    form.addPageBreakItem().setTitle(section.title);
    for (const block of section.blocks) {
      if (block.kind === 'question') ask(block);
      else {
        const grid = form
          .addGridItem()
          .setTitle(block.title)
          .setHelpText(block.help)
          .setRows(block.rows.map((r) => r.label))
          .setColumns([...block.choices, ...block.nonAnswers].map((c) => c.label));
        items.push({ id: grid.getId(), names: block.rows.map((r) => r.name) });
      }
    }
  }
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  // Forms created by a script are unpublished by default since 2026; the 2.0.13 typings lack setPublished.
  (form as unknown as { setPublished?: (published: boolean) => unknown }).setPublished?.(true);
  SpreadsheetApp.flush();
  const formId = form.getId();
  const tab = responsesTab(SpreadsheetApp.getActiveSpreadsheet(), formId);
  if (tab) {
    tagSheet(tab, FORM_METADATA_KEY, formId);
    if (!ss.getSheetByName(tabName)) tab.setName(tabName);
  }
  const record: FormRecord = {
    formId,
    survey: instrument.survey.id,
    wave: instrument.wave,
    title: instrument.title,
    editUrl: form.getEditUrl(),
    publishedUrl: form.getPublishedUrl(),
    createdAt: new Date().toISOString(),
    items,
  };
  PropertiesService.getDocumentProperties().setProperty(FORM_PREFIX + formId, JSON.stringify(record));
  return { record, tab: tab ? tab.getName() : null };
}

/** The forms this registry made, newest first; a malformed record is skipped, never trusted. */
export function formRecords(): FormRecord[] {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const out: FormRecord[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(FORM_PREFIX)) continue;
    try {
      const record = JSON.parse(value) as FormRecord;
      if (typeof record.formId === 'string' && typeof record.survey === 'string' && Array.isArray(record.items)) out.push(record);
    } catch {
      // A property someone edited by hand: ignored.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The tab receiving a form's responses, by the metadata put on it (it may have been renamed). */
export function formTab(ss: Spreadsheet, formId: string): Sheet | null {
  return sheetsWithMetadata(ss, FORM_METADATA_KEY, formId)[0] ?? null;
}

/**
 * The headers the live form writes today, by question name: an item renamed in Google Forms keeps its id, and its
 * column follows its new title. Null when the form is gone or cannot be opened.
 */
export function liveTitles(record: FormRecord): Map<string, string[]> | null {
  let form: Form;
  try {
    form = FormApp.openById(record.formId);
  } catch {
    return null;
  }
  const titles = new Map<string, string[]>();
  for (const { id, names } of record.items) {
    const item = form.getItemById(id);
    if (!item) continue;
    if (item.getType() === FormApp.ItemType.GRID) {
      const grid = item.asGridItem();
      grid.getRows().forEach((row, i) => {
        const name = names[i];
        if (name) titles.set(name, [`${grid.getTitle()} [${row}]`]);
      });
    } else if (names[0]) titles.set(names[0], [item.getTitle()]);
  }
  return titles;
}
