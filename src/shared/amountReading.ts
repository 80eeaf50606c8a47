// Reading money amounts as people write them ("€1.200", "$12,500.00", "1.234,50", "12k", "(300)"),
// with the decimal mark decided per column from its values, else from the spreadsheet's locale. A
// value whose separator the column and locale cannot settle is reported as bad, never guessed.
export type DecimalMark = '.' | ',';

type Parsed<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'bad'; raw: string };

const EMPTY = { kind: 'empty' } as const;
const ok = <T>(value: T): Parsed<T> => ({ kind: 'ok', value });
const bad = (raw: unknown): Parsed<never> => ({ kind: 'bad', raw: String(raw) });

/** Languages that write a decimal comma ("1.234,50"). */
const COMMA_LANGUAGES = new Set(
  'de fr es it nl pt ru pl sv da nb nn no fi tr cs sk sl hr sr ro hu bg uk el lt lv et id vi is ca eu gl af be az kk'.split(
    ' ',
  ),
);

const marks = new Map<string, DecimalMark>();

/** The decimal mark of a locale such as "de_DE" or "en_US" (asked once per cell: worked out once). */
export function localeDecimalMark(locale: string): DecimalMark {
  let mark = marks.get(locale);
  if (mark === undefined) {
    mark = COMMA_LANGUAGES.has(locale.toLowerCase().split(/[_-]/)[0]) ? ',' : '.';
    marks.set(locale, mark);
  }
  return mark;
}

/** ISO codes of the currencies teams sell in, as an amount may be written with one ("EUR 1000"). */
const CODES =
  'USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|JPY|INR|NZD|SGD|BRL|MXN|ZAR|PLN|CZK|HKD|CNY|KRW|RUB|TRY|ILS|AED|SAR|THB|MYR|IDR|PHP|TWD|HUF|RON|BGN|ISK|CLP|COP|ARS|PEN|EGP|NGN|KES|VND|UAH|QAR|KWD';
const CURRENCY = new RegExp(`^(?:${CODES})\\s*|\\s*(?:${CODES})$`, 'i');

/** Whether a text is the ISO code of a currency the CRM knows ("CNY", "eur"). */
export const isCurrencyCode = (text: string): boolean => CODES.split('|').includes(text.trim().toUpperCase());

/**
 * Currency symbols and the signs written after amounts ("1 200 руб.", "1,200円", "1.200 kr."), by
 * their lower-case form, with the currencies each may stand for and how a message names it.
 */
const one = (code: string) => ({ name: code, codes: [code] });
const SYMBOLS: Record<string, { name: string; codes: readonly string[] }> = {
  $: {
    name: 'dollars or pesos',
    codes: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'ARS', 'CLP', 'COP'],
  },
  '€': one('EUR'),
  '£': one('GBP'),
  '¥': { name: 'yen or yuan', codes: ['JPY', 'CNY'] },
  '￥': { name: 'yen or yuan', codes: ['JPY', 'CNY'] },
  円: one('JPY'),
  元: one('CNY'),
  '₹': one('INR'),
  '₩': one('KRW'),
  '₽': one('RUB'),
  'руб.': one('RUB'),
  руб: one('RUB'),
  'р.': one('RUB'),
  '₴': one('UAH'),
  '₺': one('TRY'),
  zł: one('PLN'),
  kč: one('CZK'),
  r$: one('BRL'),
  '₪': one('ILS'),
  '₫': one('VND'),
  'kr.': { name: 'kronor or kroner', codes: ['SEK', 'NOK', 'DKK', 'ISK'] },
  kr: { name: 'kronor or kroner', codes: ['SEK', 'NOK', 'DKK', 'ISK'] },
};
/** The signs, longest first (R$ before $), as a regular expression's alternatives. */
const SIGNS = Object.keys(SYMBOLS)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[$.]/g, (c) => `\\${c}`))
  .join('|');
const SIGN_AT = new RegExp(`^\\(?\\s*-?\\s*(${SIGNS})|(${SIGNS})\\s*\\)?$`, 'i');
const SIGN_STRIPPED = new RegExp(`^(?:${SIGNS})\\s*|\\s*(?:${SIGNS})$`, 'gi');

