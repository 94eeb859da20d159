import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';
import { CadenceBulkEnrolmentService } from '../cadences/cadence-bulk-enrolment.service';
import { CadenceEnrolmentService } from '../cadences/cadence-enrolment.service';
import { OWNER_ROLE } from '../stakeholders/stakeholder-rules';
import { UserRole } from '../users/user-role.enum';
import { ImportContext, ImportCounts, ImportProfile, RowVerdict } from './import-profile';
import { DuplicateMode, ImportKind } from './import.enums';
import { STAKEHOLDER_CSV_COLUMNS } from './stakeholder-csv-columns';
import { checkCases, checksFingerprint, classify, OK, reject, roleFor } from './stakeholder-import-checks';
import { consistencyColumns, CONTACT_UPDATABLE, STAKEHOLDER_UPDATABLE, stakeholderAuditJson } from './stakeholder-import-sql';
import { stakeholderRowRules } from './stakeholder-row-rules';

/**
 * Stakeholders with contacts and, when the import names a crisis, a recovery case each. One
 * row per contact; the stakeholder comes from the first accepted line of its external_ref.
 * Everything after the per-row rules is set-based over the staging table: classify once
 * (the dry run counts the classes), then merge by line ranges with the audit entries written
 * by the same statements.
 */
@Injectable()
export class StakeholderImportProfile implements ImportProfile {
  constructor(
    private readonly cadences: CadenceEnrolmentService,
    private readonly bulkEnrolment: CadenceBulkEnrolmentService,
  ) {}

  readonly kind = ImportKind.STAKEHOLDERS;
  readonly columns = STAKEHOLDER_CSV_COLUMNS;
  readonly stagingExtraColumns = `
    contact_key text GENERATED ALWAYS AS (CASE WHEN contact_email IS NOT NULL THEN 'e:' || lower(contact_email)
      WHEN contact_name IS NOT NULL THEN 'n:' || lower(contact_name) END) STORED,
    stakeholder_id uuid, existing_kind text, existing_owner_id uuid, owner_id uuid, case_owner_id uuid, contact_id uuid,
    is_first boolean NOT NULL DEFAULT false, stakeholder_action text, contact_action text, case_action text`;

  rowValidator(context: ImportContext): (values: (string | null)[]) => RowVerdict {
    return stakeholderRowRules({ actor: context.actor, opensCases: context.crisisId !== null });
  }

