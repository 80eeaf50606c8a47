// CRM Settings rows that each read well but together say two things, or name what the tab does not
// hold: the CRM would otherwise pick one meaning with no word (a target counted twice, an industry
// typo that empties a segment, an open stage left out of the forecast). Each is a problem named by
// its cell; a row repeated word for word says one thing and is not.
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { parseSettings, renderSettings, type Cell } from '../../../src/domain/settings/settingsCells';

const TZ = 'Europe/Berlin';
const grid = () => renderSettings(defaultSettings('o@example.com')) as Cell[][];

/** The letters of a 0-based column (A, …, Z, AA, …), written here rather than asked of the product. */
function letters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Writes `cells` into block `title`'s item row `row` (1-based sheet row), from its first column. */
function put(g: Cell[][], title: string, row: number, cells: Cell[]): number {
  const col = g[0].indexOf(title);
  expect(col).toBeGreaterThanOrEqual(0);
  g[row - 1] ??= Array<Cell>(g[0].length).fill('');
  cells.forEach((v, i) => (g[row - 1][col + i] = v));
  return col;
}

/** The problems of a grid as "Cell: message". */
function problems(g: Cell[][]): string[] {
  const parsed = parseSettings(g, TZ);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.cell}: ${p.message}`);
}

/** The settings a grid parses to (it must parse). */
function settingsOf(g: Cell[][]) {
  const parsed = parseSettings(g, TZ);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.cell}: ${p.message}`).join('\n'));
  return parsed.settings;
}

describe('CRM Settings rows that contradict each other or name what the tab lacks', () => {
  it('asks which target is meant when a month (and owner) has two rows, rather than adding them up', () => {
    const g = grid();
    const col = put(g, 'Targets', 3, ['2027-01', '', 100000]);
    put(g, 'Targets', 4, ['2027-01', 'Ana Ortiz', 40000]);
    put(g, 'Targets', 5, ['2027-01', '', 120000]);
    put(g, 'Targets', 6, ['2027-01', 'ana  ortiz', 45000]);
    put(g, 'Targets', 7, ['2027-02', '', 100000]);
    put(g, 'Owners', 3, ['Ana Ortiz', 'ana@example.com']);
    expect(problems(g)).toEqual([
      `CRM Settings!${letters(col)}5: The whole team's target for 2027-01 is also on row 3: keep one row (the CRM would add them up)`,
      `CRM Settings!${letters(col)}6: Ana Ortiz's target for 2027-01 is also on row 4: keep one row (the CRM would add them up)`,
    ]);
    // One row each: a team target beside an owner's is what the block is for.
    g[4][col] = g[4][col + 2] = g[5][col] = g[5][col + 1] = g[5][col + 2] = '';
    expect(settingsOf(g).targets).toEqual([
      { month: '2027-01', owner: null, amount: 100000 },
      { month: '2027-01', owner: 'Ana Ortiz', amount: 40000 },
      { month: '2027-02', owner: null, amount: 100000 },
    ]);
  });

  it('names a target whose owner Owners does not list (a typo would count no deal), by name or email', () => {
    const g = grid();
    const owners = put(g, 'Owners', 3, ['Ana Ortiz', 'ana@example.com']);
    put(g, 'Owners', 4, ['Ben Carter', '']);
    const col = put(g, 'Targets', 3, ['2027-01', 'Ana Ortz', 50000]);
    put(g, 'Targets', 4, ['2027-01', 'ANA@example.com', 50000]);
    put(g, 'Targets', 5, ['2027-02', 'ben carter', 50000]);
    expect(problems(g)).toEqual([
      `CRM Settings!${letters(col + 1)}3: "Ana Ortz" is not in Owners: a target of an owner counts the deals of the owner named so (write the name as Owners has it: Ana Ortiz, Ben Carter)`,
    ]);
    // With no one listed in Owners, any name stands (deals are then not checked against Owners either).
    for (let r = 2; r < 5; r++) g[r][owners] = g[r][owners + 1] = '';
    g[2][col + 1] = 'Ana Ortz';
    expect(settingsOf(g).targets.map((t) => t.owner)).toEqual(['Ana Ortz', 'ANA@example.com', 'ben carter']);
  });

  it('names an owner listed twice with different emails, and lets a row repeated word for word be', () => {
    const g = grid();
    const col = put(g, 'Owners', 3, ['Ana Ortiz', 'ana@example.com']);
    put(g, 'Owners', 4, ['Ben Carter', 'ben@example.com']);
    put(g, 'Owners', 5, ['ana ortiz', 'ana.ortiz@example.com']);
    put(g, 'Owners', 6, ['Ben Carter', 'ben@example.com']);
    expect(problems(g)).toEqual([
      `CRM Settings!${letters(col)}5: Ana Ortiz is also on row 3, with another email (ana@example.com): keep one row, with the email they sign in with`,
    ]);
    g[4][col] = g[4][col + 1] = '';
    expect(settingsOf(g).owners.map((o) => o.email)).toEqual([
      'ana@example.com',
      'ben@example.com',
      'ben@example.com',
    ]);
  });

  it('names a lost reason listed twice that asks for a competitor once and not the other time', () => {
    const g = grid();
    const col = g[0].indexOf('Lost reasons');
    const names = g.slice(2).map((r) => r[col]);
    const price = names.indexOf('Price') + 3;
    const competitor = names.indexOf('Lost to competitor') + 3;
    expect(g[price - 1][col + 1]).toBe(false);
    const free = (names.includes('') ? names.indexOf('') : names.length) + 3; // the first row below the list
    put(g, 'Lost reasons', free, ['price', true]);
    put(g, 'Lost reasons', free + 1, ['Lost to competitor', true]);
    expect(problems(g)).toEqual([
      `CRM Settings!${letters(col + 1)}${free}: The lost reason "Price" is also on row ${price}, where it does not require a competitor: keep one row`,
    ]);
    expect(g[competitor - 1][col + 1]).toBe(true); // the second row says the same: not a problem
  });

  it('names an industry in a segment rule that Industries does not list (its deals would fall into another segment)', () => {
    const g = grid();
    const col = put(g, 'Segment rules', 3, ['A', 'Sofware, Financial services, healthcare', 200, '']);
    expect(problems(g)).toEqual([
      `CRM Settings!${letters(col + 1)}3: "Sofware" is not in Industries, so no deal can match it: write it as Industries does (Software, Financial services, Healthcare, Manufacturing, Retail, Education, Public sector, Other) or add it there`,
    ]);
    // With no industry listed, the rule's words stand.
    const industries = g[0].indexOf('Industries');
    for (let r = 2; r < g.length; r++) if (g[r]) g[r][industries] = '';
    expect(settingsOf(g).segmentRules[0].industries).toEqual(['Sofware', 'Financial services', 'healthcare']);
  });

  it('refuses an open stage in the forecast category Closed, which the forecast leaves out', () => {
    const g = grid();
    const col = g[0].indexOf('Stages');
    const row = g.findIndex((r) => r[col] === 'Qualified') + 1;
    g[row - 1][col + 3] = 'Closed';
    expect(problems(g)).toEqual([
      `CRM Settings!${letters(col + 3)}${row}: Qualified is an open stage: Closed is the category of Won stages, and the forecast would leave its deals out. Use Pipeline, Best case or Commit (or Omitted to leave them out on purpose)`,
    ]);
    g[row - 1][col + 3] = 'Omitted';
    expect(settingsOf(g).stages.find((s) => s.name === 'Qualified')!.category).toBe('Omitted');
  });
});