/** The currency of a spreadsheet's country ("zh_CN": CNY), by its region code. */
const REGION_CURRENCY: Record<string, string> = {
  ...Object.fromEntries(
    'DE FR ES IT NL BE AT PT FI IE GR LU SK SI EE LV LT CY MT HR'.split(' ').map((r) => [r, 'EUR']),
  ),
  ...Object.fromEntries(
    (
      'US:USD CA:CAD AU:AUD NZ:NZD SG:SGD HK:HKD MX:MXN JP:JPY CN:CNY SE:SEK NO:NOK DK:DKK IS:ISK ' +
      'GB:GBP CH:CHF PL:PLN CZ:CZK HU:HUF RO:RON BG:BGN RU:RUB UA:UAH TR:TRY IL:ILS AE:AED SA:SAR ' +
      'IN:INR TW:TWD KR:KRW MY:MYR TH:THB ID:IDR PH:PHP VN:VND BR:BRL AR:ARS CL:CLP CO:COP PE:PEN ' +
      'ZA:ZAR NG:NGN KE:KES EG:EGP QA:QAR KW:KWD'
    )
      .split(' ')
      .map((pair) => pair.split(':')),
  ),
};

/** The currency of the spreadsheet's country ("de_DE": EUR), or null when its locale names none known. */
export function localeCurrency(locale: string): string | null {
  return REGION_CURRENCY[locale.split(/[_-]/)[1]?.toUpperCase() ?? ''] ?? null;
}

/**
 * Which of the currencies a sign may stand for ("¥": JPY or CNY) the spreadsheet's locale says
 * ("zh_CN": CNY), or null when it says none of them.
 */
export function localeCurrencyAmong(codes: readonly string[], locale: string): string | null {
  const code = localeCurrency(locale);
  return code && codes.includes(code) ? code : null;
}

/** The currency a written amount names by its symbol or code, or null when it names none. */
export function writtenCurrency(text: string): { name: string; codes: readonly string[] } | null {
  const code = CURRENCY.exec(text.trim())?.[0].trim().toUpperCase();
  if (code) return { name: code, codes: [code] };
  const symbol = SIGN_AT.exec(text.trim());
  return symbol ? SYMBOLS[(symbol[1] ?? symbol[2]).toLowerCase()] : null;
}

/** The written currency when it cannot be `currency` (the CRM's), else null. */
export function otherCurrency(text: string, currency: string | undefined): string | null {
  if (!currency) return null;
  const written = writtenCurrency(text);
  return written && !written.codes.includes(currency.toUpperCase()) ? written.name : null;
}

/** Exchange rates from CRM Settings: what one unit of each code is worth in the CRM's currency. */
export type Rates = Readonly<Record<string, number>>;

/**
 * What an amount as written must be multiplied by to be in `currency` (the CRM's): 1 when it names
 * no currency or that one; the rate when it names another that `rates` lists (a symbol such as $ only
 * when exactly one of the currencies it may stand for is listed); null when it cannot be converted.
 */
export function rateOf(text: string, currency: string | undefined, rates?: Rates): number | null {
  if (!otherCurrency(text, currency)) return 1;
  const listed = listedCodes(text, rates);
  return listed.length === 1 ? rates![listed[0]] : null;
}

/** The currencies a written amount may be in that `rates` lists ("$" may be two of them). */
function listedCodes(text: string, rates?: Rates): readonly string[] {
  return writtenCurrency(text)?.codes.filter((c) => rates?.[c]) ?? [];
}

interface Cleaned {
  digits: string;
  sign: number;
  scale: number;
  /** The number itself, when the text settles it whatever the decimal mark (scientific notation). */
  exact?: number;
}

