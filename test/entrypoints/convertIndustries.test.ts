// An export's industries become CRM Settings' Industries, as its owners and lost reasons do: a first
// import whose industries the default list lacks had every such deal flagged "add it to Industries".
// homemade-industries.csv (test/fixtures/exports): Aerospace and Logistics (once as "logistics") are
// new, Healthcare is a default industry. Expectations written out by hand.
import { crm, records } from '../support/crm';
import { convertedFixtures } from '../support/exports';

describe('an export’s industries', () => {
  it('are added to CRM Settings, each once, said before and after, and no deal is flagged for them', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    const dialogs = convertedFixtures(emu, ['homemade-industries.csv']);
    expect(dialogs[0]).toContain('New industries for CRM Settings: Aerospace, Logistics.');
    expect(dialogs.at(-1)).toContain('Industries added to CRM Settings: Aerospace, Logistics.');
    const settings = emu.values('CRM Settings');
    const col = settings[1].map(String).indexOf('Industry');
    const listed = settings
      .slice(2)
      .map((r) => String(r[col]))
      .filter(Boolean);
    expect(listed.filter((i) => ['Aerospace', 'Logistics', 'logistics', 'Healthcare'].includes(i))).toEqual([
      'Healthcare',
      'Aerospace',
      'Logistics',
    ]);
    expect(records(emu).filter((r) => String(r['Check']).includes('Industry'))).toEqual([]);
  });
});

describe('a Pipedrive export with its organisation’s fields', () => {
  it('reads "Organization - Industry" and "Organization - Number of employees" as Industry and Employees', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    const [preview] = convertedFixtures(emu, ['pipedrive-org-fields.csv']);
    expect(preview).toContain('"Organization - Industry" → Industry');
    expect(preview).toContain('"Organization - Number of employees" → Employees');
    // Healthcare with 230 employees is segment A by CRM Settings' default rules.
    const clinic = records(emu).find((r) => r['Deal'] === 'Clinic network')!;
    expect([clinic['Industry'], clinic['Employees'], clinic['Segment']]).toEqual(['Healthcare', 230, 'A']);
  });
});

describe('an industry column of free text', () => {
  it('adds none of its texts, and says why and where', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    // 30 deals, each with its own description in the Industry column: not a list of industries.
    const rows = [
      ['Deal', 'Stage', 'Amount', 'Close date', 'Industry'],
      ...Array.from({ length: 30 }, (_, i) => [
        `Deal ${i}`,
        'Qualified',
        '1000',
        '2027-03-04',
        `Maker of part ${i}`,
      ]),
    ];
    const sheet = emu.ss.addSheet('Free text', undefined, 100, 26);
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    const preview = emu.ui.dialogs.find((d) => d.title.startsWith('Convert'))!.message;
    expect(preview).toContain(
      'E "Industry" holds 30 different texts, too many to be a list of industries: they stay on their deals, flagged; add the ones you want to CRM Settings > Industries.',
    );
    expect(preview).not.toContain('New industries');
    const settings = emu.values('CRM Settings');
    const col = settings[1].map(String).indexOf('Industry');
    expect(settings.slice(2).some((r) => String(r[col]).startsWith('Maker of part'))).toBe(false);
  });
});
