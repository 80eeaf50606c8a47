// Proposes how an export's columns become deal fields, before anything is written: finds the real
// header under title rows, reads each header for its meaning, then sniffs values where headers say
// nothing (a money column, a column of a few dozen person names, emails, stage names, dates by their
// order). Computed columns (Check, Last seen, Segment…) and blank-header columns are kept as extras.
import type { FieldKey } from '../../shared/fields';
import type { StageDef } from '../../shared/settings';
import type { HeaderMap } from '../deals/headerMap';
import { findStageLoosely } from '../settings/stageLookup';
import { decimalMarkOf, readAmount, readDate } from '../values/columnConventions';
import {
  headerMeanings,
  namesComputedColumn,
  stageEnteredColumn,
  statusHeaderKind,
  type HeaderWords,
  type ImportField,
  type StatusKind,
} from './headerVocabulary';
import { closedTypeOf, statusOf } from './stageAdoption';

/** The fields the mapping dialog always reports on, found or not. */
export const KEY_FIELDS = [
  'deal',
  'company',
  'owner',
  'stage',
  'amount',
  'closeDate',
  'created',
] as const satisfies readonly ImportField[];

export interface FieldFinding {
  field: ImportField;
  /** 0-based source column, or null when not found. */
  column: number | null;
  /** How it was found. */
  how: 'header' | 'values' | 'not found';
  /** A few values behind the guess. */
  samples: string[];
}

export interface ImportMapping {
  /** 0-based row of the header. */
  headerRow: number;
  map: HeaderMap;
  /** A status column (open / won / lost, or an Active flag) that overrides the stage of closed deals. */
  statusColumn: number | null;
  statusKind: StatusKind;
  /** HubSpot-style "Date entered <stage>" columns, read into History. */
  stageEntered: { column: number; stage: string }[];
  /** The key fields with the column behind each. */
  findings: FieldFinding[];
}

const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim());
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const FIRST_NAME = /^[\p{Lu}][\p{Ll}'’-]{1,20}$/u;
const PERSON = /^[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]*){1,3}$/u;

/** Width of a sheet: up to the last non-empty cell of any row. */
export function sheetWidth(values: readonly (readonly unknown[])[]): number {
  let w = 0;
  for (const r of values) for (let c = r.length - 1; c >= w; c--) if (text(r[c]) !== '') w = c + 1;
  return w;
}

/**
 * The header row among the first rows: the row whose cells name the most fields;
 * failing that, the first row of text cells as wide as the rows below it. Title rows, notes and
 * blank rows above it are skipped.
 */
export function findImportHeaderRow(values: readonly (readonly unknown[])[], words: HeaderWords): number {
  const limit = Math.min(values.length, 25);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const score = values[r].filter((v) => headerMeanings(v, words).size > 0 || namesComputedColumn(v)).length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  if (best >= 0) return best;
  const filled = (r: readonly unknown[]) => r.filter((v) => text(v) !== '').length;
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    const n = filled(row);
    if (n < 2 || row.some((v) => typeof v !== 'string' && text(v) !== '')) continue;
    const below = values.slice(r + 1, r + 6).map(filled);
    if (!below.length || n >= 0.6 * Math.max(...below)) return r;
  }
  return Math.max(
    0,
    values.findIndex((row) => filled(row) > 0),
  );
}

/** Proposes the mapping of an export. `stages` are the CRM's current stages. */
export function proposeImportMapping(
  values: readonly (readonly unknown[])[],
  stages: readonly StageDef[],
  locale: string,
  timeZone: string,
  words: HeaderWords,
): ImportMapping {
  const draft = new MappingDraft(values, words);
  // 1. Headers name fields; a status column overrides the stage of closed deals.
  draft.claimHeaders();
  draft.findStatusColumn();
  // 2. Values, for key fields the headers did not name.
  draft.sniff('email', (c) => draft.mostly(c, (v) => EMAIL.test(text(v))));
  draft.sniff(
    'stage',
    (c) => draft.mostly(c, (v) => findStageLoosely(v, stages) !== null) || looksLikeStages(draft.column(c)),
  );
  draft.sniff('owner', (c) => looksLikeOwners(draft, c));
  draft.sniff('amount', (c) => looksLikeAmounts(draft.column(c), decimalMarkOf(draft.column(c), locale)));
  draft.sniffDates(timeZone);
  return draft.mapping();
}

