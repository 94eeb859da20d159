import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { InteractionEntity } from '../interactions/interaction.entity';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { UserRole } from '../users/user-role.enum';
import { OutreachTaskStatus } from './outreach.enums';
import { OutreachTaskEntity } from './outreach-task.entity';
import { OutreachTaskModel } from './outreach-task.model';
import { settleTasks } from './task-settlement';
import { withTransactionRetry } from '../../common/database/transaction-retry';

/** Tasks being done, made redundant, or skipped. */
@Injectable()
export class OutreachTasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * InteractionsService.record, in its transaction (the case is already locked there): the
   * interaction does the task it satisfies and ends the ones it makes redundant (rules in
   * task-settlement.ts). Tasks of a PAUSED enrolment count too: the contact did happen.
   */
  async settleByInteraction(manager: EntityManager, interaction: InteractionEntity): Promise<void> {
    // Only a live enrolment has open tasks, and a case has at most one: found through its index.
    const open = await manager
      .createQueryBuilder(OutreachTaskEntity, 't')
      .innerJoin('cadence_enrolments', 'e', `e.id = t.enrolment_id AND e.status IN ('ACTIVE', 'PAUSED')`)
      .where(`e.case_id = :caseId AND t.case_id = :caseId AND t.status = 'OPEN'`, { caseId: interaction.caseId })
      .getMany();
    if (open.length === 0) return;
    const now = this.clock.now();
    const { doneTaskId, redundantTaskIds } = settleTasks(interaction, open, now);
    if (doneTaskId) {
      await manager.update(OutreachTaskEntity, { id: doneTaskId }, {
        status: OutreachTaskStatus.DONE,
        doneInteractionId: interaction.id,
        completedAt: now,
      });
    }
    if (redundantTaskIds.length > 0) {
      const why = interaction.direction === 'INBOUND' ? 'the stakeholder contacted us' : 'a meeting was held';
      await manager.query(
        `UPDATE outreach_tasks SET status = 'SKIPPED', done_interaction_id = $2, completed_at = $4, skipped_reason = $3
          WHERE id = ANY($1::uuid[]) AND status = 'OPEN'`,
        [redundantTaskIds, interaction.id, `Made redundant: ${why} (${interaction.channel}, interaction ${interaction.id})`, now],
      );
    }
  }

  /**
   * Undoes what a voided interaction settled: the tasks it did or made redundant are OPEN again
   * (never really done), and may be overdue at once. Only in a live enrolment: a stopped or
   * finished one has no open tasks, and its settled ones stay as they are. In the caller's
   * transaction, with the case locked. Returns the reopened task ids.
   */
  async reopenSettledBy(manager: EntityManager, interaction: { id: string; caseId: string }): Promise<string[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE outreach_tasks t SET status = 'OPEN', done_interaction_id = NULL, completed_at = NULL, skipped_reason = NULL
         FROM cadence_enrolments e
        WHERE t.case_id = $1 AND t.done_interaction_id = $2 AND e.id = t.enrolment_id AND e.status IN ('ACTIVE', 'PAUSED')
        RETURNING t.id`,
      [interaction.caseId, interaction.id],
    );
    return rows.map((r) => r.id);
  }

  /** skipTask: the case owner (whose task it is) or an admin, with a reason. */
  async skip(actor: AuthUser, id: string, reason: string): Promise<OutreachTaskModel> {
    const why = reason.trim();
    if (!why) throw AppException.badInput('reason must not be blank: say why the step is skipped', { fields: ['reason'] });
    return withTransactionRetry(this.dataSource, async (manager) => {
      const peek = await manager.findOneBy(OutreachTaskEntity, { id });
      if (!peek) throw AppException.notFound('Outreach task', id);
      // Case first, as interactions lock it, so a skip and a logged call cannot deadlock.
      const recoveryCase = await manager.findOneOrFail(RecoveryCaseEntity, { where: { id: peek.caseId }, lock: { mode: 'pessimistic_write' } });
      if (actor.role !== UserRole.ADMIN && actor.id !== recoveryCase.ownerId) {
        throw AppException.forbidden(`Only the owner of case ${recoveryCase.id} or an admin may skip its outreach task ${id}`);
      }
      const task = await manager.findOneOrFail(OutreachTaskEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (task.status !== OutreachTaskStatus.OPEN) {
        throw AppException.conflict(`Outreach task ${id} is ${task.status}; only an OPEN task can be skipped`);
      }
      Object.assign(task, { status: OutreachTaskStatus.SKIPPED, skippedReason: why, completedAt: this.clock.now() });
      await manager.save(task);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.OUTREACH_TASK,
        recordId: task.id,
        action: 'OUTREACH_TASK_SKIPPED',
        before: { status: OutreachTaskStatus.OPEN },
        after: { status: task.status, reason: why },
      });
      return OutreachTaskModel.from(task, this.clock.now());
    });
  }
}
