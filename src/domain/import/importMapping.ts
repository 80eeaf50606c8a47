// Proposes how an export's columns become deal fields, before anything is written: finds the real
// header under title rows, reads each header for its meaning, then sniffs values where headers say
// nothing (a money column, a column of a few dozen person names, emails, stage names, dates by their
// order). Computed columns (Check, Last seen, Segment…) and blank-header columns are kept as extras.
import type { FieldKey } from '../../shared/fields';
import type { StageDef } from '../../shared/settings';
import type { HeaderMap } from '../deals/headerMap';
import { findStageLoosely } from '../settings/stageLookup';
import { decimalMarkOf, epochMs, readDate } from '../values/columnConventions';
import {
  headerMeanings,
  closedFlagKind,
  namesComputedColumn,
  namesOtherThing,
  stageEnteredColumn,
  statusHeaderKind,
  type ImportWords,
  type ImportField,
  type StatusKind,
} from './headerVocabulary';
import { statusOf } from './stageAdoption';
import { EMAIL } from '../values/text';
import {
  cellText,
  dealBesideCompany,
  looksLikeAmounts,
  looksLikeKey,
  looksLikeOwners,
  looksLikeStages,
  rowIsData,
} from './valueSniffing';
import { maxOf } from '../../shared/manyValues';

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
  /** Columns whose values could all hold it, when more than one does (the preview asks which). */
  candidates?: number[];
}

export interface ImportMapping {
  /** 0-based row of the header. */
  headerRow: number;
  map: HeaderMap;
  /** A status column (open / won / lost, or an Active flag) that overrides the stage of closed deals. */
  statusColumn: number | null;
  statusKind: StatusKind;
  /** With a Won flag, a Closed flag: a closed deal not won is lost, one not closed keeps its stage. */
  closedColumn?: number | null;
  /** The flag beside the Won flag says lost ("Is Lost"), not closed. */
  closedIsLost?: boolean;
  /** The words the export was read with (stage and status words are read with them too). */
  words: ImportWords;
  /** HubSpot-style "Date entered <stage>" columns, read into History. */
  stageEntered: { column: number; stage: string }[];
  /** The key fields with the column behind each. */
  findings: FieldFinding[];
}

const text = cellText;

/** Width of a sheet: up to the last non-empty cell of any row. */
export function sheetWidth(values: readonly (readonly unknown[])[]): number {
  let w = 0;
  for (const r of values) for (let c = r.length - 1; c >= w; c--) if (text(r[c]) !== '') w = c + 1;
  return w;
}

/**
 * The header row among the first rows: the row whose cells name the most fields;
 * failing that, the first row of text cells as wide as the rows below it. Title rows, notes and
 * blank rows above it are skipped. -1 when the first row is itself data (a dump with no header: its
 * numbers and dates are of the same kinds as the rows below), unless it names two fields or more.
 */
export function findImportHeaderRow(values: readonly (readonly unknown[])[], words: ImportWords): number {
  const limit = Math.min(values.length, 25);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const score = values[r].filter((v) => headerMeanings(v, words).size > 0 || namesComputedColumn(v)).length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  const filled = (r: readonly unknown[]) => r.filter((v) => text(v) !== '').length;
  const first = values.findIndex((row) => filled(row) > 0);
  if (first === 0 && bestScore <= 1 && rowIsData(values[0], values.slice(1, 26))) return -1;
  if (best >= 0) return best;
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    const n = filled(row);
    if (n < 2 || row.some((v) => typeof v !== 'string' && text(v) !== '')) continue;
    const below = values.slice(r + 1, r + 6).map(filled);
    if (!below.length || n >= 0.6 * maxOf(below)) return r;
  }
  return Math.max(0, first);
}

/** Values all of which are statuses, of two kinds at least (open and won, won and lost…). */
function statusesOnly(vals: readonly unknown[], words: ImportWords): boolean {
  const kinds = vals.map((v) => statusOf('status', v, words));
  return !kinds.includes(null) && new Set(kinds).size >= 2;
}

