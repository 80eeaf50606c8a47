// What the last refresh left in each report tab, in one document property: the ids of the charts (a
// chart is found by id, since a person may rename it) and each tab's extent (the rows and columns it
// wrote, and the tab's size after), so that the next refresh needs no size calls for tabs that are
// ours. The property is written only when something in it changes.
const KEY = 'sheetsCrm.charts';

/** A report tab's extent after a refresh wrote it. */
export interface ReportExtent {
  sheetId: number;
  /** Rows and columns holding what the refresh wrote (the part to blank next time). */
  rows: number;
  cols: number;
  maxRows: number;
  maxCols: number;
}

export interface ReportRecord {
  charts: Record<string, string>;
  extents: Record<string, ReportExtent>;
}

/** The record, or an empty one. A record from before extents were kept holds only chart ids. */
export function readReportRecord(): ReportRecord {
  try {
    const raw = JSON.parse(PropertiesService.getDocumentProperties().getProperty(KEY) ?? '{}') as
      ReportRecord | Record<string, string>;
    if ('charts' in raw && typeof raw.charts === 'object')
      return { charts: { ...raw.charts }, extents: { ...((raw as ReportRecord).extents ?? {}) } };
    return { charts: raw as Record<string, string>, extents: {} };
  } catch {
    return { charts: {}, extents: {} };
  }
}

/** Records the chart ids and extents of a refresh, when they differ from those recorded. */
export function saveReportRecord(
  known: ReportRecord,
  charts: Record<string, string | null>,
  extents: Record<string, ReportExtent>,
): void {
  const next: ReportRecord = { charts: { ...known.charts }, extents: { ...known.extents, ...extents } };
  for (const [tab, id] of Object.entries(charts)) if (id !== null) next.charts[tab] = id;
  if (JSON.stringify(next) !== JSON.stringify(known))
    PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(next));
}
