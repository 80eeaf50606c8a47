// Files on Drive and the two advanced services the board workbook uses: Sheets (v4: spreadsheets
// create, get, batchUpdate) and Drive (v3: permissions list, create, remove). Scopes come from the
// manifest: with drive.file a run reaches only files the script created under the authorization of the
// person it runs as (anything else is "not found", as the API answers: drive.file is per person, so a
// teammate's run does not reach the founder's file even when it is shared with them); without a Sheets
// or Drive scope a call fails for insufficient scopes. Files are owned by the user who ran the script;
// viewers are whoever a permission names. Sharing is refused as Drive refuses it: without a
// notification to an address with no Google account, outside a domain whose policy keeps files
// inside, and by anyone who is not the file's owner or a writer.
import type { EmulatorEnv } from './env';
import { EmbeddedChart } from './charts';
import { Spreadsheet } from './spreadsheet';
import { columnLetter } from './wallClock';

export const SCOPES = {
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  drive: 'https://www.googleapis.com/auth/drive',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
};

export interface Permission {
  id: string;
  type: 'user' | 'anyone';
  role: 'owner' | 'writer' | 'commenter' | 'reader';
  emailAddress: string;
}

export interface DriveFile {
  id: string;
  owner: string;
  /** Made through an advanced service by this script. */
  createdByScript: boolean;
  /** People whose authorization of this script made the file: what drive.file reaches, per person. */
  appUsers: string[];
  permissions: Permission[];
  spreadsheet: Spreadsheet;
}

/** A file that is not a spreadsheet (a folder, a CSV), made through Drive.Files.create. */
export interface PlainFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  /** People whose authorization of this script made the file (what drive.file reaches). */
  appUsers: string[];
  content: string;
}

/** Everyone's files, the bound CRM spreadsheet among them. */
export class DriveStore {
  files = new Map<string, DriveFile>();
  /** Folders and other files made with Drive.Files.create. */
  plain = new Map<string, PlainFile>();
  private plainCounter = 0;

  newPlainId(): string {
    return `drive-file-${++this.plainCounter}`;
  }

  /** The files in a folder, in the order they were made. */
  inFolder(folderId: string): PlainFile[] {
    return [...this.plain.values()].filter((f) => f.parents.includes(folderId));
  }
  private permissionCounter = 0;
  /** Addresses with no Google account: Drive shares with them only with a notification (an invitation). */
  readonly noGoogleAccount = new Set<string>();
  /** Domains whose policy keeps their people's files inside the domain. */
  readonly internalOnlyDomains = new Set<string>();
  /** Invitations Drive sent when sharing with a notification. */
  readonly invitations: { fileId: string; to: string; from: string; message: string }[] = [];

  register(spreadsheet: Spreadsheet, createdByScript: boolean, appUsers = [spreadsheet.owner]): DriveFile {
    const file: DriveFile = {
      id: spreadsheet.id,
      owner: spreadsheet.owner,
      createdByScript,
      appUsers: createdByScript ? [...appUsers] : [],
      permissions: [{ id: 'owner', type: 'user', role: 'owner', emailAddress: spreadsheet.owner }],
      spreadsheet,
    };
    this.files.set(file.id, file);
    return file;
  }

  newPermissionId(): string {
    return `perm-${++this.permissionCounter}`;
  }

