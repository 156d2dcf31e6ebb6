import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScriptServices, createEmptyWorkbook } from '../../../apps-script/local/emulator';

describe('services injected into a bare node:vm context', () => {
  it('work with arrays, dates and errors of the script’s own realm', () => {
    const ctx = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
    const realm = vm.runInContext('({ Date, Array, Error })', ctx) as { Date: DateConstructor; Array: ArrayConstructor; Error: ErrorConstructor };
    const services = createAppsScriptServices({ model: createEmptyWorkbook(), realm });
    Object.assign(ctx, services.globals);
    const out = vm.runInContext(
      `(() => {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        sheet.getRange(1, 1, 1, 3).setValues([[new Date(Date.UTC(2024, 0, 2)), '3,5', "'=x"]]);
        const v = sheet.getRange('A1:C1').getValues();
        let error = null;
        try { sheet.getRange(2000, 1); } catch (e) { error = e instanceof Error ? e.message : 'foreign'; }
        return JSON.stringify({
          isArray: v instanceof Array, isDate: v[0][0] instanceof Date, n: v[0][1], t: v[0][2], error,
          digest: Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'a') instanceof Array,
          vis: String(SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT),
        });
      })()`,
      ctx,
    ) as string;
    expect(JSON.parse(out)).toEqual({
      isArray: true,
      isDate: true,
      n: 3.5,
      t: '=x',
      error: 'The coordinates of the range are outside the dimensions of the sheet.',
      digest: true,
      vis: 'DOCUMENT',
    });
  });
});
