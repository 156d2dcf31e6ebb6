// FormApp: the part of Google Forms Repère's questionnaire builder uses — a form and its items (multiple choice,
// checkboxes, grid, text, paragraph, date, page breaks), choices with page navigation, number validation, the
// destination tab in the local workbook, and scripted responses (form.createResponse().withItemResponse().submit()),
// which write a row to that tab as Google does: « Horodateur » first, one column per question, a grid's rows as
// « Titre [Ligne] », checkboxes joined with ", ".

import { fail, type Ctx } from './context';
import { enumName } from './enums';
import { newSheetModel, nextId, touch, type FormItemModel, type FormModel } from './model';
import { Range } from './range';

type ItemType = 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'GRID' | 'TEXT' | 'PARAGRAPH_TEXT' | 'DATE' | 'PAGE_BREAK' | 'SECTION_HEADER';
const ANSWERED: readonly ItemType[] = ['MULTIPLE_CHOICE', 'CHECKBOX', 'GRID', 'TEXT', 'PARAGRAPH_TEXT', 'DATE'];

function forms(ctx: Ctx): FormModel[] {
  return (ctx.model.forms ??= []);
}

function formModel(ctx: Ctx, id: string): FormModel {
  const form = forms(ctx).find((f) => f.id === id);
  if (!form) fail(ctx, 'No item with the given ID could be found, or you do not have permission to access it.');
  return form;
}

export function formUrl(id: string): string {
  return `https://docs.google.com/forms/d/${id}/edit`;
}

function randomId(ctx: Ctx): string {
  return `1FAIpQL${ctx.uuid().replace(/-/g, '')}${ctx.uuid().replace(/-/g, '').slice(0, 12)}`;
}

export class Choice {
  readonly _calls;
  constructor(
    readonly _ctx: Ctx,
    readonly _value: string,
    readonly _navigation: string | null,
  ) {
    this._calls = _ctx.calls;
  }
  getValue(): string {
    return this._value;
  }
}

export class TextValidation {
  readonly _calls;
  constructor(
    readonly _ctx: Ctx,
    readonly _spec: NonNullable<FormItemModel['validation']>,
  ) {
    this._calls = _ctx.calls;
  }
}

export class TextValidationBuilder {
  readonly _calls;
  private spec: NonNullable<FormItemModel['validation']> = { kind: 'number', help: '' };
  constructor(readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
  }
  setHelpText(text: string): TextValidationBuilder {
    this.spec = { ...this.spec, help: String(text) };
    return this;
  }
  requireNumber(): TextValidationBuilder {
    this.spec = { kind: 'number', help: this.spec.help };
    return this;
  }
  requireNumberBetween(start: number, end: number): TextValidationBuilder {
    this.spec = { kind: 'between', min: Number(start), max: Number(end), help: this.spec.help };
    return this;
  }
  build(): TextValidation {
    return new TextValidation(this._ctx, { ...this.spec });
  }
}

export class ItemResponse {
  readonly _calls;
  constructor(
    readonly _ctx: Ctx,
    readonly _itemId: number,
    readonly _answer: string | string[] | Date,
  ) {
    this._calls = _ctx.calls;
  }
}

