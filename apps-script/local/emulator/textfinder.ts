// TextFinder: searching the display text of cells, row by row, like Google's createTextFinder.

import type { Ctx } from './context';
import { Range } from './range';

export class TextFinder {
  readonly _calls;
  private _entire = false;
  private _case = false;
  private _regex = false;
  private _pos = -1;
  private _hits: Range[] | null = null;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _scopes: Range[],
    private readonly _text: string,
  ) {
    this._calls = _ctx.calls;
  }
  matchEntireCell(v: boolean): TextFinder {
    this._entire = !!v;
    this._hits = null;
    return this;
  }
  matchCase(v: boolean): TextFinder {
    this._case = !!v;
    this._hits = null;
    return this;
  }
  useRegularExpression(v: boolean): TextFinder {
    this._regex = !!v;
    this._hits = null;
    return this;
  }
  _matcher(): (s: string) => boolean {
    const flags = this._case ? '' : 'i';
    const body = this._regex ? this._text : this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(this._entire ? `^(?:${body})$` : body, flags);
    return (s) => s !== '' && re.test(s);
  }
  _all(): Range[] {
    if (this._hits) return this._hits;
    const match = this._matcher();
    const hits: Range[] = [];
    for (const scope of this._scopes) {
      const shown = scope._displayGrid();
      shown.forEach((row, r) =>
        row.forEach((s, c) => {
          if (match(s)) hits.push(new Range(this._ctx, scope._sheetId, scope._row + r, scope._col + c, 1, 1));
        }),
      );
    }
    this._hits = hits;
    return hits;
  }
  findAll(): Range[] {
    return this._ctx.realm.array(this._all());
  }
  findNext(): Range | null {
    const hits = this._all();
    if (this._pos + 1 >= hits.length) return null;
    return hits[++this._pos] ?? null;
  }
  findPrevious(): Range | null {
    const hits = this._all();
    if (this._pos - 1 < 0) return null;
    return hits[--this._pos] ?? null;
  }
  replaceAllWith(replacement: string): number {
    const hits = this._all();
    const flags = this._case ? 'g' : 'gi';
    const body = this._regex ? this._text : this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const h of hits) {
      const current = h._displayGrid()[0]![0]!;
      const next = this._entire ? String(replacement) : current.replace(new RegExp(body, flags), String(replacement));
      h._write([[next]]);
    }
    this._hits = null;
    return hits.length;
  }
}
