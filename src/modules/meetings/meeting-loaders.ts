import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { RecoveryCaseEntity } from '../cases/recovery-case.entity';
import { GraphqlContext } from '../../common/graphql/graphql-context';
import { ContactEntity } from '../stakeholders/contact.entity';
import { UserEntity } from '../users/user.entity';
import { MeetingRescheduleEntity } from './meeting-reschedule.entity';

function grouped<T>(ids: readonly string[], rows: { key: string; row: T }[]): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const { key, row } of rows) groups.get(key)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/** Per-request batch loaders for a meeting's people and history (one query per relation per page). */
export class MeetingLoaders {
  readonly usersByMeetingId: DataLoader<string, UserEntity[]>;
  readonly contactsByMeetingId: DataLoader<string, ContactEntity[]>;
  readonly reschedulesByMeetingId: DataLoader<string, MeetingRescheduleEntity[]>;
  readonly caseById: DataLoader<string, RecoveryCaseEntity | null>;

  constructor(ds: DataSource) {
    this.usersByMeetingId = new DataLoader(async (ids) => {
      const rows = await ds
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .innerJoin('meeting_attendees', 'a', 'a.user_id = u.id')
        .addSelect('a.meeting_id', 'meeting_id')
        .where('a.meeting_id IN (:...ids)', { ids })
        .orderBy('u.name')
        .addOrderBy('u.id')
        .getRawAndEntities();
      return grouped(ids, rows.entities.map((row, i) => ({ key: rows.raw[i].meeting_id as string, row })));
    });
    this.contactsByMeetingId = new DataLoader(async (ids) => {
      const rows = await ds
        .getRepository(ContactEntity)
        .createQueryBuilder('c')
        .innerJoin('meeting_contacts', 'mc', 'mc.contact_id = c.id')
        .addSelect('mc.meeting_id', 'meeting_id')
        .where('mc.meeting_id IN (:...ids)', { ids })
        .orderBy('c.name')
        .addOrderBy('c.id')
        .getRawAndEntities();
      return grouped(ids, rows.entities.map((row, i) => ({ key: rows.raw[i].meeting_id as string, row })));
    });
    this.reschedulesByMeetingId = new DataLoader(async (ids) => {
      const rows = await ds.getRepository(MeetingRescheduleEntity).find({ where: { meetingId: In([...ids]) }, order: { id: 'ASC' } });
      return grouped(ids, rows.map((row) => ({ key: row.meetingId, row })));
    });
    this.caseById = new DataLoader(async (ids) => {
      const rows = await ds.getRepository(RecoveryCaseEntity).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
  }
}

const perRequest = new WeakMap<GraphqlContext, MeetingLoaders>();

/** Kept beside the request's context, so the shared Loaders class needs no meeting-specific entries. */
export function meetingLoaders(ctx: GraphqlContext, ds: DataSource): MeetingLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = new MeetingLoaders(ds);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
