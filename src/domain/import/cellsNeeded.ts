// The cells a conversion adds to the spreadsheet, estimated before anything is written, so that an
// import Google's 10-million-cell limit cannot hold is refused whole rather than failing half-way (the
// export's tab cleared, its rows only in the backup). Two figures: what Convert itself writes (the
// backup copy of the export's tab, the tab grown to hold the deals, History's new rows), and what the
// first refresh then adds (a row per deal in its segment's list, a row per deal in the History index,
// each owner's first rows in Data issues). Both err on the high side, never the low one: rows a tab
// already has to spare are not counted on, and each tab Set up makes is counted as the 1,000 rows by 26
// columns a new tab comes with (it keeps fewer). Near the limit, an import's History goes mostly into
// the History archive, many rows to a cell (historyCells).
import { KEEP_ROWS, packedCellsAtMost } from '../history/historyArchive';
import { HISTORY_HEADERS } from '../history/historyEntry';
import { dataIssuesReport, ISSUES_LISTED_PER_OWNER, segmentReport } from '../reports/dealListReports';

/** A tab's grid: rows and columns, every cell counted whether it holds anything or not. */
export interface Grid {
  rows: number;
  cols: number;
}

export interface ConversionSize {
  /**
   * The export's tab, rewritten as the Deals tab after a backup copy of it is made; null when the
   * deals go into a Deals tab that already holds some (the export's tab is left as it is).
   */
  source: Grid | null;
  /**
   * The Deals tab the deals are added to (when `source` is null), and how many of the converted
   * columns it lacks (added at its end).
   */
  deals: (Grid & { newColumns: number }) | null;
  /** Deals converted, and the converted tab's width (its header). */
  converted: number;
  width: number;
  /** Deals the CRM holds after (those it held and the new ones). */
  total: number;
  /** History rows the conversion adds ("Date entered" columns), and where they go. */
  history: HistorySize;
  /** Owners the CRM knows after: Data issues lists each one's first rows (and those of no owner). */
  owners: number;
  /** Tabs Set up will make (CRM Settings, History, the report tabs: those missing). */
  tabsToMake: number;
}

/**
 * The History an import adds: as rows, or near the limit (`archive`) mostly packed into the archive:
 * the rows History holds moved there first, then the new ones, History keeping the newest KEEP_ROWS.
 */
export interface HistorySize {
  rows: number;
  archive: {
    /** rows History holds now */
    held: number;
    /** the longest line a new row packs to (lineAtMost) */
    lineMax: number;
    /** whether the archive tab is made */
    makeTab: boolean;
  } | null;
}

/**
 * The most cells an import's History adds. Archived, History's own rows are counted as a cell each
 * (label and text), since they are written to the archive before History lets them go.
 */
export function historyCells({ rows, archive }: HistorySize): number {
  const width = HISTORY_HEADERS.length;
  if (!archive) return rows * width;
  return (
    Math.min(rows, KEEP_ROWS) * width +
    archive.held * 2 +
    packedCellsAtMost(rows, archive.lineMax) +
    (archive.makeTab ? NEW_TAB_CELLS : 0)
  );
}

/** History index: a row per deal, two columns (the Deal ID and its stage moves). */
const INDEX_WIDTH = 2;
/** A new tab's grid in Sheets. */
const NEW_TAB_CELLS = 1000 * 26;

/** The estimate: cells Convert writes beyond those held now, and those the first refresh adds. */
export function cellsNeeded(size: ConversionSize): { conversion: number; reports: number } {
  const { source, deals, converted, width, total, history, owners, tabsToMake } = size;
  const added = historyCells(history) + tabsToMake * NEW_TAB_CELLS;
  const conversion = source
    ? // the backup copies the tab whole; the tab then grows to hold the header and every deal
      source.rows * source.cols +
      Math.max(source.rows, converted + 1) * Math.max(source.cols, width) -
      source.rows * source.cols +
      added
    : // every deal could be new (the match by Deal ID is made while writing), below the rows it has
      (deals ? (deals.rows + converted) * (deals.cols + deals.newColumns) - deals.rows * deals.cols : 0) +
      added;
  const listWidth = segmentReport('', [], [], 0).width;
  const issuesWidth = dataIssuesReport([], [], 0).width;
  // Each owner's first rows, then a line saying how many more; and the deals of no owner.
  const issues = Math.min(total, (ISSUES_LISTED_PER_OWNER + 1) * (owners + 1));
  const reports = total * (listWidth + INDEX_WIDTH) + issues * issuesWidth;
  return { conversion, reports };
}
