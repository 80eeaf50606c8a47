// Remembers a failed scheduled refresh (document property) so that the next menu run can show it. The
// record is one failure, the latest, with its message cut short: it never grows with failures.
import * as z from '../../shared/schema';
import { parseStored } from '../core/storedValues';
import { documentStore } from '../core/documentState';

const KEY = 'sheetsCrm.lastRefreshFailure';

export interface RefreshFailure {
  at: string;
  message: string;
}
const failureSchema = z.object({ at: z.string(), message: z.string() });
/** Characters of a failure's message kept (an error can quote a whole cell). */
const MAX_MESSAGE = 1000;

/** Records a failure of a refresh nobody was watching. */
export function recordFailure(failure: RefreshFailure): void {
  const message =
    failure.message.length > MAX_MESSAGE ? `${failure.message.slice(0, MAX_MESSAGE)}…` : failure.message;
  documentStore()?.setProperty(KEY, JSON.stringify({ at: failure.at, message }));
}

/** The recorded failure, if any, without forgetting it. */
export function peekFailure(): RefreshFailure | null {
  return parseStored(documentStore()?.getProperty(KEY), failureSchema);
}

/** The recorded failure, if any, and forgets it. */
export function takeFailure(): RefreshFailure | null {
  const props = documentStore();
  const raw = props?.getProperty(KEY);
  if (!props || !raw) return null;
  props.deleteProperty(KEY);
  return parseStored(raw, failureSchema);
}