/** One class for every item kind: the `as…Item()` casts check the kind, as Google's do. */
export class Item {
  readonly _calls;
  constructor(
    readonly _ctx: Ctx,
    readonly _formId: string,
    readonly _itemId: number,
  ) {
    this._calls = _ctx.calls;
  }
  _m(): FormItemModel {
    const item = formModel(this._ctx, this._formId).items.find((i) => i.id === this._itemId);
    if (!item) fail(this._ctx, 'The item has been deleted.');
    return item;
  }
  private _set(change: Partial<FormItemModel>): Item {
    Object.assign(this._m(), change);
    touch(this._ctx.model);
    return this;
  }
  private _only(...types: ItemType[]): FormItemModel {
    const item = this._m();
    if (!types.includes(item.type as ItemType)) fail(this._ctx, `Item of type ${item.type} does not support this operation.`);
    return item;
  }
  getId(): number {
    return this._itemId;
  }
  getType(): unknown {
    return (this._ctx.enums.ItemType as Record<string, unknown>)[this._m().type];
  }
  getTitle(): string {
    return this._m().title;
  }
  setTitle(title: string): Item {
    return this._set({ title: String(title) });
  }
  setHelpText(text: string): Item {
    return this._set({ help: String(text) });
  }
  setRequired(required: boolean): Item {
    this._only(...ANSWERED);
    return this._set({ required: Boolean(required) });
  }
  createChoice(value: string, navigation?: unknown): Choice {
    this._only('MULTIPLE_CHOICE', 'CHECKBOX');
    return new Choice(this._ctx, String(value), navigation === undefined ? null : enumName(navigation));
  }
  setChoices(choices: Choice[]): Item {
    this._only('MULTIPLE_CHOICE', 'CHECKBOX');
    if (choices.length === 0) fail(this._ctx, 'Invalid data updating form.');
    return this._set({ choices: choices.map((c) => ({ value: c._value, navigation: c._navigation })) });
  }
  setChoiceValues(values: string[]): Item {
    this._only('MULTIPLE_CHOICE', 'CHECKBOX');
    return this._set({ choices: values.map((v) => ({ value: String(v), navigation: null })) });
  }
  getChoices(): Choice[] {
    return this._ctx.realm.array((this._only('MULTIPLE_CHOICE', 'CHECKBOX').choices ?? []).map((c) => new Choice(this._ctx, c.value, c.navigation)));
  }
  setRows(rows: string[]): Item {
    this._only('GRID');
    return this._set({ rows: rows.map(String) });
  }
  getRows(): string[] {
    return this._ctx.realm.array([...(this._only('GRID').rows ?? [])]);
  }
  setColumns(columns: string[]): Item {
    this._only('GRID');
    return this._set({ columns: columns.map(String) });
  }
  getColumns(): string[] {
    return this._ctx.realm.array([...(this._only('GRID').columns ?? [])]);
  }
  setValidation(validation: TextValidation): Item {
    this._only('TEXT');
    return this._set({ validation: { ...validation._spec } });
  }
  asMultipleChoiceItem(): Item {
    this._only('MULTIPLE_CHOICE');
    return this;
  }
  asGridItem(): Item {
    this._only('GRID');
    return this;
  }
  /** Google throws when a choice, or a grid cell, is not one of the item's: so does this. */
  createResponse(answer: unknown): ItemResponse {
    const item = this._only(...ANSWERED);
    const values = (item.choices ?? []).map((c) => c.value);
    const check = (value: string, allowed: readonly string[]) => {
      if (!allowed.includes(value)) fail(this._ctx, `Invalid response submitted to item ${item.id}: « ${value} » is not one of its choices.`);
    };
    switch (item.type) {
      case 'MULTIPLE_CHOICE':
        check(String(answer), values);
        return new ItemResponse(this._ctx, item.id, String(answer));
      case 'CHECKBOX': {
        const list = (answer as unknown[]).map(String);
        list.forEach((v) => check(v, values));
        return new ItemResponse(this._ctx, item.id, list);
      }
      case 'GRID': {
        const list = (answer as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)));
        if (list.length !== (item.rows ?? []).length) fail(this._ctx, `Invalid response submitted to item ${item.id}: one answer per row is expected.`);
        list.forEach((v) => v === '' || check(v, item.columns ?? []));
        return new ItemResponse(this._ctx, item.id, list);
      }
      case 'DATE':
        return new ItemResponse(this._ctx, item.id, answer as Date);
      default:
        return new ItemResponse(this._ctx, item.id, String(answer));
    }
  }
}

