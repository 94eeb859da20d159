import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { ContactEntity } from './contact.entity';
import { CreateContactInput } from './dto/create-contact.input';
import { UpdateContactInput } from './dto/update-contact.input';
import { assertCanEdit, lockStakeholder } from './stakeholder-access';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const UPDATABLE_FIELDS = ['name', 'title', 'email', 'phone', 'preferredChannel', 'isExecutive'] as const;

/**
 * Contacts are edited by whoever may edit their stakeholder. The stakeholder row is
 * share-locked so that a concurrent reassignment cannot slip between the check and the write.
 */
@Injectable()
export class ContactsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(actor: AuthUser, stakeholderId: string, input: CreateContactInput): Promise<ContactEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const stakeholder = await lockStakeholder(manager, stakeholderId, 'pessimistic_read');
      await assertCanEdit(manager, actor, stakeholder);
      return manager.save(
        manager.create(ContactEntity, {
          stakeholderId,
          name: input.name,
          title: input.title ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          preferredChannel: input.preferredChannel ?? null,
          isExecutive: input.isExecutive,
        }),
      );
    });
  }

  async update(actor: AuthUser, id: string, input: UpdateContactInput): Promise<ContactEntity> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const found = await manager.findOneBy(ContactEntity, { id });
      if (!found) throw AppException.notFound('Contact', id);
      // Stakeholder first, then contact: the same lock order as adding one.
      const stakeholder = await lockStakeholder(manager, found.stakeholderId, 'pessimistic_read');
      await assertCanEdit(manager, actor, stakeholder);
      const contact = await manager.findOneOrFail(ContactEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      for (const field of UPDATABLE_FIELDS) {
        if (input[field] !== undefined) Object.assign(contact, { [field]: input[field] });
      }
      return manager.save(contact);
    });
  }
}
