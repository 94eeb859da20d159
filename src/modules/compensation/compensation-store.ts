import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { UserRole } from '../users/user-role.enum';
import { CompensationEntity } from './compensation.entity';

/** Row locks and the ownership rule shared by the compensation use cases. */
export async function lockCompensation(manager: EntityManager, id: string): Promise<CompensationEntity> {
  const found = await manager.findOne(CompensationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw AppException.notFound('Compensation', id);
  return found;
}

export async function findCompensation(manager: EntityManager, id: string): Promise<CompensationEntity> {
  const found = await manager.findOneBy(CompensationEntity, { id });
  if (!found) throw AppException.notFound('Compensation', id);
  return found;
}

export async function lockCase(manager: EntityManager, id: string): Promise<RecoveryCaseEntity> {
  const found = await manager.findOne(RecoveryCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw AppException.notFound('Recovery case', id);
  return found;
}

/** Agents and partner managers act on the compensation of the cases they own; admins on any. */
export function assertCaseActor(actor: AuthUser, recoveryCase: RecoveryCaseEntity, verb: string): void {
  if (actor.role === UserRole.ADMIN) return;
  if (recoveryCase.ownerId !== actor.id) {
    throw AppException.forbidden(`Only the owner of recovery case ${recoveryCase.id} or an admin may ${verb} its compensation`);
  }
}

/** The fields an audit entry of a compensation carries. */
export function compensationSnapshot(c: CompensationEntity): Record<string, unknown> {
  return {
    caseId: c.caseId,
    kind: c.kind,
    status: c.status,
    value: { amountMinor: c.valueMinor, currency: c.currency.trim() },
    refundReference: c.refundReference,
    couponPercent: c.couponPercent,
    couponExpiresOn: c.couponExpiresOn,
    extensionMonths: c.extensionMonths,
    description: c.description,
  };
}

/** The UTC calendar date of an instant (the clock's now), as YYYY-MM-DD. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