export class FormResponse {
  readonly _calls;
  private readonly answers = new Map<number, ItemResponse>();
  private submitted = false;
  constructor(
    readonly _ctx: Ctx,
    readonly _formId: string,
  ) {
    this._calls = _ctx.calls;
  }
  withItemResponse(response: ItemResponse): FormResponse {
    this.answers.set(response._itemId, response);
    return this;
  }
  /** Text validation is checked as the respondent's browser would have; the row goes to the destination tab. */
  submit(): FormResponse {
    if (this.submitted) fail(this._ctx, 'This response has already been submitted.');
    const form = formModel(this._ctx, this._formId);
    for (const [id, response] of this.answers) {
      const item = form.items.find((i) => i.id === id);
      const v = item?.validation;
      if (!item || !v || typeof response._answer !== 'string' || response._answer === '') continue;
      const n = Number(response._answer.replace(',', '.'));
      const ok = Number.isFinite(n) && (v.kind !== 'between' || (n >= v.min! && n <= v.max!));
      if (!ok) fail(this._ctx, `Invalid response submitted to item ${id}: ${v.help || 'the answer breaks its validation'}.`);
    }
    this.submitted = true;
    form.responses++;
    if (form.destination) writeResponseRow(this._ctx, form, this.answers);
    touch(this._ctx.model);
    return this;
  }
}

/** The linked tab's columns: « Horodateur », then each answered item (a grid: one column per row), in form order. */
function destinationColumns(form: FormModel): Array<{ key: string; title: string }> {
  const columns: Array<{ key: string; title: string }> = [];
  for (const item of form.items) {
    if (!ANSWERED.includes(item.type as ItemType)) continue;
    if (item.type === 'GRID') (item.rows ?? []).forEach((row, i) => columns.push({ key: `${item.id}/${i}`, title: `${item.title} [${row}]` }));
    else columns.push({ key: String(item.id), title: item.title });
  }
  return columns;
}

/** New items get a column at the end, as Google adds them; a renamed item's header follows its title. */
function syncHeader(ctx: Ctx, form: FormModel): Array<string> {
  const dest = form.destination!;
  for (const column of destinationColumns(form)) {
    const at = dest.columns.indexOf(column.key);
    if (at < 0) dest.columns.push(column.key);
  }
  const titles = new Map(destinationColumns(form).map((c) => [c.key, c.title]));
  const fr = ctx.model.locale.toLowerCase().startsWith('fr');
  const header = [fr ? 'Horodateur' : 'Timestamp', ...dest.columns.map((key) => titles.get(key) ?? key)];
  new Range(ctx, dest.sheetId, 1, 1, 1, header.length).setValues([header]);
  return dest.columns;
}

function writeResponseRow(ctx: Ctx, form: FormModel, answers: Map<number, ItemResponse>): void {
  const dest = form.destination!;
  if (!ctx.model.sheets.some((s) => s.sheetId === dest.sheetId)) return;
  const columns = syncHeader(ctx, form);
  const cells = columns.map((key): string | Date => {
    const [id, row] = key.split('/');
    const answer = answers.get(Number(id))?._answer;
    if (answer === undefined) return '';
    if (row !== undefined) return (answer as string[])[Number(row)] ?? '';
    if (Array.isArray(answer)) return answer.join(', ');
    return answer;
  });
  const sheet = ctx.model.sheets.find((s) => s.sheetId === dest.sheetId)!;
  let last = 1;
  for (let r = sheet.cells.length; r >= 1; r--) if (sheet.cells[r - 1]?.some((c) => c && c.v !== null && c.v !== '')) {
    last = r;
    break;
  }
  if (last + 1 > sheet.maxRows) sheet.maxRows = last + 1;
  if (cells.length + 1 > sheet.maxCols) sheet.maxCols = cells.length + 1;
  new Range(ctx, dest.sheetId, last + 1, 1, 1, cells.length + 1).setValues([[ctx.realm.date(ctx.now().getTime()), ...cells]]);
}

