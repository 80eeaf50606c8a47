// Issue 25's property, its second thousand sequences (the first is writeSequences.test.ts, so
// that Jest's two workers share the 2,000): what each sequence does and what is checked is described
// in test/support/writeSequences.ts. WRITE_SEQUENCES=N runs another number while working on it.
import { checkWriteSequences, sequenceStart } from '../support/writeSequences';

describe('random sequences of a team’s writes with failures (property, the second thousand)', () => {
  const saved = sequenceStart();

  it('keeps every deal as before or after each step, logs each change once, and the next runs succeed', () => {
    checkWriteSequences(saved, 26, Number(process.env.WRITE_SEQUENCES ?? 1000));
  });
});
