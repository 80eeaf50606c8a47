// SpreadsheetApp and Charts: the global entry objects the script calls, wired to one spreadsheet.
import { ChartType } from './charts';
import type { EmulatorEnv } from './env';
import { ConditionalFormatRuleBuilder } from './formatRules';
import { ProtectionType } from './protection';
import type { Spreadsheet } from './spreadsheet';
import { Ui } from './ui';
import { DataValidationBuilder, DataValidationCriteria } from './validation';

export class SpreadsheetAppEmulator {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly Direction = { UP: 'UP', DOWN: 'DOWN', PREVIOUS: 'PREVIOUS', NEXT: 'NEXT' } as const;
  readonly CopyPasteType = {
    PASTE_NORMAL: 'PASTE_NORMAL',
    PASTE_FORMAT: 'PASTE_FORMAT',
    PASTE_DATA_VALIDATION: 'PASTE_DATA_VALIDATION',
    PASTE_VALUES: 'PASTE_VALUES',
  };
  readonly ui: Ui;
  /** Null when the script is not bound to a spreadsheet. */
  active: Spreadsheet | null;

  constructor(
    private env: EmulatorEnv,
    ss: Spreadsheet,
  ) {
    this.active = ss;
    this.ui = new Ui(env);
  }
  getActiveSpreadsheet(): Spreadsheet | null {
    this.env.acc.count('SpreadsheetApp.getActiveSpreadsheet');
    return this.active;
  }
  getActive(): Spreadsheet | null {
    this.env.acc.count('SpreadsheetApp.getActive');
    return this.active;
  }
  getActiveSheet() {
    this.env.acc.count('SpreadsheetApp.getActiveSheet');
    return this.active?.activeSheet ?? null;
  }
  openById(id: string): Spreadsheet {
    this.env.acc.count('SpreadsheetApp.openById');
    if (this.active && this.active.id === id) return this.active;
    throw new Error(
      `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
    );
  }
  getUi(): Ui {
    this.env.acc.count('SpreadsheetApp.getUi');
    return this.ui;
  }
  newDataValidation(): DataValidationBuilder {
    this.env.acc.count('SpreadsheetApp.newDataValidation');
    return new DataValidationBuilder(this.env);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    this.env.acc.count('SpreadsheetApp.newConditionalFormatRule');
    const ss = this.active;
    return new ConditionalFormatRuleBuilder(this.env, (r) => ss?.resolveRange(r));
  }
  flush(): void {
    this.env.acc.count('SpreadsheetApp.flush');
  }
}

export const ChartsEmulator = { ChartType };
