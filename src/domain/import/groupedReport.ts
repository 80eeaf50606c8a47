// A report exported as it is shown ("formatted": a Salesforce report grouped by owner, a pivot-like
// sheet): the grouping field written once, on a row of its own above its deals, and a subtotal row
// under each group, a grand total at the end. Converted row by row, every deal lost its owner, each
// owner became a deal with no stage, and "Subtotal" and "Grand Totals (4 records)" became owners in
// CRM Settings and deals holding the sums. Such a layout is recognised here only when every row fits
// it (and every figure of a total row is the sum of the deals above it): each deal then takes its
// group's value, and the group and total rows are left out, said in the preview and the summary.
import { cellText } from './valueSniffing';
import type { CellValue } from '../deals/deal';
import { decimalMarkOf, readAmount } from '../values/columnConventions';
import { counted, rowsNamed } from '../values/text';

/** A grouped report's layout: 1-based sheet rows. */
export interface GroupedReport {
  /** the 0-based column written once per group */
  column: number;
  /** whether each deal takes its group's value there (false: the groups are section titles) */
  fill: boolean;
  groups: { row: number; value: string }[];
  totals: number[];
}

/**
 * Words a subtotal or total row starts with, in the languages the CRM reads exports in (a grouped
 * report's, and a home-made sheet's last row: conversion.ts totalsRowOf).
 */
const TOTAL_WORDS =
  'sub\\s*-?\\s*totals?|grand\\s+totals?|totals?|sum|summe|zwischensumme|gesamt|gesamtsumme|totaal|subtotaal|totale|subtotale|somme|sous-total|suma|subtotal|soma';
export const TOTAL_LABEL = new RegExp(`^(${TOTAL_WORDS})\\b`, 'i');
/** A total row's whole label, with its count of records at most ("Grand Totals (3 records)"). */
const ONLY_TOTAL = new RegExp(`^(${TOTAL_WORDS})\\s*(\\(\\d+ records?\\))?:?$`, 'i');

const text = cellText;
const filledColumns = (row: readonly CellValue[]) => row.flatMap((v, c) => (text(v) !== '' ? [c] : []));

type Kind = 'group' | 'total' | 'deal';

/**
 * The rows of the body (below `headerRow`) by kind, when the first filled row is a group row (one
 * cell, in the column every group row uses) and every other row is a group row, a deal (that column
 * empty) or a row labelled as a total; else null.
 */
function kindsOf(values: readonly (readonly CellValue[])[], headerRow: number) {
  // Most exports start with a whole deal: told at their first filled row, before reading the rest.
  const firstRow = values.slice(headerRow + 1).find((r) => r.some((v) => text(v) !== ''));
  if (!firstRow || filledColumns(firstRow).length !== 1) return null;
  const rows = values
    .map((r, i) => ({ i, cols: filledColumns(r) }))
    .filter((r) => r.i > headerRow && r.cols.length);
  if (!rows.length || rows[0].cols.length !== 1) return null;
  const column = rows[0].cols[0];
  const kinds: { i: number; kind: Kind; label: number }[] = [];
  // Deals with the group's column filled make the group rows section titles ("Q1 deals" above deals
  // named in that column): nothing to fill, and told from deals with only a name by their totals.
  let titles = false;
  for (const { i, cols } of rows) {
    const first = text(values[i][cols[0]]);
    // A total row with figures is checked by its sums (totalsHold); one with none must be only the
    // label ("Grand Totals (3 records)"), not a group named so ("Sum Kim").
    const total = cols.length > 1 ? TOTAL_LABEL.test(first) : ONLY_TOTAL.test(first);
    if (total && cols.length <= 4) kinds.push({ i, kind: 'total', label: cols[0] });
    else if (cols.length === 1 && cols[0] === column) kinds.push({ i, kind: 'group', label: column });
    else if (!cols.includes(column)) kinds.push({ i, kind: 'deal', label: -1 });
    else if (cols.length >= 2) {
      titles = true;
      kinds.push({ i, kind: 'deal', label: -1 });
    } else return null;
  }
  const figures = kinds.some((k) => k.kind === 'total' && filledColumns(values[k.i]).length > 1);
  return kinds.some((k) => k.kind === 'deal') && kinds.some((k) => k.kind === 'group') && (!titles || figures)
    ? { column, kinds, fill: !titles }
    : null;
}

