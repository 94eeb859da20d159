import type { QueryRunner } from 'typeorm';
import { CASE_OWNER_ROLE } from '../cases/case-owner-rule';
import { StakeholderKind } from '../stakeholders/stakeholder.enums';
import { UserRole } from '../users/user-role.enum';
import { ImportContext } from './import-profile';
import { DuplicateMode } from './import.enums';
import { changedSql, CONTACT_UPDATABLE, STAKEHOLDER_UPDATABLE } from './stakeholder-import-sql';

/**
 * The set-based steps of a stakeholder import's checks, over its staging table: marking rows
 * rejected, resolving case owners, marking what decides the merge's actions for stakeholders
 * that exist, and the fingerprint of what they read.
 */

export const OK = 's.error_reason IS NULL';
export const roleFor = (table: Readonly<Record<StakeholderKind, UserRole>>, kind: string) =>
  `CASE ${kind} WHEN 'CUSTOMER' THEN '${table[StakeholderKind.CUSTOMER]}' ELSE '${table[StakeholderKind.PARTNER]}' END`;

/** Marks the matching accepted rows rejected; `column` and `reason` are SQL expressions over s (and `from`). */
export async function reject(runner: QueryRunner, stage: string, column: string, reason: string, from: string, where: string, params: unknown[] = []): Promise<void> {
  await runner.query(
    `UPDATE ${stage} s SET error_column = ${column}, error_reason = left(${reason}, 1000) ${from ? `FROM ${from}` : ''} WHERE ${OK} AND ${where}`,
    params,
  );
}

/**
 * Which rows open a case, and who owns it: case_owner_email (looked up while parsing, see
 * ownerLookup), else the round-robin team, else the stakeholder's owner.
 */
export async function checkCases(runner: QueryRunner, ctx: ImportContext): Promise<void> {
  const caseRole = roleFor(CASE_OWNER_ROLE, 's.kind');
  const needsOwner = `${OK} AND NOT s.case_exists AND s.case_owner_id IS NULL`;
  await runner.query(
    `UPDATE ${ctx.stage} s SET case_exists = true FROM recovery_cases rc
     WHERE rc.crisis_id = $1 AND rc.stakeholder_id = s.stakeholder_id AND ${OK}`,
    [ctx.crisisId],
  );
  await reject(runner, ctx.stage, `'case_owner_email'`, 's.case_owner_problem', '', `NOT s.case_exists AND s.case_owner_problem IS NOT NULL`);
  if (ctx.caseOwnerTeamIds.length > 0) {
    // Round-robin per kind over the team members who may own that kind's cases, in the team's order.
    await runner.query(
      `WITH refs AS (
         SELECT DISTINCT ON (s.external_ref) s.external_ref, s.kind, s.line FROM ${ctx.stage} s WHERE ${needsOwner}
         ORDER BY s.external_ref, s.line),
       numbered AS (SELECT external_ref, kind, row_number() OVER (PARTITION BY kind ORDER BY line) AS n FROM refs),
       team AS (
         SELECT u.role::text AS role, array_agg(u.id ORDER BY t.ord) AS ids
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord) JOIN users u ON u.id = t.id WHERE u.is_active GROUP BY u.role),
       picked AS (
         SELECT n.external_ref, team.ids[((n.n - 1) % array_length(team.ids, 1)) + 1] AS owner_id
         FROM numbered n JOIN team ON team.role = ${roleFor(CASE_OWNER_ROLE, 'n.kind')})
       UPDATE ${ctx.stage} s SET case_owner_id = p.owner_id FROM picked p WHERE s.external_ref = p.external_ref AND ${needsOwner}`,
      [ctx.caseOwnerTeamIds],
    );
  }
  await runner.query(
    `UPDATE ${ctx.stage} s SET case_owner_id = u.id FROM users u
     WHERE u.id = coalesce(s.owner_id, s.existing_owner_id) AND u.is_active AND u.role::text = ${caseRole} AND ${needsOwner}`,
  );
  await reject(
    runner,
    ctx.stage,
    `'case_owner_email'`,
    `format('no one to own the case: give case_owner_email or a round-robin team in the import options (a %s case is owned by an active %s)', s.kind, ${caseRole})`,
    '',
    `NOT s.case_exists AND s.case_owner_id IS NULL`,
  );
}

