// The daily to-do email (CRM Settings > General > Daily to-do email: Yes): the first scheduled refresh
// of a day sends each owner CRM Settings lists their deals to look at (dailyDigest.ts), from the
// account that scheduled the refresh (MailApp, script.send_mail scope), once a day in the
// spreadsheet's time zone. The day is recorded before sending: a failure part-way sends nobody twice.
import { PRODUCT } from '../../shared/names';
import type { Settings } from '../../shared/settings';
import { isoDay } from '../../shared/zonedTime';
import type { Deal } from '../../domain/deals/deal';
import type { Violation } from '../../domain/dataQuality/dealChecks';
import { dailyDigests } from '../../domain/sidebar/dailyDigest';
import { documentStore } from '../core/documentState';

const KEY = 'sheetsCrm.dailyEmail';

/**
 * Whether the day's emails are still to be sent (CRM Settings asks for them, and none went out today):
 * a refresh of the schedule is then never quiet (see refreshAll.ts), since the emails need every deal.
 */
export function dailyEmailDue(
  stored: (key: string) => string | null | undefined,
  settings: Settings,
  now: Date,
  timeZone: string,
): boolean {
  // The property is asked for only when CRM Settings asks for the emails.
  return settings.general.dailyEmail === 'Yes' && stored(KEY) !== isoDay(now, timeZone);
}

/** Sends the day's emails when due; returns the addresses sent to and those that failed, with why. */
export function sendDailyEmails(input: {
  settings: Settings;
  outcomes: readonly { deal: Deal; violations: readonly Violation[] }[];
  now: Date;
  timeZone: string;
  crmName: string;
  /** The Deals tab's address ("https://…/edit#gid=123"); a row's link adds "&range=A5". Asked only when sending. */
  dealsUrl: () => string;
}): { sent: string[]; failed: { to: string; why: string }[] } {
  const none = { sent: [], failed: [] };
  if (!dailyEmailDue((k) => documentStore().getProperty(k), input.settings, input.now, input.timeZone))
    return none;
  const today = isoDay(input.now, input.timeZone);
  documentStore().setProperty(KEY, today);
  const url = input.dealsUrl();
  const digests = dailyDigests(
    input.outcomes,
    input.settings.owners,
    today,
    input.crmName,
    (row) => `${url}&range=A${row}`,
  );
  const out: { sent: string[]; failed: { to: string; why: string }[] } = { sent: [], failed: [] };
  for (const d of digests)
    try {
      MailApp.sendEmail({ to: d.to, subject: d.subject, body: d.body, htmlBody: d.htmlBody, name: PRODUCT });
      out.sent.push(d.to);
    } catch (e) {
      out.failed.push({ to: d.to, why: String((e as Error)?.message ?? e) });
    }
  if (out.failed.length)
    console.warn(
      `${PRODUCT}: daily email not sent to ${out.failed.map((f) => `${f.to} (${f.why})`).join(', ')}`,
    );
  return out;
}
