import { Clock } from '../../common/clock/clock';
import { futureProblem } from '../../common/time/not-in-future';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { SurveyResponseInput } from './dto/survey-response.input';
import { SignalBatch, throwIfRejected } from './signal-batch';
import { SignalBatchResultModel } from './signal-batch-result.model';
import { loadCases, loadContactStakeholders } from './signal-references';
import { canRecordOnCase, preCrisisProblem, signalMessages, surveyScoreProblem } from './signal-rules';
import { SignalRowStatus } from './signal-row-status.enum';
import { SurveyResponseEntity } from './survey-response.entity';
import { withTransactionRetry } from '../../common/database/transaction-retry';

interface Existing {
  id: string;
  score: number;
  comment: string | null;
  is_pre_crisis: boolean;
}

/** The natural key of a response: same case, contact, kind and instant is the same answer. */
const keyOf = (caseId: string, contactId: string | null, kind: string, at: Date) => `${caseId}|${contactId ?? ''}|${kind}|${at.toISOString()}`;

@Injectable()
export class SurveyResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async recordOne(actor: AuthUser, input: SurveyResponseInput): Promise<SurveyResponseEntity> {
    const result = await this.record(actor, [input], false);
    throwIfRejected(result);
    return this.dataSource.getRepository(SurveyResponseEntity).findOneByOrFail({ id: result.rows[0].id as string });
  }

  /**
   * Checks every row, then inserts the good ones in one statement (all or nothing unless
   * acceptPartial). Re-recording an identical response is UNCHANGED; the same response with
   * another score or comment is a CONFLICT for that row.
   */
  record(actor: AuthUser, input: readonly object[], acceptPartial: boolean): Promise<SignalBatchResultModel> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const batch = new SignalBatch(SurveyResponseInput, input);
      await this.check(manager, actor, batch);
      if (batch.hasRejections && !acceptPartial) return batch.result(false);
      const good = batch.valid();
      if (good.length === 0) return batch.result(true);

      const keys = good.map(({ row }) => [row.caseId, row.contactId ?? null, row.kind, row.respondedAt] as const);
      const existing = await this.existing(manager, keys);
      const toInsert = good.filter(({ index, row }) => {
        const found = existing.get(keyOf(row.caseId, row.contactId ?? null, row.kind, row.respondedAt));
        if (!found) return true;
        if (found.score === row.score && found.comment === (row.comment ?? null) && found.is_pre_crisis === (row.isPreCrisis ?? false)) {
          batch.mark(index, SignalRowStatus.UNCHANGED, found.id);
        } else {
          batch.reject(index, 'respondedAt', ErrorCode.Conflict, signalMessages.surveyAlreadyRecorded(row.kind, row.respondedAt.toISOString(), found.score));
        }
        return false;
      });
      if (batch.hasRejections && !acceptPartial) return batch.result(false);
      await this.insert(manager, actor, batch, toInsert);
      return batch.result(true);
    });
  }

  private async check(manager: EntityManager, actor: AuthUser, batch: SignalBatch<SurveyResponseInput>): Promise<void> {
    const rows = batch.valid();
    const cases = await loadCases(manager, rows.map((r) => r.row.caseId));
    const contacts = await loadContactStakeholders(manager, rows.flatMap((r) => (r.row.contactId ? [r.row.contactId] : [])));
    const now = this.clock.now();
    for (const { index, row } of rows) {
      const scoreProblem = surveyScoreProblem(row.kind, row.score);
      if (scoreProblem) batch.reject(index, 'score', ErrorCode.BadUserInput, scoreProblem);
      const future = futureProblem('respondedAt', row.respondedAt, now);
      if (future) batch.reject(index, 'respondedAt', ErrorCode.BadUserInput, future);
      const recoveryCase = cases.get(row.caseId);
      if (!recoveryCase) {
        batch.reject(index, 'caseId', ErrorCode.NotFound, `Recovery case ${row.caseId} does not exist`);
        continue;
      }
      if (!canRecordOnCase(actor, recoveryCase)) {
        batch.reject(index, 'caseId', ErrorCode.Forbidden, signalMessages.caseOutOfScope(row.caseId));
      }
      const preCrisis = preCrisisProblem(row.isPreCrisis ?? false, row.respondedAt, recoveryCase.crisisStartedAt);
      if (preCrisis) batch.reject(index, 'isPreCrisis', ErrorCode.BadUserInput, preCrisis);
      if (row.contactId && contacts.get(row.contactId) !== recoveryCase.stakeholderId) {
        batch.reject(index, 'contactId', ErrorCode.BadUserInput, `Contact ${row.contactId} is not a contact of the case's stakeholder`);
      }
    }
  }

  private async existing(manager: EntityManager, keys: (readonly [string, string | null, string, Date])[]): Promise<Map<string, Existing>> {
    const rows: (Existing & { case_id: string; contact_id: string | null; kind: string; responded_at: Date })[] = await manager.query(
      `SELECT r.id, r.case_id, r.contact_id, r.kind, r.responded_at, r.score, r.comment, r.is_pre_crisis
         FROM unnest($1::uuid[], $2::uuid[], $3::survey_kind[], $4::timestamptz[]) AS k(case_id, contact_id, kind, responded_at)
         JOIN survey_responses r ON r.case_id = k.case_id AND r.contact_id IS NOT DISTINCT FROM k.contact_id
          AND r.kind = k.kind AND r.responded_at = k.responded_at AND r.voided_at IS NULL`,
      [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2]), keys.map((k) => k[3].toISOString())],
    );
    return new Map(rows.map((r) => [keyOf(r.case_id, r.contact_id, r.kind, r.responded_at), r]));
  }

  private async insert(
    manager: EntityManager,
    actor: AuthUser,
    batch: SignalBatch<SurveyResponseInput>,
    rows: { index: number; row: SurveyResponseInput }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(pick: (r: SurveyResponseInput) => T) => rows.map(({ row }) => pick(row));
    const inserted: { id: string; case_id: string; contact_id: string | null; kind: string; responded_at: Date }[] = await manager.query(
      `INSERT INTO survey_responses (case_id, stakeholder_id, contact_id, kind, score, responded_at, comment, is_pre_crisis, recorded_by_id)
       SELECT k.case_id, rc.stakeholder_id, k.contact_id, k.kind, k.score, k.responded_at, k.comment, k.is_pre_crisis, $9
         FROM unnest($1::uuid[], $2::uuid[], $3::survey_kind[], $4::smallint[], $5::timestamptz[], $6::text[], $7::boolean[], $8::int[])
              AS k(case_id, contact_id, kind, score, responded_at, comment, is_pre_crisis, ord)
         JOIN recovery_cases rc ON rc.id = k.case_id
        ORDER BY k.ord
       ON CONFLICT (case_id, contact_id, kind, responded_at) WHERE voided_at IS NULL DO NOTHING
       RETURNING id, case_id, contact_id, kind, responded_at`,
      [
        col((r) => r.caseId),
        col((r) => r.contactId ?? null),
        col((r) => r.kind),
        col((r) => r.score),
        col((r) => r.respondedAt.toISOString()),
        col((r) => r.comment ?? null),
        col((r) => r.isPreCrisis ?? false),
        rows.map((_, i) => i),
        actor.id,
      ],
    );
    const created = new Map(inserted.map((r) => [keyOf(r.case_id, r.contact_id, r.kind, r.responded_at), r.id]));
    // Two identical rows in one call, or a concurrent identical insert: the first wins, the rest are unchanged.
    const rest = rows.filter(({ index, row }) => {
      const key = keyOf(row.caseId, row.contactId ?? null, row.kind, row.respondedAt);
      const id = created.get(key);
      if (!id) return true;
      batch.mark(index, SignalRowStatus.CREATED, id);
      created.delete(key);
      return false;
    });
    if (rest.length === 0) return;
    const found = await this.existing(manager, rest.map(({ row }) => [row.caseId, row.contactId ?? null, row.kind, row.respondedAt] as const));
    for (const { index, row } of rest) {
      const match = found.get(keyOf(row.caseId, row.contactId ?? null, row.kind, row.respondedAt));
      if (!match) throw AppException.conflict('A survey response changed while it was recorded; try again');
      batch.mark(index, SignalRowStatus.UNCHANGED, match.id);
    }
  }
}
