// Random CRMs for the export tests: deals written into the Deals tab by header, stage changes typed as
// a rep would (so History holds them), and the files an export wrote to Drive, read back with the
// tests' own CSV reader. Expected values come from the generated data, never from the product.
import fc from 'fast-check';
import type { Emulator } from '../../local/emulator';
import { columnOf, crm, type } from './crm';
import { readCsv } from './exports';

export interface PlannedDeal {
  id: string;
  name: string;
  company: string;
  contact: string;
  email: string;
  owner: string;
  stage: string;
  /** Stages typed afterwards, in order (History logs each). */
  moves: string[];
  amount: number;
  close: string;
  lostReason: string;
}

export const OPEN = [
  'Opportunity identified',
  'Qualified',
  'Solution designed with customer',
  'Quote sent',
  'Negotiation',
];
export const STAGES = [...OPEN, 'Won', 'Lost'];
const OWNERS = ['ana@team.example', 'ben@team.example', 'chloe@team.example'];
const COMPANIES = ['Acme', 'ACME', 'Globex, Inc.', 'Initech "EU"', 'Umbrella GmbH', 'Société Générale'];

const day = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 864e5, max: Date.UTC(2027, 11, 31) / 864e5 })
  .map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
const words = fc.constantFrom(
  'pilot',
  'renewal',
  'new logo',
  'expansion, phase 2',
  '"big" deal',
  'Ünïcode',
  'two\nlines',
);

const planned = fc.record({
  word: words,
  company: fc.constantFrom(...COMPANIES),
  person: fc.constantFrom('Casey Ng', 'Morgan Lee', 'Taylor', 'Jo van der Berg'),
  owner: fc.constantFrom(...OWNERS),
  stage: fc.constantFrom(...STAGES),
  moves: fc.array(fc.constantFrom(...STAGES), { maxLength: 2 }),
  amount: fc.oneof(
    fc.integer({ min: 0, max: 900000 }),
    fc.integer({ min: 1, max: 9000000 }).map((c) => c / 100),
  ),
  close: day,
});

/** 3 to `max` deals with their own Deal IDs. */
export function plannedDeals(max = 10): fc.Arbitrary<PlannedDeal[]> {
  return fc.array(planned, { minLength: 3, maxLength: max }).map((list) =>
    list.map((p, i) => {
      // A stage typed over itself is no change: History logs only real moves.
      const moves = p.moves.filter((m, j) => m !== (j ? p.moves[j - 1] : p.stage));
      const last = moves.at(-1) ?? p.stage;
      return {
        id: `D-${1000 + i}`,
        name: `${p.company} ${p.word}`,
        company: p.company,
        contact: p.person,
        email: `${p.person.split(' ')[0].toLowerCase()}${i}@${p.company.replace(/\W/g, '').toLowerCase() || 'x'}.example`,
        owner: p.owner,
        stage: p.stage,
        moves,
        amount: p.amount,
        close: p.close,
        lostReason: last === 'Lost' ? 'Price' : '',
      };
    }),
  );
}

/** The stage a deal ends in. */
export const finalStage = (d: PlannedDeal) => d.moves.at(-1) ?? d.stage;

/** A CRM holding the deals (refreshed once so each is checked), then their stage moves typed in. */
export function crmWithDeals(deals: readonly PlannedDeal[]): Emulator {
  const emu = crm();
  const sheet = emu.sheet('Deals');
  const put = (row: number, header: string, v: string | number) =>
    (sheet.cellAt(row, columnOf(emu, header)).v = v);
  deals.forEach((d, i) => {
    const r = i + 2;
    put(r, 'Deal ID', d.id);
    put(r, 'Deal', d.name);
    put(r, 'Company', d.company);
    put(r, 'Contact', d.contact);
    put(r, 'Email', d.email);
    put(r, 'Owner', d.owner);
    put(r, 'Stage', d.stage);
    put(r, 'Amount', d.amount);
    put(r, 'Close date', d.close);
    put(r, 'Lost reason', d.moves.length ? '' : d.lostReason);
  });
  emu.run('menuRefresh');
  deals.forEach((d, i) => {
    for (const s of d.moves) type(emu, 'Stage', i + 2, s);
    if (d.moves.length && d.lostReason) type(emu, 'Lost reason', i + 2, d.lostReason);
  });
  return emu;
}

/** Sets one cell of CRM Settings' Export stage map: the row of `stage`, the column of `target`. */
export function mapStage(emu: Emulator, stage: string, target: string, value: string): void {
  const values = emu.values('CRM Settings');
  const c0 = values[0].findIndex((v) => v === 'Export stage map');
  const col = c0 + values[1].slice(c0).findIndex((v) => v === target);
  const row = values.findIndex((r, i) => i >= 2 && r[c0] === stage);
  if (c0 < 0 || row < 0) throw new Error(`No Export stage map row for ${stage}`);
  emu.sheet('CRM Settings').cellAt(row + 1, col + 1).v = value;
}

/** The files of the newest export folder, each parsed as rows (README.txt as its text's lines). */
export function exportedFiles(emu: Emulator): Map<string, string[][]> {
  const folders = [...emu.drive.plain.values()].filter(
    (f) => f.mimeType === 'application/vnd.google-apps.folder',
  );
  const folder = folders.at(-1);
  if (!folder) return new Map();
  return new Map(emu.drive.inFolder(folder.id).map((f) => [f.name, readCsv(f.content)]));
}

/** A CSV file's rows as objects keyed by its header. */
export function rowsOf(file: string[][] | undefined): Record<string, string>[] {
  if (!file) throw new Error('no such file');
  const [header, ...rows] = file;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
