// Conditional format rules: the builder and the rule object. The emulator stores rules and reads them
// back; it does not evaluate their formulas.
import type { EmulatorEnv } from './env';

export interface FormatRuleSpec {
  condition: { type: string; values: unknown[] };
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: { sheetName: string; a1: string }[];
}

interface RangeLike {
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

export class ConditionalFormatRule {
  constructor(
    private env: EmulatorEnv,
    readonly spec: FormatRuleSpec,
    private resolve: (r: { sheetName: string; a1: string }) => unknown,
  ) {}
  getRanges(): unknown[] {
    this.env.acc.count('ConditionalFormatRule.getRanges');
    return this.spec.ranges.map(this.resolve);
  }
  getBooleanCondition() {
    this.env.acc.count('ConditionalFormatRule.getBooleanCondition');
    const { condition, background, fontColor, bold } = this.spec;
    return {
      getCriteriaType: () => condition.type,
      getCriteriaValues: () => [...condition.values],
      getBackground: () => background,
      getFontColor: () => fontColor,
      getBold: () => bold,
    };
  }
  copy(): ConditionalFormatRuleBuilder {
    this.env.acc.count('ConditionalFormatRule.copy');
    return new ConditionalFormatRuleBuilder(this.env, this.resolve, structuredClone(this.spec));
  }
}

export class ConditionalFormatRuleBuilder {
  private spec: FormatRuleSpec;
  constructor(
    private env: EmulatorEnv,
    private resolve: (r: { sheetName: string; a1: string }) => unknown,
    spec?: FormatRuleSpec,
  ) {
    this.spec = spec ?? {
      condition: { type: 'CUSTOM_FORMULA', values: [] },
      background: null,
      fontColor: null,
      bold: null,
      ranges: [],
    };
  }
  private step(method: string, change: Partial<FormatRuleSpec>): this {
    this.env.acc.count(`ConditionalFormatRuleBuilder.${method}`);
    this.spec = { ...this.spec, ...change };
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    return this.step('whenFormulaSatisfied', { condition: { type: 'CUSTOM_FORMULA', values: [formula] } });
  }
  whenTextEqualTo(text: string): this {
    return this.step('whenTextEqualTo', { condition: { type: 'TEXT_EQUAL_TO', values: [text] } });
  }
  whenNumberLessThan(n: number): this {
    return this.step('whenNumberLessThan', { condition: { type: 'NUMBER_LESS_THAN', values: [n] } });
  }
  whenNumberGreaterThan(n: number): this {
    return this.step('whenNumberGreaterThan', { condition: { type: 'NUMBER_GREATER_THAN', values: [n] } });
  }
  setBackground(color: string | null): this {
    return this.step('setBackground', { background: color });
  }
  setFontColor(color: string | null): this {
    return this.step('setFontColor', { fontColor: color });
  }
  setBold(bold: boolean | null): this {
    return this.step('setBold', { bold });
  }
  setRanges(ranges: RangeLike[]): this {
    return this.step('setRanges', {
      ranges: ranges.map((r) => ({ sheetName: r.getSheet().getName(), a1: r.getA1Notation() })),
    });
  }
  build(): ConditionalFormatRule {
    this.env.acc.count('ConditionalFormatRuleBuilder.build');
    if (this.spec.ranges.length === 0)
      throw new Error('Conditional format rule must have at least one range.');
    return new ConditionalFormatRule(this.env, structuredClone(this.spec), this.resolve);
  }
}
