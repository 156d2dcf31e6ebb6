// HtmlService: HtmlOutput objects built from a string or from "<name>.html" in the directory given by the host.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, type Ctx } from './context';
import { enumName } from './enums';

export class HtmlOutput {
  readonly _calls;
  _title = '';
  _width = 300;
  _height = 500;
  _sandbox = 'IFRAME';
  _xframe = 'DEFAULT';
  constructor(
    private readonly _ctx: Ctx,
    public _content: string,
  ) {
    this._calls = _ctx.calls;
  }
  setTitle(title: string): HtmlOutput {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutput {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this._content += String(addedContent);
    return this;
  }
  setWidth(width: number): HtmlOutput {
    this._width = Number(width);
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setHeight(height: number): HtmlOutput {
    this._height = Number(height);
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  setSandboxMode(mode: unknown): HtmlOutput {
    this._sandbox = enumName(mode);
    return this;
  }
  getSandboxMode() {
    return (this._ctx.enums.SandboxMode as Record<string, unknown>)[this._sandbox];
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    this._xframe = enumName(mode);
    return this;
  }
  setFaviconUrl(): HtmlOutput {
    return this;
  }
  addMetaTag(): HtmlOutput {
    return this;
  }
}

export class HtmlServiceImpl {
  readonly _calls;
  readonly SandboxMode;
  readonly XFrameOptionsMode;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
    this.SandboxMode = _ctx.enums.SandboxMode;
    this.XFrameOptionsMode = _ctx.enums.XFrameOptionsMode;
  }
  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this._ctx, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const dir = this._ctx.htmlDir;
    const name = String(filename).replace(/\.html$/, '');
    if (!dir) fail(this._ctx, `No HTML file named ${name} was found.`);
    try {
      return new HtmlOutput(this._ctx, readFileSync(join(dir, `${name}.html`), 'utf8'));
    } catch {
      return fail(this._ctx, `No HTML file named ${name} was found.`);
    }
  }
}
