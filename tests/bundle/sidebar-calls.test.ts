import { describe, expect, it } from 'vitest';
import { testRegistry } from './runtime';

describe('the menu and the sidebar calls of the built bundle', () => {
  it('builds the menu in AuthMode.NONE without touching the spreadsheet or the properties', () => {
    const registry = testRegistry();
    registry.services.calls.reset();
    registry.entry('onOpen')({ authMode: registry.services.globals.ScriptApp.AuthMode.NONE });
    expect(registry.services.ui.menus[0]).toMatchObject({ addon: true, items: [{ caption: 'Ouvrir Repère', functionName: 'showSidebar' }] });
    const touched = Object.keys(registry.services.calls.snapshot());
    expect(touched.filter((c) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(c))).toEqual([]);
  });

  it('opens the sidebar from the built Sidebar.html', () => {
    const registry = testRegistry();
    registry.entry('showSidebar')();
    expect(registry.services.ui.sidebars).toHaveLength(1);
    expect(registry.services.ui.sidebars[0]!.title).toBe('Repère');
    expect(registry.services.ui.sidebars[0]!.html).toContain('Configurer');
  });

  it('says how to deploy the collector when the web app is not deployed yet', () => {
    const undeployed = testRegistry(undefined, '');
    expect(undeployed.run('getConnectionCode')).toMatchObject({ ok: false, message: expect.stringContaining('Déployer › Nouveau déploiement › Application web') });
  });

  it('imports survey rows once: a second import of the same file adds nothing, formulas stay text', () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr' });
    const chunk = {
      surveyId: 'E1',
      fileName: 'reponses.csv',
      headers: ['Horodateur', 'Âge', 'Commentaire'],
      firstRow: 2,
      rows: [
        ['26/11/2026 10:00:00', '82', 'Très contente'],
        ['26/11/2026 11:00:00', '007', '=1+1'],
        ['26/11/2026 12:00:00', '75', '+33 6 12 34 56 78'],
      ],
    };
    expect(registry.run('importSurveyChunk', chunk)).toMatchObject({ ok: true, inserted: 3, alreadyPresent: 0, tab: 'Réponses E1' });
    expect(registry.run('importSurveyChunk', chunk)).toMatchObject({ ok: true, inserted: 0, alreadyPresent: 3 });
    const [header = [], ...rows] = registry.tab('responses');
    expect(header).toEqual(['Identifiant réponse', 'Fichier source', 'Ligne source', 'Importée le', 'Horodateur', 'Âge', 'Commentaire']);
    expect(rows.map((r) => r.slice(4))).toEqual(chunk.rows);
    expect(rows.map((r) => r[2])).toEqual([2, 3, 4]);
  });

  it('refuses a malformed chunk with a French message, writing nothing', () => {
    const registry = testRegistry();
    const answer = registry.run('importSurveyChunk', { surveyId: 'E 1!', fileName: 'x.csv', headers: ['a'], firstRow: 2, rows: [] });
    expect(answer.ok).toBe(false);
    expect(answer.message).toMatch(/identifiant d’enquête/);
    expect(registry.model.sheets.map((s) => s.name)).toEqual(['Feuille 1']);
  });
});
