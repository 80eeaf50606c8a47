// Protections on ranges and sheets: warning-only or enforced, with an editor list. Enforced
// protections make writes by non-editors fail with the documented message.
import type { EmulatorEnv } from './env';
import type { A1Box } from './a1';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export interface ProtectionSpec {
  type: 'RANGE' | 'SHEET';
  box: A1Box;
  description: string;
  warningOnly: boolean;
  editors: string[];
}

export class Protection {
  removed = false;
  constructor(
    private env: EmulatorEnv,
    readonly spec: ProtectionSpec,
    private rangeOf: (box: A1Box) => unknown,
  ) {}
  private c(m: string) {
    this.env.acc.count(`Protection.${m}`);
  }
  setDescription(d: string): this {
    this.c('setDescription');
    this.spec.description = d;
    return this;
  }
  getDescription(): string {
    this.c('getDescription');
    return this.spec.description;
  }
  setWarningOnly(w: boolean): this {
    this.c('setWarningOnly');
    this.spec.warningOnly = w;
    return this;
  }
  isWarningOnly(): boolean {
    this.c('isWarningOnly');
    return this.spec.warningOnly;
  }
  getRange(): unknown {
    this.c('getRange');
    return this.rangeOf(this.spec.box);
  }
  getProtectionType(): string {
    this.c('getProtectionType');
    return this.spec.type;
  }
  addEditor(email: string): this {
    this.c('addEditor');
    if (!this.spec.editors.includes(email)) this.spec.editors.push(email);
    return this;
  }
  removeEditors(emails: string[]): this {
    this.c('removeEditors');
    this.spec.editors = this.spec.editors.filter((e) => !emails.includes(e));
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    this.c('getEditors');
    return this.spec.editors.map((e) => ({ getEmail: () => e }));
  }
  remove(): void {
    this.c('remove');
    this.removed = true;
  }
  /** True when this protection stops `user` from writing cells in `box`. */
  blocks(box: A1Box, user: string): boolean {
    if (this.removed || this.spec.warningOnly || this.spec.editors.includes(user)) return false;
    const b = this.spec.box;
    return (
      box.row < b.row + b.numRows &&
      b.row < box.row + box.numRows &&
      box.col < b.col + b.numCols &&
      b.col < box.col + box.numCols
    );
  }
}
