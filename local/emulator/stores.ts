// PropertiesService and CacheService, with their documented size limits and cache expiry measured on
// the simulated clock.
import type { EmulatorEnv } from './env';

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;
const CACHE_VALUE_LIMIT = 100 * 1024;
const CACHE_MAX_SECONDS = 6 * 60 * 60;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class Properties {
  constructor(
    private env: EmulatorEnv,
    readonly data: Record<string, string> = {},
  ) {}
  private c(m: string) {
    this.env.acc.count(`Properties.${m}`);
  }
  private size(extra: Record<string, string>): number {
    let n = 0;
    for (const [k, v] of Object.entries({ ...this.data, ...extra })) n += bytes(k) + bytes(v);
    return n;
  }
  private check(props: Record<string, string>) {
    for (const v of Object.values(props))
      if (bytes(v) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
    if (this.size(props) > PROPERTY_STORE_LIMIT)
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
  }
  getProperty(key: string): string | null {
    this.c('getProperty');
    return Object.prototype.hasOwnProperty.call(this.data, key) ? this.data[key] : null;
  }
  setProperty(key: string, value: string): this {
    this.c('setProperty');
    const props = { [key]: String(value) };
    this.check(props);
    Object.assign(this.data, props);
    return this;
  }
  getProperties(): Record<string, string> {
    this.c('getProperties');
    return { ...this.data };
  }
  setProperties(props: Record<string, string>, deleteAllOthers = false): this {
    this.c('setProperties');
    const clean = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)]));
    this.check(deleteAllOthers ? {} : clean);
    if (deleteAllOthers) for (const k of Object.keys(this.data)) delete this.data[k];
    Object.assign(this.data, clean);
    return this;
  }
  getKeys(): string[] {
    this.c('getKeys');
    return Object.keys(this.data);
  }
  deleteProperty(key: string): this {
    this.c('deleteProperty');
    delete this.data[key];
    return this;
  }
  deleteAllProperties(): this {
    this.c('deleteAllProperties');
    for (const k of Object.keys(this.data)) delete this.data[k];
    return this;
  }
}

export class PropertiesServiceEmulator {
  script: Properties;
  document: Properties;
  users = new Map<string, Properties>();
  bound = true;
  constructor(private env: EmulatorEnv) {
    this.script = new Properties(env);
    this.document = new Properties(env);
  }
  getScriptProperties(): Properties {
    this.env.acc.count('PropertiesService.getScriptProperties');
    return this.script;
  }
  getDocumentProperties(): Properties | null {
    this.env.acc.count('PropertiesService.getDocumentProperties');
    return this.bound ? this.document : null;
  }
  getUserProperties(): Properties {
    this.env.acc.count('PropertiesService.getUserProperties');
    return this.userStore(this.env.activeUser);
  }
  userStore(email: string): Properties {
    let p = this.users.get(email);
    if (!p) this.users.set(email, (p = new Properties(this.env)));
    return p;
  }
}

export class Cache {
  private entries = new Map<string, { value: string; expires: number }>();
  constructor(private env: EmulatorEnv) {}
  put(key: string, value: string, expirationInSeconds = 600): void {
    this.env.acc.count('Cache.put');
    if (key.length > 250) throw new Error('Argument too large: key');
    if (bytes(String(value)) > CACHE_VALUE_LIMIT) throw new Error('Argument too large: value');
    const seconds = Math.min(Math.max(1, expirationInSeconds), CACHE_MAX_SECONDS);
    this.entries.set(key, { value: String(value), expires: this.env.nowMs + seconds * 1000 });
  }
  get(key: string): string | null {
    this.env.acc.count('Cache.get');
    const e = this.entries.get(key);
    if (!e || e.expires <= this.env.nowMs) return null;
    return e.value;
  }
  remove(key: string): void {
    this.env.acc.count('Cache.remove');
    this.entries.delete(key);
  }
}

export class CacheServiceEmulator {
  private script: Cache;
  private document: Cache;
  private users = new Map<string, Cache>();
  constructor(private env: EmulatorEnv) {
    this.script = new Cache(env);
    this.document = new Cache(env);
  }
  getScriptCache(): Cache {
    this.env.acc.count('CacheService.getScriptCache');
    return this.script;
  }
  getDocumentCache(): Cache {
    this.env.acc.count('CacheService.getDocumentCache');
    return this.document;
  }
  getUserCache(): Cache {
    this.env.acc.count('CacheService.getUserCache');
    let c = this.users.get(this.env.activeUser);
    if (!c) this.users.set(this.env.activeUser, (c = new Cache(this.env)));
    return c;
  }
}
