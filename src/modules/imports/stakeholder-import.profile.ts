import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';
import { CadenceBulkEnrolmentService } from '../cadences/cadence-bulk-enrolment.service';
import { CadenceEnrolmentService } from '../cadences/cadence-enrolment.service';
import { UserRole } from '../users/user-role.enum';
import { ImportContext, ImportCounts, ImportProfile, RowVerdict } from './import-profile';
import { DuplicateMode, ImportKind } from './import.enums';
import { STAKEHOLDER_CSV_COLUMNS } from './stakeholder-csv-columns';
import { checkCases, checksFingerprint, classify, OK, reject } from './stakeholder-import-checks';
import { ImportUser, OWNER_STAGED_COLUMNS, ownerLookup } from './stakeholder-import-owners';
import { consistencyColumns, CONTACT_UPDATABLE, mergeActions, STAKEHOLDER_UPDATABLE, stakeholderAuditJson } from './stakeholder-import-sql';
import { stakeholderRowRules } from './stakeholder-row-rules';

/**
 * Stakeholders with contacts and, when the import names a crisis, a recovery case each. One
 * row per contact; the stakeholder comes from the first accepted line of its external_ref.
 * Everything after the per-row rules is set-based over the staging table: classify once
 * (the dry run counts the classes), then merge by line ranges with the audit entries written
 * by the same statements. New rows get time-ordered ids (uuid_v7), so that the id-keyed indexes
 * grow at their right edge instead of at random pages.
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
    owner_id uuid, case_owner_id uuid, owner_problem text, case_owner_problem text,
    stakeholder_id uuid, existing_kind text, existing_owner_id uuid, contact_id uuid,
    is_first boolean NOT NULL DEFAULT true, case_exists boolean NOT NULL DEFAULT false,
    stakeholder_changed boolean NOT NULL DEFAULT false, contact_changed boolean NOT NULL DEFAULT false`;
  readonly stagedColumns = OWNER_STAGED_COLUMNS;

  rowValidator(context: ImportContext): (values: (string | null)[]) => RowVerdict {
    return stakeholderRowRules({ actor: context.actor, opensCases: context.crisisId !== null });
  }

  /** The row rules, then the owners by email from the users read here (the checks judge them later, in order). */
  async rowValidatorIn(runner: QueryRunner, context: ImportContext): Promise<(values: (string | null)[]) => RowVerdict> {
    const users: ImportUser[] = await runner.query(`SELECT id, email, name, role, is_active AS "isActive" FROM users`);
    const rules = this.rowValidator(context);
    const owners = ownerLookup(users, context.crisisId !== null);
    return (values) => {
      const verdict = rules(values);
      return verdict.ok ? { ...verdict, staged: owners(verdict.values) } : verdict;
    };
  }

  async checkInDatabase(runner: QueryRunner, ctx: ImportContext): Promise<void> {
    const opensCases = ctx.crisisId !== null;
    const update = ctx.duplicateMode === DuplicateMode.UPDATE;

    // Rows of one external_ref are one stakeholder: they must agree with its first accepted line.
    // Only refs with more than one accepted row are read twice; their later rows lose is_first.
    const columns = consistencyColumns(opensCases);
    const firstDifferent = `CASE ${columns.map((c) => `WHEN s.${c} IS DISTINCT FROM f.${c} THEN '${c}'`).join(' ')} END`;
    const differs = `(${columns.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `f.${c}`).join(', ')})`;
    await runner.query(
      `UPDATE ${ctx.stage} s SET is_first = false,
         error_column = CASE WHEN ${differs} THEN ${firstDifferent} END,
         error_reason = CASE WHEN ${differs} THEN left(format('external_ref %s appears on line %s with a different %s', s.external_ref, f.line, ${firstDifferent}), 1000) END
       FROM (SELECT external_ref, min(line) AS line FROM ${ctx.stage} WHERE error_reason IS NULL GROUP BY external_ref HAVING count(*) > 1) d
       JOIN ${ctx.stage} f ON f.line = d.line
       WHERE s.external_ref = d.external_ref AND s.line > d.line AND ${OK}`,
    );
    // A contact appears once per stakeholder (recognised by email, else by name): only later rows can repeat one.
    await reject(
      runner,
      ctx.stage,
      `CASE WHEN s.contact_email IS NOT NULL THEN 'contact_email' ELSE 'contact_name' END`,
      `format('the contact %s is already on line %s for external_ref %s', coalesce(s.contact_email, s.contact_name), f.line, s.external_ref)`,
      `(SELECT external_ref, contact_key, min(line) AS line FROM ${ctx.stage}
         WHERE error_reason IS NULL AND contact_key IS NOT NULL AND external_ref IN (SELECT external_ref FROM ${ctx.stage} WHERE NOT is_first)
         GROUP BY external_ref, contact_key) f`,
      `NOT s.is_first AND s.external_ref = f.external_ref AND s.contact_key = f.contact_key AND s.line > f.line`,
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

    // Owners: an active user whose role may own this kind (stakeholder-rules OWNER_ROLE), looked up while parsing.
    await reject(runner, ctx.stage, `'owner_email'`, 's.owner_problem', '', `s.owner_problem IS NOT NULL`);

    if (opensCases) await checkCases(runner, ctx);
    await classify(runner, ctx);
  }

  checksFingerprint(runner: QueryRunner, ctx: ImportContext): Promise<string> {
    return checksFingerprint(runner, ctx);
  }

  async plan(runner: QueryRunner, ctx: ImportContext): Promise<ImportCounts> {
    const actions = this.actions(ctx);
    const [counts] = await runner.query(`
      SELECT count(*) FILTER (WHERE sa = 'CREATE')::int AS "stakeholdersCreated",
             count(*) FILTER (WHERE sa = 'UPDATE')::int AS "stakeholdersUpdated",
             count(*) FILTER (WHERE sa IN ('UNCHANGED', 'SKIP'))::int AS "stakeholdersUnchanged",
             count(*) FILTER (WHERE ca = 'CREATE')::int AS "contactsCreated",
             count(*) FILTER (WHERE ca = 'UPDATE')::int AS "contactsUpdated",
             count(*) FILTER (WHERE ca IN ('UNCHANGED', 'SKIP'))::int AS "contactsUnchanged",
             count(*) FILTER (WHERE ka = 'OPEN')::int AS "casesOpened",
             count(*) FILTER (WHERE ka = 'EXISTS')::int AS "casesAlreadyOpen"
      FROM (SELECT ${actions.stakeholder} AS sa, ${actions.contact} AS ca, ${actions.recoveryCase} AS ka FROM ${ctx.stage} s WHERE ${OK}) a`);
    return counts as ImportCounts;
  }

  private actions(ctx: ImportContext) {
    return mergeActions(ctx.duplicateMode === DuplicateMode.SKIP, ctx.crisisId !== null);
  }

  async merge(runner: QueryRunner, ctx: ImportContext, fromLine: number, toLine: number): Promise<ImportCounts> {
    const range = `s.line BETWEEN $1 AND $2 AND ${OK}`;
    const actions = this.actions(ctx);
    const base = [fromLine, toLine, ctx.actor.id, ctx.importId];
    const mapped = ctx.mappedColumns;
    const insertColumns = STAKEHOLDER_UPDATABLE.map(([, target]) => target);
    const [created] = await runner.query(
      `WITH created AS (
         INSERT INTO stakeholders (id, kind, external_ref, owner_id, ${insertColumns.join(', ')})
         SELECT uuid_v7(), s.kind::stakeholder_kind, s.external_ref, s.owner_id,
                ${STAKEHOLDER_UPDATABLE.map(([column, , , cast]) => `s.${column}${cast}`).join(', ')}
         FROM ${ctx.stage} s WHERE (${actions.stakeholder}) = 'CREATE' AND ${range}
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
           WHERE (${actions.stakeholder}) = 'UPDATE' AND ${range} FOR UPDATE OF st),
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
         INSERT INTO contacts (id, stakeholder_id, name, title, email, phone, preferred_channel, is_executive)
         SELECT uuid_v7(), st.id, s.contact_name, s.contact_title, s.contact_email, s.contact_phone,
                s.contact_preferred_channel::contact_channel, s.contact_is_executive::boolean
         FROM ${ctx.stage} s JOIN stakeholders st ON st.external_ref = s.external_ref
         WHERE (${actions.contact}) = 'CREATE' AND ${range} RETURNING 1)
       SELECT count(*)::int AS n FROM created`,
      [fromLine, toLine],
    );
    const contactSets = CONTACT_UPDATABLE.filter(([column]) => mapped.has(column)).map(([column, target, , cast]) => `${target} = s.${column}${cast}`);
    let contactsUpdated = 0;
    if (contactSets.length > 0) {
      const [row] = await runner.query(
        `WITH changed AS (
           UPDATE contacts c SET ${contactSets.join(', ')}, updated_at = now()
           FROM ${ctx.stage} s WHERE c.id = s.contact_id AND (${actions.contact}) = 'UPDATE' AND ${range} RETURNING 1)
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
           INSERT INTO recovery_cases (id, crisis_id, stakeholder_id, impact, estimated_loss_minor, loss_currency, description,
                                       owner_id, status, priority, status_changed_at, opened_by_id)
           SELECT uuid_v7(), $5, st.id, s.case_impact::impact_level, s.case_estimated_loss_minor::bigint, s.case_loss_currency,
                  s.case_description, s.case_owner_id, 'IDENTIFIED', s.case_priority::case_priority, now(), $3
           FROM ${ctx.stage} s JOIN stakeholders st ON st.external_ref = s.external_ref
           WHERE (${actions.recoveryCase}) = 'OPEN' AND ${range}
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
