// The board workbook through dist/Code.js: a separate file of aggregates, never a deal; figures equal
// the CRM's tabs; "since the last meeting" on a hand-built example; sharing with exactly the listed
// board members, view-only; at most 4 service calls per update.
import type { Emulator } from '../../local/emulator';
import { fillDemo } from '../support/demoWorkbook';
import { crm, headerOf, records, tableUnder, type } from '../support/crm';

type Cell = string | number | boolean | Date;

/** The board file the script created, and every text it shows (cells, formulas, chart titles, sheet and file names). */
function board(emu: Emulator) {
  const files = emu.createdFiles();
  expect(files).toHaveLength(1);
  const ss = files[0].spreadsheet;
  const texts: string[] = [ss.name];
  for (const s of ss.sheets) {
    texts.push(s.name);
    s.rows.forEach((row) => row?.forEach((c) => c && texts.push(String(c.v), c.f ?? '')));
    for (const ch of s.charts) texts.push(String(ch.spec.options.title ?? ''));
  }
  const values = (name: string) => {
    const s = ss.sheets.find((x) => x.name === name)!;
    return Array.from(s.rows, (row) => Array.from(row ?? [], (c) => (c ? c.v : '')) as Cell[]);
  };
  return { file: files[0], ss, texts, values };
}

/** Rows under the board table whose first header is `first`. */
function boardTable(values: Cell[][], first: string): Record<string, Cell>[] {
  const at = values.findIndex((r) => r[0] === first);
  if (at < 0) throw new Error(`No board table "${first}"`);
  const header = values[at].map(String);
  const out: Record<string, Cell>[] = [];
  for (const r of values.slice(at + 1)) {
    if (!r.length || r.every((v) => v === '' || v === undefined)) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  }
  return out;
}

/** "Mar 2026" for an instant in the CRM's time zone (Intl, not the product's calendar). */
function monthIn(emu: Emulator, d: Date): string {
  const tz = emu.spreadsheetApp.getActiveSpreadsheet()!.getSpreadsheetTimeZone();
  return new Intl.DateTimeFormat('en-US', { timeZone: tz, month: 'short', year: 'numeric' }).format(d);
}

/** "2026-03-10" for an instant in the CRM's time zone (Intl, not the product's calendar). */
function dayIn(emu: Emulator): (d: Date) => string {
  const tz = emu.spreadsheetApp.getActiveSpreadsheet()!.getSpreadsheetTimeZone();
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (d) => f.format(d);
}

const isDateCell = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Each won or lost deal with the month it was marked so, worked out from the tabs: History's last move
 * to its stage, else its Stage entered, else its close date; and the month it was created.
 */
function closedDeals(emu: Emulator) {
  const marked = new Map<string, Date>();
  for (const h of records(emu, 'History'))
    if (h['Field'] === 'Stage' && isDateCell(h['Time']))
      marked.set(`${String(h['Deal ID'])}|${String(h['To'])}`, h['Time']);
  return records(emu)
    .filter((r) => r['Stage'] === 'Won' || r['Stage'] === 'Lost')
    .flatMap((r) => {
      const at =
        marked.get(`${String(r['Deal ID'])}|${String(r['Stage'])}`) ??
        (r['Stage entered'] || r['Close date']);
      return isDateCell(at)
        ? [{ won: r['Stage'] === 'Won', amount: Number(r['Amount']), month: monthIn(emu, at) }]
        : [];
    });
}

/** Three open deals are given a close date three months back, then marked Won today, in the grid. */
function markWonLate(emu: Emulator): void {
  const late = records(emu)
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => r['Stage'] === 'Negotiation')
    .slice(0, 3);
  expect(late).toHaveLength(3);
  const back = new Date(emu.env.nowMs - 90 * 86_400_000).toISOString().slice(0, 10);
  for (const { row } of late) type(emu, 'Close date', row, back);
  for (const { row } of late) type(emu, 'Stage', row, 'Won');
}

function setBoard(emu: Emulator, members: string[], meetings: string[] = []) {
  const sheet = emu.sheet('CRM Settings');
  const memberCell = settingsA1Header(emu, 'Board member (email)');
  for (let i = 0; i < 5; i++) {
    sheet.getRange(`${memberCell.col}${memberCell.row + i}`).setValue(members[i] ?? '');
    sheet.getRange(`${memberCell.next}${memberCell.row + i}`).setValue(meetings[i] ? `'${meetings[i]}` : '');
  }
}

/** Where the Board block's first item row is: its member column letter, the next one, and the row. */
function settingsA1Header(emu: Emulator, header: string) {
  const h = emu.values('CRM Settings')[1].map(String);
  const c = h.indexOf(header);
  const letter = (n: number) =>
    n < 26
      ? String.fromCharCode(65 + n)
      : String.fromCharCode(64 + Math.floor(n / 26)) + String.fromCharCode(65 + (n % 26));
  return { col: letter(c), next: letter(c + 1), row: 3 };
}

