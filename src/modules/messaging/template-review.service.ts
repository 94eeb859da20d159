import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { CrisisEntity } from '../crises/crisis.entity';
import { NotificationKind } from '../notifications/notification-kind.enum';
import { NotificationsService } from '../notifications/notifications.service';
import { TemplateVersionStatus } from './message-template.enums';
import { MessageTemplateEntity } from './message-template.entity';
import { MessageTemplateVersionEntity } from './message-template-version.entity';
import { assertVersionTransition } from './template-version-transitions';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const ONE_APPROVED = 'message_template_versions_one_approved';
const { IN_REVIEW, APPROVED, RETIRED } = TemplateVersionStatus;

/** The review workflow of template versions; every status change is audited in its transaction. */
@Injectable()
export class TemplateReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The author sends a draft for review; from here on the version cannot change. */
  async submit(actor: AuthUser, versionId: string): Promise<MessageTemplateVersionEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const version = await this.lockVersion(manager, versionId);
      if (version.authorId !== actor.id) {
        throw AppException.forbidden(`Only the author of version ${version.version} may submit it for review`);
      }
      assertVersionTransition(version.status, IN_REVIEW);
      Object.assign(version, { status: IN_REVIEW, submittedById: actor.id, submittedAt: this.clock.now() });
      const saved = await this.saveWithAudit(manager, actor, version, TemplateVersionStatus.DRAFT, null);
      const template = await manager.findOneByOrFail(MessageTemplateEntity, { id: version.templateId });
      const crisis = await manager.findOneByOrFail(CrisisEntity, { id: template.crisisId });
      if (crisis.spokespersonId && crisis.spokespersonId !== actor.id) {
        await this.notifications.notify(manager, {
          userId: crisis.spokespersonId,
          kind: NotificationKind.TEMPLATE_VERSION_SUBMITTED,
          title: `Review "${template.name}" version ${version.version}`,
          body: `${actor.name} submitted it for review.`,
          recordType: AuditedRecord.MESSAGE_TEMPLATE_VERSION,
          recordId: version.id,
          dedupeKey: `template-version-submitted:${version.id}`,
        });
      }
      return saved;
    });
  }

  /**
   * COMMS or LEADERSHIP approve, never the author. The template row is locked, so approvals of
   * two versions of one template run one after the other: the later one retires the earlier,
   * and the partial unique index guarantees one APPROVED version whatever happens.
   */
  async approve(actor: AuthUser, versionId: string): Promise<MessageTemplateVersionEntity> {
    try {
      return await withTransactionRetry(this.dataSource, async (manager) => {
        const version = await this.lockVersion(manager, versionId);
        const template = await manager.findOne(MessageTemplateEntity, { where: { id: version.templateId }, lock: { mode: 'pessimistic_write' } });
        if (!template) throw AppException.notFound('Message template', version.templateId);
        if (version.authorId === actor.id) {
          throw AppException.forbidden(`You wrote version ${version.version}; another COMMS or LEADERSHIP user must approve it`);
        }
        assertVersionTransition(version.status, APPROVED);
        const current = await manager.findOne(MessageTemplateVersionEntity, {
          where: { templateId: template.id, status: APPROVED },
          lock: { mode: 'pessimistic_write' },
        });
        if (current) {
          Object.assign(current, { status: RETIRED, retiredById: actor.id, retiredAt: this.clock.now() });
          await this.saveWithAudit(manager, actor, current, APPROVED, `superseded by version ${version.version}`);
        }
        Object.assign(version, { status: APPROVED, approvedById: actor.id, approvedAt: this.clock.now() });
        const saved = await this.saveWithAudit(manager, actor, version, IN_REVIEW, current ? `replaces version ${current.version}` : null);
        await this.notifications.notify(manager, {
          userId: version.authorId,
          kind: NotificationKind.TEMPLATE_VERSION_APPROVED,
          title: `"${template.name}" version ${version.version} is approved`,
          body: `${actor.name} approved it; agents now use it.`,
          recordType: AuditedRecord.MESSAGE_TEMPLATE_VERSION,
          recordId: version.id,
          dedupeKey: `template-version-approved:${version.id}`,
        });
        return saved;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation, ONE_APPROVED)) {
        throw AppException.conflict('Another version of this template was approved at the same moment; reload and try again');
      }
      throw error;
    }
  }

  /** Withdraws a draft, a version under review (rejection) or the approved one. */
  async retire(actor: AuthUser, versionId: string, reason: string | null): Promise<MessageTemplateVersionEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const version = await this.lockVersion(manager, versionId);
      const before = version.status;
      assertVersionTransition(before, RETIRED);
      Object.assign(version, { status: RETIRED, retiredById: actor.id, retiredAt: this.clock.now() });
      const saved = await this.saveWithAudit(manager, actor, version, before, reason);
      if (version.authorId !== actor.id) {
        await this.notifications.notify(manager, {
          userId: version.authorId,
          kind: NotificationKind.TEMPLATE_VERSION_RETIRED,
          title: `Version ${version.version} of a template you wrote was retired`,
          body: reason ? `${actor.name}: ${reason}` : `${actor.name} retired it.`,
          recordType: AuditedRecord.MESSAGE_TEMPLATE_VERSION,
          recordId: version.id,
          dedupeKey: `template-version-retired:${version.id}`,
        });
      }
      return saved;
    });
  }

  private async lockVersion(manager: EntityManager, id: string): Promise<MessageTemplateVersionEntity> {
    const found = await manager.findOne(MessageTemplateVersionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw AppException.notFound('Message template version', id);
    return found;
  }

  private async saveWithAudit(
    manager: EntityManager,
    actor: AuthUser,
    version: MessageTemplateVersionEntity,
    before: TemplateVersionStatus,
    note: string | null,
  ): Promise<MessageTemplateVersionEntity> {
    const saved = await manager.save(version);
    await this.audit.record(manager, {
      actorId: actor.id,
      record: AuditedRecord.MESSAGE_TEMPLATE_VERSION,
      recordId: saved.id,
      action: 'TEMPLATE_VERSION_STATUS_CHANGED',
      before: { status: before },
      after: { status: saved.status, templateId: saved.templateId, version: saved.version, note },
    });
    return saved;
  }
}
