// The header phrases Convert reads exports with live in a project file of their own (HeaderWords.html,
// written by the build): every execution loads the script, but only Convert needs these words.
import { CrmError } from '../../shared/errors';
import type { HeaderWords } from '../../domain/import/headerVocabulary';

/** The project file's name, as scripts/build.ts writes it. */
export const HEADER_WORDS_FILE = 'HeaderWords';

/** Reads the header phrases (one HtmlService call); a missing or broken file is named, with the fix. */
export function loadHeaderWords(): HeaderWords {
  let words: unknown;
  try {
    words = JSON.parse(HtmlService.createHtmlOutputFromFile(HEADER_WORDS_FILE).getContent());
  } catch {
    words = null;
  }
  const fine =
    typeof words === 'object' &&
    words !== null &&
    Object.values(words).every((v) => Array.isArray(v) && v.every((p) => typeof p === 'string'));
  if (!fine)
    throw new CrmError(
      'PROJECT_FILE_MISSING',
      `The script's file ${HEADER_WORDS_FILE}.html is missing or damaged, so Convert cannot read headers. Push the project again (npm run push).`,
    );
  return words as HeaderWords;
}
