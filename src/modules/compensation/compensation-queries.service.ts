import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { Connection } from '../../common/pagination/connection.model';
import { paginate, SortKey } from '../../common/pagination/keyset';
import { PageArgs } from '../../common/pagination/page.args';
import { UserRole } from '../users/user-role.enum';
import { ApprovalPolicyService } from './approval-policy.service';
import { COMMITTED_STATUSES } from './compensation-approvals.service';
import { CompensationStatus } from './compensation.enums';
import { CompensationEntity } from './compensation.entity';
import { CompensationsArgs } from './dto/compensations.args';

const OLDEST_FIRST: SortKey[] = [
  { expression: 'c.proposed_at', type: 'timestamptz' },
  { expression: 'c.id', type: 'uuid' },
];

@Injectable()
export class CompensationQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: ApprovalPolicyService,
  ) {}

  async findById(id: string): Promise<CompensationEntity> {
    const found = await this.dataSource.getRepository(CompensationEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('Compensation', id);
    return found;
  }

  list(args: CompensationsArgs): Promise<Connection<CompensationEntity>> {
    const query = this.query();
    if (args.caseId) query.andWhere('c.case_id = :caseId', { caseId: args.caseId });
    if (args.kind) query.andWhere('c.kind = ANY(CAST(:kinds AS compensation_kind[]))', { kinds: args.kind });
    if (args.status) query.andWhere('c.status = ANY(CAST(:statuses AS compensation_status[]))', { statuses: args.status });
    if (args.crisisId || args.stakeholderKind || args.segment) {
      // EXISTS keeps the page a single SELECT of compensations, whatever the filters.
      const conditions = ['rc.id = c.case_id'];
      if (args.crisisId) conditions.push('rc.crisis_id = :crisisId');
      if (args.stakeholderKind) conditions.push('s.kind = :stakeholderKind');
      if (args.segment) conditions.push('s.segment = :segment');
      query.andWhere(
        `EXISTS (SELECT 1 FROM recovery_cases rc JOIN stakeholders s ON s.id = rc.stakeholder_id WHERE ${conditions.join(' AND ')})`,
        { crisisId: args.crisisId, stakeholderKind: args.stakeholderKind, segment: args.segment },
      );
    }
    return paginate(query, OLDEST_FIRST, 'ASC', args, (row) => row);
  }

  /**
   * The proposals the approver may approve, oldest first: the same rules as decideApproval
   * (not their own, within their limit for the currency, extension months, fairness), as SQL
   * so that the page and its count are exact. Leadership sees proposals beyond the fairness
   * ratio too, since they may approve them with a justification.
   */
  async approvalQueue(approver: AuthUser, page: PageArgs): Promise<Connection<CompensationEntity>> {
    const { settings } = await this.policies.load();
    const query = this.query()
      .where('c.status = :proposed', { proposed: CompensationStatus.PROPOSED })
      .andWhere('c.proposed_by_id <> :approverId', { approverId: approver.id })
      .andWhere(
        `EXISTS (SELECT 1 FROM compensation_approval_limits l
           WHERE l.role = :role
             AND (l.currency = c.currency OR (l.currency IS NULL AND NOT EXISTS (
               SELECT 1 FROM compensation_approval_limits own WHERE own.role = :role AND own.currency = c.currency)))
             AND (l.limit_minor IS NULL OR c.value_minor <= l.limit_minor))`,
        { role: approver.role },
      );
    if (approver.role !== UserRole.LEADERSHIP) {
      query
        .andWhere('(c.extension_months IS NULL OR c.extension_months <= :monthsAbove)', {
          monthsAbove: settings.leadershipExtensionMonthsAbove,
        })
        .andWhere(
          `(c.value_minor::numeric + (SELECT coalesce(sum(o.value_minor), 0) FROM compensations o
              WHERE o.case_id = c.case_id AND o.status = ANY(CAST(:committed AS compensation_status[])))) * 1000
            <= (SELECT rc.estimated_loss_minor::numeric FROM recovery_cases rc WHERE rc.id = c.case_id) * :permille`,
          { committed: COMMITTED_STATUSES, permille: settings.fairnessRatioPermille },
        );
    }
    return paginate(query, OLDEST_FIRST, 'ASC', page, (row) => row);
  }

  private query(): SelectQueryBuilder<CompensationEntity> {
    return this.dataSource.getRepository(CompensationEntity).createQueryBuilder('c');
  }
}
