// What a tab holds before it is converted: deals, or something else (accounts, contacts, teams,
// products, tasks) that would become junk deals. Refused files are named with what was expected.
import type { FieldKey } from '../../shared/fields';
import { columnName } from '../../shared/columns';
import type { CellValue } from '../deals/deal';
import { normaliseHeader } from './headerVocabulary';
import type { ImportMapping } from './importMapping';
import { cellText, companyKey } from './valueSniffing';
import { firstOf } from '../values/text';

/**
 * Why a tab is not deals, or null. A deals export has something only deals have: a stage column (by
 * its header, or values that read as stages), a column named like a close date, probability, forecast
 * category, lost reason or next step, or a name column named for deals ("Deal name", "Opportunity").
 * An amount alone does not make deals: accounts have a revenue, products a price, invoices a total.
 * Accounts, contacts, teams, products, tasks and invoices have none of these; converting them would
 * make junk deals (an owner from "Ownership", an amount from a postal code).
 */
export function notDealsWhy(
  mapping: ImportMapping,
  values: readonly (readonly CellValue[])[],
): string | null {
  const header = values[mapping.headerRow] ?? [];
  const columns = mapping.map.columns;
  const byHeader = (f: FieldKey) => {
    const c = columns[f];
    return c !== undefined && mapping.findings.find((x) => x.field === f)?.how !== 'values';
  };
  const dealName = columns.deal === undefined ? '' : normaliseHeader(header[columns.deal]);
  if (
    columns.stage !== undefined ||
    mapping.stageEntered.length ||
    DEAL_ONLY.some(byHeader) ||
    /\b(deal|opportunit|potential)/.test(dealName)
  )
    return null;
  const names = header.map((v) => String(v ?? '').trim()).filter(Boolean);
  return `no column holds a stage, a close date or a probability, and none names deals (its columns: ${firstOf(names, 12)}).`;
}

/** Fields only a deals export has, when a header names them. */
const DEAL_ONLY: readonly FieldKey[] = [
  'closeDate',
  'probability',
  'forecastCategory',
  'lostReason',
  'nextStep',
];

/**
 * The columns of an accounts (companies) file, or null: a company column and an industry or
 * employees column named by their headers, in a file that is not deals.
 */
export function accountColumns(mapping: ImportMapping): { company: number; fields: FieldKey[] } | null {
  const { columns } = mapping.map;
  const named = (f: FieldKey) =>
    columns[f] !== undefined && mapping.findings.find((x) => x.field === f)?.how !== 'values';
  const fields = (['industry', 'employees'] as const).filter(named);
  return named('company') && fields.length ? { company: columns.company!, fields } : null;
}

/** What joining an accounts file onto the deals would do. */
export interface AccountsJoin {
  /** One row per deal to update, in the converted layout: its Deal ID and the company's fields. */
  rows: CellValue[][];
  companies: number;
  /** Companies of the file that name at least one deal. */
  matched: number;
  deals: number;
  /** Companies no deal names, and companies on two rows of the file (left alone). */
  unmatched: string[];
  doubled: string[];
}

/**
 * Each deal of a company the file lists gets that company's industry and employees (`converted`:
 * the file's rows read as fields, in the converted layout). Companies match by name, without case,
 * signs or a legal form ("Acme" is "Acme Inc").
 */
export function joinAccounts(
  converted: readonly (readonly CellValue[])[],
  deals: readonly { dealId: string; company: unknown }[],
  at: (field: FieldKey) => number,
): AccountsJoin {
  const byCompany = new Map<string, (readonly CellValue[])[]>();
  for (const r of converted) {
    const k = companyKey(r[at('company')]);
    if (k) (byCompany.get(k) ?? byCompany.set(k, []).get(k)!).push(r);
  }
  const out: AccountsJoin = {
    rows: [],
    companies: byCompany.size,
    matched: 0,
    deals: 0,
    unmatched: [],
    doubled: [],
  };
  const used = new Set<string>();
  for (const d of deals) {
    const k = companyKey(d.company);
    const rows = byCompany.get(k);
    if (!k || !rows || rows.length > 1) continue;
    used.add(k);
    const row = rows[0].map((v, i) => (i === at('industry') || i === at('employees') ? v : ''));
    row[at('dealId')] = d.dealId;
    out.rows.push(row);
  }
  for (const [k, rows] of byCompany) {
    const name = String(rows[0][at('company')]).trim();
    if (rows.length > 1) out.doubled.push(name);
    else if (!used.has(k)) out.unmatched.push(name);
  }
  out.matched = used.size;
  out.deals = out.rows.length;
  return out;
}

const SEPARATORS: readonly [string, string][] = [
  [';', 'Semicolon'],
  ['\t', 'Tab'],
  ['|', 'Custom: |'],
  [',', 'Comma'],
];

/**
 * Why a tab is a file imported without splitting its rows (each row in one cell, its values separated
 * by ";" or a tab…), with how to split it; or null. Every one of its first 50 filled rows must hold one
 * cell with two separators at least, so a list of names with a comma in some is not taken for one.
 */
export function unsplitWhy(values: readonly (readonly CellValue[])[], tab: string): string | null {
  // The first 50 filled rows, each as its one filled cell: most exports are told at their first row.
  const cells: { row: number; col: number; text: string }[] = [];
  for (let i = 0; i < values.length && cells.length < 50; i++) {
    const filled = values[i].flatMap((v, c) => (cellText(v) !== '' ? [c] : []));
    if (filled.length > 1) return null;
    if (filled.length === 1) cells.push({ row: i + 1, col: filled[0], text: String(values[i][filled[0]]) });
  }
  if (cells.length < 2) return null;
  const found = SEPARATORS.find(([sep]) => cells.every((c) => c.text.split(sep).length >= 3));
  if (!found) return null;
  const [sep, named] = found;
  const [first] = cells;
  const shown = sep === '\t' ? 'a tab' : `"${sep}"`;
  return `Each row of "${tab}" sits in one cell, its values separated by ${shown} (row ${first.row}: "${first.text.slice(0, 60)}"): the file was imported without splitting them. Select column ${columnName(first.col + 1)} and choose Data > Split text to columns (separator: ${named}), or import the file again with File > Import and the separator type ${named}; then choose Convert again. Nothing was changed.`;
}
