// Menu: Check this spreadsheet. Runs the platform checks in the person's real spreadsheet and reports
// each in words (✓ holds, ⚠ needs a look); the work lives in workbook/setup/selfCheck.
import { PRODUCT } from '../shared/names';
import { activeSpreadsheet, ui } from '../workbook/core/app';
import { storedStateBytes } from '../workbook/core/documentState';
import { ASSUMED, checkSpreadsheet } from '../workbook/setup/selfCheck';
import { menuAction } from './feedback';

/** Menu: Check this spreadsheet. */
export function menuCheckSpreadsheet(): void {
  menuAction('Check this spreadsheet', () => {
    const lines = checkSpreadsheet(activeSpreadsheet(), storedStateBytes());
    const bad = lines.filter((l) => !l.ok).length;
    ui().alert(
      `${PRODUCT}: ${bad ? `${bad} ${bad === 1 ? 'check needs' : 'checks need'} a look` : 'every check holds'}`,
      [
        ...lines.map((l) => `${l.ok ? '✓' : '⚠'} ${l.text}`),
        '',
        'Assumed, as the strictest reading of Google’s pages (a script cannot test these; the CRM copes with each):',
        ...ASSUMED.map((a) => `• ${a}`),
      ].join('\n'),
      ui().ButtonSet.OK,
    );
  });
}
