// What a re-import will take, worked out before anything is written (Convert's room check): the rows
// it adds (converted rows whose Deal ID, or without IDs deal and company, no deal of the Deals tab
// holds) and the History rows its changes are logged in. Judged against counts made here from the
// rows themselves, and the added rows against what planReimport then adds.
import fc from 'fast-check';
import { planReimport, reimportSize } from '../../../src/domain/import/reimport';
import { mapHeaders } from '../../../src/domain/deals/headerMap';
import { FIELDS, type FieldKey } from '../../../src/shared/fields';

const COLUMNS = new Map(FIELDS.map((f, i) => [f.key, i] as const));
const HEADER = FIELDS.map((f) => f.header);
const row = (fields: Partial<Record<FieldKey, string>>) => FIELDS.map((f) => fields[f.key] ?? '');

interface Drawn {
  dealId: string;
  deal: string;
  company: string;
  stage: string;
}

describe('reimportSize', () => {
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const drawn: fc.Arbitrary<Drawn> = fc.record({
    dealId: pick('', 'D-1', 'D-2', 'D-3'),
    deal: pick('', 'Acme', 'Beta'),
    company: pick('', 'Co'),
    stage: pick('', 'Won', 'Lost'),
  });

  it('counts the rows no deal holds, and the stage changes of deals matched once, as the re-import makes them', () => {
    fc.assert(
      fc.property(
        fc.array(drawn, { maxLength: 8 }),
        fc.array(drawn, { maxLength: 8 }),
        fc.boolean(),
        (held, rows, byId) => {
          const mapped: FieldKey[] = byId
            ? ['dealId', 'deal', 'company', 'stage']
            : ['deal', 'company', 'stage'];
          const keyOf = (d: Drawn) => (byId ? d.dealId || null : d.deal ? `${d.deal}|${d.company}` : null);
          const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
          const added = count(rows, (r) => keyOf(r) === null || !held.some((d) => keyOf(d) === keyOf(r)));
          const logged = count(rows, (r) => {
            const same = held.filter((d) => keyOf(d) !== null && keyOf(d) === keyOf(r));
            const once = count(rows, (o) => keyOf(o) === keyOf(r)) === 1;
            return once && same.length === 1 && r.stage !== '' && r.stage !== same[0].stage;
          });
          const map = mapHeaders(HEADER);
          const converted = rows.map(row);
          const deals = held.map(row);
          const plan = planReimport(HEADER, converted, COLUMNS, mapped, deals, map, () => undefined);
          expect(reimportSize(plan, map)).toEqual({ added, logged });
          expect(plan.added).toHaveLength(added);
        },
      ),
      { numRuns: 300 },
    );
  });
});
