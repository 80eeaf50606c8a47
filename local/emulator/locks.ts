// LockService: document, script and user locks with mutual exclusion between simulated executions.
// Executions are run one at a time in Node, so a lock held by another execution can never be released
// while we wait: waitLock advances the clock by its timeout and throws the documented message.
import type { EmulatorEnv } from './env';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface LockState {
  key: string;
  holder: number | null;
  /** The estimated Apps Script time (accounting.ts) when the holder took it. */
  since: number;
}

export class Lock {
  constructor(
    private env: EmulatorEnv,
    private state: LockState,
  ) {}
  private freeForMe(): boolean {
    return this.state.holder === null || this.state.holder === this.env.executionId;
  }
  private take(): void {
    if (this.state.holder !== this.env.executionId) this.state.since = this.env.acc.estimatedMillis();
    this.state.holder = this.env.executionId;
  }
  tryLock(timeoutMs: number): boolean {
    this.env.acc.count('Lock.tryLock');
    if (this.freeForMe()) {
      this.take();
      return true;
    }
    this.env.nowMs += Math.max(0, timeoutMs);
    this.env.acc.wait(timeoutMs);
    return false;
  }
  waitLock(timeoutMs: number): void {
    this.env.acc.count('Lock.waitLock');
    if (this.freeForMe()) {
      this.take();
      return;
    }
    this.env.nowMs += Math.max(0, timeoutMs);
    this.env.acc.wait(timeoutMs);
    throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    this.env.acc.count('Lock.hasLock');
    return this.state.holder === this.env.executionId;
  }
  releaseLock(): void {
    this.env.acc.count('Lock.releaseLock');
    if (this.state.holder === this.env.executionId) release(this.env, this.state);
  }
}

/** Frees a lock, counting how long (in estimated Apps Script time) it was held. */
function release(env: EmulatorEnv, state: LockState): void {
  env.acc.lockHeld(state.key, env.acc.estimatedMillis() - state.since);
  state.holder = null;
}

export class LockServiceEmulator {
  private states = new Map<string, LockState>();
  /** Whether the script is bound to a document; getDocumentLock is null when it is not. */
  bound = true;
  constructor(private env: EmulatorEnv) {}
  private lock(key: string): Lock {
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { key, holder: null, since: 0 }));
    return new Lock(this.env, s);
  }
  getDocumentLock(): Lock | null {
    this.env.acc.count('LockService.getDocumentLock');
    return this.bound ? this.lock('document') : null;
  }
  getScriptLock(): Lock {
    this.env.acc.count('LockService.getScriptLock');
    return this.lock('script');
  }
  getUserLock(): Lock {
    this.env.acc.count('LockService.getUserLock');
    return this.lock(`user:${this.env.activeUser}`);
  }
  /** Apps Script releases every lock an execution holds when it ends. */
  releaseAll(executionId: number): void {
    for (const s of this.states.values()) if (s.holder === executionId) release(this.env, s);
  }
  /** True while some execution holds the named lock ("document", "script", "user:EMAIL"). */
  isHeld(key: string): boolean {
    return (this.states.get(key)?.holder ?? null) !== null;
  }
}
