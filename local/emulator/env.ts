// State shared by every emulated service during a run: the call accountant, the simulated clock, and
// who is running the current execution.
import { Accountant } from './accounting';

export class EmulatorEnv {
  readonly acc = new Accountant();
  /** The simulated clock; `new Date()` inside the script reads it. */
  nowMs = Date.UTC(2026, 0, 15, 10, 0, 0);
  /** Email of the user the current execution runs as. */
  activeUser = 'owner@example.com';
  /** Identifies the current simulated execution, for locks. */
  executionId = 0;
  scriptTimeZone = 'Europe/London';
  /** Makes the Dates handed to the script (the script's own Date class once a script is loaded). */
  makeDate: (ms: number) => Date = (ms) => new Date(ms);
  private idCounter = 0;
  private executionCounter = 0;

  /** A fresh execution id. */
  nextExecution(): number {
    return ++this.executionCounter;
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  /** Deterministic ids, so that saved workbooks compare equal run to run. */
  nextId(): number {
    return ++this.idCounter;
  }

  /** The last id handed out. */
  get lastId(): number {
    return this.idCounter;
  }

  /** Lets loading a saved workbook continue its id sequence. */
  seedIds(atLeast: number): void {
    this.idCounter = Math.max(this.idCounter, atLeast);
  }
}
