// Embedded charts: the builder (newChart/modify), the chart object, and the spec we read back in tests.
import type { EmulatorEnv } from './env';

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  LINE: 'LINE',
  PIE: 'PIE',
  TABLE: 'TABLE',
} as const;

export interface ChartSpec {
  id: string;
  type: string;
  ranges: { sheetName: string; a1: string }[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

interface RangeLike {
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

export class EmbeddedChart {
  constructor(
    private env: EmulatorEnv,
    readonly spec: ChartSpec,
    private resolve: (r: { sheetName: string; a1: string }) => unknown,
  ) {}
  getChartId(): string {
    this.env.acc.count('EmbeddedChart.getChartId');
    return this.spec.id;
  }
  getRanges(): unknown[] {
    this.env.acc.count('EmbeddedChart.getRanges');
    return this.spec.ranges.map(this.resolve);
  }
  getOptions() {
    this.env.acc.count('EmbeddedChart.getOptions');
    const options = { ...this.spec.options };
    return { get: (k: string) => options[k] ?? null };
  }
  getContainerInfo() {
    this.env.acc.count('EmbeddedChart.getContainerInfo');
    const p = this.spec.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.col,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilder {
    this.env.acc.count('EmbeddedChart.modify');
    return new EmbeddedChartBuilder(this.env, this.resolve, structuredClone(this.spec));
  }
}

export class EmbeddedChartBuilder {
  constructor(
    private env: EmulatorEnv,
    private resolve: (r: { sheetName: string; a1: string }) => unknown,
    private spec: ChartSpec,
  ) {}
  private step(method: string, fn: () => void): this {
    this.env.acc.count(`EmbeddedChartBuilder.${method}`);
    fn();
    return this;
  }
  setChartType(type: string): this {
    return this.step('setChartType', () => (this.spec.type = type));
  }
  asColumnChart(): this {
    return this.step('asColumnChart', () => (this.spec.type = ChartType.COLUMN));
  }
  asBarChart(): this {
    return this.step('asBarChart', () => (this.spec.type = ChartType.BAR));
  }
  asLineChart(): this {
    return this.step('asLineChart', () => (this.spec.type = ChartType.LINE));
  }
  getChartType(): string {
    this.env.acc.count('EmbeddedChartBuilder.getChartType');
    return this.spec.type;
  }
  addRange(range: RangeLike): this {
    return this.step('addRange', () =>
      this.spec.ranges.push({ sheetName: range.getSheet().getName(), a1: range.getA1Notation() }),
    );
  }
  clearRanges(): this {
    return this.step('clearRanges', () => (this.spec.ranges = []));
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number): this {
    return this.step('setPosition', () => (this.spec.position = { row, col, offsetX, offsetY }));
  }
  setOption(key: string, value: unknown): this {
    return this.step('setOption', () => (this.spec.options[key] = structuredClone(value)));
  }
  build(): EmbeddedChart {
    this.env.acc.count('EmbeddedChartBuilder.build');
    return new EmbeddedChart(this.env, structuredClone(this.spec), this.resolve);
  }
}
