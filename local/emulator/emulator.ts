// The emulator: one spreadsheet with its bound script. Loads dist/Code.js (scriptContext.ts) into a
// context holding our Apps Script globals, runs its functions as simulated executions, simulates
// user edits (validation, protection, onEdit), fires triggers, and saves/loads the whole state.
import { MailAppEmulator } from './mail';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmulatorEnv } from './env';
import { Spreadsheet } from './spreadsheet';
import { SpreadsheetAppEmulator, ChartsEmulator } from './services';
import { ScriptAppService, type Trigger } from './triggers';
import { LockServiceEmulator } from './locks';
import { CacheServiceEmulator, PropertiesServiceEmulator } from './stores';
import { LogSink, SessionEmulator, UtilitiesEmulator } from './utilities';
import { HtmlServiceEmulator } from './html';
import { loadWorkbook, saveWorkbook, type SavedWorkbook } from './persistence';
import { parseA1 } from './a1';
import { storeInput } from './range';
import { satisfies } from './validation';
import { PROTECTED_MESSAGE } from './protection';
import { assertCellTexts, normaliseWritten, type CellValue } from './cellValues';
import { isDate, zonedParts } from './wallClock';
import { scriptDateClass } from './scriptDate';
import type { Sheet } from './sheet';
import { AdvancedDrive, AdvancedSheets, DriveStore, type DriveFile } from './drive';
import { fileVersion, loadScript } from './scriptContext';

export interface EmulatorOptions {
  timeZone?: string;
  scriptTimeZone?: string;
  name?: string;
  owner?: string;
  now?: Date | string;
}

/** What a manifest grants and enables. */
interface Manifest {
  oauthScopes: string[];
  advancedServices: string[];
}

/** How much an execution may do (ScriptApp.AuthMode): the Apps Script modes the emulator models. */
export type AuthModeName = 'FULL' | 'LIMITED' | 'NONE';

export interface RunOptions {
  user?: string;
  at?: Date | string;
  /** 'FULL' for menu items, installable triggers and the sidebar; 'LIMITED' for simple triggers. */
  authMode?: AuthModeName;
}

export interface ExecutionRecord {
  id: number;
  fn: string;
  user: string;
  at: string;
  ok: boolean;
  error?: string;
}

export class UserEditRejected extends Error {}

export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

/**
 * How onEdit's e.value / e.oldValue carry a value: as a string, with a date as its serial day number in
 * the spreadsheet's zone (unconfirmed; the safer reading, since code must parse strings either way).
 */
