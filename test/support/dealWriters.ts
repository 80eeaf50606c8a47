// Ways people change a deal that tests of the refresh's bookkeeping go through: a sidebar save and a
// re-import (Convert of a later export naming a deal the CRM holds).
import type { Emulator } from '../../local/emulator';
import type { DealRecord, SaveResult } from '../../src/shared/dealDto';
import { cell } from './crm';

/** The deal on Deals row `row` saved from the sidebar by `user`, with `change` made in the form. */
export function savedBySidebar(
  emu: Emulator,
  row: number,
  change: Partial<DealRecord['deal']>,
  user: string,
): void {
  const id = String(cell(emu, 'Deal ID', row));
  const form = emu.run<DealRecord>('getDeal', [id], { user });
  const r = emu.run<SaveResult>('saveDeal', [{ ...form.deal, ...change }, form.deal], { user });
  expect(r.status).toBe('saved');
}

/** A later export naming the deal on Deals row `row` (its stage Negotiation now) converted by `user`. */
export function reimported(emu: Emulator, row: number, user: string): void {
  const sheet = emu.ss.addSheet('Export');
  const rows = [
    ['Deal ID', 'Deal', 'Stage', 'Amount'],
    [String(cell(emu, 'Deal ID', row)), String(cell(emu, 'Deal', row)), 'Negotiation', 12345],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
  emu.ui.answers.push({ button: 'YES' });
  emu.run('menuConvert', [], { user });
  expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: conversion done');
}