/** A column of texts few and repeated, none holding numbers, one of them a closed stage. */
function looksLikeStages(column: readonly unknown[]): boolean {
  const vals = column.map((v) => text(v));
  const distinct = new Set(vals.map((v) => v.toLowerCase()));
  return (
    vals.length >= 4 &&
    distinct.size >= 2 &&
    distinct.size <= 30 &&
    distinct.size <= vals.length / 2 &&
    vals.every((v) => !/\d{3,}/.test(v)) &&
    [...distinct].some((v) => closedTypeOf(v) !== null)
  );
}

/** A handful of people's names or emails, each on many rows. */
function looksLikeOwners(draft: MappingDraft, c: number): boolean {
  const vals = draft.column(c).map((v) => text(v));
  const distinct = new Set(vals);
  if (vals.length < 3 || distinct.size > 60 || distinct.size > Math.max(1, vals.length * 0.6)) return false;
  if (draft.mostly(c, (v) => PERSON.test(text(v)) || EMAIL.test(text(v)), 0.9)) return true;
  // First names only ("Jo", "Sam"): a handful, each on many rows.
  return (
    distinct.size <= Math.max(2, vals.length * 0.4) && draft.mostly(c, (v) => FIRST_NAME.test(text(v)), 1)
  );
}

/** Mostly amounts: with a currency, or mostly 100 and over (and not years). */
function looksLikeAmounts(vals: readonly unknown[], mark: ReturnType<typeof decimalMarkOf>): boolean {
  const money = vals.filter((v) => typeof v === 'string' && /[$€£¥₹]|\b(USD|EUR|GBP)\b/i.test(v)).length;
  const nums = vals
    .map((v) => readAmount(v, mark))
    .filter((p) => p.kind === 'ok')
    .map((p) => (p as { value: number }).value);
  const big = nums.filter((n) => n >= 100 && !(Number.isInteger(n) && n >= 1900 && n <= 2100)).length;
  return nums.length >= 0.8 * vals.length && vals.length > 0 && (money > 0 || big >= 0.6 * nums.length);
}

/** A mapping as it is worked out: the columns taken, and how each field was found. */
class MappingDraft {
  readonly headerRow: number;
  private readonly header_: readonly unknown[];
  private readonly body_: readonly (readonly unknown[])[];
  private readonly width_: number;
  private readonly columns_: Partial<Record<FieldKey, number>> = {};
  private readonly how_ = new Map<ImportField, FieldFinding['how']>();
  private readonly taken_ = new Set<number>();
  private readonly stageEntered_: ImportMapping['stageEntered'] = [];
  private statusColumn_: number | null = null;
  private statusKind_: StatusKind = 'status';

  constructor(
    values: readonly (readonly unknown[])[],
    private readonly words_: HeaderWords,
  ) {
    this.headerRow = findImportHeaderRow(values, words_);
    this.header_ = values[this.headerRow] ?? [];
    this.width_ = Math.max(sheetWidth(values.slice(this.headerRow)), 1);
    this.body_ = values.slice(this.headerRow + 1);
  }

  /** A column's non-empty values below the header. */
  column(c: number): unknown[] {
    return this.body_.map((r) => r[c]).filter((v) => text(v) !== '');
  }

  /** Every (field, column, rank) the headers name, best rank first; each field and column used once. */
  claimHeaders(): void {
    const claims: [ImportField, number, number][] = [];
    for (let c = 0; c < this.width_; c++) {
      const h = this.header_[c];
      const entered = stageEnteredColumn(h);
      if (entered) this.stageEntered_.push({ column: c, stage: entered });
      if (entered || namesComputedColumn(h)) {
        this.taken_.add(c);
        continue;
      }
      for (const [field, rank] of headerMeanings(h, this.words_)) claims.push([field, c, rank]);
    }
    claims.sort((a, b) => a[2] - b[2] || a[1] - b[1]);
    for (const [field, c] of claims) {
      if (this.columns_[field] !== undefined || this.taken_.has(c)) continue;
      this.take_(field, c, 'header');
    }
  }

