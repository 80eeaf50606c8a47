// Jest's order of test files: the long probes first (each takes a minute or two), then the rest by
// size, largest first. Two workers then finish together; started last, one long probe ran alone
// for its last minute (Jest orders a clean checkout by file size, and a probe's file is small).
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** The slowest files, slowest first (seconds on the CI machine in a full run, session 19, December 2026). */
const SLOW = [
  'entrypoints/writeSequencesMore', // ~65 s (1,000 random sequences)
  'entrypoints/writeGuard', // ~60 s
  'entrypoints/refreshAtScale', // ~60 s (the 100,000-deal refresh)
  'entrypoints/writeSequences', // ~60 s (the other 1,000)
  'entrypoints/refreshMenu', // ~60 s
  'e2e/sidebar.browser', // ~60 s, mostly waiting on the simulated latency
  'entrypoints/saveRaces', // ~58 s
  'entrypoints/refreshLateChecks', // ~55 s
  'entrypoints/incrementalRefresh', // ~54 s
  'entrypoints/refreshRaces', // ~44 s
  'entrypoints/refreshFaults', // ~40 s
  'entrypoints/boardWorkbook', // ~28 s
  'entrypoints/loggedThenDied', // ~24 s
  'entrypoints/editRaces', // ~20 s
  'entrypoints/quietRefresh', // ~15 s
  'emulator/findingCells', // ~11 s
  'entrypoints/reimportFaults', // ~10 s
  'entrypoints/saveFaults', // ~6 s
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
