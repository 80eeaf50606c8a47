// The document lock around work that must not interleave (setup, conversion, sweeps, pastes).
import { CrmError } from '../../shared/errors';
import { PRODUCT } from '../../shared/names';

export const BUSY_MESSAGE = `Another ${PRODUCT} task is still running in this spreadsheet. Try again in a minute.`;

/** Runs `fn` holding the document lock; throws a BUSY CrmError when it cannot be had in `waitMs`. */
export function withDocumentLock<T>(fn: () => T, waitMs = 30000): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) throw new CrmError('BUSY', BUSY_MESSAGE);
  try {
    return fn();
  } finally {
    // Buffered writes go out before the next holder can read (Lock reference).
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
