// Writes an export's files into a new Drive folder (Drive advanced service, drive.file scope: the folder
// and its files are the script's own, made under the person's authorization; nothing else in their
// Drive is reachable). One call for the folder and one per file.
import type { ExitFile } from '../../domain/exit/exitFiles';
import { csvParts, PART_LIMITS } from '../../domain/exit/csvText';
import { CrmError } from '../../shared/errors';

interface DriveFilesApi {
  Files: {
    create(resource: object, media?: GoogleAppsScript.Base.Blob, args?: object): { id: string };
  };
}
declare const Drive: DriveFilesApi;

/** "2026-12-06 09:30" in the spreadsheet's zone, for the folder's name. */
export function localTime(at: Date, timeZone: string): string {
  return Utilities.formatDate(at, timeZone, 'yyyy-MM-dd HH:mm');
}

export const FOLDER_TYPE = 'application/vnd.google-apps.folder';

export interface WrittenFolder {
  url: string;
  files: string[];
}

/**
 * A folder named `name` holding each file as CSV (in parts when big: domain/exit/csvText), then README.txt last, so a folder without it is
 * visibly unfinished. When Drive refuses a file, the error says which files are missing and that the
 * folder should be deleted; the next export makes a new folder, so one failure never sticks.
 */
export function writeExportFolder(
  name: string,
  files: readonly ExitFile[],
  readme: string,
  rowsPerFile = Infinity,
): WrittenFolder {
  const folder = Drive.Files.create({ name, mimeType: FOLDER_TYPE });
  const url = `https://drive.google.com/drive/folders/${folder.id}`;
  const all = [
    ...files.flatMap((f) =>
      csvParts(f.name, f.rows, { ...PART_LIMITS, rows: rowsPerFile }).map((p) => ({
        name: p.name,
        body: p.text,
        type: 'text/csv',
      })),
    ),
    { name: 'README.txt', body: readme, type: 'text/plain' },
  ];
  all.forEach((f, i) => {
    try {
      Drive.Files.create(
        { name: f.name, mimeType: f.type, parents: [folder.id] },
        Utilities.newBlob(f.body, f.type, f.name),
      );
    } catch (e) {
      const missing = all.slice(i).map((x) => x.name);
      throw new CrmError(
        'EXPORT_INCOMPLETE',
        `Drive refused to write ${f.name} (${e instanceof Error ? e.message : String(e)}). The folder "${name}" is incomplete (missing ${missing.join(', ')}): delete it and export again.\n${url}`,
      );
    }
  });
  return { url, files: all.map((f) => f.name) };
}
