// Who did what, with the scopes the manifest declares: Session needs userinfo.email when a manifest
// lists its scopes, so a manifest without it would log every change as by nobody.
import type { Emulator } from '../../local/emulator';
import type { SaveResult, SidebarModel } from '../../src/shared/dealDto';
import { a1, columnOf, crm, type } from '../support/crm';
import { newDeal, saved } from '../support/sidebar';

const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

/**
 * A rep opens the sidebar (whose form proposes them as a new deal's owner) and saves a deal, a manager
 * types a stage (onEdit names them from the event), and the manager's refresh finds a stage a script
 * wrote: who History names for each.
 */
function whoIsNamed(emu: Emulator) {
  const model = emu.run<SidebarModel>('getSidebarModel', [], { user: 'rep@example.com' });
  const created = saved(emu.run<SaveResult>('saveDeal', [newDeal(), null], { user: 'rep@example.com' }));
  type(emu, 'Stage', 2, 'Quote sent', { user: 'manager@example.com' });
  emu
    .sheet('Deals')
    .getRange(a1(emu, 'Stage', 2))
    .setValue('Negotiation');
  emu.run('menuRefresh', [], { user: 'manager@example.com' });
  const userCol = columnOf(emu, 'User', 'History') - 1;
  const fieldCol = columnOf(emu, 'Field', 'History') - 1;
  const toCol = columnOf(emu, 'To', 'History') - 1;
  const by = (field: string, to: string) =>
    emu
      .values('History')
      .filter((r) => r[fieldCol] === field && r[toCol] === to)
      .map((r) => String(r[userCol]));
  return {
    created: created.deal.id !== '',
    sidebarUser: model.user,
    saved: by('Stage', 'Opportunity identified'),
    typed: by('Stage', 'Quote sent'),
    swept: by('Stage', 'Negotiation'),
  };
}

describe('the people behind each change, with the manifest’s scopes', () => {
  it('names the rep and the manager in History, and the sidebar proposes its user as a new deal’s owner', () => {
    const emu = crm();
    expect(emu.manifest.oauthScopes).toContain(USERINFO_EMAIL);
    expect(whoIsNamed(emu)).toEqual({
      created: true,
      sidebarUser: 'rep@example.com',
      saved: ['rep@example.com'],
      typed: ['manager@example.com'],
      swept: [expect.stringContaining('manager@example.com')],
    });
  });

  it('would name nobody if the manifest dropped userinfo.email: this file’s test above then fails', () => {
    const emu = crm();
    emu.manifest.oauthScopes = emu.manifest.oauthScopes.filter((s) => s !== USERINFO_EMAIL);
    const named = whoIsNamed(emu);
    expect(named.created).toBe(true);
    expect(named.sidebarUser).toBe('');
    expect(named.saved).not.toContain('rep@example.com');
    expect(named.swept.join()).not.toContain('manager@example.com');
    // onEdit names the editor from its event, not from Session: it needs no scope.
    expect(named.typed).toEqual(['manager@example.com']);
  });
});
