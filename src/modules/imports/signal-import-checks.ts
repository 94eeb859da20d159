import type { QueryRunner } from 'typeorm';
import { SIGNAL_SCOPE } from '../signals/signal-rules';
import { UserRole } from '../users/user-role.enum';
import { OK, reject } from './stakeholder-import-checks';

/**
 * Set-based steps the REVENUE and SURVEYS imports share, over a staging table that has the
 * columns external_ref, stakeholder_id, stakeholder_name and stakeholder_owner_id.
 */

/**
 * Finds each row's stakeholder by external_ref, share-locked (as the signal mutations lock
 * them) so no stakeholder changes owner or baseline between these checks and the merge, and
 * rejects the rows whose external_ref Regain does not know. `extraSets` may read st (the
 * stakeholder row) and take `params` from $1.
 */
export async function lockAndResolveStakeholders(runner: QueryRunner, stage: string, extraSets = '', params: unknown[] = []): Promise<void> {
  await runner.query(
    `UPDATE ${stage} s SET stakeholder_id = st.id, stakeholder_name = st.name, stakeholder_owner_id = st.owner_id${extraSets ? `, ${extraSets}` : ''}
     FROM (SELECT id, external_ref, name, owner_id, baseline_currency FROM stakeholders
           WHERE external_ref IN (SELECT external_ref FROM ${stage} WHERE error_reason IS NULL) ORDER BY id FOR SHARE) st
     WHERE st.external_ref = s.external_ref AND ${OK}`,
    params,
  );
  await reject(
    runner,
    stage,
    `'external_ref'`,
    `format('external_ref %s is not a stakeholder in Regain; import it first (an import of kind STAKEHOLDERS)', s.external_ref)`,
    '',
    `s.stakeholder_id IS NULL`,
  );
}

/**
 * SIGNAL_SCOPE in SQL, over a staged row and the actor's id as $1: null when the role may record
 * on any row, else the condition of the rows it may not. The same rule as canRecordOnStakeholder
 * (its owner, or the owner of one of its cases) and canRecordOnCase (the case's owner).
 */
export function outOfScopeSql(role: UserRole, on: 'stakeholder' | 'case'): string | null {
  const scope = SIGNAL_SCOPE[role];
  if (scope === 'ANY') return null;
  // Every row; still reads $1, so the statement's parameters keep their types.
  if (scope === 'NONE') return '$1::uuid IS NOT NULL';
  return on === 'case'
    ? `s.case_owner_id IS DISTINCT FROM $1`
    : `s.stakeholder_owner_id IS DISTINCT FROM $1
       AND NOT EXISTS (SELECT 1 FROM recovery_cases rc WHERE rc.stakeholder_id = s.stakeholder_id AND rc.owner_id = $1)`;
}

/**
 * Rejects every accepted row whose key an earlier accepted line already has; `reason` may read
 * f.line (that earlier line). Nullable key columns compare null as equal (through coalesce, so
 * the join can still hash).
 */
export async function rejectLaterDuplicates(
  runner: QueryRunner,
  stage: string,
  keys: readonly string[],
  column: string,
  reason: string,
  params: unknown[] = [],
  nullable: readonly string[] = [],
): Promise<void> {
  const key = (alias: string, k: string) => (nullable.includes(k) ? `coalesce(${alias}${k}::text, '')` : `${alias}${k}`);
  const distinct = keys.map((k) => key('', k)).join(', ');
  await reject(
    runner,
    stage,
    column,
    reason,
    `(SELECT DISTINCT ON (${distinct}) line, ${keys.join(', ')} FROM ${stage} WHERE error_reason IS NULL ORDER BY ${distinct}, line) f`,
    `${keys.map((k) => `${key('s.', k)} = ${key('f.', k)}`).join(' AND ')} AND s.line > f.line`,
    params,
  );
}
