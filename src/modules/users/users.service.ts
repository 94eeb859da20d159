import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionEndReason } from '../auth/session-end-reason';
import { SessionEntity } from '../auth/session.entity';
import { AuthUserCache } from './auth-user-cache';
import { CreateUserInput } from './dto/create-user.input';
import { UsersArgs } from './dto/users.args';
import { UserRole } from './user-role.enum';
import { UserEntity } from './user.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly signedIn: AuthUserCache,
    private readonly clock: Clock,
  ) {}

  async create(actor: AuthUser | null, input: CreateUserInput): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(input.password);
    const email = input.email.trim().toLowerCase();
    try {
      return await withTransactionRetry(this.dataSource, async (manager) => {
        const user = await manager.save(
          manager.create(UserEntity, { email, name: input.name.trim(), role: input.role, passwordHash, isActive: true }),
        );
        await this.audit.record(manager, {
          actorId: actor?.id ?? null,
          record: AuditedRecord.USER,
          recordId: user.id,
          action: 'USER_CREATED',
          before: null,
          after: { email, role: user.role, isActive: true },
        });
        return user;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation, 'users_email_key')) {
        throw AppException.conflict(`A user with email ${email} already exists`);
      }
      throw error;
    }
  }

  async changeRole(actor: AuthUser, userId: string, role: UserRole): Promise<UserEntity> {
    return this.changing(userId, async (manager) => {
      const user = await this.lock(manager, userId);
      if (user.role === role) return user;
      if (user.role === UserRole.ADMIN) await this.ensureAnotherActiveAdmin(manager, user.id, 'demote');
      const before = user.role;
      user.role = role;
      await manager.save(user);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.USER,
        recordId: user.id,
        action: 'USER_ROLE_CHANGED',
        before: { role: before },
        after: { role },
      });
      return user;
    });
  }

  async setActive(actor: AuthUser, userId: string, isActive: boolean): Promise<UserEntity> {
    return this.changing(userId, async (manager) => {
      const user = await this.lock(manager, userId);
      if (user.isActive === isActive) return user;
      if (!isActive) {
        if (user.id === actor.id) throw AppException.conflict('You cannot deactivate your own account');
        if (user.role === UserRole.ADMIN) await this.ensureAnotherActiveAdmin(manager, user.id, 'deactivate');
        // Signing out everywhere: a deactivated user's sessions must not be refreshable.
        await manager.update(
          SessionEntity,
          { userId: user.id, endedAt: IsNull() },
          { endedAt: this.clock.now(), endReason: SessionEndReason.USER_DEACTIVATED },
        );
      }
      user.isActive = isActive;
      await manager.save(user);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.USER,
        recordId: user.id,
        action: isActive ? 'USER_REACTIVATED' : 'USER_DEACTIVATED',
        before: { isActive: !isActive },
        after: { isActive },
      });
      return user;
    });
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw AppException.notFound('User', id);
    return user;
  }

  list(args: UsersArgs): Promise<Connection<UserEntity>> {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (args.role) query.andWhere('u.role = :role', { role: args.role });
    if (args.isActive !== undefined && args.isActive !== null) query.andWhere('u.is_active = :active', { active: args.isActive });
    return paginate(query, [{ expression: 'u.email', type: 'varchar' }, { expression: 'u.id', type: 'uuid' }], 'ASC', args, (u) => u);
  }

  /**
   * Creates the first admin from configuration when the database has no admin yet. The
   * unique email index makes concurrent first starts safe.
   */
  async ensureFirstAdmin(email: string, name: string, password: string): Promise<boolean> {
    const admins = await this.dataSource.getRepository(UserEntity).countBy({ role: UserRole.ADMIN });
    if (admins > 0) return false;
    try {
      await this.create(null, { email, name, password, role: UserRole.ADMIN });
      return true;
    } catch (error) {
      if (error instanceof AppException) return false;
      throw error;
    }
  }

  /** Changes a user in a transaction; once committed, this process forgets the signed-in row it kept. */
  private async changing(userId: string, change: (manager: EntityManager) => Promise<UserEntity>): Promise<UserEntity> {
    try {
      return await withTransactionRetry(this.dataSource, change);
    } finally {
      this.signedIn.forget(userId);
    }
  }

  private async lock(manager: EntityManager, userId: string): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw AppException.notFound('User', userId);
    return user;
  }

  /** Admins are locked in id order so that two admins demoting each other cannot both succeed. */
  private async ensureAnotherActiveAdmin(manager: EntityManager, exceptId: string, verb: string): Promise<void> {
    const others = await manager
      .createQueryBuilder(UserEntity, 'u')
      .setLock('pessimistic_write')
      .where('u.role = :role AND u.is_active AND u.id <> :id', { role: UserRole.ADMIN, id: exceptId })
      .orderBy('u.id')
      .getMany();
    if (others.length === 0) {
      throw AppException.conflict(`Cannot ${verb} the last active admin; make another user ADMIN first`);
    }
  }
}
