// Embedded charts as plain JSON specs (type, ranges as A1, options, position): the builder, the chart and its
// options. Nothing is drawn; the dashboard code only needs to build, find, update and remove charts.

import { fail, type Ctx } from './context';
import { enumName } from './enums';
import type { ChartSpec } from './model';
import { Range, rangeA1, rangesFromA1 } from './range';

function cloneSpec(s: ChartSpec): ChartSpec {
  return { ...s, ranges: [...s.ranges], options: JSON.parse(JSON.stringify(s.options)) as Record<string, unknown>, position: { ...s.position } };
}

export class EmbeddedChartBuilder {
  readonly _calls;
  readonly _spec: ChartSpec;
  constructor(
    private readonly _ctx: Ctx,
    readonly _sheetId: number,
    spec?: ChartSpec,
  ) {
    this._calls = _ctx.calls;
    // chartId 0 = not inserted yet; insertChart gives it one.
    this._spec = spec
      ? cloneSpec(spec)
      : { chartId: 0, type: 'COLUMN', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1 };
  }
  addRange(range: Range): EmbeddedChartBuilder {
    if (range._sheetId !== this._sheetId) fail(this._ctx, 'The chart range must be on the same sheet as the chart.');
    this._spec.ranges.push(rangeA1(range));
    return this;
  }
  removeRange(range: Range): EmbeddedChartBuilder {
    const a1 = rangeA1(range);
    this._spec.ranges = this._spec.ranges.filter((r) => r !== a1);
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this._spec.ranges = [];
    return this;
  }
  setChartType(type: unknown): EmbeddedChartBuilder {
    this._spec.type = enumName(type);
    return this;
  }
  getChartType() {
    return (this._ctx.enums.ChartType as Record<string, unknown>)[this._spec.type];
  }
  asLineChart() {
    return this.setChartType('LINE');
  }
  asColumnChart() {
    return this.setChartType('COLUMN');
  }
  asBarChart() {
    return this.setChartType('BAR');
  }
  asPieChart() {
    return this.setChartType('PIE');
  }
  asAreaChart() {
    return this.setChartType('AREA');
  }
  asScatterChart() {
    return this.setChartType('SCATTER');
  }
  asTableChart() {
    return this.setChartType('TABLE');
  }
  asComboChart() {
    return this.setChartType('COMBO');
  }
  asHistogramChart() {
    return this.setChartType('HISTOGRAM');
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this._spec.options[String(option)] = value === undefined ? null : JSON.parse(JSON.stringify(value));
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this._spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this._spec.numHeaders = Number(headers);
    return this;
  }
  // Typed builders' conveniences (EmbeddedColumnChartBuilder & co.) map to the options Google stores them as.
  setTitle(title: string) {
    return this.setOption('title', title);
  }
  setColors(colors: string[]) {
    return this.setOption('colors', Array.from(colors));
  }
  setStacked() {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: unknown) {
    return this.setOption('legend.position', enumName(position).toLowerCase());
  }
  setXAxisTitle(title: string) {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string) {
    return this.setOption('vAxis.title', title);
  }
  setRange(start: number, end: number) {
    return this.setOption('vAxis.viewWindow', { min: start, max: end });
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    return this.setOption('transposeRowsAndColumns', !!transpose);
  }
  getRanges(): Range[] {
    return rangesFromA1(this._ctx, this._sheetId, this._spec.ranges);
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this._ctx, this._sheetId, this._spec);
  }
}

export class EmbeddedChart {
  readonly _calls;
  readonly _spec: ChartSpec;
  constructor(
    private readonly _ctx: Ctx,
    readonly _sheetId: number,
    spec: ChartSpec,
  ) {
    this._calls = _ctx.calls;
    this._spec = cloneSpec(spec);
  }
  getChartId(): number | null {
    return this._spec.chartId || null;
  }
  getId(): string | null {
    return this._spec.chartId ? `u${this._spec.chartId}` : null;
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this._ctx, this._spec.options);
  }
  getRanges(): Range[] {
    return rangesFromA1(this._ctx, this._sheetId, this._spec.ranges);
  }
  getNumHeaders(): number {
    return this._spec.numHeaders;
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this._ctx, this._spec.position);
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._ctx, this._sheetId, this._spec);
  }
}

export class ChartOptions {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _options: Record<string, unknown>,
  ) {
    this._calls = _ctx.calls;
  }
  get(option: string): unknown {
    const v = this._options[option];
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

export class ContainerInfo {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _pos: ChartSpec['position'],
  ) {
    this._calls = _ctx.calls;
  }
  getAnchorRow(): number {
    return this._pos.row;
  }
  getAnchorColumn(): number {
    return this._pos.column;
  }
  getOffsetX(): number {
    return this._pos.offsetX;
  }
  getOffsetY(): number {
    return this._pos.offsetY;
  }
}
