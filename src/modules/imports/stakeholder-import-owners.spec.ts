import { UserRole } from '../users/user-role.enum';
import { STAKEHOLDER_CSV_HEADERS, StakeholderCsvColumn } from './stakeholder-csv-columns';
import { ImportUser, ownerLookup } from './stakeholder-import-owners';

const agent: ImportUser = { id: 'a-1', email: 'agent@regain.test', name: 'Ann Agent', role: UserRole.AGENT, isActive: true };
const gone: ImportUser = { id: 'a-2', email: 'gone@regain.test', name: 'Gus Gone', role: UserRole.AGENT, isActive: false };
const pm: ImportUser = { id: 'p-1', email: 'pm@regain.test', name: 'Pia Partners', role: UserRole.PARTNER_MANAGER, isActive: true };

/** Values as the row rules leave them: kinds upper-cased, emails lower-cased. */
function row(values: Partial<Record<StakeholderCsvColumn, string>>): (string | null)[] {
  return STAKEHOLDER_CSV_HEADERS.map((h) => values[h] ?? null);
}

describe('owner lookup of a stakeholder import', () => {
  const lookup = ownerLookup([agent, gone, pm], true);

  it('resolves owners and case owners who may own the kind, with no problem', () => {
    expect(lookup(row({ kind: 'CUSTOMER', owner_email: agent.email, case_owner_email: agent.email }))).toEqual(['a-1', 'a-1', null, null]);
    expect(lookup(row({ kind: 'PARTNER', owner_email: pm.email, case_owner_email: pm.email }))).toEqual(['p-1', 'p-1', null, null]);
    expect(lookup(row({ kind: 'CUSTOMER' }))).toEqual([null, null, null, null]);
  });

  it('names the problem of an unknown, deactivated or wrong-role owner, in the words of the set-based checks', () => {
    expect(lookup(row({ kind: 'CUSTOMER', owner_email: 'nobody@regain.test' }))).toEqual([null, null, 'owner_email nobody@regain.test is not a user of Regain', null]);
    expect(lookup(row({ kind: 'CUSTOMER', owner_email: gone.email }))[2]).toBe('a customer must be owned by an active AGENT; Gus Gone is deactivated');
    expect(lookup(row({ kind: 'PARTNER', owner_email: agent.email }))[2]).toBe('a partner must be owned by an active PARTNER_MANAGER; Ann Agent is AGENT');
    expect(lookup(row({ kind: 'CUSTOMER', case_owner_email: 'x@regain.test' }))[3]).toBe('case_owner_email x@regain.test is not a user of Regain');
    expect(lookup(row({ kind: 'PARTNER', case_owner_email: agent.email }))).toEqual([null, 'a-1', null, 'Ann Agent is AGENT; a PARTNER case is owned by an active PARTNER_MANAGER']);
  });

  it('ignores the case owner when the import opens no cases', () => {
    expect(ownerLookup([agent], false)(row({ kind: 'CUSTOMER', case_owner_email: 'x@regain.test' }))).toEqual([null, null, null, null]);
  });
});