  async checkInDatabase(runner: QueryRunner, ctx: ImportContext): Promise<void> {
    const opensCases = ctx.crisisId !== null;
    const update = ctx.duplicateMode === DuplicateMode.UPDATE;

    // Rows of one external_ref are one stakeholder: they must agree with its first accepted line.
    const columns = consistencyColumns(opensCases);
    const firstDifferent = `CASE ${columns.map((c) => `WHEN s.${c} IS DISTINCT FROM f.${c} THEN '${c}'`).join(' ')} END`;
    await reject(
      runner,
      ctx.stage,
      firstDifferent,
      `format('external_ref %s appears on line %s with a different %s', s.external_ref, f.line, ${firstDifferent})`,
      `(SELECT DISTINCT ON (external_ref) * FROM ${ctx.stage} WHERE error_reason IS NULL ORDER BY external_ref, line) f`,
      `s.external_ref = f.external_ref AND s.line > f.line AND (${columns.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `f.${c}`).join(', ')})`,
    );
    // A contact appears once per stakeholder (recognised by email, else by name).
    await reject(
      runner,
      ctx.stage,
      `CASE WHEN s.contact_email IS NOT NULL THEN 'contact_email' ELSE 'contact_name' END`,
      `format('the contact %s is already on line %s for external_ref %s', coalesce(s.contact_email, s.contact_name), f.line, s.external_ref)`,
      `(SELECT DISTINCT ON (external_ref, contact_key) line, external_ref, contact_key FROM ${ctx.stage}
         WHERE error_reason IS NULL AND contact_key IS NOT NULL ORDER BY external_ref, contact_key, line) f`,
      `s.external_ref = f.external_ref AND s.contact_key = f.contact_key AND s.line > f.line`,
    );

    await runner.query(
      `UPDATE ${ctx.stage} s SET stakeholder_id = st.id, existing_kind = st.kind::text, existing_owner_id = st.owner_id
       FROM stakeholders st WHERE st.external_ref = s.external_ref AND ${OK}`,
    );
    await reject(
      runner,
      ctx.stage,
      `'kind'`,
      `format('external_ref %s is already a %s in Regain; a stakeholder''s kind cannot change', s.external_ref, s.existing_kind)`,
      '',
      `s.existing_kind IS NOT NULL AND s.existing_kind <> s.kind`,
    );
    if (update && ctx.actor.role !== UserRole.ADMIN) {
      await reject(
        runner,
        ctx.stage,
        `'external_ref'`,
        `format('stakeholder %s is owned by someone else; only its owner or an admin can update it', s.external_ref)`,
        '',
        `s.stakeholder_id IS NOT NULL AND s.existing_owner_id IS DISTINCT FROM $1`,
        [ctx.actor.id],
      );
    }
    if (update && (ctx.mappedColumns.has('contract_start_date') || ctx.mappedColumns.has('contract_end_date'))) {
      const start = ctx.mappedColumns.has('contract_start_date') ? 's.contract_start_date::date' : 'st.contract_start_date';
      const end = ctx.mappedColumns.has('contract_end_date') ? 's.contract_end_date::date' : 'st.contract_end_date';
      await reject(
        runner,
        ctx.stage,
        `'contract_end_date'`,
        `format('the contract would end (%s) before it starts (%s)', ${end}, ${start})`,
        'stakeholders st',
        `st.id = s.stakeholder_id AND ${end} < ${start}`,
      );
    }

    // Owners: an active user whose role may own this kind (stakeholder-rules OWNER_ROLE).
    // Owners and case owners by email in one pass (one rewrite of each staged row); checkCases then judges the case owners.
    const caseOwner = opensCases ? ', case_owner_id = (SELECT u.id FROM users u WHERE u.email = s.case_owner_email)' : '';
    await runner.query(
      `UPDATE ${ctx.stage} s SET owner_id = (SELECT u.id FROM users u WHERE u.email = s.owner_email)${caseOwner}
       WHERE ${OK} AND (s.owner_email IS NOT NULL${opensCases ? ' OR s.case_owner_email IS NOT NULL' : ''})`,
    );
    await reject(runner, ctx.stage, `'owner_email'`, `format('owner_email %s is not a user of Regain', s.owner_email)`, '', `s.owner_email IS NOT NULL AND s.owner_id IS NULL`);
    await reject(
      runner,
      ctx.stage,
      `'owner_email'`,
      `format('a %s must be owned by an active %s; %s is %s', lower(s.kind), ${roleFor(OWNER_ROLE, 's.kind')}, u.name,
        CASE WHEN u.is_active THEN u.role::text ELSE 'deactivated' END)`,
      'users u',
      `u.id = s.owner_id AND NOT (u.is_active AND u.role::text = ${roleFor(OWNER_ROLE, 's.kind')})`,
    );

    if (opensCases) await checkCases(runner, ctx);
    await classify(runner, ctx);
  }

  checksFingerprint(runner: QueryRunner, ctx: ImportContext): Promise<string> {
    return checksFingerprint(runner, ctx);
  }

  async plan(runner: QueryRunner, ctx: ImportContext): Promise<ImportCounts> {
    const [counts] = await runner.query(`
      SELECT count(*) FILTER (WHERE stakeholder_action = 'CREATE')::int AS "stakeholdersCreated",
             count(*) FILTER (WHERE stakeholder_action = 'UPDATE')::int AS "stakeholdersUpdated",
             count(*) FILTER (WHERE stakeholder_action IN ('UNCHANGED', 'SKIP'))::int AS "stakeholdersUnchanged",
             count(*) FILTER (WHERE contact_action = 'CREATE')::int AS "contactsCreated",
             count(*) FILTER (WHERE contact_action = 'UPDATE')::int AS "contactsUpdated",
             count(*) FILTER (WHERE contact_action IN ('UNCHANGED', 'SKIP'))::int AS "contactsUnchanged",
             count(*) FILTER (WHERE case_action = 'OPEN')::int AS "casesOpened",
             count(*) FILTER (WHERE case_action = 'EXISTS')::int AS "casesAlreadyOpen"
      FROM ${ctx.stage} WHERE error_reason IS NULL`);
    return counts as ImportCounts;
  }

