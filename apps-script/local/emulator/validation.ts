// Data validation rules: the builder (SpreadsheetApp.newDataValidation()) and the built rule, as plain specs.

import type { Ctx } from './context';
import type { ValidationSpec } from './model';

export class DataValidationBuilder {
  readonly _calls;
  readonly _spec: ValidationSpec;
  constructor(
    private readonly _ctx: Ctx,
    spec?: ValidationSpec,
  ) {
    this._calls = _ctx.calls;
    this._spec = spec
      ? { ...spec, values: [...spec.values] }
      : { criteria: 'VALUE_IN_LIST', values: [], showDropdown: true, allowInvalid: true, helpText: null };
  }
  requireValueInList(values: unknown[], showDropdown?: boolean): DataValidationBuilder {
    this._spec.criteria = 'VALUE_IN_LIST';
    this._spec.values = Array.from(values as ArrayLike<unknown>, (v) => String(v));
    this._spec.showDropdown = showDropdown === undefined ? true : !!showDropdown;
    return this;
  }
  /** A dropdown of the values found in another range (e.g. the outcome ids of another tab). */
  requireValueInRange(range: { getA1Notation(): string; getSheet(): { getName(): string } }, showDropdown?: boolean): DataValidationBuilder {
    this._spec.criteria = 'VALUE_IN_RANGE';
    this._spec.values = [`'${range.getSheet().getName().replace(/'/g, "''")}'!${range.getA1Notation()}`];
    this._spec.showDropdown = showDropdown === undefined ? true : !!showDropdown;
    return this;
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    this._spec.criteria = 'NUMBER_BETWEEN';
    this._spec.values = [Number(start), Number(end)];
    return this;
  }
  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    this._spec.allowInvalid = !!allowInvalid;
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this._spec.helpText = helpText === null || helpText === undefined ? null : String(helpText);
    return this;
  }
  getCriteriaType() {
    return this._ctx.enums.DataValidationCriteria[this._spec.criteria];
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this._ctx, this._spec);
  }
  build(): DataValidation {
    return new DataValidation(this._ctx, this._spec);
  }
}

function criteriaValues(ctx: Ctx, spec: ValidationSpec): unknown[] {
  // Google returns [values[], showDropdown] for a list, [range, showDropdown] for a range, [min, max] for a number range.
  if (spec.criteria === 'VALUE_IN_LIST') return ctx.realm.array([ctx.realm.array(spec.values), spec.showDropdown]);
  if (spec.criteria === 'VALUE_IN_RANGE') return ctx.realm.array([spec.values[0], spec.showDropdown]);
  return ctx.realm.array(spec.values);
}

export class DataValidation {
  readonly _calls;
  readonly _spec: ValidationSpec;
  constructor(
    private readonly _ctx: Ctx,
    spec: ValidationSpec,
  ) {
    this._calls = _ctx.calls;
    this._spec = { ...spec, values: [...spec.values] };
  }
  getCriteriaType() {
    return this._ctx.enums.DataValidationCriteria[this._spec.criteria];
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this._ctx, this._spec);
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this._spec.helpText;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx, this._spec);
  }
}
