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
