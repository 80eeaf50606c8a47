// `npm start`: runs the built dist/Code.js on the emulator against a local workbook
// (.crm-local/workbook.json, created with demo data on the first run), saves it, and prints a summary.
//   npm start -- --import deals.csv      put a CSV in a new tab and convert it to the CRM
//   npm start -- --export-json out.json  also write the saved workbook to another path
//   npm start -- --workbook path.json    use another local workbook file
//   npm start -- --serve [--port 8080]   then serve the playground (the real sidebar on the emulator)
//   npm start -- --fire-triggers         fire each installed clock trigger once, as the schedule would
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Emulator } from './emulator';
import { runLocalSession, type StartOptions } from './playground/session';
import { startPlayground } from './playground/server';

function parseArgs(argv: string[]): StartOptions {
  const opts: StartOptions = { workbook: path.resolve('.crm-local/workbook.json') };
  for (let i = 0; i < argv.length; i++) {
    const next = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${argv[i - 1]} needs a file path`);
      return path.resolve(v);
    };
    if (argv[i] === '--import') opts.importCsv = next();
    else if (argv[i] === '--export-json') opts.exportJson = next();
    else if (argv[i] === '--workbook') opts.workbook = next();
    else if (argv[i] === '--serve') opts.serve = true;
    else if (argv[i] === '--fire-triggers') opts.fireTriggers = true;
    else if (argv[i] === '--port') opts.port = Number(argv[++i]);
    else
      throw new Error(
        `Unknown option ${argv[i]}. Use --import FILE.csv, --export-json PATH or --workbook PATH.`,
      );
  }
  return opts;
}

try {
  const opts = parseArgs(process.argv.slice(2));
  let emu: Emulator | null = null;
  const out = runLocalSession(
    opts,
    (file) => (fs.existsSync(file) ? Emulator.fromFile(file) : null),
    (e) => (emu = e),
  );
  process.stdout.write(out);
  if (opts.serve && emu) {
    const running: Emulator = emu;
    startPlayground(running, path.resolve(__dirname, '../dist'), opts.port ?? 8080, () =>
      running.saveTo(opts.workbook),
    ).then((p) =>
      process.stdout.write(
        `\nPlayground: ${p.url} (the deal sidebar on the left, the Deals tab on the right). Ctrl+C to stop.\n`,
      ),
    );
  }
} catch (e) {
  process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
