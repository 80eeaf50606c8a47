// Writes an export's files into a new Drive folder (Drive advanced service, drive.file scope: the folder
// and its files are the script's own, made under the person's authorization; nothing else in their
// Drive is reachable). One call for the folder and one per file.
import type { ExitFile } from '../../domain/exit/exitFiles';
import { csvText } from '../../domain/exit/csvText';

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

/** A folder named `name` holding each file as CSV (text files as they are). */
export function writeExportFolder(name: string, files: readonly ExitFile[], readme: string): WrittenFolder {
  const folder = Drive.Files.create({ name, mimeType: FOLDER_TYPE });
  const put = (fileName: string, body: string, type: string) =>
    Drive.Files.create(
      { name: fileName, mimeType: type, parents: [folder.id] },
      Utilities.newBlob(body, type, fileName),
    );
  put('README.txt', readme, 'text/plain');
  for (const f of files) put(f.name, csvText(f.rows), 'text/csv');
  return {
    url: `https://drive.google.com/drive/folders/${folder.id}`,
    files: ['README.txt', ...files.map((f) => f.name)],
  };
}
