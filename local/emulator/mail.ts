// MailApp, as the script sees it: sendEmail needs the script.send_mail scope (a script whose manifest
// lists scopes without it is refused, as Apps Script refuses it), each recipient takes one from a daily
// quota (100 for a consumer account, 1,500 for Workspace), and a refused send sends nothing. Sent
// messages are kept for tests; nothing leaves the machine.
import type { EmulatorEnv } from './env';

export const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';

export interface SentMail {
  from: string;
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  /** When it was sent (the emulator's clock, ms). */
  at: number;
}

export class MailAppEmulator {
  readonly sent: SentMail[] = [];
  /** Recipients left today (a consumer account's quota unless a test sets another). */
  quota = 100;
  /** Sends to these addresses fail, as Gmail refuses an invalid one. */
  readonly refused = new Set<string>();

  constructor(
    private env: EmulatorEnv,
    private scopes: () => readonly string[] = () => [],
  ) {}

  sendEmail(message: { to: string; subject: string; body?: string; htmlBody?: string; name?: string }): void {
    this.env.acc.count('MailApp.sendEmail');
    const scopes = this.scopes();
    if (scopes.length && !scopes.includes(SEND_MAIL))
      throw new Error(
        `You do not have permission to call MailApp.sendEmail. Required permissions: ${SEND_MAIL}`,
      );
    const to = String(message.to ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    if (!to.length) throw new Error('Failed to send email: no recipient');
    const bad = to.find((a) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a) || this.refused.has(a));
    if (bad) throw new Error(`Invalid email: ${bad}`);
    if (to.length > this.quota) throw new Error('Service invoked too many times for one day: email.');
    this.quota -= to.length;
    for (const address of to)
      this.sent.push({
        from: this.env.activeUser,
        to: address,
        subject: String(message.subject ?? ''),
        body: String(message.body ?? ''),
        htmlBody: String(message.htmlBody ?? ''),
        name: String(message.name ?? ''),
        at: this.env.nowMs,
      });
  }

  getRemainingDailyQuota(): number {
    this.env.acc.count('MailApp.getRemainingDailyQuota');
    return this.quota;
  }
}
