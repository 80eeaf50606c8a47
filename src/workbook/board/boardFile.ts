// The board workbook: a separate spreadsheet the CRM creates (Sheets advanced service, drive.file
// scope, so the script reaches only files it made, and only in runs of the person who made it: its
// keeper) and rewrites with one batchUpdate; shared view-only with the board members of CRM Settings
// (Drive advanced service), each on their own, so one refused member stops nothing. Only members this
// CRM added are ever removed. The CRM file is never shared. Its id, keeper and the members it added live
// in a document property. An update costs 4 service calls (plus one per sharing change, and one on the
// first update of a board meeting's day, which keeps a copy of the board named for the meeting),
// whatever the number of deals; a teammate's refresh costs none. Tabs other than these are never touched.
import { PRODUCT } from '../../shared/names';
import type { BoardSettings } from '../../shared/settings';
import { boardRequests, BOARD_SHEET, DEFINITIONS_OFFSET } from '../../domain/board/boardRequests';
import type { BoardReport } from '../../domain/board/boardReport';
import * as z from '../../shared/schema';
import { parseStored } from '../core/storedValues';
import { documentStore } from '../core/documentState';

const KEY = 'sheetsCrm.board';

const stateSchema = z.object({
  fileId: z.string(),
  sheetId: z.nullable(z.number()),
  url: z.string(),
  /** Whose authorization made the file: with drive.file only their runs reach it. Absent: older state. */
  keeper: z.optional(z.string()),
  /** When the keeper's last refresh updated it, on the spreadsheet's clock. */
  updatedAt: z.optional(z.string()),
  /** Members this CRM shared the file with (only they are ever removed). Absent: older state. */
  added: z.optional(z.array(z.string())),
  /** A recreation no one has been told of yet (a scheduled run made it). */
  recreated: z.optional(z.string()),
  /** Whether the file has the Board definitions tab (sheet id: sheetId + DEFINITIONS_OFFSET). */
  definitions: z.optional(z.boolean()),
  /** The last board meeting whose pack (a frozen copy of the board) was made, or passed over. */
  packed: z.optional(z.string()),
});
type BoardState = z.infer<typeof stateSchema>;

/** A member the file could not be shared with (or taken from), and why in words with the fix. */
export interface SharingProblem {
  email: string;
  why: string;
}

export interface BoardUpdate {
  url: string;
  created: boolean;
  /** Set when the file was made again (someone deleted it): the words announcing the new link. */
  recreated: string | null;
  shared: string[];
  unshared: string[];
  problems: SharingProblem[];
  /** Set when another person keeps the file: this run left it alone. */
  keptBy: { keeper: string; updatedAt: string } | null;
}

