// The sidebar's one way to reach the server: a typed promise wrapper around google.script.run.
import type { SidebarServerApi as ServerApi } from '../src/shared/sidebarApi';

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
