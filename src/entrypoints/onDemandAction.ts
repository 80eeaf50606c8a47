// A menu action whose code lives in a project file read on demand (workbook/core/onDemand.ts): Convert,
// Export for another CRM and Check this spreadsheet, as Code.js holds them.
import { onDemand } from '../workbook/core/onDemand';
import { menuAction } from './feedback';

/**
 * Reads `file` and runs its action `name`. A missing file is said (under `title`) as any refusal is;
 * the action then reports its own outcome.
 */
export function runOnDemand(title: string, file: string, globalName: string, name: string): void {
  const loaded: Record<string, (() => void) | undefined>[] = [];
  menuAction(title, () => {
    loaded.push(onDemand(file, globalName));
  });
  loaded[0]?.[name]?.();
}
