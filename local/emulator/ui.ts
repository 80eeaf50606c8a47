// SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs. Tests script the answers a
// person would give; with no scripted answer, the first button (OK / Yes) is pressed.
import type { EmulatorEnv } from './env';

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
} as const;

export interface MenuItem {
  caption: string;
  functionName: string | null;
  submenu?: MenuSpec;
}
export interface MenuSpec {
  name: string;
  items: MenuItem[];
}
export interface DialogRecord {
  kind: 'alert' | 'prompt' | 'sidebar' | 'modal' | 'modeless';
  title: string;
  message: string;
  buttons: readonly string[];
  answer?: string;
  html?: string;
}
export interface UiAnswer {
  button?: string;
  text?: string;
}

class Menu {
  readonly spec: MenuSpec;
  constructor(
    private env: EmulatorEnv,
    private ui: Ui,
    name: string,
  ) {
    this.spec = { name, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    this.env.acc.count('Menu.addItem');
    this.spec.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.env.acc.count('Menu.addSeparator');
    this.spec.items.push({ caption: '---', functionName: null });
    return this;
  }
  addSubMenu(menu: Menu): this {
    this.env.acc.count('Menu.addSubMenu');
    this.spec.items.push({ caption: menu.spec.name, functionName: null, submenu: menu.spec });
    return this;
  }
  addToUi(): void {
    this.env.acc.count('Menu.addToUi');
    this.ui.menus = this.ui.menus.filter((m) => m.name !== this.spec.name);
    this.ui.menus.push(this.spec);
  }
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  menus: MenuSpec[] = [];
  dialogs: DialogRecord[] = [];
  /** Answers to give, in order, to the next alerts and prompts. */
  answers: UiAnswer[] = [];

  constructor(private env: EmulatorEnv) {}

  createMenu(name: string): Menu {
    this.env.acc.count('Ui.createMenu');
    return new Menu(this.env, this, name);
  }
  createAddonMenu(): Menu {
    this.env.acc.count('Ui.createAddonMenu');
    return new Menu(this.env, this, 'Add-on');
  }
  alert(a: string, b?: string | readonly string[], c?: readonly string[]): string {
    this.env.acc.count('Ui.alert');
    const [title, message, buttons] =
      typeof b === 'string'
        ? [a, b, c ?? ButtonSet.OK]
        : ['', a, (b as readonly string[] | undefined) ?? ButtonSet.OK];
    const answer = this.answers.shift()?.button ?? buttons[0];
    this.dialogs.push({ kind: 'alert', title, message, buttons, answer });
    return answer;
  }
  prompt(a: string, b?: string | readonly string[], c?: readonly string[]) {
    this.env.acc.count('Ui.prompt');
    const [title, message, buttons] =
      typeof b === 'string'
        ? [a, b, c ?? ButtonSet.OK]
        : ['', a, (b as readonly string[] | undefined) ?? ButtonSet.OK];
    const scripted = this.answers.shift();
    const button = scripted?.button ?? buttons[0];
    const text = scripted?.text ?? '';
    this.dialogs.push({ kind: 'prompt', title, message, buttons, answer: `${button}:${text}` });
    return { getSelectedButton: () => button, getResponseText: () => text };
  }
  showSidebar(html: HtmlLike): void {
    this.env.acc.count('Ui.showSidebar');
    this.dialogs.push({
      kind: 'sidebar',
      title: html.getTitle(),
      message: '',
      buttons: [],
      html: html.getContent(),
    });
  }
  showModalDialog(html: HtmlLike, title: string): void {
    this.env.acc.count('Ui.showModalDialog');
    this.dialogs.push({ kind: 'modal', title, message: '', buttons: [], html: html.getContent() });
  }
  showModelessDialog(html: HtmlLike, title: string): void {
    this.env.acc.count('Ui.showModelessDialog');
    this.dialogs.push({ kind: 'modeless', title, message: '', buttons: [], html: html.getContent() });
  }
}
