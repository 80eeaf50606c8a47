// The pre-flight of an export: everything that would make the target refuse a row or import it wrong,
// each with its Deals row and column, found before any file is written.
import { fieldLabel as h } from '../../shared/fields';
import type { ExitDeal } from './exitDeals';
import { TARGET_LABEL, type ExitTarget } from '../settings/exportTargets';

export interface ExitProblem {
  /** Deals row (1-based), or 0 for a problem of the whole export. */
  row: number;
  column: string;
  message: string;
}

/** What each target needs on every deal besides a stage (from its importer's documentation). */
const NEEDS: Record<
  ExitTarget,
  { company: boolean; companyOrPerson: boolean; owner: boolean; close: boolean }
> = {
  hubspot: { company: false, companyOrPerson: false, owner: false, close: false },
  pipedrive: { company: false, companyOrPerson: true, owner: false, close: false },
  salesforce: { company: true, companyOrPerson: false, owner: false, close: true },
  attio: { company: false, companyOrPerson: false, owner: true, close: false },
};

/** Every problem of the deals for `target`, in row order. */
export function preflight(deals: readonly ExitDeal[], target: ExitTarget): ExitProblem[] {
  const label = TARGET_LABEL[target];
  const need = NEEDS[target];
  const out: ExitProblem[] = [];
  const seen = new Map<string, number>();
  for (const d of deals) {
    const add = (column: string, message: string) => out.push({ row: d.row, column, message });
    if (!d.id) add(h('dealId'), `no Deal ID, so ${label} could not update this deal from a later export`);
    else if (seen.has(d.id.toLowerCase()))
      add(
        h('dealId'),
        `Deal ID ${d.id} is also on row ${seen.get(d.id.toLowerCase())}: each deal needs its own`,
      );
    else seen.set(d.id.toLowerCase(), d.row);
    if (!d.name) add(h('deal'), `no deal name: ${label} requires one`);
    if (!d.stage)
      add(
        h('stage'),
        d.stageText
          ? `the stage "${d.stageText}" is not in CRM Settings, so it has no ${label} stage`
          : `no stage: ${label} requires one`,
      );
    if (d.owner && !d.ownerEmail)
      add(h('owner'), `"${d.owner}" has no email (CRM Settings > Owners): ${label} matches owners by email`);
    if (need.owner && !d.owner) add(h('owner'), `no owner: ${label} requires a deal owner`);
    if (need.company && !d.company)
      add(h('company'), `no company: ${label} puts every opportunity on an account`);
    if (need.companyOrPerson && !d.company && !d.contact)
      add(
        h('company'),
        `no company and no contact: ${label} links every deal to an organization or a person`,
      );
    if (need.close && !d.closeDate && !d.unreadable.some((u) => u.header === h('closeDate')))
      add(h('closeDate'), `no close date: ${label} requires one`);
    for (const u of d.unreadable)
      add(u.header, `"${u.raw}" cannot be read (the Check column flags it); exported blank if you go on`);
  }
  return out;
}

/** One line per problem, for the pre-flight report. */
export function problemLine(p: ExitProblem): string {
  return p.row ? `Deals row ${p.row}, ${p.column}: ${p.message}` : `${p.column}: ${p.message}`;
}

/** problems.csv: every problem the person accepted, beside the files. */
export function problemsFile(problems: readonly ExitProblem[]): { name: string; rows: string[][] } {
  return {
    name: 'problems.csv',
    rows: [
      ['Deals row', 'Column', 'Problem'],
      ...problems.map((p) => [p.row ? String(p.row) : '', p.column, p.message]),
    ],
  };
}
