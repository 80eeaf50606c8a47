// How pressing a deal's to-dos are, read from its Check words (dealChecks.ts): shared by My day on the
// server and the sidebar, which re-ranks a deal it just saved from the Check the save returned.

/** How pressing a deal's fixes are (lower first), read from the Check words (dealChecks.ts). */
const PRESSING: RegExp[] = [
  /(^|; )Next step\b[^;]* was due \d{4}-\d{2}-\d{2}/,
  /(^|; )Close date \d{4}-\d{2}-\d{2} has passed/,
  /(^|; )No stage change since \d{4}-\d{2}-\d{2}/,
  /(^|; )[^;]+ needs [^;]+/,
];

/** The rank of a deal's fixes: the index of the first kind its words hold, else after them all. */
export function pressing(why: string): number {
  const at = PRESSING.findIndex((p) => p.test(why));
  return at < 0 ? PRESSING.length : at;
}

/** The rank of a deal with no to-do left (its Check holds none of the kinds above). */
export const NOTHING_PRESSING = PRESSING.length;
