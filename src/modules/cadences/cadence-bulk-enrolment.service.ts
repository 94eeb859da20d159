import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CadenceStepEntity } from './cadence-step.entity';
import { CadenceEntity } from './cadence.entity';
import { bookedTouches, insertPlannedTasks, insertTasks, NewTask, PlannedEnrolment, ZonePlan } from './enrolment-store';
import { planStepDueTimes } from './task-schedule';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export interface BulkEnrolmentResult {
  enrolled: number;
  tasksCreated: number;
  /** Cases left out: closed, do-not-contact, or already in a live enrolment. */
  skipped: number;
}

interface EligibleCase {
  id: string;
  stakeholder_id: string;
  time_zone: string;
}

/**
 * Enrols many cases in one cadence (or, for an import, each in its matrix cadence), set-based:
 * per batch, one read of the eligible cases and their stakeholders' open touches, due times
 * computed here once per stakeholder zone (per case only where touches are already booked),
 * then one INSERT … FROM unnest each for enrolments, tasks and audit entries. Cases that cannot be
 * enrolled (closed, do-not-contact, already live) are skipped and counted, not refused.
 */
@Injectable()
export class CadenceBulkEnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** `parallel` batches run at once, each in its own transaction; batches never share a stakeholder. */
  async enrolMany(actorId: string, caseIds: readonly string[], cadenceId: string, batchSize = 5000, parallel = 2): Promise<BulkEnrolmentResult> {
    const cadence = await this.dataSource.getRepository(CadenceEntity).findOneBy({ id: cadenceId });
    if (!cadence) throw AppException.notFound('Cadence', cadenceId);
    if (!cadence.isActive) throw AppException.conflict(`Cadence "${cadence.name}" is deactivated; pick an active cadence`);
    const steps = await this.stepsOf(this.dataSource.manager, cadenceId);
    const result: BulkEnrolmentResult = { enrolled: 0, tasksCreated: 0, skipped: 0 };
    const batches = await this.batchesByStakeholder(this.dataSource.manager, caseIds, batchSize);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const done = await withTransactionRetry(this.dataSource, (manager) => this.enrolBatch(manager, actorId, batch, cadence, steps, 'BULK'));
        result.enrolled += done.enrolled;
        result.tasksCreated += done.tasksCreated;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
    result.skipped = caseIds.length - result.enrolled;
    return result;
  }

  /**
   * The set-based twin of CadenceEnrolmentService.enrolByMatrix, in the caller's transaction
   * (an import's: a failed or cancelled import leaves no enrolment): the cases are grouped by
   * their crisis's severity × their impact, and each group with an active cadence in the
   * matrix is enrolled in it, batch after batch on the caller's connection. Cases without a
   * matrix entry, closed, do-not-contact or already live are left out and counted as skipped.
   */
  async enrolByMatrixIn(manager: EntityManager, actorId: string, caseIds: readonly string[], batchSize = 5000): Promise<BulkEnrolmentResult> {
    const result: BulkEnrolmentResult = { enrolled: 0, tasksCreated: 0, skipped: 0 };
    if (caseIds.length === 0) return result;
    const groups: { cadence_id: string; ids: string[] }[] = await manager.query(
      `SELECT m.cadence_id, array_agg(c.id ORDER BY c.id) AS ids
         FROM recovery_cases c JOIN crises cr ON cr.id = c.crisis_id
         JOIN cadence_matrix m ON m.severity = cr.severity AND m.impact = c.impact
        WHERE c.id = ANY($1::uuid[])
        GROUP BY m.cadence_id ORDER BY m.cadence_id`,
      [caseIds],
    );
    for (const group of groups) {
      // Share-locked as in a single matrix enrolment: the cadence cannot be deactivated or edited meanwhile.
      const cadence = await manager.findOne(CadenceEntity, { where: { id: group.cadence_id, isActive: true }, lock: { mode: 'pessimistic_read' } });
      if (!cadence) continue;
      const steps = await this.stepsOf(manager, cadence.id);
      for (const batch of await this.batchesByStakeholder(manager, group.ids, batchSize)) {
        const done = await this.enrolBatch(manager, actorId, batch, cadence, steps, 'MATRIX');
        result.enrolled += done.enrolled;
        result.tasksCreated += done.tasksCreated;
      }
    }
    result.skipped = caseIds.length - result.enrolled;
    return result;
  }

  private stepsOf(manager: EntityManager, cadenceId: string): Promise<CadenceStepEntity[]> {
    return manager.find(CadenceStepEntity, { where: { cadenceId }, order: { position: 'ASC' } });
  }

  /**
   * Known cases in stakeholder order, cut into batches that never split one stakeholder's
   * cases: concurrent batches then lock disjoint stakeholders and cannot deadlock, and each
   * stakeholder's fatigue count is computed in one place. Read through the caller's manager,
   * so cases its transaction just opened are found.
   */
  private async batchesByStakeholder(manager: EntityManager, caseIds: readonly string[], batchSize: number): Promise<string[][]> {
    const rows: { id: string; stakeholder_id: string }[] = await manager.query(
      `SELECT id, stakeholder_id FROM recovery_cases WHERE id = ANY($1::uuid[]) ORDER BY stakeholder_id, id`,
      [[...new Set(caseIds)]],
    );
    const batches: string[][] = [];
    let current: string[] = [];
    let previous: string | null = null;
    for (const row of rows) {
      if (current.length >= batchSize && row.stakeholder_id !== previous) {
        batches.push(current);
        current = [];
      }
      current.push(row.id);
      previous = row.stakeholder_id;
    }
    if (current.length > 0) batches.push(current);
    return batches;
  }

  private async enrolBatch(
    manager: EntityManager,
    actorId: string,
    caseIds: readonly string[],
    cadence: CadenceEntity,
    steps: CadenceStepEntity[],
    how: 'BULK' | 'MATRIX',
  ): Promise<{ enrolled: number; tasksCreated: number }> {
    // Stakeholders locked, as in a single enrolment, so fatigue counts stay true under concurrency.
    const cases: EligibleCase[] = await manager.query(
      `SELECT c.id, c.stakeholder_id, s.time_zone
         FROM recovery_cases c JOIN stakeholders s ON s.id = c.stakeholder_id
        WHERE c.id = ANY($1::uuid[]) AND c.status NOT IN ('RECOVERED', 'CHURNED') AND NOT s.do_not_contact
          AND NOT EXISTS (SELECT 1 FROM cadence_enrolments e WHERE e.case_id = c.id AND e.status IN ('ACTIVE', 'PAUSED'))
        ORDER BY c.stakeholder_id, c.id
        FOR UPDATE OF s`,
      [caseIds],
    );
    if (cases.length === 0) return { enrolled: 0, tasksCreated: 0 };
    // Read before this batch's enrolments exist, which would otherwise count as live ones.
    const booked = await bookedTouches(manager, [...new Set(cases.map((c) => c.stakeholder_id))]);
    const enrolledAt = this.clock.now();
    const enrolments: { id: string; case_id: string }[] = await manager.query(
      `INSERT INTO cadence_enrolments (case_id, cadence_id, status, enrolled_at, enrolled_by_id)
       SELECT u.case_id, $2, 'ACTIVE', $3, $4 FROM unnest($1::uuid[]) AS u(case_id)
       ON CONFLICT (case_id) WHERE status IN ('ACTIVE', 'PAUSED') DO NOTHING
       RETURNING id, case_id`,
      [cases.map((c) => c.id), cadence.id, enrolledAt.toISOString(), actorId],
    );
    const enrolmentOf = new Map(enrolments.map((e) => [e.case_id, e.id]));
    const casesPerStakeholder = new Map<string, number>();
    for (const c of cases) casesPerStakeholder.set(c.stakeholder_id, (casesPerStakeholder.get(c.stakeholder_id) ?? 0) + 1);
    const offsets = steps.map((s) => s.offset);
    const limit = this.config.outreachWeeklyTouchLimit;
    // A stakeholder with nothing booked gets the plan of their zone, the same for all of them:
    // computed once per zone, expanded into tasks by Postgres. Only stakeholders with touches
    // already booked (before, or by their previous case in this batch) are planned one by one.
    const zonePlans = new Map<string, ZonePlan>();
    const sharedPlan: PlannedEnrolment[] = [];
    const ownPlan: NewTask[] = [];
    for (const c of cases) {
      const enrolmentId = enrolmentOf.get(c.id);
      if (!enrolmentId) continue;
      const already = booked.get(c.stakeholder_id);
      if (!already?.length) {
        let zonePlan = zonePlans.get(c.time_zone);
        if (!zonePlan) {
          zonePlan = { timeZone: c.time_zone, planned: planStepDueTimes(enrolledAt, offsets, c.time_zone, [], limit) };
          zonePlans.set(c.time_zone, zonePlan);
        }
        sharedPlan.push({ enrolmentId, caseId: c.id, timeZone: c.time_zone });
        if (casesPerStakeholder.get(c.stakeholder_id)! > 1) booked.set(c.stakeholder_id, zonePlan.planned.map((p) => p.dueAt));
        continue;
      }
      const planned = planStepDueTimes(enrolledAt, offsets, c.time_zone, already ?? [], limit);
      booked.set(c.stakeholder_id, [...(already ?? []), ...planned.map((p) => p.dueAt)]);
      steps.forEach((step, i) =>
        ownPlan.push({
          enrolmentId,
          caseId: c.id,
          stepPosition: step.position,
          channel: step.channel,
          action: step.action,
          templateId: step.templateId,
          planned: planned[i],
        }),
      );
    }
    const tasksCreated = (await insertPlannedTasks(manager, sharedPlan, steps, [...zonePlans.values()])) + ownPlan.length;
    await insertTasks(manager, ownPlan);
    await manager.query(
      `INSERT INTO audit_entries (actor_id, entity_type, entity_id, action, before, after)
       SELECT $2, $3, u.id, 'CADENCE_ENROLLED', NULL,
              jsonb_build_object('caseId', u.case_id, 'cadenceId', $4::uuid, 'cadenceName', $5::text, 'by', $8::text, 'tasks', $6::int)
         FROM unnest($1::uuid[], $7::uuid[]) AS u(id, case_id)`,
      [enrolments.map((e) => e.id), actorId, AuditedRecord.CADENCE_ENROLMENT, cadence.id, cadence.name, steps.length, enrolments.map((e) => e.case_id), how],
    );
    return { enrolled: enrolments.length, tasksCreated };
  }
}
