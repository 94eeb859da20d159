import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { escapeLike } from '../../common/database/escape-like';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { assertNotInFuture } from '../../common/time/not-in-future';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { UserRole } from '../users/user-role.enum';
import { UserEntity } from '../users/user.entity';
import { canMoveCrisis, CRISIS_PHASE_TRANSITIONS } from './crisis-phase-transitions';
import { CrisisPhaseChangeEntity } from './crisis-phase-change.entity';
import { CrisisPhase } from './crisis.enums';
import { CrisisEntity } from './crisis.entity';
import { CrisesArgs } from './dto/crises.args';
import { CreateCrisisInput } from './dto/create-crisis.input';
import { UpdateCrisisInput } from './dto/update-crisis.input';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const SPOKESPERSON_ROLES = [UserRole.COMMS, UserRole.LEADERSHIP];

/** Fields whose changes the audit trail keeps, as they appear in before/after. */
const AUDITED_FIELDS = [
  'title',
  'category',
  'severity',
  'startedAt',
  'detectedAt',
  'firstStatementAt',
  'leadId',
  'spokespersonId',
] as const;

@Injectable()
export class CrisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async findById(id: string): Promise<CrisisEntity> {
    const crisis = await this.dataSource.getRepository(CrisisEntity).findOneBy({ id });
    if (!crisis) throw AppException.notFound('Crisis', id);
    return crisis;
  }

  list(args: CrisesArgs): Promise<Connection<CrisisEntity>> {
    const query = this.dataSource.getRepository(CrisisEntity).createQueryBuilder('c');
    if (args.phase?.length) query.andWhere('c.phase IN (:...phases)', { phases: args.phase });
    if (args.severity?.length) query.andWhere('c.severity IN (:...severities)', { severities: args.severity });
    if (args.category?.length) query.andWhere('c.category IN (:...categories)', { categories: args.category });
    if (args.leadId) query.andWhere('c.lead_id = :leadId', { leadId: args.leadId });
    if (args.search?.trim()) query.andWhere('c.title ILIKE :search', { search: `%${escapeLike(args.search.trim())}%` });
    return paginate(
      query,
      [
        { expression: 'c.detected_at', type: 'timestamptz' },
        { expression: 'c.id', type: 'uuid' },
      ],
      'DESC',
      args,
      (c) => c,
    );
  }

  async create(actor: AuthUser, input: CreateCrisisInput): Promise<CrisisEntity> {
    const phase = input.phase ?? CrisisPhase.RESPONSE;
    const draft = this.dataSource.getRepository(CrisisEntity).create({
      title: input.title.trim(),
      description: input.description ?? '',
      category: input.category,
      severity: input.severity,
      phase,
      startedAt: input.startedAt ?? null,
      detectedAt: input.detectedAt,
      firstStatementAt: input.firstStatementAt ?? null,
      leadId: input.leadId ?? null,
      spokespersonId: input.spokespersonId ?? null,
      createdById: actor.id,
    });
    assertCrisisTimes(draft, this.clock.now());
    return withTransactionRetry(this.dataSource, async (manager) => {
      await this.assertPeople(manager, draft);
      const crisis = await manager.save(draft);
      await manager.insert(CrisisPhaseChangeEntity, { crisisId: crisis.id, fromPhase: null, toPhase: phase, changedById: actor.id });
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.CRISIS,
        recordId: crisis.id,
        action: 'CRISIS_CREATED',
        before: null,
        after: { ...pick(crisis), phase },
      });
      return crisis;
    });
  }

  async update(actor: AuthUser, id: string, input: UpdateCrisisInput): Promise<CrisisEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const crisis = await this.lock(manager, id);
      const before = pick(crisis);
      for (const [key, value] of Object.entries(input) as [keyof UpdateCrisisInput, unknown][]) {
        if (value !== undefined) Object.assign(crisis, { [key]: typeof value === 'string' && key === 'title' ? value.trim() : value });
      }
      assertCrisisTimes(crisis, this.clock.now());
      await this.assertPeople(manager, crisis);
      const after = pick(crisis);
      const changed = AUDITED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      await manager.save(crisis);
      if (changed.length > 0) {
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.CRISIS,
          recordId: crisis.id,
          action: 'CRISIS_UPDATED',
          before: Object.fromEntries(changed.map((f) => [f, before[f]])),
          after: Object.fromEntries(changed.map((f) => [f, after[f]])),
        });
      }
      return crisis;
    });
  }

  async changePhase(actor: AuthUser, id: string, phase: CrisisPhase, note: string | null): Promise<CrisisEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const crisis = await this.lock(manager, id);
      const from = crisis.phase;
      if (!canMoveCrisis(from, phase)) {
        const allowed = CRISIS_PHASE_TRANSITIONS[from];
        throw AppException.conflict(
          `A crisis in ${from} cannot move to ${phase}; from ${from} it can move to ${allowed.join(' or ')}`,
          { phase: from, allowedNextPhases: allowed },
        );
      }
      crisis.phase = phase;
      await manager.save(crisis);
      await manager.insert(CrisisPhaseChangeEntity, { crisisId: id, fromPhase: from, toPhase: phase, note, changedById: actor.id });
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.CRISIS,
        recordId: id,
        action: 'CRISIS_PHASE_CHANGED',
        before: { phase: from },
        after: { phase, note },
      });
      return crisis;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<CrisisEntity> {
    const crisis = await manager.findOne(CrisisEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!crisis) throw AppException.notFound('Crisis', id);
    return crisis;
  }

  /** The lead and the spokesperson must be active users; the spokesperson speaks for the company. */
  private async assertPeople(manager: EntityManager, crisis: CrisisEntity): Promise<void> {
    const ids = [crisis.leadId, crisis.spokespersonId].filter((v): v is string => !!v);
    if (ids.length === 0) return;
    const users = new Map((await manager.findBy(UserEntity, { id: In(ids) })).map((u) => [u.id, u]));
    const check = (id: string | null, label: string) => {
      if (!id) return undefined;
      const user = users.get(id);
      if (!user) throw AppException.notFound('User', id);
      if (!user.isActive) throw AppException.badInput(`${label} ${user.email} is deactivated; choose an active user`);
      return user;
    };
    check(crisis.leadId, 'The crisis lead');
    const spokesperson = check(crisis.spokespersonId, 'The spokesperson');
    if (spokesperson && !SPOKESPERSON_ROLES.includes(spokesperson.role)) {
      throw AppException.badInput(
        `The spokesperson must have role ${SPOKESPERSON_ROLES.join(' or ')}; ${spokesperson.email} is ${spokesperson.role}`,
      );
    }
  }
}

