// Reading the CRM Settings tab block by block: where each block sits, its non-empty item rows, and a
// parser per block that validates each row with its schema and names the cell of every problem.
import { monthNumber } from '../../shared/typedDate';
import { FIELD_BY_KEY, FIELDS, REQUIRABLE, type FieldKey } from '../../shared/fields';
import type { Settings, StageDef } from '../../shared/settings';
import {
  firstIssue,
  generalSettings,
  lostReasonRow,
  ownerRow,
  segmentRow,
  stageRow,
  targetRow,
} from '../../shared/settingsSchema';
import { isoDay, isoMonth, isDate } from '../../shared/zonedTime';
import {
  BLOCKS,
  FIRST_ITEM_ROW,
  GENERAL_ADDED_LATER,
  GENERAL_LABELS,
  OPTIONAL_BLOCKS,
  settingsCell,
  TITLE_ROW,
  type BlockKey,
} from './settingsLayout';
import { EMAIL, looseKey } from '../values/text';
import {
  lostReasonsAgree,
  ownersAgree,
  segmentRulesAgree,
  targetsAgree,
  type Placed,
} from './settingsAgreement';

export type Cell = string | number | boolean | Date;

export interface SettingsProblem {
  /** "CRM Settings!C5", or the tab name for problems of the whole tab. */
  cell: string;
  message: string;
}

export const text = (v: Cell): string => (isDate(v) ? '' : String(v).trim());
const optionalNumber = (v: Cell): number | null | string =>
  v === '' ? null : typeof v === 'number' ? v : text(v);
const list = (v: Cell): string[] =>
  text(v)
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function fieldByName(name: string): FieldKey | null {
  const k = looseKey(name);
  const hit = FIELDS.find((f) => looseKey(f.header) === k || f.synonyms.includes(k));
  return hit && REQUIRABLE.includes(hit.key) ? hit.key : null;
}

interface SafeResult {
  success: boolean;
  data?: unknown;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}

/** The tab's values with the column of each block found by its title, and the problems found so far. */
export class SettingsSheet {
  readonly problems: SettingsProblem[] = [];
  readonly columns = {} as Record<BlockKey, number>;

  constructor(
    private readonly values: Cell[][],
    readonly timeZone: string,
  ) {
    const titles = values[TITLE_ROW - 1] ?? [];
    const moved = titlesMovedTo(values);
    if (moved) {
      this.problems.push({
        cell: `CRM Settings!1:1`,
        message: `The block titles (Stages, Lost reasons, …) are on row ${moved}, not row ${TITLE_ROW}: rows were inserted above them. Select rows ${TITLE_ROW}–${moved - 1} and delete them (or use Edit > Undo).`,
      });
      return;
    }
    for (const b of BLOCKS) {
      const c = titles.findIndex((v) => looseKey(v) === looseKey(b.title));
      if (c < 0 && OPTIONAL_BLOCKS.includes(b.key)) continue;
      if (c < 0)
        this.problems.push({
          cell: `CRM Settings!1:1`,
          message: `The "${b.title}" block is missing: its title should be in row 1.`,
        });
      else this.columns[b.key] = c + 1;
    }
  }

  /** Non-empty item rows of a block, with their sheet row numbers. */
  items(key: BlockKey, width: number): { row: number; cells: Cell[] }[] {
    const c0 = this.columns[key] - 1;
    const out: { row: number; cells: Cell[] }[] = [];
    for (let r = FIRST_ITEM_ROW - 1; r < this.values.length; r++) {
      const cells = Array.from({ length: width }, (_, i) => this.values[r]?.[c0 + i] ?? '');
      if (cells.some((v) => text(v) !== '')) out.push({ row: r + 1, cells });
    }
    return out;
  }

  /** A one-column block's texts. */
  column(key: BlockKey): string[] {
    return this.items(key, 1).map(({ cells }) => text(cells[0]));
  }

  problem(key: BlockKey, row: number, offset: number, message: string): void {
    this.problems.push({ cell: settingsCell(row, this.columns[key] + offset), message });
  }

