// `npm test`: the build, then Jest, with the type checks and lint run beside it (their output is kept
// and printed after Jest's, so each log stays whole). A failed build stops the run; otherwise it ends
// with the first failed check's exit code, or Jest's. Arguments are passed on to Jest.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

/** Runs an npm script, keeping its output until it ends; resolves to its exit code and output. */
function quietly(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(out).toString() }));
  });
}

/** Runs a command with its output shown as it comes; resolves to its exit code. */
function loudly(command, args, env = process.env) {
  return new Promise((resolve) => {
    spawn(command, args, { stdio: 'inherit', env }).on('close', (code) => resolve(code ?? 1));
  });
}

// The build first (Jest's tests load dist/), then Jest beside the type checks and lint: they need
// ~30 s of CPU, which Jest's workers leave over while they start and as the last files finish.
const built = await loudly('npm', ['run', '-s', 'build']);
if (built !== 0) process.exit(built);
// Jest's workers inherit these V8 flags. --max-opt=2 stops at Maglev: with TurboFan, code optimized in
// one emulator's script context kept that context alive (each race probe loads hundreds, and a worker
// grew to 6 GB and spent a third of its time collecting garbage); the flag cut Jest's CPU by ~17%.
// A fixed 64 MB young generation: the probes make millions of short-lived cells and rows.
const jest = loudly(process.execPath, [
  '--max-old-space-size=8192',
  '--min-semi-space-size=64',
  '--max-semi-space-size=64',
  '--max-opt=2',
  'node_modules/jest/bin/jest.js',
  ...process.argv.slice(2),
]);
const checks = await Promise.all([quietly('typecheck'), quietly('lint')]);
const tested = await jest;
for (const { script, code, output } of checks) {
  process.stdout.write(output);
  if (code !== 0) console.error(`npm run ${script} failed (exit ${code}).`);
}
process.exit(checks.find((c) => c.code !== 0)?.code ?? tested);
