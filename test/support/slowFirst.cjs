// Jest's order of test files: the long probes first (each takes a minute or two), then the rest by
// size, largest first. Two workers then finish together; started last, one long probe ran alone
// for its last minute (Jest orders a clean checkout by file size, and a probe's file is small).
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** The slowest files, slowest first (seconds alone on the CI machine, session 20, December 2026). */
const SLOW = [
  'entrypoints/refreshAtScale', // ~46 s (the 100,000-deal refresh)
  'entrypoints/writeSequencesMore', // ~35 s (1,000 random sequences)
  'entrypoints/writeSequences', // ~35 s (the other 1,000)
  'e2e/sidebar.browser', // ~60 s, mostly waiting on the simulated latency
  'entrypoints/refreshMenu', // ~25 s
  'entrypoints/incrementalRefresh', // ~20 s
  'entrypoints/refreshFaults', // ~18 s
  'entrypoints/writeGuard', // ~18 s (races before service calls only)
  'entrypoints/boardWorkbook', // ~15 s
  'entrypoints/refreshLateChecks', // ~14 s
  'entrypoints/saveRaces', // ~12 s
  'entrypoints/refreshRaces', // ~11 s
  'entrypoints/editRaces', // ~10 s
  'entrypoints/quietRefresh', // ~8 s
  'emulator/findingCells', // ~6 s
  'entrypoints/reimportFaults', // ~6 s
  'entrypoints/loggedThenDied', // ~5 s
  'entrypoints/saveFaults', // ~3 s
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
