// Code only one action runs ships as a project file of its own. Apps Script loads every script file in
// every execution, but an HTML file only when asked: Convert (about 60 KB with the shared code it uses),
// Export for another CRM and Check this spreadsheet are read and run when a person chooses them, and the
// board workbook's update when a refresh has a board to follow, so edits, saves and other refreshes do
// not load them.
import { CrmError } from '../../shared/errors';

/** The project file holding Convert's code (built by scripts/build.ts from src/convertMain.ts). */
export const CONVERT_FILE = 'ConvertCode';
/** The global its bundle defines. */
export const CONVERT_GLOBAL = '__SheetsCRMConvert';
/** The project file holding Export for another CRM (built from src/exportMain.ts), and its global. */
export const EXPORT_FILE = 'ExportCode';
export const EXPORT_GLOBAL = '__SheetsCRMExport';
/** The project file holding the board workbook's update (built from src/boardMain.ts), and its global. */
export const BOARD_FILE = 'BoardCode';
export const BOARD_GLOBAL = '__SheetsCRMBoard';
/** The project file holding Check this spreadsheet (built from src/checkMain.ts), and its global. */
export const CHECK_FILE = 'CheckCode';
export const CHECK_GLOBAL = '__SheetsCRMCheck';

/** The exports of an on-demand bundle, run once per execution (indirect eval: in global scope). */
export function onDemand<T>(file: string, globalName: string): T {
  const scope = globalThis as unknown as Record<string, unknown>;
  if (!scope[globalName]) {
    let code: string;
    try {
      code = HtmlService.createHtmlOutputFromFile(file).getContent();
    } catch {
      throw new CrmError(
        'PROJECT_FILE_MISSING',
        `The script's file ${file}.html is missing, so this action cannot run. Push the project again (npm run push).`,
      );
    }
    // The bundle is strict code: its `var` stays inside the eval, so the eval's value (the global's
    // name, read last) is what it defined.
    scope[globalName] = (0, eval)(`${code}\n;${globalName}`) as unknown;
  }
  return scope[globalName] as T;
}
