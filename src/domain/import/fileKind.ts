// What a tab holds before it is converted: deals, or something else (accounts, contacts, teams,
// products, tasks) that would become junk deals. Refused files are named with what was expected.
import type { FieldKey } from '../../shared/fields';
import type { CellValue } from '../deals/deal';
import { normaliseHeader } from './headerVocabulary';
import type { ImportMapping } from './importMapping';

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
  return `no column holds a stage, a close date or a probability, and none names deals (its columns: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}).`;
}

/** Fields only a deals export has, when a header names them. */
const DEAL_ONLY: readonly FieldKey[] = [
  'closeDate',
  'probability',
  'forecastCategory',
  'lostReason',
  'nextStep',
];
