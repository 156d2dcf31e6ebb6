import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../shared/templates';
import { failed, succeeded, testRegistry, type TestRegistry } from './runtime';

/** Every cell value of every tab but the Journal, as a comparable snapshot. */
function cellsExceptJournal(registry: TestRegistry): Record<string, unknown[][]> {
  const ss = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet();
  const journal = registry.tab('journal')[0] ? ss.getSheets().find((s) => s.getRange(1, 1).getValue() === 'Quand')?.getName() : undefined;
  const out: Record<string, unknown[][]> = {};
  for (const sheet of ss.getSheets()) {
    if (sheet.getName() === journal) continue;
    const rows = sheet.getLastRow();
    out[sheet.getName()] = rows ? (sheet.getRange(1, 1, rows, sheet.getLastColumn()).getValues() as unknown[][]) : [];
  }
  return out;
}

function sheet(registry: TestRegistry, name: string) {
  return registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
}

function check(registry: TestRegistry) {
  return registry.run('checkRegistry') as { ok: true; errors: number; warnings: number; problems: Array<{ severity: string; message: string; cell: string; sheetId: number }>; summary: string };
}

/** Writes a value in the row of `code` in the Indicateurs tab, in the column headed `header`. */
function setIndicatorCell(registry: TestRegistry, code: string, header: string, value: unknown): string {
  const tab = sheet(registry, 'Indicateurs');
  const values = tab.getDataRange().getValues();
  const column = values[0]!.indexOf(header) + 1;
  const row = values.findIndex((r) => r[values[0]!.indexOf('Code')] === code) + 1;
  expect(column * row).toBeGreaterThan(0);
  tab.getRange(row, column).setValue(value);
  return tab.getRange(row, column).getA1Notation();
}

describe('setting up the registry', () => {
  it.each(TEMPLATES.flatMap((t) => [[t.id, 'fr'], [t.id, 'en']] as const))('the « %s » framework (%s) gives a registry with no problem', (template, lang) => {
    const registry = testRegistry();
    expect(registry.run('configureRegistry', { lang, template })).toMatchObject({ ok: true });
    const result = check(registry);
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatch(/^Aucun problème/);
  });

  it('a second setup leaves every cell value identical, apart from its new line in the Journal', () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const before = cellsExceptJournal(registry);
    const journalBefore = registry.tab('journal').length;
    const second = registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    expect(second).toMatchObject({ ok: true, createdTabs: [], addedColumns: [], templateRows: 0, summary: 'Le registre était déjà complet : rien n’a été modifié.' });
    expect(cellsExceptJournal(registry)).toEqual(before);
    expect(registry.tab('journal')).toHaveLength(journalBefore + 1);
  });

  it('keeps a column people added, with its values, and still finds its own columns around it', () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const tab = sheet(registry, 'Indicateurs');
    tab.insertColumnBefore(3);
    tab.getRange(1, 3).setValue('Commentaire interne');
    tab.getRange(2, 3).setValue('à revoir avec la directrice');
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    expect(tab.getRange(2, 3).getValue()).toBe('à revoir avec la directrice');
    expect(check(registry).problems).toEqual([]);
    const cell = setIndicatorCell(registry, 'I3', 'Méthode', 'moyene');
    expect(check(registry).problems.map((p) => p.message)).toEqual([
      `Indicateurs!${cell} : méthode « moyene » inconnue. Valeurs possibles : proportion, moyenne, médiane, effectif, somme, score d'échelle, évolution avant/après, nombre d'observations, personnes distinctes qui évoquent le thème, saisie manuelle.`,
    ]);
  });

  it('still finds a renamed tab and reordered columns, and creates no second tab', () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const tab = sheet(registry, 'Indicateurs');
    tab.setName('Nos indicateurs');
    const headers = tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0]!;
    tab.moveColumns(tab.getRange(1, headers.indexOf('Méthode') + 1, tab.getMaxRows(), 1), tab.getLastColumn() + 1);
    tab.moveColumns(tab.getRange(1, headers.indexOf('Code') + 1, tab.getMaxRows(), 1), 5);
    expect(registry.run('configureRegistry', { lang: 'fr' })).toMatchObject({ createdTabs: [], addedColumns: [] });
    const result = check(registry);
    expect(result.problems).toEqual([]);
    expect(result.summary).toContain('14 indicateurs');
    expect(registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => s.getName())).not.toContain('Indicateurs');
  });

  it('refuses an unknown framework with the list of known ones', () => {
    expect(testRegistry().run('configureRegistry', { template: 'ehpad' })).toEqual({ ok: false, message: 'Modèle « ehpad » inconnu. Modèles : bien-vieillir, aidants, generique.' });
  });
});

