// What every emulated object shares: the workbook, the call counter, the realm to build values in, the enums and
// what the UI has shown, plus the helpers to resolve a sheet and raise Google-worded errors.

import type { CallCounter } from './counter';
import type { Enums } from './enum-set';
import type { SheetModel, WorkbookModel } from './model';
import type { Realm } from './realm';

export interface UiMenuItem {
  caption?: string;
  functionName?: string;
  separator?: boolean;
  submenu?: UiMenu;
}

export interface UiMenu {
  caption: string;
  addon: boolean;
  items: UiMenuItem[];
}

export interface UiRecord {
  menus: UiMenu[];
  sidebars: Array<{ title: string; html: string }>;
  dialogs: Array<{ title: string; html: string; modal: boolean; width: number; height: number }>;
  alerts: Array<{ title: string; prompt: string; buttons: string }>;
  toasts: Array<{ message: string; title: string }>;
  /** The host queues the button names ("YES", "OK", …) and texts the next alerts and prompts answer with. */
  responses: Array<{ button: string; text?: string }>;
}

export interface Ctx {
  model: WorkbookModel;
  calls: CallCounter;
  realm: Realm;
  enums: Enums;
  ui: UiRecord;
  now: () => Date;
  uuid: () => string;
  userEmail: string;
  webAppUrl: string;
  htmlDir?: string;
  logs: string[];
  sleptMs: number;
}

export function sheetModel(ctx: Ctx, sheetId: number): SheetModel {
  const s = ctx.model.sheets.find((x) => x.sheetId === sheetId);
  if (!s) throw ctx.realm.error('Sheet not found: it may have been deleted.');
  return s;
}

export function fail(ctx: Ctx, message: string): never {
  throw ctx.realm.error(message);
}