  /** A block's rows, each read by `parse` and kept when its schema accepts it (else its problem is noted). */
  rows<T>(key: BlockKey, width: number, order: string[], parse: (cells: Cell[]) => SafeResult): T[] {
    return this.placed<T>(key, width, order, parse).map((p) => p.item);
  }

  /** As `rows`, each kept row with its sheet row (for problems that compare rows). */
  placed<T>(
    key: BlockKey,
    width: number,
    order: string[],
    parse: (cells: Cell[]) => SafeResult,
  ): Placed<T>[] {
    const out: Placed<T>[] = [];
    for (const { row, cells } of this.items(key, width)) {
      const item = this.check<T>(key, row, order, parse(cells));
      if (item !== null) out.push({ row, item });
    }
    return out;
  }

  /** A row's schema result: its data, or null with the problem placed in the column of the field at fault. */
  check<T>(key: BlockKey, row: number, order: string[], result: SafeResult): T | null {
    const issue = firstIssue(result);
    if (issue) {
      this.problem(key, row, Math.max(0, order.indexOf(issue.key)), issue.message);
      return null;
    }
    return result.data as T;
  }
}

const present = <T>(x: T | null): x is T => x !== null;

/** The row (1-based) the block titles are on when none is on the title row, if within 20 rows. */
function titlesMovedTo(values: readonly (readonly Cell[])[]): number | null {
  const titlesIn = (row: readonly Cell[] | undefined) =>
    BLOCKS.filter((b) => (row ?? []).some((v) => looseKey(v) === looseKey(b.title))).length;
  if (titlesIn(values[TITLE_ROW - 1]) > 0) return null;
  for (let r = TITLE_ROW; r < Math.min(values.length, 20); r++)
    if (titlesIn(values[r]) >= BLOCKS.length / 2) return r + 1;
  return null;
}

/** The Stages block: unique names, known required fields, and at least one Open, Won and Lost stage. */
export function parseStages(sheet: SettingsSheet): StageDef[] {
  const stages: StageDef[] = [];
  const rows = sheet.items('stages', 6);
  for (const { row, cells } of rows) {
    const required: FieldKey[] = [];
    for (const name of list(cells[4])) {
      const key = fieldByName(name);
      if (key) required.push(key);
      else
        sheet.problem(
          'stages',
          row,
          4,
          `"${name}" is not a field a stage can require. Use: ${REQUIRABLE.map((k) => FIELD_BY_KEY[k].header).join(', ')}.`,
        );
    }
    const parsed = sheet.check<StageDef>(
      'stages',
      row,
      ['name', 'type', 'probability', 'category', 'required', 'staleAfterDays'],
      stageRow.safeParse({
        name: text(cells[0]),
        type: text(cells[1]),
        probability: typeof cells[2] === 'number' ? cells[2] : text(cells[2]),
        category: text(cells[3]),
        required,
        staleAfterDays: optionalNumber(cells[5]),
      }),
    );
    if (!parsed) continue;
    if (parsed.type === 'Open' && parsed.category === 'Closed')
      sheet.problem(
        'stages',
        row,
        3,
        `${parsed.name} is an open stage: Closed is the category of Won stages, and the forecast would leave its deals out. Use Pipeline, Best case or Commit (or Omitted to leave them out on purpose)`,
      );
    if (stages.some((s) => looseKey(s.name) === looseKey(parsed.name)))
      sheet.problem(
        'stages',
        row,
        0,
        `The stage "${parsed.name}" is listed twice. Stage names must be unique.`,
      );
    else stages.push(parsed);
  }
  if (rows.length === 0)
    sheet.problem(
      'stages',
      FIRST_ITEM_ROW,
      0,
      'There are no stages. List at least one open stage, one Won and one Lost stage.',
    );
  else
    for (const type of ['Open', 'Won', 'Lost'] as const)
      if (!sheet.problems.length && !stages.some((s) => s.type === type))
        sheet.problem(
          'stages',
          FIRST_ITEM_ROW,
          1,
          `No stage has the type ${type}. The CRM needs at least one ${type} stage.`,
        );
  return stages;
}