  /** The role a person has on a file, or null when they cannot open it. */
  roleOf(user: string, fileId: string): Permission['role'] | null {
    const f = this.files.get(fileId);
    if (!f) return null;
    const p = f.permissions.find(
      (x) => x.type === 'anyone' || x.emailAddress.toLowerCase() === user.toLowerCase(),
    );
    return p ? p.role : null;
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether drive.file reaches a file in a run as `user`: the script made it under their authorization. */
function reachedByApp(file: DriveFile, user: string): boolean {
  return file.createdByScript && file.appUsers.some((u) => same(u, user));
}

/** The error the advanced services throw, worded as Apps Script reports API failures. */
function apiError(call: string, message: string): Error {
  return new Error(`API call to ${call} failed with error: ${message}`);
}

interface GridRange {
  sheetId: number;
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}

type CellData = {
  userEnteredValue?: {
    stringValue?: string;
    numberValue?: number;
    boolValue?: boolean;
    formulaValue?: string;
  };
  userEnteredFormat?: { numberFormat?: { type?: string; pattern?: string }; textFormat?: { bold?: boolean } };
};

/** The Sheets advanced service (v4), over the files of a DriveStore. */
export class AdvancedSheets {
  readonly Spreadsheets: {
    create: (resource: {
      properties?: { title?: string };
      sheets?: { properties?: { title?: string; sheetId?: number } }[];
    }) => unknown;
    get: (spreadsheetId: string) => unknown;
    batchUpdate: (body: { requests: Record<string, unknown>[] }, spreadsheetId: string) => unknown;
  };

  constructor(
    private env: EmulatorEnv,
    private store: DriveStore,
    private scopes: () => readonly string[],
  ) {
    this.Spreadsheets = {
      create: (resource) => this.create(resource),
      get: (id) => this.get(id),
      batchUpdate: (body, id) => this.batchUpdate(body, id),
    };
  }

  private allowed(call: string, fileId: string | null): DriveFile | null {
    const scopes = this.scopes();
    const broad = scopes.includes(SCOPES.spreadsheets) || scopes.includes(SCOPES.drive);
    if (!broad && !scopes.includes(SCOPES.driveFile))
      throw apiError(call, 'Request had insufficient authentication scopes.');
    if (fileId === null) return null;
    const file = this.store.files.get(fileId);
    const user = this.env.activeUser;
    const reachable = file && this.store.roleOf(user, fileId) !== null && (broad || reachedByApp(file, user));
    if (!file || !reachable) throw apiError(call, `Requested entity was not found.`);
    return file;
  }

  private create(resource: Parameters<AdvancedSheets['Spreadsheets']['create']>[0]): unknown {
    this.env.acc.count('Sheets.Spreadsheets.create');
    this.allowed('sheets.spreadsheets.create', null);
    const id = `file-${this.env.nextId()}`;
    const ss = new Spreadsheet(
      this.env,
      id,
      resource.properties?.title ?? 'Untitled spreadsheet',
      this.env.activeUser,
    );
    const sheets = resource.sheets?.length ? resource.sheets : [{ properties: { title: 'Sheet1' } }];
    for (const s of sheets)
      ss.addSheet(s.properties?.title ?? 'Sheet1', undefined, 1000, 26, s.properties?.sheetId);
    this.store.register(ss, true);
    return {
      spreadsheetId: id,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      ...this.describe(ss),
    };
  }

  private describe(ss: Spreadsheet) {
    return {
      properties: { title: ss.name },
      sheets: ss.sheets.map((s) => ({
        properties: {
          sheetId: s.id,
          title: s.name,
          gridProperties: { rowCount: s.maxRows, columnCount: s.maxColumns },
        },
        charts: s.charts.map((c) => ({ chartId: Number(c.spec.id), spec: { title: c.spec.options.title } })),
      })),
    };
  }

  private get(spreadsheetId: string): unknown {
    this.env.acc.count('Sheets.Spreadsheets.get');
    const file = this.allowed('sheets.spreadsheets.get', spreadsheetId)!;
    return {
      spreadsheetId,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
      ...this.describe(file.spreadsheet),
    };
  }

  private batchUpdate(body: { requests: Record<string, unknown>[] }, spreadsheetId: string): unknown {
    const file = this.allowed('sheets.spreadsheets.batchUpdate', spreadsheetId)!;
    const ss = file.spreadsheet;
    let cells = 0;
    const sheetById = (id: number, i: number) => {
      const s = ss.sheets.find((x) => x.id === id);
      if (!s)
        throw apiError('sheets.spreadsheets.batchUpdate', `Invalid requests[${i}]: No grid with id: ${id}`);
      return s;
    };
    const replies = body.requests.map((request, i) => {
      const [kind, arg] = Object.entries(request)[0] as [string, Record<string, any>];
      switch (kind) {
        case 'addSheet': {
          const p = arg.properties ?? {};
          const g = p.gridProperties ?? {};
          const title: string = p.title ?? `Sheet${ss.sheets.length + 1}`;
          if (ss.sheets.some((x) => x.name.toLowerCase() === title.toLowerCase()))
            throw apiError(
              'sheets.spreadsheets.batchUpdate',
              `Invalid requests[${i}].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
            );
          const s = ss.addSheet(title, p.index, g.rowCount ?? 1000, g.columnCount ?? 26, p.sheetId);
          s.frozenRows = g.frozenRowCount ?? 0;
          s.frozenColumns = g.frozenColumnCount ?? 0;
          return { addSheet: { properties: { sheetId: s.id, title: s.name } } };
        }
        case 'deleteSheet': {
          const s = sheetById(arg.sheetId, i);
          if (ss.sheets.length === 1)
            throw apiError(
              'sheets.spreadsheets.batchUpdate',
              `Invalid requests[${i}].deleteSheet: You can't remove all the sheets in a document.`,
            );
          ss.sheets = ss.sheets.filter((x) => x !== s);
          return {};
        }
        case 'updateSheetProperties': {
          const s = sheetById(arg.properties.sheetId, i);
          const title: string | undefined = arg.properties.title;
          if (
            title !== undefined &&
            ss.sheets.some((x) => x !== s && x.name.toLowerCase() === title.toLowerCase())
          )
            throw apiError(
              'sheets.spreadsheets.batchUpdate',
              `Invalid requests[${i}].updateSheetProperties: A sheet with the name "${title}" already exists. Please enter another name.`,
            );
          if (title !== undefined) s.name = title;
          return {};
        }
        case 'duplicateSheet': {
          // A copy of the sheet with its cells, formats and charts (their ranges on the copy).
          const source = sheetById(arg.sourceSheetId, i);
          const name: string | undefined = arg.newSheetName;
          if (name && ss.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()))
            throw apiError(
              'sheets.spreadsheets.batchUpdate',
              `Invalid requests[${i}].duplicateSheet: A sheet with the name "${name}" already exists. Please enter another name.`,
            );
          const copy = ss.addSheetCopy(source);
          if (name) copy.name = name;
          ss.sheets = ss.sheets.filter((x) => x !== copy);
          ss.sheets.splice(Math.min(arg.insertSheetIndex ?? ss.sheets.length, ss.sheets.length), 0, copy);
          copy.charts = source.charts.map(
            (c) =>
              new EmbeddedChart(
                this.env,
                {
                  ...structuredClone(c.spec),
                  id: String(this.env.nextId()),
                  ranges: c.spec.ranges.map((r) =>
                    r.sheetName === source.name ? { ...r, sheetName: copy.name } : r,
                  ),
                },
                (r) => ss.resolveRange(r),
              ),
          );
          return { duplicateSheet: { properties: { sheetId: copy.id, title: copy.name } } };
        }
        case 'updateSpreadsheetProperties': {
          if (arg.properties.title !== undefined) ss.name = arg.properties.title;
          return {};
        }
        case 'updateCells': {
          const s = sheetById(arg.start.sheetId, i);
          (arg.rows as { values?: CellData[] }[]).forEach((row, r) =>
            (row.values ?? []).forEach((v, c) => {
              const cell = s.cellAt(arg.start.rowIndex + r + 1, arg.start.columnIndex + c + 1);
              const u = v.userEnteredValue ?? {};
              cell.v = u.numberValue ?? u.boolValue ?? u.stringValue ?? '';
              if (u.formulaValue) cell.f = u.formulaValue;
              const pattern = v.userEnteredFormat?.numberFormat?.pattern;
              if (pattern) cell.nf = pattern;
              if (v.userEnteredFormat?.textFormat?.bold) cell.fw = 'bold';
              cells++;
            }),
          );
          return {};
        }
        case 'addChart': {
          const chart = arg.chart;
          const anchor = chart.position.overlayPosition.anchorCell;
          const s = sheetById(anchor.sheetId, i);
          const basic = chart.spec.basicChart;
          const sources: GridRange[] = basic
            ? [
                basic.domains[0].domain.sourceRange.sources[0],
                ...basic.series.map((x: any) => x.series.sourceRange.sources[0]),
              ]
            : [
                chart.spec.pieChart.domain.sourceRange.sources[0],
                chart.spec.pieChart.series.sourceRange.sources[0],
              ];
          const a1 = (g: GridRange) =>
            `${columnLetter(g.startColumnIndex + 1)}${g.startRowIndex + 1}:${columnLetter(g.endColumnIndex)}${g.endRowIndex}`;
          const id = String(this.env.nextId());
          s.charts.push(
            new EmbeddedChart(
              this.env,
              {
                id,
                type: basic ? basic.chartType : 'PIE',
                ranges: sources.map((g) => ({ sheetName: sheetById(g.sheetId, i).name, a1: a1(g) })),
                position: { row: anchor.rowIndex + 1, col: anchor.columnIndex + 1, offsetX: 0, offsetY: 0 },
                options: { title: chart.spec.title ?? '' },
              },
              (r) => ss.resolveRange(r),
            ),
          );
          return { addChart: { chart: { chartId: Number(id) } } };
        }
        default:
          throw apiError(
            'sheets.spreadsheets.batchUpdate',
            `Invalid requests[${i}]: unknown request ${kind}`,
          );
      }
    });
    this.env.acc.count('Sheets.Spreadsheets.batchUpdate', { written: cells });
    return { spreadsheetId, replies };
  }
}

/** What Utilities.newBlob gives, as far as Drive.Files.create reads it. */
export interface BlobLike {
  getDataAsString(): string;
  getContentType(): string | null;
}

/** The Drive advanced service (v3): permissions, and creating folders and files. */
export class AdvancedDrive {
  readonly Files: {
    create: (
      resource: { name?: string; mimeType?: string; parents?: string[] },
      media?: BlobLike,
    ) => { id: string; name: string; mimeType: string; parents: string[] };
  };
  readonly Permissions: {
    list: (fileId: string, optionalArgs?: unknown) => { permissions: Permission[] };
    create: (resource: Partial<Permission>, fileId: string, optionalArgs?: unknown) => Permission;
    remove: (fileId: string, permissionId: string) => void;
  };

