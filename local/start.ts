// `npm start`: runs the built dist/Code.js on the emulator against a local workbook
// (.crm-local/workbook.json, created with demo data on the first run), saves it, and prints a summary.
// `npm start -- --help` lists the options.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Emulator } from './emulator';
import { EXPORT_TARGETS, runLocalSession, type StartOptions } from './playground/session';
import { startPlayground } from './playground/server';

const HELP = `npm start -- [options]

Runs Sheets CRM locally on the emulator against a saved workbook, refreshes the reports as a person
would from the menu, saves, and prints a summary.

  --workbook PATH       the local workbook file (default .crm-local/workbook.json). A new workbook
                        gets 120 demo deals, unless --import is given: then it starts as an empty CRM.
  --import FILE.csv     put the CSV in a new tab and convert it, accepting what Convert proposes.
                        Repeat it to import several files in order: deals first, then their stage
                        history. Importing the same deals again updates them; nothing is doubled.
  --today YYYY-MM-DD    run as if today were that day (to explore an old export)
  --export-json PATH    also write the saved workbook to PATH
  --export-board PATH   also write the board workbook (aggregates only) to PATH, in the same format
  --export-for CRM DIR  export for another CRM (hubspot, pipedrive, salesforce or attio): the CSV
                        files the menu's Export for another CRM makes, written into DIR. When the
                        pre-flight finds problems nothing is written unless --accept-problems is given.
  --fire-triggers       fire each installed clock trigger once, as the schedule would
  --serve [--port N]    then serve the playground (the real sidebar beside an editable Deals grid)
  --help                this text
`;

function parseArgs(argv: string[]): StartOptions | null {
  const opts: StartOptions = { workbook: path.resolve('.crm-local/workbook.json'), importCsv: [] };
  let accept = false;
  for (let i = 0; i < argv.length; i++) {
    const next = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    if (argv[i] === '--help' || argv[i] === '-h') return null;
    else if (argv[i] === '--import') opts.importCsv!.push(path.resolve(next()));
    else if (argv[i] === '--export-json') opts.exportJson = path.resolve(next());
    else if (argv[i] === '--export-board') opts.exportBoard = path.resolve(next());
    else if (argv[i] === '--workbook') opts.workbook = path.resolve(next());
    else if (argv[i] === '--today') opts.today = next();
    else if (argv[i] === '--serve') opts.serve = true;
    else if (argv[i] === '--fire-triggers') opts.fireTriggers = true;
    else if (argv[i] === '--export-for') {
      const target = next().toLowerCase();
      opts.exportFor = { target, dir: path.resolve(next()), acceptProblems: false };
    } else if (argv[i] === '--accept-problems') accept = true;
    else if (argv[i] === '--port') opts.port = Number(next());
    else throw new Error(`Unknown option ${argv[i]}. npm start -- --help lists the options.`);
  }
  for (const f of opts.importCsv!) if (!fs.existsSync(f)) throw new Error(`--import: there is no file ${f}`);
  if (opts.exportFor) {
    if (!EXPORT_TARGETS[opts.exportFor.target])
      throw new Error(`--export-for: choose one of ${Object.keys(EXPORT_TARGETS).join(', ')}`);
    opts.exportFor.acceptProblems = accept;
  }
  return opts;
}

try {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts) {
    process.stdout.write(HELP);
    process.exit(0);
  }
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
