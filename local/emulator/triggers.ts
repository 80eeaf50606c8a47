// ScriptApp: installable triggers (time-driven and spreadsheet), with the documented limits, so that
// tests and `npm start` can list and fire them.
import type { EmulatorEnv } from './env';

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
} as const;
export const AuthMode = {
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const;

export interface TriggerSpec {
  id: string;
  handler: string;
  eventType: string;
  owner: string;
  /** For clock triggers: how often, in a readable form ("every 1 hours", "daily at 7"). */
  schedule?: string;
}

const MINUTES = [1, 5, 10, 15, 30];
const HOURS = [1, 2, 4, 6, 8, 12];
const MAX_TRIGGERS_PER_USER = 20;

export class Trigger {
  constructor(
    private env: EmulatorEnv,
    readonly spec: TriggerSpec,
  ) {}
  getHandlerFunction(): string {
    this.env.acc.count('Trigger.getHandlerFunction');
    return this.spec.handler;
  }
  getEventType(): string {
    this.env.acc.count('Trigger.getEventType');
    return this.spec.eventType;
  }
  getUniqueId(): string {
    this.env.acc.count('Trigger.getUniqueId');
    return this.spec.id;
  }
  getTriggerSource(): string {
    this.env.acc.count('Trigger.getTriggerSource');
    return this.spec.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }
}

class ClockTriggerBuilder {
  private schedule: string | null = null;
  private everyDaysSet = false;
  private hour: number | null = null;
  private zone: string | null = null;
  constructor(
    private app: ScriptAppService,
    private handler: string,
  ) {}
  everyMinutes(n: number): this {
    this.app.env.acc.count('ClockTriggerBuilder.everyMinutes');
    if (!MINUTES.includes(n))
      throw new Error('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.schedule = `every ${n} minutes`;
    return this;
  }
  everyHours(n: number): this {
    this.app.env.acc.count('ClockTriggerBuilder.everyHours');
    if (!HOURS.includes(n))
      throw new Error('The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.schedule = `every ${n} hours`;
    return this;
  }
  everyDays(n: number): this {
    this.app.env.acc.count('ClockTriggerBuilder.everyDays');
    this.everyDaysSet = true;
    this.schedule = `every ${n} days`;
    return this;
  }
  atHour(h: number): this {
    this.app.env.acc.count('ClockTriggerBuilder.atHour');
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error('The hour must be between 0 and 23.');
    this.hour = h;
    return this;
  }
  /** The zone atHour() is read in; without it, the script's zone (ClockTriggerBuilder reference). */
  inTimezone(timezone: string): this {
    this.app.env.acc.count('ClockTriggerBuilder.inTimezone');
    this.zone = timezone;
    return this;
  }
  create(): Trigger {
    this.app.env.acc.count('ClockTriggerBuilder.create');
    if (this.hour !== null && !this.everyDaysSet)
      throw new Error('atHour() requires everyDays() or everyWeeks().');
    if (!this.schedule)
      throw new Error('The trigger has no schedule: call everyMinutes, everyHours or everyDays.');
    const zone = this.zone ?? this.app.env.scriptTimeZone;
    const schedule = this.hour !== null ? `${this.schedule} at ${this.hour}:00 (${zone})` : this.schedule;
    return this.app.add(this.handler, 'CLOCK', schedule);
  }
}

class SpreadsheetTriggerBuilder {
  private type: string | null = null;
  constructor(
    private app: ScriptAppService,
    private handler: string,
  ) {}
  onOpen(): this {
    this.app.env.acc.count('SpreadsheetTriggerBuilder.onOpen');
    this.type = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.app.env.acc.count('SpreadsheetTriggerBuilder.onEdit');
    this.type = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.app.env.acc.count('SpreadsheetTriggerBuilder.onChange');
    this.type = 'ON_CHANGE';
    return this;
  }
  create(): Trigger {
    this.app.env.acc.count('SpreadsheetTriggerBuilder.create');
    if (!this.type) throw new Error('The trigger has no event type.');
    return this.app.add(this.handler, this.type);
  }
}

class TriggerBuilder {
  constructor(
    private app: ScriptAppService,
    private handler: string,
  ) {}
  timeBased(): ClockTriggerBuilder {
    this.app.env.acc.count('TriggerBuilder.timeBased');
    return new ClockTriggerBuilder(this.app, this.handler);
  }
  forSpreadsheet(_ss: unknown): SpreadsheetTriggerBuilder {
    this.app.env.acc.count('TriggerBuilder.forSpreadsheet');
    return new SpreadsheetTriggerBuilder(this.app, this.handler);
  }
}

export class ScriptAppService {
  readonly EventType = EventType;
  readonly AuthMode = AuthMode;
  triggers: Trigger[] = [];
  constructor(readonly env: EmulatorEnv) {}

  add(handler: string, eventType: string, schedule?: string): Trigger {
    const mine = this.triggers.filter((t) => t.spec.owner === this.env.activeUser);
    if (mine.length >= MAX_TRIGGERS_PER_USER)
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    const t = new Trigger(this.env, {
      id: String(this.env.nextId()),
      handler,
      eventType,
      owner: this.env.activeUser,
      schedule,
    });
    this.triggers.push(t);
    return t;
  }
  newTrigger(handler: string): TriggerBuilder {
    this.env.acc.count('ScriptApp.newTrigger');
    return new TriggerBuilder(this, handler);
  }
  /** The current user's triggers for this script, as in Apps Script. */
  getProjectTriggers(): Trigger[] {
    this.env.acc.count('ScriptApp.getProjectTriggers');
    return this.triggers.filter((t) => t.spec.owner === this.env.activeUser);
  }
  getUserTriggers(_doc: unknown): Trigger[] {
    this.env.acc.count('ScriptApp.getUserTriggers');
    return this.triggers.filter((t) => t.spec.owner === this.env.activeUser);
  }
  deleteTrigger(trigger: Trigger): void {
    this.env.acc.count('ScriptApp.deleteTrigger');
    this.triggers = this.triggers.filter((t) => t.spec.id !== trigger.spec.id);
  }
  getScriptId(): string {
    this.env.acc.count('ScriptApp.getScriptId');
    return 'local-script';
  }
}
