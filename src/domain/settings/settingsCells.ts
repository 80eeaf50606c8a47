// Converts between Settings and the cells of the CRM Settings tab: renders defaults for setup, and
// parses what users typed, validating every row with its schema and naming the cell of each problem.
import { FIELD_BY_KEY } from '../../shared/fields';
import { FORECAST_CATEGORIES, type Settings, type StageDef } from '../../shared/settings';
import {
  BLOCKS,
  defaultBlockColumns,
  FIRST_ITEM_ROW,
  GENERAL_LABELS,
  HEADER_ROW,
  TITLE_ROW,
  type BlockKey,
} from './settingsLayout';
import { EXIT_TARGETS, proposedStage } from './exportTargets';
import {
  parseBoard,
  parseRates,
  parseGeneral,
  parseLostReasons,
  parseOwners,
  parseSegmentRules,
  parseStages,
  parseTargets,
  SettingsSheet,
  type Cell,
  type SettingsProblem,
} from './settingsBlocks';
import { maxOf } from '../../shared/manyValues';

export type { Cell, SettingsProblem } from './settingsBlocks';

export type ParsedSettings =
  | { ok: true; settings: Settings; columns: Record<BlockKey, number> }
  | { ok: false; problems: SettingsProblem[] };

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

/** The whole Settings tab as a grid (row 1 titles, row 2 headers, items below) for a fresh setup. */
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
    rates: Object.entries(s.rates ?? {}),
    exportMap: s.stages.map((st) => [st.name, ...EXIT_TARGETS.map((t) => proposedStage(st, t))]),
  };
  const width = maxOf(BLOCKS.map((b) => cols[b.key] + b.headers.length - 1));
  const height = FIRST_ITEM_ROW - 1 + maxOf(Object.values(blocks).map((rows) => rows.length));
  const grid: Cell[][] = Array.from({ length: height }, () => Array<Cell>(width).fill(''));
  for (const b of BLOCKS) {
    const c0 = cols[b.key] - 1;
    grid[TITLE_ROW - 1][c0] = b.title;
    b.headers.forEach((h, i) => (grid[HEADER_ROW - 1][c0 + i] = h));
    blocks[b.key].forEach((row, r) => row.forEach((v, i) => (grid[FIRST_ITEM_ROW - 1 + r][c0 + i] = v)));
  }
  return grid;
}

/** Parses the Settings tab's values (as getValues returns them), reporting every problem by cell. */
export function parseSettings(values: Cell[][], timeZone: string): ParsedSettings {
  const sheet = new SettingsSheet(values, timeZone);
  if (sheet.problems.length) return { ok: false, problems: sheet.problems };
  const stages = parseStages(sheet);
  const lostReasons = parseLostReasons(sheet);
  const owners = parseOwners(sheet);
  const segmentRules = parseSegmentRules(sheet);
  const targets = parseTargets(sheet, owners);
  const general = parseGeneral(sheet);
  const board = parseBoard(sheet);
  const rates = parseRates(sheet, general?.currency);
  if (sheet.problems.length || !general) return { ok: false, problems: sheet.problems };
  return {
    ok: true,
    columns: sheet.columns,
    settings: {
      stages,
      lostReasons,
      leadSources: sheet.column('leadSources'),
      owners,
      industries: sheet.column('industries'),
      segmentRules,
      targets,
      general,
      board,
      rates,
    },
  };
}
