import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { dashboardScope } from './dashboard-scope';
import { DashboardFilterInput } from './dto/dashboard-filter.input';
import { CrisisDashboardModel } from './models/crisis-dashboard.model';

/** Opens dashboards: checks the crises exist and fixes each one's scope for the acting user. */
@Injectable()
export class DashboardsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(actor: AuthUser, crisisIds: readonly string[], filter: DashboardFilterInput | null | undefined): Promise<CrisisDashboardModel[]> {
    const scopes = crisisIds.map((id) => dashboardScope(actor, id, filter));
    const rows: { id: string; title: string }[] = await this.dataSource.query(
      `SELECT id, title FROM crises WHERE id = ANY(CAST($1 AS uuid[]))`,
      [crisisIds],
    );
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    return scopes.map((scope) => {
      const title = titles.get(scope.crisisId);
      if (title === undefined) throw AppException.notFound('Crisis', scope.crisisId);
      return Object.assign(new CrisisDashboardModel(), { crisisId: scope.crisisId, crisisTitle: title, scope });
    });
  }
}
