// Two locks. The document lock guards the Deals and History tabs: every edit check, sidebar save and
// sweep writes them under it, briefly. The task lock (the script lock) lets one long task run at a time
// (a refresh, Convert, Set up): a refresh holds the document lock only while it reads History and
// Deals and writes its sweep, so people's edits are checked while it writes the reports.
// Always the task lock first, then the document lock: never the other way round, so no two waits cross.
import { CrmError } from '../../shared/errors';
import { PRODUCT } from '../../shared/names';

export const BUSY_MESSAGE = `Another ${PRODUCT} task is still running in this spreadsheet. Try again in a minute.`;

type Lock = GoogleAppsScript.Lock.Lock;

function holding<T>(lock: Lock, fn: () => T, waitMs: number, beforeWaiting?: () => void): T {
  // With `beforeWaiting`, a first attempt that does not wait; it runs only when someone holds the lock.
  const got = beforeWaiting
    ? lock.tryLock(0) || (beforeWaiting(), lock.tryLock(waitMs))
    : lock.tryLock(waitMs);
  if (!got) throw new CrmError('BUSY', BUSY_MESSAGE);
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

/**
 * Runs `fn` holding the document lock; throws a BUSY CrmError when it cannot be had in `waitMs`.
 * `beforeWaiting` runs first if someone else holds it (one more call then, none otherwise).
 */
export function withDocumentLock<T>(fn: () => T, waitMs = 30000, beforeWaiting?: () => void): T {
  return holding(LockService.getDocumentLock() ?? LockService.getScriptLock(), fn, waitMs, beforeWaiting);
}

/** Runs a long task holding the task lock, so that no other long task runs meanwhile. */
export function withTaskLock<T>(fn: () => T, waitMs = 30000): T {
  return holding(LockService.getScriptLock(), fn, waitMs);
}

/** A long task that changes Deals or History all through: both locks, for all of it. */
export function withExclusiveTask<T>(fn: () => T, waitMs = 30000): T {
  return withTaskLock(() => withDocumentLock(fn, waitMs), waitMs);
}
