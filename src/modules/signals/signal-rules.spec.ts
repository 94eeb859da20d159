import { UserRole } from '../users/user-role.enum';
import { SurveyKind } from './signal.enums';
import {
  canRecordOnCase,
  canRecordOnStakeholder,
  firstOfMonth,
  preCrisisProblem,
  revenueMonthProblem,
  SIGNAL_SCOPE,
  signalMessages,
  sqlFormatTemplate,
  surveyScoreProblem,
} from './signal-rules';

describe('signal rules', () => {
  const me = 'user-1';
  it.each(Object.values(UserRole))('%s has a scope', (role) => {
    expect(['ANY', 'OWN', 'NONE']).toContain(SIGNAL_SCOPE[role]);
  });

  it.each([
    [UserRole.ADMIN, 'someone', true],
    [UserRole.LEADERSHIP, 'someone', true],
    [UserRole.AGENT, me, true],
    [UserRole.AGENT, 'someone', false],
    [UserRole.PARTNER_MANAGER, me, true],
    [UserRole.PARTNER_MANAGER, 'someone', false],
    [UserRole.COMMS, me, false],
  ])('%s on a case owned by %s: %s', (role, ownerId, allowed) => {
    expect(canRecordOnCase({ id: me, role }, { ownerId })).toBe(allowed);
  });

  it('a stakeholder is recordable by its owner and by an owner of one of its cases', () => {
    const agent = { id: me, role: UserRole.AGENT };
    expect(canRecordOnStakeholder(agent, { ownerId: me }, [])).toBe(true);
    expect(canRecordOnStakeholder(agent, { ownerId: null }, ['x', me])).toBe(true);
    expect(canRecordOnStakeholder(agent, { ownerId: 'x' }, ['y'])).toBe(false);
    expect(canRecordOnStakeholder({ id: me, role: UserRole.COMMS }, { ownerId: me }, [me])).toBe(false);
  });

  it.each([
    [SurveyKind.NPS, 0, true],
    [SurveyKind.NPS, 10, true],
    [SurveyKind.NPS, 11, false],
    [SurveyKind.NPS, -1, false],
    [SurveyKind.CSAT, 0, false],
    [SurveyKind.CSAT, 1, true],
    [SurveyKind.CSAT, 5, true],
    [SurveyKind.TRUST, 6, false],
    [SurveyKind.TRUST, 2.5, false],
  ])('%s score %p fits: %s', (kind, score, fits) => {
    expect(surveyScoreProblem(kind, score) === null).toBe(fits);
  });

  it('pre-crisis responses predate the crisis, others do not', () => {
    const start = new Date('2026-01-10T00:00:00Z');
    expect(preCrisisProblem(true, new Date('2026-01-09T23:59:59Z'), start)).toBeNull();
    expect(preCrisisProblem(true, start, start)).toMatch(/before the crisis started/);
    expect(preCrisisProblem(false, start, start)).toBeNull();
    expect(preCrisisProblem(false, new Date('2026-01-01T00:00:00Z'), start)).toMatch(/isPreCrisis: true/);
  });

  it.each([
    ['2026-03', '2026-03-01'],
    ['2026-12-01', '2026-12-01'],
    ['2026-03-02', null],
    ['2026-13', null],
    ['26-03', null],
  ])('month %s is %s', (input, expected) => {
    expect(firstOfMonth(input)).toBe(expected);
  });

  it('takes revenue for the current month and earlier ones, not a month that has not started', () => {
    const now = new Date('2026-12-31T23:59:59Z');
    expect(revenueMonthProblem('2026-12-01', now)).toBeNull();
    expect(revenueMonthProblem('2025-01-01', now)).toBeNull();
    expect(revenueMonthProblem('2027-01-01', now)).toBe('2027-01 has not started yet');
  });

  it('turns a message into a format() template with numbered arguments', () => {
    expect(sqlFormatTemplate(signalMessages.revenueCurrency, 3)).toBe("%1$s's baseline is in %2$s; record its revenue in %2$s, not %3$s");
    expect(sqlFormatTemplate(signalMessages.caseOutOfScope, 1)).toBe('Only the owner of case %1$s, leadership or an admin may record its signals');
  });
});
