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

});
