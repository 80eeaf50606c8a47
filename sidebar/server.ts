// The sidebar's one way to reach the server: a typed promise wrapper around google.script.run.
import type { DealInput, DealRecord, SaveResult, SidebarModel } from '../src/shared/dealDto';

/** The server functions the sidebar calls, with their types. */
export interface ServerApi {
  getSidebarModel(): SidebarModel;
  getDeal(id: string): DealRecord | null;
  saveDeal(deal: DealInput, expectedVersion: string): SaveResult;
}

/** Calls a server function; resolves with its result or rejects with its error message. */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) =>
        reject(new Error(error && error.message ? error.message : String(error))),
      );
    runner[name](...args);
  });
}
