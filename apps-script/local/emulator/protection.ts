// Sheet and range protections. Only their description and warning-only flag matter offline: the emulation has a
// single user, who (like a spreadsheet owner) can always edit.

import { fail, sheetModel, type Ctx } from './context';
import { nextId, touch, type ProtectionSpec } from './model';
import { Range, rangeFromA1 } from './range';

export function addProtection(ctx: Ctx, sheetId: number, type: 'SHEET' | 'RANGE', a1?: string): Protection {
  const sheet = sheetModel(ctx, sheetId);
  if (type === 'SHEET') {
    // A sheet has at most one sheet protection: protect() returns the existing one.
    const existing = sheet.protections.find((p) => p.type === 'SHEET');
    if (existing) return new Protection(ctx, sheetId, existing);
  }
  const spec: ProtectionSpec = { id: nextId(ctx.model), type, warningOnly: false, description: '' };
  if (a1) spec.a1 = a1;
  sheet.protections.push(spec);
  touch(ctx.model);
  return new Protection(ctx, sheetId, spec);
}

export class Protection {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _sheetId: number,
    private readonly _spec: ProtectionSpec,
  ) {
    this._calls = _ctx.calls;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this._spec.warningOnly = !!warningOnly;
    touch(this._ctx.model);
    return this;
  }
  isWarningOnly(): boolean {
    return this._spec.warningOnly;
  }
  setDescription(description: string): Protection {
    this._spec.description = String(description);
    touch(this._ctx.model);
    return this;
  }
  getDescription(): string {
    return this._spec.description;
  }
  getProtectionType() {
    return this._ctx.enums.ProtectionType[this._spec.type];
  }
  getRange(): Range {
    const sheet = sheetModel(this._ctx, this._sheetId);
    if (this._spec.type === 'RANGE' && this._spec.a1) return rangeFromA1(this._ctx, sheet, this._spec.a1);
    return new Range(this._ctx, this._sheetId, 1, 1, sheet.maxRows, sheet.maxCols);
  }
  canEdit(): boolean {
    return true;
  }
  addEditor(): Protection {
    return this;
  }
  removeEditor(): Protection {
    return this;
  }
  getEditors(): unknown[] {
    return this._ctx.realm.array([]);
  }
  setDomainEdit(): Protection {
    return this;
  }
  remove(): void {
    const sheet = sheetModel(this._ctx, this._sheetId);
    const i = sheet.protections.indexOf(this._spec);
    if (i < 0) fail(this._ctx, 'This protection has already been removed.');
    sheet.protections.splice(i, 1);
    touch(this._ctx.model);
  }
}
