// History's row 1: read by position, so only a row 1 whose six columns are where Set up put them (or
// blank) is read on; anything else names the first column out of place.
import { historyHeaderProblem } from '../../../src/domain/history/historyHeader';

const HEADERS = ['Time', 'Deal ID', 'Field', 'From', 'To', 'User'];

describe("History's row 1", () => {
  it.each([
    ['as made', HEADERS],
    ['names cleared', ['', '', '', '', '', '']],
    ['some names cleared, others in other case', ['time', '', 'FIELD', '', ' To ', '']],
    ['a column of the team’s own after User', [...HEADERS, 'Comment']],
    ['nothing at all', []],
  ])('reads on when %s', (_what, row) => expect(historyHeaderProblem(row, HEADERS)).toBeNull());

  it.each([
    ['a column deleted', ['Time', 'Deal ID', 'Field', 'From', 'User'], 'column E reads "User"'],
    ['a column inserted', ['Time', '', 'Deal ID', 'Field', 'From', 'To', 'User'], 'column B has no name'],
    ['two columns swapped', ['Time', 'Deal ID', 'Field', 'To', 'From', 'User'], 'column D reads "To"'],
    [
      'the header row deleted',
      [new Date('2026-03-01T10:00:00Z'), 'D-7', 'Stage', 'Qualified', 'Won', 'ann@x.com'],
      'row 1 holds a change ("D-7", "Stage")',
    ],
  ])('stops when %s, naming where', (_what, row, where) => {
    const said = historyHeaderProblem(row, HEADERS);
    expect(said).toContain(where);
    expect(said).toContain('Row 1 of the History tab should read Time, Deal ID, Field, From, To, User');
  });
});
