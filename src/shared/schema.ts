// Schemas for what the CRM reads back: stored state, CRM Settings rows and the sidebar's deal. The few
// shapes zod/mini was used for (its API, so callers read as before: `z.object`, `.check(z.gte(…))`,
// `safeParse`, `z.infer`), in a fraction of its 24 KB: every execution loads the bundle, whose budget
// is 200 KB. Objects drop keys they do not name (looseObject keeps them); numbers are finite; every
// failed check is an issue, in order, with the path of keys to it.

export interface Issue {
  path: PropertyKey[];
  message: string;
}
export type SafeParse<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: { issues: Issue[] } };
/** A check of a value of the right type: the message when it fails, else null. */
export type Check<T> = (value: T) => string | null;

export interface Schema<T> {
  safeParse(value: unknown): SafeParse<T>;
  /** The same schema with `checks` added. */
  check(...checks: Check<T>[]): Schema<T>;
  /** Reads `value` at `path`, adding what is wrong to `issues`. */
  read(value: unknown, path: PropertyKey[], issues: Issue[]): T;
}
export type ZodMiniType<T = unknown> = Schema<T>;
type Out<S> = S extends Schema<infer T> ? T : never;
export type { Out as infer };

function schema<T>(
  read: (value: unknown, path: PropertyKey[], issues: Issue[]) => T,
  checks: Check<T>[] = [],
): Schema<T> {
  const self: Schema<T> = {
    read(value, path, issues) {
      const before = issues.length;
      const out = read(value, path, issues);
      if (issues.length === before)
        for (const c of checks) {
          const message = c(out);
          if (message !== null) issues.push({ path, message });
        }
      return out;
    },
    check: (...more) => schema(read, [...checks, ...more]),
    safeParse(value) {
      const issues: Issue[] = [];
      const data = self.read(value, [], issues);
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
  return self;
}

/** A value of one JavaScript type, or the message (zod's words by default). */
function typed<T>(ok: (v: unknown) => boolean, expected: string, message?: string): Schema<T> {
  return schema((v, path, issues) => {
    if (!ok(v)) issues.push({ path, message: message ?? `Invalid input: expected ${expected}` });
    return v as T;
  });
}

export const string = (message?: string) => typed<string>((v) => typeof v === 'string', 'string', message);
export const number = (message?: string) =>
  typed<number>((v) => typeof v === 'number' && Number.isFinite(v), 'number', message);
export const boolean = (message?: string) =>
  typed<boolean>((v) => typeof v === 'boolean', 'boolean', message);
export const unknown = () => typed<unknown>(() => true, 'anything');

function enumOf<const T extends readonly string[] | Readonly<Record<string, string>>>(
  values: T,
  message?: string,
): Schema<T extends readonly string[] ? T[number] : T[keyof T]> {
  const list: readonly string[] = Array.isArray(values) ? values : Object.values(values);
  return typed((v) => list.includes(v as string), `one of ${list.join(', ')}`, message);
}
export { enumOf as enum };

export const optional = <T>(inner: Schema<T>): Schema<T | undefined> =>
  schema((v, path, issues) => (v === undefined ? undefined : inner.read(v, path, issues)));
export const nullable = <T>(inner: Schema<T>): Schema<T | null> =>
  schema((v, path, issues) => (v === null ? null : inner.read(v, path, issues)));

export const array = <T>(item: Schema<T>): Schema<T[]> =>
  schema((v, path, issues) => {
    if (!Array.isArray(v)) {
      issues.push({ path, message: 'Invalid input: expected array' });
      return [];
    }
    return v.map((x, i) => item.read(x, [...path, i], issues));
  });

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const record = <V>(key: Schema<string>, value: Schema<V>): Schema<Record<string, V>> =>
  schema((v, path, issues) => {
    if (!isPlain(v)) {
      issues.push({ path, message: 'Invalid input: expected record' });
      return {};
    }
    const out: Record<string, V> = {};
    for (const [k, x] of Object.entries(v))
      out[key.read(k, [...path, k], issues)] = value.read(x, [...path, k], issues);
    return out;
  });

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Out<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOut<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Out<S[K]> } & { [K in OptionalKeys<S>]?: Out<S[K]> }
>;

function objectOf<S extends Shape>(shape: S, keepOthers: boolean) {
  return schema((v, path, issues) => {
    if (!isPlain(v)) {
      issues.push({ path, message: 'Invalid input: expected object' });
      return {};
    }
    const out: Record<string, unknown> = keepOthers ? { ...v } : {};
    for (const [k, s] of Object.entries(shape)) {
      const x = s.read(v[k], [...path, k], issues);
      if (x !== undefined || k in v) out[k] = x;
    }
    return out;
  });
}
export const object = <S extends Shape>(shape: S) => objectOf(shape, false) as Schema<ObjectOut<S>>;
export const looseObject = <S extends Shape>(shape: S) =>
  objectOf(shape, true) as Schema<ObjectOut<S> & Record<string, unknown>>;

export const minLength =
  (n: number, message?: string): Check<string> =>
  (v) =>
    v.length >= n ? null : (message ?? `Too small: expected at least ${n} characters`);
export const maxLength =
  (n: number, message?: string): Check<string> =>
  (v) =>
    v.length <= n ? null : (message ?? `Too big: expected at most ${n} characters`);
export const regex =
  (re: RegExp, message?: string): Check<string> =>
  (v) =>
    re.test(v) ? null : (message ?? `Invalid string: must match ${String(re)}`);
export const int =
  (message?: string): Check<number> =>
  (v) =>
    Number.isSafeInteger(v) ? null : (message ?? 'Invalid input: expected int');
export const gte =
  (n: number, message?: string): Check<number> =>
  (v) =>
    v >= n ? null : (message ?? `Too small: expected number to be >=${n}`);
export const lte =
  (n: number, message?: string): Check<number> =>
  (v) =>
    v <= n ? null : (message ?? `Too big: expected number to be <=${n}`);
