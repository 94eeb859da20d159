import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { UserEntity } from '../users/user.entity';
import { canEdit, OWNER_ROLE } from './stakeholder-rules';
import { StakeholderKind } from './stakeholder.enums';
import { StakeholderEntity } from './stakeholder.entity';

/**
 * Row-level checks shared by the stakeholder and contact services; they run inside the
 * caller's transaction, on rows it has locked.
 */

export async function lockStakeholder(
  manager: EntityManager,
  id: string,
  mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
): Promise<StakeholderEntity> {
  const stakeholder = await manager.findOne(StakeholderEntity, { where: { id }, lock: { mode } });
  if (!stakeholder) throw AppException.notFound('Stakeholder', id);
  return stakeholder;
}

/** Agents and partner managers edit only what they own; the refusal says who does. */
export async function assertCanEdit(
  manager: EntityManager,
  actor: AuthUser,
  stakeholder: StakeholderEntity,
): Promise<void> {
  if (canEdit(actor, stakeholder)) return;
  const owner = stakeholder.ownerId ? await manager.findOneBy(UserEntity, { id: stakeholder.ownerId }) : null;
  const ownedBy = owner ? `is owned by ${owner.name} (${owner.email})` : 'has no owner';
  throw AppException.forbidden(
    `Stakeholder "${stakeholder.name}" ${ownedBy}; only its owner or an admin can edit it. Ask leadership or an admin to reassign it.`,
  );
}

/**
 * A customer's owner must be an active agent, a partner's an active partner manager. The
 * user row is share-locked so that it cannot be deactivated or change role before commit.
 */
export async function assertEligibleOwner(manager: EntityManager, kind: StakeholderKind, ownerId: string): Promise<void> {
  const role = OWNER_ROLE[kind];
  const owner = await manager.findOne(UserEntity, { where: { id: ownerId }, lock: { mode: 'pessimistic_read' } });
  if (!owner) throw AppException.badInput(`ownerId ${ownerId} is not a user`, { fields: ['ownerId'] });
  if (owner.role !== role || !owner.isActive) {
    const what = owner.isActive ? `is ${owner.role}` : 'is deactivated';
    throw AppException.badInput(
      `A ${kind.toLowerCase()} must be owned by an active ${role}; ${owner.name} ${what}`,
      { fields: ['ownerId'] },
    );
  }
}
