// Converts between Settings and the cells of the CRM Settings tab: renders defaults for setup, and
// parses what users typed, validating every row with zod and naming the cell of each problem.
import { FIELD_BY_KEY, FIELDS, REQUIRABLE, type FieldKey } from '../../shared/fields';
import { FORECAST_CATEGORIES, type Settings, type StageDef } from '../../shared/settings';
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
  defaultBlockColumns,
  FIRST_ITEM_ROW,
  GENERAL_LABELS,
  HEADER_ROW,
  OPTIONAL_BLOCKS,
  settingsCell,
  TITLE_ROW,
  type BlockKey,
} from './settingsLayout';
import { looseKey } from '../values/text';

export type Cell = string | number | boolean | Date;

export interface SettingsProblem {
  /** "CRM Settings!C5", or the tab name for problems of the whole tab. */
  cell: string;
  message: string;
}

export type ParsedSettings =
  | { ok: true; settings: Settings; columns: Record<BlockKey, number> }
  | { ok: false; problems: SettingsProblem[] };

/** The whole Settings tab as a grid (row 1 titles, row 2 headers, items below) for a fresh setup. */
/** The Stages block's rows for a list of stages, as the Settings tab holds them. */
export function stageRows(stages: readonly StageDef[]): Cell[][] {
  return stages.map((st) => [
    st.name,
    st.type,
    st.probability,
    st.category,
    st.required.map((k) => FIELD_BY_KEY[k].header).join(', '),
    st.staleAfterDays ?? '',
  ]);
}

export function renderSettings(s: Settings): Cell[][] {
  const cols = defaultBlockColumns();
  const blocks: Record<BlockKey, Cell[][]> = {
    stages: stageRows(s.stages),
    lostReasons: s.lostReasons.map((r) => [r.name, r.requiresCompetitor]),
    leadSources: s.leadSources.map((x) => [x]),
    owners: s.owners.map((o) => [o.name, o.email]),
    industries: s.industries.map((x) => [x]),
    segmentRules: s.segmentRules.map((r) => [
      r.segment,
      r.industries.join(', '),
      r.minEmployees ?? '',
      r.maxEmployees ?? '',
    ]),
    targets: s.targets.map((t) => [t.month, t.owner ?? '', t.amount]),
    general: (Object.keys(GENERAL_LABELS) as (keyof typeof GENERAL_LABELS)[]).map((k) => [
      GENERAL_LABELS[k],
      s.general[k] ?? '',
    ]),
    categories: FORECAST_CATEGORIES.map((c) => [c]),
    board: Array.from({ length: Math.max(1, s.board.members.length, s.board.meetings.length) }, (_, i) => [
      s.board.members[i] && s.board.notify?.includes(s.board.members[i])
        ? `${s.board.members[i]} (notify)`
        : (s.board.members[i] ?? ''),
      s.board.meetings[i] ?? '',
      i === 0 ? s.board.minimumGroup : '',
    ]),
  };
  const width = Math.max(...BLOCKS.map((b) => cols[b.key] + b.headers.length - 1));
  const height = FIRST_ITEM_ROW - 1 + Math.max(...Object.values(blocks).map((rows) => rows.length));
  const grid: Cell[][] = Array.from({ length: height }, () => Array<Cell>(width).fill(''));
  for (const b of BLOCKS) {
    const c0 = cols[b.key] - 1;
    grid[TITLE_ROW - 1][c0] = b.title;
    b.headers.forEach((h, i) => (grid[HEADER_ROW - 1][c0 + i] = h));
    blocks[b.key].forEach((row, r) => row.forEach((v, i) => (grid[FIRST_ITEM_ROW - 1 + r][c0 + i] = v)));
  }
  return grid;
}

const text = (v: Cell): string => (isDate(v) ? '' : String(v).trim());
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