function pick(crisis: CrisisEntity): Record<(typeof AUDITED_FIELDS)[number], unknown> {
  return Object.fromEntries(
    AUDITED_FIELDS.map((f) => {
      const value = crisis[f];
      return [f, value instanceof Date ? value.toISOString() : value];
    }),
  ) as Record<(typeof AUDITED_FIELDS)[number], unknown>;
}

/** Same rule as the table's CHECK constraints, with a message a person can act on. */
/** A crisis's times record what has happened, so none is in the future, and they come in order. */
function assertCrisisTimes(crisis: CrisisEntity, now: Date): void {
  // Pre-crisis answers are judged against startedAt, and the snapshots count months from it:
  // a start ahead of now would take today's answers as pre-crisis and write no snapshot.
  assertNotInFuture('startedAt', crisis.startedAt, now);
  assertNotInFuture('detectedAt', crisis.detectedAt, now);
  assertNotInFuture('firstStatementAt', crisis.firstStatementAt, now);
  if (crisis.startedAt && crisis.startedAt > crisis.detectedAt) {
    throw AppException.badInput('startedAt must not be after detectedAt: a crisis starts before it is detected');
  }
  const earliest = crisis.startedAt ?? crisis.detectedAt;
  if (crisis.firstStatementAt && crisis.firstStatementAt < earliest) {
    throw AppException.badInput('firstStatementAt must not be before the crisis started (or was detected)');
  }
}
