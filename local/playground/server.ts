// The local playground: serves the real dist/Sidebar.html with google.script.run bridged to
// dist/Code.js running on the emulator, next to an editable Deals grid (see dealsGrid.ts).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { isDate } from '../../src/shared/zonedTime';
import { SIDEBAR_FUNCTIONS } from '../../src/shared/sidebarApi';
import {
  DATA_ISSUES_TAB,
  FORECAST_HISTORY_TAB,
  FORECAST_TAB,
  FUNNEL_TAB,
  segmentTabName,
  UNSEGMENTED,
} from '../../src/shared/names';
import type { Emulator } from '../emulator';
import { BRIDGE_SCRIPT } from './bridge';
import { spreadsheetPage } from './sheetPages';
import { dealsGrid, dealsPage, editFromGrid } from './dealsGrid';

const REPORT_TABS = [
  FORECAST_TAB,
  FUNNEL_TAB,
  ...['A', 'B', 'C', UNSEGMENTED].map(segmentTabName),
  DATA_ISSUES_TAB,
  FORECAST_HISTORY_TAB,
];

/** Server functions the sidebar may call (as google.script.run only reaches public functions). */
const CALLABLE = new Set<string>(SIDEBAR_FUNCTIONS);

export interface Playground {
  url: string;
  close(): Promise<void>;
}

/** A Date anywhere in a return value makes Apps Script deliver null to the client. */
function crossable(v: unknown): boolean {
  if (isDate(v) || typeof v === 'function') return false;
  if (v && typeof v === 'object') return Object.values(v).every(crossable);
  return true;
}

/** Starts the playground on `port` (0 = any free port on 127.0.0.1); `save` runs after each call. */
export function startPlayground(
  emu: Emulator,
  distDir: string,
  port = 0,
  save: () => void = () => undefined,
  user?: string,
): Promise<Playground> {
  const server = http.createServer((req, res) => {
    const send = (code: number, type: string, body: string) => {
      res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/sidebar') {
      const html = fs.readFileSync(path.join(distDir, 'Sidebar.html'), 'utf8');
      return send(200, 'text/html; charset=utf-8', html.replace('<head>', `<head>${BRIDGE_SCRIPT}`));
    }
    if (req.method === 'GET' && (req.url === '/' || req.url === '/index.html'))
      return send(200, 'text/html; charset=utf-8', dealsPage());
    if (req.method === 'GET' && req.url === '/deals.json')
      return send(200, 'application/json', JSON.stringify(dealsGrid(emu)));
    if (req.method === 'POST' && req.url === '/edit') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          editFromGrid(emu, JSON.parse(body) as { row: number; column: number; value: string }, user);
          save();
          send(200, 'application/json', JSON.stringify({ ok: true, rows: dealsGrid(emu) }));
        } catch (e) {
          send(200, 'application/json', JSON.stringify({ ok: false, error: (e as Error).message }));
        }
      });
      return;
    }
    if (req.method === 'GET' && req.url === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (req.method === 'GET' && req.url === '/reports')
      return send(200, 'text/html; charset=utf-8', spreadsheetPage('Report tabs', emu.ss, REPORT_TABS));
    if (req.method === 'GET' && req.url === '/board') {
      const file = emu.createdFiles()[0];
      const page = file
        ? spreadsheetPage(
            'Board workbook',
            file.spreadsheet,
            file.spreadsheet.sheets.map((s) => s.name),
            `What the board sees: ${file.spreadsheet.name}. Shared view-only with: ${
              file.permissions
                .filter((p) => p.role === 'reader')
                .map((p) => p.emailAddress)
                .join(', ') || 'nobody yet'
            }.`,
          )
        : spreadsheetPage(
            'Board workbook',
            emu.ss,
            [],
            'No board workbook yet: choose Sheets CRM > Update board workbook (npm start does it).',
          );
      return send(200, 'text/html; charset=utf-8', page);
    }
    const vendor = /^\/vendor\/chartist\.(js|css)$/.exec(req.url ?? '');
    if (req.method === 'GET' && vendor) {
      const file = require.resolve(`chartist/dist/${vendor[1] === 'js' ? 'index.umd.js' : 'index.css'}`);
      return send(200, vendor[1] === 'js' ? 'text/javascript' : 'text/css', fs.readFileSync(file, 'utf8'));
    }
    if (req.method === 'POST' && req.url === '/run') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          const { fn, args } = JSON.parse(body) as { fn: string; args: unknown[] };
          if (!CALLABLE.has(fn))
            return send(
              200,
              'application/json',
              JSON.stringify({ ok: false, error: `Script function not found: ${fn}` }),
            );
          const value = emu.run(fn, args, { user: user ?? emu.ss.owner });
          save();
          send(200, 'application/json', JSON.stringify({ ok: true, value: crossable(value) ? value : null }));
        } catch (e) {
          send(
            200,
            'application/json',
            JSON.stringify({
              ok: false,
              error: e instanceof Object && 'message' in e ? String(e.message) : String(e),
            }),
          );
        }
      });
      return;
    }
    send(404, 'text/plain', 'Not found');
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}
