import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, saveWorkbook } from '../../../apps-script/local/workbook-file';
import { setup } from './helpers';

function aForm() {
  const env = setup();
  const { g } = env;
  const form = g.FormApp.create('Enquête');
  const consent = form.addMultipleChoiceItem().setTitle('Acceptez-vous ?').setRequired(true);
  consent.setChoices([consent.createChoice('Oui', g.FormApp.PageNavigationType.CONTINUE), consent.createChoice('Non', g.FormApp.PageNavigationType.SUBMIT)]);
  form.addPageBreakItem().setTitle('Partie 1');
  const hours = form.addTextItem().setTitle('Heures').setValidation(g.FormApp.createTextValidation().setHelpText('De 0 à 10.').requireNumberBetween(0, 10).build());
  const grid = form.addGridItem().setTitle('Ces jours-ci').setRows(['Calme', 'Gai']).setColumns(['Jamais', 'Souvent']);
  const services = form.addCheckboxItem().setTitle('Services').setChoiceValues(['Ménage', 'Repas']);
  return { ...env, form, consent, hours, grid, services };
}

describe('FormApp', () => {
  it('makes a form that starts unpublished, with items, ids and URLs', () => {
    const { form, model } = aForm();
    expect(model.forms![0]!.published).toBe(false);
    form.setPublished(true);
    expect(model.forms![0]!.published).toBe(true);
    expect(form.getItems().map((i) => String(i.getType()))).toEqual(['MULTIPLE_CHOICE', 'PAGE_BREAK', 'TEXT', 'GRID', 'CHECKBOX']);
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(/\/forms\/d\/e\/.+\/viewform$/);
  });

  it('refuses what Google refuses: an unknown form, a choice that is not one, rows on a multiple choice', () => {
    const { g, consent, grid } = aForm();
    expect(() => g.FormApp.openById('nope')).toThrow('No item with the given ID could be found, or you do not have permission to access it.');
    expect(() => consent.createResponse('Peut-être')).toThrow(/is not one of its choices/);
    expect(() => grid.createResponse(['Jamais'])).toThrow(/one answer per row/);
    expect(() => consent.setRows(['x'])).toThrow('Item of type MULTIPLE_CHOICE does not support this operation.');
  });

  it('sends responses to a new tab of the spreadsheet: « Horodateur », a column per question, grid rows apart, checkboxes joined', () => {
    const { g, ss, form, consent, hours, grid, services, advance } = aForm();
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    const tab = ss.getSheets().find((s) => s.getFormUrl() === form.getEditUrl())!;
    expect(tab.getName()).toBe('Réponses au formulaire 1');
    expect(ss.getSheetByName('Feuille 1')!.getFormUrl()).toBeNull();
    advance(60_000);
    form.createResponse().withItemResponse(consent.createResponse('Oui')).withItemResponse(hours.createResponse('7')).withItemResponse(grid.createResponse(['Souvent', 'Jamais'])).withItemResponse(services.createResponse(['Ménage', 'Repas'])).submit();
    form.createResponse().withItemResponse(consent.createResponse('Non')).submit();
    const values = tab.getDataRange().getValues();
    expect(values[0]).toEqual(['Horodateur', 'Acceptez-vous ?', 'Heures', 'Ces jours-ci [Calme]', 'Ces jours-ci [Gai]', 'Services']);
    expect(values[1]).toEqual([new Date(Date.UTC(2024, 0, 1, 0, 1)), 'Oui', 7, 'Souvent', 'Jamais', 'Ménage, Repas']);
    expect(values[2]!.slice(1)).toEqual(['Non', '', '', '', '']);
    // An answer breaking the number validation is refused, as the form would.
    expect(() => form.createResponse().withItemResponse(hours.createResponse('12')).submit()).toThrow('Invalid response submitted to item');
    // A question added later gets a column at the end; a renamed one keeps its column under its new title.
    hours.setTitle('Heures de répit');
    const late = form.addParagraphTextItem().setTitle('Commentaire');
    form.createResponse().withItemResponse(late.createResponse('Merci')).submit();
    const after = tab.getDataRange().getValues();
    expect(after[0]).toEqual(['Horodateur', 'Acceptez-vous ?', 'Heures de répit', 'Ces jours-ci [Calme]', 'Ces jours-ci [Gai]', 'Services', 'Commentaire']);
    expect(after[3]!.at(-1)).toBe('Merci');
  });

  it('keeps its forms with the workbook file, as Drive keeps them', async () => {
    const { g, ss, form, model } = aForm();
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    const dir = mkdtempSync(join(tmpdir(), 'repere-forms-'));
    try {
      await saveWorkbook(model, join(dir, 'r.xlsx'));
      const back = await loadWorkbook(join(dir, 'r.xlsx'));
      expect(back.forms).toEqual(model.forms);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
