/**
 * Native charts through the built bundle: refreshing updates them in place only when their specification changed,
 * never duplicates them.
 */
import { describe, expect, it } from 'vitest';
import { testRegistry } from './runtime';

function chartsSheet(registry: ReturnType<typeof testRegistry>) {
  const meta = registry.model.metadata.find((m) => m.key === 'repere:tab' && m.value === 'charts' && m.location.type === 'SHEET');
  return registry.model.sheets.find((s) => meta?.location.type === 'SHEET' && s.sheetId === meta.location.sheetId)!;
}

describe('charts', () => {
  it('two computations give the same charts, updated in place with their new findings; a lost property never duplicates', () => {
    const registry = testRegistry();
    expect(registry.run('configureRegistry', { lang: 'fr', template: 'aidants' }).ok).not.toBe(false);
    expect(registry.run('addManualValue', { indicator: 'I1', period: '2026-T1', value: 120 })).toEqual({ ok: true });
    expect(registry.run('addManualValue', { indicator: 'I2', period: '2026-03', value: 300 })).toEqual({ ok: true });
    expect(registry.run('computeRegistry').ok).toBe(true);
    const sheet = chartsSheet(registry);
    expect(sheet.name).toBe('Graphiques');
    const first = sheet.charts.map((c) => ({ id: c.chartId, title: c.options['title'], finding: c.options['subtitle'], type: c.type }));
    expect(first).toEqual([
      { id: expect.any(Number), title: 'I1 — Aidants accompagnés', finding: '120 personnes en 2026-T1, première mesure', type: 'LINE' },
      { id: expect.any(Number), title: 'I2 — Heures de répit délivrées', finding: '300 h en 2026-03, première mesure', type: 'LINE' },
    ]);
    // The chart's range holds its data table, written in the tab with one setValues.
    const [range] = sheet.charts[0]!.ranges;
    const ss = registry.services.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheetByName('Graphiques')!.getRange(range!).getDisplayValues()).toEqual([['Période', 'personnes'], ['2026-T1', '120']]);

    // Nothing changed: no chart is touched.
    registry.services.calls.reset();
    expect(registry.run('computeRegistry').ok).toBe(true);
    expect(registry.services.calls.total('EmbeddedChartBuilder') + registry.services.calls.get('Sheet.updateChart') + registry.services.calls.get('Sheet.insertChart')).toBe(0);

    expect(registry.run('addManualValue', { indicator: 'I1', period: '2026-T2', value: 150 })).toEqual({ ok: true });
    registry.services.calls.reset();
    expect(registry.run('computeRegistry').ok).toBe(true);
    const second = sheet.charts.map((c) => ({ id: c.chartId, title: c.options['title'], finding: c.options['subtitle'] }));
    expect(second).toHaveLength(2);
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(second[0]!.finding).toBe('150 personnes en 2026-T2, en hausse depuis 2026-T1 (120 personnes)');
    expect(registry.services.calls.get('Sheet.insertChart')).toBe(0);
    // Only the chart whose specification changed is updated (I1's; I2's range and finding are the same).
    expect(registry.services.calls.get('Sheet.updateChart')).toBe(1);
    expect(registry.services.calls.get('Sheet.removeChart')).toBe(0);

    // Without the remembered ids, the tab's unknown charts are removed before new ones go in: still two.
    registry.services.globals.PropertiesService.getDocumentProperties().deleteProperty('repere.charts');
    expect(registry.run('computeRegistry').ok).toBe(true);
    expect(sheet.charts).toHaveLength(2);
    expect(registry.run('computeRegistry').ok).toBe(true);
    expect(sheet.charts.map((c) => c.options['subtitle'])).toEqual(second.map((c) => c.finding));
  });
});
