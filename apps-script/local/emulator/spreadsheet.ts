// Spreadsheet (the workbook seen by the script) and SpreadsheetApp (the service: the active spreadsheet, the UI,
// the builders and enums).

import { splitSheet } from './a1';
import { ConditionalFormatRuleBuilder } from './conditional';
import { fail, type Ctx } from './context';
import { addMetadata, DeveloperMetadataFinder, metadataAt, type DeveloperMetadata } from './metadata';
import { newSheetModel, nextId, touch } from './model';
import { Range, rangeFromA1 } from './range';
import { referencesAfterSheetDeleted } from './references';
import { checkSheetName, Sheet } from './sheet';
import { TextFinder } from './textfinder';
import { Ui } from './ui';
import { DataValidationBuilder } from './validation';

export class Spreadsheet {
  readonly _calls;
  constructor(readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
  }
  getId(): string {
    return this._ctx.model.id;
  }
  getName(): string {
    return this._ctx.model.name;
  }
  rename(name: string): void {
    this._ctx.model.name = String(name);
    touch(this._ctx.model);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._ctx.model.id}/edit`;
  }
  getSheets(): Sheet[] {
    return this._ctx.realm.array(this._ctx.model.sheets.map((s) => new Sheet(this._ctx, s.sheetId)));
  }
  getNumSheets(): number {
    return this._ctx.model.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this._ctx.model.sheets.find((x) => x.name === String(name));
    return s ? new Sheet(this._ctx, s.sheetId) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this._ctx.model.sheets.find((x) => x.sheetId === Number(id));
    return s ? new Sheet(this._ctx, s.sheetId) : null;
  }
  insertSheet(a?: string | number, b?: number): Sheet {
    const model = this._ctx.model;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'number') index = a;
    else if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    }
    if (name === undefined) {
      const fr = model.locale.toLowerCase().startsWith('fr');
      for (let n = model.sheets.length + 1; ; n++) {
        const candidate = fr ? `Feuille ${n}` : `Sheet${n}`;
        if (!model.sheets.some((s) => s.name.toLowerCase() === candidate.toLowerCase())) {
          name = candidate;
          break;
        }
      }
    } else checkSheetName(this._ctx, name);
    // Gids are non-zero once the first sheet exists.
    const sheet = newSheetModel(nextId(model) * 1000 + 7, name);
    const at = index === undefined ? model.sheets.length : Math.max(0, Math.min(model.sheets.length, index));
    model.sheets.splice(at, 0, sheet);
    model.activeSheetId = sheet.sheetId;
    touch(model);
    return new Sheet(this._ctx, sheet.sheetId);
  }
  deleteSheet(sheet: Sheet): void {
    const model = this._ctx.model;
    if (model.sheets.length === 1) fail(this._ctx, "You can't remove all the sheets in a document.");
    const i = model.sheets.findIndex((s) => s.sheetId === sheet._sheetId);
    if (i < 0) fail(this._ctx, 'Sheet not found: it may have been deleted.');
    const [gone] = model.sheets.splice(i, 1);
    referencesAfterSheetDeleted(model, gone!.name);
    // Everything anchored to the sheet goes with it.
    model.metadata = model.metadata.filter((m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== sheet._sheetId);
    if (model.activeSheetId === sheet._sheetId) model.activeSheetId = model.sheets[Math.max(0, i - 1)]!.sheetId;
    touch(model);
  }
  getActiveSheet(): Sheet {
    return activeSheet(this._ctx);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this._ctx.model.activeSheetId = sheet._sheetId;
    return sheet;
  }
  getActiveRange(): Range {
    const sheet = activeSheet(this._ctx);
    return this._ctx.model.activeA1 ? sheet.getRange(this._ctx.model.activeA1) : new Range(this._ctx, sheet._sheetId, 1, 1, 1, 1);
  }
  getSpreadsheetLocale(): string {
    return this._ctx.model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._ctx.model.locale = String(locale);
    touch(this._ctx.model);
  }
  getSpreadsheetTimeZone(): string {
    return this._ctx.model.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._ctx.model.timeZone = String(tz);
    touch(this._ctx.model);
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Spreadsheet {
    return addMetadata(this._ctx, { type: 'SPREADSHEET' }, key, a, b);
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataAt(this._ctx, (loc) => loc.type === 'SPREADSHEET');
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this._ctx, { type: 'SPREADSHEET' });
  }
  getRange(a1: string): Range {
    const { sheetName } = splitSheet(String(a1));
    const model = this._ctx.model;
    const sheet = sheetName === undefined ? model.sheets.find((s) => s.sheetId === activeSheet(this._ctx)._sheetId) : model.sheets.find((s) => s.name === sheetName);
    if (!sheet) fail(this._ctx, 'Range not found');
    return rangeFromA1(this._ctx, sheet, String(a1));
  }
  createTextFinder(text: string): TextFinder {
    return new TextFinder(
      this._ctx,
      this._ctx.model.sheets.map((s) => new Sheet(this._ctx, s.sheetId)._dataRange()),
      String(text),
    );
  }
  toast(msg: string, title?: string): void {
    this._ctx.ui.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title) });
  }
  getOwner(): null {
    return null;
  }
}

function activeSheet(ctx: Ctx): Sheet {
  const model = ctx.model;
  const s = model.sheets.find((x) => x.sheetId === model.activeSheetId) ?? model.sheets[0]!;
  return new Sheet(ctx, s.sheetId);
}

export class SpreadsheetAppService {
  readonly _calls;
  readonly DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType;
  readonly ProtectionType;
  readonly DataValidationCriteria;
  readonly BooleanCriteria;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
    this.DeveloperMetadataVisibility = _ctx.enums.DeveloperMetadataVisibility;
    this.DeveloperMetadataLocationType = _ctx.enums.DeveloperMetadataLocationType;
    this.ProtectionType = _ctx.enums.ProtectionType;
    this.DataValidationCriteria = _ctx.enums.DataValidationCriteria;
    this.BooleanCriteria = _ctx.enums.BooleanCriteria;
  }
  getActiveSpreadsheet(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  getActive(): Spreadsheet {
    return new Spreadsheet(this._ctx);
  }
  openById(id: string): Spreadsheet {
    if (String(id) !== this._ctx.model.id) fail(this._ctx, 'Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return new Spreadsheet(this._ctx);
  }
  getActiveSheet(): Sheet {
    return activeSheet(this._ctx);
  }
  getUi(): Ui {
    return new Ui(this._ctx);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx);
  }
  flush(): void {
    // Nothing is pending offline; the call is still counted, as flushes are what batching avoids.
  }
}

export { nextId };
