import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { RecoveryCaseModel } from '../cases/recovery-case.model';
import { CrisisEntity } from '../crises/crisis.entity';
import { TemplateVersionStatus } from '../messaging/message-template.enums';
import { MessageTemplateEntity } from '../messaging/message-template.entity';
import { MessageTemplateVersionEntity } from '../messaging/message-template-version.entity';
import { RenderedMessageModel } from '../messaging/rendered-message.model';
import { renderTemplate } from '../messaging/template-placeholders';
import { ContactEntity } from '../stakeholders/contact.entity';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity';
import { StakeholderModel } from '../stakeholders/stakeholder.model';
import { MyDayItemModel } from './my-day-item.model';
import { OutreachTaskEntity } from './outreach-task.entity';
import { OutreachTaskModel } from './outreach-task.model';

/** More than an agent can do in a day; the list stops there rather than paging. */
export const MY_DAY_LIMIT = 200;

type Rendered = { message: RenderedMessageModel | null; messageError: string | null };

/**
 * "My day": the signed-in user's OPEN tasks of ACTIVE enrolments due before the end of today
 * in UTC (users have no time zone of their own), overdue ones included. Overdue first, then by
 * due time, then by case priority. A fixed number of statements whatever the list's length.
 */
@Injectable()
export class MyDayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async myDay(actor: AuthUser): Promise<MyDayItemModel[]> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const tasks = await manager
      .createQueryBuilder(OutreachTaskEntity, 't')
      .innerJoin('cadence_enrolments', 'e', `e.id = t.enrolment_id AND e.status = 'ACTIVE'`)
      .innerJoin(RecoveryCaseEntity, 'c', 'c.id = t.case_id')
      .where(`c.owner_id = :owner AND t.status = 'OPEN'`, { owner: actor.id })
      .andWhere(`t.due_at < date_trunc('day', :now::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '1 day'`, { now })
      .orderBy('(t.due_at < :now::timestamptz)', 'DESC')
      .addOrderBy('t.due_at', 'ASC')
      .addOrderBy('c.priority', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(MY_DAY_LIMIT)
      .getMany();
    if (tasks.length === 0) return [];

    const cases = await manager.findBy(RecoveryCaseEntity, { id: In(unique(tasks.map((t) => t.caseId))) });
    const caseById = new Map(cases.map((c) => [c.id, c]));
    const stakeholders = await manager.findBy(StakeholderEntity, { id: In(unique(cases.map((c) => c.stakeholderId))) });
    const stakeholderById = new Map(stakeholders.map((s) => [s.id, s]));
    const render = await this.renderer(actor, tasks, cases);
    return tasks.map((task) => {
      const recoveryCase = caseById.get(task.caseId)!;
      return Object.assign(new MyDayItemModel(), {
        task: OutreachTaskModel.from(task, now),
        case: RecoveryCaseModel.from(recoveryCase),
        stakeholder: StakeholderModel.from(stakeholderById.get(recoveryCase.stakeholderId)!),
        ...render(task, recoveryCase),
      });
    });
  }

  /** Loads everything the templates need in one go, then renders per task without queries. */
  private async renderer(
    actor: AuthUser,
    tasks: OutreachTaskEntity[],
    cases: RecoveryCaseEntity[],
  ): Promise<(task: OutreachTaskEntity, recoveryCase: RecoveryCaseEntity) => Rendered> {
    const templateIds = unique(tasks.map((t) => t.templateId).filter((id): id is string => !!id));
    if (templateIds.length === 0) return () => ({ message: null, messageError: null });
    const manager = this.dataSource.manager;
    const templates = new Map((await manager.findBy(MessageTemplateEntity, { id: In(templateIds) })).map((t) => [t.id, t]));
    const versions = new Map(
      (await manager.findBy(MessageTemplateVersionEntity, { templateId: In(templateIds), status: TemplateVersionStatus.APPROVED })).map((v) => [v.templateId, v]),
    );
    const withTemplate = cases.filter((c) => tasks.some((t) => t.caseId === c.id && t.templateId));
    const crises = new Map((await manager.findBy(CrisisEntity, { id: In(unique(withTemplate.map((c) => c.crisisId))) })).map((c) => [c.id, c]));
    const stakeholders = new Map(
      (await manager.findBy(StakeholderEntity, { id: In(unique(withTemplate.map((c) => c.stakeholderId))) })).map((s) => [s.id, s]),
    );
    const contacts = await manager.find(ContactEntity, {
      where: { stakeholderId: In([...stakeholders.keys()]) },
      order: { isExecutive: 'DESC', name: 'ASC', id: 'ASC' },
    });
    const coupons = new Map<string, string>(
      (
        await manager.query(
          `SELECT DISTINCT ON (case_id) case_id, coupon_code FROM compensations
            WHERE case_id = ANY($1::uuid[]) AND kind = 'COUPON' AND status IN ('ISSUED', 'ACCEPTED') AND coupon_code IS NOT NULL
            ORDER BY case_id, issued_at DESC, id DESC`,
          [withTemplate.map((c) => c.id)],
        )
      ).map((r: { case_id: string; coupon_code: string }) => [r.case_id, r.coupon_code]),
    );

    return (task, recoveryCase) => {
      if (!task.templateId) return { message: null, messageError: null };
      const template = templates.get(task.templateId)!;
      const version = versions.get(task.templateId);
      if (!version) return { message: null, messageError: `Template "${template.name}" has no APPROVED version yet` };
      if (template.crisisId !== recoveryCase.crisisId) {
        return { message: null, messageError: `Template "${template.name}" is written for another crisis than this case` };
      }
      // The person the agent is about to reach: someone who prefers this channel, else the most senior.
      const people = contacts.filter((c) => c.stakeholderId === recoveryCase.stakeholderId);
      const contact = people.find((c) => c.preferredChannel === task.channel) ?? people[0];
      const values = {
        'agent.name': actor.name,
        'contact.name': contact?.name,
        'contact.title': contact?.title,
        'stakeholder.name': stakeholders.get(recoveryCase.stakeholderId)?.name,
        'crisis.title': crises.get(recoveryCase.crisisId)?.title,
        'case.couponCode': coupons.get(recoveryCase.id),
      };
      try {
        return {
          message: Object.assign(new RenderedMessageModel(), {
            templateVersionId: version.id,
            channel: template.channel,
            subject: version.subject ? renderTemplate(version.subject, values, { escapeHtml: false }) : null,
            body: renderTemplate(version.body, values, { escapeHtml: template.channel === ContactChannel.EMAIL }),
          }),
          messageError: null,
        };
      } catch (error) {
        if (error instanceof AppException) return { message: null, messageError: error.message };
        throw error;
      }
    };
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
