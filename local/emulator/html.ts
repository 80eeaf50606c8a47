// HtmlService: outputs, files from the project (dist/), and templates with Apps Script's scriptlets:
// `<?= ?>` prints escaped for its context, `<?!= ?>` prints raw, `<? ?>` runs code.
import type { EmulatorEnv } from './env';

export class HtmlOutput {
  private title = '';
  private width = 300;
  private height = 400;
  constructor(
    private env: EmulatorEnv,
    private content: string,
  ) {}
  private c(m: string) {
    this.env.acc.count(`HtmlOutput.${m}`);
  }
  getContent(): string {
    this.c('getContent');
    return this.content;
  }
  setContent(html: string): this {
    this.c('setContent');
    this.content = html;
    return this;
  }
  append(html: string): this {
    this.c('append');
    this.content += html;
    return this;
  }
  setTitle(t: string): this {
    this.c('setTitle');
    this.title = t;
    return this;
  }
  getTitle(): string {
    this.c('getTitle');
    return this.title;
  }
  setWidth(w: number): this {
    this.c('setWidth');
    this.width = w;
    return this;
  }
  getWidth(): number {
    this.c('getWidth');
    return this.width;
  }
  setHeight(h: number): this {
    this.c('setHeight');
    this.height = h;
    return this;
  }
  getHeight(): number {
    this.c('getHeight');
    return this.height;
  }
  setSandboxMode(_mode: unknown): this {
    this.c('setSandboxMode');
    return this;
  }
  setXFrameOptionsMode(_mode: unknown): this {
    this.c('setXFrameOptionsMode');
    return this;
  }
  addMetaTag(_name: string, _content: string): this {
    this.c('addMetaTag');
    return this;
  }
}

/** Escapes text for an HTML context, as `<?= ?>` does outside scripts. */
export function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Escapes a value for a JavaScript context (inside <script>), as `<?= ?>` does there. */
export function escapeJs(v: unknown): string {
  return JSON.stringify(v ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export class HtmlTemplate {
  [key: string]: unknown;
  constructor(
    private readonly envRef: EmulatorEnv,
    private readonly source: string,
  ) {}
  getCode(): string {
    this.envRef.acc.count('HtmlTemplate.getCode');
    return compileTemplate(this.source);
  }
  evaluate(): HtmlOutput {
    this.envRef.acc.count('HtmlTemplate.evaluate');
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (k !== 'envRef' && k !== 'source') vars[k] = this[k];
    const body = compileTemplate(this.source);
    const run = new Function('__vars', '__escHtml', '__escJs', `with (__vars) { ${body} }`);
    return new HtmlOutput(this.envRef, run(vars, escapeHtml, escapeJs) as string);
  }
}

/** Turns a template into JavaScript that builds the page, escaping by context. */
function compileTemplate(src: string): string {
  const parts: string[] = ['let __out = "";'];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const text = src.slice(last, m.index);
    parts.push(`__out += ${JSON.stringify(text)};`);
    const before = src.slice(0, m.index);
    const inScript = before.lastIndexOf('<script') > before.lastIndexOf('</script');
    if (m[1] === '=') parts.push(`__out += ${inScript ? '__escJs' : '__escHtml'}(${m[2]});`);
    else if (m[1] === '!=') parts.push(`__out += String(${m[2]});`);
    else parts.push(m[2]);
    last = re.lastIndex;
  }
  parts.push(`__out += ${JSON.stringify(src.slice(last))}; return __out;`);
  return parts.join('\n');
}

export class HtmlServiceEmulator {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  /** Project files by name without extension, e.g. "Sidebar" for dist/Sidebar.html. */
  files: Record<string, string> = {};
  constructor(private env: EmulatorEnv) {}
  private file(name: string): string {
    const html = this.files[name.replace(/\.html$/, '')];
    if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return html;
  }
  createHtmlOutput(html = ''): HtmlOutput {
    this.env.acc.count('HtmlService.createHtmlOutput');
    return new HtmlOutput(this.env, html);
  }
  createHtmlOutputFromFile(name: string): HtmlOutput {
    this.env.acc.count('HtmlService.createHtmlOutputFromFile');
    return new HtmlOutput(this.env, this.file(name));
  }
  createTemplate(html: string): HtmlTemplate {
    this.env.acc.count('HtmlService.createTemplate');
    return new HtmlTemplate(this.env, html);
  }
  createTemplateFromFile(name: string): HtmlTemplate {
    this.env.acc.count('HtmlService.createTemplateFromFile');
    return new HtmlTemplate(this.env, this.file(name));
  }
}