interface SheetsApi {
  Spreadsheets: {
    create(resource: object): {
      spreadsheetId: string;
      spreadsheetUrl: string;
      sheets: { properties: { sheetId: number } }[];
    };
    batchUpdate(body: { requests: object[] }, id: string): unknown;
    get(id: string, args: object): { sheets?: { properties?: { title?: string; sheetId?: number } }[] };
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

/** The board workbook's id, link and keeper, once created (absent, or unreadable: none). */
export function boardState(properties: Record<string, string | undefined> | null = null): BoardState | null {
  const raw = properties ? properties[KEY] : documentStore().getProperty(KEY);
  return parseStored(raw, stateSchema);
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whether a run as `user` must leave the board file alone: Google's drive.file scope lets only the
 * keeper's runs reach it (a teammate's would find nothing and make a second file).
 */
export function keptByAnother(state: BoardState | null, user: string): BoardUpdate | null {
  if (!state?.keeper || (user && sameEmail(user, state.keeper))) return null;
  return {
    url: state.url,
    created: false,
    recreated: null,
    shared: [],
    unshared: [],
    problems: [],
    keptBy: { keeper: state.keeper, updatedAt: state.updatedAt ?? 'at a time not recorded' },
  };
}

/**
 * Whether the board file is still there (one call): a quiet refresh would otherwise leave a file
 * someone deleted gone until the next full one. Anything but an answer counts as gone (the full
 * refresh that follows says what it is).
 */
export function boardFileThere(state: BoardState): boolean {
  try {
    Sheets.Spreadsheets.get(state.fileId, { fields: 'spreadsheetId' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the board workbook when there is none (or it is gone), writes the report, syncs sharing.
 * `run.user` becomes its keeper when it is made; `run.when` is the time shown as its last update. A
 * file recorded before keepers were (no keeper) that this run cannot reach may be someone else's: it
 * is made anew only when a person asked for the board (`run.mayCreate`).
 */
export function updateBoardFile(
  report: BoardReport,
  board: BoardSettings,
  crmName: string,
  state: BoardState | null,
  run: { user: string; when: string; mayCreate: boolean },
): BoardUpdate {
  const { user, when } = run;
  let current: BoardState | null = state;
  let created = false;
  let recreated: string | null = state?.recreated ?? null;
  const props = documentStore();
  const write = (s: BoardState): BoardState => {
    const next = (s.sheetId ?? 0) + 1;
    const pack = packDue(s, report.lastMeeting);
    const hadDefinitions = s.definitions ?? hasOwnDefinitions(s);
    const requests = boardRequests(report, s.sheetId, next, { pack, hadDefinitions });
    Sheets.Spreadsheets.batchUpdate({ requests }, s.fileId);
    return { ...s, sheetId: next, packed: report.lastMeeting ?? s.packed, definitions: true };
  };
  try {
    if (!current) throw new Error('no board workbook yet');
    current = write(current);
  } catch (e) {
    if (current && !/not found|no board/i.test(String((e as Error)?.message ?? e))) throw e;
    if (current && !current.keeper && !run.mayCreate)
      return keptByAnother({ ...current, keeper: 'the person who first chose Update board workbook' }, '')!;
    const made = Sheets.Spreadsheets.create({
      properties: { title: `${crmName} – board report (${PRODUCT})` },
      sheets: [{ properties: { title: `${BOARD_SHEET} (empty)` } }],
    });
    created = true;
    if (current)
      recreated = `The board workbook was deleted, so a new one was made: ${made.spreadsheetUrl} (${when}). Send the board the new link.`;
    current = {
      fileId: made.spreadsheetId,
      sheetId: made.sheets[0].properties.sheetId,
      url: made.spreadsheetUrl,
      keeper: user || state?.keeper,
      added: [],
      // A new file has no definitions tab: no need to ask it.
      definitions: false,
      ...(recreated ? { recreated } : {}),
    };
    // Remembered at once: should this run stop now, the next one updates this file, not a third.
    props.setProperty(KEY, JSON.stringify(current));
    current = write(current);
  }
  const sharing = syncSharing(current.fileId, board, current.added ?? null);
  const next: BoardState = {
    fileId: current.fileId,
    sheetId: current.sheetId,
    url: current.url,
    keeper: current.keeper ?? (user || undefined),
    updatedAt: when,
    added: sharing.added,
    packed: current.packed,
    definitions: current.definitions,
    ...(recreated ? { recreated } : {}),
  };
  props.setProperty(KEY, JSON.stringify(next));
  return { url: current.url, created, recreated, ...sharing, keptBy: null };
}

/**
 * The name of the pack to make with this update ("Board 2026-11-17"), or null: one per board meeting,
 * made by the first update on or after its day (a board made after the meeting has none). A tab of
 * that name someone made already is left alone (one more call, once a meeting).
 */
function packDue(s: BoardState, meeting: string | null): string | null {
  if (!meeting || meeting === s.packed || !s.updatedAt || meeting < s.updatedAt.slice(0, 10)) return null;
  const name = `${BOARD_SHEET} ${meeting}`;
  const titles = Sheets.Spreadsheets.get(s.fileId, { fields: 'sheets.properties.title' }).sheets ?? [];
  return titles.some((t) => t.properties?.title === name) ? null : name;
}

/**
 * Whether the file holds this CRM's Board definitions tab, for a state that does not say (recorded by
 * an earlier version, or lost): one call, once. Sheets refuses to add a tab whose title is taken.
 */
function hasOwnDefinitions(s: BoardState): boolean {
  if (s.sheetId === null) return false;
  const sheets =
    Sheets.Spreadsheets.get(s.fileId, { fields: 'sheets.properties(sheetId,title)' }).sheets ?? [];
  return sheets.some((x) => x.properties?.sheetId === s.sheetId! + DEFINITIONS_OFFSET);
}

/** Forgets the announcement of a recreated file once a person was shown it (one call). */
export function forgetRecreation(): void {
  const state = boardState();
  if (!state?.recreated) return;
  documentStore().setProperty(KEY, JSON.stringify({ ...state, recreated: undefined }));
}

/** Words for a refused share, with the fix. */
function sharingProblem(email: string, e: unknown, adding: boolean): SharingProblem {
  const message = String((e as Error)?.message ?? e);
  const why = /no Google account/i.test(message)
    ? 'Drive says this address has no Google account, and shares with such an address only by sending it an invitation. Write "(notify)" after it in CRM Settings > Board member to have Google e-mail them one.'
    : /outside of|not allowed|domain/i.test(message)
      ? "your domain's sharing policy does not allow sharing this file with them. Ask your Google Workspace administrator, or take them off Board member."
      : adding
        ? `Drive refused to share the file with them (${message}).`
        : `Drive refused to take their access away (${message}); remove it by hand in the file's Share dialog.`;
  return { email, why };
}

/**
 * Shares the board file view-only with the members (each on its own: one refusal stops no other), and
 * takes access away from members this CRM added who are no longer listed. People someone shared the
 * file with by hand are left alone. `added` null (an older record): every reader counts as added.
 */
function syncSharing(
  fileId: string,
  board: BoardSettings,
  added: readonly string[] | null,
): { shared: string[]; unshared: string[]; problems: SharingProblem[]; added: string[] } {
  const wanted = new Set(board.members.map((m) => m.toLowerCase()));
  const notify = new Set((board.notify ?? []).map((m) => m.toLowerCase()));
  const permissions =
    Drive.Permissions.list(fileId, { fields: 'permissions(id,role,type,emailAddress)' }).permissions ?? [];
  const readers = permissions.filter((p) => p.type === 'user' && p.role === 'reader');
  const has = new Set(permissions.map((p) => (p.emailAddress ?? '').toLowerCase()));
  const ours = new Set(
    (added ?? readers.map((p) => p.emailAddress ?? '')).map((m) => m.toLowerCase()).filter((m) => has.has(m)),
  );
  const shared: string[] = [];
  const unshared: string[] = [];
  const problems: SharingProblem[] = [];
  for (const email of wanted)
    if (!has.has(email))
      try {
        Drive.Permissions.create(
          { type: 'user', role: 'reader', emailAddress: email },
          fileId,
          notify.has(email)
            ? {
                sendNotificationEmail: true,
                emailMessage: `The board report of ${PRODUCT}: aggregates only, updated with every refresh.`,
              }
            : { sendNotificationEmail: false },
        );
        shared.push(email);
        ours.add(email);
      } catch (e) {
        problems.push(sharingProblem(email, e, true));
      }
  for (const p of readers) {
    const email = (p.emailAddress ?? '').toLowerCase();
    if (wanted.has(email) || !ours.has(email)) continue;
    try {
      Drive.Permissions.remove(fileId, p.id);
      unshared.push(p.emailAddress ?? '');
      ours.delete(email);
    } catch (e) {
      problems.push(sharingProblem(email, e, false));
    }
  }
  return { shared, unshared, problems, added: [...ours] };
}