export function parseLostReasons(sheet: SettingsSheet): Settings['lostReasons'] {
  const reasons = sheet.placed<Settings['lostReasons'][number]>(
    'lostReasons',
    2,
    ['name', 'requiresCompetitor'],
    (cells) =>
      lostReasonRow.safeParse({
        name: text(cells[0]),
        requiresCompetitor: cells[1] === '' ? false : cells[1],
      }),
  );
  lostReasonsAgree(sheet, reasons);
  return reasons.map((p) => p.item);
}

export function parseOwners(sheet: SettingsSheet): Settings['owners'] {
  const owners = sheet.placed<Settings['owners'][number]>('owners', 2, ['name', 'email'], (cells) =>
    ownerRow.safeParse({ name: text(cells[0]), email: text(cells[1]) }),
  );
  ownersAgree(sheet, owners);
  return owners.map((p) => p.item);
}

/** Segment rules, each with Min employees at most Max employees and industries Industries lists. */
export function parseSegmentRules(sheet: SettingsSheet): Settings['segmentRules'] {
  const rules = sheet
    .items('segmentRules', 4)
    .map(({ row, cells }): Placed<Settings['segmentRules'][number]> | null => {
      const rule = sheet.check<Settings['segmentRules'][number]>(
        'segmentRules',
        row,
        ['segment', 'industries', 'minEmployees', 'maxEmployees'],
        segmentRow.safeParse({
          segment: text(cells[0]),
          industries: list(cells[1]),
          minEmployees: optionalNumber(cells[2]),
          maxEmployees: optionalNumber(cells[3]),
        }),
      );
      if (
        rule &&
        rule.minEmployees !== null &&
        rule.maxEmployees !== null &&
        rule.minEmployees > rule.maxEmployees
      ) {
        sheet.problem(
          'segmentRules',
          row,
          3,
          `Max employees (${rule.maxEmployees}) is below Min employees (${rule.minEmployees}).`,
        );
        return null;
      }
      return rule && { row, item: rule };
    })
    .filter(present);
  segmentRulesAgree(sheet, rules, sheet.column('industries'));
  return rules.map((p) => p.item);
}

/** Targets by month (a date cell reads as its month in the spreadsheet's zone), one row per owner. */
export function parseTargets(sheet: SettingsSheet, owners: Settings['owners']): Settings['targets'] {
  const targets = sheet.placed<Settings['targets'][number]>(
    'targets',
    3,
    ['month', 'owner', 'amount'],
    (cells) =>
      targetRow.safeParse({
        month: isDate(cells[0]) ? isoMonth(cells[0], sheet.timeZone) : text(cells[0]),
        owner: text(cells[1]) || null,
        amount: cells[2],
      }),
  );
  targetsAgree(sheet, targets, owners);
  return targets.map((p) => p.item);
}

