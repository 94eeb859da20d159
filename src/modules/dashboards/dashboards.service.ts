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
  /**
   * Crises this process has seen exist. Nothing deletes a crisis (no mutation does, and its
   * cases, templates and phase history reference it), so an id, once seen, stays valid and a
   * dashboard opened again on it needs no statement of its own before its sections'.
   */
  private readonly knownCrises = new Set<string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(actor: AuthUser, crisisIds: readonly string[], filter: DashboardFilterInput | null | undefined): Promise<CrisisDashboardModel[]> {
    const scopes = crisisIds.map((id) => dashboardScope(actor, id, filter));
    const unknown = crisisIds.filter((id) => !this.knownCrises.has(id));
    if (unknown.length > 0) {
      const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM crises WHERE id = ANY(CAST($1 AS uuid[]))`, [unknown]);
      for (const { id } of rows) this.knownCrises.add(id);
      const missing = unknown.find((id) => !this.knownCrises.has(id));
      if (missing !== undefined) throw AppException.notFound('Crisis', missing);
    }
    return scopes.map((scope) => Object.assign(new CrisisDashboardModel(), { crisisId: scope.crisisId, scope }));
  }
}
