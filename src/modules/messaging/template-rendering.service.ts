import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { CrisisEntity } from '../crises/crisis.entity';
import { ContactEntity } from '../stakeholders/contact.entity';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { UserRole } from '../users/user-role.enum';
import { RenderTemplateArgs } from './dto/render-template.args';
import { TemplateVersionStatus } from './message-template.enums';
import { MessageTemplateEntity } from './message-template.entity';
import { MessageTemplateVersionEntity } from './message-template-version.entity';
import { placeholdersOf, PlaceholderValues, renderTemplate } from './template-placeholders';
import { RenderedMessageModel } from './rendered-message.model';

/** The people who write and approve wording may preview any version; everyone else uses approved ones. */
const PREVIEW_ROLES = new Set([UserRole.COMMS, UserRole.LEADERSHIP, UserRole.ADMIN]);

@Injectable()
export class TemplateRenderingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async render(actor: AuthUser, { versionId, caseId, contactId }: RenderTemplateArgs): Promise<RenderedMessageModel> {
    const manager = this.dataSource.manager;
    const version = await manager.findOneBy(MessageTemplateVersionEntity, { id: versionId });
    if (!version) throw AppException.notFound('Message template version', versionId);
    if (version.status !== TemplateVersionStatus.APPROVED && !PREVIEW_ROLES.has(actor.role)) {
      throw AppException.badInput(`Version ${version.version} is ${version.status}; only APPROVED versions can be used`, {
        fields: ['versionId'],
      });
    }
    const recoveryCase = await manager.findOneBy(RecoveryCaseEntity, { id: caseId });
    if (!recoveryCase) throw AppException.notFound('Recovery case', caseId);
    const template = await manager.findOneByOrFail(MessageTemplateEntity, { id: version.templateId });
    if (template.crisisId !== recoveryCase.crisisId) {
      throw AppException.badInput(`Template "${template.name}" belongs to another crisis than case ${caseId}`, { fields: ['versionId'] });
    }
    const stakeholder = await manager.findOneByOrFail(StakeholderEntity, { id: recoveryCase.stakeholderId });
    const crisis = await manager.findOneByOrFail(CrisisEntity, { id: recoveryCase.crisisId });
    let contact: ContactEntity | null = null;
    if (contactId) {
      contact = await manager.findOneBy(ContactEntity, { id: contactId });
      if (!contact) throw AppException.notFound('Contact', contactId);
      if (contact.stakeholderId !== stakeholder.id) {
        throw AppException.badInput(`Contact ${contactId} is not a person at ${stakeholder.name}`, { fields: ['contactId'] });
      }
    }
    const used = [...placeholdersOf(version.subject ?? '', 'subject'), ...placeholdersOf(version.body)];
    const values: PlaceholderValues = {
      'agent.name': actor.name,
      'contact.name': contact?.name,
      'contact.title': contact?.title,
      'stakeholder.name': stakeholder.name,
      'crisis.title': crisis.title,
      'case.couponCode': used.includes('case.couponCode') ? await this.couponCodeOf(caseId) : null,
    };
    return Object.assign(new RenderedMessageModel(), {
      templateVersionId: version.id,
      channel: template.channel,
      subject: version.subject ? renderTemplate(version.subject, values, { escapeHtml: false }) : null,
      body: renderTemplate(version.body, values, { escapeHtml: template.channel === ContactChannel.EMAIL }),
    });
  }

  /** The newest coupon handed to the stakeholder and not declined; looked up only when a template asks. */
  private async couponCodeOf(caseId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT coupon_code FROM compensations
       WHERE case_id = $1 AND kind = 'COUPON' AND status IN ('ISSUED', 'ACCEPTED') AND coupon_code IS NOT NULL
       ORDER BY issued_at DESC, id DESC LIMIT 1`,
      [caseId],
    );
    return (row?.coupon_code as string | undefined) ?? null;
  }
}
