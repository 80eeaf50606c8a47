// What a column's values say it holds when its header says nothing (or there is no header row):
// stages, owners, amounts, an ID, a deal's name beside its company. Each test asks for strong
// evidence; a column that passes none is left for the person to name in the preview.
import { decimalMarkOf, readAmount } from '../values/columnConventions';
import { EMAIL } from '../values/text';
import { closedTypeOf, wordRank } from './stageAdoption';
import type { ImportWords } from './headerVocabulary';
import { maxOf } from '../../shared/manyValues';

export const cellText = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim();
const FIRST_NAME = /^[\p{Lu}][\p{Ll}'’-]{1,20}$/u;
const PERSON = /^[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]*){1,3}$/u;

/** Share of values passing a test (0 for no values). */
const share = (vals: readonly unknown[], test: (v: unknown) => boolean) =>
  vals.length ? vals.filter(test).length / vals.length : 0;

/**
 * A column of stage names: few texts without long numbers, holding a won and a lost stage, or one of
 * them beside a stage a pipeline names ("Qualified", "Angebot") on repeated values. A task's statuses
 * (Not started, Completed, Cancelled) and an invoice's (Paid, Overdue, Cancelled) are not stages.
 */
export function looksLikeStages(column: readonly unknown[], words: ImportWords): boolean {
  const vals = column.map(cellText);
  const distinct = [...new Set(vals.map((v) => v.toLowerCase()))];
  if (vals.length < 3 || distinct.length < 2 || distinct.length > 30 || vals.some((v) => /\d{3,}/.test(v)))
    return false;
  const types = new Set(distinct.map((v) => closedTypeOf(v, words)));
  const pipeline = distinct.some((v) => closedTypeOf(v, words) === null && wordRank(v, words) !== null);
  const repeated = distinct.length < vals.length;
  if (types.has('Won') && types.has('Lost')) return repeated || distinct.length <= 12;
  return (
    repeated &&
    distinct.length <= Math.max(6, vals.length / 2) &&
    (types.has('Won') || types.has('Lost')) &&
    pipeline
  );
}

/** A handful of people's names or emails, each on many rows. */
export function looksLikeOwners(column: readonly unknown[]): boolean {
  const vals = column.map(cellText).slice(0, 500);
  const distinct = new Set(vals);
  if (vals.length < 3 || distinct.size > 60 || distinct.size > Math.max(1, vals.length * 0.6)) return false;
  if (share(vals, (v) => PERSON.test(String(v)) || EMAIL.test(String(v))) >= 0.9) return true;
  // First names only ("Jo", "Sam"): a handful, each on many rows.
  return (
    distinct.size <= Math.max(2, vals.length * 0.4) && share(vals, (v) => FIRST_NAME.test(String(v))) === 1
  );
}

/**
 * A column of record numbers: whole numbers written plainly, all different, rising row by row (a
 * table's key). Such a column is never an amount.
 */
export function looksLikeIds(column: readonly unknown[]): boolean {
  const vals = column.map(cellText);
  if (vals.length < 3 || !vals.every((v) => /^\d+$/.test(v))) return false;
  return vals.every((v, i) => i === 0 || Number(v) > Number(vals[i - 1]));
}

/** Mostly amounts: with a currency, or mostly 100 and over (and not years, nor record numbers). */
export function looksLikeAmounts(vals: readonly unknown[], mark: ReturnType<typeof decimalMarkOf>): boolean {
  if (looksLikeIds(vals)) return false;
  const money = vals.filter((v) => typeof v === 'string' && /[$€£¥₹]|\b(USD|EUR|GBP)\b/i.test(v)).length;
  const nums = vals
    .map((v) => readAmount(v, mark))
    .filter((p) => p.kind === 'ok')
    .map((p) => (p as { value: number }).value);
  const big = nums.filter((n) => n >= 100 && !(Number.isInteger(n) && n >= 1900 && n <= 2100)).length;
  return nums.length >= 0.8 * vals.length && vals.length > 0 && (money > 0 || big >= 0.6 * nums.length);
}

/** A key column of a table with no header: every row filled, all different, no spaces, with a digit. */
export function looksLikeKey(column: readonly unknown[], rows: number): boolean {
  const vals = column.map(cellText);
  return (
    rows >= 2 &&
    vals.length === rows &&
    new Set(vals).size === rows &&
    vals.every((v) => v.length <= 40 && /\d/.test(v) && !/\s/.test(v))
  );
}

/** Legal forms and words companies' names end in, in the languages above. */
const COMPANY_END =
  /\b(inc|ltd|llc|llp|plc|corp|corporation|co|company|gmbh|ag|kg|ohg|se|sa|sas|sarl|sl|srl|spa|bv|nv|ab|as|asa|aps|oy|pty|group|gruppe|holding|industries|enterprises|systems|technologies|solutions|partners|labs)\.?$/i;