/** Parses the Settings tab's values (as getValues returns them), reporting every problem by cell. */
export function parseSettings(values: Cell[][], timeZone: string): ParsedSettings {
  const problems: SettingsProblem[] = [];
  const titles = values[TITLE_ROW - 1] ?? [];
  const columns = {} as Record<BlockKey, number>;
  for (const b of BLOCKS) {
    const c = titles.findIndex((v) => looseKey(v) === looseKey(b.title));
    if (c < 0 && OPTIONAL_BLOCKS.includes(b.key)) continue;
    if (c < 0)
      problems.push({
        cell: `CRM Settings!1:1`,
        message: `The "${b.title}" block is missing: its title should be in row 1.`,
      });
    else columns[b.key] = c + 1;
  }
  if (problems.length) return { ok: false, problems };

  /** Non-empty item rows of a block, with their sheet row numbers. */
  const items = (key: BlockKey, width: number) => {
    const c0 = columns[key] - 1;
    const out: { row: number; cells: Cell[] }[] = [];
    for (let r = FIRST_ITEM_ROW - 1; r < values.length; r++) {
      const cells = Array.from({ length: width }, (_, i) => values[r]?.[c0 + i] ?? '');
      if (cells.some((v) => text(v) !== '')) out.push({ row: r + 1, cells });
    }
    return out;
  };
  const problem = (key: BlockKey, row: number, offset: number, message: string) =>
    problems.push({ cell: settingsCell(row, columns[key] + offset), message });
  const check = <T>(
    key: BlockKey,
    row: number,
    order: string[],
    result: {
      success: boolean;
      data?: unknown;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    },
  ): T | null => {
    const issue = firstIssue(result);
    if (issue) {
      problem(key, row, Math.max(0, order.indexOf(issue.key)), issue.message);
      return null;
    }
    return result.data as T;
  };

  const stages: StageDef[] = [];
  for (const { row, cells } of items('stages', 6)) {
    const required: FieldKey[] = [];
    for (const name of list(cells[4])) {
      const key = fieldByName(name);
      if (key) required.push(key);
      else
        problem(
          'stages',
          row,
          4,
          `"${name}" is not a field a stage can require. Use: ${REQUIRABLE.map((k) => FIELD_BY_KEY[k].header).join(', ')}.`,
        );
    }
    const parsed = check<StageDef>(
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
    if (stages.some((s) => looseKey(s.name) === looseKey(parsed.name)))
      problem('stages', row, 0, `The stage "${parsed.name}" is listed twice. Stage names must be unique.`);
    else stages.push(parsed);
  }
  if (items('stages', 6).length === 0)
    problem(
      'stages',
      FIRST_ITEM_ROW,
      0,
      'There are no stages. List at least one open stage, one Won and one Lost stage.',
    );
  else {
    for (const type of ['Open', 'Won', 'Lost'] as const)
      if (!problems.length && !stages.some((s) => s.type === type))
        problem(
          'stages',
          FIRST_ITEM_ROW,
          1,
          `No stage has the type ${type}. The CRM needs at least one ${type} stage.`,
        );
  }

  const lostReasons = items('lostReasons', 2)
    .map(({ row, cells }) =>
      check<Settings['lostReasons'][number]>(
        'lostReasons',
        row,
        ['name', 'requiresCompetitor'],
        lostReasonRow.safeParse({
          name: text(cells[0]),
          requiresCompetitor: cells[1] === '' ? false : cells[1],
        }),
      ),
    )
    .filter((x): x is Settings['lostReasons'][number] => x !== null);
  const owners = items('owners', 2)
    .map(({ row, cells }) =>
      check<Settings['owners'][number]>(
        'owners',
        row,
        ['name', 'email'],
        ownerRow.safeParse({ name: text(cells[0]), email: text(cells[1]) }),
      ),
    )
    .filter((x): x is Settings['owners'][number] => x !== null);
  const segmentRules = items('segmentRules', 4)
    .map(({ row, cells }) => {
      const rule = check<Settings['segmentRules'][number]>(
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
        problem(
          'segmentRules',
          row,
          3,
          `Max employees (${rule.maxEmployees}) is below Min employees (${rule.minEmployees}).`,
        );
        return null;
      }
      return rule;
    })
    .filter((x): x is Settings['segmentRules'][number] => x !== null);
  const targets = items('targets', 3)
    .map(({ row, cells }) => {
      const month = isDate(cells[0]) ? isoMonth(cells[0], timeZone) : text(cells[0]);
      return check<Settings['targets'][number]>(
        'targets',
        row,
        ['month', 'owner', 'amount'],
        targetRow.safeParse({ month, owner: text(cells[1]) || null, amount: cells[2] }),
      );
    })
    .filter((x): x is Settings['targets'][number] => x !== null);

  const generalRows = items('general', 2);
  const generalRaw: Record<string, unknown> = {};
  const generalRowOf: Record<string, number> = {};
  for (const [key, label] of Object.entries(GENERAL_LABELS)) {
    const hit = generalRows.find(
      (g) => looseKey(g.cells[0]) === looseKey(label) || looseKey(label).startsWith(looseKey(g.cells[0])),
    );
    if (!hit) {
      problems.push({
        cell: settingsCell(FIRST_ITEM_ROW, columns.general),
        message: `The General setting "${label}" is missing.`,
      });
      continue;
    }
    const v = hit.cells[1];
    generalRaw[key] = key === 'timedOutAfterDays' ? optionalNumber(v) : typeof v === 'number' ? v : text(v);
    generalRowOf[key] = hit.row;
  }
  let general: Settings['general'] | null = null;
  if (Object.keys(generalRowOf).length === Object.keys(GENERAL_LABELS).length) {
    const result = generalSettings.safeParse(generalRaw);
    const issue = firstIssue(result);
    if (issue) problem('general', generalRowOf[issue.key] ?? FIRST_ITEM_ROW, 1, issue.message);
    else general = result.data as Settings['general'];
  }

  const column = (key: BlockKey) => items(key, 1).map(({ cells }) => text(cells[0]));
  const board = parseBoard(
    columns.board === undefined ? [] : items('board', 3),
    timeZone,
    (row, offset, message) => problem('board', row, offset, message),
  );
  if (problems.length || !general) return { ok: false, problems };
  return {
    ok: true,
    columns,
    settings: {
      stages,
      lostReasons,
      leadSources: column('leadSources'),
      owners,
      industries: column('industries'),
      segmentRules,
      targets,
      general,
      board,
    },
  };
}

/** The Board block: member emails, meeting dates, and the smallest group shown (3 unless set). */
function parseBoard(
  rows: { row: number; cells: Cell[] }[],
  timeZone: string,
  problem: (row: number, offset: number, message: string) => void,
): Settings['board'] {
  const board: Settings['board'] = { members: [], meetings: [], minimumGroup: 3, notify: [] };
  rows.forEach(({ row, cells }, i) => {
    const written = text(cells[0]);
    // "chair@board.example (notify)": shared with Google's invitation e-mail.
    const notify = /\s*\(notify\)$/i.exec(written);
    const email = notify ? written.slice(0, notify.index) : written;
    if (email) {
      if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
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
