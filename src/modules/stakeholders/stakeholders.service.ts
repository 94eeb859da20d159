import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { AuditService, auditFields } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CadenceEnrolmentService } from '../cadences/cadence-enrolment.service';
import { UserRole } from '../users/user-role.enum';
import { CreateStakeholderInput } from './dto/create-stakeholder.input';
import { StakeholdersArgs } from './dto/stakeholders.args';
import { UpdateStakeholderInput } from './dto/update-stakeholder.input';
import { assertCanEdit, assertEligibleOwner, lockStakeholder } from './stakeholder-access';
import { stakeholderListQuery, stakeholderSortKeys } from './stakeholder-list.query';
import { canCreateKind, contractProblem, defaultOwnerId } from './stakeholder-rules';
import { StakeholderEntity } from './stakeholder.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const CONTRACT_FIELDS = ['contractReference', 'contractStartDate', 'contractEndDate'] as const;
const BASELINE_FIELDS = ['baselineMonthlyRevenueMinor', 'baselineCurrency'] as const;
/** Plain columns an update copies over when given (null clears the nullable ones). */
const UPDATABLE_FIELDS = [
  'name',
  'segment',
  'tier',
  'region',
  'timeZone',
  'externalRef',
  'doNotContact',
  ...CONTRACT_FIELDS,
] as const;

function baselineOf(s: StakeholderEntity): Record<string, unknown> {
  if (s.baselineMonthlyRevenueMinor === null) return { baselineMonthlyRevenue: null };
  return { baselineMonthlyRevenue: { amountMinor: s.baselineMonthlyRevenueMinor, currency: s.baselineCurrency } };
}

function sameFields(a: StakeholderEntity, b: StakeholderEntity, fields: readonly (keyof StakeholderEntity)[]): boolean {
  return fields.every((f) => a[f] === b[f]);
}