/** The General block: every labelled setting present (a label may be cut short), then validated. */
export function parseGeneral(sheet: SettingsSheet): Settings['general'] | null {
  const generalRows = sheet.items('general', 2);
  const raw: Record<string, unknown> = {};
  const rowOf: Record<string, number> = {};
  for (const [key, label] of Object.entries(GENERAL_LABELS)) {
    const hit = generalRows.find(
      (g) => looseKey(g.cells[0]) === looseKey(label) || looseKey(label).startsWith(looseKey(g.cells[0])),
    );
    if (!hit && key in GENERAL_ADDED_LATER) {
      raw[key] = GENERAL_ADDED_LATER[key as keyof typeof GENERAL_ADDED_LATER];
      rowOf[key] = FIRST_ITEM_ROW;
      continue;
    }
    if (!hit) {
      sheet.problems.push({
        cell: settingsCell(FIRST_ITEM_ROW, sheet.columns.general),
        message: `The General setting "${label}" is missing.`,
      });
      continue;
    }
    const v = hit.cells[1];
    // A fiscal year start written as a month's name ("April", "avr.") is that month.
    const month = key === 'fiscalYearStartMonth' && typeof v === 'string' ? monthNumber(v.trim()) : 0;
    raw[key] =
      key === 'timedOutAfterDays' ? optionalNumber(v) : month || (typeof v === 'number' ? v : text(v));
    rowOf[key] = hit.row;
  }
  if (Object.keys(rowOf).length !== Object.keys(GENERAL_LABELS).length) return null;
  const result = generalSettings.safeParse(raw);
  if (result.success) return result.data as Settings['general'];
  // Every wrong setting at once (the first issue of each), not one per refresh.
  const said = new Set<string>();
  for (const issue of result.error?.issues ?? []) {
    const key = String(issue.path[0] ?? '');
    if (said.has(key)) continue;
    said.add(key);
    sheet.problem('general', rowOf[key] ?? FIRST_ITEM_ROW, 1, issue.message);
  }
  return null;
}

/** The Board block: member emails, meeting dates, and the smallest group shown (3 unless set). */
export function parseBoard(sheet: SettingsSheet): Settings['board'] {
  const rows = sheet.columns.board === undefined ? [] : sheet.items('board', 3);
  const timeZone = sheet.timeZone;
  const problem = (row: number, offset: number, message: string) =>
    sheet.problem('board', row, offset, message);
  const board: Settings['board'] = { members: [], meetings: [], minimumGroup: 3, notify: [] };
  rows.forEach(({ row, cells }, i) => {
    const written = text(cells[0]);
    // "chair@board.example (notify)": shared with Google's invitation e-mail.
    const notify = /\s*\(notify\)$/i.exec(written);
    const email = notify ? written.slice(0, notify.index) : written;
    if (email) {
      if (EMAIL.test(email)) {
        board.members.push(email.toLowerCase());
        if (notify) board.notify!.push(email.toLowerCase());
      } else
        problem(
          row,
          0,
          `Board member "${written}" is not an email address (write name@example.com, or name@example.com (notify))`,
        );
    }
    const meeting = cells[1];
    if (isDate(meeting)) board.meetings.push(isoDay(meeting, timeZone));
    else if (text(meeting)) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(text(meeting))) board.meetings.push(text(meeting));
      else problem(row, 1, `Board meeting date "${text(meeting)}" is not a date (write it as 2026-03-31)`);
    }
    if (i === 0 && text(cells[2])) {
      const n = Number(cells[2]);
      if (Number.isInteger(n) && n >= 2 && n <= 50) board.minimumGroup = n;
      else problem(row, 2, 'Smallest group shown must be a whole number from 2 to 50');
    }
  });
  board.meetings.sort();
  return board;
}

/**
 * Exchange rates: a three-letter code other than the CRM's own, listed once, and a positive number
 * (what one unit is worth in the CRM's currency).
 */
export function parseRates(sheet: SettingsSheet, home: string | undefined): Record<string, number> {
  const rates: Record<string, number> = {};
  if (sheet.columns.rates === undefined) return rates;
  for (const { row, cells } of sheet.items('rates', 2)) {
    const code = text(cells[0]).toUpperCase();
    const rate = cells[1];
    const fault = !/^[A-Z]{3}$/.test(code)
      ? [0, `"${text(cells[0])}" is not a currency code: write three letters such as EUR`]
      : code === home
        ? [0, `${code} is the CRM's own currency (General): it needs no rate`]
        : code in rates
          ? [0, `${code} is listed twice: keep one rate`]
          : typeof rate !== 'number' || !(rate > 0) || !Number.isFinite(rate)
            ? [
                1,
                `The rate for ${code} must be a number above 0: what 1 ${code} is worth in ${home ?? 'the CRM currency'}`,
              ]
            : null;
    if (fault) sheet.problem('rates', row, fault[0] as number, fault[1] as string);
    else rates[code] = rate as number;
  }
  return rates;
}
