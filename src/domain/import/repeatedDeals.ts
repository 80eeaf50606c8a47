// Exports of deals with their associations (HubSpot's "deals with associated contacts", a warehouse join
// of opportunities and contact roles) write one row per deal and contact: the same Deal ID on several
// rows that agree on everything but the contact. Converted as rows, each deal was there two or three
// times, flagged "duplicate Deal ID" for someone to clean by hand. Such repeats are merged here into the
// deal's first row, their differing contacts (or emails, notes, extra columns) joined; rows sharing an
// ID that differ in a deal's own fields (stage, amount, dates…) are real conflicts, kept and said.
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import type { FieldKey } from '../../shared/fields';
import { isDate } from '../../shared/zonedTime';
import { counted } from '../values/text';
import { listIn, maxOf } from '../../shared/manyValues';

/** Fields a join repeats a deal for: they may differ between its rows, and are joined. */
const JOINED: readonly FieldKey[] = ['contact', 'email', 'notes', 'competitor'];

/** A deal whose repeated rows were merged (1-based sheet rows), or rows sharing an ID that differ. */
export interface RepeatedDeals {
  merged: { id: string; rows: number[] }[];
  /** the columns whose values were joined */
  joined: number[];
  conflicts: { id: string; rows: number[]; column: number }[];
}

/** A cell as compared between a deal's rows: a date by its instant (two times of one day differ). */
const text = (v: unknown) => (isDate(v) ? String(v.getTime()) : String(v ?? '').trim());

/**
 * The export's values with each deal's repeated rows merged into its first (the others blanked, row
 * numbers unchanged), and what was merged or left. Only with a Deal ID column.
 */
export function mergeRepeatedDeals(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
): { values: readonly (readonly CellValue[])[]; repeated: RepeatedDeals } {
  const repeated: RepeatedDeals = { merged: [], joined: [], conflicts: [] };
  const idCol = map.columns.dealId;
  if (idCol === undefined) return { values, repeated };
  const byId = new Map<string, number[]>();
  values.forEach((r, i) => {
    const id = i > headerRow ? text(r[idCol]) : '';
    if (id) listIn(byId, id, i);
  });
  const joinable = new Set([
    ...map.extras,
    ...JOINED.flatMap((k) => (map.columns[k] === undefined ? [] : [map.columns[k]!])),
  ]);
  const width = Math.max(0, maxOf(values.map((r) => r.length)));
  const out = [...values];
  const joined = new Set<number>();
  for (const [id, rows] of byId) {
    if (rows.length < 2) continue;
    const differing = [];
    for (let c = 0; c < width; c++)
      if (new Set(rows.map((i) => text(values[i][c]))).size > 1) differing.push(c);
    const fixed = differing.find((c) => !joinable.has(c));
    if (fixed !== undefined) {
      repeated.conflicts.push({ id, rows: rows.map((i) => i + 1), column: fixed });
      continue;
    }
    const first = [...values[rows[0]]];
    for (const c of differing) {
      const seen = rows.map((i) => values[i][c]).filter((v) => text(v) !== '');
      const unique = seen.filter((v, k) => seen.findIndex((w) => text(w) === text(v)) === k);
      first[c] = unique.length === 1 ? unique[0] : unique.map((v) => String(v).trim()).join(', ');
      if (unique.length > 1) joined.add(c);
    }
    out[rows[0]] = first;
    for (const i of rows.slice(1)) out[i] = values[i].map(() => '');
    repeated.merged.push({ id, rows: rows.map((i) => i + 1) });
  }
  repeated.joined = [...joined].sort((a, b) => a - b);
  return { values: out, repeated };
}

/** The preview's and the summary's words on repeated deals, or ''. `name` names a column. */
export function repeatedSaid(r: RepeatedDeals, name: (c: number) => string): string {
  const parts: string[] = [];
  if (r.merged.length) {
    const rows = r.merged.reduce((n, m) => n + m.rows.length, 0);
    const ids = r.merged
      .slice(0, 3)
      .map((m) => `${m.id} on rows ${m.rows.join(', ')}`)
      .join('; ');
    const joined = r.joined.length ? `, ${r.joined.map(name).join(' and ')} joined` : '';
    parts.push(
      `${counted(rows, 'row')} repeat ${counted(r.merged.length, 'deal')} with another contact or association (${ids}${r.merged.length > 3 ? '; …' : ''}): each deal is converted once${joined}.`,
    );
  }
  if (r.conflicts.length) {
    const c = r.conflicts[0];
    parts.push(
      `${counted(r.conflicts.length, 'Deal ID')} ${r.conflicts.length === 1 ? 'is' : 'are'} on rows that differ (${c.id} on rows ${c.rows.join(', ')}, in ${name(c.column)}${r.conflicts.length > 1 ? '; …' : ''}): those rows are converted as they are and flagged as a duplicate Deal ID.`,
    );
  }
  return parts.join(' ');
}