  /** A status column: it overrides the stage of closed deals, or is the stage when there is none. */
  findStatusColumn(): void {
    const { columns_: columns, taken_: taken } = this;
    for (let c = 0; c < this.width_ && this.statusColumn_ === null; c++) {
      const kind = statusHeaderKind(this.header_[c]);
      if (taken.has(c) || !kind) continue;
      const vals = this.column(c);
      if (columns.stage !== undefined && vals.length && vals.every((v) => statusOf(kind, v) !== null)) {
        this.statusColumn_ = c;
        this.statusKind_ = kind;
      } else if (columns.stage === undefined && kind === 'status') {
        columns.stage = c;
        this.how_.set('stage', 'header');
      } else continue;
      taken.add(c);
    }
    this.stageEntered_.forEach(({ column: c }) => taken.delete(c)); // they stay as extras too
  }

  private take_(field: ImportField, c: number, how: FieldFinding['how']) {
    this.columns_[field] = c;
    this.taken_.add(c);
    this.how_.set(field, how);
  }

  /** Columns no field took (Stage entered columns and computed ones excepted). */
  private free_(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.width_; c++)
      if (
        !this.taken_.has(c) &&
        !this.stageEntered_.some((s) => s.column === c) &&
        !namesComputedColumn(this.header_[c])
      )
        out.push(c);
    return out;
  }

  /** Whether `share` of the column's first 500 values pass `test`. */
  mostly(c: number, test: (v: unknown) => boolean, share = 0.8): boolean {
    const vals = this.column(c).slice(0, 500);
    return vals.length > 0 && vals.filter(test).length / vals.length >= share;
  }

  /** The first free column whose values `pick` says hold a field the headers did not name. */
  sniff(field: ImportField, pick: (c: number) => boolean): void {
    if (this.columns_[field] !== undefined) return;
    const c = this.free_().find(pick);
    if (c !== undefined) this.take_(field, c, 'values');
  }

  /**
   * Dates by their order (created before closed) only when the columns leave no doubt: with more
   * date columns than fields to fill, a guess could take a last-modified time for the close date, so
   * the preview asks instead.
   */
  sniffDates(timeZone: string): void {
    const { columns_: columns } = this;
    if (columns.created !== undefined && columns.closeDate !== undefined) return;
    const isDate = (v: unknown) =>
      readDate(v, timeZone, { order: 'DMY' }, 2000).kind === 'ok' ||
      readDate(v, timeZone, { order: 'MDY' }, 2000).kind === 'ok';
    const dates = this.free_().filter((c) => this.mostly(c, isDate));
    if (columns.created === undefined && columns.closeDate === undefined && dates.length === 2) {
      this.sniff('created', (c) => c === dates[0]);
      this.sniff('closeDate', (c) => c === dates[1]);
    } else if (columns.closeDate === undefined && columns.created !== undefined) {
      const after = dates.filter((c) => c > columns.created!);
      if (after.length === 1 && dates.length <= 2) this.sniff('closeDate', (c) => c === after[0]);
    } else if (columns.created === undefined && columns.closeDate !== undefined) {
      const before = dates.filter((c) => c < columns.closeDate!);
      if (before.length === 1 && dates.length <= 2) this.sniff('created', (c) => c === before[0]);
    }
  }

  /** The mapping, with the columns no field took as extras and what was found for each key field. */
  mapping(): ImportMapping {
    const { columns_: columns, width_: width } = this;
    const extras: number[] = [];
    for (let c = 0; c < width; c++) if (!Object.values(columns).includes(c)) extras.push(c);
    const findings = KEY_FIELDS.map((field): FieldFinding => {
      const c = columns[field];
      if (c === undefined) return { field, column: null, how: 'not found', samples: [] };
      const samples = [...new Set(this.column(c).map(text))].slice(0, 3);
      return { field, column: c, how: this.how_.get(field) ?? 'header', samples };
    });
    const {
      headerRow,
      statusColumn_: statusColumn,
      statusKind_: statusKind,
      stageEntered_: stageEntered,
    } = this;
    return { headerRow, map: { columns, extras, width }, statusColumn, statusKind, stageEntered, findings };
  }
}