@Injectable()
export class StakeholdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cadences: CadenceEnrolmentService,
  ) {}

  async findById(id: string): Promise<StakeholderEntity> {
    const stakeholder = await this.dataSource.getRepository(StakeholderEntity).findOneBy({ id });
    if (!stakeholder) throw AppException.notFound('Stakeholder', id);
    return stakeholder;
  }

  list(args: StakeholdersArgs): Promise<Connection<StakeholderEntity>> {
    return paginate(stakeholderListQuery(this.dataSource.manager, args), stakeholderSortKeys(args), 'ASC', args, (s) => s);
  }

  async create(actor: AuthUser, input: CreateStakeholderInput): Promise<StakeholderEntity> {
    if (!canCreateKind(actor.role, input.kind)) {
      throw AppException.forbidden(
        `A ${actor.role} cannot create a ${input.kind}: agents create customers, partner managers create partners`,
      );
    }
    const ownerId = this.ownerForNew(actor, input);
    const stakeholder = this.dataSource.manager.create(StakeholderEntity, {
      kind: input.kind,
      name: input.name,
      segment: input.segment ?? null,
      tier: input.tier,
      region: input.region ?? null,
      timeZone: input.timeZone,
      ownerId,
      externalRef: input.externalRef ?? null,
      doNotContact: input.doNotContact,
      baselineMonthlyRevenueMinor: input.baselineMonthlyRevenue?.amountMinor ?? null,
      baselineCurrency: input.baselineMonthlyRevenue?.currency ?? null,
      contractReference: input.contractReference ?? null,
      contractStartDate: input.contractStartDate ?? null,
      contractEndDate: input.contractEndDate ?? null,
    });
    this.assertContract(stakeholder);
    return this.translateConflicts(stakeholder.externalRef, () =>
      withTransactionRetry(this.dataSource, async (manager) => {
        if (ownerId) await assertEligibleOwner(manager, stakeholder.kind, ownerId);
        const saved = await manager.save(stakeholder);
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.STAKEHOLDER,
          recordId: saved.id,
          action: 'STAKEHOLDER_CREATED',
          before: null,
          after: {
            ...auditFields(saved, ['kind', 'name', 'ownerId', 'externalRef', 'doNotContact', ...CONTRACT_FIELDS]),
            ...baselineOf(saved),
          },
        });
        return saved;
      }),
    );
  }

  async update(actor: AuthUser, id: string, input: UpdateStakeholderInput): Promise<StakeholderEntity> {
    if (input.ownerId !== undefined && actor.role !== UserRole.ADMIN) {
      throw AppException.forbidden('Only an admin can change the owner here; leadership and admins use reassignStakeholder');
    }
    return this.translateConflicts(input.externalRef ?? null, () =>
      withTransactionRetry(this.dataSource, async (manager) => {
        const stakeholder = await lockStakeholder(manager, id);
        await assertCanEdit(manager, actor, stakeholder);
        const before = manager.create(StakeholderEntity, { ...stakeholder });
        for (const field of UPDATABLE_FIELDS) {
          if (input[field] !== undefined) Object.assign(stakeholder, { [field]: input[field] });
        }
        if (input.baselineMonthlyRevenue !== undefined) {
          stakeholder.baselineMonthlyRevenueMinor = input.baselineMonthlyRevenue?.amountMinor ?? null;
          stakeholder.baselineCurrency = input.baselineMonthlyRevenue?.currency ?? null;
        }
        this.assertContract(stakeholder);
        if (input.ownerId !== undefined && input.ownerId !== stakeholder.ownerId) {
          if (input.ownerId) await assertEligibleOwner(manager, stakeholder.kind, input.ownerId);
          stakeholder.ownerId = input.ownerId;
        }
        const saved = await manager.save(stakeholder);
        await this.auditChanges(manager, actor, before, saved);
        if (saved.doNotContact && !before.doNotContact) await this.cadences.stopForDoNotContact(manager, actor.id, saved.id);
        return saved;
      }),
    );
  }

  /** The ownership change leadership makes; the new owner must fit the stakeholder's kind. */
  async reassign(actor: AuthUser, id: string, ownerId: string): Promise<StakeholderEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const stakeholder = await lockStakeholder(manager, id);
      if (stakeholder.ownerId === ownerId) return stakeholder;
      await assertEligibleOwner(manager, stakeholder.kind, ownerId);
      const before = manager.create(StakeholderEntity, { ...stakeholder });
      stakeholder.ownerId = ownerId;
      const saved = await manager.save(stakeholder);
      await this.auditChanges(manager, actor, before, saved);
      return saved;
    });
  }

  private ownerForNew(actor: AuthUser, input: CreateStakeholderInput): string | null {
    if (input.ownerId === undefined || input.ownerId === null) return defaultOwnerId(actor, input.kind);
    if (actor.role !== UserRole.ADMIN && input.ownerId !== actor.id) {
      throw AppException.forbidden(
        'Only an admin can create a stakeholder for another owner; leave ownerId out to own it yourself',
      );
    }
    return input.ownerId;
  }

  private assertContract(stakeholder: StakeholderEntity): void {
    const problem = contractProblem(stakeholder.kind, stakeholder);
    if (problem) throw AppException.badInput(problem, { fields: [...CONTRACT_FIELDS] });
  }

  /** One entry per audited aspect that actually changed: ownership, money, contract, do-not-contact. */
  private async auditChanges(
    manager: EntityManager,
    actor: AuthUser,
    before: StakeholderEntity,
    after: StakeholderEntity,
  ): Promise<void> {
    const entries: [string, (s: StakeholderEntity) => Record<string, unknown>, boolean][] = [
      ['STAKEHOLDER_OWNER_CHANGED', (s) => auditFields(s, ['ownerId']), before.ownerId === after.ownerId],
      ['STAKEHOLDER_BASELINE_CHANGED', baselineOf, sameFields(before, after, BASELINE_FIELDS)],
      ['STAKEHOLDER_CONTRACT_CHANGED', (s) => auditFields(s, CONTRACT_FIELDS), sameFields(before, after, CONTRACT_FIELDS)],
      ['STAKEHOLDER_DO_NOT_CONTACT_CHANGED', (s) => auditFields(s, ['doNotContact']), before.doNotContact === after.doNotContact],
    ];
    for (const [action, pick, unchanged] of entries) {
      if (unchanged) continue;
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.STAKEHOLDER,
        recordId: after.id,
        action,
        before: pick(before),
        after: pick(after),
      });
    }
  }

  private async translateConflicts<T>(externalRef: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation, 'stakeholders_external_ref_key')) {
        throw AppException.conflict(
          `Another stakeholder already has externalRef ${externalRef}; find it with that reference instead of creating a duplicate`,
          { fields: ['externalRef'] },
        );
      }
      throw error;
    }
  }
}
