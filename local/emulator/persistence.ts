// Saves a whole emulated workbook (cells, formats, validation, rules, protections, charts, metadata,
// triggers, properties, clock) to JSON and loads it back. The format is described in README.md.
import { isDate } from './wallClock';
import { isEmptyCell, newCell, sharedFormatCell, type Cell } from './cell';
import type { CellValue } from './cellValues';
import { EmbeddedChart, type ChartSpec } from './charts';
import type { EmulatorEnv } from './env';
import { ConditionalFormatRule, type FormatRuleSpec } from './formatRules';
import { DeveloperMetadata, type MetadataSpec } from './metadata';
import { Protection, type ProtectionSpec } from './protection';
import type { Range } from './range';
import { Spreadsheet } from './spreadsheet';
import type { PropertiesServiceEmulator } from './stores';
import { Trigger, type ScriptAppService, type TriggerSpec } from './triggers';
import { DataValidation, type RuleSpec } from './validation';

export const WORKBOOK_FORMAT = 'sheets-crm-emulator-workbook';
export const WORKBOOK_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface SavedCell {
  r: number;
  c: number;
  v?: Json;
  f?: string;
  nf?: string;
  bg?: string;
  fw?: string;
  fc?: string;
  note?: string;
  dv?: number;
}

export interface SavedWorkbook {
  format: string;
  version: number;
  clock: string;
  nextId: number;
  spreadsheet: {
    id: string;
    name: string;
    owner: string;
    timeZone: string;
    locale: string;
    activeSheet: string | null;
    metadata: MetadataSpec[];
    validations: Json[];
    sheets: {
      name: string;
      id: number;
      maxRows: number;
      maxColumns: number;
      frozenRows: number;
      frozenColumns: number;
      hidden: boolean;
      tabColor: string | null;
      columnWidths: Record<string, number>;
      hiddenColumns: number[];
      cells: SavedCell[];
      conditionalRules: FormatRuleSpec[];
      protections: ProtectionSpec[];
      charts: ChartSpec[];
      metadata: MetadataSpec[];
    }[];
  };
  triggers: TriggerSpec[];
  properties: {
    script: Record<string, string>;
    document: Record<string, string>;
    users: Record<string, Record<string, string>>;
  };
  /** Files the script created (the board workbook): their owner, sharing and content. */
  files?: {
    owner: string;
    /** Whose authorization made it (drive.file reach); absent in older saves: the owner. */
    appUsers?: string[];
    permissions: import('./drive').Permission[];
    spreadsheet: SavedWorkbook['spreadsheet'];
  }[];
}

/** A cell's fields saved as they are (its value and validation rule are encoded apart). */
const CELL_FIELDS = ['f', 'nf', 'bg', 'fw', 'fc', 'note'] as const;

/** A value as a JSON round trip leaves it: -0 as 0, a number that is not finite as null. */
function jsonValue(v: Json): Json {
  if (typeof v !== 'number') return v;
  return Number.isFinite(v) ? v + 0 : null;
}

function encodeValue(v: CellValue): Json {
  return isDate(v) ? { $date: v.toISOString() } : v;
}
function decodeValue(v: Json | undefined): CellValue {
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.$date === 'string')
    return new Date(v.$date);
  return (v ?? '') as CellValue;
}

function encodeRule(spec: RuleSpec): Json {
  const values = spec.values.map((x): Json => {
    if (isDate(x)) return { $date: x.toISOString() };
    if (x && typeof x === 'object' && 'box' in x) {
      const r = x as Range;
      return { $range: { sheetName: r.sheet.name, a1: r.getA1Notation() } };
    }
    return x as Json;
  });
  return { criteria: spec.criteria, values, allowInvalid: spec.allowInvalid, helpText: spec.helpText };
}

