// Deal IDs: short, readable, and unique without reading the sheet (40 random bits; duplicates are
// still caught by the duplicate-ID rule).

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new Deal ID such as "D-7K3F9Q2M", drawing on `random` (0 <= x < 1). */
export function newDealId(random: () => number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `D-${s}`;
}
