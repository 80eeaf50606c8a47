// Errors people read and programs branch on: each carries a stable `code` beside its message, so no
// code ever compares message text (the words may change; the codes do not).
export const ERROR_CODES = [
  'BUSY',
  'NO_SPREADSHEET',
  'NOT_SET_UP',
  'TAB_MISSING',
  'SETTINGS_MISSING',
  'SETTINGS_INVALID',
  'NOT_A_DEALS_TAB',
  'NOTHING_TO_CONVERT',
  'DEAL_GONE',
  'PROJECT_FILE_MISSING',
  'EXPORT_INCOMPLETE',
  'TOO_MANY_CELLS',
  'TOO_LONG',
  'ARCHIVE_DAMAGED',
  'DEALS_HEADER_BROKEN',
  'HISTORY_HEADER_BROKEN',
  'DEALS_GONE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error whose message speaks to the person and whose code speaks to the program. */
export class CrmError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

/** The code of a CrmError (from any realm), or null for any other error. */
export function errorCode(e: unknown): ErrorCode | null {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return (ERROR_CODES as readonly unknown[]).includes(code) ? (code as ErrorCode) : null;
}
