// The board sheet as one Sheets API batchUpdate: a fresh sheet with every value, number format and bold
// row, and its charts, replacing the previous sheet in the same request, so an update is one call and
// the file is never seen half-written.
import type { ReportCell, ReportGrid } from '../core/reportGrid';
import type { BoardChart } from './boardReport';
import { maxOf, pushAll } from '../../shared/manyValues';

export const BOARD_SHEET = 'Board';
export const DEFINITIONS_SHEET = 'Board definitions';
/** The definitions tab's sheet id: the Board tab's plus this. */
export const DEFINITIONS_OFFSET = 1_000_000;

type Request = Record<string, unknown>;

function cellData(c: ReportCell, format: string, bold: boolean): Record<string, unknown> {
  const value =
    typeof c === 'number'
      ? { numberValue: c }
      : typeof c === 'boolean'
        ? { boolValue: c }
        : c instanceof Date
          ? { stringValue: c.toISOString().slice(0, 10) }
          : typeof c === 'object' && c !== null
            ? { stringValue: '' }
            : { stringValue: String(c ?? '') };
  const userEnteredFormat: Record<string, unknown> = {};
  if (format && typeof c === 'number') userEnteredFormat.numberFormat = { type: 'NUMBER', pattern: format };
  if (bold) userEnteredFormat.textFormat = { bold: true };
  return { userEnteredValue: value, userEnteredFormat };
}

/** Requests that add a sheet `sheetId` titled `title` at `index` holding `grid` (frozen header rows). */
function sheetRequests(
  grid: ReportGrid,
  sheetId: number,
  title: string,
  index: number,
  size: { rows: number; columns: number },
  old: number | null,
): Request[] {
  const requests: Request[] = [
    {
      addSheet: {
        properties: {
          sheetId,
          title: `${title} ${sheetId}`,
          index,
          gridProperties: { rowCount: size.rows, columnCount: size.columns, frozenRowCount: 2 },
        },
      },
    },
  ];
  if (old !== null) requests.push({ deleteSheet: { sheetId: old } });
  requests.push({ updateSheetProperties: { properties: { sheetId, title }, fields: 'title' } });
  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      fields: 'userEnteredValue,userEnteredFormat',
      rows: grid.rows.map((row, r) => ({
        values: row.map((c, i) => cellData(c, grid.formats[r]?.[i] ?? '', grid.bold[r] ?? false)),
      })),
    },
  });
  return requests;
}

/**
 * Requests that put `grid` and `charts` on a new sheet `newSheetId` titled "Board", removing the sheet
 * `oldSheetId` (the previous version) when there is one, and copying it as `pack` when given; and
 * `definitions` on the Board definitions tab (sheet id: the Board's plus DEFINITIONS_OFFSET), replacing
 * the previous one when `hadDefinitions`.
 */
export function boardRequests(
  report: { grid: ReportGrid; charts: readonly BoardChart[]; definitions: ReportGrid },
  oldSheetId: number | null,
  newSheetId: number,
  { pack = null, hadDefinitions = false }: { pack?: string | null; hadDefinitions?: boolean } = {},
): Request[] {
  const { grid, charts, definitions } = report;
  const width = Math.max(grid.width, maxOf(charts.map((c) => c.anchorColumn + 8)), 1);
  const rows = Math.max(grid.rows.length, maxOf(charts.map((c) => c.anchorRow + 20)), 1);
  const requests = sheetRequests(grid, newSheetId, BOARD_SHEET, 0, { rows, columns: width }, oldSheetId);
  for (const c of charts) requests.push(chartRequest(c, newSheetId));
  const defsId = newSheetId + DEFINITIONS_OFFSET;
  const oldDefs = hadDefinitions && oldSheetId !== null ? oldSheetId + DEFINITIONS_OFFSET : null;
  const size = { rows: Math.max(definitions.rows.length, 1), columns: Math.max(definitions.width, 1) };
  pushAll(requests, sheetRequests(definitions, defsId, DEFINITIONS_SHEET, 1, size, oldDefs));
  // The pack of a board meeting: a frozen copy, kept beside the Board tab (the next update replaces
  // only that).
  if (pack)
    requests.push({ duplicateSheet: { sourceSheetId: newSheetId, insertSheetIndex: 2, newSheetName: pack } });
  return requests;
}

/** The addChart request of one board chart on sheet `sheetId`. */
function chartRequest(c: BoardChart, sheetId: number): Request {
  const range = (col: number) => ({
    sheetId,
    startRowIndex: c.headerRow,
    endRowIndex: c.headerRow + 1 + c.rows,
    startColumnIndex: col,
    endColumnIndex: col + 1,
  });
  const source = (col: number) => ({ sourceRange: { sources: [range(col)] } });
  const spec =
    c.type === 'PIE'
      ? {
          title: c.title,
          pieChart: {
            legendPosition: 'RIGHT_LEGEND',
            domain: source(c.columns[0]),
            series: source(c.columns[1]),
          },
        }
      : {
          title: c.title,
          basicChart: {
            chartType: c.type,
            legendPosition: 'BOTTOM_LEGEND',
            headerCount: 1,
            domains: [{ domain: source(c.columns[0]) }],
            series: c.columns.slice(1).map((col) => ({ series: source(col), targetAxis: 'LEFT_AXIS' })),
          },
        };
  return {
    addChart: {
      chart: {
        spec,
        position: {
          overlayPosition: { anchorCell: { sheetId, rowIndex: c.anchorRow, columnIndex: c.anchorColumn } },
        },
      },
    },
  };
}