/** Proposes the mapping of an export. `stages` are the CRM's current stages. */
export function proposeImportMapping(
  values: readonly (readonly unknown[])[],
  stages: readonly StageDef[],
  locale: string,
  timeZone: string,
  words: ImportWords,
): ImportMapping {
  const draft = new MappingDraft(values, words);
  // 1. Headers name fields; a status column overrides the stage of closed deals.
  draft.claimHeaders();
  draft.findStatusColumn();
  // 2. Values, for key fields the headers did not name.
  draft.sniff('email', (c) => draft.mostly(c, (v) => EMAIL.test(text(v))));
  draft.sniff(
    'stage',
    (c) =>
      draft.mostly(c, (v) => findStageLoosely(v, stages) !== null) || looksLikeStages(draft.column(c), words),
  );
  draft.sniff('owner', (c) => looksLikeOwners(draft.column(c)));
  draft.sniff('amount', (c) => looksLikeAmounts(draft.column(c), decimalMarkOf(draft.column(c), locale)));
  draft.sniffDates(timeZone);
  draft.sniffNames();
  return draft.mapping();
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
  private closedColumn_: number | null = null;
  private closedIsLost_ = false;
  private readonly doubts_ = new Map<ImportField, number[]>();

  constructor(
    values: readonly (readonly unknown[])[],
    private readonly words_: ImportWords,
  ) {
    this.headerRow = findImportHeaderRow(values, words_);
    this.header_ = values[this.headerRow] ?? [];
    this.width_ = Math.max(sheetWidth(values.slice(Math.max(0, this.headerRow))), 1);
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
      const kind = statusHeaderKind(this.header_[c], this.words_);
      if (taken.has(c) || !kind) continue;
      const vals = this.column(c);
      if (
        columns.stage !== undefined &&
        vals.length &&
        vals.every((v) => statusOf(kind, v, this.words_) !== null)
      ) {
        this.statusColumn_ = c;
        this.statusKind_ = kind;
      } else if (
        columns.stage === undefined &&
        kind === 'status' &&
        (statusesOnly(vals, this.words_) || looksLikeStages(vals, this.words_))
      ) {
        columns.stage = c;
        this.how_.set('stage', 'header');
      } else continue;
      taken.add(c);
    }
    if (this.statusKind_ === 'lost') this.findWonFlag_();
    if (this.statusKind_ === 'won') this.findClosedFlag_();
    this.stageEntered_.forEach(({ column: c }) => taken.delete(c)); // they stay as extras too
  }

  /**
   * A Lost flag found first, with a Won flag after it: the Won flag is the status column, and the Lost
   * flag is read beside it (findClosedFlag_).
   */
  private findWonFlag_(): void {
    for (let c = 0; c < this.width_; c++) {
      if (c === this.statusColumn_ || this.taken_.has(c)) continue;
      if (statusHeaderKind(this.header_[c], this.words_) !== 'won') continue;
      const vals = this.column(c);
      if (!vals.length || !vals.every((v) => statusOf('won', v, this.words_) !== null)) continue;
      this.taken_.delete(this.statusColumn_!);
      [this.statusColumn_, this.statusKind_] = [c, 'won'];
      this.taken_.add(c);
      return;
    }
  }

  /**
   * Beside a Won flag, a Closed or a Lost flag of yes / no values (a header "Closed" may have been read
   * as a date).
   */
  private findClosedFlag_(): void {
    for (let c = 0; c < this.width_; c++) {
      const kind = c === this.statusColumn_ ? null : closedFlagKind(this.header_[c], this.words_);
      if (!kind) continue;
      const vals = this.column(c);
      if (!vals.length || !vals.every((v) => statusOf('won', v, this.words_) !== null)) continue;
      for (const [field, col] of Object.entries(this.columns_))
        if (col === c) {
          delete this.columns_[field as FieldKey];
          this.how_.delete(field as ImportField);
        }
      this.closedColumn_ = c;
      this.closedIsLost_ = kind === 'lost';
      this.taken_.add(c);
      return;
    }
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
        !namesComputedColumn(this.header_[c]) &&
        !namesOtherThing(this.header_[c], this.words_)
      )
        out.push(c);
    return out;
  }

  /** Whether `share` of the column's first 500 values pass `test`. */
  mostly(c: number, test: (v: unknown) => boolean, share = 0.8): boolean {
    const vals = this.column(c).slice(0, 500);
    return vals.length > 0 && vals.filter(test).length / vals.length >= share;
  }

  /** Takes a field the headers did not name from the one free column whose values `pick` says hold
   *  it; with two or more such columns (an owner beside a creator) the preview asks instead. */
  sniff(field: ImportField, pick: (c: number) => boolean): void {
    if (this.columns_[field] !== undefined) return;
    const hits = this.free_().filter(pick);
    if (hits.length === 1) this.take_(field, hits[0], 'values');
    else if (hits.length > 1) this.doubts_.set(field, hits);
  }

  /** A column with no header (or any column of a tab with no header row): only its values can say. */
  private unnamed_(c: number): boolean {
    return this.headerRow < 0 || text(this.header_[c]) === '';
  }

  /**
   * Dates the headers did not name, only when the columns leave no doubt: of two date columns the
   * one earlier on most rows is Created, the other the close date; one column beside a named one
   * takes the other field when it is on the right side of it on most rows. With more date columns
   * than fields to fill, a guess could take a last-modified time for the close date: the preview asks.
   */
  sniffDates(timeZone: string): void {
    const { columns_: columns } = this;
    if (columns.created !== undefined && columns.closeDate !== undefined) return;
    const read = (v: unknown) => {
      // Epoch milliseconds or seconds read as dates under a date header, but alone could be any ID.
      if (epochMs(text(v)) !== null) return null;
      for (const order of ['MDY', 'DMY'] as const) {
        const p = readDate(v, timeZone, { order }, 2000);
        if (p.kind === 'ok') return p.value.getTime();
      }
      return null;
    };
    const dates = this.free_().filter((c) => this.unnamed_(c) && this.mostly(c, (v) => read(v) !== null));
    // A close date is a day; a time of day belongs to a record's created or modified time.
    const days = (c: number) => !this.mostly(c, (v) => /\d:\d\d/.test(text(v)), 0.2);
    /** Share of rows with both dates where column a is before column b. */
    const before = (a: number, b: number) => {
      const pairs = this.body_
        .map((r) => [read(r[a]), read(r[b])])
        .filter(([x, y]) => x !== null && y !== null);
      return pairs.length ? pairs.filter(([x, y]) => x! <= y!).length / pairs.length : 0;
    };
    const { created, closeDate } = columns;
    if (created === undefined && closeDate === undefined && dates.length === 2) {
      const [a, b] =
        before(dates[0], dates[1]) >= 0.8
          ? dates
          : before(dates[1], dates[0]) >= 0.8
            ? [dates[1], dates[0]]
            : [];
      if (a === undefined || !days(b)) return;
      this.sniff('created', (c) => c === a);
      this.sniff('closeDate', (c) => c === b);
    } else if (
      dates.length === 1 &&
      created !== undefined &&
      before(created, dates[0]) >= 0.8 &&
      days(dates[0])
    )
      this.sniff('closeDate', (c) => c === dates[0]);
    else if (dates.length === 1 && closeDate !== undefined && before(dates[0], closeDate) >= 0.8)
      this.sniff('created', (c) => c === dates[0]);
  }

  /**
   * With no header row, the table's key (its first column, all different) is the Deal ID; and the
   * deal's name and its company from two text columns whose rows say which is which.
   */
  sniffNames(): void {
    if (this.headerRow < 0)
      this.sniff('dealId', (c) => c === 0 && looksLikeKey(this.column(c), this.filledRows_()));
    if (this.columns_.deal !== undefined && this.columns_.company !== undefined) return;
    const texts = this.free_().filter(
      (c) =>
        this.unnamed_(c) &&
        this.mostly(
          c,
          (v) => /\p{L}{2}/u.test(text(v)) && !/^-?[\d.,]+$/.test(text(v)) && !EMAIL.test(text(v)),
        ),
    );
    const { deal: knownDeal, company: knownCompany } = this.columns_;
    const known = knownDeal ?? knownCompany;
    const pairs: [number, number][] =
      known !== undefined
        ? texts.map((c) => [known, c])
        : texts.flatMap((a, i) => texts.slice(i + 1).map((b): [number, number] => [a, b]));
    for (const [a, b] of pairs) {
      const said = dealBesideCompany(
        this.body_.map((r) => r[a]),
        this.body_.map((r) => r[b]),
      );
      // With one of the two named by its header, the rows must agree with it.
      if (
        !said ||
        (knownDeal !== undefined && said.deal !== 'a') ||
        (knownCompany !== undefined && said.deal !== 'b')
      )
        continue;
      const [deal, company] = said.deal === 'a' ? [a, b] : [b, a];
      this.sniff('deal', (c) => c === deal);
      this.sniff('company', (c) => c === company);
      return;
    }
  }

  /** Rows below the header with anything in them. */
  private filledRows_(): number {
    return this.body_.filter((r) => r.some((v) => text(v) !== '')).length;
  }

  /** The mapping, with the columns no field took as extras and what was found for each key field. */
  mapping(): ImportMapping {
    const { columns_: columns, width_: width } = this;
    const extras: number[] = [];
    for (let c = 0; c < width; c++) if (!Object.values(columns).includes(c)) extras.push(c);
    const findings = KEY_FIELDS.map((field): FieldFinding => {
      const c = columns[field];
      if (c === undefined)
        return { field, column: null, how: 'not found', samples: [], candidates: this.doubts_.get(field) };
      const samples = [...new Set(this.column(c).map(text))].slice(0, 3);
      return { field, column: c, how: this.how_.get(field) ?? 'header', samples };
    });
    const {
      headerRow,
      statusColumn_: statusColumn,
      statusKind_: statusKind,
      closedColumn_: closedColumn,
      closedIsLost_: closedIsLost,
      stageEntered_: stageEntered,
    } = this;
    return {
      headerRow,
      map: { columns, extras, width },
      statusColumn,
      statusKind,
      closedColumn,
      ...(closedIsLost ? { closedIsLost } : {}),
      words: this.words_,
      stageEntered,
      findings,
    };
  }
}
