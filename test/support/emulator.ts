// Test helpers: an emulator loaded with the built dist/Code.js, ready to run as a person would.
import * as path from 'node:path';
import { Emulator, type EmulatorOptions } from '../../local/emulator';

export const DIST = path.resolve(__dirname, '../../dist');

/** A fresh emulator with the built script loaded (run `npm run build` first; `npm test` does). */
export function loadedEmulator(opts: EmulatorOptions = {}): Emulator {
  return new Emulator({ timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z', ...opts }).load(DIST);
}

/** The Editor add-on build (dist-addon/): the same code, its menu under Extensions. */
export const DIST_ADDON = path.resolve(__dirname, '../../dist-addon');
