import { Clock } from '../../common/clock/clock';
import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';
import { preCrisisProblem, signalMessages, sqlFormatTemplate } from '../signals/signal-rules';
import { ImportContext, ImportCounts, ImportProfile, RowVerdict } from './import-profile';
import { DuplicateMode, ImportKind } from './import.enums';
import { SURVEY_CSV_COLUMNS } from './signal-csv-columns';
import { lockAndResolveStakeholders, outOfScopeSql, rejectLaterDuplicates } from './signal-import-checks';
import { surveyRowRules } from './signal-row-rules';
import { OK, reject } from './stakeholder-import-checks';

const OUT_OF_SCOPE = sqlFormatTemplate(signalMessages.caseOutOfScope, 1);
const ALREADY_RECORDED = sqlFormatTemplate(signalMessages.surveyAlreadyRecorded, 3);
/** The natural key of a response (survey_responses_natural_key), over the staging table. */
const NATURAL_KEY = ['case_id', 'contact_id', 'kind', 'responded_at'];

/**
 * Survey responses into survey_responses. Each row's case is its stakeholder's case in the
 * import's crisis (one per stakeholder and crisis); the respondent is a contact of that
 * stakeholder by email, or nobody in particular.
 *
 * There is no respondent-side id: a response is identified, as by recordSurveyResponses, by
 * its natural key (case, contact, kind, responded_at), which a unique constraint guards. A
 * later line with the key of an earlier one is rejected. A response already in Regain with the
 * same score, comment and pre-crisis flag is unchanged in either mode, so the same file
 * imported twice changes nothing. One that differs is left as it is under SKIP
 * (responsesSkipped); under UPDATE it is rejected with the mutation's CONFLICT reason, since a
 * recorded answer is a fact the API never rewrites (no GraphQL path changes a score either).
 * Responses are not audited (neither are they through GraphQL: they are not money, status,
 * ownership or approval); the import's own audit entries record the run and its counts.
 */
@Injectable()
export class SurveyImportProfile implements ImportProfile {
  readonly kind = ImportKind.SURVEYS;
  readonly columns = SURVEY_CSV_COLUMNS;
  readonly stagingExtraColumns = `stakeholder_id uuid, stakeholder_name text, stakeholder_owner_id uuid, case_id uuid, case_owner_id uuid,
    contact_id uuid, existing_score smallint, action text`;

  constructor(private readonly clock: Clock) {}

  rowValidator(): (values: (string | null)[]) => RowVerdict {
    return surveyRowRules(this.clock.now());
  }

