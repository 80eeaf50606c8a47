// The Sheets and Drive advanced services as the emulator models them: scopes from the manifest
// (drive.file reaches only files the script created; the API answers "not found" for others), owners
// and viewers of files, and the requests the board workbook uses.
import { Emulator } from '../../local/emulator';
import { AdvancedDrive, AdvancedSheets, SCOPES } from '../../local/emulator/drive';
import { UtilitiesEmulator } from '../../local/emulator/utilities';

function setup(scopes: string[]) {
  const emu = new Emulator();
  const sheets = new AdvancedSheets(emu.env, emu.drive, () => scopes);
  const drive = new AdvancedDrive(emu.env, emu.drive, () => scopes);
  return { emu, sheets, drive };
}

describe('Sheets and Drive advanced services', () => {
  it('fail for insufficient scopes when the manifest grants no Sheets or Drive scope', () => {
    const { sheets } = setup(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => sheets.Spreadsheets.create({ properties: { title: 'x' } })).toThrow(
      'API call to sheets.spreadsheets.create failed with error: Request had insufficient authentication scopes.',
    );
  });

  it('with drive.file reach the files the script created, and answer "not found" for the bound CRM file', () => {
    const { emu, sheets } = setup([SCOPES.driveFile]);
    const made = sheets.Spreadsheets.create({ properties: { title: 'Board' } }) as { spreadsheetId: string };
    expect(() => sheets.Spreadsheets.get(made.spreadsheetId)).not.toThrow();
    expect(() => sheets.Spreadsheets.get(emu.ss.id)).toThrow(
      'API call to sheets.spreadsheets.get failed with error: Requested entity was not found.',
    );
    expect(emu.createdFiles().map((f) => [f.owner, f.spreadsheet.name])).toEqual([
      ['owner@example.com', 'Board'],
    ]);
  });

  it('apply addSheet, deleteSheet, updateCells and addChart in one batchUpdate, refusing to delete the last sheet', () => {
    const { emu, sheets } = setup([SCOPES.driveFile]);
    const made = sheets.Spreadsheets.create({}) as {
      spreadsheetId: string;
      sheets: { properties: { sheetId: number } }[];
    };
    const old = made.sheets[0].properties.sheetId;
    sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { addSheet: { properties: { sheetId: 900, title: 'New' } } },
          { deleteSheet: { sheetId: old } },
          {
            updateCells: {
              start: { sheetId: 900, rowIndex: 0, columnIndex: 0 },
              fields: '*',
              rows: [
                {
                  values: [
                    { userEnteredValue: { stringValue: 'a' } },
                    {
                      userEnteredValue: { numberValue: 2 },
                      userEnteredFormat: { numberFormat: { pattern: '0%' } },
                    },
                  ],
                },
              ],
            },
          },
          {
            addChart: {
              chart: {
                spec: {
                  title: 'T',
                  basicChart: {
                    chartType: 'COLUMN',
                    domains: [
                      {
                        domain: {
                          sourceRange: {
                            sources: [
                              {
                                sheetId: 900,
                                startRowIndex: 0,
                                endRowIndex: 1,
                                startColumnIndex: 0,
                                endColumnIndex: 1,
                              },
                            ],
                          },
                        },
                      },
                    ],
                    series: [
                      {
                        series: {
                          sourceRange: {
                            sources: [
                              {
                                sheetId: 900,
                                startRowIndex: 0,
                                endRowIndex: 1,
                                startColumnIndex: 1,
                                endColumnIndex: 2,
                              },
                            ],
                          },
                        },
                      },
                    ],
                  },
                },
                position: { overlayPosition: { anchorCell: { sheetId: 900, rowIndex: 3, columnIndex: 4 } } },
              },
            },
          },
        ],
      },
      made.spreadsheetId,
    );
    const ss = emu.createdFiles()[0].spreadsheet;
    expect(ss.sheets.map((s) => s.name)).toEqual(['New']);
    expect([ss.sheets[0].cellAt(1, 1).v, ss.sheets[0].cellAt(1, 2).v, ss.sheets[0].cellAt(1, 2).nf]).toEqual([
      'a',
      2,
      '0%',
    ]);
    expect(
      ss.sheets[0].charts.map((c) => [
        c.spec.options.title,
        c.spec.ranges.map((r) => r.a1),
        c.spec.position.row,
      ]),
    ).toEqual([['T', ['A1:A1', 'B1:B1'], 4]]);
    expect(() =>
      sheets.Spreadsheets.batchUpdate({ requests: [{ deleteSheet: { sheetId: 900 } }] }, made.spreadsheetId),
    ).toThrow("You can't remove all the sheets in a document.");
  });

  it('freeze the rows an added sheet asks for, and refuse a sheet title already taken, as the Sheets API does', () => {
    const { emu, sheets } = setup([SCOPES.driveFile]);
    const made = sheets.Spreadsheets.create({ sheets: [{ properties: { title: 'Notes' } }] }) as {
      spreadsheetId: string;
    };
    const id = made.spreadsheetId;
    sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addSheet: { properties: { sheetId: 7, title: 'Board 7', gridProperties: { frozenRowCount: 2 } } },
          },
        ],
      },
      id,
    );
    const ss = emu.createdFiles()[0].spreadsheet;
    expect(ss.sheets.find((x) => x.name === 'Board 7')!.frozenRows).toBe(2);
    // A title taken (in any case) fails the whole request, whether added or renamed to.
    expect(() =>
      sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'notes' } } }] }, id),
    ).toThrow(/A sheet with the name "notes" already exists/);
    expect(() =>
      sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { updateSheetProperties: { properties: { sheetId: 7, title: 'NOTES' }, fields: 'title' } },
          ],
        },
        id,
      ),
    ).toThrow(/A sheet with the name "NOTES" already exists/);
    expect(ss.sheets.map((x) => x.name)).toEqual(['Notes', 'Board 7']);
  });

  it('give viewers access through permissions, and take it away when removed', () => {
    const { emu, sheets, drive } = setup([SCOPES.driveFile]);
    const { spreadsheetId } = sheets.Spreadsheets.create({}) as { spreadsheetId: string };
    const p = drive.Permissions.create(
      { type: 'user', role: 'reader', emailAddress: 'board@vc.example' },
      spreadsheetId,
    );
    expect(emu.drive.roleOf('board@vc.example', spreadsheetId)).toBe('reader');
    expect(emu.canOpen('board@vc.example', emu.ss.id)).toBe(false);
    drive.Permissions.remove(spreadsheetId, p.id);
    expect(emu.canOpen('board@vc.example', spreadsheetId)).toBe(false);
    expect(() => drive.Permissions.list(emu.ss.id)).toThrow(`File not found: ${emu.ss.id}.`);
    // A viewer cannot share the file on.
    drive.Permissions.create(
      { type: 'user', role: 'reader', emailAddress: 'board@vc.example' },
      spreadsheetId,
    );
    emu.env.activeUser = 'board@vc.example';
    // Their drive.file does not reach the file at all; with the full Drive scope, a reader still cannot share.
    expect(() => drive.Permissions.list(spreadsheetId)).toThrow(`File not found: ${spreadsheetId}.`);
    const fullDrive = new AdvancedDrive(emu.env, emu.drive, () => [SCOPES.drive]);
    expect(() =>
      fullDrive.Permissions.create(
        { type: 'user', role: 'reader', emailAddress: 'x@y.example' },
        spreadsheetId,
      ),
    ).toThrow('The user does not have sufficient permissions for this file.');
  });

  it('reach with drive.file only the files made under the running person’s own authorization, even when shared with them', () => {
    const { emu, sheets, drive } = setup([SCOPES.driveFile]);
    const { spreadsheetId } = sheets.Spreadsheets.create({}) as { spreadsheetId: string };
    drive.Permissions.create(
      { type: 'user', role: 'writer', emailAddress: 'rep@example.com' },
      spreadsheetId,
    );
    emu.env.activeUser = 'rep@example.com';
    expect(emu.drive.roleOf('rep@example.com', spreadsheetId)).toBe('writer');
    expect(() => sheets.Spreadsheets.batchUpdate({ requests: [] }, spreadsheetId)).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Requested entity was not found.',
    );
    expect(() => drive.Permissions.list(spreadsheetId)).toThrow(`File not found: ${spreadsheetId}.`);
    // Their own file is theirs to reach, and not the founder's.
    const theirs = sheets.Spreadsheets.create({}) as { spreadsheetId: string };
    emu.env.activeUser = 'owner@example.com';
    expect(() => sheets.Spreadsheets.get(theirs.spreadsheetId)).toThrow(/not found/);
    expect(() => sheets.Spreadsheets.get(spreadsheetId)).not.toThrow();
  });

  it('refuse to share without a notification with an address that has no Google account, and send an invitation with one', () => {
    const { emu, sheets, drive } = setup([SCOPES.driveFile]);
    const { spreadsheetId } = sheets.Spreadsheets.create({}) as { spreadsheetId: string };
    emu.drive.noGoogleAccount.add('chair@board.example');
    expect(() =>
      drive.Permissions.create(
        { type: 'user', role: 'reader', emailAddress: 'chair@board.example' },
        spreadsheetId,
        { sendNotificationEmail: false },
      ),
    ).toThrow(
      /^API call to drive\.permissions\.create failed with error: Bad Request\. .*no Google account.*invalidSharingRequest/,
    );
    expect(emu.drive.roleOf('chair@board.example', spreadsheetId)).toBeNull();
    drive.Permissions.create(
      { type: 'user', role: 'reader', emailAddress: 'chair@board.example' },
      spreadsheetId,
      {
        sendNotificationEmail: true,
        emailMessage: 'The board pack',
      },
    );
    expect(emu.drive.roleOf('chair@board.example', spreadsheetId)).toBe('reader');
    expect(emu.drive.invitations).toEqual([
      {
        fileId: spreadsheetId,
        to: 'chair@board.example',
        from: 'owner@example.com',
        message: 'The board pack',
      },
    ]);
  });

  it('refuse to share outside a domain whose policy keeps files inside it', () => {
    const emu = new Emulator({ owner: 'founder@startup.example' });
    const sheets = new AdvancedSheets(emu.env, emu.drive, () => [SCOPES.driveFile]);
    const drive = new AdvancedDrive(emu.env, emu.drive, () => [SCOPES.driveFile]);
    emu.env.activeUser = 'founder@startup.example';
    const { spreadsheetId } = sheets.Spreadsheets.create({}) as { spreadsheetId: string };
    emu.drive.internalOnlyDomains.add('startup.example');
    const share = (email: string) =>
      drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, spreadsheetId, {
        sendNotificationEmail: false,
      });
    expect(() => share('investor@vc.example')).toThrow(/Sharing outside of startup\.example is not allowed/);
    expect(() => share('cfo@startup.example')).not.toThrow();
  });

  it('create folders and files with drive.file, each reachable only from the runs of the person who made it', () => {
    const { emu, drive } = setup([SCOPES.driveFile]);
    const blob = new UtilitiesEmulator(emu.env).newBlob('a,b\r\n', 'text/csv', 'x.csv');
    const folder = drive.Files.create({ name: 'Export', mimeType: 'application/vnd.google-apps.folder' });
    const file = drive.Files.create({ name: 'x.csv', mimeType: 'text/csv', parents: [folder.id] }, blob);
    expect(emu.drive.inFolder(folder.id).map((f) => [f.name, f.content, f.owner])).toEqual([
      ['x.csv', 'a,b\r\n', 'owner@example.com'],
    ]);
    expect(file.parents).toEqual([folder.id]);
    emu.env.activeUser = 'rep@example.com';
    expect(() => drive.Files.create({ name: 'y.csv', parents: [folder.id] }, blob)).toThrow(
      `API call to drive.files.create failed with error: File not found: ${folder.id}.`,
    );
  });

  it('refuse to create a file without a Drive scope', () => {
    const { drive } = setup(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => drive.Files.create({ name: 'Export' })).toThrow(
      'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
    );
  });
});
