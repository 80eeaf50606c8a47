// Owners an import brings: the people CRM Settings lacks, by name or email, once each.
import { proposeOwners, unbracketed } from '../../../src/domain/import/ownerAdoption';

describe('owners an import brings', () => {
  it('adds each person CRM Settings lacks once, keeping emails as emails, in the order first named', () => {
    const p = proposeOwners(
      ['Ana Diaz', 'ben@example.com', 'ana diaz', '', 'Owner@Example.com', 'Cleo Park', 'Ben@example.com'],
      [{ name: 'Owner', email: 'owner@example.com' }],
    );
    expect(p.added).toEqual([
      { name: 'Ana Diaz', email: '' },
      { name: 'ben@example.com', email: 'ben@example.com' },
      { name: 'Cleo Park', email: '' },
    ]);
    expect(p.notAdopted).toBe(0);
  });

  it('adopts no one from a column of free text, and no value Settings could not take', () => {
    expect(
      proposeOwners(
        Array.from({ length: 201 }, (_, i) => `Person ${i}`),
        [],
      ).added,
    ).toEqual([]);
    const p = proposeOwners(['Ana', 'x'.repeat(101), 'two\nlines'], []);
    expect(p.added.map((o) => o.name)).toEqual(['Ana']);
    expect(p.notAdopted).toBe(2);
  });

  it('splits "Name (email)" and "Name <email>" into a name and its email, once per person', () => {
    const p = proposeOwners(
      [
        'jane@acme.com',
        'Jane Cole (jane@acme.com)',
        'Tom Park <Tom@Acme.com>',
        'tom park',
        'Ivy (not an email)',
      ],
      [],
    );
    expect(p.added).toEqual([
      { name: 'Jane Cole', email: 'jane@acme.com' },
      { name: 'Tom Park', email: 'tom@acme.com' },
      { name: 'Ivy (not an email)', email: '' },
    ]);
  });

  it('adopts no one from a cell naming several people, which no deal can have as one owner', () => {
    const p = proposeOwners(
      ['Jane Cole, Tom Park', 'Cole, Jane', 'ann@acme.com; bo@acme.com', 'Ivy Lu & Al Roe'],
      [],
    );
    // "Cole, Jane" is one person written last name first.
    expect(p.added.map((o) => o.name)).toEqual(['Cole, Jane']);
    expect(p.several).toEqual(['Jane Cole, Tom Park', 'ann@acme.com; bo@acme.com', 'Ivy Lu & Al Roe']);
  });
});

describe('an owner written as a one-person list ([Ann Lee], as ClickUp writes assignees)', () => {
  it('is that person; a list of several stays as written, flagged as several people', () => {
    expect(unbracketed('[Ann Lee]')).toBe('Ann Lee');
    expect(unbracketed(' [ Ann Lee ] ')).toBe('Ann Lee');
    expect(unbracketed('Ann [Sales]')).toBe('Ann [Sales]');
    expect(unbracketed(12)).toBe(12);
    const p = proposeOwners(['[Ann Lee]', '[Ann Lee, Bob Ray]'], []);
    expect(p.added.map((o) => o.name)).toEqual(['Ann Lee']);
  });
});
