import { describe, expect, it } from 'vitest';
import { setup } from './helpers';

describe('sheets and developer metadata', () => {
  it('refuses a duplicate sheet name with Google’s message', () => {
    const { ss } = setup();
    ss.insertSheet('Observations');
    expect(() => ss.insertSheet('Observations')).toThrow('A sheet with the name "Observations" already exists. Please enter another name.');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Feuille 1', 'Observations']);
    expect(ss.getActiveSheet().getName()).toBe('Observations');
  });
  it('finds a tab by metadata after it is renamed', () => {
    const { g, ss } = setup();
    const tab = ss.insertSheet('Observations');
    tab.addDeveloperMetadata('repere:tab', 'observations', g.SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
    tab.setName('Mes observations');
    const found = ss.createDeveloperMetadataFinder().withKey('repere:tab').withValue('observations').find()[0]!;
    expect(found.getLocation().getSheet()!.getName()).toBe('Mes observations');
    expect(found.getLocation().getLocationType()).toBe(g.SpreadsheetApp.DeveloperMetadataLocationType.SHEET);
    expect(found.getVisibility()).toBe(g.SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  });
  it('anchors whole-column metadata to the column, which follows inserts, deletes and moves', () => {
    const { ss, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('repere:col', 'quote');
    const col = () => ss.createDeveloperMetadataFinder().withKey('repere:col').find()[0]!.getLocation().getColumn()!;
    expect(String(ss.createDeveloperMetadataFinder().withKey('repere:col').find()[0]!.getLocation().getLocationType())).toBe('COLUMN');
    expect(col().getA1Notation()).toBe('C:C');
    sheet.insertColumnBefore(1);
    expect(col().getColumn()).toBe(4);
    sheet.deleteColumn(2);
    expect(col().getColumn()).toBe(3);
    sheet.moveColumns(sheet.getRange('C:C'), 1);
    expect(col().getColumn()).toBe(1);
    sheet.moveColumns(sheet.getRange('A:A'), 4); // before old D → ends at C
    expect(col().getColumn()).toBe(3);
    expect(sheet.getRange('C:C').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['quote']);
    sheet.deleteColumn(3);
    expect(ss.createDeveloperMetadataFinder().withKey('repere:col').find()).toEqual([]);
  });
  it('moves cell contents with moveColumns', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.moveColumns(sheet.getRange('A1'), 4);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['b', 'c', 'a']]);
  });
  it('refuses metadata on an arbitrary range', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('k')).toThrow(/arbitrary ranges/);
    sheet.getRange('2:2').addDeveloperMetadata('row');
    expect(sheet.getRange('2:2').getDeveloperMetadata()[0]!.getLocation().getRow()!.getRow()).toBe(2);
    sheet.insertRowsAfter(1, 3);
    expect(sheet.createDeveloperMetadataFinder().withKey('row').find()[0]!.getLocation().getRow()!.getRow()).toBe(5);
  });
  it('deletes a sheet with its metadata and refuses to delete the last one', () => {
    const { ss, sheet } = setup();
    const t = ss.insertSheet('T');
    t.addDeveloperMetadata('k', 'v');
    ss.deleteSheet(t);
    expect(ss.createDeveloperMetadataFinder().withKey('k').find()).toHaveLength(0);
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });
  it('keeps protections, frozen rows, hidden state and widths', () => {
    const { g, ss, sheet } = setup();
    ss.insertSheet('Calc');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.protect().setWarningOnly(true).setDescription('Repère');
    sheet.hideSheet();
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.isSheetHidden()).toBe(true);
    const p = sheet.getProtections(g.SpreadsheetApp.ProtectionType.SHEET);
    expect(p.map((x) => [x.isWarningOnly(), x.getDescription()])).toEqual([[true, 'Repère']]);
    p[0]!.remove();
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
  });
  it('stores charts as specs that can be modified and removed', () => {
    const { sheet } = setup();
    const chart = sheet.newChart().addRange(sheet.getRange('A1:B5')).asColumnChart().setNumHeaders(1).setOption('title', 'T').setPosition(2, 8, 0, 0).build();
    sheet.insertChart(chart);
    const [c] = sheet.getCharts();
    expect(c!.getOptions().get('title')).toBe('T');
    expect(c!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B5']);
    sheet.updateChart(c!.modify().setOption('title', 'U').build());
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('U');
    expect(sheet.getCharts()[0]!.getChartId()).toBe(c!.getChartId());
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
  it('replaces all conditional format rules on set', () => {
    const { g, sheet } = setup();
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(5).setBackground('#ff0000').setRanges([sheet.getRange('B2:B10')]).build();
    sheet.setConditionalFormatRules([rule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.getRanges()[0]!.getA1Notation()).toBe('B2:B10');
    expect(rules[0]!.getBooleanCondition().getBackground()).toBe('#ff0000');
    sheet.setConditionalFormatRules([]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });
});

describe('call counting', () => {
  it('counts each emulated call once per Class.method, and resets', () => {
    const { services, g } = setup();
    services.calls.reset();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange(1, 1, 2, 2).setValues([['a', 'b'], ['c', 'd']]);
    sheet.getRange('A1:B2').getValues();
    expect(services.calls.snapshot()).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(services.calls.total('Range')).toBe(2);
    services.calls.reset();
    expect(services.calls.total()).toBe(0);
  });
  it('marks the model dirty on changes only', () => {
    const { model, sheet } = setup();
    const before = model.revision;
    sheet.getRange('A1').getValues();
    expect(model.revision).toBe(before);
    sheet.getRange('A1').setValue(1);
    expect(model.revision).toBeGreaterThan(before);
    expect(model.dirty).toBe(true);
  });
});
