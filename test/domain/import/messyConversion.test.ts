// Property: over 1,000 random messy exports (title rows, real-export headers in any order, groups
// under a repeated header, reports grouped by owner, blank and computed-looking headers, amounts and
// dates in one convention per column), converting loses no
// cell: every value a person meant is in its deal's row, key fields under their own column. The
// truth comes from the generator, never from the product's parsers. Converting the same sheet again
// against what the first conversion made changes 0 deals.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { convertValues } from '../../../src/domain/import/conversion';
import { importCurrency } from '../../../src/domain/import/currencyColumn';
import { planReimport } from '../../../src/domain/import/reimport';
import { mapHeaders } from '../../../src/domain/deals/headerMap';
import { FIELDS, type FieldKey } from '../../../src/shared/fields';
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';
import { findImportHeaderRow, proposeImportMapping } from '../../../src/domain/import/importMapping';
import { withoutSections } from '../../../src/domain/import/sectionRows';
import { ungrouped } from '../../../src/domain/import/groupedReport';
import { seenStages } from '../../../src/domain/import/importReport';
import { proposeStages } from '../../../src/domain/import/stageAdoption';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { messySheet, type Meaning, type Truth } from '../../support/messySheets';

const TZ = 'America/New_York';
const KEY_HEADERS: Partial<Record<Meaning, string>> = {
  deal: 'Deal',
  company: 'Company',
  owner: 'Owner',
  stage: 'Stage',
  amount: 'Amount',
  closeDate: 'Close date',
  created: 'Created',
  probability: 'Probability',
  email: 'Email',
};

function matches(cell: unknown, t: Truth): boolean {
  if (t.kind === 'day') {
    const want = DateTime.fromObject({ year: t.y, month: t.m, day: t.d }, { zone: TZ }).toMillis();
    return Object.prototype.toString.call(cell) === '[object Date]' && (cell as Date).getTime() === want;
  }
  if (t.kind === 'number') return typeof cell === 'number' && Math.abs(cell - t.value) < 1e-9;
  return cell === t.value;
}

function convert(sheet: (string | number)[][]) {
  const settings = defaultSettings('owner@example.com');
  // As Convert does: a grouped export's repeated headers and group titles are blanked first.
  const headerRow = findImportHeaderRow(sheet, IMPORT_WORDS);
  const { values } = ungrouped(withoutSections(sheet, headerRow).values, headerRow, 'en_US');
  const mapping = proposeImportMapping(values, settings.stages, 'en_US', TZ, IMPORT_WORDS);
  const stages = proposeStages(seenStages(values, mapping), settings.stages, true, IMPORT_WORDS);
  let n = 0;
  // As Convert does for a CRM with no deals: it counts in the one currency the amounts are all in.
  const body = values.slice(mapping.headerRow + 1);
  const header = values[mapping.headerRow] ?? [];
  const currency = importCurrency(header, body, mapping.map, settings.general.currency);
  const general = { ...settings.general, currency: currency ?? settings.general.currency };
  const result = convertValues(values, mapping, {
    settings: { ...settings, general, stages: stages.stages },
    timeZone: TZ,
    locale: 'en_US',
    year: 2026,
    newId: () => `D-${++n}`,
    stageOf: stages.stageOf,
  });
  return { mapping, stages, result };
}

describe('converting random messy exports (property)', () => {
  it('finds the header and keeps every cell in its deal’s row, key fields in their columns: 0 lost', () => {
    let cells = 0;
    fc.assert(
      fc.property(messySheet, (sheet) => {
        const { mapping, stages, result } = convert(sheet.values);
        expect(mapping.headerRow).toBe(sheet.headerRow);
        expect(result.rows).toHaveLength(sheet.truth.length);
        const lost: string[] = [];
        sheet.truth.forEach((row, r) => {
          const out = result.rows[r];
          row.forEach((t, c) => {
            if (!t) return;
            cells++;
            const { meaning, header } = sheet.columns[c];
            const keyHeader = KEY_HEADERS[meaning];
            const found = keyHeader
              ? matches(out[result.header.indexOf(keyHeader)], t)
              : out.some((v) => matches(v, t));
            if (!found)
              lost.push(
                `row ${r + 1} "${header}" (${meaning}): ${JSON.stringify(t)} → ${JSON.stringify(keyHeader ? out[result.header.indexOf(keyHeader)] : out)}`,
              );
          });
        });
        expect(lost).toEqual([]);
        // Converting the same sheet again against the deals the first conversion made changes 0 deals.
        const again = convert(sheet.values).result;
        const fieldColumns = new Map(FIELDS.map((f, i) => [f.key, i] as const));
        const mapped = Object.keys(mapping.map.columns) as FieldKey[];
        const plan = planReimport(
          again.header,
          again.rows,
          fieldColumns,
          mapped,
          result.rows,
          mapHeaders(result.header),
          (h) => {
            const i = result.header.indexOf(h);
            return i >= 0 ? i : undefined;
          },
        );
        // Every row is found again (by name and company, as these sheets carry no ID): nothing added or updated.
        expect([plan.added.length, plan.updated.length]).toEqual([0, 0]);
        expect(plan.unchanged + plan.conflicts.length).toBeGreaterThan(0);
        // Every stage a row uses is a stage of CRM Settings once the proposal is confirmed.
        const names = new Set(stages.stages.map((s) => s.name));
        for (const out of result.rows) {
          const stage = out[result.header.indexOf('Stage')];
          if (stage !== '') expect(names.has(String(stage))).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20261123 },
    );
    expect(cells).toBeGreaterThan(20000);
  });
});