/** A company's name for matching: without case, signs or a trailing legal form ("Acme Inc" is "acme"). */
export function companyKey(name: unknown): string {
  const words = cellText(name)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && COMPANY_END.test(words[words.length - 1])) words.pop();
  return words.join(' ');
}

const wordsOf = (v: string) =>
  v
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);

/**
 * Which of two text columns holds deals' names and which their companies, from the rows: a deal is
 * usually named after its company ("Acme renewal" beside "Acme Inc"), and companies' names end in a
 * legal form. Null when the rows do not say.
 */
export function dealBesideCompany(a: readonly unknown[], b: readonly unknown[]): { deal: 'a' | 'b' } | null {
  const rows = a.map((v, i) => [cellText(v), cellText(b[i])] as const).filter(([x, y]) => x && y);
  if (rows.length < 3) return null;
  const names = (i: 0 | 1, j: 0 | 1) =>
    share(rows, (r) => {
      const [x, y] = [(r as readonly string[])[i], (r as readonly string[])[j]];
      return wordsOf(y).some((w) => wordsOf(x).includes(w)) && x.length !== y.length;
    });
  const ends = (i: 0 | 1) => share(rows, (r) => COMPANY_END.test((r as readonly string[])[i]));
  const named = [names(0, 1), names(1, 0)];
  // Both hold a shared word on most rows: the company is the one ending in a legal form.
  if (maxOf(named) >= 0.6) {
    if (ends(1) >= 0.5 && ends(0) < 0.2) return { deal: 'a' };
    if (ends(0) >= 0.5 && ends(1) < 0.2) return { deal: 'b' };
  }
  if (ends(1) >= 0.6 && ends(0) < 0.1) return { deal: 'a' };
  if (ends(0) >= 0.6 && ends(1) < 0.1) return { deal: 'b' };
  return null;
}

/**
 * Whether the first row of a tab is itself data: at least two of its cells are numbers, dates or
 * MySQL's \N, and the rows below hold the same kinds in those columns.
 */
export function rowIsData(row: readonly unknown[], below: readonly (readonly unknown[])[]): boolean {
  const kind = (v: unknown) => {
    const s = cellText(v);
    if (s === '' || s === '\\N') return s === '' ? '' : 'null';
    if (/^-?[\d.,]+$/.test(s)) return 'number';
    if (/^\d{4}-\d{2}-\d{2}|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(s)) return 'date';
    return 'text';
  };
  const typed = row.map((v, c) => [kind(v), c] as const).filter(([k]) => k !== '' && k !== 'text');
  if (typed.length < 2 || !below.length) return false;
  const alike = typed.filter(([k, c]) => {
    const under = below.map((r) => kind(r[c])).filter((x) => x !== '');
    return share(under, (x) => x === k || x === 'null' || k === 'null') >= 0.8;
  });
  return alike.length >= 0.8 * typed.length;
}

/** A copy of a tab's values with MySQL's NULL marker (\N) read as empty, and how many there were. */
export function withoutNulls<T>(values: readonly (readonly T[])[]): { values: (T | '')[][]; nulls: number } {
  let nulls = 0;
  const out = values.map((r) =>
    r.map((v) => {
      if (v !== '\\N') return v;
      nulls++;
      return '' as const;
    }),
  );
  return { values: out, nulls };
}

/** Cells of one kind of trouble: how many, and the first one's place and text. */
export interface CellTrouble {
  cells: number;
  first: { row: number; column: number; text: string } | null;
}

/**
 * Text a file's character set or a dump's escapes spoiled: UTF-8 read as Windows-1252 ("Ã³" for
 * "ó"), Windows-1252 read as UTF-8 (the "�" left for a byte it could not read), and MySQL's
 * backslash escapes ("\"", "\\"), which CSV does not know (a quote inside one may have cut the cell).
 */
export function textTroubles(values: readonly (readonly unknown[])[]): {
  encoding: CellTrouble;
  escapes: CellTrouble;
} {
  const encoding: CellTrouble = { cells: 0, first: null };
  const escapes: CellTrouble = { cells: 0, first: null };
  const note = (t: CellTrouble, row: number, column: number, text: string) => {
    t.cells++;
    t.first ??= { row, column, text };
  };
  values.forEach((r, i) =>
    r.forEach((v, c) => {
      if (typeof v !== 'string') return;
      if (/\uFFFD|Ã[\u0080-\u00BF]|â€/.test(v)) note(encoding, i + 1, c + 1, v);
      if (/\\["'\\nrt0]|\\$/.test(v)) note(escapes, i + 1, c + 1, v);
    }),
  );
  return { encoding, escapes };
}
