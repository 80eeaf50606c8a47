// Remembers a failed scheduled refresh (document property) so that the next menu run can show it.

const KEY = 'sheetsCrm.lastRefreshFailure';

export interface RefreshFailure {
  at: string;
  message: string;
}

/** Records a failure of a refresh nobody was watching. */
export function recordFailure(failure: RefreshFailure): void {
  PropertiesService.getDocumentProperties()?.setProperty(KEY, JSON.stringify(failure));
}

/** The recorded failure, if any, without forgetting it. */
export function peekFailure(): RefreshFailure | null {
  const raw = PropertiesService.getDocumentProperties()?.getProperty(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as RefreshFailure;
  } catch {
    return null;
  }
}

/** The recorded failure, if any, and forgets it. */
export function takeFailure(): RefreshFailure | null {
  const props = PropertiesService.getDocumentProperties();
  const raw = props?.getProperty(KEY);
  if (!props || !raw) return null;
  props.deleteProperty(KEY);
  try {
    return JSON.parse(raw) as RefreshFailure;
  } catch {
    return null;
  }
}
