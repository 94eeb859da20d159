import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind } from '../notifications/notification-kind.enum';
import { NotificationsService } from '../notifications/notifications.service';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const SWEEP_BATCH = 500;

/**
 * Tells each owner about their overdue commitments, once per commitment (the dedupe key),
 * so it is safe to run as often as a scheduler likes. GAP: no job calls it yet; it needs a
 * JobName and a schedule in src/jobs (shared files).
 */
@Injectable()
export class CommitmentOverdueSweepService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Returns how many new notifications were raised. */
  async run(): Promise<number> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const rows: { id: string; owner_user_id: string; description: string; due_on: string; stakeholder: string }[] = await manager.query(
        `SELECT c.id, c.owner_user_id, c.description, c.due_on::text AS due_on, s.name AS stakeholder
           FROM commitments c JOIN stakeholders s ON s.id = c.stakeholder_id
          WHERE c.party = 'OURS' AND c.status = 'OPEN' AND c.due_on < (now() AT TIME ZONE 'UTC')::date
            AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = 'commitment-overdue:' || c.id::text)
          ORDER BY c.due_on, c.id LIMIT ${SWEEP_BATCH}`,
      );
      let raised = 0;
      for (const row of rows) {
        const created = await this.notifications.notify(manager, {
          userId: row.owner_user_id,
          kind: NotificationKind.COMMITMENT_OVERDUE,
          title: `Overdue commitment to ${row.stakeholder}`,
          body: `Due ${row.due_on}: ${row.description}`,
          recordType: 'COMMITMENT',
          recordId: row.id,
          dedupeKey: `commitment-overdue:${row.id}`,
        });
        if (created) raised += 1;
      }
      return raised;
    });
  }
}
