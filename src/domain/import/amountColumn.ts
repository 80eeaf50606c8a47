// The Amount column of an export read in units of money before anything else reads it: numbers Sheets
// read with its own decimal mark read again (amountsMisread.ts), amounts in cents divided
// (amountCents.ts), then the header's unit applied (amountUnit.ts); neither of the last two when the
// person said "amounts = as written".
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { amountCentsOf, amountsInUnits, type AmountUnits, type CentsFinding } from './amountCents';
import { amountsWithUnit, type HeaderUnit } from './amountUnit';
import { withThousandsRead, type MisreadThousands } from './amountsMisread';

/** The values with the Amount column in units, and what was found (for the preview and the summary). */
export function amountColumnRead(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap & { amounts?: AmountUnits },
  o: { locale: string; currency: string },
): {
  values: readonly (readonly CellValue[])[];
  cents: CentsFinding | null;
  unit: (HeaderUnit & { column: number }) | null;
  thousands: (MisreadThousands & { column: number }) | null;
} {
  const { values: written, found: thousands } = withThousandsRead(values, headerRow, map, o.locale);
  const cents = amountCentsOf(written, headerRow, map, o.locale, map.amounts);
  // "amounts = as written": no cents divided, and no header unit applied either.
  if (map.amounts === 'units') return { values: written, cents, unit: null, thousands };
  const read = amountsWithUnit(
    amountsInUnits(written, headerRow, cents),
    headerRow,
    map,
    o.locale,
    o.currency,
  );
  return {
    values: read.values,
    cents,
    unit: read.unit && { ...read.unit, column: read.column },
    thousands,
  };
}
