// The board workbook: a separate spreadsheet the CRM creates (Sheets advanced service, drive.file
// scope, so the script reaches only files it made) and rewrites with one batchUpdate; shared view-only
// with exactly the board members of CRM Settings (Drive advanced service). The CRM file is never
// shared. Its id lives in a document property. An update costs 4 service calls (plus one per sharing
// change), whatever the number of deals.
import { PRODUCT } from '../../shared/names';
import type { BoardSettings } from '../../shared/settings';
import { boardRequests, BOARD_SHEET } from '../../domain/board/boardRequests';
import type { BoardReport } from '../../domain/board/boardReport';

const KEY = 'sheetsCrm.board';

interface BoardState {
  fileId: string;
  sheetId: number | null;
  url: string;
}

export interface BoardUpdate {
  url: string;
  created: boolean;
  shared: string[];
  unshared: string[];
}

interface SheetsApi {
  Spreadsheets: {
    create(resource: object): {
      spreadsheetId: string;
      spreadsheetUrl: string;
      sheets: { properties: { sheetId: number } }[];
    };
    batchUpdate(body: { requests: object[] }, id: string): unknown;
  };
}
interface DriveApi {
  Permissions: {
    list(
      fileId: string,
      args?: object,
    ): { permissions?: { id: string; role: string; emailAddress?: string; type: string }[] };
    create(resource: object, fileId: string, args?: object): unknown;
    remove(fileId: string, permissionId: string): void;
  };
}
declare const Sheets: SheetsApi;
declare const Drive: DriveApi;

/** The board workbook's id and link, once created. */
export function boardState(properties: Record<string, string | undefined> | null = null): BoardState | null {
  const raw = properties ? properties[KEY] : PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as BoardState;
  } catch {
    return null;
  }
}

/** Creates the board workbook when there is none (or it is gone), writes the report, syncs sharing. */
export function updateBoardFile(
  report: BoardReport,
  board: BoardSettings,
  crmName: string,
  state = boardState(),
): BoardUpdate {
  let current = state;
  let created = false;
  const write = (s: BoardState) => {
    const next = (s.sheetId ?? 0) + 1;
    Sheets.Spreadsheets.batchUpdate(
      { requests: boardRequests(report.grid, report.charts, s.sheetId, next) },
      s.fileId,
    );
    return { ...s, sheetId: next };
  };
  try {
    if (!current) throw new Error('no board workbook yet');
    current = write(current);
  } catch (e) {
    if (current && !/not found|no board/i.test(String((e as Error)?.message ?? e))) throw e;
    const made = Sheets.Spreadsheets.create({
      properties: { title: `${crmName} – board report (${PRODUCT})` },
      sheets: [{ properties: { title: `${BOARD_SHEET} (empty)` } }],
    });
    created = true;
    current = write({
      fileId: made.spreadsheetId,
      sheetId: made.sheets[0].properties.sheetId,
      url: made.spreadsheetUrl,
    });
  }
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(current));
  const { shared, unshared } = syncSharing(current.fileId, board.members);
  return { url: current.url, created, shared, unshared };
}

/** Shares the board file view-only with exactly `members`; others who were given reader access lose it. */
function syncSharing(fileId: string, members: readonly string[]): { shared: string[]; unshared: string[] } {
  const wanted = new Set(members.map((m) => m.toLowerCase()));
  const permissions =
    Drive.Permissions.list(fileId, { fields: 'permissions(id,role,type,emailAddress)' }).permissions ?? [];
  const readers = permissions.filter((p) => p.type === 'user' && p.role === 'reader');
  const has = new Set(permissions.map((p) => (p.emailAddress ?? '').toLowerCase()));
  const shared: string[] = [];
  const unshared: string[] = [];
  for (const email of wanted)
    if (!has.has(email)) {
      Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, fileId, {
        sendNotificationEmail: false,
      });
      shared.push(email);
    }
  for (const p of readers)
    if (!wanted.has((p.emailAddress ?? '').toLowerCase())) {
      Drive.Permissions.remove(fileId, p.id);
      unshared.push(p.emailAddress ?? '');
    }
  return { shared, unshared };
}
