import { UserRole } from '../users/user-role.enum';
import { COL, stakeholderRowRules } from './stakeholder-row-rules';
import { STAKEHOLDER_CSV_HEADERS, StakeholderCsvColumn } from './stakeholder-csv-columns';

const admin = { email: 'Admin@Regain.test', role: UserRole.ADMIN };
const pm = { email: 'pm@regain.test', role: UserRole.PARTNER_MANAGER };

function row(values: Partial<Record<StakeholderCsvColumn, string>>): (string | null)[] {
  return STAKEHOLDER_CSV_HEADERS.map((h) => values[h] ?? null);
}
const base = { external_ref: 'C-1', kind: 'customer', name: 'Acme' };

describe('stakeholder row rules', () => {
  const rules = stakeholderRowRules({ actor: admin, opensCases: false });
  const rulesWithCases = stakeholderRowRules({ actor: admin, opensCases: true });

  it('normalises a minimal row and fills the defaults', () => {
    const verdict = rules(row(base));
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.values[COL.kind]).toBe('CUSTOMER');
    expect(verdict.values[COL.tier]).toBe('STANDARD');
    expect(verdict.values[COL.time_zone]).toBe('UTC');
    expect(verdict.values[COL.do_not_contact]).toBe('false');
    expect(verdict.values[COL.owner_email]).toBeNull();
    expect(verdict.values[COL.contact_is_executive]).toBeNull();
  });

  it.each<[Partial<Record<StakeholderCsvColumn, string>>, StakeholderCsvColumn, RegExp]>([
    [{ external_ref: undefined }, 'external_ref', /required/],
    [{ external_ref: 'x'.repeat(101) }, 'external_ref', /at most 100/],
    [{ kind: 'SUPPLIER' }, 'kind', /not one of CUSTOMER, PARTNER/],
    [{ name: undefined }, 'name', /required/],
    [{ segment: 'x'.repeat(61) }, 'segment', /at most 60/],
    [{ tier: 'GOLD' }, 'tier', /STRATEGIC, KEY, STANDARD/],
    [{ time_zone: 'Mars/Olympus' }, 'time_zone', /IANA/],
    [{ owner_email: 'nope' }, 'owner_email', /not a valid email/],
    [{ do_not_contact: 'maybe' }, 'do_not_contact', /true or false/],
    [{ baseline_monthly_revenue_minor: '12.50', baseline_currency: 'EUR' }, 'baseline_monthly_revenue_minor', /whole number/],
    [{ baseline_monthly_revenue_minor: '-1', baseline_currency: 'EUR' }, 'baseline_monthly_revenue_minor', /whole number/],
    [{ baseline_monthly_revenue_minor: '99999999999999999999', baseline_currency: 'EUR' }, 'baseline_monthly_revenue_minor', /whole number/],
    [{ baseline_monthly_revenue_minor: '100', baseline_currency: 'EURO' }, 'baseline_currency', /ISO 4217/],
    [{ baseline_monthly_revenue_minor: '100', baseline_currency: 'XXX' }, 'baseline_currency', /"XXX" must be an ISO 4217 code of a currency/],
    [{ baseline_monthly_revenue_minor: '100' }, 'baseline_currency', /both or neither/],
    [{ baseline_currency: 'EUR' }, 'baseline_monthly_revenue_minor', /both or neither/],
    [{ contract_reference: 'K-1' }, 'contract_reference', /Only partners/],
    [{ kind: 'PARTNER', contract_start_date: '2027-02-30' }, 'contract_start_date', /real date/],
    [{ kind: 'PARTNER', contract_start_date: '2027-03-01', contract_end_date: '2027-02-01' }, 'contract_end_date', /before contractStartDate/],
    [{ contact_email: 'ann@x.test' }, 'contact_name', /contact_name is required/],
    [{ contact_name: 'Ann', contact_email: 'not-an-email' }, 'contact_email', /not a valid email/],
    [{ contact_name: 'Ann', contact_preferred_channel: 'PIGEON' }, 'contact_preferred_channel', /not one of/],
    [{ contact_name: 'Ann', contact_is_executive: 'sometimes' }, 'contact_is_executive', /true or false/],
    [{ contact_name: 'Ann', contact_phone: '1'.repeat(41) }, 'contact_phone', /at most 40/],
  ])('rejects %j on %s', (values, column, reason) => {
    const verdict = rules(row({ ...base, ...values }));
    expect(verdict).toEqual({ ok: false, column, reason: expect.stringMatching(reason) });
  });

  it('accepts the boolean spellings and upper-cases enums and currencies', () => {
    const verdict = rules(row({ ...base, do_not_contact: 'Yes', baseline_monthly_revenue_minor: '00120', baseline_currency: 'eur', tier: 'key' }));
    expect(verdict.ok && [verdict.values[COL.do_not_contact], verdict.values[COL.baseline_monthly_revenue_minor], verdict.values[COL.baseline_currency], verdict.values[COL.tier]]).toEqual(['true', '120', 'EUR', 'KEY']);
  });

  it('ignores case columns without a crisis and requires the impact and a currency with one', () => {
    expect(rules(row({ ...base, case_impact: 'BOGUS' })).ok).toBe(true);
    expect(rulesWithCases(row(base))).toMatchObject({ ok: false, column: 'case_impact' });
    expect(rulesWithCases(row({ ...base, case_impact: 'high' }))).toMatchObject({ ok: false, column: 'case_loss_currency' });
    const verdict = rulesWithCases(row({ ...base, case_impact: 'high', baseline_monthly_revenue_minor: '1', baseline_currency: 'USD' }));
    expect(verdict.ok && [verdict.values[COL.case_impact], verdict.values[COL.case_loss_currency], verdict.values[COL.case_estimated_loss_minor], verdict.values[COL.case_priority]]).toEqual(['HIGH', 'USD', '0', 'NORMAL']);
    expect(rulesWithCases(row({ ...base, case_impact: 'HIGH', case_loss_currency: 'EUR', case_priority: 'ASAP' }))).toMatchObject({ ok: false, column: 'case_priority' });
  });

  describe('for a partner manager', () => {
    const own = stakeholderRowRules({ actor: pm, opensCases: true });
    const partner = { external_ref: 'P-1', kind: 'PARTNER', name: 'Partner', case_impact: 'LOW', case_loss_currency: 'EUR' };

    it('imports partners only', () => {
      expect(own(row({ ...partner, kind: 'CUSTOMER' }))).toMatchObject({ ok: false, column: 'kind', reason: expect.stringMatching(/partners only/) });
    });

    it('owns what they import and the cases they open, and may name no one else', () => {
      const verdict = own(row(partner));
      expect(verdict.ok && [verdict.values[COL.owner_email], verdict.values[COL.case_owner_email]]).toEqual(['pm@regain.test', 'pm@regain.test']);
      expect(own(row({ ...partner, owner_email: 'other@regain.test' }))).toMatchObject({ ok: false, column: 'owner_email' });
      expect(own(row({ ...partner, case_owner_email: 'other@regain.test' }))).toMatchObject({ ok: false, column: 'case_owner_email' });
      expect(own(row({ ...partner, owner_email: 'PM@regain.test' })).ok).toBe(true);
    });
  });
});
