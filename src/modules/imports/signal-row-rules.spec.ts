import { revenueRowRules, surveyRowRules } from './signal-row-rules';

const NOW = new Date('2026-12-02T12:00:00Z');

describe('revenue row rules', () => {
  const check = revenueRowRules(NOW);
  // external_ref, month, amount_minor, currency
  it('normalises a good row: the month as its first day, leading zeros dropped, the currency upper case', () => {
    expect(check(['CRM-1', '2026-03', '000125000', 'eur'])).toEqual({ ok: true, values: ['CRM-1', '2026-03-01', '125000', 'EUR'] });
    expect(check(['CRM-1', '2026-12-01', '0', 'USD'])).toEqual({ ok: true, values: ['CRM-1', '2026-12-01', '0', 'USD'] });
  });

  it.each([
    [[null, '2026-03', '1', 'EUR'], 'external_ref', 'external_ref is required'],
    [['x'.repeat(101), '2026-03', '1', 'EUR'], 'external_ref', 'external_ref is 101 characters long; at most 100'],
    [['R', null, '1', 'EUR'], 'month', 'month is required'],
    [['R', '2026-03-15', '1', 'EUR'], 'month', 'month "2026-03-15" must be a calendar month such as 2026-03'],
    [['R', 'March 2026', '1', 'EUR'], 'month', 'month "March 2026" must be a calendar month such as 2026-03'],
    [['R', '2027-01', '1', 'EUR'], 'month', '2027-01 has not started yet'],
    [['R', '2026-03', '12.50', 'EUR'], 'amount_minor', expect.stringContaining('whole number of minor units')],
    [['R', '2026-03', '-5', 'EUR'], 'amount_minor', expect.stringContaining('zero or more')],
    [['R', '2026-03', '9223372036854775808', 'EUR'], 'amount_minor', expect.stringContaining('whole number')],
    [['R', '2026-03', null, 'EUR'], 'amount_minor', 'amount_minor is required'],
    [['R', '2026-03', '1', 'EURO'], 'currency', 'currency "EURO" must be an ISO 4217 code of a currency such as EUR or USD (not XXX or another code that is no money)'],
    [['R', '2026-03', '1', 'XXX'], 'currency', 'currency "XXX" must be an ISO 4217 code of a currency such as EUR or USD (not XXX or another code that is no money)'],
    [['R', '2026-03', '1', null], 'currency', 'currency is required'],
  ])('rejects %p on %s', (values, column, reason) => {
    expect(check(values as (string | null)[])).toEqual({ ok: false, column, reason });
  });
});

describe('survey row rules', () => {
  const check = surveyRowRules(NOW);
  // external_ref, contact_email, kind, score, responded_at, comment, is_pre_crisis
  it('normalises a good row: email lower case, kind upper case, the instant in UTC', () => {
    expect(check(['CRM-1', 'Ann@Example.COM', 'nps', '9', '2026-11-20T10:30:00+01:00', 'Better now', 'no'])).toEqual({
      ok: true,
      values: ['CRM-1', 'ann@example.com', 'NPS', '9', '2026-11-20T09:30:00.000Z', 'Better now', 'false'],
    });
    expect(check(['CRM-1', null, 'CSAT', '1', '2026-11-20', null, null])).toEqual({
      ok: true,
      values: ['CRM-1', null, 'CSAT', '1', '2026-11-20T00:00:00.000Z', null, 'false'],
    });
    expect(check(['CRM-1', null, 'TRUST', '5', '2026-10-01 08:00:00.5+0200', null, 'TRUE'])).toMatchObject({
      ok: true,
      values: ['CRM-1', null, 'TRUST', '5', '2026-10-01T06:00:00.500Z', null, 'true'],
    });
  });

  it('takes a response a little ahead of the server clock (clock skew), not more', () => {
    expect(check(['R', null, 'NPS', '5', '2026-12-02T12:04:00Z', null, null]).ok).toBe(true);
    expect(check(['R', null, 'NPS', '5', '2026-12-02T12:06:00Z', null, null])).toEqual({ ok: false, column: 'responded_at', reason: expect.stringMatching(/^responded_at 2026-12-02T12:06:00.000Z is in the future /) });
  });

  it.each([
    [['R', 'not-an-email', 'NPS', '5', '2026-11-20', null, null], 'contact_email', 'contact_email "not-an-email" is not a valid email address'],
    [['R', null, 'CES', '5', '2026-11-20', null, null], 'kind', 'kind "CES" is not one of NPS, CSAT, TRUST'],
    [['R', null, null, '5', '2026-11-20', null, null], 'kind', 'kind is required'],
    [['R', null, 'NPS', '11', '2026-11-20', null, null], 'score', 'A NPS score is a whole number from 0 to 10, not 11'],
    [['R', null, 'CSAT', '0', '2026-11-20', null, null], 'score', 'A CSAT score is a whole number from 1 to 5, not 0'],
    [['R', null, 'NPS', '7.5', '2026-11-20', null, null], 'score', 'score "7.5" must be a whole number'],
    [['R', null, 'NPS', 'ten', '2026-11-20', null, null], 'score', 'score "ten" must be a whole number'],
    [['R', null, 'NPS', '5', '2026-11-20T10:00:00', null, null], 'responded_at', expect.stringContaining('has no time zone')],
    [['R', null, 'NPS', '5', '2026-02-30T10:00:00Z', null, null], 'responded_at', expect.stringContaining('must be an ISO 8601 date-time')],
    [['R', null, 'NPS', '5', '20/11/2026', null, null], 'responded_at', expect.stringContaining('must be an ISO 8601 date-time')],
    [['R', null, 'NPS', '5', '2026-11-20T25:00:00Z', null, null], 'responded_at', expect.stringContaining('not a real date and time')],
    [['R', null, 'NPS', '5', '2026-11-20', 'x'.repeat(5001), null], 'comment', 'comment is 5001 characters long; at most 5000'],
    [['R', null, 'NPS', '5', '2026-11-20', null, 'maybe'], 'is_pre_crisis', 'is_pre_crisis "maybe" must be true or false'],
  ])('rejects %p on %s', (values, column, reason) => {
    expect(check(values as (string | null)[])).toEqual({ ok: false, column, reason });
  });
});
