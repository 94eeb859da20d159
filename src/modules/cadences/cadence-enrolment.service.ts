import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CaseStatus } from '../cases/case.enums';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { CrisisEntity } from '../crises/crisis.entity';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { UserRole } from '../users/user-role.enum';
import { CadenceEnrolmentEntity } from './cadence-enrolment.entity';
import { CadenceEnrolmentModel } from './cadence-enrolment.model';
import { CadenceMatrixEntryEntity } from './cadence-matrix-entry.entity';
import { CadenceStepEntity } from './cadence-step.entity';
import { CadenceEntity } from './cadence.entity';
import { bookedTouches, cancelOpenTasks, insertTasks } from './enrolment-store';
import { EnrolmentStatus, OutreachTaskStatus } from './outreach.enums';
import { OutreachTaskEntity } from './outreach-task.entity';
import { planStepDueTimes, shiftAfterPause } from './task-schedule';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export const ONE_LIVE_ENROLMENT = 'cadence_enrolments_one_live_per_case';
const LIVE = [EnrolmentStatus.ACTIVE, EnrolmentStatus.PAUSED];
const CLOSED_CASE = [CaseStatus.RECOVERED, CaseStatus.CHURNED];

/** Enrolling cases in cadences, and pausing, resuming and stopping them. */
@Injectable()
export class CadenceEnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async liveOrLatest(caseId: string): Promise<CadenceEnrolmentModel | null> {
    const enrolment = await this.dataSource
      .getRepository(CadenceEnrolmentEntity)
      .findOne({ where: { caseId }, order: { createdAt: 'DESC', id: 'DESC' } });
    if (!enrolment) {
      if (!(await this.dataSource.getRepository(RecoveryCaseEntity).existsBy({ id: caseId }))) throw AppException.notFound('Recovery case', caseId);
      return null;
    }
    return this.model(this.dataSource.manager, enrolment);
  }

  /** enrolCase: the case owner or an admin; the matrix picks the cadence when none is given. */
  async enrol(actor: AuthUser, caseId: string, cadenceId: string | null): Promise<CadenceEnrolmentModel> {
    try {
      return await withTransactionRetry(this.dataSource, async (manager) => {
        const recoveryCase = await this.lockOwnCase(manager, actor, caseId, 'enrol');
        const live = await manager.findOne(CadenceEnrolmentEntity, { where: LIVE.map((status) => ({ caseId, status })) });
        if (live) throw this.alreadyEnrolled(caseId, live.id);
        const cadence = cadenceId ? await this.activeCadence(manager, cadenceId) : await this.matrixCadence(manager, recoveryCase);
        if (!cadence) {
          const crisis = await manager.findOneByOrFail(CrisisEntity, { id: recoveryCase.crisisId });
          throw AppException.badInput(
            `No cadence is set in the matrix for a ${crisis.severity} crisis and ${recoveryCase.impact} impact; give cadenceId`,
            { fields: ['cadenceId'] },
          );
        }
        const now = this.clock.now();
        const enrolment = await this.enrolLocked(manager, actor, recoveryCase, cadence, 'MANUAL', { from: now, now });
        return this.model(manager, enrolment);
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation, ONE_LIVE_ENROLMENT)) throw this.alreadyEnrolled(caseId, null);
      throw error;
    }
  }

  /**
   * Called by CasesService.open inside its transaction: enrols the new case in the matrix's
   * cadence when the matrix has one for it. A do-not-contact stakeholder is simply not enrolled.
   * The steps count from when the case was opened (its createdAt, which may be in the past), but
   * none falls due before `now`: a step whose time has already passed is due now (in business
   * hours, through the fatigue limit), since it was never done and is the next thing to do.
   */
  async enrolByMatrix(manager: EntityManager, actor: AuthUser, recoveryCase: RecoveryCaseEntity, now: Date): Promise<void> {
    const cadence = await this.matrixCadence(manager, recoveryCase);
    if (!cadence) return;
    const stakeholder = await manager.findOneByOrFail(StakeholderEntity, { id: recoveryCase.stakeholderId });
    if (stakeholder.doNotContact) return;
    await this.enrolLocked(manager, actor, recoveryCase, cadence, 'MATRIX', { from: recoveryCase.createdAt, now });
  }

  async pause(actor: AuthUser, id: string): Promise<CadenceEnrolmentModel> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const enrolment = await this.lockOwnEnrolment(manager, actor, id, 'pause');
      if (enrolment.status !== EnrolmentStatus.ACTIVE) {
        throw AppException.conflict(`Enrolment ${id} is ${enrolment.status}; only an ACTIVE enrolment can be paused`);
      }
      enrolment.status = EnrolmentStatus.PAUSED;
      enrolment.pausedAt = this.clock.now();
      await manager.save(enrolment);
      await this.recordAudit(manager, actor.id, enrolment, 'CADENCE_ENROLMENT_PAUSED', { status: EnrolmentStatus.ACTIVE }, { status: enrolment.status });
      return this.model(manager, enrolment);
    });
  }

  /** Remaining open tasks move by the time spent paused, back through business hours and fatigue. */
  async resume(actor: AuthUser, id: string): Promise<CadenceEnrolmentModel> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const enrolment = await this.lockOwnEnrolment(manager, actor, id, 'resume');
      if (enrolment.status !== EnrolmentStatus.PAUSED || !enrolment.pausedAt) {
        throw AppException.conflict(`Enrolment ${id} is ${enrolment.status}; only a PAUSED enrolment can be resumed`);
      }
      const now = this.clock.now();
      const pausedMs = Math.max(0, now.getTime() - enrolment.pausedAt.getTime());
      const recoveryCase = await manager.findOneByOrFail(RecoveryCaseEntity, { id: enrolment.caseId });
      const stakeholder = await manager.findOne(StakeholderEntity, { where: { id: recoveryCase.stakeholderId }, lock: { mode: 'pessimistic_write' } });
      const open = await manager.find(OutreachTaskEntity, {
        where: { caseId: enrolment.caseId, enrolmentId: id, status: OutreachTaskStatus.OPEN },
        order: { stepPosition: 'ASC' },
      });
      const booked = (await bookedTouches(manager, [stakeholder!.id], id)).get(stakeholder!.id) ?? [];
      const planned = shiftAfterPause(open.map((t) => t.originalDueAt), pausedMs, stakeholder!.timeZone, booked, this.config.outreachWeeklyTouchLimit);
      if (open.length > 0) {
        await manager.query(
          `UPDATE outreach_tasks t SET due_at = u.due_at, original_due_at = u.original_due_at, fatigue_note = u.fatigue_note
             FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[]) AS u(id, due_at, original_due_at, fatigue_note)
            WHERE t.id = u.id`,
          [open.map((t) => t.id), planned.map((p) => p.dueAt.toISOString()), planned.map((p) => p.originalDueAt.toISOString()), planned.map((p) => p.fatigueNote)],
        );
      }
      const pausedAt = enrolment.pausedAt;
      enrolment.status = EnrolmentStatus.ACTIVE;
      enrolment.pausedAt = null;
      await manager.save(enrolment);
      await this.recordAudit(manager, actor.id, enrolment, 'CADENCE_ENROLMENT_RESUMED', { status: EnrolmentStatus.PAUSED, pausedAt }, {
        status: enrolment.status,
        pausedForSeconds: Math.round(pausedMs / 1000),
        tasksMoved: open.length,
      });
      return this.model(manager, enrolment);
    });
  }

  async stop(actor: AuthUser, id: string, reason: string): Promise<CadenceEnrolmentModel> {
    if (!reason.trim()) throw AppException.badInput('reason must not be blank', { fields: ['reason'] });
    return withTransactionRetry(this.dataSource, async (manager) => {
      const enrolment = await this.lockOwnEnrolment(manager, actor, id, 'stop');
      if (!LIVE.includes(enrolment.status)) throw AppException.conflict(`Enrolment ${id} is already STOPPED`);
      await this.stopLocked(manager, actor.id, [enrolment], reason.trim());
      return this.model(manager, enrolment);
    });
  }

  /** CasesService.changeStatus, in its transaction: a RECOVERED or CHURNED case needs no more outreach. */
  async stopForClosedCase(manager: EntityManager, actorId: string, caseId: string, status: CaseStatus): Promise<void> {
    if (!CLOSED_CASE.includes(status)) return;
    const live = await manager.find(CadenceEnrolmentEntity, { where: LIVE.map((s) => ({ caseId, status: s })), lock: { mode: 'pessimistic_write' } });
    await this.stopLocked(manager, actorId, live, `Case became ${status}`);
  }

  /** StakeholdersService.update, in its transaction: nobody may be contacted once do-not-contact. */
  async stopForDoNotContact(manager: EntityManager, actorId: string, stakeholderId: string): Promise<void> {
    const live: CadenceEnrolmentEntity[] = await manager
      .createQueryBuilder(CadenceEnrolmentEntity, 'e')
      .innerJoin(RecoveryCaseEntity, 'c', 'c.id = e.case_id')
      .where('c.stakeholder_id = :stakeholderId AND e.status IN (:...live)', { stakeholderId, live: LIVE })
      .setLock('pessimistic_write', undefined, ['e'])
      .getMany();
    await this.stopLocked(manager, actorId, live, 'Stakeholder marked do-not-contact');
  }

  private async stopLocked(manager: EntityManager, actorId: string, enrolments: CadenceEnrolmentEntity[], reason: string): Promise<void> {
    if (enrolments.length === 0) return;
    const now = this.clock.now();
    const cancelled = await cancelOpenTasks(manager, enrolments.map((e) => e.id), now);
    for (const enrolment of enrolments) {
      const before = enrolment.status;
      Object.assign(enrolment, { status: EnrolmentStatus.STOPPED, stoppedAt: now, stopReason: reason, pausedAt: null });
      await manager.save(enrolment);
      await this.recordAudit(manager, actorId, enrolment, 'CADENCE_ENROLMENT_STOPPED', { status: before }, {
        status: EnrolmentStatus.STOPPED,
        reason,
        ...(enrolments.length === 1 ? { tasksCancelled: cancelled } : {}),
      });
    }
  }

  private async enrolLocked(
    manager: EntityManager,
    actor: AuthUser,
    recoveryCase: RecoveryCaseEntity,
    cadence: CadenceEntity,
    how: 'MANUAL' | 'MATRIX',
    schedule: { from: Date; now: Date },
  ): Promise<CadenceEnrolmentEntity> {
    if (CLOSED_CASE.includes(recoveryCase.status)) {
      throw AppException.conflict(`Case ${recoveryCase.id} is ${recoveryCase.status}; closed cases are not enrolled in cadences`);
    }
    // Locked so two enrolments for the same stakeholder count each other's touches, and a
    // do-not-contact change cannot slip in between the check and the commit.
    const stakeholder = await manager.findOne(StakeholderEntity, { where: { id: recoveryCase.stakeholderId }, lock: { mode: 'pessimistic_write' } });
    if (stakeholder!.doNotContact) {
      throw AppException.conflict(`${stakeholder!.name} is marked do-not-contact; enrolling the case in an outreach cadence is refused`, {
        stakeholderId: stakeholder!.id,
      });
    }
    const steps = await manager.find(CadenceStepEntity, { where: { cadenceId: cadence.id }, order: { position: 'ASC' } });
    const enrolledAt = schedule.now;
    const enrolment = await manager.save(
      manager.create(CadenceEnrolmentEntity, { caseId: recoveryCase.id, cadenceId: cadence.id, status: EnrolmentStatus.ACTIVE, enrolledAt, enrolledById: actor.id }),
    );
    const booked = (await bookedTouches(manager, [stakeholder!.id])).get(stakeholder!.id) ?? [];
    const planned = planStepDueTimes(schedule.from, steps.map((s) => s.offset), stakeholder!.timeZone, booked, this.config.outreachWeeklyTouchLimit, schedule.now);
    await insertTasks(
      manager,
      steps.map((step, i) => ({
        enrolmentId: enrolment.id,
        caseId: recoveryCase.id,
        stepPosition: step.position,
        channel: step.channel,
        action: step.action,
        templateId: step.templateId,
        planned: planned[i],
      })),
    );
    await this.recordAudit(manager, actor.id, enrolment, 'CADENCE_ENROLLED', null, {
      caseId: recoveryCase.id,
      cadenceId: cadence.id,
      cadenceName: cadence.name,
      by: how,
      scheduledFrom: schedule.from.toISOString(),
      tasks: steps.length,
      pushedBackByFatigue: planned.filter((p) => p.fatigueNote).length,
    });
    return enrolment;
  }

  private async matrixCadence(manager: EntityManager, recoveryCase: RecoveryCaseEntity): Promise<CadenceEntity | null> {
    const crisis = await manager.findOneByOrFail(CrisisEntity, { id: recoveryCase.crisisId });
    const entry = await manager.findOneBy(CadenceMatrixEntryEntity, { severity: crisis.severity, impact: recoveryCase.impact });
    if (!entry) return null;
    return manager.findOne(CadenceEntity, { where: { id: entry.cadenceId, isActive: true }, lock: { mode: 'pessimistic_read' } });
  }

  private async activeCadence(manager: EntityManager, id: string): Promise<CadenceEntity> {
    const cadence = await manager.findOne(CadenceEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
    if (!cadence) throw AppException.notFound('Cadence', id);
    if (!cadence.isActive) throw AppException.conflict(`Cadence "${cadence.name}" is deactivated; pick an active cadence`);
    return cadence;
  }

  private async lockOwnCase(manager: EntityManager, actor: AuthUser, caseId: string, verb: string): Promise<RecoveryCaseEntity> {
    const found = await manager.findOne(RecoveryCaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw AppException.notFound('Recovery case', caseId);
    if (actor.role !== UserRole.ADMIN && found.ownerId !== actor.id) {
      throw AppException.forbidden(`Only the owner of case ${caseId} or an admin may ${verb} it in a cadence`);
    }
    return found;
  }

  /** Locks the case first (the order interactions use too), then the enrolment. */
  private async lockOwnEnrolment(manager: EntityManager, actor: AuthUser, id: string, verb: string): Promise<CadenceEnrolmentEntity> {
    const peek = await manager.findOneBy(CadenceEnrolmentEntity, { id });
    if (!peek) throw AppException.notFound('Cadence enrolment', id);
    await this.lockOwnCase(manager, actor, peek.caseId, verb);
    return manager.findOneOrFail(CadenceEnrolmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private alreadyEnrolled(caseId: string, enrolmentId: string | null): AppException {
    return AppException.conflict(
      `Case ${caseId} already has a live cadence enrolment${enrolmentId ? ` (${enrolmentId})` : ''}; stop it before enrolling again`,
      enrolmentId ? { enrolmentId } : {},
    );
  }

  private recordAudit(
    manager: EntityManager,
    actorId: string,
    enrolment: CadenceEnrolmentEntity,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, { actorId, record: AuditedRecord.CADENCE_ENROLMENT, recordId: enrolment.id, action, before, after });
  }

  private async model(manager: EntityManager, enrolment: CadenceEnrolmentEntity): Promise<CadenceEnrolmentModel> {
    const tasks = await manager.find(OutreachTaskEntity, { where: { caseId: enrolment.caseId, enrolmentId: enrolment.id } });
    return CadenceEnrolmentModel.from(enrolment, tasks, this.clock.now());
  }
}
