// What a re-import adds: converted rows whose Deal ID (or, without IDs, deal and company) no deal of
// the Deals tab holds. Counted before anything is written (Convert's room check), it must agree with
// what the re-import then adds; both judged against a count made here from the rows themselves.
import fc from 'fast-check';
import { newDealCount, planReimport } from '../../../src/domain/import/reimport';
import { mapHeaders } from '../../../src/domain/deals/headerMap';
import { FIELDS, type FieldKey } from '../../../src/shared/fields';

const COLUMNS = new Map(FIELDS.map((f, i) => [f.key, i] as const));
const row = (fields: Partial<Record<FieldKey, string>>) => FIELDS.map((f) => fields[f.key] ?? '');

describe('newDealCount', () => {
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const deal = fc.record({
    dealId: pick('', 'D-1', 'D-2', 'D-3'),
    deal: pick('', 'Acme', 'Beta'),
    company: pick('', 'Co'),
  });

  it('counts the rows no deal holds, by Deal ID or by deal and company, as the re-import adds them', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 8 }),
        fc.array(deal, { maxLength: 8 }),
        fc.boolean(),
        (held, rows, byId) => {
          const mapped: FieldKey[] = byId ? ['dealId', 'deal', 'company'] : ['deal', 'company'];
          const keyOf = (d: { dealId: string; deal: string; company: string }) =>
            byId ? d.dealId || null : d.deal ? `${d.deal}|${d.company}` : null;
          const heldKeys = new Set(held.map(keyOf));
          const expected = rows.filter((r) => keyOf(r) === null || !heldKeys.has(keyOf(r))).length;
          const converted = rows.map(row);
          const deals = held.map(row);
          const map = mapHeaders(FIELDS.map((f) => f.header));
          expect(newDealCount(converted, COLUMNS, mapped, deals, map)).toBe(expected);
          const header = FIELDS.map((f) => f.header);
          const plan = planReimport(header, converted, COLUMNS, mapped, deals, map, () => undefined);
          expect(plan.added).toHaveLength(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
