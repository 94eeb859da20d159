import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { Connection } from '../../common/pagination/connection.model';
import { paginate, SortKey } from '../../common/pagination/keyset';
import { PageArgs } from '../../common/pagination/page.args';
import { MyCasesArgs } from './dto/my-cases.args';
import { RecoveryCasesArgs } from './dto/recovery-cases.args';
import { RecoveryCaseEntity } from './recovery-case.entity';

/** Most urgent first (the case_priority enum is declared in that order), then oldest, then id. */
const CASE_ORDER: SortKey[] = [
  { expression: 'c.priority', type: 'case_priority' },
  { expression: 'c.created_at', type: 'timestamptz' },
  { expression: 'c.id', type: 'uuid' },
];

@Injectable()
export class CaseQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<RecoveryCaseEntity> {
    const found = await this.dataSource.getRepository(RecoveryCaseEntity).findOneBy({ id });
    if (!found) throw AppException.notFound('Recovery case', id);
    return found;
  }

  list(args: RecoveryCasesArgs): Promise<Connection<RecoveryCaseEntity>> {
    const query = this.query();
    if (args.crisisId) query.andWhere('c.crisis_id = :crisisId', { crisisId: args.crisisId });
    if (args.ownerId) query.andWhere('c.owner_id = :ownerId', { ownerId: args.ownerId });
    this.filterByStatus(query, args.status);
    if (args.impact) {
      query.andWhere('c.impact = ANY(CAST(:impacts AS impact_level[]))', { impacts: args.impact });
    }
    if (args.stakeholderKind) {
      // EXISTS keeps the page a single SELECT of cases, whatever the stakeholder filter.
      query.andWhere('EXISTS (SELECT 1 FROM stakeholders s WHERE s.id = c.stakeholder_id AND s.kind = :kind)', {
        kind: args.stakeholderKind,
      });
    }
    return this.page(query, args);
  }

  listOwnedBy(ownerId: string, args: MyCasesArgs): Promise<Connection<RecoveryCaseEntity>> {
    const query = this.query().where('c.owner_id = :ownerId', { ownerId });
    this.filterByStatus(query, args.status);
    return this.page(query, args);
  }

  private query(): SelectQueryBuilder<RecoveryCaseEntity> {
    return this.dataSource.getRepository(RecoveryCaseEntity).createQueryBuilder('c');
  }

  private filterByStatus(query: SelectQueryBuilder<RecoveryCaseEntity>, statuses: string[] | null | undefined): void {
    if (statuses) query.andWhere('c.status = ANY(CAST(:statuses AS case_status[]))', { statuses });
  }

  private page(query: SelectQueryBuilder<RecoveryCaseEntity>, page: PageArgs): Promise<Connection<RecoveryCaseEntity>> {
    return paginate(query, CASE_ORDER, 'ASC', page, (row) => row);
  }
}