  async checkInDatabase(runner: QueryRunner, ctx: ImportContext): Promise<void> {
    // The cases are share-locked, as recordSurveyResponses locks them: no owner changes before the merge.
    await runner.query(
      `SELECT 1 FROM recovery_cases rc JOIN stakeholders st ON st.id = rc.stakeholder_id
       WHERE rc.crisis_id = $1 AND st.external_ref IN (SELECT external_ref FROM ${ctx.stage} WHERE error_reason IS NULL)
       ORDER BY rc.id FOR SHARE OF rc`,
      [ctx.crisisId],
    );
    await lockAndResolveStakeholders(
      runner,
      ctx.stage,
      `(case_id, case_owner_id) = (SELECT rc.id, rc.owner_id FROM recovery_cases rc WHERE rc.stakeholder_id = st.id AND rc.crisis_id = $1),
       contact_id = CASE WHEN s.contact_email IS NOT NULL THEN
         (SELECT c.id FROM contacts c WHERE c.stakeholder_id = st.id AND lower(c.email) = s.contact_email ORDER BY c.id LIMIT 1) END`,
      [ctx.crisisId],
    );
    await reject(
      runner,
      ctx.stage,
      `'external_ref'`,
      `format('%s has no recovery case in this import''s crisis; open one first (a STAKEHOLDERS import into the crisis)', s.external_ref)`,
      '',
      `s.case_id IS NULL`,
    );
    await reject(
      runner,
      ctx.stage,
      `'contact_email'`,
      `format('contact_email %s is not a contact of %s', s.contact_email, s.external_ref)`,
      '',
      `s.contact_email IS NOT NULL AND s.contact_id IS NULL`,
    );
    const scope = outOfScopeSql(ctx.actor.role, 'case');
    if (scope) await reject(runner, ctx.stage, `'external_ref'`, `format($2, s.case_id)`, '', scope, [ctx.actor.id, OUT_OF_SCOPE]);
    await this.checkPreCrisis(runner, ctx);
    await rejectLaterDuplicates(
      runner,
      ctx.stage,
      NATURAL_KEY,
      `'responded_at'`,
      `format('line %s already gives this response (the same stakeholder, contact, kind and responded_at)', f.line)`,
      [],
      ['contact_id'],
    );
    // A plain join, not a lookup per row: a large file is matched by hashing, a small one through the index.
    // The staging table's statistics date from before its case ids were filled in: refresh them for that choice.
    await runner.query(`ANALYZE ${ctx.stage}`);
    await runner.query(
      `UPDATE ${ctx.stage} s SET existing_score = r.score,
         action = CASE WHEN r.score IS NULL THEN 'CREATE'
           WHEN r.score = s.score::smallint AND r.comment IS NOT DISTINCT FROM s.comment AND r.is_pre_crisis = s.is_pre_crisis::boolean THEN 'UNCHANGED'
           WHEN $1 THEN 'SKIP' ELSE 'CONFLICT' END
       FROM ${ctx.stage} k LEFT JOIN survey_responses r
         ON r.case_id = k.case_id AND r.kind = k.kind::survey_kind AND r.responded_at = k.responded_at::timestamptz
        AND coalesce(r.contact_id::text, '') = coalesce(k.contact_id::text, '') AND r.voided_at IS NULL
       WHERE k.line = s.line AND ${OK}`,
      [ctx.duplicateMode === DuplicateMode.SKIP],
    );
    await reject(runner, ctx.stage, `'responded_at'`, `format($1, s.kind, s.responded_at, s.existing_score)`, '', `s.action = 'CONFLICT'`, [ALREADY_RECORDED]);
  }

  async plan(runner: QueryRunner, ctx: ImportContext): Promise<ImportCounts> {
    const [counts] = await runner.query(`
      SELECT count(*) FILTER (WHERE action = 'CREATE')::int AS "responsesCreated",
             count(*) FILTER (WHERE action = 'UNCHANGED')::int AS "responsesUnchanged",
             count(*) FILTER (WHERE action = 'SKIP')::int AS "responsesSkipped"
      FROM ${ctx.stage} WHERE error_reason IS NULL`);
    return counts as ImportCounts;
  }

  async merge(runner: QueryRunner, ctx: ImportContext, fromLine: number, toLine: number): Promise<ImportCounts> {
    // DO NOTHING: a response recorded through GraphQL since the checks is the same answer, kept as it is.
    const [row] = await runner.query(
      `WITH created AS (
         INSERT INTO survey_responses (case_id, stakeholder_id, contact_id, kind, score, responded_at, comment, is_pre_crisis, recorded_by_id)
         SELECT s.case_id, s.stakeholder_id, s.contact_id, s.kind::survey_kind, s.score::smallint, s.responded_at::timestamptz,
                s.comment, s.is_pre_crisis::boolean, $3
         FROM ${ctx.stage} s WHERE s.line BETWEEN $1 AND $2 AND ${OK} AND s.action = 'CREATE'
         ORDER BY s.line
         ON CONFLICT (case_id, contact_id, kind, responded_at) WHERE voided_at IS NULL DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS n FROM created`,
      [fromLine, toLine, ctx.actor.id],
    );
    return { responsesCreated: row.n };
  }

  /** preCrisisProblem, set-based: the import has one crisis, so each message is one text. */
  private async checkPreCrisis(runner: QueryRunner, ctx: ImportContext): Promise<void> {
    const [{ start }] = await runner.query(`SELECT coalesce(started_at, detected_at) AS start FROM crises WHERE id = $1`, [ctx.crisisId]);
    const started = start as Date;
    const early = preCrisisProblem(true, started, started);
    const late = preCrisisProblem(false, new Date(started.getTime() - 1), started);
    const condition = `(s.is_pre_crisis = 'true' AND s.responded_at::timestamptz >= $1) OR (s.is_pre_crisis = 'false' AND s.responded_at::timestamptz < $1)`;
    await reject(runner, ctx.stage, `'is_pre_crisis'`, `CASE WHEN s.is_pre_crisis = 'true' THEN $2::text ELSE $3::text END`, '', condition, [started, early, late]);
  }
}
