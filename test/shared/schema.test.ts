// The schemas the CRM reads stored state, settings rows and the sidebar's deal with (src/shared/schema.ts),
// against expectations written here: zod/mini's behaviour for the parts the CRM uses.
import * as z from '../../src/shared/schema';

describe('schemas', () => {
  const row = z.object({
    name: z.string('Name must be text').check(z.minLength(1, 'Name is empty'), z.maxLength(5, 'Too long')),
    n: z.number().check(z.int('Whole'), z.gte(1, 'At least 1'), z.lte(9, 'At most 9')),
    tags: z.optional(z.array(z.string())),
    owner: z.nullable(z.string()),
    kind: z.enum(['A', 'B'], 'A or B'),
    counts: z.optional(z.record(z.string(), z.number())),
  });

  it('reads a valid value, dropping keys it does not name (a loose object keeps them)', () => {
    const value = { name: 'Ada', n: 3, owner: null, kind: 'B', extra: 1 };
    expect(row.safeParse(value)).toEqual({
      success: true,
      data: { name: 'Ada', n: 3, owner: null, kind: 'B' },
    });
    expect(z.looseObject({ n: z.number() }).safeParse({ n: 1, extra: 'x' })).toEqual({
      success: true,
      data: { n: 1, extra: 'x' },
    });
  });

  it('lists every failed check in order, each with the path of keys to it', () => {
    const bad = row.safeParse({
      name: '',
      n: 10.5,
      tags: ['a', 2],
      owner: undefined,
      kind: 'C',
      counts: { x: 'y' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Name is empty'],
      ['n', 'Whole'],
      ['n', 'At most 9'],
      ['tags.1', 'Invalid input: expected string'],
      ['owner', 'Invalid input: expected string'],
      ['kind', 'A or B'],
      ['counts.x', 'Invalid input: expected number'],
    ]);
  });

  it('refuses numbers that are not finite, and values of the wrong type at the top', () => {
    expect(z.number().safeParse(NaN).success).toBe(false);
    expect(z.number().safeParse(Infinity).success).toBe(false);
    expect(row.safeParse('text').error!.issues).toEqual([
      { path: [], message: 'Invalid input: expected object' },
    ]);
    expect(z.array(z.number()).safeParse({}).success).toBe(false);
    expect(z.regex(/^\d+$/, 'Digits')('12a')).toBe('Digits');
  });
});
