// Developer metadata: the objects handed to the script (DeveloperMetadata, its location, the finder) over the
// model's metadata entries, which dims.ts keeps anchored to their rows/columns.

import { fail, sheetModel, type Ctx } from './context';
import { enumName, isEnum } from './enums';
import { nextId, touch, type MetadataEntry, type MetadataLocation } from './model';
import { Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';

export function addMetadata(ctx: Ctx, location: MetadataLocation, key: unknown, a?: unknown, b?: unknown): Spreadsheet {
  let value: unknown = a;
  let visibility: unknown = b;
  if (isEnum(a)) {
    visibility = a;
    value = undefined;
  }
  if (typeof key !== 'string' || key === '') fail(ctx, 'Invalid argument: key');
  const vis = visibility === undefined || visibility === null ? 'DOCUMENT' : enumName(visibility);
  if (vis !== 'DOCUMENT' && vis !== 'PROJECT') fail(ctx, 'Invalid argument: visibility');
  ctx.model.metadata.push({
    id: nextId(ctx.model),
    key,
    value: value === undefined || value === null ? null : String(value),
    visibility: vis,
    location,
  });
  touch(ctx.model);
  return new Spreadsheet(ctx);
}

export class DeveloperMetadata {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _entry: MetadataEntry,
  ) {
    this._calls = _ctx.calls;
  }
  getId(): number {
    return this._entry.id;
  }
  getKey(): string {
    return this._entry.key;
  }
  getValue(): string | null {
    return this._entry.value;
  }
  getVisibility() {
    return this._ctx.enums.DeveloperMetadataVisibility[this._entry.visibility];
  }
  setKey(key: string): DeveloperMetadata {
    this._entry.key = String(key);
    touch(this._ctx.model);
    return this;
  }
  setValue(value: string): DeveloperMetadata {
    this._entry.value = value === null || value === undefined ? null : String(value);
    touch(this._ctx.model);
    return this;
  }
  setVisibility(v: unknown): DeveloperMetadata {
    this._entry.visibility = enumName(v) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    touch(this._ctx.model);
    return this;
  }
  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(this._ctx, this._entry);
  }
  moveToSpreadsheet(): DeveloperMetadata {
    this._entry.location = { type: 'SPREADSHEET' };
    touch(this._ctx.model);
    return this;
  }
  moveToSheet(sheet: Sheet): DeveloperMetadata {
    this._entry.location = { type: 'SHEET', sheetId: sheet._sheetId };
    touch(this._ctx.model);
    return this;
  }
  moveToColumn(range: Range): DeveloperMetadata {
    this._entry.location = { type: 'COLUMN', sheetId: range._sheetId, start: range._col, count: range._numCols };
    touch(this._ctx.model);
    return this;
  }
  moveToRow(range: Range): DeveloperMetadata {
    this._entry.location = { type: 'ROW', sheetId: range._sheetId, start: range._row, count: range._numRows };
    touch(this._ctx.model);
    return this;
  }
  remove(): void {
    const i = this._ctx.model.metadata.indexOf(this._entry);
    if (i >= 0) {
      this._ctx.model.metadata.splice(i, 1);
      touch(this._ctx.model);
    }
  }
}

export class DeveloperMetadataLocation {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _entry: MetadataEntry,
  ) {
    this._calls = _ctx.calls;
  }
  getLocationType() {
    return this._ctx.enums.DeveloperMetadataLocationType[this._entry.location.type];
  }
  getSpreadsheet(): Spreadsheet | null {
    return this._entry.location.type === 'SPREADSHEET' ? new Spreadsheet(this._ctx) : null;
  }
  getSheet(): Sheet | null {
    const loc = this._entry.location;
    return loc.type === 'SHEET' ? new Sheet(this._ctx, loc.sheetId) : null;
  }
  getColumn(): Range | null {
    const loc = this._entry.location;
    if (loc.type !== 'COLUMN') return null;
    const s = sheetModel(this._ctx, loc.sheetId);
    return new Range(this._ctx, loc.sheetId, 1, loc.start, s.maxRows, loc.count, 'columns');
  }
  getRow(): Range | null {
    const loc = this._entry.location;
    if (loc.type !== 'ROW') return null;
    const s = sheetModel(this._ctx, loc.sheetId);
    return new Range(this._ctx, loc.sheetId, loc.start, 1, loc.count, s.maxCols, 'rows');
  }
}

export type MetadataScope =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'RANGE'; sheetId: number; row: number; col: number; numRows: number; numCols: number };

function inScope(e: MetadataEntry, scope: MetadataScope): boolean {
  if (scope.type === 'SPREADSHEET') return true;
  const loc = e.location;
  if (loc.type === 'SPREADSHEET' || loc.sheetId !== scope.sheetId) return false;
  if (scope.type === 'SHEET') return true;
  if (loc.type === 'COLUMN') return loc.start <= scope.col + scope.numCols - 1 && loc.start + loc.count - 1 >= scope.col;
  if (loc.type === 'ROW') return loc.start <= scope.row + scope.numRows - 1 && loc.start + loc.count - 1 >= scope.row;
  return false;
}

export class DeveloperMetadataFinder {
  readonly _calls;
  private _key?: string;
  private _value?: string;
  private _id?: number;
  private _type?: string;
  private _visibility?: string;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _scope: MetadataScope,
  ) {
    this._calls = _ctx.calls;
  }
  withKey(key: string): DeveloperMetadataFinder {
    this._key = String(key);
    return this;
  }
  withValue(value: string): DeveloperMetadataFinder {
    this._value = String(value);
    return this;
  }
  withId(id: number): DeveloperMetadataFinder {
    this._id = Number(id);
    return this;
  }
  withLocationType(type: unknown): DeveloperMetadataFinder {
    this._type = enumName(type);
    return this;
  }
  withVisibility(v: unknown): DeveloperMetadataFinder {
    this._visibility = enumName(v);
    return this;
  }
  find(): DeveloperMetadata[] {
    const found = this._ctx.model.metadata.filter(
      (e) =>
        inScope(e, this._scope) &&
        (this._key === undefined || e.key === this._key) &&
        (this._value === undefined || e.value === this._value) &&
        (this._id === undefined || e.id === this._id) &&
        (this._type === undefined || e.location.type === this._type) &&
        (this._visibility === undefined || e.visibility === this._visibility),
    );
    return this._ctx.realm.array(found.map((e) => new DeveloperMetadata(this._ctx, e)));
  }
}

/** Metadata whose location is exactly this object (Spreadsheet/Sheet/Range.getDeveloperMetadata). */
export function metadataAt(ctx: Ctx, match: (loc: MetadataLocation) => boolean): DeveloperMetadata[] {
  return ctx.realm.array(ctx.model.metadata.filter((e) => match(e.location)).map((e) => new DeveloperMetadata(ctx, e)));
}