  async merge(runner: QueryRunner, ctx: ImportContext, fromLine: number, toLine: number): Promise<ImportCounts> {
    const range = `s.line BETWEEN $1 AND $2 AND ${OK}`;
    const base = [fromLine, toLine, ctx.actor.id, ctx.importId];
    const mapped = ctx.mappedColumns;
    const insertColumns = STAKEHOLDER_UPDATABLE.map(([, target]) => target);
    const [created] = await runner.query(
      `WITH created AS (
         INSERT INTO stakeholders (kind, external_ref, owner_id, ${insertColumns.join(', ')})
         SELECT s.kind::stakeholder_kind, s.external_ref, s.owner_id,
                ${STAKEHOLDER_UPDATABLE.map(([column, , , cast]) => `s.${column}${cast}`).join(', ')}
         FROM ${ctx.stage} s WHERE s.stakeholder_action = 'CREATE' AND ${range}
         RETURNING *),
       audited AS (
         INSERT INTO audit_entries (actor_id, entity_type, entity_id, action, before, after)
         SELECT $3, 'STAKEHOLDER', c.id, 'STAKEHOLDER_CREATED', NULL, ${stakeholderAuditJson('c')} || jsonb_build_object('importId', $4::uuid)
         FROM created c)
       SELECT count(*)::int AS n FROM created`,
      base,
    );

    const sets = STAKEHOLDER_UPDATABLE.filter(([column]) => mapped.has(column)).map(([column, target, , cast]) => `${target} = s.${column}${cast}`);
    if (mapped.has('owner_email')) sets.push('owner_id = coalesce(s.owner_id, t.owner_id)');
    let updated = 0;
    if (sets.length > 0) {
      const audits: [string, string][] = [
        ['STAKEHOLDER_OWNER_CHANGED', `'ownerId', %.owner_id`],
        ['STAKEHOLDER_BASELINE_CHANGED', `'baselineMonthlyRevenue', CASE WHEN %.baseline_monthly_revenue_minor IS NULL THEN NULL
           ELSE jsonb_build_object('amountMinor', %.baseline_monthly_revenue_minor::text, 'currency', %.baseline_currency) END`],
        ['STAKEHOLDER_CONTRACT_CHANGED', `'contractReference', %.contract_reference, 'contractStartDate', %.contract_start_date, 'contractEndDate', %.contract_end_date`],
        ['STAKEHOLDER_DO_NOT_CONTACT_CHANGED', `'doNotContact', %.do_not_contact`],
      ];
      const json = (fields: string, alias: string) => `jsonb_build_object(${fields.replace(/%/g, alias)})`;
      const [row] = await runner.query(
        `WITH old AS (
           SELECT st.*, s.line AS stage_line FROM ${ctx.stage} s JOIN stakeholders st ON st.id = s.stakeholder_id
           WHERE s.stakeholder_action = 'UPDATE' AND ${range} FOR UPDATE OF st),
         changed AS (
           UPDATE stakeholders t SET ${sets.join(', ')}, updated_at = now()
           FROM old o, ${ctx.stage} s WHERE t.id = o.id AND s.line = o.stage_line
           RETURNING t.*, o.owner_id AS o_owner_id, o.baseline_monthly_revenue_minor AS o_baseline_monthly_revenue_minor,
             o.baseline_currency AS o_baseline_currency, o.contract_reference AS o_contract_reference,
             o.contract_start_date AS o_contract_start_date, o.contract_end_date AS o_contract_end_date, o.do_not_contact AS o_do_not_contact),
         audited AS (
           INSERT INTO audit_entries (actor_id, entity_type, entity_id, action, before, after)
           SELECT $3, 'STAKEHOLDER', c.id, a.action, a.before, a.after || jsonb_build_object('importId', $4::uuid)
           FROM changed c CROSS JOIN LATERAL (VALUES
             ${audits.map(([action, fields]) => `('${action}', ${json(fields, 'c')}, ${json(fields.replace(/%\./g, '%.o_'), 'c')})`).join(',\n             ')}
           ) AS a(action, after, before)
           WHERE a.before IS DISTINCT FROM a.after)
         SELECT count(*)::int AS n, coalesce(array_agg(id) FILTER (WHERE do_not_contact AND NOT o_do_not_contact), '{}') AS dnc FROM changed`,
        base,
      );
      updated = row.n;
      // Rare (a flag turned on), so the cadence service's own per-stakeholder path is fine here.
      for (const id of row.dnc as string[]) await this.cadences.stopForDoNotContact(runner.manager, ctx.actor.id, id);
    }

    const [contacts] = await runner.query(
      `WITH created AS (
         INSERT INTO contacts (stakeholder_id, name, title, email, phone, preferred_channel, is_executive)
         SELECT st.id, s.contact_name, s.contact_title, s.contact_email, s.contact_phone,
                s.contact_preferred_channel::contact_channel, s.contact_is_executive::boolean
         FROM ${ctx.stage} s JOIN stakeholders st ON st.external_ref = s.external_ref
         WHERE s.contact_action = 'CREATE' AND ${range} RETURNING 1)
       SELECT count(*)::int AS n FROM created`,
      [fromLine, toLine],
    );
    const contactSets = CONTACT_UPDATABLE.filter(([column]) => mapped.has(column)).map(([column, target, , cast]) => `${target} = s.${column}${cast}`);
    let contactsUpdated = 0;
    if (contactSets.length > 0) {
      const [row] = await runner.query(
        `WITH changed AS (
           UPDATE contacts c SET ${contactSets.join(', ')}, updated_at = now()
           FROM ${ctx.stage} s WHERE c.id = s.contact_id AND s.contact_action = 'UPDATE' AND ${range} RETURNING 1)
         SELECT count(*)::int AS n FROM changed`,
        [fromLine, toLine],
      );
      contactsUpdated = row.n;
    }

    let casesOpened = 0;
    let casesEnrolled = 0;
    if (ctx.crisisId !== null) {
      const [row] = await runner.query(
        `WITH opened AS (
           INSERT INTO recovery_cases (crisis_id, stakeholder_id, impact, estimated_loss_minor, loss_currency, description,
                                       owner_id, status, priority, status_changed_at, opened_by_id)
           SELECT $5, st.id, s.case_impact::impact_level, s.case_estimated_loss_minor::bigint, s.case_loss_currency,
                  s.case_description, s.case_owner_id, 'IDENTIFIED', s.case_priority::case_priority, now(), $3
           FROM ${ctx.stage} s JOIN stakeholders st ON st.external_ref = s.external_ref
           WHERE s.case_action = 'OPEN' AND ${range}
           RETURNING *),
         audited AS (
           INSERT INTO audit_entries (actor_id, entity_type, entity_id, action, before, after)
           SELECT $3, 'RECOVERY_CASE', o.id, 'CASE_OPENED', NULL, jsonb_build_object('crisisId', o.crisis_id,
             'stakeholderId', o.stakeholder_id, 'ownerId', o.owner_id, 'status', o.status, 'priority', o.priority, 'impact', o.impact,
             'estimatedLoss', jsonb_build_object('amountMinor', o.estimated_loss_minor::text, 'currency', o.loss_currency), 'importId', $4::uuid)
           FROM opened o)
         SELECT count(*)::int AS n, coalesce(array_agg(id), '{}') AS ids FROM opened`,
        [...base, ctx.crisisId],
      );
      casesOpened = row.n;
      // As CasesService.open does for one case: the matrix's cadence for the crisis severity × impact, in this transaction.
      casesEnrolled = (await this.bulkEnrolment.enrolByMatrixIn(runner.manager, ctx.actor.id, row.ids as string[])).enrolled;
    }
    return {
      stakeholdersCreated: created.n,
      stakeholdersUpdated: updated,
      contactsCreated: contacts.n,
      contactsUpdated,
      casesOpened,
      casesEnrolled,
    };
  }
}