/**
 * A digest of every row checkInDatabase reads: all users (owners, case owners and the team are
 * looked up among them, and the actor's role is one of them), the stakeholders with the staged
 * external refs, their contacts and, when cases are opened, their cases in the crisis. Each by
 * id and xmin, which every UPDATE changes; a new or deleted row changes the set (and so, but
 * for a chance of about 2^-64, the set's count and sum of hashes).
 */
export async function checksFingerprint(runner: QueryRunner, ctx: ImportContext): Promise<string> {
  // A count and a sum of 64-bit hashes per set: constant memory for any number of rows.
  const versions = (sql: string) =>
    `(SELECT count(*) || ':' || coalesce(sum(hashtextextended(v.id::text || ':' || v.xmin::text, 0)::numeric), 0) FROM (${sql}) v)`;
  const known = `SELECT st.id, st.xmin FROM stakeholders st WHERE st.external_ref IN (SELECT external_ref FROM ${ctx.stage})`;
  const cases = ctx.crisisId === null ? `''` : versions(`SELECT rc.id, rc.xmin FROM recovery_cases rc WHERE rc.crisis_id = $1 AND rc.stakeholder_id IN (SELECT id FROM known)`);
  const [{ digest }] = await runner.query(
    `WITH known AS MATERIALIZED (${known})
     SELECT md5(concat_ws('|', ${versions('SELECT id, xmin FROM users')}, ${versions('SELECT id, xmin FROM known')},
       ${versions('SELECT c.id, c.xmin FROM contacts c WHERE c.stakeholder_id IN (SELECT id FROM known)')}, ${cases})) AS digest`,
    ctx.crisisId === null ? [] : [ctx.crisisId],
  );
  return digest as string;
}

/**
 * What decides the merge's action for rows of stakeholders that exist (see mergeActions): the
 * contact each row matches, and whether the mapped values differ from the stored ones. New
 * stakeholders, the common case, need no mark; SKIP needs none at all.
 */
export async function classify(runner: QueryRunner, ctx: ImportContext): Promise<void> {
  if (ctx.duplicateMode === DuplicateMode.SKIP) return;
  const mapped = ctx.mappedColumns;
  await runner.query(
    `UPDATE ${ctx.stage} s SET contact_id = c.id
     FROM (SELECT DISTINCT ON (stakeholder_id, key) id, stakeholder_id, key FROM (
             SELECT id, stakeholder_id, CASE WHEN email IS NOT NULL THEN 'e:' || lower(email) ELSE 'n:' || lower(name) END AS key
             FROM contacts WHERE stakeholder_id IN (SELECT stakeholder_id FROM ${ctx.stage} WHERE stakeholder_id IS NOT NULL)) k
           ORDER BY stakeholder_id, key, id) c
     WHERE c.stakeholder_id = s.stakeholder_id AND c.key = s.contact_key AND ${OK}`,
  );
  const ownerChanged = mapped.has('owner_email') ? ' OR (s.owner_id IS NOT NULL AND s.owner_id IS DISTINCT FROM st.owner_id)' : '';
  const stakeholderChanged = `EXISTS (SELECT 1 FROM stakeholders st WHERE st.id = s.stakeholder_id AND (${changedSql(
    STAKEHOLDER_UPDATABLE.map(([column, , stored]) => [column, stored]),
    mapped,
  )}${ownerChanged}))`;
  const contactChanged = `EXISTS (SELECT 1 FROM contacts c WHERE c.id = s.contact_id AND ${changedSql(
    CONTACT_UPDATABLE.map(([column, , stored]) => [column, stored]),
    mapped,
  )})`;
  await runner.query(
    `UPDATE ${ctx.stage} s SET stakeholder_changed = s.is_first AND ${stakeholderChanged},
       contact_changed = s.contact_id IS NOT NULL AND ${contactChanged}
     WHERE s.stakeholder_id IS NOT NULL AND ${OK}`,
  );
}
