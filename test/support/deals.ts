// Builds Deal objects for domain tests from a few named fields, through the same reader the CRM uses.
import { mapHeaders } from '../../src/domain/deals/headerMap';
import { readDeal, type CellValue, type Deal } from '../../src/domain/deals/deal';
import { defaultSettings } from '../../src/shared/defaultSettings';
import { FIELDS, type FieldKey } from '../../src/shared/fields';
import type { Settings } from '../../src/shared/settings';

export const TZ = 'America/New_York';
export const HEADER = FIELDS.map((f) => f.header);
export const MAP = mapHeaders(HEADER);

/** A row of the Deals tab with the given fields set. */
export function row(fields: Partial<Record<FieldKey, CellValue>>): CellValue[] {
  return FIELDS.map((f) => fields[f.key] ?? '');
}

/** A Deal read from such a row. */
export function deal(
  fields: Partial<Record<FieldKey, CellValue>>,
  settings: Settings = defaultSettings('o@example.com'),
  rowNumber = 2,
  timeZone = TZ,
): Deal {
  return readDeal(row(fields), rowNumber, MAP, settings, timeZone, 'en_US');
}
