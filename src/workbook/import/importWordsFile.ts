// The words Convert reads exports with live in a project file of their own (ImportWords.html, written
// by the build): every execution loads the script, but only Convert needs these words.
import { CrmError } from '../../shared/errors';
import type { ImportWords } from '../../domain/import/headerVocabulary';

/** The project file's name, as scripts/build.ts writes it. */
export const IMPORT_WORDS_FILE = 'ImportWords';

/** Reads the import words (one HtmlService call); a missing or broken file is named, with the fix. */
export function loadImportWords(): ImportWords {
  let words: Partial<ImportWords> | null;
  try {
    words = JSON.parse(
      HtmlService.createHtmlOutputFromFile(IMPORT_WORDS_FILE).getContent(),
    ) as Partial<ImportWords>;
  } catch {
    words = null;
  }
  // The build writes the file whole: a file that parses with its header phrases and pipeline words is it.
  const fine =
    typeof words?.headers === 'object' && Array.isArray(words.pipeline) && Array.isArray(words.vendors);
  if (!fine)
    throw new CrmError(
      'PROJECT_FILE_MISSING',
      `The script's file ${IMPORT_WORDS_FILE}.html is missing or damaged, so Convert cannot read exports. Push the project again (npm run push).`,
    );
  return words as ImportWords;
}
