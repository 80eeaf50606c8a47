// The board sheet as one Sheets API batchUpdate: a fresh sheet with every value, number format and bold
// row, and its charts, replacing the previous sheet in the same request, so an update is one call and
// the file is never seen half-written.
import type { ReportCell, ReportGrid } from '../core/reportGrid';
import type { BoardChart } from './boardReport';

export const BOARD_SHEET = 'Board';

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

/**
 * Requests that put `grid` and `charts` on a new sheet `newSheetId` titled "Board", removing the sheet
 * `oldSheetId` (the previous version) when there is one, and copying it as `pack` when given.
 */
export function boardRequests(
  grid: ReportGrid,
  charts: readonly BoardChart[],
  oldSheetId: number | null,
  newSheetId: number,
  pack: string | null = null,
): Request[] {
  const width = Math.max(grid.width, ...charts.map((c) => c.anchorColumn + 8), 1);
  const rows = Math.max(grid.rows.length, ...charts.map((c) => c.anchorRow + 20), 1);
  const requests: Request[] = [
    {
      addSheet: {
        properties: {
          sheetId: newSheetId,
          title: `${BOARD_SHEET} ${newSheetId}`,
          index: 0,
          gridProperties: { rowCount: rows, columnCount: width, frozenRowCount: 2 },
        },
      },
    },
  ];
  if (oldSheetId !== null) requests.push({ deleteSheet: { sheetId: oldSheetId } });
  requests.push({
    updateSheetProperties: { properties: { sheetId: newSheetId, title: BOARD_SHEET }, fields: 'title' },
  });
  requests.push({
    updateCells: {
      start: { sheetId: newSheetId, rowIndex: 0, columnIndex: 0 },
      fields: 'userEnteredValue,userEnteredFormat',
      rows: grid.rows.map((row, r) => ({
        values: row.map((c, i) => cellData(c, grid.formats[r]?.[i] ?? '', grid.bold[r] ?? false)),
      })),
    },
  });
  for (const c of charts) requests.push(chartRequest(c, newSheetId));
  // The pack of a board meeting: a frozen copy, kept beside the Board tab (the next update replaces
  // only that).
  if (pack)
    requests.push({ duplicateSheet: { sourceSheetId: newSheetId, insertSheetIndex: 1, newSheetName: pack } });
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
