// The built dist/Code.js is what clasp pushes: it must be a plain script whose only top-level names are
// the entrypoints (one per export of src/main.ts) and the bundle's global, and onOpen must build the menu.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';
import { DIST, loadedEmulator } from '../support/emulator';

const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');

/** The exports of src/main.ts, as a module loader sees them (however they are written). */
function exportsOfMain(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Object.keys(require('../../src/main') as object).sort();
}

describe('dist/Code.js', () => {
  it('parses as a classic script: no export statement anywhere', () => {
    expect(code).not.toMatch(/^\s*export\b/m);
    expect(code).not.toMatch(/\bexport\s*\{/);
    expect(() => new vm.Script(code)).not.toThrow();
  });

  it('declares one top-level function per export of src/main.ts, and nothing else but the bundle global', () => {
    const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
    const functions: string[] = [];
    const others: string[] = [];
    for (const st of file.statements) {
      if (ts.isFunctionDeclaration(st) && st.name) functions.push(st.name.text);
      else if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations) others.push(d.name.getText(file));
      else if (ts.isClassDeclaration(st)) others.push(st.name?.text ?? '(class)');
    }
    const entrypoints = exportsOfMain();
    expect(entrypoints.length).toBeGreaterThan(1);
    expect(functions.sort()).toEqual(entrypoints);
    expect(others).toEqual(['__SheetsCRM']);
  });

  it('adds no global at load time but the bundle', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const added = Object.keys(context).filter((k) => !exportsOfMain().includes(k));
    expect(added.sort()).toEqual(['__SheetsCRM']);
    for (const name of exportsOfMain()) expect(typeof context[name]).toBe('function');
  });

  it('keeps the parameter names of each entrypoint in its top-level function', () => {
    expect(code).toMatch(/^function onEdit\(e\) \{/m);
    expect(code).toMatch(/^function onOpen\(e\) \{/m);
  });

  it('builds the Sheets CRM menu when onOpen runs on the emulator', () => {
    const emu = loadedEmulator();
    emu.open();
    const menu = emu.ui.menus.find((m) => m.name === 'Sheets CRM');
    expect(menu?.items.filter((i) => i.functionName).map((i) => i.caption)).toEqual([
      'Set up CRM',
      'Convert this sheet to CRM',
      'Refresh reports',
      'Open deal sidebar',
      'Update board workbook',
      'Schedule refresh',
      'Stop schedule',
      'Use learned probabilities',
      'Check this spreadsheet',
      'Help',
    ]);
    for (const item of menu!.items.filter((i) => i.functionName))
      expect(typeof emu.script[item.functionName!]).toBe('function');
  });

  it('builds a self-contained sidebar that requests nothing from the network', () => {
    const html = fs.readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|https?:\/\//i);
    expect(html).toContain('id="deal-form"');
  });

  // Every execution loads Code.js: class members ending in "_" are shortened like local names
  // (scripts/build.ts), so none is left in the bundle. The budget catches a heavy import and creep; what
  // only one action runs lives in a project file read on demand (Convert's code, ConvertCode.html).
  it('stays within the size budgets (200 KB script, 120 KB sidebar), its private members shortened', () => {
    expect(fs.statSync(path.join(DIST, 'Code.js')).size).toBeLessThanOrEqual(200 * 1024);
    expect(fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8').match(/\.[A-Za-z0-9]+_\b/g)).toBeNull();
    expect(fs.statSync(path.join(DIST, 'Sidebar.html')).size).toBeLessThanOrEqual(120 * 1024);
  });

  it('keeps Convert’s code out of the script, in a project file that defines its action', () => {
    const convert = fs.readFileSync(path.join(DIST, 'ConvertCode.html'), 'utf8');
    expect(convert).toContain('looks like a stage history');
    expect(code).not.toContain('looks like a stage history');
    expect(() => new vm.Script(convert)).not.toThrow();
    // The header and stage words of nine languages and a dozen CRMs go with it.
    for (const phrase of [
      'erwartetes abschlussdatum',
      'forventet lukkedato',
      'date de cloture',
      'forlorad',
    ]) {
      expect(convert).toContain(phrase);
      expect(code).not.toContain(phrase);
    }
  });

  it('keeps the board workbook’s update out of the script, in a project file that defines it', () => {
    const board = fs.readFileSync(path.join(DIST, 'BoardCode.html'), 'utf8');
    for (const text of [
      'A figure resting on too few deals to show without revealing one.',
      'Forecast record (last 6 months)',
    ]) {
      expect(board).toContain(text);
      expect(code).not.toContain(text);
    }
    const scope = vm.createContext({});
    vm.runInContext(board, scope);
    expect(
      typeof (vm.runInContext('__SheetsCRMBoard', scope) as { refreshBoard: unknown }).refreshBoard,
    ).toBe('function');
  });

  it('keeps Check this spreadsheet out of the script, in a project file that defines its action', () => {
    const check = fs.readFileSync(path.join(DIST, 'CheckCode.html'), 'utf8');
    const text = 'The document lock can be taken and released.';
    expect(check).toContain(text);
    expect(code).not.toContain(text);
    const scope = vm.createContext({});
    vm.runInContext(check, scope);
    expect(
      typeof (vm.runInContext('__SheetsCRMCheck', scope) as { menuCheckSpreadsheet: unknown })
        .menuCheckSpreadsheet,
    ).toBe('function');
  });

  it('keeps Export for another CRM out of the script, in a project file that defines its actions', () => {
    const exporter = fs.readFileSync(path.join(DIST, 'ExportCode.html'), 'utf8');
    for (const text of ['Sheets_CRM_Account_Key__c', 'before exporting for', 'Deal - Sheets CRM Deal ID']) {
      expect(exporter).toContain(text);
      expect(code).not.toContain(text);
    }
    expect(() => new vm.Script(exporter)).not.toThrow();
  });
});
