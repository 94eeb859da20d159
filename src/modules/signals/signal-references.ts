import { EntityManager } from 'typeorm';

export interface CaseReference {
  id: string;
  ownerId: string;
  stakeholderId: string;
  status: string;
  /** When its current status began: a status change (a churn) cannot be dated before it. */
  statusChangedAt: Date;
  crisisStartedAt: Date;
}

export interface StakeholderReference {
  id: string;
  name: string;
  ownerId: string | null;
  baselineCurrency: string | null;
  caseOwnerIds: string[];
}

/**
 * The rows a batch of signals points at, read in one statement each and share-locked, so
 * that no case or stakeholder changes owner between the checks and the insert.
 */
export async function loadCases(manager: EntityManager, ids: string[], lock: 'SHARE' | 'UPDATE' = 'SHARE'): Promise<Map<string, CaseReference>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; owner_id: string; stakeholder_id: string; status: string; status_changed_at: Date; crisis_started_at: Date }[] = await manager.query(
    `SELECT rc.id, rc.owner_id, rc.stakeholder_id, rc.status, rc.status_changed_at, coalesce(c.started_at, c.detected_at) AS crisis_started_at
       FROM recovery_cases rc JOIN crises c ON c.id = rc.crisis_id
      WHERE rc.id = ANY($1::uuid[])
      ORDER BY rc.id
        FOR ${lock} OF rc`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, ownerId: r.owner_id, stakeholderId: r.stakeholder_id, status: r.status, statusChangedAt: r.status_changed_at, crisisStartedAt: r.crisis_started_at }]),
  );
}

export async function loadStakeholders(manager: EntityManager, ids: string[]): Promise<Map<string, StakeholderReference>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string; owner_id: string | null; baseline_currency: string | null; case_owner_ids: string[] }[] =
    await manager.query(
      `SELECT s.id, s.name, s.owner_id, s.baseline_currency,
              coalesce((SELECT array_agg(DISTINCT rc.owner_id) FROM recovery_cases rc WHERE rc.stakeholder_id = s.id), '{}') AS case_owner_ids
         FROM stakeholders s
        WHERE s.id = ANY($1::uuid[])
        ORDER BY s.id
          FOR SHARE OF s`,
      [[...new Set(ids)]],
    );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, ownerId: r.owner_id, baselineCurrency: r.baseline_currency, caseOwnerIds: r.case_owner_ids }]),
  );
}

/** contact id -> its stakeholder id. */
export async function loadContactStakeholders(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; stakeholder_id: string }[] = await manager.query(
    `SELECT id, stakeholder_id FROM contacts WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.stakeholder_id]));
}
