// State shared by every emulated service during a run: the call accountant, the simulated clock, and
// who is running the current execution.
import { Accountant } from './accounting';
import { WriteBuffer } from './writeBuffer';

export class EmulatorEnv {
  readonly acc = new Accountant();
  /** Writes an execution has made that nobody else sees yet (see writeBuffer.ts). */
  readonly buffer = new WriteBuffer();
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

  constructor() {
    // What a hook does happens outside the paused execution: a person's action, or another execution.
    this.acc.hookRunner = (execution, fn) =>
      this.buffer.aside(execution, () => {
        const saved = this.executionId;
        this.executionId = this.acc.execution = 0;
        try {
          fn();
        } finally {
          this.executionId = this.acc.execution = saved;
        }
      });
    this.acc.onFlush = (execution) => this.buffer.flush(execution);
    this.acc.onHooksChanged = (armed) => (this.buffer.recording = armed);
  }

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
