// The deals and their history as another CRM should receive them: plain numbers with their currency,
// ISO days in the spreadsheet's time zone, owners as emails. Computed columns (Check, Last seen,
// Segment, pushes, Forecast category) never enter these records, so they cannot leak into a file.
import type { Settings, StageDef } from '../../shared/settings';
import { isDate, isoDay, pad2, zonedParts } from '../../shared/zonedTime';
import { otherCurrency } from '../../shared/amountReading';
import { cellOf, readDeal, isBlankRow, type CellValue, type Deal } from '../deals/deal';
import { mapHeaders } from '../deals/headerMap';
import { parseAmount, type Parsed } from '../values/cellParsing';
import { EMAIL } from '../values/text';
import { FIELDS, fieldLabel, type FieldKey } from '../../shared/fields';

export interface ExitDeal {
  /** The Deals row it came from (1-based). */
  row: number;
  id: string;
  name: string;
  company: string;
  contact: string;
  email: string;
  /** The Owner cell as written. */
  owner: string;
  /** The owner's email: the cell when it is one, else the email CRM Settings lists for that name. */
  ownerEmail: string | null;
  stageText: string;
  stage: StageDef | null;
  /** The amount as a plain number in `currency` (the currency it is written in), or null. */
  amount: number | null;
  currency: string;
  closeDate: string;
  created: string;
  lostReason: string;
  competitor: string;
  leadSource: string;
  nextStep: string;
  notes: string;
  /** Cells that hold something the CRM cannot read (the Check column flags them): header and text. */
  unreadable: { header: string; raw: string }[];
}

/** One History row: a change of one field of one deal. */
export interface ExitChange {
  dealId: string;
  /** "YYYY-MM-DD HH:mm" in the spreadsheet's time zone. */
  at: string;
  /** The same moment as an ISO instant in UTC ('' when the Time cell holds no date). */
  instant: string;
  field: string;
  from: string;
  to: string;
  user: string;
}

/** An ISO day for a parsed date ('' when empty or unreadable). */
const day = (p: Parsed<Date>, timeZone: string) => (p.kind === 'ok' ? isoDay(p.value, timeZone) : '');

/** The owner's email: the cell itself when it is an address, else CRM Settings' email for the name. */
export function ownerEmailOf(owner: string, settings: Settings): string | null {
  if (EMAIL.test(owner)) return owner.toLowerCase();
  const listed = settings.owners.find((o) => o.name.trim().toLowerCase() === owner.toLowerCase());
  return listed && EMAIL.test(listed.email) ? listed.email.toLowerCase() : null;
}

/** An amount cell as a plain number in the currency it is written in (the CRM's when it names none). */
function amountOf(raw: CellValue, locale: string, home: string): { read: Parsed<number>; currency: string } {
  const foreign = typeof raw === 'string' ? otherCurrency(raw, home) : null;
  return { read: parseAmount(raw, locale), currency: foreign ?? home };
}

/** Cells the CRM cannot read, whatever currency the amount is written in. */
function unreadable(d: Deal, amount: Parsed<number>): ExitDeal['unreadable'] {
  const out: ExitDeal['unreadable'] = [];
  const pairs: [FieldKey, Parsed<unknown>][] = [
    ['amount', amount],
    ['closeDate', d.closeDate],
    ['nextStepDate', d.nextStepDate],
  ];
  for (const [key, p] of pairs) if (p.kind === 'bad') out.push({ header: fieldLabel(key), raw: p.raw });
  return out;
}

/** Every non-blank row of the Deals tab (its values with the header row) as an ExitDeal. */
export function exitDeals(
  values: readonly CellValue[][],
  settings: Settings,
  timeZone: string,
  locale: string,
): ExitDeal[] {
  const map = mapHeaders(values[0] ?? []);
  const amountColumn = map.columns.amount;
  const computed = FIELDS.filter((f) => f.computed).map((f) => f.key);
  const out: ExitDeal[] = [];
  values.slice(1).forEach((r, i) => {
    if (isBlankRow(r, map, computed) && !String(cellOf(r, map, 'dealId')).trim()) return;
    const d = readDeal(r, i + 2, map, settings, timeZone, locale);
    const raw = amountColumn === undefined ? '' : (r[amountColumn] ?? '');
    const { read, currency } = amountOf(raw, locale, settings.general.currency);
    out.push({
      row: d.row,
      id: d.id,
      name: d.name,
      company: d.company,
      contact: d.contact,
      email: d.email,
      owner: d.owner,
      ownerEmail: d.owner ? ownerEmailOf(d.owner, settings) : null,
      stageText: d.stageText,
      stage: d.stage,
      amount: read.kind === 'ok' ? read.value : null,
      currency,
      closeDate: day(d.closeDate, timeZone),
      created: d.created ? isoDay(d.created, timeZone) : '',
      lostReason: d.lostReason,
      competitor: d.competitor,
      leadSource: d.leadSource,
      nextStep: d.nextStep,
      notes: d.notes,
      unreadable: unreadable(d, read),
    });
  });
  return out;
}

/** A History cell as text: a date as its ISO day, a number as written. */
function historyText(v: CellValue, timeZone: string): string {
  return isDate(v) ? isoDay(v, timeZone) : String(v ?? '').trim();
}

/** The History tab's rows (without its header) as changes, oldest first as the tab keeps them. */
export function exitChanges(rows: readonly CellValue[][], timeZone: string): ExitChange[] {
  const out: ExitChange[] = [];
  for (const [time, dealId, field, from, to, user] of rows) {
    const id = String(dealId ?? '').trim();
    if (!id) continue;
    let at = String(time ?? '');
    let instant = '';
    if (isDate(time)) {
      instant = time.toISOString();
      const p = zonedParts(time, timeZone);
      at = `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
    }
    out.push({
      dealId: id,
      at,
      instant,
      field: String(field ?? '').trim(),
      from: historyText(from, timeZone),
      to: historyText(to, timeZone),
      user: String(user ?? '').trim(),
    });
  }
  return out;
}