/** Strips currency, signs, spaces and k/m suffixes; null when what is left is not a number shape. */
function clean(v: string): Cleaned | null {
  let s = v.trim();
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  for (let i = 0; i < 2; i++) {
    s = s.replace(CURRENCY, '').replace(SIGN_STRIPPED, '').trim();
    if (s.startsWith('-') || s.startsWith('−')) {
      sign *= -1;
      s = s.slice(1).trim();
    } else if (s.endsWith('-')) {
      sign *= -1;
      s = s.slice(0, -1).trim();
    }
  }
  let scale = 1;
  const suffix = /^(.*\d)\s*([kKmM]|mm|MM|bn)$/.exec(s);
  if (suffix) {
    s = suffix[1];
    scale = /^k$/i.test(suffix[2]) ? 1e3 : /bn/i.test(suffix[2]) ? 1e9 : 1e6;
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  // Scientific notation, as spreadsheets and databases write large numbers ("1.25E+05", "8,5E4"): the
  // mantissa's one separator can only be its decimal mark.
  const sci = /^(\d+)(?:[.,](\d+))?[eE]\+?(\d{1,2})$/.exec(s);
  if (sci) return { digits: s, sign, scale, exact: Number(`${sci[1]}.${sci[2] ?? '0'}e${sci[3]}`) };
  return /^\d[\d.,]*$/.test(s) && /\d$/.test(s) ? { digits: s, sign, scale } : null;
}

type Shape =
  | { kind: 'plain' }
  | { kind: 'decimal'; mark: DecimalMark }
  | { kind: 'grouped'; mark: DecimalMark }
  | { kind: 'ambiguous'; sep: DecimalMark }
  /** one separator, not followed by three digits ("1,5", "12.50"): a decimal mark, or a slip */
  | { kind: 'lone'; sep: DecimalMark }
  | { kind: 'invalid' };

/** What a cleaned number's separators say about the decimal mark. */
function shapeOf(d: string): Shape {
  const dots = (d.match(/\./g) ?? []).length;
  const commas = (d.match(/,/g) ?? []).length;
  if (!dots && !commas) return { kind: 'plain' };
  if (dots && commas) {
    const mark: DecimalMark = d.lastIndexOf('.') > d.lastIndexOf(',') ? '.' : ',';
    const thousands = mark === '.' ? ',' : '.';
    const [int, frac] = [d.slice(0, d.lastIndexOf(mark)), d.slice(d.lastIndexOf(mark) + 1)];
    if (frac.includes(thousands) || !groupedOk(int, thousands)) return { kind: 'invalid' };
    return { kind: 'decimal', mark };
  }
  const sep: DecimalMark = dots ? '.' : ',';
  const count = dots || commas;
  if (count > 1)
    return groupedOk(d, sep) ? { kind: 'grouped', mark: sep === '.' ? ',' : '.' } : { kind: 'invalid' };
  const [int, frac] = d.split(sep);
  if (frac.length === 3 && int.length >= 1 && int.length <= 3 && int !== '0')
    return { kind: 'ambiguous', sep };
  return { kind: 'lone', sep };
}

function groupedOk(int: string, sep: string): boolean {
  return (
    new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(int) ||
    /^\d+$/.test(int) ||
    // Indian grouping (lakh and crore: 12,50,000), which no other grouping writes.
    (sep === ',' && /^\d{1,2}(,\d{2})+,\d{3}$/.test(int))
  );
}

function toNumber(d: string, mark: DecimalMark): number {
  const thousands = mark === '.' ? ',' : '.';
  return Number(d.split(thousands).join('').replace(mark, '.'));
}

/**
 * The two numbers an amount whose one separator could be a decimal mark or a thousands one reads as
 * ("€1.200": 1.2 and 1200), sign and k/m suffix applied; null for any other text.
 */
export function bothReadings(text: string): [number, number] | null {
  const c = clean(text);
  if (!c || c.exact !== undefined) return null;
  const s = shapeOf(c.digits);
  if (s.kind !== 'ambiguous') return null;
  const as = (mark: DecimalMark) => c.sign * toNumber(c.digits, mark) * c.scale;
  return [as(s.sep), as(s.sep === '.' ? ',' : '.')];
}

/** The decimal mark a column's values use, or the locale's when they do not say. */
export function decimalMarkOf(
  values: readonly unknown[],
  locale: string,
): { mark: DecimalMark | null; fromValues: boolean } {
  const seen = new Set<DecimalMark>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const c = clean(v);
    if (!c || c.exact !== undefined) continue;
    const s = shapeOf(c.digits);
    if (s.kind === 'decimal' || s.kind === 'grouped') seen.add(s.mark);
    else if (s.kind === 'lone') seen.add(s.sep);
  }
  if (seen.size === 1) return { mark: [...seen][0], fromValues: true };
  if (seen.size === 2) return { mark: null, fromValues: true };
  return { mark: localeDecimalMark(locale), fromValues: false };
}

/**
 * An amount as written ("€1.200", "$12,500.00", "1.234,50", "12k", "(300)"), read with the column's
 * decimal mark. "1.200" where nothing in the column or locale settles whether the point is a
 * decimal point stays bad (kept as written), as does "1,5" where the column's mark is a point, and
 * with `currency` (the CRM's), an amount written in another one ("£1,200" in a USD CRM).
 */
