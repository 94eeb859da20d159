import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '../../common/clock/clock';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { Connection } from '../../common/pagination/connection.model';
import { paginate } from '../../common/pagination/keyset';
import { PageArgs } from '../../common/pagination/page.args';
import { NotificationKind } from './notification-kind.enum';
import { NotificationEntity } from './notification.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  recordType?: string | null;
  recordId?: string | null;
  /** Same key, one notification: a sweep or a retried job may call notify again safely. */
  dedupeKey?: string | null;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds a notification inside the caller's transaction. Idempotent on dedupeKey
   * (INSERT … ON CONFLICT DO NOTHING); returns false when the key was already used.
   */
  async notify(manager: EntityManager, input: NotifyInput): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        userId: input.userId,
        kind: input.kind,
        title: input.title.slice(0, 200),
        body: (input.body ?? '').slice(0, 5000),
        recordType: input.recordType ?? null,
        recordId: input.recordId ?? null,
        dedupeKey: input.dedupeKey ?? null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  /** Newest first. */
  listFor(userId: string, unreadOnly: boolean, page: PageArgs): Promise<Connection<NotificationEntity>> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId });
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    return paginate(
      query,
      [
        { expression: 'n.created_at', type: 'timestamptz' },
        { expression: 'n.id', type: 'uuid' },
      ],
      'DESC',
      page,
      (row) => row,
    );
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n')
      .where('n.user_id = :userId AND n.read_at IS NULL', { userId })
      .getCount();
  }

  /** All or nothing: an id that is not one of the user's own notifications refuses the whole call. */
  async markRead(userId: string, ids: string[]): Promise<NotificationEntity[]> {
    const unique = [...new Set(ids)];
    return withTransactionRetry(this.dataSource, async (manager) => {
      const { raw: own } = (await manager
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ readAt: () => 'COALESCE(read_at, :now::timestamptz)' })
        .where('user_id = :userId AND id = ANY(:ids)', { userId, ids: unique, now: this.clock.now() })
        .returning(['id'])
        .execute()) as { raw: { id: string }[] };
      if (own.length !== unique.length) {
        const found = new Set(own.map((r) => r.id));
        const missing = unique.find((id) => !found.has(id)) as string;
        // Other users' notifications are reported as missing, so their existence does not leak.
        throw AppException.notFound('Notification', missing);
      }
      return manager.getRepository(NotificationEntity).createQueryBuilder('n')
        .where('n.id = ANY(:ids)', { ids: unique })
        .orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC')
        .getMany();
    });
  }

  /** Returns how many were unread. */
  async markAllRead(userId: string): Promise<number> {
    const { raw: rows } = (await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: this.clock.now() })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .returning(['id'])
      .execute()) as { raw: unknown[] };
    return rows.length;
  }
}
