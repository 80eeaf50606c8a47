// The daily to-do email through dist/Code.js and the emulator's MailApp: opt-in in CRM Settings; one
// email a day to each owner CRM Settings lists who has deals to look at, most pressing first, each with
// a link to its row; nothing for an owner with nothing due or one not listed; sent by the schedule's
// first refresh of a day only; refused sends (no scope) stop nothing.
import type { Emulator } from '../../local/emulator';
import { SEND_MAIL } from '../../local/emulator';
import type { FieldKey } from '../../src/shared/fields';
import { crm, records, settingsA1 } from '../support/crm';
import { row } from '../support/deals';

const ME = 'owner@example.com';
const SAM = 'sam@example.com';
const at = (day: string) => new Date(`${day}T15:00:00Z`);
const SETTING = 'Daily to-do email to owners (Yes or No)';

function team(dailyEmail: 'Yes' | 'No' = 'Yes'): Emulator {
  const emu = crm({ now: '2026-03-10T12:00:00Z', timeZone: 'America/New_York' });
  // Sam joins CRM Settings' owners, below the first one.
  const first = settingsA1(
    emu,
    emu.values('CRM Settings')[2][emu.values('CRM Settings')[1].map(String).indexOf('Owner')] as string,
    'Owner',
  );
  const [, col, r] = first.match(/^([A-Z]+)(\d+)$/)!;
  const next = (c: string) => String.fromCharCode(c.charCodeAt(0) + 1);
  emu.userEdit('CRM Settings', `${col}${Number(r) + 1}:${next(col)}${Number(r) + 1}`, [['Sam', SAM]]);
  emu.userEdit('CRM Settings', settingsA1(emu, SETTING, 'Value'), dailyEmail);
  const base = {
    company: 'Initech',
    contact: 'Pat',
    amount: 1000,
    created: at('2026-03-01'),
    stage: 'Qualified',
  };
  const deals: Partial<Record<FieldKey, string | number | Date>>[] = [
    { ...base, dealId: 'D-LATE', deal: 'Late close', owner: ME, closeDate: at('2026-03-01') },
    { ...base, dealId: 'D-FINE', deal: 'Fine', owner: ME, closeDate: at('2026-05-01') },
    {
      ...base,
      dealId: 'D-STEP',
      deal: '<b>Evil & Co</b>',
      owner: ME,
      closeDate: at('2026-05-01'),
      nextStep: 'Send the quote',
      nextStepDate: at('2026-03-09'),
    },
    { ...base, dealId: 'D-SAM', deal: 'Sam fine', owner: SAM, closeDate: at('2026-05-01') },
    {
      ...base,
      dealId: 'D-X',
      deal: 'Stranger late',
      owner: 'stranger@example.com',
      closeDate: at('2026-03-01'),
    },
  ];
  emu
    .sheet('Deals')
    .rangeAt(2, 1, deals.length, row({}).length)
    .setValues(deals.map((d) => row(d)));
  emu.run('menuScheduleRefresh');
  return emu;
}

/** The 1-based row of a Deal ID in Deals, read here. */
const rowOf = (emu: Emulator, id: string) => records(emu).findIndex((r) => r['Deal ID'] === id) + 2;

describe('the daily to-do email', () => {
  it('sends each listed owner with something to do one email, most pressing first, with links to the rows', () => {
    const emu = team();
    emu.fireTrigger('scheduledRefresh');
    expect(emu.mail.sent.map((m) => [m.to, m.from])).toEqual([[ME, ME]]);
    const [mail] = emu.mail.sent;
    expect(mail.subject).toBe(
      `${emu.spreadsheetApp.getActiveSpreadsheet()!.getName()}: 2 deals to look at today (2026-03-10)`,
    );
    const lines = mail.body.split('\n');
    const step = lines.findIndex((l) =>
      l.startsWith('1. <b>Evil & Co</b> (Qualified): Next step "Send the quote" was due 2026-03-09'),
    );
    const late = lines.findIndex((l) =>
      l.startsWith('2. Late close (Qualified): Close date 2026-03-01 has passed'),
    );
    expect([step > 0, late > step]).toEqual([true, true]);
    const gid = emu.sheet('Deals').getSheetId();
    expect(lines[step + 1].trim()).toMatch(new RegExp(`#gid=${gid}&range=A${rowOf(emu, 'D-STEP')}$`));
    expect(lines[late + 1].trim()).toMatch(new RegExp(`#gid=${gid}&range=A${rowOf(emu, 'D-LATE')}$`));
    // The HTML shows the deal's name as text, never as markup.
    expect(mail.htmlBody).toContain('&lt;b&gt;Evil &amp; Co&lt;/b&gt;');
    expect(mail.htmlBody).not.toContain('<b>Evil');
  });

  it('sends once a day, in the spreadsheet’s time zone', () => {
    const emu = team();
    emu.fireTrigger('scheduledRefresh');
    emu.env.nowMs += 3 * 3_600_000;
    emu.fireTrigger('scheduledRefresh');
    emu.run('menuRefresh');
    expect(emu.mail.sent).toHaveLength(1);
    // 10 March 23:30 in New York (summer time from 8 March) is 11 March in UTC: still the CRM's 10 March.
    emu.env.nowMs = Date.parse('2026-03-11T03:30:00Z');
    emu.fireTrigger('scheduledRefresh');
    expect(emu.mail.sent).toHaveLength(1);
    emu.env.nowMs = Date.parse('2026-03-11T12:00:00Z');
    emu.fireTrigger('scheduledRefresh');
    expect(emu.mail.sent.map((m) => m.subject.slice(-12))).toEqual(['(2026-03-10)', '(2026-03-11)']);
  });

  it('sends the day’s emails when a refresh from the menu came first and nothing changed since', () => {
    const emu = team();
    emu.fireTrigger('scheduledRefresh');
    // Just after midnight someone refreshes from the menu; the schedule's run an hour later (18 hours
    // after the last daily check) finds nothing changed since, and still sends the day's emails.
    emu.env.nowMs = Date.parse('2026-03-11T05:00:00Z'); // 01:00 in New York
    emu.run('menuRefresh');
    emu.env.nowMs += 3_600_000;
    emu.fireTrigger('scheduledRefresh');
    expect(emu.mail.sent.map((m) => m.subject.slice(-12))).toEqual(['(2026-03-10)', '(2026-03-11)']);
  });

  it('sends nothing when CRM Settings says No', () => {
    const emu = team('No');
    emu.fireTrigger('scheduledRefresh');
    expect(emu.mail.sent).toEqual([]);
  });

  it('keeps refreshing when Google refuses to send (no send_mail scope), sending nobody twice', () => {
    const emu = team();
    emu.manifest.oauthScopes = emu.manifest.oauthScopes.filter((s) => s !== SEND_MAIL);
    expect(() => emu.fireTrigger('scheduledRefresh')).not.toThrow();
    expect(emu.mail.sent).toEqual([]);
    expect(emu.logs.lines.map((l) => l.text).join('\n')).toMatch(
      /daily email not sent to owner@example\.com \(You do not have permission/,
    );
  });

  it('reads a CRM Settings tab made before the setting as No, without calling it a mistake', () => {
    const emu = team();
    const label = settingsA1(emu, SETTING, 'Setting');
    const value = settingsA1(emu, SETTING, 'Value');
    emu.userEdit('CRM Settings', `${label}:${value}`, [['', '']]);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)?.title).toBe('Sheets CRM: reports refreshed');
    emu.fireTrigger('scheduledRefresh');
    expect(emu.mail.sent).toEqual([]);
  });
});
