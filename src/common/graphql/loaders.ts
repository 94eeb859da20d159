import DataLoader from 'dataloader';
import { DataSource, In, ObjectLiteral, EntityTarget } from 'typeorm';
import { CrisisPhaseChangeEntity } from '../../modules/crises/crisis-phase-change.entity';
import { CrisisEntity } from '../../modules/crises/crisis.entity';
import { ContactEntity } from '../../modules/stakeholders/contact.entity';
import { StakeholderEntity } from '../../modules/stakeholders/stakeholder.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { RecoveryCaseEntity } from '../../modules/cases/recovery-case.entity';
import { CompensationEntity } from '../../modules/compensation/compensation.entity';
import { MessageTemplateVersionEntity } from '../../modules/messaging/message-template-version.entity';
import { MessageTemplateEntity } from '../../modules/messaging/message-template.entity';

function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function groupedBy<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
  order: Record<string, 'ASC' | 'DESC'>,
) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...ids]) } as never, order: order as never });
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row[key] as string)?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Per-request batch loaders: a list resolving its rows' relations issues one query per
 * relation, whatever the page size.
 */
export class Loaders {
  readonly userById: DataLoader<string, UserEntity | null>;
  readonly crisisById: DataLoader<string, CrisisEntity | null>;
  readonly stakeholderById: DataLoader<string, StakeholderEntity | null>;
  readonly contactsByStakeholderId: DataLoader<string, ContactEntity[]>;
  readonly phaseChangesByCrisisId: DataLoader<string, CrisisPhaseChangeEntity[]>;
  readonly contactById: DataLoader<string, ContactEntity | null>;
  readonly messageTemplateById: DataLoader<string, MessageTemplateEntity | null>;
  readonly templateVersionById: DataLoader<string, MessageTemplateVersionEntity | null>;
  readonly templateVersionsByTemplateId: DataLoader<string, MessageTemplateVersionEntity[]>;
  readonly recoveryCaseById: DataLoader<string, RecoveryCaseEntity | null>;
  readonly compensationsByCaseId: DataLoader<string, CompensationEntity[]>;

  constructor(dataSource: DataSource) {
    this.userById = byId(dataSource, UserEntity);
    this.crisisById = byId(dataSource, CrisisEntity);
    this.stakeholderById = byId(dataSource, StakeholderEntity);
    this.contactsByStakeholderId = groupedBy(dataSource, ContactEntity, 'stakeholderId', { name: 'ASC', id: 'ASC' });
    this.phaseChangesByCrisisId = groupedBy(dataSource, CrisisPhaseChangeEntity, 'crisisId', { id: 'ASC' });
    this.contactById = byId(dataSource, ContactEntity);
    this.messageTemplateById = byId(dataSource, MessageTemplateEntity);
    this.templateVersionById = byId(dataSource, MessageTemplateVersionEntity);
    this.templateVersionsByTemplateId = groupedBy(dataSource, MessageTemplateVersionEntity, 'templateId', { version: 'DESC' });
    this.recoveryCaseById = byId(dataSource, RecoveryCaseEntity);
    this.compensationsByCaseId = groupedBy(dataSource, CompensationEntity, 'caseId', { proposedAt: 'ASC', id: 'ASC' });
  }
}
