// Data validation: the builder, the rule object, and the check applied to simulated user edits
// (script writes are never checked, as in Apps Script).
import { isDate } from './wallClock';
import type { EmulatorEnv } from './env';
import type { CellValue } from './cellValues';

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_AFTER: 'DATE_AFTER',
  CHECKBOX: 'CHECKBOX',
} as const;
export type CriteriaType = keyof typeof DataValidationCriteria;

/** Anything that can resolve its current values: a Range in practice. */
export interface ValueSource {
  /** Reads values without counting a service call (the editor checks validation, not the script). */
  peekValues(): CellValue[][];
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

export interface RuleSpec {
  criteria: CriteriaType;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class DataValidation {
  constructor(
    private env: EmulatorEnv,
    readonly spec: RuleSpec,
  ) {}
  getCriteriaType(): CriteriaType {
    this.env.acc.count('DataValidation.getCriteriaType');
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    this.env.acc.count('DataValidation.getCriteriaValues');
    return [...this.spec.values];
  }
  getAllowInvalid(): boolean {
    this.env.acc.count('DataValidation.getAllowInvalid');
    return this.spec.allowInvalid;
  }
  getHelpText(): string | null {
    this.env.acc.count('DataValidation.getHelpText');
    return this.spec.helpText;
  }
  copy(): DataValidationBuilder {
    this.env.acc.count('DataValidation.copy');
    return new DataValidationBuilder(this.env, { ...this.spec, values: [...this.spec.values] });
  }
}

export class DataValidationBuilder {
  private spec: RuleSpec;
  constructor(
    private env: EmulatorEnv,
    spec?: RuleSpec,
  ) {
    this.spec = spec ?? { criteria: 'CHECKBOX', values: [], allowInvalid: true, helpText: null };
  }
  private set(method: string, criteria: CriteriaType, values: unknown[]): this {
    this.env.acc.count(`DataValidationBuilder.${method}`);
    this.spec = { ...this.spec, criteria, values };
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (values.length > 500)
      throw new Error(
        'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
      );
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: ValueSource, showDropdown = true): this {
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate(): this {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date): this {
    return this.set('requireDateAfter', 'DATE_AFTER', [d]);
  }
  requireCheckbox(): this {
    return this.set('requireCheckbox', 'CHECKBOX', []);
  }
  setAllowInvalid(allow: boolean): this {
    this.env.acc.count('DataValidationBuilder.setAllowInvalid');
    this.spec = { ...this.spec, allowInvalid: allow };
    return this;
  }
  setHelpText(text: string): this {
    this.env.acc.count('DataValidationBuilder.setHelpText');
    this.spec = { ...this.spec, helpText: text };
    return this;
  }
  build(): DataValidation {
    this.env.acc.count('DataValidationBuilder.build');
    return new DataValidation(this.env, { ...this.spec });
  }
}

/** Whether a value satisfies a rule's criteria (empty cells always do). */
export function satisfies(spec: RuleSpec, v: CellValue): boolean {
  if (v === '') return true;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return (spec.values[0] as string[]).includes(String(v));
    case 'VALUE_IN_RANGE': {
      const allowed = (spec.values[0] as ValueSource).peekValues().flat().map(String);
      return allowed.includes(String(v));
    }
    case 'NUMBER_BETWEEN':
      return typeof v === 'number' && v >= (spec.values[0] as number) && v <= (spec.values[1] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof v === 'number' && v >= (spec.values[0] as number);
    case 'DATE_IS_VALID_DATE':
      return isDate(v);
    case 'DATE_AFTER':
      return isDate(v) && v.getTime() > (spec.values[0] as Date).getTime();
    case 'CHECKBOX':
      return typeof v === 'boolean';
  }
}
