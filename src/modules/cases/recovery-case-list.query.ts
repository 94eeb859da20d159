import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { CaseStatus, ImpactLevel } from './case.enums';
import { RecoveryCaseEntity } from './recovery-case.entity';

export interface RecoveryCaseFilters {
  status?: CaseStatus[] | null;
  crisisId?: string | null;
  impact?: ImpactLevel[] | null;
  ownerId?: string | null;
  stakeholderKind?: StakeholderKind | null;
}

/**
 * The filtered case query (cases as `c`) behind the `recoveryCases` and `myCases` lists; the CSV export of
 * cases runs this same builder, so both select the same cases for the same filters.
 */
export function recoveryCaseListQuery(manager: EntityManager, filters: RecoveryCaseFilters): SelectQueryBuilder<RecoveryCaseEntity> {
  const query = manager.createQueryBuilder(RecoveryCaseEntity, 'c');
  if (filters.crisisId) query.andWhere('c.crisis_id = :crisisId', { crisisId: filters.crisisId });
  if (filters.ownerId) query.andWhere('c.owner_id = :ownerId', { ownerId: filters.ownerId });
  if (filters.status) query.andWhere('c.status = ANY(CAST(:statuses AS case_status[]))', { statuses: filters.status });
  if (filters.impact) {
    query.andWhere('c.impact = ANY(CAST(:impacts AS impact_level[]))', { impacts: filters.impact });
  }
  if (filters.stakeholderKind) {
    // EXISTS keeps the page a single SELECT of cases, whatever the stakeholder filter.
    query.andWhere('EXISTS (SELECT 1 FROM stakeholders s WHERE s.id = c.stakeholder_id AND s.kind = :kind)', {
      kind: filters.stakeholderKind,
    });
  }
  return query;
}
