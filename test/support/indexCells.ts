// The History index tab's cells read without the product's parsers: a trail is JSON ([moves, pushes],
// times in ms) or compact text ("~" then moves "time.stage[.left]" apart by spaces, "|", then push
// times), every number in base 36 and a stage the position of its name in the list that follows
// " · stages: " in the header cell.
import type { Emulator } from '../../local/emulator';

export type IndexMove = [number, string] | [number, string, string];
export interface IndexTrail {
  moves: IndexMove[];
  pushes: number[];
}

/** Every data row of the index: the Deal ID and its trail, in the tab's order. */
export function indexTrails(emu: Emulator): [string, IndexTrail][] {
  const [header, ...rows] = emu.values('History index (CRM)');
  const label = String(header[1]);
  const at = label.indexOf(' · stages: ');
  const names = at < 0 ? [] : (JSON.parse(label.slice(at + ' · stages: '.length)) as string[]);
  return rows.filter((r) => r[0] !== '').map((r) => [String(r[0]), trailOf(String(r[1]), names)]);
}

function trailOf(text: string, names: string[]): IndexTrail {
  if (!text.startsWith('~')) {
    const [moves, pushes] = JSON.parse(text) as [IndexMove[], number[]];
    return { moves, pushes };
  }
  const [moves, pushes] = text.slice(1).split('|');
  const n = (s: string) => parseInt(s, 36);
  return {
    moves: (moves ? moves.split(' ') : []).map((m) => {
      const [t, to, from] = m.split('.');
      return from === undefined ? [n(t), names[n(to)]] : [n(t), names[n(to)], names[n(from)]];
    }),
    pushes: pushes ? pushes.split(' ').map(n) : [],
  };
}

/** Writes trails back as JSON (the index as written before compact text), keeping the header's label. */
export function writeTrailsAsJson(emu: Emulator, edit: (t: IndexTrail) => IndexTrail = (t) => t): void {
  const sheet = emu.sheet('History index (CRM)');
  const trails = indexTrails(emu);
  sheet
    .rangeAt(2, 1, trails.length, 2)
    .setValues(trails.map(([id, t]) => [id, JSON.stringify([edit(t).moves, edit(t).pushes])]));
  sheet.rangeAt(1, 2, 1, 1).setValues([['Stage moves and close-date pushes']]);
}
