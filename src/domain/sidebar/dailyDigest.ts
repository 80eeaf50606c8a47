// The morning email of a rep's day (opt-in in CRM Settings): for each owner CRM Settings lists, their
// deals to look at, most pressing first, the same as the sidebar's My day, each with why and a link to
// its row. An owner with nothing to do gets no email. Text and HTML; every value is escaped in the HTML.
import type { Owner } from '../../shared/settings';
import type { Deal } from '../deals/deal';
import type { Violation } from '../dataQuality/dealChecks';
import { checkText } from '../dataQuality/dealChecks';
import { NOTHING_PRESSING } from '../../shared/dayRank';
import { myDayOrder, pressing } from './myDay';

export interface Digest {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}

/** The most deals one email lists (then how many more). */
export const DIGEST_LIMIT = 25;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One email per listed owner with deals to look at: those whose Check words hold a to-do (a next step
 * due, a close date passed, idle too long, fields the stage needs). `link(row)` is the row's address.
 */
export function dailyDigests(
  outcomes: readonly { deal: Deal; violations: readonly Violation[] }[],
  owners: readonly Owner[],
  today: string,
  crmName: string,
  link: (row: number) => string,
): Digest[] {
  const byOwner = new Map<string, { id: string; deal: string; stage: string; why: string; row: number }[]>();
  for (const o of owners) if (o.email) byOwner.set(o.email.toLowerCase(), []);
  for (const { deal, violations } of outcomes) {
    const list = byOwner.get(deal.owner.trim().toLowerCase());
    if (!list || !violations.length || deal.stage?.type !== 'Open') continue;
    const why = checkText(violations);
    if (pressing(why) < NOTHING_PRESSING)
      list.push({ id: deal.id, deal: deal.name, stage: deal.stageText, why, row: deal.row });
  }
  const out: Digest[] = [];
  for (const owner of owners) {
    const items = myDayOrder(byOwner.get(owner.email.toLowerCase()) ?? []);
    if (!owner.email || !items.length) continue;
    const shown = items.slice(0, DIGEST_LIMIT);
    const more = items.length - shown.length;
    const n = `${items.length} ${items.length === 1 ? 'deal' : 'deals'}`;
    const hello = `${owner.name ? `Good morning ${owner.name}` : 'Good morning'}: ${n} to look at today in ${crmName}, most pressing first.`;
    const body = [
      hello,
      '',
      ...shown.map((d, i) => `${i + 1}. ${d.deal || d.id} (${d.stage}): ${d.why}\n   ${link(d.row)}`),
      ...(more ? ['', `And ${more} more: open the deal sidebar's My day.`] : []),
      '',
      `You get this because CRM Settings > General > Daily to-do email is Yes.`,
    ].join('\n');
    const htmlBody = [
      `<p>${escapeHtml(hello)}</p>`,
      '<ol>',
      ...shown.map(
        (d) =>
          `<li><a href="${escapeHtml(link(d.row))}">${escapeHtml(d.deal || d.id)}</a> (${escapeHtml(d.stage)}): ${escapeHtml(d.why)}</li>`,
      ),
      '</ol>',
      ...(more ? [`<p>And ${more} more: open the deal sidebar's My day.</p>`] : []),
      '<p>You get this because CRM Settings &gt; General &gt; Daily to-do email is Yes.</p>',
    ].join('\n');
    out.push({ to: owner.email, subject: `${crmName}: ${n} to look at today (${today})`, body, htmlBody });
  }
  return out;
}