describe('the board workbook', () => {
  it('holds no deal name, company, contact, email, Deal ID, note or owner anywhere', () => {
    const emu = crm();
    fillDemo(emu, 300);
    const deals = emu.sheet('Deals');
    const width = headerOf(emu).length;
    const rows = emu.values('Deals').slice(1);
    const col = (h: string) => headerOf(emu).indexOf(h);
    rows.forEach((r, i) => {
      r[col('Deal')] = `Zebra deal ${i}`;
      r[col('Company')] = `Quokka Holdings ${i}`;
      r[col('Contact')] = `Xavier Quill ${i}`;
      r[col('Email')] = `xq${i}@quokka.example`;
      r[col('Notes')] = `Secret note ${i}`;
    });
    deals.getRange(2, 1, rows.length, width).setValues(rows as Cell[][]);
    setBoard(emu, ['chair@board.example']);
    emu.run('menuUpdateBoard');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: board workbook created');
    const { texts } = board(emu);
    const all = texts.join('\n');
    const forbidden = records(emu).flatMap((d) =>
      ['Deal ID', 'Deal', 'Company', 'Contact', 'Email', 'Notes', 'Owner']
        .map((h) => String(d[h]))
        .filter((v) => v.length > 2),
    );
    const found = [...new Set(forbidden)].filter((v) => all.includes(v));
    expect(found).toEqual([]);
    for (const owner of ['Ana Ortiz', 'Ben Carter', 'Chloé Martin', 'Dev Patel', 'ana@demo.example'])
      expect(all).not.toContain(owner);
    expect(all).toContain('Why deals are lost');
  });

  it('never shows a group of one or two deals on its own', () => {
    const emu = crm({ now: '2026-03-10T15:00:00Z' });
    const sheet = emu.sheet('Deals');
    const h = headerOf(emu);
    const row = (f: Record<string, Cell>) => h.map((x) => f[x] ?? '');
    // One won deal of 77,777 and two lost deals of 55,555 and 44,444 (together 99,999).
    sheet.getRange(2, 1, 3, h.length).setValues([
      row({
        'Deal ID': 'D-1',
        Deal: 'a',
        Stage: 'Won',
        Amount: 77777,
        'Close date': new Date('2026-02-10T15:00:00Z'),
        Industry: 'Software',
        Employees: 500,
      }),
      row({
        'Deal ID': 'D-2',
        Deal: 'b',
        Stage: 'Lost',
        Amount: 55555,
        'Lost reason': 'Price',
        'Close date': new Date('2026-02-11T15:00:00Z'),
      }),
      row({
        'Deal ID': 'D-3',
        Deal: 'c',
        Stage: 'Lost',
        Amount: 44444,
        'Lost reason': 'Lost to competitor',
        Competitor: 'Globex',
        'Close date': new Date('2026-02-12T15:00:00Z'),
      }),
    ]);
    emu.run('menuUpdateBoard');
    const { texts } = board(emu);
    for (const n of [77777, 55555, 44444, 99999, 0.5, 0.55555]) expect(texts).not.toContain(String(n));
    expect(texts.join('\n')).toContain('fewer than 3 deals');
    expect(texts).not.toContain('Globex');
  });

  it('shows the same figures as the Forecast and Funnel tabs it summarises', () => {
    const emu = crm();
    fillDemo(emu, 400);
    markWonLate(emu);
    emu.run('menuUpdateBoard');
    const { values } = board(emu);
    const b = values('Board');
    const horizons = boardTable(b, 'Weighted forecast');
    const forecast = tableUnder(emu, 'Forecast', 'Horizon');
    let compared = 0;
    for (const label of ['Next 3 months', 'Next 6 months', 'Next 12 months']) {
      const mine = horizons.find((r) => r['Weighted forecast'] === label)!;
      const theirs = forecast.find((r) => r['Horizon'] === label)!;
      for (const [m, t] of [
        ['Won', 'Won'],
        ['Commit', 'Commit'],
        ['Best case', 'Best case'],
        ['Pipeline', 'Pipeline'],
        ['Weighted open', 'Weighted'],
        ['Target', 'Target'],
      ])
        if (typeof mine[m] === 'number') {
          expect([label, m, mine[m]]).toEqual([label, m, theirs[t]]);
          compared++;
        }
    }
    // Won by the month each deal was marked Won, worked out here from History (its last move to the
    // deal's stage), else Stage entered, else the close date.
    const MONTH = 'Closed by month (when marked won or lost)';
    const months = boardTable(b, MONTH);
    const byMonth = new Map<string, { n: number; sum: number }>();
    for (const d of closedDeals(emu).filter((x) => x.won)) {
      const t = byMonth.get(d.month) ?? { n: 0, sum: 0 };
      byMonth.set(d.month, { n: t.n + 1, sum: t.sum + d.amount });
    }
    const monthRows = months.filter((m) => /^[A-Z][a-z]{2} \d{4}/.test(String(m[MONTH])));
    expect(monthRows).toHaveLength(12);
    // The demo's reps mark deals won in other months than their close dates: the two differ.
    const closed = tableUnder(emu, 'Forecast', 'Closed, by close date');
    expect(monthRows.some((m, i) => m['Won deals'] !== closed[i]['Won deals'])).toBe(true);
    for (const m of monthRows) {
      const expected = byMonth.get(String(m[MONTH]).slice(0, 8)) ?? {
        n: 0,
        sum: 0,
      };
      expect(m['Won deals']).toBe(expected.n);
      if (typeof m['Won'] === 'number') {
        expect(m['Won']).toBeCloseTo(expected.sum, 6);
        compared++;
      }
    }
    const segments = boardTable(b, 'Win rate by segment');
    const funnel = tableUnder(emu, 'Funnel', 'Win rate by segment');
    const WITHHELD = 'withheld (reveals a hidden figure)';
    for (const s of segments.filter((x) => x['Win rate by segment'] !== 'Other')) {
      const name = String(s['Win rate by segment']).replace('Segment ', '');
      const f = funnel.find((r) => r['Win rate by segment'] === name)!;
      // A segment is shown whole or withheld whole (with a too small Other), never merged away.
      expect(f).toBeDefined();
      if (s['Won'] === WITHHELD) {
        expect([s['Lost'], s['Win rate']]).toEqual([WITHHELD, WITHHELD]);
        continue;
      }
      expect([s['Won'], s['Lost'], s['Win rate']]).toEqual([f['Won'], f['Lost'], f['Win rate']]);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('puts the last four quarters and this one on page one, each worked out from Deals and History', () => {
    const emu = crm();
    fillDemo(emu, 400);
    markWonLate(emu);
    emu.run('menuUpdateBoard');
    const quarters = boardTable(board(emu).values('Board'), 'Quarter');
    // Calendar quarters (the fiscal year starts in January): the month's quarter, named by its year.
    const quarterOf = (month: string) => {
      const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(
        month.slice(0, 3),
      );
      return `FY${month.slice(4)} Q${Math.floor(m / 3) + 1}`;
    };
    const want = new Map<
      string,
      { won: number; wonDeals: number; closed: number; created: number; newDeals: number }
    >();
    const at = (q: string) =>
      want.get(q) ?? want.set(q, { won: 0, wonDeals: 0, closed: 0, created: 0, newDeals: 0 }).get(q)!;
    for (const d of closedDeals(emu)) {
      const q = at(quarterOf(d.month));
      q.closed++;
      if (d.won) {
        q.won += d.amount;
        q.wonDeals++;
      }
    }
    for (const r of records(emu))
      if (isDateCell(r['Created'])) {
        const q = at(quarterOf(monthIn(emu, r['Created'])));
        q.created += Number(r['Amount']) || 0;
        q.newDeals++;
      }
    expect(quarters.map((q) => q['Quarter'])).toEqual([
      'FY2025 Q1',
      'FY2025 Q2',
      'FY2025 Q3',
      'FY2025 Q4',
      'FY2026 Q1 (to date)',
    ]);
    let shown = 0;
    for (const q of quarters) {
      const w = at(String(q['Quarter']).replace(' (to date)', ''));
      expect([q['Deals won'], q['New deals']]).toEqual([w.wonDeals, w.newDeals]);
      if (w.closed >= 3) expect(q['Win rate']).toBeCloseTo(w.wonDeals / w.closed, 9);
      for (const [cell, value] of [
        [q['Won'], w.won],
        [q['New pipeline'], w.created],
      ] as const)
        if (typeof cell === 'number') {
          expect(cell).toBeCloseTo(value, 6);
          shown++;
        }
    }
    expect(shown).toBeGreaterThanOrEqual(7);
  });

  it('rebuilds Forecast history before its first day from History, once, marked as rebuilt', () => {
    const emu = crm();
    fillDemo(emu, 200);
    emu.run('menuUpdateBoard');
    const fh = () => emu.values('Forecast history');
    const header = fh()[0].map(String);
    const source = header.indexOf('Source');
    const rows = fh().slice(1);
    const rebuilt = rows.filter((r) => r[source] === 'rebuilt from History');
    expect(rebuilt.length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => r[source] === 'daily refresh')).toHaveLength(1);
    // In day order, each the first of a month in the CRM's time zone (Intl), before today's row.
    const dayOf = dayIn(emu);
    const days = rows.map((r) => dayOf(r[0] as Date));
    expect(days).toEqual([...days].sort());
    expect(rebuilt.map((r) => dayOf(r[0] as Date).slice(8))).toEqual(rebuilt.map(() => '01'));
    // The next refresh keeps them as they are and adds only its own day.
    emu.env.nowMs += 86_400_000;
    emu.run('menuRefresh');
    expect(fh().slice(1, rows.length)).toEqual(rows.slice(0, -1));
    expect(
      fh()
        .slice(1)
        .filter((r) => r[source] === 'rebuilt from History'),
    ).toHaveLength(rebuilt.length);
    // Page one says its record stands on rebuilt months.
    expect(board(emu).texts.join('\n')).toMatch(
      /\d+ of these months are judged against a forecast rebuilt from History/,
    );
  });

  it('says what changed since the last board meeting, on a hand-built example', () => {
    const emu = crm({ now: '2026-03-10T15:00:00Z' });
    const sheet = emu.sheet('Deals');
    const h = headerOf(emu);
    const at = (d: string) => new Date(`${d}T15:00:00Z`);
    const row = (f: Record<string, Cell>) => h.map((x) => f[x] ?? '');
    const deals = [
      // Created after the 1 Feb meeting: 3 deals, 6,000.
      { 'Deal ID': 'N1', Deal: 'n1', Stage: 'Qualified', Amount: 1000, Created: at('2026-02-05') },
      { 'Deal ID': 'N2', Deal: 'n2', Stage: 'Qualified', Amount: 2000, Created: at('2026-02-06') },
      { 'Deal ID': 'N3', Deal: 'n3', Stage: 'Qualified', Amount: 3000, Created: at('2026-02-07') },
      // Won after it: 3 deals, 30,000; those won before it do not count.
      ...[1, 2, 3].map((i) => ({
        'Deal ID': `W${i}`,
        Deal: `w${i}`,
        Stage: 'Won',
        Amount: 10000,
        Created: at('2025-10-01'),
        'Close date': at(`2026-02-1${i}`),
      })),
      // Three won before it (three, so that January's wins are shown and none can be worked out).
      ...[1, 2, 3].map((i) => ({
        'Deal ID': `W0${i}`,
        Deal: `w0${i}`,
        Stage: 'Won',
        Amount: 99000 + i,
        Created: at('2025-10-01'),
        'Close date': at(`2026-01-2${i}`),
      })),
      // Lost after it: 3 deals, 4,500.
      ...[1, 2, 3].map((i) => ({
        'Deal ID': `L${i}`,
        Deal: `l${i}`,
        Stage: 'Lost',
        'Lost reason': 'Price',
        Amount: 1500,
        Created: at('2025-10-01'),
        'Close date': at(`2026-02-2${i}`),
      })),
      // Slipped after it: 3 open deals whose close date moved later, 2,100 in all.
      ...[1, 2, 3].map((i) => ({
        'Deal ID': `S${i}`,
        Deal: `s${i}`,
        Stage: 'Negotiation',
        Amount: 700,
        Created: at('2025-10-01'),
        'Close date': at('2026-06-30'),
      })),
    ];
    sheet.getRange(2, 1, deals.length, h.length).setValues(deals.map(row));
    const history = emu.sheet('History');
    history
      .getRange(2, 1, 4, 6)
      .setValues([
        ...[1, 2, 3].map(
          (i) =>
            [
              at('2026-02-15'),
              `S${i}`,
              'Close date',
              at('2026-03-31'),
              at('2026-06-30'),
              'rep@example.com',
            ] as Cell[],
        ),
        [at('2026-01-15'), 'N1', 'Close date', at('2026-03-31'), at('2026-06-30'), 'rep@example.com'],
      ]);
    setBoard(emu, [], ['2026-02-01', '2026-06-01']);
    emu.run('menuRefresh');
    // A snapshot taken on the meeting day: weighted 1,000 / 2,000 / 3,000 for the 3/6/12-month horizons.
    const fh = emu.sheet('Forecast history');
    const fhHeader = emu.values('Forecast history')[0].map(String);
    const snap = fhHeader.map((x) =>
      x === 'Day'
        ? at('2026-02-01')
        : x.startsWith('Weighted next 3')
          ? 1000
          : x.startsWith('Weighted next 6')
            ? 2000
            : x.startsWith('Weighted next 12')
              ? 3000
              : x === 'Open deals'
                ? 9
                : x === 'Source'
                  ? 'daily refresh'
                  : 0,
    );
    fh.insertRowsBefore(2, 1);
    fh.getRange(2, 1, 1, snap.length).setValues([snap]);
    emu.run('menuUpdateBoard');
    const b = board(emu).values('Board');
    expect(b.some((r) => r[0] === 'Since the last board meeting (2026-02-01)')).toBe(true);
    expect(
      boardTable(b, 'Since the meeting').map((r) => [r['Since the meeting'], r['Deals'], r['Value']]),
    ).toEqual([
      ['New pipeline (deals created)', 3, 6000],
      ['Won', 3, 30000],
      ['Lost', 3, 4500],
      ['Slipped (close date moved later)', 3, 2100],
    ]);
    const weighted = tableUnder(emu, 'Forecast', 'Horizon').map((r) => r['Weighted']);
    expect(
      boardTable(b, 'Weighted forecast change').map((r) => [r['At the meeting'], r['Now'], r['Change']]),
    ).toEqual([
      [1000, weighted[0], (weighted[0] as number) - 1000],
      [2000, weighted[1], (weighted[1] as number) - 2000],
      [3000, weighted[2], (weighted[2] as number) - 3000],
    ]);
    // Page one says the three largest changes in words, from these figures.
    const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
    const changes = [
      { size: 6000, text: 'New pipeline (deals created): 3 deals, 6,000.' },
      { size: 30000, text: 'Won: 3 deals, 30,000.' },
      { size: 4500, text: 'Lost: 3 deals, 4,500.' },
      { size: 2100, text: 'Slipped (close date moved later): 3 deals, 2,100.' },
      ...[1000, 2000, 3000].map((then, i) => {
        const now = weighted[i] as number;
        const label = ['next 3 months', 'next 6 months', 'next 12 months'][i];
        return {
          size: Math.abs(now - then),
          text: `Weighted forecast, ${label}: ${now > then ? 'up' : 'down'} ${fmt(Math.abs(now - then))} (${fmt(then)} → ${fmt(now)}).`,
        };
      }),
    ].sort((x, y) => y.size - x.size);
    const brief = b.findIndex((r) => r[0] === 'Since the meeting of 2026-02-01, in brief');
    expect(brief).toBeGreaterThan(0);
    expect(brief).toBeLessThan(b.findIndex((r) => r[0] === 'Weighted forecast'));
    expect(b.slice(brief + 1, brief + 4).map((r) => r[0])).toEqual(changes.slice(0, 3).map((c) => c.text));
  });

  it('is shared view-only with exactly the listed board members, never the CRM file', () => {
    const emu = crm();
    fillDemo(emu, 50);
    setBoard(emu, ['chair@board.example', 'investor@vc.example']);
    emu.run('menuUpdateBoard');
    const { file } = board(emu);
    expect(emu.ui.dialogs.at(-1)!.message).toContain(
      `Link: https://docs.google.com/spreadsheets/d/${file.id}/edit`,
    );
    expect(
      file.permissions
        .filter((p) => p.role === 'reader')
        .map((p) => p.emailAddress)
        .sort(),
    ).toEqual(['chair@board.example', 'investor@vc.example']);
    expect(emu.canOpen('investor@vc.example', file.id)).toBe(true);
    expect(emu.drive.roleOf('investor@vc.example', file.id)).toBe('reader');
    expect(emu.canOpen('investor@vc.example', emu.ss.id)).toBe(false);
    setBoard(emu, ['chair@board.example']);
    emu.run('menuUpdateBoard');
    expect(emu.ui.dialogs.at(-1)!.message).toContain('No longer shared with: investor@vc.example.');
    expect(emu.canOpen('investor@vc.example', file.id)).toBe(false);
    expect(emu.canOpen('chair@board.example', file.id)).toBe(true);
    expect(emu.drive.files.get(emu.ss.id)!.permissions.map((p) => p.emailAddress)).toEqual([emu.ss.owner]);
    expect(emu.createdFiles()).toHaveLength(1);
  });

  it('is updated by every refresh once created, in at most 4 service calls whatever the number of deals', () => {
    const calls = [100, 2000].map((n) => {
      const emu = crm();
      fillDemo(emu, n);
      emu.run('menuUpdateBoard');
      // A change, so that the refresh is not a quiet one (those leave the board as it is).
      type(emu, 'Next step', 3, 'Call back');
      const before = emu.acc.snapshot();
      emu.run('menuRefresh');
      const after = emu.acc.snapshot();
      const used = Object.entries(after.byMethod)
        .filter(([m]) => /^(Sheets|Drive)\./.test(m))
        .map(([m, c]) => [m, c - (before.byMethod[m] ?? 0)] as const)
        .filter(([, c]) => c > 0);
      return Object.fromEntries(used);
    });
    expect(calls[0]).toEqual({ 'Sheets.Spreadsheets.batchUpdate': 1, 'Drive.Permissions.list': 1 });
    expect(calls[1]).toEqual(calls[0]);
  });

  it('is made with one create and one write, asking the new file nothing', () => {
    const emu = crm();
    fillDemo(emu, 100);
    const before = emu.acc.snapshot();
    emu.run('menuUpdateBoard');
    const after = emu.acc.snapshot();
    const sheets = Object.entries(after.byMethod)
      .filter(([m]) => m.startsWith('Sheets.'))
      .map(([m, c]) => [m, c - (before.byMethod[m] ?? 0)]);
    expect(Object.fromEntries(sheets)).toEqual({
      'Sheets.Spreadsheets.create': 1,
      'Sheets.Spreadsheets.batchUpdate': 1,
    });
  });
});

describe('the board packs', () => {
  it('keeps a frozen copy of the board from each meeting day, and leaves the founder’s own tabs alone', () => {
    const emu = crm({ now: '2026-03-10T15:00:00Z' });
    fillDemo(emu, 60);
    const day = (n: number) =>
      new Date(Date.parse('2026-03-10T15:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
    // The meeting on 2026-03-01 was before the board existed: no pack for it.
    setBoard(emu, [], ['2026-03-01', day(2), day(4)]);
    emu.run('menuUpdateBoard');
    const { file } = board(emu);
    const tabs = () => file.spreadsheet.sheets.map((s) => s.name);
    expect(tabs()).toEqual(['Board', 'Board definitions']);
    // The founder keeps notes in a tab of their own in the board file.
    const notes = file.spreadsheet.addSheet('Founder notes');
    notes.cellAt(1, 1).v = 'Ask about churn';
    const valuesOf = (name: string) =>
      file.spreadsheet.sheets.find((s) => s.name === name)!.rows.map((r) => (r ?? []).map((c) => c?.v ?? ''));
    const refresh = () => {
      emu.env.nowMs += 86_400_000;
      emu.run('menuRefresh');
    };
    // A board made by an earlier version recorded no pack: a meeting before its last update gets none.
    const props = emu.properties.getDocumentProperties()!;
    const state = JSON.parse(props.getProperty('sheetsCrm.board')!) as Record<string, unknown>;
    expect(state['packed']).toBe('2026-03-01');
    delete state['packed'];
    props.setProperty('sheetsCrm.board', JSON.stringify(state));
    refresh(); // day 1: no meeting since the last update
    expect(tabs()).toEqual(['Board', 'Board definitions', 'Founder notes']);
    // The definitions tab, made again with each update: every word the board uses for a missing figure.
    const terms = valuesOf('Board definitions').map((r) => r[0]);
    expect(terms).toEqual(
      expect.arrayContaining([
        'Won',
        'Win rate',
        'Rebuilt',
        'fewer than 3 deals',
        'withheld (reveals a hidden figure)',
      ]),
    );
    refresh(); // day 2: the meeting's day
    expect(tabs()).toEqual(['Board', 'Board definitions', `Board ${day(2)}`, 'Founder notes']);
    const pack = valuesOf(`Board ${day(2)}`);
    expect(pack).toEqual(valuesOf('Board'));
    expect(String(pack[1][0])).toContain(`Updated ${day(2)}`);
    // Charts go with the pack, drawn from its own cells.
    const packSheet = file.spreadsheet.sheets.find((s) => s.name === `Board ${day(2)}`)!;
    expect(packSheet.charts.length).toBeGreaterThan(0);
    expect(packSheet.charts.every((c) => c.spec.ranges.every((r) => r.sheetName === packSheet.name))).toBe(
      true,
    );
    refresh(); // day 3: the pack stays as it was; the Board moves on
    refresh(); // day 4: the next meeting
    expect(tabs()).toEqual([
      'Board',
      'Board definitions',
      `Board ${day(4)}`,
      `Board ${day(2)}`,
      'Founder notes',
    ]);
    expect(valuesOf(`Board ${day(2)}`)).toEqual(pack);
    expect(String(valuesOf('Board')[1][0])).toContain(`Updated ${day(4)}`);
    expect(valuesOf('Founder notes')).toEqual([['Ask about churn']]);
    refresh();
    expect(tabs()).toHaveLength(5);
    expect(valuesOf('Board definitions').map((r) => r[0])).toEqual(terms);
  });
});

describe('a team around one board workbook', () => {
  const FOUNDER = 'owner@example.com';
  const REP = 'rep@example.com';
  const MANAGER = 'manager@example.com';
  const refreshedBy = (emu: Emulator, user: string) => {
    emu.run('menuRefresh', [], { user });
    const dialog = emu.ui.dialogs.at(-1)!;
    expect([user, dialog.title]).toEqual([user, 'Sheets CRM: reports refreshed']);
    return dialog.message;
  };

  it('keeps exactly one board file through a month of three people’s refreshes, sharing per member', () => {
    const emu = crm();
    fillDemo(emu, 60);
    emu.drive.noGoogleAccount.add('chair@board.example');
    setBoard(emu, ['chair@board.example', 'investor@vc.example', 'advisor@angel.example']);
    emu.run('menuUpdateBoard', [], { user: FOUNDER });
    const { file } = board(emu);
    // One member could not be shared with: the board is made and the others shared; the dialog names
    // the member and the fix.
    const made = emu.ui.dialogs.at(-1)!;
    expect(made.title).toBe('Sheets CRM: board workbook created');
    expect(made.message).toMatch(/Not shared with chair@board\.example: .*no Google account.*\(notify\)/s);
    expect(emu.drive.roleOf('investor@vc.example', file.id)).toBe('reader');
    expect(emu.drive.roleOf('chair@board.example', file.id)).toBeNull();
    // The founder shares it by hand with their lawyer, in Drive.
    file.permissions.push({
      id: 'hand-1',
      type: 'user',
      role: 'reader',
      emailAddress: 'lawyer@firm.example',
    });
    emu.run('menuScheduleRefresh', [], { user: FOUNDER });
    for (let day = 1; day <= 30; day++) {
      emu.env.nowMs += 24 * 3600 * 1000;
      type(emu, 'Next step', 2 + (day % 20), `Call ${day}`, { user: REP });
      if (day % 7 === 0) type(emu, 'Notes', 3 + (day % 20), `Reviewed ${day}`, { user: MANAGER });
      if (day === 15) type(emu, 'Next step', 4, 'Founder call', { user: FOUNDER });
      if (day % 3 === 0) {
        // Not the keeper: the board is left alone, and the refresh says who keeps it.
        expect(refreshedBy(emu, REP)).toMatch(
          /The board workbook is kept by owner@example\.com \(last updated [^)]+\): only their refreshes update it\./,
        );
      }
      if (day % 5 === 0) refreshedBy(emu, MANAGER);
      if (day === 10) {
        setBoard(emu, ['chair@board.example (notify)', 'advisor@angel.example']);
        expect(refreshedBy(emu, FOUNDER)).toMatch(/No longer shared with: investor@vc\.example\./);
      }
      expect(() => emu.fireTrigger('scheduledRefresh')).not.toThrow();
    }
    expect(emu.createdFiles()).toHaveLength(1);
    expect(emu.drive.roleOf('investor@vc.example', file.id)).toBeNull();
    expect(emu.drive.roleOf('lawyer@firm.example', file.id)).toBe('reader');
    expect(emu.drive.roleOf('chair@board.example', file.id)).toBe('reader');
    expect(emu.drive.invitations.map((i) => [i.to, i.from])).toEqual([['chair@board.example', FOUNDER]]);
    // The scheduled refreshes (the founder's) kept the board current.
    expect(board(emu).texts.join('\n')).toContain('2026-04-09');
    // History names each person by their own edits of the month.
    const byWhom = (prefix: string) =>
      new Set(
        emu
          .values('History')
          .filter((r) => String(r[4]).startsWith(prefix))
          .map((r) => String(r[5])),
      );
    expect([byWhom('Call '), byWhom('Reviewed '), byWhom('Founder call')]).toEqual([
      new Set([REP]),
      new Set([MANAGER]),
      new Set([FOUNDER]),
    ]);
  });

  it('announces a board file someone deleted, made again with a new link', () => {
    const emu = crm();
    fillDemo(emu, 30);
    setBoard(emu, ['advisor@angel.example']);
    emu.run('menuUpdateBoard');
    const first = board(emu).file.id;
    emu.drive.files.delete(first);
    // The next day's refresh (the same day, with nothing changed in the CRM, it would be quiet: the
    // reports and the board as they were).
    emu.env.nowMs += 86_400_000;
    const message = refreshedBy(emu, FOUNDER);
    const [again] = emu.createdFiles();
    expect(again.id).not.toBe(first);
    expect(message).toContain(
      `The board workbook was deleted, so a new one was made: https://docs.google.com/spreadsheets/d/${again.id}/edit`,
    );
    expect(emu.drive.roleOf('advisor@angel.example', again.id)).toBe('reader');
  });
});

describe('a board workbook deleted the same day', () => {
  const FOUNDER = 'owner@example.com';
  const refreshedBy = (emu: Emulator, user: string) => {
    emu.run('menuRefresh', [], { user });
    return emu.ui.dialogs.at(-1)!.message;
  };
  /** A CRM whose board its keeper made, then refreshed a minute later. */
  const boardRefreshed = () => {
    const emu = crm();
    fillDemo(emu, 30);
    setBoard(emu, ['advisor@angel.example']);
    emu.run('menuUpdateBoard');
    emu.env.nowMs += 60_000;
    refreshedBy(emu, FOUNDER);
    return emu;
  };

  it('is made again by its keeper’s next refresh, which would otherwise have been quiet', () => {
    const emu = boardRefreshed();
    const first = board(emu).file.id;
    emu.drive.files.delete(first);
    emu.env.nowMs += 60_000;
    const message = refreshedBy(emu, FOUNDER);
    const again = emu.createdFiles().find((f) => f.id !== first);
    expect(again).toBeDefined();
    expect(message).toContain(
      `The board workbook was deleted, so a new one was made: https://docs.google.com/spreadsheets/d/${again!.id}/edit`,
    );
  });

  it('leaves a quiet refresh quiet while the file is there (one call to see it)', () => {
    const emu = boardRefreshed();
    emu.env.nowMs += 60_000;
    const message = refreshedBy(emu, FOUNDER);
    expect(message).toMatch(/nothing changed/i);
    expect(emu.createdFiles()).toHaveLength(1);
  });
});

describe('a board workbook made before keepers were recorded', () => {
  it('is left alone by a teammate’s refresh, and the founder’s next refresh records them as its keeper', () => {
    const emu = crm();
    fillDemo(emu, 30);
    setBoard(emu, ['advisor@angel.example']);
    emu.run('menuUpdateBoard');
    const key = 'sheetsCrm.board';
    const stored = JSON.parse(emu.properties.document.data[key]) as Record<string, unknown>;
    emu.properties.document.data[key] = JSON.stringify({
      fileId: stored.fileId,
      sheetId: stored.sheetId,
      url: stored.url,
    });
    emu.run('menuRefresh', [], { user: 'rep@example.com' });
    expect(emu.ui.dialogs.at(-1)!.message).toContain(
      'The board workbook is kept by the person who first chose Update board workbook',
    );
    expect(emu.createdFiles()).toHaveLength(1);
    emu.run('menuRefresh');
    expect(JSON.parse(emu.properties.document.data[key])).toMatchObject({ keeper: 'owner@example.com' });
    emu.run('menuRefresh', [], { user: 'rep@example.com' });
    expect(emu.ui.dialogs.at(-1)!.message).toContain('The board workbook is kept by owner@example.com');
    expect(emu.createdFiles()).toHaveLength(1);
  });
});

describe('a year of a team’s work', () => {
  it('keeps since-meeting, quarters, the monthly trend and the forecast record equal to Deals, History and Forecast history', () => {
    const emu = crm({ now: '2025-12-01T15:00:00Z' });
    const dayOf = dayIn(emu);
    const meetings = ['2026-03-02', '2026-06-01', '2026-09-01', '2026-11-16'];
    setBoard(emu, [], meetings);
    emu.run('menuUpdateBoard');
    emu.run('menuScheduleRefresh');
    // A seeded team: about one new deal every other day; each day two looks at an open deal (a stage
    // forward, a win, a loss with its reason, a close date pushed, or nothing), then the daily refresh.
    let seed = 20_261_206;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * n);
    };
    const OPEN = ['Qualified', 'Solution designed with customer', 'Quote sent', 'Negotiation'];
    const stageOf = new Map<number, number>();
    let next = 2;
    const isoIn = (days: number) => new Date(emu.env.nowMs + days * 86_400_000).toISOString().slice(0, 10);
    for (let day = 1; day <= 365; day++) {
      emu.env.nowMs += 86_400_000;
      if (rand(2) === 0) {
        const row = next++;
        type(emu, 'Deal', row, `Deal ${row}`);
        type(emu, 'Amount', row, `${1000 * (1 + rand(60)) + rand(100) / 100}`);
        type(emu, 'Close date', row, isoIn(20 + rand(130)));
        type(emu, 'Stage', row, OPEN[0]);
        stageOf.set(row, 0);
      }
      for (let m = 0; m < 2; m++) {
        const open = [...stageOf.keys()];
        if (!open.length) break;
        const row = open[rand(open.length)];
        const roll = rand(25);
        if (roll < 10 && stageOf.get(row)! < OPEN.length - 1) {
          stageOf.set(row, stageOf.get(row)! + 1);
          type(emu, 'Stage', row, OPEN[stageOf.get(row)!]);
        } else if (roll < 12) {
          type(emu, 'Stage', row, 'Won');
          stageOf.delete(row);
        } else if (roll < 14) {
          type(emu, 'Lost reason', row, 'Price');
          type(emu, 'Stage', row, 'Lost');
          stageOf.delete(row);
        } else if (roll < 16) type(emu, 'Close date', row, isoIn(30 + rand(90)));
      }
      emu.fireTrigger('scheduledRefresh');
    }
    const b = board(emu);
    const values = b.values('Board');
    // One pack per meeting, each the board of its day.
    expect(b.ss.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(meetings.map((m) => `Board ${m}`)));

    // Worked out here from the tabs: when each closed deal was marked so (History's last move into its stage).
    const deals = records(emu);
    const history = records(emu, 'History').filter((h) => h['Field'] === 'Stage' && isDateCell(h['Time']));
    const markedAt = new Map<string, Date>();
    for (const h of history) markedAt.set(`${String(h['Deal ID'])}|${String(h['To'])}`, h['Time'] as Date);
    const closed = deals
      .filter((r) => r['Stage'] === 'Won' || r['Stage'] === 'Lost')
      .map((r) => ({
        won: r['Stage'] === 'Won',
        amount: Number(r['Amount']),
        at: markedAt.get(`${String(r['Deal ID'])}|${String(r['Stage'])}`)!,
      }));
    expect(closed.every((c) => isDateCell(c.at))).toBe(true);
    expect(closed.filter((c) => c.won).length).toBeGreaterThan(20);

    // Since the last meeting (16 Nov): won and lost as History records the moves.
    const since = boardTable(values, 'Since the meeting');
    for (const [label, won] of [
      ['Won', true],
      ['Lost', false],
    ] as const) {
      const mine = closed.filter((c) => c.won === won && dayOf(c.at) > '2026-11-16');
      const row = since.find((r) => r['Since the meeting'] === label)!;
      expect(row['Deals']).toBe(mine.length);
      if (typeof row['Value'] === 'number')
        expect(row['Value']).toBeCloseTo(
          mine.reduce((a, c) => a + c.amount, 0),
          6,
        );
    }

    // Quarters: won, deals won and new deals, by calendar quarter of the move and of Created.
    const quarterOf = (d: Date) => {
      const [y, m] = dayOf(d).split('-').map(Number);
      return `FY${y} Q${Math.floor((m - 1) / 3) + 1}`;
    };
    const quarters = boardTable(values, 'Quarter');
    expect(quarters.map((q) => String(q['Quarter']))).toEqual([
      'FY2025 Q4',
      'FY2026 Q1',
      'FY2026 Q2',
      'FY2026 Q3',
      'FY2026 Q4 (to date)',
    ]);
    let shownWon = 0;
    for (const q of quarters) {
      const name = String(q['Quarter']).replace(' (to date)', '');
      const wins = closed.filter((c) => c.won && quarterOf(c.at) === name);
      expect(q['Deals won']).toBe(wins.length);
      expect(q['New deals']).toBe(deals.filter((r) => quarterOf(r['Created'] as Date) === name).length);
      if (typeof q['Won'] === 'number') {
        shownWon++;
        expect(q['Won']).toBeCloseTo(
          wins.reduce((a, c) => a + c.amount, 0),
          6,
        );
      }
    }
    expect(shownWon).toBeGreaterThanOrEqual(3);

    // The monthly trend: new deals by month of Created; open pipeline on each month's first snapshot.
    const fh = records(emu, 'Forecast history');
    const monthKey = (d: Date) => dayOf(d).slice(0, 7);
    const firstOf = new Map<string, Record<string, Cell>>();
    for (const r of fh)
      if (!firstOf.has(monthKey(r['Day'] as Date))) firstOf.set(monthKey(r['Day'] as Date), r);
    const trend = boardTable(values, 'Monthly trend');
    const label = (key: string) => monthIn(emu, new Date(`${key}-15T12:00:00Z`));
    let shownTrend = 0;
    for (const key of [...firstOf.keys()].filter((k) => k >= '2026-01')) {
      const row = trend.find((r) => String(r['Monthly trend']).startsWith(label(key)))!;
      expect(row['New deals']).toBe(deals.filter((r) => monthKey(r['Created'] as Date) === key).length);
      // A snapshot of 1 or 2 open deals is hidden like any figure resting on them.
      const snap = firstOf.get(key)!;
      const openDeals = Number(snap['Open deals']);
      if (openDeals > 0 && openDeals < 3)
        expect(row['Open pipeline (1st of month)']).toBe('fewer than 3 deals');
      else {
        expect(row['Open pipeline (1st of month)']).toBeCloseTo(Number(snap['Open pipeline']), 6);
        if (openDeals >= 3) shownTrend++;
      }
    }

    expect(shownTrend).toBeGreaterThanOrEqual(10);

    // The forecast record: won in each of the last six months ÷ what the month's first snapshot said.
    const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    let said = 0;
    let won = 0;
    let over = 0;
    for (const key of months) {
      const snap = firstOf.get(key)!;
      const s = Number(snap['Won this month']) + Number(snap['Weighted this month']);
      const w = closed.filter((c) => c.won && monthKey(c.at) === key).reduce((a, c) => a + c.amount, 0);
      said += s;
      won += w;
      if (s > w) over++;
    }
    const record = boardTable(values, 'Forecast record (last 6 months)')[0];
    expect(record['Forecast record (last 6 months)']).toBe('Jun 2026 to Nov 2026');
    expect(record['Won ÷ forecast']).toBeCloseTo(won / said, 9);
    expect(record['Months over-forecast']).toBe(`${over} of 6`);
  });
});

describe('the board’s code, a project file of its own (BoardCode.html)', () => {
  it('is read only by a refresh with a board to follow, and its absence is said with the way back', () => {
    const emu = crm();
    fillDemo(emu, 30);
    delete emu.html.files['BoardCode'];
    // No board workbook yet: a refresh does not need the file.
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    // Asked for the board: said, nothing made.
    setBoard(emu, ['chair@board.example']);
    emu.run('menuUpdateBoard');
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(/BoardCode\.html is missing.*Push the project again/);
    expect(emu.createdFiles()).toHaveLength(0);
  });

  it('is not read by a teammate’s refresh, which leaves the keeper’s board alone', () => {
    const emu = crm();
    fillDemo(emu, 30);
    setBoard(emu, ['chair@board.example']);
    emu.run('menuUpdateBoard', [], { user: 'owner@example.com' });
    delete emu.html.files['BoardCode'];
    // Each execution in a fresh context, as in Apps Script (no bundle left loaded from the last one).
    emu.freshContexts = true;
    emu.run('menuRefresh', [], { user: 'rep@example.com' });
    const dialog = emu.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Sheets CRM: reports refreshed');
    expect(dialog.message).toContain('The board workbook is kept by owner@example.com');
  });
});
