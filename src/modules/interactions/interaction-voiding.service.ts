import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withTransactionRetry } from '../../common/database/transaction-retry';
import { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { isoInstant } from '../../common/time/after-the-fact';
import { voidReason } from '../../common/time/void-reason';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { OutreachTasksService } from '../cadences/outreach-tasks.service';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { UserRole } from '../users/user-role.enum';
import { InteractionEntity } from './interaction.entity';

/**
 * Voiding an interaction logged by mistake (on the wrong case, say). The row stays, marked,
 * and every figure reads only live rows: the response facts (their update trigger recomputes
 * the case), the SLA clocks and sweep, the trust index and snapshots, the exports, the meeting
 * brief and the timeline (which shows it only when asked). Tasks it settled are open again.
 * The case's status is left as it is (a first outbound contact moved it to CONTACTED): the
 * owner moves it if that was wrong.
 */
@Injectable()
export class InteractionVoidingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outreachTasks: OutreachTasksService,
    private readonly clock: Clock,
  ) {}

  /** The person who logged it, the owner of its case, or an admin. */
  async void(actor: AuthUser, id: string, reason: string): Promise<InteractionEntity> {
    const why = voidReason(reason);
    return withTransactionRetry(this.dataSource, async (manager) => {
      const peek = await manager.findOneBy(InteractionEntity, { id });
      if (!peek) throw AppException.notFound('Interaction', id);
      // The case first, as logging locks it, so a void and a logged call cannot deadlock.
      const recoveryCase = await manager.findOneOrFail(RecoveryCaseEntity, { where: { id: peek.caseId }, lock: { mode: 'pessimistic_write' } });
      const interaction = await manager.findOneOrFail(InteractionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (actor.role !== UserRole.ADMIN && actor.id !== interaction.actorId && actor.id !== recoveryCase.ownerId) {
        throw AppException.forbidden(`Only who logged interaction ${id}, the owner of its case or an admin may void it`);
      }
      if (interaction.voidedAt) {
        throw AppException.conflict(`Interaction ${id} was already voided at ${isoInstant(interaction.voidedAt)}: "${interaction.voidReason}"`, {
          voidedAt: interaction.voidedAt.toISOString(),
        });
      }
      const now = this.clock.now();
      await manager.update(InteractionEntity, { id }, { voidedAt: now, voidedById: actor.id, voidReason: why });
      const reopenedTaskIds = await this.outreachTasks.reopenSettledBy(manager, interaction);
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.INTERACTION,
        recordId: id,
        action: 'INTERACTION_VOIDED',
        before: { caseId: interaction.caseId, occurredAt: interaction.occurredAt.toISOString(), direction: interaction.direction, voidedAt: null },
        after: { voidedAt: now.toISOString(), voidedById: actor.id, reason: why, reopenedTaskIds },
      });
      return manager.findOneByOrFail(InteractionEntity, { id });
    });
  }
}
