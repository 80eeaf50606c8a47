// RangeList: ranges of one sheet handed out together. `setValue` puts one value into all of them in one
// service call (the cells of every range counted as written), as Apps Script sends a RangeList's
// change in one request; the writes are buffered like a Range's.
import type { Range } from './range';
import type { EmulatorEnv } from './env';
import { assertCellTexts } from './cellValues';

export class RangeList {
  constructor(
    private readonly env: EmulatorEnv,
    private readonly ranges: Range[],
  ) {}

  getRanges(): Range[] {
    this.env.acc.count('RangeList.getRanges');
    return [...this.ranges];
  }

  setValue(value: unknown): this {
    assertCellTexts([value]);
    this.env.acc.count('RangeList.setValue', {
      written: this.ranges.reduce((n, r) => n + r.cellCount, 0),
    });
    for (const r of this.ranges) r.putValue(value);
    return this;
  }
}
