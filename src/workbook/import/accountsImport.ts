// An accounts (companies) file converted after the deals: each deal of a company it lists gets that
// company's industry and employees (so segments follow), written as a re-import writes (blanks never
// erase, changes logged to History by the sweep). Into a CRM with no deals yet it is refused.
import { CrmError } from '../../shared/errors';
import { FIELD_BY_KEY, FIELDS, type FieldKey } from '../../shared/fields';
import { UNKNOWN_USER } from '../../domain/history/historyEntry';
import { currentUser } from '../core/app';
import { readHeader } from '../deals/dealsTab';
import { appendHistory, findHistoryTab } from '../history/historyTab';
import type { CellValue } from '../../domain/deals/deal';
import { mapHeaders } from '../../domain/deals/headerMap';
import { newDealId } from '../../domain/deals/dealIds';
import { convertValues } from '../../domain/import/conversion';
import { accountColumns, joinAccounts, type AccountsJoin } from '../../domain/import/fileKind';
import type { ImportMapping } from '../../domain/import/importMapping';
import { counted, firstOf } from '../../domain/values/text';
import { readState } from '../core/documentState';
import type { Sheet } from '../core/sheetTypes';
import { setUpCrm } from '../setup/setUpCrm';
import { updateDeals } from './dealUpdates';
import type { ConversionDone, PlanBase } from './convertSheet';

/** An accounts file to join onto the deals of a Deals tab. */
export interface AccountsPlan extends PlanBase {
  kind: 'accounts';
  target: Sheet;
  fields: FieldKey[];
  join: AccountsJoin;
}

const at = (f: FieldKey) => FIELDS.findIndex((x) => x.key === f);
/** "industry and employees". */
const fieldWords = (fields: readonly FieldKey[]) =>
  fields.map((f) => FIELD_BY_KEY[f].header.toLowerCase()).join(' and ');
const names = (xs: readonly string[]) => firstOf(xs, 5);

/**
 * The plan for an accounts file, or null when the tab is not one. `target` is the Deals tab when it
 * holds deals (`dealsValues`, with its header), else null: the file is then refused, with what to do.
 */
export function accountsPlan(
  base: Omit<PlanBase, 'plan'>,
  mapping: ImportMapping,
  target: Sheet | null,
  dealsValues: readonly (readonly CellValue[])[],
): AccountsPlan | null {
  const cols = accountColumns(mapping);
  if (!cols) return null;
  if (!target)
    throw new CrmError(
      'NOT_A_DEALS_TAB',
      `"${base.name}" lists companies, not deals. Convert your deals first, then this tab. Nothing was changed.`,
    );
  const columns = {
    company: cols.company,
    ...Object.fromEntries(cols.fields.map((f) => [f, mapping.map.columns[f]!])),
  };
  const { rows } = convertValues(
    base.values,
    {
      ...mapping,
      map: { columns, extras: [], width: mapping.map.width },
      statusColumn: null,
      stageEntered: [],
    },
    { ...base, newId: () => newDealId(Math.random), stageOf: new Map() },
  );
  const map = mapHeaders(dealsValues[0] ?? []);
  const company = map.columns.company;
  const id = map.columns.dealId;
  const deals = dealsValues.slice(1).map((r) => ({
    dealId: id === undefined ? '' : String(r[id] ?? '').trim(),
    company: company === undefined ? '' : r[company],
  }));
  const join = joinAccounts(
    rows,
    deals.filter((d) => d.dealId),
    at,
  );
  return {
    ...base,
    kind: 'accounts',
    target,
    fields: cols.fields,
    join,
    plan: [
      `"${base.name}" is an accounts file: the ${fieldWords(cols.fields)} of ${join.matched} of its ${counted(join.companies, 'company', 'companies')} go onto their ${counted(join.deals, 'deal')} in "${target.getName()}".`,
      join.unmatched.length ? `No deal names ${names(join.unmatched)}.` : '',
      join.doubled.length ? `Left alone, being on two rows or more: ${names(join.doubled)}.` : '',
      `"${base.name}" itself stays as it is.`,
    ]
      .filter(Boolean)
      .join(' '),
  };
}

/** Writes the companies' values onto their deals and logs each change to History, by the person. */
export function runAccountsImport(p: AccountsPlan): ConversionDone {
  const header = FIELDS.map((f) => f.header);
  const written = updateDeals(p.target, header, p.join.rows, ['dealId', ...p.fields]);
  const fieldAt = new Map(Object.entries(mapHeaders(readHeader(p.target)).columns).map(([k, c]) => [c, k]));
  const time = new Date();
  const user = currentUser() || UNKNOWN_USER;
  const history = findHistoryTab(p.ss, p.state?.historySheetId);
  if (history)
    appendHistory(
      history,
      written.updated.flatMap((u) =>
        u.changes.map((ch) => ({
          time,
          dealId: u.dealId,
          field: FIELD_BY_KEY[fieldAt.get(ch.column) as FieldKey].header,
          from: ch.from,
          to: ch.value,
          user,
        })),
      ),
    );
  const summary = setUpCrm(p.ss, p.target, readState());
  return {
    notes: [
      `${counted(written.updated.length, 'deal')} updated with their company’s ${fieldWords(p.fields)}; ${written.unchanged} already had them.`,
    ],
    summary,
  };
}