  constructor(
    private env: EmulatorEnv,
    private store: DriveStore,
    private scopes: () => readonly string[],
  ) {
    this.Files = {
      create: (resource, media) => {
        this.env.acc.count('Drive.Files.create');
        const scopes = this.scopes();
        const broad = scopes.includes(SCOPES.drive);
        if (!broad && !scopes.includes(SCOPES.driveFile))
          throw apiError('drive.files.create', 'Request had insufficient authentication scopes.');
        const user = this.env.activeUser;
        const parents = resource.parents ?? [];
        for (const p of parents) {
          const folder = this.store.plain.get(p);
          const reached = folder && (broad || folder.appUsers.some((u) => same(u, user)));
          if (!reached) throw apiError('drive.files.create', `File not found: ${p}.`);
        }
        const file: PlainFile = {
          id: this.store.newPlainId(),
          name: resource.name ?? 'Untitled',
          mimeType: resource.mimeType ?? media?.getContentType() ?? 'application/octet-stream',
          parents: [...parents],
          owner: user,
          appUsers: [user],
          content: media ? media.getDataAsString() : '',
        };
        this.store.plain.set(file.id, file);
        return { id: file.id, name: file.name, mimeType: file.mimeType, parents: [...file.parents] };
      },
    };
    this.Permissions = {
      list: (fileId) => {
        this.env.acc.count('Drive.Permissions.list');
        return {
          permissions: this.file('drive.permissions.list', fileId).permissions.map((p) => ({ ...p })),
        };
      },
      create: (resource, fileId, optionalArgs) => {
        this.env.acc.count('Drive.Permissions.create');
        const f = this.file('drive.permissions.create', fileId);
        const args = (optionalArgs ?? {}) as { sendNotificationEmail?: boolean; emailMessage?: string };
        if (
          this.store.roleOf(this.env.activeUser, fileId) !== 'owner' &&
          this.store.roleOf(this.env.activeUser, fileId) !== 'writer'
        )
          throw apiError(
            'drive.permissions.create',
            'The user does not have sufficient permissions for this file.',
          );
        const email = resource.emailAddress ?? '';
        // Drive notifies by default (sendNotificationEmail is true unless set false).
        const notify = args.sendNotificationEmail !== false;
        this.refuseSharing(f, email, notify);
        const p: Permission = {
          id: this.store.newPermissionId(),
          type: resource.type ?? 'user',
          role: resource.role ?? 'reader',
          emailAddress: email,
        };
        f.permissions.push(p);
        if (notify && email)
          this.store.invitations.push({
            fileId,
            to: email,
            from: this.env.activeUser,
            message: args.emailMessage ?? '',
          });
        return { ...p };
      },
      remove: (fileId, permissionId) => {
        this.env.acc.count('Drive.Permissions.remove');
        const f = this.file('drive.permissions.delete', fileId);
        const p = f.permissions.find((x) => x.id === permissionId);
        if (!p) throw apiError('drive.permissions.delete', `Permission not found: ${permissionId}.`);
        if (p.role === 'owner')
          throw apiError('drive.permissions.delete', 'The owner of a file cannot be removed.');
        f.permissions = f.permissions.filter((x) => x !== p);
      },
    };
  }

