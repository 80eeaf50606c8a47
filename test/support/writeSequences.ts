// Property (issue 25): random sequences of what a team does to the Deals tab (typed edits, pastes,
// sidebar saves, refreshes, a person's sort, rows inserted and deleted, a re-import of a later export
// through Convert), each run possibly failing at a random call (Google refusing it; several in a row),
// then the next run of anything. Checked against what the generator knows, never against the
// product's own reading:
// - after each step, every deal's Stage, Amount, Close date and Next step is as before the step or as
//   the step meant;
// - once the next runs are over, History holds each change of Stage, Amount and Close date exactly once,
//   in a chain from the first value to the last (no change doubled, none left out). These are the fields
//   History is the log of (Last seen keeps them, so a change made with no event is found too). Next step
//   is checked cell by cell only: like every other field it is logged when a typed edit's or a save's
//   old value is known, so a typed Next step whose check died at its first call is not logged;
// - no stored value (a document property) passes 4 KB;
// - the next refresh and save succeed.
// Failed runs come in any order: several failed edits of one deal in a row, a run that dies after it
// logged its change and before it wrote Last seen, then an edit back to Last seen's value whose run dies
// too (the journal each logging run leaves closes that one: changeJournal.ts).
import fc from 'fast-check';
import type { SavedWorkbook } from '../../local/emulator/persistence';
import type { Emulator } from '../../local/emulator';
import type { DealRecord, SaveResult } from '../../src/shared/dealDto';
import { a1, records } from './crm';
import { fresh, twelveDeals } from './races';

const TRACKED = ['Stage', 'Amount', 'Close date', 'Next step'] as const;
/** Fields whose every change History must hold (Last seen keeps them, so a change with no event is found). */
const LOGGED: readonly Tracked[] = ['Stage', 'Amount', 'Close date'];
type Tracked = (typeof TRACKED)[number];
const STAGES = ['Qualified', 'Quote sent', 'Negotiation', 'Won'];
const REP = 'rep@example.com';

type Step =
  | { kind: 'type'; deal: number; field: Tracked; value: string; fault: number }
  | { kind: 'save'; deal: number; field: Tracked; value: string; fault: number }
  | { kind: 'refresh'; fault: number }
  | { kind: 'paste'; deal: number; stage: string; amount: string; fault: number }
  | { kind: 'reimport'; deals: number[]; n: number; fault: number }
  | { kind: 'sort'; ascending: boolean }
  | { kind: 'insert'; at: number }
  | { kind: 'delete'; deal: number };

const value = (field: Tracked, n: number) =>
  field === 'Stage'
    ? STAGES[n % STAGES.length]
    : field === 'Amount'
      ? String(1000 + n * 37)
      : field === 'Close date'
        ? `2027-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`
        : `Call ${n}`;

/** A cell as the checks compare it: a date as its day in the spreadsheet's zone, the rest as text. */
const asText = (v: unknown, timeZone: string) =>
  v instanceof Date ? dayFormat(timeZone).format(v) : String(v ?? '');
/** One formatter per zone (making one costs more than a whole step of the sequence). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormat = (timeZone: string) =>
  dayFormats.get(timeZone) ??
  dayFormats.set(timeZone, new Intl.DateTimeFormat('en-CA', { timeZone })).get(timeZone)!;

// Weighted: a re-import (a Convert) costs as much as ten other steps, so it comes a tenth as often.
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 10 });
/** A typed edit or a sidebar save of one field of one deal, failing at a call up to `faults` (0: none). */
const fieldStep = <K extends 'type' | 'save'>(kind: K, faults: number) =>
  often(
    fc
      .record({ deal: fc.nat(11), field: fc.constantFrom(...TRACKED), n: fc.nat(50), fault: fc.nat(faults) })
      .map(({ deal, field, n, fault }) => ({ kind, deal, field, value: value(field, n), fault })),
  );
const step: fc.Arbitrary<Step> = fc.oneof(
  fieldStep('type', 30),
  fieldStep('save', 40),
  often(fc.nat(80).map((fault) => ({ kind: 'refresh' as const, fault }))),
  often(
    fc.record({ deal: fc.nat(11), n: fc.nat(50), fault: fc.nat(30) }).map(({ deal, n, fault }) => ({
      kind: 'paste' as const,
      deal,
      stage: value('Stage', n),
      amount: value('Amount', n + 1),
      fault,
    })),
  ),
  {
    weight: 1,
    arbitrary: fc
      .record({
        deals: fc.uniqueArray(fc.nat(11), { minLength: 1, maxLength: 4 }),
        n: fc.nat(50),
        fault: fc.nat(120),
      })
      .map(({ deals, n, fault }) => ({ kind: 'reimport' as const, deals, n, fault })),
  },
  often(fc.boolean().map((ascending) => ({ kind: 'sort' as const, ascending }))),
  often(fc.nat(11).map((at) => ({ kind: 'insert' as const, at }))),
  often(fc.nat(11).map((deal) => ({ kind: 'delete' as const, deal }))),
);