function eventString(v: CellValue, timeZone: string): string {
  if (isDate(v)) {
    const p = zonedParts(v, timeZone);
    const days =
      (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Date.UTC(1899, 11, 30)) / 86400000;
    return String(Math.round(days * 1e6) / 1e6);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export class Emulator {
  readonly env = new EmulatorEnv();
  ss: Spreadsheet;
  readonly scriptApp: ScriptAppService;
  readonly locks: LockServiceEmulator;
  readonly properties: PropertiesServiceEmulator;
  readonly cache: CacheServiceEmulator;
  /** MailApp: what the script sent (see mail.ts). */
  readonly mail: MailAppEmulator;
  readonly html: HtmlServiceEmulator;
  readonly logs = new LogSink();
  spreadsheetApp: SpreadsheetAppEmulator;
  executions: ExecutionRecord[] = [];
  authMode: AuthModeName = 'FULL';
  /**
   * Consumer (gmail.com) accounts or editors from another domain: e.user is blank in simple triggers
   * for everyone but the script's owner (Class User reference).
   */
  consumerAccounts = false;
  /** Drive: the bound spreadsheet and every file the script creates, with who may open each. */
  readonly drive = new DriveStore();
  /** What the loaded manifest (appsscript.json) grants and enables. */
  manifest: Manifest = { oauthScopes: [], advancedServices: [] };
  private context: Record<string, unknown> | null = null;
  private scriptFiles: string[] = [];
  /**
   * Each execution in a new script context, as in Apps Script: nothing a global held survives to the
   * next one, and each pays for loading the script. Off by default (one context is faster for the
   * thousands of executions a test runs); the bench and tests of state between executions set it, and
   * `EMULATOR_FRESH_CONTEXTS=1 npm test` runs every test so (slower: a fidelity check of the suite).
   */
  freshContexts = process.env.EMULATOR_FRESH_CONTEXTS === '1';

  constructor(opts: EmulatorOptions = {}) {
    if (opts.scriptTimeZone) this.env.scriptTimeZone = opts.scriptTimeZone;
    if (opts.now) this.env.nowMs = new Date(opts.now).getTime();
    this.ss = new Spreadsheet(this.env, 'local-spreadsheet', opts.name ?? 'Sheets CRM (local)', opts.owner);
    if (opts.timeZone) this.ss.timeZone = opts.timeZone;
    this.env.activeUser = this.ss.owner;
    this.ss.addSheet('Sheet1');
    this.scriptApp = new ScriptAppService(this.env);
    this.locks = new LockServiceEmulator(this.env);
    this.properties = new PropertiesServiceEmulator(this.env);
    this.cache = new CacheServiceEmulator(this.env);
    this.mail = new MailAppEmulator(this.env, () => this.manifest.oauthScopes);
    this.html = new HtmlServiceEmulator(this.env);
    this.spreadsheetApp = new SpreadsheetAppEmulator(this.env, this.ss);
    this.drive.register(this.ss, false);
  }

  /** Whether a person can open a file (the CRM spreadsheet or one the script created). */
  canOpen(user: string, fileId: string): boolean {
    return this.drive.roleOf(user, fileId) !== null;
  }

  /** Files the script created (the board workbook), in creation order. */
  createdFiles(): DriveFile[] {
    return [...this.drive.files.values()].filter((f) => f.createdByScript);
  }

  get acc() {
    return this.env.acc;
  }
  get ui() {
    return this.spreadsheetApp.ui;
  }

  /** The Apps Script globals handed to the script's context. */
  globals(): Record<string, unknown> {
    const env = this.env;
    const ScriptDate = scriptDateClass(env);
    env.makeDate = (ms) => new ScriptDate(ms);
    // LIMITED (simple triggers): ScriptApp needs authorization. NONE (an Editor add-on's onOpen before
    // it is used in the document): only the add-on menu may be built; every other service refuses
    // (Editor add-on authorization lifecycle, "AuthMode.NONE").
    const guard = <T extends object>(name: string, service: T, inNone: readonly string[] = []): T =>
      new Proxy(service, {
        get: (target, prop, receiver) => {
          const method =
            typeof prop === 'string' && typeof (target as Record<string, unknown>)[prop] === 'function';
          if (method && this.authMode === 'NONE' && !inNone.includes(prop))
            throw new Error(`Authorization is required to perform that action. (${name}.${prop})`);
          if (method && this.authMode === 'LIMITED' && name === 'ScriptApp')
            throw new Error(
              `You do not have permission to call ${name}.${prop}. Required permissions: https://www.googleapis.com/auth/script.scriptapp`,
            );
          return Reflect.get(target, prop, receiver);
        },
      });
    return {
      SpreadsheetApp: guard('SpreadsheetApp', this.spreadsheetApp, ['getUi']),
      Charts: ChartsEmulator,
      ScriptApp: guard('ScriptApp', this.scriptApp),
      LockService: guard('LockService', this.locks),
      PropertiesService: guard('PropertiesService', this.properties),
      CacheService: guard('CacheService', this.cache),
      MailApp: guard('MailApp', this.mail),
      Session: guard('Session', new SessionEmulator(env, () => this.manifest.oauthScopes)),
      Utilities: new UtilitiesEmulator(env),
      HtmlService: this.html,
      Logger: this.logs.logger(),
      console: this.logs.console(),
      Date: ScriptDate,
      // Advanced services exist only when the manifest enables them, as in Apps Script.
      ...(this.manifest.advancedServices.includes('Sheets')
        ? { Sheets: new AdvancedSheets(env, this.drive, () => this.manifest.oauthScopes) }
        : {}),
      ...(this.manifest.advancedServices.includes('Drive')
        ? { Drive: new AdvancedDrive(env, this.drive, () => this.manifest.oauthScopes) }
        : {}),
    };
  }

  /** Loads the built script (dist/Code.js) and the project's HTML files from a folder. */
  load(distDir = path.resolve(__dirname, '../../dist')): this {
    const project = readProject(distDir);
    if (project.manifest)
      this.manifest = {
        oauthScopes: [...project.manifest.oauthScopes],
        advancedServices: [...project.manifest.advancedServices],
      };
    Object.assign(this.html.files, project.html);
    this.scriptFiles = [path.join(distDir, 'Code.js')];
    this.context = loadScript(this.scriptFiles, this.globals());
    return this;
  }

  /** The script's global scope (top-level functions and the bundle's global). */
  get script(): Record<string, unknown> {
    if (!this.context) throw new Error('No script loaded: call load() first.');
    return this.context;
  }

  /** Runs a top-level function as one execution, as a user at a time; locks are released at the end. */
  run<T = unknown>(fn: string, args: unknown[] = [], opts: RunOptions = {}): T {
    if (this.freshContexts && this.scriptFiles.length)
      this.context = loadScript(this.scriptFiles, this.globals());
    const target = this.script[fn];
    if (typeof target !== 'function') throw new Error(`Script function not found: ${fn}`);
    const saved = { user: this.env.activeUser, exec: this.env.executionId, auth: this.authMode };
    if (opts.at) this.env.nowMs = new Date(opts.at).getTime();
    this.env.activeUser = opts.user ?? this.ss.owner;
    this.env.executionId = this.env.nextExecution();
    this.acc.execution = this.env.executionId;
    this.authMode = opts.authMode ?? 'FULL';
    const record: ExecutionRecord = {
      id: this.env.executionId,
      fn,
      user: this.env.activeUser,
      at: new Date(this.env.nowMs).toISOString(),
      ok: true,
    };
    this.executions.push(record);
    // 6 minutes for an execution; 30 seconds for a simple trigger (measured on the latency model).
    const outerLimit = this.acc.snapshotDeadline();
    this.acc.limitExecution(this.authMode === 'FULL' ? EXECUTION_LIMIT_MS : SIMPLE_TRIGGER_LIMIT_MS);
    try {
      return (target as (...a: unknown[]) => T)(...args);
    } catch (e) {
      record.ok = false;
      record.error = e instanceof Object && 'message' in e ? String((e as Error).message) : String(e);
      throw e;
    } finally {
      this.acc.restoreDeadline(outerLimit);
      this.acc.endExecution(this.env.executionId);
      this.acc.execution = saved.exec;
      this.locks.releaseAll(this.env.executionId);
      this.env.activeUser = saved.user;
      this.env.executionId = saved.exec;
      this.authMode = saved.auth;
    }
  }

  /**
   * A person opens the spreadsheet: the simple onOpen trigger runs in LIMITED mode, or, for an Editor
   * add-on not yet used in this document, in NONE (only its menu may be built).
   */
  open(user = this.ss.owner, authMode: 'LIMITED' | 'NONE' = 'LIMITED'): void {
    if (typeof this.script.onOpen === 'function')
      this.run('onOpen', [{ source: this.ss, authMode, user: { getEmail: () => user } }], { user, authMode });
  }

  /**
   * A person changes cells. Protected cells refuse non-editors; then onEdit and installable edit
   * triggers fire. `kind` 'type' (the default) is typing: a one-cell edit carries e.value and
   * e.oldValue, and a rejecting dropdown refuses bad input. 'paste' is a paste, fill-down or drag-move:
   * no values on the event even for one cell (tanaikech's edit-type studies), no validation check, and
   * the pasted cells lose their dropdowns and number formats (the source's replace them).
   * `trigger` 'later': the cells change at once but the triggers wait in `lateTriggers` until
   * `runLateTriggers()` (Sheets starts trigger runs on its side some time after the edit, so other
   * work, a refresh's writes say, can happen between the edit and its check).
   */
  userEdit(
    sheetName: string,
    a1: string,
    values: unknown | unknown[][],
    opts: { user?: string; kind?: 'type' | 'paste'; trigger?: 'now' | 'later' } = {},
  ): void {
    const paste = opts.kind === 'paste';
    const user = opts.user ?? this.ss.owner;
    const sheet = this.sheet(sheetName);
    const box = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    const grid = Array.isArray(values) ? (values as unknown[][]) : [[values]];
    if (grid.length !== box.numRows || grid.some((r) => r.length !== box.numCols))
      throw new Error(`userEdit: the values do not fit ${a1}`);
    const single = box.numRows === 1 && box.numCols === 1;
    // Sheets refuses a cell's text past its limit, typed or pasted, as it refuses a script's write.
    try {
      for (const row of grid) assertCellTexts(row);
    } catch (e) {
      throw new UserEditRejected((e as Error).message);
    }
    const prevUser = this.env.activeUser;
    this.env.activeUser = user;
    try {
      if (sheet.protections.some((p) => p.blocks(box, user))) throw new UserEditRejected(PROTECTED_MESSAGE);
    } finally {
      this.env.activeUser = prevUser;
    }
    const oldCell = sheet.rows[box.row - 1]?.[box.col - 1];
    const oldValue = oldCell && oldCell.v !== '' ? oldCell.v : undefined;
    if (single && !paste) {
      const typed = normaliseWritten(
        grid[0][0],
        this.ss.timeZone,
        this.env.now().getUTCFullYear(),
        this.ss.locale,
      ).value;
      const dv = oldCell?.dv;
      if (dv && !dv.spec.allowInvalid && !satisfies(dv.spec, typed))
        throw new UserEditRejected(
          dv.spec.helpText ?? `Invalid: input must fall within the rule set for ${a1}.`,
        );
    }
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = sheet.cellAt(box.row + r, box.col + c);
        storeInput(cell, v, this.ss.timeZone, this.env.now().getUTCFullYear(), this.ss.locale);
        if (paste) {
          cell.dv = undefined;
          cell.nf = undefined;
        }
      }),
    );
    const range = sheet.rangeAt(box.row, box.col, box.numRows, box.numCols);
    // Consumer accounts: Google tells a simple trigger who edited only when it is the script's owner.
    const reported = this.consumerAccounts && user !== this.ss.owner ? '' : user;
    const event: Record<string, unknown> = {
      range,
      source: this.ss,
      user: { getEmail: () => reported },
      authMode: 'LIMITED',
    };
    if (single && !paste) {
      const newCell = sheet.rows[box.row - 1]?.[box.col - 1];
      if (newCell && newCell.v !== '') event.value = eventString(newCell.v, this.ss.timeZone);
      if (oldValue !== undefined) event.oldValue = eventString(oldValue, this.ss.timeZone);
    }
    const fire = () => {
      if (typeof this.context?.onEdit === 'function')
        this.run('onEdit', [event], { user, authMode: 'LIMITED' });
      for (const t of this.scriptApp.triggers.filter((x) => x.spec.eventType === 'ON_EDIT'))
        this.run(t.spec.handler, [{ ...event, authMode: 'FULL', triggerUid: t.spec.id }], {
          user: t.spec.owner,
        });
    };
    if (opts.trigger === 'later') this.lateTriggers.push(fire);
    else fire();
  }

  /** Edits whose triggers have not run yet (userEdit with `trigger: 'later'`), oldest first. */
  readonly lateTriggers: (() => void)[] = [];

  /** Runs the triggers of the edits made with `trigger: 'later'`, in the order the edits were made. */
  runLateTriggers(): void {
    while (this.lateTriggers.length) this.lateTriggers.shift()!();
  }

  /** Fires an installable trigger, found by id or handler name, as its owner. */
  fireTrigger(idOrHandler: string, at?: Date | string): unknown {
    const t: Trigger | undefined = this.scriptApp.triggers.find(
      (x) => x.spec.id === idOrHandler || x.spec.handler === idOrHandler,
    );
    if (!t) throw new Error(`No trigger ${idOrHandler}`);
    if (at) this.env.nowMs = new Date(at).getTime();
    const now = new Date(this.env.nowMs);
    const event =
      t.spec.eventType === 'CLOCK'
        ? {
            authMode: 'FULL',
            triggerUid: t.spec.id,
            year: now.getUTCFullYear(),
            month: now.getUTCMonth() + 1,
            'day-of-month': now.getUTCDate(),
            hour: now.getUTCHours(),
            minute: now.getUTCMinutes(),
            second: now.getUTCSeconds(),
            timezone: 'UTC',
          }
        : { authMode: 'FULL', triggerUid: t.spec.id, source: this.ss };
    return this.run(t.spec.handler, [event], { user: t.spec.owner });
  }

  sheet(name: string): Sheet {
    const s = this.ss.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  /** The values of a tab as the script would read them, without counting a call. */
  values(sheetName: string): unknown[][] {
    const s = this.sheet(sheetName);
    const rows = s.lastRowIndex();
    const cols = s.lastColumnIndex();
    return rows && cols ? s.rangeAt(1, 1, rows, cols).peekValues() : [];
  }

  save(): SavedWorkbook {
    const saved = saveWorkbook(this.env, this.ss, this.scriptApp, this.properties);
    const files = this.createdFiles().map((f) => ({
      owner: f.owner,
      appUsers: [...f.appUsers],
      permissions: f.permissions.map((p) => ({ ...p })),
      spreadsheet: saveWorkbook(
        this.env,
        f.spreadsheet,
        new ScriptAppService(this.env),
        new PropertiesServiceEmulator(this.env),
      ).spreadsheet,
    }));
    return files.length ? { ...saved, files } : saved;
  }

  /** A file the script created, as a saved workbook of its own (what --export-board writes). */
  saveFile(fileId: string): SavedWorkbook {
    const f = this.drive.files.get(fileId);
    if (!f) throw new Error(`No file ${fileId}`);
    return saveWorkbook(
      this.env,
      f.spreadsheet,
      new ScriptAppService(this.env),
      new PropertiesServiceEmulator(this.env),
    );
  }
  saveTo(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(this.save(), null, 1));
  }

  /** An emulator whose spreadsheet and script state come from a saved workbook. */
  static fromSaved(data: SavedWorkbook, opts: EmulatorOptions = {}): Emulator {
    const emu = new Emulator(opts);
    emu.ss = loadWorkbook(emu.env, data, emu.scriptApp, emu.properties);
    emu.spreadsheetApp = new SpreadsheetAppEmulator(emu.env, emu.ss);
    emu.drive.files.clear();
    emu.drive.register(emu.ss, false);
    for (const f of data.files ?? []) {
      const ss = loadWorkbook(
        emu.env,
        {
          ...data,
          spreadsheet: f.spreadsheet,
          triggers: [],
          properties: { script: {}, document: {}, users: {} },
        },
        new ScriptAppService(emu.env),
        new PropertiesServiceEmulator(emu.env),
      );
      emu.drive.register(ss, true, [...(f.appUsers ?? [f.owner])]).permissions = f.permissions.map((p) => ({
        ...p,
      }));
    }
    return emu;
  }
  static fromFile(file: string, opts: EmulatorOptions = {}): Emulator {
    return Emulator.fromSaved(JSON.parse(fs.readFileSync(file, 'utf8')) as SavedWorkbook, opts);
  }
}

/** A built project's manifest and HTML files, read again only when a file of the folder changed. */
const projects = new Map<
  string,
  { version: string; manifest: Manifest | null; html: Record<string, string> }
>();
function readProject(distDir: string) {
  const names = fs.readdirSync(distDir).filter((f) => f === 'appsscript.json' || f.endsWith('.html'));
  const version = names.map((f) => `${f}=${fileVersion(path.join(distDir, f))}`).join(';');
  const known = projects.get(distDir);
  if (known && known.version === version) return known;
  let manifest: Manifest | null = null;
  if (names.includes('appsscript.json')) {
    const m = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as {
      oauthScopes?: string[];
      dependencies?: { enabledAdvancedServices?: { userSymbol: string }[] };
    };
    manifest = {
      oauthScopes: m.oauthScopes ?? [],
      advancedServices: (m.dependencies?.enabledAdvancedServices ?? []).map((x) => x.userSymbol),
    };
  }
  const html: Record<string, string> = {};
  for (const f of names)
    if (f.endsWith('.html')) html[f.replace(/\.html$/, '')] = fs.readFileSync(path.join(distDir, f), 'utf8');
  const project = { version, manifest, html };
  projects.set(distDir, project);
  return project;
}