export function readAmount(
  v: unknown,
  column: { mark: DecimalMark | null; fromValues: boolean; currency?: string; rates?: Rates },
): Parsed<number> {
  if (v === '' || v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : bad(v);
  if (typeof v !== 'string') return bad(v);
  if (!v.trim()) return EMPTY;
  const rate = rateOf(v, column.currency, column.rates);
  if (rate === null) return bad(v);
  const c = clean(v);
  if (!c) return bad(v);
  const s = shapeOf(c.digits);
  let n: number;
  if (c.exact !== undefined) n = c.exact;
  else if (s.kind === 'plain') n = Number(c.digits);
  else if (s.kind === 'decimal' || s.kind === 'grouped') n = toNumber(c.digits, s.mark);
  else if (s.kind === 'lone') {
    // "1,5" where the column's mark is a point is no grouping either: 1.5 typed by habit, or 15.
    if (column.mark !== null && column.mark !== s.sep) return bad(v);
    n = toNumber(c.digits, s.sep);
  } else if (s.kind === 'ambiguous') {
    // From the column's own values, the mark decides; from the locale, only its thousands separator does.
    if (column.mark === null) return bad(v);
    if (column.fromValues) n = toNumber(c.digits, column.mark);
    else if (s.sep !== column.mark) n = toNumber(c.digits, column.mark);
    else return bad(v);
  } else return bad(v);
  // Converted to the CRM's currency at the listed rate, to the cent.
  const value = c.sign * n * c.scale;
  return Number.isFinite(n) ? ok(rate === 1 ? value : Math.round(value * rate * 100) / 100) : bad(v);
}

/**
 * An amount typed into a form ("12k", "$12,000", "1.234,50"), read with the spreadsheet's decimal
 * mark and, given, the CRM's currency: the number ('' when blank), or what is wrong, in words a rep
 * can act on.
 */
export function readTypedAmount(
  text: string,
  mark: DecimalMark,
  currency?: string,
  rates?: Rates,
): { ok: true; value: number | '' | string } | { ok: false; message: string } {
  const read = readAmount(text, { mark, fromValues: false, currency, rates });
  if (read.kind === 'empty') return { ok: true, value: '' };
  const shown = text.trim();
  const other = otherCurrency(text, currency);
  const listed = other ? listedCodes(text, rates) : [];
  if (listed.length > 1)
    return {
      ok: false,
      message: `"${shown}" could be ${listed.join(' or ')}: write the code, like 1200 ${listed[0]}`,
    };
  if (other && !listed.length)
    return {
      ok: false,
      message: `"${shown}" is in ${other}, and this CRM counts in ${currency}: write the amount in ${currency}, or list the currency under Exchange rates in CRM Settings`,
    };
  if (read.kind === 'ok')
    return read.value < 0
      ? { ok: false, message: `Amount cannot be negative (${shown}); write what the deal is worth` }
      : // An amount in a listed currency keeps it: the cell holds what was written.
        { ok: true, value: other ? shown : read.value };
  const c = clean(text);
  const shape = c ? shapeOf(c.digits).kind : null;
  if (c && (shape === 'ambiguous' || shape === 'lone')) {
    const [a, b] = [toNumber(c.digits, '.'), toNumber(c.digits, ',')].map((n) => c.sign * n * c.scale);
    const [small, large] = a < b ? [a, b] : [b, a];
    return {
      ok: false,
      message: `"${shown}" could mean ${amountText(small, mark)} or ${amountText(large, mark)}; type the one you mean`,
    };
  }
  const example = mark === ',' ? '12500, 12.500,50' : '12500, 12,500.50';
  return { ok: false, message: `"${shown}" is not an amount; write it like ${example} or 12k` };
}

/**
 * A number as a form shows it: the locale's decimal mark, no grouping, and never in a shape
 * `readTypedAmount` would call ambiguous ("1.125" becomes "1.1250"), so opening and saving a deal
 * unchanged reads back the same number.
 */
export function amountText(n: number, mark: DecimalMark): string {
  let s = plainDigits(n);
  if (mark === ',') s = s.replace('.', ',');
  const parts = /^-?(\d+)[.,](\d+)$/.exec(s);
  if (parts && parts[2].length === 3 && parts[1].length <= 3 && parts[1] !== '0') s += '0';
  return s;
}

/** A number in plain digits: String() without its exponent form ("1e-7" becomes "0.0000001"). */
function plainDigits(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? '');
  const point = 1 + Number(m[4]);
  if (point <= 0) return `${m[1]}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return m[1] + digits + '0'.repeat(point - digits.length);
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}
