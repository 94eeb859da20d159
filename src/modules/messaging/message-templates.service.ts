import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { CrisisEntity } from '../crises/crisis.entity';
import { CreateMessageTemplateInput } from './dto/create-message-template.input';
import { MessageTemplatesArgs } from './dto/message-templates.args';
import { TemplateVersionContentInput } from './dto/template-version-content.input';
import { TemplateVersionStatus } from './message-template.enums';
import { MessageTemplateEntity } from './message-template.entity';
import { MessageTemplateVersionEntity } from './message-template-version.entity';
import { placeholdersOf } from './template-placeholders';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const NAME_TAKEN = 'message_templates_name_key';

/** Content a version may hold: placeholders are checked when drafted, not when first rendered. */
function checkedContent(input: TemplateVersionContentInput): { subject: string | null; body: string } {
  const subject = input.subject?.trim() ? input.subject : null;
  if (!input.body.trim()) throw AppException.badInput('body must not be blank', { fields: ['body'] });
  placeholdersOf(input.body, 'body');
  if (subject) placeholdersOf(subject, 'subject');
  return { subject, body: input.body };
}

/** Templates and their drafts. Review (submit, approve, retire) lives in TemplateReviewService. */
@Injectable()
export class MessageTemplatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(actor: AuthUser, input: CreateMessageTemplateInput): Promise<MessageTemplateEntity> {
    const name = input.name.trim();
    if (!name) throw AppException.badInput('name must not be blank', { fields: ['name'] });
    const content = checkedContent(input);
    try {
      return await withTransactionRetry(this.dataSource, async (manager) => {
        const crisis = await manager.findOneBy(CrisisEntity, { id: input.crisisId });
        if (!crisis) throw AppException.notFound('Crisis', input.crisisId);
        const template = await manager.save(
          manager.create(MessageTemplateEntity, { crisisId: crisis.id, channel: input.channel, kind: input.kind, name, createdById: actor.id }),
        );
        await this.insertVersion(manager, actor, template.id, 1, content);
        return template;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation, NAME_TAKEN)) {
        throw AppException.conflict(`Crisis ${input.crisisId} already has a ${input.channel} template named "${name}"; add a version to it instead`);
      }
      throw error;
    }
  }

  /** A new DRAFT version numbered after the template's latest; the template row lock orders concurrent drafts. */
  async draftVersion(actor: AuthUser, templateId: string, input: TemplateVersionContentInput): Promise<MessageTemplateVersionEntity> {
    const content = checkedContent(input);
    return withTransactionRetry(this.dataSource, async (manager) => {
      const template = await manager.findOne(MessageTemplateEntity, { where: { id: templateId }, lock: { mode: 'pessimistic_write' } });
      if (!template) throw AppException.notFound('Message template', templateId);
      const [{ latest }] = await manager.query(
        `SELECT COALESCE(max(version), 0)::int AS latest FROM message_template_versions WHERE template_id = $1`,
        [templateId],
      );
      return this.insertVersion(manager, actor, templateId, latest + 1, content);
    });
  }

  /** Only a DRAFT changes, and only by its author: once submitted, a version is immutable. */
  async editDraft(actor: AuthUser, versionId: string, input: TemplateVersionContentInput): Promise<MessageTemplateVersionEntity> {
    const content = checkedContent(input);
    return withTransactionRetry(this.dataSource, async (manager) => {
      const version = await manager.findOne(MessageTemplateVersionEntity, { where: { id: versionId }, lock: { mode: 'pessimistic_write' } });
      if (!version) throw AppException.notFound('Message template version', versionId);
      if (version.status !== TemplateVersionStatus.DRAFT) {
        throw AppException.conflict(
          `Version ${version.version} is ${version.status} and can no longer change; draft a new version of the template instead`,
          { status: version.status },
        );
      }
      if (version.authorId !== actor.id) {
        throw AppException.forbidden(`Only the author may edit draft version ${version.version}; draft your own version instead`);
      }
      Object.assign(version, content);
      return manager.save(version);
    });
  }

  async findTemplate(id: string): Promise<MessageTemplateEntity> {
    const found = await this.dataSource.getRepository(MessageTemplateEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('Message template', id);
    return found;
  }

  async findVersion(id: string): Promise<MessageTemplateVersionEntity> {
    const found = await this.dataSource.getRepository(MessageTemplateVersionEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('Message template version', id);
    return found;
  }

  list(args: MessageTemplatesArgs): Promise<Connection<MessageTemplateEntity>> {
    const query = this.dataSource
      .getRepository(MessageTemplateEntity)
      .createQueryBuilder('t')
      .where('t.crisis_id = :crisisId', { crisisId: args.crisisId });
    if (args.channel) query.andWhere('t.channel = :channel', { channel: args.channel });
    if (args.kind) query.andWhere('t.kind = :kind', { kind: args.kind });
    return paginate(
      query,
      [
        { expression: 't.name', type: 'text' },
        { expression: 't.id', type: 'uuid' },
      ],
      'ASC',
      args,
      (row) => row,
    );
  }

  private insertVersion(
    manager: EntityManager,
    actor: AuthUser,
    templateId: string,
    version: number,
    content: { subject: string | null; body: string },
  ): Promise<MessageTemplateVersionEntity> {
    return manager.save(
      manager.create(MessageTemplateVersionEntity, {
        templateId,
        version,
        ...content,
        status: TemplateVersionStatus.DRAFT,
        authorId: actor.id,
      }),
    );
  }
}