/** Serialises the spreadsheet and the script's state into the documented JSON form. */
export function saveWorkbook(
  env: EmulatorEnv,
  ss: Spreadsheet,
  scriptApp: ScriptAppService,
  props: PropertiesServiceEmulator,
): SavedWorkbook {
  const validations: Json[] = [];
  const dvIndex = new Map<DataValidation, number>();
  const saved = env.acc.snapshot();
  const sheets = ss.sheets.map((sheet) => {
    // Cells are built here as plain JSON (fresh objects of strings and numbers), so they skip the
    // JSON round trip that detaches the rest (a saved tab of 100,000 cells spent most of its save there).
    const cells: SavedCell[] = [];
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const out: SavedCell = { r: r + 1, c: c + 1 };
        let kept = false;
        if (cell.v !== '') {
          out.v = jsonValue(encodeValue(cell.v));
          kept = true;
        }
        for (const k of CELL_FIELDS)
          if (cell[k]) {
            out[k] = cell[k];
            kept = true;
          }
        if (cell.dv) {
          let i = dvIndex.get(cell.dv);
          if (i === undefined) {
            i = validations.push(encodeRule(cell.dv.spec)) - 1;
            dvIndex.set(cell.dv, i);
          }
          out.dv = i;
          kept = true;
        }
        if (kept) cells.push(out);
      }),
    );
    return {
      name: sheet.name,
      id: sheet.id,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      hidden: sheet.hidden,
      tabColor: sheet.tabColor,
      columnWidths: Object.fromEntries(Object.entries(sheet.columnWidths).sort(([a], [b]) => +a - +b)),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      cells,
      conditionalRules: sheet.conditionalRules.map((r) => r.spec),
      protections: sheet.protections.filter((p) => !p.removed).map((p) => p.spec),
      charts: sheet.charts.map((c) => c.spec),
      metadata: sheet.metadata.map((m) => m.spec),
    };
  });
  // Serialising reads ranges for validation specs; that is not the script's work, so undo the count.
  env.acc.restore(saved);
  const users: Record<string, Record<string, string>> = {};
  for (const [email, p] of [...props.users.entries()].sort()) users[email] = { ...p.data };
  const detached: SavedWorkbook = JSON.parse(
    JSON.stringify({
      format: WORKBOOK_FORMAT,
      version: WORKBOOK_VERSION,
      clock: new Date(env.nowMs).toISOString(),
      nextId: env.lastId,
      spreadsheet: {
        id: ss.id,
        name: ss.name,
        owner: ss.owner,
        timeZone: ss.timeZone,
        locale: ss.locale,
        activeSheet: ss.activeSheet?.name ?? null,
        metadata: ss.metadata.map((m) => m.spec),
        validations,
        sheets: sheets.map((sh) => ({ ...sh, cells: [] })),
      },
      triggers: scriptApp.triggers.map((t) => t.spec),
      properties: { script: { ...props.script.data }, document: { ...props.document.data }, users },
    }),
  );
  detached.spreadsheet.sheets.forEach((sh, i) => (sh.cells = sheets[i].cells));
  return detached;
}

/**
 * Rebuilds a spreadsheet and script state from a saved workbook, into fresh services. Nothing of `data`
 * is kept (the parts held on to are copied), so one saved workbook can seed any number of emulators.
 */
export function loadWorkbook(
  env: EmulatorEnv,
  saved: SavedWorkbook,
  scriptApp: ScriptAppService,
  props: PropertiesServiceEmulator,
): Spreadsheet {
  if (saved.format !== WORKBOOK_FORMAT || saved.version !== WORKBOOK_VERSION)
    throw new Error(`Not a saved workbook of format ${WORKBOOK_FORMAT} version ${WORKBOOK_VERSION}.`);
  // Cells are copied field by field below; the small specs held on to are cloned here.
  const data: SavedWorkbook = {
    ...saved,
    spreadsheet: {
      ...saved.spreadsheet,
      metadata: structuredClone(saved.spreadsheet.metadata),
      validations: structuredClone(saved.spreadsheet.validations),
      sheets: saved.spreadsheet.sheets.map((sh) => ({
        ...sh,
        conditionalRules: structuredClone(sh.conditionalRules),
        protections: structuredClone(sh.protections),
        charts: structuredClone(sh.charts),
        metadata: structuredClone(sh.metadata),
      })),
    },
    triggers: structuredClone(saved.triggers),
  };
  env.nowMs = Date.parse(data.clock);
  env.seedIds(data.nextId);
  const s = data.spreadsheet;
  const ss = new Spreadsheet(env, s.id, s.name, s.owner);
  ss.timeZone = s.timeZone;
  ss.locale = s.locale;
  ss.metadata = [];
  for (const m of s.metadata) ss.metadata.push(new DeveloperMetadata(env, { ...m }, ss.metadata));
  const resolve = (r: { sheetName: string; a1: string }) => ss.resolveRange(r);
  for (const saved of s.sheets) {
    const sheet = ss.addSheet(saved.name, undefined, saved.maxRows, saved.maxColumns, saved.id);
    Object.assign(sheet, {
      frozenRows: saved.frozenRows,
      frozenColumns: saved.frozenColumns,
      hidden: saved.hidden,
      tabColor: saved.tabColor,
      columnWidths: Object.fromEntries(Object.entries(saved.columnWidths).map(([k, v]) => [Number(k), v])),
      hiddenColumns: [...saved.hiddenColumns],
    });
    sheet.conditionalRules = saved.conditionalRules.map(
      (spec) => new ConditionalFormatRule(env, spec, resolve),
    );
    sheet.protections = saved.protections.map(
      (spec) => new Protection(env, { ...spec }, (b) => sheet.rangeAt(b.row, b.col, b.numRows, b.numCols)),
    );
    sheet.charts = saved.charts.map((spec) => new EmbeddedChart(env, spec, resolve));
    for (const m of saved.metadata) sheet.metadata.push(new DeveloperMetadata(env, { ...m }, sheet.metadata));
  }
  // Validation rules may point at ranges of any sheet, so they are decoded once every sheet exists.
  const rules = s.validations.map((j) => {
    const o = j as {
      criteria: RuleSpec['criteria'];
      values: Json[];
      allowInvalid: boolean;
      helpText: string | null;
    };
    const values = o.values.map((x) => {
      if (x && typeof x === 'object' && !Array.isArray(x)) {
        if (typeof x.$date === 'string') return new Date(x.$date);
        if (x.$range) return resolve(x.$range as { sheetName: string; a1: string });
      }
      return x;
    });
    return new DataValidation(env, {
      criteria: o.criteria,
      values,
      allowInvalid: o.allowInvalid,
      helpText: o.helpText,
    });
  });
  s.sheets.forEach((saved, i) => {
    const grid = gridOf(saved.cells);
    ss.sheets[i].setGrid(copyGrid(grid, rules), grid.lastRow);
  });
  ss.activeSheet = ss.sheets.find((x) => x.name === s.activeSheet) ?? ss.sheets[0] ?? null;
  scriptApp.triggers = data.triggers.map((t) => new Trigger(env, { ...t }));
  Object.assign(props.script.data, data.properties.script);
  Object.assign(props.document.data, data.properties.document);
  for (const [email, p] of Object.entries(data.properties.users))
    Object.assign(props.userStore(email).data, p);
  return ss;
}