export class Form {
  readonly _calls;
  constructor(
    readonly _ctx: Ctx,
    readonly _id: string,
  ) {
    this._calls = _ctx.calls;
  }
  _m(): FormModel {
    return formModel(this._ctx, this._id);
  }
  private _set(change: Partial<FormModel['settings']> | Partial<FormModel>): Form {
    Object.assign(this._m(), change);
    touch(this._ctx.model);
    return this;
  }
  private _setting(name: string, value: boolean): Form {
    this._m().settings[name] = Boolean(value);
    touch(this._ctx.model);
    return this;
  }
  private _add(type: ItemType): Item {
    const form = this._m();
    const id = 100_000_000 + nextId(this._ctx.model);
    form.items.push({ id, type, title: '', help: '', required: false });
    touch(this._ctx.model);
    return new Item(this._ctx, this._id, id);
  }
  getId(): string {
    return this._id;
  }
  setTitle(title: string): Form {
    return this._set({ title: String(title) });
  }
  setDescription(text: string): Form {
    return this._set({ description: String(text) });
  }
  setConfirmationMessage(text: string): Form {
    return this._set({ confirmation: String(text) });
  }
  setLimitOneResponsePerUser(value: boolean): Form {
    return this._setting('limitOneResponsePerUser', value);
  }
  setCollectEmail(value: boolean): Form {
    return this._setting('collectEmail', value);
  }
  setAllowResponseEdits(value: boolean): Form {
    return this._setting('allowResponseEdits', value);
  }
  setProgressBar(value: boolean): Form {
    return this._setting('progressBar', value);
  }
  setShowLinkToRespondAgain(value: boolean): Form {
    return this._setting('showLinkToRespondAgain', value);
  }
  setPublished(value: boolean): Form {
    return this._set({ published: Boolean(value) });
  }
  getEditUrl(): string {
    return formUrl(this._id);
  }
  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this._id}/viewform`;
  }
  addMultipleChoiceItem(): Item {
    return this._add('MULTIPLE_CHOICE');
  }
  addCheckboxItem(): Item {
    return this._add('CHECKBOX');
  }
  addGridItem(): Item {
    return this._add('GRID');
  }
  addTextItem(): Item {
    return this._add('TEXT');
  }
  addParagraphTextItem(): Item {
    return this._add('PARAGRAPH_TEXT');
  }
  addDateItem(): Item {
    return this._add('DATE');
  }
  addPageBreakItem(): Item {
    return this._add('PAGE_BREAK');
  }
  addSectionHeaderItem(): Item {
    return this._add('SECTION_HEADER');
  }
  getItems(): Item[] {
    return this._ctx.realm.array(this._m().items.map((i) => new Item(this._ctx, this._id, i.id)));
  }
  getItemById(id: number): Item | null {
    return this._m().items.some((i) => i.id === Number(id)) ? new Item(this._ctx, this._id, Number(id)) : null;
  }
  /** Links the responses to a new tab of the spreadsheet (« Réponses au formulaire N »), headed by the questions. */
  setDestination(type: unknown, spreadsheetId: string): Form {
    if (enumName(type) !== 'SPREADSHEET') fail(this._ctx, 'Invalid argument: type');
    if (String(spreadsheetId) !== this._ctx.model.id) fail(this._ctx, 'No item with the given ID could be found, or you do not have permission to access it.');
    const model = this._ctx.model;
    const fr = model.locale.toLowerCase().startsWith('fr');
    let name = '';
    for (let n = 1; name === '' || model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); n++) name = fr ? `Réponses au formulaire ${n}` : `Form Responses ${n}`;
    const sheet = newSheetModel(nextId(model) * 1000 + 7, name);
    model.sheets.splice(0, 0, sheet);
    this._m().destination = { spreadsheetId: model.id, sheetId: sheet.sheetId, columns: [] };
    syncHeader(this._ctx, this._m());
    touch(model);
    return this;
  }
  createResponse(): FormResponse {
    return new FormResponse(this._ctx, this._id);
  }
}

export class FormAppService {
  readonly _calls;
  readonly DestinationType;
  readonly ItemType;
  readonly PageNavigationType;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
    this.DestinationType = _ctx.enums.DestinationType;
    this.ItemType = _ctx.enums.ItemType;
    this.PageNavigationType = _ctx.enums.PageNavigationType;
  }
  /** Forms made by a script start unpublished (Google's rule since 2026): setPublished(true) is needed. */
  create(title: string, isPublished = false): Form {
    const id = randomId(this._ctx);
    forms(this._ctx).push({
      id, title: String(title), description: '', confirmation: '', published: Boolean(isPublished), settings: {}, destination: null, items: [], responses: 0,
    });
    touch(this._ctx.model);
    return new Form(this._ctx, id);
  }
  openById(id: string): Form {
    return new Form(this._ctx, formModel(this._ctx, String(id)).id);
  }
  createTextValidation(): TextValidationBuilder {
    return new TextValidationBuilder(this._ctx);
  }
}
