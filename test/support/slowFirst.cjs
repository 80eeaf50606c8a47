// Jest's order of test files: the long probes first (each takes a minute or two), then the rest by
// size, largest first. Two workers then finish together; started last, one long probe ran alone
// for its last minute (Jest orders a clean checkout by file size, and a probe's file is small).
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** The slowest files, slowest first (seconds on the CI machine in a full run, December 2026). */
const SLOW = [
  'entrypoints/refreshMenu', // ~120 s (its 100,000-deal refresh alone ~85 s)
  'entrypoints/refreshLateChecks', // ~75 s
  'entrypoints/refreshRaces', // ~70 s
  'entrypoints/saveRaces', // ~60 s
  'entrypoints/writeSequences', // ~30 s alone (1,000 random sequences)
  'entrypoints/writeSequencesMore', // ~30 s alone (the other 1,000)
  'entrypoints/incrementalRefresh', // ~50 s
  'e2e/sidebar.browser', // ~50 s
  'entrypoints/refreshFaults', // ~35 s
  'entrypoints/editRaces', // ~20 s
  'emulator/findingCells', // ~15 s
  'entrypoints/reimportFaults', // ~10 s
  'entrypoints/saveFaults', // ~10 s
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