/** A saved tab's cells decoded once: their rows, and where a cell has a validation rule (by index). */
interface DecodedGrid {
  rows: (Cell | undefined)[][];
  ruled: [row: number, col: number, rule: number][];
  /** The last row holding a value or formula (0: none). */
  lastRow: number;
}

/**
 * Decoded grids by the saved cells they came from. Race probes load one saved workbook into hundreds
 * of emulators, and decoding and copying its cells was most of each load. A saved workbook is not
 * changed once loaded (save() makes a new one), so its decoding is kept, its cells frozen, and every
 * load shares them: Sheet.cellAt gives a tab its own copy of a frozen cell before anything changes it.
 */
const decoded = new WeakMap<SavedCell[], DecodedGrid>();
/** An empty cell with no format: saved only when it has a rule, which copyGrid then gives it. */
const NO_FORMAT = Object.freeze(newCell());

function gridOf(cells: SavedCell[]): DecodedGrid {
  const known = decoded.get(cells);
  if (known) return known;
  const grid: DecodedGrid = { rows: [], ruled: [], lastRow: 0 };
  for (const sc of cells) {
    const cell = newCell({ v: decodeValue(sc.v) });
    for (const k of ['f', 'nf', 'bg', 'fw', 'fc', 'note'] as const) if (sc[k]) cell[k] = sc[k];
    const empty = isEmptyCell(cell);
    if (!empty) grid.lastRow = Math.max(grid.lastRow, sc.r);
    // Empty cells alike are one shared cell (cell.ts), also under a rule (copyGrid keeps it so).
    (grid.rows[sc.r - 1] ??= [])[sc.c - 1] = empty
      ? (sharedFormatCell(cell) ?? NO_FORMAT)
      : Object.freeze(cell);
    if (sc.dv !== undefined) grid.ruled.push([sc.r - 1, sc.c - 1, sc.dv]);
  }
  decoded.set(cells, grid);
  return grid;
}

/**
 * A loaded tab's rows: the decoded (frozen) cells shared, and cells with a rule given this load's rule
 * (empty ones shared again, one per former cell and rule).
 */
function copyGrid(grid: DecodedGrid, rules: DataValidation[]): (Cell | undefined)[][] {
  const rows = grid.rows.map((row) => row.slice());
  const ruledAs = new Map<Cell, Map<DataValidation, Cell>>();
  for (const [r, c, rule] of grid.ruled) {
    const base = rows[r][c]!;
    const dv = rules[rule];
    if (!isEmptyCell(base)) {
      rows[r][c] = Object.freeze(newCell({ ...base, dv }));
      continue;
    }
    let byRule = ruledAs.get(base);
    if (!byRule) ruledAs.set(base, (byRule = new Map()));
    let ruled = byRule.get(dv);
    if (!ruled) byRule.set(dv, (ruled = sharedFormatCell(newCell({ ...base, dv }))!));
    rows[r][c] = ruled;
  }
  return rows;
}
