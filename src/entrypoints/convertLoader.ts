// Menu: Convert this sheet to CRM, as Code.js holds it: the action itself is read from its project file
// and run (workbook/core/onDemand.ts), so no other execution loads Convert's code.
import { CONVERT_FILE, CONVERT_GLOBAL, onDemand } from '../workbook/core/onDemand';
import { menuAction } from './feedback';

/** Menu: Convert this sheet to CRM (the active tab). */
export function menuConvert(): void {
  const loaded: { menuConvert?: () => void }[] = [];
  // A missing file is said as any refusal is; the action then reports its own outcome.
  menuAction('Convert this sheet', () => {
    loaded.push(onDemand<{ menuConvert: () => void }>(CONVERT_FILE, CONVERT_GLOBAL));
  });
  loaded[0]?.menuConvert?.();
}
