import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { CommitmentKpiMeasurementEntity } from './commitment-kpi-measurement.entity';
import { CommitmentParty, CommitmentStatus } from './commitment.enums';
import { CommitmentEntity } from './commitment.entity';
import { PromiseKeptRateArgs } from './dto/promise-kept-rate.args';
import { PromiseKeptRateModel } from './promise-kept-rate.model';

/**
 * The numerator and denominator of the promise-kept rate over commitments `c` (ours only).
 * Due: ours whose due date (UTC) has passed, or already done. Kept: done on or before the
 * due date. A dropped promise past its date is due and not kept.
 */
export const PROMISE_KEPT_SQL = `count(*) FILTER (WHERE c.status = 'DONE' AND (c.status_changed_at AT TIME ZONE 'UTC')::date <= c.due_on)::int`;
/** The denominator of the promise-kept rate over commitments `c`, to be combined with `c.party = 'OURS'`. Shared with the dashboards. */
export const PROMISE_DUE_SQL = `count(*) FILTER (WHERE c.due_on < (now() AT TIME ZONE 'UTC')::date OR c.status = 'DONE')::int`;

const RATE_SQL = `
  SELECT ${PROMISE_KEPT_SQL} AS kept, ${PROMISE_DUE_SQL} AS due
    FROM commitments c LEFT JOIN recovery_cases rc ON rc.id = c.case_id
   WHERE c.party = 'OURS'`;

@Injectable()
export class CommitmentQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<CommitmentEntity> {
    const found = await this.dataSource.getRepository(CommitmentEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('Commitment', id);
    return found;
  }

  async promiseKeptRate(args: PromiseKeptRateArgs): Promise<PromiseKeptRateModel> {
    const scopes = (
      [
        ['c.case_id', args.caseId],
        ['c.stakeholder_id', args.stakeholderId],
        ['rc.crisis_id', args.crisisId],
      ] as const
    ).filter(([, v]) => !!v);
    if (scopes.length !== 1) {
      throw AppException.badInput('Give exactly one of caseId, stakeholderId or crisisId', { fields: ['caseId', 'stakeholderId', 'crisisId'] });
    }
    const [[column, value]] = scopes;
    const [row] = await this.dataSource.query(`${RATE_SQL} AND ${column} = $1`, [value]);
    return { kept: row.kept, due: row.due, rate: row.due ? row.kept / row.due : null };
  }

  /** Whole plan of a stakeholder, earliest due first. */
  listForStakeholder(stakeholderId: string, statuses?: CommitmentStatus[]): Promise<CommitmentEntity[]> {
    return this.dataSource.getRepository(CommitmentEntity).find({
      where: { stakeholderId, ...(statuses ? { status: In(statuses) } : {}) },
      order: { dueOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Ours, still open, with the due date before today (UTC): what the owner must chase today. */
  overdueOwnedBy(userId: string | null): Promise<CommitmentEntity[]> {
    const query = this.dataSource
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .where('c.party = :party AND c.status = :status', { party: CommitmentParty.OURS, status: CommitmentStatus.OPEN })
      .andWhere(`c.due_on < (now() AT TIME ZONE 'UTC')::date`)
      .orderBy('c.due_on', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (userId) query.andWhere('c.owner_user_id = :userId', { userId });
    return query.getMany();
  }

  async measurementsOf(commitmentIds: readonly string[]): Promise<Map<string, CommitmentKpiMeasurementEntity[]>> {
    const rows = commitmentIds.length
      ? await this.dataSource
          .getRepository(CommitmentKpiMeasurementEntity)
          .find({ where: { commitmentId: In([...commitmentIds]) }, order: { measuredAt: 'ASC', id: 'ASC' } })
      : [];
    const map = new Map<string, CommitmentKpiMeasurementEntity[]>(commitmentIds.map((id) => [id, []]));
    for (const r of rows) map.get(r.commitmentId)?.push(r);
    return map;
  }
}
