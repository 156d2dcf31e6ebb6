// ContentService: the TextOutput a web app's doGet/doPost returns (the host reads its content and MIME type).

import type { Ctx } from './context';
import { CONTENT_TYPES } from './enum-set';
import { enumName } from './enums';

export class TextOutput {
  readonly _calls;
  _mime = 'TEXT';
  _fileName: string | null = null;
  constructor(
    private readonly _ctx: Ctx,
    public _content: string,
  ) {
    this._calls = _ctx.calls;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): TextOutput {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): TextOutput {
    this._content += String(addedContent);
    return this;
  }
  clear(): TextOutput {
    this._content = '';
    return this;
  }
  setMimeType(mimeType: unknown): TextOutput {
    this._mime = enumName(mimeType);
    return this;
  }
  getMimeType() {
    return (this._ctx.enums.MimeType as Record<string, unknown>)[this._mime];
  }
  downloadAsFile(filename: string): TextOutput {
    this._fileName = String(filename);
    return this;
  }
  getFileName(): string | null {
    return this._fileName;
  }
  /** Host side: the HTTP Content-Type to serve this output with. */
  _contentType(): string {
    return CONTENT_TYPES[this._mime] ?? 'text/plain';
  }
}

export class ContentServiceImpl {
  readonly _calls;
  readonly MimeType;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
    this.MimeType = _ctx.enums.MimeType;
  }
  createTextOutput(content?: string): TextOutput {
    return new TextOutput(this._ctx, content === undefined ? '' : String(content));
  }
}
