// Splits an operation's local CPU between the product and the rest, with V8's sampling profiler: the
// self time of samples in the bundle (dist/Code.js, and the on-demand ConvertCode.html, ExportCode.html, BoardCode.html and CheckCode.html,
// named by their sourceURL) is the script's own work, as Apps Script would run
// it; the garbage collector's share is reported apart; everything else is the emulator serving the
// script's calls (in Apps Script that work happens on Google's side) and the bench itself.
import { Session } from 'node:inspector';

export interface CpuSplit {
  /** Sampled self time in the bundle's own functions. */
  scriptMs: number;
  /** Sampled time in the garbage collector (product and emulator allocations alike). */
  gcMs: number;
  /** Everything else sampled: the emulator, Node and the bench. */
  otherMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const session = new Session();
session.connect();

/** Sends a Profiler command; in-process sessions answer synchronously. */
function post<T>(method: string, params: object = {}): T {
  let answer: { error: Error | null; result?: T } | undefined;
  session.post(method, params, (error, result) => (answer = { error, result: result as T }));
  if (!answer) throw new Error(`${method}: the inspector did not answer synchronously`);
  if (answer.error) throw answer.error;
  return answer.result as T;
}

/** Runs `fn` under the sampling profiler and splits the sampled time. */
export function profiled<T>(fn: () => T): { result: T; split: CpuSplit } {
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 500 });
  post('Profiler.start');
  let result: T;
  let profile: Profile;
  try {
    result = fn();
  } finally {
    profile = post<{ profile: Profile }>('Profiler.stop').profile;
    post('Profiler.disable');
  }
  const kind = new Map<number, keyof CpuSplit>();
  for (const n of profile.nodes)
    kind.set(
      n.id,
      /(^|\/)(Code\.js|\w+Code\.html)$/.test(n.callFrame.url)
        ? 'scriptMs'
        : n.callFrame.functionName === '(garbage collector)'
          ? 'gcMs'
          : 'otherMs',
    );
  const split: CpuSplit = { scriptMs: 0, gcMs: 0, otherMs: 0 };
  profile.samples.forEach(
    (id, i) => (split[kind.get(id) ?? 'otherMs'] += (profile.timeDeltas[i] ?? 0) / 1000),
  );
  for (const k of Object.keys(split) as (keyof CpuSplit)[]) split[k] = Math.round(split[k]);
  return { result: result!, split };
}
