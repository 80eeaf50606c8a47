// Public face of the local Apps Script emulator.
export { Emulator, UserEditRejected, type EmulatorOptions, type RunOptions } from './emulator';
export { Accountant, LATENCY_MS, type CallStats, type FaultSpec } from './accounting';
export { LOCK_TIMEOUT_MESSAGE } from './locks';
export { PROTECTED_MESSAGE } from './protection';
export { WORKBOOK_FORMAT, type SavedWorkbook } from './persistence';
export { parseCsvText } from './utilities';
export { SEND_MAIL, type SentMail } from './mail';
