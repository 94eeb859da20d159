import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { UserEntity } from '../users/user.entity';
import { mergeRanges, suggestSlots, TimeRange } from './business-slots';
import { FreeBusyArgs } from './dto/free-busy.args';
import { MeetingsArgs } from './dto/meetings.args';
import { MeetingEntity } from './meeting.entity';

const MAX_WINDOW_DAYS = 31;

export interface FreeBusyResult {
  users: { user: UserEntity; busy: TimeRange[] }[];
  suggestedSlots: TimeRange[];
}

@Injectable()
export class MeetingQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<MeetingEntity> {
    const found = await this.dataSource.getRepository(MeetingEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('Meeting', id);
    return found;
  }

  list(args: MeetingsArgs): Promise<Connection<MeetingEntity>> {
    const query = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m');
    if (args.stakeholderId) query.andWhere('m.stakeholder_id = :stakeholderId', { stakeholderId: args.stakeholderId });
    if (args.caseId) query.andWhere('m.case_id = :caseId', { caseId: args.caseId });
    if (args.status) query.andWhere('m.status = ANY(CAST(:statuses AS meeting_status[]))', { statuses: args.status });
    if (args.attendeeId) {
      query.andWhere('EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id = :attendeeId)', {
        attendeeId: args.attendeeId,
      });
    }
    return paginate(
      query,
      [
        { expression: 'm.starts_at', type: 'timestamptz' },
        { expression: 'm.id', type: 'uuid' },
      ],
      'ASC',
      args,
      (row) => row,
    );
  }

  /** Busy time is every live booking (scheduled or completed meetings) overlapping the window. */
  async freeBusy(args: FreeBusyArgs): Promise<FreeBusyResult> {
    const span = args.to.getTime() - args.from.getTime();
    if (span <= 0 || span > MAX_WINDOW_DAYS * 86_400_000) {
      throw AppException.badInput(`to must be after from, and at most ${MAX_WINDOW_DAYS} days later`, { fields: ['from', 'to'] });
    }
    const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In(args.userIds) });
    const unknown = args.userIds.filter((id) => !users.some((u) => u.id === id));
    if (unknown.length) {
      throw AppException.badInput(`userIds: no user with id ${unknown.join(', ')}`, { fields: ['userIds'], unknownUserIds: unknown });
    }
    const rows: { user_id: string; starts_at: Date; ends_at: Date }[] = await this.dataSource.query(
      `SELECT user_id, lower(during) AS starts_at, upper(during) AS ends_at
         FROM meeting_attendees
        WHERE active AND user_id = ANY($1::uuid[]) AND during && tstzrange($2, $3)
        ORDER BY lower(during)`,
      [args.userIds, args.from, args.to],
    );
    const window = { start: args.from, end: args.to };
    const all = rows.map((r) => ({ userId: r.user_id, start: r.starts_at, end: r.ends_at }));
    return {
      users: args.userIds.map((id) => ({
        user: users.find((u) => u.id === id) as UserEntity,
        busy: mergeRanges(all.filter((r) => r.userId === id)),
      })),
      suggestedSlots: suggestSlots({
        window,
        timeZone: args.timeZone,
        durationMinutes: args.durationMinutes,
        count: args.slotCount,
        busy: all,
      }),
    };
  }
}
