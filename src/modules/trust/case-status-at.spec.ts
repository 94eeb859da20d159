import { CaseStatus } from '../cases/case.enums';
import { caseStatusAt } from './case-status-at';

describe('caseStatusAt', () => {
  const asOf = new Date('2026-04-01T00:00:00Z');
  const change = (id: number, at: string, before: CaseStatus) => ({ id: BigInt(id), occurredAt: new Date(at), before });

  it('is the current status when nothing changed since asOf', () => {
    expect(caseStatusAt(CaseStatus.RECOVERING, [change(1, '2026-03-31T23:59:59Z', CaseStatus.CONTACTED)], asOf)).toBe(CaseStatus.RECOVERING);
  });

  it('is what the first later change moved the case from, a change at asOf counting as later', () => {
    const changes = [change(7, '2026-05-01T00:00:00Z', CaseStatus.RECOVERING), change(5, '2026-04-01T00:00:00Z', CaseStatus.CONTACTED)];
    expect(caseStatusAt(CaseStatus.CHURNED, changes, asOf)).toBe(CaseStatus.CONTACTED);
  });

  it('orders changes at the same instant by id', () => {
    const changes = [change(9, '2026-04-02T00:00:00Z', CaseStatus.COMPENSATING), change(8, '2026-04-02T00:00:00Z', CaseStatus.CONTACTED)];
    expect(caseStatusAt(CaseStatus.RECOVERING, changes, asOf)).toBe(CaseStatus.CONTACTED);
  });
});
