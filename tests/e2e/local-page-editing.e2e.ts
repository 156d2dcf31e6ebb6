// Working in the local page, in Chromium: a new workbook invites to set up (no empty « Feuille 1 »), set-up opens
// « Démarche »; cells of input tabs are typed into as in a spreadsheet (double-click or Enter, Enter/Tab to save and
// move, Escape to cancel), with the header's notes on hover and the column's list; computed tabs say they are
// read-only; rows are added, deleted, and undone; an edit made outside Repère is announced and shown; a workbook open
// in LibreOffice is announced and nothing is written; page text stays text.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, saveWorkbook } from '../../apps-script/local/workbook-file';
import { useLocalPage } from './harness/local-page';

describe('the local page', () => {
  const local = useLocalPage({ setup: false, page: { clock: true } });
  const cell = (row: number, column: number) => local.page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`);
  const columnOf = async (tab: string, header: string) => (await local.registry.readTab(tab))[0]!.indexOf(header) + 1;
  const result = () => local.page.locator('#edit-result').textContent();
  /** The local.page looks at the file every 3 s: its next look, now. */
  const nextLook = () => local.page.clock.fastForward(3_000);

  it('invites to set up a new workbook, then opens on « Démarche »', async () => {
    await expect.poll(() => local.page.locator('#welcome').isVisible()).toBe(true);
    expect(await local.page.getByRole('tab').count()).toBe(0);
    await local.sidebar.locator('#template').selectOption('aidants');
    await local.sidebar.getByRole('button', { name: 'Configurer' }).click();
    await expect.poll(() => local.page.getByRole('tab', { selected: true }).textContent()).toBe('Démarche');
    expect(await local.page.getByRole('tab').allTextContents()).not.toContain('Feuille 1');
    expect(await local.page.locator('#welcome').isVisible()).toBe(false);
    // The sidebar says what comes next, and shows the framework the registry was set up with.
    await expect.poll(() => local.sidebar.locator('#next-steps li').allTextContents()).toEqual([
      '✓ Configurer le registre',
      '→ Décrire la démarche',
      '○ Importer des réponses',
      '○ Calculer les indicateurs',
      '○ Lire et partager les résultats',
    ]);
    await local.page.reload();
    await expect.poll(() => local.sidebar.locator('#template').inputValue()).toBe('aidants');
    expect(await local.sidebar.locator('#next-step-hint').textContent()).toContain('Ouvrez « Démarche »');
    await local.sidebar.locator('#approach-section summary').click();
    await local.sidebar.locator('#approach-form textarea').first().fill('Les aidants prennent-ils du temps pour eux ?');
    await local.sidebar.getByRole('button', { name: 'Enregistrer la démarche' }).click();
    await expect.poll(() => local.sidebar.locator('#next-steps li[aria-current="step"]').textContent()).toBe('→ Importer des réponses');
  });

  it('types into a cell as in a spreadsheet, with Sheets’ typing rules', async () => {
    await local.page.getByRole('tab', { name: 'Indicateurs' }).click();
    const targets = await columnOf('indicators', 'Cibles');
    const baseline = await columnOf('indicators', 'Valeur de référence');
    await cell(3, targets).dblclick();
    await local.page.keyboard.type('2026 : 70');
    await local.page.keyboard.press('Enter');
    await expect.poll(result).toBe(`Indicateurs!${String.fromCharCode(64 + targets)}3 enregistrée.`);
    expect((await local.registry.readTab('indicators'))[2]![targets - 1]).toBe('2026 : 70');
    // Enter moved down; typing over the selected cell replaces it, Tab saves and moves right.
    expect(await local.page.locator('td.selected').getAttribute('data-row')).toBe('4');
    await cell(4, baseline).click();
    await local.page.keyboard.type('12,5');
    await local.page.keyboard.press('Tab');
    await expect.poll(async () => (await loadWorkbook(local.registry.workbookPath)).sheets.find((s) => s.name === 'Indicateurs')!.cells[3]![baseline - 1]?.v).toBe(12.5);
    expect(await local.page.locator('td.selected').getAttribute('data-column')).toBe(String(baseline + 1));
    // Escape cancels.
    await cell(5, targets).dblclick();
    await local.page.keyboard.type('jamais enregistré');
    await local.page.keyboard.press('Escape');
    expect(await cell(5, targets).textContent()).toBe('');
    expect((await local.registry.readTab('indicators'))[4]![targets - 1]).toBe('');
  });

  it('shows the header’s notes on hover and the column’s list while typing', async () => {
    const direction = await columnOf('indicators', 'Sens souhaité');
    expect(await cell(1, direction).getAttribute('title')).toContain('hausse, baisse ou stabilité');
    await cell(2, direction).dblclick();
    const editor = local.page.locator('#grid .editor');
    expect(await editor.getAttribute('list')).toBe('dropdown-choices');
    expect(await local.page.locator('#dropdown-choices option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['hausse', 'baisse', 'stabilité']);
    await local.page.keyboard.press('Escape');
    // The header row itself is not typed into here.
    await cell(1, direction).dblclick();
    await expect.poll(result).toContain('ligne d’en-tête');
  });

  it('adds, deletes and undoes rows', async () => {
    await local.page.getByRole('tab', { name: 'Changements' }).click();
    const ids = async () => (await local.registry.readTab('outcomes')).slice(1, 4).map((row) => row[0] ?? '');
    const before = await ids();
    await cell(2, 1).click();
    await local.page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await expect.poll(ids).toEqual([before[0], '', before[1]]);
    await local.page.getByRole('button', { name: 'Annuler la dernière modification' }).click();
    await expect.poll(ids).toEqual(before);
    local.page.once('dialog', (dialog) => void dialog.accept());
    await cell(2, 1).click();
    await local.page.getByRole('button', { name: 'Supprimer la ligne' }).click();
    await expect.poll(ids).toEqual([before[1], before[2], expect.anything()]);
    await local.page.locator('#grid-wrap').focus();
    await local.page.keyboard.press('Control+z');
    await expect.poll(ids).toEqual(before);
  });

  it('keeps computed tabs read-only, and says so', async () => {
    await local.page.getByRole('tab', { name: 'Tableau de bord' }).click();
    await expect.poll(() => local.page.locator('#tab-kind').textContent()).toContain('Onglet calculé par Repère');
    expect(await local.page.getByRole('button', { name: 'Ajouter une ligne' }).isVisible()).toBe(false);
    await cell(1, 1).dblclick();
    await expect.poll(result).toContain('« Tableau de bord » est calculé par Repère');
    expect(await local.page.locator('#grid .editor').count()).toBe(0);
  });

  it('says when the file was changed outside Repère, and shows it', async () => {
    await local.page.getByRole('tab', { name: 'Démarche' }).click();
    const model = await loadWorkbook(local.registry.workbookPath);
    const approach = model.sheets.find((s) => s.name === 'Démarche')!;
    approach.cells[1]![1]!.v = '<img src=x onerror="document.title=1"> Changée dans LibreOffice';
    await saveWorkbook(model, local.registry.workbookPath);
    await nextLook();
    await expect.poll(() => local.page.locator('#reloaded').textContent()).toMatch(/^Classeur rechargé : modifié en dehors de Repère \(\d\d h \d\d\)/);
    await expect.poll(() => cell(2, 2).textContent()).toBe('<img src=x onerror="document.title=1"> Changée dans LibreOffice');
    expect(await local.page.locator('#grid img').count()).toBe(0);
  });

  it('refuses an edit whose row another program moved while it was typed, and writes nothing into the other record', async () => {
    await local.page.getByRole('tab', { name: 'Indicateurs' }).click();
    const unit = await columnOf('indicators', 'Unité');
    await expect.poll(() => cell(3, 1).textContent()).toBe('I2');
    await cell(3, unit).dblclick();
    await local.page.keyboard.press('Control+a');
    await local.page.keyboard.type('heures par mois');
    // Meanwhile the workbook is saved in another program with a line inserted above.
    const model = await loadWorkbook(local.registry.workbookPath);
    const indicators = model.sheets.find((s) => s.name === 'Indicateurs')!;
    indicators.cells.splice(1, 0, [{ v: 'I0' }]);
    indicators.maxRows++;
    await saveWorkbook(model, local.registry.workbookPath);
    await local.page.keyboard.press('Enter');
    await expect.poll(result).toContain('La ligne 3 de « Indicateurs » a changé depuis que la page l’a affichée');
    const rows = await local.registry.readTab('indicators');
    expect(rows.slice(1, 4).map((row) => [row[0], row[unit - 1] ?? ''])).toEqual([
      ['I0', ''],
      ['I1', 'personnes'],
      ['I2', 'heures'],
    ]);
    await expect.poll(() => cell(3, 1).textContent()).toBe('I1');
  });

  it('says the workbook is open in LibreOffice, and writes nothing meanwhile', async () => {
    const lock = join(local.registry.workbookPath, '..', '.~lock.registre.xlsx#');
    copyFileSync('tests/fixtures/local/libreoffice-lock-file', lock);
    await nextLook();
    await expect.poll(() => local.page.locator('#open-elsewhere').textContent()).toContain('est ouvert dans LibreOffice (par root');
    const bytes = readFileSync(local.registry.workbookPath);
    await cell(3, 2).dblclick();
    await local.page.keyboard.type('pendant que LibreOffice l’a ouvert');
    await local.page.keyboard.press('Enter');
    await expect.poll(result).toContain('Repère n’y a rien écrit');
    expect(readFileSync(local.registry.workbookPath).equals(bytes)).toBe(true);
    rmSync(lock);
    await nextLook();
    await expect.poll(() => local.page.locator('#open-elsewhere').isVisible()).toBe(false);
    expect(local.errors).toEqual([]);
  });
});
