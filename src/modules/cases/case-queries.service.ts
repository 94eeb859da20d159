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
import { recoveryCaseListQuery } from './recovery-case-list.query';

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
    return this.page(recoveryCaseListQuery(this.dataSource.manager, args), args);
  }

  listOwnedBy(ownerId: string, args: MyCasesArgs): Promise<Connection<RecoveryCaseEntity>> {
    return this.page(recoveryCaseListQuery(this.dataSource.manager, { ownerId, status: args.status }), args);
  }

  private page(query: SelectQueryBuilder<RecoveryCaseEntity>, page: PageArgs): Promise<Connection<RecoveryCaseEntity>> {
    return paginate(query, CASE_ORDER, 'ASC', page, (row) => row);
  }
}
