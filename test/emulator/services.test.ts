// Conformance: ScriptApp, LockService, PropertiesService, CacheService, Session, Utilities, HtmlService
// and Ui, with the limits and messages of apps-script-facts.md.
import { Emulator, LOCK_TIMEOUT_MESSAGE } from '../../local/emulator';
import { escapeHtml } from '../../local/emulator/html';

const emulator = () => new Emulator({ timeZone: 'Europe/Berlin', scriptTimeZone: 'America/Los_Angeles' });

describe('ScriptApp triggers', () => {
  it('creates, lists and deletes a time-driven trigger, reading its handler back', () => {
    const emu = emulator();
    const t = emu.scriptApp.newTrigger('refresh').timeBased().everyHours(1).create();
    expect(emu.scriptApp.getProjectTriggers().map((x) => [x.getHandlerFunction(), x.getEventType()])).toEqual(
      [['refresh', 'CLOCK']],
    );
    emu.scriptApp.deleteTrigger(t);
    expect(emu.scriptApp.getProjectTriggers()).toHaveLength(0);
  });

  it('only accepts the documented everyMinutes and everyHours values', () => {
    const emu = emulator();
    expect(() => emu.scriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow(/1, 5, 10, 15 or 30/);
    expect(() => emu.scriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow(/1, 2, 4, 6, 8 or 12/);
    expect(emu.scriptApp.newTrigger('f').timeBased().everyDays(1).atHour(7).create().spec.schedule).toBe(
      'every 1 days at 7:00 (America/Los_Angeles)',
    );
  });

  it('reads atHour in the script’s time zone unless inTimezone says another (ClockTriggerBuilder reference)', () => {
    const emu = emulator();
    const t = emu.scriptApp
      .newTrigger('f')
      .timeBased()
      .everyDays(1)
      .atHour(7)
      .inTimezone('America/Los_Angeles')
      .create();
    expect(t.spec.schedule).toBe('every 1 days at 7:00 (America/Los_Angeles)');
  });

  it('allows 20 triggers per user per script', () => {
    const emu = emulator();
    for (let i = 0; i < 20; i++) emu.scriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => emu.scriptApp.newTrigger('f21').timeBased().everyHours(1).create()).toThrow(
      /too many triggers/,
    );
  });

  it('lists only the current user’s triggers, and runs each as the user who created it', () => {
    const emu = emulator();
    emu.env.activeUser = 'a@example.com';
    emu.scriptApp.newTrigger('f').timeBased().everyHours(1).create();
    emu.env.activeUser = 'b@example.com';
    expect(emu.scriptApp.getProjectTriggers()).toHaveLength(0);
    expect(emu.scriptApp.triggers[0].spec.owner).toBe('a@example.com');
  });
});

describe('LockService', () => {
  it('gives no document lock outside a bound document', () => {
    const emu = emulator();
    emu.locks.bound = false;
    expect(emu.locks.getDocumentLock()).toBeNull();
  });

  it('holds a lock only after tryLock or waitLock', () => {
    const emu = emulator();
    const lock = emu.locks.getDocumentLock()!;
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(100)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  it('excludes another execution, and waitLock throws the documented timeout message', () => {
    const emu = emulator();
    emu.env.executionId = 1;
    emu.locks.getScriptLock().waitLock(1000);
    emu.env.executionId = 2;
    const before = emu.env.nowMs;
    expect(emu.locks.getScriptLock().tryLock(500)).toBe(false);
    expect(() => emu.locks.getScriptLock().waitLock(1000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(emu.env.nowMs - before).toBe(1500);
    emu.locks.releaseAll(1);
    expect(emu.locks.getScriptLock().tryLock(0)).toBe(true);
  });

  it('counts how long locks are held, in estimated Apps Script time, until released or the execution ends', () => {
    const emu = emulator();
    const sheet = emu.ss.sheets[0];
    const work = (calls: number) => {
      for (let i = 0; i < calls; i++) sheet.getRange('A1').getValue();
    };
    const lock = emu.locks.getDocumentLock()!;
    work(3); // before the lock: not counted
    lock.waitLock(1000);
    const t0 = emu.acc.estimatedMillis();
    work(10);
    lock.tryLock(0); // taken again by its holder: still held since the first time
    work(10);
    lock.releaseLock();
    const held = emu.acc.estimatedMillis() - t0;
    expect(held).toBeGreaterThan(0);
    expect(emu.acc.lockHeldMillis()).toBe(held);
    work(5); // after it: not counted
    expect(emu.acc.lockHeldMillis()).toBe(held);
    emu.env.executionId = 7;
    emu.locks.getScriptLock().waitLock(0);
    const t1 = emu.acc.estimatedMillis(); // from the call that took it
    work(4);
    emu.locks.releaseAll(7);
    expect(emu.acc.lockHeldMillis('script')).toBeCloseTo(emu.acc.estimatedMillis() - t1, 9);
    expect(emu.acc.lockHeldMillis()).toBe(held);
    // Each hold on its own, in order: taken again by its holder is the same hold.
    lock.waitLock(0);
    const t2 = emu.acc.estimatedMillis();
    work(2);
    lock.releaseLock();
    expect(emu.acc.lockHolds()).toEqual([held, emu.acc.estimatedMillis() - t2]);
    expect(emu.acc.lockHolds('script')).toEqual([emu.acc.lockHeldMillis('script')]);
  });
});

describe('PropertiesService and CacheService', () => {
  it('refuses a property value over 9 KB', () => {
    const emu = emulator();
    expect(() => emu.properties.getScriptProperties().setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
  });

  it('refuses to grow a store past 500 KB', () => {
    const props = emulator().properties.getDocumentProperties()!;
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('more', 'x'.repeat(9000))).toThrow(/property storage quota/);
  });

  it('keeps user properties per user', () => {
    const emu = emulator();
    emu.env.activeUser = 'a@example.com';
    emu.properties.getUserProperties().setProperty('k', 'a');
    emu.env.activeUser = 'b@example.com';
    expect(emu.properties.getUserProperties().getProperty('k')).toBeNull();
  });

  it('refuses a cache value over 100 KB and expires entries after at most 6 hours', () => {
    const emu = emulator();
    const cache = emu.cache.getScriptCache();
    expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.put('k', 'v', 999999);
    emu.env.nowMs += 6 * 3600 * 1000 - 1;
    expect(cache.get('k')).toBe('v');
    emu.env.nowMs += 1;
    expect(cache.get('k')).toBeNull();
  });
});

describe('Session and Utilities', () => {
  it('reports the active user and the script time zone', () => {
    const emu = emulator();
    const g = emu.globals() as any;
    expect(g.Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(g.Session.getScriptTimeZone()).toBe('America/Los_Angeles');
  });

  it('refuses the user calls when the manifest lists scopes without userinfo.email (Class Session reference)', () => {
    const emu = emulator();
    emu.manifest.oauthScopes = ['https://www.googleapis.com/auth/spreadsheets.currentonly'];
    const g = emu.globals() as any;
    expect(() => g.Session.getActiveUser()).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(() => g.Session.getEffectiveUser()).toThrow(/Session.getEffectiveUser.*userinfo\.email/);
    emu.manifest.oauthScopes.push('https://www.googleapis.com/auth/userinfo.email');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    // The time zone needs no scope.
    expect(g.Session.getScriptTimeZone()).toBe('America/Los_Angeles');
  });

  it('in AuthMode.NONE (an Editor add-on not yet used in the document) allows its menu and nothing else', () => {
    const emu = emulator();
    const g = emu.globals() as any;
    emu.authMode = 'NONE';
    expect(() =>
      g.SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'menuSetUp').addToUi(),
    ).not.toThrow();
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      /^Authorization is required to perform that action\./,
    );
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(/Authorization is required/);
    expect(() => g.LockService.getDocumentLock()).toThrow(/Authorization is required/);
    expect(() => g.Session.getActiveUser()).toThrow(/Authorization is required/);
    emu.authMode = 'LIMITED';
    expect(() => g.PropertiesService.getDocumentProperties()).not.toThrow();
  });

  it('formats dates with a time zone and SimpleDateFormat patterns', () => {
    const g = emulator().globals() as any;
    const d = new Date('2026-01-01T05:30:00Z');
    expect(g.Utilities.formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-01-01 00:30');
    expect(g.Utilities.formatDate(d, 'Asia/Kolkata', "EEE, d MMM yyyy 'at' h:mm a XXX")).toBe(
      'Thu, 1 Jan 2026 at 11:00 AM +05:30',
    );
  });

  it('makes distinct UUIDs', () => {
    const g = emulator().globals() as any;
    expect(g.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(g.Utilities.getUuid()).not.toBe(g.Utilities.getUuid());
  });
});

describe('HtmlService', () => {
  it('escapes <?= ?> for HTML, prints <?!= ?> raw, and runs <? ?> code', () => {
    const emu = emulator();
    const t = emu.html.createTemplate(
      '<p><?= name ?></p><? for (const x of items) { ?><i><?!= x ?></i><? } ?>',
    );
    t.name = '<b>"Tom" & Jerry\'s</b>';
    t.items = ['<u>1</u>', '2'];
    expect(t.evaluate().getContent()).toBe(
      `<p>${escapeHtml('<b>"Tom" & Jerry\'s</b>')}</p><i><u>1</u></i><i>2</i>`,
    );
    expect(escapeHtml('<"&\'>')).toBe('&#60;&#34;&#38;&#39;&#62;');
  });

  it('escapes <?= ?> inside a script as a JavaScript value', () => {
    const emu = emulator();
    const t = emu.html.createTemplate('<script>var v = <?= value ?>;</script>');
    t.value = '</script><script>alert(1)</script>';
    const html = t.evaluate().getContent();
    expect(html).not.toContain('</script><script>');
    expect(html).toContain('\\u003c/script\\u003e');
  });

  it('serves project files such as the built sidebar', () => {
    const emu = emulator();
    emu.html.files.Sidebar = '<p>hi</p>';
    expect(emu.html.createHtmlOutputFromFile('Sidebar').setTitle('CRM').getContent()).toBe('<p>hi</p>');
    expect(() => emu.html.createHtmlOutputFromFile('Missing')).toThrow(/No HTML file named Missing/);
  });
});

describe('Ui', () => {
  it('records menus, alerts with scripted answers, toasts and sidebars', () => {
    const emu = emulator();
    const ui = emu.spreadsheetApp.getUi();
    ui.createMenu('M').addItem('Go', 'go').addSeparator().addToUi();
    emu.ui.answers.push({ button: 'NO' });
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alert('Plain')).toBe('OK');
    expect(ui.prompt('Name?').getResponseText()).toBe('');
    emu.ss.toast('Working', 'CRM');
    ui.showSidebar(emu.html.createHtmlOutput('<p>x</p>').setTitle('Side'));
    expect(emu.ui.menus[0].items.map((i) => i.caption)).toEqual(['Go', '---']);
    expect(emu.ui.dialogs.map((d) => d.kind)).toEqual(['alert', 'alert', 'prompt', 'sidebar']);
    expect(emu.ss.toasts[0].message).toBe('Working');
  });
});
