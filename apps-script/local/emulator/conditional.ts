// Conditional format rules, kept as plain specs (criteria, values, format, ranges as A1) on their sheet.

import type { Ctx } from './context';
import { enumName } from './enums';
import type { ConditionalRuleSpec } from './model';
import { Range, rangeA1, rangesFromA1 } from './range';

function cloneSpec(s: ConditionalRuleSpec): ConditionalRuleSpec {
  return { criteria: s.criteria, values: [...s.values], format: { ...s.format }, ranges: [...s.ranges] };
}

export class ConditionalFormatRuleBuilder {
  readonly _calls;
  readonly _spec: ConditionalRuleSpec;
  /** The sheet the ranges belong to (rules cannot span sheets). */
  _sheetId: number | null;
  constructor(
    private readonly _ctx: Ctx,
    spec?: ConditionalRuleSpec,
    sheetId: number | null = null,
  ) {
    this._calls = _ctx.calls;
    this._spec = spec ? cloneSpec(spec) : { criteria: 'CELL_NOT_EMPTY', values: [], format: {}, ranges: [] };
    this._sheetId = sheetId;
  }
  _when(criteria: string, values: unknown[]): ConditionalFormatRuleBuilder {
    this._spec.criteria = criteria;
    this._spec.values = values.map((v) => (v instanceof Object ? String(v) : v));
    return this;
  }
  whenNumberLessThan(n: number) {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number) {
    return this._when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number) {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }
  whenTextEqualTo(t: string) {
    return this._when('TEXT_EQUAL_TO', [String(t)]);
  }
  whenTextContains(t: string) {
    return this._when('TEXT_CONTAINS', [String(t)]);
  }
  whenFormulaSatisfied(f: string) {
    return this._when('CUSTOM_FORMULA', [String(f)]);
  }
  whenCellEmpty() {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this._when('CELL_NOT_EMPTY', []);
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this._spec.format.background = color;
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this._spec.format.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    this._spec.format.bold = bold;
    return this;
  }
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    const list = Array.from(ranges as ArrayLike<Range>);
    this._spec.ranges = list.map((r) => rangeA1(r));
    this._sheetId = list[0]?._sheetId ?? null;
    return this;
  }
  getRanges(): Range[] {
    return rangesFromA1(this._ctx, this._sheetId, this._spec.ranges);
  }
  build(): ConditionalFormatRule {
    return new ConditionalFormatRule(this._ctx, this._spec, this._sheetId);
  }
}

export class ConditionalFormatRule {
  readonly _calls;
  readonly _spec: ConditionalRuleSpec;
  constructor(
    private readonly _ctx: Ctx,
    spec: ConditionalRuleSpec,
    readonly _sheetId: number | null,
  ) {
    this._calls = _ctx.calls;
    this._spec = cloneSpec(spec);
  }
  getRanges(): Range[] {
    return rangesFromA1(this._ctx, this._sheetId, this._spec.ranges);
  }
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this._ctx, this._spec);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx, this._spec, this._sheetId);
  }
}

export class BooleanCondition {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _spec: ConditionalRuleSpec,
  ) {
    this._calls = _ctx.calls;
  }
  getCriteriaType() {
    return (this._ctx.enums.BooleanCriteria as Record<string, unknown>)[this._spec.criteria] ?? enumName(this._spec.criteria);
  }
  getCriteriaValues(): unknown[] {
    return this._ctx.realm.array(this._spec.values);
  }
  getBackground(): string | null {
    return this._spec.format.background ?? null;
  }
  getFontColor(): string | null {
    return this._spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._spec.format.bold ?? null;
  }
}