describe('checking the registry', () => {
  function withProblem(edit: (registry: TestRegistry) => string): { cell: string; messages: string[]; registry: TestRegistry } {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const cell = edit(registry);
    return { cell, messages: check(registry).problems.map((p) => p.message), registry };
  }

  it('reports a duplicated indicator with its cell, and the other rows still work', () => {
    const { messages, registry } = withProblem((r) => setIndicatorCell(r, 'I4', 'Code', 'I3'));
    expect(messages).toEqual([expect.stringMatching(/^Indicateurs!A\d+ : code « I3 » en double \(déjà utilisé ligne \d+\)\. Donnez un code unique à chaque ligne\.$/)]);
    expect(check(registry).summary).toBe('1 erreur et 0 avertissement. Les lignes valides restent utilisables ; corrigez les cellules indiquées.');
  });

  it('reports an unknown outcome reference', () => {
    const { cell, messages } = withProblem((r) => setIndicatorCell(r, 'I3', 'Changement', 'C9'));
    expect(messages).toEqual([`Indicateurs!${cell} : changement « C9 » absent de l’onglet Changements. Choisissez un identifiant existant dans la liste.`]);
  });

  it('reports a condition that does not parse', () => {
    const { cell, messages } = withProblem((r) => setIndicatorCell(r, 'I3', 'Condition', 'plus de 4'));
    expect(messages).toEqual([`Indicateurs!${cell} : condition « plus de 4 » illisible. Écrivez par exemple « ≥ 4 », « entre 3 et 5 » ou « in [« Oui », « Plutôt oui »] ».`]);
  });

  it('reports a target without a period', () => {
    const { cell, messages } = withProblem((r) => setIndicatorCell(r, 'I3', 'Cibles', '70'));
    expect(messages).toEqual([`Indicateurs!${cell} : cible « 70 » sans période. Écrivez la période puis la valeur, ex. « 2027 : 70 ».`]);
  });

  it('reports a method that does not fit its source question’s type', () => {
    const { messages } = withProblem((r) => {
      setIndicatorCell(r, 'I3', 'Condition', '');
      return setIndicatorCell(r, 'I3', 'Méthode', 'somme');
    });
    expect(messages).toEqual([expect.stringMatching(/^Indicateurs!E\d+ : la méthode « somme » ne convient pas à la question « repit_pris » \(échelle\)\./)]);
  });

  it('reports a proportion without a condition, and a baseline without a period', () => {
    const { messages } = withProblem((r) => {
      setIndicatorCell(r, 'I3', 'Condition', '');
      return setIndicatorCell(r, 'I3', 'Valeur de référence', 62);
    });
    expect(messages).toEqual([
      expect.stringContaining('une proportion a besoin d’une condition'),
      expect.stringContaining('valeur de référence sans période'),
    ]);
  });

  it('lets the sidebar jump to the cell of a problem', () => {
    const { registry } = withProblem((r) => setIndicatorCell(r, 'I4', 'Code', 'I3'));
    const problem = check(registry).problems[0]!;
    expect(registry.run('goToCell', problem.sheetId, problem.cell)).toEqual({ ok: true });
    const active = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
    expect([active.getSheet().getName(), active.getA1Notation()]).toEqual(['Indicateurs', problem.cell]);
  });
});

describe('the approach form and manual values', () => {
  it('fills the Démarche rubrics, updating the framework’s rows rather than adding new ones', () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const rows = registry.tab('approach').length;
    expect(registry.run('saveApproach', { question: 'Nos aidants souffrent-ils moins ?', period: '2026-2027' })).toEqual({ ok: true, written: 2 });
    expect(registry.tab('approach')).toHaveLength(rows);
    expect(succeeded(registry.run('getApproach')).fields).toMatchObject({ question: 'Nos aidants souffrent-ils moins ?', period: '2026-2027' });
    expect(registry.run('saveApproach', { question: 'Nos aidants souffrent-ils moins ?' })).toEqual({ ok: true, written: 0 });
  });

  it('adds a manual value for a manual indicator, and refuses other indicators or unreadable values', () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    expect(registry.run('getSidebarState').manualIndicators.map((i: { code: string }) => i.code)).toEqual(['I1', 'I2']);
    expect(registry.run('addManualValue', { indicator: 'I2', period: '2026-T1', value: '1 250,5', n: '' })).toEqual({ ok: true });
    const [header = [], ...rows] = registry.tab('values');
    expect(rows.map((r) => [r[header.indexOf('Indicateur')], r[header.indexOf('Période')], r[header.indexOf('Valeur')], r[header.indexOf('Origine')]])).toEqual([['I2', '2026-T1', 1250.5, 'saisi']]);
    expect(registry.run('addManualValue', { indicator: 'I3', period: '2026', value: 3 })).toMatchObject({ ok: false, message: expect.stringContaining('saisie manuelle') });
    expect(failed(registry.run('addManualValue', { indicator: 'I2', period: 'T1', value: 'beaucoup' })).message).toMatch(/Valeur « beaucoup »/);
    expect(check(registry).problems).toEqual([]);
  });
});
