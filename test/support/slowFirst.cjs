// Jest's order of test files: the long probes first (each takes a minute or two), then the rest by
// size, largest first. Two workers then finish together; started last, one long probe ran alone
// for its last minute (Jest orders a clean checkout by file size, and a probe's file is small).
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The slowest files, slowest first: seconds each took in a whole `npm test` run (then on three workers
 * on the two-core CI machine, December 2026; alone they take about half; now two workers). Files missing here start after
 * these, largest first; session 20's list lacked sweepParts (~25 s), which then started with a minute
 * to go.
 */
const SLOW = [
  'entrypoints/refreshAtScale', // ~81 s (the 100,000-deal refresh)
  'e2e/sidebar.browser', // ~63 s, mostly waiting on the simulated latency
  'entrypoints/writeSequencesMore', // ~53 s (1,000 random sequences)
  'entrypoints/writeSequences', // ~52 s (the other 1,000)
  'entrypoints/incrementalRefresh', // ~49 s
  'entrypoints/writeGuard', // ~38 s
  'entrypoints/boardWorkbook', // ~34 s
  'entrypoints/refreshMenu', // ~34 s
  'entrypoints/editRaces', // ~29 s
  'entrypoints/saveRaces', // ~26 s
  'entrypoints/reimportFaults', // ~26 s
  'entrypoints/sweepParts', // ~25 s
  'entrypoints/convertArchive', // ~16 s
  'entrypoints/convertRoom', // ~15 s
  'domain/board/boardPrivacy', // ~15 s
  'entrypoints/quietRefresh', // ~15 s
  'emulator/findingCells', // ~15 s
  'entrypoints/refreshFaults', // ~13 s
  'entrypoints/historyArchive', // ~11 s
  'domain/import/messyConversion', // ~11 s
  'architecture/layers', // ~10 s
  'e2e/board.browser', // ~10 s
];

const rank = (file) => {
  const name = file.split(path.sep).join('/');
  const i = SLOW.findIndex((s) => name.includes(`/test/${s}.`));
  return i < 0 ? SLOW.length : i;
};

/** Jest's own sequencer (its sharding, --onlyFailures and timing cache), ordering the files as above. */
class SlowFirst extends Sequencer {
  sort(tests) {
    const size = new Map(tests.map((t) => [t.path, fs.statSync(t.path).size]));
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || size.get(b.path) - size.get(a.path));
  }
}

module.exports = SlowFirst;