type Meant = { id: string; field: Tracked; value: string }[];

/** A later export of every deal the tab holds, with `changed` deals moved on a stage and an amount. */
function laterExport(emu: Emulator, changed: Set<string>, n: number): Meant {
  const meant: Meant = [];
  const rows = records(emu)
    .filter((r) => String(r['Deal ID']) !== '')
    .map((r) => {
      const id = String(r['Deal ID']);
      let [stage, amount] = [String(r['Stage']), String(r['Amount'])];
      if (changed.has(id)) {
        [stage, amount] = [value('Stage', n), value('Amount', n + 3)];
        meant.push({ id, field: 'Stage', value: stage }, { id, field: 'Amount', value: amount });
      }
      return [id, String(r['Deal']), String(r['Company']), String(r['Owner']), stage, amount];
    });
  const sheet = emu.ss.addSheet(`Export ${emu.ss.sheets.length}`);
  [['Deal ID', 'Deal', 'Company', 'Owner', 'Stage', 'Amount'], ...rows].forEach((r, i) =>
    r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)),
  );
  emu.ss.activeSheet = sheet;
  return meant;
}

/** Each deal's tracked fields, by Deal ID, as the Deals tab holds them (numbers as text). */
function snapshot(emu: Emulator): Map<string, Record<Tracked, string>> {
  return new Map(
    records(emu)
      .filter((r) => String(r['Deal ID']) !== '')
      .map((r) => [
        String(r['Deal ID']),
        Object.fromEntries(TRACKED.map((f) => [f, asText(r[f], emu.ss.timeZone)])) as Record<Tracked, string>,
      ]),
  );
}

/** The 1-based row of a deal in the Deals tab. */
const rowOf = (emu: Emulator, id: string) => records(emu).findIndex((r) => String(r['Deal ID']) === id) + 2;

/** Runs one step (a fault armed at its `fault`th call, 0 for none); returns the changes it meant. */
function run(emu: Emulator, s: Step, ids: string[]): Meant {
  const tab = emu.sheet('Deals');
  if (s.kind === 'sort') {
    tab.rangeAt(2, 1, tab.lastRowIndex() - 1, tab.maxColumns).sort({ column: 7, ascending: s.ascending });
    return [];
  }
  if (s.kind === 'insert') {
    tab.insertRowAfter(1 + s.at);
    return [];
  }
  if (s.kind === 'delete') {
    const row = rowOf(emu, ids[s.deal]);
    if (row > 1) tab.deleteRow(row);
    return [];
  }
  // What the step means is known before it runs: a failed run may still have landed it.
  const id = 'deal' in s ? ids[s.deal] : '';
  const here = id !== '' && rowOf(emu, id) > 1;
  let meant: Meant = [];
  if (s.kind === 'type' || s.kind === 'save') meant = here ? [{ id, field: s.field, value: s.value }] : [];
  if (s.kind === 'paste')
    meant = here
      ? [
          { id, field: 'Stage', value: s.stage },
          { id, field: 'Amount', value: s.amount },
        ]
      : [];
  if (s.kind === 'reimport') meant = laterExport(emu, new Set(s.deals.map((d) => ids[d])), s.n);
  if (s.kind !== 'refresh' && s.kind !== 'reimport' && !here) return [];
  const fault = s.fault;
  emu.ui.answers.push({ button: 'YES' });
  if (fault > 0) emu.acc.injectFault({ nth: fault });
  const [dialogs, toasts] = [emu.ui.dialogs.length, emu.ss.toasts.length];
  let failure: unknown = null;
  let saved: SaveResult | null = null;
  try {
    if (s.kind === 'refresh') emu.run('menuRefresh');
    else if (s.kind === 'reimport') emu.run('menuConvert');
    else if (s.kind === 'type')
      emu.userEdit('Deals', a1(emu, s.field, rowOf(emu, id)), s.value, { user: REP });
    else if (s.kind === 'paste') {
      const row = rowOf(emu, id);
      emu.userEdit('Deals', `${a1(emu, 'Stage', row)}:${a1(emu, 'Amount', row)}`, [[s.stage, s.amount]], {
        user: REP,
      });
    } else {
      const form = emu.run<DealRecord>('getDeal', [id]);
      const keys = { Stage: 'stage', Amount: 'amount', 'Close date': 'closeDate', 'Next step': 'nextStep' };
      const key = keys[s.field];
      saved = emu.run<SaveResult>('saveDeal', [{ ...form.deal, [key]: s.value }, form.deal], { user: REP });
    }
  } catch (e) {
    // Google refused a call and the execution died: the checks say what that may leave.
    failure = e;
  }
  // The next run of each operation succeeds: a run whose fault never fired (it made fewer calls)
  // must have done its work, whatever failed before it.
  const fired = fault > 0 && emu.acc.armedFaults() === 0;
  emu.acc.clearFaults();
  emu.ui.answers.length = 0;
  if (!fired) {
    const said = [
      ...emu.ui.dialogs.slice(dialogs).map((d) => `${d.title}: ${d.message}`),
      ...emu.ss.toasts.slice(toasts).map((t) => t.message),
    ].filter((m) => /could not|failed|Try again/i.test(m));
    const wrong =
      failure !== null
        ? String(failure)
        : said.length
          ? said.join(' | ')
          : s.kind === 'refresh' && emu.ui.dialogs.at(-1)?.title !== 'Sheets CRM: reports refreshed'
            ? `refresh said "${emu.ui.dialogs.at(-1)?.title}"`
            : s.kind === 'reimport' && emu.ui.dialogs.at(-1)?.title !== 'Sheets CRM: conversion done'
              ? `re-import said "${emu.ui.dialogs.at(-1)?.title}: ${emu.ui.dialogs.at(-1)?.message}"`
              : s.kind === 'save' && saved?.status !== 'saved'
                ? `save: ${saved?.status}`
                : null;
    if (wrong) throw new Error(`${s.kind} with no fault failed: ${wrong}`);
  }
  return meant;
}

