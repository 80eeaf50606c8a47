// Lints probe files that do not exist on disk, as if they sat at the given paths, with the project's
// ESLint config; reads [{file, code}] as JSON on stdin and prints the rule ids per probe. Run in its
// own Node process because Jest cannot load an ESM config file.
import { ESLint } from 'eslint';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';

const root = process.cwd();
const eslint = new ESLint({ cwd: root });
const probes = JSON.parse(readFileSync(0, 'utf8'));
const out = [];
for (const { file, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  out.push(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