/**
 * Whether each figure of a total row is the sum of its column over the deals of its group (since the
 * last group or total row), or over every deal above it (a grand total).
 */
function totalsHold(
  values: readonly (readonly CellValue[])[],
  kinds: { i: number; kind: Kind; label: number }[],
  locale: string,
) {
  const marks = new Map<number, ReturnType<typeof decimalMarkOf>>();
  const markOf = (c: number) => {
    if (!marks.has(c))
      marks.set(
        c,
        decimalMarkOf(
          values.map((r) => r[c] ?? ''),
          locale,
        ),
      );
    return marks.get(c)!;
  };
  const read = (i: number, c: number) => {
    const a = readAmount(values[i][c] ?? '', markOf(c));
    return a.kind === 'ok' ? a.value : a.kind === 'empty' ? 0 : null;
  };
  let since: number[] = [];
  const above: number[] = [];
  for (const k of kinds) {
    if (k.kind === 'group') since = [];
    if (k.kind === 'deal') {
      since.push(k.i);
      above.push(k.i);
    }
    if (k.kind !== 'total') continue;
    for (const c of filledColumns(values[k.i])) {
      if (c === k.label) continue;
      const v = read(k.i, c);
      const sum = (rows: number[]) => rows.reduce((n, i) => n + (read(i, c) ?? NaN), 0);
      if (v === null || (Math.abs(sum(since) - v) > 0.005 && Math.abs(sum(above) - v) > 0.005)) return false;
    }
    since = [];
  }
  return true;
}

/** The grouped layout of an export (see the file comment), or null. */
export function groupedReportOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  locale: string,
): GroupedReport | null {
  if (headerRow < 0) return null;
  const found = kindsOf(values, headerRow);
  if (!found || !totalsHold(values, found.kinds, locale)) return null;
  const { column, kinds, fill } = found;
  return {
    column,
    fill,
    groups: kinds
      .filter((k) => k.kind === 'group')
      .map((k) => ({ row: k.i + 1, value: text(values[k.i][column]) })),
    totals: kinds.filter((k) => k.kind === 'total').map((k) => k.i + 1),
  };
}

/** The export's values with each deal given its group's value, the group and total rows blanked. */
export function ungrouped(
  values: CellValue[][],
  headerRow: number,
  locale: string,
): { values: CellValue[][]; grouped: GroupedReport | null } {
  const grouped = groupedReportOf(values, headerRow, locale);
  if (!grouped) return { values, grouped };
  const group = new Map(grouped.groups.map((g) => [g.row, g.value]));
  const totals = new Set(grouped.totals);
  let current = '';
  const out = values.map((row, i) => {
    if (i <= headerRow) return row;
    if (group.has(i + 1)) {
      current = group.get(i + 1)!;
      return row.map(() => '');
    }
    if (totals.has(i + 1)) return row.map(() => '');
    if (!row.some((v) => text(v) !== '')) return row;
    if (!grouped.fill) return row;
    const filled = [...row];
    filled[grouped.column] = current;
    return filled;
  });
  return { values: out, grouped };
}

/** The preview's and the summary's words on a grouped report, or ''. `name` names a column. */
export function groupedSaid(g: GroupedReport | null, name: (c: number) => string): string {
  if (!g) return '';
  const groups = g.groups
    .slice(0, 4)
    .map((x) => `row ${x.row} "${x.value.slice(0, 40)}"`)
    .join(', ');
  const more = g.groups.length > 4 ? ', …' : '';
  const totals = g.totals.length
    ? ` and ${counted(g.totals.length, 'total row')} (${rowsNamed(g.totals, 6)}, each the sum of the deals above it)`
    : '';
  if (!g.fill)
    return `${counted(g.groups.length, 'row')} (${groups}${more}) title the sections of deals below them${totals}: those rows are not converted (the original keeps them).`;
  return `${name(g.column)} is written once above each group of deals (${groups}${more}): each deal takes its group's. Those ${counted(g.groups.length, 'row')}${totals} are not converted (the original keeps them).`;
}