/** A set-up CRM with twelve deals, refreshed: where each sequence starts. */
export function sequenceStart(): SavedWorkbook {
  const start = twelveDeals(['Qualified', 'Negotiation']);
  start.run('menuRefresh');
  return start.save();
}

/** Runs `runs` random sequences from `saved` (fast-check seed `seed`) and checks each as above. */
export function checkWriteSequences(saved: SavedWorkbook, seed: number, runs: number): void {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) => {
      const emu = fresh(saved);
      const first = snapshot(emu);
      const ids = [...first.keys()];
      for (const s of steps) {
        const before = snapshot(emu);
        const meant = run(emu, s, ids);
        const after = snapshot(emu);
        for (const [id, fields] of before)
          for (const f of TRACKED) {
            // A deleted row takes its deal with it.
            if (!after.has(id) && s.kind === 'delete') continue;
            const now = after.get(id)?.[f];
            const ok =
              now === fields[f] || meant.some((m) => m.id === id && m.field === f && sameAs(now, m.value));
            if (!ok) throw new Error(`${s.kind}: ${id} ${f} is "${now}", was "${fields[f]}"`);
          }
      }
      // The next runs of anything, with no failure: they complete what a failed run left.
      emu.run('menuRefresh');
      expect(emu.ui.dialogs.at(-1)?.title).toBe('Sheets CRM: reports refreshed');
      const last = snapshot(emu);
      // History: for each deal and tracked field, a chain from the first value to the last, no link twice.
      const tz = emu.ss.timeZone;
      const history = records(emu, 'History').map((h) => ({
        id: String(h['Deal ID']),
        field: String(h['Field']),
        From: asText(h['From'], tz),
        To: asText(h['To'], tz),
      }));
      for (const [id, fields] of last)
        for (const f of LOGGED) {
          const chain = history.filter((h) => h.id === id && h.field === f);
          const from = first.get(id)![f];
          if (!chain.length) {
            if (!sameAs(fields[f], from))
              throw new Error(`${id} ${f} changed "${from}" → "${fields[f]}" with no History`);
            continue;
          }
          for (let i = 1; i < chain.length; i++)
            if (!sameAs(chain[i]['From'], chain[i - 1]['To']))
              throw new Error(
                `${id} ${f}: History's chain breaks or doubles: ${chain.map((h) => `${h['From']}→${h['To']}`).join(', ')}`,
              );
          if (!sameAs(chain.at(-1)!['To'], fields[f]))
            throw new Error(`${id} ${f} is "${fields[f]}" but History ends at "${chain.at(-1)!['To']}"`);
        }
      for (const [k, v] of Object.entries(emu.properties.document.data as Record<string, string>))
        if (Buffer.byteLength(v) > 4096) throw new Error(`property ${k} holds ${Buffer.byteLength(v)} bytes`);
      const form = emu.run<DealRecord>('getDeal', [[...last.keys()][0]]);
      const r = emu.run<SaveResult>('saveDeal', [{ ...form.deal, nextStep: 'Final check' }, form.deal]);
      expect(r.status).toBe('saved');
    }),
    { numRuns: runs, seed },
  );
}

/** Two cell texts that mean the same: equal, or the same number. */
function sameAs(a: string | undefined, b: string): boolean {
  return a === b || (a !== undefined && a !== '' && Number(a) === Number(b));
}