  private file(call: string, fileId: string): DriveFile {
    const scopes = this.scopes();
    const broad = scopes.includes(SCOPES.drive);
    if (!broad && !scopes.includes(SCOPES.driveFile))
      throw apiError(call, 'Request had insufficient authentication scopes.');
    const f = this.store.files.get(fileId);
    const user = this.env.activeUser;
    if (!f || (!broad && !reachedByApp(f, user)) || this.store.roleOf(user, fileId) === null)
      throw apiError(call, `File not found: ${fileId}.`);
    return f;
  }

  /**
   * Drive's refusals of a share (Drive API "Share files, folders and drives" guide; the wording of the
   * errors from public reports of the API's answers): an address with no Google account can be given
   * access only with a notification; a domain that keeps files inside refuses other domains.
   */
  private refuseSharing(f: DriveFile, email: string, notify: boolean): void {
    const domain = (address: string) => address.split('@')[1]?.toLowerCase() ?? '';
    const noAccount = [...this.store.noGoogleAccount].some((a) => same(a, email));
    if (noAccount && !notify)
      throw apiError(
        'drive.permissions.create',
        `Bad Request. User message: "You are trying to invite ${email}. Since there is no Google account associated with this email address, you must check the 'Notify people' box to invite this recipient." (invalidSharingRequest)`,
      );
    if (this.store.internalOnlyDomains.has(domain(f.owner)) && domain(email) !== domain(f.owner))
      throw apiError(
        'drive.permissions.create',
        `Bad Request. User message: "Sharing outside of ${domain(f.owner)} is not allowed by its administrator." (invalidSharingRequest)`,
      );
  }
}
