import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock/clock';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { moveCaseStatus } from '../cases/move-case-status';
import { OutreachTasksService } from '../cadences/outreach-tasks.service';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { TemplateVersionStatus } from '../messaging/message-template.enums';
import { MessageTemplateEntity } from '../messaging/message-template.entity';
import { MessageTemplateVersionEntity } from '../messaging/message-template-version.entity';
import { ContactEntity } from '../stakeholders/contact.entity';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { UserRole } from '../users/user-role.enum';
import { InteractionDirection, InteractionOutcome } from './interaction.enums';
import { InteractionEntity } from './interaction.entity';
import { assertInteractionFields, outboundBeforeOpeningProblem, statusAfterInteraction } from './interaction-rules';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export interface RecordInteractionInput {
  caseId: string;
  contactId?: string | null;
  channel: ContactChannel;
  direction: InteractionDirection;
  occurredAt: Date;
  summary: string;
  outcome: InteractionOutcome;
  sentiment?: number | null;
  templateVersionId?: string | null;
  followUpNeeded?: boolean;
}

@Injectable()
export class InteractionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outreachTasks: OutreachTasksService,
    private readonly clock: Clock,
  ) {}

  /** logInteraction: the case owner (AGENT or PARTNER_MANAGER) or an ADMIN. */
  async log(actor: AuthUser, input: RecordInteractionInput): Promise<InteractionEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const recoveryCase = await this.lockCase(manager, input.caseId);
      if (actor.role !== UserRole.ADMIN && recoveryCase.ownerId !== actor.id) {
        throw AppException.forbidden(`Only the owner of case ${recoveryCase.id} or an admin may log interactions on it`);
      }
      return this.record(manager, actor, input);
    });
  }

  /**
   * Records an interaction inside the caller's transaction (e.g. the meetings module when a
   * meeting is completed). Checks everything logInteraction checks except who may log: that is
   * the caller's rule. Locks the case, refuses OUTBOUND to a do-not-contact stakeholder
   * (CONFLICT), and moves an IDENTIFIED case to CONTACTED on the first outbound contact, audited.
   */
  async record(manager: EntityManager, actor: AuthUser, input: RecordInteractionInput): Promise<InteractionEntity> {
    const now = this.clock.now();
    assertInteractionFields(input, now);
    const recoveryCase = await this.lockCase(manager, input.caseId);
    // Every writer of interactions comes through here (logInteraction, completed meetings).
    const beforeOpening = outboundBeforeOpeningProblem(input.direction, input.occurredAt, recoveryCase.createdAt);
    if (beforeOpening) throw AppException.badInput(beforeOpening, { fields: ['occurredAt'], caseOpenedAt: recoveryCase.createdAt.toISOString() });
    const stakeholder = await manager.findOneByOrFail(StakeholderEntity, { id: recoveryCase.stakeholderId });
    if (input.direction === InteractionDirection.OUTBOUND && stakeholder.doNotContact) {
      throw AppException.conflict(
        `${stakeholder.name} is marked do-not-contact; outbound contact is refused (inbound contact from them can still be logged)`,
        { stakeholderId: stakeholder.id },
      );
    }
    if (input.contactId) await this.requireContactOf(manager, input.contactId, stakeholder);
    if (input.templateVersionId) await this.requireUsableVersion(manager, input.templateVersionId, recoveryCase.crisisId);

    const interaction = await manager.save(
      manager.create(InteractionEntity, {
        caseId: recoveryCase.id,
        contactId: input.contactId ?? null,
        channel: input.channel,
        direction: input.direction,
        occurredAt: input.occurredAt,
        actorId: actor.id,
        summary: input.summary,
        outcome: input.outcome,
        sentiment: input.sentiment ?? null,
        templateVersionId: input.templateVersionId ?? null,
        followUpNeeded: input.followUpNeeded ?? false,
      }),
    );
    await this.outreachTasks.settleByInteraction(manager, interaction);
    const next = statusAfterInteraction(recoveryCase.status, input.direction);
    if (next) {
      // The case was contacted when the contact happened (a call logged after the fact moves it
      // then), kept between its previous change and now so its status history runs forwards.
      const contactedAt = new Date(Math.max(Math.min(input.occurredAt.getTime(), now.getTime()), recoveryCase.statusChangedAt.getTime()));
      await moveCaseStatus(
        manager,
        this.audit,
        actor.id,
        recoveryCase,
        next,
        { note: 'first outbound contact', interactionId: interaction.id },
        contactedAt,
      );
    }
    return interaction;
  }

  private async lockCase(manager: EntityManager, id: string): Promise<RecoveryCaseEntity> {
    const found = await manager.findOne(RecoveryCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw AppException.notFound('Recovery case', id);
    return found;
  }

  private async requireContactOf(manager: EntityManager, contactId: string, stakeholder: StakeholderEntity): Promise<void> {
    const contact = await manager.findOneBy(ContactEntity, { id: contactId });
    if (!contact) throw AppException.notFound('Contact', contactId);
    if (contact.stakeholderId !== stakeholder.id) {
      throw AppException.badInput(`Contact ${contactId} is not a person at ${stakeholder.name}, the stakeholder of this case`, {
        fields: ['contactId'],
      });
    }
  }

  /** FOR SHARE: the version cannot be retired between this check and the commit. */
  private async requireUsableVersion(manager: EntityManager, versionId: string, crisisId: string): Promise<void> {
    const version = await manager.findOne(MessageTemplateVersionEntity, { where: { id: versionId }, lock: { mode: 'pessimistic_read' } });
    if (!version) throw AppException.notFound('Message template version', versionId);
    const template = await manager.findOneByOrFail(MessageTemplateEntity, { id: version.templateId });
    if (template.crisisId !== crisisId) {
      throw AppException.badInput(`Template "${template.name}" is for another crisis than this case`, { fields: ['templateVersionId'] });
    }
    if (version.status !== TemplateVersionStatus.APPROVED) {
      throw AppException.badInput(
        `Version ${version.version} of "${template.name}" is ${version.status}; only the APPROVED version of a template may be used`,
        { fields: ['templateVersionId'], status: version.status },
      );
    }
  }
}
