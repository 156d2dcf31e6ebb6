// The spreadsheet UI (menus, sidebars, dialogs, alerts): nothing is displayed, everything is recorded in ctx.ui so
// the host (local server, tests) can read what the script showed.

import type { Ctx, UiMenu } from './context';
import { enumName } from './enums';
import { HtmlOutput } from './html';

/** Google's overloads: (prompt) | (prompt, buttons) | (title, prompt, buttons), for alert and prompt alike. */
function dialogArguments(a: string, b?: unknown, c?: unknown): { title: string; prompt: string; buttons: unknown } {
  return typeof b === 'string' ? { title: String(a), prompt: b, buttons: c } : { title: '', prompt: String(a), buttons: b };
}

export class Ui {
  readonly _calls;
  readonly Button;
  readonly ButtonSet;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
    this.Button = _ctx.enums.Button;
    this.ButtonSet = _ctx.enums.ButtonSet;
  }
  createMenu(caption: string): Menu {
    return new Menu(this._ctx, { caption: String(caption), addon: false, items: [] });
  }
  createAddonMenu(): Menu {
    return new Menu(this._ctx, { caption: 'Repère', addon: true, items: [] });
  }
  showSidebar(userInterface: HtmlOutput): void {
    this._ctx.ui.sidebars.push({ title: userInterface._title, html: userInterface._content });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this._ctx.ui.dialogs.push({ title: String(title), html: userInterface._content, modal: true, width: userInterface._width, height: userInterface._height });
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this._ctx.ui.dialogs.push({ title: String(title), html: userInterface._content, modal: false, width: userInterface._width, height: userInterface._height });
  }
  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  alert(a: string, b?: unknown, c?: unknown) {
    const { title, prompt, buttons } = dialogArguments(a, b, c);
    const set = buttons === undefined ? 'OK' : enumName(buttons);
    this._ctx.ui.alerts.push({ title, prompt, buttons: set });
    const answer = this._ctx.ui.responses.shift();
    const fallback = set.startsWith('YES') ? 'YES' : 'OK';
    return (this._ctx.enums.Button as Record<string, unknown>)[answer?.button ?? fallback];
  }
  prompt(a: string, b?: unknown, c?: unknown): PromptResponse {
    const { title, prompt, buttons } = dialogArguments(a, b, c);
    this._ctx.ui.alerts.push({ title, prompt, buttons: buttons === undefined ? 'OK' : enumName(buttons) });
    const answer = this._ctx.ui.responses.shift();
    return new PromptResponse(this._ctx, answer?.button ?? 'OK', answer?.text ?? '');
  }
}

export class PromptResponse {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _button: string,
    private readonly _text: string,
  ) {
    this._calls = _ctx.calls;
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton() {
    return (this._ctx.enums.Button as Record<string, unknown>)[this._button];
  }
}

export class Menu {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    readonly _menu: UiMenu,
  ) {
    this._calls = _ctx.calls;
  }
  addItem(caption: string, functionName: string): Menu {
    this._menu.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this._menu.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this._menu.items.push({ caption: menu._menu.caption, submenu: menu._menu });
    return this;
  }
  addToUi(): void {
    // Adding a menu with the same caption again replaces it, as a re-run of onOpen does.
    const menus = this._ctx.ui.menus;
    const i = menus.findIndex((m) => m.caption === this._menu.caption && m.addon === this._menu.addon);
    if (i >= 0) menus[i] = this._menu;
    else menus.push(this._menu);
  }
}
